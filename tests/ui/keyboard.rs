//! Keyboard use (BITV 2.0, EN 301 549): every control is reached with Tab in reading order,
//! and the focused control carries a visible ring.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use integrationsplan::ui::app::App;
use integrationsplan::ui::settings::Settings;

/// The app on a 1280×720 projector.
fn projector() -> Harness<'static, App> {
    let app = App::with_sample(Settings::default());
    Harness::builder().with_size([1280.0, 720.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// The label of the control that has the keyboard focus.
fn focused_label(harness: &Harness<'_, App>) -> Option<String> {
    let node = harness.query_all(by().predicate(|node| node.is_focused())).next()?;
    Some(node.accesskit_node().label().unwrap_or_default())
}

/// The labels of the controls Tab visits, in order, for `presses` presses.
fn tab_order(harness: &mut Harness<'_, App>, presses: usize) -> Vec<String> {
    let mut order = Vec::new();
    for _ in 0..presses {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(label) = focused_label(harness) {
            order.push(label);
        }
    }
    order
}

/// Where `label` stands in `order` (its first visit).
fn position(order: &[String], label: &str) -> usize {
    order.iter().position(|l| l == label).unwrap_or_else(|| panic!("Tab never reaches {label:?}: {order:#?}"))
}

#[test]
fn tab_visits_the_controls_in_reading_order() {
    let mut harness = projector();
    harness.run();
    let order = tab_order(&mut harness, 60);
    let landmarks = [
        "Datei",
        "Ansicht",
        "Szenario",
        "Vergleich …",
        "Region",
        "Präsentation (F11)",
        "Maßnahmen",
        "Szenarien",
        "➕ Maßnahme",
        "Name: Landesprogramm Kita-Einstieg (Brückenprojekte)",
        "Finanzierung: Landesprogramm Kita-Einstieg (Brückenprojekte)",
        "Name: Kita-Ausbauprogramm 2026",
    ];
    let positions: Vec<usize> = landmarks.iter().map(|label| position(&order, label)).collect();
    assert!(positions.is_sorted(), "reading order: menus, selectors, editors, rows: {order:#?}");
}

#[test]
fn tab_goes_on_from_the_view_tabs_into_the_charts() {
    let mut harness = projector();
    harness.run();
    harness.get_by_label("Diagramme").focus();
    harness.run();
    let order = tab_order(&mut harness, 12);
    assert_eq!(order.first().map(String::as_str), Some("Haushalt"), "{order:#?}");
    assert!(order.iter().any(|l| l == "Ansicht zurücksetzen"), "{order:#?}");
}

#[test]
fn the_focused_control_has_a_visible_ring() {
    let mut harness = projector();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Datei"));
    let focused = harness.get_by_label("Datei").rect();
    let ring = integrationsplan::ui::contrast::focus_ring_color(harness.ctx.global_style().visuals.panel_fill);
    let rings: Vec<egui::Rect> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(rect) if rect.stroke.color == ring && rect.stroke.width >= 2.0 => Some(rect.rect),
            _ => None,
        })
        .collect();
    assert_eq!(rings.len(), 1, "one focus ring");
    assert!(rings[0].contains_rect(focused), "the ring surrounds the focused control: {:?} vs {focused:?}", rings[0]);

    harness.key_press(Key::Escape);
    harness.run();
}
