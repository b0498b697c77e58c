//! Colours, line widths and sizes of the pictures: the light palette for documents and the
//! presentation palette for a projector (higher contrast, thicker lines, larger text).

/// A colour as red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Palette for scenarios without their own colour (colour-blind friendly); the window uses it too.
pub const SCENARIO_PALETTE: [Rgb; 8] = [
    Rgb(0x1f, 0x77, 0xb4),
    Rgb(0xd6, 0x27, 0x28),
    Rgb(0x2c, 0xa0, 0x2c),
    Rgb(0xff, 0x7f, 0x0e),
    Rgb(0x94, 0x67, 0xbd),
    Rgb(0x8c, 0x56, 0x4b),
    Rgb(0xe3, 0x77, 0xc2),
    Rgb(0x17, 0xbe, 0xcf),
];

/// Grey for scenarios whose colour is unknown.
pub const UNKNOWN_SCENARIO: Rgb = Rgb(0x80, 0x80, 0x80);

/// The colour of a scenario: its own `#rrggbb`, else the palette colour of its position in the plan.
pub fn scenario_color(color: Option<&str>, index: usize) -> Rgb {
    if let Some([r, g, b]) = color.and_then(crate::validate::parse_hex_color) {
        return Rgb(r, g, b);
    }
    SCENARIO_PALETTE.get(index % SCENARIO_PALETTE.len()).copied().unwrap_or(UNKNOWN_SCENARIO)
}

/// The line of a scenario, so that colour is never the only sign of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePattern {
    /// A solid line.
    Solid,
    /// Long dashes.
    LongDash,
    /// Dots.
    Dotted,
    /// Short dashes.
    ShortDash,
}

/// The line pattern of the scenario at `index` in the plan: the window and the pictures draw
/// a scenario alike, whichever others are shown beside it.
pub fn line_pattern(index: usize) -> LinePattern {
    match index % 4 {
        0 => LinePattern::Solid,
        1 => LinePattern::LongDash,
        2 => LinePattern::Dotted,
        _ => LinePattern::ShortDash,
    }
}

/// The dash pattern of the scenario at `index` in the plan, in pixels at 1080 lines: `None` is
/// a solid line, else (dash, gap).
pub fn dash_pattern(index: usize) -> Option<(f64, f64)> {
    match line_pattern(index) {
        LinePattern::Solid => None,
        LinePattern::LongDash => Some((22.0, 10.0)),
        LinePattern::Dotted => Some((3.0, 6.0)),
        LinePattern::ShortDash => Some((8.0, 7.0)),
    }
}

/// How a picture looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Ground of the picture.
    pub background: Rgb,
    /// Titles, labels and numbers.
    pub text: Rgb,
    /// Secondary text (footer, source line).
    pub muted_text: Rgb,
    /// Axis lines.
    pub axis: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Fill of the shortage area.
    pub shortage: Rgb,
    /// Opacity of the shortage fill, 0–1.
    pub shortage_opacity: f64,
    /// Opacity of a P10–P90 band in its scenario's colour, 0–1 (as the window's).
    pub band_opacity: f64,
    /// The budget line of the cost plot.
    pub budget: Rgb,
    /// Lines of the legend samples for demand and capacity (not a scenario).
    pub neutral_line: Rgb,
    /// Width of a demand line in pixels at 1080 lines.
    pub demand_width: f64,
    /// Width of a capacity line in pixels at 1080 lines.
    pub capacity_width: f64,
    /// Text size factor.
    pub text_factor: f64,
}

impl Style {
    /// The light palette for reports and documents.
    pub const LIGHT: Style = Style {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x22, 0x22, 0x22),
        muted_text: Rgb(0x55, 0x55, 0x55),
        axis: Rgb(0x44, 0x44, 0x44),
        grid: Rgb(0xe2, 0xe2, 0xe2),
        shortage: Rgb(0xc0, 0x10, 0x10),
        shortage_opacity: 0.22,
        band_opacity: 0.22,
        budget: Rgb(0x33, 0x33, 0x33),
        neutral_line: Rgb(0x55, 0x55, 0x55),
        demand_width: 4.0,
        capacity_width: 2.0,
        text_factor: 1.0,
    };

    /// The presentation palette: black on white, darker grid and fill, thicker lines, larger text.
    pub const PRESENTATION: Style = Style {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x00, 0x00, 0x00),
        muted_text: Rgb(0x20, 0x20, 0x20),
        axis: Rgb(0x00, 0x00, 0x00),
        grid: Rgb(0xb8, 0xb8, 0xb8),
        shortage: Rgb(0xb0, 0x00, 0x00),
        shortage_opacity: 0.35,
        band_opacity: 0.22,
        budget: Rgb(0x00, 0x00, 0x00),
        neutral_line: Rgb(0x00, 0x00, 0x00),
        demand_width: 7.0,
        capacity_width: 3.5,
        text_factor: 1.2,
    };

    /// The presentation palette when `presentation`, else the light one.
    pub fn of(presentation: bool) -> Style {
        if presentation { Style::PRESENTATION } else { Style::LIGHT }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_keeps_its_own_colour_else_takes_the_palette_by_position() {
        assert_eq!(scenario_color(Some("#102030"), 0), Rgb(0x10, 0x20, 0x30));
        assert_eq!(scenario_color(None, 1), SCENARIO_PALETTE[1]);
        assert_eq!(scenario_color(Some("red"), 9), SCENARIO_PALETTE[1]);
    }

    #[test]
    fn the_first_four_scenarios_have_four_different_dash_patterns() {
        let patterns: Vec<_> = (0..4).map(dash_pattern).collect();
        for (i, a) in patterns.iter().enumerate() {
            for b in patterns.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }
}
