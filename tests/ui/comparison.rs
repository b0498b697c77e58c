//! The comparison: the scenarios ticked under "Vergleich …" are drawn over each other and
//! stand side by side in the indicator and cost tables; the others are left out.

use super::{click, harness};
use egui_kittest::kittest::Queryable;

#[test]
fn ticking_scenarios_for_comparison_changes_plots_and_tables() {
    let mut harness = harness();
    harness.run();
    let names: Vec<String> = harness.state().session.plan().scenarios.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names.len(), 3);
    // All three are compared at the start: each is named in the legend and the tables.
    for name in &names {
        assert!(harness.query_all_by_label(name).count() >= 2, "{name} in legend and tables");
    }

    click(&mut harness, "Vergleich …");
    // The plot legend has a checkbox of that name too; the popup's is the other one.
    let boxes: Vec<_> = harness.query_all_by_role_and_label(egui::accesskit::Role::CheckBox, &names[2]).collect();
    assert_eq!(boxes.len(), 2, "legend and comparison popup");
    boxes[0].click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection.compared_ids.len(), 2);
    assert!(!app.selection.compared_ids.contains(&app.session.plan().scenarios[2].id));
    assert_eq!(harness.query_all_by_label(&names[2]).count(), 0, "an unticked scenario is gone from plots and tables");
    assert!(harness.query_all_by_label(&names[1]).count() >= 2, "the compared one stays");
}
