//! What a panel may read while it draws: [`PanelCtx`] holds shared references only, so a panel
//! can change nothing but its own view state; everything else it asks for with an action.

use super::i18n::{Language, Strings};
use super::session::Session;
use super::settings::Settings;
use crate::engine::ScenarioResults;
use crate::issue::Issue;
use crate::model::{Plan, Scenario};

/// Which plots the charts view shows: all of them, or one made as large as the view allows
/// (one domain at a time in front of a room).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ChartFocus {
    /// Every domain plot and the cost plot, one under the other.
    #[default]
    All,
    /// Only the plot of this domain (id), and only its indicators.
    Domain(String),
    /// Only the cost plot.
    Costs,
}

impl ChartFocus {
    /// Whether the plot and indicators of domain `id` are shown.
    pub fn shows_domain(&self, id: &str) -> bool {
        match self {
            ChartFocus::All => true,
            ChartFocus::Domain(focused) => focused == id,
            ChartFocus::Costs => false,
        }
    }

    /// Whether the indicators of domain `id` are listed: all of them unless one domain is
    /// focused.
    pub fn lists_indicators_of(&self, id: &str) -> bool {
        match self {
            ChartFocus::Domain(focused) => focused == id,
            ChartFocus::All | ChartFocus::Costs => true,
        }
    }

    /// Whether the cost plot is shown.
    pub fn shows_costs(&self) -> bool {
        matches!(self, ChartFocus::All | ChartFocus::Costs)
    }
}

/// What the user looks at, shared by top bar, plots, tables and presentation controls.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// The scenario whose shortage is shaded and whose indicators lead.
    pub scenario_id: String,
    /// Further scenarios drawn for comparison.
    pub compared_ids: Vec<String>,
    /// `None` = the whole state, else a region id.
    pub region_id: Option<String>,
    /// The plots the charts view shows.
    pub chart_focus: ChartFocus,
}

impl Selection {
    /// The first scenario leading, every scenario compared, the whole state.
    pub fn for_plan(plan: &Plan) -> Self {
        Selection {
            scenario_id: plan.scenarios.first().map(|s| s.id.clone()).unwrap_or_default(),
            compared_ids: plan.scenarios.iter().map(|s| s.id.clone()).collect(),
            region_id: None,
            chart_focus: ChartFocus::All,
        }
    }

    /// Whether the scenario `id` is drawn (leading or compared).
    pub fn shows(&self, id: &str) -> bool {
        self.scenario_id == id || self.compared_ids.iter().any(|c| c == id)
    }

    /// Keeps the selection pointing at things the plan still has.
    pub fn follow(&mut self, plan: &Plan) {
        if !plan.scenarios.iter().any(|s| s.id == self.scenario_id) {
            self.scenario_id = plan.scenarios.first().map(|s| s.id.clone()).unwrap_or_default();
        }
        self.compared_ids.retain(|id| plan.scenarios.iter().any(|s| s.id == *id));
        if let Some(region) = &self.region_id
            && !plan.regions.iter().any(|r| r.id == *region)
        {
            self.region_id = None;
        }
        if let ChartFocus::Domain(id) = &self.chart_focus
            && !plan.domains.iter().any(|d| d.id == *id)
        {
            self.chart_focus = ChartFocus::All;
        }
    }
}

/// The read-only view a panel draws from.
pub struct PanelCtx<'a> {
    /// Plan, results, issues.
    pub session: &'a Session,
    /// Scenario, comparison and region shown.
    pub selection: &'a Selection,
    /// Language, theme, recent files.
    pub settings: &'a Settings,
    /// Presentation mode: large text, thick lines, editing hidden.
    pub presentation: bool,
}

impl<'a> PanelCtx<'a> {
    /// A context for the normal window.
    pub fn new(session: &'a Session, selection: &'a Selection, settings: &'a Settings) -> Self {
        PanelCtx { session, selection, settings, presentation: false }
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &'a Plan {
        self.session.plan()
    }

    /// Validation issues of the plan.
    pub fn issues(&self) -> &'a [Issue] {
        self.session.issues()
    }

    /// The language of the window.
    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// The texts of that language.
    pub fn strings(&self) -> &'static Strings {
        self.settings.language.strings()
    }

    /// The results of the scenario `id`, if computed.
    pub fn results_of(&self, id: &str) -> Option<&'a ScenarioResults> {
        self.session.scenario_results(id)
    }

    /// The scenario `id` of the plan with its position (which picks its palette colour).
    pub fn scenario(&self, id: &str) -> Option<(usize, &'a Scenario)> {
        self.plan().scenarios.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The colour of the scenario `id`, from the plan as it is now (not from the results).
    pub fn scenario_color(&self, id: &str) -> egui::Color32 {
        match self.scenario(id) {
            Some((index, scenario)) => super::theme::scenario_color(scenario.color.as_deref(), index),
            None => egui::Color32::GRAY,
        }
    }

    /// The scenarios to draw, leading first, then the compared ones in plan order: each with
    /// its plan entry and its results. Scenarios without results yet (added while a background
    /// computation runs) and results of deleted scenarios are left out.
    pub fn drawn_scenarios(&self) -> Vec<DrawnScenario<'a>> {
        let plan = self.plan();
        let leading = plan.scenarios.iter().enumerate().filter(|(_, s)| s.id == self.selection.scenario_id);
        let compared = plan
            .scenarios
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id != self.selection.scenario_id && self.selection.compared_ids.contains(&s.id));
        leading
            .chain(compared)
            .filter_map(|(index, scenario)| {
                let results = self.results_of(&scenario.id)?;
                let color = super::theme::scenario_color(scenario.color.as_deref(), index);
                let leading = scenario.id == self.selection.scenario_id;
                Some(DrawnScenario { scenario, results, color, leading, index })
            })
            .collect()
    }

    /// The position of the selected region in the results (`None` = the whole state).
    pub fn region_index(&self) -> Option<usize> {
        let id = self.selection.region_id.as_ref()?;
        self.session.results().region_ids.iter().position(|r| r == id)
    }

    /// The name of the shown place: the state or the selected region.
    pub fn place_name(&self) -> String {
        match &self.selection.region_id {
            None => self.strings().whole_state.to_owned(),
            Some(id) => self.plan().regions.iter().find(|r| r.id == *id).map_or_else(|| id.clone(), |r| r.name.clone()),
        }
    }
}

/// A scenario as drawn: the plan's entry (name, colour) and its results.
#[derive(Clone, Copy)]
pub struct DrawnScenario<'a> {
    /// The scenario in the plan.
    pub scenario: &'a Scenario,
    /// Its results.
    pub results: &'a ScenarioResults,
    /// Its colour.
    pub color: egui::Color32,
    /// Whether it is the leading scenario.
    pub leading: bool,
    /// Its position in the plan (its colour and line pattern follow it).
    pub index: usize,
}
