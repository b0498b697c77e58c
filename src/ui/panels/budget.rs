//! The budget view ("Haushalt", SPEC §6): per year the cost of the drawn scenarios stacked by
//! funding (secured, planned, open) against the budget, years over budget marked, then per
//! scenario the table and the unsecured amount per year written out.

use super::Panel;
use crate::engine::{BudgetRow, budget_rows};
use crate::ui::action::Action;
use crate::ui::context::{DrawnScenario, PanelCtx};
use crate::ui::i18n::Strings;
use crate::ui::theme::{BUDGET_LINE, BUDGET_PLOT_HEIGHT, ERROR_RED, FUNDING_OPEN, FUNDING_PLANNED, FUNDING_SECURED};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoint, PlotPoints, Points, Text};

/// The budget view (no state of its own).
#[derive(Debug, Default)]
pub struct BudgetPanel;

impl Panel for BudgetPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let drawn = ctx.drawn_scenarios();
        crate::ui::cells::heading_line(ui, format!("{} – {}", t.view_budget, ctx.plan().meta.title));
        funding_legend_ui(ui, t);
        scenario_key_ui(ui, ctx, &drawn);
        egui::ScrollArea::both().id_salt("budget_scroll").show(ui, |ui| {
            budget_chart_ui(ui, ctx, &drawn, BUDGET_PLOT_HEIGHT);
            for shown in &drawn {
                ui.add_space(8.0);
                ui.separator();
                ui.label(
                    egui::RichText::new(format!("■ {}", shown.scenario.name))
                        .color(crate::ui::contrast::on_ui(ui, shown.color))
                        .strong()
                        .size(17.0),
                );
                budget_table_ui(ui, ctx, shown, &format!("budget_table_{}", shown.scenario.id));
                unsecured_sentences_ui(ui, ctx, shown);
            }
        });
        Vec::new()
    }
}

/// Which bar of a year is which scenario: "Balken je Jahr von links: 1 Basis 2025 · 2 …".
fn scenario_key_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, drawn: &[DrawnScenario<'_>]) {
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.strings().bars_from_left);
        for (slot, shown) in drawn.iter().enumerate() {
            ui.label(
                egui::RichText::new(format!("{} {}", slot + 1, shown.scenario.name))
                    .color(crate::ui::contrast::on_ui(ui, shown.color)),
            );
        }
    });
}

/// What tells the three parts of a bar apart besides their colour: a swatch drawn like the bar
/// (solid, lighter, outline only) and a word each.
fn funding_legend_ui(ui: &mut egui::Ui, t: &Strings) {
    ui.horizontal_wrapped(|ui| {
        for (label, fill, stroke) in [
            (t.funding_secured, FUNDING_SECURED, FUNDING_SECURED),
            (t.funding_planned, FUNDING_PLANNED.gamma_multiply(0.75), FUNDING_PLANNED),
            (t.funding_open, FUNDING_OPEN.gamma_multiply(0.15), FUNDING_OPEN),
            (t.over_budget, egui::Color32::TRANSPARENT, ERROR_RED),
        ] {
            swatch_ui(ui, fill, egui::Stroke::new(2.0, stroke));
            ui.label(label);
            ui.add_space(6.0);
        }
        ui.label(egui::RichText::new(format!("— {}", t.budget)).color(BUDGET_LINE).strong());
    });
}

/// A small legend square with this fill and outline.
pub fn swatch_ui(ui: &mut egui::Ui, fill: egui::Color32, stroke: egui::Stroke) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect(rect.shrink(1.0), 1.0, fill, stroke, egui::StrokeKind::Inside);
}

/// The sentence of one year: `2027: 492,9 Mio. € noch nicht gesichert`.
pub fn unsecured_sentence(ctx: &PanelCtx<'_>, row: &BudgetRow) -> String {
    format!("{}: {} {}", row.year, ctx.language().money(row.unsecured_eur()), ctx.strings().unsecured)
}

/// Stacked bars per year and drawn scenario (side by side), the budget as a line with markers,
/// and the years over budget outlined in red and labelled.
pub fn budget_chart_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, drawn: &[DrawnScenario<'_>], height: f32) {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    ui.label(egui::RichText::new(t.budget_chart).strong());
    let count = drawn.len().max(1) as f64;
    let bar_width = 0.8 / count;
    let over_budget_text = crate::ui::contrast::error_text(ui);
    Plot::new("budget_plot")
        .height(height)
        .include_y(0.0)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| if mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() })
        .y_grid_spacer(crate::ui::y_scale::y_grid_spacer)
        .y_axis_formatter(move |mark, _| crate::ui::y_scale::millions_label(language, mark))
        .show(ui, |plot_ui| {
            for (slot, shown) in drawn.iter().enumerate() {
                let offset = (slot as f64 - (count - 1.0) / 2.0) * bar_width;
                let rows = budget_rows(shown.results);
                let name = &shown.scenario.name;
                let part = |label: &str, color: egui::Color32, fill: egui::Color32, value: fn(&BudgetRow) -> f64| {
                    let bars = rows
                        .iter()
                        .map(|row| {
                            let stroke =
                                if row.over_budget() { egui::Stroke::new(2.5, ERROR_RED) } else { egui::Stroke::new(1.5, color) };
                            Bar::new(f64::from(row.year) + offset, value(row))
                                .width(bar_width * 0.9)
                                .fill(fill)
                                .stroke(stroke)
                                .name(format!("{name} {}: {label} {}", row.year, language.money(value(row))))
                        })
                        .collect();
                    BarChart::new(format!("{label} ({name})"), bars).color(color)
                };
                let secured = part(t.funding_secured, FUNDING_SECURED, FUNDING_SECURED, |r| r.secured_eur);
                let planned = part(t.funding_planned, FUNDING_PLANNED, FUNDING_PLANNED.gamma_multiply(0.75), |r| r.planned_eur)
                    .stack_on(&[&secured]);
                let open = part(t.funding_open, FUNDING_OPEN, FUNDING_OPEN.gamma_multiply(0.15), |r| r.open_eur)
                    .stack_on(&[&secured, &planned]);
                plot_ui.bar_chart(secured);
                plot_ui.bar_chart(planned);
                plot_ui.bar_chart(open);
            }
            // One label per year over budget, above its tallest bar (the legend above explains
            // the rest: a plot legend would list every bar chart and cover the bars).
            let mut tallest_over: Vec<(i32, f64)> = Vec::new();
            for row in drawn.iter().flat_map(|shown| budget_rows(shown.results)).filter(BudgetRow::over_budget) {
                match tallest_over.iter_mut().find(|(year, _)| *year == row.year) {
                    Some((_, top)) => *top = top.max(row.total_eur()),
                    None => tallest_over.push((row.year, row.total_eur())),
                }
            }
            // Each bar carries the number of its scenario (the key is above the chart).
            let highest = drawn.iter().flat_map(|shown| budget_rows(shown.results)).map(|r| r.total_eur()).fold(0.0, f64::max);
            for (slot, shown) in drawn.iter().enumerate() {
                let offset = (slot as f64 - (count - 1.0) / 2.0) * bar_width;
                for row in budget_rows(shown.results) {
                    let at = PlotPoint::new(f64::from(row.year) + offset, row.total_eur());
                    let number = egui::RichText::new((slot + 1).to_string()).strong();
                    plot_ui.text(
                        Text::new(format!("{} {}", shown.scenario.name, row.year), at, number)
                            .anchor(egui::Align2::CENTER_BOTTOM),
                    );
                }
            }
            for (year, top) in tallest_over {
                let label = egui::RichText::new(t.over_budget).color(over_budget_text).strong();
                // Above the scenario numbers.
                let at = PlotPoint::new(f64::from(year), top + highest * 0.07);
                plot_ui.text(Text::new(format!("{} {year}", t.over_budget), at, label).anchor(egui::Align2::CENTER_BOTTOM));
            }
            // One segment per budget year (same name: one legend entry), with a marker each.
            for entry in &plan.budget {
                let year = f64::from(entry.year);
                let segment = PlotPoints::new(vec![[year - 0.45, entry.eur], [year + 0.45, entry.eur]]);
                plot_ui.line(Line::new(t.budget, segment).color(BUDGET_LINE).width(3.0));
                plot_ui.points(Points::new(t.budget, vec![[year, entry.eur]]).color(BUDGET_LINE).radius(4.0));
            }
        });
}

/// The table of one scenario: year, secured, planned, open, total, budget, balance, unsecured.
pub fn budget_table_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, shown: &DrawnScenario<'_>, id: &str) {
    let t = ctx.strings();
    let language = ctx.language();
    // One unit in the whole table (millions, two decimals), said once above it: "0,13" beside
    // "27,20", never "126.667 €" beside "27,2 Mio. €"; without the unit in every cell the
    // table fits a 1024×768 projector, "Saldo" included (issue 20).
    let money = |eur: f64| {
        let number = language.number(eur / 1e6, 2);
        if number.trim_start_matches('-').chars().all(|c| c == '0' || c == ',' || c == '.') {
            number.replace('-', "")
        } else {
            number
        }
    };
    ui.label(egui::RichText::new(t.amounts_in_millions).weak());
    egui::Grid::new(id).striped(true).num_columns(8).min_col_width(48.0).show(ui, |ui| {
        for header in [t.year, t.funding_secured, t.funding_planned, t.funding_open, t.totals, t.budget, t.balance, t.unsecured] {
            let shown = ui.label(egui::RichText::new(super::indicators::two_lines(header)).strong());
            shown.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, header));
        }
        ui.end_row();
        for row in budget_rows(shown.results) {
            let over = row.over_budget();
            let year = egui::RichText::new(row.year.to_string());
            if over {
                ui.label(year.color(crate::ui::contrast::error_text(ui)).strong()).on_hover_text(t.over_budget);
            } else {
                ui.label(year);
            }
            for eur in [row.secured_eur, row.planned_eur, row.open_eur, row.total_eur()] {
                ui.label(money(eur));
            }
            ui.label(row.budget_eur.map_or_else(|| t.no_budget.to_owned(), &money));
            match row.balance_eur {
                Some(balance) if over => {
                    let said = format!("{} ({})", money(balance), t.over_budget);
                    let shown = ui.label(
                        egui::RichText::new(format!("{} ⚠", money(balance))).color(crate::ui::contrast::error_text(ui)).strong(),
                    );
                    shown.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &said));
                    shown.on_hover_text(t.over_budget)
                }
                Some(balance) => ui.label(money(balance)),
                None => ui.label("–"),
            };
            ui.label(money(row.unsecured_eur()));
            ui.end_row();
        }
    });
}

/// The unsecured amount of every year that has one, as sentences.
pub fn unsecured_sentences_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, shown: &DrawnScenario<'_>) {
    let rows: Vec<BudgetRow> = budget_rows(shown.results).into_iter().filter(|row| row.unsecured_eur() > 0.0).collect();
    if rows.is_empty() {
        ui.label(ctx.strings().all_secured);
    }
    for row in rows {
        let text = egui::RichText::new(unsecured_sentence(ctx, &row));
        ui.label(if row.over_budget() { text.color(crate::ui::contrast::error_text(ui)) } else { text });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::bench;
    use egui_kittest::kittest::{NodeT, Queryable};

    #[test]
    fn the_budget_view_writes_out_the_unsecured_amount_of_each_year() {
        let mut harness = bench(BudgetPanel);
        harness.run();
        let state = harness.state();
        let results = state.session.scenario_results(&state.selection.scenario_id).expect("results");
        let row = budget_rows(results).into_iter().find(|r| r.year == 2027).expect("2027 is in the horizon");
        assert!(row.unsecured_eur() > 0.0);
        let expected = format!("2027: {} noch nicht gesichert", crate::format::german_number(row.unsecured_eur() / 1e6, 1));
        let expected = expected.replace(" noch", " Mio. € noch");
        assert!(harness.query_all_by_label(&expected).next().is_some(), "{expected}");
        assert!(harness.query_all_by_label("Saldo").next().is_some());
    }

    #[test]
    fn each_bar_of_a_year_is_numbered_by_its_scenario_and_the_table_keeps_one_unit() {
        let mut harness = bench(BudgetPanel);
        harness.run();
        let names: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.name.clone()).collect();
        assert!(harness.query_by_label("Balken je Jahr von links:").is_some());
        for (slot, name) in names.iter().enumerate() {
            assert!(harness.query_by_label(&format!("{} {name}", slot + 1)).is_some(), "key of bar {}", slot + 1);
        }
        // One unit, said once per table; small amounts are millions too: "0,13", never "126.667".
        assert_eq!(harness.query_all_by_label("Beträge in Mio. €").count(), names.len());
        let euro_cells: Vec<String> = harness
            .query_all_by_label_contains("€")
            // Labels keep their text as the node's value in AccessKit.
            .filter_map(|node| node.accesskit_node().value())
            .filter(|label| !label.contains(':') && !label.starts_with("Beträge"))
            .collect();
        assert!(euro_cells.is_empty(), "no unit in the cells: {euro_cells:?}");
    }
}
