//! CSV tables as Excel and LibreOffice write them.
//!
//! - Encoding: UTF-8 with or without byte-order mark; UTF-16 with byte-order mark ("Unicode
//!   text"); anything that is not valid UTF-8 is read as Windows-1252 (what German Excel writes
//!   as "CSV (Trennzeichen-getrennt)").
//! - Separator: `;`, `,` or tab, whichever occurs most often in the first line outside quotes
//!   (`;` on a tie); Excel's first line `sep=;` names it explicitly and is not a row.
//! - Numbers written as text: decimal comma in `;`- and tab-separated files, decimal point in
//!   `,`-separated files (see [`super::cell::number_from_text`]).
//! - Quotes as in RFC 4180; a quoted cell may span lines. Every line, also an empty one, is one
//!   row, so row numbers are those Excel shows.

use super::table::{Cell, NumberStyle};

/// The rows of the CSV file `bytes`, and how its numbers are written.
pub fn read_csv(bytes: &[u8]) -> (Vec<Vec<Cell>>, NumberStyle) {
    let text = decode(bytes);
    let (separator, body) = separator_of(&text);
    let style = if separator == ',' { NumberStyle::DecimalPoint } else { NumberStyle::DecimalComma };
    let rows = parse(body, separator)
        .into_iter()
        .map(|row| row.into_iter().map(|cell| if cell.is_empty() { Cell::Empty } else { Cell::Text(cell) }).collect())
        .collect();
    (rows, style)
}

/// The text of `bytes`: UTF-8 (BOM stripped), UTF-16 with BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes.get(bom_length..).unwrap_or_default());
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
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

/// Splits `text` into rows of cells (RFC 4180 quoting; `\n`, `\r\n` or `\r` end a row).
fn parse(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
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
            '"' if cell.is_empty() => quoted = true,
            c if c == separator => row.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                row_started = false;
            }
            c => cell.push(c),
        }
    }
    if row_started {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect()
    }

    #[test]
    fn semicolon_files_are_german_and_keep_empty_lines_as_rows() {
        let (rows, style) = read_csv("ID;Plätze\r\n\r\na;\"1.234,5\"\r\n".as_bytes());
        assert_eq!(style, NumberStyle::DecimalComma);
        assert_eq!(texts(&rows), vec![vec!["ID", "Plätze"], vec![""], vec!["a", "1.234,5"]]);
    }

    #[test]
    fn comma_files_use_a_decimal_point_and_quotes_may_span_lines() {
        let (rows, style) = read_csv(b"id,notes\nm1,\"two\nlines, \"\"quoted\"\"\"\n");
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
    fn excel_sep_line_names_the_separator() {
        let (rows, style) = read_csv(b"sep=,\nid,places\nm,1.5\n");
        assert_eq!(style, NumberStyle::DecimalPoint);
        assert_eq!(texts(&rows), vec![vec!["id", "places"], vec!["m", "1.5"]]);
        let (rows, _) = read_csv(b"id\tplaces\nm\t1,5\n");
        assert_eq!(texts(&rows), vec![vec!["id", "places"], vec!["m", "1,5"]]);
    }
}
