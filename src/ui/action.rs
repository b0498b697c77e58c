//! Everything the user can ask for, as values: panels, menus, shortcuts and dialogs return
//! [`Action`]s, and [`super::app::App::handle`] is the one place that carries them out.

use super::document::Command;
use super::files::PickPurpose;
use super::i18n::Language;
use super::snapshot::SnapshotTarget;
use std::path::PathBuf;

/// Which editor the side panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The measures table.
    Measures,
    /// The scenario editor.
    Scenarios,
    /// Regions and distribution key.
    Regions,
    /// Domains and their rates.
    Domains,
    /// Title, author, notes and sources of the plan, its period and size.
    Plan,
}

/// What the central area shows; new views (budget, map, fan charts) are added here and in
/// the `match central` of `App::window_ui` (tab label in `top_bar::view_tabs_ui`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CentralView {
    /// Capacity plots per domain and the cost plot, indicators below.
    #[default]
    Charts,
    /// Cost by funding against the budget, per year (SPEC §6).
    Budget,
    /// The districts on a map and ranked (issue 14).
    Map,
    /// Groups, staff and running cost by planning year (SPEC §11).
    Groups,
}

impl CentralView {
    /// Every view, in the order of the tabs.
    pub const ALL: [CentralView; 4] = [CentralView::Charts, CentralView::Budget, CentralView::Groups, CentralView::Map];
}

/// A step that replaces or closes the plan, asked about first when there are unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingAction {
    /// Close the window.
    Close,
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    ChooseFileToOpen,
    /// Start a new plan.
    New,
    /// Open the built-in sample.
    OpenSample,
}

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Change the plan (one undo step).
    Edit(Command),
    /// Change the plan as part of a gesture (a slider drag, a colour pick): every change with
    /// the same gesture id until the widget is let go makes one undo step.
    EditGesture(Command, egui::Id),
    /// Show the map of the domain at this index of the plan, its ranking sorted by first
    /// shortage (earliest first): "where first?" asked from the charts.
    ShowFirstShortages(usize),
    /// Take back the last change.
    Undo,
    /// Do again the last change taken back.
    Redo,
    /// Run a step that replaces or closes the plan, asking about unsaved changes first.
    Request(PendingAction),
    /// Run it now (the question was answered).
    Perform(PendingAction),
    /// Save to the current file, or ask where.
    Save,
    /// Save, then run the step (the "Save" of the unsaved-changes question).
    SaveThen(PendingAction),
    /// Ask for a path with the native file dialog.
    Pick(PickPurpose),
    /// Ask for a path in the window's own path field, prefilled with `text`.
    TypePath(PickPurpose, String),
    /// Use a path chosen for `PickPurpose`.
    UsePath(PickPurpose, PathBuf),
    /// Ask where to save a picture of a plot or the summary page, then take it.
    AskSnapshot(SnapshotTarget),
    /// Enter or leave presentation mode.
    SetPresentation(bool),
    /// Make this scenario the leading one.
    SelectScenario(String),
    /// Draw a scenario for comparison, or not.
    CompareScenario(String, bool),
    /// Show the whole state (`None`) or one region.
    SelectRegion(Option<String>),
    /// Show all plots, or one large.
    FocusChart(super::context::ChartFocus),
    /// Show this editor in the side panel.
    ShowTab(Tab),
    /// Show this view in the central area.
    ShowView(CentralView),
    /// Take the planner to the field of a problem (its path, e.g. `measures[3].end`): the editor
    /// that holds it, with the entry shown.
    GoToField(String),
    /// Switch the language of the window.
    SetLanguage(Language),
    /// Switch to the dark (`true`) or light theme.
    SetDark(bool),
    /// Forget the warnings of the last load.
    DismissLoadWarnings,
    /// Close the dialog on top.
    CloseDialog,
    /// Restore the unsaved work of a run that ended without saving.
    RestoreRecovered,
    /// Throw that work away.
    DiscardRecovered,
    /// Close the window (asking about unsaved changes).
    Quit,
    /// Draw the P10–P90 bands (fan charts) or not; on starts their runs.
    SetBands(bool),
    /// Stop the runs of the bands (until the plan changes).
    CancelBands,
    /// Fill the map with the boundaries of this GeoJSON file (remembered in the settings), or
    /// draw circles again (`None`).
    SetBoundaries(Option<PathBuf>),
    // Optimiser and import dialogs (issues 13, 15)
    /// Open the dialog "Maßnahmen-Mix vorschlagen".
    OpenOptimizer,
    /// Start the search with what is chosen in the optimiser dialog.
    RunOptimizer,
    /// Stop the search; its best set so far is shown, not proven optimal.
    CancelOptimizer,
    /// Add the proposal as a new scenario, compared at once (one undo step).
    AdoptProposal,
    /// Close the optimiser dialog (a running search is stopped).
    CloseOptimizer,
    /// Read another sheet of the workbook being imported.
    ChooseImportSheet(String),
    /// Apply the table import shown (one undo step).
    ApplyImport,
    /// Close the import dialog without changing anything.
    CloseImport,
    /// Show version, licence and data sources.
    ShowAbout,
    // Versions of a plan (SPEC §12, issue 26)
    /// Show the item of a change in the main window (selected, its editor open).
    GoToItem(crate::versions::Target),
    /// Close the compare window.
    CloseCompare,
    /// Apply the merge shown (one undo step).
    ApplyMerge,
    /// Close the merge dialog without changing anything.
    CloseMerge,
}
