//! Inviting organizations to sign: a personal mail each, with a link that
//! opens the form pre-filled and proves the address, so signing through it
//! needs no second confirmation. Suppressed addresses are never invited.

mod db;
pub mod public;
pub mod routes;
mod views;

use diesel::QueryResult;

use super::signing::{self, Ctx, SignOn, SigningError};
use super::{Kind, Source, Status};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::{DbConn, text_enum};
use crate::i18n::{CountryCode, Lang, Phrase, t_args};
use crate::mail::{self, OutgoingMail, Priority};
use crate::statements::{Revision, Statement};

pub use db::Invitation;

text_enum!(
    /// Where an invitation stands, as the coordinator sees it.
    State { Invited => "invited", Opened => "opened", Signed => "signed", Declined => "declined" }
);

impl State {
    /// The state in words of `lang`, for coordinators.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::t;
        match self {
            Self::Invited => t(lang, "invitation-state-invited"),
            Self::Opened => t(lang, "invitation-state-opened"),
            Self::Signed => t(lang, "invitation-state-signed"),
            Self::Declined => t(lang, "invitation-state-declined"),
        }
    }
}

/// One organization to invite.
#[derive(Debug, Clone)]
pub struct Invitee {
    pub email: String,
    pub organization: String,
    pub country: Option<CountryCode>,
    pub contact: Option<String>,
}

/// What an invitation run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub invited: usize,
    pub suppressed: usize,
    pub already: usize,
}

/// Why a line of a pasted list of invitees cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineProblem {
    Unreadable(usize),
    NoEmail(usize),
    NoOrganization(usize),
    BadCountry(usize),
}

impl LineProblem {
    /// The problem in the reader's language.
    pub fn message(self, lang: Lang) -> String {
        let (id, line) = match self {
            Self::Unreadable(line) => ("invitations-line-unreadable", line),
            Self::NoEmail(line) => ("invitations-line-no-email", line),
            Self::NoOrganization(line) => ("invitations-line-no-organization", line),
            Self::BadCountry(line) => ("invitations-line-bad-country", line),
        };
        t_args(lang, id, &[("line", line.into())])
    }
}

/// Parses a pasted list: a CSV with a header line (email, organization,
/// country, contact in English or Spanish), or lines of
/// `email, organization[, country[, contact]]`. Returns the invitees and the
/// lines that could not be used.
pub fn parse_list(text: &str) -> (Vec<Invitee>, Vec<LineProblem>) {
    use crate::imports::{FileProblem, sheet};
    use crate::signatures::import::{Field, Mapping};
    let records = match sheet::read_text(text) {
        Ok(records) => records,
        Err(FileProblem::Unreadable(line)) => {
            return (Vec::new(), vec![LineProblem::Unreadable(line as usize)]);
        }
        Err(_) => return (Vec::new(), Vec::new()),
    };
    let has_header = records
        .first()
        .is_some_and(|(_, cells)| !cells.iter().any(|c| c.contains('@')));
    let mapping = match records.first() {
        Some((_, headers)) if has_header => Mapping::guess(headers),
        _ => crate::imports::Mapping(vec![
            Some(Field::Email),
            Some(Field::Organization),
            Some(Field::Country),
            Some(Field::Contact),
        ]),
    };
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for (line, record) in records.iter().skip(usize::from(has_header)) {
        let line = *line as usize;
        let cell = |field| mapping.cell(record, field, " ");
        let email = crate::accounts::Email::parse(&cell(Field::Email));
        let organization = crate::text::normalize_line(&cell(Field::Organization), 200).ok();
        let country = match cell(Field::Country).as_str() {
            "" => Some(None),
            written => crate::i18n::country_from_code_or_name(written).map(Some),
        };
        match (email, organization, country) {
            (Some(email), Some(organization), Some(country)) => good.push(Invitee {
                email: email.as_str().to_owned(),
                organization,
                country,
                contact: crate::text::normalize_optional_line(&cell(Field::Contact), 120)
                    .ok()
                    .flatten(),
            }),
            (None, _, _) => bad.push(LineProblem::NoEmail(line)),
            (_, None, _) => bad.push(LineProblem::NoOrganization(line)),
            (_, _, None) => bad.push(LineProblem::BadCountry(line)),
        }
    }
    (good, bad)
}

fn send(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    coalition: &crate::coalitions::Coalition,
    revision: &Revision,
    invitation: &Invitation,
    reminder: bool,
) -> Result<(), SigningError> {
    let link = format!(
        "{}/i/{}/{}",
        ctx.mail.base_url,
        invitation.id,
        signing::invitation_token(ctx.secret, &invitation.id)
    );
    let unsubscribe = crate::suppressions::unsubscribe_url(
        &ctx.mail.base_url,
        ctx.secret,
        &statement.coalition_id,
        &invitation.email,
        crate::i18n::Lang::for_content(&statement.language),
    );
    let content = mail::templates::render_localized(
        "sign-invitation",
        &statement.language,
        &serde_json::json!({
            "contact": invitation.contact_name,
            "organization": invitation.organization,
            "coalition": coalition.name,
            "title": revision.title,
            "excerpt": crate::text::markdown_excerpt(&revision.body, 280),
            "link": link,
            "unsubscribe": unsubscribe,
            "reminder": reminder,
        }),
    )?;
    mail::enqueue(
        conn,
        ctx.mail,
        &OutgoingMail {
            purpose: if reminder {
                "sign-invitation-reminder".into()
            } else {
                "sign-invitation".into()
            },
            subject_id: invitation.id.clone(),
            to: invitation.email.clone(),
            to_name: invitation.contact_name.clone(),
            content,
            headers: crate::suppressions::list_unsubscribe_headers(&unsubscribe),
            priority: Priority::Bulk,
            sender: coalition.sender(None),
        },
    )?;
    Ok(())
}

/// Invites every invitee who is not suppressed, has not signed and was not
/// invited before; one transaction.
pub fn invite(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    coalition: &crate::coalitions::Coalition,
    revision: &Revision,
    actor: &Coordinator,
    invitees: &[Invitee],
) -> Result<Report, SigningError> {
    crate::db::transaction(conn, |conn| {
        let mut report = Report::default();
        for invitee in invitees {
            if crate::suppressions::is_suppressed(conn, &statement.coalition_id, &invitee.email)? {
                report.suppressed += 1;
                continue;
            }
            if db::exists(conn, &statement.id, &invitee.email)?
                || super::db::find_by_email(conn, &statement.id, &invitee.email)?.is_some()
            {
                report.already += 1;
                continue;
            }
            let invitation = db::insert(conn, &statement.id, invitee, &actor.id)?;
            send(
                conn,
                ctx,
                statement,
                coalition,
                revision,
                &invitation,
                false,
            )?;
            report.invited += 1;
        }
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.invite",
            "statement",
            &statement.id,
            &Phrase::new("audit-signature-invite")
                .count("invited", report.invited)
                .count("suppressed", report.suppressed)
                .count("already", report.already),
        )?;
        Ok(report)
    })
}

/// One reminder to each invitation not yet answered nor reminded.
pub fn remind(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    coalition: &crate::coalitions::Coalition,
    revision: &Revision,
    actor: &Coordinator,
) -> Result<usize, SigningError> {
    crate::db::transaction(conn, |conn| {
        let pending = db::unanswered_unreminded(conn, &statement.id)?;
        let mut sent = 0;
        for invitation in &pending {
            if crate::suppressions::is_suppressed(conn, &statement.coalition_id, &invitation.email)?
            {
                continue;
            }
            send(conn, ctx, statement, coalition, revision, invitation, true)?;
            db::mark_reminded(conn, &invitation.id)?;
            sent += 1;
        }
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.remind",
            "statement",
            &statement.id,
            &Phrase::new("audit-signature-remind").count("count", sent),
        )?;
        Ok(sent)
    })
}

pub fn list(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Invitation>> {
    db::list(conn, statement_id)
}

/// Signatories of the coalition's other statements not yet invited to or
/// signed on this one.
pub fn earlier_signatories(conn: &mut DbConn, statement: &Statement) -> QueryResult<Vec<Invitee>> {
    let rows = db::earlier_signatories(conn, &statement.coalition_id, &statement.id)?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (email, name, country, contact) in rows {
        if email.is_empty() || !seen.insert(email.clone()) {
            continue;
        }
        if db::exists(conn, &statement.id, &email)?
            || super::db::find_by_email(conn, &statement.id, &email)?.is_some()
        {
            continue;
        }
        out.push(Invitee {
            email,
            organization: name,
            country: country.as_deref().and_then(CountryCode::parse),
            contact,
        });
    }
    Ok(out)
}

/// The invitation behind a personal link, when the link is right.
pub fn find_by_link(
    conn: &mut DbConn,
    secret: &crate::config::SecretKey,
    id: &str,
    token: &str,
) -> QueryResult<Option<Invitation>> {
    if !signing::invitation_token_matches(secret, id, token) {
        return Ok(None);
    }
    db::find(conn, id)
}

/// The invited person opened the form (reported by the page's script, so
/// mail scanners that only fetch the link do not count).
pub fn mark_opened(conn: &mut DbConn, invitation: &Invitation) -> QueryResult<usize> {
    db::mark_opened(conn, &invitation.id)
}

pub fn decline(conn: &mut DbConn, invitation: &Invitation) -> QueryResult<usize> {
    db::answer(conn, &invitation.id, State::Declined, None)
}

/// Signs through the invitation. The link proved the invited address, so
/// the signature is confirmed at once; a different address typed in the
/// form still has to be confirmed by mail.
pub fn sign(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    revision: &Revision,
    invitation: &Invitation,
    sign_on: &SignOn,
) -> Result<bool, SigningError> {
    crate::db::transaction(conn, |conn| {
        if sign_on.email != invitation.email {
            let submitted = signing::submit(conn, ctx, statement, revision, sign_on)?;
            return Ok(matches!(submitted, signing::Submitted::Listed(_)));
        }
        if let Some(existing) = super::db::find_by_email(conn, &statement.id, &sign_on.email)?
            && existing.status != Status::Withdrawn
        {
            db::answer(conn, &invitation.id, State::Signed, Some(&existing.id))?;
            return Ok(true);
        }
        let id = super::db::find_by_email(conn, &statement.id, &sign_on.email)?
            .map(|s| s.id)
            .unwrap_or_else(crate::db::new_id);
        let now = crate::db::now();
        let kind_ok = sign_on.kind == Kind::Organization || statement.signers().takes_individuals();
        if !kind_ok {
            return Err(SigningError::InvalidLink);
        }
        signing::store(
            conn,
            statement,
            &id,
            sign_on,
            Status::Confirmed,
            Source::Invitation,
            &revision.id,
            Some(now),
        )?;
        super::db::set_invitation(conn, &id, &invitation.id)?;
        db::answer(conn, &invitation.id, State::Signed, Some(&id))?;
        Ok(true)
    })
}
