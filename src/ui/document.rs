//! The open plan with its file, undo history and unsaved-changes marker.
//!
//! Every change of the plan is a [`Command`] applied by [`Document::apply`]: that one place
//! records undo, marks the document dirty and bumps the revision that triggers a recompute.

use crate::model::{Distribution, Domain, Measure, Meta, Plan, Region, Scenario};
use std::path::PathBuf;

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 200;

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
    /// Append scenarios imported from another plan.
    AppendScenarios(Vec<Scenario>),
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
    undo: Vec<(Plan, u64)>,
    redo: Vec<(Plan, u64)>,
}

impl Document {
    /// A document for `plan`, unchanged since it was loaded from `path`.
    pub fn new(plan: Plan, path: Option<PathBuf>, display_name: String) -> Self {
        Document { plan, path, display_name, revision: 1, saved_revision: 1, undo: Vec::new(), redo: Vec::new() }
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

    /// Applies a change; returns false (and records nothing) when it does not apply.
    pub fn apply(&mut self, command: Command) -> bool {
        let before = self.plan.clone();
        if !apply_to_plan(&mut self.plan, command) || self.plan == before {
            return false;
        }
        self.undo.push((before, self.revision));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision = self.next_revision();
        true
    }

    /// Takes back the last change.
    pub fn undo(&mut self) -> bool {
        let Some((plan, revision)) = self.undo.pop() else { return false };
        let current = std::mem::replace(&mut self.plan, plan);
        self.redo.push((current, self.revision));
        self.revision = revision;
        true
    }

    /// Does again the last change taken back.
    pub fn redo(&mut self) -> bool {
        let Some((plan, revision)) = self.redo.pop() else { return false };
        let current = std::mem::replace(&mut self.plan, plan);
        self.undo.push((current, self.revision));
        self.revision = revision;
        true
    }

    fn next_revision(&self) -> u64 {
        let highest = self.undo.iter().chain(&self.redo).map(|(_, r)| *r).max().unwrap_or(0);
        highest.max(self.revision).max(self.saved_revision) + 1
    }
}

fn apply_to_plan(plan: &mut Plan, command: Command) -> bool {
    match command {
        Command::SetMeasure(index, measure) => replace(&mut plan.measures, index, measure),
        Command::InsertMeasure(index, measure) => {
            let at = index.min(plan.measures.len());
            plan.measures.insert(at, measure);
            true
        }
        Command::DeleteMeasure(index) => {
            if index >= plan.measures.len() {
                return false;
            }
            let removed = plan.measures.remove(index);
            for scenario in &mut plan.scenarios {
                scenario.measures_off.retain(|id| *id != removed.id);
            }
            true
        }
        Command::SetScenario(index, scenario) => replace(&mut plan.scenarios, index, scenario),
        Command::InsertScenario(index, scenario) => {
            let at = index.min(plan.scenarios.len());
            plan.scenarios.insert(at, scenario);
            true
        }
        Command::DeleteScenario(index) => {
            if index >= plan.scenarios.len() || plan.scenarios.len() <= 1 {
                return false;
            }
            plan.scenarios.remove(index);
            true
        }
        Command::SetRegion(index, region) => replace(&mut plan.regions, index, region),
        Command::SetDomain(index, domain) => replace(&mut plan.domains, index, domain),
        Command::SetDistribution(distribution) => {
            plan.distribution = distribution;
            true
        }
        Command::SetMeta(meta) => {
            plan.meta = meta;
            true
        }
        Command::AppendScenarios(scenarios) => {
            plan.scenarios.extend(scenarios);
            true
        }
    }
}

fn replace<T>(items: &mut [T], index: usize, value: T) -> bool {
    match items.get_mut(index) {
        Some(slot) => {
            *slot = value;
            true
        }
        None => false,
    }
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
    fn unique_ids_get_a_number() {
        let ids = ["a", "a-2"];
        assert_eq!(unique_id("a", ids.iter().copied()), "a-3");
        assert_eq!(unique_id("b", ids.iter().copied()), "b");
    }
}
