//! Properties over generated valid plans (proptest): lossless round trips and engine invariants.
//!
//! The generator builds plan files as JSON (with unknown fields sprinkled in), so every plan goes
//! through the real loader first; a generated plan that does not load is itself a failure.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::Plan;
use integrationsplan::engine::{Results, simulate};
use integrationsplan::io::{load_str, plan_to_string};
use integrationsplan::model::Month;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Tolerance for sums of many f64 terms.
const EPS: f64 = 1e-7;

fn month_text(year: i32, month0: i32) -> String {
    let total = year * 12 + month0;
    format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
}

/// An unknown field to carry along: nested values of every JSON kind.
fn unknown_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1_000_000i64..1_000_000).prop_map(|n| json!(n)),
        (-1.0e6f64..1.0e6).prop_map(|x| json!(x)),
        "[a-zäöüß €\\n\"\\\\]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Maybe adds an unknown field `x_…` to `object`.
fn with_unknown(mut object: Value, unknown: Option<Value>) -> Value {
    if let (Some(value), Some(map)) = (unknown, object.as_object_mut()) {
        map.insert("x_future_field".into(), value);
    }
    object
}

const RATE_LAYOUTS: &[&[&str]] = &[&["0+"], &["0-5", "6-17", "18+"], &["1-1", "2-2", "3-5"], &["6-17"], &["18+"], &["0-2", "3+"]];
const AGE_LAYOUTS: &[&[&str]] = &[&["0-17", "18+"], &["0-5", "6-17", "18+"], &["0-0", "1-16", "17-17", "18+"]];

prop_compose! {
    fn domain(index: usize)(
        layout in 0..RATE_LAYOUTS.len(),
        rates in prop::collection::vec(0.0f64..=1.0, 4),
        persons_per_unit in prop_oneof![Just(1.0), 0.5f64..5.0],
        unknown in prop::option::weighted(0.3, unknown_value()),
    ) -> Value {
        let bands = RATE_LAYOUTS[layout];
        let rates: Map<String, Value> = bands.iter().zip(&rates).map(|(b, r)| ((*b).to_owned(), json!(r))).collect();
        with_unknown(json!({ "id": format!("d{index}"), "name": format!("Bereich {index}"), "rates": rates,
            "persons_per_unit": persons_per_unit }), unknown)
    }
}

prop_compose! {
    fn region(index: usize, domains: usize)(
        population in prop_oneof![Just(0.0), 1.0f64..2.0e6],
        area in 1.0f64..5000.0,
        capacity in prop::collection::vec(prop::option::of(-100.0f64..2000.0), domains),
        unknown in prop::option::weighted(0.3, unknown_value()),
    ) -> Value {
        let capacity: Map<String, Value> = capacity.iter().enumerate()
            .filter_map(|(d, c)| c.map(|c| (format!("d{d}"), json!(c)))).collect();
        with_unknown(json!({ "id": format!("r{index}"), "name": format!("Region {index}"), "population": population,
            "area_km2": area, "capacity": capacity }), unknown)
    }
}

prop_compose! {
    fn measure(index: usize, domains: usize, regions: usize, months: i32)(
        domain in 0..domains,
        region in prop::option::of(0..regions),
        places in prop_oneof![-300.0f64..0.0, 0.0f64..800.0],
        start in -6..months + 6,
        length in prop::option::of(0..months + 6),
        ramp in prop_oneof![Just(0u32), 1u32..12],
        cost_once in prop_oneof![Just(0.0), 0.0f64..1.0e6],
        cost_year in prop_oneof![Just(0.0), 0.0f64..1.0e6],
        funding in prop::sample::select(vec!["secured", "planned", "open"]),
        unknown in prop::option::weighted(0.2, unknown_value()),
    ) -> (i32, Option<i32>, Value) {
        let mut value = json!({ "id": format!("m{index}"), "name": format!("Maßnahme {index}"), "domain": format!("d{domain}"),
            "places": places, "ramp_months": ramp, "cost_once_eur": cost_once,
            "cost_per_year_eur": cost_year, "funding": funding });
        if let Some(r) = region {
            value["region"] = json!(format!("r{r}"));
        }
        (start, length.map(|l| start + l), with_unknown(value, unknown))
    }
}

prop_compose! {
    fn scenario(index: usize, measures: usize, months: i32)(
        steps in prop::collection::btree_map(-3..months, 0.0f64..5000.0, 0..4),
        factor in prop_oneof![Just(1.0), 0.0f64..3.0],
        layout in 0..AGE_LAYOUTS.len(),
        weights in prop::collection::vec(0.01f64..1.0, 4),
        leave in prop_oneof![Just(0.0), 0.0f64..0.9],
        funding in prop::sample::subsequence(vec!["secured", "planned", "open"], 0..=3),
        off in prop::collection::vec(any::<bool>(), measures),
        unknown in prop::option::weighted(0.2, unknown_value()),
    ) -> (Vec<(i32, f64)>, Value) {
        let bands = AGE_LAYOUTS[layout];
        let total: f64 = weights.iter().take(bands.len()).sum();
        let ages: Map<String, Value> = bands.iter().zip(&weights).map(|(b, w)| ((*b).to_owned(), json!(w / total))).collect();
        let off: Vec<String> = off.iter().enumerate().filter(|(_, o)| **o).map(|(m, _)| format!("m{m}")).collect();
        let steps: Vec<(i32, f64)> = steps.into_iter().collect();
        (steps, with_unknown(json!({ "id": format!("s{index}"), "name": format!("Szenario {index}"), "arrival_factor": factor,
            "age_distribution": ages, "leave_rate_per_year": leave, "funding_included": funding, "measures_off": off }), unknown))
    }
}

/// How arrivals are split: weights with or without cap, or explicit shares.
fn distribution(regions: usize) -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        (0.0f64..1.0, 0.0f64..1.0, prop::option::of(0.0f64..0.5))
            .prop_map(|(wp, wa, cap)| { json!({ "population_weight": wp + 0.01, "area_weight": wa, "area_uplift_cap": cap }) }),
        prop::collection::vec(0.0f64..10.0, regions).prop_map(|shares| {
            let mut map: Map<String, Value> = shares.iter().enumerate().map(|(r, s)| (format!("r{r}"), json!(s))).collect();
            map.insert("r0".into(), json!(shares.first().copied().unwrap_or(0.0) + 0.5));
            json!({ "shares": map })
        }),
    ]
}

/// A generated plan file that follows every rule of SPEC §2.
fn plan_file() -> impl Strategy<Value = Value> {
    (1usize..=3, 1usize..=5, 0usize..=8, 1usize..=3, 1i32..=30, 2018i32..2030, 0i32..12)
        .prop_flat_map(|(domains, regions, measures, scenarios, months, year, month0)| {
            let region_list: Vec<_> = (0..regions).map(|r| region(r, domains)).collect();
            (
                (0..domains).map(domain).collect::<Vec<_>>(),
                region_list,
                (0..measures).map(|m| measure(m, domains, regions, months)).collect::<Vec<_>>(),
                (0..scenarios).map(|s| scenario(s, measures, months)).collect::<Vec<_>>(),
                distribution(regions),
                prop::collection::btree_map(year - 1..year + 4, 0.0f64..1.0e8, 0..3),
                prop::option::weighted(0.5, unknown_value()),
                Just((months, year, month0)),
            )
        })
        .prop_map(|(domains, mut regions, measures, scenarios, distribution, budget, unknown, (months, year, month0))| {
            // Σ population must be > 0 when the key uses it.
            regions[0]["population"] = json!(regions[0]["population"].as_f64().unwrap_or(0.0) + 1000.0);
            let measures: Vec<Value> = measures
                .into_iter()
                .map(|(start, end, mut m)| {
                    m["start"] = json!(month_text(year, month0 + start));
                    if let Some(end) = end {
                        m["end"] = json!(month_text(year, month0 + end));
                    }
                    m
                })
                .collect();
            let scenarios: Vec<Value> = scenarios
                .into_iter()
                .map(|(steps, mut s)| {
                    s["arrivals"] = steps
                        .iter()
                        .map(|(from, per_month)| json!({ "from": month_text(year, month0 + from), "per_month": per_month }))
                        .collect();
                    s
                })
                .collect();
            let budget: Vec<Value> = budget.into_iter().map(|(y, eur)| json!({ "year": y, "eur": eur })).collect();
            let mut plan = json!({
                "format": "integrationsplan",
                "version": 1,
                "meta": { "title": "Generiert", "author": "proptest" },
                "horizon": { "start": month_text(year, month0), "months": months },
                "domains": domains,
                "regions": regions,
                "measures": measures,
                "scenarios": scenarios,
                "budget": budget,
            });
            if !distribution.is_null() {
                plan["distribution"] = distribution;
            }
            with_unknown(plan, unknown)
        })
}

fn load(value: &Value) -> Plan {
    match load_str(&value.to_string(), "generated.json") {
        Ok(loaded) => loaded.plan,
        Err(error) => panic!("generated plan does not load:\n{error}\n{value:#}"),
    }
}

/// Every demand curve of the results, state-wide and regional.
fn all_demands(results: &Results) -> Vec<f64> {
    let mut values = Vec::new();
    for scenario in &results.scenarios {
        for domain in &scenario.domains {
            values.extend(&domain.demand);
        }
        for r in 0..scenario.regions.len() {
            for d in 0..scenario.domains.len() {
                values.extend(scenario.region_demand(r, d));
            }
        }
    }
    values
}

fn close_or_above(bigger: f64, smaller: f64) -> bool {
    bigger >= smaller - EPS * smaller.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn load_save_load_gives_the_same_plan_and_saving_twice_the_same_bytes(file in plan_file()) {
        let plan = load(&file);
        let text = plan_to_string(&plan).unwrap();
        let again = load_str(&text, "saved.json").unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&plan, &again.plan);
        prop_assert_eq!(plan_to_string(&again.plan).unwrap(), text.clone());
        // Unknown fields are written back where they were.
        let saved: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(saved.get("x_future_field"), file.get("x_future_field"));
        for (list, index) in [("domains", 0), ("regions", 0), ("measures", 0), ("scenarios", 0)] {
            prop_assert_eq!(saved[list].get(index).and_then(|v| v.get("x_future_field")),
                file[list].get(index).and_then(|v| v.get("x_future_field")));
        }
    }

    #[test]
    fn demand_is_never_negative_and_the_state_is_the_sum_of_its_regions(file in plan_file()) {
        let results = simulate(&load(&file));
        prop_assert!(all_demands(&results).iter().all(|d| *d >= 0.0 && d.is_finite()));
        for scenario in &results.scenarios {
            for (d, domain) in scenario.domains.iter().enumerate() {
                for t in 0..results.months.len() {
                    let regions = 0..scenario.regions.len();
                    let demand: f64 = regions.clone().map(|r| scenario.region_demand(r, d)[t]).sum();
                    let capacity: f64 = scenario.regions.iter().map(|r| r.domains[d].capacity[t]).sum();
                    let shortage: f64 =
                        regions.map(|r| (scenario.region_demand(r, d)[t] - scenario.regions[r].domains[d].capacity[t]).max(0.0)).sum();
                    prop_assert!((domain.demand[t] - demand).abs() <= EPS * demand.abs().max(1.0));
                    prop_assert!((domain.capacity[t] - capacity).abs() <= EPS * capacity.abs().max(1.0));
                    prop_assert!((domain.shortage[t] - shortage).abs() <= EPS * shortage.abs().max(1.0));
                    prop_assert!(domain.shortage[t] >= 0.0);
                }
            }
        }
    }

    #[test]
    fn more_arrivals_never_lower_any_demand(file in plan_file(), extra in 0.01f64..2.0) {
        let plan = load(&file);
        let mut more = plan.clone();
        for scenario in &mut more.scenarios {
            scenario.arrival_factor = scenario.arrival_factor * (1.0 + extra) + extra;
        }
        let before = all_demands(&simulate(&plan));
        let after = all_demands(&simulate(&more));
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(close_or_above(*a, *b), "demand fell from {} to {}", b, a);
        }
    }

    #[test]
    fn switching_off_a_measure_with_positive_places_never_lowers_a_shortage(file in plan_file()) {
        let plan = load(&file);
        let before = simulate(&plan);
        for (m, measure) in plan.measures.iter().enumerate().filter(|(_, m)| m.places > 0.0) {
            let mut without = plan.clone();
            for scenario in &mut without.scenarios {
                if !scenario.measures_off.contains(&measure.id) {
                    scenario.measures_off.push(measure.id.clone());
                }
            }
            let after = simulate(&without);
            for (s_before, s_after) in before.scenarios.iter().zip(&after.scenarios) {
                for (d_before, d_after) in s_before.domains.iter().zip(&s_after.domains) {
                    for (b, a) in d_before.shortage.iter().zip(&d_after.shortage) {
                        prop_assert!(close_or_above(*a, *b), "measure {}: shortage fell from {} to {}", m, b, a);
                    }
                }
            }
        }
    }

    #[test]
    fn shares_sum_to_one_and_respect_the_uplift_cap(file in plan_file()) {
        let plan = load(&file);
        let results = simulate(&plan);
        let total: f64 = results.shares.iter().sum();
        prop_assert!((total - 1.0).abs() < 1e-9, "shares sum to {}", total);
        prop_assert!(results.shares.iter().all(|s| *s >= 0.0));
        if let integrationsplan::model::Distribution::Weights { area_uplift_cap: Some(cap), .. } = &plan.distribution {
            let population: f64 = plan.regions.iter().map(|r| r.population).sum();
            for (region, share) in plan.regions.iter().zip(&results.shares) {
                let limit = (1.0 + cap) * region.population / population;
                prop_assert!(*share <= limit + 1e-12, "{}: share {} above limit {}", region.id, share, limit);
            }
        }
    }

    #[test]
    fn persons_never_exceed_the_arrivals_so_far(file in plan_file()) {
        let plan = load(&file);
        let results = simulate(&plan);
        for (scenario, result) in plan.scenarios.iter().zip(&results.scenarios) {
            let mut arrived = 0.0;
            for (t, month) in results.months.iter().enumerate() {
                arrived += scenario.arrival_factor * per_month(scenario, *month);
                prop_assert!(result.persons[t] >= 0.0);
                prop_assert!(result.persons[t] <= arrived * (1.0 + 1e-12) + 1e-9, "month {}: {} persons after {} arrivals", t, result.persons[t], arrived);
                for r in 0..result.regions.len() {
                    prop_assert!(result.region_persons(r)[t] <= result.persons[t] * (1.0 + 1e-12) + 1e-9);
                }
            }
        }
    }
}

/// The `per_month` of the latest step not after `month` (0 before the first), computed here
/// independently of the engine.
fn per_month(scenario: &integrationsplan::model::Scenario, month: Month) -> f64 {
    scenario.arrivals.iter().filter(|step| step.from <= month).max_by_key(|step| step.from).map_or(0.0, |step| step.per_month)
}
