//! Every visible word goes through the language tables: each panel, menu and dialog is drawn in
//! German and in English, and no text of the other language's table may show up in the
//! accessibility tree. Money is written the way each language writes it.

use super::harness;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use integrationsplan::io::RecoveryFile;
use integrationsplan::ui::action::{Action, CentralView, PendingAction, Tab};
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::files::PickPurpose;
use integrationsplan::ui::i18n::{Language, Strings};

/// Every text of a table. `Strings` has one field per text; its `Debug` output lists them all,
/// so no list has to be kept beside the table.
fn table_texts(t: &Strings) -> Vec<String> {
    let debug = format!("{t:?}");
    let mut texts = Vec::new();
    let mut rest = debug.as_str();
    while let Some(start) = rest.find(": \"") {
        let mut text = String::new();
        let mut chars = rest[start + 3..].char_indices();
        let mut end = rest.len() - start - 3;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, escaped)) = chars.next() {
                        text.push(if escaped == 'n' { '\n' } else { escaped });
                    }
                }
                '"' => {
                    end = i;
                    break;
                }
                c => text.push(c),
            }
        }
        texts.push(text);
        rest = &rest[start + 3 + end + 1..];
    }
    texts
}

/// Names in the plan, longest first: a German plan keeps its German names in either window.
fn plan_names(app: &App) -> Vec<String> {
    let plan = app.session.plan();
    let mut names: Vec<String> = plan
        .domains
        .iter()
        .flat_map(|d| [d.name.clone(), d.unit.clone()])
        .chain(plan.regions.iter().map(|r| r.name.clone()))
        .chain(plan.scenarios.iter().map(|s| s.name.clone()))
        .chain(plan.measures.iter().map(|m| m.name.clone()))
        .chain([plan.meta.title.clone()])
        .filter(|name| !name.is_empty())
        .collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    names
}

/// Texts of the other language that must not appear (those it shares with this language are
/// left out).
fn foreign_texts(language: Language) -> Vec<String> {
    let other = if language == Language::German { Language::English } else { Language::German };
    let own = table_texts(language.strings());
    table_texts(other.strings()).into_iter().filter(|text| text.trim().chars().count() >= 2 && !own.contains(text)).collect()
}

/// Every label in the accessibility tree (a text label keeps its text as the node's value).
fn labels(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .query_all(By::new().include_labels())
        .filter_map(|node| {
            let node = node.accesskit_node();
            if node.role() == egui::accesskit::Role::Label { node.value() } else { node.label() }
        })
        .collect()
}

/// Records every label of the current frame that shows a text of the other language (after
/// the plan's own names are taken out of it).
fn check(harness: &Harness<'_, App>, foreign: &[String], state: &str, found: &mut Vec<String>) {
    let names = plan_names(harness.state());
    for label in labels(harness) {
        let label = names.iter().fold(label, |label, name| label.replace(name.as_str(), "…"));
        let head = label.split(": ").next().unwrap_or_default();
        for text in foreign {
            let long = text.chars().count() >= 12;
            if label == *text || head == text || (long && label.contains(text.as_str())) {
                found.push(format!("{state}: {label:?} shows {text:?}"));
            }
        }
    }
}

/// Draws the window in every state worth seeing and returns what leaked.
fn leaks(language: Language) -> Vec<String> {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.state_mut().handle(Action::SetLanguage(language));
    harness.run();
    let t = language.strings();
    let foreign = foreign_texts(language);
    let mut found = Vec::new();

    for (tab, name) in [
        (Tab::Measures, "measures"),
        (Tab::Scenarios, "scenarios"),
        (Tab::Regions, "regions"),
        (Tab::Domains, "domains"),
        (Tab::Plan, "plan"),
    ] {
        harness.state_mut().handle(Action::ShowTab(tab));
        harness.run();
        check(&harness, &foreign, name, &mut found);
    }
    // Every view of the central area, so that a new view is checked without further ado.
    for view in CentralView::ALL {
        harness.state_mut().handle(Action::ShowView(view));
        harness.run();
        check(&harness, &foreign, &format!("{view:?}"), &mut found);
    }
    harness.state_mut().handle(Action::ShowView(CentralView::default()));
    for menu in [t.menu_file, t.menu_edit, t.menu_view, t.menu_tools, t.menu_help] {
        harness.get_by_label(menu).click();
        harness.run();
        check(&harness, &foreign, menu, &mut found);
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    harness.get_by_label(&format!("{} …", t.shown_scenarios)).click();
    harness.run();
    check(&harness, &foreign, "comparison", &mut found);
    harness.key_press(egui::Key::Escape);
    harness.run();

    let broken = folder.path().join("kaputt.json");
    std::fs::write(&broken, "{\"format\": 1}").unwrap();
    let load_error = integrationsplan::io::load_file(&broken).unwrap_err();
    let recovery = RecoveryFile::in_folder(folder.path());
    recovery.write(harness.state().session.plan(), None, "plan.json").unwrap();
    let mut dialogs = vec![
        Dialog::UnsavedChanges(PendingAction::New),
        Dialog::LoadErrors(load_error),
        Dialog::SaveError("x".into()),
        Dialog::Notice(t.import_notice_title.into(), Vec::new()),
        Dialog::Recover(Box::new(recovery.read().unwrap())),
        Dialog::About,
    ];
    for purpose in [
        PickPurpose::Open,
        PickPurpose::SaveAs,
        PickPurpose::ImportScenarios,
        PickPurpose::ExportCsv,
        PickPurpose::ExportScenarios,
        PickPurpose::ExportXlsx,
        PickPurpose::ExportPicture,
        PickPurpose::ImportMeasuresTable,
        PickPurpose::ImportRegionsTable,
        PickPurpose::ExportMeasuresTable,
        PickPurpose::CompareWith,
        PickPurpose::MergeTheirs,
        PickPurpose::MergeBase,
    ] {
        dialogs.push(Dialog::PathEntry { purpose, text: String::new(), note: Some(t.no_file_dialog.into()) });
    }
    for dialog in dialogs {
        let name = format!("{dialog:?}").chars().take(40).collect::<String>();
        harness.state_mut().dialog = Some(dialog);
        harness.run();
        check(&harness, &foreign, &name, &mut found);
        harness.state_mut().dialog = None;
        harness.run();
    }

    // The optimiser with its answer, and a table import with a bad row, a change and a warning.
    harness.state_mut().handle(Action::OpenOptimizer);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().optimizer.as_ref().is_some_and(|d| d.bounds.is_none()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    check(&harness, &foreign, "optimizer", &mut found);
    let (scenario_id, goals) = {
        let dialog = harness.state().optimizer.as_ref().unwrap();
        (dialog.scenario_id.clone(), dialog.goals())
    };
    let plan = harness.state().session.plan().clone();
    let answer = integrationsplan::optimize::optimize_goals(&plan, &scenario_id, &goals, &Default::default()).unwrap();
    let dialog = harness.state_mut().optimizer.as_mut().unwrap();
    dialog.result = Some(Ok(answer));
    dialog.result_goals = Some(goals);
    harness.step();
    check(&harness, &foreign, "optimizer answer", &mut found);
    harness.state_mut().handle(Action::AdoptProposal);
    harness.state_mut().handle(Action::SetPresentation(true));
    harness.step();
    check(&harness, &foreign, "presentation with proposal", &mut found);
    harness.state_mut().handle(Action::SetPresentation(false));
    harness.step();

    let table = folder.path().join("tabelle.csv");
    let first = plan.measures[0].clone();
    let csv = format!("ID;Plätze;Spalte X\n{};{};1\nneu;zwölf;2\n", first.id, first.places + 1.0);
    std::fs::write(&table, csv).unwrap();
    harness.state_mut().handle(Action::UsePath(PickPurpose::ImportMeasuresTable, table));
    while harness.state().table_import.as_ref().is_some_and(|d| d.read.is_none()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    check(&harness, &foreign, "table import", &mut found);
    harness.state_mut().handle(Action::CloseImport);
    harness.step();

    harness.state_mut().handle(Action::SetPresentation(true));
    harness.run();
    check(&harness, &foreign, "presentation", &mut found);
    harness.state_mut().handle(Action::SetPresentation(false));
    harness.run();

    // Versions (issue 26): the compare window, and the merge dialog asking for the original and
    // then with a conflict to decide.
    let base_path = folder.path().join("ausgang.json");
    integrationsplan::io::save_plan(&plan, &base_path).unwrap();
    let mut other = plan.clone();
    other.measures[0].places += 10.0;
    other.measures[1].start = other.measures[1].start.plus(6);
    let other_path = folder.path().join("andere.json");
    integrationsplan::io::save_plan(&other, &other_path).unwrap();
    harness.state_mut().handle(Action::UsePath(PickPurpose::CompareWith, other_path.clone()));
    harness.run();
    check(&harness, &foreign, "compare", &mut found);
    harness.state_mut().handle(Action::CloseCompare);
    let mut mine = harness.state().session.plan().measures[0].clone();
    mine.places += 20.0;
    harness.state_mut().handle(Action::Edit(integrationsplan::ui::document::Command::SetMeasure(0, mine)));
    harness.state_mut().handle(Action::UsePath(PickPurpose::MergeTheirs, other_path));
    harness.run();
    check(&harness, &foreign, "merge without original", &mut found);
    harness.state_mut().handle(Action::UsePath(PickPurpose::MergeBase, base_path));
    harness.run();
    check(&harness, &foreign, "merge with a conflict", &mut found);
    harness.state_mut().handle(Action::CloseMerge);
    harness.run();

    // A new plan is named in the window's language.
    harness.state_mut().handle(Action::Perform(PendingAction::New));
    harness.run();
    check(&harness, &foreign, "new plan", &mut found);
    assert_eq!(harness.state().session.plan().meta.title, t.new_plan_title);
    found
}

#[test]
fn the_german_window_shows_no_english_text() {
    let found = leaks(Language::German);
    assert!(found.is_empty(), "{} English texts:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_english_window_shows_no_german_text() {
    let found = leaks(Language::English);
    assert!(found.is_empty(), "{} German texts:\n{}", found.len(), found.join("\n"));
}

#[test]
fn costs_are_written_in_the_language_of_the_window() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_all_by_label_contains(" Mio. €").next().is_some(), "German: 1.234,5 Mio. €");
    harness.state_mut().handle(Action::SetLanguage(Language::English));
    harness.run();
    assert!(harness.query_all_by_label_contains("Mio.").next().is_none(), "no German money in the English window");
    let english = labels(&harness).into_iter().find(|l| l.starts_with('€') && l.ends_with(" m"));
    assert!(english.is_some(), "English: €1,234.5 m");
}
