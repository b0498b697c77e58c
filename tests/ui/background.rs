//! A plan too large for one frame is computed on a background thread: the window stays
//! responsive, says that results are being updated, and shows them when they arrive.

use egui_kittest::kittest::Queryable;
use integrationsplan::synthetic::{PlanSize, plan};
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::session::{BACKGROUND_WORK, model_work};
use integrationsplan::ui::settings::Settings;

#[test]
fn a_large_plan_is_recomputed_off_the_ui_thread_and_says_so() {
    let size = PlanSize { regions: 220, months: 120, scenarios: 10, domains: 4, measures: 400, statewide_share: 0.5 };
    let plan = plan(size, &[]);
    assert!(model_work(&plan) >= BACKGROUND_WORK);
    let app = App::new(plan, None, "gross.json".into(), Settings::default());
    let mut harness =
        egui_kittest::Harness::builder().with_size([1600.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    let before = harness.state().session.recompute_count();
    let shortage_before = harness.state().session.results().scenarios[0].domains[0].indicators.shortage_place_months;

    // Close a lot of Kita places everywhere: the shortage must grow once the results arrive.
    let app = harness.state_mut();
    let mut measure = app.session.plan().measures[0].clone();
    measure.domain = app.session.plan().domains[0].id.clone();
    measure.region = None;
    measure.places = -1.0e7;
    measure.end = None;
    measure.funding = integrationsplan::model::Funding::Secured;
    app.handle(Action::Edit(Command::SetMeasure(0, measure)));
    for index in 0..app.session.plan().scenarios.len() {
        let mut scenario = app.session.plan().scenarios[index].clone();
        scenario.measures_off.retain(|id| id != "m0");
        app.handle(Action::Edit(Command::SetScenario(index, scenario)));
    }
    harness.step();
    assert!(harness.state().session.is_updating(), "the frame returns before the model is computed");
    assert!(harness.query_by_label("Ergebnisse werden aktualisiert …").is_some());

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().session.is_updating() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.step();
    let app = harness.state();
    assert!(!app.session.is_updating());
    assert_eq!(app.session.recompute_count(), before + 1);
    let shortage_after = app.session.results().scenarios[0].domains[0].indicators.shortage_place_months;
    assert!(shortage_after > shortage_before, "{shortage_after} > {shortage_before}");
    assert!(harness.query_by_label("Ergebnisse werden aktualisiert …").is_none());
}
