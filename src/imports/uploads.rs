//! Files uploaded for import, kept in the database between the preview and
//! the apply, so that memory stays flat whatever is uploaded, any instance
//! sharing the database can show a preview, and a restart loses nothing.
//! Only the coalition that uploaded a file can see it; each coalition keeps
//! a few at most, and each lives a few hours.
//!
//! Whether an apply started, and how it ended, is stored with the upload.
//! Its progress while it runs is kept by the process running it: progress
//! written to the database would wait for the write lock the apply holds.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Duration;
use diesel::prelude::*;

use super::Report;
use crate::db::DbConn;
use crate::db::schema::import_uploads;

/// How long an upload is kept.
const LIFETIME: Duration = Duration::hours(3);
/// How many uploads one coalition keeps at once; a new one replaces its
/// oldest, never another coalition's.
const KEPT_PER_COALITION: usize = 4;

/// One uploaded file.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = import_uploads)]
pub struct Upload {
    pub id: String,
    pub coalition_id: String,
    #[diesel(column_name = content)]
    pub text: String,
    started_at: Option<chrono::NaiveDateTime>,
    outcome: Option<String>,
}

/// How an apply ended, as stored.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
enum Outcome {
    Done(Report),
    Failed(String),
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

/// Keeps `text` for `coalition_id`, dropping expired uploads and this
/// coalition's oldest beyond its quota; returns the new upload's id.
pub fn add(conn: &mut DbConn, coalition_id: &str, text: String) -> QueryResult<String> {
    let now = crate::db::now();
    let id = uuid::Uuid::new_v4().simple().to_string();
    crate::db::transaction(conn, |conn| {
        diesel::delete(import_uploads::table.filter(import_uploads::expires_at.le(now)))
            .execute(conn)?;
        let older: Vec<String> = import_uploads::table
            .filter(import_uploads::coalition_id.eq(coalition_id))
            .order(import_uploads::created_at.desc())
            .select(import_uploads::id)
            .offset(i64::try_from(KEPT_PER_COALITION - 1).unwrap_or(0))
            .load(conn)?;
        diesel::delete(import_uploads::table.filter(import_uploads::id.eq_any(&older)))
            .execute(conn)?;
        diesel::insert_into(import_uploads::table)
            .values((
                import_uploads::id.eq(&id),
                import_uploads::coalition_id.eq(coalition_id),
                import_uploads::content.eq(&text),
                import_uploads::created_at.eq(now),
                import_uploads::expires_at.eq(now + LIFETIME),
            ))
            .execute(conn)?;
        Ok(id.clone())
    })
}

/// The upload `id` of `coalition_id`, if it is still kept.
pub fn get(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Upload>> {
    import_uploads::table
        .filter(import_uploads::id.eq(id))
        .filter(import_uploads::coalition_id.eq(coalition_id))
        .filter(import_uploads::expires_at.gt(crate::db::now()))
        .select(Upload::as_select())
        .first(conn)
        .optional()
}

/// Marks the apply started unless it started before (a second click, a
/// form sent twice, another instance): true for the first caller only.
pub fn start(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    let marked = diesel::update(
        import_uploads::table
            .filter(import_uploads::id.eq(id))
            .filter(import_uploads::started_at.is_null()),
    )
    .set(import_uploads::started_at.eq(crate::db::now()))
    .execute(conn)?;
    Ok(marked == 1)
}

/// Stores how the apply ended: the report, or the failure in the
/// coordinator's words.
pub fn finish(conn: &mut DbConn, id: &str, outcome: Result<Report, String>) -> QueryResult<()> {
    let outcome = match outcome {
        Ok(report) => Outcome::Done(report),
        Err(message) => Outcome::Failed(message),
    };
    let stored = serde_json::to_string(&outcome).unwrap_or_default();
    diesel::update(import_uploads::table.filter(import_uploads::id.eq(id)))
        .set(import_uploads::outcome.eq(stored))
        .execute(conn)?;
    Ok(())
}

impl Upload {
    /// Where the apply stands: `running` is this process's progress for it,
    /// if it runs here. `None` before it started.
    pub fn state(&self, running: Option<&Progress>) -> Option<State> {
        let stored = self
            .outcome
            .as_deref()
            .and_then(|o| serde_json::from_str::<Outcome>(o).ok());
        match (stored, running) {
            (Some(Outcome::Done(report)), _) => Some(State::Done(report)),
            (Some(Outcome::Failed(message)), _) => Some(State::Failed(message)),
            (None, Some(progress)) => Some(progress.state()),
            (None, None) => self
                .started_at
                .map(|_| State::Running { done: 0, total: 0 }),
        }
    }
}

/// The progress of one apply, written by its task and read by the pages.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    /// Why the apply could not even store its outcome (no database).
    failed: Mutex<Option<String>>,
}

impl Progress {
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn fail(&self, message: String) {
        *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(message);
    }

    fn state(&self) -> State {
        match &*self.failed.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(message) => State::Failed(message.clone()),
            None => State::Running {
                done: self.done.load(Ordering::Relaxed),
                total: self.total.load(Ordering::Relaxed),
            },
        }
    }
}

/// The applies running in this process, by upload id: a few numbers each,
/// removed once the outcome is stored.
#[derive(Debug, Default)]
pub struct Running {
    inner: Mutex<HashMap<String, Arc<Progress>>>,
}

impl Running {
    pub fn begin(&self, id: &str) -> Arc<Progress> {
        let progress = Arc::new(Progress::default());
        self.lock().insert(id.to_owned(), progress.clone());
        progress
    }

    pub fn get(&self, id: &str) -> Option<Arc<Progress>> {
        self.lock().get(id).cloned()
    }

    pub fn end(&self, id: &str) {
        self.lock().remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Progress>>> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
