//! Issue 21 point 8: names of 10 000 characters (a hostile or careless file) must not break the
//! window — each stays on one line, ends in "…", and the plots and controls stay in reach.

use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::settings::Settings;

fn long(prefix: &str) -> String {
    format!("{prefix} {}", "Landschaftsverband-Westfalen-Lippe-".repeat(300))
}

#[test]
fn names_of_ten_thousand_characters_stay_on_one_line_and_leave_the_plots_in_reach() {
    let mut plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    plan.meta.title = long("Integrationsplan");
    plan.regions[0].name = long("Region");
    plan.scenarios[0].name = long("Szenario");
    plan.domains[0].name = long("Bereich");
    let region = plan.regions[0].id.clone();
    let app = App::new(plan, None, "lang.json".into(), Settings::default());
    let mut harness =
        egui_kittest::Harness::builder().with_size([1280.0, 720.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.state_mut().handle(Action::SelectRegion(Some(region)));
    harness.run();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
    // The chooser of the scenario and of the region: one line, not wider than a box may grow.
    for label in ["Szenario", "Region"] {
        let rect = harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, label).rect();
        assert!(rect.height() < 60.0 && rect.width() <= 460.0, "{label}: {rect:?}");
    }
    // The view's tabs and the indicator table are still on screen, below the headings.
    for label in ["Diagramme", "Karte"] {
        let rect = harness.get_by_label(label).rect();
        assert!(window.contains_rect(rect) && rect.top() < 200.0, "{label}: {rect:?}");
    }
    let indicators = harness.query_by_label_contains("Kennzahlen").expect("the indicator heading is shown").rect();
    assert!(indicators.bottom() <= 720.0 && indicators.height() < 60.0, "{indicators:?}");
}
