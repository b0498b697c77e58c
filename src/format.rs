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

/// Scale words of money as planners type them, longest first so that "mio" is not read as "m".
const MONEY_SCALES: [(&str, f64); 12] = [
    ("milliarden", 1e9),
    ("milliarde", 1e9),
    ("millionen", 1e6),
    ("million", 1e6),
    ("tausend", 1e3),
    ("mrd", 1e9),
    ("mio", 1e6),
    ("tsd", 1e3),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
    ("t", 1e3),
];

/// Parses an amount of money typed by a user, in euros to the cent: a number as
/// [`parse_user_number`] reads it, with a currency ("€", "EUR", "Euro") and a scale word after
/// it, as German planners write money: `2,5 Mio`, `2,5 Mio. €`, `900 T€`, `900 Tsd. €`,
/// `1,2 Mrd`, `1.500.000 €`; in English `€2.5m`, `2.5 million`, `900k`, `1.2bn`.
pub fn parse_user_money(text: &str, decimal_comma: bool) -> Option<f64> {
    let lower = text.to_lowercase();
    let mut rest = lower.replace(['€', ' ', '\u{a0}'], "");
    for currency in ["euro", "eur"] {
        rest = rest.replace(currency, "");
    }
    let rest = rest.trim_end_matches('.');
    let (number, scale) = MONEY_SCALES
        .iter()
        .find_map(|(word, scale)| rest.strip_suffix(word).map(|number| (number.trim_end_matches('.'), *scale)))
        .unwrap_or((rest, 1.0));
    let value = parse_user_number(number, decimal_comma)? * scale;
    Some((value * 100.0).round() / 100.0).filter(|v| v.is_finite())
}

/// `text` cut to at most `max_chars` characters, ending in "…" when cut: for a name on one line
/// where no widget elides it (a sum line, a picture's caption; issue 21 point 8).
pub fn elide(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let keep = max_chars.saturating_sub(1);
            let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", text[..end].trim_end()))
        }
    }
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
    fn money_is_read_as_german_planners_type_it() {
        assert_eq!(parse_user_money("2,5 Mio", true), Some(2_500_000.0));
        assert_eq!(parse_user_money("2,5 Mio. €", true), Some(2_500_000.0));
        assert_eq!(parse_user_money("2,5 Millionen Euro", true), Some(2_500_000.0));
        assert_eq!(parse_user_money("900 T€", true), Some(900_000.0));
        assert_eq!(parse_user_money("900 Tsd. €", true), Some(900_000.0));
        assert_eq!(parse_user_money("1.500.000 €", true), Some(1_500_000.0));
        assert_eq!(parse_user_money("1,15 Mio", true), Some(1_150_000.0), "to the cent, no 1.149.999,9999");
        assert_eq!(parse_user_money("1,2 Mrd. EUR", true), Some(1_200_000_000.0));
        assert_eq!(parse_user_money("-300 T€", true), Some(-300_000.0));
        assert_eq!(parse_user_money("75.000", true), Some(75_000.0));
        assert_eq!(parse_user_money("€2.5m", false), Some(2_500_000.0));
        assert_eq!(parse_user_money("900k", false), Some(900_000.0));
        assert_eq!(parse_user_money("2.5 million", false), Some(2_500_000.0));
        assert_eq!(parse_user_money("1,500,000 EUR", false), Some(1_500_000.0));
        assert_eq!(parse_user_money("2,5 Mio Mio", true), None);
        assert_eq!(parse_user_money("viel", true), None);
        assert_eq!(parse_user_money("Mio", true), None);
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

    #[test]
    fn long_names_are_cut_with_an_ellipsis_and_short_ones_kept() {
        assert_eq!(elide("Köln", 4), "Köln");
        assert_eq!(elide("Kreis Höxter", 6), "Kreis…");
        assert_eq!(elide(&"ä".repeat(10_000), 40).chars().count(), 40);
        assert!(elide(&"ä".repeat(10_000), 40).ends_with('…'));
        assert_eq!(elide("", 3), "");
    }
}
