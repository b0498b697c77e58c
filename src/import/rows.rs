//! Walking the data rows of a table: finding the header row, reading each cell as its field
//! needs it and collecting the problems with row number and header as written.

use super::cell;
use super::columns::{Column, Header, has_id_header, read_header};
use super::error::TableError;
use super::problem::{ProblemKind, RowProblem};
use super::table::{Cell, NumberStyle, Table, number_text};
use crate::model::{Domain, Month};
use std::collections::HashMap;

/// How many non-blank rows at the top may come before the header row (a title, a note).
const HEADER_SEARCH_ROWS: usize = 10;

/// The header row found: its index in [`Table::rows`] and the columns it names.
pub struct Located {
    /// Index of the header row (0 = spreadsheet row 1).
    pub index: usize,
    /// The columns.
    pub header: Header,
}

/// Finds the header row: the first row with an `ID` header among the first non-blank rows.
pub fn locate_header(table: &Table, columns: &[Column], domains: Option<&[Domain]>) -> Result<Located, TableError> {
    let found = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.iter().all(Cell::is_blank))
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, row)| has_id_header(row));
    let Some((index, cells)) = found else {
        let mut expected: Vec<String> = columns.iter().map(|c| c.german_header().to_owned()).collect();
        if let Some(domains) = domains {
            expected.extend(domains.iter().map(|d| d.id.clone()));
        }
        return Err(TableError::MissingIdColumn { file: table.file.clone(), expected });
    };
    let header = read_header(cells, columns, domains);
    if let Some((first, second)) = header.duplicates.first() {
        return Err(TableError::DuplicateColumn { file: table.file.clone(), first: first.clone(), second: second.clone() });
    }
    Ok(Located { index, header })
}

/// The reading of one data row: its cells, and the problems found so far.
pub struct RowReader<'a> {
    /// Spreadsheet row number.
    pub row: usize,
    cells: &'a [Cell],
    header: &'a Header,
    style: NumberStyle,
    /// Problems of this row.
    pub problems: Vec<RowProblem>,
}

impl<'a> RowReader<'a> {
    /// A reader for the row `cells` at spreadsheet row `row`.
    pub fn new(row: usize, cells: &'a [Cell], header: &'a Header, style: NumberStyle) -> Self {
        RowReader { row, cells, header, style, problems: Vec::new() }
    }

    /// The cell of `column`, `None` when the table has no such column.
    pub fn cell(&self, column: &Column) -> Option<&'a Cell> {
        let found = self.header.get(column)?;
        Some(self.cells.get(found.index).unwrap_or(&Cell::Empty))
    }

    /// Records a problem in `column`.
    pub fn problem(&mut self, column: &Column, kind: ProblemKind) {
        let header = self.header.get(column).map(|f| f.header.clone());
        self.problems.push(RowProblem { row: self.row, column_header: header, column: Some(column.clone()), kind });
    }

    /// Records a problem of the whole row.
    pub fn row_problem(&mut self, kind: ProblemKind) {
        self.problems.push(RowProblem { row: self.row, column_header: None, column: None, kind });
    }

    /// A text field: `None` without the column, the text (empty for a blank cell) otherwise.
    pub fn text(&mut self, column: &Column) -> Option<String> {
        let cell = self.cell(column)?;
        match cell {
            Cell::Error(text) => {
                self.problem(column, ProblemKind::ErrorValue { text: text.clone() });
                None
            }
            Cell::Formula(formula) => {
                self.problem(column, ProblemKind::NoComputedValue { formula: formula.clone() });
                None
            }
            other => Some(other.text()),
        }
    }

    /// A number field: `None` without the column or after a problem; `Some(None)` for a blank
    /// cell. With `non_negative`, values below 0 are a problem; `max` bounds the magnitude.
    pub fn number(&mut self, column: &Column, non_negative: bool, max: f64) -> Option<Option<f64>> {
        let cell = self.cell(column)?;
        match cell::number(cell, self.style) {
            Ok(Some(value)) if non_negative && value < 0.0 => {
                self.problem(column, ProblemKind::Negative { text: cell.text() });
                None
            }
            Ok(Some(value)) if value.abs() > max => {
                self.problem(column, ProblemKind::TooLarge { text: cell.text(), max });
                None
            }
            Ok(value) => Some(value),
            Err(kind) => {
                self.problem(column, kind);
                None
            }
        }
    }

    /// A number field that must not be blank.
    pub fn required_number(&mut self, column: &Column, non_negative: bool, max: f64) -> Option<f64> {
        match self.number(column, non_negative, max)? {
            Some(value) => Some(value),
            None => {
                self.problem(column, ProblemKind::Empty);
                None
            }
        }
    }

    /// A whole number ≥ 0 up to `max`; `Some(None)` for a blank cell.
    pub fn whole_number(&mut self, column: &Column, max: u32) -> Option<Option<u32>> {
        let cell = self.cell(column)?;
        match cell::number(cell, self.style) {
            Ok(Some(value)) if value < 0.0 || value.fract() != 0.0 => {
                self.problem(column, ProblemKind::NotAWholeNumber { text: cell.text() });
                None
            }
            Ok(Some(value)) if value > f64::from(max) => {
                self.problem(column, ProblemKind::TooLarge { text: cell.text(), max: f64::from(max) });
                None
            }
            Ok(Some(value)) => Some(Some(value as u32)),
            Ok(None) => Some(None),
            Err(ProblemKind::NotANumber { text }) => {
                self.problem(column, ProblemKind::NotAWholeNumber { text });
                None
            }
            Err(kind) => {
                self.problem(column, kind);
                None
            }
        }
    }

    /// A month field: `None` without the column or after a problem; `Some(None)` when blank.
    pub fn month(&mut self, column: &Column) -> Option<Option<Month>> {
        let cell = self.cell(column)?;
        match cell::month(cell) {
            Ok(value) => Some(value),
            Err(kind) => {
                self.problem(column, kind);
                None
            }
        }
    }

    /// The row's id: trimmed text, numbers without decimals. Blank or too long is a problem.
    /// Returns the id and whether it came from a number cell (an AGS that lost its leading 0).
    pub fn id(&mut self) -> Option<(String, bool)> {
        let cell = self.cell(&Column::Id)?;
        let id = match cell {
            Cell::Number(value) => number_text(*value),
            Cell::Error(text) => {
                self.problem(&Column::Id, ProblemKind::ErrorValue { text: text.clone() });
                return None;
            }
            Cell::Formula(formula) => {
                self.problem(&Column::Id, ProblemKind::NoComputedValue { formula: formula.clone() });
                return None;
            }
            other => other.text().trim().to_owned(),
        };
        if id.is_empty() {
            self.problem(&Column::Id, ProblemKind::Empty);
            return None;
        }
        if id.chars().count() > crate::validate::MAX_ID_CHARS {
            self.problem(&Column::Id, ProblemKind::IdTooLong { text: id });
            return None;
        }
        Some((id, matches!(cell, Cell::Number(_))))
    }
}

/// The data rows after the header: (spreadsheet row number, cells), blank rows skipped.
pub fn data_rows(table: &Table, header_index: usize) -> impl Iterator<Item = (usize, &[Cell])> {
    table
        .rows
        .iter()
        .enumerate()
        .skip(header_index + 1)
        .filter(|(_, cells)| !cells.iter().all(Cell::is_blank))
        .map(|(index, cells)| (index + 1, cells.as_slice()))
}

/// Remembers the ids seen so far and reports one seen twice.
#[derive(Default)]
pub struct SeenIds {
    first_row: HashMap<String, usize>,
}

impl SeenIds {
    /// Notes `id` at `row`; the row that had it first when it is a duplicate.
    pub fn note(&mut self, id: &str, row: usize) -> Option<usize> {
        match self.first_row.get(id) {
            Some(first) => Some(*first),
            None => {
                self.first_row.insert(id.to_owned(), row);
                None
            }
        }
    }

    /// Whether `id` appeared in the table.
    pub fn contains(&self, id: &str) -> bool {
        self.first_row.contains_key(id)
    }
}

/// What a reference to a domain or region found.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// The id of the one entry meant.
    Found(String),
    /// Nothing of that id or name.
    Unknown,
    /// Several entries have that name.
    Ambiguous,
}

/// Finds domains or regions by id or name: exact id, then id or name ignoring case, then (for
/// numbers) an all-digit id that lost its leading zeros (`5315000` → AGS `05315000`).
pub struct Lookup {
    ids: HashMap<String, String>,
    lower_ids: HashMap<String, Vec<String>>,
    lower_names: HashMap<String, Vec<String>>,
    digits: HashMap<String, String>,
}

impl Lookup {
    /// A lookup over `(id, name)` pairs.
    pub fn new<'p>(entries: impl Iterator<Item = (&'p str, &'p str)>) -> Self {
        let mut lookup =
            Lookup { ids: HashMap::new(), lower_ids: HashMap::new(), lower_names: HashMap::new(), digits: HashMap::new() };
        for (id, name) in entries {
            lookup.ids.insert(id.to_owned(), id.to_owned());
            lookup.lower_ids.entry(id.to_lowercase()).or_default().push(id.to_owned());
            lookup.lower_names.entry(name.trim().to_lowercase()).or_default().push(id.to_owned());
            if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
                lookup.digits.insert(id.trim_start_matches('0').to_owned(), id.to_owned());
            }
        }
        lookup
    }

    /// The entry with exactly this id (or, for a number cell, the all-digit id it lost zeros of).
    pub fn by_id(&self, id: &str, from_number: bool) -> Option<&str> {
        self.ids
            .get(id)
            .or_else(|| if from_number { self.digits.get(id.trim_start_matches('0')) } else { None })
            .map(String::as_str)
    }

    /// The entry that `text` (an id or a name) refers to.
    pub fn resolve(&self, text: &str, from_number: bool) -> Resolved {
        let text = text.trim();
        if let Some(id) = self.by_id(text, from_number) {
            return Resolved::Found(id.to_owned());
        }
        let lower = text.to_lowercase();
        for map in [&self.lower_ids, &self.lower_names] {
            match map.get(&lower).map(Vec::as_slice) {
                Some([one]) => return Resolved::Found(one.clone()),
                Some([_, _, ..]) => return Resolved::Ambiguous,
                _ => {}
            }
        }
        Resolved::Unknown
    }
}
