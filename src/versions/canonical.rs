//! The canonical form of a plan: its meaning as JSON, so that two files of the same meaning are
//! equal values (SPEC §12).
//!
//! Starting from the encoder's form (which writes every default of § 2), the canonical form
//! - writes every number as its value (`75` = `75.0`; whole numbers without a decimal point),
//! - sorts the keys of every object,
//! - sorts the sets `funding_included` (in the order secured, planned, open), `measures_off`
//!   and `arrivals` (by month), without duplicates,
//! - fills the defaults of the 1.2 fields that this version may still keep as unknown fields
//!   (`domains[].months_since_arrival`, `domains[].planning`, `planning_year`),
//! - drops what means nothing: a null field (except the known ones whose default is null:
//!   `measures[].region`, `measures[].end`, `distribution.area_uplift_cap`,
//!   `months_since_arrival.to`), a capacity or share of 0 (missing = 0), an empty
//!   `uncertainty`, `months_since_arrival` of `{from: 0, to: null}` (counts everyone),
//!   a `planning_year` equal to its defaults, and the version bookkeeping of `meta`
//!   ([`IGNORED_META_FIELDS`]).

use crate::model::{Funding, Plan};
use serde_json::{Map, Value};

/// Fields of `meta` that the program writes for its own bookkeeping on every save; they are no
/// part of a plan's meaning, so `diff` ignores them and `merge` drops them.
pub const IGNORED_META_FIELDS: [&str; 3] = ["version_id", "parent_version_id", "earlier_version_ids"];

/// Default of `planning_year.start_month` (SPEC §11).
pub const DEFAULT_START_MONTH: i64 = 8;
/// Default of `domains[].planning.group_word` (SPEC §11).
pub const DEFAULT_GROUP_WORD: &str = "Gruppen";

/// Known fields whose default is null, per object kind: they stay in the canonical form.
const NULLABLE_MEASURE_FIELDS: [&str; 2] = ["region", "end"];

/// The canonical form of `plan`.
pub fn canonical(plan: &Plan) -> Value {
    canonical_value(crate::io::encode_plan(plan))
}

/// The canonical form of `plan` as compact JSON text with every object's keys in sorted order
/// (equal for two plans of the same meaning: the text the content hash is taken of).
pub fn canonical_text(plan: &Plan) -> String {
    normalise(canonical(plan)).to_string()
}

/// The canonical form of an encoded plan document (see the module documentation).
pub fn canonical_value(value: Value) -> Value {
    let mut value = normalise(value);
    let Value::Object(root) = &mut value else { return value };
    drop_nulls(root, &[]);
    if let Some(Value::Object(meta)) = root.get_mut("meta") {
        for key in IGNORED_META_FIELDS {
            meta.shift_remove(key);
        }
        drop_nulls(meta, &[]);
    }
    if let Some(Value::Object(horizon)) = root.get_mut("horizon") {
        drop_nulls(horizon, &[]);
    }
    canonical_planning_year(root);
    for_items(root, "domains", canonical_domain);
    for_items(root, "regions", canonical_region);
    for_items(root, "measures", |m| drop_nulls(m, &NULLABLE_MEASURE_FIELDS));
    for_items(root, "scenarios", canonical_scenario);
    for_items(root, "budget", |b| drop_nulls(b, &[]));
    if let Some(Value::Object(distribution)) = root.get_mut("distribution") {
        let weights = distribution.contains_key("population_weight") || distribution.contains_key("area_weight");
        drop_nulls(distribution, if weights { &["area_uplift_cap"] } else { &[] });
        if let Some(Value::Object(shares)) = distribution.get_mut("shares") {
            shares.retain(|_, share| !is_zero(share));
        }
    }
    value
}

/// The default `planning_year`, `{start_month: 8, reference_month: 8}`.
pub fn default_planning_year() -> Value {
    let mut map = Map::new();
    map.insert("reference_month".into(), DEFAULT_START_MONTH.into());
    map.insert("start_month".into(), DEFAULT_START_MONTH.into());
    Value::Object(map)
}

/// Numbers by value and keys sorted, all the way down.
fn normalise(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Number(n), crate::io::number),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(map) => Value::Object(sorted(map.into_iter().map(|(k, v)| (k, normalise(v))).collect())),
        other => other,
    }
}

/// An object with its keys in sorted order.
pub(crate) fn sorted(mut entries: Vec<(String, Value)>) -> Map<String, Value> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

fn is_zero(value: &Value) -> bool {
    value.as_f64() == Some(0.0)
}

/// Removes the fields that are null, except `keep`.
fn drop_nulls(map: &mut Map<String, Value>, keep: &[&str]) {
    map.retain(|key, value| !value.is_null() || keep.contains(&key.as_str()));
}

fn for_items(root: &mut Map<String, Value>, list: &str, mut each: impl FnMut(&mut Map<String, Value>)) {
    if let Some(Value::Array(items)) = root.get_mut(list) {
        for item in items {
            if let Value::Object(map) = item {
                each(map);
            }
        }
    }
}

/// Sets `key` to `default` when it is absent or null.
fn fill(map: &mut Map<String, Value>, key: &str, default: Value) {
    if map.get(key).is_none_or(Value::is_null) {
        map.insert(key.to_owned(), default);
    }
}

fn canonical_planning_year(root: &mut Map<String, Value>) {
    let Some(Value::Object(year)) = root.get_mut("planning_year") else { return };
    drop_nulls(year, &[]);
    fill(year, "start_month", DEFAULT_START_MONTH.into());
    let start = year.get("start_month").cloned().unwrap_or(Value::Null);
    fill(year, "reference_month", start);
    *year = sorted(std::mem::take(year).into_iter().collect());
    if Value::Object(year.clone()) == default_planning_year() {
        root.remove("planning_year");
    }
}

fn canonical_domain(domain: &mut Map<String, Value>) {
    drop_nulls(domain, &[]);
    if let Some(Value::Object(window)) = domain.get_mut("months_since_arrival") {
        drop_nulls(window, &[]);
        fill(window, "from", 0.into());
        fill(window, "to", Value::Null);
        *window = sorted(std::mem::take(window).into_iter().collect());
        let counts_everyone =
            window.len() == 2 && window.get("from").is_some_and(is_zero) && window.get("to").is_some_and(Value::is_null);
        if counts_everyone {
            domain.remove("months_since_arrival");
        }
    }
    if let Some(Value::Object(planning)) = domain.get_mut("planning") {
        drop_nulls(planning, &[]);
        fill(planning, "group_word", DEFAULT_GROUP_WORD.into());
        fill(planning, "staff_per_group", 0.into());
        fill(planning, "cost_per_group_per_year_eur", 0.into());
        *planning = sorted(std::mem::take(planning).into_iter().collect());
    }
}

fn canonical_region(region: &mut Map<String, Value>) {
    drop_nulls(region, &[]);
    if let Some(Value::Object(capacity)) = region.get_mut("capacity") {
        capacity.retain(|_, places| !is_zero(places));
    }
}

fn canonical_scenario(scenario: &mut Map<String, Value>) {
    drop_nulls(scenario, &[]);
    if let Some(Value::Array(steps)) = scenario.get_mut("arrivals") {
        let key = |step: &Value| (step.get("from").and_then(Value::as_str).unwrap_or("").to_owned(), step.to_string());
        steps.sort_by_key(key);
        steps.dedup();
    }
    if let Some(Value::Array(words)) = scenario.get_mut("funding_included") {
        let rank = |word: &Value| {
            let known = word.as_str().and_then(Funding::parse).map_or(Funding::ALL.len(), |f| f as usize);
            (known, word.to_string())
        };
        words.sort_by_key(rank);
        words.dedup();
    }
    if let Some(Value::Array(ids)) = scenario.get_mut("measures_off") {
        ids.sort_by_key(Value::to_string);
        ids.dedup();
    }
    if scenario.get("uncertainty").is_some_and(|u| u.as_object().is_some_and(Map::is_empty)) {
        scenario.remove("uncertainty");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_planning_year_of_defaults_is_no_planning_year() {
        let short = canonical_value(json!({ "planning_year": { "start_month": 8.0 } }));
        assert_eq!(short, json!({}));
        let later = canonical_value(json!({ "planning_year": { "start_month": 9 } }));
        assert_eq!(later, json!({ "planning_year": { "start_month": 9, "reference_month": 9 } }));
    }

    #[test]
    fn sets_are_sorted_and_zero_entries_dropped() {
        let value = canonical_value(json!({
            "regions": [ { "id": "r", "capacity": { "b": 0.0, "a": 2.0 }, "location": null } ],
            "scenarios": [ { "id": "s", "funding_included": ["open", "secured", "open"], "measures_off": ["b", "a"],
                             "arrivals": [ { "from": "2026-01", "per_month": 1 }, { "from": "2025-01", "per_month": 2.0 } ],
                             "uncertainty": {} } ],
            "meta": { "title": "T", "version_id": "x", "parent_version_id": null }
        }));
        assert_eq!(
            value,
            json!({
                "regions": [ { "id": "r", "capacity": { "a": 2 } } ],
                "scenarios": [ { "id": "s", "funding_included": ["secured", "open"], "measures_off": ["a", "b"],
                                 "arrivals": [ { "from": "2025-01", "per_month": 2 }, { "from": "2026-01", "per_month": 1 } ] } ],
                "meta": { "title": "T" }
            })
        );
    }

    #[test]
    fn a_window_from_month_0_without_end_counts_everyone() {
        let value = canonical_value(json!({ "domains": [
            { "id": "a", "months_since_arrival": { "from": 0, "to": null } },
            { "id": "b", "months_since_arrival": { "to": 24 }, "planning": { "group_size": 20.0 } } ] }));
        assert_eq!(
            value,
            json!({ "domains": [ { "id": "a" },
                { "id": "b", "months_since_arrival": { "from": 0, "to": 24 },
                  "planning": { "group_size": 20, "group_word": "Gruppen", "staff_per_group": 0, "cost_per_group_per_year_eur": 0 } } ] })
        );
    }
}
