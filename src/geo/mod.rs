//! Where regions lie, for the map: UTM 32N to latitude/longitude ([`utm`]), the flat map
//! projection ([`projection`]), district boundaries read from GeoJSON ([`geojson`]) and matched
//! to the plan's regions ([`matching`]). No GUI here: the map panel draws what this computes.

pub mod geojson;
pub mod matching;
pub mod projection;
pub mod triangulate;
pub mod utm;

pub use geojson::{Boundary, BoundaryFile, GeoJsonError, parse_boundaries, parse_boundaries_bytes};
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

/// Why a boundary file could not be read from the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadProblem {
    /// No file at the path.
    NotFound,
    /// No permission to read it.
    PermissionDenied,
    /// The path names a folder.
    IsDirectory,
    /// The path names a device, a pipe or a socket, not a file.
    NotAFile,
    /// Anything else the operating system reports.
    Other,
}

/// Why boundaries could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoundaryLoadError {
    /// The file could not be read: what kind of problem, and the system's message (English).
    #[error("cannot read the file: {reason}")]
    Read {
        /// What kind of problem (for a message in the window's language).
        problem: ReadProblem,
        /// The operating system's message, or what else went wrong.
        reason: String,
    },
    /// The file is larger than [`geojson::MAX_FILE_BYTES`].
    #[error("the file is larger than {} MiB ({limit_bytes} bytes; expected a smaller boundary file)", limit_bytes / (1024 * 1024))]
    TooLarge {
        /// The limit in bytes.
        limit_bytes: u64,
    },
    /// The text is no usable GeoJSON.
    #[error(transparent)]
    GeoJson(#[from] GeoJsonError),
}

impl BoundaryLoadError {
    fn io(error: &std::io::Error) -> Self {
        let problem = match error.kind() {
            std::io::ErrorKind::NotFound => ReadProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadProblem::IsDirectory,
            _ => ReadProblem::Other,
        };
        BoundaryLoadError::Read { problem, reason: error.to_string() }
    }
}

/// Reads a GeoJSON file of boundaries and prepares it for drawing. Reads at most
/// [`geojson::MAX_FILE_BYTES`], and only from a regular file (never from a device such as
/// `/dev/zero` or a pipe, which would never end).
pub fn read_boundaries(path: &std::path::Path) -> Result<PreparedBoundaries, BoundaryLoadError> {
    use std::io::Read;
    let too_large = BoundaryLoadError::TooLarge { limit_bytes: geojson::MAX_FILE_BYTES };
    let metadata = std::fs::metadata(path).map_err(|e| BoundaryLoadError::io(&e))?;
    if metadata.is_dir() {
        return Err(BoundaryLoadError::Read { problem: ReadProblem::IsDirectory, reason: "is a folder".to_owned() });
    }
    if !metadata.is_file() {
        return Err(BoundaryLoadError::Read { problem: ReadProblem::NotAFile, reason: "is not a regular file".to_owned() });
    }
    if metadata.len() > geojson::MAX_FILE_BYTES {
        return Err(too_large);
    }
    let file = std::fs::File::open(path).map_err(|e| BoundaryLoadError::io(&e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    file.take(geojson::MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| BoundaryLoadError::io(&e))?;
    if bytes.len() as u64 > geojson::MAX_FILE_BYTES {
        return Err(too_large);
    }
    Ok(prepare(geojson::parse_boundaries_bytes(bytes)?))
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
