//! SPEC §5: how sure is a scenario? N runs, each with its own arrival factor and leave rate drawn
//! from triangular distributions, summarised as percentiles and shortage probabilities.
//!
//! A run changes only arrivals and departures, so capacities and shares come from the scenario's
//! § 3 results and only the cohort model and the regional shortage sums are computed per run.
//! Runs are independent and computed in parallel (rayon); every draw depends only on the seed, the
//! scenario's position in the plan and the run's number (see [`draw_run`]), so the numbers are the
//! same on every machine and for any number of threads. Run figures are kept for a block of months
//! at a time, with each run's stock carried from block to block, so memory stays bounded for any
//! number of runs.

use super::{
    ArrivalWindows, COHORTS, Cohorts, SHORTAGE_THRESHOLD, ScenarioResults, WindowedRun, add_region_figures, arrival_steps,
    cohort_shares,
};
use crate::model::{Plan, Scenario, ValueRange};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Most runs a computation may ask for (SPEC §5).
pub const MAX_RUNS: u32 = 100_000;
/// The seed used when none is given (SPEC §5).
pub const DEFAULT_SEED: u64 = 1;
/// Memory for the run figures of one block of months, in bytes.
const BLOCK_BYTES: usize = 256 << 20;

/// The percentiles and probabilities of one scenario over N runs.
#[derive(Debug, Clone, PartialEq)]
pub struct UncertaintyResults {
    /// Number of runs.
    pub runs: u32,
    /// The seed the draws came from.
    pub seed: u64,
    /// Per domain, in plan order.
    pub domains: Vec<DomainBands>,
}

/// Bands of one domain: state-wide demand and shortage per month over the runs.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainBands {
    /// Domain id.
    pub id: String,
    /// Percentiles of the state-wide demand.
    pub demand: Percentiles,
    /// Percentiles of the state-wide shortage.
    pub shortage: Percentiles,
    /// Per month, the share of runs with a shortage above [`SHORTAGE_THRESHOLD`].
    pub shortage_probability: Vec<f64>,
    /// The share of runs with a shortage in any month.
    pub any_shortage_probability: f64,
}

/// The 10th, 50th and 90th percentile per month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: Vec<f64>,
    /// Median.
    pub p50: Vec<f64>,
    /// 90th percentile.
    pub p90: Vec<f64>,
}

/// The values one run uses instead of the scenario's own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunDraw {
    /// Arrival factor of this run.
    pub arrival_factor: f64,
    /// Yearly leave rate of this run.
    pub leave_rate_per_year: f64,
}

/// How a long computation reports progress and learns that it should stop.
#[derive(Debug, Default)]
pub struct RunControl {
    /// Set to stop; the computation then returns `None`.
    pub cancel: AtomicBool,
    /// Work done so far, in runs × blocks (see [`RunControl::total`]).
    pub done: AtomicUsize,
    /// Work in all, set when the computation starts.
    pub total: AtomicUsize,
}

impl RunControl {
    /// Share of the work done, 0 … 1.
    pub fn progress(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 { 0.0 } else { self.done.load(Ordering::Relaxed) as f32 / total as f32 }
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The draws of run `run` of the scenario at position `scenario_index` in the plan.
///
/// The generator is ChaCha20 (`rand_chacha`, a portable, documented stream cipher) keyed with the
/// 32 bytes `seed ‖ scenario_index ‖ run ‖ 0` (three little-endian u64 and eight zero bytes). Two
/// uniform numbers `u = (next_u64 >> 11) · 2⁻⁵³` are drawn, first for the arrival factor, then for
/// the leave rate (both always drawn), and turned into triangular values by the inverse CDF.
pub fn draw_run(seed: u64, scenario_index: usize, run: u32, scenario: &Scenario) -> RunDraw {
    let mut key = [0u8; 32];
    let parts = [seed, scenario_index as u64, u64::from(run)];
    for (chunk, part) in key.chunks_exact_mut(8).zip(parts) {
        chunk.copy_from_slice(&part.to_le_bytes());
    }
    let mut rng = ChaCha20Rng::from_seed(key);
    let mut uniform = || (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
    let (u_factor, u_leave) = (uniform(), uniform());
    let ranges = scenario.uncertainty.as_ref();
    RunDraw {
        arrival_factor: triangular(ranges.and_then(|u| u.arrival_factor.as_ref()), scenario.arrival_factor, u_factor),
        leave_rate_per_year: triangular(
            ranges.and_then(|u| u.leave_rate_per_year.as_ref()),
            scenario.leave_rate_per_year,
            u_leave,
        ),
    }
}

/// The triangular distribution with minimum `low`, mode `mode` and maximum `high` at the
/// quantile `u` ∈ [0, 1); a missing range or `low = high` keeps `mode`.
pub fn triangular(range: Option<&ValueRange>, mode: f64, u: f64) -> f64 {
    let Some(range) = range else { return mode };
    let (low, high) = (range.low, range.high);
    let width = high - low;
    if width <= 0.0 || !(low..=high).contains(&mode) {
        return mode;
    }
    let value = if u < (mode - low) / width {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    };
    value.clamp(low, high)
}

/// The percentile `p` (0 … 1) of values sorted ascending: linear interpolation at `p·(N−1)`.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else { return 0.0 };
    let position = p * last as f64;
    let below = (position.floor() as usize).min(last);
    let fraction = position - below as f64;
    let low = sorted.get(below).copied().unwrap_or(0.0);
    match sorted.get(below + 1) {
        Some(high) if fraction > 0.0 => low + fraction * (high - low),
        _ => low,
    }
}

/// Runs `runs` draws of the scenario at `scenario_index` of `plan`, whose § 3 results are `base`,
/// and summarises them; `None` when `control` was cancelled.
pub fn run_uncertainty(
    plan: &Plan,
    scenario_index: usize,
    base: &ScenarioResults,
    runs: u32,
    seed: u64,
    control: &RunControl,
) -> Option<UncertaintyResults> {
    run_uncertainty_in_blocks(plan, scenario_index, base, runs, seed, control, None)
}

/// [`run_uncertainty`] with the months processed in blocks of `block_months` (default: as many
/// as fit in 256 MiB of run figures); the numbers do not depend on the block size.
pub fn run_uncertainty_in_blocks(
    plan: &Plan,
    scenario_index: usize,
    base: &ScenarioResults,
    runs: u32,
    seed: u64,
    control: &RunControl,
    block_months: Option<usize>,
) -> Option<UncertaintyResults> {
    let scenario = plan.scenarios.get(scenario_index)?;
    let domain_rates: Vec<[f64; COHORTS]> = plan.domains.iter().map(super::per_person_rates).collect();
    let months = base.persons.len();
    let run_count = runs.clamp(1, MAX_RUNS) as usize;
    let domain_count = domain_rates.len();
    let steps = arrival_steps(scenario, plan.horizon.start, months);
    let cohort_share = cohort_shares(scenario);
    let draws: Vec<RunDraw> = (0..run_count as u32).map(|k| draw_run(seed, scenario_index, k, scenario)).collect();

    let per_month_bytes = (run_count * domain_count.max(1) * 2 * std::mem::size_of::<f64>()).max(1);
    let block_months = block_months.unwrap_or(BLOCK_BYTES / per_month_bytes).clamp(1, months.max(1));
    let block_count = months.div_ceil(block_months);
    control.total.store(run_count * block_count.max(1), Ordering::Relaxed);

    let windows = ArrivalWindows::new(&plan.domains, months);
    let mut stocks: Vec<WindowedRun> =
        draws.iter().map(|d| WindowedRun::new(&windows, d.leave_rate_per_year, &cohort_share)).collect();
    let mut any_shortage = vec![vec![false; domain_count]; run_count];
    let mut bands: Vec<DomainBands> = plan
        .domains
        .iter()
        .map(|d| DomainBands {
            id: d.id.clone(),
            demand: Percentiles::default(),
            shortage: Percentiles::default(),
            shortage_probability: Vec::with_capacity(months),
            any_shortage_probability: 0.0,
        })
        .collect();

    let context = RunContext { base, domain_rates: &domain_rates, steps: &steps, cohort_share: &cohort_share, windows: &windows };
    for block_start in (0..months).step_by(block_months) {
        if control.cancelled() {
            return None;
        }
        let block = block_start..(block_start + block_months).min(months);
        let rows: Vec<Vec<f64>> = stocks
            .par_iter_mut()
            .zip(any_shortage.par_iter_mut())
            .zip(draws.par_iter())
            .map(|((stock, flags), draw)| {
                if control.cancelled() {
                    return Vec::new();
                }
                let row = context.run_block(block.clone(), draw, stock, flags);
                control.done.fetch_add(1, Ordering::Relaxed);
                row
            })
            .collect();
        if control.cancelled() {
            return None;
        }
        summarise_block(&rows, block.len(), &mut bands);
    }
    for (d, band) in bands.iter_mut().enumerate() {
        let hits = any_shortage.iter().filter(|flags| flags.get(d).copied().unwrap_or(false)).count();
        band.any_shortage_probability = hits as f64 / run_count as f64;
    }
    Some(UncertaintyResults { runs: run_count as u32, seed, domains: bands })
}

/// What every run shares: the § 3 results (capacities, shares) and the scenario's inputs.
struct RunContext<'a> {
    base: &'a ScenarioResults,
    domain_rates: &'a [[f64; COHORTS]],
    steps: &'a [Option<f64>],
    cohort_share: &'a Cohorts,
    windows: &'a ArrivalWindows,
}

impl RunContext<'_> {
    /// Continues one run through the months of `block`; returns its state-wide demand and
    /// shortage, laid out `[domain][month in block][demand, shortage]`.
    fn run_block(&self, block: std::ops::Range<usize>, draw: &RunDraw, stock: &mut WindowedRun, flags: &mut [bool]) -> Vec<f64> {
        let length = block.len();
        let mut unit = vec![vec![0.0; length]; self.domain_rates.len()];
        let mut month_demand = vec![0.0; self.domain_rates.len()];
        // Exactly the arithmetic of § 3 (`arrival_factor · per_month`, then the cohort steps).
        let arriving = |t: usize| self.steps.get(t).copied().flatten().map_or(0.0, |per_month| draw.arrival_factor * per_month);
        for i in 0..length {
            stock.month(self.windows, arriving, self.cohort_share, self.domain_rates, &mut month_demand);
            for (curve, value) in unit.iter_mut().zip(&month_demand) {
                if let Some(slot) = curve.get_mut(i) {
                    *slot = *value;
                }
            }
        }
        let mut row = Vec::with_capacity(unit.len() * length * 2);
        for (d, unit_curve) in unit.iter().enumerate() {
            let mut demand = vec![0.0; length];
            let mut shortage = vec![0.0; length];
            for region in &self.base.regions {
                let Some(capacity) = region.domains.get(d).and_then(|figures| figures.capacity.get(block.clone())) else {
                    continue;
                };
                add_region_figures(region.share, unit_curve, capacity, &mut demand, &mut shortage);
            }
            if shortage.iter().any(|s| *s > SHORTAGE_THRESHOLD)
                && let Some(flag) = flags.get_mut(d)
            {
                *flag = true;
            }
            for (need, missing) in demand.into_iter().zip(shortage) {
                row.push(need);
                row.push(missing);
            }
        }
        row
    }
}

/// Appends the percentiles and shortage probabilities of one block of months to `bands`.
fn summarise_block(rows: &[Vec<f64>], block_length: usize, bands: &mut [DomainBands]) {
    let run_count = rows.len().max(1) as f64;
    let cells: Vec<(usize, usize)> = (0..bands.len()).flat_map(|d| (0..block_length).map(move |i| (d, i))).collect();
    let summaries: Vec<CellSummary> = cells
        .par_iter()
        .map(|&(d, i)| {
            let at = (d * block_length + i) * 2;
            let mut demand: Vec<f64> = rows.iter().map(|row| row.get(at).copied().unwrap_or(0.0)).collect();
            let mut shortage: Vec<f64> = rows.iter().map(|row| row.get(at + 1).copied().unwrap_or(0.0)).collect();
            let short_runs = shortage.iter().filter(|s| **s > SHORTAGE_THRESHOLD).count();
            demand.sort_by(f64::total_cmp);
            shortage.sort_by(f64::total_cmp);
            CellSummary {
                demand: [percentile(&demand, 0.1), percentile(&demand, 0.5), percentile(&demand, 0.9)],
                shortage: [percentile(&shortage, 0.1), percentile(&shortage, 0.5), percentile(&shortage, 0.9)],
                probability: short_runs as f64 / run_count,
            }
        })
        .collect();
    for (&(d, _), summary) in cells.iter().zip(summaries) {
        let Some(band) = bands.get_mut(d) else { continue };
        let [d10, d50, d90] = summary.demand;
        let [s10, s50, s90] = summary.shortage;
        band.demand.p10.push(d10);
        band.demand.p50.push(d50);
        band.demand.p90.push(d90);
        band.shortage.p10.push(s10);
        band.shortage.p50.push(s50);
        band.shortage.p90.push(s90);
        band.shortage_probability.push(summary.probability);
    }
}

struct CellSummary {
    demand: [f64; 3],
    shortage: [f64; 3],
    probability: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interpolates_linearly_at_p_times_n_minus_one() {
        let sorted = [1.0, 2.0, 4.0, 8.0, 16.0];
        assert_eq!(percentile(&sorted, 0.5), 4.0);
        assert!((percentile(&sorted, 0.1) - 1.4).abs() < 1e-12);
        assert!((percentile(&sorted, 0.9) - 12.8).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 0.9), 7.0);
    }

    #[test]
    fn triangular_stays_within_its_range_and_hits_the_mode_at_its_cdf() {
        let range = ValueRange { low: 0.5, high: 2.0, extra: Default::default() };
        assert_eq!(triangular(Some(&range), 1.0, 0.0), 0.5);
        assert!((triangular(Some(&range), 1.0, 1.0 / 3.0) - 1.0).abs() < 1e-12);
        assert!(triangular(Some(&range), 1.0, 0.999_999) <= 2.0);
        assert_eq!(triangular(None, 1.3, 0.7), 1.3);
        let fixed = ValueRange { low: 1.0, high: 1.0, extra: Default::default() };
        assert_eq!(triangular(Some(&fixed), 1.0, 0.7), 1.0);
    }
}
