//! Joint statements: the statement itself and finding it (here), its text
//! in each language with numbered revisions (`revisions`), its settings
//! and status (`settings`), the private preview link (`preview`) and
//! partners' comments on a draft (`comments`); the coordinator pages in
//! `routes` and `views`. What the public reads is in `publication`.

mod chart;
mod comments;
mod db;
mod preview;
mod revisions;
pub mod routes;
mod settings;
mod sign_on;
mod views;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::coalitions::Membership;
use crate::db::{DbConn, text_enum};
use crate::i18n::Phrase;
use crate::text::{self, TextError};

pub use comments::{NewComment, add_comment, comments, resolve_comment};
pub use db::{Comment, Revision, Statement, Version, set_listed_counts};
pub use preview::{preview_token, preview_token_matches, rotate_preview_link};
pub use revisions::{
    Draft, DraftError, Saved, add_translation, current_revision, parse_language,
    render_stored_revisions, revision, revision_by_id, revision_numbers, revisions, save_revision,
    title_in, version, version_or_main, versions,
};
pub use settings::{Settings, close_overdue, set_status, update_settings};
pub use sign_on::{Edit, SignOnList, Summary};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 100_000;
pub const MAX_NOTE_CHARS: usize = 300;

text_enum!(
    /// Where a statement is in its life.
    Status { Draft => "draft", Open => "open", Closed => "closed" }
);
text_enum!(
    /// Who may sign.
    Signers { Organizations => "organizations", Individuals => "individuals", Both => "both" }
);
text_enum!(
    /// How the "Signed by" list is ordered.
    ListOrder { Alphabetical => "alphabetical", Country => "country", Time => "time", Manual => "manual" }
);
text_enum!(
    /// What a revision changed. Before a statement opens every change is a
    /// draft; afterwards the coordinator says whether the meaning changed.
    ChangeKind { Draft => "draft", Editorial => "editorial", Material => "material" }
);

impl Signers {
    pub fn takes_organizations(self) -> bool {
        matches!(self, Self::Organizations | Self::Both)
    }

    pub fn takes_individuals(self) -> bool {
        matches!(self, Self::Individuals | Self::Both)
    }
}

impl Statement {
    /// The next moment after `now` at which its public pages change by
    /// themselves: it goes public, its list appears, or it closes.
    pub fn next_change(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        [self.publish_at, self.list_public_at, self.deadline_at]
            .into_iter()
            .flatten()
            .filter(|moment| *moment > now)
            .min()
    }

    pub fn stored_status(&self) -> Status {
        self.status
    }

    /// The status as it stands at `now`: an open statement past its
    /// deadline is closed even before the job records it.
    pub fn status_at(&self, now: NaiveDateTime) -> Status {
        match self.stored_status() {
            Status::Open if self.deadline_at.is_some_and(|d| d <= now) => Status::Closed,
            status => status,
        }
    }

    /// Whether anyone may read the public page at `now`.
    pub fn is_public(&self, now: NaiveDateTime) -> bool {
        self.stored_status() != Status::Draft && self.publish_at.is_none_or(|p| p <= now)
    }

    /// Whether the "Signed by" list may be shown at `now`.
    pub fn list_is_visible(&self, now: NaiveDateTime) -> bool {
        self.list_public_at.is_none_or(|t| t <= now)
    }

    pub fn signers(&self) -> Signers {
        self.signers
    }

    pub fn list_order(&self) -> ListOrder {
        self.list_order
    }

    pub fn listed_total(&self) -> i32 {
        self.listed_organizations + self.listed_individuals
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StatementError {
    #[error("this address is taken by another statement")]
    SlugTaken,
    #[error("the address can only change while the statement is a draft")]
    SlugLocked,
    #[error("the language can only change while the statement is a draft")]
    LanguageLocked,
    #[error("say whether this change is editorial or material")]
    KindRequired,
    #[error("a version in this language exists already")]
    TranslationExists,
    #[error("revision {current} was saved while this edit was open")]
    Conflict { current: i32 },
    #[error("a statement cannot go from {from} to {to}")]
    BadTransition {
        from: &'static str,
        to: &'static str,
    },
    #[error("the signers could not be asked to consent again: {0}")]
    Reconsent(String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Creates a draft statement with its first revision in `language`.
pub fn create(
    conn: &mut DbConn,
    membership: &Membership,
    author: &Coordinator,
    language: &str,
    draft: &Draft,
) -> Result<Statement, StatementError> {
    crate::db::transaction(conn, |conn| {
        let slug = unique_slug(conn, &text::slugify(&draft.title))?;
        let statement = db::insert_statement(conn, &membership.coalition.id, &slug, language)?;
        let version = db::insert_version(conn, &statement.id, language, &draft.title)?;
        db::insert_revision(conn, &version.id, 1, draft, ChangeKind::Draft, author)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(author),
            "statement.create",
            "statement",
            &statement.id,
            &Phrase::new("audit-statement-create").text("title", &draft.title),
        )?;
        Ok(statement)
    })
}

fn unique_slug(conn: &mut DbConn, base: &str) -> QueryResult<String> {
    text::first_free_slug(base, |slug| db::slug_exists(conn, slug))
}

/// Loads a statement of the member's coalition; another coalition's
/// statement is "not found", so its existence is not revealed.
pub fn find_for(
    conn: &mut DbConn,
    membership: &Membership,
    id: &str,
) -> QueryResult<Option<Statement>> {
    Ok(db::find(conn, id)?.filter(|s| s.coalition_id == membership.coalition.id))
}

/// A statement as a coalition's newsroom lists it.
#[derive(Debug, Clone)]
pub struct Published {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub listed: i32,
    /// When it went public: opened, or its publication time if later.
    pub published_at: NaiveDateTime,
}

/// A coalition's statements as its newsroom shows them at `now`.
#[derive(Debug, Clone)]
pub struct Newsworthy {
    /// Those anyone may read, newest first.
    pub published: Vec<Published>,
    /// The next moment after `now` at which one of them goes public, shows
    /// its list or closes by itself.
    pub next_change: Option<NaiveDateTime>,
}

/// The statements of a coalition that anyone may read at `now`, and when
/// that next changes by itself.
pub fn newsworthy(
    conn: &mut DbConn,
    coalition_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Newsworthy> {
    let statements = db::non_drafts_of(conn, coalition_id)?;
    let next_change = statements
        .iter()
        .filter_map(|(statement, _, _)| statement.next_change(now))
        .min();
    let mut published: Vec<Published> = statements
        .into_iter()
        .filter(|(s, _, _)| s.is_public(now))
        .map(|(s, title, body)| Published {
            published_at: s.opened_at.max(s.publish_at).unwrap_or(s.created_at),
            summary: text::markdown_excerpt(&body, 280),
            status: s.status_at(now),
            listed: s.listed_total(),
            slug: s.slug,
            title,
        })
        .collect();
    published.sort_by_key(|s| std::cmp::Reverse(s.published_at));
    Ok(Newsworthy {
        published,
        next_change,
    })
}

pub fn list_for(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(Statement, String)>> {
    db::list_for_coalition(conn, coalition_id)
}

/// A statement by id, whatever its coalition (for internal use only).
pub fn find_any(conn: &mut DbConn, id: &str) -> QueryResult<Option<Statement>> {
    db::find(conn, id)
}

/// A statement by its public address.
pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Statement>> {
    db::find_by_slug(conn, slug)
}

/// A typed-text error in the page's language, for public forms.
pub fn text_error(lang: crate::i18n::Lang, error: &TextError) -> String {
    crate::web::forms::text_error(lang, error)
}
