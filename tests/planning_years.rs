//! SPEC §11, planning years, groups and staff: hand-computed cases through the real loader, the
//! JSON of `simulate`, and validation by path.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::engine::simulate;
use integrationsplan::io::{load_str, results_to_json};
use serde_json::{Value, json};

/// Two regions with equal shares, one Kita domain planned in groups of 20; a constant stock of
/// adults (arrivals in the first month only, nobody leaves) so that demand is known exactly.
fn plan(start: &str, months: u32, arrivals: f64, capacity: (f64, f64)) -> Value {
    json!({
        "format": "integrationsplan",
        "version": 1,
        "horizon": { "start": start, "months": months },
        "domains": [
            { "id": "kita", "name": "Kita", "rates": { "0+": 1.0 },
              "planning": { "group_size": 20, "group_word": "Gruppen", "staff_per_group": 1.9,
                            "cost_per_group_per_year_eur": 420000 } },
            { "id": "language", "name": "Sprache", "rates": { "18+": 1.0 } }
        ],
        "regions": [
            { "id": "koeln", "name": "Köln", "population": 100, "area_km2": 10, "capacity": { "kita": capacity.0 } },
            { "id": "hoexter", "name": "Höxter", "population": 100, "area_km2": 10, "capacity": { "kita": capacity.1 } }
        ],
        "distribution": { "shares": { "koeln": 1, "hoexter": 1 } },
        "scenarios": [ {
            "id": "s", "name": "S",
            "arrivals": [ { "from": start, "per_month": arrivals }, { "from": next_month(start), "per_month": 0 } ],
            "age_distribution": { "0-17": 0.0, "18+": 1.0 }
        } ]
    })
}

fn next_month(month: &str) -> String {
    let (year, m) = month.split_once('-').unwrap();
    let (year, m): (i32, u32) = (year.parse().unwrap(), m.parse().unwrap());
    if m == 12 { format!("{}-01", year + 1) } else { format!("{year}-{:02}", m + 1) }
}

fn results_json(plan: &Value) -> Value {
    let loaded = load_str(&plan.to_string(), "test.json").unwrap_or_else(|e| panic!("plan does not load:\n{e}"));
    results_to_json(&simulate(&loaded.plan))
}

#[test]
fn half_a_group_missing_in_two_regions_is_two_groups() {
    // 100 newcomers, 50 per region; 40 places each: 10 missing in each region = 2 groups.
    let results = results_json(&plan("2025-08", 12, 100.0, (40.0, 40.0)));
    let year = &results["scenarios"][0]["planning_years"][0];
    assert_eq!(year["year"], "2025/26");
    assert_eq!(year["reference_month"], "2025-08");
    let kita = &year["domains"]["kita"];
    assert_eq!(kita["demand"], 100.0);
    assert_eq!(kita["capacity"], 80.0);
    assert_eq!(kita["shortage"], 20.0);
    assert_eq!(kita["groups_missing"], 2);
    assert_eq!(kita["groups_needed"], 6, "50 children need 3 groups of 20 in each region");
    assert!((kita["staff_missing"].as_f64().unwrap() - 3.8).abs() < 1e-12);
    assert!((kita["staff_needed"].as_f64().unwrap() - 11.4).abs() < 1e-12);
    assert_eq!(kita["running_cost_missing_eur"], 840000.0);
    assert_eq!(kita["regions_missing"], json!({ "koeln": 1, "hoexter": 1 }));
    // A domain without `planning` has only its places.
    let language = year["domains"]["language"].as_object().unwrap();
    assert_eq!(language.keys().collect::<Vec<_>>(), ["demand", "capacity", "shortage"]);
}

#[test]
fn rounding_noise_never_adds_a_group_but_a_hundredth_does() {
    // Köln misses exactly 20 places (+ noise) and Höxter 20.01.
    let results = results_json(&plan("2025-08", 12, 100.0, (30.0 - 1e-8, 29.99)));
    let kita = &results["scenarios"][0]["planning_years"][0]["domains"]["kita"];
    assert_eq!(kita["regions_missing"], json!({ "koeln": 1, "hoexter": 2 }));
    assert_eq!(kita["groups_missing"], 3);
    // Half a thousandth of a place missing is no group at all.
    let results = results_json(&plan("2025-08", 12, 100.0, (49.9995, 60.0)));
    let kita = &results["scenarios"][0]["planning_years"][0]["domains"]["kita"];
    assert_eq!(kita["groups_missing"], 0);
    assert_eq!(kita["regions_missing"], json!({}));
}

#[test]
fn a_horizon_that_starts_mid_year_reports_each_year_whose_reference_month_it_holds() {
    let mut p = plan("2025-03", 30, 10.0, (0.0, 0.0));
    p["planning_year"] = json!({ "start_month": 8, "reference_month": 11 });
    let results = results_json(&p);
    let years: Vec<(String, String)> = results["scenarios"][0]["planning_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_str().unwrap().to_owned(), y["reference_month"].as_str().unwrap().to_owned()))
        .collect();
    // 2025-03 … 2027-08: reference months 2025-11 and 2026-11.
    assert_eq!(years, [("2025/26".into(), "2025-11".into()), ("2026/27".into(), "2026-11".into())]);
}

#[test]
fn the_defaults_count_the_school_year_in_august_and_start_month_one_gives_calendar_years() {
    let results = results_json(&plan("2025-01", 24, 10.0, (0.0, 0.0)));
    let names: Vec<&str> =
        results["scenarios"][0]["planning_years"].as_array().unwrap().iter().map(|y| y["year"].as_str().unwrap()).collect();
    assert_eq!(names, ["2025/26", "2026/27"]);
    let mut p = plan("2025-01", 24, 10.0, (0.0, 0.0));
    p["planning_year"] = json!({ "start_month": 1 });
    let results = results_json(&p);
    let years: Vec<(&str, &str)> = results["scenarios"][0]["planning_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_str().unwrap(), y["reference_month"].as_str().unwrap()))
        .collect();
    assert_eq!(years, [("2025", "2025-01"), ("2026", "2026-01")]);
}

#[test]
fn a_fractional_group_size_counts_whole_groups() {
    let mut p = plan("2025-08", 1, 100.0, (0.0, 0.0));
    p["domains"][0]["planning"] = json!({ "group_size": 12.5 });
    let results = results_json(&p);
    let kita = &results["scenarios"][0]["planning_years"][0]["domains"]["kita"];
    // 50 per region / 12.5 = exactly 4 groups each.
    assert_eq!(kita["groups_missing"], 8);
    assert_eq!(kita["staff_missing"], 0.0);
    assert_eq!(kita["running_cost_missing_eur"], 0.0);
}

#[test]
fn broken_planning_values_are_refused_by_their_path() {
    type Breaking = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Breaking, &str)> = vec![
        (Box::new(|p| p["domains"][0]["planning"]["group_size"] = json!(0)), "domains[0].planning.group_size"),
        (Box::new(|p| p["domains"][0]["planning"]["group_size"] = json!(2e12)), "domains[0].planning.group_size"),
        (
            Box::new(|p| p["domains"][0]["planning"].as_object_mut().unwrap().remove("group_size").map(|_| ()).unwrap()),
            "domains[0].planning.group_size",
        ),
        (Box::new(|p| p["domains"][0]["planning"]["staff_per_group"] = json!(-1)), "domains[0].planning.staff_per_group"),
        (Box::new(|p| p["domains"][0]["planning"]["staff_per_group"] = json!(2e6)), "domains[0].planning.staff_per_group"),
        (
            Box::new(|p| p["domains"][0]["planning"]["cost_per_group_per_year_eur"] = json!(-5)),
            "domains[0].planning.cost_per_group_per_year_eur",
        ),
        (Box::new(|p| p["domains"][0]["planning"]["group_word"] = json!(3)), "domains[0].planning.group_word"),
        (Box::new(|p| p["planning_year"] = json!({ "start_month": 13 })), "planning_year.start_month"),
        (Box::new(|p| p["planning_year"] = json!({ "start_month": 0 })), "planning_year.start_month"),
        (Box::new(|p| p["planning_year"] = json!({ "reference_month": 2.5 })), "planning_year.reference_month"),
        (Box::new(|p| p["planning_year"] = json!("August")), "planning_year"),
    ];
    for (break_it, path) in cases {
        let mut p = plan("2025-08", 12, 100.0, (40.0, 40.0));
        break_it(&mut p);
        let error = load_str(&p.to_string(), "bad.json").expect_err(&format!("{path} must be refused"));
        assert!(error.to_string().contains(&format!("bad.json: {path}:")), "{path}: {error}");
    }
}

#[test]
fn planning_fields_survive_a_round_trip() {
    let mut p = plan("2025-08", 12, 100.0, (40.0, 40.0));
    p["planning_year"] = json!({ "start_month": 8, "reference_month": 11, "comment": "kept" });
    p["domains"][0]["planning"]["extra_field"] = json!([1, 2]);
    let loaded = load_str(&p.to_string(), "test.json").unwrap();
    let written = integrationsplan::io::encode_plan(&loaded.plan);
    assert_eq!(written["planning_year"], json!({ "start_month": 8, "reference_month": 11, "comment": "kept" }));
    assert_eq!(written["domains"][0]["planning"]["extra_field"], json!([1, 2]));
    assert_eq!(written["domains"][0]["planning"]["group_word"], "Gruppen");
    let again = load_str(&written.to_string(), "again.json").unwrap();
    assert_eq!(again.plan, loaded.plan);
}

/// The engine counts groups while it computes each region; counted again from its finished
/// results (the published `planning_years`), every figure is the same, on the sample plan and on
/// a synthetic plan with fractional group sizes and regional measures.
#[test]
fn the_groups_counted_in_the_region_loop_equal_a_recount_from_the_results() {
    use integrationsplan::engine::planning_years;
    use integrationsplan::model::GroupPlanning;
    use integrationsplan::synthetic::{PlanSize, german_districts, plan};
    let sample = integrationsplan::sample::nrw_2025().unwrap().plan;
    let size = PlanSize { regions: 60, months: 70, scenarios: 3, domains: 4, measures: 200, statewide_share: 0.5 };
    let mut synthetic = plan(size, &german_districts());
    for (domain, group_size) in synthetic.domains.iter_mut().zip([20.0, 12.5, 0.7, 25.0]) {
        domain.planning = Some(GroupPlanning::with_group_size(group_size));
    }
    for candidate in [sample, synthetic] {
        let results = simulate(&candidate);
        let mut regions_missing = 0;
        for scenario in &results.scenarios {
            assert!(!scenario.planning_years.is_empty());
            assert_eq!(scenario.planning_years, planning_years(&candidate, scenario, &results.months));
            regions_missing += scenario
                .planning_years
                .iter()
                .flat_map(|y| &y.domains)
                .filter_map(|d| d.groups.as_ref())
                .map(|g| g.regions_missing().count())
                .sum::<usize>();
        }
        assert!(regions_missing > 0, "the plans miss groups somewhere, so the comparison means something");
    }
}
