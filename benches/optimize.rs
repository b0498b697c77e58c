//! Benchmarks of `optimize` (SPEC §7): time to a proven optimum.
//!
//! `cargo bench --no-default-features --bench optimize`; budgets on a 2-core machine: NRW sample
//! with all its open measures ≤ 2 s, 20 candidates at Germany scale (401 districts × 240 months
//! × 10 domains) well within the 10 s default time limit.

use criterion::{Criterion, criterion_group, criterion_main};
use integrationsplan::model::{Funding, Plan};
use integrationsplan::optimize::{OptimizeRequest, SearchControl, optimize};
use integrationsplan::sample;
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use std::hint::black_box;
use std::time::Duration;

/// The allocator of the `integrationsplan` binary, so that the numbers are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Germany: all 401 districts, 20 years, one scenario, 10 domains, 400 measures (a quarter state-wide).
const GERMANY: PlanSize = PlanSize { regions: 401, months: 240, scenarios: 1, domains: 10, measures: 400, statewide_share: 0.25 };

/// The Germany plan with exactly 20 open measures: the first 20 measures of `domains` that add
/// places (state-wide ones come first in a synthetic plan), the rest secured; the scenario
/// counts every measure.
fn germany_with_20_candidates(domains: &[usize]) -> Plan {
    germany_with_20_of(GERMANY, domains)
}

/// [`germany_with_20_candidates`] from a plan of `size`.
fn germany_with_20_of(size: PlanSize, domains: &[usize]) -> Plan {
    let mut germany = plan(size, &german_districts());
    let domain_ids: Vec<String> = domains.iter().filter_map(|&d| germany.domains.get(d).map(|d| d.id.clone())).collect();
    let mut open = 0;
    for measure in &mut germany.measures {
        measure.funding = Funding::Secured;
        if open < 20 && domain_ids.contains(&measure.domain) && measure.places > 0.0 {
            measure.funding = Funding::Open;
            // Costs in the same range, so that no candidate is obviously best.
            measure.cost_once_eur += 1.0e6;
            open += 1;
        }
    }
    for scenario in &mut germany.scenarios {
        scenario.funding_included = Funding::ALL.to_vec();
        scenario.measures_off.clear();
    }
    germany
}

/// A limit that needs some but not all candidates: 30 % of the way from "all on" to the base,
/// taken over the named domains (their largest value).
fn middle_limit(plan: &Plan, scenario: &str, domains: &[String]) -> f64 {
    let all_on = OptimizeRequest { scenario_id: scenario.into(), domain_ids: domains.to_vec(), max_shortage_place_months: 0.0 };
    let answer = optimize(plan, &all_on, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    answer
        .domains
        .iter()
        .map(|d| d.shortage_place_months + 0.3 * (d.shortage_place_months_base - d.shortage_place_months))
        .fold(0.0, f64::max)
}

fn bench_one(c: &mut Criterion, name: &str, plan: &Plan, request: &OptimizeRequest) {
    let answer = optimize(plan, request, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(answer.optimal, "{name}: not optimal");
    eprintln!(
        "{name}: feasible {}, {} chosen, {:.0} EUR, {} nodes",
        answer.feasible,
        answer.chosen.len(),
        answer.cost_eur,
        answer.nodes_explored
    );
    c.bench_function(name, |b| b.iter(|| optimize(black_box(plan), black_box(request), &SearchControl::default())));
}

fn optimize_benches(c: &mut Criterion) {
    let nrw = sample::nrw_2025().map(|l| l.plan).unwrap_or_else(|e| panic!("{e}"));
    let request = OptimizeRequest { scenario_id: "basis".into(), domain_ids: vec![], max_shortage_place_months: 0.0 };
    bench_one(c, "f_optimize_nrw_sample_all_domains", &nrw, &request);
    // Limits that need a real search: 30 % of the way from "all open measures on" to the base.
    for domain in ["kita", "school", "housing", "language"] {
        let named = vec![domain.to_owned()];
        let limited = OptimizeRequest {
            domain_ids: named.clone(),
            max_shortage_place_months: middle_limit(&nrw, "basis", &named),
            ..request.clone()
        };
        bench_one(c, &format!("f_optimize_nrw_sample_{domain}_middle_limit"), &nrw, &limited);
    }

    let mut group = c.benchmark_group("germany");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    let spread = germany_with_20_candidates(&(0..10).collect::<Vec<_>>());
    let all: Vec<String> = spread.domains.iter().map(|d| d.id.clone()).collect();
    let request = OptimizeRequest {
        scenario_id: "s0".into(),
        domain_ids: vec![],
        max_shortage_place_months: middle_limit(&spread, "s0", &all),
    };
    let answer = optimize(&spread, &request, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("g spread: feasible {}, optimal {}, {} nodes", answer.feasible, answer.optimal, answer.nodes_explored);
    group.bench_function("g_optimize_germany_20_candidates_10_domains", |b| {
        b.iter(|| optimize(black_box(&spread), black_box(&request), &SearchControl::default()))
    });
    let one = germany_with_20_candidates(&[2]);
    let housing = vec!["housing".to_owned()];
    let request = OptimizeRequest {
        scenario_id: "s0".into(),
        domain_ids: housing.clone(),
        max_shortage_place_months: middle_limit(&one, "s0", &housing),
    };
    let answer = optimize(&one, &request, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("g one domain: feasible {}, optimal {}, {} nodes", answer.feasible, answer.optimal, answer.nodes_explored);
    group.bench_function("h_optimize_germany_20_candidates_one_domain", |b| {
        b.iter(|| optimize(black_box(&one), black_box(&request), &SearchControl::default()))
    });
    // The hard case for the bounds: every candidate costs about the same per place.
    let proportional = cost_per_place(one.clone());
    let request = OptimizeRequest { max_shortage_place_months: middle_limit(&proportional, "s0", &housing), ..request };
    let answer = optimize(&proportional, &request, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("i proportional: feasible {}, optimal {}, {} nodes", answer.feasible, answer.optimal, answer.nodes_explored);
    group.bench_function("i_optimize_germany_20_candidates_one_domain_cost_per_place", |b| {
        b.iter(|| optimize(black_box(&proportional), black_box(&request), &SearchControl::default()))
    });
    // Harder still: all 20 candidates state-wide, cost per place within 5 % of each other.
    let statewide = cost_per_place(germany_with_20_of(PlanSize { statewide_share: 0.5, ..GERMANY }, &[2]));
    let request = OptimizeRequest { max_shortage_place_months: middle_limit(&statewide, "s0", &housing), ..request };
    let answer = optimize(&statewide, &request, &SearchControl::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("j statewide: feasible {}, optimal {}, {} nodes", answer.feasible, answer.optimal, answer.nodes_explored);
    group.bench_function("j_optimize_germany_20_statewide_candidates_cost_per_place", |b| {
        b.iter(|| optimize(black_box(&statewide), black_box(&request), &SearchControl::default()))
    });
    group.finish();
}

/// Makes every open measure cost 10 000 EUR per place, give or take 5 %, once.
fn cost_per_place(mut plan: Plan) -> Plan {
    for measure in plan.measures.iter_mut().filter(|m| m.funding == Funding::Open) {
        let wobble = 1.0 + 0.05 * ((measure.id.len() * 7 + measure.places as usize) % 11) as f64 / 10.0;
        measure.cost_once_eur = (measure.places * 10_000.0 * wobble).round();
        measure.cost_per_year_eur = 0.0;
    }
    plan
}

criterion_group!(benches, optimize_benches);
criterion_main!(benches);
