//! Engine benchmarks (issue: fast at every scale). Inputs come from `integrationsplan::synthetic`
//! and the shipped sample, so every run uses exactly the same plans.
//!
//! `cargo bench --bench engine`; budgets on a 2-core machine: NRW sample ≤ 1 ms, Germany
//! (401 districts × 240 months × 10 scenarios × 4 domains × 2 000 measures) ≤ 50 ms,
//! municipalities (10 800 regions × 120 months × 3 scenarios) ≤ 200 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::engine::planning_years;
use integrationsplan::model::{ArrivalWindow, GroupPlanning};
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
    // SPEC §10: a window on every domain (two bounds each, six delayed stocks in all); budget
    // ≤ 1.5 × the plan without windows.
    let mut windowed = germany.clone();
    let windows = [(0, Some(24)), (24, None), (0, Some(12)), (6, Some(36))];
    for (domain, (from, to)) in windowed.domains.iter_mut().zip(windows) {
        domain.months_since_arrival = Some(ArrivalWindow { from, to, extra: Default::default() });
    }
    group.bench_function("d_engine_germany_with_windows", |b| b.iter(|| simulate(black_box(&windowed))));
    // SPEC §11: every domain planned in groups. The engine counts the groups while it computes
    // each region: `e_engine_germany_planned` against `b` is what the planning years cost (budget:
    // ≤ 10 % of b); `e_planning_years_germany` recounts them from finished results.
    let mut planned = germany.clone();
    for domain in &mut planned.domains {
        domain.planning = Some(GroupPlanning::with_group_size(20.0));
    }
    group.bench_function("e_engine_germany_planned", |b| b.iter(|| simulate(black_box(&planned))));
    let results = simulate(&planned);
    group.bench_function("e_planning_years_germany", |b| {
        b.iter(|| {
            for scenario in &results.scenarios {
                black_box(planning_years(&planned, scenario, &results.months));
            }
        })
    });
    let municipalities = plan(MUNICIPALITIES, &districts);
    group.bench_function("c_engine_municipalities_10800x120x3", |b| b.iter(|| simulate(black_box(&municipalities))));
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
