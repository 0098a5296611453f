//! The outbox as seen by a mailing (a press release or an update sent to
//! many people): its rows are written together, tagged with the mailing,
//! and can be held, released, cancelled and read back as a delivery log.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::{EnqueueError, MailContext, OutgoingMail, Status, db, mailing_db};
use crate::db::DbConn;

/// What ties outbox rows to a mailing and to the coalition whose
/// suppression list a hard bounce goes on.
#[derive(Debug, Clone)]
pub struct MailingTag {
    pub mailing_id: String,
    pub coalition_id: String,
}

/// Stores one mail per recipient for a mailing, in multi-row statements.
/// Addresses are stored in lowercase, the form the suppression list uses.
/// Call it inside the transaction that starts the mailing. A mail already
/// stored (same idempotency key) is skipped, so starting twice sends once.
pub fn enqueue_for_mailing(
    conn: &mut DbConn,
    context: &MailContext,
    tag: &MailingTag,
    mails: &[OutgoingMail],
) -> Result<usize, EnqueueError> {
    let now = crate::db::now();
    let ids: Vec<(String, String)> = mails
        .iter()
        .map(|_| {
            let id = crate::db::new_id();
            let message_id = format!("<{id}@{}>", context.message_id_domain());
            (id, message_id)
        })
        .collect();
    let lowercase: Vec<String> = mails.iter().map(|m| m.to.trim().to_lowercase()).collect();
    let mut rows = Vec::with_capacity(mails.len());
    for (index, (mail, (id, message_id))) in mails.iter().zip(&ids).enumerate() {
        if mail.to.trim().parse::<lettre::Address>().is_err() {
            return Err(EnqueueError::InvalidAddress(mail.to.clone()));
        }
        let mut row = db::NewRow::new(id, mail, message_id, now);
        row.recipient = &lowercase[index];
        row.mailing_id = Some(&tag.mailing_id);
        row.coalition_id = Some(&tag.coalition_id);
        rows.push(row);
    }
    Ok(db::insert_many_unless_present(conn, &rows)?)
}

/// Where one recipient's mail stands, as the delivery log shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    Queued,
    /// A temporary failure; the worker tries again later.
    Deferred,
    Sent,
    /// Refused for good by the receiving server (5xx): the address is suppressed.
    Bounced,
    /// Given up after every attempt, or the mail could not be built.
    Failed,
    /// Waiting while the mailing is paused.
    Paused,
    Cancelled,
}

impl DeliveryState {
    pub const ALL: [Self; 7] = [
        Self::Queued,
        Self::Deferred,
        Self::Sent,
        Self::Bounced,
        Self::Failed,
        Self::Paused,
        Self::Cancelled,
    ];

    fn of(status: Status, attempts: i32, reply: Option<&str>) -> Self {
        match status {
            Status::Queued if attempts > 0 => Self::Deferred,
            Status::Queued => Self::Queued,
            Status::Sent => Self::Sent,
            Status::Failed if reply.is_some_and(is_permanent_reply) => Self::Bounced,
            Status::Failed => Self::Failed,
            Status::Held => Self::Paused,
            Status::Cancelled => Self::Cancelled,
        }
    }

    /// The state in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::t(lang, &format!("delivery-{}", self.as_str()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Deferred => "deferred",
            Self::Sent => "sent",
            Self::Bounced => "bounced",
            Self::Failed => "failed",
            Self::Paused => "paused",
            Self::Cancelled => "cancelled",
        }
    }
}

/// Whether a server reply is a permanent refusal (an SMTP 5xx code).
pub(crate) fn is_permanent_reply(reply: &str) -> bool {
    let mut chars = reply.chars();
    chars.next() == Some('5') && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// How many of a mailing's mails are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub queued: i64,
    pub deferred: i64,
    pub sent: i64,
    pub bounced: i64,
    pub failed: i64,
    pub paused: i64,
    pub cancelled: i64,
}

impl Progress {
    pub fn total(&self) -> i64 {
        self.queued
            + self.deferred
            + self.sent
            + self.bounced
            + self.failed
            + self.paused
            + self.cancelled
    }

    /// Mails that may still be sent.
    pub fn remaining(&self) -> i64 {
        self.queued + self.deferred + self.paused
    }

    pub fn get(&self, state: DeliveryState) -> i64 {
        match state {
            DeliveryState::Queued => self.queued,
            DeliveryState::Deferred => self.deferred,
            DeliveryState::Sent => self.sent,
            DeliveryState::Bounced => self.bounced,
            DeliveryState::Failed => self.failed,
            DeliveryState::Paused => self.paused,
            DeliveryState::Cancelled => self.cancelled,
        }
    }

    fn add(&mut self, state: DeliveryState, count: i64) {
        let slot = match state {
            DeliveryState::Queued => &mut self.queued,
            DeliveryState::Deferred => &mut self.deferred,
            DeliveryState::Sent => &mut self.sent,
            DeliveryState::Bounced => &mut self.bounced,
            DeliveryState::Failed => &mut self.failed,
            DeliveryState::Paused => &mut self.paused,
            DeliveryState::Cancelled => &mut self.cancelled,
        };
        *slot += count;
    }
}

pub fn progress(conn: &mut DbConn, mailing_id: &str) -> QueryResult<Progress> {
    let mut progress = Progress::default();
    for row in mailing_db::state_counts(conn, mailing_id)? {
        let state = DeliveryState::of(row.status, row.retried, row.bounced.then_some("550"));
        progress.add(state, row.count);
    }
    Ok(progress)
}

pub use mailing_db::{Delivery, deliveries};

impl Delivery {
    /// Where the mail stands, as the log shows it.
    pub fn state(&self) -> DeliveryState {
        DeliveryState::of(self.status, self.attempts, self.last_response.as_deref())
    }
}

/// Pauses: queued mails wait until [`resume`]. A mail already handed to
/// the SMTP server is not called back.
pub fn hold(conn: &mut DbConn, mailing_id: &str) -> QueryResult<usize> {
    mailing_db::set_status(conn, mailing_id, Status::Queued, Status::Held)
}

pub fn resume(conn: &mut DbConn, mailing_id: &str) -> QueryResult<usize> {
    mailing_db::set_status(conn, mailing_id, Status::Held, Status::Queued)
}

/// Queues again, once each, the mails of the mailing that were given up
/// after repeated deferrals; those refused for good stay as they are.
pub fn retry_given_up(conn: &mut DbConn, mailing_id: &str) -> QueryResult<usize> {
    mailing_db::retry_given_up(conn, mailing_id, crate::db::now())
}

/// Cancels every mail of the mailing not sent yet.
pub fn cancel(conn: &mut DbConn, mailing_id: &str) -> QueryResult<usize> {
    Ok(
        mailing_db::set_status(conn, mailing_id, Status::Queued, Status::Cancelled)?
            + mailing_db::set_status(conn, mailing_id, Status::Held, Status::Cancelled)?,
    )
}

/// Cancels the unsent bulk mails of a coalition to an address that has
/// just been suppressed, so an unsubscribe also stops a send under way.
/// A mailing message to one address.
#[derive(Debug, Clone)]
pub struct Received {
    pub mailing_id: String,
    pub subject: String,
    pub state: DeliveryState,
    /// When it was sent, or queued when not sent.
    pub at: NaiveDateTime,
}

/// The latest mailing messages (at most 50) of the coalition to `email`,
/// newest first.
pub fn received_by(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
) -> QueryResult<Vec<Received>> {
    Ok(mailing_db::received_by(conn, coalition_id, email, 50)?
        .into_iter()
        .map(|row| Received {
            mailing_id: row.mailing_id.unwrap_or_default(),
            subject: row.subject,
            state: DeliveryState::of(row.status, row.attempts, row.last_response.as_deref()),
            at: row.sent_at.unwrap_or(row.created_at),
        })
        .collect())
}

/// How many of `emails` the mailings `mailing_ids` reached or are
/// reaching.
pub fn reached_count(
    conn: &mut DbConn,
    mailing_ids: &[String],
    emails: &[String],
) -> QueryResult<usize> {
    Ok(super::mailing_db::reached(conn, mailing_ids, emails)?.len())
}

pub fn cancel_unsent_to(conn: &mut DbConn, coalition_id: &str, email: &str) -> QueryResult<usize> {
    mailing_db::cancel_unsent_to(conn, coalition_id, &email.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deferred_mail_is_a_queued_one_that_was_tried() {
        assert_eq!(
            DeliveryState::of(Status::Queued, 0, None),
            DeliveryState::Queued
        );
        assert_eq!(
            DeliveryState::of(Status::Queued, 2, Some("451 try later")),
            DeliveryState::Deferred
        );
    }

    #[test]
    fn only_a_5xx_refusal_is_a_bounce() {
        assert_eq!(
            DeliveryState::of(Status::Failed, 1, Some("550 5.1.1 no such user")),
            DeliveryState::Bounced
        );
        assert_eq!(
            DeliveryState::of(Status::Failed, 10, Some("gave up after 10 attempts")),
            DeliveryState::Failed
        );
        assert!(!is_permanent_reply("5"));
    }
}
