//! The egui user interface (feature `gui`): a thin layer over the core. Panels draw from a
//! read-only [`context::PanelCtx`] and return [`action::Action`]s; [`app::App::handle`]
//! carries them out, and the plan changes only through [`document::Command`]s applied by the
//! [`session::Session`], which recomputes results only when the plan changes.

pub mod action;
pub mod app;
pub mod bands;
pub mod cells;
pub mod context;
pub mod contrast;
pub mod dialogs;
pub mod document;
pub mod field_label;
mod file_ops;
pub mod files;
pub mod i18n;
pub mod job;
mod navigate;
pub mod panels;
pub mod region_picker;
pub mod session;
pub mod settings;
pub mod snapshot;
pub mod theme;
mod tools;
pub mod top_bar;
mod versions_ops;
pub mod y_scale;

use app::App;
use dialogs::Dialog;
use settings::Settings;
use std::path::PathBuf;

/// The application id: names the data folder of settings and the recovery file.
pub const APP_ID: &str = "Integrationsplan";

/// The folder of the version store in the data folder (SPEC §12 in the window).
pub const VERSIONS_FOLDER: &str = "versions";

/// Key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "integrationsplan-settings";

/// When `run` was called, for the start-up time printed with `INTEGRATIONSPLAN_TIMING=1`.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Size of the window at the first start, in points, on a screen that has room for it.
pub const DEFAULT_WINDOW_SIZE: egui::Vec2 = egui::vec2(1600.0, 950.0);

/// Opens the main window on `file`, else on the last plan, else on the built-in sample.
pub fn run(start: crate::cli::GuiStart) -> eframe::Result {
    let crate::cli::GuiStart { file, presentation, language } = start;
    STARTED.get_or_init(std::time::Instant::now);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Integrationsplan")
            .with_inner_size(DEFAULT_WINDOW_SIZE)
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
            match language {
                Some(crate::cli::StartLanguage::De) => settings.language = i18n::Language::German,
                Some(crate::cli::StartLanguage::En) => settings.language = i18n::Language::English,
                None => {}
            }
            theme::apply_base_style(&cc.egui_ctx);
            if settings.zoom.is_finite() && (0.5..=3.0).contains(&settings.zoom) {
                cc.egui_ctx.set_zoom_factor(settings.zoom);
            }
            let mut app = start_app(file, settings);
            app.present_on_start = presentation;
            // `INTEGRATIONSPLAN_VIEW=map|budget|groups` opens on that view (screenshots, demos on a
            // projector); `INTEGRATIONSPLAN_TAB=domains` on the domain editor.
            let view = std::env::var("INTEGRATIONSPLAN_VIEW").unwrap_or_default();
            let central = match view.as_str() {
                "map" => Some(action::CentralView::Map),
                "budget" => Some(action::CentralView::Budget),
                "groups" => Some(action::CentralView::Groups),
                _ => None,
            };
            if let Some(central) = central {
                app.handle(action::Action::ShowView(central));
            }
            if std::env::var("INTEGRATIONSPLAN_TAB").is_ok_and(|tab| tab == "domains") {
                app.handle(action::Action::ShowTab(action::Tab::Domains));
            }
            // `INTEGRATIONSPLAN_BANDS=1` starts with the P10–P90 bands on, `INTEGRATIONSPLAN_REGION=koeln`
            // with that region shown (screenshots of a workshop's view; `--presentation` and
            // `--language` are options of the command line).
            if std::env::var("INTEGRATIONSPLAN_BANDS").is_ok_and(|on| on == "1") {
                app.handle(action::Action::SetBands(true));
            }
            if let Ok(region) = std::env::var("INTEGRATIONSPLAN_REGION") {
                app.handle(action::Action::SelectRegion(Some(region)));
            }
            let app = match eframe::storage_dir(APP_ID) {
                Some(folder) => app
                    .with_versions(crate::versions::VersionStore::in_folder(&folder.join(VERSIONS_FOLDER)))
                    .with_recovery(crate::io::RecoveryFile::in_folder(&folder)),
                None => app,
            };
            // `INTEGRATIONSPLAN_COMPARE=FILE` opens the compare window on FILE,
            // `INTEGRATIONSPLAN_MERGE=FILE` the merge dialog, with the original
            // `INTEGRATIONSPLAN_MERGE_BASE=FILE` when the store does not know it (screenshots).
            let mut app = app;
            if let Some(path) = std::env::var_os("INTEGRATIONSPLAN_COMPARE") {
                app.handle(action::Action::UsePath(files::PickPurpose::CompareWith, PathBuf::from(path)));
            }
            if let Some(path) = std::env::var_os("INTEGRATIONSPLAN_MERGE") {
                app.handle(action::Action::UsePath(files::PickPurpose::MergeTheirs, PathBuf::from(path)));
            }
            if let Some(path) = std::env::var_os("INTEGRATIONSPLAN_MERGE_BASE") {
                app.handle(action::Action::UsePath(files::PickPurpose::MergeBase, PathBuf::from(path)));
            }
            Ok(Box::new(app))
        }),
    )
}

/// The app on the requested file, the last plan, or the sample (a failed load shows its errors).
pub fn start_app(file: Option<PathBuf>, settings: Settings) -> App {
    let remembered = settings.recent_files.first().filter(|p| p.is_file()).cloned();
    let mut app = App::with_sample(settings);
    match (file, remembered) {
        (Some(path), _) => app.open_path(&path),
        (None, Some(path)) => {
            app.open_path(&path);
            // A remembered plan that no longer loads falls back to the sample quietly.
            if matches!(app.dialog, Some(Dialog::LoadErrors(_))) {
                app.dialog = None;
            }
        }
        (None, None) => {}
    }
    app
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.fit_window_to_screen(ui.ctx());
        self.show(ui);
        if ui.ctx().cumulative_frame_nr() == 0
            && std::env::var_os("INTEGRATIONSPLAN_TIMING").is_some()
            && let Some(started) = STARTED.get()
        {
            eprintln!("first frame after {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
