//! The words of the HTML report, in German and English (a report is in one language only).

use crate::language::Language;

/// Every word the report writes that does not come from the plan.
#[derive(Debug)]
pub struct ReportWords {
    /// The `lang` attribute.
    pub lang: &'static str,
    /// Kind of document, under the title.
    pub kind: &'static str,
    /// Label of the horizon.
    pub period: &'static str,
    /// Label of the author.
    pub author: &'static str,
    /// Label of the date the report was made.
    pub as_of: &'static str,
    /// Label of the scenarios in the report.
    pub scenarios: &'static str,
    /// An empty field of the plan.
    pub not_given: &'static str,
    /// Heading of the table of contents.
    pub contents: &'static str,
    /// Heading: notes and sources.
    pub notes_heading: &'static str,
    /// A plan without notes.
    pub no_notes: &'static str,
    /// Heading: key figures.
    pub key_figures: &'static str,
    /// Caption of a scenario's indicator table, before its name.
    pub indicators_of: &'static str,
    /// Column: domain.
    pub domain: &'static str,
    /// Column: unit.
    pub unit: &'static str,
    /// Column: first month with a shortage.
    pub first_shortage: &'static str,
    /// Column: largest shortage.
    pub peak_shortage: &'static str,
    /// Column: month of the largest shortage.
    pub peak_month: &'static str,
    /// Column: place-months missing.
    pub place_months: &'static str,
    /// No shortage in the horizon.
    pub no_shortage: &'static str,
    /// Heading: cost per budget year.
    pub cost_heading: &'static str,
    /// Column: year.
    pub year: &'static str,
    /// Heading: the planning years (SPEC §11).
    pub planning_heading: &'static str,
    /// Caption of a scenario's planning-year table, before its name.
    pub planning_of: &'static str,
    /// Column: planning year.
    pub planning_year: &'static str,
    /// Column: reference month.
    pub reference_month: &'static str,
    /// Column: groups missing.
    pub groups_missing: &'static str,
    /// Column: staff missing.
    pub staff_missing: &'static str,
    /// Column: running cost of the missing groups per year.
    pub running_cost_missing: &'static str,
    /// Heading: the plots.
    pub plots_heading: &'static str,
    /// Explains what the plots show.
    pub plots_intro: &'static str,
    /// Heading of the cost plot.
    pub cost_plot: &'static str,
    /// Sentence part: nothing missing.
    pub nothing_missing: &'static str,
    /// Sentence part before the first shortage month.
    pub first_from: &'static str,
    /// Sentence part before the peak.
    pub peak_of: &'static str,
    /// Word after a number of places.
    pub places: &'static str,
    /// Sentence part before the month of the peak.
    pub in_month: &'static str,
    /// Heading: budget.
    pub budget_heading: &'static str,
    /// Caption of a scenario's budget table, before its name.
    pub budget_of: &'static str,
    /// Column: cost from secured measures.
    pub secured: &'static str,
    /// Column: cost from planned measures.
    pub planned: &'static str,
    /// Column: cost from open measures.
    pub open: &'static str,
    /// Column: total cost.
    pub total: &'static str,
    /// Column: budget.
    pub budget: &'static str,
    /// Column: balance.
    pub balance: &'static str,
    /// Marks a year over budget.
    pub over_budget: &'static str,
    /// Heading: measures.
    pub measures_heading: &'static str,
    /// A plan without measures.
    pub no_measures: &'static str,
    /// Column: name.
    pub name: &'static str,
    /// Column: region.
    pub region: &'static str,
    /// A measure for the whole state.
    pub state_wide: &'static str,
    /// Column: places.
    pub places_column: &'static str,
    /// Column: start.
    pub start: &'static str,
    /// Column: end.
    pub end: &'static str,
    /// An open end.
    pub open_end: &'static str,
    /// Column: one-off cost.
    pub cost_once: &'static str,
    /// Column: running cost per year.
    pub cost_per_year: &'static str,
    /// Column: funding.
    pub funding: &'static str,
    /// Column: notes.
    pub notes: &'static str,
    /// Column: scenarios that switch the measure off.
    pub off_in: &'static str,
    /// Heading: map.
    pub map_heading: &'static str,
    /// Explains the map's circles, before the scenario's name.
    pub map_intro: &'static str,
    /// Sentence part: the regions with the most missing place-months.
    pub map_most: &'static str,
    /// Sentence part: no region misses places.
    pub map_none: &'static str,
    /// Footer: made with.
    pub made_with: &'static str,
    /// Funding: secured.
    pub funding_secured: &'static str,
    /// Funding: planned.
    pub funding_planned: &'static str,
    /// Funding: open.
    pub funding_open: &'static str,
}

/// The German words.
pub const GERMAN: ReportWords = ReportWords {
    lang: "de",
    kind: "Bericht",
    period: "Zeitraum",
    author: "Verfasst von",
    as_of: "Stand",
    scenarios: "Szenarien",
    not_given: "keine Angabe",
    contents: "Inhalt",
    notes_heading: "Hinweise und Quellen",
    no_notes: "Der Plan nennt keine Hinweise oder Quellen.",
    key_figures: "Kennzahlen",
    indicators_of: "Engpässe im Szenario",
    domain: "Bereich",
    unit: "Einheit",
    first_shortage: "Erster Engpass",
    peak_shortage: "Größter Engpass",
    peak_month: "im Monat",
    place_months: "Platz-Monate fehlend",
    no_shortage: "keiner",
    cost_heading: "Kosten je Haushaltsjahr",
    year: "Jahr",
    planning_heading: "Planungsjahre: fehlende Gruppen, Personal und laufende Kosten",
    planning_of: "Planungsjahre im Szenario",
    planning_year: "Planungsjahr",
    reference_month: "Stichtag",
    groups_missing: "Fehlende Gruppen",
    staff_missing: "Fehlendes Personal",
    running_cost_missing: "Laufende Kosten je Jahr",
    plots_heading: "Verläufe",
    plots_intro: "Je Bereich Bedarf und Kapazität je Szenario über die Monate; schattiert die fehlenden Plätze des ersten Szenarios.",
    cost_plot: "Kosten je Jahr",
    nothing_missing: "es fehlen keine Plätze",
    first_from: "erster Engpass",
    peak_of: "größter Engpass",
    places: "Plätze",
    in_month: "im",
    budget_heading: "Budget",
    budget_of: "Kosten und Budget im Szenario",
    secured: "Gesichert",
    planned: "Geplant",
    open: "Offen",
    total: "Kosten gesamt",
    budget: "Budget",
    balance: "Saldo",
    over_budget: "über Budget",
    measures_heading: "Maßnahmen",
    no_measures: "Der Plan hat keine Maßnahmen.",
    name: "Name",
    region: "Region",
    state_wide: "landesweit",
    places_column: "Plätze",
    start: "Beginn",
    end: "Ende",
    open_end: "offen",
    cost_once: "Einmalkosten",
    cost_per_year: "Laufende Kosten je Jahr",
    funding: "Finanzierung",
    notes: "Hinweise",
    off_in: "Abgeschaltet in",
    map_heading: "Karte",
    map_intro: "Je Region ein Kreis, so groß wie die fehlenden Platz-Monate aller Bereiche im Szenario",
    map_most: "Am meisten fehlen",
    map_none: "In keiner Region fehlen Plätze.",
    made_with: "Erstellt mit",
    funding_secured: "gesichert",
    funding_planned: "geplant",
    funding_open: "offen",
};

/// The English words.
pub const ENGLISH: ReportWords = ReportWords {
    lang: "en",
    kind: "Report",
    period: "Period",
    author: "Author",
    as_of: "As of",
    scenarios: "Scenarios",
    not_given: "not given",
    contents: "Contents",
    notes_heading: "Notes and sources",
    no_notes: "The plan gives no notes or sources.",
    key_figures: "Key figures",
    indicators_of: "Shortages in scenario",
    domain: "Domain",
    unit: "Unit",
    first_shortage: "First shortage",
    peak_shortage: "Peak shortage",
    peak_month: "in month",
    place_months: "Place-months missing",
    no_shortage: "none",
    cost_heading: "Cost per budget year",
    year: "Year",
    planning_heading: "Planning years: missing groups, staff and running cost",
    planning_of: "Planning years in scenario",
    planning_year: "Planning year",
    reference_month: "Reference month",
    groups_missing: "Groups missing",
    staff_missing: "Staff missing",
    running_cost_missing: "Running cost per year",
    plots_heading: "Curves",
    plots_intro: "For each domain, demand and capacity of each scenario over the months; shaded, the places missing in the first scenario.",
    cost_plot: "Cost per year",
    nothing_missing: "no places are missing",
    first_from: "first shortage",
    peak_of: "peak shortage",
    places: "places",
    in_month: "in",
    budget_heading: "Budget",
    budget_of: "Cost and budget in scenario",
    secured: "Secured",
    planned: "Planned",
    open: "Open",
    total: "Total cost",
    budget: "Budget",
    balance: "Balance",
    over_budget: "over budget",
    measures_heading: "Measures",
    no_measures: "The plan has no measures.",
    name: "Name",
    region: "Region",
    state_wide: "state-wide",
    places_column: "Places",
    start: "Start",
    end: "End",
    open_end: "open",
    cost_once: "One-off cost",
    cost_per_year: "Running cost per year",
    funding: "Funding",
    notes: "Notes",
    off_in: "Switched off in",
    map_heading: "Map",
    map_intro: "One circle per region, sized by the place-months missing in all domains in scenario",
    map_most: "Most missing",
    map_none: "No region misses places.",
    made_with: "Made with",
    funding_secured: "secured",
    funding_planned: "planned",
    funding_open: "open",
};

/// The words of `language`.
pub fn words(language: Language) -> &'static ReportWords {
    match language {
        Language::German => &GERMAN,
        Language::English => &ENGLISH,
    }
}
