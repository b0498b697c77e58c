//! "Maßnahmen als Tabelle": the measure list as an Excel workbook that a colleague edits in
//! Excel or LibreOffice and the planner imports back without loss ([`crate::import`]).
//!
//! One sheet "Maßnahmen" with exactly the German headers of [`MEASURE_COLUMNS`], one row per
//! measure: Bereich and Region as ids (Region empty = state-wide), months as `YYYY-MM` text,
//! numbers as number cells (exact f64), Finanzierung as `gesichert`/`geplant`/`offen`. Text is
//! always written as a text cell, so `=SUMME(…)` in a name stays text; such cells also get
//! Excel's quote prefix, so that editing them in Excel keeps them text.

use super::xlsx::XlsxExportError;
use crate::import::{Column, MEASURE_COLUMNS, funding_german};
use crate::model::{Measure, Plan};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Name of the sheet with the measures.
pub const MEASURES_SHEET: &str = "Maßnahmen";

/// Writes the measure table of `plan` to `path` atomically.
pub fn save_measures_xlsx(plan: &Plan, path: &Path) -> Result<(), XlsxExportError> {
    let fail = |message: String| XlsxExportError { file: path.display().to_string(), message };
    let bytes = measures_xlsx_bytes(plan).map_err(|e| fail(e.to_string()))?;
    super::write_atomically(path, &bytes, false).map_err(|e| fail(e.to_string()))
}

/// The measure table of `plan` as the bytes of an `.xlsx` file.
pub fn measures_xlsx_bytes(plan: &Plan) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(MEASURES_SHEET)?;
    let header = Format::new().set_bold().set_background_color("DDE6F0");
    for (c, column) in MEASURE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.german_header(), &header)?;
    }
    for (r, measure) in plan.measures.iter().enumerate() {
        write_measure(sheet, r as u32 + 1, measure)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !plan.measures.is_empty() {
        sheet.autofilter(0, 0, plan.measures.len() as u32, MEASURE_COLUMNS.len() as u16 - 1)?;
    }
    for (c, width) in [18, 36, 12, 16, 10, 10, 10, 16, 18, 20, 14, 40].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    workbook.save_to_buffer()
}

/// One row: the cells of `measure` in the order of [`MEASURE_COLUMNS`].
fn write_measure(sheet: &mut Worksheet, row: u32, measure: &Measure) -> Result<(), XlsxError> {
    for (c, column) in MEASURE_COLUMNS.iter().enumerate() {
        let col = c as u16;
        match column {
            Column::Id => text(sheet, row, col, &measure.id)?,
            Column::Name => text(sheet, row, col, &measure.name)?,
            Column::Domain => text(sheet, row, col, &measure.domain)?,
            Column::Region => text(sheet, row, col, measure.region.as_deref().unwrap_or(""))?,
            Column::Places => number(sheet, row, col, measure.places)?,
            Column::Start => text(sheet, row, col, &measure.start.to_string())?,
            Column::End => text(sheet, row, col, &measure.end.map(|m| m.to_string()).unwrap_or_default())?,
            Column::RampMonths => number(sheet, row, col, f64::from(measure.ramp_months))?,
            Column::CostOnceEur => number(sheet, row, col, measure.cost_once_eur)?,
            Column::CostPerYearEur => number(sheet, row, col, measure.cost_per_year_eur)?,
            Column::Funding => text(sheet, row, col, funding_german(measure.funding))?,
            Column::Notes => text(sheet, row, col, &measure.notes)?,
            Column::Population | Column::AreaKm2 | Column::Capacity(_) => {}
        }
    }
    Ok(())
}

/// A text cell (nothing for an empty text); text that a spreadsheet would take for a formula
/// gets the quote prefix; text longer than a cell holds is cut with a note (SPEC §9).
fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    if value.is_empty() {
        return Ok(());
    }
    let value = &*super::xlsx::cut_to_cell(std::borrow::Cow::Borrowed(value));
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        sheet.write_string_with_format(row, col, value, &Format::new().set_quote_prefix())?;
    } else {
        sheet.write_string(row, col, value)?;
    }
    Ok(())
}

/// A number cell.
fn number(sheet: &mut Worksheet, row: u32, col: u16, value: f64) -> Result<(), XlsxError> {
    sheet.write_number(row, col, value)?;
    Ok(())
}
