//! SPEC §9: limits that keep every valid plan computable — model size, magnitudes — and what
//! `simulate` promises within them: finite numbers only, linear time in the number of measures.

#![allow(clippy::unwrap_used)]

use integrationsplan::engine::simulate;
use integrationsplan::io::{CsvDialect, load_str, results_to_json, write_results_csv};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "horizon": { "start": "2025-01", "months": 12 },
        "domains": [ { "id": "kita", "name": "Kita", "rates": { "0-5": 1.0 } } ],
        "regions": [ { "id": "a", "name": "A", "population": 100, "area_km2": 10, "capacity": { "kita": 5 } } ],
        "measures": [ { "id": "m", "name": "M", "domain": "kita", "places": 1, "start": "2025-01", "ramp_months": 0,
                         "cost_once_eur": 0, "cost_per_year_eur": 0 } ],
        "scenarios": [ { "id": "s", "name": "S", "arrivals": [ { "from": "2025-01", "per_month": 10 } ], "arrival_factor": 1,
                         "age_distribution": { "0-5": 1.0, "6-17": 0.0, "18+": 0.0 } } ],
        "budget": [ { "year": 2025, "eur": 1 } ]
    })
}

fn errors_of(plan: &Value) -> String {
    match load_str(&plan.to_string(), "plan.json") {
        Ok(_) => String::new(),
        Err(error) => error.to_string(),
    }
}

fn assert_refused(plan: &Value, expected: &str) {
    let errors = errors_of(plan);
    assert!(errors.contains(expected), "expected {expected:?} in:\n{errors}");
}

#[test]
fn magnitudes_above_the_limits_are_refused_with_their_paths() {
    let cases: &[(&str, Value, &str)] = &[
        ("/regions/0/population", json!(1.5e12), "regions[0].population: 1500000000000 is too large"),
        ("/regions/0/area_km2", json!(2e12), "regions[0].area_km2: 2000000000000 is too large"),
        ("/regions/0/capacity/kita", json!(-3e12), "regions[0].capacity.kita: -3000000000000 is too large"),
        ("/measures/0/places", json!(1e13), "measures[0].places: 10000000000000 is too large"),
        ("/measures/0/cost_once_eur", json!(2e15), "measures[0].cost_once_eur: 2000000000000000 is too large"),
        ("/measures/0/cost_per_year_eur", json!(1.1e15), "measures[0].cost_per_year_eur: 1100000000000000 is too large"),
        ("/scenarios/0/arrivals/0/per_month", json!(1.7e308), "scenarios[0].arrivals[0].per_month: 17"),
        ("/scenarios/0/arrival_factor", json!(1000.5), "scenarios[0].arrival_factor: 1000.5 is too large"),
        ("/budget/0/eur", json!(1e16), "budget[0].eur: 10000000000000000 is too large"),
        (
            "/measures/0/ramp_months",
            json!(1201),
            "measures[0].ramp_months: 1201 is out of range (expected a whole number from 0 to 1200)",
        ),
        ("/budget/0/year", json!(1899), "budget[0].year: 1899 is out of range (expected a whole number from 1900 to 2200)"),
        ("/budget/0/year", json!(2201), "budget[0].year: 2201 is out of range"),
    ];
    for (pointer, value, expected) in cases {
        let mut plan = base();
        *plan.pointer_mut(pointer).unwrap() = value.clone();
        assert_refused(&plan, expected);
    }
}

#[test]
fn values_at_the_limits_are_accepted() {
    let mut plan = base();
    plan["regions"][0]["population"] = json!(1e12);
    plan["regions"][0]["capacity"]["kita"] = json!(-1e12);
    plan["measures"][0]["places"] = json!(-1e12);
    plan["measures"][0]["cost_once_eur"] = json!(1e15);
    plan["measures"][0]["ramp_months"] = json!(1200);
    plan["scenarios"][0]["arrivals"][0]["per_month"] = json!(1e12);
    plan["scenarios"][0]["arrival_factor"] = json!(1000);
    plan["budget"][0] = json!({ "year": 2200, "eur": 1e15 });
    assert_eq!(errors_of(&plan), "");
}

#[test]
fn a_model_too_large_for_one_scenario_is_refused_naming_the_fields() {
    let mut plan = base();
    plan["horizon"]["months"] = json!(1200);
    plan["regions"] =
        (0..17_000).map(|r| json!({ "id": format!("r{r}"), "name": "R", "population": 1, "area_km2": 1 })).collect();
    plan["measures"] = json!([]);
    // 17 000 × 1 200 × 1 = 20 400 000 > 20 000 000.
    assert_refused(
        &plan,
        "regions × horizon.months × domains is 17000 × 1200 × 1 = 20400000 model cells (expected at most 20000000)",
    );
}

#[test]
fn a_model_too_large_over_all_scenarios_is_refused() {
    let mut plan = base();
    plan["horizon"]["months"] = json!(1000);
    plan["regions"] = (0..2_100).map(|r| json!({ "id": format!("r{r}"), "name": "R", "population": 1, "area_km2": 1 })).collect();
    plan["measures"] = json!([]);
    let scenario = plan["scenarios"][0].clone();
    plan["scenarios"] = (0..100)
        .map(|s| {
            let mut copy = scenario.clone();
            copy["id"] = json!(format!("s{s}"));
            copy
        })
        .collect();
    // 2 100 × 1 000 × 1 = 2 100 000 per scenario, × 100 = 210 000 000 > 200 000 000.
    assert_refused(&plan, "regions × horizon.months × domains × scenarios is 2100 × 1000 × 1 × 100 = 210000000 model cells");
}

fn all_numbers_finite(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
        Value::Array(items) => items.iter().all(all_numbers_finite),
        Value::Object(map) => map.iter().all(|(key, v)| {
            let may_be_null = matches!(key.as_str(), "first_shortage_month" | "peak_shortage_month");
            (may_be_null && v.is_null()) || all_numbers_finite(v)
        }),
        _ => true,
    }
}

#[test]
fn the_largest_valid_numbers_give_finite_results_and_a_shortage() {
    let mut plan = base();
    plan["horizon"]["months"] = json!(1200);
    plan["scenarios"][0]["arrivals"][0]["per_month"] = json!(1e12);
    plan["scenarios"][0]["arrival_factor"] = json!(1000);
    plan["measures"][0]["cost_per_year_eur"] = json!(1e15);
    // A vanishing persons_per_unit is valid (> 0) and must not overflow demand.
    plan["domains"][0]["persons_per_unit"] = json!(5e-324);
    let plan = load_str(&plan.to_string(), "big.json").unwrap().plan;
    let results = simulate(&plan);
    let json = results_to_json(&results);
    assert!(all_numbers_finite(&json), "no null, NaN or inf anywhere");
    assert!(json["scenarios"][0]["domains"]["kita"]["first_shortage_month"].is_string(), "the shortage is reported");
    let mut csv = Vec::new();
    write_results_csv(&results, CsvDialect::German, &mut csv).unwrap();
    let text = String::from_utf8(csv).unwrap().to_lowercase();
    assert!(!text.contains("nan") && !text.contains("inf"));
}

#[test]
fn a_hundred_thousand_measures_all_switched_off_simulate_in_linear_time() {
    let mut plan = base();
    let measures: Vec<Value> = (0..100_000)
        .map(|m| json!({ "id": format!("m{m}"), "name": "M", "domain": "kita", "places": 1, "start": "2025-01" }))
        .collect();
    plan["measures"] = Value::Array(measures);
    plan["scenarios"][0]["measures_off"] = (0..100_000).rev().map(|m| json!(format!("m{m}"))).collect();
    let plan = load_str(&plan.to_string(), "many.json").unwrap().plan;
    // With a linear look-up this takes 10¹⁰ string comparisons (minutes); with a set, milliseconds.
    let results = simulate(&plan);
    assert_eq!(results.scenarios[0].domains[0].capacity[0], 5.0, "every measure is off");
    assert!(plan.scenarios[0].active_measures(&plan.measures).iter().all(|on| !on));
}

#[test]
fn a_negative_free_capacity_is_a_warning_not_an_error() {
    let mut plan = base();
    plan["regions"][0]["capacity"]["kita"] = json!(-12);
    let loaded = load_str(&plan.to_string(), "neg.json").unwrap();
    let warning = loaded.warnings.iter().find(|w| w.path == "regions[0].capacity.kita").expect("a warning");
    assert!(warning.message.contains("negative"), "{}", warning.message);
}
