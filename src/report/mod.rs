//! A report for colleagues without the program: one self-contained HTML file (no script, no
//! other files, nothing loaded from the network) with the plan's title, period, author, notes
//! and sources, the key figures, every domain's plot and the cost plot as inline SVG (the
//! slide pictures of [`crate::picture`]), the budget table, the measures and a map of the
//! regions that have a location. It reads on a phone, prints on A4 and is accessible: headings
//! in order, tables with captions and header cells, a text alternative for every drawing.
//!
//! Every text that comes from the plan is escaped ([`escape`]).

mod html;
mod map;
mod words;

pub use html::escape;
pub use words::{ENGLISH, GERMAN, ReportWords, words};

use crate::engine::{Indicators, Results, ScenarioResults, budget_rows};
use crate::language::Language;
use crate::model::{Funding, Plan, Scenario};
use crate::picture::{Picture, PictureFormat, PictureRequest, Rgb, ShownScenario, scenario_color};
use html::{Table, inline_svg};

/// What the report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRequest {
    /// The scenarios, the first one leading (its shortage is shaded); empty = all, plan order.
    pub scenario_ids: Vec<String>,
    /// The language of the words and numbers.
    pub language: Language,
    /// The date printed as the report's "as of".
    pub date: chrono::NaiveDate,
    /// The P10–P90 bands to draw in the domain plots (state-wide), as the window shows them;
    /// empty when the bands are off or were not computed.
    pub bands: Vec<crate::picture::spec::PictureBand>,
}

impl ReportRequest {
    /// A report of all scenarios in `language`, dated today.
    pub fn new(language: Language) -> Self {
        ReportRequest { scenario_ids: Vec::new(), language, date: chrono::Local::now().date_naive(), bands: Vec::new() }
    }
}

/// A scenario in the report: its place in the plan, its definition and its results.
struct Shown<'a> {
    scenario: &'a Scenario,
    results: &'a ScenarioResults,
    color: Rgb,
}

/// Everything the sections need.
struct Report<'a> {
    plan: &'a Plan,
    results: &'a Results,
    language: Language,
    w: &'static ReportWords,
    shown: Vec<Shown<'a>>,
    date: chrono::NaiveDate,
    bands: &'a [crate::picture::spec::PictureBand],
}

/// The report of `plan` and its `results` as one HTML document. Scenarios of the request that
/// the plan or the results do not know are left out.
pub fn report_html(plan: &Plan, results: &Results, request: &ReportRequest) -> String {
    let wanted: Vec<&str> = if request.scenario_ids.is_empty() {
        plan.scenarios.iter().map(|s| s.id.as_str()).collect()
    } else {
        request.scenario_ids.iter().map(String::as_str).collect()
    };
    let mut shown: Vec<Shown<'_>> = Vec::new();
    for id in wanted {
        if shown.iter().any(|s| s.scenario.id == id) {
            continue;
        }
        let Some(plan_index) = plan.scenarios.iter().position(|s| s.id == id) else { continue };
        let (Some(scenario), Some(scenario_results)) =
            (plan.scenarios.get(plan_index), results.scenarios.iter().find(|s| s.id == id))
        else {
            continue;
        };
        let color = scenario_color(scenario.color.as_deref(), plan_index);
        shown.push(Shown { scenario, results: scenario_results, color });
    }
    let report = Report {
        plan,
        results,
        language: request.language,
        w: words(request.language),
        shown,
        date: request.date,
        bands: &request.bands,
    };
    report.document()
}

impl Report<'_> {
    fn document(&self) -> String {
        let w = self.w;
        let title = if self.plan.meta.title.trim().is_empty() { w.kind.to_owned() } else { self.plan.meta.title.clone() };
        let has_map = map::has_locations(self.plan);
        let has_planning = self.plan.domains.iter().any(|d| d.planning.is_some());
        let mut out = String::with_capacity(256 * 1024);
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", w.lang));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!("<meta name=\"generator\" content=\"{} {}\">\n", crate::about::NAME, crate::about::VERSION));
        out.push_str(&format!(
            "<title>{} – {}</title>\n<style>{}</style>\n</head>\n<body>\n",
            escape(&title),
            w.kind,
            html::STYLE
        ));
        out.push_str("<main>\n");
        out.push_str(&self.header(&title));
        out.push_str(&self.contents(has_planning, has_map));
        out.push_str(&self.notes_section());
        out.push_str(&self.key_figures_section(has_planning));
        out.push_str(&self.plots_section());
        out.push_str(&self.budget_section());
        out.push_str(&self.measures_section());
        if has_map {
            out.push_str(&self.map_section());
        }
        out.push_str("</main>\n");
        out.push_str(&format!(
            "<footer><p>{} {} {} · {} {}</p></footer>\n",
            w.made_with,
            crate::about::NAME,
            crate::about::VERSION,
            w.as_of,
            self.language.date(self.date)
        ));
        out.push_str("</body>\n</html>\n");
        out
    }

    fn header(&self, title: &str) -> String {
        let w = self.w;
        let plan = self.plan;
        let first = plan.horizon.start;
        let last = first.plus(plan.horizon.months.saturating_sub(1) as i32);
        let author = if plan.meta.author.trim().is_empty() { w.not_given.to_owned() } else { escape(&plan.meta.author) };
        let scenarios: Vec<String> = self
            .shown
            .iter()
            .map(|s| {
                format!(
                    "<li><span class=\"swatch\" style=\"background:{}\" aria-hidden=\"true\"></span>{}</li>",
                    hex(s.color),
                    escape(&s.scenario.name)
                )
            })
            .collect();
        format!(
            "<header>\n<p class=\"kind\">{kind}</p>\n<h1>{title}</h1>\n<dl class=\"facts\">\n<dt>{period}</dt><dd>{from} – {to}</dd>\n<dt>{author_label}</dt><dd>{author}</dd>\n<dt>{as_of}</dt><dd>{date}</dd>\n<dt>{scen}</dt><dd><ul class=\"scenarios\">{list}</ul></dd>\n</dl>\n</header>\n",
            kind = w.kind,
            title = escape(title),
            period = w.period,
            from = self.language.month(first),
            to = self.language.month(last),
            author_label = w.author,
            as_of = w.as_of,
            date = self.language.date(self.date),
            scen = w.scenarios,
            list = scenarios.join(""),
        )
    }

    fn contents(&self, has_planning: bool, has_map: bool) -> String {
        let w = self.w;
        let mut items = vec![("notes", w.notes_heading), ("figures", w.key_figures)];
        if has_planning {
            items.push(("planning", w.planning_heading));
        }
        items.extend([("plots", w.plots_heading), ("budget", w.budget_heading), ("measures", w.measures_heading)]);
        if has_map {
            items.push(("map", w.map_heading));
        }
        let list: String = items.iter().map(|(id, label)| format!("<li><a href=\"#{id}\">{label}</a></li>")).collect();
        format!("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">{}</h2><ol>{list}</ol></nav>\n", w.contents)
    }

    fn notes_section(&self) -> String {
        let notes = self.plan.meta.notes.trim();
        let body = if notes.is_empty() {
            format!("<p>{}</p>", self.w.no_notes)
        } else {
            notes.split("\n\n").map(|paragraph| format!("<p class=\"notes\">{}</p>", escape(paragraph.trim()))).collect()
        };
        format!(
            "<section class=\"part\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">{}</h2>\n{body}\n</section>\n",
            self.w.notes_heading
        )
    }

    /// The domain's title in the report's language with its unit.
    fn domain_label(&self, d: usize) -> String {
        match self.plan.domains.get(d) {
            Some(domain) => crate::domain_words::domain_title(domain, self.language),
            None => String::new(),
        }
    }

    /// The state-wide indicators of plan domain `d` in a scenario.
    fn indicators<'r>(&self, scenario: &'r ScenarioResults, d: usize) -> Option<&'r Indicators> {
        let id = &self.plan.domains.get(d)?.id;
        scenario.domain(id).map(|figures| &figures.indicators)
    }

    fn key_figures_section(&self, has_planning: bool) -> String {
        let w = self.w;
        let lang = self.language;
        let mut out =
            format!("<section class=\"part\" aria-labelledby=\"figures\">\n<h2 id=\"figures\">{}</h2>\n", w.key_figures);
        for (slot, shown) in self.shown.iter().enumerate() {
            let mut table = Table::new(
                format!("ind-{slot}"),
                format!("{} „{}“", w.indicators_of, escape(&shown.scenario.name)),
                &[
                    (w.domain, false),
                    (w.unit, false),
                    (w.first_shortage, true),
                    (w.peak_shortage, true),
                    (w.peak_month, true),
                    (w.place_months, true),
                ],
            );
            for (d, domain) in self.plan.domains.iter().enumerate() {
                let Some(figures) = self.indicators(shown.results, d) else { continue };
                let first = figures.first_shortage_month.map_or_else(|| w.no_shortage.to_owned(), |m| lang.month(m));
                let peak_month = figures.peak_shortage_month.map_or_else(|| "–".to_owned(), |m| lang.month(m));
                table.row(
                    &escape(&self.domain_label(d)),
                    &[
                        escape(&domain.unit),
                        first,
                        lang.number(figures.peak_shortage, 0),
                        peak_month,
                        lang.number(figures.shortage_place_months, 0),
                    ],
                );
            }
            out.push_str(&table.finish());
        }
        out.push_str(&format!("<h3 id=\"costs\">{}</h3>\n", w.cost_heading));
        let mut columns: Vec<(&str, bool)> = vec![(w.year, false)];
        let names: Vec<String> = self.shown.iter().map(|s| escape(&s.scenario.name)).collect();
        columns.extend(names.iter().map(|n| (n.as_str(), true)));
        let mut costs = Table::new("costs-table".to_owned(), w.cost_heading.to_owned(), &columns);
        let years: Vec<i32> =
            self.shown.first().map(|s| s.results.cost_per_year.iter().map(|(y, _)| *y).collect()).unwrap_or_default();
        for year in years {
            let cells: Vec<String> = self
                .shown
                .iter()
                .map(|s| {
                    s.results
                        .cost_per_year
                        .iter()
                        .find(|(y, _)| *y == year)
                        .map_or_else(|| "–".to_owned(), |(_, eur)| lang.money(*eur))
                })
                .collect();
            costs.row(&year.to_string(), &cells);
        }
        out.push_str(&costs.finish());
        if has_planning {
            out.push_str(&self.planning_tables());
        }
        out.push_str("</section>\n");
        out
    }

    fn planning_tables(&self) -> String {
        let w = self.w;
        let lang = self.language;
        let mut out = format!("<h3 id=\"planning\">{}</h3>\n", w.planning_heading);
        for (slot, shown) in self.shown.iter().enumerate() {
            let mut table = Table::new(
                format!("plan-{slot}"),
                format!("{} „{}“", w.planning_of, escape(&shown.scenario.name)),
                &[
                    (w.planning_year, false),
                    (w.reference_month, false),
                    (w.domain, false),
                    (w.groups_missing, true),
                    (w.staff_missing, true),
                    (w.running_cost_missing, true),
                ],
            );
            for year in &shown.results.planning_years {
                for (d, domain) in self.plan.domains.iter().enumerate() {
                    let Some(planning) = &domain.planning else { continue };
                    let figures = year.domains.iter().find(|f| f.id == domain.id).and_then(|f| f.groups.as_ref());
                    let Some(groups) = figures else { continue };
                    let word = crate::domain_words::group_word(planning, lang);
                    table.row(
                        &escape(&year.span.name),
                        &[
                            lang.month(year.span.reference_month),
                            format!("{} ({})", escape(&self.domain_label(d)), escape(&word)),
                            lang.number(groups.groups_missing, 0),
                            lang.number(groups.staff_missing, 1),
                            lang.money(groups.running_cost_missing_eur),
                        ],
                    );
                }
            }
            out.push_str(&table.finish());
        }
        out
    }

    fn picture_request(&self) -> PictureRequest<'_> {
        let scenarios = self
            .shown
            .iter()
            .enumerate()
            .map(|(slot, s)| ShownScenario { id: s.scenario.id.clone(), color: s.color, leading: slot == 0 })
            .collect();
        PictureRequest {
            plan: self.plan,
            results: self.results,
            scenarios,
            region_id: None,
            language: self.language,
            presentation: false,
            date: self.date,
            bands: self.bands.to_vec(),
        }
    }

    /// One sentence per scenario with the domain's key numbers: the plot's text alternative.
    fn domain_sentence(&self, d: usize) -> String {
        let w = self.w;
        let lang = self.language;
        let parts: Vec<String> = self
            .shown
            .iter()
            .filter_map(|shown| {
                let figures = self.indicators(shown.results, d)?;
                let name = &shown.scenario.name;
                Some(match (figures.first_shortage_month, figures.peak_shortage_month) {
                    (Some(first), Some(peak)) => format!(
                        "{name}: {} {}, {} {} {} {} {}, {} {}.",
                        w.first_from,
                        lang.month(first),
                        w.peak_of,
                        lang.number(figures.peak_shortage, 0),
                        w.places,
                        w.in_month,
                        lang.month(peak),
                        lang.number(figures.shortage_place_months, 0),
                        w.place_months,
                    ),
                    _ => format!("{name}: {}.", w.nothing_missing),
                })
            })
            .collect();
        parts.join(" ")
    }

    fn cost_sentence(&self) -> String {
        let lang = self.language;
        self.shown
            .iter()
            .map(|shown| {
                let years: Vec<String> =
                    shown.results.cost_per_year.iter().map(|(year, eur)| format!("{year}: {}", lang.money(*eur))).collect();
                format!("{}: {}.", shown.scenario.name, years.join("; "))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn plots_section(&self) -> String {
        let w = self.w;
        let spec = crate::picture::ChartSpec::build(&self.picture_request());
        let mut out = format!(
            "<section class=\"part\" aria-labelledby=\"plots\">\n<h2 id=\"plots\">{}</h2>\n<p>{}</p>\n",
            w.plots_heading, w.plots_intro
        );
        for (d, domain) in self.plan.domains.iter().enumerate() {
            let heading = format!("{} ({})", self.domain_label(d), domain.unit);
            let sentence = self.domain_sentence(d);
            let id = format!("plot-{d}");
            let drawing = crate::picture::render_spec(&spec, Picture::DomainPlot(d), PictureFormat::Svg);
            out.push_str(&figure(&id, &heading, &sentence, drawing));
        }
        let sentence = self.cost_sentence();
        let drawing = crate::picture::render_spec(&spec, Picture::CostPlot, PictureFormat::Svg);
        out.push_str(&figure("plot-cost", w.cost_plot, &sentence, drawing));
        out.push_str("</section>\n");
        out
    }

    fn budget_section(&self) -> String {
        let w = self.w;
        let lang = self.language;
        let mut out =
            format!("<section class=\"part\" aria-labelledby=\"budget\">\n<h2 id=\"budget\">{}</h2>\n", w.budget_heading);
        for (slot, shown) in self.shown.iter().enumerate() {
            let mut table = Table::new(
                format!("budget-{slot}"),
                format!("{} „{}“", w.budget_of, escape(&shown.scenario.name)),
                &[
                    (w.year, false),
                    (w.secured, true),
                    (w.planned, true),
                    (w.open, true),
                    (w.total, true),
                    (w.budget, true),
                    (w.balance, true),
                ],
            );
            for row in budget_rows(shown.results) {
                let dash = || "–".to_owned();
                let balance = row.balance_eur.map_or_else(dash, |b| {
                    if row.over_budget() {
                        format!("<strong class=\"over\">{} ({})</strong>", lang.money(b), w.over_budget)
                    } else {
                        lang.money(b)
                    }
                });
                table.row(
                    &row.year.to_string(),
                    &[
                        lang.money(row.secured_eur),
                        lang.money(row.planned_eur),
                        lang.money(row.open_eur),
                        lang.money(row.total_eur()),
                        row.budget_eur.map_or_else(dash, |b| lang.money(b)),
                        balance,
                    ],
                );
            }
            out.push_str(&table.finish());
        }
        out.push_str("</section>\n");
        out
    }

    fn measures_section(&self) -> String {
        let w = self.w;
        let lang = self.language;
        let plan = self.plan;
        let mut out =
            format!("<section class=\"part\" aria-labelledby=\"measures\">\n<h2 id=\"measures\">{}</h2>\n", w.measures_heading);
        if plan.measures.is_empty() {
            out.push_str(&format!("<p>{}</p>\n</section>\n", w.no_measures));
            return out;
        }
        let mut table = Table::new(
            "measures-table".to_owned(),
            // Not the section's own name: the table's scrolling region is a landmark of its own.
            format!("{} ({})", w.measures_heading, plan.measures.len()),
            &[
                (w.name, false),
                (w.domain, false),
                (w.region, false),
                (w.places_column, true),
                (w.start, true),
                (w.end, true),
                (w.cost_once, true),
                (w.cost_per_year, true),
                (w.funding, false),
                (w.off_in, false),
                (w.notes, false),
            ],
        );
        for measure in &plan.measures {
            let domain = plan
                .domains
                .iter()
                .position(|d| d.id == measure.domain)
                .map_or_else(|| measure.domain.clone(), |d| self.domain_label(d));
            let region = match &measure.region {
                None => w.state_wide.to_owned(),
                Some(id) => plan.regions.iter().find(|r| r.id == *id).map_or_else(|| id.clone(), |r| r.name.clone()),
            };
            let funding = match measure.funding {
                Funding::Secured => w.funding_secured,
                Funding::Planned => w.funding_planned,
                Funding::Open => w.funding_open,
            };
            let off: Vec<String> =
                plan.scenarios.iter().filter(|s| s.measures_off.contains(&measure.id)).map(|s| escape(&s.name)).collect();
            table.row(
                &escape(&measure.name),
                &[
                    escape(&domain),
                    escape(&region),
                    lang.number(measure.places, if measure.places.fract().abs() > 1e-9 { 1 } else { 0 }),
                    lang.month(measure.start),
                    measure.end.map_or_else(|| w.open_end.to_owned(), |m| lang.month(m)),
                    lang.euro(measure.cost_once_eur),
                    lang.euro(measure.cost_per_year_eur),
                    funding.to_owned(),
                    off.join(", "),
                    escape(measure.notes.trim()),
                ],
            );
        }
        out.push_str(&table.finish());
        out.push_str("</section>\n");
        out
    }

    fn map_section(&self) -> String {
        let w = self.w;
        let mut out = format!("<section class=\"part\" aria-labelledby=\"map\">\n<h2 id=\"map\">{}</h2>\n", w.map_heading);
        if let Some(leading) = self.shown.first() {
            let place_months = map::region_place_months(leading.results, &self.results.months);
            let drawing = map::map_svg(self.plan, &place_months);
            let mut ranked: Vec<(usize, f64)> =
                place_months.iter().copied().enumerate().filter(|(_, v)| *v > crate::engine::SHORTAGE_THRESHOLD).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
            let top: Vec<String> = ranked
                .iter()
                .take(5)
                .filter_map(|(r, v)| {
                    let region = self.plan.regions.get(*r)?;
                    Some(format!("{} ({} {})", region.name, self.language.number(*v, 0), w.place_months))
                })
                .collect();
            let mut sentence = format!("{} „{}“. ", w.map_intro, leading.scenario.name);
            if top.is_empty() {
                sentence.push_str(w.map_none);
            } else {
                sentence.push_str(&format!("{}: {}.", w.map_most, top.join(", ")));
            }
            out.push_str(&figure("map-figure", w.map_heading, &sentence, Ok(drawing.into_bytes())));
        }
        out.push_str("</section>\n");
        out
    }
}

/// A drawing with its heading and its text alternative: the SVG is an image labelled by its
/// title and described by the sentence, which the figure's caption also shows.
fn figure(id: &str, heading: &str, sentence: &str, drawing: Result<Vec<u8>, crate::picture::PictureError>) -> String {
    let body = match drawing.map(String::from_utf8) {
        Ok(Ok(svg)) => inline_svg(&svg, id, heading, sentence),
        Ok(Err(error)) => format!("<p>{}</p>", escape(&error.to_string())),
        Err(error) => format!("<p>{}</p>", escape(&error.to_string())),
    };
    format!(
        "<figure aria-labelledby=\"{id}-h\">\n<h3 id=\"{id}-h\">{heading}</h3>\n{body}\n<figcaption>{sentence}</figcaption>\n</figure>\n",
        heading = escape(heading),
        sentence = escape(sentence),
    )
}

/// `#rrggbb`.
fn hex(color: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

#[cfg(test)]
mod tests;
