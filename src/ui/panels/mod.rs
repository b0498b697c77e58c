//! The panels of the main window, one file each. A panel owns its view state (filters, sort,
//! texts typed but not yet valid), draws from a read-only [`PanelCtx`] and returns the
//! [`Action`]s the user asked for; it never sees the application.

pub mod budget;
pub mod domains;
pub mod groups;
pub mod indicators;
pub mod map;
pub mod measures;
pub mod measures_table;
pub mod plan_info;
pub mod plots;
pub mod presentation;
pub mod range_editor;
pub mod regions;
pub mod scenarios;
#[cfg(test)]
pub(crate) mod testing;

use super::action::Action;
use super::context::PanelCtx;
use std::collections::HashMap;

/// Texts typed into cells that do not parse yet, by field path.
pub type Drafts = HashMap<String, String>;

/// A part of the window.
pub trait Panel {
    /// Draws the panel into `ui` and returns what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action>;

    /// Forgets texts typed but not committed (the plan changed under them: undo, delete, load).
    fn clear_drafts(&mut self) {}
}

/// Every panel of the window, with its view state.
#[derive(Default)]
pub struct Panels {
    /// The measures table.
    pub measures: measures::MeasuresPanel,
    /// The scenario editor.
    pub scenarios: scenarios::ScenariosPanel,
    /// Regions and distribution key.
    pub regions: regions::RegionsPanel,
    /// Domains and their rates.
    pub domains: domains::DomainsPanel,
    /// Capacity and cost plots.
    pub plots: plots::PlotsPanel,
    /// Indicator and cost tables.
    pub indicators: indicators::IndicatorsPanel,
    /// The what-if controls of presentation mode.
    pub what_if: presentation::WhatIfPanel,
    /// Cost by funding against the budget per year (issue 12).
    pub budget: budget::BudgetPanel,
    /// The map and the ranking of the districts.
    pub map: map::MapPanel,
    /// Groups, staff and running cost by planning year (SPEC §11).
    pub groups: groups::GroupsPanel,
    /// Title, notes and sources of the plan.
    pub plan_info: plan_info::PlanInfoPanel,
}

impl Panels {
    /// Forgets every draft.
    pub fn clear_drafts(&mut self) {
        self.measures.clear_drafts();
        self.plan_info.clear_drafts();
        self.scenarios.clear_drafts();
        self.regions.clear_drafts();
        self.domains.clear_drafts();
    }
}
