//! The application: a [`Session`] (plan, results, recovery), what is shown, the panels, and
//! [`App::handle`], the one place where an [`Action`] changes anything.
//!
//! Each frame: input and finished background work are taken in, the panels draw from a
//! read-only [`PanelCtx`] and return actions, and the actions are handled in order.

use super::action::{Action, CentralView, PendingAction, Tab};
use super::context::{PanelCtx, Selection};
use super::dialogs::{Dialog, dialog_ui};
use super::document::Command;
use super::files::PendingPick;
use super::panels::{Panel, Panels};
use super::session::{RECOVERY_INTERVAL_SECONDS, Session};
use super::settings::Settings;
use super::snapshot::{PendingSnapshot, SnapshotTarget};
use super::top_bar;
use crate::io::RecoveryFile;
use crate::model::Plan;
use std::path::PathBuf;

/// Frames to wait for a screenshot before saying that none came (about 10 s at 60 fps).
pub const SNAPSHOT_PATIENCE_FRAMES: u32 = 600;

/// The whole application state; `show` draws it into any `Ui` (window or test harness).
pub struct App {
    /// The open plan, its results and its recovery file.
    pub session: Session,
    /// Persisted settings.
    pub settings: Settings,
    /// Scenario, comparison and region shown.
    pub selection: Selection,
    /// The panels with their own view state.
    pub panels: Panels,
    /// The open dialog, if any.
    pub dialog: Option<Dialog>,
    /// A screenshot of the map being taken.
    pub snapshot: Option<PendingSnapshot>,
    /// Frames to wait for a screenshot before saying that none came.
    pub snapshot_patience_frames: u32,
    /// The picture a path is being asked for.
    pub(super) snapshot_choice: Option<SnapshotTarget>,
    /// A native file dialog that is open.
    pub(super) pending_pick: Option<PendingPick>,
    /// The last message of the status bar.
    pub(super) status: Option<String>,
    /// The egui context of the last frame (file dialogs and presentation mode need it).
    pub(super) egui_ctx: Option<egui::Context>,
    pub(super) tab: Tab,
    central: CentralView,
    /// In presentation mode: zoom, theme and chart choice to go back to.
    presentation: Option<(f32, bool, super::context::ChartFocus)>,
    allow_close: bool,
    shown_title: String,
    /// The widget whose drag or focus makes the current undo step (one gesture, one step).
    gesture: Option<egui::Id>,
    /// The dialog "Maßnahmen-Mix vorschlagen", when open.
    pub optimizer: Option<super::dialogs::optimize::OptimizerDialog>,
    /// What was chosen in that dialog when it was last closed (it opens again so).
    pub optimizer_choices: Option<super::dialogs::optimize::OptimizerChoices>,
    /// The table import dialog, when open.
    pub table_import: Option<super::dialogs::import::ImportDialog>,
    /// The compare window, when open.
    pub compare: Option<super::dialogs::compare::CompareDialog>,
    /// The merge dialog, when open.
    pub merge: Option<super::dialogs::merge::MergeDialog>,
    /// The last proposal adopted as a scenario (presentation mode can show it).
    pub proposal_id: Option<String>,
    /// Enter presentation mode in the first frame (`integrationsplan --presentation`).
    pub present_on_start: bool,
    /// Whether the window was checked against the screen it opened on.
    fitted_to_screen: bool,
}

impl App {
    /// An app on `plan`, with settings as remembered.
    pub fn new(plan: Plan, path: Option<PathBuf>, display_name: String, settings: Settings) -> Self {
        let session = Session::new(plan, path, display_name);
        App {
            selection: Selection::for_plan(session.plan()),
            session,
            settings,
            panels: Panels::default(),
            dialog: None,
            snapshot: None,
            snapshot_patience_frames: SNAPSHOT_PATIENCE_FRAMES,
            snapshot_choice: None,
            pending_pick: None,
            status: None,
            egui_ctx: None,
            tab: Tab::Measures,
            central: CentralView::default(),
            presentation: None,
            allow_close: false,
            shown_title: String::new(),
            gesture: None,
            optimizer: None,
            optimizer_choices: None,
            table_import: None,
            compare: None,
            merge: None,
            proposal_id: None,
            present_on_start: false,
            fitted_to_screen: false,
        }
    }

    /// An app on the built-in sample plan.
    pub fn with_sample(settings: Settings) -> Self {
        match crate::sample::nrw_2025() {
            Ok(loaded) => App::new(loaded.plan, None, crate::sample::NRW_2025_NAME.to_owned(), settings),
            Err(error) => {
                // The sample is tested to load; should it ever fail, show why over an empty plan.
                let empty = super::file_ops::empty_plan(settings.language.strings());
                let mut app = App::new(empty, None, "—".to_owned(), settings);
                app.dialog = Some(Dialog::LoadErrors(error));
                app
            }
        }
    }

    /// Keeps the versions saved and opened in `store` from now on (the plan open now included),
    /// so that a colleague's file merges without asking for the original.
    pub fn with_versions(mut self, store: crate::versions::VersionStore) -> Self {
        self.session.attach_versions(store);
        if self.session.doc().path.is_some() {
            self.session.keep_opened_version();
        }
        self
    }

    /// Keeps unsaved work in `file` from now on; if it holds work of an earlier run, asks
    /// whether to restore it (nothing is written or removed until the user has answered).
    pub fn with_recovery(mut self, file: RecoveryFile) -> Self {
        if let Some(found) = self.session.attach_recovery(file) {
            self.dialog = Some(Dialog::Recover(Box::new(found)));
        }
        self
    }

    /// The context panels draw from.
    pub fn panel_ctx(&self) -> PanelCtx<'_> {
        PanelCtx { presentation: self.is_presenting(), ..PanelCtx::new(&self.session, &self.selection, &self.settings) }
    }

    /// The editor shown in the side panel.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The picture a file path is being asked for, if any.
    pub fn snapshot_choice(&self) -> Option<SnapshotTarget> {
        self.snapshot_choice
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Carries out what the user asked for: the one place where the app changes.
    pub fn handle(&mut self, action: Action) {
        match action {
            Action::Edit(command) => self.edit(command, None),
            Action::EditGesture(command, id) => self.edit(command, Some(id)),
            Action::Undo => {
                if self.session.undo() {
                    self.after_history_step();
                }
            }
            Action::Redo => {
                if self.session.redo() {
                    self.after_history_step();
                }
            }
            Action::Request(pending) if self.session.doc().is_dirty() => {
                self.dialog = Some(Dialog::UnsavedChanges(pending));
            }
            Action::Request(pending) | Action::Perform(pending) => self.perform(pending),
            Action::Save => {
                self.save();
            }
            Action::SaveThen(pending) => {
                if self.save() {
                    self.perform(pending);
                }
            }
            Action::Pick(purpose) => self.start_pick(purpose),
            Action::TypePath(purpose, text) => {
                // An empty field for a file to write starts with the folder and name suggested.
                let text = if text.is_empty() { self.suggested_path(purpose) } else { text };
                self.dialog = Some(Dialog::PathEntry { purpose, text, note: None });
            }
            Action::UsePath(purpose, path) => self.use_picked_path(purpose, path),
            Action::AskSnapshot(target) => {
                self.snapshot_choice = Some(target);
                self.start_pick(super::files::PickPurpose::ExportPicture);
            }
            Action::SetPresentation(on) => self.set_presentation(on),
            Action::SelectScenario(id) => self.selection.scenario_id = id,
            Action::CompareScenario(id, shown) => {
                if !shown {
                    self.selection.compared_ids.retain(|c| *c != id);
                } else if !self.selection.compared_ids.contains(&id) {
                    self.selection.compared_ids.push(id);
                }
            }
            Action::SelectRegion(region) => self.selection.region_id = region,
            Action::FocusChart(focus) => self.selection.chart_focus = focus,
            Action::ShowTab(tab) => self.tab = tab,
            Action::GoToField(path) => self.go_to_field(&path),
            Action::ShowView(view) => self.central = view,
            Action::ShowFirstShortages(domain_index) => {
                self.central = CentralView::Map;
                self.panels.map.show_first_shortages(domain_index);
            }
            Action::SetLanguage(language) => {
                // A status was written in the old language ("Exportiert: …"): it goes with it.
                if language != self.settings.language {
                    self.status = None;
                }
                self.settings.language = language;
            }
            Action::SetDark(dark) => self.settings.dark = dark,
            Action::DismissLoadWarnings => self.session.dismiss_load_warnings(),
            Action::CloseDialog => self.dialog = None,
            Action::RestoreRecovered => {
                if let Some(Dialog::Recover(found)) = self.dialog.take() {
                    self.session.restore(*found, self.settings.language.strings().recovered_file);
                    self.after_replace();
                    self.status = Some(self.settings.language.strings().recovered_status.to_owned());
                }
            }
            Action::DiscardRecovered => {
                if matches!(self.dialog, Some(Dialog::Recover(_))) {
                    self.dialog = None;
                }
                self.session.drop_recovery();
            }
            Action::SetBoundaries(path) => self.settings.boundaries_path = path,
            Action::Quit => {
                if let Some(ctx) = &self.egui_ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Action::SetBands(on) => {
                self.settings.show_bands = on;
                if on {
                    self.session.resume_bands();
                }
            }
            Action::CancelBands => self.session.cancel_bands(),
            tool @ (Action::OpenOptimizer
            | Action::RunOptimizer
            | Action::CancelOptimizer
            | Action::AdoptProposal
            | Action::CloseOptimizer
            | Action::ChooseImportSheet(_)
            | Action::ApplyImport
            | Action::CloseImport
            | Action::ShowAbout) => self.handle_tool(tool),
            Action::GoToItem(target) => self.go_to_item(&target),
            Action::CloseCompare => self.compare = None,
            Action::ApplyMerge => self.apply_merge(),
            Action::CloseMerge => self.merge = None,
        }
    }

    /// The fan-chart runs the window wants: every drawn scenario while the bands are on.
    fn band_request(&self) -> Option<super::bands::BandRequest> {
        let selection = &self.selection;
        let mut scenario_ids = vec![selection.scenario_id.clone()];
        scenario_ids.extend(selection.compared_ids.iter().filter(|id| **id != selection.scenario_id).cloned());
        let (runs, seed) = (self.settings.band_runs, crate::engine::DEFAULT_SEED);
        self.settings.show_bands.then_some(super::bands::BandRequest { scenario_ids, runs, seed })
    }

    fn edit(&mut self, command: Command, gesture: Option<egui::Id>) {
        let structural = matches!(
            command,
            Command::InsertMeasure(..)
                | Command::DeleteMeasure(_)
                | Command::InsertScenario(..)
                | Command::DeleteScenario(_)
                | Command::ReplaceLists { .. }
                | Command::ReplacePlan(_)
        );
        self.gesture = gesture;
        let changed = match gesture {
            Some(id) => self.session.apply_in_gesture(command, id.value()),
            None => self.session.apply(command),
        };
        if changed && structural {
            // Drafts are kept by field path, and the paths of the rows after it have moved.
            self.panels.clear_drafts();
        }
        self.selection.follow(self.session.plan());
    }

    fn after_history_step(&mut self) {
        self.panels.clear_drafts();
        self.selection.follow(self.session.plan());
    }

    /// After a new plan was opened: selection and panels start afresh.
    pub(super) fn after_replace(&mut self) {
        self.selection = Selection::for_plan(self.session.plan());
        self.panels = Panels::default();
        self.status = None;
    }

    fn perform(&mut self, pending: PendingAction) {
        match pending {
            PendingAction::Close => {
                // Reached only with nothing unsaved or after "Discard".
                self.session.end_recovery();
                self.allow_close = true;
                if let Some(ctx) = &self.egui_ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            PendingAction::Open(path) => self.open_path(&path),
            PendingAction::ChooseFileToOpen => self.start_pick(super::files::PickPurpose::Open),
            PendingAction::New => {
                let t = self.settings.language.strings();
                self.session.replace(super::file_ops::empty_plan(t), None, t.new_plan_file.to_owned(), Vec::new());
                self.after_replace();
            }
            PendingAction::OpenSample => {
                if let Ok(loaded) = crate::sample::nrw_2025() {
                    let name = crate::sample::NRW_2025_NAME.to_owned();
                    self.session.replace(loaded.plan, None, name, loaded.warnings);
                    self.after_replace();
                }
            }
        }
    }

    /// Maximises the window at the start when its screen is smaller than the default window and
    /// its title bar (a 1280×720 or 1024×768 projector): eframe only limits the inner size, so
    /// the bottom with the status bar would hang below the screen.
    pub fn fit_window_to_screen(&mut self, ctx: &egui::Context) {
        if self.fitted_to_screen {
            return;
        }
        let Some(monitor) = ctx.input(|i| i.viewport().monitor_size) else { return };
        self.fitted_to_screen = true;
        let needed = super::DEFAULT_WINDOW_SIZE + super::theme::WINDOW_DECORATION_ROOM;
        if monitor.x < needed.x || monitor.y < needed.y {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// Enters or leaves presentation mode; leaving restores zoom, theme and layout.
    fn set_presentation(&mut self, on: bool) {
        let Some(ctx) = self.egui_ctx.clone() else { return };
        if on == self.is_presenting() {
            return;
        }
        if on {
            self.presentation = Some((ctx.zoom_factor(), self.settings.dark, self.selection.chart_focus.clone()));
            let zoom = fit_presentation_zoom(&ctx);
            super::theme::apply_text_sizes(&ctx, Some(zoom));
            // In front of a room one domain at a time, as large as the screen allows.
            if self.selection.chart_focus == super::context::ChartFocus::All
                && let Some(first) = self.session.plan().domains.first()
            {
                self.selection.chart_focus = super::context::ChartFocus::Domain(first.id.clone());
            }
            self.settings.dark = false;
            ctx.set_visuals_of(egui::Theme::Light, super::theme::presentation_visuals());
        } else {
            let (zoom, dark, focus) = self.presentation.take().unwrap_or((1.0, false, super::context::ChartFocus::All));
            ctx.set_zoom_factor(zoom);
            super::theme::apply_text_sizes(&ctx, None);
            self.selection.chart_focus = focus;
            self.settings.dark = dark;
            ctx.set_visuals_of(egui::Theme::Light, super::contrast::light_visuals());
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.panels.plots.reset_views();
    }

    /// Draws the whole app into `ui` (the window's root, or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.egui_ctx = Some(ctx.clone());
        super::theme::add_fallback_font(&ctx);
        if std::mem::take(&mut self.present_on_start) {
            self.handle(Action::SetPresentation(true));
        }
        for action in self.input_actions(&ctx) {
            self.handle(action);
        }
        self.poll_pick();
        self.session.refresh();
        self.session.refresh_bands(self.band_request().as_ref());
        if self.session.is_updating() || self.session.bands().is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        self.session.keep_recovery(ctx.input(|i| i.time));
        if self.session.doc().is_dirty() && self.session.has_recovery() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(RECOVERY_INTERVAL_SECONDS));
        }
        self.update_title(&ctx);

        self.drive_snapshot(&ctx);
        let mut actions = if self.is_presenting() {
            ctx.set_theme(egui::Theme::Light);
            self.presentation_ui(ui)
        } else {
            self.settings.zoom = ctx.zoom_factor();
            let actions = self.window_ui(ui);
            ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            actions
        };
        actions.extend(self.versions_dialogs_ui(&ctx));
        if let Some(dialog) = &mut self.dialog {
            let t = self.settings.language.strings();
            actions.extend(dialog_ui(dialog, &ctx, t, self.snapshot_choice));
        }
        actions.extend(self.tool_dialogs_ui(&ctx));
        for action in actions {
            self.handle(action);
        }
        self.end_finished_gesture(&ctx);
        super::contrast::focus_ring_ui(&ctx);
    }

    /// A gesture ends when its widget is let go: the pointer released, or (for arrow keys on
    /// a slider) the keyboard focus gone.
    fn end_finished_gesture(&mut self, ctx: &egui::Context) {
        let Some(id) = self.gesture else { return };
        let (down, released) = ctx.input(|i| (i.pointer.any_down(), i.pointer.any_released()));
        let held = !released && (down || ctx.memory(|m| m.has_focus(id)));
        if !held {
            self.gesture = None;
            self.session.end_gesture();
        }
    }

    /// The normal window: top bar, status bar, editors on the left, the central view.
    fn window_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let ctx = PanelCtx::new(&self.session, &self.selection, &self.settings);
        let panels = &mut self.panels;
        let (tab, central) = (self.tab, self.central);
        let mut actions = egui::Panel::top("top_bar").show(ui, |ui| top_bar::top_bar_ui(ui, &ctx)).inner;
        let status = self.status.as_deref();
        actions.extend(egui::Panel::bottom("status_bar").show(ui, |ui| top_bar::status_bar_ui(ui, &ctx, status)).inner);
        let window_width = ui.available_width();
        // The table gets room for its first columns, but the charts keep at least
        // CHARTS_MIN_WIDTH: on a 1024 px screen the plot would otherwise shrink to a strip.
        let editors_width = (window_width * 0.42)
            .max(super::theme::MEASURES_TABLE_ROOM)
            .min(window_width * super::theme::EDITORS_MAX_SHARE)
            .min(window_width - super::theme::CHARTS_MIN_WIDTH)
            .max(320.0);
        let editors = egui::Panel::left("editors")
            .resizable(true)
            .default_size(editors_width)
            .min_size(320.0)
            .max_size(ui.available_width() * 0.75)
            .show(ui, |ui| {
                egui::ScrollArea::horizontal().id_salt("editors_scroll").show(ui, |ui| editors_ui(ui, &ctx, panels, tab)).inner
            });
        actions.extend(editors.inner);
        let central = egui::CentralPanel::default().show(ui, |ui| {
            central_ui(ui, &ctx, panels, central, ("charts_plots", (ui.available_height() * 0.3).clamp(130.0, 300.0)))
        });
        actions.extend(central.inner);
        actions
    }

    /// The window in presentation mode: a slim top bar, what-if controls, the plots.
    fn presentation_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let presentation = self.is_presenting();
        let ctx = PanelCtx { presentation, ..PanelCtx::new(&self.session, &self.selection, &self.settings) };
        let panels = &mut self.panels;
        let proposal = self.proposal_id.clone();
        let view = self.central;
        let mut actions = egui::Panel::top("presentation_bar")
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let mut actions = Vec::new();
                    let t = ctx.strings();
                    if ui.button(egui::RichText::new(t.leave_presentation).strong()).clicked() {
                        actions.push(Action::SetPresentation(false));
                    }
                    ui.separator();
                    ui.label(egui::RichText::new(crate::format::elide(&ctx.plan().meta.title, 60)).strong())
                        .on_hover_text(&ctx.plan().meta.title);
                    ui.separator();
                    actions.extend(top_bar::region_selector_ui(ui, &ctx));
                    actions.extend(top_bar::proposal_toggle_ui(ui, &ctx, proposal.as_deref()));
                    // The view tabs up here: every line below is the plot's.
                    ui.separator();
                    actions.extend(top_bar::view_tab_buttons_ui(ui, &ctx, view));
                    actions
                })
                .inner
            })
            .inner;
        let what_if = egui::Panel::left("what_if")
            .resizable(true)
            // Narrow enough that the plot's toolbar and the whole indicator table fit beside it
            // on a 1280×720 projector (issue 20).
            .default_size((ui.available_width() * 0.26).clamp(240.0, 420.0))
            .min_size(220.0)
            .show(ui, |ui| panels.what_if.ui(ui, &ctx));
        actions.extend(what_if.inner);
        let indicators_height = presentation_indicators_height(ui, &ctx);
        let central = egui::CentralPanel::default()
            .show(ui, |ui| charts_or_view_ui(ui, &ctx, panels, view, ("presentation_charts_plots", indicators_height)));
        actions.extend(central.inner);
        actions
    }

    /// What a picture for slides is made of: the plan, its results, the drawn scenarios in their
    /// colours, the selected region, the window's language, and the presentation palette while
    /// presenting.
    pub fn picture_request(&self) -> crate::picture::PictureRequest<'_> {
        let selection = &self.selection;
        crate::picture::PictureRequest {
            region_id: selection.region_id.clone(),
            language: self.settings.language,
            presentation: self.is_presenting(),
            bands: self.picture_bands(),
            ..crate::picture::PictureRequest::new(
                self.session.plan(),
                self.session.results(),
                &selection.scenario_id,
                &selection.compared_ids,
            )
        }
    }

    /// The bands the window draws, for the pictures: every drawn scenario's per domain, scaled
    /// to the shown place as in the plots; none while the bands are off.
    fn picture_bands(&self) -> Vec<crate::picture::spec::PictureBand> {
        let ctx = self.panel_ctx();
        let region_index = ctx.region_index();
        let mut bands = Vec::new();
        for shown in ctx.drawn_scenarios() {
            for domain in &self.session.plan().domains {
                let Some(band) = super::panels::plots::series_band(&ctx, &shown.scenario.id, &domain.id, region_index) else {
                    continue;
                };
                bands.push(crate::picture::spec::PictureBand {
                    scenario_id: shown.scenario.id.clone(),
                    domain_id: domain.id.clone(),
                    p10: band.p10,
                    p90: band.p90,
                });
            }
        }
        bands
    }

    /// Shortcuts, dropped files and the window's close button, as actions.
    fn input_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut actions = Vec::new();
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F11)) {
            actions.push(Action::SetPresentation(!self.is_presenting()));
        }
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let redo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        // Only a text field keeps Ctrl+Z for itself: a focused slider or button does not.
        let editing_text = ctx.text_edit_focused();
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            actions.push(Action::Save);
        }
        // Redo first: Ctrl+Shift+Z also matches a plain Ctrl+Z check that ignores Shift.
        if ctx.input_mut(|i| i.consume_shortcut(&redo_shift) || i.consume_shortcut(&redo)) {
            actions.push(Action::Redo);
        } else if !editing_text && ctx.input_mut(|i| i.consume_shortcut(&undo)) {
            actions.push(Action::Undo);
        }
        let dropped =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).find(|p| !p.as_os_str().is_empty()));
        if let Some(path) = dropped {
            actions.push(Action::Request(PendingAction::Open(path)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.session.doc().is_dirty() {
            // Keep the window; the unsaved-changes question decides.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            actions.push(Action::Request(PendingAction::Close));
        }
        actions
    }

    /// The window title: file name, unsaved marker, app name.
    pub fn window_title(&self) -> String {
        let doc = self.session.doc();
        let marker = if doc.is_dirty() { "● " } else { "" };
        format!("{marker}{} – {}", doc.display_name, self.settings.language.strings().app_name)
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

/// Sets the zoom of presentation mode for the screen the window is on (its monitor, else the
/// window itself), so that the presentation layout fits. Called once on entering: the monitor
/// size egui reports lags one frame behind a zoom change, so fitting every frame would swing.
fn fit_presentation_zoom(ctx: &egui::Context) -> f32 {
    let zoom = ctx.zoom_factor();
    let points = ctx.input(|i| i.viewport().monitor_size).unwrap_or_else(|| ctx.content_rect().size());
    let wanted = super::theme::presentation_zoom(points * zoom);
    if (wanted - zoom).abs() > 0.01 {
        ctx.set_zoom_factor(wanted);
        wanted
    } else {
        zoom
    }
}

/// The tabs of the side panel and the editor chosen.
fn editors_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, panels: &mut Panels, tab: Tab) -> Vec<Action> {
    let t = ctx.strings();
    let mut chosen = tab;
    // Wrapped: on a narrow panel the tabs take a second line instead of widening the panel.
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut chosen, Tab::Measures, t.tab_measures);
        ui.selectable_value(&mut chosen, Tab::Scenarios, t.tab_scenarios);
        ui.selectable_value(&mut chosen, Tab::Regions, t.tab_regions);
        ui.selectable_value(&mut chosen, Tab::Domains, t.tab_domains);
        ui.selectable_value(&mut chosen, Tab::Plan, t.tab_plan_short);
    });
    ui.separator();
    let mut actions = if chosen != tab { vec![Action::ShowTab(chosen)] } else { Vec::new() };
    actions.extend(match tab {
        Tab::Measures => panels.measures.ui(ui, ctx),
        Tab::Scenarios => panels.scenarios.ui(ui, ctx),
        Tab::Regions => panels.regions.ui(ui, ctx),
        Tab::Domains => panels.domains.ui(ui, ctx),
        Tab::Plan => panels.plan_info.ui(ui, ctx),
    });
    actions
}

/// The charts view: the plots in a resizable panel, the indicators below them. The plots are
/// laid out first so that Tab reaches them before the indicators, in reading order.
fn charts_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, panels: &mut Panels, id: &'static str, height: f32) -> Vec<Action> {
    let plots_height = (ui.available_height() - height).max(120.0);
    let plots = &mut panels.plots;
    // In presentation mode the zoom changes after the first frame: the split follows the screen
    // instead of keeping a remembered size.
    let panel = egui::Panel::top(id).min_size(120.0).max_size((ui.available_height() - 80.0).max(120.0));
    let panel = if ctx.presentation { panel.exact_size(plots_height) } else { panel.resizable(true).default_size(plots_height) };
    let mut actions = panel.show(ui, |ui| plots.ui(ui, ctx)).inner;
    let indicators = &mut panels.indicators;
    // Presentation mode has a scroll state of its own: a sideways offset of the narrow desk
    // view must not cut the names ("ario") in front of the room.
    let scroll_id = if ctx.presentation { "presentation_indicators_scroll" } else { "indicators_scroll" };
    actions.extend(egui::ScrollArea::both().id_salt(scroll_id).show(ui, |ui| indicators.ui(ui, ctx)).inner);
    actions
}

/// The central area: the view tabs and the chosen view; `indicators` names the indicator table's
/// id and height (the workbench and presentation mode lay it out differently).
fn central_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    panels: &mut Panels,
    view: CentralView,
    indicators: (&'static str, f32),
) -> Vec<Action> {
    let mut actions = top_bar::view_tabs_ui(ui, ctx, view);
    actions.extend(charts_or_view_ui(ui, ctx, panels, view, indicators));
    actions
}

/// The chosen view without its tabs (presentation mode has them in its top bar).
fn charts_or_view_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    panels: &mut Panels,
    view: CentralView,
    indicators: (&'static str, f32),
) -> Vec<Action> {
    match view {
        CentralView::Charts => charts_ui(ui, ctx, panels, indicators.0, indicators.1),
        CentralView::Budget => panels.budget.ui(ui, ctx),
        CentralView::Map => panels.map.ui(ui, ctx),
        CentralView::Groups => panels.groups.ui(ui, ctx),
    }
}

/// The height the indicator table needs in presentation mode: its heading, the two-line
/// header and one row per drawn scenario and listed domain, so that the whole table is on the
/// screen under the plot, without scrolling (issue 20: four scenarios at 1280×720).
fn presentation_indicators_height(ui: &egui::Ui, ctx: &PanelCtx<'_>) -> f32 {
    let spacing = ui.spacing().item_spacing.y;
    let heading = ui.text_style_height(&egui::TextStyle::Heading);
    let row = ui.text_style_height(&egui::TextStyle::Body).max(ui.spacing().interact_size.y);
    let domains = ctx.plan().domains.iter().filter(|d| ctx.selection.chart_focus.lists_indicators_of(&d.id)).count();
    let rows = (ctx.drawn_scenarios().len() * domains.max(1)) as f32;
    // With every domain listed the table scrolls: the plots keep the larger part.
    (heading + spacing + 2.0 * row + spacing + rows * (row + spacing) + 16.0).min(ui.available_height() * 0.45)
}
