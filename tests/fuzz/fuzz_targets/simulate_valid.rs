//! Structure-aware: plans built from arbitrary parts (mostly valid, with numbers anywhere from
//! tiny to the limits of SPEC §9 and beyond), loaded, and every plan that loads is simulated.
//! Nothing may panic; the results JSON never holds a non-finite number (serde_json writes those
//! as `null`, which only month fields may be; the writer's guard writes ±f64::MAX for ±inf) and
//! its size is linear in the plan's size.
#![no_main]

use arbitrary::Arbitrary;
use integrationsplan::io::{ResultsJson, load_str};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

/// A number: small whole ones, fractions, limits and anything an f64 can be.
#[derive(Debug, Arbitrary)]
enum Num {
    Small(u16),
    Unit(u8),
    Edge(u8),
    Raw(f64),
}

impl Num {
    fn value(&self) -> f64 {
        const EDGES: [f64; 12] = [0.0, -0.0, 1e12, -1e12, 1e15, 1000.0, 1e-300, 5e-324, 0.999_999_999, 1e300, 1e12 + 1.0, 1200.0];
        match self {
            Num::Small(n) => f64::from(*n),
            Num::Unit(u) => f64::from(*u) / 255.0,
            Num::Edge(i) => EDGES[usize::from(*i) % EDGES.len()],
            Num::Raw(x) => *x,
        }
    }

    fn json(&self) -> Value {
        json!(self.value())
    }
}

#[derive(Debug, Arbitrary)]
struct Domain {
    rates: Vec<(u8, u8, Num)>,
    persons_per_unit: Option<Num>,
}

#[derive(Debug, Arbitrary)]
struct Region {
    population: Num,
    area_km2: Num,
    capacity: Vec<Num>,
}

#[derive(Debug, Arbitrary)]
struct Measure {
    domain: u8,
    region: Option<u8>,
    places: Num,
    start: u16,
    length: Option<u16>,
    ramp_months: u16,
    cost_once_eur: Num,
    cost_per_year_eur: Num,
    funding: u8,
}

#[derive(Debug, Arbitrary)]
struct Scenario {
    arrivals: Vec<(u16, Num)>,
    arrival_factor: Option<Num>,
    cuts: Vec<u8>,
    shares: Vec<u8>,
    leave_rate_per_year: Option<Num>,
    funding_included: u8,
    measures_off: Vec<u8>,
    uncertainty: Option<(Num, Num, Num, Num)>,
}

#[derive(Debug, Arbitrary)]
struct Plan {
    start_year: u16,
    start_month: u8,
    months: u8,
    domains: Vec<Domain>,
    regions: Vec<Region>,
    shares: Option<Vec<Num>>,
    weights: (Num, Num, Option<Num>),
    measures: Vec<Measure>,
    scenarios: Vec<Scenario>,
    budget: Vec<(u16, Num)>,
}

const FUNDING: [&str; 3] = ["secured", "planned", "open"];

/// The month `offset` months after the horizon's start, kept within 1900–2200.
fn month(base: i32, offset: i32) -> String {
    let index = (base + offset).clamp(1900 * 12, 2200 * 12 + 11);
    format!("{:04}-{:02}", index / 12, index % 12 + 1)
}

/// An age distribution that covers every age once: bands cut at `cuts`, shares normalised.
fn age_distribution(cuts: &[u8], shares: &[u8]) -> Value {
    let mut points: Vec<u8> = cuts.iter().map(|c| c % 18).filter(|c| *c > 0).collect();
    points.sort_unstable();
    points.dedup();
    let mut bands = Vec::new();
    let mut from = 0u8;
    for point in points.into_iter().chain([18]) {
        bands.push(format!("{from}-{}", point - 1));
        from = point;
    }
    bands.push("18+".to_owned());
    let weights: Vec<f64> = (0..bands.len()).map(|i| f64::from(shares.get(i).copied().unwrap_or(1))).collect();
    let total: f64 = weights.iter().sum();
    let mut map = Map::new();
    for (band, weight) in bands.into_iter().zip(weights) {
        let share = if total > 0.0 { weight / total } else { 0.0 };
        map.insert(band, json!(share));
    }
    Value::Object(map)
}

fn build(plan: &Plan) -> (Value, usize, usize, usize, usize) {
    let months = 1 + usize::from(plan.months) % 240;
    let start_year = 1900 + i32::from(plan.start_year % 301);
    let base = start_year * 12 + i32::from(plan.start_month % 12);
    let domains: Vec<Value> = plan
        .domains
        .iter()
        .take(4)
        .enumerate()
        .map(|(d, domain)| {
            let mut rates = Map::new();
            for (a, b, rate) in domain.rates.iter().take(4) {
                let (a, b) = (a % 18, b % 19);
                let band = if b >= 18 { format!("{a}+") } else { format!("{a}-{}", b.max(a)) };
                rates.insert(band, json!(rate.value().abs().fract()));
            }
            let mut value = json!({ "id": format!("d{d}"), "name": "D", "rates": rates });
            if let Some(ppu) = &domain.persons_per_unit {
                value["persons_per_unit"] = ppu.json();
            }
            value
        })
        .collect();
    let domain_count = domains.len();
    let regions: Vec<Value> = plan
        .regions
        .iter()
        .take(8)
        .enumerate()
        .map(|(r, region)| {
            let capacity: Map<String, Value> =
                region.capacity.iter().take(domain_count).enumerate().map(|(d, c)| (format!("d{d}"), c.json())).collect();
            json!({ "id": format!("r{r}"), "name": "R", "population": region.population.json(),
                    "area_km2": region.area_km2.json(), "capacity": capacity })
        })
        .collect();
    let region_count = regions.len().max(1);
    let distribution = match &plan.shares {
        Some(shares) => {
            let map: Map<String, Value> = shares.iter().take(region_count).enumerate().map(|(r, s)| (format!("r{r}"), s.json())).collect();
            json!({ "shares": map })
        }
        None => {
            let (wp, wa, cap) = &plan.weights;
            json!({ "population_weight": wp.json(), "area_weight": wa.json(), "area_uplift_cap": cap.as_ref().map(Num::json) })
        }
    };
    let measures: Vec<Value> = plan
        .measures
        .iter()
        .take(16)
        .enumerate()
        .map(|(m, measure)| {
            let start = i32::from(measure.start % 400) - 100;
            json!({
                "id": format!("m{m}"), "name": "M",
                "domain": format!("d{}", usize::from(measure.domain) % domain_count.max(1)),
                "region": measure.region.map(|r| format!("r{}", usize::from(r) % region_count)),
                "places": measure.places.json(), "start": month(base, start),
                "end": measure.length.map(|l| month(base, start + i32::from(l % 300))),
                "ramp_months": measure.ramp_months % 1300,
                "cost_once_eur": measure.cost_once_eur.json(), "cost_per_year_eur": measure.cost_per_year_eur.json(),
                "funding": FUNDING[usize::from(measure.funding) % 3],
            })
        })
        .collect();
    let measure_count = measures.len();
    let scenarios: Vec<Value> = plan
        .scenarios
        .iter()
        .take(3)
        .enumerate()
        .map(|(s, scenario)| {
            let arrivals: Vec<Value> = scenario
                .arrivals
                .iter()
                .take(6)
                .map(|(offset, per_month)| json!({ "from": month(base, i32::from(*offset % 300) - 20), "per_month": per_month.json() }))
                .collect();
            let funding: Vec<&str> =
                FUNDING.iter().enumerate().filter(|(i, _)| scenario.funding_included & (1 << i) != 0).map(|(_, f)| *f).collect();
            let off: Vec<String> = if measure_count == 0 {
                Vec::new()
            } else {
                scenario.measures_off.iter().take(8).map(|m| format!("m{}", usize::from(*m) % measure_count)).collect()
            };
            let mut value = json!({
                "id": format!("s{s}"), "name": "S", "arrivals": arrivals,
                "age_distribution": age_distribution(&scenario.cuts, &scenario.shares),
                "funding_included": funding, "measures_off": off,
            });
            if let Some(factor) = &scenario.arrival_factor {
                value["arrival_factor"] = factor.json();
            }
            if let Some(rate) = &scenario.leave_rate_per_year {
                value["leave_rate_per_year"] = json!(rate.value().abs().fract());
            }
            if let Some((fl, fh, ll, lh)) = &scenario.uncertainty {
                value["uncertainty"] = json!({ "arrival_factor": { "low": fl.json(), "high": fh.json() },
                    "leave_rate_per_year": { "low": ll.json(), "high": lh.json() } });
            }
            value
        })
        .collect();
    let scenario_count = scenarios.len();
    let budget: Vec<Value> =
        plan.budget.iter().take(4).map(|(year, eur)| json!({ "year": 1890 + i32::from(*year % 330), "eur": eur.json() })).collect();
    let value = json!({
        "format": "integrationsplan", "version": 1, "meta": { "title": "fuzz" },
        "horizon": { "start": month(base, 0), "months": months },
        "domains": domains, "regions": regions, "distribution": distribution,
        "measures": measures, "scenarios": scenarios, "budget": budget,
    });
    (value, months, domain_count, region_count, scenario_count)
}

/// Every `null` in the results must be a month (`first_shortage_month`, `peak_shortage_month`).
fn assert_no_null_numbers(value: &Value, key: &str) {
    match value {
        Value::Null => assert!(key.ends_with("_month"), "a non-finite number at {key:?}"),
        Value::Array(items) => items.iter().for_each(|item| assert_no_null_numbers(item, key)),
        Value::Object(map) => map.iter().for_each(|(k, v)| assert_no_null_numbers(v, k)),
        // The writer's last guard turns an infinity into ±f64::MAX: that is an overflow too.
        Value::Number(n) => assert!(n.as_f64().is_some_and(|x| x.is_finite() && x.abs() < f64::MAX), "{n} at {key:?}"),
        Value::Bool(_) | Value::String(_) => {}
    }
}

fuzz_target!(|plan: Plan| {
    let (value, months, domains, regions, scenarios) = build(&plan);
    let Ok(loaded) = load_str(&value.to_string(), "fuzz.json") else { return };
    let results = integrationsplan::simulate(&loaded.plan);
    let text = serde_json::to_string(&ResultsJson(&results)).expect("results serialise");
    let numbers = scenarios * (months * (2 + 3 * domains + regions * (1 + 2 * domains)) + 30 + 4 * domains);
    assert!(text.len() <= 4096 + 40 * numbers + 300 * scenarios * (regions + 1) * (domains + 1), "{} bytes", text.len());
    let parsed: Value = serde_json::from_str(&text).expect("results are JSON");
    assert_no_null_numbers(&parsed, "");
});
