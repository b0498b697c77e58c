//! Hostile input files (issue 21): crafted spreadsheets and boundary files, each generated here,
//! read by the real program under a memory cap of 1 GiB (`ulimit -v`). Every one must be read
//! or refused with a clear message (exit 2 for the command line) within seconds: never an abort
//! (exit 134 "memory allocation failed"), never gigabytes.
//!
//! - an .xlsx of 1.7 KB with cells only at A1 and XFD1048576 (and at XFD2000);
//! - an .ods of ~900 bytes repeating one cell over 1 048 574 rows × 16 384 columns;
//! - zip bombs: a sheet part that unpacks to 200 MiB, one whose header claims 1 000 bytes, a
//!   shared-strings part of 200 MiB, three parts of 90 MiB (together over the 256 MiB limit);
//! - `/dev/zero` as a table;
//! - boundary files: a big GeoJSON (about 40 MB, read in a child process under the cap),
//!   `/dev/zero`, a folder, deep nesting, UTF-16.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use zip::write::SimpleFileOptions;

/// The memory cap for every run, in KiB (1 GiB).
const MEMORY_CAP_KIB: u64 = 1024 * 1024;

/// Each run must end within this time (generous: debug builds on a busy 2-core machine).
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_integrationsplan")
}

/// Runs `program args…` under `ulimit -v`, returning its output and how long it took.
fn run_capped(program: &Path, args: &[&str], env: &[(&str, &str)]) -> (Output, Duration) {
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!("ulimit -v {MEMORY_CAP_KIB}; exec \"$0\" \"$@\"")).arg(program).args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let started = Instant::now();
    let output = command.output().unwrap();
    (output, started.elapsed())
}

fn plan_file(dir: &Path) -> PathBuf {
    let path = dir.join("plan.json");
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    std::fs::write(&path, integrationsplan::io::plan_to_string(&plan).unwrap()).unwrap();
    path
}

/// `integrationsplan import plan.json --measures TABLE` under the cap: must exit 2 with a message
/// that contains every one of `expected`.
fn import_refuses(table: &Path, expected: &[&str]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_file(dir.path());
    let (output, took) = run_capped(
        Path::new(binary()),
        &["import", plan.to_str().unwrap(), "--measures", table.to_str().unwrap(), "--dry-run"],
        &[],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{}: exit {:?}, stderr:\n{stderr}", table.display(), output.status);
    for text in expected {
        assert!(stderr.contains(text), "{}: expected {text:?} in:\n{stderr}", table.display());
    }
    assert!(!String::from_utf8_lossy(&output.stdout).contains("added"), "{}", table.display());
    assert!(took < TIME_LIMIT, "{}: took {took:?}", table.display());
    took
}

/// A minimal .xlsx whose only sheet is `sheet_xml`, with `extra` parts added as given.
fn xlsx(path: &Path, sheet_xml: &[u8], extra: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Massnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet_xml).unwrap();
    for (name, bytes) in extra {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn sheet_xml(cells: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
    )
    .into_bytes()
}

/// A zip part of `mib` MiB: `head`, then spaces, then `tail`, streamed (never held whole).
fn write_big_part(zip: &mut zip::ZipWriter<std::fs::File>, name: &str, head: &[u8], mib: usize, tail: &[u8]) {
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(mib >= 4096);
    zip.start_file(name, options).unwrap();
    zip.write_all(head).unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..mib {
        zip.write_all(&spaces).unwrap();
    }
    zip.write_all(tail).unwrap();
}

#[test]
fn an_xlsx_with_a_cell_at_xfd1048576_is_refused_without_allocating_the_block() {
    let dir = tempfile::tempdir().unwrap();
    let corner = dir.path().join("corner.xlsx");
    xlsx(
        &corner,
        &sheet_xml(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        ),
        &[],
    );
    assert!(std::fs::metadata(&corner).unwrap().len() < 2_000);
    let took = import_refuses(&corner, &["corner.xlsx: row 1048576 holds data", "at most 101000 rows"]);
    eprintln!("corner.xlsx (A1 + XFD1048576): refused in {took:?}");

    let wide = dir.path().join("wide.xlsx");
    xlsx(
        &wide,
        &sheet_xml(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2000"><c r="XFD2000"><v>1</v></c></row>"#,
        ),
        &[],
    );
    import_refuses(&wide, &["wide.xlsx: row 2000, column XFD holds data", "at most 256 columns"]);
}

#[test]
fn an_ods_repeating_one_cell_over_the_whole_sheet_is_refused_before_it_is_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeated.ods");
    let content = br#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Tabelle1"><table:table-row><table:table-cell office:value-type="string"><text:p>ID</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("content.xml", SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)).unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1_000, "{}", std::fs::metadata(&path).unwrap().len());
    let took = import_refuses(&path, &["repeated.ods: row 101001 holds data", "at most 101000 rows"]);
    eprintln!("repeated.ods: refused in {took:?}");
}

#[test]
fn zip_bombs_are_stopped_while_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    // A sheet part of 200 MiB of white space (the file is a few hundred KB).
    let bomb = dir.path().join("bomb.xlsx");
    xlsx(&bomb, &sheet_xml(""), &[]);
    let mut zip = zip::ZipWriter::new_append(std::fs::OpenOptions::new().read(true).write(true).open(&bomb).unwrap()).unwrap();
    write_big_part(&mut zip, "xl/worksheets/sheet2.xml", b"<worksheet><sheetData>", 200, b"</sheetData></worksheet>");
    zip.finish().unwrap();
    let took =
        import_refuses(&bomb, &["bomb.xlsx: the part \"xl/worksheets/sheet2.xml\" unpacks to more than 128 MiB", "zip bomb"]);
    eprintln!("bomb.xlsx (200 MiB part): refused in {took:?}");

    // The same, with headers that claim the part unpacks to 1 000 bytes.
    let liar = dir.path().join("liar.xlsx");
    let mut bytes = std::fs::read(&bomb).unwrap();
    let name = b"xl/worksheets/sheet2.xml";
    let mut patched = 0;
    for signature in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let (size_offset, name_offset) = if signature[2] == 3 { (22, 30) } else { (24, 46) };
        let mut at = 0;
        while let Some(found) = bytes.get(at..).and_then(|rest| rest.windows(4).position(|w| w == signature)) {
            let start = at + found;
            if bytes.get(start + name_offset..start + name_offset + name.len()) == Some(&name[..]) {
                bytes[start + size_offset..start + size_offset + 4].copy_from_slice(&1000u32.to_le_bytes());
                patched += 1;
            }
            at = start + 4;
        }
    }
    assert_eq!(patched, 2);
    std::fs::write(&liar, &bytes).unwrap();
    let took = import_refuses(&liar, &["liar.xlsx: "]);
    eprintln!("liar.xlsx (header claims 1000 bytes): refused in {took:?}");

    // A shared-strings part of 200 MiB.
    let strings = dir.path().join("strings.xlsx");
    xlsx(&strings, &sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), &[]);
    let mut zip = zip::ZipWriter::new_append(std::fs::OpenOptions::new().read(true).write(true).open(&strings).unwrap()).unwrap();
    write_big_part(&mut zip, "xl/sharedStrings.xml", b"<sst><si><t>ID</t></si><si><t>", 200, b"</t></si></sst>");
    zip.finish().unwrap();
    import_refuses(&strings, &["strings.xlsx: the part \"xl/sharedStrings.xml\" unpacks to more than 128 MiB"]);

    // Three parts of 90 MiB: each within the limit of a part, together over 256 MiB.
    let many = dir.path().join("many.xlsx");
    xlsx(&many, &sheet_xml(""), &[]);
    let mut zip = zip::ZipWriter::new_append(std::fs::OpenOptions::new().read(true).write(true).open(&many).unwrap()).unwrap();
    for n in 2..5 {
        write_big_part(&mut zip, &format!("xl/media/padding{n}.xml"), b"<x>", 90, b"</x>");
    }
    zip.finish().unwrap();
    import_refuses(&many, &["many.xlsx: the workbook unpacks to more than 256 MiB"]);
}

#[test]
fn dev_zero_as_a_table_is_refused_at_the_size_limit() {
    import_refuses(Path::new("/dev/zero"), &["/dev/zero: the file is larger than 64 MiB"]);
}

/// Reads the boundary file named by `HOSTILE_BOUNDARIES` and prints what came out; run by
/// [`boundaries_under_the_cap`] in a child process under the memory cap.
#[test]
#[ignore = "run by boundaries_under_the_cap in a child process"]
fn read_boundaries_child() {
    let Some(path) = std::env::var_os("HOSTILE_BOUNDARIES") else { return };
    match integrationsplan::geo::read_boundaries(Path::new(&path)) {
        Ok(prepared) => println!("READ {} boundaries", prepared.file.boundaries.len()),
        Err(error) => println!("REFUSED {error}"),
    }
}

/// Runs [`read_boundaries_child`] for `path` under the cap; returns its line and the time.
fn boundaries_under_the_cap(path: &Path) -> (String, Duration) {
    let test_binary = std::env::current_exe().unwrap();
    let (output, took) = run_capped(
        &test_binary,
        &["--ignored", "--exact", "read_boundaries_child", "--nocapture", "--test-threads=1"],
        &[("HOSTILE_BOUNDARIES", path.to_str().unwrap())],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}: {:?}\n{stdout}\n{}",
        path.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    // The harness prints `test read_boundaries_child ... ` before the child's own line.
    let line = stdout
        .lines()
        .find_map(|l| l.find("READ ").or_else(|| l.find("REFUSED ")).map(|i| l[i..].to_owned()))
        .unwrap_or_default();
    assert!(took < TIME_LIMIT, "{}: took {took:?}", path.display());
    (line, took)
}

#[test]
fn a_big_boundary_file_is_read_compactly_and_devices_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // About 40 MB: 1 000 districts of 1 500 points each (a JSON tree of it takes ~700 MB).
    let path = dir.path().join("big.geojson");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    write!(out, r#"{{"type":"FeatureCollection","features":["#).unwrap();
    for feature in 0..1_000 {
        let (lon, lat) = (6.0 + f64::from(feature % 50) * 0.05, 50.5 + f64::from(feature / 50) * 0.05);
        if feature > 0 {
            out.write_all(b",").unwrap();
        }
        write!(out, r#"{{"type":"Feature","properties":{{"GEN":"Kreis {feature}","AGS":"05{feature:03}"}},"geometry":{{"type":"Polygon","coordinates":[["#).unwrap();
        for point in 0..1_500 {
            let angle = f64::from(point) / 1_500.0 * std::f64::consts::TAU;
            if point > 0 {
                out.write_all(b",").unwrap();
            }
            write!(out, "[{:.9},{:.9}]", lon + 0.02 * angle.cos(), lat + 0.02 * angle.sin()).unwrap();
        }
        out.write_all(b"]]}}").unwrap();
    }
    out.write_all(b"]}").unwrap();
    out.flush().unwrap();
    drop(out);
    let size = std::fs::metadata(&path).unwrap().len();
    let (line, took) = boundaries_under_the_cap(&path);
    assert_eq!(line, "READ 1000 boundaries");
    eprintln!("big.geojson ({} MB): read in {took:?} under a 1 GiB cap", size / 1_000_000);

    let (line, _) = boundaries_under_the_cap(Path::new("/dev/zero"));
    assert_eq!(line, "REFUSED cannot read the file: is not a regular file");
    let (line, _) = boundaries_under_the_cap(dir.path());
    assert_eq!(line, "REFUSED cannot read the file: is a folder");

    let deep = dir.path().join("deep.geojson");
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":{nested}}}}}]}}"#
    );
    std::fs::write(&deep, text).unwrap();
    let (line, _) = boundaries_under_the_cap(&deep);
    assert!(line.starts_with("REFUSED JSON nested too deeply"), "{line}");

    let utf16 = dir.path().join("utf16.geojson");
    let text = r#"{"type":"FeatureCollection","features":[]}"#;
    std::fs::write(&utf16, text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()).unwrap();
    let (line, _) = boundaries_under_the_cap(&utf16);
    assert_eq!(line, "REFUSED the file is UTF-16 text (expected UTF-8, as GeoJSON is written)");
}

/// An old .xls workbook (read into dense grids by calamine before any cell can be checked) is
/// refused with the way out, whatever it claims to hold.
#[test]
fn an_xls_workbook_is_refused_with_the_way_out() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("massnahmen.xls");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(2048, 0);
    std::fs::write(&path, bytes).unwrap();
    let error = integrationsplan::import::read_table(&path, None).expect_err("an .xls is refused");
    let english = error.to_string();
    assert!(english.contains("Excel 97–2003 (.xls) files cannot be imported") && english.contains(".xlsx"), "{english}");
}
