//! The limits of SPEC §2: at each limit the program loads, validates, simulates and saves;
//! one past it the plan is refused with a message naming the limit. Text with control
//! characters or of great length passes through files and exports unharmed.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::{CsvDialect, load_str, plan_to_string, write_results_csv};
use integrationsplan::synthetic::{PlanSize, plan};
use integrationsplan::{Plan, simulate};

fn size(regions: usize, months: u32, scenarios: usize, domains: usize, measures: usize) -> PlanSize {
    PlanSize { regions, months, scenarios, domains, measures, statewide_share: 0.5 }
}

/// Saves `plan`, loads it again and simulates it; returns the reloaded plan.
fn through_a_file(plan: &Plan) -> Plan {
    let text = plan_to_string(plan).unwrap();
    let loaded = load_str(&text, "limit.json")
        .unwrap_or_else(|e| panic!("{}", e.to_string().lines().take(5).collect::<Vec<_>>().join("\n")));
    let results = simulate(&loaded.plan);
    assert_eq!(results.scenarios.len(), plan.scenarios.len());
    assert!(results.scenarios.iter().all(|s| s.persons.iter().all(|p| p.is_finite())));
    loaded.plan
}

/// The first error message of `plan` after a round trip through its file.
fn refusal(plan: &Plan) -> String {
    let text = plan_to_string(plan).unwrap();
    load_str(&text, "over.json").unwrap_err().errors().next().unwrap().to_string()
}

#[test]
fn twenty_thousand_regions_work_and_one_more_is_refused() {
    let at = plan(size(20_000, 12, 1, 4, 100), &[]);
    assert_eq!(through_a_file(&at).regions.len(), 20_000);
    let over = plan(size(20_001, 12, 1, 4, 100), &[]);
    assert_eq!(refusal(&over), "regions: has 20001 entries (expected at most 20000)");
}

#[test]
fn a_hundred_thousand_measures_work_and_one_more_is_refused() {
    let at = plan(size(50, 24, 1, 4, 100_000), &[]);
    assert_eq!(through_a_file(&at).measures.len(), 100_000);
    let over = plan(size(50, 24, 1, 4, 100_001), &[]);
    assert_eq!(refusal(&over), "measures: has 100001 entries (expected at most 100000)");
}

#[test]
fn a_hundred_scenarios_over_1200_months_work_and_more_are_refused() {
    let at = plan(size(5, 1_200, 100, 4, 50), &[]);
    let loaded = through_a_file(&at);
    assert_eq!((loaded.scenarios.len(), loaded.horizon.months), (100, 1_200));
    let over = plan(size(5, 12, 101, 4, 50), &[]);
    assert_eq!(refusal(&over), "scenarios: has 101 entries (expected at most 100)");
    let mut longer = plan(size(5, 12, 1, 4, 50), &[]);
    longer.horizon.months = 1_201;
    assert_eq!(refusal(&longer), "horizon.months: 1201 is out of range (expected a whole number from 1 to 1200)");
}

#[test]
fn thirty_two_domains_work_and_one_more_is_refused() {
    assert_eq!(through_a_file(&plan(size(10, 12, 1, 32, 50), &[])).domains.len(), 32);
    let mut over = plan(size(10, 12, 1, 32, 50), &[]);
    let mut extra = over.domains[31].clone();
    extra.id = "one-too-many".into();
    over.domains.push(extra);
    assert_eq!(refusal(&over), "domains: has 33 entries (expected at most 32)");
}

#[test]
fn control_characters_and_long_text_survive_files_and_exports() {
    let mut plan = plan(size(3, 12, 1, 2, 3), &[]);
    let nasty = format!("Zeile\n\"Tab\"\t;Komma, NUL\u{0} ESC\u{1b}[31m rot \u{202e}rückwärts {}", "x".repeat(200_000));
    plan.meta.title = nasty.clone();
    plan.measures[0].name = nasty.clone();
    plan.measures[0].notes = nasty.clone();
    plan.scenarios[0].name = nasty.clone();
    let loaded = through_a_file(&plan);
    assert_eq!(loaded.measures[0].name, nasty);
    assert_eq!(loaded.scenarios[0].name, nasty);

    // The CSV export quotes what needs quoting, so a reader gets the rows back intact.
    let results = simulate(&loaded);
    let mut bytes = Vec::new();
    write_results_csv(&results, CsvDialect::German, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows = reader.records().map(Result::unwrap).count();
    assert_eq!(rows, 12 * 2 * (1 + 3), "scenario × (state + regions) × domains × months");
}
