//! The model of SPEC §3: a pure function from a plan to its results.
//!
//! Stock, demand and departures are linear in the arrivals and every region gets the same age
//! mix, so a region's stock is its share of the state-wide stock. The engine therefore runs the
//! cohort model once per scenario and scales it per region; capacity and shortage are then
//! computed region by region, as the spec requires.

mod budget;
mod capacity;
mod distribution;
mod planning;
mod results;
mod stock;
mod uncertainty;
mod window;

pub use budget::{BudgetRow, budget_rows};
pub use capacity::{active_indices, add_measure_cost, add_measure_curve, measure_places};
pub use distribution::{region_shares, weighted_shares};
pub use planning::{
    GROUP_THRESHOLD, GroupCounter, GroupFigures, PlanningDomainFigures, PlanningYearResults, PlanningYearSpan, groups,
    planning_year_name, planning_year_spans, planning_years,
};
pub use results::*;
pub use stock::{
    Cohorts, StockRun, age_one_month, arrival_steps, arrivals_per_month, arrivals_with_factor, cohort_shares, monthly_leave_rate,
    run_stock,
};
pub use uncertainty::{
    DEFAULT_SEED, DomainBands, MAX_RUNS, Percentiles, RunControl, RunDraw, UncertaintyResults, draw_run, percentile,
    run_uncertainty, run_uncertainty_in_blocks, triangular,
};
pub use window::{ArrivalWindows, WindowedRun};

use crate::model::{AgeBand, BandUse, COHORTS, Domain, Funding, Plan, Scenario};
use std::collections::HashMap;

/// Simulates every scenario of `plan` (which should be valid; invalid parts are skipped, never a panic).
pub fn simulate(plan: &Plan) -> Results {
    simulate_scenarios(plan, &plan.scenarios.iter().collect::<Vec<_>>())
}

/// Simulates the given scenarios of `plan`, in the order given.
pub fn simulate_scenarios(plan: &Plan, scenarios: &[&Scenario]) -> Results {
    let months: Vec<_> = plan.horizon.months_iter().collect();
    let shares = region_shares(plan);
    let domain_rates: Vec<[f64; COHORTS]> = plan.domains.iter().map(per_person_rates).collect();
    Results {
        title: plan.meta.title.clone(),
        region_ids: plan.regions.iter().map(|r| r.id.clone()).collect(),
        domain_ids: plan.domains.iter().map(|d| d.id.clone()).collect(),
        scenarios: scenarios.iter().map(|s| simulate_scenario(plan, s, &shares, &domain_rates, &months)).collect(),
        shares,
        months,
    }
}

/// Simulates the scenario at `scenario_index` of `plan` (SPEC §3) and, with `runs`, adds the
/// uncertainty of SPEC §5; `None` when the index is unknown or `control` was cancelled.
pub fn simulate_one(
    plan: &Plan,
    scenario_index: usize,
    runs: Option<(u32, u64)>,
    control: &RunControl,
) -> Option<ScenarioResults> {
    let scenario = plan.scenarios.get(scenario_index)?;
    let shares = region_shares(plan);
    let domain_rates: Vec<[f64; COHORTS]> = plan.domains.iter().map(per_person_rates).collect();
    let months: Vec<_> = plan.horizon.months_iter().collect();
    let mut results = simulate_scenario(plan, scenario, &shares, &domain_rates, &months);
    if let Some((count, seed)) = runs {
        results.uncertainty = Some(run_uncertainty(plan, scenario_index, &results, count, seed, control)?);
    }
    Some(results)
}

/// Results with no scenario yet: title, months, ids and shares, for writers that take the
/// scenarios one at a time.
pub fn results_frame(plan: &Plan) -> Results {
    Results {
        title: plan.meta.title.clone(),
        region_ids: plan.regions.iter().map(|r| r.id.clone()).collect(),
        domain_ids: plan.domains.iter().map(|d| d.id.clone()).collect(),
        scenarios: Vec::new(),
        shares: region_shares(plan),
        months: plan.horizon.months_iter().collect(),
    }
}

/// Each cohort's places needed per person: `rate_d(c) / persons_per_unit_d`, at most
/// [`MAX_PLACES_PER_PERSON`].
pub fn per_person_rates(domain: &Domain) -> [f64; COHORTS] {
    let mut rates = [0.0; COHORTS];
    let per_unit = if domain.persons_per_unit > 0.0 { domain.persons_per_unit } else { 1.0 };
    for (band_text, rate) in &domain.rates {
        if let Ok(band) = AgeBand::parse(band_text, BandUse::Rates) {
            for cohort in band.cohorts() {
                if let Some(slot) = rates.get_mut(cohort) {
                    *slot = (rate / per_unit).min(MAX_PLACES_PER_PERSON);
                }
            }
        }
    }
    rates
}

/// Largest places-per-person factor `rate / persons_per_unit` the engine uses: a valid plan may
/// have a vanishing `persons_per_unit`, and demand must stay a finite number (SPEC §9).
pub const MAX_PLACES_PER_PERSON: f64 = 1e280;

/// State-wide demand per share of each domain for every month: `Σ_c S(c,t) · rate_d(c) / ppu_d`,
/// counting in each domain only the newcomers inside its window of months since arrival (SPEC §10).
pub fn unit_demand(
    arrivals: &[f64],
    cohort_share: &Cohorts,
    leave_rate_per_year: f64,
    domain_rates: &[[f64; COHORTS]],
    windows: &ArrivalWindows,
) -> UnitDemand {
    let month_count = arrivals.len();
    let mut persons = vec![0.0; month_count];
    let mut demand = vec![vec![0.0; month_count]; domain_rates.len()];
    let mut run = WindowedRun::new(windows, leave_rate_per_year, cohort_share);
    let mut month_demand = vec![0.0; domain_rates.len()];
    let arriving = |t: usize| arrivals.get(t).copied().unwrap_or(0.0);
    for (t, slot) in persons.iter_mut().enumerate() {
        *slot = run.month(windows, arriving, cohort_share, domain_rates, &mut month_demand);
        for (curve, value) in demand.iter_mut().zip(&month_demand) {
            if let Some(cell) = curve.get_mut(t) {
                *cell = *value;
            }
        }
    }
    UnitDemand { persons, demand }
}

/// Places of one domain needed by a stock: `Σ_c S(c) · places_per_person(c)`.
pub fn stock_demand(stock: &Cohorts, places_per_person: &[f64; COHORTS]) -> f64 {
    stock.iter().zip(places_per_person).map(|(s, r)| s * r).sum()
}

/// Newcomers and demand of a region whose share is 1.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDemand {
    /// Newcomers per month.
    pub persons: Vec<f64>,
    /// Per domain, places needed per month.
    pub demand: Vec<Vec<f64>>,
}

/// Adds one region's demand (`share · unit`) and shortage to the state-wide sums of a domain and
/// returns the region's first month with a shortage. Shared by [`simulate`] and the uncertainty
/// runs, so that a run with the scenario's own values gives exactly the same numbers.
pub fn add_region_figures(
    share: f64,
    unit: &[f64],
    capacity: &[f64],
    demand_total: &mut [f64],
    shortage_total: &mut [f64],
) -> Option<usize> {
    let mut first_shortage = None;
    // Plain zipped loops over equal-length curves: no bounds checks, so they vectorise.
    let sums = demand_total.iter_mut().zip(shortage_total.iter_mut());
    for (t, ((dm, sh), (u, places))) in sums.zip(unit.iter().zip(capacity)).enumerate() {
        let need = share * u;
        let missing = shortage_of(need, *places);
        if first_shortage.is_none() && missing > SHORTAGE_THRESHOLD {
            first_shortage = Some(t);
        }
        *dm += need;
        *sh += missing;
    }
    first_shortage
}

fn simulate_scenario(
    plan: &Plan,
    scenario: &Scenario,
    shares: &[f64],
    domain_rates: &[[f64; COHORTS]],
    months: &[crate::model::Month],
) -> ScenarioResults {
    let month_count = months.len();
    let start = plan.horizon.start;

    // State-wide cohort model with all arrivals; each region holds `share_r` of it.
    let arrivals = arrivals_per_month(scenario, start, month_count);
    let windows = ArrivalWindows::new(&plan.domains, month_count);
    let UnitDemand { persons, demand: unit_demand } =
        unit_demand(&arrivals, &cohort_shares(scenario), scenario.leave_rate_per_year, domain_rates, &windows);

    // Capacity: state-wide measures once per domain, regional ones per (region, domain).
    let region_index: HashMap<&str, usize> = plan.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let domain_index: HashMap<&str, usize> = plan.domains.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut statewide = vec![vec![0.0; month_count]; plan.domains.len()];
    let mut regional: HashMap<(usize, usize), Vec<f64>> = HashMap::new();
    let mut cost_eur = vec![0.0; month_count];
    let mut cost_by_funding = [vec![0.0; month_count], vec![0.0; month_count], vec![0.0; month_count]];
    let active = scenario.active_measures(&plan.measures);
    for (measure, _) in plan.measures.iter().zip(&active).filter(|(_, on)| **on) {
        let Some(&d) = domain_index.get(measure.domain.as_str()) else { continue };
        add_measure_cost(measure, start, &mut cost_eur);
        if let Some(curve) = cost_by_funding.get_mut(funding_index(measure.funding)) {
            add_measure_cost(measure, start, curve);
        }
        match &measure.region {
            None => {
                if let Some(curve) = statewide.get_mut(d) {
                    add_measure_curve(measure, start, curve, 1.0);
                }
            }
            Some(region_id) => {
                let Some(&r) = region_index.get(region_id.as_str()) else { continue };
                let curve = regional.entry((r, d)).or_insert_with(|| vec![0.0; month_count]);
                add_measure_curve(measure, start, curve, 1.0);
            }
        }
    }

    let mut domains: Vec<DomainResults> = plan
        .domains
        .iter()
        .map(|domain| DomainResults {
            id: domain.id.clone(),
            demand: vec![0.0; month_count],
            capacity: vec![0.0; month_count],
            shortage: vec![0.0; month_count],
            indicators: Indicators::from_shortage(&[], &[]),
        })
        .collect();
    let mut regions = Vec::with_capacity(plan.regions.len());
    let mut group_counter = GroupCounter::new(plan, months);
    let mut state_persons = vec![0.0; month_count];
    for (r, region) in plan.regions.iter().enumerate() {
        let share = shares.get(r).copied().unwrap_or(0.0);
        for (total, p) in state_persons.iter_mut().zip(&persons) {
            *total += share * p;
        }
        let mut region_domains = Vec::with_capacity(plan.domains.len());
        for (d, domain) in plan.domains.iter().enumerate() {
            let base = region.capacity_of(&domain.id);
            let own = regional.get(&(r, d));
            let (Some(unit), Some(state_curve), Some(totals)) = (unit_demand.get(d), statewide.get(d), domains.get_mut(d)) else {
                continue;
            };
            // The region's demand is `share · unit` (see `ScenarioResults::region_demand`); it
            // is not stored, which halves the memory of large plans.
            let capacity: Vec<f64> = match own {
                Some(own) => state_curve.iter().zip(own).map(|(s, o)| base + o + share * s).collect(),
                None => state_curve.iter().map(|s| base + share * s).collect(),
            };
            for (total, places) in totals.capacity.iter_mut().zip(&capacity) {
                *total += places;
            }
            let first_shortage = add_region_figures(share, unit, &capacity, &mut totals.demand, &mut totals.shortage);
            group_counter.add_region(r, d, share, unit, &capacity);
            region_domains.push(RegionDomainResults { capacity, first_shortage });
        }
        regions.push(RegionResults { id: region.id.clone(), share, domains: region_domains });
    }
    for domain in &mut domains {
        domain.indicators = Indicators::from_shortage(&domain.shortage, months);
    }

    let yearly_cost = cost_per_year(&cost_eur, months);
    let [secured, planned, open] = cost_by_funding.map(|curve| cost_per_year(&curve, months));
    let cost_per_year_by_funding = secured
        .iter()
        .zip(&planned)
        .zip(&open)
        .map(|(((year, s), (_, p)), (_, o))| (*year, FundingCosts { secured_eur: *s, planned_eur: *p, open_eur: *o }))
        .collect();
    let budget_balance_per_year = yearly_cost
        .iter()
        .filter_map(|(year, cost)| plan.budget.iter().find(|b| b.year == *year).map(|b| (*year, b.eur - cost)))
        .collect();

    let mut results = ScenarioResults {
        id: scenario.id.clone(),
        name: scenario.name.clone(),
        persons: state_persons,
        persons_per_share: persons,
        demand_per_share: unit_demand,
        cost_per_year: yearly_cost,
        cost_per_year_by_funding,
        budget_balance_per_year,
        cost_eur,
        domains,
        regions,
        planning_years: Vec::new(),
        uncertainty: None,
    };
    results.planning_years = group_counter.finish(plan, &results);
    results
}

/// The slot of a funding state in per-funding arrays: secured, planned, open.
fn funding_index(funding: Funding) -> usize {
    match funding {
        Funding::Secured => 0,
        Funding::Planned => 1,
        Funding::Open => 2,
    }
}

/// Sums monthly costs per calendar year, for every year the horizon touches.
fn cost_per_year(cost_eur: &[f64], months: &[crate::model::Month]) -> Vec<(i32, f64)> {
    let mut years: Vec<(i32, f64)> = Vec::new();
    for (month, cost) in months.iter().zip(cost_eur) {
        match years.last_mut() {
            Some((year, total)) if *year == month.year() => *total += cost,
            _ => years.push((month.year(), *cost)),
        }
    }
    years
}
