//! The coordinator's side of signatures: the filtered list, approval and
//! rejection, merging duplicates, display names and manual order.

use diesel::QueryResult;

use super::db::{self, Signature};
use super::signing::Ctx;
use super::{Status, placement_key};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::mail;
use crate::statements::Statement;

pub use db::{ListFilter, ListPage};

/// What a coordinator decides about a confirmed signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    #[error("only confirmed signatures can be approved or rejected")]
    NotConfirmed,
    #[error("choose two different signatures of this statement")]
    BadMerge,
    #[error(transparent)]
    Template(#[from] mail::templates::TemplateError),
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

pub fn list(conn: &mut DbConn, statement_id: &str, filter: &ListFilter) -> QueryResult<ListPage> {
    db::list(conn, statement_id, filter)
}

/// Every signature the filter selects, on all pages; with `moderatable`,
/// only those that can be approved or rejected.
pub fn selected_ids(
    conn: &mut DbConn,
    statement_id: &str,
    filter: &ListFilter,
    moderatable: bool,
) -> QueryResult<Vec<String>> {
    db::selected_ids(conn, statement_id, filter, moderatable)
}

/// Deletes signatures for good (a wrong import, spam), with the ones merged
/// into them; all or nothing, recorded in the audit log. Returns how many
/// were deleted.
pub fn delete(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    ids: &[String],
) -> QueryResult<usize> {
    crate::db::transaction(conn, |conn| {
        let names = db::delete(conn, &statement.id, ids)?;
        super::refresh_counts(conn, &statement.id)?;
        let summary = Phrase::new("audit-signature-delete")
            .count("count", names.len())
            .text("names", names.join(", "));
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.deleted",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(names.len())
    })
}

/// A signature of `statement`, or none (another statement's is not found).
pub fn find_in(
    conn: &mut DbConn,
    statement: &Statement,
    id: &str,
) -> QueryResult<Option<Signature>> {
    Ok(db::find(conn, id)?.filter(|s| s.statement_id == statement.id))
}

/// Other signatures that look like the same organization.
pub fn duplicates_of(conn: &mut DbConn, signature: &Signature) -> QueryResult<Vec<Signature>> {
    db::duplicates_of(conn, signature)
}

/// Approves or rejects several signatures at once, optionally telling each
/// signer by mail; all or nothing.
pub fn decide(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    actor: &Coordinator,
    ids: &[String],
    decision: Decision,
    notify: bool,
) -> Result<usize, ModerationError> {
    crate::db::transaction(conn, |conn| {
        let now = crate::db::now();
        let mut names = Vec::new();
        for id in ids {
            let Some(signature) = find_in(conn, statement, id)? else {
                continue;
            };
            if !matches!(
                signature.status,
                Status::Confirmed | Status::Approved | Status::Rejected
            ) {
                return Err(ModerationError::NotConfirmed);
            }
            match decision {
                Decision::Approve => db::mark_approved(
                    conn,
                    id,
                    !signature.hidden_until_reconsent,
                    &actor.name,
                    now,
                )?,
                Decision::Reject => db::set_state(conn, id, Status::Rejected, false)?,
            };
            if notify {
                send_decision(conn, ctx, statement, &signature, decision)?;
            }
            names.push(signature.name.clone());
        }
        super::refresh_counts(conn, &statement.id)?;
        let verb = match decision {
            Decision::Approve => "approved",
            Decision::Reject => "rejected",
        };
        let id_of_summary = match (decision, notify) {
            (Decision::Approve, false) => "audit-signature-approve",
            (Decision::Approve, true) => "audit-signature-approve-told",
            (Decision::Reject, false) => "audit-signature-reject",
            (Decision::Reject, true) => "audit-signature-reject-told",
        };
        let summary = Phrase::new(id_of_summary)
            .count("count", names.len())
            .text("names", names.join(", "));
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            &format!("signature.{verb}"),
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(names.len())
    })
}

fn send_decision(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
    decision: Decision,
) -> Result<(), ModerationError> {
    let template = match decision {
        Decision::Approve => "signature-approved",
        Decision::Reject => "signature-rejected",
    };
    super::signing::mail_signer(
        conn,
        ctx,
        statement,
        signature,
        template,
        &signature.id,
        serde_json::json!({
            "public_url": format!("{}/s/{}", ctx.mail.base_url, statement.slug),
        }),
    )
}

/// Corrects how a name is shown; the signer's own entry is kept.
pub fn set_display_name(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    signature: &Signature,
    display: Option<&str>,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        let shown = display.unwrap_or(&signature.name);
        let key = placement_key(
            statement,
            shown,
            signature.country.as_deref(),
            signature.confirmed_at.unwrap_or(signature.created_at),
            signature.manual_position,
        );
        let search_key = super::normalize::search_key(
            &signature.name,
            display,
            signature.signer_name.as_deref(),
            &signature.email,
        );
        db::set_display_name(conn, &signature.id, display, &key, &search_key)?;
        let before = signature.display_name.as_deref().unwrap_or(&signature.name);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.display-name",
            "signature",
            &signature.id,
            &Phrase::new("audit-signature-display-name")
                .text("before", before)
                .text("shown", shown)
                .text("entered", &signature.name),
        )
    })
}

/// Places a signature in the manual order (lower comes first; none = last).
pub fn set_position(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    signature: &Signature,
    position: Option<i32>,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        let key = placement_key(
            statement,
            signature.display_name.as_deref().unwrap_or(&signature.name),
            signature.country.as_deref(),
            signature.confirmed_at.unwrap_or(signature.created_at),
            position,
        );
        db::set_manual_position(conn, &signature.id, position, &key)?;
        let summary = match position {
            Some(p) => Phrase::new("audit-signature-position").count("position", p),
            None => Phrase::new("audit-signature-position-end"),
        }
        .text("name", &signature.name);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.position",
            "signature",
            &signature.id,
            &summary,
        )
    })
}

/// What the kept signature of a merge takes from the absorbed one: the
/// address when it has none (an imported row), so that mail to the
/// signatories still reaches the person who confirmed; and the absorbed
/// one's state when it went further (confirmed or approved), so that the
/// merged signature is listed as the confirmed one was.
fn take_over(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    keep: &Signature,
    drop: &Signature,
) -> Result<(), ModerationError> {
    if keep.email.is_empty() && !drop.email.is_empty() {
        let signer_name = keep.signer_name.as_deref().or(drop.signer_name.as_deref());
        let domain_matches = keep
            .website_domain
            .as_deref()
            .is_some_and(|d| super::normalize::email_matches_domain(&drop.email, d));
        let search_key = super::normalize::search_key(
            &keep.name,
            keep.display_name.as_deref(),
            signer_name,
            &drop.email,
        );
        let left_key = super::normalize::search_key(
            &drop.name,
            drop.display_name.as_deref(),
            drop.signer_name.as_deref(),
            "",
        );
        db::move_address(
            conn,
            &drop.id,
            &left_key,
            &keep.id,
            &db::Address {
                email: &drop.email,
                signer_name,
                signer_title: keep
                    .signer_title
                    .as_deref()
                    .or(drop.signer_title.as_deref()),
                language: &drop.language,
                domain_matches,
                search_key: &search_key,
            },
        )?;
    }
    let rank = |status: Status| match status {
        Status::PendingEmail => Some(0),
        Status::Confirmed => Some(1),
        Status::Approved => Some(2),
        _ => None,
    };
    if let (Some(kept), Some(absorbed)) = (rank(keep.status), rank(drop.status))
        && absorbed > kept
    {
        let visible = !keep.hidden_until_reconsent;
        match drop.status {
            Status::Approved => {
                let by = drop.approved_by.as_deref().unwrap_or(&actor.name);
                let at = drop.approved_at.unwrap_or_else(crate::db::now);
                db::mark_approved(conn, &keep.id, visible, by, at)?;
            }
            _ => {
                let listed = visible && Status::Confirmed.is_listed(statement.requires_approval);
                db::set_state(conn, &keep.id, Status::Confirmed, listed)?;
            }
        }
    }
    Ok(())
}

/// Merges two duplicates into the earlier one, which keeps the earlier
/// time and every confirmed address; the later one is kept in the records
/// as merged into it. All in one transaction.
pub fn merge(
    conn: &mut DbConn,
    statement: &Statement,
    actor: &Coordinator,
    first: &str,
    second: &str,
) -> Result<String, ModerationError> {
    crate::db::transaction(conn, |conn| {
        let (Some(a), Some(b)) = (
            find_in(conn, statement, first)?,
            find_in(conn, statement, second)?,
        ) else {
            return Err(ModerationError::BadMerge);
        };
        let merged = |s: &Signature| s.merged_into.is_some() || s.status == Status::Merged;
        if a.id == b.id || merged(&a) || merged(&b) {
            return Err(ModerationError::BadMerge);
        }
        let (keep, drop) = if (a.created_at, &a.id) <= (b.created_at, &b.id) {
            (a, b)
        } else {
            (b, a)
        };
        take_over(conn, statement, actor, &keep, &drop)?;
        let confirmed = match (keep.confirmed_at, drop.confirmed_at) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        let created = keep.created_at.min(drop.created_at);
        db::set_created_at(conn, &keep.id, created, confirmed)?;
        // The kept signature may now date from earlier: its place in a list
        // ordered by time moves with it.
        let shown = keep.display_name.as_deref().unwrap_or(&keep.name);
        let key = placement_key(
            statement,
            shown,
            keep.country.as_deref(),
            confirmed.unwrap_or(created),
            keep.manual_position,
        );
        db::set_list_key(conn, &keep.id, &key)?;
        db::set_merged(conn, &drop.id, &keep.id)?;
        super::refresh_counts(conn, &statement.id)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.merge",
            "signature",
            &keep.id,
            &Phrase::new("audit-signature-merge")
                .text("dropped-name", &drop.name)
                .text("dropped-email", &drop.email)
                .text("kept-name", &keep.name)
                .text("kept-email", &keep.email),
        )?;
        Ok(keep.id)
    })
}
