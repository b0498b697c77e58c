//! The window's results table for people (issue 16): regions, domains and scenarios by their
//! names with the ids in columns of their own, places rounded to whole numbers, and the state
//! rows' gap labelled for what it is, the sum of the regions' shortfalls. German Excel: `;`,
//! decimal comma, byte-order mark. The command line's CSV of SPEC §4 ([`super::ResultsCsvStream`])
//! stays as it is.

use super::export::{finite, spreadsheet_text};
use crate::engine::Results;
use crate::model::Plan;
use std::collections::HashMap;

/// Names of a plan's regions and domains by id (an id without a name stands for itself).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    regions: HashMap<String, String>,
    domains: HashMap<String, String>,
    group_words: HashMap<String, String>,
}

impl Labels {
    /// The names of `plan`.
    pub fn of_plan(plan: &Plan) -> Self {
        Labels {
            regions: plan.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect(),
            domains: plan.domains.iter().map(|d| (d.id.clone(), d.name.clone())).collect(),
            group_words: plan
                .domains
                .iter()
                .filter_map(|d| {
                    let planning = d.planning.as_ref()?;
                    Some((d.id.clone(), crate::domain_words::group_word(planning, crate::language::Language::German)))
                })
                .collect(),
        }
    }

    /// The word for the groups of the domain `id` (`Gruppen`, `Klassen`); `None` without planning.
    pub fn group_word(&self, id: &str) -> Option<&str> {
        self.group_words.get(id).map(String::as_str)
    }

    /// The name of the region `id`.
    pub fn region<'a>(&'a self, id: &'a str) -> &'a str {
        self.regions.get(id).map_or(id, String::as_str)
    }

    /// The name of the domain `id`.
    pub fn domain<'a>(&'a self, id: &'a str) -> &'a str {
        self.domains.get(id).map_or(id, String::as_str)
    }
}

/// The region cell of the state-wide rows.
pub const LABELLED_STATE_ROW: &str = "Land gesamt (Summe der Regionen)";
/// Column headers of the window's results table.
pub const LABELLED_HEADERS: [&str; 11] = [
    "Szenario",
    "Szenario-ID",
    "Region",
    "Region-ID",
    "Bereich",
    "Bereich-ID",
    "Monat",
    "Bedarf (Plätze)",
    "Kapazität (Plätze)",
    "Lücke (Kapazität − Bedarf)",
    "Fehlende Plätze (Summe der Regionen)",
];

/// A number of places rounded to a whole number, never `-0`.
pub fn whole_places(value: f64) -> f64 {
    finite(value).round() + 0.0
}

/// A whole number as German Excel reads it (no thousands dots, which a re-import might misread).
fn whole_cell(value: f64) -> String {
    format!("{:.0}", whole_places(value))
}

/// Writes the window's results table: per scenario the state-wide rows (the gap as the sum of
/// the regions' shortfalls, free places elsewhere do not count), then each region in plan order.
pub fn write_labelled_results_csv(results: &Results, labels: &Labels, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(LABELLED_HEADERS)?;
    let months: Vec<String> = results.months.iter().map(|m| format!("{:02}/{}", m.month_of_year(), m.year())).collect();
    for scenario in &results.scenarios {
        let (name, id) = (spreadsheet_text(&scenario.name), spreadsheet_text(&scenario.id));
        for domain in &scenario.domains {
            let (domain_name, domain_id) = (spreadsheet_text(labels.domain(&domain.id)), spreadsheet_text(&domain.id));
            for (t, month) in months.iter().enumerate() {
                let value = |curve: &[f64]| whole_cell(curve.get(t).copied().unwrap_or(0.0));
                let row = [
                    &*name,
                    &*id,
                    LABELLED_STATE_ROW,
                    "*",
                    &*domain_name,
                    &*domain_id,
                    month,
                    &value(&domain.demand),
                    &value(&domain.capacity),
                    "",
                    &value(&domain.shortage),
                ];
                writer.write_record(row)?;
            }
        }
        for (r, region) in scenario.regions.iter().enumerate() {
            let (region_name, region_id) = (spreadsheet_text(labels.region(&region.id)), spreadsheet_text(&region.id));
            for (d, (domain_id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
                let demand = scenario.region_demand(r, d);
                let domain_name = spreadsheet_text(labels.domain(domain_id));
                for (t, month) in months.iter().enumerate() {
                    let need = demand.get(t).copied().unwrap_or(0.0);
                    let places = figures.capacity.get(t).copied().unwrap_or(0.0);
                    let row = [
                        &*name,
                        &*id,
                        &*region_name,
                        &*region_id,
                        &*domain_name,
                        &*spreadsheet_text(domain_id),
                        month,
                        &whole_cell(need),
                        &whole_cell(places),
                        &whole_cell(whole_places(places) - whole_places(need)),
                        "",
                    ];
                    writer.write_record(row)?;
                }
            }
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_rounded_to_whole_numbers_without_minus_zero() {
        assert_eq!(whole_cell(1234.49), "1234");
        assert_eq!(whole_cell(-0.2), "0");
        assert_eq!(whole_cell(2.5), "3");
    }
}
