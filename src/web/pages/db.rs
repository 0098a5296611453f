//! The versions of what public pages show, as the database's triggers
//! move them (see the `page_versions` migration).

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::page_versions;

/// The version and time of last change of each of `scopes` that has
/// changed since the table was made, in no particular order.
pub fn versions(
    conn: &mut DbConn,
    scopes: &[String],
) -> QueryResult<Vec<(String, i64, NaiveDateTime)>> {
    page_versions::table
        .filter(page_versions::scope.eq_any(scopes))
        .select((
            page_versions::scope,
            page_versions::version,
            page_versions::changed_at,
        ))
        .load(conn)
}

/// Runs `work` in one read-only transaction that sees the database as it
/// was at one moment (SQLite's read transactions always do; PostgreSQL's
/// need repeatable read), so that the versions it reads belong to the
/// rows it reads, in whichever order it reads them.
pub fn in_snapshot<T, E>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    conn.transaction(|c| {
        if let DbConn::Postgres(_) = c {
            c.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        }
        work(c)
    })
}
