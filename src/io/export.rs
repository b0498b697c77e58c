//! Results as files: the JSON of SPEC §4 and the CSV tables (RFC 4180, and German Excel).

use crate::engine::{DomainResults, Results, ScenarioResults};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// Which CSV dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180: `,` separator, dot decimals.
    Standard,
    /// German Excel: `;` separator, decimal comma, UTF-8 byte-order mark.
    German,
}

/// The results document of `simulate --format json`, as a JSON value (small plans, tests).
pub fn results_to_json(results: &Results) -> Value {
    serde_json::to_value(ResultsJson(results)).unwrap_or(Value::Null)
}

/// The results document of `simulate --format json`, serialised straight to the writer: a
/// Germany-wide plan has millions of numbers, which must not become a tree of JSON values first.
pub struct ResultsJson<'a>(pub &'a Results);

/// A slice of months written as `"YYYY-MM"` strings.
struct MonthsJson<'a>(&'a [crate::model::Month]);

/// An optional month written as `"YYYY-MM"` or null.
fn month_text(month: Option<crate::model::Month>) -> Option<String> {
    month.map(|m| m.to_string())
}

impl Serialize for MonthsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|m| m.to_string()))
    }
}

impl Serialize for ResultsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let results = self.0;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("format", "integrationsplan-results")?;
        map.serialize_entry("version", &1)?;
        map.serialize_entry("title", &results.title)?;
        map.serialize_entry("months", &MonthsJson(&results.months))?;
        map.serialize_entry("scenarios", &ScenariosJson(results))?;
        map.end()
    }
}

struct ScenariosJson<'a>(&'a Results);

impl Serialize for ScenariosJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.scenarios.iter().map(|scenario| ScenarioJson(self.0, scenario)))
    }
}

struct ScenarioJson<'a>(&'a Results, &'a ScenarioResults);

impl Serialize for ScenarioJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ScenarioJson(results, scenario) = *self;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("id", &scenario.id)?;
        map.serialize_entry("name", &scenario.name)?;
        map.serialize_entry("persons", &scenario.persons)?;
        map.serialize_entry("cost_eur", &scenario.cost_eur)?;
        map.serialize_entry("cost_per_year", &CostPerYearJson(&scenario.cost_per_year))?;
        map.serialize_entry("domains", &DomainsJson(&scenario.domains))?;
        map.serialize_entry("regions", &RegionsJson(results, scenario))?;
        map.end()
    }
}

struct CostPerYearJson<'a>(&'a [(i32, f64)]);

impl Serialize for CostPerYearJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(year, eur)| (year.to_string(), eur)))
    }
}

struct DomainsJson<'a>(&'a [DomainResults]);

impl Serialize for DomainsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for domain in self.0 {
            map.serialize_entry(&domain.id, &DomainJson(domain))?;
        }
        map.end()
    }
}

struct DomainJson<'a>(&'a DomainResults);

impl Serialize for DomainJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let i = &d.indicators;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("demand", &d.demand)?;
        map.serialize_entry("capacity", &d.capacity)?;
        map.serialize_entry("shortage", &d.shortage)?;
        map.serialize_entry("first_shortage_month", &month_text(i.first_shortage_month))?;
        map.serialize_entry("peak_shortage", &i.peak_shortage)?;
        map.serialize_entry("peak_shortage_month", &month_text(i.peak_shortage_month))?;
        map.serialize_entry("shortage_place_months", &i.shortage_place_months)?;
        map.end()
    }
}

struct RegionsJson<'a>(&'a Results, &'a ScenarioResults);

impl Serialize for RegionsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let RegionsJson(results, scenario) = *self;
        let mut map = serializer.serialize_map(Some(scenario.regions.len()))?;
        for (r, region) in scenario.regions.iter().enumerate() {
            map.serialize_entry(&region.id, &RegionJson { results, scenario, r })?;
        }
        map.end()
    }
}

struct RegionJson<'a> {
    results: &'a Results,
    scenario: &'a ScenarioResults,
    r: usize,
}

impl Serialize for RegionJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("persons", &self.scenario.region_persons(self.r))?;
        map.serialize_entry("domains", &RegionDomainsJson(self))?;
        map.end()
    }
}

struct RegionDomainsJson<'a>(&'a RegionJson<'a>);

impl Serialize for RegionDomainsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let RegionJson { results, scenario, r } = *self.0;
        let Some(region) = scenario.regions.get(r) else { return serializer.serialize_map(Some(0))?.end() };
        let mut map = serializer.serialize_map(Some(region.domains.len()))?;
        for (d, (id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
            map.serialize_entry(id, &RegionDomainJson { demand: scenario.region_demand(r, d), capacity: &figures.capacity })?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct RegionDomainJson<'a> {
    demand: Vec<f64>,
    capacity: &'a [f64],
}

/// Writes the CSV table `scenario,region,domain,month,demand,capacity,gap`: per scenario first
/// the state-wide rows (region `*`, gap = −shortage), then each region in plan order. Ids are
/// written as [`spreadsheet_text`], numbers as numbers.
pub fn write_results_csv(results: &Results, dialect: CsvDialect, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if dialect == CsvDialect::German {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let delimiter = if dialect == CsvDialect::German { b';' } else { b',' };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(out);
    let number = |value: f64| format_csv_number(value, dialect);
    let months: Vec<String> = results.months.iter().map(|m| m.to_string()).collect();
    writer.write_record(["scenario", "region", "domain", "month", "demand", "capacity", "gap"])?;
    for scenario in &results.scenarios {
        let scenario_cell = spreadsheet_text(&scenario.id);
        for domain in &scenario.domains {
            for (t, month) in months.iter().enumerate() {
                let (demand, capacity, shortage) = (
                    domain.demand.get(t).copied().unwrap_or(0.0),
                    domain.capacity.get(t).copied().unwrap_or(0.0),
                    domain.shortage.get(t).copied().unwrap_or(0.0),
                );
                writer.write_record([
                    &*scenario_cell,
                    "*",
                    &*spreadsheet_text(&domain.id),
                    month,
                    &number(demand),
                    &number(capacity),
                    &number(-shortage),
                ])?;
            }
        }
        for (r, region) in scenario.regions.iter().enumerate() {
            let region_cell = spreadsheet_text(&region.id);
            for (d, (domain_id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
                let region_demand = scenario.region_demand(r, d);
                let domain_cell = spreadsheet_text(domain_id);
                for (t, month) in months.iter().enumerate() {
                    let demand = region_demand.get(t).copied().unwrap_or(0.0);
                    let capacity = figures.capacity.get(t).copied().unwrap_or(0.0);
                    writer.write_record([
                        &*scenario_cell,
                        &*region_cell,
                        &*domain_cell,
                        month,
                        &number(demand),
                        &number(capacity),
                        &number(capacity - demand),
                    ])?;
                }
            }
        }
    }
    writer.flush()
}

/// A text cell that no spreadsheet reads as a formula (SPEC §9): text beginning with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`. Numbers are never passed through
/// here, so a negative number stays a number.
pub fn spreadsheet_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A number for CSV: shortest exact decimal, never `-0`, with a comma in the German dialect.
pub fn format_csv_number(value: f64, dialect: CsvDialect) -> String {
    let text = format!("{}", value + 0.0);
    match dialect {
        CsvDialect::Standard => text,
        CsvDialect::German => text.replace('.', ","),
    }
}
