//! Joint statements: drafting with revisions, translations, status, the
//! private preview with partners' comments, and what the public may see.

mod chart;
mod db;
pub mod routes;
mod sign_on;
mod views;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::coalitions::Membership;
use crate::config::SecretKey;
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::text::{self, TextError};
use crate::tokens::signed::{self, Link};

pub use db::{Comment, Revision, Statement, Version};
pub use sign_on::{Edit, SignOnList, Summary};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 100_000;
pub const MAX_NOTE_CHARS: usize = 300;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

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
        Status::parse(&self.status).unwrap_or(Status::Draft)
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
        Signers::parse(&self.signers).unwrap_or(Signers::Organizations)
    }

    pub fn list_order(&self) -> ListOrder {
        ListOrder::parse(&self.list_order).unwrap_or(ListOrder::Alphabetical)
    }

    pub fn listed_total(&self) -> i32 {
        self.listed_organizations + self.listed_individuals
    }
}

/// A BCP 47 language tag as typed ("es", "pt-BR"), checked and normalized.
pub fn parse_language(input: &str) -> Option<String> {
    let tag: icu_locale::LanguageIdentifier = input.trim().parse().ok()?;
    let text = tag.to_string();
    (!text.is_empty() && text != "und" && text.len() <= 20).then_some(text)
}

/// A title, body and note as a coordinator typed them, normalized.
#[derive(Debug, Clone)]
pub struct Draft {
    pub title: String,
    pub body: String,
    pub note: String,
}

/// Which field of a [`Draft`] was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    pub field: &'static str,
    pub error: TextError,
}

impl Draft {
    pub fn parse(title: &str, body: &str, note: &str) -> Result<Self, Vec<DraftError>> {
        let title = text::normalize_line(title, MAX_TITLE_CHARS).map_err(|error| DraftError {
            field: "title",
            error,
        });
        let body = text::normalize_markdown(body, MAX_BODY_CHARS).map_err(|error| DraftError {
            field: "body",
            error,
        });
        let note = text::normalize_optional_line(note, MAX_NOTE_CHARS)
            .map(Option::unwrap_or_default)
            .map_err(|error| DraftError {
                field: "note",
                error,
            });
        match (title, body, note) {
            (Ok(title), Ok(body), Ok(note)) => Ok(Self { title, body, note }),
            (title, body, note) => Err([title.err(), body.err(), note.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
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
    let mut candidate = base.to_owned();
    let mut n = 2;
    while db::slug_exists(conn, &candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
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

pub fn versions(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Version>> {
    db::versions(conn, statement_id)
}

pub fn version(
    conn: &mut DbConn,
    statement_id: &str,
    language: &str,
) -> QueryResult<Option<Version>> {
    db::version(conn, statement_id, language)
}

pub fn current_revision(conn: &mut DbConn, version: &Version) -> QueryResult<Revision> {
    db::revision(conn, &version.id, version.current_revision)
}

pub fn revisions(conn: &mut DbConn, version_id: &str) -> QueryResult<Vec<Revision>> {
    db::revisions(conn, version_id)
}

pub fn revision(conn: &mut DbConn, version_id: &str, number: i32) -> QueryResult<Option<Revision>> {
    match db::revision(conn, version_id, number) {
        Ok(r) => Ok(Some(r)),
        Err(diesel::result::Error::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// What saving an edit did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    NewRevision(i32),
    /// Title and body were the same as the current revision.
    Unchanged,
}

/// Saves an edit of one language version as a new revision. Once the
/// statement has opened, the coordinator must say what kind of change it is.
/// `base` is the revision the edit started from: if another coordinator
/// saved in between, nothing is overwritten and the conflict is reported.
pub fn save_revision(
    conn: &mut DbConn,
    statement: &Statement,
    version: &Version,
    author: &Coordinator,
    draft: &Draft,
    kind: Option<ChangeKind>,
    base: i32,
) -> Result<Saved, StatementError> {
    let kind = match (statement.stored_status(), kind) {
        (Status::Draft, _) => ChangeKind::Draft,
        (_, Some(kind @ (ChangeKind::Editorial | ChangeKind::Material))) => kind,
        _ => return Err(StatementError::KindRequired),
    };
    crate::db::transaction(conn, |conn| {
        let latest = db::current_revision_number(conn, &version.id)?;
        if latest != base {
            return Err(StatementError::Conflict { current: latest });
        }
        let current = db::revision(conn, &version.id, latest)?;
        if current.content_hash == text::content_hash(&draft.title, &draft.body) {
            return Ok(Saved::Unchanged);
        }
        let number = current.number + 1;
        db::insert_revision(conn, &version.id, number, draft, kind, author).map_err(
            |e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => StatementError::Conflict { current: number },
                other => StatementError::Database(other),
            },
        )?;
        db::set_current_revision(conn, &version.id, number, &draft.title)?;
        db::touch(conn, &statement.id)?;
        let summary = if draft.note.is_empty() {
            Phrase::new("audit-statement-revise")
        } else {
            Phrase::new("audit-statement-revise-note").text("note", &draft.note)
        }
        .count("number", number)
        .word("kind", format!("change-kind-{}", kind.as_str()))
        .text("language", &version.language);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(author),
            "statement.revise",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(Saved::NewRevision(number))
    })
}

/// Adds a version in another language, sharing the list of signatures.
pub fn add_translation(
    conn: &mut DbConn,
    statement: &Statement,
    author: &Coordinator,
    language: &str,
    draft: &Draft,
) -> Result<Version, StatementError> {
    crate::db::transaction(conn, |conn| {
        if db::version(conn, &statement.id, language)?.is_some() {
            return Err(StatementError::TranslationExists);
        }
        let version = db::insert_version(conn, &statement.id, language, &draft.title)?;
        let kind = if statement.stored_status() == Status::Draft {
            ChangeKind::Draft
        } else {
            ChangeKind::Editorial
        };
        db::insert_revision(conn, &version.id, 1, draft, kind, author)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(author),
            "statement.translate",
            "statement",
            &statement.id,
            &Phrase::new("audit-statement-translate")
                .text("language", language)
                .text("title", &draft.title),
        )?;
        Ok(version)
    })
}

/// The settings a coordinator may change.
#[derive(Debug, Clone)]
pub struct Settings {
    pub slug: String,
    pub language: String,
    pub signers: Signers,
    pub requires_approval: bool,
    pub list_order: ListOrder,
    pub deadline_at: Option<NaiveDateTime>,
    pub publish_at: Option<NaiveDateTime>,
    pub list_public_at: Option<NaiveDateTime>,
}

/// Changes settings; the address and language only while a draft. A new
/// list order re-sorts the list in the same transaction.
pub fn update_settings(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    settings: &Settings,
    rekey: fn(&mut DbConn, &str) -> QueryResult<()>,
) -> Result<(), StatementError> {
    let draft = statement.stored_status() == Status::Draft;
    if settings.slug != statement.slug && !draft {
        return Err(StatementError::SlugLocked);
    }
    if settings.language != statement.language && !draft {
        return Err(StatementError::LanguageLocked);
    }
    crate::db::transaction(conn, |conn| {
        if settings.slug != statement.slug && db::slug_exists(conn, &settings.slug)? {
            return Err(StatementError::SlugTaken);
        }
        if settings.language != statement.language {
            db::rename_primary_version(
                conn,
                &statement.id,
                &statement.language,
                &settings.language,
            )?;
        }
        db::update_settings(conn, &statement.id, settings)?;
        if settings.list_order.as_str() != statement.list_order
            || settings.language != statement.language
        {
            rekey(conn, &statement.id)?;
        }
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "statement.settings",
            "statement",
            &statement.id,
            &settings_phrase(statement, settings),
        )?;
        Ok(())
    })
}

/// The audit entry of a settings change: one phrase per setting changed.
fn settings_phrase(before: &Statement, after: &Settings) -> Phrase {
    let mut changes = Vec::new();
    let from_to =
        |id: &str, from: &str, to: &str| Phrase::new(id).text("from", from).text("to", to);
    let words = |id: &str, prefix: &str, from: &str, to: &str| {
        Phrase::new(id)
            .word("from", format!("{prefix}-{from}"))
            .word("to", format!("{prefix}-{to}"))
    };
    let time = |id: &str, at: Option<NaiveDateTime>| match at {
        Some(at) => Phrase::new(id).time("time", at),
        None => Phrase::new(&format!("{id}-none")),
    };
    if before.slug != after.slug {
        changes.push(from_to("audit-setting-address", &before.slug, &after.slug));
    }
    if before.language != after.language {
        changes.push(from_to(
            "audit-setting-language",
            &before.language,
            &after.language,
        ));
    }
    if before.signers != after.signers.as_str() {
        changes.push(words(
            "audit-setting-signers",
            "signers",
            &before.signers,
            after.signers.as_str(),
        ));
    }
    if before.requires_approval != after.requires_approval {
        changes.push(Phrase::new(if after.requires_approval {
            "audit-setting-approval-on"
        } else {
            "audit-setting-approval-off"
        }));
    }
    if before.list_order != after.list_order.as_str() {
        changes.push(words(
            "audit-setting-list-order",
            "list-order",
            &before.list_order,
            after.list_order.as_str(),
        ));
    }
    if before.deadline_at != after.deadline_at {
        changes.push(time("audit-setting-deadline", after.deadline_at));
    }
    if before.publish_at != after.publish_at {
        changes.push(time("audit-setting-publish", after.publish_at));
    }
    if before.list_public_at != after.list_public_at {
        changes.push(time("audit-setting-list-public", after.list_public_at));
    }
    if changes.is_empty() {
        Phrase::new("audit-statement-settings-unchanged")
    } else {
        Phrase::new("audit-statement-settings").list("changes", changes)
    }
}

/// Moves a statement to `to`: draft → open, open → closed, closed → open.
pub fn set_status(
    conn: &mut DbConn,
    statement: &Statement,
    actor: Actor<'_>,
    to: Status,
) -> Result<(), StatementError> {
    let now = crate::db::now();
    let from = statement.status_at(now);
    let allowed = matches!(
        (from, to),
        (Status::Draft, Status::Open)
            | (Status::Open, Status::Closed)
            | (Status::Closed, Status::Open)
    );
    if !allowed {
        return Err(StatementError::BadTransition {
            from: from.as_str(),
            to: to.as_str(),
        });
    }
    crate::db::transaction(conn, |conn| {
        let reopening_after_deadline =
            to == Status::Open && statement.deadline_at.is_some_and(|d| d <= now);
        db::set_status(conn, &statement.id, to, now, reopening_after_deadline)?;
        let summary = Phrase::new(match (from, to, reopening_after_deadline) {
            (Status::Draft, _, false) => "audit-statement-open",
            (Status::Draft, _, true) => "audit-statement-open-deadline-removed",
            (_, Status::Closed, _) => "audit-statement-close",
            (_, _, false) => "audit-statement-reopen",
            (_, _, true) => "audit-statement-reopen-deadline-removed",
        });
        audit::record(
            conn,
            &statement.coalition_id,
            &actor,
            "statement.status",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(())
    })
}

/// Closes every open statement whose deadline has passed; returns how many.
pub fn close_overdue(conn: &mut DbConn) -> QueryResult<usize> {
    let now = crate::db::now();
    let overdue = db::overdue(conn, now)?;
    for statement in &overdue {
        crate::db::transaction(conn, |conn| {
            db::set_status(conn, &statement.id, Status::Closed, now, false)?;
            audit::record(
                conn,
                &statement.coalition_id,
                &Actor::System,
                "statement.status",
                "statement",
                &statement.id,
                &Phrase::new("audit-statement-close-deadline"),
            )
        })?;
    }
    Ok(overdue.len())
}

/// A new preview link; the old one stops working.
pub fn rotate_preview_link(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::bump_preview_version(conn, &statement.id)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "statement.preview-link",
            "statement",
            &statement.id,
            &Phrase::new("audit-statement-preview-link"),
        )
    })
}

/// The private preview token of a statement: signed over its id and link
/// version, so it can be shown again and replaced, and is never stored.
pub fn preview_token(secret: &SecretKey, statement: &Statement) -> String {
    let version = statement.preview_version.to_string();
    signed::sign(secret, Link::Preview, &[&statement.id, &version])
}

pub fn preview_token_matches(secret: &SecretKey, statement: &Statement, typed: &str) -> bool {
    let version = statement.preview_version.to_string();
    signed::verify(secret, Link::Preview, &[&statement.id, &version], typed)
}

/// A partner's comment on a draft, as typed and normalized.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub name: String,
    pub organization: String,
    pub body: String,
}

pub fn add_comment(
    conn: &mut DbConn,
    statement: &Statement,
    revision: &Revision,
    comment: &NewComment,
) -> QueryResult<()> {
    db::insert_comment(conn, &statement.id, &revision.id, comment)
}

pub fn comments(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<(Comment, String, i32)>> {
    db::comments(conn, statement_id)
}

pub fn resolve_comment(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    comment_id: &str,
) -> QueryResult<bool> {
    crate::db::transaction(conn, |conn| {
        let changed = db::resolve_comment(conn, &statement.id, comment_id, &actor.name)?;
        if changed > 0 {
            audit::record(
                conn,
                &statement.coalition_id,
                &Actor::Coordinator(actor),
                "statement.comment-resolve",
                "comment",
                comment_id,
                &Phrase::new("audit-statement-comment-resolve"),
            )?;
        }
        Ok(changed > 0)
    })
}

/// A statement by id, whatever its coalition (for internal use only).
pub fn find_any(conn: &mut DbConn, id: &str) -> QueryResult<Option<Statement>> {
    db::find(conn, id)
}

/// A statement by its public address.
pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Statement>> {
    db::find_by_slug(conn, slug)
}

/// Stores the counts of listed signatures (kept by `signatures`).
pub fn set_listed_counts(
    conn: &mut DbConn,
    id: &str,
    organizations: i64,
    individuals: i64,
) -> QueryResult<()> {
    db::set_listed_counts(conn, id, organizations, individuals)
}

/// The current title in `language`, or in the statement's main language.
pub fn title_in(conn: &mut DbConn, statement: &Statement, language: &str) -> QueryResult<String> {
    let version = match db::version(conn, &statement.id, language)? {
        Some(version) => version,
        None => db::version(conn, &statement.id, &statement.language)?
            .ok_or(diesel::result::Error::NotFound)?,
    };
    Ok(version.title)
}

/// A typed-text error in the page's language, for public forms.
pub fn text_error(lang: crate::i18n::Lang, error: &TextError) -> String {
    crate::web::forms::text_error(lang, error)
}

/// The version in `language`, or the main one when there is none.
pub fn version_or_main(
    conn: &mut DbConn,
    statement: &Statement,
    language: &str,
) -> QueryResult<Option<Version>> {
    match db::version(conn, &statement.id, language)? {
        Some(version) => Ok(Some(version)),
        None => db::version(conn, &statement.id, &statement.language),
    }
}

impl Revision {
    /// The body as safe HTML: the rendering stored when the revision was
    /// saved, or, for a row older than that, rendered now.
    pub fn html(&self) -> maud::PreEscaped<String> {
        match &self.body_html {
            Some(html) => maud::PreEscaped(html.clone()),
            None => text::render_markdown(&self.body),
        }
    }
}

/// Renders and stores the body of every revision saved before renderings
/// were stored; returns how many. Run at start, before pages are served.
pub fn render_stored_revisions(conn: &mut DbConn) -> QueryResult<usize> {
    let mut rendered = 0;
    loop {
        let batch = db::unrendered_revisions(conn, 100)?;
        if batch.is_empty() {
            return Ok(rendered);
        }
        for (id, body) in batch {
            db::store_rendering(conn, &id, &text::render_markdown(&body).into_string())?;
            rendered += 1;
        }
    }
}

/// A revision by id.
pub fn revision_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<Revision>> {
    db::revision_by_id(conn, id)
}

/// Revision numbers by revision id, for every version of a statement.
pub fn revision_numbers(
    conn: &mut DbConn,
    statement_id: &str,
) -> QueryResult<std::collections::HashMap<String, i32>> {
    db::revision_numbers(conn, statement_id)
}
