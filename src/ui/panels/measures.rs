//! The measures table: inline editing, add/duplicate/delete, filter, sort, totals.

use super::measures_table::{TableState, table_ui};
use super::{Drafts, Panel};
use crate::model::{Funding, Measure, Month, Plan};
use crate::ui::action::Action;
use crate::ui::cells::labelled_combo;
use crate::ui::context::PanelCtx;
use crate::ui::document::{Command, unique_id};
use crate::ui::i18n::Strings;
use crate::ui::region_picker::{RegionChoices, RegionPicker};

/// Filter and sort state of the measures table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeasureView {
    /// Free text filter on name, id and notes.
    pub text: String,
    /// Only this domain id.
    pub domain: Option<String>,
    /// Only this region (`Some(None)` = state-wide only).
    pub region: Option<Option<String>>,
    /// Only this funding state.
    pub funding: Option<Funding>,
    /// Sort column and ascending flag.
    pub sort: Option<(SortColumn, bool)>,
}

/// The measures tab: the table with its filter, sort order and drafts.
#[derive(Debug, Default)]
pub struct MeasuresPanel {
    /// Filter and sort.
    pub view: MeasureView,
    /// Texts typed into cells that do not parse yet, by field path.
    pub drafts: Drafts,
    /// Scroll offset and the row to focus.
    pub table: TableState,
}

impl Panel for MeasuresPanel {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx<'_>) -> Vec<Action> {
        let t = ctx.strings();
        let mut actions = Vec::new();
        if filter_bar_ui(&mut self.view, ui, ctx, &mut actions) {
            let measure = new_measure(ctx.plan(), t.new_measure_name);
            let region = ctx.selection.region_id.clone();
            let index = ctx.plan().measures.len();
            self.table.focus_id = Some(measure.id.clone());
            actions.push(Action::Edit(Command::InsertMeasure(index, Measure { region, ..measure })));
            self.view = MeasureView { sort: self.view.sort, ..MeasureView::default() };
        }
        let rows = visible_measures(ctx.plan(), &self.view);
        totals_ui(ctx, ui, &rows, t, self.table.overflows);
        ui.separator();
        let edits = table_ui(&mut self.view, &mut self.table, &mut self.drafts, ctx, ui, &rows);
        actions.extend(edits.into_iter().map(Action::Edit));
        actions
    }

    fn clear_drafts(&mut self) {
        self.drafts.clear();
    }
}

/// Columns the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// Name.
    Name,
    /// Domain id.
    Domain,
    /// Region name (state-wide first).
    Region,
    /// Places.
    Places,
    /// Start month.
    Start,
    /// End month (open-ended last).
    End,
    /// Ramp months.
    Ramp,
    /// One-off cost.
    CostOnce,
    /// Yearly cost.
    CostYear,
    /// Funding.
    Funding,
}

/// The word for a funding state in the UI language.
pub fn funding_label(funding: Funding, t: &Strings) -> &'static str {
    match funding {
        Funding::Secured => t.funding_secured,
        Funding::Planned => t.funding_planned,
        Funding::Open => t.funding_open,
    }
}

/// Indices of the measures that pass the filter, in the chosen order.
pub fn visible_measures(plan: &Plan, view: &MeasureView) -> Vec<usize> {
    let needle = view.text.trim().to_lowercase();
    let mut rows: Vec<usize> = plan
        .measures
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            (needle.is_empty()
                || m.name.to_lowercase().contains(&needle)
                || m.id.to_lowercase().contains(&needle)
                || m.notes.to_lowercase().contains(&needle))
                && view.domain.as_ref().is_none_or(|d| *d == m.domain)
                && view.region.as_ref().is_none_or(|r| *r == m.region)
                && view.funding.is_none_or(|f| f == m.funding)
        })
        .map(|(i, _)| i)
        .collect();
    if let Some((column, ascending)) = view.sort {
        let region_name = |m: &Measure| {
            m.region
                .as_ref()
                .map(|id| plan.regions.iter().find(|r| r.id == *id).map_or(id.as_str(), |r| r.name.as_str()).to_lowercase())
        };
        rows.sort_by(|&a, &b| {
            let (Some(x), Some(y)) = (plan.measures.get(a), plan.measures.get(b)) else { return std::cmp::Ordering::Equal };
            let order = match column {
                SortColumn::Name => x.name.to_lowercase().cmp(&y.name.to_lowercase()),
                SortColumn::Domain => x.domain.cmp(&y.domain),
                SortColumn::Region => region_name(x).cmp(&region_name(y)),
                SortColumn::Places => x.places.total_cmp(&y.places),
                SortColumn::Start => x.start.cmp(&y.start),
                SortColumn::End => x
                    .end
                    .unwrap_or(Month::new(2200, 12).unwrap_or(x.start))
                    .cmp(&y.end.unwrap_or(Month::new(2200, 12).unwrap_or(y.start))),
                SortColumn::Ramp => x.ramp_months.cmp(&y.ramp_months),
                SortColumn::CostOnce => x.cost_once_eur.total_cmp(&y.cost_once_eur),
                SortColumn::CostYear => x.cost_per_year_eur.total_cmp(&y.cost_per_year_eur),
                SortColumn::Funding => x.funding.cmp(&y.funding),
            };
            if ascending { order } else { order.reverse() }
        });
    }
    rows
}

/// A new measure in the first domain, state-wide, starting at the horizon.
pub fn new_measure(plan: &Plan, name: &str) -> Measure {
    Measure {
        id: unique_id("massnahme", plan.measures.iter().map(|m| m.id.as_str())),
        name: name.to_owned(),
        domain: plan.domains.first().map(|d| d.id.clone()).unwrap_or_default(),
        region: None,
        places: 0.0,
        start: plan.horizon.start,
        end: None,
        ramp_months: 0,
        cost_once_eur: 0.0,
        cost_per_year_eur: 0.0,
        funding: Funding::Planned,
        notes: String::new(),
        extra: Default::default(),
    }
}

/// The filter bar; true when "add a measure" was clicked (the optimiser button adds its action).
fn filter_bar_ui(filter: &mut MeasureView, ui: &mut egui::Ui, ctx: &PanelCtx<'_>, actions: &mut Vec<Action>) -> bool {
    let t = ctx.strings();
    let plan = ctx.plan();
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        add = ui.button(t.add_measure).clicked();
        if ui.button(t.optimize_button).on_hover_text(t.optimize_title).clicked() {
            actions.push(Action::OpenOptimizer);
        }
        let search = ui.add(egui::TextEdit::singleline(&mut filter.text).hint_text(t.filter).desired_width(160.0));
        let typed = filter.text.clone();
        search.widget_info(|| {
            let mut info = egui::WidgetInfo::text_edit(true, "", &typed, t.filter);
            info.label = Some(t.filter.to_owned());
            info
        });
        let domain_text = filter.domain.clone().map_or_else(
            || format!("{}: {}", t.col_domain, t.all),
            |d| plan.domains.iter().find(|x| x.id == d).map_or(d.clone(), |x| x.name.clone()),
        );
        labelled_combo(ui, "filter_domain", &format!("{}: {}", t.filter_by, t.col_domain), domain_text, 150.0, |ui| {
            ui.selectable_value(&mut filter.domain, None, t.all);
            for domain in &plan.domains {
                ui.selectable_value(&mut filter.domain, Some(domain.id.clone()), &domain.name);
            }
        });
        let region_text = match &filter.region {
            None => format!("{}: {}", t.col_region, t.all),
            Some(None) => t.statewide.to_owned(),
            Some(Some(id)) => plan.regions.iter().find(|r| r.id == *id).map_or(id.clone(), |r| r.name.clone()),
        };
        let leading = vec![(None, t.all.to_owned()), (Some(None), t.statewide.to_owned())];
        let choices = || RegionChoices::new(leading, plan, |r| Some(Some(r.id.clone())));
        let label = format!("{}: {}", t.filter_by, t.col_region);
        RegionPicker::new("filter_region", &label, t.region_search).selected_text(region_text).width(150.0).show(
            ui,
            choices,
            &mut filter.region,
        );
        let funding_text =
            filter.funding.map_or_else(|| format!("{}: {}", t.col_funding, t.all), |f| funding_label(f, t).to_owned());
        labelled_combo(ui, "filter_funding", &format!("{}: {}", t.filter_by, t.col_funding), funding_text, 150.0, |ui| {
            ui.selectable_value(&mut filter.funding, None, t.all);
            for funding in Funding::ALL {
                ui.selectable_value(&mut filter.funding, Some(funding), funding_label(funding, t));
            }
        });
    });
    add
}

/// Rows shown, the sums of places per domain and of the costs; a hint when columns are hidden.
fn totals_ui(ctx: &PanelCtx<'_>, ui: &mut egui::Ui, rows: &[usize], t: &Strings, more_columns: bool) {
    let language = ctx.language();
    let plan = ctx.plan();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} / {} {}", rows.len(), plan.measures.len(), t.rows_shown));
        ui.separator();
        ui.strong(format!("{}:", t.totals));
        for domain in &plan.domains {
            let places: f64 =
                rows.iter().filter_map(|&i| plan.measures.get(i)).filter(|m| m.domain == domain.id).map(|m| m.places).sum();
            ui.label(format!("{} {}", crate::format::elide(&domain.name, 40), language.number(places, 0)));
        }
        let once: f64 = rows.iter().filter_map(|&i| plan.measures.get(i)).map(|m| m.cost_once_eur).sum();
        let yearly: f64 = rows.iter().filter_map(|&i| plan.measures.get(i)).map(|m| m.cost_per_year_eur).sum();
        // The headers carry the unit ("Einmalkosten €"); the sums say it themselves.
        let word = |header: &'static str| header.trim_end_matches('€').trim_end();
        ui.label(format!("{}: {}", word(t.col_cost_once), language.euro(once)));
        ui.label(format!("{}: {}", word(t.col_cost_year), language.euro(yearly)));
        if more_columns {
            ui.separator();
            ui.weak(t.measures_more_columns);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::testing::{bench, click, type_into};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_measures_panel_asks_to_add_a_measure_and_keeps_its_own_filter_and_sort() {
        let mut harness = bench(MeasuresPanel::default());
        harness.run();
        let count = harness.state().session.plan().measures.len();
        harness.state_mut().panel.view.text = "Kalk".to_owned();
        harness.run();
        assert!(harness.query_by_label("Plätze: Kita Neubau Köln-Kalk").is_some());
        assert!(harness.query_by_label("Plätze: Landesprogramm Kita-Einstieg (Brückenprojekte)").is_none(), "filtered out");

        click(&mut harness, "Plätze");
        assert_eq!(harness.state().panel.view.sort, Some((SortColumn::Places, true)));
        assert!(harness.state().actions.is_empty(), "sorting is the panel's own business");

        click(&mut harness, "➕ Maßnahme");
        let bench = harness.state();
        match bench.edits().as_slice() {
            [Command::InsertMeasure(at, measure)] => {
                assert_eq!(*at, count);
                assert_eq!(measure.name, "Neue Maßnahme");
            }
            other => panic!("expected one insert, got {other:?}"),
        }
        assert_eq!(bench.session.plan().measures.len(), count, "the panel does not change the plan");
        assert_eq!(bench.panel.view.text, "", "the filter is cleared so that the new row shows");
        assert_eq!(bench.panel.view.sort, Some((SortColumn::Places, true)), "the sort order stays");
    }

    #[test]
    fn the_measures_panel_returns_a_committed_cell_as_one_edit_and_keeps_bad_text_as_draft() {
        let mut harness = bench(MeasuresPanel::default());
        harness.state_mut().panel.view.text = "Kalk".to_owned();
        harness.run();
        let label = "Plätze: Kita Neubau Köln-Kalk";
        let index = harness
            .state()
            .session
            .plan()
            .measures
            .iter()
            .position(|m| m.name == "Kita Neubau Köln-Kalk")
            .expect("measure exists");
        type_into(&mut harness, label, "viele");
        assert!(harness.state().actions.is_empty());
        assert_eq!(harness.state().panel.drafts.get(&format!("measures[{index}].places")).map(String::as_str), Some("viele"));

        type_into(&mut harness, label, "1.250");
        match harness.state().edits().as_slice() {
            [Command::SetMeasure(i, measure)] => {
                assert_eq!(*i, index);
                assert_eq!(measure.places, 1250.0);
            }
            other => panic!("expected one edit, got {other:?}"),
        }
        assert!(harness.state().panel.drafts.is_empty());
    }
}
