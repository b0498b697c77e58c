//! Three-way merge of plan versions (SPEC §12): every change of BASE→OURS and BASE→THEIRS,
//! with conflicts that can be resolved one by one.

use super::canonical::{IGNORED_META_FIELDS, canonical};
use super::diff::{Change, List, Op, Target, diff_values, keyed};
use crate::io::LoadError;
use crate::model::Plan;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// One of the two changed versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// OURS: the version whose item order the result keeps.
    Ours,
    /// THEIRS: the other version.
    Theirs,
}

impl Side {
    /// `ours` or `theirs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        }
    }
}

/// Why two changes cannot both be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum ConflictKind {
    /// Both sides changed the same path, to different values (or added the same item with
    /// different content).
    BothChanged,
    /// One side removed an item in which the other side changed fields.
    ChangedInRemovedItem {
        /// The side that removed the item.
        removed_by: Side,
        /// The other side's changes inside the item.
        changes: Vec<Change>,
    },
}

/// A conflict: a path and each side's version of it (canonical values, `None` = absent or
/// removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Where: a field, or a whole item for [`ConflictKind::ChangedInRemovedItem`].
    pub target: Target,
    /// BASE's value.
    pub base: Option<Value>,
    /// OURS' value.
    pub ours: Option<Value>,
    /// THEIRS' value.
    pub theirs: Option<Value>,
    /// What kind of conflict.
    pub kind: ConflictKind,
}

impl Conflict {
    /// The path of the conflict (the item's path when one side removed it).
    pub fn path(&self) -> String {
        self.target.path()
    }

    /// The conflict in English, one line per changed path, each with both values:
    /// `measures[m].places: ours 80, theirs 90 (base 75)`.
    pub fn lines(&self) -> Vec<String> {
        match &self.kind {
            ConflictKind::BothChanged => vec![format!(
                "{}: ours {}, theirs {} (base {})",
                self.path(),
                shown(self.ours.as_ref()),
                shown(self.theirs.as_ref()),
                shown(self.base.as_ref())
            )],
            ConflictKind::ChangedInRemovedItem { removed_by, changes } => changes
                .iter()
                .map(|change| {
                    let changed = shown(change.new.as_ref());
                    let removed = format!("removed {}", self.path());
                    let (ours, theirs) = match removed_by {
                        Side::Ours => (removed, changed),
                        Side::Theirs => (changed, removed),
                    };
                    format!("{}: ours {ours}, theirs {theirs} (base {})", change.path(), shown(change.old.as_ref()))
                })
                .collect(),
        }
    }
}

/// A value for a message: compact JSON (control characters escaped), or `absent`.
fn shown(value: Option<&Value>) -> String {
    value.map_or_else(|| "absent".to_owned(), Value::to_string)
}

/// Why a merge gave no plan.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Some conflicts have not been resolved.
    #[error("{count} conflict(s) not resolved")]
    Unresolved {
        /// How many.
        count: usize,
    },
    /// The merged plan breaks a rule (e.g. `measures_off` names a measure the other side
    /// removed); every problem with its path.
    #[error("{0}")]
    Invalid(Box<LoadError>),
}

/// The result of [`merge_plans`]: the changes taken, the conflicts and how each is resolved.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    /// OURS as written (without the meta version bookkeeping): the result starts from it.
    start: Value,
    /// THEIRS in canonical form: where its added items go.
    theirs: Value,
    /// THEIRS' changes that OURS does not have and that conflict with nothing.
    taken: Vec<Change>,
    /// The conflicts, in the order of the changes.
    conflicts: Vec<Conflict>,
    /// How each conflict is resolved (`None`: not yet; OURS' version stays meanwhile).
    resolutions: Vec<Option<Side>>,
}

/// Merges the changes BASE→OURS and BASE→THEIRS (SPEC §12).
pub fn merge_plans(base: &Plan, ours: &Plan, theirs: &Plan) -> MergeOutcome {
    let base = canonical(base);
    let ours_canonical = canonical(ours);
    let theirs = canonical(theirs);
    let ours_changes = diff_values(&base, &ours_canonical);
    let theirs_changes = diff_values(&base, &theirs);
    let mut start = crate::io::encode_plan(ours);
    if let Some(Value::Object(meta)) = start.get_mut("meta") {
        for key in IGNORED_META_FIELDS {
            meta.remove(key);
        }
    }

    let removed = |changes: &[Change]| -> HashSet<(List, String)> {
        changes
            .iter()
            .filter(|c| c.op == Op::Remove)
            .filter_map(|c| c.target.item().map(|(list, key)| (list, key.to_owned())))
            .collect()
    };
    let (ours_removed, theirs_removed) = (removed(&ours_changes), removed(&theirs_changes));
    let mut conflicts = Vec::new();
    let mut conflicted_items = HashSet::new();
    let item_value = |plan: &Value, list: List, key: &str| -> Option<Value> {
        keyed(list, plan.get(list.key())).into_iter().find(|(k, _)| k == key).map(|(_, item)| item.clone())
    };
    for (removed_by, removed_items, other_changes) in
        [(Side::Theirs, &theirs_removed, &ours_changes), (Side::Ours, &ours_removed, &theirs_changes)]
    {
        // In the order of the other side's changes, so that conflicts come in diff order.
        let mut seen = HashSet::new();
        for change in other_changes.iter() {
            let Some((list, key)) = change.target.item() else { continue };
            let item = (list, key.to_owned());
            if change.op != Op::Change || !removed_items.contains(&item) || !seen.insert(item.clone()) {
                continue;
            }
            let changes: Vec<Change> =
                other_changes.iter().filter(|c| c.op == Op::Change && c.target.item() == Some((list, key))).cloned().collect();
            conflicts.push(Conflict {
                target: Target::Item { list, key: key.to_owned() },
                base: item_value(&base, list, key),
                ours: item_value(&ours_canonical, list, key),
                theirs: item_value(&theirs, list, key),
                kind: ConflictKind::ChangedInRemovedItem { removed_by, changes },
            });
            conflicted_items.insert(item);
        }
    }
    let ours_by_target: HashMap<&Target, &Change> = ours_changes.iter().map(|c| (&c.target, c)).collect();
    let mut taken = Vec::new();
    for change in theirs_changes {
        if change.target.item().is_some_and(|(list, key)| conflicted_items.contains(&(list, key.to_owned()))) {
            continue;
        }
        match ours_by_target.get(&change.target) {
            Some(own) if own.op == change.op && own.new == change.new => {}
            Some(own) => conflicts.push(Conflict {
                target: change.target.clone(),
                base: change.old.clone(),
                ours: own.new.clone(),
                theirs: change.new.clone(),
                kind: ConflictKind::BothChanged,
            }),
            None => taken.push(change),
        }
    }
    // In diff order: by the place of OURS' change at the conflict's path (or inside its item).
    let mut first_at: HashMap<&Target, usize> = HashMap::new();
    let mut first_in_item: HashMap<(List, &str), usize> = HashMap::new();
    for (index, change) in ours_changes.iter().enumerate() {
        first_at.entry(&change.target).or_insert(index);
        if let Some(item) = change.target.item() {
            first_in_item.entry(item).or_insert(index);
        }
    }
    let place = |conflict: &Conflict| {
        first_at
            .get(&conflict.target)
            .or_else(|| conflict.target.item().and_then(|item| first_in_item.get(&item)))
            .copied()
            .unwrap_or(usize::MAX)
    };
    conflicts.sort_by_key(place);
    let resolutions = vec![None; conflicts.len()];
    MergeOutcome { start, theirs, taken, conflicts, resolutions }
}

impl MergeOutcome {
    /// The conflicts, in the order of the changes.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// THEIRS' changes taken into OURS without conflict.
    pub fn taken(&self) -> &[Change] {
        &self.taken
    }

    /// Resolves conflict `index` by taking `side`'s version; false when there is no such
    /// conflict.
    pub fn resolve(&mut self, index: usize, side: Side) -> bool {
        match self.resolutions.get_mut(index) {
            Some(slot) => {
                *slot = Some(side);
                true
            }
            None => false,
        }
    }

    /// Resolves every conflict by taking `side`'s version (`--prefer`).
    pub fn resolve_all(&mut self, side: Side) {
        self.resolutions.iter_mut().for_each(|slot| *slot = Some(side));
    }

    /// How conflict `index` is resolved, if it is.
    pub fn resolution(&self, index: usize) -> Option<Side> {
        self.resolutions.get(index).copied().flatten()
    }

    /// How many conflicts are not resolved yet.
    pub fn unresolved(&self) -> usize {
        self.resolutions.iter().filter(|r| r.is_none()).count()
    }

    /// The merged document: OURS with THEIRS' changes and the resolved conflicts (an
    /// unresolved conflict keeps OURS' version). Not validated.
    pub fn merged_value(&self) -> Value {
        let mut edits = Edits::default();
        for change in &self.taken {
            edits.push(&change.target, change.new.as_ref());
        }
        for (conflict, resolution) in self.conflicts.iter().zip(&self.resolutions) {
            if *resolution == Some(Side::Theirs) {
                // A field takes THEIRS' value; an item THEIRS removed goes, one only OURS removed
                // comes back as THEIRS has it, where THEIRS has it.
                edits.push(&conflict.target, conflict.theirs.as_ref());
            }
        }
        let mut out = self.start.clone();
        edits.apply(&mut out, &self.theirs);
        out
    }

    /// The merged plan, validated; `name` names it in messages.
    pub fn merged_plan(&self, name: &str) -> Result<Plan, MergeError> {
        let count = self.unresolved();
        if count > 0 {
            return Err(MergeError::Unresolved { count });
        }
        crate::io::from_value(&self.merged_value(), name).map(|loaded| loaded.plan).map_err(|e| MergeError::Invalid(Box::new(e)))
    }
}

/// What a merge sets, by kind, so that applying them is linear in the size of the plan.
#[derive(Default)]
struct Edits<'a> {
    /// Fields of items, sections and the top level: set (`Some`) or removed (`None`).
    fields: Vec<(&'a Target, Option<&'a Value>)>,
    /// Whole items: replaced where OURS has them, else inserted where THEIRS has them.
    items: Vec<(List, &'a str, &'a Value)>,
    /// Items removed.
    removed: HashSet<(List, &'a str)>,
}

impl<'a> Edits<'a> {
    fn push(&mut self, target: &'a Target, value: Option<&'a Value>) {
        match (target, value) {
            (Target::Item { list, key }, Some(item)) => self.items.push((*list, key, item)),
            (Target::Item { list, key }, None) => {
                self.removed.insert((*list, key));
            }
            _ => self.fields.push((target, value)),
        }
    }

    /// Applies the edits to `out` (OURS as written); `theirs` tells where new items go.
    fn apply(self, out: &mut Value, theirs: &Value) {
        let Value::Object(root) = out else { return };
        for list in List::ALL {
            let touches = |l: List| l == list;
            let fields: Vec<&(&Target, Option<&Value>)> =
                self.fields.iter().filter(|(target, _)| target.item().is_some_and(|(l, _)| touches(l))).collect();
            let items: Vec<&(List, &str, &Value)> = self.items.iter().filter(|(l, _, _)| touches(*l)).collect();
            let removing = self.removed.iter().any(|(l, _)| touches(*l));
            if fields.is_empty() && items.is_empty() && !removing {
                continue;
            }
            let Some(values) = list_of(root, list) else { continue };
            let index: HashMap<String, usize> =
                values.iter().enumerate().filter_map(|(i, item)| list.key_of(item).map(|key| (key, i))).collect();
            for (target, value) in fields {
                let Target::ItemField { key, field, .. } = target else { continue };
                if let Some(Value::Object(item)) = index.get(key.as_str()).and_then(|&i| values.get_mut(i)) {
                    set(item, field, *value);
                }
            }
            let mut inserts = Vec::new();
            for &&(_, key, item) in &items {
                match index.get(key).and_then(|&i| values.get_mut(i)) {
                    Some(slot) => *slot = item.clone(),
                    None => inserts.push((key, item)),
                }
            }
            if removing {
                values.retain(|item| list.key_of(item).is_none_or(|key| !self.removed.contains(&(list, key.as_str()))));
            }
            insert_items(list, values, theirs, inserts);
        }
        for (target, value) in &self.fields {
            match target {
                Target::SectionField { section, field } => {
                    let slot = root.entry(section.key()).or_insert_with(|| section.absent_value());
                    if !slot.is_object() {
                        *slot = section.absent_value();
                    }
                    if let Value::Object(map) = slot {
                        set(map, field, *value);
                    }
                }
                Target::TopLevel { field } => set(root, field, *value),
                Target::Item { .. } | Target::ItemField { .. } => {}
            }
        }
    }
}

fn set(map: &mut Map<String, Value>, key: &str, value: Option<&Value>) {
    match value {
        Some(value) => {
            map.insert(key.to_owned(), value.clone());
        }
        None => {
            map.remove(key);
        }
    }
}

fn list_of(root: &mut Map<String, Value>, list: List) -> Option<&mut Vec<Value>> {
    let slot = root.entry(list.key()).or_insert_with(|| Value::Array(Vec::new()));
    if !slot.is_array() {
        *slot = Value::Array(Vec::new());
    }
    slot.as_array_mut()
}

/// Inserts items that only THEIRS has after the item they follow in THEIRS (the nearest one
/// before them that the result has), or at the start; in THEIRS' order, so that a run of new
/// items keeps its order.
fn insert_items(list: List, values: &mut Vec<Value>, theirs: &Value, inserts: Vec<(&str, &Value)>) {
    if inserts.is_empty() {
        return;
    }
    let order: Vec<String> = keyed(list, theirs.get(list.key())).into_iter().map(|(key, _)| key).collect();
    let position: HashMap<&str, usize> = order.iter().enumerate().map(|(i, key)| (key.as_str(), i)).collect();
    let mut inserts: Vec<(usize, &str, &Value)> =
        inserts.into_iter().map(|(key, item)| (position.get(key).copied().unwrap_or(usize::MAX), key, item)).collect();
    inserts.sort_by_key(|(place, _, _)| *place);
    let mut present: HashSet<String> = values.iter().filter_map(|item| list.key_of(item)).collect();
    // Each new item hangs after an anchor (an item of the result, or a new item before it).
    let mut after: HashMap<String, Vec<&Value>> = HashMap::new();
    let mut first: Vec<&Value> = Vec::new();
    for (place, key, item) in inserts {
        let before = order.get(..place.min(order.len())).unwrap_or(&[]);
        match before.iter().rev().find(|k| present.contains(*k)) {
            Some(anchor) => after.entry(anchor.clone()).or_default().push(item),
            None => first.push(item),
        }
        present.insert(key.to_owned());
    }
    let old = std::mem::take(values);
    let mut pending: Vec<Value> = old.into_iter().rev().chain(first.into_iter().rev().cloned()).collect();
    // A stack: each item taken is followed by the items anchored to it.
    while let Some(item) = pending.pop() {
        if let Some(hanging) = list.key_of(&item).and_then(|key| after.remove(&key)) {
            pending.extend(hanging.into_iter().rev().cloned());
        }
        values.push(item);
    }
}
