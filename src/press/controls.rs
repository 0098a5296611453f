//! What a coordinator does to a mailing besides starting it: pause,
//! resume or cancel it, retry what was given up, and try it on themselves
//! first.

use chrono::NaiveDateTime;

use super::mailings::Ctx;
use super::render::{Rendering, Update};
use super::{Mailing, MailingStatus, PressError, Release, Revision, db};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::mail::{self, OutgoingMail, Priority};

/// Pause, resume, cancel, or retry the mails given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Pause,
    Resume,
    Cancel,
    /// Once the cause is fixed: send again the mails of a finished mailing
    /// that were given up after repeated deferrals.
    Retry,
}

/// Pauses, resumes or cancels a mailing and its unsent mails, or sends
/// again what a finished one gave up.
pub fn control(
    conn: &mut DbConn,
    mailing: &Mailing,
    control: Control,
    actor: &Coordinator,
) -> Result<(), PressError> {
    use MailingStatus::*;
    let (from, to): (&[MailingStatus], _) = match control {
        Control::Pause => (&[Sending], Paused),
        Control::Resume => (&[Paused], Sending),
        Control::Cancel => (&[Scheduled, Sending, Paused], Cancelled),
        // A mailing shows as sent once nothing is left to send, a moment
        // before the scheduled job records it so.
        Control::Retry => (&[Sending, Sent], Sending),
    };
    crate::db::transaction(conn, |conn| {
        let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        if db::transition(conn, &mailing.id, &from, to.as_str())? == 0 {
            return Err(PressError::WrongState);
        }
        let mails = match control {
            Control::Pause => mail::hold(conn, &mailing.id)?,
            Control::Resume => mail::resume(conn, &mailing.id)?,
            Control::Cancel => mail::cancel(conn, &mailing.id)?,
            Control::Retry => match mail::retry_given_up(conn, &mailing.id)? {
                0 => return Err(PressError::WrongState),
                retried => {
                    db::reopen(conn, &mailing.id)?;
                    retried
                }
            },
        };
        audit::record(
            conn,
            &mailing.coalition_id,
            &Actor::Coordinator(actor),
            &format!("mailing.{}", control.verb()),
            "mailing",
            &mailing.id,
            &Phrase::new(&format!("audit-mailing-{}", control.verb()))
                .text("subject", &mailing.subject)
                .count("count", mails),
        )?;
        Ok(())
    })
}

impl Control {
    fn verb(self) -> &'static str {
        match self {
            Self::Pause => "pause",
            Self::Resume => "resume",
            Self::Cancel => "cancel",
            Self::Retry => "retry",
        }
    }
}

/// Mails the release, as its recipients would get it now, to the
/// coordinator alone, marked as a test.
pub fn test_release(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    release: &Release,
    revision: &Revision,
    to: &Coordinator,
) -> Result<(), PressError> {
    crate::db::transaction(conn, |conn| {
        let now = crate::db::now();
        let rendering = Rendering::load(conn, &ctx.mail.base_url, release, revision)?;
        let content = rendering.mail(Some(&to.name), None, now, true)?;
        test_send(
            conn,
            ctx,
            (&release.coalition_id, &release.id),
            to,
            (content, rendering.sender()),
            now,
        )
    })
}

/// Mails an update, as its recipients would get it, to the coordinator alone.
pub fn test_update(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    statement: &crate::statements::Statement,
    subject: &str,
    body: &str,
    to: &Coordinator,
) -> Result<(), PressError> {
    crate::db::transaction(conn, |conn| {
        let now = crate::db::now();
        let coalition = crate::coalitions::find(conn, &statement.coalition_id)?;
        let update = Update::load(
            conn,
            &ctx.mail.base_url,
            statement,
            &coalition,
            subject,
            body,
        )?;
        let unsubscribe = crate::suppressions::unsubscribe_url(
            &ctx.mail.base_url,
            ctx.secret,
            &statement.coalition_id,
            &to.email,
            crate::i18n::Lang::for_content(&statement.language),
        );
        let lang = crate::i18n::Lang::for_content(&statement.language);
        let content = update.mail(lang, Some(&to.name), None, &unsubscribe, true)?;
        test_send(
            conn,
            ctx,
            (&statement.coalition_id, &statement.id),
            to,
            (content, coalition.sender(None)),
            now,
        )
    })
}

/// Mails `content` to the coordinator `to` as `sender`; `about` is the
/// coalition and the release or statement the test is of.
fn test_send(
    conn: &mut DbConn,
    ctx: Ctx<'_>,
    (coalition_id, object_id): (&str, &str),
    to: &Coordinator,
    (content, sender): (mail::Rendered, mail::Sender),
    now: NaiveDateTime,
) -> Result<(), PressError> {
    mail::enqueue(
        conn,
        ctx.mail,
        &OutgoingMail {
            purpose: "mailing-test".into(),
            subject_id: format!("{object_id}:{}", now.and_utc().timestamp_micros()),
            to: to.email.clone(),
            to_name: Some(to.name.clone()),
            content,
            headers: Vec::new(),
            priority: Priority::Transactional,
            sender,
        },
    )?;
    audit::record(
        conn,
        coalition_id,
        &Actor::Coordinator(to),
        "mailing.test",
        "mailing",
        object_id,
        &Phrase::new("audit-mailing-test").text("email", &to.email),
    )?;
    Ok(())
}
