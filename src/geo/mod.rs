//! Where regions lie, for the map: UTM 32N to latitude/longitude ([`utm`]), the flat map
//! projection ([`projection`]), district boundaries read from GeoJSON ([`geojson`]) and matched
//! to the plan's regions ([`matching`]). No GUI here: the map panel draws what this computes.

pub mod geojson;
pub mod matching;
pub mod projection;
pub mod triangulate;
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

/// Boundaries ready to draw: rings thinned out and cut into triangles, in degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedBoundaries {
    /// The boundaries as read (rings thinned out to at most [`triangulate::MAX_RING_POINTS`]).
    pub file: BoundaryFile,
    /// Per boundary, per ring: the triangles that fill it.
    pub triangles: Vec<Vec<Vec<[u32; 3]>>>,
}

/// Why boundaries could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoundaryLoadError {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Read(String),
    /// The file is larger than [`geojson::MAX_FILE_BYTES`].
    #[error("the file is too large")]
    TooLarge,
    /// The text is no usable GeoJSON.
    #[error(transparent)]
    GeoJson(#[from] GeoJsonError),
}

/// Reads a GeoJSON file of boundaries and prepares it for drawing.
pub fn read_boundaries(path: &std::path::Path) -> Result<PreparedBoundaries, BoundaryLoadError> {
    let size = std::fs::metadata(path).map_err(|e| BoundaryLoadError::Read(e.to_string()))?.len();
    if size > geojson::MAX_FILE_BYTES {
        return Err(BoundaryLoadError::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|e| BoundaryLoadError::Read(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(prepare(parse_boundaries(text.trim_start_matches('\u{feff}'))?))
}

/// Thins out every ring and cuts it into triangles.
pub fn prepare(mut file: BoundaryFile) -> PreparedBoundaries {
    let mut triangles = Vec::with_capacity(file.boundaries.len());
    for boundary in &mut file.boundaries {
        let mut per_ring = Vec::with_capacity(boundary.rings.len());
        for ring in &mut boundary.rings {
            let points: Vec<[f64; 2]> = ring.iter().map(|p| [p.lon, p.lat]).collect();
            let thin = triangulate::thin_out(&points, triangulate::MAX_RING_POINTS);
            per_ring.push(triangulate::triangulate(&thin));
            *ring = thin.into_iter().map(|[lon, lat]| LonLat { lon, lat }).collect();
        }
        triangles.push(per_ring);
    }
    PreparedBoundaries { file, triangles }
}
