//! The private preview link of a draft, signed rather than stored.

use diesel::QueryResult;

use super::{Statement, db};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::config::SecretKey;
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::tokens::signed::{self, Link};

/// A new preview link; the old one stops working.
pub fn rotate_preview_link(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::bump_preview_version(conn, &statement.id)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "statement.preview-link",
            "statement",
            &statement.id,
            &Phrase::new("audit-statement-preview-link"),
        )
    })
}

/// The private preview token of a statement: signed over its id and link
/// version, so it can be shown again and replaced, and is never stored.
pub fn preview_token(secret: &SecretKey, statement: &Statement) -> String {
    let version = statement.preview_version.to_string();
    signed::sign(secret, Link::Preview, &[&statement.id, &version])
}

pub fn preview_token_matches(secret: &SecretKey, statement: &Statement, typed: &str) -> bool {
    let version = statement.preview_version.to_string();
    signed::verify(secret, Link::Preview, &[&statement.id, &version], typed)
}
