//! Regions from a table: `ID` (an AGS may serve), `Name`, `Einwohner`, `Fläche (km²)` and one
//! column per domain, headed by the domain's id or name, for the free places at the start.
//!
//! A column the table lacks leaves that field of an existing region as it is; a blank capacity
//! cell removes the entry (missing = 0 places).

use super::columns::{Column, REGION_COLUMNS};
use super::diff::{Change, region_changes};
use super::error::TableError;
use super::problem::ProblemKind;
use super::rows::{Lookup, RowReader, SeenIds, data_rows, locate_header};
use super::table::Table;
use super::{Outcome, unknown_column_warnings};
use crate::model::{Plan, Region};
use std::collections::HashMap;

/// Largest magnitude of population, area and capacity (SPEC §9).
const MAX_MAGNITUDE: f64 = 1e12;

/// The fields one row sets; `None` = the table has no such column.
#[derive(Debug, Default)]
struct RegionRow {
    name: Option<String>,
    population: Option<f64>,
    area_km2: Option<f64>,
    /// Domain id → places (`None` = blank cell).
    capacity: Vec<(String, Option<f64>)>,
}

/// Reads the regions table against `plan` and works out what it would change.
pub fn read_regions(plan: &Plan, table: &Table, remove_missing: bool) -> Result<Outcome<Region>, TableError> {
    let located = locate_header(table, &REGION_COLUMNS, Some(&plan.domains))?;
    let header = &located.header;
    let regions = Lookup::new(plan.regions.iter().map(|r| (r.id.as_str(), r.name.as_str())));
    let domain_ids: Vec<&str> = plan.domains.iter().map(|d| d.id.as_str()).collect();
    let capacity_columns: Vec<Column> =
        header.found.iter().filter(|f| matches!(f.column, Column::Capacity(_))).map(|f| f.column.clone()).collect();
    let existing: HashMap<&str, &Region> = plan.regions.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut outcome = Outcome::new(unknown_column_warnings(table, header));
    let mut seen = SeenIds::default();
    for (row_number, cells) in data_rows(table, located.index) {
        let mut reader = RowReader::new(row_number, cells, header, table.number_style);
        // An id written as a number (an AGS that lost its leading zero) matches the plan's id.
        let id = reader.id().map(|(id, from_number)| regions.by_id(&id, from_number).map_or(id, str::to_owned));
        if let Some(id) = &id
            && let Some(first_row) = seen.note(id, row_number)
        {
            reader.problem(&Column::Id, ProblemKind::DuplicateId { text: id.clone(), first_row });
        }
        let fields = RegionRow {
            name: reader.text(&Column::Name),
            population: reader.required_number(&Column::Population, true, MAX_MAGNITUDE),
            area_km2: reader.required_number(&Column::AreaKm2, true, MAX_MAGNITUDE),
            capacity: capacity_columns
                .iter()
                .filter_map(|column| {
                    let places = reader.number(column, false, MAX_MAGNITUDE)?;
                    match column {
                        Column::Capacity(domain_id) => Some((domain_id.clone(), places)),
                        _ => None,
                    }
                })
                .collect(),
        };
        let (Some(id), true) = (id, reader.problems.is_empty()) else {
            outcome.problems.append(&mut reader.problems);
            continue;
        };
        let before = existing.get(id.as_str()).copied();
        let Some(after) = merge(before, &id, fields, &mut reader) else {
            outcome.problems.append(&mut reader.problems);
            continue;
        };
        match before {
            None => {
                outcome.added.push(id);
                outcome.updates.push(after);
            }
            Some(before) => {
                let fields = region_changes(before, &after, &domain_ids);
                if fields.is_empty() {
                    outcome.unchanged.push(id);
                } else {
                    outcome.changed.push(Change { id, row: row_number, fields });
                    outcome.updates.push(after);
                }
            }
        }
    }
    if remove_missing {
        outcome.removed = plan.regions.iter().filter(|r| !seen.contains(&r.id)).map(|r| r.id.clone()).collect();
    }
    Ok(outcome)
}

/// The region after the row: the existing one with the row's fields, or a new one (`None`
/// with a problem when a new region lacks the population or area column).
fn merge(before: Option<&Region>, id: &str, row: RegionRow, reader: &mut RowReader) -> Option<Region> {
    let mut region = match before {
        Some(region) => region.clone(),
        None => {
            let missing = |column: Column| ProblemKind::MissingColumn { id: id.to_owned(), column, region: true };
            if row.population.is_none() {
                reader.row_problem(missing(Column::Population));
            }
            if row.area_km2.is_none() {
                reader.row_problem(missing(Column::AreaKm2));
            }
            Region {
                id: id.to_owned(),
                name: String::new(),
                population: row.population?,
                area_km2: row.area_km2?,
                capacity: Vec::new(),
                location: None,
                extra: Default::default(),
            }
        }
    };
    if let Some(name) = row.name {
        region.name = name;
    }
    if let Some(population) = row.population {
        region.population = population;
    }
    if let Some(area) = row.area_km2 {
        region.area_km2 = area;
    }
    for (domain_id, places) in row.capacity {
        let entry = region.capacity.iter_mut().find(|(id, _)| *id == domain_id);
        match (entry, places) {
            (Some(entry), Some(places)) => entry.1 = places,
            (None, Some(places)) => region.capacity.push((domain_id, places)),
            (Some(_), None) => region.capacity.retain(|(id, _)| *id != domain_id),
            (None, None) => {}
        }
    }
    Some(region)
}
