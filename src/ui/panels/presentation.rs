//! Presentation mode for workshops: large what-if controls beside the plots, editing hidden.

use super::Panel;
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::document::Command;

/// Size of the text of the what-if controls, in points (before the zoom of presentation mode).
const CONTROL_TEXT: f32 = 20.0;

/// The what-if controls: scenario switch, arrival factor, measures on and off.
#[derive(Debug, Default)]
pub struct WhatIfPanel;

impl Panel for WhatIfPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        what_if_ui(ctx, ui, &mut actions);
        actions
    }
}

fn what_if_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
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
        let text = egui::RichText::new(format!("■ {name}")).size(CONTROL_TEXT).strong();
        let text = if selected {
            text.color(ui.visuals().selection.stroke.color)
        } else {
            text.color(crate::ui::contrast::on_ui(ui, color))
        };
        if ui.add(egui::Button::selectable(selected, text).min_size(egui::vec2(ui.available_width(), 40.0))).clicked() {
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
    let mut factor = scenario.arrival_factor;
    ui.label(egui::RichText::new(t.arrival_factor).size(CONTROL_TEXT));
    ui.spacing_mut().slider_width = (ui.available_width() - 100.0).max(120.0);
    let language = ctx.language();
    let response = ui.horizontal(|ui| {
        let response = ui.add_sized(
            [ui.available_width() - 90.0, 36.0],
            egui::Slider::new(&mut factor, 0.0..=3.0)
                .step_by(0.05)
                .show_value(false)
                .handle_shape(egui::style::HandleShape::Rect { aspect_ratio: 0.5 }),
        );
        response.widget_info(|| egui::WidgetInfo::slider(true, factor, t.arrival_factor));
        ui.label(egui::RichText::new(format!("× {}", language.number(factor, 2))).size(CONTROL_TEXT).strong());
        response
    });
    let response = response.inner;
    // Whole hundredths, as shown: no 2,4000000000000004 in the plan file.
    let factor = (factor * 100.0).round() / 100.0;
    if response.changed() && factor != scenario.arrival_factor {
        let mut changed = scenario.clone();
        changed.arrival_factor = factor;
        // The scenario's range (SPEC §5) must hold its own value: it widens with the slider
        // instead of leaving the plan invalid in front of the room.
        if let Some(range) = changed.uncertainty.as_mut().and_then(|u| u.arrival_factor.as_mut()) {
            range.low = range.low.min(factor);
            range.high = range.high.max(factor);
        }
        actions.push(Action::EditGesture(Command::SetScenario(index, changed), response.id));
    }
    ui.add_space(12.0);

    ui.label(egui::RichText::new(t.measures_switch).size(CONTROL_TEXT));
    egui::ScrollArea::vertical().id_salt("presentation_measures").show(ui, |ui| {
        let mut toggled = None;
        for measure in &plan.measures {
            let mut on = !scenario.measures_off.contains(&measure.id);
            let counted = scenario.funding_included.contains(&measure.funding);
            let text = egui::RichText::new(&measure.name).size(CONTROL_TEXT - 4.0);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, click};

    #[test]
    fn the_what_if_panel_selects_scenarios_and_switches_measures() {
        let mut harness = bench(WhatIfPanel);
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
