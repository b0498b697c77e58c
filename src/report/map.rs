//! A simple map for the report: each region with a location is a circle at its place, sized
//! and coloured by the place-months it misses. Without a boundary file; the window's map draws
//! the districts themselves.

use super::html::escape;
use crate::engine::ScenarioResults;
use crate::model::{Month, Plan};

/// Width of the map's drawing in user units.
const WIDTH: f64 = 800.0;
/// Margin around the points, in user units (room for the largest circle).
const MARGIN: f64 = 44.0;
/// Radius of a region that misses nothing.
const SMALL_RADIUS: f64 = 4.0;
/// Radius of the region that misses most.
const LARGE_RADIUS: f64 = 40.0;
/// Fill of a region that misses places (dark red) and of one that does not (dark green).
const SHORT_FILL: &str = "#b3261e";
const FINE_FILL: &str = "#2e6b34";

/// Whether any region of `plan` has a location.
pub fn has_locations(plan: &Plan) -> bool {
    plan.regions.iter().any(|r| r.location.is_some())
}

/// Per region in plan order: the place-months missing over all domains in `results`.
pub fn region_place_months(results: &ScenarioResults, months: &[Month]) -> Vec<f64> {
    (0..results.regions.len())
        .map(|r| {
            (0..results.demand_per_share.len())
                .filter_map(|d| results.region_indicators(r, d, months))
                .map(|i| i.shortage_place_months)
                .sum()
        })
        .collect()
}

/// The map as an SVG document (north up; longitudes shrunk by the cosine of the mean latitude).
pub fn map_svg(plan: &Plan, place_months: &[f64]) -> String {
    let located: Vec<(usize, &str, f64, f64)> = plan
        .regions
        .iter()
        .enumerate()
        .filter_map(|(r, region)| {
            let location = region.location.as_ref()?;
            (location.lat.is_finite() && location.lon.is_finite()).then_some((
                r,
                region.name.as_str(),
                location.lon,
                location.lat,
            ))
        })
        .collect();
    let count = located.len().max(1) as f64;
    let mean_lat = located.iter().map(|p| p.3).sum::<f64>() / count;
    let shrink = mean_lat.to_radians().cos().abs().max(0.1);
    let points: Vec<(usize, &str, f64, f64)> = located.iter().map(|&(r, name, lon, lat)| (r, name, lon * shrink, -lat)).collect();
    let (min_x, max_x) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.2), hi.max(p.2)));
    let (min_y, max_y) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.3), hi.max(p.3)));
    let span_x = (max_x - min_x).max(1e-6);
    let span_y = (max_y - min_y).max(1e-6);
    let scale = ((WIDTH - 2.0 * MARGIN) / span_x).min((WIDTH - 2.0 * MARGIN) / span_y);
    let height = (span_y * scale + 2.0 * MARGIN).max(2.0 * MARGIN + 1.0);
    let offset_x = (WIDTH - span_x * scale) / 2.0;
    let largest = place_months.iter().copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    let mut circles: Vec<(f64, String)> = points
        .iter()
        .map(|&(r, name, x, y)| {
            let value = place_months.get(r).copied().unwrap_or(0.0);
            let short = value > crate::engine::SHORTAGE_THRESHOLD && largest > 0.0;
            let radius = if short { SMALL_RADIUS + (LARGE_RADIUS - SMALL_RADIUS) * (value / largest).sqrt() } else { SMALL_RADIUS };
            let cx = offset_x + (x - min_x) * scale;
            let cy = MARGIN + (y - min_y) * scale;
            let fill = if short { SHORT_FILL } else { FINE_FILL };
            let shown = if value.abs() >= 0.5 { format!("{value:.0}") } else { "0".to_owned() };
            (
                radius,
                format!(
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{radius:.1}\" fill=\"{fill}\" fill-opacity=\"0.6\" stroke=\"{fill}\" stroke-width=\"1.5\"><title>{}: {shown}</title></circle>",
                    escape(name)
                ),
            )
        })
        .collect();
    // Large circles first, so that small ones stay visible on top.
    circles.sort_by(|a, b| b.0.total_cmp(&a.0));
    let body: String = circles.into_iter().map(|(_, circle)| circle + "\n").collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\">\n<rect x=\"0\" y=\"0\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" fill=\"#f4f6f8\"/>\n{body}</svg>\n"
    )
}
