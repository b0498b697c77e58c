//! The language of the window and the pictures, and how each writes numbers, money, dates and
//! months (`1.234,5` / `1,234.5`). No GUI: the pictures of [`crate::picture`] use it too.

use serde::{Deserialize, Serialize};

/// The language of the user interface and the pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// Deutsch (default).
    #[default]
    German,
    /// English.
    English,
}

impl Language {
    /// Formats a number for this language (`1.234,5` or `1,234.5`).
    pub fn number(self, value: f64, decimals: usize) -> String {
        match self {
            Language::German => crate::format::german_number(value, decimals),
            Language::English => crate::format::english_number(value, decimals),
        }
    }

    /// An amount of euro, compact: `850.000 €` / `€850,000` below a million, else in millions
    /// with one decimal: `1.234,5 Mio. €` / `€1,234.5 m`.
    pub fn money(self, eur: f64) -> String {
        if eur.abs() >= 1e6 { self.millions(eur, 1) } else { self.euro(eur) }
    }

    /// An amount of euro in millions with `decimals` decimals: `12,5 Mio. €` / `€12.5 m`.
    pub fn millions(self, eur: f64, decimals: usize) -> String {
        let number = self.number(eur.abs() / 1e6, decimals);
        match self {
            Language::German => format!("{}{number} Mio. €", sign(eur, &number)),
            Language::English => format!("{}€{number} m", sign(eur, &number)),
        }
    }

    /// An amount of whole euro: `1.234 €` / `€1,234`.
    pub fn euro(self, eur: f64) -> String {
        let number = self.number(eur.abs(), 0);
        match self {
            Language::German => format!("{}{number} €", sign(eur, &number)),
            Language::English => format!("{}€{number}", sign(eur, &number)),
        }
    }

    /// A share (0 … 1) as whole percent: `73 %` / `73%`.
    pub fn percent(self, share: f64) -> String {
        self.percent_with(share, 0)
    }

    /// A share in percent with `decimals` decimals, written one way per language everywhere:
    /// `8,0 %` (German, with a space) and `8.0%` (English, without).
    pub fn percent_with(self, share: f64, decimals: usize) -> String {
        let number = self.number(share * 100.0, decimals);
        format!("{number}{}", self.percent_sign())
    }

    /// What follows a number in percent: ` %` in German, `%` in English.
    pub fn percent_sign(self) -> &'static str {
        match self {
            Language::German => " %",
            Language::English => "%",
        }
    }

    /// Formats a date for this language (`25.11.2026` or `2026-11-25`).
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Language::German => date.format("%d.%m.%Y").to_string(),
            Language::English => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// Formats a month as the window, the pictures and the report write it: `08/2025` in both
    /// languages (German MM/JJJJ; English the same, so that a window and its pictures never
    /// disagree). Files and the command line keep `2025-08`.
    pub fn month(self, month: crate::model::Month) -> String {
        match self {
            Language::German | Language::English => month.to_german(),
        }
    }
}

/// A minus for negative amounts that do not round to zero.
fn sign(value: f64, shown: &str) -> &'static str {
    if value < 0.0 && shown.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" }
}
