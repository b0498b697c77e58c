//! Measures from a table: one row per measure, matched to the plan by id.
//!
//! A column the table lacks leaves that field of an existing measure as it is; a blank cell
//! means the field's default as in the plan file (no end, no ramp-up, no cost, `geplant`, no
//! notes), except for the fields every measure needs (id, domain, places, start).

use super::columns::{Column, MEASURE_COLUMNS};
use super::diff::{Change, funding_from_word, measure_changes};
use super::error::TableError;
use super::problem::ProblemKind;
use super::rows::{Lookup, Resolved, RowReader, SeenIds, data_rows, locate_header};
use super::table::{Cell, Table};
use super::{Outcome, unknown_column_warnings};
use crate::model::{Funding, Measure, Month, Plan};
use std::collections::HashMap;

/// Largest magnitude of `places` (SPEC §9).
const MAX_PLACES: f64 = 1e12;
/// Largest cost in euro (SPEC §9).
const MAX_EUR: f64 = 1e15;
/// Longest ramp-up in months (SPEC §9).
const MAX_RAMP_MONTHS: u32 = 1200;

/// Words for a state-wide measure in the Region column (besides a blank cell), compared
/// ignoring case; a region of that id or name comes first.
const STATE_WIDE_WORDS: [&str; 10] =
    ["landesweit", "statewide", "state-wide", "state wide", "land", "land gesamt", "nrw", "land nrw", "-", "–"];

/// The fields one row sets; `None` = the table has no such column (or the cell was bad).
#[derive(Debug, Default)]
struct MeasureRow {
    name: Option<String>,
    domain: Option<String>,
    region: Option<Option<String>>,
    places: Option<f64>,
    start: Option<Month>,
    end: Option<Option<Month>>,
    ramp_months: Option<u32>,
    cost_once_eur: Option<f64>,
    cost_per_year_eur: Option<f64>,
    funding: Option<Funding>,
    notes: Option<String>,
}

/// Reads the measures table against `plan` and works out what it would change.
pub fn read_measures(plan: &Plan, table: &Table, remove_missing: bool) -> Result<Outcome<Measure>, TableError> {
    let located = locate_header(table, &MEASURE_COLUMNS, None)?;
    let header = &located.header;
    let domains = Lookup::new(plan.domains.iter().map(|d| (d.id.as_str(), d.name.as_str())));
    let regions = Lookup::new(plan.regions.iter().map(|r| (r.id.as_str(), r.name.as_str())));
    let domain_ids: Vec<String> = plan.domains.iter().map(|d| d.id.clone()).collect();
    let existing: HashMap<&str, &Measure> = plan.measures.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut outcome = Outcome::new(unknown_column_warnings(table, header));
    let mut seen = SeenIds::default();
    for (row_number, cells) in data_rows(table, located.index) {
        let mut reader = RowReader::new(row_number, cells, header, table.number_style);
        let id = reader.id();
        if let Some((id, _)) = &id
            && let Some(first_row) = seen.note(id, row_number)
        {
            reader.problem(&Column::Id, ProblemKind::DuplicateId { text: id.clone(), first_row });
        }
        let fields = read_fields(&mut reader, &domains, &regions, &domain_ids);
        let (Some((id, _)), true) = (id, reader.problems.is_empty()) else {
            outcome.problems.append(&mut reader.problems);
            continue;
        };
        let before = existing.get(id.as_str()).copied();
        match merge(before, &id, fields, &mut reader) {
            Some(after) => match before {
                None => {
                    outcome.added.push(id);
                    outcome.updates.push(after);
                }
                Some(before) => {
                    let fields = measure_changes(before, &after);
                    if fields.is_empty() {
                        outcome.unchanged.push(id);
                    } else {
                        outcome.changed.push(Change { id, row: row_number, fields });
                        outcome.updates.push(after);
                    }
                }
            },
            None => outcome.problems.append(&mut reader.problems),
        }
    }
    if remove_missing {
        outcome.removed = plan.measures.iter().filter(|m| !seen.contains(&m.id)).map(|m| m.id.clone()).collect();
    }
    Ok(outcome)
}

/// Reads every field of the row that the table has a column for.
fn read_fields(reader: &mut RowReader, domains: &Lookup, regions: &Lookup, domain_ids: &[String]) -> MeasureRow {
    MeasureRow {
        name: reader.text(&Column::Name),
        domain: reference(reader, &Column::Domain, domains, domain_ids).flatten(),
        region: reference(reader, &Column::Region, regions, domain_ids),
        places: reader.required_number(&Column::Places, false, MAX_PLACES),
        start: match reader.month(&Column::Start) {
            Some(Some(month)) => Some(month),
            Some(None) => {
                reader.problem(&Column::Start, ProblemKind::Empty);
                None
            }
            None => None,
        },
        end: reader.month(&Column::End),
        ramp_months: reader.whole_number(&Column::RampMonths, MAX_RAMP_MONTHS).map(Option::unwrap_or_default),
        cost_once_eur: reader.number(&Column::CostOnceEur, true, MAX_EUR).map(Option::unwrap_or_default),
        cost_per_year_eur: reader.number(&Column::CostPerYearEur, true, MAX_EUR).map(Option::unwrap_or_default),
        funding: funding(reader),
        notes: reader.text(&Column::Notes),
    }
}

/// A domain (required) or region (blank or a state-wide word = `Some(None)`) reference.
fn reference(reader: &mut RowReader, column: &Column, lookup: &Lookup, domain_ids: &[String]) -> Option<Option<String>> {
    let cell = reader.cell(column)?;
    let text = match cell {
        Cell::Error(text) => {
            reader.problem(column, ProblemKind::ErrorValue { text: text.clone() });
            return None;
        }
        Cell::Formula(formula) => {
            reader.problem(column, ProblemKind::NoComputedValue { formula: formula.clone() });
            return None;
        }
        other => other.text(),
    };
    let is_region = *column == Column::Region;
    if text.trim().is_empty() {
        if is_region {
            return Some(None);
        }
        reader.problem(column, ProblemKind::Empty);
        return None;
    }
    match lookup.resolve(&text, matches!(cell, Cell::Number(_))) {
        Resolved::Found(id) => Some(Some(id)),
        Resolved::Unknown if is_region && STATE_WIDE_WORDS.contains(&text.trim().to_lowercase().as_str()) => Some(None),
        Resolved::Unknown if is_region => {
            reader.problem(column, ProblemKind::UnknownRegion { text });
            None
        }
        Resolved::Unknown => {
            reader.problem(column, ProblemKind::UnknownDomain { text, known: domain_ids.to_vec() });
            None
        }
        Resolved::Ambiguous => {
            reader.problem(column, ProblemKind::AmbiguousName { text });
            None
        }
    }
}

/// The funding column: a German or English word, blank = `geplant`.
fn funding(reader: &mut RowReader) -> Option<Funding> {
    let text = reader.text(&Column::Funding)?;
    if text.trim().is_empty() {
        return Some(Funding::Planned);
    }
    let found = funding_from_word(&text);
    if found.is_none() {
        reader.problem(&Column::Funding, ProblemKind::UnknownFunding { text });
    }
    found
}

/// The measure after the row: the existing one with the row's fields, or a new one. `None`
/// (with the problems in `reader`) when a new measure lacks a needed column or the end lies
/// before the start.
fn merge(before: Option<&Measure>, id: &str, row: MeasureRow, reader: &mut RowReader) -> Option<Measure> {
    let mut measure = match before {
        Some(measure) => measure.clone(),
        None => {
            let missing = |column: Column| ProblemKind::MissingColumn { id: id.to_owned(), column, region: false };
            if row.domain.is_none() {
                reader.row_problem(missing(Column::Domain));
            }
            if row.places.is_none() {
                reader.row_problem(missing(Column::Places));
            }
            if row.start.is_none() {
                reader.row_problem(missing(Column::Start));
            }
            Measure {
                id: id.to_owned(),
                name: String::new(),
                domain: row.domain.clone()?,
                region: None,
                places: row.places?,
                start: row.start?,
                end: None,
                ramp_months: 0,
                cost_once_eur: 0.0,
                cost_per_year_eur: 0.0,
                funding: Funding::Planned,
                notes: String::new(),
                extra: Default::default(),
            }
        }
    };
    let MeasureRow { name, domain, region, places, start, end, ramp_months, cost_once_eur, cost_per_year_eur, funding, notes } =
        row;
    set(&mut measure.name, name);
    set(&mut measure.domain, domain);
    set(&mut measure.region, region);
    set(&mut measure.places, places);
    set(&mut measure.start, start);
    set(&mut measure.end, end);
    set(&mut measure.ramp_months, ramp_months);
    set(&mut measure.cost_once_eur, cost_once_eur);
    set(&mut measure.cost_per_year_eur, cost_per_year_eur);
    set(&mut measure.funding, funding);
    set(&mut measure.notes, notes);
    if let Some(end) = measure.end
        && end < measure.start
    {
        let column = if reader.cell(&Column::End).is_some() { Column::End } else { Column::Start };
        reader.problem(&column, ProblemKind::EndBeforeStart { end, start: measure.start });
        return None;
    }
    Some(measure)
}

/// Sets `field` to `value` when the table has the column.
fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
}
