//! The changes between two plans (SPEC §12): items matched by id (by year in `budget`), fields
//! compared in the canonical form.

use super::canonical::{canonical, default_planning_year};
use crate::issue::key_path;
use crate::model::Plan;
use serde_json::{Map, Value, json};

/// A list of items matched by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    /// `domains`, by `id`.
    Domains,
    /// `regions`, by `id`.
    Regions,
    /// `measures`, by `id`.
    Measures,
    /// `scenarios`, by `id`.
    Scenarios,
    /// `budget`, by `year`.
    Budget,
}

impl List {
    /// The lists in the order their changes are reported.
    pub const ALL: [List; 5] = [List::Domains, List::Regions, List::Measures, List::Scenarios, List::Budget];

    /// The list's key in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            List::Domains => "domains",
            List::Regions => "regions",
            List::Measures => "measures",
            List::Scenarios => "scenarios",
            List::Budget => "budget",
        }
    }

    /// The field that identifies an item.
    pub fn id_field(self) -> &'static str {
        if self == List::Budget { "year" } else { "id" }
    }

    /// The known fields of an item, in the order their changes are reported (unknown fields
    /// follow in sorted order).
    pub fn known_fields(self) -> &'static [&'static str] {
        match self {
            List::Domains => &["id", "name", "unit", "rates", "persons_per_unit", "months_since_arrival", "planning"],
            List::Regions => &["id", "name", "population", "area_km2", "capacity", "location"],
            List::Measures => &[
                "id",
                "name",
                "domain",
                "region",
                "places",
                "start",
                "end",
                "ramp_months",
                "cost_once_eur",
                "cost_per_year_eur",
                "funding",
                "notes",
            ],
            List::Scenarios => &[
                "id",
                "name",
                "arrivals",
                "arrival_factor",
                "age_distribution",
                "leave_rate_per_year",
                "funding_included",
                "measures_off",
                "color",
                "uncertainty",
            ],
            List::Budget => &["year", "eur"],
        }
    }

    /// The key of `item` (its id, or its year as text), if it has one.
    pub fn key_of(self, item: &Value) -> Option<String> {
        match item.get(self.id_field())? {
            Value::String(id) => Some(id.clone()),
            Value::Number(n) => Some(crate::io::number(n.as_f64()?).to_string()),
            _ => None,
        }
    }
}

/// An object of the plan whose fields change one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `meta`.
    Meta,
    /// `horizon`.
    Horizon,
    /// `planning_year` (SPEC §11); absent = its defaults.
    PlanningYear,
}

impl Section {
    /// The sections in the order their changes are reported.
    pub const ALL: [Section; 3] = [Section::Meta, Section::Horizon, Section::PlanningYear];

    /// The section's key in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Horizon => "horizon",
            Section::PlanningYear => "planning_year",
        }
    }

    /// The known fields, in the order their changes are reported.
    pub fn known_fields(self) -> &'static [&'static str] {
        match self {
            Section::Meta => &["title", "author", "notes"],
            Section::Horizon => &["start", "months"],
            Section::PlanningYear => &["start_month", "reference_month"],
        }
    }

    /// The section's value when the plan does not have it.
    pub fn absent_value(self) -> Value {
        match self {
            Section::PlanningYear => default_planning_year(),
            Section::Meta | Section::Horizon => Value::Object(Map::new()),
        }
    }
}

/// Where a change happens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A whole item: `measures[kita-x]`.
    Item {
        /// The list.
        list: List,
        /// The item's id (or year).
        key: String,
    },
    /// One field of an item: `measures[kita-x].start`.
    ItemField {
        /// The list.
        list: List,
        /// The item's id (or year).
        key: String,
        /// The field.
        field: String,
    },
    /// One field of `meta`, `horizon` or `planning_year`: `horizon.months`.
    SectionField {
        /// The section.
        section: Section,
        /// The field.
        field: String,
    },
    /// Any other top-level field as a whole: `distribution`.
    TopLevel {
        /// The field.
        field: String,
    },
}

impl Target {
    /// The path as SPEC §12 writes it: `measures[kita-x].start`. An id with `[`, `]`, `"` or a
    /// control character is written as a JSON string: `measures["a]b"]`.
    pub fn path(&self) -> String {
        match self {
            Target::Item { list, key } => item_path(*list, key),
            Target::ItemField { list, key, field } => key_path(&item_path(*list, key), field),
            Target::SectionField { section, field } => key_path(section.key(), field),
            Target::TopLevel { field } => key_path("", field),
        }
    }

    /// The item this target lies in, if any.
    pub fn item(&self) -> Option<(List, &str)> {
        match self {
            Target::Item { list, key } | Target::ItemField { list, key, .. } => Some((*list, key)),
            Target::SectionField { .. } | Target::TopLevel { .. } => None,
        }
    }
}

fn item_path(list: List, key: &str) -> String {
    let plain = !key.chars().any(|c| matches!(c, '[' | ']' | '"') || c.is_control());
    if plain { format!("{}[{key}]", list.key()) } else { format!("{}[{}]", list.key(), Value::from(key)) }
}

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// An item only the new plan has.
    Add,
    /// An item only the old plan has.
    Remove,
    /// A field with another value (or present on one side only).
    Change,
}

impl Op {
    /// The word of the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Remove => "remove",
            Op::Change => "change",
        }
    }
}

/// One change between two plans. Values are in the canonical form (defaults written,
/// sets sorted); `None` means absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Add, remove or change.
    pub op: Op,
    /// Where.
    pub target: Target,
    /// The old value (`None` for an add, or a field the old plan does not have).
    pub old: Option<Value>,
    /// The new value (`None` for a remove, or a field the new plan does not have).
    pub new: Option<Value>,
}

impl Change {
    /// The path of SPEC §12.
    pub fn path(&self) -> String {
        self.target.path()
    }

    /// The change as an entry of `changes` in the JSON output: `op`, `path`, and `old`/`new`
    /// (an add has no `old`, a remove no `new`; a change has both, `null` for an absent field).
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("op".into(), self.op.as_str().into());
        map.insert("path".into(), self.path().into());
        if self.op != Op::Add {
            map.insert("old".into(), self.old.clone().unwrap_or(Value::Null));
        }
        if self.op != Op::Remove {
            map.insert("new".into(), self.new.clone().unwrap_or(Value::Null));
        }
        Value::Object(map)
    }
}

/// The JSON document of `diff --format json`.
pub fn diff_to_json(changes: &[Change]) -> Value {
    json!({ "format": "integrationsplan-diff", "version": 1, "changes": changes.iter().map(Change::to_json).collect::<Vec<_>>() })
}

/// The changes from `old` to `new`, in the documented order.
pub fn diff_plans(old: &Plan, new: &Plan) -> Vec<Change> {
    diff_values(&canonical(old), &canonical(new))
}

/// Top-level fields that are no part of a plan's content.
const FRAME_FIELDS: [&str; 2] = ["format", "version"];
/// The top-level fields handled as sections or lists, in report order (`distribution` is
/// reported as a whole between regions and measures).
const ORDER: [&str; 9] =
    ["meta", "horizon", "planning_year", "domains", "regions", "distribution", "measures", "scenarios", "budget"];

/// The changes between two canonical plan documents (see [`super::canonical`]), in this
/// order: `meta`, `horizon`, `planning_year`, `domains`, `regions`, `distribution`,
/// `measures`, `scenarios`, `budget`, then other top-level fields by name.
pub fn diff_values(old: &Value, new: &Value) -> Vec<Change> {
    let empty = Map::new();
    let old_root = old.as_object().unwrap_or(&empty);
    let new_root = new.as_object().unwrap_or(&empty);
    let mut changes = Vec::new();
    for key in ORDER {
        if let Some(section) = Section::ALL.into_iter().find(|s| s.key() == key) {
            diff_section(section, old_root.get(key), new_root.get(key), &mut changes);
        } else if let Some(list) = List::ALL.into_iter().find(|l| l.key() == key) {
            diff_list(list, old_root.get(key), new_root.get(key), &mut changes);
        } else {
            diff_whole(key, old_root.get(key), new_root.get(key), &mut changes);
        }
    }
    let mut others: Vec<&String> = old_root.keys().chain(new_root.keys()).collect();
    others.sort();
    others.dedup();
    for key in others {
        if !ORDER.contains(&key.as_str()) && !FRAME_FIELDS.contains(&key.as_str()) {
            diff_whole(key, old_root.get(key), new_root.get(key), &mut changes);
        }
    }
    changes
}

fn diff_whole(key: &str, old: Option<&Value>, new: Option<&Value>, changes: &mut Vec<Change>) {
    if old != new {
        changes.push(Change {
            op: Op::Change,
            target: Target::TopLevel { field: key.to_owned() },
            old: old.cloned(),
            new: new.cloned(),
        });
    }
}

fn diff_section(section: Section, old: Option<&Value>, new: Option<&Value>, changes: &mut Vec<Change>) {
    let absent = section.absent_value();
    let (old, new) = (old.unwrap_or(&absent), new.unwrap_or(&absent));
    let (Value::Object(old_map), Value::Object(new_map)) = (old, new) else {
        // Not an object (only an unknown field can be anything): compared as a whole.
        if old != new {
            let target = Target::TopLevel { field: section.key().to_owned() };
            changes.push(Change { op: Op::Change, target, old: Some(old.clone()), new: Some(new.clone()) });
        }
        return;
    };
    for field in field_order(section.known_fields(), old_map, new_map) {
        let (before, after) = (old_map.get(&field), new_map.get(&field));
        if before != after {
            let target = Target::SectionField { section, field };
            changes.push(Change { op: Op::Change, target, old: before.cloned(), new: after.cloned() });
        }
    }
}

/// The known fields first, in their order, then the other keys of either object, sorted.
pub(crate) fn field_order(known: &[&str], old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut fields: Vec<String> = known.iter().map(|f| (*f).to_owned()).collect();
    let mut others: Vec<&String> = old.keys().chain(new.keys()).filter(|k| !known.contains(&k.as_str())).collect();
    others.sort();
    others.dedup();
    fields.extend(others.into_iter().cloned());
    fields
}

/// The items of a list with their keys; items without a key are left out.
pub(crate) fn keyed(list: List, value: Option<&Value>) -> Vec<(String, &Value)> {
    let items = value.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    items.iter().filter_map(|item| list.key_of(item).map(|key| (key, item))).collect()
}

fn diff_list(list: List, old: Option<&Value>, new: Option<&Value>, changes: &mut Vec<Change>) {
    let old_items = keyed(list, old);
    let new_items = keyed(list, new);
    let old_index: std::collections::HashMap<&str, &Value> = old_items.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let new_index: std::collections::HashMap<&str, &Value> = new_items.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    // A removed item is reported after the nearest item before it (in OLD) that NEW keeps;
    // removed items with no such item come first.
    let mut removed_after: std::collections::HashMap<&str, Vec<(&str, &Value)>> = std::collections::HashMap::new();
    let mut removed_first = Vec::new();
    let mut last_kept: Option<&str> = None;
    for (key, item) in &old_items {
        if new_index.contains_key(key.as_str()) {
            last_kept = Some(key);
        } else {
            match last_kept {
                Some(kept) => removed_after.entry(kept).or_default().push((key, *item)),
                None => removed_first.push((key.as_str(), *item)),
            }
        }
    }
    let remove = |key: &str, item: &Value| Change {
        op: Op::Remove,
        target: Target::Item { list, key: key.to_owned() },
        old: Some(item.clone()),
        new: None,
    };
    changes.extend(removed_first.iter().map(|(key, item)| remove(key, item)));
    for (key, item) in &new_items {
        match old_index.get(key.as_str()) {
            None => changes.push(Change {
                op: Op::Add,
                target: Target::Item { list, key: key.clone() },
                old: None,
                new: Some((*item).clone()),
            }),
            Some(before) => {
                diff_item(list, key, before, item, changes);
                if let Some(removed) = removed_after.get(key.as_str()) {
                    changes.extend(removed.iter().map(|(key, item)| remove(key, item)));
                }
            }
        }
    }
}

fn diff_item(list: List, key: &str, old: &Value, new: &Value, changes: &mut Vec<Change>) {
    let empty = Map::new();
    let old_map = old.as_object().unwrap_or(&empty);
    let new_map = new.as_object().unwrap_or(&empty);
    for field in field_order(list.known_fields(), old_map, new_map) {
        if field == list.id_field() {
            continue;
        }
        let (before, after) = (old_map.get(&field), new_map.get(&field));
        if before != after {
            let target = Target::ItemField { list, key: key.to_owned(), field };
            changes.push(Change { op: Op::Change, target, old: before.cloned(), new: after.cloned() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_the_spec_and_quote_what_would_be_ambiguous() {
        let field = |key: &str, field: &str| Target::ItemField { list: List::Measures, key: key.into(), field: field.into() };
        assert_eq!(field("kita-x", "start").path(), "measures[kita-x].start");
        assert_eq!(Target::Item { list: List::Budget, key: "2027".into() }.path(), "budget[2027]");
        assert_eq!(field("a]b", "start").path(), "measures[\"a]b\"].start");
        assert_eq!(field("m", "a b").path(), "measures[m][\"a b\"]");
        assert_eq!(Target::SectionField { section: Section::Horizon, field: "months".into() }.path(), "horizon.months");
        assert_eq!(Target::TopLevel { field: "distribution".into() }.path(), "distribution");
    }
}
