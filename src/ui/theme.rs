//! Colours and sizes of the user interface, in one place.

use egui::Color32;

/// Colour of invalid values and shortages.
pub const ERROR_RED: Color32 = Color32::from_rgb(0xd0, 0x1c, 0x1c);
/// Fill of shortage areas in plots.
pub const SHORTAGE_FILL: Color32 = Color32::from_rgba_premultiplied(0x90, 0x10, 0x10, 0x70);
/// Colour of the budget line.
pub const BUDGET_LINE: Color32 = Color32::from_rgb(0x55, 0x55, 0x55);
/// Colour of "all is fine" text.
pub const GOOD_GREEN: Color32 = Color32::from_rgb(0x1a, 0x7f, 0x37);
/// Height of one table row in points.
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of one domain plot in points.
pub const PLOT_HEIGHT: f32 = 190.0;

/// Palette for scenarios without their own colour (colour-blind friendly).
pub const SCENARIO_PALETTE: [Color32; 8] = [
    Color32::from_rgb(0x1f, 0x77, 0xb4),
    Color32::from_rgb(0xd6, 0x27, 0x28),
    Color32::from_rgb(0x2c, 0xa0, 0x2c),
    Color32::from_rgb(0xff, 0x7f, 0x0e),
    Color32::from_rgb(0x94, 0x67, 0xbd),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0xe3, 0x77, 0xc2),
    Color32::from_rgb(0x17, 0xbe, 0xcf),
];

/// The colour of a scenario: its own `#rrggbb`, else the palette colour of its position.
pub fn scenario_color(color: Option<&str>, index: usize) -> Color32 {
    if let Some([r, g, b]) = color.and_then(crate::validate::parse_hex_color) {
        return Color32::from_rgb(r, g, b);
    }
    SCENARIO_PALETTE.get(index % SCENARIO_PALETTE.len()).copied().unwrap_or(Color32::GRAY)
}

/// Zoom factor of presentation mode (text and everything else 1.6× larger).
pub const PRESENTATION_ZOOM: f32 = 1.6;

/// How much thicker plot lines are in presentation mode.
pub const PRESENTATION_LINE_FACTOR: f32 = 2.0;

/// A light theme with maximal contrast for a projector in a lit room: pure white ground, black
/// text, strong outlines.
pub fn presentation_visuals() -> egui::Visuals {
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
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        style.text_styles.insert(TextStyle::Body, FontId::proportional(15.0));
        style.text_styles.insert(TextStyle::Button, FontId::proportional(15.0));
        style.text_styles.insert(TextStyle::Heading, FontId::proportional(20.0));
        style.text_styles.insert(TextStyle::Small, FontId::proportional(12.0));
        style.text_styles.insert(TextStyle::Monospace, FontId::monospace(14.0));
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// Widest a dialog grows (optimiser, table import, about).
pub const DIALOG_WIDTH: f32 = 760.0;

/// Height of a scrolling list inside a dialog.
pub const DIALOG_LIST_HEIGHT: f32 = 300.0;
