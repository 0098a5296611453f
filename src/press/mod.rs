//! Press releases: structured, revised like statements, previewed, test-sent
//! and mailed to a press list or a statement's signatories (see
//! [`mailings`]), with the embargo kept in the mail and on the web.

mod db;
pub mod embargo;
mod mailing_routes;
mod mailing_views;
pub mod mailings;
pub mod public;
mod render;
pub mod routes;
mod stencil;
mod views;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::text::TextError;

pub use db::{Mailing, Release, Revision};
pub use embargo::{Embargo, EmbargoError};
pub use mailings::{Audience, MailingStatus, start_due};
pub use render::{RenderError, Rendering};

/// One press contact of a release, shown as `Name | phone | email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PressContact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

impl PressContact {
    pub fn line(&self) -> String {
        [&self.name, &self.phone, &self.email]
            .into_iter()
            .filter(|part| !part.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Parses `Name | phone | email` (the phone may be left out).
    fn parse(line: &str) -> Option<Self> {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let (name, phone, email) = match parts.as_slice() {
            [name, email] => (*name, "", *email),
            [name, phone, email] => (*name, *phone, *email),
            _ => return None,
        };
        let email = crate::accounts::Email::parse(email)?;
        let name = crate::text::normalize_line(name, 120).ok()?;
        let phone = crate::text::normalize_line(phone, 40).unwrap_or_default();
        Some(Self {
            name,
            phone,
            email: email.as_str().to_owned(),
        })
    }
}

impl Revision {
    pub fn contacts(&self) -> Vec<PressContact> {
        serde_json::from_str(&self.press_contacts).unwrap_or_default()
    }

    /// Every field of the revision as one text, to compare two revisions.
    pub fn as_text(&self) -> String {
        let contacts: Vec<String> = self.contacts().iter().map(PressContact::line).collect();
        format!(
            "{}\n{}\n{} {}\n\n{}\n\n{}\n\n{}",
            self.headline,
            self.subheadline,
            self.dateline,
            self.release_date,
            self.body,
            self.about,
            contacts.join("\n")
        )
    }
}

impl Release {
    pub fn embargo(&self) -> Option<Embargo> {
        self.embargo_at
            .map(|at| Embargo::stored(at, &self.embargo_zone))
    }

    /// The web version is public once the release went out (or was
    /// published) and its embargo, if any, has lifted.
    pub fn web_version_is_public(&self, now: NaiveDateTime) -> bool {
        self.released_at.is_some() && self.embargo().is_none_or(|e| e.has_lifted(now))
    }
}

/// A release as typed in the form, checked field by field.
#[derive(Debug, Clone)]
pub struct Draft {
    pub headline: String,
    pub subheadline: String,
    pub dateline: String,
    pub release_date: String,
    pub contacts: Vec<PressContact>,
    pub body: String,
    pub about: String,
    pub note: String,
    pub statement_id: Option<String>,
    pub embargo: Option<Embargo>,
}

/// The form's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub subheadline: String,
    #[serde(default)]
    pub dateline: String,
    #[serde(default)]
    pub release_date: String,
    #[serde(default)]
    pub contacts: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub embargo: String,
    #[serde(default)]
    pub embargo_zone: String,
    #[serde(default)]
    pub save_about: Option<String>,
}

/// What is wrong with a draft: the field and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    pub field: &'static str,
    pub problem: DraftProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    Text(TextError),
    Required,
    ContactLine(usize),
    Embargo(EmbargoError),
    UnknownStatement,
}

impl DraftForm {
    /// Parses the form; `statements` are the ids the coalition owns.
    pub fn parse(&self, statements: &[String]) -> Result<Draft, Vec<DraftError>> {
        let mut errors = Vec::new();
        let mut line = |field: &'static str, value: &str, max: usize, required: bool| {
            match crate::text::normalize_optional_line(value, max) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    if required {
                        errors.push(DraftError {
                            field,
                            problem: DraftProblem::Required,
                        });
                    }
                    String::new()
                }
                Err(e) => {
                    errors.push(DraftError {
                        field,
                        problem: DraftProblem::Text(e),
                    });
                    String::new()
                }
            }
        };
        let headline = line("headline", &self.headline, 200, true);
        let subheadline = line("subheadline", &self.subheadline, 300, false);
        let dateline = line("dateline", &self.dateline, 120, false);
        let release_date = line("release_date", &self.release_date, 60, false);
        let note = line("note", &self.note, 300, false);
        let mut text = |field: &'static str, value: &str, required: bool| {
            if value.trim().is_empty() {
                if required {
                    errors.push(DraftError {
                        field,
                        problem: DraftProblem::Required,
                    });
                }
                return String::new();
            }
            crate::text::normalize_text(value, 100_000).unwrap_or_else(|e| {
                errors.push(DraftError {
                    field,
                    problem: DraftProblem::Text(e),
                });
                String::new()
            })
        };
        let body = text("body", &self.body, true);
        let about = text("about", &self.about, false);
        let mut contacts = Vec::new();
        for (i, raw) in self.contacts.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            match PressContact::parse(raw) {
                Some(c) => contacts.push(c),
                None => errors.push(DraftError {
                    field: "contacts",
                    problem: DraftProblem::ContactLine(i + 1),
                }),
            }
        }
        let statement_id = match self.statement.trim() {
            "" => None,
            id if statements.iter().any(|s| s == id) => Some(id.to_owned()),
            _ => {
                errors.push(DraftError {
                    field: "statement",
                    problem: DraftProblem::UnknownStatement,
                });
                None
            }
        };
        let embargo = match self.embargo.trim() {
            "" => None,
            local => match Embargo::parse(local, &self.embargo_zone) {
                Ok(e) => Some(e),
                Err(e) => {
                    errors.push(DraftError {
                        field: "embargo",
                        problem: DraftProblem::Embargo(e),
                    });
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Draft {
            headline,
            subheadline,
            dateline,
            release_date,
            contacts,
            body,
            about,
            note,
            statement_id,
            embargo,
        })
    }

    /// The form filled from a stored release, to edit it.
    pub fn from_stored(release: &Release, revision: &Revision) -> Self {
        let embargo = release.embargo();
        Self {
            headline: revision.headline.clone(),
            subheadline: revision.subheadline.clone(),
            dateline: revision.dateline.clone(),
            release_date: revision.release_date.clone(),
            contacts: revision
                .contacts()
                .iter()
                .map(PressContact::line)
                .collect::<Vec<_>>()
                .join("\n"),
            body: revision.body.clone(),
            about: revision.about.clone(),
            note: String::new(),
            statement: release.statement_id.clone().unwrap_or_default(),
            embargo: embargo.map(|e| e.local_input()).unwrap_or_default(),
            embargo_zone: embargo.map_or_else(|| "UTC".to_owned(), |e| e.zone.name().to_owned()),
            save_about: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PressError {
    #[error("the release was not found")]
    NotFound,
    #[error("the mailing can no longer be changed this way")]
    WrongState,
    #[error("nobody would receive this mailing: choose a list, a tag or a statement")]
    NoAudience,
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Enqueue(#[from] crate::mail::EnqueueError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

fn unique_slug(conn: &mut DbConn, headline: &str) -> QueryResult<String> {
    let base = crate::text::slugify(headline);
    let mut slug = base.clone();
    let mut n = 2;
    while db::slug_taken(conn, &slug)? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

fn new_revision(release_id: &str, number: i32, draft: &Draft, author: &Coordinator) -> Revision {
    Revision {
        id: crate::db::new_id(),
        release_id: release_id.to_owned(),
        number,
        headline: draft.headline.clone(),
        subheadline: draft.subheadline.clone(),
        dateline: draft.dateline.clone(),
        release_date: draft.release_date.clone(),
        press_contacts: serde_json::to_string(&draft.contacts).unwrap_or_else(|_| "[]".into()),
        body: draft.body.clone(),
        about: draft.about.clone(),
        note: draft.note.clone(),
        author_id: Some(author.id.clone()),
        created_at: crate::db::now(),
    }
}

/// Creates a release with its first revision; `save_about` keeps its About
/// text as the coalition's boilerplate for the next release.
pub fn create(
    conn: &mut DbConn,
    coalition_id: &str,
    author: &Coordinator,
    draft: &Draft,
    save_about: bool,
) -> QueryResult<Release> {
    crate::db::transaction(conn, |conn| {
        let now = crate::db::now();
        let release = Release {
            id: crate::db::new_id(),
            coalition_id: coalition_id.to_owned(),
            slug: unique_slug(conn, &draft.headline)?,
            statement_id: draft.statement_id.clone(),
            embargo_at: draft.embargo.map(|e| e.at),
            embargo_zone: draft.embargo.map_or("UTC", |e| e.zone.name()).to_owned(),
            current_revision: 1,
            released_at: None,
            created_by: Some(author.id.clone()),
            created_at: now,
            updated_at: now,
        };
        db::insert_release(conn, &release)?;
        db::insert_revision(conn, &new_revision(&release.id, 1, draft, author))?;
        if save_about {
            crate::coalitions::set_about(conn, coalition_id, &draft.about)?;
        }
        audit::record(
            conn,
            coalition_id,
            &Actor::Coordinator(author),
            "release.create",
            "release",
            &release.id,
            &format!("created the press release \"{}\"", draft.headline),
        )?;
        Ok(release)
    })
}

/// Saves the draft as the release's next revision (an unchanged draft
/// saves nothing) and moves mailings waiting for the embargo with it.
pub fn revise(
    conn: &mut DbConn,
    release: &Release,
    author: &Coordinator,
    draft: &Draft,
    save_about: bool,
) -> QueryResult<i32> {
    crate::db::transaction(conn, |conn| {
        let current = db::revision(conn, &release.id, release.current_revision)?;
        let number = release.current_revision + 1;
        let revision = new_revision(&release.id, number, draft, author);
        let same_text = [
            (&current.headline, &revision.headline),
            (&current.subheadline, &revision.subheadline),
            (&current.dateline, &revision.dateline),
            (&current.release_date, &revision.release_date),
            (&current.press_contacts, &revision.press_contacts),
            (&current.body, &revision.body),
            (&current.about, &revision.about),
        ]
        .iter()
        .all(|(a, b)| a == b);
        let now = crate::db::now();
        let number = if same_text {
            release.current_revision
        } else {
            db::insert_revision(conn, &revision)?;
            number
        };
        let embargo = draft.embargo.map(|e| (e.at, e.zone.name()));
        db::set_current(
            conn,
            release,
            number,
            draft.statement_id.as_deref(),
            embargo,
            now,
        )?;
        if release.embargo_at != draft.embargo.map(|e| e.at) {
            db::move_embargo_mailings(conn, &release.id, draft.embargo.map(|e| e.at))?;
        }
        if save_about {
            crate::coalitions::set_about(conn, &release.coalition_id, &draft.about)?;
        }
        let summary = match (same_text, draft.embargo) {
            (false, _) => format!("saved revision {number} of \"{}\"", draft.headline),
            (true, Some(e)) => format!(
                "set the embargo of \"{}\" to {}",
                draft.headline,
                e.display()
            ),
            (true, None) => format!("updated the settings of \"{}\"", draft.headline),
        };
        audit::record(
            conn,
            &release.coalition_id,
            &Actor::Coordinator(author),
            "release.revise",
            "release",
            &release.id,
            &summary,
        )?;
        Ok(number)
    })
}

/// Makes the web version public (at the embargo, if there is one) without
/// mailing anyone.
pub fn publish(conn: &mut DbConn, release: &Release, actor: &Coordinator) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::mark_released(conn, &release.id, crate::db::now())?;
        audit::record(
            conn,
            &release.coalition_id,
            &Actor::Coordinator(actor),
            "release.publish",
            "release",
            &release.id,
            "published the web version",
        )
    })
}

pub fn find_in(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Release>> {
    db::find_in(conn, coalition_id, id)
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Release>> {
    db::find_by_slug(conn, slug)
}

pub fn list(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(Release, String)>> {
    db::list(conn, coalition_id)
}

pub fn current(conn: &mut DbConn, release: &Release) -> QueryResult<Revision> {
    db::revision(conn, &release.id, release.current_revision)
}

pub fn revision(conn: &mut DbConn, release: &Release, number: i32) -> QueryResult<Revision> {
    db::revision(conn, &release.id, number)
}

pub fn revisions(conn: &mut DbConn, release: &Release) -> QueryResult<Vec<Revision>> {
    db::revisions(conn, &release.id)
}

/// Marks mailings with nothing left to send as sent; for the jobs loop.
pub fn finish_done(conn: &mut DbConn) -> QueryResult<usize> {
    db::finish_done(conn, crate::db::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_needs_a_headline_and_a_body_and_nothing_else() {
        let minimal = DraftForm {
            headline: "Water is a right".into(),
            body: "We call for clean water.".into(),
            ..DraftForm::default()
        };
        let empty = DraftForm::default();

        assert!(minimal.parse(&[]).is_ok());
        let fields: Vec<_> = empty
            .parse(&[])
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["headline", "body"]);
    }

    #[test]
    fn press_contact_lines_read_with_or_without_a_phone() {
        let full = PressContact::parse("Ana Núñez | +52 55 1234 5678 | ana@example.org").unwrap();
        let short = PressContact::parse("Ana Núñez | ana@example.org").unwrap();

        assert_eq!(
            full.line(),
            "Ana Núñez | +52 55 1234 5678 | ana@example.org"
        );
        assert_eq!(short.line(), "Ana Núñez | ana@example.org");
        assert!(PressContact::parse("Ana Núñez").is_none());
        assert!(PressContact::parse("Ana | 555 | not-an-address").is_none());
    }
}
