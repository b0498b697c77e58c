//! Results are looked up by scenario id: while a background computation still holds results of
//! an older revision, scenarios added or deleted meanwhile never lend their names, colours or
//! figures to the wrong curve or table row.

use egui_kittest::kittest::Queryable;
use integrationsplan::synthetic::{PlanSize, plan};
use integrationsplan::ui::action::Action;
use integrationsplan::ui::app::App;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::session::{BACKGROUND_WORK, model_work};
use integrationsplan::ui::settings::Settings;
use integrationsplan::ui::theme::scenario_color;

/// Every drawn scenario has the results of its own id and the colour of its place in the plan.
fn assert_drawn_by_id(app: &App) {
    let ctx = app.panel_ctx();
    for shown in ctx.drawn_scenarios() {
        assert_eq!(shown.results.id, shown.scenario.id, "results of the scenario itself");
        let index = app.session.plan().scenarios.iter().position(|s| s.id == shown.scenario.id).unwrap();
        assert_eq!(shown.color, scenario_color(shown.scenario.color.as_deref(), index));
    }
}

#[test]
fn adding_and_deleting_scenarios_during_a_background_computation_keeps_names_and_colours_right() {
    let size = PlanSize { regions: 300, months: 120, scenarios: 10, domains: 4, measures: 200, statewide_share: 0.5 };
    let plan = plan(size, &[]);
    assert!(model_work(&plan) >= BACKGROUND_WORK + 200_000, "stays in the background with one scenario less");
    let app = App::new(plan, None, "gross.json".into(), Settings::default());
    let mut harness =
        egui_kittest::Harness::builder().with_size([1800.0, 1000.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    let deleted = harness.state().session.plan().scenarios[0].clone();
    let kept = harness.state().session.plan().scenarios[1].clone();

    // A change starts a background computation …
    let app = harness.state_mut();
    let mut measure = app.session.plan().measures[0].clone();
    measure.places += 1_000.0;
    app.handle(Action::Edit(Command::SetMeasure(0, measure)));
    harness.step();
    assert!(harness.state().session.is_updating());

    // … during which the first scenario is deleted and a coloured copy of the second added.
    let app = harness.state_mut();
    app.handle(Action::Edit(Command::DeleteScenario(0)));
    let copy = integrationsplan::model::Scenario {
        id: "kopie".into(),
        name: "Kopie des zweiten".into(),
        color: Some("#00aa00".into()),
        ..kept.clone()
    };
    app.handle(Action::Edit(Command::InsertScenario(0, copy.clone())));
    app.handle(Action::CompareScenario(copy.id.clone(), true));
    harness.step();
    let app = harness.state();
    assert!(app.session.is_updating(), "the older results are still the ones on screen");
    assert!(app.session.scenario_results(&deleted.id).is_some(), "they still hold the deleted scenario");
    assert!(app.session.scenario_results(&copy.id).is_none(), "and not yet the new one");
    assert_drawn_by_id(app);
    assert_eq!(app.selection.scenario_id, kept.id, "the selection moved to a scenario that exists");
    assert_eq!(harness.query_all_by_label(&deleted.name).count(), 0, "the deleted scenario is nowhere");
    assert!(harness.query_all_by_label(&kept.name).next().is_some(), "the kept one under its own name");
    assert_eq!(harness.query_all_by_label(&copy.name).count(), 0, "no results, no curve yet");

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while harness.state().session.is_updating() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    let app = harness.state();
    assert!(!app.session.is_updating());
    assert!(app.session.scenario_results(&deleted.id).is_none());
    assert_drawn_by_id(app);
    assert!(harness.query_all_by_label(&copy.name).next().is_some(), "the copy is drawn once computed");
    let copy_results = app.session.scenario_results(&copy.id).unwrap();
    let kept_results = app.session.scenario_results(&kept.id).unwrap();
    assert_eq!(copy_results.domains, kept_results.domains, "the copy has the figures of its original");
}
