//! Indicators per domain and scenario (of the state or of the selected region), yearly costs
//! against the budget (state-wide), regions short first. The three blocks stand side by side
//! when the width allows and below each other when not, each at its natural width.

use super::Panel;
use crate::engine::{Indicators, Results};
use crate::ui::action::Action;
use crate::ui::context::PanelCtx;
use crate::ui::theme::INDICATOR_BLOCK_MIN_WIDTHS;
use std::collections::HashMap;

/// The indicators panel: the selected region's indicators (cached) and the blocks' widths.
#[derive(Debug, Default)]
pub struct IndicatorsPanel {
    /// The indicators of the selected region, computed once per results revision and region.
    region_cache: Option<RegionIndicators>,
    /// How often the region's indicators were computed (tests: never per frame).
    region_computations: usize,
    /// The natural width of each block (indicators, costs, regions) in the last frame.
    block_widths: [f32; 3],
    /// Whether the indicator table leaves out its domain column: in presentation mode with one
    /// domain shown (its plot names it) when the table would not fit (a 1024×768 projector).
    compact: bool,
}

/// Indicators of one region for every scenario and domain of the results.
#[derive(Debug)]
struct RegionIndicators {
    /// The results revision they were computed from.
    computed_revision: u64,
    /// The region they belong to.
    region_id: String,
    /// By (scenario id, domain id).
    figures: HashMap<(String, String), Indicators>,
}

/// Room the domain column of the indicator table takes (points), with its gap.
const DOMAIN_COLUMN_ROOM: f32 = 130.0;

/// One region's earliest shortage in the scenario `scenario_id`: (month index, region index,
/// domain index), earliest first; indices into the results.
pub fn regions_short_first(results: &Results, scenario_id: &str) -> Vec<(usize, usize, usize)> {
    let Some(scenario) = results.scenarios.iter().find(|s| s.id == scenario_id) else { return Vec::new() };
    let mut list: Vec<(usize, usize, usize)> = scenario
        .regions
        .iter()
        .enumerate()
        .filter_map(|(r, region)| {
            region.domains.iter().enumerate().filter_map(|(d, figures)| figures.first_shortage.map(|t| (t, r, d))).min()
        })
        .collect();
    list.sort();
    list
}

/// The regions that run short first in domain `domain_index` of the scenario `scenario_id`:
/// (month index, region index), earliest first, ties by name as in the map's ranking, at most
/// `count`.
pub fn first_short_regions(
    results: &Results,
    plan: &crate::model::Plan,
    scenario_id: &str,
    domain_index: usize,
    count: usize,
) -> Vec<(usize, usize)> {
    let Some(scenario) = results.scenarios.iter().find(|s| s.id == scenario_id) else { return Vec::new() };
    let name = |r: usize| {
        let id = results.region_ids.get(r);
        plan.regions.iter().find(|region| Some(&region.id) == id).map(|region| region.name.to_lowercase()).unwrap_or_default()
    };
    let mut list: Vec<(usize, String, usize)> = scenario
        .regions
        .iter()
        .enumerate()
        .filter_map(|(r, region)| Some((region.domains.get(domain_index)?.first_shortage?, name(r), r)))
        .collect();
    list.sort();
    list.into_iter().take(count).map(|(t, _, r)| (t, r)).collect()
}

/// Lays blocks of natural widths `widths_points` into rows no wider than `available_points`
/// (with `gap_points` between two blocks of a row), in order; a block wider than the row stands
/// alone. Returns the block indices of each row.
pub fn block_rows(widths_points: &[f32], available_points: f32, gap_points: f32) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0.0;
    for (index, width) in widths_points.iter().enumerate() {
        match rows.last_mut() {
            Some(row) if used + gap_points + width <= available_points => {
                row.push(index);
                used += gap_points + width;
            }
            _ => {
                rows.push(vec![index]);
                used = *width;
            }
        }
    }
    rows
}

impl IndicatorsPanel {
    /// Computes the selected region's indicators when the results or the region changed.
    fn refresh_region_cache(&mut self, ctx: &PanelCtx<'_>) {
        let (Some(region_id), Some(r)) = (ctx.selection.region_id.as_ref(), ctx.region_index()) else {
            self.region_cache = None;
            return;
        };
        let revision = ctx.session.computed_revision();
        if self.region_cache.as_ref().is_some_and(|c| c.computed_revision == revision && c.region_id == *region_id) {
            return;
        }
        let results = ctx.session.results();
        let mut figures = HashMap::new();
        for scenario in &results.scenarios {
            for (d, domain_id) in results.domain_ids.iter().enumerate() {
                if let Some(indicators) = scenario.region_indicators(r, d, &results.months) {
                    figures.insert((scenario.id.clone(), domain_id.clone()), indicators);
                }
            }
        }
        self.region_computations += 1;
        self.region_cache = Some(RegionIndicators { computed_revision: revision, region_id: region_id.clone(), figures });
    }
}

impl Panel for IndicatorsPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        self.refresh_region_cache(ctx);
        let region = self.region_cache.as_ref();
        let gap = ui.spacing().item_spacing.x * 2.0 + 6.0;
        let known: [f32; 3] =
            std::array::from_fn(|b| self.block_widths[b].max(INDICATOR_BLOCK_MIN_WIDTHS.get(b).copied().unwrap_or(0.0)));
        let available = ui.available_width();
        let rows = block_rows(&known, available, gap);
        // One domain in front of a room: its column goes when the table is too wide, and comes
        // back only with room to spare (no flicker between two widths).
        let one_domain = ctx.presentation && matches!(ctx.selection.chart_focus, crate::ui::context::ChartFocus::Domain(_));
        let indicators_width = self.block_widths[0];
        if !one_domain || indicators_width + DOMAIN_COLUMN_ROOM < available {
            self.compact = false;
        } else if indicators_width > available {
            self.compact = true;
        }
        let compact = self.compact;
        let mut measured = self.block_widths;
        let mut clicked_region = None;
        for (row_index, row) in rows.iter().enumerate() {
            if row_index > 0 {
                ui.separator();
            }
            ui.horizontal_top(|ui| {
                for (position, block) in row.iter().enumerate() {
                    if position > 0 {
                        ui.separator();
                    }
                    let drawn = ui.vertical(|ui| {
                        // Natural widths: a block never squeezes its text into a narrow column.
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                        ui.set_min_width(INDICATOR_BLOCK_MIN_WIDTHS.get(*block).copied().unwrap_or(0.0));
                        match block {
                            0 => domain_indicators_ui(ctx, ui, region, compact),
                            1 => costs_ui(ctx, ui),
                            _ => clicked_region = regions_short_first_ui(ctx, ui),
                        }
                    });
                    if let Some(width) = measured.get_mut(*block) {
                        *width = drawn.response.rect.width();
                    }
                }
            });
        }
        if measured.iter().zip(&self.block_widths).any(|(now, before)| (now - before).abs() > 1.0) {
            self.block_widths = measured;
            // Lay the blocks out again with their true widths before anything is shown.
            ui.ctx().request_discard("indicator blocks measured");
        }
        clicked_region.map(|id| Action::SelectRegion(Some(id))).into_iter().collect()
    }
}

/// The indicators of the drawn scenarios per domain: the selected region's (from `region`) or
/// the state's.
fn domain_indicators_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui, region: Option<&RegionIndicators>, compact: bool) {
    let t = ctx.strings();
    let language = ctx.language();
    let drawn = ctx.drawn_scenarios();
    crate::ui::cells::heading_line(ui, format!("{} – {}", t.indicators, ctx.place_name()));
    let headers = [t.col_domain, t.scenario, t.first_shortage, t.peak_shortage, t.place_months, t.shortage_probability];
    let headers = if compact { &headers[1..] } else { &headers[..] };
    egui::Grid::new("indicators").striped(true).num_columns(headers.len()).show(ui, |ui| {
        // Headers on two lines: the columns are as wide as their figures, and the whole table
        // fits beside the what-if controls on a 1280×720 projector.
        for header in headers.iter().copied() {
            let shown = ui.label(egui::RichText::new(two_lines(header)).strong());
            shown.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, header));
        }
        ui.end_row();
        for domain in ctx.plan().domains.iter().filter(|d| ctx.selection.chart_focus.lists_indicators_of(&d.id)) {
            let mut first_row = true;
            for shown in &drawn {
                let indicators = match region {
                    Some(cache) => cache.figures.get(&(shown.scenario.id.clone(), domain.id.clone())),
                    None => shown.results.domain(&domain.id).map(|figures| &figures.indicators),
                };
                let Some(i) = indicators else { continue };
                if compact {
                    // The plot's title names the one domain shown.
                } else if first_row {
                    ui.label(
                        egui::RichText::new(crate::format::elide(&crate::domain_words::domain_title(domain, ctx.language()), 48))
                            .strong(),
                    );
                } else {
                    ui.label("");
                }
                first_row = false;
                ui.label(
                    egui::RichText::new(crate::format::elide(&shown.scenario.name, 48))
                        .color(crate::ui::contrast::on_ui(ui, shown.color)),
                );
                match i.first_shortage_month {
                    Some(month) => {
                        ui.label(egui::RichText::new(language.month(month)).color(crate::ui::contrast::error_text(ui)))
                    }
                    None => ui.label(egui::RichText::new(t.none).color(crate::ui::contrast::good_text(ui))),
                };
                let peak = match i.peak_shortage_month {
                    Some(month) => format!("{} ({})", places_text(language, i.peak_shortage), language.month(month)),
                    None => language.number(0.0, 0),
                };
                ui.label(peak);
                ui.label(places_text(language, i.shortage_place_months));
                shortage_probability_ui(ctx, ui, &shown.scenario.id, &domain.id, region.is_some());
                ui.end_row();
            }
        }
    });
}

/// `text` broken into two lines at the space or hyphen nearest its middle ("Engpass-" /
/// "Wahrscheinlichkeit"); a single word stays whole.
pub fn two_lines(text: &str) -> String {
    let middle = text.chars().count() / 2;
    let breaks = text.char_indices().enumerate().filter(|(_, (_, c))| *c == ' ' || *c == '-');
    let Some((_, (at, c))) = breaks.min_by_key(|(position, _)| position.abs_diff(middle)) else { return text.to_owned() };
    let (head, tail) = text.split_at(at);
    match c {
        '-' => format!("{head}-\n{}", &tail[1..]),
        _ => format!("{head}\n{}", &tail[1..]),
    }
}

/// A number of places as a planner reads it: whole numbers, but one decimal below 10, so that
/// a small region 0,4 places short does not show "0" beside a red first-shortage month.
pub fn places_text(language: crate::language::Language, places: f64) -> String {
    let decimals = if places.abs() < 10.0 && places.fract().abs() > 1e-9 { 1 } else { 0 };
    language.number(places, decimals)
}

/// The share of runs with a shortage in any month (`73 %`), `—` while not computed. The runs
/// only know the state's shortage: under a region the cell itself says `(landesweit)`, so that
/// "97 %" never reads as the region's beside its "Erster Engpass: keiner".
fn shortage_probability_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui, scenario_id: &str, domain_id: &str, under_region: bool) {
    let bands = ctx.session.bands().of(scenario_id).filter(|_| ctx.settings.show_bands);
    match bands.and_then(|b| b.domains.iter().find(|d| d.id == domain_id)) {
        Some(domain) => {
            let share = domain.any_shortage_probability;
            let text = shortage_probability_text(ctx.language(), share, under_region);
            let text = egui::RichText::new(text);
            ui.label(if share > 0.0 {
                text.color(crate::ui::contrast::error_text(ui))
            } else {
                text.color(crate::ui::contrast::good_text(ui))
            });
        }
        None => {
            ui.label("—").on_hover_text(ctx.strings().not_computed_hint);
        }
    }
}

/// The probability cell's text: `97 %`, or under a region `97 % (landesweit)`.
pub fn shortage_probability_text(language: crate::language::Language, share: f64, under_region: bool) -> String {
    let percent = language.percent(share);
    if under_region { format!("{percent} ({})", language.strings().state_wide) } else { percent }
}

fn costs_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) {
    let t = ctx.strings();
    let plan = ctx.plan();
    let drawn = ctx.drawn_scenarios();
    ui.heading(format!("{} ({})", t.yearly_cost, t.state_wide));
    if ctx.selection.region_id.is_some() {
        ui.label(egui::RichText::new(t.costs_state_wide_note).weak());
    }
    egui::Grid::new("yearly_costs").striped(true).show(ui, |ui| {
        ui.label(t.year);
        for shown in &drawn {
            ui.label(
                egui::RichText::new(crate::format::elide(&shown.scenario.name, 48))
                    .color(crate::ui::contrast::on_ui(ui, shown.color)),
            );
        }
        ui.label(t.budget);
        ui.end_row();
        let years: Vec<i32> = ctx
            .session
            .results()
            .scenarios
            .first()
            .map(|s| s.cost_per_year.iter().map(|(y, _)| *y).collect())
            .unwrap_or_default();
        for year in years {
            ui.label(year.to_string());
            let budget = plan.budget.iter().find(|b| b.year == year).map(|b| b.eur);
            for shown in &drawn {
                let cost = shown.results.cost_per_year.iter().find(|(y, _)| *y == year).map_or(0.0, |(_, c)| *c);
                let text = ctx.language().money(cost);
                if budget.is_some_and(|b| cost > b) {
                    ui.label(egui::RichText::new(text).color(crate::ui::contrast::error_text(ui))).on_hover_text(t.over_budget);
                } else {
                    ui.label(text);
                }
            }
            ui.label(budget.map(|eur| ctx.language().money(eur)).unwrap_or_else(|| "–".to_owned()));
            ui.end_row();
        }
    });
}

fn regions_short_first_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui) -> Option<String> {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let results = ctx.session.results();
    ui.heading(t.regions_short_first);
    let list = regions_short_first(results, &ctx.selection.scenario_id);
    if list.is_empty() {
        ui.label(egui::RichText::new(t.no_region_short).color(crate::ui::contrast::good_text(ui)));
    }
    let mut clicked_region = None;
    for (month_index, r, d) in list.into_iter().take(25) {
        let region = results.region_ids.get(r).and_then(|id| plan.regions.iter().find(|region| region.id == *id));
        let domain = results.domain_ids.get(d).and_then(|id| plan.domains.iter().find(|domain| domain.id == *id));
        let (Some(region), Some(domain), Some(month)) = (region, domain, results.months.get(month_index)) else {
            continue;
        };
        let selected = ctx.selection.region_id.as_deref() == Some(region.id.as_str());
        let text = format!("{} – {} ({})", language.month(*month), region.name, domain.name);
        if ui.selectable_label(selected, text).clicked() {
            clicked_region = Some(region.id.clone());
        }
    }
    clicked_region
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, bench_sized};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn blocks_that_do_not_fit_side_by_side_stand_below_each_other() {
        assert_eq!(block_rows(&[500.0, 200.0, 300.0], 1200.0, 10.0), vec![vec![0, 1, 2]]);
        assert_eq!(block_rows(&[500.0, 200.0, 300.0], 800.0, 10.0), vec![vec![0, 1], vec![2]]);
        assert_eq!(block_rows(&[700.0, 200.0, 300.0], 600.0, 10.0), vec![vec![0], vec![1, 2]]);
        assert_eq!(block_rows(&[700.0, 200.0, 300.0], 100.0, 10.0), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn the_region_list_keeps_a_legible_width_beside_three_compared_scenarios() {
        for width in [700.0, 1000.0, 1280.0] {
            let mut harness = bench_sized(IndicatorsPanel::default(), [width, 900.0]);
            harness.run();
            assert_eq!(harness.state().selection.compared_ids.len(), 3, "three scenarios compared");
            let heading = harness.get_by_label("Regionen mit frühestem Engpass").rect();
            assert!(heading.right() <= width + 1.0, "the list heading is inside the window at {width}: {heading:?}");
            let entry = harness.get_all_by_label_contains(" – ").next().expect("an entry").rect();
            assert!(entry.width() >= 180.0, "an entry of the list is legible at {width}: {entry:?}");
        }
    }

    #[test]
    fn the_indicators_follow_the_selected_region_and_the_costs_say_state_wide() {
        let mut harness = bench(IndicatorsPanel::default());
        harness.run();
        assert!(harness.query_by_label("Kennzahlen – NRW gesamt").is_some());
        assert!(harness.query_by_label("Kosten je Jahr (landesweit)").is_some());
        let state_figure = {
            let bench = harness.state();
            let results = bench.session.results();
            results.scenarios[0].domains[0].indicators.shortage_place_months
        };
        harness.state_mut().selection.region_id = Some("koeln".to_owned());
        for _ in 0..3 {
            harness.run();
        }
        assert!(harness.query_by_label("Kennzahlen – Köln").is_some(), "the heading names the region");
        let (region_figure, leading) = {
            let bench = harness.state();
            let results = bench.session.results();
            let r = results.region_ids.iter().position(|id| id == "koeln").expect("Köln");
            let leading = bench.selection.scenario_id.clone();
            let scenario = results.scenarios.iter().find(|s| s.id == leading).expect("leading");
            (scenario.region_indicators(r, 0, &results.months).expect("figures").shortage_place_months, leading)
        };
        assert!(region_figure < state_figure, "a region misses fewer places than the state");
        let language = harness.state().settings.language;
        let shown = language.number(region_figure, 0);
        assert!(harness.query_all_by_label(&shown).count() >= 1, "Köln's place-months {shown} of {leading} are shown");
        assert!(harness.query_by_label(&language.number(state_figure, 0)).is_none(), "the state's are not");
        assert!(harness.query_by_label("Kosten je Jahr (landesweit)").is_some(), "costs stay state-wide, and say so");
        assert!(harness.query_by_label("alle Maßnahmen im Land, nicht nur der Region").is_some());
        assert_eq!(harness.state().panel.region_computations, 1, "computed once, not per frame");
        harness.state_mut().selection.region_id = Some("essen".to_owned());
        harness.run();
        assert_eq!(harness.state().panel.region_computations, 2, "computed again for another region");
    }

    #[test]
    fn the_indicators_panel_selects_a_region_that_runs_short() {
        let mut harness = bench(IndicatorsPanel::default());
        harness.run();
        let bench_state = harness.state();
        let first = regions_short_first(bench_state.session.results(), &bench_state.selection.scenario_id);
        let (_, region_index, _) = first[0];
        let region = bench_state.session.plan().regions[region_index].clone();
        let entry = format!("– {} (", region.name);
        harness.get_by_label_contains(&entry).scroll_to_me();
        harness.run();
        harness.get_by_label_contains(&entry).click();
        harness.run();
        assert_eq!(harness.state().actions, vec![Action::SelectRegion(Some(region.id))]);
    }

    #[test]
    fn long_headers_break_into_two_lines_at_the_middle() {
        assert_eq!(two_lines("Engpass-Wahrscheinlichkeit"), "Engpass-\nWahrscheinlichkeit");
        assert_eq!(two_lines("Platz-Monate fehlend"), "Platz-Monate\nfehlend");
        assert_eq!(two_lines("Erster Engpass"), "Erster\nEngpass");
        assert_eq!(two_lines("Szenario"), "Szenario");
    }

    #[test]
    fn small_shortages_keep_a_decimal_so_they_never_read_as_zero() {
        use crate::language::Language;
        assert_eq!(places_text(Language::German, 0.4), "0,4");
        assert_eq!(places_text(Language::English, 7.75), "7.8");
        assert_eq!(places_text(Language::German, 3.0), "3");
        assert_eq!(places_text(Language::German, 1206.4), "1.206");
    }
}
