//! Planning years, whole groups and staff (SPEC §11): the figures a Jugendhilfeausschuss or a
//! school board decides on, counted at each planning year's reference month.

use super::results::ScenarioResults;
use crate::model::{Domain, Month, Plan, PlanningYear};

/// Places below which nothing is missing (SPEC §11: `groups(x) = 0` when `x ≤ 0.001`).
pub const GROUP_THRESHOLD: f64 = 0.001;

/// Slack that keeps rounding noise from adding a group (`⌈x / size − 1e-9⌉`).
pub const GROUP_ROUNDING_SLACK: f64 = 1e-9;

/// Whole groups of `group_size` places for `places` places: 0 for `places ≤ 0.001`, else
/// `⌈places / group_size − 1e-9⌉` (SPEC §11).
#[inline]
pub fn groups(places: f64, group_size: f64) -> f64 {
    if places <= GROUP_THRESHOLD || group_size <= 0.0 {
        return 0.0;
    }
    let groups = round_up(places / group_size - GROUP_ROUNDING_SLACK);
    if !groups.is_finite() {
        f64::MAX
    } else if groups > 0.0 {
        groups
    } else {
        0.0
    }
}

/// `x.ceil()` without a call into the C library (the planning years take two per region and year,
/// and `f64::ceil` is a function call on x86-64 without SSE 4.1): below 2^51, `x + 1.5·2^52 −
/// 1.5·2^52` rounds `x` to the nearest integer, corrected up by one where that lies below `x`.
#[inline]
fn round_up(x: f64) -> f64 {
    const ROUNDING: f64 = 6_755_399_441_055_744.0; // 1.5 · 2^52
    const FAST: f64 = 2_251_799_813_685_248.0; // 2^51
    if x.abs() < FAST {
        let nearest = (x + ROUNDING) - ROUNDING;
        nearest + if nearest < x { 1.0 } else { 0.0 }
    } else {
        x.ceil()
    }
}

/// One planning year of a horizon: its name and reference month.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningYearSpan {
    /// `"2025/26"`, or `"2025"` when the year starts in January.
    pub name: String,
    /// Calendar year in which the planning year begins.
    pub first_calendar_year: i32,
    /// The month the year's figures are counted at.
    pub reference_month: Month,
    /// Index of the reference month in the horizon.
    pub month_index: usize,
}

/// Every planning year whose reference month lies in the horizon `start … start + months − 1`,
/// in time order.
pub fn planning_year_spans(year: &PlanningYear, start: Month, months: usize) -> Vec<PlanningYearSpan> {
    let start_month = year.start_month.clamp(1, 12);
    let reference = year.reference_month_or_start().clamp(1, 12);
    let last = start.plus(months.saturating_sub(1) as i32);
    if months == 0 {
        return Vec::new();
    }
    let mut spans = Vec::new();
    for first_year in (start.year() - 1)..=last.year() {
        let reference_year = if reference >= start_month { first_year } else { first_year + 1 };
        // Counted from the horizon's start, so that reference months after 2200 (a horizon may
        // run past the last year a file may name) are found too.
        let offset =
            (i64::from(reference_year) - i64::from(start.year())) * 12 + i64::from(reference) - i64::from(start.month_of_year());
        if offset < 0 || offset >= months as i64 {
            continue;
        }
        let month_index = offset as usize;
        let reference_month = start.plus(offset as i32);
        spans.push(PlanningYearSpan {
            name: planning_year_name(first_year, start_month),
            first_calendar_year: first_year,
            reference_month,
            month_index,
        });
    }
    spans
}

/// `"2025/26"` for a year beginning in 2025 in any month but January, `"2025"` for January.
pub fn planning_year_name(first_year: i32, start_month: u32) -> String {
    if start_month == 1 { first_year.to_string() } else { format!("{first_year}/{:02}", (first_year + 1).rem_euclid(100)) }
}

/// The figures of one planning year of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningYearResults {
    /// Name and reference month.
    pub span: PlanningYearSpan,
    /// Per domain, in plan order.
    pub domains: Vec<PlanningDomainFigures>,
}

/// One domain at a planning year's reference month.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningDomainFigures {
    /// Domain id.
    pub id: String,
    /// State-wide demand at the reference month.
    pub demand: f64,
    /// State-wide capacity at the reference month.
    pub capacity: f64,
    /// State-wide shortage (Σ over regions of what is missing) at the reference month.
    pub shortage: f64,
    /// Groups and staff, for a domain with `planning`.
    pub groups: Option<GroupFigures>,
}

/// Whole groups and their staff and cost at a reference month (SPEC §11).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFigures {
    /// Σ over regions of the groups their demand fills.
    pub groups_needed: f64,
    /// Σ over regions of the groups missing there (half a group in two regions are two).
    pub groups_missing: f64,
    /// `groups_needed · staff_per_group`.
    pub staff_needed: f64,
    /// `groups_missing · staff_per_group`.
    pub staff_missing: f64,
    /// `groups_missing · cost_per_group_per_year_eur`.
    pub running_cost_missing_eur: f64,
    /// Per region in plan order, the groups missing there (0 where none are missing). Dense, so
    /// that the engine writes it without a branch per region; see [`GroupFigures::regions_missing`].
    pub missing_by_region: Vec<f64>,
}

impl GroupFigures {
    /// The regions missing groups: (index in the plan, groups), in plan order.
    pub fn regions_missing(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.missing_by_region.iter().copied().enumerate().filter(|(_, groups)| *groups > 0.0)
    }

    /// True when some region misses a group.
    pub fn misses_groups_somewhere(&self) -> bool {
        self.regions_missing().next().is_some()
    }
}

/// The planning years of a scenario's results (SPEC §11), with the plan's planning year or the
/// defaults. The engine counts the groups while it computes each region ([`GroupCounter`]); this
/// recounts them from finished results.
pub fn planning_years(plan: &Plan, results: &ScenarioResults, months: &[Month]) -> Vec<PlanningYearResults> {
    let mut counter = GroupCounter::new(plan, months);
    if counter.is_idle() {
        return counter.finish(plan, results);
    }
    for (r, region) in results.regions.iter().enumerate() {
        for (d, figures) in region.domains.iter().enumerate() {
            if let Some(unit) = results.demand_per_share.get(d) {
                counter.add_region(r, d, region.share, unit, &figures.capacity);
            }
        }
    }
    counter.finish(plan, results)
}

/// Counts whole groups for the planning years while the engine has each region's curves in
/// cache ([`GroupCounter::add_region`]), with a rounding up that needs no branch or library call
/// ([`round_up`]), into dense per-region figures written without a branch.
#[derive(Debug, Clone)]
pub struct GroupCounter {
    /// The planning years of the horizon.
    spans: Vec<PlanningYearSpan>,
    /// Each planning year's reference month as an index into the curves.
    month_indices: Vec<usize>,
    /// Per domain: its group size when it is planned in groups.
    group_sizes: Vec<Option<f64>>,
    /// Per domain, per planning year: groups needed, groups missing, regions missing groups.
    counts: Vec<Vec<DomainGroupCount>>,
}

impl GroupCounter {
    /// A counter for the planning years of `plan` over `months`.
    pub fn new(plan: &Plan, months: &[Month]) -> Self {
        let spans = match months.first() {
            Some(&start) => planning_year_spans(&plan.planning_year_or_default(), start, months.len()),
            None => Vec::new(),
        };
        let group_sizes: Vec<Option<f64>> = plan.domains.iter().map(|d| d.planning.as_ref().map(|p| p.group_size)).collect();
        let month_indices: Vec<usize> = spans.iter().map(|s| s.month_index).collect();
        let years = spans.len();
        let regions = plan.regions.len();
        let counts = group_sizes
            .iter()
            .map(|size| match size {
                Some(_) => {
                    (0..years).map(|_| DomainGroupCount { missing_by_region: vec![0.0; regions], ..Default::default() }).collect()
                }
                None => Vec::new(),
            })
            .collect();
        Self { spans, month_indices, group_sizes, counts }
    }

    /// True when no domain is planned in groups or no planning year lies in the horizon.
    pub fn is_idle(&self) -> bool {
        self.spans.is_empty() || self.group_sizes.iter().all(Option::is_none)
    }

    /// Counts region `r`'s groups in domain `d`: its demand is `share · unit`, its places
    /// `capacity` (the curves of the whole horizon).
    pub fn add_region(&mut self, r: usize, d: usize, share: f64, unit: &[f64], capacity: &[f64]) {
        let (Some(Some(group_size)), Some(counts)) = (self.group_sizes.get(d).copied(), self.counts.get_mut(d)) else {
            return;
        };
        if group_size.is_nan() || group_size <= 0.0 {
            return;
        }
        let at = |curve: &[f64], t: usize| curve.get(t).copied().unwrap_or(0.0);
        for (&t, count) in self.month_indices.iter().zip(counts.iter_mut()) {
            let demand = share * at(unit, t);
            let missing = groups(demand - at(capacity, t), group_size);
            count.needed += groups(demand, group_size);
            count.missing += missing;
            if let Some(slot) = count.missing_by_region.get_mut(r) {
                *slot = missing;
            }
        }
    }

    /// The planning years with the state-wide figures of `results` and the counted groups.
    pub fn finish(self, plan: &Plan, results: &ScenarioResults) -> Vec<PlanningYearResults> {
        let mut per_domain: Vec<std::vec::IntoIter<DomainGroupCount>> = self.counts.into_iter().map(Vec::into_iter).collect();
        self.spans
            .into_iter()
            .map(|span| {
                let t = span.month_index;
                let domains = plan
                    .domains
                    .iter()
                    .enumerate()
                    .map(|(d, domain)| {
                        let count = per_domain.get_mut(d).and_then(Iterator::next).unwrap_or_default();
                        state_figures(domain, d, t, results, count)
                    })
                    .collect();
                PlanningYearResults { span, domains }
            })
            .collect()
    }
}

/// Running sums of one domain in one planning year.
#[derive(Debug, Clone, Default)]
struct DomainGroupCount {
    needed: f64,
    missing: f64,
    missing_by_region: Vec<f64>,
}

/// A domain's state-wide figures at month `t`, with its counted groups when it has `planning`.
fn state_figures(
    domain: &Domain,
    d: usize,
    t: usize,
    results: &ScenarioResults,
    count: DomainGroupCount,
) -> PlanningDomainFigures {
    let state = results.domains.get(d);
    let at = |curve: Option<&Vec<f64>>| curve.and_then(|c| c.get(t)).copied().unwrap_or(0.0);
    let groups = domain.planning.as_ref().map(|planning| GroupFigures {
        groups_needed: count.needed,
        groups_missing: count.missing,
        staff_needed: count.needed * planning.staff_per_group,
        staff_missing: count.missing * planning.staff_per_group,
        running_cost_missing_eur: count.missing * planning.cost_per_group_per_year_eur,
        missing_by_region: count.missing_by_region,
    });
    PlanningDomainFigures {
        id: domain.id.clone(),
        demand: at(state.map(|s| &s.demand)),
        capacity: at(state.map(|s| &s.capacity)),
        shortage: at(state.map(|s| &s.shortage)),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_noise_never_adds_a_group() {
        assert_eq!(groups(20.0, 20.0), 1.0);
        assert_eq!(groups(20.000_000_01, 20.0), 1.0);
        assert_eq!(groups(20.01, 20.0), 2.0);
        assert_eq!(groups(0.001, 20.0), 0.0);
        assert_eq!(groups(0.0011, 20.0), 1.0);
        assert_eq!(groups(-5.0, 20.0), 0.0);
        assert_eq!(groups(30.0, 12.5), 3.0);
    }

    #[test]
    fn a_year_from_august_counted_in_november_is_named_by_both_calendar_years() {
        let year = PlanningYear { start_month: 8, reference_month: Some(11), extra: Default::default() };
        let start = Month::new(2025, 3).expect("month");
        let spans = planning_year_spans(&year, start, 24);
        let names: Vec<_> = spans.iter().map(|s| (s.name.as_str(), s.reference_month.to_string(), s.month_index)).collect();
        assert_eq!(names, vec![("2025/26", "2025-11".to_owned(), 8), ("2026/27", "2026-11".to_owned(), 20)]);
    }

    #[test]
    fn a_reference_month_before_the_start_month_lies_in_the_next_calendar_year() {
        let year = PlanningYear { start_month: 8, reference_month: Some(3), extra: Default::default() };
        let start = Month::new(2025, 1).expect("month");
        let spans = planning_year_spans(&year, start, 15);
        let names: Vec<_> = spans.iter().map(|s| (s.name.as_str(), s.reference_month.to_string())).collect();
        assert_eq!(names, vec![("2024/25", "2025-03".to_owned()), ("2025/26", "2026-03".to_owned())]);
    }

    #[test]
    fn start_month_one_gives_calendar_years() {
        let year = PlanningYear { start_month: 1, reference_month: None, extra: Default::default() };
        let start = Month::new(2025, 6).expect("month");
        let spans = planning_year_spans(&year, start, 20);
        let names: Vec<_> = spans.iter().map(|s| (s.name.as_str(), s.reference_month.to_string())).collect();
        assert_eq!(names, vec![("2026", "2026-01".to_owned()), ("2027", "2027-01".to_owned())]);
    }

    #[test]
    fn planning_years_after_2200_are_reported_when_the_horizon_holds_them() {
        let start = Month::new(2200, 1).expect("month");
        let spans = planning_year_spans(&PlanningYear::default(), start, 24);
        let names: Vec<_> = spans.iter().map(|s| (s.name.as_str(), s.reference_month.to_string())).collect();
        assert_eq!(names, vec![("2200/01", "2200-08".to_owned()), ("2201/02", "2201-08".to_owned())]);
    }

    #[test]
    fn the_default_year_begins_and_is_counted_in_august() {
        let start = Month::new(2025, 8).expect("month");
        let spans = planning_year_spans(&PlanningYear::default(), start, 1);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].name, "2025/26");
        assert_eq!(spans[0].month_index, 0);
        assert_eq!(planning_year_name(2099, 8), "2099/00");
    }

    /// [`groups`] with its own rounding up gives exactly the SPEC §11 rule with the library's
    /// ceiling, also at the edges: rounding noise, exact multiples, huge, negative and broken numbers.
    #[test]
    fn rounding_up_without_a_library_call_gives_the_spec_rule_bit_for_bit() {
        // SPEC §11 as written, with the library's ceiling.
        let spec_rule = |places: f64, group_size: f64| {
            if places <= GROUP_THRESHOLD || group_size <= 0.0 {
                return 0.0;
            }
            let groups = (places / group_size - GROUP_ROUNDING_SLACK).ceil();
            if !groups.is_finite() {
                f64::MAX
            } else if groups > 0.0 {
                groups
            } else {
                0.0
            }
        };
        let mut values = vec![
            0.0,
            -0.0,
            0.001,
            0.0011,
            20.0,
            20.000_000_01,
            20.01,
            40.0,
            39.999_999_999,
            -5.0,
            1e15,
            4.5e16,
            1e300,
            -1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            2.0f64.powi(51),
            2.0f64.powi(53) + 2.0,
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..2_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            values.push(unit * 1_000.0 - 100.0);
            values.push((unit * 50.0).round() * 20.0 + if state.is_multiple_of(3) { 1e-12 } else { 0.0 });
        }
        for group_size in [20.0, 12.5, 0.7, 25.0, 3.0, 1e-300, 1e300, 5e-324] {
            for value in &values {
                let got = groups(*value, group_size);
                let want = spec_rule(*value, group_size);
                assert_eq!(got.to_bits(), want.to_bits(), "groups({value}, {group_size}): {got} ≠ {want}");
            }
        }
    }
}
