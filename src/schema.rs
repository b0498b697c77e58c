//! The JSON Schema of the plan file (draft 2020-12), printed by `integrationsplan schema`.
//!
//! The schema and the loader agree: what the schema refuses, the loader refuses. It describes
//! shapes, ranges and the magnitude limits of SPEC §9, and takes `null` for every optional field
//! (the loader reads null as absent). Rules across fields that a schema cannot say (unique ids,
//! references, band overlap and coverage, sums, `end ≥ start`, `low ≤ value ≤ high`, model-size
//! products) are checked by [`crate::validate`] alone and listed in `docs/FORMAT.md`.

use serde_json::{Value, json};

/// Largest absolute value of populations, areas, capacities, places and arrivals (SPEC §9).
pub const MAX_MAGNITUDE: f64 = 1e12;
/// Largest amount of money in one field (SPEC §9).
pub const MAX_EUR: f64 = 1e15;
/// Largest arrival factor (SPEC §9).
pub const MAX_ARRIVAL_FACTOR: f64 = 1000.0;
/// Largest ramp in months (SPEC §9).
pub const MAX_RAMP_MONTHS: u32 = 1200;

/// `schema` that also takes null: the loader reads a null optional field as absent.
fn nullable(mut schema: Value) -> Value {
    if let Some(map) = schema.as_object_mut() {
        if let Some(Value::String(kind)) = map.get("type").cloned() {
            map.insert("type".to_owned(), json!([kind, "null"]));
        } else if let Some(Value::Array(words)) = map.get_mut("enum") {
            words.push(Value::Null);
        } else {
            return json!({ "anyOf": [schema, { "type": "null" }] });
        }
    }
    schema
}

/// A single age 0–17 as the loader reads it (one or two digits: `5`, `05`, `17`).
fn age(a: u32) -> String {
    if a <= 9 { format!("0?{a}") } else { a.to_string() }
}

/// Any age from `a` to 17.
fn age_from(a: u32) -> String {
    if a <= 9 { format!("(0?[{a}-9]|1[0-7])") } else { format!("1[{}-7]", a - 10) }
}

/// The bands `"a-b"` with 0 ≤ a ≤ b ≤ 17, as alternatives of a pattern.
fn single_year_bands() -> String {
    (0..=17).map(|a| format!("{}-{}", age(a), age_from(a))).collect::<Vec<_>>().join("|")
}

/// A number from `min` to `max`.
fn number(min: f64, max: f64) -> Value {
    json!({ "type": "number", "minimum": min, "maximum": max })
}

/// The JSON Schema of plan files, version 1.
pub fn plan_schema() -> Value {
    // Lengths are given beside the patterns: some validators let `$` match before a final
    // newline, which the loader never accepts.
    let month = json!({ "type": "string", "pattern": "^(19[0-9][0-9]|2[01][0-9][0-9]|2200)-(0[1-9]|1[0-2])$",
        "maxLength": 7, "description": "A calendar month \"YYYY-MM\", year 1900–2200." });
    let id = json!({ "type": "string", "minLength": 1, "maxLength": 100, "description": "Unique within its list." });
    let text = json!({ "type": "string" });
    let magnitude = || number(-MAX_MAGNITUDE, MAX_MAGNITUDE);
    let amount = || number(0.0, MAX_MAGNITUDE);
    let eur = || number(0.0, MAX_EUR);
    let non_negative = json!({ "type": "number", "minimum": 0 });
    let bands = single_year_bands();
    let rate_band = format!("^({bands}|(0?[0-9]|1[0-7])\\+|18\\+)$");
    let share_band = format!("^({bands}|18\\+)$");
    let funding = json!({ "enum": ["secured", "planned", "open"] });
    let range = |low: Value, high: Value, description: &str| {
        nullable(json!({ "type": "object", "required": ["low", "high"], "description": description,
            "properties": { "low": low, "high": high } }))
    };
    let leave_rate = json!({ "type": "number", "minimum": 0, "exclusiveMaximum": 1 });
    let window = nullable(json!({ "type": "object",
        "description": "Counts newcomers only from month `from` to the month before `to` since their arrival (0 = the month of arrival); `from < to` is checked by the program.",
        "properties": {
            "from": nullable(json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX, "default": 0 })),
            "to": nullable(json!({ "type": "integer", "minimum": 1, "maximum": 1200, "description": "null or absent = no end." })) } }));
    let planning = nullable(json!({ "type": "object", "required": ["group_size"],
        "description": "Whole groups or classes with their staff and running cost.",
        "properties": {
            "group_size": { "type": "number", "exclusiveMinimum": 0, "maximum": MAX_MAGNITUDE },
            "group_word": nullable(json!({ "type": "string", "default": "Gruppen" })),
            "staff_per_group": nullable(json!({ "type": "number", "minimum": 0, "maximum": 1e6, "default": 0 })),
            "cost_per_group_per_year_eur": nullable(json!({ "type": "number", "minimum": 0, "maximum": MAX_EUR, "default": 0 })) } }));
    let calendar_month = json!({ "type": "integer", "minimum": 1, "maximum": 12 });
    let planning_year = nullable(json!({ "type": "object",
        "description": "The year Kitas and schools plan by: begins in `start_month` (default 8), counted in `reference_month` (default: start_month).",
        "properties": { "start_month": nullable(calendar_month.clone()), "reference_month": nullable(calendar_month) } }));
    let weight = |key: &str| json!({ "required": [key], "properties": { (key): { "type": "number", "exclusiveMinimum": 0 } } });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://integrationsplan.nrw/schema/plan-v1.json",
        "title": "Integrationsplan plan file, version 1",
        "description": "A plan: regions, domains, measures, scenarios and budget. Unknown fields are allowed and kept; an optional field may be null (= absent). Rules across fields are checked by the program (docs/FORMAT.md).",
        "type": "object",
        "required": ["format", "version", "horizon", "domains", "regions", "scenarios"],
        "properties": {
            "format": { "const": "integrationsplan" },
            "version": { "type": "integer", "minimum": 1, "maximum": 1 },
            "meta": nullable(json!({ "type": "object", "properties": {
                "title": nullable(text.clone()), "author": nullable(text.clone()), "notes": nullable(text.clone()) } })),
            "horizon": { "type": "object", "required": ["start", "months"], "properties": {
                "start": month.clone(), "months": { "type": "integer", "minimum": 1, "maximum": 1200 } } },
            "domains": { "type": "array", "maxItems": 32, "items": {
                "type": "object", "required": ["id", "name", "rates"], "properties": {
                    "id": id.clone(), "name": text.clone(), "unit": nullable(json!({ "type": "string", "default": "Plätze" })),
                    "rates": { "type": "object", "propertyNames": { "pattern": rate_band, "not": { "pattern": "\\n" } },
                        "additionalProperties": { "type": "number", "minimum": 0, "maximum": 1 } },
                    "persons_per_unit": nullable(json!({ "type": "number", "exclusiveMinimum": 0, "default": 1 })),
                    "months_since_arrival": window, "planning": planning } } },
            "regions": { "type": "array", "minItems": 1, "maxItems": 20000, "items": {
                "type": "object", "required": ["id", "name", "population", "area_km2"], "properties": {
                    "id": id.clone(), "name": text.clone(), "population": amount(), "area_km2": amount(),
                    "capacity": nullable(json!({ "type": "object", "additionalProperties": magnitude(),
                        "description": "Free places per domain id.clone() at the start; missing = 0." })),
                    "location": nullable(json!({ "type": "object", "required": ["lat", "lon"],
                        "description": "WGS 84 degrees, for drawing the region on a map.",
                        "properties": { "lat": number(-90.0, 90.0), "lon": number(-180.0, 180.0) } })) } } },
            "distribution": { "oneOf": [
                { "type": "null" },
                { "type": "object", "required": ["shares"], "properties": {
                    "shares": { "type": "object", "additionalProperties": non_negative.clone(),
                        "not": { "additionalProperties": { "maximum": 0 } },
                        "description": "Region id.clone() → share ≥ 0, some share > 0; normalised to sum 1." },
                    "population_weight": { "type": "null" }, "area_weight": { "type": "null" },
                    "area_uplift_cap": { "type": "null" } } },
                { "type": "object", "not": { "required": ["shares"] },
                    "anyOf": [weight("population_weight"), weight("area_weight")],
                    "properties": {
                        "population_weight": nullable(non_negative.clone()), "area_weight": nullable(non_negative.clone()),
                        "area_uplift_cap": nullable(non_negative.clone()) } } ],
                "default": { "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 } },
            "measures": nullable(json!({ "type": "array", "maxItems": 100000, "items": {
                "type": "object", "required": ["id", "name", "domain", "places", "start"], "properties": {
                    "id": id.clone(), "name": text.clone(), "domain": text.clone(),
                    "region": nullable(json!({ "type": "string", "description": "Region id.clone(); null or absent = state-wide." })),
                    "places": magnitude(), "start": month.clone(), "end": nullable(month.clone()),
                    "ramp_months": nullable(json!({ "type": "integer", "minimum": 0, "maximum": MAX_RAMP_MONTHS, "default": 0 })),
                    "cost_once_eur": nullable(eur()), "cost_per_year_eur": nullable(eur()),
                    "funding": nullable(funding.clone()), "notes": nullable(text.clone()) } } })),
            "scenarios": { "type": "array", "minItems": 1, "maxItems": 100, "items": {
                "type": "object", "required": ["id", "name", "arrivals", "age_distribution"], "properties": {
                    "id": id.clone(), "name": text.clone(),
                    "arrivals": { "type": "array", "items": { "type": "object", "required": ["from", "per_month"],
                        "properties": { "from": month.clone(), "per_month": amount() } } },
                    "arrival_factor": nullable(json!({ "type": "number", "minimum": 0, "maximum": MAX_ARRIVAL_FACTOR, "default": 1 })),
                    "age_distribution": { "type": "object", "minProperties": 1, "propertyNames": { "pattern": share_band, "not": { "pattern": "\\n" } },
                        "additionalProperties": non_negative.clone() },
                    "leave_rate_per_year": nullable(leave_rate.clone()),
                    "funding_included": nullable(json!({ "type": "array", "items": funding.clone() })),
                    "measures_off": nullable(json!({ "type": "array", "items": { "type": "string" } })),
                    "color": nullable(json!({ "type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "maxLength": 7 })),
                    "uncertainty": nullable(json!({ "type": "object",
                        "description": "How far the scenario's own values may be off (low ≤ value ≤ high).",
                        "properties": {
                            "arrival_factor": range(number(0.0, MAX_ARRIVAL_FACTOR), number(0.0, MAX_ARRIVAL_FACTOR),
                                "Range of the arrival factor."),
                            "leave_rate_per_year": range(leave_rate.clone(), leave_rate.clone(), "Range of the leave rate.") } })) } } },
            "budget": nullable(json!({ "type": "array", "items": { "type": "object", "required": ["year", "eur"], "properties": {
                "year": { "type": "integer", "minimum": 1900, "maximum": 2200 }, "eur": eur() } } })),
            "planning_year": planning_year
        }
    })
}

/// The schema as the exact text printed by the command line and stored in `assets/plan.schema.json`.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_year_bands_name_each_pair_once() {
        let bands = single_year_bands();
        assert!(bands.starts_with("0?0-(0?[0-9]|1[0-7])|0?1-(0?[1-9]|1[0-7])"), "{bands}");
        assert!(bands.ends_with("16-1[6-7]|17-1[7-7]"), "{bands}");
    }

    #[test]
    fn null_is_added_to_types_and_enums() {
        assert_eq!(nullable(json!({ "type": "string" })), json!({ "type": ["string", "null"] }));
        assert_eq!(nullable(json!({ "enum": ["a"] })), json!({ "enum": ["a", null] }));
        assert_eq!(nullable(json!({ "const": 1 })), json!({ "anyOf": [{ "const": 1 }, { "type": "null" }] }));
    }
}
