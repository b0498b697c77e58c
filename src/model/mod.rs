//! The plan document: typed values for everything SPEC §2 defines.

mod age_band;
mod month;
mod plan;
mod what_if;

pub use age_band::{ADULT, AgeBand, BandUse, COHORTS, cohort_name};
pub use month::{MAX_YEAR, MIN_YEAR, Month};
pub use plan::*;
pub use what_if::{ARRIVAL_FACTOR_DECIMALS, LEAVE_RATE_DECIMALS, WhatIf, round_to};
