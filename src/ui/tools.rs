//! What the app does for the optimiser dialog, the table import and the measures table
//! (issues 13 and 15). Called from [`App::handle`] and [`App::show`] only.

use super::action::Action;
use super::app::App;
use super::context::PanelCtx;
use super::dialogs::Dialog;
use super::dialogs::import::ImportDialog;
use super::dialogs::optimize::{OptimizerDialog, proposal_scenario};
use super::document::Command;
use crate::import::TableKind;
use std::path::Path;

impl App {
    /// Carries out an action of the optimiser or import dialog.
    pub(super) fn handle_tool(&mut self, action: Action) {
        let revision = self.session.doc().revision;
        match action {
            Action::OpenOptimizer => {
                // It opens as it was left: scenario, domains and each domain's goal.
                let plan = self.session.plan();
                let dialog = match &self.optimizer_choices {
                    Some(choices) => OptimizerDialog::with_choices(plan, &self.selection.scenario_id, choices),
                    None => OptimizerDialog::new(plan, &self.selection.scenario_id),
                };
                self.optimizer = Some(dialog);
            }
            Action::RunOptimizer => {
                if let Some(dialog) = &mut self.optimizer {
                    dialog.start_search(self.session.plan(), revision);
                }
            }
            Action::CancelOptimizer => {
                if let Some(dialog) = &mut self.optimizer {
                    dialog.cancel_search();
                }
            }
            Action::AdoptProposal => self.adopt_proposal(),
            Action::CloseOptimizer => self.close_optimizer(),
            Action::ChooseImportSheet(sheet) => {
                if let Some(dialog) = &mut self.table_import {
                    dialog.read_sheet(Some(sheet), self.session.plan(), revision);
                }
            }
            Action::ApplyImport => self.apply_import(),
            Action::CloseImport => self.table_import = None,
            Action::ShowAbout => self.dialog = Some(Dialog::About),
            _ => {}
        }
    }

    /// Adds the proposal as a new scenario (one undo step), compared at once, and closes the
    /// dialog.
    fn adopt_proposal(&mut self) {
        let t = self.settings.language.strings();
        let Some(dialog) = &self.optimizer else { return };
        let Some(Ok(answer)) = &dialog.result else { return };
        let Some(scenario) = proposal_scenario(self.session.plan(), answer, t.optimize_scenario_prefix) else { return };
        let id = scenario.id.clone();
        let at = self.session.plan().scenarios.len();
        self.handle(Action::Edit(Command::InsertScenario(at, scenario)));
        self.handle(Action::CompareScenario(id.clone(), true));
        self.proposal_id = Some(id);
        self.close_optimizer();
        self.status = Some(t.optimize_adopted.to_owned());
    }

    /// Closes the optimiser dialog and remembers its choices for the next time it opens.
    fn close_optimizer(&mut self) {
        if let Some(dialog) = self.optimizer.take() {
            self.optimizer_choices = Some(dialog.choices());
        }
    }

    /// Applies the previewed import as one undo step.
    fn apply_import(&mut self) {
        let Some(dialog) = &self.table_import else { return };
        let Some(preview) = dialog.applicable() else { return };
        let plan = preview.apply(self.session.plan());
        self.table_import = None;
        let command = Command::ReplaceLists { measures: plan.measures, regions: plan.regions, scenarios: plan.scenarios };
        self.handle(Action::Edit(command));
        self.status = Some(self.settings.language.strings().import_done.to_owned());
    }

    /// Starts reading a table chosen for import.
    pub(super) fn start_table_import(&mut self, kind: TableKind, path: &Path) {
        let doc = self.session.doc();
        self.table_import = Some(ImportDialog::start(kind, path.to_path_buf(), &doc.plan, doc.revision));
    }

    /// Writes the measures as an Excel table with the German headers (never over the open plan).
    pub fn export_measures_table(&mut self, path: &Path) -> bool {
        let written = self
            .check_export_target(path)
            .and_then(|()| crate::io::save_measures_xlsx(self.session.plan(), path).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Takes in finished jobs of the tool dialogs and draws them; returns their actions.
    pub(super) fn tool_dialogs_ui(&mut self, egui_ctx: &egui::Context) -> Vec<Action> {
        let revision = self.session.doc().revision;
        let ctx = PanelCtx::new(&self.session, &self.selection, &self.settings);
        let mut actions = Vec::new();
        let mut busy = false;
        if let Some(dialog) = &mut self.optimizer {
            dialog.refresh(ctx.plan(), revision);
            busy |= dialog.is_busy();
            actions.extend(dialog.ui(egui_ctx, &ctx));
        }
        if let Some(dialog) = &mut self.table_import {
            dialog.refresh(revision);
            busy |= dialog.is_busy();
            actions.extend(dialog.ui(egui_ctx, &ctx));
        }
        if busy {
            egui_ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        actions
    }
}
