//! Applying an import: the plan made again inside one transaction, new
//! contacts written many rows per statement, updates row by row, progress
//! reported after each batch. Any failure rolls everything back.

use super::{Mapping, Values, Verdict};
use crate::audit::{self, Actor};
use crate::contacts::db::{self, NewContact, NewTag};
use crate::contacts::fields::Field;
use crate::db::DbConn;
use crate::i18n::{Lang, Phrase, t};
use crate::imports::{MappingProblem, Record, Report};
use crate::suppressions::{self, Reason};

/// Contacts written per statement: 14 values each, well under SQLite's and
/// PostgreSQL's bound-parameter limits.
const BATCH: usize = 500;
/// Tags written per statement (3 values each).
const TAG_BATCH: usize = 2_000;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the columns cannot be imported")]
    Mapping(MappingProblem<Field>),
    #[error("the contacts changed since the preview")]
    Stale,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl ImportError {
    /// What happened, for the coordinator: nothing was changed either way.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Mapping(problem) => problem.message(lang),
            Self::Stale => t(lang, "import-stale"),
            Self::Database(_) => t(lang, "import-failed"),
        }
    }
}

fn tags_of<'a>(
    coalition_id: &'a str,
    rows: impl Iterator<Item = (&'a str, &'a Values)>,
) -> Vec<NewTag<'a>> {
    rows.flat_map(|(id, values)| {
        values.tags.iter().map(move |tag| NewTag {
            contact_id: id,
            coalition_id,
            tag,
        })
    })
    .collect()
}

fn insert_tags(conn: &mut DbConn, tags: &[NewTag<'_>]) -> diesel::QueryResult<()> {
    for batch in tags.chunks(TAG_BATCH) {
        db::insert_tags(conn, batch)?;
    }
    Ok(())
}

fn new_contact<'a>(coalition_id: &'a str, id: &str, v: &'a Values) -> NewContact<'a> {
    let now = crate::db::now();
    NewContact {
        id: id.to_owned(),
        coalition_id,
        fields: db::Edit {
            email: &v.email,
            email_key: v.email.trim().to_lowercase(),
            name: v.name.as_deref().unwrap_or_default(),
            phone: v.phone.as_deref(),
            outlet: v.outlet.as_deref(),
            role: v.role.as_deref(),
            country: v.country.as_deref(),
            language: v.language.as_deref(),
            notes: v.notes.as_deref(),
            do_not_contact: v.do_not_contact,
            updated_at: now,
            search_key: crate::contacts::contact::search_key(
                v.name.as_deref().unwrap_or_default(),
                &v.email,
                v.outlet.as_deref(),
            ),
        },
        created_at: now,
    }
}

fn fill(v: &Values) -> db::Fill<'_> {
    db::Fill {
        name: v.name.as_deref(),
        phone: v.phone.as_deref(),
        outlet: v.outlet.as_deref(),
        role: v.role.as_deref(),
        country: v.country.as_deref(),
        language: v.language.as_deref(),
        notes: v.notes.as_deref(),
        do_not_contact: v.do_not_contact.then_some(true),
        updated_at: crate::db::now(),
    }
}

/// Imports `table` (its header and rows, as read) with `mapping` in one
/// transaction. With `expected` (the
/// fingerprint of the plan the coordinator saw), refuses when the plan
/// changed meanwhile. `progress` hears (rows done, rows to write).
pub fn apply(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    table: (&[String], &[Record]),
    mapping: &Mapping,
    expected: Option<&str>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, ImportError> {
    let (headers, records) = table;
    if let Some(problem) = mapping.problem() {
        return Err(ImportError::Mapping(problem));
    }
    crate::db::transaction(conn, |conn| {
        let plan = super::plan(conn, coalition_id, headers, records, mapping)?;
        if expected.is_some_and(|e| e != plan.fingerprint()) {
            return Err(ImportError::Stale);
        }
        let creates: Vec<(String, &Values)> = plan
            .rows
            .iter()
            .filter_map(|r| match &r.verdict {
                Verdict::Create(v) => Some((crate::db::new_id(), v)),
                _ => None,
            })
            .collect();
        let updates: Vec<(&str, &Values)> = plan
            .rows
            .iter()
            .filter_map(|r| match &r.verdict {
                Verdict::Update(id, v) => Some((id.as_str(), v)),
                _ => None,
            })
            .collect();
        let total = creates.len() + updates.len();
        let mut done = 0;
        progress(done, total);
        for batch in creates.chunks(BATCH) {
            let rows: Vec<NewContact<'_>> = batch
                .iter()
                .map(|(id, v)| new_contact(coalition_id, id, v))
                .collect();
            db::insert_contacts(conn, &rows)?;
            insert_tags(
                conn,
                &tags_of(coalition_id, batch.iter().map(|(id, v)| (id.as_str(), *v))),
            )?;
            done += batch.len();
            progress(done, total);
        }
        for batch in updates.chunks(BATCH) {
            for (id, v) in batch {
                db::fill(conn, id, &fill(v))?;
                crate::contacts::contact::refresh_search_key(conn, id)?;
            }
            insert_tags(conn, &tags_of(coalition_id, batch.iter().copied()))?;
            done += batch.len();
            progress(done, total);
        }
        let marked = creates
            .iter()
            .map(|(_, v)| *v)
            .chain(updates.iter().map(|(_, v)| *v));
        for values in marked.filter(|v| v.do_not_contact) {
            suppressions::add(
                conn,
                coalition_id,
                &values.email,
                Reason::DoNotContact,
                Some("import"),
            )?;
        }
        let report = Report {
            created: creates.len(),
            updated: updates.len(),
            rejected: plan.rejected(),
        };
        let summary = Phrase::new("audit-contact-import")
            .count("created", report.created)
            .count("updated", report.updated)
            .count("rejected", report.rejected);
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact.import",
            "contacts",
            coalition_id,
            &summary,
        )?;
        Ok(report)
    })
}
