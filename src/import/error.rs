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
    #[error("{file}: the file is larger than {limit_bytes} bytes (expected a smaller table)")]
    TooLarge {
        /// The table file.
        file: String,
        /// The limit in bytes.
        limit_bytes: u64,
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
                format!("{file}: Die Datei ist größer als {limit_bytes} Bytes.")
            }
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
