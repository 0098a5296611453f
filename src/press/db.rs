use chrono::NaiveDateTime;
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use super::{MailingKind, MailingStatus};
use crate::db::DbConn;
use crate::db::schema::{mailings, outbox, press_release_revisions, press_releases};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = press_releases)]
pub struct Release {
    pub id: String,
    pub coalition_id: String,
    pub slug: String,
    pub statement_id: Option<String>,
    pub embargo_at: Option<NaiveDateTime>,
    pub embargo_zone: String,
    pub current_revision: i32,
    pub released_at: Option<NaiveDateTime>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The language the release is written in (`en`, `es`).
    pub language: String,
    /// Where replies go, when not the coalition's address or the first
    /// press contact's.
    pub reply_to: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = press_release_revisions)]
pub struct Revision {
    pub id: String,
    pub release_id: String,
    pub number: i32,
    pub headline: String,
    pub subheadline: String,
    pub dateline: String,
    pub release_date: String,
    /// JSON array of `{name, phone, email}`.
    pub press_contacts: String,
    pub body: String,
    pub about: String,
    pub note: String,
    pub author_id: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = mailings)]
pub struct Mailing {
    pub id: String,
    pub coalition_id: String,
    pub kind: MailingKind,
    pub release_id: Option<String>,
    pub revision_number: Option<i32>,
    pub statement_id: Option<String>,
    pub subject: String,
    pub body: String,
    /// JSON of [`super::Audience`].
    pub audience: String,
    pub status: MailingStatus,
    pub send_at: Option<NaiveDateTime>,
    pub at_embargo: bool,
    pub recipients: i32,
    pub suppressed: i32,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    /// The one-time key of the form that started it.
    pub start_key: Option<String>,
}

pub fn insert_release(conn: &mut DbConn, release: &Release) -> QueryResult<usize> {
    diesel::insert_into(press_releases::table)
        .values(release)
        .execute(conn)
}

pub fn insert_revision(conn: &mut DbConn, revision: &Revision) -> QueryResult<usize> {
    diesel::insert_into(press_release_revisions::table)
        .values(revision)
        .execute(conn)
}

pub fn slug_taken(conn: &mut DbConn, slug: &str) -> QueryResult<bool> {
    diesel::select(exists(
        press_releases::table.filter(press_releases::slug.eq(slug)),
    ))
    .get_result(conn)
}

pub fn find_in(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Release>> {
    press_releases::table
        .filter(press_releases::id.eq(id))
        .filter(press_releases::coalition_id.eq(coalition_id))
        .select(Release::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Release>> {
    press_releases::table
        .find(id)
        .select(Release::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Release>> {
    press_releases::table
        .filter(press_releases::slug.eq(slug))
        .select(Release::as_select())
        .first(conn)
        .optional()
}

/// The coalition's releases, newest first, each with its current headline.
pub fn list(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(Release, String)>> {
    press_releases::table
        .inner_join(press_release_revisions::table)
        .filter(press_releases::coalition_id.eq(coalition_id))
        .filter(press_release_revisions::number.eq(press_releases::current_revision))
        .order(press_releases::updated_at.desc())
        .select((Release::as_select(), press_release_revisions::headline))
        .load(conn)
}

pub fn revision(conn: &mut DbConn, release_id: &str, number: i32) -> QueryResult<Revision> {
    press_release_revisions::table
        .filter(press_release_revisions::release_id.eq(release_id))
        .filter(press_release_revisions::number.eq(number))
        .select(Revision::as_select())
        .first(conn)
}

pub fn revisions(conn: &mut DbConn, release_id: &str) -> QueryResult<Vec<Revision>> {
    press_release_revisions::table
        .filter(press_release_revisions::release_id.eq(release_id))
        .order(press_release_revisions::number.desc())
        .select(Revision::as_select())
        .load(conn)
}

pub fn set_current(
    conn: &mut DbConn,
    release: &Release,
    number: i32,
    draft: &super::Draft,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(press_releases::table.find(&release.id))
        .set((
            press_releases::current_revision.eq(number),
            press_releases::language.eq(draft.language.code()),
            press_releases::statement_id.eq(draft.statement_id.as_deref()),
            press_releases::embargo_at.eq(draft.embargo.map(|e| e.at)),
            press_releases::embargo_zone.eq(draft.embargo.map_or("UTC", |e| e.zone.name())),
            press_releases::reply_to.eq(&draft.reply_to),
            press_releases::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn mark_released(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        press_releases::table
            .find(id)
            .filter(press_releases::released_at.is_null()),
    )
    .set(press_releases::released_at.eq(now))
    .execute(conn)
}

pub fn insert_mailing(conn: &mut DbConn, mailing: &Mailing) -> QueryResult<usize> {
    diesel::insert_into(mailings::table)
        .values(mailing)
        .execute(conn)
}

/// The mailing of `coalition_id` that the form with `start_key` started.
pub fn mailing_started_by(
    conn: &mut DbConn,
    coalition_id: &str,
    start_key: &str,
) -> QueryResult<Option<Mailing>> {
    mailings::table
        .filter(mailings::coalition_id.eq(coalition_id))
        .filter(mailings::start_key.eq(start_key))
        .select(Mailing::as_select())
        .first(conn)
        .optional()
}

pub fn mailing_in(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Mailing>> {
    mailings::table
        .filter(mailings::id.eq(id))
        .filter(mailings::coalition_id.eq(coalition_id))
        .select(Mailing::as_select())
        .first(conn)
        .optional()
}

pub fn mailing(conn: &mut DbConn, id: &str) -> QueryResult<Mailing> {
    mailings::table
        .find(id)
        .select(Mailing::as_select())
        .first(conn)
}

pub fn mailings_of_release(conn: &mut DbConn, release_id: &str) -> QueryResult<Vec<Mailing>> {
    mailings::table
        .filter(mailings::release_id.eq(release_id))
        .order(mailings::created_at.desc())
        .select(Mailing::as_select())
        .load(conn)
}

pub fn mailings_of_coalition(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Mailing>> {
    mailings::table
        .filter(mailings::coalition_id.eq(coalition_id))
        .order(mailings::created_at.desc())
        .limit(100)
        .select(Mailing::as_select())
        .load(conn)
}

/// Moves a mailing from one status to another; 0 when it was not in `from`
/// (another request or server got there first).
pub fn transition(conn: &mut DbConn, id: &str, from: &[&str], to: &str) -> QueryResult<usize> {
    diesel::update(
        mailings::table
            .filter(mailings::id.eq(id))
            .filter(mailings::status.eq_any(from)),
    )
    .set(mailings::status.eq(to))
    .execute(conn)
}

pub fn mark_started(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        mailings::table
            .find(id)
            .filter(mailings::started_at.is_null()),
    )
    .set(mailings::started_at.eq(now))
    .execute(conn)
}

pub fn set_counts(
    conn: &mut DbConn,
    id: &str,
    recipients: i32,
    suppressed: i32,
) -> QueryResult<usize> {
    diesel::update(mailings::table.find(id))
        .set((
            mailings::recipients.eq(recipients),
            mailings::suppressed.eq(suppressed),
        ))
        .execute(conn)
}

/// Scheduled mailings whose time has come.
pub fn due(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<String>> {
    mailings::table
        .filter(mailings::status.eq("scheduled"))
        .filter(mailings::send_at.le(now))
        .order(mailings::send_at)
        .select(mailings::id)
        .load(conn)
}

/// Follows a release's new embargo with the mailings set to go at it.
pub fn move_embargo_mailings(
    conn: &mut DbConn,
    release_id: &str,
    at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    let target = mailings::table
        .filter(mailings::release_id.eq(release_id))
        .filter(mailings::at_embargo.eq(true))
        .filter(mailings::status.eq("scheduled"));
    match at {
        Some(at) => diesel::update(target)
            .set(mailings::send_at.eq(at))
            .execute(conn),
        // Without an embargo there is nothing to wait for: it is cancelled.
        None => diesel::update(target)
            .set(mailings::status.eq("cancelled"))
            .execute(conn),
    }
}

/// Marks sending mailings with nothing left to send as sent, and paused
/// ones too when the pause came after the last mail went.
pub fn finish_done(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    let unsent = outbox::table
        .filter(outbox::mailing_id.eq(mailings::id.nullable()))
        .filter(outbox::status.eq_any(["queued", "held"]));
    diesel::update(
        mailings::table
            .filter(mailings::status.eq_any(["sending", "paused"]))
            .filter(not(exists(unsent))),
    )
    .set((mailings::status.eq("sent"), mailings::finished_at.eq(now)))
    .execute(conn)
}

/// Clears the end of a mailing that sends again.
pub fn reopen(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(mailings::table.find(id))
        .set(mailings::finished_at.eq(None::<NaiveDateTime>))
        .execute(conn)
}

/// The mailings still sending or paused.
pub fn under_way(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    mailings::table
        .filter(mailings::status.eq_any(["sending", "paused"]))
        .select(mailings::id)
        .load(conn)
}

/// A coalition's releases that went out or were published, each with its
/// current revision.
pub fn released_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(Release, Revision)>> {
    press_releases::table
        .inner_join(press_release_revisions::table)
        .filter(press_releases::coalition_id.eq(coalition_id))
        .filter(press_releases::released_at.is_not_null())
        .filter(press_release_revisions::number.eq(press_releases::current_revision))
        .select((Release::as_select(), Revision::as_select()))
        .load(conn)
}
