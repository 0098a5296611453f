//! Files uploaded for import, kept in memory between the preview and the
//! apply, with the progress of the apply that runs in the background. Only
//! the coalition that uploaded a file can see it. A file lives a few hours
//! at most and only a few are kept, so memory stays bounded; a restart
//! forgets them, and the coordinator uploads again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::Report;

/// How long an upload is kept.
const LIFETIME: Duration = Duration::from_secs(3 * 60 * 60);
/// How many uploads are kept at once, over all coalitions.
const KEPT: usize = 24;

/// The uploads of this server process.
#[derive(Debug, Default)]
pub struct Uploads {
    inner: Mutex<HashMap<String, Arc<Upload>>>,
}

/// One uploaded file.
#[derive(Debug)]
pub struct Upload {
    pub id: String,
    pub coalition_id: String,
    pub text: String,
    created: Instant,
    job: Mutex<Option<Arc<Progress>>>,
}

/// Where an apply stands.
#[derive(Debug, Clone)]
pub enum State {
    Running {
        done: usize,
        total: usize,
    },
    Done(Report),
    /// Nothing was changed; the message says why.
    Failed(String),
}

/// The progress of one apply, written by its task and read by the pages.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    outcome: Mutex<Option<Result<Report, String>>>,
}

impl Progress {
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// Records the end: the report, or the failure in the coordinator's
    /// words.
    pub fn finish(&self, outcome: Result<Report, String>) {
        *self.outcome.lock().unwrap_or_else(PoisonError::into_inner) = Some(outcome);
    }

    pub fn state(&self) -> State {
        match &*self.outcome.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(Ok(report)) => State::Done(*report),
            Some(Err(message)) => State::Failed(message.clone()),
            None => State::Running {
                done: self.done.load(Ordering::Relaxed),
                total: self.total.load(Ordering::Relaxed),
            },
        }
    }
}

impl Upload {
    /// The progress of the apply, once it started.
    pub fn job(&self) -> Option<Arc<Progress>> {
        self.job
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Starts the apply unless it started before: a second click, or a
    /// form sent twice, does not import twice.
    pub fn start(&self) -> Option<Arc<Progress>> {
        let mut job = self.job.lock().unwrap_or_else(PoisonError::into_inner);
        if job.is_some() {
            return None;
        }
        let progress = Arc::new(Progress::default());
        *job = Some(progress.clone());
        Some(progress)
    }

    fn running(&self) -> bool {
        self.job()
            .is_some_and(|p| matches!(p.state(), State::Running { .. }))
    }
}

impl Uploads {
    /// Keeps a file for `coalition_id`; returns its id.
    pub fn add(&self, coalition_id: &str, text: String) -> String {
        let mut uploads = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        uploads.retain(|_, u| u.created.elapsed() < LIFETIME || u.running());
        while uploads.len() >= KEPT {
            let oldest = uploads
                .values()
                .filter(|u| !u.running())
                .min_by_key(|u| u.created)
                .map(|u| u.id.clone());
            match oldest {
                Some(id) => uploads.remove(&id),
                None => break,
            };
        }
        let id = uuid::Uuid::new_v4().simple().to_string();
        uploads.insert(
            id.clone(),
            Arc::new(Upload {
                id: id.clone(),
                coalition_id: coalition_id.to_owned(),
                text,
                created: Instant::now(),
                job: Mutex::new(None),
            }),
        );
        id
    }

    /// The upload `id` of `coalition_id`, if it is still kept.
    pub fn get(&self, coalition_id: &str, id: &str) -> Option<Arc<Upload>> {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .filter(|u| u.coalition_id == coalition_id)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upload_is_seen_only_by_its_coalition_and_started_once() {
        let uploads = Uploads::default();
        let id = uploads.add("coalition-a", "email\nana@example.org\n".into());

        let own = uploads.get("coalition-a", &id).expect("kept");
        let other = uploads.get("coalition-b", &id);
        let first = own.start();
        let second = own.start();

        assert!(other.is_none());
        assert!(first.is_some());
        assert!(second.is_none());
        assert!(matches!(
            own.job().map(|p| p.state()),
            Some(State::Running { .. })
        ));
    }

    #[test]
    fn only_a_bounded_number_of_uploads_is_kept() {
        let uploads = Uploads::default();
        let first = uploads.add("c", String::new());
        for _ in 0..KEPT {
            uploads.add("c", String::new());
        }

        assert!(uploads.get("c", &first).is_none());
        assert_eq!(uploads.inner.lock().map(|u| u.len()).unwrap_or(0), KEPT);
    }
}
