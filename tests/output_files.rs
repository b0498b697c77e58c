//! Files written by the program (SPEC §9): never over the plan that was read, permissions kept,
//! links kept, special files written directly, no temporary file left by SIGINT/SIGTERM, and
//! stale temporary files of killed runs tidied up, nothing else.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::{load_file, plan_to_string, save_plan, write_atomically, write_output};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn sample_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nrw-2025.json")).unwrap()
}

/// A folder with the sample plan as `plan.json`.
fn folder_with_plan() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, sample_text()).unwrap();
    (dir, plan)
}

/// The names of the program's temporary files in `folder`.
fn temp_files(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".integrationsplan-"))
        .collect()
}

fn simulate_to(plan: &Path, output: &Path) -> Output {
    run(&["simulate", &plan.display().to_string(), "--output", &output.display().to_string()])
}

fn assert_refused_as_input(plan: &Path, output: &Path) {
    let before = std::fs::read(plan).unwrap();
    let result = simulate_to(plan, output);
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    let message = stderr(&result);
    assert!(message.contains("is the plan file that is read"), "{message}");
    assert!(message.contains("plan is left untouched"), "{message}");
    assert_eq!(std::fs::read(plan).unwrap(), before, "the plan was changed");
    assert!(temp_files(plan.parent().unwrap()).is_empty());
}

#[test]
fn simulate_output_naming_the_plan_itself_is_refused() {
    let (dir, plan) = folder_with_plan();
    assert_refused_as_input(&plan, &plan);
    // Another spelling of the same path.
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    assert_refused_as_input(&plan, &dir.path().join("sub/../plan.json"));
}

#[test]
fn write_output_refuses_an_input_and_writes_anything_else() {
    let (dir, plan) = folder_with_plan();
    let before = std::fs::read(&plan).unwrap();
    let error = write_output(&plan, b"x", &[&plan]).unwrap_err();
    assert!(error.to_string().contains("is the plan file that is read"), "{error}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let other = dir.path().join("out.json");
    write_output(&other, b"results", &[&plan]).unwrap();
    assert_eq!(std::fs::read(&other).unwrap(), b"results");
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}

#[test]
fn an_output_folder_is_an_error_not_a_crash() {
    let (dir, plan) = folder_with_plan();
    let result = simulate_to(&plan, dir.path());
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(stderr(&result).contains("is a folder"), "{}", stderr(&result));
    assert!(dir.path().is_dir());
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn simulate_output_through_a_symlink_or_hard_link_to_the_plan_is_refused() {
        let (dir, plan) = folder_with_plan();
        let soft = dir.path().join("soft.json");
        symlink(&plan, &soft).unwrap();
        assert_refused_as_input(&plan, &soft);
        assert!(std::fs::symlink_metadata(&soft).unwrap().file_type().is_symlink());
        let hard = dir.path().join("hard.json");
        std::fs::hard_link(&plan, &hard).unwrap();
        assert_refused_as_input(&plan, &hard);
        // Reading through the link and writing the real file is the same file too.
        assert_refused_as_input(&soft, &plan);
    }

    #[test]
    fn an_existing_file_keeps_its_permissions_and_a_new_one_gets_the_umask_mode() {
        let (dir, plan) = folder_with_plan();
        let secret = dir.path().join("secret.json");
        std::fs::write(&secret, "old").unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
        let result = simulate_to(&plan, &secret);
        assert!(result.status.success(), "{}", stderr(&result));
        assert_eq!(mode(&secret), 0o600);
        assert!(std::fs::read_to_string(&secret).unwrap().starts_with('{'));

        let shared = dir.path().join("shared.csv");
        std::fs::write(&shared, "old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert!(simulate_to(&plan, &shared).status.success());
        assert_eq!(mode(&shared), 0o640);

        // A new file gets what any program gets under the current umask.
        let reference = dir.path().join("reference");
        std::fs::write(&reference, "").unwrap();
        let fresh = dir.path().join("fresh.json");
        assert!(simulate_to(&plan, &fresh).status.success());
        assert_eq!(mode(&fresh), mode(&reference));
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_read_only_file_is_replaced_only_by_who_may_write_it() {
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked.csv");
        std::fs::write(&locked, "old").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
        let may_write = std::fs::OpenOptions::new().write(true).open(&locked).is_ok(); // root may
        let result = write_output(&locked, b"new", &[]);
        if may_write {
            result.unwrap();
            assert_eq!(std::fs::read(&locked).unwrap(), b"new");
        } else {
            assert!(result.unwrap_err().to_string().contains("opening the existing file for writing"));
            assert_eq!(std::fs::read(&locked).unwrap(), b"old");
        }
        assert_eq!(mode(&locked), 0o444);
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_saved_plan_keeps_its_permissions_and_its_backup() {
        let (dir, path) = folder_with_plan();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let plan = load_file(&path).unwrap().plan;
        save_plan(&plan, &path).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert!(dir.path().join("plan.json.bak").is_file());
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_replaced() {
        let (dir, plan) = folder_with_plan();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("results.json");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.json");
        symlink(&target, &link).unwrap();
        let inode_before = std::fs::metadata(&target).unwrap().ino();

        let result = simulate_to(&plan, &link);
        assert!(result.status.success(), "{}", stderr(&result));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_link(&link).unwrap(), target);
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with("{\"format\":\"integrationsplan-results\""), "{}", &written[..40.min(written.len())]);
        assert_eq!(mode(&target), 0o600);
        // Replaced, not overwritten in place: a reader of the old file never saw a mix.
        assert_ne!(std::fs::metadata(&target).unwrap().ino(), inode_before);
        assert!(temp_files(dir.path()).is_empty());
        assert!(temp_files(elsewhere.path()).is_empty());
    }

    #[test]
    fn relative_chained_and_dangling_links_are_followed_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::fs::write(dir.path().join("real/plan.json"), "old").unwrap();
        // link2 -> link1 -> real/plan.json, both relative.
        symlink("real/plan.json", dir.path().join("link1")).unwrap();
        symlink("link1", dir.path().join("link2")).unwrap();
        let plan = load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nrw-2025.json")).unwrap().plan;
        save_plan(&plan, &dir.path().join("link2")).unwrap();
        assert!(std::fs::symlink_metadata(dir.path().join("link2")).unwrap().file_type().is_symlink());
        assert!(std::fs::symlink_metadata(dir.path().join("link1")).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(dir.path().join("real/plan.json")).unwrap(), plan_to_string(&plan).unwrap());

        // A link whose target does not exist yet: the target is created, the link stays.
        symlink("real/new.csv", dir.path().join("dangling")).unwrap();
        write_atomically(&dir.path().join("dangling"), b"a;b\r\n", false).unwrap();
        assert!(std::fs::symlink_metadata(dir.path().join("dangling")).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(dir.path().join("real/new.csv")).unwrap(), b"a;b\r\n");
        assert!(temp_files(dir.path()).is_empty());
        assert!(temp_files(&dir.path().join("real")).is_empty());
    }

    #[test]
    fn dev_stdout_is_written_directly() {
        let (_dir, plan) = folder_with_plan();
        let result = simulate_to(&plan, Path::new("/dev/stdout"));
        assert!(result.status.success(), "{}", stderr(&result));
        let text = String::from_utf8(result.stdout).unwrap();
        assert!(text.starts_with("{\"format\":\"integrationsplan-results\""));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn a_named_pipe_is_written_directly_and_stays_a_pipe() {
        let (dir, plan) = folder_with_plan();
        let fifo = dir.path().join("pipe");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(&fifo).unwrap())
        };
        let result = run(&["simulate", &plan.display().to_string(), "--format", "csv", "--output", &fifo.display().to_string()]);
        assert!(result.status.success(), "{}", stderr(&result));
        let received = String::from_utf8(reader.join().unwrap()).unwrap();
        assert!(received.starts_with("scenario,region,domain,month,demand,capacity,gap\r\n"), "{}", &received[..60]);
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(temp_files(dir.path()).is_empty());
    }

    /// A pid that no process can have: above the kernel's largest.
    fn dead_pid() -> u64 {
        let max =
            std::fs::read_to_string("/proc/sys/kernel/pid_max").ok().and_then(|t| t.trim().parse().ok()).unwrap_or(4_194_304);
        max + 1
    }

    #[test]
    fn stale_temporary_files_of_dead_runs_are_removed_and_nothing_else() {
        let (dir, plan) = folder_with_plan();
        let out = tempfile::tempdir().unwrap();
        let dead = format!(".integrationsplan-{}-1732550000000000000-0.tmp", dead_pid());
        let alive = format!(".integrationsplan-{}-1732550000000000000-0.tmp", std::process::id());
        let dead_short = format!(".integrationsplan-{}-x.tmp", dead_pid());
        let dead_no_rest = format!(".integrationsplan-{}.tmp", dead_pid());
        let dead_odd = format!(".integrationsplan-{}-a b.tmp", dead_pid());
        let keep = [
            alive.as_str(),
            dead_no_rest.as_str(),
            dead_odd.as_str(),
            "other.tmp",
            ".integrationsplan-notes.tmp",
            ".integrationsplan-.tmp",
            "plan.json",
            "results.json.bak",
        ];
        std::fs::write(out.path().join(&dead), "half a file").unwrap();
        std::fs::write(out.path().join(&dead_short), "half a file").unwrap();
        let dead_with_suffix = format!("{dead}.keep");
        std::fs::write(out.path().join(&dead_with_suffix), "x").unwrap();
        for name in keep {
            std::fs::write(out.path().join(name), "x").unwrap();
        }
        // Names of dead runs that are not regular files are not touched either.
        let dead_folder = format!(".integrationsplan-{}-2-0.tmp", dead_pid());
        std::fs::create_dir(out.path().join(&dead_folder)).unwrap();
        let dead_link = format!(".integrationsplan-{}-3-0.tmp", dead_pid());
        symlink(&plan, out.path().join(&dead_link)).unwrap();

        let result = simulate_to(&plan, &out.path().join("results.json"));
        assert!(result.status.success(), "{}", stderr(&result));
        assert!(!out.path().join(&dead).exists(), "the stale temporary file is still there");
        assert!(!out.path().join(&dead_short).exists(), "the stale temporary file is still there");
        for name in keep.iter().copied().chain([dead_with_suffix.as_str(), dead_folder.as_str(), dead_link.as_str()]) {
            assert!(std::fs::symlink_metadata(out.path().join(name)).is_ok(), "{name} was removed");
        }
        assert!(plan.is_file());
        let _ = dir;
    }

    /// A plan whose CSV results take long enough to write that a signal can hit the write.
    fn big_plan(folder: &Path) -> PathBuf {
        use integrationsplan::synthetic::{PlanSize, german_districts, plan};
        let size = PlanSize { regions: 3_000, months: 120, scenarios: 2, domains: 4, measures: 200, statewide_share: 0.5 };
        let path = folder.join("big.json");
        std::fs::write(&path, plan_to_string(&plan(size, &german_districts())).unwrap()).unwrap();
        path
    }

    fn signal_during_the_write_leaves_no_temporary_file(signal: &str, expected_code: i32) {
        let dir = tempfile::tempdir().unwrap();
        let plan = big_plan(dir.path());
        let out_folder = dir.path().join("out");
        std::fs::create_dir(&out_folder).unwrap();
        let output = out_folder.join("results.csv");
        std::fs::write(&output, "previous results").unwrap();
        let mut child = bin()
            .args(["simulate", &plan.display().to_string(), "--format", "csv", "--output", &output.display().to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let mut signalled = false;
        while started.elapsed() < std::time::Duration::from_secs(300) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if !temp_files(&out_folder).is_empty() {
                let sent = Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
                assert!(sent.success());
                signalled = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let status = child.wait().unwrap();
        assert!(signalled, "the run ended ({status}) before its temporary file was seen: make the plan bigger");
        assert_eq!(status.code(), Some(expected_code), "{status}");
        assert_eq!(temp_files(&out_folder), Vec::<String>::new());
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "previous results");
    }

    #[test]
    fn sigterm_during_the_write_leaves_no_temporary_file_and_the_old_output() {
        signal_during_the_write_leaves_no_temporary_file("-TERM", 143);
    }

    #[test]
    fn sigint_during_the_write_leaves_no_temporary_file_and_the_old_output() {
        signal_during_the_write_leaves_no_temporary_file("-INT", 130);
    }
}
