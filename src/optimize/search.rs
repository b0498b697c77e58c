//! Branch and bound over one domain's candidates, started from a greedy answer.
//!
//! Shortage place-months are a sum of `max(0, demand − capacity)` over cells, convex in the
//! capacity, so as a function of the set of switched-on candidates (all with places ≥ 0) they
//! never grow when a candidate is added, and a candidate's reduction only shrinks as the set
//! grows (supermodularity). At a node with the set I switched on, the sets that complete it must
//! therefore remove `f(I) − goal` with reductions no larger than those measured at I: the
//! cheapest fractional cover of that amount, taking candidates by cost per place-month removed,
//! is a lower bound on the extra cost. Nodes whose bound reaches the best cost found are cut.

use super::problem::DomainProblem;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// When the search must stop early.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stop<'a> {
    /// Stop at this instant.
    pub deadline: Option<Instant>,
    /// Stop when this becomes true.
    pub cancel: Option<&'a AtomicBool>,
}

impl Stop<'_> {
    /// Whether the cancel flag is set.
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|flag| flag.load(Ordering::Relaxed))
    }

    /// Whether the search should stop now.
    fn requested(&self) -> bool {
        self.cancelled() || self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// The best set found for one domain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DomainAnswer {
    /// Candidate indices (into `Setup::candidates`), ascending.
    pub chosen: Vec<usize>,
    /// Their cost in euro.
    pub cost_eur: f64,
}

/// How a search ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Nodes explored.
    pub nodes: u64,
    /// Whether the whole tree was searched (the answer is then optimal).
    pub complete: bool,
}

/// How many months (those that need most) give a bound of their own at each node.
const MONTH_BOUNDS: usize = 12;

/// Nodes between two progress reports.
const REPORT_EVERY: u64 = 256;

/// The answer for a set of items marked in `on`.
fn answer_of(problem: &DomainProblem, on: &[bool]) -> DomainAnswer {
    let picked: Vec<_> = problem.items.iter().zip(on).filter(|(_, on)| **on).map(|(item, _)| item).collect();
    DomainAnswer { chosen: picked.iter().map(|i| i.candidate).collect(), cost_eur: picked.iter().map(|i| i.cost_eur).sum() }
}

/// A feasible first answer (the goal must be reachable with every item on): free items on, then
/// repeatedly the item that removes most place-months per euro, then drop items that turned out
/// unnecessary, dearest first.
///
/// Only a cancel ends it early (then every item is on, which meets the goal): it takes
/// polynomial time, and its answer is what a time limit falls back on.
pub(crate) fn greedy(problem: &DomainProblem, goal: f64, stop: &Stop) -> DomainAnswer {
    let mut capacity = Vec::new();
    let mut by_month = Vec::new();
    let mut on = vec![false; problem.items.len()];
    let meets = |on: &[bool], capacity: &mut Vec<f64>| {
        problem.capacity_with(on, capacity);
        problem.shortage_place_months(capacity) <= goal
    };
    if meets(&on, &mut capacity) {
        return answer_of(problem, &on);
    }
    for (slot, item) in on.iter_mut().zip(&problem.items) {
        *slot = item.cost_eur <= 0.0;
    }
    while !meets(&on, &mut capacity) {
        if stop.cancelled() {
            on.iter_mut().for_each(|slot| *slot = true);
            return answer_of(problem, &on);
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, item) in problem.items.iter().enumerate() {
            if on.get(i).copied().unwrap_or(true) {
                continue;
            }
            let reduction = problem.reduction(item, &capacity, &mut by_month);
            if reduction <= 0.0 {
                continue;
            }
            let value = reduction / item.cost_eur;
            if best.is_none_or(|(_, v)| value > v) {
                best = Some((i, value));
            }
        }
        match best.and_then(|(i, _)| on.get_mut(i)) {
            Some(slot) => *slot = true,
            None => {
                // Nothing measurably helps any more: switch everything on (which meets the goal).
                on.iter_mut().for_each(|slot| *slot = true);
                break;
            }
        }
    }
    let mut dearest_first: Vec<usize> = (0..problem.items.len()).filter(|&i| on.get(i).copied().unwrap_or(false)).collect();
    dearest_first.sort_by(|&a, &b| {
        let cost = |i: usize| problem.items.get(i).map_or(0.0, |item| item.cost_eur);
        cost(b).total_cmp(&cost(a))
    });
    for i in dearest_first {
        if stop.cancelled() {
            break;
        }
        if problem.items.get(i).is_none_or(|item| item.cost_eur <= 0.0) {
            continue;
        }
        if let Some(slot) = on.get_mut(i) {
            *slot = false;
        }
        if !meets(&on, &mut capacity)
            && let Some(slot) = on.get_mut(i)
        {
            *slot = true;
        }
    }
    answer_of(problem, &on)
}

/// The search state of one domain.
struct Search<'a> {
    problem: &'a DomainProblem,
    goal: f64,
    stop: &'a Stop<'a>,
    report: &'a dyn Fn(u64, f64),
    best_cost_eur: f64,
    best_on: Option<Vec<bool>>,
    nodes: u64,
    stopped: bool,
    capacity: Vec<f64>,
    shortage_by_month: Vec<f64>,
}

/// Improves `answer` (a feasible set, e.g. from [`greedy`]) to a least-cost one, unless `stop`
/// ends the search first; `report(nodes, best cost)` is called every few hundred nodes.
pub(crate) fn branch_and_bound(
    problem: &DomainProblem,
    goal: f64,
    answer: &mut DomainAnswer,
    stop: &Stop,
    report: &dyn Fn(u64, f64),
) -> Outcome {
    if answer.cost_eur <= 0.0 {
        return Outcome { nodes: 0, complete: true };
    }
    let mut search = Search {
        problem,
        goal,
        stop,
        report,
        best_cost_eur: answer.cost_eur,
        best_on: None,
        nodes: 0,
        stopped: false,
        capacity: Vec::new(),
        shortage_by_month: Vec::new(),
    };
    // Free items can only help: they are on from the root.
    let mut on: Vec<bool> = problem.items.iter().map(|item| item.cost_eur <= 0.0).collect();
    let undecided: Vec<usize> = (0..problem.items.len()).filter(|&i| !on.get(i).copied().unwrap_or(true)).collect();
    search.node(&mut on, 0.0, &undecided);
    if let Some(best_on) = &search.best_on {
        *answer = answer_of(problem, best_on);
    }
    (search.report)(search.nodes, search.best_cost_eur);
    Outcome { nodes: search.nodes, complete: !search.stopped }
}

impl Search<'_> {
    /// Explores the sets that contain the items `on` and any of `undecided`.
    fn node(&mut self, on: &mut Vec<bool>, cost_eur: f64, undecided: &[usize]) {
        self.nodes += 1;
        if self.nodes.is_multiple_of(REPORT_EVERY) {
            (self.report)(self.nodes, self.best_cost_eur);
        }
        if self.stop.requested() {
            self.stopped = true;
            return;
        }
        let problem = self.problem;
        problem.capacity_with(on, &mut self.capacity);
        let shortage = problem.shortage_by_month(&self.capacity, &mut self.shortage_by_month);
        if shortage <= self.goal {
            if cost_eur < self.best_cost_eur {
                self.best_cost_eur = cost_eur;
                self.best_on = Some(on.clone());
            }
            return;
        }
        // Place-months still to remove, less what the noise rule may remove for free: in total,
        // and in each single month (no month may keep more than the goal either). The months
        // that need most give the strongest bounds; a few of them are checked.
        let slack = self.goal + problem.noise_margin;
        let needed = shortage - slack;
        let mut months: Vec<(usize, f64)> =
            self.shortage_by_month.iter().map(|s| s - slack).enumerate().filter(|(_, need)| *need > 0.0).collect();
        months.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        months.truncate(MONTH_BOUNDS);

        // Each undecided item's reduction at this node, best value for money first; items that
        // reduce nothing here never will in a larger set, so they leave this subtree.
        let mut options: Vec<(usize, f64, f64)> = Vec::with_capacity(undecided.len());
        let mut month_reductions: Vec<Vec<f64>> = Vec::with_capacity(undecided.len());
        let mut by_month = Vec::new();
        for &i in undecided {
            let Some(item) = problem.items.get(i) else { continue };
            let reduction = problem.reduction(item, &self.capacity, &mut by_month);
            if reduction > 0.0 {
                options.push((i, item.cost_eur, reduction));
                month_reductions.push(months.iter().map(|&(t, _)| by_month.get(t).copied().unwrap_or(0.0)).collect());
            }
        }
        // Identical items sort next to each other (same ratio and reduction, then by class).
        let mut order: Vec<usize> = (0..options.len()).collect();
        let key = |k: &usize| options.get(*k).copied().unwrap_or((0, 0.0, 1.0));
        order.sort_by(|a, b| {
            let (a, b) = (key(a), key(b));
            (a.1 / a.2)
                .total_cmp(&(b.1 / b.2))
                .then(b.2.total_cmp(&a.2))
                .then(problem.class_of(a.0).cmp(&problem.class_of(b.0)))
                .then(a.0.cmp(&b.0))
        });
        let options: Vec<(usize, f64, f64)> = order.iter().map(key).collect();
        let month_reductions: Vec<Vec<f64>> = order.iter().filter_map(|&k| month_reductions.get(k).cloned()).collect();

        for position in 0..options.len() {
            let Some(rest) = options.get(position..) else { return };
            let Some(mut extra) = cover_cost(rest, needed) else { return };
            let rest_by_month = month_reductions.get(position..).unwrap_or_default();
            for (m, &(_, need)) in months.iter().enumerate() {
                let mut in_month: Vec<(usize, f64, f64)> = rest
                    .iter()
                    .zip(rest_by_month)
                    .filter_map(|(o, r)| r.get(m).copied().filter(|red| *red > 0.0).map(|red| (o.0, o.1, red)))
                    .collect();
                in_month.sort_by(|a, b| (a.1 / a.2).total_cmp(&(b.1 / b.2)));
                let Some(month_extra) = cover_cost(&in_month, need) else { return };
                extra = extra.max(month_extra);
            }
            if cost_eur + extra >= self.best_cost_eur - 1e-12 * self.best_cost_eur.abs() {
                return;
            }
            let Some(&(item, item_cost, _)) = rest.first() else { return };
            // An item identical to the one just left out would only repeat its sets: any set
            // with this one but not that one has a twin with that one instead, already explored.
            let previous = position.checked_sub(1).and_then(|p| options.get(p)).map(|o| o.0);
            if previous.is_some_and(|p| problem.class_of(p) == problem.class_of(item)) {
                continue;
            }
            let below: Vec<usize> = rest.iter().skip(1).map(|o| o.0).collect();
            if let Some(slot) = on.get_mut(item) {
                *slot = true;
            }
            self.node(on, cost_eur + item_cost, &below);
            if let Some(slot) = on.get_mut(item) {
                *slot = false;
            }
            if self.stopped {
                return;
            }
        }
    }
}

/// The least cost of removing `needed` place-months with `options` (item, cost, reduction)
/// sorted by cost per reduction, each usable in part: the fractional cover. `None` when even
/// all of them together cannot remove that much.
fn cover_cost(options: &[(usize, f64, f64)], needed: f64) -> Option<f64> {
    if needed <= 0.0 {
        return Some(0.0);
    }
    let mut left = needed;
    let mut cost_eur = 0.0;
    for &(_, cost, reduction) in options {
        if reduction >= left {
            return Some(cost_eur + cost * (left / reduction));
        }
        left -= reduction;
        cost_eur += cost;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::cover_cost;

    #[test]
    fn the_fractional_cover_takes_the_best_value_first_and_a_part_of_the_last() {
        let options = [(0, 10.0, 5.0), (1, 30.0, 10.0), (2, 100.0, 10.0)];
        assert_eq!(cover_cost(&options, 0.0), Some(0.0));
        assert_eq!(cover_cost(&options, 5.0), Some(10.0));
        assert_eq!(cover_cost(&options, 10.0), Some(25.0));
        assert_eq!(cover_cost(&options, 25.0), Some(140.0));
        assert_eq!(cover_cost(&options, 25.5), None);
    }
}
