//! Plans survive load → save → load unchanged, unknown fields included, and saving is safe.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::{SaveStep, backup_path, load_file, load_str, plan_to_string, save_plan, write_atomically_with_faults};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn sample_paths() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 2, "{paths:?}");
    paths
}

#[test]
fn sample_plans_load_save_and_load_to_the_same_plan() {
    for path in sample_paths() {
        let first = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let text = plan_to_string(&first.plan).unwrap();
        let second = load_str(&text, "again.json").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.plan, second.plan, "{}", path.display());
        assert!(second.warnings.is_empty(), "{:?}", second.warnings);
    }
}

#[test]
fn saving_twice_gives_identical_bytes() {
    for path in sample_paths() {
        let plan = load_file(&path).unwrap().plan;
        let once = plan_to_string(&plan).unwrap();
        let twice = plan_to_string(&load_str(&once, "x.json").unwrap().plan).unwrap();
        assert_eq!(once, twice, "{}", path.display());
        assert!(once.ends_with("}\n"));
    }
}

#[test]
fn saved_numbers_keep_their_exact_value() {
    let path = &sample_paths()[0];
    let original: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let saved: Value = serde_json::from_str(&plan_to_string(&load_file(path).unwrap().plan).unwrap()).unwrap();
    for (a, b) in original["regions"].as_array().unwrap().iter().zip(saved["regions"].as_array().unwrap()) {
        assert_eq!(a["population"].as_f64(), b["population"].as_f64());
        assert_eq!(a["area_km2"].as_f64(), b["area_km2"].as_f64());
    }
}

fn plan_with_unknown_fields() -> Value {
    json!({
        "format": "integrationsplan",
        "version": 1,
        "meta": { "title": "T", "reviewed_by": { "name": "B", "on": "2025-03-01" } },
        "horizon": { "start": "2025-01", "months": 12 },
        "domains": [ { "id": "d", "name": "D", "rates": { "0+": 1 }, "icon": "house" } ],
        "regions": [ { "id": "a", "name": "A", "population": 10, "area_km2": 1, "ags": "05315" } ],
        "measures": [
            { "id": "m", "name": "M", "domain": "d", "region": "a", "places": 5, "start": "2025-02",
              "priority": 1, "tags": ["neu", "kita"] }
        ],
        "scenarios": [ { "id": "s", "name": "S", "arrivals": [ { "from": "2025-01", "per_month": 1, "source": "BAMF" } ],
                         "age_distribution": { "0-17": 0.5, "18+": 0.5 }, "label": "x" } ],
        "budget": [ { "year": 2025, "eur": 1, "title": "HH 2025" } ],
        "zz_extension": [1, 2, { "deep": true }]
    })
}

#[test]
fn unknown_fields_survive_the_round_trip() {
    let loaded = load_str(&plan_with_unknown_fields().to_string(), "x.json").unwrap();
    assert_eq!(loaded.warnings.len(), 9, "{:?}", loaded.warnings);
    let saved: Value = serde_json::from_str(&plan_to_string(&loaded.plan).unwrap()).unwrap();
    assert_eq!(saved["zz_extension"], json!([1, 2, { "deep": true }]));
    assert_eq!(saved["meta"]["reviewed_by"], json!({ "name": "B", "on": "2025-03-01" }));
    assert_eq!(saved["measures"][0]["priority"], json!(1));
    assert_eq!(saved["measures"][0]["tags"], json!(["neu", "kita"]));
    assert_eq!(saved["domains"][0]["icon"], json!("house"));
    assert_eq!(saved["regions"][0]["ags"], json!("05315"));
    assert_eq!(saved["scenarios"][0]["label"], json!("x"));
    assert_eq!(saved["scenarios"][0]["arrivals"][0]["source"], json!("BAMF"));
    assert_eq!(saved["budget"][0]["title"], json!("HH 2025"));
    let again = load_str(&saved.to_string(), "y.json").unwrap();
    assert_eq!(again.plan, loaded.plan);
}

#[test]
fn save_plan_keeps_the_previous_file_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.json");
    let plan = load_str(&plan_with_unknown_fields().to_string(), "x.json").unwrap().plan;
    save_plan(&plan, &path).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(!backup_path(&path).exists(), "no backup of a file that did not exist");

    let mut changed = plan.clone();
    changed.meta.title = "Changed".to_owned();
    save_plan(&changed, &path).unwrap();
    assert_eq!(backup_path(&path), folder.path().join("plan.json.bak"));
    assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), first);
    assert_eq!(load_file(&path).unwrap().plan, changed);
    // Nothing but the plan and its backup is left in the folder.
    let mut names: Vec<String> =
        std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["plan.json", "plan.json.bak"]);
}

#[test]
fn a_save_into_a_missing_folder_fails_and_leaves_nothing_behind() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("missing").join("plan.json");
    let plan = load_str(&plan_with_unknown_fields().to_string(), "x.json").unwrap().plan;
    let error = save_plan(&plan, &path).unwrap_err();
    assert!(error.to_string().contains("plan.json"), "{error}");
    assert!(!folder.path().join("missing").exists());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

/// Saves once for real, then tries again with `step` failing with `kind`: the old file must stay
/// byte for byte, no temporary file may remain, and the error must say what went wrong.
fn failing_save_keeps_the_old_file(step: SaveStep, kind: std::io::ErrorKind, reason: &str) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.json");
    save_plan(&load_str(&plan_with_unknown_fields().to_string(), "x.json").unwrap().plan, &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let error = write_atomically_with_faults(&path, b"{ \"new\": true }\n", true, |s| {
        (s == step).then(|| std::io::Error::new(kind, reason.to_owned()))
    })
    .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("plan.json") && message.contains(reason), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the previous file changed after a failed save at {step:?}");
    let leftovers: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_full_disk_leaves_the_previous_file_intact() {
    failing_save_keeps_the_old_file(SaveStep::Write, std::io::ErrorKind::StorageFull, "No space left on device");
    failing_save_keeps_the_old_file(SaveStep::Sync, std::io::ErrorKind::StorageFull, "No space left on device");
}

#[test]
fn a_read_only_folder_leaves_the_previous_file_intact() {
    failing_save_keeps_the_old_file(SaveStep::CreateTemp, std::io::ErrorKind::PermissionDenied, "Permission denied");
    failing_save_keeps_the_old_file(SaveStep::Backup, std::io::ErrorKind::PermissionDenied, "Permission denied");
}

#[test]
fn a_vanished_path_leaves_the_previous_file_intact() {
    failing_save_keeps_the_old_file(SaveStep::Rename, std::io::ErrorKind::NotFound, "No such file or directory");
}

#[test]
fn a_save_whose_folder_was_deleted_fails_with_the_reason() {
    let folder = tempfile::tempdir().unwrap();
    let inner = folder.path().join("gone");
    std::fs::create_dir(&inner).unwrap();
    let path = inner.join("plan.json");
    std::fs::remove_dir(&inner).unwrap();
    let plan = load_str(&plan_with_unknown_fields().to_string(), "x.json").unwrap().plan;
    let message = save_plan(&plan, &path).unwrap_err().to_string();
    assert!(message.contains("gone/plan.json") && message.contains("temporary file"), "{message}");
}
