//! The workbench driven like a user would: widgets found by their labels, clicked and typed
//! into, with assertions on the plan and the results (egui_kittest, no window needed).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::settings::Settings;

#[path = "ui/background.rs"]
mod background;
#[path = "ui/bands.rs"]
mod bands;
#[path = "ui/budget.rs"]
mod budget;
#[path = "ui/comparison.rs"]
mod comparison;
#[path = "ui/exchange.rs"]
mod exchange;

/// Keyboard order and the focus ring.
#[path = "ui/keyboard.rs"]
mod keyboard;
#[path = "ui/language.rs"]
mod language;
#[path = "ui/long_names.rs"]
mod long_names;
#[path = "ui/map.rs"]
mod map;
#[path = "ui/optimizer.rs"]
mod optimizer;
#[path = "ui/presentation.rs"]
mod presentation;
#[path = "ui/recovery.rs"]
mod recovery;
/// Issue 20: the room's view (presentation layout, where first, pictures, language, mix dialog).
#[path = "ui/room.rs"]
mod room;
#[path = "ui/scenario_ids.rs"]
mod scenario_ids;
#[path = "ui/snapshot.rs"]
mod snapshot;
#[path = "ui/table_import.rs"]
mod table_import;
#[path = "ui/tables.rs"]
mod tables;
#[path = "ui/text.rs"]
mod text;
#[path = "ui/undo.rs"]
mod undo;
#[path = "ui/versions.rs"]
mod versions;
#[path = "ui/workshop.rs"]
mod workshop;

/// The app on a wide screen, so that the whole measures table fits beside the plots.
fn harness() -> Harness<'static, App> {
    let app = App::with_sample(Settings::default());
    // A background job (the optimiser's bounds) may land a few frames after a click: let a run
    // settle over up to 16 frames instead of the default 4, so the tests do not depend on the
    // machine's load.
    Harness::builder().with_size([2600.0, 1000.0]).with_max_steps(16).build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn measure_index(app: &App, name: &str) -> usize {
    app.session.plan().measures.iter().position(|m| m.name == name).expect("measure exists")
}

/// Shows only the measures whose name contains `text`.
fn filter_measures(harness: &mut Harness<'_, App>, text: &str) {
    harness.state_mut().panels.measures.view.text = text.to_owned();
    harness.run();
}

/// Scrolls a widget into view (tables and lists scroll) and clicks it.
fn click(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks a cell, replaces its text and presses Enter.
fn edit_cell(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    click(harness, label);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn editing_a_measures_places_changes_the_indicators() {
    let mut harness = harness();
    harness.run();
    let name = "Landesprogramm Kita-Einstieg (Brückenprojekte)";
    let index = measure_index(harness.state(), name);
    let koeln = harness.state().session.plan().regions.iter().position(|r| r.id == "koeln").unwrap();
    let koeln_before = harness.state().session.results().scenarios[0].regions[koeln].domains[0].capacity.last().copied().unwrap();
    let kita_short_before = harness.state().session.results().scenarios[0].domains[0].indicators.shortage_place_months;
    let recomputes_before = harness.state().session.recompute_count();

    filter_measures(&mut harness, name);
    edit_cell(&mut harness, &format!("Plätze: {name}"), "3.000");

    let app = harness.state();
    assert_eq!(app.session.plan().measures[index].places, 3000.0, "German thousands separator is read");
    assert!(app.session.doc().is_dirty());
    assert_eq!(app.session.recompute_count(), recomputes_before + 1, "one edit, one recompute");
    let kita_short_after = app.session.results().scenarios[0].domains[0].indicators.shortage_place_months;
    assert!(kita_short_after < kita_short_before, "{kita_short_after} < {kita_short_before}");
    let koeln_after = app.session.results().scenarios[0].regions[koeln].domains[0].capacity.last().copied().unwrap();
    let koeln_share = app.session.results().shares[koeln];
    assert!((koeln_after - koeln_before - 1200.0 * koeln_share).abs() < 1e-6, "Köln gets its share of the 1.200 new places");
    // The indicator table shows the new number in German format.
    let shown = integrationsplan::format::german_number(kita_short_after, 0);
    assert!(harness.query_by_label(&shown).is_some(), "indicator {shown} is shown");
}

#[test]
fn the_model_is_not_recomputed_per_frame() {
    let mut harness = harness();
    harness.run();
    let before = harness.state().session.recompute_count();
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().session.recompute_count(), before);
}

#[test]
fn an_invalid_value_stays_red_and_is_not_dropped() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    let index = measure_index(harness.state(), name);
    filter_measures(&mut harness, name);
    edit_cell(&mut harness, &format!("Plätze: {name}"), "viele");
    let app = harness.state();
    assert_eq!(app.session.plan().measures[index].places, 75.0, "the plan keeps its valid value");
    assert_eq!(
        app.panels.measures.drafts.get(&format!("measures[{index}].places")).map(String::as_str),
        Some("viele"),
        "the typed text is kept"
    );
    assert!(!app.session.doc().is_dirty());

    // A value that parses but breaks a rule is committed and reported with its path.
    edit_cell(&mut harness, &format!("Ende: {name}"), "01/2020");
    let app = harness.state();
    assert_eq!(app.session.plan().measures[index].end.map(|m| m.to_string()).as_deref(), Some("2020-01"));
    assert!(app.session.issues().iter().any(|i| i.path == format!("measures[{index}].end") && i.is_error()));
}

#[test]
fn adding_and_deleting_a_measure_can_be_undone() {
    let mut harness = harness();
    harness.run();
    let count = harness.state().session.plan().measures.len();
    harness.get_by_label("➕ Maßnahme").click();
    harness.run();
    assert_eq!(harness.state().session.plan().measures.len(), count + 1);
    assert_eq!(harness.state().session.plan().measures[count].name, "Neue Maßnahme");

    filter_measures(&mut harness, "Kita Neubau Köln-Kalk");
    click(&mut harness, "Löschen: Kita Neubau Köln-Kalk");
    let names: Vec<_> = harness.state().session.plan().measures.iter().map(|m| m.name.clone()).collect();
    assert!(!names.contains(&"Kita Neubau Köln-Kalk".to_owned()));
    assert_eq!(names.len(), count);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().session.plan().measures.iter().any(|m| m.name == "Kita Neubau Köln-Kalk"));
    assert_eq!(harness.state().session.plan().measures.len(), count + 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session.plan().measures.len(), count);
    assert!(!harness.state().session.doc().is_dirty(), "undone to the state as loaded");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().session.plan().measures.len(), count + 1);
}

#[test]
fn duplicating_a_measure_gives_it_a_new_id() {
    let mut harness = harness();
    harness.run();
    filter_measures(&mut harness, "Kita Neubau Köln-Kalk");
    click(&mut harness, "Duplizieren: Kita Neubau Köln-Kalk");
    let copies: Vec<_> =
        harness.state().session.plan().measures.iter().filter(|m| m.name.starts_with("Kita Neubau Köln-Kalk")).collect();
    assert_eq!(copies.len(), 2);
    assert_ne!(copies[0].id, copies[1].id);
}

#[test]
fn switching_scenario_and_region_changes_what_is_shown() {
    let mut harness = harness();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Szenario").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Hoher Zugang wie 2015/16").click();
    harness.run();
    assert_eq!(harness.state().selection.scenario_id, "hoch");

    harness.get_by_role_and_label(Role::ComboBox, "Region").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Köln").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Köln").click();
    harness.run();
    assert_eq!(harness.state().selection.region_id.as_deref(), Some("koeln"));
    assert!(harness.query_by_label_contains("Beispielplan – Köln").is_some(), "the plot heading names the region");
    assert!(harness.query_by_label("Kennzahlen – Köln").is_some(), "so do the indicators");
}

#[test]
fn clicking_a_region_that_runs_short_selects_it() {
    let mut harness = harness();
    harness.run();
    let app = harness.state();
    let first = integrationsplan::ui::panels::indicators::regions_short_first(app.session.results(), &app.selection.scenario_id);
    let (_, region_index, _) = first[0];
    let region = harness.state().session.plan().regions[region_index].clone();
    let entry = format!("– {} (", region.name);
    harness.get_by_label_contains(&entry).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&entry).click();
    harness.run();
    assert_eq!(harness.state().selection.region_id.as_deref(), Some(region.id.as_str()));
}

#[test]
fn a_broken_file_shows_every_error_and_keeps_the_open_plan() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kaputt.json");
    let mut broken: serde_json::Value = serde_json::from_str(integrationsplan::sample::NRW_2025_JSON).unwrap();
    broken["measures"][3]["end"] = "2024-13".into();
    broken["scenarios"][0]["measures_off"] = serde_json::json!(["kita-x"]);
    broken["regions"][0]["capacity"]["kita"] = "viele".into();
    std::fs::write(&path, serde_json::to_string(&broken).unwrap()).unwrap();

    let mut harness = harness();
    harness.run();
    let plan_before = harness.state().session.plan().clone();
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Pfad (Öffnen …)").click();
    harness.run();
    click(&mut harness, "Pfad");
    harness.get_by_label("Pfad").type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Öffnen …").click();
    harness.run();

    assert!(matches!(harness.state().dialog, Some(Dialog::LoadErrors(_))));
    assert!(harness.query_by_label("Datei kann nicht geöffnet werden").is_some());
    // German, with the fields named as the planner knows them (typed issues, issue 10).
    for line in [
        "Maßnahme „Kita Neubau Köln-Kalk“ › Ende: „2024-13“ ist kein Monat (erwartet MM/JJJJ)",
        "Region Düsseldorf › Freie Plätze zu Beginn Kita-Plätze: „viele“ ist keine Zahl",
        "Szenario Basis 2025 › Ausgeschaltete Maßnahmen: es gibt keine Maßnahme „kita-x“",
    ] {
        assert!(harness.query_by_label(line).is_some(), "missing line {line:?}");
    }
    for english in ["expected", "is not a month", "no measure with id", "measures[3]"] {
        assert!(harness.query_by_label_contains(english).is_none(), "English in the German window: {english}");
    }
    assert_eq!(*harness.state().session.plan(), plan_before, "the open plan is untouched");
    harness.get_by_label("Schließen").click();
    harness.run();
    assert!(harness.state().dialog.is_none());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("➕ Maßnahme").click();
    harness.run();
    assert!(harness.state().window_title().starts_with('●'), "the title marks unsaved changes");
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label("Ungespeicherte Änderungen").is_some());
    harness.get_by_label("Abbrechen").click();
    harness.run();
    assert!(harness.state().dialog.is_none());
    assert!(harness.state().session.doc().is_dirty(), "cancel keeps the changes");
}

#[test]
fn opening_another_plan_with_unsaved_changes_asks_and_discard_opens_it() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("➕ Maßnahme").click();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Neuer Plan").click();
    harness.run();
    assert!(harness.query_by_label("Der Plan hat ungespeicherte Änderungen. Vorher speichern?").is_some());
    harness.get_by_label("Verwerfen").click();
    harness.run();
    assert_eq!(harness.state().session.plan().regions.len(), 1, "the new plan is open");
    assert!(!harness.state().session.doc().is_dirty());
}

#[test]
fn saving_writes_the_file_and_clears_the_marker() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.json");
    let mut harness = harness();
    harness.run();
    harness.get_by_label("➕ Maßnahme").click();
    harness.run();
    harness.state_mut().save_to(&path);
    harness.run();
    assert!(!harness.state().session.doc().is_dirty());
    assert!(harness.state().window_title().starts_with("plan.json"));
    let saved = integrationsplan::io::load_file(&path).unwrap().plan;
    assert_eq!(saved, *harness.state().session.plan());
    assert_eq!(harness.state().settings.recent_files.first(), Some(&path));
}

#[test]
fn the_language_switch_changes_labels() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_by_label("Maßnahmen").is_some());
    harness.get_by_label("Ansicht").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert!(harness.query_by_label("Measures").is_some());
    assert!(harness.query_by_label("Maßnahmen").is_none());
}

#[test]
fn the_scenario_editor_edits_arrivals_and_checks_the_age_sum() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Szenarien").click();
    harness.run();
    assert!(harness.query_by_label("Summe: 1,0000").is_some(), "the age shares of the sample sum to 1");
    let before = harness.state().session.results().scenarios[0].persons.last().copied().unwrap();
    edit_cell(&mut harness, "je Monat 1", "7.500");
    assert_eq!(harness.state().session.plan().scenarios[0].arrivals[0].per_month, 7500.0);
    let after = harness.state().session.results().scenarios[0].persons.last().copied().unwrap();
    assert!((after / before - 2.0).abs() < 1e-9, "double arrivals, double persons");

    edit_cell(&mut harness, "Altersverteilung 18+", "0,5");
    assert!(harness.query_by_label_contains("Summe: 0,87").is_some());
    assert!(harness.state().session.issues().iter().any(|i| i.path == "scenarios[0].age_distribution" && i.is_error()));
}

#[test]
fn switching_a_measure_off_in_a_scenario_changes_its_capacity() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Szenarien").click();
    harness.run();
    let capacity_before = harness.state().session.results().scenarios[0].domains[0].capacity.last().copied().unwrap();
    click(&mut harness, "Landesprogramm Kita-Einstieg (Brückenprojekte)");
    assert_eq!(harness.state().session.plan().scenarios[0].measures_off, vec!["land-kita-brueckenprojekte".to_owned()]);
    let capacity_after = harness.state().session.results().scenarios[0].domains[0].capacity.last().copied().unwrap();
    assert!((capacity_before - capacity_after - 1800.0).abs() < 1e-6);
}

#[test]
fn regions_tab_shows_the_resulting_shares_and_edits_capacity() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Regionen & Verteilung").click();
    harness.run();
    assert!(harness.query_by_label("5,5757").is_some(), "Köln's FlüAG share in percent");
    edit_cell(&mut harness, "Freie Plätze zu Beginn Kita-Plätze: Köln", "1.000");
    let koeln = harness.state().session.plan().regions.iter().find(|r| r.id == "koeln").unwrap();
    assert_eq!(koeln.capacity_of("kita"), 1000.0);
}

#[test]
fn a_click_on_a_problem_takes_the_planner_to_its_field() {
    use integrationsplan::ui::action::Action;
    use integrationsplan::ui::document::Command;
    let mut harness = harness();
    harness.run();
    let plan = harness.state().session.plan().clone();
    let mut measure = plan.measures[3].clone();
    measure.end = Some(measure.start.plus(-2));
    harness.state_mut().handle(Action::Edit(Command::SetMeasure(3, measure.clone())));
    harness.run();
    harness.get_by_label_contains("Der Plan hat Fehler").click();
    harness.run();
    let line = format!(
        "Maßnahme „{}“ › Ende: {} liegt vor dem Beginn {}",
        measure.name,
        measure.end.unwrap().to_german(),
        measure.start.to_german()
    );
    harness.get_by_label(&line).click();
    harness.run();
    assert_eq!(harness.state().panels.measures.view.text, measure.id, "the measures list shows the measure");

    let mut region = plan.regions[4].clone();
    region.population = -5.0;
    harness.state_mut().handle(Action::Edit(Command::SetRegion(4, region.clone())));
    harness.run();
    harness.state_mut().handle(Action::GoToField("regions[4].population".into()));
    harness.run();
    assert_eq!(harness.state().selection.region_id.as_deref(), Some(region.id.as_str()));
}

#[test]
fn a_negative_free_capacity_typed_in_is_kept_and_warned_about_in_german() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_by_label_contains("ℹ Hinweise").is_none(), "the sample has no warnings");
    harness.get_by_label("Regionen & Verteilung").click();
    harness.run();
    edit_cell(&mut harness, "Freie Plätze zu Beginn Kita-Plätze: Köln", "-120");
    let koeln = harness.state().session.plan().regions.iter().find(|r| r.id == "koeln").unwrap();
    assert_eq!(koeln.capacity_of("kita"), -120.0, "a warning, not a refusal: the figure is kept");
    assert!(harness.query_by_label_contains("Der Plan hat Fehler").is_none(), "not an error");

    harness.get_by_label("ℹ Hinweise (1)").click();
    harness.run();
    let line = harness.get_by_label_contains("Region Köln").accesskit_node().label().unwrap_or_default();
    assert!(line.contains("-120") || line.contains("−120"), "names the figure: {line}");
    for english in ["negative", "places are missing", "expected"] {
        assert!(!line.contains(english), "English in the German window: {line}");
    }
}
