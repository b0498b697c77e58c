//! Crash recovery: unsaved work is kept in the data folder and offered back at the next start.

use super::{click, filter_measures, harness, measure_index};
use egui_kittest::kittest::Queryable;
use integrationsplan::io::RecoveryFile;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::session::RECOVERY_INTERVAL_SECONDS;
use integrationsplan::ui::settings::Settings;

/// Changes the places of the first measure to `places` through a command.
fn edit_first_measure(app: &mut App, places: f64) {
    let mut measure = app.session.plan().measures[0].clone();
    measure.places = places;
    app.handle(Action::Edit(Command::SetMeasure(0, measure)));
}

/// A run that "crashes": `edit` is applied and written to the recovery file, never saved.
/// Returns the unsaved plan.
fn crash_after(file: &RecoveryFile, edit: impl FnOnce(&mut App)) -> integrationsplan::Plan {
    let mut crashed = App::with_sample(Settings::default()).with_recovery(file.clone());
    edit(&mut crashed);
    crashed.session.keep_recovery(0.0);
    crashed.session.plan().clone()
}

/// The next start, in the test window, on the same recovery file.
fn restart(file: &RecoveryFile) -> egui_kittest::Harness<'static, App> {
    let mut harness = harness();
    *harness.state_mut() = App::with_sample(Settings::default()).with_recovery(file.clone());
    harness.run();
    harness
}

#[test]
fn unsaved_changes_are_written_every_30_seconds_and_removed_by_a_save() {
    let folder = tempfile::tempdir().unwrap();
    let file = RecoveryFile::in_folder(folder.path());
    let mut app = App::with_sample(Settings::default()).with_recovery(file.clone());
    assert!(app.dialog.is_none(), "nothing to restore on a clean start");

    app.session.keep_recovery(0.0);
    assert!(!file.exists(), "nothing unsaved, nothing written");

    edit_first_measure(&mut app, 111.0);
    app.session.keep_recovery(1.0);
    assert_eq!(file.read().unwrap().plan.measures[0].places, 111.0);

    edit_first_measure(&mut app, 222.0);
    app.session.keep_recovery(1.0 + RECOVERY_INTERVAL_SECONDS - 0.5);
    assert_eq!(file.read().unwrap().plan.measures[0].places, 111.0, "not before 30 seconds");
    app.session.keep_recovery(1.0 + RECOVERY_INTERVAL_SECONDS);
    assert_eq!(file.read().unwrap().plan.measures[0].places, 222.0, "after 30 seconds");

    assert!(app.save_to(&folder.path().join("plan.json")));
    assert!(!file.exists(), "a normal save removes the recovery file");
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = RecoveryFile::in_folder(folder.path());
    let mut app = App::with_sample(Settings::default()).with_recovery(file.clone());
    edit_first_measure(&mut app, 5.0);
    app.session.keep_recovery(0.0);
    assert!(file.exists());
    app.handle(Action::Undo);
    app.session.keep_recovery(0.1);
    assert!(!file.exists());
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_work_and_restores_it() {
    let folder = tempfile::tempdir().unwrap();
    let file = RecoveryFile::in_folder(folder.path());
    let name = "Landesprogramm Kita-Einstieg (Brückenprojekte)";
    let unsaved = crash_after(&file, |crashed| {
        let index = measure_index(crashed, name);
        let mut measure = crashed.session.plan().measures[index].clone();
        measure.places = 4321.0;
        crashed.handle(Action::Edit(Command::SetMeasure(index, measure)));
    });

    let mut harness = restart(&file);
    assert!(matches!(harness.state().dialog, Some(Dialog::Recover(_))));
    assert!(harness.query_by_label("Ungespeicherte Arbeit wiederherstellen?").is_some());
    click(&mut harness, "Wiederherstellen");

    let app = harness.state();
    assert!(app.dialog.is_none());
    assert_eq!(*app.session.plan(), unsaved, "the unsaved plan is back");
    assert!(app.session.doc().is_dirty(), "restored work is still unsaved");
    assert!(file.exists(), "kept until it is saved or discarded");
    filter_measures(&mut harness, name);
    assert!(harness.query_by_label(&format!("Plätze: {name}")).is_some());
}

#[test]
fn declining_the_restore_removes_the_recovery_file_and_keeps_the_sample() {
    let folder = tempfile::tempdir().unwrap();
    let file = RecoveryFile::in_folder(folder.path());
    crash_after(&file, |crashed| edit_first_measure(crashed, 9.0));

    let mut harness = restart(&file);
    click(&mut harness, "Verwerfen");
    assert!(harness.state().dialog.is_none());
    assert!(!file.exists());
    assert!(!harness.state().session.doc().is_dirty());
    assert_ne!(harness.state().session.plan().measures[0].places, 9.0);
}

#[test]
fn discarding_on_quit_removes_the_recovery_file_so_the_next_start_offers_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let file = RecoveryFile::in_folder(folder.path());
    let mut harness = harness();
    *harness.state_mut() = App::with_sample(Settings::default()).with_recovery(file.clone());
    harness.run();
    edit_first_measure(harness.state_mut(), 7.0);
    harness.state_mut().session.keep_recovery(0.0);
    assert!(file.exists(), "the unsaved work is kept while the window is open");

    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label("Ungespeicherte Änderungen").is_some(), "quitting asks first");
    click(&mut harness, "Verwerfen");
    assert!(!file.exists(), "thrown-away work is not offered again");

    let next_start = restart(&file);
    assert!(next_start.state().dialog.is_none(), "no restore question for discarded work");
}
