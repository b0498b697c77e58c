//! Measures and regions from a spreadsheet table (`.xlsx`, `.ods`, `.csv`) into a plan.
//!
//! The import is a pure function in two steps, so that a window can show what will change
//! before anything does:
//! 1. [`read_table`] reads a file into rows of [`Cell`]s;
//! 2. [`preview`] reads those rows against the plan: the measures or regions that would be
//!    added, changed (with every field before and after) and left unchanged, every bad row with
//!    its row number, column header as written and reason ([`RowProblem`], in English and
//!    German), and the rule violations of the resulting plan;
//! 3. [`ImportPreview::apply`] returns the new plan, one value that the GUI applies as one
//!    undo step.
//!
//! Rows are matched to the plan by id: new ones are added at the end, existing ones updated in
//! place, none removed unless [`ImportOptions::remove_missing`] asks. A row that is blank is
//! skipped. Any bad row blocks the whole import ([`ImportPreview::is_blocked`]).

mod cell;
mod columns;
mod csv;
mod diff;
mod error;
mod measures;
mod ods;
mod problem;
mod regions;
mod rows;
mod sheet;
mod table;
mod unpack;
mod workbook;

pub use cell::{month_from_text, number_from_text};
pub use columns::{Column, MEASURE_COLUMNS, REGION_COLUMNS, header_key};
pub use csv::utf16_without_bom;
pub use diff::{Change, FieldChange, FieldValue, funding_from_word, funding_german};
pub use error::TableError;
pub use problem::{ImportWarning, ProblemKind, RowProblem};
pub use sheet::{MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_TABLE_TEXT_BYTES};
pub use table::{Cell, MAX_TABLE_BYTES, NumberStyle, TABLE_EXTENSIONS, Table, read_table, read_table_bytes};
pub use unpack::{MAX_PART_BYTES, MAX_UNPACKED_BYTES};

use crate::issue::Issue;
use crate::model::{Measure, Plan, Region};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Which list of the plan a table fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// One row per measure.
    Measures,
    /// One row per region.
    Regions,
}

/// Choices of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Remove the measures (or regions) of the plan whose id is not in the table.
    pub remove_missing: bool,
}

/// The measures or regions an import writes (added ones and changed ones, in table order).
#[derive(Debug, Clone, PartialEq)]
pub enum Updates {
    /// Measures, each replacing the plan's measure of the same id or appended.
    Measures(Vec<Measure>),
    /// Regions, each replacing the plan's region of the same id or appended.
    Regions(Vec<Region>),
}

/// What importing one table would do to a plan; nothing has changed yet.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Measures or regions.
    pub kind: TableKind,
    /// The table file, as named.
    pub file: String,
    /// The sheet read (`None` for CSV).
    pub sheet: Option<String>,
    /// Ids of new measures or regions, in table order.
    pub added: Vec<String>,
    /// Measures or regions whose fields change, in table order.
    pub changed: Vec<Change>,
    /// Ids of rows that match the plan exactly.
    pub unchanged: Vec<String>,
    /// Ids the import removes (only with [`ImportOptions::remove_missing`]).
    pub removed: Vec<String>,
    /// Bad rows, in row order; any blocks the import.
    pub problems: Vec<RowProblem>,
    /// Unknown columns and the like; they do not block.
    pub warnings: Vec<ImportWarning>,
    /// Rule violations (SPEC §2) that the import would bring into the plan; any blocks.
    pub plan_issues: Vec<Issue>,
    /// What the import writes.
    pub updates: Updates,
}

impl ImportPreview {
    /// Whether the import must not be applied: a bad row or an invalid resulting plan.
    pub fn is_blocked(&self) -> bool {
        !self.problems.is_empty() || self.plan_issues.iter().any(Issue::is_error)
    }

    /// The plan with the import applied (the rows that are fine, when some are bad).
    pub fn apply(&self, plan: &Plan) -> Plan {
        let mut result = plan.clone();
        let removed: HashSet<&str> = self.removed.iter().map(String::as_str).collect();
        match &self.updates {
            Updates::Measures(updates) => {
                upsert(&mut result.measures, updates, |m| &m.id);
                if !removed.is_empty() {
                    result.measures.retain(|m| !removed.contains(m.id.as_str()));
                    for scenario in &mut result.scenarios {
                        scenario.measures_off.retain(|id| !removed.contains(id.as_str()));
                    }
                }
            }
            Updates::Regions(updates) => {
                upsert(&mut result.regions, updates, |r| &r.id);
                result.regions.retain(|r| !removed.contains(r.id.as_str()));
            }
        }
        result
    }

    /// `2 added, 1 changed, 37 unchanged` (and `, 3 removed`).
    pub fn summary_en(&self) -> String {
        let mut text = format!("{} added, {} changed, {} unchanged", self.added.len(), self.changed.len(), self.unchanged.len());
        if !self.removed.is_empty() {
            text.push_str(&format!(", {} removed", self.removed.len()));
        }
        text
    }

    /// `2 neu, 1 geändert, 37 unverändert` (and `, 3 entfernt`).
    pub fn summary_de(&self) -> String {
        let mut text = format!("{} neu, {} geändert, {} unverändert", self.added.len(), self.changed.len(), self.unchanged.len());
        if !self.removed.is_empty() {
            text.push_str(&format!(", {} entfernt", self.removed.len()));
        }
        text
    }
}

/// Replaces each item of `list` that has the id of an update, and appends the others.
fn upsert<T: Clone>(list: &mut Vec<T>, updates: &[T], id: impl Fn(&T) -> &String) {
    let positions: HashMap<String, usize> = list.iter().enumerate().map(|(i, item)| (id(item).clone(), i)).collect();
    for update in updates {
        match positions.get(id(update)).and_then(|&i| list.get_mut(i)) {
            Some(slot) => *slot = update.clone(),
            None => list.push(update.clone()),
        }
    }
}

/// What a table read against a plan would do (the part shared by measures and regions).
struct Outcome<T> {
    added: Vec<String>,
    changed: Vec<Change>,
    unchanged: Vec<String>,
    removed: Vec<String>,
    problems: Vec<RowProblem>,
    warnings: Vec<ImportWarning>,
    updates: Vec<T>,
}

impl<T> Outcome<T> {
    fn new(warnings: Vec<ImportWarning>) -> Self {
        Outcome {
            added: Vec::new(),
            changed: Vec::new(),
            unchanged: Vec::new(),
            removed: Vec::new(),
            problems: Vec::new(),
            warnings,
            updates: Vec::new(),
        }
    }
}

/// Warnings for the header row: unknown columns, a sheet named for a CSV file.
fn unknown_column_warnings(table: &Table, header: &columns::Header) -> Vec<ImportWarning> {
    let sheet = table.sheet_ignored.iter().map(|sheet| ImportWarning::SheetIgnored { sheet: sheet.clone() });
    if header.unknown.len() > problem::MAX_SINGLE_WARNINGS {
        let shown = header.unknown.iter().take(problem::MAX_SINGLE_WARNINGS).cloned().collect();
        let columns = ImportWarning::UnknownColumns { shown, count: header.unknown.len() };
        return sheet.chain(std::iter::once(columns)).collect();
    }
    sheet.chain(header.unknown.iter().map(|header| ImportWarning::UnknownColumn { header: header.clone() })).collect()
}

/// Reads `table` as measures or regions against `plan`: what would change, and what is wrong.
pub fn preview(plan: &Plan, table: &Table, kind: TableKind, options: &ImportOptions) -> Result<ImportPreview, TableError> {
    let mut preview = match kind {
        TableKind::Measures => {
            measures::read_measures(plan, table, options.remove_missing)?.into_preview(table, kind, Updates::Measures)
        }
        TableKind::Regions => {
            regions::read_regions(plan, table, options.remove_missing)?.into_preview(table, kind, Updates::Regions)
        }
    };
    let before: HashSet<(String, String)> = crate::validate::validate(plan).into_iter().map(|i| (i.path, i.message)).collect();
    preview.plan_issues = crate::validate::validate(&preview.apply(plan))
        .into_iter()
        .filter(|i| i.is_error() && !before.contains(&(i.path.clone(), i.message.clone())))
        .collect();
    Ok(preview)
}

impl<T> Outcome<T> {
    /// The preview of this outcome; `wrap` makes the updates of `T`.
    fn into_preview(self, table: &Table, kind: TableKind, wrap: impl FnOnce(Vec<T>) -> Updates) -> ImportPreview {
        ImportPreview {
            kind,
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            added: self.added,
            changed: self.changed,
            unchanged: self.unchanged,
            removed: self.removed,
            problems: self.problems,
            warnings: self.warnings,
            plan_issues: Vec::new(),
            updates: wrap(self.updates),
        }
    }
}

/// [`preview`] of measures.
pub fn preview_measures(plan: &Plan, table: &Table, options: &ImportOptions) -> Result<ImportPreview, TableError> {
    preview(plan, table, TableKind::Measures, options)
}

/// [`preview`] of regions.
pub fn preview_regions(plan: &Plan, table: &Table, options: &ImportOptions) -> Result<ImportPreview, TableError> {
    preview(plan, table, TableKind::Regions, options)
}

/// Reads the table file at `path` (sheet `sheet`, default the first) and previews it.
pub fn preview_file(
    plan: &Plan,
    path: &Path,
    kind: TableKind,
    sheet: Option<&str>,
    options: &ImportOptions,
) -> Result<ImportPreview, TableError> {
    preview(plan, &read_table(path, sheet)?, kind, options)
}
