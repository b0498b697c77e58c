//! SPEC §7, the cheapest measure mix: the optimiser against brute force over every subset of
//! candidates (each subset run through the public engine), and the `optimize` command.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::engine::{add_measure_cost, simulate_scenarios};
use integrationsplan::model::{
    ArrivalStep, Distribution, Domain, Extra, Funding, Horizon, Measure, Meta, Month, Plan, Region, Scenario,
};
use integrationsplan::optimize::{GOAL_TOLERANCE, OptimizeRequest, SearchControl, optimization_to_json, optimize};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

// ---------------------------------------------------------------- a seeded plan generator

/// SplitMix64, so every generated plan is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.between(0.0, 1.0) < p
    }
}

fn month(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn domain(id: &str, rates: &[(&str, f64)], persons_per_unit: f64) -> Domain {
    Domain {
        id: id.into(),
        name: id.into(),
        unit: "Plätze".into(),
        rates: rates.iter().map(|(b, r)| ((*b).to_owned(), *r)).collect(),
        persons_per_unit,
        months_since_arrival: None,
        planning: None,
        extra: Extra::new(),
    }
}

fn measure(id: &str, domain: &str, region: Option<&str>, places: f64, start: Month, funding: Funding) -> Measure {
    Measure {
        id: id.into(),
        name: id.into(),
        domain: domain.into(),
        region: region.map(Into::into),
        places,
        start,
        end: None,
        ramp_months: 0,
        cost_once_eur: 0.0,
        cost_per_year_eur: 0.0,
        funding,
        notes: String::new(),
        extra: Extra::new(),
    }
}

fn scenario(id: &str, per_month: f64, start: Month) -> Scenario {
    Scenario {
        id: id.into(),
        name: id.into(),
        arrivals: vec![ArrivalStep { from: start, per_month, extra: Extra::new() }],
        arrival_factor: 1.0,
        age_distribution: vec![("0-2".into(), 0.1), ("3-5".into(), 0.1), ("6-17".into(), 0.3), ("18+".into(), 0.5)],
        leave_rate_per_year: 0.05,
        funding_included: Funding::ALL.to_vec(),
        measures_off: Vec::new(),
        color: None,
        uncertainty: None,
        extra: Extra::new(),
    }
}

/// A small random plan: 2–4 regions, 1–3 domains, some base measures and 3–8 open ones
/// (state-wide and regional, ramps, ends, starts before and after the horizon, negative places,
/// free ones), scenarios with measures switched off and funding states excluded.
fn random_plan(seed: u64) -> Plan {
    random_plan_with(seed, 3, 3)
}

/// [`random_plan`] with `open_least..open_least + 6` open measures over at most `max_domains` domains.
fn random_plan_with(seed: u64, open_least: usize, max_domains: usize) -> Plan {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D).wrapping_add(17));
    let start = month("2025-01");
    let months = 6 + rng.below(25) as u32;
    let all_domains =
        [domain("kita", &[("0-5", 0.8)], 1.0), domain("school", &[("6-17", 1.0)], 1.0), domain("housing", &[("0+", 1.0)], 3.0)];
    let domains: Vec<Domain> = all_domains.iter().take(1 + rng.below(max_domains)).cloned().collect();
    let region_count = 2 + rng.below(3);
    let regions: Vec<Region> = (0..region_count)
        .map(|r| Region {
            id: format!("r{r}"),
            name: format!("Region {r}"),
            population: rng.between(10_000.0, 500_000.0).round(),
            area_km2: rng.between(50.0, 1_000.0).round(),
            capacity: domains.iter().map(|d| (d.id.clone(), rng.between(-20.0, 400.0).round())).collect(),
            location: None,
            extra: Extra::new(),
        })
        .collect();
    let mut measures = Vec::new();
    let base_count = rng.below(4);
    let open_count = open_least + rng.below(6);
    for m in 0..base_count + open_count {
        let d = &domains[rng.below(domains.len())];
        let region = if rng.chance(0.35) { None } else { Some(regions[rng.below(regions.len())].id.clone()) };
        let places = if rng.chance(0.15) { -rng.between(5.0, 40.0).round() } else { rng.between(5.0, 300.0).round() };
        let funding =
            if m < base_count { if rng.chance(0.5) { Funding::Secured } else { Funding::Planned } } else { Funding::Open };
        let mut item = measure(
            &format!("m{m}"),
            &d.id,
            region.as_deref(),
            places,
            start.plus(rng.below(months as usize + 6) as i32 - 4),
            funding,
        );
        if rng.chance(0.3) {
            item.end = Some(item.start.plus(rng.below(12) as i32));
        }
        item.ramp_months = if rng.chance(0.4) { rng.below(5) as u32 } else { 0 };
        if !rng.chance(0.15) {
            item.cost_once_eur = (rng.between(0.0, 1_000.0).round()) * 1_000.0;
            item.cost_per_year_eur = (rng.between(0.0, 600.0).round()) * 1_000.0;
        }
        measures.push(item);
    }
    let mut scenarios = Vec::new();
    for s in 0..2 {
        let mut sc = scenario(&format!("s{s}"), rng.between(20.0, 400.0).round(), start);
        sc.leave_rate_per_year = rng.between(0.0, 0.3);
        if rng.chance(0.3) {
            sc.funding_included = vec![Funding::Secured, Funding::Open];
        } else if rng.chance(0.2) {
            sc.funding_included = vec![Funding::Secured, Funding::Planned];
        }
        for m in &measures {
            if rng.chance(0.15) {
                sc.measures_off.push(m.id.clone());
            }
        }
        scenarios.push(sc);
    }
    Plan {
        meta: Meta { title: format!("Zufall {seed}"), ..Meta::default() },
        horizon: Horizon { start, months, extra: Extra::new() },
        domains,
        regions,
        distribution: Distribution::default(),
        measures,
        scenarios,
        budget: Vec::new(),
        planning_year: None,
        extra: Extra::new(),
    }
}

// ---------------------------------------------------------------- brute force with the engine

/// The candidates of SPEC §7, independently: open measures the scenario does not switch off.
fn candidate_ids(plan: &Plan, scenario_id: &str) -> Vec<String> {
    let scenario = plan.scenarios.iter().find(|s| s.id == scenario_id).unwrap();
    plan.measures
        .iter()
        .filter(|m| m.funding == Funding::Open && !scenario.measures_off.contains(&m.id))
        .map(|m| m.id.clone())
        .collect()
}

/// Shortage place-months per domain id with exactly the candidates `on` switched on in the base,
/// by the engine on a copy of the plan whose scenario switches everything else off.
fn engine_shortage(plan: &Plan, scenario_id: &str, on: &[String]) -> Vec<(String, f64)> {
    let mut copy = plan.clone();
    let scenario = copy.scenarios.iter_mut().find(|s| s.id == scenario_id).unwrap();
    let included = scenario.funding_included.clone();
    for m in &plan.measures {
        let wanted = if m.funding == Funding::Open { on.contains(&m.id) } else { included.contains(&m.funding) };
        if !wanted && !scenario.measures_off.contains(&m.id) {
            scenario.measures_off.push(m.id.clone());
        }
    }
    scenario.funding_included = Funding::ALL.to_vec();
    let scenario = copy.scenarios.iter().find(|s| s.id == scenario_id).unwrap();
    let results = simulate_scenarios(&copy, &[scenario]);
    results.scenarios[0].domains.iter().map(|d| (d.id.clone(), d.indicators.shortage_place_months)).collect()
}

fn cost_of(plan: &Plan, ids: &[String]) -> f64 {
    ids.iter()
        .map(|id| {
            let m = plan.measures.iter().find(|m| m.id == *id).unwrap();
            let mut monthly = vec![0.0; plan.horizon.months as usize];
            add_measure_cost(m, plan.horizon.start, &mut monthly);
            monthly.iter().sum::<f64>()
        })
        .sum()
}

fn meets(shortage: &[(String, f64)], domains: &[String], limit: f64) -> bool {
    shortage.iter().filter(|(id, _)| domains.is_empty() || domains.contains(id)).all(|(_, s)| *s <= limit + GOAL_TOLERANCE)
}

/// The least cost over every subset that meets the goal, `None` when none does.
fn brute_force(plan: &Plan, scenario_id: &str, domains: &[String], limit: f64) -> Option<f64> {
    let candidates = candidate_ids(plan, scenario_id);
    let mut best: Option<f64> = None;
    for mask in 0u32..(1 << candidates.len()) {
        let on: Vec<String> =
            candidates.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, id)| id.clone()).collect();
        let cost = cost_of(plan, &on);
        if best.is_some_and(|b| cost >= b) {
            continue;
        }
        if meets(&engine_shortage(plan, scenario_id, &on), domains, limit) {
            best = Some(cost);
        }
    }
    best
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Runs the optimiser and checks it against brute force; returns whether the goal was feasible.
fn check_against_brute_force(plan: &Plan, scenario_id: &str, domains: &[String], limit: f64) -> bool {
    let request =
        OptimizeRequest { scenario_id: scenario_id.into(), domain_ids: domains.to_vec(), max_shortage_place_months: limit };
    let answer = optimize(plan, &request, &SearchControl::default()).unwrap();
    let context = format!("{} scenario {scenario_id} domains {domains:?} limit {limit}: {answer:?}", plan.meta.title);
    assert!(answer.optimal, "{context}");
    let candidates = candidate_ids(plan, scenario_id);
    let expected = brute_force(plan, scenario_id, domains, limit);
    match expected {
        None => {
            assert!(!answer.feasible, "{context}");
            assert_eq!(answer.chosen, candidates, "{context}");
        }
        Some(best) => {
            assert!(answer.feasible, "{context}");
            assert!(close(answer.cost_eur, best), "{context}: brute force {best}");
            let shortage = engine_shortage(plan, scenario_id, &answer.chosen);
            assert!(meets(&shortage, domains, limit), "{context}: {shortage:?}");
            // Chosen ids are candidates, in plan order, and the cost is theirs.
            let mut in_order = candidates.clone();
            in_order.retain(|id| answer.chosen.contains(id));
            assert_eq!(answer.chosen, in_order, "{context}");
        }
    }
    assert!(close(answer.cost_eur, cost_of(plan, &answer.chosen)), "{context}");
    // The reported shortages are the engine's, base and with the chosen measures.
    let base = engine_shortage(plan, scenario_id, &[]);
    let with = engine_shortage(plan, scenario_id, &answer.chosen);
    let named: Vec<&String> =
        plan.domains.iter().map(|d| &d.id).filter(|id| domains.is_empty() || domains.contains(id)).collect();
    assert_eq!(answer.domains.iter().map(|d| &d.id).collect::<Vec<_>>(), named, "{context}");
    for d in &answer.domains {
        let b = base.iter().find(|(id, _)| *id == d.id).unwrap().1;
        let w = with.iter().find(|(id, _)| *id == d.id).unwrap().1;
        assert!(close(d.shortage_place_months_base, b), "{context}");
        assert!(close(d.shortage_place_months, w), "{context}");
    }
    expected.is_some()
}

// ---------------------------------------------------------------- the optimiser against brute force

#[test]
fn least_cost_equals_brute_force_on_random_plans() {
    let mut feasible = 0;
    let mut infeasible = 0;
    for seed in 0..200 {
        let plan = random_plan(seed);
        for scenario in ["s0", "s1"] {
            // Every other plan with a limit of a third of the smallest base shortage.
            let base = engine_shortage(&plan, scenario, &[]);
            let limit = if seed % 2 == 0 { 0.0 } else { base.iter().map(|d| d.1).fold(f64::INFINITY, f64::min) / 3.0 };
            if check_against_brute_force(&plan, scenario, &[], limit) {
                feasible += 1;
            } else {
                infeasible += 1;
            }
        }
    }
    eprintln!("feasible {feasible}, infeasible {infeasible}");
    // The generator gives both kinds of goal.
    assert!(feasible >= 50 && infeasible >= 10, "feasible {feasible}, infeasible {infeasible}");
}

#[test]
fn least_cost_equals_brute_force_with_many_candidates_in_one_domain() {
    let mut feasible = 0;
    for seed in 300..316 {
        let plan = random_plan_with(seed, 7, 1);
        let base = engine_shortage(&plan, "s0", &[]);
        for limit in [0.0, base[0].1 / 5.0, base[0].1 / 2.0] {
            if check_against_brute_force(&plan, "s0", &[], limit) {
                feasible += 1;
            }
        }
    }
    assert!(feasible >= 10, "feasible {feasible}");
}

#[test]
fn least_cost_equals_brute_force_with_a_positive_limit_and_named_domains() {
    for seed in 100..150 {
        let plan = random_plan(seed);
        let base = engine_shortage(&plan, "s0", &[]);
        let mut rng = Rng(seed);
        // A limit between 0 and the base shortage of the first domain.
        let limit = base[0].1 * rng.between(0.0, 0.9);
        check_against_brute_force(&plan, "s0", &[], limit);
        let last = plan.domains.last().unwrap().id.clone();
        check_against_brute_force(&plan, "s1", &[last], limit);
        if plan.domains.len() >= 3 {
            let named = vec![plan.domains[2].id.clone(), plan.domains[0].id.clone()];
            check_against_brute_force(&plan, "s0", &named, 0.0);
        }
    }
}

#[test]
fn a_limit_exactly_at_some_sets_shortage_is_met_by_a_set_no_dearer() {
    for seed in 200..230 {
        let plan = random_plan(seed);
        let candidates = candidate_ids(&plan, "s0");
        let some: Vec<String> = candidates.iter().step_by(2).cloned().collect();
        let shortage = engine_shortage(&plan, "s0", &some);
        let domain = shortage[0].0.clone();
        let limit = shortage[0].1;
        let request =
            OptimizeRequest { scenario_id: "s0".into(), domain_ids: vec![domain.clone()], max_shortage_place_months: limit };
        let answer = optimize(&plan, &request, &SearchControl::default()).unwrap();
        assert!(answer.feasible && answer.optimal, "{answer:?}");
        assert!(answer.cost_eur <= cost_of(&plan, &some) + 1e-6, "{answer:?}");
        check_against_brute_force(&plan, "s0", &[domain], limit);
    }
}

/// One region, one domain, places needed known by construction.
fn exact_plan() -> Plan {
    let start = month("2025-01");
    let mut basis = scenario("basis", 100.0, start);
    basis.leave_rate_per_year = 0.0;
    basis.age_distribution = vec![("0-17".into(), 0.0), ("18+".into(), 1.0)];
    let mut measures = vec![
        measure("klein", "housing", Some("a"), 100.0, start, Funding::Open),
        measure("gross", "housing", Some("a"), 300.0, start, Funding::Open),
        measure("land", "housing", None, 200.0, start, Funding::Open),
        measure("gratis", "housing", Some("a"), 50.0, start, Funding::Open),
        measure("zu", "housing", Some("a"), -80.0, start, Funding::Open),
    ];
    for (m, (once, per_year)) in measures.iter_mut().zip([(1000.0, 0.0), (2500.0, 0.0), (1000.0, 1200.0), (0.0, 0.0), (0.0, 0.0)])
    {
        m.cost_once_eur = once;
        m.cost_per_year_eur = per_year;
    }
    Plan {
        meta: Meta { title: "Exakt".into(), ..Meta::default() },
        horizon: Horizon { start, months: 3, extra: Extra::new() },
        domains: vec![domain("housing", &[("0+", 1.0)], 1.0)],
        regions: vec![Region {
            id: "a".into(),
            name: "A".into(),
            population: 1000.0,
            area_km2: 10.0,
            capacity: vec![("housing".into(), 0.0)],
            location: None,
            extra: Extra::new(),
        }],
        distribution: Distribution::default(),
        measures,
        scenarios: vec![basis],
        budget: Vec::new(),
        planning_year: None,
        extra: Extra::new(),
    }
}

#[test]
fn an_exact_fit_counts_as_met_and_free_measures_are_taken() {
    // Demand 100, 200, 300 persons over three months; "gratis" gives 50 for nothing.
    let plan = exact_plan();
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 0.0 };
    let answer = optimize(&plan, &request, &SearchControl::default()).unwrap();
    // 250 more places are needed in month 3: "gross" (2500) or "klein" + "land" (1000 + 1000 + 300).
    assert!(answer.feasible && answer.optimal);
    assert_eq!(answer.cost_eur, 2300.0, "{answer:?}");
    assert_eq!(answer.chosen, ["klein", "land", "gratis"]);
    assert_eq!(answer.domains[0].shortage_place_months_base, 600.0);
    assert_eq!(answer.domains[0].shortage_place_months, 0.0);
    check_against_brute_force(&plan, "basis", &[], 0.0);
    check_against_brute_force(&plan, "basis", &[], 60.0);
}

#[test]
fn identical_candidates_are_searched_once_each_count() {
    // 300 places are missing in month 3; 40 candidates of 16 places each, 1000 EUR each: 19 needed.
    let mut plan = exact_plan();
    plan.measures.clear();
    for k in 0..40 {
        let region = if k % 2 == 0 { Some("a") } else { None };
        let mut m = measure(&format!("m{k}"), "housing", region, 16.0, month("2025-01"), Funding::Open);
        m.cost_once_eur = 1000.0;
        plan.measures.push(m);
    }
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 0.0 };
    let control = SearchControl { time_limit: Some(Duration::from_secs(60)), ..SearchControl::default() };
    let answer = optimize(&plan, &request, &control).unwrap();
    assert!(answer.feasible && answer.optimal, "{answer:?}");
    assert_eq!(answer.cost_eur, 19_000.0);
    assert_eq!(answer.chosen.len(), 19);
    assert!(meets(&engine_shortage(&plan, "basis", &answer.chosen), &[], 0.0));
    assert!(answer.nodes_explored < 10_000, "{}", answer.nodes_explored);
}

#[test]
fn an_unreachable_goal_is_infeasible_with_all_candidates_chosen() {
    let mut plan = exact_plan();
    plan.scenarios[0].arrivals[0].per_month = 10_000.0;
    plan.scenarios[0].measures_off = vec!["gross".into()];
    let request =
        OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec!["housing".into()], max_shortage_place_months: 10.0 };
    let answer = optimize(&plan, &request, &SearchControl::default()).unwrap();
    assert!(!answer.feasible);
    assert_eq!(answer.chosen, ["klein", "land", "gratis", "zu"]);
    assert_eq!(answer.cost_eur, 1000.0 + 1000.0 + 300.0);
    assert!(answer.domains[0].shortage_place_months > 10.0);
}

#[test]
fn a_goal_the_base_meets_chooses_nothing() {
    let plan = exact_plan();
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 600.0 };
    let answer = optimize(&plan, &request, &SearchControl::default()).unwrap();
    assert!(answer.feasible && answer.optimal);
    assert!(answer.chosen.is_empty());
    assert_eq!(answer.cost_eur, 0.0);
}

#[test]
fn a_cancelled_search_still_gives_a_feasible_set_but_not_optimal() {
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let cancel = AtomicBool::new(true);
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 1e9 };
    let control = SearchControl { cancel: Some(&cancel), ..SearchControl::default() };
    // A goal met by the base needs no search: optimal even when cancelled.
    let answer = optimize(&plan, &request, &control).unwrap();
    assert!(answer.feasible && answer.optimal && answer.chosen.is_empty());

    let request = OptimizeRequest { max_shortage_place_months: 0.0, ..request };
    let free = optimize(&plan, &request, &SearchControl::default()).unwrap();
    if free.feasible && free.cost_eur > 0.0 {
        let stopped = optimize(&plan, &request, &control).unwrap();
        assert!(stopped.feasible && !stopped.optimal, "{stopped:?}");
        assert!(stopped.cost_eur >= free.cost_eur - 1e-6);
        let shortage = engine_shortage(&plan, "basis", &stopped.chosen);
        assert!(meets(&shortage, &[], 0.0));
    }
}

#[test]
fn the_sample_plan_is_solved_to_optimality_for_every_scenario_and_domain() {
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let progress_calls = std::sync::atomic::AtomicUsize::new(0);
    let report = |_: &integrationsplan::optimize::Progress| {
        progress_calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    for scenario in &plan.scenarios {
        let control =
            SearchControl { time_limit: Some(Duration::from_secs(60)), progress: Some(&report), ..SearchControl::default() };
        let mut requests = vec![vec![]];
        requests.extend(plan.domains.iter().map(|d| vec![d.id.clone()]));
        for domains in requests {
            let request =
                OptimizeRequest { scenario_id: scenario.id.clone(), domain_ids: domains.clone(), max_shortage_place_months: 0.0 };
            let answer = optimize(&plan, &request, &control).unwrap();
            assert!(answer.optimal, "{} {domains:?}", scenario.id);
            let shortage = engine_shortage(&plan, &scenario.id, &answer.chosen);
            if answer.feasible {
                assert!(meets(&shortage, &domains, 0.0), "{} {domains:?}", scenario.id);
            }
        }
    }
    assert!(progress_calls.load(std::sync::atomic::Ordering::Relaxed) > 0);
    // The sample's 8 open measures: brute force agrees on the first scenario, with a limit.
    let base = engine_shortage(&plan, "basis", &[]);
    for (domain, shortage) in base {
        check_against_brute_force(&plan, "basis", &[domain], shortage / 4.0);
    }
}

#[test]
fn unknown_ids_and_bad_limits_are_errors() {
    let plan = exact_plan();
    let ask = |scenario: &str, domains: Vec<String>, limit: f64| {
        optimize(
            &plan,
            &OptimizeRequest { scenario_id: scenario.into(), domain_ids: domains, max_shortage_place_months: limit },
            &SearchControl::default(),
        )
    };
    assert!(ask("nope", vec![], 0.0).unwrap_err().to_string().contains("\"nope\""));
    assert!(ask("basis", vec!["kita".into()], 0.0).unwrap_err().to_string().contains("--domain"));
    assert!(ask("basis", vec![], -1.0).is_err());
    assert!(ask("basis", vec![], f64::NAN).is_err());
    assert!(ask("basis", vec![], f64::INFINITY).is_err());
}

#[test]
fn the_json_has_the_shape_of_spec_7() {
    let plan = exact_plan();
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 0.0 };
    let value = optimization_to_json(&optimize(&plan, &request, &SearchControl::default()).unwrap());
    assert_eq!(
        value,
        json!({ "format": "integrationsplan-optimization", "version": 1,
                "scenario": "basis", "max_shortage_place_months": 0,
                "feasible": true, "optimal": true,
                "chosen": ["klein", "land", "gratis"],
                "cost_eur": 2300,
                "domains": { "housing": { "shortage_place_months_base": 600, "shortage_place_months": 0 } } })
    );
}

// ---------------------------------------------------------------- the command

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn sample_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nrw-2025.json").display().to_string()
}

fn write_exact_plan(folder: &Path) -> PathBuf {
    let path = folder.join("plan.json");
    std::fs::write(&path, integrationsplan::io::plan_to_string(&exact_plan()).unwrap()).unwrap();
    path
}

#[test]
fn optimize_prints_the_document_and_exits_0() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_exact_plan(folder.path());
    let output = run(&["optimize", file.to_str().unwrap(), "--scenario", "basis"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["format"], "integrationsplan-optimization");
    assert_eq!(value["chosen"], json!(["klein", "land", "gratis"]));
    assert_eq!(value["cost_eur"], json!(2300));

    let output = run(&[
        "optimize",
        file.to_str().unwrap(),
        "--scenario",
        "basis",
        "--max-shortage-place-months",
        "1000",
        "--domain",
        "housing",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["chosen"], json!([]));
    assert_eq!(value["max_shortage_place_months"], json!(1000));
}

#[test]
fn optimize_with_no_time_gives_the_first_answer_as_not_optimal() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_exact_plan(folder.path());
    let output = run(&["optimize", file.to_str().unwrap(), "--scenario", "basis", "--time-limit", "0"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["feasible"], json!(true));
    assert_eq!(value["optimal"], json!(false));
    // The greedy first answer is feasible (here it is even the cheapest).
    assert_eq!(value["cost_eur"], json!(2300));
    // A goal that needs no search is optimal at once.
    let output = run(&[
        "optimize",
        file.to_str().unwrap(),
        "--scenario",
        "basis",
        "--time-limit",
        "0",
        "--max-shortage-place-months",
        "600",
    ]);
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["optimal"], json!(true));
}

#[test]
fn optimize_reports_an_unreachable_goal_with_exit_0() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = exact_plan();
    plan.scenarios[0].arrivals[0].per_month = 10_000.0;
    let file = folder.path().join("plan.json");
    std::fs::write(&file, integrationsplan::io::plan_to_string(&plan).unwrap()).unwrap();
    let output = run(&["optimize", file.to_str().unwrap(), "--scenario", "basis"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["feasible"], json!(false));
    assert_eq!(value["chosen"], json!(["klein", "gross", "land", "gratis", "zu"]));
}

#[test]
fn optimize_refuses_unknown_ids_and_bad_arguments_with_exit_2() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_exact_plan(folder.path());
    let file = file.to_str().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (&["--scenario", "niedrig"], "--scenario"),
        (&["--scenario", "basis", "--domain", "kita"], "--domain"),
        (&["--scenario", "basis", "--max-shortage-place-months", "-1"], "--max-shortage-place-months"),
        (&["--scenario", "basis", "--max-shortage-place-months", "NaN"], "--max-shortage-place-months"),
        (&["--scenario", "basis", "--max-shortage-place-months", "inf"], "--max-shortage-place-months"),
        (&["--scenario", "basis", "--time-limit", "-3"], "--time-limit"),
        (&["--scenario", "basis", "--output", file], "--output"),
    ];
    for (args, flag) in cases {
        let mut all = vec!["optimize", file];
        all.extend_from_slice(args);
        let output = run(&all);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(flag), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(file), "{args:?}: {}", stderr(&output));
        assert!(output.stdout.is_empty());
    }
    // The plan file is untouched by the refused --output.
    assert_eq!(std::fs::read_to_string(file).unwrap(), integrationsplan::io::plan_to_string(&exact_plan()).unwrap());
    // No scenario, a missing file, an invalid plan.
    assert_eq!(code(&run(&["optimize", file])), 2);
    assert_eq!(code(&run(&["optimize", "/nonexistent/plan.json", "--scenario", "basis"])), 2);
    let broken = folder.path().join("broken.json");
    std::fs::write(&broken, "{ \"format\": \"integrationsplan\" }").unwrap();
    assert_eq!(code(&run(&["optimize", broken.to_str().unwrap(), "--scenario", "basis"])), 2);
}

#[test]
fn optimize_writes_output_to_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("mix.json");
    let output = run(&["optimize", &sample_path(), "--scenario", "basis", "--output", out.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(value["scenario"], "basis");
    assert_eq!(value["optimal"], json!(true));
    let domains: Vec<&String> = value["domains"].as_object().unwrap().keys().collect();
    assert_eq!(domains, ["kita", "erstfoerderung", "school", "housing", "language"]);
}

#[test]
fn each_chosen_measure_reports_the_place_months_that_come_back_without_it() {
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 0.0 };
    let answer = optimize(&plan, &request, &SearchControl::default()).unwrap();
    assert_eq!(answer.measures.iter().map(|m| m.id.clone()).collect::<Vec<_>>(), answer.chosen);
    assert!((answer.measures.iter().map(|m| m.cost_eur).sum::<f64>() - answer.cost_eur).abs() < 1e-6);
    let with_set = engine_shortage(&plan, "basis", &answer.chosen);
    for chosen in &answer.measures {
        let measure = plan.measures.iter().find(|m| m.id == chosen.id).unwrap();
        let others: Vec<String> = answer.chosen.iter().filter(|id| **id != chosen.id).cloned().collect();
        let without = engine_shortage(&plan, "basis", &others);
        let domain = |list: &[(String, f64)]| list.iter().find(|(id, _)| *id == measure.domain).unwrap().1;
        let expected = domain(&without) - domain(&with_set);
        assert!((chosen.place_months_removed - expected).abs() < 1e-6 * expected.abs().max(1.0), "{chosen:?} vs {expected}");
        assert!((chosen.cost_eur - cost_of(&plan, std::slice::from_ref(&chosen.id))).abs() < 1e-6);
    }
}

/// Issue 20, point 12: a goal per domain. Each domain is held to its own limit, and the answer
/// is the one each domain would get alone (the domains are independent problems).
#[test]
fn each_domain_is_held_to_its_own_goal() {
    use integrationsplan::optimize::{DomainGoal, optimize_goals};
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let scenario = plan.scenarios[0].id.clone();
    let alone = |domain: &str, limit: f64| {
        let request =
            OptimizeRequest { scenario_id: scenario.clone(), domain_ids: vec![domain.into()], max_shortage_place_months: limit };
        optimize(&plan, &request, &SearchControl::default()).unwrap()
    };
    let base = |domain: &str| alone(domain, 1e15).domains[0].shortage_place_months_base;
    let (kita_goal, housing_goal) = (base("kita") * 0.9, base("housing"));
    let goals = vec![
        DomainGoal { domain_id: "kita".into(), max_shortage_place_months: kita_goal },
        DomainGoal { domain_id: "housing".into(), max_shortage_place_months: housing_goal },
    ];
    let answer = optimize_goals(&plan, &scenario, &goals, &SearchControl::default()).unwrap();
    assert_eq!(answer.domains.len(), 2);
    let kita = alone("kita", kita_goal);
    assert_eq!(answer.feasible, kita.feasible, "housing needs nothing at its own base");
    if answer.feasible {
        for (domain, goal) in answer.domains.iter().zip([kita_goal, housing_goal]) {
            assert!(
                domain.shortage_place_months <= goal + GOAL_TOLERANCE,
                "{}: {} > {goal}",
                domain.id,
                domain.shortage_place_months
            );
        }
        assert_eq!(answer.chosen, kita.chosen, "the same set as for Kita alone");
    }
    assert_eq!(answer.max_shortage_place_months, kita_goal.max(housing_goal));
    let bad = vec![DomainGoal { domain_id: "kita".into(), max_shortage_place_months: -1.0 }];
    assert!(optimize_goals(&plan, &scenario, &bad, &SearchControl::default()).is_err());
}
