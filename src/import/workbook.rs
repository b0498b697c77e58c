//! Excel workbooks (`.xlsx`/`.xlsm`, `.xlsb`, `.xls`) through calamine, cell by cell.
//!
//! calamine's `Range` holds every cell of the rectangle from the first to the last used cell,
//! so a file with cells only at A1 and XFD1048576 would ask for 17 billion cells. For `.xlsx`
//! and `.xlsb` the sheet is read with calamine's cell reader instead, which hands over the cells
//! the file names, one by one, to a [`SheetBuilder`] that stops at the first cell beyond the
//! limits. A cell that holds a formula but no computed value (a file written by a program that
//! does not calculate) becomes [`Cell::Formula`], so that the import can say so.

use super::error::TableError;
use super::sheet::{MAX_TABLE_CELLS, SheetBuilder};
use super::table::{Cell, cell_of};
use calamine::{Data, DataRef, Reader, Xlsb, Xlsx, open_workbook_from_rs};
use std::collections::HashSet;
use std::io::Cursor;

/// A sheet read: its name, all sheets' names, its rows.
pub type ReadSheet = (String, Vec<String>, Vec<Vec<Cell>>);

/// The sheet `wanted` (matched exactly, else ignoring case; the first when `None`) of `names`.
fn pick_sheet(file: &str, names: &[String], wanted: Option<&str>) -> Result<String, TableError> {
    match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.to_lowercase() == wanted.to_lowercase()))
            .cloned()
            .ok_or_else(|| TableError::UnknownSheet { file: file.to_owned(), sheet: wanted.to_owned(), sheets: names.to_vec() }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| TableError::Unreadable { file: file.to_owned(), reason: "the workbook has no sheet".to_owned() }),
    }
}

fn unreadable(file: &str, reason: impl std::fmt::Display) -> TableError {
    TableError::Unreadable { file: file.to_owned(), reason: reason.to_string() }
}

/// Cells from a cell reader into a sheet; remembers where a formula's result is an empty text,
/// so that such a cell is not taken for a formula without a value.
struct Collector<'f> {
    file: &'f str,
    sheet: SheetBuilder,
    empty_results: HashSet<(u32, u32)>,
}

impl<'f> Collector<'f> {
    fn new(file: &'f str) -> Self {
        Collector { file, sheet: SheetBuilder::new(), empty_results: HashSet::new() }
    }

    fn cell(&mut self, (row, column): (u32, u32), value: &DataRef<'_>) -> Result<(), TableError> {
        let data: Data = value.clone().into();
        if matches!(data, Data::String(ref text) if text.is_empty()) && self.empty_results.len() < MAX_TABLE_CELLS {
            self.empty_results.insert((row, column));
        }
        self.sheet.put(u64::from(row), u64::from(column), cell_of(&data)).map_err(|o| o.into_error(self.file))
    }

    fn formula(&mut self, (row, column): (u32, u32), formula: &str) -> Result<(), TableError> {
        let (r, c) = (u64::from(row), u64::from(column));
        if formula.is_empty() || self.sheet.is_filled(r, c) || self.empty_results.contains(&(row, column)) {
            return Ok(());
        }
        self.sheet.put(r, c, Cell::Formula(format!("={formula}"))).map_err(|o| o.into_error(self.file))
    }
}

/// The sheet `name` of `workbook` as sparse cells: values first, then the formulas of cells
/// without a stored value. A macro because calamine's `Xlsx` and `Xlsb` give their cell readers
/// as methods of their own, with no trait in common.
macro_rules! collect_cells {
    ($workbook:expr, $name:expr, $file:expr) => {{
        let mut collector = Collector::new($file);
        {
            let mut cells = $workbook.worksheet_cells_reader($name).map_err(|e| unreadable($file, e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable($file, e))? {
                collector.cell(cell.get_position(), cell.get_value())?;
            }
        }
        let mut formulas = $workbook.worksheet_cells_reader($name).map_err(|e| unreadable($file, e))?;
        while let Some(cell) = formulas.next_formula().map_err(|e| unreadable($file, e))? {
            collector.formula(cell.get_position(), cell.get_value())?;
        }
        collector.sheet.finish()
    }};
}

/// Reads a sheet of an .xlsx or .xlsm workbook (the zip archive was checked before).
pub fn read_xlsx(file: &str, bytes: &[u8], extension: &str, wanted: Option<&str>) -> Result<ReadSheet, TableError> {
    let what = if extension.is_empty() { "a workbook".to_owned() } else { format!("an .{extension} workbook") };
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(file, format!("not {what} ({e})")))?;
    let names = workbook.sheet_names();
    let name = pick_sheet(file, &names, wanted)?;
    let sheet = collect_cells!(workbook, &name, file);
    Ok((name, names, sheet))
}

/// Reads a sheet of an .xlsb workbook (the zip archive was checked before).
pub fn read_xlsb(file: &str, bytes: &[u8], wanted: Option<&str>) -> Result<ReadSheet, TableError> {
    let mut workbook: Xlsb<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(file, format!("not an .xlsb workbook ({e})")))?;
    let names = workbook.sheet_names();
    let name = pick_sheet(file, &names, wanted)?;
    let sheet = collect_cells!(workbook, &name, file);
    Ok((name, names, sheet))
}
