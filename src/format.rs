//! Numbers as German planners read them: `1.234.567,5`, `2,5 Mio. €`.

/// Formats `value` with `decimals` decimals, `.` as thousands separator and `,` as decimal comma.
pub fn german_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{fraction}") }
}

/// Formats an amount of euro compactly: `850.000 €`, `2,5 Mio. €`, `1,2 Mrd. €`.
pub fn german_euro(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 {
        format!("{} Mrd. €", german_number(value / 1e9, 2))
    } else if magnitude >= 1e6 {
        format!("{} Mio. €", german_number(value / 1e6, 2))
    } else {
        format!("{} €", german_number(value, 0))
    }
}

/// Formats a number the English way with thousands separators: `1,234,567.5`.
pub fn english_number(value: f64, decimals: usize) -> String {
    german_number(value, decimals)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            other => other,
        })
        .collect()
}

/// Parses a number typed by a user. With `decimal_comma` (German): `1.234,5`, `1234,5`, and
/// also a plain `0.35` (a dot is a thousands separator only before groups of exactly three
/// digits). Without: `1,234.5` or `1234.5`.
pub fn parse_user_number(text: &str, decimal_comma: bool) -> Option<f64> {
    let trimmed = text.trim().replace([' ', '\u{a0}', '€', '%'], "");
    if trimmed.is_empty() {
        return None;
    }
    let normalised = if decimal_comma {
        let (whole, fraction) = trimmed.split_once(',').unwrap_or((&trimmed, ""));
        let groups: Vec<&str> = whole.split('.').collect();
        let dots_group_thousands =
            groups.len() > 1 && groups.iter().skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        let whole = if dots_group_thousands || trimmed.contains(',') { whole.replace('.', "") } else { whole.to_owned() };
        if fraction.is_empty() && !trimmed.contains(',') { whole } else { format!("{whole}.{fraction}") }
    } else {
        trimmed.replace(',', "")
    };
    if normalised.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers_group_thousands_and_use_a_decimal_comma() {
        assert_eq!(german_number(1234.5, 1), "1.234,5");
        assert_eq!(german_number(1_087_353.0, 0), "1.087.353");
        assert_eq!(german_number(-0.04, 1), "0,0");
        assert_eq!(german_number(-1234.0, 0), "-1.234");
        assert_eq!(german_number(999.0, 0), "999");
        assert_eq!(english_number(1234.5, 1), "1,234.5");
        assert_eq!(german_euro(2_500_000.0), "2,50 Mio. €");
        assert_eq!(german_euro(850_000.0), "850.000 €");
    }

    #[test]
    fn user_numbers_accept_german_and_plain_forms() {
        assert_eq!(parse_user_number("1.234,5", true), Some(1234.5));
        assert_eq!(parse_user_number("2.500", true), Some(2500.0));
        assert_eq!(parse_user_number("0.35", true), Some(0.35));
        assert_eq!(parse_user_number("0,35", true), Some(0.35));
        assert_eq!(parse_user_number("75", true), Some(75.0));
        assert_eq!(parse_user_number("-20", true), Some(-20.0));
        assert_eq!(parse_user_number("2.500.000 €", true), Some(2_500_000.0));
        assert_eq!(parse_user_number("1,234.5", false), Some(1234.5));
        assert_eq!(parse_user_number("abc", true), None);
        assert_eq!(parse_user_number("", true), None);
        assert_eq!(parse_user_number("inf", true), None);
        assert_eq!(parse_user_number("1e999", false), None);
    }
}
