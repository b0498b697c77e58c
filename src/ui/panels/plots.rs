//! Capacity plots per domain (demand, capacity, shortage) with linked month axes, and the cost plot.

use super::Panel;
use crate::model::Month;
use crate::ui::action::Action;
use crate::ui::context::{ChartFocus, PanelCtx};
use crate::ui::i18n::Language;
use crate::ui::i18n::Strings;
use crate::ui::snapshot::SnapshotTarget;
use crate::ui::theme::{
    BUDGET_LINE, CAPACITY_LINE_WIDTH, DEMAND_LINE_WIDTH, LINE_SAMPLE_SIZE, PLOT_HEIGHT, PRESENTATION_LINE_FACTOR, band_fill,
    scenario_line_style, shortage_fill,
};
use crate::ui::y_scale::{count_label, millions_label, y_grid_spacer};
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
    /// Whether this is the leading scenario (its lines are drawn widest).
    pub leading: bool,
    /// Its line pattern (by its place among the drawn scenarios), for demand and capacity.
    pub style: LineStyle,
    /// Its P10–P90 band of the demand, when the bands are on and computed.
    pub band: Option<SeriesBand>,
    /// The fill of its shortage area: the shortage red, weaker for each further scenario.
    pub shortage_fill: egui::Color32,
}

/// The band of one scenario and domain over the runs (SPEC §5), scaled to the shown place.
pub struct SeriesBand {
    /// 10th percentile of the demand per month.
    pub p10: Vec<f64>,
    /// Median of the demand per month.
    pub p50: Vec<f64>,
    /// 90th percentile of the demand per month.
    pub p90: Vec<f64>,
    /// Per month, the share of runs with a shortage (state-wide).
    pub shortage_probability: Vec<f64>,
}

/// The band of the scenario `scenario_id` in domain `domain_id`, when the bands are on and
/// computed. A region's demand is its share of the state's in every run, so its percentiles
/// are the state's scaled by that share.
pub fn series_band(ctx: &PanelCtx<'_>, scenario_id: &str, domain_id: &str, region_index: Option<usize>) -> Option<SeriesBand> {
    if !ctx.settings.show_bands {
        return None;
    }
    let bands = ctx.session.bands().of(scenario_id)?.domains.iter().find(|d| d.id == domain_id)?;
    let shares = &ctx.session.results().shares;
    let scale = match region_index {
        None => 1.0,
        Some(r) => {
            let total: f64 = shares.iter().sum();
            if total > 0.0 { shares.get(r)? / total } else { return None }
        }
    };
    let scaled = |values: &[f64]| values.iter().map(|v| v * scale).collect();
    Some(SeriesBand {
        p10: scaled(&bands.demand.p10),
        p50: scaled(&bands.demand.p50),
        p90: scaled(&bands.demand.p90),
        shortage_probability: bands.shortage_probability.clone(),
    })
}

/// The series of one domain for the selected region (or the state), leading scenario first.
pub fn domain_series(ctx: &PanelCtx<'_>, domain_id: &str) -> Vec<DomainSeries> {
    let region_index = ctx.region_index();
    ctx.drawn_scenarios()
        .into_iter()
        .enumerate()
        .filter_map(|(slot, shown)| {
            let domain_index = ctx.session.results().domain_ids.iter().position(|id| id == domain_id)?;
            let curves = crate::picture::series::domain_curves(shown.results, domain_index, region_index)?;
            Some(DomainSeries {
                name: shown.scenario.name.clone(),
                color: shown.color,
                demand: curves.demand,
                capacity: curves.capacity,
                shortage: curves.shortage,
                leading: shown.leading,
                style: scenario_line_style(shown.index),
                band: series_band(ctx, &shown.scenario.id, domain_id, region_index),
                shortage_fill: shortage_fill(slot),
            })
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

/// Least room in points between two labelled Januaries (a label "01/2025" is about 55 wide).
const YEAR_LABEL_SPACING_POINTS: f64 = 70.0;

/// Month grid marks: every January (every second or third when the plot is narrow, as in the
/// small multiples), and every quarter or month when zoomed in.
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
        // base_step_size is the months in 8 points.
        let points_per_year = if input.base_step_size > 0.0 { 12.0 * 8.0 / input.base_step_size } else { f64::INFINITY };
        let years_per_label = (YEAR_LABEL_SPACING_POINTS / points_per_year).ceil().clamp(1.0, 50.0) as i32;
        let first_year = months.first().map_or(0, |m| m.year());
        let mut marks = Vec::new();
        for (t, month) in months.iter().enumerate() {
            let x = t as f64;
            if x < min || x > max {
                continue;
            }
            let m = month.month_of_year();
            if m == 1 {
                if (month.year() - first_year) % years_per_label == 0 {
                    marks.push(GridMark { value: x, step_size: 12.0 * f64::from(years_per_label) });
                }
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

/// The plots panel: whether the plot views go back to showing everything in the next frame.
#[derive(Debug, Default)]
pub struct PlotsPanel {
    reset: bool,
    /// One plot per scenario side by side (same y range per domain) instead of all overlaid.
    pub side_by_side: bool,
}

impl PlotsPanel {
    /// Shows every plot whole again in the next frame (zoom and pan undone).
    pub fn reset_views(&mut self) {
        self.reset = true;
    }
}

impl Panel for PlotsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        let asked = self.plots_ui(ui, ctx, &mut actions);
        self.reset = false;
        actions.extend(asked.map(Action::AskSnapshot));
        actions
    }
}

/// The toolbar switch of the bands, and while their runs go on, the progress with a cancel.
pub fn bands_toolbar_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let mut actions = Vec::new();
    let mut on = ctx.settings.show_bands;
    if ui.checkbox(&mut on, t.bands_toggle).changed() {
        actions.push(Action::SetBands(on));
    }
    // No spinner: its animation would repaint at full speed; the app repaints every 30 ms anyway.
    if on && let Some(fraction) = ctx.session.bands().progress() {
        ui.label(format!("{} {}", t.bands_computing, ctx.language().percent(f64::from(fraction))));
        if ui.small_button(t.cancel).clicked() {
            actions.push(Action::CancelBands);
        }
    }
    actions
}

impl PlotsPanel {
    fn plots_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, actions: &mut Vec<Action>) -> Option<SnapshotTarget> {
        let t = ctx.strings();
        let plan = ctx.plan();
        let plot_height = PLOT_HEIGHT;
        // In presentation mode the slim top bar already names plan and region.
        if !ctx.presentation {
            crate::ui::cells::heading_line(ui, format!("{} – {}", plan.meta.title, ctx.place_name()));
        }
        ui.horizontal_wrapped(|ui| {
            actions.extend(chart_focus_ui(ui, ctx));
            ui.separator();
            ui.selectable_value(&mut self.side_by_side, false, t.layout_overlaid);
            ui.selectable_value(&mut self.side_by_side, true, t.layout_side_by_side);
            ui.separator();
            if ui.button(t.reset_view).clicked() {
                self.reset = true;
            }
            // In presentation mode the big switch beside the plots does this.
            if !ctx.presentation {
                ui.separator();
                actions.extend(bands_toolbar_ui(ui, ctx));
            }
        });
        // Demand, capacity and shortage mean nothing beside the cost bars alone.
        if ctx.selection.chart_focus != ChartFocus::Costs {
            legend_ui(ctx, ui);
        }
        let focus = ctx.selection.chart_focus.clone();
        // One plot (or one row of small multiples) always fits whole, with its month axis, in
        // the room the panel has; a plot shown alone fills the room its title row leaves.
        let title_row = ui.text_style_height(&egui::TextStyle::Body).max(ui.spacing().interact_size.y) + 12.0;
        let room = ui.available_height() - if self.side_by_side { 2.0 * title_row } else { title_row };
        let plot_height = match focus {
            ChartFocus::All => room.clamp(crate::ui::theme::MIN_PLOT_HEIGHT, plot_height),
            _ => room.max(crate::ui::theme::MIN_PLOT_HEIGHT),
        };
        let link = egui::Id::unique("linked_months");
        let look = PlotLook { height: plot_height, link, reset: self.reset };
        let side_by_side = self.side_by_side;
        let mut asked = None;
        egui::ScrollArea::vertical().id_salt("plots_scroll").show(ui, |ui| {
            for (d, domain) in plan.domains.iter().enumerate() {
                if !focus.shows_domain(&domain.id) {
                    continue;
                }
                let series = domain_series(ctx, &domain.id);
                let title = crate::domain_words::domain_title(domain, ctx.language());
                // The title row also says where the domain runs short first: the answer a room
                // asks for first, where the eye lands.
                let (picture, first) = ui
                    .horizontal_wrapped(|ui| {
                        let picture = plot_title_ui(ui, &format!("{title} ({})", domain.unit), ctx);
                        ui.add_space(12.0);
                        (picture, short_first_ui(ui, ctx, d))
                    })
                    .inner;
                actions.extend(first);
                if picture {
                    asked = Some(SnapshotTarget::DomainPlot(d));
                }
                // Alone, the plot takes what its title row (wrapped or not) left: the month axis
                // is never cut.
                let look = if focus == ChartFocus::All {
                    look
                } else {
                    let caption = if side_by_side && series.len() > 1 { title_row } else { 0.0 };
                    let height = (ui.available_height() - caption - 8.0).max(crate::ui::theme::MIN_PLOT_HEIGHT);
                    PlotLook { height, ..look }
                };
                if side_by_side && series.len() > 1 {
                    // Small multiples: one plot per scenario, all with the domain's y range.
                    let y_max = series.iter().map(DomainSeries::y_max).fold(0.0, f64::max);
                    ui.scope(|ui| {
                        ui.columns(series.len(), |columns| {
                            for (slot, (column, one)) in columns.iter_mut().zip(&series).enumerate() {
                                let caption = egui::RichText::new(&one.name).color(crate::ui::contrast::on_ui(column, one.color));
                                column.label(if one.leading { caption.strong() } else { caption });
                                let id_salt = ("domain_plot", d, slot);
                                domain_plot_ui(column, ctx, id_salt, std::slice::from_ref(one), &look, Some(y_max));
                            }
                        });
                    });
                } else {
                    domain_plot_ui(ui, ctx, ("domain_plot", d), &series, &look, None);
                }
                ui.add_space(6.0);
            }
            if focus.shows_costs() {
                asked = asked.or(cost_plot_ui(ui, ctx, plot_height));
            }
        });
        asked
    }
}

/// "Zuerst knapp: Köln (03/2026) · …": the three regions of domain `d` that run short first in
/// the leading scenario, each selecting its region, and a button to the map's ranking sorted
/// by first shortage.
fn short_first_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, d: usize) -> Vec<Action> {
    let t = ctx.strings();
    let results = ctx.session.results();
    let plan = ctx.plan();
    let mut actions = Vec::new();
    let Some(domain_index) = plan.domains.get(d).and_then(|domain| results.domain_ids.iter().position(|id| *id == domain.id))
    else {
        return actions;
    };
    let first = super::indicators::first_short_regions(results, plan, &ctx.selection.scenario_id, domain_index, 3);
    if first.is_empty() {
        ui.label(egui::RichText::new(t.no_region_short).color(crate::ui::contrast::good_text(ui)));
        return actions;
    }
    ui.label(egui::RichText::new(format!("{}:", t.short_first)).strong());
    for (position, (month_index, r)) in first.into_iter().enumerate() {
        let region = results.region_ids.get(r).and_then(|id| plan.regions.iter().find(|region| region.id == *id));
        let (Some(region), Some(month)) = (region, results.months.get(month_index)) else { continue };
        if position > 0 {
            ui.label("·");
        }
        let selected = ctx.selection.region_id.as_deref() == Some(region.id.as_str());
        let text = format!("{} ({})", region.name, ctx.language().month(*month));
        let text = egui::RichText::new(text).color(crate::ui::contrast::error_text(ui));
        if ui.add(egui::Button::selectable(selected, text)).clicked() {
            actions.push(Action::SelectRegion(Some(region.id.clone())));
        }
    }
    if ui.button(t.to_ranking).clicked() {
        actions.push(Action::ShowFirstShortages(d));
    }
    actions
}

/// The choice of plots: all, or one domain or the costs alone and large.
fn chart_focus_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let shown = &ctx.selection.chart_focus;
    let mut chosen = shown.clone();
    ui.selectable_value(&mut chosen, ChartFocus::All, t.all_plots);
    for domain in &ctx.plan().domains {
        let name = crate::format::elide(&domain.name, 40);
        ui.selectable_value(&mut chosen, ChartFocus::Domain(domain.id.clone()), name.as_ref()).on_hover_text(&domain.name);
    }
    ui.selectable_value(&mut chosen, ChartFocus::Costs, t.cost_per_year);
    if chosen != *shown { vec![Action::FocusChart(chosen)] } else { Vec::new() }
}

/// What every domain plot of a frame shares: height, linked month axis, reset.
#[derive(Clone, Copy)]
struct PlotLook {
    height: f32,
    link: egui::Id,
    reset: bool,
}

impl DomainSeries {
    /// The highest value drawn of this series (demand, capacity, shortage, band).
    fn y_max(&self) -> f64 {
        let band = self.band.as_ref().map_or(&[][..], |b| b.p90.as_slice());
        self.demand
            .iter()
            .chain(&self.capacity)
            .chain(&self.shortage)
            .chain(band)
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    }
}

/// The hover text at month `index`: the month, then for each series its demand, capacity and
/// places missing, and its shortage probability when the bands are computed. `None` outside
/// the horizon.
pub fn hover_text(series: &[DomainSeries], months: &[Month], index: usize, t: &Strings, language: Language) -> Option<String> {
    let month = months.get(index)?;
    let mut text = format!("{}: {}", t.month, language.month(*month));
    for s in series {
        let value = |values: &[f64]| values.get(index).copied();
        let (Some(demand), Some(capacity)) = (value(&s.demand), value(&s.capacity)) else { continue };
        let shortage = value(&s.shortage).unwrap_or(0.0);
        // A region's few places read better with a decimal.
        let decimals = if demand.abs().max(capacity.abs()) < 10.0 { 1 } else { 0 };
        text.push_str(&format!(
            "\n{}\n  {} {} · {} {} · {} {}",
            s.name,
            t.demand,
            language.number(demand, decimals),
            t.capacity,
            language.number(capacity, decimals),
            t.shortage,
            language.number(shortage, decimals),
        ));
        if let Some(share) = s.band.as_ref().and_then(|b| b.shortage_probability.get(index)) {
            text.push_str(&format!("\n  {}: {}", t.shortage_probability, language.percent(*share)));
        }
    }
    Some(text)
}

/// One domain plot of `series` (all drawn scenarios overlaid, or one of the small multiples with
/// the shared upper bound `y_max`); returns the plot's response.
fn domain_plot_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    series: &[DomainSeries],
    look: &PlotLook,
    y_max: Option<f64>,
) -> egui::Response {
    let t = ctx.strings();
    let language = ctx.language();
    let months = &ctx.session.results().months;
    let state_view = ctx.selection.region_id.is_none();
    // The wheel scrolls the list of plots; zoom is Ctrl+wheel, pan is dragging.
    let mut plot = Plot::new(id_salt)
        .allow_scroll(false)
        .height(look.height)
        .show_crosshair(true)
        .link_axis(look.link, [true, false])
        .link_cursor(look.link, [true, false])
        .include_y(0.0)
        .x_grid_spacer(month_grid(months))
        .x_axis_formatter(|mark, _| month_label(months, mark.value, language))
        .y_grid_spacer(y_grid_spacer)
        .y_axis_formatter(move |mark, _| count_label(language, mark))
        .label_formatter(|hover| {
            let position = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } | egui_plot::HoverPosition::Elsewhere { position } => {
                    *position
                }
            };
            let index = position.x.round();
            if index < 0.0 {
                return None;
            }
            hover_text(series, months, index as usize, t, language)
        });
    if let Some(y_max) = y_max {
        plot = plot.include_y(y_max);
    }
    if look.reset {
        plot = plot.reset();
    }
    let factor = if ctx.presentation { PRESENTATION_LINE_FACTOR } else { 1.0 };
    plot.show(ui, |plot_ui| {
        // Bands first, so that every line is drawn over them.
        for s in series {
            let Some(band) = &s.band else { continue };
            let xs: Vec<f64> = (0..band.p10.len()).map(|t| t as f64).collect();
            let name = format!("{} – {}", t.bands_band, s.name);
            plot_ui.add(FilledArea::new(name, &xs, &band.p10, &band.p90).fill_color(band_fill(s.color)));
            plot_ui.line(
                Line::new(format!("{} – {}", t.bands_median, s.name), PlotPoints::from_ys_f64(&band.p50))
                    .color(s.color)
                    .width(1.0)
                    .style(LineStyle::dotted_dense()),
            );
        }
        // Every scenario's shortage in the one shortage red (weaker for each further scenario),
        // under all lines.
        let label = if state_view { t.shortage_state } else { t.shortage };
        for s in series {
            let xs: Vec<f64> = (0..s.demand.len()).map(|t| t as f64).collect();
            let (low, high): (Vec<f64>, Vec<f64>) = if state_view {
                (vec![0.0; s.shortage.len()], s.shortage.clone())
            } else {
                s.capacity.iter().zip(&s.demand).map(|(c, d)| (*c, d.max(*c))).unzip()
            };
            plot_ui.add(FilledArea::new(format!("{label} – {}", s.name), &xs, &low, &high).fill_color(s.shortage_fill));
        }
        // Leading first and widest: the dashed lines of the others stay visible on top of it.
        for s in series {
            let demand_width = if s.leading { DEMAND_LINE_WIDTH * 1.4 } else { DEMAND_LINE_WIDTH } * factor;
            plot_ui.line(
                Line::new(format!("{} – {}", t.demand, s.name), PlotPoints::from_ys_f64(&s.demand))
                    .color(s.color)
                    .width(demand_width)
                    .style(s.style),
            );
            plot_ui.line(
                Line::new(format!("{} – {}", t.capacity, s.name), PlotPoints::new(step_points(&s.capacity)))
                    .color(s.color)
                    .width(CAPACITY_LINE_WIDTH * factor)
                    .style(s.style),
            );
        }
    })
    .response
}

/// A short sample of a line in `color` and `style`, `width` points thick; `step` draws it as a
/// step (as capacity is drawn).
fn line_sample_ui(ui: &mut egui::Ui, color: egui::Color32, style: LineStyle, width: f32, step: bool) {
    let (rect, _) = ui.allocate_exact_size(LINE_SAMPLE_SIZE, egui::Sense::hover());
    let (left, right, middle) = (rect.left() + 2.0, rect.right() - 2.0, rect.center().y);
    let path = if step {
        let x = rect.center().x;
        vec![
            egui::pos2(left, middle + 4.0),
            egui::pos2(x, middle + 4.0),
            egui::pos2(x, middle - 4.0),
            egui::pos2(right, middle - 4.0),
        ]
    } else {
        vec![egui::pos2(left, middle), egui::pos2(right, middle)]
    };
    let stroke = egui::Stroke::new(width, color);
    let shapes = match style {
        LineStyle::Solid => vec![egui::Shape::line(path, stroke)],
        LineStyle::Dashed { length } => egui::Shape::dashed_line(&path, stroke, length, length * 0.618),
        LineStyle::Dotted { spacing } => egui::Shape::dotted_line(&path, color, spacing, width),
    };
    ui.painter().extend(shapes);
}

/// One legend for all domain plots: what thick, thin and shaded mean, then each drawn scenario
/// with a sample of its line pattern in its colour.
fn legend_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) {
    let t = ctx.strings();
    let ink = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        line_sample_ui(ui, ink, LineStyle::Solid, DEMAND_LINE_WIDTH, false);
        ui.label(t.demand);
        line_sample_ui(ui, ink, LineStyle::Solid, CAPACITY_LINE_WIDTH, true);
        ui.label(t.capacity);
        // In front of a room the short word: the legend then takes one line less above the plot.
        let shortage = if ctx.selection.region_id.is_none() && !ctx.presentation { t.shortage_state } else { t.shortage };
        super::budget::swatch_ui(ui, shortage_fill(0), egui::Stroke::NONE);
        ui.label(shortage);
        if ctx.settings.show_bands {
            let gray = crate::ui::theme::LEGEND_NEUTRAL;
            super::budget::swatch_ui(ui, crate::ui::theme::band_fill(gray), egui::Stroke::NONE);
            ui.label(t.bands_band);
            line_sample_ui(ui, ink, LineStyle::dotted_dense(), 1.0, false);
            ui.label(t.bands_median);
        }
        // The scenarios in the same flow: the legend takes as few lines as the width allows.
        ui.add_space(8.0);
        for (slot, shown) in ctx.drawn_scenarios().into_iter().enumerate() {
            line_sample_ui(ui, shown.color, scenario_line_style(shown.index), DEMAND_LINE_WIDTH, false);
            // Its step of the shortage red, so the room can tell whose shortage an area is.
            super::budget::swatch_ui(ui, shortage_fill(slot), egui::Stroke::NONE);
            let text = egui::RichText::new(&shown.scenario.name).color(crate::ui::contrast::on_ui(ui, shown.color));
            ui.label(if shown.leading { text.strong() } else { text });
            ui.add_space(8.0);
        }
    });
}

/// The yearly cost plot; returns whether its picture was asked for.
fn cost_plot_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, height: f32) -> Option<SnapshotTarget> {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let asked = plot_title_ui(ui, t.cost_per_year, ctx).then_some(SnapshotTarget::CostPlot);
    let drawn = ctx.drawn_scenarios();
    let count = drawn.len().max(1) as f64;
    let bar_width = 0.8 / count;
    Plot::new("cost_plot")
        .allow_scroll(false)
        .height(height)
        // Top right: after the build-up years the bars are usually lower there than on the left.
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .include_y(0.0)
        .x_axis_formatter(|mark, _| if mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() })
        .y_grid_spacer(y_grid_spacer)
        .y_axis_formatter(move |mark, _| millions_label(language, mark))
        .show(ui, |plot_ui| {
            for (slot, shown) in drawn.iter().enumerate() {
                let (scenario, results) = (shown.scenario, shown.results);
                let offset = (slot as f64 - (count - 1.0) / 2.0) * bar_width;
                let bars = results
                    .cost_per_year
                    .iter()
                    .map(|(year, eur)| {
                        Bar::new(f64::from(*year) + offset, *eur).width(bar_width * 0.95).name(format!(
                            "{} {year}: {}",
                            scenario.name,
                            language.money(*eur)
                        ))
                    })
                    .collect();
                plot_ui.add(BarChart::new(scenario.name.clone(), bars).color(shown.color));
            }
            // One segment per budget year (same name: one legend entry), no NaN separators.
            for entry in &plan.budget {
                let year = f64::from(entry.year);
                let segment = PlotPoints::new(vec![[year - 0.45, entry.eur], [year + 0.45, entry.eur]]);
                plot_ui.line(Line::new(t.budget, segment).color(BUDGET_LINE).width(3.0));
            }
        });
    asked
}

/// A plot's title with its picture button; true when the button was clicked.
fn plot_title_ui(ui: &mut egui::Ui, title: &str, ctx: &PanelCtx<'_>) -> bool {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(crate::format::elide(title, 80)).strong()).on_hover_text(title);
        ui.small_button("PNG").on_hover_text(ctx.strings().save_plot_png).clicked()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::context::{PanelCtx, Selection};
    use crate::ui::panels::testing::{Bench, bench, click};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn each_compared_scenario_has_its_own_line_pattern_and_its_own_shortage() {
        let bench_state = Bench::on_sample(());
        let ctx = PanelCtx::new(&bench_state.session, &bench_state.selection, &bench_state.settings);
        let series = domain_series(&ctx, "kita");
        assert_eq!(series.len(), 3);
        for (a, first) in series.iter().enumerate() {
            for second in series.iter().skip(a + 1) {
                assert_ne!(first.style, second.style, "{} and {} look alike", first.name, second.name);
            }
        }
        assert!(series.iter().all(|s| s.shortage.iter().any(|v| *v > 0.0)), "every scenario runs short somewhere");
    }

    /// Issue 20, point 8: a shortage is red whatever the scenario's colour (green reads as
    /// "good"), and the compared scenarios' areas differ by the strength of that red.
    #[test]
    fn every_shortage_area_is_red_and_the_scenarios_differ_by_its_strength() {
        let bench_state = Bench::on_sample(());
        let ctx = PanelCtx::new(&bench_state.session, &bench_state.selection, &bench_state.settings);
        let series = domain_series(&ctx, "kita");
        assert!(series.iter().any(|s| s.color.g() > s.color.r()), "the sample draws a green scenario");
        let red = crate::ui::theme::ERROR_RED;
        let mut alphas = Vec::new();
        for s in &series {
            let [r, g, b, a] = s.shortage_fill.to_srgba_unmultiplied();
            let near = |a: u8, b: u8| a.abs_diff(b) <= 2;
            assert!(near(r, red.r()) && near(g, red.g()) && near(b, red.b()), "{}: the shortage red, not its colour", s.name);
            alphas.push(a);
        }
        assert!(alphas.windows(2).all(|w| w[0] > w[1]), "weaker for each further scenario: {alphas:?}");
    }

    #[test]
    fn the_hover_names_month_and_each_scenarios_demand_capacity_and_shortage() {
        let mut bench_state = Bench::on_sample(());
        bench_state.selection = Selection { region_id: Some("koeln".to_owned()), ..bench_state.selection.clone() };
        let ctx = PanelCtx::new(&bench_state.session, &bench_state.selection, &bench_state.settings);
        let series = domain_series(&ctx, "kita");
        let months = &bench_state.session.results().months;
        let t = ctx.strings();
        let index = 30;
        let text = hover_text(&series, months, index, t, ctx.language()).expect("inside the horizon");
        assert!(text.starts_with(&format!("Monat: {}", ctx.language().month(months[index]))), "{text}");
        for s in &series {
            assert!(text.contains(&s.name), "{text}");
            let demand = ctx.language().number(s.demand[index], if s.demand[index] < 10.0 { 1 } else { 0 });
            assert!(text.contains(&format!("Bedarf {demand}")), "{demand} in {text}");
            let shortage = ctx.language().number(s.shortage[index], if s.demand[index] < 10.0 { 1 } else { 0 });
            assert!(text.contains(&format!("Fehlende Plätze {shortage}")), "{shortage} in {text}");
        }
        assert_eq!(text.matches("Kapazität").count(), series.len());
        assert!(hover_text(&series, months, months.len(), t, ctx.language()).is_none());
    }

    #[test]
    fn side_by_side_draws_one_plot_per_scenario_and_overlaid_one() {
        let mut harness = bench(PlotsPanel::default());
        harness.run();
        let name = harness.state().session.plan().scenarios[1].name.clone();
        let domains = harness.state().session.plan().domains.len();
        let overlaid = harness.query_all_by_label(&name).count();
        click(&mut harness, "Nebeneinander");
        assert!(harness.state().panel.side_by_side);
        assert_eq!(harness.query_all_by_label(&name).count(), overlaid + domains, "a caption over each domain's plot");
        click(&mut harness, "Überlagert");
        assert!(!harness.state().panel.side_by_side);
        assert_eq!(harness.query_all_by_label(&name).count(), overlaid);
    }

    #[test]
    fn the_plots_panel_asks_for_a_picture_of_one_plot() {
        let mut harness = bench(PlotsPanel::default());
        harness.run();
        harness.get_all_by_label("PNG").next().expect("a button per plot").click();
        harness.run();
        assert_eq!(harness.state().actions, vec![Action::AskSnapshot(SnapshotTarget::DomainPlot(0))]);
        click(&mut harness, "Ansicht zurücksetzen");
        assert_eq!(harness.state().actions.len(), 1, "resetting the view is the panel's own business");
    }
}
