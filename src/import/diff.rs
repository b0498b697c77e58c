//! What an import changes: per measure or region, the fields whose value differs.

use super::columns::Column;
use crate::format::german_number;
use crate::model::{Funding, Measure, Month, Region};
use std::fmt;

/// A field's value, for showing before and after.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A text (name, notes, id of a domain).
    Text(String),
    /// A number.
    Number(f64),
    /// A month, `None` = open-ended.
    Month(Option<Month>),
    /// A region id, `None` = state-wide.
    Region(Option<String>),
    /// A funding state.
    Funding(Funding),
}

impl fmt::Display for FieldValue {
    /// English: numbers as Rust prints them, months `YYYY-MM`, `open-ended`, `state-wide`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(text) => write!(f, "{text}"),
            FieldValue::Number(value) => write!(f, "{value}"),
            FieldValue::Month(Some(month)) => write!(f, "{month}"),
            FieldValue::Month(None) => write!(f, "open-ended"),
            FieldValue::Region(Some(id)) => write!(f, "{id}"),
            FieldValue::Region(None) => write!(f, "state-wide"),
            FieldValue::Funding(funding) => write!(f, "{}", funding.as_str()),
        }
    }
}

impl FieldValue {
    /// English for the window: `1,234.5`, `08/2025` (as the window writes months), `open-ended`.
    pub fn to_english(&self) -> String {
        match self {
            FieldValue::Number(value) => {
                let decimals = (0..=6).find(|d| (value * 10f64.powi(*d)).fract() == 0.0).unwrap_or(6) as usize;
                crate::format::english_number(*value, decimals)
            }
            FieldValue::Month(Some(month)) => month.to_german(),
            other => other.to_string(),
        }
    }

    /// German: `1.234,5`, `08/2025`, `offen`, `landesweit`, `unbefristet`.
    pub fn to_german(&self) -> String {
        match self {
            FieldValue::Text(text) => text.clone(),
            FieldValue::Number(value) => {
                let decimals = (0..=6).find(|d| (value * 10f64.powi(*d)).fract() == 0.0).unwrap_or(6) as usize;
                german_number(*value, decimals)
            }
            FieldValue::Month(Some(month)) => month.to_german(),
            FieldValue::Month(None) => "unbefristet".to_owned(),
            FieldValue::Region(Some(id)) => id.clone(),
            FieldValue::Region(None) => "landesweit".to_owned(),
            FieldValue::Funding(funding) => funding_german(*funding).to_owned(),
        }
    }
}

/// The German word of a funding state: `gesichert`, `geplant`, `offen`.
pub fn funding_german(funding: Funding) -> &'static str {
    match funding {
        Funding::Secured => "gesichert",
        Funding::Planned => "geplant",
        Funding::Open => "offen",
    }
}

/// A funding state from its German or English word, ignoring case.
pub fn funding_from_word(word: &str) -> Option<Funding> {
    let word = word.trim().to_lowercase();
    Funding::ALL.into_iter().find(|f| word == f.as_str() || word == funding_german(*f))
}

/// One field that an import changes.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// Which field.
    pub column: Column,
    /// The value in the plan.
    pub before: FieldValue,
    /// The value from the table.
    pub after: FieldValue,
}

/// A measure or region that the import changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Its id.
    pub id: String,
    /// The spreadsheet row it comes from.
    pub row: usize,
    /// The fields that change, in column order.
    pub fields: Vec<FieldChange>,
}

/// The fields in which `before` and `after` differ.
pub fn measure_changes(before: &Measure, after: &Measure) -> Vec<FieldChange> {
    let pairs = [
        (Column::Name, FieldValue::Text(before.name.clone()), FieldValue::Text(after.name.clone())),
        (Column::Domain, FieldValue::Text(before.domain.clone()), FieldValue::Text(after.domain.clone())),
        (Column::Region, FieldValue::Region(before.region.clone()), FieldValue::Region(after.region.clone())),
        (Column::Places, FieldValue::Number(before.places), FieldValue::Number(after.places)),
        (Column::Start, FieldValue::Month(Some(before.start)), FieldValue::Month(Some(after.start))),
        (Column::End, FieldValue::Month(before.end), FieldValue::Month(after.end)),
        (Column::RampMonths, FieldValue::Number(f64::from(before.ramp_months)), FieldValue::Number(f64::from(after.ramp_months))),
        (Column::CostOnceEur, FieldValue::Number(before.cost_once_eur), FieldValue::Number(after.cost_once_eur)),
        (Column::CostPerYearEur, FieldValue::Number(before.cost_per_year_eur), FieldValue::Number(after.cost_per_year_eur)),
        (Column::Funding, FieldValue::Funding(before.funding), FieldValue::Funding(after.funding)),
        (Column::Notes, FieldValue::Text(before.notes.clone()), FieldValue::Text(after.notes.clone())),
    ];
    pairs.into_iter().filter(|(_, b, a)| b != a).map(|(column, before, after)| FieldChange { column, before, after }).collect()
}

/// The fields in which `before` and `after` differ; capacities compare as numbers (missing = 0)
/// for the domains `domain_ids`.
pub fn region_changes(before: &Region, after: &Region, domain_ids: &[&str]) -> Vec<FieldChange> {
    let mut pairs = vec![
        (Column::Name, FieldValue::Text(before.name.clone()), FieldValue::Text(after.name.clone())),
        (Column::Population, FieldValue::Number(before.population), FieldValue::Number(after.population)),
        (Column::AreaKm2, FieldValue::Number(before.area_km2), FieldValue::Number(after.area_km2)),
    ];
    for id in domain_ids {
        pairs.push((
            Column::Capacity((*id).to_owned()),
            FieldValue::Number(before.capacity_of(id)),
            FieldValue::Number(after.capacity_of(id)),
        ));
    }
    pairs.into_iter().filter(|(_, b, a)| b != a).map(|(column, before, after)| FieldChange { column, before, after }).collect()
}
