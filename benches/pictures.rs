//! Pictures for slides (`picture::render`): the one-page summary of the NRW sample as PNG, SVG
//! and PDF. They are drawn on the UI thread when the planner saves one, so they must stay well
//! below a second (budget in docs/PERFORMANCE.md: 300 ms in the release build).

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::picture::{Picture, PictureFormat, PictureRequest, render};
use std::hint::black_box;
use std::time::Duration;

fn pictures(c: &mut Criterion) {
    let Ok(loaded) = integrationsplan::sample::nrw_2025() else { return };
    let plan = loaded.plan;
    let results = integrationsplan::engine::simulate(&plan);
    let compared: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
    let leading = compared.first().cloned().unwrap_or_default();
    let request = PictureRequest::new(&plan, &results, &leading, &compared);
    let mut group = c.benchmark_group("pictures");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, format) in
        [("summary_png", PictureFormat::Png), ("summary_svg", PictureFormat::Svg), ("summary_pdf", PictureFormat::Pdf)]
    {
        group.bench_function(name, |b| b.iter(|| black_box(render(&request, Picture::Summary, format))));
    }
    group.bench_function("domain_plot_png", |b| {
        b.iter(|| black_box(render(&request, Picture::DomainPlot(0), PictureFormat::Png)))
    });
    group.finish();
}

criterion_group!(benches, pictures);
criterion_main!(benches);
