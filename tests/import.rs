//! Measures and regions from spreadsheet tables (issue 15): tables written by this program and
//! by others (rust_xlsxwriter, a hand-made .ods, CSV as Excel writes it) import to the right
//! plan; every bad row is named with its row number and header as written; bad rows block.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use integrationsplan::import::{
    Cell, ImportOptions, NumberStyle, ProblemKind, Table, TableError, TableKind, preview, preview_file, read_table_bytes,
};
use integrationsplan::io::{MEASURES_SHEET, load_file, load_str, measures_xlsx_bytes};
use integrationsplan::model::{Funding, Measure, Month, Plan};
use integrationsplan::sample;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// ---------------------------------------------------------------- helpers

fn small_plan_json() -> Value {
    json!({
        "format": "integrationsplan", "version": 1,
        "meta": { "title": "Klein" },
        "horizon": { "start": "2025-01", "months": 24 },
        "domains": [
            { "id": "kita", "name": "Kita-Plätze", "rates": { "0-5": 0.5 } },
            { "id": "housing", "name": "Wohnungen", "rates": { "0+": 1 }, "persons_per_unit": 2.5 }
        ],
        "regions": [
            { "id": "koeln", "name": "Köln", "population": 1000, "area_km2": 10, "capacity": { "kita": 5, "housing": 100 },
              "location": { "lat": 50.9, "lon": 6.9 } },
            { "id": "05762", "name": "Höxter", "population": 200, "area_km2": 100, "capacity": { "kita": 50 } }
        ],
        "measures": [
            { "id": "m1", "name": "Kita Kalk", "domain": "kita", "region": "koeln", "places": 75, "start": "2025-08",
              "ramp_months": 3, "cost_once_eur": 2500000, "cost_per_year_eur": 900000, "funding": "secured",
              "notes": "Bauantrag gestellt", "priority": "hoch" },
            { "id": "m2", "name": "Wohnungen Land", "domain": "housing", "places": 40, "start": "2025-03", "end": "2026-12" }
        ],
        "scenarios": [
            { "id": "basis", "name": "Basis", "arrivals": [ { "from": "2025-01", "per_month": 40 } ],
              "age_distribution": { "0-5": 0.25, "6-17": 0.25, "18+": 0.5 }, "measures_off": ["m2"] }
        ]
    })
}

fn small_plan() -> Plan {
    load_str(&small_plan_json().to_string(), "small.json").unwrap().plan
}

fn month(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn measure(plan: &Plan, id: &str) -> Measure {
    plan.measures.iter().find(|m| m.id == id).unwrap().clone()
}

fn text_table(rows: &[&[&str]], style: NumberStyle) -> Table {
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text((*c).to_owned()) }).collect())
        .collect();
    Table::from_rows("table.csv", rows, style)
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_integrationsplan"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn write(folder: &Path, name: &str, bytes: &[u8]) -> String {
    let path = folder.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn write_plan(folder: &Path) -> String {
    write(folder, "plan.json", serde_json::to_string_pretty(&small_plan_json()).unwrap().as_bytes())
}

fn error_lines(output: &Output) -> Vec<String> {
    stderr(output).lines().filter(|l| l.starts_with("error: ")).map(str::to_owned).collect()
}

/// An `.ods` file (zip with mimetype, manifest and content.xml) whose sheet holds `rows`:
/// each cell is the inner XML attributes and paragraph, made by [`ods_cell`].
fn ods_bytes(sheet: &str, rows: &[Vec<String>]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    content.push_str(&format!(r#"<table:table table:name="{sheet}">"#));
    for row in rows {
        content.push_str("<table:table-row>");
        for cell in row {
            content.push_str(cell);
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// An ODS cell: `s:` text, `n:` number, `d:` date (`YYYY-MM-DD`), empty = empty cell.
fn ods_cell(spec: &str) -> String {
    if let Some(text) = spec.strip_prefix("s:") {
        format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
    } else if let Some(number) = spec.strip_prefix("n:") {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{number}"><text:p>{number}</text:p></table:table-cell>"#
        )
    } else if let Some(date) = spec.strip_prefix("d:") {
        format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{date}"><text:p>{date}</text:p></table:table-cell>"#
        )
    } else {
        "<table:table-cell/>".to_owned()
    }
}

// ---------------------------------------------------------------- round trip

/// Measures that test every corner of the table: negative and fractional places, formulas as
/// text, state-wide, an end month, every funding state, line breaks in notes.
fn tricky_plan() -> Plan {
    let mut plan = small_plan();
    let base = measure(&plan, "m1");
    let extra = [
        ("=SUMME(A1)", "-Notunterkunft", None, -12.5, Some("2027-01"), Funding::Open, "+49 221 …\nzweite Zeile"),
        ("@x", "Tab\tim Namen", Some("05762"), 0.1 + 0.2, None, Funding::Planned, "\u{a0}führendes Leerzeichen"),
        ("1234", "", None, 1e11, None, Funding::Secured, ""),
    ];
    for (id, name, region, places, end, funding, notes) in extra {
        plan.measures.push(Measure {
            id: id.to_owned(),
            name: name.to_owned(),
            region: region.map(str::to_owned),
            places,
            end: end.map(month),
            funding,
            notes: notes.to_owned(),
            cost_once_eur: 1234.56,
            cost_per_year_eur: 0.0,
            ramp_months: 0,
            extra: Default::default(),
            ..base.clone()
        });
    }
    plan
}

#[test]
fn measures_exported_as_a_table_import_back_to_the_identical_plan() {
    for plan in [sample::nrw_2025().unwrap().plan, tricky_plan()] {
        let bytes = measures_xlsx_bytes(&plan).unwrap();
        let table = read_table_bytes("massnahmen.xlsx", &bytes, "xlsx", None).unwrap();
        assert_eq!(table.sheet.as_deref(), Some(MEASURES_SHEET));
        let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
        assert_eq!(result.problems, vec![]);
        assert_eq!((result.added.len(), result.changed.len(), result.unchanged.len()), (0, 0, plan.measures.len()));
        assert!(!result.is_blocked());
        assert_eq!(result.apply(&plan), plan);

        // Into a plan without measures: all are added, in the same order, field by field equal
        // (only the unknown fields, which the table does not carry, are lost).
        let mut empty = plan.clone();
        empty.measures.clear();
        for scenario in &mut empty.scenarios {
            scenario.measures_off.clear();
        }
        let result = preview(&empty, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
        assert_eq!(result.problems, vec![]);
        assert_eq!(result.added.len(), plan.measures.len());
        let imported = result.apply(&empty).measures;
        let expected: Vec<Measure> = plan.measures.iter().map(|m| Measure { extra: Default::default(), ..m.clone() }).collect();
        assert_eq!(imported, expected);
    }
}

#[test]
fn the_table_has_exactly_the_german_headers_and_ids() {
    let plan = tricky_plan();
    let bytes = measures_xlsx_bytes(&plan).unwrap();
    let table = read_table_bytes("m.xlsx", &bytes, "xlsx", None).unwrap();
    let header: Vec<String> = table.rows[0].iter().map(Cell::text).collect();
    assert_eq!(
        header,
        [
            "ID",
            "Name",
            "Bereich",
            "Region",
            "Plätze",
            "Beginn",
            "Ende",
            "Anlauf (Monate)",
            "Einmalkosten (€)",
            "Kosten pro Jahr (€)",
            "Finanzierung",
            "Notizen"
        ]
    );
    let m1 = &table.rows[1];
    assert_eq!(m1[0], Cell::Text("m1".into()));
    assert_eq!(m1[2], Cell::Text("kita".into()));
    assert_eq!(m1[3], Cell::Text("koeln".into()));
    assert_eq!(m1[4], Cell::Number(75.0));
    assert_eq!(m1[5], Cell::Text("2025-08".into()));
    assert_eq!(m1[8], Cell::Number(2_500_000.0));
    assert_eq!(m1[10], Cell::Text("gesichert".into()));
    let m2 = &table.rows[2];
    assert_eq!(m2[3], Cell::Empty, "state-wide is an empty Region cell");
    assert_eq!(m2[6], Cell::Text("2026-12".into()));
    assert_eq!(m2[10], Cell::Text("geplant".into()));
    // A formula-like text stays text.
    assert_eq!(table.rows[3][0], Cell::Text("=SUMME(A1)".into()));
}

#[test]
fn unknown_fields_and_fields_without_a_column_are_kept() {
    let plan = small_plan();
    let table = text_table(&[&["ID", "Plätze"], &["m1", "80"]], NumberStyle::DecimalComma);
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    let after = measure(&result.apply(&plan), "m1");
    let before = measure(&plan, "m1");
    assert_eq!(after, Measure { places: 80.0, ..before });
    assert_eq!(after.extra.get("priority"), Some(&json!("hoch")));
    assert_eq!(result.changed.len(), 1);
    assert_eq!(result.changed[0].fields.len(), 1);
    assert_eq!(result.changed[0].fields[0].before.to_german(), "75");
    assert_eq!(result.changed[0].fields[0].after.to_german(), "80");
}

// ---------------------------------------------------------------- tables by other programs

#[test]
fn a_workbook_written_by_another_program_imports_to_the_right_plan() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Tabelle1").unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let money = Format::new().set_num_format("#,##0.00 \"€\"");
    let headers = [
        "id",
        "NAME",
        "Domain",
        "region",
        "PLACES",
        "Start",
        "END",
        "ramp_months",
        "Cost_Once_EUR",
        "Kosten pro Jahr",
        "Funding",
        "Farbe",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // m1: changed by name of domain and region, German number text, a date cell.
    sheet.write_string(1, 0, "m1").unwrap();
    sheet.write_string(1, 1, "Kita Kalk").unwrap();
    sheet.write_string(1, 2, "KITA-PLÄTZE").unwrap();
    sheet.write_string(1, 3, "Köln").unwrap();
    sheet.write_string(1, 4, "1.234,5").unwrap();
    sheet.write_datetime_with_format(1, 5, ExcelDateTime::from_ymd(2025, 9, 15).unwrap(), &date).unwrap();
    sheet.write_number(1, 7, 3).unwrap();
    sheet.write_string(1, 8, "2.500.000 €").unwrap();
    sheet.write_number_with_format(1, 9, 900000, &money).unwrap();
    sheet.write_string(1, 10, "Secured").unwrap();
    // m3: new, state-wide, MM/YYYY and TT.MM.JJJJ, English number text.
    sheet.write_string(2, 0, "m3").unwrap();
    sheet.write_string(2, 1, "Sprachkurse").unwrap();
    sheet.write_string(2, 2, "housing").unwrap();
    sheet.write_string(2, 3, "statewide").unwrap();
    sheet.write_string(2, 4, "1,250.75").unwrap();
    sheet.write_string(2, 5, "03/2026").unwrap();
    sheet.write_string(2, 6, "31.12.2027").unwrap();
    sheet.write_string(2, 8, "12 €").unwrap();
    sheet.write_string(2, 10, "offen").unwrap();
    // A blank row is skipped; m4 uses the region's AGS id and "landesweit" is not needed.
    sheet.write_string(4, 0, "m4").unwrap();
    sheet.write_string(4, 2, "kita").unwrap();
    sheet.write_string(4, 3, "05762").unwrap();
    sheet.write_number(4, 4, -5).unwrap();
    sheet.write_string(4, 5, "2026-01").unwrap();
    sheet.write_string(4, 9, "0").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let plan = small_plan();
    let table = read_table_bytes("fremd.xlsx", &bytes, "xlsx", None).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    assert_eq!(result.added, ["m3", "m4"]);
    assert_eq!(result.changed.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["m1"]);
    assert_eq!(result.unchanged, Vec::<String>::new());
    assert_eq!(result.warnings.len(), 1, "Farbe is not a known header: {:?}", result.warnings);
    assert_eq!(result.warnings[0].message_en(), "column \"Farbe\" is not known and is ignored");
    let after = result.apply(&plan);

    let m1 = measure(&after, "m1");
    assert_eq!(
        m1,
        Measure { places: 1234.5, start: month("2025-09"), ..measure(&plan, "m1") },
        "notes kept: the table has no notes column"
    );
    let m3 = measure(&after, "m3");
    assert_eq!(m3.domain, "housing");
    assert_eq!(m3.region, None);
    assert_eq!(m3.places, 1250.75);
    assert_eq!((m3.start, m3.end), (month("2026-03"), Some(month("2027-12"))));
    assert_eq!((m3.ramp_months, m3.cost_once_eur, m3.cost_per_year_eur), (0, 12.0, 0.0));
    assert_eq!(m3.funding, Funding::Open);
    let m4 = measure(&after, "m4");
    assert_eq!((m4.region.as_deref(), m4.places, m4.funding, m4.name.as_str()), (Some("05762"), -5.0, Funding::Planned, ""));
    assert_eq!(after.measures.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["m1", "m2", "m3", "m4"]);
}

#[test]
fn an_ods_file_imports_like_a_workbook() {
    let rows: Vec<Vec<String>> = [
        vec!["s:ID", "s:Name", "s:Bereich", "s:Region", "s:Plätze", "s:Beginn", "s:Ende", "s:Finanzierung"],
        vec!["s:m1", "s:Kita Kalk", "s:kita", "s:koeln", "n:75", "d:2025-08-01", "", "s:gesichert"],
        vec!["s:ods-1", "s:Neu aus Calc", "s:Wohnungen", "", "n:12.5", "d:2026-02-01", "s:03/2027", "s:geplant"],
    ]
    .iter()
    .map(|row| row.iter().map(|c| ods_cell(c)).collect())
    .collect();
    let bytes = ods_bytes("Maßnahmen", &rows);
    let plan = small_plan();
    let table = read_table_bytes("calc.ods", &bytes, "ods", Some("Maßnahmen")).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    assert_eq!(result.unchanged, ["m1"]);
    assert_eq!(result.added, ["ods-1"]);
    let added = measure(&result.apply(&plan), "ods-1");
    assert_eq!((added.domain.as_str(), added.region.clone(), added.places), ("housing", None, 12.5));
    assert_eq!((added.start, added.end), (month("2026-02"), Some(month("2027-03"))));
}

#[test]
fn csv_in_utf8_with_bom_semicolons_and_decimal_comma() {
    let csv = "\u{feff}ID;Name;Bereich;Region;Plätze;Beginn;Einmalkosten (€);Finanzierung\r\n\
               m1;Kita Kalk;kita;Köln;\"1.234,5\";08/2025;2.500.000 €;gesichert\r\n\
               m9;Neu;kita;;0,5;01.02.2026;1.234;geplant\r\n";
    let plan = small_plan();
    let table = read_table_bytes("m.csv", csv.as_bytes(), "csv", None).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    let after = result.apply(&plan);
    assert_eq!(measure(&after, "m1").places, 1234.5);
    let m9 = measure(&after, "m9");
    assert_eq!((m9.places, m9.start, m9.cost_once_eur, m9.region), (0.5, month("2026-02"), 1234.0, None));
}

#[test]
fn csv_in_windows_1252_as_german_excel_writes_it() {
    // "Plätze" with ä = 0xE4, "Köln" with ö = 0xF6, "€" = 0x80.
    let mut csv = b"ID;Name;Bereich;Region;Pl\xE4tze;Beginn;Einmalkosten (\x80)\r\n".to_vec();
    csv.extend_from_slice(b"m7;Kita S\xFCdstadt;kita;K\xF6ln;12,5;2025-10;3.000 \x80\r\n");
    let plan = small_plan();
    let table = read_table_bytes("m.csv", &csv, "csv", None).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    assert_eq!(result.warnings, vec![]);
    let m7 = measure(&result.apply(&plan), "m7");
    assert_eq!(
        (m7.name.as_str(), m7.region.as_deref(), m7.places, m7.cost_once_eur),
        ("Kita Südstadt", Some("koeln"), 12.5, 3000.0)
    );
}

#[test]
fn csv_with_commas_and_decimal_points() {
    let csv = "id,name,domain,region,places,start,cost_per_year_eur\n\
               m1,Kita Kalk,kita,koeln,\"1,234.5\",2025-08,\"900,000\"\n\
               m8,New,housing,,12.5,2026-01,1234.5\n";
    let plan = small_plan();
    let table = read_table_bytes("m.csv", csv.as_bytes(), "csv", None).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    let after = result.apply(&plan);
    assert_eq!(measure(&after, "m1").places, 1234.5);
    assert_eq!(measure(&after, "m1").cost_per_year_eur, 900_000.0);
    assert_eq!((measure(&after, "m8").places, measure(&after, "m8").cost_per_year_eur), (12.5, 1234.5));
}

// ---------------------------------------------------------------- bad rows

#[test]
fn every_bad_row_is_named_with_row_column_and_reason() {
    let table = text_table(
        &[
            &[
                "ID",
                "Name",
                "Bereich",
                "Region",
                "Plätze",
                "Beginn",
                "Ende",
                "Anlauf (Monate)",
                "Einmalkosten (€)",
                "Finanzierung",
            ],
            &["a", "", "kita", "", "zwölf", "2025-01", "", "", "", ""],
            &["b", "", "kitas", "Bonn", "1", "2025-13", "", "2,5", "-3", "vielleicht"],
            &["", "ohne ID", "kita", "", "1", "2025-01", "", "", "", ""],
            &["m1", "", "kita", "", "", "", "", "", "", ""],
            &["m1", "", "kita", "", "1", "2025-05", "2025-04", "", "", ""],
            &["", "", "", "", "", "", "", "", "", ""],
        ],
        NumberStyle::DecimalComma,
    );
    let plan = small_plan();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert!(result.is_blocked());
    let german: Vec<String> = result.problems.iter().map(|p| p.message_de()).collect();
    assert_eq!(
        german,
        [
            "Zeile 2, Spalte „Plätze“: „zwölf“ ist keine Zahl",
            "Zeile 3, Spalte „Bereich“: „kitas“ ist kein Bereich des Plans (erwartet: ID oder Name von kita, housing)",
            "Zeile 3, Spalte „Region“: „Bonn“ ist keine Region des Plans (erwartet: ID oder Name einer Region, leer oder „landesweit“)",
            "Zeile 3, Spalte „Beginn“: „2025-13“ ist kein Monat (erwartet: JJJJ-MM, MM/JJJJ oder TT.MM.JJJJ)",
            "Zeile 3, Spalte „Anlauf (Monate)“: „2,5“ ist keine ganze Zahl ≥ 0",
            "Zeile 3, Spalte „Einmalkosten (€)“: „-3“ ist negativ (erwartet: eine Zahl ≥ 0)",
            "Zeile 3, Spalte „Finanzierung“: „vielleicht“ ist keine Finanzierung (erwartet: gesichert, geplant oder offen)",
            "Zeile 4, Spalte „ID“: die Zelle ist leer (erwartet: eine ID)",
            "Zeile 5, Spalte „Plätze“: die Zelle ist leer (erwartet: eine Zahl)",
            "Zeile 5, Spalte „Beginn“: die Zelle ist leer (erwartet: ein Monat)",
            "Zeile 6, Spalte „ID“: „m1“ ist schon die ID von Zeile 5 (erwartet: eine eindeutige ID)",
        ]
    );
    let english: Vec<String> = result.problems.iter().map(|p| p.message_en()).collect();
    assert_eq!(english[0], "row 2, column \"Plätze\": \"zwölf\" is not a number");
    assert_eq!(english[3], "row 3, column \"Beginn\": \"2025-13\" is not a month (expected YYYY-MM, MM/YYYY or DD.MM.YYYY)");
    assert_eq!(english[10], "row 6, column \"ID\": \"m1\" is already the id of row 5 (expected a unique id)");
    assert!(matches!(&result.problems[0].kind, ProblemKind::NotANumber { text } if text == "zwölf"));
}

#[test]
fn end_before_start_and_new_rows_without_a_needed_column_are_bad() {
    let plan = small_plan();
    let table = text_table(&[&["ID", "Ende"], &["m1", "2025-01"], &["neu", ""]], NumberStyle::DecimalComma);
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    let english: Vec<String> = result.problems.iter().map(|p| p.message_en()).collect();
    assert_eq!(
        english,
        [
            "row 2, column \"Ende\": \"2025-01\" is before the start \"2025-08\" (expected end ≥ start)",
            "row 3: \"neu\" is a new measure, but the table has no column \"Bereich\" (or \"domain\") for it",
            "row 3: \"neu\" is a new measure, but the table has no column \"Plätze\" (or \"places\") for it",
            "row 3: \"neu\" is a new measure, but the table has no column \"Beginn\" (or \"start\") for it",
        ]
    );
    assert_eq!(
        result.problems[1].message_de(),
        "Zeile 3: „neu“ ist eine neue Maßnahme, aber die Tabelle hat keine Spalte „Bereich“ dafür"
    );
}

#[test]
fn a_table_without_an_id_column_names_the_expected_headers() {
    let plan = small_plan();
    let table = text_table(&[&["Name", "Plätze"], &["x", "1"]], NumberStyle::DecimalComma);
    let error = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "table.csv: no column \"ID\" (or \"id\") in the header row (expected the headers \"ID\", \"Name\", \"Bereich\", \
         \"Region\", \"Plätze\", \"Beginn\", \"Ende\", \"Anlauf (Monate)\", \"Einmalkosten (€)\", \"Kosten pro Jahr (€)\", \
         \"Finanzierung\", \"Notizen\")"
    );
    let table = text_table(&[&["ID", "Plätze", "places"], &["x", "1", "2"]], NumberStyle::DecimalComma);
    let error = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap_err();
    assert!(matches!(error, TableError::DuplicateColumn { .. }), "{error}");
}

// ---------------------------------------------------------------- regions

#[test]
fn regions_with_domain_columns_by_name_and_id_and_ags_numbers() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Kreise").unwrap();
    for (c, h) in ["AGS", "Name", "Einwohner", "Fläche (km2)", "KITA", "Wohnungen", "Notiz"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // 05762 written as a number loses its leading zero; it still matches.
    sheet.write_number(1, 0, 5762).unwrap();
    sheet.write_string(1, 1, "Höxter").unwrap();
    sheet.write_number(1, 2, 140000).unwrap();
    sheet.write_string(1, 3, "1.201,4").unwrap();
    sheet.write_number(1, 4, 60).unwrap();
    sheet.write_number(1, 5, 7).unwrap();
    sheet.write_string(2, 0, "koeln").unwrap();
    sheet.write_string(2, 1, "Köln").unwrap();
    sheet.write_number(2, 2, 1000).unwrap();
    sheet.write_number(2, 3, 10).unwrap();
    sheet.write_number(2, 4, 5).unwrap();
    sheet.write_number(2, 5, 100).unwrap();
    sheet.write_string(3, 0, "05334").unwrap();
    sheet.write_string(3, 1, "Städteregion Aachen").unwrap();
    sheet.write_number(3, 2, 555465).unwrap();
    sheet.write_number(3, 3, 706.9).unwrap();
    sheet.write_number(3, 4, 12).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let plan = small_plan();
    let table = read_table_bytes("kreise.xlsx", &bytes, "xlsx", Some("kreise")).unwrap();
    let result = preview(&plan, &table, TableKind::Regions, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems, vec![]);
    assert_eq!(result.added, ["05334"]);
    assert_eq!(result.unchanged, ["koeln"]);
    assert_eq!(result.changed.len(), 1);
    assert_eq!(result.changed[0].id, "05762");
    let after = result.apply(&plan);
    let hoexter = &after.regions[1];
    assert_eq!((hoexter.population, hoexter.area_km2), (140000.0, 1201.4));
    assert_eq!(hoexter.capacity, vec![("kita".to_owned(), 60.0), ("housing".to_owned(), 7.0)]);
    let aachen = &after.regions[2];
    assert_eq!((aachen.name.as_str(), aachen.capacity.clone()), ("Städteregion Aachen", vec![("kita".to_owned(), 12.0)]));
    assert_eq!(after.regions[0], plan.regions[0], "unchanged, location kept");
}

#[test]
fn bad_region_rows_are_named() {
    let plan = small_plan();
    let table = text_table(
        &[&["ID", "Einwohner", "Fläche (km²)", "kita"], &["koeln", "-1", "10", "viele"], &["neu", "5", "", "1"]],
        NumberStyle::DecimalComma,
    );
    let result = preview(&plan, &table, TableKind::Regions, &ImportOptions::default()).unwrap();
    let german: Vec<String> = result.problems.iter().map(|p| p.message_de()).collect();
    assert_eq!(
        german,
        [
            "Zeile 2, Spalte „Einwohner“: „-1“ ist negativ (erwartet: eine Zahl ≥ 0)",
            "Zeile 2, Spalte „kita“: „viele“ ist keine Zahl",
            "Zeile 3, Spalte „Fläche (km²)“: die Zelle ist leer (erwartet: eine Zahl ≥ 0)",
        ]
    );
}

// ---------------------------------------------------------------- command line

#[test]
fn cli_imports_regions_then_measures_and_writes_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let regions = write(folder.path(), "regionen.csv", "ID;Name;Einwohner;Fläche (km²)\nbonn;Bonn;330000;141,1\n".as_bytes());
    let measures = write(
        folder.path(),
        "massnahmen.csv",
        "ID;Bereich;Region;Plätze;Beginn\nm1;kita;koeln;75;2025-08\nm2;housing;;50;2025-03\nm5;kita;Bonn;20;2026-01\n".as_bytes(),
    );
    let out = folder.path().join("out.json");
    let output = run(&["import", &plan, "--regions", &regions, "--measures", &measures, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("regionen.csv: regions: 1 added, 0 changed, 0 unchanged"), "{text}");
    assert!(text.contains("massnahmen.csv: measures: 1 added, 1 changed, 1 unchanged"), "{text}");
    let result = load_file(&out).unwrap().plan;
    assert_eq!(result.regions.len(), 3);
    assert_eq!(measure(&result, "m5").region.as_deref(), Some("bonn"));
    assert_eq!(measure(&result, "m2").places, 50.0);
    assert_eq!(measure(&result, "m2").end, Some(month("2026-12")), "no Ende column: kept");
}

#[test]
fn cli_bad_rows_exit_2_and_write_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["ID", "Bereich", "Plätze", "Beginn"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..11u32 {
        sheet.write_string(r, 0, format!("ok-{r}")).unwrap();
        sheet.write_string(r, 1, "kita").unwrap();
        sheet.write_number(r, 2, 1).unwrap();
        sheet.write_string(r, 3, "2025-01").unwrap();
    }
    sheet.write_string(11, 0, "m12").unwrap();
    sheet.write_string(11, 1, "kita").unwrap();
    sheet.write_string(11, 2, "zwölf").unwrap();
    sheet.write_string(11, 3, "2025-01").unwrap();
    let measures = write(folder.path(), "measures.xlsx", &workbook.save_to_buffer().unwrap());
    let out = folder.path().join("out.json");
    let output = run(&["import", &plan, "--measures", &measures, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        error_lines(&output),
        [
            format!("error: {measures}: row 12, column \"Plätze\": \"zwölf\" is not a number"),
            "error: 1 bad row, 1 problem (nothing written)".to_owned(),
        ]
    );
    assert!(!out.exists());
}

#[test]
fn cli_unknown_sheet_unreadable_table_and_output_over_the_plan_exit_2() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let measures = write(folder.path(), "m.xlsx", &measures_xlsx_bytes(&small_plan()).unwrap());
    let out = folder.path().join("out.json");
    let output = run(&["import", &plan, "--measures", &measures, "--sheet", "Blatt9", "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(error_lines(&output), [format!("error: {measures}: no sheet named \"Blatt9\" (the file has \"Maßnahmen\")")]);
    assert!(!out.exists());

    let broken = write(folder.path(), "kaputt.xlsx", b"not a workbook");
    let output = run(&["import", &plan, "--measures", &broken, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let errors = error_lines(&output);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("error: {broken}: cannot read the table: not an .xlsx workbook (")), "{errors:?}");

    let missing = folder.path().join("fehlt.csv");
    let output = run(&["import", &plan, "--measures", missing.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));

    let before = std::fs::read(&plan).unwrap();
    let same = folder.path().join(".").join("plan.json");
    let output = run(&["import", &plan, "--measures", &measures, "--output", same.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--output names the plan that is read"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(!out.exists());

    let output = run(&["import", &plan, "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nothing to import"));
}

#[test]
fn cli_refuses_a_resulting_plan_that_breaks_a_rule() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    // Removing every region but Köln leaves measure m… fine; removing Köln leaves m1 without its region.
    let regions = write(folder.path(), "r.csv", "ID;Name\n05762;Höxter\n".as_bytes());
    let out = folder.path().join("out.json");
    let output = run(&["import", &plan, "--regions", &regions, "--remove-missing", "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let errors = error_lines(&output);
    assert!(
        errors.iter().any(|l| l.starts_with("error: the imported plan: measures[0].region: no region with id \"koeln\"")),
        "{errors:?}"
    );
    assert!(!out.exists());
}

#[test]
fn remove_missing_drops_measures_and_their_scenario_references() {
    let plan = small_plan();
    let table = text_table(&[&["ID"], &["m1"]], NumberStyle::DecimalComma);
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions { remove_missing: true }).unwrap();
    assert_eq!(result.removed, ["m2"]);
    assert!(!result.is_blocked(), "{:?}", result.plan_issues);
    let after = result.apply(&plan);
    assert_eq!(after.measures.len(), 1);
    assert!(after.scenarios[0].measures_off.is_empty());
}

#[test]
fn preview_file_reads_the_named_sheet() {
    let folder = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("Deckblatt").unwrap().write_string(0, 0, "Maßnahmen 2025").unwrap();
    let sheet = workbook.add_worksheet().set_name("Daten").unwrap();
    // A title row above the header row is fine; row numbers stay the spreadsheet's.
    sheet.write_string(0, 0, "Stand: Mai").unwrap();
    for (c, h) in ["ID", "Plätze"].iter().enumerate() {
        sheet.write_string(2, c as u16 + 1, *h).unwrap();
    }
    sheet.write_string(3, 1, "m1").unwrap();
    sheet.write_string(3, 2, "x").unwrap();
    let path: PathBuf = folder.path().join("t.xlsx");
    std::fs::write(&path, workbook.save_to_buffer().unwrap()).unwrap();
    let result = preview_file(&small_plan(), &path, TableKind::Measures, Some("Daten"), &ImportOptions::default()).unwrap();
    assert_eq!(result.sheet.as_deref(), Some("Daten"));
    assert_eq!(result.problems[0].message_en(), "row 4, column \"Plätze\": \"x\" is not a number");
}

#[test]
fn ods_row_numbers_count_empty_rows_above_the_header() {
    let rows: Vec<Vec<String>> = [vec!["s:Maßnahmen aus Calc"], vec![""], vec!["s:ID", "s:Plätze"], vec!["s:m1", "s:zwölf"]]
        .iter()
        .map(|row| row.iter().map(|c| ods_cell(c)).collect())
        .collect();
    let bytes = ods_bytes("Tabelle1", &rows);
    let table = read_table_bytes("calc.ods", &bytes, "ods", None).unwrap();
    let result = preview(&small_plan(), &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.problems.len(), 1);
    assert_eq!(result.problems[0].message_de(), "Zeile 4, Spalte „Plätze“: „zwölf“ ist keine Zahl");
}

#[test]
fn a_name_shared_by_two_regions_needs_the_id() {
    let mut plan = small_plan();
    plan.regions[1].name = "Köln".to_owned();
    let table = text_table(&[&["ID", "Region"], &["m1", "köln"], &["m2", "05762"]], NumberStyle::DecimalComma);
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    let english: Vec<String> = result.problems.iter().map(|p| p.message_en()).collect();
    assert_eq!(english, ["row 2, column \"Region\": \"köln\" is the name of more than one region (expected the region's id)"]);
    assert_eq!(result.changed.len(), 1, "m2 becomes a measure in Höxter");
}

#[test]
fn cli_dry_run_prints_the_counts_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let measures = write(folder.path(), "m.csv", "ID;Plätze;Notizen;Farbe\nm1;75;neu;rot\nm2;40;;\n".as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--sheet", "Blatt1", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("m.csv: measures: 0 added, 1 changed, 1 unchanged"), "{}", stdout(&output));
    let warnings: Vec<String> = stderr(&output).lines().filter(|l| l.contains(&measures)).map(str::to_owned).collect();
    assert_eq!(
        warnings,
        [
            format!("warning: {measures}: a CSV file has no sheets; the sheet \"Blatt1\" is ignored"),
            format!("warning: {measures}: column \"Farbe\" is not known and is ignored"),
        ]
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 2);
}

#[test]
fn an_empty_table_names_the_expected_headers_and_a_header_alone_changes_nothing() {
    let plan = small_plan();
    let error =
        preview(&plan, &text_table(&[], NumberStyle::DecimalComma), TableKind::Regions, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        error.message_de(),
        "table.csv: Die Kopfzeile hat keine Spalte „ID“ (erwartet: die Spalten „ID“, „Name“, „Einwohner“, „Fläche (km²)“, „kita“, „housing“)"
    );
    let result =
        preview(&plan, &text_table(&[&["ID"]], NumberStyle::DecimalComma), TableKind::Regions, &ImportOptions::default())
            .unwrap();
    assert_eq!((result.added.len(), result.changed.len(), result.unchanged.len()), (0, 0, 0));
    assert_eq!(result.apply(&plan), plan);
}

#[test]
fn percent_and_currency_cells_are_numbers_and_date_cells_are_dates() {
    let formats = [
        "0%",
        "0.00%",
        "#,##0.00 \"€\"",
        "#,##0.00 [$€-407]",
        "_-* #,##0.00 \\€_-;\\-* #,##0.00 \\€_-;_-* \"-\"?? \\€_-;_-@_-",
        "#,##0",
        "General",
    ];
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, format) in formats.iter().enumerate() {
        sheet.write_number_with_format(r as u32, 0, 1234.5, &Format::new().set_num_format(*format)).unwrap();
    }
    let dates = ["dd.mm.yyyy", "mm/yyyy", "yyyy-mm", "mmm yy", "[$-407]mmmm yyyy;@"];
    for (r, format) in dates.iter().enumerate() {
        let date = ExcelDateTime::from_ymd(2025, 8, 1).unwrap();
        sheet.write_datetime_with_format(r as u32, 1, date, &Format::new().set_num_format(*format)).unwrap();
    }
    let table = read_table_bytes("f.xlsx", &workbook.save_to_buffer().unwrap(), "xlsx", None).unwrap();
    for (r, format) in formats.iter().enumerate() {
        assert_eq!(table.rows[r][0], Cell::Number(1234.5), "{format}");
    }
    for (r, format) in dates.iter().enumerate() {
        assert_eq!(table.rows[r][1], Cell::Date(2025, 8, 1), "{format}");
    }
}

#[test]
fn a_large_measure_table_round_trips_in_reasonable_time() {
    use integrationsplan::synthetic::{PlanSize, plan};
    let size = PlanSize { regions: 2_000, months: 12, scenarios: 1, domains: 4, measures: 20_000, statewide_share: 0.3 };
    let plan = plan(size, &[]);
    let started = std::time::Instant::now();
    let bytes = measures_xlsx_bytes(&plan).unwrap();
    let table = read_table_bytes("gross.xlsx", &bytes, "xlsx", None).unwrap();
    let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(result.unchanged.len(), plan.measures.len());
    assert_eq!(result.apply(&plan), plan);
    let seconds = started.elapsed().as_secs_f64();
    assert!(seconds < 60.0, "took {seconds} s");
    eprintln!("20 000 measures: export, read and preview in {seconds:.1} s");
}

#[test]
fn words_for_state_wide_measures() {
    let plan = small_plan();
    for word in ["", "landesweit", "Landesweit", "STATEWIDE", "Land gesamt", "NRW", "-"] {
        let table = text_table(&[&["ID", "Region"], &["m1", word]], NumberStyle::DecimalComma);
        let result = preview(&plan, &table, TableKind::Measures, &ImportOptions::default()).unwrap();
        assert_eq!(result.problems, vec![], "{word:?}");
        assert_eq!(measure(&result.apply(&plan), "m1").region, None, "{word:?}");
    }
}

mod properties {
    use integrationsplan::format::{english_number, german_number};
    use integrationsplan::import::{NumberStyle, month_from_text, number_from_text, read_table_bytes};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// What German Excel shows (`1.234.567,25`) reads back in either kind of table, and what
        /// English Excel shows (`1,234,567.25`) too.
        #[test]
        fn formatted_numbers_read_back(cents in -100_000_000_000i64..100_000_000_000, decimals in 0usize..3) {
            let value = cents as f64 / 100.0;
            let german = german_number(value, decimals);
            let english = english_number(value, decimals);
            let expected: f64 = format!("{value:.decimals$}").parse().unwrap();
            for style in [NumberStyle::DecimalComma, NumberStyle::DecimalPoint] {
                // A single separator followed by three digits is ambiguous; it reads as the
                // table's own style says, so only unambiguous forms must agree in both.
                let ambiguous = |text: &str| text.matches(['.', ',']).count() == 1 && decimals == 0;
                if !ambiguous(&german) {
                    prop_assert_eq!(number_from_text(&german, style), Some(expected), "{} {:?}", german, style);
                }
                if !ambiguous(&english) {
                    prop_assert_eq!(number_from_text(&english, style), Some(expected), "{} {:?}", english, style);
                }
            }
            prop_assert_eq!(number_from_text(&german, NumberStyle::DecimalComma), Some(expected));
            prop_assert_eq!(number_from_text(&english, NumberStyle::DecimalPoint), Some(expected));
        }

        /// Any text and any bytes: no panic, only an answer.
        #[test]
        fn nothing_panics(text in "\\PC{0,40}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = number_from_text(&text, NumberStyle::DecimalComma);
            let _ = number_from_text(&text, NumberStyle::DecimalPoint);
            let _ = month_from_text(&text);
            let _ = read_table_bytes("x.csv", &bytes, "csv", None);
            let _ = read_table_bytes("x.xlsx", &bytes, "xlsx", None);
            let _ = read_table_bytes("x.ods", &bytes, "ods", None);
            let _ = read_table_bytes("x", text.as_bytes(), "", None);
        }
    }
}

// ---------------------------------------------------------------- issue 21: misleading messages

#[test]
fn an_unclosed_quote_names_the_row_where_it_opened_and_blocks() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let table = "ID;Bereich;Plätze;Beginn;Notizen\nn1;kita;1;2025-01;ok\nn2;kita;1;2025-01;\"offen\nn3;kita;1;2025-01;x\nn4;kita;1;2025-01;y\n";
    let measures = write(folder.path(), "quote.csv", table.as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--dry-run"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert_eq!(
        error_lines(&output),
        [format!(
            "error: {measures}: row 3: a quote opens a cell here and is never closed (expected a closing \" before the end of the file)"
        )]
    );
    assert!(!stdout(&output).contains("added"));
    let error = read_table_bytes("q.csv", table.as_bytes(), "csv", None).unwrap_err();
    assert_eq!(error, TableError::UnclosedQuote { file: "q.csv".into(), row: 3 });
    assert!(error.message_de().contains("Zeile 3: Hier beginnt eine Zelle mit einem Anführungszeichen"));
}

#[test]
fn control_characters_from_a_table_are_escaped_on_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let table = "ID;Bereich;Plätze;Beginn;\u{1b}]0;pwned\u{7}\nn1;kita;zw\u{1b}[31m\u{0}lf;2025-01;x\n";
    let measures = write(folder.path(), "escape.csv", table.as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--dry-run"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr(&output);
    assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "{stderr:?}");
    assert!(stderr.contains(r#""zw\u{1b}[31m\u{0}lf" is not a number"#), "{stderr}");
}

#[test]
fn utf16_csv_without_byte_order_mark_is_read() {
    let text = "ID;Bereich;Plätze;Beginn\r\nn1;kita;7;2025-01\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let table = read_table_bytes("utf16.csv", &bytes, "csv", None).unwrap();
    assert_eq!(
        table.rows[1],
        [Cell::Text("n1".into()), Cell::Text("kita".into()), Cell::Text("7".into()), Cell::Text("2025-01".into())]
    );
}

#[test]
fn a_flat_ods_file_is_named_as_not_supported() {
    let fods = br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"></office:document>"#;
    for (name, extension) in [("t.fods", "fods"), ("t.xml", "xml"), ("t.csv", "csv")] {
        let error = read_table_bytes(name, fods, extension, None).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{name}: Flat OpenDocument spreadsheet (.fods) files cannot be imported (expected .xlsx, .ods or .csv: save the table in one of these formats)"
            )
        );
    }
}

#[test]
fn a_formula_without_a_stored_result_says_so() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["ID", "Bereich", "Plätze", "Beginn"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "n1").unwrap();
    sheet.write_string(1, 1, "kita").unwrap();
    sheet.write_formula(1, 2, "=2*3").unwrap();
    sheet.write_string(1, 3, "2025-01").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    // rust_xlsxwriter stores 0 as the result; a program that does not calculate stores none.
    let bytes = strip_formula_results(&bytes);
    let table = read_table_bytes("f.xlsx", &bytes, "xlsx", None).unwrap();
    assert_eq!(table.rows[1][2], Cell::Formula("=2*3".into()));
    let preview = preview(&small_plan(), &table, TableKind::Measures, &ImportOptions::default()).unwrap();
    assert_eq!(
        preview.problems[0].message_en(),
        "row 2, column \"Plätze\": the cell holds the formula \"=2*3\" but no computed value (expected a number: open the file in Excel or LibreOffice Calc and save it, so that the result is stored)"
    );
    assert!(preview.problems[0].message_de().contains("die Zelle enthält die Formel „=2*3“, aber kein berechnetes Ergebnis"));

    // The same in an .ods file: a table:formula without a value type.
    let cell = r#"<table:table-cell table:formula="of:=2*3"/>"#.to_owned();
    let rows = vec![
        ["s:ID", "s:Bereich", "s:Plätze", "s:Beginn"].iter().map(|s| ods_cell(s)).collect::<Vec<_>>(),
        vec![ods_cell("s:n1"), ods_cell("s:kita"), cell, ods_cell("s:2025-01")],
    ];
    let table = read_table_bytes("f.ods", &ods_bytes("Tabelle1", &rows), "ods", None).unwrap();
    assert_eq!(table.rows[1][2], Cell::Formula("=2*3".into()));
}

/// `bytes` (an .xlsx) with every `<v>…</v>` after a formula removed from the sheets.
fn strip_formula_results(bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().to_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).unwrap();
            let mut stripped = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("</f>") {
                stripped.push_str(&rest[..at + 4]);
                rest = &rest[at + 4..];
                if let (true, Some(end)) = (rest.starts_with("<v>"), rest.find("</v>")) {
                    rest = &rest[end + 4..];
                }
            }
            stripped.push_str(rest);
            data = stripped.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_blocked_import_does_not_count_what_it_would_have_added() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let table =
        "ID;Bereich;Plätze;Beginn\nn1;kita;1;2025-01\nn2;kita;2;2025-01\nn3;kita;3;2025-01\nn4;kita;4;2025-01\nSumme;;10;\n";
    let measures = write(folder.path(), "sum.csv", table.as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--dry-run"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stdout(&output).contains("added"), "{}", stdout(&output));
    assert!(stdout(&output).contains("nothing imported"), "{}", stdout(&output));
    assert!(stderr(&output).contains("row 6"), "{}", stderr(&output));
}

#[test]
fn many_unknown_columns_give_one_warning_with_a_count() {
    let folder = tempfile::tempdir().unwrap();
    let plan = write_plan(folder.path());
    let mut header = String::from("ID;Bereich;Plätze;Beginn");
    let mut row = String::from("n1;kita;1;2025-01");
    for c in 0..200 {
        header.push_str(&format!(";extra{c}"));
        row.push_str(";x");
    }
    let measures = write(folder.path(), "wide.csv", format!("{header}\n{row}\n").as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stderr_text = stderr(&output);
    let warnings: Vec<String> =
        stderr_text.lines().filter(|l| l.starts_with("warning:") && l.contains("wide.csv")).map(str::to_owned).collect();
    assert_eq!(
        warnings,
        [format!(
            "warning: {measures}: 200 columns are not known and are ignored: \"extra0\", \"extra1\", \"extra2\", \"extra3\", \"extra4\", …"
        )]
    );
    // 16 384 columns are more than a table may have: refused with the column, not 16 378 lines.
    let mut header = String::from("ID");
    for c in 1..16_384 {
        header.push_str(&format!(";c{c}"));
    }
    let measures = write(folder.path(), "widest.csv", format!("{header}\n").as_bytes());
    let output = run(&["import", &plan, "--measures", &measures, "--dry-run"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        error_lines(&output),
        [format!(
            "error: {measures}: row 1, column IW holds data, but a table has at most 256 columns (expected the data within columns A to IV)"
        )]
    );
}
