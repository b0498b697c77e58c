//! What the app remembers between runs (eframe persistence).

use super::i18n::Language;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Most recent files remembered.
pub const MAX_RECENT_FILES: usize = 10;

/// Settings kept between runs; `#[serde(default)]` so older settings still load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language.
    pub language: Language,
    /// Dark theme instead of light.
    pub dark: bool,
    /// Recently opened or saved plan files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Zoom factor of the whole window (Ctrl +/−/0), outside presentation mode.
    pub zoom: f32,
    /// Whether the P10–P90 bands (fan charts) are drawn (issue 12).
    pub show_bands: bool,
    /// Runs per scenario for the bands.
    pub band_runs: u32,
    /// District boundaries (GeoJSON) the map fills, if the planner loaded some.
    pub boundaries_path: Option<PathBuf>,
    /// The folder of the last file saved or exported: the next export is suggested there.
    pub export_folder: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::German,
            dark: false,
            recent_files: Vec::new(),
            zoom: 1.0,
            show_bands: false,
            band_runs: super::bands::DEFAULT_BAND_RUNS,
            boundaries_path: None,
            export_folder: None,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}
