//! Calendar months (`"YYYY-MM"`), the time unit of every plan.

use std::fmt;

/// First year a plan may name.
pub const MIN_YEAR: i32 = 1900;
/// Last year a plan may name.
pub const MAX_YEAR: i32 = 2200;

/// A calendar month, stored as a running count `year * 12 + (month - 1)` so that
/// month arithmetic is plain integer arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

impl Month {
    /// The month of `year` and `month` (1–12), if both are in range.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(Month(year * 12 + month as i32 - 1))
    }

    /// Parses exactly `"YYYY-MM"` (four-digit year 1900–2200, two-digit month 01–12).
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes.get(4) != Some(&b'-') {
            return None;
        }
        let (year_text, month_text) = (text.get(0..4)?, text.get(5..7)?);
        if !year_text.bytes().chain(month_text.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(year_text.parse().ok()?, month_text.parse().ok()?)
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The month of the year, 1–12.
    pub fn month_of_year(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// This month moved by `months` (may be negative).
    pub fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// Months from `earlier` to `self` (negative when `self` is before `earlier`).
    pub fn months_since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    /// Month formatted as German planners write it: `01/2025`.
    pub fn to_german(self) -> String {
        format!("{:02}/{:04}", self.month_of_year(), self.year())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month_of_year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_months() {
        let month = Month::parse("2025-08").expect("valid month");
        assert_eq!(month.year(), 2025);
        assert_eq!(month.month_of_year(), 8);
        assert_eq!(month.to_string(), "2025-08");
        assert_eq!(month.to_german(), "08/2025");
        assert_eq!(month.plus(5).to_string(), "2026-01");
        assert_eq!(month.plus(-8).to_string(), "2024-12");
        assert_eq!(month.plus(5).months_since(month), 5);
    }

    #[test]
    fn rejects_what_is_not_a_month() {
        for text in
            ["2024-13", "2024-00", "2024-1", "24-01", "1899-12", "2201-01", "2024/01", "", "2024-01x", "+024-01", "２０２４-01"]
        {
            assert_eq!(Month::parse(text), None, "{text:?}");
        }
        assert!(Month::parse("1900-01").is_some());
        assert!(Month::parse("2200-12").is_some());
    }
}
