//! Checkpoints of SQLite's write-ahead log, off the writer's thread.
//!
//! SQLite copies the log back into the database file (and flushes that file
//! to disk) from inside the commit that crosses a threshold, so one request
//! in a thousand waited for a flush. The group-commit writer turns that off
//! on its connection and wakes this thread instead, which checkpoints in
//! PASSIVE mode, never blocking a writer or a reader, at most every
//! [`PAUSE`].
//!
//! A passive checkpoint copies the log back but cannot start it over while
//! readers are still using it, and under a steady stream of requests some
//! always are: the log then only grows (to gigabytes in a sign-on surge).
//! So once the log passes [`WAL_LIMIT`], the writer itself, right after
//! answering a group, checkpoints in TRUNCATE mode ([`empty_if_over`]),
//! which waits (at most [`TRUNCATE_WAIT`]) for the readers of the old log
//! to finish, copies what the passive checkpoints left, and empties the
//! file. The writer runs at the requests' priority, so a surge that keeps
//! the CPUs busy cannot starve it as it would this low-priority thread;
//! the next group waits for that moment only, readers never.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::{DbConn, Pool};

/// The shortest time between two checkpoints.
const PAUSE: Duration = Duration::from_millis(200);
/// The size of the write-ahead log past which it is emptied.
pub const WAL_LIMIT: u64 = 32 * 1024 * 1024;
/// What a log that starts over is cut back to.
pub const WAL_KEPT: u64 = 4 * 1024 * 1024;
/// The longest a truncating checkpoint waits for readers of the old log.
const TRUNCATE_WAIT: Duration = Duration::from_millis(250);

#[derive(Default)]
struct Signal {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// Something was committed since the last checkpoint.
    committed: bool,
    /// The thread is to stop.
    stopping: bool,
}

/// Wakes the checkpoint thread; stops it when dropped.
pub struct Checkpointer {
    signal: Arc<Signal>,
    /// The database's write-ahead log.
    wal: PathBuf,
}

impl Checkpointer {
    /// Starts the thread that checkpoints the database of `pool`; `conn`
    /// is one of its connections.
    pub fn start(pool: Pool, conn: &mut DbConn) -> Result<Self, String> {
        let wal = wal_path(conn).map_err(|e| e.to_string())?;
        let signal = Arc::new(Signal::default());
        let theirs = signal.clone();
        std::thread::Builder::new()
            .name("db-checkpoint".into())
            .spawn(move || run(&pool, &theirs))
            .map_err(|e| e.to_string())?;
        Ok(Self { signal, wal })
    }

    /// Empties the log if it has grown past [`WAL_LIMIT`]; `conn` is the
    /// writer's, outside any transaction.
    pub fn bound_log(&self, conn: &mut DbConn) {
        if let Err(error) = empty_if_over(conn, &self.wal) {
            tracing::warn!(error = %error, "could not empty the SQLite log");
        }
    }

    /// Something was committed: checkpoint soon.
    pub fn committed(&self) {
        let mut state = self
            .signal
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if !state.committed {
            state.committed = true;
            self.signal.changed.notify_one();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let mut state = self
            .signal
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        state.stopping = true;
        self.signal.changed.notify_one();
    }
}

#[derive(QueryableByName)]
struct DatabaseFile {
    #[diesel(sql_type = diesel::sql_types::Text)]
    file: String,
}

/// The write-ahead log of the main database of `conn`.
pub(super) fn wal_path(conn: &mut DbConn) -> QueryResult<PathBuf> {
    let files: Vec<DatabaseFile> = diesel::sql_query("PRAGMA database_list").load(conn)?;
    Ok(PathBuf::from(format!(
        "{}-wal",
        files.first().map_or("", |f| f.file.as_str())
    )))
}

#[derive(QueryableByName)]
struct CheckpointResult {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    busy: i32,
}

/// Empties the log when it has grown past [`WAL_LIMIT`], taking this
/// process's write turn. Returns the log's size afterwards.
fn empty_if_over(conn: &mut DbConn, wal: &std::path::Path) -> QueryResult<u64> {
    let size = || std::fs::metadata(wal).map_or(0, |m| m.len());
    if size() <= WAL_LIMIT {
        return Ok(size());
    }
    let _turn = super::write_lock::queue();
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {}",
        TRUNCATE_WAIT.as_millis()
    ))?;
    let truncated =
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").get_result::<CheckpointResult>(conn);
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {}",
        super::write_lock::BUSY_TIMEOUT.as_millis()
    ))?;
    if truncated?.busy != 0 {
        tracing::debug!(
            wal_bytes = size(),
            "readers kept the SQLite log from being emptied; trying again"
        );
    }
    Ok(size())
}

fn run(pool: &Pool, signal: &Signal) {
    crate::background::lower_priority();
    loop {
        {
            let mut state = signal.state.lock().unwrap_or_else(PoisonError::into_inner);
            while !state.committed && !state.stopping {
                state = signal
                    .changed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if state.stopping {
                return;
            }
            state.committed = false;
        }
        let done = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
            conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE)")
                .map_err(|e| e.to_string())
        });
        if let Err(error) = done {
            tracing::warn!(error, "could not checkpoint the SQLite log");
        }
        std::thread::sleep(PAUSE);
    }
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::r2d2::ManageConnection;

    use super::*;

    #[test]
    fn a_log_past_the_limit_is_emptied_while_a_reader_had_it_open() {
        // Arrange: a log of more than the limit, written with checkpoints off.
        let dir = tempfile::tempdir().expect("directory");
        let manager = super::super::Manager {
            target: super::super::Target::Sqlite {
                path: dir.path().join("x.db").display().to_string(),
            },
        };
        let mut conn = manager.connect().expect("connection");
        conn.batch_execute(
            "PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x BLOB); \
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70000) \
             INSERT INTO t SELECT randomblob(1024) FROM n;",
        )
        .expect("filled");
        let wal = wal_path(&mut conn).expect("path");
        assert!(std::fs::metadata(&wal).expect("log").len() > WAL_LIMIT);
        let mut reader = manager.connect().expect("reader");
        reader
            .batch_execute("SELECT count(*) FROM t")
            .expect("read");

        // Act
        let left = empty_if_over(&mut conn, &wal).expect("checkpoint");

        // Assert
        assert_eq!(left, 0);
    }
}
