//! Pictures for slides: the summary page is laid out for the screenshot and the window comes
//! back afterwards; without a renderer (as here) the user is told that no picture came.

use super::harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::snapshot::SnapshotTarget;

#[test]
fn the_summary_page_is_shown_for_the_picture_and_the_window_returns() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    assert!(harness.query_by_label("Zusammenfassung als Bild (PNG) speichern …").is_some(), "reachable from the menu");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.query_all_by_label("PNG").collect::<Vec<_>>().is_empty(), "every plot has its picture button");

    harness.state_mut().snapshot_patience_frames = 6;
    harness.state_mut().take_snapshot(SnapshotTarget::SummaryPage, &folder.path().join("folie"));
    harness.step();
    assert!(harness.state().showing_summary_page());
    assert!(harness.query_by_label("Szenarien:").is_some(), "the summary names the scenarios");
    assert!(harness.query_by_label_contains("Kennzahlen – ").is_some(), "the summary shows the indicators");
    assert!(harness.query_by_label_contains("Haushalt – ").is_some(), "the summary shows the budget");
    assert!(harness.query_all_by_label_contains("noch nicht gesichert").next().is_some());
    assert!(harness.query_by_label("Datei").is_none(), "no controls on the picture");
    assert!(harness.query_all_by_label("PNG").next().is_none());
    for _ in 0..10 {
        harness.step();
    }
    let app = harness.state();
    assert!(!app.showing_summary_page(), "the window returns");
    match &app.dialog {
        Some(Dialog::Notice(_, lines)) => assert!(lines.iter().any(|l| l.contains("nicht aufgenommen")), "{lines:?}"),
        other => panic!("expected a notice, got {other:?}"),
    }
    assert!(!folder.path().join("folie.png").exists());
}
