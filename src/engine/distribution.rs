//! The distribution key: each region's share of the state-wide arrivals (SPEC §2, § 3 FlüAG NRW).

use crate::model::{Distribution, Plan};

/// Each region's share of arrivals, in the order of `plan.regions`; sums to 1 for a valid plan.
pub fn region_shares(plan: &Plan) -> Vec<f64> {
    match &plan.distribution {
        Distribution::Shares { shares, .. } => {
            // One lookup per region (20 000 regions × 20 000 shares must stay linear).
            let by_id: std::collections::HashMap<&str, f64> = shares.iter().map(|(id, share)| (id.as_str(), *share)).collect();
            let raw: Vec<f64> =
                plan.regions.iter().map(|region| by_id.get(region.id.as_str()).map_or(0.0, |share| share.max(0.0))).collect();
            // Scaled to at most 1 first, so that the sum of valid shares (1e308 each) stays finite.
            let top = raw.iter().copied().fold(0.0, f64::max);
            let raw: Vec<f64> = if top > 1.0 { raw.iter().map(|share| share / top).collect() } else { raw };
            let total: f64 = raw.iter().sum();
            if total > 0.0 { raw.iter().map(|share| share / total).collect() } else { vec![0.0; raw.len()] }
        }
        Distribution::Weights { population_weight, area_weight, area_uplift_cap, .. } => {
            let populations: Vec<f64> = plan.regions.iter().map(|r| r.population).collect();
            let areas: Vec<f64> = plan.regions.iter().map(|r| r.area_km2).collect();
            weighted_shares(&populations, &areas, *population_weight, *area_weight, *area_uplift_cap)
        }
    }
}

/// Shares from population and area weights, with the optional uplift cap.
///
/// Without a cap: `base_r = (wp·pop_r/Σpop + wa·area_r/Σarea) / (wp + wa)`. With a cap, regions
/// whose share would exceed `(1 + cap)·pop_r/Σpop` are held at that limit and the rest is spread
/// over the others in proportion to their base shares, repeated until no region exceeds its limit.
pub fn weighted_shares(
    populations: &[f64],
    areas: &[f64],
    population_weight: f64,
    area_weight: f64,
    cap: Option<f64>,
) -> Vec<f64> {
    let total_population: f64 = populations.iter().sum();
    let total_area: f64 = areas.iter().sum();
    // Only the ratio of the weights matters. Scaled to at most 1, neither `weight · value` nor
    // the sum of the weights can overflow, whatever finite weights a valid plan has (1e300).
    let top = population_weight.max(area_weight);
    let (population_weight, area_weight) =
        if top > 1.0 { (population_weight / top, area_weight / top) } else { (population_weight, area_weight) };
    let weight_sum = population_weight + area_weight;
    let share_of = |value: f64, total: f64, weight: f64| if weight > 0.0 && total > 0.0 { weight * (value / total) } else { 0.0 };
    let base: Vec<f64> = populations
        .iter()
        .zip(areas)
        .map(|(&pop, &area)| {
            if weight_sum > 0.0 {
                (share_of(pop, total_population, population_weight) + share_of(area, total_area, area_weight)) / weight_sum
            } else {
                0.0
            }
        })
        .collect();
    let Some(cap) = cap else { return base };
    if total_population <= 0.0 {
        return base;
    }
    let limits: Vec<f64> = populations.iter().map(|pop| (1.0 + cap) * pop / total_population).collect();
    let mut capped = vec![false; base.len()];
    loop {
        let capped_limit: f64 = limits.iter().zip(&capped).filter(|(_, c)| **c).map(|(l, _)| l).sum();
        let free_base: f64 = base.iter().zip(&capped).filter(|(_, c)| !**c).map(|(b, _)| b).sum();
        let scale = if free_base > 0.0 { (1.0 - capped_limit) / free_base } else { 0.0 };
        let shares: Vec<f64> = base.iter().zip(&limits).zip(&capped).map(|((b, l), c)| if *c { *l } else { b * scale }).collect();
        let mut grew = false;
        for (index, share) in shares.iter().enumerate() {
            if let (Some(false), Some(limit)) = (capped.get(index).copied(), limits.get(index))
                && share > limit
            {
                if let Some(flag) = capped.get_mut(index) {
                    *flag = true;
                }
                grew = true;
            }
        }
        if !grew {
            return shares;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_cap_the_key_mixes_population_and_area() {
        let shares = weighted_shares(&[300.0, 100.0], &[10.0, 30.0], 0.9, 0.1, None);
        assert!((shares[0] - (0.9 * 0.75 + 0.1 * 0.25)).abs() < 1e-12);
        assert!((shares[1] - (0.9 * 0.25 + 0.1 * 0.75)).abs() < 1e-12);
    }

    #[test]
    fn the_uplift_cap_limits_the_area_gain_and_spreads_the_excess() {
        // Region 1 is huge in area but small in population: its base share 0.5·0.1 + 0.5·0.9 = 0.5
        // exceeds (1 + 0.25)·0.1 = 0.125, so it is held at 0.125 and region 0 gets the rest.
        let shares = weighted_shares(&[900.0, 100.0], &[10.0, 90.0], 0.5, 0.5, Some(0.25));
        assert!((shares[1] - 0.125).abs() < 1e-12, "{shares:?}");
        assert!((shares[0] - 0.875).abs() < 1e-12, "{shares:?}");
    }

    #[test]
    fn capping_repeats_until_no_region_exceeds_its_limit() {
        let pops = [1000.0, 100.0, 100.0, 10.0];
        let areas = [1.0, 50.0, 40.0, 100.0];
        let shares = weighted_shares(&pops, &areas, 0.9, 0.1, Some(0.25));
        let total: f64 = pops.iter().sum();
        for (share, pop) in shares.iter().zip(pops) {
            assert!(*share <= 1.25 * pop / total + 1e-12);
        }
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
