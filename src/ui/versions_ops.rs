//! What the app does for the compare window and the merge dialog (SPEC §12 in the window,
//! issue 26). Called from [`App::handle`] and [`App::show`] only.

use super::action::{Action, CentralView};
use super::app::App;
use super::context::PanelCtx;
use super::dialogs::Dialog;
use super::dialogs::compare::CompareDialog;
use super::dialogs::merge::{BaseSource, MergeDialog};
use super::document::Command;
use crate::io::load_file;
use crate::model::Plan;
use crate::versions::{List, MergeError, Target};
use std::path::Path;

impl App {
    /// Loads `path`, or shows every error (`None`).
    fn load_other(&mut self, path: &Path) -> Option<Plan> {
        match load_file(path) {
            Ok(loaded) => Some(loaded.plan),
            Err(error) => {
                self.dialog = Some(Dialog::LoadErrors(error));
                None
            }
        }
    }

    /// Opens the compare window on the plan at `path`.
    pub fn open_compare(&mut self, path: &Path) {
        let Some(other) = self.load_other(path) else { return };
        if let Some(store) = self.session.versions() {
            let _ = store.keep(&other);
        }
        let doc = self.session.doc();
        self.compare = Some(CompareDialog::new(path.to_path_buf(), other, &doc.plan, doc.revision, &self.selection.scenario_id));
    }

    /// Opens the merge dialog on the colleague's plan at `path`, with the common original from
    /// the version store when it has one (else the dialog asks for it).
    pub fn start_merge(&mut self, path: &Path) {
        let Some(theirs) = self.load_other(path) else { return };
        let ours = self.session.lineage_now();
        let base = self.session.versions().and_then(|store| {
            let theirs_lineage = store.keep(&theirs).unwrap_or_else(|_| crate::versions::lineage::lineage(&theirs));
            let found = store.find_base(&ours, &theirs_lineage)?;
            let plan = store.load(&found.id)?;
            Some((BaseSource::Stored(found), plan))
        });
        self.merge = Some(MergeDialog::new(path.to_path_buf(), theirs, base, self.session.plan()));
    }

    /// Takes the plan at `path` as the common original of the open merge.
    pub fn set_merge_base(&mut self, path: &Path) {
        if self.merge.is_none() {
            return;
        }
        let Some(base) = self.load_other(path) else { return };
        if let Some(store) = self.session.versions() {
            let _ = store.keep(&base);
        }
        let ours = self.session.plan().clone();
        if let Some(dialog) = &mut self.merge {
            dialog.set_base(BaseSource::File(path.to_path_buf()), base, &ours);
        }
    }

    /// Applies the merge as one undo step; a merged plan that would break a rule is not applied
    /// and the dialog says why.
    pub(super) fn apply_merge(&mut self) {
        let t = self.settings.language.strings();
        let Some(dialog) = &mut self.merge else { return };
        let Some(outcome) = &dialog.outcome else { return };
        let name = dialog.theirs_path.display().to_string();
        match outcome.merged_plan(&name) {
            Ok(plan) => {
                let lineage = dialog.theirs_lineage.clone();
                self.merge = None;
                self.handle(Action::Edit(Command::ReplacePlan(Box::new(plan))));
                self.session.note_merged(&lineage);
                self.status = Some(t.merge_done.to_owned());
            }
            Err(MergeError::Invalid(error)) => {
                let empty = super::file_ops::empty_plan(t);
                let plan = error.partial.as_deref().unwrap_or(&empty);
                let mut problems = vec![t.merge_invalid.to_owned()];
                problems.extend(
                    error.issues.iter().filter(|i| i.is_error()).map(|i| super::field_label::issue_text(i, plan, t.lang)),
                );
                dialog.problems = problems;
            }
            Err(MergeError::Unresolved { .. }) => {}
        }
    }

    /// Shows the item a change is about in the main window: a measure in the measures list, a
    /// scenario or region selected with its editor, the budget view for a budget year.
    pub(super) fn go_to_item(&mut self, target: &Target) {
        let plan = self.session.plan();
        let Some((list, key)) = target.item() else {
            match target {
                Target::TopLevel { field } if field == "distribution" => self.go_to_field("distribution"),
                _ => self.go_to_field("meta"),
            }
            return;
        };
        let index = match list {
            List::Domains => plan.domains.iter().position(|d| d.id == key),
            List::Regions => plan.regions.iter().position(|r| r.id == key),
            List::Measures => plan.measures.iter().position(|m| m.id == key),
            List::Scenarios => plan.scenarios.iter().position(|s| s.id == key),
            List::Budget => {
                self.handle(Action::ShowView(CentralView::Budget));
                return;
            }
        };
        if let Some(index) = index {
            self.go_to_field(&format!("{}[{index}]", list.key()));
        }
    }

    /// Draws the compare window and the merge dialog (before the other dialogs, so that a path
    /// field or a load error asked for by them lies on top); returns their actions.
    pub(super) fn versions_dialogs_ui(&mut self, egui_ctx: &egui::Context) -> Vec<Action> {
        let ctx = PanelCtx::new(&self.session, &self.selection, &self.settings);
        let mut actions = Vec::new();
        if let Some(dialog) = &mut self.compare {
            dialog.refresh(ctx.plan(), ctx.session.doc().revision);
            actions.extend(dialog.ui(egui_ctx, &ctx));
        }
        if let Some(dialog) = &mut self.merge {
            actions.extend(dialog.ui(egui_ctx, &ctx, self.dialog.is_none()));
        }
        actions
    }
}
