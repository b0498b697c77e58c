//! Pictures for slides: what a picture shows, and the map saved as PNG from a screenshot of the
//! rendered window (egui's viewport screenshot command). Plots and the one-page summary are
//! drawn in software instead ([`crate::picture`]).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What a picture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SnapshotTarget {
    /// The plot of the domain with this index.
    DomainPlot(usize),
    /// The yearly cost plot.
    CostPlot,
    /// The one-page summary: title, scenarios, indicators and the domain plots.
    SummaryPage,
    /// The map of the districts.
    Map,
}

impl SnapshotTarget {
    /// The picture drawn in software for this target; `None` for the map (a screenshot).
    pub fn picture(self) -> Option<crate::picture::Picture> {
        match self {
            SnapshotTarget::DomainPlot(index) => Some(crate::picture::Picture::DomainPlot(index)),
            SnapshotTarget::CostPlot => Some(crate::picture::Picture::CostPlot),
            SnapshotTarget::SummaryPage => Some(crate::picture::Picture::Summary),
            SnapshotTarget::Map => None,
        }
    }
}

/// A screenshot on its way to a file.
pub struct PendingSnapshot {
    /// What is being saved.
    pub target: SnapshotTarget,
    /// Where it goes.
    pub path: PathBuf,
    /// Frames drawn since the request (the screenshot is requested once the window has settled).
    pub frames: u32,
    /// Whether the screenshot command was sent.
    pub requested: bool,
    receiver: Option<Receiver<Result<(), String>>>,
}

impl PendingSnapshot {
    /// A snapshot of `target` to be saved at `path`.
    pub fn new(target: SnapshotTarget, path: PathBuf) -> Self {
        PendingSnapshot { target, path, frames: 0, requested: false, receiver: None }
    }

    /// Asks the integration for a screenshot of the next frame; `area` (points) is cut out of it.
    /// `empty_area` is the message when nothing of `area` is on the screen.
    pub fn request(&mut self, ctx: &egui::Context, area: Option<egui::Rect>, empty_area: &'static str) {
        let (sender, receiver) = channel();
        let path = self.path.clone();
        let pixels_per_point = ctx.pixels_per_point();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let crop = area.map(|rect| pixel_rect(rect, pixels_per_point));
            let written = encode_png(&image, crop)
                .map_err(|error| if error == EMPTY_AREA { empty_area.to_owned() } else { error })
                .and_then(|bytes| crate::io::write_atomically(&path, &bytes, false).map_err(|e| e.to_string()));
            let _ = sender.send(written);
            repaint.request_repaint();
        });
        self.receiver = Some(receiver);
        self.requested = true;
    }

    /// The outcome once the picture is written.
    pub fn poll(&self) -> Option<Result<(), String>> {
        self.receiver.as_ref()?.try_recv().ok()
    }
}

/// `rect` in points as whole pixels `[x, y, width, height]`.
pub fn pixel_rect(rect: egui::Rect, pixels_per_point: f32) -> [usize; 4] {
    let x = (rect.min.x * pixels_per_point).floor().max(0.0) as usize;
    let y = (rect.min.y * pixels_per_point).floor().max(0.0) as usize;
    let w = (rect.width() * pixels_per_point).ceil().max(1.0) as usize;
    let h = (rect.height() * pixels_per_point).ceil().max(1.0) as usize;
    [x, y, w, h]
}

/// The error of [`encode_png`] when the area to save is empty (the caller words it).
pub const EMPTY_AREA: &str = "the area to save is empty";

/// The image (or the part `[x, y, width, height]` of it, clipped to the image) as PNG bytes.
pub fn encode_png(image: &egui::ColorImage, crop: Option<[usize; 4]>) -> Result<Vec<u8>, String> {
    let [image_w, image_h] = image.size;
    let [x, y, w, h] = crop.unwrap_or([0, 0, image_w, image_h]);
    let x = x.min(image_w);
    let y = y.min(image_h);
    let w = w.min(image_w - x);
    let h = h.min(image_h - y);
    if w == 0 || h == 0 {
        return Err(EMPTY_AREA.to_owned());
    }
    let mut rgba = Vec::with_capacity(w * h * 4);
    for row in y..y + h {
        let start = row * image_w + x;
        for pixel in image.pixels.get(start..start + w).unwrap_or(&[]) {
            rgba.extend_from_slice(&pixel.to_srgba_unmultiplied());
        }
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(bytes)
}

/// The file name suggested for a picture of `target` of the plan file `stem`.
pub fn suggested_name(stem: &str, target: SnapshotTarget, domain_ids: &[String], t: &super::i18n::Strings) -> String {
    match target {
        SnapshotTarget::DomainPlot(d) => format!("{stem}-{}.png", domain_ids.get(d).map_or("plot", String::as_str)),
        SnapshotTarget::CostPlot => format!("{stem}-{}.png", t.file_costs),
        SnapshotTarget::SummaryPage => format!("{stem}-{}.png", t.file_summary),
        SnapshotTarget::Map => format!("{stem}-{}.png", t.file_map),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cropped_picture_holds_exactly_the_pixels_of_its_area() {
        let size = [6, 4];
        let pixels = (0..24).map(|i| egui::Color32::from_rgb(i as u8 * 10, 0, 255)).collect();
        let image = egui::ColorImage::new(size, pixels);
        let bytes = encode_png(&image, Some([2, 1, 3, 2])).unwrap_or_default();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{e}"));
        let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
        let info = reader.next_frame(&mut buffer).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((info.width, info.height), (3, 2));
        // First pixel of the crop is image pixel (2, 1) = index 8.
        assert_eq!(&buffer[..4], &[80, 0, 255, 255]);
        // Last pixel is (4, 2) = index 16.
        assert_eq!(&buffer[buffer.len() - 4..], &[160, 0, 255, 255]);
    }

    #[test]
    fn a_crop_outside_the_image_is_clipped_or_refused() {
        let image = egui::ColorImage::new([4, 4], vec![egui::Color32::WHITE; 16]);
        assert!(encode_png(&image, Some([3, 3, 10, 10])).is_ok());
        assert!(encode_png(&image, Some([9, 9, 2, 2])).is_err());
    }

    #[test]
    fn pixel_rects_scale_with_the_zoom() {
        let rect = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(100.0, 50.0));
        assert_eq!(pixel_rect(rect, 2.0), [20, 40, 200, 100]);
    }
}
