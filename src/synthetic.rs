//! Synthetic plans of any size, for benchmarks and limit tests.
//!
//! Plans are built from real districts (population and area) when given, split into parts when
//! more regions are asked for, and filled with deterministic measures and scenarios, so that a
//! benchmark or a memory measurement can be repeated exactly.

use crate::model::{ArrivalStep, Distribution, Domain, Extra, Funding, Horizon, Measure, Meta, Month, Plan, Region, Scenario};

/// The districts file of Destatis (2018) shipped for benchmarks and tests.
pub const DISTRICTS_DE_2018_CSV: &str = include_str!("../tests/data/districts-de-2018.csv");

/// How big a synthetic plan is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanSize {
    /// Number of regions.
    pub regions: usize,
    /// Months of the horizon.
    pub months: u32,
    /// Number of scenarios.
    pub scenarios: usize,
    /// Number of domains (at most 32).
    pub domains: usize,
    /// Number of measures.
    pub measures: usize,
    /// Share of the measures that are state-wide (0–1).
    pub statewide_share: f64,
}

/// A district with its population and area.
#[derive(Debug, Clone, PartialEq)]
pub struct District {
    /// Name.
    pub name: String,
    /// Inhabitants.
    pub population: f64,
    /// Area in km².
    pub area_km2: f64,
}

/// Reads a Destatis-style districts file (`;`-separated, columns `name`, `area_km2`,
/// `population`); rows that do not parse are skipped.
pub fn districts_from_csv(text: &str) -> Vec<District> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(';').collect();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(name), Some(area), Some(population)) = (column("name"), column("area_km2"), column("population")) else {
        return Vec::new();
    };
    lines
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            Some(District {
                name: (*fields.get(name)?).to_owned(),
                population: fields.get(population)?.trim().parse().ok()?,
                area_km2: fields.get(area)?.trim().parse().ok()?,
            })
        })
        .collect()
}

/// The 401 German districts of 2018.
pub fn german_districts() -> Vec<District> {
    districts_from_csv(DISTRICTS_DE_2018_CSV)
}

/// A deterministic pseudo-random sequence (SplitMix64), so generated plans are reproducible.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// A number in `[low, high)`.
    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Id, name, unit, rates by age band and persons per unit of a domain.
type DomainTemplate = (&'static str, &'static str, &'static str, &'static [(&'static str, f64)], f64);

/// The four domains of the sample plan, then numbered extra ones.
fn domains(count: usize) -> Vec<Domain> {
    let known: [DomainTemplate; 4] = [
        ("kita", "Kita", "Plätze", &[("1-1", 0.28), ("2-2", 0.63), ("3-5", 0.9)], 1.0),
        ("school", "Schule", "Plätze", &[("6-17", 1.0)], 1.0),
        ("housing", "Wohnen", "Wohnungen", &[("0+", 1.0)], 3.0),
        ("language", "Sprachkurse", "Plätze", &[("18+", 0.6)], 1.0),
    ];
    (0..count.min(crate::validate::MAX_DOMAINS))
        .map(|d| {
            let (id, name, unit, rates, per_unit) = known.get(d).copied().unwrap_or(("", "", "Plätze", &[("0+", 0.1)], 1.0));
            let (id, name) =
                if id.is_empty() { (format!("domain-{d}"), format!("Bereich {d}")) } else { (id.to_owned(), name.to_owned()) };
            Domain {
                id,
                name,
                unit: unit.to_owned(),
                rates: rates.iter().map(|(band, rate)| ((*band).to_owned(), *rate)).collect(),
                persons_per_unit: per_unit,
                months_since_arrival: None,
                planning: None,
                extra: Extra::new(),
            }
        })
        .collect()
}

/// `count` regions from `districts`, each district split into equal parts when more are needed.
fn regions(count: usize, districts: &[District], domains: &[Domain], seq: &mut Sequence) -> Vec<Region> {
    let parts_per_district = if districts.is_empty() { 1 } else { count.div_ceil(districts.len()).max(1) };
    (0..count)
        .map(|r| {
            let (name, population, area) = match districts.get(r / parts_per_district) {
                Some(d) if parts_per_district > 1 => (
                    format!("{} (Teil {})", d.name, r % parts_per_district + 1),
                    (d.population / parts_per_district as f64).round(),
                    d.area_km2 / parts_per_district as f64,
                ),
                Some(d) => (d.name.clone(), d.population, d.area_km2),
                None => (format!("Region {r}"), seq.between(5_000.0, 500_000.0).round(), seq.between(10.0, 1_500.0)),
            };
            let capacity = domains.iter().map(|d| (d.id.clone(), (population * seq.between(0.0002, 0.002)).round())).collect();
            Region { id: format!("r{r}"), name, population, area_km2: area, capacity, location: None, extra: Extra::new() }
        })
        .collect()
}

/// A synthetic plan of `size`, with regions taken from `districts` (numbered ones when empty).
pub fn plan(size: PlanSize, districts: &[District]) -> Plan {
    let mut seq = Sequence(0x1E67_2025);
    let start = Month::new(2025, 1).unwrap_or_else(|| unreachable!("2025-01 is a month"));
    let months = size.months.max(1);
    let domains = domains(size.domains.max(1));
    let regions = regions(size.regions.max(1), districts, &domains, &mut seq);
    let statewide = (size.measures as f64 * size.statewide_share.clamp(0.0, 1.0)).round() as usize;
    let measures: Vec<Measure> = (0..size.measures)
        .map(|m| {
            let domain = &domains[m % domains.len()];
            let region = (m >= statewide).then(|| regions[seq.below(regions.len())].id.clone());
            let measure_start = start.plus(seq.below(months as usize) as i32 - 6);
            let closing = m % 17 == 0;
            Measure {
                id: format!("m{m}"),
                name: format!("Maßnahme {m}"),
                domain: domain.id.clone(),
                region,
                places: if closing { -seq.between(10.0, 200.0).round() } else { seq.between(10.0, 500.0).round() },
                start: measure_start,
                end: (m % 3 == 0).then(|| measure_start.plus(12 + seq.below(48) as i32)),
                ramp_months: (m % 7) as u32,
                cost_once_eur: seq.between(0.0, 2.0e6).round(),
                cost_per_year_eur: seq.between(0.0, 1.0e6).round(),
                funding: Funding::ALL[m % 3],
                notes: String::new(),
                extra: Extra::new(),
            }
        })
        .collect();
    let scenarios = (0..size.scenarios.max(1))
        .map(|s| Scenario {
            id: format!("s{s}"),
            name: format!("Szenario {s}"),
            arrivals: (0..3)
                .map(|k| ArrivalStep {
                    from: start.plus(k * 12),
                    per_month: seq.between(1_000.0, 20_000.0).round(),
                    extra: Extra::new(),
                })
                .collect(),
            arrival_factor: 0.5 + s as f64 * 0.25,
            age_distribution: vec![("0-2".into(), 0.08), ("3-5".into(), 0.07), ("6-17".into(), 0.2), ("18+".into(), 0.65)],
            leave_rate_per_year: 0.02 * (s % 5) as f64,
            funding_included: Funding::ALL[..=s % 3].to_vec(),
            measures_off: (0..size.measures.min(3)).map(|m| format!("m{}", (m * 7 + s) % size.measures)).collect(),
            color: None,
            uncertainty: None,
            extra: Extra::new(),
        })
        .collect();
    Plan {
        meta: Meta {
            title: format!("Synthetisch: {} Regionen × {} Monate × {} Szenarien", regions.len(), months, size.scenarios),
            ..Meta::default()
        },
        horizon: Horizon { start, months, extra: Extra::new() },
        domains,
        regions,
        distribution: Distribution::default(),
        measures,
        scenarios,
        budget: Vec::new(),
        planning_year: None,
        extra: Extra::new(),
    }
}
