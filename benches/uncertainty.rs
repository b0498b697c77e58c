//! Uncertainty benchmarks (SPEC §5, issue 12): 1 000 runs of every scenario.
//!
//! `cargo bench --bench uncertainty`; budgets on a 2-core machine: the NRW sample (3 scenarios)
//! ≤ 1 s, Germany (401 districts × 240 months × 10 scenarios × 4 domains) ≤ 10 s.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::engine::{RunControl, simulate_one};
use integrationsplan::model::{Plan, Uncertainty, ValueRange};
use integrationsplan::sample;
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use std::hint::black_box;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Germany: all 401 districts, 20 years, 10 scenarios, 4 domains, 2 000 measures.
const GERMANY: PlanSize =
    PlanSize { regions: 401, months: 240, scenarios: 10, domains: 4, measures: 2_000, statewide_share: 0.5 };

/// Every scenario of `plan`, each with 1 000 runs.
fn all_runs(plan: &Plan) -> usize {
    let control = RunControl::default();
    (0..plan.scenarios.len()).filter_map(|i| simulate_one(plan, i, Some((1_000, 1)), &control)).count()
}

/// Gives every scenario a range around its own values (the synthetic plans have none).
fn with_ranges(mut plan: Plan) -> Plan {
    for scenario in &mut plan.scenarios {
        let range = |low: f64, high: f64| Some(ValueRange { low, high, extra: Default::default() });
        scenario.uncertainty = Some(Uncertainty {
            arrival_factor: range(scenario.arrival_factor * 0.6, scenario.arrival_factor * 1.5),
            leave_rate_per_year: range(0.0, (scenario.leave_rate_per_year * 2.0).max(0.1)),
            extra: Default::default(),
        });
    }
    plan
}

fn uncertainty(c: &mut Criterion) {
    let nrw = sample::nrw_2025().map(|l| l.plan).unwrap_or_else(|e| panic!("{e}"));
    let germany = with_ranges(plan(GERMANY, &german_districts()));
    let mut group = c.benchmark_group("uncertainty");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("a_runs_1000_nrw_sample_3_scenarios", |b| b.iter(|| all_runs(black_box(&nrw))));
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("b_runs_1000_germany_401x240x10", |b| b.iter(|| all_runs(black_box(&germany))));
    group.finish();
}

criterion_group!(benches, uncertainty);
criterion_main!(benches);
