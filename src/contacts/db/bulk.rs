//! Writes of many rows in one statement. Diesel's multi-row insert does not
//! compile through the connection enum, so each function matches on the
//! backend; SQLite takes `INSERT OR IGNORE`, PostgreSQL `ON CONFLICT DO
//! NOTHING` where a row may be there already.

use diesel::prelude::*;

use super::records::NewContact;
use crate::db::DbConn;
use crate::db::schema::{contact_list_members, contact_tags, contacts};

/// One tag of one contact.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = contact_tags)]
pub struct NewTag<'a> {
    pub contact_id: &'a str,
    pub coalition_id: &'a str,
    pub tag: &'a str,
}

/// Inserts the contacts in one statement; keep a batch under the
/// backends' bound-parameter limits (15 per row).
pub fn insert_contacts(conn: &mut DbConn, rows: &[NewContact<'_>]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    match conn {
        DbConn::Sqlite(c) => diesel::insert_into(contacts::table).values(rows).execute(c),
        DbConn::Postgres(c) => diesel::insert_into(contacts::table).values(rows).execute(c),
    }
}

/// Adds the tags, leaving those a contact has already.
pub fn insert_tags(conn: &mut DbConn, rows: &[NewTag<'_>]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    match conn {
        DbConn::Sqlite(c) => diesel::insert_or_ignore_into(contact_tags::table)
            .values(rows)
            .execute(c),
        DbConn::Postgres(c) => diesel::insert_into(contact_tags::table)
            .values(rows)
            .on_conflict_do_nothing()
            .execute(c),
    }
}

/// Puts contacts on a hand-picked list, leaving those already on it.
pub fn add_members(conn: &mut DbConn, list_id: &str, contact_ids: &[String]) -> QueryResult<usize> {
    if contact_ids.is_empty() {
        return Ok(0);
    }
    let rows: Vec<_> = contact_ids
        .iter()
        .map(|id| {
            (
                contact_list_members::list_id.eq(list_id),
                contact_list_members::contact_id.eq(id.as_str()),
            )
        })
        .collect();
    match conn {
        DbConn::Sqlite(c) => diesel::insert_or_ignore_into(contact_list_members::table)
            .values(&rows)
            .execute(c),
        DbConn::Postgres(c) => diesel::insert_into(contact_list_members::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .execute(c),
    }
}
