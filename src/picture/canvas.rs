//! Drawing helpers shared by every picture: sizes that scale with the picture, text, lines with
//! a dash pattern, the legend and the footer with the sources.

use super::PictureError;
use super::palette::{Rgb, dash_pattern};
use super::spec::ChartSpec;
use super::text::wrap;
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font family the pictures register their embedded font under.
pub const FAMILY: &str = "sans-serif";

/// The dash pattern of the budget line (short dashes: never mistaken for a demand line).
pub const BUDGET_DASH_SLOT: usize = 2;

/// A rectangle in pixels: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> i32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }
}

/// A plotters colour of `color`.
pub fn color(color: Rgb) -> RGBColor {
    RGBColor(color.0, color.1, color.2)
}

/// Where the legend puts a scenario's sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendKind {
    /// Lines: demand, capacity, shortage (domain plots).
    Lines,
    /// Bars and the budget line (cost plot).
    Bars,
    /// Both (the summary page).
    Both,
}

/// The picture being drawn: its root area, what it shows, and its scale.
/// What a plot's axes show (see [`Canvas::plot_axes`]).
pub struct PlotAxes<'t> {
    /// The x range.
    pub x: std::ops::Range<f64>,
    /// The top of the y axis (its bottom is 0).
    pub y_max: f64,
    /// Words under the x axis.
    pub x_desc: &'t str,
    /// Words beside the y axis (the unit).
    pub y_desc: &'t str,
    /// Whether plotters draws its own vertical grid lines (besides those at `x_keys`).
    pub x_mesh: bool,
    /// The labelled x positions, each with its label.
    pub x_keys: Vec<(f64, String)>,
}

pub struct Canvas<'a, DB: DrawingBackend> {
    /// The whole picture.
    pub root: &'a DrawingArea<DB, Shift>,
    /// What it shows.
    pub spec: &'a ChartSpec,
    /// Pixels per point: a 1080-line picture has 1.
    pub unit: f64,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    /// `points` as whole pixels.
    pub fn px(&self, points: f64) -> i32 {
        (points * self.unit).round() as i32
    }

    /// The font of `size_points` (scaled by the palette's text factor), bold or not.
    pub fn font(&self, size_points: f64, bold: bool) -> FontDesc<'static> {
        let size = size_points * self.unit * self.spec.style.text_factor;
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(FontFamily::Name(FAMILY), size, style)
    }

    /// Width of `text` in pixels in `font`.
    pub fn width(&self, text: &str, font: &FontDesc<'_>) -> f64 {
        font.box_size(text).map_or(0.0, |(w, _)| f64::from(w))
    }

    /// Height of a line of `font` in pixels.
    pub fn line_height(&self, font: &FontDesc<'_>) -> i32 {
        (font.get_size() * 1.3).round() as i32
    }

    /// Writes `text` at `at`, anchored by `anchor` (horizontal, vertical).
    pub fn text(
        &self,
        text: &str,
        at: (i32, i32),
        font: &FontDesc<'_>,
        ink: Rgb,
        anchor: (HPos, VPos),
    ) -> Result<(), PictureError> {
        let style = font.color(&color(ink)).pos(Pos::new(anchor.0, anchor.1));
        self.root.draw(&Text::new(text.to_owned(), at, style))?;
        Ok(())
    }

    /// A line through `points` in `ink`, `width_points` wide, solid or with the dash pattern of
    /// scenario slot `slot`.
    pub fn line(&self, points: Vec<(i32, i32)>, ink: Rgb, width_points: f64, slot: Option<usize>) -> Result<(), PictureError> {
        let style = color(ink).stroke_width(self.px(width_points).max(1) as u32);
        match slot.and_then(dash_pattern) {
            None => self.root.draw(&PathElement::new(points, style))?,
            Some((dash, gap)) => {
                let (dash, gap) = self.dash(dash, gap, width_points);
                self.root.draw(&plotters::element::DashedPathElement::new(points, dash, gap, style))?
            }
        }
        Ok(())
    }

    /// A dash and gap in pixels for a line `width_points` wide (dashes grow with the width).
    pub fn dash(&self, dash: f64, gap: f64, width_points: f64) -> (i32, i32) {
        let grow = (width_points / 3.0).max(1.0).sqrt();
        (self.px(dash * grow).max(1), self.px(gap * grow).max(2))
    }

    /// A filled rectangle, `opacity` 0–1.
    pub fn fill(&self, rect: Rect, ink: Rgb, opacity: f64) -> Result<(), PictureError> {
        let style = color(ink).mix(opacity).filled();
        self.root.draw(&Rectangle::new([(rect.x, rect.y), (rect.right(), rect.bottom())], style))?;
        Ok(())
    }

    /// A bar of scenario `slot` in `ink`, with the slot's fill pattern: solid, striped,
    /// outlined, or light with an outline. Colour is never the only sign of a scenario.
    pub fn bar(&self, rect: Rect, ink: Rgb, slot: usize) -> Result<(), PictureError> {
        if rect.w <= 0 || rect.h <= 0 {
            return Ok(());
        }
        let outline = self.px(2.5).max(1);
        let outlined = |canvas: &Self| -> Result<(), PictureError> {
            let style = color(ink).stroke_width(outline as u32);
            let half = outline / 2;
            let corners = [(rect.x + half, rect.y + half), (rect.right() - half, rect.bottom() - half)];
            canvas.root.draw(&Rectangle::new(corners, style))?;
            Ok(())
        };
        match slot % 4 {
            0 => self.fill(rect, ink, 1.0),
            1 => {
                let step = self.px(7.0).max(3);
                let stripe = self.px(3.0).max(1);
                let mut y = rect.bottom() - stripe;
                while y >= rect.y {
                    self.fill(Rect { x: rect.x, y, w: rect.w, h: stripe }, ink, 1.0)?;
                    y -= step;
                }
                outlined(self)
            }
            2 => outlined(self),
            _ => {
                self.fill(rect, ink, 0.35)?;
                outlined(self)
            }
        }
    }

    /// The legend from `(x, y)`, flowing into rows no wider than `max_width`; returns its height.
    pub fn legend(&self, x: i32, y: i32, max_width: i32, kind: LegendKind, size_points: f64) -> Result<i32, PictureError> {
        let spec = self.spec;
        let style = spec.style;
        let t = spec.texts;
        let font = self.font(size_points, false);
        let bold = self.font(size_points, true);
        let row_height = self.line_height(&font).max(self.px(size_points * 1.6));
        let sample = self.px(72.0);
        let swatch = self.px(size_points * 1.1);
        let gap = self.px(10.0);
        let spacing = self.px(30.0);
        let lines = kind != LegendKind::Bars;
        let bars = kind != LegendKind::Lines;
        let mut items: Vec<LegendItem> = spec
            .scenarios
            .iter()
            .map(|s| LegendItem::Scenario { name: s.name.clone(), ink: s.color, slot: s.pattern, leading: s.leading })
            .collect();
        if lines {
            items.push(LegendItem::Demand(t.demand));
            items.push(LegendItem::Capacity(t.capacity));
            if let Some(leading) = spec.scenarios.iter().find(|s| s.leading) {
                items.push(LegendItem::Shortage(format!("{} ({})", spec.shortage_word(), leading.name)));
            }
            if spec.has_bands() {
                items.push(LegendItem::Band(t.band));
            }
        }
        if bars && !spec.budget.is_empty() {
            items.push(LegendItem::Budget(t.budget));
        }
        let (mut cursor_x, mut cursor_y) = (x, y);
        for item in items {
            let label = item.label();
            let font = if matches!(item, LegendItem::Scenario { leading: true, .. }) { &bold } else { &font };
            let marks = match item {
                LegendItem::Scenario { .. } => (if lines { sample } else { 0 }) + (if bars { swatch + gap } else { 0 }),
                _ => sample,
            };
            let width = marks + gap + self.width(&label, font) as i32;
            if cursor_x > x && cursor_x + width > x + max_width {
                cursor_x = x;
                cursor_y += row_height;
            }
            let middle = cursor_y + row_height / 2;
            match &item {
                LegendItem::Scenario { ink, slot, .. } => {
                    let mut left = cursor_x;
                    if lines {
                        self.line(vec![(left, middle), (left + sample, middle)], *ink, style.demand_width, Some(*slot))?;
                        left += sample + gap;
                    }
                    if bars {
                        self.bar(Rect { x: left, y: middle - swatch / 2, w: swatch, h: swatch }, *ink, *slot)?;
                    }
                }
                LegendItem::Demand(_) => self.line(
                    vec![(cursor_x, middle), (cursor_x + sample, middle)],
                    style.neutral_line,
                    style.demand_width,
                    None,
                )?,
                LegendItem::Capacity(_) => {
                    let step = vec![
                        (cursor_x, middle + swatch / 3),
                        (cursor_x + sample / 2, middle + swatch / 3),
                        (cursor_x + sample / 2, middle - swatch / 3),
                        (cursor_x + sample, middle - swatch / 3),
                    ];
                    self.line(step, style.neutral_line, style.capacity_width, None)?
                }
                LegendItem::Shortage(_) => self.fill(
                    Rect { x: cursor_x, y: middle - swatch / 2, w: sample, h: swatch },
                    style.shortage,
                    style.shortage_opacity,
                )?,
                LegendItem::Band(_) => self.fill(
                    Rect { x: cursor_x, y: middle - swatch / 2, w: sample, h: swatch },
                    style.neutral_line,
                    style.band_opacity,
                )?,
                LegendItem::Budget(_) => {
                    let segment = vec![(cursor_x, middle), (cursor_x + sample, middle)];
                    self.line(segment, style.budget, style.demand_width * 0.8, Some(BUDGET_DASH_SLOT))?
                }
            }
            self.text(&label, (cursor_x + marks + gap, middle), font, style.text, (HPos::Left, VPos::Center))?;
            cursor_x += width + spacing;
        }
        Ok(cursor_y + row_height - y)
    }

    /// The footer at the bottom of `area`: the plan's sources on up to `source_lines` lines,
    /// then program and date. Returns its top edge.
    pub fn footer(&self, area: Rect, size_points: f64, source_lines: usize) -> Result<i32, PictureError> {
        let font = self.font(size_points, false);
        let line = self.line_height(&font);
        let lines = wrap(&self.spec.source_line(), f64::from(area.w), source_lines, |s| self.width(s, &font));
        let top = area.bottom() - line * (lines.len() as i32 + 1);
        let ink = self.spec.style.muted_text;
        self.root.draw(&PathElement::new(
            vec![(area.x, top - self.px(8.0)), (area.right(), top - self.px(8.0))],
            color(self.spec.style.grid).stroke_width(self.px(1.5).max(1) as u32),
        ))?;
        for (index, text) in lines.iter().enumerate() {
            self.text(text, (area.x, top + line * index as i32), &font, ink, (HPos::Left, VPos::Top))?;
        }
        let made = self.spec.made_line();
        self.text(&made, (area.x, top + line * lines.len() as i32), &font, ink, (HPos::Left, VPos::Top))?;
        Ok(top - self.px(8.0))
    }

    /// The part of the picture inside `area`, for a chart.
    pub fn sub_area(&self, area: Rect) -> DrawingArea<DB, Shift> {
        self.root.clone().shrink((area.x, area.y), (area.w.max(1) as u32, area.h.max(1) as u32))
    }

    /// The axes every plot of a picture shares, drawn on `sub`: y from 0 to `axes.y_max` with up
    /// to six labelled marks in the picture's number format, x over `axes.x` with a label at each
    /// of `axes.x_keys`, both axes described. Returns the chart to draw the data into.
    pub fn plot_axes<'b>(
        &self,
        sub: &'b DrawingArea<DB, Shift>,
        size_points: f64,
        axes: &PlotAxes<'_>,
    ) -> Result<ChartContext<'b, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, PictureError> {
        let style = self.spec.style;
        let language = self.spec.language;
        let y_max = axes.y_max;
        let decimals = if y_max < 10.0 { 1 } else { 0 };
        let label_font = self.font(size_points, false);
        let y_label_width = self.width(&language.number(y_max, decimals), &label_font) as i32 + self.px(size_points * 2.6);
        let mut chart = ChartBuilder::on(sub)
            .margin_right(self.px(24.0))
            .margin_top(self.px(8.0))
            .x_label_area_size(self.px(size_points * 3.2))
            .y_label_area_size(y_label_width)
            .build_cartesian_2d(axes.x.clone(), 0.0..y_max)?;
        let text_style = label_font.color(&color(style.text));
        let y_label = |y: &f64| language.number(*y, decimals);
        let mut mesh = chart.configure_mesh();
        mesh.x_labels(0)
            .y_label_formatter(&y_label)
            .y_labels(6)
            .x_desc(axes.x_desc)
            .y_desc(axes.y_desc)
            .label_style(text_style.clone())
            .axis_desc_style(text_style)
            .axis_style(color(style.axis).stroke_width(self.px(1.5).max(1) as u32))
            .bold_line_style(color(style.grid).stroke_width(self.px(1.0).max(1) as u32))
            .light_line_style(color(style.background));
        if !axes.x_mesh {
            mesh.disable_x_mesh();
        }
        mesh.draw()?;
        self.x_ticks(&chart.as_coord_spec().clone(), &axes.x_keys, (0.0, y_max), &label_font)?;
        Ok(chart)
    }

    /// Labels and grid lines at the x positions `keys` of a chart mapped by `coord`, whose y axis
    /// runs over `y_range`: a grid line up the plot, a tick and the label under the axis.
    pub fn x_ticks(
        &self,
        coord: &Cartesian2d<RangedCoordf64, RangedCoordf64>,
        keys: &[(f64, String)],
        y_range: (f64, f64),
        font: &FontDesc<'_>,
    ) -> Result<(), PictureError> {
        let style = self.spec.style;
        for (x, label) in keys {
            let bottom = coord.translate(&(*x, y_range.0));
            let top = coord.translate(&(*x, y_range.1));
            self.line(vec![top, bottom], style.grid, 1.0, None)?;
            self.line(vec![bottom, (bottom.0, bottom.1 + self.px(6.0))], style.axis, 1.5, None)?;
            self.text(label, (bottom.0, bottom.1 + self.px(9.0)), font, style.text, (HPos::Center, VPos::Top))?;
        }
        Ok(())
    }

    /// A heading at `(x, y)` cut to `max_width` (one line, `…` when cut); returns its height.
    pub fn heading(
        &self,
        text: &str,
        at: (i32, i32),
        max_width: i32,
        font: &FontDesc<'_>,
        ink: Rgb,
    ) -> Result<i32, PictureError> {
        let line = wrap(text, f64::from(max_width), 1, |s| self.width(s, font)).into_iter().next().unwrap_or_default();
        self.text(&line, at, font, ink, (HPos::Left, VPos::Top))?;
        Ok(self.line_height(font))
    }
}

/// One entry of the legend.
enum LegendItem {
    Scenario { name: String, ink: Rgb, slot: usize, leading: bool },
    Demand(&'static str),
    Capacity(&'static str),
    Shortage(String),
    Band(&'static str),
    Budget(&'static str),
}

impl LegendItem {
    fn label(&self) -> String {
        match self {
            LegendItem::Scenario { name, .. } => name.clone(),
            LegendItem::Demand(text) | LegendItem::Capacity(text) | LegendItem::Band(text) | LegendItem::Budget(text) => {
                (*text).to_owned()
            }
            LegendItem::Shortage(text) => text.clone(),
        }
    }
}
