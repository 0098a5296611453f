//! Statements as a coordinator writes them: drafts, edits, revisions and
//! opening one for signatures.

use undersigned::statements::{self, Revision};

use super::app::TestApp;
use super::coordinators::{COALITION_SLUG, Session, browser};

pub const TITLE: &str = "Water for all";
pub const BODY: &str = "We call for clean water in every town.";

/// The first coordinator and a draft statement of theirs.
pub async fn draft(app: &TestApp) -> (Session, String) {
    let owner = app.setup_first_account().await;
    let id = app
        .create_statement(&owner, COALITION_SLUG, TITLE, "en", BODY)
        .await;
    (owner, id)
}

pub fn statement_path(id: &str) -> String {
    format!("/c/{COALITION_SLUG}/statements/{id}")
}

pub async fn revisions(app: &TestApp, id: &str, language: &str) -> Vec<Revision> {
    let (id, language) = (id.to_owned(), language.to_owned());
    app.with_conn(move |c| {
        let version = statements::version(c, &id, &language)
            .expect("query")
            .expect("the version exists");
        statements::revisions(c, &version.id).expect("revisions")
    })
    .await
}

pub async fn edit(
    session: &Session,
    id: &str,
    language: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    session
        .post(&format!("{}/edit/{language}", statement_path(id)), fields)
        .await
}

pub async fn public(app: &TestApp, path: &str) -> (u16, String) {
    let response = browser().get(app.url(path)).send().await.expect("sent");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The first coordinator and an open statement in `language`, with `changes`
/// to its settings saved before it opens.
pub async fn open_statement(
    app: &TestApp,
    title: &str,
    language: &str,
    changes: &[(&str, &str)],
) -> (Session, String) {
    let owner = app.setup_first_account().await;
    let id = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            title,
            language,
            "We, the undersigned, agree.",
        )
        .await;
    if !changes.is_empty() {
        assert_eq!(app.save_settings(&owner, &id, changes).await.status(), 303);
    }
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    (owner, id)
}
