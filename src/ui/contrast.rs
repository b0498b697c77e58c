//! Contrast of text against its ground (WCAG 2.1, as BITV 2.0 and EN 301 549 ask): the ratio,
//! the themes of the window with text that reaches it, and colours made readable.

use egui::Color32;

/// Smallest contrast of text against its ground (WCAG 2.1 level AA, criterion 1.4.3).
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// Smallest contrast of the keyboard focus ring against its ground (WCAG 1.4.11: 3:1).
pub const MIN_FOCUS_CONTRAST: f32 = 3.0;

/// Relative luminance of an opaque colour (WCAG 2.1 definition, sRGB).
pub fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// `color` (premultiplied, maybe translucent) painted over the opaque `ground`.
pub fn over(color: Color32, ground: Color32) -> Color32 {
    let keep = 1.0 - f32::from(color.a()) / 255.0;
    let mix = |c: u8, g: u8| (f32::from(c) + f32::from(g) * keep).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgb(mix(color.r(), ground.r()), mix(color.g(), ground.g()), mix(color.b(), ground.b()))
}

/// The contrast ratio (1 to 21) of `text` painted on the opaque `ground`.
pub fn contrast_ratio(text: Color32, ground: Color32) -> f32 {
    let (a, b) = (luminance(over(text, ground)), luminance(ground));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `color` darkened (on a light ground) or lightened (on a dark ground) just enough to reach
/// [`MIN_TEXT_CONTRAST`] on `ground`, keeping its hue: scenario names and warnings in colour.
pub fn readable_on(color: Color32, ground: Color32) -> Color32 {
    let target = if luminance(ground) > 0.18 { Color32::BLACK } else { Color32::WHITE };
    let opaque = over(color, ground);
    (0..=20)
        .map(|step| opaque.lerp_to_gamma(target, step as f32 / 20.0))
        .find(|candidate| contrast_ratio(*candidate, ground) >= MIN_TEXT_CONTRAST)
        .unwrap_or(target)
}

/// The light theme: egui's, with weak text, links and warnings dark enough to read.
pub fn light_visuals() -> egui::Visuals {
    readable(egui::Visuals::light())
}

/// The dark theme: egui's, with weak text, links and warnings light enough to read.
pub fn dark_visuals() -> egui::Visuals {
    readable(egui::Visuals::dark())
}

/// The grounds text stands on in `visuals`: panels, windows, text fields, striped table rows
/// and buttons.
pub fn text_grounds(visuals: &egui::Visuals) -> [Color32; 5] {
    let ground = visuals.panel_fill;
    [
        ground,
        visuals.window_fill,
        visuals.text_edit_bg_color(),
        over(visuals.faint_bg_color, ground),
        visuals.widgets.inactive.weak_bg_fill,
    ]
}

/// `color` made readable on every one of `grounds` (all light or all dark).
pub fn readable_on_all(color: Color32, grounds: &[Color32]) -> Color32 {
    grounds.iter().fold(color, |color, ground| readable_on(color, *ground))
}

/// Makes every kind of text of `visuals` reach [`MIN_TEXT_CONTRAST`] on each ground it stands on.
pub fn readable(mut visuals: egui::Visuals) -> egui::Visuals {
    let grounds = text_grounds(&visuals);
    visuals.weak_text_color = Some(readable_on_all(visuals.weak_text_color(), &grounds));
    visuals.hyperlink_color = readable_on_all(visuals.hyperlink_color, &grounds);
    visuals.warn_fg_color = readable_on_all(visuals.warn_fg_color, &grounds);
    visuals.error_fg_color = readable_on_all(visuals.error_fg_color, &grounds);
    for widget in [&mut visuals.widgets.noninteractive, &mut visuals.widgets.inactive, &mut visuals.widgets.hovered] {
        widget.fg_stroke.color = readable_on_all(widget.fg_stroke.color, &grounds);
    }
    visuals
}

/// A colour meant for text (a scenario's name, "no shortage" in green) made readable on the
/// grounds of the theme `visuals`.
pub fn text_color(color: Color32, visuals: &egui::Visuals) -> Color32 {
    readable_on_all(color, &text_grounds(visuals))
}

/// `color` as text readable in the theme of `ui`.
pub fn on_ui(ui: &egui::Ui, color: Color32) -> Color32 {
    let grounds = text_grounds(ui.visuals());
    // Worked out once per colour and theme and kept, not again for every label in every frame.
    let key = egui::Id::unique(("readable_text", color, grounds));
    ui.ctx().memory_mut(|m| *m.data.get_temp_mut_or_insert_with(key, || readable_on_all(color, &grounds)))
}

/// The red of errors and shortages as text readable in the theme of `ui`.
pub fn error_text(ui: &egui::Ui) -> Color32 {
    on_ui(ui, crate::ui::theme::ERROR_RED)
}

/// The green of "no shortage" as text readable in the theme of `ui`.
pub fn good_text(ui: &egui::Ui) -> Color32 {
    on_ui(ui, crate::ui::theme::GOOD_GREEN)
}

/// Colour of the keyboard focus ring on a ground of luminance like `ground`.
pub fn focus_ring_color(ground: Color32) -> Color32 {
    if luminance(ground) > 0.18 { Color32::from_rgb(0x00, 0x4f, 0xc4) } else { Color32::from_rgb(0xff, 0xc4, 0x00) }
}

/// Width of the keyboard focus ring in points.
pub const FOCUS_RING_WIDTH: f32 = 2.5;

/// Draws a ring around the widget that has the keyboard focus, above everything else, so that
/// a keyboard user always sees where they are. Returns where it was drawn.
pub fn focus_ring_ui(ctx: &egui::Context) -> Option<egui::Rect> {
    let id = ctx.memory(|m| m.focused())?;
    // Only the part of the control its scroll area shows: a control scrolled away has no ring.
    let visible = ctx.read_response(id)?.interact_rect;
    if !visible.is_positive() {
        return None;
    }
    let rect = visible.expand(2.0);
    let color = focus_ring_color(ctx.global_style().visuals.panel_fill);
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("focus_ring")));
    painter.rect_stroke(rect, 3.0, egui::Stroke::new(FOCUS_RING_WIDTH, color), egui::StrokeKind::Outside);
    Some(rect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_the_wcag_examples() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the lightest grey that passes AA: 4.54:1.
        assert!((contrast_ratio(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
        // Half-transparent black on white is a mid grey.
        assert!(contrast_ratio(Color32::from_black_alpha(128), Color32::WHITE) < 5.0);
    }

    /// The three themes of the window: light, dark and presentation mode.
    fn themes() -> [(&'static str, egui::Visuals); 3] {
        [("light", light_visuals()), ("dark", dark_visuals()), ("presentation", crate::ui::theme::presentation_visuals())]
    }

    #[test]
    fn every_text_of_every_theme_reaches_4_5_to_1_on_every_ground() {
        for (theme, visuals) in themes() {
            let texts = [
                ("text", visuals.text_color()),
                ("weak text", visuals.weak_text_color()),
                ("strong text", visuals.strong_text_color()),
                ("link", visuals.hyperlink_color),
                ("warning", visuals.warn_fg_color),
                ("error", visuals.error_fg_color),
                ("button text", visuals.widgets.inactive.text_color()),
                ("hovered button text", visuals.widgets.hovered.text_color()),
                ("label text", visuals.widgets.noninteractive.text_color()),
            ];
            for ground in text_grounds(&visuals) {
                for (what, color) in texts {
                    let ratio = contrast_ratio(color, ground);
                    assert!(ratio >= MIN_TEXT_CONTRAST, "{theme}: {what} {color:?} on {ground:?} has {ratio:.2}:1");
                }
            }
            let selected = contrast_ratio(visuals.selection.stroke.color, visuals.selection.bg_fill);
            assert!(selected >= MIN_TEXT_CONTRAST, "{theme}: selected text has {selected:.2}:1");
            let ring = focus_ring_color(visuals.panel_fill);
            for ground in text_grounds(&visuals) {
                assert!(contrast_ratio(ring, ground) >= MIN_FOCUS_CONTRAST, "{theme}: focus ring on {ground:?}");
            }
        }
    }

    #[test]
    fn coloured_text_of_the_app_is_readable_in_every_theme() {
        use crate::ui::theme::{ERROR_RED, GOOD_GREEN, scenario_color};
        for (theme, visuals) in themes() {
            let colours = (0..8).map(|index| scenario_color(None, index)).chain([ERROR_RED, GOOD_GREEN]);
            for colour in colours {
                let text = text_color(colour, &visuals);
                for ground in text_grounds(&visuals) {
                    let ratio = contrast_ratio(text, ground);
                    assert!(ratio >= MIN_TEXT_CONTRAST, "{theme}: {colour:?} as {text:?} on {ground:?}: {ratio:.2}:1");
                }
            }
        }
        // The red of errors and the green of "no shortage" already read on the light grounds.
        for ground in text_grounds(&light_visuals()) {
            assert!(contrast_ratio(ERROR_RED, ground) >= MIN_TEXT_CONTRAST);
            assert!(contrast_ratio(GOOD_GREEN, ground) >= MIN_TEXT_CONTRAST);
        }
    }

    #[test]
    fn readable_colours_keep_their_hue_and_reach_the_minimum() {
        let orange = Color32::from_rgb(0xff, 0x7f, 0x0e);
        for ground in [Color32::WHITE, Color32::from_gray(248), Color32::from_gray(27), Color32::BLACK] {
            let text = readable_on(orange, ground);
            assert!(contrast_ratio(text, ground) >= MIN_TEXT_CONTRAST, "{text:?} on {ground:?}");
            assert!(text.r() >= text.g() && text.g() >= text.b(), "still orange: {text:?}");
        }
        let dark_blue = Color32::from_rgb(0x1f, 0x4e, 0x79);
        assert_eq!(readable_on(dark_blue, Color32::WHITE), dark_blue, "already readable: unchanged");
    }
}
