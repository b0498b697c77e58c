//! Every file the program writes (`--output`, saves, exports) goes through here (SPEC §9).
//!
//! - A plan file that was read is never written over ([`check_not_an_input`]).
//! - A regular file (or a new one) is replaced atomically: a temporary file in the same folder,
//!   fsync, rename. An existing file keeps its permissions (and, where allowed, its owner); one
//!   that the user may not write is not replaced.
//! - A symbolic link stays a link: its final target is replaced, in the target's folder.
//! - A target that is not a regular file (`/dev/stdout`, a pipe, a device) is written to
//!   directly and never replaced.
//! - Temporary files never outlive SIGINT or SIGTERM, and those of killed runs are tidied up
//!   (see `temp.rs`).

use super::save::{SaveError, SaveStep, backup_path};
use super::temp::{TempFile, remove_stale_in};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Most symbolic links followed before giving up (as Linux does).
const MAX_LINKS: usize = 40;
/// Write buffer: results of large plans are hundreds of MiB written in small pieces.
const BUFFER_BYTES: usize = 1 << 20;

/// Writes `bytes` to `path` by the rules of SPEC §9; refuses when `path` is one of `inputs`
/// (the plan files the command read).
///
/// This is the function for every command that writes a file (`simulate`, `optimize`, …).
pub fn write_output(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), SaveError> {
    write_output_with(path, inputs, |out| out.write_all(bytes))
}

/// [`write_output`] for content produced piece by piece: `write` receives a buffered writer into
/// the temporary file (or the special file), so large results never have to be held whole.
///
/// When `write` fails, nothing is left behind and an existing file is untouched.
pub fn write_output_with(
    path: &Path,
    inputs: &[&Path],
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    check_not_an_input(path, inputs)?;
    write_file(path, false, &|_| None, write)
}

/// Refuses an output path that is one of the `inputs`: the same file after resolving links,
/// also through a hard link (same device and inode on Unix). Special files (a terminal, a pipe)
/// never count as the same: writing to them cannot destroy a plan.
pub fn check_not_an_input(output: &Path, inputs: &[&Path]) -> Result<(), SaveError> {
    match inputs.iter().find(|input| same_file(output, input)) {
        Some(input) => Err(SaveError::OutputIsInput { file: output.display().to_string(), input: input.display().to_string() }),
        None => Ok(()),
    }
}

/// Whether `a` and `b` name the same existing regular file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(first), Ok(second)) = (std::fs::metadata(a), std::fs::metadata(b)) else { return false };
    if !first.is_file() || !second.is_file() {
        return false;
    }
    same_identity(a, b, &first, &second)
}

#[cfg(unix)]
fn same_identity(_a: &Path, _b: &Path, first: &std::fs::Metadata, second: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    first.dev() == second.dev() && first.ino() == second.ino()
}

#[cfg(not(unix))]
fn same_identity(a: &Path, b: &Path, _first: &std::fs::Metadata, _second: &std::fs::Metadata) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// How the bytes reach a path.
#[derive(Debug, PartialEq)]
enum Target {
    /// Not a regular file: opened and written as it is.
    Direct,
    /// A regular file, or none yet, at this path (links resolved): replaced atomically.
    Replace(PathBuf),
}

/// The folder of `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Decides how to write `path`.
fn target_of(path: &Path) -> std::io::Result<Target> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a folder (expected a file name)"));
        }
        Ok(metadata) if !metadata.is_file() => return Ok(Target::Direct),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if is_process_link(&current) {
            // `/dev/stdout` → `/proc/self/fd/1` → the file the shell redirected to: that file
            // belongs to the caller's open descriptor and is written as it is.
            return Ok(Target::Direct);
        }
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = if link.is_absolute() { link } else { folder_of(&current).join(link) };
            }
            Ok(_) => return Ok(Target::Replace(current)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace(current)),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Whether `path` lies in `/proc` (Linux's links to open files), after resolving its folder.
fn is_process_link(path: &Path) -> bool {
    cfg!(target_os = "linux") && std::fs::canonicalize(folder_of(path)).is_ok_and(|folder| folder.starts_with("/proc"))
}

/// Writes `path` by the rules above; `fault` injects failures for tests (see
/// [`super::write_atomically_with_faults`]); `keep_backup` copies an existing file to
/// [`backup_path`] first.
pub(crate) fn write_file(
    path: &Path,
    keep_backup: bool,
    fault: &dyn Fn(SaveStep) -> Option<std::io::Error>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let fail = |step: &'static str| {
        let file = file.clone();
        move |source| SaveError::Io { file, step, source }
    };
    let check = |step: SaveStep| fault(step).map_or(Ok(()), |e| Err(fail(step.describe())(e)));
    let target = target_of(path).map_err(fail("finding where the file is"))?;
    let Target::Replace(target) = target else {
        return write_directly(path, write).map_err(fail("writing to the file directly (it is not a regular file)"));
    };
    let folder = folder_of(&target);
    let previous = std::fs::symlink_metadata(&target).ok().filter(std::fs::Metadata::is_file);
    if previous.is_some() {
        // A file this user may not write is not replaced behind its back (as `>` in a shell
        // would refuse); opening it for writing without truncating changes nothing.
        std::fs::OpenOptions::new().write(true).open(&target).map_err(fail("opening the existing file for writing"))?;
    }
    check(SaveStep::CreateTemp)?;
    let mut temp = TempFile::create_in(&folder).map_err(fail(SaveStep::CreateTemp.describe()))?;
    remove_stale_in(&folder, temp.path());
    if let Some(previous) = &previous {
        keep_permissions(&mut temp, previous).map_err(fail("giving the new file the permissions of the old one"))?;
    }
    check(SaveStep::Write)?;
    {
        let mut buffered =
            std::io::BufWriter::with_capacity(BUFFER_BYTES, temp.file().map_err(fail(SaveStep::Write.describe()))?);
        write(&mut buffered).and_then(|()| buffered.flush()).map_err(fail(SaveStep::Write.describe()))?;
    }
    check(SaveStep::Sync)?;
    temp.file().and_then(|f| f.sync_all()).map_err(fail(SaveStep::Sync.describe()))?;
    if keep_backup && previous.is_some() {
        check(SaveStep::Backup)?;
        std::fs::copy(&target, backup_path(path)).map_err(fail(SaveStep::Backup.describe()))?;
    }
    check(SaveStep::Rename)?;
    temp.persist(&target).map_err(fail(SaveStep::Rename.describe()))?;
    // Make the rename itself durable where the platform allows opening folders.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Writes into a special file as it is (appending: a redirected standard output keeps what was
/// written to it before).
fn write_directly(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().append(true).open(path)?;
    let mut buffered = std::io::BufWriter::with_capacity(BUFFER_BYTES, file);
    write(&mut buffered)?;
    buffered.flush()
}

/// Gives the temporary file the mode (and on Unix, where allowed, the owner) of the file it
/// replaces, before any byte is written into it.
fn keep_permissions(temp: &mut TempFile, previous: &std::fs::Metadata) -> std::io::Result<()> {
    let file = temp.file()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(own) = file.metadata()
            && (own.uid() != previous.uid() || own.gid() != previous.gid())
        {
            // Only root (or a member of the group) may do this; otherwise the writer owns the file.
            let _ = std::os::unix::fs::fchown(&*file, Some(previous.uid()), Some(previous.gid()));
        }
    }
    file.set_permissions(previous.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_file_name_lies_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("out.json")), PathBuf::from("."));
        assert_eq!(folder_of(Path::new("a/out.json")), PathBuf::from("a"));
    }

    #[cfg(unix)]
    #[test]
    fn standard_output_is_written_directly() {
        assert_eq!(target_of(Path::new("/dev/null")).ok(), Some(Target::Direct));
    }
}
