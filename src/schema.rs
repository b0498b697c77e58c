//! The JSON Schema of the plan file (draft 2020-12), printed by `integrationsplan schema`.
//!
//! The schema describes shapes and ranges; rules across fields (unique ids, references,
//! band overlap, sums) are checked by [`crate::validate`] and listed in `docs/FORMAT.md`.

use serde_json::{Value, json};

/// The JSON Schema of plan files, version 1.
pub fn plan_schema() -> Value {
    let month = json!({ "type": "string", "pattern": "^(19\\d\\d|2[01]\\d\\d|2200)-(0[1-9]|1[0-2])$",
        "description": "A calendar month \"YYYY-MM\", year 1900–2200." });
    let id = json!({ "type": "string", "minLength": 1, "maxLength": 100, "description": "Unique within its list." });
    let non_negative = json!({ "type": "number", "minimum": 0 });
    let rate_band = "^((1[0-7]|[0-9])-(1[0-7]|[0-9])|(1[0-7]|[0-9])\\+|18\\+)$";
    let share_band = "^((1[0-7]|[0-9])-(1[0-7]|[0-9])|18\\+)$";
    let funding = json!({ "enum": ["secured", "planned", "open"] });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://integrationsplan.nrw/schema/plan-v1.json",
        "title": "Integrationsplan plan file, version 1",
        "description": "A plan: regions, domains, measures, scenarios and budget. Unknown fields are allowed and kept.",
        "type": "object",
        "required": ["format", "version", "horizon", "domains", "regions", "scenarios"],
        "properties": {
            "format": { "const": "integrationsplan" },
            "version": { "type": "integer", "minimum": 1, "maximum": 1 },
            "meta": { "type": "object", "properties": {
                "title": { "type": "string" }, "author": { "type": "string" }, "notes": { "type": "string" } } },
            "horizon": { "type": "object", "required": ["start", "months"], "properties": {
                "start": month, "months": { "type": "integer", "minimum": 1, "maximum": 1200 } } },
            "domains": { "type": "array", "maxItems": 32, "items": {
                "type": "object", "required": ["id", "name", "rates"], "properties": {
                    "id": id, "name": { "type": "string" }, "unit": { "type": "string", "default": "Plätze" },
                    "rates": { "type": "object", "propertyNames": { "pattern": rate_band },
                        "additionalProperties": { "type": "number", "minimum": 0, "maximum": 1 } },
                    "persons_per_unit": { "type": "number", "exclusiveMinimum": 0, "default": 1 } } } },
            "regions": { "type": "array", "minItems": 1, "maxItems": 20000, "items": {
                "type": "object", "required": ["id", "name", "population", "area_km2"], "properties": {
                    "id": id, "name": { "type": "string" }, "population": non_negative, "area_km2": non_negative,
                    "capacity": { "type": "object", "additionalProperties": { "type": "number" },
                        "description": "Free places per domain id at the start; missing = 0." } } } },
            "distribution": { "oneOf": [
                { "type": "object", "required": ["shares"], "properties": {
                    "shares": { "type": "object", "additionalProperties": non_negative } } },
                { "type": "object", "not": { "required": ["shares"] }, "properties": {
                    "population_weight": non_negative, "area_weight": non_negative,
                    "area_uplift_cap": { "type": ["number", "null"], "minimum": 0 } } } ],
                "default": { "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 } },
            "measures": { "type": "array", "maxItems": 100000, "items": {
                "type": "object", "required": ["id", "name", "domain", "places", "start"], "properties": {
                    "id": id, "name": { "type": "string" }, "domain": { "type": "string" },
                    "region": { "type": ["string", "null"], "description": "Region id; null or absent = state-wide." },
                    "places": { "type": "number" }, "start": month,
                    "end": { "oneOf": [month, { "type": "null" }] },
                    "ramp_months": { "type": "integer", "minimum": 0, "default": 0 },
                    "cost_once_eur": non_negative, "cost_per_year_eur": non_negative,
                    "funding": funding, "notes": { "type": "string" } } } },
            "scenarios": { "type": "array", "minItems": 1, "maxItems": 100, "items": {
                "type": "object", "required": ["id", "name", "arrivals", "age_distribution"], "properties": {
                    "id": id, "name": { "type": "string" },
                    "arrivals": { "type": "array", "items": { "type": "object", "required": ["from", "per_month"],
                        "properties": { "from": month, "per_month": non_negative } } },
                    "arrival_factor": { "type": "number", "minimum": 0, "default": 1 },
                    "age_distribution": { "type": "object", "propertyNames": { "pattern": share_band },
                        "additionalProperties": non_negative },
                    "leave_rate_per_year": { "type": "number", "minimum": 0, "exclusiveMaximum": 1, "default": 0 },
                    "funding_included": { "type": "array", "items": funding },
                    "measures_off": { "type": "array", "items": { "type": "string" } },
                    "color": { "type": "string", "pattern": "^#[0-9a-fA-F]{6}$" } } } },
            "budget": { "type": "array", "items": { "type": "object", "required": ["year", "eur"], "properties": {
                "year": { "type": "integer" }, "eur": non_negative } } }
        }
    })
}

/// The schema as the exact text printed by the command line and stored in `assets/plan.schema.json`.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}
