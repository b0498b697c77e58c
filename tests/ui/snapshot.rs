//! Pictures for slides: a plot's "PNG" button and the summary in the file menu write pictures
//! drawn in software (no screenshot), at 1920×1080, in the format the file name ends with, as the
//! window shows them (scenarios, region, language). The map stays a screenshot; without a
//! renderer (as here) the user is told that no picture came.

use super::harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::picture::Picture;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::files::PickPurpose;
use integrationsplan::ui::snapshot::SnapshotTarget;

fn png_size(path: &std::path::Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let reader = decoder.read_info().unwrap();
    (reader.info().width, reader.info().height)
}

#[test]
fn a_plots_png_button_writes_a_rendered_picture() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    let buttons: Vec<_> = harness.query_all_by_label("PNG").collect();
    assert!(buttons.len() >= 5, "every plot has its picture button");
    buttons[1].click();
    harness.step();
    assert_eq!(harness.state().snapshot_choice(), Some(SnapshotTarget::DomainPlot(1)), "the second domain's plot");
    harness.state_mut().dialog = None;
    let path = folder.path().join("schule");
    harness.state_mut().handle(Action::UsePath(PickPurpose::ExportPicture, path.clone()));
    harness.step();
    let written = folder.path().join("schule.png");
    assert_eq!(png_size(&written), (1920, 1080), "a rendered picture, not an 834×215 grab");
    assert!(harness.state().snapshot.is_none(), "no screenshot");
    assert!(harness.query_by_label_contains("schule.png").is_some(), "the status bar says where it went");
}

#[test]
fn the_summary_is_written_as_png_svg_or_pdf_by_its_ending_and_follows_the_region() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    assert!(harness.query_by_label("Zusammenfassung als Bild speichern (PNG, SVG, PDF) …").is_some(), "reachable from the menu");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let essen = harness.state().session.plan().regions.iter().find(|r| r.name == "Essen").map(|r| r.id.clone());
    harness.state_mut().handle(Action::SelectRegion(essen));
    let app = harness.state_mut();
    assert!(app.export_picture(Picture::Summary, &folder.path().join("folie.png")));
    assert_eq!(png_size(&folder.path().join("folie.png")), (1920, 1080));
    assert!(app.export_picture(Picture::Summary, &folder.path().join("folie.svg")));
    let svg = std::fs::read_to_string(folder.path().join("folie.svg")).unwrap();
    assert!(svg.contains("Region: Essen") && svg.contains("Kennzahlen – Essen"), "the selected region, named");
    assert!(app.export_picture(Picture::Summary, &folder.path().join("folie.pdf")));
    assert!(std::fs::read(folder.path().join("folie.pdf")).unwrap().starts_with(b"%PDF"));

    assert!(!app.export_picture(Picture::CostPlot, &folder.path().join("kosten.pdf")), "a single plot is no PDF");
    assert!(!folder.path().join("kosten.pdf").exists());
    match &app.dialog {
        Some(Dialog::Notice(_, lines)) => assert!(lines.iter().any(|l| l.contains(".png, .svg")), "{lines:?}"),
        other => panic!("expected a notice, got {other:?}"),
    }
}

#[test]
fn the_map_picture_is_a_screenshot_and_says_so_when_none_comes() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    harness.state_mut().snapshot_patience_frames = 6;
    harness.state_mut().take_snapshot(SnapshotTarget::Map, &folder.path().join("karte"));
    for _ in 0..12 {
        harness.step();
    }
    let app = harness.state();
    assert!(app.snapshot.is_none());
    match &app.dialog {
        Some(Dialog::Notice(_, lines)) => assert!(lines.iter().any(|l| l.contains("nicht aufgenommen")), "{lines:?}"),
        other => panic!("expected a notice, got {other:?}"),
    }
    assert!(!folder.path().join("karte.png").exists());
}
