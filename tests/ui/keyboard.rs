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
    let order = tab_order(&mut harness, 150);
    // The measures table freezes its Name column: Tab goes down the names shown, then across
    // the columns that scroll sideways, row by row.
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
        "Name: Kita-Ausbauprogramm 2026",
        "Bereich: Landesprogramm Kita-Einstieg (Brückenprojekte)",
        "Finanzierung: Landesprogramm Kita-Einstieg (Brückenprojekte)",
        "Bereich: Kita-Ausbauprogramm 2026",
    ];
    let positions: Vec<usize> = landmarks.iter().map(|label| position(&order, label)).collect();
    assert!(positions.is_sorted(), "reading order: menus, selectors, editors, rows: {order:#?}");
    let unnamed: Vec<&String> = order.iter().filter(|label| !label.chars().any(char::is_alphabetic)).collect();
    assert!(unnamed.is_empty(), "every control Tab reaches has a name in words: {unnamed:?} in {order:#?}");
}

#[test]
fn tab_goes_on_from_the_view_tabs_into_the_charts() {
    let mut harness = projector();
    harness.run();
    harness.get_by_label("Diagramme").focus();
    harness.run();
    // Each plot's title row names the districts short first (issue 20): more controls before
    // the indicators.
    let order = tab_order(&mut harness, 80);
    assert_eq!(order.first().map(String::as_str), Some("Haushalt"), "{order:#?}");
    // The plots' controls come before the indicators below them (a region that runs short
    // early, "02/2026 – Euskirchen (Wohnungen)", is a control of the indicators).
    let plots = position(&order, "Ansicht zurücksetzen");
    let indicators = order.iter().position(|label| label.contains(" – ") && label.ends_with(')'));
    let indicators = indicators.unwrap_or_else(|| panic!("Tab never reaches the indicators: {order:#?}"));
    assert!(plots < indicators, "plots before indicators: {order:#?}");
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

/// Every text colour painted in the last frame, with a piece of its text.
fn painted_texts(harness: &Harness<'_, App>) -> Vec<(egui::Color32, String)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(egui::Color32, String)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(text) => {
                for section in &text.galley.job.sections {
                    let own = section.format.color;
                    let color = if own == egui::Color32::PLACEHOLDER { text.fallback_color } else { own };
                    let color = text.override_text_color.unwrap_or(color).gamma_multiply(text.opacity_factor);
                    let piece =
                        text.galley.job.text.get(section.byte_range.start.0..section.byte_range.end.0).unwrap_or_default();
                    if color.a() > 0 && !piece.trim().is_empty() {
                        out.push((color, piece.to_owned()));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    harness.output().shapes.iter().for_each(|clipped| walk(&clipped.shape, &mut out));
    out
}

#[test]
fn every_text_in_the_window_reads_on_its_ground_in_light_and_dark() {
    use integrationsplan::ui::contrast::{MIN_TEXT_CONTRAST, contrast_ratio};
    for (dark, presenting) in [(false, false), (true, false), (false, true)] {
        let mut harness = projector();
        // The themes as the window sets them up at start.
        integrationsplan::ui::theme::apply_base_style(&harness.ctx);
        harness.state_mut().settings.dark = dark;
        harness.run();
        if presenting {
            harness.state_mut().handle(integrationsplan::ui::action::Action::SetPresentation(true));
            harness.run();
        }
        let visuals = harness.ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, dark);
        let selected_text = visuals.selection.stroke.color;
        let texts = painted_texts(&harness);
        assert!(texts.len() > 50, "the window paints its texts: {} in dark = {dark}, presenting = {presenting}", texts.len());
        let poor: Vec<String> = texts
            .iter()
            .filter(|(color, _)| *color != selected_text)
            // Disabled controls are painted translucent; WCAG 1.4.3 exempts inactive controls.
            .filter(|(color, _)| color.is_opaque())
            .filter(|(color, _)| contrast_ratio(*color, visuals.panel_fill) < MIN_TEXT_CONTRAST)
            .map(|(color, text)| format!("{text:?} in {color:?}: {:.2}:1", contrast_ratio(*color, visuals.panel_fill)))
            .collect();
        assert!(poor.is_empty(), "dark = {dark}, presenting = {presenting}: text below 4.5:1: {poor:#?}");
    }
}
