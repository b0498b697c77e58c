//! The rules of SPEC §2: every broken rule is reported with its field path and what was expected,
//! all errors of a file at once, and the loader never panics.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::{LoadError, MAX_FILE_BYTES, load_bytes, load_file, load_str};
use integrationsplan::{Issue, Severity};
use serde_json::{Value, json};

/// A small valid plan with four measures, so that paths like `measures[3]` exist.
fn valid_plan() -> Value {
    json!({
        "format": "integrationsplan",
        "version": 1,
        "meta": { "title": "Test", "author": "A", "notes": "" },
        "horizon": { "start": "2025-01", "months": 24 },
        "domains": [
            { "id": "kita", "name": "Kita-Plätze", "unit": "Plätze", "rates": { "1-2": 0.35, "3-5": 0.92 }, "persons_per_unit": 1.0 },
            { "id": "school", "name": "Schulplätze", "rates": { "6-17": 1.0 } },
            { "id": "housing", "name": "Wohnungen", "unit": "Wohnungen", "rates": { "0+": 1.0 }, "persons_per_unit": 3.2 }
        ],
        "regions": [
            { "id": "koeln", "name": "Köln", "population": 1087353, "area_km2": 405.02,
              "capacity": { "kita": 150, "school": 900, "housing": 400 } },
            { "id": "hoexter", "name": "Höxter", "population": 140667, "area_km2": 1201.42, "capacity": { "kita": 20 } }
        ],
        "distribution": { "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 },
        "measures": [
            { "id": "kita-koeln-1", "name": "Kita Köln", "domain": "kita", "region": "koeln", "places": 75,
              "start": "2025-08", "end": null, "ramp_months": 3, "cost_once_eur": 2500000, "cost_per_year_eur": 900000,
              "funding": "secured", "notes": "" },
            { "id": "school-state", "name": "Schulen landesweit", "domain": "school", "region": null, "places": 500,
              "start": "2025-09" },
            { "id": "shelter", "name": "Notunterkunft", "domain": "housing", "places": -40, "start": "2025-03",
              "end": "2025-12", "funding": "open" },
            { "id": "kita-hoexter", "name": "Kita Höxter", "domain": "kita", "region": "hoexter", "places": 30,
              "start": "2026-01", "end": "2026-12", "funding": "planned" }
        ],
        "scenarios": [
            { "id": "basis", "name": "Basis",
              "arrivals": [ { "from": "2025-01", "per_month": 1500 }, { "from": "2025-07", "per_month": 2500 } ],
              "arrival_factor": 1.0,
              "age_distribution": { "0-2": 0.08, "3-5": 0.07, "6-17": 0.20, "18+": 0.65 },
              "leave_rate_per_year": 0.05,
              "funding_included": ["secured", "planned", "open"],
              "measures_off": [], "color": "#1f77b4" },
            { "id": "hoch", "name": "Hoch",
              "arrivals": [ { "from": "2025-01", "per_month": 4000 } ],
              "age_distribution": { "0-17": 0.4, "18+": 0.6 },
              "measures_off": ["shelter"] }
        ],
        "budget": [ { "year": 2025, "eur": 65000000 }, { "year": 2026, "eur": 70000000 } ]
    })
}

fn load(plan: &Value) -> Result<integrationsplan::io::Loaded, LoadError> {
    load_str(&plan.to_string(), "plan.json")
}

fn errors_of(plan: &Value) -> Vec<Issue> {
    match load(plan) {
        Ok(_) => panic!("the plan loaded, but errors were expected:\n{plan:#}"),
        Err(error) => error.errors().cloned().collect(),
    }
}

/// Asserts that loading `plan` fails with an error at exactly `path` whose message contains `part`.
#[track_caller]
fn assert_error(plan: &Value, path: &str, part: &str) {
    let errors = errors_of(plan);
    assert!(
        errors.iter().any(|e| e.path == path && e.message.contains(part)),
        "no error at {path:?} containing {part:?}; errors were:\n{}",
        errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
    );
}

fn without(mut plan: Value, key: &str) -> Value {
    plan.as_object_mut().unwrap().remove(key);
    plan
}

#[test]
fn the_valid_test_plan_loads_without_warnings() {
    let loaded = load(&valid_plan()).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.plan.measures.len(), 4);
}

// ---------------------------------------------------------------- required fields, format, version

#[test]
fn every_required_top_level_field_is_reported_missing() {
    for key in ["format", "version", "horizon", "domains", "regions", "scenarios"] {
        assert_error(&without(valid_plan(), key), key, "missing");
    }
}

#[test]
fn optional_top_level_fields_may_be_missing() {
    let mut plan = valid_plan();
    for key in ["meta", "distribution", "measures", "budget"] {
        plan = without(plan, key);
    }
    plan["scenarios"][1]["measures_off"] = json!([]);
    let loaded = load(&plan).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.plan.measures.is_empty());
    assert!(loaded.plan.budget.is_empty());
}

#[test]
fn missing_required_fields_inside_entries_are_named() {
    let mut plan = valid_plan();
    plan["domains"][1].as_object_mut().unwrap().remove("rates");
    plan["regions"][0].as_object_mut().unwrap().remove("population");
    plan["measures"][2].as_object_mut().unwrap().remove("start");
    plan["scenarios"][0].as_object_mut().unwrap().remove("age_distribution");
    plan["horizon"].as_object_mut().unwrap().remove("months");
    assert_error(&plan, "domains[1].rates", "missing");
    assert_error(&plan, "regions[0].population", "missing");
    assert_error(&plan, "measures[2].start", "missing");
    assert_error(&plan, "scenarios[0].age_distribution", "missing");
    assert_error(&plan, "horizon.months", "missing");
}

#[test]
fn format_must_be_integrationsplan() {
    let mut plan = valid_plan();
    plan["format"] = json!("something-else");
    assert_error(&plan, "format", "expected \"integrationsplan\"");
}

#[test]
fn a_newer_version_is_refused_as_written_by_a_newer_program() {
    let mut plan = valid_plan();
    plan["version"] = json!(2);
    assert_error(&plan, "version", "newer version");
}

#[test]
fn version_must_be_a_whole_number() {
    let mut plan = valid_plan();
    plan["version"] = json!("1");
    assert_error(&plan, "version", "whole number");
}

#[test]
fn horizon_start_must_be_a_month_and_months_from_1_to_1200() {
    let mut plan = valid_plan();
    plan["horizon"] = json!({ "start": "2025-1", "months": 0 });
    assert_error(&plan, "horizon.start", "is not a month");
    assert_error(&plan, "horizon.months", "1 to 1200");
    plan["horizon"] = json!({ "start": "2201-01", "months": 1201 });
    assert_error(&plan, "horizon.start", "is not a month");
    assert_error(&plan, "horizon.months", "1 to 1200");
    plan["horizon"] = json!({ "start": "2025-01", "months": 12.5 });
    assert_error(&plan, "horizon.months", "whole number");
    plan["horizon"] = json!({ "start": "2200-12", "months": 1200 });
    assert!(load(&plan).is_ok());
}

// ---------------------------------------------------------------- ids

#[test]
fn ids_must_not_be_empty() {
    for list in ["domains", "regions", "measures", "scenarios"] {
        let mut plan = valid_plan();
        plan[list][0]["id"] = json!("");
        assert_error(&plan, &format!("{list}[0].id"), "empty");
    }
}

#[test]
fn ids_may_have_at_most_100_characters() {
    for list in ["domains", "regions", "measures", "scenarios"] {
        let mut plan = valid_plan();
        plan[list][0]["id"] = json!("x".repeat(101));
        assert_error(&plan, &format!("{list}[0].id"), "at most 100");
        // 100 characters (not bytes) are fine: "ä" is two bytes.
        let mut plan = valid_plan();
        plan[list][1]["id"] = json!("ä".repeat(100));
        let errors = load(&plan).err().map(|e| e.errors().cloned().collect::<Vec<_>>()).unwrap_or_default();
        assert!(!errors.iter().any(|e| e.path == format!("{list}[1].id")), "{errors:?}");
    }
}

#[test]
fn ids_must_be_unique_within_their_list() {
    for list in ["domains", "regions", "measures", "scenarios"] {
        let mut plan = valid_plan();
        let first = plan[list][0]["id"].clone();
        plan[list][1]["id"] = first.clone();
        assert_error(&plan, &format!("{list}[1].id"), &format!("{first} is already used by {list}[0]"));
    }
}

// ---------------------------------------------------------------- domains

#[test]
fn domain_rates_must_lie_between_0_and_1() {
    let mut plan = valid_plan();
    plan["domains"][0]["rates"] = json!({ "1-2": 1.2, "3-5": -0.1 });
    assert_error(&plan, "domains[0].rates.1-2", "expected a rate from 0 to 1");
    assert_error(&plan, "domains[0].rates.3-5", "expected a rate from 0 to 1");
}

#[test]
fn domain_rate_bands_may_not_overlap() {
    let mut plan = valid_plan();
    plan["domains"][0]["rates"] = json!({ "1-4": 0.5, "3-5": 0.9 });
    assert_error(&plan, "domains[0].rates.3-5", "overlaps the band \"1-4\"");
    let mut plan = valid_plan();
    plan["domains"][2]["rates"] = json!({ "6+": 1.0, "18+": 0.5 });
    assert_error(&plan, "domains[2].rates.18+", "overlaps");
}

#[test]
fn malformed_age_bands_are_refused() {
    for band in ["5-3", "0-18", "19+", "3", "x", "3 - 5"] {
        let mut plan = valid_plan();
        plan["domains"][1]["rates"] = json!({ band: 0.5 });
        let path = integrationsplan::issue::key_path("domains[1].rates", band);
        assert_error(&plan, &path, "is not an age band");
    }
}

#[test]
fn persons_per_unit_must_be_positive() {
    for value in [0.0, -3.2] {
        let mut plan = valid_plan();
        plan["domains"][2]["persons_per_unit"] = json!(value);
        assert_error(&plan, "domains[2].persons_per_unit", "expected a number > 0");
    }
}

#[test]
fn at_most_32_domains() {
    let mut plan = valid_plan();
    let domains: Vec<Value> = (0..33).map(|i| json!({ "id": format!("d{i}"), "name": "D", "rates": {} })).collect();
    plan["domains"] = json!(domains);
    plan["regions"][0]["capacity"] = json!({});
    plan["regions"][1]["capacity"] = json!({});
    plan["measures"] = json!([]);
    plan["scenarios"][1]["measures_off"] = json!([]);
    assert_error(&plan, "domains", "at most 32");
    plan["domains"].as_array_mut().unwrap().pop();
    assert!(load(&plan).is_ok());
}

// ---------------------------------------------------------------- regions

#[test]
fn at_least_one_region() {
    let mut plan = valid_plan();
    plan["regions"] = json!([]);
    plan["measures"] = json!([]);
    plan["scenarios"][1]["measures_off"] = json!([]);
    plan["distribution"] = json!({ "shares": {} });
    assert_error(&plan, "regions", "at least 1");
}

#[test]
fn population_and_area_may_not_be_negative() {
    let mut plan = valid_plan();
    plan["regions"][1]["population"] = json!(-1);
    plan["regions"][1]["area_km2"] = json!(-0.5);
    assert_error(&plan, "regions[1].population", "negative");
    assert_error(&plan, "regions[1].area_km2", "negative");
}

#[test]
fn a_capacity_key_must_be_a_domain_id() {
    let mut plan = valid_plan();
    plan["regions"][1]["capacity"] = json!({ "kita": 20, "schule": 5 });
    assert_error(&plan, "regions[1].capacity.schule", "no domain with id \"schule\"");
}

#[test]
fn capacity_may_be_any_finite_number() {
    let mut plan = valid_plan();
    plan["regions"][1]["capacity"] = json!({ "kita": -20.5, "housing": 0 });
    assert!(load(&plan).is_ok());
}

// ---------------------------------------------------------------- distribution

#[test]
fn distribution_weights_may_not_sum_to_zero() {
    let mut plan = valid_plan();
    plan["distribution"] = json!({ "population_weight": 0, "area_weight": 0 });
    assert_error(&plan, "distribution", "population_weight + area_weight is 0");
}

#[test]
fn distribution_weights_may_not_be_negative() {
    let mut plan = valid_plan();
    plan["distribution"] = json!({ "population_weight": -0.5, "area_weight": 1, "area_uplift_cap": -0.1 });
    assert_error(&plan, "distribution.population_weight", "negative");
    assert_error(&plan, "distribution.area_uplift_cap", "negative");
}

#[test]
fn a_positive_weight_needs_a_positive_total() {
    let mut plan = valid_plan();
    plan["regions"][0]["population"] = json!(0);
    plan["regions"][1]["population"] = json!(0);
    plan["distribution"] = json!({ "population_weight": 0.9, "area_weight": 0.1 });
    assert_error(&plan, "distribution.population_weight", "population adds up to 0");
    let mut plan = valid_plan();
    plan["regions"][0]["area_km2"] = json!(0);
    plan["regions"][1]["area_km2"] = json!(0);
    assert_error(&plan, "distribution.area_weight", "area adds up to 0");
}

#[test]
fn a_cap_needs_a_positive_population_total() {
    let mut plan = valid_plan();
    plan["regions"][0]["population"] = json!(0);
    plan["regions"][1]["population"] = json!(0);
    plan["distribution"] = json!({ "population_weight": 0, "area_weight": 1, "area_uplift_cap": 0.25 });
    assert_error(&plan, "distribution.area_uplift_cap", "population adds up to 0");
    // Without the cap, the same area-only key is fine.
    plan["distribution"] = json!({ "population_weight": 0, "area_weight": 1, "area_uplift_cap": null });
    assert!(load(&plan).is_ok());
}

#[test]
fn shares_must_name_known_regions() {
    let mut plan = valid_plan();
    plan["distribution"] = json!({ "shares": { "koeln": 1, "bonn": 2 } });
    assert_error(&plan, "distribution.shares.bonn", "no region with id \"bonn\"");
}

#[test]
fn shares_must_be_non_negative_and_sum_to_more_than_zero() {
    let mut plan = valid_plan();
    plan["distribution"] = json!({ "shares": { "koeln": 0, "hoexter": 0 } });
    assert_error(&plan, "distribution.shares", "add up to 0");
    plan["distribution"] = json!({ "shares": { "koeln": -1, "hoexter": 1 } });
    assert_error(&plan, "distribution.shares.koeln", "negative");
    // Shares need not sum to 1 and regions may be missing.
    plan["distribution"] = json!({ "shares": { "koeln": 7 } });
    assert!(load(&plan).is_ok());
}

#[test]
fn shares_and_weights_are_exclusive() {
    let mut plan = valid_plan();
    plan["distribution"] = json!({ "shares": { "koeln": 1 }, "population_weight": 0.9 });
    assert_error(&plan, "distribution.population_weight", "not allowed together with shares");
}

// ---------------------------------------------------------------- measures

#[test]
fn a_measure_must_name_a_known_domain_and_region() {
    let mut plan = valid_plan();
    plan["measures"][0]["domain"] = json!("kindergarten");
    plan["measures"][0]["region"] = json!("bonn");
    assert_error(&plan, "measures[0].domain", "no domain with id \"kindergarten\"");
    assert_error(&plan, "measures[0].region", "no region with id \"bonn\"");
}

#[test]
fn a_measure_may_not_end_before_it_starts() {
    let mut plan = valid_plan();
    plan["measures"][3]["end"] = json!("2025-12");
    assert_error(&plan, "measures[3].end", "is before the start \"2026-01\"");
    // end = start is one active month, fine.
    plan["measures"][3]["end"] = json!("2026-01");
    assert!(load(&plan).is_ok());
}

#[test]
fn a_measure_month_must_be_yyyy_mm() {
    let mut plan = valid_plan();
    plan["measures"][3]["end"] = json!("2024-13");
    assert_error(&plan, "measures[3].end", "\"2024-13\" is not a month (expected \"YYYY-MM\"");
    let error = load(&plan).unwrap_err();
    assert!(error.to_string().contains("error: plan.json: measures[3].end: \"2024-13\" is not a month"), "{error}");
}

#[test]
fn ramp_months_must_be_a_whole_number_not_below_zero() {
    let mut plan = valid_plan();
    plan["measures"][0]["ramp_months"] = json!(-1);
    assert_error(&plan, "measures[0].ramp_months", "whole number from 0");
    plan["measures"][0]["ramp_months"] = json!(1.5);
    assert_error(&plan, "measures[0].ramp_months", "whole number from 0");
}

#[test]
fn measure_costs_may_not_be_negative() {
    let mut plan = valid_plan();
    plan["measures"][0]["cost_once_eur"] = json!(-1);
    plan["measures"][0]["cost_per_year_eur"] = json!(-2);
    assert_error(&plan, "measures[0].cost_once_eur", "negative");
    assert_error(&plan, "measures[0].cost_per_year_eur", "negative");
}

#[test]
fn funding_must_be_secured_planned_or_open() {
    let mut plan = valid_plan();
    plan["measures"][1]["funding"] = json!("maybe");
    assert_error(&plan, "measures[1].funding", "expected \"secured\", \"planned\" or \"open\"");
    let mut plan = valid_plan();
    plan["scenarios"][0]["funding_included"] = json!(["secured", "sure"]);
    assert_error(&plan, "scenarios[0].funding_included[1]", "is not a funding state");
}

#[test]
fn places_may_be_negative() {
    let mut plan = valid_plan();
    plan["measures"][0]["places"] = json!(-1000.5);
    assert!(load(&plan).is_ok());
}

// ---------------------------------------------------------------- scenarios

#[test]
fn at_least_one_scenario() {
    let mut plan = valid_plan();
    plan["scenarios"] = json!([]);
    assert_error(&plan, "scenarios", "at least 1");
}

#[test]
fn two_arrival_steps_may_not_share_a_month() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["arrivals"] = json!([
        { "from": "2025-07", "per_month": 1 }, { "from": "2025-01", "per_month": 2 }, { "from": "2025-07", "per_month": 3 }
    ]);
    assert_error(&plan, "scenarios[0].arrivals[2].from", "already used by arrivals[0]");
}

#[test]
fn arrivals_and_arrival_factor_may_not_be_negative() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["arrivals"][1]["per_month"] = json!(-5);
    plan["scenarios"][0]["arrival_factor"] = json!(-1);
    assert_error(&plan, "scenarios[0].arrivals[1].per_month", "negative");
    assert_error(&plan, "scenarios[0].arrival_factor", "negative");
}

#[test]
fn the_age_distribution_must_cover_every_cohort() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["age_distribution"] = json!({ "0-2": 0.1, "6-17": 0.25, "18+": 0.65 });
    assert_error(&plan, "scenarios[0].age_distribution", "does not cover the ages 3, 4, 5");
}

#[test]
fn the_age_distribution_may_not_overlap() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["age_distribution"] = json!({ "0-5": 0.15, "3-17": 0.2, "18+": 0.65 });
    assert_error(&plan, "scenarios[0].age_distribution.3-17", "overlaps the band \"0-5\"");
}

#[test]
fn the_age_distribution_must_sum_to_one_within_a_millionth() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["age_distribution"] = json!({ "0-17": 0.4, "18+": 0.5 });
    assert_error(&plan, "scenarios[0].age_distribution", "add up to 0.9");
    plan["scenarios"][0]["age_distribution"] = json!({ "0-17": 0.4, "18+": 0.6000005 });
    assert!(load(&plan).is_ok(), "1 + 5e-7 is within 1e-6");
    plan["scenarios"][0]["age_distribution"] = json!({ "0-17": 0.4, "18+": 0.60001 });
    assert_error(&plan, "scenarios[0].age_distribution", "expected 1");
}

#[test]
fn a_plus_bands_are_refused_in_the_age_distribution() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["age_distribution"] = json!({ "0-5": 0.3, "6+": 0.7 });
    assert_error(&plan, "scenarios[0].age_distribution.6+", "is not an age band");
}

#[test]
fn leave_rate_must_be_below_one() {
    for rate in [1.0, 1.5, -0.1] {
        let mut plan = valid_plan();
        plan["scenarios"][0]["leave_rate_per_year"] = json!(rate);
        assert_error(&plan, "scenarios[0].leave_rate_per_year", "expected 0 ≤ rate < 1");
    }
    let mut plan = valid_plan();
    plan["scenarios"][0]["leave_rate_per_year"] = json!(0.999);
    assert!(load(&plan).is_ok());
}

#[test]
fn measures_off_must_name_known_measures() {
    let mut plan = valid_plan();
    plan["scenarios"][0]["measures_off"] = json!(["shelter", "kita-x"]);
    assert_error(&plan, "scenarios[0].measures_off[1]", "no measure with id \"kita-x\"");
    let error = load(&plan).unwrap_err();
    assert!(
        error.to_string().lines().any(|l| l == "error: plan.json: scenarios[0].measures_off[1]: no measure with id \"kita-x\""),
        "{error}"
    );
}

#[test]
fn color_must_be_hash_rrggbb() {
    for color in ["red", "#12345", "#1234567", "#gg0000", "1f77b4"] {
        let mut plan = valid_plan();
        plan["scenarios"][0]["color"] = json!(color);
        assert_error(&plan, "scenarios[0].color", "expected \"#rrggbb\"");
    }
    let mut plan = valid_plan();
    plan["scenarios"][0]["color"] = json!("#A0b1C2");
    assert!(load(&plan).is_ok());
}

#[test]
fn at_most_100_scenarios() {
    let mut plan = valid_plan();
    let one = plan["scenarios"][1].clone();
    let many: Vec<Value> = (0..101)
        .map(|i| {
            let mut s = one.clone();
            s["id"] = json!(format!("s{i}"));
            s
        })
        .collect();
    plan["scenarios"] = json!(many);
    assert_error(&plan, "scenarios", "at most 100");
}

// ---------------------------------------------------------------- budget

#[test]
fn budget_has_one_entry_per_year() {
    let mut plan = valid_plan();
    plan["budget"] = json!([ { "year": 2025, "eur": 1 }, { "year": 2026, "eur": 2 }, { "year": 2025, "eur": 3 } ]);
    assert_error(&plan, "budget[2].year", "appears twice");
}

#[test]
fn budget_may_not_be_negative() {
    let mut plan = valid_plan();
    plan["budget"][1]["eur"] = json!(-1);
    assert_error(&plan, "budget[1].eur", "negative");
}

// ---------------------------------------------------------------- all errors, warnings, robustness

#[test]
fn all_errors_of_a_file_are_reported() {
    let mut plan = valid_plan();
    plan["domains"][0]["rates"]["1-2"] = json!(2);
    plan["regions"][1]["capacity"] = json!({ "nope": 1 });
    plan["measures"][3]["end"] = json!("2024-13");
    plan["scenarios"][0]["leave_rate_per_year"] = json!(1);
    plan["budget"][0]["eur"] = json!(-5);
    plan["scenarios"][1]["measures_off"] = json!(["kita-x"]);
    let errors = errors_of(&plan);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for path in [
        "domains[0].rates.1-2",
        "regions[1].capacity.nope",
        "measures[3].end",
        "scenarios[0].leave_rate_per_year",
        "budget[0].eur",
        "scenarios[1].measures_off[0]",
    ] {
        assert!(paths.contains(&path), "{path} missing from {paths:?}");
    }
    assert!(errors.len() >= 6, "{errors:?}");
}

#[test]
fn the_error_display_names_file_path_and_message_one_per_line() {
    let mut plan = valid_plan();
    plan["measures"][0]["domain"] = json!("x");
    plan["budget"][0]["eur"] = json!(-1);
    let error = load(&plan).unwrap_err();
    let text = error.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), error.issues.len());
    assert!(lines.contains(&"error: plan.json: measures[0].domain: no domain with id \"x\" (expected a domain id)"), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("error: plan.json: budget[0].eur: ")), "{text}");
}

#[test]
fn unknown_fields_are_warnings_and_the_plan_loads() {
    let mut plan = valid_plan();
    plan["future_field"] = json!({ "x": 1 });
    plan["meta"]["reviewer"] = json!("B");
    plan["measures"][2]["priority"] = json!(3);
    plan["scenarios"][0]["arrivals"][0]["note"] = json!("n");
    let loaded = load(&plan).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<&str> = loaded.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(warnings, ["future_field", "meta.reviewer", "measures[2].priority", "scenarios[0].arrivals[0].note"]);
    assert!(loaded.warnings.iter().all(|w| w.severity == Severity::Warning && w.message.contains("unknown field")));
}

#[test]
fn wrong_types_are_named_with_what_was_expected() {
    let mut plan = valid_plan();
    plan["measures"][0]["places"] = json!("75");
    plan["regions"][0]["name"] = json!(5);
    plan["domains"] = json!({});
    assert_error(&plan, "measures[0].places", "expected a number, found the string \"75\"");
    assert_error(&plan, "regions[0].name", "expected a string, found the number 5");
    assert_error(&plan, "domains", "expected a list, found an object");
}

fn assert_refused(bytes: &[u8]) -> LoadError {
    match load_bytes(bytes, "broken.json") {
        Ok(_) => panic!("{:?} loaded", String::from_utf8_lossy(&bytes[..bytes.len().min(80)])),
        Err(error) => {
            assert!(error.errors().count() >= 1);
            assert!(error.to_string().starts_with("error: broken.json: "), "{error}");
            error
        }
    }
}

#[test]
fn the_loader_never_panics_on_broken_input() {
    let valid = valid_plan().to_string();
    let nested = "[".repeat(100_000);
    let inputs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"   \n\t ".to_vec(),
        valid.as_bytes()[..valid.len() / 2].to_vec(),
        nested.into_bytes(),
        b"1e999".to_vec(),
        b"{\"format\": \"integrationsplan\", \"version\": 1e999}".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"null".to_vec(),
        b"\"integrationsplan\"".to_vec(),
        b"{\"format\": \"integrationsplan\", \"version\": 1, \"meta\": {\"title\": \"\xff\xfe\"}}".to_vec(),
        vec![0xC3, 0x28, 0xA0, 0xA1],
        b"{}".to_vec(),
        b"{\"format\": \"integrationsplan\", \"version\": 18446744073709551616}".to_vec(),
    ];
    for input in &inputs {
        assert_refused(input);
    }
    assert!(assert_refused(b"").to_string().contains("empty"));
    assert!(assert_refused(&[0xC3, 0x28]).to_string().contains("UTF-8"));
}

/// JSON pointers of every node below the top of `value`.
fn pointers(value: &Value, prefix: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let pointer = format!("{prefix}/{key}");
        out.push(pointer.clone());
        pointers(child, &pointer, out);
    }
}

#[test]
fn the_loader_never_panics_on_wrong_types_anywhere() {
    let valid = valid_plan();
    for replacement in [json!(true), json!(null), json!("x"), json!(-1), json!(1e300), json!([]), json!({})] {
        let mut all = Vec::new();
        pointers(&valid, "", &mut all);
        assert!(all.len() > 100);
        for pointer in &all {
            // Each variant replaces exactly one node, so every field is tried with a wrong type.
            let mut variant = valid.clone();
            *variant.pointer_mut(pointer).unwrap() = replacement.clone();
            if let Err(error) = load(&variant) {
                assert!(error.errors().count() >= 1);
                assert!(error.errors().all(|e| !e.message.is_empty()));
            }
        }
    }
}

#[test]
fn the_loader_never_panics_when_every_field_is_true() {
    fn all_true(value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(map.iter().map(|(k, _)| (k.clone(), json!(true))).collect()),
            _ => json!(true),
        }
    }
    let plan = all_true(&valid_plan());
    let errors = errors_of(&plan);
    // Every top-level field that is checked is named.
    for path in ["format", "version", "horizon", "domains", "regions", "scenarios", "meta", "distribution", "measures", "budget"]
    {
        assert!(errors.iter().any(|e| e.path == path), "{path} not named in {errors:?}");
    }
    // One level deeper: every field of every entry replaced by true.
    let mut deep = valid_plan();
    for list in ["domains", "regions", "measures", "scenarios", "budget"] {
        for entry in deep[list].as_array_mut().unwrap() {
            *entry = all_true(entry);
        }
    }
    deep["horizon"] = all_true(&deep["horizon"]);
    deep["meta"] = all_true(&deep["meta"]);
    deep["distribution"] = all_true(&deep["distribution"]);
    let errors = errors_of(&deep);
    assert!(errors.iter().any(|e| e.path == "measures[3].end"), "{errors:?}");
    assert!(errors.iter().any(|e| e.path == "scenarios[1].arrivals"), "{errors:?}");
}

#[test]
fn a_file_over_64_mib_is_refused_before_parsing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file is enough: the size alone must refuse it.
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let error = load_file(&path).unwrap_err();
    assert_eq!(error.issues.len(), 1);
    assert!(error.to_string().contains("64 MiB"), "{error}");
    assert!(error.to_string().contains("huge.json"), "{error}");
    // The same from bytes.
    let bytes = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert!(load_bytes(&bytes, "huge.json").unwrap_err().to_string().contains("64 MiB"));
}

#[test]
fn a_file_of_exactly_64_mib_is_read() {
    // Whitespace padding up to the limit: read and parsed like any other plan.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.json");
    let mut text = valid_plan().to_string().into_bytes();
    text.resize(MAX_FILE_BYTES as usize, b' ');
    std::fs::write(&path, &text).unwrap();
    assert!(load_file(&path).is_ok());
}

#[test]
fn a_missing_file_is_an_error_naming_the_file() {
    let error = load_file(std::path::Path::new("/nonexistent/plan.json")).unwrap_err();
    assert!(error.to_string().starts_with("error: /nonexistent/plan.json: cannot open the file"), "{error}");
}

#[test]
fn paths_keep_the_file_index_when_an_earlier_entry_is_broken() {
    let mut plan = valid_plan();
    plan["measures"][1] = json!(true);
    plan["measures"][3]["end"] = json!("2025-12");
    plan["scenarios"][0]["arrivals"] = json!([
        { "from": "2025-01", "per_month": 1 }, { "from": "2025-13", "per_month": 2 }, { "from": "2025-07", "per_month": -3 }
    ]);
    plan["budget"] = json!([ true, { "year": 2025, "eur": 1 }, { "year": 2025, "eur": -1 } ]);
    assert_error(&plan, "measures[1]", "expected an object");
    assert_error(&plan, "measures[3].end", "is before the start");
    assert_error(&plan, "scenarios[0].arrivals[1].from", "is not a month");
    assert_error(&plan, "scenarios[0].arrivals[2].per_month", "negative");
    assert_error(&plan, "budget[0]", "expected an object");
    assert_error(&plan, "budget[2].year", "appears twice");
    assert_error(&plan, "budget[2].eur", "negative");
    let errors = errors_of(&plan);
    for wrong in ["measures[2].end", "scenarios[0].arrivals[1].per_month", "budget[1].year", "budget[1].eur"] {
        assert!(!errors.iter().any(|e| e.path == wrong), "{wrong} in {errors:?}");
    }
}

#[test]
fn a_broken_entry_does_not_hide_errors_of_entries_whose_index_starts_alike() {
    let mut plan = valid_plan();
    let one = plan["measures"][0].clone();
    let measures: Vec<Value> = (0..11)
        .map(|i| {
            let mut m = one.clone();
            m["id"] = json!(format!("m{i}"));
            m
        })
        .collect();
    plan["measures"] = json!(measures);
    plan["scenarios"][1]["measures_off"] = json!([]);
    plan["measures"][1]["places"] = json!("many");
    plan["measures"][10]["cost_once_eur"] = json!(-1);
    assert_error(&plan, "measures[1].places", "expected a number");
    assert_error(&plan, "measures[10].cost_once_eur", "negative");
    plan["measures"][1] = json!(null);
    assert_error(&plan, "measures[1]", "expected an object");
    assert_error(&plan, "measures[10].cost_once_eur", "negative");
}

#[test]
fn at_most_20000_regions() {
    let mut plan = valid_plan();
    let regions: Vec<Value> =
        (0..20_001).map(|i| json!({ "id": format!("r{i}"), "name": "R", "population": 1, "area_km2": 1 })).collect();
    plan["regions"] = json!(regions);
    plan["measures"] = json!([]);
    plan["scenarios"][1]["measures_off"] = json!([]);
    assert_error(&plan, "regions", "at most 20000");
}

#[test]
fn at_most_100000_measures() {
    let mut plan = valid_plan();
    let measures: Vec<Value> = (0..100_001)
        .map(|i| json!({ "id": format!("m{i}"), "name": "M", "domain": "kita", "places": 1, "start": "2025-01" }))
        .collect();
    plan["measures"] = json!(measures);
    plan["scenarios"][1]["measures_off"] = json!([]);
    assert_error(&plan, "measures", "at most 100000");
}

#[test]
fn optional_fields_take_the_spec_defaults() {
    let plan = load(&valid_plan()).unwrap().plan;
    let school = &plan.domains[1];
    assert_eq!(school.unit, "Plätze");
    assert_eq!(school.persons_per_unit, 1.0);
    let state_wide = &plan.measures[1];
    assert_eq!(state_wide.region, None);
    assert_eq!(state_wide.end, None);
    assert_eq!(state_wide.ramp_months, 0);
    assert_eq!(state_wide.cost_once_eur, 0.0);
    assert_eq!(state_wide.cost_per_year_eur, 0.0);
    assert_eq!(state_wide.funding, integrationsplan::model::Funding::Planned);
    let hoch = &plan.scenarios[1];
    assert_eq!(hoch.arrival_factor, 1.0);
    assert_eq!(hoch.leave_rate_per_year, 0.0);
    assert_eq!(hoch.funding_included, integrationsplan::model::Funding::ALL.to_vec());
    assert_eq!(hoch.color, None);
    let without_distribution = load(&without(valid_plan(), "distribution")).unwrap().plan;
    assert_eq!(without_distribution.distribution, integrationsplan::model::Distribution::default());
    assert!(matches!(
        without_distribution.distribution,
        integrationsplan::model::Distribution::Weights {
            population_weight: 0.9,
            area_weight: 0.1,
            area_uplift_cap: Some(0.25),
            ..
        }
    ));
}
