//! "Maßnahmen-Mix vorschlagen": the dialog opens from the menu, the goal's range is shown, the
//! search runs off the UI thread, the answer lists the chosen measures, and adopting it adds a
//! compared scenario that one undo takes back.

use super::{click, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::model::Funding;
use integrationsplan::ui::app::App;

/// Steps the window until `done` holds (at most a minute).
fn wait_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !done(harness.state()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    assert!(done(harness.state()), "timed out");
    harness.step();
    harness.step();
}

#[test]
fn a_proposed_mix_becomes_a_compared_scenario_and_one_undo_removes_it() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Werkzeuge");
    click(&mut harness, "Maßnahmen-Mix vorschlagen …");
    assert!(harness.state().optimizer.is_some());
    wait_until(&mut harness, |app| app.optimizer.as_ref().is_some_and(|d| d.bounds.is_some()));
    assert!(harness.query_by_label("Ohne offene Maßnahmen").is_some());
    assert!(harness.query_by_label("Mit allen offenen Maßnahmen").is_some());

    // Each domain's goal: half way between what all open measures reach and what the base leaves.
    let dialog = harness.state_mut().optimizer.as_mut().unwrap();
    for id in dialog.domain_ids.clone() {
        let (low, high) = dialog.goal_range(&id).unwrap();
        assert!(low <= high);
        dialog.set_goal(&id, (low + high) / 2.0);
    }
    harness.step();
    harness.get_by_label("Suchen").click();
    harness.step();
    wait_until(&mut harness, |app| app.optimizer.as_ref().is_some_and(|d| d.result.is_some() && !d.is_searching()));

    let answer = harness.state().optimizer.as_ref().unwrap().result.clone().unwrap().unwrap();
    assert!(answer.feasible);
    assert!(!answer.chosen.is_empty(), "a goal below the base needs some measure");
    assert!(harness.query_by_label_contains("Gesamtkosten: ").is_some());
    let plan = harness.state().session.plan().clone();
    for chosen in &answer.measures {
        let name = &plan.measures.iter().find(|m| m.id == chosen.id).unwrap().name;
        assert!(harness.query_all_by_label(name).count() >= 1, "{name} is listed");
    }
    if answer.optimal {
        assert!(harness.query_by_label("Nachweislich der günstigste Mix für dieses Ziel.").is_some());
    }

    let scenarios_before = plan.scenarios.len();
    harness.get_by_label("Als Szenario übernehmen").click();
    harness.run();
    let app = harness.state();
    assert!(app.optimizer.is_none(), "the dialog closes");
    let plan_after = app.session.plan();
    assert_eq!(plan_after.scenarios.len(), scenarios_before + 1);
    let base = plan.scenarios.iter().find(|s| s.id == answer.scenario_id).unwrap();
    let proposal = plan_after.scenarios.last().unwrap();
    assert_eq!(proposal.id, format!("{}-mix", base.id));
    assert_eq!(proposal.name, format!("Mix: {}", base.name));
    assert!(proposal.funding_included.contains(&Funding::Open));
    let open_not_chosen: Vec<&String> = plan
        .measures
        .iter()
        .filter(|m| m.funding == Funding::Open && !base.measures_off.contains(&m.id) && !answer.chosen.contains(&m.id))
        .map(|m| &m.id)
        .collect();
    let mut expected: Vec<&String> = base.measures_off.iter().chain(open_not_chosen).collect();
    expected.sort();
    let mut off: Vec<&String> = proposal.measures_off.iter().collect();
    off.sort();
    assert_eq!(off, expected);
    assert!(app.selection.compared_ids.contains(&proposal.id), "compared at once");
    assert!(harness.query_all_by_label(&proposal.name).count() >= 1, "drawn in the plots");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session.plan().scenarios, plan.scenarios, "one undo step takes it back");
    assert!(!harness.state().session.doc().is_dirty());
}

#[test]
fn an_unreachable_goal_says_so_and_still_offers_all_open_measures() {
    let mut harness = harness();
    harness.run();
    harness.state_mut().handle(integrationsplan::ui::action::Action::OpenOptimizer);
    harness.step();
    wait_until(&mut harness, |app| app.optimizer.as_ref().is_some_and(|d| d.bounds.is_some()));
    let dialog = harness.state().optimizer.as_ref().unwrap();
    let Some(short) = dialog.domain_ids.iter().find(|id| dialog.goal_range(id).unwrap().0 > 0.0).cloned() else {
        return; // every domain can be covered in the sample: nothing to show
    };
    // Below what all open measures reach (the slider keeps the range; the search does not).
    let low = dialog.goal_range(&short).unwrap().0;
    let goals = vec![integrationsplan::optimize::DomainGoal { domain_id: short, max_shortage_place_months: low / 2.0 }];
    let plan = harness.state().session.plan().clone();
    let answer =
        integrationsplan::optimize::optimize_goals(&plan, &dialog.scenario_id.clone(), &goals, &Default::default()).unwrap();
    assert!(!answer.feasible);
    let dialog = harness.state_mut().optimizer.as_mut().unwrap();
    dialog.result = Some(Ok(answer));
    dialog.result_goals = Some(goals);
    harness.step();
    assert!(harness.query_by_label_contains("Ziel nicht erreichbar: auch alle offenen Maßnahmen zusammen").is_some());
    assert!(harness.query_by_label("Als Szenario übernehmen").is_some());
}
