//! The coordinator's side of signatures: rows stored through the library,
//! the list with its moderation form, imports and the CSV export, and the
//! rows behind them.

use std::collections::HashMap;

use diesel::prelude::*;
use undersigned::db::schema::{
    audit_log, outbox, sign_invitations, signatures, suppressions, tokens,
};
use undersigned::i18n::CountryCode;
use undersigned::signatures::invitations::Invitation;
use undersigned::signatures::{self as library, Kind, NewSignature, Signature, Source};

use super::app::{TestApp, header_of};
use super::contacts::apply_as_shown;
use super::coordinators::{COALITION_SLUG, Session, location};
use super::pages::table_rows;

/// Sends the moderation form of `statement`'s list.
pub async fn moderate(
    owner: &Session,
    statement: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    owner
        .post(&format!("{}/moderate", signatures_path(statement)), fields)
        .await
}

/// Pastes `list` on the import page of `statement`. With `step`
/// "preview", answers the preview in `mode` (or the refusal of a list that
/// cannot be read); with "apply", imports as previewed, waits for the end
/// and answers where the finished import leads.
pub async fn import(
    owner: &Session,
    statement: &str,
    list: &str,
    mode: &str,
    step: &str,
) -> reqwest::Response {
    let uploaded = owner
        .post(
            &format!("{}/import", signatures_path(statement)),
            &[("csv", list)],
        )
        .await;
    if uploaded.status() != 303 {
        return uploaded;
    }
    let preview = location(&uploaded);
    if step == "preview" {
        return owner.get(&format!("{preview}?mode={mode}")).await;
    }
    let progress = apply_as_shown(owner, &preview, &format!("?mode={mode}")).await;
    assert_eq!(progress["state"], "done", "{progress}");
    owner.get(&format!("{preview}/progress")).await
}

/// The CSV export as one map of column to cell per row.
pub async fn csv_rows(owner: &Session, statement: &str) -> (String, Vec<HashMap<String, String>>) {
    let response = owner
        .get(&format!("{}.csv", signatures_path(statement)))
        .await;
    assert_eq!(response.status(), 200);
    let content_type = header_of(&response, reqwest::header::CONTENT_TYPE);
    let body = response.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("a header line")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.expect("a row").iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (content_type, rows)
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

/// The row of the coordinator's list that names `name`.
pub fn row_of<'a>(rows: &'a [String], name: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(name))
        .unwrap_or_else(|| panic!("a row for {name} in {rows:#?}"))
}

/// A confirmed organization, listed unless the statement needs approval.
pub fn organization(name: &str, country: Option<&str>) -> NewSignature {
    confirmed(Kind::Organization, name, country)
}

/// A confirmed individual.
pub fn individual(name: &str, country: Option<&str>) -> NewSignature {
    confirmed(Kind::Individual, name, country)
}

fn confirmed(kind: Kind, name: &str, country: Option<&str>) -> NewSignature {
    NewSignature {
        kind,
        name: name.to_owned(),
        country: country.map(|c| CountryCode::parse(c).expect("an ISO 3166 code")),
        website: None,
        affiliation: None,
        city: None,
        signer_name: Some("Signer".into()),
        signer_title: None,
        email: format!("{}@signers.example.org", uuid::Uuid::new_v4().simple()),
        status: library::Status::Confirmed,
        source: Source::Form,
        revision_id: None,
        confirmed_at: Some(undersigned::db::now()),
    }
}

impl TestApp {
    /// Stores signatures through the library, in one transaction.
    pub async fn add_signatures(&self, statement_id: &str, new: Vec<NewSignature>) {
        let id = statement_id.to_owned();
        self.with_conn(move |c| {
            undersigned::db::transaction(c, |c| {
                let statement =
                    undersigned::statements::find_any(c, &id)?.expect("the statement exists");
                for signature in &new {
                    library::insert(c, &statement, signature)?;
                }
                Ok::<_, diesel::result::Error>(())
            })
            .expect("signatures stored")
        })
        .await;
    }
}
