//! The audit log: every coordinator action that changes data, with who,
//! when, what and the object. Written inside the action's own transaction.

mod db;
pub mod routes;
mod views;

use diesel::QueryResult;

use crate::accounts::Coordinator;
use crate::db::DbConn;

pub use db::{Entry, Filter};

/// Who did something.
pub enum Actor<'a> {
    Coordinator(&'a Coordinator),
    /// The server itself (a deadline passing) or the command line.
    System,
}

/// Records one action. Call it in the same transaction as the change.
pub fn record(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    action: &str,
    object_type: &str,
    object_id: &str,
    summary: &str,
) -> QueryResult<()> {
    let (actor_id, actor_name) = match actor {
        Actor::Coordinator(c) => (Some(c.id.as_str()), format!("{} <{}>", c.name, c.email)),
        Actor::System => (None, "Undersigned".to_owned()),
    };
    db::insert(
        conn,
        coalition_id,
        actor_id,
        &actor_name,
        action,
        object_type,
        object_id,
        summary,
    )
}

/// Entries of a coalition matching `filter`, newest first, one page.
pub fn search(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Vec<Entry>> {
    db::search(conn, coalition_id, filter)
}

/// The distinct actions recorded for a coalition, for the filter's menu.
pub fn actions(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<String>> {
    db::actions(conn, coalition_id)
}

/// Entries about one object (a statement's history).
pub fn for_object(
    conn: &mut DbConn,
    coalition_id: &str,
    object_id: &str,
    limit: i64,
) -> QueryResult<Vec<Entry>> {
    db::for_object(conn, coalition_id, object_id, limit)
}
