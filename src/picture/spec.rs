//! What a picture shows, gathered from plan, results and selection before anything is drawn:
//! names, colours and dash patterns of the scenarios, the curves of the shown place, costs,
//! indicators, and the words and numbers in the picture's language.

use super::palette::{Rgb, Style};
use super::series::{Curves, domain_curves};
use super::text::{PictureTexts, texts};
use crate::engine::{Indicators, Results};
use crate::language::Language;
use crate::model::{Month, Plan};

/// A scenario the user has on screen: its id, its colour, whether it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownScenario {
    /// Scenario id.
    pub id: String,
    /// Its colour (the window's, so that slide and screen agree).
    pub color: Rgb,
    /// Whether its shortage is shaded.
    pub leading: bool,
}

/// Everything a picture is made from.
#[derive(Debug, Clone)]
pub struct PictureRequest<'a> {
    /// The plan (title, domains, regions, budget, notes).
    pub plan: &'a Plan,
    /// Its results.
    pub results: &'a Results,
    /// The scenarios to draw, leading first.
    pub scenarios: Vec<ShownScenario>,
    /// The region shown, `None` for the whole state.
    pub region_id: Option<String>,
    /// The language of the words and numbers.
    pub language: Language,
    /// The presentation palette instead of the light one.
    pub presentation: bool,
    /// The date of the export, printed in the footer.
    pub date: chrono::NaiveDate,
    /// The P10–P90 bands of the demand the window shows (empty while the bands are off), each
    /// already scaled to the shown place.
    pub bands: Vec<PictureBand>,
}

/// One scenario's P10–P90 band of one domain's demand, at the shown place.
#[derive(Debug, Clone, PartialEq)]
pub struct PictureBand {
    /// Scenario id.
    pub scenario_id: String,
    /// Domain id.
    pub domain_id: String,
    /// 10th percentile of the demand per month.
    pub p10: Vec<f64>,
    /// 90th percentile of the demand per month.
    pub p90: Vec<f64>,
}

impl<'a> PictureRequest<'a> {
    /// A request for the `leading` scenario and the `compared` ones (plan order), coloured as in
    /// the window, for the state, in German, light, dated today.
    pub fn new(plan: &'a Plan, results: &'a Results, leading: &str, compared: &[String]) -> Self {
        let scenarios = plan
            .scenarios
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id == leading)
            .chain(plan.scenarios.iter().enumerate().filter(|(_, s)| s.id != leading && compared.contains(&s.id)))
            .map(|(index, s)| ShownScenario {
                id: s.id.clone(),
                color: super::palette::scenario_color(s.color.as_deref(), index),
                leading: s.id == leading,
            })
            .collect();
        PictureRequest {
            plan,
            results,
            scenarios,
            region_id: None,
            language: Language::German,
            presentation: false,
            date: chrono::Local::now().date_naive(),
            bands: Vec::new(),
        }
    }
}

/// One scenario as drawn: name, colour, dash pattern slot.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioKey {
    /// Scenario name.
    pub name: String,
    /// Its colour.
    pub color: Rgb,
    /// Its position among the drawn scenarios (order of bars and table rows).
    pub slot: usize,
    /// Its position in the plan: picks its dash and bar pattern, so that a scenario keeps its
    /// pattern whichever others are drawn (the window does the same).
    pub pattern: usize,
    /// Whether it leads (its shortage is shaded).
    pub leading: bool,
}

/// One domain's plot: its curves per drawn scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainChart {
    /// Domain name.
    pub name: String,
    /// Unit of the places.
    pub unit: String,
    /// Per drawn scenario (same order as [`ChartSpec::scenarios`]), its curves.
    pub curves: Vec<Curves>,
    /// Per drawn scenario (same order), its P10–P90 band of the demand when the window shows
    /// the bands: (P10, P90) per month.
    pub bands: Vec<Option<(Vec<f64>, Vec<f64>)>>,
}

/// One row of the indicator table.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// Domain name.
    pub domain: String,
    /// Slot of the scenario in [`ChartSpec::scenarios`].
    pub slot: usize,
    /// First month with a shortage, peak shortage, place-months missing at the shown place.
    pub indicators: Indicators,
}

/// One row of the groups table (SPEC §11): a planned domain's missing groups per planning year
/// for one scenario at the shown place.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    /// Domain title with the word for its groups: `Kita-Plätze (Gruppen)`.
    pub domain: String,
    /// Slot of the scenario in [`ChartSpec::scenarios`].
    pub slot: usize,
    /// Groups missing per planning year, in the order of [`ChartSpec::planning_years`].
    pub groups_missing: Vec<f64>,
}

/// Everything a picture draws, in the picture's language.
#[derive(Debug, Clone)]
pub struct ChartSpec {
    /// The plan's title.
    pub title: String,
    /// The shown place: the region's name, or the whole state.
    pub place: String,
    /// Whether the whole state is shown.
    pub state_view: bool,
    /// The months of the horizon.
    pub months: Vec<Month>,
    /// The drawn scenarios, leading first.
    pub scenarios: Vec<ScenarioKey>,
    /// One plot per domain, in plan order.
    pub domains: Vec<DomainChart>,
    /// Cost per year per drawn scenario (state-wide: measures are paid by the state).
    pub costs: Vec<Vec<(i32, f64)>>,
    /// Budget per year.
    pub budget: Vec<(i32, f64)>,
    /// Indicators per domain and scenario at the shown place.
    pub indicators: Vec<IndicatorRow>,
    /// The planning years' names (SPEC §11), for the groups table.
    pub planning_years: Vec<String>,
    /// Missing groups per planned domain and scenario at the shown place.
    pub groups: Vec<GroupRow>,
    /// The plan's notes (sources), whitespace collapsed.
    pub notes: String,
    /// The date of the export as the language writes it.
    pub date: String,
    /// The picture's language.
    pub language: Language,
    /// Its words.
    pub texts: &'static PictureTexts,
    /// Its colours and sizes.
    pub style: Style,
}

impl ChartSpec {
    /// Gathers what `request` shows. Scenarios without results and unknown regions are left
    /// out (an unknown region shows the state), never a panic.
    pub fn build(request: &PictureRequest<'_>) -> ChartSpec {
        let plan = request.plan;
        let results = request.results;
        let t = texts(request.language);
        let region_index = request.region_id.as_ref().and_then(|id| results.region_ids.iter().position(|r| r == id));
        let region = request.region_id.as_ref().and_then(|id| plan.regions.iter().find(|r| r.id == *id));
        let place = match region.filter(|_| region_index.is_some()) {
            Some(region) => region.name.clone(),
            None => t.whole_state.to_owned(),
        };
        let drawn: Vec<_> = request
            .scenarios
            .iter()
            .filter_map(|shown| {
                let scenario_results = results.scenarios.iter().find(|s| s.id == shown.id)?;
                let name = plan.scenarios.iter().find(|s| s.id == shown.id).map_or(&scenario_results.name, |s| &s.name);
                Some((shown, name.clone(), scenario_results))
            })
            .collect();
        let scenarios: Vec<ScenarioKey> = drawn
            .iter()
            .enumerate()
            .map(|(slot, (shown, name, _))| ScenarioKey {
                name: name.clone(),
                color: shown.color,
                slot,
                pattern: plan.scenarios.iter().position(|s| s.id == shown.id).unwrap_or(slot),
                leading: shown.leading,
            })
            .collect();
        let mut domains = Vec::new();
        let mut indicators = Vec::new();
        for domain in &plan.domains {
            // A domain the results do not know yet (added while they are recomputed) keeps its
            // place with empty curves, so that `Picture::DomainPlot(i)` is always the plan's i-th.
            let domain_index = results.domain_ids.iter().position(|id| *id == domain.id);
            let title = crate::domain_words::domain_title(domain, request.language);
            let curves: Vec<Curves> = drawn
                .iter()
                .map(|(_, _, scenario)| domain_index.and_then(|d| domain_curves(scenario, d, region_index)).unwrap_or_default())
                .collect();
            for (slot, curve) in curves.iter().enumerate() {
                let figures = Indicators::from_shortage(&curve.shortage, &results.months);
                indicators.push(IndicatorRow { domain: title.clone(), slot, indicators: figures });
            }
            let bands = drawn
                .iter()
                .map(|(shown, _, _)| {
                    let band = request.bands.iter().find(|b| b.scenario_id == shown.id && b.domain_id == domain.id)?;
                    Some((band.p10.clone(), band.p90.clone()))
                })
                .collect();
            domains.push(DomainChart { name: title, unit: domain.unit.clone(), curves, bands });
        }
        let planning_years: Vec<String> =
            drawn.first().map(|(_, _, s)| s.planning_years.iter().map(|y| y.span.name.clone()).collect()).unwrap_or_default();
        let mut groups = Vec::new();
        for (d, domain) in plan.domains.iter().enumerate() {
            let Some(planning) = &domain.planning else { continue };
            let word = crate::domain_words::group_word(planning, request.language);
            let title = format!("{} ({word})", crate::domain_words::domain_title(domain, request.language));
            for (slot, (_, _, scenario)) in drawn.iter().enumerate() {
                let groups_missing = scenario
                    .planning_years
                    .iter()
                    .map(|year| {
                        let figures = year.domains.get(d).filter(|f| f.id == domain.id).and_then(|f| f.groups.as_ref());
                        figures.map_or(0.0, |g| match region_index {
                            None => g.groups_missing,
                            Some(r) => g.missing_by_region.get(r).copied().unwrap_or(0.0),
                        })
                    })
                    .collect();
                groups.push(GroupRow { domain: title.clone(), slot, groups_missing });
            }
        }
        ChartSpec {
            title: plan.meta.title.clone(),
            place,
            state_view: region_index.is_none(),
            months: results.months.clone(),
            scenarios,
            domains,
            costs: drawn.iter().map(|(_, _, s)| s.cost_per_year.clone()).collect(),
            budget: plan.budget.iter().map(|b| (b.year, b.eur)).collect(),
            indicators,
            planning_years,
            groups,
            notes: plan.meta.notes.split_whitespace().collect::<Vec<_>>().join(" "),
            date: request.language.date(request.date),
            language: request.language,
            texts: t,
            style: Style::of(request.presentation),
        }
    }

    /// The shown place with its label: `Region: Essen` or `NRW gesamt`.
    pub fn place_label(&self) -> String {
        if self.state_view { self.place.clone() } else { format!("{}: {}", self.texts.region, self.place) }
    }

    /// The footer's source line: the plan's notes, or that it names none.
    pub fn source_line(&self) -> String {
        let notes = if self.notes.is_empty() { self.texts.no_source } else { &self.notes };
        format!("{}: {notes}", self.texts.source)
    }

    /// The footer's second line: program and date of the export.
    pub fn made_line(&self) -> String {
        format!("{} · {} {}", self.texts.app_name, self.texts.as_of, self.date)
    }

    /// Whether any domain plot draws a P10–P90 band.
    pub fn has_bands(&self) -> bool {
        self.domains.iter().any(|d| d.bands.iter().any(Option::is_some))
    }

    /// The shortage's legend word: the state's is the sum of the regions' shortages.
    pub fn shortage_word(&self) -> &'static str {
        if self.state_view { self.texts.shortage_state } else { self.texts.shortage }
    }
}
