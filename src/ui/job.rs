//! Work on a background thread: progress, cancel, and a result tagged with the plan revision
//! it was computed for (no egui here; [`super::session::Session`] owns the jobs).
//!
//! The recomputation of the model is one such job; fan-chart runs, the optimiser and the
//! import reuse the same type: spawn with the current revision, poll every frame, and take the
//! result only when it still belongs to the plan on screen ([`Job::take_if_current`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Shared between a job and its thread: how far the work is, and whether it should stop.
#[derive(Debug, Default)]
pub struct Progress {
    /// Fraction done in millionths (an atomic float would need unsafe code or a crate).
    done_millionths: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    /// Records the fraction done (`0.0..=1.0`), from the worker thread.
    pub fn set(&self, fraction: f32) {
        let millionths = (fraction.clamp(0.0, 1.0) * 1_000_000.0) as u32;
        self.done_millionths.store(millionths, Ordering::Relaxed);
    }

    /// The fraction done, `0.0..=1.0`.
    pub fn fraction(&self) -> f32 {
        self.done_millionths.load(Ordering::Relaxed) as f32 / 1_000_000.0
    }

    /// Whether the job was cancelled; long work checks this now and then and returns early.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The flag that [`Job::cancel`] sets, for work that takes an `&AtomicBool` (the optimiser).
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancelled
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// What polling a job found.
#[derive(Debug, PartialEq)]
pub enum JobPoll<T> {
    /// Still working.
    Running,
    /// Finished with this result.
    Done(T),
    /// The thread ended without a result (it panicked).
    Lost,
}

/// Work of type `T` running on its own thread for one revision of the plan.
pub struct Job<T> {
    /// The plan revision the work was started for.
    pub revision: u64,
    progress: Arc<Progress>,
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread for `revision`; `work` reports through its [`Progress`].
    pub fn spawn(revision: u64, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = channel();
        let shared = Arc::clone(&progress);
        std::thread::spawn(move || {
            let result = work(&shared);
            shared.set(1.0);
            // The job may have been dropped meanwhile: then nobody wants the result.
            let _ = sender.send(result);
        });
        Job { revision, progress, receiver }
    }
}

impl<T> Job<T> {
    /// Whether the work has finished, without waiting.
    pub fn poll(&self) -> JobPoll<T> {
        match self.receiver.try_recv() {
            Ok(result) => JobPoll::Done(result),
            Err(TryRecvError::Empty) => JobPoll::Running,
            Err(TryRecvError::Disconnected) => JobPoll::Lost,
        }
    }

    /// The fraction done, `0.0..=1.0`.
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// Asks the work to stop; its result, should it still come, is thrown away with the job.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Polls the job in `slot`: once finished the slot is emptied, and the result is returned
    /// only when it was computed for `current_revision` (a stale result is dropped).
    pub fn take_if_current(slot: &mut Option<Job<T>>, current_revision: u64) -> Option<T> {
        let job = slot.as_ref()?;
        match job.poll() {
            JobPoll::Running => None,
            JobPoll::Lost => {
                *slot = None;
                None
            }
            JobPoll::Done(result) => {
                let current = job.revision == current_revision;
                *slot = None;
                current.then_some(result)
            }
        }
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(job: &Job<T>) -> JobPoll<T> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match job.poll() {
                JobPoll::Running if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(2))
                }
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_delivers_its_result_and_reports_progress() {
        let job = Job::spawn(7, |progress| {
            progress.set(0.5);
            42
        });
        assert_eq!(wait(&job), JobPoll::Done(42));
        assert_eq!(job.fraction(), 1.0);
        assert_eq!(job.revision, 7);
    }

    #[test]
    fn a_result_of_an_older_revision_is_dropped() {
        let mut slot = Some(Job::spawn(1, |_| "old"));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while slot.is_some() && std::time::Instant::now() < deadline {
            assert_eq!(Job::take_if_current(&mut slot, 2), None);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(slot.is_none(), "the finished job leaves its slot");
    }

    #[test]
    fn a_result_of_the_current_revision_is_delivered_once() {
        let mut slot = Some(Job::spawn(3, |_| "current"));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut delivered = None;
        while delivered.is_none() && std::time::Instant::now() < deadline {
            delivered = Job::take_if_current(&mut slot, 3);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(delivered, Some("current"));
        assert!(slot.is_none());
        assert_eq!(Job::take_if_current(&mut slot, 3), None);
    }

    #[test]
    fn cancelling_is_seen_by_the_work() {
        let (go, wait_for_go) = channel::<()>();
        let job = Job::spawn(1, move |progress| {
            let _ = wait_for_go.recv();
            progress.is_cancelled()
        });
        job.cancel();
        let _ = go.send(());
        assert_eq!(wait(&job), JobPoll::Done(true));
    }
}
