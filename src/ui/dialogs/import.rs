//! The dialog of a table import: the table is read and compared with the plan on a [`Job`];
//! the dialog then shows what would change (added, changed with every field, unchanged), every
//! bad row and warning in the window's language, and applies only when nothing blocks.

use crate::import::{ImportOptions, ImportPreview, TableError, TableKind, Updates, preview, read_table};
use crate::model::Plan;
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::i18n::Language;
use crate::ui::job::Job;
use std::path::PathBuf;

/// Most names listed per group (the rest is counted).
const MAX_NAMES: usize = 200;

/// A table read against the plan: the workbook's sheets and the preview (or why not).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRead {
    /// Every sheet of the workbook (empty for CSV).
    pub sheets: Vec<String>,
    /// What the import would do.
    pub preview: Result<ImportPreview, TableError>,
}

/// The import dialog: which table, its reading job and what it found.
pub struct ImportDialog {
    /// Measures or regions.
    pub kind: TableKind,
    /// The table file.
    pub path: PathBuf,
    /// The sheet asked for (`None` = the first).
    pub sheet: Option<String>,
    job: Option<Job<TableRead>>,
    /// What the reading found, once done.
    pub read: Option<TableRead>,
}

impl ImportDialog {
    /// Starts reading `path` as `kind` against `plan` (revision `revision`).
    pub fn start(kind: TableKind, path: PathBuf, plan: &Plan, revision: u64) -> Self {
        let mut dialog = ImportDialog { kind, path, sheet: None, job: None, read: None };
        dialog.read_sheet(None, plan, revision);
        dialog
    }

    /// Reads the sheet `sheet` (a workbook with several sheets) again.
    pub fn read_sheet(&mut self, sheet: Option<String>, plan: &Plan, revision: u64) {
        self.sheet = sheet.clone();
        self.read = None;
        let (plan, path, kind) = (plan.clone(), self.path.clone(), self.kind);
        self.job = Some(Job::spawn(revision, move |_| read_against(&plan, &path, kind, sheet.as_deref())));
    }

    /// Takes in the finished reading (dropped when the plan changed meanwhile).
    pub fn refresh(&mut self, revision: u64) {
        if let Some(read) = Job::take_if_current(&mut self.job, revision) {
            self.read = Some(read);
        }
    }

    /// Whether the table is still being read.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The preview when it may be applied: read, nothing blocks, something changes.
    pub fn applicable(&self) -> Option<&ImportPreview> {
        let preview = self.read.as_ref()?.preview.as_ref().ok()?;
        let changes = !preview.added.is_empty() || !preview.changed.is_empty() || !preview.removed.is_empty();
        (!preview.is_blocked() && changes).then_some(preview)
    }

    /// Draws the dialog as a modal window.
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Modal::new(egui::Id::unique("import_dialog")).show(egui_ctx, |ui| {
            ui.set_max_width(crate::ui::theme::DIALOG_WIDTH);
            let t = ctx.strings();
            let title = match self.kind {
                TableKind::Measures => t.import_measures_table,
                TableKind::Regions => t.import_regions_table,
            };
            ui.heading(title.trim_end_matches(" …"));
            ui.label(egui::RichText::new(self.path.display().to_string()).monospace());
            if let Some(read) = &self.read
                && read.sheets.len() > 1
            {
                let shown = self.sheet.clone().or_else(|| read.sheets.first().cloned()).unwrap_or_default();
                let mut chosen = shown.clone();
                crate::ui::cells::labelled_combo(
                    ui,
                    "import_sheet",
                    t.import_sheet,
                    format!("{}: {shown}", t.import_sheet),
                    280.0,
                    |ui| {
                        for sheet in &read.sheets {
                            ui.selectable_value(&mut chosen, sheet.clone(), sheet);
                        }
                    },
                );
                if chosen != shown {
                    actions.push(Action::ChooseImportSheet(chosen));
                }
            }
            ui.separator();
            match &self.read {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(t.import_reading);
                    });
                }
                Some(TableRead { preview: Err(error), .. }) => {
                    ui.label(egui::RichText::new(t.import_error_title).strong());
                    let message = match ctx.language() {
                        Language::German => error.message_de(),
                        Language::English => error.to_string(),
                    };
                    ui.label(egui::RichText::new(message).color(crate::ui::contrast::error_text(ui)));
                }
                Some(TableRead { preview: Ok(preview), .. }) => preview_ui(ui, ctx, preview),
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(self.applicable().is_some(), egui::Button::new(egui::RichText::new(t.import_apply).strong()))
                    .clicked()
                {
                    actions.push(Action::ApplyImport);
                }
                if ui.button(t.cancel).clicked() {
                    actions.push(Action::CloseImport);
                }
            });
        });
        actions
    }
}

/// Reads the table and previews it against `plan`.
pub fn read_against(plan: &Plan, path: &std::path::Path, kind: TableKind, sheet: Option<&str>) -> TableRead {
    match read_table(path, sheet) {
        Ok(table) => TableRead { sheets: table.sheets.clone(), preview: preview(plan, &table, kind, &ImportOptions::default()) },
        Err(error) => TableRead { sheets: Vec::new(), preview: Err(error) },
    }
}

/// Summary, bad rows, rule violations, warnings, then added / changed / unchanged with names.
fn preview_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, preview: &ImportPreview) {
    let t = ctx.strings();
    let lang = ctx.language();
    let german = lang == Language::German;
    let plan = ctx.plan();
    let summary = if german { preview.summary_de() } else { preview.summary_en() };
    ui.label(egui::RichText::new(summary).strong());
    let name_of = |id: &str| -> String {
        let from_table = match &preview.updates {
            Updates::Measures(list) => list.iter().find(|m| m.id == id).map(|m| m.name.clone()),
            Updates::Regions(list) => list.iter().find(|r| r.id == id).map(|r| r.name.clone()),
        };
        let from_plan = || match preview.kind {
            TableKind::Measures => plan.measures.iter().find(|m| m.id == id).map(|m| m.name.clone()),
            TableKind::Regions => plan.regions.iter().find(|r| r.id == id).map(|r| r.name.clone()),
        };
        from_table.or_else(from_plan).unwrap_or_else(|| id.to_owned())
    };
    egui::ScrollArea::vertical().id_salt("import_preview").max_height(crate::ui::theme::DIALOG_LIST_HEIGHT * 1.4).show(
        ui,
        |ui| {
            if !preview.problems.is_empty() {
                ui.label(egui::RichText::new(t.import_problems).color(crate::ui::contrast::error_text(ui)).strong());
                for problem in &preview.problems {
                    let text = if german { problem.message_de() } else { problem.message_en() };
                    ui.label(egui::RichText::new(text).color(crate::ui::contrast::error_text(ui)));
                }
            }
            if !preview.plan_issues.is_empty() {
                ui.label(egui::RichText::new(t.import_plan_issues).color(crate::ui::contrast::error_text(ui)).strong());
                for issue in &preview.plan_issues {
                    ui.label(
                        egui::RichText::new(crate::ui::field_label::issue_text(issue, plan, t.lang))
                            .color(crate::ui::contrast::error_text(ui)),
                    );
                }
            }
            if !preview.warnings.is_empty() {
                ui.label(egui::RichText::new(t.import_warnings).strong());
                for warning in &preview.warnings {
                    ui.label(if german { warning.message_de() } else { warning.message_en() });
                }
            }
            if preview.added.is_empty() && preview.changed.is_empty() && preview.removed.is_empty() && preview.problems.is_empty()
            {
                ui.label(t.import_nothing);
            }
            names_ui(ui, t.import_added, preview.added.iter().map(|id| name_of(id)));
            if !preview.changed.is_empty() {
                ui.label(egui::RichText::new(format!("{} ({})", t.import_changed, preview.changed.len())).strong());
                for change in preview.changed.iter().take(MAX_NAMES) {
                    let fields: Vec<String> = change
                        .fields
                        .iter()
                        .map(|f| {
                            let shown = |text: String| if text.is_empty() { "—".to_owned() } else { text };
                            if german {
                                let (before, after) = (shown(f.before.to_german()), shown(f.after.to_german()));
                                format!("{}: {before} » {after}", f.column.german_header())
                            } else {
                                let (before, after) = (shown(f.before.to_english()), shown(f.after.to_english()));
                                format!("{}: {before} » {after}", f.column.english_header())
                            }
                        })
                        .collect();
                    ui.label(format!("• {} – {}", name_of(&change.id), fields.join("; ")));
                }
            }
            names_ui(ui, t.import_removed, preview.removed.iter().map(|id| name_of(id)));
            names_ui(ui, t.import_unchanged, preview.unchanged.iter().map(|id| name_of(id)));
        },
    );
}

/// A heading with the count and the names, comma-separated.
fn names_ui(ui: &mut egui::Ui, heading: &str, names: impl ExactSizeIterator<Item = String>) {
    let count = names.len();
    if count == 0 {
        return;
    }
    ui.label(egui::RichText::new(format!("{heading} ({count})")).strong());
    let mut listed: Vec<String> = names.take(MAX_NAMES).collect();
    if count > MAX_NAMES {
        listed.push(format!("… (+{})", count - MAX_NAMES));
    }
    ui.add(egui::Label::new(listed.join(", ")).wrap());
}
