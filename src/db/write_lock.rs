//! Taking SQLite's write lock without oversleeping.
//!
//! SQLite lets one connection write at a time. The others wait in its busy
//! handler, which polls with growing sleeps of up to 100 ms: under load an
//! unlucky request slept hundreds of milliseconds while the lock was free
//! most of the time (sign-on p99 above 400 ms in `benches/http.rs`). So
//! this process's write transactions queue for their turn here, are woken
//! as soon as the one before them ends, and then poll for the lock every
//! millisecond or less, which only matters while a write outside
//! [`super::transaction`] (the mail worker's, say) holds it.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use diesel::connection::{AnsiTransactionManager, SimpleConnection};
use diesel::result::Error;
use diesel::sqlite::SqliteConnection;

/// How long SQLite waits for a lock before it reports "database is locked";
/// also how long a transaction waits for its turn before it goes ahead.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest pause between two tries to take the write lock.
const MAX_PAUSE: Duration = Duration::from_millis(1);

/// One queue for every SQLite database of the process: a server has one
/// database; tests, which have many, only wait a little longer.
static WRITERS: WriterQueue = WriterQueue {
    writing: Mutex::new(false),
    done: Condvar::new(),
};

struct WriterQueue {
    writing: Mutex<bool>,
    done: Condvar,
}

/// The turn of one write transaction, handed on when dropped. `None` when
/// the wait timed out and the transaction went ahead without a turn.
pub struct Turn(Option<&'static WriterQueue>);

/// Waits until no other write transaction of this process runs.
pub fn queue() -> Turn {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    let mut writing = WRITERS.writing.lock().unwrap_or_else(|e| e.into_inner());
    while *writing {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Turn(None);
        }
        writing = match WRITERS.done.wait_timeout(writing, left) {
            Ok((guard, _)) => guard,
            Err(poisoned) => poisoned.into_inner().0,
        };
    }
    *writing = true;
    Turn(Some(&WRITERS))
}

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(queue) = self.0 {
            *queue.writing.lock().unwrap_or_else(|e| e.into_inner()) = false;
            queue.done.notify_one();
        }
    }
}

/// `BEGIN IMMEDIATE`, tried again after a short pause while another
/// connection holds the write lock, up to [`BUSY_TIMEOUT`].
pub fn begin_immediate(conn: &mut SqliteConnection) -> diesel::QueryResult<()> {
    conn.batch_execute("PRAGMA busy_timeout = 0")?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_micros(50);
    let begun = loop {
        match AnsiTransactionManager::begin_transaction_sql(conn, "BEGIN IMMEDIATE") {
            Err(Error::DatabaseError(_, info))
                if info.message().contains("database is locked") && Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(MAX_PAUSE);
            }
            other => break other,
        }
    };
    let restored = conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {}",
        BUSY_TIMEOUT.as_millis()
    ));
    begun.and(restored)
}
