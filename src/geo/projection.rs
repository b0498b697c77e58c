//! The flat map: equirectangular, with east–west distances scaled by the cosine of the mean
//! latitude, so that a region of a few hundred kilometres keeps its shape. Map units are
//! degrees of latitude; y grows southwards, as on a screen.

use super::LonLat;

/// The projection of one map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// cos of the mean latitude: how much shorter a degree of longitude is than one of latitude.
    pub x_scale: f64,
}

impl Projection {
    /// The projection for points around the mean latitude `mean_lat_deg`.
    pub fn around(mean_lat_deg: f64) -> Self {
        Projection { x_scale: mean_lat_deg.to_radians().cos().abs().max(0.01) }
    }

    /// The projection for these points (at their mean latitude; the equator when there are none).
    pub fn for_points(points: impl IntoIterator<Item = LonLat>) -> Self {
        let (sum, count) = points.into_iter().fold((0.0, 0usize), |(s, n), p| (s + p.lat, n + 1));
        Projection::around(if count == 0 { 0.0 } else { sum / count as f64 })
    }

    /// The map position `[x, y]` of a point.
    pub fn project(&self, point: LonLat) -> [f64; 2] {
        [point.lon * self.x_scale, -point.lat]
    }
}

/// A rectangle in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Smallest x and y.
    pub min: [f64; 2],
    /// Largest x and y.
    pub max: [f64; 2],
}

impl Bounds {
    /// The smallest rectangle around `points`; `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = [f64; 2]>) -> Option<Self> {
        points.into_iter().fold(None, |bounds: Option<Bounds>, [x, y]| {
            Some(match bounds {
                None => Bounds { min: [x, y], max: [x, y] },
                Some(b) => Bounds { min: [b.min[0].min(x), b.min[1].min(y)], max: [b.max[0].max(x), b.max[1].max(y)] },
            })
        })
    }

    /// Width and height (at least a tiny size, so one point still gets a scale).
    pub fn size(&self) -> [f64; 2] {
        [(self.max[0] - self.min[0]).max(1e-3), (self.max[1] - self.min[1]).max(1e-3)]
    }

    /// The centre.
    pub fn center(&self) -> [f64; 2] {
        [(self.min[0] + self.max[0]) / 2.0, (self.min[1] + self.max[1]) / 2.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degree_of_longitude_is_shortened_by_the_cosine_of_the_mean_latitude() {
        let points = [LonLat { lon: 6.0, lat: 50.0 }, LonLat { lon: 9.0, lat: 52.0 }];
        let projection = Projection::for_points(points);
        assert!((projection.x_scale - 51f64.to_radians().cos()).abs() < 1e-12);
        let [x, y] = projection.project(LonLat { lon: 7.0, lat: 51.0 });
        assert!((x - 7.0 * 0.629_320_391).abs() < 1e-6);
        assert_eq!(y, -51.0, "north is up");
    }

    #[test]
    fn bounds_hold_every_point() {
        let bounds = Bounds::around([[1.0, -2.0], [3.0, -5.0], [2.0, -1.0]]).unwrap_or_else(|| unreachable!());
        assert_eq!(bounds.min, [1.0, -5.0]);
        assert_eq!(bounds.max, [3.0, -1.0]);
        assert_eq!(bounds.center(), [2.0, -3.0]);
        assert!(Bounds::around([]).is_none());
    }
}
