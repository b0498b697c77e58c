//! The words of the pictures, in German and English (each picture in one language only), and
//! the month and number forms they need.

use crate::language::Language;
use crate::model::Month;

/// Every word a picture writes that does not come from the plan.
#[derive(Debug)]
pub struct PictureTexts {
    /// The program's name, in the footer.
    pub app_name: &'static str,
    /// The whole state as the shown place.
    pub whole_state: &'static str,
    /// Label before the region's name.
    pub region: &'static str,
    /// Label before the scenario names.
    pub scenarios: &'static str,
    /// Legend: the demand line.
    pub demand: &'static str,
    /// Legend: the capacity line.
    pub capacity: &'static str,
    /// Legend: shortage shading of a region.
    pub shortage: &'static str,
    /// Legend: shortage shading of the state (sum of the regions' shortages).
    pub shortage_state: &'static str,
    /// Legend of the P10–P90 band of the demand.
    pub band: &'static str,
    /// Title of the cost plot.
    pub cost_per_year: &'static str,
    /// Note that costs are the state's, when a region is shown.
    pub state_wide: &'static str,
    /// Legend: the budget line.
    pub budget: &'static str,
    /// Axis: months.
    pub month: &'static str,
    /// Axis: years.
    pub year: &'static str,
    /// Axis unit of the cost plot.
    pub million_euro: &'static str,
    /// Footer: before the plan's notes.
    pub source: &'static str,
    /// Footer: before the date of the export.
    pub as_of: &'static str,
    /// Table title.
    pub indicators: &'static str,
    /// Table column: domain.
    pub col_domain: &'static str,
    /// Table column: scenario.
    pub col_scenario: &'static str,
    /// Table column: first shortage month.
    pub first_shortage: &'static str,
    /// Table column: peak shortage.
    pub peak_shortage: &'static str,
    /// Table column: place-months missing.
    pub place_months: &'static str,
    /// No shortage in the horizon.
    pub none: &'static str,
    /// Rows left out of a full table.
    pub more_rows: &'static str,
    /// A plan without notes.
    pub no_source: &'static str,
    /// Heading of the groups table (SPEC §11).
    pub groups_heading: &'static str,
}

/// The German words.
pub const GERMAN: PictureTexts = PictureTexts {
    app_name: "Integrationsplan",
    whole_state: "NRW gesamt",
    region: "Region",
    scenarios: "Szenarien",
    demand: "Bedarf",
    capacity: "Kapazität",
    shortage: "Fehlende Plätze",
    shortage_state: "Fehlende Plätze (Summe der Regionen)",
    band: "Bandbreite P10–P90 (Bedarf)",
    cost_per_year: "Kosten je Jahr",
    state_wide: "landesweit",
    budget: "Budget",
    month: "Monat",
    year: "Jahr",
    million_euro: "Mio. €",
    source: "Quelle",
    as_of: "Stand",
    indicators: "Kennzahlen",
    col_domain: "Bereich",
    col_scenario: "Szenario",
    first_shortage: "Erster Engpass",
    peak_shortage: "Größter Engpass",
    place_months: "Platz-Monate fehlend",
    none: "keiner",
    more_rows: "weitere Zeilen",
    no_source: "keine Angabe im Plan",
    groups_heading: "Fehlende Gruppen je Planungsjahr (Stichtag)",
};

/// The English words.
pub const ENGLISH: PictureTexts = PictureTexts {
    app_name: "Integrationsplan",
    whole_state: "All of NRW",
    region: "Region",
    scenarios: "Scenarios",
    demand: "Demand",
    capacity: "Capacity",
    shortage: "Places missing",
    shortage_state: "Places missing (sum of regions)",
    band: "P10–P90 range (demand)",
    cost_per_year: "Cost per year",
    state_wide: "state-wide",
    budget: "Budget",
    month: "Month",
    year: "Year",
    million_euro: "€ m",
    source: "Source",
    as_of: "As of",
    indicators: "Indicators",
    col_domain: "Domain",
    col_scenario: "Scenario",
    first_shortage: "First shortage",
    peak_shortage: "Peak shortage",
    place_months: "Place-months missing",
    none: "none",
    more_rows: "more rows",
    no_source: "none given in the plan",
    groups_heading: "Groups missing by planning year (reference month)",
};

/// The words of `language`.
pub fn texts(language: Language) -> &'static PictureTexts {
    match language {
        Language::German => &GERMAN,
        Language::English => &ENGLISH,
    }
}

/// A month on an axis: `08/2025` in both languages, as the window writes it.
pub fn axis_month(month: Month) -> String {
    Language::English.month(month)
}

/// More characters than any line of a picture holds: a longer word is cut to this before it is
/// measured, so that cutting it to width costs no more than a few hundred measurements.
const MAX_LINE_CHARS: usize = 400;

/// Splits `text` into lines no wider than `max_width` by `width_of`; at most `max_lines`, the
/// last one ending in `…` when the text goes on.
pub fn wrap(text: &str, max_width: f64, max_lines: usize, width_of: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return lines;
    }
    let mut current = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if current.is_empty() || width_of(&candidate) <= max_width {
            current = candidate;
        } else if lines.len() + 1 == max_lines {
            // A word that fits no line is shown as far as it goes, not dropped.
            if width_of(word) > max_width {
                current = candidate;
            }
            cut = true;
            break;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    for (index, line) in lines.iter_mut().enumerate() {
        // A word wider than the line (a name of 10 000 characters) is cut and ends in "…".
        let mut ellipsis = cut && index + 1 == max_lines;
        let word_cut = !ellipsis && width_of(line) > max_width;
        if line.chars().count() > MAX_LINE_CHARS {
            *line = line.chars().take(MAX_LINE_CHARS).collect();
        }
        ellipsis |= word_cut;
        let mark = if word_cut { "…" } else { " …" };
        let fits = |l: &str| width_of(&if ellipsis { format!("{l}{mark}") } else { l.to_owned() }) <= max_width;
        while line.chars().count() > 1 && !fits(line) {
            line.pop();
        }
        if ellipsis {
            line.push_str(mark);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_wrap_into_the_lines_allowed_and_say_that_they_go_on() {
        let width = |s: &str| s.chars().count() as f64;
        assert_eq!(wrap("eins zwei drei vier", 9.0, 3, width), vec!["eins zwei", "drei vier"]);
        let cut = wrap("eins zwei drei vier fünf sechs", 9.0, 2, width);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert!(cut.iter().all(|l| width(l) <= 9.0), "{cut:?}");
        assert!(wrap("", 9.0, 2, width).is_empty());
        // One word longer than the line, e.g. a region name of 10 000 characters: cut with "…".
        let long = wrap(&format!("Region: {}", "Lippe".repeat(2_000)), 20.0, 1, width);
        assert_eq!(long.len(), 1);
        assert!(long[0].starts_with("Region: Lippe") && long[0].ends_with('…') && width(&long[0]) <= 20.0, "{long:?}");
    }

    #[test]
    fn the_two_languages_use_their_own_words() {
        assert_eq!(texts(Language::German).demand, "Bedarf");
        assert_eq!(texts(Language::English).demand, "Demand");
        assert_eq!(axis_month(Month::new(2025, 8).unwrap_or_else(|| unreachable!())), "08/2025");
    }
}
