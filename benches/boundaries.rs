//! Reading district boundaries for the map: a GeoJSON of 400 districts in UTM 32N metres,
//! about 5 MB (as the official data comes), parsed, converted to degrees, thinned out, cut into
//! triangles and matched to the regions of a plan (budget ≤ 300 ms).
//!
//! `cargo bench --bench boundaries`.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::geo::{self, LonLat};
use integrationsplan::synthetic::{PlanSize, plan};
use std::hint::black_box;
use std::time::Duration;

/// The allocator of the `integrationsplan` binary, so that the numbers are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Districts in the file.
const DISTRICTS: usize = 400;
/// Points on each district's outline (makes the file about 5 MB).
const POINTS_PER_RING: usize = 520;

/// A GeoJSON text of `DISTRICTS` star-shaped (non-convex) districts on a grid over Germany,
/// each with an AGS and a name, in UTM 32N metres.
fn geojson(region_names: &[String]) -> String {
    let mut features = Vec::with_capacity(DISTRICTS);
    for (i, name) in region_names.iter().enumerate().take(DISTRICTS) {
        let center = LonLat { lon: 6.0 + (i % 20) as f64 * 0.45, lat: 47.5 + (i / 20) as f64 * 0.37 };
        let (e, n) = geo::utm::to_utm32n(center);
        let ring: Vec<String> = (0..=POINTS_PER_RING)
            .map(|k| {
                let angle = std::f64::consts::TAU * (k % POINTS_PER_RING) as f64 / POINTS_PER_RING as f64;
                let radius = 12_000.0 + 3_000.0 * (angle * 7.0).sin();
                format!("[{:.3},{:.3}]", e + radius * angle.cos(), n + radius * angle.sin())
            })
            .collect();
        features.push(format!(
            r#"{{"type":"Feature","properties":{{"AGS":"{:05}000","GEN":"{name}","BEZ":"Kreis"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}"#,
            i + 1,
            ring.join(",")
        ));
    }
    format!(
        r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::25832"}}}},"features":[{}]}}"#,
        features.join(",")
    )
}

fn boundaries(c: &mut Criterion) {
    let plan =
        plan(PlanSize { regions: DISTRICTS, months: 12, scenarios: 1, domains: 1, measures: 0, statewide_share: 0.0 }, &[]);
    let names: Vec<String> = plan.regions.iter().map(|r| r.name.clone()).collect();
    let text = geojson(&names);
    eprintln!("boundary file: {:.1} MB", text.len() as f64 / 1e6);
    let folder = std::env::temp_dir().join(format!("integrationsplan-boundaries-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join("kreise.geojson");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));

    let mut group = c.benchmark_group("boundaries");
    group.sample_size(10).measurement_time(Duration::from_secs(6));
    group.bench_function("f_read_and_match_400_districts_5mb", |b| {
        b.iter(|| {
            let prepared = geo::read_boundaries(&path).unwrap_or_else(|e| panic!("{e}"));
            let matched = geo::match_boundaries(&prepared.file.boundaries, &plan.regions);
            assert_eq!(matched.matched(), DISTRICTS);
            black_box(prepared.triangles.len())
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&folder);
}

criterion_group!(benches, boundaries);
criterion_main!(benches);
