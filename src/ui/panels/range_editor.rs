//! The range editor of the scenario panel (SPEC §5): for an uncertain assumption a switch,
//! "low / value / high" drag values and a small triangle of the distribution beside them; bad
//! ranges are outlined red with the reason below.

use crate::issue::Issue;
use crate::model::{Scenario, ValueRange, WhatIf};
use crate::ui::i18n::{Language, Strings};
use crate::ui::theme::{ERROR_RED, RANGE_TRIANGLE, band_fill};

/// How one assumption is shown and edited.
pub struct RangeSpec<'a> {
    /// The assumption's name (also in the accessible labels: "Zugangsfaktor niedrig").
    pub label: &'a str,
    /// The key under `uncertainty` and on the scenario: `arrival_factor`, `leave_rate_per_year`.
    pub key: &'a str,
    /// Shown value = stored value × `scale` (100 for a rate in percent).
    pub scale: f64,
    /// Text after the shown value.
    pub suffix: &'a str,
    /// Largest shown value a drag may reach.
    pub max_shown: f64,
    /// Decimals shown.
    pub decimals: usize,
    /// The range proposed when the switch is turned on, from the value.
    pub default_range: fn(f64) -> (f64, f64),
}

/// What the user changed in one row.
#[derive(Debug, Default, PartialEq)]
pub struct RangeChange {
    /// The assumption's new value.
    pub value: Option<f64>,
    /// The new range (`Some(None)`: switched off).
    pub range: Option<Option<ValueRange>>,
    /// The widget whose drag made the change (one undo step per gesture).
    pub gesture: Option<egui::Id>,
}

/// A scenario's range widened by a what-if value (issue 20), remembered by the panel that made
/// the change so that it can say so beside the field.
#[derive(Debug, Clone, PartialEq)]
pub struct WidenedRange {
    /// The scenario whose range widened.
    pub scenario_id: String,
    /// Which of its assumptions.
    pub what: WhatIf,
    /// The range as widened.
    pub range: ValueRange,
}

impl WidenedRange {
    /// The line beside the field, while `scenario`'s range is still the one widened (an undo or
    /// another edit of the range makes it go away).
    pub fn note(&self, scenario: &Scenario, language: Language) -> Option<String> {
        if scenario.id != self.scenario_id || self.what.range(scenario) != Some(&self.range) {
            return None;
        }
        let shown = |value: f64| match self.what {
            WhatIf::ArrivalFactor => language.number(value, 2),
            WhatIf::LeaveRate => language.percent_with(value, 1),
        };
        let t = language.strings();
        Some(format!("ℹ {} {}–{}", t.range_widened, shown(self.range.low), shown(self.range.high)))
    }
}

/// One row of the range grid: name, switch, low, value, high, triangle. `path` is the
/// scenario's path (`scenarios[0]`); `messages` collects the reasons of red cells.
#[allow(clippy::too_many_arguments)]
pub fn range_row_ui(
    ui: &mut egui::Ui,
    spec: &RangeSpec<'_>,
    value: f64,
    range: Option<&ValueRange>,
    path: &str,
    issues: &[Issue],
    color: egui::Color32,
    language: Language,
    messages: &mut Vec<String>,
) -> RangeChange {
    let t = language.strings();
    let mut change = RangeChange::default();
    ui.label(spec.label);
    let mut on = range.is_some();
    if ui.checkbox(&mut on, t.range_uncertain).changed() {
        change.range = Some(on.then(|| {
            let (low, high) = (spec.default_range)(value);
            ValueRange { low, high, extra: Default::default() }
        }));
    }
    let range_path = format!("{path}.uncertainty.{}", spec.key);
    let low_path = format!("{range_path}.low");
    let high_path = format!("{range_path}.high");
    let value_path = format!("{path}.{}", spec.key);
    let low = range.map(|r| r.low);
    let high = range.map(|r| r.high);
    let mut cell = |ui: &mut egui::Ui, part: &str, current: Option<f64>, field_path: &str| -> Option<f64> {
        let Some(current) = current else {
            ui.label("–");
            return None;
        };
        let mut shown = current * spec.scale;
        let drag = egui::DragValue::new(&mut shown)
            .speed(spec.max_shown / 500.0)
            .range(0.0..=spec.max_shown)
            .fixed_decimals(spec.decimals)
            .custom_formatter(|v, _| format!("{}{}", language.number(v, spec.decimals), spec.suffix))
            .custom_parser(|text| {
                let text = text.trim().trim_end_matches(spec.suffix.trim()).trim();
                crate::format::parse_user_number(text, language == Language::German)
            });
        let response = ui.add(drag);
        let label = format!("{} {part}", spec.label);
        response.widget_info(|| egui::WidgetInfo::slider(true, shown, &label));
        let problem = issues.iter().find(|i| i.is_error() && i.path == field_path);
        if let Some(issue) = problem {
            ui.painter().rect_stroke(response.rect, 2.0, egui::Stroke::new(1.5, ERROR_RED), egui::StrokeKind::Outside);
            let shown_round = |v: f64| crate::model::round_to(v * spec.scale, spec.decimals as i32);
            let shown = (low.map(shown_round), shown_round(value), high.map(shown_round));
            // The short reason only when the planner can see it; equal as shown, the issue's
            // own message gives the full numbers.
            let message = ordering_message(t, field_path == low_path, field_path == high_path, shown.0, shown.1, shown.2)
                .unwrap_or_else(|| crate::ui::field_label::issue_message(issue, language));
            if !messages.contains(&message) {
                messages.push(message);
            }
        }
        if response.changed() {
            change.gesture = Some(response.id);
            return Some(shown / spec.scale);
        }
        None
    };
    let new_low = cell(ui, t.range_low, low, &low_path);
    let new_value = cell(ui, t.range_value, Some(value), &value_path);
    let new_high = cell(ui, t.range_high, high, &high_path);
    change.value = new_value;
    if let (Some(range), None) = (range, &change.range)
        && (new_low.is_some() || new_high.is_some())
    {
        let mut edited = range.clone();
        edited.low = new_low.unwrap_or(range.low);
        edited.high = new_high.unwrap_or(range.high);
        change.range = Some(Some(edited));
    }
    triangle_ui(ui, low, value, high, color).on_hover_text(t.range_triangle);
    change
}

/// The translated reason for a low above or a high below the value, if that is the problem.
fn ordering_message(t: &Strings, is_low: bool, is_high: bool, low: Option<f64>, value: f64, high: Option<f64>) -> Option<String> {
    if is_low && low.is_some_and(|low| low > value) {
        return Some(t.range_low_above_value.to_owned());
    }
    if is_high && high.is_some_and(|high| high < value) {
        return Some(t.range_high_below_value.to_owned());
    }
    None
}

/// A small triangle: its base from low to high, its tip over the value (a bar when certain).
fn triangle_ui(ui: &mut egui::Ui, low: Option<f64>, value: f64, high: Option<f64>, color: egui::Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(RANGE_TRIANGLE, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let stroke = egui::Stroke::new(1.5, color);
    match (low, high) {
        (Some(low), Some(high)) if high > low => {
            let at = ((value - low) / (high - low)).clamp(0.0, 1.0) as f32;
            let bad = value < low || value > high;
            let tip = egui::pos2(rect.left() + at * rect.width(), rect.top() + 1.0);
            let points = vec![rect.left_bottom(), tip, rect.right_bottom()];
            let stroke = if bad { egui::Stroke::new(1.5, ERROR_RED) } else { stroke };
            painter.add(egui::Shape::convex_polygon(points, band_fill(color), stroke));
        }
        _ => {
            let x = rect.center().x;
            painter.line_segment([egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())], egui::Stroke::new(2.0, color));
        }
    }
    painter.line_segment([rect.left_bottom(), rect.right_bottom()], egui::Stroke::new(1.0, ui.visuals().weak_text_color()));
    response
}
