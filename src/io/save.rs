//! Writing plan files atomically: temp file in the target folder, fsync, keep a `.bak`, rename.

use super::encode::encode_plan;
use crate::model::Plan;
use std::io::Write;
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
    /// The file system refused.
    #[error("{file}: cannot save ({step}): {source}")]
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
/// With `keep_backup`, an existing file is first copied to [`backup_path`].
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
    fn describe(self) -> &'static str {
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
    let file = path.display().to_string();
    let fail = |step: SaveStep| {
        let file = file.clone();
        move |source| SaveError::Io { file, step: step.describe(), source }
    };
    let check = |step: SaveStep| fault(step).map_or(Ok(()), |e| Err(fail(step)(e)));
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    check(SaveStep::CreateTemp)?;
    let mut temp = tempfile_in(&folder).map_err(fail(SaveStep::CreateTemp))?;
    let result = (|| {
        check(SaveStep::Write)?;
        temp.1.write_all(bytes).map_err(fail(SaveStep::Write))?;
        check(SaveStep::Sync)?;
        temp.1.sync_all().map_err(fail(SaveStep::Sync))?;
        if keep_backup && path.is_file() {
            check(SaveStep::Backup)?;
            std::fs::copy(path, backup_path(path)).map_err(fail(SaveStep::Backup))?;
        }
        check(SaveStep::Rename)?;
        std::fs::rename(&temp.0, path).map_err(fail(SaveStep::Rename))?;
        // Make the rename itself durable where the platform allows opening folders.
        if let Ok(dir) = std::fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp.0);
    }
    result
}

/// Creates a new, uniquely named temporary file in `folder`.
fn tempfile_in(folder: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let pid = std::process::id();
    let mut last_error = None;
    for attempt in 0..100u32 {
        let candidate = folder.join(format!(".integrationsplan-{pid}-{stamp}-{attempt}.tmp"));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

/// Writes the output of `write` to `path` like [`write_atomically`] (temporary file in the target
/// folder, fsync, rename), streaming: the bytes are never held whole in memory.
pub fn write_atomically_streaming(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let fail = |step: SaveStep| {
        let file = file.clone();
        move |source| SaveError::Io { file, step: step.describe(), source }
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp_path, temp_file) = tempfile_in(&folder).map_err(fail(SaveStep::CreateTemp))?;
    let result = (|| {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 20, temp_file);
        write(&mut buffered).map_err(fail(SaveStep::Write))?;
        let temp_file = buffered.into_inner().map_err(|e| fail(SaveStep::Write)(e.into_error()))?;
        temp_file.sync_all().map_err(fail(SaveStep::Sync))?;
        std::fs::rename(&temp_path, path).map_err(fail(SaveStep::Rename))?;
        if let Ok(dir) = std::fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    result
}
