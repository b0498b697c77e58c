//! "Über diesen Plan": title, author, notes and sources (e.g. "Destatis", "illustrativ"), the
//! period and how many regions, domains, measures and scenarios the plan holds. Title, author
//! and notes are edited here; title and author are committed when the planner leaves the field,
//! the notes as they are typed (one undo step each).

use super::{Drafts, Panel};
use crate::model::Meta;
use crate::ui::action::Action;
use crate::ui::cells::CellContext;
use crate::ui::context::PanelCtx;
use crate::ui::document::Command;

/// Id salt of the notes field (the field path of validation messages).
const NOTES_PATH: &str = "meta.notes";

/// The tab "Über diesen Plan".
#[derive(Debug, Default)]
pub struct PlanInfoPanel {
    /// Texts typed but not yet committed, by field path.
    pub drafts: Drafts,
}

impl Panel for PlanInfoPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let mut notes_typing = None;
        let meta = plan_info_ui(&mut self.drafts, ui, ctx, &mut notes_typing);
        // Notes are taken over as they are typed (one undo step while the field has the focus),
        // so that a save, a close or the recovery file never misses what stands in the field.
        let edit = |meta| match notes_typing {
            Some(id) => Action::EditGesture(Command::SetMeta(meta), id),
            None => Action::Edit(Command::SetMeta(meta)),
        };
        meta.map(edit).into_iter().collect()
    }

    fn clear_drafts(&mut self) {
        self.drafts.clear();
    }
}

/// Draws the fields; the new title, author and notes when one of them was committed.
fn plan_info_ui(drafts: &mut Drafts, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, notes_typing: &mut Option<egui::Id>) -> Option<Meta> {
    let t = ctx.strings();
    let language = ctx.language();
    let plan = ctx.plan();
    let mut edited = plan.meta.clone();
    egui::ScrollArea::vertical().id_salt("plan_info").show(ui, |ui| {
        ui.heading(t.tab_plan);
        let mut cells = CellContext { drafts: &mut *drafts, issues: ctx.issues(), language };
        egui::Grid::new("plan_info_fields").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            ui.label(format!("{}:", t.plan_title));
            if let Some(title) = cells.text(ui, "meta.title", t.plan_title, &plan.meta.title) {
                edited.title = title;
            }
            ui.end_row();
            ui.label(format!("{}:", t.plan_author));
            if let Some(author) = cells.text(ui, "meta.author", t.plan_author, &plan.meta.author) {
                edited.author = author;
            }
            ui.end_row();
            ui.label(format!("{}:", t.plan_period));
            let end = plan.horizon.month(plan.horizon.months.saturating_sub(1) as usize);
            let months = language.number(f64::from(plan.horizon.months), 0);
            ui.label(format!("{} – {} ({months} {})", language.month(plan.horizon.start), language.month(end), t.plan_months));
            ui.end_row();
            ui.label(format!("{}:", t.plan_contents));
            let counts = [
                (plan.regions.len(), t.plan_count_regions),
                (plan.domains.len(), t.tab_domains),
                (plan.measures.len(), t.tab_measures),
                (plan.scenarios.len(), t.tab_scenarios),
            ];
            let counts: Vec<String> = counts.iter().map(|(n, word)| format!("{n} {word}")).collect();
            ui.label(counts.join(" · "));
            ui.end_row();
        });
        ui.separator();
        ui.strong(format!("{}:", t.plan_notes));
        if let Some((notes, id)) = notes_ui(ui, &plan.meta.notes, t.plan_notes, t.plan_notes_hint) {
            edited.notes = notes;
            *notes_typing = Some(id);
        }
    });
    (edited != plan.meta).then_some(edited)
}

/// The notes as a wrapping text field; the text and the field's id after each change.
fn notes_ui(ui: &mut egui::Ui, notes: &str, label: &str, hint: &str) -> Option<(String, egui::Id)> {
    let mut text = notes.to_owned();
    let edit =
        egui::TextEdit::multiline(&mut text).id_salt(NOTES_PATH).hint_text(hint).desired_rows(10).desired_width(f32::INFINITY);
    let response = ui.add(edit);
    let shown = text.clone();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, "", &shown, "");
        info.label = Some(label.to_owned());
        info
    });
    (response.changed() && text != notes).then_some((text, response.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, type_into};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_plan_info_shows_the_notes_and_the_counts_and_returns_one_title_edit() {
        let mut harness = bench(PlanInfoPanel::default());
        harness.run();
        let notes = harness.get_by_label("Notizen und Quellen").value().unwrap_or_default();
        assert!(notes.contains("Destatis") && notes.contains("illustrativ"), "{notes}");
        assert!(harness.query_by_label("53 Regionen · 5 Bereiche · 40 Maßnahmen · 3 Szenarien").is_some());
        assert!(harness.query_by_label("01/2025 – 12/2029 (60 Monate)").is_some());

        type_into(&mut harness, "Titel", "Workshop Bezirksregierung");
        match harness.state().edits().as_slice() {
            [Command::SetMeta(meta)] => {
                assert_eq!(meta.title, "Workshop Bezirksregierung");
                assert!(meta.notes.contains("Destatis"), "the notes stay");
            }
            other => panic!("expected one meta edit, got {other:?}"),
        }
    }

    #[test]
    fn typed_notes_are_taken_over_at_once_so_a_save_never_misses_them() {
        let mut harness = bench(PlanInfoPanel::default());
        harness.run();
        crate::ui::panels::testing::click(&mut harness, "Notizen und Quellen");
        harness.get_by_label("Notizen und Quellen").type_text(" Stand Workshop");
        harness.run();
        let typed: Vec<&Action> =
            harness.state().actions.iter().filter(|a| matches!(a, Action::EditGesture(Command::SetMeta(_), _))).collect();
        let Some(Action::EditGesture(Command::SetMeta(meta), _)) = typed.last() else {
            panic!("no edit while typing: {:?}", harness.state().actions)
        };
        assert!(meta.notes.ends_with("Stand Workshop"), "{}", meta.notes);
        assert!(harness.get_by_label("Notizen und Quellen").is_focused(), "still typing: nothing waits for leaving the field");
    }
}
