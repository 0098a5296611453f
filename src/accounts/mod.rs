//! Coordinator accounts. For now: knowing whether any exists, and the
//! one-time setup link that creates the first.

mod db;
pub mod routes;
mod views;

use chrono::Duration;
use diesel::{Connection, QueryResult};

use crate::db::DbConn;
use crate::tokens::{self, Purpose};

/// How long a printed setup link stays valid.
const SETUP_LINK_VALIDITY: Duration = Duration::days(7);

/// Whether at least one coordinator account exists.
pub fn any_coordinator(conn: &mut DbConn) -> QueryResult<bool> {
    db::coordinator_count(conn).map(|n| n > 0)
}

/// When no coordinator exists, issues a fresh setup link (older unused ones
/// stop working) and returns it; otherwise `None`.
pub fn setup_link_if_needed(conn: &mut DbConn, base_url: &str) -> QueryResult<Option<String>> {
    conn.transaction(|conn| {
        if any_coordinator(conn)? {
            return Ok(None);
        }
        tokens::revoke_unused(conn, Purpose::Setup, None)?;
        let raw = tokens::issue(conn, Purpose::Setup, None, SETUP_LINK_VALIDITY)?;
        Ok(Some(setup_link(base_url, &raw)))
    })
}

pub fn setup_link(base_url: &str, raw_token: &str) -> String {
    format!("{base_url}/setup/{raw_token}")
}

/// Whether a setup token is still usable, without using it.
pub fn setup_token_is_valid(conn: &mut DbConn, raw: &str) -> QueryResult<bool> {
    Ok(tokens::find_valid(conn, Purpose::Setup, raw)?.is_some() && !any_coordinator(conn)?)
}
