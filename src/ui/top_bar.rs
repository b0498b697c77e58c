//! The chrome around the panels: menu bar with undo/redo and the scenario and region
//! selectors, the status bar, and the view tabs of the central area. Each returns actions.

use super::action::{Action, CentralView, PendingAction};
use super::cells::labelled_combo;
use super::context::PanelCtx;
use super::files::PickPurpose;
use super::i18n::Language;
use super::region_picker::{RegionChoices, RegionPicker};
use super::snapshot::SnapshotTarget;

/// The menu bar: File, Edit, View, undo/redo buttons, selectors, presentation.
pub fn top_bar_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let doc = ctx.session.doc();
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        // On a narrow screen (a 1024 px projector) the selectors move to a second row.
        ui.horizontal_wrapped(|ui| {
            ui.menu_button(t.menu_file, |ui| {
                let mut item = |ui: &mut egui::Ui, label: String, action: Action| {
                    if ui.button(label).clicked() {
                        actions.push(action);
                    }
                };
                item(ui, t.new_plan.to_owned(), Action::Request(PendingAction::New));
                item(ui, t.open.to_owned(), Action::Request(PendingAction::ChooseFileToOpen));
                item(ui, format!("{} ({})", t.path, t.open), Action::TypePath(PickPurpose::Open, String::new()));
                item(ui, t.open_sample.to_owned(), Action::Request(PendingAction::OpenSample));
                ui.menu_button(t.recent_files, |ui| {
                    if ctx.settings.recent_files.is_empty() {
                        ui.label(t.no_recent_files);
                    }
                    for path in &ctx.settings.recent_files {
                        item(ui, path.display().to_string(), Action::Request(PendingAction::Open(path.clone())));
                    }
                });
                ui.separator();
                if ui.add(egui::Button::new(t.save).shortcut_text("Ctrl+S")).clicked() {
                    actions.push(Action::Save);
                }
                let mut item = |ui: &mut egui::Ui, label: String, action: Action| {
                    if ui.button(label).clicked() {
                        actions.push(action);
                    }
                };
                item(ui, t.save_as.to_owned(), Action::Pick(PickPurpose::SaveAs));
                let current = doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                item(ui, format!("{} ({})", t.path, t.save_as), Action::TypePath(PickPurpose::SaveAs, current));
                ui.separator();
                item(ui, t.export_csv.to_owned(), Action::Pick(PickPurpose::ExportCsv));
                item(ui, t.export_xlsx.to_owned(), Action::Pick(PickPurpose::ExportXlsx));
                item(ui, t.export_summary_png.to_owned(), Action::AskSnapshot(SnapshotTarget::SummaryPage));
                item(ui, t.export_report.to_owned(), Action::Pick(PickPurpose::ExportReport));
                item(ui, t.export_scenarios.to_owned(), Action::Pick(PickPurpose::ExportScenarios));
                item(ui, t.import_scenarios.to_owned(), Action::Pick(PickPurpose::ImportScenarios));
                ui.separator();
                item(ui, t.compare_menu.to_owned(), Action::Pick(PickPurpose::CompareWith));
                item(ui, t.merge_menu.to_owned(), Action::Pick(PickPurpose::MergeTheirs));
                ui.separator();
                item(ui, t.import_measures_table.to_owned(), Action::Pick(PickPurpose::ImportMeasuresTable));
                item(ui, t.import_regions_table.to_owned(), Action::Pick(PickPurpose::ImportRegionsTable));
                item(ui, t.export_measures_table.to_owned(), Action::Pick(PickPurpose::ExportMeasuresTable));
                ui.separator();
                item(ui, t.quit.to_owned(), Action::Quit);
            });
            ui.menu_button(t.menu_edit, |ui| {
                if ui.add_enabled(doc.can_undo(), egui::Button::new(t.undo).shortcut_text("Ctrl+Z")).clicked() {
                    actions.push(Action::Undo);
                }
                if ui.add_enabled(doc.can_redo(), egui::Button::new(t.redo).shortcut_text("Ctrl+Y")).clicked() {
                    actions.push(Action::Redo);
                }
            });
            ui.menu_button(t.menu_view, |ui| {
                ui.label(t.language);
                let mut language = ctx.language();
                ui.radio_value(&mut language, Language::German, "Deutsch");
                ui.radio_value(&mut language, Language::English, "English");
                if language != ctx.language() {
                    actions.push(Action::SetLanguage(language));
                }
                ui.separator();
                if ui.radio(!ctx.settings.dark, t.light_theme).clicked() {
                    actions.push(Action::SetDark(false));
                }
                if ui.radio(ctx.settings.dark, t.dark_theme).clicked() {
                    actions.push(Action::SetDark(true));
                }
                ui.separator();
                if ui.button(format!("{} …", t.tab_plan)).clicked() {
                    actions.push(Action::ShowTab(super::action::Tab::Plan));
                    ui.close();
                }
            });
            actions.extend(tools_menus_ui(ui, ctx));
            ui.separator();
            if ui.add_enabled(doc.can_undo(), egui::Button::new("⟲")).on_hover_text(t.undo).clicked() {
                actions.push(Action::Undo);
            }
            if ui.add_enabled(doc.can_redo(), egui::Button::new("⟳")).on_hover_text(t.redo).clicked() {
                actions.push(Action::Redo);
            }
            ui.separator();
            actions.extend(scenario_selector_ui(ui, ctx));
            ui.separator();
            actions.extend(region_selector_ui(ui, ctx));
            ui.separator();
            if ui.button(t.presentation).clicked() {
                actions.push(Action::SetPresentation(true));
            }
        });
    });
    actions
}

/// The menus "Werkzeuge" (the optimiser) and "Hilfe" (about).
fn tools_menus_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let mut actions = Vec::new();
    ui.menu_button(t.menu_tools, |ui| {
        if ui.button(format!("{} …", t.optimize_title)).clicked() {
            actions.push(Action::OpenOptimizer);
        }
    });
    ui.menu_button(t.menu_help, |ui| {
        if ui.button(format!("{} …", t.about_title)).clicked() {
            actions.push(Action::ShowAbout);
        }
    });
    actions
}

/// In presentation mode: "Vorschlag zeigen" draws the adopted proposal beside the leading
/// scenario (nothing when there is no proposal scenario in the plan).
pub fn proposal_toggle_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, proposal_id: Option<&str>) -> Vec<Action> {
    let Some((index, scenario)) = proposal_id.and_then(|id| ctx.scenario(id)) else { return Vec::new() };
    let mut shown = ctx.selection.shows(&scenario.id);
    let color = super::theme::scenario_color(scenario.color.as_deref(), index);
    ui.separator();
    let label = egui::RichText::new(format!("{} ({})", ctx.strings().show_proposal, scenario.name))
        .color(crate::ui::contrast::on_ui(ui, color));
    if ui.checkbox(&mut shown, label).changed() { vec![Action::CompareScenario(scenario.id.clone(), shown)] } else { Vec::new() }
}

/// The leading scenario (the one the Szenarien tab edits) and the scenarios compared with it.
pub fn scenario_selector_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let plan = ctx.plan();
    let selection = ctx.selection;
    let mut actions = Vec::new();
    let current_name = ctx
        .scenario(&selection.scenario_id)
        .map(|(_, s)| crate::format::elide(&s.name, super::cells::COMBO_NAME_CHARS).into_owned())
        .unwrap_or_default();
    let mut chosen = selection.scenario_id.clone();
    labelled_combo(ui, "scenario_select", t.scenario, format!("{}: {current_name}", t.scenario), 280.0, |ui| {
        for scenario in &plan.scenarios {
            ui.selectable_value(&mut chosen, scenario.id.clone(), &scenario.name);
        }
    });
    if chosen != selection.scenario_id {
        actions.push(Action::SelectScenario(chosen));
    }
    // Ticking several scenarios is one errand: the list stays open until a click outside it.
    let stays_open = egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(format!("{} …", t.shown_scenarios)).config(stays_open).ui(ui, |ui| {
        super::cells::one_line_names(ui);
        for (index, scenario) in plan.scenarios.iter().enumerate() {
            let mut shown = selection.compared_ids.contains(&scenario.id);
            let color = super::theme::scenario_color(scenario.color.as_deref(), index);
            if ui.checkbox(&mut shown, egui::RichText::new(&scenario.name).color(crate::ui::contrast::on_ui(ui, color))).changed()
            {
                actions.push(Action::CompareScenario(scenario.id.clone(), shown));
            }
        }
    });
    actions
}

/// The whole state or one region.
pub fn region_selector_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let choices = || RegionChoices::new(vec![(None, t.whole_state.to_owned())], ctx.plan(), |r| Some(r.id.clone()));
    let mut chosen = ctx.selection.region_id.clone();
    let picker = RegionPicker::new("region_select", t.region, t.region_search)
        .selected_text(format!("{}: {}", t.region, ctx.place_name()))
        // Narrower in presentation mode: its bar holds the view tabs too, on one line at 1280 px.
        .width(if ctx.presentation { 210.0 } else { 260.0 });
    if picker.show(ui, choices, &mut chosen) { vec![Action::SelectRegion(chosen)] } else { Vec::new() }
}

/// Most warnings of each kind (the plan's, the load's) the status bar lists.
const LISTED_WARNINGS: usize = 50;

/// Errors, load warnings, background work, the last message, the file.
pub fn status_bar_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, status: Option<&str>) -> Vec<Action> {
    let t = ctx.strings();
    let session = ctx.session;
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        let errors: Vec<_> = session.issues().iter().filter(|i| i.is_error()).collect();
        if !errors.is_empty() {
            let text = format!("⚠ {} ({})", t.plan_has_errors, errors.len());
            // A click opens the list; a click on a problem takes the planner to its field.
            ui.menu_button(egui::RichText::new(text).color(crate::ui::contrast::error_text(ui)).strong(), |ui| {
                for issue in errors.iter().take(50) {
                    let line = super::field_label::issue_text(issue, ctx.plan(), ctx.language());
                    if ui.button(line).clicked() {
                        actions.push(Action::GoToField(issue.path.clone()));
                        ui.close();
                    }
                }
            });
        }
        // Warnings of the plan as it is now (a negative capacity typed in) and of the last load,
        // in the window's language; a click takes the planner to the field.
        // At most 50 of each are listed, which also bounds the merge done every frame.
        let now: Vec<&crate::issue::Issue> = session.issues().iter().filter(|i| !i.is_error()).collect();
        let loaded = session.load_warnings();
        let more = now.len() > LISTED_WARNINGS || loaded.len() > LISTED_WARNINGS;
        let mut warnings: Vec<&crate::issue::Issue> = now.iter().copied().take(LISTED_WARNINGS).collect();
        for warning in loaded.iter().take(LISTED_WARNINGS) {
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
        if !warnings.is_empty() {
            let count = if more { format!("{}+", warnings.len()) } else { warnings.len().to_string() };
            let text = format!("ℹ {} ({count})", t.warnings);
            ui.menu_button(text, |ui| {
                for issue in warnings.iter().take(50) {
                    let line = super::field_label::issue_text(issue, ctx.plan(), ctx.language());
                    if ui.button(line).clicked() {
                        actions.push(Action::GoToField(issue.path.clone()));
                        ui.close();
                    }
                }
                if !session.load_warnings().is_empty() {
                    ui.separator();
                    if ui.button(t.dismiss_load_warnings).clicked() {
                        actions.push(Action::DismissLoadWarnings);
                        ui.close();
                    }
                }
            });
        }
        if session.is_updating() {
            ui.spinner();
            ui.label(egui::RichText::new(t.updating_results).strong());
        }
        if let Some(status) = status {
            ui.label(status);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let doc = session.doc();
            let path = doc.path.as_ref().map_or_else(|| doc.display_name.clone(), |p| p.display().to_string());
            let marker = if doc.is_dirty() { format!(" ({})", t.unsaved_marker) } else { String::new() };
            ui.label(format!("{path}{marker}"));
        });
    });
    actions
}

/// The tabs of the central area (one per [`CentralView`]).
pub fn view_tabs_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, shown: CentralView) -> Vec<Action> {
    ui.horizontal(|ui| view_tab_buttons_ui(ui, ctx, shown)).inner
}

/// The view tabs laid into the current layout (a wrapping bar breaks the line between them).
pub fn view_tab_buttons_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, shown: CentralView) -> Vec<Action> {
    let t = ctx.strings();
    let mut actions = Vec::new();
    for view in CentralView::ALL {
        let label = match view {
            CentralView::Charts => t.view_charts,
            CentralView::Budget => t.view_budget,
            CentralView::Map => t.view_map,
            CentralView::Groups => t.view_groups,
        };
        if ui.selectable_label(view == shown, label).clicked() && view != shown {
            actions.push(Action::ShowView(view));
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::Bench;
    use egui::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The menu bar alone on the sample plan, collecting its actions.
    fn top_bar_bench() -> Harness<'static, Bench<()>> {
        Harness::builder().with_size([1800.0, 600.0]).build_ui_state(
            |ui, bench: &mut Bench<()>| {
                let ctx = PanelCtx::new(&bench.session, &bench.selection, &bench.settings);
                bench.actions.extend(top_bar_ui(ui, &ctx));
            },
            Bench::on_sample(()),
        )
    }

    #[test]
    fn the_menu_bar_returns_file_actions_and_selections() {
        let mut harness = top_bar_bench();
        harness.run();
        harness.get_by_label("Datei").click();
        harness.run();
        harness.get_by_label("Neuer Plan").click();
        harness.run();
        assert_eq!(harness.state().actions, vec![Action::Request(PendingAction::New)]);
        harness.state_mut().actions.clear();
        harness.get_by_role_and_label(Role::ComboBox, "Region").click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, "Köln").scroll_to_me();
        harness.run();
        harness.get_by_role_and_label(Role::Button, "Köln").click();
        harness.run();
        assert_eq!(harness.state().actions, vec![Action::SelectRegion(Some("koeln".to_owned()))]);
    }

    #[test]
    fn the_comparison_list_stays_open_while_ticking() {
        let mut harness = top_bar_bench();
        harness.run();
        let names: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.name.clone()).collect();
        harness.get_by_label("Vergleich …").click();
        harness.run();
        harness.get_by_role_and_label(Role::CheckBox, &names[1]).click();
        harness.run();
        harness.get_by_role_and_label(Role::CheckBox, &names[2]).click();
        harness.run();
        let ids: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.id.clone()).collect();
        assert_eq!(
            harness.state().actions,
            vec![Action::CompareScenario(ids[1].clone(), false), Action::CompareScenario(ids[2].clone(), false)],
            "two ticks in one opening of the list"
        );
    }
}
