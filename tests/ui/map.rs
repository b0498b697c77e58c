//! The map view in the whole workbench: reached by its tab, the ranking's click selects the
//! region everywhere, boundaries picked by path fill the map, the ranking goes to CSV.

use super::harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::{Action, CentralView};
use integrationsplan::ui::files::PickPurpose;

#[test]
fn the_karte_tab_ranks_53_districts_and_a_row_selects_the_region_in_the_workbench() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Karte").click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("53 Regionen").is_some());
    let first = harness.state().panels.map.ranking_ids().first().cloned().unwrap();
    let name = harness.state().session.plan().regions.iter().find(|r| r.id == first).unwrap().name.clone();
    let row = harness.get_all_by_label(&name).last().unwrap();
    row.click();
    harness.run();
    assert_eq!(harness.state().selection.region_id.as_deref(), Some(first.as_str()));
    harness.get_by_label("Diagramme").click();
    harness.run();
    assert!(harness.query_all_by_label_contains(&name).next().is_some(), "the plots show the region chosen on the map");
}

#[test]
fn boundaries_picked_by_path_are_remembered_in_the_settings_and_fill_the_map() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kreise.geojson");
    let plan = integrationsplan::sample::nrw_2025().unwrap().plan;
    let features: Vec<String> = plan
        .regions
        .iter()
        .filter_map(|r| {
            let l = r.location.as_ref()?;
            let (x, y, d) = (l.lon, l.lat, 0.05);
            Some(format!(
                r#"{{"type":"Feature","properties":{{"GEN":"{}"}},"geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}]]]}}}}"#,
                r.name,
                x - d,
                y - d,
                x + d,
                y - d,
                x,
                y + d,
                x - d,
                y - d
            ))
        })
        .collect();
    std::fs::write(&path, format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))).unwrap();

    let mut harness = harness();
    harness.state_mut().handle(Action::ShowView(CentralView::Map));
    harness.state_mut().handle(Action::UsePath(PickPurpose::LoadBoundaries, path.clone()));
    assert_eq!(harness.state().settings.boundaries_path.as_deref(), Some(path.as_path()), "remembered in the settings");
    // `step` while the job runs: its repaints must not count against `run`'s step limit.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    harness.step();
    while harness.state().panels.map.boundaries.is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    let boundaries = harness.state().panels.map.boundaries.as_ref().expect("loaded");
    assert_eq!(boundaries.matched.matched(), 53);
    assert!(harness.query_by_label("Kreise statt Flächen").is_some());
    harness.get_by_label("Kreise statt Flächen").click();
    harness.run();
    harness.run();
    assert!(harness.state().settings.boundaries_path.is_none());
    assert!(harness.state().panels.map.boundaries.is_none(), "circles again");

    let csv = folder.path().join("rangliste");
    harness.state_mut().handle(Action::UsePath(PickPurpose::ExportRanking, csv.clone()));
    let text = std::fs::read_to_string(csv.with_extension("csv")).unwrap();
    assert!(text.starts_with("\u{feff}Rang;Region;Kennung;Erster Engpass;"));
    assert_eq!(text.lines().count(), 54, "a header and 53 districts");
}
