//! Where it runs short: per region, for one scenario and domain, the figures the map and the
//! ranking show, computed from the results (never per frame: the map caches them).
//!
//! Definitions, for region r with share s of the state's newcomers and domain d:
//! - shortage in month t: `max(0, s · demand_per_share[d][t] − capacity[t])`, with the engine's
//!   noise rule ([`shortage_of`]);
//! - **peak shortage**: the largest monthly shortage, in places;
//! - **place-months**: the sum of the monthly shortages (a place missing for a year = 12);
//! - **missing places per 1 000 inhabitants**: peak shortage / population × 1 000 (0 for a
//!   region without inhabitants);
//! - **first shortage**: the first month whose shortage exceeds [`SHORTAGE_THRESHOLD`], as the
//!   engine stores it;
//! - **share**: the region's share of the state's newcomers (its distribution key).

use crate::engine::{ScenarioResults, shortage_of};
use crate::io::CsvDialect;
use crate::model::{Month, Plan};

/// The figure that sizes the circles and orders the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Figure {
    /// The largest number of places missing in one month.
    #[default]
    PeakShortage,
    /// Σ of the places missing over all months.
    PlaceMonths,
    /// Peak shortage per 1 000 inhabitants.
    PerThousand,
}

impl Figure {
    /// Every figure, in the order of the picker.
    pub const ALL: [Figure; 3] = [Figure::PeakShortage, Figure::PlaceMonths, Figure::PerThousand];
}

/// The figures of one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFigures {
    /// Position of the region in the plan (and in the results).
    pub index: usize,
    /// Region id.
    pub id: String,
    /// Region name.
    pub name: String,
    /// First month index with a shortage.
    pub first_shortage: Option<usize>,
    /// Largest monthly shortage in places.
    pub peak_shortage: f64,
    /// Σ of the monthly shortages (place-months).
    pub place_months: f64,
    /// Peak shortage per 1 000 inhabitants.
    pub per_thousand: f64,
    /// Share of the state's newcomers, 0 … 1.
    pub share: f64,
}

impl RegionFigures {
    /// The value of `figure`.
    pub fn value(&self, figure: Figure) -> f64 {
        match figure {
            Figure::PeakShortage => self.peak_shortage,
            Figure::PlaceMonths => self.place_months,
            Figure::PerThousand => self.per_thousand,
        }
    }
}

/// The figures of every region of `plan` for the domain at `domain_index`, in plan order
/// (regions the results do not know yet are left out).
pub fn region_figures(plan: &Plan, results: &ScenarioResults, domain_index: usize) -> Vec<RegionFigures> {
    let Some(unit) = results.demand_per_share.get(domain_index) else { return Vec::new() };
    results
        .regions
        .iter()
        .enumerate()
        .filter_map(|(index, region)| {
            let figures = region.domains.get(domain_index)?;
            let population = plan.regions.iter().find(|r| r.id == region.id).map_or(0.0, |r| r.population);
            let name = plan.regions.iter().find(|r| r.id == region.id).map_or_else(|| region.id.clone(), |r| r.name.clone());
            let (mut peak, mut sum) = (0.0_f64, 0.0);
            for (u, capacity) in unit.iter().zip(&figures.capacity) {
                let missing = shortage_of(region.share * u, *capacity);
                peak = peak.max(missing);
                sum += missing;
            }
            let per_thousand = if population > 0.0 { peak / population * 1000.0 } else { 0.0 };
            Some(RegionFigures {
                index,
                id: region.id.clone(),
                name,
                first_shortage: figures.first_shortage,
                peak_shortage: peak,
                place_months: sum,
                per_thousand,
                share: region.share,
            })
        })
        .collect()
}

/// A column of the ranking to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// The chosen figure (largest first).
    #[default]
    Figure,
    /// Region name (A to Z).
    Name,
    /// First shortage month (earliest first, none last).
    FirstShortage,
    /// Peak shortage (largest first).
    Peak,
    /// Place-months (largest first).
    PlaceMonths,
    /// Per 1 000 inhabitants (largest first).
    PerThousand,
    /// Share of newcomers (largest first).
    Share,
}

/// Positions into `rows`, ordered by `column` (its natural order, or reversed), ties by name.
pub fn ranking_order(rows: &[RegionFigures], figure: Figure, column: SortColumn, reversed: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let key = |row: &RegionFigures| -> f64 {
        match column {
            SortColumn::Figure => -row.value(figure),
            SortColumn::Name => 0.0,
            SortColumn::FirstShortage => row.first_shortage.map_or(f64::INFINITY, |t| t as f64),
            SortColumn::Peak => -row.peak_shortage,
            SortColumn::PlaceMonths => -row.place_months,
            SortColumn::PerThousand => -row.per_thousand,
            SortColumn::Share => -row.share,
        }
    };
    order.sort_by(|&a, &b| {
        let (Some(ra), Some(rb)) = (rows.get(a), rows.get(b)) else { return std::cmp::Ordering::Equal };
        let by_key = key(ra).total_cmp(&key(rb));
        let by_key = if reversed { by_key.reverse() } else { by_key };
        let by_name = ra.name.to_lowercase().cmp(&rb.name.to_lowercase());
        if column == SortColumn::Name && reversed { by_name.reverse() } else { by_key.then(by_name) }
    });
    order
}

/// The column titles of the ranking CSV, in the language of the window.
#[derive(Debug, Clone, Copy)]
pub struct RankingHeaders<'a> {
    /// Rank.
    pub rank: &'a str,
    /// Region name.
    pub region: &'a str,
    /// Region id.
    pub id: &'a str,
    /// First shortage month.
    pub first_shortage: &'a str,
    /// Peak shortage.
    pub peak: &'a str,
    /// Place-months.
    pub place_months: &'a str,
    /// Per 1 000 inhabitants.
    pub per_thousand: &'a str,
    /// Share of newcomers in percent.
    pub share_percent: &'a str,
}

/// Writes the ranking (rows in `order`) as CSV: German Excel (`;`, decimal comma, byte-order
/// mark) or RFC 4180. Texts a spreadsheet would take for a formula get a leading `'` (SPEC §9).
pub fn write_ranking_csv(
    rows: &[RegionFigures],
    order: &[usize],
    months: &[Month],
    headers: RankingHeaders<'_>,
    dialect: CsvDialect,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if dialect == CsvDialect::German {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let delimiter = if dialect == CsvDialect::German { b';' } else { b',' };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(out);
    let h = headers;
    writer.write_record([h.rank, h.region, h.id, h.first_shortage, h.peak, h.place_months, h.per_thousand, h.share_percent])?;
    let number = |value: f64| crate::io::format_csv_number((value * 100.0).round() / 100.0, dialect);
    let whole = |places: f64| crate::io::format_csv_number(crate::io::whole_places(places), dialect);
    for (rank, row) in order.iter().filter_map(|&i| rows.get(i)).enumerate() {
        let first = row.first_shortage.and_then(|t| months.get(t)).map(ToString::to_string).unwrap_or_default();
        writer.write_record([
            (rank + 1).to_string(),
            spreadsheet_text(&row.name),
            spreadsheet_text(&row.id),
            first,
            whole(row.peak_shortage),
            whole(row.place_months),
            number(row.per_thousand),
            number(row.share * 100.0),
        ])?;
    }
    writer.flush()
}

/// A text cell that no spreadsheet runs as a formula: a leading `=`, `+`, `-`, `@`, tab or CR
/// gets a `'` in front.
pub fn spreadsheet_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{RegionDomainResults, RegionResults};

    /// Two regions, one domain, three months; unit demand 100, 200, 300 places per share.
    fn fixture() -> (Plan, ScenarioResults) {
        let mut plan = crate::sample::nrw_2025().unwrap_or_else(|e| panic!("{e}")).plan;
        plan.regions.truncate(2);
        plan.regions[0].population = 50_000.0;
        plan.regions[1].population = 0.0;
        let mut results = crate::simulate(&plan).scenarios.remove(0);
        results.demand_per_share = vec![vec![100.0, 200.0, 300.0]];
        let region = |id: &str, share: f64, capacity: Vec<f64>, first| RegionResults {
            id: id.into(),
            share,
            domains: vec![RegionDomainResults { capacity, first_shortage: first }],
        };
        results.regions = vec![
            // Demand 25, 50, 75 against 30 places: short by 0, 20, 45.
            region(&plan.regions[0].id, 0.25, vec![30.0; 3], Some(1)),
            // Demand 75, 150, 225 against 500 places: never short.
            region(&plan.regions[1].id, 0.75, vec![500.0; 3], None),
        ];
        (plan, results)
    }

    #[test]
    fn the_figures_of_a_region_follow_its_monthly_shortage() {
        let (plan, results) = fixture();
        let rows = region_figures(&plan, &results, 0);
        assert_eq!(rows.len(), 2);
        let short = &rows[0];
        assert_eq!(short.name, plan.regions[0].name);
        assert_eq!(short.peak_shortage, 45.0);
        assert_eq!(short.place_months, 65.0);
        assert!((short.per_thousand - 0.9).abs() < 1e-12, "45 / 50 000 × 1 000");
        assert_eq!(short.first_shortage, Some(1));
        assert_eq!(short.share, 0.25);
        let fine = &rows[1];
        assert_eq!((fine.peak_shortage, fine.place_months, fine.per_thousand), (0.0, 0.0, 0.0), "no inhabitants: 0");
        assert!(region_figures(&plan, &results, 7).is_empty(), "an unknown domain has no figures");
    }

    #[test]
    fn the_ranking_sorts_by_each_column_and_back() {
        let (plan, results) = fixture();
        let rows = region_figures(&plan, &results, 0);
        assert_eq!(ranking_order(&rows, Figure::PeakShortage, SortColumn::Figure, false), vec![0, 1]);
        assert_eq!(ranking_order(&rows, Figure::PeakShortage, SortColumn::Figure, true), vec![1, 0]);
        assert_eq!(ranking_order(&rows, Figure::PeakShortage, SortColumn::Share, false), vec![1, 0]);
        assert_eq!(ranking_order(&rows, Figure::PeakShortage, SortColumn::FirstShortage, false), vec![0, 1]);
        let by_name = ranking_order(&rows, Figure::PeakShortage, SortColumn::Name, false);
        let names: Vec<&str> = by_name.iter().map(|&i| rows[i].name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(names, sorted);
    }

    #[test]
    fn the_ranking_csv_is_for_german_excel_and_defuses_formulas() {
        let (plan, results) = fixture();
        let mut rows = region_figures(&plan, &results, 0);
        rows[0].name = "=HYPERLINK(1)".into();
        let order = ranking_order(&rows, Figure::PeakShortage, SortColumn::Figure, false);
        let headers = RankingHeaders {
            rank: "Rang",
            region: "Region",
            id: "Kennung",
            first_shortage: "Erster Engpass",
            peak: "Spitze",
            place_months: "Platzmonate",
            per_thousand: "je 1.000",
            share_percent: "Anteil %",
        };
        let mut bytes = Vec::new();
        write_ranking_csv(&rows, &order, &results_months(), headers, CsvDialect::German, &mut bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("\u{feff}Rang;Region;Kennung;"));
        assert_eq!(lines[1], format!("1;'=HYPERLINK(1);{};2026-02;45;65;0,9;25", plan.regions[0].id));
        assert_eq!(lines.len(), 3);
    }

    fn results_months() -> Vec<Month> {
        (1..=3).filter_map(|m| Month::new(2026, m)).collect()
    }
}
