//! UTM zone 32 North on ETRS89/GRS80 (EPSG:25832), the grid of the official German boundary
//! data, to and from latitude/longitude: the transverse Mercator series of Snyder
//! ("Map Projections – A Working Manual", 1987, pp. 61–64), good to well below a metre in the zone.

use super::LonLat;

/// Semi-major axis of GRS80 in metres.
const A_M: f64 = 6_378_137.0;
/// Flattening of GRS80.
const FLATTENING: f64 = 1.0 / 298.257_222_101;
/// Scale on the central meridian.
const K0: f64 = 0.9996;
/// False easting in metres.
const FALSE_EASTING_M: f64 = 500_000.0;
/// Central meridian of zone 32 in degrees.
const CENTRAL_MERIDIAN_DEG: f64 = 9.0;

fn eccentricity_squared() -> f64 {
    FLATTENING * (2.0 - FLATTENING)
}

/// Length of the meridian arc from the equator to latitude `phi` (radians), in metres.
fn meridian_arc_m(phi: f64) -> f64 {
    let e2 = eccentricity_squared();
    let (e4, e6) = (e2 * e2, e2 * e2 * e2);
    A_M * ((1.0 - e2 / 4.0 - 3.0 * e4 / 64.0 - 5.0 * e6 / 256.0) * phi
        - (3.0 * e2 / 8.0 + 3.0 * e4 / 32.0 + 45.0 * e6 / 1024.0) * (2.0 * phi).sin()
        + (15.0 * e4 / 256.0 + 45.0 * e6 / 1024.0) * (4.0 * phi).sin()
        - (35.0 * e6 / 3072.0) * (6.0 * phi).sin())
}

/// Easting and northing in metres (UTM 32N) of a point in degrees.
pub fn to_utm32n(point: LonLat) -> (f64, f64) {
    let e2 = eccentricity_squared();
    let ep2 = e2 / (1.0 - e2);
    let phi = point.lat.to_radians();
    let (sin, cos, tan) = (phi.sin(), phi.cos(), phi.tan());
    let n = A_M / (1.0 - e2 * sin * sin).sqrt();
    let t = tan * tan;
    let c = ep2 * cos * cos;
    let a = (point.lon - CENTRAL_MERIDIAN_DEG).to_radians() * cos;
    let m = meridian_arc_m(phi);
    let easting = FALSE_EASTING_M
        + K0 * n * (a + (1.0 - t + c) * a.powi(3) / 6.0 + (5.0 - 18.0 * t + t * t + 72.0 * c - 58.0 * ep2) * a.powi(5) / 120.0);
    let northing = K0
        * (m + n
            * tan
            * (a * a / 2.0
                + (5.0 - t + 9.0 * c + 4.0 * c * c) * a.powi(4) / 24.0
                + (61.0 - 58.0 * t + t * t + 600.0 * c - 330.0 * ep2) * a.powi(6) / 720.0));
    (easting, northing)
}

/// Latitude and longitude in degrees of a point given in UTM 32N metres (northern hemisphere).
pub fn from_utm32n(easting_m: f64, northing_m: f64) -> LonLat {
    let e2 = eccentricity_squared();
    let ep2 = e2 / (1.0 - e2);
    let m = northing_m / K0;
    let mu = m / (A_M * (1.0 - e2 / 4.0 - 3.0 * e2 * e2 / 64.0 - 5.0 * e2.powi(3) / 256.0));
    let root = (1.0 - e2).sqrt();
    let e1 = (1.0 - root) / (1.0 + root);
    let phi1 = mu
        + (3.0 * e1 / 2.0 - 27.0 * e1.powi(3) / 32.0) * (2.0 * mu).sin()
        + (21.0 * e1 * e1 / 16.0 - 55.0 * e1.powi(4) / 32.0) * (4.0 * mu).sin()
        + (151.0 * e1.powi(3) / 96.0) * (6.0 * mu).sin()
        + (1097.0 * e1.powi(4) / 512.0) * (8.0 * mu).sin();
    let (sin, cos, tan) = (phi1.sin(), phi1.cos(), phi1.tan());
    let c1 = ep2 * cos * cos;
    let t1 = tan * tan;
    let w = 1.0 - e2 * sin * sin;
    let n1 = A_M / w.sqrt();
    let r1 = A_M * (1.0 - e2) / w.powf(1.5);
    let d = (easting_m - FALSE_EASTING_M) / (n1 * K0);
    let lat = phi1
        - (n1 * tan / r1)
            * (d * d / 2.0 - (5.0 + 3.0 * t1 + 10.0 * c1 - 4.0 * c1 * c1 - 9.0 * ep2) * d.powi(4) / 24.0
                + (61.0 + 90.0 * t1 + 298.0 * c1 + 45.0 * t1 * t1 - 252.0 * ep2 - 3.0 * c1 * c1) * d.powi(6) / 720.0);
    let lon = (d - (1.0 + 2.0 * t1 + c1) * d.powi(3) / 6.0
        + (5.0 - 2.0 * c1 + 28.0 * t1 - 3.0 * c1 * c1 + 8.0 * ep2 + 24.0 * t1 * t1) * d.powi(5) / 120.0)
        / cos;
    LonLat { lat: lat.to_degrees(), lon: CENTRAL_MERIDIAN_DEG + lon.to_degrees() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from the Krüger series in Karney's form (an independent formula,
    /// accurate to nanometres), computed for these points with GRS80 and k0 = 0.9996.
    const REFERENCE: [(&str, f64, f64, f64, f64); 4] = [
        ("Kölner Dom", 50.94133, 6.95828, 356_558.947, 5_645_285.510),
        ("Münster", 51.9625, 7.6256, 405_570.043, 5_757_759.476),
        ("central meridian", 51.0, 9.0, 500_000.0, 5_649_824.888),
        ("Bonn", 50.7374, 7.0982, 365_804.470, 5_622_348.105),
    ];

    #[test]
    fn utm_32n_metres_become_the_known_latitude_and_longitude() {
        for (name, lat, lon, easting, northing) in REFERENCE {
            let point = from_utm32n(easting, northing);
            // 1e-6° is about 0.1 m.
            assert!((point.lat - lat).abs() < 1e-6, "{name}: latitude {} vs {lat}", point.lat);
            assert!((point.lon - lon).abs() < 1e-6, "{name}: longitude {} vs {lon}", point.lon);
        }
    }

    #[test]
    fn latitude_and_longitude_become_the_known_utm_32n_metres() {
        for (name, lat, lon, easting, northing) in REFERENCE {
            let (e, n) = to_utm32n(LonLat { lon, lat });
            assert!((e - easting).abs() < 0.05, "{name}: easting {e} vs {easting}");
            assert!((n - northing).abs() < 0.05, "{name}: northing {n} vs {northing}");
        }
    }

    #[test]
    fn the_inverse_undoes_the_forward_projection_across_nrw() {
        for lat in [50.3, 51.0, 51.7, 52.5] {
            for lon in [5.8, 6.9, 8.0, 9.5] {
                let (e, n) = to_utm32n(LonLat { lon, lat });
                let back = from_utm32n(e, n);
                assert!((back.lat - lat).abs() < 1e-8 && (back.lon - lon).abs() < 1e-8, "{lat} {lon} → {back:?}");
            }
        }
    }
}
