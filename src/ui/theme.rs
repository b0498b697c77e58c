//! Colours and sizes of the user interface, in one place.

use egui::Color32;

/// Colour of invalid values and shortages.
pub const ERROR_RED: Color32 = Color32::from_rgb(0xb7, 0x1c, 0x1c);
/// Fill of shortage areas in plots.
pub const SHORTAGE_FILL: Color32 = Color32::from_rgba_premultiplied(0x90, 0x10, 0x10, 0x70);
/// Colour of legend samples that stand for every scenario (shortage, band).
pub const LEGEND_NEUTRAL: Color32 = Color32::GRAY;
/// The open plan's lines in the compare window (solid).
pub const VERSION_THIS_LINE: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x79);
/// The other version's lines in the compare window (dashed).
pub const VERSION_OTHER_LINE: Color32 = Color32::from_rgb(0xc0, 0x50, 0x00);
/// Colour of the budget line.
pub const BUDGET_LINE: Color32 = Color32::from_rgb(0x55, 0x55, 0x55);
/// Colour of "all is fine" text.
pub const GOOD_GREEN: Color32 = Color32::from_rgb(0x17, 0x6f, 0x30);
/// Opacity (0–255) of a P10–P90 band drawn in its scenario's colour.
pub const BAND_ALPHA: u8 = 56;
/// Cost from secured money in the budget view: dark blue, filled solid.
pub const FUNDING_SECURED: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x79);
/// Cost from planned money: light blue, filled lighter.
pub const FUNDING_PLANNED: Color32 = Color32::from_rgb(0x6f, 0xa8, 0xdc);
/// Cost without money yet: orange, drawn as an outline over a pale fill.
pub const FUNDING_OPEN: Color32 = Color32::from_rgb(0xe0, 0x7b, 0x00);
/// Height of the budget chart in points.
pub const BUDGET_PLOT_HEIGHT: f32 = 300.0;
/// Size of the small triangle beside a range (low – value – high), in points.
pub const RANGE_TRIANGLE: egui::Vec2 = egui::vec2(44.0, 16.0);

/// The fill of a P10–P90 band in the colour of its scenario.
pub fn band_fill(color: Color32) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), BAND_ALPHA)
}

/// Height of one table row in points.
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of one domain plot in points.
pub const PLOT_HEIGHT: f32 = 190.0;
/// The lowest a plot gets in a short panel (a 720-pixel projector), in points.
pub const MIN_PLOT_HEIGHT: f32 = 110.0;

/// The colour of a scenario: its own `#rrggbb`, else the palette colour of its position (the
/// palette lives in the core, so that the pictures for slides use the same colours).
pub fn scenario_color(color: Option<&str>, index: usize) -> Color32 {
    let crate::picture::Rgb(r, g, b) = crate::picture::scenario_color(color, index);
    Color32::from_rgb(r, g, b)
}

/// Room a window manager takes around a window (title bar, borders, a task bar), in points.
pub const WINDOW_DECORATION_ROOM: egui::Vec2 = egui::vec2(40.0, 80.0);

/// Largest zoom factor of presentation mode (text and everything else 1.6× larger), used on
/// screens big enough for it (1920×1080 and up).
pub const PRESENTATION_ZOOM: f32 = 1.6;

/// The smallest layout (in points) presentation mode needs: what-if controls beside a plot
/// with its legend and the indicators below. The zoom is chosen so the screen holds it.
pub const PRESENTATION_MIN_LAYOUT: egui::Vec2 = egui::vec2(1000.0, 600.0);

/// The zoom of presentation mode for a screen of `screen_points` (points at zoom 1): as large as
/// [`PRESENTATION_ZOOM`], but never so large that [`PRESENTATION_MIN_LAYOUT`] no longer fits,
/// and never smaller than 1 (a 1024×768 projector keeps the normal size).
pub fn presentation_zoom(screen_points: egui::Vec2) -> f32 {
    let fits = (screen_points.x / PRESENTATION_MIN_LAYOUT.x).min(screen_points.y / PRESENTATION_MIN_LAYOUT.y);
    if fits.is_finite() { fits.clamp(1.0, PRESENTATION_ZOOM) } else { 1.0 }
}

/// How much thicker plot lines are in presentation mode.
pub const PRESENTATION_LINE_FACTOR: f32 = 2.0;

/// A light theme with maximal contrast for a projector in a lit room: pure white ground, black
/// text, strong outlines.
pub fn presentation_visuals() -> egui::Visuals {
    super::contrast::readable(presentation_ground())
}

fn presentation_ground() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.faint_bg_color = Color32::from_gray(235);
    for widget in [&mut visuals.widgets.noninteractive, &mut visuals.widgets.inactive] {
        widget.fg_stroke = egui::Stroke::new(1.5, Color32::BLACK);
        widget.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(60));
    }
    visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(225);
    visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x3d, 0x99);
    visuals.selection.stroke = egui::Stroke::new(2.0, Color32::WHITE);
    visuals
}

/// Larger default text, so the app reads well at a desk and on a projector.
pub fn apply_base_style(ctx: &egui::Context) {
    add_fallback_font(ctx);
    ctx.set_visuals_of(egui::Theme::Light, super::contrast::light_visuals());
    ctx.set_visuals_of(egui::Theme::Dark, super::contrast::dark_visuals());
    apply_text_sizes(ctx, None);
    ctx.all_styles_mut(|style| style.spacing.item_spacing = egui::vec2(8.0, 5.0));
}

/// The text sizes of the desk, in points: body, button, heading, small, monospace.
const DESK_TEXT_POINTS: [f32; 5] = [15.0, 15.0, 20.0, 12.0, 14.0];

/// Smallest text in presentation mode, in pixels on the screen: read from the back of a room
/// on a 1024×768 projector too (issue 20).
pub const PRESENTATION_MIN_TEXT_PIXELS: f32 = 16.0;

/// Body text in presentation mode is at least this many pixels (headings a third larger).
const PRESENTATION_BODY_PIXELS: f32 = 18.0;

/// Sets the text sizes: the desk's (`presentation_zoom` `None`), or in presentation mode at the
/// zoom given, each at least as large as at the desk and no text under
/// [`PRESENTATION_MIN_TEXT_PIXELS`] on the screen (a 1024×768 projector has a zoom near 1, and
/// its small text would be 12 pixels).
pub fn apply_text_sizes(ctx: &egui::Context, presentation_zoom: Option<f32>) {
    use egui::{FontId, TextStyle};
    let [body, button, heading, small, mono] = DESK_TEXT_POINTS;
    let at_least = |points: f32, pixels: f32| match presentation_zoom {
        Some(zoom) if zoom > 0.0 => points.max(pixels / zoom),
        _ => points,
    };
    let body = at_least(body, PRESENTATION_BODY_PIXELS);
    let button = at_least(button, PRESENTATION_BODY_PIXELS);
    let heading = at_least(heading, PRESENTATION_BODY_PIXELS * 4.0 / 3.0);
    let small = at_least(small, PRESENTATION_MIN_TEXT_PIXELS);
    let mono = at_least(mono, PRESENTATION_MIN_TEXT_PIXELS);
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(TextStyle::Body, FontId::proportional(body));
        style.text_styles.insert(TextStyle::Button, FontId::proportional(button));
        style.text_styles.insert(TextStyle::Heading, FontId::proportional(heading));
        style.text_styles.insert(TextStyle::Small, FontId::proportional(small));
        style.text_styles.insert(TextStyle::Monospace, FontId::monospace(mono));
    });
}

/// Adds DejaVu Sans (already in the program for the pictures) as the last fallback of the
/// proportional font, once per context: signs the default font lacks, such as the arrow `→` of
/// a change ("Beginn 08/2025 → 02/2026"), are drawn instead of failing.
pub fn add_fallback_font(ctx: &egui::Context) {
    let added = egui::Id::unique("integrationsplan_fallback_font");
    if ctx.data(|d| d.get_temp::<bool>(added)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(added, true));
    let family = egui::InsertFontFamily { family: egui::FontFamily::Proportional, priority: egui::FontPriority::Lowest };
    ctx.add_font(egui::FontInsert::new("DejaVuSans", egui::FontData::from_static(crate::picture::FONT_REGULAR), vec![family]));
}

// Map and ranking (issue 14)

/// Largest circle radius on the map in points (for the region with the largest figure, when
/// few regions share the map; many regions get smaller circles).
pub const MAP_MAX_RADIUS: f32 = 26.0;
/// Smallest largest-circle radius, however many regions there are.
pub const MAP_MIN_MAX_RADIUS: f32 = 3.0;
/// Radius of the hollow circle of a region without shortage.
pub const MAP_NO_SHORTAGE_RADIUS: f32 = 3.0;
/// Colour of regions without shortage (hollow circles, unfilled areas).
pub const MAP_NO_SHORTAGE: Color32 = Color32::from_rgb(0x9a, 0x9a, 0x9a);
/// Outline of circles and areas.
pub const MAP_OUTLINE: Color32 = Color32::from_rgb(0x30, 0x30, 0x30);
/// Outline of the selected region.
pub const MAP_SELECTED: Color32 = Color32::from_rgb(0x00, 0x5c, 0xc5);
/// Ground behind the map's legend and region names, so they read over circles.
pub const MAP_LABEL_GROUND: Color32 = Color32::from_rgba_premultiplied(215, 215, 215, 215);
/// Fill of the map's ground.
pub const MAP_GROUND: Color32 = Color32::from_rgb(0xf4, 0xf1, 0xea);
/// Colour of the earliest first shortage (darkest).
pub const MAP_EARLY: Color32 = Color32::from_rgb(0x67, 0x00, 0x0d);
/// Colour of the latest first shortage (lightest).
pub const MAP_LATE: Color32 = Color32::from_rgb(0xfc, 0xae, 0x91);
/// How much thicker outlines and how much larger labels are on the map in presentation mode.
pub const MAP_PRESENTATION_FACTOR: f32 = 2.0;
/// Width of the small bar in the ranking, in points.
pub const RANKING_BAR_WIDTH: f32 = 70.0;
/// Narrowest central area (in points) that shows the map and the ranking side by side; below
/// it the ranking stands under the map.
pub const MAP_SIDE_BY_SIDE_MIN_WIDTH: f32 = 900.0;
/// Rows of the ranking that stay in view under the map when the two are stacked.
pub const RANKING_MIN_ROWS: usize = 8;
/// Share of the map view's width (side by side) or height (stacked) the map takes.
pub const MAP_WIDTH_SHARE: f32 = 0.58;

/// The colour of a first shortage at `fraction` of the horizon (0 = first month: darkest).
pub fn first_shortage_color(fraction: f32) -> Color32 {
    let f = fraction.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * f).round() as u8;
    Color32::from_rgb(mix(MAP_EARLY.r(), MAP_LATE.r()), mix(MAP_EARLY.g(), MAP_LATE.g()), mix(MAP_EARLY.b(), MAP_LATE.b()))
}
/// Default width of the side panel of the editors (points), when the window has room: the
/// measures table shows Name, Bereich, Region, Plätze, Beginn and Einmalkosten without
/// scrolling sideways (a 1280 px projector).
pub const MEASURES_TABLE_ROOM: f32 = 760.0;

/// The narrowest the charts beside the editors start out (the split can still be dragged).
pub const CHARTS_MIN_WIDTH: f32 = 520.0;
/// The side panel takes at most this share of the window at first, so the charts keep room.
pub const EDITORS_MAX_SHARE: f32 = 0.6;

/// Widest a dialog grows (optimiser, table import, about).
pub const DIALOG_WIDTH: f32 = 760.0;

/// Height of a scrolling list inside a dialog.
pub const DIALOG_LIST_HEIGHT: f32 = 300.0;

// Charts a workshop room looks at (issue 16)

/// Narrowest width of each block of the indicator panel (indicators, costs, regions short
/// first), in points: below it a block stands under the others instead of being squeezed.
pub const INDICATOR_BLOCK_MIN_WIDTHS: [f32; 3] = [420.0, 220.0, 300.0];
/// Width of a month cell ("01/2025") in the scenario editor, in points.
pub const MONTH_CELL_WIDTH: f32 = 96.0;
/// Width of a demand line in points (the leading scenario's is 1,4× as wide).
pub const DEMAND_LINE_WIDTH: f32 = 2.0;
/// Width of a capacity step line in points: thinner than demand, so the two tell apart.
pub const CAPACITY_LINE_WIDTH: f32 = 1.0;
/// Opacity steps (0–255) of the shortage areas of the drawn scenarios, leading first: every
/// shortage is red (a scenario's own colour, green say, would read as "good"), and the
/// scenarios tell apart by how strong their red is.
pub const SHORTAGE_ALPHA_STEPS: [u8; 4] = [125, 80, 50, 30];
/// Size of a line sample in the legend, in points.
pub const LINE_SAMPLE_SIZE: egui::Vec2 = egui::vec2(34.0, 14.0);

/// The line of the scenario at `index` in the plan: solid, long dash, dotted, short dash, then
/// again (the same patterns as in the pictures, `picture::line_pattern`). Two scenarios with the
/// same demand stay visible as two lines, and a scenario keeps its line when others are ticked.
pub fn scenario_line_style(index: usize) -> egui_plot::LineStyle {
    use crate::picture::LinePattern;
    use egui_plot::LineStyle;
    match crate::picture::line_pattern(index) {
        LinePattern::Solid => LineStyle::Solid,
        LinePattern::LongDash => LineStyle::Dashed { length: 14.0 },
        LinePattern::Dotted => LineStyle::Dotted { spacing: 8.0 },
        LinePattern::ShortDash => LineStyle::Dashed { length: 4.0 },
    }
}

/// The fill of the shortage area of the scenario drawn at `slot` (0 = leading): the one
/// shortage red, weaker for each further scenario.
pub fn shortage_fill(slot: usize) -> Color32 {
    let alpha = SHORTAGE_ALPHA_STEPS.get(slot).or(SHORTAGE_ALPHA_STEPS.last()).copied().unwrap_or(60);
    Color32::from_rgba_unmultiplied(ERROR_RED.r(), ERROR_RED.g(), ERROR_RED.b(), alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_zoom_fits_the_layout_on_common_projectors() {
        for (screen, expected) in [
            (egui::vec2(1280.0, 720.0), 1.2),
            (egui::vec2(1024.0, 768.0), 1.024),
            (egui::vec2(1600.0, 950.0), 1.583),
            (egui::vec2(1920.0, 1080.0), 1.6),
            (egui::vec2(3840.0, 2160.0), 1.6),
            (egui::vec2(800.0, 600.0), 1.0),
        ] {
            let zoom = presentation_zoom(screen);
            assert!((zoom - expected).abs() < 0.001, "{screen:?}: {zoom}");
            if zoom > 1.0 {
                let layout = screen / zoom;
                assert!(layout.x >= PRESENTATION_MIN_LAYOUT.x - 0.01 && layout.y >= PRESENTATION_MIN_LAYOUT.y - 0.01);
            }
        }
        assert_eq!(presentation_zoom(egui::vec2(0.0, 0.0)), 1.0);
        assert_eq!(presentation_zoom(egui::vec2(f32::NAN, f32::NAN)), 1.0);
    }
}
