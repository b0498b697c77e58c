//! SPEC §6 as a table: per budget year the cost split by funding, the budget, the balance and
//! the amount not yet secured. Shared by the budget view, the summary picture and the XLSX export.

use super::ScenarioResults;

/// One calendar year of a scenario's money.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetRow {
    /// Calendar year.
    pub year: i32,
    /// Cost from measures whose money is committed, in euro.
    pub secured_eur: f64,
    /// Cost from measures planned in a budget draft, in euro.
    pub planned_eur: f64,
    /// Cost from measures without money yet, in euro.
    pub open_eur: f64,
    /// The year's budget, when the plan has one for it.
    pub budget_eur: Option<f64>,
    /// Budget minus cost (negative = over budget), when the plan has a budget for the year.
    pub balance_eur: Option<f64>,
}

impl BudgetRow {
    /// The year's total cost.
    pub fn total_eur(&self) -> f64 {
        self.secured_eur + self.planned_eur + self.open_eur
    }

    /// What has no money yet: the cost of open measures. Planned measures stand in a budget
    /// draft and are shown as such beside it (the issue's "2027: 492,9 Mio. € noch nicht
    /// gesichert" for the sample is the open amount).
    pub fn unsecured_eur(&self) -> f64 {
        self.open_eur
    }

    /// Whether the year's cost exceeds its budget.
    pub fn over_budget(&self) -> bool {
        self.balance_eur.is_some_and(|balance| balance < 0.0)
    }
}

/// The budget table of a scenario, one row per calendar year of the horizon, in year order.
///
/// The budget of a year is the balance plus the cost (the results carry the balance of SPEC §6,
/// not the budget itself).
pub fn budget_rows(results: &ScenarioResults) -> Vec<BudgetRow> {
    results
        .cost_per_year_by_funding
        .iter()
        .map(|(year, costs)| {
            let balance_eur = results.budget_balance_per_year.iter().find(|(y, _)| y == year).map(|(_, b)| *b);
            BudgetRow {
                year: *year,
                secured_eur: costs.secured_eur,
                planned_eur: costs.planned_eur,
                open_eur: costs.open_eur,
                budget_eur: balance_eur.map(|balance| balance + costs.total_eur()),
                balance_eur,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_table_adds_up_to_the_results_of_spec_6() {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        let results = crate::simulate(&plan);
        for scenario in &results.scenarios {
            let rows = budget_rows(scenario);
            assert_eq!(rows.len(), scenario.cost_per_year.len());
            for (row, (year, cost)) in rows.iter().zip(&scenario.cost_per_year) {
                assert_eq!(row.year, *year);
                assert!((row.total_eur() - cost).abs() <= 1e-6 * cost.abs().max(1.0));
                if let Some(entry) = plan.budget.iter().find(|b| b.year == *year) {
                    let budget = row.budget_eur.expect("a budget year has a budget");
                    assert!((budget - entry.eur).abs() < 1e-3, "{budget} = {}", entry.eur);
                    assert_eq!(row.over_budget(), row.total_eur() > entry.eur);
                }
            }
        }
    }
}
