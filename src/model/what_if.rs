//! One rule for what-if values (issue 20): a scenario's arrival factor or leave rate set by a
//! slider or typed into a field is rounded to what the window shows, and a value outside the
//! scenario's uncertainty range (SPEC §5) widens that range in the same change, so that a
//! what-if never leaves the plan invalid.

use super::{Scenario, ValueRange};

/// Decimals the window shows of an arrival factor (`× 1,40`).
pub const ARRIVAL_FACTOR_DECIMALS: i32 = 2;

/// Decimals the window shows of a leave rate as a share (`8,5 %` = 0,085).
pub const LEAVE_RATE_DECIMALS: i32 = 3;

/// Which what-if assumption of a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIf {
    /// `arrival_factor`.
    ArrivalFactor,
    /// `leave_rate_per_year`.
    LeaveRate,
}

/// `value` rounded to `decimals` places: `1.4000000000000001` → `1.4`.
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

impl WhatIf {
    /// The decimals the window shows.
    pub fn decimals(self) -> i32 {
        match self {
            WhatIf::ArrivalFactor => ARRIVAL_FACTOR_DECIMALS,
            WhatIf::LeaveRate => LEAVE_RATE_DECIMALS,
        }
    }

    /// The scenario's value of this assumption.
    pub fn value(self, scenario: &Scenario) -> f64 {
        match self {
            WhatIf::ArrivalFactor => scenario.arrival_factor,
            WhatIf::LeaveRate => scenario.leave_rate_per_year,
        }
    }

    /// The scenario's range of this assumption, if uncertain.
    pub fn range(self, scenario: &Scenario) -> Option<&ValueRange> {
        let uncertainty = scenario.uncertainty.as_ref()?;
        match self {
            WhatIf::ArrivalFactor => uncertainty.arrival_factor.as_ref(),
            WhatIf::LeaveRate => uncertainty.leave_rate_per_year.as_ref(),
        }
    }

    /// Whether `value` (as given by a widget) is a change of the scenario's value as shown.
    pub fn changes(self, scenario: &Scenario, value: f64) -> bool {
        round_to(value, self.decimals()) != self.value(scenario)
    }
}

impl Scenario {
    /// Sets a what-if value: rounded to what the window shows; a value outside the scenario's
    /// range widens the range. Returns the widened range, if it had to widen.
    pub fn set_what_if(&mut self, what: WhatIf, value: f64) -> Option<ValueRange> {
        let value = round_to(value, what.decimals());
        let (slot, range) = match what {
            WhatIf::ArrivalFactor => {
                (&mut self.arrival_factor, self.uncertainty.as_mut().and_then(|u| u.arrival_factor.as_mut()))
            }
            WhatIf::LeaveRate => {
                (&mut self.leave_rate_per_year, self.uncertainty.as_mut().and_then(|u| u.leave_rate_per_year.as_mut()))
            }
        };
        *slot = value;
        let range = range?;
        if (range.low..=range.high).contains(&value) {
            return None;
        }
        range.low = range.low.min(value);
        range.high = range.high.max(value);
        Some(range.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn high_scenario() -> Scenario {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        plan.scenarios.into_iter().find(|s| s.id == "hoch").expect("the high scenario")
    }

    #[test]
    fn a_what_if_value_beyond_the_range_widens_the_range() {
        let mut scenario = high_scenario();
        let widened = scenario.set_what_if(WhatIf::ArrivalFactor, 1.5);
        assert_eq!(scenario.arrival_factor, 1.5);
        let range = widened.expect("widened");
        assert_eq!((range.low, range.high), (0.7, 1.5));
        assert_eq!(WhatIf::ArrivalFactor.range(&scenario), Some(&range));
        let widened = scenario.set_what_if(WhatIf::ArrivalFactor, 0.5);
        assert_eq!(widened.map(|r| (r.low, r.high)), Some((0.5, 1.5)));
    }

    #[test]
    fn a_what_if_value_inside_the_range_leaves_the_range() {
        let mut scenario = high_scenario();
        assert_eq!(scenario.set_what_if(WhatIf::ArrivalFactor, 1.2), None);
        assert_eq!(scenario.set_what_if(WhatIf::LeaveRate, 0.1), None);
        assert_eq!(scenario.leave_rate_per_year, 0.1);
    }

    #[test]
    fn a_what_if_value_is_rounded_to_what_the_window_shows() {
        let mut scenario = high_scenario();
        // 28 × 0,05 in binary floating point, as a slider with steps of 0,05 gives it.
        let on_the_step_grid = 28.0 * 0.05;
        assert_ne!(on_the_step_grid, 1.4);
        let mut at = scenario.clone();
        at.arrival_factor = 1.4;
        assert!(!WhatIf::ArrivalFactor.changes(&at, on_the_step_grid), "the same value as shown");
        assert_eq!(scenario.set_what_if(WhatIf::ArrivalFactor, on_the_step_grid), None, "1,40 is inside 0,70–1,40");
        assert_eq!(scenario.arrival_factor, 1.4);
        let range = WhatIf::ArrivalFactor.range(&scenario).expect("uncertain");
        assert!(range.low <= scenario.arrival_factor && scenario.arrival_factor <= range.high);
    }
}
