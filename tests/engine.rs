//! The model of SPEC §3 on small plans whose results are computed by hand.
//!
//! Every test builds a plan as JSON, loads it through the real loader and runs
//! `engine::simulate`; the expected numbers are worked out in the comments.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::engine::{Results, ScenarioResults, simulate, weighted_shares};
use integrationsplan::io::load_str;
use serde_json::{Value, json};
use std::path::Path;

const EPS: f64 = 1e-9;

/// One region `a` taking all arrivals, one domain `d` counting everyone, adults only,
/// 6 months from 2025-01, nothing leaves.
fn base_plan() -> Value {
    json!({
        "format": "integrationsplan",
        "version": 1,
        "meta": { "title": "Test" },
        "horizon": { "start": "2025-01", "months": 6 },
        "domains": [ { "id": "d", "name": "D", "rates": { "0+": 1.0 } } ],
        "regions": [ { "id": "a", "name": "A", "population": 100, "area_km2": 10 } ],
        "distribution": { "shares": { "a": 1 } },
        "scenarios": [ {
            "id": "s", "name": "S",
            "arrivals": [ { "from": "2025-01", "per_month": 0 } ],
            "age_distribution": { "0-17": 0.0, "18+": 1.0 }
        } ]
    })
}

fn run(plan: &Value) -> Results {
    let loaded = load_str(&plan.to_string(), "test.json").unwrap_or_else(|e| panic!("plan does not load:\n{e}"));
    simulate(&loaded.plan)
}

fn scenario<'a>(results: &'a Results, id: &str) -> &'a ScenarioResults {
    results.scenarios.iter().find(|s| s.id == id).unwrap()
}

fn demand(results: &Results, domain: &str) -> Vec<f64> {
    results.scenarios[0].domain(domain).unwrap().demand.clone()
}

fn capacity(results: &Results, domain: &str) -> Vec<f64> {
    results.scenarios[0].domain(domain).unwrap().capacity.clone()
}

fn region_capacity(results: &Results, region: usize, domain: usize) -> Vec<f64> {
    results.scenarios[0].regions[region].domains[domain].capacity.clone()
}

#[track_caller]
fn assert_curve(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "length of {actual:?} vs {expected:?}");
    for (t, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!((a - e).abs() < EPS * e.abs().max(1.0), "month {t}: {a} != {e}\nactual   {actual:?}\nexpected {expected:?}");
    }
}

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < EPS * expected.abs().max(1.0), "{actual} != {expected}");
}

/// Arrivals of exactly `count` persons in month 0 and none afterwards.
fn one_batch(count: f64) -> Value {
    json!([ { "from": "2025-01", "per_month": count }, { "from": "2025-02", "per_month": 0 } ])
}

// ---------------------------------------------------------------- arrivals

#[test]
fn arrivals_take_the_latest_step_whose_from_is_not_after_the_month_in_any_order() {
    let mut plan = base_plan();
    // Unsorted on purpose; nothing is given for 2025-01.
    plan["scenarios"][0]["arrivals"] = json!([
        { "from": "2025-04", "per_month": 30 },
        { "from": "2025-02", "per_month": 10 }
    ]);
    let results = run(&plan);
    // A(t) = 0, 10, 10, 30, 30, 30 (no step yet in 2025-01); adults stay and nobody leaves, so the
    // stock is the running sum: 0, 10, 20, 50, 80, 110.
    let expected = [0.0, 10.0, 20.0, 50.0, 80.0, 110.0];
    assert_curve(&results.scenarios[0].persons, &expected);
    assert_curve(&demand(&results, "d"), &expected);
}

#[test]
fn months_before_the_first_arrivals_step_have_no_arrivals() {
    let mut plan = base_plan();
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2030-01", "per_month": 1000 } ]);
    let results = run(&plan);
    assert_curve(&results.scenarios[0].persons, &[0.0; 6]);
}

#[test]
fn an_arrivals_step_before_the_horizon_applies_from_month_zero() {
    let mut plan = base_plan();
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2024-06", "per_month": 5 }, { "from": "2025-03", "per_month": 1 } ]);
    let results = run(&plan);
    // A = 5, 5, 1, 1, 1, 1 → stock 5, 10, 11, 12, 13, 14.
    assert_curve(&results.scenarios[0].persons, &[5.0, 10.0, 11.0, 12.0, 13.0, 14.0]);
}

#[test]
fn arrival_factor_multiplies_every_step() {
    let mut plan = base_plan();
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 10 }, { "from": "2025-03", "per_month": 20 } ]);
    plan["scenarios"][0]["arrival_factor"] = json!(1.5);
    let results = run(&plan);
    // A = 15, 15, 30, 30, 30, 30 → stock 15, 30, 60, 90, 120, 150.
    assert_curve(&results.scenarios[0].persons, &[15.0, 30.0, 60.0, 90.0, 120.0, 150.0]);
}

// ---------------------------------------------------------------- cohorts

#[test]
fn a_bands_share_is_split_equally_over_its_single_years() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["domains"] = json!([
        { "id": "age1", "name": "1", "rates": { "1-1": 1.0 } },
        { "id": "age0to2", "name": "0-2", "rates": { "0-2": 1.0 } },
        { "id": "age5", "name": "5", "rates": { "5-5": 1.0 } },
        { "id": "adult", "name": "18+", "rates": { "18+": 1.0 } }
    ]);
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 120 } ]);
    plan["scenarios"][0]["age_distribution"] = json!({ "0-2": 0.3, "3-17": 0.3, "18+": 0.4 });
    let results = run(&plan);
    // 0-2 gets 120·0.3 = 36, i.e. 12 per single year; 3-17 gets 36 over 15 years = 2.4 each;
    // the adult cohort is one cohort: 120·0.4 = 48.
    assert_curve(&demand(&results, "age1"), &[12.0]);
    assert_curve(&demand(&results, "age0to2"), &[36.0]);
    assert_curve(&demand(&results, "age5"), &[2.4]);
    assert_curve(&demand(&results, "adult"), &[48.0]);
}

#[test]
fn newcomers_age_after_the_months_figures() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(3);
    plan["domains"] = json!([
        { "id": "seventeen", "name": "17", "rates": { "17-17": 1.0 } },
        { "id": "adult", "name": "18+", "rates": { "18+": 1.0 } }
    ]);
    plan["scenarios"][0]["arrivals"] = one_batch(12.0);
    plan["scenarios"][0]["age_distribution"] = json!({ "0-16": 0.0, "17-17": 1.0, "18+": 0.0 });
    plan["scenarios"][0]["leave_rate_per_year"] = json!(0.0);
    let results = run(&plan);
    // Month 0: the 12 arrive and are counted aged 17 before ageing.
    // Month 1: 12·11/12 = 11 are still 17, 12/12 = 1 has turned 18.
    // Month 2: 11·11/12 = 10.08333…, adults 1 + 11/12 = 1.91666…
    assert_curve(&demand(&results, "seventeen"), &[12.0, 11.0, 121.0 / 12.0]);
    assert_curve(&demand(&results, "adult"), &[0.0, 1.0, 1.0 + 11.0 / 12.0]);
}

#[test]
fn ageing_moves_a_twelfth_of_each_single_year_up() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(2);
    plan["domains"] = json!([
        { "id": "zero", "name": "0", "rates": { "0-0": 1.0 } },
        { "id": "one", "name": "1", "rates": { "1-1": 1.0 } }
    ]);
    plan["scenarios"][0]["arrivals"] = one_batch(24.0);
    plan["scenarios"][0]["age_distribution"] = json!({ "0-1": 1.0, "2-17": 0.0, "18+": 0.0 });
    let results = run(&plan);
    // Month 0: 12 aged 0 and 12 aged 1. Month 1: age 0 keeps 12·11/12 = 11;
    // age 1 keeps 11 and gains 1 from age 0 = 12.
    assert_curve(&demand(&results, "zero"), &[12.0, 11.0]);
    assert_curve(&demand(&results, "one"), &[12.0, 12.0]);
}

// ---------------------------------------------------------------- departures

#[test]
fn leave_rate_is_applied_after_the_months_figures() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(13);
    plan["scenarios"][0]["arrivals"] = one_batch(1200.0);
    plan["scenarios"][0]["leave_rate_per_year"] = json!(0.5);
    let results = run(&plan);
    // m = 1 − (1 − 0.5)^(1/12); the stock at month t is 1200·(1 − m)^t = 1200·0.5^(t/12):
    // month 0 is not yet reduced (1200), month 1 is 1200·0.5^(1/12) ≈ 1132.65, month 12 is 600.
    let expected: Vec<f64> = (0..13).map(|t| 1200.0 * 0.5f64.powf(f64::from(t) / 12.0)).collect();
    assert_curve(&results.scenarios[0].persons, &expected);
    assert_close(results.scenarios[0].persons[0], 1200.0);
    assert_close(results.scenarios[0].persons[12], 600.0);
}

#[test]
fn arrivals_of_a_month_are_counted_before_anyone_leaves() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(2);
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 100 } ]);
    plan["scenarios"][0]["leave_rate_per_year"] = json!(0.19);
    let results = run(&plan);
    // k = 1 − m = 0.81^(1/12). Month 0: 100. Month 1: 100·k + 100 (new arrivals not reduced).
    let k = 0.81f64.powf(1.0 / 12.0);
    assert_curve(&results.scenarios[0].persons, &[100.0, 100.0 * k + 100.0]);
}

// ---------------------------------------------------------------- demand

#[test]
fn demand_is_divided_by_persons_per_unit() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["domains"] = json!([
        { "id": "housing", "name": "Wohnungen", "unit": "Wohnungen", "rates": { "0+": 1.0 }, "persons_per_unit": 3.2 },
        { "id": "half", "name": "Half", "rates": { "18+": 0.5 }, "persons_per_unit": 3.2 }
    ]);
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 32 } ]);
    let results = run(&plan);
    // 32 persons / 3.2 = 10 dwellings; 32·0.5 / 3.2 = 5.
    assert_curve(&demand(&results, "housing"), &[10.0]);
    assert_curve(&demand(&results, "half"), &[5.0]);
}

#[test]
fn an_a_plus_rate_band_includes_the_adults_and_uncovered_cohorts_count_zero() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["domains"] = json!([
        { "id": "from17", "name": "17+", "rates": { "17+": 1.0 } },
        { "id": "everyone", "name": "0+", "rates": { "0+": 0.5 } },
        { "id": "only17", "name": "17", "rates": { "17-17": 1.0 } }
    ]);
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 100 } ]);
    plan["scenarios"][0]["age_distribution"] = json!({ "0-16": 0.34, "17-17": 0.33, "18+": 0.33 });
    let results = run(&plan);
    // "17+" = age 17 and adults: 33 + 33 = 66; "0+" at 0.5: 50; "17-17" only: 33.
    assert_curve(&demand(&results, "from17"), &[66.0]);
    assert_curve(&demand(&results, "everyone"), &[50.0]);
    assert_curve(&demand(&results, "only17"), &[33.0]);
}

// ---------------------------------------------------------------- capacity

/// Two regions: `a` gets a quarter, `b` three quarters of the arrivals.
fn two_region_plan() -> Value {
    let mut plan = base_plan();
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 100, "area_km2": 10, "capacity": { "d": 10 } },
        { "id": "b", "name": "B", "population": 100, "area_km2": 10, "capacity": { "d": 20 } }
    ]);
    plan["distribution"] = json!({ "shares": { "a": 1, "b": 3 } });
    plan
}

fn measure(id: &str, region: Option<&str>, places: f64, start: &str) -> Value {
    json!({ "id": id, "name": id, "domain": "d", "region": region, "places": places, "start": start })
}

#[test]
fn capacity_is_base_plus_regional_measures_plus_the_share_of_state_wide_measures() {
    let mut plan = two_region_plan();
    plan["horizon"]["months"] = json!(1);
    plan["measures"] = json!([
        measure("in-a", Some("a"), 5.0, "2025-01"),
        measure("in-b", Some("b"), 7.0, "2025-01"),
        measure("state", None, 100.0, "2025-01")
    ]);
    let results = run(&plan);
    // a: 10 + 5 + 0.25·100 = 40; b: 20 + 7 + 0.75·100 = 102; state-wide 142.
    assert_curve(&region_capacity(&results, 0, 0), &[40.0]);
    assert_curve(&region_capacity(&results, 1, 0), &[102.0]);
    assert_curve(&capacity(&results, "d"), &[142.0]);
}

#[test]
fn missing_capacity_entries_are_zero() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["domains"] = json!([
        { "id": "d", "name": "D", "rates": { "0+": 1.0 } },
        { "id": "e", "name": "E", "rates": { "0+": 1.0 } }
    ]);
    plan["regions"][0]["capacity"] = json!({ "d": 12.5 });
    let results = run(&plan);
    assert_curve(&capacity(&results, "d"), &[12.5]);
    assert_curve(&capacity(&results, "e"), &[0.0]);
}

#[test]
fn a_measure_ramps_up_linearly_over_ramp_months_and_stops_after_end() {
    let mut plan = base_plan();
    plan["measures"] = json!([
        { "id": "ramped", "name": "r", "domain": "d", "region": "a", "places": 90, "start": "2025-02",
          "end": "2025-05", "ramp_months": 3 }
    ]);
    let results = run(&plan);
    // 2025-01 before start: 0; then 90·1/3 = 30, 90·2/3 = 60, 90·3/3 = 90, 90 in 2025-05 (= end),
    // 0 in 2025-06 (after end).
    assert_curve(&capacity(&results, "d"), &[0.0, 30.0, 60.0, 90.0, 90.0, 0.0]);
}

#[test]
fn a_measure_without_ramp_gives_all_places_in_its_start_month() {
    let mut plan = base_plan();
    plan["measures"] = json!([measure("now", Some("a"), 40.0, "2025-03")]);
    let results = run(&plan);
    assert_curve(&capacity(&results, "d"), &[0.0, 0.0, 40.0, 40.0, 40.0, 40.0]);
}

#[test]
fn a_measure_starting_before_the_horizon_is_already_part_way_up_its_ramp() {
    let mut plan = base_plan();
    plan["measures"] = json!([
        { "id": "early", "name": "e", "domain": "d", "region": "a", "places": 100, "start": "2024-11", "ramp_months": 4 }
    ]);
    let results = run(&plan);
    // 2025-01 is 2 months after 2024-11: 100·min(1, 3/4) = 75; from 2025-02 on 100·4/4 = 100.
    assert_curve(&capacity(&results, "d"), &[75.0, 100.0, 100.0, 100.0, 100.0, 100.0]);
}

#[test]
fn measures_entirely_outside_the_horizon_add_nothing() {
    let mut plan = base_plan();
    plan["measures"] = json!([
        { "id": "past", "name": "p", "domain": "d", "region": "a", "places": 100, "start": "2024-01", "end": "2024-12",
          "cost_once_eur": 1000, "cost_per_year_eur": 1200 },
        { "id": "future", "name": "f", "domain": "d", "region": "a", "places": 100, "start": "2025-07",
          "cost_once_eur": 1000, "cost_per_year_eur": 1200 }
    ]);
    let results = run(&plan);
    assert_curve(&capacity(&results, "d"), &[0.0; 6]);
    assert_curve(&results.scenarios[0].cost_eur, &[0.0; 6]);
}

#[test]
fn negative_places_close_places() {
    let mut plan = base_plan();
    plan["regions"][0]["capacity"] = json!({ "d": 100 });
    plan["measures"] = json!([
        { "id": "close", "name": "c", "domain": "d", "region": "a", "places": -50, "start": "2025-03", "ramp_months": 2 }
    ]);
    let results = run(&plan);
    // 100, 100, 100 − 25, 100 − 50, …
    assert_curve(&capacity(&results, "d"), &[100.0, 100.0, 75.0, 50.0, 50.0, 50.0]);
}

#[test]
fn only_measures_with_included_funding_and_not_switched_off_count() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["measures"] = json!([
        { "id": "m-secured", "name": "s", "domain": "d", "region": "a", "places": 1, "start": "2025-01",
          "funding": "secured", "cost_once_eur": 1 },
        { "id": "m-planned", "name": "p", "domain": "d", "region": "a", "places": 10, "start": "2025-01",
          "funding": "planned", "cost_once_eur": 10 },
        { "id": "m-open", "name": "o", "domain": "d", "region": "a", "places": 100, "start": "2025-01",
          "funding": "open", "cost_once_eur": 100 },
        { "id": "m-default", "name": "default funding is planned", "domain": "d", "region": "a", "places": 1000,
          "start": "2025-01", "cost_once_eur": 1000 }
    ]);
    let all = plan["scenarios"][0].clone();
    let mut narrow = all.clone();
    narrow["id"] = json!("narrow");
    narrow["funding_included"] = json!(["secured", "planned"]);
    narrow["measures_off"] = json!(["m-planned"]);
    let mut secured = all.clone();
    secured["id"] = json!("secured");
    secured["funding_included"] = json!(["secured"]);
    plan["scenarios"] = json!([all, narrow, secured]);
    let results = run(&plan);
    // all: 1 + 10 + 100 + 1000; narrow: secured 1 + default-planned 1000 (m-planned off, open
    // excluded); secured only: 1. Costs follow the same measures.
    let check = |id: &str, places: f64| {
        let s = scenario(&results, id);
        assert_curve(&s.domain("d").unwrap().capacity, &[places]);
        assert_curve(&s.cost_eur, &[places]);
    };
    check("s", 1111.0);
    check("narrow", 1001.0);
    check("secured", 1.0);
}

// ---------------------------------------------------------------- shortage

#[test]
fn state_wide_shortage_is_the_sum_of_regional_shortages_not_the_gap_of_the_sums() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["regions"] = json!([
        { "id": "koeln", "name": "Köln", "population": 1, "area_km2": 1, "capacity": { "d": 80 } },
        { "id": "hoexter", "name": "Höxter", "population": 1, "area_km2": 1, "capacity": { "d": 20 } }
    ]);
    plan["distribution"] = json!({ "shares": { "koeln": 0.5, "hoexter": 0.5 } });
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 100 } ]);
    let results = run(&plan);
    // Each region needs 50. Köln has 30 free places too many, Höxter misses 30.
    // Sums: demand 100 = capacity 100, yet the shortage is max(0, 50−80) + max(0, 50−20) = 30.
    let d = results.scenarios[0].domain("d").unwrap();
    assert_curve(&d.demand, &[100.0]);
    assert_curve(&d.capacity, &[100.0]);
    assert_curve(&d.shortage, &[30.0]);
    assert_close(d.indicators.peak_shortage, 30.0);
}

/// Stock 10, 20, 30, 30, 30, 30 against capacity 25, plus 10 places from 2025-05:
/// shortage 0, 0, 5, 5, 0, 0.
fn shortage_plan() -> Value {
    let mut plan = base_plan();
    plan["regions"][0]["capacity"] = json!({ "d": 25 });
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 10 }, { "from": "2025-04", "per_month": 0 } ]);
    plan["measures"] = json!([measure("late", Some("a"), 10.0, "2025-05")]);
    plan
}

#[test]
fn indicators_name_the_first_and_the_first_peak_month_and_sum_the_place_months() {
    let results = run(&shortage_plan());
    let d = results.scenarios[0].domain("d").unwrap();
    assert_curve(&d.shortage, &[0.0, 0.0, 5.0, 5.0, 0.0, 0.0]);
    let i = &d.indicators;
    assert_eq!(i.first_shortage_month.map(|m| m.to_string()).as_deref(), Some("2025-03"));
    assert_close(i.peak_shortage, 5.0);
    // 2025-03 and 2025-04 both reach 5: the first one counts.
    assert_eq!(i.peak_shortage_month.map(|m| m.to_string()).as_deref(), Some("2025-03"));
    // 0 + 0 + 5 + 5 + 0 + 0 = 10 place-months.
    assert_close(i.shortage_place_months, 10.0);
}

#[test]
fn a_shortage_of_at_most_a_thousandth_of_a_place_is_no_first_shortage_month() {
    let mut plan = shortage_plan();
    plan["regions"][0]["capacity"] = json!({ "d": 29.9995 });
    plan["measures"] = json!([]);
    let results = run(&plan);
    let i = &results.scenarios[0].domain("d").unwrap().indicators;
    // Shortage 0.0005 in months 2…5: below the 0.001 threshold of first_shortage_month,
    // but still the peak (first reached in 2025-03) and summed: 4·0.0005 = 0.002.
    assert_eq!(i.first_shortage_month, None);
    assert!((i.peak_shortage - 0.0005).abs() < 1e-9, "{}", i.peak_shortage);
    assert_eq!(i.peak_shortage_month.map(|m| m.to_string()).as_deref(), Some("2025-03"));
    assert!((i.shortage_place_months - 0.002).abs() < 1e-9, "{}", i.shortage_place_months);
}

#[test]
fn without_shortage_the_indicators_are_zero_and_null() {
    let mut plan = shortage_plan();
    plan["regions"][0]["capacity"] = json!({ "d": 1000 });
    let results = run(&plan);
    let i = &results.scenarios[0].domain("d").unwrap().indicators;
    assert_eq!(i.first_shortage_month, None);
    assert_eq!(i.peak_shortage, 0.0);
    assert_eq!(i.peak_shortage_month, None);
    assert_eq!(i.shortage_place_months, 0.0);
}

// ---------------------------------------------------------------- cost

#[test]
fn one_off_cost_falls_in_the_start_month_and_running_cost_in_every_active_month_regardless_of_ramp() {
    let mut plan = base_plan();
    plan["horizon"] = json!({ "start": "2024-11", "months": 8 });
    plan["measures"] = json!([
        { "id": "m", "name": "m", "domain": "d", "region": "a", "places": 10, "start": "2025-02", "end": "2025-04",
          "ramp_months": 3, "cost_once_eur": 1200, "cost_per_year_eur": 2400 }
    ]);
    let results = run(&plan);
    let s = &results.scenarios[0];
    // 2024-11 … 2025-01: 0; 2025-02: 1200 + 2400/12 = 1400; 2025-03, 2025-04: 200 each even though
    // the ramp has places at 1/3 and 2/3; 2025-05, 2025-06: after end, 0.
    assert_curve(&s.cost_eur, &[0.0, 0.0, 0.0, 1400.0, 200.0, 200.0, 0.0, 0.0]);
    // Per calendar year of the horizon: 2024 nothing, 2025: 1400 + 200 + 200 = 1800.
    assert_eq!(s.cost_per_year.iter().map(|(y, _)| *y).collect::<Vec<_>>(), vec![2024, 2025]);
    assert_close(s.cost_per_year[0].1, 0.0);
    assert_close(s.cost_per_year[1].1, 1800.0);
}

#[test]
fn one_off_cost_before_the_horizon_is_not_counted() {
    let mut plan = base_plan();
    plan["horizon"] = json!({ "start": "2024-11", "months": 14 });
    plan["measures"] = json!([
        { "id": "m", "name": "m", "domain": "d", "region": "a", "places": 10, "start": "2024-01",
          "cost_once_eur": 50000, "cost_per_year_eur": 1200 }
    ]);
    let results = run(&plan);
    let s = &results.scenarios[0];
    // The start 2024-01 lies before the horizon: no one-off cost; 1200/12 = 100 every month.
    assert_curve(&s.cost_eur, &[100.0; 14]);
    // 2024-11, 2024-12 → 200; 2025-01 … 2025-12 → 1200.
    assert_eq!(s.cost_per_year.len(), 2);
    assert_eq!(s.cost_per_year[0].0, 2024);
    assert_close(s.cost_per_year[0].1, 200.0);
    assert_eq!(s.cost_per_year[1].0, 2025);
    assert_close(s.cost_per_year[1].1, 1200.0);
}

#[test]
fn a_state_wide_measure_costs_its_full_amount_once() {
    let mut plan = two_region_plan();
    plan["horizon"]["months"] = json!(1);
    plan["measures"] = json!([
        { "id": "m", "name": "m", "domain": "d", "places": 10, "start": "2025-01", "cost_once_eur": 900, "cost_per_year_eur": 120 }
    ]);
    let results = run(&plan);
    // 900 + 120/12 = 910, not split or multiplied by regions.
    assert_curve(&results.scenarios[0].cost_eur, &[910.0]);
}

// ---------------------------------------------------------------- distribution

#[test]
fn shares_are_normalised_and_missing_regions_get_none() {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(1);
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 1, "area_km2": 1 },
        { "id": "b", "name": "B", "population": 1, "area_km2": 1 },
        { "id": "c", "name": "C", "population": 1, "area_km2": 1 }
    ]);
    plan["distribution"] = json!({ "shares": { "a": 1, "b": 3 } });
    plan["scenarios"][0]["arrivals"] = json!([ { "from": "2025-01", "per_month": 200 } ]);
    let results = run(&plan);
    // 1/(1+3) = 0.25, 3/4 = 0.75, c absent = 0; persons 50, 150, 0.
    assert_curve(&results.shares, &[0.25, 0.75, 0.0]);
    let persons: Vec<f64> = (0..results.region_ids.len()).map(|r| results.scenarios[0].region_persons(r)[0]).collect();
    assert_curve(&persons, &[50.0, 150.0, 0.0]);
    assert_curve(&results.scenarios[0].persons, &[200.0]);
}

#[test]
fn weights_without_a_cap_mix_population_and_area_shares() {
    let mut plan = base_plan();
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 300, "area_km2": 10 },
        { "id": "b", "name": "B", "population": 100, "area_km2": 90 }
    ]);
    plan["distribution"] = json!({ "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": null });
    let results = run(&plan);
    // a: (0.9·300/400 + 0.1·10/100) / 1 = 0.675 + 0.01 = 0.685; b: 0.225 + 0.09 = 0.315 — above
    // the 1.25·0.25 = 0.3125 a cap would allow, but there is none.
    assert_curve(&results.shares, &[0.685, 0.315]);
}

#[test]
fn weights_are_divided_by_their_sum() {
    let mut plan = base_plan();
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 300, "area_km2": 10 },
        { "id": "b", "name": "B", "population": 100, "area_km2": 30 }
    ]);
    plan["distribution"] = json!({ "population_weight": 3, "area_weight": 1 });
    let results = run(&plan);
    // a: (3·0.75 + 1·0.25) / 4 = 0.625; b: (3·0.25 + 1·0.75) / 4 = 0.375.
    assert_curve(&results.shares, &[0.625, 0.375]);
}

#[test]
fn the_fluag_cap_holds_a_region_at_its_limit_and_spreads_the_excess_by_base_share() {
    let mut plan = base_plan();
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 600, "area_km2": 10 },
        { "id": "b", "name": "B", "population": 300, "area_km2": 10 },
        { "id": "c", "name": "C", "population": 100, "area_km2": 80 }
    ]);
    plan["distribution"] = json!({ "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 });
    let results = run(&plan);
    // base: a 0.9·0.6 + 0.1·0.1 = 0.55, b 0.27 + 0.01 = 0.28, c 0.09 + 0.08 = 0.17.
    // limits 1.25·pop share: a 0.75, b 0.375, c 0.125 → c is capped at 0.125;
    // a = 0.55·0.875/0.83, b = 0.28·0.875/0.83 (both below their limits).
    assert_curve(&results.shares, &[0.55 * 0.875 / 0.83, 0.28 * 0.875 / 0.83, 0.125]);
}

#[test]
fn the_fluag_cap_repeats_until_no_region_exceeds_its_limit() {
    let mut plan = base_plan();
    plan["regions"] = json!([
        { "id": "a", "name": "A", "population": 700, "area_km2": 0 },
        { "id": "b", "name": "B", "population": 150, "area_km2": 90 },
        { "id": "c", "name": "C", "population": 150, "area_km2": 10 }
    ]);
    plan["distribution"] = json!({ "population_weight": 0.5, "area_weight": 0.5, "area_uplift_cap": 0.25 });
    let results = run(&plan);
    // base: a 0.35, b 0.075 + 0.45 = 0.525, c 0.075 + 0.05 = 0.125; limits a 0.875, b c 0.1875.
    // Round 1: b > 0.1875 → capped; others × (1 − 0.1875)/(0.35 + 0.125): c = 0.2138 > 0.1875.
    // Round 2: b, c capped; a = 0.35·(1 − 0.375)/0.35 = 0.625 ≤ 0.875 → stop.
    assert_curve(&results.shares, &[0.625, 0.1875, 0.1875]);
}

#[test]
fn the_default_distribution_is_the_fluag_key() {
    let mut with_default = base_plan();
    with_default["regions"] = json!([
        { "id": "a", "name": "A", "population": 600, "area_km2": 10 },
        { "id": "b", "name": "B", "population": 300, "area_km2": 10 },
        { "id": "c", "name": "C", "population": 100, "area_km2": 80 }
    ]);
    with_default.as_object_mut().unwrap().remove("distribution");
    let results = run(&with_default);
    // Same plan as the FlüAG cap test above.
    assert_curve(&results.shares, &[0.55 * 0.875 / 0.83, 0.28 * 0.875 / 0.83, 0.125]);
}

// ---------------------------------------------------------------- FlüAG on real data

/// (name, population, area) of the 53 NRW Kreise and kreisfreie Städte, 31.12.2018.
fn read_districts(path: &Path) -> Vec<(String, f64, f64)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (ags, name, area, population) = (column("AGS"), column("name"), column("area_km2"), column("population"));
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.split(';').collect::<Vec<_>>())
        .filter(|fields| fields[ags].starts_with("05"))
        .map(|fields| (fields[name].to_owned(), fields[population].parse().unwrap(), fields[area].parse().unwrap()))
        .collect()
}

#[test]
fn the_fluag_key_on_the_2018_nrw_districts_matches_the_published_shares() {
    let districts = read_districts(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/districts-nrw-2018.csv"));
    assert_eq!(districts.len(), 53);
    let pops: Vec<f64> = districts.iter().map(|d| d.1).collect();
    let areas: Vec<f64> = districts.iter().map(|d| d.2).collect();
    let shares = weighted_shares(&pops, &areas, 0.9, 0.1, Some(0.25));
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let percent = |prefix: &str| {
        let index = districts.iter().position(|d| d.0.starts_with(prefix)).unwrap();
        (shares[index] * 100.0 * 10_000.0).round() / 10_000.0
    };
    assert_eq!(percent("Köln"), 5.5757);
    assert_eq!(percent("Borken"), 2.2803);
    assert_eq!(percent("Höxter"), 0.9805);
    assert_eq!(percent("Hochsauerlandkreis"), 1.8156);
}

#[test]
fn the_nrw_test_data_is_the_nrw_part_of_the_shared_data() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/districts-de-2018.csv");
    if !shared.exists() {
        eprintln!("{} not found; the copy in tests/data is used alone", shared.display());
        return;
    }
    let copy = read_districts(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/districts-nrw-2018.csv"));
    assert_eq!(read_districts(&shared), copy);
}

// ---------------------------------------------------------------- rounding noise

/// 100 children arrive once, nobody leaves and everyone counts: demand is 100 in every month,
/// up to rounding noise of the ageing steps (children move between single-year cohorts).
fn plateau_plan(capacity: f64) -> Value {
    let mut plan = base_plan();
    plan["horizon"]["months"] = json!(24);
    plan["scenarios"][0]["arrivals"] = one_batch(100.0);
    plan["scenarios"][0]["age_distribution"] = json!({ "0-17": 1.0, "18+": 0.0 });
    plan["regions"][0]["capacity"] = json!({ "d": capacity });
    plan
}

#[test]
fn a_plateau_of_equal_shortages_peaks_in_its_first_month() {
    let results = run(&plateau_plan(0.0));
    let indicators = &results.scenarios[0].domains[0].indicators;
    assert_close(indicators.peak_shortage, 100.0);
    assert_eq!(indicators.peak_shortage_month.map(|m| m.to_string()).as_deref(), Some("2025-01"));
}

#[test]
fn capacity_equal_to_demand_is_no_shortage_despite_rounding_noise() {
    let results = run(&plateau_plan(100.0));
    let domain = &results.scenarios[0].domains[0];
    assert!(domain.shortage.iter().all(|s| *s == 0.0), "{:?}", domain.shortage);
    assert_eq!(domain.indicators.peak_shortage, 0.0);
    assert_eq!(domain.indicators.peak_shortage_month, None);
    assert_eq!(domain.indicators.first_shortage_month, None);
}
