//! Issue 20, the room's view: presentation at 1280×720 and 1024×768 with four scenarios and the
//! bands, the probability under a region, "where first?", shortage areas and pictures with
//! bands, one language at a time, the mix dialog with a goal per domain, the measures table.

use super::harness;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use integrationsplan::ui::action::{Action, CentralView};
use integrationsplan::ui::app::App;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::settings::Settings;
use std::time::{Duration, Instant};

/// The sample with a fourth scenario (a copy of the first), all four compared.
fn app_with_four_scenarios(settings: Settings) -> App {
    let mut app = App::with_sample(settings);
    let mut fourth = app.session.plan().scenarios[0].clone();
    fourth.id = "basis-plus".to_owned();
    fourth.name = "Basis mit Kita-Offensive".to_owned();
    fourth.color = None;
    fourth.arrival_factor = 1.2;
    let at = app.session.plan().scenarios.len();
    app.handle(Action::Edit(Command::InsertScenario(at, fourth)));
    app.handle(Action::CompareScenario("basis-plus".to_owned(), true));
    app
}

/// `app` in a window of `size` points.
fn window(app: App, size: [f32; 2]) -> Harness<'static, App> {
    let mut harness = Harness::builder().with_size(size).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

/// Steps until the runs of the bands are done (or a minute has passed).
fn wait_for_bands(harness: &mut Harness<'_, App>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    harness.step();
    while harness.state().session.bands().is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

/// Presentation mode at `size` with four scenarios compared and the bands on and computed.
fn presenting_four_with_bands(size: [f32; 2]) -> Harness<'static, App> {
    let settings = Settings { band_runs: 20, ..Settings::default() };
    let mut harness = window(app_with_four_scenarios(settings), size);
    harness.state_mut().handle(Action::SetPresentation(true));
    harness.state_mut().handle(Action::SetBands(true));
    wait_for_bands(&mut harness);
    harness
}

/// Every text painted in the last frame: its text, its rect, its clip rect and its font size.
fn painted_texts(harness: &Harness<'_, App>) -> Vec<(String, egui::Rect, egui::Rect, f32)> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<(String, egui::Rect, egui::Rect, f32)>) {
        match shape {
            egui::Shape::Text(text) => {
                let size = text.galley.job.sections.iter().map(|s| s.format.font_id.size).fold(f32::INFINITY, f32::min);
                let rect = text.galley.rect.translate(text.pos.to_vec2());
                out.push((text.galley.text().to_owned(), rect, clip, size));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    harness.output().shapes.iter().for_each(|clipped| walk(&clipped.shape, clipped.clip_rect, &mut out));
    out
}

/// Point 4: at 1280×720 with four scenarios and the bands, the chosen domain's plot has its
/// whole month axis, and the whole indicator table (every scenario, the last column) is on the
/// screen without scrolling, its names not cut by a sideways scroll of the desk view.
#[test]
fn presentation_at_1280_shows_the_plot_with_its_month_axis_and_the_whole_indicator_table() {
    let settings = Settings { band_runs: 20, ..Settings::default() };
    let mut harness = window(app_with_four_scenarios(settings), [1280.0, 720.0]);
    // At the desk the narrow indicator table is scrolled sideways, to its last column.
    let heading = harness.get_by_label("Kennzahlen – NRW gesamt").rect();
    harness.hover_at(heading.center() + egui::vec2(0.0, 40.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(8);
    harness.state_mut().handle(Action::SetPresentation(true));
    harness.state_mut().handle(Action::SetBands(true));
    wait_for_bands(&mut harness);

    let screen = harness.ctx.content_rect();
    let zoom = harness.ctx.zoom_factor();
    let app = harness.state();
    assert_eq!(app.panel_ctx().drawn_scenarios().len(), 4, "four scenarios compared");
    assert!(app.session.bands().of("basis-plus").is_some(), "the bands are computed");
    let title = harness.get_by_label_contains("(Plätze)").rect();
    let heading = harness.get_by_label("Kennzahlen – NRW gesamt").rect();
    assert!(screen.contains_rect(heading), "the indicator heading is on the screen: {heading:?}");

    // The month axis: every January label is painted whole, inside its clip, above the table.
    let months: Vec<(String, egui::Rect, egui::Rect, f32)> = painted_texts(&harness)
        .into_iter()
        .filter(|(text, rect, _, _)| text.starts_with("01/20") && rect.top() > title.bottom() && rect.bottom() < heading.top())
        .collect();
    assert!(months.len() >= 3, "the month axis is labelled: {months:?}");
    for (text, rect, clip, _) in &months {
        assert!(clip.contains_rect(*rect) && screen.contains_rect(*rect), "{text} is cut: {rect:?} in {clip:?}");
    }
    let plot_pixels = (months[0].1.top() - title.bottom()) * zoom;
    assert!(plot_pixels >= 200.0, "the plot is tall enough to read: {plot_pixels} px");

    // The whole table: each scenario's row, whole, from its left edge, and the last column.
    for scenario in harness.state().session.plan().scenarios.clone() {
        let rows: Vec<egui::Rect> = harness.get_all_by_label(&scenario.name).map(|n| n.rect()).collect();
        let row = rows.iter().find(|r| r.top() > heading.bottom());
        let row = row.unwrap_or_else(|| panic!("{} has a row: {rows:?}", scenario.name));
        assert!(screen.contains_rect(*row), "{} on the screen: {row:?}", scenario.name);
        assert!(row.left() >= heading.left() - 1.0, "{} is not scrolled sideways: {row:?}", scenario.name);
    }
    let last = harness.get_by_label("Engpass-Wahrscheinlichkeit").rect();
    assert!(screen.contains_rect(last), "the last column is not cut: {last:?} in {screen:?}");
    // As painted: every text of the table whole inside its clip (a node's rect is clipped).
    let texts = painted_texts(&harness);
    let header = texts.iter().find(|(text, ..)| text.contains("Wahrscheinlichkeit")).expect("the header is painted");
    assert!(header.2.contains_rect(header.1) && screen.contains_rect(header.1), "the last header is cut: {header:?}");
    for scenario in harness.state().session.plan().scenarios.clone() {
        let painted = texts.iter().filter(|(text, rect, ..)| *text == scenario.name && rect.top() > heading.bottom());
        for (text, rect, clip, _) in painted {
            assert!(clip.expand(0.5).contains_rect(*rect), "{text} is cut: {rect:?} in {clip:?}");
        }
    }
    let probabilities: Vec<egui::Rect> =
        harness.get_all_by_label_contains(" %").map(|n| n.rect()).filter(|r| r.top() > last.bottom()).collect();
    assert!(probabilities.len() >= 4, "a probability per scenario: {probabilities:?}");
    assert!(probabilities.iter().all(|r| screen.contains_rect(*r)), "{probabilities:?}");
}

/// Point 5: at 1024×768 no text of the presentation is under 16 pixels, the map's legend
/// leaves Köln, Aachen and Bonn free, and the budget table shows "Saldo" and the column after it.
#[test]
fn presentation_at_1024_by_768_is_readable_and_nothing_is_covered_or_cut() {
    let mut harness = presenting_four_with_bands([1024.0, 768.0]);
    let screen = harness.ctx.content_rect();
    let zoom = harness.ctx.zoom_factor();
    let small: Vec<(String, f32)> = painted_texts(&harness)
        .into_iter()
        .filter(|(text, ..)| !text.trim().is_empty())
        .map(|(text, _, _, size)| (text, size * zoom))
        .filter(|(_, pixels)| *pixels < 15.99)
        .collect();
    assert!(small.is_empty(), "text under 16 px at zoom {zoom}: {small:?}");
    // The larger text still leaves the indicator table whole (it drops its domain column,
    // which the plot's title names).
    harness.run_steps(3);
    let texts = painted_texts(&harness);
    let header = texts.iter().find(|(text, ..)| text.contains("Wahrscheinlichkeit")).expect("the header is painted");
    assert!(header.2.contains_rect(header.1) && screen.contains_rect(header.1), "the last header is cut: {header:?}");

    harness.state_mut().handle(Action::ShowView(CentralView::Map));
    harness.run();
    let small: Vec<(String, f32)> = painted_texts(&harness)
        .into_iter()
        .filter(|(text, ..)| !text.trim().is_empty())
        .map(|(text, _, _, size)| (text, size * zoom))
        .filter(|(_, pixels)| *pixels < 15.99)
        .collect();
    assert!(small.is_empty(), "map text under 16 px: {small:?}");
    let map = &harness.state().panels.map;
    let legend = map.legend_rect.expect("a legend is drawn");
    for id in ["koeln", "staedteregion-aachen", "bonn"] {
        let (_, at, radius) = map.region_points.iter().find(|(region, ..)| region == id).expect("drawn").clone();
        assert!(!legend.expand(radius).contains(at), "the legend {legend:?} covers {id} at {at:?}");
    }

    harness.state_mut().handle(Action::ShowView(CentralView::Budget));
    harness.run();
    for label in ["Saldo", "noch nicht gesichert"] {
        let cells: Vec<egui::Rect> = harness.get_all_by_label(label).map(|n| n.rect()).collect();
        assert!(!cells.is_empty(), "{label}");
        assert!(cells.iter().all(|r| r.right() <= screen.right()), "{label} is cut: {cells:?} in {screen:?}");
    }
}

/// Point 6: under a region the probability cell itself says that it is the state's.
#[test]
fn the_probability_under_a_region_says_state_wide_in_its_own_cell() {
    let mut harness = harness();
    harness.state_mut().settings.band_runs = 20;
    harness.state_mut().handle(Action::SetBands(true));
    wait_for_bands(&mut harness);
    let leading = harness.state().selection.scenario_id.clone();
    let share = harness.state().session.bands().of(&leading).unwrap().domains[0].any_shortage_probability;
    let percent = integrationsplan::ui::i18n::Language::German.percent(share);
    assert!(harness.query_by_label(&format!("{percent} (landesweit)")).is_none(), "the state's own view needs no note");
    harness.state_mut().handle(Action::SelectRegion(Some("koeln".to_owned())));
    harness.run();
    assert!(harness.query_by_label("Kennzahlen – Köln").is_some());
    assert!(
        harness.query_all_by_label(&format!("{percent} (landesweit)")).next().is_some(),
        "{percent} (landesweit) in the cell"
    );
    assert!(harness.query_by_label("Engpass-Wahrscheinlichkeit").is_some(), "the header stays short");
}

/// Point 7: the start screen at 1280×720 names the three districts that run short first, on
/// the screen; asked from there, the map ranks by first shortage, shows more than five rows and
/// scrolls to a region selected elsewhere.
#[test]
fn where_first_is_answered_on_the_start_screen_and_the_ranking_follows() {
    let mut harness = window(App::with_sample(Settings::default()), [1280.0, 720.0]);
    let screen = harness.ctx.content_rect();
    let app = harness.state();
    let results = app.session.results();
    let first = integrationsplan::ui::panels::indicators::first_short_regions(
        results,
        app.session.plan(),
        &app.selection.scenario_id,
        0,
        3,
    );
    assert_eq!(first.len(), 3);
    let names: Vec<String> = first
        .iter()
        .map(|(t, r)| {
            let month = integrationsplan::ui::i18n::Language::German.month(results.months[*t]);
            format!("{} ({month})", app.session.plan().regions[*r].name)
        })
        .collect();
    let heading = harness.get_all_by_label("Zuerst knapp:").next().expect("the line is there").rect();
    assert!(screen.contains_rect(heading), "where the eye lands: {heading:?}");
    for name in &names {
        let entry = harness.get_all_by_label(name).next().unwrap_or_else(|| panic!("{name} is named")).rect();
        assert!(screen.contains_rect(entry), "{name} on the screen: {entry:?}");
    }

    harness.get_all_by_label("Rangliste ➡").next().expect("a way to the ranking").click();
    harness.run_steps(6);
    let app = harness.state();
    assert_eq!(app.panels.map.sort, integrationsplan::ranking::SortColumn::FirstShortage);
    let ranking = app.panels.map.ranking_ids();
    let first_id = app.session.plan().regions[first[0].1].id.clone();
    assert_eq!(ranking.first(), Some(&first_id), "earliest first");
    let region_name = |harness: &Harness<'_, App>, id: &str| {
        harness.state().session.plan().regions.iter().find(|r| r.id == id).unwrap().name.clone()
    };
    let shown = ranking
        .iter()
        .filter(|id| harness.query_all_by_label(&region_name(&harness, id)).any(|n| screen.contains_rect(n.rect())))
        .count();
    assert!(shown > 5, "{shown} rows of the ranking on the screen");

    let last = ranking.last().unwrap().clone();
    harness.state_mut().handle(Action::SelectRegion(Some(last.clone())));
    harness.run_steps(10);
    let name = region_name(&harness, &last);
    let rows: Vec<egui::Rect> = harness.query_all_by_label(&name).map(|n| n.rect()).collect();
    assert!(rows.iter().any(|r| screen.contains_rect(*r)), "the ranking scrolled to {name}: {rows:?}");
}

/// Point 8: a picture of a plot exported while the bands are on carries them.
#[test]
fn a_plot_picture_carries_the_bands_when_they_are_on() {
    let mut harness = harness();
    assert!(harness.state().picture_request().bands.is_empty(), "no bands while they are off");
    harness.state_mut().settings.band_runs = 20;
    harness.state_mut().handle(Action::SetBands(true));
    wait_for_bands(&mut harness);
    let app = harness.state();
    let request = app.picture_request();
    for shown in &request.scenarios {
        assert!(request.bands.iter().any(|b| b.scenario_id == shown.id && b.domain_id == "kita"), "{}", shown.id);
    }
    let spec = integrationsplan::picture::ChartSpec::build(&request);
    assert!(spec.has_bands());
}

/// Point 11: a cut plan opened in the English window says why in English words, never the
/// parser's ("EOF while parsing a string"), with line and column.
#[test]
fn a_cut_plan_in_the_english_window_is_explained_in_english() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("cut.json");
    std::fs::write(&path, "{\n  \"format\": \"integrationsplan\",\n  \"meta\": { \"title\": \"NRW").unwrap();
    let settings = Settings { language: integrationsplan::ui::i18n::Language::English, ..Settings::default() };
    let mut harness = window(App::with_sample(settings), [1280.0, 720.0]);
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(harness.query_all_by_label_contains("EOF").next().is_none(), "no parser words");
    assert!(harness.query_all_by_label_contains("line 3, column").next().is_some(), "line and column are kept");
    assert!(harness.query_all_by_label_contains("a text in quotes is not closed").next().is_some());
}

/// Point 11: a status written in German goes when the window switches to English.
#[test]
fn a_status_in_the_old_language_goes_with_a_language_switch() {
    use integrationsplan::ui::files::PickPurpose;
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.state_mut().handle(Action::UsePath(PickPurpose::ExportCsv, folder.path().join("zahlen.csv")));
    harness.run();
    assert!(harness.query_all_by_label_contains("Exportiert").next().is_some(), "the export is reported");
    harness.state_mut().handle(Action::SetLanguage(integrationsplan::ui::i18n::Language::English));
    harness.run();
    assert!(harness.query_all_by_label_contains("Exportiert").next().is_none(), "no German left in the English window");
}

/// Point 11: one month format and one percent format per language, the same in window and
/// pictures.
#[test]
fn months_and_percentages_are_written_one_way_per_language() {
    use integrationsplan::ui::i18n::Language;
    let month = integrationsplan::model::Month::parse("2025-08").unwrap();
    assert_eq!(Language::English.month(month), "08/2025");
    assert_eq!(Language::German.month(month), "08/2025");
    assert_eq!(integrationsplan::picture::text::axis_month(month), Language::English.month(month));
    assert_eq!(Language::German.percent_with(0.08, 1), "8,0 %");
    assert_eq!(Language::English.percent_with(0.08, 1), "8.0%");
    assert_eq!(Language::English.percent(1.0), "100%");
    // The ranking of the English window writes its shares so, too.
    let settings = Settings { language: Language::English, ..Settings::default() };
    let mut harness = window(App::with_sample(settings), [1600.0, 900.0]);
    harness.state_mut().handle(Action::ShowView(CentralView::Map));
    harness.run();
    let spaced: Vec<String> = painted_texts(&harness).into_iter().map(|(text, ..)| text).filter(|t| t.ends_with(" %")).collect();
    assert!(spaced.is_empty(), "{spaced:?}");
    assert!(harness.query_all_by_label_contains("%").next().is_some());
}

/// Point 12: the mix dialog has a goal per domain (each starting at what all open measures
/// reach in that domain), stays where it is when a box is ticked, and opens again as it was left.
#[test]
fn the_mix_dialog_has_a_goal_per_domain_stays_put_and_remembers_its_choices() {
    let mut harness = window(App::with_sample(Settings::default()), [1600.0, 1000.0]);
    let wait = |harness: &mut Harness<'_, App>| {
        let deadline = Instant::now() + Duration::from_secs(60);
        while harness.state().optimizer.as_ref().is_some_and(|d| d.bounds.is_none()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
            harness.step();
        }
        harness.run();
    };
    harness.state_mut().handle(Action::OpenOptimizer);
    wait(&mut harness);
    let dialog = harness.state().optimizer.as_ref().unwrap();
    let bounds = dialog.bounds.clone().unwrap();
    for b in &bounds {
        assert_eq!(dialog.goal_of(&b.id), Some(b.all_place_months), "{}: its own goal", b.id);
    }
    let lows: Vec<f64> = bounds.iter().map(|b| b.all_place_months).collect();
    assert!(lows.iter().any(|l| *l != lows[0]), "the domains' goals differ: {lows:?}");
    for domain in harness.state().session.plan().domains.clone() {
        let label = format!("Ziel (höchstens): {}", domain.name);
        assert!(harness.query_by_role_and_label(Role::Slider, &label).is_some(), "{label}");
    }

    // Ticking a box moves nothing under the pointer.
    let before = harness.get_by_role_and_label(Role::CheckBox, "Wohnungen").rect();
    let ticked = harness.get_by_role_and_label(Role::CheckBox, "Regelklassen").rect();
    harness.get_by_role_and_label(Role::CheckBox, "Regelklassen").click();
    harness.run();
    assert!(!harness.state().optimizer.as_ref().unwrap().domain_ids.contains(&"school".to_owned()));
    assert_eq!(harness.get_by_role_and_label(Role::CheckBox, "Wohnungen").rect(), before, "the dialog stays put");
    assert_eq!(harness.get_by_role_and_label(Role::CheckBox, "Regelklassen").rect(), ticked);
    harness.get_by_role_and_label(Role::CheckBox, "Regelklassen").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Wohnungen").click();
    harness.run();

    // A goal of its own for Kita, then close and open again.
    let (low, high) = harness.state().optimizer.as_ref().unwrap().goal_range("kita").unwrap();
    let goal = ((low + high) / 2.0).round();
    harness.state_mut().optimizer.as_mut().unwrap().set_goal("kita", goal);
    harness.run();
    harness.get_by_label("Schließen").click();
    harness.run();
    assert!(harness.state().optimizer.is_none());
    harness.state_mut().handle(Action::OpenOptimizer);
    wait(&mut harness);
    let dialog = harness.state().optimizer.as_ref().unwrap();
    assert!(!dialog.domain_ids.contains(&"housing".to_owned()), "the unticked domain stays unticked");
    assert!(dialog.domain_ids.contains(&"school".to_owned()));
    assert_eq!(dialog.goal_of("kita"), Some(goal), "the goal is remembered");
    let goals = dialog.goals();
    assert!(goals.iter().all(|g| g.domain_id != "housing"));
    assert!(goals.iter().any(|g| g.domain_id == "kita" && g.max_shortage_place_months == goal));
}

/// Point 14: at 1280×720 the measures table shows Name, Bereich, Region, Plätze, Beginn and
/// the costs beside each other without scrolling; a long name ends in "…"; figures are whole.
#[test]
fn the_measures_table_at_1280_shows_places_start_and_costs_and_marks_cut_names() {
    let mut harness = window(App::with_sample(Settings::default()), [1280.0, 720.0]);
    harness.run_steps(6);
    let panel_right = harness.get_by_label("Diagramme").rect().left();
    let inside = |rect: egui::Rect| rect.left() >= 0.0 && rect.right() <= panel_right && rect.bottom() <= 720.0;
    let name = "Kita Neubau Köln-Kalk";
    for column in ["Name", "Bereich", "Region", "Plätze", "Beginn", "Einmalkosten €"] {
        let cell = format!("{column}: {name}");
        let rect = harness.get_by_label(&cell).rect();
        assert!(inside(rect), "{cell} is in view without scrolling: {rect:?}, panel ends at {panel_right}");
    }
    // A long name is cut with "…", a figure never.
    let texts = painted_texts(&harness);
    let long = "Landesprogramm Kita-Einstieg (Brückenprojekte)";
    let (_, cut, _, _) = texts.iter().find(|(text, ..)| text.starts_with("Landesprogramm Kita")).expect("the long name is drawn");
    assert!(cut.right() <= panel_right, "{cut:?}");
    let shapes = &harness.output().shapes;
    let elided = shapes.iter().any(|clipped| match &clipped.shape {
        egui::Shape::Text(text) => {
            text.galley.text() == long
                && text.galley.elided
                && text.galley.rows.last().and_then(|r| r.row.glyphs.last()).is_some_and(|g| g.chr == '…')
        }
        _ => false,
    });
    assert!(elided, "the long name ends in …");
    // "16.700" arrivals a month in the scenario editor: painted whole inside its cell.
    harness.state_mut().handle(Action::ShowTab(integrationsplan::ui::action::Tab::Scenarios));
    harness.state_mut().handle(Action::SelectScenario("hoch".to_owned()));
    harness.run_steps(4);
    let texts = painted_texts(&harness);
    let figure = texts.iter().find(|(text, ..)| text == "16.700").expect("16.700 is drawn");
    let (_, rect, clip, _) = figure;
    assert!(clip.expand(0.5).contains_rect(*rect), "16.700 is not clipped: {rect:?} in {clip:?}");
}
