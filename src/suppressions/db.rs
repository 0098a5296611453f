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
            suppressions::reason.eq(reason.as_str()),
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
