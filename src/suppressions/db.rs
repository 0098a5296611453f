use diesel::prelude::*;

use super::Reason;
use crate::db::DbConn;
use crate::db::schema::suppressions;

pub fn exists(conn: &mut DbConn, coalition_id: &str, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        suppressions::table
            .filter(suppressions::coalition_id.eq(coalition_id))
            .filter(suppressions::email.eq(email)),
    ))
    .get_result(conn)
}

pub fn insert(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    reason: Reason,
    detail: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(suppressions::table)
        .values((
            suppressions::coalition_id.eq(coalition_id),
            suppressions::email.eq(email),
            suppressions::reason.eq(reason),
            suppressions::detail.eq(detail),
            suppressions::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn all(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<String>> {
    suppressions::table
        .filter(suppressions::coalition_id.eq(coalition_id))
        .select(suppressions::email)
        .load(conn)
}

pub fn delete_with_reason(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    reason: Reason,
) -> QueryResult<usize> {
    diesel::delete(
        suppressions::table
            .filter(suppressions::coalition_id.eq(coalition_id))
            .filter(suppressions::email.eq(email))
            .filter(suppressions::reason.eq(reason)),
    )
    .execute(conn)
}

/// Address and reason of the coalition's suppressions, of `emails` only
/// when given.
pub fn reasons(
    conn: &mut DbConn,
    coalition_id: &str,
    emails: Option<&[String]>,
) -> QueryResult<Vec<(String, Reason)>> {
    let mut query = suppressions::table
        .filter(suppressions::coalition_id.eq(coalition_id.to_owned()))
        .into_boxed();
    if let Some(emails) = emails {
        query = query.filter(suppressions::email.eq_any(emails.to_vec()));
    }
    query
        .select((suppressions::email, suppressions::reason))
        .load(conn)
}

/// The reason, detail and time of the suppression of `email`.
pub fn find(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
) -> QueryResult<Option<(Reason, Option<String>, chrono::NaiveDateTime)>> {
    suppressions::table
        .filter(suppressions::coalition_id.eq(coalition_id))
        .filter(suppressions::email.eq(email))
        .select((
            suppressions::reason,
            suppressions::detail,
            suppressions::created_at,
        ))
        .first(conn)
        .optional()
}
