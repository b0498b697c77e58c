//! SPEC §5: runs with triangular draws, percentiles by linear interpolation, probabilities.
//!
//! The bands are checked against the plain § 3 engine: each run is recomputed on its own as a
//! scenario with the drawn values, and the percentiles are taken here by sorting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use integrationsplan::Plan;
use integrationsplan::engine::{
    RunControl, SHORTAGE_THRESHOLD, draw_run, percentile, run_uncertainty_in_blocks, simulate_one, simulate_scenarios,
};
use integrationsplan::io::load_str;
use integrationsplan::model::{Uncertainty, ValueRange};
use serde_json::{Value, json};
use std::process::Command;

/// Two regions, two domains with shortages that depend on arrivals, three scenarios of which the
/// first two are uncertain.
fn plan_json() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "horizon": { "start": "2025-01", "months": 18 },
        "domains": [
            { "id": "kita", "name": "Kita", "rates": { "0-5": 0.8 } },
            { "id": "housing", "name": "Wohnen", "rates": { "0+": 1.0 }, "persons_per_unit": 3.0 }
        ],
        "regions": [
            { "id": "a", "name": "A", "population": 600000, "area_km2": 300, "capacity": { "kita": 40, "housing": 150 } },
            { "id": "b", "name": "B", "population": 200000, "area_km2": 900, "capacity": { "kita": 25, "housing": 60 } }
        ],
        "measures": [
            { "id": "m1", "name": "Kita A", "domain": "kita", "region": "a", "places": 30, "start": "2025-06", "ramp_months": 4 },
            { "id": "m2", "name": "Wohnen", "domain": "housing", "places": 120, "start": "2025-09" }
        ],
        "scenarios": [
            { "id": "s1", "name": "S1", "arrivals": [ { "from": "2025-01", "per_month": 60 }, { "from": "2025-08", "per_month": 25 } ],
              "arrival_factor": 1.0, "leave_rate_per_year": 0.1,
              "age_distribution": { "0-5": 0.3, "6-17": 0.2, "18+": 0.5 },
              "uncertainty": { "arrival_factor": { "low": 0.5, "high": 1.8 }, "leave_rate_per_year": { "low": 0.0, "high": 0.4 } } },
            { "id": "s2", "name": "S2", "arrivals": [ { "from": "2025-01", "per_month": 40 } ],
              "arrival_factor": 1.2, "leave_rate_per_year": 0.05,
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 },
              "uncertainty": { "arrival_factor": { "low": 1.2, "high": 1.2 } } },
            { "id": "s3", "name": "S3", "arrivals": [ { "from": "2025-01", "per_month": 40 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 } }
        ]
    })
}

fn load(value: &Value) -> Plan {
    load_str(&value.to_string(), "test.json").expect("the test plan is valid").plan
}

/// The same scenario with the run's values and no uncertainty.
fn run_as_scenario(plan: &Plan, index: usize, seed: u64, run: u32) -> Plan {
    let mut copy = plan.clone();
    let draw = draw_run(seed, index, run, &plan.scenarios[index]);
    let scenario = &mut copy.scenarios[index];
    scenario.arrival_factor = draw.arrival_factor;
    scenario.leave_rate_per_year = draw.leave_rate_per_year;
    scenario.uncertainty = None;
    copy
}

#[test]
fn bands_are_the_percentiles_of_independently_computed_runs() {
    let plan = load(&plan_json());
    let (runs, seed) = (37, 99);
    let control = RunControl::default();
    let results = simulate_one(&plan, 0, Some((runs, seed)), &control).unwrap();
    let bands = results.uncertainty.as_ref().unwrap();
    assert_eq!((bands.runs, bands.seed), (runs, seed));
    let per_run: Vec<_> = (0..runs)
        .map(|k| {
            let copy = run_as_scenario(&plan, 0, seed, k);
            simulate_scenarios(&copy, &[&copy.scenarios[0]]).scenarios.remove(0)
        })
        .collect();
    for (d, band) in bands.domains.iter().enumerate() {
        for t in 0..18 {
            let mut demand: Vec<f64> = per_run.iter().map(|r| r.domains[d].demand[t]).collect();
            let mut shortage: Vec<f64> = per_run.iter().map(|r| r.domains[d].shortage[t]).collect();
            let short = shortage.iter().filter(|s| **s > SHORTAGE_THRESHOLD).count() as f64 / runs as f64;
            demand.sort_by(f64::total_cmp);
            shortage.sort_by(f64::total_cmp);
            for (p, got_demand, got_shortage) in [
                (0.1, band.demand.p10[t], band.shortage.p10[t]),
                (0.5, band.demand.p50[t], band.shortage.p50[t]),
                (0.9, band.demand.p90[t], band.shortage.p90[t]),
            ] {
                assert!((percentile(&demand, p) - got_demand).abs() <= 1e-9 * got_demand.abs().max(1.0), "demand p{p} t{t}");
                assert!((percentile(&shortage, p) - got_shortage).abs() <= 1e-9 * got_shortage.abs().max(1.0));
            }
            assert_eq!(band.shortage_probability[t], short);
        }
        let any = per_run.iter().filter(|r| r.domains[d].indicators.first_shortage_month.is_some()).count();
        assert_eq!(band.any_shortage_probability, any as f64 / runs as f64);
    }
    // The bands really spread: a range of 0.5–1.8 on arrivals moves demand.
    let kita = &bands.domains[0];
    assert!(kita.demand.p90[17] > kita.demand.p50[17] && kita.demand.p50[17] > kita.demand.p10[17]);
}

#[test]
fn a_scenario_without_uncertainty_has_its_section_3_figures_as_every_percentile() {
    let plan = load(&plan_json());
    let control = RunControl::default();
    for index in [1, 2] {
        let results = simulate_one(&plan, index, Some((25, 3)), &control).unwrap();
        let bands = results.uncertainty.as_ref().unwrap();
        for (domain, band) in results.domains.iter().zip(&bands.domains) {
            for p in [&band.demand.p10, &band.demand.p50, &band.demand.p90] {
                assert_eq!(p, &domain.demand, "scenario {index}: demand percentiles are the § 3 demand, bit for bit");
            }
            for p in [&band.shortage.p10, &band.shortage.p50, &band.shortage.p90] {
                assert_eq!(p, &domain.shortage);
            }
            let expected = if domain.indicators.first_shortage_month.is_some() { 1.0 } else { 0.0 };
            assert_eq!(band.any_shortage_probability, expected);
            assert!(band.shortage_probability.iter().all(|p| *p == 0.0 || *p == 1.0));
        }
    }
}

#[test]
fn the_numbers_do_not_depend_on_threads_or_block_size() {
    let plan = load(&plan_json());
    let control = RunControl::default();
    let base = simulate_one(&plan, 0, None, &control).unwrap();
    let whole = run_uncertainty_in_blocks(&plan, 0, &base, 50, 5, &control, None).unwrap();
    let blocks = run_uncertainty_in_blocks(&plan, 0, &base, 50, 5, &control, Some(5)).unwrap();
    assert_eq!(whole, blocks);
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let single = one_thread.install(|| run_uncertainty_in_blocks(&plan, 0, &base, 50, 5, &control, Some(7)).unwrap());
    assert_eq!(whole, single);
}

#[test]
fn draws_depend_only_on_seed_scenario_position_and_run() {
    let plan = load(&plan_json());
    let scenario = &plan.scenarios[0];
    assert_eq!(draw_run(1, 0, 5, scenario), draw_run(1, 0, 5, scenario));
    assert_ne!(draw_run(1, 0, 5, scenario), draw_run(2, 0, 5, scenario));
    assert_ne!(draw_run(1, 0, 5, scenario), draw_run(1, 0, 6, scenario));
    assert_ne!(draw_run(1, 0, 5, scenario), draw_run(1, 1, 5, scenario));
    // Pinned values: the generator is part of the format's promise (same numbers everywhere).
    let first = draw_run(1, 0, 0, scenario);
    assert!((0.5..=1.8).contains(&first.arrival_factor) && (0.0..=0.4).contains(&first.leave_rate_per_year));
}

#[test]
fn draws_follow_the_triangular_distribution() {
    let mut plan = load(&plan_json());
    plan.scenarios[0].uncertainty = Some(Uncertainty {
        arrival_factor: Some(ValueRange { low: 0.6, high: 1.8, extra: Default::default() }),
        leave_rate_per_year: None,
        extra: Default::default(),
    });
    let scenario = &plan.scenarios[0];
    let n = 20_000;
    let draws: Vec<f64> = (0..n).map(|k| draw_run(11, 0, k, scenario).arrival_factor).collect();
    let mean = draws.iter().sum::<f64>() / f64::from(n);
    // Mean of a triangular distribution: (low + mode + high) / 3 = 1.1333…
    assert!((mean - 3.4 / 3.0).abs() < 0.01, "mean {mean}");
    // P(X ≤ mode) = (mode − low) / (high − low) = 1/3.
    let below = draws.iter().filter(|x| **x <= 1.0).count() as f64 / f64::from(n);
    assert!((below - 1.0 / 3.0).abs() < 0.015, "share below the mode {below}");
    assert!(draws.iter().all(|x| (0.6..=1.8).contains(x)));
    assert!(draw_run(11, 0, 0, scenario).leave_rate_per_year == scenario.leave_rate_per_year);
}

#[test]
fn uncertainty_is_validated_with_paths_and_kept_on_save() {
    let mut bad = plan_json();
    bad["scenarios"][0]["uncertainty"] = json!({
        "arrival_factor": { "low": 1.1, "high": 1200 },
        "leave_rate_per_year": { "low": -0.1, "high": 1.0 },
        "note": "kept"
    });
    let error = load_str(&bad.to_string(), "bad.json").unwrap_err().to_string();
    for expected in [
        "scenarios[0].uncertainty.arrival_factor.low: 1.1 is above the scenario's arrival_factor 1",
        "scenarios[0].uncertainty.arrival_factor.high: 1200 is too large",
        "scenarios[0].uncertainty.leave_rate_per_year.low: -0.1 is negative",
        "scenarios[0].uncertainty.leave_rate_per_year.high: 1 is out of range (expected a rate below 1)",
    ] {
        assert!(error.contains(expected), "missing {expected:?} in\n{error}");
    }
    let mut typed = plan_json();
    typed["scenarios"][0]["uncertainty"]["arrival_factor"] = json!({ "low": "viel" });
    let error = load_str(&typed.to_string(), "bad.json").unwrap_err().to_string();
    assert!(error.contains("scenarios[0].uncertainty.arrival_factor.low: expected a number"), "{error}");
    assert!(error.contains("scenarios[0].uncertainty.arrival_factor.high: missing"), "{error}");

    let mut with_extra = plan_json();
    with_extra["scenarios"][0]["uncertainty"]["note"] = json!("kept");
    let plan = load(&with_extra);
    let text = integrationsplan::io::plan_to_string(&plan).unwrap();
    let again = load_str(&text, "again.json").unwrap().plan;
    assert_eq!(again, plan);
    let saved: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["scenarios"][0]["uncertainty"]["arrival_factor"], json!({ "low": 0.5, "high": 1.8 }));
    assert_eq!(saved["scenarios"][0]["uncertainty"]["note"], json!("kept"));
    assert!(saved["scenarios"][2].get("uncertainty").is_none());
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
}

#[test]
fn simulate_runs_adds_the_uncertainty_object_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, plan_json().to_string()).unwrap();
    let plain = binary().args(["simulate"]).arg(&path).output().unwrap();
    let with_runs = binary().args(["simulate", "--runs", "40", "--seed", "18446744073709551615"]).arg(&path).output().unwrap();
    assert!(plain.status.success() && with_runs.status.success());
    let plain: Value = serde_json::from_slice(&plain.stdout).unwrap();
    let mut with_runs: Value = serde_json::from_slice(&with_runs.stdout).unwrap();
    for scenario in with_runs["scenarios"].as_array().unwrap() {
        let u = &scenario["uncertainty"];
        assert_eq!(u["runs"], json!(40));
        assert_eq!(u["seed"], json!(u64::MAX));
        for domain in ["kita", "housing"] {
            let band = &u["domains"][domain];
            for key in ["p10", "p50", "p90"] {
                assert_eq!(band["demand"][key].as_array().unwrap().len(), 18);
                assert_eq!(band["shortage"][key].as_array().unwrap().len(), 18);
            }
            assert_eq!(band["shortage_probability"].as_array().unwrap().len(), 18);
            assert!(band["any_shortage_probability"].is_number());
        }
    }
    for scenario in with_runs["scenarios"].as_array_mut().unwrap() {
        scenario.as_object_mut().unwrap().remove("uncertainty");
    }
    assert_eq!(with_runs, plain, "--runs changes nothing but the added object");
    let again = binary().args(["simulate", "--runs", "40", "--seed", "18446744073709551615"]).arg(&path).output().unwrap();
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["scenarios"][0]["uncertainty"]["domains"], {
        let first = binary().args(["simulate", "--runs", "40", "--seed", "18446744073709551615"]).arg(&path).output().unwrap();
        serde_json::from_slice::<Value>(&first.stdout).unwrap()["scenarios"][0]["uncertainty"]["domains"].clone()
    });
}

#[test]
fn runs_outside_one_to_a_hundred_thousand_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, plan_json().to_string()).unwrap();
    for runs in ["0", "100001", "-3", "zehn"] {
        let out = binary().args(["simulate", "--runs", runs]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--runs {runs}");
    }
    let out = binary().args(["simulate", "--seed", "-1", "--runs", "2"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
