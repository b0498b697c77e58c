//! The one-page summary: title, place, scenarios and date; every domain's plot and the cost plot
//! as small multiples; the indicators per domain and scenario at the shown place; the sources.

use super::PictureError;
use super::canvas::{Canvas, LegendKind, Rect};
use super::cost_plot::{cost_title, draw_cost_chart};
use super::domain_plot::draw_domain_chart;
use super::text::{axis_month, wrap};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The summary page, filling the canvas of `size` pixels.
pub fn summary_picture<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, size: (u32, u32)) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let ink = spec.style.text;
    let pad = canvas.px(36.0);
    let inner = Rect { x: pad, y: pad, w: size.0 as i32 - 2 * pad, h: size.1 as i32 - 2 * pad };
    let mut y = inner.y;
    y += canvas.heading(&spec.title, (inner.x, y), inner.w, &canvas.font(34.0, true), ink)?;
    let place = canvas.font(22.0, true);
    let subtitle = format!("{} · {} {}", spec.place_label(), spec.texts.as_of, spec.date);
    // One line, cut with "…" like the title: a long region name must not run off the page.
    canvas.heading(&subtitle, (inner.x, y), inner.w, &place, ink)?;
    y += canvas.line_height(&place) + canvas.px(4.0);
    y += canvas.legend(inner.x, y, inner.w, LegendKind::Both, 16.0)?;
    let footer_top = canvas.footer(inner, 13.0, 3)?;
    let body = Rect { x: inner.x, y: y + canvas.px(8.0), w: inner.w, h: footer_top - y - canvas.px(16.0) };
    let plots_width = (f64::from(body.w) * 0.6) as i32;
    small_multiples(canvas, Rect { w: plots_width, ..body })?;
    let gap = canvas.px(24.0);
    let side = Rect { x: body.x + plots_width + gap, w: body.w - plots_width - gap, ..body };
    if spec.groups.is_empty() || spec.planning_years.is_empty() {
        return indicator_table(canvas, side, 1.0);
    }
    // The groups table (SPEC §11) sits under the indicators. Both shrink together, down to 70 %,
    // until every row fits; only then are rows left out (and counted).
    let scale = [1.0, 0.92, 0.85, 0.78, 0.7]
        .into_iter()
        .find(|scale| indicators_height(canvas, *scale) + groups_height(canvas, *scale) + canvas.px(12.0) <= side.h)
        .unwrap_or(0.7);
    let groups = groups_height(canvas, scale).min(side.h / 2);
    indicator_table(canvas, Rect { h: side.h - groups - canvas.px(12.0), ..side }, scale)?;
    groups_table(canvas, Rect { y: side.bottom() - groups, h: groups, ..side }, scale)
}

/// The height the whole indicator table needs at `scale`.
fn indicators_height<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, scale: f64) -> i32 {
    let spec = canvas.spec;
    let line = canvas.line_height(&canvas.font(14.0 * scale, false)) + canvas.px(3.0);
    let titles = spec.indicators.iter().map(|r| r.domain.as_str()).collect::<std::collections::BTreeSet<_>>().len() as i32;
    canvas.line_height(&canvas.font(19.0 * scale, true))
        + canvas.px(18.0)
        + line * (3 + spec.indicators.len() as i32)
        + titles * (line + canvas.px(4.0))
}

/// The height the whole groups table needs at `scale`.
fn groups_height<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, scale: f64) -> i32 {
    let spec = canvas.spec;
    let line = canvas.line_height(&canvas.font(13.0 * scale, false)) + canvas.px(2.0);
    let titles = spec.groups.iter().map(|g| g.domain.as_str()).collect::<std::collections::BTreeSet<_>>().len() as i32;
    canvas.line_height(&canvas.font(17.0 * scale, true)) + canvas.px(14.0) + line * (2 + titles + spec.groups.len() as i32)
}

/// Missing groups per planned domain, scenario and planning year at the shown place; the last
/// years that do not fit the width are left out (at most six columns).
fn groups_table<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, area: Rect, scale: f64) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let style = spec.style;
    let language = spec.language;
    let heading = canvas.font(17.0 * scale, true);
    let font = canvas.font(13.0 * scale, false);
    let bold = canvas.font(13.0 * scale, true);
    let line = canvas.line_height(&font) + canvas.px(2.0);
    let mut y = area.y;
    y += canvas.heading(spec.texts.groups_heading, (area.x, y), area.w, &heading, style.text)? + canvas.px(4.0);
    let years: Vec<&String> = spec.planning_years.iter().take(6).collect();
    let column_w = (f64::from(area.w) * 0.11) as i32;
    let name_w = area.w - column_w * years.len() as i32;
    for (k, year) in years.iter().enumerate() {
        let right = area.x + name_w + column_w * (k as i32 + 1);
        canvas.text(year, (right, y), &bold, style.text, (HPos::Right, VPos::Top))?;
    }
    y += line + canvas.px(2.0);
    canvas.line(vec![(area.x, y), (area.right(), y)], style.axis, 1.0, None)?;
    y += canvas.px(3.0);
    let mut shown_domain: Option<&str> = None;
    for (index, row) in spec.groups.iter().enumerate() {
        let needs = if shown_domain != Some(row.domain.as_str()) { 2 } else { 1 };
        if y + (needs + 1) * line > area.bottom() {
            let text = format!("… {} {}", language.number((spec.groups.len() - index) as f64, 0), spec.texts.more_rows);
            canvas.text(&text, (area.x, y), &font, style.muted_text, (HPos::Left, VPos::Top))?;
            break;
        }
        if needs == 2 {
            let title =
                wrap(&row.domain, f64::from(area.w), 1, |s| canvas.width(s, &bold)).into_iter().next().unwrap_or_default();
            canvas.text(&title, (area.x, y), &bold, style.text, (HPos::Left, VPos::Top))?;
            y += line;
            shown_domain = Some(row.domain.as_str());
        }
        let Some(scenario) = spec.scenarios.get(row.slot) else { continue };
        let name = wrap(&scenario.name, f64::from(name_w - canvas.px(16.0)), 1, |s| canvas.width(s, &font))
            .into_iter()
            .next()
            .unwrap_or_default();
        canvas.text(&name, (area.x + canvas.px(8.0), y), &font, style.text, (HPos::Left, VPos::Top))?;
        for (k, groups) in row.groups_missing.iter().take(years.len()).enumerate() {
            let right = area.x + name_w + column_w * (k as i32 + 1);
            canvas.text(&language.number(*groups, 0), (right, y), &font, style.text, (HPos::Right, VPos::Top))?;
        }
        y += line;
    }
    Ok(())
}

/// Every domain's plot and the cost plot in a grid of two columns.
fn small_multiples<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, area: Rect) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let cells = spec.domains.len() + 1;
    let columns = if cells > 1 { 2 } else { 1 };
    let rows = cells.div_ceil(columns) as i32;
    let (cell_w, cell_h) = (area.w / columns as i32, area.h / rows.max(1));
    let title_font = canvas.font(15.0, true);
    let title_height = canvas.line_height(&title_font);
    for cell in 0..cells {
        let (column, row) = ((cell % columns) as i32, (cell / columns) as i32);
        // The cost plot alone in the last row takes the whole row.
        let alone = cell + 1 == cells && column == 0;
        let width = if alone { area.w } else { cell_w };
        let frame = Rect { x: area.x + column * cell_w, y: area.y + row * cell_h, w: width, h: cell_h };
        let chart = Rect { y: frame.y + title_height, h: frame.h - title_height - canvas.px(6.0), ..frame };
        match spec.domains.get(cell) {
            Some(domain) => {
                let title = format!("{} ({})", domain.name, domain.unit);
                canvas.heading(&title, (frame.x, frame.y), frame.w, &title_font, spec.style.text)?;
                draw_domain_chart(canvas, domain, chart, 12.0)?;
            }
            None => {
                canvas.heading(&cost_title(spec), (frame.x, frame.y), frame.w, &title_font, spec.style.text)?;
                draw_cost_chart(canvas, chart, 12.0)?;
            }
        }
    }
    Ok(())
}

/// The indicators at the shown place: a heading row per domain, a row per scenario with its
/// first shortage, peak shortage and place-months missing. Rows that do not fit are counted.
fn indicator_table<DB: DrawingBackend>(canvas: &Canvas<'_, DB>, area: Rect, scale: f64) -> Result<(), PictureError> {
    let spec = canvas.spec;
    let t = spec.texts;
    let style = spec.style;
    let language = spec.language;
    let heading = canvas.font(19.0 * scale, true);
    let font = canvas.font(14.0 * scale, false);
    let bold = canvas.font(14.0 * scale, true);
    let line = canvas.line_height(&font) + canvas.px(3.0);
    let mut y = area.y;
    let title = format!("{} – {}", t.indicators, spec.place);
    y += canvas.heading(&title, (area.x, y), area.w, &heading, style.text)? + canvas.px(6.0);
    // Columns: scenario (with its swatch), then three figures aligned right.
    let figure_w = (f64::from(area.w) * 0.2) as i32;
    let name_w = area.w - 3 * figure_w;
    let rights = [area.x + name_w + figure_w, area.x + name_w + 2 * figure_w, area.right()];
    let headers = [t.first_shortage, t.peak_shortage, t.place_months];
    let mut header_lines = 1;
    for (right, text) in rights.iter().zip(headers) {
        let lines = wrap(text, f64::from(figure_w - canvas.px(8.0)), 2, |s| canvas.width(s, &bold));
        header_lines = header_lines.max(lines.len() as i32);
        for (index, text) in lines.iter().enumerate() {
            canvas.text(text, (*right, y + index as i32 * line), &bold, style.text, (HPos::Right, VPos::Top))?;
        }
    }
    canvas.text(t.col_scenario, (area.x, y), &bold, style.text, (HPos::Left, VPos::Top))?;
    y += header_lines * line + canvas.px(4.0);
    let rule = |y: i32| canvas.line(vec![(area.x, y), (area.right(), y)], style.axis, 1.0, None);
    rule(y)?;
    y += canvas.px(4.0);
    let swatch = canvas.px(14.0);
    let mut shown_domain: Option<&str> = None;
    for (index, row) in spec.indicators.iter().enumerate() {
        let needs = if shown_domain != Some(row.domain.as_str()) { 2 } else { 1 };
        if y + (needs + 1) * line > area.bottom() {
            let left = spec.indicators.len() - index;
            let text = format!("… {} {}", language.number(left as f64, 0), t.more_rows);
            canvas.text(&text, (area.x, y), &font, style.muted_text, (HPos::Left, VPos::Top))?;
            break;
        }
        if needs == 2 {
            canvas.text(&row.domain, (area.x, y + canvas.px(4.0)), &bold, style.text, (HPos::Left, VPos::Top))?;
            y += line + canvas.px(4.0);
            shown_domain = Some(row.domain.as_str());
        }
        let Some(scenario) = spec.scenarios.get(row.slot) else { continue };
        let middle = y + line / 2;
        canvas.bar(
            Rect { x: area.x + canvas.px(8.0), y: middle - swatch / 2, w: swatch, h: swatch },
            scenario.color,
            scenario.slot,
        )?;
        let name_x = area.x + canvas.px(8.0) + swatch + canvas.px(8.0);
        let name_width = f64::from(name_w - (name_x - area.x) - canvas.px(8.0));
        let name = wrap(&scenario.name, name_width, 1, |s| canvas.width(s, &font)).into_iter().next().unwrap_or_default();
        canvas.text(&name, (name_x, middle), &font, style.text, (HPos::Left, VPos::Center))?;
        let figures = &row.indicators;
        let first = figures.first_shortage_month.map_or_else(|| t.none.to_owned(), axis_month);
        let values = [first, language.number(figures.peak_shortage, 0), language.number(figures.shortage_place_months, 0)];
        for (right, value) in rights.iter().zip(values) {
            canvas.text(&value, (*right, middle), &font, style.text, (HPos::Right, VPos::Center))?;
        }
        y += line;
    }
    Ok(())
}
