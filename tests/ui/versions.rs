//! Versions of a plan in the window (SPEC §12, issue 26): compare with another file, merge a
//! colleague's changes (the common original found in the version store, or asked for), and the
//! version ids every save writes.

use super::{click, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use integrationsplan::model::Plan;
use integrationsplan::ui::action::{Action, Tab};
use integrationsplan::ui::app::App;
use integrationsplan::ui::dialogs::Dialog;
use integrationsplan::ui::document::Command;
use integrationsplan::ui::files::PickPurpose;
use integrationsplan::ui::settings::Settings;
use integrationsplan::versions::VersionStore;
use integrationsplan::versions::lineage::{lineage, parent_version_id, stamp, version_id};
use std::path::Path;

const KALK: &str = "kita-koeln-kalk";
const MUELHEIM: &str = "kita-koeln-muelheim";

fn sample() -> Plan {
    integrationsplan::sample::nrw_2025().unwrap().plan
}

fn measure_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut integrationsplan::model::Measure {
    plan.measures.iter_mut().find(|m| m.id == id).unwrap()
}

fn save(plan: &Plan, path: &Path) {
    integrationsplan::io::save_plan(plan, path).unwrap();
}

/// The app on a wide screen with its version store in `folder`.
fn harness_with_store(folder: &Path) -> Harness<'static, App> {
    let app = App::with_sample(Settings::default()).with_versions(VersionStore::in_folder(folder));
    Harness::builder().with_size([2600.0, 1000.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn edit_measure(harness: &mut Harness<'_, App>, id: &str, change: impl FnOnce(&mut integrationsplan::model::Measure)) {
    let plan = harness.state().session.plan();
    let index = plan.measures.iter().position(|m| m.id == id).unwrap();
    let mut measure = plan.measures[index].clone();
    change(&mut measure);
    harness.state_mut().handle(Action::Edit(Command::SetMeasure(index, measure)));
    harness.run();
}

#[test]
fn comparing_lists_the_changes_by_name_in_german_and_a_click_shows_the_item() {
    let folder = tempfile::tempdir().unwrap();
    let mut other = sample();
    measure_mut(&mut other, KALK).start = integrationsplan::model::Month::parse("2026-02").unwrap();
    other.scenarios[1].arrival_factor = 1.2;
    let mut high = other.scenarios[1].clone();
    high.id = "hoch-2026".into();
    high.name = "Hoch 2026".into();
    other.scenarios.push(high);
    let path = folder.path().join("kollegin.json");
    save(&other, &path);

    let mut harness = harness();
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    assert!(harness.query_by_label("Mit anderer Version vergleichen …").is_some(), "the menu entry");
    harness.key_press(Key::Escape);
    harness.state_mut().handle(Action::UsePath(PickPurpose::CompareWith, path));
    harness.run();

    assert!(harness.query_by_label("Vergleich mit anderer Version").is_some());
    for line in [
        "Maßnahme „Kita Neubau Köln-Kalk“: Beginn 08/2025 → 02/2026",
        "Szenario „Hoher Zugang wie 2015/16“: Zugangsfaktor 1 → 1,2",
        "Szenario „Hoch 2026“ neu",
        "Maßnahmen (1)",
        "Szenarien (2)",
        "Was die Änderungen bewirken",
        "Kita-Plätze: Erster Engpass",
    ] {
        assert!(harness.query_by_label(line).is_some(), "missing {line:?}");
    }
    // The drawn lines of both versions are named in the legend.
    assert!(harness.query_by_label_contains("Bedarf – Andere Version").is_some());
    for english in ["Measure", "Scenario", "added", "Changes", "Start", "Open plan", "Other version", "Difference"] {
        assert!(harness.query_by_label(english).is_none(), "English in the German window: {english}");
        assert!(harness.query_by_label_contains(&format!("{english} ")).is_none(), "English in the German window: {english}");
    }
    assert!(harness.query_by_label_contains("measures[").is_none(), "no JSON paths");

    click(&mut harness, "Maßnahme „Kita Neubau Köln-Kalk“: Beginn 08/2025 → 02/2026");
    assert_eq!(harness.state().tab(), Tab::Measures);
    assert_eq!(harness.state().panels.measures.view.text, KALK, "the measures list shows the measure");
    click(&mut harness, "Szenario „Hoher Zugang wie 2015/16“: Zugangsfaktor 1 → 1,2");
    assert_eq!(harness.state().tab(), Tab::Scenarios);
    assert_eq!(harness.state().selection.scenario_id, "hoch", "the scenario is selected");
    // An item only the other version has cannot be shown in the open plan: no link.
    assert!(harness.get_by_label("Szenario „Hoch 2026“ neu").accesskit_node().role() != egui::accesskit::Role::Link);

    harness.get_by_label("Schließen").click();
    harness.run();
    assert!(harness.state().compare.is_none());
    assert!(!harness.state().session.doc().is_dirty(), "comparing changes nothing");
}

/// The common original saved by the app, the colleague's version made from it (saved twice by
/// the colleague's program), and our own edits in the app: both change the places of Kalk
/// (conflict), both rename Mülheim (conflict), each makes one change the other did not.
fn merge_setup(harness: &mut Harness<'_, App>, folder: &Path) -> std::path::PathBuf {
    let original = folder.join("plan.json");
    assert!(harness.state_mut().save_to(&original));
    harness.run();
    let sent = integrationsplan::io::load_file(&original).unwrap().plan;

    let mut theirs = sent.clone();
    measure_mut(&mut theirs, KALK).places = 90.0;
    let first = stamp(&mut theirs, &lineage(&sent), &[], chrono::Utc::now());
    measure_mut(&mut theirs, MUELHEIM).name = "Kita Mülheim (Kollegin)".into();
    theirs.scenarios[0].arrival_factor = 1.3;
    stamp(&mut theirs, &first, &[], chrono::Utc::now());
    let theirs_path = folder.join("zurueck.json");
    save(&theirs, &theirs_path);

    edit_measure(harness, KALK, |m| m.places = 80.0);
    edit_measure(harness, MUELHEIM, |m| m.name = "Kita Mülheim (meine)".into());
    let mut region = harness.state().session.plan().regions[0].clone();
    region.population += 1000.0;
    harness.state_mut().handle(Action::Edit(Command::SetRegion(0, region)));
    harness.run();
    theirs_path
}

#[test]
fn a_colleagues_file_merges_with_the_original_from_the_store_conflicts_decided_each_way_and_one_undo() {
    let folder = tempfile::tempdir().unwrap();
    let store = folder.path().join("versionen");
    let mut harness = harness_with_store(&store);
    harness.run();
    let theirs_path = merge_setup(&mut harness, folder.path());
    let before = harness.state().session.plan().clone();
    let steps = harness.state().session.doc().undo_len();

    harness.state_mut().handle(Action::UsePath(PickPurpose::MergeTheirs, theirs_path));
    harness.run();
    assert!(harness.query_by_label("Änderungen einer Kollegin übernehmen").is_some());
    assert!(harness.query_by_label("Gemeinsame Ausgangsversion").is_some(), "found without asking");
    assert!(harness.query_by_label("Ausgangsversion wählen …").is_none());
    assert!(harness.query_by_label("• Szenario „Basis 2025“: Zugangsfaktor 1 → 1,3").is_some(), "the disjoint change");
    assert!(harness.query_by_label("Widersprüche – bitte jeweils entscheiden (2)").is_some());
    for side in ["Meine Fassung", "Fassung der Kollegin"] {
        assert!(harness.query_by_label(side).is_some(), "column {side}");
    }
    assert!(harness.query_by_label("„Kita Mülheim (meine)“").is_some(), "my version side by side …");
    assert!(harness.query_by_label("„Kita Mülheim (Kollegin)“").is_some(), "… with the colleague's");
    for english in ["My version", "Colleague", "Conflicts", "measures["] {
        assert!(harness.query_by_label_contains(english).is_none(), "English or a path in the German window: {english}");
    }
    assert!(harness.get_by_label("Übernehmen").accesskit_node().is_disabled(), "undecided: not yet");

    click(&mut harness, "Meine Fassung: Maßnahme „Kita Neubau Köln-Kalk“: Plätze");
    click(&mut harness, "Fassung der Kollegin: Maßnahme „Kita Köln-Mülheim (Modulbau)“: Name");
    harness.get_by_label("Übernehmen").click();
    harness.run();

    let app = harness.state();
    assert!(app.merge.is_none());
    let plan = app.session.plan();
    let measure = |id: &str| plan.measures.iter().find(|m| m.id == id).unwrap();
    assert_eq!(measure(KALK).places, 80.0, "my version of the places");
    assert_eq!(measure(MUELHEIM).name, "Kita Mülheim (Kollegin)", "the colleague's name");
    assert_eq!(plan.scenarios[0].arrival_factor, 1.3, "the colleague's disjoint change");
    assert_eq!(plan.regions[0].population, before.regions[0].population, "my own change stays");
    assert_eq!(app.session.doc().undo_len(), steps + 1, "the whole merge is one undo step");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(*harness.state().session.plan(), before, "Ctrl+Z restores the plan before the merge exactly");
}

#[test]
fn a_conflict_decided_for_the_colleague_takes_their_value_and_mine_stays_for_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_with_store(&folder.path().join("versionen"));
    harness.run();
    let theirs_path = merge_setup(&mut harness, folder.path());
    harness.state_mut().handle(Action::UsePath(PickPurpose::MergeTheirs, theirs_path));
    harness.run();
    click(&mut harness, "Fassung der Kollegin: Maßnahme „Kita Neubau Köln-Kalk“: Plätze");
    click(&mut harness, "Meine Fassung: Maßnahme „Kita Köln-Mülheim (Modulbau)“: Name");
    harness.get_by_label("Übernehmen").click();
    harness.run();
    let plan = harness.state().session.plan();
    let measure = |id: &str| plan.measures.iter().find(|m| m.id == id).unwrap();
    assert_eq!(measure(KALK).places, 90.0);
    assert_eq!(measure(MUELHEIM).name, "Kita Mülheim (meine)");
}

#[test]
fn without_a_known_original_the_merge_asks_for_it() {
    let folder = tempfile::tempdir().unwrap();
    let base = sample();
    let base_path = folder.path().join("ausgang.json");
    save(&base, &base_path);
    let mut theirs = base.clone();
    measure_mut(&mut theirs, KALK).places = 90.0;
    let theirs_path = folder.path().join("kollegin.json");
    save(&theirs, &theirs_path);

    let mut harness = harness();
    harness.run();
    edit_measure(&mut harness, MUELHEIM, |m| m.places = 61.0);
    harness.state_mut().handle(Action::UsePath(PickPurpose::MergeTheirs, theirs_path));
    harness.run();
    assert!(harness.query_by_label_contains("kennt die gemeinsame Ausgangsversion nicht").is_some());
    assert!(harness.query_by_label("Ausgangsversion wählen …").is_some());
    assert!(harness.get_by_label("Übernehmen").accesskit_node().is_disabled(), "nothing to merge without the original");
    // The path field (where no native file dialog opens) lies over the merge dialog.
    harness.state_mut().dialog = Some(Dialog::PathEntry { purpose: PickPurpose::MergeBase, text: String::new(), note: None });
    harness.run();
    click(&mut harness, "Pfad");
    harness.get_by_label("Pfad").type_text(base_path.to_str().unwrap());
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "Öffnen …").click();
    harness.run();
    assert!(harness.query_by_label_contains("gewählte Datei").is_some(), "the original is named");
    assert!(harness.query_by_label("• Maßnahme „Kita Neubau Köln-Kalk“: Plätze 75 → 90").is_some());
    harness.get_by_label("Übernehmen").click();
    harness.run();
    let plan = harness.state().session.plan();
    assert_eq!(plan.measures.iter().find(|m| m.id == KALK).unwrap().places, 90.0);
    assert_eq!(plan.measures.iter().find(|m| m.id == MUELHEIM).unwrap().places, 61.0);
}

#[test]
fn every_save_writes_its_version_id_and_the_one_it_was_made_from() {
    let folder = tempfile::tempdir().unwrap();
    let store_folder = folder.path().join("versionen");
    let path = folder.path().join("plan.json");
    let mut harness = harness_with_store(&store_folder);
    harness.run();
    let opened = lineage(harness.state().session.plan());

    assert!(harness.state_mut().save_to(&path));
    let first: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let first_id = first["meta"]["version_id"].as_str().unwrap().to_owned();
    assert_eq!(first["meta"]["parent_version_id"], opened.id.as_str(), "made from the sample as opened");

    edit_measure(&mut harness, KALK, |m| m.places = 100.0);
    assert!(harness.state_mut().save_to(&path));
    let second = integrationsplan::io::load_file(&path).unwrap();
    assert!(second.warnings.is_empty(), "the version ids are no unknown fields: {:?}", second.warnings);
    let second_id = version_id(&second.plan).unwrap().to_owned();
    assert_ne!(second_id, first_id);
    assert_eq!(parent_version_id(&second.plan), Some(first_id.as_str()), "parent = the previous version");
    assert_eq!(lineage(&second.plan).id, second_id, "the file is the version it names");

    // The store kept both, and the file opened again is known by its id.
    let store = VersionStore::in_folder(&store_folder);
    let kept: Vec<String> = store.versions().into_iter().map(|v| v.id).collect();
    assert!(kept.contains(&first_id) && kept.contains(&second_id), "{kept:?}");
    harness.state_mut().open_path(&path);
    harness.run();
    assert_eq!(harness.state().session.origin().id, second_id);

    // A colleague's version made from the first save finds it as the common original.
    let mut theirs = store.load(&first_id).unwrap();
    measure_mut(&mut theirs, MUELHEIM).places = 1.0;
    let theirs = lineage(&theirs);
    let base = store.find_base(&harness.state().session.lineage_now(), &theirs).unwrap();
    assert_eq!(base.id, first_id);

    // Saving without a change is no change of meaning: compared, the versions are equal.
    let reopened = integrationsplan::io::load_file(&path).unwrap().plan;
    assert!(integrationsplan::versions::diff_plans(&second.plan, &reopened).is_empty());
}
