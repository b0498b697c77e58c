use super::*;

#[test]
fn plan_text_is_escaped_in_text_and_attributes() {
    assert_eq!(
        escape("<script>alert('x') & \"y\"</script>"),
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
    );
}

#[test]
fn an_inline_drawing_scales_by_its_view_box_and_is_labelled() {
    let svg = "<svg width=\"1920\" height=\"1080\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>";
    let inline = html::inline_svg(svg, "p", "Kita <1>", "Hoch: 5");
    assert!(inline.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1920 1080\""), "{inline}");
    assert!(!inline.contains("width=\"1920\""), "{inline}");
    assert!(inline.contains("role=\"img\" aria-labelledby=\"p-t p-d\""), "{inline}");
    assert!(inline.contains("<title id=\"p-t\">Kita &lt;1&gt;</title>"), "{inline}");
    assert!(inline.ends_with("<rect/></svg>"), "{inline}");
}

#[test]
fn the_report_of_the_sample_has_every_domain_and_both_languages_write_their_numbers() {
    let plan = crate::sample::nrw_2025().expect("sample loads").plan;
    let results = crate::simulate(&plan);
    let german = report_html(&plan, &results, &ReportRequest::new(Language::German));
    let english = report_html(&plan, &results, &ReportRequest::new(Language::English));
    for domain in &plan.domains {
        assert!(german.contains(&escape(&domain.name)), "{}", domain.name);
    }
    assert!(german.contains("<html lang=\"de\">"));
    assert!(english.contains("<html lang=\"en\">"));
    assert!(german.contains("Kennzahlen") && english.contains("Key figures"));
    assert_eq!(german.matches("role=\"img\"").count(), english.matches("role=\"img\"").count());
}

/// Issue 26 point 4: the report's plots carry the P10–P90 bands where the window shows them.
#[test]
fn the_report_draws_the_bands_it_is_given() {
    let plan = crate::sample::nrw_2025().expect("sample loads").plan;
    let results = crate::simulate(&plan);
    let leading = &results.scenarios[0];
    let demand = &leading.domains[0].demand;
    let band = crate::picture::spec::PictureBand {
        scenario_id: leading.id.clone(),
        domain_id: plan.domains[0].id.clone(),
        p10: demand.iter().map(|d| d * 0.8).collect(),
        p90: demand.iter().map(|d| d * 1.2).collect(),
    };
    let plain = report_html(&plan, &results, &ReportRequest::new(Language::German));
    let request = ReportRequest { bands: vec![band], ..ReportRequest::new(Language::German) };
    let with_bands = report_html(&plan, &results, &request);
    assert!(!plain.contains("Bandbreite P10–P90"));
    assert!(with_bands.contains("Bandbreite P10–P90"), "the band's legend is in the report");
}
