//! Capacity plots per domain (demand, capacity, shortage) with linked month axes, and the cost plot.

use crate::engine::ScenarioResults;
use crate::model::{Month, Plan};
use crate::ui::app::App;
use crate::ui::i18n::Language;
use crate::ui::snapshot::SnapshotTarget;
use crate::ui::theme::{BUDGET_LINE, PLOT_HEIGHT, PRESENTATION_LINE_FACTOR, SHORTAGE_FILL, scenario_color};
use egui_plot::{Bar, BarChart, FilledArea, GridMark, Legend, Line, LineStyle, Plot, PlotPoints};

/// One curve set to draw: a scenario's demand and capacity (state or region) and shortage.
pub struct DomainSeries {
    /// Scenario name.
    pub name: String,
    /// Scenario colour.
    pub color: egui::Color32,
    /// Demand per month.
    pub demand: Vec<f64>,
    /// Capacity per month.
    pub capacity: Vec<f64>,
    /// Places missing per month (state: Σ of regional shortages; region: max(0, demand − capacity)).
    pub shortage: Vec<f64>,
    /// Whether this is the leading scenario (its shortage is shaded).
    pub leading: bool,
}

/// The scenarios to draw: the leading one first, then the compared ones.
pub fn drawn_scenarios(app: &App) -> Vec<(usize, &ScenarioResults)> {
    let mut out = Vec::new();
    let results = &app.results;
    if let Some(found) = results.scenarios.iter().position(|s| s.id == app.view.scenario_id)
        && let Some(s) = results.scenarios.get(found)
    {
        out.push((found, s));
    }
    for (index, scenario) in results.scenarios.iter().enumerate() {
        if scenario.id != app.view.scenario_id && app.view.compared_ids.contains(&scenario.id) {
            out.push((index, scenario));
        }
    }
    out
}

/// The series of one domain for the selected region (or the state).
pub fn domain_series(app: &App, domain_index: usize) -> Vec<DomainSeries> {
    let plan = &app.doc.plan;
    let region_index = app.view.region_id.as_ref().and_then(|id| plan.regions.iter().position(|r| r.id == *id));
    drawn_scenarios(app)
        .into_iter()
        .filter_map(|(index, scenario)| {
            let color = scenario_color(plan.scenarios.get(index).and_then(|s| s.color.as_deref()), index);
            let leading = scenario.id == app.view.scenario_id;
            match region_index {
                None => {
                    let domain = scenario.domains.get(domain_index)?;
                    Some(DomainSeries {
                        name: scenario.name.clone(),
                        color,
                        demand: domain.demand.clone(),
                        capacity: domain.capacity.clone(),
                        shortage: domain.shortage.clone(),
                        leading,
                    })
                }
                Some(r) => {
                    let figures = scenario.regions.get(r)?.domains.get(domain_index)?;
                    let demand = scenario.region_demand(r, domain_index);
                    let shortage =
                        demand.iter().zip(&figures.capacity).map(|(d, c)| crate::engine::shortage_of(*d, *c)).collect();
                    Some(DomainSeries {
                        name: scenario.name.clone(),
                        color,
                        demand,
                        capacity: figures.capacity.clone(),
                        shortage,
                        leading,
                    })
                }
            }
        })
        .collect()
}

fn month_label(months: &[Month], x: f64, language: Language) -> String {
    let t = x.round();
    if t < 0.0 {
        return String::new();
    }
    months.get(t as usize).map(|m| language.month(*m)).unwrap_or_default()
}

/// Month grid marks: every January (and every quarter when zoomed in).
fn month_grid(months: &[Month]) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> + '_ {
    move |input| {
        let (min, max) = input.bounds;
        let span = max - min;
        let step = if span > 72.0 {
            12
        } else if span > 18.0 {
            3
        } else {
            1
        };
        let mut marks = Vec::new();
        for (t, month) in months.iter().enumerate() {
            let x = t as f64;
            if x < min || x > max {
                continue;
            }
            let m = month.month_of_year();
            if m == 1 {
                marks.push(GridMark { value: x, step_size: 12.0 });
            } else if (m - 1) % step as u32 == 0 && step < 12 {
                marks.push(GridMark { value: x, step_size: step as f64 });
            }
        }
        marks
    }
}

/// A capacity curve as a step line: constant within each month.
pub fn step_points(values: &[f64]) -> Vec<[f64; 2]> {
    let mut points = Vec::with_capacity(values.len() * 2);
    for (t, v) in values.iter().enumerate() {
        points.push([t as f64 - 0.5, *v]);
        points.push([t as f64 + 0.5, *v]);
    }
    points
}

/// The plots panel.
pub fn plots_ui(app: &mut App, ui: &mut egui::Ui) {
    let t = app.strings();
    let language = app.settings.language;
    let summary = app.showing_summary_page();
    // On the summary page every plot must fit on the one page: share the height out.
    let plot_height = if summary {
        let plots = app.doc.plan.domains.len() as f32 + 1.0;
        ((ui.available_height() - 80.0) / plots - 34.0).clamp(60.0, PLOT_HEIGHT)
    } else {
        PLOT_HEIGHT
    };
    ui.horizontal(|ui| {
        let place = match &app.view.region_id {
            None => t.whole_state.to_owned(),
            Some(id) => app.doc.plan.regions.iter().find(|r| r.id == *id).map_or(id.clone(), |r| r.name.clone()),
        };
        ui.heading(format!("{} – {place}", app.doc.plan.meta.title));
        if !summary && ui.button(t.reset_view).clicked() {
            app.view.reset_plots = true;
        }
    });
    legend_ui(app, ui);
    let link = egui::Id::unique("linked_months");
    let reset = app.view.reset_plots;
    let months = app.results.months.clone();
    let mut rects = Vec::new();
    let mut asked = None;
    egui::ScrollArea::vertical().id_salt("plots_scroll").show(ui, |ui| {
        for (d, domain) in app.doc.plan.domains.iter().enumerate() {
            let series = domain_series(app, d);
            let top_left = ui.cursor().min;
            if plot_title_ui(ui, &format!("{} ({})", domain.name, domain.unit), app, summary) {
                asked = Some(SnapshotTarget::DomainPlot(d));
            }
            let state_view = app.view.region_id.is_none();
            let mut plot = Plot::new(("domain_plot", d))
                .height(plot_height)
                .show_crosshair(!summary)
                .link_axis(link, [true, false])
                .link_cursor(link, [true, false])
                .include_y(0.0)
                .x_grid_spacer(month_grid(&months))
                .x_axis_formatter(|mark, _| month_label(&months, mark.value, language))
                .y_axis_formatter(move |mark, _| language.number(mark.value, 0))
                .label_formatter(|hover| {
                    if summary {
                        return None;
                    }
                    let (name, position) = match hover {
                        egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => (*plot_name, *position),
                        egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
                    };
                    let month = month_label(&months, position.x, language);
                    Some(format!("{name}\n{}: {month}\n{}", t.month, language.number(position.y, 1)))
                });
            if reset {
                plot = plot.reset();
            }
            let shown = plot.show(ui, |plot_ui| {
                for s in &series {
                    let width = if s.leading { 2.5 } else { 1.5 };
                    let width = if app.view.presentation { width * PRESENTATION_LINE_FACTOR } else { width };
                    if s.leading {
                        let xs: Vec<f64> = (0..s.demand.len()).map(|t| t as f64).collect();
                        let (low, high): (Vec<f64>, Vec<f64>) = if state_view {
                            (vec![0.0; s.shortage.len()], s.shortage.clone())
                        } else {
                            s.capacity.iter().zip(&s.demand).map(|(c, d)| (*c, d.max(*c))).unzip()
                        };
                        let label = if state_view { t.shortage_state } else { t.shortage };
                        plot_ui.add(FilledArea::new(format!("{label} ({})", s.name), &xs, &low, &high).fill_color(SHORTAGE_FILL));
                    }
                    plot_ui.line(
                        Line::new(format!("{} – {}", t.demand, s.name), PlotPoints::from_ys_f64(&s.demand))
                            .color(s.color)
                            .width(width),
                    );
                    plot_ui.line(
                        Line::new(format!("{} – {}", t.capacity, s.name), PlotPoints::new(step_points(&s.capacity)))
                            .color(s.color)
                            .width(width)
                            .style(LineStyle::dashed_loose()),
                    );
                }
            });
            rects.push((SnapshotTarget::DomainPlot(d), picture_rect(ui, top_left, shown.response.rect)));
            ui.add_space(6.0);
        }
        let (cost_rect, cost_asked) = cost_plot_ui(ui, &app.doc.plan, app, language, plot_height, summary);
        rects.push((SnapshotTarget::CostPlot, cost_rect));
        asked = asked.or(cost_asked);
    });
    app.plot_rects.extend(rects);
    if let Some(target) = asked {
        app.ask_snapshot(target, ui.ctx());
    }
}

/// One legend for all domain plots: line styles, then each drawn scenario in its colour.
fn legend_ui(app: &App, ui: &mut egui::Ui) {
    let t = app.strings();
    let plan = &app.doc.plan;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("—— {}", t.demand));
        ui.label(format!("- - {}", t.capacity));
        let shortage = if app.view.region_id.is_none() { t.shortage_state } else { t.shortage };
        ui.label(egui::RichText::new(format!("■ {shortage}")).color(crate::ui::theme::ERROR_RED));
        ui.separator();
        for (index, scenario) in drawn_scenarios(app) {
            let color = scenario_color(plan.scenarios.get(index).and_then(|s| s.color.as_deref()), index);
            let text = egui::RichText::new(format!("■ {}", scenario.name)).color(color);
            ui.label(if scenario.id == app.view.scenario_id { text.strong() } else { text });
        }
    });
}

/// The yearly cost plot; returns where it was drawn and whether its picture was asked for.
fn cost_plot_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    app: &App,
    language: Language,
    height: f32,
    summary: bool,
) -> (egui::Rect, Option<SnapshotTarget>) {
    let t = app.strings();
    let top_left = ui.cursor().min;
    let asked = plot_title_ui(ui, t.cost_per_year, app, summary).then_some(SnapshotTarget::CostPlot);
    let drawn = drawn_scenarios(app);
    let count = drawn.len().max(1) as f64;
    let bar_width = 0.8 / count;
    let shown = Plot::new("cost_plot")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .include_y(0.0)
        .x_axis_formatter(|mark, _| if mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() })
        .y_axis_formatter(move |mark, _| format!("{} Mio. €", language.number(mark.value / 1e6, 0)))
        .show(ui, |plot_ui| {
            for (slot, (index, scenario)) in drawn.iter().enumerate() {
                let color = scenario_color(plan.scenarios.get(*index).and_then(|s| s.color.as_deref()), *index);
                let offset = (slot as f64 - (count - 1.0) / 2.0) * bar_width;
                let bars = scenario
                    .cost_per_year
                    .iter()
                    .map(|(year, eur)| {
                        Bar::new(f64::from(*year) + offset, *eur).width(bar_width * 0.95).name(format!(
                            "{} {year}: {}",
                            scenario.name,
                            crate::format::german_euro(*eur)
                        ))
                    })
                    .collect();
                plot_ui.add(BarChart::new(scenario.name.clone(), bars).color(color));
            }
            // One segment per budget year (same name: one legend entry), no NaN separators.
            for entry in &plan.budget {
                let year = f64::from(entry.year);
                let segment = PlotPoints::new(vec![[year - 0.45, entry.eur], [year + 0.45, entry.eur]]);
                plot_ui.line(Line::new(t.budget, segment).color(BUDGET_LINE).width(3.0));
            }
        });
    (picture_rect(ui, top_left, shown.response.rect), asked)
}

/// A plot's title with its "PNG" button (not on the summary page); true when the button was clicked.
fn plot_title_ui(ui: &mut egui::Ui, title: &str, app: &App, summary: bool) -> bool {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(title).strong());
        !summary && ui.small_button("PNG").on_hover_text(app.strings().save_plot_png).clicked()
    })
    .inner
}

/// The area of a plot's picture: its title and axes too, from `top_left` (before the title) to
/// below the plot, across the full width.
fn picture_rect(ui: &egui::Ui, top_left: egui::Pos2, plot_rect: egui::Rect) -> egui::Rect {
    let bottom = plot_rect.bottom().max(ui.cursor().min.y - ui.spacing().item_spacing.y);
    egui::Rect::from_min_max(top_left, egui::pos2(ui.max_rect().right(), bottom))
}
