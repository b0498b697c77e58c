//! The cheapest measure mix (SPEC §7): which open measures to fund so that the shortage of the
//! named domains stays within a limit, at least cost.
//!
//! [`problem`] turns the plan into one covering problem per domain (a measure only changes the
//! capacity of its own domain, so the domains are independent), [`search`] solves each by branch
//! and bound, and this module puts the answers together and reports them with engine figures.
//! The search can be cancelled and reports its progress, so the GUI can run it on a thread.

mod json;
mod problem;
mod search;

pub use json::{OPTIMIZATION_FORMAT, optimization_to_json};
pub use problem::{Candidate, measure_cost_eur};

use crate::model::{Funding, Measure, Plan, Scenario};
use problem::{DomainProblem, Setup};
use search::{DomainAnswer, Stop};
use std::collections::HashSet;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// The slack added to the limit: a domain meets the goal when its shortage place-months are at
/// most `max_shortage_place_months + GOAL_TOLERANCE` (SPEC §7).
pub const GOAL_TOLERANCE: f64 = 1e-6;

/// The time limit of the command line when none is given.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);

/// What to optimise.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeRequest {
    /// The scenario whose open measures are the candidates.
    pub scenario_id: String,
    /// The domains whose shortage is limited; empty = all domains.
    pub domain_ids: Vec<String>,
    /// The limit X on each named domain's shortage place-months (finite, ≥ 0).
    pub max_shortage_place_months: f64,
}

/// How long the search may run, how to stop it and where to report progress.
#[derive(Clone, Copy, Default)]
pub struct SearchControl<'a> {
    /// Stop after this long with the best set found so far (`None` = no limit).
    pub time_limit: Option<Duration>,
    /// Stop as soon as this becomes `true` (checked at every node of the search).
    pub cancel: Option<&'a AtomicBool>,
    /// Called from the searching thread every few hundred nodes and at the end.
    pub progress: Option<&'a dyn Fn(&Progress)>,
}

impl std::fmt::Debug for SearchControl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchControl")
            .field("time_limit", &self.time_limit)
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// How far the search is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Nodes of the branch-and-bound tree explored so far (over all domains).
    pub nodes_explored: u64,
    /// Cost of the best set found so far, in euro (`None` while the goal is known to be out of reach).
    pub best_cost_eur: Option<f64>,
}

/// The answer of SPEC §7.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimization {
    /// The scenario id.
    pub scenario_id: String,
    /// The limit X.
    pub max_shortage_place_months: f64,
    /// Whether some set of candidates meets the goal.
    pub feasible: bool,
    /// Whether no cheaper set can meet the goal (false when the time limit or a cancel stopped
    /// the search first).
    pub optimal: bool,
    /// Ids of the chosen measures, in plan order (all candidates when not feasible).
    pub chosen: Vec<String>,
    /// Total cost of the chosen measures over the horizon, in euro.
    pub cost_eur: f64,
    /// The named domains (or all), in plan order.
    pub domains: Vec<DomainShortage>,
    /// Nodes of the branch-and-bound tree explored.
    pub nodes_explored: u64,
    /// The chosen measures with their cost and effect, in the order of `chosen`.
    pub measures: Vec<ChosenMeasure>,
}

/// One chosen measure: what it costs and how much shortage it takes away within the set.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenMeasure {
    /// Measure id.
    pub id: String,
    /// Its cost over the horizon, in euro.
    pub cost_eur: f64,
    /// Shortage place-months of its domain that come back when only this measure is dropped
    /// from the chosen set (0 for a measure that adds no places inside the horizon).
    pub place_months_removed: f64,
}

/// Shortage of one domain without and with the chosen measures.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainShortage {
    /// Domain id.
    pub id: String,
    /// Shortage place-months of the base (scenario with every open measure off).
    pub shortage_place_months_base: f64,
    /// Shortage place-months with the chosen measures on.
    pub shortage_place_months: f64,
}

/// Why no optimisation could be run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimizeError {
    /// The scenario id is not in the plan.
    #[error("--scenario: no scenario with id {id:?} (expected one of {known})")]
    UnknownScenario {
        /// The id asked for.
        id: String,
        /// The plan's scenario ids, quoted and comma-separated.
        known: String,
    },
    /// A domain id is not in the plan.
    #[error("--domain: no domain with id {id:?} (expected one of {known})")]
    UnknownDomain {
        /// The id asked for.
        id: String,
        /// The plan's domain ids, quoted and comma-separated.
        known: String,
    },
    /// The limit is negative or not finite.
    #[error("--max-shortage-place-months: {value} is not a finite number ≥ 0")]
    InvalidLimit {
        /// The limit given.
        value: f64,
    },
}

/// The candidates of `scenario` (SPEC §7): measures with funding "open" that the scenario does not
/// switch off, in plan order.
pub fn candidates<'p>(plan: &'p Plan, scenario: &Scenario) -> Vec<&'p Measure> {
    let off: HashSet<&str> = scenario.measures_off.iter().map(String::as_str).collect();
    plan.measures.iter().filter(|m| m.funding == Funding::Open && !off.contains(m.id.as_str())).collect()
}

/// A limit on one domain's shortage: the window's dialog sets one per domain, as the place-months
/// of Kita and of housing are not comparable.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainGoal {
    /// Domain id.
    pub domain_id: String,
    /// The limit on its shortage place-months (finite, ≥ 0).
    pub max_shortage_place_months: f64,
}

/// Finds the cheapest set of the scenario's open measures that keeps the shortage of the named
/// domains within the limit (SPEC §7). Never panics; stops early on `control`'s time limit or
/// cancel flag with the best set found so far (`optimal: false`).
pub fn optimize(plan: &Plan, request: &OptimizeRequest, control: &SearchControl) -> Result<Optimization, OptimizeError> {
    let ids: Vec<&String> = if request.domain_ids.is_empty() {
        plan.domains.iter().map(|d| &d.id).collect()
    } else {
        request.domain_ids.iter().collect()
    };
    let limit = request.max_shortage_place_months;
    let known_scenario = plan.scenarios.iter().any(|s| s.id == request.scenario_id);
    if known_scenario && (!limit.is_finite() || limit < 0.0) {
        return Err(OptimizeError::InvalidLimit { value: limit });
    }
    let goals: Vec<DomainGoal> =
        ids.into_iter().map(|id| DomainGoal { domain_id: id.clone(), max_shortage_place_months: limit }).collect();
    let mut answer = optimize_goals(plan, &request.scenario_id, &goals, control)?;
    answer.max_shortage_place_months = limit;
    Ok(answer)
}

/// [`optimize`] with a limit of its own for each domain in `goals` (the others are not limited).
/// The domains are independent problems, so each is solved against its own limit and the sets
/// are joined. `Optimization::max_shortage_place_months` is the largest of the limits.
pub fn optimize_goals(
    plan: &Plan,
    scenario_id: &str,
    goals: &[DomainGoal],
    control: &SearchControl,
) -> Result<Optimization, OptimizeError> {
    let started = Instant::now();
    let scenario = plan.scenarios.iter().find(|s| s.id == scenario_id).ok_or_else(|| OptimizeError::UnknownScenario {
        id: scenario_id.to_owned(),
        known: quoted(plan.scenarios.iter().map(|s| &s.id)),
    })?;
    // The goal of each domain of the plan, `None` where it is not limited.
    let mut named: Vec<Option<f64>> = vec![None; plan.domains.len()];
    for goal in goals {
        let limit = goal.max_shortage_place_months;
        if !limit.is_finite() || limit < 0.0 {
            return Err(OptimizeError::InvalidLimit { value: limit });
        }
        let Some(d) = plan.domains.iter().position(|domain| domain.id == goal.domain_id) else {
            return Err(OptimizeError::UnknownDomain {
                id: goal.domain_id.clone(),
                known: quoted(plan.domains.iter().map(|d| &d.id)),
            });
        };
        if let Some(slot) = named.get_mut(d) {
            *slot = Some(limit);
        }
    }
    let limit = goals.iter().map(|g| g.max_shortage_place_months).fold(0.0, f64::max);

    let setup = Setup::new(plan, scenario);
    let problems: Vec<(DomainProblem, f64)> =
        named.iter().enumerate().filter_map(|(d, limit)| Some((setup.domain_problem(d), (*limit)? + GOAL_TOLERANCE))).collect();

    let feasible = problems.iter().all(|(p, goal)| p.all_on_meets(*goal));
    let mut nodes_explored = 0;
    let mut optimal = true;
    let chosen: Vec<usize> = if feasible {
        let deadline = control.time_limit.and_then(|limit| started.checked_add(limit));
        let stop = Stop { deadline, cancel: control.cancel };
        // Greedy answers first, so that a stop at any time still has a feasible set for every domain.
        let mut answers: Vec<DomainAnswer> = problems.iter().map(|(p, goal)| search::greedy(p, *goal, &stop)).collect();
        for index in 0..problems.len() {
            let Some((problem, goal)) = problems.get(index) else { continue };
            let others: f64 = answers.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, a)| a.cost_eur).sum();
            let report = |nodes: u64, best: f64| {
                if let Some(progress) = control.progress {
                    progress(&Progress { nodes_explored: nodes_explored + nodes, best_cost_eur: Some(others + best) });
                }
            };
            let Some(answer) = answers.get_mut(index) else { continue };
            let outcome = search::branch_and_bound(problem, *goal, answer, &stop, &report);
            nodes_explored += outcome.nodes;
            optimal &= outcome.complete;
        }
        let mut chosen: Vec<usize> = answers.iter().flat_map(|a| a.chosen.iter().copied()).collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen
    } else {
        (0..setup.candidates.len()).collect()
    };

    let chosen_measures: Vec<&Measure> = chosen.iter().filter_map(|&c| setup.candidates.get(c).map(|c| c.measure)).collect();
    let cost_eur = chosen.iter().filter_map(|&c| setup.candidates.get(c)).map(|c| c.cost_eur).sum();
    let with_chosen = setup.shortage_place_months_with(plan, scenario, &chosen_measures);
    let domains = named
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_some())
        .filter_map(|(d, _)| {
            Some(DomainShortage {
                id: plan.domains.get(d)?.id.clone(),
                shortage_place_months_base: *setup.base_shortage_place_months.get(d)?,
                shortage_place_months: *with_chosen.get(d)?,
            })
        })
        .collect();
    let removed = place_months_removed(&setup, plan, &chosen);
    let measures = chosen
        .iter()
        .zip(&removed)
        .filter_map(|(&c, &place_months_removed)| {
            let candidate = setup.candidates.get(c)?;
            Some(ChosenMeasure { id: candidate.measure.id.clone(), cost_eur: candidate.cost_eur, place_months_removed })
        })
        .collect();
    if let Some(progress) = control.progress {
        progress(&Progress { nodes_explored, best_cost_eur: feasible.then_some(cost_eur) });
    }
    Ok(Optimization {
        scenario_id: scenario.id.clone(),
        max_shortage_place_months: limit,
        feasible,
        optimal,
        chosen: chosen_measures.iter().map(|m| m.id.clone()).collect(),
        cost_eur,
        domains,
        nodes_explored,
        measures,
    })
}

/// For each chosen candidate (indices into `setup.candidates`), the shortage place-months of its
/// domain that come back when it alone is dropped from the set (engine shortage rule), in the
/// order of `chosen`.
fn place_months_removed(setup: &Setup, plan: &Plan, chosen: &[usize]) -> Vec<f64> {
    let mut removed = vec![0.0; chosen.len()];
    let chosen_set: HashSet<usize> = chosen.iter().copied().collect();
    for (d, domain) in plan.domains.iter().enumerate() {
        let in_domain = |c: &usize| setup.candidates.get(*c).is_some_and(|c| c.measure.domain == domain.id);
        if !chosen.iter().any(in_domain) {
            continue;
        }
        let problem = setup.domain_problem(d);
        let on: Vec<bool> = problem.items.iter().map(|item| chosen_set.contains(&item.candidate)).collect();
        let mut capacity = Vec::new();
        problem.capacity_with(&on, &mut capacity);
        let with_set = problem.shortage_place_months(&capacity);
        for (k, item) in problem.items.iter().enumerate() {
            if !on.get(k).copied().unwrap_or(false) {
                continue;
            }
            let mut without = on.clone();
            if let Some(slot) = without.get_mut(k) {
                *slot = false;
            }
            problem.capacity_with(&without, &mut capacity);
            let value = (problem.shortage_place_months(&capacity) - with_set).max(0.0);
            if let Some(slot) = chosen.iter().position(|&c| c == item.candidate).and_then(|p| removed.get_mut(p)) {
                *slot = value;
            }
        }
    }
    removed
}

/// `"a", "b", "c"`.
fn quoted<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    ids.map(|id| format!("{id:?}")).collect::<Vec<_>>().join(", ")
}
