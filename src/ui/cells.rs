//! Editable table cells: a value that does not parse stays visible in red with the reason on
//! hover (never dropped or clamped); a value that breaks a plan rule is committed and shown red
//! with the validation message.

use super::i18n::Language;
use super::theme::ERROR_RED;
use crate::issue::Issue;
use crate::model::Month;
use std::collections::HashMap;

/// What every cell needs: unparsed drafts, the plan's validation issues, the language.
pub struct CellContext<'a> {
    /// Texts typed but not (yet) valid, by field path.
    pub drafts: &'a mut HashMap<String, String>,
    /// Validation issues of the current plan.
    pub issues: &'a [Issue],
    /// UI language (number and month format).
    pub language: Language,
}

impl CellContext<'_> {
    /// An editable number; returns the new value once the user commits a parsable text.
    pub fn number(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: f64) -> Option<f64> {
        let german = self.language == Language::German;
        let shown = number_for_editing(value, self.language);
        let message = self.language.strings().not_a_number;
        self.cell(ui, path, label, shown, None, "", None, |text| crate::format::parse_user_number(text, german).ok_or(message))
    }

    /// [`CellContext::number`] with a note shown on hover (e.g. places in whole groups).
    pub fn number_noted(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: f64, note: Option<&str>) -> Option<f64> {
        let german = self.language == Language::German;
        let shown = number_for_editing(value, self.language);
        let message = self.language.strings().not_a_number;
        self.cell(ui, path, label, shown, None, "", note, |text| crate::format::parse_user_number(text, german).ok_or(message))
    }

    /// An editable amount of money in euros: also `2,5 Mio`, `2,5 Mio. €`, `900 T€`,
    /// `1.500.000 €` (see [`crate::format::parse_user_money`]).
    pub fn money(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: f64) -> Option<f64> {
        let german = self.language == Language::German;
        let shown = number_for_editing(value, self.language);
        let message = self.language.strings().not_an_amount;
        self.cell(ui, path, label, shown, None, "", None, |text| crate::format::parse_user_money(text, german).ok_or(message))
    }

    /// An editable whole number ≥ 0.
    pub fn whole(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: u32) -> Option<u32> {
        let message = self.language.strings().not_a_whole_number;
        self.cell(ui, path, label, value.to_string(), None, "", None, |text| text.trim().parse::<u32>().map_err(|_| message))
    }

    /// An editable whole number ≥ 0 that may be left empty (`None`), with `hint` shown when empty.
    pub fn optional_whole(
        &mut self,
        ui: &mut egui::Ui,
        path: &str,
        label: &str,
        value: Option<u32>,
        hint: &str,
    ) -> Option<Option<u32>> {
        let message = self.language.strings().not_a_whole_number;
        let shown = value.map(|v| v.to_string()).unwrap_or_default();
        self.cell(ui, path, label, shown, None, hint, None, |text| {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<u32>().map(Some).map_err(|_| message)
        })
    }

    /// An editable month; with `optional`, an empty text means "none".
    pub fn month(
        &mut self,
        ui: &mut egui::Ui,
        path: &str,
        label: &str,
        value: Option<Month>,
        optional: bool,
    ) -> Option<Option<Month>> {
        let shown = value.map(|m| self.language.month(m)).unwrap_or_default();
        let message = self.language.strings().not_a_month;
        // An empty optional month says what it means ("unbefristet") instead of staying blank.
        let hint = if optional { self.language.strings().open_ended } else { "" };
        self.cell(ui, path, label, shown, None, hint, None, |text| {
            let text = text.trim();
            if text.is_empty() && optional {
                return Ok(None);
            }
            parse_user_month(text).map(Some).ok_or(message)
        })
    }

    /// An editable text; the whole text shows on hover (a narrow column cuts it).
    pub fn text(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: &str) -> Option<String> {
        self.text_with_focus(ui, path, label, value, false)
    }

    /// An editable text that takes the keyboard focus with its text selected when `focus` is
    /// true (a new row's name, so that the planner can type it at once).
    pub fn text_with_focus(&mut self, ui: &mut egui::Ui, path: &str, label: &str, value: &str, focus: bool) -> Option<String> {
        self.cell(ui, path, label, value.to_owned(), Some(focus), "", None, |text| Ok(text.to_owned()))
    }

    /// One cell. `name` is `Some(focus)` for a name: it takes the keyboard focus when `focus`
    /// is true, and a name too long for its column ends in "…" while it is not edited.
    #[allow(clippy::too_many_arguments)] // Each cell kind passes its own text, hint and parser.
    fn cell<T>(
        &mut self,
        ui: &mut egui::Ui,
        path: &str,
        label: &str,
        shown: String,
        name: Option<bool>,
        hint: &str,
        note: Option<&str>,
        parse: impl Fn(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        let focus = name == Some(true);
        let draft = self.drafts.get(path).cloned();
        let mut text = draft.clone().unwrap_or(shown);
        let draft_error = draft.as_deref().and_then(|d| parse(d).err());
        let rule_error = self
            .issues
            .iter()
            .find(|i| i.is_error() && i.path == path)
            .map(|i| super::field_label::issue_message(i, self.language));
        let problem = draft_error.map(str::to_owned).or(rule_error);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let ink = match &problem {
            Some(_) => crate::ui::contrast::error_text(ui),
            None => ui.visuals().override_text_color.unwrap_or_else(|| ui.visuals().widgets.inactive.text_color()),
        };
        let text_width = ui.fonts_mut(|f| f.layout_no_wrap(text.clone(), font.clone(), ink).size().x);
        let margins = 2.0 * ui.spacing().button_padding.x + 2.0;
        // A number or a month is never cut: its cell is at least as wide as its text.
        let numeric = is_figure(&text);
        let width = (if numeric { ui.available_width().max(text_width + margins) } else { ui.available_width() }).max(30.0);
        let cell_id = ui.make_persistent_id(path);
        let editing = ui.memory(|m| m.has_focus(cell_id));
        // A text too long for its column ends in "…" while it is not being edited.
        let mut elide = move |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, _: f32| {
            let mut job = egui::text::LayoutJob::simple_singleline(buffer.as_str().to_owned(), font.clone(), ink);
            job.wrap = egui::text::TextWrapping {
                max_width: (width - margins).max(10.0),
                max_rows: 1,
                break_anywhere: true,
                overflow_character: Some('…'),
            };
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let least = egui::vec2(if numeric { text_width + margins } else { 0.0 }, 0.0);
        let mut edit = egui::TextEdit::singleline(&mut text)
            .id_salt(path)
            .font(egui::TextStyle::Body)
            .hint_text(hint)
            .desired_width(width)
            .min_size(least)
            .text_color_opt(problem.as_ref().map(|_| ink));
        if name.is_some() && !editing && !numeric && text_width > width - margins {
            edit = edit.layouter(&mut elide);
        }
        let output = edit.show(ui);
        let response = output.response.response;
        if focus {
            response.request_focus();
            let mut state = output.state;
            let everything =
                egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(text.chars().count()));
            state.cursor.set_char_range(Some(everything));
            state.store(ui.ctx(), response.id);
        }
        let text_now = text.clone();
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::text_edit(true, "", &text_now, "");
            info.label = Some(label.to_owned());
            info
        });
        note_focus(ui, &response);
        if response.changed() {
            self.drafts.insert(path.to_owned(), text.clone());
        }
        let mut committed = None;
        if response.lost_focus()
            && let Some(current) = self.drafts.get(path)
        {
            match parse(current) {
                Ok(value) => {
                    self.drafts.remove(path);
                    committed = Some(value);
                }
                // Escape gives the text up: the cell shows the plan's value again.
                Err(_) if ui.input(|i| i.key_pressed(egui::Key::Escape)) => {
                    self.drafts.remove(path);
                }
                // Enter or Tab on a text that is no value: the focus stays here to fix it.
                Err(_) if ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Tab)) => {
                    response.request_focus();
                }
                Err(_) => {}
            }
        }
        // The reason under the cell while it is being fixed, not only on hover.
        if let (Some(reason), true) = (draft_error, response.has_focus() || response.lost_focus()) {
            problem_below_ui(ui, &response, reason);
        }
        if let Some(problem) = problem {
            ui.painter().rect_stroke(response.rect, 2.0, egui::Stroke::new(1.5, ERROR_RED), egui::StrokeKind::Inside);
            response.on_hover_text(problem);
        } else if let Some(note) = note {
            response.on_hover_text(note);
        } else if !text.is_empty() && text_width > response.rect.width() - 8.0 {
            response.on_hover_text(text);
        }
        committed
    }
}

/// Whether `text` is a figure (number, amount, month): digits with separators, signs, `€`, `%`.
fn is_figure(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || ".,-+/ €%".contains(c))
}

/// Shows `reason` just below the cell of `response`, above everything else (a table row has no
/// room for a line of its own).
fn problem_below_ui(ui: &egui::Ui, response: &egui::Response, reason: &str) {
    let id = response.id.with("problem_below");
    egui::Area::new(id).order(egui::Order::Tooltip).fixed_pos(response.rect.left_bottom()).interactable(false).show(
        ui.ctx(),
        |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(format!("⚠ {reason}")).color(crate::ui::contrast::error_text(ui)));
            });
        },
    );
}

/// Key of the rect of the cell that gained the keyboard focus (see [`note_focus`]).
fn gained_focus_key() -> egui::Id {
    egui::Id::unique("cell_gained_focus")
}

/// Remembers the rect of a cell or combo that just gained the keyboard focus, so that a table
/// scrolling sideways can bring it into view (egui's own scrolling moves only the rows).
pub fn note_focus(ui: &egui::Ui, response: &egui::Response) {
    if response.gained_focus() {
        ui.data_mut(|d| d.insert_temp(gained_focus_key(), response.rect));
    }
}

/// Takes the rect noted by [`note_focus`] since the last call.
pub fn take_noted_focus(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data_mut(|d| {
        let rect = d.get_temp::<egui::Rect>(gained_focus_key());
        d.remove::<egui::Rect>(gained_focus_key());
        rect
    })
}

/// A number as shown for editing: German grouping, up to 6 decimals, no trailing zeros.
pub fn number_for_editing(value: f64, language: Language) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 6 };
    let mut text = language.number(value, decimals);
    let decimal_mark = if language == Language::German { ',' } else { '.' };
    if text.contains(decimal_mark) {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with(decimal_mark) {
            text.pop();
        }
    }
    text
}

/// Parses `2025-08` or `08/2025`.
pub fn parse_user_month(text: &str) -> Option<Month> {
    if let Some((month, year)) = text.split_once('/') {
        let month: u32 = month.trim().parse().ok()?;
        let year: i32 = year.trim().parse().ok()?;
        return Month::new(year, month);
    }
    Month::parse(text)
}

/// Characters of a name shown in a closed combo box before it ends in "…".
pub const COMBO_NAME_CHARS: usize = 48;

/// Lets every label in `ui` stay on one line, ending in "…" with the full text on hover, and
/// keeps a popup list of names from growing past the window (issue 21 point 8: a name of 10 000
/// characters).
pub fn one_line_names(ui: &mut egui::Ui) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let widest = (ui.ctx().content_rect().width() * 0.6).max(200.0);
    ui.set_max_width(widest);
}

/// A heading on one line: a long plan title or region name ends in "…", full text on hover.
pub fn heading_line(ui: &mut egui::Ui, text: impl Into<String>) -> egui::Response {
    ui.add(egui::Label::new(egui::RichText::new(text.into()).heading()).truncate())
}

/// A combo box with an accessible name (`label`) that screen readers and tests can find, while
/// only `selected` is drawn.
pub fn labelled_combo<R>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    selected: impl Into<egui::WidgetText>,
    width: f32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::Response {
    // Names on one line: a long name ends in "…" (full text on hover), in the box and in its list.
    // The popup's names stay on one line; the caller elides a long name in `selected`
    // ([`crate::format::elide`]), so that the box keeps its width in tables and rows.
    let inner = egui::ComboBox::from_id_salt(id_salt).selected_text(selected).width(width).height(420.0).show_ui(ui, |ui| {
        one_line_names(ui);
        add_contents(ui)
    });
    let response = inner.response;
    note_focus(ui, &response);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_editing_round_trip_through_the_parser() {
        for value in [0.0, 75.0, 2_500_000.0, 0.35, -120.0, 1234.5678] {
            let text = number_for_editing(value, Language::German);
            assert_eq!(crate::format::parse_user_number(&text, true), Some(value), "{text}");
            let text = number_for_editing(value, Language::English);
            assert_eq!(crate::format::parse_user_number(&text, false), Some(value), "{text}");
        }
    }

    #[test]
    fn months_are_read_in_both_forms() {
        assert_eq!(parse_user_month("08/2025"), Month::parse("2025-08"));
        assert_eq!(parse_user_month("2025-08"), Month::parse("2025-08"));
        assert_eq!(parse_user_month("13/2025"), None);
    }
}
