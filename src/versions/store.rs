//! The version store: the versions of plans the program saved or opened, kept in its data
//! folder, so that the common original of two versions is found without asking.
//!
//! One file per version (`<id>.json`, the plan as the program saves it) and `index.json` with
//! each version's id, ancestors, size and when it was stored, oldest first. The store is
//! bounded ([`StoreLimits`]: by default the last 200 versions and 500 MB); the oldest versions
//! are dropped first. Nothing here needs a window.

use super::lineage::{Lineage, is_valid_id, lineage};
use crate::model::Plan;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Name of the index file in the store's folder.
pub const INDEX_FILE: &str = "index.json";
/// Most versions kept by default.
pub const DEFAULT_MAX_VERSIONS: usize = 200;
/// Most bytes of plan files kept by default (500 MB).
pub const DEFAULT_MAX_BYTES: u64 = 500 * 1000 * 1000;

/// How much the store keeps: whichever bound is reached first drops the oldest versions (the
/// newest is always kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreLimits {
    /// Most versions.
    pub max_versions: usize,
    /// Most bytes of plan files together.
    pub max_bytes: u64,
}

impl Default for StoreLimits {
    fn default() -> Self {
        StoreLimits { max_versions: DEFAULT_MAX_VERSIONS, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// One version in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredVersion {
    /// Its version id (the name of its file without `.json`).
    pub id: String,
    /// The versions it descends from, newest first (see [`Lineage`]).
    #[serde(default)]
    pub ancestors: Vec<String>,
    /// Size of its file in bytes.
    #[serde(default)]
    pub bytes: u64,
    /// When it was stored (or last saved or opened again), seconds since 1970 (UTC).
    #[serde(default)]
    pub stored_at_unix: i64,
    /// The plan's title, to name it.
    #[serde(default)]
    pub title: String,
}

/// Why the store could not keep a version.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The version has no id that can name a file.
    #[error("version id {0:?} cannot name a file")]
    BadId(String),
    /// Writing failed.
    #[error("{path}: {message}")]
    Write {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// The version store in one folder.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionStore {
    folder: PathBuf,
    limits: StoreLimits,
}

impl VersionStore {
    /// The store in `folder` (created at the first version kept), with the default limits.
    pub fn in_folder(folder: &Path) -> Self {
        VersionStore { folder: folder.to_path_buf(), limits: StoreLimits::default() }
    }

    /// The same store with other limits.
    pub fn with_limits(mut self, limits: StoreLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The folder of the store.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The versions kept, oldest first (empty when the index is missing or unreadable).
    pub fn versions(&self) -> Vec<StoredVersion> {
        let Ok(text) = std::fs::read(self.folder.join(INDEX_FILE)) else { return Vec::new() };
        let versions: Vec<StoredVersion> = serde_json::from_slice(&text).unwrap_or_default();
        versions.into_iter().filter(|v| is_valid_id(&v.id)).collect()
    }

    fn file_of(&self, id: &str) -> PathBuf {
        self.folder.join(format!("{id}.json"))
    }

    /// Keeps `plan` (saved or opened) under its own id ([`lineage`]) and returns its lineage. A
    /// version already kept becomes the newest; the oldest versions beyond the limits are
    /// dropped.
    pub fn keep(&self, plan: &Plan) -> Result<Lineage, StoreError> {
        let lineage = lineage(plan);
        self.keep_as(plan, &lineage)?;
        Ok(lineage)
    }

    /// Keeps `plan` under `lineage` (computed by the caller, e.g. right after a save).
    pub fn keep_as(&self, plan: &Plan, lineage: &Lineage) -> Result<(), StoreError> {
        if !is_valid_id(&lineage.id) {
            return Err(StoreError::BadId(lineage.id.clone()));
        }
        let failed = |path: &Path, message: String| StoreError::Write { path: path.display().to_string(), message };
        std::fs::create_dir_all(&self.folder).map_err(|e| failed(&self.folder, e.to_string()))?;
        let mut versions = self.versions();
        let file = self.file_of(&lineage.id);
        let known = versions.iter().position(|v| v.id == lineage.id);
        let mut entry = match known.filter(|_| file.is_file()) {
            Some(index) => versions.remove(index),
            None => {
                if let Some(index) = known {
                    versions.remove(index);
                }
                let text = crate::io::plan_to_string(plan).map_err(|e| failed(&file, e.to_string()))?;
                crate::io::write_atomically(&file, text.as_bytes(), false).map_err(|e| failed(&file, e.to_string()))?;
                StoredVersion {
                    id: lineage.id.clone(),
                    ancestors: Vec::new(),
                    bytes: text.len() as u64,
                    stored_at_unix: 0,
                    title: plan.meta.title.clone(),
                }
            }
        };
        entry.ancestors = lineage.ancestors.clone();
        entry.stored_at_unix = chrono::Utc::now().timestamp();
        versions.push(entry);
        let dropped = trim(&mut versions, self.limits);
        self.write_index(&versions)?;
        for version in dropped {
            // A file that cannot be removed is only space; the index no longer names it.
            let _ = std::fs::remove_file(self.file_of(&version.id));
        }
        Ok(())
    }

    fn write_index(&self, versions: &[StoredVersion]) -> Result<(), StoreError> {
        let path = self.folder.join(INDEX_FILE);
        let failed = |message: String| StoreError::Write { path: path.display().to_string(), message };
        let text = serde_json::to_string_pretty(versions).map_err(|e| failed(e.to_string()))?;
        crate::io::write_atomically(&path, text.as_bytes(), false).map_err(|e| failed(e.to_string()))
    }

    /// The plan of version `id`, if the store has it and it still loads.
    pub fn load(&self, id: &str) -> Option<Plan> {
        if !is_valid_id(id) {
            return None;
        }
        crate::io::load_file(&self.file_of(id)).ok().map(|loaded| loaded.plan)
    }

    /// The common original of two versions: of the versions kept that both descend from (or
    /// are), the newest — one that is no ancestor of another such version; among several, the
    /// one stored last. `None` when the store has no common version.
    pub fn find_base(&self, ours: &Lineage, theirs: &Lineage) -> Option<StoredVersion> {
        let versions = self.versions();
        let parents: HashMap<&str, &[String]> = versions.iter().map(|v| (v.id.as_str(), v.ancestors.as_slice())).collect();
        let ours_all = closure(ours.ids(), &parents);
        let theirs_all = closure(theirs.ids(), &parents);
        let common: Vec<&StoredVersion> = versions
            .iter()
            .filter(|v| ours_all.contains(v.id.as_str()) && theirs_all.contains(v.id.as_str()))
            .filter(|v| self.file_of(&v.id).is_file())
            .collect();
        let strict_ancestors: HashSet<&str> = common
            .iter()
            .flat_map(|v| {
                let mut all = closure(v.ancestors.iter().map(String::as_str), &parents);
                all.remove(v.id.as_str());
                all
            })
            .collect();
        common.into_iter().rev().find(|v| !strict_ancestors.contains(v.id.as_str())).cloned()
    }
}

/// Every id reachable from `start` through the ancestors the store knows (`start` included).
fn closure<'a>(start: impl Iterator<Item = &'a str>, parents: &HashMap<&'a str, &'a [String]>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    let mut pending: Vec<&str> = start.collect();
    while let Some(id) = pending.pop() {
        if seen.insert(id) {
            pending.extend(parents.get(id).into_iter().flat_map(|list| list.iter().map(String::as_str)));
        }
    }
    seen
}

/// Drops the oldest versions beyond `limits` (the newest is always kept); returns them.
fn trim(versions: &mut Vec<StoredVersion>, limits: StoreLimits) -> Vec<StoredVersion> {
    let mut dropped = Vec::new();
    let total = |versions: &[StoredVersion]| versions.iter().map(|v| v.bytes).sum::<u64>();
    while versions.len() > 1 && (versions.len() > limits.max_versions || total(versions) > limits.max_bytes) {
        dropped.push(versions.remove(0));
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::versions::lineage::stamp;

    fn sample() -> Plan {
        crate::sample::nrw_2025().expect("sample loads").plan
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now()
    }

    /// A new version made from `plan` as saved (`from`), with one measure's places set.
    fn saved_change(plan: &Plan, from: &Lineage, places: f64) -> (Plan, Lineage) {
        let mut next = plan.clone();
        next.measures[0].places = places;
        let lineage = stamp(&mut next, from, &[], now());
        (next, lineage)
    }

    #[test]
    fn the_base_of_a_colleagues_version_is_the_version_both_were_made_from() {
        let folder = tempfile::tempdir().expect("temp folder");
        let store = VersionStore::in_folder(folder.path());
        let original = sample();
        let opened = store.keep(&original).expect("kept");
        let (mine, mine_lineage) = saved_change(&original, &opened, 80.0);
        store.keep_as(&mine, &mine_lineage).expect("kept");
        // The colleague saved twice before sending the file back; this store never saw those.
        let (theirs_1, theirs_1_lineage) = saved_change(&original, &opened, 90.0);
        let (theirs_2, _) = saved_change(&theirs_1, &theirs_1_lineage, 95.0);
        let base = store.find_base(&mine_lineage, &lineage(&theirs_2)).expect("a common version");
        assert_eq!(base.id, opened.id);
        assert_eq!(store.load(&base.id), Some(original));
    }

    #[test]
    fn the_newest_common_version_is_the_base() {
        let folder = tempfile::tempdir().expect("temp folder");
        let store = VersionStore::in_folder(folder.path());
        let original = sample();
        let first = store.keep(&original).expect("kept");
        let (second, second_lineage) = saved_change(&original, &first, 80.0);
        store.keep_as(&second, &second_lineage).expect("kept");
        let (mine, mine_lineage) = saved_change(&second, &second_lineage, 85.0);
        let (theirs, theirs_lineage) = saved_change(&second, &second_lineage, 90.0);
        assert_ne!(mine, theirs);
        let base = store.find_base(&mine_lineage, &theirs_lineage).expect("a common version");
        assert_eq!(base.id, second_lineage.id, "not the older common version {}", first.id);
    }

    #[test]
    fn a_file_changed_by_an_older_program_is_not_taken_for_the_version_it_names() {
        let folder = tempfile::tempdir().expect("temp folder");
        let store = VersionStore::in_folder(folder.path());
        let original = sample();
        let opened = store.keep(&original).expect("kept");
        let (sent, sent_lineage) = saved_change(&original, &opened, 80.0);
        store.keep_as(&sent, &sent_lineage).expect("kept");
        // An older program keeps the ids as unknown fields and changes the content.
        let mut changed_elsewhere = sent.clone();
        changed_elsewhere.measures[1].places += 7.0;
        let theirs = lineage(&changed_elsewhere);
        assert_ne!(theirs.id, sent_lineage.id);
        let base = store.find_base(&sent_lineage, &theirs).expect("a common version");
        assert_eq!(base.id, sent_lineage.id);
        // Opening it keeps it under its content id; the version it names stays as it was.
        store.keep(&changed_elsewhere).expect("kept");
        assert_eq!(store.load(&sent_lineage.id), Some(sent));
    }

    #[test]
    fn unrelated_plans_have_no_base() {
        let folder = tempfile::tempdir().expect("temp folder");
        let store = VersionStore::in_folder(folder.path());
        let one = sample();
        let mut other = sample();
        other.meta.title = "Anderer Plan".into();
        store.keep(&one).expect("kept");
        assert_eq!(store.find_base(&lineage(&one), &lineage(&other)), None);
    }

    #[test]
    fn the_store_keeps_the_newest_versions_within_its_limits() {
        let folder = tempfile::tempdir().expect("temp folder");
        let store = VersionStore::in_folder(folder.path()).with_limits(StoreLimits { max_versions: 3, max_bytes: u64::MAX });
        let mut plan = sample();
        let mut ids = Vec::new();
        for places in 1..=5 {
            plan.measures[0].places = f64::from(places);
            ids.push(store.keep(&plan).expect("kept").id);
        }
        let kept: Vec<String> = store.versions().into_iter().map(|v| v.id).collect();
        assert_eq!(kept, ids[2..].to_vec());
        assert!(store.load(&ids[0]).is_none(), "the oldest file is removed");
        // Opening a kept version again makes it the newest.
        plan.measures[0].places = 3.0;
        store.keep(&plan).expect("kept");
        let kept: Vec<String> = store.versions().into_iter().map(|v| v.id).collect();
        assert_eq!(kept, vec![ids[3].clone(), ids[4].clone(), ids[2].clone()]);

        let one_file = store.versions()[0].bytes;
        let small = VersionStore::in_folder(folder.path())
            .with_limits(StoreLimits { max_versions: 200, max_bytes: one_file * 2 + one_file / 2 });
        plan.measures[0].places = 6.0;
        small.keep(&plan).expect("kept");
        assert_eq!(small.versions().len(), 2, "the byte bound drops the oldest too");
    }
}
