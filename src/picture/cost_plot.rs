//! The cost plot: each drawn scenario's cost per calendar year as bars (each scenario with its
//! own fill pattern), the budget per year as a line. Costs are the state's in every view.

use super::PictureError;
use super::canvas::{BUDGET_DASH_SLOT, Canvas, LegendKind, PlotAxes, Rect};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The axes, bars and budget line inside `area`; `size_points` is the size of the axis text.
pub fn draw_cost_chart<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, area: Rect, size_points: f64) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let style = spec.style;
    let years: Vec<i32> = {
        let mut years: Vec<i32> =
            spec.costs.iter().flatten().map(|(y, _)| *y).chain(spec.budget.iter().map(|(y, _)| *y)).collect();
        years.sort_unstable();
        years.dedup();
        years
    };
    let (first, last) = match (years.first(), years.last()) {
        (Some(first), Some(last)) => (f64::from(*first), f64::from(*last)),
        _ => (0.0, 0.0),
    };
    let top = spec.costs.iter().flatten().map(|(_, e)| *e).chain(spec.budget.iter().map(|(_, e)| *e)).fold(0.0, f64::max) / 1e6;
    let y_max = if top > 0.0 && top.is_finite() { top * 1.1 } else { 1.0 };
    let sub = canvas.sub_area(area);
    let axes = PlotAxes {
        x: first - 0.5..last + 0.5,
        y_max,
        x_desc: spec.texts.year,
        y_desc: spec.texts.million_euro,
        x_mesh: true,
        x_keys: years.iter().map(|y| (f64::from(*y), y.to_string())).collect(),
    };
    let chart = canvas.plot_axes(&sub, size_points, &axes)?;
    let count = spec.scenarios.len().max(1) as f64;
    let width = 0.8 / count;
    for (scenario, costs) in spec.scenarios.iter().zip(&spec.costs) {
        let offset = (scenario.slot as f64 - (count - 1.0) / 2.0) * width;
        for (year, eur) in costs {
            let x = f64::from(*year) + offset;
            let (left, top) = chart.backend_coord(&(x - width * 0.45, eur / 1e6));
            let (right, bottom) = chart.backend_coord(&(x + width * 0.45, 0.0));
            canvas.bar(Rect { x: left, y: top, w: right - left, h: bottom - top }, scenario.color, scenario.pattern)?;
        }
    }
    for (year, eur) in &spec.budget {
        let year = f64::from(*year);
        let segment = vec![chart.backend_coord(&(year - 0.46, eur / 1e6)), chart.backend_coord(&(year + 0.46, eur / 1e6))];
        canvas.line(segment, style.budget, style.demand_width * 0.8, Some(BUDGET_DASH_SLOT))?;
    }
    Ok(())
}

/// The cost plot's title: costs are always the state's, said so when a region is shown.
pub fn cost_title(canvas_spec: &super::spec::ChartSpec) -> String {
    let t = canvas_spec.texts;
    if canvas_spec.state_view { t.cost_per_year.to_owned() } else { format!("{} ({})", t.cost_per_year, t.state_wide) }
}

/// A picture of the cost plot, filling the canvas.
pub fn cost_picture<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, size: (u32, u32)) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let pad = canvas.px(44.0);
    let inner = Rect { x: pad, y: pad, w: size.0 as i32 - 2 * pad, h: size.1 as i32 - 2 * pad };
    let title = format!("{} – {}", spec.title, cost_title(spec));
    let mut y = inner.y;
    y += canvas.heading(&title, (inner.x, y), inner.w, &canvas.font(38.0, true), spec.style.text)?;
    let place = canvas.font(28.0, true);
    canvas.text(spec.texts.whole_state, (inner.x, y), &place, spec.style.text, (HPos::Left, VPos::Top))?;
    y += canvas.line_height(&place) + canvas.px(6.0);
    y += canvas.legend(inner.x, y, inner.w, LegendKind::Bars, 21.0)?;
    let footer_top = canvas.footer(inner, 17.0, 2)?;
    let chart = Rect { x: inner.x, y: y + canvas.px(10.0), w: inner.w, h: footer_top - y - canvas.px(24.0) };
    draw_cost_chart(canvas, chart, 20.0)
}
