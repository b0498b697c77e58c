//! Time since arrival (SPEC §10): a domain that counts newcomers only in the months
//! `from ≤ u < to` after their arrival.
//!
//! No stock is kept per arrival month. The newcomers with `u ≥ a` in month t are exactly the
//! whole stock of month t − a put through a months of departures and ageing, so each window
//! bound `a` is one more stock, fed with the arrivals of a months earlier whose age mix is
//! pre-aged (and thinned by departures) by a months. A window `[from, to)` is then the stock of
//! bound `from` minus the stock of bound `to`: the cost is linear in the horizon for every bound.

use super::stock::{Cohorts, StockRun, age_one_month, monthly_leave_rate};
use crate::model::{COHORTS, Domain};

/// Which stocks the domains of a plan need, for a horizon of a given length.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrivalWindows {
    /// The distinct bounds `a > 0` below the horizon's length, ascending: one delayed stock each.
    delays: Vec<usize>,
    /// Per domain, where its window starts and ends.
    domains: Vec<DomainWindow>,
}

/// One end of a domain's window, as the stock that counts everyone with `u ≥` the bound.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    /// Everyone (bound 0): the ordinary stock.
    Everyone,
    /// The delayed stock at this index of [`ArrivalWindows::delays`].
    Delayed(usize),
    /// Nobody inside the horizon (a bound at or after its end, or no end at all).
    Nobody,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct DomainWindow {
    from: Bound,
    to: Bound,
}

impl ArrivalWindows {
    /// The windows of `domains` over a horizon of `month_count` months.
    pub fn new(domains: &[Domain], month_count: usize) -> Self {
        let mut delays: Vec<usize> = domains
            .iter()
            .filter_map(|d| d.months_since_arrival.as_ref())
            .flat_map(|w| [Some(w.from), w.to])
            .flatten()
            .map(|a| a as usize)
            .filter(|a| *a > 0 && *a < month_count)
            .collect();
        delays.sort_unstable();
        delays.dedup();
        let bound = |a: Option<u32>| match a {
            None => Bound::Nobody,
            Some(0) => Bound::Everyone,
            Some(a) => delays.binary_search(&(a as usize)).map_or(Bound::Nobody, Bound::Delayed),
        };
        let domains = domains
            .iter()
            .map(|d| match &d.months_since_arrival {
                None => DomainWindow { from: Bound::Everyone, to: Bound::Nobody },
                Some(w) => DomainWindow { from: bound(Some(w.from)), to: bound(w.to) },
            })
            .collect();
        ArrivalWindows { delays, domains }
    }

    /// Whether every domain counts everyone (no delayed stock is needed).
    pub fn is_trivial(&self) -> bool {
        self.domains.iter().all(|d| d.from == Bound::Everyone && d.to == Bound::Nobody)
    }
}

/// The cohort model of one scenario (or one run of it) with the delayed stocks its domains'
/// windows need; steps month by month so that the uncertainty runs can pause between blocks.
#[derive(Debug, Clone)]
pub struct WindowedRun {
    everyone: StockRun,
    /// Per delay: the stock and the age mix of arrivals after `delay` months.
    delayed: Vec<(usize, Cohorts, StockRun)>,
    month: usize,
}

impl WindowedRun {
    /// An empty run with the yearly leave rate `leave_rate_per_year` and the arrivals' age mix
    /// `cohort_share`.
    pub fn new(windows: &ArrivalWindows, leave_rate_per_year: f64, cohort_share: &Cohorts) -> Self {
        let keep = 1.0 - monthly_leave_rate(leave_rate_per_year);
        let mut delayed = Vec::with_capacity(windows.delays.len());
        let mut aged = *cohort_share;
        let mut aged_months = 0;
        for &delay in &windows.delays {
            while aged_months < delay {
                for slot in aged.iter_mut() {
                    *slot *= keep;
                }
                aged = age_one_month(&aged);
                aged_months += 1;
            }
            delayed.push((delay, aged, StockRun::new(leave_rate_per_year)));
        }
        WindowedRun { everyone: StockRun::new(leave_rate_per_year), delayed, month: 0 }
    }

    /// One month: takes its arrivals (`arriving(t)` gives the state-wide arrivals of month t),
    /// writes each domain's demand per share into `demand` (`places_per_person` per domain) and
    /// returns the newcomers of the month; then departures and ageing.
    pub fn month(
        &mut self,
        windows: &ArrivalWindows,
        arriving: impl Fn(usize) -> f64,
        cohort_share: &Cohorts,
        places_per_person: &[[f64; COHORTS]],
        demand: &mut [f64],
    ) -> f64 {
        let t = self.month;
        let everyone = *self.everyone.arrive(arriving(t), cohort_share);
        for (delay, aged, stock) in &mut self.delayed {
            let arrived = if t >= *delay { arriving(t - *delay) } else { 0.0 };
            stock.arrive(arrived, aged);
        }
        let stock_of = |bound: Bound| -> Option<&Cohorts> {
            match bound {
                Bound::Everyone => Some(&everyone),
                Bound::Delayed(i) => self.delayed.get(i).map(|(_, _, stock)| stock.stock()),
                Bound::Nobody => None,
            }
        };
        for ((slot, window), rates) in demand.iter_mut().zip(&windows.domains).zip(places_per_person) {
            let counted = stock_of(window.from).map_or(0.0, |s| super::stock_demand(s, rates));
            let gone = stock_of(window.to).map_or(0.0, |s| super::stock_demand(s, rates));
            // A window's count is a difference of two stocks; rounding must not make it negative.
            *slot = if window.to == Bound::Nobody { counted } else { (counted - gone).max(0.0) };
        }
        self.everyone.end_month();
        for (_, _, stock) in &mut self.delayed {
            stock.end_month();
        }
        self.month += 1;
        everyone.iter().sum()
    }
}
