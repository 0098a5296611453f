//! The audit log: every coordinator action that changes data, with who,
//! when, what and the object. Written inside the action's own transaction.
//!
//! What was done is stored as a [`Phrase`] (a message id and its values)
//! and put into words in the reader's language when shown; entries written
//! before that hold English sentences, shown as they are.

mod db;
pub mod routes;
mod views;

use diesel::QueryResult;

use crate::accounts::Coordinator;
use crate::db::DbConn;
use crate::i18n::Phrase;

pub use db::{Entry, Filter, for_object};

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
    summary: &Phrase,
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
        &summary.to_json(),
    )
}

/// Entries of a coalition matching `filter`, newest first, one page.
///
/// The text filter finds what people typed or the world said (a title, a
/// name, an address) in an entry's values, and any word of an entry stored
/// as a sentence. The database narrows by the stored text; entries whose
/// match lay only in the message id or the names of its values are then
/// dropped, reading on until a page is full.
pub fn search(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Vec<Entry>> {
    let needle = filter.q.trim().to_lowercase();
    if needle.is_empty() {
        return db::search(conn, coalition_id, filter);
    }
    let mut batch_filter = filter.clone();
    let mut found = Vec::new();
    loop {
        let batch = db::search(conn, coalition_id, &batch_filter)?;
        let more = batch.len() as i64 == db::PAGE;
        if let Some(last) = batch.last() {
            batch_filter.before = last.id.clone();
        }
        found.extend(
            batch
                .into_iter()
                .filter(|e| Phrase::parse(&e.summary).is_none_or(|p| p.mentions(&needle))),
        );
        if !more || found.len() as i64 >= db::PAGE {
            break;
        }
    }
    found.truncate(usize::try_from(db::PAGE).unwrap_or(usize::MAX));
    Ok(found)
}

/// The distinct actions recorded for a coalition, for the filter's menu.
pub fn actions(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<String>> {
    db::actions(conn, coalition_id)
}
