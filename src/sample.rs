//! The sample plans shipped inside the binary.

use crate::io::{LoadError, Loaded, load_str};

/// The NRW 2025 sample plan, the default document of the app.
pub const NRW_2025_JSON: &str = include_str!("../sample-data/nrw-2025.json");
/// The situation of the 2016/17 integration plan.
pub const NRW_2016_JSON: &str = include_str!("../sample-data/nrw-2016-integrationsplan.json");
/// The name shown for the built-in sample plan.
pub const NRW_2025_NAME: &str = "nrw-2025.json";

/// Loads the built-in NRW 2025 sample plan.
pub fn nrw_2025() -> Result<Loaded, LoadError> {
    load_str(NRW_2025_JSON, NRW_2025_NAME)
}
