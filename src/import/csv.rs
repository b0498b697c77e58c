//! CSV tables as Excel and LibreOffice write them.
//!
//! - Encoding: UTF-8 with or without byte-order mark; UTF-16 with byte-order mark ("Unicode
//!   text") or without one (recognised by its zero bytes); anything that is not valid UTF-8 is read as Windows-1252 (what German Excel writes
//!   as "CSV (Trennzeichen-getrennt)").
//! - Separator: `;`, `,` or tab, whichever occurs most often in the first line outside quotes
//!   (`;` on a tie); Excel's first line `sep=;` names it explicitly and is not a row.
//! - Numbers written as text: decimal comma in `;`- and tab-separated files, decimal point in
//!   `,`-separated files (see [`super::cell::number_from_text`]).
//! - Quotes as in RFC 4180; a quoted cell may span lines. Every line, also an empty one, is one
//!   row, so row numbers are those Excel shows. A quote that is never closed is an error naming
//!   the row where it opened (it would swallow every row after it).
//! - Limits as for workbooks ([`super::sheet`]): data beyond the last row or column a table may
//!   have is refused; blank rows and empty cells beyond them are dropped.

use super::error::TableError;
use super::sheet::{MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Overflow};
use super::table::{Cell, NumberStyle};

/// Why a CSV file gives no rows.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvError {
    /// Beyond a limit of a table.
    Overflow(Overflow),
    /// A quoted cell that opens in this (1-based) row never ends.
    UnclosedQuote(usize),
}

impl CsvError {
    /// The error for the file `file`.
    pub fn into_error(self, file: &str) -> TableError {
        match self {
            CsvError::Overflow(overflow) => overflow.into_error(file),
            CsvError::UnclosedQuote(row) => TableError::UnclosedQuote { file: file.to_owned(), row },
        }
    }
}

/// The rows of the CSV file `bytes`, and how its numbers are written.
pub fn read_csv(bytes: &[u8]) -> Result<(Vec<Vec<Cell>>, NumberStyle), CsvError> {
    let text = decode(bytes);
    let (separator, body) = separator_of(&text);
    let style = if separator == ',' { NumberStyle::DecimalPoint } else { NumberStyle::DecimalComma };
    Ok((parse(body, separator)?, style))
}

/// The text of `bytes`: UTF-8 (BOM stripped), UTF-16 with or without BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes.get(bom_length..).unwrap_or_default());
        return text.into_owned();
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// UTF-16 without byte-order mark, little or big endian: text that is mostly ASCII has a zero
/// byte in every other place (at least 3 in 10 pairs), and almost never in the other.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..bytes.len().min(4096) & !1).unwrap_or_default();
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 3 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 3 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The separator and the text after an Excel `sep=X` line (or the whole text).
fn separator_of(text: &str) -> (char, &str) {
    let first_line = text.lines().next().unwrap_or("");
    if let Some(declared) = first_line.strip_prefix("sep=") {
        let mut chars = declared.trim_end_matches('\r').chars();
        if let (Some(separator), None) = (chars.next(), chars.next()) {
            let body = text.get(first_line.len()..).unwrap_or("");
            let body = body.strip_prefix("\r\n").or_else(|| body.strip_prefix('\n')).unwrap_or(body);
            return (separator, body);
        }
    }
    let (mut semicolons, mut commas, mut tabs, mut quoted) = (0, 0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    let separator = if tabs > semicolons && tabs > commas {
        '\t'
    } else if commas > semicolons {
        ','
    } else {
        ';'
    };
    (separator, text)
}

/// Rows of cells as they are split, within the limits of a table.
#[derive(Default)]
struct Rows {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    /// 0-based number of the current row and column.
    row_index: usize,
    column: usize,
    cells: usize,
}

impl Rows {
    /// Ends the current cell.
    fn cell(&mut self, text: String) -> Result<(), CsvError> {
        let column = self.column;
        self.column += 1;
        if text.is_empty() && (column >= MAX_TABLE_COLUMNS || self.row_index >= MAX_TABLE_ROWS) {
            return Ok(());
        }
        if self.row_index >= MAX_TABLE_ROWS {
            return Err(CsvError::Overflow(Overflow::Rows(self.row_index as u64 + 1)));
        }
        if column >= MAX_TABLE_COLUMNS {
            return Err(CsvError::Overflow(Overflow::Columns(self.row_index as u64 + 1, column as u64 + 1)));
        }
        self.cells += 1;
        if self.cells > MAX_TABLE_CELLS {
            return Err(CsvError::Overflow(Overflow::Cells));
        }
        self.row.push(if text.is_empty() { Cell::Empty } else { Cell::Text(text) });
        Ok(())
    }

    /// Ends the current row (a blank row beyond the last one a table may have is dropped).
    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        if self.row_index < MAX_TABLE_ROWS {
            self.rows.push(row);
        }
        self.row_index += 1;
        self.column = 0;
    }
}

/// Splits `text` into rows of cells (RFC 4180 quoting; `\n`, `\r\n` or `\r` end a row).
fn parse(text: &str, separator: char) -> Result<Vec<Vec<Cell>>, CsvError> {
    let mut rows = Rows::default();
    let mut cell = String::new();
    let mut quoted = false;
    let mut quote_row = 0;
    let mut chars = text.chars().peekable();
    let mut row_started = false;
    while let Some(c) = chars.next() {
        row_started = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                quote_row = rows.row_index + 1;
            }
            c if c == separator => rows.cell(std::mem::take(&mut cell))?,
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                rows.cell(std::mem::take(&mut cell))?;
                rows.end_row();
                row_started = false;
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote(quote_row));
    }
    if row_started {
        rows.cell(cell)?;
        rows.end_row();
    }
    Ok(rows.rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(bytes: &[u8]) -> (Vec<Vec<Cell>>, NumberStyle) {
        read_csv(bytes).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect()
    }

    #[test]
    fn semicolon_files_are_german_and_keep_empty_lines_as_rows() {
        let (rows, style) = csv("ID;Plätze\r\n\r\na;\"1.234,5\"\r\n".as_bytes());
        assert_eq!(style, NumberStyle::DecimalComma);
        assert_eq!(texts(&rows), vec![vec!["ID", "Plätze"], vec![""], vec!["a", "1.234,5"]]);
    }

    #[test]
    fn comma_files_use_a_decimal_point_and_quotes_may_span_lines() {
        let (rows, style) = csv(b"id,notes\nm1,\"two\nlines, \"\"quoted\"\"\"\n");
        assert_eq!(style, NumberStyle::DecimalPoint);
        assert_eq!(texts(&rows), vec![vec!["id", "notes"], vec!["m1", "two\nlines, \"quoted\""]]);
    }

    #[test]
    fn encodings_are_recognised() {
        assert_eq!(decode(b"\xEF\xBB\xBFPl\xC3\xA4tze"), "Plätze");
        assert_eq!(decode(b"Pl\xE4tze \x80"), "Plätze €");
        assert_eq!(decode(&[0xFF, 0xFE, b'I', 0, b'D', 0]), "ID");
    }

    #[test]
    fn utf16_without_byte_order_mark_is_recognised() {
        let text = "ID;Name\r\nm1;Kita Kalk\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), text);
        assert_eq!(decode(&be), text);
        assert_eq!(decode(b"ID;Name\r\n"), "ID;Name\r\n");
    }

    #[test]
    fn an_unclosed_quote_names_the_row_where_it_opens() {
        let bytes = b"ID;Notes\nm1;ok\nm2;\"open\nm3;x\nm4;y\n";
        assert_eq!(read_csv(bytes), Err(CsvError::UnclosedQuote(3)));
        let (rows, _) = csv(b"ID;Notes\nm1;\"two\nlines\"\nm2;x\n");
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn data_beyond_the_limits_is_refused_and_blank_space_dropped() {
        let mut wide = "x;".repeat(MAX_TABLE_COLUMNS).into_bytes();
        wide.extend_from_slice(b"y\n");
        assert_eq!(read_csv(&wide), Err(CsvError::Overflow(Overflow::Columns(1, MAX_TABLE_COLUMNS as u64 + 1))));
        let mut blank = b"ID\nm1".to_vec();
        blank.extend(";".repeat(100_000).bytes());
        blank.extend("\n".repeat(MAX_TABLE_ROWS * 2).bytes());
        let (rows, _) = csv(&blank);
        assert_eq!(rows.len(), MAX_TABLE_ROWS);
        assert_eq!(rows[1].len(), MAX_TABLE_COLUMNS);
        let mut long = "\n".repeat(MAX_TABLE_ROWS).into_bytes();
        long.extend_from_slice(b"late\n");
        assert_eq!(read_csv(&long), Err(CsvError::Overflow(Overflow::Rows(MAX_TABLE_ROWS as u64 + 1))));
    }

    #[test]
    fn excel_sep_line_names_the_separator() {
        let (rows, style) = csv(b"sep=,\nid,places\nm,1.5\n");
        assert_eq!(style, NumberStyle::DecimalPoint);
        assert_eq!(texts(&rows), vec![vec!["id", "places"], vec!["m", "1.5"]]);
        let (rows, _) = csv(b"id\tplaces\nm\t1,5\n");
        assert_eq!(texts(&rows), vec![vec!["id", "places"], vec!["m", "1,5"]]);
    }
}
