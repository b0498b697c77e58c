//! The JSON Schema (`integrationsplan schema`) and the loader agree: a JSON Schema validator
//! (boon, draft 2020-12) run over the sample plans, the broken-file corpus and targeted cases
//! accepts exactly what the loader accepts, wherever a schema can decide. The rules a schema
//! cannot say are listed below with the reason (and in docs/FORMAT.md).

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::io::load_bytes;
use integrationsplan::schema::plan_schema;
use serde_json::{Value, json};
use std::path::Path;

/// The schema, compiled once per test.
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Self {
        let schema = plan_schema();
        let location = schema["$id"].as_str().unwrap().to_owned();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource(&location, schema).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(&location, &mut schemas).unwrap_or_else(|e| panic!("{e:#}"));
        Validator { schemas, index }
    }

    fn accepts(&self, value: &Value) -> Result<(), String> {
        self.schemas.validate(value, self.index).map_err(|e| format!("{e}"))
    }
}

fn loader_accepts(value: &Value) -> Result<(), String> {
    load_bytes(value.to_string().as_bytes(), "case.json").map(|_| ()).map_err(|e| e.to_string())
}

/// Broken files whose only errors are rules a schema cannot express, with the reason.
const LOADER_ONLY: &[(&str, &str)] = &[
    ("age-distribution.json", "bands overlapping and shares summing to 1 are rules across keys"),
    ("budget-twice.json", "one budget entry per year is uniqueness of a field across items"),
    ("dangling-references.json", "references to ids of other lists"),
    ("distribution.json", "shares keys must be region ids (a reference)"),
    ("duplicate-ids.json", "unique ids"),
    ("end-before-start.json", "end ≥ start compares two fields"),
    ("unknown-capacity-domain.json", "capacity keys must be domain ids (a reference)"),
];

#[test]
fn every_sample_plan_is_valid_for_the_schema_and_the_loader() {
    let validator = Validator::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut count = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let value: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        loader_accepts(&value).unwrap();
        validator.accepts(&value).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        count += 1;
    }
    assert!(count >= 2);
}

#[test]
fn the_schema_refuses_every_broken_file_it_can_judge() {
    let validator = Validator::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    let mut judged = 0;
    let mut failures = Vec::new();
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        assert!(load_bytes(&bytes, &name).is_err(), "{name} loads, but it is in the broken corpus");
        // Not JSON at all (truncated, empty, UTF-16, nested too deep, numbers beyond f64): no
        // validator gets a document to judge; the loader's own message covers these.
        let Ok(value) = serde_json::from_slice::<Value>(&bytes) else { continue };
        let verdict = validator.accepts(&value);
        match (LOADER_ONLY.iter().find(|(file, _)| *file == name), verdict) {
            (None, Err(_)) => judged += 1,
            (None, Ok(())) => failures.push(format!(
                "{name}: the loader refuses it but the schema accepts it; make the schema refuse it, or add it to \
                 LOADER_ONLY with the reason a schema cannot say so"
            )),
            (Some(_), Ok(())) => {}
            (Some((_, reason)), Err(e)) => {
                failures.push(format!("{name} is listed as loader-only ({reason}) but the schema refuses it: {e}"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(judged >= 8, "{judged}");
}

/// A small valid plan to vary.
fn base() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "meta": { "title": "T" },
        "horizon": { "start": "2025-01", "months": 12 },
        "domains": [ { "id": "kita", "name": "Kita", "rates": { "0-5": 0.5 } } ],
        "regions": [
            { "id": "a", "name": "A", "population": 100, "area_km2": 10, "capacity": { "kita": 5 } },
            { "id": "b", "name": "B", "population": 50, "area_km2": 20 }
        ],
        "measures": [ { "id": "m", "name": "M", "domain": "kita", "region": "a", "places": 5, "start": "2025-03" } ],
        "scenarios": [ { "id": "s", "name": "S", "arrivals": [ { "from": "2025-01", "per_month": 10 } ],
                         "age_distribution": { "0-17": 0.4, "18+": 0.6 } } ],
        "budget": [ { "year": 2025, "eur": 1000 } ]
    })
}

/// `base()` with the JSON pointer `pointer` set to `value` (`Value::Null` included); a pointer
/// ending in `/-` removes the field named before it.
fn with(changes: &[(&str, Value)]) -> Value {
    let mut plan = base();
    for (pointer, value) in changes {
        if let Some(field) = pointer.strip_suffix("/-") {
            let (parent, key) = field.rsplit_once('/').unwrap();
            plan.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
            continue;
        }
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = plan.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}"));
        match target {
            Value::Object(map) => {
                map.insert(key.to_owned(), value.clone());
            }
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value.clone(),
            other => panic!("{pointer}: {other}"),
        }
    }
    plan
}

/// Checks that schema and loader both accept (`true`) or both refuse (`false`) each case.
fn assert_agreement(cases: &[(&str, bool, Value)]) {
    let validator = Validator::new();
    let mut failures = Vec::new();
    for (name, valid, plan) in cases {
        let schema = validator.accepts(plan);
        let loader = loader_accepts(plan);
        if schema.is_ok() != *valid {
            failures.push(format!("{name}: schema {}: {schema:?}", if *valid { "refuses" } else { "accepts" }));
        }
        if loader.is_ok() != *valid {
            failures.push(format!("{name}: loader {}: {loader:?}", if *valid { "refuses" } else { "accepts" }));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn schema_and_loader_agree_on_types_ranges_and_null() {
    let long_id = "x".repeat(101);
    assert_agreement(&[
        ("base", true, base()),
        (
            "every optional field null",
            true,
            with(&[
                ("/meta/title", Value::Null),
                ("/meta/author", Value::Null),
                ("/meta/notes", Value::Null),
                ("/domains/0/unit", Value::Null),
                ("/domains/0/persons_per_unit", Value::Null),
                ("/regions/0/capacity", Value::Null),
                ("/measures/0/region", Value::Null),
                ("/measures/0/end", Value::Null),
                ("/measures/0/ramp_months", Value::Null),
                ("/measures/0/cost_once_eur", Value::Null),
                ("/measures/0/cost_per_year_eur", Value::Null),
                ("/measures/0/funding", Value::Null),
                ("/measures/0/notes", Value::Null),
                ("/scenarios/0/arrival_factor", Value::Null),
                ("/scenarios/0/leave_rate_per_year", Value::Null),
                ("/scenarios/0/funding_included", Value::Null),
                ("/scenarios/0/measures_off", Value::Null),
                ("/scenarios/0/color", Value::Null),
            ]),
        ),
        ("meta null", true, with(&[("/meta", Value::Null)])),
        ("distribution null", true, with(&[("/distribution", Value::Null)])),
        ("measures and budget null", true, with(&[("/measures", Value::Null), ("/budget", Value::Null)])),
        ("required name null", false, with(&[("/regions/0/name", Value::Null)])),
        ("required places null", false, with(&[("/measures/0/places", Value::Null)])),
        ("horizon null", false, with(&[("/horizon", Value::Null)])),
        ("whole numbers written as decimals", true, with(&[("/version", json!(1.0)), ("/horizon/months", json!(12.0))])),
        ("fractional months", false, with(&[("/horizon/months", json!(12.5))])),
        ("months 0", false, with(&[("/horizon/months", json!(0))])),
        ("months 1201", false, with(&[("/horizon/months", json!(1201))])),
        ("version 0", false, with(&[("/version", json!(0))])),
        ("version 2", false, with(&[("/version", json!(2))])),
        ("format missing", false, with(&[("/format/-", Value::Null)])),
        ("month with year 1899", false, with(&[("/horizon/start", json!("1899-12"))])),
        ("month 2200-12", true, with(&[("/horizon/start", json!("2200-12"))])),
        ("month with a final newline", false, with(&[("/horizon/start", json!("2025-01\n"))])),
        ("colour with a final newline", false, with(&[("/scenarios/0/color", json!("#a1b2c3\n"))])),
        ("band with a final newline", false, with(&[("/domains/0/rates", json!({ "0-5\n": 0.5 }))])),
        ("month with Arabic-Indic digits", false, with(&[("/horizon/start", json!("٢٠٢٥-01"))])),
        ("empty id", false, with(&[("/regions/0/id", json!(""))])),
        ("id of 101 characters", false, with(&[("/scenarios/0/id", json!(long_id))])),
        ("id of 100 umlauts", true, with(&[("/scenarios/0/id", json!("ü".repeat(100)))])),
        ("bands with leading zeros", true, with(&[("/domains/0/rates", json!({ "00-05": 0.5, "06+": 1 }))])),
        ("band a > b in rates", false, with(&[("/domains/0/rates", json!({ "5-3": 0.5 }))])),
        ("band 18-18", false, with(&[("/domains/0/rates", json!({ "18-18": 0.5 }))])),
        ("band 3+ in an age distribution", false, with(&[("/scenarios/0/age_distribution", json!({ "0-2": 0.5, "3+": 0.5 }))])),
        (
            "age distribution with leading zeros",
            true,
            with(&[("/scenarios/0/age_distribution", json!({ "00-09": 0.5, "10-17": 0.25, "18+": 0.25 }))]),
        ),
        ("empty age distribution", false, with(&[("/scenarios/0/age_distribution", json!({}))])),
        ("rate above 1", false, with(&[("/domains/0/rates/0-5", json!(1.5))])),
        ("persons per unit 0", false, with(&[("/domains/0/persons_per_unit", json!(0))])),
        ("negative population", false, with(&[("/regions/0/population", json!(-1))])),
        ("negative capacity", true, with(&[("/regions/0/capacity/kita", json!(-5))])),
        ("capacity null", false, with(&[("/regions/0/capacity/kita", Value::Null)])),
        ("negative places", true, with(&[("/measures/0/places", json!(-5))])),
        ("negative cost", false, with(&[("/measures/0/cost_once_eur", json!(-1))])),
        ("fractional ramp", false, with(&[("/measures/0/ramp_months", json!(1.5))])),
        ("funding word", false, with(&[("/measures/0/funding", json!("sicher"))])),
        ("funding_included with null", false, with(&[("/scenarios/0/funding_included", json!([null]))])),
        ("measures_off with a number", false, with(&[("/scenarios/0/measures_off", json!([1]))])),
        ("colour #12345", false, with(&[("/scenarios/0/color", json!("#12345"))])),
        ("colour #a1B2c3", true, with(&[("/scenarios/0/color", json!("#a1B2c3"))])),
        ("negative arrivals", false, with(&[("/scenarios/0/arrivals/0/per_month", json!(-1))])),
        ("leave rate 1", false, with(&[("/scenarios/0/leave_rate_per_year", json!(1))])),
        ("leave rate 0.99", true, with(&[("/scenarios/0/leave_rate_per_year", json!(0.99))])),
        ("budget eur null", false, with(&[("/budget/0/eur", Value::Null)])),
        ("no regions", false, with(&[("/regions", json!([]))])),
        ("a region that is not an object", false, with(&[("/regions/1", json!("b"))])),
        ("no scenarios", false, with(&[("/scenarios", json!([]))])),
        (
            "33 domains",
            false,
            with(&[(
                "/domains",
                Value::Array((0..33).map(|i| json!({ "id": format!("d{i}"), "name": "D", "rates": {} })).collect()),
            )]),
        ),
        ("no domains", true, with(&[("/domains", json!([])), ("/regions/0/capacity", json!({})), ("/measures", json!([]))])),
        ("unknown fields anywhere", true, with(&[("/zz", json!(1)), ("/regions/0/ags", json!("05315")), ("/meta/x", json!([]))])),
        // Distribution: weights or shares, never both; something must weigh.
        (
            "default weights",
            true,
            with(&[("/distribution", json!({ "population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25 }))]),
        ),
        ("area weight alone", true, with(&[("/distribution", json!({ "area_weight": 1 }))])),
        ("cap null", true, with(&[("/distribution", json!({ "population_weight": 1, "area_uplift_cap": null }))])),
        ("weights both 0", false, with(&[("/distribution", json!({ "population_weight": 0, "area_weight": 0 }))])),
        ("no weights", false, with(&[("/distribution", json!({}))])),
        ("weights null", false, with(&[("/distribution", json!({ "population_weight": null, "area_weight": null }))])),
        ("negative weight", false, with(&[("/distribution", json!({ "population_weight": 1, "area_weight": -0.5 }))])),
        ("negative cap", false, with(&[("/distribution", json!({ "population_weight": 1, "area_uplift_cap": -1 }))])),
        ("shares", true, with(&[("/distribution", json!({ "shares": { "a": 2, "b": 0 } }))])),
        (
            "shares with null weights",
            true,
            with(&[("/distribution", json!({ "shares": { "a": 1 }, "population_weight": null, "area_uplift_cap": null }))]),
        ),
        (
            "shares together with a weight",
            false,
            with(&[("/distribution", json!({ "shares": { "a": 1 }, "population_weight": 0.9 }))]),
        ),
        (
            "shares together with a cap",
            false,
            with(&[("/distribution", json!({ "shares": { "a": 1 }, "area_uplift_cap": 0.25 }))]),
        ),
        ("shares null", false, with(&[("/distribution", json!({ "shares": null, "population_weight": 1 }))])),
        ("shares all 0", false, with(&[("/distribution", json!({ "shares": { "a": 0, "b": 0 } }))])),
        ("shares empty", false, with(&[("/distribution", json!({ "shares": {} }))])),
        ("negative share", false, with(&[("/distribution", json!({ "shares": { "a": 1, "b": -1 } }))])),
    ]);
}

/// Rules the loader has and a schema cannot express: the schema accepts these plans, the loader
/// refuses them. Documented here so that a change on either side is noticed.
#[test]
fn rules_across_fields_are_the_loaders_alone() {
    let validator = Validator::new();
    let cases = [
        ("duplicate ids", with(&[("/regions/1/id", json!("a"))])),
        ("unknown measure domain (reference)", with(&[("/measures/0/domain", json!("school"))])),
        ("end before start (two fields)", with(&[("/measures/0/end", json!("2025-01"))])),
        (
            "age bands overlapping (across keys)",
            with(&[("/scenarios/0/age_distribution", json!({ "0-17": 0.4, "5-9": 0.1, "18+": 0.5 }))]),
        ),
        ("age shares not summing to 1", with(&[("/scenarios/0/age_distribution/18+", json!(0.5))])),
        (
            "duplicate arrival months",
            with(&[(
                "/scenarios/0/arrivals",
                json!([{ "from": "2025-01", "per_month": 1 }, { "from": "2025-01", "per_month": 2 }]),
            )]),
        ),
        ("duplicate budget years", with(&[("/budget", json!([{ "year": 2025, "eur": 1 }, { "year": 2025, "eur": 2 }]))])),
        (
            "population weight with no population (a sum)",
            with(&[("/regions/0/population", json!(0)), ("/regions/1/population", json!(0))]),
        ),
        ("overlapping rate bands (across keys)", with(&[("/domains/0/rates", json!({ "0-5": 0.5, "3+": 0.1 }))])),
    ];
    for (name, plan) in cases {
        assert!(validator.accepts(&plan).is_ok(), "{name}: the schema refuses it; move it to the agreement tests");
        assert!(loader_accepts(&plan).is_err(), "{name}: the loader accepts it");
    }
}

/// The limits of SPEC §9 and the fields of §5 (`uncertainty`) and §8 (`location`).
#[test]
fn schema_and_loader_agree_on_the_limits_of_spec_9_and_the_fields_of_5_and_8() {
    let uncertainty = |entry: &str, low: f64, high: f64| json!({ (entry): { "low": low, "high": high } });
    assert_agreement(&[
        ("population at 1e12", true, with(&[("/regions/0/population", json!(1e12))])),
        ("population above 1e12", false, with(&[("/regions/0/population", json!(1.000_000_000_001e12))])),
        ("area above 1e12", false, with(&[("/regions/0/area_km2", json!(2e12))])),
        ("capacity at -1e12", true, with(&[("/regions/0/capacity/kita", json!(-1e12))])),
        ("capacity below -1e12", false, with(&[("/regions/0/capacity/kita", json!(-1.5e12))])),
        ("places above 1e12", false, with(&[("/measures/0/places", json!(1e13))])),
        ("places below -1e12", false, with(&[("/measures/0/places", json!(-1e13))])),
        ("per_month above 1e12", false, with(&[("/scenarios/0/arrivals/0/per_month", json!(1e13))])),
        (
            "cost at 1e15",
            true,
            with(&[("/measures/0/cost_once_eur", json!(1e15)), ("/measures/0/cost_per_year_eur", json!(1e15))]),
        ),
        ("one-off cost above 1e15", false, with(&[("/measures/0/cost_once_eur", json!(2e15))])),
        ("yearly cost above 1e15", false, with(&[("/measures/0/cost_per_year_eur", json!(2e15))])),
        ("budget above 1e15", false, with(&[("/budget/0/eur", json!(2e15))])),
        ("arrival factor 1000", true, with(&[("/scenarios/0/arrival_factor", json!(1000))])),
        ("arrival factor above 1000", false, with(&[("/scenarios/0/arrival_factor", json!(1000.5))])),
        ("ramp 1200", true, with(&[("/measures/0/ramp_months", json!(1200))])),
        ("ramp 1201", false, with(&[("/measures/0/ramp_months", json!(1201))])),
        (
            "budget years 1900 and 2200",
            true,
            with(&[("/budget", json!([{ "year": 1900, "eur": 1 }, { "year": 2200, "eur": 1 }]))]),
        ),
        ("budget year 1899", false, with(&[("/budget/0/year", json!(1899))])),
        ("budget year 2201", false, with(&[("/budget/0/year", json!(2201))])),
        // §8 location.
        ("location at the edges", true, with(&[("/regions/0/location", json!({ "lat": -90, "lon": 180 }))])),
        ("location null", true, with(&[("/regions/0/location", Value::Null)])),
        ("latitude 91", false, with(&[("/regions/0/location", json!({ "lat": 91, "lon": 0 }))])),
        ("longitude -181", false, with(&[("/regions/0/location", json!({ "lat": 0, "lon": -181 }))])),
        ("location without lon", false, with(&[("/regions/0/location", json!({ "lat": 50 }))])),
        ("location as text", false, with(&[("/regions/0/location", json!("Köln"))])),
        // §5 uncertainty.
        ("uncertainty null", true, with(&[("/scenarios/0/uncertainty", Value::Null)])),
        ("uncertainty empty", true, with(&[("/scenarios/0/uncertainty", json!({}))])),
        (
            "both ranges",
            true,
            with(&[
                ("/scenarios/0/leave_rate_per_year", json!(0.05)),
                (
                    "/scenarios/0/uncertainty",
                    json!({ "arrival_factor": { "low": 0, "high": 1000 }, "leave_rate_per_year": { "low": 0, "high": 0.999 } }),
                ),
            ]),
        ),
        ("arrival factor low below 0", false, with(&[("/scenarios/0/uncertainty", uncertainty("arrival_factor", -0.5, 2.0))])),
        (
            "arrival factor high above 1000",
            false,
            with(&[("/scenarios/0/uncertainty", uncertainty("arrival_factor", 0.5, 1001.0))]),
        ),
        ("leave rate low below 0", false, with(&[("/scenarios/0/uncertainty", uncertainty("leave_rate_per_year", -0.1, 0.5))])),
        ("leave rate high 1", false, with(&[("/scenarios/0/uncertainty", uncertainty("leave_rate_per_year", 0.0, 1.0))])),
        ("range without high", false, with(&[("/scenarios/0/uncertainty", json!({ "arrival_factor": { "low": 0.5 } }))])),
        ("range as a number", false, with(&[("/scenarios/0/uncertainty", json!({ "arrival_factor": 2 }))])),
        ("uncertainty as a list", false, with(&[("/scenarios/0/uncertainty", json!([]))])),
    ]);
    // And the rules of §5 and §9 that compare fields or multiply counts stay the loader's alone.
    let validator = Validator::new();
    let regions: Vec<Value> =
        (0..20_000).map(|r| json!({ "id": format!("r{r}"), "name": "R", "population": 1, "area_km2": 1 })).collect();
    let loader_only = [
        ("arrival factor below its low", with(&[("/scenarios/0/uncertainty", uncertainty("arrival_factor", 1.5, 2.0))])),
        (
            "leave rate above its high",
            with(&[
                ("/scenarios/0/uncertainty", uncertainty("leave_rate_per_year", 0.0, 0.0)),
                ("/scenarios/0/leave_rate_per_year", json!(0.1)),
            ]),
        ),
        (
            "regions × months × domains above 20 000 000",
            with(&[("/regions", Value::Array(regions)), ("/horizon/months", json!(1200)), ("/measures", json!([]))]),
        ),
    ];
    for (name, plan) in loader_only {
        assert!(validator.accepts(&plan).is_ok(), "{name}: the schema refuses it");
        assert!(loader_accepts(&plan).is_err(), "{name}: the loader accepts it");
    }
}
