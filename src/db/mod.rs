//! The database: one connection type for SQLite and PostgreSQL, its pool and
//! the embedded migrations.

mod checkpoint;
mod group_commit;
pub mod schema;
mod stable_plans;
mod text_enum;
mod write_lock;

use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{NaiveDateTime, SubsecRound, Utc};
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use secrecy::ExposeSecret;

use crate::config::Settings;

pub use checkpoint::WAL_LIMIT;
pub use group_commit::{GroupCommit, GroupCommitError};
pub(crate) use text_enum::{text_column, text_enum};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend. Queries take `&mut DbConn`.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// Which database a URL names, decided by its scheme alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Sqlite { path: String },
    Postgres { url: String },
}

impl Target {
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres {
                url: url.to_owned(),
            });
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                bail!("the SQLite URL names no file; use sqlite://PATH");
            }
            return Ok(Self::Sqlite {
                path: path.to_owned(),
            });
        }
        bail!("unsupported database URL: use sqlite://PATH or postgres://USER@HOST/DATABASE")
    }

    /// The URL without credentials, for logs.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite { path } => format!("SQLite at {path}"),
            Self::Postgres { url } => match url::Url::parse(url) {
                Ok(parsed) => format!(
                    "PostgreSQL at {}{}",
                    parsed.host_str().unwrap_or("localhost"),
                    parsed.path()
                ),
                Err(_) => "PostgreSQL".to_owned(),
            },
        }
    }
}

/// How much of an SQLite file is read through the memory map: enough for a
/// few hundred thousand signatures and their mail; the rest of a larger file
/// is read as usual.
const SQLITE_MMAP_BYTES: u64 = 256 * 1024 * 1024;

/// The longest a request waits for a PostgreSQL connection: when none
/// comes (the server is down, or every connection is busy for that long)
/// the person gets a "try again in a moment" page within seconds, not a
/// page after half a minute.
const POSTGRES_POOL_WAIT: Duration = Duration::from_secs(3);
/// The same on SQLite, whose file cannot go away: a wait there is for
/// connections held by writes queued behind a long one (an import), which
/// are worth waiting for.
const SQLITE_POOL_WAIT: Duration = Duration::from_secs(10);

/// Opens one PostgreSQL connection. libpq talks TLS through OpenSSL, which
/// by default frees its state in an exit handler while other threads may
/// still be inside it (a pool replacing a connection, say), and the process
/// then dies of a segmentation fault on its way out. OpenSSL is initialized
/// here, before libpq first touches it, with that exit handler turned off.
pub fn connect_postgres(url: &str) -> diesel::ConnectionResult<PgConnection> {
    openssl_sys::init();
    PgConnection::establish(url)
}

/// Opens connections of the variant its target names, keeping the real error
/// (the derived `establish` would try each backend and hide it).
#[derive(Debug)]
pub struct Manager {
    target: Target,
}

impl Manager {
    fn open(&self) -> diesel::ConnectionResult<DbConn> {
        match &self.target {
            Target::Sqlite { path } => {
                stable_plans::enable();
                let mut conn = SqliteConnection::establish(path)?;
                // Savepoints keep their undo pages in memory (`temp_store`),
                // not in a temporary file written page by page. Pages are read
                // through a shared memory map (`mmap_size`) instead of one
                // `pread` and one copy into each connection's small cache.
                // A log that starts over is cut back to a few megabytes
                // (`journal_size_limit`) rather than kept at its largest.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = {}; \
                     PRAGMA journal_size_limit = {};",
                    write_lock::BUSY_TIMEOUT.as_millis(),
                    SQLITE_MMAP_BYTES,
                    checkpoint::WAL_KEPT,
                ))
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
                Ok(DbConn::Sqlite(conn))
            }
            Target::Postgres { url } => connect_postgres(url).map(DbConn::Postgres),
        }
    }
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        self.open().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// A connection given back inside a transaction (its holder panicked
    /// mid-way) or with a transaction manager in error is dropped, not
    /// handed to the next request: on SQLite it would keep the write lock,
    /// on PostgreSQL run the next request's queries in a dead transaction.
    fn has_broken(&self, conn: &mut DbConn) -> bool {
        use diesel::connection::{AnsiTransactionManager, TransactionManager};
        let status = match conn {
            DbConn::Sqlite(inner) => AnsiTransactionManager::transaction_manager_status_mut(inner),
            DbConn::Postgres(inner) => {
                AnsiTransactionManager::transaction_manager_status_mut(inner)
            }
        };
        !matches!(status.transaction_depth(), Ok(None))
    }
}

/// Builds the pool for the configured database, creating the data directory
/// for SQLite, and checks that one connection can be opened.
pub fn connect(settings: &Settings) -> anyhow::Result<Pool> {
    let target = Target::parse(settings.database_url().expose_secret())?;
    if let Target::Sqlite { path } = &target
        && let Some(dir) = std::path::Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
    }
    if settings.database_pool_size < 2 {
        anyhow::bail!(
            "database_pool_size (UNDERSIGNED_DATABASE_POOL_SIZE) is {}: it must be at least 2, \
             since the thread that groups writes keeps a connection of its own",
            settings.database_pool_size
        );
    }
    let description = target.describe();
    let wait = match &target {
        Target::Sqlite { .. } => SQLITE_POOL_WAIT,
        Target::Postgres { .. } => POSTGRES_POOL_WAIT,
    };
    let manager = Manager { target };
    // Fail early with the backend's own message rather than a pool time-out.
    manager
        .open()
        .with_context(|| format!("could not connect to {description}"))?;
    let pool = r2d2::Pool::builder()
        .max_size(settings.database_pool_size)
        .connection_timeout(wait)
        .build(manager)
        .with_context(|| format!("could not open a pool for {description}"))?;
    tracing::info!(database = %description, "database connected");
    Ok(pool)
}

/// Applies the pending migrations of the connection's backend; returns their names.
pub fn run_migrations(conn: &mut DbConn) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Runs `work` in a transaction. On SQLite the outermost transaction starts
/// with `BEGIN IMMEDIATE`, taking the write lock at once: a deferred
/// transaction that reads and then writes fails at once with "database is
/// locked" when another connection wrote meanwhile, whatever the busy
/// timeout. It first queues behind this process's other write transactions
/// (see `write_lock`). Nested calls become savepoints as usual.
pub fn transaction<T, E>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let outermost_sqlite = match conn {
        DbConn::Sqlite(inner) => AnsiTransactionManager::transaction_manager_status_mut(inner)
            .transaction_depth()
            .ok()
            .flatten()
            .is_none(),
        DbConn::Postgres(_) => false,
    };
    if !outermost_sqlite {
        return conn.transaction(work);
    }
    let _turn = write_lock::queue();
    if let DbConn::Sqlite(inner) = conn {
        write_lock::begin_immediate(inner)?;
    }
    let result = work(conn);
    let DbConn::Sqlite(inner) = conn else {
        return result;
    };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(inner)?;
            Ok(value)
        }
        Err(error) => {
            AnsiTransactionManager::rollback_transaction(inner)?;
            Err(error)
        }
    }
}

/// The size of SQLite's write-ahead log, `None` on PostgreSQL.
pub fn sqlite_log_bytes(conn: &mut DbConn) -> diesel::QueryResult<Option<u64>> {
    match conn {
        DbConn::Sqlite(_) => {
            let wal = checkpoint::wal_path(conn)?;
            Ok(Some(std::fs::metadata(wal).map_or(0, |m| m.len())))
        }
        DbConn::Postgres(_) => Ok(None),
    }
}

diesel::define_sql_function!(
    /// SQL `lower()`, the same on both backends.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text
);

/// A case-insensitive `LIKE` pattern that finds `text` anywhere, with the
/// pattern characters of the text escaped (use with `.escape('\\')`).
pub fn like(text: &str) -> String {
    let escaped = text
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The current time in UTC, truncated to microseconds so that SQLite and
/// PostgreSQL store the same value.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// A new time-ordered id, generated in Rust for both backends.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::RunQueryDsl;

    #[test]
    fn the_backend_is_chosen_by_the_url_scheme() {
        assert_eq!(
            Target::parse("postgres://u@h/db").expect("pg"),
            Target::Postgres {
                url: "postgres://u@h/db".into()
            }
        );
        assert_eq!(
            Target::parse("sqlite://data/x.db").expect("sqlite"),
            Target::Sqlite {
                path: "data/x.db".into()
            }
        );
        assert!(Target::parse("postgres:x.db").is_err());
        assert!(Target::parse("x.db").is_err());
    }

    #[test]
    fn a_described_postgres_url_hides_the_password() {
        let target = Target::parse("postgres://user:hunter2@db.example/app").expect("pg");

        assert_eq!(target.describe(), "PostgreSQL at db.example/app");
    }

    #[derive(diesel::QueryableByName)]
    struct MmapSize {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        mmap_size: i64,
    }

    #[test]
    fn sqlite_connections_read_through_a_memory_map() {
        let dir = tempfile::tempdir().expect("directory");
        let manager = Manager {
            target: Target::Sqlite {
                path: dir.path().join("x.db").display().to_string(),
            },
        };
        let DbConn::Sqlite(mut conn) = manager.open().expect("connection") else {
            unreachable!("an SQLite target opens SQLite connections")
        };

        let setting = diesel::sql_query("PRAGMA mmap_size")
            .get_result::<MmapSize>(&mut conn)
            .expect("mmap_size");

        assert_eq!(setting.mmap_size, SQLITE_MMAP_BYTES as i64);
    }
}
