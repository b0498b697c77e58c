//! Results as files: the JSON of SPEC §4 and the CSV tables (RFC 4180, and German Excel).

use crate::engine::Results;
use serde_json::{Map, Value, json};

/// Which CSV dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180: `,` separator, dot decimals.
    Standard,
    /// German Excel: `;` separator, decimal comma, UTF-8 byte-order mark.
    German,
}

/// The results document of `simulate --format json`.
pub fn results_to_json(results: &Results) -> Value {
    let months: Vec<String> = results.months.iter().map(|m| m.to_string()).collect();
    let scenarios: Vec<Value> = results
        .scenarios
        .iter()
        .map(|scenario| {
            let cost_per_year: Map<String, Value> =
                scenario.cost_per_year.iter().map(|(year, eur)| (year.to_string(), json!(eur))).collect();
            let domains: Map<String, Value> = scenario
                .domains
                .iter()
                .map(|d| {
                    let i = &d.indicators;
                    (
                        d.id.clone(),
                        json!({
                            "demand": d.demand, "capacity": d.capacity, "shortage": d.shortage,
                            "first_shortage_month": i.first_shortage_month.map(|m| m.to_string()),
                            "peak_shortage": i.peak_shortage,
                            "peak_shortage_month": i.peak_shortage_month.map(|m| m.to_string()),
                            "shortage_place_months": i.shortage_place_months,
                        }),
                    )
                })
                .collect();
            let regions: Map<String, Value> = scenario
                .regions
                .iter()
                .enumerate()
                .map(|(r, region)| {
                    let region_domains: Map<String, Value> = results
                        .domain_ids
                        .iter()
                        .zip(&region.domains)
                        .enumerate()
                        .map(|(d, (id, figures))| {
                            (id.clone(), json!({ "demand": scenario.region_demand(r, d), "capacity": figures.capacity }))
                        })
                        .collect();
                    (region.id.clone(), json!({ "persons": scenario.region_persons(r), "domains": region_domains }))
                })
                .collect();
            json!({
                "id": scenario.id, "name": scenario.name, "persons": scenario.persons,
                "cost_eur": scenario.cost_eur, "cost_per_year": cost_per_year,
                "domains": domains, "regions": regions,
            })
        })
        .collect();
    json!({
        "format": "integrationsplan-results", "version": 1, "title": results.title,
        "months": months, "scenarios": scenarios,
    })
}

/// Writes the CSV table `scenario,region,domain,month,demand,capacity,gap`: per scenario first
/// the state-wide rows (region `*`, gap = −shortage), then each region in plan order.
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
        for domain in &scenario.domains {
            for (t, month) in months.iter().enumerate() {
                let (demand, capacity, shortage) = (
                    domain.demand.get(t).copied().unwrap_or(0.0),
                    domain.capacity.get(t).copied().unwrap_or(0.0),
                    domain.shortage.get(t).copied().unwrap_or(0.0),
                );
                writer.write_record([
                    &scenario.id,
                    "*",
                    &domain.id,
                    month,
                    &number(demand),
                    &number(capacity),
                    &number(-shortage),
                ])?;
            }
        }
        for (r, region) in scenario.regions.iter().enumerate() {
            for (d, (domain_id, figures)) in results.domain_ids.iter().zip(&region.domains).enumerate() {
                let region_demand = scenario.region_demand(r, d);
                for (t, month) in months.iter().enumerate() {
                    let demand = region_demand.get(t).copied().unwrap_or(0.0);
                    let capacity = figures.capacity.get(t).copied().unwrap_or(0.0);
                    writer.write_record([
                        &scenario.id,
                        &region.id,
                        domain_id,
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

/// A number for CSV: shortest exact decimal, never `-0`, with a comma in the German dialect.
pub fn format_csv_number(value: f64, dialect: CsvDialect) -> String {
    let text = format!("{}", value + 0.0);
    match dialect {
        CsvDialect::Standard => text,
        CsvDialect::German => text.replace('.', ","),
    }
}
