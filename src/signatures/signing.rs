//! The signer's side: signing through the public form or an invitation,
//! confirming by the emailed link, the private manage link, and consent to
//! a materially changed text.

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;

use super::db::{self, Signature, SignatureRow};
use super::{Kind, Source, Status, normalize, placement_key};
use crate::config::SecretKey;
use crate::db::DbConn;
use crate::i18n::{CountryCode, Phrase};
use crate::mail::{self, MailContext, OutgoingMail, Priority};
use crate::statements::{Revision, Statement};
use crate::tokens::signed::{self, Link};
use crate::tokens::{self, Purpose};

/// A sign-on as typed, parsed and normalized (see `forms.rs`).
#[derive(Debug, Clone)]
pub struct SignOn {
    pub kind: Kind,
    pub name: String,
    pub country: Option<CountryCode>,
    pub website: Option<String>,
    pub affiliation: Option<String>,
    pub city: Option<String>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub email: String,
    pub authorized: bool,
    pub comment: Option<String>,
    /// The language of the page it was signed on; mails follow it.
    pub language: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error("too many messages went to this address today")]
    MailCap,
    #[error("this link is not valid")]
    InvalidLink,
    #[error("the address is used by another signature of this statement")]
    EmailTaken,
    #[error(transparent)]
    Template(#[from] mail::templates::TemplateError),
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// What the services of this module need besides the connection.
pub struct Ctx<'a> {
    pub mail: &'a MailContext,
    pub secret: &'a SecretKey,
    pub confirm_days: i64,
    pub mails_per_day: i64,
}

/// The signer's private manage link; a withdrawal or a new link version
/// retires it. Derived from the secret key, so never stored.
pub fn manage_url(ctx: &Ctx<'_>, signature: &Signature) -> String {
    let token = signed::sign(
        ctx.secret,
        Link::Manage,
        &[&signature.id, &signature.manage_version.to_string()],
    );
    format!("{}/m/{}/{token}", ctx.mail.base_url, signature.id)
}

pub fn manage_token_matches(secret: &SecretKey, signature: &Signature, typed: &str) -> bool {
    signed::verify(
        secret,
        Link::Manage,
        &[&signature.id, &signature.manage_version.to_string()],
        typed,
    )
}

/// The link that asks a signer to consent to revision `revision_id`.
pub fn reconsent_url(ctx: &Ctx<'_>, signature: &Signature, revision_id: &str) -> String {
    format!(
        "{}/r/{}/{}",
        ctx.mail.base_url,
        signature.id,
        signed::sign(ctx.secret, Link::Reconsent, &[&signature.id, revision_id])
    )
}

pub fn reconsent_token_matches(
    secret: &SecretKey,
    signature: &Signature,
    revision_id: &str,
    typed: &str,
) -> bool {
    signed::verify(
        secret,
        Link::Reconsent,
        &[&signature.id, revision_id],
        typed,
    )
}

/// The token of an invitation's personal sign-on link.
pub fn invitation_token(secret: &SecretKey, invitation_id: &str) -> String {
    signed::sign(secret, Link::Invitation, &[invitation_id])
}

pub fn invitation_token_matches(secret: &SecretKey, invitation_id: &str, typed: &str) -> bool {
    signed::verify(secret, Link::Invitation, &[invitation_id], typed)
}

/// How many sign-on mails went to `email` in the last day.
fn over_daily_cap(conn: &mut DbConn, ctx: &Ctx<'_>, email: &str) -> QueryResult<bool> {
    let since = crate::db::now() - Duration::days(1);
    Ok(mail::count_recent(conn, email, SIGN_ON_PURPOSES, since)? >= ctx.mails_per_day)
}

const SIGN_ON_PURPOSES: &[&str] = &[
    "confirm-signature",
    "already-signed",
    "confirm-email-change",
];

fn enqueue<E: From<mail::EnqueueError>>(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    purpose: &str,
    subject: &str,
    to: &str,
    name: Option<&str>,
    content: mail::Rendered,
) -> Result<(), E> {
    mail::enqueue(
        conn,
        ctx.mail,
        &transactional(purpose, subject, to, name, content),
    )?;
    Ok(())
}

/// A mail to one signer about their own signature, sent ahead of bulk mail.
fn transactional(
    purpose: &str,
    subject: &str,
    to: &str,
    name: Option<&str>,
    content: mail::Rendered,
) -> OutgoingMail {
    OutgoingMail {
        purpose: purpose.to_owned(),
        subject_id: subject.to_owned(),
        to: to.to_owned(),
        to_name: name.map(str::to_owned),
        content,
        headers: Vec::new(),
        priority: Priority::Transactional,
        sender: mail::Sender::default(),
    }
}

/// What the page says after a submission is the same in every case, so it
/// reveals nothing about who has signed; this is for the tests and logs.
#[derive(Debug, PartialEq, Eq)]
pub enum Submitted {
    ConfirmationSent,
    ManageLinkSent,
    Listed(String),
    Quietly,
}

/// A public sign-on with everything worked out that needs no database: the
/// id and index keys of its row, its confirmation token and the mail that
/// carries the link. Made on the request's own thread, so that the write,
/// which one thread does for all requests (see `db::GroupCommit`), is only
/// the statements.
#[derive(Debug, Clone)]
pub struct Prepared {
    sign_on: SignOn,
    id: String,
    keys: RowKeys,
    revision_id: String,
    token: tokens::Fresh,
    confirmation: OutgoingMail,
    at: NaiveDateTime,
}

impl Prepared {
    /// `title` is the statement's title in the sign-on's language.
    pub fn new(
        ctx: &Ctx<'_>,
        statement: &Statement,
        title: &str,
        revision: &Revision,
        sign_on: SignOn,
    ) -> Result<Self, SigningError> {
        let at = crate::db::now();
        let token = tokens::Fresh::new();
        let greeting = sign_on.signer_name.as_deref().unwrap_or(&sign_on.name);
        let confirmation = confirmation_mail(
            ctx,
            &token,
            title,
            &sign_on.email,
            greeting,
            &sign_on.name,
            &sign_on.language,
        )?;
        Ok(Self {
            keys: RowKeys::new(statement, &sign_on, at),
            id: crate::db::new_id(),
            revision_id: revision.id.clone(),
            token,
            confirmation,
            at,
            sign_on,
        })
    }
}

/// Stores a public sign-on as pending and queues its confirmation mail in
/// the same transaction. The same address signing again gets its manage
/// link by mail instead; no second row is made.
pub fn submit(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    revision: &Revision,
    sign_on: &SignOn,
) -> Result<Submitted, SigningError> {
    let title = crate::statements::title_in(conn, statement, &sign_on.language)?;
    let prepared = Prepared::new(ctx, statement, &title, revision, sign_on.clone())?;
    crate::db::transaction(conn, |conn| {
        submit_prepared(conn, ctx, statement, &prepared)
    })
}

/// [`submit`] for a sign-on prepared beforehand. It writes several rows:
/// run it inside a transaction, such as the savepoint that
/// `db::GroupCommit` gives each operation.
pub fn submit_prepared(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    prepared: &Prepared,
) -> Result<Submitted, SigningError> {
    let sign_on = &prepared.sign_on;
    if over_daily_cap(conn, ctx, &sign_on.email)? {
        return Err(SigningError::MailCap);
    }
    // A withdrawn signature of the same address is taken up again.
    let reused = match db::state_by_email(conn, &statement.id, &sign_on.email)? {
        None => None,
        Some((id, Status::Withdrawn)) => Some(id),
        Some((id, _)) => {
            let signature = db::find(conn, &id)?.ok_or(SigningError::InvalidLink)?;
            return answer_again(conn, ctx, statement, &signature);
        }
    };
    let id = reused.as_deref().unwrap_or(&prepared.id);
    let row = RowParts {
        status: Status::PendingEmail,
        source: Source::Form,
        revision_id: &prepared.revision_id,
        confirmed_at: None,
    };
    let replace = reused.is_some();
    write_row(
        conn,
        statement,
        id,
        sign_on,
        &prepared.keys,
        &row,
        prepared.at,
        replace,
    )?;
    if replace {
        tokens::revoke_unused(conn, Purpose::ConfirmSignature, Some(id))?;
    }
    tokens::store(
        conn,
        Purpose::ConfirmSignature,
        &prepared.token,
        Some(id),
        Duration::days(ctx.confirm_days),
    )?;
    mail::enqueue(conn, ctx.mail, &prepared.confirmation)?;
    Ok(Submitted::ConfirmationSent)
}

/// The address has signed this statement before: a listed signer gets the
/// manage link, a pending one a fresh confirmation, a rejected one nothing.
fn answer_again(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
) -> Result<Submitted, SigningError> {
    match Some(signature.status) {
        Some(Status::Confirmed | Status::Approved) => {
            send_manage_link(conn, ctx, statement, signature)?;
            Ok(Submitted::ManageLinkSent)
        }
        Some(Status::PendingEmail) => {
            send_fresh_confirmation(conn, ctx, statement, signature)?;
            Ok(Submitted::ConfirmationSent)
        }
        _ => Ok(Submitted::Quietly),
    }
}

/// What a row's indexes are built from, worked out from the typed values.
#[derive(Debug, Clone)]
struct RowKeys {
    list_key: String,
    dedupe_key: String,
    search_key: String,
    website_domain: Option<String>,
    domain_matches: bool,
}

impl RowKeys {
    fn new(statement: &Statement, s: &SignOn, signed_at: NaiveDateTime) -> Self {
        let country = s.country.as_ref().map(CountryCode::as_str);
        let website_domain = s.website.as_deref().and_then(normalize::website_domain);
        Self {
            list_key: placement_key(statement, &s.name, country, signed_at, None),
            dedupe_key: normalize::dedupe_key(&s.name),
            search_key: normalize::search_key(&s.name, None, s.signer_name.as_deref(), &s.email),
            domain_matches: website_domain
                .as_deref()
                .is_some_and(|d| normalize::email_matches_domain(&s.email, d)),
            website_domain,
        }
    }
}

/// How a row came to be and where it stands.
struct RowParts<'a> {
    status: Status,
    source: Source,
    revision_id: &'a str,
    confirmed_at: Option<NaiveDateTime>,
}

/// Inserts a signature, or reuses the withdrawn row of the same address,
/// and refreshes the statement's counts when it is listed.
#[expect(clippy::too_many_arguments, reason = "the parts of one row")]
pub(super) fn store(
    conn: &mut DbConn,
    statement: &Statement,
    id: &str,
    s: &SignOn,
    status: Status,
    source: Source,
    revision_id: &str,
    confirmed_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let parts = RowParts {
        status,
        source,
        revision_id,
        confirmed_at,
    };
    if store_uncounted(conn, statement, id, s, &parts)? {
        super::refresh_counts(conn, &statement.id)?;
    }
    Ok(())
}

/// How an import stores its rows.
pub(super) struct Imported<'a> {
    pub status: Status,
    pub revision_id: &'a str,
    pub confirmed_at: Option<NaiveDateTime>,
    /// Who approved the rows, when the import is the approval.
    pub approved_by: Option<&'a str>,
}

/// Stores new rows of an import (fresh ids) many to a statement, without
/// counting the list: counting reads every signature of the statement, so
/// the import counts once, at its end.
pub(super) fn store_imported(
    conn: &mut DbConn,
    statement: &Statement,
    rows: &[(String, &SignOn)],
    how: &Imported<'_>,
) -> QueryResult<()> {
    let now = crate::db::now();
    let parts = RowParts {
        status: how.status,
        source: Source::Import,
        revision_id: how.revision_id,
        confirmed_at: how.confirmed_at,
    };
    let keys: Vec<RowKeys> = rows
        .iter()
        .map(|(_, s)| RowKeys::new(statement, s, how.confirmed_at.unwrap_or(now)))
        .collect();
    let values: Vec<db::NewRow<'_>> = rows
        .iter()
        .zip(&keys)
        .map(|((id, s), keys)| {
            let mut row = signature_row(statement, s, keys, &parts);
            if let Some(by) = how.approved_by {
                row.status = Status::Approved;
                row.listed = true;
                row.approved_at = Some(now);
                row.approved_by = Some(by);
            }
            db::NewRow {
                id,
                statement_id: &statement.id,
                email: &s.email,
                created_at: now,
                row,
            }
        })
        .collect();
    db::insert_rows(conn, &values)
}

/// Writes the row; true when it is listed.
fn store_uncounted(
    conn: &mut DbConn,
    statement: &Statement,
    id: &str,
    s: &SignOn,
    parts: &RowParts<'_>,
) -> QueryResult<bool> {
    let now = crate::db::now();
    let keys = RowKeys::new(statement, s, parts.confirmed_at.unwrap_or(now));
    let exists = db::exists(conn, id)?;
    write_row(conn, statement, id, s, &keys, parts, now, exists)
}

/// Writes the row; true when it is listed.
#[expect(clippy::too_many_arguments, reason = "the parts of one row")]
fn write_row(
    conn: &mut DbConn,
    statement: &Statement,
    id: &str,
    s: &SignOn,
    keys: &RowKeys,
    parts: &RowParts<'_>,
    now: NaiveDateTime,
    replace: bool,
) -> QueryResult<bool> {
    let row = signature_row(statement, s, keys, parts);
    if replace {
        db::replace_row(conn, id, &row, now)?;
    } else {
        db::insert_row(conn, id, &statement.id, &s.email, &row, now)?;
    }
    Ok(row.listed)
}

/// The columns of a row as a sign-on or an import sets them.
fn signature_row<'a>(
    statement: &Statement,
    s: &'a SignOn,
    keys: &'a RowKeys,
    parts: &RowParts<'a>,
) -> SignatureRow<'a> {
    SignatureRow {
        kind: s.kind,
        name: &s.name,
        display_name: None,
        country: s.country.as_ref().map(CountryCode::as_str),
        website: s.website.as_deref(),
        affiliation: s.affiliation.as_deref(),
        city: s.city.as_deref(),
        signer_name: s.signer_name.as_deref(),
        signer_title: s.signer_title.as_deref(),
        status: parts.status,
        source: parts.source,
        listed: parts.status.is_listed(statement.requires_approval),
        list_key: &keys.list_key,
        revision_id: Some(parts.revision_id),
        confirmed_at: parts.confirmed_at,
        approved_at: None,
        approved_by: None,
        withdrawn_at: None,
        comment: s.comment.as_deref(),
        authorized: s.authorized,
        dedupe_key: &keys.dedupe_key,
        search_key: &keys.search_key,
        website_domain: keys.website_domain.as_deref(),
        domain_matches: keys.domain_matches,
        hidden_until_reconsent: false,
        language: &s.language,
        invitation_id: None,
    }
}

/// Queues the confirmation mail of a stored pending signature.
pub(super) fn send_confirmation_for(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    id: &str,
    s: &SignOn,
) -> Result<(), SigningError> {
    let greeting = s.signer_name.as_deref().unwrap_or(&s.name);
    send_confirmation(
        conn,
        ctx,
        statement,
        id,
        &s.email,
        greeting,
        &s.name,
        &s.language,
    )
}

#[expect(clippy::too_many_arguments, reason = "what the mail names")]
fn send_confirmation(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature_id: &str,
    email: &str,
    greeting: &str,
    organization: &str,
    language: &str,
) -> Result<(), SigningError> {
    tokens::revoke_unused(conn, Purpose::ConfirmSignature, Some(signature_id))?;
    let token = tokens::Fresh::new();
    tokens::store(
        conn,
        Purpose::ConfirmSignature,
        &token,
        Some(signature_id),
        Duration::days(ctx.confirm_days),
    )?;
    let title = crate::statements::title_in(conn, statement, language)?;
    let mail = confirmation_mail(ctx, &token, &title, email, greeting, organization, language)?;
    mail::enqueue(conn, ctx.mail, &mail)?;
    Ok(())
}

/// A new confirmation link for a stored pending signature, to the details
/// it was stored with; earlier links stop working.
fn send_fresh_confirmation(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
) -> Result<(), SigningError> {
    send_confirmation(
        conn,
        ctx,
        statement,
        &signature.id,
        &signature.email,
        signature.signer_name.as_deref().unwrap_or(&signature.name),
        &signature.name,
        &signature.language,
    )
}

/// The mail with the link that confirms a sign-on. It names only the signer
/// and the organization: nothing else typed in the form goes out.
fn confirmation_mail(
    ctx: &Ctx<'_>,
    token: &tokens::Fresh,
    title: &str,
    email: &str,
    greeting: &str,
    organization: &str,
    language: &str,
) -> Result<OutgoingMail, SigningError> {
    let content = mail::templates::render_localized(
        "confirm-signature",
        language,
        &serde_json::json!({
            "name": greeting,
            "organization": organization,
            "title": title,
            "link": format!("{}/confirm/{}", ctx.mail.base_url, token.raw),
            "days": ctx.confirm_days,
        }),
    )?;
    Ok(transactional(
        "confirm-signature",
        &token.hash,
        email,
        Some(greeting),
        content,
    ))
}

fn send_manage_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
) -> Result<(), SigningError> {
    // One such mail per address and day, however often the form is sent.
    let day = crate::db::now().format("%Y-%m-%d").to_string();
    mail_signer(
        conn,
        ctx,
        statement,
        signature,
        "already-signed",
        &format!("{}:{day}", signature.id),
        serde_json::json!({ "link": manage_url(ctx, signature) }),
    )
}

/// Queues `template`, a mail to the signer of `signature` about it, in the
/// language they signed in: it names them, their organization and the
/// statement's title, and `more` gives what else the template shows.
/// `key` tells this mail from others of the same template.
pub(super) fn mail_signer<E>(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
    template: &str,
    key: &str,
    more: serde_json::Value,
) -> Result<(), E>
where
    E: From<diesel::result::Error>
        + From<mail::templates::TemplateError>
        + From<mail::EnqueueError>,
{
    let title = crate::statements::title_in(conn, statement, &signature.language)?;
    let greeting = signature.signer_name.as_deref().unwrap_or(&signature.name);
    let mut values = serde_json::json!({
        "name": greeting,
        "organization": signature.name,
        "title": title,
    });
    if let (Some(values), serde_json::Value::Object(more)) = (values.as_object_mut(), more) {
        values.extend(more);
    }
    let content = mail::templates::render_localized(template, &signature.language, &values)?;
    enqueue(
        conn,
        ctx,
        template,
        key,
        &signature.email,
        Some(greeting),
        content,
    )
}

/// Where a confirmation link stands, for its page.
#[derive(Debug)]
pub enum LinkState {
    Valid(Signature),
    AlreadyConfirmed(Signature),
    Expired(Signature),
    Unknown,
}

/// Looks at a confirmation link without using it (the GET).
pub fn confirmation_state(conn: &mut DbConn, raw: &str) -> QueryResult<LinkState> {
    let Some(token) = tokens::find_any(conn, Purpose::ConfirmSignature, raw)? else {
        return Ok(LinkState::Unknown);
    };
    let Some(signature) = signature_of(conn, &token)? else {
        return Ok(LinkState::Unknown);
    };
    let pending = signature.status == Status::PendingEmail;
    Ok(
        match (token.used_at, pending, token.expires_at > crate::db::now()) {
            (None, true, true) => LinkState::Valid(signature),
            (_, false, _) => LinkState::AlreadyConfirmed(signature),
            (Some(_), true, _) => LinkState::Unknown,
            (None, true, false) => LinkState::Expired(signature),
        },
    )
}

/// Confirms a sign-on (the POST of the Confirm button). Pressing twice, or
/// in two tabs, lists it once: the token is used exactly once.
pub fn confirm(conn: &mut DbConn, ctx: &Ctx<'_>, raw: &str) -> Result<LinkState, SigningError> {
    crate::db::transaction(conn, |conn| {
        let Some(token) = tokens::consume(conn, Purpose::ConfirmSignature, raw)? else {
            return Ok(confirmation_state(conn, raw)?);
        };
        let signature = signature_of(conn, &token)?.ok_or(SigningError::InvalidLink)?;
        let statement = crate::statements::find_any(conn, &signature.statement_id)?
            .ok_or(SigningError::InvalidLink)?;
        let now = crate::db::now();
        let listed = Status::Confirmed.is_listed(statement.requires_approval);
        let key = placement_key(
            &statement,
            signature.display_name.as_deref().unwrap_or(&signature.name),
            signature.country.as_deref(),
            now,
            signature.manual_position,
        );
        if db::mark_confirmed(conn, &signature.id, listed, &key, now)? == 0 {
            return Ok(LinkState::AlreadyConfirmed(signature));
        }
        super::refresh_counts(conn, &statement.id)?;
        let confirmed = db::find(conn, &signature.id)?.ok_or(SigningError::InvalidLink)?;
        send_confirmed(conn, ctx, &statement, &confirmed)?;
        Ok(LinkState::Valid(confirmed))
    })
}

fn send_confirmed(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
) -> Result<(), SigningError> {
    mail_signer(
        conn,
        ctx,
        statement,
        signature,
        "signature-confirmed",
        &signature.id,
        serde_json::json!({
            "link": manage_url(ctx, signature),
            "needs_approval": statement.requires_approval,
            "public_url": format!("{}/s/{}", ctx.mail.base_url, statement.slug),
        }),
    )
}

/// "Send me a fresh link": for a pending signature of this address, a new
/// confirmation; for a confirmed one, the manage link; otherwise nothing.
/// The page says the same in every case.
pub fn resend(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    email: &str,
) -> Result<(), SigningError> {
    crate::db::transaction(conn, |conn| {
        let Some(email) = crate::accounts::Email::parse(email) else {
            return Ok(());
        };
        if over_daily_cap(conn, ctx, email.as_str())? {
            return Err(SigningError::MailCap);
        }
        let Some(signature) = db::find_by_email(conn, &statement.id, email.as_str())? else {
            return Ok(());
        };
        match Some(signature.status) {
            Some(Status::PendingEmail) => send_fresh_confirmation(conn, ctx, statement, &signature),
            Some(Status::Confirmed | Status::Approved) => {
                send_manage_link(conn, ctx, statement, &signature)
            }
            _ => Ok(()),
        }
    })
}

/// Withdraws a signature: it leaves the public list at once and stays in
/// the coordinators' records as withdrawn.
pub fn withdraw(conn: &mut DbConn, signature: &Signature) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::mark_withdrawn(conn, &signature.id, crate::db::now())?;
        super::refresh_counts(conn, &signature.statement_id)?;
        if let Some(statement) = crate::statements::find_any(conn, &signature.statement_id)? {
            crate::audit::record(
                conn,
                &statement.coalition_id,
                &crate::audit::Actor::System,
                "signature.withdraw",
                "signature",
                &signature.id,
                &Phrase::new("audit-signature-withdraw").text("name", &signature.name),
            )?;
        }
        Ok(())
    })
}

/// A signer's correction through the manage link. A new address is only
/// taken once confirmed by a link sent to it.
pub fn correct(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    signature: &Signature,
    sign_on: &SignOn,
) -> Result<bool, SigningError> {
    crate::db::transaction(conn, |conn| {
        let country = sign_on.country.as_ref().map(CountryCode::as_str);
        let shown = signature.display_name.as_deref().unwrap_or(&sign_on.name);
        let signed_at = signature.confirmed_at.unwrap_or(signature.created_at);
        let key = placement_key(
            statement,
            shown,
            country,
            signed_at,
            signature.manual_position,
        );
        let domain = sign_on
            .website
            .as_deref()
            .and_then(normalize::website_domain);
        db::correct(
            conn,
            &signature.id,
            &db::Correction {
                name: &sign_on.name,
                country,
                website: sign_on.website.as_deref(),
                affiliation: sign_on.affiliation.as_deref(),
                city: sign_on.city.as_deref(),
                signer_name: sign_on.signer_name.as_deref(),
                signer_title: sign_on.signer_title.as_deref(),
                dedupe_key: &normalize::dedupe_key(&sign_on.name),
                search_key: &normalize::search_key(
                    &sign_on.name,
                    signature.display_name.as_deref(),
                    sign_on.signer_name.as_deref(),
                    &signature.email,
                ),
                website_domain: domain.as_deref(),
                domain_matches: domain
                    .as_deref()
                    .is_some_and(|d| normalize::email_matches_domain(&signature.email, d)),
                list_key: &key,
            },
        )?;
        crate::audit::record(
            conn,
            &statement.coalition_id,
            &crate::audit::Actor::System,
            "signature.correct",
            "signature",
            &signature.id,
            &Phrase::new("audit-signature-correct").text("name", &sign_on.name),
        )?;
        if sign_on.email == signature.email {
            return Ok(false);
        }
        if db::find_by_email(conn, &statement.id, &sign_on.email)?.is_some() {
            return Err(SigningError::EmailTaken);
        }
        if over_daily_cap(conn, ctx, &sign_on.email)? {
            return Err(SigningError::MailCap);
        }
        db::set_pending_email(conn, &signature.id, Some(&sign_on.email))?;
        tokens::revoke_unused(conn, Purpose::ConfirmEmailChange, Some(&signature.id))?;
        let raw = tokens::issue(
            conn,
            Purpose::ConfirmEmailChange,
            Some(&signature.id),
            Duration::days(ctx.confirm_days),
        )?;
        let greeting = sign_on.signer_name.as_deref().unwrap_or(&sign_on.name);
        let content = mail::templates::render_localized(
            "confirm-email-change",
            &signature.language,
            &serde_json::json!({
                "name": greeting,
                "organization": sign_on.name,
                "link": format!("{}/email/{raw}", ctx.mail.base_url),
                "days": ctx.confirm_days,
            }),
        )?;
        enqueue::<SigningError>(
            conn,
            ctx,
            "confirm-email-change",
            &tokens::hash(&raw),
            &sign_on.email,
            Some(greeting),
            content,
        )?;
        Ok(true)
    })
}

/// Takes the new address of an email change (the POST of its link).
pub fn confirm_email_change(conn: &mut DbConn, raw: &str) -> Result<Signature, SigningError> {
    crate::db::transaction(conn, |conn| {
        let token = tokens::consume(conn, Purpose::ConfirmEmailChange, raw)?
            .ok_or(SigningError::InvalidLink)?;
        let signature = signature_of(conn, &token)?.ok_or(SigningError::InvalidLink)?;
        let email = signature
            .pending_email
            .clone()
            .ok_or(SigningError::InvalidLink)?;
        if db::find_by_email(conn, &signature.statement_id, &email)?.is_some() {
            return Err(SigningError::EmailTaken);
        }
        let matches = signature
            .website_domain
            .as_deref()
            .is_some_and(|d| normalize::email_matches_domain(&email, d));
        let search_key = normalize::search_key(
            &signature.name,
            signature.display_name.as_deref(),
            signature.signer_name.as_deref(),
            &email,
        );
        db::set_email(conn, &signature.id, &email, matches, &search_key)?;
        db::find(conn, &signature.id)?.ok_or(SigningError::InvalidLink)
    })
}

/// Whether an email-change link is still usable (the GET).
pub fn email_change_pending(conn: &mut DbConn, raw: &str) -> QueryResult<Option<Signature>> {
    let Some(token) = tokens::find_valid(conn, Purpose::ConfirmEmailChange, raw)? else {
        return Ok(None);
    };
    signature_of(conn, &token)
}

/// The signature a link's token was made for, if it is still there.
fn signature_of(conn: &mut DbConn, token: &tokens::Token) -> QueryResult<Option<Signature>> {
    match token.subject_id.as_deref() {
        Some(id) => db::find(conn, id),
        None => Ok(None),
    }
}
