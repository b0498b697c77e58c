//! Results as an Excel workbook: a summary sheet with the indicators and yearly costs, a budget
//! sheet (SPEC §6: cost by funding against the budget per year and scenario), and one sheet per
//! scenario with the monthly table per domain, state-wide and per region.
//!
//! Numbers are written as numbers (Excel shows them with the reader's separators, `1.234,5` in
//! German Excel) and months as dates formatted `MM/JJJJ`, so that the sheets sort and chart.
//! Text cells go through [`write_text`]: never read as a formula (text beginning with `=`, `+`,
//! `-`, `@`, tab or CR gets Excel's hidden quote prefix, so the cell shows `-Bochum`, not
//! `'-Bochum`), never longer than Excel allows.

use super::export::{finite, spreadsheet_text};
use super::labelled::{LABELLED_STATE_ROW, Labels, whole_places};
use crate::engine::{Results, ScenarioResults};
use crate::model::Month;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::path::Path;

/// Name of the summary sheet.
pub const SUMMARY_SHEET: &str = "Übersicht";
/// Name of the budget sheet.
pub const BUDGET_SHEET: &str = "Haushalt";
/// Column headers of the budget sheet.
pub const BUDGET_HEADERS: [&str; 9] =
    ["Szenario", "Jahr", "gesichert", "geplant", "offen", "Summe", "Budget", "Saldo", "noch nicht gesichert"];
/// Name of the sheet of groups, staff and running cost by planning year (SPEC §11).
pub const GROUPS_SHEET: &str = "Gruppen und Personal";
/// Column headers of the groups sheet.
pub const GROUPS_HEADERS: [&str; 14] = [
    "Szenario",
    "Planungsjahr",
    "Stichtag",
    "Bereich",
    "Bereich-ID",
    "Bedarf (Plätze)",
    "Kapazität (Plätze)",
    "Fehlende Plätze (Summe der Regionen)",
    "Einheit",
    "Benötigte Gruppen",
    "Fehlende Gruppen",
    "Benötigtes Personal (VZÄ)",
    "Fehlendes Personal (VZÄ)",
    "Laufende Kosten der fehlenden Gruppen je Jahr (€)",
];
/// The region column's text for the state-wide rows.
pub const STATE_ROW: &str = "Land gesamt";
/// Most data rows of one sheet (Excel's limit minus the header).
const MAX_ROWS: usize = 1_048_575;

/// Most characters of one cell: Excel's limit, counted in UTF-16 units as Excel counts them.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Ends a text that was cut at [`MAX_CELL_CHARS`], so that the reader sees it is not whole.
pub const CUT_NOTE: &str = " … [gekürzt]";

/// The content of a text cell: safe from formula reading ([`spreadsheet_text`], SPEC §9) and cut
/// at Excel's limit with [`CUT_NOTE`] instead of failing the whole workbook.
pub fn cell_text(text: &str) -> Cow<'_, str> {
    cut_to_cell(spreadsheet_text(text))
}

/// `text` cut at Excel's cell limit, ending with [`CUT_NOTE`] when it had to be cut.
pub(crate) fn cut_to_cell(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.encode_utf16().count() <= MAX_CELL_CHARS {
        return text;
    }
    let budget = MAX_CELL_CHARS - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let mut end = 0;
    for (index, c) in text.char_indices() {
        if used + c.len_utf16() > budget {
            break;
        }
        used += c.len_utf16();
        end = index + c.len_utf8();
    }
    Cow::Owned(format!("{}{CUT_NOTE}", text.get(..end).unwrap_or_default()))
}

/// Writes a text cell (with `format`, if any): cut at Excel's limit; text that a spreadsheet
/// would read as a formula gets the hidden quote prefix (SPEC §9), as the measures table does.
fn write_text(sheet: &mut Worksheet, row: u32, col: u16, text: &str, format: Option<&Format>) -> Result<(), XlsxError> {
    let text = cut_to_cell(Cow::Borrowed(text));
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        let quoted = format.cloned().unwrap_or_default().set_quote_prefix();
        sheet.write_string_with_format(row, col, &*text, &quoted)?;
    } else if let Some(format) = format {
        sheet.write_string_with_format(row, col, &*text, format)?;
    } else {
        sheet.write_string(row, col, &*text)?;
    }
    Ok(())
}

/// Column headers of a scenario sheet.
pub const SCENARIO_HEADERS: [&str; 6] = ["Monat", "Region", "Bereich", "Bedarf", "Kapazität", "Lücke (Kapazität − Bedarf)"];

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{file}: cannot write the workbook: {message}")]
pub struct XlsxExportError {
    /// Target file.
    pub file: String,
    /// What went wrong.
    pub message: String,
}

/// Writes the workbook of `results` to `path` atomically.
pub fn save_results_xlsx(results: &Results, path: &Path) -> Result<(), XlsxExportError> {
    let fail = |message: String| XlsxExportError { file: path.display().to_string(), message };
    let bytes = results_xlsx_bytes(results).map_err(|e| fail(e.to_string()))?;
    super::write_atomically(path, &bytes, false).map_err(|e| fail(e.to_string()))
}

/// The workbook of `results` as the bytes of an `.xlsx` file.
pub fn results_xlsx_bytes(results: &Results) -> Result<Vec<u8>, XlsxError> {
    workbook_bytes(results, None)
}

/// Writes the window's workbook (see [`labelled_results_xlsx_bytes`]) to `path` atomically.
pub fn save_labelled_results_xlsx(results: &Results, labels: &Labels, path: &Path) -> Result<(), XlsxExportError> {
    let fail = |message: String| XlsxExportError { file: path.display().to_string(), message };
    let bytes = labelled_results_xlsx_bytes(results, labels).map_err(|e| fail(e.to_string()))?;
    super::write_atomically(path, &bytes, false).map_err(|e| fail(e.to_string()))
}

/// The window's workbook: domains and regions by name with their ids in columns of their own,
/// places shown as whole numbers, the state rows' gap as "Fehlende Plätze (Summe der Regionen)".
pub fn labelled_results_xlsx_bytes(results: &Results, labels: &Labels) -> Result<Vec<u8>, XlsxError> {
    workbook_bytes(results, Some(labels))
}

fn workbook_bytes(results: &Results, labels: Option<&Labels>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    summary_sheet(workbook.add_worksheet(), results, labels, &formats)?;
    budget_sheet(workbook.add_worksheet(), results, &formats)?;
    groups_sheet(workbook.add_worksheet(), results, labels, &formats)?;
    let mut used_names = vec![SUMMARY_SHEET.to_lowercase(), BUDGET_SHEET.to_lowercase(), GROUPS_SHEET.to_lowercase()];
    for scenario in &results.scenarios {
        let name = sheet_name(&scenario.name, &scenario.id, &mut used_names);
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        match labels {
            Some(labels) => labelled_scenario_sheet(sheet, results, scenario, labels, &formats)?,
            None => scenario_sheet(sheet, results, scenario, &formats)?,
        }
    }
    workbook.save_to_buffer()
}

/// The cell formats used throughout.
struct Formats {
    header: Format,
    number: Format,
    whole: Format,
    money: Format,
    month: Format,
    title: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: Format::new().set_bold().set_background_color("DDE6F0"),
            number: Format::new().set_num_format("#,##0.0"),
            whole: Format::new().set_num_format("#,##0"),
            money: Format::new().set_num_format("#,##0 \"€\""),
            month: Format::new().set_num_format("mm/yyyy"),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// A valid, unique sheet name (≤ 31 characters, none of `[]:*?/\`) from the scenario's name.
fn sheet_name(name: &str, id: &str, used: &mut Vec<String>) -> String {
    let clean: String =
        name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control()).collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() { id.chars().take(31).collect() } else { clean.chars().take(31).collect() };
    let mut candidate = base.clone();
    let mut n = 2;
    while used.contains(&candidate.to_lowercase()) || candidate.is_empty() {
        let suffix = format!(" ({n})");
        candidate = format!("{}{suffix}", base.chars().take(31 - suffix.chars().count()).collect::<String>());
        n += 1;
    }
    used.push(candidate.to_lowercase());
    candidate
}

fn excel_month(month: Month) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(month.year().clamp(1900, 9999) as u16, month.month_of_year() as u8, 1)
}

fn summary_sheet(sheet: &mut Worksheet, results: &Results, labels: Option<&Labels>, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(SUMMARY_SHEET)?;
    write_text(sheet, 0, 0, &results.title, Some(&f.title))?;
    let headers =
        ["Szenario", "Bereich", "Erster Engpass", "Größter Engpass", "Monat des größten Engpasses", "Platz-Monate fehlend"];
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *header, &f.header)?;
    }
    if labels.is_some() {
        sheet.write_string_with_format(2, headers.len() as u16, "Bereich-ID", &f.header)?;
    }
    let mut row = 3u32;
    for scenario in &results.scenarios {
        for domain in &scenario.domains {
            let i = &domain.indicators;
            write_text(sheet, row, 0, &scenario.name, None)?;
            write_text(sheet, row, 1, labels.map_or(domain.id.as_str(), |l| l.domain(&domain.id)), None)?;
            match i.first_shortage_month {
                Some(m) => sheet.write_datetime_with_format(row, 2, excel_month(m)?, &f.month)?,
                None => sheet.write_string(row, 2, "–")?,
            };
            let places = if labels.is_some() { &f.whole } else { &f.number };
            sheet.write_number_with_format(row, 3, i.peak_shortage, places)?;
            match i.peak_shortage_month {
                Some(m) => sheet.write_datetime_with_format(row, 4, excel_month(m)?, &f.month)?,
                None => sheet.write_string(row, 4, "–")?,
            };
            sheet.write_number_with_format(row, 5, i.shortage_place_months, places)?;
            if labels.is_some() {
                write_text(sheet, row, 6, &domain.id, None)?;
            }
            row += 1;
        }
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Kosten je Jahr", &f.header)?;
    let years: Vec<i32> =
        results.scenarios.first().map(|s| s.cost_per_year.iter().map(|(y, _)| *y).collect()).unwrap_or_default();
    for (c, year) in years.iter().enumerate() {
        sheet.write_number_with_format(row, c as u16 + 1, f64::from(*year), &f.header)?;
    }
    for scenario in &results.scenarios {
        row += 1;
        write_text(sheet, row, 0, &scenario.name, None)?;
        for (c, (_, eur)) in scenario.cost_per_year.iter().enumerate() {
            sheet.write_number_with_format(row, c as u16 + 1, *eur, &f.money)?;
        }
    }
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 14)?;
    for c in 2..=5 {
        sheet.set_column_width(c, 18)?;
    }
    Ok(())
}

/// Per scenario and year: secured, planned, open, total, budget, balance, not yet secured (the
/// budget cells stay empty for years without a budget).
fn budget_sheet(sheet: &mut Worksheet, results: &Results, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(BUDGET_SHEET)?;
    for (c, header) in BUDGET_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for scenario in &results.scenarios {
        for year in crate::engine::budget_rows(scenario) {
            write_text(sheet, row, 0, &scenario.name, None)?;
            sheet.write_number(row, 1, f64::from(year.year))?;
            let amounts = [Some(year.secured_eur), Some(year.planned_eur), Some(year.open_eur), Some(year.total_eur())];
            let amounts = amounts.into_iter().chain([year.budget_eur, year.balance_eur, Some(year.unsecured_eur())]);
            for (c, amount) in amounts.enumerate() {
                if let Some(eur) = amount {
                    sheet.write_number_with_format(row, c as u16 + 2, eur, &f.money)?;
                }
            }
            row += 1;
        }
    }
    sheet.set_column_width(0, 36)?;
    for c in 2..=8 {
        sheet.set_column_width(c, 18)?;
    }
    Ok(())
}

/// Per scenario, planning year and domain: places, groups, staff and running cost at the
/// reference month (SPEC §11); a domain without `planning` has its places only.
fn groups_sheet(sheet: &mut Worksheet, results: &Results, labels: Option<&Labels>, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(GROUPS_SHEET)?;
    for (c, header) in GROUPS_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for scenario in &results.scenarios {
        for year in &scenario.planning_years {
            for figures in &year.domains {
                if row as usize > MAX_ROWS {
                    return Ok(());
                }
                write_text(sheet, row, 0, &scenario.name, None)?;
                write_text(sheet, row, 1, &year.span.name, None)?;
                sheet.write_datetime_with_format(row, 2, excel_month(year.span.reference_month)?, &f.month)?;
                let name = labels.map_or(figures.id.as_str(), |l| l.domain(&figures.id));
                write_text(sheet, row, 3, name, None)?;
                write_text(sheet, row, 4, &figures.id, None)?;
                sheet.write_number_with_format(row, 5, whole_places(figures.demand), &f.whole)?;
                sheet.write_number_with_format(row, 6, whole_places(figures.capacity), &f.whole)?;
                sheet.write_number_with_format(row, 7, whole_places(figures.shortage), &f.whole)?;
                if let Some(groups) = &figures.groups {
                    let word = labels.and_then(|l| l.group_word(&figures.id)).unwrap_or(crate::model::DEFAULT_GROUP_WORD);
                    write_text(sheet, row, 8, word, None)?;
                    sheet.write_number_with_format(row, 9, finite(groups.groups_needed), &f.whole)?;
                    sheet.write_number_with_format(row, 10, finite(groups.groups_missing), &f.whole)?;
                    sheet.write_number_with_format(row, 11, finite(groups.staff_needed), &f.number)?;
                    sheet.write_number_with_format(row, 12, finite(groups.staff_missing), &f.number)?;
                    sheet.write_number_with_format(row, 13, finite(groups.running_cost_missing_eur), &f.money)?;
                }
                row += 1;
            }
        }
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(3, 30)?;
    for c in 5..=13 {
        sheet.set_column_width(c, 16)?;
    }
    Ok(())
}

fn scenario_sheet(sheet: &mut Worksheet, results: &Results, scenario: &ScenarioResults, f: &Formats) -> Result<(), XlsxError> {
    for (c, header) in SCENARIO_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let months = results.months.len();
    let domains = results.domain_ids.len();
    let with_regions = months * domains * (1 + scenario.regions.len()) <= MAX_ROWS;
    let mut row = 1u32;
    let mut write_row = |sheet: &mut Worksheet, t: usize, region: &str, domain: &str, demand: f64, capacity: f64| {
        let month = results.months.get(t).copied().map(excel_month).transpose()?;
        if let Some(month) = month {
            sheet.write_datetime_with_format(row, 0, month, &f.month)?;
        }
        write_text(sheet, row, 1, region, None)?;
        write_text(sheet, row, 2, domain, None)?;
        sheet.write_number_with_format(row, 3, demand, &f.number)?;
        sheet.write_number_with_format(row, 4, capacity, &f.number)?;
        row += 1;
        Ok::<u32, XlsxError>(row - 1)
    };
    for domain in &scenario.domains {
        let curves = domain.demand.iter().zip(&domain.capacity).zip(&domain.shortage);
        for (t, ((need, places), short)) in curves.enumerate() {
            let r = write_row(sheet, t, STATE_ROW, &domain.id, *need, *places)?;
            // State-wide, the gap is minus the shortage: free places elsewhere do not count.
            sheet.write_number_with_format(r, 5, -short, &f.number)?;
        }
    }
    if with_regions {
        for (r_index, region) in scenario.regions.iter().enumerate() {
            for (d, (domain_id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
                let demand = scenario.region_demand(r_index, d);
                for (t, (need, places)) in demand.iter().zip(&figures.capacity).enumerate() {
                    let r = write_row(sheet, t, &region.id, domain_id, *need, *places)?;
                    sheet.write_number_with_format(r, 5, places - need, &f.number)?;
                }
            }
        }
    } else {
        sheet.write_string(row + 1, 0, "Zu viele Regionen für ein Tabellenblatt: nur Landeswerte (CSV-Export enthält alle).")?;
    }
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(2, 14)?;
    for c in 3..=5 {
        sheet.set_column_width(c, 16)?;
    }
    Ok(())
}

/// Headers of a scenario sheet of the window's workbook.
pub const LABELLED_SCENARIO_HEADERS: [&str; 9] = [
    "Monat",
    "Region",
    "Region-ID",
    "Bereich",
    "Bereich-ID",
    "Bedarf (Plätze)",
    "Kapazität (Plätze)",
    "Lücke (Kapazität − Bedarf)",
    "Fehlende Plätze (Summe der Regionen)",
];

/// A scenario sheet with names and ids and whole places (the window's workbook).
fn labelled_scenario_sheet(
    sheet: &mut Worksheet,
    results: &Results,
    scenario: &ScenarioResults,
    labels: &Labels,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, header) in LABELLED_SCENARIO_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let with_regions = results.months.len() * results.domain_ids.len() * (1 + scenario.regions.len()) <= MAX_ROWS;
    let mut row = 1u32;
    let mut write_row = |sheet: &mut Worksheet, t: usize, region: (&str, &str), domain_id: &str, figures: [Option<f64>; 4]| {
        if let Some(month) = results.months.get(t).copied().map(excel_month).transpose()? {
            sheet.write_datetime_with_format(row, 0, month, &f.month)?;
        }
        write_text(sheet, row, 1, region.0, None)?;
        write_text(sheet, row, 2, region.1, None)?;
        write_text(sheet, row, 3, labels.domain(domain_id), None)?;
        write_text(sheet, row, 4, domain_id, None)?;
        for (c, value) in figures.iter().enumerate() {
            if let Some(value) = value {
                sheet.write_number_with_format(row, c as u16 + 5, whole_places(*value), &f.whole)?;
            }
        }
        row += 1;
        Ok::<(), XlsxError>(())
    };
    for domain in &scenario.domains {
        let curves = domain.demand.iter().zip(&domain.capacity).zip(&domain.shortage);
        for (t, ((need, places), short)) in curves.enumerate() {
            write_row(sheet, t, (LABELLED_STATE_ROW, "*"), &domain.id, [Some(*need), Some(*places), None, Some(*short)])?;
        }
    }
    if with_regions {
        for (r_index, region) in scenario.regions.iter().enumerate() {
            let names = (labels.region(&region.id), region.id.as_str());
            for (d, (domain_id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
                let demand = scenario.region_demand(r_index, d);
                for (t, (need, places)) in demand.iter().zip(&figures.capacity).enumerate() {
                    let gap = whole_places(*places) - whole_places(*need);
                    write_row(sheet, t, names, domain_id, [Some(*need), Some(*places), Some(gap), None])?;
                }
            }
        }
    } else {
        sheet.write_string(row + 1, 0, "Zu viele Regionen für ein Tabellenblatt: nur Landeswerte (CSV-Export enthält alle).")?;
    }
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(2, 14)?;
    sheet.set_column_width(3, 20)?;
    sheet.set_column_width(4, 14)?;
    for c in 5..=8 {
        sheet.set_column_width(c, 18)?;
    }
    Ok(())
}
