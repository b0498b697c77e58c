//! Turns parsed JSON into a typed [`Plan`], collecting every type error with its path.
//!
//! Decoding never stops at the first problem: a field of the wrong type is reported and
//! replaced by its default, so that all errors of a file are found in one pass. Range and
//! reference rules are checked afterwards by [`crate::validate`].

use crate::issue::{Expected, FieldPath, Found, Issue, IssueKind, index_path, key_path};
use crate::model::*;
use serde_json::{Map, Value};

/// Decodes a whole plan document; `issues` receives type errors and unknown-field warnings.
pub fn decode_plan(value: &Value, issues: &mut Vec<Issue>) -> Plan {
    let mut d = Decoder { issues };
    d.plan(value)
}

struct Decoder<'a> {
    issues: &'a mut Vec<Issue>,
}

/// A short description of a JSON value for messages: `a string "x"`, `the number 5`.
pub fn describe(value: &Value) -> String {
    Found::of(value).english()
}

impl Decoder<'_> {
    fn error<'p>(&mut self, path: impl Into<FieldPath<'p>>, kind: IssueKind) {
        self.issues.push(Issue::error(path.into().text(), kind));
    }

    fn type_error<'p>(&mut self, path: impl Into<FieldPath<'p>>, expected: Expected, found: &Value) {
        self.error(path, IssueKind::WrongType { expected, found: Found::of(found) });
    }

    /// The object at `path`, or an error.
    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.type_error(path, Expected::Object, other);
                None
            }
        }
    }

    /// The list at `path`, or an error.
    fn array<'v>(&mut self, value: &'v Value, path: &str) -> &'v [Value] {
        match value {
            Value::Array(items) => items,
            other => {
                self.type_error(path, Expected::List, other);
                &[]
            }
        }
    }

    /// Unknown fields of `map`, kept in order and reported as warnings.
    fn extra(&mut self, map: &Map<String, Value>, known: &[&str], path: &str) -> Extra {
        let mut extra = Extra::new();
        for (key, value) in map {
            if !known.contains(&key.as_str()) {
                self.issues.push(Issue::warning(key_path(path, key), IssueKind::UnknownField));
                extra.insert(key.clone(), value.clone());
            }
        }
        extra
    }

    /// A present, non-null field; `None` when absent or null.
    fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    /// A required field; reports it missing.
    fn required<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str, expected: Expected) -> Option<&'v Value> {
        let found = map.get(key);
        if found.is_none() {
            self.error(&key_path(path, key), IssueKind::Missing(expected));
        }
        found
    }

    fn string_value<'p>(&mut self, value: &Value, path: impl Into<FieldPath<'p>>) -> String {
        let path: FieldPath = path.into();
        match value {
            Value::String(s) => s.clone(),
            other => {
                self.type_error(path, Expected::Text, other);
                String::new()
            }
        }
    }

    fn number_value<'p>(&mut self, value: &Value, path: impl Into<FieldPath<'p>>) -> f64 {
        let path: FieldPath = path.into();
        match value.as_f64() {
            Some(n) if n.is_finite() => n,
            Some(_) => {
                self.error(path, IssueKind::NotFinite);
                0.0
            }
            None => {
                self.type_error(path, Expected::Number, value);
                0.0
            }
        }
    }

    /// A whole number within `min..=max` (a whole-valued decimal such as `60.0` is accepted).
    fn integer_value<'p>(&mut self, value: &Value, path: impl Into<FieldPath<'p>>, min: i64, max: i64) -> Option<i64> {
        let path: FieldPath = path.into();
        let whole = match value {
            Value::Number(n) => {
                n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15).map(|f| f as i64))
            }
            _ => None,
        };
        match whole {
            Some(i) if (min..=max).contains(&i) => Some(i),
            Some(_) => {
                self.error(path, IssueKind::WholeNumberOutOfRange { value: value.to_string(), min, max });
                None
            }
            None => {
                self.type_error(path, Expected::WholeNumber { min, max }, value);
                None
            }
        }
    }

    fn month_value<'p>(&mut self, value: &Value, path: impl Into<FieldPath<'p>>) -> Option<Month> {
        let path: FieldPath = path.into();
        match value {
            Value::String(s) => {
                let month = Month::parse(s);
                if month.is_none() {
                    self.error(path, IssueKind::NotAMonth { text: s.clone() });
                }
                month
            }
            other => {
                self.type_error(path, Expected::Month, other);
                None
            }
        }
    }

    fn req_string(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> String {
        match self.required(map, key, path, Expected::Text) {
            Some(v) => self.string_value(v, FieldPath::Field(path, key)),
            None => String::new(),
        }
    }

    fn opt_string(&mut self, map: &Map<String, Value>, key: &str, path: &str, default: &str) -> String {
        match Self::optional(map, key) {
            Some(v) => self.string_value(v, FieldPath::Field(path, key)),
            None => default.to_owned(),
        }
    }

    fn req_number(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> f64 {
        match self.required(map, key, path, Expected::Number) {
            Some(v) => self.number_value(v, FieldPath::Field(path, key)),
            None => 0.0,
        }
    }

    fn opt_number(&mut self, map: &Map<String, Value>, key: &str, path: &str, default: f64) -> f64 {
        match Self::optional(map, key) {
            Some(v) => self.number_value(v, FieldPath::Field(path, key)),
            None => default,
        }
    }

    /// An object of numbers (`rates`, `capacity`, `shares`, `age_distribution`), in file order.
    fn number_map(&mut self, value: &Value, path: &str) -> Vec<(String, f64)> {
        let Some(map) = self.object(value, path) else { return Vec::new() };
        map.iter().map(|(key, v)| (key.clone(), self.number_value(v, FieldPath::Field(path, key)))).collect()
    }

    fn plan(&mut self, value: &Value) -> Plan {
        let empty = Map::new();
        let map = self.object(value, "").unwrap_or(&empty);
        const KNOWN: &[&str] = &[
            "format",
            "version",
            "meta",
            "horizon",
            "domains",
            "regions",
            "distribution",
            "measures",
            "scenarios",
            "budget",
            "planning_year",
        ];
        // format and version are checked by the loader before decoding; only their presence matters here.
        let extra = self.extra(map, KNOWN, "");
        let meta = Self::optional(map, "meta").map(|v| self.meta(v)).unwrap_or_default();
        let horizon = match self.required(map, "horizon", "", Expected::Horizon) {
            Some(v) => self.horizon(v),
            None => None,
        };
        let domains = self.list(map, "domains", true, Self::domain);
        let regions = self.list(map, "regions", true, Self::region);
        let distribution = Self::optional(map, "distribution").map(|v| self.distribution(v)).unwrap_or_default();
        let measures = self.list(map, "measures", false, Self::measure);
        let scenarios = self.list(map, "scenarios", true, Self::scenario);
        let budget = self.list(map, "budget", false, Self::budget_year);
        let planning_year = Self::optional(map, "planning_year").and_then(|v| self.planning_year(v));
        Plan {
            meta,
            horizon: horizon.unwrap_or(Horizon {
                start: Month::new(2025, 1).unwrap_or_else(|| unreachable!("2025-01 is a month")),
                months: 1,
                extra: Extra::new(),
            }),
            domains,
            regions,
            distribution,
            measures,
            scenarios,
            budget,
            planning_year,
            extra,
        }
    }

    /// The plan's planning year (SPEC §11): months 1–12.
    fn planning_year(&mut self, value: &Value) -> Option<PlanningYear> {
        let path = "planning_year";
        let map = self.object(value, path)?;
        let month = |d: &mut Self, key: &str| {
            Self::optional(map, key).and_then(|v| d.integer_value(v, FieldPath::Field(path, key), 1, 12)).map(|m| m as u32)
        };
        let start_month = month(self, "start_month").unwrap_or(DEFAULT_PLANNING_START_MONTH);
        let reference_month = month(self, "reference_month");
        Some(PlanningYear { start_month, reference_month, extra: self.extra(map, &["start_month", "reference_month"], path) })
    }

    /// A domain's `months_since_arrival` (SPEC §10); `from < to` is checked by `validate`.
    fn arrival_window(&mut self, value: &Value, path: &str) -> Option<ArrivalWindow> {
        let map = self.object(value, path)?;
        let from = Self::optional(map, "from")
            .and_then(|v| self.integer_value(v, FieldPath::Field(path, "from"), 0, i64::from(u32::MAX)))
            .unwrap_or(0) as u32;
        let to = Self::optional(map, "to")
            .and_then(|v| self.integer_value(v, FieldPath::Field(path, "to"), 1, i64::from(MAX_WINDOW_MONTHS)))
            .map(|to| to as u32);
        Some(ArrivalWindow { from, to, extra: self.extra(map, &["from", "to"], path) })
    }

    /// A domain's `planning` (SPEC §11); ranges are checked by `validate`.
    fn group_planning(&mut self, value: &Value, path: &str) -> Option<GroupPlanning> {
        let map = self.object(value, path)?;
        Some(GroupPlanning {
            group_size: self.req_number(map, "group_size", path),
            group_word: Self::optional(map, "group_word").map(|v| self.string_value(v, FieldPath::Field(path, "group_word"))),
            staff_per_group: self.opt_number(map, "staff_per_group", path, 0.0),
            cost_per_group_per_year_eur: self.opt_number(map, "cost_per_group_per_year_eur", path, 0.0),
            extra: self.extra(map, &["group_size", "group_word", "staff_per_group", "cost_per_group_per_year_eur"], path),
        })
    }

    /// Decodes the list `key` item by item; items that are not objects are reported and skipped.
    fn list<T>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        required: bool,
        item: fn(&mut Self, &Map<String, Value>, &str) -> T,
    ) -> Vec<T> {
        let value = if required { self.required(map, key, "", Expected::List) } else { Self::optional(map, key) };
        let Some(value) = value else { return Vec::new() };
        let items = self.array(value, key);
        let mut out = Vec::with_capacity(items.len());
        for (index, entry) in items.iter().enumerate() {
            let path = index_path(key, index);
            match self.object(entry, &path) {
                Some(entry_map) => out.push(item(self, entry_map, &path)),
                None => {
                    // A placeholder keeps later entries at their file index, so that rule errors
                    // name the right path; its own follow-up errors lie under `path`, already reported.
                    let reported = self.issues.len();
                    out.push(item(self, &Map::new(), &path));
                    self.issues.truncate(reported);
                }
            }
        }
        out
    }

    fn meta(&mut self, value: &Value) -> Meta {
        let Some(map) = self.object(value, "meta") else { return Meta::default() };
        Meta {
            title: self.opt_string(map, "title", "meta", ""),
            author: self.opt_string(map, "author", "meta", ""),
            notes: self.opt_string(map, "notes", "meta", ""),
            extra: self.meta_extra(map),
        }
    }

    /// The other fields of `meta`, kept in order: the version ids the window writes on every
    /// save (`version_id`, `parent_version_id`, `earlier_version_ids`) quietly, the rest
    /// reported like every unknown field.
    fn meta_extra(&mut self, map: &Map<String, Value>) -> Extra {
        let mut known = vec!["title", "author", "notes"];
        known.extend(crate::versions::IGNORED_META_FIELDS);
        let mut extra = self.extra(map, &known, "meta");
        for (key, value) in map {
            if crate::versions::IGNORED_META_FIELDS.contains(&key.as_str()) {
                extra.insert(key.clone(), value.clone());
            }
        }
        // Back into the file's order.
        let order: Vec<&String> = map.keys().collect();
        let mut entries: Vec<(String, Value)> = extra.into_iter().collect();
        entries.sort_by_key(|(key, _)| order.iter().position(|k| *k == key));
        entries.into_iter().collect()
    }

    fn horizon(&mut self, value: &Value) -> Option<Horizon> {
        let map = self.object(value, "horizon")?;
        let start = self.required(map, "start", "horizon", Expected::Month).and_then(|v| self.month_value(v, "horizon.start"));
        let months = self
            .required(map, "months", "horizon", Expected::WholeNumber { min: 1, max: 1200 })
            .and_then(|v| self.integer_value(v, "horizon.months", 1, 1200));
        let extra = self.extra(map, &["start", "months"], "horizon");
        Some(Horizon { start: start?, months: months? as u32, extra })
    }

    fn domain(&mut self, map: &Map<String, Value>, path: &str) -> Domain {
        Domain {
            id: self.req_string(map, "id", path),
            name: self.req_string(map, "name", path),
            unit: self.opt_string(map, "unit", path, "Plätze"),
            rates: match self.required(map, "rates", path, Expected::Rates) {
                Some(v) => self.number_map(v, &key_path(path, "rates")),
                None => Vec::new(),
            },
            persons_per_unit: self.opt_number(map, "persons_per_unit", path, 1.0),
            months_since_arrival: Self::optional(map, "months_since_arrival")
                .and_then(|v| self.arrival_window(v, &key_path(path, "months_since_arrival"))),
            planning: Self::optional(map, "planning").and_then(|v| self.group_planning(v, &key_path(path, "planning"))),
            extra: self.extra(
                map,
                &["id", "name", "unit", "rates", "persons_per_unit", "months_since_arrival", "planning"],
                path,
            ),
        }
    }

    fn region(&mut self, map: &Map<String, Value>, path: &str) -> Region {
        Region {
            id: self.req_string(map, "id", path),
            name: self.req_string(map, "name", path),
            population: self.req_number(map, "population", path),
            area_km2: self.req_number(map, "area_km2", path),
            capacity: match Self::optional(map, "capacity") {
                Some(v) => self.number_map(v, &key_path(path, "capacity")),
                None => Vec::new(),
            },
            location: Self::optional(map, "location").and_then(|v| self.location(v, &key_path(path, "location"))),
            extra: self.extra(map, &["id", "name", "population", "area_km2", "capacity", "location"], path),
        }
    }

    /// `{lat, lon}` in WGS 84 degrees (SPEC §8); ranges are checked by `validate`.
    fn location(&mut self, value: &Value, path: &str) -> Option<Location> {
        let map = self.object(value, path)?;
        Some(Location {
            lat: self.req_number(map, "lat", path),
            lon: self.req_number(map, "lon", path),
            extra: self.extra(map, &["lat", "lon"], path),
        })
    }

    /// The optional `uncertainty` of a scenario (SPEC §5); ranges are checked by `validate`.
    fn uncertainty(&mut self, value: &Value, path: &str) -> Option<Uncertainty> {
        let map = self.object(value, path)?;
        let range = |d: &mut Self, key: &str| {
            let range_path = key_path(path, key);
            let range_map = d.object(Self::optional(map, key)?, &range_path)?;
            Some(ValueRange {
                low: d.req_number(range_map, "low", &range_path),
                high: d.req_number(range_map, "high", &range_path),
                extra: d.extra(range_map, &["low", "high"], &range_path),
            })
        };
        Some(Uncertainty {
            arrival_factor: range(self, "arrival_factor"),
            leave_rate_per_year: range(self, "leave_rate_per_year"),
            extra: self.extra(map, &["arrival_factor", "leave_rate_per_year"], path),
        })
    }

    fn distribution(&mut self, value: &Value) -> Distribution {
        let path = "distribution";
        let Some(map) = self.object(value, path) else { return Distribution::default() };
        if let Some(shares) = map.get("shares") {
            for key in ["population_weight", "area_weight", "area_uplift_cap"] {
                if map.get(key).is_some_and(|v| !v.is_null()) {
                    self.error(&key_path(path, key), IssueKind::WeightWithShares);
                }
            }
            return Distribution::Shares {
                shares: self.number_map(shares, "distribution.shares"),
                extra: self.extra(map, &["shares", "population_weight", "area_weight", "area_uplift_cap"], path),
            };
        }
        Distribution::Weights {
            population_weight: self.opt_number(map, "population_weight", path, 0.0),
            area_weight: self.opt_number(map, "area_weight", path, 0.0),
            area_uplift_cap: Self::optional(map, "area_uplift_cap").map(|v| self.number_value(v, "distribution.area_uplift_cap")),
            extra: self.extra(map, &["population_weight", "area_weight", "area_uplift_cap"], path),
        }
    }

    fn measure(&mut self, map: &Map<String, Value>, path: &str) -> Measure {
        let fallback_month = Month::new(2025, 1).unwrap_or_else(|| unreachable!("2025-01 is a month"));
        let start =
            self.required(map, "start", path, Expected::Month).and_then(|v| self.month_value(v, FieldPath::Field(path, "start")));
        let end = Self::optional(map, "end").and_then(|v| self.month_value(v, FieldPath::Field(path, "end")));
        let region = Self::optional(map, "region").map(|v| self.string_value(v, FieldPath::Field(path, "region")));
        let funding = match Self::optional(map, "funding") {
            Some(Value::String(word)) if Funding::parse(word).is_some() => Funding::parse(word).unwrap_or(Funding::Planned),
            Some(other) => {
                self.error(&key_path(path, "funding"), IssueKind::NotAFundingState { found: Found::of(other) });
                Funding::Planned
            }
            None => Funding::Planned,
        };
        Measure {
            id: self.req_string(map, "id", path),
            name: self.req_string(map, "name", path),
            domain: self.req_string(map, "domain", path),
            region,
            places: self.req_number(map, "places", path),
            // A broken start takes the end's value so that no follow-up "end before start" appears.
            start: start.or(end).unwrap_or(fallback_month),
            end,
            ramp_months: Self::optional(map, "ramp_months")
                .and_then(|v| self.integer_value(v, FieldPath::Field(path, "ramp_months"), 0, i64::from(MAX_RAMP_MONTHS)))
                .unwrap_or(0) as u32,
            cost_once_eur: self.opt_number(map, "cost_once_eur", path, 0.0),
            cost_per_year_eur: self.opt_number(map, "cost_per_year_eur", path, 0.0),
            funding,
            notes: self.opt_string(map, "notes", path, ""),
            extra: self.extra(
                map,
                &[
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
                path,
            ),
        }
    }

    fn scenario(&mut self, map: &Map<String, Value>, path: &str) -> Scenario {
        let arrivals_path = key_path(path, "arrivals");
        let arrivals = match self.required(map, "arrivals", path, Expected::Arrivals) {
            Some(v) => {
                let items = self.array(v, &arrivals_path);
                let mut steps = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    let item_path = index_path(&arrivals_path, index);
                    // A broken step stays in the list, at a month before 1900 that no valid step can
                    // have, so that later steps keep their file index and no false duplicate appears.
                    let placeholder_from =
                        Month::new(MIN_YEAR, 1).unwrap_or_else(|| unreachable!("1900-01 is a month")).plus(-1 - index as i32);
                    let Some(step) = self.object(item, &item_path) else {
                        steps.push(ArrivalStep { from: placeholder_from, per_month: 0.0, extra: Extra::new() });
                        continue;
                    };
                    let from = self
                        .required(step, "from", &item_path, Expected::Month)
                        .and_then(|v| self.month_value(v, FieldPath::Field(&item_path, "from")));
                    let per_month = self.req_number(step, "per_month", &item_path);
                    let extra = self.extra(step, &["from", "per_month"], &item_path);
                    steps.push(ArrivalStep { from: from.unwrap_or(placeholder_from), per_month, extra });
                }
                steps
            }
            None => Vec::new(),
        };
        let funding_included = match Self::optional(map, "funding_included") {
            Some(v) => {
                let list_path = key_path(path, "funding_included");
                let items = self.array(v, &list_path);
                let mut included = Vec::new();
                for (index, item) in items.iter().enumerate() {
                    match item.as_str().and_then(Funding::parse) {
                        Some(f) => included.push(f),
                        None => {
                            self.error(&index_path(&list_path, index), IssueKind::NotAFundingState { found: Found::of(item) })
                        }
                    }
                }
                included
            }
            None => Funding::ALL.to_vec(),
        };
        let measures_off = match Self::optional(map, "measures_off") {
            Some(v) => {
                let list_path = key_path(path, "measures_off");
                let items = self.array(v, &list_path);
                items.iter().enumerate().map(|(i, item)| self.string_value(item, &index_path(&list_path, i))).collect()
            }
            None => Vec::new(),
        };
        Scenario {
            id: self.req_string(map, "id", path),
            name: self.req_string(map, "name", path),
            arrivals,
            arrival_factor: self.opt_number(map, "arrival_factor", path, 1.0),
            age_distribution: match self.required(map, "age_distribution", path, Expected::Shares) {
                Some(v) => self.number_map(v, &key_path(path, "age_distribution")),
                None => Vec::new(),
            },
            leave_rate_per_year: self.opt_number(map, "leave_rate_per_year", path, 0.0),
            funding_included,
            measures_off,
            color: Self::optional(map, "color").map(|v| self.string_value(v, FieldPath::Field(path, "color"))),
            uncertainty: Self::optional(map, "uncertainty").and_then(|v| self.uncertainty(v, &key_path(path, "uncertainty"))),
            extra: self.extra(
                map,
                &[
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
                path,
            ),
        }
    }

    fn budget_year(&mut self, map: &Map<String, Value>, path: &str) -> BudgetYear {
        BudgetYear {
            year: self
                .required(map, "year", path, Expected::Year)
                .and_then(|v| self.integer_value(v, FieldPath::Field(path, "year"), i64::from(MIN_YEAR), i64::from(MAX_YEAR)))
                .unwrap_or(0) as i32,
            eur: self.req_number(map, "eur", path),
            extra: self.extra(map, &["year", "eur"], path),
        }
    }
}
