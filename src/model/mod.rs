//! The plan document: typed values for everything SPEC §2 defines.

mod age_band;
mod month;
mod plan;

pub use age_band::{ADULT, AgeBand, BandUse, COHORTS, cohort_name};
pub use month::{MAX_YEAR, MIN_YEAR, Month};
pub use plan::*;
