//! Text from colleagues' files may hold anything: the window must draw it without breaking.

use integrationsplan::ui::app::App;
use integrationsplan::ui::settings::Settings;

#[test]
fn control_characters_and_very_long_names_are_drawn_without_breaking() {
    let mut plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let nasty = format!("Zeile\nNUL\u{0} ESC\u{1b}[31m \u{202e}rückwärts {}", "Wort ".repeat(20_000));
    plan.meta.title = nasty.clone();
    plan.measures[0].name = nasty.clone();
    plan.scenarios[0].name = nasty.clone();
    plan.regions[0].name = nasty.clone();
    let app = App::new(plan, None, nasty.clone(), Settings::default());
    let mut harness =
        egui_kittest::Harness::builder().with_size([1600.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.state_mut().selection.region_id = Some(harness.state().session.plan().regions[0].id.clone());
    harness.run();
    assert_eq!(harness.state().session.plan().measures[0].name, nasty, "drawing never changes the plan");
}
