//! "Datei → Änderungen einer Kollegin übernehmen …" (SPEC §12 in the window): the colleague's
//! file is merged into the open plan. The common original comes from the version store when
//! the program has seen it, else the dialog asks for it. Changes without a conflict are listed
//! and taken; each conflict is shown side by side (mine | the colleague's) and decided one by
//! one. Applying is one undo step ([`crate::ui::document::Command::ReplacePlan`]).

use crate::model::Plan;
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::files::PickPurpose;
use crate::ui::i18n::{Language, Strings};
use crate::versions::{
    Conflict, ConflictKind, Lineage, MergeOutcome, Side, StoredVersion, merge_plans, target_label, value_text,
};
use std::path::PathBuf;

/// Where the common original came from.
#[derive(Debug, Clone, PartialEq)]
pub enum BaseSource {
    /// The version store had it.
    Stored(StoredVersion),
    /// The planner chose this file.
    File(PathBuf),
}

/// The merge dialog: the colleague's version, the original (once known) and the outcome.
pub struct MergeDialog {
    /// The colleague's file.
    pub theirs_path: PathBuf,
    /// The colleague's version.
    pub theirs: Plan,
    /// Where the colleague's version comes from.
    pub theirs_lineage: Lineage,
    /// The common original and where it came from; `None` while the dialog asks for it.
    pub base: Option<(BaseSource, Plan)>,
    /// The merge of the open plan and the colleague's version onto the original, with the
    /// decisions taken so far.
    pub outcome: Option<MergeOutcome>,
    /// Why the merged plan cannot be applied (rules it would break), in the window's words.
    pub problems: Vec<String>,
}

impl MergeDialog {
    /// A dialog for the colleague's version; `base` when the store knew the original.
    pub fn new(theirs_path: PathBuf, theirs: Plan, base: Option<(BaseSource, Plan)>, ours: &Plan) -> Self {
        let theirs_lineage = crate::versions::lineage::lineage(&theirs);
        let mut dialog = MergeDialog { theirs_path, theirs, theirs_lineage, base: None, outcome: None, problems: Vec::new() };
        if let Some((source, plan)) = base {
            dialog.set_base(source, plan, ours);
        }
        dialog
    }

    /// Takes `plan` as the common original and merges.
    pub fn set_base(&mut self, source: BaseSource, plan: Plan, ours: &Plan) {
        self.outcome = Some(merge_plans(&plan, ours, &self.theirs));
        self.base = Some((source, plan));
        self.problems.clear();
    }

    /// Whether everything is decided and there is something to take.
    pub fn can_apply(&self) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.unresolved() == 0 && (!o.taken().is_empty() || !o.conflicts().is_empty()))
    }

    /// Draws the dialog as a modal window; `on_top` when no other dialog lies over it (Escape
    /// then closes it).
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &PanelCtx<'_>, on_top: bool) -> Vec<Action> {
        let mut actions = Vec::new();
        let t = ctx.strings();
        let width = (egui_ctx.content_rect().width() - 80.0).clamp(400.0, 1100.0);
        let list_height = (egui_ctx.content_rect().height() - 330.0).max(160.0);
        egui::Modal::new(egui::Id::unique("merge_dialog")).show(egui_ctx, |ui| {
            ui.set_width(width);
            ui.heading(t.merge_title);
            egui::Grid::new("merge_files").num_columns(2).show(ui, |ui| {
                ui.label(t.merge_file);
                ui.label(egui::RichText::new(self.theirs_path.display().to_string()).monospace());
                ui.end_row();
                if let Some((source, plan)) = &self.base {
                    ui.label(t.merge_base);
                    ui.label(base_text(source, plan, t));
                    ui.end_row();
                }
            });
            ui.separator();
            if self.base.is_none() {
                ui.add(egui::Label::new(t.merge_need_base).wrap());
                if ui.button(t.merge_choose_base).clicked() {
                    actions.push(Action::Pick(PickPurpose::MergeBase));
                }
            }
            let base_plan = self.base.as_ref().map(|(_, plan)| plan);
            if let (Some(outcome), Some(base)) = (&mut self.outcome, base_plan) {
                egui::ScrollArea::vertical()
                    .id_salt("merge_scroll")
                    .max_height(list_height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| outcome_ui(ui, outcome, base, ctx.plan(), &self.theirs, t));
            }
            for problem in &self.problems {
                ui.label(egui::RichText::new(problem).color(crate::ui::contrast::error_text(ui)));
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.add_enabled(self.can_apply(), egui::Button::new(t.merge_apply)).clicked() {
                    actions.push(Action::ApplyMerge);
                }
                if ui.button(t.cancel).clicked() {
                    actions.push(Action::CloseMerge);
                }
                if let Some(outcome) = &self.outcome
                    && outcome.unresolved() > 0
                {
                    ui.label(format!("{}: {}", t.merge_open_count, outcome.unresolved()));
                }
            });
        });
        if on_top && egui_ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            actions.push(Action::CloseMerge);
        }
        actions
    }
}

/// `Ausgangsversion: „Titel“, von diesem Programm gespeichert oder geöffnet am 03.12.2026 17:45`.
fn base_text(source: &BaseSource, plan: &Plan, t: &Strings) -> String {
    let title = match t.lang {
        Language::German => format!("„{}“", plan.meta.title),
        Language::English => format!("\"{}\"", plan.meta.title),
    };
    match source {
        BaseSource::Stored(version) => {
            let when = chrono::DateTime::from_timestamp(version.stored_at_unix, 0)
                .map(|utc| utc.with_timezone(&chrono::Local))
                .map(|local| format!("{} {}", t.lang.date(local.date_naive()), local.format("%H:%M")))
                .unwrap_or_default();
            format!("{title}, {} {when}", t.merge_base_stored)
        }
        BaseSource::File(path) => format!("{title}, {}: {}", t.merge_base_chosen, path.display()),
    }
}

/// The changes taken and the conflicts with a choice each.
fn outcome_ui(ui: &mut egui::Ui, outcome: &mut MergeOutcome, base: &Plan, ours: &Plan, theirs: &Plan, t: &Strings) {
    let language = t.lang;
    if outcome.taken().is_empty() && outcome.conflicts().is_empty() {
        ui.label(t.merge_nothing);
        return;
    }
    ui.strong(format!("{} ({})", t.merge_taken, outcome.taken().len()));
    if outcome.taken().is_empty() {
        ui.label(t.merge_nothing_taken);
    }
    for change in outcome.taken() {
        ui.add(egui::Label::new(format!("• {}", change.describe(language, base, theirs))).wrap());
    }
    if outcome.conflicts().is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(format!("{} ({})", t.merge_conflicts, outcome.conflicts().len()));
    let column = ((ui.available_width() - 40.0) / 3.0).max(120.0);
    let rows: Vec<(String, String, String)> =
        outcome.conflicts().iter().map(|conflict| conflict_texts(conflict, base, ours, theirs, t)).collect();
    let mut decisions = Vec::new();
    egui::Grid::new("merge_conflicts").striped(true).num_columns(3).min_col_width(column).max_col_width(column).show(ui, |ui| {
        ui.strong(t.merge_what);
        ui.strong(t.merge_mine);
        ui.strong(t.merge_theirs);
        ui.end_row();
        for (index, (what, mine, colleague)) in rows.iter().enumerate() {
            ui.add(egui::Label::new(what).wrap());
            let chosen = outcome.resolution(index);
            for (side, text, word) in [(Side::Ours, mine, t.merge_mine), (Side::Theirs, colleague, t.merge_theirs)] {
                // The choice is named by side and place for a screen reader; the value beside it
                // is a label of its own (and a click on it chooses too).
                ui.horizontal_top(|ui| {
                    let response = ui.radio(chosen == Some(side), "");
                    let label = format!("{word}: {what}");
                    response
                        .widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, chosen == Some(side), &label));
                    let value = ui.add(egui::Label::new(text.as_str()).wrap().sense(egui::Sense::click()));
                    if response.clicked() || value.clicked() {
                        decisions.push((index, side));
                    }
                });
            }
            ui.end_row();
        }
    });
    for (index, side) in decisions {
        outcome.resolve(index, side);
    }
}

/// What a conflict is about, and each side's version of it, in the window's words.
pub fn conflict_texts(conflict: &Conflict, base: &Plan, ours: &Plan, theirs: &Plan, t: &Strings) -> (String, String, String) {
    let language = t.lang;
    // Items by their names in the original (both sides may have renamed them).
    let what = target_label(&conflict.target, language, ours, base);
    match &conflict.kind {
        ConflictKind::BothChanged => {
            let shown = |value: Option<&serde_json::Value>, plan: &Plan| match (&conflict.target, value) {
                (crate::versions::Target::Item { .. }, None) => t.merge_removed.to_owned(),
                _ => value_text(&conflict.target, value, language, base, plan),
            };
            (what, shown(conflict.ours.as_ref(), ours), shown(conflict.theirs.as_ref(), theirs))
        }
        ConflictKind::ChangedInRemovedItem { removed_by, changes } => {
            let changed_plan = if *removed_by == Side::Ours { theirs } else { ours };
            let changed: Vec<String> = changes
                .iter()
                .map(|change| {
                    let field = target_label(&change.target, language, base, changed_plan);
                    let old = value_text(&change.target, change.old.as_ref(), language, base, changed_plan);
                    let new = value_text(&change.target, change.new.as_ref(), language, base, changed_plan);
                    format!("{field}: {old} → {new}")
                })
                .collect();
            let changed = changed.join("\n");
            let removed = t.merge_removed.to_owned();
            match removed_by {
                Side::Ours => (what, removed, changed),
                Side::Theirs => (what, changed, removed),
            }
        }
    }
}
