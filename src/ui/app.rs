//! The application state and the main window: top bar, editors beside the plots, dialogs.

use super::document::{Command, Document};
use super::files::{PendingPick, PickOutcome, PickPurpose, with_default_extension};
use super::i18n::{Language, Strings};
use super::panels;
use super::settings::Settings;
use super::snapshot::{PendingSnapshot, SnapshotTarget};
use crate::engine::{Results, simulate};
use crate::io::{LoadError, Recovered, RecoveryFile, load_file, save_plan};
use crate::issue::Issue;
use crate::model::Plan;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Which editor the side panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The measures table.
    Measures,
    /// The scenario editor.
    Scenarios,
    /// Regions and distribution key.
    Regions,
    /// Domains and their rates.
    Domains,
}

/// Size of the model (regions × months × scenarios × domains) from which it is computed on a
/// background thread: about 4 million cells take 20 ms in a release build, more than a frame.
pub const BACKGROUND_WORK: usize = 1_000_000;

/// The size of the model of `plan` in cells (at least 1 per scenario and month).
pub fn model_work(plan: &Plan) -> usize {
    plan.regions.len().max(1) * plan.horizon.months as usize * plan.scenarios.len().max(1) * plan.domains.len().max(1)
        + plan.measures.len() * plan.horizon.months as usize
}

/// A computation of the model running on another thread.
struct BackgroundRun {
    /// The plan revision being computed.
    revision: u64,
    /// Receives the results and validation issues.
    receiver: std::sync::mpsc::Receiver<(Results, Vec<Issue>)>,
}

/// Frames to wait for a screenshot before saying that none came (about 10 s at 60 fps).
pub const SNAPSHOT_PATIENCE_FRAMES: u32 = 600;

/// Seconds between two writes of the recovery file while there are unsaved changes.
pub const RECOVERY_INTERVAL_SECONDS: f64 = 30.0;

/// What the user wanted to do when the unsaved-changes question came up.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingAction {
    /// Close the window.
    Close,
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    ChooseFileToOpen,
    /// Start a new plan.
    New,
    /// Open the built-in sample.
    OpenSample,
}

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
}

/// Filter and sort state of the measures table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeasureView {
    /// Free text filter on name, id and notes.
    pub text: String,
    /// Only this domain id.
    pub domain: Option<String>,
    /// Only this region (`Some(None)` = state-wide only).
    pub region: Option<Option<String>>,
    /// Only this funding state.
    pub funding: Option<crate::model::Funding>,
    /// Sort column and ascending flag.
    pub sort: Option<(panels::measures::SortColumn, bool)>,
}

/// What the user is looking at.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Side panel tab.
    pub tab: Tab,
    /// The scenario whose shortage is shaded and whose indicators lead.
    pub scenario_id: String,
    /// Further scenarios drawn for comparison.
    pub compared_ids: Vec<String>,
    /// `None` = the whole state, else a region id.
    pub region_id: Option<String>,
    /// Measures table filter and sort.
    pub measures: MeasureView,
    /// Scenario selected in the scenario editor.
    pub edited_scenario: usize,
    /// Set for one frame to reset the plot views.
    pub reset_plots: bool,
    /// Presentation mode: large text, high contrast, what-if controls, editing hidden.
    pub presentation: bool,
}

/// The whole application state; `show` draws it into any `Ui` (window or test harness).
pub struct App {
    /// The open plan.
    pub doc: Document,
    /// Results of all scenarios for `doc.revision`.
    pub results: Results,
    /// Validation issues of the current plan.
    pub issues: Vec<Issue>,
    /// Persisted settings.
    pub settings: Settings,
    /// What is shown.
    pub view: ViewState,
    /// The open dialog, if any.
    pub dialog: Option<Dialog>,
    /// Texts typed into cells that do not parse yet, by field path.
    pub drafts: HashMap<String, String>,
    /// Warnings of the last load, shown until dismissed.
    pub load_warnings: Vec<Issue>,
    /// How often the model was computed (for tests and the status bar).
    pub recompute_count: u64,
    computed_revision: u64,
    /// Where each plot was drawn in the last frame (for pictures of one plot).
    pub plot_rects: HashMap<SnapshotTarget, egui::Rect>,
    /// A picture being taken.
    pub snapshot: Option<PendingSnapshot>,
    /// Frames to wait for a screenshot before saying that none came.
    pub snapshot_patience_frames: u32,
    snapshot_choice: Option<SnapshotTarget>,
    before_presentation: Option<(f32, bool)>,
    background: Option<BackgroundRun>,
    recovery: Option<RecoveryFile>,
    recovery_written: Option<(f64, u64)>,
    pending_pick: Option<PendingPick>,
    allow_close: bool,
    shown_title: String,
    status: Option<String>,
}

impl App {
    /// An app on `plan`, with settings as remembered.
    pub fn new(plan: Plan, path: Option<PathBuf>, display_name: String, settings: Settings) -> Self {
        let doc = Document::new(plan, path, display_name);
        let scenario_id = doc.plan.scenarios.first().map(|s| s.id.clone()).unwrap_or_default();
        let compared_ids = doc.plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let mut app = App {
            results: simulate(&doc.plan),
            issues: crate::validate::validate(&doc.plan),
            doc,
            settings,
            view: ViewState {
                tab: Tab::Measures,
                scenario_id,
                compared_ids,
                region_id: None,
                measures: MeasureView::default(),
                edited_scenario: 0,
                reset_plots: false,
                presentation: false,
            },
            dialog: None,
            drafts: HashMap::new(),
            load_warnings: Vec::new(),
            recompute_count: 1,
            computed_revision: 0,
            plot_rects: HashMap::new(),
            snapshot: None,
            snapshot_patience_frames: SNAPSHOT_PATIENCE_FRAMES,
            snapshot_choice: None,
            before_presentation: None,
            background: None,
            recovery: None,
            recovery_written: None,
            pending_pick: None,
            allow_close: false,
            shown_title: String::new(),
            status: None,
        };
        app.computed_revision = app.doc.revision;
        app
    }

    /// An app on the built-in sample plan.
    pub fn with_sample(settings: Settings) -> Self {
        match crate::sample::nrw_2025() {
            Ok(loaded) => App::new(loaded.plan, None, crate::sample::NRW_2025_NAME.to_owned(), settings),
            Err(error) => {
                // The sample is tested to load; should it ever fail, show why over an empty plan.
                let mut app = App::new(empty_plan(), None, "—".to_owned(), settings);
                app.dialog = Some(Dialog::LoadErrors(error));
                app
            }
        }
    }

    /// Keeps unsaved work in `file` from now on; if it holds work of an earlier run, asks
    /// whether to restore it (nothing is written or removed until the user has answered).
    pub fn with_recovery(mut self, file: RecoveryFile) -> Self {
        if let Some(found) = file.read() {
            self.dialog = Some(Dialog::Recover(Box::new(found)));
        }
        self.recovery = Some(file);
        self
    }

    /// Writes unsaved changes to the recovery file at most every [`RECOVERY_INTERVAL_SECONDS`]
    /// (`now` in seconds), and removes the file once nothing is unsaved.
    pub fn keep_recovery(&mut self, now: f64) {
        let Some(file) = &self.recovery else { return };
        if matches!(self.dialog, Some(Dialog::Recover(_))) {
            return;
        }
        if !self.doc.is_dirty() {
            if self.recovery_written.take().is_some() {
                file.remove();
            }
            return;
        }
        let due = match self.recovery_written {
            None => true,
            Some((at, revision)) => revision != self.doc.revision && now - at >= RECOVERY_INTERVAL_SECONDS,
        };
        if due {
            // A failed write is retried at the next interval; the document itself is untouched.
            let written = file.write(&self.doc.plan, self.doc.path.as_deref(), &self.doc.display_name);
            self.recovery_written = Some((now, if written.is_ok() { self.doc.revision } else { 0 }));
        }
    }

    /// Throws the recovery file away (after a save, a discard or a restore that was declined).
    fn drop_recovery(&mut self) {
        if let Some(file) = &self.recovery {
            file.remove();
        }
        self.recovery_written = None;
    }

    /// Opens recovered work as an unsaved document.
    fn restore(&mut self, found: Recovered) {
        let name = if found.display_name.is_empty() { "wiederhergestellt.json".to_owned() } else { found.display_name };
        self.replace_document(found.plan, found.source, name, Vec::new());
        self.doc.mark_unsaved();
        self.status = Some(self.strings().recovered_status.to_owned());
    }

    /// The texts of the current language.
    pub fn strings(&self) -> &'static Strings {
        self.settings.language.strings()
    }

    /// Applies a change of the plan (the one way the UI edits it).
    pub fn apply(&mut self, command: Command) {
        let structural = matches!(
            command,
            Command::InsertMeasure(..) | Command::DeleteMeasure(_) | Command::InsertScenario(..) | Command::DeleteScenario(_)
        );
        if self.doc.apply(command) && structural {
            self.drafts.clear();
        }
        self.sync_view_to_plan();
    }

    /// Undo the last change.
    pub fn undo(&mut self) {
        if self.doc.undo() {
            self.drafts.clear();
            self.sync_view_to_plan();
        }
    }

    /// Redo the last undone change.
    pub fn redo(&mut self) {
        if self.doc.redo() {
            self.drafts.clear();
            self.sync_view_to_plan();
        }
    }

    /// Recomputes results and validation if the plan changed since the last computation: at once
    /// for plans that take less than a frame, else on a background thread while the window
    /// goes on showing the previous results (see [`App::is_updating`]).
    pub fn refresh_results(&mut self) {
        if let Some(run) = &self.background
            && let Ok((results, issues)) = run.receiver.try_recv()
        {
            let revision = run.revision;
            self.background = None;
            self.install_results(results, issues, revision);
        }
        if self.computed_revision == self.doc.revision || self.background.is_some() {
            return;
        }
        if model_work(&self.doc.plan) < BACKGROUND_WORK {
            let results = simulate(&self.doc.plan);
            let issues = crate::validate::validate(&self.doc.plan);
            self.install_results(results, issues, self.doc.revision);
        } else {
            let plan = self.doc.plan.clone();
            let (sender, receiver) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = sender.send((simulate(&plan), crate::validate::validate(&plan)));
            });
            self.background = Some(BackgroundRun { revision: self.doc.revision, receiver });
        }
    }

    /// Enters or leaves presentation mode; leaving restores zoom, theme and layout.
    pub fn set_presentation(&mut self, on: bool, ctx: &egui::Context) {
        if on == self.view.presentation {
            return;
        }
        if on {
            self.before_presentation = Some((ctx.zoom_factor(), self.settings.dark));
            ctx.set_zoom_factor(super::theme::PRESENTATION_ZOOM);
            self.settings.dark = false;
            ctx.set_visuals_of(egui::Theme::Light, super::theme::presentation_visuals());
        } else {
            let (zoom, dark) = self.before_presentation.take().unwrap_or((1.0, false));
            ctx.set_zoom_factor(zoom);
            self.settings.dark = dark;
            ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.view.presentation = on;
        self.view.reset_plots = true;
    }

    /// Whether results for a newer state of the plan are being computed.
    pub fn is_updating(&self) -> bool {
        self.background.is_some()
    }

    fn install_results(&mut self, results: Results, issues: Vec<Issue>, revision: u64) {
        self.results = results;
        self.issues = issues;
        self.computed_revision = revision;
        self.recompute_count += 1;
    }

    /// Keeps selections pointing at things the plan still has.
    fn sync_view_to_plan(&mut self) {
        let plan = &self.doc.plan;
        if !plan.scenarios.iter().any(|s| s.id == self.view.scenario_id) {
            self.view.scenario_id = plan.scenarios.first().map(|s| s.id.clone()).unwrap_or_default();
        }
        self.view.compared_ids.retain(|id| plan.scenarios.iter().any(|s| s.id == *id));
        if let Some(region) = &self.view.region_id
            && !plan.regions.iter().any(|r| r.id == *region)
        {
            self.view.region_id = None;
        }
        if self.view.edited_scenario >= plan.scenarios.len() {
            self.view.edited_scenario = plan.scenarios.len().saturating_sub(1);
        }
    }

    /// Replaces the document by a freshly loaded one.
    fn replace_document(&mut self, plan: Plan, path: Option<PathBuf>, display_name: String, warnings: Vec<Issue>) {
        let settings = self.settings.clone();
        let tab = self.view.tab;
        let recovery = self.recovery.take();
        let recovery_written = self.recovery_written.take();
        *self = App::new(plan, path, display_name, settings);
        self.view.tab = tab;
        self.recovery = recovery;
        self.recovery_written = recovery_written;
        self.load_warnings = warnings;
    }

    /// Opens `path`, or shows every error and keeps the open plan.
    pub fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.settings.remember(path);
                self.replace_document(loaded.plan, Some(path.to_path_buf()), name, loaded.warnings);
            }
            Err(error) => self.dialog = Some(Dialog::LoadErrors(error)),
        }
    }

    /// Saves to `path`; on failure the dialog says why and the document stays dirty.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match save_plan(&self.doc.plan, path) {
            Ok(()) => {
                self.doc.mark_saved(path.to_path_buf());
                self.drop_recovery();
                self.settings.remember(path);
                self.status = Some(format!("{}: {}", self.strings().saved, path.display()));
                true
            }
            Err(error) => {
                self.dialog = Some(Dialog::SaveError(error.to_string()));
                false
            }
        }
    }

    /// Save: to the current file, or ask where.
    pub fn save(&mut self, ctx: &egui::Context) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.start_pick(PickPurpose::SaveAs, ctx);
                false
            }
        }
    }

    /// Runs `action` now, or first asks about unsaved changes.
    pub fn request(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges(action));
        } else {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::Close => {
                // Reached only with nothing unsaved or after "Discard".
                self.drop_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            PendingAction::Open(path) => self.open_path(&path),
            PendingAction::ChooseFileToOpen => self.start_pick(PickPurpose::Open, ctx),
            PendingAction::New => {
                let name = if self.settings.language == Language::German { "neuer-plan.json" } else { "new-plan.json" };
                self.replace_document(empty_plan(), None, name.to_owned(), Vec::new());
            }
            PendingAction::OpenSample => {
                if let Ok(loaded) = crate::sample::nrw_2025() {
                    self.replace_document(loaded.plan, None, crate::sample::NRW_2025_NAME.to_owned(), loaded.warnings);
                }
            }
        }
    }

    fn start_pick(&mut self, purpose: PickPurpose, ctx: &egui::Context) {
        if self.pending_pick.is_none() {
            let stem = self.doc.display_name.trim_end_matches(".json");
            let suggested = match purpose {
                PickPurpose::ExportCsv => format!("{stem}-ergebnisse.csv"),
                PickPurpose::ExportScenarios => format!("{stem}-szenarien.json"),
                PickPurpose::ExportXlsx => format!("{stem}-ergebnisse.xlsx"),
                PickPurpose::ExportPng => super::snapshot::suggested_name(
                    stem,
                    self.snapshot_choice.unwrap_or(SnapshotTarget::SummaryPage),
                    &self.results.domain_ids,
                ),
                _ => self.doc.display_name.clone(),
            };
            self.pending_pick = Some(PendingPick::start(purpose, &suggested, ctx.clone()));
        }
    }

    /// Writes the results of all scenarios as CSV for German Excel (`;`, decimal comma, BOM).
    pub fn export_csv(&mut self, path: &Path) -> bool {
        let mut bytes = Vec::new();
        let written = crate::io::write_results_csv(&self.results, crate::io::CsvDialect::German, &mut bytes)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|()| crate::io::write_atomically(path, &bytes, false).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Asks where to save a picture of `target`, then takes it.
    pub fn ask_snapshot(&mut self, target: SnapshotTarget, ctx: &egui::Context) {
        self.snapshot_choice = Some(target);
        self.start_pick(PickPurpose::ExportPng, ctx);
    }

    /// Takes a picture of `target` and saves it at `path` (PNG) over the next frames.
    pub fn take_snapshot(&mut self, target: SnapshotTarget, path: &Path) {
        self.snapshot = Some(PendingSnapshot::new(target, with_default_extension(path.to_path_buf(), "png")));
    }

    /// Drives a pending picture: lets the summary page settle, requests the screenshot, and
    /// reports the outcome. Gives up when no image arrives (no renderer).
    fn drive_snapshot(&mut self, ctx: &egui::Context) {
        let failed_message = self.strings().snapshot_failed;
        let Some(snapshot) = &mut self.snapshot else { return };
        snapshot.frames += 1;
        ctx.request_repaint();
        if !snapshot.requested && snapshot.frames >= 3 {
            let area = match snapshot.target {
                SnapshotTarget::SummaryPage => None,
                target => self.plot_rects.get(&target).copied(),
            };
            snapshot.request(ctx, area);
            return;
        }
        let outcome = match snapshot.poll() {
            Some(outcome) => outcome,
            None if snapshot.frames > self.snapshot_patience_frames => Err(failed_message.to_owned()),
            None => return,
        };
        let path = snapshot.path.clone();
        self.snapshot = None;
        self.report_export(&path, outcome);
    }

    /// Whether the one-page summary is being drawn for a picture.
    pub fn showing_summary_page(&self) -> bool {
        self.snapshot.as_ref().is_some_and(|s| s.target == SnapshotTarget::SummaryPage)
    }

    /// The one-page summary for slides: title, scenarios, plots, indicators; no controls.
    fn summary_page_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        egui::Panel::top("summary_title").show(ui, |ui| {
            ui.heading(egui::RichText::new(&self.doc.plan.meta.title).size(26.0).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}:", t.summary_scenarios)).strong());
                for (index, scenario) in self.doc.plan.scenarios.iter().enumerate() {
                    if self.view.compared_ids.contains(&scenario.id) {
                        let color = super::theme::scenario_color(scenario.color.as_deref(), index);
                        ui.label(egui::RichText::new(format!("■ {}", scenario.name)).color(color).strong());
                    }
                }
                let date = chrono::Local::now().format("%d.%m.%Y").to_string();
                ui.label(format!("· {date}"));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            // Plots on the left, indicators on the right, both of fixed size: one page.
            let size = ui.available_size();
            let (width, height) = (size.x.max(400.0), size.y.max(300.0));
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(egui::vec2(width * 0.6, height), egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.set_max_height(height);
                    panels::plots::plots_ui(self, ui);
                });
                ui.separator();
                ui.allocate_ui_with_layout(
                    egui::vec2(width * 0.4 - 20.0, height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_max_height(height);
                        panels::indicators::indicators_ui(self, ui);
                    },
                );
            });
        });
    }

    /// Writes the results as an Excel workbook (summary sheet, one sheet per scenario).
    pub fn export_xlsx(&mut self, path: &Path) -> bool {
        let written = crate::io::save_results_xlsx(&self.results, path).map_err(|e| e.to_string());
        self.report_export(path, written)
    }

    /// Writes the scenarios shown in the plots as a plan file for a colleague.
    pub fn export_scenarios(&mut self, path: &Path) -> bool {
        let plan = crate::exchange::plan_with_scenarios(&self.doc.plan, &self.view.compared_ids);
        let written = save_plan(&plan, path).map_err(|e| e.to_string());
        self.report_export(path, written)
    }

    fn report_export(&mut self, path: &Path, written: Result<(), String>) -> bool {
        let t = self.strings();
        match written {
            Ok(()) => {
                self.status = Some(format!("{}: {}", t.exported, path.display()));
                true
            }
            Err(message) => {
                self.dialog = Some(Dialog::Notice(t.export_error_title.to_owned(), vec![message]));
                false
            }
        }
    }

    /// Adds the scenarios of the plan file at `path` (one undoable change) and says what had to
    /// be adapted; a file that does not load shows its errors and changes nothing.
    pub fn import_scenarios_from(&mut self, path: &Path) {
        let source = match load_file(path) {
            Ok(loaded) => loaded.plan,
            Err(error) => {
                self.dialog = Some(Dialog::LoadErrors(error));
                return;
            }
        };
        let (scenarios, report) = crate::exchange::import_scenarios(&self.doc.plan, &source);
        let t = self.strings();
        let count = scenarios.len();
        for scenario in &scenarios {
            if !self.view.compared_ids.contains(&scenario.id) {
                self.view.compared_ids.push(scenario.id.clone());
            }
        }
        self.apply(Command::AppendScenarios(scenarios));
        self.status = Some(format!("{}: {count}", t.imported_scenarios));
        if !report.is_empty() {
            let mut lines: Vec<String> =
                report.renamed.iter().map(|(old, new)| format!("{}: {old} » {new}", t.renamed_scenario)).collect();
            lines.extend(
                report
                    .dropped_measures_off
                    .iter()
                    .map(|(scenario, measure)| format!("{}: {scenario}: {measure}", t.dropped_measure_off)),
            );
            self.dialog = Some(Dialog::Notice(t.import_notice_title.to_owned(), lines));
        }
    }

    fn poll_pick(&mut self, ctx: &egui::Context) {
        let Some(outcome) = self.pending_pick.as_ref().and_then(PendingPick::poll) else { return };
        let purpose = self.pending_pick.take().map_or(PickPurpose::Open, |p| p.purpose);
        match outcome {
            PickOutcome::Chosen(path) => self.use_picked_path(purpose, path, ctx),
            PickOutcome::Cancelled => {}
            PickOutcome::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose,
                    text: String::new(),
                    note: Some(self.strings().no_file_dialog.to_owned()),
                });
            }
        }
    }

    fn use_picked_path(&mut self, purpose: PickPurpose, path: PathBuf, _ctx: &egui::Context) {
        match purpose {
            PickPurpose::Open => self.open_path(&path),
            PickPurpose::SaveAs => {
                let path = with_default_extension(path, "json");
                self.save_to(&path);
            }
            PickPurpose::ImportScenarios => self.import_scenarios_from(&path),
            PickPurpose::ExportCsv => {
                let path = with_default_extension(path, "csv");
                self.export_csv(&path);
            }
            PickPurpose::ExportScenarios => {
                let path = with_default_extension(path, "json");
                self.export_scenarios(&path);
            }
            PickPurpose::ExportPng => {
                let target = self.snapshot_choice.take().unwrap_or(SnapshotTarget::SummaryPage);
                self.take_snapshot(target, &path);
            }
            PickPurpose::ExportXlsx => {
                let path = with_default_extension(path, "xlsx");
                self.export_xlsx(&path);
            }
        }
    }

    /// Draws the whole app into `ui` (the window's root, or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        self.poll_pick(&ctx);
        self.refresh_results();
        if self.is_updating() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        self.keep_recovery(ctx.input(|i| i.time));
        if self.doc.is_dirty() && self.recovery.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(RECOVERY_INTERVAL_SECONDS));
        }
        self.update_title(&ctx);

        self.drive_snapshot(&ctx);
        if self.showing_summary_page() {
            self.summary_page_ui(ui);
            self.view.reset_plots = false;
            return;
        }
        if self.view.presentation {
            self.presentation_ui(ui);
            self.dialog_ui(&ctx);
            self.view.reset_plots = false;
            return;
        }
        self.settings.zoom = ctx.zoom_factor();
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        let editors_width = (ui.available_width() * 0.42).max(320.0);
        egui::Panel::left("editors")
            .resizable(true)
            .default_size(editors_width)
            .min_size(320.0)
            .max_size(ui.available_width() * 0.75)
            .show(ui, |ui| {
                egui::ScrollArea::horizontal().id_salt("editors_scroll").show(ui, |ui| self.editors_ui(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::Panel::bottom("indicators").resizable(true).default_size(300.0).min_size(120.0).show(ui, |ui| {
                egui::ScrollArea::both().id_salt("indicators_scroll").show(ui, |ui| panels::indicators::indicators_ui(self, ui));
            });
            panels::plots::plots_ui(self, ui);
        });
        self.dialog_ui(&ctx);
        self.view.reset_plots = false;
    }

    /// The window in presentation mode: a slim top bar, what-if controls, the plots.
    fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(egui::Theme::Light);
        egui::Panel::top("presentation_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let t = self.strings();
                if ui.button(egui::RichText::new(t.leave_presentation).strong()).clicked() {
                    self.set_presentation(false, &ctx);
                }
                ui.separator();
                ui.label(egui::RichText::new(&self.doc.plan.meta.title).strong());
                ui.separator();
                self.region_selector_ui(ui);
            });
        });
        egui::Panel::left("what_if").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
            panels::presentation::what_if_ui(self, ui);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::Panel::bottom("presentation_indicators").resizable(true).default_size(170.0).show(ui, |ui| {
                egui::ScrollArea::both().id_salt("indicators_scroll").show(ui, |ui| panels::indicators::indicators_ui(self, ui));
            });
            panels::plots::plots_ui(self, ui);
        });
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
            self.set_presentation(!self.view.presentation, ctx);
        }
        use egui::{Key, KeyboardShortcut, Modifiers};
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let redo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let editing_text = ctx.memory(|m| m.focused().is_some());
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.save(ctx);
        }
        // Redo first: Ctrl+Shift+Z also matches a plain Ctrl+Z check that ignores Shift.
        if ctx.input_mut(|i| i.consume_shortcut(&redo_shift) || i.consume_shortcut(&redo)) {
            self.redo();
        } else if !editing_text && ctx.input_mut(|i| i.consume_shortcut(&undo)) {
            self.undo();
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.request(PendingAction::Open(path), ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges(PendingAction::Close));
        }
    }

    /// The window title: file name, unsaved marker, app name.
    pub fn window_title(&self) -> String {
        let marker = if self.doc.is_dirty() { "● " } else { "" };
        format!("{marker}{} – {}", self.doc.display_name, self.strings().app_name)
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                if ui.button(t.new_plan).clicked() {
                    self.request(PendingAction::New, &ctx);
                }
                if ui.button(t.open).clicked() {
                    self.request(PendingAction::ChooseFileToOpen, &ctx);
                }
                if ui.button(format!("{} ({})", t.path, t.open)).clicked() {
                    self.dialog = Some(Dialog::PathEntry { purpose: PickPurpose::Open, text: String::new(), note: None });
                }
                if ui.button(t.open_sample).clicked() {
                    self.request(PendingAction::OpenSample, &ctx);
                }
                ui.menu_button(t.recent_files, |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label(t.no_recent_files);
                    }
                    for path in self.settings.recent_files.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request(PendingAction::Open(path), &ctx);
                        }
                    }
                });
                ui.separator();
                if ui.add(egui::Button::new(t.save).shortcut_text("Ctrl+S")).clicked() {
                    self.save(&ctx);
                }
                if ui.button(t.save_as).clicked() {
                    self.start_pick(PickPurpose::SaveAs, &ctx);
                }
                if ui.button(format!("{} ({})", t.path, t.save_as)).clicked() {
                    let text = self.doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                    self.dialog = Some(Dialog::PathEntry { purpose: PickPurpose::SaveAs, text, note: None });
                }
                ui.separator();
                if ui.button(t.export_csv).clicked() {
                    self.start_pick(PickPurpose::ExportCsv, &ctx);
                }
                if ui.button(t.export_xlsx).clicked() {
                    self.start_pick(PickPurpose::ExportXlsx, &ctx);
                }
                if ui.button(t.export_summary_png).clicked() {
                    self.ask_snapshot(SnapshotTarget::SummaryPage, &ctx);
                }
                if ui.button(t.export_scenarios).clicked() {
                    self.start_pick(PickPurpose::ExportScenarios, &ctx);
                }
                if ui.button(t.import_scenarios).clicked() {
                    self.start_pick(PickPurpose::ImportScenarios, &ctx);
                }
                ui.separator();
                if ui.button(t.quit).clicked() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button(t.menu_edit, |ui| {
                if ui.add_enabled(self.doc.can_undo(), egui::Button::new(t.undo).shortcut_text("Ctrl+Z")).clicked() {
                    self.undo();
                }
                if ui.add_enabled(self.doc.can_redo(), egui::Button::new(t.redo).shortcut_text("Ctrl+Y")).clicked() {
                    self.redo();
                }
            });
            ui.menu_button(t.menu_view, |ui| {
                ui.label(t.language);
                ui.radio_value(&mut self.settings.language, Language::German, "Deutsch");
                ui.radio_value(&mut self.settings.language, Language::English, "English");
                ui.separator();
                if ui.radio(!self.settings.dark, t.light_theme).clicked() {
                    self.settings.dark = false;
                }
                if ui.radio(self.settings.dark, t.dark_theme).clicked() {
                    self.settings.dark = true;
                }
            });
            ui.separator();
            if ui.add_enabled(self.doc.can_undo(), egui::Button::new("⟲")).on_hover_text(t.undo).clicked() {
                self.undo();
            }
            if ui.add_enabled(self.doc.can_redo(), egui::Button::new("⟳")).on_hover_text(t.redo).clicked() {
                self.redo();
            }
            ui.separator();
            self.scenario_selector_ui(ui);
            ui.separator();
            self.region_selector_ui(ui);
            ui.separator();
            if ui.button(t.presentation).clicked() {
                self.set_presentation(true, &ctx);
            }
        });
        ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
    }

    fn scenario_selector_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        let current_name =
            self.doc.plan.scenarios.iter().find(|s| s.id == self.view.scenario_id).map(|s| s.name.clone()).unwrap_or_default();
        let scenarios = &self.doc.plan.scenarios;
        let chosen = &mut self.view.scenario_id;
        super::cells::labelled_combo(ui, "scenario_select", t.scenario, format!("{}: {current_name}", t.scenario), 280.0, |ui| {
            for scenario in scenarios {
                ui.selectable_value(chosen, scenario.id.clone(), &scenario.name);
            }
        });
        ui.menu_button(format!("{} …", t.shown_scenarios), |ui| {
            for (index, scenario) in self.doc.plan.scenarios.iter().enumerate() {
                let mut shown = self.view.compared_ids.contains(&scenario.id);
                let color = super::theme::scenario_color(scenario.color.as_deref(), index);
                if ui.checkbox(&mut shown, egui::RichText::new(&scenario.name).color(color)).changed() {
                    if shown {
                        self.view.compared_ids.push(scenario.id.clone());
                    } else {
                        self.view.compared_ids.retain(|id| *id != scenario.id);
                    }
                }
            }
        });
    }

    fn region_selector_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        let selected = match &self.view.region_id {
            None => t.whole_state.to_owned(),
            Some(id) => self.doc.plan.regions.iter().find(|r| r.id == *id).map_or_else(|| id.clone(), |r| r.name.clone()),
        };
        let mut regions: Vec<_> = self.doc.plan.regions.iter().collect();
        regions.sort_by(|a, b| a.name.cmp(&b.name));
        let chosen = &mut self.view.region_id;
        super::cells::labelled_combo(ui, "region_select", t.region, format!("{}: {selected}", t.region), 260.0, |ui| {
            ui.selectable_value(chosen, None, t.whole_state);
            for region in regions {
                ui.selectable_value(chosen, Some(region.id.clone()), &region.name);
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        ui.horizontal(|ui| {
            let errors = self.issues.iter().filter(|i| i.is_error()).count();
            if errors > 0 {
                let text = format!("⚠ {} ({errors})", t.plan_has_errors);
                ui.label(egui::RichText::new(text).color(super::theme::ERROR_RED).strong()).on_hover_text(
                    self.issues.iter().filter(|i| i.is_error()).take(20).map(|i| i.to_string()).collect::<Vec<_>>().join("\n"),
                );
            }
            if !self.load_warnings.is_empty() {
                let text = format!("ℹ {}: {}", t.load_warnings, self.load_warnings.len());
                if ui
                    .link(text)
                    .on_hover_text(self.load_warnings.iter().take(20).map(|i| i.to_string()).collect::<Vec<_>>().join("\n"))
                    .clicked()
                {
                    self.load_warnings.clear();
                }
            }
            if self.is_updating() {
                ui.spinner();
                ui.label(egui::RichText::new(t.updating_results).strong());
            }
            if let Some(status) = &self.status {
                ui.label(status);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let path = self.doc.path.as_ref().map_or_else(|| self.doc.display_name.clone(), |p| p.display().to_string());
                let marker = if self.doc.is_dirty() { format!(" ({})", t.unsaved_marker) } else { String::new() };
                ui.label(format!("{path}{marker}"));
            });
        });
    }

    fn editors_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.strings();
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.view.tab, Tab::Measures, t.tab_measures);
            ui.selectable_value(&mut self.view.tab, Tab::Scenarios, t.tab_scenarios);
            ui.selectable_value(&mut self.view.tab, Tab::Regions, t.tab_regions);
            ui.selectable_value(&mut self.view.tab, Tab::Domains, t.tab_domains);
        });
        ui.separator();
        match self.view.tab {
            Tab::Measures => panels::measures::measures_ui(self, ui),
            Tab::Scenarios => panels::scenarios::scenarios_ui(self, ui),
            Tab::Regions => panels::regions::regions_ui(self, ui),
            Tab::Domains => panels::domains::domains_ui(self, ui),
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else { return };
        let shown = self.dialog.clone();
        let t = self.strings();
        let mut close = false;
        egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(720.0);
            match dialog {
                Dialog::UnsavedChanges(action) => {
                    ui.heading(t.unsaved_title);
                    ui.label(t.unsaved_question);
                    ui.horizontal(|ui| {
                        if ui.button(t.save).clicked() {
                            close = true;
                            if self.doc.path.is_some() {
                                if self.save(ctx) {
                                    self.perform(action.clone(), ctx);
                                }
                            } else {
                                self.start_pick(PickPurpose::SaveAs, ctx);
                            }
                        }
                        if ui.button(t.discard).clicked() {
                            close = true;
                            self.perform(action.clone(), ctx);
                        }
                        if ui.button(t.cancel).clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::LoadErrors(error) => {
                    ui.heading(t.load_error_title);
                    ui.label(egui::RichText::new(&error.file).monospace());
                    ui.label(t.load_error_intro);
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        for issue in &error.issues {
                            let color = if issue.is_error() { super::theme::ERROR_RED } else { ui.visuals().text_color() };
                            ui.label(egui::RichText::new(issue.to_string()).color(color));
                        }
                    });
                    if ui.button(t.close).clicked() {
                        close = true;
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
                            close = true;
                            self.dialog = None;
                            self.restore(*found.clone());
                        }
                        if ui.button(t.recover_discard).clicked() {
                            close = true;
                            self.dialog = None;
                            self.drop_recovery();
                        }
                    });
                }
                Dialog::Notice(title, lines) => {
                    ui.heading(title);
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        for line in &lines {
                            ui.label(line);
                        }
                    });
                    if ui.button(t.close).clicked() {
                        close = true;
                    }
                }
                Dialog::SaveError(message) => {
                    ui.heading(t.save_error_title);
                    ui.label(message);
                    if ui.button(t.close).clicked() {
                        close = true;
                    }
                }
                Dialog::PathEntry { purpose, mut text, note } => {
                    let title = match purpose {
                        PickPurpose::Open => t.open,
                        PickPurpose::SaveAs => t.save_as,
                        PickPurpose::ImportScenarios => t.import_scenarios,
                        PickPurpose::ExportCsv => t.export_csv,
                        PickPurpose::ExportScenarios => t.export_scenarios,
                        PickPurpose::ExportXlsx => t.export_xlsx,
                        PickPurpose::ExportPng => match self.snapshot_choice {
                            Some(SnapshotTarget::DomainPlot(_) | SnapshotTarget::CostPlot) => t.save_plot_png,
                            _ => t.export_summary_png,
                        },
                    };
                    ui.heading(title);
                    if let Some(note) = &note {
                        ui.label(note);
                    }
                    let response = ui.add(egui::TextEdit::singleline(&mut text).hint_text(t.path).desired_width(560.0));
                    let typed = text.clone();
                    response.widget_info(|| {
                        let mut info = egui::WidgetInfo::text_edit(true, "", &typed, t.path);
                        info.label = Some(t.path.to_owned());
                        info
                    });
                    let mut confirmed = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let label = if purpose.is_save() { t.save } else { t.open };
                        confirmed |= ui.button(label).clicked();
                        if ui.button(t.cancel).clicked() {
                            close = true;
                        }
                    });
                    if confirmed && !text.trim().is_empty() {
                        close = true;
                        self.dialog = None;
                        self.use_picked_path(purpose, PathBuf::from(text.trim()), ctx);
                    } else if !close {
                        self.dialog = Some(Dialog::PathEntry { purpose, text, note });
                    }
                }
            }
        });
        if close && self.dialog == shown {
            self.dialog = None;
        }
    }
}

/// A minimal valid plan for "New": one region, the usual domains, one scenario.
pub fn empty_plan() -> Plan {
    use crate::model::*;
    let start = Month::new(2026, 1).unwrap_or_else(|| unreachable!("2026-01 is a month"));
    let domain = |id: &str, name: &str, unit: &str, rates: &[(&str, f64)], persons_per_unit: f64| Domain {
        id: id.into(),
        name: name.into(),
        unit: unit.into(),
        rates: rates.iter().map(|(band, rate)| ((*band).to_owned(), *rate)).collect(),
        persons_per_unit,
        extra: Extra::new(),
    };
    Plan {
        meta: Meta { title: "Neuer Plan".into(), ..Meta::default() },
        horizon: Horizon { start, months: 60, extra: Extra::new() },
        domains: vec![
            domain("kita", "Kita-Plätze", "Plätze", &[("1-2", 0.45), ("3-5", 0.9)], 1.0),
            domain("school", "Schulplätze", "Plätze", &[("6-17", 1.0)], 1.0),
            domain("housing", "Wohnungen", "Wohnungen", &[("0+", 1.0)], 3.0),
        ],
        regions: vec![Region {
            id: "region-1".into(),
            name: "Region 1".into(),
            population: 100_000.0,
            area_km2: 100.0,
            capacity: Vec::new(),
            extra: Extra::new(),
        }],
        distribution: Distribution::default(),
        measures: Vec::new(),
        scenarios: vec![Scenario {
            id: "basis".into(),
            name: "Basis".into(),
            arrivals: vec![ArrivalStep { from: start, per_month: 100.0, extra: Extra::new() }],
            arrival_factor: 1.0,
            age_distribution: vec![("0-2".into(), 0.08), ("3-5".into(), 0.07), ("6-17".into(), 0.2), ("18+".into(), 0.65)],
            leave_rate_per_year: 0.05,
            funding_included: Funding::ALL.to_vec(),
            measures_off: Vec::new(),
            color: None,
            extra: Extra::new(),
        }],
        budget: Vec::new(),
        extra: Extra::new(),
    }
}
