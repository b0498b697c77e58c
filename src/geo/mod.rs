//! Where regions lie, for the map: UTM 32N to latitude/longitude ([`utm`]), the flat map
//! projection ([`projection`]), district boundaries read from GeoJSON ([`geojson`]) and matched
//! to the plan's regions ([`matching`]). No GUI here: the map panel draws what this computes.

pub mod geojson;
pub mod matching;
pub mod projection;
pub mod utm;

pub use geojson::{Boundary, BoundaryFile, GeoJsonError, parse_boundaries};
pub use matching::{BoundaryMatch, match_boundaries};
pub use projection::{Bounds, Projection};

/// A point in WGS 84 degrees (longitude first, as GeoJSON writes it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive.
    pub lat: f64,
}
