//! Helpers for tests of signing: an open statement, the public form as a
//! signer fills it, the mail the app queued and the links in it, the rows
//! behind them, and readers for the coordinator's list of signatures.

use diesel::prelude::*;
use undersigned::db::schema::{
    audit_log, outbox, outbox_bodies, sign_invitations, signatures, suppressions, tokens,
};
use undersigned::signatures::Signature;
use undersigned::signatures::invitations::Invitation;

use super::app::TestApp;
use super::coordinators::{COALITION_SLUG, Session, browser};
use super::pages::{signed_by, unescape};
use super::statements::{BODY, TITLE};

/// The address of the statement every test here opens.
pub const SLUG: &str = "water-for-all";

/// The first coordinator and an open statement ([`TITLE`], [`BODY`]) with
/// `changes` to its settings saved before it opens.
pub async fn open_statement(app: &TestApp, changes: &[(&str, &str)]) -> (Session, String) {
    let owner = app.setup_first_account().await;
    let id = app
        .create_statement(&owner, COALITION_SLUG, TITLE, "en", BODY)
        .await;
    if !changes.is_empty() {
        let saved = app.save_settings(&owner, &id, changes).await;
        assert_eq!(saved.status(), 303, "the settings are saved");
    }
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    (owner, id)
}

/// The public sign-on form as a person fills it in.
#[derive(Debug, Clone)]
pub struct SignOnForm(Vec<(String, String)>);

impl SignOnForm {
    /// An organization from Mexico, signed by Ana Núñez, with every box ticked.
    pub fn organization(name: &str, email: &str) -> Self {
        Self(
            [
                ("kind", "organization"),
                ("organization", name),
                ("country", "MX"),
                ("website", ""),
                ("signer_name", "Ana Núñez"),
                ("signer_title", "Coordinator"),
                ("email", email),
                ("authorized", "on"),
                ("comment", ""),
                ("lang", "en"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        )
    }

    /// The form with `name` set to `value`.
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.0.retain(|(k, _)| k != name);
        self.0.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The form without the field `name` (an unticked checkbox).
    pub fn without(mut self, name: &str) -> Self {
        self.0.retain(|(k, _)| k != name);
        self
    }

    pub fn fields(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A form POST from a fresh browser to `path`.
pub async fn post_form(app: &TestApp, path: &str, form: &[(String, String)]) -> reqwest::Response {
    browser()
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

/// A POST without a body from a fresh browser (a button without fields).
pub async fn press(app: &TestApp, path: &str) -> reqwest::Response {
    post_form(app, path, &[]).await
}

/// A GET from a fresh browser.
pub async fn visit(app: &TestApp, path: &str) -> (u16, String) {
    let response = browser()
        .get(app.url(path))
        .send()
        .await
        .expect("request sent");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// Sends the public sign-on form of [`SLUG`].
pub async fn sign(app: &TestApp, form: &SignOnForm) -> reqwest::Response {
    post_form(app, &format!("/s/{SLUG}/sign"), form.fields()).await
}

/// Signs through the public form and presses Confirm on the mailed link;
/// returns the signature's id.
pub async fn sign_and_confirm(app: &TestApp, form: &SignOnForm) -> String {
    let signed = sign(app, form).await;
    assert_eq!(
        signed.status(),
        303,
        "{} is accepted",
        form.get("organization")
    );
    let link = latest_link(app, form.get("email"), "confirm-signature", "/confirm/").await;
    let confirmed = press(app, &link).await;
    assert_eq!(confirmed.status(), 200, "{link} confirms");
    signature_by_email(app, form.get("email")).await.id
}

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

/// Every mail queued for `recipient`, oldest first.
pub async fn queued_to(app: &TestApp, recipient: &str) -> Vec<Queued> {
    let recipient = recipient.to_lowercase();
    app.with_conn(move |c| {
        outbox::table
            .filter(outbox::recipient.eq(recipient))
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
    .await
}

/// The mails with `purpose` queued for `recipient`, oldest first.
pub async fn queued(app: &TestApp, recipient: &str, purpose: &str) -> Vec<Queued> {
    queued_to(app, recipient)
        .await
        .into_iter()
        .filter(|m| m.purpose == purpose)
        .collect()
}

/// Every mail in the outbox with `purpose`.
pub async fn queued_with_purpose(app: &TestApp, purpose: &str) -> Vec<Queued> {
    let purpose = purpose.to_owned();
    app.with_conn(move |c| {
        outbox::table
            .filter(outbox::purpose.eq(purpose))
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
    .await
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

/// Every signature of a statement, oldest first.
pub async fn signatures_of(app: &TestApp, statement_id: &str) -> Vec<Signature> {
    let id = statement_id.to_owned();
    app.with_conn(move |c| {
        signatures::table
            .filter(signatures::statement_id.eq(id))
            .order((signatures::created_at, signatures::id))
            .select(Signature::as_select())
            .load(c)
            .expect("signatures")
    })
    .await
}

/// The one signature of `email` (on any statement).
pub async fn signature_by_email(app: &TestApp, email: &str) -> Signature {
    let email = email.to_lowercase();
    let mut found: Vec<Signature> = app
        .with_conn(move |c| {
            signatures::table
                .filter(signatures::email.eq(email))
                .select(Signature::as_select())
                .load(c)
                .expect("signatures")
        })
        .await;
    assert_eq!(found.len(), 1, "one signature of this address");
    found.remove(0)
}

pub async fn signature(app: &TestApp, id: &str) -> Signature {
    let id = id.to_owned();
    app.with_conn(move |c| {
        undersigned::signatures::find(c, &id)
            .expect("query")
            .expect("the signature exists")
    })
    .await
}

/// Every invitation to sign of a statement.
pub async fn invitations_of(app: &TestApp, statement_id: &str) -> Vec<Invitation> {
    let id = statement_id.to_owned();
    app.with_conn(move |c| {
        sign_invitations::table
            .filter(sign_invitations::statement_id.eq(id))
            .order(sign_invitations::email)
            .select(Invitation::as_select())
            .load(c)
            .expect("invitations")
    })
    .await
}

/// Everything a link could change: signatures, invitations, suppressions,
/// tokens, queued mail and the audit log, as text to compare.
pub async fn snapshot(app: &TestApp) -> String {
    app.with_conn(|c| {
        let signatures: Vec<Signature> = signatures::table
            .order(signatures::id)
            .select(Signature::as_select())
            .load(c)
            .expect("signatures");
        let invitations: Vec<Invitation> = sign_invitations::table
            .order(sign_invitations::id)
            .select(Invitation::as_select())
            .load(c)
            .expect("invitations");
        let suppressed: Vec<(String, String, String)> = suppressions::table
            .order((suppressions::coalition_id, suppressions::email))
            .select((
                suppressions::coalition_id,
                suppressions::email,
                suppressions::reason,
            ))
            .load(c)
            .expect("suppressions");
        let tokens: Vec<(String, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)> =
            tokens::table
                .order(tokens::id)
                .select((tokens::id, tokens::expires_at, tokens::used_at))
                .load(c)
                .expect("tokens");
        let mails: i64 = outbox::table.count().get_result(c).expect("outbox");
        let audit: i64 = audit_log::table.count().get_result(c).expect("audit log");
        format!(
            "{signatures:#?}\n{invitations:#?}\n{suppressed:#?}\n{tokens:#?}\nmails: {mails}\naudit: {audit}"
        )
    })
    .await
}

/// The names on the public list of [`SLUG`], every section together.
pub async fn listed(app: &TestApp) -> Vec<String> {
    let (status, page) = visit(app, &format!("/s/{SLUG}")).await;
    assert_eq!(status, 200);
    signed_by(&page).into_iter().flatten().collect()
}

/// The public JSON of [`SLUG`].
pub async fn public_json(app: &TestApp) -> serde_json::Value {
    let (status, body) = visit(app, &format!("/s/{SLUG}.json")).await;
    assert_eq!(status, 200);
    serde_json::from_str(&body).expect("JSON")
}

/// The coordinator's list of signatures of a statement.
pub fn signatures_path(statement_id: &str) -> String {
    format!("/c/{COALITION_SLUG}/statements/{statement_id}/signatures")
}

/// The rows of the coordinator's list, each as its cells' text joined by
/// " | ", for `query` (such as "?flag=duplicate").
pub async fn coordinator_rows(session: &Session, statement_id: &str, query: &str) -> Vec<String> {
    let (status, page) = session
        .page(&format!("{}{query}", signatures_path(statement_id)))
        .await;
    assert_eq!(status, 200, "the list of signatures opens");
    table_rows(&page)
}

/// The rows of the first table body on a page, each as its cells' text
/// joined by " | ".
pub fn table_rows(page: &str) -> Vec<String> {
    let Some(body) = page.split("<tbody>").nth(1) else {
        return Vec::new();
    };
    let body = body.split("</tbody>").next().unwrap_or_default();
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td>")
                .skip(1)
                .map(|cell| text_of(cell.split("</td>").next().unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// The row of the coordinator's list that names `name`.
pub fn row_of<'a>(rows: &'a [String], name: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(name))
        .unwrap_or_else(|| panic!("a row for {name} in {rows:#?}"))
}

/// The text of some HTML: tags dropped, entities undone, spaces collapsed.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
