//! The optimisation as numbers: the base run, each candidate's cost and place curve, and for
//! every domain the cells (region × month) whose shortage the candidates can change.
//!
//! Demand does not depend on the chosen measures, and a measure only adds capacity to its own
//! domain, so one engine run of the base gives everything: a set K is then evaluated by adding
//! its place curves to the base capacity of the cells they touch.

use crate::engine::{add_measure_cost, add_measure_curve, shortage_of, simulate_scenarios};
use crate::model::{Funding, Measure, Plan, Scenario};
use std::collections::{HashMap, HashSet};

/// Relative noise of the engine's shortage rule ([`crate::engine::RELATIVE_NOISE`]), used to
/// widen the search's bounds so that the rule never makes them cut off a cheaper set.
const NOISE: f64 = crate::engine::RELATIVE_NOISE;

/// The cost of `measure` over the horizon (SPEC §7): `cost_once_eur` if it starts inside the
/// horizon, plus `cost_per_year_eur / 12` for each of its active months inside the horizon.
pub fn measure_cost_eur(measure: &Measure, plan: &Plan) -> f64 {
    let mut monthly = vec![0.0; plan.horizon.months as usize];
    add_measure_cost(measure, plan.horizon.start, &mut monthly);
    monthly.iter().sum()
}

/// A measure the optimisation may switch on.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'p> {
    /// The measure.
    pub measure: &'p Measure,
    /// Its cost over the horizon, in euro.
    pub cost_eur: f64,
}

/// The base run and the candidates of one scenario.
pub(crate) struct Setup<'p> {
    /// The candidates in plan order.
    pub candidates: Vec<Candidate<'p>>,
    /// Shortage place-months of the base per domain, in plan order (engine figures).
    pub base_shortage_place_months: Vec<f64>,
    plan: &'p Plan,
    months: usize,
    shares: Vec<f64>,
    /// Per domain, places needed per month by a region of share 1.
    demand_per_share: Vec<Vec<f64>>,
    /// Per region, per domain: base capacity per month.
    capacity: Vec<Vec<Vec<f64>>>,
}

impl<'p> Setup<'p> {
    /// Runs the base of `scenario` (every open measure off) and lists its candidates.
    pub fn new(plan: &'p Plan, scenario: &Scenario) -> Self {
        let candidates = super::candidates(plan, scenario)
            .into_iter()
            .map(|measure| Candidate { measure, cost_eur: measure_cost_eur(measure, plan) })
            .collect();
        let base = run_with(plan, scenario, &[]);
        let months = plan.horizon.months as usize;
        let (demand_per_share, capacity, base_shortage_place_months) = match base.scenarios.into_iter().next() {
            Some(run) => (
                run.demand_per_share,
                run.regions.into_iter().map(|r| r.domains.into_iter().map(|d| d.capacity).collect()).collect(),
                run.domains.iter().map(|d| d.indicators.shortage_place_months).collect(),
            ),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        Setup { candidates, base_shortage_place_months, plan, months, shares: base.shares, demand_per_share, capacity }
    }

    /// The covering problem of domain `d`: its cells, and the candidates that add places there.
    pub fn domain_problem(&self, d: usize) -> DomainProblem {
        let months = self.months;
        let Some(domain) = self.plan.domains.get(d) else { return DomainProblem::empty(months) };
        let region_index: HashMap<&str, usize> = self.plan.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        let start = self.plan.horizon.start;

        // Candidates that can lower this domain's shortage: positive places inside the horizon.
        // Each with the plan index of its region (None = state-wide); the target is set below.
        let mut found: Vec<(Item, Option<usize>)> = Vec::new();
        for (index, candidate) in self.candidates.iter().enumerate() {
            let measure = candidate.measure;
            if measure.domain != domain.id || measure.places <= 0.0 {
                continue;
            }
            let region = match &measure.region {
                None => None,
                Some(id) => match region_index.get(id.as_str()) {
                    Some(&r) => Some(r),
                    None => continue,
                },
            };
            let range = crate::engine::active_indices(measure, start, months);
            if range.is_empty() {
                continue;
            }
            let mut curve = vec![0.0; months];
            add_measure_curve(measure, start, &mut curve, 1.0);
            found
                .push((Item { candidate: index, cost_eur: candidate.cost_eur, curve, range, target: Target::Statewide }, region));
        }

        // The regions whose cells can change: all when a state-wide candidate exists.
        let statewide = found.iter().any(|f| f.1.is_none());
        let touched: HashSet<usize> = found.iter().filter_map(|f| f.1).collect();
        let regions: Vec<usize> = (0..self.plan.regions.len()).filter(|r| statewide || touched.contains(r)).collect();
        let cell_of: HashMap<usize, usize> = regions.iter().enumerate().map(|(a, &r)| (r, a)).collect();

        let empty = Vec::new();
        let unit = self.demand_per_share.get(d).unwrap_or(&empty);
        let mut shares = Vec::with_capacity(regions.len());
        let mut demand = Vec::with_capacity(regions.len() * months);
        let mut capacity = Vec::with_capacity(regions.len() * months);
        let mut constant_by_month = vec![0.0; months];
        for (r, per_domain) in self.capacity.iter().enumerate() {
            let share = self.shares.get(r).copied().unwrap_or(0.0);
            let base = per_domain.get(d).unwrap_or(&empty);
            if cell_of.contains_key(&r) {
                shares.push(share);
                for t in 0..months {
                    demand.push(share * unit.get(t).copied().unwrap_or(0.0));
                    capacity.push(base.get(t).copied().unwrap_or(0.0));
                }
            } else {
                for ((slot, u), c) in constant_by_month.iter_mut().zip(unit).zip(base) {
                    *slot += shortage_of(share * u, *c);
                }
            }
        }
        let items = found
            .into_iter()
            .map(|(item, region)| match region.and_then(|r| cell_of.get(&r).copied()) {
                Some(a) => Item { target: Target::Region(a), ..item },
                None => item,
            })
            .collect();
        let mut problem =
            DomainProblem { months, shares, demand, capacity, constant_by_month, items, noise_margin: 0.0, classes: Vec::new() };
        problem.noise_margin = problem.compute_noise_margin();
        problem.classes = problem.compute_classes();
        problem
    }

    /// Shortage place-months per domain (engine figures) with `chosen` switched on in the base.
    pub fn shortage_place_months_with(&self, plan: &Plan, scenario: &Scenario, chosen: &[&Measure]) -> Vec<f64> {
        let run = run_with(plan, scenario, chosen);
        run.scenarios.first().map(|s| s.domains.iter().map(|d| d.indicators.shortage_place_months).collect()).unwrap_or_default()
    }
}

/// Runs the engine on the base of `scenario` plus `extra` measures: a copy of the plan whose
/// only measures are those active in the base and `extra`, with one scenario that includes all.
fn run_with(plan: &Plan, scenario: &Scenario, extra: &[&Measure]) -> crate::engine::Results {
    let off: HashSet<&str> = scenario.measures_off.iter().map(String::as_str).collect();
    let extra_ids: HashSet<&str> = extra.iter().map(|m| m.id.as_str()).collect();
    let measures = plan
        .measures
        .iter()
        .filter(|m| {
            let in_base =
                m.funding != Funding::Open && scenario.funding_included.contains(&m.funding) && !off.contains(m.id.as_str());
            in_base || extra_ids.contains(m.id.as_str())
        })
        .cloned()
        .collect();
    let mut all_on = scenario.clone();
    all_on.funding_included = Funding::ALL.to_vec();
    all_on.measures_off = Vec::new();
    let copy = Plan {
        meta: plan.meta.clone(),
        horizon: plan.horizon.clone(),
        domains: plan.domains.clone(),
        regions: plan.regions.clone(),
        distribution: plan.distribution.clone(),
        measures,
        scenarios: Vec::new(),
        budget: Vec::new(),
        planning_year: plan.planning_year.clone(),
        extra: Default::default(),
    };
    simulate_scenarios(&copy, &[&all_on])
}

/// Where a candidate adds places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// All cells, each region by its share.
    Statewide,
    /// The cells of one region (index into the problem's regions).
    Region(usize),
}

/// A candidate that can lower the domain's shortage.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Index into [`Setup::candidates`].
    pub candidate: usize,
    /// Cost over the horizon in euro.
    pub cost_eur: f64,
    /// Places per month of the horizon (before the share of a state-wide measure).
    pub curve: Vec<f64>,
    /// The months in which it is active.
    pub range: std::ops::Range<usize>,
    /// Where the places go.
    pub target: Target,
}

/// One domain's covering problem: cells (touched region × month) with base demand and capacity,
/// the shortage of all other cells as a constant, and the candidates (items) of the domain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DomainProblem {
    /// Months of the horizon.
    pub months: usize,
    /// Share of each touched region.
    pub shares: Vec<f64>,
    /// Demand per cell, region-major (`a · months + t`).
    pub demand: Vec<f64>,
    /// Base capacity per cell, region-major.
    pub capacity: Vec<f64>,
    /// Shortage per month of the cells no candidate touches.
    pub constant_by_month: Vec<f64>,
    /// The candidates, in plan order.
    pub items: Vec<Item>,
    /// How much the engine's noise rule may shift a bound (see `compute_noise_margin`).
    pub noise_margin: f64,
    /// Per item, the first item identical to it (see [`DomainProblem::class_of`]).
    pub classes: Vec<usize>,
}

impl DomainProblem {
    fn empty(months: usize) -> Self {
        DomainProblem {
            months,
            shares: Vec::new(),
            demand: Vec::new(),
            capacity: Vec::new(),
            constant_by_month: vec![0.0; months],
            items: Vec::new(),
            noise_margin: 0.0,
            classes: Vec::new(),
        }
    }

    /// Fills `out` with the capacity per cell when the items marked in `on` are switched on.
    /// Items are always added in their fixed order, so the same set gives the same numbers
    /// whatever path the search took to it.
    pub fn capacity_with(&self, on: &[bool], out: &mut Vec<f64>) {
        out.clear();
        out.extend_from_slice(&self.capacity);
        let months = self.months;
        let mut statewide: Option<Vec<f64>> = None;
        for (item, _) in self.items.iter().zip(on).filter(|(_, on)| **on) {
            match item.target {
                Target::Region(a) => {
                    let offset = a * months;
                    let cells = out.get_mut(offset + item.range.start..offset + item.range.end);
                    let places = item.curve.get(item.range.clone());
                    if let (Some(cells), Some(places)) = (cells, places) {
                        cells.iter_mut().zip(places).for_each(|(c, p)| *c += p);
                    }
                }
                Target::Statewide => {
                    let sum = statewide.get_or_insert_with(|| vec![0.0; months]);
                    sum.iter_mut().zip(&item.curve).for_each(|(s, p)| *s += p);
                }
            }
        }
        if let Some(sum) = statewide {
            for (row, share) in out.chunks_exact_mut(months.max(1)).zip(&self.shares) {
                row.iter_mut().zip(&sum).for_each(|(c, s)| *c += share * s);
            }
        }
    }

    /// Shortage place-months of the domain for the cell capacities `capacity` (engine rule).
    pub fn shortage_place_months(&self, capacity: &[f64]) -> f64 {
        self.constant_by_month.iter().sum::<f64>()
            + self.demand.iter().zip(capacity).map(|(d, c)| shortage_of(*d, *c)).sum::<f64>()
    }

    /// Shortage per month of the domain (engine rule) into `out`; returns the place-months.
    pub fn shortage_by_month(&self, capacity: &[f64], out: &mut Vec<f64>) -> f64 {
        out.clear();
        out.extend_from_slice(&self.constant_by_month);
        let months = self.months.max(1);
        for (demand, capacity) in self.demand.chunks_exact(months).zip(capacity.chunks_exact(months)) {
            for ((slot, d), c) in out.iter_mut().zip(demand).zip(capacity) {
                *slot += shortage_of(*d, *c);
            }
        }
        out.iter().sum()
    }

    /// How much switching on `item` would lower the shortage, month by month into `by_month`
    /// (cleared first), without the engine's noise rule: `Σ max(0, x) − max(0, x − places)` with
    /// `x = demand − capacity`. A convex measure, so it only shrinks as more items are on.
    /// Returns the total.
    pub fn reduction(&self, item: &Item, capacity: &[f64], by_month: &mut Vec<f64>) -> f64 {
        let months = self.months;
        by_month.clear();
        by_month.resize(months, 0.0);
        let range = item.range.clone();
        let Some(places) = item.curve.get(range.clone()) else { return 0.0 };
        let Some(out) = by_month.get_mut(range.clone()) else { return 0.0 };
        let mut cell_reduction = |a: usize, weight: f64| {
            let offset = a * months;
            let (Some(demand), Some(capacity)) = (
                self.demand.get(offset + range.start..offset + range.end),
                capacity.get(offset + range.start..offset + range.end),
            ) else {
                return;
            };
            for (((slot, d), c), p) in out.iter_mut().zip(demand).zip(capacity).zip(places) {
                let missing = d - c;
                *slot += missing.max(0.0) - (missing - weight * p).max(0.0);
            }
        };
        match item.target {
            Target::Region(a) => cell_reduction(a, 1.0),
            Target::Statewide => {
                for (a, share) in self.shares.iter().enumerate().filter(|(_, s)| **s > 0.0) {
                    cell_reduction(a, *share);
                }
            }
        }
        by_month.iter().sum()
    }

    /// The class of item `i`: the first item identical to it (same places in the same cells,
    /// same cost), so that interchangeable items can be searched once per count.
    pub fn class_of(&self, i: usize) -> usize {
        self.classes.get(i).copied().unwrap_or(i)
    }

    /// For every item, the index of the first item identical to it.
    fn compute_classes(&self) -> Vec<usize> {
        let same =
            |a: &Item, b: &Item| a.cost_eur == b.cost_eur && a.target == b.target && a.range == b.range && a.curve == b.curve;
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| self.items.iter().take(i).position(|earlier| same(earlier, item)).unwrap_or(i))
            .collect()
    }

    /// Whether switching on every item meets the goal: if not, no set does.
    pub fn all_on_meets(&self, goal: f64) -> bool {
        let mut capacity = Vec::new();
        self.capacity_with(&vec![true; self.items.len()], &mut capacity);
        self.shortage_place_months(&capacity) <= goal
    }

    /// An upper bound on how far the engine's noise rule (a shortage below `RELATIVE_NOISE` of
    /// the larger of demand and capacity counts as 0) can move the shortage of any set away from
    /// the convex measure that the bounds use: twice the noise of every cell at the largest
    /// capacity it can have, plus room for rounding.
    fn compute_noise_margin(&self) -> f64 {
        let mut all_on = Vec::new();
        self.capacity_with(&vec![true; self.items.len()], &mut all_on);
        let scale: f64 =
            self.demand.iter().zip(&self.capacity).zip(&all_on).map(|((d, c), a)| d.abs().max(c.abs()).max(a.abs())).sum();
        2.0 * NOISE * scale + 1e-9
    }
}
