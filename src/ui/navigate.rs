//! Taking the planner to the field of a problem (issue 10: "a click on a problem takes the
//! planner to the field").

use super::action::Tab;
use super::app::App;

impl App {
    /// Shows the editor and entry that the field `path` belongs to (see [`Action::GoToField`]).
    pub(super) fn go_to_field(&mut self, path: &str) {
        let list = path.split(['.', '[']).next().unwrap_or_default();
        let index = path
            .strip_prefix(list)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.split(']').next().and_then(|number| number.parse::<usize>().ok()));
        let plan = self.session.plan();
        match (list, index) {
            ("measures", Some(i)) => {
                self.tab = Tab::Measures;
                if let Some(measure) = plan.measures.get(i) {
                    let sort = self.panels.measures.view.sort;
                    self.panels.measures.view =
                        super::panels::measures::MeasureView { text: measure.id.clone(), sort, ..Default::default() };
                }
            }
            ("regions", Some(i)) => {
                self.tab = Tab::Regions;
                self.selection.region_id = plan.regions.get(i).map(|r| r.id.clone());
            }
            ("scenarios", Some(i)) => {
                self.tab = Tab::Scenarios;
                if let Some(scenario) = plan.scenarios.get(i) {
                    self.selection.scenario_id = scenario.id.clone();
                }
            }
            ("domains", _) => self.tab = Tab::Domains,
            ("meta", _) => self.tab = Tab::Plan,
            ("distribution", _) => self.tab = Tab::Regions,
            _ => {}
        }
    }
}
