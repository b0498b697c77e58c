//! One cell read as the value a field needs: a number, a month, a text.
//!
//! Numbers written as text (`1.234,5`, `1,234.5`, `2.500.000 €`, `12 €`) are read with the
//! table's [`NumberStyle`]; the rules for ambiguous text are in [`number_from_text`].

use super::problem::ProblemKind;
use super::table::{Cell, NumberStyle};
use crate::model::Month;

/// The number in `cell`; `Ok(None)` when the cell is blank.
pub fn number(cell: &Cell, style: NumberStyle) -> Result<Option<f64>, ProblemKind> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(value) if value.is_finite() => Ok(Some(*value)),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) => number_from_text(text, style).map(Some).ok_or_else(|| ProblemKind::NotANumber { text: text.clone() }),
        Cell::Error(text) => Err(ProblemKind::ErrorValue { text: text.clone() }),
        Cell::Formula(formula) => Err(ProblemKind::NoComputedValue { formula: formula.clone() }),
        other => Err(ProblemKind::NotANumber { text: other.text() }),
    }
}

/// Reads a number written as text, German or English.
///
/// Spaces (also non-breaking and thin ones), `€` and `EUR` are ignored; a leading `+`, `-` or
/// `−` is the sign. Then:
/// - both `.` and `,` occur: the one that comes last is the decimal separator, the other groups
///   thousands (`1.234,5` and `1,234.5` are both 1234.5);
/// - one of them occurs several times: it groups thousands (`2.500.000`, `2,500,000`);
/// - one of them occurs once: it is the decimal separator if it is the table's
///   ([`NumberStyle`]); otherwise it groups thousands when exactly three digits follow and one
///   to three digits (not starting with 0) precede it, else it is the decimal separator. So in
///   a German table `1.234` is 1234 but `12.5` and `0.350` are 12.5 and 0.35; in an English
///   one `1,234` is 1234 and `1,5` is 1.5.
///
/// Thousands groups must have exactly three digits, so `1.23.4` is not a number.
pub fn number_from_text(text: &str, style: NumberStyle) -> Option<f64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '€').collect();
    let compact = compact.strip_suffix("EUR").or_else(|| compact.strip_suffix("eur")).unwrap_or(&compact);
    let (negative, unsigned) = match compact.chars().next()? {
        '-' | '−' => (true, compact.char_indices().nth(1).map_or("", |(i, _)| compact.get(i..).unwrap_or(""))),
        '+' => (false, compact.get(1..)?),
        _ => (false, compact),
    };
    if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let (own_decimal, other) = match style {
        NumberStyle::DecimalComma => (',', '.'),
        NumberStyle::DecimalPoint => ('.', ','),
    };
    let last_separator = unsigned.rfind(['.', ',']);
    let (whole, fraction) = match last_separator {
        None => (unsigned, None),
        Some(at) => {
            let separator = if unsigned.get(at..at + 1) == Some(".") { '.' } else { ',' };
            let (before, after) = (unsigned.get(..at)?, unsigned.get(at + 1..)?);
            let count = unsigned.matches(separator).count();
            let mixed = unsigned.contains(if separator == '.' { ',' } else { '.' });
            let groups_thousands = count > 1 || (separator == other && after.len() == 3 && is_first_group(before));
            if mixed || (count == 1 && separator == own_decimal) || !groups_thousands {
                (before, Some(after))
            } else {
                (unsigned, None)
            }
        }
    };
    let digits = ungroup(whole)?;
    let fraction = match fraction {
        Some(f) if !f.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(f) => f,
        None => "",
    };
    if digits.is_empty() && fraction.is_empty() {
        return None;
    }
    let value: f64 = format!("{}{}.{}", if negative { "-" } else { "" }, if digits.is_empty() { "0" } else { &digits }, fraction)
        .trim_end_matches('.')
        .parse()
        .ok()?;
    value.is_finite().then_some(value)
}

/// One to three digits, not starting with 0: the first group before a thousands separator.
fn is_first_group(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0')
}

/// The digits of `whole` with thousands separators (`.` or `,`, one kind) removed, if the groups
/// are well formed.
fn ungroup(whole: &str) -> Option<String> {
    let separator = if whole.contains('.') { '.' } else { ',' };
    let mut groups = whole.split(separator);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    if rest.is_empty() {
        return first.bytes().all(|b| b.is_ascii_digit()).then(|| first.to_owned());
    }
    if !is_first_group(first) || !rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some(std::iter::once(first).chain(rest).collect())
}

/// The month in `cell`; `Ok(None)` when the cell is blank.
///
/// Accepted: a date cell; text `YYYY-MM`, `MM/YYYY` (also `M/YYYY`), a German date
/// `TT.MM.JJJJ` (also `T.M.JJJJ`), `MM.JJJJ`, or an ISO date `YYYY-MM-DD`.
pub fn month(cell: &Cell) -> Result<Option<Month>, ProblemKind> {
    let not_a_month = || ProblemKind::NotAMonth { text: cell.text() };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Date(year, month, _) => Month::new(*year, *month).map(Some).ok_or_else(not_a_month),
        Cell::Text(text) => month_from_text(text.trim()).map(Some).ok_or_else(not_a_month),
        Cell::Error(text) => Err(ProblemKind::ErrorValue { text: text.clone() }),
        Cell::Formula(formula) => Err(ProblemKind::NoComputedValue { formula: formula.clone() }),
        _ => Err(not_a_month()),
    }
}

/// Reads `YYYY-MM`, `MM/YYYY`, `TT.MM.JJJJ`, `MM.JJJJ` or `YYYY-MM-DD`.
pub fn month_from_text(text: &str) -> Option<Month> {
    if let Some(month) = Month::parse(text) {
        return Some(month);
    }
    if let Some((year, month, _)) = super::table::iso_date(text) {
        return Month::new(year, month);
    }
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten()
    };
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let slash = text.contains('/');
    match parts.as_slice() {
        [month, year] if slash || text.contains('.') => Month::new(number(year, 4..=4)? as i32, number(month, 1..=2)?),
        [day, month, year] if !slash => {
            let (year, month, day) = (number(year, 4..=4)? as i32, number(month, 1..=2)?, number(day, 1..=2)?);
            if is_calendar_day(year, month, day) { Month::new(year, month) } else { None }
        }
        _ => None,
    }
}

/// Whether `day` exists in `month` of `year` (Gregorian calendar).
pub fn is_calendar_day(year: i32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::{DecimalComma as De, DecimalPoint as En};

    #[test]
    fn numbers_in_german_and_english() {
        let cases = [
            ("1.234,5", De, Some(1234.5)),
            ("1.234,5", En, Some(1234.5)),
            ("1,234.5", De, Some(1234.5)),
            ("1,234.5", En, Some(1234.5)),
            ("1234.5", De, Some(1234.5)),
            ("1234,5", De, Some(1234.5)),
            ("1234,5", En, Some(1234.5)),
            ("1.234", De, Some(1234.0)),
            ("1.234", En, Some(1.234)),
            ("1,234", De, Some(1.234)),
            ("1,234", En, Some(1234.0)),
            ("0.350", De, Some(0.35)),
            ("12.5", De, Some(12.5)),
            ("2.500.000 €", De, Some(2_500_000.0)),
            ("2,500,000", De, Some(2_500_000.0)),
            ("12 €", De, Some(12.0)),
            ("€ 12", De, Some(12.0)),
            ("2.500 EUR", De, Some(2500.0)),
            ("1\u{a0}234,5", De, Some(1234.5)),
            ("-20", De, Some(-20.0)),
            ("−20", De, Some(-20.0)),
            ("+3", De, Some(3.0)),
            (",5", De, Some(0.5)),
            ("5,", De, Some(5.0)),
            ("zwölf", De, None),
            ("1.23.4", De, None),
            ("1.234.5", De, None),
            ("1,2,3", En, None),
            ("", De, None),
            ("-", De, None),
            ("€", De, None),
            ("inf", De, None),
            ("NaN", En, None),
            ("1e5", En, None),
            ("12%", En, None),
            ("1.234,5,6", De, None),
        ];
        for (text, style, expected) in cases {
            assert_eq!(number_from_text(text, style), expected, "{text:?} {style:?}");
        }
    }

    #[test]
    fn months_in_every_accepted_form() {
        for text in [
            "2025-08",
            "08/2025",
            "8/2025",
            "01.08.2025",
            "1.8.2025",
            "31.08.2025",
            "08.2025",
            "2025-08-01",
            "2025-08-15T00:00:00",
        ] {
            assert_eq!(month_from_text(text).map(|m| m.to_string()), Some("2025-08".to_owned()), "{text}");
        }
        for text in ["2025-13", "13/2025", "32.08.2025", "29.02.2025", "08/25", "August 2025", "2025", "1.8.25", "00/2025"] {
            assert_eq!(month_from_text(text), None, "{text}");
        }
        assert_eq!(month(&Cell::Date(2025, 8, 1)), Ok(Month::new(2025, 8)));
        assert!(matches!(month(&Cell::Number(45870.0)), Err(ProblemKind::NotAMonth { .. })));
    }
}
