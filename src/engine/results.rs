//! What the engine computes for a plan: curves per scenario, domain and region, and indicators.

use crate::model::Month;

/// Share of a place below which a month does not count as short (SPEC §3 indicators).
pub const SHORTAGE_THRESHOLD: f64 = 0.001;

/// Relative difference below which two f64 results count as equal: rounding noise (about 1e-14)
/// must not decide whether a month is short or which month of a plateau is the peak.
pub const RELATIVE_NOISE: f64 = 1e-9;

/// `demand − capacity` when demand exceeds capacity by more than rounding noise, else 0.
pub fn shortage_of(demand: f64, capacity: f64) -> f64 {
    let missing = demand - capacity;
    if missing > RELATIVE_NOISE * demand.abs().max(capacity.abs()) { missing } else { 0.0 }
}

/// The places missing in each month ([`shortage_of`] month by month).
pub fn shortage_curve(demand: &[f64], capacity: &[f64]) -> Vec<f64> {
    demand.iter().zip(capacity).map(|(d, c)| shortage_of(*d, *c)).collect()
}

/// Results of all scenarios of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The plan's title.
    pub title: String,
    /// The months of the horizon.
    pub months: Vec<Month>,
    /// Region ids in plan order.
    pub region_ids: Vec<String>,
    /// Domain ids in plan order.
    pub domain_ids: Vec<String>,
    /// Each region's share of arrivals, in plan order.
    pub shares: Vec<f64>,
    /// One entry per simulated scenario.
    pub scenarios: Vec<ScenarioResults>,
}

/// Results of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResults {
    /// Scenario id.
    pub id: String,
    /// Scenario name.
    pub name: String,
    /// State-wide newcomers per month (after the month's arrivals).
    pub persons: Vec<f64>,
    /// Newcomers per month of a region whose share is 1 (a region holds `share ·` this).
    pub persons_per_share: Vec<f64>,
    /// Per domain, places needed per month by a region whose share is 1 (a region needs
    /// `share ·` this: every region gets the same age mix).
    pub demand_per_share: Vec<Vec<f64>>,
    /// Cost per month in euro.
    pub cost_eur: Vec<f64>,
    /// Cost per calendar year of the horizon, in year order.
    pub cost_per_year: Vec<(i32, f64)>,
    /// Cost per calendar year split by the funding of the measures it comes from (SPEC §6).
    pub cost_per_year_by_funding: Vec<(i32, FundingCosts)>,
    /// For each year of the horizon with a budget entry: budget minus the year's cost (SPEC §6;
    /// negative = over budget).
    pub budget_balance_per_year: Vec<(i32, f64)>,
    /// State-wide figures per domain, in plan order.
    pub domains: Vec<DomainResults>,
    /// Figures per region, in plan order.
    pub regions: Vec<RegionResults>,
    /// The planning years with groups and staff (SPEC §11), in time order.
    pub planning_years: Vec<super::PlanningYearResults>,
    /// Percentiles over the runs of SPEC §5, when runs were asked for.
    pub uncertainty: Option<super::UncertaintyResults>,
}

/// One year's cost by funding state, in euro.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FundingCosts {
    /// From measures whose money is committed.
    pub secured_eur: f64,
    /// From measures planned in a budget draft.
    pub planned_eur: f64,
    /// From measures without money yet.
    pub open_eur: f64,
}

impl FundingCosts {
    /// The year's total.
    pub fn total_eur(&self) -> f64 {
        self.secured_eur + self.planned_eur + self.open_eur
    }
}

/// State-wide figures of one domain.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainResults {
    /// Domain id.
    pub id: String,
    /// Σ over regions of demand.
    pub demand: Vec<f64>,
    /// Σ over regions of capacity.
    pub capacity: Vec<f64>,
    /// Σ over regions of max(0, demand − capacity).
    pub shortage: Vec<f64>,
    /// Summary numbers.
    pub indicators: Indicators,
}

/// The indicators of SPEC §3 for one scenario and domain.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    /// First month with a shortage above [`SHORTAGE_THRESHOLD`].
    pub first_shortage_month: Option<Month>,
    /// Largest shortage.
    pub peak_shortage: f64,
    /// First month reaching the largest shortage (within [`RELATIVE_NOISE`]); `None` when it is 0.
    pub peak_shortage_month: Option<Month>,
    /// Sum of the shortage over all months.
    pub shortage_place_months: f64,
}

impl Indicators {
    /// Computes the indicators from a shortage curve.
    pub fn from_shortage(shortage: &[f64], months: &[Month]) -> Self {
        let first = shortage.iter().position(|s| *s > SHORTAGE_THRESHOLD);
        let peak = shortage.iter().copied().fold(0.0, f64::max);
        let peak_index = if peak > 0.0 { shortage.iter().position(|s| *s >= peak * (1.0 - RELATIVE_NOISE)) } else { None };
        Indicators {
            first_shortage_month: first.and_then(|t| months.get(t).copied()),
            peak_shortage: peak,
            peak_shortage_month: peak_index.and_then(|t| months.get(t).copied()),
            shortage_place_months: shortage.iter().sum(),
        }
    }
}

/// Figures of one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionResults {
    /// Region id.
    pub id: String,
    /// The region's share of all arrivals.
    pub share: f64,
    /// Per domain, in plan order.
    pub domains: Vec<RegionDomainResults>,
}

/// Capacity of one region and domain (its demand: [`ScenarioResults::region_demand`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionDomainResults {
    /// Places available per month.
    pub capacity: Vec<f64>,
    /// First month index with demand above capacity by more than [`SHORTAGE_THRESHOLD`].
    pub first_shortage: Option<usize>,
}

impl ScenarioResults {
    /// Newcomers per month in region `r` (empty for an unknown index).
    pub fn region_persons(&self, r: usize) -> Vec<f64> {
        let Some(region) = self.regions.get(r) else { return Vec::new() };
        self.persons_per_share.iter().map(|p| region.share * p).collect()
    }

    /// Places of domain `d` needed per month in region `r` (empty for unknown indices).
    pub fn region_demand(&self, r: usize, d: usize) -> Vec<f64> {
        match (self.regions.get(r), self.demand_per_share.get(d)) {
            (Some(region), Some(unit)) => unit.iter().map(|u| region.share * u).collect(),
            _ => Vec::new(),
        }
    }

    /// Places of domain `d` missing per month in region `r`: its demand above its capacity
    /// (the engine's noise rule, [`shortage_of`]); empty for unknown indices.
    pub fn region_shortage(&self, r: usize, d: usize) -> Vec<f64> {
        let Some(figures) = self.regions.get(r).and_then(|region| region.domains.get(d)) else { return Vec::new() };
        shortage_curve(&self.region_demand(r, d), &figures.capacity)
    }

    /// The indicators of SPEC §3 of domain `d` in region `r` alone (first shortage, peak,
    /// place-months), over the horizon `months`; `None` for unknown indices.
    pub fn region_indicators(&self, r: usize, d: usize, months: &[Month]) -> Option<Indicators> {
        self.regions.get(r)?.domains.get(d)?;
        Some(Indicators::from_shortage(&self.region_shortage(r, d), months))
    }

    /// The state-wide results of the domain `id`.
    pub fn domain(&self, id: &str) -> Option<&DomainResults> {
        self.domains.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_regions_indicators_add_up_to_the_states_and_agree_with_its_first_shortage() {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        let results = crate::engine::simulate(&plan);
        for scenario in &results.scenarios {
            for (d, domain) in scenario.domains.iter().enumerate() {
                let mut place_months = 0.0;
                let mut any_short = false;
                for (r, region) in scenario.regions.iter().enumerate() {
                    let indicators = scenario.region_indicators(r, d, &results.months).expect("known indices");
                    place_months += indicators.shortage_place_months;
                    let first = region.domains[d].first_shortage.map(|t| results.months[t]);
                    assert_eq!(indicators.first_shortage_month, first, "region {} domain {}", region.id, domain.id);
                    assert!(indicators.peak_shortage <= domain.indicators.peak_shortage * (1.0 + 1e-9));
                    any_short |= indicators.peak_shortage > 0.0;
                }
                let state = domain.indicators.shortage_place_months;
                assert!((place_months - state).abs() <= 1e-6 * state.max(1.0), "{place_months} vs {state}");
                assert_eq!(any_short, state > 0.0);
            }
        }
        assert!(results.scenarios[0].region_indicators(999, 0, &results.months).is_none());
        assert!(results.scenarios[0].region_shortage(0, 999).is_empty());
    }
}
