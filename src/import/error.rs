//! Why a table cannot be imported at all (as opposed to a bad row, see [`super::RowProblem`]).

/// A table that cannot be read or whose header row does not fit; nothing is imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TableError {
    /// The file cannot be opened or is not a workbook or CSV file calamine understands.
    #[error("{file}: cannot read the table: {reason}")]
    Unreadable {
        /// The table file.
        file: String,
        /// What went wrong.
        reason: String,
    },
    /// The file is larger than the import accepts.
    #[error("{file}: the file is larger than {} (expected a smaller table)", size_en(*limit_bytes))]
    TooLarge {
        /// The table file.
        file: String,
        /// The limit in bytes.
        limit_bytes: u64,
    },
    /// Data in a row past the last one a table may have.
    #[error(
        "{file}: row {row} holds data, but a table has at most {limit} rows (a plan holds at most 100000 measures or 20000 regions; expected the table to end before)"
    )]
    TooManyRows {
        /// The table file.
        file: String,
        /// The first row beyond the limit that holds data (1-based).
        row: u64,
        /// The most rows a table may have.
        limit: usize,
    },
    /// Data in a column past the last one a table may have.
    #[error(
        "{file}: row {row}, column {column} holds data, but a table has at most {limit} columns (expected the data within columns A to IV)"
    )]
    TooManyColumns {
        /// The table file.
        file: String,
        /// The row of the cell (1-based).
        row: u64,
        /// The column of the cell as the spreadsheet names it (`XFD`).
        column: String,
        /// The most columns a table may have.
        limit: usize,
    },
    /// More cells than a table may have.
    #[error("{file}: the sheet has more than {limit} cells (expected a smaller table)")]
    TooManyCells {
        /// The table file.
        file: String,
        /// The most cells.
        limit: usize,
    },
    /// More text than a table may hold.
    #[error("{file}: the sheet holds more than {} of text (expected a smaller table)", size_en(*limit_bytes))]
    TooMuchText {
        /// The table file.
        file: String,
        /// The most bytes of text.
        limit_bytes: u64,
    },
    /// A part of the zip archive (or all parts together) unpacks to more than the limit.
    #[error("{file}: {} unpacks to more than {} (expected a smaller workbook; the file may be a zip bomb)", part_en(part), size_en(*limit_bytes))]
    UnpackedTooLarge {
        /// The table file.
        file: String,
        /// The part, as named in the archive; empty for all parts together.
        part: String,
        /// The limit in bytes.
        limit_bytes: u64,
    },
    /// A CSV file ends inside a quoted cell.
    #[error(
        "{file}: row {row}: a quote opens a cell here and is never closed (expected a closing \" before the end of the file)"
    )]
    UnclosedQuote {
        /// The table file.
        file: String,
        /// The row where the quoted cell begins.
        row: usize,
    },
    /// A spreadsheet format the import does not read.
    #[error("{file}: {format} files cannot be imported (expected .xlsx, .ods or .csv: save the table in one of these formats)")]
    UnsupportedFormat {
        /// The table file.
        file: String,
        /// The format's name.
        format: String,
    },
    /// The workbook has no sheet of that name.
    #[error("{file}: no sheet named \"{sheet}\" (the file has {})", quoted_en(sheets))]
    UnknownSheet {
        /// The table file.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// No row of the table has an `ID` header.
    #[error("{file}: no column \"ID\" (or \"id\") in the header row (expected the headers {})", quoted_en(expected))]
    MissingIdColumn {
        /// The table file.
        file: String,
        /// The headers the table may have, German, in export order.
        expected: Vec<String>,
    },
    /// Two columns name the same field.
    #[error("{file}: the columns \"{first}\" and \"{second}\" name the same field (expected each field once)")]
    DuplicateColumn {
        /// The table file.
        file: String,
        /// The first header as written.
        first: String,
        /// The second header as written.
        second: String,
    },
}

impl TableError {
    /// The error in German, for the import dialog.
    pub fn message_de(&self) -> String {
        match self {
            TableError::Unreadable { file, reason } => format!("{file}: Die Tabelle kann nicht gelesen werden: {reason}"),
            TableError::TooLarge { file, limit_bytes } => {
                format!("{file}: Die Datei ist größer als {} (erwartet: eine kleinere Tabelle)", size_de(*limit_bytes))
            }
            TableError::TooManyRows { file, row, limit } => format!(
                "{file}: Zeile {row} enthält Daten, aber eine Tabelle hat höchstens {limit} Zeilen (ein Plan hat höchstens 100000 Maßnahmen oder 20000 Regionen; erwartet: Tabelle endet vorher)"
            ),
            TableError::TooManyColumns { file, row, column, limit } => format!(
                "{file}: Zeile {row}, Spalte {column} enthält Daten, aber eine Tabelle hat höchstens {limit} Spalten (erwartet: Daten in den Spalten A bis IV)"
            ),
            TableError::TooManyCells { file, limit } => {
                format!("{file}: Das Tabellenblatt hat mehr als {limit} Zellen (erwartet: eine kleinere Tabelle)")
            }
            TableError::TooMuchText { file, limit_bytes } => {
                format!(
                    "{file}: Das Tabellenblatt enthält mehr als {} Text (erwartet: eine kleinere Tabelle)",
                    size_de(*limit_bytes)
                )
            }
            TableError::UnpackedTooLarge { file, part, limit_bytes } => format!(
                "{file}: {} wird entpackt größer als {} (erwartet: eine kleinere Arbeitsmappe; die Datei kann eine Zip-Bombe sein)",
                if part.is_empty() { "Die Arbeitsmappe".to_owned() } else { format!("Der Teil „{part}“") },
                size_de(*limit_bytes)
            ),
            TableError::UnclosedQuote { file, row } => format!(
                "{file}: Zeile {row}: Hier beginnt eine Zelle mit einem Anführungszeichen, das nie geschlossen wird (erwartet: ein schließendes \" vor dem Dateiende)"
            ),
            TableError::UnsupportedFormat { file, format } => format!(
                "{file}: Dateien im Format {format} können nicht importiert werden (erwartet: .xlsx, .ods oder .csv – bitte in einem dieser Formate speichern)"
            ),
            TableError::UnknownSheet { file, sheet, sheets } => {
                format!("{file}: Kein Tabellenblatt „{sheet}“ (die Datei hat {})", quoted_de(sheets))
            }
            TableError::MissingIdColumn { file, expected } => {
                format!("{file}: Die Kopfzeile hat keine Spalte „ID“ (erwartet: die Spalten {})", quoted_de(expected))
            }
            TableError::DuplicateColumn { file, first, second } => {
                format!("{file}: Die Spalten „{first}“ und „{second}“ meinen dasselbe Feld (erwartet: jedes Feld einmal)")
            }
        }
    }
}

/// `"a", "b", "c"`.
fn quoted_en(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    items.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ")
}

/// `„a“, „b“, „c“`.
fn quoted_de(items: &[String]) -> String {
    if items.is_empty() {
        return "keine".to_owned();
    }
    items.iter().map(|i| format!("„{i}“")).collect::<Vec<_>>().join(", ")
}

/// `64 MiB (67108864 bytes)`.
pub fn size_en(bytes: u64) -> String {
    format!("{} MiB ({bytes} bytes)", bytes / (1024 * 1024))
}

/// `64 MiB (67108864 Bytes)`.
pub fn size_de(bytes: u64) -> String {
    format!("{} MiB ({bytes} Bytes)", bytes / (1024 * 1024))
}

/// `the part "xl/sharedStrings.xml"` or `the workbook` (all parts together).
fn part_en(part: &str) -> String {
    if part.is_empty() { "the workbook".to_owned() } else { format!("the part \"{part}\"") }
}
