//! How a domain's time since arrival (SPEC §10) and its groups (SPEC §11) read in each language:
//! one home for these words, shared by the window, the pictures and the exports.

use crate::language::Language;
use crate::model::{ArrivalWindow, DEFAULT_GROUP_WORD, Domain, GroupPlanning};

/// The domain's name with its window where one is set: `Erstförderung (Monat 0–23 nach Ankunft)`.
pub fn domain_title(domain: &Domain, language: Language) -> String {
    match domain.months_since_arrival.as_ref().and_then(|w| window_suffix(w, language)) {
        Some(suffix) => format!("{} ({suffix})", domain.name),
        None => domain.name.clone(),
    }
}

/// The window in a few words (`Monat 0–23 nach Ankunft`, `ab Monat 24 nach Ankunft`); `None`
/// when the window counts everyone (`from` 0, no end).
pub fn window_suffix(window: &ArrivalWindow, language: Language) -> Option<String> {
    let german = language == Language::German;
    match (window.from, window.to) {
        (0, None) => None,
        (from, None) => {
            Some(if german { format!("ab Monat {from} nach Ankunft") } else { format!("from month {from} after arrival") })
        }
        (from, Some(to)) if to == from + 1 => {
            Some(if german { format!("Monat {from} nach Ankunft") } else { format!("month {from} after arrival") })
        }
        (from, Some(to)) => {
            let last = to.saturating_sub(1);
            Some(if german {
                format!("Monat {from}–{last} nach Ankunft")
            } else {
                format!("months {from}–{last} after arrival")
            })
        }
    }
}

/// A whole sentence saying whom the domain counts, for the editor.
pub fn window_sentence(window: Option<&ArrivalWindow>, language: Language) -> String {
    let german = language == Language::German;
    let (from, to) = window.map_or((0, None), |w| (w.from, w.to));
    match (from, to) {
        (0, None) => {
            if german {
                "Zählt alle Neuzugewanderten, vom Monat der Ankunft an.".to_owned()
            } else {
                "Counts every newcomer from the month of arrival on.".to_owned()
            }
        }
        (from, None) => {
            if german {
                format!("Zählt Neuzugewanderte ab ihrem Monat {from} nach der Ankunft (0 = Monat der Ankunft).")
            } else {
                format!("Counts newcomers from their month {from} after arrival on (0 = the month of arrival).")
            }
        }
        (0, Some(to)) => {
            let last = to.saturating_sub(1);
            if german {
                let months = if to == 1 { "im Monat ihrer Ankunft".to_owned() } else { format!("in ihren ersten {to} Monaten") };
                format!("Zählt Neuzugewanderte {months} (Monat 0–{last} nach Ankunft).")
            } else {
                let months = if to == 1 { "in their month of arrival".to_owned() } else { format!("in their first {to} months") };
                format!("Counts newcomers {months} (months 0–{last} after arrival).")
            }
        }
        (from, Some(to)) if to <= from => {
            if german {
                format!("„bis“ ({to}) muss nach „ab“ ({from}) liegen: der Bereich zählt so niemanden.")
            } else {
                format!("\"until\" ({to}) must come after \"from\" ({from}): as it is, the domain counts nobody.")
            }
        }
        (from, Some(to)) => {
            let last = to - 1;
            let count = to - from;
            if german {
                format!(
                    "Zählt Neuzugewanderte in den Monaten {from}–{last} nach der Ankunft ({count} Monate; 0 = Monat der Ankunft)."
                )
            } else {
                format!("Counts newcomers in months {from}–{last} after arrival ({count} months; 0 = the month of arrival).")
            }
        }
    }
}

/// The word for the domain's groups: its own (`Klassen`) or the language's default.
pub fn group_word(planning: &GroupPlanning, language: Language) -> String {
    match &planning.group_word {
        // The default word is the default in each language: an English window says "groups".
        Some(word) if !(word.trim().is_empty() || language == Language::English && word == DEFAULT_GROUP_WORD) => word.clone(),
        _ => match language {
            Language::German => DEFAULT_GROUP_WORD.to_owned(),
            Language::English => "groups".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(from: u32, to: Option<u32>) -> ArrivalWindow {
        ArrivalWindow { from, to, extra: Default::default() }
    }

    #[test]
    fn a_window_reads_as_the_months_it_counts() {
        assert_eq!(window_suffix(&window(0, Some(24)), Language::German).as_deref(), Some("Monat 0–23 nach Ankunft"));
        assert_eq!(window_suffix(&window(24, None), Language::German).as_deref(), Some("ab Monat 24 nach Ankunft"));
        assert_eq!(window_suffix(&window(0, Some(24)), Language::English).as_deref(), Some("months 0–23 after arrival"));
        assert_eq!(window_suffix(&window(0, None), Language::German), None);
        assert_eq!(window_suffix(&window(3, Some(4)), Language::German).as_deref(), Some("Monat 3 nach Ankunft"));
    }

    #[test]
    fn the_sentence_says_whom_the_domain_counts() {
        assert_eq!(
            window_sentence(Some(&window(0, Some(24))), Language::German),
            "Zählt Neuzugewanderte in ihren ersten 24 Monaten (Monat 0–23 nach Ankunft)."
        );
        assert!(window_sentence(None, Language::English).starts_with("Counts every newcomer"));
        assert!(window_sentence(Some(&window(5, Some(5))), Language::German).contains("niemanden"));
    }
}
