//! Filled areas for the choropleth: a ring thinned out to a drawable number of points, then cut
//! into triangles by ear clipping (district outlines are not convex, and egui fills only convex
//! paths). Done once when the boundaries load, never per frame.

/// At most this many points per ring are kept for drawing.
pub const MAX_RING_POINTS: usize = 400;

/// `ring` with at most `max_points` points: every k-th point, the first and the last kept;
/// a closing point equal to the first is dropped.
pub fn thin_out(ring: &[[f64; 2]], max_points: usize) -> Vec<[f64; 2]> {
    let ring = match (ring.first(), ring.last()) {
        (Some(first), Some(last)) if ring.len() > 1 && first == last => ring.get(..ring.len() - 1).unwrap_or(ring),
        _ => ring,
    };
    let step = ring.len().div_ceil(max_points.max(3)).max(1);
    ring.iter().step_by(step).copied().collect()
}

fn twice_area(ring: &[[f64; 2]]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

fn cross(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

fn inside(p: [f64; 2], a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

/// Triangles (indices into `ring`) that fill the simple polygon `ring` (either orientation).
/// A ring that cannot be clipped further (self-touching after thinning) is closed with a fan.
pub fn triangulate(ring: &[[f64; 2]]) -> Vec<[u32; 3]> {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let mut remaining: Vec<usize> = (0..n).collect();
    if twice_area(ring) < 0.0 {
        remaining.reverse();
    }
    let mut triangles = Vec::with_capacity(n - 2);
    let mut misses = 0;
    let mut i = 0;
    while remaining.len() > 3 {
        let m = remaining.len();
        let (ia, ib, ic) = (remaining[(i + m - 1) % m], remaining[i % m], remaining[(i + 1) % m]);
        let (a, b, c) = (ring[ia], ring[ib], ring[ic]);
        let convex = cross(a, b, c) > 0.0;
        let ear = convex
            && !remaining.iter().any(|&j| {
                j != ia && j != ib && j != ic && inside(ring[j], a, b, c) && ring[j] != a && ring[j] != b && ring[j] != c
            });
        if ear {
            triangles.push([ia as u32, ib as u32, ic as u32]);
            remaining.remove(i % m);
            misses = 0;
        } else {
            i += 1;
            misses += 1;
            if misses > m {
                // No ear found: degenerate ring; fill the rest as a fan.
                let first = remaining[0];
                for pair in remaining.windows(2).skip(1) {
                    triangles.push([first as u32, pair[0] as u32, pair[1] as u32]);
                }
                return triangles;
            }
        }
    }
    if let [a, b, c] = remaining[..] {
        triangles.push([a as u32, b as u32, c as u32]);
    }
    triangles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_convex_ring_is_cut_into_triangles_of_its_area() {
        // An L shape of area 3, clockwise.
        let ring = [[0.0, 0.0], [0.0, 2.0], [1.0, 2.0], [1.0, 1.0], [2.0, 1.0], [2.0, 0.0]];
        let triangles = triangulate(&ring);
        assert_eq!(triangles.len(), 4);
        let area: f64 =
            triangles.iter().map(|t| cross(ring[t[0] as usize], ring[t[1] as usize], ring[t[2] as usize]).abs() / 2.0).sum();
        assert!((area - 3.0).abs() < 1e-12, "{area}");
    }

    #[test]
    fn thinning_keeps_at_most_the_points_asked_for_and_drops_the_closing_point() {
        let ring: Vec<[f64; 2]> = (0..1000).map(|i| [f64::from(i), 0.0]).chain([[0.0, 0.0]]).collect();
        let thin = thin_out(&ring, 100);
        assert!(thin.len() <= 100);
        assert_eq!(thin[0], [0.0, 0.0]);
        assert_eq!(thin_out(&[[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], 100).len(), 3);
    }
}
