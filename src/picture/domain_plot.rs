//! A domain's plot: demand and capacity of each drawn scenario over the months, the leading
//! scenario's shortage shaded; as a picture of its own or as a small multiple of the summary.

use super::PictureError;
use super::canvas::{Canvas, LegendKind, PlotAxes, Rect, color};
use super::series::Curves;
use super::spec::{ChartSpec, DomainChart};
use super::text::axis_month;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The axes and curves of `domain` inside `area`; `size_points` is the size of the axis text.
pub fn draw_domain_chart<DB: DrawingBackend>(
    canvas: &Canvas<'_, DB>,
    domain: &DomainChart,
    area: Rect,
    size_points: f64,
) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let style = spec.style;
    let months = &spec.months;
    let count = months.len().max(1) as f64;
    let band_tops = domain.bands.iter().flatten().flat_map(|(_, p90)| p90.iter());
    let top = domain
        .curves
        .iter()
        .flat_map(|c| c.demand.iter().chain(&c.capacity).chain(&c.shortage))
        .chain(band_tops)
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let y_max = if top > 0.0 && top.is_finite() { top * 1.08 } else { 1.0 };
    let sub = canvas.sub_area(area);
    let axes = PlotAxes {
        x: -0.5..count - 0.5,
        y_max,
        x_desc: spec.texts.month,
        y_desc: domain.unit.as_str(),
        x_mesh: false,
        x_keys: month_keys(months).into_iter().map(|x| (x, month_at(spec, x))).collect(),
    };
    let mut chart = canvas.plot_axes(&sub, size_points, &axes)?;
    // The bands first (as in the window), then the shortage, then the lines over it; the
    // leading scenario's lines last, on top.
    for (scenario, band) in spec.scenarios.iter().zip(&domain.bands) {
        let Some((p10, p90)) = band else { continue };
        let mut outline: Vec<(f64, f64)> = p90.iter().enumerate().map(|(t, v)| (t as f64, *v)).collect();
        outline.extend(p10.iter().enumerate().rev().map(|(t, v)| (t as f64, *v)));
        let fill = color(scenario.color).mix(style.band_opacity).filled();
        chart.draw_series(std::iter::once(Polygon::new(outline, fill)))?;
    }
    if let Some((_, curves)) = spec.scenarios.iter().zip(&domain.curves).find(|(s, _)| s.leading) {
        let area_points = shortage_outline(curves, spec.state_view);
        let fill = color(style.shortage).mix(style.shortage_opacity).filled();
        chart.draw_series(std::iter::once(Polygon::new(area_points, fill)))?;
    }
    let mut order: Vec<_> = spec.scenarios.iter().zip(&domain.curves).collect();
    order.sort_by_key(|(s, _)| s.leading);
    for (scenario, curves) in order {
        let demand: Vec<(i32, i32)> =
            curves.demand.iter().enumerate().map(|(t, v)| chart.backend_coord(&(t as f64, *v))).collect();
        let capacity: Vec<(i32, i32)> = step_points(&curves.capacity).iter().map(|p| chart.backend_coord(p)).collect();
        canvas.line(capacity, scenario.color, style.capacity_width, Some(scenario.pattern))?;
        canvas.line(demand, scenario.color, style.demand_width, Some(scenario.pattern))?;
    }
    Ok(())
}

/// The shaded shortage as a closed outline: state-wide from 0 up to the summed shortage; in a
/// region between capacity and demand where demand is higher.
fn shortage_outline(curves: &Curves, state_view: bool) -> Vec<(f64, f64)> {
    let (low, high): (Vec<f64>, Vec<f64>) = if state_view {
        (vec![0.0; curves.shortage.len()], curves.shortage.clone())
    } else {
        curves.capacity.iter().zip(&curves.demand).map(|(c, d)| (*c, d.max(*c))).unzip()
    };
    let mut points: Vec<(f64, f64)> = high.iter().enumerate().map(|(t, v)| (t as f64, *v)).collect();
    points.extend(low.iter().enumerate().rev().map(|(t, v)| (t as f64, *v)));
    points
}

/// A capacity curve as steps: constant within each month.
pub fn step_points(values: &[f64]) -> Vec<(f64, f64)> {
    values.iter().enumerate().flat_map(|(t, v)| [(t as f64 - 0.5, *v), (t as f64 + 0.5, *v)]).collect()
}

/// The month label at axis position `x`.
fn month_at(spec: &ChartSpec, x: f64) -> String {
    let t = x.round();
    if t < 0.0 {
        return String::new();
    }
    spec.months.get(t as usize).map(|m| axis_month(*m)).unwrap_or_default()
}

/// Labelled months: every January (every second or more when the horizon is long), or the first
/// month and every quarter when the horizon holds fewer than three Januaries.
pub fn month_keys(months: &[crate::model::Month]) -> Vec<f64> {
    let januaries: Vec<f64> = months.iter().enumerate().filter(|(_, m)| m.month_of_year() == 1).map(|(t, _)| t as f64).collect();
    if januaries.len() >= 3 {
        let step = januaries.len().div_ceil(8);
        return januaries.into_iter().step_by(step).collect();
    }
    let step = months.len().div_ceil(6).max(1);
    (0..months.len()).step_by(step).map(|t| t as f64).collect()
}

/// A picture of one domain's plot (`index` in the plan), filling the canvas.
pub fn domain_picture<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, index: usize, size: (u32, u32)) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let Some(domain) = spec.domains.get(index) else { return Err(PictureError::UnknownDomain(index)) };
    let pad = canvas.px(44.0);
    let inner = Rect { x: pad, y: pad, w: size.0 as i32 - 2 * pad, h: size.1 as i32 - 2 * pad };
    let title = format!("{} – {} ({})", spec.title, domain.name, domain.unit);
    let mut y = inner.y;
    y += canvas.heading(&title, (inner.x, y), inner.w, &canvas.font(38.0, true), spec.style.text)?;
    let place = canvas.font(28.0, true);
    canvas.text(&spec.place_label(), (inner.x, y), &place, spec.style.text, (HPos::Left, VPos::Top))?;
    y += canvas.line_height(&place) + canvas.px(6.0);
    y += canvas.legend(inner.x, y, inner.w, LegendKind::Lines, 21.0)?;
    let footer_top = canvas.footer(inner, 17.0, 2)?;
    let chart = Rect { x: inner.x, y: y + canvas.px(10.0), w: inner.w, h: footer_top - y - canvas.px(24.0) };
    draw_domain_chart(canvas, domain, chart, 20.0)
}
