//! The budget view (issue 12, SPEC §6): a tab of the central area with the cost by funding per
//! year against the budget and the unsecured amount of every year written out.

use super::{click, harness};
use egui_kittest::kittest::Queryable;
use integrationsplan::engine::budget_rows;
use integrationsplan::ui::action::Action;
use integrationsplan::ui::i18n::Language;

#[test]
fn the_budget_tab_writes_out_what_is_not_yet_secured() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Haushalt");
    let app = harness.state();
    let results = app.session.scenario_results(&app.selection.scenario_id).unwrap();
    let rows = budget_rows(results);
    let row = rows.iter().find(|r| r.year == 2027).unwrap();
    let sentence = format!("2027: {} noch nicht gesichert", Language::German.money(row.open_eur));
    assert!(harness.query_all_by_label(&sentence).next().is_some(), "{sentence}");
    assert!(rows.iter().any(|r| r.over_budget()), "the sample has a year over budget");
    assert!(harness.query_all_by_label_contains("über Budget").next().is_some(), "years over budget are marked");

    harness.state_mut().handle(Action::SetLanguage(Language::English));
    harness.run();
    let sentence = format!("2027: {} not yet secured", Language::English.money(row.open_eur));
    assert!(harness.query_all_by_label(&sentence).next().is_some(), "{sentence}");
}
