//! Statements as a coordinator writes them: drafts, edits, revisions and
//! opening one for signatures.

use undersigned::statements::{self, Revision};

use super::app::TestApp;
use super::coordinators::{COALITION_SLUG, Session};

pub const TITLE: &str = "Water for all";
pub const BODY: &str = "We call for clean water in every town.";

/// What the statements of [`open_statement_in`] say.
pub const AGREED: &str = "We, the undersigned, agree.";

/// The first coordinator and a draft statement of theirs ([`TITLE`],
/// [`BODY`]).
pub async fn draft(app: &TestApp) -> (Session, String) {
    draft_saying(app, TITLE, "en", BODY).await
}

/// The first coordinator and their draft `title` in `language`, saying `body`.
pub async fn draft_saying(
    app: &TestApp,
    title: &str,
    language: &str,
    body: &str,
) -> (Session, String) {
    let owner = app.setup_first_account().await;
    let id = app
        .create_statement(&owner, COALITION_SLUG, title, language, body)
        .await;
    (owner, id)
}

/// Saves `changes` to the statement's settings, when there are any, then
/// opens it for signatures.
pub async fn open(app: &TestApp, owner: &Session, id: &str, changes: &[(&str, &str)]) {
    if !changes.is_empty() {
        let saved = app.save_settings(owner, id, changes).await;
        assert_eq!(saved.status(), 303, "the settings are saved");
    }
    assert_eq!(app.set_status(owner, id, "open").await, 303);
}

/// The first coordinator and their statement `title` in `language`, saying
/// [`AGREED`], opened with `changes` to its settings saved first.
pub async fn open_statement_in(
    app: &TestApp,
    title: &str,
    language: &str,
    changes: &[(&str, &str)],
) -> (Session, String) {
    let (owner, id) = draft_saying(app, title, language, AGREED).await;
    open(app, &owner, &id, changes).await;
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
