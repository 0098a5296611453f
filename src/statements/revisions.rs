//! The text of a statement: drafts as typed, its versions in each
//! language, their numbered revisions and translations.

use diesel::QueryResult;

use super::{
    ChangeKind, MAX_BODY_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS, Revision, Statement,
    StatementError, Status, Version, db,
};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::text::{self, TextError};

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

/// The current title in `language`, or in the statement's main language.
pub fn title_in(conn: &mut DbConn, statement: &Statement, language: &str) -> QueryResult<String> {
    let version = match db::version(conn, &statement.id, language)? {
        Some(version) => version,
        None => db::version(conn, &statement.id, &statement.language)?
            .ok_or(diesel::result::Error::NotFound)?,
    };
    Ok(version.title)
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
