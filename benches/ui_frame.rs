//! One full frame of the app's UI without rendering (egui context run headless), all panels
//! open, on the NRW sample and with 5 000 measures (budgets ≤ 4 ms and ≤ 8 ms), and the map
//! view with 10 800 regions as circles (≤ 8 ms).
//!
//! `cargo bench --bench ui_frame`. The model is computed once before measuring, as in the app:
//! a frame without a change of the plan does not recompute it.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::model::{Extra, Location};
use integrationsplan::sample;
use integrationsplan::synthetic::{PlanSize, plan};
use integrationsplan::ui::action::{Action, CentralView};
use integrationsplan::ui::app::App;
use integrationsplan::ui::settings::Settings;

/// The allocator of the `integrationsplan` binary, so that the numbers are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn frame_input(size: egui::Vec2) -> egui::RawInput {
    egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)), ..Default::default() }
}

fn bench_app(c: &mut Criterion, name: &str, mut app: App) {
    let ctx = egui::Context::default();
    let size = egui::vec2(1920.0, 1080.0);
    // Warm up: fonts, layout caches and the first computation of the model.
    for _ in 0..3 {
        let _ = ctx.run_ui(frame_input(size), |ui| app.show(ui));
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(frame_input(size), |ui| app.show(ui));
            output.shapes.len()
        })
    });
}

fn ui_frame(c: &mut Criterion) {
    let nrw = sample::nrw_2025().map(|l| l.plan).unwrap_or_else(|e| panic!("{e}"));
    bench_app(c, "e_ui_frame_nrw_sample", App::new(nrw.clone(), None, "nrw-2025.json".into(), Settings::default()));

    // The NRW regions and domains with 5 000 measures.
    let mut large = nrw;
    let generated = plan(
        PlanSize {
            regions: large.regions.len(),
            months: large.horizon.months,
            scenarios: 1,
            domains: 4,
            measures: 5_000,
            statewide_share: 0.3,
        },
        &[],
    );
    large.measures = generated
        .measures
        .into_iter()
        .enumerate()
        .map(|(i, mut m)| {
            m.region = m.region.and_then(|_| large.regions.get(i % large.regions.len()).map(|r| r.id.clone()));
            m.domain = large.domains.get(i % large.domains.len()).map(|d| d.id.clone()).unwrap_or_default();
            m
        })
        .collect();
    for scenario in &mut large.scenarios {
        scenario.measures_off.clear();
    }
    bench_app(c, "e_ui_frame_5000_measures", App::new(large, None, "large.json".into(), Settings::default()));

    // The map view with 10 800 regions as circles (municipality level), ranking beside it.
    let mut municipalities =
        plan(PlanSize { regions: 10_800, months: 60, scenarios: 1, domains: 4, measures: 500, statewide_share: 0.3 }, &[]);
    let side = (municipalities.regions.len() as f64).sqrt().ceil() as usize;
    for (i, region) in municipalities.regions.iter_mut().enumerate() {
        let (row, column) = ((i / side) as f64 / side as f64, (i % side) as f64 / side as f64);
        region.location = Some(Location { lat: 47.3 + 7.7 * row, lon: 5.9 + 9.1 * column, extra: Extra::new() });
    }
    let mut app = App::new(municipalities, None, "gemeinden.json".into(), Settings::default());
    app.handle(Action::ShowView(CentralView::Map));
    bench_app(c, "e_ui_frame_map_10800_regions", app);
}

criterion_group!(benches, ui_frame);
criterion_main!(benches);
