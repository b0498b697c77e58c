//! One gesture, one undo step: a slider dragged over many frames or a number typed key by key
//! is taken back by one undo.

use super::{click, harness};
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::Action;

#[test]
fn dragging_a_slider_over_many_frames_makes_one_undo_step() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Szenarien");
    let original = harness.state().session.plan().scenarios[0].arrival_factor;
    let steps_before = harness.state().session.doc().undo_len();

    let rect = harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Zugangsfaktor").rect();
    let y = rect.center().y;
    harness.drag_at(egui::pos2(rect.left() + 2.0, y));
    harness.step();
    for frame in 1..=20 {
        harness.hover_at(egui::pos2(rect.left() + rect.width() * frame as f32 / 25.0, y));
        harness.step();
    }
    harness.drop_at(egui::pos2(rect.left() + rect.width() * 0.8, y));
    harness.run();

    let app = harness.state();
    let dragged = app.session.plan().scenarios[0].arrival_factor;
    assert!((dragged - original).abs() > 1.0, "the slider moved the factor: {original} → {dragged}");
    assert!(app.session.recompute_count() > 3, "the plots followed the slider while it moved");
    assert_eq!(app.session.doc().undo_len(), steps_before + 1, "one drag, one undo step");

    // Ctrl+Z right after the drag: the slider may keep the keyboard focus, but it is no text.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().session.plan().scenarios[0].arrival_factor, original);
    assert!(!harness.state().session.doc().is_dirty());

    // The same slider dragged again is a new step.
    harness.state_mut().handle(Action::Redo);
    harness.drag_at(egui::pos2(rect.left() + rect.width() * 0.8, y));
    harness.step();
    harness.hover_at(egui::pos2(rect.left() + rect.width() * 0.5, y));
    harness.step();
    harness.drop_at(egui::pos2(rect.left() + rect.width() * 0.5, y));
    harness.run();
    assert_eq!(harness.state().session.doc().undo_len(), steps_before + 2);
}

#[test]
fn typing_a_number_key_by_key_makes_one_undo_step() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    harness.state_mut().panels.measures.view.text = name.to_owned();
    harness.run();
    let label = format!("Plätze: {name}");
    let index = harness.state().session.plan().measures.iter().position(|m| m.name == name).unwrap();
    click(&mut harness, &label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    for key in "1250".chars() {
        harness.get_by_label(&label).type_text(&key.to_string());
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().session.plan().measures[index].places, 1250.0);
    assert_eq!(harness.state().session.doc().undo_len(), 1, "four keys, one undo step");
    harness.state_mut().handle(Action::Undo);
    harness.run();
    assert_eq!(harness.state().session.plan().measures[index].places, 75.0);
}
