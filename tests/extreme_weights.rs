//! Distribution weights and shares have no upper limit in SPEC §9, so any finite weight or share
//! must compute to finite shares: found from the `simulate_valid` fuzz target (population 1e12,
//! weight 1e300), and the same for shares whose sum would overflow.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::load_str;
use integrationsplan::simulate;
use serde_json::json;

fn persons_with_weights(population_weight: f64, area_weight: f64) -> Vec<f64> {
    persons_with(json!({ "population_weight": population_weight, "area_weight": area_weight }))
}

fn persons_with(distribution: serde_json::Value) -> Vec<f64> {
    let plan = json!({
        "format": "integrationsplan", "version": 1,
        "horizon": { "start": "2025-01", "months": 3 },
        "domains": [ { "id": "d", "name": "D", "rates": { "0+": 1 } } ],
        "regions": [
            { "id": "a", "name": "A", "population": 1e12, "area_km2": 1e12 },
            { "id": "b", "name": "B", "population": 3e11, "area_km2": 1 }
        ],
        "distribution": distribution,
        "scenarios": [ { "id": "s", "name": "S", "arrivals": [ { "from": "2025-01", "per_month": 10 } ],
                         "age_distribution": { "0-17": 0.5, "18+": 0.5 } } ]
    });
    let plan = load_str(&plan.to_string(), "x.json").unwrap().plan;
    simulate(&plan).scenarios[0].persons.clone()
}

#[test]
fn huge_weights_give_the_same_persons_as_their_ratio() {
    let reference = persons_with_weights(0.9, 0.1);
    assert!((reference[0] - 10.0).abs() < 1e-9, "{reference:?}");
    for (wp, wa) in [(9e300, 1e300), (0.9e308, 0.1e308), (1.7e308, 1.7e308 / 9.0)] {
        let persons = persons_with_weights(wp, wa);
        for (a, b) in persons.iter().zip(&reference) {
            assert!(a.is_finite() && (a - b).abs() <= 1e-9 * b.abs(), "{wp}, {wa}: {persons:?} vs {reference:?}");
        }
    }
    let only_population = persons_with_weights(1e300, 0.0);
    assert!((only_population[0] - 10.0).abs() < 1e-9, "{only_population:?}");
}

#[test]
fn huge_shares_are_normalised_without_overflow() {
    let huge = persons_with(json!({ "shares": { "a": 1.7e308, "b": 1.7e308 } }));
    let small = persons_with(json!({ "shares": { "a": 1, "b": 1 } }));
    assert_eq!(huge, small);
    assert!((huge[0] - 10.0).abs() < 1e-9, "{huge:?}");
}
