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
    pub coalition: crate::coalitions::Coalition,
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
            coalition: crate::coalitions::find(conn, &release.coalition_id)?,
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

    /// The body as published: the statement's placeholders filled in and
    /// the dateline run into the first paragraph ("MEXICO CITY, 24
    /// November 2026 — Today…").
    pub fn body(&self) -> String {
        let body = fill_placeholders(&self.revision.body, self.statement.as_ref());
        match self.dateline() {
            Some(lead) => run_in(&lead, &body),
            None => body,
        }
    }

    /// The place in capitals and the date, as a release's dateline reads.
    fn dateline(&self) -> Option<String> {
        let place = self.revision.dateline.trim().to_uppercase();
        let date = self.revision.release_date.trim();
        match (place.is_empty(), date.is_empty()) {
            (true, true) => None,
            (false, true) => Some(place),
            (true, false) => Some(date.to_owned()),
            (false, false) => Some(format!("{place}, {date}")),
        }
    }

    /// Where replies go: the address named on the release, else the
    /// coalition's, else the first press contact's.
    pub fn reply_to(&self) -> Option<String> {
        [&self.release.reply_to, &self.coalition.reply_to]
            .into_iter()
            .find(|address| !address.is_empty())
            .cloned()
            .or_else(|| self.revision.contacts().into_iter().next().map(|c| c.email))
    }

    /// The name and reply address the release is mailed with.
    pub fn sender(&self) -> crate::mail::Sender {
        self.coalition.sender(self.reply_to().as_deref())
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
        let contacts: Vec<serde_json::Value> = self
            .revision
            .contacts()
            .iter()
            .map(|c| {
                serde_json::json!({
                    "name": c.name,
                    "phone": c.phone,
                    "tel": c.tel(),
                    "email": c.email,
                })
            })
            .collect();
        Ok(templates::render_localized(
            "press-release",
            &self.release.language,
            &serde_json::json!({
                "test": test,
                "embargo": self.embargo_at(now),
                "name": name,
                "coalition": self.coalition.name,
                "footer": footer_lines(&self.coalition.mail_footer),
                "headline": self.revision.headline,
                "subheadline": self.revision.subheadline,
                "body": self.body(),
                "about": self.revision.about,
                "contacts": contacts,
                "web_link": self.web_link(),
                "unsubscribe": unsubscribe,
            }),
        )?)
    }
}

/// `body` with the statement placeholders left out, for a summary.
pub fn without_placeholders(body: &str) -> String {
    body.replace(COUNT_PLACEHOLDER, "")
        .replace(LINK_PLACEHOLDER, "")
}

/// A footer's lines, each kept on its own line in both parts.
fn footer_lines(footer: &str) -> Vec<&str> {
    footer
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// `body` with the count and the link of `statement`. The link is written
/// as a Markdown autolink, so it is a link wherever it stands: alone, in
/// a sentence, or as the address of `[text]({{statement_link}})`.
fn fill_placeholders(body: &str, statement: Option<&LinkedStatement>) -> String {
    let (count, link) = match statement {
        Some(s) => (s.listed.to_string(), format!("<{}>", s.link)),
        None => (String::new(), String::new()),
    };
    body.replace(COUNT_PLACEHOLDER, &count)
        .replace(LINK_PLACEHOLDER, &link)
}

/// `lead` (the dateline, text) in bold at the start of the body's first
/// paragraph; above the body when it opens with something else (a
/// heading, a list, a quote).
fn run_in(lead: &str, body: &str) -> String {
    let lead = crate::mail::templates::escape_value(lead);
    let body = body.trim_start();
    if opens_with_paragraph(body) {
        format!("**{lead}** — {body}")
    } else {
        format!("**{lead}**\n\n{body}")
    }
}

/// Whether Markdown text starts with a paragraph.
fn opens_with_paragraph(markdown: &str) -> bool {
    let first = markdown.lines().next().unwrap_or_default();
    let digits = first.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0 && matches!(first[digits..].chars().next(), Some('.' | ')'));
    !(first.is_empty()
        || ordered
        || first.starts_with(['#', '>', '|', '<', '`', '~'])
        || ["- ", "+ ", "* "].iter().any(|m| first.starts_with(m))
        || first == "-"
        || first == "*")
}

/// An update to a statement's signatories, for one recipient.
pub struct Update {
    pub coalition: String,
    /// The coalition's footer, under the mail.
    pub footer: String,
    pub title: String,
    pub link: String,
    pub subject: String,
    pub body: String,
}

impl Update {
    /// The update with `subject` and `body` to the signatories of
    /// `statement`, a statement of `coalition`: it names the statement by
    /// its title and links its public page.
    pub fn load(
        conn: &mut DbConn,
        base_url: &str,
        statement: &crate::statements::Statement,
        coalition: &crate::coalitions::Coalition,
        subject: &str,
        body: &str,
    ) -> QueryResult<Self> {
        Ok(Self {
            coalition: coalition.name.clone(),
            footer: coalition.mail_footer.clone(),
            title: crate::statements::title_in(conn, statement, &statement.language)?,
            link: format!("{base_url}/s/{}", statement.slug),
            subject: subject.to_owned(),
            body: body.to_owned(),
        })
    }

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
                "footer": footer_lines(&self.footer),
                "subject": self.subject,
                "title": self.title,
                "body": self.body,
                "link": self.link,
                "unsubscribe": unsubscribe,
            }),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_link_is_a_link_alone_in_a_sentence_or_under_a_text() {
        let statement = LinkedStatement {
            title: "Water".into(),
            link: "https://statements.example.org/s/water".into(),
            listed: 212,
        };
        let body = "{{signatories}} signed: {{statement_link}}\n\n[Read it]({{statement_link}})";

        let html =
            crate::text::render_markdown(&fill_placeholders(body, Some(&statement))).into_string();

        assert!(
            html.contains("212 signed: <a href=\"https://statements.example.org/s/water\""),
            "{html}"
        );
        assert!(html.contains(">Read it</a>"), "{html}");
        assert_eq!(
            html.matches("href=\"https://statements.example.org/s/water\"")
                .count(),
            2,
            "{html}"
        );
    }

    #[test]
    fn the_dateline_runs_into_the_first_paragraph_only() {
        assert_eq!(
            run_in("LOS ANGELES, June 10, 2022", "On June 10, we met."),
            "**LOS ANGELES, June 10, 2022** — On June 10, we met."
        );
        assert_eq!(
            run_in("LOS ANGELES", "## Background\n\nText"),
            "**LOS ANGELES**\n\n## Background\n\nText"
        );
        assert!(!opens_with_paragraph("- a list"));
        assert!(!opens_with_paragraph("1. first"));
        assert!(opens_with_paragraph("2022 was the year"));
    }
}
