//! Issue 20, the workshop path: money typed as planners write it, closures visible as such.

use super::{edit_cell, filter_measures, harness, measure_index};
use egui_kittest::kittest::Queryable;

/// Point 9: "2,5 Mio", "2,5 Mio. €", "900 T€" and "1.500.000 €" are amounts; a text that is none
/// keeps the focus in its cell and says why under it.
#[test]
fn money_cells_read_mio_and_t_euro_and_keep_the_focus_on_a_bad_amount() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    let index = measure_index(harness.state(), name);
    filter_measures(&mut harness, name);
    let once = format!("Einmalkosten €: {name}");
    let yearly = format!("Kosten/Jahr €: {name}");
    for (typed, euros) in [("2,5 Mio", 2_500_000.0), ("2,5 Mio. €", 2_500_000.0), ("1.500.000 €", 1_500_000.0)] {
        edit_cell(&mut harness, &once, typed);
        assert_eq!(harness.state().session.plan().measures[index].cost_once_eur, euros, "{typed}");
    }
    edit_cell(&mut harness, &yearly, "900 T€");
    assert_eq!(harness.state().session.plan().measures[index].cost_per_year_eur, 900_000.0);

    edit_cell(&mut harness, &once, "zwei Mio");
    harness.run();
    assert_eq!(harness.state().session.plan().measures[index].cost_once_eur, 1_500_000.0, "the plan keeps its value");
    assert!(harness.get_by_label(&once).is_focused(), "the focus stays in the cell");
    assert!(
        harness.query_by_label("⚠ kein Betrag (z. B. 2,5 Mio, 900 T€ oder 1.500.000 €)").is_some(),
        "the reason is shown under the cell"
    );
}

/// Point 10: a negative number of places is allowed (a closure) and said so in the table.
#[test]
fn a_negative_number_of_places_reads_as_a_closure() {
    let mut harness = harness();
    harness.run();
    let name = "Kita Neubau Köln-Kalk";
    let index = measure_index(harness.state(), name);
    filter_measures(&mut harness, name);
    assert!(harness.query_by_label("schließt 100 Plätze").is_none());
    edit_cell(&mut harness, &format!("Plätze: {name}"), "-100");
    assert_eq!(harness.state().session.plan().measures[index].places, -100.0);
    assert!(harness.query_by_label("schließt 100 Plätze").is_some(), "the closure is visible in the row");
}
