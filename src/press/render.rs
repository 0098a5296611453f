//! What a release says, filled in: the live signatory count and link of its
//! statement, the embargo mark, and the mail each recipient gets.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::{Release, Revision};
use crate::db::DbConn;
use crate::mail::Rendered;
use crate::mail::templates::{self, TemplateError};

/// `{{signatories}}` in a body becomes the statement's count of listed
/// signatories, `{{statement_link}}` its public address.
pub const COUNT_PLACEHOLDER: &str = "{{signatories}}";
pub const LINK_PLACEHOLDER: &str = "{{statement_link}}";

#[derive(Debug, thiserror::Error)]
#[error("the release mail could not be written: {0}")]
pub struct RenderError(#[from] TemplateError);

/// The statement a release links to, as it stands now.
#[derive(Debug, Clone)]
pub struct LinkedStatement {
    pub title: String,
    pub link: String,
    pub listed: i64,
}

/// A release revision with everything needed to show or mail it.
#[derive(Debug, Clone)]
pub struct Rendering {
    pub coalition: String,
    pub release: Release,
    pub revision: Revision,
    pub statement: Option<LinkedStatement>,
    pub base_url: String,
    /// The filled body and the About text as safe HTML, rendered when the
    /// rendering is loaded, which happens off the request threads.
    pub body_html: maud::PreEscaped<String>,
    pub about_html: maud::PreEscaped<String>,
}

impl Rendering {
    pub fn load(
        conn: &mut DbConn,
        base_url: &str,
        release: &Release,
        revision: &Revision,
    ) -> QueryResult<Self> {
        let statement = match &release.statement_id {
            Some(id) => match crate::statements::find_any(conn, id)? {
                Some(s) => Some(LinkedStatement {
                    title: crate::statements::title_in(conn, &s, &s.language)?,
                    link: format!("{base_url}/s/{}", s.slug),
                    listed: i64::from(s.listed_total()),
                }),
                None => None,
            },
            None => None,
        };
        let mut rendering = Self {
            coalition: crate::coalitions::name_of(conn, &release.coalition_id)?,
            release: release.clone(),
            revision: revision.clone(),
            statement,
            base_url: base_url.to_owned(),
            body_html: maud::PreEscaped(String::new()),
            about_html: crate::text::render_markdown(&revision.about),
        };
        rendering.body_html = crate::text::render_markdown(&rendering.body());
        Ok(rendering)
    }

    /// The body with the statement's placeholders filled in.
    pub fn body(&self) -> String {
        let (count, link) = match &self.statement {
            Some(s) => (s.listed.to_string(), s.link.clone()),
            None => (String::new(), String::new()),
        };
        self.revision
            .body
            .replace(COUNT_PLACEHOLDER, &count)
            .replace(LINK_PLACEHOLDER, &link)
    }

    pub fn web_link(&self) -> String {
        format!("{}/press/{}", self.base_url, self.release.slug)
    }

    /// The embargo to announce on something sent at `now`, if it has not lifted.
    pub fn embargo_at(&self, now: NaiveDateTime) -> Option<String> {
        self.release
            .embargo()
            .filter(|e| !e.has_lifted(now))
            .map(|e| e.display_in(self.release.lang()))
    }

    /// The mail for one recipient, as sent at `now`: "EMBARGOED UNTIL …"
    /// before the embargo lifts, "FOR IMMEDIATE RELEASE" after.
    pub fn mail(
        &self,
        name: Option<&str>,
        unsubscribe: Option<&str>,
        now: NaiveDateTime,
        test: bool,
    ) -> Result<Rendered, RenderError> {
        let contacts: Vec<String> = self.revision.contacts().iter().map(|c| c.line()).collect();
        Ok(templates::render_localized(
            "press-release",
            &self.release.language,
            &serde_json::json!({
                "test": test,
                "embargo": self.embargo_at(now),
                "name": name,
                "coalition": self.coalition,
                "headline": self.revision.headline,
                "subheadline": self.revision.subheadline,
                "dateline": self.revision.dateline,
                "release_date": self.revision.release_date,
                "body": self.body(),
                "about": self.revision.about,
                "contacts": contacts,
                "web_link": self.web_link(),
                "unsubscribe": unsubscribe,
            }),
        )?)
    }
}

/// An update to a statement's signatories, for one recipient.
pub struct Update<'a> {
    pub coalition: &'a str,
    pub title: &'a str,
    pub link: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

impl Update<'_> {
    pub fn mail(
        &self,
        lang: crate::i18n::Lang,
        name: Option<&str>,
        organization: Option<&str>,
        unsubscribe: &str,
        test: bool,
    ) -> Result<Rendered, RenderError> {
        Ok(templates::render_localized(
            "statement-update",
            lang.code(),
            &serde_json::json!({
                "test": test,
                "name": name,
                "organization": organization,
                "coalition": self.coalition,
                "subject": self.subject,
                "title": self.title,
                "body": self.body,
                "link": self.link,
                "unsubscribe": unsubscribe,
            }),
        )?)
    }
}
