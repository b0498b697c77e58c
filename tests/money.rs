//! SPEC §6: the cost of each budget year split by funding, and the budget balance.

#![allow(clippy::unwrap_used)]

use integrationsplan::engine::{FundingCosts, simulate};
use integrationsplan::io::{load_str, results_to_json};
use serde_json::{Value, json};

/// 2025-11 … 2027-02 (three calendar years), one measure of each funding state.
fn plan(funding_included: Value) -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "horizon": { "start": "2025-11", "months": 16 },
        "domains": [ { "id": "kita", "name": "Kita", "rates": { "0-5": 1.0 } } ],
        "regions": [ { "id": "a", "name": "A", "population": 1, "area_km2": 1 } ],
        "measures": [
            { "id": "s", "name": "S", "domain": "kita", "places": 1, "start": "2025-12", "funding": "secured",
              "cost_once_eur": 1000, "cost_per_year_eur": 1200 },
            { "id": "p", "name": "P", "domain": "kita", "places": 1, "start": "2026-01", "end": "2026-03", "funding": "planned",
              "cost_per_year_eur": 12000 },
            { "id": "o", "name": "O", "domain": "kita", "places": 1, "start": "2024-01", "funding": "open",
              "cost_once_eur": 5000, "cost_per_year_eur": 24 }
        ],
        "scenarios": [ { "id": "x", "name": "X", "arrivals": [], "age_distribution": { "0-17": 0.5, "18+": 0.5 },
                         "funding_included": funding_included } ],
        "budget": [ { "year": 2026, "eur": 10000 }, { "year": 2030, "eur": 1 }, { "year": 2025, "eur": 0 } ]
    })
}

fn costs(results: &integrationsplan::Results) -> Vec<(i32, FundingCosts)> {
    results.scenarios[0].cost_per_year_by_funding.clone()
}

#[test]
fn each_years_cost_is_split_by_the_funding_of_its_measures() {
    let plan = load_str(&plan(json!(["secured", "planned", "open"])).to_string(), "p.json").unwrap().plan;
    let results = simulate(&plan);
    let by_funding = costs(&results);
    let years: Vec<i32> = by_funding.iter().map(|(y, _)| *y).collect();
    assert_eq!(years, [2025, 2026, 2027], "every calendar year the horizon touches");
    // 2025: secured once 1000 + December 100; open 2 months × 2 (its start lies before the horizon).
    assert_eq!(by_funding[0].1, FundingCosts { secured_eur: 1100.0, planned_eur: 0.0, open_eur: 4.0 });
    // 2026: secured 12 × 100; planned 3 × 1000; open 12 × 2.
    assert_eq!(by_funding[1].1, FundingCosts { secured_eur: 1200.0, planned_eur: 3000.0, open_eur: 24.0 });
    assert_eq!(by_funding[2].1, FundingCosts { secured_eur: 200.0, planned_eur: 0.0, open_eur: 4.0 });
    for ((year, split), (same_year, total)) in by_funding.iter().zip(&results.scenarios[0].cost_per_year) {
        assert_eq!(year, same_year);
        assert!((split.total_eur() - total).abs() < 1e-9);
    }
}

#[test]
fn a_funding_state_the_scenario_excludes_shows_zero() {
    let plan = load_str(&plan(json!(["secured"])).to_string(), "p.json").unwrap().plan;
    let by_funding = costs(&simulate(&plan));
    assert!(by_funding.iter().all(|(_, c)| c.planned_eur == 0.0 && c.open_eur == 0.0));
    assert_eq!(by_funding[1].1.secured_eur, 1200.0);
}

#[test]
fn the_balance_is_budget_minus_cost_for_budget_years_within_the_horizon() {
    let plan = load_str(&plan(json!(["secured", "planned", "open"])).to_string(), "p.json").unwrap().plan;
    let results = simulate(&plan);
    assert_eq!(results.scenarios[0].budget_balance_per_year, vec![(2025, -1104.0), (2026, 10000.0 - 4224.0)]);
    let json = results_to_json(&results);
    let scenario = &json["scenarios"][0];
    assert_eq!(scenario["budget_balance_per_year"], json!({ "2025": -1104.0, "2026": 5776.0 }));
    assert_eq!(scenario["cost_per_year_by_funding"]["2026"], json!({ "secured": 1200.0, "planned": 3000.0, "open": 24.0 }));
    assert_eq!(scenario["cost_per_year_by_funding"].as_object().unwrap().len(), 3);
    let without_budget: Value = {
        let mut p = plan.clone();
        p.budget.clear();
        results_to_json(&simulate(&p))
    };
    assert_eq!(without_budget["scenarios"][0]["budget_balance_per_year"], json!({}));
}
