//! Short write operations of many requests, the way each backend writes
//! fastest.
//!
//! SQLite lets one connection write at a time. When every request runs its
//! own transaction, each one waits for the lock, hands it on with a thread
//! switch, and starts with a cold page cache (SQLite drops a connection's
//! cache whenever another connection wrote). So on SQLite one thread with
//! one connection takes every operation that is waiting, runs each in its
//! own savepoint of a single transaction, commits once, and then answers
//! them all. An operation that fails rolls back its savepoint alone; if the
//! commit itself fails, each operation runs again in a transaction of its
//! own, so none is answered with a result that was not stored.
//!
//! PostgreSQL writes from many connections side by side, but waits for the
//! disk at each commit. There a few writer threads, each with a connection
//! of its own, take turns at the queue: one gathers what is waiting while
//! the others commit theirs, so a burst is written in a few transactions
//! instead of one flush per operation, and a lone operation still goes at
//! once to an idle writer. The same savepoints keep a failed operation
//! from undoing the others.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, mpsc};

use anyhow::Context;

use diesel::Connection;
use tokio::sync::oneshot;

use diesel::connection::SimpleConnection;

use super::checkpoint::Checkpointer;
use super::{DbConn, Pool, PooledConn};

/// SQLite's own default for `wal_autocheckpoint`, in pages.
const SQLITE_AUTOCHECKPOINT: u32 = 1000;

/// Most operations in one transaction: enough to absorb a burst, few
/// enough that other writers (the mail worker) get their turn soon.
const MAX_BATCH: usize = 256;

/// Why an operation got no answer of its own.
#[derive(Debug, thiserror::Error)]
pub enum GroupCommitError {
    #[error("no database connection: {0}")]
    Unavailable(String),
    #[error("the write operation panicked")]
    Panicked,
    #[error("the database writer has stopped")]
    Stopped,
}

/// The handle requests send their write operations through. The writer
/// threads stop once every handle is dropped and the queue is empty.
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<Box<dyn Task>>,
}

impl GroupCommit {
    /// Starts the writer threads on connections of `pool`: one on SQLite,
    /// where one connection writes at a time; on PostgreSQL one for every
    /// four connections of the pool (at least one, at most four), so that
    /// requests keep most of the pool for reading.
    pub fn start(pool: Pool) -> anyhow::Result<Self> {
        let sqlite = matches!(
            &*pool
                .get()
                .context("no database connection for the writer")?,
            DbConn::Sqlite(_)
        );
        let writers = if sqlite {
            1
        } else {
            (pool.max_size() / 4).clamp(1, 4)
        };
        let (queue, waiting) = mpsc::channel();
        let waiting = Arc::new(Mutex::new(waiting));
        for number in 0..writers {
            let (pool, waiting) = (pool.clone(), waiting.clone());
            std::thread::Builder::new()
                .name(format!("db-writer-{number}"))
                .spawn(move || {
                    Writer {
                        pool,
                        conn: None,
                        checkpoints: None,
                    }
                    .serve(&waiting)
                })
                .context("could not start a database writer thread")?;
        }
        Ok(Self { queue })
    }

    /// Runs `work` in a transaction and returns its result once committed:
    /// on SQLite in a savepoint of the next group transaction. `work` may
    /// run a second time, alone, if the group's commit fails; an `Err` from
    /// it rolls back what it wrote.
    pub async fn run<T, E, F>(&self, work: F) -> Result<Result<T, E>, GroupCommitError>
    where
        T: Send + 'static,
        E: From<diesel::result::Error> + Send + 'static,
        F: FnMut(&mut DbConn) -> Result<T, E> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let task = Operation {
            work,
            outcome: None,
            answer,
        };
        self.queue
            .send(Box::new(task))
            .map_err(|_| GroupCommitError::Stopped)?;
        answered.await.unwrap_or(Err(GroupCommitError::Stopped))
    }
}

/// One waiting operation, with its result type erased.
trait Task: Send {
    /// Runs the work in a savepoint of the open transaction and keeps the
    /// outcome until the transaction ends.
    fn run_in_group(&mut self, conn: &mut DbConn);
    /// The group committed: hands the kept outcome over.
    fn answer(self: Box<Self>);
    /// Runs the work in a transaction of its own and hands that outcome
    /// over, when its group did not commit.
    fn run_alone(self: Box<Self>, conn: Result<&mut DbConn, String>);
}

type Outcome<T, E> = Result<Result<T, E>, GroupCommitError>;

struct Operation<T, E, F> {
    work: F,
    outcome: Option<Outcome<T, E>>,
    answer: oneshot::Sender<Outcome<T, E>>,
}

impl<T, E, F> Operation<T, E, F>
where
    E: From<diesel::result::Error>,
    F: FnMut(&mut DbConn) -> Result<T, E>,
{
    /// The work in a savepoint (or a transaction, at the outermost level);
    /// a panic rolls it back like an error.
    fn attempt(&mut self, conn: &mut DbConn, outermost: bool) -> Outcome<T, E> {
        let mut panicked = false;
        let work = &mut self.work;
        let guarded = |c: &mut DbConn| -> Result<T, E> {
            match catch_unwind(AssertUnwindSafe(|| work(c))) {
                Ok(result) => result,
                Err(_) => {
                    panicked = true;
                    Err(diesel::result::Error::RollbackTransaction.into())
                }
            }
        };
        let result = if outermost {
            super::transaction(conn, guarded)
        } else {
            conn.transaction(guarded)
        };
        if panicked {
            return Err(GroupCommitError::Panicked);
        }
        Ok(result)
    }
}

impl<T, E, F> Task for Operation<T, E, F>
where
    T: Send,
    E: From<diesel::result::Error> + Send,
    F: FnMut(&mut DbConn) -> Result<T, E> + Send,
{
    fn run_in_group(&mut self, conn: &mut DbConn) {
        self.outcome = Some(self.attempt(conn, false));
    }

    fn answer(self: Box<Self>) {
        let this = *self;
        let outcome = this.outcome.unwrap_or(Err(GroupCommitError::Stopped));
        // The request may have gone away meanwhile; nothing to tell then.
        let _ = this.answer.send(outcome);
    }

    fn run_alone(self: Box<Self>, conn: Result<&mut DbConn, String>) {
        let mut this = *self;
        let outcome = match conn {
            Ok(conn) => this.attempt(conn, true),
            Err(error) => Err(GroupCommitError::Unavailable(error)),
        };
        let _ = this.answer.send(outcome);
    }
}

struct Writer {
    pool: Pool,
    /// Kept between groups so that its page cache stays warm.
    conn: Option<PooledConn>,
    /// On SQLite, the thread that checkpoints the log in this one's stead.
    checkpoints: Option<Checkpointer>,
}

impl Writer {
    /// Commits what is waiting, group after group, until the queue closes.
    /// Writers take turns at the queue: the one holding it waits for the
    /// first operation and takes what else is waiting, then lets the next
    /// writer gather while it commits.
    fn serve(mut self, waiting: &Mutex<mpsc::Receiver<Box<dyn Task>>>) {
        loop {
            let group = {
                let Ok(queue) = waiting.lock() else { return };
                let Ok(first) = queue.recv() else { return };
                let mut group = vec![first];
                group.extend(queue.try_iter().take(MAX_BATCH - 1));
                group
            };
            self.commit(group);
        }
    }

    fn connection(&mut self) -> Result<&mut DbConn, String> {
        let conn = match self.conn.take() {
            Some(conn) => conn,
            None => self.fresh_connection()?,
        };
        Ok(&mut **self.conn.insert(conn))
    }

    /// A connection from the pool. On SQLite it leaves checkpoints to the
    /// checkpoint thread and keeps a larger page cache than the pool's
    /// (up to 64 MiB): a sign-on changes pages all over the signatures' and
    /// the outbox's indexes, and each one not in memory is a read.
    fn fresh_connection(&mut self) -> Result<PooledConn, String> {
        let mut conn = self.pool.get().map_err(|e| e.to_string())?;
        if let DbConn::Sqlite(_) = &mut *conn {
            conn.batch_execute("PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -65536")
                .map_err(|e| e.to_string())?;
            if self.checkpoints.is_none() {
                self.checkpoints = Some(Checkpointer::start(self.pool.clone(), &mut conn)?);
            }
        }
        Ok(conn)
    }

    /// Gives the connection back to the pool as the pool handed it out.
    fn release_connection(&mut self) {
        if let Some(mut conn) = self.conn.take()
            && let DbConn::Sqlite(_) = &mut *conn
        {
            let _ = conn.batch_execute(&format!(
                "PRAGMA wal_autocheckpoint = {SQLITE_AUTOCHECKPOINT}"
            ));
        }
    }

    fn commit(&mut self, mut group: Vec<Box<dyn Task>>) {
        let conn = match self.connection() {
            Ok(conn) => conn,
            Err(error) => return Self::unavailable(group, &error),
        };
        let committed = super::transaction(conn, |c| -> diesel::QueryResult<()> {
            for task in &mut group {
                task.run_in_group(c);
            }
            Ok(())
        });
        match committed {
            Ok(()) => {
                group.into_iter().for_each(|task| task.answer());
                if let (Some(checkpoints), Some(conn)) = (&self.checkpoints, self.conn.as_mut()) {
                    checkpoints.committed();
                    checkpoints.bound_log(conn);
                }
            }
            Err(error) => {
                tracing::warn!(
                    error = %error,
                    operations = group.len(),
                    "a group transaction failed; running its operations one by one"
                );
                // A fresh connection, in case this one broke; when there is
                // none (the database is out), the whole group is told so at
                // once rather than each waiting for the pool in turn.
                self.release_connection();
                match self.connection() {
                    Ok(conn) => {
                        for task in group {
                            task.run_alone(Ok(&mut *conn));
                        }
                    }
                    Err(error) => Self::unavailable(group, &error),
                }
            }
        }
    }

    /// Answers every operation of `group`: no connection.
    fn unavailable(group: Vec<Box<dyn Task>>, error: &str) {
        for task in group {
            task.run_alone(Err(error.to_owned()));
        }
    }
}
