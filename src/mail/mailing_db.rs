use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text};

use super::Status;
use crate::db::DbConn;
use crate::db::schema::outbox;

#[derive(Debug, QueryableByName)]
pub struct StateCount {
    #[diesel(sql_type = Text)]
    pub status: Status,
    /// 1 when the rows were tried before, else 0.
    #[diesel(sql_type = Integer)]
    pub retried: i32,
    #[diesel(sql_type = Bool)]
    pub bounced: bool,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

/// A bounce is a failure with a 5xx reply. A mail given up after its
/// attempts holds the product's words (a phrase in JSON, or in rows written
/// before phrases, a sentence starting "gave up"), never a bare 5xx.
const STATE_COUNTS: &str = "SELECT status, \
    CASE WHEN attempts > 0 THEN 1 ELSE 0 END AS retried, \
    (status = 'failed' AND last_response LIKE '5__%' AND last_response NOT LIKE 'gave up%') AS bounced, \
    COUNT(*) AS count FROM outbox WHERE mailing_id = $1 GROUP BY 1, 2, 3";

pub fn state_counts(conn: &mut DbConn, mailing_id: &str) -> QueryResult<Vec<StateCount>> {
    let sql = match conn {
        DbConn::Postgres(_) => STATE_COUNTS.to_owned(),
        DbConn::Sqlite(_) => STATE_COUNTS.replace("$1", "?"),
    };
    diesel::sql_query(sql)
        .bind::<Text, _>(mailing_id)
        .load(conn)
}

/// One line of a mailing's delivery log: one recipient's mail as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct Delivery {
    pub recipient: String,
    pub recipient_name: Option<String>,
    pub status: Status,
    pub attempts: i32,
    pub last_response: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub next_attempt_at: NaiveDateTime,
}

/// The log ordered by address, `limit` lines after `after` (keyset paging);
/// `None` as limit reads it all (for the CSV export).
pub fn deliveries(
    conn: &mut DbConn,
    mailing_id: &str,
    after: Option<&str>,
    limit: Option<i64>,
) -> QueryResult<Vec<Delivery>> {
    let mut query = outbox::table
        .filter(outbox::mailing_id.eq(mailing_id))
        .order(outbox::recipient)
        .select(Delivery::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(outbox::recipient.gt(after.to_owned()));
    }
    if let Some(limit) = limit {
        query = query.limit(limit);
    }
    query.load(conn)
}

pub fn set_status(
    conn: &mut DbConn,
    mailing_id: &str,
    from: Status,
    to: Status,
) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::mailing_id.eq(mailing_id))
            .filter(outbox::status.eq(from.as_str())),
    )
    .set(outbox::status.eq(to.as_str()))
    .execute(conn)
}

pub fn cancel_unsent_to(conn: &mut DbConn, coalition_id: &str, email: &str) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::coalition_id.eq(coalition_id))
            .filter(outbox::recipient.eq(email))
            .filter(outbox::mailing_id.is_not_null())
            .filter(outbox::status.eq_any([Status::Queued.as_str(), Status::Held.as_str()])),
    )
    .set(outbox::status.eq(Status::Cancelled.as_str()))
    .execute(conn)
}

/// Rows of a claim that are no longer queued: their mailing was paused or
/// cancelled after the worker claimed them.
pub fn withdrawn_from_claim(conn: &mut DbConn, claim: &str) -> QueryResult<Vec<String>> {
    outbox::table
        .filter(outbox::locked_by.eq(claim))
        .filter(outbox::status.ne(Status::Queued.as_str()))
        .select(outbox::id)
        .load(conn)
}

/// Queues again, as new, the mails of the mailing given up after repeated
/// deferrals (not those refused for good with a 5xx reply), when they still
/// have their body. Returns how many.
pub fn retry_given_up(
    conn: &mut DbConn,
    mailing_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    use crate::db::schema::outbox_bodies;
    let retryable = outbox::table
        .filter(outbox::mailing_id.eq(mailing_id))
        .filter(outbox::status.eq(Status::Failed.as_str()))
        .filter(
            outbox::last_response
                .is_null()
                .or(outbox::last_response.not_like("5__%")),
        )
        .filter(outbox::id.eq_any(outbox_bodies::table.select(outbox_bodies::outbox_id)))
        .select(outbox::id);
    let ids: Vec<String> = retryable.load(conn)?;
    diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
        .set((
            outbox::status.eq(Status::Queued.as_str()),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::locked_by.eq(None::<String>),
            outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}

/// Which of `emails` the mailings `mailing_ids` reached or are reaching
/// (every message not failed or cancelled).
pub fn reached(
    conn: &mut DbConn,
    mailing_ids: &[String],
    emails: &[String],
) -> QueryResult<std::collections::HashSet<String>> {
    let mut found = std::collections::HashSet::new();
    if mailing_ids.is_empty() {
        return Ok(found);
    }
    let gone = [Status::Failed.as_str(), Status::Cancelled.as_str()];
    for chunk in emails.chunks(1_000) {
        let rows: Vec<String> = outbox::table
            .filter(outbox::mailing_id.eq_any(mailing_ids))
            .filter(outbox::recipient.eq_any(chunk))
            .filter(outbox::status.ne_all(gone))
            .select(outbox::recipient)
            .distinct()
            .load(conn)?;
        found.extend(rows);
    }
    Ok(found)
}

/// A message of a mailing to one address, as the contact's page lists it.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct ReceivedRow {
    pub mailing_id: Option<String>,
    pub subject: String,
    pub status: Status,
    pub attempts: i32,
    pub last_response: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// The latest mailing messages of the coalition to `email`, newest first.
pub fn received_by(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    limit: i64,
) -> QueryResult<Vec<ReceivedRow>> {
    outbox::table
        .filter(outbox::coalition_id.eq(coalition_id))
        .filter(outbox::recipient.eq(email.trim().to_lowercase()))
        .filter(outbox::mailing_id.is_not_null())
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .select(ReceivedRow::as_select())
        .load(conn)
}
