//! A statement's settings and the steps of its life (draft, open,
//! closed), with the audit entries they leave.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::{ListOrder, Signers, Statement, StatementError, Status, db};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;

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
        if settings.list_order != statement.list_order || settings.language != statement.language {
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
    if before.signers != after.signers {
        changes.push(words(
            "audit-setting-signers",
            "signers",
            before.signers.as_str(),
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
    if before.list_order != after.list_order {
        changes.push(words(
            "audit-setting-list-order",
            "list-order",
            before.list_order.as_str(),
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
