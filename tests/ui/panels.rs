//! Each panel alone: drawn from a read-only context on the sample plan, clicked like a user,
//! with assertions on the actions it returns. A panel never changes the plan itself.

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::{Action, PendingAction};
use integrationsplan::ui::context::{PanelCtx, Selection};
use integrationsplan::ui::dialogs::{Dialog, dialog_ui};
use integrationsplan::ui::document::Command;
use integrationsplan::ui::panels::Panel;
use integrationsplan::ui::panels::domains::DomainsPanel;
use integrationsplan::ui::panels::indicators::{IndicatorsPanel, regions_short_first};
use integrationsplan::ui::panels::measures::{MeasuresPanel, SortColumn};
use integrationsplan::ui::panels::plots::PlotsPanel;
use integrationsplan::ui::panels::presentation::WhatIfPanel;
use integrationsplan::ui::panels::regions::RegionsPanel;
use integrationsplan::ui::panels::scenarios::ScenariosPanel;
use integrationsplan::ui::session::Session;
use integrationsplan::ui::settings::Settings;
use integrationsplan::ui::snapshot::SnapshotTarget;
use integrationsplan::ui::top_bar;

/// A panel with what it draws from, and every action it returned.
pub struct Bench<P> {
    /// The panel under test.
    pub panel: P,
    /// The plan and its results.
    pub session: Session,
    /// What is shown.
    pub selection: Selection,
    /// Language and theme.
    pub settings: Settings,
    /// Actions returned so far.
    pub actions: Vec<Action>,
}

/// `panel` on the sample plan in a window of `size`.
pub fn bench<P: Panel + 'static>(panel: P, settings: Settings) -> Harness<'static, Bench<P>> {
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let session = Session::new(plan, None, "nrw-2025.json".into());
    let selection = Selection::for_plan(session.plan());
    let state = Bench { panel, session, selection, settings, actions: Vec::new() };
    Harness::builder().with_size([1800.0, 1000.0]).build_ui_state(
        |ui, bench: &mut Bench<P>| {
            let ctx = PanelCtx::new(&bench.session, &bench.selection, &bench.settings);
            let actions = egui::ScrollArea::both().show(ui, |ui| bench.panel.ui(ui, &ctx)).inner;
            bench.actions.extend(actions);
        },
        state,
    )
}

/// The plan edits among the actions.
fn edits<P>(bench: &Bench<P>) -> Vec<&Command> {
    bench
        .actions
        .iter()
        .filter_map(|a| match a {
            Action::Edit(command) | Action::EditGesture(command, _) => Some(command),
            _ => None,
        })
        .collect()
}

fn click<P>(harness: &mut Harness<'_, Bench<P>>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn the_measures_panel_asks_to_add_a_measure_and_keeps_its_own_filter_and_sort() {
    let mut harness = bench(MeasuresPanel::default(), Settings::default());
    harness.run();
    let count = harness.state().session.plan().measures.len();
    harness.state_mut().panel.view.text = "Kalk".to_owned();
    harness.run();
    assert!(harness.query_by_label("Plätze: Kita Neubau Köln-Kalk").is_some());
    assert!(harness.query_by_label("Plätze: Landesprogramm Kita-Einstieg (Brückenprojekte)").is_none(), "filtered out");

    click(&mut harness, "Plätze");
    assert_eq!(harness.state().panel.view.sort, Some((SortColumn::Places, true)));
    assert!(harness.state().actions.is_empty(), "sorting is the panel's own business");

    click(&mut harness, "➕ Maßnahme");
    let bench = harness.state();
    match edits(bench).as_slice() {
        [Command::InsertMeasure(at, measure)] => {
            assert_eq!(*at, count);
            assert_eq!(measure.name, "Neue Maßnahme");
        }
        other => panic!("expected one insert, got {other:?}"),
    }
    assert_eq!(bench.session.plan().measures.len(), count, "the panel does not change the plan");
    assert_eq!(bench.panel.view.text, "", "the filter is cleared so that the new row shows");
    assert_eq!(bench.panel.view.sort, Some((SortColumn::Places, true)), "the sort order stays");
}

#[test]
fn the_measures_panel_returns_a_committed_cell_as_one_edit_and_keeps_bad_text_as_draft() {
    let mut harness = bench(MeasuresPanel::default(), Settings::default());
    harness.state_mut().panel.view.text = "Kalk".to_owned();
    harness.run();
    let label = "Plätze: Kita Neubau Köln-Kalk";
    let index = harness.state().session.plan().measures.iter().position(|m| m.name == "Kita Neubau Köln-Kalk").unwrap();
    click(&mut harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text("viele");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().actions.is_empty());
    assert_eq!(harness.state().panel.drafts.get(&format!("measures[{index}].places")).map(String::as_str), Some("viele"));

    click(&mut harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text("1.250");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    match edits(harness.state()).as_slice() {
        [Command::SetMeasure(i, measure)] => {
            assert_eq!(*i, index);
            assert_eq!(measure.places, 1250.0);
        }
        other => panic!("expected one edit, got {other:?}"),
    }
    assert!(harness.state().panel.drafts.is_empty());
}

#[test]
fn the_scenarios_panel_asks_to_delete_and_duplicate_the_edited_scenario() {
    let mut harness = bench(ScenariosPanel::default(), Settings::default());
    harness.run();
    let names: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.name.clone()).collect();
    harness.get_by_role_and_label(Role::Button, &names[1]).click();
    harness.run();
    assert_eq!(harness.state().panel.edited, 1, "which scenario is edited is the panel's state");
    click(&mut harness, "Löschen");
    click(&mut harness, "Duplizieren");
    match edits(harness.state()).as_slice() {
        [Command::DeleteScenario(1), Command::InsertScenario(2, copy)] => assert_eq!(copy.name, format!("{} (2)", names[1])),
        other => panic!("expected delete and duplicate, got {other:?}"),
    }
}

#[test]
fn the_regions_panel_returns_a_capacity_edit() {
    let mut harness = bench(RegionsPanel::default(), Settings::default());
    harness.run();
    let label = "Freie Plätze zu Beginn Kita-Plätze: Köln";
    click(&mut harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text("1.000");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    match edits(harness.state()).as_slice() {
        [Command::SetRegion(_, region)] => {
            assert_eq!(region.id, "koeln");
            assert_eq!(region.capacity_of("kita"), 1000.0);
        }
        other => panic!("expected one region edit, got {other:?}"),
    }
}

#[test]
fn the_domains_panel_returns_a_new_age_band() {
    let mut harness = bench(DomainsPanel::default(), Settings::default());
    harness.run();
    let bands = harness.state().session.plan().domains[0].rates.len();
    let first = harness.get_all_by_label("➕ Altersgruppe").next().unwrap();
    first.click();
    harness.run();
    match edits(harness.state()).as_slice() {
        [Command::SetDomain(0, domain)] => assert_eq!(domain.rates.len(), bands + 1),
        other => panic!("expected one domain edit, got {other:?}"),
    }
}

#[test]
fn the_indicators_panel_selects_a_region_that_runs_short() {
    let mut harness = bench(IndicatorsPanel, Settings::default());
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

#[test]
fn the_plots_panel_asks_for_a_picture_of_one_plot() {
    let mut harness = bench(PlotsPanel::default(), Settings::default());
    harness.run();
    assert!(harness.state().panel.rects.contains_key(&SnapshotTarget::CostPlot), "where each plot was drawn");
    harness.get_all_by_label("PNG").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().actions, vec![Action::AskSnapshot(SnapshotTarget::DomainPlot(0))]);
    click(&mut harness, "Ansicht zurücksetzen");
    assert_eq!(harness.state().actions.len(), 1, "resetting the view is the panel's own business");
}

#[test]
fn the_what_if_panel_selects_scenarios_and_switches_measures() {
    let mut harness = bench(WhatIfPanel, Settings::default());
    harness.run();
    let plan = harness.state().session.plan().clone();
    click(&mut harness, &format!("■ {}", plan.scenarios[1].name));
    assert_eq!(
        harness.state().actions,
        vec![Action::SelectScenario(plan.scenarios[1].id.clone()), Action::CompareScenario(plan.scenarios[1].id.clone(), true)]
    );
    harness.state_mut().actions.clear();
    let measure = &plan.measures[0];
    click(&mut harness, &measure.name);
    match edits(harness.state()).as_slice() {
        [Command::SetScenario(0, scenario)] => assert!(scenario.measures_off.contains(&measure.id)),
        other => panic!("expected one scenario edit, got {other:?}"),
    }
}

#[test]
fn the_menu_bar_returns_file_actions_and_selections() {
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let session = Session::new(plan, None, "nrw-2025.json".into());
    let selection = Selection::for_plan(session.plan());
    let state = Bench { panel: (), session, selection, settings: Settings::default(), actions: Vec::new() };
    let mut harness = Harness::builder().with_size([1800.0, 600.0]).build_ui_state(
        |ui, bench: &mut Bench<()>| {
            let ctx = PanelCtx::new(&bench.session, &bench.selection, &bench.settings);
            bench.actions.extend(top_bar::top_bar_ui(ui, &ctx));
        },
        state,
    );
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
fn the_unsaved_changes_dialog_answers_with_actions() {
    let mut harness = Harness::builder().with_size([1000.0, 600.0]).build_ui_state(
        |ui, state: &mut (Dialog, Vec<Action>)| {
            let actions = dialog_ui(&mut state.0, ui.ctx(), integrationsplan::ui::i18n::Language::German.strings(), None);
            state.1.extend(actions);
        },
        (Dialog::UnsavedChanges(PendingAction::New), Vec::new()),
    );
    harness.run();
    harness.get_by_label("Verwerfen").click();
    harness.run();
    assert_eq!(harness.state().1, vec![Action::CloseDialog, Action::Perform(PendingAction::New)]);
}
