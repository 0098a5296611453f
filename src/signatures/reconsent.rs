//! Consent to a changed text: when a coordinator saves a material
//! revision, every listed signer of an earlier revision is asked by mail to
//! confirm the new text or withdraw.

use diesel::QueryResult;

use super::Status;
use super::db::{self, Signature};
use super::signing::{self, Ctx, SigningError};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::mail::{self, OutgoingMail, Priority};
use crate::statements::{
    self, ChangeKind, Draft, Revision, Saved, Statement, StatementError, Version,
};

/// What happens to the listing of a signer until they answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Stays listed, marked as having signed the earlier revision.
    StayListed,
    /// Leaves the list until they confirm.
    Hidden,
}

impl Pending {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "stay" => Some(Self::StayListed),
            "hide" => Some(Self::Hidden),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReviseError {
    #[error(transparent)]
    Statement(#[from] StatementError),
    #[error(transparent)]
    Signing(#[from] SigningError),
}

impl From<diesel::result::Error> for ReviseError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Statement(StatementError::Database(error))
    }
}

/// Saves a revision; a material one on an opened statement also asks its
/// earlier signers to consent, in the same transaction. Returns what was
/// saved and how many signers were asked.
#[expect(
    clippy::too_many_arguments,
    reason = "the revision and what a material change needs"
)]
pub fn save_revision(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    version: &Version,
    author: &Coordinator,
    draft: &Draft,
    kind: Option<ChangeKind>,
    pending: Pending,
    base: i32,
) -> Result<(Saved, usize), ReviseError> {
    crate::db::transaction(conn, |conn| {
        let saved = statements::save_revision(conn, statement, version, author, draft, kind, base)?;
        let Saved::NewRevision(number) = saved else {
            return Ok((saved, 0));
        };
        if kind != Some(ChangeKind::Material)
            || statement.stored_status() == statements::Status::Draft
        {
            return Ok((saved, 0));
        }
        let revision = statements::revision(conn, &version.id, number)?
            .ok_or(diesel::result::Error::NotFound)?;
        let asked = ask(conn, ctx, statement, version, &revision, pending)?;
        let summary = Phrase::new(match pending {
            Pending::StayListed => "audit-reconsent-ask-listed",
            Pending::Hidden => "audit-reconsent-ask-hidden",
        })
        .count("count", asked)
        .count("number", number);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(author),
            "signature.reconsent",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok((saved, asked))
    })
}

fn ask(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    version: &Version,
    revision: &Revision,
    pending: Pending,
) -> Result<usize, ReviseError> {
    let earlier: Vec<Revision> = statements::revisions(conn, &version.id)?
        .into_iter()
        .filter(|r| r.number < revision.number)
        .collect();
    let ids: Vec<String> = earlier.iter().map(|r| r.id.clone()).collect();
    let signers = db::signed_before(conn, &statement.id, &ids)?;
    let sender = crate::coalitions::find(conn, &statement.coalition_id)?.sender(None);
    for signature in &signers {
        db::set_reconsent(
            conn,
            &signature.id,
            &revision.id,
            pending == Pending::Hidden,
        )?;
        let theirs = earlier
            .iter()
            .find(|r| Some(&r.id) == signature.revision_id.as_ref());
        let diff = theirs
            .map(|old| {
                crate::text::diff_as_text(&crate::text::word_diff(&old.body, &revision.body))
            })
            .unwrap_or_default();
        let greeting = signature.signer_name.as_deref().unwrap_or(&signature.name);
        let content = mail::templates::render_localized(
            "reconsent",
            &signature.language,
            &serde_json::json!({
                "name": greeting,
                "organization": signature.name,
                "title": revision.title,
                "diff": diff,
                "link": signing::reconsent_url(ctx, signature, &revision.id),
                "stays_listed": pending == Pending::StayListed,
                "revision": theirs.map_or(1, |r| r.number),
            }),
        )
        .map_err(SigningError::from)?;
        mail::enqueue(
            conn,
            ctx.mail,
            &OutgoingMail {
                purpose: "reconsent".into(),
                subject_id: format!("{}:{}", signature.id, revision.id),
                to: signature.email.clone(),
                to_name: Some(greeting.to_owned()),
                content,
                headers: Vec::new(),
                priority: Priority::Bulk,
                sender: sender.clone(),
            },
        )
        .map_err(SigningError::from)?;
    }
    if pending == Pending::Hidden && !signers.is_empty() {
        super::refresh_counts(conn, &statement.id)?;
    }
    Ok(signers.len())
}

/// The signature, the revision it signed and the one it is asked about,
/// when the link is right.
pub struct Question {
    pub signature: Signature,
    pub signed: Option<Revision>,
    pub asked: Revision,
}

pub fn question(
    conn: &mut DbConn,
    secret: &crate::config::SecretKey,
    id: &str,
    token: &str,
) -> QueryResult<Option<Question>> {
    let gone = |s: &db::Signature| s.status == Status::Withdrawn || s.status == Status::Merged;
    let Some(signature) = db::find(conn, id)?.filter(|s| !gone(s)) else {
        return Ok(None);
    };
    let Some(asked_id) = signature.reconsent_revision_id.clone() else {
        return Ok(None);
    };
    if !signing::reconsent_token_matches(secret, &signature, &asked_id, token) {
        return Ok(None);
    }
    let asked = statements::revision_by_id(conn, &asked_id)?;
    let signed = match &signature.revision_id {
        Some(rid) => Some(statements::revision_by_id(conn, rid)?),
        None => None,
    };
    Ok(asked.map(|asked| Question {
        signature,
        signed: signed.flatten(),
        asked,
    }))
}

/// The signer supports the new text: the signature now stands for it and
/// is listed again if it was hidden.
pub fn accept(conn: &mut DbConn, statement: &Statement, question: &Question) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        let status = question.signature.status;
        db::accept_reconsent(
            conn,
            &question.signature.id,
            &question.asked.id,
            status.is_listed(statement.requires_approval),
        )?;
        super::refresh_counts(conn, &statement.id)?;
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::System,
            "signature.reconsent-accept",
            "signature",
            &question.signature.id,
            &Phrase::new("audit-reconsent-accept")
                .text("name", &question.signature.name)
                .count("number", question.asked.number),
        )
    })
}
