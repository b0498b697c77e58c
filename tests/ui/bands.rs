//! Fan charts (issue 12): the P10–P90 bands are computed off the UI thread when switched on,
//! dropped and recomputed when the plan changes, cancelled on request; the ranges are edited
//! in the scenario panel with one undo step per drag; presentation mode has a big switch.

use super::{click, harness};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::panels::plots::domain_series;
use std::time::{Duration, Instant};

/// Steps until the runs are done (or a minute has passed).
fn wait_for_bands(harness: &mut Harness<'_, App>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    harness.step();
    while harness.state().session.bands().is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
}

#[test]
fn switching_the_bands_on_computes_them_in_the_background_and_draws_them() {
    let mut harness = harness();
    harness.state_mut().settings.band_runs = 20;
    harness.run();
    assert_eq!(harness.state().session.bands().jobs_started(), 0, "no runs while the bands are off");
    assert!(harness.query_all_by_label("—").next().is_some(), "no shortage probability yet");

    click(&mut harness, "Bandbreite (P10–P90)");
    harness.step();
    assert!(harness.state().settings.show_bands);
    assert_eq!(harness.state().session.bands().jobs_started(), 1);
    wait_for_bands(&mut harness);

    let app = harness.state();
    for id in std::iter::once(&app.selection.scenario_id).chain(&app.selection.compared_ids) {
        assert!(app.session.bands().of(id).is_some(), "bands of {id}");
    }
    let ctx = app.panel_ctx();
    let domain = app.session.plan().domains[0].id.clone();
    let series = domain_series(&ctx, &domain);
    let band = series[0].band.as_ref().expect("the leading scenario's band is drawn");
    assert_eq!(band.p10.len(), series[0].demand.len());
    assert!(band.p10.iter().zip(&band.p50).zip(&band.p90).all(|((a, b), c)| a <= b && b <= c));
    assert!(band.p90.iter().zip(&band.p10).any(|(high, low)| high > low), "the sample's ranges make a band");

    let leading = app.session.bands().of(&app.selection.scenario_id).unwrap();
    let probability = integrationsplan::ui::i18n::Language::German.percent(leading.domains[0].any_shortage_probability);
    assert!(harness.query_all_by_label(&probability).next().is_some(), "indicator {probability}");
    assert!(harness.query_by_label("Engpass-Wahrscheinlichkeit").is_some());

    // A change of the plan drops the bands of the old plan and computes new ones.
    let app = harness.state_mut();
    let mut scenario = app.session.plan().scenarios[0].clone();
    let id = scenario.id.clone();
    scenario.arrival_factor = 1.1;
    app.handle(Action::Edit(Command::SetScenario(0, scenario)));
    harness.step();
    assert!(harness.state().session.bands().of(&id).is_none(), "bands of the old plan are dropped");
    assert_eq!(harness.state().session.bands().jobs_started(), 2);
    wait_for_bands(&mut harness);
    assert!(harness.state().session.bands().of(&id).is_some());
}

#[test]
fn long_runs_never_hold_up_a_frame_and_can_be_cancelled() {
    let mut harness = harness();
    harness.state_mut().settings.band_runs = 20_000;
    harness.state_mut().handle(Action::SetBands(true));
    harness.run();
    let started = Instant::now();
    for _ in 0..5 {
        harness.step();
    }
    assert!(harness.state().session.bands().is_running());
    assert!(started.elapsed() < Duration::from_secs(5), "five frames took {:?}", started.elapsed());
    assert!(harness.query_by_label_contains("Bandbreiten werden berechnet …").is_some(), "progress is shown");
    click(&mut harness, "Abbrechen");
    harness.step();
    assert!(!harness.state().session.bands().is_running());
    harness.step();
    assert!(!harness.state().session.bands().is_running(), "a cancel is not undone by the next frame");
    assert_eq!(harness.state().session.bands().jobs_started(), 1);
}

#[test]
fn dragging_a_range_bound_makes_one_undo_step_and_a_bad_bound_is_marked() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Szenarien");
    let original = harness.state().session.plan().scenarios[0].clone();
    let high_before = original.uncertainty.as_ref().unwrap().arrival_factor.as_ref().unwrap().high;
    let steps_before = harness.state().session.doc().undo_len();

    harness.get_by_label("Zugangsfaktor hoch").scroll_to_me();
    harness.run();
    let rect = harness.get_by_label("Zugangsfaktor hoch").rect();
    let (x, y) = (rect.center().x, rect.center().y);
    harness.drag_at(egui::pos2(x, y));
    harness.step();
    for frame in 1..=10 {
        harness.hover_at(egui::pos2(x + 8.0 * frame as f32, y));
        harness.step();
    }
    harness.drop_at(egui::pos2(x + 80.0, y));
    harness.run();

    let app = harness.state();
    let high_after = app.session.plan().scenarios[0].uncertainty.as_ref().unwrap().arrival_factor.as_ref().unwrap().high;
    assert!(high_after > high_before + 0.3, "the drag raised the bound: {high_before} → {high_after}");
    assert_eq!(app.session.doc().undo_len(), steps_before + 1, "one drag, one undo step");
    harness.state_mut().handle(Action::Undo);
    harness.run();
    assert_eq!(harness.state().session.plan().scenarios[0], original);

    // A bound below the value is kept, outlined red and explained.
    let mut bad = original.clone();
    bad.uncertainty.as_mut().unwrap().arrival_factor.as_mut().unwrap().high = 0.8;
    harness.state_mut().handle(Action::Edit(Command::SetScenario(0, bad)));
    harness.run();
    assert!(harness.state().session.issues().iter().any(|i| i.path == "scenarios[0].uncertainty.arrival_factor.high"));
    assert!(harness.query_by_label("⚠ „hoch“ darf nicht unter dem Wert liegen").is_some());
}

#[test]
fn switching_a_range_off_and_on_edits_the_plan() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Szenarien");
    let checkbox = harness.get_all_by_label("unsicher").next().unwrap();
    checkbox.click();
    harness.run();
    let uncertainty = harness.state().session.plan().scenarios[0].uncertainty.clone().unwrap();
    assert!(uncertainty.arrival_factor.is_none(), "the arrival factor is certain now");
    assert!(uncertainty.leave_rate_per_year.is_some());
    harness.get_all_by_label("unsicher").next().unwrap().click();
    harness.run();
    let factor = harness.state().session.plan().scenarios[0].arrival_factor;
    let range = harness.state().session.plan().scenarios[0].uncertainty.clone().unwrap().arrival_factor.unwrap();
    assert!(range.low <= factor && factor <= range.high, "a valid range is proposed");
}

#[test]
fn presentation_mode_has_a_big_switch_for_the_bands() {
    let mut harness = harness();
    harness.state_mut().settings.band_runs = 20;
    harness.run();
    harness.state_mut().handle(Action::SetPresentation(true));
    harness.run();
    click(&mut harness, "☐ Bandbreite (P10–P90)");
    assert!(harness.state().settings.show_bands);
    wait_for_bands(&mut harness);
    let app = harness.state();
    assert!(app.session.bands().of(&app.selection.scenario_id).is_some(), "computed in presentation mode too");
    click(&mut harness, "☑ Bandbreite (P10–P90)");
    assert!(!harness.state().settings.show_bands);
}
