//! The curves of one scenario and domain for the state or one region: what the plots in the
//! window and the pictures draw.

use crate::engine::{ScenarioResults, shortage_curve};

/// Demand, capacity and shortage per month of one scenario and domain at one place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Curves {
    /// Places needed per month.
    pub demand: Vec<f64>,
    /// Places available per month.
    pub capacity: Vec<f64>,
    /// Places missing per month: for the state the sum of the regions' shortages (a surplus in
    /// one region does not fill a gap in another), for a region `max(0, demand − capacity)`.
    pub shortage: Vec<f64>,
}

/// The curves of domain `domain_index` of `scenario`: state-wide (`region_index` `None`) or of
/// the region at `region_index`; `None` for unknown indices.
pub fn domain_curves(scenario: &ScenarioResults, domain_index: usize, region_index: Option<usize>) -> Option<Curves> {
    match region_index {
        None => {
            let domain = scenario.domains.get(domain_index)?;
            Some(Curves { demand: domain.demand.clone(), capacity: domain.capacity.clone(), shortage: domain.shortage.clone() })
        }
        Some(r) => {
            let figures = scenario.regions.get(r)?.domains.get(domain_index)?;
            let demand = scenario.region_demand(r, domain_index);
            let shortage = shortage_curve(&demand, &figures.capacity);
            Some(Curves { demand, capacity: figures.capacity.clone(), shortage })
        }
    }
}
