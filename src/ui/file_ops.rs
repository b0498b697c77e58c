//! What the app does with files: open, save, export, import, pictures; and the path a file
//! dialog or the path field brought back. Called from [`App::handle`] only.

use super::app::App;
use super::dialogs::Dialog;
use super::document::Command;
use super::files::{PendingPick, PickOutcome, PickPurpose, with_default_extension, with_ending};
use super::snapshot::{PendingSnapshot, SnapshotTarget};
use crate::io::{load_file, save_plan};
use crate::model::Plan;
use crate::picture::{Picture, PictureFormat};
use std::path::{Path, PathBuf};

impl App {
    /// Opens `path`, or shows every error and keeps the open plan.
    pub fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.settings.remember(path);
                self.session.replace(loaded.plan, Some(path.to_path_buf()), name, loaded.warnings);
                self.session.keep_opened_version();
                self.after_replace();
            }
            Err(error) => self.dialog = Some(Dialog::LoadErrors(error)),
        }
    }

    /// Saves to `path`; on failure the dialog says why and the document stays dirty.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.session.save_to(path) {
            Ok(()) => {
                self.settings.remember(path);
                self.status = Some(format!("{}: {}", self.settings.language.strings().saved, path.display()));
                true
            }
            Err(message) => {
                self.dialog = Some(Dialog::SaveError(message));
                false
            }
        }
    }

    /// Save: to the current file, or ask where (then false: nothing saved yet).
    pub(super) fn save(&mut self) -> bool {
        match self.session.doc().path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.start_pick(PickPurpose::SaveAs);
                false
            }
        }
    }

    /// Opens the native file dialog for `purpose` (the path field where there is no window).
    pub(super) fn start_pick(&mut self, purpose: PickPurpose) {
        if self.pending_pick.is_some() {
            return;
        }
        let Some(ctx) = self.egui_ctx.clone() else {
            self.dialog = Some(Dialog::PathEntry { purpose, text: self.suggested_path(purpose), note: None });
            return;
        };
        let suggested = self.suggested_name(purpose);
        let extensions: Vec<&'static str> = match self.snapshot_choice.and_then(SnapshotTarget::picture) {
            Some(picture) => PictureFormat::offered(picture).iter().map(|f| f.extension()).collect(),
            None => vec!["png"],
        };
        let folder = purpose.is_save().then(|| self.suggested_folder()).flatten();
        self.pending_pick = Some(PendingPick::start(purpose, &suggested, folder, &extensions, ctx));
    }

    /// The file name suggested for `purpose`: the plan's name and what the file holds.
    fn suggested_name(&self, purpose: PickPurpose) -> String {
        let doc = self.session.doc();
        let t = self.settings.language.strings();
        let stem = doc.display_name.trim_end_matches(".json");
        match purpose {
            PickPurpose::ExportCsv => format!("{stem}-{}.csv", t.file_results),
            PickPurpose::ExportScenarios => format!("{stem}-{}.json", t.file_scenarios),
            PickPurpose::ExportXlsx => format!("{stem}-{}.xlsx", t.file_results),
            PickPurpose::ExportRanking => format!("{stem}-{}.csv", t.file_ranking),
            PickPurpose::ExportMeasuresTable => format!("{stem}-{}.xlsx", t.tab_measures.to_lowercase()),
            PickPurpose::ExportReport => format!("{stem}-{}.html", t.file_report),
            PickPurpose::ExportPicture => super::snapshot::suggested_name(
                stem,
                self.snapshot_choice.unwrap_or(SnapshotTarget::SummaryPage),
                &self.session.results().domain_ids,
                t,
            ),
            _ => doc.display_name.clone(),
        }
    }

    /// Where a file is suggested: the folder of the last export, else that of the plan.
    fn suggested_folder(&self) -> Option<PathBuf> {
        let plan_folder = self.session.doc().path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        self.settings.export_folder.clone().or(plan_folder).filter(|folder| !folder.as_os_str().is_empty())
    }

    /// What the path field starts with: for a file to write, the suggested folder and name
    /// (empty for a file to read).
    pub fn suggested_path(&self, purpose: PickPurpose) -> String {
        if !purpose.is_save() {
            return String::new();
        }
        let name = self.suggested_name(purpose);
        self.suggested_folder().map_or(name.clone(), |folder| folder.join(&name).display().to_string())
    }

    /// Takes the answer of a finished file dialog.
    pub(super) fn poll_pick(&mut self) {
        let Some(outcome) = self.pending_pick.as_ref().and_then(PendingPick::poll) else { return };
        let purpose = self.pending_pick.take().map_or(PickPurpose::Open, |p| p.purpose);
        match outcome {
            PickOutcome::Chosen(path) => self.use_picked_path(purpose, path),
            PickOutcome::Cancelled => {}
            PickOutcome::Unavailable => {
                let note = Some(self.settings.language.strings().no_file_dialog.to_owned());
                self.dialog = Some(Dialog::PathEntry { purpose, text: self.suggested_path(purpose), note });
            }
        }
    }

    /// Does what the path was asked for.
    pub(super) fn use_picked_path(&mut self, purpose: PickPurpose, path: PathBuf) {
        if purpose.is_save()
            && let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty())
        {
            self.settings.export_folder = Some(folder.to_path_buf());
        }
        match purpose {
            PickPurpose::Open => self.open_path(&path),
            PickPurpose::SaveAs => {
                self.save_to(&with_ending(path, "json"));
            }
            PickPurpose::ImportScenarios => self.import_scenarios_from(&path),
            PickPurpose::ExportCsv => {
                self.export_csv(&with_ending(path, "csv"));
            }
            PickPurpose::ExportScenarios => {
                self.export_scenarios(&with_ending(path, "json"));
            }
            PickPurpose::ExportPicture => {
                let target = self.snapshot_choice.take().unwrap_or(SnapshotTarget::SummaryPage);
                match target.picture() {
                    Some(picture) => {
                        self.export_picture(picture, &path);
                    }
                    None => self.take_snapshot(target, &path),
                }
            }
            PickPurpose::ExportXlsx => {
                self.export_xlsx(&with_ending(path, "xlsx"));
            }
            PickPurpose::LoadBoundaries => self.settings.boundaries_path = Some(path),
            PickPurpose::ExportRanking => {
                self.export_ranking(&with_ending(path, "csv"));
            }
            PickPurpose::ImportMeasuresTable => self.start_table_import(crate::import::TableKind::Measures, &path),
            PickPurpose::ImportRegionsTable => self.start_table_import(crate::import::TableKind::Regions, &path),
            PickPurpose::ExportMeasuresTable => {
                self.export_measures_table(&with_ending(path, "xlsx"));
            }
            PickPurpose::ExportReport => {
                self.export_report(&with_default_extension(path, "html"));
            }
            PickPurpose::CompareWith => self.open_compare(&path),
            PickPurpose::MergeTheirs => self.start_merge(&path),
            PickPurpose::MergeBase => self.set_merge_base(&path),
        }
    }

    /// Writes the results of all scenarios as CSV for German Excel (`;`, decimal comma, BOM):
    /// names and ids, whole places (the command line keeps the CSV of SPEC §4).
    pub fn export_csv(&mut self, path: &Path) -> bool {
        let mut bytes = Vec::new();
        let labels = crate::io::Labels::of_plan(self.session.plan());
        let written = self.check_export_target(path).and_then(|()| {
            crate::io::write_labelled_results_csv(self.session.results(), &labels, &mut bytes)
                .map_err(|e| format!("{}: {e}", path.display()))
                .and_then(|()| crate::io::write_atomically(path, &bytes, false).map_err(|e| e.to_string()))
        });
        self.report_export(path, written)
    }

    /// Writes the map's ranking (scenario, domain, figure and order as shown) as CSV for German
    /// Excel (`;`, decimal comma, BOM).
    pub fn export_ranking(&mut self, path: &Path) -> bool {
        let t = self.settings.language.strings();
        let ctx = super::context::PanelCtx::new(&self.session, &self.selection, &self.settings);
        let (rows, order) = self.panels.map.ranking_rows(&ctx);
        let headers = crate::ranking::RankingHeaders {
            rank: t.rank_rank,
            region: t.rank_region,
            id: t.rank_id,
            first_shortage: t.rank_first,
            peak: t.rank_peak,
            place_months: t.rank_place_months,
            per_thousand: t.rank_per_thousand,
            share_percent: t.rank_share,
        };
        let mut bytes = Vec::new();
        let months = &self.session.results().months;
        let written = self
            .check_export_target(path)
            .and_then(|()| {
                crate::ranking::write_ranking_csv(&rows, &order, months, headers, crate::io::CsvDialect::German, &mut bytes)
                    .map_err(|e| format!("{}: {e}", path.display()))
            })
            .and_then(|()| crate::io::write_atomically(path, &bytes, false).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Writes the results as an Excel workbook (summary sheet, one sheet per scenario) with
    /// names and ids and whole places.
    pub fn export_xlsx(&mut self, path: &Path) -> bool {
        let labels = crate::io::Labels::of_plan(self.session.plan());
        let results = self.session.results();
        let written = self
            .check_export_target(path)
            .and_then(|()| crate::io::save_labelled_results_xlsx(results, &labels, path).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Writes the scenarios shown in the plots as a plan file for a colleague.
    pub fn export_scenarios(&mut self, path: &Path) -> bool {
        let plan = crate::exchange::plan_with_scenarios(self.session.plan(), &self.selection.compared_ids);
        let written = self.check_export_target(path).and_then(|()| save_plan(&plan, path).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Writes the report for colleagues without the program (one HTML file) of the scenarios
    /// drawn in the window, the leading one first, in the window's language.
    pub fn export_report(&mut self, path: &Path) -> bool {
        let picture = self.picture_request();
        // The report is state-wide: the bands go with it when the window shows them state-wide.
        let bands = if picture.region_id.is_none() { picture.bands.clone() } else { Vec::new() };
        let request = crate::report::ReportRequest {
            scenario_ids: picture.scenarios.iter().map(|s| s.id.clone()).collect(),
            bands,
            ..crate::report::ReportRequest::new(self.settings.language)
        };
        let html = crate::report::report_html(self.session.plan(), self.session.results(), &request);
        let written = self
            .check_export_target(path)
            .and_then(|()| crate::io::write_atomically(path, html.as_bytes(), false).map_err(|e| e.to_string()));
        self.report_export(path, written)
    }

    /// Refuses an export onto the open plan's own file (SPEC §9), saying so in the window's
    /// language; saving the plan itself goes through "Speichern unter".
    pub(super) fn check_export_target(&self, path: &Path) -> Result<(), String> {
        let Some(plan_file) = self.session.doc().path.as_deref() else { return Ok(()) };
        crate::io::check_not_an_input(path, &[plan_file])
            .map_err(|_| format!("{}: {}", path.display(), self.settings.language.strings().output_is_plan))
    }

    pub(super) fn report_export(&mut self, path: &Path, written: Result<(), String>) -> bool {
        let t = self.settings.language.strings();
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
        let (scenarios, report) = crate::exchange::import_scenarios(self.session.plan(), &source);
        let t = self.settings.language.strings();
        let count = scenarios.len();
        let ids: Vec<String> = scenarios.iter().map(|s| s.id.clone()).collect();
        self.handle(super::action::Action::Edit(Command::AppendScenarios(scenarios)));
        for id in ids {
            self.handle(super::action::Action::CompareScenario(id, true));
        }
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

    /// Draws `picture` for slides (as the window shows it: scenarios, region, language,
    /// presentation palette) and writes it at `path` in the format its ending names (PNG when it
    /// has none); an ending the picture is not offered in is refused with the ones it is.
    pub fn export_picture(&mut self, picture: Picture, path: &Path) -> bool {
        let path = with_default_extension(path.to_path_buf(), "png");
        let t = self.settings.language.strings();
        let offered = PictureFormat::offered(picture);
        let written = self.check_export_target(&path).and_then(|()| {
            let Some(format) = PictureFormat::of_path(&path).filter(|f| offered.contains(f)) else {
                let endings: Vec<String> = offered.iter().map(|f| format!(".{}", f.extension())).collect();
                return Err(format!("{}: {} {}", path.display(), t.picture_formats, endings.join(", ")));
            };
            // The window's words for what went wrong; the detail (from the drawing library) is kept
            // for a support request.
            let bytes = crate::picture::render(&self.picture_request(), picture, format)
                .map_err(|e| format!("{}: {} ({e})", path.display(), t.picture_failed))?;
            crate::io::write_atomically(&path, &bytes, false).map_err(|e| e.to_string())
        });
        self.report_export(&path, written)
    }

    /// Takes a screenshot of `target` (the map) and saves it at `path` (PNG) over the next frames.
    pub fn take_snapshot(&mut self, target: SnapshotTarget, path: &Path) {
        let path = with_default_extension(path.to_path_buf(), "png");
        if let Err(message) = self.check_export_target(&path) {
            self.report_export(&path, Err(message));
            return;
        }
        self.snapshot = Some(PendingSnapshot::new(target, path));
    }

    /// Drives a pending screenshot: requests it, and reports the outcome. Gives up when no
    /// image arrives (no renderer).
    pub(super) fn drive_snapshot(&mut self, ctx: &egui::Context) {
        let t = self.settings.language.strings();
        let failed_message = t.snapshot_failed;
        let Some(snapshot) = &mut self.snapshot else { return };
        snapshot.frames += 1;
        ctx.request_repaint();
        if !snapshot.requested && snapshot.frames >= 3 {
            snapshot.request(ctx, self.panels.map.rect, t.snapshot_empty);
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
}

/// A minimal valid plan for "New" with names in the window's language: one region, the usual
/// domains, one scenario.
pub fn empty_plan(t: &super::i18n::Strings) -> Plan {
    use crate::model::*;
    let start = Month::new(2026, 1).unwrap_or_else(|| unreachable!("2026-01 is a month"));
    let domain = |id: &str, name: &str, unit: &str, rates: &[(&str, f64)], persons_per_unit: f64| Domain {
        id: id.into(),
        name: name.into(),
        unit: unit.into(),
        rates: rates.iter().map(|(band, rate)| ((*band).to_owned(), *rate)).collect(),
        persons_per_unit,
        months_since_arrival: None,
        planning: None,
        extra: Extra::new(),
    };
    Plan {
        meta: Meta { title: t.new_plan_title.into(), ..Meta::default() },
        horizon: Horizon { start, months: 60, extra: Extra::new() },
        domains: vec![
            domain("kita", t.new_plan_kita, t.unit_places, &[("1-2", 0.45), ("3-5", 0.9)], 1.0),
            domain("school", t.new_plan_school, t.unit_places, &[("6-17", 1.0)], 1.0),
            domain("housing", t.new_plan_housing, t.unit_flats, &[("0+", 1.0)], 3.0),
        ],
        regions: vec![Region {
            id: "region-1".into(),
            name: t.new_plan_region.into(),
            population: 100_000.0,
            area_km2: 100.0,
            capacity: Vec::new(),
            location: None,
            extra: Extra::new(),
        }],
        distribution: Distribution::default(),
        measures: Vec::new(),
        scenarios: vec![Scenario {
            id: "basis".into(),
            name: t.new_plan_scenario.into(),
            arrivals: vec![ArrivalStep { from: start, per_month: 100.0, extra: Extra::new() }],
            arrival_factor: 1.0,
            age_distribution: vec![("0-2".into(), 0.08), ("3-5".into(), 0.07), ("6-17".into(), 0.2), ("18+".into(), 0.65)],
            leave_rate_per_year: 0.05,
            funding_included: Funding::ALL.to_vec(),
            measures_off: Vec::new(),
            color: None,
            uncertainty: None,
            extra: Extra::new(),
        }],
        budget: Vec::new(),
        planning_year: None,
        extra: Extra::new(),
    }
}
