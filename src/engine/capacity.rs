//! What a measure adds to capacity month by month (SPEC §3, "Capacity").

use crate::model::{Measure, Month};

/// The places `measure` contributes in `month`: 0 outside `start..=end`, ramped linearly over
/// `ramp_months` (full from the first month when `ramp_months` is 0).
pub fn measure_places(measure: &Measure, month: Month) -> f64 {
    if month < measure.start || measure.end.is_some_and(|end| month > end) {
        return 0.0;
    }
    if measure.ramp_months == 0 {
        return measure.places;
    }
    let months_active = f64::from(month.months_since(measure.start) + 1);
    measure.places * (months_active / f64::from(measure.ramp_months)).min(1.0)
}

/// The horizon indices `t` in which `measure` is active (`start ≤ month ≤ end`).
pub fn active_indices(measure: &Measure, horizon_start: Month, months: usize) -> std::ops::Range<usize> {
    let first = measure.start.months_since(horizon_start).max(0);
    let last_exclusive = match measure.end {
        Some(end) => (end.months_since(horizon_start) + 1).min(months as i32),
        None => months as i32,
    };
    if last_exclusive <= first { 0..0 } else { first as usize..last_exclusive as usize }
}

/// Adds the measure's places for every month of the horizon to `curve` (the same values as
/// [`measure_places`], computed from the month index instead of calendar months).
pub fn add_measure_curve(measure: &Measure, horizon_start: Month, curve: &mut [f64], weight: f64) {
    let range = active_indices(measure, horizon_start, curve.len());
    let first_index = range.start;
    let Some(slots) = curve.get_mut(range) else { return };
    if measure.ramp_months == 0 {
        for slot in slots {
            *slot += weight * measure.places;
        }
        return;
    }
    let ramp = f64::from(measure.ramp_months);
    // Months since the start at the first active index (the start may lie before the horizon).
    let first_months_active = horizon_start.plus(first_index as i32).months_since(measure.start) + 1;
    for (k, slot) in slots.iter_mut().enumerate() {
        let months_active = f64::from(first_months_active + k as i32);
        *slot += weight * (measure.places * (months_active / ramp).min(1.0));
    }
}

/// Adds the measure's monthly cost to `cost`: `cost_once_eur` in its start month, and
/// `cost_per_year_eur / 12` in every active month (irrespective of the ramp).
pub fn add_measure_cost(measure: &Measure, horizon_start: Month, cost: &mut [f64]) {
    let start_index = measure.start.months_since(horizon_start);
    if start_index >= 0
        && let Some(slot) = cost.get_mut(start_index as usize)
    {
        *slot += measure.cost_once_eur;
    }
    let monthly = measure.cost_per_year_eur / 12.0;
    if monthly != 0.0 {
        for t in active_indices(measure, horizon_start, cost.len()) {
            if let Some(slot) = cost.get_mut(t) {
                *slot += monthly;
            }
        }
    }
}
