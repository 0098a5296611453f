//! Applying a signature import: the plan made again inside one
//! transaction, and refused whole when it changed since the preview; then
//! each good row listed or sent its confirmation, with progress reported
//! as it goes. Any failure rolls everything back.

use super::{Mapping, Mode, RowProblem};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::{Lang, Phrase, t};
use crate::imports::{MappingProblem, Reason, Report};
use crate::signatures::Status;
use crate::signatures::signing::{self, Ctx};
use crate::statements::{Revision, Statement};

/// Rows written between two progress reports.
const BATCH: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the columns cannot be imported")]
    Mapping(MappingProblem<super::Field>),
    #[error("the signatures changed since the preview")]
    Stale,
    #[error(transparent)]
    Signing(#[from] signing::SigningError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl ImportError {
    /// What happened, for the coordinator: nothing was changed either way.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Mapping(problem) => RowProblem::Mapping(*problem).message(lang),
            Self::Stale => t(lang, "import-stale"),
            Self::Signing(_) | Self::Database(_) => t(lang, "import-failed"),
        }
    }
}

/// What the apply works on.
pub struct Import<'a> {
    pub statement: &'a Statement,
    pub revision: &'a Revision,
    pub actor: &'a Coordinator,
    /// The list as read.
    pub read: &'a super::Read,
    pub mapping: &'a Mapping,
    pub mode: Mode,
    /// The fingerprint of the plan the coordinator saw, if there was a
    /// preview.
    pub expected: Option<&'a str>,
}

/// Takes in every good row of the list, all in one transaction.
pub fn apply(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    import: &Import<'_>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, ImportError> {
    let statement = import.statement;
    if let Some(problem) = import.mapping.problem() {
        return Err(ImportError::Mapping(problem));
    }
    crate::db::transaction(conn, |conn| {
        let plan = super::plan(
            conn,
            statement,
            import.read,
            import.mapping,
            import.mode,
            Lang::En,
        )?;
        if import.expected.is_some_and(|e| e != plan.fingerprint()) {
            return Err(ImportError::Stale);
        }
        let now = crate::db::now();
        let rows: Vec<(String, &signing::SignOn)> = plan
            .writes()
            .filter_map(|v| v.values())
            .map(|sign_on| (crate::db::new_id(), sign_on))
            .collect();
        let total = rows.len();
        progress(0, total);
        let how = match import.mode {
            Mode::List => signing::Imported {
                status: Status::Confirmed,
                revision_id: &import.revision.id,
                confirmed_at: Some(now),
                // The coordinator's import is the approval.
                approved_by: statement
                    .requires_approval
                    .then_some(import.actor.name.as_str()),
            },
            Mode::Confirm => signing::Imported {
                status: Status::PendingEmail,
                revision_id: &import.revision.id,
                confirmed_at: None,
                approved_by: None,
            },
        };
        let mut done = 0;
        for chunk in rows.chunks(BATCH) {
            signing::store_imported(conn, statement, chunk, &how)?;
            if import.mode == Mode::Confirm {
                for (id, sign_on) in chunk {
                    signing::send_confirmation_for(conn, ctx, statement, id, sign_on)?;
                }
            }
            done += chunk.len();
            progress(done, total);
        }
        progress(total, total);
        crate::signatures::refresh_counts(conn, &statement.id)?;
        let summary = Phrase::new(match import.mode {
            Mode::List => "audit-signature-import-listed",
            Mode::Confirm => "audit-signature-import-confirm",
        })
        .count("count", total);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(import.actor),
            "signature.import",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(Report {
            created: total,
            updated: 0,
            rejected: plan.rejected(),
        })
    })
}
