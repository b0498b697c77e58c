//! The scenario editor: name, colour, arrivals steps with preview, factor, age mix, leave rate,
//! funding filter, measures switched off; add, duplicate, delete.

use super::{Drafts, Panel};
use crate::engine::arrivals_per_month;
use crate::model::{ArrivalStep, Funding, Scenario, WhatIf};
use crate::ui::action::Action;
use crate::ui::cells::CellContext;
use crate::ui::context::PanelCtx;
use crate::ui::document::{Command, unique_id};
use crate::ui::panels::measures::funding_label;
use crate::ui::panels::range_editor::{RangeSpec, WidenedRange, range_row_ui};
use crate::ui::theme::{MONTH_CELL_WIDTH, scenario_color};
use egui_plot::{Line, Plot, PlotPoints};

/// The scenarios tab: one scenario at a time, the selected one ([`Selection::scenario_id`]):
/// choosing a scenario here chooses it in the top bar too, and the other way round.
///
/// [`Selection::scenario_id`]: crate::ui::context::Selection::scenario_id
#[derive(Debug, Default)]
pub struct ScenariosPanel {
    /// Texts typed into cells that do not parse yet, by field path.
    pub drafts: Drafts,
    /// The range the last what-if value widened, said beside the field.
    pub widened: Option<WidenedRange>,
}

/// The position in the plan of the scenario the tab edits: the selected one (the first when
/// the selection points nowhere).
pub fn edited_index(ctx: &PanelCtx<'_>) -> usize {
    ctx.scenario(&ctx.selection.scenario_id).map_or(0, |(index, _)| index)
}

impl Panel for ScenariosPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        scenarios_ui(self, ui, ctx)
    }

    fn clear_drafts(&mut self) {
        self.drafts.clear();
    }
}

fn scenarios_ui(panel: &mut ScenariosPanel, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let plan = ctx.plan();
    let mut commands = Vec::new();
    let index = edited_index(ctx);
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (position, scenario) in plan.scenarios.iter().enumerate() {
            let color = scenario_color(scenario.color.as_deref(), position);
            let text = egui::RichText::new(&scenario.name).color(crate::ui::contrast::on_ui(ui, color));
            if ui.selectable_label(position == index, text).clicked() && position != index {
                chosen = Some(Action::SelectScenario(scenario.id.clone()));
            }
        }
        if ui.button(t.add_scenario).clicked()
            && let Some(base) = plan.scenarios.last()
        {
            let mut scenario = base.clone();
            scenario.id = unique_id("szenario", plan.scenarios.iter().map(|s| s.id.as_str()));
            scenario.name = t.add_scenario.trim_start_matches('➕').trim().to_owned();
            scenario.color = None;
            commands.push(Command::InsertScenario(plan.scenarios.len(), scenario));
        }
    });
    let Some(scenario) = plan.scenarios.get(index).cloned() else {
        return commands.into_iter().map(Action::Edit).chain(chosen).collect();
    };
    ui.separator();
    let mut edited = scenario.clone();
    // The widget whose drag or colour pick changed `edited` (one undo step per gesture).
    let mut gesture = None;
    // A what-if value set by a slider or typed: which assumption, and the value.
    let mut what_if = None;
    let path = format!("scenarios[{index}]");
    let language = ctx.language();
    let mut cells = CellContext { drafts: &mut panel.drafts, issues: ctx.issues(), language };
    egui::ScrollArea::vertical().id_salt("scenario_editor").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button(t.duplicate).clicked() {
                let mut copy = scenario.clone();
                copy.id = unique_id(&scenario.id, plan.scenarios.iter().map(|s| s.id.as_str()));
                copy.name = format!("{} (2)", scenario.name);
                copy.color = None;
                commands.push(Command::InsertScenario(index + 1, copy));
            }
            if ui.add_enabled(plan.scenarios.len() > 1, egui::Button::new(t.delete)).clicked() {
                commands.push(Command::DeleteScenario(index));
            }
        });
        egui::Grid::new("scenario_fields").num_columns(2).show(ui, |ui| {
            ui.label(t.name);
            if let Some(v) = cells.text(ui, &format!("{path}.name"), t.name, &scenario.name) {
                edited.name = v;
            }
            ui.end_row();
            ui.label(t.color);
            let current = scenario_color(scenario.color.as_deref(), index);
            let mut rgb = [current.r(), current.g(), current.b()];
            let response = ui.color_edit_button_srgb(&mut rgb);
            if response.changed() {
                gesture = Some(response.id);
                edited.color = Some(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]));
            }
            ui.end_row();
            ui.label(t.arrival_factor);
            ui.horizontal(|ui| {
                let mut factor = scenario.arrival_factor;
                let response = ui.add(what_if_slider(&mut factor, 0.0..=scenario.arrival_factor.max(5.0), 0.05));
                response.widget_info(|| egui::WidgetInfo::slider(true, factor, t.arrival_factor));
                // Live what-if: the plots follow the slider while it moves.
                if response.changed() && WhatIf::ArrivalFactor.changes(&scenario, factor) {
                    gesture = Some(response.id);
                    what_if = Some((WhatIf::ArrivalFactor, factor));
                }
                ui.label(format!("× {}", language.number(scenario.arrival_factor, 2)));
            });
            ui.end_row();
            ui.label(t.leave_rate);
            ui.horizontal(|ui| {
                let mut leave_percent = scenario.leave_rate_per_year * 100.0;
                let response = ui.add(what_if_slider(&mut leave_percent, 0.0..=50.0, 0.5));
                response.widget_info(|| egui::WidgetInfo::slider(true, leave_percent, t.leave_rate));
                if response.changed() && WhatIf::LeaveRate.changes(&scenario, leave_percent / 100.0) {
                    gesture = Some(response.id);
                    what_if = Some((WhatIf::LeaveRate, leave_percent / 100.0));
                }
                ui.label(language.percent_with(scenario.leave_rate_per_year, 1));
            });
            ui.end_row();
        });
        ui.separator();
        let (range_gesture, typed) = ranges_ui(ui, ctx, &scenario, index, &mut edited, panel.widened.as_ref());
        if let Some(id) = range_gesture {
            gesture = Some(id);
        }
        what_if = what_if.or(typed);
        // One rule for every what-if value (issue 20): beyond the range it widens the range, in
        // the same change, and the panel says so beside the field.
        if let Some((what, value)) = what_if
            && let Some(range) = edited.set_what_if(what, value)
        {
            panel.widened = Some(WidenedRange { scenario_id: scenario.id.clone(), what, range });
        }
        ui.separator();
        ui.strong(t.arrivals);
        let mut delete_step = None;
        egui::Grid::new("arrival_steps").striped(true).num_columns(3).show(ui, |ui| {
            ui.label(t.from_month);
            ui.label(t.per_month);
            ui.end_row();
            for (s, step) in scenario.arrivals.iter().enumerate() {
                let step_path = format!("{path}.arrivals[{s}]");
                let label = format!("{} {}", t.from_month, s + 1);
                // The grid would size the column by its header: "01/2025" needs more.
                let month_cell = egui::vec2(MONTH_CELL_WIDTH, ui.spacing().interact_size.y);
                let typed = ui
                    .allocate_ui(month_cell, |ui| {
                        ui.set_min_width(MONTH_CELL_WIDTH);
                        cells.month(ui, &format!("{step_path}.from"), &label, Some(step.from), false)
                    })
                    .inner;
                if let Some(Some(month)) = typed
                    && let Some(target) = edited.arrivals.get_mut(s)
                {
                    target.from = month;
                }
                if let Some(value) =
                    cells.number(ui, &format!("{step_path}.per_month"), &format!("{} {}", t.per_month, s + 1), step.per_month)
                    && let Some(target) = edited.arrivals.get_mut(s)
                {
                    target.per_month = value;
                }
                let name = format!("{}: {} {}", t.delete, t.per_month, s + 1);
                if super::measures_table::icon_button(ui, "🗑", &name).clicked() {
                    delete_step = Some(s);
                }
                ui.end_row();
            }
        });
        if let Some(s) = delete_step {
            edited.arrivals.remove(s);
        }
        if ui.button(t.add_step).clicked() {
            let last = scenario.arrivals.iter().map(|a| a.from).max().map_or(plan.horizon.start, |m| m.plus(12));
            let per_month = scenario.arrivals.iter().max_by_key(|a| a.from).map_or(0.0, |a| a.per_month);
            edited.arrivals.push(ArrivalStep { from: last, per_month, extra: Default::default() });
        }
        let preview = arrivals_per_month(&scenario, plan.horizon.start, plan.horizon.months as usize);
        Plot::new("arrivals_preview")
            .height(90.0)
            .show_axes([false, true])
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .include_y(0.0)
            .y_grid_spacer(crate::ui::y_scale::y_grid_spacer)
            .y_axis_formatter(move |mark, _| crate::ui::y_scale::count_label(language, mark))
            .show(ui, |plot_ui| {
                plot_ui.line(
                    Line::new(t.arrivals, PlotPoints::from_ys_f64(&preview))
                        .color(scenario_color(scenario.color.as_deref(), index)),
                );
            });
        ui.separator();
        ui.strong(t.age_distribution);
        egui::Grid::new("age_distribution").num_columns(2).show(ui, |ui| {
            for (b, (band, share)) in scenario.age_distribution.iter().enumerate() {
                ui.label(band);
                if let Some(value) = cells.number(
                    ui,
                    &format!("{path}.age_distribution.{band}"),
                    &format!("{} {band}", t.age_distribution),
                    *share,
                ) && let Some(target) = edited.age_distribution.get_mut(b)
                {
                    target.1 = value;
                }
                ui.end_row();
            }
        });
        let sum: f64 = scenario.age_distribution.iter().map(|(_, s)| s).sum();
        let ok = (sum - 1.0).abs() <= crate::validate::SHARE_SUM_TOLERANCE;
        ui.label(egui::RichText::new(format!("{}: {}", t.sum, language.number(sum, 4))).color(if ok {
            crate::ui::contrast::good_text(ui)
        } else {
            crate::ui::contrast::error_text(ui)
        }));
        ui.separator();
        ui.strong(t.funding_included);
        ui.horizontal(|ui| {
            for funding in Funding::ALL {
                let mut on = scenario.funding_included.contains(&funding);
                if ui.checkbox(&mut on, funding_label(funding, t)).changed() {
                    edited.funding_included = Funding::ALL
                        .into_iter()
                        .filter(|f| if *f == funding { on } else { scenario.funding_included.contains(f) })
                        .collect();
                }
            }
        });
        ui.separator();
        ui.strong(t.measures_off);
        for measure in &plan.measures {
            let mut off = scenario.measures_off.contains(&measure.id);
            if ui.checkbox(&mut off, &measure.name).changed() {
                if off {
                    edited.measures_off.push(measure.id.clone());
                } else {
                    edited.measures_off.retain(|id| *id != measure.id);
                }
            }
        }
    });
    let mut actions: Vec<Action> = commands.into_iter().map(Action::Edit).chain(chosen).collect();
    if edited != scenario {
        let command = Command::SetScenario(index, edited);
        actions.push(match gesture {
            Some(id) => Action::EditGesture(command, id),
            None => Action::Edit(command),
        });
    }
    actions
}

/// The ranges of the uncertain assumptions (SPEC §5) written into `edited`; returns the widget
/// of a drag that changed them, and a what-if value typed or dragged in a "value" cell (which
/// the caller sets by the one rule of [`Scenario::set_what_if`]).
fn ranges_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    scenario: &Scenario,
    index: usize,
    edited: &mut Scenario,
    widened: Option<&WidenedRange>,
) -> (Option<egui::Id>, Option<(WhatIf, f64)>) {
    let t = ctx.strings();
    let language = ctx.language();
    let path = format!("scenarios[{index}]");
    let color = scenario_color(scenario.color.as_deref(), index);
    let specs = [
        RangeSpec {
            label: t.arrival_factor,
            key: "arrival_factor",
            scale: 1.0,
            suffix: "",
            max_shown: 5.0,
            decimals: 2,
            default_range: |value| ((value * 0.75 * 100.0).round() / 100.0, (value * 1.5 * 100.0).round() / 100.0),
        },
        RangeSpec {
            label: t.leave_rate,
            key: "leave_rate_per_year",
            scale: 100.0,
            suffix: language.percent_sign(),
            max_shown: 99.9,
            decimals: 1,
            default_range: |value| ((value * 0.5 * 1000.0).round() / 1000.0, (value * 2.0).min(0.5)),
        },
    ];
    let uncertainty = scenario.uncertainty.clone().unwrap_or_default();
    let mut messages = Vec::new();
    let mut gesture = None;
    let mut typed = None;
    ui.strong(t.range_heading);
    egui::Grid::new("scenario_ranges").num_columns(6).show(ui, |ui| {
        ui.label("");
        ui.label("");
        ui.label(t.range_low);
        ui.label(t.range_value);
        ui.label(t.range_high);
        ui.end_row();
        for spec in &specs {
            let arrivals = spec.key == "arrival_factor";
            let (value, range) = if arrivals {
                (scenario.arrival_factor, uncertainty.arrival_factor.as_ref())
            } else {
                (scenario.leave_rate_per_year, uncertainty.leave_rate_per_year.as_ref())
            };
            let change = range_row_ui(ui, spec, value, range, &path, ctx.issues(), color, language, &mut messages);
            ui.end_row();
            gesture = gesture.or(change.gesture);
            let what = if arrivals { WhatIf::ArrivalFactor } else { WhatIf::LeaveRate };
            if let Some(value) = change.value.filter(|value| what.changes(scenario, *value)) {
                typed = Some((what, value));
            }
            if let Some(range) = change.range {
                let target = edited.uncertainty.get_or_insert_with(Default::default);
                if arrivals {
                    target.arrival_factor = range;
                } else {
                    target.leave_rate_per_year = range;
                }
                if target.arrival_factor.is_none() && target.leave_rate_per_year.is_none() && target.extra.is_empty() {
                    edited.uncertainty = None;
                }
            }
        }
    });
    if let Some(note) = widened.and_then(|w| w.note(scenario, language)) {
        ui.label(note);
    }
    for message in messages {
        ui.label(egui::RichText::new(format!("⚠ {message}")).color(crate::ui::contrast::error_text(ui)));
    }
    (gesture, typed)
}

/// A slider for a what-if value that only reports a change when the user moves it: egui's
/// default clamping puts the existing value on the step grid every frame (1,40 becomes
/// 1,4000000000000001 = 28 × 0,05) and calls that a change, which made each undo followed at
/// once by a new edit (issue 20).
pub fn what_if_slider(value: &mut f64, range: std::ops::RangeInclusive<f64>, step: f64) -> egui::Slider<'_> {
    egui::Slider::new(value, range).step_by(step).clamping(egui::SliderClamping::Edits).show_value(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, click};
    use egui::Role;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_scenarios_panel_asks_to_delete_and_duplicate_the_edited_scenario() {
        let mut harness = bench(ScenariosPanel::default());
        harness.run();
        let names: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.name.clone()).collect();
        let ids: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.id.clone()).collect();
        harness.get_by_role_and_label(Role::Button, &names[1]).click();
        harness.run();
        assert_eq!(
            harness.state().actions,
            vec![Action::SelectScenario(ids[1].clone())],
            "choosing a scenario to edit selects it (top bar, plots, indicators)"
        );
        // The app carries the action out; the tab then edits the selected scenario.
        harness.state_mut().selection.scenario_id = ids[1].clone();
        harness.state_mut().actions.clear();
        harness.run();
        click(&mut harness, "Löschen");
        click(&mut harness, "Duplizieren");
        match harness.state().edits().as_slice() {
            [Command::DeleteScenario(1), Command::InsertScenario(2, copy)] => assert_eq!(copy.name, format!("{} (2)", names[1])),
            other => panic!("expected delete and duplicate, got {other:?}"),
        }
    }

    #[test]
    fn the_tab_edits_the_scenario_selected_in_the_top_bar() {
        let mut harness = bench(ScenariosPanel::default());
        let third = harness.state().session.plan().scenarios[2].clone();
        harness.state_mut().selection.scenario_id = third.id.clone();
        harness.run();
        let name = harness.get_by_role_and_label(Role::TextInput, "Name").value().unwrap_or_default();
        assert_eq!(name, third.name, "the name cell shows the selected scenario");
    }

    #[test]
    fn the_month_of_an_arrival_step_is_wide_enough_for_month_and_year() {
        let mut harness = bench(ScenariosPanel::default());
        harness.run();
        let cell = harness.get_by_label("ab Monat 1");
        let text = cell.value().unwrap_or_default();
        assert_eq!(text.len(), "01/2025".len(), "{text}");
        assert!(cell.rect().width() >= MONTH_CELL_WIDTH - 1.0, "{:?}", cell.rect());
    }

    /// The high scenario selected, with its arrival factor and leave rate set (whole hundredths
    /// and tenths of a percent, as the window writes them).
    fn bench_on_high<P: Panel + 'static>(
        panel: P,
        factor: f64,
        leave_rate: f64,
    ) -> egui_kittest::Harness<'static, crate::ui::panels::testing::Bench<P>> {
        let mut harness = bench(panel);
        let bench = harness.state_mut();
        let index = bench.session.plan().scenarios.iter().position(|s| s.id == "hoch").expect("the high scenario");
        let mut scenario = bench.session.plan().scenarios[index].clone();
        scenario.set_what_if(WhatIf::ArrivalFactor, factor);
        scenario.set_what_if(WhatIf::LeaveRate, leave_rate);
        bench.session.apply(Command::SetScenario(index, scenario));
        bench.session.refresh();
        bench.selection.scenario_id = "hoch".into();
        harness
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

        /// Issue 20, the root of the stuck undo: drawing the scenario editor or the what-if
        /// controls without any input never edits the plan, whatever the factor (1,40 is not
        /// 28 × 0,05 in binary, and egui's slider used to "snap" it each frame and call that a
        /// change, so that every undo was followed at once by a new edit).
        #[test]
        fn drawing_the_what_if_sliders_without_input_edits_nothing(hundredths in 0..300u16, tenth_percents in 0..500u16) {
            let (factor, leave_rate) = (f64::from(hundredths) / 100.0, f64::from(tenth_percents) / 1000.0);
            let mut harness = bench_on_high(ScenariosPanel::default(), factor, leave_rate);
            harness.run();
            harness.run();
            proptest::prop_assert!(harness.state().actions.is_empty(), "{factor}: {:?}", harness.state().actions);
            let mut harness = bench_on_high(crate::ui::panels::presentation::WhatIfPanel::default(), factor, leave_rate);
            harness.run();
            harness.run();
            proptest::prop_assert!(harness.state().actions.is_empty(), "{factor}: {:?}", harness.state().actions);
        }
    }

    #[test]
    fn a_typed_factor_beyond_the_range_widens_the_range_in_the_same_edit_and_says_so() {
        let mut harness = bench_on_high(ScenariosPanel::default(), 1.0, 0.08);
        harness.run();
        crate::ui::panels::testing::type_into(&mut harness, "Zugangsfaktor Wert", "1,5");
        let edits = harness.state().edits();
        let Some(Command::SetScenario(_, scenario)) = edits.last() else { panic!("expected a scenario edit: {edits:?}") };
        assert_eq!(scenario.arrival_factor, 1.5);
        let range = WhatIf::ArrivalFactor.range(scenario).expect("uncertain");
        assert_eq!((range.low, range.high), (0.7, 1.5), "the range widened in the same edit");
        let scenario = (*scenario).clone();
        let index = harness.state().session.plan().scenarios.iter().position(|s| s.id == "hoch").expect("hoch");
        harness.state_mut().session.apply(Command::SetScenario(index, scenario));
        harness.state_mut().session.refresh();
        harness.run();
        assert!(!harness.state().session.issues().iter().any(|i| i.is_error()), "the plan stays valid");
        assert!(harness.query_by_label("ℹ Unsicherheitsbereich erweitert auf 0,70–1,50").is_some(), "one line says so");
    }

    #[test]
    fn a_value_shown_equal_to_the_high_end_is_never_called_lower() {
        let mut harness = bench(ScenariosPanel::default());
        let bench = harness.state_mut();
        let index = bench.session.plan().scenarios.iter().position(|s| s.id == "hoch").expect("the high scenario");
        let mut scenario = bench.session.plan().scenarios[index].clone();
        // A file written elsewhere: 28 × 0,05 = 1,4000000000000001 against a high end of 1,4.
        scenario.arrival_factor = 28.0 * 0.05;
        bench.session.apply(Command::SetScenario(index, scenario));
        bench.session.refresh();
        bench.selection.scenario_id = "hoch".into();
        harness.run();
        assert!(harness.query_by_label_contains("darf nicht unter dem Wert liegen").is_none(), "1,40 is not below 1,40");
        assert!(harness.query_by_label_contains("1,4000000000000001").is_some(), "the full numbers say why");
    }
}
