//! The one region picker of the window: a combo box whose popup starts with a search field
//! (substring, case- and umlaut-tolerant; Enter takes the first match) above the regions in
//! German alphabetical order ("Ä" sorts as "A"), after the fixed entries such as "NRW gesamt"
//! or "landesweit". Every region choice (menu bar, measures table and filter) uses it, so the
//! order is the same everywhere.

use crate::model::{Plan, Region};

/// The entries of a region picker: fixed ones first (in the given order), then the regions
/// sorted by [`collation_key`]; `T` is what a pick sets (a region id, `Option<id>`, …).
pub struct RegionChoices<T> {
    /// Shown first, in this order (e.g. "NRW gesamt").
    pub leading: Vec<(T, String)>,
    /// The regions in German alphabetical order.
    pub regions: Vec<(T, String)>,
}

impl<T: Clone + PartialEq> RegionChoices<T> {
    /// The fixed entries `leading`, then every region of `plan` as `value(region)`, sorted.
    pub fn new(leading: Vec<(T, String)>, plan: &Plan, value: impl Fn(&Region) -> T) -> Self {
        let regions = sorted_regions(plan).into_iter().map(|r| (value(r), r.name.clone())).collect();
        RegionChoices { leading, regions }
    }

    /// The entries whose name contains `needle` (every entry for an empty needle), in order.
    pub fn matching<'a>(&'a self, needle: &str) -> impl Iterator<Item = &'a (T, String)> + 'a {
        let needle = needle.trim().to_owned();
        self.leading.iter().chain(&self.regions).filter(move |(_, name)| name_matches(name, &needle))
    }
}

/// The regions of `plan` in German alphabetical order (umlauts as their base letter, case
/// ignored); equal keys keep plan order.
pub fn sorted_regions(plan: &Plan) -> Vec<&Region> {
    let mut regions: Vec<&Region> = plan.regions.iter().collect();
    regions.sort_by_cached_key(|r| collation_key(&r.name));
    regions
}

/// The sort key of a name in German dictionary order (DIN 5007-1): lower case, "ä" as "a",
/// "ö" as "o", "ü" as "u", "ß" as "ss".
pub fn collation_key(name: &str) -> String {
    fold(name, false)
}

/// Whether `name` contains `needle`, ignoring case; a needle without umlauts also finds names
/// with them, spelt either way ("du" and "due" find "Düren", "dü" does not find "Duisburg").
pub fn name_matches(name: &str, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let lower = name.to_lowercase();
    if lower.contains(&needle) {
        return true;
    }
    let plain_needle = !needle.chars().any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß'));
    plain_needle && (fold(name, false).contains(&needle) || fold(name, true).contains(&needle))
}

/// Lower case with umlauts replaced by the base letter (`expand = false`) or by the two-letter
/// spelling ("ae", `expand = true`).
fn fold(text: &str, expand: bool) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match (c, expand) {
            ('ä', false) => folded.push('a'),
            ('ö', false) => folded.push('o'),
            ('ü', false) => folded.push('u'),
            ('ä', true) => folded.push_str("ae"),
            ('ö', true) => folded.push_str("oe"),
            ('ü', true) => folded.push_str("ue"),
            ('ß', _) => folded.push_str("ss"),
            (c, _) => folded.push(c),
        }
    }
    folded
}

/// The picker: a combo box named `label` (for screen readers and tests) showing its selected
/// text; its popup has a search field named "`label` – `search_word`" above the matching entries.
pub struct RegionPicker<'a> {
    id: egui::IdSalt,
    label: &'a str,
    search_word: &'a str,
    selected_text: String,
    width: f32,
}

impl<'a> RegionPicker<'a> {
    /// A picker named `label` whose search field shows `search_word` as a hint.
    pub fn new(id_salt: impl egui::AsIdSalt, label: &'a str, search_word: &'a str) -> Self {
        RegionPicker { id: egui::IdSalt::new(id_salt), label, search_word, selected_text: String::new(), width: 200.0 }
    }

    /// The text drawn on the closed combo box.
    pub fn selected_text(mut self, text: impl Into<String>) -> Self {
        // A long region name must not push the controls beside the picker off the row.
        self.selected_text = crate::format::elide(&text.into(), super::cells::COMBO_NAME_CHARS).into_owned();
        self
    }

    /// The width of the closed combo box in points.
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Draws the picker; true when `current` was changed by a click or by Enter in the search
    /// field (Enter takes the first entry that matches). `choices` is called only while the list
    /// is open: a closed picker (one per table row) costs no sorting of the regions.
    pub fn show<T: Clone + PartialEq>(
        self,
        ui: &mut egui::Ui,
        choices: impl FnOnce() -> RegionChoices<T>,
        current: &mut T,
    ) -> bool {
        let RegionPicker { id, label, search_word, selected_text, width } = self;
        let id = ui.make_persistent_id(id);
        let search_id = id.with("search");
        let opened_id = id.with("opened");
        let search_label = format!("{label} – {search_word}");
        let mut changed = false;
        let inner = {
            egui::ComboBox::from_id_salt(id)
                .selected_text(selected_text)
                .width(width)
                .height(480.0)
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                .show_ui(ui, |ui| {
                    crate::ui::cells::one_line_names(ui);
                    let mut needle: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
                    let edit_id = id.with("search_field");
                    // Read before the field handles the key (it gives the focus up on Enter).
                    let entered = ui.memory(|m| m.has_focus(edit_id)) && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let edit =
                        egui::TextEdit::singleline(&mut needle).id(edit_id).hint_text(search_word).desired_width(f32::INFINITY);
                    let response = ui.add(edit);
                    let shown = needle.clone();
                    response.widget_info(|| {
                        let mut info = egui::WidgetInfo::text_edit(true, "", &shown, "");
                        info.label = Some(search_label.clone());
                        info
                    });
                    // While the list is open and nothing else has the keyboard, typing searches (the
                    // click that opened the list may take the focus away in the frame after).
                    let first_frame = !ui.data(|d| d.get_temp::<bool>(opened_id).unwrap_or(false));
                    if first_frame || ui.memory(|m| m.focused().is_none()) {
                        response.request_focus();
                        ui.data_mut(|d| d.insert_temp(opened_id, true));
                    }
                    ui.separator();
                    let mut picked = None;
                    let choices = choices();
                    egui::ScrollArea::vertical().id_salt("region_list").max_height(420.0).show(ui, |ui| {
                        for (position, (value, name)) in choices.matching(&needle).enumerate() {
                            if entered && position == 0 {
                                picked = Some(value.clone());
                            }
                            if ui.selectable_label(*value == *current, name).clicked() {
                                picked = Some(value.clone());
                            }
                        }
                    });
                    ui.data_mut(|d| d.insert_temp(search_id, needle));
                    if let Some(value) = picked {
                        changed = value != *current;
                        *current = value;
                        ui.close();
                    }
                })
        };
        super::cells::note_focus(ui, &inner.response);
        inner.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
        if inner.inner.is_none() || changed {
            // Closed: the next opening starts with an empty search field that has the focus.
            ui.data_mut(|d| {
                d.remove::<String>(search_id);
                d.remove::<bool>(opened_id);
            });
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_sort_as_their_base_letter_and_case_is_ignored() {
        let mut names = ["Düsseldorf", "Duisburg", "Aachen", "Ägypten", "bonn", "Düren", "Zülpich"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, ["Aachen", "Ägypten", "bonn", "Duisburg", "Düren", "Düsseldorf", "Zülpich"]);
    }

    #[test]
    fn a_search_finds_substrings_with_or_without_umlauts() {
        assert!(name_matches("Düsseldorf", "dü"));
        assert!(name_matches("Düren", "DÜ"));
        assert!(!name_matches("Duisburg", "dü"), "an umlaut typed is meant");
        assert!(name_matches("Düren", "du"), "no umlaut on the keyboard");
        assert!(name_matches("Düsseldorf", "duess"));
        assert!(name_matches("Mülheim an der Ruhr", "ruhr"));
        assert!(name_matches("Gießen", "giess"));
        assert!(!name_matches("Köln", "bonn"));
    }
}
