//! Measures and regions from a table through the window: the preview says what will change and
//! names every bad row in the window's language, bad rows block, applying is one undo step; the
//! measures go back out as a table, and no export may write over the open plan (SPEC §9).

use super::{click, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::files::PickPurpose;
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// Chooses `path` for `purpose` through the window's path field.
fn type_path(harness: &mut Harness<'_, App>, purpose: PickPurpose, path: &Path, button: &str) {
    harness.state_mut().handle(Action::TypePath(purpose, String::new()));
    harness.run();
    click(harness, "Pfad");
    // A field to save into starts with the folder and name suggested: replace them.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Pfad").type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, button).click();
    harness.step();
}

/// Steps until the table is read.
fn wait_for_preview(harness: &mut Harness<'_, App>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().table_import.as_ref().is_some_and(|d| d.read.is_none()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(harness.state().table_import.as_ref().is_some_and(|d| d.read.is_some()));
}

fn apply_is_enabled(harness: &Harness<'_, App>) -> bool {
    !harness.get_by_role_and_label(egui::accesskit::Role::Button, "Übernehmen").accesskit_node().is_disabled()
}

/// A workbook with the headers `ID, Bereich, Plätze, Beginn` and these rows.
fn workbook(rows: &[[&str; 4]]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["ID", "Bereich", "Plätze", "Beginn"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(number) if c == 2 => sheet.write_number(r as u32 + 1, c as u16, number).map(|_| ()),
                _ => sheet.write_string(r as u32 + 1, c as u16, *cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_bad_row_is_named_in_german_and_blocks_the_import() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("massnahmen.xlsx");
    std::fs::write(&path, workbook(&[["neu-1", "kita", "40", "2026-01"], ["neu-2", "kita", "zwölf", "2026-01"]])).unwrap();
    let mut harness = harness();
    harness.run();
    let plan_before = harness.state().session.plan().clone();
    type_path(&mut harness, PickPurpose::ImportMeasuresTable, &path, "Öffnen …");
    wait_for_preview(&mut harness);
    assert!(harness.query_by_label("Zeile 3, Spalte „Plätze“: „zwölf“ ist keine Zahl").is_some());
    assert!(!apply_is_enabled(&harness), "a bad row blocks the import");
    harness.get_by_label("Abbrechen").click();
    harness.run();
    assert!(harness.state().table_import.is_none());
    assert_eq!(*harness.state().session.plan(), plan_before);

    // The English window names it in English.
    harness.state_mut().handle(Action::SetLanguage(integrationsplan::ui::i18n::Language::English));
    harness.state_mut().handle(Action::UsePath(PickPurpose::ImportMeasuresTable, path.clone()));
    wait_for_preview(&mut harness);
    assert!(harness.query_by_label("row 3, column \"Plätze\": \"zwölf\" is not a number").is_some());
}

#[test]
fn a_good_table_shows_its_changes_and_applies_as_one_undo_step() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("massnahmen.xlsx");
    let mut harness = harness();
    harness.run();
    let plan_before = harness.state().session.plan().clone();
    let first = plan_before.measures[0].clone();
    let places = format!("{}", first.places + 20.0);
    let start = first.start.to_string();
    std::fs::write(&path, workbook(&[[&first.id, &first.domain, &places, &start], ["neu-1", "kita", "40", "2026-01"]])).unwrap();
    type_path(&mut harness, PickPurpose::ImportMeasuresTable, &path, "Öffnen …");
    wait_for_preview(&mut harness);
    assert!(harness.query_by_label_contains("1 neu, 1 geändert").is_some());
    let change = format!(
        "Plätze: {} » {}",
        integrationsplan::format::german_number(first.places, 0),
        integrationsplan::format::german_number(first.places + 20.0, 0)
    );
    assert!(harness.query_by_label_contains(&change).is_some(), "{change}");
    assert!(apply_is_enabled(&harness));
    harness.get_by_label("Übernehmen").click();
    harness.run();
    let plan = harness.state().session.plan();
    assert_eq!(plan.measures[0].places, first.places + 20.0);
    assert_eq!(plan.measures.len(), plan_before.measures.len() + 1);
    assert!(harness.state().table_import.is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(*harness.state().session.plan(), plan_before, "one undo step restores the plan");
}

#[test]
fn measures_exported_as_a_table_read_back_unchanged() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tabelle.xlsx");
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Datei");
    assert!(harness.query_by_label("Maßnahmen als Tabelle exportieren …").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    type_path(&mut harness, PickPurpose::ExportMeasuresTable, &path, "Speichern");
    harness.run();
    assert!(path.exists(), "{:?}", harness.state().dialog);
    let count = harness.state().session.plan().measures.len();
    type_path(&mut harness, PickPurpose::ImportMeasuresTable, &path, "Öffnen …");
    wait_for_preview(&mut harness);
    assert!(harness.query_by_label_contains(&format!("0 neu, 0 geändert, {count} unverändert")).is_some());
    assert!(harness.query_by_label("Die Tabelle ändert nichts am Plan.").is_some());
    assert!(!apply_is_enabled(&harness), "nothing to apply");
}

#[test]
fn no_export_writes_over_the_open_plan() {
    let folder = tempfile::tempdir().unwrap();
    let plan_path = folder.path().join("plan.json");
    let mut harness = harness();
    harness.run();
    assert!(harness.state_mut().save_to(&plan_path));
    let saved = std::fs::read(&plan_path).unwrap();
    let app = harness.state_mut();
    assert!(!app.export_csv(&plan_path));
    assert!(!app.export_xlsx(&plan_path));
    assert!(!app.export_scenarios(&plan_path));
    assert!(!app.export_measures_table(&plan_path));
    assert!(!app.export_picture(integrationsplan::picture::Picture::Summary, &plan_path), "no picture over the plan");
    app.take_snapshot(integrationsplan::ui::snapshot::SnapshotTarget::Map, &plan_path);
    assert!(app.snapshot.is_none(), "no screenshot is taken over the plan");
    harness.run();
    assert_eq!(std::fs::read(&plan_path).unwrap(), saved, "the plan file is untouched");
    assert!(matches!(harness.state().dialog, Some(Dialog::Notice(..))));
    assert!(harness.query_by_label_contains("ist die geöffnete Plandatei – bitte eine andere Datei wählen").is_some());
}

#[test]
fn the_about_dialog_names_version_licence_and_sources_in_both_languages() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Hilfe");
    click(&mut harness, "Über Integrationsplan …");
    assert!(harness.query_by_label(&format!("Version: {}", env!("CARGO_PKG_VERSION"))).is_some());
    assert!(harness.query_by_label("Lizenz: MIT OR Apache-2.0").is_some());
    assert!(harness.query_by_label_contains("Statistisches Bundesamt (Destatis), Datenlizenz Deutschland").is_some());
    assert!(harness.query_by_label_contains("districts-nrw-centroids.csv").is_some());
    harness.state_mut().handle(Action::SetLanguage(integrationsplan::ui::i18n::Language::English));
    harness.run();
    assert!(harness.query_by_label("About Integrationsplan").is_some());
    assert!(harness.query_by_label("Licence: MIT OR Apache-2.0").is_some());
    assert!(harness.query_by_label_contains("Federal Statistical Office (Destatis)").is_some());
}
