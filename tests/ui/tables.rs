//! A planner's workshop on a 1280×720 projector (issue 16): every column of the measures table
//! can be reached, the name stays in view, a new measure's name has the focus, the region
//! pickers search, and the plan's notes are shown.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::app::App;
use integrationsplan::ui::settings::Settings;

/// The app in a 1280×720 window.
fn projector() -> Harness<'static, App> {
    let app = App::with_sample(Settings::default());
    Harness::builder().with_size([1280.0, 720.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// Draws frames until scrolling has come to rest.
fn settle(harness: &mut Harness<'_, App>) {
    harness.run_steps(12);
}

/// Whether the widget labelled `label` lies inside the side panel of the editors (left of the
/// central view's tabs) and inside the window.
fn in_side_panel(harness: &Harness<'_, App>, label: &str) -> bool {
    let panel_right = harness.get_by_label("Diagramme").rect().left();
    harness.query_by_label(label).is_some_and(|node| {
        let rect = node.rect();
        rect.left() >= 0.0 && rect.right() <= panel_right && rect.top() >= 0.0 && rect.bottom() <= 720.0
    })
}

#[test]
fn every_measures_column_is_reachable_at_1280_and_the_name_stays_in_view() {
    let mut harness = projector();
    settle(&mut harness);
    let name = "Kita Neubau Köln-Kalk";
    assert!(!in_side_panel(&harness, &format!("Finanzierung: {name}")), "at 1280 px not every column fits");
    let columns =
        ["Finanzierung", "Notizen", "Bereich", "Region", "Plätze", "Beginn", "Ende", "Anlauf (Mon.)", "Einmalkosten €", "Kosten/Jahr €"];
    for column in columns {
        // A keyboard or screen-reader user moves the focus to the cell; the table follows.
        let cell = format!("{column}: {name}");
        harness.get_by_label(&cell).focus();
        settle(&mut harness);
        assert!(in_side_panel(&harness, &cell), "{cell} is brought into view");
        assert!(in_side_panel(&harness, &format!("Name: {name}")), "the name stays in view beside {column}");
        assert!(in_side_panel(&harness, "Name"), "the Name header stays in view beside {column}");
    }
    // Scrolling sideways with the mouse does the same.
    harness.get_by_label(&format!("Bereich: {name}")).focus();
    settle(&mut harness);
    let over_the_table = harness.get_by_label(&format!("Bereich: {name}")).rect().center();
    harness.hover_at(over_the_table);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut harness);
    assert!(in_side_panel(&harness, &format!("Notizen: {name}")), "the last column is reached by scrolling");
    assert!(in_side_panel(&harness, "Name"));
}

#[test]
fn a_new_measure_is_shown_and_its_name_has_the_focus() {
    let mut harness = projector();
    settle(&mut harness);
    harness.get_by_label("➕ Maßnahme").click();
    settle(&mut harness);
    let plan = harness.state().session.plan();
    let added = plan.measures.last().expect("a measure was added");
    assert_eq!(added.name, "Neue Maßnahme");
    let label = "Name: Neue Maßnahme";
    assert!(in_side_panel(&harness, label), "the table scrolled to the new row");
    assert!(harness.get_by_label(label).is_focused(), "its name can be typed at once");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text("Kita Sonnenschein");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().session.plan().measures.last().map(|m| m.name.as_str()), Some("Kita Sonnenschein"));
}
