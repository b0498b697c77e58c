//! SPEC §12: comparing and merging versions of a plan, in the core and as the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::Plan;
use integrationsplan::language::Language;
use integrationsplan::versions::{Change, ConflictKind, Op, Side, canonical, diff_plans, diff_to_json, merge_plans};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample_value() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nrw-2025.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn plan(value: &Value) -> Plan {
    match integrationsplan::io::from_value(value, "test") {
        Ok(loaded) => loaded.plan,
        Err(error) => panic!("invalid test plan: {error}"),
    }
}

/// The changes as `(op, path, old, new)` in JSON form.
fn rows(changes: &[Change]) -> Vec<Value> {
    changes.iter().map(Change::to_json).collect()
}

fn measure<'a>(value: &'a mut Value, id: &str) -> &'a mut Map<String, Value> {
    value["measures"].as_array_mut().unwrap().iter_mut().find(|m| m["id"] == id).unwrap().as_object_mut().unwrap()
}

fn item<'a>(value: &'a mut Value, list: &str, id: &str) -> &'a mut Map<String, Value> {
    let key = if list == "budget" { "year" } else { "id" };
    let wanted: Value = if list == "budget" { id.parse::<i64>().unwrap().into() } else { id.into() };
    value[list].as_array_mut().unwrap().iter_mut().find(|m| m[key] == wanted).unwrap().as_object_mut().unwrap()
}

/// Every key order reversed and every whole number written with a decimal point.
fn reorder_and_float(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.iter().rev().map(|(k, v)| (k.clone(), reorder_and_float(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(reorder_and_float).collect()),
        Value::Number(n) if n.is_i64() || n.is_u64() => json!(n.as_f64().unwrap()),
        other => other.clone(),
    }
}

/// A small plan with every optional field left out.
fn small() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "horizon": { "start": "2025-01", "months": 24 },
        "domains": [ { "id": "kita", "name": "Kita", "rates": { "3-5": 0.9 } },
                     { "id": "school", "name": "Schule", "rates": { "6-17": 1 } } ],
        "regions": [ { "id": "koeln", "name": "Köln", "population": 1000, "area_km2": 10, "capacity": { "kita": 150 } },
                     { "id": "bonn", "name": "Bonn", "population": 500, "area_km2": 20 } ],
        "measures": [ { "id": "m1", "name": "Kita Kalk", "domain": "kita", "region": "koeln", "places": 75, "start": "2025-08" },
                      { "id": "m2", "name": "Schule Nord", "domain": "school", "places": 30, "start": "2025-09" } ],
        "scenarios": [ { "id": "basis", "name": "Basis", "arrivals": [ { "from": "2025-01", "per_month": 100 }, { "from": "2025-07", "per_month": 50 } ],
                         "age_distribution": { "0-17": 0.5, "18+": 0.5 } },
                       { "id": "hoch", "name": "Hoch 2026", "arrivals": [ { "from": "2025-01", "per_month": 300 } ],
                         "age_distribution": { "0-17": 0.5, "18+": 0.5 } } ]
    })
}

/// The same plan as [`small`] with every default written out, keys, lists and sets reordered,
/// whole numbers as decimals, nulls for absent values and the version bookkeeping of `meta`.
fn small_spelled_out() -> Value {
    let mut value = small();
    value["meta"] = json!({ "title": "", "author": "", "notes": "", "version_id": "v2", "parent_version_id": "v1" });
    value["distribution"] = json!({ "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 });
    value["budget"] = json!([]);
    value["planning_year"] = json!({ "start_month": 8 });
    for domain in value["domains"].as_array_mut().unwrap() {
        domain["unit"] = json!("Plätze");
        domain["persons_per_unit"] = json!(1.0);
    }
    value["regions"][1]["capacity"] = json!({ "school": 0 });
    value["regions"][1]["location"] = Value::Null;
    for m in value["measures"].as_array_mut().unwrap() {
        let m = m.as_object_mut().unwrap();
        m.insert("end".into(), Value::Null);
        m.entry("region").or_insert(Value::Null);
        m.insert("ramp_months".into(), json!(0));
        m.insert("cost_once_eur".into(), json!(0));
        m.insert("cost_per_year_eur".into(), json!(0.0));
        m.insert("funding".into(), json!("planned"));
        m.insert("notes".into(), json!(""));
    }
    for s in value["scenarios"].as_array_mut().unwrap() {
        let s = s.as_object_mut().unwrap();
        s.insert("arrival_factor".into(), json!(1));
        s.insert("leave_rate_per_year".into(), json!(0));
        s.insert("funding_included".into(), json!(["open", "secured", "planned"]));
        s.insert("measures_off".into(), json!([]));
        s.insert("color".into(), Value::Null);
        s.insert("uncertainty".into(), json!({}));
        s.get_mut("arrivals").unwrap().as_array_mut().unwrap().reverse();
    }
    value["measures"].as_array_mut().unwrap().reverse();
    value["regions"].as_array_mut().unwrap().reverse();
    reorder_and_float(&value)
}

#[test]
fn files_of_the_same_meaning_have_no_changes() {
    let (a, b) = (plan(&small()), plan(&small_spelled_out()));
    assert_eq!(rows(&diff_plans(&a, &b)), Vec::<Value>::new());
    assert_eq!(rows(&diff_plans(&b, &a)), Vec::<Value>::new());
    let sample = sample_value();
    assert!(diff_plans(&plan(&sample), &plan(&reorder_and_float(&sample))).is_empty());
}

#[test]
fn the_defaults_of_the_1_2_fields_are_filled_in() {
    let mut with = small();
    with["domains"][0]["months_since_arrival"] = json!({ "from": 0, "to": 24 });
    with["domains"][1]["months_since_arrival"] = json!({ "from": 0, "to": null });
    with["domains"][0]["planning"] =
        json!({ "group_size": 20, "group_word": "Gruppen", "staff_per_group": 0, "cost_per_group_per_year_eur": 0 });
    with["planning_year"] = json!({ "start_month": 8, "reference_month": 8 });
    let mut without = small();
    without["domains"][0]["months_since_arrival"] = json!({ "to": 24.0 });
    without["domains"][0]["planning"] = json!({ "group_size": 20 });
    assert_eq!(rows(&diff_plans(&plan(&with), &plan(&without))), Vec::<Value>::new());

    let mut later = without.clone();
    later["planning_year"] = json!({ "start_month": 8, "reference_month": 11 });
    later["domains"][0]["months_since_arrival"] = json!({ "from": 24 });
    assert_eq!(
        rows(&diff_plans(&plan(&without), &plan(&later))),
        vec![
            json!({ "op": "change", "path": "planning_year.reference_month", "old": 8, "new": 11 }),
            json!({ "op": "change", "path": "domains[kita].months_since_arrival",
                    "old": { "from": 0, "to": 24 }, "new": { "from": 24, "to": null } }),
        ]
    );
}

#[test]
fn the_version_bookkeeping_of_meta_is_no_change() {
    let mut newer = small();
    newer["meta"] = json!({ "version_id": "b", "parent_version_id": "a" });
    assert!(diff_plans(&plan(&small()), &plan(&newer)).is_empty());
}

#[test]
fn every_kind_of_change_on_the_sample_plan() {
    let old_value = sample_value();
    let mut new_value = old_value.clone();
    new_value["meta"]["title"] = json!("NRW 2026");
    new_value["horizon"]["months"] = json!(72);
    new_value["regions"][0]["capacity"]["kita"] = json!(200);
    new_value["distribution"] = json!({ "population_weight": 1, "area_weight": 0 });
    let first = new_value["measures"][0]["id"].as_str().unwrap().to_owned();
    measure(&mut new_value, &first).insert("start".into(), json!("2026-02"));
    measure(&mut new_value, &first).insert("places".into(), json!(1800.5));
    measure(&mut new_value, &first).insert("foo".into(), json!({ "b": 1, "a": [2.0] }));
    let second = new_value["measures"][1]["id"].as_str().unwrap().to_owned();
    let removed_measure = measure(&mut new_value, &second).clone();
    new_value["measures"].as_array_mut().unwrap().retain(|m| m["id"] != second.as_str());
    new_value["measures"].as_array_mut().unwrap().push(json!({
        "id": "kita-x", "name": "Kita X", "domain": "kita", "places": 75.0, "start": "2026-01"
    }));
    let removed_scenario = item(&mut new_value, "scenarios", "gesichert").clone();
    new_value["scenarios"].as_array_mut().unwrap().retain(|s| s["id"] != "gesichert");
    item(&mut new_value, "scenarios", "basis").insert("measures_off".into(), json!(["kita-x", first.clone()]));
    item(&mut new_value, "budget", "2027").insert("eur".into(), json!(530000000.0));
    new_value["budget"].as_array_mut().unwrap().push(json!({ "year": 2030, "eur": 1 }));
    new_value["zzz"] = json!(true);

    let changes = diff_plans(&plan(&old_value), &plan(&new_value));
    let region = old_value["regions"][0].clone();
    let mut capacity = region["capacity"].clone();
    capacity["kita"] = json!(200);
    let mut off = vec![json!(first), json!("kita-x")];
    off.sort_by_key(Value::to_string);
    let mut removed_scenario_canonical = removed_scenario.clone();
    removed_scenario_canonical["funding_included"] = json!(["secured"]);
    let expected: Vec<Value> = vec![
        json!({ "op": "change", "path": "meta.title", "old": old_value["meta"]["title"], "new": "NRW 2026" }),
        json!({ "op": "change", "path": "horizon.months", "old": 60, "new": 72 }),
        json!({ "op": "change", "path": format!("regions[{}].capacity", region["id"].as_str().unwrap()),
                    "old": region["capacity"], "new": capacity }),
        json!({ "op": "change", "path": "distribution",
                    "old": { "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 },
                    "new": { "population_weight": 1, "area_weight": 0, "area_uplift_cap": null } }),
        json!({ "op": "change", "path": format!("measures[{first}].places"), "old": 1800, "new": 1800.5 }),
        json!({ "op": "change", "path": format!("measures[{first}].start"), "old": "2025-08", "new": "2026-02" }),
        json!({ "op": "change", "path": format!("measures[{first}].foo"), "old": null, "new": { "a": [2], "b": 1 } }),
        json!({ "op": "remove", "path": format!("measures[{second}]"), "old": removed_measure }),
        json!({ "op": "add", "path": "measures[kita-x]", "new": {
                "id": "kita-x", "name": "Kita X", "domain": "kita", "region": null, "places": 75, "start": "2026-01",
                "end": null, "ramp_months": 0, "cost_once_eur": 0, "cost_per_year_eur": 0, "funding": "planned", "notes": "" } }),
        json!({ "op": "change", "path": "scenarios[basis].measures_off", "old": [], "new": off }),
        json!({ "op": "remove", "path": "scenarios[gesichert]", "old": removed_scenario_canonical }),
        json!({ "op": "change", "path": "budget[2027].eur", "old": 520000000, "new": 530000000 }),
        json!({ "op": "add", "path": "budget[2030]", "new": { "year": 2030, "eur": 1 } }),
        json!({ "op": "change", "path": "zzz", "old": null, "new": true }),
    ];
    assert_eq!(rows(&changes), expected.iter().map(canonical_number_deep).collect::<Vec<_>>());
    let document = diff_to_json(&changes);
    assert_eq!(document["format"], "integrationsplan-diff");
    assert_eq!(document["version"], 1);
}

#[test]
fn reordered_items_are_no_change_and_removals_keep_their_place() {
    let old_value = small();
    let mut new_value = small();
    new_value["measures"].as_array_mut().unwrap().reverse();
    new_value["scenarios"].as_array_mut().unwrap().remove(0);
    new_value["scenarios"].as_array_mut().unwrap().push(json!({
        "id": "neu", "name": "Neu", "arrivals": [], "age_distribution": { "0-17": 0.5, "18+": 0.5 } }));
    let paths: Vec<String> = diff_plans(&plan(&old_value), &plan(&new_value)).iter().map(Change::path).collect();
    assert_eq!(paths, ["scenarios[basis]", "scenarios[neu]"]);
}

#[test]
fn changes_read_in_german_and_english() {
    let old_value = small();
    let mut new_value = small();
    new_value["measures"][0]["start"] = json!("2026-02");
    new_value["measures"][0]["cost_once_eur"] = json!(1234567.5);
    new_value["regions"][0]["capacity"] = json!({ "kita": 1234.5 });
    new_value["scenarios"][1]["name"] = json!("Hoch \u{1b}[31m");
    new_value["scenarios"].as_array_mut().unwrap().push(json!({
        "id": "hoch-2026", "name": "Hoch 2026", "arrivals": [], "age_distribution": { "0-17": 0.5, "18+": 0.5 } }));
    new_value["measures"].as_array_mut().unwrap().remove(1);
    let (old, new) = (plan(&old_value), plan(&new_value));
    let changes = diff_plans(&old, &new);
    let lines = |language| changes.iter().map(|c| c.describe(language, &old, &new)).collect::<Vec<_>>();
    assert_eq!(
        lines(Language::German),
        [
            "Region „Köln“: Freie Plätze zu Beginn Kita: 150 → Kita: 1.234,5",
            "Maßnahme „Kita Kalk“: Beginn 08/2025 → 02/2026",
            "Maßnahme „Kita Kalk“: Einmalkosten € 0 € → 1.234.567,5 €",
            "Maßnahme „Schule Nord“ entfernt",
            "Szenario „Hoch \\u{1b}[31m“: Name „Hoch 2026“ → „Hoch \\u{1b}[31m“",
            "Szenario „Hoch 2026“ neu",
        ]
    );
    assert_eq!(
        lines(Language::English),
        [
            "Region \"Köln\": Free places at start Kita: 150 → Kita: 1,234.5",
            "Measure \"Kita Kalk\": Start 08/2025 → 02/2026",
            "Measure \"Kita Kalk\": One-off € €0 → €1,234,567.5",
            "Measure \"Schule Nord\" removed",
            "Scenario \"Hoch \\u{1b}[31m\": Name \"Hoch 2026\" → \"Hoch \\u{1b}[31m\"",
            "Scenario \"Hoch 2026\" added",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Merge in the core

#[test]
fn a_merge_of_disjoint_edits_takes_both() {
    let base = small();
    let mut ours = small();
    ours["measures"][0]["places"] = json!(80);
    ours["meta"] = json!({ "title": "Unser Titel" });
    let mut theirs = small();
    theirs["measures"][0]["start"] = json!("2025-10");
    theirs["measures"].as_array_mut().unwrap().insert(
        1,
        json!({
        "id": "m3", "name": "Neu", "domain": "kita", "places": 5, "start": "2025-01", "zukunft": 1 }),
    );
    theirs["scenarios"].as_array_mut().unwrap().remove(1);
    let outcome = merge_plans(&plan(&base), &plan(&ours), &plan(&theirs));
    assert!(outcome.conflicts().is_empty());
    let merged = outcome.merged_plan("out").unwrap();
    let ids: Vec<&str> = merged.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["m1", "m3", "m2"], "THEIRS' new item follows the item it follows in THEIRS");
    assert_eq!(merged.measures[0].places, 80.0);
    assert_eq!(merged.measures[0].start.to_string(), "2025-10");
    assert_eq!(merged.measures[1].extra.get("zukunft"), Some(&json!(1)), "unknown fields are kept");
    assert_eq!(merged.scenarios.len(), 1);
    assert_eq!(merged.meta.title, "Unser Titel");
}

#[test]
fn items_only_theirs_added_follow_the_item_they_follow_in_theirs() {
    let new = |id: &str| json!({ "id": id, "name": id, "domain": "kita", "places": 1, "start": "2025-01" });
    let mut ours = small();
    ours["measures"].as_array_mut().unwrap().remove(1);
    ours["measures"].as_array_mut().unwrap().push(new("o1"));
    let mut theirs = small();
    let measures = theirs["measures"].as_array_mut().unwrap();
    measures.insert(0, new("n0"));
    measures.insert(2, new("n1"));
    measures.insert(3, new("n2"));
    measures.push(new("n3"));
    let outcome = merge_plans(&plan(&small()), &plan(&ours), &plan(&theirs));
    assert!(outcome.conflicts().is_empty());
    let merged = outcome.merged_plan("out").unwrap();
    let ids: Vec<&str> = merged.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["n0", "m1", "n1", "n2", "n3", "o1"]);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let mut changed = small();
    changed["measures"][0]["places"] = json!(80.0);
    changed["measures"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "m3", "name": "Neu", "domain": "kita", "places": 5, "start": "2025-01" }));
    let mut same = small();
    same["measures"][0]["places"] = json!(80);
    same["measures"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "m3", "name": "Neu", "domain": "kita", "places": 5.0, "start": "2025-01" }));
    let outcome = merge_plans(&plan(&small()), &plan(&changed), &plan(&same));
    assert!(outcome.conflicts().is_empty());
    let merged = outcome.merged_plan("out").unwrap();
    assert_eq!(merged.measures.len(), 3);
    assert!(diff_plans(&merged, &plan(&changed)).is_empty());
}

#[test]
fn conflicts_name_the_path_and_both_values_and_resolve_one_by_one() {
    let mut ours = small();
    ours["measures"][0]["places"] = json!(80);
    ours["scenarios"][1]["name"] = json!("Hoch neu");
    let mut theirs = small();
    theirs["measures"][0]["places"] = json!(90);
    theirs["scenarios"].as_array_mut().unwrap().remove(1);
    let mut outcome = merge_plans(&plan(&small()), &plan(&ours), &plan(&theirs));
    let conflicts = outcome.conflicts().to_vec();
    assert_eq!(conflicts.len(), 2);
    assert_eq!(conflicts[0].path(), "measures[m1].places");
    assert_eq!(conflicts[0].lines(), ["measures[m1].places: ours 80, theirs 90 (base 75)"]);
    assert_eq!(conflicts[1].path(), "scenarios[hoch]");
    assert!(matches!(&conflicts[1].kind, ConflictKind::ChangedInRemovedItem { removed_by: Side::Theirs, .. }));
    assert_eq!(
        conflicts[1].lines(),
        ["scenarios[hoch].name: ours \"Hoch neu\", theirs removed scenarios[hoch] (base \"Hoch 2026\")"]
    );
    assert!(outcome.merged_plan("out").is_err(), "unresolved conflicts give no plan");
    assert!(outcome.resolve(1, Side::Theirs));
    assert!(outcome.resolve(0, Side::Ours));
    assert!(!outcome.resolve(2, Side::Ours));
    let merged = outcome.merged_plan("out").unwrap();
    assert_eq!(merged.measures[0].places, 80.0);
    assert_eq!(merged.scenarios.len(), 1);
    outcome.resolve_all(Side::Theirs);
    assert_eq!(outcome.merged_plan("out").unwrap().measures[0].places, 90.0);
    outcome.resolve_all(Side::Ours);
    assert_eq!(outcome.merged_plan("out").unwrap().scenarios[1].name, "Hoch neu");
}

#[test]
fn a_removed_item_that_the_other_side_changed_comes_back_when_that_side_is_preferred() {
    let mut ours = small();
    ours["measures"].as_array_mut().unwrap().remove(0);
    let mut theirs = small();
    theirs["measures"][0]["places"] = json!(99);
    let mut outcome = merge_plans(&plan(&small()), &plan(&ours), &plan(&theirs));
    assert_eq!(outcome.conflicts().len(), 1);
    outcome.resolve_all(Side::Theirs);
    let merged = outcome.merged_plan("out").unwrap();
    assert_eq!(merged.measures.iter().map(|m| (m.id.as_str(), m.places)).collect::<Vec<_>>(), [("m1", 99.0), ("m2", 30.0)]);
    outcome.resolve_all(Side::Ours);
    assert_eq!(outcome.merged_plan("out").unwrap().measures.len(), 1);
}

#[test]
fn a_merge_that_makes_an_invalid_plan_names_the_path() {
    let mut ours = small();
    ours["scenarios"][0]["measures_off"] = json!(["m1"]);
    let mut theirs = small();
    theirs["measures"].as_array_mut().unwrap().remove(0);
    let outcome = merge_plans(&plan(&small()), &plan(&ours), &plan(&theirs));
    assert!(outcome.conflicts().is_empty());
    let error = outcome.merged_plan("out.json").unwrap_err().to_string();
    assert!(error.contains("scenarios[0].measures_off[0]"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Random edits

/// One edit of the sample plan, at its own place.
#[derive(Debug, Clone)]
enum Edit {
    MeasureField { index: usize, field: usize, value: u32 },
    RegionField { index: usize, field: usize, value: u32 },
    ScenarioField { index: usize, field: usize, value: u32 },
    DomainField { index: usize, field: usize, value: u32 },
    AddMeasure { value: u32 },
    RemoveMeasure { index: usize },
    AddScenario { value: u32 },
    RemoveScenario { index: usize },
    BudgetEur { index: usize, value: u32 },
    AddBudget { value: u32 },
    RemoveBudget { index: usize },
    Title { value: u32 },
    Months { value: u32 },
    Distribution { value: u32 },
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = 0usize..1000;
    let value = 1u32..100_000;
    prop_oneof![
        (index.clone(), 0usize..7, value.clone()).prop_map(|(index, field, value)| Edit::MeasureField { index, field, value }),
        (index.clone(), 0usize..4, value.clone()).prop_map(|(index, field, value)| Edit::RegionField { index, field, value }),
        (index.clone(), 0usize..3, value.clone()).prop_map(|(index, field, value)| Edit::ScenarioField { index, field, value }),
        (index.clone(), 0usize..3, value.clone()).prop_map(|(index, field, value)| Edit::DomainField { index, field, value }),
        value.clone().prop_map(|value| Edit::AddMeasure { value }),
        index.clone().prop_map(|index| Edit::RemoveMeasure { index }),
        value.clone().prop_map(|value| Edit::AddScenario { value }),
        index.clone().prop_map(|index| Edit::RemoveScenario { index }),
        (index.clone(), value.clone()).prop_map(|(index, value)| Edit::BudgetEur { index, value }),
        value.clone().prop_map(|value| Edit::AddBudget { value }),
        index.prop_map(|index| Edit::RemoveBudget { index }),
        value.clone().prop_map(|value| Edit::Title { value }),
        value.clone().prop_map(|value| Edit::Months { value }),
        value.prop_map(|value| Edit::Distribution { value }),
    ]
}

/// What an edit is expected to show: op, path and new value (`None` for a remove).
type Expected = (String, String, Option<Value>);

/// Applies `edit` to `value` unless it touches a place in `touched` (then nothing happens);
/// returns the change it makes, in canonical terms.
fn apply_edit(
    value: &mut Value,
    source: &Value,
    edit: &Edit,
    touched: &mut std::collections::HashSet<String>,
) -> Option<Expected> {
    let id_at = |_: &Value, list: &str, index: usize| -> Option<String> {
        let items = source[list].as_array()?;
        let item = items.get(index % items.len().max(1))?;
        Some(if list == "budget" { item["year"].to_string() } else { item["id"].as_str()?.to_owned() })
    };
    let mut claim = |place: String| touched.insert(place);
    let number = |v: u32| crate::canonical_number(f64::from(v) / 4.0);
    let change = |path: String, new: Value| Some(("change".to_owned(), path, Some(new)));
    match *edit {
        Edit::MeasureField { index, field, value: v } => {
            let id = id_at(value, "measures", index)?;
            if !claim(format!("measures[{id}]")) {
                return None;
            }
            let m = measure(value, &id);
            let start = m["start"].as_str().unwrap().to_owned();
            let (name, new) = match field {
                0 => ("name", json!(format!("Maßnahme {v}"))),
                1 => ("places", number(v)),
                2 => ("cost_once_eur", json!(v)),
                3 => ("notes", json!(format!("Notiz {v}"))),
                4 => ("ramp_months", json!(v % 1000 + 1)),
                5 => {
                    let month = integrationsplan::model::Month::parse(&start).unwrap().plus((v % 200) as i32);
                    ("end", json!(month.to_string()))
                }
                _ => ("zukunft", json!({ "v": v })),
            };
            if m.get(name) == Some(&new) {
                return None;
            }
            m.insert(name.into(), new.clone());
            change(format!("measures[{id}].{name}"), new)
        }
        Edit::RegionField { index, field, value: v } => {
            let id = id_at(value, "regions", index)?;
            if !claim(format!("regions[{id}]")) {
                return None;
            }
            let r = item(value, "regions", &id);
            let (name, new) = match field {
                0 => ("name", json!(format!("Region {v}"))),
                1 => ("population", json!(v * 7)),
                2 => ("area_km2", number(v)),
                _ => ("location", json!({ "lat": f64::from(v % 90), "lon": 7.5 })),
            };
            if r.get(name).map(crate::canonical_number_deep) == Some(crate::canonical_number_deep(&new)) {
                return None;
            }
            r.insert(name.into(), new.clone());
            change(format!("regions[{id}].{name}"), crate::canonical_number_deep(&new))
        }
        Edit::ScenarioField { index, field, value: v } => {
            let id = id_at(value, "scenarios", index)?;
            if !claim(format!("scenarios[{id}]")) {
                return None;
            }
            let s = item(value, "scenarios", &id);
            let (name, new) = match field {
                0 => ("name", json!(format!("Szenario {v}"))),
                1 => ("color", json!(format!("#{:06x}", v))),
                _ => ("arrivals", json!([ { "from": "2025-01", "per_month": v } ])),
            };
            if s.get(name) == Some(&new) {
                return None;
            }
            s.insert(name.into(), new.clone());
            change(format!("scenarios[{id}].{name}"), new)
        }
        Edit::DomainField { index, field, value: v } => {
            let id = id_at(value, "domains", index)?;
            if !claim(format!("domains[{id}]")) {
                return None;
            }
            let d = item(value, "domains", &id);
            let (name, new) = match field {
                0 => ("name", json!(format!("Bereich {v}"))),
                1 => ("unit", json!(format!("Einheit {v}"))),
                _ => ("persons_per_unit", number(v)),
            };
            if d.get(name) == Some(&new) {
                return None;
            }
            d.insert(name.into(), new.clone());
            change(format!("domains[{id}].{name}"), new)
        }
        Edit::AddMeasure { value: v } => {
            let id = format!("neu-{v}");
            if !claim(format!("measures[{id}]")) {
                return None;
            }
            let new = json!({ "id": id, "name": format!("Neu {v}"), "domain": "kita", "region": null, "places": v,
                "start": "2026-01", "end": null, "ramp_months": 0, "cost_once_eur": 0, "cost_per_year_eur": 0,
                "funding": "open", "notes": "" });
            value["measures"].as_array_mut().unwrap().push(new.clone());
            Some(("add".into(), format!("measures[{id}]"), Some(new)))
        }
        Edit::RemoveMeasure { index } => {
            let id = id_at(value, "measures", index)?;
            if !claim(format!("measures[{id}]")) {
                return None;
            }
            value["measures"].as_array_mut().unwrap().retain(|m| m["id"] != id.as_str());
            Some(("remove".into(), format!("measures[{id}]"), None))
        }
        Edit::AddScenario { value: v } => {
            let id = format!("neu-{v}");
            if !claim(format!("scenarios[{id}]")) {
                return None;
            }
            let new = json!({ "id": id, "name": format!("Neu {v}"), "arrivals": [ { "from": "2025-01", "per_month": v } ],
                "arrival_factor": 1, "age_distribution": { "0-17": 0.25, "18+": 0.75 }, "leave_rate_per_year": 0,
                "funding_included": ["secured", "planned", "open"], "measures_off": [] });
            value["scenarios"].as_array_mut().unwrap().push(new.clone());
            Some(("add".into(), format!("scenarios[{id}]"), Some(new)))
        }
        Edit::RemoveScenario { index } => {
            let id = id_at(value, "scenarios", index)?;
            // At least one scenario has to stay.
            let others_untouched = value["scenarios"]
                .as_array()?
                .iter()
                .filter(|s| !touched.contains(&format!("scenarios[{}]", s["id"].as_str().unwrap_or(""))))
                .count();
            if others_untouched < 2 || !touched.insert(format!("scenarios[{id}]")) {
                return None;
            }
            value["scenarios"].as_array_mut().unwrap().retain(|s| s["id"] != id.as_str());
            Some(("remove".into(), format!("scenarios[{id}]"), None))
        }
        Edit::BudgetEur { index, value: v } => {
            let year = id_at(value, "budget", index)?;
            if !claim(format!("budget[{year}]")) {
                return None;
            }
            let b = item(value, "budget", &year);
            b.insert("eur".into(), json!(v));
            change(format!("budget[{year}].eur"), json!(v))
        }
        Edit::AddBudget { value: v } => {
            let year = 2030 + v % 100;
            if !claim(format!("budget[{year}]")) {
                return None;
            }
            let new = json!({ "year": year, "eur": v });
            value["budget"].as_array_mut().unwrap().push(new.clone());
            Some(("add".into(), format!("budget[{year}]"), Some(new)))
        }
        Edit::RemoveBudget { index } => {
            let year = id_at(value, "budget", index)?;
            if !claim(format!("budget[{year}]")) {
                return None;
            }
            value["budget"]
                .as_array_mut()
                .unwrap()
                .retain(|b| b["year"].as_i64().map(|y| y.to_string()).as_deref() != Some(year.as_str()));
            Some(("remove".into(), format!("budget[{year}]"), None))
        }
        Edit::Title { value: v } => {
            if !claim("meta.title".into()) {
                return None;
            }
            value["meta"]["title"] = json!(format!("Titel {v}"));
            change("meta.title".into(), json!(format!("Titel {v}")))
        }
        Edit::Months { value: v } => {
            let months = v % 1200 + 1;
            if !claim("horizon.months".into()) || value["horizon"]["months"] == months {
                return None;
            }
            value["horizon"]["months"] = json!(months);
            change("horizon.months".into(), json!(months))
        }
        Edit::Distribution { value: v } => {
            if !claim("distribution".into()) {
                return None;
            }
            let new = json!({ "area_uplift_cap": null, "area_weight": 1, "population_weight": number(v) });
            value["distribution"] = new.clone();
            change("distribution".into(), new)
        }
    }
}

/// A number as the canonical form writes it.
fn canonical_number(value: f64) -> Value {
    integrationsplan::io::number(value)
}

/// Every number of `value` as the canonical form writes it, keys sorted.
fn canonical_number_deep(value: &Value) -> Value {
    match value {
        Value::Number(n) => canonical_number(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.iter().map(canonical_number_deep).collect()),
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.iter().map(|(k, v)| (k.clone(), canonical_number_deep(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect())
        }
        other => other.clone(),
    }
}

fn sorted_rows(mut rows: Vec<Expected>) -> Vec<Expected> {
    rows.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    rows
}

fn found(changes: &[Change]) -> Vec<Expected> {
    let rows = changes
        .iter()
        .map(|c| {
            let op = c.op.as_str().to_owned();
            let new = if c.op == Op::Remove { None } else { Some(c.new.clone().unwrap_or(Value::Null)) };
            (op, c.path(), new)
        })
        .collect();
    sorted_rows(rows)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random edits show up as exactly those changes, and merging them into the base (with
    /// the base as the other side) gives the edited plan.
    #[test]
    fn random_edits_are_found_exactly(edits in prop::collection::vec(edit(), 1..8)) {
        let base_value = sample_value();
        let mut edited = base_value.clone();
        let mut touched = std::collections::HashSet::new();
        let expected: Vec<Expected> = edits
            .iter()
            .filter_map(|e| {
                let source = edited.clone();
                apply_edit(&mut edited, &source, e, &mut touched)
            })
            .collect();
        let (base, edited) = (plan(&base_value), plan(&edited));
        let changes = diff_plans(&base, &edited);
        prop_assert_eq!(found(&changes), sorted_rows(expected));
        let outcome = merge_plans(&base, &base, &edited);
        prop_assert!(outcome.conflicts().is_empty());
        let merged = outcome.merged_plan("merged").unwrap();
        prop_assert!(diff_plans(&merged, &edited).is_empty());
        prop_assert_eq!(canonical(&merge_plans(&base, &edited, &base).merged_plan("m").unwrap()), canonical(&edited));
    }

    /// Disjoint random edits on both sides merge into the base with both edits.
    #[test]
    fn disjoint_edits_merge_into_both(ours_edits in prop::collection::vec(edit(), 0..6), theirs_edits in prop::collection::vec(edit(), 0..6)) {
        let base_value = sample_value();
        let mut touched = std::collections::HashSet::new();
        let (mut ours, mut theirs, mut both) = (base_value.clone(), base_value.clone(), base_value.clone());
        // Each edit picks its item in the side it is made on and is made the same way in `both`.
        for (side, edits) in [(&mut ours, &ours_edits), (&mut theirs, &theirs_edits)] {
            for e in edits {
                let source = side.clone();
                let mut probe = touched.clone();
                if apply_edit(side, &source, e, &mut probe).is_some() {
                    let mut again = touched.clone();
                    prop_assert!(apply_edit(&mut both, &source, e, &mut again).is_some());
                }
                touched = probe;
            }
        }
        let outcome = merge_plans(&plan(&base_value), &plan(&ours), &plan(&theirs));
        prop_assert!(outcome.conflicts().is_empty(), "{:?}", outcome.conflicts());
        let merged = outcome.merged_plan("merged").unwrap();
        let expected = plan(&both);
        prop_assert_eq!(rows(&diff_plans(&merged, &expected)), Vec::<Value>::new());
    }
}

// ---------------------------------------------------------------------------------------------
// The real binary

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Self {
        Files { dir: tempfile::tempdir().unwrap() }
    }

    fn write(&self, name: &str, value: &Value) -> String {
        let path = self.path(name);
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
        path.display().to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

#[test]
fn cli_diff_prints_json_and_text_in_both_languages() {
    let files = Files::new();
    let old = files.write("old.json", &small());
    let mut new_value = small();
    new_value["measures"][0]["start"] = json!("2026-02");
    new_value["scenarios"][1]["name"] = json!("Hoch \u{7}2026");
    new_value["measures"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "m3", "name": "Neu", "domain": "kita", "places": 5, "start": "2025-01" }));
    let new = files.write("new.json", &new_value);

    let json_output = run(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(json_output.status.code(), Some(0), "{}", text(&json_output.stderr));
    let document: Value = serde_json::from_slice(&json_output.stdout).unwrap();
    assert_eq!(document["format"], "integrationsplan-diff");
    assert_eq!(document["version"], 1);
    assert_eq!(
        document["changes"][0],
        json!({ "op": "change", "path": "measures[m1].start", "old": "2025-08", "new": "2026-02" })
    );
    assert_eq!(document["changes"][1]["op"], "add");
    assert_eq!(document["changes"][1]["path"], "measures[m3]");
    assert_eq!(document["changes"][2]["path"], "scenarios[hoch].name");
    assert_eq!(document["changes"].as_array().unwrap().len(), 3);

    let german = run(&["diff", &old, &new]);
    assert_eq!(german.status.code(), Some(0));
    assert_eq!(
        text(&german.stdout),
        "Maßnahme „Kita Kalk“: Beginn 08/2025 → 02/2026\nMaßnahme „Neu“ neu\nSzenario „Hoch \\u{7}2026“: Name „Hoch 2026“ → „Hoch \\u{7}2026“\n"
    );
    let english = run(&["diff", &old, &new, "--language", "en", "--format", "text"]);
    assert_eq!(
        text(&english.stdout),
        "Measure \"Kita Kalk\": Start 08/2025 → 02/2026\nMeasure \"Neu\" added\nScenario \"Hoch \\u{7}2026\": Name \"Hoch 2026\" → \"Hoch \\u{7}2026\"\n"
    );

    let same = files.write("same.json", &small_spelled_out());
    let none = run(&["diff", &old, &same]);
    assert_eq!((none.status.code(), text(&none.stdout)), (Some(0), "keine Änderungen\n".to_owned()));
    let none = run(&["diff", &old, &same, "--language", "en"]);
    assert_eq!(text(&none.stdout), "no changes\n");
    let none = run(&["diff", &old, &same, "--format", "json"]);
    assert_eq!(serde_json::from_slice::<Value>(&none.stdout).unwrap()["changes"], json!([]));
}

#[test]
fn cli_diff_of_an_invalid_plan_exits_2_naming_file_and_path() {
    let files = Files::new();
    let old = files.write("old.json", &small());
    let mut broken = small();
    broken["measures"][0]["end"] = json!("2024-13");
    let new = files.write("broken.json", &broken);
    let output = run(&["diff", &old, &new]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("broken.json") && stderr.contains("measures[0].end"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn cli_merge_writes_the_merged_plan() {
    let files = Files::new();
    let base = files.write("base.json", &small());
    let mut ours_value = small();
    ours_value["measures"][0]["places"] = json!(80);
    let ours = files.write("ours.json", &ours_value);
    let mut theirs_value = small();
    theirs_value["meta"] = json!({ "title": "Neu" });
    let theirs = files.write("theirs.json", &theirs_value);
    let out = files.path("out.json");
    let output = run(&["merge", &base, &ours, &theirs, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let merged = integrationsplan::io::load_file(&out).unwrap().plan;
    assert_eq!(merged.measures[0].places, 80.0);
    assert_eq!(merged.meta.title, "Neu");
    // OUT is written by the project's saver: loading and saving it again changes nothing.
    assert_eq!(std::fs::read_to_string(&out).unwrap(), integrationsplan::io::plan_to_string(&merged).unwrap());

    let refused = run(&["merge", &base, &ours, &theirs, "--output", &ours]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), serde_json::to_string_pretty(&ours_value).unwrap());
}

#[test]
fn cli_merge_conflicts_exit_3_and_write_nothing_unless_a_side_is_preferred() {
    let files = Files::new();
    let base = files.write("base.json", &small());
    let mut ours_value = small();
    ours_value["measures"][0]["places"] = json!(80);
    ours_value["measures"][1]["name"] = json!("Schule Süd");
    let ours = files.write("ours.json", &ours_value);
    let mut theirs_value = small();
    theirs_value["measures"][0]["places"] = json!(90.5);
    theirs_value["measures"].as_array_mut().unwrap().remove(1);
    let theirs = files.write("theirs.json", &theirs_value);
    let out = files.path("out.json");
    let out_text = out.to_str().unwrap();

    let output = run(&["merge", &base, &ours, &theirs, "--output", out_text]);
    assert_eq!(output.status.code(), Some(3));
    assert!(!out.exists(), "nothing is written");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("measures[m1].places: ours 80, theirs 90.5"), "{stderr}");
    assert!(stderr.contains("measures[m2].name: ours \"Schule Süd\", theirs removed measures[m2]"), "{stderr}");

    let output = run(&["merge", &base, &ours, &theirs, "--output", out_text, "--prefer", "ours"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("warning: conflict, taking ours: measures[m1].places: ours 80, theirs 90.5"));
    let merged = integrationsplan::io::load_file(&out).unwrap().plan;
    assert_eq!((merged.measures.len(), merged.measures[0].places), (2, 80.0));
    assert_eq!(merged.measures[1].name, "Schule Süd");

    let output = run(&["merge", &base, &ours, &theirs, "--output", out_text, "--prefer", "theirs"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stderr).contains("warning: conflict, taking theirs:"));
    let merged = integrationsplan::io::load_file(&out).unwrap().plan;
    assert_eq!((merged.measures.len(), merged.measures[0].places), (1, 90.5));
}

#[test]
fn cli_merge_into_an_invalid_plan_exits_2_naming_the_path() {
    let files = Files::new();
    let base = files.write("base.json", &small());
    let mut ours_value = small();
    ours_value["scenarios"][0]["measures_off"] = json!(["m2"]);
    let ours = files.write("ours.json", &ours_value);
    let mut theirs_value = small();
    theirs_value["measures"].as_array_mut().unwrap().remove(1);
    let theirs = files.write("theirs.json", &theirs_value);
    let out = files.path("out.json");
    let output = run(&["merge", &base, &ours, &theirs, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("scenarios[0].measures_off[0]") && stderr.contains("m2"), "{stderr}");
}
