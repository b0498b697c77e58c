//! Exports for Excel and scenario exchange, reached through the window's path dialog.

use super::{click, harness};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::files::PickPurpose;

/// Opens the path dialog for `purpose` (what a click in the File menu leads to where no native
/// dialog opens), types `path` and confirms with `button`.
fn through_path_dialog(harness: &mut Harness<'_, App>, purpose: PickPurpose, path: &std::path::Path, button: &str) {
    harness.state_mut().dialog = Some(Dialog::PathEntry { purpose, text: String::new(), note: None });
    harness.run();
    click(harness, "Pfad");
    harness.get_by_label("Pfad").type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

#[test]
fn the_csv_for_excel_reads_back_as_the_engines_numbers() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("ergebnisse.csv");
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    assert!(harness.query_by_label("Ergebnisse als CSV für Excel exportieren …").is_some(), "reachable from the menu");
    through_path_dialog(&mut harness, PickPurpose::ExportCsv, &path, "Speichern");

    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 byte-order mark for Excel");
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), integrationsplan::io::LABELLED_HEADERS);
    let results = &harness.state().session.results();
    let (mut state_rows, mut koeln_rows) = (0, 0);
    for record in reader.records() {
        let record = record.unwrap();
        let scenario = results.scenarios.iter().find(|s| s.id == record[1]).unwrap();
        assert_eq!(&record[0], scenario.name, "scenario by name, id beside it");
        let month = integrationsplan::model::Month::parse(&format!("{}-{}", &record[6][3..], &record[6][..2])).unwrap();
        let t = results.months.iter().position(|m| *m == month).unwrap();
        let whole = |cell: &str| -> f64 {
            assert!(!cell.contains([',', '.']), "whole places: {cell}");
            cell.parse().unwrap()
        };
        if &record[3] == "*" {
            assert_eq!(&record[2], "Land gesamt (Summe der Regionen)");
            let domain = scenario.domain(&record[5]).unwrap();
            assert_eq!(whole(&record[7]), domain.demand[t].round(), "demand rounded to whole places");
            assert_eq!(&record[9], "", "no capacity-minus-demand gap for the state");
            assert_eq!(whole(&record[10]), domain.shortage[t].round(), "the sum of the regions' shortfalls");
            state_rows += 1;
        } else if &record[3] == "koeln" {
            assert_eq!(&record[2], "Köln");
            let plan = harness.state().session.plan();
            let domain = plan.domains.iter().find(|d| d.id == record[5]).unwrap();
            assert_eq!(&record[4], domain.name, "domain by name, id beside it");
            assert_eq!(whole(&record[9]), whole(&record[8]) - whole(&record[7]), "gap = capacity − demand as shown");
            koeln_rows += 1;
        }
    }
    assert_eq!(state_rows, results.scenarios.len() * results.domain_ids.len() * results.months.len());
    assert_eq!(koeln_rows, state_rows, "one row per scenario, domain and month for Köln");
}

#[test]
fn scenarios_exported_and_imported_arrive_with_the_same_results_and_a_notice() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("szenarien.json");
    let mut harness = harness();
    harness.run();
    // Export only the second scenario.
    let chosen = harness.state().session.plan().scenarios[1].id.clone();
    harness.state_mut().selection.compared_ids = vec![chosen.clone()];
    through_path_dialog(&mut harness, PickPurpose::ExportScenarios, &path, "Speichern");
    let exported = integrationsplan::io::load_file(&path).unwrap().plan;
    assert_eq!(exported.scenarios.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), vec![chosen.clone()]);
    let expected = harness.state().session.results().scenarios[1].clone();

    // Import it back into the same plan: the id is taken, so it arrives renamed, with a notice.
    let count_before = harness.state().session.plan().scenarios.len();
    through_path_dialog(&mut harness, PickPurpose::ImportScenarios, &path, "Öffnen …");
    let app = harness.state();
    assert_eq!(app.session.plan().scenarios.len(), count_before + 1);
    let new_id = format!("{chosen}-2");
    let imported = app.session.results().scenarios.iter().find(|s| s.id == new_id).expect("imported under a new id");
    assert_eq!(imported.domains, expected.domains, "the same results in the new plan");
    assert!(matches!(app.dialog, Some(Dialog::Notice(..))));
    assert!(harness.query_by_label("Hinweise zum Import").is_some());
    assert!(harness.query_by_label_contains(&format!("{chosen} » {new_id}")).is_some());

    // One undo removes the whole import.
    harness.get_by_label("Schließen").click();
    harness.run();
    harness.state_mut().handle(Action::Undo);
    assert_eq!(harness.state().session.plan().scenarios.len(), count_before);
}

#[test]
fn the_excel_workbook_is_written_from_the_menu_path() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("ergebnisse");
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    assert!(harness.query_by_label("Ergebnisse als Excel-Arbeitsmappe (XLSX) exportieren …").is_some());
    through_path_dialog(&mut harness, PickPurpose::ExportXlsx, &path, "Speichern");
    let written = folder.path().join("ergebnisse.xlsx");
    let bytes = std::fs::read(&written).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx is a zip file");
    use calamine::{DataType, Reader};
    let workbook: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    // Summary, budget ("Haushalt"), one sheet per scenario.
    let mut workbook = workbook;
    assert_eq!(workbook.sheet_names().len(), 3 + harness.state().session.results().scenarios.len());
    assert!(workbook.sheet_names().iter().any(|n| n == "Gruppen und Personal"));
    // Names with their ids beside them, whole places.
    let first = harness.state().session.results().scenarios[0].name.clone();
    let sheet = workbook.worksheet_range(&first).unwrap();
    let headers: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(headers, integrationsplan::io::LABELLED_SCENARIO_HEADERS);
    let koeln = sheet.rows().find(|row| row.get(2).is_some_and(|c| c.get_string() == Some("koeln"))).expect("a Köln row");
    assert_eq!(koeln[1].to_string(), "Köln");
    assert_eq!(koeln[3].to_string(), "Kita-Plätze");
    assert_eq!(koeln[4].to_string(), "kita");
    let demand = koeln[5].get_float().unwrap();
    assert_eq!(demand, demand.round(), "whole places");
    let state = sheet.rows().nth(1).unwrap();
    assert_eq!(state[1].to_string(), "Land gesamt (Summe der Regionen)");
    assert!(state[7].is_empty() && state[8].get_float().is_some(), "the state's gap is the regions' summed shortfall");
    let summary = workbook.worksheet_range("Übersicht").unwrap();
    assert!(summary.rows().any(|row| row.get(1).is_some_and(|c| c.get_string() == Some("Kita-Plätze"))), "domains by name");
    assert!(harness.query_by_label_contains("Exportiert").is_some(), "the status bar says where it went");
}
