//! Load + validate a 10 MiB plan file, and save it (budget ≤ 150 ms each way).
//!
//! `cargo bench --bench files`. The plan is synthetic (`integrationsplan::synthetic`): German
//! districts split into municipalities with enough measures to make the file 10 MiB.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::io::{load_bytes, plan_to_string, save_plan};
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use std::hint::black_box;

/// The allocator of the `integrationsplan` binary, so that the numbers are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

/// A plan whose file is about 10 MiB.
pub const TEN_MIB: PlanSize =
    PlanSize { regions: 8_000, months: 120, scenarios: 10, domains: 4, measures: 25_000, statewide_share: 0.2 };

fn files(c: &mut Criterion) {
    let plan = plan(TEN_MIB, &german_districts());
    let text = plan_to_string(&plan).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("plan file: {:.1} MiB", text.len() as f64 / 1024.0 / 1024.0);
    let folder = std::env::temp_dir().join(format!("integrationsplan-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join("plan.json");

    let mut group = c.benchmark_group("files");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("d_load_and_validate_10mib", |b| {
        b.iter(|| load_bytes(black_box(text.as_bytes()), "plan.json").map(|l| l.plan.measures.len()).unwrap_or(0))
    });
    group.bench_function("d_save_10mib_atomically", |b| b.iter(|| save_plan(black_box(&plan), &path).is_ok()));
    group.finish();
    let _ = std::fs::remove_dir_all(&folder);
}

criterion_group!(benches, files);
criterion_main!(benches);
