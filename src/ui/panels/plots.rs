//! Capacity plots per domain (demand, capacity, shortage) with linked month axes, and the cost plot.

use super::Panel;
use crate::model::Month;
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::i18n::Language;
use crate::ui::snapshot::SnapshotTarget;
use crate::ui::theme::{BUDGET_LINE, PLOT_HEIGHT, PRESENTATION_LINE_FACTOR, SHORTAGE_FILL, band_fill};
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
    /// Its P10–P90 band of the demand, when the bands are on and computed.
    pub band: Option<SeriesBand>,
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
fn series_band(ctx: &PanelCtx<'_>, scenario_id: &str, domain_id: &str, region_index: Option<usize>) -> Option<SeriesBand> {
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
        .filter_map(|shown| {
            let domain_index = ctx.session.results().domain_ids.iter().position(|id| id == domain_id)?;
            let curves = crate::picture::series::domain_curves(shown.results, domain_index, region_index)?;
            Some(DomainSeries {
                name: shown.scenario.name.clone(),
                color: shown.color,
                demand: curves.demand,
                capacity: curves.capacity,
                shortage: curves.shortage,
                leading: shown.leading,
                band: series_band(ctx, &shown.scenario.id, domain_id, region_index),
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

/// The plots panel: whether the plot views go back to showing everything in the next frame.
#[derive(Debug, Default)]
pub struct PlotsPanel {
    reset: bool,
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
        let language = ctx.language();
        let plan = ctx.plan();
        let plot_height = PLOT_HEIGHT;
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!("{} – {}", plan.meta.title, ctx.place_name()));
            if ui.button(t.reset_view).clicked() {
                self.reset = true;
            }
            // In presentation mode the big switch beside the plots does this.
            if !ctx.presentation {
                actions.extend(bands_toolbar_ui(ui, ctx));
            }
        });
        legend_ui(ctx, ui);
        let link = egui::Id::unique("linked_months");
        let reset = self.reset;
        let months = &ctx.session.results().months;
        let mut asked = None;
        egui::ScrollArea::vertical().id_salt("plots_scroll").show(ui, |ui| {
            for (d, domain) in plan.domains.iter().enumerate() {
                let series = domain_series(ctx, &domain.id);
                if plot_title_ui(ui, &format!("{} ({})", domain.name, domain.unit), ctx) {
                    asked = Some(SnapshotTarget::DomainPlot(d));
                }
                let state_view = ctx.selection.region_id.is_none();
                let probabilities: Vec<(&str, &[f64])> = series
                    .iter()
                    .filter_map(|s| s.band.as_ref().map(|band| (s.name.as_str(), band.shortage_probability.as_slice())))
                    .collect();
                let mut plot = Plot::new(("domain_plot", d))
                    .height(plot_height)
                    .show_crosshair(true)
                    .link_axis(link, [true, false])
                    .link_cursor(link, [true, false])
                    .include_y(0.0)
                    .x_grid_spacer(month_grid(months))
                    .x_axis_formatter(|mark, _| month_label(months, mark.value, language))
                    .y_axis_formatter(move |mark, _| language.number(mark.value, 0))
                    .label_formatter(|hover| {
                        let (name, position) = match hover {
                            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => (*plot_name, *position),
                            egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
                        };
                        let month = month_label(months, position.x, language);
                        let mut text = format!("{name}\n{}: {month}\n{}", t.month, language.number(position.y, 1));
                        let index = position.x.round();
                        for (scenario, shares) in &probabilities {
                            if index >= 0.0
                                && let Some(share) = shares.get(index as usize)
                            {
                                text.push_str(&format!("\n{} {scenario}: {}", t.shortage_probability, language.percent(*share)));
                            }
                        }
                        Some(text)
                    });
                if reset {
                    plot = plot.reset();
                }
                plot.show(ui, |plot_ui| {
                    // Bands first, so that every line is drawn over them.
                    for s in &series {
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
                    for s in &series {
                        let width = if s.leading { 2.5 } else { 1.5 };
                        let width = if ctx.presentation { width * PRESENTATION_LINE_FACTOR } else { width };
                        if s.leading {
                            let xs: Vec<f64> = (0..s.demand.len()).map(|t| t as f64).collect();
                            let (low, high): (Vec<f64>, Vec<f64>) = if state_view {
                                (vec![0.0; s.shortage.len()], s.shortage.clone())
                            } else {
                                s.capacity.iter().zip(&s.demand).map(|(c, d)| (*c, d.max(*c))).unzip()
                            };
                            let label = if state_view { t.shortage_state } else { t.shortage };
                            plot_ui.add(
                                FilledArea::new(format!("{label} ({})", s.name), &xs, &low, &high).fill_color(SHORTAGE_FILL),
                            );
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
                ui.add_space(6.0);
            }
            asked = asked.or(cost_plot_ui(ui, ctx, plot_height));
        });
        asked
    }
}

/// One legend for all domain plots: line styles, then each drawn scenario in its colour.
fn legend_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) {
    let t = ctx.strings();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("—— {}", t.demand));
        ui.label(format!("- - {}", t.capacity));
        let shortage = if ctx.selection.region_id.is_none() { t.shortage_state } else { t.shortage };
        ui.label(egui::RichText::new(format!("■ {shortage}")).color(crate::ui::theme::ERROR_RED));
        if ctx.settings.show_bands {
            let gray = egui::Color32::GRAY;
            super::budget::swatch_ui(ui, crate::ui::theme::band_fill(gray), egui::Stroke::NONE);
            ui.label(t.bands_band);
            ui.label(format!("··· {}", t.bands_median));
        }
        ui.separator();
        for shown in ctx.drawn_scenarios() {
            let text = egui::RichText::new(format!("■ {}", shown.scenario.name)).color(shown.color);
            ui.label(if shown.leading { text.strong() } else { text });
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
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .include_y(0.0)
        .x_axis_formatter(|mark, _| if mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() })
        .y_axis_formatter(move |mark, _| language.millions(mark.value, 0))
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
        ui.label(egui::RichText::new(title).strong());
        ui.small_button("PNG").on_hover_text(ctx.strings().save_plot_png).clicked()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, click};
    use egui_kittest::kittest::Queryable;

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
