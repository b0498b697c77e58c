//! What the panels' own tests share: a panel drawn alone on the sample plan from a read-only
//! context, with every action it returned.

use super::Panel;
use crate::ui::action::Action;
use crate::ui::context::{PanelCtx, Selection};
use crate::ui::document::Command;
use crate::ui::session::Session;
use crate::ui::settings::Settings;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A panel with what it draws from, and every action it returned.
pub struct Bench<P> {
    /// The panel under test.
    pub panel: P,
    /// The plan and its results.
    pub session: Session,
    /// What is shown.
    pub selection: Selection,
    /// Language and theme.
    pub settings: Settings,
    /// Actions returned so far.
    pub actions: Vec<Action>,
}

impl<P> Bench<P> {
    /// `panel` on the sample plan.
    pub fn on_sample(panel: P) -> Self {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        let session = Session::new(plan, None, "nrw-2025.json".into());
        let selection = Selection::for_plan(session.plan());
        Bench { panel, session, selection, settings: Settings::default(), actions: Vec::new() }
    }

    /// The plan edits among the actions.
    pub fn edits(&self) -> Vec<&Command> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                Action::Edit(command) | Action::EditGesture(command, _) => Some(command),
                _ => None,
            })
            .collect()
    }
}

/// `panel` on the sample plan in a large window (scrollable, as in the side panel).
pub fn bench<P: Panel + 'static>(panel: P) -> Harness<'static, Bench<P>> {
    bench_sized(panel, [1800.0, 1000.0])
}

/// `panel` on the sample plan in a window of `size` points (scrollable both ways).
pub fn bench_sized<P: Panel + 'static>(panel: P, size: [f32; 2]) -> Harness<'static, Bench<P>> {
    Harness::builder().with_size(size).build_ui_state(
        |ui, bench: &mut Bench<P>| {
            let ctx = PanelCtx::new(&bench.session, &bench.selection, &bench.settings);
            let actions = egui::ScrollArea::both().show(ui, |ui| bench.panel.ui(ui, &ctx)).inner;
            bench.actions.extend(actions);
        },
        Bench::on_sample(panel),
    )
}

/// Scrolls the widget labelled `label` into view and clicks it.
pub fn click<P>(harness: &mut Harness<'_, Bench<P>>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the cell labelled `label` and presses Enter.
pub fn type_into<P>(harness: &mut Harness<'_, Bench<P>>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}
