//! Temporary files of atomic writes (SPEC §9).
//!
//! Each is named `.integrationsplan-<pid>-<stamp>-<n>.tmp` and lives in the target's folder, so
//! that the final rename is atomic. While it lives it is listed in a process-wide registry: on
//! SIGINT or SIGTERM a handler thread removes every listed file and exits with 130 or 143. A run
//! killed with SIGKILL cannot clean up; the next write into the same folder removes its files,
//! recognised by the name pattern and a process id that no longer runs.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Start of every temporary file name.
const PREFIX: &str = ".integrationsplan-";
/// End of every temporary file name.
const SUFFIX: &str = ".tmp";
/// Where it cannot be checked whether a process runs, its temporary file counts as stale after
/// this long (no write of the program takes an hour).
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// The temporary files that exist right now, removed by the signal handler.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registry; a panic elsewhere never stops the clean-up.
fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file in a target's folder: removed when dropped, unless it was persisted.
pub(crate) struct TempFile {
    path: PathBuf,
    file: Option<File>,
}

impl TempFile {
    /// Creates a new, uniquely named temporary file in `folder` and registers it.
    ///
    /// The registry lock is held while the file is created, so a signal arriving meanwhile
    /// either sees the file listed or stops the process before it exists.
    pub(crate) fn create_in(folder: &Path) -> std::io::Result<TempFile> {
        install_signal_handler();
        let mut live = live();
        let (path, file) = create_unique(folder)?;
        live.push(path.clone());
        Ok(TempFile { path, file: Some(file) })
    }

    /// Where the file is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The open file.
    pub(crate) fn file(&mut self) -> std::io::Result<&mut File> {
        self.file.as_mut().ok_or_else(|| std::io::Error::other("the temporary file is already closed"))
    }

    /// Renames the file over `target`; on failure the file is removed (when dropped).
    pub(crate) fn persist(mut self, target: &Path) -> std::io::Result<()> {
        // Closed first: Windows cannot rename an open file.
        drop(self.file.take());
        let mut live = live();
        std::fs::rename(&self.path, target)?;
        live.retain(|p| p != &self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.path.as_os_str().is_empty() {
            return;
        }
        drop(self.file.take());
        let mut live = live();
        let _ = std::fs::remove_file(&self.path);
        live.retain(|p| p != &self.path);
    }
}

/// Creates a new, uniquely named temporary file in `folder`.
fn create_unique(folder: &Path) -> std::io::Result<(PathBuf, File)> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let pid = std::process::id();
    let mut last_error = None;
    for attempt in 0..100u32 {
        let candidate = folder.join(format!("{PREFIX}{pid}-{stamp}-{attempt}{SUFFIX}"));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

/// The process id in a name of the program's own temporary files
/// (`.integrationsplan-<pid>-<rest>.tmp`, the rest of letters, digits, `-` and `_`), `None` for
/// any other name.
pub(crate) fn temp_file_pid(name: &str) -> Option<u32> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, rest) = middle.split_once('-')?;
    let word = |text: &str, allowed: fn(u8) -> bool| !text.is_empty() && text.bytes().all(allowed);
    if !word(pid, |b| b.is_ascii_digit()) || !word(rest, |b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return None;
    }
    pid.parse().ok()
}

/// Removes the temporary files that killed runs left in `folder`: only regular files named like
/// the program's own, owned by the same user as `own` (a file this process just created), whose
/// process no longer runs. Anything else stays, and errors are ignored: this is tidying up.
pub(crate) fn remove_stale_in(folder: &Path, own: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let own_metadata = std::fs::symlink_metadata(own).ok();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_file_pid) else { continue };
        if pid == std::process::id() {
            continue;
        }
        let path = entry.path();
        let Ok(metadata) = std::fs::symlink_metadata(&path) else { continue };
        if !metadata.is_file() || !same_owner(&metadata, own_metadata.as_ref()) {
            continue;
        }
        if process_is_gone(pid, &metadata) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(unix)]
fn same_owner(metadata: &std::fs::Metadata, own: Option<&std::fs::Metadata>) -> bool {
    use std::os::unix::fs::MetadataExt;
    own.is_some_and(|own| own.uid() == metadata.uid())
}

#[cfg(not(unix))]
fn same_owner(_metadata: &std::fs::Metadata, own: Option<&std::fs::Metadata>) -> bool {
    own.is_some()
}

/// Whether the process that named a temporary file has certainly ended.
fn process_is_gone(pid: u32, metadata: &std::fs::Metadata) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    metadata.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age > STALE_AFTER)
}

/// Installs, once, the handler that removes the live temporary files on SIGINT or SIGTERM and
/// exits with 128 + the signal's number (130, 143).
#[cfg(unix)]
fn install_signal_handler() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
        let spawned = std::thread::Builder::new().name("temp-file-cleanup".to_owned()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The lock is kept until the process ends: no temporary file is created or
                // renamed any more.
                let live = live();
                for path in live.iter() {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
        drop(spawned);
    });
}

/// Elsewhere the platform's default (termination) applies; stale files are removed by age.
#[cfg(not(unix))]
fn install_signal_handler() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_programs_own_names_carry_a_pid() {
        assert_eq!(temp_file_pid(".integrationsplan-123-456-0.tmp"), Some(123));
        assert_eq!(temp_file_pid(".integrationsplan-123-x.tmp"), Some(123));
        assert_eq!(temp_file_pid(".integrationsplan-7-1-2_3.tmp"), Some(7));
        for other in [
            "integrationsplan-123-456-0.tmp",
            ".integrationsplan-123.tmp",
            ".integrationsplan-123-.tmp",
            ".integrationsplan-123-456-0.tmp.bak",
            ".integrationsplan-abc-456-0.tmp",
            ".integrationsplan--456-0.tmp",
            ".integrationsplan-1-a b.tmp",
            ".integrationsplan-1-a.b.tmp",
            ".integrationsplan-99999999999-1.tmp",
            "plan.json",
        ] {
            assert_eq!(temp_file_pid(other), None, "{other}");
        }
    }
}
