//! District boundaries from a GeoJSON FeatureCollection of Polygons and MultiPolygons, with
//! coordinates in WGS 84 degrees or in UTM 32N metres (EPSG:25832, as the official German data
//! comes). Only outer rings are kept: holes do not change which region a filled area shows.
//!
//! The text is read as a stream into compact geometry (16 bytes a point, never a JSON tree), and
//! every ring is thinned to [`super::triangulate::MAX_RING_POINTS`] as soon as it is read, so a
//! file of a quarter gigabyte needs little more memory than its own bytes. Rings without area
//! (all points on a line) are dropped: they would be matched to a region but never be seen.

use super::LonLat;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

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
    /// Features left out because they hold no polygon (points, lines, empty geometry, rings
    /// without area).
    pub skipped_features: usize,
}

impl BoundaryFile {
    /// Labels of the boundaries that lie far away from all the others (a district placed in
    /// Sydney): their centre is more than 20 times as far from the median centre as the typical
    /// boundary, and more than 2 degrees. They would shrink the others on the map to a dot.
    pub fn far_away(&self) -> Vec<String> {
        let centres: Vec<LonLat> = self.boundaries.iter().filter_map(|b| centre(&b.rings)).collect();
        if centres.len() < 3 {
            return Vec::new();
        }
        let median = |mut values: Vec<f64>| {
            values.sort_by(f64::total_cmp);
            values.get(values.len() / 2).copied().unwrap_or_default()
        };
        let middle =
            LonLat { lon: median(centres.iter().map(|c| c.lon).collect()), lat: median(centres.iter().map(|c| c.lat).collect()) };
        let distance = |c: &LonLat| (c.lon - middle.lon).hypot(c.lat - middle.lat);
        let typical = median(centres.iter().map(distance).collect());
        let limit = (typical * 20.0).max(2.0);
        self.boundaries.iter().filter(|b| centre(&b.rings).is_some_and(|c| distance(&c) > limit)).map(Boundary::label).collect()
    }
}

/// The centre of the bounding box of `rings`.
fn centre(rings: &[Vec<LonLat>]) -> Option<LonLat> {
    let mut points = rings.iter().flatten();
    let first = points.next()?;
    let (mut min, mut max) = (*first, *first);
    for p in points {
        min = LonLat { lon: min.lon.min(p.lon), lat: min.lat.min(p.lat) };
        max = LonLat { lon: max.lon.max(p.lon), lat: max.lat.max(p.lat) };
    }
    Some(LonLat { lon: (min.lon + max.lon) / 2.0, lat: (min.lat + max.lat) / 2.0 })
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
    /// JSON nested deeper than the reader follows (128 levels).
    #[error("JSON nested too deeply (line {line}, column {column}; expected at most 128 levels)")]
    TooDeep {
        /// Line where the limit was reached.
        line: usize,
        /// Column where the limit was reached.
        column: usize,
    },
    /// More rings or points than a map can draw.
    #[error(
        "more than {rings} areas or {points} points (after thinning each area to 400 points; expected a boundary file of districts or municipalities)"
    )]
    TooManyAreas {
        /// The most rings.
        rings: usize,
        /// The most points.
        points: usize,
    },
    /// UTF-16 text; GeoJSON is UTF-8.
    #[error("the file is UTF-16 text (expected UTF-8, as GeoJSON is written)")]
    Utf16,
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
    #[error("coordinates out of range: {}, {}", coordinate_text(*.0), coordinate_text(*.1))]
    OutOfRange(f64, f64),
}

/// A coordinate for a message: as written for ordinary values, in exponent form for huge or tiny
/// ones (`1e308`, not 309 digits).
pub fn coordinate_text(value: f64) -> String {
    if value != 0.0 && (value.abs() >= 1e15 || value.abs() < 1e-6) { format!("{value:e}") } else { format!("{value}") }
}

/// A feature as read: its properties and its outer rings in the file's coordinates.
type RawFeature = (Vec<(String, String)>, Vec<Vec<[f64; 2]>>);

/// Reads the boundaries of a GeoJSON text.
pub fn parse_boundaries(text: &str) -> Result<BoundaryFile, GeoJsonError> {
    parse_slice(text.as_bytes())
}

/// Reads the boundaries of the bytes of a GeoJSON file: UTF-8 (with or without byte-order
/// mark), else Windows-1252 (Latin-1 as older tools write it); UTF-16 is named as such.
pub fn parse_boundaries_bytes(bytes: Vec<u8>) -> Result<BoundaryFile, GeoJsonError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || crate::import::utf16_without_bom(&bytes).is_some()
    {
        return Err(GeoJsonError::Utf16);
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    if std::str::from_utf8(body).is_ok() {
        return parse_slice(body);
    }
    let text = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body).0.into_owned();
    drop(bytes);
    parse_slice(text.as_bytes())
}

fn parse_slice(bytes: &[u8]) -> Result<BoundaryFile, GeoJsonError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let root = RootSeed(Budget::default())
        .deserialize(&mut deserializer)
        .and_then(|root| deserializer.end().map(|()| root))
        .map_err(|e| {
            if e.to_string().starts_with(TOO_MANY_AREAS) {
                GeoJsonError::TooManyAreas { rings: MAX_RINGS, points: MAX_POINTS }
            } else if e.to_string().starts_with("recursion limit exceeded") {
                GeoJsonError::TooDeep { line: e.line(), column: e.column() }
            } else {
                GeoJsonError::NotJson { line: e.line(), column: e.column() }
            }
        })?;
    let Some(root) = root else { return Err(GeoJsonError::NotFeatureCollection) };
    if root.kind.as_deref() != Some("FeatureCollection") {
        return Err(GeoJsonError::NotFeatureCollection);
    }
    let Some((raw, skipped_features)) = root.features else { return Err(GeoJsonError::NotFeatureCollection) };
    let declared = declared_coordinates(root.crs)?;
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

/// The system the (old-style) `crs` member names (`crs.properties.name`); `None` when there is
/// none.
fn declared_coordinates(name: Option<String>) -> Result<Option<CoordinateSystem>, GeoJsonError> {
    let name = name.unwrap_or_default();
    let upper = name.to_ascii_uppercase();
    if upper.contains("25832") || (upper.contains("UTM") && upper.contains("32N")) {
        Ok(Some(CoordinateSystem::Utm32n))
    } else if upper.contains("4326") || upper.contains("CRS84") || upper.contains("4258") {
        Ok(Some(CoordinateSystem::Wgs84))
    } else if name.is_empty() {
        Ok(None)
    } else {
        Err(GeoJsonError::UnsupportedCrs(name))
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

/// A ring of at least three positions that encloses an area, thinned for drawing.
fn ring(points: Vec<[f64; 2]>) -> Option<Vec<[f64; 2]>> {
    if points.len() < 3 || !has_area(&points) {
        return None;
    }
    if points.len() <= super::triangulate::MAX_RING_POINTS {
        return Some(points);
    }
    Some(super::triangulate::thin_out(&points, super::triangulate::MAX_RING_POINTS))
}

/// Whether the ring encloses an area (not all its points on one line).
fn has_area(points: &[[f64; 2]]) -> bool {
    let n = points.len();
    let twice_area: f64 = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            (a[0] - points[0][0]) * (b[1] - points[0][1]) - (b[0] - points[0][0]) * (a[1] - points[0][1])
        })
        .sum();
    let (mut width, mut height) = (0.0f64, 0.0f64);
    for p in points {
        width = width.max((p[0] - points[0][0]).abs());
        height = height.max((p[1] - points[0][1]).abs());
    }
    // Coordinates so large that the area overflows are no line: they are refused later as out of
    // range, with their values.
    !twice_area.is_finite() || twice_area.abs() > 1e-12 * (width * height).max(f64::MIN_POSITIVE)
}

// ------------------------------------------------------------------ the streaming reader
//
// Each seed reads one JSON value and keeps only what the boundaries need; a value of another
// kind than expected gives `None` (or nothing) instead of an error, as the tree-based reader
// did, and is skipped without being kept.

/// The most rings (outer rings of polygons) a file may give.
pub const MAX_RINGS: usize = 200_000;
/// The most points all rings together may keep (after thinning).
pub const MAX_POINTS: usize = 10_000_000;
/// The message of the error that stops the reader at [`MAX_RINGS`] or [`MAX_POINTS`].
const TOO_MANY_AREAS: &str = "too many areas";

/// What the rings read so far keep, against [`MAX_RINGS`] and [`MAX_POINTS`].
#[derive(Default)]
struct Budget {
    rings: std::cell::Cell<usize>,
    points: std::cell::Cell<usize>,
}

impl Budget {
    /// Counts a ring of `points` points; an error beyond the limits.
    fn keep<E: serde::de::Error>(&self, points: usize) -> Result<(), E> {
        self.rings.set(self.rings.get() + 1);
        self.points.set(self.points.get() + points);
        if self.rings.get() > MAX_RINGS || self.points.get() > MAX_POINTS {
            return Err(E::custom(TOO_MANY_AREAS));
        }
        Ok(())
    }
}

/// Visitor methods for values of an unexpected kind (`bool`, `i64`, `u64`, `f64`, `str`,
/// `unit`): skipped, giving `Default`.
macro_rules! skip_kinds {
    ($($kind:ident),*) => { $( skip_kinds!(@one $kind); )* };
    (@one bool) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@one i64) => {
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@one u64) => {
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@one f64) => {
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@one str) => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@one unit) => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

/// Consumes the rest of a sequence.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Consumes the rest of a map.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The top level: `type`, `crs.properties.name`, `features`.
#[derive(Default)]
struct Root {
    kind: Option<String>,
    crs: Option<String>,
    /// The features with a polygon, and how many were skipped; `None` when not an array.
    features: Option<(Vec<RawFeature>, usize)>,
}

struct RootSeed(Budget);

impl<'de> DeserializeSeed<'de> for RootSeed {
    type Value = Option<Root>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RootSeed {
    type Value = Option<Root>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON object")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut root = Root::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => root.kind = map.next_value_seed(Text)?,
                "crs" => root.crs = map.next_value_seed(Path(&["properties", "name"]))?,
                "features" => root.features = map.next_value_seed(Features(&self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(root))
    }
}

/// A string value (`None` for any other kind).
struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    skip_kinds!(bool, i64, u64, f64, unit);
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(text.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// A string or number as text (`None` for any other kind): a property's value.
struct Scalar;

impl<'de> DeserializeSeed<'de> for Scalar {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scalar {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or number")
    }
    skip_kinds!(bool, unit);
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(text.to_owned()))
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(n).map(|n| n.to_string()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// The string at a path of keys in nested objects (`crs` → `properties` → `name`).
struct Path<'p>(&'p [&'p str]);

impl<'de> DeserializeSeed<'de> for Path<'_> {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Path<'_> {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            match self.0.split_first() {
                Some((first, [])) if key == *first => found = map.next_value_seed(Text)?,
                Some((first, rest)) if key == *first => found = map.next_value_seed(Path(rest))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// The `features` array: the features with a polygon, and how many were skipped.
struct Features<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Features<'_> {
    type Value = Option<(Vec<RawFeature>, usize)>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Features<'_> {
    type Value = Option<(Vec<RawFeature>, usize)>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of features")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let (mut features, mut skipped) = (Vec::new(), 0);
        while let Some(feature) = seq.next_element_seed(FeatureSeed(self.0))? {
            match feature {
                Some(feature) => features.push(feature),
                None => skipped += 1,
            }
        }
        Ok(Some((features, skipped)))
    }
}

/// One feature: its id and scalar properties, the outer rings of its geometry (`None` when it
/// has no ring with an area).
struct FeatureSeed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for FeatureSeed<'_> {
    type Value = Option<RawFeature>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FeatureSeed<'_> {
    type Value = Option<RawFeature>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a feature")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut id, mut properties, mut rings) = (None, Vec::new(), Vec::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => id = map.next_value_seed(Scalar)?,
                "properties" => properties = map.next_value_seed(Properties)?,
                "geometry" => rings = map.next_value_seed(GeometrySeed(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if rings.is_empty() {
            return Ok(None);
        }
        if let Some(id) = id {
            properties.insert(0, ("id".to_owned(), id));
        }
        Ok(Some((properties, rings)))
    }
}

/// The scalar members of `properties`, in file order (nested values are skipped).
struct Properties;

impl<'de> DeserializeSeed<'de> for Properties {
    type Value = Vec<(String, String)>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Properties {
    type Value = Vec<(String, String)>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of properties")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Vec::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // A key given twice keeps its first place and its last value, as a JSON object does.
        let mut properties: Vec<(String, Option<String>)> = Vec::new();
        let mut places: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Scalar)?;
            match places.get(&key).and_then(|&i| properties.get_mut(i)) {
                Some(slot) => slot.1 = value,
                None => {
                    places.insert(key.clone(), properties.len());
                    properties.push((key, value));
                }
            }
        }
        Ok(properties.into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
    }
}

/// A geometry: the outer rings of a Polygon, a MultiPolygon or a GeometryCollection of them.
struct GeometrySeed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for GeometrySeed<'_> {
    type Value = Vec<Vec<[f64; 2]>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for GeometrySeed<'_> {
    type Value = Vec<Vec<[f64; 2]>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a geometry")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Vec::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut kind, mut coordinates, mut geometries) = (None, Coordinates::Other, Vec::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => kind = map.next_value_seed(Text)?,
                "coordinates" => coordinates = map.next_value_seed(CoordinatesSeed(self.0))?,
                "geometries" => geometries = map.next_value_seed(Geometries(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match (kind.as_deref(), coordinates) {
            (Some("Polygon"), Coordinates::Rings(outer)) => outer.into_iter().collect(),
            (Some("MultiPolygon"), Coordinates::Polygons(outer)) => outer,
            (Some("GeometryCollection"), _) => geometries,
            _ => Vec::new(),
        })
    }
}

/// The `geometries` of a GeometryCollection: all their outer rings.
struct Geometries<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Geometries<'_> {
    type Value = Vec<Vec<[f64; 2]>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Geometries<'_> {
    type Value = Vec<Vec<[f64; 2]>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of geometries")
    }
    skip_kinds!(bool, i64, u64, f64, str, unit);
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| Vec::new())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut rings = Vec::new();
        while let Some(more) = seq.next_element_seed(GeometrySeed(self.0))? {
            rings.extend(more);
        }
        Ok(rings)
    }
}

/// `coordinates`, by how deeply its arrays nest; only what an outer ring needs is kept.
#[derive(Debug, Default)]
enum Coordinates {
    /// Anything else (also an empty array).
    #[default]
    Other,
    /// A number.
    Number(f64),
    /// A position: its first two numbers.
    Position([f64; 2]),
    /// An array of positions: a ring with an area, thinned (`None` when it has none).
    Ring(Option<Vec<[f64; 2]>>),
    /// An array of rings: a polygon; only its outer (first) ring is kept.
    Rings(Option<Vec<[f64; 2]>>),
    /// An array of polygons: the outer ring of each that has one.
    Polygons(Vec<Vec<[f64; 2]>>),
}

struct CoordinatesSeed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for CoordinatesSeed<'_> {
    type Value = Coordinates;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CoordinatesSeed<'_> {
    type Value = Coordinates;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("coordinates")
    }
    skip_kinds!(bool, str, unit);
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Coordinates::Number(n as f64))
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Coordinates::Number(n as f64))
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Coordinates::Number(n))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| Coordinates::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Some(first) = seq.next_element_seed(CoordinatesSeed(self.0))? else { return Ok(Coordinates::Other) };
        match first {
            Coordinates::Number(x) => {
                let second = seq.next_element_seed(CoordinatesSeed(self.0))?;
                skip_seq(seq)?;
                Ok(match second {
                    Some(Coordinates::Number(y)) => Coordinates::Position([x, y]),
                    _ => Coordinates::Other,
                })
            }
            Coordinates::Position(position) => {
                let mut points = vec![position];
                while let Some(next) = seq.next_element_seed(CoordinatesSeed(self.0))? {
                    if let Coordinates::Position(position) = next {
                        points.push(position);
                    }
                }
                let ring = ring(points);
                if let Some(ring) = &ring {
                    self.0.keep::<A::Error>(ring.len())?;
                }
                Ok(Coordinates::Ring(ring))
            }
            Coordinates::Ring(outer) => {
                skip_seq(seq)?;
                Ok(Coordinates::Rings(outer))
            }
            Coordinates::Rings(outer) => {
                let mut polygons: Vec<Vec<[f64; 2]>> = outer.into_iter().collect();
                while let Some(next) = seq.next_element_seed(CoordinatesSeed(self.0))? {
                    if let Coordinates::Rings(outer) = next {
                        polygons.extend(outer);
                    }
                }
                Ok(Coordinates::Polygons(polygons))
            }
            Coordinates::Polygons(_) | Coordinates::Other => skip_seq(seq).map(|()| Coordinates::Other),
        }
    }
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

    fn collection(features: &[String]) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
    }

    fn feature(name: &str, ring: &str) -> String {
        format!(r#"{{"type":"Feature","properties":{{"GEN":"{name}"}},"geometry":{{"type":"Polygon","coordinates":{ring}}}}}"#)
    }

    #[test]
    fn latin1_is_read_as_windows_1252_and_utf16_is_named() {
        let text = collection(&[feature("K\u{f6}ln", &square(6.9, 50.9))]);
        let latin1: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
        let file = parse_boundaries_bytes(latin1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.boundaries[0].label(), "Köln");
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(parse_boundaries_bytes(utf16), Err(GeoJsonError::Utf16));
        let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(parse_boundaries_bytes(with_bom), Err(GeoJsonError::Utf16));
        let utf8_bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        assert_eq!(parse_boundaries_bytes(utf8_bom).map(|f| f.boundaries.len()), Ok(1));
    }

    #[test]
    fn deep_nesting_is_named_and_huge_numbers_are_printed_short() {
        let nested = format!("{}{}", "[".repeat(500), "]".repeat(500));
        let deep = collection(&[feature("x", &nested)]);
        assert!(matches!(parse_boundaries(&deep), Err(GeoJsonError::TooDeep { line: 1, .. })), "{:?}", parse_boundaries(&deep));
        let far = collection(&[feature("x", "[[[1e308,1],[1e308,2],[1.5e308,2],[1e308,1]]]")]);
        let error = parse_boundaries(&far).map(|_| ()).err().map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("coordinates out of range: 1e308, 1"));
        assert_eq!(coordinate_text(7.25), "7.25");
        assert_eq!(coordinate_text(0.0), "0");
        assert_eq!(coordinate_text(-3e-9), "-3e-9");
    }

    #[test]
    fn rings_without_area_are_skipped_and_long_rings_thinned_while_reading() {
        let line = "[[[7,51],[7.1,51.1],[7.2,51.2],[7,51]]]";
        let point = "[[[7,51],[7,51],[7,51],[7,51]]]";
        let text = collection(&[feature("Linie", line), feature("Punkt", point), feature("Köln", &square(6.9, 50.9))]);
        let file = parse_boundaries(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.boundaries.len(), 1);
        assert_eq!(file.skipped_features, 2);
        let only_lines = collection(&[feature("Linie", line)]);
        assert_eq!(parse_boundaries(&only_lines), Err(GeoJsonError::NoPolygons));

        let points: Vec<String> = (0..10_000)
            .map(|i| {
                let a = f64::from(i) / 10_000.0 * std::f64::consts::TAU;
                format!("[{},{}]", 7.0 + 0.1 * a.cos(), 51.0 + 0.1 * a.sin())
            })
            .collect();
        let long = collection(&[feature("Rund", &format!("[[{}]]", points.join(",")))]);
        let file = parse_boundaries(&long).unwrap_or_else(|e| panic!("{e}"));
        assert!(file.boundaries[0].rings[0].len() <= crate::geo::triangulate::MAX_RING_POINTS);
        assert!(file.boundaries[0].rings[0].len() > 300);
    }

    #[test]
    fn a_feature_far_away_from_the_others_is_named() {
        let mut features: Vec<String> = (0..10)
            .map(|i| feature(&format!("Kreis {i}"), &square(6.0 + f64::from(i) * 0.3, 51.0 + f64::from(i % 3) * 0.3)))
            .collect();
        assert!(parse_boundaries(&collection(&features)).map(|f| f.far_away()).unwrap_or_default().is_empty());
        features.push(feature("Sydney", &square(151.2, -33.9)));
        let file = parse_boundaries(&collection(&features)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.far_away(), ["Sydney"]);
    }

    #[test]
    fn values_of_other_kinds_are_skipped_as_before() {
        let text = r#"{"features":[1,"x",null,[],{"type":"Feature","id":7,"properties":{"GEN":"A","n":2.5,"deep":{"a":[1]},"GEN":"B"},
            "geometry":{"coordinates":[[[7,51],[7.1,51],[7.1,51.1],[7,51]],[[1,1],[2,2],[1,2]]],"type":"Polygon"}},
            {"type":"Feature","properties":[],"geometry":{"type":"GeometryCollection","geometries":[{"type":"MultiPolygon","coordinates":[[[[7,51],[7.1,51],[7.1,51.1]]],[[[8,51],[8.1,51],[8.1,51.1]]]]}]}}],
            "crs":{"type":"name","properties":{"name":"EPSG:4326"}},"type":"FeatureCollection"}"#;
        let file = parse_boundaries(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.skipped_features, 4);
        assert_eq!(file.boundaries.len(), 2);
        assert_eq!(
            file.boundaries[0].properties,
            [("id".into(), "7".into()), ("GEN".into(), "B".into()), ("n".into(), "2.5".into())]
        );
        assert_eq!(file.boundaries[0].rings.len(), 1, "holes are left out");
        assert_eq!(file.boundaries[1].rings.len(), 2);
        assert_eq!(parse_boundaries("[1,2]"), Err(GeoJsonError::NotFeatureCollection));
        assert_eq!(parse_boundaries(r#"{"type":"FeatureCollection","features":{}}"#), Err(GeoJsonError::NotFeatureCollection));
        assert!(matches!(parse_boundaries(r#"{"type":"FeatureCollection","features":[]} x"#), Err(GeoJsonError::NotJson { .. })));
    }
}
