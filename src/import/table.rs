//! A table file read into rows of cells: `.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods` (calamine) or
//! `.csv` (see [`super::csv`]). Row `i` of [`Table::rows`] is spreadsheet row `i + 1`, so that
//! messages name the row number a planner sees in Excel or LibreOffice.

use super::error::TableError;
use calamine::Data;
use std::io::Read;
use std::path::Path;

/// Largest table file accepted, in bytes (64 MiB, as for plan files).
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions the import reads (for a file dialog's filter).
pub const TABLE_EXTENSIONS: [&str; 7] = ["xlsx", "xlsm", "xlsb", "ods", "csv", "tsv", "txt"];

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in the cell (or an empty string).
    Empty,
    /// Text, as written (CSV cells are always text).
    Text(String),
    /// A number cell (also percent- or currency-formatted cells).
    Number(f64),
    /// A date cell: year, month (1–12), day.
    Date(i32, u32, u32),
    /// A truth value.
    Bool(bool),
    /// An error value of the spreadsheet, e.g. `#DIV/0!`.
    Error(String),
    /// A formula saved without its computed value (written by a program that does not
    /// calculate): the formula as written, e.g. `=SUM(C2:C5)`.
    Formula(String),
}

impl Cell {
    /// The cell as text, as a planner would read it in a message: numbers without a needless
    /// `.0`, dates as `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value) => number_text(*value),
            Cell::Date(year, month, day) => format!("{year:04}-{month:02}-{day:02}"),
            Cell::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Error(text) | Cell::Formula(text) => text.clone(),
        }
    }

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A number as text: integers without decimals (`12`, `5315000`), others as Rust prints them.
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

/// How numbers written as text are read (number cells need no guessing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// German: `1.234,5`; a single comma is the decimal separator. Workbooks and `;`- or
    /// tab-separated CSV files.
    DecimalComma,
    /// English: `1,234.5`; a single dot is the decimal separator. `,`-separated CSV files.
    DecimalPoint,
}

/// The cells of one sheet of a table file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file's name as given (for messages).
    pub file: String,
    /// The sheet that was read (`None` for CSV).
    pub sheet: Option<String>,
    /// The rows; `rows[i]` is spreadsheet row `i + 1`. Rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
    /// How numbers written as text are read.
    pub number_style: NumberStyle,
    /// `--sheet` was given for a CSV file, which has no sheets: the name that was ignored.
    pub sheet_ignored: Option<String>,
    /// Every sheet of the workbook, in its order (empty for CSV), so that a window can offer
    /// the others.
    pub sheets: Vec<String>,
}

impl Table {
    /// A table from rows of cells (for tests and the GUI's paste).
    pub fn from_rows(file: impl Into<String>, rows: Vec<Vec<Cell>>, number_style: NumberStyle) -> Table {
        Table { file: file.into(), sheet: None, rows, number_style, sheet_ignored: None, sheets: Vec::new() }
    }
}

/// Reads the table file at `path`: sheet `sheet` of a workbook (the first sheet when `None`),
/// or the CSV file.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, TableError> {
    let file = path.display().to_string();
    let opened = std::fs::File::open(path).map_err(|e| TableError::Unreadable { file: file.clone(), reason: e.to_string() })?;
    if opened.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(TableError::Unreadable { file, reason: "is a folder".to_owned() });
    }
    let mut bytes = Vec::new();
    opened
        .take(MAX_TABLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| TableError::Unreadable { file: file.clone(), reason: e.to_string() })?;
    if bytes.len() as u64 > MAX_TABLE_BYTES {
        return Err(TableError::TooLarge { file, limit_bytes: MAX_TABLE_BYTES });
    }
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    read_table_bytes(&file, &bytes, extension, sheet)
}

/// Reads a table from the bytes of a file named `file` with the extension `extension`
/// (`csv`, `tsv` and `txt` are CSV; `xlsx`, `xlsm`, `ods`, `xls`, `xlsb` are workbooks; any
/// other file is a workbook when it looks like one, else CSV). Whatever the bytes, the table
/// stays within the limits of [`super::sheet`] or is refused: a sheet is read as sparse cells,
/// a zip archive is unpacked only within [`super::unpack`]'s limits.
pub fn read_table_bytes(file: &str, bytes: &[u8], extension: &str, sheet: Option<&str>) -> Result<Table, TableError> {
    let extension = extension.to_ascii_lowercase();
    if let Some(format) = unsupported_format(bytes, &extension) {
        return Err(TableError::UnsupportedFormat { file: file.to_owned(), format: format.to_owned() });
    }
    let is_workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let workbook_extension = matches!(extension.as_str(), "xlsx" | "xlsm" | "ods" | "xls" | "xlsb");
    if matches!(extension.as_str(), "csv" | "tsv" | "txt") || (!is_workbook && !workbook_extension) {
        let (rows, number_style) = super::csv::read_csv(bytes).map_err(|e| e.into_error(file))?;
        return Ok(Table {
            file: file.to_owned(),
            sheet: None,
            rows,
            number_style,
            sheet_ignored: sheet.map(str::to_owned),
            sheets: Vec::new(),
        });
    }
    read_workbook(file, bytes, &extension, sheet)
}

/// The name of a spreadsheet format the import does not read, when `bytes` (named with
/// `extension`) is one.
fn unsupported_format(bytes: &[u8], extension: &str) -> Option<&'static str> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    let head = String::from_utf8_lossy(head);
    let flat_odf = head.contains("<office:document") || head.contains("application/vnd.oasis.opendocument.spreadsheet");
    match extension {
        "fods" => Some("Flat OpenDocument spreadsheet (.fods)"),
        "numbers" => Some("Apple Numbers (.numbers)"),
        _ if flat_odf && head.trim_start_matches('\u{feff}').trim_start().starts_with('<') => {
            Some("Flat OpenDocument spreadsheet (.fods)")
        }
        _ => None,
    }
}

/// The workbook formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// The format of a workbook: by its extension, else by its contents.
fn format_of(bytes: &[u8], extension: &str) -> Format {
    match extension {
        "xlsx" | "xlsm" => Format::Xlsx,
        "xlsb" => Format::Xlsb,
        "xls" => Format::Xls,
        "ods" => Format::Ods,
        _ if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => Format::Xls,
        _ => match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
            Ok(archive) if archive.index_for_name("content.xml").is_some() => Format::Ods,
            Ok(archive) if archive.index_for_name("xl/workbook.bin").is_some() => Format::Xlsb,
            _ => Format::Xlsx,
        },
    }
}

/// Reads a workbook: by its extension when known (so that errors say what is wrong), else by
/// what its contents look like.
fn read_workbook(file: &str, bytes: &[u8], extension: &str, sheet: Option<&str>) -> Result<Table, TableError> {
    let format = format_of(bytes, extension);
    if format != Format::Xls {
        super::unpack::check_unpacked_size(file, bytes)?;
    }
    let (name, sheets, rows) = match format {
        Format::Ods => {
            let read = super::ods::read_ods(file, bytes, sheet)?;
            (read.name, read.sheets, read.rows)
        }
        Format::Xlsx => super::workbook::read_xlsx(file, bytes, extension, sheet)?,
        Format::Xlsb => super::workbook::read_xlsb(file, bytes, sheet)?,
        // calamine reads an .xls workbook into dense grids before a cell can be checked, so a
        // crafted file of a few KB could claim 65 536 × 65 536 cells: refused, with the way out.
        Format::Xls => {
            return Err(TableError::UnsupportedFormat { file: file.to_owned(), format: "Excel 97–2003 (.xls)".to_owned() });
        }
    };
    Ok(Table {
        file: file.to_owned(),
        sheet: Some(name),
        rows,
        number_style: NumberStyle::DecimalComma,
        sheet_ignored: None,
        sheets,
    })
}

/// A calamine cell as a [`Cell`].
pub(super) fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(value) => Cell::Number(*value as f64),
        Data::Float(value) => Cell::Number(*value),
        Data::Bool(value) => Cell::Bool(*value),
        Data::DateTime(value) if value.is_datetime() => {
            let (year, month, day, ..) = value.to_ymd_hms_milli();
            Cell::Date(i32::from(year), u32::from(month), u32::from(day))
        }
        Data::DateTime(value) => Cell::Number(value.as_f64()),
        Data::DateTimeIso(text) => iso_date(text).map_or_else(|| Cell::Text(text.clone()), |(y, m, d)| Cell::Date(y, m, d)),
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

/// `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`), as year, month, day.
pub fn iso_date(text: &str) -> Option<(i32, u32, u32)> {
    let date = text.trim().get(0..10)?;
    let rest = text.trim().get(10..)?;
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 || !date.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let (year, month, day) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    super::cell::is_calendar_day(year, month, day).then_some((year, month, day))
}
