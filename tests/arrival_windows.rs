//! SPEC §10, time since arrival: hand-computed small cases, the sum rule, validation and the
//! uncertainty runs with windows.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::engine::{RunControl, simulate, simulate_one};
use integrationsplan::io::load_str;
use proptest::prelude::*;
use serde_json::{Value, json};

const EPS: f64 = 1e-9;

/// One region, adults only (no ageing of the counted band), 8 months from 2025-01; 120 arrive in
/// the first month and nobody after; nobody leaves. Domains are given by the test.
fn plan_with(domains: Value, leave_rate: f64, age_distribution: Value, arrivals: Value) -> Value {
    json!({
        "format": "integrationsplan",
        "version": 1,
        "horizon": { "start": "2025-01", "months": 8 },
        "domains": domains,
        "regions": [ { "id": "a", "name": "A", "population": 100, "area_km2": 10 } ],
        "distribution": { "shares": { "a": 1 } },
        "scenarios": [ {
            "id": "s", "name": "S",
            "arrivals": arrivals,
            "leave_rate_per_year": leave_rate,
            "age_distribution": age_distribution
        } ]
    })
}

fn one_arrival_month() -> Value {
    json!([ { "from": "2025-01", "per_month": 120 }, { "from": "2025-02", "per_month": 0 } ])
}

fn adults() -> Value {
    json!({ "0-17": 0.0, "18+": 1.0 })
}

fn domain(id: &str, window: Option<Value>) -> Value {
    let mut domain = json!({ "id": id, "name": id, "rates": { "0+": 1.0 } });
    if let Some(window) = window {
        domain["months_since_arrival"] = window;
    }
    domain
}

fn demand_of(plan: &Value, domain: &str) -> Vec<f64> {
    let loaded = load_str(&plan.to_string(), "test.json").unwrap_or_else(|e| panic!("plan does not load:\n{e}"));
    let results = simulate(&loaded.plan);
    results.scenarios[0].domain(domain).unwrap().demand.clone()
}

#[track_caller]
fn assert_curve(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len());
    for (t, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!((a - e).abs() < EPS * e.abs().max(1.0), "month {t}: {a} != {e}\nactual   {actual:?}\nexpected {expected:?}");
    }
}

#[test]
fn window_zero_to_one_counts_only_the_month_of_arrival() {
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 0, "to": 1 })))]), 0.0, adults(), one_arrival_month());
    assert_curve(&demand_of(&plan, "d"), &[120.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
}

#[test]
fn an_open_window_from_month_a_is_zero_before_month_a() {
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 3 })))]), 0.0, adults(), one_arrival_month());
    assert_curve(&demand_of(&plan, "d"), &[0.0, 0.0, 0.0, 120.0, 120.0, 120.0, 120.0, 120.0]);
}

#[test]
fn a_window_counts_each_arrival_month_for_its_own_months() {
    // 10 arrive every month; [2, 4) counts the arrivals of two and three months ago.
    let arrivals = json!([ { "from": "2025-01", "per_month": 10 } ]);
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 2, "to": 4 })))]), 0.0, adults(), arrivals);
    assert_curve(&demand_of(&plan, "d"), &[0.0, 0.0, 10.0, 20.0, 20.0, 20.0, 20.0, 20.0]);
}

#[test]
fn departures_thin_a_window_as_they_thin_everyone() {
    // A monthly leave share m: the 120 of month 0 are 120·(1−m)^u in month u.
    let leave = 0.3_f64;
    let keep = (1.0 - leave).powf(1.0 / 12.0);
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 2, "to": 5 })))]), leave, adults(), one_arrival_month());
    let expected: Vec<f64> = (0..8).map(|u| if (2..5).contains(&u) { 120.0 * keep.powi(u) } else { 0.0 }).collect();
    assert_curve(&demand_of(&plan, "d"), &expected);
}

#[test]
fn ageing_moves_children_out_of_a_band_inside_the_window() {
    // 12 five-year-olds arrive in month 0; a domain for ages 0–5 counting months 1 to 2 sees
    // 11 (one twelfth aged to 6) in month 1 and 12·(11/12)² in month 2.
    let ages = json!({ "0-4": 0.0, "5-5": 1.0, "6-17": 0.0, "18+": 0.0 });
    let arrivals = json!([ { "from": "2025-01", "per_month": 12 }, { "from": "2025-02", "per_month": 0 } ]);
    let kita = json!({ "id": "k", "name": "K", "rates": { "0-5": 1.0 }, "months_since_arrival": { "from": 1, "to": 3 } });
    let plan = plan_with(json!([kita]), 0.0, ages, arrivals);
    let d = demand_of(&plan, "k");
    assert_curve(&d, &[0.0, 11.0, 12.0 * (11.0f64 / 12.0).powi(2), 0.0, 0.0, 0.0, 0.0, 0.0]);
}

#[test]
fn a_window_starting_after_the_horizon_counts_nobody() {
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 8 })))]), 0.0, adults(), one_arrival_month());
    assert_curve(&demand_of(&plan, "d"), &[0.0; 8]);
    let plan = plan_with(json!([domain("d", Some(json!({ "from": 100, "to": 1200 })))]), 0.0, adults(), one_arrival_month());
    assert_curve(&demand_of(&plan, "d"), &[0.0; 8]);
}

#[test]
fn a_window_ending_after_the_horizon_counts_like_no_end() {
    let plan = plan_with(
        json!([domain("w", Some(json!({ "from": 0, "to": 1200 }))), domain("all", None)]),
        0.1,
        adults(),
        json!([ { "from": "2025-01", "per_month": 50 } ]),
    );
    assert_curve(&demand_of(&plan, "w"), &demand_of(&plan, "all"));
}

#[test]
fn a_domain_without_a_window_is_unchanged_bit_for_bit() {
    let plan = plan_with(
        json!([domain("all", None), domain("w", Some(json!({ "from": 3, "to": 5 })))]),
        0.2,
        json!({ "0-5": 0.2, "6-17": 0.3, "18+": 0.5 }),
        json!([ { "from": "2025-01", "per_month": 77 } ]),
    );
    let without = plan_with(
        json!([domain("all", None)]),
        0.2,
        json!({ "0-5": 0.2, "6-17": 0.3, "18+": 0.5 }),
        json!([ { "from": "2025-01", "per_month": 77 } ]),
    );
    assert_eq!(demand_of(&plan, "all"), demand_of(&without, "all"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Windows [0, a) and [a, ∞) add up to the domain without a window, with departures, ageing
    /// and changing arrivals.
    #[test]
    fn windows_before_and_after_a_bound_add_up_to_the_whole(
        a in 1u32..30,
        leave in 0.0f64..0.9,
        per_month in proptest::collection::vec(0.0f64..5000.0, 1..5),
        child_share in 0.0f64..1.0,
    ) {
        let arrivals: Vec<Value> = per_month
            .iter()
            .enumerate()
            .map(|(k, v)| json!({ "from": format!("2025-{:02}", 1 + 2 * k), "per_month": v }))
            .collect();
        let ages = json!({ "0-5": child_share * 0.5, "6-17": child_share * 0.5, "18+": 1.0 - child_share });
        let rates = json!({ "3-10": 0.8 });
        let mut plan = plan_with(
            json!([
                { "id": "all", "name": "all", "rates": rates },
                { "id": "early", "name": "early", "rates": rates, "months_since_arrival": { "from": 0, "to": a } },
                { "id": "late", "name": "late", "rates": rates, "months_since_arrival": { "from": a } }
            ]),
            leave,
            ages,
            Value::Array(arrivals),
        );
        plan["horizon"]["months"] = json!(36);
        let all = demand_of(&plan, "all");
        let early = demand_of(&plan, "early");
        let late = demand_of(&plan, "late");
        for t in 0..all.len() {
            let sum = early[t] + late[t];
            prop_assert!((sum - all[t]).abs() <= 1e-9 * all[t].abs().max(1.0), "month {}: {} + {} != {}", t, early[t], late[t], all[t]);
            if (t as u32) < a {
                prop_assert_eq!(late[t], 0.0);
            }
        }
    }
}

#[test]
fn the_uncertainty_runs_use_the_windowed_demand() {
    let mut plan = plan_with(
        json!([domain("w", Some(json!({ "from": 0, "to": 2 })))]),
        0.0,
        adults(),
        json!([ { "from": "2025-01", "per_month": 100 } ]),
    );
    plan["scenarios"][0]["uncertainty"] = json!({ "arrival_factor": { "low": 1.0, "high": 1.0 } });
    let loaded = load_str(&plan.to_string(), "test.json").unwrap();
    let results = simulate_one(&loaded.plan, 0, Some((5, 1)), &RunControl::default()).unwrap();
    let bands = results.uncertainty.as_ref().unwrap();
    let band = &bands.domains[0];
    // Fixed factor: every percentile is the plain figure, 100 in month 0, then 200.
    assert_curve(&band.demand.p50, &[100.0, 200.0, 200.0, 200.0, 200.0, 200.0, 200.0, 200.0]);
    assert_eq!(band.demand.p50, results.domains[0].demand);
}

#[test]
fn broken_windows_are_refused_by_their_path() {
    let cases = [
        (json!({ "from": 24, "to": 12 }), "domains[0].months_since_arrival.to"),
        (json!({ "from": 5, "to": 5 }), "domains[0].months_since_arrival.to"),
        (json!({ "to": 1201 }), "domains[0].months_since_arrival.to"),
        (json!({ "to": 0 }), "domains[0].months_since_arrival.to"),
        (json!({ "from": -1 }), "domains[0].months_since_arrival.from"),
        (json!({ "from": 1.5 }), "domains[0].months_since_arrival.from"),
        (json!({ "from": "3" }), "domains[0].months_since_arrival.from"),
        (json!(7), "domains[0].months_since_arrival"),
    ];
    for (window, path) in cases {
        let plan = plan_with(json!([domain("d", Some(window.clone()))]), 0.0, adults(), one_arrival_month());
        let error = load_str(&plan.to_string(), "bad.json").expect_err(&format!("{window} must be refused"));
        let text = error.to_string();
        assert!(text.contains(&format!("bad.json: {path}:")), "{window}: {text}");
    }
}

#[test]
fn a_window_survives_a_round_trip_with_its_unknown_fields() {
    let plan = plan_with(
        json!([domain("d", Some(json!({ "from": 24, "note": "kept" }))), domain("e", Some(json!({ "to": 12 })))]),
        0.0,
        adults(),
        one_arrival_month(),
    );
    let loaded = load_str(&plan.to_string(), "test.json").unwrap();
    let written = integrationsplan::io::encode_plan(&loaded.plan);
    assert_eq!(written["domains"][0]["months_since_arrival"], json!({ "from": 24, "note": "kept" }));
    assert_eq!(written["domains"][1]["months_since_arrival"], json!({ "from": 0, "to": 12 }));
    let again = load_str(&written.to_string(), "again.json").unwrap();
    assert_eq!(again.plan, loaded.plan);
}
