//! The backends: PNG (software raster, encoded with `png`), SVG (text), and PDF (the SVG with
//! its text turned into outlines by `usvg`, then written by `svg2pdf`).

use super::PictureError;
use super::canvas::{Canvas, FAMILY, color};
use super::spec::ChartSpec;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::sync::{Arc, OnceLock};

/// The embedded regular font (DejaVu Sans, see `assets/fonts/LICENSE-DejaVu.txt`).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The embedded bold font.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the embedded fonts with plotters once; an error says the font could not be read.
fn register_fonts() -> Result<(), PictureError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_REGULAR).is_ok()
            && plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD).is_ok()
    });
    if ok { Ok(()) } else { Err(PictureError::Font) }
}

/// Draws with `draw` on a canvas of `size` pixels over the ground colour.
fn paint<DB, F>(root: &DrawingArea<DB, Shift>, spec: &ChartSpec, size: (u32, u32), draw: F) -> Result<(), PictureError>
where
    DB: DrawingBackend,
    F: Fn(&Canvas<'_, DB>, (u32, u32)) -> Result<(), PictureError>,
{
    root.fill(&color(spec.style.background))?;
    let canvas = Canvas { root, spec, unit: f64::from(size.1) / 1080.0 };
    draw(&canvas, size)?;
    root.present()?;
    Ok(())
}

/// The picture as PNG bytes (8-bit RGB).
pub fn png<F>(spec: &ChartSpec, size: (u32, u32), draw: F) -> Result<Vec<u8>, PictureError>
where
    F: for<'a, 'b> Fn(&Canvas<'a, BitMapBackend<'b>>, (u32, u32)) -> Result<(), PictureError>,
{
    register_fonts()?;
    let mut pixels = vec![0u8; size.0 as usize * size.1 as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, size).into_drawing_area();
        paint(&root, spec, size, &draw)?;
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, size.0, size.1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| PictureError::Encode(e.to_string()))?;
        writer.write_image_data(&pixels).map_err(|e| PictureError::Encode(e.to_string()))?;
    }
    Ok(bytes)
}

/// The picture as SVG text.
pub fn svg<F>(spec: &ChartSpec, size: (u32, u32), draw: F) -> Result<String, PictureError>
where
    F: for<'a, 'b> Fn(&Canvas<'a, SVGBackend<'b>>, (u32, u32)) -> Result<(), PictureError>,
{
    register_fonts()?;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        paint(&root, spec, size, &draw)?;
    }
    Ok(text)
}

/// One PDF page of `svg`, whose pixels are `dpi` to the inch (the page's size in points is the
/// SVG's size · 72 / dpi). The text becomes outlines in the embedded font, so the page looks the
/// same everywhere.
pub fn pdf(svg: &str, dpi: f32) -> Result<Vec<u8>, PictureError> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(FONT_REGULAR.to_vec());
    fonts.load_font_data(FONT_BOLD.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let options = usvg::Options { fontdb: Arc::new(fonts), font_family: "DejaVu Sans".to_owned(), ..usvg::Options::default() };
    let with_text = usvg::Tree::from_str(svg, &options).map_err(|e| PictureError::Encode(e.to_string()))?;
    let outlined = with_text.to_string(&usvg::WriteOptions::default());
    let tree = usvg::Tree::from_str(&outlined, &usvg::Options::default()).map_err(|e| PictureError::Encode(e.to_string()))?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions { dpi })
        .map_err(|e| PictureError::Encode(e.to_string()))
}
