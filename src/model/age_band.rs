//! Age bands (`"3-5"`, `"18+"`, `"6+"`) and the 19 cohorts they cover.

/// Number of cohorts: single years 0…17 and one adult cohort.
pub const COHORTS: usize = 19;
/// Index of the adult cohort (`18+`).
pub const ADULT: usize = 18;

/// Where a band may be used: `"a+"` bands (other than `"18+"`) are allowed in domain rates only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandUse {
    /// Keys of `domains[].rates`.
    Rates,
    /// Keys of `scenarios[].age_distribution`.
    AgeDistribution,
}

/// A parsed age band: the cohort indices from `first` to `last` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBand {
    /// First cohort index (0–18).
    pub first: usize,
    /// Last cohort index (0–18), `>= first`.
    pub last: usize,
}

impl AgeBand {
    /// Parses a band for the given use, or says what was expected.
    pub fn parse(text: &str, band_use: BandUse) -> Result<AgeBand, String> {
        let expected = match band_use {
            BandUse::Rates => "expected an age band \"a-b\" with 0 ≤ a ≤ b ≤ 17, \"a+\" with 0 ≤ a ≤ 17, or \"18+\"",
            BandUse::AgeDistribution => "expected an age band \"a-b\" with 0 ≤ a ≤ b ≤ 17 or \"18+\"",
        };
        let fail = || Err(format!("{text:?} is not an age band ({expected})"));
        if text == "18+" {
            return Ok(AgeBand { first: ADULT, last: ADULT });
        }
        if let Some(from) = text.strip_suffix('+') {
            if band_use == BandUse::AgeDistribution {
                return fail();
            }
            return match parse_age(from) {
                Some(first) => Ok(AgeBand { first, last: ADULT }),
                None => fail(),
            };
        }
        let Some((from, to)) = text.split_once('-') else {
            return fail();
        };
        match (parse_age(from), parse_age(to)) {
            (Some(first), Some(last)) if first <= last => Ok(AgeBand { first, last }),
            _ => fail(),
        }
    }

    /// Cohort indices covered by the band.
    pub fn cohorts(self) -> std::ops::RangeInclusive<usize> {
        self.first..=self.last
    }

    /// Number of cohorts covered.
    pub fn len(self) -> usize {
        self.last - self.first + 1
    }

    /// Always false: a band covers at least one cohort.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// A single age 0–17 written in plain decimal digits.
fn parse_age(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<usize>().ok().filter(|age| *age <= 17)
}

/// Human name of a cohort index: `"0"` … `"17"`, `"18+"`.
pub fn cohort_name(cohort: usize) -> String {
    if cohort >= ADULT { "18+".to_owned() } else { cohort.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_band_forms() {
        assert_eq!(AgeBand::parse("3-5", BandUse::Rates), Ok(AgeBand { first: 3, last: 5 }));
        assert_eq!(AgeBand::parse("7-7", BandUse::AgeDistribution), Ok(AgeBand { first: 7, last: 7 }));
        assert_eq!(AgeBand::parse("18+", BandUse::AgeDistribution), Ok(AgeBand { first: 18, last: 18 }));
        assert_eq!(AgeBand::parse("0+", BandUse::Rates), Ok(AgeBand { first: 0, last: 18 }));
        assert_eq!(AgeBand::parse("17+", BandUse::Rates), Ok(AgeBand { first: 17, last: 18 }));
        assert_eq!(AgeBand::parse("6-17", BandUse::Rates).map(AgeBand::len), Ok(12));
    }

    #[test]
    fn a_plus_bands_are_for_rates_only() {
        assert!(AgeBand::parse("6+", BandUse::AgeDistribution).is_err());
        assert!(AgeBand::parse("0+", BandUse::AgeDistribution).is_err());
    }

    #[test]
    fn rejects_malformed_bands() {
        for text in ["5-3", "0-18", "18-20", "19+", "-1-2", "a-b", "3", "", " 3-5", "3 - 5", "3-5-7", "+", "18"] {
            assert!(AgeBand::parse(text, BandUse::Rates).is_err(), "{text:?}");
        }
    }
}
