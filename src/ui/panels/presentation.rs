//! Presentation mode for workshops: large what-if controls beside the plots, editing hidden.

use super::Panel;
use crate::model::{Scenario, WhatIf};
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::document::Command;
use crate::ui::panels::range_editor::WidenedRange;

/// Size of the text of the what-if controls, in points (before the zoom of presentation mode).
const CONTROL_TEXT: f32 = 20.0;

/// Steps of the arrival-factor slider and its arrow keys.
const FACTOR_STEP: f64 = 0.05;

/// Largest arrival factor of the slider (a larger one can be typed).
const FACTOR_SLIDER_MAX: f64 = 3.0;

/// Height of the arrival-factor slider, in points (before the zoom).
const SLIDER_HEIGHT: f32 = 36.0;

/// The knob of the slider is this much wider than tall: an upright oval read as the digit "0".
const KNOB_ASPECT: f32 = 1.6;

/// The what-if controls: scenario switch, arrival factor, measures on and off.
#[derive(Debug, Default)]
pub struct WhatIfPanel {
    /// The range the last what-if value widened, said beside the field.
    pub widened: Option<WidenedRange>,
}

impl Panel for WhatIfPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        what_if_ui(self, ctx, ui, &mut actions);
        actions
    }
}

fn what_if_ui(panel: &mut WhatIfPanel, ctx: &PanelCtx<'_>, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let t = ctx.strings();
    let plan = ctx.plan();
    ui.heading(egui::RichText::new(t.what_if).size(CONTROL_TEXT + 4.0).strong());
    ui.add_space(8.0);

    ui.label(egui::RichText::new(t.scenario).size(CONTROL_TEXT));
    for (index, scenario) in plan.scenarios.iter().enumerate() {
        let (id, name) = (&scenario.id, &scenario.name);
        let color = crate::ui::theme::scenario_color(scenario.color.as_deref(), index);
        let selected = ctx.selection.scenario_id == *id;
        // On the selection fill the scenario colour would not read: white text there.
        // Short names wrap onto a second line; a name of thousands of characters is cut.
        let text = egui::RichText::new(format!("■ {}", crate::format::elide(name, 60))).size(CONTROL_TEXT).strong();
        let text = if selected {
            text.color(ui.visuals().selection.stroke.color)
        } else {
            text.color(crate::ui::contrast::on_ui(ui, color))
        };
        if ui.add(egui::Button::selectable(selected, text).min_size(egui::vec2(ui.available_width(), 40.0)).truncate()).clicked()
        {
            actions.push(Action::SelectScenario(id.clone()));
            actions.push(Action::CompareScenario(id.clone(), true));
        }
    }
    ui.add_space(12.0);

    // The bands, big: shown or hidden with one click in front of an audience.
    let on = ctx.settings.show_bands;
    // A framed switch with a box that shows its state, so that "off" does not read as a label.
    let mark = if on { "☑" } else { "☐" };
    let text = egui::RichText::new(format!("{mark} {}", t.bands_toggle)).size(CONTROL_TEXT).strong();
    let text = if on { text.color(ui.visuals().selection.stroke.color) } else { text };
    let button = egui::Button::new(text).selected(on).frame(true).min_size(egui::vec2(ui.available_width(), 40.0));
    if ui.add(button).clicked() {
        actions.push(Action::SetBands(!on));
    }
    if on && let Some(fraction) = ctx.session.bands().progress() {
        ui.add(egui::ProgressBar::new(fraction).text(format!(
            "{} {}",
            t.bands_computing,
            ctx.language().percent(f64::from(fraction))
        )));
    }
    ui.add_space(12.0);

    let Some((index, scenario)) = ctx.scenario(&ctx.selection.scenario_id) else { return };
    if let Some((factor, gesture)) = arrival_factor_ui(ui, ctx, scenario) {
        let mut changed = scenario.clone();
        // One rule for every what-if value: beyond the scenario's range (SPEC §5) it widens the
        // range in the same undo step, instead of leaving the plan invalid in front of the room.
        if let Some(range) = changed.set_what_if(WhatIf::ArrivalFactor, factor) {
            panel.widened = Some(WidenedRange { scenario_id: scenario.id.clone(), what: WhatIf::ArrivalFactor, range });
        }
        actions.push(Action::EditGesture(Command::SetScenario(index, changed), gesture));
    }
    if let Some(note) = panel.widened.as_ref().and_then(|w| w.note(scenario, ctx.language())) {
        ui.label(egui::RichText::new(note).size(CONTROL_TEXT - 4.0));
    }
    ui.add_space(12.0);

    ui.label(egui::RichText::new(t.measures_switch).size(CONTROL_TEXT));
    egui::ScrollArea::vertical().id_salt("presentation_measures").show(ui, |ui| {
        let mut toggled = None;
        for measure in &plan.measures {
            let mut on = !scenario.measures_off.contains(&measure.id);
            let counted = scenario.funding_included.contains(&measure.funding);
            let text = egui::RichText::new(crate::format::elide(&measure.name, 80)).size(CONTROL_TEXT - 4.0);
            let text = if counted { text } else { text.weak() };
            if ui.checkbox(&mut on, text).changed() {
                toggled = Some((measure.id.clone(), on));
            }
        }
        if let Some((id, on)) = toggled {
            let mut changed = scenario.clone();
            if on {
                changed.measures_off.retain(|m| *m != id);
            } else {
                changed.measures_off.push(id);
            }
            actions.push(Action::Edit(Command::SetScenario(index, changed)));
        }
    });
}

/// The arrival factor: its label with the value editable in place (German decimal comma), and
/// below it a slider as wide as the panel with steps of 0,05 (arrow keys too). Returns the new
/// value as the user set it, with the widget of the gesture.
fn arrival_factor_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, scenario: &Scenario) -> Option<(f64, egui::Id)> {
    let t = ctx.strings();
    let language = ctx.language();
    let mut set = None;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t.arrival_factor).size(CONTROL_TEXT));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.style_mut().override_font_id = Some(egui::FontId::proportional(CONTROL_TEXT));
            let mut typed = scenario.arrival_factor;
            let field = egui::DragValue::new(&mut typed)
                .speed(FACTOR_STEP / 4.0)
                .range(0.0..=crate::schema::MAX_ARRIVAL_FACTOR)
                .fixed_decimals(2)
                .custom_formatter(|value, _| format!("× {}", language.number(value, 2)))
                .custom_parser(|text| {
                    let text = text.trim().trim_start_matches(['×', 'x', 'X']).trim();
                    crate::format::parse_user_number(text, language == crate::ui::i18n::Language::German)
                });
            let response = ui.add_sized([110.0, SLIDER_HEIGHT], field);
            let label = format!("{} {}", t.arrival_factor, t.range_value);
            response.widget_info(|| egui::WidgetInfo::slider(true, typed, &label));
            if response.changed() && WhatIf::ArrivalFactor.changes(scenario, typed) {
                set = Some((typed, response.id));
            }
        });
    });
    let mut factor = scenario.arrival_factor;
    ui.scope(|ui| {
        ui.spacing_mut().slider_width = ui.available_width();
        // A wide flat knob with square corners: no one reads a number into it.
        let widgets = &mut ui.visuals_mut().widgets;
        for widget in [&mut widgets.inactive, &mut widgets.hovered, &mut widgets.active] {
            widget.corner_radius = egui::CornerRadius::same(2);
        }
        let slider = crate::ui::panels::scenarios::what_if_slider(
            &mut factor,
            0.0..=FACTOR_SLIDER_MAX.max(scenario.arrival_factor),
            FACTOR_STEP,
        )
        .handle_shape(egui::style::HandleShape::Rect { aspect_ratio: KNOB_ASPECT });
        let response = ui.add_sized([ui.available_width(), SLIDER_HEIGHT], slider);
        response.widget_info(|| egui::WidgetInfo::slider(true, factor, t.arrival_factor));
        if response.changed() && WhatIf::ArrivalFactor.changes(scenario, factor) {
            set = Some((factor, response.id));
        }
    });
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, click};

    #[test]
    fn the_what_if_panel_selects_scenarios_and_switches_measures() {
        let mut harness = bench(WhatIfPanel::default());
        harness.run();
        let plan = harness.state().session.plan().clone();
        click(&mut harness, &format!("■ {}", plan.scenarios[1].name));
        assert_eq!(
            harness.state().actions,
            vec![
                Action::SelectScenario(plan.scenarios[1].id.clone()),
                Action::CompareScenario(plan.scenarios[1].id.clone(), true)
            ]
        );
        harness.state_mut().actions.clear();
        let measure = &plan.measures[0];
        click(&mut harness, &measure.name);
        match harness.state().edits().as_slice() {
            [Command::SetScenario(0, scenario)] => assert!(scenario.measures_off.contains(&measure.id)),
            other => panic!("expected one scenario edit, got {other:?}"),
        }
    }
}
