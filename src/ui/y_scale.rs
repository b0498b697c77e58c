//! A readable y scale for every plot: a "nice" step (1, 2, 2,5 or 5 × 10^k) chosen for the
//! visible range so that an axis carries 3 to 6 labelled marks, and labels with just the
//! decimals that step needs (`0,5` / `0.5`, `2,5 Mio. €` / `€2.5 m`).
//!
//! egui_plot's own spacer steps by powers of ten and hides labels closer than about 20 points, so
//! a small range (a region's 3 missing places) or a low plot kept a single label "0".

use crate::ui::i18n::Language;
use egui_plot::{GridInput, GridMark};

/// The mantissas of a nice step, smallest first.
const NICE_MANTISSAS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Fewest labelled marks an axis should carry.
pub const MIN_MARKS: usize = 3;
/// Most labelled marks an axis carries.
pub const MAX_MARKS: usize = 6;

/// Points between two labels below which egui_plot fades a label out (it hides it below 20).
const LABEL_SPACING_POINTS: f64 = 30.0;

/// egui_plot's minimum grid spacing in points, the factor in `GridInput::base_step_size`.
const GRID_SPACING_MIN_POINTS: f64 = 8.0;

/// The smallest nice step (1, 2, 2,5, 5 × 10^k) that splits `min ..= max` into at most
/// `max_intervals` intervals. A range of zero width (or not finite) gets the step 1.
pub fn nice_step(min: f64, max: f64, max_intervals: usize) -> f64 {
    let span = (max - min).abs();
    if !span.is_finite() || span <= f64::MIN_POSITIVE {
        return 1.0;
    }
    let rough = span / max_intervals.max(1) as f64;
    let mut magnitude = 10f64.powf(rough.log10().floor());
    // A step is never smaller than `rough`; at most two decades are tried (log10 rounding).
    for _ in 0..3 {
        for mantissa in NICE_MANTISSAS {
            let step = mantissa * magnitude;
            if step >= rough * (1.0 - 1e-12) {
                return step;
            }
        }
        magnitude *= 10.0;
    }
    rough
}

/// The multiples of `step` inside `min ..= max`, lowest first (none for a bad step).
pub fn marks_in(min: f64, max: f64, step: f64) -> Vec<f64> {
    if !(step.is_finite() && step > 0.0 && min.is_finite() && max.is_finite()) {
        return Vec::new();
    }
    let (low, high) = (min.min(max), min.max(max));
    let first = (low / step - 1e-9).ceil() as i64;
    let last = (high / step + 1e-9).floor() as i64;
    if last < first || last - first > 1000 {
        return Vec::new();
    }
    // `+ 0.0` turns −0 into 0, so the label of zero has no minus.
    (first..=last).map(|k| k as f64 * step + 0.0).collect()
}

/// The step and marks of a y axis showing `min ..= max` on `height_points` points: 3 to 6
/// marks at a nice step, as many as keep their labels 30 points apart (but never fewer than 3).
pub fn y_marks(min: f64, max: f64, height_points: f64) -> (f64, Vec<f64>) {
    let (low, high) = if (max - min).abs() <= f64::MIN_POSITIVE { (min - 1.0, max + 1.0) } else { (min, max) };
    let fitting = if height_points.is_finite() && height_points > 0.0 {
        (height_points / LABEL_SPACING_POINTS).floor() as usize
    } else {
        MAX_MARKS
    };
    // A nice step rounds up: ask for one interval fewer than the marks wanted, then widen
    // until there are at least three marks (a label fits from 20 points on).
    let mut intervals = fitting.clamp(MIN_MARKS - 1, MAX_MARKS - 1);
    loop {
        let step = nice_step(low, high, intervals);
        let marks = marks_in(low, high, step);
        if marks.len() >= MIN_MARKS || intervals >= 2 * MAX_MARKS {
            return (step, marks);
        }
        intervals += 1;
    }
}

/// An egui_plot y grid spacer using [`y_marks`].
pub fn y_grid_spacer(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    // base_step_size = value per point × the minimum grid spacing: gives the plot's height.
    let height_points =
        if input.base_step_size > 0.0 { (max - min).abs() / input.base_step_size * GRID_SPACING_MIN_POINTS } else { f64::NAN };
    let (step, marks) = y_marks(min, max, height_points);
    marks.into_iter().map(|value| GridMark { value, step_size: step }).collect()
}

/// How many decimals a label needs to tell marks `step` apart (`0,25` needs 2, `5` none).
pub fn decimals_for_step(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (0..=6)
        .find(|decimals| {
            let scaled = step * 10f64.powi(*decimals);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .map_or(6, |decimals| decimals as usize)
}

/// The label of a mark of a count axis (places, persons) in `language`.
pub fn count_label(language: Language, mark: GridMark) -> String {
    language.number(mark.value, decimals_for_step(mark.step_size))
}

/// The label of a mark of a euro axis, in millions (`2,5 Mio. €` / `€2.5 m`).
pub fn millions_label(language: Language, mark: GridMark) -> String {
    language.millions(mark.value, decimals_for_step(mark.step_size / 1e6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_nice(step: f64) -> bool {
        let magnitude = 10f64.powf(step.log10().floor());
        NICE_MANTISSAS.iter().any(|m| ((step / magnitude) - m).abs() < 1e-9)
    }

    #[test]
    fn a_small_maximum_of_three_places_gets_a_mark_per_place() {
        // egui's auto bounds add a margin around 0 … 3.
        let (step, marks) = y_marks(-0.15, 3.15, 150.0);
        assert_eq!(step, 1.0);
        assert_eq!(marks, vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn a_range_of_zero_width_still_gets_three_marks() {
        let (step, marks) = y_marks(0.0, 0.0, 150.0);
        assert!(marks.len() >= MIN_MARKS, "{marks:?}");
        assert!(marks.contains(&0.0));
        assert!(step > 0.0);
        assert_eq!(nice_step(0.0, 0.0, 4), 1.0);
    }

    #[test]
    fn huge_values_get_a_nice_step_and_three_to_six_marks() {
        for max in [1.0e9, 2.7e12, 8.5e15, 31_000.0, 1.234e6] {
            let (step, marks) = y_marks(0.0, max, 150.0);
            assert!(is_nice(step), "{step} for {max}");
            assert!((MIN_MARKS..=MAX_MARKS).contains(&marks.len()), "{marks:?} for {max}");
        }
    }

    #[test]
    fn fractions_of_a_place_get_decimal_marks() {
        let (step, marks) = y_marks(0.0, 0.3, 150.0);
        assert!(is_nice(step) && step < 0.3, "{step}");
        assert!(marks.len() >= MIN_MARKS);
        assert_eq!(decimals_for_step(step), 1);
        assert_eq!(decimals_for_step(0.25), 2);
        assert_eq!(decimals_for_step(2.5e6 / 1e6), 1);
        assert_eq!(decimals_for_step(5000.0), 0);
    }

    #[test]
    fn the_step_is_one_of_one_two_two_and_a_half_five() {
        assert_eq!(nice_step(0.0, 10.0, 5), 2.0);
        assert_eq!(nice_step(0.0, 10.0, 4), 2.5);
        assert_eq!(nice_step(0.0, 100.0, 3), 50.0);
        assert_eq!(nice_step(0.0, 1.0, 10), 0.1);
        assert_eq!(nice_step(-5.0, 5.0, 5), 2.0);
    }

    #[test]
    fn a_low_plot_keeps_three_marks_and_a_tall_one_at_most_six() {
        assert!(y_marks(0.0, 30_000.0, 40.0).1.len() >= MIN_MARKS);
        assert!(y_marks(0.0, 30_000.0, 2000.0).1.len() <= MAX_MARKS);
    }

    #[test]
    fn the_spacer_reads_the_height_from_the_grid_input() {
        // 0 … 3.3 on 150 points: 8 points are 3.3 / 150 · 8.
        let marks = y_grid_spacer(GridInput { bounds: (-0.15, 3.15), base_step_size: 3.3 / 150.0 * 8.0 });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![0.0, 1.0, 2.0, 3.0]);
        assert!(marks.iter().all(|m| m.step_size == 1.0));
    }

    #[test]
    fn labels_are_written_in_the_window_language() {
        let mark = GridMark { value: 12_500.0, step_size: 2_500.0 };
        assert_eq!(count_label(Language::German, mark), "12.500");
        assert_eq!(count_label(Language::English, mark), "12,500");
        let half = GridMark { value: 0.5, step_size: 0.5 };
        assert_eq!(count_label(Language::German, half), "0,5");
        let money = GridMark { value: 2_500_000.0, step_size: 2_500_000.0 };
        assert_eq!(millions_label(Language::German, money), "2,5 Mio. €");
        assert_eq!(millions_label(Language::English, money), "€2.5 m");
    }

    #[test]
    fn bad_input_gives_no_marks_and_no_panic() {
        assert!(marks_in(0.0, 1.0, 0.0).is_empty());
        assert!(marks_in(f64::NAN, 1.0, 1.0).is_empty());
        assert!(y_grid_spacer(GridInput { bounds: (f64::NEG_INFINITY, f64::INFINITY), base_step_size: 1.0 }).is_empty());
    }
}
