//! A planner's workshop on a 1280×720 projector (issue 16): every column of the measures table
//! can be reached, the name stays in view, a new measure's name has the focus, the region
//! pickers search, and the plan's notes are shown.

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
    let columns = [
        "Finanzierung",
        "Notizen",
        "Bereich",
        "Region",
        "Plätze",
        "Beginn",
        "Ende",
        "Anlauf (Mon.)",
        "Einmalkosten €",
        "Kosten/Jahr €",
    ];
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

#[test]
fn typing_in_the_region_picker_narrows_the_list_and_enter_takes_the_first_match() {
    use egui_kittest::kittest::NodeT;
    let mut harness = projector();
    settle(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Region").click();
    settle(&mut harness);
    let search = "Region – suchen";
    assert!(harness.get_by_label(search).is_focused(), "the search field has the focus at once");
    // One order everywhere: "NRW gesamt" first, then German alphabetical order (Ä as A).
    let names: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| {
            ["NRW gesamt", "Bielefeld", "Bochum", "Märkischer Kreis", "Minden-Lübbecke", "Mettmann"].contains(&label.as_str())
        })
        .collect();
    assert_eq!(names, ["NRW gesamt", "Bielefeld", "Bochum", "Märkischer Kreis", "Mettmann", "Minden-Lübbecke"]);

    harness.get_by_label(search).type_text("dü");
    settle(&mut harness);
    assert!(harness.query_by_label("Düsseldorf").is_some());
    assert!(harness.query_by_label("Düren").is_some());
    assert!(harness.query_by_label("Duisburg").is_none(), "an umlaut typed is meant");
    assert!(harness.query_by_label("Köln").is_none());
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().selection.region_id.as_deref(), Some("dueren"), "Düren comes first alphabetically");

    // The measures table's region column uses the same picker: a click picks.
    harness.state_mut().panels.measures.view.text = "Kita Neubau Köln-Kalk".to_owned();
    settle(&mut harness);
    harness.get_by_label("Region: Kita Neubau Köln-Kalk").click();
    settle(&mut harness);
    harness.get_by_label("Region: Kita Neubau Köln-Kalk – suchen").type_text("muens");
    settle(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Münster").click();
    settle(&mut harness);
    let plan = harness.state().session.plan();
    let measure = plan.measures.iter().find(|m| m.name == "Kita Neubau Köln-Kalk").expect("measure");
    assert_eq!(measure.region.as_deref(), Some("muenster"));
}

#[test]
fn the_about_panel_shows_the_notes_and_a_title_edit_is_one_undo_step() {
    let mut harness = projector();
    settle(&mut harness);
    harness.get_by_label("Ansicht").click();
    settle(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Über diesen Plan …").click();
    settle(&mut harness);
    let notes = harness.get_by_label("Notizen und Quellen").value().unwrap_or_default();
    assert!(notes.contains("Destatis") && notes.contains("illustrativ"), "{notes}");
    assert!(harness.query_by_label("53 Regionen · 5 Bereiche · 40 Maßnahmen · 3 Szenarien").is_some());

    let steps = harness.state().session.doc().undo_len();
    harness.get_by_label("Titel").click();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Titel").type_text("Workshop Münster");
    settle(&mut harness);
    assert_eq!(harness.state().session.plan().meta.title, "NRW 2025 – Beispielplan", "nothing is changed while typing");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().session.plan().meta.title, "Workshop Münster");
    assert_eq!(harness.state().session.doc().undo_len(), steps + 1, "one edit, one undo step");
    harness.state_mut().handle(integrationsplan::ui::action::Action::Undo);
    settle(&mut harness);
    assert_eq!(harness.state().session.plan().meta.title, "NRW 2025 – Beispielplan");
}
