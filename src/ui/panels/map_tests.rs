use super::*;
use crate::ui::panels::testing::{Bench, bench, click};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn shown(harness: &mut Harness<'_, Bench<MapPanel>>) -> Vec<String> {
    harness.run();
    harness.state().panel.ranking_ids()
}

/// A GeoJSON of squares around the sample's district centres in UTM 32N metres, named the way
/// the official data names them: most by name (some as `…, Stadt`), some by region id; and one
/// area that fits no region.
pub fn generated_geojson(plan: &crate::model::Plan) -> String {
    let mut features = Vec::new();
    for (i, region) in plan.regions.iter().enumerate() {
        let Some(location) = &region.location else { continue };
        let (e, n) = crate::geo::utm::to_utm32n(LonLat { lon: location.lon, lat: location.lat });
        let d = 6000.0;
        let ring = format!(
            "[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]",
            e - d,
            n - d,
            e + d,
            n - d,
            e + d,
            n + d,
            e - d,
            n + d,
            e - d,
            n - d
        );
        let properties = match i % 3 {
            0 => format!(r#"{{"GEN":"{}","BEZ":"Kreis"}}"#, region.name),
            1 => format!(r#"{{"GEN":"{}, Stadt"}}"#, region.name),
            _ => format!(r#"{{"key":"{}"}}"#, region.id),
        };
        features.push(format!(
            r#"{{"type":"Feature","properties":{properties},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}"#
        ));
    }
    features.push(
        r#"{"type":"Feature","properties":{"GEN":"Atlantis"},"geometry":{"type":"Polygon","coordinates":[[[300000,5600000],[301000,5600000],[301000,5601000],[300000,5600000]]]}}"#
            .to_owned(),
    );
    format!(
        r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::25832"}}}},"features":[{}]}}"#,
        features.join(",")
    )
}

fn wait_for_load(harness: &mut Harness<'_, Bench<MapPanel>>) {
    // `step`, not `run`: while the job is busy the panel asks for repaints, which `run` counts
    // against its step limit (a loaded machine would then fail the test, not the code).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    harness.step();
    while harness.state().panel.is_loading() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

#[test]
fn the_map_ranks_the_53_districts_of_the_sample() {
    let mut harness = bench(MapPanel::default());
    harness.run();
    assert!(harness.query_by_label("53 Regionen").is_some());
    assert_eq!(shown(&mut harness).len(), 53);
    assert!(harness.state().panel.rect.is_some(), "the map was drawn");
    assert!(harness.query_by_label("Ohne Ort auf der Karte:").is_none(), "every district has its centre");
}

#[test]
fn the_figure_picker_changes_the_order() {
    let mut harness = bench(MapPanel::default());
    let by_peak = shown(&mut harness);
    click(&mut harness, "Fehlende Plätze je 1.000 Einwohner");
    assert_eq!(harness.state().panel.figure, Figure::PerThousand);
    let per_thousand = shown(&mut harness);
    assert_ne!(by_peak, per_thousand);
    let rows = crate::ranking::region_figures(
        harness.state().session.plan(),
        harness.state().session.results().scenarios.first().expect("a scenario"),
        0,
    );
    let value = |id: &String| rows.iter().find(|r| r.id == *id).map_or(0.0, |r| r.per_thousand);
    assert!(per_thousand.windows(2).all(|w| value(&w[0]) >= value(&w[1])), "largest first");
}

#[test]
fn a_column_header_sorts_and_a_second_click_reverses() {
    let mut harness = bench(MapPanel::default());
    harness.run();
    click(&mut harness, "Anteil Zugänge");
    let by_share = shown(&mut harness);
    let shares = &harness.state().session.results().shares;
    let ids = &harness.state().session.results().region_ids;
    let share = |id: &String| ids.iter().position(|r| r == id).and_then(|i| shares.get(i)).copied().unwrap_or(0.0);
    assert!(by_share.windows(2).all(|w| share(&w[0]) >= share(&w[1])));
    click(&mut harness, "Anteil Zugänge");
    let reversed = shown(&mut harness);
    assert_eq!(reversed.first(), by_share.last());
    click(&mut harness, "Region");
    let by_name = shown(&mut harness);
    assert_eq!(by_name.first().map(String::as_str), Some("bielefeld"));
}

#[test]
fn a_click_on_a_ranking_row_selects_the_region() {
    let mut harness = bench(MapPanel::default());
    let first = shown(&mut harness).first().cloned().expect("a row");
    let name = harness.state().session.plan().regions.iter().find(|r| r.id == first).map(|r| r.name.clone()).expect("region");
    click(&mut harness, &name);
    assert_eq!(harness.state().actions, vec![Action::SelectRegion(Some(first))]);
}

#[test]
fn generated_boundaries_in_utm_fill_the_regions_as_areas() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("kreise.geojson");
    let plan = crate::sample::nrw_2025().expect("sample").plan;
    std::fs::write(&path, generated_geojson(&plan)).expect("written");
    let mut harness = bench(MapPanel::default());
    harness.state_mut().settings.boundaries_path = Some(path.clone());
    wait_for_load(&mut harness);
    let panel = &harness.state().panel;
    let boundaries = panel.boundaries.as_ref().expect("boundaries loaded");
    assert_eq!(boundaries.path, path);
    assert_eq!(boundaries.matched.matched(), 53, "every district found by name, by `…, Stadt` or by id");
    assert_eq!(boundaries.matched.unmatched_features, vec!["Atlantis".to_owned()]);
    assert!(panel.messages.iter().any(|m| m.contains("Atlantis")), "the unmatched area is reported");
    assert!(harness.query_by_label("Kreise statt Flächen").is_some());
    click(&mut harness, "Kreise statt Flächen");
    assert_eq!(harness.state().actions, vec![Action::SetBoundaries(None)]);
}

#[test]
fn a_bad_boundary_file_is_reported_and_forgotten() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("kaputt.geojson");
    std::fs::write(&path, r#"{"type":"Feature"}"#).expect("written");
    let mut harness = bench(MapPanel::default());
    harness.state_mut().settings.boundaries_path = Some(path);
    wait_for_load(&mut harness);
    assert!(harness.state().panel.boundaries.is_none());
    let messages = harness.state().panel.messages.join("\n");
    assert!(messages.contains("Grenzen nicht geladen") && messages.contains("keine GeoJSON-FeatureCollection"), "{messages}");
    assert_eq!(harness.state().actions, vec![Action::SetBoundaries(None)]);
}

#[test]
fn regions_without_a_location_are_listed_beside_the_map() {
    let mut harness = bench(MapPanel::default());
    let mut plan = harness.state().session.plan().clone();
    plan.regions[0].location = None;
    let name = plan.regions[0].name.clone();
    harness.state_mut().session = crate::ui::session::Session::new(plan, None, "ohne-ort.json".into());
    // As after opening a plan in the app: the panels start afresh.
    harness.state_mut().panel = MapPanel::default();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Ohne Ort auf der Karte:").is_some());
    assert!(harness.query_by_label(&name).is_some());
}

#[test]
fn the_map_buttons_ask_for_a_picture_boundaries_and_the_csv() {
    let mut harness = bench(MapPanel::default());
    harness.run();
    click(&mut harness, "PNG");
    click(&mut harness, "Grenzen laden …");
    click(&mut harness, "Rangliste als CSV …");
    assert_eq!(
        harness.state().actions,
        vec![
            Action::AskSnapshot(SnapshotTarget::Map),
            Action::Pick(PickPurpose::LoadBoundaries),
            Action::Pick(PickPurpose::ExportRanking)
        ]
    );
}

#[test]
fn a_narrow_view_puts_the_ranking_under_a_full_width_map() {
    let mut harness = egui_kittest::Harness::builder().with_size([700.0, 900.0]).build_ui_state(
        |ui, bench: &mut Bench<MapPanel>| {
            let ctx = PanelCtx::new(&bench.session, &bench.selection, &bench.settings);
            let actions = bench.panel.ui(ui, &ctx);
            bench.actions.extend(actions);
        },
        Bench::on_sample(MapPanel::default()),
    );
    harness.run();
    let map = harness.state().panel.rect.expect("the map was drawn");
    assert!(map.width() > 600.0, "the map takes the whole width: {map:?}");
    let ranking = harness.get_by_label("53 Regionen").rect();
    assert!(ranking.min.y >= map.max.y, "the ranking stands under the map");
}

#[test]
fn boundary_load_errors_are_said_in_the_windows_language_with_the_limit() {
    use crate::ui::i18n::{ENGLISH, GERMAN};
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let Err(error) = geo::read_boundaries(folder.path()) else { panic!("a folder was read") };
    let german = load_error_text(&GERMAN, &error);
    assert_eq!(german, "das ist ein Ordner, keine Datei");
    assert!(!german.contains("os error") && !german.contains("directory"), "{german}");
    let Err(missing) = geo::read_boundaries(&folder.path().join("fehlt.geojson")) else { panic!("read") };
    assert_eq!(load_error_text(&GERMAN, &missing), "Datei nicht gefunden");
    let other = BoundaryLoadError::Read { problem: ReadProblem::Other, reason: "Input/output error (os error 5)".into() };
    assert_eq!(load_error_text(&GERMAN, &other), "Datei nicht lesbar, Fehlercode des Betriebssystems 5");
    let too_large = BoundaryLoadError::TooLarge { limit_bytes: geo::geojson::MAX_FILE_BYTES };
    assert_eq!(load_error_text(&GERMAN, &too_large), "Datei zu groß (erlaubt sind höchstens 256 MiB)");
    assert_eq!(load_error_text(&ENGLISH, &too_large), "file too large (the limit is 256 MiB)");
    let far = BoundaryLoadError::GeoJson(GeoJsonError::OutOfRange(1e308, 51.0));
    assert_eq!(load_error_text(&GERMAN, &far), "Koordinaten weder in Grad noch in UTM 32N: 1e308, 51");
}
