//! Pictures for slides, drawn in software (no window, no screenshot): a domain's plot, the cost
//! plot and the one-page summary as PNG or SVG at 1920×1080, the summary also as a one-page A4
//! PDF; with title, place, scenarios (colour and dash pattern), legend, axis units, date and
//! the plan's sources, in the light or the presentation palette, in German or English.
//!
//! [`spec::ChartSpec::build`] gathers what is shown from plan, results and selection; the
//! `*_plot`/`summary` modules draw it with plotters onto any backend; [`render`] encodes it.

mod canvas;
mod cost_plot;
mod domain_plot;
pub mod palette;
mod render;
pub mod series;
pub mod spec;
mod summary;
pub mod text;

pub use palette::{LinePattern, Rgb, line_pattern, scenario_color};
pub use render::FONT_REGULAR;
pub use spec::{ChartSpec, PictureRequest, ShownScenario};

use std::path::Path;

/// Size of the PNG and SVG pictures in pixels (a full-HD slide).
pub const SLIDE_SIZE: (u32, u32) = (1920, 1080);
/// Size of the summary drawn for the PDF: A4 landscape at [`PDF_DPI`].
pub const A4_SIZE: (u32, u32) = (1754, 1240);
/// Pixels per inch of [`A4_SIZE`] (1754 px · 72 / 150 = 842 pt, A4's long side).
pub const PDF_DPI: f32 = 150.0;

/// Which picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Picture {
    /// The plot of the domain at this index of the plan.
    DomainPlot(usize),
    /// The cost plot.
    CostPlot,
    /// The one-page summary.
    Summary,
}

/// The file format of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// Raster, 1920×1080.
    Png,
    /// Vector, 1920×1080 user units.
    Svg,
    /// One A4 landscape page (the summary only).
    Pdf,
}

impl PictureFormat {
    /// The format named by the extension of `path` (`.png`, `.svg`, `.pdf`, any case).
    pub fn of_path(path: &Path) -> Option<PictureFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(PictureFormat::Png),
            "svg" => Some(PictureFormat::Svg),
            "pdf" => Some(PictureFormat::Pdf),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Png => "png",
            PictureFormat::Svg => "svg",
            PictureFormat::Pdf => "pdf",
        }
    }

    /// The formats `picture` can be saved in: PNG and SVG, and PDF for the summary.
    pub fn offered(picture: Picture) -> &'static [PictureFormat] {
        match picture {
            Picture::Summary => &[PictureFormat::Png, PictureFormat::Svg, PictureFormat::Pdf],
            _ => &[PictureFormat::Png, PictureFormat::Svg],
        }
    }
}

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PictureError {
    /// Drawing failed.
    #[error("drawing the picture failed: {0}")]
    Draw(String),
    /// Encoding as PNG or PDF failed.
    #[error("writing the picture failed: {0}")]
    Encode(String),
    /// The embedded font could not be read.
    #[error("the embedded font could not be read")]
    Font,
    /// The plan has no domain at this index.
    #[error("the plan has no domain number {0}")]
    UnknownDomain(usize),
    /// The picture is not offered in this format (a single plot as PDF).
    #[error("this picture is not offered as {0}")]
    Unsupported(&'static str),
}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>> for PictureError {
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        PictureError::Draw(error.to_string())
    }
}

/// The bytes of `picture` of `request` in `format`.
pub fn render(request: &PictureRequest<'_>, picture: Picture, format: PictureFormat) -> Result<Vec<u8>, PictureError> {
    let spec = ChartSpec::build(request);
    render_spec(&spec, picture, format)
}

/// The bytes of `picture` of `spec` in `format`.
pub fn render_spec(spec: &ChartSpec, picture: Picture, format: PictureFormat) -> Result<Vec<u8>, PictureError> {
    match format {
        PictureFormat::Png => render::png(spec, SLIDE_SIZE, |canvas, size| draw(canvas, picture, size)),
        PictureFormat::Svg => render::svg(spec, SLIDE_SIZE, |canvas, size| draw(canvas, picture, size)).map(String::into_bytes),
        PictureFormat::Pdf if picture == Picture::Summary => {
            let svg = render::svg(spec, A4_SIZE, |canvas, size| draw(canvas, picture, size))?;
            render::pdf(&svg, PDF_DPI)
        }
        PictureFormat::Pdf => Err(PictureError::Unsupported("PDF")),
    }
}

fn draw<DB: plotters::prelude::DrawingBackend>(
    canvas: &canvas::Canvas<'_, DB>,
    picture: Picture,
    size: (u32, u32),
) -> Result<(), PictureError> {
    match picture {
        Picture::DomainPlot(index) => domain_plot::domain_picture(canvas, index, size),
        Picture::CostPlot => cost_plot::cost_picture(canvas, size),
        Picture::Summary => summary::summary_picture(canvas, size),
    }
}

#[cfg(test)]
mod tests;
