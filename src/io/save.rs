//! Writing plan files atomically: temp file in the target folder, fsync, keep a `.bak`, rename,
//! by the file rules of SPEC §9 (see `output.rs`).

use super::encode::encode_plan;
use crate::model::Plan;
use std::path::{Path, PathBuf};

/// Why a save failed; the previous file on disk is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The document could not be turned into JSON (should not happen for a plan).
    #[error("{file}: cannot write JSON: {source}")]
    Encode {
        /// Target file.
        file: String,
        /// Cause.
        source: serde_json::Error,
    },
    /// The output file is a plan file that was read (SPEC §9): nothing was written.
    #[error("{file}: is the plan file that is read ({input}); choose another output file (the plan is left untouched)")]
    OutputIsInput {
        /// Output file as named.
        file: String,
        /// The input file it is the same as.
        input: String,
    },
    /// The file system refused.
    #[error("{file}: cannot write the file ({step}): {source}")]
    Io {
        /// Target file.
        file: String,
        /// What the program was doing.
        step: &'static str,
        /// Cause.
        source: std::io::Error,
    },
}

/// The plan as the exact text written to files: pretty JSON with a final newline.
pub fn plan_to_string(plan: &Plan) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&encode_plan(plan))?;
    text.push('\n');
    Ok(text)
}

/// Saves `plan` to `path` atomically, keeping the previous version as `NAME.json.bak`.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let text = plan_to_string(plan).map_err(|source| SaveError::Encode { file: path.display().to_string(), source })?;
    write_atomically(path, text.as_bytes(), true)
}

/// The path of the backup kept beside `path`: `NAME.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that a reader sees the old or the new content, never a mix.
///
/// With `keep_backup`, an existing file is first copied to [`backup_path`]. The rules of
/// [`super::write_output`] apply (links, permissions, special files, temporary files), except
/// the check against input files: use `write_output` for a command's output.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    write_atomically_with_faults(path, bytes, keep_backup, |_| None)
}

/// One file-system step of an atomic save, named so that tests can make it fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temporary file in the target folder.
    CreateTemp,
    /// Writing the bytes into the temporary file.
    Write,
    /// Flushing the temporary file to disk (fsync).
    Sync,
    /// Copying the previous file to `NAME.json.bak`.
    Backup,
    /// Renaming the temporary file over the target.
    Rename,
}

impl SaveStep {
    /// What the program was doing, for the error message.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file in the folder",
            SaveStep::Write => "writing the temporary file",
            SaveStep::Sync => "flushing the temporary file to disk",
            SaveStep::Backup => "keeping the previous version as .bak",
            SaveStep::Rename => "replacing the file",
        }
    }
}

/// [`write_atomically`] with a fault injector: before each step, `fault(step)` may return the
/// error that step shall fail with (a full disk, a read-only folder, a vanished path).
pub fn write_atomically_with_faults(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    fault: impl Fn(SaveStep) -> Option<std::io::Error>,
) -> Result<(), SaveError> {
    super::output::write_file(path, keep_backup, &fault, |out| out.write_all(bytes))
}
