//! A change as a line for people, in German or English: items by their names, fields by the
//! window's words, values in the language's number and month formats.

use super::diff::{Change, List, Op, Section, Target};
use crate::language::Language;
use crate::model::{Funding, Month, Plan};
use serde_json::Value;

/// German and English words for one thing.
type Words = (&'static str, &'static str);

fn pick(language: Language, (german, english): Words) -> &'static str {
    match language {
        Language::German => german,
        Language::English => english,
    }
}

/// What an item of `list` is called.
pub fn item_word(list: List, language: Language) -> &'static str {
    pick(
        language,
        match list {
            List::Domains => ("Bereich", "Domain"),
            List::Regions => ("Region", "Region"),
            List::Measures => ("Maßnahme", "Measure"),
            List::Scenarios => ("Szenario", "Scenario"),
            List::Budget => ("Budget", "Budget"),
        },
    )
}

/// What a section is called.
pub fn section_word(section: Section, language: Language) -> &'static str {
    pick(
        language,
        match section {
            Section::Meta => ("Plan", "Plan"),
            Section::Horizon => ("Zeitraum", "Period"),
            Section::PlanningYear => ("Planungsjahr", "Planning year"),
        },
    )
}

/// The label of a field of an item, a section or the plan (the window's words); `None` for a
/// field this version does not know (it is shown as written).
pub fn field_word(field: &str, language: Language) -> Option<&'static str> {
    let words: Words = match field {
        "name" => ("Name", "Name"),
        "unit" => ("Einheit", "Unit"),
        "rates" => ("Quoten nach Altersgruppe", "Rates by age band"),
        "persons_per_unit" => ("Personen je Einheit", "Persons per unit"),
        "months_since_arrival" => ("Monate seit Ankunft", "Months since arrival"),
        "planning" => ("Planung in Gruppen", "Planning in groups"),
        "population" => ("Einwohner", "Population"),
        "area_km2" => ("Fläche km²", "Area km²"),
        "capacity" => ("Freie Plätze zu Beginn", "Free places at start"),
        "location" => ("Lage", "Location"),
        "domain" => ("Bereich", "Domain"),
        "region" => ("Region", "Region"),
        "places" => ("Plätze", "Places"),
        "start" => ("Beginn", "Start"),
        "end" => ("Ende", "End"),
        "ramp_months" => ("Anlauf (Mon.)", "Ramp (mo.)"),
        "cost_once_eur" => ("Einmalkosten €", "One-off €"),
        "cost_per_year_eur" => ("Kosten/Jahr €", "Per year €"),
        "funding" => ("Finanzierung", "Funding"),
        "notes" => ("Notizen", "Notes"),
        "arrivals" => ("Zugänge (landesweit je Monat)", "Arrivals (state-wide per month)"),
        "arrival_factor" => ("Zugangsfaktor", "Arrival factor"),
        "age_distribution" => ("Altersverteilung", "Age distribution"),
        "leave_rate_per_year" => ("Fortzüge je Jahr", "Departures per year"),
        "funding_included" => ("Berücksichtigte Finanzierung", "Funding included"),
        "measures_off" => ("Ausgeschaltete Maßnahmen", "Measures switched off"),
        "color" => ("Farbe", "Colour"),
        "uncertainty" => ("Bandbreite (Unsicherheit)", "Range (uncertainty)"),
        "eur" => ("Betrag", "Amount"),
        "title" => ("Titel", "Title"),
        "author" => ("Verfasst von", "Author"),
        "months" => ("Monate", "Months"),
        "start_month" => ("Beginnt im Monat", "Starts in month"),
        "reference_month" => ("Stichtagsmonat", "Reference month"),
        "distribution" => ("Verteilschlüssel", "Distribution key"),
        _ => return None,
    };
    Some(pick(language, words))
}

/// The words used to describe changes, with the plans that name the items.
struct Describer<'a> {
    language: Language,
    old: &'a Plan,
    new: &'a Plan,
}

impl Change {
    /// The change as one line in `language`, naming items by their names in `old_plan` and
    /// `new_plan` (the plans the change was found between): `Maßnahme „Kita Kalk“: Beginn
    /// 08/2025 → 02/2026`, `Measure "Kita Kalk": Start 2025-08 → 2026-02`. Control characters
    /// are escaped (`\u{1b}`), so the line is safe to print on a terminal.
    pub fn describe(&self, language: Language, old_plan: &Plan, new_plan: &Plan) -> String {
        let describer = Describer { language, old: old_plan, new: new_plan };
        escape_controls(&describer.line(self))
    }
}

/// Where `target` lies, for people, naming items as [`Change::describe`] does:
/// `Maßnahme „Kita Kalk“: Beginn`, `Szenario „Hoch 2026“`, `Zeitraum: Monate`.
pub fn target_label(target: &Target, language: Language, old_plan: &Plan, new_plan: &Plan) -> String {
    let describer = Describer { language, old: old_plan, new: new_plan };
    let text = match target {
        Target::Item { list, key } => format!("{} {}", item_word(*list, language), describer.item_name(*list, key, None)),
        Target::ItemField { list, key, field } => {
            format!("{} {}: {}", item_word(*list, language), describer.item_name(*list, key, None), describer.field(field))
        }
        Target::SectionField { section, field } => format!("{}: {}", section_word(*section, language), describer.field(field)),
        Target::TopLevel { field } => describer.field(field),
    };
    escape_controls(&text)
}

/// Most characters of a whole item written as a value (the rest is cut with `…`).
const MAX_ITEM_TEXT_CHARS: usize = 240;

/// A value at `target` for people, in the words of [`Change::describe`] (`08/2025`,
/// `unbefristet`, `2.500.000 €`); `—` when absent. A whole item is written as its fields.
pub fn value_text(target: &Target, value: Option<&Value>, language: Language, old_plan: &Plan, new_plan: &Plan) -> String {
    let describer = Describer { language, old: old_plan, new: new_plan };
    let field = match target {
        Target::Item { .. } => "",
        Target::ItemField { field, .. } | Target::SectionField { field, .. } | Target::TopLevel { field } => field,
    };
    let text = describer.value(field, value, true);
    let text = match text.char_indices().nth(MAX_ITEM_TEXT_CHARS) {
        Some((cut, _)) => format!("{} …", &text[..cut]),
        None => text,
    };
    escape_controls(&text)
}

/// The line for "no changes".
pub fn no_changes(language: Language) -> &'static str {
    pick(language, ("keine Änderungen", "no changes"))
}

impl Describer<'_> {
    fn line(&self, change: &Change) -> String {
        let arrow = |field: &str| {
            format!("{} → {}", self.value(field, change.old.as_ref(), true), self.value(field, change.new.as_ref(), true))
        };
        match &change.target {
            Target::Item { list, key } => {
                let item = change.new.as_ref().or(change.old.as_ref());
                let name = self.item_name(*list, key, item);
                let done = match change.op {
                    Op::Add => pick(self.language, ("neu", "added")),
                    Op::Remove => pick(self.language, ("entfernt", "removed")),
                    Op::Change => pick(self.language, ("geändert", "changed")),
                };
                format!("{} {name} {done}", item_word(*list, self.language))
            }
            Target::ItemField { list, key, field } => {
                let name = self.item_name(*list, key, None);
                format!("{} {name}: {} {}", item_word(*list, self.language), self.field(field), arrow(field))
            }
            Target::SectionField { section, field } => {
                format!("{}: {} {}", section_word(*section, self.language), self.field(field), arrow(field))
            }
            Target::TopLevel { field } => format!("{}: {}", self.field(field), arrow(field)),
        }
    }

    fn field(&self, field: &str) -> String {
        field_word(field, self.language).map_or_else(|| field.to_owned(), str::to_owned)
    }

    /// An item's name, quoted (`„Köln“` / `"Köln"`); a budget year as it is.
    fn item_name(&self, list: List, key: &str, item: Option<&Value>) -> String {
        if list == List::Budget {
            return key.to_owned();
        }
        let from_plans = [self.new, self.old].into_iter().find_map(|plan| name_in(plan, list, key));
        let name = from_plans
            .or_else(|| item.and_then(|i| i.get("name")).and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_else(|| key.to_owned());
        self.quoted(&name)
    }

    fn quoted(&self, text: &str) -> String {
        match self.language {
            Language::German => format!("„{text}“"),
            Language::English => format!("\"{text}\""),
        }
    }

    /// A value of `field`; `top` is the field's own value (objects there are written without
    /// braces).
    fn value(&self, field: &str, value: Option<&Value>, top: bool) -> String {
        let Some(value) = value else { return "—".to_owned() };
        match value {
            Value::Null => match field {
                "end" | "to" => pick(self.language, ("unbefristet", "open-ended")).to_owned(),
                "region" => pick(self.language, ("landesweit", "state-wide")).to_owned(),
                "area_uplift_cap" => pick(self.language, ("kein Deckel", "no cap")).to_owned(),
                _ => "—".to_owned(),
            },
            Value::Bool(yes) => pick(self.language, if *yes { ("ja", "yes") } else { ("nein", "no") }).to_owned(),
            Value::Number(n) => {
                let number = n.as_f64().map_or_else(|| n.to_string(), |v| shortest(v, self.language));
                if field.ends_with("_eur") || field == "eur" {
                    match self.language {
                        Language::German => format!("{number} €"),
                        Language::English => format!("€{number}"),
                    }
                } else {
                    number
                }
            }
            Value::String(text) => self.text(field, text),
            Value::Array(items) if items.is_empty() => pick(self.language, ("(keine)", "(none)")).to_owned(),
            Value::Array(items) => {
                let element = match field {
                    "funding_included" => "funding",
                    other => other,
                };
                let parts: Vec<String> = items.iter().map(|item| self.value(element, Some(item), false)).collect();
                if field == "arrivals" { parts.join("; ") } else { parts.join(", ") }
            }
            Value::Object(map) => {
                if field == "arrivals" || map.contains_key("from") && map.contains_key("per_month") && map.len() == 2 {
                    let from = self.value("from", map.get("from"), false);
                    let per_month = self.value("per_month", map.get("per_month"), false);
                    return format!("{from}: {per_month}");
                }
                let parts: Vec<String> = map
                    .iter()
                    .map(|(key, v)| format!("{}: {}", self.key_label(field, key), self.value(key, Some(v), false)))
                    .collect();
                if top { parts.join(", ") } else { format!("{{{}}}", parts.join(", ")) }
            }
        }
    }

    /// A key of an object value: a domain id of `capacity` and a region id of `shares` by its
    /// name, any other key as it is.
    fn key_label(&self, field: &str, key: &str) -> String {
        let list = match field {
            "capacity" => List::Domains,
            "shares" => List::Regions,
            _ => return key.to_owned(),
        };
        [self.new, self.old].into_iter().find_map(|plan| name_in(plan, list, key)).unwrap_or_else(|| key.to_owned())
    }

    fn text(&self, field: &str, text: &str) -> String {
        if let Some(month) = Month::parse(text).filter(|_| matches!(field, "start" | "end" | "from")) {
            return self.language.month(month);
        }
        match field {
            "funding" => match Funding::parse(text) {
                Some(Funding::Secured) => pick(self.language, ("gesichert", "secured")).to_owned(),
                Some(Funding::Planned) => pick(self.language, ("geplant", "planned")).to_owned(),
                Some(Funding::Open) => pick(self.language, ("offen", "open")).to_owned(),
                None => self.quoted(text),
            },
            "region" => {
                let name = [self.new, self.old].into_iter().find_map(|plan| name_in(plan, List::Regions, text));
                name.unwrap_or_else(|| text.to_owned())
            }
            "domain" => {
                let name = [self.new, self.old].into_iter().find_map(|plan| name_in(plan, List::Domains, text));
                name.unwrap_or_else(|| text.to_owned())
            }
            _ => self.quoted(text),
        }
    }
}

fn name_in(plan: &Plan, list: List, key: &str) -> Option<String> {
    match list {
        List::Domains => plan.domains.iter().find(|d| d.id == key).map(|d| d.name.clone()),
        List::Regions => plan.regions.iter().find(|r| r.id == key).map(|r| r.name.clone()),
        List::Measures => plan.measures.iter().find(|m| m.id == key).map(|m| m.name.clone()),
        List::Scenarios => plan.scenarios.iter().find(|s| s.id == key).map(|s| s.name.clone()),
        List::Budget => None,
    }
}

/// A number with as few decimals as show it exactly (at most 9), in the language's format:
/// `1.087.353`, `0,35` / `1,087,353`, `0.35`.
pub fn shortest(value: f64, language: Language) -> String {
    let decimals = (0..=9).find(|d| format!("{value:.d$}", d = *d).parse::<f64>() == Ok(value)).unwrap_or(9);
    language.number(value, decimals)
}

/// Control characters (and the line and paragraph separators) as `\u{…}` escapes.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_as_few_decimals_as_they_need() {
        assert_eq!(shortest(1_087_353.0, Language::German), "1.087.353");
        assert_eq!(shortest(0.35, Language::German), "0,35");
        assert_eq!(shortest(1234.5, Language::English), "1,234.5");
        assert_eq!(shortest(-2.0, Language::English), "-2");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[31mb\nc\u{202e}"), "a\\u{1b}[31mb\\u{a}c\\u{202e}");
        assert_eq!(escape_controls("Köln „x“"), "Köln „x“");
    }
}
