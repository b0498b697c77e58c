//! The command line of SPEC §4, run as the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn manifest_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn sample() -> String {
    manifest_path("sample-data/nrw-2025.json").display().to_string()
}

/// A small plan: 2 regions, 2 domains, 2 scenarios, 14 months over two calendar years.
fn small_plan() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "meta": { "title": "Klein" },
        "horizon": { "start": "2025-11", "months": 14 },
        "domains": [
            { "id": "kita", "name": "Kita", "rates": { "0-5": 0.5 } },
            { "id": "housing", "name": "Wohnen", "rates": { "0+": 1 }, "persons_per_unit": 2.5 }
        ],
        "regions": [
            { "id": "koeln", "name": "Köln", "population": 1000, "area_km2": 10, "capacity": { "kita": 5, "housing": 100 } },
            { "id": "hoexter", "name": "Höxter", "population": 200, "area_km2": 100, "capacity": { "kita": 50, "housing": 50 } }
        ],
        "measures": [
            { "id": "m", "name": "M", "domain": "kita", "region": "koeln", "places": 12.5, "start": "2026-02",
              "cost_once_eur": 1000, "cost_per_year_eur": 1200 }
        ],
        "scenarios": [
            { "id": "basis", "name": "Basis", "arrivals": [ { "from": "2025-11", "per_month": 40 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 }, "leave_rate_per_year": 0.1 },
            { "id": "hoch", "name": "Hoch", "arrivals": [ { "from": "2025-11", "per_month": 90 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 } }
        ]
    })
}

fn write_plan(folder: &Path, name: &str, plan: &Value) -> String {
    let path = folder.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(plan).unwrap()).unwrap();
    path.display().to_string()
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_accepts_every_sample_plan() {
    let mut count = 0;
    for entry in std::fs::read_dir(manifest_path("sample-data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        count += 1;
        let output = run(&["validate", &path.display().to_string()]);
        assert_eq!(code(&output), 0, "{}: {}", path.display(), stderr(&output));
        assert!(!stderr(&output).contains("error"), "{}", stderr(&output));
        assert!(stdout(&output).contains("valid plan"));
    }
    assert!(count >= 2);
}

#[test]
fn validate_lists_every_error_with_file_and_path_and_exits_2() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = small_plan();
    plan["measures"][0]["end"] = json!("2024-13");
    plan["scenarios"][0]["measures_off"] = json!(["m", "kita-x"]);
    plan["regions"][1]["population"] = json!(-5);
    let file = write_plan(folder.path(), "broken.json", &plan);
    let output = run(&["validate", &file]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    for expected in [
        format!("error: {file}: measures[0].end: \"2024-13\" is not a month"),
        format!("error: {file}: scenarios[0].measures_off[1]: no measure with id \"kita-x\""),
        format!("error: {file}: regions[1].population: "),
    ] {
        assert!(err.lines().any(|l| l.starts_with(&expected)), "{expected:?} not in\n{err}");
    }
    assert_eq!(err.lines().filter(|l| l.starts_with("error: ")).count(), 3, "{err}");
}

#[test]
fn validate_prints_warnings_but_exits_0() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = small_plan();
    plan["x_new"] = json!(1);
    let file = write_plan(folder.path(), "plan.json", &plan);
    let output = run(&["validate", &file]);
    assert_eq!(code(&output), 0);
    assert!(stderr(&output).contains(&format!("warning: {file}: x_new: unknown field")), "{}", stderr(&output));
}

#[test]
fn a_missing_file_exits_2() {
    for command in ["validate", "simulate"] {
        let output = run(&[command, "/nonexistent/plan.json"]);
        assert_eq!(code(&output), 2, "{command}");
        assert!(stderr(&output).contains("/nonexistent/plan.json"), "{}", stderr(&output));
    }
}

#[test]
fn simulate_refuses_an_invalid_plan_with_exit_2() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = small_plan();
    plan["version"] = json!(7);
    let file = write_plan(folder.path(), "newer.json", &plan);
    let output = run(&["simulate", &file]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("newer version"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

// ---------------------------------------------------------------- simulate json

fn simulate_json(args: &[&str]) -> Value {
    let output = run(args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn simulate_json_has_the_structure_of_spec_section_4() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let results = simulate_json(&["simulate", &file]);
    assert_eq!(results["format"], "integrationsplan-results");
    assert_eq!(results["version"], 1);
    assert_eq!(results["title"], "Klein");
    let months: Vec<&str> = results["months"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert_eq!(months.len(), 14);
    assert_eq!(months[0], "2025-11");
    assert_eq!(months[13], "2026-12");
    let scenarios = results["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.iter().map(|s| s["id"].as_str().unwrap()).collect::<Vec<_>>(), ["basis", "hoch"]);
    for scenario in scenarios {
        assert!(scenario["name"].is_string());
        for key in ["persons", "cost_eur"] {
            assert_eq!(scenario[key].as_array().unwrap().len(), 14, "{key}");
        }
        let years: Vec<&String> = scenario["cost_per_year"].as_object().unwrap().keys().collect();
        assert_eq!(years, ["2025", "2026"]);
        let domains = scenario["domains"].as_object().unwrap();
        assert_eq!(domains.keys().collect::<Vec<_>>(), ["kita", "housing"]);
        for domain in domains.values() {
            for key in ["demand", "capacity", "shortage"] {
                assert_eq!(domain[key].as_array().unwrap().len(), 14, "{key}");
            }
            for key in ["first_shortage_month", "peak_shortage", "peak_shortage_month", "shortage_place_months"] {
                assert!(domain.get(key).is_some(), "{key}");
            }
        }
        let regions = scenario["regions"].as_object().unwrap();
        assert_eq!(regions.keys().collect::<Vec<_>>(), ["koeln", "hoexter"]);
        for region in regions.values() {
            assert_eq!(region["persons"].as_array().unwrap().len(), 14);
            let region_domains = region["domains"].as_object().unwrap();
            assert_eq!(region_domains.keys().collect::<Vec<_>>(), ["kita", "housing"]);
            for d in region_domains.values() {
                assert_eq!(d["demand"].as_array().unwrap().len(), 14);
                assert_eq!(d["capacity"].as_array().unwrap().len(), 14);
            }
        }
    }
    // Hand-checked figures of scenario "hoch" (no departures): 90 arrive in 2025-11, persons 90;
    // housing demand 90 / 2.5 = 36; the measure costs 1000 + 100 in 2026-02 and 100 a month
    // after: 2025 → 0, 2026 → 1000 + 11·100 = 2100.
    let hoch = &scenarios[1];
    assert!((hoch["persons"][0].as_f64().unwrap() - 90.0).abs() < 1e-9);
    assert!((hoch["domains"]["housing"]["demand"][0].as_f64().unwrap() - 36.0).abs() < 1e-9);
    assert_eq!(hoch["cost_per_year"]["2025"].as_f64(), Some(0.0));
    assert!((hoch["cost_per_year"]["2026"].as_f64().unwrap() - 2100.0).abs() < 1e-9);
    assert_eq!(hoch["cost_eur"][3].as_f64(), Some(1100.0));
}

#[test]
fn simulate_json_numbers_are_unrounded() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let results = simulate_json(&["simulate", &file]);
    // Scenario "basis" has departures: month 1 holds 40·(0.9)^(1/12) + 40 persons.
    let persons = results["scenarios"][0]["persons"][1].as_f64().unwrap();
    assert!((persons - (40.0 * 0.9f64.powf(1.0 / 12.0) + 40.0)).abs() < 1e-9, "{persons}");
}

#[test]
fn scenario_option_selects_and_orders_scenarios() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let results = simulate_json(&["simulate", &file, "--scenario", "hoch", "--scenario", "basis"]);
    let ids: Vec<&str> = results["scenarios"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["hoch", "basis"]);
    let results = simulate_json(&["simulate", &file, "--scenario", "basis"]);
    assert_eq!(results["scenarios"].as_array().unwrap().len(), 1);
}

#[test]
fn an_unknown_scenario_id_exits_2() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let output = run(&["simulate", &file, "--scenario", "niedrig"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("\"niedrig\""), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

// ---------------------------------------------------------------- simulate csv

#[test]
fn simulate_csv_has_one_row_per_scenario_region_domain_and_month() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let output = run(&["simulate", &file, "--format", "csv"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "scenario,region,domain,month,demand,capacity,gap");
    // 2 scenarios × (1 state-wide + 2 regions) × 2 domains × 14 months + header.
    assert_eq!(lines.len(), 2 * 3 * 2 * 14 + 1);

    let json = simulate_json(&["simulate", &file]);
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        let (scenario, region, domain, month) = (row[0], row[1], row[2], row[3]);
        let s = json["scenarios"].as_array().unwrap().iter().find(|s| s["id"] == scenario).unwrap();
        let t = json["months"].as_array().unwrap().iter().position(|m| m == month).unwrap();
        let number = |text: &str| text.parse::<f64>().unwrap();
        // serde_json (without its float_roundtrip feature) may parse the last bit differently.
        let same = |a: f64, b: &Value| {
            let b = b.as_f64().unwrap();
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} != {b} in {row:?}");
        };
        let (demand, capacity, gap) = (number(row[4]), number(row[5]), number(row[6]));
        if region == "*" {
            let d = &s["domains"][domain];
            same(demand, &d["demand"][t]);
            same(capacity, &d["capacity"][t]);
            // State-wide gap is −shortage, not capacity − demand of the sums.
            same(-gap, &d["shortage"][t]);
        } else {
            let d = &s["regions"][region]["domains"][domain];
            same(demand, &d["demand"][t]);
            same(capacity, &d["capacity"][t]);
            assert!((gap - (capacity - demand)).abs() < 1e-9);
        }
    }
    // In 2025-11 of "hoch", kita demand is 90·0.25·0.5 = 11.25: Köln (share > 0.5) misses places
    // while Höxter has 50 free, so the state-wide gap differs from capacity − demand.
    let star: Vec<&Vec<&str>> =
        rows.iter().filter(|r| r[0] == "hoch" && r[1] == "*" && r[2] == "kita" && r[3] == "2025-11").collect();
    assert_eq!(star.len(), 1);
    let figures: Vec<f64> = star[0][4..].iter().map(|n| n.parse().unwrap()).collect();
    assert!(figures[2] < 0.0 && figures[1] - figures[0] > 0.0, "{figures:?}");
}

#[test]
fn simulate_csv_de_has_a_bom_semicolons_and_decimal_commas() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let output = run(&["simulate", &file, "--format", "csv-de"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(output.stdout[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "scenario;region;domain;month;demand;capacity;gap");
    assert_eq!(lines.len(), 2 * 3 * 2 * 14 + 1);
    // Housing in "hoch", 2025-11, state-wide: demand 90 / 2.5 = 36, capacity 100 + 50, no region short.
    let row: Vec<f64> = lines
        .iter()
        .find_map(|l| l.strip_prefix("hoch;*;housing;2025-11;"))
        .unwrap()
        .split(';')
        .map(|n| n.replace(',', ".").parse().unwrap())
        .collect();
    assert!((row[0] - 36.0).abs() < 1e-9 && row[1] == 150.0 && row[2] == 0.0, "{row:?}");
    // Kita in Köln has 12.5 places from 2026-02: written with a decimal comma.
    assert!(lines.iter().any(|l| l.starts_with("hoch;koeln;kita;2026-02;") && l.contains(";17,5;")), "{text}");
    assert!(lines.iter().all(|l| !l.contains('.')), "no dot decimals");
}

#[test]
fn output_writes_the_results_to_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = write_plan(folder.path(), "plan.json", &small_plan());
    let target = folder.path().join("results.csv");
    let output = run(&["simulate", &file, "--format", "csv", "--output", &target.display().to_string()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let piped = stdout(&run(&["simulate", &file, "--format", "csv"]));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), piped);

    let target = folder.path().join("results.json");
    let output = run(&["simulate", &file, "--output", &target.display().to_string()]);
    assert_eq!(code(&output), 0);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written["format"], "integrationsplan-results");
}

#[test]
fn simulate_runs_on_the_sample_plan() {
    let results = simulate_json(&["simulate", &sample()]);
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    let months = plan["horizon"]["months"].as_u64().unwrap() as usize;
    assert_eq!(results["months"].as_array().unwrap().len(), months);
    assert_eq!(results["title"], plan["meta"]["title"]);
    let plan_ids: Vec<&Value> = plan["scenarios"].as_array().unwrap().iter().map(|s| &s["id"]).collect();
    let result_ids: Vec<&Value> = results["scenarios"].as_array().unwrap().iter().map(|s| &s["id"]).collect();
    assert_eq!(plan_ids, result_ids);
}

// ---------------------------------------------------------------- schema

#[test]
fn schema_prints_the_shipped_schema_file() {
    let output = run(&["schema"]);
    assert_eq!(code(&output), 0);
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    let shipped_text = std::fs::read_to_string(manifest_path("assets/plan.schema.json"))
        .expect("assets/plan.schema.json: create it with `integrationsplan schema > assets/plan.schema.json`");
    let shipped: Value = serde_json::from_str(&shipped_text).unwrap();
    assert_eq!(printed, shipped, "assets/plan.schema.json is out of date: regenerate it with `integrationsplan schema`");
    assert_eq!(stdout(&output), shipped_text);
    assert_eq!(printed["properties"]["format"]["const"], "integrationsplan");
}

#[test]
fn bad_arguments_exit_2() {
    let output = run(&["simulate", &sample(), "--format", "xml"]);
    assert_eq!(code(&output), 2);
}
