//! The rules of SPEC §2 that go beyond types: ranges, ids, references, sums.
//!
//! [`validate`] works on a typed [`Plan`], so the loader and the GUI share it: the loader
//! refuses a file with errors, the GUI marks the offending cell.

use crate::issue::{FieldPath, Issue, IssueKind, RegionTotal, index_path, key_path};
use crate::model::*;
use std::collections::{HashMap, HashSet};

/// Longest id allowed, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Most domains a plan may have.
pub const MAX_DOMAINS: usize = 32;
/// Most regions a plan may have.
pub const MAX_REGIONS: usize = 20_000;
/// Most measures a plan may have.
pub const MAX_MEASURES: usize = 100_000;
/// Most scenarios a plan may have.
pub const MAX_SCENARIOS: usize = 100;
/// Tolerance for an age distribution summing to 1.
pub const SHARE_SUM_TOLERANCE: f64 = 1e-6;
/// Largest model (regions × months × domains) one scenario may have (SPEC §9).
pub const MAX_MODEL_CELLS: u64 = 20_000_000;
/// Largest model over all scenarios (regions × months × domains × scenarios, SPEC §9).
pub const MAX_PLAN_CELLS: u64 = 200_000_000;
/// Largest absolute count of persons, places, area or arrivals (SPEC §9).
pub const MAX_COUNT: f64 = 1e12;
/// Largest amount of money in euro (SPEC §9).
pub const MAX_EUR: f64 = 1e15;
/// Largest staff per group in full-time equivalents (SPEC §11).
pub const MAX_STAFF_PER_GROUP: f64 = 1e6;
/// Largest arrival factor (SPEC §9).
pub const MAX_ARRIVAL_FACTOR: f64 = 1000.0;

/// Every rule violation of `plan`, in document order.
pub fn validate(plan: &Plan) -> Vec<Issue> {
    let mut issues = Vec::new();
    let domain_ids = check_ids(plan.domains.iter().map(|d| d.id.as_str()), "domains", &mut issues);
    let region_ids = check_ids(plan.regions.iter().map(|r| r.id.as_str()), "regions", &mut issues);
    let measure_ids = check_ids(plan.measures.iter().map(|m| m.id.as_str()), "measures", &mut issues);
    check_ids(plan.scenarios.iter().map(|s| s.id.as_str()), "scenarios", &mut issues);

    check_count(plan.domains.len(), 0, MAX_DOMAINS, "domains", &mut issues);
    for (index, domain) in plan.domains.iter().enumerate() {
        check_domain(domain, &index_path("domains", index), &mut issues);
    }
    check_count(plan.regions.len(), 1, MAX_REGIONS, "regions", &mut issues);
    for (index, region) in plan.regions.iter().enumerate() {
        check_region(region, &index_path("regions", index), &domain_ids, &mut issues);
    }
    check_distribution(plan, &region_ids, &mut issues);
    check_count(plan.measures.len(), 0, MAX_MEASURES, "measures", &mut issues);
    for (index, measure) in plan.measures.iter().enumerate() {
        check_measure(measure, &index_path("measures", index), &domain_ids, &region_ids, &mut issues);
    }
    check_count(plan.scenarios.len(), 1, MAX_SCENARIOS, "scenarios", &mut issues);
    for (index, scenario) in plan.scenarios.iter().enumerate() {
        check_scenario(scenario, &index_path("scenarios", index), &measure_ids, &mut issues);
    }
    check_model_size(plan, &mut issues);
    let mut years = HashSet::new();
    for (index, entry) in plan.budget.iter().enumerate() {
        let path = index_path("budget", index);
        non_negative(entry.eur, FieldPath::Field(&path, "eur"), &mut issues);
        at_most(entry.eur, MAX_EUR, FieldPath::Field(&path, "eur"), &mut issues);
        if !years.insert(entry.year) {
            issues.push(Issue::error(key_path(&path, "year"), IssueKind::DuplicateBudgetYear { year: entry.year }));
        }
    }
    issues
}

/// Checks id form and uniqueness; returns the set of ids.
fn check_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str, issues: &mut Vec<Issue>) -> HashSet<&'a str> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, id) in ids.enumerate() {
        let path = key_path(&index_path(list, index), "id");
        if id.is_empty() {
            issues.push(Issue::error(path, IssueKind::IdEmpty));
        } else if id.chars().count() > MAX_ID_CHARS {
            issues.push(Issue::error(path, IssueKind::IdTooLong { chars: id.chars().count() }));
        } else if let Some(first) = seen.get(id) {
            issues.push(Issue::error(path, IssueKind::DuplicateId { id: id.to_owned(), list: list.to_owned(), first: *first }));
        } else {
            seen.insert(id, index);
        }
    }
    seen.into_keys().collect()
}

fn check_count(count: usize, min: usize, max: usize, list: &str, issues: &mut Vec<Issue>) {
    if count < min {
        issues.push(Issue::error(list, IssueKind::TooFew { count, min }));
    } else if count > max {
        issues.push(Issue::error(list, IssueKind::TooMany { count, max }));
    }
}

fn non_negative<'p>(value: f64, path: impl Into<FieldPath<'p>>, issues: &mut Vec<Issue>) {
    if value < 0.0 {
        issues.push(Issue::error(path.into().text(), IssueKind::Negative { value }));
    }
}

/// Refuses `|value| > max` (SPEC §9: every valid plan must compute to finite numbers).
fn within<'p>(value: f64, max: f64, path: impl Into<FieldPath<'p>>, issues: &mut Vec<Issue>) {
    if value.abs() > max {
        issues.push(Issue::error(path.into().text(), IssueKind::TooLargeMagnitude { value, max }));
    }
}

/// Refuses `value > max` (SPEC §9).
fn at_most<'p>(value: f64, max: f64, path: impl Into<FieldPath<'p>>, issues: &mut Vec<Issue>) {
    if value > max {
        issues.push(Issue::error(path.into().text(), IssueKind::TooLarge { value, max }));
    }
}

/// SPEC §9: regions × months × domains at most [`MAX_MODEL_CELLS`], times scenarios at most
/// [`MAX_PLAN_CELLS`], so that every valid plan simulates in bounded memory and time.
fn check_model_size(plan: &Plan, issues: &mut Vec<Issue>) {
    let cells = plan.regions.len() as u64 * u64::from(plan.horizon.months) * plan.domains.len() as u64;
    let (regions, months, domains) = (plan.regions.len(), plan.horizon.months, plan.domains.len());
    if cells > MAX_MODEL_CELLS {
        let kind = IssueKind::ModelTooLarge { regions, months, domains, scenarios: None, cells, limit: MAX_MODEL_CELLS };
        issues.push(Issue::error("", kind));
    }
    let all = cells.saturating_mul(plan.scenarios.len() as u64);
    if all > MAX_PLAN_CELLS {
        let scenarios = Some(plan.scenarios.len());
        let kind = IssueKind::ModelTooLarge { regions, months, domains, scenarios, cells: all, limit: MAX_PLAN_CELLS };
        issues.push(Issue::error("", kind));
    }
}

fn check_domain(domain: &Domain, path: &str, issues: &mut Vec<Issue>) {
    let rates_path = key_path(path, "rates");
    let mut covered: [Option<&str>; COHORTS] = [None; COHORTS];
    for (band_text, rate) in &domain.rates {
        let band_path = key_path(&rates_path, band_text);
        if !(0.0..=1.0).contains(rate) {
            issues.push(Issue::error(&band_path, IssueKind::RateOutOfRange { value: *rate }));
        }
        match AgeBand::parse(band_text, BandUse::Rates) {
            Ok(band) => {
                if let Some(other) = band.cohorts().find_map(|c| covered.get(c).copied().flatten()) {
                    issues
                        .push(Issue::error(&band_path, IssueKind::BandOverlap { other: other.to_owned(), distribution: false }));
                }
                for c in band.cohorts() {
                    if let Some(slot) = covered.get_mut(c) {
                        slot.get_or_insert(band_text);
                    }
                }
            }
            Err(_) => issues.push(Issue::error(&band_path, IssueKind::NotAnAgeBand { text: band_text.clone(), rates: true })),
        }
    }
    if domain.persons_per_unit <= 0.0 {
        issues.push(Issue::error(key_path(path, "persons_per_unit"), IssueKind::NotPositive { value: domain.persons_per_unit }));
    }
    if let Some(window) = &domain.months_since_arrival
        && let Some(to) = window.to
        && to <= window.from
    {
        let to_path = key_path(&key_path(path, "months_since_arrival"), "to");
        issues.push(Issue::error(to_path, IssueKind::WindowEndNotAfterStart { from: window.from, to }));
    }
    if let Some(planning) = &domain.planning {
        let planning_path = key_path(path, "planning");
        if planning.group_size <= 0.0 {
            let kind = IssueKind::NotPositive { value: planning.group_size };
            issues.push(Issue::error(key_path(&planning_path, "group_size"), kind));
        }
        at_most(planning.group_size, MAX_COUNT, FieldPath::Field(&planning_path, "group_size"), issues);
        non_negative(planning.staff_per_group, FieldPath::Field(&planning_path, "staff_per_group"), issues);
        at_most(planning.staff_per_group, MAX_STAFF_PER_GROUP, FieldPath::Field(&planning_path, "staff_per_group"), issues);
        let cost = planning.cost_per_group_per_year_eur;
        non_negative(cost, FieldPath::Field(&planning_path, "cost_per_group_per_year_eur"), issues);
        at_most(cost, MAX_EUR, FieldPath::Field(&planning_path, "cost_per_group_per_year_eur"), issues);
    }
}

fn check_region(region: &Region, path: &str, domain_ids: &HashSet<&str>, issues: &mut Vec<Issue>) {
    non_negative(region.population, FieldPath::Field(path, "population"), issues);
    within(region.population, MAX_COUNT, FieldPath::Field(path, "population"), issues);
    non_negative(region.area_km2, FieldPath::Field(path, "area_km2"), issues);
    within(region.area_km2, MAX_COUNT, FieldPath::Field(path, "area_km2"), issues);
    if let Some(location) = &region.location {
        let location_path = key_path(path, "location");
        if !(-90.0..=90.0).contains(&location.lat) {
            issues.push(Issue::error(key_path(&location_path, "lat"), IssueKind::LatitudeOutOfRange { value: location.lat }));
        }
        if !(-180.0..=180.0).contains(&location.lon) {
            issues.push(Issue::error(key_path(&location_path, "lon"), IssueKind::LongitudeOutOfRange { value: location.lon }));
        }
    }
    for (domain_id, places) in &region.capacity {
        within(*places, MAX_COUNT, FieldPath::Field(&key_path(path, "capacity"), domain_id), issues);
        if *places < 0.0 && places.abs() <= MAX_COUNT {
            issues.push(Issue::warning(
                key_path(&key_path(path, "capacity"), domain_id),
                IssueKind::NegativeCapacity { value: *places },
            ));
        }
        if !domain_ids.contains(domain_id.as_str()) {
            issues.push(Issue::error(
                key_path(&key_path(path, "capacity"), domain_id),
                IssueKind::UnknownDomain { id: domain_id.clone() },
            ));
        }
    }
}

fn check_distribution(plan: &Plan, region_ids: &HashSet<&str>, issues: &mut Vec<Issue>) {
    let path = "distribution";
    match &plan.distribution {
        Distribution::Weights { population_weight, area_weight, area_uplift_cap, .. } => {
            non_negative(*population_weight, "distribution.population_weight", issues);
            non_negative(*area_weight, "distribution.area_weight", issues);
            if *population_weight >= 0.0 && *area_weight >= 0.0 && population_weight + area_weight <= 0.0 {
                issues.push(Issue::error(path, IssueKind::WeightsSumZero));
            }
            let total_population: f64 = plan.regions.iter().map(|r| r.population).sum();
            let total_area: f64 = plan.regions.iter().map(|r| r.area_km2).sum();
            if *population_weight > 0.0 && total_population <= 0.0 {
                issues.push(Issue::error("distribution.population_weight", IssueKind::RegionTotalZero(RegionTotal::Population)));
            }
            if *area_weight > 0.0 && total_area <= 0.0 {
                issues.push(Issue::error("distribution.area_weight", IssueKind::RegionTotalZero(RegionTotal::Area)));
            }
            if let Some(cap) = area_uplift_cap {
                non_negative(*cap, "distribution.area_uplift_cap", issues);
                if total_population <= 0.0 {
                    issues.push(Issue::error(
                        "distribution.area_uplift_cap",
                        IssueKind::RegionTotalZero(RegionTotal::PopulationForCap),
                    ));
                }
            }
        }
        Distribution::Shares { shares, .. } => {
            let mut sum = 0.0;
            for (region_id, share) in shares {
                let share_path = key_path("distribution.shares", region_id);
                non_negative(*share, &share_path, issues);
                sum += share.max(0.0);
                if !region_ids.contains(region_id.as_str()) {
                    issues.push(Issue::error(
                        share_path,
                        IssueKind::UnknownRegion { id: region_id.clone(), statewide_allowed: false },
                    ));
                }
            }
            if sum <= 0.0 {
                issues.push(Issue::error("distribution.shares", IssueKind::DistributionSharesZero));
            }
        }
    }
}

fn check_measure(measure: &Measure, path: &str, domain_ids: &HashSet<&str>, region_ids: &HashSet<&str>, issues: &mut Vec<Issue>) {
    if !domain_ids.contains(measure.domain.as_str()) {
        issues.push(Issue::error(key_path(path, "domain"), IssueKind::UnknownDomain { id: measure.domain.clone() }));
    }
    if let Some(region) = &measure.region
        && !region_ids.contains(region.as_str())
    {
        issues.push(Issue::error(
            key_path(path, "region"),
            IssueKind::UnknownRegion { id: region.clone(), statewide_allowed: true },
        ));
    }
    if let Some(end) = measure.end
        && end < measure.start
    {
        issues.push(Issue::error(
            key_path(path, "end"),
            IssueKind::EndBeforeStart { end: end.to_string(), start: measure.start.to_string() },
        ));
    }
    within(measure.places, MAX_COUNT, FieldPath::Field(path, "places"), issues);
    non_negative(measure.cost_once_eur, FieldPath::Field(path, "cost_once_eur"), issues);
    at_most(measure.cost_once_eur, MAX_EUR, FieldPath::Field(path, "cost_once_eur"), issues);
    non_negative(measure.cost_per_year_eur, FieldPath::Field(path, "cost_per_year_eur"), issues);
    at_most(measure.cost_per_year_eur, MAX_EUR, FieldPath::Field(path, "cost_per_year_eur"), issues);
}

fn check_scenario(scenario: &Scenario, path: &str, measure_ids: &HashSet<&str>, issues: &mut Vec<Issue>) {
    let mut froms = HashMap::new();
    for (index, step) in scenario.arrivals.iter().enumerate() {
        let step_path = index_path(&key_path(path, "arrivals"), index);
        non_negative(step.per_month, FieldPath::Field(&step_path, "per_month"), issues);
        within(step.per_month, MAX_COUNT, FieldPath::Field(&step_path, "per_month"), issues);
        if let Some(first) = froms.insert(step.from, index) {
            issues.push(Issue::error(
                key_path(&step_path, "from"),
                IssueKind::DuplicateArrivalMonth { month: step.from.to_string(), first },
            ));
        }
    }
    non_negative(scenario.arrival_factor, FieldPath::Field(path, "arrival_factor"), issues);
    at_most(scenario.arrival_factor, MAX_ARRIVAL_FACTOR, FieldPath::Field(path, "arrival_factor"), issues);
    if let Some(uncertainty) = &scenario.uncertainty {
        check_uncertainty(scenario, uncertainty, &key_path(path, "uncertainty"), issues);
    }
    check_age_distribution(&scenario.age_distribution, &key_path(path, "age_distribution"), issues);
    if !(0.0..1.0).contains(&scenario.leave_rate_per_year) {
        issues.push(Issue::error(
            key_path(path, "leave_rate_per_year"),
            IssueKind::LeaveRateOutOfRange { value: scenario.leave_rate_per_year },
        ));
    }
    for (index, id) in scenario.measures_off.iter().enumerate() {
        if !measure_ids.contains(id.as_str()) {
            issues.push(Issue::error(
                index_path(&key_path(path, "measures_off"), index),
                IssueKind::UnknownMeasure { id: id.clone() },
            ));
        }
    }
    if let Some(color) = &scenario.color
        && parse_hex_color(color).is_none()
    {
        issues.push(Issue::error(key_path(path, "color"), IssueKind::NotAColour { text: color.clone() }));
    }
}

/// SPEC §5: `low ≤` the scenario's own value `≤ high`; factors ≥ 0 and at most 1 000; rates in [0, 1).
fn check_uncertainty(scenario: &Scenario, uncertainty: &Uncertainty, path: &str, issues: &mut Vec<Issue>) {
    let entries = [
        ("arrival_factor", &uncertainty.arrival_factor, scenario.arrival_factor),
        ("leave_rate_per_year", &uncertainty.leave_rate_per_year, scenario.leave_rate_per_year),
    ];
    for (key, range, value) in entries {
        let Some(range) = range else { continue };
        let range_path = key_path(path, key);
        let low_path = key_path(&range_path, "low");
        let high_path = key_path(&range_path, "high");
        non_negative(range.low, &low_path, issues);
        if key == "arrival_factor" {
            at_most(range.high, MAX_ARRIVAL_FACTOR, &high_path, issues);
        } else if range.high >= 1.0 {
            issues.push(Issue::error(&high_path, IssueKind::RateNotBelowOne { value: range.high }));
        }
        if range.low > value {
            issues.push(Issue::error(&low_path, IssueKind::LowAboveValue { low: range.low, key: key.to_owned(), value }));
        }
        if range.high < value {
            issues.push(Issue::error(&high_path, IssueKind::HighBelowValue { high: range.high, key: key.to_owned(), value }));
        }
    }
}

fn check_age_distribution(bands: &[(String, f64)], path: &str, issues: &mut Vec<Issue>) {
    let mut covered: [Option<&str>; COHORTS] = [None; COHORTS];
    let mut all_bands_valid = true;
    let mut sum = 0.0;
    for (band_text, share) in bands {
        let band_path = key_path(path, band_text);
        non_negative(*share, &band_path, issues);
        sum += share;
        match AgeBand::parse(band_text, BandUse::AgeDistribution) {
            Ok(band) => {
                if let Some(other) = band.cohorts().find_map(|c| covered.get(c).copied().flatten()) {
                    issues.push(Issue::error(&band_path, IssueKind::BandOverlap { other: other.to_owned(), distribution: true }));
                }
                for c in band.cohorts() {
                    if let Some(slot) = covered.get_mut(c) {
                        slot.get_or_insert(band_text);
                    }
                }
            }
            Err(_) => {
                all_bands_valid = false;
                issues.push(Issue::error(&band_path, IssueKind::NotAnAgeBand { text: band_text.clone(), rates: false }));
            }
        }
    }
    let missing: Vec<String> = (0..COHORTS).filter(|c| covered.get(*c).copied().flatten().is_none()).map(cohort_name).collect();
    if all_bands_valid && !missing.is_empty() {
        issues.push(Issue::error(path, IssueKind::AgesNotCovered { ages: missing }));
    }
    if (sum - 1.0).abs() > SHARE_SUM_TOLERANCE {
        issues.push(Issue::error(path, IssueKind::AgeSharesSum { sum }));
    }
}

/// Parses `"#rrggbb"` into its red, green and blue bytes.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    Some([byte(0)?, byte(2)?, byte(4)?])
}
