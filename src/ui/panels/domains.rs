//! Domains: name, unit, persons per unit and rates by age band.

use super::{Drafts, Panel};
use crate::ui::action::Action;
use crate::ui::cells::CellContext;
use crate::ui::context::PanelCtx;
use crate::ui::document::Command;

/// The domains tab.
#[derive(Debug, Default)]
pub struct DomainsPanel {
    /// Texts typed into cells that do not parse yet, by field path.
    pub drafts: Drafts,
}

impl Panel for DomainsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        domains_ui(&mut self.drafts, ui, ctx)
    }

    fn clear_drafts(&mut self) {
        self.drafts.clear();
    }
}

fn domains_ui(drafts: &mut Drafts, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let plan = ctx.plan();
    let mut commands = Vec::new();
    let mut cells = CellContext { drafts, issues: ctx.issues(), language: ctx.language() };
    egui::ScrollArea::vertical().id_salt("domains_editor").show(ui, |ui| {
        for (d, domain) in plan.domains.iter().enumerate() {
            let path = format!("domains[{d}]");
            let mut edited = domain.clone();
            egui::CollapsingHeader::new(egui::RichText::new(format!("{} ({})", domain.name, domain.id)).strong())
                .id_salt(&path)
                .default_open(true)
                .show(ui, |ui| {
                    egui::Grid::new((&path, "fields")).num_columns(2).show(ui, |ui| {
                        ui.label(t.name);
                        if let Some(v) =
                            cells.text(ui, &format!("{path}.name"), &format!("{}: {}", t.name, domain.id), &domain.name)
                        {
                            edited.name = v;
                        }
                        ui.end_row();
                        ui.label(t.unit);
                        if let Some(v) =
                            cells.text(ui, &format!("{path}.unit"), &format!("{}: {}", t.unit, domain.id), &domain.unit)
                        {
                            edited.unit = v;
                        }
                        ui.end_row();
                        ui.label(t.persons_per_unit);
                        let label = format!("{}: {}", t.persons_per_unit, domain.id);
                        if let Some(v) = cells.number(ui, &format!("{path}.persons_per_unit"), &label, domain.persons_per_unit) {
                            edited.persons_per_unit = v;
                        }
                        ui.end_row();
                    });
                    ui.label(t.rates);
                    let mut delete = None;
                    egui::Grid::new((&path, "rates")).striped(true).num_columns(3).show(ui, |ui| {
                        ui.label(t.age_band);
                        ui.label(t.rate);
                        ui.end_row();
                        for (b, (band, rate)) in domain.rates.iter().enumerate() {
                            let band_path = format!("{path}.rates.{band}");
                            if let Some(v) = cells.text(
                                ui,
                                &format!("{path}.rates#{b}"),
                                &format!("{} {}: {}", t.age_band, b + 1, domain.id),
                                band,
                            ) && let Some(entry) = edited.rates.get_mut(b)
                            {
                                entry.0 = v;
                            }
                            if let Some(v) = cells.number(ui, &band_path, &format!("{} {band}: {}", t.rate, domain.id), *rate)
                                && let Some(entry) = edited.rates.get_mut(b)
                            {
                                entry.1 = v;
                            }
                            let name = format!("{}: {} {band}", t.delete, t.rate);
                            if super::measures_table::icon_button(ui, "🗑", &name).clicked() {
                                delete = Some(b);
                            }
                            ui.end_row();
                        }
                    });
                    if let Some(b) = delete {
                        edited.rates.remove(b);
                    }
                    if ui.button(t.add_band).clicked() {
                        edited.rates.push(("18+".to_owned(), 0.0));
                    }
                });
            if edited != *domain {
                commands.push(Command::SetDomain(d, edited));
            }
        }
    });
    commands.into_iter().map(Action::Edit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::bench;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_domains_panel_returns_a_new_age_band() {
        let mut harness = bench(DomainsPanel::default());
        harness.run();
        let bands = harness.state().session.plan().domains[0].rates.len();
        let first = harness.get_all_by_label("➕ Altersgruppe").next().expect("a button per domain");
        first.click();
        harness.run();
        match harness.state().edits().as_slice() {
            [Command::SetDomain(0, domain)] => assert_eq!(domain.rates.len(), bands + 1),
            other => panic!("expected one domain edit, got {other:?}"),
        }
    }
}
