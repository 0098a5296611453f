//! The outbox: mail queued through the library, the mail the app queued
//! and the links in it, and the messages the file transport wrote.

use diesel::prelude::*;
use undersigned::config::Settings;
use undersigned::db::schema::{outbox, outbox_bodies};
use undersigned::mail::{self, MailContext, OutgoingMail, Priority};

use super::app::TestApp;

/// A mail in the outbox.
#[derive(Debug, Clone)]
pub struct Queued {
    pub id: String,
    pub purpose: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
}

type QueuedRow = (String, String, String, String, Option<(String, String)>);

impl From<QueuedRow> for Queued {
    fn from((id, purpose, recipient, subject, body): QueuedRow) -> Self {
        let (text_body, html_body) = body.unwrap_or_default();
        Self {
            id,
            purpose,
            recipient,
            subject,
            text_body,
            html_body,
        }
    }
}

/// Every mail in the outbox that `keep` keeps, oldest first.
async fn queued_where(app: &TestApp, keep: impl Fn(&Queued) -> bool) -> Vec<Queued> {
    let all: Vec<Queued> = app
        .with_conn(|c| {
            outbox::table
                .order((outbox::created_at, outbox::id))
                .left_join(outbox_bodies::table)
                .select((
                    outbox::id,
                    outbox::purpose,
                    outbox::recipient,
                    outbox::subject,
                    (outbox_bodies::text_body, outbox_bodies::html_body).nullable(),
                ))
                .load::<QueuedRow>(c)
                .expect("outbox rows")
                .into_iter()
                .map(Queued::from)
                .collect()
        })
        .await;
    all.into_iter().filter(|m| keep(m)).collect()
}

/// Every mail queued for `recipient`, oldest first.
pub async fn queued_to(app: &TestApp, recipient: &str) -> Vec<Queued> {
    let recipient = recipient.to_lowercase();
    queued_where(app, |m| m.recipient == recipient).await
}

/// The mails with `purpose` queued for `recipient`, oldest first.
pub async fn queued(app: &TestApp, recipient: &str, purpose: &str) -> Vec<Queued> {
    let recipient = recipient.to_lowercase();
    queued_where(app, |m| m.recipient == recipient && m.purpose == purpose).await
}

/// Every mail in the outbox with `purpose`, oldest first.
pub async fn queued_with_purpose(app: &TestApp, purpose: &str) -> Vec<Queued> {
    queued_where(app, |m| m.purpose == purpose).await
}

/// The path of the first link to this app starting with `prefix` in `text`.
pub fn link_in(app: &TestApp, text: &str, prefix: &str) -> Option<String> {
    let full = format!("{}{prefix}", app.address);
    let start = text.find(&full)? + app.address.len();
    Some(
        text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/'))
            .collect(),
    )
}

/// The link starting with `prefix` in the latest `purpose` mail to `recipient`.
pub async fn latest_link(app: &TestApp, recipient: &str, purpose: &str, prefix: &str) -> String {
    let mails = queued(app, recipient, purpose).await;
    let mail = mails
        .last()
        .unwrap_or_else(|| panic!("a {purpose} mail to {recipient}"));
    link_in(app, &mail.text_body, prefix)
        .unwrap_or_else(|| panic!("a link {prefix}… in {}", mail.text_body))
}

/// The message the app wrote for an outbox row, once delivered.
pub async fn eml(app: &TestApp, outbox_id: &str) -> String {
    app.wait_for_outbox_to_settle().await;
    let path = app
        .data_dir
        .path()
        .join("mail")
        .join(format!("{outbox_id}.eml"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the library needs to write mail for the app at `base_url`, with
/// the tests' sender address.
pub fn mail_context(base_url: &str) -> MailContext {
    let settings = Settings {
        mail_from: "statements@undersigned.test".into(),
        ..Settings::default()
    };
    MailContext::new(&settings, base_url.to_owned()).expect("mail context")
}

/// The mail context of mail queued outside any running app.
pub fn context() -> MailContext {
    mail_context("http://undersigned.test")
}

/// A test message to `to`, sent at once (not bulk).
pub fn mail_to(to: &str, subject_id: &str) -> OutgoingMail {
    let content = mail::templates::render(
        "test-message",
        &serde_json::json!({ "base_url": "http://undersigned.test", "sent_at": "today" }),
    )
    .expect("template renders");
    OutgoingMail {
        purpose: "test".into(),
        subject_id: subject_id.into(),
        to: to.into(),
        to_name: Some("Ana Núñez".into()),
        content,
        headers: vec![("X-Undersigned-Test".into(), "yes".into())],
        priority: Priority::Transactional,
        sender: mail::Sender::default(),
    }
}

/// Queues `count` bulk mails, one to each recipient it returns.
pub async fn enqueue_bulk(app: &TestApp, count: usize) -> Vec<String> {
    let recipients: Vec<String> = (0..count).map(|i| format!("r{i}@example.org")).collect();
    let mails: Vec<OutgoingMail> = recipients
        .iter()
        .map(|r| OutgoingMail {
            priority: Priority::Bulk,
            ..mail_to(r, "crash")
        })
        .collect();
    app.with_conn(move |c| {
        for mail in &mails {
            mail::enqueue(c, &context(), mail).expect("enqueued");
        }
    })
    .await;
    recipients
}
