//! The open plan and everything derived from it, without any egui: the [`Document`] with its
//! undo history, the results keyed by scenario id, the background computation and crash
//! recovery. The window reads a `&Session`; the plan changes only through [`Session::apply`].

use super::bands::{BandRequest, Bands};
use super::document::{Command, Document};
use super::job::{Job, JobPoll};
use crate::engine::{Results, ScenarioResults, simulate};
use crate::io::{Recovered, RecoveryFile, save_plan};
use crate::issue::Issue;
use crate::model::Plan;
use crate::versions::VersionStore;
use crate::versions::lineage::{Lineage, lineage, stamp};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Size of the model (regions × months × scenarios × domains) from which it is computed on a
/// background thread: about 4 million cells take 20 ms in a release build, more than a frame.
pub const BACKGROUND_WORK: usize = 1_000_000;

/// Seconds between two writes of the recovery file while there are unsaved changes.
pub const RECOVERY_INTERVAL_SECONDS: f64 = 30.0;

/// The size of the model of `plan` in cells (at least 1 per scenario and month).
pub fn model_work(plan: &Plan) -> usize {
    plan.regions.len().max(1) * plan.horizon.months as usize * plan.scenarios.len().max(1) * plan.domains.len().max(1)
        + plan.measures.len() * plan.horizon.months as usize
}

/// Results and validation issues of one revision of the plan.
struct Computed {
    results: Results,
    issues: Vec<Issue>,
    revision: u64,
    /// Position in `results.scenarios` by scenario id.
    by_id: HashMap<String, usize>,
}

impl Computed {
    fn of(plan: &Plan, revision: u64) -> Self {
        Computed::new(simulate(plan), crate::validate::validate(plan), revision)
    }

    fn new(results: Results, issues: Vec<Issue>, revision: u64) -> Self {
        let by_id = results.scenarios.iter().enumerate().map(|(index, s)| (s.id.clone(), index)).collect();
        Computed { results, issues, revision, by_id }
    }
}

/// The open plan, its results and its unsaved-work file.
pub struct Session {
    doc: Document,
    computed: Computed,
    recompute_count: u64,
    computing: Option<Job<Computed>>,
    load_warnings: Vec<Issue>,
    recovery: Option<RecoveryFile>,
    /// When and for which revision the recovery file was last written.
    recovery_written: Option<(f64, u64)>,
    /// Recovered work is waiting for the user's answer: nothing is written or removed.
    recovery_waiting: bool,
    /// Fan-chart runs of the drawn scenarios (issue 12).
    bands: Bands,
    /// The version the plan was opened or last saved as (SPEC §12 in the window).
    origin: Lineage,
    /// Versions merged into the plan since then: named as earlier versions at the next save.
    merged: Vec<String>,
    /// The versions saved or opened, when the program has a data folder.
    versions: Option<VersionStore>,
}

impl Session {
    /// A session on `plan` loaded from `path` (results computed at once).
    pub fn new(plan: Plan, path: Option<PathBuf>, display_name: String) -> Self {
        let doc = Document::new(plan, path, display_name);
        let computed = Computed::of(&doc.plan, doc.revision);
        let origin = lineage(&doc.plan);
        Session {
            doc,
            computed,
            recompute_count: 1,
            computing: None,
            load_warnings: Vec::new(),
            recovery: None,
            recovery_written: None,
            recovery_waiting: false,
            bands: Bands::default(),
            origin,
            merged: Vec::new(),
            versions: None,
        }
    }

    /// Replaces the plan by a freshly loaded one; the recovery file stays attached.
    pub fn replace(&mut self, plan: Plan, path: Option<PathBuf>, display_name: String, warnings: Vec<Issue>) {
        let recovery = self.recovery.take();
        let recovery_written = self.recovery_written.take();
        let versions = self.versions.take();
        *self = Session::new(plan, path, display_name);
        self.recovery = recovery;
        self.recovery_written = recovery_written;
        self.load_warnings = warnings;
        self.versions = versions;
    }

    /// Keeps the versions saved and opened in `store` from now on.
    pub fn attach_versions(&mut self, store: VersionStore) {
        self.versions = Some(store);
    }

    /// The version store, if there is one.
    pub fn versions(&self) -> Option<&VersionStore> {
        self.versions.as_ref()
    }

    /// Keeps the plan as opened in the version store (a file opened, not one restored from
    /// unsaved work); a store that cannot be written is only a lost convenience.
    pub fn keep_opened_version(&mut self) {
        if let Some(store) = &self.versions {
            let _ = store.keep_as(&self.doc.plan, &self.origin);
        }
    }

    /// Where the plan comes from: the version it was opened or last saved as.
    pub fn origin(&self) -> &Lineage {
        &self.origin
    }

    /// Where the plan as it is now comes from: the version it was opened or saved as (when
    /// unchanged since, that version itself), and the versions merged into it since.
    pub fn lineage_now(&self) -> Lineage {
        let mut now = lineage(&self.doc.plan);
        for id in self.origin.ids().chain(self.merged.iter().map(String::as_str)) {
            if id != now.id && !now.ancestors.iter().any(|a| a == id) {
                now.ancestors.push(id.to_owned());
            }
        }
        now
    }

    /// Remembers that the versions `lineage` names were merged into the plan (written as
    /// earlier versions at the next save).
    pub fn note_merged(&mut self, lineage: &Lineage) {
        for id in lineage.ids() {
            if !self.merged.iter().any(|m| m == id) {
                self.merged.push(id.to_owned());
            }
        }
    }

    /// The document: plan, file, undo state.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &Plan {
        &self.doc.plan
    }

    /// The latest results (of [`Self::computed_revision`], possibly older than the plan while
    /// a background computation runs: look scenarios up by id, never by position).
    pub fn results(&self) -> &Results {
        &self.computed.results
    }

    /// The results of the scenario with this id, if they have been computed.
    pub fn scenario_results(&self, id: &str) -> Option<&ScenarioResults> {
        self.computed.by_id.get(id).and_then(|&index| self.computed.results.scenarios.get(index))
    }

    /// Validation issues of the plan at [`Self::computed_revision`].
    pub fn issues(&self) -> &[Issue] {
        &self.computed.issues
    }

    /// The plan revision the results belong to.
    pub fn computed_revision(&self) -> u64 {
        self.computed.revision
    }

    /// How often the model was computed (for tests and the status bar).
    pub fn recompute_count(&self) -> u64 {
        self.recompute_count
    }

    /// Warnings of the last load, shown until dismissed.
    pub fn load_warnings(&self) -> &[Issue] {
        &self.load_warnings
    }

    /// Forgets the warnings of the last load.
    pub fn dismiss_load_warnings(&mut self) {
        self.load_warnings.clear();
    }

    /// Applies a change of the plan (the one way it changes); false when nothing changed.
    pub fn apply(&mut self, command: Command) -> bool {
        self.doc.apply(command)
    }

    /// Applies a change that belongs to a gesture (a slider drag): every change of the same
    /// gesture makes one undo step, until [`Self::end_gesture`].
    pub fn apply_in_gesture(&mut self, command: Command, gesture: u64) -> bool {
        self.doc.apply_in_gesture(command, gesture)
    }

    /// Ends the current gesture (the widget was let go).
    pub fn end_gesture(&mut self) {
        self.doc.end_gesture();
    }

    /// Takes back the last change.
    pub fn undo(&mut self) -> bool {
        self.doc.undo()
    }

    /// Does again the last change taken back.
    pub fn redo(&mut self) -> bool {
        self.doc.redo()
    }

    /// Whether results for a newer state of the plan are being computed.
    pub fn is_updating(&self) -> bool {
        self.computing.is_some()
    }

    /// Recomputes results and validation if the plan changed since the last computation: at once
    /// for plans that take less than a frame, else on a background thread while the previous
    /// results stay readable (see [`Self::is_updating`]).
    pub fn refresh(&mut self) {
        if let Some(job) = &self.computing {
            match job.poll() {
                JobPoll::Running => return,
                JobPoll::Done(computed) => self.install(computed),
                JobPoll::Lost => {}
            }
            self.computing = None;
        }
        if self.computed.revision == self.doc.revision {
            return;
        }
        let revision = self.doc.revision;
        if model_work(&self.doc.plan) < BACKGROUND_WORK {
            self.install(Computed::of(&self.doc.plan, revision));
        } else {
            let plan = self.doc.plan.clone();
            self.computing = Some(Job::spawn(revision, move |_| Computed::of(&plan, revision)));
        }
    }

    /// The fan-chart bands of the plan as it is now (SPEC §5).
    pub fn bands(&self) -> &Bands {
        &self.bands
    }

    /// Takes in finished runs and starts the runs `request` wants (none when `None`), once the
    /// results are current; never waits. Call after [`Self::refresh`].
    pub fn refresh_bands(&mut self, request: Option<&BandRequest>) {
        let computed = &self.computed;
        let results_of = |id: &str| computed.by_id.get(id).and_then(|&index| computed.results.scenarios.get(index));
        self.bands.refresh(&self.doc.plan, self.doc.revision, computed.revision, results_of, request);
    }

    /// Stops the running fan-chart runs (until the plan changes or [`Self::resume_bands`]).
    pub fn cancel_bands(&mut self) {
        self.bands.cancel();
    }

    /// Lets cancelled fan-chart runs start again.
    pub fn resume_bands(&mut self) {
        self.bands.resume();
    }

    fn install(&mut self, computed: Computed) {
        self.computed = computed;
        self.recompute_count += 1;
    }

    /// Saves to `path` as a new version (its ids written into `meta`: the new id, and the
    /// version it was made from) and forgets the recovery file; the error says why not. The
    /// saved version is kept in the version store.
    pub fn save_to(&mut self, path: &Path) -> Result<(), String> {
        let before = self.doc.plan.meta.clone();
        let saved = stamp(&mut self.doc.plan, &self.origin, &self.merged, chrono::Utc::now());
        if let Err(error) = save_plan(&self.doc.plan, path) {
            // Nothing was saved: the plan names the version it was made from, as before.
            crate::versions::lineage::keep_version_fields(&mut self.doc.plan.meta, &before);
            return Err(error.to_string());
        }
        self.doc.mark_saved(path.to_path_buf());
        self.drop_recovery();
        if let Some(store) = &self.versions {
            let _ = store.keep_as(&self.doc.plan, &saved);
        }
        self.origin = saved;
        self.merged.clear();
        Ok(())
    }

    /// Keeps unsaved work in `file` from now on; returns work of an earlier run found there
    /// (nothing is written or removed until [`Self::restore`] or [`Self::drop_recovery`]).
    pub fn attach_recovery(&mut self, file: RecoveryFile) -> Option<Recovered> {
        let found = file.read();
        self.recovery_waiting = found.is_some();
        self.recovery = Some(file);
        found
    }

    /// Opens recovered work as an unsaved document (named `unnamed` when it had no name).
    pub fn restore(&mut self, found: Recovered, unnamed: &str) {
        let name = if found.display_name.is_empty() { unnamed.to_owned() } else { found.display_name };
        self.recovery_waiting = false;
        self.replace(found.plan, found.source, name, Vec::new());
        self.doc.mark_unsaved();
    }

    /// Throws the recovery file away (after a save, a discard or a declined restore).
    pub fn drop_recovery(&mut self) {
        if let Some(file) = &self.recovery {
            file.remove();
        }
        self.recovery_waiting = false;
        self.recovery_written = None;
    }

    /// Removes the recovery file and keeps none from now on: the window closes and its unsaved
    /// work was thrown away on purpose, so the frames until it is gone must not write it again.
    pub fn end_recovery(&mut self) {
        self.drop_recovery();
        self.recovery = None;
    }

    /// Whether unsaved work is kept in a recovery file.
    pub fn has_recovery(&self) -> bool {
        self.recovery.is_some()
    }

    /// Writes unsaved changes to the recovery file at most every [`RECOVERY_INTERVAL_SECONDS`]
    /// (`now` in seconds), and removes the file once nothing is unsaved.
    pub fn keep_recovery(&mut self, now: f64) {
        let Some(file) = &self.recovery else { return };
        if self.recovery_waiting {
            return;
        }
        if !self.doc.is_dirty() {
            if self.recovery_written.take().is_some() {
                file.remove();
            }
            return;
        }
        let due = match self.recovery_written {
            None => true,
            Some((at, revision)) => revision != self.doc.revision && now - at >= RECOVERY_INTERVAL_SECONDS,
        };
        if due {
            // A failed write is retried at the next interval; the document itself is untouched.
            let written = file.write(&self.doc.plan, self.doc.path.as_deref(), &self.doc.display_name);
            self.recovery_written = Some((now, if written.is_ok() { self.doc.revision } else { 0 }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        Session::new(plan, None, "nrw-2025.json".into())
    }

    fn large_session() -> Session {
        use crate::synthetic::{PlanSize, plan};
        let size = PlanSize { regions: 220, months: 120, scenarios: 12, domains: 4, measures: 400, statewide_share: 0.5 };
        let plan = plan(size, &[]);
        assert!(model_work(&plan) >= BACKGROUND_WORK);
        Session::new(plan, None, "gross.json".into())
    }

    fn set_places(session: &mut Session, places: f64) -> bool {
        let Some(measure) = session.plan().measures.first() else { return false };
        let measure = crate::model::Measure { places, ..measure.clone() };
        session.apply(Command::SetMeasure(0, measure))
    }

    #[test]
    fn a_change_is_computed_once_at_the_next_refresh() {
        let mut session = session();
        assert!(set_places(&mut session, 12_345.0));
        assert_eq!(session.recompute_count(), 1, "not at the change itself");
        session.refresh();
        session.refresh();
        assert_eq!(session.recompute_count(), 2);
        assert_eq!(session.computed_revision(), session.doc().revision);
    }

    #[test]
    fn results_are_found_by_scenario_id() {
        let session = session();
        for scenario in &session.plan().scenarios {
            assert_eq!(session.scenario_results(&scenario.id).map(|s| s.name.as_str()), Some(scenario.name.as_str()));
        }
        assert!(session.scenario_results("no-such-scenario").is_none());
    }

    #[test]
    fn a_large_plan_is_computed_in_the_background_and_old_results_stay_readable() {
        let mut session = large_session();
        let deleted = session.plan().scenarios[0].id.clone();
        assert!(session.apply(Command::DeleteScenario(0)));
        session.refresh();
        assert!(session.is_updating());
        assert!(session.scenario_results(&deleted).is_some(), "the older results are still there");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while session.is_updating() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
            session.refresh();
        }
        assert!(!session.is_updating());
        assert!(session.scenario_results(&deleted).is_none(), "the new results know no deleted scenario");
        assert_eq!(session.computed_revision(), session.doc().revision);
    }

    #[test]
    fn recovery_waits_for_an_answer_then_follows_the_document() {
        let folder = tempfile::tempdir().expect("temp folder");
        let file = RecoveryFile::in_folder(folder.path());
        let mut crashed = session();
        assert!(crashed.attach_recovery(file.clone()).is_none());
        set_places(&mut crashed, 77.0);
        crashed.keep_recovery(0.0);
        assert!(file.exists());

        let mut next = session();
        let found = next.attach_recovery(file.clone()).expect("work of the crashed run");
        next.keep_recovery(100.0);
        assert!(file.exists(), "nothing removed before the answer");
        next.restore(found, "wiederhergestellt.json");
        assert!(next.doc().is_dirty());
        assert_eq!(next.plan().measures[0].places, 77.0);
        assert!(next.save_to(&folder.path().join("plan.json")).is_ok());
        assert!(!file.exists(), "a save removes the recovery file");
    }
}
