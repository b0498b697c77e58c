//! The open plan with its file, undo history and unsaved-changes marker.
//!
//! Every change of the plan is a [`Command`] applied by [`Document::apply`]: that one place
//! records undo, marks the document dirty and bumps the revision that triggers a recompute.
//! Undo keeps only what a change replaced (bounded by [`UNDO_LIMIT`] and
//! [`UNDO_BYTE_BUDGET`]), and the changes of one gesture make one step.

use crate::model::{BudgetYear, Distribution, Domain, Extra, Horizon, Measure, Meta, Plan, PlanningYear, Region, Scenario};
use std::collections::VecDeque;
use std::path::PathBuf;

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 200;

/// Most memory the undo and redo steps may hold together (the newest step is always kept).
pub const UNDO_BYTE_BUDGET: usize = 16 * 1024 * 1024;

/// One change of the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Replace the measure at an index.
    SetMeasure(usize, Measure),
    /// Insert a measure at an index (append when the index is past the end).
    InsertMeasure(usize, Measure),
    /// Delete the measure at an index (and drop it from every scenario's `measures_off`).
    DeleteMeasure(usize),
    /// Replace the scenario at an index.
    SetScenario(usize, Scenario),
    /// Insert a scenario at an index.
    InsertScenario(usize, Scenario),
    /// Delete the scenario at an index (the last one is kept).
    DeleteScenario(usize),
    /// Replace the region at an index.
    SetRegion(usize, Region),
    /// Replace the domain at an index.
    SetDomain(usize, Domain),
    /// Replace the distribution key.
    SetDistribution(Distribution),
    /// Replace title, author and notes.
    SetMeta(Meta),
    /// Replace the planning year (SPEC §11); `None` = the defaults.
    SetPlanningYear(Option<PlanningYear>),
    /// Append scenarios imported from another plan.
    AppendScenarios(Vec<Scenario>),
    /// Replace the lists of measures, regions and scenarios (a table import, which may add,
    /// change and remove entries): one undo step that keeps only the entries that differ.
    ReplaceLists {
        /// The new measures.
        measures: Vec<Measure>,
        /// The new regions.
        regions: Vec<Region>,
        /// The new scenarios (an import that removes measures drops them from `measures_off`).
        scenarios: Vec<Scenario>,
    },
    /// Replace the whole plan (a merge of a colleague's changes): one undo step that keeps only
    /// the parts that differ. The version ids of `meta` stay as they are.
    ReplacePlan(Box<Plan>),
}

/// The plan being edited.
#[derive(Debug, Clone)]
pub struct Document {
    /// The plan as it is now.
    pub plan: Plan,
    /// Where it is saved; `None` for the built-in sample or a new plan.
    pub path: Option<PathBuf>,
    /// Name shown in the title bar.
    pub display_name: String,
    /// Increases with every change (apply, undo, redo).
    pub revision: u64,
    saved_revision: u64,
    /// The highest revision handed out, so that a new change never reuses an old number.
    highest_revision: u64,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// The gesture the last change belonged to, while it goes on.
    open_gesture: Option<u64>,
}

/// One undo (or redo) step: the primitive changes that take it back, in order. Only the
/// changed parts are kept, never a copy of the whole plan, so that a 10 MiB plan costs a few
/// hundred bytes per step.
#[derive(Debug, Clone)]
struct Step {
    ops: Vec<Op>,
    /// The revision the document had before the change.
    revision: u64,
    /// Estimated memory of `ops`.
    bytes: usize,
    gesture: Option<u64>,
}

/// A primitive change; applying one returns the primitive that takes it back.
#[derive(Debug, Clone)]
enum Op {
    SetMeasure(usize, Measure),
    InsertMeasure(usize, Measure),
    RemoveMeasure(usize),
    SetScenario(usize, Scenario),
    InsertScenario(usize, Scenario),
    RemoveScenario(usize),
    SetRegion(usize, Region),
    InsertRegion(usize, Region),
    RemoveRegion(usize),
    SetDomain(usize, Domain),
    SetDistribution(Distribution),
    SetMeta(Meta),
    SetPlanningYear(Option<PlanningYear>),
    SetHorizon(Horizon),
    SetDomains(Vec<Domain>),
    SetBudget(Vec<BudgetYear>),
    SetPlanExtra(Extra),
}

impl Document {
    /// A document for `plan`, unchanged since it was loaded from `path`.
    pub fn new(plan: Plan, path: Option<PathBuf>, display_name: String) -> Self {
        Document {
            plan,
            path,
            display_name,
            revision: 1,
            saved_revision: 1,
            highest_revision: 1,
            undo: VecDeque::new(),
            redo: Vec::new(),
            open_gesture: None,
        }
    }

    /// Whether there are changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Marks the current state as saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.display_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.path = Some(path);
        self.saved_revision = self.revision;
    }

    /// Marks the document as changed since its last save (e.g. restored unsaved work).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = 0;
    }

    /// Whether [`Self::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Self::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Estimated memory held by the undo and redo steps, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.undo.iter().chain(&self.redo).map(|s| s.bytes).sum()
    }

    /// Applies a change as one undo step; returns false (and records nothing) when it does not
    /// apply or changes nothing.
    pub fn apply(&mut self, command: Command) -> bool {
        self.apply_in(command, None)
    }

    /// Applies a change that belongs to the gesture `gesture` (a slider drag, a colour pick):
    /// while the gesture goes on, all its changes make one undo step.
    pub fn apply_in_gesture(&mut self, command: Command, gesture: u64) -> bool {
        self.apply_in(command, Some(gesture))
    }

    /// Ends the current gesture: the next change is a new undo step.
    pub fn end_gesture(&mut self) {
        self.open_gesture = None;
    }

    fn apply_in(&mut self, command: Command, gesture: Option<u64>) -> bool {
        let mut inverse: Vec<Op> =
            ops_for(&self.plan, command).into_iter().filter_map(|op| apply_op(&mut self.plan, op)).collect();
        if inverse.is_empty() {
            return false;
        }
        inverse.reverse();
        self.redo.clear();
        let continues = gesture.is_some() && self.open_gesture == gesture;
        match self.undo.back_mut() {
            Some(step) if continues && step.gesture == gesture => step.merge(inverse),
            _ => self.undo.push_back(Step::new(inverse, self.revision, gesture)),
        }
        self.open_gesture = gesture;
        self.revision = self.next_revision();
        self.trim_history();
        true
    }

    /// Drops the oldest steps beyond [`UNDO_LIMIT`] steps or [`UNDO_BYTE_BUDGET`] bytes (the
    /// newest step is always kept).
    fn trim_history(&mut self) {
        while self.undo.len() > UNDO_LIMIT || (self.undo.len() > 1 && self.history_bytes() > UNDO_BYTE_BUDGET) {
            self.undo.pop_front();
        }
    }

    /// Takes back the last change.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop_back() else { return false };
        let back = self.replay(step);
        self.redo.push(back);
        true
    }

    /// Does again the last change taken back.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else { return false };
        let back = self.replay(step);
        self.undo.push_back(back);
        true
    }

    /// Applies a recorded step and returns the step that goes back to where we are now.
    fn replay(&mut self, step: Step) -> Step {
        let mut inverse: Vec<Op> = step.ops.into_iter().filter_map(|op| apply_op(&mut self.plan, op)).collect();
        inverse.reverse();
        let back = Step::new(inverse, self.revision, None);
        self.revision = step.revision;
        self.open_gesture = None;
        back
    }

    fn next_revision(&mut self) -> u64 {
        self.highest_revision = self.highest_revision.max(self.revision).max(self.saved_revision) + 1;
        self.highest_revision
    }
}

impl Step {
    fn new(ops: Vec<Op>, revision: u64, gesture: Option<u64>) -> Self {
        let bytes = ops.iter().map(Op::bytes).sum::<usize>() + std::mem::size_of::<Step>();
        Step { ops, revision, bytes, gesture }
    }

    /// Adds the inverse of a further change of the same gesture. A slot the step already
    /// restores needs nothing more: the step takes it back to its value before the gesture.
    fn merge(&mut self, inverse: Vec<Op>) {
        if inverse.iter().all(|new| self.ops.iter().any(|old| new.same_slot(old))) {
            return;
        }
        self.bytes += inverse.iter().map(Op::bytes).sum::<usize>();
        let older = std::mem::take(&mut self.ops);
        self.ops = inverse.into_iter().chain(older).collect();
    }
}

impl Op {
    /// Whether both set the same part of the plan (and nothing else).
    fn same_slot(&self, other: &Op) -> bool {
        use Op::*;
        match (self, other) {
            (SetMeasure(a, _), SetMeasure(b, _))
            | (SetScenario(a, _), SetScenario(b, _))
            | (SetRegion(a, _), SetRegion(b, _))
            | (SetDomain(a, _), SetDomain(b, _)) => a == b,
            (SetDistribution(_), SetDistribution(_))
            | (SetMeta(_), SetMeta(_))
            | (SetPlanningYear(_), SetPlanningYear(_))
            | (SetHorizon(_), SetHorizon(_))
            | (SetDomains(_), SetDomains(_))
            | (SetBudget(_), SetBudget(_))
            | (SetPlanExtra(_), SetPlanExtra(_)) => true,
            _ => false,
        }
    }

    /// Estimated memory in bytes (strings, lists and unknown fields included).
    fn bytes(&self) -> usize {
        let text = |s: &str| s.len() + 24;
        let extra = |e: &crate::model::Extra| if e.is_empty() { 0 } else { serde_json::to_vec(e).map_or(0, |v| v.len()) };
        let pairs = |p: &[(String, f64)]| p.iter().map(|(k, _)| text(k) + 8).sum::<usize>();
        let own = match self {
            Op::SetMeasure(_, m) | Op::InsertMeasure(_, m) => {
                text(&m.id)
                    + text(&m.name)
                    + text(&m.domain)
                    + m.region.as_deref().map_or(0, text)
                    + text(&m.notes)
                    + extra(&m.extra)
            }
            Op::SetScenario(_, s) | Op::InsertScenario(_, s) => {
                text(&s.id)
                    + text(&s.name)
                    + s.arrivals.iter().map(|a| 32 + extra(&a.extra)).sum::<usize>()
                    + pairs(&s.age_distribution)
                    + s.measures_off.iter().map(|m| text(m)).sum::<usize>()
                    + s.color.as_deref().map_or(0, text)
                    + extra(&s.extra)
            }
            Op::SetRegion(_, r) | Op::InsertRegion(_, r) => text(&r.id) + text(&r.name) + pairs(&r.capacity) + extra(&r.extra),
            Op::SetDomain(_, d) => text(&d.id) + text(&d.name) + text(&d.unit) + pairs(&d.rates) + extra(&d.extra),
            Op::SetDistribution(Distribution::Shares { shares, extra: e }) => pairs(shares) + extra(e),
            Op::SetDistribution(Distribution::Weights { extra: e, .. }) => extra(e),
            Op::SetMeta(m) => text(&m.title) + text(&m.author) + text(&m.notes) + extra(&m.extra),
            Op::SetPlanningYear(year) => year.as_ref().map_or(0, |y| extra(&y.extra)),
            Op::SetHorizon(horizon) => extra(&horizon.extra),
            Op::SetDomains(domains) => {
                domains.iter().map(|d| text(&d.id) + text(&d.name) + text(&d.unit) + pairs(&d.rates) + extra(&d.extra)).sum()
            }
            Op::SetBudget(budget) => budget.iter().map(|b| 16 + extra(&b.extra)).sum(),
            Op::SetPlanExtra(e) => extra(e),
            Op::RemoveMeasure(_) | Op::RemoveScenario(_) | Op::RemoveRegion(_) => 0,
        };
        own + std::mem::size_of::<Op>()
    }
}

/// The primitive changes of `command` on `plan` (nothing when it does not apply).
fn ops_for(plan: &Plan, command: Command) -> Vec<Op> {
    match command {
        Command::SetMeasure(index, measure) => vec![Op::SetMeasure(index, measure)],
        Command::InsertMeasure(index, measure) => vec![Op::InsertMeasure(index.min(plan.measures.len()), measure)],
        Command::DeleteMeasure(index) => {
            let Some(removed) = plan.measures.get(index) else { return Vec::new() };
            // Scenarios that switched the measure off forget it, so that the plan stays valid.
            let mut ops: Vec<Op> = plan
                .scenarios
                .iter()
                .enumerate()
                .filter(|(_, s)| s.measures_off.contains(&removed.id))
                .map(|(s, scenario)| {
                    let mut changed = scenario.clone();
                    changed.measures_off.retain(|id| *id != removed.id);
                    Op::SetScenario(s, changed)
                })
                .collect();
            ops.push(Op::RemoveMeasure(index));
            ops
        }
        Command::SetScenario(index, scenario) => vec![Op::SetScenario(index, scenario)],
        Command::InsertScenario(index, scenario) => vec![Op::InsertScenario(index.min(plan.scenarios.len()), scenario)],
        Command::DeleteScenario(index) if index < plan.scenarios.len() && plan.scenarios.len() > 1 => {
            vec![Op::RemoveScenario(index)]
        }
        Command::DeleteScenario(_) => Vec::new(),
        Command::SetRegion(index, region) => vec![Op::SetRegion(index, region)],
        Command::SetDomain(index, domain) => vec![Op::SetDomain(index, domain)],
        Command::SetDistribution(distribution) => vec![Op::SetDistribution(distribution)],
        Command::SetMeta(meta) => vec![Op::SetMeta(meta)],
        Command::SetPlanningYear(year) => vec![Op::SetPlanningYear(year)],
        Command::AppendScenarios(scenarios) => {
            let at = plan.scenarios.len();
            scenarios.into_iter().enumerate().map(|(k, s)| Op::InsertScenario(at + k, s)).collect()
        }
        Command::ReplaceLists { measures, regions, scenarios } => {
            let mut ops = list_ops(&plan.measures, measures, Op::SetMeasure, Op::InsertMeasure, Op::RemoveMeasure);
            ops.extend(list_ops(&plan.regions, regions, Op::SetRegion, Op::InsertRegion, Op::RemoveRegion));
            ops.extend(list_ops(&plan.scenarios, scenarios, Op::SetScenario, Op::InsertScenario, Op::RemoveScenario));
            ops
        }
        Command::ReplacePlan(new) => {
            let Plan { meta, horizon, domains, regions, distribution, measures, scenarios, budget, planning_year, extra } = *new;
            let mut ops = vec![
                Op::SetMeta(meta),
                Op::SetHorizon(horizon),
                Op::SetDistribution(distribution),
                Op::SetPlanningYear(planning_year),
                Op::SetPlanExtra(extra),
            ];
            if domains != plan.domains {
                ops.push(Op::SetDomains(domains));
            }
            if budget != plan.budget {
                ops.push(Op::SetBudget(budget));
            }
            ops.extend(list_ops(&plan.measures, measures, Op::SetMeasure, Op::InsertMeasure, Op::RemoveMeasure));
            ops.extend(list_ops(&plan.regions, regions, Op::SetRegion, Op::InsertRegion, Op::RemoveRegion));
            ops.extend(list_ops(&plan.scenarios, scenarios, Op::SetScenario, Op::InsertScenario, Op::RemoveScenario));
            ops
        }
    }
}

/// Ops that turn `old` into `new` position by position: a set for each entry that differs, the
/// extra new entries appended, the extra old ones removed from the end.
fn list_ops<T: PartialEq>(
    old: &[T],
    new: Vec<T>,
    set: fn(usize, T) -> Op,
    insert: fn(usize, T) -> Op,
    remove: fn(usize) -> Op,
) -> Vec<Op> {
    let (old_len, new_len) = (old.len(), new.len());
    let mut ops = Vec::new();
    for (index, item) in new.into_iter().enumerate() {
        match old.get(index) {
            Some(current) if *current == item => {}
            Some(_) => ops.push(set(index, item)),
            None => ops.push(insert(index, item)),
        }
    }
    ops.extend((new_len..old_len).rev().map(remove));
    ops
}

/// Applies `op`; returns the op that takes it back, or `None` when it changed nothing.
fn apply_op(plan: &mut Plan, op: Op) -> Option<Op> {
    match op {
        Op::SetMeasure(index, measure) => replace(&mut plan.measures, index, measure).map(|old| Op::SetMeasure(index, old)),
        Op::InsertMeasure(index, measure) => {
            let at = index.min(plan.measures.len());
            plan.measures.insert(at, measure);
            Some(Op::RemoveMeasure(at))
        }
        Op::RemoveMeasure(index) => (index < plan.measures.len()).then(|| Op::InsertMeasure(index, plan.measures.remove(index))),
        Op::SetScenario(index, scenario) => replace(&mut plan.scenarios, index, scenario).map(|old| Op::SetScenario(index, old)),
        Op::InsertScenario(index, scenario) => {
            let at = index.min(plan.scenarios.len());
            plan.scenarios.insert(at, scenario);
            Some(Op::RemoveScenario(at))
        }
        Op::RemoveScenario(index) => {
            (index < plan.scenarios.len()).then(|| Op::InsertScenario(index, plan.scenarios.remove(index)))
        }
        Op::SetRegion(index, region) => replace(&mut plan.regions, index, region).map(|old| Op::SetRegion(index, old)),
        Op::InsertRegion(index, region) => {
            let at = index.min(plan.regions.len());
            plan.regions.insert(at, region);
            Some(Op::RemoveRegion(at))
        }
        Op::RemoveRegion(index) => (index < plan.regions.len()).then(|| Op::InsertRegion(index, plan.regions.remove(index))),
        Op::SetDomain(index, domain) => replace(&mut plan.domains, index, domain).map(|old| Op::SetDomain(index, old)),
        Op::SetDistribution(distribution) => (plan.distribution != distribution)
            .then(|| Op::SetDistribution(std::mem::replace(&mut plan.distribution, distribution))),
        Op::SetMeta(mut meta) => {
            // The version ids are bookkeeping of saves, not content: no edit or undo sets them.
            crate::versions::lineage::keep_version_fields(&mut meta, &plan.meta);
            (plan.meta != meta).then(|| Op::SetMeta(std::mem::replace(&mut plan.meta, meta)))
        }
        Op::SetHorizon(horizon) => {
            (plan.horizon != horizon).then(|| Op::SetHorizon(std::mem::replace(&mut plan.horizon, horizon)))
        }
        Op::SetDomains(domains) => {
            (plan.domains != domains).then(|| Op::SetDomains(std::mem::replace(&mut plan.domains, domains)))
        }
        Op::SetBudget(budget) => (plan.budget != budget).then(|| Op::SetBudget(std::mem::replace(&mut plan.budget, budget))),
        Op::SetPlanExtra(extra) => (plan.extra != extra).then(|| Op::SetPlanExtra(std::mem::replace(&mut plan.extra, extra))),
        Op::SetPlanningYear(year) => {
            (plan.planning_year != year).then(|| Op::SetPlanningYear(std::mem::replace(&mut plan.planning_year, year)))
        }
    }
}

/// Puts `value` at `index`; returns the old value, or `None` when there is no such index or
/// the value is the same.
fn replace<T: PartialEq>(items: &mut [T], index: usize, value: T) -> Option<T> {
    let slot = items.get_mut(index)?;
    (*slot != value).then(|| std::mem::replace(slot, value))
}

/// An id not yet used by `existing`, built from `base` (`base`, `base-2`, `base-3`, …).
pub fn unique_id<'a>(base: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    let taken = |candidate: &str| existing.clone().any(|id| id == candidate);
    if !taken(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|c| !taken(c)).unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn document() -> Document {
        let plan = sample::nrw_2025().expect("sample loads").plan;
        Document::new(plan, None, "nrw-2025.json".into())
    }

    #[test]
    fn every_edit_can_be_undone_and_redone() {
        let mut doc = document();
        let original = doc.plan.clone();
        let mut measure = doc.plan.measures[0].clone();
        measure.places = 999.0;
        assert!(doc.apply(Command::SetMeasure(0, measure)));
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert_eq!(doc.plan, original);
        assert!(!doc.is_dirty(), "undo back to the saved state is clean");
        assert!(doc.redo());
        assert_eq!(doc.plan.measures[0].places, 999.0);
        assert!(doc.is_dirty());
    }

    #[test]
    fn replacing_the_whole_plan_is_one_step_and_undo_restores_it_exactly() {
        let mut doc = document();
        crate::versions::lineage::set_version_fields(&mut doc.plan, Some("v-1"), None, &[]);
        let original = doc.plan.clone();
        let mut merged = original.clone();
        merged.measures.remove(2);
        merged.measures[0].places = 1.0;
        merged.scenarios.push(Scenario { id: "neu".into(), ..merged.scenarios[0].clone() });
        merged.horizon.months += 12;
        merged.budget.clear();
        merged.domains[0].name = "Kita".into();
        merged.meta.title = "Zusammengeführt".into();
        crate::versions::lineage::set_version_fields(&mut merged, None, None, &[]);
        assert!(doc.apply(Command::ReplacePlan(Box::new(merged.clone()))));
        assert_eq!(doc.undo_len(), 1);
        assert_eq!(doc.plan.meta.title, "Zusammengeführt");
        assert_eq!(crate::versions::lineage::version_id(&doc.plan), Some("v-1"), "ids are no content");
        crate::versions::lineage::set_version_fields(&mut merged, Some("v-1"), None, &[]);
        assert_eq!(doc.plan, merged);
        assert!(doc.undo());
        assert_eq!(doc.plan, original);
    }

    #[test]
    fn deleting_a_measure_drops_it_from_measures_off() {
        let mut doc = document();
        let id = doc.plan.measures[0].id.clone();
        let mut scenario = doc.plan.scenarios[0].clone();
        scenario.measures_off.push(id.clone());
        doc.apply(Command::SetScenario(0, scenario));
        doc.apply(Command::DeleteMeasure(0));
        assert!(doc.plan.scenarios.iter().all(|s| !s.measures_off.contains(&id)));
        assert!(crate::validate::validate(&doc.plan).iter().all(|i| !i.is_error()));
    }

    #[test]
    fn a_change_that_changes_nothing_is_not_recorded() {
        let mut doc = document();
        let same = doc.plan.measures[0].clone();
        assert!(!doc.apply(Command::SetMeasure(0, same)));
        assert!(!doc.can_undo());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn the_last_scenario_cannot_be_deleted() {
        let mut doc = document();
        while doc.plan.scenarios.len() > 1 {
            assert!(doc.apply(Command::DeleteScenario(0)));
        }
        assert!(!doc.apply(Command::DeleteScenario(0)));
    }

    #[test]
    fn the_changes_of_one_gesture_make_one_undo_step() {
        let mut doc = document();
        let original = doc.plan.scenarios[0].arrival_factor;
        for frame in 1..=60 {
            let mut scenario = doc.plan.scenarios[0].clone();
            scenario.arrival_factor = 1.0 + f64::from(frame) * 0.01;
            assert!(doc.apply_in_gesture(Command::SetScenario(0, scenario), 7));
        }
        assert_eq!(doc.undo_len(), 1, "one drag, one step");
        doc.end_gesture();
        let mut scenario = doc.plan.scenarios[0].clone();
        scenario.arrival_factor = 3.0;
        doc.apply_in_gesture(Command::SetScenario(0, scenario), 7);
        assert_eq!(doc.undo_len(), 2, "the same slider dragged again is a new step");
        assert!(doc.undo());
        assert!((doc.plan.scenarios[0].arrival_factor - 1.6).abs() < 1e-9);
        assert!(doc.undo());
        assert_eq!(doc.plan.scenarios[0].arrival_factor, original);
        assert!(!doc.is_dirty());
        assert!(doc.redo() && doc.redo());
        assert_eq!(doc.plan.scenarios[0].arrival_factor, 3.0);
    }

    #[test]
    fn another_change_ends_a_gesture() {
        let mut doc = document();
        let mut scenario = doc.plan.scenarios[0].clone();
        scenario.arrival_factor = 2.0;
        doc.apply_in_gesture(Command::SetScenario(0, scenario.clone()), 7);
        doc.apply(Command::DeleteMeasure(0));
        scenario.arrival_factor = 2.5;
        doc.apply_in_gesture(Command::SetScenario(0, scenario), 7);
        assert_eq!(doc.undo_len(), 3);
    }

    #[test]
    fn undo_memory_stays_bounded_for_a_10_mib_plan() {
        use crate::synthetic::{PlanSize, plan};
        let size = PlanSize { regions: 400, months: 120, scenarios: 4, domains: 4, measures: 50_000, statewide_share: 0.3 };
        let plan = plan(size, &[]);
        let json = serde_json::to_vec(&crate::io::encode_plan(&plan)).unwrap_or_default();
        assert!(json.len() >= 10 << 20, "the plan has {} bytes", json.len());
        let mut doc = Document::new(plan, None, "gross.json".into());
        for round in 0..(2 * UNDO_LIMIT) {
            let index = round % doc.plan.measures.len();
            let mut measure = doc.plan.measures[index].clone();
            measure.places += 1.0;
            assert!(doc.apply(Command::SetMeasure(index, measure)));
        }
        doc.apply(Command::DeleteMeasure(0));
        let shares = doc.plan.regions.iter().map(|r| (r.id.clone(), 1.0)).collect();
        doc.apply(Command::SetDistribution(Distribution::Shares { shares, extra: Default::default() }));
        assert_eq!(doc.undo_len(), UNDO_LIMIT);
        assert!(doc.history_bytes() < 1 << 20, "{} bytes for {UNDO_LIMIT} steps", doc.history_bytes());
        assert!(doc.undo() && doc.undo());
        assert_eq!(doc.plan.measures.len(), 50_000, "the deleted measure is back");
    }

    #[test]
    fn the_oldest_steps_go_when_the_byte_budget_is_spent() {
        let mut doc = document();
        let big = "x".repeat(UNDO_BYTE_BUDGET / 4);
        for round in 0..8 {
            let mut meta = doc.plan.meta.clone();
            meta.notes = format!("{round}{big}");
            assert!(doc.apply(Command::SetMeta(meta)));
        }
        assert!(doc.history_bytes() <= UNDO_BYTE_BUDGET);
        assert!(doc.undo_len() < 8);
        assert!(doc.can_undo(), "the newest step is kept");
    }

    #[test]
    fn replacing_the_lists_is_one_undo_step() {
        let mut doc = document();
        let original = doc.plan.clone();
        let mut measures = original.measures.clone();
        measures[0].places += 10.0;
        measures.remove(3);
        let mut added = measures[1].clone();
        added.id = "neu-1".into();
        measures.push(added);
        let mut regions = original.regions.clone();
        let mut region = regions[0].clone();
        region.id = "neu-region".into();
        regions.push(region);
        let scenarios = original.scenarios.clone();
        assert!(doc.apply(Command::ReplaceLists { measures: measures.clone(), regions: regions.clone(), scenarios }));
        assert_eq!(doc.plan.measures, measures);
        assert_eq!(doc.plan.regions, regions);
        assert_eq!(doc.undo_len(), 1);
        assert!(doc.undo());
        assert_eq!(doc.plan, original);
        assert!(!doc.is_dirty());
    }

    /// One thing a planner does to the document in the property below.
    #[derive(Debug, Clone)]
    enum Move {
        /// A what-if value set on a scenario (a typed cell), by the one rule of `set_what_if`.
        WhatIf {
            scenario: usize,
            hundredths: u16,
        },
        /// The places of a measure typed.
        Places {
            measure: usize,
            places: i32,
        },
        /// A measure deleted.
        DeleteMeasure(usize),
        /// A scenario duplicated.
        DuplicateScenario(usize),
        /// A presentation-slider drag: frame by frame values on the slider's step grid (as
        /// egui gives them, 28 × 0,05 = 1,4000000000000001), one gesture.
        Drag {
            scenario: usize,
            gesture: u64,
            steps: Vec<u16>,
        },
        Undo,
        Redo,
    }

    fn moves() -> impl proptest::strategy::Strategy<Value = Move> {
        use proptest::prelude::*;
        prop_oneof![
            (0..6usize, 0..300u16).prop_map(|(scenario, hundredths)| Move::WhatIf { scenario, hundredths }),
            (0..40usize, -200..2000i32).prop_map(|(measure, places)| Move::Places { measure, places }),
            (0..40usize).prop_map(Move::DeleteMeasure),
            (0..6usize).prop_map(Move::DuplicateScenario),
            (0..6usize, 0..3u64, proptest::collection::vec(0..60u16, 1..8)).prop_map(|(scenario, gesture, steps)| Move::Drag {
                scenario,
                gesture,
                steps
            }),
            Just(Move::Undo),
            Just(Move::Undo),
            Just(Move::Redo),
        ]
    }

    /// The scenario at `index` of the plan (modulo its length) with a what-if value set.
    fn what_if_command(plan: &Plan, index: usize, factor: f64) -> Command {
        let index = index % plan.scenarios.len();
        let mut scenario = plan.scenarios[index].clone();
        scenario.set_what_if(crate::model::WhatIf::ArrivalFactor, factor);
        Command::SetScenario(index, scenario)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 96, ..Default::default() })]

        /// Issue 20: any sequence of edits, presentation-slider drags (gestures) and undo/redo
        /// returns exactly to each earlier plan, undo works back to the first edit, every
        /// what-if value keeps the plan valid, and undoing everything is the saved state.
        #[test]
        fn undo_and_redo_return_exactly_to_each_earlier_plan(script in proptest::collection::vec(moves(), 1..40)) {
            let mut doc = document();
            let original = doc.plan.clone();
            // The plans undo must give back, newest last, and those redo must give back.
            let mut past: Vec<Plan> = Vec::new();
            let mut future: Vec<Plan> = Vec::new();
            for step in script {
                let before = doc.plan.clone();
                let dragged = matches!(step, Move::Drag { .. });
                let changed = match step {
                    Move::WhatIf { scenario, hundredths } => {
                        doc.apply(what_if_command(&doc.plan, scenario, f64::from(hundredths) / 100.0))
                    }
                    Move::Places { measure, places } => match doc.plan.measures.len() {
                        0 => false,
                        len => {
                            let mut changed = doc.plan.measures[measure % len].clone();
                            changed.places = f64::from(places);
                            doc.apply(Command::SetMeasure(measure % len, changed))
                        }
                    },
                    Move::DeleteMeasure(measure) => doc.apply(Command::DeleteMeasure(measure)),
                    Move::DuplicateScenario(scenario) => {
                        let index = scenario % doc.plan.scenarios.len();
                        let mut copy = doc.plan.scenarios[index].clone();
                        copy.id = unique_id(&copy.id, doc.plan.scenarios.iter().map(|s| s.id.as_str()));
                        doc.apply(Command::InsertScenario(index + 1, copy))
                    }
                    Move::Drag { scenario, gesture, steps } => {
                        let mut any = false;
                        for step in steps {
                            let on_grid = f64::from(step) * 0.05;
                            any |= doc.apply_in_gesture(what_if_command(&doc.plan, scenario, on_grid), gesture);
                        }
                        doc.end_gesture();
                        any
                    }
                    Move::Undo => {
                        let undone = doc.undo();
                        proptest::prop_assert_eq!(undone, !past.is_empty(), "undo works while there is a step");
                        if let Some(earlier) = past.pop() {
                            proptest::prop_assert!(doc.plan == earlier, "undo gives back the plan before the step");
                            future.push(before);
                        }
                        continue;
                    }
                    Move::Redo => {
                        let redone = doc.redo();
                        proptest::prop_assert_eq!(redone, !future.is_empty(), "redo works after an undo");
                        if let Some(later) = future.pop() {
                            proptest::prop_assert!(doc.plan == later, "redo gives back the plan after the step");
                            past.push(before);
                        }
                        continue;
                    }
                };
                // A drag may end where it began: still a step (that changes nothing back).
                if !dragged {
                    proptest::prop_assert_eq!(changed, doc.plan != before);
                }
                if changed {
                    past.push(before);
                    future.clear();
                }
                let range_errors: Vec<_> = crate::validate::validate(&doc.plan)
                    .into_iter()
                    .filter(|i| i.is_error() && i.path.contains(".uncertainty."))
                    .collect();
                proptest::prop_assert!(range_errors.is_empty(), "a what-if value never leaves its range: {:?}", range_errors);
            }
            while doc.undo() {}
            proptest::prop_assert!(doc.plan == original, "undo works back to the first edit");
            proptest::prop_assert!(!doc.is_dirty());
        }
    }

    #[test]
    fn unique_ids_get_a_number() {
        let ids = ["a", "a-2"];
        assert_eq!(unique_id("a", ids.iter().copied()), "a-3");
        assert_eq!(unique_id("b", ids.iter().copied()), "b");
    }
}
