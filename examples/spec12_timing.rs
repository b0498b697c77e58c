//! Release timing of SPEC 1.2 on the synthetic Germany plan (the same plan as the `engine`
//! benchmark): `simulate` without windows, with a window on every domain (SPEC §10), and the
//! planning years of every scenario (SPEC §11). `cargo run --release --no-default-features
//! --example spec12_timing`; the criterion benchmarks in `benches/engine.rs` measure the same.

use integrationsplan::engine::planning_years;
use integrationsplan::model::{ArrivalWindow, GroupPlanning};
use integrationsplan::simulate;
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use std::hint::black_box;

/// The program's allocator (src/main.rs), so the timing sees what the program sees.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

/// The median (or the fastest) of `runs` timings of `work`, in milliseconds.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    // `SPEC12_FASTEST=1`: the fastest run instead of the median, which a busy machine disturbs less.
    let at = if std::env::var_os("SPEC12_FASTEST").is_some() { 0 } else { runs / 2 };
    times.get(at).copied().unwrap_or(f64::NAN)
}

fn main() {
    let size = PlanSize { regions: 401, months: 240, scenarios: 10, domains: 4, measures: 2_000, statewide_share: 0.5 };
    let germany = plan(size, &german_districts());
    let mut windowed = germany.clone();
    let windows = [(0, Some(24)), (24, None), (0, Some(12)), (6, Some(36))];
    for (domain, (from, to)) in windowed.domains.iter_mut().zip(windows) {
        domain.months_since_arrival = Some(ArrivalWindow { from, to, extra: Default::default() });
    }
    let mut planned = germany.clone();
    for domain in &mut planned.domains {
        domain.planning = Some(GroupPlanning::with_group_size(20.0));
    }
    // `SPEC12_ONE=plain|planned`: one `simulate` only, for an instruction count under
    // `valgrind --tool=callgrind`, which a busy machine does not disturb.
    if let Ok(one) = std::env::var("SPEC12_ONE") {
        black_box(simulate(black_box(if one == "planned" { &planned } else { &germany })));
        return;
    }
    let results = simulate(&planned);
    let plain = median_ms(21, || {
        black_box(simulate(black_box(&germany)));
    });
    let with_windows = median_ms(21, || {
        black_box(simulate(black_box(&windowed)));
    });
    let recount = median_ms(21, || {
        for scenario in &results.scenarios {
            black_box(planning_years(&planned, scenario, &results.months));
        }
    });
    let with_groups = median_ms(21, || {
        black_box(simulate(black_box(&planned)));
    });
    // The same two runs taken in turns, fastest of each: what the planning years add, measured
    // so that a busy machine slows both alike.
    let (mut fastest_plain, mut fastest_planned) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..41 {
        fastest_plain = fastest_plain.min(median_ms(1, || {
            black_box(simulate(black_box(&germany)));
        }));
        fastest_planned = fastest_planned.min(median_ms(1, || {
            black_box(simulate(black_box(&planned)));
        }));
    }
    println!(
        "in turns, fastest of 41: plain {fastest_plain:.1} ms, planned in groups {fastest_planned:.1} ms = +{:.1} %",
        100.0 * (fastest_planned - fastest_plain) / fastest_plain
    );
    println!("simulate Germany 401x240x10x4, 2000 measures: {plain:.1} ms (median of 21)");
    println!("  with a window on every domain: {with_windows:.1} ms = {:.2}x", with_windows / plain);
    println!(
        "  every domain planned in groups: {with_groups:.1} ms = +{:.1} % (the planning years as simulate counts them)",
        100.0 * (with_groups - plain) / plain
    );
    println!("  planning years recounted from finished results: {recount:.2} ms = {:.1} % of simulate", 100.0 * recount / plain);
}
