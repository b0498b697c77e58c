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

/// Issue 20, point 1: the arrival factor of the high scenario dragged to 1,40 and then to 1,55
/// in presentation mode, F11, Ctrl+Z: the first undo goes back to 1,40 with a valid plan, the
/// second (from the Edit menu) to the start, and redo stays possible. Before, the slider of the
/// scenario editor snapped 1,40 to 1,4000000000000001 whenever it was drawn, so every undo was
/// at once followed by a new edit (redo gone, "hoch" reported below the value).
#[test]
fn undo_after_arrival_factor_drags_in_presentation_mode_goes_back_to_the_first_value() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Szenarien");
    click(&mut harness, "Präsentation (F11)");
    click(&mut harness, "■ Hoher Zugang wie 2015/16");
    let index = harness.state().session.plan().scenarios.iter().position(|s| s.id == "hoch").unwrap();
    assert_eq!(harness.state().selection.scenario_id, "hoch");
    let original = harness.state().session.plan().clone();
    let high_of = |plan: &integrationsplan::model::Plan| {
        plan.scenarios[index].uncertainty.as_ref().and_then(|u| u.arrival_factor.as_ref()).unwrap().high
    };
    for value in [1.4, 1.55] {
        harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").set_value_accesskit(value);
        harness.run();
        assert_eq!(harness.state().session.plan().scenarios[index].arrival_factor, value);
    }
    assert_eq!(high_of(harness.state().session.plan()), 1.55, "the range widened with the slider");
    let dragged = harness.state().session.plan().clone();
    let steps = harness.state().session.doc().undo_len();

    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(!harness.state().is_presenting());
    for _ in 0..3 {
        harness.run();
    }
    assert_eq!(*harness.state().session.plan(), dragged, "drawing the editors changes nothing");
    assert_eq!(harness.state().session.doc().undo_len(), steps);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
    let plan = harness.state().session.plan().clone();
    assert_eq!(plan.scenarios[index].arrival_factor, 1.4);
    assert_eq!(high_of(&plan), 1.4);
    assert!(harness.state().session.doc().can_redo(), "redo stays possible");
    assert!(!harness.state().session.issues().iter().any(|i| i.is_error()), "{:?}", harness.state().session.issues());

    click(&mut harness, "Bearbeiten");
    click(&mut harness, "Rückgängig Ctrl+Z");
    harness.run();
    assert_eq!(*harness.state().session.plan(), original, "undo works back to the first edit");
    assert!(!harness.state().session.doc().is_dirty());
    assert!(harness.state().session.doc().can_redo());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(*harness.state().session.plan(), dragged, "redo goes forward again");
}

/// The app in presentation mode on a 1280×720 projector, the high scenario chosen.
fn presenting_high_at_1280() -> egui_kittest::Harness<'static, integrationsplan::ui::app::App> {
    let app = integrationsplan::ui::app::App::with_sample(integrationsplan::ui::settings::Settings::default());
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 720.0])
        .build_ui_state(|ui, app: &mut integrationsplan::ui::app::App| app.show(ui), app);
    harness.run();
    click(&mut harness, "Präsentation (F11)");
    click(&mut harness, "■ Hoher Zugang wie 2015/16");
    harness
}

fn factor_of_high(harness: &egui_kittest::Harness<'_, integrationsplan::ui::app::App>) -> f64 {
    harness.state().session.plan().scenarios.iter().find(|s| s.id == "hoch").unwrap().arrival_factor
}

/// Issue 20, point 3: at 1280×720 the slider gives each step of 0,05 room enough to hit it, the
/// arrow keys step by 0,05, and the value is typed in place with a decimal comma.
#[test]
fn the_presentation_arrival_factor_steps_by_0_05_and_is_typed_in_place() {
    let mut harness = presenting_high_at_1280();
    let zoom = harness.ctx.zoom_factor();
    let slider = harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").rect();
    let steps = 3.0 / 0.05;
    assert!(slider.width() * zoom / steps >= 5.0, "{} px for 60 steps", slider.width() * zoom);

    harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").focus();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(factor_of_high(&harness), 1.05, "one arrow key, one step of 0,05");
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(factor_of_high(&harness), 1.0);

    click(&mut harness, "Zugangsfaktor Wert");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Zugangsfaktor Wert").type_text("1,5");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(factor_of_high(&harness), 1.5, "typed in place with a decimal comma");
    assert!(!harness.state().session.issues().iter().any(|i| i.is_error()), "the range widened, the plan stays valid");
    assert!(harness.query_by_label("ℹ Unsicherheitsbereich erweitert auf 0,70–1,50").is_some(), "one line says so");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let high = harness.state().session.plan().scenarios.iter().find(|s| s.id == "hoch").unwrap().clone();
    assert_eq!(high.arrival_factor, 1.0, "value and range come back in one undo step");
    assert_eq!(high.uncertainty.as_ref().and_then(|u| u.arrival_factor.as_ref()).unwrap().high, 1.4);
}

/// Every rectangle painted in `shapes`, nested ones too.
fn painted_rects(shapes: &[egui::epaint::ClippedShape]) -> Vec<egui::Rect> {
    fn walk(shape: &egui::Shape, out: &mut Vec<egui::Rect>) {
        match shape {
            egui::Shape::Rect(rect) => out.push(rect.rect),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    shapes.iter().for_each(|clipped| walk(&clipped.shape, &mut out));
    out
}

/// Issue 20, point 3: the knob of the presentation slider is a wide flat bar, not an upright
/// oval that a room reads as the digit "0".
#[test]
fn the_presentation_slider_knob_does_not_read_as_a_zero() {
    let mut harness = presenting_high_at_1280();
    let slider = harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").rect();
    let knobs: Vec<egui::Rect> = painted_rects(&harness.output().shapes)
        .into_iter()
        .filter(|r| {
            slider.expand(2.0).contains_rect(*r) && r.height() > slider.height() * 0.3 && r.width() < slider.width() * 0.5
        })
        .collect();
    let [knob] = knobs.as_slice() else { panic!("one knob in {slider:?}: {knobs:?}") };
    assert!(knob.width() >= 1.4 * knob.height(), "wider than tall: {knob:?}");
    harness.run();
}
