//! OpenDocument spreadsheets (`.ods`, as LibreOffice Calc writes them), read as a stream.
//!
//! `content.xml` is read event by event; only the wanted sheet's cells are kept, as sparse
//! cells. LibreOffice writes blank space as repeated cells and rows
//! (`table:number-columns-repeated="16384"`, `table:number-rows-repeated="1048576"`): blank
//! repeats only move the position, and a repeated cell that holds something is checked against
//! the limits of [`super::sheet`] before it is repeated, so a file of a few hundred bytes cannot
//! ask for a billion cells.

use super::error::TableError;
use super::sheet::{MAX_TABLE_TEXT_BYTES, Overflow, SheetBuilder, check_area};
use super::table::{Cell, iso_date};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufRead, BufReader, Cursor};

/// One sheet of an .ods file: its name, every sheet's name, the rows.
#[derive(Debug)]
pub struct OdsSheet {
    /// The sheet read.
    pub name: String,
    /// All sheets of the file, in order.
    pub sheets: Vec<String>,
    /// Its rows; `rows[i]` is spreadsheet row `i + 1`.
    pub rows: Vec<Vec<Cell>>,
}

/// Reads sheet `wanted` (the first when `None`; a name is matched exactly, else ignoring case) of
/// the .ods file `bytes`.
pub fn read_ods(file: &str, bytes: &[u8], wanted: Option<&str>) -> Result<OdsSheet, TableError> {
    let (sheets, found) = scan(file, bytes, wanted)?;
    if let Some((name, rows)) = found {
        return Ok(OdsSheet { name, sheets, rows });
    }
    let unknown = || TableError::UnknownSheet {
        file: file.to_owned(),
        sheet: wanted.unwrap_or_default().to_owned(),
        sheets: sheets.clone(),
    };
    let Some(wanted) = wanted else {
        return Err(TableError::Unreadable { file: file.to_owned(), reason: "the workbook has no sheet".to_owned() });
    };
    let Some(other_case) = sheets.iter().find(|n| n.to_lowercase() == wanted.to_lowercase()) else { return Err(unknown()) };
    let (sheets, found) = scan(file, bytes, Some(other_case))?;
    let (name, rows) = found.ok_or_else(unknown)?;
    Ok(OdsSheet { name, sheets, rows })
}

type Xml<'a> = Reader<BufReader<zip::read::ZipFile<'a, Cursor<&'a [u8]>>>>;

/// A sheet found: its name and rows.
type Found = Option<(String, Vec<Vec<Cell>>)>;

/// Every sheet's name, and the rows of the sheet named `wanted` (the first when `None`).
fn scan(file: &str, bytes: &[u8], wanted: Option<&str>) -> Result<(Vec<String>, Found), TableError> {
    let unreadable = |reason: String| TableError::Unreadable { file: file.to_owned(), reason };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(format!("not an .ods workbook ({e})")))?;
    let part =
        archive.by_name("content.xml").map_err(|_| unreadable("not an .ods workbook (it has no content.xml)".to_owned()))?;
    let mut xml: Xml<'_> = Reader::from_reader(BufReader::new(part));
    let (mut buf, mut skip) = (Vec::new(), Vec::new());
    let mut sheets = Vec::new();
    let mut found = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(|e| xml_error(file, &e))? {
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                let name = attribute(file, &xml, &e, b"table:name")?.unwrap_or_default();
                let end = e.name().as_ref().to_vec();
                let is_wanted = found.is_none() && wanted.is_none_or(|w| w == name);
                sheets.push(name.clone());
                if is_wanted {
                    found = Some((name, read_sheet(file, &mut xml)?.finish()));
                } else {
                    skip.clear();
                    xml.read_to_end_into(quick_xml::name::QName(&end), &mut skip).map_err(|e| xml_error(file, &e))?;
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                let name = attribute(file, &xml, &e, b"table:name")?.unwrap_or_default();
                if found.is_none() && wanted.is_none_or(|w| w == name) {
                    found = Some((name.clone(), Vec::new()));
                }
                sheets.push(name);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((sheets, found))
}

/// The cells of the sheet whose start tag was just read, up to its end tag.
fn read_sheet<R: BufRead>(file: &str, xml: &mut Reader<R>) -> Result<SheetBuilder, TableError> {
    let mut sheet = SheetBuilder::new();
    let mut row: u64 = 0;
    let mut buf = Vec::new();
    let overflow = |o: Overflow| o.into_error(file);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(|e| xml_error(file, &e))? {
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                let repeat = repeat(file, xml, &e, b"table:number-rows-repeated")?;
                for (column, columns, cell) in read_row(file, xml, row, repeat)? {
                    sheet.put_repeated(row, column, repeat, columns, &cell).map_err(overflow)?;
                }
                row = row.saturating_add(repeat);
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                row = row.saturating_add(repeat(file, xml, &e, b"table:number-rows-repeated")?);
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => return Ok(sheet),
            Event::Eof => return Err(unexpected_end(file)),
            _ => {}
        }
    }
}

/// The cells of a row (repeated `rows` times from the 0-based `row`) that hold something: the
/// 0-based column, how often the cell repeats to the right, the cell.
fn read_row<R: BufRead>(file: &str, xml: &mut Reader<R>, row: u64, rows: u64) -> Result<Vec<(u64, u64, Cell)>, TableError> {
    let mut cells = Vec::new();
    let mut column: u64 = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (start, closed) = match xml.read_event_into(&mut buf).map_err(|e| xml_error(file, &e))? {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if e.name().as_ref() == b"table:table-row" => return Ok(cells),
            Event::Eof => return Err(unexpected_end(file)),
            _ => continue,
        };
        let name = start.name().as_ref().to_vec();
        if name != b"table:table-cell" && name != b"table:covered-table-cell" {
            if !closed {
                let mut skip = Vec::new();
                xml.read_to_end_into(quick_xml::name::QName(&name), &mut skip).map_err(|e| xml_error(file, &e))?;
            }
            continue;
        }
        let columns = repeat(file, xml, &start, b"table:number-columns-repeated")?;
        let attributes = CellAttributes::of(file, xml, &start)?;
        let text = if closed { String::new() } else { read_cell_text(file, xml)? };
        let cell = attributes.cell(text);
        if cell != Cell::Empty {
            check_area(row, column, rows, columns).map_err(|o| o.into_error(file))?;
            cells.push((column, columns, cell));
        }
        column = column.saturating_add(columns);
    }
}

/// The value attributes of a cell.
#[derive(Debug, Default)]
struct CellAttributes {
    value_type: Option<String>,
    calc_value_type: Option<String>,
    value: Option<String>,
    date: Option<String>,
    time: Option<String>,
    boolean: Option<String>,
    string: Option<String>,
    formula: Option<String>,
}

impl CellAttributes {
    fn of<R>(file: &str, xml: &Reader<R>, start: &BytesStart<'_>) -> Result<Self, TableError> {
        let mut attributes = CellAttributes::default();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| xml_error(file, &e.into()))?;
            let slot = match attribute.key.as_ref() {
                b"office:value-type" => &mut attributes.value_type,
                b"calcext:value-type" => &mut attributes.calc_value_type,
                b"office:value" => &mut attributes.value,
                b"office:date-value" => &mut attributes.date,
                b"office:time-value" => &mut attributes.time,
                b"office:boolean-value" => &mut attributes.boolean,
                b"office:string-value" => &mut attributes.string,
                b"table:formula" => &mut attributes.formula,
                _ => continue,
            };
            *slot = Some(attribute.decode_and_unescape_value(xml.decoder()).map_err(|e| xml_error(file, &e))?.into_owned());
        }
        Ok(attributes)
    }

    /// The cell these attributes and the cell's text (`text`) make.
    fn cell(self, text: String) -> Cell {
        let text_cell = |text: String| if text.is_empty() { Cell::Empty } else { Cell::Text(text) };
        if self.calc_value_type.as_deref() == Some("error") {
            return Cell::Error(self.string.filter(|s| !s.is_empty()).unwrap_or(text));
        }
        match self.value_type.as_deref() {
            Some("float" | "percentage" | "currency") => match self.value.as_deref().map(|v| v.trim().parse::<f64>()) {
                Some(Ok(number)) => Cell::Number(number),
                _ => text_cell(text),
            },
            Some("date") => {
                let date = self.date.unwrap_or_default();
                iso_date(&date).map_or_else(|| text_cell(date), |(y, m, d)| Cell::Date(y, m, d))
            }
            Some("time") => text_cell(self.time.unwrap_or(text)),
            Some("boolean") => Cell::Bool(matches!(self.boolean.as_deref(), Some("true" | "TRUE" | "1"))),
            Some(_) => text_cell(self.string.unwrap_or(text)),
            None => match self.formula {
                Some(formula) => Cell::Formula(formula.strip_prefix("of:").unwrap_or(&formula).to_owned()),
                None => text_cell(text),
            },
        }
    }
}

/// The text of a cell whose start tag was just read: its paragraphs joined by line breaks,
/// `text:s` as spaces, `text:tab` as a tab, comments (`office:annotation`) left out.
fn read_cell_text<R: BufRead>(file: &str, xml: &mut Reader<R>) -> Result<String, TableError> {
    let mut text = String::new();
    let mut buf = Vec::new();
    let (mut depth, mut paragraphs) = (0usize, 0usize);
    let mut annotation: Option<usize> = None;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| xml_error(file, &e))?;
        let in_text = annotation.is_none() && depth > 0;
        match event {
            Event::Start(e) => {
                depth += 1;
                match e.name().as_ref() {
                    _ if annotation.is_some() => {}
                    b"office:annotation" => annotation = Some(depth),
                    b"text:p" | b"text:h" => {
                        if paragraphs > 0 {
                            text.push('\n');
                        }
                        paragraphs += 1;
                    }
                    b"text:s" => spaces(file, xml, &e, &mut text)?,
                    _ => {}
                }
            }
            Event::Empty(e) if annotation.is_none() => match e.name().as_ref() {
                b"text:s" => spaces(file, xml, &e, &mut text)?,
                b"text:tab" => text.push('\t'),
                b"text:line-break" => text.push('\n'),
                b"text:p" | b"text:h" => {
                    if paragraphs > 0 {
                        text.push('\n');
                    }
                    paragraphs += 1;
                }
                _ => {}
            },
            Event::End(_) if depth == 0 => return Ok(text),
            Event::End(_) => {
                if annotation == Some(depth) {
                    annotation = None;
                }
                depth -= 1;
            }
            Event::Text(t) if in_text => text.push_str(&t.xml10_content().map_err(|e| xml_error(file, &e.into()))?),
            Event::CData(t) if in_text => text.push_str(&t.decode().map_err(|e| xml_error(file, &e.into()))?),
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref().map_err(|e| xml_error(file, &e))? {
                Some(c) => text.push(c),
                None => text.push_str(match &*r {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                }),
            },
            Event::Eof => return Err(unexpected_end(file)),
            _ => {}
        }
        if text.len() > MAX_TABLE_TEXT_BYTES {
            return Err(Overflow::Text.into_error(file));
        }
    }
}

/// `text:s` (`text:c` spaces, default 1), within the text limit.
fn spaces<R>(file: &str, xml: &Reader<R>, start: &BytesStart<'_>, text: &mut String) -> Result<(), TableError> {
    let count = repeat(file, xml, start, b"text:c")?;
    if (text.len() as u64).saturating_add(count) > MAX_TABLE_TEXT_BYTES as u64 {
        return Err(Overflow::Text.into_error(file));
    }
    text.extend(std::iter::repeat_n(' ', count as usize));
    Ok(())
}

/// A count attribute (`table:number-rows-repeated` and the like): 1 when absent.
fn repeat<R>(file: &str, xml: &Reader<R>, start: &BytesStart<'_>, key: &[u8]) -> Result<u64, TableError> {
    let Some(text) = attribute(file, xml, start, key)? else { return Ok(1) };
    text.trim().parse::<u64>().map(|n| n.max(1)).map_err(|_| TableError::Unreadable {
        file: file.to_owned(),
        reason: format!("content.xml: {}=\"{text}\" is not a count (expected a whole number ≥ 1)", String::from_utf8_lossy(key)),
    })
}

/// The attribute `key` of `start`, unescaped.
fn attribute<R>(file: &str, xml: &Reader<R>, start: &BytesStart<'_>, key: &[u8]) -> Result<Option<String>, TableError> {
    let attribute = start.try_get_attribute(key).map_err(|e| xml_error(file, &e.into()))?;
    attribute
        .map(|a| a.decode_and_unescape_value(xml.decoder()).map(|v| v.into_owned()))
        .transpose()
        .map_err(|e| xml_error(file, &e))
}

fn xml_error(file: &str, error: &quick_xml::Error) -> TableError {
    TableError::Unreadable { file: file.to_owned(), reason: format!("content.xml is not valid XML ({error})") }
}

fn unexpected_end(file: &str) -> TableError {
    TableError::Unreadable { file: file.to_owned(), reason: "content.xml ends inside a sheet".to_owned() }
}
