//! Scenario exchange: a scenario exported and imported into another plan gives the same results.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::exchange::{import_scenarios, plan_with_scenarios};
use integrationsplan::io::{load_str, plan_to_string};
use integrationsplan::{Plan, sample, simulate};

fn sample_plan() -> Plan {
    sample::nrw_2025().unwrap().plan
}

#[test]
fn an_exported_scenario_imported_into_another_plan_gives_the_same_results_there() {
    let colleague = sample_plan();
    let chosen = colleague.scenarios[1].id.clone();
    let file = plan_to_string(&plan_with_scenarios(&colleague, std::slice::from_ref(&chosen))).unwrap();
    let exported = load_str(&file, "szenario.json").unwrap().plan;
    assert_eq!(exported.scenarios.len(), 1);
    assert_eq!(exported.measures, colleague.measures);

    // Another plan with the same regions, domains and measures, but only the first scenario.
    let mut mine = sample_plan();
    mine.scenarios.truncate(1);
    let (imported, report) = import_scenarios(&mine, &exported);
    assert!(report.is_empty(), "{report:?}");
    mine.scenarios.extend(imported);

    let theirs = simulate(&colleague);
    let ours = simulate(&mine);
    let expected = theirs.scenarios.iter().find(|s| s.id == chosen).unwrap();
    let actual = ours.scenarios.iter().find(|s| s.id == chosen).unwrap();
    assert_eq!(actual, expected);
}

#[test]
fn colliding_ids_are_renamed_and_unknown_measures_off_are_dropped_and_listed() {
    let mut mine = sample_plan();
    let mut theirs = sample_plan();
    theirs.scenarios.truncate(1);
    let id = theirs.scenarios[0].id.clone();
    theirs.scenarios[0].measures_off = vec![mine.measures[0].id.clone(), "kita-nur-bei-mir".into()];
    theirs.measures.push({
        let mut extra = theirs.measures[0].clone();
        extra.id = "kita-nur-bei-mir".into();
        extra
    });

    let (imported, report) = import_scenarios(&mine, &theirs);
    assert_eq!(imported[0].id, format!("{id}-2"));
    assert_eq!(report.renamed, vec![(id.clone(), format!("{id}-2"))]);
    assert_eq!(report.dropped_measures_off, vec![(format!("{id}-2"), "kita-nur-bei-mir".to_owned())]);
    assert_eq!(imported[0].measures_off, vec![mine.measures[0].id.clone()]);

    mine.scenarios.extend(imported);
    let text = plan_to_string(&mine).unwrap();
    assert!(load_str(&text, "merged.json").is_ok(), "the merged plan is valid");
}
