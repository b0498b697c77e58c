//! Fan charts (SPEC §5) in the window: the runs of every drawn scenario computed as a [`Job`]
//! off the UI thread, cancelled and restarted when the plan changes, kept by scenario id for the
//! revision they belong to. No egui here; [`super::session::Session`] owns one [`Bands`].

use super::job::{Job, Progress};
use crate::engine::{RunControl, ScenarioResults, UncertaintyResults, run_uncertainty};
use crate::model::Plan;
use std::collections::HashMap;
use std::sync::atomic::Ordering;

/// Runs per scenario when the bands are switched on.
pub const DEFAULT_BAND_RUNS: u32 = 500;
/// How often the job looks at the runs' progress and at a cancel, in milliseconds.
const WATCH_INTERVAL_MS: u64 = 15;

/// Which bands the window wants: the drawn scenarios, with how many runs and which seed.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRequest {
    /// Ids of the scenarios drawn (leading and compared).
    pub scenario_ids: Vec<String>,
    /// Runs per scenario.
    pub runs: u32,
    /// Seed of the draws.
    pub seed: u64,
}

/// Bands of one plan revision, by scenario id.
#[derive(Debug, Clone, Default)]
struct BandSet {
    revision: u64,
    runs: u32,
    seed: u64,
    by_id: HashMap<String, UncertaintyResults>,
}

/// The bands shown and the job computing the missing ones.
#[derive(Default)]
pub struct Bands {
    done: BandSet,
    job: Option<Job<BandSet>>,
    /// The revision for which the user cancelled: nothing starts again until the plan changes.
    cancelled_revision: Option<u64>,
    /// How many jobs were started (for tests).
    started: u64,
}

impl Bands {
    /// The bands of scenario `id`, if computed for the plan as it is now.
    pub fn of(&self, id: &str) -> Option<&UncertaintyResults> {
        self.done.by_id.get(id)
    }

    /// The fraction done while a job runs.
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(Job::fraction)
    }

    /// Whether a job is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// How many jobs were started so far.
    pub fn jobs_started(&self) -> u64 {
        self.started
    }

    /// Stops the running job; it does not start again until the plan or the request changes.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            self.cancelled_revision = Some(job.revision);
        }
    }

    /// Forgets a cancel, so that the next [`Self::refresh`] starts the runs again.
    pub fn resume(&mut self) {
        self.cancelled_revision = None;
    }

    /// Takes in a finished job and starts one for the bands `request` wants but nobody computes
    /// yet. `plan` is at `revision`; `results_of` gives the § 3 results of the plan at
    /// `results_revision` (the runs wait until the results are current). Never blocks.
    pub fn refresh<'a>(
        &mut self,
        plan: &Plan,
        revision: u64,
        results_revision: u64,
        results_of: impl Fn(&str) -> Option<&'a ScenarioResults>,
        request: Option<&BandRequest>,
    ) {
        if let Some(finished) = Job::take_if_current(&mut self.job, revision) {
            if finished.revision == self.done.revision && finished.runs == self.done.runs && finished.seed == self.done.seed {
                self.done.by_id.extend(finished.by_id);
            } else {
                self.done = finished;
            }
        }
        if self.job.as_ref().is_some_and(|job| job.revision != revision) {
            self.job = None; // dropping cancels
        }
        let Some(request) = request else {
            self.job = None;
            return;
        };
        if self.done.revision != revision || self.done.runs != request.runs || self.done.seed != request.seed {
            self.done = BandSet { revision, runs: request.runs, seed: request.seed, by_id: HashMap::new() };
        }
        if self.job.is_some() || results_revision != revision || self.cancelled_revision == Some(revision) {
            return;
        }
        let missing: Vec<(usize, ScenarioResults)> = request
            .scenario_ids
            .iter()
            .filter(|id| !self.done.by_id.contains_key(id.as_str()))
            .filter_map(|id| {
                let index = plan.scenarios.iter().position(|s| s.id == *id)?;
                Some((index, results_of(id)?.clone()))
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        let plan = plan.clone();
        let (runs, seed) = (request.runs, request.seed);
        self.started += 1;
        self.job = Some(Job::spawn(revision, move |progress| {
            let mut by_id = HashMap::new();
            let count = missing.len() as f32;
            for (done, (index, base)) in missing.iter().enumerate() {
                let Some(bands) = watched_runs(&plan, *index, base, runs, seed, progress, done as f32, count) else { break };
                by_id.insert(base.id.clone(), bands);
            }
            BandSet { revision, runs, seed, by_id }
        }));
    }
}

/// [`run_uncertainty`] on a scoped thread, while this thread passes its progress on (as part
/// `done` of `count` scenarios) and passes a cancel of the job down to the runs.
#[allow(clippy::too_many_arguments)]
fn watched_runs(
    plan: &Plan,
    index: usize,
    base: &ScenarioResults,
    runs: u32,
    seed: u64,
    progress: &Progress,
    done: f32,
    count: f32,
) -> Option<UncertaintyResults> {
    let control = RunControl::default();
    std::thread::scope(|scope| {
        let worker = scope.spawn(|| run_uncertainty(plan, index, base, runs, seed, &control));
        while !worker.is_finished() {
            if progress.is_cancelled() {
                control.cancel.store(true, Ordering::Relaxed);
            }
            progress.set((done + control.progress()) / count);
            std::thread::sleep(std::time::Duration::from_millis(WATCH_INTERVAL_MS));
        }
        worker.join().ok().flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(bands: &mut Bands, plan: &Plan, revision: u64, results: &crate::engine::Results, request: &BandRequest) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            bands.refresh(plan, revision, revision, |id| results.scenarios.iter().find(|s| s.id == id), Some(request));
            if !bands.is_running() || std::time::Instant::now() > deadline {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn bands_are_computed_for_the_requested_scenarios_and_equal_the_core_runs() {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        let results = crate::simulate(&plan);
        let id = plan.scenarios[1].id.clone();
        let request = BandRequest { scenario_ids: vec![id.clone()], runs: 20, seed: 1 };
        let mut bands = Bands::default();
        wait(&mut bands, &plan, 1, &results, &request);
        let expected = run_uncertainty(&plan, 1, &results.scenarios[1], 20, 1, &RunControl::default());
        assert_eq!(bands.of(&id), expected.as_ref());
        assert!(bands.of(&plan.scenarios[0].id).is_none(), "only what was asked for");
        assert_eq!(bands.jobs_started(), 1);
        wait(&mut bands, &plan, 1, &results, &request);
        assert_eq!(bands.jobs_started(), 1, "nothing is computed twice");
    }

    #[test]
    fn a_new_revision_drops_the_old_bands_and_a_cancel_holds_until_the_plan_changes() {
        let plan = crate::sample::nrw_2025().expect("sample loads").plan;
        let results = crate::simulate(&plan);
        let request = BandRequest { scenario_ids: vec![plan.scenarios[0].id.clone()], runs: 5_000, seed: 1 };
        let mut bands = Bands::default();
        let find = |id: &str| results.scenarios.iter().find(|s| s.id == id);
        bands.refresh(&plan, 1, 1, find, Some(&request));
        assert!(bands.is_running());
        bands.cancel();
        bands.refresh(&plan, 1, 1, find, Some(&request));
        assert!(!bands.is_running(), "a cancel holds for this revision");
        bands.refresh(&plan, 2, 1, find, Some(&request));
        assert!(!bands.is_running(), "waits for the results of revision 2");
        bands.refresh(&plan, 2, 2, find, Some(&request));
        assert!(bands.is_running(), "a changed plan starts again");
        bands.refresh(&plan, 2, 2, find, None);
        assert!(!bands.is_running(), "switched off, nothing runs");
    }
}
