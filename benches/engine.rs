//! Engine benchmarks (issue: fast at every scale). Inputs come from `integrationsplan::synthetic`
//! and the shipped sample, so every run uses exactly the same plans.
//!
//! `cargo bench --bench engine`; budgets on a 2-core machine: NRW sample ≤ 1 ms, Germany
//! (401 districts × 240 months × 10 scenarios × 4 domains × 2 000 measures) ≤ 50 ms,
//! municipalities (10 800 regions × 120 months × 3 scenarios) ≤ 200 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use integrationsplan::{sample, simulate};
use std::hint::black_box;

/// The allocator of the `integrationsplan` binary, so that the numbers are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

/// Germany: all 401 districts, 20 years, 10 scenarios, 4 domains, 2 000 measures (half state-wide).
pub const GERMANY: PlanSize =
    PlanSize { regions: 401, months: 240, scenarios: 10, domains: 4, measures: 2_000, statewide_share: 0.5 };

/// Municipality level: the districts split into 10 800 parts, 10 years, 3 scenarios.
pub const MUNICIPALITIES: PlanSize =
    PlanSize { regions: 10_800, months: 120, scenarios: 3, domains: 4, measures: 2_000, statewide_share: 0.5 };

fn engine(c: &mut Criterion) {
    let nrw = sample::nrw_2025().map(|l| l.plan).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("a_engine_nrw_sample", |b| b.iter(|| simulate(black_box(&nrw))));

    let districts = german_districts();
    let germany = plan(GERMANY, &districts);
    let mut group = c.benchmark_group("large");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("b_engine_germany_401x240x10", |b| b.iter(|| simulate(black_box(&germany))));
    let municipalities = plan(MUNICIPALITIES, &districts);
    group.bench_function("c_engine_municipalities_10800x120x3", |b| b.iter(|| simulate(black_box(&municipalities))));
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
