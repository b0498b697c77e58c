//! The dialogs on top of the window. A dialog owns only what is typed into it; its buttons
//! return [`Action`]s like every panel.

pub mod compare;
pub mod import;
pub mod merge;
pub mod optimize;

use super::action::{Action, PendingAction};
use super::files::PickPurpose;
use super::i18n::Strings;
use super::snapshot::SnapshotTarget;
use crate::io::{LoadError, Recovered};
use std::path::PathBuf;

/// A dialog on top of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Save / Discard / Cancel before `PendingAction`.
    UnsavedChanges(PendingAction),
    /// A file failed to load: every error.
    LoadErrors(LoadError),
    /// A save failed.
    SaveError(String),
    /// Something to read after an action: a heading and lines.
    Notice(String, Vec<String>),
    /// Unsaved work of a run that ended without saving: restore or discard.
    Recover(Box<Recovered>),
    /// Type a path (no native dialog, or by choice).
    PathEntry {
        /// What the path is for.
        purpose: PickPurpose,
        /// The text typed so far.
        text: String,
        /// Why the dialog is shown.
        note: Option<String>,
    },
    /// Version, licence and data sources.
    About,
}

/// The title of the path dialog for `purpose`; a picture names what it shows.
pub fn path_title(purpose: PickPurpose, snapshot: Option<SnapshotTarget>, t: &'static Strings) -> &'static str {
    match purpose {
        PickPurpose::Open => t.open,
        PickPurpose::SaveAs => t.save_as,
        PickPurpose::ImportScenarios => t.import_scenarios,
        PickPurpose::ExportCsv => t.export_csv,
        PickPurpose::ExportScenarios => t.export_scenarios,
        PickPurpose::ExportXlsx => t.export_xlsx,
        PickPurpose::LoadBoundaries => t.load_boundaries,
        PickPurpose::ExportRanking => t.export_ranking,
        PickPurpose::ImportMeasuresTable => t.import_measures_table,
        PickPurpose::ImportRegionsTable => t.import_regions_table,
        PickPurpose::ExportMeasuresTable => t.export_measures_table,
        PickPurpose::ExportReport => t.export_report,
        PickPurpose::CompareWith => t.compare_menu,
        PickPurpose::MergeTheirs => t.merge_menu,
        PickPurpose::MergeBase => t.merge_choose_base,
        PickPurpose::ExportPicture => match snapshot {
            Some(SnapshotTarget::DomainPlot(_) | SnapshotTarget::CostPlot) => t.save_plot_png,
            Some(SnapshotTarget::Map) => t.save_map_png,
            Some(SnapshotTarget::SummaryPage) | None => t.export_summary_png,
        },
    }
}

/// Draws `dialog` as a modal window; `snapshot` is the picture a PNG path is asked for.
pub fn dialog_ui(dialog: &mut Dialog, ctx: &egui::Context, t: &'static Strings, snapshot: Option<SnapshotTarget>) -> Vec<Action> {
    let mut actions = Vec::new();
    // Escape closes what only informs or asks (as "Cancel" would); the question about unsaved
    // work of an earlier run must be answered.
    if !matches!(dialog, Dialog::Recover(_)) && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        return vec![Action::CloseDialog];
    }
    egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(720.0);
        match dialog {
            Dialog::UnsavedChanges(pending) => {
                ui.heading(t.unsaved_title);
                ui.label(t.unsaved_question);
                ui.horizontal(|ui| {
                    if ui.button(t.save).clicked() {
                        actions.extend([Action::CloseDialog, Action::SaveThen(pending.clone())]);
                    }
                    if ui.button(t.discard).clicked() {
                        actions.extend([Action::CloseDialog, Action::Perform(pending.clone())]);
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::LoadErrors(error) => {
                ui.heading(t.load_error_title);
                ui.label(egui::RichText::new(&error.file).monospace());
                ui.label(t.load_error_intro);
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    let empty = super::file_ops::empty_plan(t);
                    let plan = error.partial.as_deref().unwrap_or(&empty);
                    // The reason first: a file that is no plan has many "unknown field" warnings.
                    let (errors, warnings): (Vec<_>, Vec<_>) = error.issues.iter().partition(|i| i.is_error());
                    for issue in errors.into_iter().chain(warnings) {
                        let color =
                            if issue.is_error() { crate::ui::contrast::error_text(ui) } else { ui.visuals().text_color() };
                        let text = super::field_label::issue_text(issue, plan, t.lang);
                        ui.label(egui::RichText::new(text).color(color));
                    }
                });
                if ui.button(t.close).clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::Recover(found) => {
                ui.heading(t.recover_title);
                ui.label(t.recover_question);
                let name = if found.display_name.is_empty() { "—" } else { found.display_name.as_str() };
                ui.label(egui::RichText::new(format!("{name}  ({})", found.written_at)).strong());
                if let Some(source) = &found.source {
                    ui.label(egui::RichText::new(source.display().to_string()).monospace());
                }
                ui.horizontal(|ui| {
                    if ui.button(t.recover_restore).clicked() {
                        actions.push(Action::RestoreRecovered);
                    }
                    if ui.button(t.recover_discard).clicked() {
                        actions.push(Action::DiscardRecovered);
                    }
                });
            }
            Dialog::Notice(title, lines) => {
                ui.heading(title.as_str());
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for line in lines.iter() {
                        ui.label(line);
                    }
                });
                if ui.button(t.close).clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::SaveError(message) => {
                ui.heading(t.save_error_title);
                ui.label(message.as_str());
                if ui.button(t.close).clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::About => {
                about_ui(ui, t);
                if ui.button(t.close).clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::PathEntry { purpose, text, note } => {
                let purpose = *purpose;
                ui.heading(path_title(purpose, snapshot, t));
                if let Some(note) = note {
                    ui.label(note.as_str());
                }
                let response = ui.add(egui::TextEdit::singleline(text).hint_text(t.path).desired_width(560.0));
                // Read before the focus is asked back below: Enter gives the field's focus up.
                let mut confirmed = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                // The field has the keyboard when the dialog opens: type the path, press Enter.
                if !confirmed && !ui.ctx().memory(|m| m.focused().is_some()) {
                    response.request_focus();
                }
                let typed = text.clone();
                response.widget_info(|| {
                    let mut info = egui::WidgetInfo::text_edit(true, "", &typed, t.path);
                    info.label = Some(t.path.to_owned());
                    info
                });
                ui.horizontal(|ui| {
                    let label = if purpose.is_save() { t.save } else { t.open };
                    confirmed |= ui.button(label).clicked();
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
                if confirmed && !text.trim().is_empty() {
                    actions.extend([Action::CloseDialog, Action::UsePath(purpose, PathBuf::from(text.trim()))]);
                }
            }
        }
    });
    actions
}

/// The lines of the about dialog: version, licence, data sources.
pub fn about_lines(t: &Strings) -> Vec<String> {
    vec![
        format!("{}: {}", t.about_version, env!("CARGO_PKG_VERSION")),
        format!("{}: MIT OR Apache-2.0", t.about_licence),
        format!("{}:", t.about_sources),
        t.about_population.to_owned(),
        t.about_centres.to_owned(),
    ]
}

fn about_ui(ui: &mut egui::Ui, t: &Strings) {
    ui.heading(t.about_title);
    for line in about_lines(t) {
        ui.add(egui::Label::new(line).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_unsaved_changes_dialog_answers_with_actions() {
        let mut harness = Harness::builder().with_size([1000.0, 600.0]).build_ui_state(
            |ui, state: &mut (Dialog, Vec<Action>)| {
                let actions = dialog_ui(&mut state.0, ui.ctx(), super::super::i18n::Language::German.strings(), None);
                state.1.extend(actions);
            },
            (Dialog::UnsavedChanges(PendingAction::New), Vec::new()),
        );
        harness.run();
        harness.get_by_label("Verwerfen").click();
        harness.run();
        assert_eq!(harness.state().1, vec![Action::CloseDialog, Action::Perform(PendingAction::New)]);
    }

    /// Issue 21 point 7: where no file dialog exists, Enter in the path field confirms the path
    /// (boundaries, table import, export), as the mouse on the button does.
    #[test]
    fn enter_in_the_path_field_uses_the_typed_path() {
        for purpose in [PickPurpose::LoadBoundaries, PickPurpose::ImportMeasuresTable, PickPurpose::ExportXlsx] {
            let dialog = Dialog::PathEntry { purpose, text: String::new(), note: None };
            let mut harness = Harness::builder().with_size([1000.0, 600.0]).build_ui_state(
                |ui, state: &mut (Dialog, Vec<Action>)| {
                    let actions = dialog_ui(&mut state.0, ui.ctx(), super::super::i18n::Language::German.strings(), None);
                    state.1.extend(actions);
                },
                (dialog, Vec::new()),
            );
            harness.run();
            harness.get_by_label("Pfad").type_text("/tmp/kreise.geojson");
            harness.run();
            harness.key_press(egui::Key::Enter);
            harness.run();
            assert_eq!(
                harness.state().1,
                vec![Action::CloseDialog, Action::UsePath(purpose, PathBuf::from("/tmp/kreise.geojson"))],
                "{purpose:?}"
            );
        }
    }
}
