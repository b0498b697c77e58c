//! Version ids: where a plan comes from, so that a file that comes back from a colleague can be
//! merged without asking for the common original.
//!
//! Every save of the window writes into `meta` the id of the new version (`version_id`), the id
//! of the version it was made from (`parent_version_id`) and up to [`MAX_EARLIER_IDS`] ids of
//! versions before that (`earlier_version_ids`, newest first). An id ends with the hash of the
//! plan's meaning ([`content_hash`]), so a program can tell whether a file still is the version
//! it names: a program that does not know these fields keeps them as unknown fields when it saves
//! a changed plan, and such a file is then taken as *made from* that version, never as it.

use super::canonical::canonical_text;
use crate::model::Plan;
use serde_json::Value;

/// `meta.version_id`: the id of this version.
pub const VERSION_ID: &str = "version_id";
/// `meta.parent_version_id`: the id of the version this one was made from.
pub const PARENT_VERSION_ID: &str = "parent_version_id";
/// `meta.earlier_version_ids`: ids of versions before the parent, newest first.
pub const EARLIER_VERSION_IDS: &str = "earlier_version_ids";
/// Most ids kept in `earlier_version_ids`.
pub const MAX_EARLIER_IDS: usize = 50;
/// Longest id the program accepts as a version id.
pub const MAX_ID_LEN: usize = 64;
/// The prefix of the id of a plan that names no version of its own (or names one it no longer
/// is): `content-` and its [`content_hash`].
pub const CONTENT_ID_PREFIX: &str = "content-";

/// Where a plan comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// The plan's own id: its `meta.version_id` when that ends with the hash of exactly this
    /// content, else its content id (`content-<hash>`).
    pub id: String,
    /// The versions it descends from, newest first, without `id` and without duplicates: a
    /// `version_id` that no longer matches the content (the file was changed by a program that
    /// does not know version ids), `parent_version_id`, then `earlier_version_ids`.
    pub ancestors: Vec<String>,
}

impl Lineage {
    /// The id and the ancestors, in that order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.ancestors.iter().map(String::as_str))
    }
}

/// The hash of the plan's meaning (its canonical form, version bookkeeping left out), as 16
/// hexadecimal digits: FNV-1a, 64 bit, over the compact canonical JSON. Two files of the same
/// meaning have the same hash.
pub fn content_hash(plan: &Plan) -> String {
    let text = canonical_text(plan);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `id` can be a version id: 1–64 ASCII letters, digits and `-` (so that it can also
/// name a file in the version store).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn meta_text<'a>(plan: &'a Plan, key: &str) -> Option<&'a str> {
    plan.meta.extra.get(key).and_then(Value::as_str).filter(|id| is_valid_id(id))
}

/// `meta.version_id`, when it is a valid id.
pub fn version_id(plan: &Plan) -> Option<&str> {
    meta_text(plan, VERSION_ID)
}

/// `meta.parent_version_id`, when it is a valid id.
pub fn parent_version_id(plan: &Plan) -> Option<&str> {
    meta_text(plan, PARENT_VERSION_ID)
}

/// The valid ids of `meta.earlier_version_ids`.
pub fn earlier_version_ids(plan: &Plan) -> Vec<&str> {
    let list = plan.meta.extra.get(EARLIER_VERSION_IDS).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    list.iter().filter_map(Value::as_str).filter(|id| is_valid_id(id)).collect()
}

/// Where `plan` comes from (see [`Lineage`]).
pub fn lineage(plan: &Plan) -> Lineage {
    let hash = content_hash(plan);
    let claimed = version_id(plan);
    let (id, changed_from) = match claimed {
        Some(claimed) if claimed.ends_with(&format!("-{hash}")) => (claimed.to_owned(), None),
        other => (format!("{CONTENT_ID_PREFIX}{hash}"), other),
    };
    let mut ancestors: Vec<String> = Vec::new();
    let candidates = changed_from.into_iter().chain(parent_version_id(plan)).chain(earlier_version_ids(plan));
    for ancestor in candidates {
        if ancestor != id && !ancestors.iter().any(|a| a == ancestor) {
            ancestors.push(ancestor.to_owned());
        }
    }
    Lineage { id, ancestors }
}

/// A new version id for `plan` saved at `now`: `20261203T174512Z-<content hash>`.
pub fn new_version_id(plan: &Plan, now: chrono::DateTime<chrono::Utc>) -> String {
    format!("{}-{}", now.format("%Y%m%dT%H%M%SZ"), content_hash(plan))
}

/// Writes the version ids of a new version of `plan` into its `meta`: a new `version_id`,
/// `parent_version_id` = `from.id` (the version it was opened or last saved as), and
/// `earlier_version_ids` = the ancestors of `from`, then `also` (the versions merged into it),
/// at most [`MAX_EARLIER_IDS`]. Returns the lineage of the new version.
pub fn stamp(plan: &mut Plan, from: &Lineage, also: &[String], now: chrono::DateTime<chrono::Utc>) -> Lineage {
    let id = new_version_id(plan, now);
    let mut earlier: Vec<String> = Vec::new();
    for ancestor in from.ancestors.iter().chain(also) {
        if *ancestor != from.id && *ancestor != id && !earlier.contains(ancestor) && earlier.len() < MAX_EARLIER_IDS {
            earlier.push(ancestor.clone());
        }
    }
    set_version_fields(plan, Some(&id), Some(&from.id), &earlier);
    let mut ancestors = vec![from.id.clone()];
    ancestors.extend(earlier);
    Lineage { id, ancestors }
}

/// Sets (or, with `None` and an empty list, removes) the three version fields of `meta`, in
/// place where they are already written, else after the other fields.
pub fn set_version_fields(plan: &mut Plan, id: Option<&str>, parent: Option<&str>, earlier: &[String]) {
    let extra = &mut plan.meta.extra;
    let mut put = |key: &str, value: Option<Value>| match value {
        Some(value) => match extra.get_mut(key) {
            Some(slot) => *slot = value,
            None => {
                extra.insert(key.to_owned(), value);
            }
        },
        None => {
            extra.shift_remove(key);
        }
    };
    put(VERSION_ID, id.map(Value::from));
    put(PARENT_VERSION_ID, parent.map(Value::from));
    let list = (!earlier.is_empty()).then(|| Value::Array(earlier.iter().map(|id| Value::from(id.as_str())).collect()));
    put(EARLIER_VERSION_IDS, list);
}

/// Copies the version fields of `from` onto `plan` (an edit of `meta` never changes them: they
/// are bookkeeping, not content).
pub fn keep_version_fields(plan_meta: &mut crate::model::Meta, from: &crate::model::Meta) {
    for key in super::IGNORED_META_FIELDS {
        match from.extra.get(key) {
            Some(value) => {
                if plan_meta.extra.get(key) != Some(value) {
                    match plan_meta.extra.get_mut(key) {
                        Some(slot) => *slot = value.clone(),
                        None => {
                            plan_meta.extra.insert(key.to_owned(), value.clone());
                        }
                    }
                }
            }
            None => {
                plan_meta.extra.shift_remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::sample::nrw_2025().expect("sample loads").plan
    }

    fn at(second: u32) -> chrono::DateTime<chrono::Utc> {
        use chrono::TimeZone;
        chrono::Utc.with_ymd_and_hms(2026, 12, 3, 17, 45, second).single().expect("a time")
    }

    #[test]
    fn a_plan_without_ids_is_known_by_its_content() {
        let plan = sample();
        let lineage = lineage(&plan);
        assert_eq!(lineage.id, format!("content-{}", content_hash(&plan)));
        assert!(lineage.ancestors.is_empty());
    }

    #[test]
    fn a_stamped_plan_is_its_version_and_names_where_it_came_from() {
        let mut plan = sample();
        let opened = lineage(&plan);
        let first = stamp(&mut plan, &opened, &[], at(12));
        assert!(first.id.starts_with("20261203T174512Z-"), "{}", first.id);
        assert_eq!(lineage(&plan), first);
        assert_eq!(parent_version_id(&plan), Some(opened.id.as_str()));

        plan.measures[0].places += 1.0;
        let changed = lineage(&plan);
        assert_ne!(changed.id, first.id, "a changed plan is no longer the version it names");
        assert_eq!(changed.ancestors.first(), Some(&first.id), "but it was made from it");
        let second = stamp(&mut plan, &first, &[], at(30));
        assert_eq!(parent_version_id(&plan), Some(first.id.as_str()));
        assert_eq!(earlier_version_ids(&plan), vec![opened.id.as_str()]);
        assert_eq!(second.ancestors, vec![first.id.clone(), opened.id]);
    }

    #[test]
    fn version_ids_are_no_change_of_meaning() {
        let plan = sample();
        let mut stamped = plan.clone();
        stamp(&mut stamped, &lineage(&plan), &[], at(1));
        assert_eq!(content_hash(&plan), content_hash(&stamped));
        let mut again = stamped.clone();
        stamp(&mut again, &lineage(&stamped), &[], at(2));
        assert!(!earlier_version_ids(&again).is_empty());
        assert_eq!(content_hash(&plan), content_hash(&again), "also with earlier ids (the key order stays)");
        assert!(crate::versions::diff_plans(&plan, &stamped).is_empty());
    }

    #[test]
    fn ids_that_cannot_name_a_file_are_ignored() {
        let mut plan = sample();
        plan.meta.extra.insert(VERSION_ID.into(), "../../etc/passwd".into());
        plan.meta.extra.insert(PARENT_VERSION_ID.into(), 5.into());
        assert_eq!(version_id(&plan), None);
        assert_eq!(parent_version_id(&plan), None);
        assert!(lineage(&plan).ancestors.is_empty());
    }
}
