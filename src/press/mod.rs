//! Press releases: structured, revised like statements, previewed, test-sent
//! and mailed to a press list or a statement's signatories (see
//! [`mailings`]), with the embargo kept in the mail and on the web.

mod controls;
mod db;
mod draft;
pub mod embargo;
pub mod mailings;
pub mod newsroom;
pub mod public;
mod render;
pub mod routes;
mod send_routes;
mod stencil;
mod views;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;

pub use controls::{Control, control, test_release, test_update};
pub use db::{Mailing, Release, Revision};
pub use draft::{Draft, DraftError, DraftForm, DraftProblem, PressContact};
pub use embargo::Embargo;
pub use mailings::{Audience, MailingKind, MailingStatus, start_due};
pub use render::{RenderError, Rendering};

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
    /// The language of the words the product adds around the release.
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::for_content(&self.language)
    }

    pub fn web_version_is_public(&self, now: NaiveDateTime) -> bool {
        self.released_at.is_some() && self.embargo().is_none_or(|e| e.has_lifted(now))
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
    crate::text::first_free_slug(&crate::text::slugify(headline), |slug| {
        db::slug_taken(conn, slug)
    })
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
            language: draft.language.code().to_owned(),
            reply_to: draft.reply_to.clone(),
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
            &Phrase::new("audit-release-create").text("headline", &draft.headline),
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
        db::set_current(conn, release, number, draft, now)?;
        if release.embargo_at != draft.embargo.map(|e| e.at) {
            db::move_embargo_mailings(conn, &release.id, draft.embargo.map(|e| e.at))?;
        }
        if save_about {
            crate::coalitions::set_about(conn, &release.coalition_id, &draft.about)?;
        }
        let summary = match (same_text, draft.embargo) {
            (false, _) => Phrase::new("audit-release-revise")
                .count("number", number)
                .text("headline", &draft.headline),
            (true, Some(e)) => Phrase::new("audit-release-embargo")
                .text("headline", &draft.headline)
                .time("time", e.at),
            (true, None) => Phrase::new("audit-release-settings").text("headline", &draft.headline),
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
            &Phrase::new("audit-release-publish"),
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

/// The mailings still sending or paused, each with its progress.
pub fn mailings_under_way(conn: &mut DbConn) -> QueryResult<Vec<(String, crate::mail::Progress)>> {
    db::under_way(conn)?
        .into_iter()
        .map(|id| {
            let progress = crate::mail::progress(conn, &id)?;
            Ok((id, progress))
        })
        .collect()
}
