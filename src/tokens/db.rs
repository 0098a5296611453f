use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Purpose, Token};
use crate::db::DbConn;
use crate::db::schema::tokens;

pub fn insert(
    conn: &mut DbConn,
    purpose: Purpose,
    token_hash: &str,
    subject_id: Option<&str>,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(tokens::table)
        .values((
            tokens::id.eq(crate::db::new_id()),
            tokens::purpose.eq(purpose),
            tokens::token_hash.eq(token_hash),
            tokens::subject_id.eq(subject_id),
            tokens::created_at.eq(now),
            tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn find_by_hash(
    conn: &mut DbConn,
    purpose: Purpose,
    token_hash: &str,
) -> QueryResult<Option<Token>> {
    tokens::table
        .filter(tokens::token_hash.eq(token_hash))
        .filter(tokens::purpose.eq(purpose))
        .select(Token::as_select())
        .first(conn)
        .optional()
}

/// Marks a token used only if nobody did before; returns the rows changed.
pub fn mark_used(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        tokens::table
            .filter(tokens::id.eq(id))
            .filter(tokens::used_at.is_null()),
    )
    .set(tokens::used_at.eq(now))
    .execute(conn)
}

/// Unused, unexpired tokens of this purpose for `subject_id`.
pub fn count_valid(
    conn: &mut DbConn,
    purpose: Purpose,
    subject_id: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    tokens::table
        .filter(tokens::purpose.eq(purpose))
        .filter(tokens::subject_id.eq(subject_id))
        .filter(tokens::used_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .count()
        .get_result(conn)
}

pub fn revoke_unused(
    conn: &mut DbConn,
    purpose: Purpose,
    subject_id: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let unused = tokens::table
        .filter(tokens::purpose.eq(purpose))
        .filter(tokens::used_at.is_null());
    match subject_id {
        Some(subject) => diesel::update(unused.filter(tokens::subject_id.eq(subject)))
            .set(tokens::expires_at.eq(now))
            .execute(conn),
        None => diesel::update(unused)
            .set(tokens::expires_at.eq(now))
            .execute(conn),
    }
}

pub fn prune(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        tokens::table.filter(tokens::expires_at.lt(before).or(tokens::used_at.lt(before))),
    )
    .execute(conn)
}
