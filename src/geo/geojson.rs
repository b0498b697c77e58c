//! District boundaries from a GeoJSON FeatureCollection of Polygons and MultiPolygons, with
//! coordinates in WGS 84 degrees or in UTM 32N metres (EPSG:25832, as the official German data
//! comes). Only outer rings are kept: holes do not change which region a filled area shows.

use super::LonLat;
use serde_json::Value;

/// A file read is refused above this size (the official NRW districts are about 5 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One feature with its area.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    /// Its scalar properties as text (numbers written as in the file), in file order.
    pub properties: Vec<(String, String)>,
    /// Outer rings of its polygons, in degrees.
    pub rings: Vec<Vec<LonLat>>,
}

impl Boundary {
    /// A short name for messages: the first name-like property, else the first property.
    pub fn label(&self) -> String {
        let name = self.properties.iter().find(|(k, _)| super::matching::is_name_key(k));
        name.or(self.properties.first()).map_or_else(|| "?".to_owned(), |(_, v)| v.clone())
    }
}

/// The coordinate system of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoordinateSystem {
    /// Longitude and latitude in degrees.
    Wgs84,
    /// UTM zone 32 North, metres (EPSG:25832).
    Utm32n,
}

/// The boundaries of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryFile {
    /// One per feature with a polygon, in file order.
    pub boundaries: Vec<Boundary>,
    /// The coordinates the file was written in.
    pub coordinates: CoordinateSystem,
    /// Features left out because they hold no polygon (points, lines, empty geometry).
    pub skipped_features: usize,
}

/// Why a file gives no boundaries.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoJsonError {
    /// Not JSON at all.
    #[error("not JSON (line {line}, column {column})")]
    NotJson {
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
    },
    /// JSON, but not a GeoJSON FeatureCollection.
    #[error("not a GeoJSON FeatureCollection")]
    NotFeatureCollection,
    /// No feature holds a polygon.
    #[error("no feature holds a Polygon or MultiPolygon")]
    NoPolygons,
    /// The `crs` names a coordinate system other than WGS 84 and UTM 32N.
    #[error("unsupported coordinate system {0} (WGS 84 or EPSG:25832 expected)")]
    UnsupportedCrs(String),
    /// Coordinates that are neither degrees nor UTM 32N metres.
    #[error("coordinates out of range: {0}, {1}")]
    OutOfRange(f64, f64),
}

/// A feature as read: its properties and its outer rings in the file's coordinates.
type RawFeature = (Vec<(String, String)>, Vec<Vec<[f64; 2]>>);

/// Reads the boundaries of a GeoJSON text.
pub fn parse_boundaries(text: &str) -> Result<BoundaryFile, GeoJsonError> {
    let root: Value = serde_json::from_str(text).map_err(|e| GeoJsonError::NotJson { line: e.line(), column: e.column() })?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(GeoJsonError::NotFeatureCollection);
    }
    let Some(features) = root.get("features").and_then(Value::as_array) else {
        return Err(GeoJsonError::NotFeatureCollection);
    };
    let declared = declared_coordinates(&root)?;
    let mut raw = Vec::with_capacity(features.len());
    let mut skipped_features = 0;
    for feature in features {
        let rings = feature.get("geometry").map(outer_rings).unwrap_or_default();
        if rings.is_empty() {
            skipped_features += 1;
            continue;
        }
        raw.push((properties_of(feature), rings));
    }
    if raw.is_empty() {
        return Err(GeoJsonError::NoPolygons);
    }
    let coordinates = match declared {
        Some(system) => system,
        None => guess_coordinates(&raw),
    };
    let mut boundaries = Vec::with_capacity(raw.len());
    for (properties, rings) in raw {
        let rings = rings
            .into_iter()
            .map(|ring| ring.into_iter().map(|[x, y]| to_degrees(x, y, coordinates)).collect::<Result<Vec<_>, _>>())
            .collect::<Result<Vec<_>, _>>()?;
        boundaries.push(Boundary { properties, rings });
    }
    Ok(BoundaryFile { boundaries, coordinates, skipped_features })
}

/// The system the (old-style) `crs` member names; `None` when there is none.
fn declared_coordinates(root: &Value) -> Result<Option<CoordinateSystem>, GeoJsonError> {
    let Some(crs) = root.get("crs") else { return Ok(None) };
    let name = crs.pointer("/properties/name").and_then(Value::as_str).unwrap_or_default();
    let upper = name.to_ascii_uppercase();
    if upper.contains("25832") || (upper.contains("UTM") && upper.contains("32N")) {
        Ok(Some(CoordinateSystem::Utm32n))
    } else if upper.contains("4326") || upper.contains("CRS84") || upper.contains("4258") {
        Ok(Some(CoordinateSystem::Wgs84))
    } else if name.is_empty() {
        Ok(None)
    } else {
        Err(GeoJsonError::UnsupportedCrs(name.to_owned()))
    }
}

/// Without a `crs`: degrees fit in ±180, UTM metres do not.
fn guess_coordinates(raw: &[RawFeature]) -> CoordinateSystem {
    let first = raw.iter().flat_map(|(_, rings)| rings.iter().flatten()).next();
    match first {
        Some([x, y]) if x.abs() > 360.0 || y.abs() > 360.0 => CoordinateSystem::Utm32n,
        _ => CoordinateSystem::Wgs84,
    }
}

fn to_degrees(x: f64, y: f64, system: CoordinateSystem) -> Result<LonLat, GeoJsonError> {
    let ok = match system {
        CoordinateSystem::Wgs84 => x.abs() <= 180.0 && y.abs() <= 90.0,
        CoordinateSystem::Utm32n => (-500_000.0..=1_500_000.0).contains(&x) && (0.0..=9_400_000.0).contains(&y),
    };
    if !ok {
        return Err(GeoJsonError::OutOfRange(x, y));
    }
    Ok(match system {
        CoordinateSystem::Wgs84 => LonLat { lon: x, lat: y },
        CoordinateSystem::Utm32n => super::utm::from_utm32n(x, y),
    })
}

fn properties_of(feature: &Value) -> Vec<(String, String)> {
    let mut properties = Vec::new();
    if let Some(id) = feature.get("id").and_then(scalar_text) {
        properties.push(("id".to_owned(), id));
    }
    if let Some(map) = feature.get("properties").and_then(Value::as_object) {
        properties.extend(map.iter().filter_map(|(k, v)| Some((k.clone(), scalar_text(v)?))));
    }
    properties
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The outer rings of a Polygon or MultiPolygon (none for other geometries).
fn outer_rings(geometry: &Value) -> Vec<Vec<[f64; 2]>> {
    let coordinates = geometry.get("coordinates");
    match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => coordinates.and_then(|c| c.get(0)).map(ring).into_iter().flatten().collect(),
        Some("MultiPolygon") => coordinates
            .and_then(Value::as_array)
            .map(|polygons| polygons.iter().filter_map(|p| p.get(0)).filter_map(ring).collect())
            .unwrap_or_default(),
        Some("GeometryCollection") => geometry
            .get("geometries")
            .and_then(Value::as_array)
            .map(|all| all.iter().flat_map(outer_rings).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A ring of at least three positions.
fn ring(value: &Value) -> Option<Vec<[f64; 2]>> {
    let positions = value.as_array()?;
    let points: Vec<[f64; 2]> = positions
        .iter()
        .filter_map(|p| {
            let p = p.as_array()?;
            Some([p.first()?.as_f64()?, p.get(1)?.as_f64()?])
        })
        .collect();
    (points.len() >= 3).then_some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(lon: f64, lat: f64) -> String {
        format!("[[[{lon},{lat}],[{},{lat}],[{},{}],[{lon},{}],[{lon},{lat}]]]", lon + 0.1, lon + 0.1, lat + 0.1, lat + 0.1)
    }

    #[test]
    fn polygons_and_multipolygons_in_degrees_are_read_with_their_properties() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
              {{"type":"Feature","properties":{{"GEN":"Köln","AGS":"05315000","n":3}},"geometry":{{"type":"Polygon","coordinates":{}}}}},
              {{"type":"Feature","properties":{{"GEN":"Wesel"}},"geometry":{{"type":"MultiPolygon","coordinates":[{},{}]}}}},
              {{"type":"Feature","properties":{{}},"geometry":{{"type":"Point","coordinates":[7,51]}}}}]}}"#,
            square(6.9, 50.9),
            square(6.5, 51.6),
            square(6.7, 51.7)
        );
        let file = parse_boundaries(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.coordinates, CoordinateSystem::Wgs84);
        assert_eq!(file.boundaries.len(), 2);
        assert_eq!(file.skipped_features, 1);
        let koeln = &file.boundaries[0];
        assert_eq!(koeln.label(), "Köln");
        assert!(koeln.properties.contains(&("n".to_owned(), "3".to_owned())));
        assert_eq!(koeln.rings[0][1], LonLat { lon: 7.0, lat: 50.9 });
        assert_eq!(file.boundaries[1].rings.len(), 2);
    }

    #[test]
    fn utm_32n_coordinates_are_found_by_crs_or_by_size_and_converted() {
        let ring = "[[[356558.947,5645285.510],[357558.947,5645285.510],[357558.947,5646285.510],[356558.947,5645285.510]]]";
        let with_crs = format!(
            r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::25832"}}}},
                "features":[{{"type":"Feature","properties":{{"GEN":"Köln"}},"geometry":{{"type":"Polygon","coordinates":{ring}}}}}]}}"#
        );
        let without = with_crs.replace("urn:ogc:def:crs:EPSG::25832", "");
        for text in [with_crs, without] {
            let file = parse_boundaries(&text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(file.coordinates, CoordinateSystem::Utm32n);
            let dom = file.boundaries[0].rings[0][0];
            assert!((dom.lat - 50.94133).abs() < 1e-6 && (dom.lon - 6.95828).abs() < 1e-6, "{dom:?}");
        }
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert!(matches!(parse_boundaries("{\"type\":"), Err(GeoJsonError::NotJson { line: 1, .. })));
        assert_eq!(parse_boundaries(r#"{"format":1}"#), Err(GeoJsonError::NotFeatureCollection));
        assert_eq!(parse_boundaries(r#"{"type":"FeatureCollection","features":[]}"#), Err(GeoJsonError::NoPolygons));
        let gk = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:31466"}},"features":[]}"#;
        assert_eq!(parse_boundaries(gk), Err(GeoJsonError::UnsupportedCrs("EPSG:31466".into())));
        let far = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"Polygon","coordinates":[[[5000000,1],[5000001,1],[5000001,2]]]}}]}"#;
        assert!(matches!(parse_boundaries(far), Err(GeoJsonError::OutOfRange(..))));
    }
}
