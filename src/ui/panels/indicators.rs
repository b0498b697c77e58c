//! Indicators per domain and scenario, yearly costs against the budget, regions short first.

use crate::ui::app::App;
use crate::ui::theme::{ERROR_RED, GOOD_GREEN, scenario_color};

/// One region's earliest shortage: (month index, region index, domain index).
pub fn regions_short_first(app: &App) -> Vec<(usize, usize, usize)> {
    let Some(scenario) = app.results.scenarios.iter().find(|s| s.id == app.view.scenario_id) else { return Vec::new() };
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

/// The indicators panel.
pub fn indicators_ui(app: &mut App, ui: &mut egui::Ui) {
    let clicked_region = ui
        .horizontal_top(|ui| {
            ui.vertical(|ui| domain_indicators_ui(app, ui));
            ui.separator();
            ui.vertical(|ui| costs_ui(app, ui));
            ui.separator();
            ui.vertical(|ui| regions_short_first_ui(app, ui)).inner
        })
        .inner;
    if let Some(id) = clicked_region {
        app.view.region_id = Some(id);
    }
}

fn domain_indicators_ui(app: &App, ui: &mut egui::Ui) {
    let t = app.strings();
    let language = app.settings.language;
    let plan = &app.doc.plan;
    ui.heading(t.indicators);
    egui::Grid::new("indicators").striped(true).num_columns(5).show(ui, |ui| {
        ui.strong(t.col_domain);
        ui.strong(t.scenario);
        ui.strong(t.first_shortage);
        ui.strong(t.peak_shortage);
        ui.strong(t.place_months);
        ui.end_row();
        for (d, domain) in plan.domains.iter().enumerate() {
            let mut first_row = true;
            for (index, scenario) in app.results.scenarios.iter().enumerate() {
                if scenario.id != app.view.scenario_id && !app.view.compared_ids.contains(&scenario.id) {
                    continue;
                }
                let Some(figures) = scenario.domains.get(d) else { continue };
                if first_row {
                    ui.label(egui::RichText::new(&domain.name).strong());
                } else {
                    ui.label("");
                }
                first_row = false;
                let color = scenario_color(plan.scenarios.get(index).and_then(|s| s.color.as_deref()), index);
                ui.label(egui::RichText::new(&scenario.name).color(color));
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
                ui.end_row();
            }
        }
    });
}

fn costs_ui(app: &App, ui: &mut egui::Ui) {
    let t = app.strings();
    let plan = &app.doc.plan;
    ui.heading(t.yearly_cost);
    egui::Grid::new("yearly_costs").striped(true).show(ui, |ui| {
        ui.label(t.year);
        for scenario in
            app.results.scenarios.iter().filter(|s| s.id == app.view.scenario_id || app.view.compared_ids.contains(&s.id))
        {
            ui.label(&scenario.name);
        }
        ui.label(t.budget);
        ui.end_row();
        let years: Vec<i32> =
            app.results.scenarios.first().map(|s| s.cost_per_year.iter().map(|(y, _)| *y).collect()).unwrap_or_default();
        for year in years {
            ui.label(year.to_string());
            let budget = plan.budget.iter().find(|b| b.year == year).map(|b| b.eur);
            for scenario in
                app.results.scenarios.iter().filter(|s| s.id == app.view.scenario_id || app.view.compared_ids.contains(&s.id))
            {
                let cost = scenario.cost_per_year.iter().find(|(y, _)| *y == year).map_or(0.0, |(_, c)| *c);
                let text = crate::format::german_euro(cost);
                if budget.is_some_and(|b| cost > b) {
                    ui.label(egui::RichText::new(text).color(ERROR_RED)).on_hover_text(t.over_budget);
                } else {
                    ui.label(text);
                }
            }
            ui.label(budget.map(crate::format::german_euro).unwrap_or_else(|| "–".to_owned()));
            ui.end_row();
        }
    });
}

fn regions_short_first_ui(app: &App, ui: &mut egui::Ui) -> Option<String> {
    let t = app.strings();
    let language = app.settings.language;
    let plan = &app.doc.plan;
    ui.heading(t.regions_short_first);
    let list = regions_short_first(app);
    if list.is_empty() {
        ui.label(egui::RichText::new(t.no_region_short).color(GOOD_GREEN));
    }
    let mut clicked_region = None;
    for (month_index, r, d) in list.into_iter().take(25) {
        let (Some(region), Some(domain), Some(month)) =
            (plan.regions.get(r), plan.domains.get(d), app.results.months.get(month_index))
        else {
            continue;
        };
        let selected = app.view.region_id.as_deref() == Some(region.id.as_str());
        let text = format!("{} – {} ({})", language.month(*month), region.name, domain.name);
        if ui.selectable_label(selected, text).clicked() {
            clicked_region = Some(region.id.clone());
        }
    }
    clicked_region
}
