//! The answer as the JSON document of SPEC §7.

use super::Optimization;
use crate::io::number;
use serde_json::{Map, Value, json};

/// The value of the `format` field of an optimisation document.
pub const OPTIMIZATION_FORMAT: &str = "integrationsplan-optimization";

/// The document of SPEC §7: format, version, scenario, limit, feasible, optimal, chosen ids in
/// plan order, cost and the named domains' shortage without and with the chosen measures.
/// Whole numbers are written without a decimal point; every number is finite.
pub fn optimization_to_json(optimization: &Optimization) -> Value {
    let domains: Map<String, Value> = optimization
        .domains
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                json!({
                    "shortage_place_months_base": finite(d.shortage_place_months_base),
                    "shortage_place_months": finite(d.shortage_place_months),
                }),
            )
        })
        .collect();
    json!({
        "format": OPTIMIZATION_FORMAT,
        "version": 1,
        "scenario": optimization.scenario_id,
        "max_shortage_place_months": finite(optimization.max_shortage_place_months),
        "feasible": optimization.feasible,
        "optimal": optimization.optimal,
        "chosen": optimization.chosen,
        "cost_eur": finite(optimization.cost_eur),
        "domains": domains,
    })
}

/// A number as JSON; a non-finite value (impossible for a valid plan) becomes the largest finite
/// number of its sign rather than `null`.
fn finite(value: f64) -> Value {
    if value.is_nan() { number(0.0) } else { number(value.clamp(f64::MIN, f64::MAX)) }
}
