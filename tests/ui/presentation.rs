//! Presentation mode for workshops: zoom and high contrast, what-if controls, then back.

use super::{click, harness};
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::context::ChartFocus;

#[test]
fn presentation_mode_zooms_shows_what_if_controls_and_restores_everything() {
    let mut harness = harness();
    harness.state_mut().settings.dark = true;
    harness.run();
    let zoom_before = harness.ctx.zoom_factor();
    assert!(harness.query_by_label("Was wäre, wenn …").is_none());

    click(&mut harness, "Präsentation (F11)");
    assert!(harness.state().is_presenting());
    assert!((harness.ctx.zoom_factor() - 1.6).abs() < 1e-6, "large text");
    assert!(!harness.state().settings.dark, "light high-contrast theme");
    assert_eq!(harness.ctx.style_of(egui::Theme::Light).visuals.override_text_color, Some(egui::Color32::BLACK));
    assert!(harness.query_by_label("Was wäre, wenn …").is_some());
    assert!(harness.query_by_label("Datei").is_none(), "editing chrome is hidden");

    // A measure switched off live: the scenario's shortage grows at once.
    let app = harness.state();
    let scenario = app.session.plan().scenarios.iter().position(|s| s.id == app.selection.scenario_id).unwrap();
    let name = "Landesprogramm Kita-Einstieg (Brückenprojekte)";
    let id = app.session.plan().measures.iter().find(|m| m.name == name).unwrap().id.clone();
    let before = app.session.results().scenarios[scenario].domains[0].indicators.shortage_place_months;
    click(&mut harness, name);
    let app = harness.state();
    assert!(app.session.plan().scenarios[scenario].measures_off.contains(&id));
    assert!(app.session.results().scenarios[scenario].domains[0].indicators.shortage_place_months > before);

    click(&mut harness, "Präsentation beenden (F11)");
    assert!(!harness.state().is_presenting());
    assert!((harness.ctx.zoom_factor() - zoom_before).abs() < 1e-6, "zoom restored");
    assert!(harness.state().settings.dark, "theme restored");
    assert!(harness.query_by_label("Datei").is_some(), "layout restored");
}

#[test]
fn f11_toggles_presentation_mode() {
    let mut harness = harness();
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(harness.state().is_presenting());
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(!harness.state().is_presenting());
}

#[test]
fn presentation_on_a_1280_by_720_projector_shows_one_domain_large_with_its_indicators() {
    let app = integrationsplan::ui::app::App::with_sample(integrationsplan::ui::settings::Settings::default());
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 720.0])
        .build_ui_state(|ui, app: &mut integrationsplan::ui::app::App| app.show(ui), app);
    harness.run();
    click(&mut harness, "Präsentation (F11)");
    harness.run();
    assert!((harness.ctx.zoom_factor() - 1.2).abs() < 1e-3, "the zoom fits 1280×720: {}", harness.ctx.zoom_factor());
    let screen = harness.ctx.content_rect();
    let kita = harness.state().session.plan().domains[0].name.clone();
    let first = harness.state().session.plan().domains[0].id.clone();
    assert_eq!(harness.state().selection.chart_focus, ChartFocus::Domain(first), "the first domain alone");
    assert!(harness.query_all_by_label(&kita).count() >= 2, "its button and its indicator row");
    let title = harness.get_by_label_contains("(Plätze)").rect();
    assert!(screen.contains_rect(title), "plot title on screen: {title:?} in {screen:?}");
    assert!(harness.query_by_label("Regelklassen (ab Monat 24 nach Ankunft) (Plätze)").is_none(), "only one plot");
    // Every compared scenario's indicator row is on the screen, not cut off.
    for scenario in harness.state().session.plan().scenarios.clone() {
        let rows: Vec<egui::Rect> = harness.get_all_by_label(&scenario.name).map(|n| n.rect()).collect();
        assert!(rows.iter().any(|r| screen.contains_rect(*r) && r.top() > title.bottom()), "{} on screen", scenario.name);
    }

    click(&mut harness, "Alle Diagramme");
    assert!(harness.query_by_label("Regelklassen (ab Monat 24 nach Ankunft) (Plätze)").is_some(), "all plots again");
}

#[test]
fn the_arrival_slider_beyond_the_scenarios_range_widens_the_range_and_keeps_the_plan_valid() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Präsentation (F11)");
    let app = harness.state();
    let index = app.session.plan().scenarios.iter().position(|s| s.id == app.selection.scenario_id).unwrap();
    let high = app.session.plan().scenarios[index].uncertainty.as_ref().and_then(|u| u.arrival_factor.as_ref()).unwrap().high;
    harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").focus();
    harness.run();
    let presses = ((high - 1.0) / 0.05).ceil() as usize + 4;
    for _ in 0..presses {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    let scenario = &harness.state().session.plan().scenarios[index];
    assert!(scenario.arrival_factor > high, "the slider went past the range: {}", scenario.arrival_factor);
    assert_eq!(scenario.arrival_factor, (scenario.arrival_factor * 100.0).round() / 100.0, "whole hundredths");
    let range = scenario.uncertainty.as_ref().and_then(|u| u.arrival_factor.as_ref()).unwrap();
    assert!(range.low <= scenario.arrival_factor && scenario.arrival_factor <= range.high, "the range holds the value");
    harness.step();
    assert!(!harness.state().session.issues().iter().any(|i| i.is_error()), "the plan stays valid");
}
