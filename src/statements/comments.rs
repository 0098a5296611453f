//! Partners' comments on a draft, made through its preview link.

use diesel::QueryResult;

use super::{Comment, Revision, Statement, db};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;

/// A partner's comment on a draft, as typed and normalized.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub name: String,
    pub organization: String,
    pub body: String,
}

pub fn add_comment(
    conn: &mut DbConn,
    statement: &Statement,
    revision: &Revision,
    comment: &NewComment,
) -> QueryResult<()> {
    db::insert_comment(conn, &statement.id, &revision.id, comment)
}

pub fn comments(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<(Comment, String, i32)>> {
    db::comments(conn, statement_id)
}

pub fn resolve_comment(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    comment_id: &str,
) -> QueryResult<bool> {
    crate::db::transaction(conn, |conn| {
        let changed = db::resolve_comment(conn, &statement.id, comment_id, &actor.name)?;
        if changed > 0 {
            audit::record(
                conn,
                &statement.coalition_id,
                &Actor::Coordinator(actor),
                "statement.comment-resolve",
                "comment",
                comment_id,
                &Phrase::new("audit-statement-comment-resolve"),
            )?;
        }
        Ok(changed > 0)
    })
}
