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
                    window_ui(&mut cells, ui, &path, domain, &mut edited, ctx);
                    groups_ui(&mut cells, ui, &path, domain, &mut edited, ctx);
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

/// "Zählt nach Ankunft: ab Monat … bis vor Monat …" with a sentence saying what it means (SPEC §10).
fn window_ui(
    cells: &mut CellContext<'_>,
    ui: &mut egui::Ui,
    path: &str,
    domain: &crate::model::Domain,
    edited: &mut crate::model::Domain,
    ctx: &PanelCtx<'_>,
) {
    let t = ctx.strings();
    let window_path = format!("{path}.months_since_arrival");
    let window = domain.months_since_arrival.clone().unwrap_or_default();
    ui.label(egui::RichText::new(t.window_heading).strong());
    egui::Grid::new((path, "window")).num_columns(2).show(ui, |ui| {
        ui.label(t.window_from);
        let label = format!("{} {}: {}", t.window_heading, t.window_from, domain.name);
        if let Some(from) = cells.whole(ui, &format!("{window_path}.from"), &label, window.from) {
            let mut changed = window.clone();
            changed.from = from;
            edited.months_since_arrival = normalised_window(changed);
        }
        ui.end_row();
        ui.label(t.window_to);
        let label = format!("{} {}: {}", t.window_heading, t.window_to, domain.name);
        if let Some(to) = cells.optional_whole(ui, &format!("{window_path}.to"), &label, window.to, t.window_no_end) {
            let mut changed = edited.months_since_arrival.clone().unwrap_or(window.clone());
            changed.to = to;
            edited.months_since_arrival = normalised_window(changed);
        }
        ui.end_row();
    });
    let sentence = crate::domain_words::window_sentence(domain.months_since_arrival.as_ref(), ctx.language());
    ui.label(egui::RichText::new(sentence).italics());
    ui.add_space(4.0);
}

/// A window that counts everyone and has no unknown fields is no window at all.
fn normalised_window(window: crate::model::ArrivalWindow) -> Option<crate::model::ArrivalWindow> {
    if window.from == 0 && window.to.is_none() && window.extra.is_empty() { None } else { Some(window) }
}

/// Group size, word, staff and running cost per group (SPEC §11), behind a check box.
fn groups_ui(
    cells: &mut CellContext<'_>,
    ui: &mut egui::Ui,
    path: &str,
    domain: &crate::model::Domain,
    edited: &mut crate::model::Domain,
    ctx: &PanelCtx<'_>,
) {
    let t = ctx.strings();
    ui.label(egui::RichText::new(t.groups_heading).strong());
    let mut enabled = domain.planning.is_some();
    if ui.checkbox(&mut enabled, t.groups_enabled).changed() {
        edited.planning = if enabled { Some(crate::model::GroupPlanning::with_group_size(20.0)) } else { None };
    }
    let Some(planning) = &domain.planning else {
        ui.add_space(4.0);
        return;
    };
    let planning_path = format!("{path}.planning");
    egui::Grid::new((path, "groups")).num_columns(2).show(ui, |ui| {
        let mut changed = planning.clone();
        ui.label(t.group_size);
        let label = format!("{}: {}", t.group_size, domain.name);
        if let Some(v) = cells.number(ui, &format!("{planning_path}.group_size"), &label, planning.group_size) {
            changed.group_size = v;
        }
        ui.end_row();
        ui.label(t.group_word_label);
        let label = format!("{}: {}", t.group_word_label, domain.name);
        let word = crate::domain_words::group_word(planning, ctx.language());
        if let Some(v) = cells.text(ui, &format!("{planning_path}.group_word"), &label, &word) {
            changed.group_word = if v.trim().is_empty() { None } else { Some(v) };
        }
        ui.end_row();
        ui.label(t.staff_per_group);
        let label = format!("{}: {}", t.staff_per_group, domain.name);
        if let Some(v) = cells.number(ui, &format!("{planning_path}.staff_per_group"), &label, planning.staff_per_group) {
            changed.staff_per_group = v;
        }
        ui.end_row();
        ui.label(t.cost_per_group);
        let label = format!("{}: {}", t.cost_per_group, domain.name);
        let cost = planning.cost_per_group_per_year_eur;
        if let Some(v) = cells.number(ui, &format!("{planning_path}.cost_per_group_per_year_eur"), &label, cost) {
            changed.cost_per_group_per_year_eur = v;
        }
        ui.end_row();
        if changed != *planning {
            edited.planning = Some(changed);
        }
    });
    ui.add_space(4.0);
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

    #[test]
    fn typing_a_window_end_sets_months_since_arrival_and_says_what_it_means() {
        let mut harness = bench(DomainsPanel::default());
        harness.run();
        let housing = harness.state().session.plan().domains.iter().position(|d| d.id == "housing").expect("housing");
        let name = harness.state().session.plan().domains[housing].name.clone();
        let label = format!("Zählt nach Ankunft bis vor Monat: {name}");
        crate::ui::panels::testing::type_into(&mut harness, &label, "24");
        match harness.state().edits().as_slice() {
            [Command::SetDomain(d, domain)] if *d == housing => {
                let window = domain.months_since_arrival.as_ref().expect("a window");
                assert_eq!((window.from, window.to), (0, Some(24)));
            }
            other => panic!("expected one domain edit, got {other:?}"),
        }
        assert!(harness.query_all_by_label("Zählt alle Neuzugewanderten, vom Monat der Ankunft an.").next().is_some());
    }

    #[test]
    fn ticking_whole_groups_gives_the_domain_a_group_size() {
        let mut harness = bench(DomainsPanel::default());
        harness.run();
        // Housing is planned in places only in the sample: its box is the first one not ticked.
        let housing = harness.state().session.plan().domains.iter().position(|d| d.id == "housing").expect("housing");
        let planned_before = harness.state().session.plan().domains[..housing].iter().filter(|d| d.planning.is_some()).count();
        assert_eq!(planned_before, housing, "every domain before housing is planned in groups");
        harness.get_all_by_label("in ganzen Gruppen planen").nth(housing).expect("a box per domain").scroll_to_me();
        harness.run();
        harness.get_all_by_label("in ganzen Gruppen planen").nth(housing).expect("a box per domain").click();
        harness.run();
        match harness.state().edits().as_slice() {
            [Command::SetDomain(d, domain)] if *d == housing => {
                assert_eq!(domain.planning.as_ref().map(|p| p.group_size), Some(20.0));
            }
            other => panic!("expected one domain edit, got {other:?}"),
        }
    }
}
