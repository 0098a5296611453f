use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{coordinators, login_failures, sessions};
use crate::identity::Coordinator;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn coordinator_count(conn: &mut DbConn) -> QueryResult<i64> {
    coordinators::table.count().get_result(conn)
}

pub fn insert_coordinator(
    conn: &mut DbConn,
    name: &str,
    email: &str,
    password_hash: Option<&str>,
) -> QueryResult<Coordinator> {
    let coordinator = Coordinator {
        id: crate::db::new_id(),
        email: email.to_owned(),
        name: name.to_owned(),
        password_hash: password_hash.map(str::to_owned),
        created_at: crate::db::now(),
        language: None,
    };
    diesel::insert_into(coordinators::table)
        .values((
            coordinators::id.eq(&coordinator.id),
            coordinators::email.eq(&coordinator.email),
            coordinators::name.eq(&coordinator.name),
            coordinators::password_hash.eq(&coordinator.password_hash),
            coordinators::created_at.eq(coordinator.created_at),
        ))
        .execute(conn)?;
    Ok(coordinator)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Coordinator>> {
    coordinators::table
        .find(id)
        .select(Coordinator::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<Coordinator>> {
    coordinators::table
        .filter(coordinators::email.eq(email))
        .select(Coordinator::as_select())
        .first(conn)
        .optional()
}

pub fn set_password(conn: &mut DbConn, id: &str, hash: &str) -> QueryResult<usize> {
    diesel::update(coordinators::table.find(id))
        .set(coordinators::password_hash.eq(hash))
        .execute(conn)
}

pub fn insert_session(
    conn: &mut DbConn,
    id: &str,
    coordinator_id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(id),
            sessions::coordinator_id.eq(coordinator_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn find_session(conn: &mut DbConn, id: &str) -> QueryResult<Option<(Session, Coordinator)>> {
    sessions::table
        .inner_join(coordinators::table)
        .filter(sessions::id.eq(id))
        .select((Session::as_select(), Coordinator::as_select()))
        .first(conn)
        .optional()
}

pub fn touch_session(
    conn: &mut DbConn,
    id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set((
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn delete_session(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id)).execute(conn)
}

pub fn delete_sessions_except(
    conn: &mut DbConn,
    coordinator_id: &str,
    keep: &str,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table
            .filter(sessions::coordinator_id.eq(coordinator_id))
            .filter(sessions::id.ne(keep)),
    )
    .execute(conn)
}

/// How many failures a throttle key had since `since`, and the oldest.
pub fn recent_failures(
    conn: &mut DbConn,
    key: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    login_failures::table
        .filter(login_failures::throttle_key.eq(key))
        .filter(login_failures::created_at.gt(since))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_failures::created_at),
        ))
        .first(conn)
}

pub fn set_language(conn: &mut DbConn, id: &str, language: Option<&str>) -> QueryResult<usize> {
    diesel::update(coordinators::table.filter(coordinators::id.eq(id)))
        .set(coordinators::language.eq(language))
        .execute(conn)
}

pub fn record_failure(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(crate::db::new_id()),
            login_failures::throttle_key.eq(key),
            login_failures::created_at.eq(now),
        ))
        .execute(conn)
}

pub fn clear_failures(conn: &mut DbConn, key: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::throttle_key.eq(key))).execute(conn)
}

pub fn delete_ended_sessions(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.lt(now))).execute(conn)
}

pub fn delete_failures_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::created_at.lt(before)))
        .execute(conn)
}
