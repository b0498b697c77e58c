//! The pictures are drawn in software, so their pixels and words can be checked.

use super::*;
use crate::engine::{Results, simulate};
use crate::language::Language;
use crate::model::Plan;

fn sample() -> (Plan, Results) {
    let mut plan = crate::sample::nrw_2025().unwrap_or_else(|e| panic!("{e:?}")).plan;
    // Notes without words of the pictures' own vocabulary, so the language checks are fair.
    plan.meta.notes = "Destatis 31.12.2018, illustrativ.".to_owned();
    let results = simulate(&plan);
    (plan, results)
}

fn request<'a>(plan: &'a Plan, results: &'a Results, language: Language) -> PictureRequest<'a> {
    let compared: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
    let leading = compared.first().cloned().unwrap_or_default();
    PictureRequest {
        language,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
        ..PictureRequest::new(plan, results, &leading, &compared)
    }
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{e}"));
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buffer).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buffer.truncate(info.buffer_size());
    (info.width, info.height, buffer)
}

/// Pixels of exactly `color` inside `[x0, x1) × [y0, y1)`.
fn count_color(image: &(u32, u32, Vec<u8>), color: Rgb, x: (u32, u32), y: (u32, u32)) -> usize {
    let (width, _, pixels) = image;
    (y.0..y.1)
        .flat_map(|row| (x.0..x.1).map(move |column| ((row * width + column) * 3) as usize))
        .filter(|&i| pixels.get(i..i + 3) == Some(&[color.0, color.1, color.2][..]))
        .count()
}

fn svg(request: &PictureRequest<'_>, picture: Picture) -> String {
    let bytes = render(request, picture, PictureFormat::Svg).unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// The texts of the SVG's text elements.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| Some(part.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned()))
        .collect()
}

#[test]
fn every_picture_is_a_1920_by_1080_png() {
    let (plan, results) = sample();
    let request = request(&plan, &results, Language::German);
    for picture in [Picture::DomainPlot(0), Picture::DomainPlot(3), Picture::CostPlot, Picture::Summary] {
        let bytes = render(&request, picture, PictureFormat::Png).unwrap_or_else(|e| panic!("{picture:?}: {e}"));
        let (width, height, _) = decode(&bytes);
        assert_eq!((width, height), (1920, 1080), "{picture:?}");
    }
    assert_eq!(render(&request, Picture::DomainPlot(99), PictureFormat::Png), Err(PictureError::UnknownDomain(99)));
    assert_eq!(render(&request, Picture::CostPlot, PictureFormat::Pdf), Err(PictureError::Unsupported("PDF")));
}

#[test]
fn each_scenario_line_is_drawn_in_its_colour_inside_the_plot() {
    let (plan, results) = sample();
    let request = request(&plan, &results, Language::German);
    assert_eq!(request.scenarios.len(), 3);
    let image = decode(&render(&request, Picture::DomainPlot(0), PictureFormat::Png).unwrap_or_default());
    // The plot area: below the title and legend, above the footer, right of the y labels.
    for shown in &request.scenarios {
        let pixels = count_color(&image, shown.color, (250, 1870), (260, 930));
        assert!(pixels > 300, "{}: {pixels} pixels of {:?}", shown.id, shown.color);
    }
    let summary = decode(&render(&request, Picture::Summary, PictureFormat::Png).unwrap_or_default());
    for shown in &request.scenarios {
        assert!(count_color(&summary, shown.color, (0, 1150), (150, 950)) > 300, "{} on the summary", shown.id);
    }
}

#[test]
fn the_presentation_palette_draws_thicker_lines_in_black_text() {
    let (plan, results) = sample();
    let light = request(&plan, &results, Language::German);
    let presentation = PictureRequest { presentation: true, ..light.clone() };
    let light_png = decode(&render(&light, Picture::DomainPlot(0), PictureFormat::Png).unwrap_or_default());
    let presentation_png = decode(&render(&presentation, Picture::DomainPlot(0), PictureFormat::Png).unwrap_or_default());
    assert_ne!(light_png.2, presentation_png.2);
    let leading = light.scenarios[0].color;
    let area = ((250, 1870), (260, 930));
    let (thin, thick) =
        (count_color(&light_png, leading, area.0, area.1), count_color(&presentation_png, leading, area.0, area.1));
    assert!(thick > thin * 3 / 2, "presentation lines are thicker: {thin} vs {thick}");
    assert!(svg(&presentation, Picture::DomainPlot(0)).contains("#000000"), "black text");
}

#[test]
fn the_svg_names_title_place_scenarios_legend_unit_date_and_source_in_german() {
    let (plan, results) = sample();
    let request = request(&plan, &results, Language::German);
    let text = svg(&request, Picture::DomainPlot(0)).replace("&amp;", "&");
    for expected in [
        "NRW 2025 – Beispielplan – Kita-Plätze (Plätze)",
        "NRW gesamt",
        "Basis 2025",
        "Hoher Zugang wie 2015/16",
        "Nur gesicherte Finanzierung",
        "Bedarf",
        "Kapazität",
        "Fehlende Plätze (Summe der Regionen) (Basis 2025)",
        "Monat",
        "01/2026",
        "Stand 25.11.2026",
        "Quelle: Destatis 31.12.2018, illustrativ.",
        "Integrationsplan",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    assert!(svg_texts(&text).iter().any(|t| t == "Plätze"), "the unit on the y axis");
    for english in ["Demand", "Capacity", "Source", "Month", "Places missing", "As of", "All of NRW"] {
        assert!(!text.contains(english), "English {english:?} in the German picture");
    }
    let cost = svg(&request, Picture::CostPlot);
    for expected in ["Kosten je Jahr", "Budget", "Mio. €", "Jahr", "2027"] {
        assert!(cost.contains(expected), "{expected:?} missing in the cost plot");
    }
}

#[test]
fn the_english_svg_has_english_words_only() {
    let (plan, results) = sample();
    let request = request(&plan, &results, Language::English);
    let mut text = svg(&request, Picture::Summary);
    text.push_str(&svg(&request, Picture::DomainPlot(1)));
    for expected in [
        "Demand",
        "Capacity",
        "Places missing",
        "Source: Destatis",
        "As of 2026-11-25",
        "All of NRW",
        "Indicators",
        "Cost per year",
        "€ m",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    for german in
        ["Bedarf", "Kapazität", "Fehlende", "Quelle", "Stand", "NRW gesamt", "Kennzahlen", "Kosten", "Mio. €", "Monat", "keiner"]
    {
        assert!(!text.contains(german), "German {german:?} in the English picture");
    }
}

#[test]
fn numbers_are_grouped_the_way_the_language_writes_them() {
    let (plan, results) = sample();
    let grouped = |texts: &[String], separator: char| {
        texts.iter().any(|t| {
            let groups: Vec<&str> = t.split(separator).collect();
            groups.len() > 1
                && groups.first().is_some_and(|g| !g.is_empty() && g.len() <= 3 && g.bytes().all(|b| b.is_ascii_digit()))
                && groups.iter().skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    let german = svg_texts(&svg(&request(&plan, &results, Language::German), Picture::DomainPlot(0)));
    let english = svg_texts(&svg(&request(&plan, &results, Language::English), Picture::DomainPlot(0)));
    assert!(grouped(&german, '.'), "a German y label like 30.000: {german:?}");
    assert!(!grouped(&german, ','));
    assert!(grouped(&english, ','), "an English y label like 30,000: {english:?}");
    assert!(!grouped(&english, '.'));
    let labelled_ticks = german.iter().filter(|t| grouped(&[(*t).clone()], '.')).count();
    assert!(labelled_ticks >= 3, "at least three labelled y ticks: {labelled_ticks}");
}

#[test]
fn the_summary_pdf_is_one_a4_landscape_page() {
    let (plan, results) = sample();
    let bytes = render(&request(&plan, &results, Language::German), Picture::Summary, PictureFormat::Pdf)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/Type /Page").count() - text.matches("/Type /Pages").count(), 1, "one page");
    let media_box = text.split("/MediaBox [").nth(1).and_then(|rest| rest.split(']').next()).unwrap_or_default();
    let numbers: Vec<f64> = media_box.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    assert_eq!(numbers.len(), 4, "{media_box}");
    let (width, height) = (numbers[2] - numbers[0], numbers[3] - numbers[1]);
    assert!((width - 841.89).abs() < 1.0 && (height - 595.28).abs() < 1.0, "A4 landscape, got {width} × {height}");
}

#[test]
fn a_selected_region_is_named_and_its_own_figures_are_drawn() {
    let (plan, results) = sample();
    let state = request(&plan, &results, Language::German);
    let essen = plan.regions.iter().find(|r| r.name == "Essen").map(|r| r.id.clone());
    assert!(essen.is_some());
    let region = PictureRequest { region_id: essen.clone(), ..state.clone() };
    let (state_spec, region_spec) = (ChartSpec::build(&state), ChartSpec::build(&region));
    assert_eq!(region_spec.place_label(), "Region: Essen");
    let r = results.region_ids.iter().position(|id| Some(id) == essen.as_ref()).unwrap_or_default();
    let expected = series::domain_curves(&results.scenarios[0], 0, Some(r)).unwrap_or_default();
    assert_eq!(region_spec.domains[0].curves[0], expected, "the region's own curves");
    assert_ne!(region_spec.domains[0].curves[0].demand, state_spec.domains[0].curves[0].demand);
    assert_ne!(region_spec.indicators[0].indicators, state_spec.indicators[0].indicators, "the table follows the region");

    let region_summary = svg(&region, Picture::Summary);
    assert!(region_summary.contains("Region: Essen"));
    assert!(region_summary.contains("Kennzahlen – Essen"));
    assert!(region_summary.contains("Kosten je Jahr (landesweit)"), "costs are labelled as the state's");
    assert!(svg(&region, Picture::DomainPlot(0)).contains("Fehlende Plätze (Basis 2025)"));
    let state_summary = svg(&state, Picture::Summary);
    assert!(!state_summary.contains("Essen"), "no region's name over the state's totals");
    assert!(state_summary.contains("Kennzahlen – NRW gesamt"));
}

#[test]
fn the_summary_shows_the_missing_groups_by_planning_year() {
    let (plan, results) = sample();
    let text = svg(&request(&plan, &results, Language::German), Picture::Summary);
    assert!(text.contains("Fehlende Gruppen je Planungsjahr (Stichtag)"));
    assert!(text.contains("2025/26") && text.contains("2026/27"));
    assert!(text.contains("Kita-Plätze (Gruppen)"), "the domain with its word for groups");
    let leading = &results.scenarios[0];
    let kita = plan.domains.iter().position(|d| d.id == "kita").expect("kita");
    let missing = leading.planning_years[1].domains[kita].groups.as_ref().expect("planned").groups_missing;
    assert!(missing > 0.0, "the sample misses Kita groups in 2026/27");
    assert!(text.contains(&format!("\n{}\n", crate::format::german_number(missing, 0))), "{missing} groups shown");
    let english = svg(&request(&plan, &results, Language::English), Picture::Summary);
    assert!(english.contains("Groups missing by planning year (reference month)"));
}

#[test]
fn the_summary_shows_every_domain_the_indicators_and_the_sources() {
    let (plan, results) = sample();
    let text = svg(&request(&plan, &results, Language::German), Picture::Summary);
    for domain in &plan.domains {
        let title = crate::domain_words::domain_title(domain, Language::German);
        assert!(text.contains(&format!("{title} ({})", domain.unit)), "{title} missing");
    }
    for expected in ["Kennzahlen", "Erster Engpass", "Größter", "Platz-Monate", "Destatis", "illustrativ", "Stand 25.11.2026"] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
}

/// Writes the pictures of the sample to `$PICTURES_DIR` to look at:
/// `PICTURES_DIR=/tmp/p cargo test --lib picture::tests::write -- --ignored`.
#[test]
#[ignore]
fn write_sample_pictures() {
    let Ok(folder) = std::env::var("PICTURES_DIR") else { return };
    let (mut plan, _) = sample();
    plan.meta.notes = crate::sample::nrw_2025().map(|l| l.plan.meta.notes).unwrap_or_default();
    let results = simulate(&plan);
    let essen = plan.regions.iter().find(|r| r.name == "Essen").map(|r| r.id.clone());
    for (language, tag) in [(Language::German, "de"), (Language::English, "en")] {
        for presentation in [false, true] {
            for region in [None, essen.clone()] {
                let request = PictureRequest { presentation, region_id: region.clone(), ..request(&plan, &results, language) };
                let name = format!(
                    "{tag}{}{}",
                    if presentation { "-presentation" } else { "" },
                    if region.is_some() { "-essen" } else { "" }
                );
                for (picture, what) in
                    [(Picture::DomainPlot(0), "kita"), (Picture::CostPlot, "costs"), (Picture::Summary, "summary")]
                {
                    for format in PictureFormat::offered(picture) {
                        let start = std::time::Instant::now();
                        let bytes = render(&request, picture, *format).unwrap_or_else(|e| panic!("{e}"));
                        println!("{name}-{what}.{}: {:?}", format.extension(), start.elapsed());
                        let path = format!("{folder}/{name}-{what}.{}", format.extension());
                        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{e}"));
                    }
                }
            }
        }
    }
}

#[test]
fn a_domain_the_results_do_not_know_yet_keeps_its_place() {
    let (mut plan, results) = sample();
    let mut added = plan.domains[0].clone();
    added.id = "beratung".to_owned();
    added.name = "Beratungsplätze".to_owned();
    plan.domains.insert(0, added);
    let request = request(&plan, &results, Language::German);
    let first = svg(&request, Picture::DomainPlot(0));
    assert!(first.contains("Beratungsplätze"), "the plan's first domain, not the results' first");
    let second = svg(&request, Picture::DomainPlot(1));
    assert!(second.contains(&plan.domains[1].name));
}

#[test]
fn odd_plans_give_a_picture_or_an_error_never_a_panic() {
    let (mut plan, _) = sample();
    // Long names with control characters, a huge arrival factor, and nothing drawn at all.
    plan.regions[0].name = format!("\u{0}\t={}", "Sehr langer Kreisname ".repeat(400));
    plan.scenarios[0].name = "\u{7}".repeat(3000);
    plan.scenarios[0].arrival_factor = 1000.0;
    plan.meta.title = String::new();
    let results = simulate(&plan);
    let region = plan.regions[0].id.clone();
    for (leading, compared) in [(plan.scenarios[0].id.clone(), Vec::new()), ("nicht-da".to_owned(), Vec::new())] {
        let request =
            PictureRequest { region_id: Some(region.clone()), ..PictureRequest::new(&plan, &results, &leading, &compared) };
        for picture in [Picture::DomainPlot(0), Picture::DomainPlot(99), Picture::CostPlot, Picture::Summary] {
            for format in PictureFormat::offered(picture) {
                // An error is fine (an unknown domain); a panic or an empty file is not.
                if let Ok(bytes) = render(&request, picture, *format) {
                    assert!(!bytes.is_empty(), "{picture:?} as {format:?}");
                }
            }
        }
    }
}

/// Issue 20, point 8: with the bands on in the window, the plot picture and the summary (PNG,
/// SVG, the A4 PDF) draw each scenario's P10–P90 band and name it in the legend.
#[test]
fn the_pictures_draw_the_bands_the_window_shows() {
    let (plan, results) = sample();
    let without = request(&plan, &results, Language::German);
    let leading = without.scenarios.first().map(|s| s.id.clone()).unwrap_or_default();
    let demand = results.scenarios.first().and_then(|s| s.domains.first()).map(|d| d.demand.clone()).unwrap_or_default();
    let band = spec::PictureBand {
        scenario_id: leading,
        domain_id: plan.domains.first().map(|d| d.id.clone()).unwrap_or_default(),
        p10: demand.iter().map(|v| v * 0.8).collect(),
        p90: demand.iter().map(|v| v * 1.2).collect(),
    };
    let with = PictureRequest { bands: vec![band], ..without.clone() };
    assert!(ChartSpec::build(&with).has_bands());
    assert!(!ChartSpec::build(&without).has_bands());
    for picture in [Picture::DomainPlot(0), Picture::Summary] {
        let texts = svg_texts(&svg(&with, picture));
        assert!(texts.iter().any(|t| t == "Bandbreite P10–P90 (Bedarf)"), "{picture:?}: {texts:?}");
        assert!(!svg_texts(&svg(&without, picture)).iter().any(|t| t.contains("P10–P90")));
        let drawn = render(&with, picture, PictureFormat::Png).unwrap_or_default();
        assert_ne!(drawn, render(&without, picture, PictureFormat::Png).unwrap_or_default(), "{picture:?}");
    }
    assert!(render(&with, Picture::Summary, PictureFormat::Pdf).is_ok_and(|pdf| !pdf.is_empty()));
}
