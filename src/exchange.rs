//! Scenario exchange between colleagues: export chosen scenarios as a plan file, import the
//! scenarios of another plan into the open one.

use crate::model::{Plan, Scenario};
use std::collections::HashSet;

/// The plan with only the scenarios whose ids are in `ids` (in plan order); regions, domains,
/// measures, distribution and budget stay as they are, so the file runs on its own.
pub fn plan_with_scenarios(plan: &Plan, ids: &[String]) -> Plan {
    let mut exported = plan.clone();
    exported.scenarios.retain(|s| ids.contains(&s.id));
    exported
}

/// What an import changed on the way in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// Scenarios whose id was taken in the open plan: (id in the file, new id).
    pub renamed: Vec<(String, String)>,
    /// `measures_off` entries naming measures the open plan does not have: (scenario id, measure id).
    pub dropped_measures_off: Vec<(String, String)>,
}

impl ImportReport {
    /// Whether the import changed nothing.
    pub fn is_empty(&self) -> bool {
        self.renamed.is_empty() && self.dropped_measures_off.is_empty()
    }
}

/// The scenarios of `source`, fitted into `target`: colliding ids get a new id (`id-2`, `id-3`,
/// …) and `measures_off` entries for measures `target` does not have are dropped and reported.
pub fn import_scenarios(target: &Plan, source: &Plan) -> (Vec<Scenario>, ImportReport) {
    let mut taken: HashSet<String> = target.scenarios.iter().map(|s| s.id.clone()).collect();
    let measures: HashSet<&str> = target.measures.iter().map(|m| m.id.as_str()).collect();
    let mut report = ImportReport::default();
    let scenarios = source
        .scenarios
        .iter()
        .map(|scenario| {
            let mut imported = scenario.clone();
            if taken.contains(&imported.id) {
                let new_id = (2..).map(|n| format!("{}-{n}", scenario.id)).find(|id| !taken.contains(id)).unwrap_or_default();
                report.renamed.push((scenario.id.clone(), new_id.clone()));
                imported.id = new_id;
            }
            imported.measures_off.retain(|id| {
                let known = measures.contains(id.as_str());
                if !known {
                    report.dropped_measures_off.push((imported.id.clone(), id.clone()));
                }
                known
            });
            taken.insert(imported.id.clone());
            imported
        })
        .collect();
    (scenarios, report)
}
