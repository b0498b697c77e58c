//! File dialogs off the UI thread: the dialog runs in its own thread and hands its result back.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A dialog that answers faster than this is taken as "no dialog could open" (no portal).
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(350);

/// Whether the dialog picks a file to open or a place to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickPurpose {
    /// Open a plan.
    Open,
    /// Save the plan under a new name.
    SaveAs,
    /// Import scenarios from a plan.
    ImportScenarios,
    /// Export the results as CSV for German Excel.
    ExportCsv,
    /// Export the shown scenarios as a plan file.
    ExportScenarios,
    /// Export the results as an Excel workbook.
    ExportXlsx,
    /// Save a plot, the summary page or the map as a picture.
    ExportPicture,
    /// Read district boundaries (GeoJSON) for the map.
    LoadBoundaries,
    /// Export the map's ranking as CSV for German Excel.
    ExportRanking,
    /// Import measures from a table.
    ImportMeasuresTable,
    /// Import regions from a table.
    ImportRegionsTable,
    /// Write the measures as an Excel table.
    ExportMeasuresTable,
    /// Write the report of the drawn scenarios as one HTML file.
    ExportReport,
    /// Compare the plan with another version of it.
    CompareWith,
    /// Merge a colleague's version into the plan.
    MergeTheirs,
    /// The common original of a merge, when the program has not seen it.
    MergeBase,
}

impl PickPurpose {
    /// Whether the path names a file to write.
    pub fn is_save(self) -> bool {
        matches!(
            self,
            PickPurpose::SaveAs
                | PickPurpose::ExportCsv
                | PickPurpose::ExportScenarios
                | PickPurpose::ExportXlsx
                | PickPurpose::ExportPicture
                | PickPurpose::ExportRanking
                | PickPurpose::ExportMeasuresTable
                | PickPurpose::ExportReport
        )
    }
}

/// `path`, with `extension` added when the user typed none (`plan` → `plan.json`).
pub fn with_default_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() { path.with_extension(extension) } else { path }
}

/// Endings of other file kinds a planner may type by mistake: they are replaced by the right one,
/// not kept (an XLSX named `plan.xls` is refused by Excel).
const OTHER_FILE_ENDINGS: [&str; 13] =
    ["json", "csv", "tsv", "txt", "xlsx", "xls", "xlsm", "ods", "png", "svg", "pdf", "geojson", "bak"];

/// `path` with the ending `extension`: kept when it has it (in any case), another file kind's
/// ending replaced (`plan.xls` → `plan.xlsx`), added otherwise (`plan` → `plan.json`,
/// `bericht.2025` → `bericht.2025.xlsx`).
pub fn with_ending(path: PathBuf, extension: &str) -> PathBuf {
    let current = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match current.as_deref() {
        Some(current) if current == extension => path,
        Some(current) if OTHER_FILE_ENDINGS.contains(&current) => path.with_extension(extension),
        _ => {
            let mut name = path.into_os_string();
            name.push(".");
            name.push(extension);
            PathBuf::from(name)
        }
    }
}

/// What a finished dialog reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickOutcome {
    /// The user chose a path.
    Chosen(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown; the user must type the path.
    Unavailable,
}

/// A file dialog running in the background.
pub struct PendingPick {
    /// What the path is for.
    pub purpose: PickPurpose,
    receiver: Receiver<Option<PathBuf>>,
    started: Instant,
}

impl PendingPick {
    /// Starts a native dialog in a thread; `suggested_name` prefills the save dialog, which
    /// opens in `folder` (the last one exported to); `picture_extensions` are the formats a
    /// picture is offered in (one filter each).
    pub fn start(
        purpose: PickPurpose,
        suggested_name: &str,
        folder: Option<PathBuf>,
        picture_extensions: &[&'static str],
        repaint: egui::Context,
    ) -> Self {
        let picture_extensions = picture_extensions.to_vec();
        let (sender, receiver) = channel();
        let suggested_name = suggested_name.to_owned();
        std::thread::spawn(move || {
            let dialog = match purpose {
                PickPurpose::LoadBoundaries => {
                    rfd::FileDialog::new().add_filter("GeoJSON (*.geojson, *.json)", &["geojson", "json"])
                }
                PickPurpose::ExportCsv | PickPurpose::ExportRanking => rfd::FileDialog::new().add_filter("CSV (*.csv)", &["csv"]),
                PickPurpose::ExportXlsx | PickPurpose::ExportMeasuresTable => {
                    rfd::FileDialog::new().add_filter("Excel (*.xlsx)", &["xlsx"])
                }
                PickPurpose::ExportReport => rfd::FileDialog::new().add_filter("HTML (*.html)", &["html", "htm"]),
                PickPurpose::ImportMeasuresTable | PickPurpose::ImportRegionsTable => {
                    rfd::FileDialog::new().add_filter("xlsx, ods, csv", &crate::import::TABLE_EXTENSIONS)
                }
                PickPurpose::ExportPicture => picture_extensions.iter().fold(rfd::FileDialog::new(), |dialog, extension| {
                    dialog.add_filter(format!("{} (*.{extension})", extension.to_uppercase()), &[*extension])
                }),
                _ => rfd::FileDialog::new().add_filter("Integrationsplan (*.json)", &["json"]),
            };
            let dialog = match folder {
                Some(folder) => dialog.set_directory(folder),
                None => dialog,
            };
            let chosen = if purpose.is_save() { dialog.set_file_name(suggested_name).save_file() } else { dialog.pick_file() };
            let _ = sender.send(chosen);
            repaint.request_repaint();
        });
        PendingPick { purpose, receiver, started: Instant::now() }
    }

    /// The outcome once the dialog has closed.
    pub fn poll(&self) -> Option<PickOutcome> {
        let answer = self.receiver.try_recv().ok()?;
        Some(match answer {
            Some(path) => PickOutcome::Chosen(path),
            None if self.started.elapsed() < NO_DIALOG_THRESHOLD => PickOutcome::Unavailable,
            None => PickOutcome::Cancelled,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_ending_is_corrected_and_a_missing_one_added() {
        let ending = |path: &str, extension: &str| with_ending(PathBuf::from(path), extension);
        assert_eq!(ending("/tmp/plan.xls", "xlsx"), PathBuf::from("/tmp/plan.xlsx"));
        assert_eq!(ending("/tmp/plan.XLSX", "xlsx"), PathBuf::from("/tmp/plan.XLSX"));
        assert_eq!(ending("/tmp/plan", "json"), PathBuf::from("/tmp/plan.json"));
        assert_eq!(ending("/tmp/ergebnisse.csv", "xlsx"), PathBuf::from("/tmp/ergebnisse.xlsx"));
        assert_eq!(ending("/tmp/bericht.2025", "xlsx"), PathBuf::from("/tmp/bericht.2025.xlsx"));
    }
}
