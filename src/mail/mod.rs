//! Mail: the outbox that operations write to inside their own transaction,
//! the worker that delivers it, the transports, and the templates in
//! `emails/`. Nothing is ever sent from inside a request.

mod db;
mod dkim_key;
mod mailing;
mod mailing_db;
mod message;
pub mod templates;
mod transport;
mod worker;

use diesel::QueryResult;
use lettre::message::Mailbox;

use crate::config::Settings;
use crate::db::{DbConn, text_enum};

pub use mailing::{
    Delivery, DeliveryState, MailingTag, Progress, Received, cancel, cancel_unsent_to, deliveries,
    enqueue_for_mailing, hold, progress, reached_count, received_by, resume, retry_given_up,
};
pub use templates::Rendered;
pub use transport::Transport;
pub use worker::{Bounces, Worker, WorkerOptions, instance_name};

/// Where mail comes from and what its links point to.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub base_url: String,
    pub from: Mailbox,
}

impl MailContext {
    /// The context for a server whose public address is `base_url`.
    pub fn new(settings: &Settings, base_url: String) -> anyhow::Result<Self> {
        let address = settings
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("UNDERSIGNED_MAIL_FROM is not an email address: {e}"))?;
        Ok(Self {
            base_url,
            from: Mailbox::new(Some(settings.mail_from_name.clone()), address),
        })
    }

    /// The domain that Message-IDs are made in.
    fn message_id_domain(&self) -> &str {
        self.from.email.domain()
    }
}

/// Transactional mail (confirmations, links) goes out before bulk mailings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Transactional,
    Bulk,
}

impl Priority {
    pub(crate) fn rank(self) -> i32 {
        match self {
            Self::Transactional => 0,
            Self::Bulk => 10,
        }
    }
}

/// Who a mail speaks for when it is a coalition rather than the instance:
/// the display name shown beside the instance's own address (the address
/// stays the one its domain's SPF and DKIM vouch for), and where replies go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sender {
    pub name: Option<String>,
    pub reply_to: Option<String>,
}

/// One mail to one recipient, ready to be stored in the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// What the mail is for ("setup", "confirm-signature", …).
    pub purpose: String,
    /// The object it is about; with purpose and recipient it makes the idempotency key.
    pub subject_id: String,
    pub to: String,
    pub to_name: Option<String>,
    pub content: Rendered,
    /// Extra headers, such as `List-Unsubscribe`.
    pub headers: Vec<(String, String)>,
    pub priority: Priority,
    /// The instance's sender when left at its default.
    pub sender: Sender,
}

impl OutgoingMail {
    /// The key that makes enqueueing the same mail twice store it once.
    pub fn idempotency_key(&self) -> String {
        format!(
            "{}:{}:{}",
            self.purpose,
            self.to.trim().to_lowercase(),
            self.subject_id
        )
    }
}

text_enum!(
    /// Where a row of the outbox stands.
    Status {
        /// Waiting to be sent, for the first time or again after a temporary failure.
        Queued => "queued",
        Sent => "sent",
        /// Refused for good (5xx), or out of attempts.
        Failed => "failed",
        /// Part of a paused mailing: kept, not sent until resumed.
        Held => "held",
        /// Part of a cancelled mailing: never sent.
        Cancelled => "cancelled",
    }
);

/// The outcome of [`enqueue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enqueued {
    pub id: String,
    /// False when the same mail was already in the outbox.
    pub newly_queued: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum EnqueueError {
    #[error("{0} is not a valid email address")]
    InvalidAddress(String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Stores a mail in the outbox. Call it inside the transaction of the
/// operation that causes the mail: if that rolls back, no mail exists.
pub fn enqueue(
    conn: &mut DbConn,
    context: &MailContext,
    mail: &OutgoingMail,
) -> Result<Enqueued, EnqueueError> {
    if mail.to.trim().parse::<lettre::Address>().is_err() {
        return Err(EnqueueError::InvalidAddress(mail.to.clone()));
    }
    let id = crate::db::new_id();
    let message_id = format!("<{id}@{}>", context.message_id_domain());
    let row = db::NewRow::new(&id, mail, &message_id, crate::db::now());
    let inserted = db::insert_unless_present(conn, &row)?;
    if inserted {
        return Ok(Enqueued {
            id,
            newly_queued: true,
        });
    }
    let existing = db::id_for_key(conn, &row.idempotency_key)?;
    Ok(Enqueued {
        id: existing,
        newly_queued: false,
    })
}

/// How many mails with one of `purposes` were queued for `email` since `since`.
pub fn count_recent(
    conn: &mut DbConn,
    email: &str,
    purposes: &[&str],
    since: chrono::NaiveDateTime,
) -> QueryResult<i64> {
    db::count_recent(conn, &email.trim().to_lowercase(), purposes, since)
}

/// Status and server reply of one outbox row.
pub fn status_of(conn: &mut DbConn, id: &str) -> QueryResult<(Status, Option<String>)> {
    db::status_of(conn, id)
}

/// Queues the message that `undersigned mail-test` sends.
pub fn enqueue_test_message(
    conn: &mut DbConn,
    context: &MailContext,
    to: &str,
) -> anyhow::Result<String> {
    let now = crate::db::now();
    let content = templates::render(
        "test-message",
        &serde_json::json!({ "base_url": context.base_url, "sent_at": now.format("%Y-%m-%d %H:%M UTC").to_string() }),
    )?;
    let mail = OutgoingMail {
        purpose: "test-message".into(),
        subject_id: now.and_utc().timestamp_micros().to_string(),
        to: to.to_owned(),
        to_name: None,
        content,
        headers: Vec::new(),
        priority: Priority::Transactional,
        sender: Sender::default(),
    };
    Ok(enqueue(conn, context, &mail)?.id)
}

/// The DKIM signer, when selector, domain and key file are all configured.
pub fn load_dkim(settings: &Settings) -> anyhow::Result<Option<message::Dkim>> {
    match (
        &settings.dkim_selector,
        &settings.dkim_domain,
        &settings.dkim_key_file,
    ) {
        (Some(selector), Some(domain), Some(key_file)) => Ok(Some(message::Dkim::load(
            selector,
            domain,
            key_file,
            settings.dkim_algorithm,
        )?)),
        (None, None, None) => Ok(None),
        _ => anyhow::bail!(
            "DKIM needs all of UNDERSIGNED_DKIM_SELECTOR, UNDERSIGNED_DKIM_DOMAIN and UNDERSIGNED_DKIM_KEY_FILE"
        ),
    }
}

/// Blanks the text and HTML of every mail that went (or was given up or
/// cancelled) before `before`: its links (confirmations, password resets)
/// stop existing anywhere, while recipient, state, server reply and
/// Message-ID stay for the delivery log. Returns how many were blanked.
/// The outbox counted by state and priority, for the metrics.
pub fn outbox_depth(conn: &mut DbConn) -> QueryResult<Vec<db::Depth>> {
    db::depth(conn)
}

pub fn blank_bodies_before(conn: &mut DbConn, before: chrono::NaiveDateTime) -> QueryResult<usize> {
    const BATCH: i64 = 2000;
    let mut blanked = 0;
    loop {
        let done = db::blank_bodies_before(conn, before, BATCH)?;
        blanked += done;
        if done < BATCH as usize {
            return Ok(blanked);
        }
    }
}

/// Deletes the `.eml` files the file transport wrote before `before`.
pub fn prune_mail_files(
    dir: &std::path::Path,
    before: std::time::SystemTime,
) -> std::io::Result<usize> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < before);
        if old && path.extension().is_some_and(|e| e == "eml") {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}
