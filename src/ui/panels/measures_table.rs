//! The measures table as two tables side by side that share rows and vertical scroll offset:
//! on the left the frozen part (duplicate/delete and the name), on the right every other column
//! in a sideways-scrolling area, so that the name stays in view while the planner scrolls to
//! "Finanzierung" or "Notizen" on a narrow side panel (a 1280 px projector).

use super::Drafts;
use super::measures::{MeasureView, SortColumn, funding_label};
use crate::model::{Funding, Measure, Plan};
use crate::ui::cells::{CellContext, labelled_combo, take_noted_focus};
use crate::ui::context::PanelCtx;
use crate::ui::document::{Command, unique_id};
use crate::ui::i18n::Strings;
use crate::ui::region_picker::{RegionChoices, RegionPicker};
use crate::ui::theme::ROW_HEIGHT;
use egui_extras::{Column, TableBuilder, TableRow};

/// The height of a row and of the header.
const LINE_HEIGHT: f32 = ROW_HEIGHT + 4.0;
/// The frozen name column takes the room the first scrolling columns leave (see
/// [`FIRST_COLUMNS`]), but no less and no more than these widths (points).
const NAME_WIDTH_RANGE: (f32, f32) = (130.0, 240.0);
/// Width of the frozen column of the duplicate and delete buttons (points).
const BUTTONS_WIDTH: f32 = 58.0;
/// The scrolling columns a planner needs at a glance beside the name: Bereich, Region, Plätze,
/// Beginn and Einmalkosten. The side panel's default width leaves room for them
/// ([`crate::ui::theme::MEASURES_TABLE_ROOM`]).
const FIRST_COLUMNS: usize = 5;
/// Space between two columns of the table (points).
const COLUMN_GAP: f32 = 4.0;

/// What the table keeps between frames.
#[derive(Debug, Default)]
pub struct TableState {
    /// The shared vertical scroll offset of both halves (points).
    pub scroll_y: f32,
    /// The offset each half (frozen, scrolling) had at the end of the last frame.
    pub shown_y: [f32; 2],
    /// The id of a measure just added: the table scrolls to it and focuses its name.
    pub focus_id: Option<String>,
    /// Whether the scrolling half was wider than its room in the last frame.
    pub overflows: bool,
    /// A sideways offset to apply in the next frame (a cell got the keyboard focus off view).
    pub reveal_x: Option<f32>,
}

/// Draws the table of the measures `rows` (plan indices in shown order) and returns the edits.
pub fn table_ui(
    view: &mut MeasureView,
    state: &mut TableState,
    drafts: &mut Drafts,
    ctx: &PanelCtx<'_>,
    ui: &mut egui::Ui,
    rows: &[usize],
) -> Vec<Command> {
    let t = ctx.strings();
    let plan = ctx.plan();
    let mut commands = Vec::new();
    let mut cells = CellContext { drafts, issues: ctx.issues(), language: ctx.language() };
    let target_row =
        state.focus_id.as_ref().and_then(|id| rows.iter().position(|&i| plan.measures.get(i).is_some_and(|m| m.id == *id)));
    let first_columns: f32 = COLUMN_WIDTHS.iter().take(FIRST_COLUMNS).map(|(width, _)| width + COLUMN_GAP).sum();
    let name_width = (ui.available_width() - BUTTONS_WIDTH - 3.0 * COLUMN_GAP - first_columns - bar_room_x(ui))
        .clamp(NAME_WIDTH_RANGE.0, NAME_WIDTH_RANGE.1);
    let height = ui.available_height();
    // Both halves keep the same room for rows: the scrolling half loses the sideways bar's height.
    let solid = egui::style::ScrollStyle::solid();
    let bar_room = solid.bar_width + solid.bar_inner_margin + solid.bar_outer_margin;
    let mut offsets = state.shown_y;
    let mut focused = false;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = COLUMN_GAP;
        let frozen = ui.vertical(|ui| {
            ui.set_height((height - bar_room).max(0.0));
            let handles = ui.scope_id().with(egui::IdSalt::new("measures_names"));
            let mut table = TableBuilder::new(ui)
                .id_salt("measures_names")
                .striped(true)
                .resizable(true)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(BUTTONS_WIDTH))
                .column(Column::initial(name_width).range(NAME_WIDTH_RANGE.0..=420.0).clip(true));
            if let Some(row) = target_row {
                table = table.scroll_to_row(row, Some(egui::Align::Center)).animate_scrolling(false);
            } else if (state.shown_y[0] - state.scroll_y).abs() > 0.5 {
                table = table.vertical_scroll_offset(state.scroll_y);
            }
            let output = table
                .header(LINE_HEIGHT, |mut header| {
                    header.col(|_| {});
                    header.col(|ui| sort_header(ui, view, SortColumn::Name, t.col_name));
                })
                .body(|body| {
                    body.rows(LINE_HEIGHT, rows.len(), |mut row| {
                        let Some(&index) = rows.get(row.index()) else { return };
                        let Some(measure) = plan.measures.get(index) else { return };
                        let focus = target_row == Some(row.index());
                        focused |= focus;
                        frozen_row_ui(&mut row, &mut cells, plan, index, measure, focus, t, &mut commands);
                    });
                });
            name_column_handles(ui.ctx(), handles, &[t.duplicate, t.col_name], t);
            output
        });
        offsets[0] = frozen.inner.state.clamped_offset().y;
        // A solid, always visible sideways bar: the planner must see that there is more.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        // Only a focus gained in the scrolling half counts.
        take_noted_focus(ui.ctx());
        let mut area = egui::ScrollArea::horizontal();
        if let Some(x) = state.reveal_x.take() {
            area = area.horizontal_scroll_offset(x);
        }
        let scrolling = area
            .id_salt("measures_columns")
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    ui.set_height((height - bar_room).max(0.0));
                    // The table takes the width it needs; the area scrolls over it.
                    let spacing = ui.spacing().item_spacing.x;
                    ui.set_min_width(COLUMN_WIDTHS.iter().map(|(width, _)| width + spacing).sum::<f32>());
                    let handles = ui.scope_id().with(egui::IdSalt::new("measures_columns_table"));
                    let mut table = TableBuilder::new(ui)
                        .id_salt("measures_columns_table")
                        .striped(true)
                        .resizable(true)
                        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
                    for (width, least) in COLUMN_WIDTHS {
                        table = table.column(Column::initial(width).at_least(least).at_most(width * 3.0).clip(true));
                    }
                    if let Some(row) = target_row {
                        table = table.scroll_to_row(row, Some(egui::Align::Center)).animate_scrolling(false);
                    } else if (state.shown_y[1] - state.scroll_y).abs() > 0.5 {
                        table = table.vertical_scroll_offset(state.scroll_y);
                    }
                    let output = table
                        .header(LINE_HEIGHT, |mut header| {
                            for (column, label) in sortable_columns(t) {
                                header.col(|ui| sort_header(ui, view, column, label));
                            }
                            header.col(|ui| {
                                ui.strong(t.col_notes);
                            });
                        })
                        .body(|body| {
                            body.rows(LINE_HEIGHT, rows.len(), |mut row| {
                                let Some(&index) = rows.get(row.index()) else { return };
                                let Some(measure) = plan.measures.get(index) else { return };
                                if let Some(edited) = columns_row_ui(&mut row, &mut cells, ctx, index, measure) {
                                    commands.push(Command::SetMeasure(index, edited));
                                }
                            });
                        });
                    let mut columns: Vec<&str> = sortable_columns(t).into_iter().map(|(_, label)| label).collect();
                    columns.push(t.col_notes);
                    name_column_handles(ui.ctx(), handles, &columns, t);
                    output
                })
                .inner
            });
        offsets[1] = scrolling.inner.state.clamped_offset().y;
        state.overflows = scrolling.content_size.x > scrolling.inner_rect.width() + 1.0;
        let noted = take_noted_focus(ui.ctx());
        let max_x = (scrolling.content_size.x - scrolling.inner_rect.width()).max(0.0);
        state.reveal_x = noted
            .and_then(|cell| reveal_offset(cell, scrolling.inner_rect, scrolling.state.clamped_offset().x))
            // Never past the end: an offset beyond it springs back, frame after frame.
            .map(|x| x.min(max_x));
    });
    // Whichever half the planner scrolled leads; only the other one is moved, in the next frame
    // (moving the leader too would restart its scroll animation every frame).
    let moved = (0..2).find(|&half| (offsets[half] - state.shown_y[half]).abs() > 0.5);
    if let Some(half) = moved {
        state.scroll_y = offsets[half];
    }
    state.shown_y = offsets;
    if offsets.iter().any(|y| (y - state.scroll_y).abs() > 0.5) {
        ui.ctx().request_repaint();
    }
    if focused {
        state.focus_id = None;
    }
    commands
}

/// When a cell of the scrolling half that lies sideways out of view got the keyboard focus
/// (Tab through a row), the offset that centres it: egui's own scrolling moves only the rows.
fn reveal_offset(cell: egui::Rect, view: egui::Rect, offset_x: f32) -> Option<f32> {
    let off_view = cell.left() < view.left() || cell.right() > view.right();
    off_view.then(|| (offset_x + cell.center().x - view.center().x).max(0.0))
}

/// Room of the vertical scroll bar beside the table, in points.
fn bar_room_x(ui: &egui::Ui) -> f32 {
    let style = &ui.spacing().scroll;
    style.bar_width + style.bar_inner_margin + style.bar_outer_margin
}

/// Widths of the scrolling columns (initial, least), in the order of [`sortable_columns`], then
/// the notes. Figures ("16.700", "1.500.000") are never narrower than their text (see
/// [`crate::ui::cells`]); the least widths keep a six-digit amount whole.
const COLUMN_WIDTHS: [(f32, f32); 10] = [
    (108.0, 60.0),
    (112.0, 70.0),
    (76.0, 64.0),
    (84.0, 76.0),
    // Wide enough for the header and its sort arrow: "Einmalkosten € ⏶", "Anlauf (Mon.) ⏶".
    (128.0, 100.0),
    (128.0, 100.0),
    (84.0, 76.0),
    (124.0, 40.0),
    (120.0, 70.0),
    (240.0, 80.0),
];

/// The sortable columns of the scrolling half with their headers.
fn sortable_columns(t: &Strings) -> [(SortColumn, &'static str); 9] {
    [
        (SortColumn::Domain, t.col_domain),
        (SortColumn::Region, t.col_region),
        (SortColumn::Places, t.col_places),
        (SortColumn::Start, t.col_start),
        // The costs beside the start: at a glance on a 1280 px projector (issue 20).
        (SortColumn::CostOnce, t.col_cost_once),
        (SortColumn::CostYear, t.col_cost_year),
        (SortColumn::End, t.col_end),
        (SortColumn::Ramp, t.col_ramp),
        (SortColumn::Funding, t.col_funding),
    ]
}

/// A measure's places in whole groups where its domain has a group size: „50 Plätze = 2,5
/// Gruppen zu 20“ (SPEC §11).
pub fn places_in_groups(plan: &Plan, measure: &Measure, language: crate::language::Language) -> Option<String> {
    let domain = plan.domains.iter().find(|d| d.id == measure.domain)?;
    let planning = domain.planning.as_ref().filter(|p| p.group_size > 0.0)?;
    let groups = measure.places / planning.group_size;
    let decimals = if (groups - groups.round()).abs() < 1e-9 { 0 } else { 1 };
    let word = crate::domain_words::group_word(planning, language);
    let places = language.number(measure.places, 0);
    let size = language.number(planning.group_size, if planning.group_size.fract() == 0.0 { 0 } else { 1 });
    Some(match language {
        crate::language::Language::German => {
            format!("{places} {} = {} {word} zu {size}", domain.unit, language.number(groups, decimals))
        }
        crate::language::Language::English => {
            format!("{places} {} = {} {word} of {size}", domain.unit, language.number(groups, decimals))
        }
    })
}

/// "schließt 100 Plätze" for a measure with a negative number of places, else nothing.
pub fn closing_note(measure: &Measure, language: crate::language::Language) -> Option<String> {
    let t = language.strings();
    (measure.places < 0.0).then(|| format!("{} {} {}", t.closes, language.number(-measure.places, 0), t.places_word))
}

/// A header that sorts by its column: ascending, descending, unsorted.
fn sort_header(ui: &mut egui::Ui, view: &mut MeasureView, column: SortColumn, label: &str) {
    let marker = match view.sort {
        Some((c, true)) if c == column => " ⏶",
        Some((c, false)) if c == column => " ⏷",
        _ => "",
    };
    if ui.button(egui::RichText::new(format!("{label}{marker}")).strong()).clicked() {
        view.sort = match view.sort {
            Some((c, true)) if c == column => Some((column, false)),
            Some((c, false)) if c == column => None,
            _ => Some((column, true)),
        };
    }
}

/// Duplicate, delete and the name of one measure.
#[allow(clippy::too_many_arguments)]
fn frozen_row_ui(
    row: &mut TableRow<'_, '_>,
    cells: &mut CellContext<'_>,
    plan: &Plan,
    index: usize,
    measure: &Measure,
    focus: bool,
    t: &Strings,
    commands: &mut Vec<Command>,
) {
    let name = &measure.name;
    row.col(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        if icon_button(ui, "📋", &format!("{}: {name}", t.duplicate)).clicked() {
            let mut copy = measure.clone();
            copy.id = unique_id(&measure.id, plan.measures.iter().map(|m| m.id.as_str()));
            copy.name = format!("{} (2)", measure.name);
            commands.push(Command::InsertMeasure(index + 1, copy));
        }
        if icon_button(ui, "🗑", &format!("{}: {name}", t.delete)).clicked() {
            commands.push(Command::DeleteMeasure(index));
        }
    });
    row.col(|ui| {
        let path = format!("measures[{index}].name");
        if let Some(v) = cells.text_with_focus(ui, &path, &format!("{}: {name}", t.col_name), name, focus) {
            commands.push(Command::SetMeasure(index, Measure { name: v, ..measure.clone() }));
        }
    });
}

/// Every other column of one measure; the edited measure when a cell was committed.
fn columns_row_ui(
    row: &mut TableRow<'_, '_>,
    cells: &mut CellContext<'_>,
    ctx: &PanelCtx<'_>,
    index: usize,
    measure: &Measure,
) -> Option<Measure> {
    let t = ctx.strings();
    let plan = ctx.plan();
    let path = format!("measures[{index}]");
    let name = &measure.name;
    let label = |column: &str| format!("{column}: {name}");
    let mut edited = measure.clone();
    row.col(|ui| {
        let current = plan.domains.iter().find(|d| d.id == measure.domain).map_or(measure.domain.clone(), |d| d.name.clone());
        let current = crate::format::elide(&current, crate::ui::cells::COMBO_NAME_CHARS).into_owned();
        let width = ui.available_width();
        labelled_combo(ui, format!("{path}.domain"), &label(t.col_domain), current, width, |ui| {
            for domain in &plan.domains {
                ui.selectable_value(&mut edited.domain, domain.id.clone(), &domain.name);
            }
        });
    });
    row.col(|ui| {
        let current = match &measure.region {
            None => t.statewide.to_owned(),
            Some(id) => plan.regions.iter().find(|r| r.id == *id).map_or(id.clone(), |r| r.name.clone()),
        };
        let choices = || RegionChoices::new(vec![(None, t.statewide.to_owned())], plan, |r| Some(r.id.clone()));
        let width = ui.available_width();
        let region_label = label(t.col_region);
        RegionPicker::new(format!("{path}.region"), &region_label, t.region_search).selected_text(current).width(width).show(
            ui,
            choices,
            &mut edited.region,
        );
    });
    row.col(|ui| {
        // A negative number of places is a closure: allowed, and visible as such (issue 20).
        let closes = closing_note(measure, cells.language);
        if let Some(closes) = &closes {
            let mark = ui.label(egui::RichText::new("⏷").strong().color(crate::ui::contrast::error_text(ui)));
            mark.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, closes));
            mark.on_hover_text(closes);
        }
        let groups = places_in_groups(plan, measure, cells.language);
        let note = match (&closes, groups) {
            (Some(closes), Some(groups)) => Some(format!("{closes} · {groups}")),
            (closes, groups) => closes.clone().or(groups),
        };
        if let Some(v) = cells.number_noted(ui, &format!("{path}.places"), &label(t.col_places), measure.places, note.as_deref())
        {
            edited.places = v;
        }
    });
    row.col(|ui| {
        if let Some(Some(v)) = cells.month(ui, &format!("{path}.start"), &label(t.col_start), Some(measure.start), false) {
            edited.start = v;
        }
    });
    row.col(|ui| {
        if let Some(v) = cells.money(ui, &format!("{path}.cost_once_eur"), &label(t.col_cost_once), measure.cost_once_eur) {
            edited.cost_once_eur = v;
        }
    });
    row.col(|ui| {
        let path = format!("{path}.cost_per_year_eur");
        if let Some(v) = cells.money(ui, &path, &label(t.col_cost_year), measure.cost_per_year_eur) {
            edited.cost_per_year_eur = v;
        }
    });
    row.col(|ui| {
        if let Some(v) = cells.month(ui, &format!("{path}.end"), &label(t.col_end), measure.end, true) {
            edited.end = v;
        }
    });
    row.col(|ui| {
        if let Some(v) = cells.whole(ui, &format!("{path}.ramp_months"), &label(t.col_ramp), measure.ramp_months) {
            edited.ramp_months = v;
        }
    });
    row.col(|ui| {
        let width = ui.available_width();
        let shown = funding_label(measure.funding, t);
        labelled_combo(ui, format!("{path}.funding"), &label(t.col_funding), shown, width, |ui| {
            for funding in Funding::ALL {
                ui.selectable_value(&mut edited.funding, funding, funding_label(funding, t));
            }
        });
    });
    row.col(|ui| {
        if let Some(v) = cells.text(ui, &format!("{path}.notes"), &label(t.col_notes), &measure.notes) {
            edited.notes = v;
        }
    });
    (edited != *measure).then_some(edited)
}

/// A small button showing only `icon`, named `name` for screen readers and in its hover.
pub fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str) -> egui::Response {
    let response = ui.small_button(icon).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), name));
    response
}

/// Names the column-width handles of a table (ids from egui_extras: the table's state id, then
/// "resize_column" and the column's position). They take the keyboard focus like any control,
/// and a screen reader must be able to say what they are.
fn name_column_handles(ctx: &egui::Context, table_state: egui::Id, columns: &[&str], t: &Strings) {
    for (position, column) in columns.iter().enumerate() {
        let id = table_state.with("resize_column").with(position);
        ctx.accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Splitter);
            node.set_label(format!("{}: {column}", t.column_width));
        });
    }
}

#[cfg(test)]
mod group_note_tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn a_measure_of_a_domain_with_a_group_size_reads_in_whole_groups_too() {
        let plan = crate::sample::nrw_2025().expect("sample").plan;
        let mut measure = plan.measures.iter().find(|m| m.domain == "kita").expect("a Kita measure").clone();
        measure.places = 50.0;
        assert_eq!(places_in_groups(&plan, &measure, Language::German).as_deref(), Some("50 Plätze = 2,5 Gruppen zu 20"));
        measure.places = 40.0;
        assert_eq!(places_in_groups(&plan, &measure, Language::English).as_deref(), Some("40 Plätze = 2 groups of 20"));
        let housing = plan.measures.iter().find(|m| m.domain == "housing").expect("a housing measure");
        assert_eq!(places_in_groups(&plan, housing, Language::German), None, "housing is planned in places only");
    }
}
