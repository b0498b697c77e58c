//! Presentation mode for workshops: zoom and high contrast, what-if controls, then back.

use super::{click, harness};
use egui_kittest::kittest::Queryable;

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
