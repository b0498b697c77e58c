//! Crash recovery: unsaved changes kept in a file of the user's data folder.
//!
//! The app writes the open plan there (atomically) while it has unsaved changes; a normal save
//! or a discard removes it. If the file is still there at the next start, the program crashed or
//! was killed with unsaved work, and the app offers to restore it.

use super::decode::decode_plan;
use super::encode::encode_plan;
use super::save::{SaveError, write_atomically};
use crate::model::Plan;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Name of the recovery file inside the data folder.
pub const RECOVERY_FILE_NAME: &str = "recovery.json";

/// Marker field of a recovery file (its value is the recovery format version).
const MARKER: &str = "integrationsplan_recovery";

/// Unsaved work found in a recovery file.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The plan as it was when last written.
    pub plan: Plan,
    /// The file the plan belonged to, if it had one.
    pub source: Option<PathBuf>,
    /// The name shown in the title bar.
    pub display_name: String,
    /// When it was written (RFC 3339, local time).
    pub written_at: String,
}

/// The recovery file of one data folder.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryFile {
    path: PathBuf,
}

impl RecoveryFile {
    /// The recovery file inside `folder` (created on the first write).
    pub fn in_folder(folder: &Path) -> Self {
        RecoveryFile { path: folder.join(RECOVERY_FILE_NAME) }
    }

    /// Where the file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `plan` atomically, creating the folder if needed.
    pub fn write(&self, plan: &Plan, source: Option<&Path>, display_name: &str) -> Result<(), SaveError> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).map_err(|source| SaveError::Io {
                file: self.path.display().to_string(),
                step: "creating the data folder",
                source,
            })?;
        }
        let document = json!({
            MARKER: 1,
            "source_path": source.map(|p| p.display().to_string()),
            "display_name": display_name,
            "written_at": chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            "plan": encode_plan(plan),
        });
        let text = serde_json::to_string_pretty(&document)
            .map_err(|source| SaveError::Encode { file: self.path.display().to_string(), source })?;
        write_atomically(&self.path, text.as_bytes(), false)
    }

    /// The unsaved work left by an earlier run, or `None` when there is none (or the file is not
    /// a readable recovery file, which is then left in place for a person to look at).
    pub fn read(&self) -> Option<Recovered> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        let value: Value = serde_json::from_str(&text).ok()?;
        value.get(MARKER)?;
        // Unsaved work may well break a validation rule; it is restored as it was and the app
        // shows its issues, so decoding problems are not a reason to drop it.
        let plan = decode_plan(value.get("plan")?, &mut Vec::new());
        Some(Recovered {
            plan,
            source: value.get("source_path").and_then(Value::as_str).map(PathBuf::from),
            display_name: value.get("display_name").and_then(Value::as_str).unwrap_or("").to_owned(),
            written_at: value.get("written_at").and_then(Value::as_str).unwrap_or("").to_owned(),
        })
    }

    /// Whether a recovery file exists.
    pub fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// Removes the file (after a save or a discard); a missing file is fine.
    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
