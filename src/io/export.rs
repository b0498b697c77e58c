//! Results as files: the JSON of SPEC §4 and the CSV tables (RFC 4180, and German Excel).

use crate::engine::{
    DomainBands, DomainResults, FundingCosts, Percentiles, PlanningDomainFigures, PlanningYearResults, Results, ScenarioResults,
    UncertaintyResults,
};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
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
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &scenario.id)?;
        map.serialize_entry("name", &scenario.name)?;
        map.serialize_entry("persons", &FiniteJson(&scenario.persons))?;
        map.serialize_entry("cost_eur", &FiniteJson(&scenario.cost_eur))?;
        map.serialize_entry("cost_per_year", &CostPerYearJson(&scenario.cost_per_year))?;
        map.serialize_entry("cost_per_year_by_funding", &FundingCostsJson(&scenario.cost_per_year_by_funding))?;
        map.serialize_entry("budget_balance_per_year", &CostPerYearJson(&scenario.budget_balance_per_year))?;
        map.serialize_entry("domains", &DomainsJson(&scenario.domains))?;
        map.serialize_entry("regions", &RegionsJson(results, scenario))?;
        map.serialize_entry("planning_years", &PlanningYearsJson(results, &scenario.planning_years))?;
        if let Some(uncertainty) = &scenario.uncertainty {
            map.serialize_entry("uncertainty", &UncertaintyJson(uncertainty))?;
        }
        map.end()
    }
}

struct PlanningYearsJson<'a>(&'a Results, &'a [PlanningYearResults]);

impl Serialize for PlanningYearsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let PlanningYearsJson(results, years) = *self;
        let mut seq = serializer.serialize_seq(Some(years.len()))?;
        for year in years {
            let domains: serde_json::Map<String, Value> =
                year.domains.iter().map(|figures| (figures.id.clone(), planning_domain_json(results, figures))).collect();
            let mut entry = serde_json::Map::new();
            entry.insert("year".into(), year.span.name.clone().into());
            entry.insert("reference_month".into(), year.span.reference_month.to_string().into());
            entry.insert("domains".into(), Value::Object(domains));
            seq.serialize_element(&entry)?;
        }
        seq.end()
    }
}

/// One domain's figures at a reference month (SPEC §11); counts of groups as whole numbers.
fn planning_domain_json(results: &Results, figures: &PlanningDomainFigures) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("demand".into(), Value::from(finite(figures.demand)));
    map.insert("capacity".into(), Value::from(finite(figures.capacity)));
    map.insert("shortage".into(), Value::from(finite(figures.shortage)));
    if let Some(groups) = &figures.groups {
        map.insert("groups_needed".into(), whole(groups.groups_needed));
        map.insert("groups_missing".into(), whole(groups.groups_missing));
        map.insert("staff_needed".into(), Value::from(finite(groups.staff_needed)));
        map.insert("staff_missing".into(), Value::from(finite(groups.staff_missing)));
        map.insert("running_cost_missing_eur".into(), Value::from(finite(groups.running_cost_missing_eur)));
        let regions: serde_json::Map<String, Value> = groups
            .regions_missing()
            .filter_map(|(r, count)| results.region_ids.get(r).map(|id| (id.clone(), whole(count))))
            .collect();
        map.insert("regions_missing".into(), Value::Object(regions));
    }
    Value::Object(map)
}

/// A count of groups: a JSON integer while it is one exactly, else a plain number.
fn whole(count: f64) -> Value {
    let count = finite(count);
    if count.fract() == 0.0 && count.abs() < 9.007_199_254_740_992e15 { Value::from(count as i64) } else { Value::from(count) }
}

struct CostPerYearJson<'a>(&'a [(i32, f64)]);

impl Serialize for CostPerYearJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(year, eur)| (year.to_string(), finite(*eur))))
    }
}

/// A number that JSON can hold: SPEC §9 promises no `null`, `NaN` or `inf` in results. A valid
/// plan computes to finite numbers (the engine bounds every factor); this is the last guard.
pub fn finite(value: f64) -> f64 {
    if value.is_nan() { 0.0 } else { value.clamp(f64::MIN, f64::MAX) }
}

/// A curve written with every number made [`finite`].
struct FiniteJson<'a>(&'a [f64]);

impl Serialize for FiniteJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|v| finite(*v)))
    }
}

struct FundingCostsJson<'a>(&'a [(i32, FundingCosts)]);

impl Serialize for FundingCostsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (year, costs) in self.0 {
            let split = [("secured", costs.secured_eur), ("planned", costs.planned_eur), ("open", costs.open_eur)];
            let split: serde_json::Map<String, Value> =
                split.into_iter().map(|(word, eur)| (word.to_owned(), Value::from(finite(eur)))).collect();
            map.serialize_entry(&year.to_string(), &split)?;
        }
        map.end()
    }
}

struct UncertaintyJson<'a>(&'a UncertaintyResults);

impl Serialize for UncertaintyJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let u = self.0;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("runs", &u.runs)?;
        map.serialize_entry("seed", &u.seed)?;
        map.serialize_entry("domains", &BandsJson(&u.domains))?;
        map.end()
    }
}

struct BandsJson<'a>(&'a [DomainBands]);

impl Serialize for BandsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for band in self.0 {
            map.serialize_entry(&band.id, &BandJson(band))?;
        }
        map.end()
    }
}

struct BandJson<'a>(&'a DomainBands);

impl Serialize for BandJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let band = self.0;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("demand", &PercentilesJson(&band.demand))?;
        map.serialize_entry("shortage", &PercentilesJson(&band.shortage))?;
        map.serialize_entry("shortage_probability", &FiniteJson(&band.shortage_probability))?;
        map.serialize_entry("any_shortage_probability", &finite(band.any_shortage_probability))?;
        map.end()
    }
}

struct PercentilesJson<'a>(&'a Percentiles);

impl Serialize for PercentilesJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("p10", &FiniteJson(&self.0.p10))?;
        map.serialize_entry("p50", &FiniteJson(&self.0.p50))?;
        map.serialize_entry("p90", &FiniteJson(&self.0.p90))?;
        map.end()
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
        map.serialize_entry("demand", &FiniteJson(&d.demand))?;
        map.serialize_entry("capacity", &FiniteJson(&d.capacity))?;
        map.serialize_entry("shortage", &FiniteJson(&d.shortage))?;
        map.serialize_entry("first_shortage_month", &month_text(i.first_shortage_month))?;
        map.serialize_entry("peak_shortage", &finite(i.peak_shortage))?;
        map.serialize_entry("peak_shortage_month", &month_text(i.peak_shortage_month))?;
        map.serialize_entry("shortage_place_months", &finite(i.shortage_place_months))?;
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
        map.serialize_entry("persons", &FiniteJson(&self.scenario.region_persons(self.r)))?;
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

struct RegionDomainJson<'a> {
    demand: Vec<f64>,
    capacity: &'a [f64],
}

impl Serialize for RegionDomainJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("demand", &FiniteJson(&self.demand))?;
        map.serialize_entry("capacity", &FiniteJson(self.capacity))?;
        map.end()
    }
}

/// Writes the CSV table `scenario,region,domain,month,demand,capacity,gap`: per scenario first
/// the state-wide rows (region `*`, gap = −shortage), then each region in plan order.
pub fn write_results_csv(results: &Results, dialect: CsvDialect, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut stream = ResultsCsvStream::begin(results, dialect, out)?;
    for scenario in &results.scenarios {
        stream.scenario(results, scenario)?;
    }
    stream.end()
}

/// The CSV table written one scenario at a time, so that a large plan never holds the results of
/// all scenarios (SPEC §9).
pub struct ResultsCsvStream<W: std::io::Write> {
    writer: csv::Writer<W>,
    dialect: CsvDialect,
    months: Vec<String>,
}

impl<W: std::io::Write> ResultsCsvStream<W> {
    /// Writes the byte-order mark (German dialect) and the header row.
    pub fn begin(frame: &Results, dialect: CsvDialect, mut out: W) -> std::io::Result<Self> {
        if dialect == CsvDialect::German {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let delimiter = if dialect == CsvDialect::German { b';' } else { b',' };
        let mut writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(out);
        writer.write_record(["scenario", "region", "domain", "month", "demand", "capacity", "gap"])?;
        Ok(ResultsCsvStream { writer, dialect, months: frame.months.iter().map(|m| m.to_string()).collect() })
    }

    /// Writes the rows of one scenario: state-wide first, then each region in plan order. Ids are
    /// written as [`spreadsheet_text`], numbers as numbers.
    pub fn scenario(&mut self, frame: &Results, scenario: &ScenarioResults) -> std::io::Result<()> {
        let dialect = self.dialect;
        let number = |value: f64| format_csv_number(value, dialect);
        let months = &self.months;
        let writer = &mut self.writer;
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
            for (d, (domain_id, figures)) in frame.domain_ids.iter().zip(&region.domains).enumerate() {
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
        Ok(())
    }

    /// Flushes the table.
    pub fn end(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

/// The JSON results document written one scenario at a time (the same bytes as [`ResultsJson`]),
/// so that a large plan never holds the results of all scenarios (SPEC §9).
pub struct ResultsJsonStream<W: std::io::Write> {
    out: W,
    first: bool,
}

impl<W: std::io::Write> ResultsJsonStream<W> {
    /// Writes everything before the first scenario.
    pub fn begin(frame: &Results, mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\"format\":\"integrationsplan-results\",\"version\":1,\"title\":")?;
        serde_json::to_writer(&mut out, &frame.title)?;
        out.write_all(b",\"months\":")?;
        serde_json::to_writer(&mut out, &MonthsJson(&frame.months))?;
        out.write_all(b",\"scenarios\":[")?;
        Ok(ResultsJsonStream { out, first: true })
    }

    /// Writes one scenario.
    pub fn scenario(&mut self, frame: &Results, scenario: &ScenarioResults) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.out, &ScenarioJson(frame, scenario))?;
        Ok(())
    }

    /// Closes the document with a final newline.
    pub fn end(mut self) -> std::io::Result<()> {
        self.out.write_all(b"]}\n")?;
        self.out.flush()
    }
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
    let text = format!("{}", finite(value) + 0.0);
    match dialect {
        CsvDialect::Standard => text,
        CsvDialect::German => text.replace('.', ","),
    }
}
