use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::{DbConn, like, lower};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Entry {
    pub id: String,
    pub actor_name: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub summary: String,
    pub created_at: NaiveDateTime,
}

/// What the owner filters the log by; empty fields match everything.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub object: String,
    #[serde(default)]
    pub q: String,
    /// Show entries older than this id (the next page).
    #[serde(default)]
    pub before: String,
}

pub const PAGE: i64 = 100;

#[expect(clippy::too_many_arguments, reason = "one column each")]
pub fn insert(
    conn: &mut DbConn,
    coalition_id: &str,
    actor_id: Option<&str>,
    actor_name: &str,
    action: &str,
    object_type: &str,
    object_id: &str,
    summary: &str,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(crate::db::new_id()),
            audit_log::coalition_id.eq(coalition_id),
            audit_log::actor_id.eq(actor_id),
            audit_log::actor_name.eq(actor_name),
            audit_log::action.eq(action),
            audit_log::object_type.eq(object_type),
            audit_log::object_id.eq(object_id),
            audit_log::summary.eq(summary),
            audit_log::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn search(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Vec<Entry>> {
    let mut query = audit_log::table
        .filter(audit_log::coalition_id.eq(coalition_id.to_owned()))
        .into_boxed();
    if !filter.action.is_empty() {
        query = query.filter(audit_log::action.eq(filter.action.clone()));
    }
    if !filter.actor.trim().is_empty() {
        query = query.filter(
            lower(audit_log::actor_name)
                .like(like(&filter.actor))
                .escape('\\'),
        );
    }
    if !filter.object.trim().is_empty() {
        query = query.filter(
            audit_log::object_id
                .eq(filter.object.trim().to_owned())
                .or(audit_log::object_type.eq(filter.object.trim().to_owned())),
        );
    }
    if !filter.q.trim().is_empty() {
        query = query.filter(lower(audit_log::summary).like(like(&filter.q)).escape('\\'));
    }
    if !filter.before.is_empty() {
        query = query.filter(audit_log::id.lt(filter.before.clone()));
    }
    query
        .order(audit_log::id.desc())
        .limit(PAGE)
        .select(Entry::as_select())
        .load(conn)
}

pub fn actions(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<String>> {
    audit_log::table
        .filter(audit_log::coalition_id.eq(coalition_id))
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action)
        .load(conn)
}

/// Entries about one object (a statement's history).
pub fn for_object(
    conn: &mut DbConn,
    coalition_id: &str,
    object_id: &str,
    limit: i64,
) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .filter(audit_log::coalition_id.eq(coalition_id))
        .filter(audit_log::object_id.eq(object_id))
        .order(audit_log::id.desc())
        .limit(limit)
        .select(Entry::as_select())
        .load(conn)
}
