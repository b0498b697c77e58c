//! Every text of the user interface, in German (default) and English.

pub use crate::language::Language;

impl Language {
    /// The texts of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Language::German => &GERMAN,
            Language::English => &ENGLISH,
        }
    }
}

/// All texts of the user interface.
#[derive(Debug)]
pub struct Strings {
    /// The language of these strings.
    pub lang: Language,
    /// Application name.
    pub app_name: &'static str,
    /// Menu "File".
    pub menu_file: &'static str,
    /// Menu "Edit".
    pub menu_edit: &'static str,
    /// Menu "View".
    pub menu_view: &'static str,
    /// New plan.
    pub new_plan: &'static str,
    /// Open a plan.
    pub open: &'static str,
    /// Open the built-in sample plan.
    pub open_sample: &'static str,
    /// Save.
    pub save: &'static str,
    /// Save as.
    pub save_as: &'static str,
    /// Recent files submenu.
    pub recent_files: &'static str,
    /// No recent files.
    pub no_recent_files: &'static str,
    /// Quit.
    pub quit: &'static str,
    /// Undo.
    pub undo: &'static str,
    /// Redo.
    pub redo: &'static str,
    /// Language submenu.
    pub language: &'static str,
    /// Dark theme.
    pub dark_theme: &'static str,
    /// Light theme.
    pub light_theme: &'static str,
    /// Label of the scenario selector.
    pub scenario: &'static str,
    /// Label of the shown-scenarios selector.
    pub shown_scenarios: &'static str,
    /// Label of the region selector.
    pub region: &'static str,
    /// The state as a whole.
    pub whole_state: &'static str,
    /// Tab: measures.
    pub tab_measures: &'static str,
    /// Tab: scenarios.
    pub tab_scenarios: &'static str,
    /// Tab: regions and distribution.
    pub tab_regions: &'static str,
    /// Tab: domains.
    pub tab_domains: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: domain.
    pub col_domain: &'static str,
    /// Column: region.
    pub col_region: &'static str,
    /// Column: places.
    pub col_places: &'static str,
    /// Before the number of places a measure with negative places closes ("schließt 100 Plätze").
    pub closes: &'static str,
    /// "Plätze" in running text, after a number.
    pub places_word: &'static str,
    /// Column: start.
    pub col_start: &'static str,
    /// Column: end.
    pub col_end: &'static str,
    /// Column: ramp months.
    pub col_ramp: &'static str,
    /// Column: one-off cost.
    pub col_cost_once: &'static str,
    /// Column: yearly cost.
    pub col_cost_year: &'static str,
    /// Column: funding.
    pub col_funding: &'static str,
    // --- tables helper (issue 16: measures table, about this plan, region picker, exports) ---
    /// The search field at the top of every region picker.
    pub region_search: &'static str,
    /// Column "Notes" of the measures table.
    pub col_notes: &'static str,
    /// Hint that the measures table scrolls sideways.
    pub measures_more_columns: &'static str,
    /// The editor tab of [`Strings::tab_plan`], short so the tabs fit one row.
    pub tab_plan_short: &'static str,
    /// Side-panel tab with title, notes and sources of the plan.
    pub tab_plan: &'static str,
    /// Field "author" of the plan.
    pub plan_author: &'static str,
    /// Field "notes" of the plan (sources, assumptions).
    pub plan_notes: &'static str,
    /// What the planner may write into the notes.
    pub plan_notes_hint: &'static str,
    /// The modelled period.
    pub plan_period: &'static str,
    /// Count word of the regions ("53 Regionen").
    pub plan_count_regions: &'static str,
    /// Heading of the counts of the plan's lists.
    pub plan_contents: &'static str,
    /// Unit of the period's length.
    pub plan_months: &'static str,
    /// Shown when the plan has no notes.
    pub plan_no_notes: &'static str,
    /// State-wide (measure without region).
    pub statewide: &'static str,
    /// Funding: secured.
    pub funding_secured: &'static str,
    /// Funding: planned.
    pub funding_planned: &'static str,
    /// Funding: open.
    pub funding_open: &'static str,
    /// Add a measure.
    pub add_measure: &'static str,
    /// Duplicate.
    pub duplicate: &'static str,
    /// Delete.
    pub delete: &'static str,
    /// Names the handle that sets a column's width ("Spaltenbreite: Name").
    pub column_width: &'static str,
    /// Names a filter box for screen readers ("Filter: Bereich").
    pub filter_by: &'static str,
    /// Filter text hint.
    pub filter: &'static str,
    /// Any (filter).
    pub all: &'static str,
    /// Totals row.
    pub totals: &'static str,
    /// Name of a new measure.
    pub new_measure_name: &'static str,
    /// Not a number.
    pub not_a_number: &'static str,
    /// Error of a money cell that does not parse, with examples of what does.
    pub not_an_amount: &'static str,
    /// Not a month.
    pub not_a_month: &'static str,
    /// Not a whole number.
    pub not_a_whole_number: &'static str,
    /// Open-ended (empty end).
    pub open_ended: &'static str,
    /// Demand.
    pub demand: &'static str,
    /// Capacity.
    pub capacity: &'static str,
    /// Shortage (state: sum of regions).
    pub shortage_state: &'static str,
    /// Shortage (region).
    pub shortage: &'static str,
    /// Month.
    pub month: &'static str,
    /// Reset plot view.
    pub reset_view: &'static str,
    /// Cost plot title.
    pub cost_per_year: &'static str,
    /// Budget.
    pub budget: &'static str,
    /// Indicators heading.
    pub indicators: &'static str,
    /// First shortage month.
    pub first_shortage: &'static str,
    /// Peak shortage.
    pub peak_shortage: &'static str,
    /// Place-months short.
    pub place_months: &'static str,
    /// No shortage.
    pub none: &'static str,
    /// Regions running short first.
    pub regions_short_first: &'static str,
    /// No region runs short.
    pub no_region_short: &'static str,
    /// Under a domain's plot: the districts that run short first ("where first?").
    pub short_first: &'static str,
    /// Button beside them: the map's ranking sorted by first shortage.
    pub to_ranking: &'static str,
    /// Yearly cost heading.
    pub yearly_cost: &'static str,
    /// Year.
    pub year: &'static str,
    /// Over budget.
    pub over_budget: &'static str,
    /// Add scenario.
    pub add_scenario: &'static str,
    /// Name.
    pub name: &'static str,
    /// Colour.
    pub color: &'static str,
    /// Arrivals.
    pub arrivals: &'static str,
    /// From month.
    pub from_month: &'static str,
    /// Per month.
    pub per_month: &'static str,
    /// Add step.
    pub add_step: &'static str,
    /// Arrival factor.
    pub arrival_factor: &'static str,
    /// Age distribution.
    pub age_distribution: &'static str,
    /// Sum.
    pub sum: &'static str,
    /// Leave rate per year.
    pub leave_rate: &'static str,
    /// Funding included.
    pub funding_included: &'static str,
    /// Measures switched off.
    pub measures_off: &'static str,
    /// Population.
    pub population: &'static str,
    /// Area km².
    pub area: &'static str,
    /// Share of arrivals.
    pub share: &'static str,
    /// Distribution key heading.
    pub distribution: &'static str,
    /// Weights mode.
    pub by_weights: &'static str,
    /// Explicit shares mode.
    pub by_shares: &'static str,
    /// Population weight.
    pub population_weight: &'static str,
    /// Area weight.
    pub area_weight: &'static str,
    /// Uplift cap.
    pub uplift_cap: &'static str,
    /// Cap switched on.
    pub cap_active: &'static str,
    /// Free capacity at start.
    pub free_capacity: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Persons per unit.
    pub persons_per_unit: &'static str,
    /// Rates by age band.
    pub rates: &'static str,
    /// Age band.
    pub age_band: &'static str,
    /// Rate.
    pub rate: &'static str,
    /// Add band.
    pub add_band: &'static str,
    /// Tab of the groups and staff view (SPEC §11).
    pub view_groups: &'static str,
    /// No results yet.
    pub groups_no_results: &'static str,
    /// No planning year's reference month lies in the horizon.
    pub groups_no_years: &'static str,
    /// No domain is planned in whole groups yet.
    pub groups_no_planning: &'static str,
    /// "Planning year begins in".
    pub planning_year_starts: &'static str,
    /// "Reference month".
    pub planning_year_reference: &'static str,
    /// Row: places missing.
    pub groups_missing_places: &'static str,
    /// Before the group word: "fehlende" Gruppen.
    pub groups_missing_prefix: &'static str,
    /// Row: staff missing.
    pub groups_missing_staff: &'static str,
    /// Row: running cost per year.
    pub groups_running_cost: &'static str,
    /// Column: the figure.
    pub groups_figure: &'static str,
    /// Heading of the regions missing groups.
    pub groups_regions_heading: &'static str,
    /// Name of the planning-year chooser.
    pub groups_year_choice: &'static str,
    /// No region misses a group.
    pub groups_no_region_missing: &'static str,
    /// Hover: a click selects the region.
    pub groups_click_selects: &'static str,
    /// Field label: a domain's window of months since arrival.
    pub window_field: &'static str,
    /// Field label: the window's first month.
    pub window_field_from: &'static str,
    /// Field label: the window's end.
    pub window_field_to: &'static str,
    /// The months of the year, January first.
    pub month_names: [&'static str; 12],
    /// Heading of a domain's window of months since arrival (SPEC §10).
    pub window_heading: &'static str,
    /// "from month" of the window.
    pub window_from: &'static str,
    /// "until before month" of the window (empty = no end).
    pub window_to: &'static str,
    /// Hint in an empty "until" field.
    pub window_no_end: &'static str,
    /// Heading of a domain's groups and staff (SPEC §11).
    pub groups_heading: &'static str,
    /// Check box: the domain is planned in whole groups.
    pub groups_enabled: &'static str,
    /// Places per group.
    pub group_size: &'static str,
    /// The word for a group.
    pub group_word_label: &'static str,
    /// Staff per group (full-time equivalents).
    pub staff_per_group: &'static str,
    /// Running cost per group and year.
    pub cost_per_group: &'static str,
    /// Unsaved changes dialog title.
    pub unsaved_title: &'static str,
    /// Unsaved changes question.
    pub unsaved_question: &'static str,
    /// Discard.
    pub discard: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Load error dialog title.
    pub load_error_title: &'static str,
    /// Load error explanation.
    pub load_error_intro: &'static str,
    /// Close.
    pub close: &'static str,
    /// Path field label.
    pub path: &'static str,
    /// Browse button.
    pub browse: &'static str,
    /// No file dialog available.
    pub no_file_dialog: &'static str,
    /// Save error title.
    /// Heading of the crash recovery question.
    pub recover_title: &'static str,
    /// Explains the recovery offer; followed by the plan name and time.
    pub recover_question: &'static str,
    /// Button: restore the recovered plan.
    pub recover_restore: &'static str,
    /// Button: throw the recovered plan away.
    pub recover_discard: &'static str,
    /// Status after a restore.
    pub recovered_status: &'static str,
    /// Status while the model is computed in the background.
    pub updating_results: &'static str,
    /// Button: start presentation mode.
    pub presentation: &'static str,
    /// Button: leave presentation mode.
    pub leave_presentation: &'static str,
    /// Heading of the what-if controls in presentation mode.
    pub what_if: &'static str,
    /// Heading of the measure toggles in presentation mode.
    pub measures_switch: &'static str,
    /// Menu: export results for German Excel.
    pub export_csv: &'static str,
    /// Menu: export the shown scenarios as a plan file.
    pub export_scenarios: &'static str,
    /// Menu: import the scenarios of another plan file.
    pub import_scenarios: &'static str,
    /// Status after an export.
    pub exported: &'static str,
    /// Status after an import; followed by the number.
    pub imported_scenarios: &'static str,
    /// Heading of the notice after an import that changed something.
    pub import_notice_title: &'static str,
    /// Notice: a scenario got a new id; followed by old → new.
    pub renamed_scenario: &'static str,
    /// Notice: a measures_off entry was dropped; followed by scenario: measure.
    pub dropped_measure_off: &'static str,
    /// Heading when an export failed.
    pub export_error_title: &'static str,
    /// Menu: export results as an Excel workbook.
    pub export_xlsx: &'static str,
    /// Button beside a plot: save it as PNG.
    pub save_plot_png: &'static str,
    /// Menu: save a one-page summary picture.
    pub export_summary_png: &'static str,
    /// Message when no screenshot could be taken.
    pub snapshot_failed: &'static str,
    /// Before the file endings a picture can be saved with (`.png, .svg`).
    /// The picture could not be drawn (the technical detail follows in brackets).
    /// Before the key of the budget chart's bars (numbered by scenario).
    /// Before the lower end of a slider's range ("ab 156.563").
    pub range_from: &'static str,
    /// Before the upper end of a slider's range ("bis 250.880").
    pub range_to: &'static str,
    pub bars_from_left: &'static str,
    pub picture_failed: &'static str,
    pub picture_formats: &'static str,
    pub save_error_title: &'static str,
    /// Plan has errors banner.
    pub plan_has_errors: &'static str,
    /// Saved notice.
    pub saved: &'static str,
    /// Warnings when loading.
    pub load_warnings: &'static str,
    /// The status bar's list of warnings (the plan is valid, but a figure needs a look).
    pub warnings: &'static str,
    /// Hides the warnings of the last load.
    pub dismiss_load_warnings: &'static str,
    /// Title of the plan.
    pub plan_title: &'static str,
    /// Persons (newcomers).
    pub persons: &'static str,
    /// Unsaved marker hint.
    pub unsaved_marker: &'static str,
    /// Rows shown out of total.
    pub rows_shown: &'static str,
    /// Tab of the central area: capacity and cost charts.
    pub view_charts: &'static str,
    /// File name of a new plan.
    pub new_plan_file: &'static str,
    /// File name of restored work without a name.
    pub recovered_file: &'static str,
    /// File name part of exported results.
    pub file_results: &'static str,
    /// File name part of exported scenarios.
    pub file_scenarios: &'static str,
    /// File name part of a picture of the cost plot.
    pub file_costs: &'static str,
    /// File name part of a picture of the summary page.
    pub file_summary: &'static str,
    /// Title of a new plan.
    pub new_plan_title: &'static str,
    /// Region of a new plan.
    pub new_plan_region: &'static str,
    /// Scenario of a new plan.
    pub new_plan_scenario: &'static str,
    /// Domain of a new plan: Kita places.
    pub new_plan_kita: &'static str,
    /// Domain of a new plan: school places.
    pub new_plan_school: &'static str,
    /// Domain of a new plan: flats.
    pub new_plan_housing: &'static str,
    /// Unit: places.
    pub unit_places: &'static str,
    /// Unit: flats.
    pub unit_flats: &'static str,
    /// One measure (in a field's label).
    pub measure: &'static str,
    /// Message when the area of a picture is not on the screen.
    pub snapshot_empty: &'static str,
    // Uncertainty and budget (issue 12)
    /// Tab of the central area: cost by funding against the budget.
    pub view_budget: &'static str,
    /// Toggle: draw the P10–P90 bands (fan charts).
    pub bands_toggle: &'static str,
    /// Legend name of a band.
    pub bands_band: &'static str,
    /// Legend name of the median line.
    pub bands_median: &'static str,
    /// Progress of the runs; followed by the percentage.
    pub bands_computing: &'static str,
    /// Hover note: a region's band is its share of the state's band.
    pub bands_region_note: &'static str,
    /// Column and hover: share of runs with a shortage.
    pub shortage_probability: &'static str,
    /// Hover of an indicator without runs.
    pub not_computed_hint: &'static str,
    /// Heading of the range editor.
    pub range_heading: &'static str,
    /// Checkbox: the value has a range.
    pub range_uncertain: &'static str,
    /// Lowest value of a range.
    pub range_low: &'static str,
    /// The scenario's own value (the mode).
    pub range_value: &'static str,
    /// Highest value of a range.
    pub range_high: &'static str,
    /// Message: low above the value.
    pub range_low_above_value: &'static str,
    /// Message: high below the value.
    pub range_high_below_value: &'static str,
    /// Beside a what-if value outside its scenario's range: the range was widened (then "0,70–1,50").
    pub range_widened: &'static str,
    /// Hover of the triangle glyph.
    pub range_triangle: &'static str,
    /// Title of the budget chart.
    pub budget_chart: &'static str,
    /// Column: budget minus cost.
    pub balance: &'static str,
    /// Above the budget table: the one unit of its amounts.
    pub amounts_in_millions: &'static str,
    /// Column and sentence: planned plus open cost.
    pub unsecured: &'static str,
    /// No year has unsecured cost.
    pub all_secured: &'static str,
    /// A year without a budget entry.
    pub no_budget: &'static str,
    // Map and ranking (issue 14)
    /// Tab of the central area: the map and the ranking.
    pub view_map: &'static str,
    /// Picker of the domain on the map.
    pub map_domain: &'static str,
    /// Picker of the scenario on the map.
    pub map_scenario: &'static str,
    /// Picker of the figure that sizes circles and orders the ranking.
    pub map_figure: &'static str,
    /// Figure: the largest number of places missing in one month.
    pub figure_peak: &'static str,
    /// Figure: Σ of the places missing over all months.
    pub figure_place_months: &'static str,
    /// Figure: peak shortage per 1 000 inhabitants.
    pub figure_per_thousand: &'static str,
    /// Button: read district boundaries from a GeoJSON file.
    pub load_boundaries: &'static str,
    /// Button: forget the boundaries and draw circles again.
    pub show_circles: &'static str,
    /// Button: undo zoom and pan of the map.
    pub map_reset: &'static str,
    /// Hover text of the + button.
    pub map_zoom_in: &'static str,
    /// Hover text of the − button.
    pub map_zoom_out: &'static str,
    /// After a number: how many regions the ranking lists.
    pub regions_count: &'static str,
    /// Heading of the regions the map cannot place.
    pub without_location: &'static str,
    /// Ranking column: rank.
    pub rank_rank: &'static str,
    /// Ranking column: region name.
    pub rank_region: &'static str,
    /// Ranking column: region id.
    pub rank_id: &'static str,
    /// Ranking column: first shortage month.
    pub rank_first: &'static str,
    /// Ranking column: peak shortage.
    pub rank_peak: &'static str,
    /// Ranking column: place-months.
    pub rank_place_months: &'static str,
    /// Ranking column: per 1 000 inhabitants.
    pub rank_per_thousand: &'static str,
    /// Ranking column: share of the state's newcomers.
    pub rank_share: &'static str,
    /// Button: the ranking as CSV for Excel.
    pub export_ranking: &'static str,
    /// Legend and tooltip: the region is never short.
    pub no_shortage: &'static str,
    /// Legend: circle area is proportional to the figure (followed by its name).
    pub legend_area: &'static str,
    /// Legend: dark colour = early first shortage.
    pub legend_early: &'static str,
    /// Legend: light colour = late first shortage.
    pub legend_late: &'static str,
    /// While a boundary file loads.
    pub boundaries_loading: &'static str,
    /// Before a count: regions drawn as areas.
    pub boundaries_matched: &'static str,
    /// Heading: features of the file that fit no region.
    pub unmatched_features: &'static str,
    /// Heading: regions without an area in the file.
    pub regions_without_boundary: &'static str,
    /// Heading of a boundary file that could not be used.
    pub boundaries_error: &'static str,
    /// The boundary file is not JSON (followed by line and column).
    pub geo_not_json: &'static str,
    /// Column of a JSON error.
    pub geo_column: &'static str,
    /// The file is JSON but no GeoJSON FeatureCollection.
    pub geo_not_feature_collection: &'static str,
    /// No feature with an area.
    pub geo_no_polygons: &'static str,
    /// Unsupported coordinate system (followed by its name).
    pub geo_crs: &'static str,
    /// Coordinates that are neither degrees nor UTM 32N.
    pub geo_out_of_range: &'static str,
    /// The file could not be read.
    pub geo_read: &'static str,
    /// The file is too large.
    pub geo_too_large: &'static str,
    /// No region fits any area.
    pub geo_no_match: &'static str,
    /// The boundary file does not exist.
    pub geo_not_found: &'static str,
    /// No permission to read the boundary file.
    pub geo_permission: &'static str,
    /// The path names a folder.
    pub geo_is_folder: &'static str,
    /// The path names a device or pipe.
    pub geo_not_a_file: &'static str,
    /// Another error of the operating system (followed by its code).
    pub geo_os_error: &'static str,
    /// The limit of a boundary file (after "file too large").
    pub geo_limit: &'static str,
    /// JSON nested too deeply (followed by line and column).
    pub geo_too_deep: &'static str,
    /// The file is UTF-16.
    pub geo_utf16: &'static str,
    /// Too many areas or points (followed by the limits).
    pub geo_too_many: &'static str,
    /// Heading: areas far away from all others.
    pub geo_far_away: &'static str,
    /// File name part of a map picture.
    pub file_map: &'static str,
    /// File name part of the ranking CSV.
    pub file_ranking: &'static str,
    /// Hover text of the map's PNG button.
    pub save_map_png: &'static str,
    // Optimiser and import dialogs (issues 13, 15)
    /// Menu: tools.
    pub menu_tools: &'static str,
    /// Menu: help.
    pub menu_help: &'static str,
    /// Title of the optimiser dialog and its menu entry.
    pub optimize_title: &'static str,
    /// Button near the measures list that opens the optimiser.
    pub optimize_button: &'static str,
    /// What the optimiser does.
    pub optimize_intro: &'static str,
    /// Label of the domain choice.
    pub optimize_domains: &'static str,
    /// Label of the goal slider.
    pub optimize_goal: &'static str,
    /// Column of each domain's own goal in the optimiser dialog.
    pub optimize_goal_column: &'static str,
    /// Shortage without open measures.
    pub optimize_base: &'static str,
    /// Shortage with all open measures.
    pub optimize_all: &'static str,
    /// Unit: place-months.
    pub unit_place_months: &'static str,
    /// While the bounds of the goal are computed.
    pub optimize_bounds_reading: &'static str,
    /// Button: start the search.
    pub optimize_run: &'static str,
    /// While the search runs.
    pub optimize_searching: &'static str,
    /// The answer is proven optimal.
    pub optimize_optimal: &'static str,
    /// The answer is not proven optimal.
    pub optimize_not_optimal: &'static str,
    /// The goal cannot be met.
    pub optimize_infeasible: &'static str,
    /// The base already meets the goal.
    pub optimize_nothing_needed: &'static str,
    /// The scenario has no open measures.
    pub optimize_no_candidates: &'static str,
    /// Column: cost over the horizon.
    pub optimize_cost: &'static str,
    /// Column: shortage place-months a measure removes.
    pub optimize_removes: &'static str,
    /// Total cost of the mix.
    pub optimize_total: &'static str,
    /// Shortage of a domain before and after.
    pub optimize_shortage_after: &'static str,
    /// Button: add the mix as a scenario.
    pub optimize_accept: &'static str,
    /// Status after adopting a mix.
    pub optimize_adopted: &'static str,
    /// Name of a proposal scenario before the base name.
    pub optimize_scenario_prefix: &'static str,
    /// The search could not run.
    pub optimize_failed: &'static str,
    /// Presentation: show the proposal beside the base.
    pub show_proposal: &'static str,
    /// Menu: import measures from a table.
    pub import_measures_table: &'static str,
    /// Menu: import regions from a table.
    pub import_regions_table: &'static str,
    /// Menu: write the measures as a table.
    pub export_measures_table: &'static str,
    /// Menu: write the HTML report of the drawn scenarios.
    pub export_report: &'static str,
    /// Word in the report's suggested file name.
    pub file_report: &'static str,
    /// Filter name of table files.
    pub table_files: &'static str,
    /// While a table is read.
    pub import_reading: &'static str,
    /// Label of the sheet choice.
    pub import_sheet: &'static str,
    /// Heading: new entries.
    pub import_added: &'static str,
    /// Heading: changed entries.
    pub import_changed: &'static str,
    /// Heading: unchanged entries.
    pub import_unchanged: &'static str,
    /// Heading: removed entries.
    pub import_removed: &'static str,
    /// Heading: bad rows.
    pub import_problems: &'static str,
    /// Heading: the resulting plan breaks rules.
    pub import_plan_issues: &'static str,
    /// Heading: warnings of an import.
    pub import_warnings: &'static str,
    /// The table changes nothing.
    pub import_nothing: &'static str,
    /// Button: apply an import.
    pub import_apply: &'static str,
    /// A table cannot be read.
    pub import_error_title: &'static str,
    /// Status after an import.
    pub import_done: &'static str,
    /// Prefix of a row number.
    pub import_row: &'static str,
    /// An export would overwrite the open plan.
    pub output_is_plan: &'static str,
    /// Title of the about dialog and its menu entry.
    pub about_title: &'static str,
    /// Label: version.
    pub about_version: &'static str,
    /// Label: licence.
    pub about_licence: &'static str,
    /// Heading: data sources.
    pub about_sources: &'static str,
    /// Source of population and area.
    pub about_population: &'static str,
    /// Source of the district centres.
    pub about_centres: &'static str,

    // Charts a workshop room looks at (issue 16)
    /// Suffix of figures that are the whole state's even when a region is selected.
    pub state_wide: &'static str,
    /// Under the cost table while a region is selected: what the costs cover.
    pub costs_state_wide_note: &'static str,
    /// Plot layout switch: one plot per scenario, side by side.
    pub layout_side_by_side: &'static str,
    /// Plot layout switch: all scenarios in one plot.
    pub layout_overlaid: &'static str,
    /// The choice "all plots" beside the domains (one plot large).
    pub all_plots: &'static str,
    /// Menu entry: compare the plan with another file.
    pub compare_menu: &'static str,
    /// Menu entry: merge a colleague's changes.
    pub merge_menu: &'static str,
    /// Title of the compare window.
    pub compare_title: &'static str,
    /// What the list shows: changes from the open plan to the file.
    pub compare_intro: &'static str,
    /// Both versions mean the same.
    pub compare_no_changes: &'static str,
    /// Hint that a change leads to its item.
    pub compare_click_hint: &'static str,
    /// Heading of the effects beside the list.
    pub compare_effects: &'static str,
    /// The open plan, as a column.
    pub version_this: &'static str,
    /// The other file, as a column.
    pub version_other: &'static str,
    /// Column of differences.
    pub difference: &'static str,
    /// Column of key figures.
    pub figure: &'static str,
    /// A scenario only the open plan has.
    pub only_this: &'static str,
    /// A scenario only the other version has.
    pub only_other: &'static str,
    /// Costs of one budget year: 'Kosten 2026'.
    pub costs_in: &'static str,
    /// Group of changes: title, period, planning year.
    pub group_plan: &'static str,
    /// Group of changes: domains.
    pub group_domains: &'static str,
    /// Group of changes: regions.
    pub group_regions: &'static str,
    /// Group of changes: the distribution key.
    pub group_distribution: &'static str,
    /// Group of changes: measures.
    pub group_measures: &'static str,
    /// Group of changes: scenarios.
    pub group_scenarios: &'static str,
    /// Group of changes: budget.
    pub group_budget: &'static str,
    /// Group of changes: other fields.
    pub group_other: &'static str,
    /// Label of the domain chooser of the compare plot.
    pub plot_domain: &'static str,
    /// Title of the merge window.
    pub merge_title: &'static str,
    /// Label of the colleague's file.
    pub merge_file: &'static str,
    /// Label of the common original.
    pub merge_base: &'static str,
    /// How the original was found.
    pub merge_base_stored: &'static str,
    /// The original chosen as a file.
    pub merge_base_chosen: &'static str,
    /// The original is not known.
    pub merge_need_base: &'static str,
    /// Button: choose the original.
    pub merge_choose_base: &'static str,
    /// Heading of the changes taken without question.
    pub merge_taken: &'static str,
    /// No change to take without question.
    pub merge_nothing_taken: &'static str,
    /// Heading of the conflicts.
    pub merge_conflicts: &'static str,
    /// Column: what is in conflict.
    pub merge_what: &'static str,
    /// Column and choice: my version.
    pub merge_mine: &'static str,
    /// Column and choice: the colleague's version.
    pub merge_theirs: &'static str,
    /// How many conflicts are still open.
    pub merge_open_count: &'static str,
    /// Button: apply the merge.
    pub merge_apply: &'static str,
    /// The file changes nothing.
    pub merge_nothing: &'static str,
    /// Status after a merge.
    pub merge_done: &'static str,
    /// The merged plan would break a rule.
    pub merge_invalid: &'static str,
    /// A side removed the item.
    pub merge_removed: &'static str,
    /// Unit of a difference in months.
    pub unit_months: &'static str,
}

/// German texts.
pub static GERMAN: Strings = Strings {
    lang: Language::German,
    app_name: "Integrationsplan",
    menu_file: "Datei",
    menu_edit: "Bearbeiten",
    menu_view: "Ansicht",
    new_plan: "Neuer Plan",
    open: "Öffnen …",
    open_sample: "Beispielplan NRW 2025 öffnen",
    save: "Speichern",
    save_as: "Speichern unter …",
    recent_files: "Zuletzt geöffnet",
    no_recent_files: "(keine)",
    quit: "Beenden",
    undo: "Rückgängig",
    redo: "Wiederholen",
    language: "Sprache",
    dark_theme: "Dunkles Design",
    light_theme: "Helles Design",
    scenario: "Szenario",
    shown_scenarios: "Vergleich",
    region: "Region",
    whole_state: "NRW gesamt",
    tab_measures: "Maßnahmen",
    tab_scenarios: "Szenarien",
    tab_regions: "Regionen & Verteilung",
    tab_domains: "Bereiche",
    col_name: "Name",
    col_domain: "Bereich",
    col_region: "Region",
    col_places: "Plätze",
    closes: "schließt",
    places_word: "Plätze",
    col_start: "Beginn",
    col_end: "Ende",
    col_ramp: "Anlauf (Mon.)",
    col_cost_once: "Einmalkosten €",
    col_cost_year: "Kosten/Jahr €",
    col_funding: "Finanzierung",
    // --- tables helper (issue 16) ---
    region_search: "suchen",
    col_notes: "Notizen",
    measures_more_columns: "Weitere Spalten: seitlich blättern ➡",
    tab_plan: "Über diesen Plan",
    tab_plan_short: "Plan",
    plan_author: "Verfasst von",
    plan_notes: "Notizen und Quellen",
    plan_notes_hint: "Quellen, Annahmen, Stand der Zahlen …",
    plan_period: "Zeitraum",
    plan_count_regions: "Regionen",
    plan_contents: "Umfang",
    plan_months: "Monate",
    plan_no_notes: "(keine Notizen)",
    statewide: "landesweit",
    funding_secured: "gesichert",
    funding_planned: "geplant",
    funding_open: "offen",
    add_measure: "➕ Maßnahme",
    duplicate: "Duplizieren",
    delete: "Löschen",
    filter: "Suchen …",
    filter_by: "Filter",
    column_width: "Spaltenbreite",
    all: "alle",
    totals: "Summe",
    new_measure_name: "Neue Maßnahme",
    not_a_number: "keine Zahl (z. B. 1.234,5)",
    not_an_amount: "kein Betrag (z. B. 2,5 Mio, 900 T€ oder 1.500.000 €)",
    not_a_month: "kein Monat (erwartet JJJJ-MM oder MM/JJJJ)",
    not_a_whole_number: "keine ganze Zahl ≥ 0",
    open_ended: "unbefristet",
    demand: "Bedarf",
    capacity: "Kapazität",
    shortage_state: "Fehlende Plätze (Summe der Regionen)",
    shortage: "Fehlende Plätze",
    month: "Monat",
    reset_view: "Ansicht zurücksetzen",
    cost_per_year: "Kosten je Jahr",
    budget: "Budget",
    indicators: "Kennzahlen",
    first_shortage: "Erster Engpass",
    peak_shortage: "Größter Engpass",
    place_months: "Platz-Monate fehlend",
    none: "keiner",
    regions_short_first: "Regionen mit frühestem Engpass",
    no_region_short: "Keine Region hat einen Engpass.",
    short_first: "Zuerst knapp",
    to_ranking: "Rangliste ➡",
    yearly_cost: "Kosten je Jahr",
    year: "Jahr",
    over_budget: "über Budget",
    add_scenario: "➕ Szenario",
    name: "Name",
    color: "Farbe",
    arrivals: "Zugänge (landesweit je Monat)",
    from_month: "ab Monat",
    per_month: "je Monat",
    add_step: "➕ Stufe",
    arrival_factor: "Zugangsfaktor",
    age_distribution: "Altersverteilung",
    sum: "Summe",
    leave_rate: "Fortzüge je Jahr",
    funding_included: "Berücksichtigte Finanzierung",
    measures_off: "Ausgeschaltete Maßnahmen",
    population: "Einwohner",
    area: "Fläche km²",
    share: "Anteil",
    distribution: "Verteilschlüssel",
    by_weights: "Einwohner und Fläche",
    by_shares: "Feste Anteile",
    population_weight: "Gewicht Einwohner",
    area_weight: "Gewicht Fläche",
    uplift_cap: "Aufschlag-Deckel (FlüAG)",
    cap_active: "begrenzen",
    free_capacity: "Freie Plätze zu Beginn",
    unit: "Einheit",
    persons_per_unit: "Personen je Einheit",
    rates: "Quoten nach Altersgruppe",
    age_band: "Altersgruppe",
    rate: "Quote",
    add_band: "➕ Altersgruppe",
    view_groups: "Gruppen & Personal",
    groups_no_results: "Noch keine Ergebnisse.",
    groups_no_years: "Kein Stichtag eines Planungsjahres liegt im Planungszeitraum.",
    groups_no_planning: "Noch kein Bereich wird in ganzen Gruppen geplant: unter „Bereiche“ Gruppengröße, Personal und Kosten je Gruppe eintragen.",
    planning_year_starts: "Planungsjahr beginnt im",
    planning_year_reference: "Stichtag im",
    groups_missing_places: "fehlende Plätze",
    groups_missing_prefix: "fehlende",
    groups_missing_staff: "fehlendes Personal (VZÄ)",
    groups_running_cost: "laufende Kosten/Jahr",
    groups_figure: "Kennzahl",
    groups_regions_heading: "Regionen mit fehlenden Gruppen",
    groups_year_choice: "Planungsjahr",
    groups_no_region_missing: "In diesem Planungsjahr fehlt keiner Region eine Gruppe.",
    groups_click_selects: "Klick wählt die Region",
    window_field: "Monate seit Ankunft",
    window_field_from: "ab",
    window_field_to: "bis",
    month_names: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    window_heading: "Zählt nach Ankunft",
    window_from: "ab Monat",
    window_to: "bis vor Monat",
    window_no_end: "ohne Ende",
    groups_heading: "Gruppen und Personal",
    groups_enabled: "in ganzen Gruppen planen",
    group_size: "Gruppengröße (Plätze)",
    group_word_label: "Wort für Gruppen",
    staff_per_group: "Personal je Gruppe (VZÄ)",
    cost_per_group: "laufende Kosten je Gruppe und Jahr (€)",
    unsaved_title: "Ungespeicherte Änderungen",
    unsaved_question: "Der Plan hat ungespeicherte Änderungen. Vorher speichern?",
    discard: "Verwerfen",
    cancel: "Abbrechen",
    load_error_title: "Datei kann nicht geöffnet werden",
    load_error_intro: "Die Datei enthält Fehler. Der geöffnete Plan bleibt unverändert.",
    close: "Schließen",
    path: "Pfad",
    browse: "Durchsuchen …",
    no_file_dialog: "Kein Dateidialog verfügbar – bitte den Pfad eingeben.",
    recover_title: "Ungespeicherte Arbeit wiederherstellen?",
    recover_question: "Integrationsplan wurde beendet, bevor Änderungen gespeichert waren. Gefunden:",
    recover_restore: "Wiederherstellen",
    recover_discard: "Verwerfen",
    recovered_status: "Wiederhergestellt – bitte speichern",
    updating_results: "Ergebnisse werden aktualisiert …",
    presentation: "Präsentation (F11)",
    leave_presentation: "Präsentation beenden (F11)",
    what_if: "Was wäre, wenn …",
    measures_switch: "Maßnahmen in diesem Szenario",
    export_csv: "Ergebnisse als CSV für Excel exportieren …",
    export_scenarios: "Angezeigte Szenarien als Plan exportieren …",
    import_scenarios: "Szenarien aus Plan importieren …",
    exported: "Exportiert",
    imported_scenarios: "Szenarien importiert",
    import_notice_title: "Hinweise zum Import",
    renamed_scenario: "Szenario-ID war vergeben, neu",
    dropped_measure_off: "Maßnahme gibt es hier nicht, Abschaltung entfernt",
    export_error_title: "Export fehlgeschlagen",
    export_xlsx: "Ergebnisse als Excel-Arbeitsmappe (XLSX) exportieren …",
    save_plot_png: "Als Bild speichern (PNG, SVG)",
    export_summary_png: "Zusammenfassung als Bild speichern (PNG, SVG, PDF) …",
    snapshot_failed: "Das Bild konnte nicht aufgenommen werden (kein Bild vom Grafiktreiber).",
    picture_formats: "Dieses Bild gibt es als",
    picture_failed: "Das Bild konnte nicht gezeichnet werden",
    bars_from_left: "Balken je Jahr von links:",
    range_from: "ab",
    range_to: "bis",
    save_error_title: "Speichern fehlgeschlagen",
    plan_has_errors: "Der Plan hat Fehler – rot markierte Felder prüfen",
    saved: "Gespeichert",
    load_warnings: "Hinweise beim Laden",
    warnings: "Hinweise",
    dismiss_load_warnings: "Hinweise beim Laden ausblenden",
    plan_title: "Titel",
    persons: "Neuzugewanderte",
    unsaved_marker: "ungespeichert",
    rows_shown: "Maßnahmen angezeigt",
    view_charts: "Diagramme",
    new_plan_file: "neuer-plan.json",
    recovered_file: "wiederhergestellt.json",
    file_results: "ergebnisse",
    file_scenarios: "szenarien",
    file_costs: "kosten",
    file_summary: "zusammenfassung",
    new_plan_title: "Neuer Plan",
    new_plan_region: "Region 1",
    new_plan_scenario: "Basis",
    new_plan_kita: "Kita-Plätze",
    new_plan_school: "Schulplätze",
    new_plan_housing: "Wohnungen",
    unit_places: "Plätze",
    unit_flats: "Wohnungen",
    measure: "Maßnahme",
    snapshot_empty: "Der Bereich des Bildes ist nicht zu sehen – bitte dorthin scrollen.",
    // Uncertainty and budget (issue 12)
    view_budget: "Haushalt",
    bands_toggle: "Bandbreite (P10–P90)",
    bands_band: "P10–P90",
    bands_median: "P50 (Median)",
    bands_computing: "Bandbreiten werden berechnet …",
    bands_region_note: "Bandbreite der Region: ihr Anteil an der Landes-Bandbreite",
    shortage_probability: "Engpass-Wahrscheinlichkeit",
    not_computed_hint: "Bandbreite einschalten, um sie zu berechnen",
    range_heading: "Bandbreite (Unsicherheit)",
    range_uncertain: "unsicher",
    range_low: "niedrig",
    range_value: "Wert",
    range_high: "hoch",
    range_low_above_value: "„niedrig“ darf nicht über dem Wert liegen",
    range_high_below_value: "„hoch“ darf nicht unter dem Wert liegen",
    range_widened: "Unsicherheitsbereich erweitert auf",
    range_triangle: "Dreiecksverteilung: niedrig – Wert – hoch",
    budget_chart: "Kosten nach Finanzierung gegen das Budget",
    balance: "Saldo",
    amounts_in_millions: "Beträge in Mio. €",
    unsecured: "noch nicht gesichert",
    all_secured: "Alle Kosten sind gesichert.",
    no_budget: "kein Budget",
    // Map and ranking (issue 14)
    view_map: "Karte",
    map_domain: "Bereich",
    map_scenario: "Szenario",
    map_figure: "Kennzahl",
    figure_peak: "Größter Engpass (Plätze)",
    figure_place_months: "Engpass in Platzmonaten",
    figure_per_thousand: "Fehlende Plätze je 1.000 Einwohner",
    load_boundaries: "Grenzen laden …",
    show_circles: "Kreise statt Flächen",
    map_reset: "Zurücksetzen",
    map_zoom_in: "Vergrößern",
    map_zoom_out: "Verkleinern",
    regions_count: "Regionen",
    without_location: "Ohne Ort auf der Karte",
    rank_rank: "Rang",
    rank_region: "Region",
    rank_id: "Kennung",
    rank_first: "Erster Engpass",
    rank_peak: "Spitze",
    rank_place_months: "Platzmonate",
    rank_per_thousand: "je 1.000 Einw.",
    rank_share: "Anteil Zugänge",
    export_ranking: "Rangliste als CSV …",
    no_shortage: "kein Engpass",
    legend_area: "Kreisfläche nach",
    legend_early: "früher Engpass",
    legend_late: "später Engpass",
    boundaries_loading: "Grenzen werden geladen …",
    boundaries_matched: "Regionen mit Grenze",
    unmatched_features: "Flächen ohne passende Region",
    regions_without_boundary: "Regionen ohne Grenze",
    boundaries_error: "Grenzen nicht geladen",
    geo_not_json: "keine JSON-Datei, Fehler in Zeile",
    geo_column: "Spalte",
    geo_not_feature_collection: "keine GeoJSON-FeatureCollection",
    geo_no_polygons: "keine Fläche (Polygon oder MultiPolygon) in der Datei",
    geo_crs: "Koordinatensystem nicht unterstützt (WGS 84 oder UTM 32N/EPSG:25832 erwartet)",
    geo_out_of_range: "Koordinaten weder in Grad noch in UTM 32N",
    geo_read: "Datei nicht lesbar",
    geo_too_large: "Datei zu groß",
    geo_no_match: "keine Fläche passt zu einer Region (weder Kennung, AGS/ARS noch Name)",
    geo_not_found: "Datei nicht gefunden",
    geo_permission: "keine Berechtigung, die Datei zu lesen",
    geo_is_folder: "das ist ein Ordner, keine Datei",
    geo_not_a_file: "das ist keine gewöhnliche Datei (Gerät oder Pipe)",
    geo_os_error: "Datei nicht lesbar, Fehlercode des Betriebssystems",
    geo_limit: "erlaubt sind höchstens",
    geo_too_deep: "JSON zu tief verschachtelt (höchstens 128 Ebenen), Zeile",
    geo_utf16: "die Datei ist als UTF-16 gespeichert (erwartet: UTF-8, wie GeoJSON geschrieben wird)",
    geo_far_away: "Flächen weit weg von allen anderen (Koordinaten prüfen)",
    geo_too_many: "zu viele Flächen oder Punkte für die Karte; erlaubt sind höchstens Flächen/Punkte",
    file_map: "karte",
    file_ranking: "rangliste",
    save_map_png: "Karte als PNG-Bild speichern",
    // Optimiser and import dialogs (issues 13, 15)
    menu_tools: "Werkzeuge",
    menu_help: "Hilfe",
    optimize_title: "Maßnahmen-Mix vorschlagen",
    optimize_button: "Mix vorschlagen …",
    optimize_intro: "Sucht die günstigste Auswahl der offenen Maßnahmen (Finanzierung „offen“), mit der der Mangel der gewählten Bereiche höchstens das Ziel erreicht.",
    optimize_domains: "Bereiche",
    optimize_goal: "Ziel: höchstens so viel Mangel je Bereich (Platzmonate)",
    optimize_goal_column: "Ziel (höchstens)",
    optimize_base: "Ohne offene Maßnahmen",
    optimize_all: "Mit allen offenen Maßnahmen",
    unit_place_months: "Platzmonate",
    optimize_bounds_reading: "Mangel ohne und mit allen offenen Maßnahmen wird berechnet …",
    optimize_run: "Suchen",
    optimize_searching: "Suche läuft …",
    optimize_optimal: "Nachweislich der günstigste Mix für dieses Ziel.",
    optimize_not_optimal: "Nicht bewiesen optimal (Zeitlimit erreicht oder abgebrochen): der beste bisher gefundene Mix.",
    optimize_infeasible: "Ziel nicht erreichbar: auch alle offenen Maßnahmen zusammen lassen mehr Mangel. Vorgeschlagen sind alle offenen Maßnahmen.",
    optimize_nothing_needed: "Das Ziel wird schon ohne offene Maßnahmen erreicht.",
    optimize_no_candidates: "Das Szenario hat keine offenen Maßnahmen (Finanzierung „offen“).",
    optimize_cost: "Kosten",
    optimize_removes: "Mangel weniger (Platzmonate)",
    optimize_total: "Gesamtkosten",
    optimize_shortage_after: "Mangel vorher / nachher",
    optimize_accept: "Als Szenario übernehmen",
    optimize_adopted: "Vorschlag als Szenario übernommen",
    optimize_scenario_prefix: "Mix",
    optimize_failed: "Die Suche konnte nicht laufen",
    show_proposal: "Vorschlag zeigen",
    import_measures_table: "Maßnahmen aus Tabelle importieren …",
    import_regions_table: "Regionen aus Tabelle importieren …",
    export_measures_table: "Maßnahmen als Tabelle exportieren …",
    export_report: "Bericht als HTML …",
    file_report: "bericht",
    table_files: "Tabellen",
    import_reading: "Tabelle wird gelesen …",
    import_sheet: "Blatt",
    import_added: "Neu",
    import_changed: "Geändert",
    import_unchanged: "Unverändert",
    import_removed: "Entfernt",
    import_problems: "Fehlerhafte Zeilen – so kann die Tabelle nicht übernommen werden",
    import_plan_issues: "Der Plan wäre danach ungültig",
    import_warnings: "Hinweise",
    import_nothing: "Die Tabelle ändert nichts am Plan.",
    import_apply: "Übernehmen",
    import_error_title: "Tabelle kann nicht gelesen werden",
    import_done: "Tabelle übernommen",
    import_row: "Zeile",
    output_is_plan: "ist die geöffnete Plandatei – bitte eine andere Datei wählen. Es wurde nichts geschrieben.",
    about_title: "Über Integrationsplan",
    about_version: "Version",
    about_licence: "Lizenz",
    about_sources: "Datenquellen",
    about_population: "Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2.0)",
    about_centres: "Mittelpunkte der Kreise und kreisfreien Städte: districts-nrw-centroids.csv",
    state_wide: "landesweit",
    costs_state_wide_note: "alle Maßnahmen im Land, nicht nur der Region",
    layout_side_by_side: "Nebeneinander",
    layout_overlaid: "Überlagert",
    all_plots: "Alle Diagramme",
    compare_menu: "Mit anderer Version vergleichen …",
    merge_menu: "Änderungen einer Kollegin übernehmen …",
    compare_title: "Vergleich mit anderer Version",
    compare_intro: "Änderungen vom geöffneten Plan zur Datei",
    compare_no_changes: "Keine Änderungen: beide Versionen bedeuten dasselbe.",
    compare_click_hint: "Ein Klick auf eine Änderung zeigt sie im Plan.",
    compare_effects: "Was die Änderungen bewirken",
    version_this: "Geöffneter Plan",
    version_other: "Andere Version",
    difference: "Differenz",
    figure: "Kennzahl",
    only_this: "nur im geöffneten Plan",
    only_other: "nur in der anderen Version",
    costs_in: "Kosten",
    group_plan: "Plan und Zeitraum",
    group_domains: "Bereiche",
    group_regions: "Regionen",
    group_distribution: "Verteilschlüssel",
    group_measures: "Maßnahmen",
    group_scenarios: "Szenarien",
    group_budget: "Budget",
    group_other: "Weitere Angaben",
    plot_domain: "Bereich im Diagramm",
    merge_title: "Änderungen einer Kollegin übernehmen",
    merge_file: "Datei der Kollegin",
    merge_base: "Gemeinsame Ausgangsversion",
    merge_base_stored: "von diesem Programm gespeichert oder geöffnet am",
    merge_base_chosen: "gewählte Datei",
    merge_need_base: "Dieses Programm kennt die gemeinsame Ausgangsversion nicht. Bitte die Datei wählen, von der beide Fassungen ausgegangen sind.",
    merge_choose_base: "Ausgangsversion wählen …",
    merge_taken: "Werden übernommen",
    merge_nothing_taken: "Keine Änderung ohne Widerspruch.",
    merge_conflicts: "Widersprüche – bitte jeweils entscheiden",
    merge_what: "Was",
    merge_mine: "Meine Fassung",
    merge_theirs: "Fassung der Kollegin",
    merge_open_count: "Noch nicht entschieden",
    merge_apply: "Übernehmen",
    merge_nothing: "Die Datei enthält keine Änderung gegenüber der Ausgangsversion.",
    merge_done: "Änderungen übernommen (Strg+Z nimmt alles zurück)",
    merge_invalid: "Das Ergebnis wäre kein gültiger Plan:",
    merge_removed: "entfernt",
    unit_months: "Monate",
};

/// English texts.
pub static ENGLISH: Strings = Strings {
    lang: Language::English,
    app_name: "Integrationsplan",
    menu_file: "File",
    menu_edit: "Edit",
    menu_view: "View",
    new_plan: "New plan",
    open: "Open …",
    open_sample: "Open sample plan NRW 2025",
    save: "Save",
    save_as: "Save as …",
    recent_files: "Recent files",
    no_recent_files: "(none)",
    quit: "Quit",
    undo: "Undo",
    redo: "Redo",
    language: "Language",
    dark_theme: "Dark theme",
    light_theme: "Light theme",
    scenario: "Scenario",
    shown_scenarios: "Compare",
    region: "Region",
    whole_state: "All of NRW",
    tab_measures: "Measures",
    tab_scenarios: "Scenarios",
    tab_regions: "Regions & distribution",
    tab_domains: "Domains",
    col_name: "Name",
    col_domain: "Domain",
    col_region: "Region",
    col_places: "Places",
    closes: "closes",
    places_word: "places",
    col_start: "Start",
    col_end: "End",
    col_ramp: "Ramp (mo.)",
    col_cost_once: "One-off €",
    col_cost_year: "Per year €",
    col_funding: "Funding",
    // --- tables helper (issue 16) ---
    region_search: "search",
    col_notes: "Notes",
    measures_more_columns: "More columns: scroll sideways ➡",
    tab_plan: "About this plan",
    tab_plan_short: "Plan",
    plan_author: "Author",
    plan_notes: "Notes and sources",
    plan_notes_hint: "Sources, assumptions, date of the figures …",
    plan_period: "Period",
    plan_count_regions: "Regions",
    plan_contents: "Contents",
    plan_months: "months",
    plan_no_notes: "(no notes)",
    statewide: "state-wide",
    funding_secured: "secured",
    funding_planned: "planned",
    funding_open: "open",
    add_measure: "➕ Measure",
    duplicate: "Duplicate",
    delete: "Delete",
    filter: "Search …",
    filter_by: "Filter",
    column_width: "Column width",
    all: "all",
    totals: "Total",
    new_measure_name: "New measure",
    not_a_number: "not a number (e.g. 1,234.5)",
    not_an_amount: "not an amount (e.g. €2.5m, 900k or 1,500,000)",
    not_a_month: "not a month (expected YYYY-MM)",
    not_a_whole_number: "not a whole number ≥ 0",
    open_ended: "open-ended",
    demand: "Demand",
    capacity: "Capacity",
    shortage_state: "Places missing (sum of regions)",
    shortage: "Places missing",
    month: "Month",
    reset_view: "Reset view",
    cost_per_year: "Cost per year",
    budget: "Budget",
    indicators: "Indicators",
    first_shortage: "First shortage",
    peak_shortage: "Peak shortage",
    place_months: "Place-months missing",
    none: "none",
    regions_short_first: "Regions running short first",
    no_region_short: "No region runs short.",
    short_first: "Short first",
    to_ranking: "Ranking ➡",
    yearly_cost: "Cost per year",
    year: "Year",
    over_budget: "over budget",
    add_scenario: "➕ Scenario",
    name: "Name",
    color: "Colour",
    arrivals: "Arrivals (state-wide per month)",
    from_month: "from month",
    per_month: "per month",
    add_step: "➕ Step",
    arrival_factor: "Arrival factor",
    age_distribution: "Age distribution",
    sum: "Sum",
    leave_rate: "Departures per year",
    funding_included: "Funding included",
    measures_off: "Measures switched off",
    population: "Population",
    area: "Area km²",
    share: "Share",
    distribution: "Distribution key",
    by_weights: "Population and area",
    by_shares: "Fixed shares",
    population_weight: "Population weight",
    area_weight: "Area weight",
    uplift_cap: "Uplift cap (FlüAG)",
    cap_active: "apply",
    free_capacity: "Free places at start",
    unit: "Unit",
    persons_per_unit: "Persons per unit",
    rates: "Rates by age band",
    age_band: "Age band",
    rate: "Rate",
    add_band: "➕ Age band",
    view_groups: "Groups & staff",
    groups_no_results: "No results yet.",
    groups_no_years: "No planning year's reference month lies in the planning period.",
    groups_no_planning: "No domain is planned in whole groups yet: enter group size, staff and cost per group under “Domains”.",
    planning_year_starts: "Planning year begins in",
    planning_year_reference: "Reference month",
    groups_missing_places: "places missing",
    groups_missing_prefix: "missing",
    groups_missing_staff: "staff missing (FTE)",
    groups_running_cost: "running cost/year",
    groups_figure: "Figure",
    groups_regions_heading: "Regions missing groups",
    groups_year_choice: "Planning year",
    groups_no_region_missing: "No region misses a group in this planning year.",
    groups_click_selects: "click selects the region",
    window_field: "Months since arrival",
    window_field_from: "from",
    window_field_to: "until",
    month_names: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    window_heading: "Counted after arrival",
    window_from: "from month",
    window_to: "until before month",
    window_no_end: "no end",
    groups_heading: "Groups and staff",
    groups_enabled: "plan in whole groups",
    group_size: "Group size (places)",
    group_word_label: "Word for groups",
    staff_per_group: "Staff per group (FTE)",
    cost_per_group: "Running cost per group and year (€)",
    unsaved_title: "Unsaved changes",
    unsaved_question: "The plan has unsaved changes. Save them first?",
    discard: "Discard",
    cancel: "Cancel",
    load_error_title: "Cannot open the file",
    load_error_intro: "The file has errors. The open plan stays as it was.",
    close: "Close",
    path: "Path",
    browse: "Browse …",
    no_file_dialog: "No file dialog available – please type the path.",
    recover_title: "Restore unsaved work?",
    recover_question: "Integrationsplan ended before changes were saved. Found:",
    recover_restore: "Restore",
    recover_discard: "Discard",
    recovered_status: "Restored – please save",
    updating_results: "Updating results …",
    presentation: "Presentation (F11)",
    leave_presentation: "Leave presentation (F11)",
    what_if: "What if …",
    measures_switch: "Measures in this scenario",
    export_csv: "Export results as CSV for Excel …",
    export_scenarios: "Export shown scenarios as a plan …",
    import_scenarios: "Import scenarios from a plan …",
    exported: "Exported",
    imported_scenarios: "Scenarios imported",
    import_notice_title: "Notes on the import",
    renamed_scenario: "Scenario id was taken, new",
    dropped_measure_off: "Measure does not exist here, switch-off dropped",
    export_error_title: "Export failed",
    export_xlsx: "Export results as Excel workbook (XLSX) …",
    save_plot_png: "Save as picture (PNG, SVG)",
    export_summary_png: "Save summary as picture (PNG, SVG, PDF) …",
    snapshot_failed: "The picture could not be taken (no image from the graphics driver).",
    picture_formats: "This picture can be saved as",
    picture_failed: "The picture could not be drawn",
    bars_from_left: "Bars per year from the left:",
    range_from: "from",
    range_to: "to",
    save_error_title: "Saving failed",
    plan_has_errors: "The plan has errors – check the fields marked red",
    saved: "Saved",
    load_warnings: "Notes from loading",
    warnings: "Notes",
    dismiss_load_warnings: "Hide the notes from loading",
    plan_title: "Title",
    persons: "Newcomers",
    unsaved_marker: "unsaved",
    rows_shown: "measures shown",
    view_charts: "Charts",
    new_plan_file: "new-plan.json",
    recovered_file: "recovered.json",
    file_results: "results",
    file_scenarios: "scenarios",
    file_costs: "costs",
    file_summary: "summary",
    new_plan_title: "New plan",
    new_plan_region: "Region 1",
    new_plan_scenario: "Base",
    new_plan_kita: "Day-care places",
    new_plan_school: "School places",
    new_plan_housing: "Flats",
    unit_places: "places",
    unit_flats: "flats",
    measure: "Measure",
    snapshot_empty: "The area of the picture is not visible – please scroll to it.",
    // Uncertainty and budget (issue 12)
    view_budget: "Budget",
    bands_toggle: "Range (P10–P90)",
    bands_band: "P10–P90",
    bands_median: "P50 (median)",
    bands_computing: "Computing ranges …",
    bands_region_note: "Range of the region: its share of the state's range",
    shortage_probability: "Shortage probability",
    not_computed_hint: "Switch the range on to compute it",
    range_heading: "Range (uncertainty)",
    range_uncertain: "uncertain",
    range_low: "low",
    range_value: "value",
    range_high: "high",
    range_low_above_value: "“low” must not be above the value",
    range_high_below_value: "“high” must not be below the value",
    range_widened: "Uncertainty range widened to",
    range_triangle: "Triangular distribution: low – value – high",
    budget_chart: "Cost by funding against the budget",
    balance: "Balance",
    amounts_in_millions: "Amounts in € m",
    unsecured: "not yet secured",
    all_secured: "All costs are secured.",
    no_budget: "no budget",
    // Map and ranking (issue 14)
    view_map: "Map",
    map_domain: "Domain",
    map_scenario: "Scenario",
    map_figure: "Figure",
    figure_peak: "Peak shortage (places)",
    figure_place_months: "Shortage in place-months",
    figure_per_thousand: "Missing places per 1,000 inhabitants",
    load_boundaries: "Load boundaries …",
    show_circles: "Circles instead of areas",
    map_reset: "Reset",
    map_zoom_in: "Zoom in",
    map_zoom_out: "Zoom out",
    regions_count: "regions",
    without_location: "Not on the map (no location)",
    rank_rank: "Rank",
    rank_region: "Region",
    rank_id: "Id",
    rank_first: "First shortage",
    rank_peak: "Peak",
    rank_place_months: "Place-months",
    rank_per_thousand: "per 1,000 inh.",
    rank_share: "Share of arrivals",
    export_ranking: "Ranking as CSV …",
    no_shortage: "no shortage",
    legend_area: "Circle area by",
    legend_early: "early shortage",
    legend_late: "late shortage",
    boundaries_loading: "Loading boundaries …",
    boundaries_matched: "regions with boundary",
    unmatched_features: "Areas without a matching region",
    regions_without_boundary: "Regions without a boundary",
    boundaries_error: "Boundaries not loaded",
    geo_not_json: "not a JSON file, error in line",
    geo_column: "column",
    geo_not_feature_collection: "not a GeoJSON FeatureCollection",
    geo_no_polygons: "no area (Polygon or MultiPolygon) in the file",
    geo_crs: "coordinate system not supported (WGS 84 or UTM 32N/EPSG:25832 expected)",
    geo_out_of_range: "coordinates neither in degrees nor in UTM 32N",
    geo_read: "cannot read the file",
    geo_too_large: "file too large",
    geo_no_match: "no area fits a region (neither id, AGS/ARS nor name)",
    geo_not_found: "file not found",
    geo_permission: "no permission to read the file",
    geo_is_folder: "this is a folder, not a file",
    geo_not_a_file: "this is not a regular file (device or pipe)",
    geo_os_error: "cannot read the file, operating system error",
    geo_limit: "the limit is",
    geo_too_deep: "JSON nested too deeply (at most 128 levels), line",
    geo_utf16: "the file is saved as UTF-16 (expected UTF-8, as GeoJSON is written)",
    geo_far_away: "Areas far away from all others (check the coordinates)",
    geo_too_many: "too many areas or points for the map; the limit in areas/points is",
    file_map: "map",
    file_ranking: "ranking",
    save_map_png: "Save the map as a PNG picture",
    // Optimiser and import dialogs (issues 13, 15)
    menu_tools: "Tools",
    menu_help: "Help",
    optimize_title: "Suggest a measure mix",
    optimize_button: "Suggest a mix …",
    optimize_intro: "Finds the cheapest choice of open measures (funding \"open\") that keeps the shortage of the chosen domains within the goal.",
    optimize_domains: "Domains",
    optimize_goal: "Goal: at most this much shortage per domain (place-months)",
    optimize_goal_column: "Goal (at most)",
    optimize_base: "Without open measures",
    optimize_all: "With all open measures",
    unit_place_months: "place-months",
    optimize_bounds_reading: "Computing the shortage without and with all open measures …",
    optimize_run: "Search",
    optimize_searching: "Searching …",
    optimize_optimal: "Proven to be the cheapest mix for this goal.",
    optimize_not_optimal: "Not proven optimal (time limit reached or cancelled): the best mix found so far.",
    optimize_infeasible: "Goal out of reach: even all open measures together leave more shortage. All open measures are proposed.",
    optimize_nothing_needed: "The goal is met without any open measure.",
    optimize_no_candidates: "The scenario has no open measures (funding \"open\").",
    optimize_cost: "Cost",
    optimize_removes: "Less shortage (place-months)",
    optimize_total: "Total cost",
    optimize_shortage_after: "Shortage before / after",
    optimize_accept: "Adopt as scenario",
    optimize_adopted: "Proposal added as a scenario",
    optimize_scenario_prefix: "Mix",
    optimize_failed: "The search could not run",
    show_proposal: "Show proposal",
    import_measures_table: "Import measures from table …",
    import_regions_table: "Import regions from table …",
    export_measures_table: "Export measures as table …",
    export_report: "Report as HTML …",
    file_report: "report",
    table_files: "Tables",
    import_reading: "Reading the table …",
    import_sheet: "Sheet",
    import_added: "Added",
    import_changed: "Changed",
    import_unchanged: "Unchanged",
    import_removed: "Removed",
    import_problems: "Bad rows – the table cannot be imported like this",
    import_plan_issues: "The plan would be invalid afterwards",
    import_warnings: "Notes",
    import_nothing: "The table changes nothing in the plan.",
    import_apply: "Apply",
    import_error_title: "The table cannot be read",
    import_done: "Table imported",
    import_row: "Row",
    output_is_plan: "is the open plan file – please choose another file. Nothing was written.",
    about_title: "About Integrationsplan",
    about_version: "Version",
    about_licence: "Licence",
    about_sources: "Data sources",
    about_population: "Population and area: Federal Statistical Office (Destatis), Data licence Germany – attribution – version 2.0 (dl-de/by-2.0)",
    about_centres: "Centres of the districts and district-free cities: districts-nrw-centroids.csv",
    state_wide: "state-wide",
    costs_state_wide_note: "all measures in the state, not only the region's",
    layout_side_by_side: "Side by side",
    layout_overlaid: "Overlaid",
    all_plots: "All charts",
    compare_menu: "Compare with another version …",
    merge_menu: "Merge a colleague's changes …",
    compare_title: "Comparison with another version",
    compare_intro: "Changes from the open plan to the file",
    compare_no_changes: "No changes: both versions mean the same.",
    compare_click_hint: "Click a change to show it in the plan.",
    compare_effects: "What the changes do",
    version_this: "Open plan",
    version_other: "Other version",
    difference: "Difference",
    figure: "Figure",
    only_this: "only in the open plan",
    only_other: "only in the other version",
    costs_in: "Costs",
    group_plan: "Plan and period",
    group_domains: "Domains",
    group_regions: "Regions",
    group_distribution: "Distribution key",
    group_measures: "Measures",
    group_scenarios: "Scenarios",
    group_budget: "Budget",
    group_other: "Other fields",
    plot_domain: "Domain in the plot",
    merge_title: "Merge a colleague's changes",
    merge_file: "Colleague's file",
    merge_base: "Common original",
    merge_base_stored: "saved or opened by this program on",
    merge_base_chosen: "chosen file",
    merge_need_base: "This program has not seen the common original. Please choose the file both versions were made from.",
    merge_choose_base: "Choose the original …",
    merge_taken: "Will be taken",
    merge_nothing_taken: "No change without a conflict.",
    merge_conflicts: "Conflicts – please decide each one",
    merge_what: "What",
    merge_mine: "My version",
    merge_theirs: "Colleague's version",
    merge_open_count: "Not decided yet",
    merge_apply: "Merge",
    merge_nothing: "The file changes nothing against the original.",
    merge_done: "Changes merged (Ctrl+Z takes all back)",
    merge_invalid: "The result would not be a valid plan:",
    merge_removed: "removed",
    unit_months: "months",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_the_way_each_language_writes_it() {
        assert_eq!(Language::German.money(1_234_500_000.0), "1.234,5 Mio. €");
        assert_eq!(Language::English.money(1_234_500_000.0), "€1,234.5 m");
        assert_eq!(Language::German.money(850_000.0), "850.000 €");
        assert_eq!(Language::English.money(850_000.0), "€850,000");
        assert_eq!(Language::German.money(-2_500_000.0), "-2,5 Mio. €");
        assert_eq!(Language::English.money(-2_500_000.0), "-€2.5 m");
        assert_eq!(Language::English.millions(12_000_000.0, 0), "€12 m");
    }
}
