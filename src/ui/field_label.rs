//! A planner's name for a field of the plan: the core reports problems at paths like
//! `regions[0].capacity.kita`; the window says "Region Köln › Freie Plätze zu Beginn
//! Kita-Plätze", with the names from the plan and the words of the window's language.

use super::i18n::{Language, Strings};
use crate::model::Plan;

/// One step of a field path.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    /// `.key` or `["key"]` (the first key without a dot).
    Key(String),
    /// `[3]`.
    Index(usize),
}

/// The steps of `path`; `None` when it is not a field path.
fn segments(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[\"") {
            // A quoted key: JSON string up to the closing `"]`.
            let end = after.find("\"]")?;
            out.push(Segment::Key(after[..end].replace("\\\"", "\"")));
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            out.push(Segment::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        } else {
            let after = rest.strip_prefix('.').unwrap_or(rest);
            let end = after.find(['.', '[']).unwrap_or(after.len());
            if end == 0 {
                return None;
            }
            out.push(Segment::Key(after[..end].to_owned()));
            rest = &after[end..];
        }
    }
    Some(out)
}

/// The planner's label of the field at `path` in `plan`, parts joined by ` › `; parts it does
/// not know stay as written. An empty path is the plan as a whole.
pub fn field_label(path: &str, plan: &Plan, t: &Strings) -> String {
    let Some(steps) = segments(path) else { return path.to_owned() };
    let mut parts: Vec<String> = Vec::new();
    let mut steps = steps.into_iter();
    let raw = |segment: &Segment| match segment {
        Segment::Key(key) => key.clone(),
        Segment::Index(index) => (index + 1).to_string(),
    };
    let key = |segment: Option<&Segment>| match segment {
        Some(Segment::Key(key)) => Some(key.clone()),
        _ => None,
    };
    let index = |segment: Option<&Segment>| match segment {
        Some(Segment::Index(index)) => Some(*index),
        _ => None,
    };
    let first = steps.next();
    let second = steps.next();
    let third = steps.next();
    let fourth = steps.next();
    let domain_name = |id: &str| plan.domains.iter().find(|d| d.id == id).map_or_else(|| id.to_owned(), |d| d.name.clone());
    match (key(first.as_ref()).as_deref(), index(second.as_ref())) {
        (Some("regions"), Some(r)) => {
            let name = plan.regions.get(r).map_or_else(|| raw(&Segment::Index(r)), |region| region.name.clone());
            parts.push(format!("{} {name}", t.region));
            match key(third.as_ref()).as_deref() {
                Some("name") => parts.push(t.name.to_owned()),
                Some("population") => parts.push(t.population.to_owned()),
                Some("area_km2") => parts.push(t.area.to_owned()),
                Some("capacity") => match key(fourth.as_ref()) {
                    Some(domain) => parts.push(format!("{} {}", t.free_capacity, domain_name(&domain))),
                    None => parts.push(t.free_capacity.to_owned()),
                },
                _ => parts.extend(third.iter().chain(&fourth).map(raw)),
            }
        }
        (Some("measures"), Some(m)) => {
            // A measure's name is often several words: quoted, as the planner writes it.
            let name = match (plan.measures.get(m), t.lang) {
                (Some(measure), Language::German) => format!("„{}“", measure.name),
                (Some(measure), Language::English) => format!("“{}”", measure.name),
                (None, _) => raw(&Segment::Index(m)),
            };
            parts.push(format!("{} {name}", t.measure));
            let column = match key(third.as_ref()).as_deref() {
                Some("name") => Some(t.col_name),
                Some("domain") => Some(t.col_domain),
                Some("region") => Some(t.col_region),
                Some("places") => Some(t.col_places),
                Some("start") => Some(t.col_start),
                Some("end") => Some(t.col_end),
                Some("ramp_months") => Some(t.col_ramp),
                Some("cost_once_eur") => Some(t.col_cost_once),
                Some("cost_per_year_eur") => Some(t.col_cost_year),
                Some("funding") => Some(t.col_funding),
                _ => None,
            };
            match column {
                Some(column) => parts.push(column.to_owned()),
                None => parts.extend(third.iter().chain(&fourth).map(raw)),
            }
        }
        (Some("scenarios"), Some(s)) => {
            let name = plan.scenarios.get(s).map_or_else(|| raw(&Segment::Index(s)), |scenario| scenario.name.clone());
            parts.push(format!("{} {name}", t.scenario));
            match (key(third.as_ref()).as_deref(), fourth.as_ref()) {
                (Some("name"), _) => parts.push(t.name.to_owned()),
                (Some("color"), _) => parts.push(t.color.to_owned()),
                (Some("arrival_factor"), _) => parts.push(t.arrival_factor.to_owned()),
                (Some("leave_rate_per_year"), _) => parts.push(t.leave_rate.to_owned()),
                (Some("funding_included"), _) => parts.push(t.funding_included.to_owned()),
                (Some("measures_off"), _) => parts.push(t.measures_off.to_owned()),
                (Some("uncertainty"), Some(Segment::Key(field))) => {
                    let field = match field.as_str() {
                        "arrival_factor" => t.arrival_factor.to_owned(),
                        "leave_rate_per_year" => t.leave_rate.to_owned(),
                        other => other.to_owned(),
                    };
                    parts.push(format!("{} {field}", t.range_heading));
                    match key(steps.next().as_ref()).as_deref() {
                        Some("low") => parts.push(t.range_low.to_owned()),
                        Some("high") => parts.push(t.range_high.to_owned()),
                        _ => {}
                    }
                }
                (Some("age_distribution"), Some(Segment::Key(band))) => {
                    parts.push(format!("{} {band}", t.age_distribution));
                }
                (Some("age_distribution"), _) => parts.push(t.age_distribution.to_owned()),
                (Some("arrivals"), Some(Segment::Index(step))) => {
                    parts.push(format!("{} {}", t.arrivals, step + 1));
                    match key(steps.next().as_ref()).as_deref() {
                        Some("from") => parts.push(t.from_month.to_owned()),
                        Some("per_month") => parts.push(t.per_month.to_owned()),
                        _ => {}
                    }
                }
                _ => parts.extend(third.iter().chain(&fourth).map(raw)),
            }
        }
        (Some("domains"), Some(d)) => {
            let name = plan.domains.get(d).map_or_else(|| raw(&Segment::Index(d)), |domain| domain.name.clone());
            parts.push(format!("{} {name}", t.col_domain));
            match (key(third.as_ref()).as_deref(), fourth.as_ref()) {
                (Some("name"), _) => parts.push(t.name.to_owned()),
                (Some("unit"), _) => parts.push(t.unit.to_owned()),
                (Some("persons_per_unit"), _) => parts.push(t.persons_per_unit.to_owned()),
                (Some("rates"), Some(Segment::Key(band))) => parts.push(format!("{} {band}", t.rate)),
                (Some("rates"), _) => parts.push(t.rates.to_owned()),
                (Some("months_since_arrival"), field) => {
                    parts.push(t.window_field.to_owned());
                    match key(field).as_deref() {
                        Some("from") => parts.push(t.window_field_from.to_owned()),
                        Some("to") => parts.push(t.window_field_to.to_owned()),
                        _ => parts.extend(field.map(raw)),
                    }
                }
                (Some("planning"), field) => {
                    parts.push(t.groups_heading.to_owned());
                    match key(field).as_deref() {
                        Some("group_size") => parts.push(t.group_size.to_owned()),
                        Some("group_word") => parts.push(t.group_word_label.to_owned()),
                        Some("staff_per_group") => parts.push(t.staff_per_group.to_owned()),
                        Some("cost_per_group_per_year_eur") => parts.push(t.cost_per_group.to_owned()),
                        _ => parts.extend(field.map(raw)),
                    }
                }
                _ => parts.extend(third.iter().chain(&fourth).map(raw)),
            }
        }
        (Some("distribution"), _) => {
            parts.push(t.distribution.to_owned());
            match (key(second.as_ref()).as_deref(), third.as_ref()) {
                (Some("population_weight"), _) => parts.push(t.population_weight.to_owned()),
                (Some("area_weight"), _) => parts.push(t.area_weight.to_owned()),
                (Some("area_uplift_cap"), _) => parts.push(t.uplift_cap.to_owned()),
                (Some("shares"), Some(Segment::Key(region))) => {
                    let name = plan.regions.iter().find(|r| r.id == *region).map_or(region.as_str(), |r| r.name.as_str());
                    parts.push(format!("{} {name}", t.share));
                }
                _ => parts.extend(second.iter().chain(&third).map(raw)),
            }
        }
        (Some("budget"), Some(b)) => {
            let year = plan.budget.get(b).map_or_else(|| raw(&Segment::Index(b)), |entry| entry.year.to_string());
            parts.push(format!("{} {year}", t.budget));
        }
        (Some("meta"), _) if key(second.as_ref()).as_deref() == Some("title") => parts.push(t.plan_title.to_owned()),
        (Some("planning_year"), _) => {
            parts.push(t.groups_year_choice.to_owned());
            match key(second.as_ref()).as_deref() {
                Some("start_month") => parts.push(t.planning_year_starts.to_owned()),
                Some("reference_month") => parts.push(t.planning_year_reference.to_owned()),
                _ => parts.extend(second.iter().map(raw)),
            }
        }
        (Some(list), None) if second.is_none() && list_label(list, t).is_some() => {
            parts.extend(list_label(list, t).map(str::to_owned));
        }
        _ => parts.extend(first.iter().chain(&second).chain(&third).chain(&fourth).map(raw)),
    }
    parts.extend(steps.map(|segment| raw(&segment)));
    parts.join(" › ")
}

/// The window's word for a top-level list of the plan.
fn list_label(key: &str, t: &Strings) -> Option<&'static str> {
    match key {
        "measures" => Some(t.tab_measures),
        "scenarios" => Some(t.tab_scenarios),
        "regions" => Some(t.tab_regions),
        "domains" => Some(t.tab_domains),
        "budget" => Some(t.budget),
        "distribution" => Some(t.distribution),
        _ => None,
    }
}

/// An issue as a planner reads it: where (by [`field_label`]) and what, in `language`.
pub fn issue_text(issue: &crate::issue::Issue, plan: &Plan, language: Language) -> String {
    let what = issue_message(issue, language);
    if issue.path.is_empty() { what } else { format!("{}: {what}", field_label(&issue.path, plan, language.strings())) }
}

/// What is wrong, in `language` (the core's English words, or their German form).
pub fn issue_message(issue: &crate::issue::Issue, language: Language) -> String {
    match language {
        Language::German => issue.kind.german(),
        Language::English => issue.kind.window_english(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Language;

    fn plan() -> Plan {
        crate::sample::nrw_2025().expect("sample loads").plan
    }

    #[test]
    fn window_and_group_fields_read_in_the_windows_words() {
        let plan = plan();
        let first = plan.domains.iter().position(|d| d.id == "erstfoerderung").expect("Erstförderung");
        let path = format!("domains[{first}].months_since_arrival.to");
        assert_eq!(field_label(&path, &plan, Language::German.strings()), "Bereich Erstförderung › Monate seit Ankunft › bis");
        assert_eq!(field_label(&path, &plan, Language::English.strings()), "Domain Erstförderung › Months since arrival › until");
        let path = format!("domains[{first}].planning.group_size");
        assert_eq!(
            field_label(&path, &plan, Language::German.strings()),
            "Bereich Erstförderung › Gruppen und Personal › Gruppengröße (Plätze)"
        );
        assert_eq!(field_label("planning_year.reference_month", &plan, Language::German.strings()), "Planungsjahr › Stichtag im");
    }

    #[test]
    fn a_capacity_path_names_region_and_domain() {
        let plan = plan();
        let koeln = plan.regions.iter().position(|r| r.id == "koeln").expect("Köln");
        let path = format!("regions[{koeln}].capacity.kita");
        let german = field_label(&path, &plan, Language::German.strings());
        assert_eq!(german, format!("Region Köln › Freie Plätze zu Beginn {}", plan.domains[0].name));
        let english = field_label(&path, &plan, Language::English.strings());
        assert!(english.starts_with("Region Köln › "), "{english}");
    }

    #[test]
    fn measure_scenario_and_domain_paths_read_like_the_window() {
        let plan = plan();
        let t = Language::German.strings();
        let measure = &plan.measures[3];
        assert_eq!(field_label("measures[3].end", &plan, t), format!("{} „{}“ › {}", t.measure, measure.name, t.col_end));
        let scenario = &plan.scenarios[0];
        assert_eq!(
            field_label("scenarios[0].arrivals[1].per_month", &plan, t),
            format!("{} {} › {} 2 › {}", t.scenario, scenario.name, t.arrivals, t.per_month)
        );
        assert_eq!(
            field_label("scenarios[0].age_distribution", &plan, t),
            format!("{} {} › {}", t.scenario, scenario.name, t.age_distribution)
        );
        assert_eq!(
            field_label("domains[0].rates.3-5", &plan, t),
            format!("{} {} › {} 3-5", t.col_domain, plan.domains[0].name, t.rate)
        );
    }

    #[test]
    fn an_uncertainty_path_reads_in_the_windows_words() {
        let plan = plan();
        let name = &plan.scenarios[0].name;
        let german = field_label("scenarios[0].uncertainty.arrival_factor.high", &plan, Language::German.strings());
        assert_eq!(german, format!("Szenario {name} › Bandbreite (Unsicherheit) Zugangsfaktor › hoch"));
        let english = field_label("scenarios[0].uncertainty.leave_rate_per_year.low", &plan, Language::English.strings());
        assert_eq!(english, format!("Scenario {name} › Range (uncertainty) Departures per year › low"));
    }

    #[test]
    fn unknown_parts_stay_as_written() {
        let plan = plan();
        let t = Language::German.strings();
        assert_eq!(field_label("horizon.months", &plan, t), "horizon › months");
        assert_eq!(field_label("scenarios", &plan, t), t.tab_scenarios);
        assert_eq!(field_label("regions[0].extra[\"a b\"]", &plan, t), format!("Region {} › extra › a b", plan.regions[0].name));
        assert_eq!(field_label("measures[999].places", &plan, t), format!("{} 1000 › {}", t.measure, t.col_places));
        assert_eq!(field_label("", &plan, t), "");
    }
}
