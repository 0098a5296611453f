//! Checkpoints of SQLite's write-ahead log, off the writer's thread.
//!
//! SQLite copies the log back into the database file (and flushes that file
//! to disk) from inside the commit that crosses a threshold, so one request
//! in a thousand waited for a flush. The group-commit writer turns that off
//! on its connection and wakes this thread instead, which checkpoints in
//! PASSIVE mode, never blocking a writer or a reader, at most every
//! [`PAUSE`].

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::Pool;

/// The shortest time between two checkpoints.
const PAUSE: Duration = Duration::from_millis(200);

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
}

impl Checkpointer {
    /// Starts the thread that checkpoints the database of `pool`.
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let signal = Arc::new(Signal::default());
        let theirs = signal.clone();
        std::thread::Builder::new()
            .name("db-checkpoint".into())
            .spawn(move || run(&pool, &theirs))?;
        Ok(Self { signal })
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
