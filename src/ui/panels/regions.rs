//! Regions (population, area, free places per domain) and the distribution key with the
//! resulting shares.

use super::{Drafts, Panel};
use crate::model::{Distribution, Extra};
use crate::ui::action::Action;
use crate::ui::cells::CellContext;
use crate::ui::context::PanelCtx;
use crate::ui::document::Command;
use crate::ui::theme::ROW_HEIGHT;
use egui_extras::{Column, TableBuilder};

/// The regions tab: distribution key and the regions table.
#[derive(Debug, Default)]
pub struct RegionsPanel {
    /// Texts typed into cells that do not parse yet, by field path.
    pub drafts: Drafts,
}

impl Panel for RegionsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        regions_ui(&mut self.drafts, ui, ctx)
    }

    fn clear_drafts(&mut self) {
        self.drafts.clear();
    }
}

fn regions_ui(drafts: &mut Drafts, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let results = ctx.session.results();
    let mut commands = Vec::new();
    let mut cells = CellContext { drafts, issues: ctx.issues(), language };

    ui.strong(t.distribution);
    let mut distribution = plan.distribution.clone();
    let by_weights = matches!(distribution, Distribution::Weights { .. });
    ui.horizontal(|ui| {
        if ui.radio(by_weights, t.by_weights).clicked() && !by_weights {
            distribution = Distribution::default();
        }
        if ui.radio(!by_weights, t.by_shares).clicked() && by_weights {
            let shares = plan
                .regions
                .iter()
                .map(|r| {
                    let share = results.region_ids.iter().position(|id| *id == r.id).and_then(|i| results.shares.get(i));
                    (r.id.clone(), share.copied().unwrap_or(0.0))
                })
                .collect();
            distribution = Distribution::Shares { shares, extra: Extra::new() };
        }
    });
    if let Distribution::Weights { population_weight, area_weight, area_uplift_cap, .. } = &mut distribution {
        egui::Grid::new("weights").num_columns(2).show(ui, |ui| {
            ui.label(t.population_weight);
            if let Some(v) = cells.number(ui, "distribution.population_weight", t.population_weight, *population_weight) {
                *population_weight = v;
            }
            ui.end_row();
            ui.label(t.area_weight);
            if let Some(v) = cells.number(ui, "distribution.area_weight", t.area_weight, *area_weight) {
                *area_weight = v;
            }
            ui.end_row();
            ui.label(t.uplift_cap);
            ui.horizontal(|ui| {
                let mut capped = area_uplift_cap.is_some();
                if ui.checkbox(&mut capped, t.cap_active).changed() {
                    *area_uplift_cap = if capped { Some(0.25) } else { None };
                }
                if let Some(cap) = area_uplift_cap
                    && let Some(v) = cells.number(ui, "distribution.area_uplift_cap", t.uplift_cap, *cap)
                {
                    *cap = v;
                }
            });
            ui.end_row();
        });
    }
    if distribution != plan.distribution {
        commands.push(Command::SetDistribution(distribution.clone()));
    }
    ui.separator();
    let shares_mode = matches!(plan.distribution, Distribution::Shares { .. });
    TableBuilder::new(ui)
        .id_salt("regions_table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(180.0).clip(true))
        .column(Column::initial(100.0))
        .column(Column::initial(80.0))
        .column(Column::initial(75.0))
        .columns(Column::initial(85.0), plan.domains.len())
        .header(ROW_HEIGHT + 4.0, |mut header| {
            header.col(|ui| {
                ui.strong(t.name);
            });
            header.col(|ui| {
                ui.strong(t.population);
            });
            header.col(|ui| {
                ui.strong(t.area);
            });
            header.col(|ui| {
                ui.strong(format!("{} %", t.share));
            });
            for domain in &plan.domains {
                header.col(|ui| {
                    ui.strong(&domain.name).on_hover_text(t.free_capacity);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT + 4.0, plan.regions.len(), |mut row| {
                let r = row.index();
                let Some(region) = plan.regions.get(r) else { return };
                let path = format!("regions[{r}]");
                let mut edited = region.clone();
                row.col(|ui| {
                    if let Some(v) =
                        cells.text(ui, &format!("{path}.name"), &format!("{}: {}", t.name, region.name), &region.name)
                    {
                        edited.name = v;
                    }
                });
                row.col(|ui| {
                    if let Some(v) = cells.number(
                        ui,
                        &format!("{path}.population"),
                        &format!("{}: {}", t.population, region.name),
                        region.population,
                    ) {
                        edited.population = v;
                    }
                });
                row.col(|ui| {
                    if let Some(v) =
                        cells.number(ui, &format!("{path}.area_km2"), &format!("{}: {}", t.area, region.name), region.area_km2)
                    {
                        edited.area_km2 = v;
                    }
                });
                row.col(|ui| {
                    let share = results
                        .region_ids
                        .iter()
                        .position(|id| *id == region.id)
                        .and_then(|i| results.shares.get(i))
                        .copied()
                        .unwrap_or(0.0);
                    if shares_mode {
                        if let Distribution::Shares { shares, extra } = &plan.distribution {
                            let raw = shares.iter().find(|(id, _)| *id == region.id).map_or(0.0, |(_, s)| *s);
                            let key = format!("distribution.shares.{}", region.id);
                            if let Some(v) = cells.number(ui, &key, &format!("{}: {}", t.share, region.name), raw) {
                                let mut shares = shares.clone();
                                match shares.iter_mut().find(|(id, _)| *id == region.id) {
                                    Some(entry) => entry.1 = v,
                                    None => shares.push((region.id.clone(), v)),
                                }
                                commands.push(Command::SetDistribution(Distribution::Shares { shares, extra: extra.clone() }));
                            }
                        }
                    } else {
                        ui.label(language.number(share * 100.0, 4));
                    }
                });
                for domain in &plan.domains {
                    row.col(|ui| {
                        let key = format!("{path}.capacity.{}", domain.id);
                        let label = format!("{} {}: {}", t.free_capacity, domain.name, region.name);
                        if let Some(v) = cells.number(ui, &key, &label, region.capacity_of(&domain.id)) {
                            match edited.capacity.iter_mut().find(|(id, _)| *id == domain.id) {
                                Some(entry) => entry.1 = v,
                                None => edited.capacity.push((domain.id.clone(), v)),
                            }
                        }
                    });
                }
                if edited != *region {
                    commands.push(Command::SetRegion(r, edited));
                }
            });
        });
    commands.into_iter().map(Action::Edit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, type_into};

    #[test]
    fn the_regions_panel_returns_a_capacity_edit() {
        let mut harness = bench(RegionsPanel::default());
        harness.run();
        let label = "Freie Plätze zu Beginn Kita-Plätze: Köln";
        type_into(&mut harness, label, "1.000");
        match harness.state().edits().as_slice() {
            [Command::SetRegion(_, region)] => {
                assert_eq!(region.id, "koeln");
                assert_eq!(region.capacity_of("kita"), 1000.0);
            }
            other => panic!("expected one region edit, got {other:?}"),
        }
    }
}
