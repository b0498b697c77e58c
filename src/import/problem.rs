//! What is wrong with a row of a table, typed, with an English and a German message:
//! `row 12, column "Plätze": "zwölf" is not a number` and
//! `Zeile 12, Spalte „Plätze“: „zwölf“ ist keine Zahl`.

use super::columns::Column;
use crate::model::Month;

/// Why a cell (or a row) cannot be imported; each carries the offending text as written.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The cell is empty but the field needs a value (id, domain, places, start).
    Empty,
    /// The text is not a number in German or English writing.
    NotANumber {
        /// The cell as written.
        text: String,
    },
    /// A number below 0 where the field needs one ≥ 0.
    Negative {
        /// The cell as written.
        text: String,
    },
    /// Not a whole number ≥ 0 (months of ramp-up).
    NotAWholeNumber {
        /// The cell as written.
        text: String,
    },
    /// Larger than the format allows (SPEC §9).
    TooLarge {
        /// The cell as written.
        text: String,
        /// The largest value allowed.
        max: f64,
    },
    /// Not a month in any accepted form.
    NotAMonth {
        /// The cell as written.
        text: String,
    },
    /// Neither the id nor the name of a domain of the plan.
    UnknownDomain {
        /// The cell as written.
        text: String,
        /// The plan's domain ids, for the message.
        known: Vec<String>,
    },
    /// Neither the id nor the name of a region of the plan, nor a word for state-wide.
    UnknownRegion {
        /// The cell as written.
        text: String,
    },
    /// The name of more than one domain or region: the id is needed.
    AmbiguousName {
        /// The cell as written.
        text: String,
    },
    /// Not a funding word.
    UnknownFunding {
        /// The cell as written.
        text: String,
    },
    /// The id is longer than the format allows.
    IdTooLong {
        /// The id as written.
        text: String,
    },
    /// The id was already used by an earlier row of the table.
    DuplicateId {
        /// The id.
        text: String,
        /// The spreadsheet row that has it first.
        first_row: usize,
    },
    /// The end month lies before the start month.
    EndBeforeStart {
        /// The end month.
        end: Month,
        /// The start month.
        start: Month,
    },
    /// An error value of the spreadsheet such as `#DIV/0!`.
    ErrorValue {
        /// The error as the spreadsheet shows it.
        text: String,
    },
    /// A formula saved without its computed value (the program that wrote the file does not
    /// calculate).
    NoComputedValue {
        /// The formula as written, e.g. `=SUM(C2:C5)`.
        formula: String,
    },
    /// The row adds a new measure or region, but the table has no column for a field that a new
    /// one needs.
    MissingColumn {
        /// The id of the new measure or region.
        id: String,
        /// The column that is missing.
        column: Column,
        /// Whether the row is a region (else a measure).
        region: bool,
    },
}

/// One bad row: the spreadsheet row number (header = row 1), the column and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Spreadsheet row number, as Excel or LibreOffice show it.
    pub row: usize,
    /// The column's header as written in the file; `None` for a problem of the whole row.
    pub column_header: Option<String>,
    /// What the column holds; `None` for a problem of the whole row.
    pub column: Option<Column>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl RowProblem {
    /// The problem in English: `row 12, column "Plätze": "zwölf" is not a number`.
    pub fn message_en(&self) -> String {
        let place = match &self.column_header {
            Some(header) => format!("row {}, column \"{header}\"", self.row),
            None => format!("row {}", self.row),
        };
        format!("{place}: {}", self.reason_en())
    }

    /// The problem in German: `Zeile 12, Spalte „Plätze“: „zwölf“ ist keine Zahl`.
    pub fn message_de(&self) -> String {
        let place = match &self.column_header {
            Some(header) => format!("Zeile {}, Spalte „{header}“", self.row),
            None => format!("Zeile {}", self.row),
        };
        format!("{place}: {}", self.reason_de())
    }

    /// What is wrong, in English, without the row and column.
    pub fn reason_en(&self) -> String {
        let expected = self.column.as_ref().map_or("a value", expected_en);
        match &self.kind {
            ProblemKind::Empty => format!("the cell is empty (expected {expected})"),
            ProblemKind::NotANumber { text } => format!("\"{text}\" is not a number"),
            ProblemKind::Negative { text } => format!("\"{text}\" is negative (expected a number ≥ 0)"),
            ProblemKind::NotAWholeNumber { text } => format!("\"{text}\" is not a whole number ≥ 0"),
            ProblemKind::TooLarge { text, max } => format!("\"{text}\" is too large (expected at most {})", limit_text(*max)),
            ProblemKind::NotAMonth { text } => {
                format!("\"{text}\" is not a month (expected YYYY-MM, MM/YYYY or DD.MM.YYYY)")
            }
            ProblemKind::UnknownDomain { text, known } => {
                format!("\"{text}\" is not a domain of the plan (expected the id or name of one of: {})", known.join(", "))
            }
            ProblemKind::UnknownRegion { text } => format!(
                "\"{text}\" is not a region of the plan (expected a region's id or name, or empty or \"landesweit\" for state-wide)"
            ),
            ProblemKind::AmbiguousName { text } => {
                let noun = if self.column == Some(Column::Domain) { "domain" } else { "region" };
                format!("\"{text}\" is the name of more than one {noun} (expected the {noun}'s id)")
            }
            ProblemKind::UnknownFunding { text } => {
                format!("\"{text}\" is not a funding state (expected gesichert, geplant or offen)")
            }
            ProblemKind::IdTooLong { text } => {
                format!("the id is {} characters long (expected at most {})", text.chars().count(), crate::validate::MAX_ID_CHARS)
            }
            ProblemKind::DuplicateId { text, first_row } => {
                format!("\"{text}\" is already the id of row {first_row} (expected a unique id)")
            }
            ProblemKind::EndBeforeStart { end, start } => {
                format!("\"{end}\" is before the start \"{start}\" (expected end ≥ start)")
            }
            ProblemKind::ErrorValue { text } => format!("\"{text}\" is an error value of the spreadsheet (expected {expected})"),
            ProblemKind::NoComputedValue { formula } => format!(
                "the cell holds the formula \"{formula}\" but no computed value (expected {expected}: open the file in Excel or LibreOffice Calc and save it, so that the result is stored)"
            ),
            ProblemKind::MissingColumn { id, column, region } => format!(
                "\"{id}\" is a new {}, but the table has no column \"{}\" (or \"{}\") for it",
                if *region { "region" } else { "measure" },
                column.german_header(),
                column.english_header()
            ),
        }
    }

    /// What is wrong, in German, without the row and column.
    pub fn reason_de(&self) -> String {
        let expected = self.column.as_ref().map_or("ein Wert", expected_de);
        match &self.kind {
            ProblemKind::Empty => format!("die Zelle ist leer (erwartet: {expected})"),
            ProblemKind::NotANumber { text } => format!("„{text}“ ist keine Zahl"),
            ProblemKind::Negative { text } => format!("„{text}“ ist negativ (erwartet: eine Zahl ≥ 0)"),
            ProblemKind::NotAWholeNumber { text } => format!("„{text}“ ist keine ganze Zahl ≥ 0"),
            ProblemKind::TooLarge { text, max } => format!("„{text}“ ist zu groß (erlaubt: höchstens {})", limit_text(*max)),
            ProblemKind::NotAMonth { text } => {
                format!("„{text}“ ist kein Monat (erwartet: JJJJ-MM, MM/JJJJ oder TT.MM.JJJJ)")
            }
            ProblemKind::UnknownDomain { text, known } => {
                format!("„{text}“ ist kein Bereich des Plans (erwartet: ID oder Name von {})", known.join(", "))
            }
            ProblemKind::UnknownRegion { text } => {
                format!("„{text}“ ist keine Region des Plans (erwartet: ID oder Name einer Region, leer oder „landesweit“)")
            }
            ProblemKind::AmbiguousName { text } => {
                let noun = if self.column == Some(Column::Domain) { "Bereiche" } else { "Regionen" };
                format!("„{text}“ ist der Name mehrerer {noun} (erwartet: die ID)")
            }
            ProblemKind::UnknownFunding { text } => {
                format!("„{text}“ ist keine Finanzierung (erwartet: gesichert, geplant oder offen)")
            }
            ProblemKind::IdTooLong { text } => {
                format!("die ID ist {} Zeichen lang (erlaubt: höchstens {})", text.chars().count(), crate::validate::MAX_ID_CHARS)
            }
            ProblemKind::DuplicateId { text, first_row } => {
                format!("„{text}“ ist schon die ID von Zeile {first_row} (erwartet: eine eindeutige ID)")
            }
            ProblemKind::EndBeforeStart { end, start } => {
                format!("„{end}“ liegt vor dem Beginn „{start}“ (erwartet: Ende ≥ Beginn)")
            }
            ProblemKind::ErrorValue { text } => format!("„{text}“ ist ein Fehlerwert der Tabelle (erwartet: {expected})"),
            ProblemKind::NoComputedValue { formula } => format!(
                "die Zelle enthält die Formel „{formula}“, aber kein berechnetes Ergebnis (erwartet: {expected}; die Datei in Excel oder LibreOffice Calc öffnen und speichern, damit das Ergebnis gespeichert wird)"
            ),
            ProblemKind::MissingColumn { id, column, region } => format!(
                "„{id}“ ist {}, aber die Tabelle hat keine Spalte „{}“ dafür",
                if *region { "eine neue Region" } else { "eine neue Maßnahme" },
                column.german_header()
            ),
        }
    }
}

/// A limit as text: `1200`, `1e12`.
fn limit_text(max: f64) -> String {
    if max >= 1e6 { format!("{max:e}") } else { super::table::number_text(max) }
}

/// What a column's cells should hold, in English.
fn expected_en(column: &Column) -> &'static str {
    match column {
        Column::Id => "an id",
        Column::Name | Column::Notes => "a text",
        Column::Domain => "a domain's id or name",
        Column::Region => "a region's id or name, or empty for state-wide",
        Column::Places | Column::Capacity(_) => "a number",
        Column::Start | Column::End => "a month",
        Column::RampMonths => "a whole number ≥ 0",
        Column::CostOnceEur | Column::CostPerYearEur | Column::Population | Column::AreaKm2 => "a number ≥ 0",
        Column::Funding => "gesichert, geplant or offen",
    }
}

/// What a column's cells should hold, in German.
fn expected_de(column: &Column) -> &'static str {
    match column {
        Column::Id => "eine ID",
        Column::Name | Column::Notes => "ein Text",
        Column::Domain => "ID oder Name eines Bereichs",
        Column::Region => "ID oder Name einer Region, leer für landesweit",
        Column::Places | Column::Capacity(_) => "eine Zahl",
        Column::Start | Column::End => "ein Monat",
        Column::RampMonths => "eine ganze Zahl ≥ 0",
        Column::CostOnceEur | Column::CostPerYearEur | Column::Population | Column::AreaKm2 => "eine Zahl ≥ 0",
        Column::Funding => "gesichert, geplant oder offen",
    }
}

/// Up to this many unknown columns are warned about one by one; more give one warning.
pub const MAX_SINGLE_WARNINGS: usize = 5;

/// Something the planner should know that does not block the import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportWarning {
    /// A header that names no field; the column is ignored.
    UnknownColumn {
        /// The header as written.
        header: String,
    },
    /// More than [`MAX_SINGLE_WARNINGS`] headers name no field: one warning for all.
    UnknownColumns {
        /// The first headers, as written.
        shown: Vec<String>,
        /// How many columns are unknown.
        count: usize,
    },
    /// A sheet was named for a CSV file, which has none.
    SheetIgnored {
        /// The sheet name given.
        sheet: String,
    },
}

impl ImportWarning {
    /// The warning in English.
    pub fn message_en(&self) -> String {
        match self {
            ImportWarning::UnknownColumn { header } => format!("column \"{header}\" is not known and is ignored"),
            ImportWarning::UnknownColumns { shown, count } => {
                let names: Vec<String> = shown.iter().map(|h| format!("\"{h}\"")).collect();
                format!("{count} columns are not known and are ignored: {}, …", names.join(", "))
            }
            ImportWarning::SheetIgnored { sheet } => format!("a CSV file has no sheets; the sheet \"{sheet}\" is ignored"),
        }
    }

    /// The warning in German.
    pub fn message_de(&self) -> String {
        match self {
            ImportWarning::UnknownColumn { header } => format!("Spalte „{header}“ ist unbekannt und wird nicht übernommen"),
            ImportWarning::UnknownColumns { shown, count } => {
                let names: Vec<String> = shown.iter().map(|h| format!("„{h}“")).collect();
                format!("{count} Spalten sind unbekannt und werden nicht übernommen: {}, …", names.join(", "))
            }
            ImportWarning::SheetIgnored { sheet } => {
                format!("eine CSV-Datei hat keine Tabellenblätter; das Blatt „{sheet}“ wird nicht beachtet")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_like_the_issue() {
        let problem = RowProblem {
            row: 12,
            column_header: Some("Plätze".to_owned()),
            column: Some(Column::Places),
            kind: ProblemKind::NotANumber { text: "zwölf".to_owned() },
        };
        assert_eq!(problem.message_de(), "Zeile 12, Spalte „Plätze“: „zwölf“ ist keine Zahl");
        assert_eq!(problem.message_en(), "row 12, column \"Plätze\": \"zwölf\" is not a number");
        let too_long = RowProblem {
            row: 3,
            column_header: Some("ramp_months".to_owned()),
            column: Some(Column::RampMonths),
            kind: ProblemKind::TooLarge { text: "5000".to_owned(), max: 1200.0 },
        };
        assert_eq!(too_long.message_en(), "row 3, column \"ramp_months\": \"5000\" is too large (expected at most 1200)");
        let too_large = RowProblem { kind: ProblemKind::TooLarge { text: "2e15".to_owned(), max: 1e12 }, ..too_long };
        assert_eq!(too_large.message_de(), "Zeile 3, Spalte „ramp_months“: „2e15“ ist zu groß (erlaubt: höchstens 1e12)");
    }
}
