//! The Excel workbook reads back as the engine's numbers: indicators on the summary sheet, the
//! monthly table per domain (state-wide and per region) on one sheet per scenario.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

use calamine::{Data, Reader, Xlsx};
use integrationsplan::io::{BUDGET_HEADERS, BUDGET_SHEET, GROUPS_SHEET, STATE_ROW, SUMMARY_SHEET, results_xlsx_bytes};
use integrationsplan::{sample, simulate};
use std::io::Cursor;

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(x) => *x,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

/// Excel's serial date of the first of `month` (1900 date system).
fn serial(cell: &Data) -> f64 {
    match cell {
        Data::DateTime(d) => d.as_f64(),
        Data::Float(x) => *x,
        other => panic!("expected a date, found {other:?}"),
    }
}

#[test]
fn the_workbook_reads_back_as_the_engines_numbers() {
    let plan = sample::nrw_2025().unwrap().plan;
    let results = simulate(&plan);
    let bytes = results_xlsx_bytes(&results).unwrap();
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names.len(), 3 + results.scenarios.len());
    assert_eq!(names[0], SUMMARY_SHEET);
    assert_eq!(names[1], BUDGET_SHEET);
    assert_eq!(names[2], GROUPS_SHEET);

    // Groups: a row per scenario, planning year and domain, the engine's whole groups.
    let groups = workbook.worksheet_range(GROUPS_SHEET).unwrap();
    let mut row = 1;
    for scenario in &results.scenarios {
        for year in &scenario.planning_years {
            for figures in &year.domains {
                assert_eq!(groups.get((row, 1)).unwrap(), &Data::String(year.span.name.clone()));
                assert_eq!(groups.get((row, 4)).unwrap(), &Data::String(figures.id.clone()));
                match &figures.groups {
                    Some(g) => assert_eq!(number(groups.get((row, 10)).unwrap()), g.groups_missing),
                    None => assert!(matches!(groups.get((row, 10)), None | Some(Data::Empty))),
                }
                row += 1;
            }
        }
    }
    assert!(row > 10, "the sample has planning years with groups");

    // Summary: one row per scenario and domain, peak shortage and place-months exact.
    let summary = workbook.worksheet_range(SUMMARY_SHEET).unwrap();
    let mut row = 3;
    for scenario in &results.scenarios {
        for domain in &scenario.domains {
            assert_eq!(summary.get((row, 0)).unwrap(), &Data::String(scenario.name.clone()));
            assert_eq!(summary.get((row, 1)).unwrap(), &Data::String(domain.id.clone()));
            assert_eq!(number(summary.get((row, 3)).unwrap()), domain.indicators.peak_shortage);
            assert_eq!(number(summary.get((row, 5)).unwrap()), domain.indicators.shortage_place_months);
            row += 1;
        }
    }

    // Each scenario sheet: state rows first, then every region; demand, capacity, gap exact.
    for (scenario, name) in results.scenarios.iter().zip(names.iter().skip(3)) {
        let sheet = workbook.worksheet_range(name).unwrap();
        let months = results.months.len();
        let domains = results.domain_ids.len();
        assert_eq!(sheet.height(), 1 + months * domains * (1 + results.region_ids.len()));
        let first_month = serial(sheet.get((1, 0)).unwrap());
        let second_month = serial(sheet.get((2, 0)).unwrap());
        assert!((28.0..=31.0).contains(&(second_month - first_month)), "months are dates a month apart");
        for (d, domain) in scenario.domains.iter().enumerate() {
            for t in [0, months / 2, months - 1] {
                let row = 1 + d * months + t;
                assert_eq!(sheet.get((row, 1)).unwrap(), &Data::String(STATE_ROW.into()));
                assert_eq!(number(sheet.get((row, 3)).unwrap()), domain.demand[t]);
                assert_eq!(number(sheet.get((row, 4)).unwrap()), domain.capacity[t]);
                assert_eq!(number(sheet.get((row, 5)).unwrap()), -domain.shortage[t]);
            }
        }
        let region = results.region_ids.len() - 1;
        let d = domains - 1;
        let t = months - 1;
        let row = 1 + months * domains * (1 + region) + d * months + t;
        assert_eq!(sheet.get((row, 1)).unwrap(), &Data::String(results.region_ids[region].clone()));
        assert_eq!(number(sheet.get((row, 3)).unwrap()), scenario.region_demand(region, d)[t]);
        assert_eq!(number(sheet.get((row, 4)).unwrap()), scenario.regions[region].domains[d].capacity[t]);
    }
}

#[test]
fn the_budget_sheet_holds_cost_by_funding_budget_and_the_unsecured_amount_per_year() {
    let plan = sample::nrw_2025().unwrap().plan;
    let results = simulate(&plan);
    let bytes = results_xlsx_bytes(&results).unwrap();
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range(BUDGET_SHEET).unwrap();
    for (c, header) in BUDGET_HEADERS.iter().enumerate() {
        assert_eq!(sheet.get((0, c)).unwrap(), &Data::String((*header).into()));
    }
    let mut row = 1;
    let mut over_budget_years = 0;
    for scenario in &results.scenarios {
        for ((year, costs), (_, total)) in scenario.cost_per_year_by_funding.iter().zip(&scenario.cost_per_year) {
            assert_eq!(sheet.get((row, 0)).unwrap(), &Data::String(scenario.name.clone()));
            assert_eq!(number(sheet.get((row, 1)).unwrap()), f64::from(*year));
            assert_eq!(number(sheet.get((row, 2)).unwrap()), costs.secured_eur);
            assert_eq!(number(sheet.get((row, 3)).unwrap()), costs.planned_eur);
            assert_eq!(number(sheet.get((row, 4)).unwrap()), costs.open_eur);
            assert!((number(sheet.get((row, 5)).unwrap()) - total).abs() < 1e-3);
            assert_eq!(number(sheet.get((row, 8)).unwrap()), costs.open_eur);
            match plan.budget.iter().find(|b| b.year == *year) {
                Some(budget) => {
                    assert!((number(sheet.get((row, 6)).unwrap()) - budget.eur).abs() < 1e-3);
                    let balance = number(sheet.get((row, 7)).unwrap());
                    assert!((balance - (budget.eur - total)).abs() < 1e-3);
                    over_budget_years += usize::from(balance < 0.0);
                }
                None => assert!(matches!(sheet.get((row, 6)), None | Some(Data::Empty))),
            }
            row += 1;
        }
    }
    assert_eq!(sheet.height(), row);
    assert!(over_budget_years > 0, "the sample has years over budget");
}
