//! The districts on a map and ranked: where does it run short? One circle per region at its
//! location (area ∝ the chosen figure, colour = first shortage month), or the regions' areas
//! filled when the planner loaded boundaries; beside it the ranking of all regions.
//!
//! The figures come from [`crate::ranking`] and are cached by results revision, plan revision,
//! scenario, domain, figure and sort order: a frame only transforms and paints.

use super::Panel;
use crate::geo::geojson::coordinate_text;
use crate::geo::{
    self, BoundaryLoadError, BoundaryMatch, Bounds, GeoJsonError, LonLat, PreparedBoundaries, Projection, ReadProblem,
};
use crate::ranking::{Figure, RegionFigures, SortColumn, ranking_order};
use crate::ui::action::Action;
use crate::ui::cells::labelled_combo;
use crate::ui::context::PanelCtx;
use crate::ui::files::PickPurpose;
use crate::ui::i18n::{Language, Strings};
use crate::ui::job::Job;
use crate::ui::snapshot::SnapshotTarget;
use crate::ui::theme;
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};
use std::path::PathBuf;

/// Zoom limits of the map.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=40.0;
/// Zoom step of the + and − buttons.
const ZOOM_STEP: f32 = 1.4;
/// Regions without a location named above the map (the rest counted).
const MAX_LISTED: usize = 30;
/// Share of the map area the regions fill at zoom 1.
const FIT_MARGIN: f64 = 0.88;

/// What the cached figures were computed from.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    computed_revision: u64,
    plan_revision: u64,
    scenario_id: String,
    domain_index: usize,
    figure: Figure,
    sort: SortColumn,
    reversed: bool,
}

/// Figures and map positions of one scenario and domain.
struct Cached {
    key: CacheKey,
    rows: Vec<RegionFigures>,
    /// Positions into `rows` in ranking order.
    order: Vec<usize>,
    /// Positions into `rows`, largest figure first (small circles are drawn on top).
    draw_order: Vec<usize>,
    /// Map position of each row's region; `None` without a location.
    positions: Vec<Option<[f64; 2]>>,
    projection: Projection,
    bounds: Option<Bounds>,
    max_value: f64,
    months: usize,
    without_location: Vec<String>,
}

/// Boundaries loaded from a GeoJSON file and matched to the plan's regions.
pub struct Boundaries {
    /// The file they came from (also in the settings).
    pub path: PathBuf,
    /// Rings and triangles.
    pub prepared: PreparedBoundaries,
    /// Which boundary belongs to which region.
    pub matched: BoundaryMatch,
    matched_for_revision: u64,
}

/// The map view: pickers, map, ranking; owns its zoom, pan, sort and the loaded boundaries.
pub struct MapPanel {
    /// Position of the domain shown in the plan.
    pub domain_index: usize,
    /// The figure that sizes circles and orders the ranking.
    pub figure: Figure,
    /// The column the ranking is sorted by.
    pub sort: SortColumn,
    /// Whether that order is reversed.
    pub reversed: bool,
    /// Zoom factor (1 = all regions fit).
    pub zoom: f32,
    /// Pan in points.
    pub pan: Vec2,
    /// Where the map was drawn in the last frame (for its picture).
    pub rect: Option<Rect>,
    /// Loaded boundaries: the map fills areas instead of drawing circles.
    pub boundaries: Option<Boundaries>,
    /// What the last boundary load had to say (errors, unmatched areas).
    pub messages: Vec<String>,
    /// Position of the region under the pointer in the last frame.
    pub hovered: Option<usize>,
    loading: Option<Job<Result<PreparedBoundaries, BoundaryLoadError>>>,
    loading_path: Option<PathBuf>,
    failed_path: Option<PathBuf>,
    cache: Option<Cached>,
    /// Width of the legend drawn in the last frame: a wide map keeps that strip free for it.
    legend_width: f32,
    /// Size of the legend drawn in the last frame (to find a corner free of regions for it).
    legend_size: Vec2,
    /// Where the legend was drawn in the last frame.
    pub legend_rect: Option<Rect>,
    /// Screen position and circle radius of each region drawn in the last frame, by id.
    pub region_points: Vec<(String, Pos2, f32)>,
    /// The region the ranking last scrolled to: it scrolls again when another is selected.
    ranking_scrolled_to: Option<String>,
}

impl Default for MapPanel {
    fn default() -> Self {
        MapPanel {
            domain_index: 0,
            figure: Figure::default(),
            sort: SortColumn::default(),
            reversed: false,
            zoom: 1.0,
            pan: Vec2::ZERO,
            rect: None,
            boundaries: None,
            messages: Vec::new(),
            hovered: None,
            loading: None,
            loading_path: None,
            failed_path: None,
            cache: None,
            legend_width: 0.0,
            legend_size: Vec2::ZERO,
            legend_rect: None,
            region_points: Vec::new(),
            ranking_scrolled_to: None,
        }
    }
}

impl Panel for MapPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut actions = self.follow_settings(ui.ctx(), ctx);
        self.refresh_cache(ctx);
        actions.extend(self.controls_ui(ui, ctx));
        let t = ctx.strings();
        for message in &self.messages {
            ui.label(egui::RichText::new(message).color(crate::ui::contrast::error_text(ui)));
        }
        if let Some(cache) = self.cache.as_ref().filter(|c| !c.without_location.is_empty()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}:", t.without_location)).strong());
                for name in cache.without_location.iter().take(MAX_LISTED) {
                    ui.label(name);
                }
                if cache.without_location.len() > MAX_LISTED {
                    ui.label(format!("… (+{})", cache.without_location.len() - MAX_LISTED));
                }
            });
        }
        // Inside a scroll area the height is unbounded: keep the map on the screen.
        let size = Vec2::new(ui.available_width(), ui.available_height().min(ui.ctx().content_rect().height()));
        if size.x < theme::MAP_SIDE_BY_SIDE_MIN_WIDTH {
            // Narrow (a projector at presentation zoom): the map over the ranking, each readable.
            // The ranking keeps room for several rows under the map (a 1280×720 projector).
            let ranking_room = theme::RANKING_MIN_ROWS as f32 * (theme::ROW_HEIGHT + ui.spacing().item_spacing.y) + 90.0;
            let map_size = Vec2::new(size.x, (size.y * theme::MAP_WIDTH_SHARE).min(size.y - ranking_room).max(160.0));
            actions.extend(self.map_ui(ui, ctx, map_size));
            ui.separator();
            actions.extend(self.ranking_ui(ui, ctx));
        } else {
            let map_width = (size.x * theme::MAP_WIDTH_SHARE).max(200.0);
            ui.horizontal_top(|ui| {
                let map_size = Vec2::new(map_width, size.y.max(160.0));
                actions.extend(self.map_ui(ui, ctx, map_size));
                ui.separator();
                ui.vertical(|ui| actions.extend(self.ranking_ui(ui, ctx)));
            });
        }
        actions
    }
}

impl MapPanel {
    /// Shows the domain at `domain_index` with its ranking sorted by first shortage, earliest
    /// first ("where first?").
    pub fn show_first_shortages(&mut self, domain_index: usize) {
        self.domain_index = domain_index;
        self.sort = SortColumn::FirstShortage;
        self.reversed = false;
        // Scroll to the selected region again in the new order.
        self.ranking_scrolled_to = None;
    }

    /// The rows of the ranking as shown, for the CSV export (computed afresh when the cache is
    /// of another state).
    pub fn ranking_rows(&mut self, ctx: &PanelCtx<'_>) -> (Vec<RegionFigures>, Vec<usize>) {
        self.refresh_cache(ctx);
        self.cache.as_ref().map(|c| (c.rows.clone(), c.order.clone())).unwrap_or_default()
    }

    /// Loads the boundary file the settings name (off the UI thread), takes a finished load in,
    /// and forgets boundaries the settings no longer name.
    fn follow_settings(&mut self, egui_ctx: &egui::Context, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let mut actions = Vec::new();
        let Some(wanted) = ctx.settings.boundaries_path.clone() else {
            self.boundaries = None;
            self.loading = None;
            self.loading_path = None;
            self.failed_path = None;
            return actions;
        };
        let known = self.boundaries.as_ref().is_some_and(|b| b.path == wanted)
            || self.loading_path.as_ref() == Some(&wanted)
            || self.failed_path.as_ref() == Some(&wanted);
        if !known {
            self.messages.clear();
            let path = wanted.clone();
            self.loading = Some(Job::spawn(0, move |_| geo::read_boundaries(&path)));
            self.loading_path = Some(wanted);
        }
        if self.loading.is_some() {
            egui_ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        if let Some(loaded) = Job::take_if_current(&mut self.loading, 0) {
            let path = self.loading_path.take().unwrap_or_default();
            let plan = ctx.plan();
            let outcome = loaded.map_err(|e| load_error_text(t, &e)).and_then(|prepared| {
                let matched = geo::match_boundaries(&prepared.file.boundaries, &plan.regions);
                if matched.matched() == 0 { Err(t.geo_no_match.to_owned()) } else { Ok((prepared, matched)) }
            });
            match outcome {
                Ok((prepared, matched)) => {
                    self.messages = match_messages(t, &matched);
                    let far_away = prepared.file.far_away();
                    if !far_away.is_empty() {
                        let shown: Vec<&str> = far_away.iter().take(12).map(String::as_str).collect();
                        self.messages.push(format!("{} ({}): {}", t.geo_far_away, far_away.len(), shown.join(", ")));
                    }
                    let revision = ctx.session.doc().revision;
                    self.boundaries = Some(Boundaries { path, prepared, matched, matched_for_revision: revision });
                    self.reset_view();
                }
                Err(message) => {
                    self.messages = vec![format!("{}: {} ({message})", t.boundaries_error, path.display())];
                    self.failed_path = Some(path);
                    self.boundaries = None;
                    actions.push(Action::SetBoundaries(None));
                }
            }
        }
        // Regions renamed or added: match again.
        let revision = ctx.session.doc().revision;
        if let Some(boundaries) = &mut self.boundaries
            && boundaries.matched_for_revision != revision
        {
            boundaries.matched = geo::match_boundaries(&boundaries.prepared.file.boundaries, &ctx.plan().regions);
            boundaries.matched_for_revision = revision;
        }
        actions
    }

    /// The region ids of the ranking, in the order shown.
    pub fn ranking_ids(&self) -> Vec<String> {
        let Some(cache) = &self.cache else { return Vec::new() };
        cache.order.iter().filter_map(|&i| cache.rows.get(i)).map(|r| r.id.clone()).collect()
    }

    /// Whether a boundary file is being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    fn reset_view(&mut self) {
        self.zoom = 1.0;
        self.pan = Vec2::ZERO;
    }

    fn refresh_cache(&mut self, ctx: &PanelCtx<'_>) {
        let domain_count = ctx.plan().domains.len();
        if self.domain_index >= domain_count {
            self.domain_index = 0;
        }
        let key = CacheKey {
            computed_revision: ctx.session.computed_revision(),
            plan_revision: ctx.session.doc().revision,
            scenario_id: ctx.selection.scenario_id.clone(),
            domain_index: self.domain_index,
            figure: self.figure,
            sort: self.sort,
            reversed: self.reversed,
        };
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let plan = ctx.plan();
        let rows = ctx
            .results_of(&key.scenario_id)
            .map(|results| crate::ranking::region_figures(plan, results, key.domain_index))
            .unwrap_or_default();
        let locations: Vec<Option<LonLat>> = rows
            .iter()
            .map(|row| {
                let location = plan.regions.iter().find(|r| r.id == row.id)?.location.as_ref()?;
                Some(LonLat { lon: location.lon, lat: location.lat })
            })
            .collect();
        let projection = Projection::for_points(locations.iter().flatten().copied());
        let positions: Vec<Option<[f64; 2]>> = locations.iter().map(|l| l.map(|l| projection.project(l))).collect();
        let bounds = Bounds::around(positions.iter().flatten().copied());
        let max_value = rows.iter().map(|r| r.value(key.figure)).fold(0.0, f64::max);
        let order = ranking_order(&rows, key.figure, key.sort, key.reversed);
        let draw_order = ranking_order(&rows, key.figure, SortColumn::Figure, false);
        let without_location = rows.iter().zip(&positions).filter(|(_, p)| p.is_none()).map(|(r, _)| r.name.clone()).collect();
        let months = ctx.session.results().months.len();
        self.cache =
            Some(Cached { key, rows, order, draw_order, positions, projection, bounds, max_value, months, without_location });
    }

    /// Domain, scenario and figure pickers; boundaries, zoom, picture and export buttons.
    fn controls_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let plan = ctx.plan();
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", t.map_domain));
            let domain_name = plan.domains.get(self.domain_index).map_or("—", |d| d.name.as_str());
            let domain_index = &mut self.domain_index;
            let domain_name = crate::format::elide(domain_name, crate::ui::cells::COMBO_NAME_CHARS);
            labelled_combo(ui, "map_domain", t.map_domain, domain_name.as_ref(), 160.0, |ui| {
                for (d, domain) in plan.domains.iter().enumerate() {
                    ui.selectable_value(domain_index, d, &domain.name);
                }
            });
            ui.label(format!("{}:", t.map_scenario));
            let scenario_name = ctx.scenario(&ctx.selection.scenario_id).map_or("—", |(_, s)| s.name.as_str());
            let scenario_name = crate::format::elide(scenario_name, crate::ui::cells::COMBO_NAME_CHARS);
            labelled_combo(ui, "map_scenario", t.map_scenario, scenario_name.as_ref(), 160.0, |ui| {
                for scenario in &plan.scenarios {
                    let chosen = scenario.id == ctx.selection.scenario_id;
                    if ui.selectable_label(chosen, &scenario.name).clicked() && !chosen {
                        actions.push(Action::SelectScenario(scenario.id.clone()));
                    }
                }
            });
            ui.separator();
            ui.label(format!("{}:", t.map_figure));
            for figure in Figure::ALL {
                if ui.selectable_label(self.figure == figure, figure_name(t, figure)).clicked() {
                    self.figure = figure;
                    self.sort = SortColumn::Figure;
                    self.reversed = false;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.load_boundaries).clicked() {
                actions.push(Action::Pick(PickPurpose::LoadBoundaries));
            }
            if self.boundaries.is_some() && ui.button(t.show_circles).clicked() {
                actions.push(Action::SetBoundaries(None));
            }
            if self.loading.is_some() {
                ui.spinner();
                ui.label(t.boundaries_loading);
            }
            if let Some(boundaries) = &self.boundaries {
                ui.label(format!("{} {}/{}", t.boundaries_matched, boundaries.matched.matched(), plan.regions.len()));
            }
            ui.separator();
            if ui.button("+").on_hover_text(t.map_zoom_in).clicked() {
                self.zoom = (self.zoom * ZOOM_STEP).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
                self.pan *= ZOOM_STEP;
            }
            if ui.button("−").on_hover_text(t.map_zoom_out).clicked() {
                self.zoom = (self.zoom / ZOOM_STEP).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
                self.pan /= ZOOM_STEP;
            }
            if ui.button(t.map_reset).clicked() {
                self.reset_view();
            }
            ui.separator();
            if ui.button("PNG").on_hover_text(t.save_map_png).clicked() {
                actions.push(Action::AskSnapshot(SnapshotTarget::Map));
            }
            if ui.button(t.export_ranking).clicked() {
                actions.push(Action::Pick(PickPurpose::ExportRanking));
            }
        });
        actions
    }

    /// The map in a rect of `size`: circles or areas, legend, hover text; a click selects.
    fn map_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, size: Vec2) -> Vec<Action> {
        let mut actions = Vec::new();
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        self.rect = Some(rect);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, theme::MAP_GROUND);
        self.pan_and_zoom(ui, &response, rect);
        let Some(cache) = &self.cache else { return actions };
        let factor = if ctx.presentation { theme::MAP_PRESENTATION_FACTOR } else { 1.0 };
        let boundaries = self.boundaries.as_ref();
        let bounds = match boundaries {
            Some(b) => boundary_bounds(b, &cache.projection).or(cache.bounds),
            None => cache.bounds,
        };
        let Some(bounds) = bounds else { return actions };
        let [w, h] = bounds.size();
        // In a wide view the map moves right of the legend instead of lying under it.
        let beside_legend = Rect::from_min_max(Pos2::new(rect.left() + self.legend_width, rect.top()), rect.max);
        let fits_beside = f64::from(beside_legend.width()) / w >= f64::from(rect.height()) / h;
        let area = if fits_beside { beside_legend } else { rect };
        let base = (f64::from(area.width()) / w).min(f64::from(area.height()) / h) * FIT_MARGIN;
        let transform = MapTransform {
            center: bounds.center(),
            scale: base * f64::from(self.zoom),
            origin: area.center() + self.pan,
            projection: cache.projection,
        };
        let selected = ctx.selection.region_id.as_deref();
        let pointer = response.hover_pos();
        let hovered = match boundaries {
            Some(b) => {
                draw_areas(&painter, cache, b, &transform, self.figure, selected, factor);
                pointer.and_then(|p| area_at(cache, b, &transform, p))
            }
            None => {
                let max_radius = max_radius(cache.rows.len(), self.zoom);
                draw_circles(&painter, cache, &transform, max_radius, selected, factor);
                draw_names(&painter, cache, &transform, ui, factor);
                pointer.and_then(|p| circle_at(cache, &transform, max_radius, p))
            }
        };
        self.hovered = hovered;
        let t = ctx.strings();
        let max_radius = max_radius(cache.rows.len(), self.zoom);
        self.region_points = cache
            .rows
            .iter()
            .zip(&cache.positions)
            .filter_map(|(row, position)| {
                let radius =
                    radius_of(row, cache.key.figure, cache.max_value, max_radius).unwrap_or(theme::MAP_NO_SHORTAGE_RADIUS);
                Some((row.id.clone(), transform.to_screen((*position)?), radius))
            })
            .collect();
        // The legend goes into the corner where it covers the fewest regions (NRW's south-west
        // corner holds Köln, Aachen and Bonn); beside the map when the map leaves that strip.
        let corner =
            if fits_beside { egui::Align2::LEFT_BOTTOM } else { legend_corner(rect, self.legend_size, &self.region_points) };
        // The legend is not enlarged again in presentation: the window's zoom already enlarges it,
        // and twice that would cover the map.
        let placed = (rect, corner, self.legend_size);
        let legend = draw_legend(&painter, ui, placed, cache, self.figure, boundaries.is_some(), ctx);
        self.legend_width = legend.width() + 8.0;
        self.legend_size = legend.size();
        self.legend_rect = Some(legend);
        if let Some(row) = hovered.and_then(|i| cache.rows.get(i)) {
            let months = &ctx.session.results().months;
            let language = ctx.language();
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(egui::RichText::new(&row.name).strong());
                for line in row_lines(t, language, row, months) {
                    ui.label(line);
                }
            });
            if response.clicked() {
                actions.push(Action::SelectRegion(Some(row.id.clone())));
            }
        }
        actions
    }

    fn pan_and_zoom(&mut self, ui: &egui::Ui, response: &egui::Response, rect: Rect) {
        if response.dragged() {
            self.pan += response.drag_delta();
        }
        if !response.hovered() {
            return;
        }
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let new_zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
            let applied = new_zoom / self.zoom;
            let anchor = response.hover_pos().unwrap_or(rect.center()) - rect.center();
            // Keep the point under the pointer where it is.
            self.pan = anchor - (anchor - self.pan) * applied;
            self.zoom = new_zoom;
        }
    }

    /// The ranking: a header that sorts, one row per region; a click on a name selects it.
    fn ranking_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let language = ctx.language();
        let mut actions = Vec::new();
        let Some(cache) = &self.cache else { return actions };
        ui.label(egui::RichText::new(format!("{} {}", cache.rows.len(), t.regions_count)).strong());
        let columns: [(SortColumn, &str, f32); 7] = [
            (SortColumn::Figure, t.rank_rank, 44.0),
            (SortColumn::Name, t.rank_region, 190.0),
            (SortColumn::FirstShortage, t.rank_first, 104.0),
            (SortColumn::Peak, t.rank_peak, 64.0),
            (SortColumn::PlaceMonths, t.rank_place_months, 92.0),
            (SortColumn::PerThousand, t.rank_per_thousand, 96.0),
            (SortColumn::Share, t.rank_share, 110.0),
        ];
        let mut clicked = None;
        let mut scrolled_to = None;
        egui::ScrollArea::horizontal().id_salt("ranking_h").show(ui, |ui| {
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    for (column, title, width) in columns {
                        let marker = if self.sort == column { if self.reversed { " ⏶" } else { " ⏷" } } else { "" };
                        ui.allocate_ui_with_layout(
                            Vec2::new(width, theme::ROW_HEIGHT),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.set_min_width(width);
                                if ui.add(egui::Button::new(egui::RichText::new(title).strong()).frame(false)).clicked() {
                                    clicked = Some(column);
                                }
                                ui.label(marker);
                            },
                        );
                    }
                });
                ui.separator();
                let months = &ctx.session.results().months;
                let selected = ctx.selection.region_id.as_deref();
                let mut rows_area = egui::ScrollArea::vertical().id_salt("ranking_rows").auto_shrink([false, false]);
                // A region selected elsewhere (map, charts, top bar) is scrolled into view, once.
                if selected.map(str::to_owned) != self.ranking_scrolled_to {
                    let rank =
                        selected.and_then(|id| cache.order.iter().position(|&i| cache.rows.get(i).is_some_and(|r| r.id == id)));
                    if let Some(rank) = rank {
                        let row = theme::ROW_HEIGHT + ui.spacing().item_spacing.y;
                        rows_area = rows_area.vertical_scroll_offset((rank as f32 - 2.0).max(0.0) * row);
                    }
                    scrolled_to = Some(selected.map(str::to_owned));
                }
                rows_area.show_rows(ui, theme::ROW_HEIGHT, cache.order.len(), |ui, range| {
                    for rank in range {
                        let Some(row) = cache.order.get(rank).and_then(|&i| cache.rows.get(i)) else { continue };
                        ui.horizontal(|ui| {
                            ui.set_height(theme::ROW_HEIGHT);
                            // Numbers right-aligned in columns as wide as their headers.
                            let cell = |ui: &mut egui::Ui, width: f32, text: String| {
                                ui.allocate_ui_with_layout(
                                    Vec2::new(width, theme::ROW_HEIGHT),
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        ui.set_min_width(width);
                                        ui.add(egui::Label::new(text).truncate());
                                    },
                                );
                            };
                            cell(ui, columns[0].2, format!("{}", rank + 1));
                            let name = ui
                                .allocate_ui_with_layout(
                                    Vec2::new(columns[1].2, theme::ROW_HEIGHT),
                                    egui::Layout::left_to_right(egui::Align::Center),
                                    |ui| {
                                        ui.set_min_width(columns[1].2);
                                        ui.add(egui::Button::selectable(selected == Some(row.id.as_str()), &row.name).truncate())
                                    },
                                )
                                .inner;
                            if name.clicked() {
                                actions.push(Action::SelectRegion(Some(row.id.clone())));
                            }
                            let first = row
                                .first_shortage
                                .and_then(|m| months.get(m))
                                .map_or_else(|| t.no_shortage.to_owned(), |m| language.month(*m));
                            cell(ui, columns[2].2, first);
                            cell(ui, columns[3].2, language.number(row.peak_shortage, 0));
                            cell(ui, columns[4].2, language.number(row.place_months, 0));
                            cell(ui, columns[5].2, language.number(row.per_thousand, 2));
                            cell(ui, columns[6].2, language.percent_with(row.share, 1));
                            let (bar, _) = ui.allocate_exact_size(
                                Vec2::new(theme::RANKING_BAR_WIDTH, theme::ROW_HEIGHT * 0.6),
                                Sense::hover(),
                            );
                            let fraction = if cache.max_value > 0.0 { row.value(self.figure) / cache.max_value } else { 0.0 };
                            let filled = Rect::from_min_size(bar.min, Vec2::new(bar.width() * fraction as f32, bar.height()));
                            ui.painter().rect_filled(filled, 1.0, theme::MAP_EARLY);
                            ui.painter().rect_stroke(
                                bar,
                                1.0,
                                Stroke::new(0.5, theme::MAP_NO_SHORTAGE),
                                egui::StrokeKind::Inside,
                            );
                        });
                    }
                });
            });
        });
        if let Some(region) = scrolled_to {
            self.ranking_scrolled_to = region;
        }
        if let Some(column) = clicked {
            if self.sort == column {
                self.reversed = !self.reversed;
            } else {
                self.sort = column;
                self.reversed = false;
            }
        }
        actions
    }
}

/// Map units to screen points.
struct MapTransform {
    center: [f64; 2],
    scale: f64,
    origin: Pos2,
    projection: Projection,
}

impl MapTransform {
    fn to_screen(&self, p: [f64; 2]) -> Pos2 {
        Pos2::new(
            self.origin.x + ((p[0] - self.center[0]) * self.scale) as f32,
            self.origin.y + ((p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    fn lon_lat_to_screen(&self, point: LonLat) -> Pos2 {
        self.to_screen(self.projection.project(point))
    }

    fn to_lon_lat(&self, pos: Pos2) -> LonLat {
        let x = f64::from(pos.x - self.origin.x) / self.scale + self.center[0];
        let y = f64::from(pos.y - self.origin.y) / self.scale + self.center[1];
        LonLat { lon: x / self.projection.x_scale, lat: -y }
    }
}

/// The largest circle's radius: smaller when many regions share the map.
fn max_radius(regions: usize, zoom: f32) -> f32 {
    let crowd = (53.0 / regions.max(1) as f32).sqrt();
    (theme::MAP_MAX_RADIUS * crowd).clamp(theme::MAP_MIN_MAX_RADIUS, theme::MAP_MAX_RADIUS) * zoom.sqrt()
}

fn radius_of(row: &RegionFigures, figure: Figure, max_value: f64, max_radius: f32) -> Option<f32> {
    let value = row.value(figure);
    (value > 0.0 && max_value > 0.0).then(|| (max_radius * (value / max_value).sqrt() as f32).max(1.5))
}

fn month_color(first_shortage: Option<usize>, months: usize) -> Color32 {
    match first_shortage {
        Some(t) => theme::first_shortage_color(t as f32 / months.saturating_sub(1).max(1) as f32),
        None => theme::MAP_NO_SHORTAGE,
    }
}

fn draw_circles(
    painter: &egui::Painter,
    cache: &Cached,
    transform: &MapTransform,
    max_radius: f32,
    selected: Option<&str>,
    factor: f32,
) {
    let clip = painter.clip_rect();
    let outline = Stroke::new(0.8 * factor, theme::MAP_OUTLINE);
    for &i in &cache.draw_order {
        let (Some(row), Some(Some(position))) = (cache.rows.get(i), cache.positions.get(i)) else { continue };
        let center = transform.to_screen(*position);
        let radius = radius_of(row, cache.key.figure, cache.max_value, max_radius);
        let reach = radius.unwrap_or(theme::MAP_NO_SHORTAGE_RADIUS) + 4.0;
        if !clip.expand(reach).contains(center) {
            continue;
        }
        let _ = match radius {
            Some(radius) => painter.circle(center, radius, month_color(row.first_shortage, cache.months), outline),
            None => painter.circle_stroke(
                center,
                theme::MAP_NO_SHORTAGE_RADIUS * factor.sqrt(),
                Stroke::new(1.2 * factor, theme::MAP_NO_SHORTAGE),
            ),
        };
        if selected == Some(row.id.as_str()) {
            let ring = radius.unwrap_or(theme::MAP_NO_SHORTAGE_RADIUS) + 3.0 * factor;
            painter.circle_stroke(center, ring, Stroke::new(2.5 * factor, theme::MAP_SELECTED));
        }
    }
}

/// The names of the regions with the largest figures (more in presentation mode is not better:
/// fewer, larger labels read from the back of the room).
fn draw_names(painter: &egui::Painter, cache: &Cached, transform: &MapTransform, ui: &egui::Ui, factor: f32) {
    // The window's zoom already enlarges text in presentation mode; a little more, not twice.
    let font = egui::FontId::proportional(map_text_size(ui, factor > 1.0, 11.0));
    let color = ui.visuals().strong_text_color();
    let mut taken: Vec<Rect> = Vec::new();
    for &i in cache.draw_order.iter().take(if factor > 1.0 { 5 } else { 8 }) {
        let (Some(row), Some(Some(position))) = (cache.rows.get(i), cache.positions.get(i)) else { continue };
        if row.value(cache.key.figure) <= 0.0 {
            continue;
        }
        let at = transform.to_screen(*position) + Vec2::new(0.0, 2.0);
        let galley = painter.layout_no_wrap(row.name.clone(), font.clone(), color);
        let place = egui::Align2::CENTER_TOP.anchor_size(at, galley.size()).expand(2.0);
        // A name that would run into another, or off the map, is left out: the hover and the
        // ranking name every region.
        if taken.iter().any(|other| other.intersects(place)) || !painter.clip_rect().contains_rect(place) {
            continue;
        }
        taken.push(place);
        painter.rect_filled(place, 3.0, theme::MAP_LABEL_GROUND);
        painter.galley(place.min + Vec2::splat(2.0), galley, color);
    }
}

fn draw_areas(
    painter: &egui::Painter,
    cache: &Cached,
    boundaries: &Boundaries,
    transform: &MapTransform,
    figure: Figure,
    selected: Option<&str>,
    factor: f32,
) {
    let prepared = &boundaries.prepared;
    let mut mesh = egui::Mesh::default();
    let mut outlines = Vec::new();
    let outline = Stroke::new(0.7 * factor, theme::MAP_OUTLINE);
    for (row_index, row) in cache.rows.iter().enumerate() {
        let Some(Some(b)) = boundaries.matched.boundary_of_region.get(row.index) else { continue };
        let (Some(boundary), Some(triangles)) = (prepared.file.boundaries.get(*b), prepared.triangles.get(*b)) else {
            continue;
        };
        let value = row.value(figure);
        let color = if value > 0.0 && cache.max_value > 0.0 {
            theme::first_shortage_color(1.0 - (value / cache.max_value) as f32)
        } else {
            Color32::from_gray(0xe4)
        };
        let stroke = if selected == Some(row.id.as_str()) { Stroke::new(3.0 * factor, theme::MAP_SELECTED) } else { outline };
        for (ring, ring_triangles) in boundary.rings.iter().zip(triangles) {
            let points: Vec<Pos2> = ring.iter().map(|p| transform.lon_lat_to_screen(*p)).collect();
            let base = mesh.vertices.len() as u32;
            for point in &points {
                mesh.colored_vertex(*point, color);
            }
            for [a, b, c] in ring_triangles {
                mesh.add_triangle(base + a, base + b, base + c);
            }
            outlines.push((points, stroke));
        }
        let _ = row_index;
    }
    painter.add(egui::Shape::mesh(mesh));
    // Selected outline last, on top.
    outlines.sort_by(|a, b| a.1.width.total_cmp(&b.1.width));
    for (points, stroke) in outlines {
        painter.add(egui::Shape::closed_line(points, stroke));
    }
}

fn boundary_bounds(boundaries: &Boundaries, projection: &Projection) -> Option<Bounds> {
    let points = boundaries
        .matched
        .boundary_of_region
        .iter()
        .flatten()
        .filter_map(|&b| boundaries.prepared.file.boundaries.get(b))
        .flat_map(|b| b.rings.iter().flatten())
        .map(|p| projection.project(*p));
    Bounds::around(points)
}

/// The region (row position) whose circle is under `pointer`: the smallest containing it.
fn circle_at(cache: &Cached, transform: &MapTransform, max_radius: f32, pointer: Pos2) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, (row, position)) in cache.rows.iter().zip(&cache.positions).enumerate() {
        let Some(position) = position else { continue };
        let radius =
            radius_of(row, cache.key.figure, cache.max_value, max_radius).unwrap_or(theme::MAP_NO_SHORTAGE_RADIUS).max(5.0);
        let distance = transform.to_screen(*position).distance(pointer);
        if distance <= radius && best.is_none_or(|(_, r)| radius < r) {
            best = Some((i, radius));
        }
    }
    best.map(|(i, _)| i)
}

/// The region (row position) whose area holds `pointer`.
fn area_at(cache: &Cached, boundaries: &Boundaries, transform: &MapTransform, pointer: Pos2) -> Option<usize> {
    let point = transform.to_lon_lat(pointer);
    cache.rows.iter().position(|row| {
        let Some(Some(b)) = boundaries.matched.boundary_of_region.get(row.index) else { return false };
        boundaries
            .prepared
            .file
            .boundaries
            .get(*b)
            .is_some_and(|boundary| boundary.rings.iter().any(|ring| ring_contains(ring, point)))
    })
}

/// Whether `point` lies inside `ring` (even-odd rule).
fn ring_contains(ring: &[LonLat], point: LonLat) -> bool {
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(p) => *p,
        None => return false,
    };
    for current in ring {
        if (current.lat > point.lat) != (previous.lat > point.lat) {
            let x = previous.lon + (point.lat - previous.lat) / (current.lat - previous.lat) * (current.lon - previous.lon);
            if point.lon < x {
                inside = !inside;
            }
        }
        previous = *current;
    }
    inside
}

/// The legend in the lower left corner: circle sizes (or the fill scale) and colours; returns
/// where it was drawn.
#[allow(clippy::too_many_arguments)]
/// The corner of the map `rect` where a legend of `size` covers the fewest region circles
/// (`points`: centre and radius), the bottom left one when it covers none.
fn legend_corner(rect: Rect, size: Vec2, points: &[(String, Pos2, f32)]) -> egui::Align2 {
    use egui::Align2;
    let corners = [Align2::LEFT_BOTTOM, Align2::RIGHT_BOTTOM, Align2::LEFT_TOP, Align2::RIGHT_TOP];
    let covered = |corner: Align2| {
        let legend = corner.align_size_within_rect(size, rect.shrink(8.0));
        points.iter().filter(|(_, at, radius)| legend.expand(*radius).contains(*at)).count()
    };
    corners.into_iter().min_by_key(|corner| covered(*corner)).unwrap_or(Align2::LEFT_BOTTOM)
}

/// Size of the map's own text (legend, names) in points: 12 at the desk; in presentation mode
/// at least 16 pixels on the screen, whatever the zoom (issue 20).
pub fn map_text_size(ui: &egui::Ui, presentation: bool, desk_points: f32) -> f32 {
    if presentation { desk_points.max(theme::PRESENTATION_MIN_TEXT_PIXELS / ui.ctx().zoom_factor()) } else { desk_points }
}

/// Draws the legend into the `corner` of the map `rect` (`placed`, with the legend's size of the
/// last frame); returns where it was drawn.
fn draw_legend(
    painter: &egui::Painter,
    ui: &egui::Ui,
    placed: (Rect, egui::Align2, Vec2),
    cache: &Cached,
    figure: Figure,
    areas: bool,
    ctx: &PanelCtx<'_>,
) -> Rect {
    let (rect, corner, last_size) = placed;
    let t = ctx.strings();
    let language = ctx.language();
    let months = &ctx.session.results().months;
    let size = map_text_size(ui, ctx.presentation, 12.0);
    let font = egui::FontId::proportional(size);
    let text_color = Color32::from_gray(0x20);
    let line = size + 6.0;
    let height = line * 5.0 + 8.0;
    // Placed by the size of the last frame (the width is known once the text is drawn).
    let width = if last_size.x > 0.0 {
        last_size.x
    } else {
        painter.layout_no_wrap(format!("{} … {}", t.legend_early, t.legend_late), font.clone(), text_color).size().x + 150.0
    };
    let top_left = corner.align_size_within_rect(Vec2::new(width, height), rect.shrink(8.0)).min;
    // The ground is sized to the text once it is drawn: it never lets a line run out of it.
    let ground = painter.add(egui::Shape::Noop);
    let right = std::cell::Cell::new(top_left.x);
    let mut y = top_left.y + 4.0 + line / 2.0;
    let x = top_left.x + 8.0;
    let text = |y: f32, x: f32, s: String| {
        let drawn = painter.text(Pos2::new(x, y), egui::Align2::LEFT_CENTER, s, font.clone(), text_color);
        right.set(right.get().max(drawn.right()));
    };
    text(y, x, figure_name(t, figure).to_owned());
    y += line;
    if areas {
        // The fill scale: light = small, dark = large.
        let bar = Rect::from_min_size(Pos2::new(x, y - size / 2.0), Vec2::new(120.0, size));
        gradient(painter, bar, true);
        text(y, bar.right() + 6.0, format!("0 … {}", language.number(cache.max_value, 1)));
        y += line;
    } else {
        let max_radius = max_radius(cache.rows.len(), 1.0).min(size);
        let mut cx = x + max_radius;
        for share in [1.0, 0.25] {
            let radius = max_radius * (share as f32).sqrt();
            painter.circle(Pos2::new(cx, y), radius, theme::MAP_NO_SHORTAGE, Stroke::new(0.8, theme::MAP_OUTLINE));
            text(y, cx + radius + 4.0, language.number(cache.max_value * share, 0));
            cx += radius * 2.0 + 60.0 * size / 12.0;
        }
        text(y, cx - 10.0, format!("({} {})", t.legend_area, figure_short(t, figure)));
        y += line;
    }
    let bar = Rect::from_min_size(Pos2::new(x, y - size / 2.0), Vec2::new(120.0, size));
    gradient(painter, bar, false);
    text(y, bar.right() + 6.0, format!("{} … {}", t.legend_early, t.legend_late));
    y += line;
    let first = months.first().map(|m| language.month(*m)).unwrap_or_default();
    let last = months.last().map(|m| language.month(*m)).unwrap_or_default();
    text(y, x, format!("{first} … {last}"));
    y += line;
    painter.circle_stroke(Pos2::new(x + 5.0, y), theme::MAP_NO_SHORTAGE_RADIUS + 1.0, Stroke::new(1.5, theme::MAP_NO_SHORTAGE));
    text(y, x + 16.0, t.no_shortage.to_owned());
    let frame = Rect::from_min_max(top_left, Pos2::new(right.get() + 8.0, top_left.y + height));
    painter.set(ground, egui::Shape::rect_filled(frame, 4.0, theme::MAP_LABEL_GROUND));
    frame
}

/// A colour ramp from dark to light (or, for areas, light to dark) in `bar`.
fn gradient(painter: &egui::Painter, bar: Rect, rising: bool) {
    let steps = 24;
    for step in 0..steps {
        let f = step as f32 / (steps - 1) as f32;
        let color = theme::first_shortage_color(if rising { 1.0 - f } else { f });
        let x0 = bar.left() + bar.width() * step as f32 / steps as f32;
        let piece = Rect::from_min_max(Pos2::new(x0, bar.top()), Pos2::new(x0 + bar.width() / steps as f32 + 0.5, bar.bottom()));
        painter.rect_filled(piece, 0.0, color);
    }
}

/// The name of a figure in the picker.
pub fn figure_name(t: &Strings, figure: Figure) -> &'static str {
    match figure {
        Figure::PeakShortage => t.figure_peak,
        Figure::PlaceMonths => t.figure_place_months,
        Figure::PerThousand => t.figure_per_thousand,
    }
}

fn figure_short(t: &Strings, figure: Figure) -> &'static str {
    match figure {
        Figure::PeakShortage => t.rank_peak,
        Figure::PlaceMonths => t.rank_place_months,
        Figure::PerThousand => t.rank_per_thousand,
    }
}

/// The figures of a region as lines of its hover text.
fn row_lines(t: &Strings, language: Language, row: &RegionFigures, months: &[crate::model::Month]) -> Vec<String> {
    let first = row.first_shortage.and_then(|m| months.get(m)).map_or_else(|| t.no_shortage.to_owned(), |m| language.month(*m));
    vec![
        format!("{}: {first}", t.rank_first),
        format!("{}: {}", t.rank_peak, language.number(row.peak_shortage, 0)),
        format!("{}: {}", t.rank_place_months, language.number(row.place_months, 0)),
        format!("{}: {}", t.rank_per_thousand, language.number(row.per_thousand, 2)),
        format!("{}: {}", t.rank_share, language.percent_with(row.share, 1)),
    ]
}

fn load_error_text(t: &Strings, error: &BoundaryLoadError) -> String {
    match error {
        BoundaryLoadError::Read { problem, reason } => match problem {
            ReadProblem::NotFound => t.geo_not_found.to_owned(),
            ReadProblem::PermissionDenied => t.geo_permission.to_owned(),
            ReadProblem::IsDirectory => t.geo_is_folder.to_owned(),
            ReadProblem::NotAFile => t.geo_not_a_file.to_owned(),
            // The system's own words are English; the window names only its code.
            ReadProblem::Other => match reason.rsplit_once("(os error ") {
                Some((_, code)) => format!("{} {}", t.geo_os_error, code.trim_end_matches(')')),
                None => t.geo_read.to_owned(),
            },
        },
        BoundaryLoadError::TooLarge { limit_bytes } => {
            format!("{} ({} {} MiB)", t.geo_too_large, t.geo_limit, limit_bytes / (1024 * 1024))
        }
        BoundaryLoadError::GeoJson(GeoJsonError::NotJson { line, column }) => {
            format!("{} {line}, {} {column}", t.geo_not_json, t.geo_column)
        }
        BoundaryLoadError::GeoJson(GeoJsonError::TooDeep { line, column }) => {
            format!("{} {line}, {} {column}", t.geo_too_deep, t.geo_column)
        }
        BoundaryLoadError::GeoJson(GeoJsonError::Utf16) => t.geo_utf16.to_owned(),
        BoundaryLoadError::GeoJson(GeoJsonError::TooManyAreas { rings, points }) => {
            format!("{} {rings}/{points}", t.geo_too_many)
        }
        BoundaryLoadError::GeoJson(GeoJsonError::NotFeatureCollection) => t.geo_not_feature_collection.to_owned(),
        BoundaryLoadError::GeoJson(GeoJsonError::NoPolygons) => t.geo_no_polygons.to_owned(),
        BoundaryLoadError::GeoJson(GeoJsonError::UnsupportedCrs(name)) => format!("{}: {name}", t.geo_crs),
        BoundaryLoadError::GeoJson(GeoJsonError::OutOfRange(x, y)) => {
            format!("{}: {}, {}", t.geo_out_of_range, coordinate_text(*x), coordinate_text(*y))
        }
    }
}

fn match_messages(t: &Strings, matched: &BoundaryMatch) -> Vec<String> {
    let mut messages = Vec::new();
    let list = |names: &[String]| {
        let shown: Vec<&str> = names.iter().take(12).map(String::as_str).collect();
        let more = if names.len() > shown.len() { format!(" … (+{})", names.len() - shown.len()) } else { String::new() };
        format!("{}{more}", shown.join(", "))
    };
    if !matched.unmatched_features.is_empty() {
        messages.push(format!(
            "{} ({}): {}",
            t.unmatched_features,
            matched.unmatched_features.len(),
            list(&matched.unmatched_features)
        ));
    }
    if !matched.regions_without.is_empty() {
        messages.push(format!(
            "{} ({}): {}",
            t.regions_without_boundary,
            matched.regions_without.len(),
            list(&matched.regions_without)
        ));
    }
    messages
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
