//! The plan document (SPEC §2) as typed values.
//!
//! Every struct carries `extra`: the fields this version does not know, kept in
//! their original order and written back on save so that files survive a round trip.

use super::Month;
use serde_json::{Map, Value};

/// Fields a struct does not know, in file order.
pub type Extra = Map<String, Value>;

/// The plan format version this program writes and reads.
pub const FORMAT_VERSION: u64 = 1;
/// Longest ramp a measure may have, in months (SPEC §9).
pub const MAX_RAMP_MONTHS: u32 = 1200;
/// The value of the `format` field.
pub const FORMAT_NAME: &str = "integrationsplan";

/// One plan: regions, domains, measures, scenarios and budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Title, author and notes.
    pub meta: Meta,
    /// First month and length of the modelled period.
    pub horizon: Horizon,
    /// Kinds of places whose demand is modelled.
    pub domains: Vec<Domain>,
    /// Regions that receive newcomers.
    pub regions: Vec<Region>,
    /// How state-wide arrivals are split among regions.
    pub distribution: Distribution,
    /// Measures that add or remove places.
    pub measures: Vec<Measure>,
    /// Intake scenarios.
    pub scenarios: Vec<Scenario>,
    /// Available budget per calendar year.
    pub budget: Vec<BudgetYear>,
    /// The year Kitas and schools plan by (SPEC §11); `None` = the defaults (August, reference
    /// month August).
    pub planning_year: Option<PlanningYear>,
    /// Unknown top-level fields.
    pub extra: Extra,
}

impl Plan {
    /// The planning year in force: the plan's own or the defaults of SPEC §11.
    pub fn planning_year_or_default(&self) -> PlanningYear {
        self.planning_year.clone().unwrap_or_default()
    }
}

/// The year Kitas and schools plan by, counted on a reference month (SPEC §11).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningYear {
    /// Calendar month (1–12) in which a planning year begins.
    pub start_month: u32,
    /// Calendar month (1–12) of the reference date; `None` = `start_month`.
    pub reference_month: Option<u32>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Default for PlanningYear {
    /// The Kindergartenjahr and school year of NRW: from August, counted in August.
    fn default() -> Self {
        PlanningYear { start_month: DEFAULT_PLANNING_START_MONTH, reference_month: None, extra: Extra::new() }
    }
}

/// The month a planning year begins in when the plan does not say (August).
pub const DEFAULT_PLANNING_START_MONTH: u32 = 8;

impl PlanningYear {
    /// The reference month in force (`reference_month`, else `start_month`).
    pub fn reference_month_or_start(&self) -> u32 {
        self.reference_month.unwrap_or(self.start_month)
    }
}

/// Descriptive metadata of a plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// Title shown in the window and in exports.
    pub title: String,
    /// Who wrote the plan.
    pub author: String,
    /// Free notes, e.g. data sources.
    pub notes: String,
    /// Unknown fields.
    pub extra: Extra,
}

/// The modelled period.
#[derive(Debug, Clone, PartialEq)]
pub struct Horizon {
    /// Month index 0.
    pub start: Month,
    /// Number of months, 1–1200.
    pub months: u32,
    /// Unknown fields.
    pub extra: Extra,
}

impl Horizon {
    /// The month with index `t`.
    pub fn month(&self, t: usize) -> Month {
        self.start.plus(t as i32)
    }

    /// All months of the horizon in order.
    pub fn months_iter(&self) -> impl Iterator<Item = Month> + '_ {
        (0..self.months as usize).map(|t| self.month(t))
    }
}

/// A kind of place (Kita, school, housing, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Domain {
    /// Unique id, e.g. `kita`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Unit of the places, e.g. `Plätze`, `Wohnungen`.
    pub unit: String,
    /// Share of each age band that needs a place, in file order.
    pub rates: Vec<(String, f64)>,
    /// Persons served by one unit (e.g. 3.2 persons per dwelling).
    pub persons_per_unit: f64,
    /// Counts newcomers only in these months since their arrival (SPEC §10); `None` = always.
    pub months_since_arrival: Option<ArrivalWindow>,
    /// Whole groups or classes with their staff and running cost (SPEC §11); `None` = places only.
    pub planning: Option<GroupPlanning>,
    /// Unknown fields.
    pub extra: Extra,
}

/// The months since arrival in which a domain counts a newcomer: `from ≤ u < to` (SPEC §10).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArrivalWindow {
    /// First month counted (0 = the month of arrival).
    pub from: u32,
    /// First month no longer counted; `None` = no end.
    pub to: Option<u32>,
    /// Unknown fields.
    pub extra: Extra,
}

/// Largest `months_since_arrival.to` (SPEC §10).
pub const MAX_WINDOW_MONTHS: u32 = 1200;

/// How a domain is built in whole groups or classes (SPEC §11).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPlanning {
    /// Places per group or class (> 0).
    pub group_size: f64,
    /// The word for a group in this domain ("Gruppen", "Klassen"); `None` = the default word.
    pub group_word: Option<String>,
    /// Full-time staff per group (≥ 0).
    pub staff_per_group: f64,
    /// Running cost of one group per year in euro (≥ 0).
    pub cost_per_group_per_year_eur: f64,
    /// Unknown fields.
    pub extra: Extra,
}

/// The word for a group when a domain's `planning` names none (SPEC §11).
pub const DEFAULT_GROUP_WORD: &str = "Gruppen";

impl GroupPlanning {
    /// Planning with `group_size` places per group and the defaults for everything else.
    pub fn with_group_size(group_size: f64) -> Self {
        GroupPlanning {
            group_size,
            group_word: None,
            staff_per_group: 0.0,
            cost_per_group_per_year_eur: 0.0,
            extra: Extra::new(),
        }
    }
}

/// A region receiving newcomers.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Inhabitants.
    pub population: f64,
    /// Area in km².
    pub area_km2: f64,
    /// Free places per domain id at the start, in file order.
    pub capacity: Vec<(String, f64)>,
    /// Where the region lies, for the map (SPEC §8); `None` when the file gives none.
    pub location: Option<Location>,
    /// Unknown fields.
    pub extra: Extra,
}

/// A point in WGS 84 degrees (SPEC §8).
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Latitude, −90 … 90.
    pub lat: f64,
    /// Longitude, −180 … 180.
    pub lon: f64,
    /// Unknown fields.
    pub extra: Extra,
}

impl Region {
    /// Free places of `domain_id` at the start (0 when missing).
    pub fn capacity_of(&self, domain_id: &str) -> f64 {
        self.capacity.iter().find(|(id, _)| id == domain_id).map_or(0.0, |(_, places)| *places)
    }
}

/// How arrivals are split among regions.
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// Key from population and area, optionally with the FlüAG uplift cap.
    Weights {
        /// Weight of the population share.
        population_weight: f64,
        /// Weight of the area share.
        area_weight: f64,
        /// Maximum uplift over the population-only key (0.25 = 25 %), `None` for no cap.
        area_uplift_cap: Option<f64>,
        /// Unknown fields.
        extra: Extra,
    },
    /// Explicit shares per region id, normalised to sum 1.
    Shares {
        /// Share per region id, in file order.
        shares: Vec<(String, f64)>,
        /// Unknown fields.
        extra: Extra,
    },
}

impl Default for Distribution {
    /// § 3 FlüAG NRW: 90 % population, 10 % area, uplift capped at 25 %.
    fn default() -> Self {
        Distribution::Weights { population_weight: 0.9, area_weight: 0.1, area_uplift_cap: Some(0.25), extra: Extra::new() }
    }
}

/// How certain the money for a measure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Funding {
    /// Money is committed.
    Secured,
    /// Money is planned in a budget draft.
    Planned,
    /// No money yet.
    Open,
}

impl Funding {
    /// All funding states in file order.
    pub const ALL: [Funding; 3] = [Funding::Secured, Funding::Planned, Funding::Open];

    /// The word used in plan files.
    pub fn as_str(self) -> &'static str {
        match self {
            Funding::Secured => "secured",
            Funding::Planned => "planned",
            Funding::Open => "open",
        }
    }

    /// Parses the word used in plan files.
    pub fn parse(text: &str) -> Option<Funding> {
        Funding::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

/// A Maßnahme: places added (or removed) in one domain, in one region or state-wide.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Domain id.
    pub domain: String,
    /// Region id, `None` = state-wide (split by the distribution key).
    pub region: Option<String>,
    /// Places added; negative closes places.
    pub places: f64,
    /// First active month.
    pub start: Month,
    /// Last active month (inclusive), `None` = open-ended.
    pub end: Option<Month>,
    /// Months until full capacity (0 = at once).
    pub ramp_months: u32,
    /// One-off cost in the start month, in euro.
    pub cost_once_eur: f64,
    /// Running cost per year while active, in euro.
    pub cost_per_year_eur: f64,
    /// How certain the money is.
    pub funding: Funding,
    /// Free notes.
    pub notes: String,
    /// Unknown fields.
    pub extra: Extra,
}

/// One step of the arrivals curve: from month `from` on, `per_month` arrivals.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrivalStep {
    /// First month of this step.
    pub from: Month,
    /// State-wide arrivals per month.
    pub per_month: f64,
    /// Unknown fields.
    pub extra: Extra,
}

/// An intake assumption.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Arrivals as steps, any order.
    pub arrivals: Vec<ArrivalStep>,
    /// Multiplies all arrivals.
    pub arrival_factor: f64,
    /// Share of each age band among arrivals, in file order.
    pub age_distribution: Vec<(String, f64)>,
    /// Share of newcomers leaving per year.
    pub leave_rate_per_year: f64,
    /// Funding states whose measures count.
    pub funding_included: Vec<Funding>,
    /// Ids of measures switched off in this scenario.
    pub measures_off: Vec<String>,
    /// Plot colour `#rrggbb`.
    pub color: Option<String>,
    /// How far the arrival factor and the leave rate may be off (SPEC §5); `None` = certain.
    pub uncertainty: Option<Uncertainty>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Scenario {
    /// Whether `measure` counts in this scenario. Linear in `measures_off`: for many measures use
    /// [`Scenario::active_measures`] instead.
    pub fn includes(&self, measure: &Measure) -> bool {
        self.funding_included.contains(&measure.funding) && !self.measures_off.contains(&measure.id)
    }

    /// Which of `measures` count in this scenario, one flag per measure; O(1) per measure
    /// (a hash set of `measures_off`), so 100 000 measures and switch-offs take milliseconds.
    pub fn active_measures(&self, measures: &[Measure]) -> Vec<bool> {
        let off: std::collections::HashSet<&str> = self.measures_off.iter().map(String::as_str).collect();
        measures.iter().map(|m| self.funding_included.contains(&m.funding) && !off.contains(m.id.as_str())).collect()
    }
}

/// The uncertain assumptions of a scenario (SPEC §5): each entry optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Uncertainty {
    /// Range of `arrival_factor`.
    pub arrival_factor: Option<ValueRange>,
    /// Range of `leave_rate_per_year`.
    pub leave_rate_per_year: Option<ValueRange>,
    /// Unknown fields.
    pub extra: Extra,
}

/// The lowest and highest plausible value of an assumption; the scenario's own value is the mode.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRange {
    /// Lowest value.
    pub low: f64,
    /// Highest value.
    pub high: f64,
    /// Unknown fields.
    pub extra: Extra,
}

/// Budget available in one calendar year.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetYear {
    /// Calendar year.
    pub year: i32,
    /// Euro available.
    pub eur: f64,
    /// Unknown fields.
    pub extra: Extra,
}
