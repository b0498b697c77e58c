//! `integrationsplan report`: one self-contained, accessible HTML file, run as the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan")).args(args).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>";

/// Two regions with locations, two domains (one with groups), two scenarios, a budget, a
/// measure; the title, a domain, a scenario, a region and a measure carry hostile names.
fn plan() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "meta": { "title": format!("Bericht {HOSTILE}"), "author": "Amt <b>fett</b>",
                  "notes": "Quelle: IT.NRW 2024\n\nZweiter Absatz <a href=\"http://evil.example\">Link</a>" },
        "horizon": { "start": "2025-08", "months": 30 },
        "domains": [
            { "id": "kita", "name": "Kita-Plätze", "rates": { "0-5": 0.5 },
              "planning": { "group_size": 20, "staff_per_group": 2, "cost_per_group_per_year_eur": 250000 } },
            { "id": "housing", "name": format!("Wohnen {HOSTILE}"), "rates": { "0+": 1 }, "persons_per_unit": 2.5 }
        ],
        "regions": [
            { "id": "koeln", "name": "Köln", "population": 1000, "area_km2": 10, "capacity": { "kita": 5, "housing": 100 },
              "location": { "lat": 50.94, "lon": 6.96 } },
            { "id": "hoexter", "name": format!("Höxter {HOSTILE}"), "population": 200, "area_km2": 100,
              "capacity": { "kita": 50, "housing": 50 }, "location": { "lat": 51.77, "lon": 9.38 } }
        ],
        "measures": [
            { "id": "m", "name": format!("Kita Kalk {HOSTILE}"), "domain": "kita", "region": "koeln", "places": 1234.5,
              "start": "2026-02", "cost_once_eur": 1000, "cost_per_year_eur": 1_234_567 }
        ],
        "budget": [ { "year": 2026, "eur": 1_000_000 } ],
        "scenarios": [
            { "id": "basis", "name": format!("Basis {HOSTILE}"), "arrivals": [ { "from": "2025-08", "per_month": 4000 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 }, "leave_rate_per_year": 0.1 },
            { "id": "hoch", "name": "Hoch", "arrivals": [ { "from": "2025-08", "per_month": 9000 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 } }
        ]
    })
}

/// Writes the plan, runs `report` with `args` and returns the report's text.
fn report(folder: &Path, args: &[&str]) -> String {
    let plan_path = folder.join("plan.json");
    std::fs::write(&plan_path, serde_json::to_string_pretty(&plan()).unwrap()).unwrap();
    let out = folder.join("bericht.html");
    let mut all = vec!["report", plan_path.to_str().unwrap(), "--output", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let output = run(&all);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    std::fs::read_to_string(out).unwrap()
}

/// Every occurrence of `<tag…>` in `html`, as the text of the opening tag.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter(|(at, _)| html[at + open.len()..].starts_with([' ', '>', '\n']))
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1])
        .collect()
}

#[test]
fn the_report_is_one_file_with_nothing_loaded_from_elsewhere_and_no_script() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &[]);
    let files: Vec<_> = std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files.len(), 2, "only the plan and the report: {files:?}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script");
    assert!(!lower.contains("<link"), "no linked style sheet");
    assert!(!lower.contains("@import") && !lower.contains("url("), "no style from elsewhere");
    for attribute in ["src=", "href=", "xlink:href=", "srcset=", "action=", "poster="] {
        for (at, _) in lower.match_indices(attribute) {
            let rest = &lower[at + attribute.len()..];
            let value = rest.trim_start_matches(['"', '\'']);
            // Inside escaped text (`&lt;img src=x …`) the attribute is not markup; any real one
            // must point inside the document.
            let in_text = lower[..at].rfind('<') < lower[..at].rfind('>') || lower[..at].ends_with("&lt;img ");
            assert!(
                in_text || value.starts_with('#') || value.starts_with("data:"),
                "{attribute}{}",
                &rest[..40.min(rest.len())]
            );
        }
    }
    assert!(!lower.contains("src=\"http") && !lower.contains("href=\"http"));
}

#[test]
fn every_domain_has_its_title_and_a_drawing_and_the_map_and_cost_plot_are_drawn() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &[]);
    assert!(html.contains("<h3 id=\"plot-0-h\">Kita-Plätze (Plätze)</h3>"), "kita heading");
    assert!(html.contains("<h3 id=\"plot-1-h\">Wohnen &lt;script&gt;"), "housing heading");
    for id in ["plot-0", "plot-1", "plot-cost", "map-figure"] {
        assert!(html.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")), "{id}");
    }
    assert_eq!(tags(&html, "svg").len(), 4, "two domains, the cost plot, the map");
    assert!(html.contains("<circle"), "regions on the map");
}

#[test]
fn german_and_english_write_their_words_numbers_and_months() {
    let folder = tempfile::tempdir().unwrap();
    let german = report(folder.path(), &[]);
    assert!(german.contains("<html lang=\"de\">"));
    for word in ["Kennzahlen", "Erster Engpass", "Maßnahmen", "Budget", "Hinweise und Quellen", "Zeitraum"] {
        assert!(german.contains(word), "{word}");
    }
    assert!(german.contains("08/2025 – 01/2028"), "German months");
    assert!(german.contains(">1.234,5<"), "German thousands and decimal comma: the measure's places");
    assert!(german.contains("1.234.567 €"), "German money");
    let english = report(folder.path(), &["--language", "en"]);
    assert!(english.contains("<html lang=\"en\">"));
    for word in ["Key figures", "First shortage", "Measures", "Budget", "Notes and sources", "Period"] {
        assert!(english.contains(word), "{word}");
    }
    assert!(english.contains("08/2025 – 01/2028"), "English months as the window and the pictures write them");
    assert!(english.contains(">1,234.5<"), "English thousands and decimal point");
    assert!(english.contains("€1,234,567"), "English money");
    assert!(!english.contains("Kennzahlen"));
}

#[test]
fn names_from_the_plan_show_as_text_never_as_markup() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &[]);
    assert!(!html.contains("<script>alert"), "no script from the plan");
    assert!(!html.contains("<img src=x"), "no element from the plan");
    assert!(!html.contains("<b>fett</b>") && !html.contains("<a href=\"http://evil"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "escaped in the HTML");
    assert!(html.contains("Amt &lt;b&gt;fett&lt;/b&gt;"));
    assert!(html.contains("Kita Kalk &lt;script&gt;"), "measure name");
    assert!(html.contains("Höxter &lt;script&gt;"), "region name on the map");
}

#[test]
fn every_drawing_and_image_has_a_text_alternative_and_tables_have_headers() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &[]);
    for img in tags(&html, "img") {
        assert!(img.contains(" alt=\""), "{img}");
    }
    let drawings = tags(&html, "svg");
    assert!(!drawings.is_empty());
    for svg in drawings {
        assert!(svg.contains("role=\"img\""), "{svg}");
        let ids = svg.split("aria-labelledby=\"").nth(1).unwrap().split('"').next().unwrap();
        for id in ids.split_whitespace() {
            let labelled = html.contains(&format!("<title id=\"{id}\">")) || html.contains(&format!("<desc id=\"{id}\">"));
            assert!(labelled, "{id}");
        }
        assert!(svg.contains("viewBox=\""), "{svg}");
        assert!(!svg.contains("width=\""), "scales with the page: {svg}");
    }
    let tables = tags(&html, "table");
    assert!(tables.len() >= 5, "indicators ×2, costs, planning years ×2, budget ×2, measures");
    for (index, table) in html.split("<table").skip(1).enumerate() {
        let body = table.split("</table>").next().unwrap();
        assert!(body.contains("<caption"), "table {index} has a caption");
        assert!(body.contains("<th scope=\"col\""), "table {index} has column headers");
        assert!(body.contains("<th scope=\"row\""), "table {index} has row headers");
    }
    // Headings in order: one h1, then h2 and h3 without skipping a level.
    let mut last = 0;
    for (at, _) in html.match_indices("<h") {
        let Some(level) = html[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else { continue };
        assert!(level <= last + 1, "h{level} after h{last}");
        last = level;
    }
    assert_eq!(tags(&html, "h1").len(), 1);
}

#[test]
fn the_planning_years_budget_and_measures_are_in_the_report() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &[]);
    assert!(html.contains("Fehlende Gruppen") && html.contains("Fehlendes Personal"), "SPEC §11 figures");
    assert!(html.contains("2025/26"), "planning year name");
    assert!(html.contains("Saldo") && html.contains("über Budget"), "the budget table with the over-budget year");
    assert!(html.contains("Zweiter Absatz"), "notes");
}

#[test]
fn scenarios_are_chosen_and_unknown_ones_or_the_plan_as_output_are_refused() {
    let folder = tempfile::tempdir().unwrap();
    let html = report(folder.path(), &["--scenario", "hoch"]);
    assert!(html.contains("„Hoch“"));
    assert!(!html.contains("Basis &lt;script"), "only the chosen scenario");
    let plan_path = folder.path().join("plan.json").display().to_string();
    let out = folder.path().join("other.html").display().to_string();
    let unknown = run(&["report", &plan_path, "--output", &out, "--scenario", "nope"]);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("nope"));
    assert!(!Path::new(&out).exists(), "nothing written");
    let onto_plan = run(&["report", &plan_path, "--output", &plan_path]);
    assert_eq!(code(&onto_plan), 2);
    assert!(std::fs::read_to_string(&plan_path).unwrap().contains("\"format\""), "the plan is untouched");
    let missing = run(&["report", "/nonexistent/plan.json", "--output", &out]);
    assert_eq!(code(&missing), 2);
    let unwritable = run(&["report", &plan_path, "--output", "/nonexistent/folder/bericht.html"]);
    assert_eq!(code(&unwritable), 1, "{}", stderr(&unwritable));
}

#[test]
fn the_sample_report_prints_on_a4_and_reads_on_a_phone() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("nrw.html");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nrw-2025.json");
    let output = run(&["report", sample.to_str().unwrap(), "--output", out.to_str().unwrap(), "--language", "en"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = std::fs::read_to_string(out).unwrap();
    assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    assert!(html.contains("@media print") && html.contains("size: A4") && html.contains("break-before: page"));
    assert!(html.contains("@media (max-width:"));
    assert!(html.contains("svg.plot { display: block; width: 100%; height: auto;"));
}
