//! "Datei → Mit anderer Version vergleichen …" (SPEC §12 in the window): the changes from the
//! open plan to another file, by name and grouped by kind, each leading to its item; beside
//! them what the changes do: each scenario's key figures in both versions with the difference,
//! and one domain's plot with both versions.

use crate::engine::{Results, ScenarioResults, simulate};
use crate::model::{Month, Plan};
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::i18n::{Language, Strings};
use crate::versions::{Change, List, Section, Target, diff_plans};
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoints};
use std::path::PathBuf;

/// The kinds the changes are grouped by, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeGroup {
    /// `meta`, `horizon`, `planning_year`.
    Plan,
    /// `domains`.
    Domains,
    /// `regions`.
    Regions,
    /// `distribution`.
    Distribution,
    /// `measures`.
    Measures,
    /// `scenarios`.
    Scenarios,
    /// `budget`.
    Budget,
    /// Any other top-level field.
    Other,
}

impl ChangeGroup {
    /// Every group, in the order they are listed.
    pub const ALL: [ChangeGroup; 8] = [
        ChangeGroup::Plan,
        ChangeGroup::Domains,
        ChangeGroup::Regions,
        ChangeGroup::Distribution,
        ChangeGroup::Measures,
        ChangeGroup::Scenarios,
        ChangeGroup::Budget,
        ChangeGroup::Other,
    ];

    /// The group of a change at `target`.
    pub fn of(target: &Target) -> Self {
        match target {
            Target::Item { list, .. } | Target::ItemField { list, .. } => match list {
                List::Domains => ChangeGroup::Domains,
                List::Regions => ChangeGroup::Regions,
                List::Measures => ChangeGroup::Measures,
                List::Scenarios => ChangeGroup::Scenarios,
                List::Budget => ChangeGroup::Budget,
            },
            Target::SectionField { .. } => ChangeGroup::Plan,
            Target::TopLevel { field } if field == "distribution" => ChangeGroup::Distribution,
            Target::TopLevel { field } if Section::ALL.iter().any(|s| s.key() == field) => ChangeGroup::Plan,
            Target::TopLevel { .. } => ChangeGroup::Other,
        }
    }

    /// The heading of the group.
    pub fn heading(self, t: &Strings) -> &'static str {
        match self {
            ChangeGroup::Plan => t.group_plan,
            ChangeGroup::Domains => t.group_domains,
            ChangeGroup::Regions => t.group_regions,
            ChangeGroup::Distribution => t.group_distribution,
            ChangeGroup::Measures => t.group_measures,
            ChangeGroup::Scenarios => t.group_scenarios,
            ChangeGroup::Budget => t.group_budget,
            ChangeGroup::Other => t.group_other,
        }
    }
}

/// The compare window: the other version, its results and the changes to it.
pub struct CompareDialog {
    /// The other file.
    pub path: PathBuf,
    /// The other version.
    pub other: Plan,
    other_results: Results,
    /// The changes from the open plan to the other version (SPEC §12 order).
    pub changes: Vec<Change>,
    /// The revision of the open plan the changes were found for.
    revision: u64,
    /// The domain drawn (id).
    pub domain_id: String,
    /// The scenario drawn (id).
    pub scenario_id: String,
}

impl CompareDialog {
    /// Compares `plan` (the open plan at `revision`) with `other` read from `path`; the plot
    /// starts on the window's leading scenario and the first domain.
    pub fn new(path: PathBuf, other: Plan, plan: &Plan, revision: u64, scenario_id: &str) -> Self {
        let other_results = simulate(&other);
        let changes = diff_plans(plan, &other);
        let domain_id = plan.domains.first().or(other.domains.first()).map(|d| d.id.clone()).unwrap_or_default();
        CompareDialog { path, other, other_results, changes, revision, domain_id, scenario_id: scenario_id.to_owned() }
    }

    /// Finds the changes again when the open plan changed.
    pub fn refresh(&mut self, plan: &Plan, revision: u64) {
        if revision != self.revision {
            self.changes = diff_plans(plan, &self.other);
            self.revision = revision;
        }
    }

    /// The changes as lines in `language`, grouped by kind (empty groups left out).
    pub fn grouped_lines(&self, plan: &Plan, language: Language) -> Vec<(ChangeGroup, Vec<(String, &Change)>)> {
        ChangeGroup::ALL
            .into_iter()
            .filter_map(|group| {
                let lines: Vec<(String, &Change)> = self
                    .changes
                    .iter()
                    .filter(|c| ChangeGroup::of(&c.target) == group)
                    .map(|c| (c.describe(language, plan, &self.other), c))
                    .collect();
                (!lines.is_empty()).then_some((group, lines))
            })
            .collect()
    }

    /// Draws the window; returns what the user asked for.
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        let t = ctx.strings();
        let mut open = true;
        let screen = egui_ctx.content_rect();
        let size = egui::vec2((screen.width() - 40.0).min(1240.0), (screen.height() - 90.0).min(760.0));
        egui::Window::new(t.compare_title)
            .id(egui::Id::unique("compare_window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_size(size)
            .max_size(screen.size() - egui::vec2(20.0, 40.0))
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 10.0))
            .show(egui_ctx, |ui| {
                let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                ui.label(format!("{}: {}  →  {}: {name}", t.version_this, ctx.session.doc().display_name, t.version_other));
                ui.separator();
                let height = ui.available_height() - 36.0;
                ui.columns(2, |columns| {
                    if let [left, right] = columns {
                        actions.extend(self.changes_ui(left, ctx, height));
                        self.effects_ui(right, ctx, height);
                    }
                });
                ui.separator();
                if ui.button(t.close).clicked() {
                    actions.push(Action::CloseCompare);
                }
            });
        if !open {
            actions.push(Action::CloseCompare);
        }
        actions
    }

    fn changes_ui(&self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, height: f32) -> Vec<Action> {
        let t = ctx.strings();
        let plan = ctx.plan();
        let mut actions = Vec::new();
        ui.heading(format!("{} ({})", t.compare_intro, self.changes.len()));
        if self.changes.is_empty() {
            ui.label(t.compare_no_changes);
            return actions;
        }
        ui.label(egui::RichText::new(t.compare_click_hint).small());
        egui::ScrollArea::vertical().id_salt("compare_changes").max_height(height - 50.0).auto_shrink([false, true]).show(
            ui,
            |ui| {
                for (group, lines) in self.grouped_lines(plan, ctx.language()) {
                    ui.add_space(4.0);
                    ui.strong(format!("{} ({})", group.heading(t), lines.len()));
                    for (line, change) in lines {
                        if leads_somewhere(&change.target, plan) {
                            if ui.link(line).clicked() {
                                actions.push(Action::GoToItem(change.target.clone()));
                            }
                        } else {
                            ui.label(line);
                        }
                    }
                }
            },
        );
        actions
    }

    fn effects_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, height: f32) {
        let t = ctx.strings();
        ui.heading(t.compare_effects);
        let plan = ctx.plan();
        let this_results = ctx.session.results();
        ui.horizontal_wrapped(|ui| {
            let name_of = |id: &str| {
                plan.scenarios.iter().chain(&self.other.scenarios).find(|s| s.id == id).map_or(id.to_owned(), |s| s.name.clone())
            };
            let mut scenario = self.scenario_id.clone();
            let shown = format!("{}: {}", t.scenario, name_of(&scenario));
            crate::ui::cells::labelled_combo(ui, "compare_scenario", t.scenario, shown, 240.0, |ui| {
                for id in scenario_ids(plan, &self.other) {
                    ui.selectable_value(&mut scenario, id.clone(), name_of(&id));
                }
            });
            self.scenario_id = scenario;
            let domain_name = |id: &str| {
                plan.domains.iter().chain(&self.other.domains).find(|d| d.id == id).map_or(id.to_owned(), |d| d.name.clone())
            };
            let mut domain = self.domain_id.clone();
            let shown = format!("{}: {}", t.col_domain, domain_name(&domain));
            crate::ui::cells::labelled_combo(ui, "compare_domain", t.plot_domain, shown, 220.0, |ui| {
                let mut seen = Vec::new();
                for d in plan.domains.iter().chain(&self.other.domains) {
                    if !seen.contains(&&d.id) {
                        seen.push(&d.id);
                        ui.selectable_value(&mut domain, d.id.clone(), &d.name);
                    }
                }
            });
            self.domain_id = domain;
        });
        let plot_height = (height * 0.42).clamp(140.0, 320.0);
        self.plot_ui(ui, ctx, this_results, plot_height);
        egui::ScrollArea::vertical().id_salt("compare_figures").max_height(height - plot_height - 90.0).show(ui, |ui| {
            for id in scenario_ids(plan, &self.other) {
                let this = this_results.scenarios.iter().find(|s| s.id == id);
                let other = self.other_results.scenarios.iter().find(|s| s.id == id);
                let name = this.or(other).map_or(id.clone(), |s| s.name.clone());
                egui::CollapsingHeader::new(egui::RichText::new(&name).strong())
                    .id_salt(("compare_scenario_figures", &id))
                    .default_open(id == self.scenario_id)
                    .show(ui, |ui| match (this, other) {
                        (Some(this), Some(other)) => figures_ui(ui, ctx, &id, this, other, &self.other),
                        (Some(_), None) => {
                            ui.label(t.only_this);
                        }
                        (None, _) => {
                            ui.label(t.only_other);
                        }
                    });
            }
        });
    }

    /// The chosen domain of the chosen scenario, state-wide: demand and places of both versions
    /// on one time axis (solid: the open plan, dashed: the other version).
    fn plot_ui(&self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, this_results: &Results, height: f32) {
        let t = ctx.strings();
        let language = ctx.language();
        let curves = |results: &Results| -> Option<(Month, crate::picture::series::Curves)> {
            let scenario = results.scenarios.iter().find(|s| s.id == self.scenario_id)?;
            let domain_index = results.domain_ids.iter().position(|id| *id == self.domain_id)?;
            Some((*results.months.first()?, crate::picture::series::domain_curves(scenario, domain_index, None)?))
        };
        let this = curves(this_results);
        let other = curves(&self.other_results);
        let Some(start) = [&this, &other].into_iter().flatten().map(|(start, _)| *start).min() else {
            ui.label(t.only_other);
            return;
        };
        let points = |first: Month, values: &[f64], step: bool| -> PlotPoints<'static> {
            let offset = f64::from(first.months_since(start));
            if step {
                let stepped = crate::ui::panels::plots::step_points(values);
                PlotPoints::new(stepped.into_iter().map(|[x, y]| [x + offset, y]).collect())
            } else {
                PlotPoints::new(values.iter().enumerate().map(|(i, y)| [i as f64 + offset, *y]).collect())
            }
        };
        Plot::new(("compare_plot", &self.domain_id, &self.scenario_id))
            .height(height)
            .allow_scroll(false)
            .include_y(0.0)
            .legend(Legend::default().position(egui_plot::Corner::LeftTop))
            .x_axis_formatter(move |mark, _| {
                if mark.value.fract() == 0.0 { language.month(start.plus(mark.value as i32)) } else { String::new() }
            })
            .y_axis_formatter(move |mark, _| language.number(mark.value, 0))
            .show(ui, |plot_ui| {
                for (version, curves, style, color) in [
                    (t.version_this, &this, LineStyle::Solid, crate::ui::theme::VERSION_THIS_LINE),
                    (t.version_other, &other, LineStyle::dashed_loose(), crate::ui::theme::VERSION_OTHER_LINE),
                ] {
                    let Some((first, curves)) = curves else { continue };
                    plot_ui.line(
                        Line::new(format!("{} – {version}", t.demand), points(*first, &curves.demand, false))
                            .color(color)
                            .width(2.5)
                            .style(style),
                    );
                    plot_ui.line(
                        Line::new(format!("{} – {version}", t.capacity), points(*first, &curves.capacity, true))
                            .color(color.gamma_multiply(0.6))
                            .width(1.5)
                            .style(style),
                    );
                }
            });
    }
}

/// The scenario ids of both plans: the open plan's in its order, then those only the other has.
fn scenario_ids(plan: &Plan, other: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
    ids.extend(other.scenarios.iter().filter(|s| !plan.scenarios.iter().any(|p| p.id == s.id)).map(|s| s.id.clone()));
    ids
}

/// Whether a click on a change at `target` can show something in the open plan (an item the
/// open plan no longer has cannot be shown).
pub fn leads_somewhere(target: &Target, plan: &Plan) -> bool {
    match target.item() {
        Some((list, key)) => match list {
            List::Domains => plan.domains.iter().any(|d| d.id == key),
            List::Regions => plan.regions.iter().any(|r| r.id == key),
            List::Measures => plan.measures.iter().any(|m| m.id == key),
            List::Scenarios => plan.scenarios.iter().any(|s| s.id == key),
            List::Budget => true,
        },
        None => true,
    }
}

/// A difference with its sign: `+1.234`, `-56`, `±0`.
fn signed(value: f64, text: impl Fn(f64) -> String) -> String {
    if value.abs() < 1e-9 {
        "±0".to_owned()
    } else if value > 0.0 {
        format!("+{}", text(value))
    } else {
        text(value)
    }
}

/// The key figures of one scenario in both versions: per domain the first shortage, the
/// largest shortage and the place-months short; the cost of each budget year.
fn figures_ui(
    ui: &mut egui::Ui,
    ctx: &PanelCtx<'_>,
    id: &str,
    this: &ScenarioResults,
    other: &ScenarioResults,
    other_plan: &Plan,
) {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let places = |v: f64| crate::ui::panels::indicators::places_text(language, v);
    egui::Grid::new(("compare_figures_grid", id)).striped(true).num_columns(4).show(ui, |ui| {
        ui.strong(t.figure);
        ui.strong(t.version_this);
        ui.strong(t.version_other);
        ui.strong(t.difference);
        ui.end_row();
        let row = |ui: &mut egui::Ui, label: String, old: String, new: String, difference: String| {
            let changed = old != new;
            let text = |s: String| if changed { egui::RichText::new(s).strong() } else { egui::RichText::new(s) };
            ui.label(label);
            ui.label(text(old));
            ui.label(text(new));
            ui.label(text(difference));
            ui.end_row();
        };
        for domain in &this.domains {
            let Some(theirs) = other.domains.iter().find(|d| d.id == domain.id) else { continue };
            let name = plan.domains.iter().chain(&other_plan.domains).find(|d| d.id == domain.id).map_or(&domain.id, |d| &d.name);
            let (a, b) = (&domain.indicators, &theirs.indicators);
            let month = |m: Option<Month>| m.map_or_else(|| t.no_shortage.to_owned(), |m| language.month(m));
            let months_between = match (a.first_shortage_month, b.first_shortage_month) {
                (Some(x), Some(y)) => {
                    signed(f64::from(y.months_since(x)), |v| format!("{} {}", language.number(v, 0), t.unit_months))
                }
                _ => "—".to_owned(),
            };
            row(
                ui,
                format!("{name}: {}", t.first_shortage),
                month(a.first_shortage_month),
                month(b.first_shortage_month),
                months_between,
            );
            row(
                ui,
                format!("{name}: {}", t.peak_shortage),
                places(a.peak_shortage),
                places(b.peak_shortage),
                signed(b.peak_shortage - a.peak_shortage, places),
            );
            row(
                ui,
                format!("{name}: {}", t.place_months),
                places(a.shortage_place_months),
                places(b.shortage_place_months),
                signed(b.shortage_place_months - a.shortage_place_months, places),
            );
        }
        let mut years: Vec<i32> = this.cost_per_year.iter().chain(&other.cost_per_year).map(|(year, _)| *year).collect();
        years.sort_unstable();
        years.dedup();
        let cost = |list: &[(i32, f64)], year: i32| list.iter().find(|(y, _)| *y == year).map_or(0.0, |(_, eur)| *eur);
        for year in years {
            let (a, b) = (cost(&this.cost_per_year, year), cost(&other.cost_per_year, year));
            row(ui, format!("{} {year}", t.costs_in), language.money(a), language.money(b), signed(b - a, |v| language.money(v)));
        }
    });
}
