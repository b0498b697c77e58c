//! Issue 20, the workshop path: money typed as planners write it, closures visible as such.

use super::{edit_cell, filter_measures, harness, measure_index};
use egui_kittest::kittest::Queryable;

/// Point 9: "2,5 Mio", "2,5 Mio. €", "900 T€" and "1.500.000 €" are amounts; a text that is none
/// keeps the focus in its cell and says why under it.
#[test]
fn money_cells_read_mio_and_t_euro_and_keep_the_focus_on_a_bad_amount() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    let index = measure_index(harness.state(), name);
    filter_measures(&mut harness, name);
    let once = format!("Einmalkosten €: {name}");
    let yearly = format!("Kosten/Jahr €: {name}");
    for (typed, euros) in [("2,5 Mio", 2_500_000.0), ("2,5 Mio. €", 2_500_000.0), ("1.500.000 €", 1_500_000.0)] {
        edit_cell(&mut harness, &once, typed);
        assert_eq!(harness.state().session.plan().measures[index].cost_once_eur, euros, "{typed}");
    }
    edit_cell(&mut harness, &yearly, "900 T€");
    assert_eq!(harness.state().session.plan().measures[index].cost_per_year_eur, 900_000.0);

    edit_cell(&mut harness, &once, "zwei Mio");
    harness.run();
    assert_eq!(harness.state().session.plan().measures[index].cost_once_eur, 1_500_000.0, "the plan keeps its value");
    assert!(harness.get_by_label(&once).is_focused(), "the focus stays in the cell");
    assert!(
        harness.query_by_label("⚠ kein Betrag (z. B. 2,5 Mio, 900 T€ oder 1.500.000 €)").is_some(),
        "the reason is shown under the cell"
    );
}

/// Point 10: a negative number of places is allowed (a closure) and said so in the table.
#[test]
fn a_negative_number_of_places_reads_as_a_closure() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    let index = measure_index(harness.state(), name);
    filter_measures(&mut harness, name);
    assert!(harness.query_by_label("schließt 100 Plätze").is_none());
    edit_cell(&mut harness, &format!("Plätze: {name}"), "-100");
    assert_eq!(harness.state().session.plan().measures[index].places, -100.0);
    assert!(harness.query_by_label("schließt 100 Plätze").is_some(), "the closure is visible in the row");
}

/// Point 13: "plan.xls" gets the ending of what is written; the path field of the next export
/// starts in the folder of the last one with a name suggested.
#[test]
fn an_export_corrects_a_wrong_ending_and_the_next_one_starts_in_the_same_folder() {
    use integrationsplan::ui::action::Action;
    use integrationsplan::ui::dialogs::Dialog;
    use integrationsplan::ui::files::PickPurpose;
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    harness.state_mut().handle(Action::UsePath(PickPurpose::ExportXlsx, folder.path().join("plan.xls")));
    harness.run();
    assert!(folder.path().join("plan.xlsx").is_file(), "the workbook is named .xlsx");
    assert!(!folder.path().join("plan.xls").exists(), "no XLSX under an .xls name");

    harness.state_mut().handle(Action::TypePath(PickPurpose::ExportCsv, String::new()));
    harness.run();
    let Some(Dialog::PathEntry { text, .. }) = &harness.state().dialog else { panic!("the path field opens") };
    let suggested = std::path::PathBuf::from(text);
    assert_eq!(suggested.parent(), Some(folder.path()), "the last folder: {text}");
    assert!(text.ends_with(".csv") && text.contains("nrw-2025"), "a name is suggested: {text}");
    assert!(harness.query_by_label(integrationsplan::ui::settings::Settings::default().language.strings().path).is_some());

    // Escape closes the field like "Abbrechen".
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().dialog.is_none());
}

/// Point 13: a JSON file that is no plan says why first, before its "unknown field" warnings,
/// and Escape closes the message.
#[test]
fn a_json_that_is_no_plan_says_why_first_and_escape_closes_the_message() {
    use integrationsplan::ui::dialogs::Dialog;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kreise.json");
    std::fs::write(&path, r#"{"type": "FeatureCollection", "name": "Kreise", "crs": {}, "features": []}"#).unwrap();
    let mut harness = harness();
    harness.run();
    harness.state_mut().open_path(&path);
    harness.run();
    let Some(Dialog::LoadErrors(error)) = harness.state().dialog.clone() else { panic!("the load errors are shown") };
    assert!(error.issues.iter().any(|i| !i.is_error()), "the file has warnings too: {:?}", error.issues);
    // Where the lines saying what an issue says are drawn (the topmost and the lowest).
    let tops = |issue: &integrationsplan::issue::Issue| -> Vec<f32> {
        let message = integrationsplan::ui::field_label::issue_message(issue, integrationsplan::ui::i18n::Language::German);
        harness.query_all_by_label_contains(&message).map(|node| node.rect().top()).collect()
    };
    let first_warning = error.issues.iter().filter(|i| !i.is_error()).flat_map(tops).fold(f32::INFINITY, f32::min);
    for issue in error.issues.iter().filter(|i| i.is_error()) {
        let last = tops(issue).into_iter().fold(f32::NEG_INFINITY, f32::max);
        assert!(last < first_warning, "the reason comes before the warnings: {issue:?}");
    }
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().dialog.is_none(), "Escape closes the message");
}
