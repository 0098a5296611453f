use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{OutgoingMail, Status};
use crate::db::DbConn;
use crate::db::schema::{outbox, outbox_bodies};

#[derive(Debug, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewRow<'a> {
    pub id: &'a str,
    pub idempotency_key: String,
    pub purpose: &'a str,
    pub recipient: &'a str,
    pub recipient_name: Option<&'a str>,
    pub subject: &'a str,
    /// Stored in `outbox_bodies`, beside the row.
    #[diesel(skip_insertion)]
    pub text_body: &'a str,
    #[diesel(skip_insertion)]
    pub html_body: &'a str,
    pub extra_headers: String,
    pub message_id: &'a str,
    pub priority: i32,
    pub status: &'static str,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub mailing_id: Option<&'a str>,
    pub coalition_id: Option<&'a str>,
    pub from_name: Option<&'a str>,
    pub reply_to: Option<&'a str>,
}

impl<'a> NewRow<'a> {
    pub fn new(
        id: &'a str,
        mail: &'a OutgoingMail,
        message_id: &'a str,
        now: NaiveDateTime,
    ) -> Self {
        Self {
            id,
            idempotency_key: mail.idempotency_key(),
            purpose: &mail.purpose,
            recipient: mail.to.trim(),
            recipient_name: mail.to_name.as_deref(),
            subject: &mail.content.subject,
            text_body: &mail.content.text,
            html_body: &mail.content.html,
            extra_headers: serde_json::to_string(&mail.headers).unwrap_or_else(|_| "[]".into()),
            message_id,
            priority: mail.priority.rank(),
            status: Status::Queued.as_str(),
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
            mailing_id: None,
            coalition_id: None,
            from_name: mail.sender.name.as_deref(),
            reply_to: mail.sender.reply_to.as_deref(),
        }
    }
}

/// The body of a row, in its own table.
#[derive(Debug, Insertable)]
#[diesel(table_name = outbox_bodies)]
struct NewBody<'a> {
    outbox_id: &'a str,
    text_body: &'a str,
    html_body: &'a str,
}

impl<'a> NewRow<'a> {
    fn body(&self) -> NewBody<'a> {
        NewBody {
            outbox_id: self.id,
            text_body: self.text_body,
            html_body: self.html_body,
        }
    }
}

/// A claimed row, everything the worker needs to build and send the message.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub id: String,
    pub recipient: String,
    pub recipient_name: Option<String>,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub extra_headers: String,
    pub message_id: String,
    pub attempts: i32,
    pub priority: i32,
    pub coalition_id: Option<String>,
    pub from_name: Option<String>,
    pub reply_to: Option<String>,
}

/// The outbox's part of an [`OutboxRow`].
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
struct Head {
    id: String,
    recipient: String,
    recipient_name: Option<String>,
    subject: String,
    extra_headers: String,
    message_id: String,
    attempts: i32,
    priority: i32,
    coalition_id: Option<String>,
    from_name: Option<String>,
    reply_to: Option<String>,
}

impl Head {
    /// The row with its body; a body deleted by retention reads as empty.
    fn with_body(self, body: Option<(String, String)>) -> OutboxRow {
        let (text_body, html_body) = body.unwrap_or_default();
        OutboxRow {
            id: self.id,
            recipient: self.recipient,
            recipient_name: self.recipient_name,
            subject: self.subject,
            text_body,
            html_body,
            extra_headers: self.extra_headers,
            message_id: self.message_id,
            attempts: self.attempts,
            priority: self.priority,
            coalition_id: self.coalition_id,
            from_name: self.from_name,
            reply_to: self.reply_to,
        }
    }
}

/// Inserts the row unless one with the same idempotency key exists; returns
/// whether it was inserted. Never fails on the duplicate, so the caller's
/// transaction stays usable on PostgreSQL.
pub fn insert_unless_present(conn: &mut DbConn, row: &NewRow<'_>) -> QueryResult<bool> {
    let query = diesel::insert_into(outbox::table).values(row);
    let inserted = match conn {
        DbConn::Sqlite(c) => diesel::insert_or_ignore_into(outbox::table)
            .values(row)
            .execute(c)?,
        DbConn::Postgres(c) => query
            .on_conflict(outbox::idempotency_key)
            .do_nothing()
            .execute(c)?,
    };
    if inserted == 1 {
        diesel::insert_into(outbox_bodies::table)
            .values(row.body())
            .execute(conn)?;
    }
    Ok(inserted == 1)
}

/// Inserts many rows in multi-row statements, skipping those whose
/// idempotency key is already stored; returns how many were inserted.
/// Most rows one insert statement writes: SQLite allows 32766 bound
/// parameters per statement, and a row binds 17.
const CHUNK_ROWS: usize = 500;

/// About the most text one insert statement carries. A PostgreSQL
/// connection keeps an output buffer as large as the largest statement it
/// ever sent, for as long as it lives; a mailing's rows written 500 at a
/// time left up to half a megabyte in each connection of the pool that
/// wrote one.
const CHUNK_BYTES: usize = 64 * 1024;

/// Splits items into runs of at most `most_items` and, unless one item
/// alone is larger, at most `most_bytes` as `size` counts them.
fn runs<T>(
    items: &[T],
    most_items: usize,
    most_bytes: usize,
    size: impl Fn(&T) -> usize,
) -> impl Iterator<Item = &[T]> {
    let mut rest = items;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let end = rest
            .iter()
            .take(most_items)
            .position(|item| {
                bytes += size(item);
                bytes > most_bytes
            })
            .unwrap_or(rest.len().min(most_items))
            .max(1);
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

pub fn insert_many_unless_present(conn: &mut DbConn, rows: &[NewRow<'_>]) -> QueryResult<usize> {
    let mut inserted = 0;
    let text = |row: &NewRow<'_>| row.text_body.len() + row.html_body.len() + row.subject.len();
    for chunk in runs(rows, CHUNK_ROWS, CHUNK_BYTES, text) {
        let added = match conn {
            DbConn::Sqlite(c) => diesel::insert_or_ignore_into(outbox::table)
                .values(chunk)
                .execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into(outbox::table)
                .values(chunk)
                .on_conflict(outbox::idempotency_key)
                .do_nothing()
                .execute(c)?,
        };
        inserted += added;
        // The rows' ids are new: those now stored are the ones just added.
        let stored: std::collections::HashSet<String> = if added == chunk.len() {
            chunk.iter().map(|row| row.id.to_owned()).collect()
        } else {
            outbox::table
                .filter(outbox::id.eq_any(chunk.iter().map(|row| row.id)))
                .select(outbox::id)
                .load(conn)?
                .into_iter()
                .collect()
        };
        let bodies: Vec<NewBody<'_>> = chunk
            .iter()
            .filter(|row| stored.contains(row.id))
            .map(NewRow::body)
            .collect();
        // Multi-row inserts are written per backend on a `MultiConnection`.
        let insert = diesel::insert_into(outbox_bodies::table).values(&bodies);
        match conn {
            DbConn::Sqlite(c) => insert.execute(c)?,
            DbConn::Postgres(c) => insert.execute(c)?,
        };
    }
    Ok(inserted)
}

pub fn id_for_key(conn: &mut DbConn, key: &str) -> QueryResult<String> {
    outbox::table
        .filter(outbox::idempotency_key.eq(key))
        .select(outbox::id)
        .first(conn)
}

pub fn status_of(conn: &mut DbConn, id: &str) -> QueryResult<(Status, Option<String>)> {
    outbox::table
        .find(id)
        .select((outbox::status, outbox::last_response))
        .first(conn)
}

const CLAIM_POSTGRES: &str = "UPDATE outbox SET locked_by = $1, locked_until = $2 WHERE id IN (\
    SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= $3 \
    AND (locked_until IS NULL OR locked_until < $4) ORDER BY priority, next_attempt_at LIMIT $5 \
    FOR UPDATE SKIP LOCKED)";

const CLAIM_SQLITE: &str = "UPDATE outbox SET locked_by = ?, locked_until = ? WHERE id IN (\
    SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? \
    AND (locked_until IS NULL OR locked_until < ?) ORDER BY priority, next_attempt_at LIMIT ?)";

/// How many rows the outbox holds in one state at one priority.
#[derive(Debug, QueryableByName)]
pub struct Depth {
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub status: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub priority: i32,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub count: i64,
}

/// The outbox's rows counted by state and priority.
pub fn depth(conn: &mut DbConn) -> QueryResult<Vec<Depth>> {
    diesel::sql_query(
        "SELECT status, priority, COUNT(*) AS count FROM outbox GROUP BY status, priority",
    )
    .load(conn)
}

/// Claims up to `limit` due rows for `claim` until `lease_until`, in one
/// statement. On PostgreSQL rows locked by another worker's claim are
/// skipped, not waited for; on both backends a row whose lease is live is
/// never claimed twice. Returns how many rows were claimed; [`claimed`]
/// reads them.
pub fn claim_due(
    conn: &mut DbConn,
    claim: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<usize> {
    use diesel::sql_types::{BigInt, Text, Timestamp};
    let sql = match conn {
        DbConn::Postgres(_) => CLAIM_POSTGRES,
        DbConn::Sqlite(_) => CLAIM_SQLITE,
    };
    diesel::sql_query(sql)
        .bind::<Text, _>(claim)
        .bind::<Timestamp, _>(lease_until)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .execute(conn)
}

/// The rows that `claim` holds and that are still to be sent, in order.
pub fn claimed(conn: &mut DbConn, claim: &str) -> QueryResult<Vec<OutboxRow>> {
    let rows: Vec<(Head, Option<(String, String)>)> = outbox::table
        .left_join(outbox_bodies::table)
        .filter(outbox::locked_by.eq(claim))
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .order((outbox::priority, outbox::next_attempt_at))
        .select((
            Head::as_select(),
            (outbox_bodies::text_body, outbox_bodies::html_body).nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(head, body)| head.with_body(body))
        .collect())
}

/// How an attempt to send a claimed row ended.
#[derive(Debug, Clone, Copy)]
pub enum Attempt {
    /// Sent, at this moment.
    Sent(NaiveDateTime),
    /// Refused for good.
    Failed,
    /// To be tried again at this moment.
    Deferred(NaiveDateTime),
}

/// What an attempt changes on its row besides counting it; `None` leaves
/// a column as it is.
#[derive(AsChangeset)]
#[diesel(table_name = outbox)]
struct Attempted<'a> {
    status: Option<Status>,
    last_response: &'a str,
    sent_at: Option<NaiveDateTime>,
    next_attempt_at: Option<NaiveDateTime>,
    locked_until: Option<Option<NaiveDateTime>>,
    locked_by: Option<Option<&'a str>>,
}

/// Records how an attempt on a row that `claim` holds ended, with the
/// server's `reply`, and frees the row's lease.
pub fn record_attempt(
    conn: &mut DbConn,
    id: &str,
    claim: &str,
    reply: &str,
    attempt: Attempt,
) -> QueryResult<usize> {
    let (status, sent_at, next_attempt_at) = match attempt {
        Attempt::Sent(at) => (Some(Status::Sent), Some(at), None),
        Attempt::Failed => (Some(Status::Failed), None, None),
        Attempt::Deferred(retry_at) => (None, None, Some(retry_at)),
    };
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::locked_by.eq(claim)),
    )
    .set((
        outbox::attempts.eq(outbox::attempts + 1),
        Attempted {
            status,
            last_response: reply,
            sent_at,
            next_attempt_at,
            locked_until: Some(None),
            locked_by: Some(None),
        },
    ))
    .execute(conn)
}

/// Gives back rows claimed but not attempted (at shutdown), so the next
/// worker takes them at once instead of after the lease.
pub fn release(conn: &mut DbConn, ids: &[String], claim: &str) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::locked_by.eq(claim)),
    )
    .set((
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::locked_by.eq(None::<String>),
    ))
    .execute(conn)
}

/// Extends to `until` the leases of the rows that `claims` still hold.
pub fn renew(conn: &mut DbConn, claims: &[String], until: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::locked_by.eq_any(claims))
            .filter(outbox::status.eq(Status::Queued.as_str())),
    )
    .set(outbox::locked_until.eq(until))
    .execute(conn)
}

/// Frees the leases of claims named after `instance` (`instance/…`): at an
/// instance's start they are what its earlier run held when it ended.
pub fn release_leases_of(conn: &mut DbConn, instance: &str) -> QueryResult<usize> {
    use diesel::sql_types::{Integer, Text};
    let prefix = format!("{instance}/");
    let length = i32::try_from(prefix.chars().count()).unwrap_or(i32::MAX);
    let sql = match conn {
        DbConn::Postgres(_) => {
            "UPDATE outbox SET locked_by = NULL, locked_until = NULL \
             WHERE locked_by IS NOT NULL AND substr(locked_by, 1, $1) = $2"
        }
        DbConn::Sqlite(_) => {
            "UPDATE outbox SET locked_by = NULL, locked_until = NULL \
             WHERE locked_by IS NOT NULL AND substr(locked_by, 1, ?) = ?"
        }
    };
    diesel::sql_query(sql)
        .bind::<Integer, _>(length)
        .bind::<Text, _>(prefix)
        .execute(conn)
}

/// Frees every lease. Only for SQLite, where one worker serves a database,
/// at its start: leases left by a process that died are then stale.
pub fn release_all_leases(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::update(outbox::table.filter(outbox::locked_by.is_not_null()))
        .set((
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::locked_by.eq(None::<String>),
        ))
        .execute(conn)
}

pub fn count_recent(
    conn: &mut DbConn,
    email: &str,
    purposes: &[&str],
    since: NaiveDateTime,
) -> QueryResult<i64> {
    // Counted per purpose and summed here: a query with `IN (…)` is
    // prepared anew on every call, this one once per connection.
    let counts: Vec<(String, i64)> = outbox::table
        .filter(outbox::recipient.eq(email))
        .filter(outbox::created_at.gt(since))
        .group_by(outbox::purpose)
        .select((outbox::purpose, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(counts
        .iter()
        .filter(|(purpose, _)| purposes.contains(&purpose.as_str()))
        .map(|(_, count)| count)
        .sum())
}

/// Deletes the bodies of mail that went (or will never go) before
/// `before`, in batches so that a first run over a large outbox holds no
/// long lock. Only the bodies still kept are looked at.
pub fn blank_bodies_before(
    conn: &mut DbConn,
    before: NaiveDateTime,
    batch: i64,
) -> QueryResult<usize> {
    let done = [
        Status::Sent.as_str(),
        Status::Failed.as_str(),
        Status::Cancelled.as_str(),
    ];
    let ids: Vec<String> = outbox_bodies::table
        .inner_join(outbox::table)
        .filter(outbox::status.eq_any(done))
        .filter(outbox::created_at.lt(before))
        .select(outbox_bodies::outbox_id)
        .limit(batch)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(outbox_bodies::table.filter(outbox_bodies::outbox_id.eq_any(&ids))).execute(conn)
}

#[cfg(test)]
mod tests {
    use super::runs;

    fn lengths(sizes: &[usize], most_items: usize, most_bytes: usize) -> Vec<usize> {
        runs(sizes, most_items, most_bytes, |size| *size)
            .map(<[usize]>::len)
            .collect()
    }

    #[test]
    fn runs_stop_at_the_count_or_the_size_whichever_comes_first() {
        assert_eq!(lengths(&[1; 7], 3, 100), [3, 3, 1]);
        assert_eq!(lengths(&[40, 40, 40, 40, 40], 10, 100), [2, 2, 1]);
        assert_eq!(lengths(&[], 3, 100), Vec::<usize>::new());
    }

    #[test]
    fn an_item_larger_than_the_limit_goes_alone() {
        assert_eq!(lengths(&[500, 10, 10, 500], 10, 100), [1, 2, 1]);
    }
}
