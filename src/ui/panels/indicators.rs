//! Indicators per domain and scenario, yearly costs against the budget, regions short first.

use super::Panel;
use crate::engine::Results;
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::theme::{ERROR_RED, GOOD_GREEN};

/// The indicators panel (no state of its own).
#[derive(Debug, Default)]
pub struct IndicatorsPanel;

/// One region's earliest shortage in the scenario `scenario_id`: (month index, region index,
/// domain index), earliest first; indices into the results.
pub fn regions_short_first(results: &Results, scenario_id: &str) -> Vec<(usize, usize, usize)> {
    let Some(scenario) = results.scenarios.iter().find(|s| s.id == scenario_id) else { return Vec::new() };
    let mut list: Vec<(usize, usize, usize)> = scenario
        .regions
        .iter()
        .enumerate()
        .filter_map(|(r, region)| {
            region.domains.iter().enumerate().filter_map(|(d, figures)| figures.first_shortage.map(|t| (t, r, d))).min()
        })
        .collect();
    list.sort();
    list
}

impl Panel for IndicatorsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let clicked_region = ui
            .horizontal_top(|ui| {
                ui.vertical(|ui| domain_indicators_ui(ctx, ui));
                ui.separator();
                ui.vertical(|ui| costs_ui(ctx, ui));
                ui.separator();
                ui.vertical(|ui| regions_short_first_ui(ctx, ui)).inner
            })
            .inner;
        clicked_region.map(|id| Action::SelectRegion(Some(id))).into_iter().collect()
    }
}

fn domain_indicators_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) {
    let t = ctx.strings();
    let language = ctx.language();
    let drawn = ctx.drawn_scenarios();
    ui.heading(t.indicators);
    egui::Grid::new("indicators").striped(true).num_columns(6).show(ui, |ui| {
        ui.strong(t.col_domain);
        ui.strong(t.scenario);
        ui.strong(t.first_shortage);
        ui.strong(t.peak_shortage);
        ui.strong(t.place_months);
        ui.strong(t.shortage_probability);
        ui.end_row();
        for domain in &ctx.plan().domains {
            let mut first_row = true;
            for shown in &drawn {
                let Some(figures) = shown.results.domain(&domain.id) else { continue };
                if first_row {
                    ui.label(egui::RichText::new(&domain.name).strong());
                } else {
                    ui.label("");
                }
                first_row = false;
                ui.label(egui::RichText::new(&shown.scenario.name).color(shown.color));
                let i = &figures.indicators;
                match i.first_shortage_month {
                    Some(month) => ui.label(egui::RichText::new(language.month(month)).color(ERROR_RED)),
                    None => ui.label(egui::RichText::new(t.none).color(GOOD_GREEN)),
                };
                let peak = match i.peak_shortage_month {
                    Some(month) => format!("{} ({})", language.number(i.peak_shortage, 0), language.month(month)),
                    None => language.number(0.0, 0),
                };
                ui.label(peak);
                ui.label(language.number(i.shortage_place_months, 0));
                shortage_probability_ui(ctx, ui, &shown.scenario.id, &domain.id);
                ui.end_row();
            }
        }
    });
}

/// The share of runs with a shortage in any month (`73 %`), `—` while not computed.
fn shortage_probability_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui, scenario_id: &str, domain_id: &str) {
    let bands = ctx.session.bands().of(scenario_id).filter(|_| ctx.settings.show_bands);
    match bands.and_then(|b| b.domains.iter().find(|d| d.id == domain_id)) {
        Some(domain) => {
            let share = domain.any_shortage_probability;
            let text = egui::RichText::new(ctx.language().percent(share));
            ui.label(if share > 0.0 { text.color(ERROR_RED) } else { text.color(GOOD_GREEN) });
        }
        None => {
            ui.label("—").on_hover_text(ctx.strings().not_computed_hint);
        }
    }
}

fn costs_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) {
    let t = ctx.strings();
    let plan = ctx.plan();
    let drawn = ctx.drawn_scenarios();
    ui.heading(t.yearly_cost);
    egui::Grid::new("yearly_costs").striped(true).show(ui, |ui| {
        ui.label(t.year);
        for shown in &drawn {
            ui.label(egui::RichText::new(&shown.scenario.name).color(shown.color));
        }
        ui.label(t.budget);
        ui.end_row();
        let years: Vec<i32> = ctx
            .session
            .results()
            .scenarios
            .first()
            .map(|s| s.cost_per_year.iter().map(|(y, _)| *y).collect())
            .unwrap_or_default();
        for year in years {
            ui.label(year.to_string());
            let budget = plan.budget.iter().find(|b| b.year == year).map(|b| b.eur);
            for shown in &drawn {
                let cost = shown.results.cost_per_year.iter().find(|(y, _)| *y == year).map_or(0.0, |(_, c)| *c);
                let text = ctx.language().money(cost);
                if budget.is_some_and(|b| cost > b) {
                    ui.label(egui::RichText::new(text).color(ERROR_RED)).on_hover_text(t.over_budget);
                } else {
                    ui.label(text);
                }
            }
            ui.label(budget.map(|eur| ctx.language().money(eur)).unwrap_or_else(|| "–".to_owned()));
            ui.end_row();
        }
    });
}

fn regions_short_first_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) -> Option<String> {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let results = ctx.session.results();
    ui.heading(t.regions_short_first);
    let list = regions_short_first(results, &ctx.selection.scenario_id);
    if list.is_empty() {
        ui.label(egui::RichText::new(t.no_region_short).color(GOOD_GREEN));
    }
    let mut clicked_region = None;
    for (month_index, r, d) in list.into_iter().take(25) {
        let region = results.region_ids.get(r).and_then(|id| plan.regions.iter().find(|region| region.id == *id));
        let domain = results.domain_ids.get(d).and_then(|id| plan.domains.iter().find(|domain| domain.id == *id));
        let (Some(region), Some(domain), Some(month)) = (region, domain, results.months.get(month_index)) else {
            continue;
        };
        let selected = ctx.selection.region_id.as_deref() == Some(region.id.as_str());
        let text = format!("{} – {} ({})", language.month(*month), region.name, domain.name);
        if ui.selectable_label(selected, text).clicked() {
            clicked_region = Some(region.id.clone());
        }
    }
    clicked_region
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::bench;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_indicators_panel_selects_a_region_that_runs_short() {
        let mut harness = bench(IndicatorsPanel);
        harness.run();
        let bench_state = harness.state();
        let first = regions_short_first(bench_state.session.results(), &bench_state.selection.scenario_id);
        let (_, region_index, _) = first[0];
        let region = bench_state.session.plan().regions[region_index].clone();
        let entry = format!("– {} (", region.name);
        harness.get_by_label_contains(&entry).scroll_to_me();
        harness.run();
        harness.get_by_label_contains(&entry).click();
        harness.run();
        assert_eq!(harness.state().actions, vec![Action::SelectRegion(Some(region.id))]);
    }
}
