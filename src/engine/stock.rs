//! Newcomers by cohort month by month: arrivals, the month's figures, departures, ageing (SPEC §3).

use crate::model::{ADULT, AgeBand, BandUse, COHORTS, Month, Scenario};

/// Stock per cohort.
pub type Cohorts = [f64; COHORTS];

/// Each cohort's share of arrivals: a band's share split equally over its single years.
pub fn cohort_shares(scenario: &Scenario) -> Cohorts {
    let mut shares = [0.0; COHORTS];
    for (band_text, share) in &scenario.age_distribution {
        if let Ok(band) = AgeBand::parse(band_text, BandUse::AgeDistribution) {
            for cohort in band.cohorts() {
                if let Some(slot) = shares.get_mut(cohort) {
                    *slot += share / band.len() as f64;
                }
            }
        }
    }
    shares
}

/// State-wide arrivals `A(t)` for every month of the horizon.
pub fn arrivals_per_month(scenario: &Scenario, start: Month, months: usize) -> Vec<f64> {
    arrivals_with_factor(scenario, scenario.arrival_factor, start, months)
}

/// State-wide arrivals for every month of the horizon with another `arrival_factor` (a run of
/// SPEC §5 draws its own).
pub fn arrivals_with_factor(scenario: &Scenario, arrival_factor: f64, start: Month, months: usize) -> Vec<f64> {
    arrival_steps(scenario, start, months).into_iter().map(|v| v.map_or(0.0, |per_month| arrival_factor * per_month)).collect()
}

/// For every month of the horizon, the `per_month` of the latest arrivals step that has begun
/// (`None` before the first step), before the arrival factor.
pub fn arrival_steps(scenario: &Scenario, start: Month, months: usize) -> Vec<Option<f64>> {
    let mut steps: Vec<(Month, f64)> = scenario.arrivals.iter().map(|s| (s.from, s.per_month)).collect();
    steps.sort_by_key(|(from, _)| *from);
    let mut next = 0;
    let mut current = None;
    (0..months)
        .map(|t| {
            let month = start.plus(t as i32);
            while let Some((from, per_month)) = steps.get(next)
                && *from <= month
            {
                current = Some(*per_month);
                next += 1;
            }
            current
        })
        .collect()
}

/// The monthly share of newcomers that leave: `1 − (1 − r)^(1/12)`.
pub fn monthly_leave_rate(leave_rate_per_year: f64) -> f64 {
    1.0 - (1.0 - leave_rate_per_year).powf(1.0 / 12.0)
}

/// Runs the cohort model and calls `figures(t, stock)` with the stock of step 2 of each month.
pub fn run_stock(arrivals: &[f64], shares: &Cohorts, leave_rate_per_year: f64, mut figures: impl FnMut(usize, &Cohorts)) {
    let mut stock = StockRun::new(leave_rate_per_year);
    for (t, arriving) in arrivals.iter().enumerate() {
        figures(t, stock.arrive(*arriving, shares));
        stock.end_month();
    }
}

/// The cohort model one month at a time, so that a long run can be paused and continued (the
/// uncertainty runs of SPEC §5 keep one of these per run between blocks of months).
#[derive(Debug, Clone, Copy)]
pub struct StockRun {
    stock: Cohorts,
    keep: f64,
}

impl StockRun {
    /// An empty stock with the yearly leave rate `leave_rate_per_year`.
    pub fn new(leave_rate_per_year: f64) -> Self {
        StockRun { stock: [0.0; COHORTS], keep: 1.0 - monthly_leave_rate(leave_rate_per_year) }
    }

    /// Step 1: the month's arrivals, split by `shares`; returns the stock of step 2.
    pub fn arrive(&mut self, arriving: f64, shares: &Cohorts) -> &Cohorts {
        for (slot, share) in self.stock.iter_mut().zip(shares) {
            *slot += arriving * share;
        }
        &self.stock
    }

    /// The stock as it is now (after the month's arrivals, once [`StockRun::arrive`] ran).
    pub fn stock(&self) -> &Cohorts {
        &self.stock
    }

    /// Steps 3 and 4: departures, then ageing; the stock is then the next month's start.
    pub fn end_month(&mut self) {
        for slot in self.stock.iter_mut() {
            *slot *= self.keep;
        }
        self.stock = age_one_month(&self.stock);
    }
}

/// One twelfth of each single-year cohort moves up a year; the adult cohort only gains.
pub fn age_one_month(stock: &Cohorts) -> Cohorts {
    let mut next = [0.0; COHORTS];
    let mut moving_up = 0.0;
    for (age, (slot, current)) in next.iter_mut().zip(stock).enumerate() {
        *slot = if age == ADULT { current + moving_up } else { current * 11.0 / 12.0 + moving_up };
        moving_up = current / 12.0;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_seventeen_year_olds_leave_eleven_and_one_adult() {
        let mut stock = [0.0; COHORTS];
        stock[17] = 12.0;
        let next = age_one_month(&stock);
        assert!((next[17] - 11.0).abs() < 1e-12);
        assert!((next[ADULT] - 1.0).abs() < 1e-12);
        assert_eq!(next.iter().sum::<f64>(), 12.0);
    }

    #[test]
    fn ageing_moves_a_twelfth_of_each_year_up() {
        let mut stock = [0.0; COHORTS];
        stock[0] = 12.0;
        stock[ADULT] = 5.0;
        let next = age_one_month(&stock);
        assert_eq!(next[0], 11.0);
        assert_eq!(next[1], 1.0);
        assert_eq!(next[ADULT], 5.0);
    }

    #[test]
    fn monthly_leave_rate_compounds_to_the_yearly_rate() {
        let m = monthly_leave_rate(0.2);
        assert!(((1.0 - m).powi(12) - 0.8).abs() < 1e-12);
        assert_eq!(monthly_leave_rate(0.0), 0.0);
    }
}
