//! The dialog "Maßnahmen-Mix vorschlagen" (SPEC §7 in the window): scenario, domains and goal
//! are chosen here; the bounds of the goal and the search run as [`Job`]s off the UI thread;
//! the answer can be adopted as a new scenario ([`proposal_scenario`]).

use crate::model::{Funding, Plan, Scenario};
use crate::optimize::{DomainGoal, Optimization, OptimizeError, SearchControl, candidates, optimize_goals};
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::job::Job;
use std::time::{Duration, Instant};

/// How long the window's search may run before it answers with the best set found so far.
pub const SEARCH_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The shortage of one domain of the chosen scenario without and with every open measure.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainBounds {
    /// Domain id.
    pub id: String,
    /// Shortage place-months with every open measure off (the base of SPEC §7).
    pub base_place_months: f64,
    /// Shortage place-months with every candidate on.
    pub all_place_months: f64,
}

/// What the planner chose in the dialog: kept by the app when the dialog closes, so that it
/// opens again as it was left.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptimizerChoices {
    /// The scenario whose open measures are the candidates.
    pub scenario_id: String,
    /// The domains whose shortage is limited (all of them when the dialog first opens).
    pub domain_ids: Vec<String>,
    /// The limit on each domain's shortage place-months, by domain id: one goal per domain,
    /// as the place-months of Kita and of housing are not comparable.
    pub goals_place_months: Vec<(String, f64)>,
}

/// What the dialog holds: the choices typed into it, its jobs and the last answer.
pub struct OptimizerDialog {
    /// The scenario whose open measures are the candidates.
    pub scenario_id: String,
    /// The domains whose shortage is limited (all of them when the dialog opens).
    pub domain_ids: Vec<String>,
    /// The limit on each domain's shortage place-months, by domain id (set to what all open
    /// measures reach when the bounds first come in, unless remembered).
    pub goals_place_months: Vec<(String, f64)>,
    /// Bounds of the goal for [`Self::bounds_scenario`], once computed.
    pub bounds: Option<Vec<DomainBounds>>,
    bounds_scenario: String,
    bounds_job: Option<Job<Vec<DomainBounds>>>,
    search_job: Option<Job<Result<Optimization, OptimizeError>>>,
    search_started: Option<Instant>,
    /// The answer of the last search (for [`Self::result_goals`]).
    pub result: Option<Result<Optimization, OptimizeError>>,
    /// The goals the answer belongs to.
    pub result_goals: Option<Vec<DomainGoal>>,
}

impl OptimizerDialog {
    /// A dialog for `scenario_id` with every domain of `plan` chosen.
    pub fn new(plan: &Plan, scenario_id: &str) -> Self {
        let scenario_id =
            if plan.scenarios.iter().any(|s| s.id == scenario_id) { scenario_id.to_owned() } else { first_scenario(plan) };
        OptimizerDialog {
            scenario_id,
            domain_ids: plan.domains.iter().map(|d| d.id.clone()).collect(),
            goals_place_months: Vec::new(),
            bounds: None,
            bounds_scenario: String::new(),
            bounds_job: None,
            search_job: None,
            search_started: None,
            result: None,
            result_goals: None,
        }
    }

    /// A dialog that opens with the `choices` of the last time, as far as `plan` still has
    /// their scenario and domains.
    pub fn with_choices(plan: &Plan, scenario_id: &str, choices: &OptimizerChoices) -> Self {
        let known = |id: &String| plan.domains.iter().any(|d| d.id == *id);
        let mut dialog = OptimizerDialog::new(plan, scenario_id);
        if plan.scenarios.iter().any(|s| s.id == choices.scenario_id) {
            dialog.scenario_id = choices.scenario_id.clone();
        }
        dialog.domain_ids = choices.domain_ids.iter().filter(|id| known(id)).cloned().collect();
        dialog.goals_place_months = choices.goals_place_months.iter().filter(|(id, _)| known(id)).cloned().collect();
        dialog
    }

    /// What the planner chose, to open the dialog with again.
    pub fn choices(&self) -> OptimizerChoices {
        OptimizerChoices {
            scenario_id: self.scenario_id.clone(),
            domain_ids: self.domain_ids.clone(),
            goals_place_months: self.goals_place_months.clone(),
        }
    }

    /// The goal of domain `id`, if set.
    pub fn goal_of(&self, id: &str) -> Option<f64> {
        self.goals_place_months.iter().find(|(d, _)| d == id).map(|(_, goal)| *goal)
    }

    /// Sets the goal of domain `id`.
    pub fn set_goal(&mut self, id: &str, place_months: f64) {
        match self.goals_place_months.iter_mut().find(|(d, _)| d == id) {
            Some((_, goal)) => *goal = place_months,
            None => self.goals_place_months.push((id.to_owned(), place_months)),
        }
    }

    /// The scenario the bounds were computed for.
    pub fn bounds_scenario(&self) -> &str {
        &self.bounds_scenario
    }

    /// Whether a job runs (the window then repaints often).
    pub fn is_busy(&self) -> bool {
        self.bounds_job.is_some() || self.search_job.is_some()
    }

    /// Whether the search runs.
    pub fn is_searching(&self) -> bool {
        self.search_job.is_some()
    }

    /// The goals of the chosen domains, each its own (0 where none is set yet).
    pub fn goals(&self) -> Vec<DomainGoal> {
        self.domain_ids
            .iter()
            .map(|id| DomainGoal { domain_id: id.clone(), max_shortage_place_months: self.goal_of(id).unwrap_or(0.0).max(0.0) })
            .collect()
    }

    /// The range of domain `id`'s goal: from what all candidates together reach to what the
    /// base leaves.
    pub fn goal_range(&self, id: &str) -> Option<(f64, f64)> {
        let bounds = self.bounds.as_ref()?.iter().find(|b| b.id == id)?;
        Some((bounds.all_place_months, bounds.base_place_months.max(bounds.all_place_months)))
    }

    /// Takes in finished jobs and starts the bounds job when the scenario changed. `revision`
    /// is the plan's revision: answers of an older plan are dropped.
    pub fn refresh(&mut self, plan: &Plan, revision: u64) {
        if let Some(bounds) = Job::take_if_current(&mut self.bounds_job, revision) {
            // A domain without a goal yet starts at what all open measures reach.
            for b in &bounds {
                if self.goal_of(&b.id).is_none() {
                    self.goals_place_months.push((b.id.clone(), b.all_place_months));
                }
            }
            self.bounds = Some(bounds);
        }
        if let Some(result) = Job::take_if_current(&mut self.search_job, revision) {
            self.result = Some(result);
            self.search_started = None;
        }
        if self.bounds_scenario != self.scenario_id && self.bounds_job.is_none() {
            self.bounds_scenario = self.scenario_id.clone();
            let plan = plan.clone();
            let scenario_id = self.scenario_id.clone();
            self.bounds_job = Some(Job::spawn(revision, move |_| shortage_bounds(&plan, &scenario_id)));
        }
    }

    /// Starts the search with the current choices (a running one is stopped).
    pub fn start_search(&mut self, plan: &Plan, revision: u64) {
        let goals = self.goals();
        self.result = None;
        self.result_goals = Some(goals.clone());
        self.search_started = Some(Instant::now());
        let plan = plan.clone();
        let scenario_id = self.scenario_id.clone();
        self.search_job = Some(Job::spawn(revision, move |progress| {
            let started = Instant::now();
            let report = |_: &crate::optimize::Progress| {
                progress.set(started.elapsed().as_secs_f32() / SEARCH_TIME_LIMIT.as_secs_f32());
            };
            let control = SearchControl {
                time_limit: Some(SEARCH_TIME_LIMIT),
                cancel: Some(progress.cancel_flag()),
                progress: Some(&report),
            };
            optimize_goals(&plan, &scenario_id, &goals, &control)
        }));
    }

    /// Asks the search to stop; its best set so far is shown, marked as not proven optimal.
    pub fn cancel_search(&mut self) {
        if let Some(job) = &self.search_job {
            job.cancel();
        }
    }

    /// Draws the dialog as a modal window.
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Modal::new(egui::Id::unique("optimizer_dialog")).show(egui_ctx, |ui| {
            ui.set_max_width(crate::ui::theme::DIALOG_WIDTH);
            let t = ctx.strings();
            ui.heading(t.optimize_title);
            ui.label(t.optimize_intro);
            ui.add_space(6.0);
            let busy = self.is_searching();
            ui.add_enabled_ui(!busy, |ui| self.choices_ui(ui, ctx));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if busy {
                    ui.spinner();
                    let fraction = self.search_job.as_ref().map_or(0.0, Job::fraction);
                    let elapsed = self.search_started.map_or(0.0, |s| s.elapsed().as_secs_f32());
                    ui.add(egui::ProgressBar::new(fraction).desired_width(240.0).text(format!(
                        "{} {} s",
                        t.optimize_searching,
                        ctx.language().number(f64::from(elapsed), 0)
                    )));
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CancelOptimizer);
                    }
                } else {
                    let ready = self.bounds.is_some() && !self.domain_ids.is_empty() && self.bounds_scenario == self.scenario_id;
                    if ui.add_enabled(ready, egui::Button::new(t.optimize_run)).clicked() {
                        actions.push(Action::RunOptimizer);
                    }
                }
            });
            ui.separator();
            if let Some(result) = &self.result {
                actions.extend(result_ui(ui, ctx, result, self.result_goals.is_some()));
            }
            ui.separator();
            if ui.button(t.close).clicked() {
                actions.push(Action::CloseOptimizer);
            }
        });
        actions
    }

    /// Scenario, then one row per domain of the plan: whether it is limited, its shortage
    /// without and with all open measures, and its own goal between the two. Every domain has
    /// its row whether ticked or not, so that ticking a box never moves the dialog under the
    /// pointer.
    fn choices_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) {
        let t = ctx.strings();
        let lang = ctx.language();
        let plan = ctx.plan();
        let current = plan.scenarios.iter().find(|s| s.id == self.scenario_id).map(|s| s.name.clone()).unwrap_or_default();
        crate::ui::cells::labelled_combo(
            ui,
            "optimizer_scenario",
            t.scenario,
            format!("{}: {current}", t.scenario),
            320.0,
            |ui| {
                for scenario in &plan.scenarios {
                    ui.selectable_value(&mut self.scenario_id, scenario.id.clone(), &scenario.name);
                }
            },
        );
        let bounds_current = self.bounds_scenario == self.scenario_id && self.bounds_job.is_none();
        // While the bounds of another scenario are computed, the rows stay (greyed) in place.
        ui.horizontal(|ui| {
            if bounds_current {
                ui.label(t.optimize_goal);
            } else {
                ui.spinner();
                ui.label(t.optimize_bounds_reading);
            }
        });
        let bounds = self.bounds.clone().unwrap_or_default();
        egui::Grid::new("optimizer_bounds").striped(true).num_columns(4).show(ui, |ui| {
            ui.label(egui::RichText::new(t.optimize_domains).strong());
            ui.label(egui::RichText::new(t.optimize_base).strong());
            ui.label(egui::RichText::new(t.optimize_all).strong());
            ui.label(egui::RichText::new(t.optimize_goal_column).strong());
            ui.end_row();
            for domain in &plan.domains {
                let mut on = self.domain_ids.contains(&domain.id);
                if ui.checkbox(&mut on, &domain.name).changed() {
                    if on {
                        self.domain_ids.push(domain.id.clone());
                    } else {
                        self.domain_ids.retain(|d| *d != domain.id);
                    }
                }
                let figures = bounds.iter().find(|b| b.id == domain.id);
                let place_months = |value: Option<f64>| {
                    value.map_or_else(|| "…".to_owned(), |v| format!("{} {}", lang.number(v, 0), t.unit_place_months))
                };
                ui.label(place_months(figures.map(|b| b.base_place_months)));
                ui.label(place_months(figures.map(|b| b.all_place_months)));
                let range = self.goal_range(&domain.id).filter(|_| bounds_current);
                match range {
                    Some((low, high)) => {
                        let mut goal = self.goal_of(&domain.id).unwrap_or(low).clamp(low, high);
                        // The range's ends are named as such, so that neither reads as the goal.
                        let slider = egui::Slider::new(&mut goal, low..=high)
                            .custom_formatter(|value, _| lang.number(value, 0))
                            .custom_parser(move |text| {
                                crate::format::parse_user_number(text, lang == crate::ui::i18n::Language::German)
                            });
                        let response = ui.add_enabled(on, slider).on_hover_text(format!(
                            "{} {} – {}",
                            t.range_from,
                            lang.number(low, 0),
                            lang.number(high, 0)
                        ));
                        let label = format!("{}: {}", t.optimize_goal_column, domain.name);
                        response.widget_info(|| egui::WidgetInfo::slider(on, goal, &label));
                        self.set_goal(&domain.id, goal);
                    }
                    None => {
                        ui.label("…");
                    }
                }
                ui.end_row();
            }
        });
    }
}

/// The answer: the chosen measures with cost and effect, the total, the domains before and
/// after, whether it is proven optimal; "Als Szenario übernehmen".
fn result_ui(ui: &mut egui::Ui, ctx: &PanelCtx<'_>, result: &Result<Optimization, OptimizeError>, searched: bool) -> Vec<Action> {
    let t = ctx.strings();
    let lang = ctx.language();
    let plan = ctx.plan();
    let mut actions = Vec::new();
    let answer = match result {
        Ok(answer) => answer,
        Err(error) => {
            ui.label(egui::RichText::new(format!("{}: {error}", t.optimize_failed)).color(crate::ui::contrast::error_text(ui)));
            return actions;
        }
    };
    let has_candidates =
        plan.scenarios.iter().find(|s| s.id == answer.scenario_id).is_some_and(|scenario| !candidates(plan, scenario).is_empty());
    if !answer.feasible {
        ui.label(egui::RichText::new(t.optimize_infeasible).color(crate::ui::contrast::error_text(ui)).strong());
    } else if answer.chosen.is_empty() {
        let text = if has_candidates { t.optimize_nothing_needed } else { t.optimize_no_candidates };
        ui.label(egui::RichText::new(text).strong());
    } else if answer.optimal {
        ui.label(egui::RichText::new(t.optimize_optimal).color(crate::ui::contrast::good_text(ui)).strong());
    } else {
        ui.label(egui::RichText::new(t.optimize_not_optimal).strong());
    }
    if !answer.measures.is_empty() {
        egui::ScrollArea::vertical().id_salt("optimizer_result").max_height(crate::ui::theme::DIALOG_LIST_HEIGHT).show(
            ui,
            |ui| {
                egui::Grid::new("optimizer_chosen").striped(true).num_columns(3).show(ui, |ui| {
                    ui.label(egui::RichText::new(t.measure).strong());
                    ui.label(egui::RichText::new(t.optimize_cost).strong());
                    ui.label(egui::RichText::new(t.optimize_removes).strong());
                    ui.end_row();
                    for chosen in &answer.measures {
                        let name = plan.measures.iter().find(|m| m.id == chosen.id).map_or(chosen.id.as_str(), |m| &m.name);
                        ui.label(name);
                        ui.label(lang.money(chosen.cost_eur));
                        ui.label(lang.number(chosen.place_months_removed, 0));
                        ui.end_row();
                    }
                });
            },
        );
    }
    ui.label(egui::RichText::new(format!("{}: {}", t.optimize_total, lang.money(answer.cost_eur))).strong());
    for domain in &answer.domains {
        ui.label(format!(
            "{} – {}: {} / {} {}",
            domain_name(plan, &domain.id),
            t.optimize_shortage_after,
            lang.number(domain.shortage_place_months_base, 0),
            lang.number(domain.shortage_place_months, 0),
            t.unit_place_months
        ));
    }
    let adoptable = searched && !answer.chosen.is_empty();
    if ui.add_enabled(adoptable, egui::Button::new(egui::RichText::new(t.optimize_accept).strong())).clicked() {
        actions.push(Action::AdoptProposal);
    }
    actions
}

/// The shortage of every domain of `scenario_id` without open measures and with all candidates.
pub fn shortage_bounds(plan: &Plan, scenario_id: &str) -> Vec<DomainBounds> {
    let Some(scenario) = plan.scenarios.iter().find(|s| s.id == scenario_id) else { return Vec::new() };
    let mut base = scenario.clone();
    base.funding_included.retain(|f| *f != Funding::Open);
    let mut all = scenario.clone();
    if !all.funding_included.contains(&Funding::Open) {
        all.funding_included.push(Funding::Open);
    }
    let results = crate::engine::simulate_scenarios(plan, &[&base, &all]);
    let (Some(base), Some(all)) = (results.scenarios.first(), results.scenarios.get(1)) else { return Vec::new() };
    base.domains
        .iter()
        .zip(&all.domains)
        .map(|(b, a)| DomainBounds {
            id: b.id.clone(),
            base_place_months: b.indicators.shortage_place_months,
            all_place_months: a.indicators.shortage_place_months,
        })
        .collect()
}

/// The scenario that adopts `answer`: a copy of its scenario with a new id (`<id>-mix`,
/// `<id>-mix-2`, …), named "Mix: <name>", with open measures counted and every candidate that
/// was not chosen switched off.
pub fn proposal_scenario(plan: &Plan, answer: &Optimization, prefix: &str) -> Option<Scenario> {
    let base = plan.scenarios.iter().find(|s| s.id == answer.scenario_id)?;
    let mut scenario = base.clone();
    let ids = plan.scenarios.iter().map(|s| s.id.as_str());
    scenario.id = crate::ui::document::unique_id(&format!("{}-mix", base.id), ids);
    scenario.name = format!("{prefix}: {}", base.name);
    scenario.color = None;
    if !scenario.funding_included.contains(&Funding::Open) {
        scenario.funding_included.push(Funding::Open);
    }
    for candidate in candidates(plan, base) {
        if !answer.chosen.contains(&candidate.id) {
            scenario.measures_off.push(candidate.id.clone());
        }
    }
    Some(scenario)
}

fn domain_name(plan: &Plan, id: &str) -> String {
    plan.domains.iter().find(|d| d.id == id).map_or_else(|| id.to_owned(), |d| d.name.clone())
}

fn first_scenario(plan: &Plan) -> String {
    plan.scenarios.first().map(|s| s.id.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposal_switches_off_the_candidates_not_chosen() {
        let plan = crate::sample::nrw_2025().expect("sample").plan;
        let scenario = &plan.scenarios[0];
        let open: Vec<String> = candidates(&plan, scenario).iter().map(|m| m.id.clone()).collect();
        assert!(open.len() >= 2);
        let answer = Optimization {
            scenario_id: scenario.id.clone(),
            max_shortage_place_months: 0.0,
            feasible: true,
            optimal: true,
            chosen: vec![open[0].clone()],
            cost_eur: 1.0,
            domains: Vec::new(),
            nodes_explored: 0,
            measures: Vec::new(),
        };
        let proposal = proposal_scenario(&plan, &answer, "Mix").expect("scenario exists");
        assert_eq!(proposal.id, format!("{}-mix", scenario.id));
        assert_eq!(proposal.name, format!("Mix: {}", scenario.name));
        assert!(proposal.funding_included.contains(&Funding::Open));
        assert!(!proposal.measures_off.contains(&open[0]));
        assert!(open[1..].iter().all(|id| proposal.measures_off.contains(id)));
        let mut with = plan.clone();
        with.scenarios.push(proposal);
        assert_eq!(proposal_scenario(&with, &answer, "Mix").map(|s| s.id), Some(format!("{}-mix-2", scenario.id)));
    }
}
