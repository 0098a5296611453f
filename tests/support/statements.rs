//! Statements as a coordinator writes them: drafts, edits, revisions and
//! opening one for signatures.

use reqwest::StatusCode;
use undersigned::statements::{self, Revision, Statement};

use super::app::TestApp;
use super::coordinators::{COALITION_SLUG, Session, location};

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

impl TestApp {
    /// Creates a statement through the form; returns its id.
    pub async fn create_statement(
        &self,
        session: &Session,
        coalition_slug: &str,
        title: &str,
        language: &str,
        body: &str,
    ) -> String {
        let response = session
            .post(
                &format!("/c/{coalition_slug}/statements/new"),
                &[("title", title), ("language", language), ("body", body)],
            )
            .await;
        assert_eq!(response.status(), 303, "the statement is created");
        location(&response)
            .rsplit('/')
            .next()
            .expect("a statement id")
            .to_owned()
    }

    pub async fn statement(&self, id: &str) -> Statement {
        let id = id.to_owned();
        self.with_conn(move |c| {
            statements::find_any(c, &id)
                .expect("query")
                .expect("the statement exists")
        })
        .await
    }

    /// Moves a statement to `to` through its dashboard's button.
    pub async fn set_status(&self, session: &Session, id: &str, to: &str) -> StatusCode {
        session
            .post(
                &format!("/c/{COALITION_SLUG}/statements/{id}/status"),
                &[("to", to)],
            )
            .await
            .status()
    }

    /// Saves the settings form: the statement's current settings with
    /// `changes` applied.
    pub async fn save_settings(
        &self,
        session: &Session,
        id: &str,
        changes: &[(&str, &str)],
    ) -> reqwest::Response {
        let s = self.statement(id).await;
        let stamp = |t: Option<chrono::NaiveDateTime>| {
            t.map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default()
        };
        let mut form: Vec<(String, String)> = vec![
            ("slug".into(), s.slug.clone()),
            ("language".into(), s.language.clone()),
            ("signers".into(), s.signers.as_str().to_owned()),
            ("list_order".into(), s.list_order.as_str().to_owned()),
            ("deadline_at".into(), stamp(s.deadline_at)),
            ("publish_at".into(), stamp(s.publish_at)),
            ("list_public_at".into(), stamp(s.list_public_at)),
        ];
        if s.requires_approval {
            form.push(("requires_approval".into(), "on".into()));
        }
        for (name, value) in changes {
            form.retain(|(n, _)| n != name);
            form.push(((*name).into(), (*value).into()));
        }
        let fields: Vec<(&str, &str)> =
            form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        session
            .post(
                &format!("/c/{COALITION_SLUG}/statements/{id}/settings"),
                &fields,
            )
            .await
    }

    /// The private preview link of a statement, as its dashboard shows it.
    pub async fn preview_path(&self, session: &Session, statement_id: &str) -> String {
        let (_, page) = session
            .page(&format!("/c/{COALITION_SLUG}/statements/{statement_id}"))
            .await;
        let prefix = format!("/preview/{statement_id}/");
        let start = page.find(&prefix).expect("a preview link on the dashboard");
        let token: String = page[start + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        format!("{prefix}{token}")
    }
}
