//! Mailings: a release, or an update to a statement's signatories, sent to
//! an audience now, at a time, or at the embargo. Starting a mailing writes
//! every recipient's mail to the outbox in one transaction; the outbox
//! worker delivers them at the configured rate, and the delivery log reads
//! the outbox back.

pub(super) mod routes;
pub(super) mod views;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use super::stencil::Source;
use super::{Mailing, PressError, Release, Revision, db};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::config::SecretKey;
use crate::db::{DbConn, text_enum};
use crate::export::{Cell, Sheet};
use crate::i18n::{Lang, Phrase, show_stored, t};
use crate::mail::{self, MailContext, MailingTag, OutgoingMail, Priority};

/// Mails rendered and stored per statement while a mailing starts, so a
/// mailing to tens of thousands never holds them all in memory.
const CHUNK: usize = 500;

/// Who a mailing goes to: contacts in saved lists or with tags, and the
/// confirmed signatories of a statement. Suppressed addresses never count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub signatories_of: Option<String>,
}

impl Audience {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.tags.is_empty() && self.signatories_of.is_none()
    }
}

text_enum!(
    /// What a mailing sends: a release, or an update to a statement's
    /// signatories.
    MailingKind { Release => "release", Update => "update" }
);

text_enum!(
    /// Where a mailing stands.
    MailingStatus {
        Scheduled => "scheduled",
        Sending => "sending",
        Paused => "paused",
        Cancelled => "cancelled",
        Sent => "sent",
    }
);

impl Mailing {
    pub fn status(&self) -> MailingStatus {
        self.status
    }

    /// The status as it stands now: a sending mailing with nothing left to
    /// send is sent, even before the jobs loop records it, and so is one
    /// paused after its last mail went.
    pub fn status_with(&self, progress: &crate::mail::Progress) -> MailingStatus {
        match self.status() {
            MailingStatus::Sending | MailingStatus::Paused if progress.remaining() == 0 => {
                MailingStatus::Sent
            }
            status => status,
        }
    }

    /// Whether anything is left to pause, resume or cancel: a scheduled
    /// mailing has written no mail yet but can still be called off; a
    /// started one only while some of its mails are unsent.
    pub fn is_open(&self, progress: &crate::mail::Progress) -> bool {
        match self.status_with(progress) {
            MailingStatus::Scheduled => true,
            MailingStatus::Sending | MailingStatus::Paused => progress.remaining() > 0,
            MailingStatus::Sent | MailingStatus::Cancelled => false,
        }
    }

    pub fn audience(&self) -> Audience {
        serde_json::from_str(&self.audience).unwrap_or_default()
    }
}

/// The names a coalition's audiences refer to by id: its saved lists and
/// its statements' titles, read once for a whole table of mailings.
/// An id missing here was deleted after the mailing.
#[derive(Debug, Clone, Default)]
pub struct AudienceNames {
    lists: HashMap<String, String>,
    statements: HashMap<String, String>,
}

impl AudienceNames {
    pub fn list(&self, id: &str) -> Option<&str> {
        self.lists.get(id).map(String::as_str)
    }

    pub fn statement(&self, id: &str) -> Option<&str> {
        self.statements.get(id).map(String::as_str)
    }
}

/// Two queries, however many mailings the table shows.
pub fn audience_names(conn: &mut DbConn, coalition_id: &str) -> QueryResult<AudienceNames> {
    let lists = crate::contacts::saved_lists(conn, coalition_id)?
        .into_iter()
        .map(|list| (list.id, list.name))
        .collect();
    let statements = crate::statements::list_for(conn, coalition_id)?
        .into_iter()
        .map(|(statement, title)| (statement.id, title))
        .collect();
    Ok(AudienceNames { lists, statements })
}

/// When a mailing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    At(NaiveDateTime),
    AtEmbargo,
}

/// When a mailing goes, and the one-time key of the form that asked for
/// it: a second request with the same key finds the mailing the first
/// started instead of starting another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start<'a> {
    pub when: When,
    pub key: Option<&'a str>,
}

impl From<When> for Start<'_> {
    fn from(when: When) -> Self {
        Self { when, key: None }
    }
}

/// The mailing of `coalition_id` that the form with `start_key` started.
pub fn started_by(
    conn: &mut DbConn,
    coalition_id: &str,
    start_key: &str,
) -> QueryResult<Option<Mailing>> {
    db::mailing_started_by(conn, coalition_id, start_key)
}

/// What sending needs besides the database.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub mail: &'a MailContext,
    pub secret: &'a SecretKey,
}

/// One person a mailing reaches.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Lowercase, as the suppression list keeps it.
    pub email: String,
    pub name: Option<String>,
    pub organization: Option<String>,
    /// The language of the words the product adds to their mail, when it is
    /// theirs rather than the mailing's (a signatory's, for an update).
    pub language: Option<crate::i18n::Lang>,
}

/// Why an address of the audience is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// Unsubscribed, bounced or marked do-not-contact.
    Suppressed(crate::suppressions::Reason),
    /// Not an address mail can be sent to.
    InvalidAddress,
}

/// An audience resolved now.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub recipients: Vec<Recipient>,
    /// Addresses left out: unsubscribed, bounced, not to be contacted or
    /// not deliverable.
    pub suppressed: usize,
    /// The same, by reason; they add up to `suppressed`.
    pub skipped: std::collections::BTreeMap<Skip, usize>,
}

/// The people an audience reaches today, one per address.
pub fn resolve(
    conn: &mut DbConn,
    coalition_id: &str,
    audience: &Audience,
) -> QueryResult<Resolved> {
    let suppressed = crate::suppressions::all_reasons(conn, coalition_id)?;
    let mut seen = HashSet::new();
    let mut resolved = Resolved::default();
    // `held`: a contact marked do-not-contact, left out even when its
    // address never reached the suppression list.
    let mut consider = |resolved: &mut Resolved, recipient: Recipient, held: bool| {
        if !seen.insert(recipient.email.clone()) {
            return;
        }
        let reason = match suppressed.get(&recipient.email) {
            Some(reason) => Skip::Suppressed(*reason),
            None if held => Skip::Suppressed(crate::suppressions::Reason::DoNotContact),
            None if recipient.email.parse::<lettre::Address>().is_err() => Skip::InvalidAddress,
            None => return resolved.recipients.push(recipient),
        };
        resolved.suppressed += 1;
        *resolved.skipped.entry(reason).or_insert(0) += 1;
    };
    if !audience.lists.is_empty() || !audience.tags.is_empty() {
        let selection = crate::contacts::Selection {
            lists: audience.lists.clone(),
            tags: audience.tags.clone(),
        };
        for member in crate::contacts::held_back(conn, coalition_id, &selection)? {
            let recipient = Recipient {
                email: member.email.trim().to_lowercase(),
                name: None,
                organization: None,
                language: None,
            };
            consider(&mut resolved, recipient, true);
        }
        for member in crate::contacts::audience(conn, coalition_id, &selection)? {
            let name = (!member.name.is_empty()).then_some(member.name);
            consider(
                &mut resolved,
                Recipient {
                    email: member.email.trim().to_lowercase(),
                    name,
                    organization: None,
                    language: None,
                },
                false,
            );
        }
    }
    if let Some(statement_id) = &audience.signatories_of {
        for signatory in crate::signatures::confirmed_signatories(conn, statement_id)? {
            consider(
                &mut resolved,
                Recipient {
                    email: signatory.email.trim().to_lowercase(),
                    name: signatory.signer.or_else(|| Some(signatory.name.clone())),
                    organization: Some(signatory.name),
                    language: Some(crate::i18n::Lang::for_content(&signatory.language)),
                },
                false,
            );
        }
    }
    Ok(resolved)
}

fn new_mailing(
    kind: MailingKind,
    coalition_id: &str,
    actor: &Coordinator,
    audience: &Audience,
    start: &Start<'_>,
    embargo: Option<NaiveDateTime>,
) -> Mailing {
    let (now, when) = (crate::db::now(), start.when);
    Mailing {
        id: crate::db::new_id(),
        coalition_id: coalition_id.to_owned(),
        kind,
        release_id: None,
        revision_number: None,
        statement_id: None,
        subject: String::new(),
        body: String::new(),
        audience: serde_json::to_string(audience).unwrap_or_else(|_| "{}".into()),
        status: MailingStatus::Scheduled,
        send_at: Some(match when {
            When::Now => now,
            When::At(at) => at,
            When::AtEmbargo => embargo.unwrap_or(now),
        }),
        at_embargo: when == When::AtEmbargo,
        recipients: 0,
        suppressed: 0,
        created_by: Some(actor.id.clone()),
        created_at: now,
        started_at: None,
        finished_at: None,
        start_key: start.key.map(str::to_owned),
    }
}

/// The audit entry of a new mailing: what is sent, and when.
fn sent_phrase(what: Phrase, when: When, mailing: &Mailing) -> Phrase {
    let (id, at) = match (when, mailing.send_at) {
        (When::Now, _) => ("audit-mailing-send-now", None),
        (When::AtEmbargo, Some(at)) => ("audit-mailing-send-at-embargo", Some(at)),
        (_, Some(at)) => ("audit-mailing-send-later", Some(at)),
        (_, None) => ("audit-mailing-send", None),
    };
    let phrase = Phrase::new(id).list("what", vec![what]);
    match at {
        Some(at) => phrase.time("time", at),
        None => phrase,
    }
}

/// Schedules (or, for [`When::Now`], starts) a release's mailing.
pub fn send_release<'k>(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    release: &Release,
    revision: &Revision,
    audience: &Audience,
    start: impl Into<Start<'k>>,
    actor: &Coordinator,
) -> Result<Mailing, PressError> {
    let start = start.into();
    let mut mailing = new_mailing(
        MailingKind::Release,
        &release.coalition_id,
        actor,
        audience,
        &start,
        release.embargo_at,
    );
    mailing.release_id = Some(release.id.clone());
    mailing.revision_number = Some(revision.number);
    mailing.subject = revision.headline.clone();
    let what = Phrase::new("audit-mailing-what-release")
        .text("headline", &revision.headline)
        .count("number", revision.number);
    schedule(conn, ctx, &mailing, start.when, actor, what)
}

/// Schedules (or starts) an update mail to a statement's signatories.
#[expect(
    clippy::too_many_arguments,
    reason = "one mailing's parts, read from one form"
)]
pub fn send_update<'k>(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    statement: &crate::statements::Statement,
    subject: &str,
    body: &str,
    audience: &Audience,
    start: impl Into<Start<'k>>,
    actor: &Coordinator,
) -> Result<Mailing, PressError> {
    let start = start.into();
    let mut mailing = new_mailing(
        MailingKind::Update,
        &statement.coalition_id,
        actor,
        audience,
        &start,
        None,
    );
    mailing.statement_id = Some(statement.id.clone());
    mailing.subject = subject.to_owned();
    mailing.body = body.to_owned();
    let what = Phrase::new("audit-mailing-what-update").text("subject", subject);
    schedule(conn, ctx, &mailing, start.when, actor, what)
}

/// Stores a new mailing with its audit entry, and starts it when it is
/// for now; one transaction.
fn schedule(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    mailing: &Mailing,
    when: When,
    actor: &Coordinator,
    what: Phrase,
) -> Result<Mailing, PressError> {
    if mailing.audience().is_empty() {
        return Err(PressError::NoAudience);
    }
    let scheduled = crate::db::transaction(conn, |conn| {
        if let Some(key) = &mailing.start_key
            && let Some(started) = db::mailing_started_by(conn, &mailing.coalition_id, key)?
        {
            return Ok(started);
        }
        db::insert_mailing(conn, mailing)?;
        audit::record(
            conn,
            &mailing.coalition_id,
            &Actor::Coordinator(actor),
            "mailing.schedule",
            "mailing",
            &mailing.id,
            &sent_phrase(what.clone(), when, mailing),
        )?;
        if when == When::Now {
            start(conn, ctx, &mailing.id)?;
        }
        Ok(db::mailing(conn, &mailing.id)?)
    });
    // The same form sent twice at once: the other request stored its
    // mailing between this one's look and its insert.
    match (scheduled, &mailing.start_key) {
        (
            Err(PressError::Database(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ))),
            Some(key),
        ) => {
            db::mailing_started_by(conn, &mailing.coalition_id, key)?.ok_or(PressError::WrongState)
        }
        (scheduled, _) => scheduled,
    }
}

/// Starts a scheduled mailing: resolves its audience now (so later
/// suppressions count) and writes every recipient's mail in this one
/// transaction. Returns false when it was not scheduled any more (another
/// server started or someone cancelled it).
pub fn start(conn: &mut DbConn, ctx: Ctx<'_>, mailing_id: &str) -> Result<bool, PressError> {
    crate::db::transaction(conn, |conn| {
        let now = crate::db::now();
        let scheduled = [MailingStatus::Scheduled.as_str()];
        if db::transition(
            conn,
            mailing_id,
            &scheduled,
            MailingStatus::Sending.as_str(),
        )? == 0
        {
            return Ok(false);
        }
        db::mark_started(conn, mailing_id, now)?;
        let mailing = db::mailing(conn, mailing_id)?;
        let resolved = resolve(conn, &mailing.coalition_id, &mailing.audience())?;
        let source = Source::load(conn, ctx, &mailing, now)?;
        let sender = source.sender();
        let tag = MailingTag {
            mailing_id: mailing.id.clone(),
            coalition_id: mailing.coalition_id.clone(),
        };
        for chunk in resolved.recipients.chunks(CHUNK) {
            let mut mails = Vec::with_capacity(chunk.len());
            for recipient in chunk {
                let unsubscribe = crate::suppressions::unsubscribe_url(
                    &ctx.mail.base_url,
                    ctx.secret,
                    &mailing.coalition_id,
                    &recipient.email,
                    source.lang_for(recipient),
                );
                mails.push(OutgoingMail {
                    purpose: format!("mailing-{}", mailing.kind.as_str()),
                    subject_id: mailing.id.clone(),
                    to: recipient.email.clone(),
                    to_name: recipient.name.clone(),
                    content: source.mail(recipient, &unsubscribe)?,
                    headers: crate::suppressions::list_unsubscribe_headers(&unsubscribe),
                    priority: Priority::Bulk,
                    sender: sender.clone(),
                });
            }
            mail::enqueue_for_mailing(conn, ctx.mail, &tag, &mails)?;
        }
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        db::set_counts(
            conn,
            &mailing.id,
            count(resolved.recipients.len()),
            count(resolved.suppressed),
        )?;
        if let Some(release_id) = &mailing.release_id {
            db::mark_released(conn, release_id, now)?;
        }
        audit::record(
            conn,
            &mailing.coalition_id,
            &Actor::System,
            "mailing.start",
            "mailing",
            &mailing.id,
            &Phrase::new("audit-mailing-start")
                .text("subject", &mailing.subject)
                .count("count", resolved.recipients.len())
                .count("suppressed", resolved.suppressed),
        )?;
        Ok(true)
    })
}

/// Starts every scheduled mailing whose time has come; for the jobs loop.
pub fn start_due(
    conn: &mut DbConn,
    mail: &MailContext,
    secret: &SecretKey,
) -> anyhow::Result<usize> {
    let mut started = 0;
    for id in db::due(conn, crate::db::now())? {
        match start(conn, Ctx { mail, secret }, &id) {
            Ok(true) => started += 1,
            Ok(false) => {}
            Err(error) => {
                tracing::error!(mailing_id = id, error = %error, "a due mailing could not start")
            }
        }
    }
    Ok(started)
}

pub fn find_in(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Mailing>> {
    db::mailing_in(conn, coalition_id, id)
}

pub fn of_release(conn: &mut DbConn, release: &Release) -> QueryResult<Vec<Mailing>> {
    db::mailings_of_release(conn, &release.id)
}

/// How many of `resolved`'s recipients an earlier mailing of `release`
/// reached or is reaching: they would get the release again.
pub fn already_received(
    conn: &mut DbConn,
    release: &Release,
    resolved: &Resolved,
) -> QueryResult<usize> {
    let mailings: Vec<String> = of_release(conn, release)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let emails: Vec<String> = resolved
        .recipients
        .iter()
        .map(|r| r.email.clone())
        .collect();
    mail::reached_count(conn, &mailings, &emails)
}

pub fn of_coalition(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Mailing>> {
    db::mailings_of_coalition(conn, coalition_id)
}

/// The delivery log as a sheet, cells made safe for spreadsheets. It is
/// read by people, not imported again, so it is in the reader's language
/// like the page it comes from: headers, states and the product's own
/// words (a server's reply stays as the server wrote it).
pub fn log_sheet(deliveries: &[mail::Delivery], lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(
        [
            "mailing-email",
            "mailing-name",
            "mailing-state",
            "mailing-attempts",
            "mailing-reply",
            "mailing-log-sent-at",
        ]
        .map(|id| t(lang, id)),
    );
    for d in deliveries {
        sheet.push(vec![
            Cell::text(&d.recipient),
            Cell::maybe(d.recipient_name.as_deref()),
            Cell::text(t(lang, &format!("delivery-{}", d.state().as_str()))),
            Cell::Number(d.attempts),
            Cell::text(show_stored(
                d.last_response.as_deref().unwrap_or_default(),
                lang,
                chrono_tz::Tz::UTC,
            )),
            Cell::Time(d.sent_at),
        ]);
    }
    sheet
}
