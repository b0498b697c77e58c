//! CSV and XLSX exports are safe to open in a spreadsheet (SPEC §9): text that begins with `=`,
//! `+`, `-`, `@`, tab or carriage return gets a leading `'` in CSV and Excel's hidden quote
//! prefix in XLSX (issue 21: no visible apostrophe), numbers stay numbers, and text
//! longer than an Excel cell holds is cut with a note instead of failing the workbook.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use calamine::{Data, Reader, Xlsx};
use integrationsplan::io::{
    CUT_NOTE, CsvDialect, MAX_CELL_CHARS, SUMMARY_SHEET, load_str, results_xlsx_bytes, spreadsheet_text, write_results_csv,
};
use integrationsplan::simulate;
use serde_json::{Value, json};
use std::io::Cursor;
use std::process::Command;

const HYPERLINK: &str = "=HYPERLINK(\"http://example.invalid/x\";\"klick\")";

/// A plan whose ids and names a spreadsheet would read as formulas, and with a negative gap.
fn hostile_plan(title: &str) -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "meta": { "title": title },
        "horizon": { "start": "2025-01", "months": 3 },
        "domains": [ { "id": "@kita", "name": "Kita", "rates": { "0+": 1 } } ],
        "regions": [
            { "id": HYPERLINK, "name": "=1+1", "population": 100, "area_km2": 1, "capacity": { "@kita": -2.5 } },
            { "id": "\tTab", "name": "Tab", "population": 100, "area_km2": 1 },
            { "id": "normal", "name": "Normal", "population": 100, "area_km2": 1 }
        ],
        "scenarios": [
            { "id": "-basis", "name": "+Basis", "arrivals": [ { "from": "2025-01", "per_month": 10 } ],
              "age_distribution": { "0-17": 0.5, "18+": 0.5 } },
            { "id": "\rcr", "name": "@Hoch", "arrivals": [ { "from": "2025-01", "per_month": 20 } ],
              "age_distribution": { "0-17": 0.5, "18+": 0.5 } }
        ]
    })
}

#[test]
fn formula_text_gets_a_leading_apostrophe_and_nothing_else_does() {
    for risky in ["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(spreadsheet_text(risky), format!("'{risky}"));
    }
    for plain in ["", "koeln", "1", "'=1", " =1", "a=b", "*"] {
        assert_eq!(spreadsheet_text(plain), plain);
    }
}

#[test]
fn csv_de_from_the_command_line_writes_formula_ids_as_text_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, serde_json::to_string(&hostile_plan("T")).unwrap()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
        .args(["simulate", &plan.display().to_string(), "--format", "csv-de"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let body = output.stdout.strip_prefix(b"\xEF\xBB\xBF").unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let cell = |row: &csv::StringRecord, i: usize| row.get(i).unwrap().to_owned();
    let hyperlink_rows: Vec<_> = rows.iter().filter(|r| cell(r, 1) == format!("'{HYPERLINK}")).collect();
    assert_eq!(hyperlink_rows.len(), 2 * 3, "one per scenario and month");
    for row in &rows {
        for i in 0..3 {
            let text = cell(row, i);
            assert!(!text.starts_with(['=', '+', '-', '@', '\t', '\r']), "{text:?} would be read as a formula");
        }
        assert!(["'-basis", "'\rcr"].contains(&cell(row, 0).as_str()), "{row:?}");
        assert_eq!(cell(row, 2), "'@kita");
    }
    assert!(rows.iter().any(|r| cell(r, 1) == "'\tTab"));
    assert!(rows.iter().any(|r| cell(r, 1) == "normal"));
    // The region with −2.5 places has a negative gap: a plain number with a decimal comma.
    let first = hyperlink_rows[0];
    assert_eq!(cell(first, 5), "-2,5");
    assert!(cell(first, 6).starts_with('-') && cell(first, 6).contains(','), "{first:?}");
}

#[test]
fn rfc_csv_writes_formula_ids_as_text() {
    let plan = load_str(&hostile_plan("T").to_string(), "x.json").unwrap().plan;
    let mut bytes = Vec::new();
    write_results_csv(&simulate(&plan), CsvDialect::Standard, &mut bytes).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.iter().any(|r| r.get(1) == Some(&*format!("'{HYPERLINK}"))));
    assert!(rows.iter().all(|r| r.get(0).is_some_and(|s| s.starts_with('\''))));
    assert!(rows.iter().any(|r| r.get(5) == Some("-2.5")));
}

fn workbook(title: &str) -> Xlsx<Cursor<Vec<u8>>> {
    let plan = load_str(&hostile_plan(title).to_string(), "x.json").unwrap().plan;
    Xlsx::new(Cursor::new(results_xlsx_bytes(&simulate(&plan)).unwrap())).unwrap()
}

/// Whether cell `cell` (e.g. `A1`) of the part `sheet` of the workbook `bytes` has a style with
/// Excel's quote prefix (`quotePrefix="1"` in its `<xf>` of `cellXfs`).
fn has_quote_prefix(bytes: &[u8], sheet: &str, cell: &str) -> bool {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let read = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let sheet_xml = read(&mut zip, sheet);
    let styles = read(&mut zip, "xl/styles.xml");
    let Some(at) = sheet_xml.find(&format!("<c r=\"{cell}\" s=\"")) else { return false };
    let rest = &sheet_xml[at + format!("<c r=\"{cell}\" s=\"").len()..];
    let style: usize = rest[..rest.find('"').unwrap()].parse().unwrap();
    let cell_xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    cell_xfs.split("<xf ").nth(style + 1).is_some_and(|xf| xf.contains("quotePrefix=\"1\""))
}

#[test]
fn xlsx_text_cells_that_look_like_formulas_get_the_hidden_quote_prefix() {
    let title = "=WEBSERVICE(\"http://example.invalid\")";
    let mut book = workbook(title);
    let summary = book.worksheet_range(SUMMARY_SHEET).unwrap();
    // The text as written, no visible apostrophe (issue 21, point 9): the quote prefix is a
    // cell format that Excel and LibreOffice show as nothing but keep as text.
    assert_eq!(summary.get((0, 0)), Some(&Data::String(title.into())));
    assert_eq!(summary.get((3, 0)), Some(&Data::String("+Basis".into())));
    assert_eq!(summary.get((3, 1)), Some(&Data::String("@kita".into())));
    let plan = load_str(&hostile_plan(title).to_string(), "x.json").unwrap().plan;
    let bytes = results_xlsx_bytes(&simulate(&plan)).unwrap();
    assert!(has_quote_prefix(&bytes, "xl/worksheets/sheet1.xml", "A1"), "the title keeps its bold format and gets the prefix");
    assert!(has_quote_prefix(&bytes, "xl/worksheets/sheet1.xml", "A4"));
    assert!(has_quote_prefix(&bytes, "xl/worksheets/sheet1.xml", "B4"));
    let budget = book.worksheet_range(integrationsplan::io::BUDGET_SHEET).unwrap();
    assert_eq!(budget.get((1, 0)), Some(&Data::String("+Basis".into())), "the budget sheet's scenario names as written");
    assert!(has_quote_prefix(&bytes, "xl/worksheets/sheet2.xml", "A2"), "the budget sheet's scenario names are safe too");
    let names = book.sheet_names();
    let sheet = book.worksheet_range(&names[names.len() - 1]).unwrap();
    let mut found = false;
    for row in 1..sheet.height() {
        if let Some(Data::String(region)) = sheet.get((row, 1))
            && region.contains("HYPERLINK")
        {
            assert_eq!(region, HYPERLINK);
            assert!(has_quote_prefix(&bytes, &format!("xl/worksheets/sheet{}.xml", names.len()), &format!("B{}", row + 1)));
            // Numbers stay number cells, negative ones included.
            assert!(matches!(sheet.get((row, 4)), Some(Data::Float(x)) if *x == -2.5), "{:?}", sheet.get((row, 4)));
            assert!(matches!(sheet.get((row, 5)), Some(Data::Float(x)) if *x < 0.0));
            found = true;
        }
    }
    assert!(found);
}

#[test]
fn an_xlsx_cell_longer_than_excel_allows_is_cut_with_a_note() {
    let title = "Ä".repeat(40_000);
    let mut book = workbook(&title);
    let summary = book.worksheet_range(SUMMARY_SHEET).unwrap();
    let Some(Data::String(cell)) = summary.get((0, 0)) else { panic!("{:?}", summary.get((0, 0))) };
    assert!(cell.ends_with(CUT_NOTE), "{}", &cell[cell.len() - 40..]);
    assert!(cell.encode_utf16().count() <= MAX_CELL_CHARS);
    assert!(cell.encode_utf16().count() > MAX_CELL_CHARS - 20, "cut at the limit, not earlier");
    assert!(cell.starts_with("ÄÄÄ"));

    // Characters outside the basic plane count twice, as Excel counts them; none is split.
    let emoji = "😀".repeat(20_000);
    let cut = integrationsplan::io::cell_text(&emoji);
    assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
    assert!(cut.trim_end_matches(CUT_NOTE).chars().all(|c| c == '😀'));
    // Exactly at the limit nothing is cut.
    let full = "x".repeat(MAX_CELL_CHARS);
    assert_eq!(integrationsplan::io::cell_text(&full), full);
}

#[test]
fn the_measure_table_cuts_long_notes_instead_of_failing() {
    let mut plan = hostile_plan("T");
    plan["measures"] = json!([{ "id": "m", "name": "=M", "domain": "@kita", "places": 1, "start": "2025-01",
                                "notes": "n".repeat(40_000) }]);
    let plan = load_str(&plan.to_string(), "x.json").unwrap().plan;
    let bytes = integrationsplan::io::measures_xlsx_bytes(&plan).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range(integrationsplan::io::MEASURES_SHEET).unwrap();
    let notes = (0..sheet.width()).find_map(|c| match sheet.get((1, c)) {
        Some(Data::String(text)) if text.starts_with("nnn") => Some(text.clone()),
        _ => None,
    });
    let notes = notes.unwrap();
    assert!(notes.ends_with(CUT_NOTE));
    assert!(notes.encode_utf16().count() <= MAX_CELL_CHARS);
}
