//! The view "Gruppen & Personal" (SPEC §11): per planning year and domain the places, whole
//! groups (or classes), staff and running cost missing, for the current scenario and the
//! compared ones; below, the regions that miss groups in the chosen year, most first.

use super::Panel;
use crate::engine::{GroupFigures, PlanningDomainFigures, PlanningYearResults};
use crate::model::{Domain, PlanningYear};
use crate::ui::action::Action;
use crate::ui::context::{DrawnScenario, PanelCtx};
use crate::ui::document::Command;

/// The groups view; remembers the chosen planning year by its name.
#[derive(Debug, Default)]
pub struct GroupsPanel {
    /// The planning year whose regions are listed (`None` = the first).
    pub chosen_year: Option<String>,
}

impl Panel for GroupsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let mut actions = Vec::new();
        crate::ui::cells::heading_line(ui, format!("{} – {}", t.view_groups, ctx.plan().meta.title));
        actions.extend(planning_year_editor_ui(ui, ctx));
        let drawn = ctx.drawn_scenarios();
        let Some(leading) = drawn.iter().find(|d| d.leading).or(drawn.first()) else {
            ui.label(t.groups_no_results);
            return actions;
        };
        let years = &leading.results.planning_years;
        if years.is_empty() {
            ui.label(t.groups_no_years);
            return actions;
        }
        if !ctx.plan().domains.iter().any(|d| d.planning.is_some()) {
            ui.label(egui::RichText::new(t.groups_no_planning).italics());
        }
        egui::ScrollArea::both().id_salt("groups_scroll").show(ui, |ui| {
            groups_table_ui(ui, ctx, &drawn);
            ui.add_space(10.0);
            ui.separator();
            actions.extend(self.regions_ui(ui, ctx, leading));
        });
        actions
    }
}

/// "Planungsjahr beginnt im Monat …, Stichtag im Monat …": two month choosers that edit the plan.
fn planning_year_editor_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let current = ctx.plan().planning_year_or_default();
    let mut start = current.start_month;
    let mut reference = current.reference_month_or_start();
    ui.horizontal_wrapped(|ui| {
        ui.label(t.planning_year_starts);
        month_combo_ui(ui, "planning_year_start", t.planning_year_starts, &mut start, ctx);
        ui.label(t.planning_year_reference);
        month_combo_ui(ui, "planning_year_reference", t.planning_year_reference, &mut reference, ctx);
    });
    if start == current.start_month && reference == current.reference_month_or_start() {
        return Vec::new();
    }
    let mut year = ctx.plan().planning_year.clone().unwrap_or_default();
    year.start_month = start;
    year.reference_month = Some(reference);
    vec![Action::Edit(Command::SetPlanningYear(Some(PlanningYear { ..year })))]
}

fn month_combo_ui(ui: &mut egui::Ui, id: &str, label: &str, month: &mut u32, ctx: &PanelCtx<'_>) {
    let names = ctx.strings().month_names;
    let shown = names.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
    let response = egui::ComboBox::from_id_salt(id).selected_text(shown).show_ui(ui, |ui| {
        for (index, name) in names.iter().enumerate() {
            ui.selectable_value(month, index as u32 + 1, *name);
        }
    });
    let text = label.to_owned();
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &text));
}

/// One row label per figure, in the domain's own word for its groups.
fn figure_rows(domain: &Domain, ctx: &PanelCtx<'_>) -> Vec<(String, Figure)> {
    let t = ctx.strings();
    let mut rows = vec![(t.groups_missing_places.to_owned(), Figure::Places)];
    if let Some(planning) = &domain.planning {
        let word = crate::domain_words::group_word(planning, ctx.language());
        rows.push((format!("{} {word}", t.groups_missing_prefix), Figure::Groups));
        rows.push((t.groups_missing_staff.to_owned(), Figure::Staff));
        rows.push((t.groups_running_cost.to_owned(), Figure::Cost));
    }
    rows
}

/// Which number of a domain's planning-year figures a row shows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Figure {
    Places,
    Groups,
    Staff,
    Cost,
}

fn figure_text(figures: Option<&PlanningDomainFigures>, figure: Figure, ctx: &PanelCtx<'_>) -> String {
    let language = ctx.language();
    let Some(figures) = figures else { return "–".to_owned() };
    let groups = |f: fn(&GroupFigures) -> f64| figures.groups.as_ref().map(f);
    match figure {
        Figure::Places => language.number(figures.shortage.round(), 0),
        Figure::Groups => groups(|g| g.groups_missing).map_or("–".to_owned(), |v| language.number(v, 0)),
        Figure::Staff => groups(|g| g.staff_missing).map_or("–".to_owned(), |v| language.number(v, 1)),
        Figure::Cost => groups(|g| g.running_cost_missing_eur).map_or("–".to_owned(), |v| language.money(v)),
    }
}

/// Width of the name column and of a year's column of the table (points).
const NAME_COLUMN: f32 = 230.0;
const YEAR_COLUMN: f32 = 92.0;

/// One cell of the table, cut with "…" when its text is wider (the whole text on hover); names
/// stand left, numbers (`width` of a year's column) right.
fn cell_ui(ui: &mut egui::Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    let layout = if width < NAME_COLUMN {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    ui.allocate_ui_with_layout(egui::vec2(width, height), layout, |ui| {
        ui.set_min_width(width);
        ui.add(egui::Label::new(text).truncate())
    })
    .inner
}

/// The table: a column per planning year; per domain a heading and per figure a row per drawn
/// scenario, the figure as a heading above its scenarios. Fixed column widths keep the years of
/// every domain aligned, and five years fit beside the names at 1280 px.
fn groups_table_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, drawn: &[DrawnScenario<'_>]) {
    let t = ctx.strings();
    let plan = ctx.plan();
    let Some(first) = drawn.first() else { return };
    egui::Grid::new("groups_years").spacing([8.0, 4.0]).show(ui, |ui| {
        cell_ui(ui, NAME_COLUMN, egui::RichText::new(t.groups_figure).strong());
        for span in &first.results.planning_years {
            cell_ui(ui, YEAR_COLUMN, egui::RichText::new(&span.span.name).strong()).on_hover_text(format!(
                "{} {}",
                t.planning_year_reference,
                ctx.language().month(span.span.reference_month)
            ));
        }
        ui.end_row();
    });
    for (d, domain) in plan.domains.iter().enumerate() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(crate::domain_words::domain_title(domain, ctx.language())).strong().size(16.0));
        egui::Grid::new(("groups_table", d)).striped(true).spacing([8.0, 4.0]).show(ui, |ui| {
            for (label, figure) in figure_rows(domain, ctx) {
                cell_ui(ui, NAME_COLUMN, egui::RichText::new(&label).strong());
                ui.end_row();
                for shown in drawn {
                    let name = egui::RichText::new(format!("    {}", shown.scenario.name))
                        .color(crate::ui::contrast::on_ui(ui, shown.color));
                    cell_ui(ui, NAME_COLUMN, name).on_hover_text(format!("{label} – {}", shown.scenario.name));
                    for year in &shown.results.planning_years {
                        let figures = year.domains.get(d).filter(|f| f.id == domain.id);
                        cell_ui(ui, YEAR_COLUMN, figure_text(figures, figure, ctx));
                    }
                    ui.end_row();
                }
            }
        });
    }
}

impl GroupsPanel {
    /// The chosen year's regions that miss groups, most first, for the current scenario; a click
    /// selects the region.
    fn regions_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, leading: &DrawnScenario<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let plan = ctx.plan();
        let years = &leading.results.planning_years;
        let chosen = self.chosen_year.as_ref().and_then(|name| years.iter().find(|y| &y.span.name == name)).or(years.first());
        let Some(chosen) = chosen else { return Vec::new() };
        let mut picked = chosen.span.name.clone();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{} – {}", t.groups_regions_heading, leading.scenario.name)).strong());
            let combo = egui::ComboBox::from_id_salt("groups_year").selected_text(&picked).show_ui(ui, |ui| {
                for year in years {
                    ui.selectable_value(&mut picked, year.span.name.clone(), &year.span.name);
                }
            });
            let name = t.groups_year_choice.to_owned();
            combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        });
        if picked != chosen.span.name {
            self.chosen_year = Some(picked);
        }
        let mut actions = Vec::new();
        let mut any = false;
        for (domain, figures) in plan.domains.iter().zip(&chosen.domains) {
            let (Some(planning), Some(groups)) = (&domain.planning, &figures.groups) else { continue };
            if !groups.misses_groups_somewhere() {
                continue;
            }
            any = true;
            let word = crate::domain_words::group_word(planning, ctx.language());
            ui.label(egui::RichText::new(crate::domain_words::domain_title(domain, ctx.language())).strong());
            actions.extend(region_list_ui(ui, ctx, chosen, domain, groups, &word));
        }
        if !any {
            ui.label(t.groups_no_region_missing);
        }
        actions
    }
}

fn region_list_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    year: &PlanningYearResults,
    domain: &Domain,
    groups: &GroupFigures,
    word: &str,
) -> Vec<Action> {
    let plan = ctx.plan();
    let mut rows: Vec<(usize, f64)> = groups.regions_missing().collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for (r, count) in rows {
            let Some(region) = plan.regions.get(r) else { continue };
            let text = format!("{} {} {word}", region.name, ctx.language().number(count, 0));
            let selected = ctx.selection.region_id.as_deref() == Some(region.id.as_str());
            let response = ui.selectable_label(selected, text).on_hover_text(format!(
                "{} {} – {}",
                year.span.name,
                domain.name,
                ctx.strings().groups_click_selects
            ));
            if response.clicked() {
                actions.push(Action::SelectRegion(Some(region.id.clone())));
            }
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GroupPlanning;
    use crate::ui::panels::testing::{Bench, bench};
    use crate::ui::session::Session;
    use egui_kittest::kittest::Queryable;

    /// The sample with its Kita domain planned in groups of 20 (1,9 VZÄ, 420.000 € a year) and a
    /// reference month in November.
    fn planned_bench() -> egui_kittest::Harness<'static, Bench<GroupsPanel>> {
        let mut harness = bench(GroupsPanel::default());
        let mut plan = harness.state().session.plan().clone();
        let kita = plan.domains.iter_mut().find(|d| d.id == "kita").expect("the sample has Kita places");
        kita.planning = Some(GroupPlanning {
            group_size: 20.0,
            group_word: None,
            staff_per_group: 1.9,
            cost_per_group_per_year_eur: 420_000.0,
            extra: Default::default(),
        });
        plan.planning_year = Some(PlanningYear { start_month: 8, reference_month: Some(11), extra: Default::default() });
        harness.state_mut().session = Session::new(plan, None, "nrw-2025.json".into());
        harness.run();
        harness
    }

    #[test]
    fn the_view_has_a_column_per_planning_year_and_the_groups_rows_of_a_planned_domain() {
        let mut harness = planned_bench();
        harness.run();
        let state = harness.state();
        let results = state.session.scenario_results(&state.selection.scenario_id).expect("results");
        let first = results.planning_years.first().expect("a planning year in the horizon");
        assert_eq!(first.span.name, "2025/26");
        assert!(harness.query_by_label("2025/26").is_some());
        assert!(harness.query_by_label("2026/27").is_some());
        assert!(harness.query_all_by_label("fehlende Gruppen").next().is_some());
        assert!(harness.query_all_by_label("fehlendes Personal (VZÄ)").next().is_some());
        assert!(harness.query_all_by_label("laufende Kosten/Jahr").next().is_some());
        // The numbers shown are the engine's, in German format.
        let kita = first.domains.iter().find(|d| d.id == "kita").and_then(|d| d.groups.as_ref()).expect("groups");
        let shown = crate::format::german_number(kita.groups_missing, 0);
        assert!(harness.query_all_by_label(&shown).next().is_some(), "{shown}");
    }

    #[test]
    fn a_region_missing_groups_is_listed_and_a_click_selects_it() {
        let mut harness = planned_bench();
        let state = harness.state();
        let results = state.session.scenario_results(&state.selection.scenario_id).expect("results");
        let plan = state.session.plan();
        let year = results
            .planning_years
            .iter()
            .find(|y| y.domains.iter().any(|d| d.groups.as_ref().is_some_and(|g| g.misses_groups_somewhere())))
            .expect("the sample misses Kita groups in some year")
            .clone();
        let (d, groups) = year
            .domains
            .iter()
            .enumerate()
            .find_map(|(d, f)| f.groups.clone().filter(|g| g.misses_groups_somewhere()).map(|g| (d, g)))
            .expect("groups");
        let (r, count) = groups.regions_missing().max_by(|a, b| a.1.total_cmp(&b.1)).expect("a region");
        let region = plan.regions[r].clone();
        let word = crate::domain_words::group_word(
            plan.domains[d].planning.as_ref().expect("planned"),
            crate::language::Language::German,
        );
        harness.state_mut().panel.chosen_year = Some(year.span.name.clone());
        harness.run();
        let label = format!("{} {} {word}", region.name, crate::format::german_number(count, 0));
        harness.get_by_label(&label).scroll_to_me();
        harness.run();
        harness.get_by_label(&label).click();
        harness.run();
        assert!(
            harness.state().actions.iter().any(|a| *a == Action::SelectRegion(Some(region.id.clone()))),
            "{:?}",
            harness.state().actions
        );
    }

    #[test]
    fn choosing_the_reference_month_edits_the_plan() {
        let mut harness = planned_bench();
        // The visible word and the chooser carry the same name; the chooser comes second.
        harness.get_all_by_label("Stichtag im").last().expect("the reference-month chooser").click();
        harness.run();
        harness.get_by_label("März").click();
        harness.run();
        match harness.state().edits().as_slice() {
            [Command::SetPlanningYear(Some(year))] => {
                assert_eq!(year.start_month, 8);
                assert_eq!(year.reference_month, Some(3));
            }
            other => panic!("expected one planning-year edit, got {other:?}"),
        }
    }

    #[test]
    fn without_planned_domains_the_view_says_where_to_enter_groups() {
        let mut harness = bench(GroupsPanel::default());
        let mut plan = harness.state().session.plan().clone();
        for domain in &mut plan.domains {
            domain.planning = None;
        }
        harness.state_mut().session = Session::new(plan, None, "nrw-2025.json".into());
        harness.run();
        assert!(harness.query_by_label_contains("Noch kein Bereich wird in ganzen Gruppen geplant").is_some());
    }
}
