//! The limits of a table and the sparse collection of its cells.
//!
//! Every reader (xlsx, xlsb, xls, ods, csv) hands its cells one by one to a [`SheetBuilder`],
//! which refuses data beyond what a measures or regions table can hold before anything is
//! allocated for it: a file of a few bytes that names the cell XFD1048576, or repeats a cell over
//! a million rows, is refused with the row and column, never expanded.

use super::error::TableError;
use super::table::Cell;

/// Rows a table may have: the most measures a plan holds (SPEC §2), with room for a header,
/// title lines and blank rows. Regions (at most 20 000) fit as well.
pub const MAX_TABLE_ROWS: usize = crate::validate::MAX_MEASURES + 1_000;

/// Columns a table may have (A to IV): the fields of a measure or region (a region has a
/// capacity column per domain, at most 32) and many more of the planner's own.
pub const MAX_TABLE_COLUMNS: usize = 256;

/// Cells a table may have, counting the empty ones left of a filled cell in the same row.
pub const MAX_TABLE_CELLS: usize = 4_000_000;

/// Bytes of text a table may hold in all its cells together (repeated cells count each time).
pub const MAX_TABLE_TEXT_BYTES: usize = 128 * 1024 * 1024;

/// What went over a limit (turned into a [`TableError`] with the file's name).
#[derive(Debug, Clone, PartialEq)]
pub enum Overflow {
    /// Data in a row past [`MAX_TABLE_ROWS`] (the 1-based row number).
    Rows(u64),
    /// Data in a column past [`MAX_TABLE_COLUMNS`] (1-based row and column numbers).
    Columns(u64, u64),
    /// More than [`MAX_TABLE_CELLS`] cells.
    Cells,
    /// More than [`MAX_TABLE_TEXT_BYTES`] of text.
    Text,
}

impl Overflow {
    /// The error for the file `file`.
    pub fn into_error(self, file: &str) -> TableError {
        let file = file.to_owned();
        match self {
            Overflow::Rows(row) => TableError::TooManyRows { file, row, limit: MAX_TABLE_ROWS },
            Overflow::Columns(row, column) => {
                TableError::TooManyColumns { file, row, column: column_name(column), limit: MAX_TABLE_COLUMNS }
            }
            Overflow::Cells => TableError::TooManyCells { file, limit: MAX_TABLE_CELLS },
            Overflow::Text => TableError::TooMuchText { file, limit_bytes: MAX_TABLE_TEXT_BYTES as u64 },
        }
    }
}

/// The spreadsheet name of the 1-based column `column`: 1 is `A`, 27 is `AA`, 16 384 is `XFD`.
pub fn column_name(column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The rows of a sheet, filled cell by cell within the limits.
#[derive(Debug, Default)]
pub struct SheetBuilder {
    rows: Vec<Vec<Cell>>,
    cells: usize,
    text_bytes: usize,
}

impl SheetBuilder {
    /// An empty sheet.
    pub fn new() -> Self {
        SheetBuilder::default()
    }

    /// Puts `cell` at the 0-based `row` and `column`; an empty cell is not stored (and is never
    /// beyond a limit).
    pub fn put(&mut self, row: u64, column: u64, cell: Cell) -> Result<(), Overflow> {
        if cell == Cell::Empty {
            return Ok(());
        }
        check_place(row, column)?;
        let text = text_bytes(&cell);
        if self.text_bytes.saturating_add(text) > MAX_TABLE_TEXT_BYTES {
            return Err(Overflow::Text);
        }
        let (row, column) = (row as usize, column as usize);
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let Some(cells) = self.rows.get_mut(row) else { return Err(Overflow::Rows(row as u64 + 1)) };
        if cells.len() <= column {
            let added = column + 1 - cells.len();
            if self.cells.saturating_add(added) > MAX_TABLE_CELLS {
                return Err(Overflow::Cells);
            }
            self.cells += added;
            cells.resize(column + 1, Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(column) {
            self.text_bytes = self.text_bytes - text_bytes(slot) + text;
            *slot = cell;
        }
        Ok(())
    }

    /// Puts `cell` into `rows` × `columns` cells from the 0-based `row` and `column` (a repeated
    /// cell of an .ods file); the limits are checked before anything is repeated.
    pub fn put_repeated(&mut self, row: u64, column: u64, rows: u64, columns: u64, cell: &Cell) -> Result<(), Overflow> {
        if *cell == Cell::Empty || rows == 0 || columns == 0 {
            return Ok(());
        }
        check_area(row, column, rows, columns)?;
        let count = rows.saturating_mul(columns);
        if count > MAX_TABLE_CELLS as u64 {
            return Err(Overflow::Cells);
        }
        if (text_bytes(cell) as u64).saturating_mul(count) > MAX_TABLE_TEXT_BYTES as u64 {
            return Err(Overflow::Text);
        }
        for r in row..row + rows {
            for c in column..column + columns {
                self.put(r, c, cell.clone())?;
            }
        }
        Ok(())
    }

    /// Whether the 0-based `row` and `column` hold a cell that is not empty.
    pub fn is_filled(&self, row: u64, column: u64) -> bool {
        let cell = usize::try_from(row).ok().and_then(|r| self.rows.get(r)).and_then(|cells| cells.get(column as usize));
        cell.is_some_and(|c| *c != Cell::Empty)
    }

    /// The rows; `rows[i]` is spreadsheet row `i + 1`, without empty cells at the end of a row.
    pub fn finish(self) -> Vec<Vec<Cell>> {
        self.rows
    }
}

/// Data repeated over `rows` × `columns` cells from the 0-based `row` and `column` must lie
/// within the limits; the error names the first row or column beyond them.
pub fn check_area(row: u64, column: u64, rows: u64, columns: u64) -> Result<(), Overflow> {
    let last_row = row.saturating_add(rows.max(1) - 1).min(row.max(MAX_TABLE_ROWS as u64));
    let last_column = column.saturating_add(columns.max(1) - 1).min(column.max(MAX_TABLE_COLUMNS as u64));
    check_place(last_row, last_column)
}

/// Data at the 0-based `row` and `column` must lie within the limits.
fn check_place(row: u64, column: u64) -> Result<(), Overflow> {
    if row >= MAX_TABLE_ROWS as u64 {
        return Err(Overflow::Rows(row.saturating_add(1)));
    }
    if column >= MAX_TABLE_COLUMNS as u64 {
        return Err(Overflow::Columns(row + 1, column.saturating_add(1)));
    }
    Ok(())
}

/// The bytes of text a cell holds.
fn text_bytes(cell: &Cell) -> usize {
    match cell {
        Cell::Text(text) | Cell::Error(text) | Cell::Formula(text) => text.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_the_spreadsheets() {
        assert_eq!(column_name(1), "A");
        assert_eq!(column_name(26), "Z");
        assert_eq!(column_name(27), "AA");
        assert_eq!(column_name(256), "IV");
        assert_eq!(column_name(16_384), "XFD");
    }

    #[test]
    fn cells_far_out_are_refused_before_anything_is_allocated() {
        let mut sheet = SheetBuilder::new();
        sheet.put(0, 0, Cell::Text("ID".into())).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(sheet.put(1_048_575, 16_383, Cell::Number(1.0)), Err(Overflow::Rows(1_048_576)));
        assert_eq!(sheet.put(5, 16_383, Cell::Number(1.0)), Err(Overflow::Columns(6, 16_384)));
        assert_eq!(sheet.put(1_048_575, 16_383, Cell::Empty), Ok(()));
        let text = Cell::Text("x".into());
        assert_eq!(sheet.put_repeated(1, 0, 1_048_574, 1, &text), Err(Overflow::Rows(MAX_TABLE_ROWS as u64 + 1)));
        assert_eq!(sheet.put_repeated(1, 2, 1, 16_384, &text), Err(Overflow::Columns(2, MAX_TABLE_COLUMNS as u64 + 1)));
        assert_eq!(sheet.put_repeated(1, 0, 100_000, 100, &text), Err(Overflow::Cells));
        assert_eq!(sheet.put_repeated(1, 0, 2, 3, &text), Ok(()));
        assert_eq!(sheet.finish().len(), 3);
    }

    #[test]
    fn text_counts_each_time_it_is_repeated() {
        let mut sheet = SheetBuilder::new();
        let long = Cell::Text("x".repeat(1024 * 1024));
        assert_eq!(sheet.put_repeated(0, 0, 1_000, 200, &long), Err(Overflow::Text));
        for row in 0..128 {
            sheet.put(row, 0, long.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        }
        assert_eq!(sheet.put(128, 0, long), Err(Overflow::Text));
    }
}
