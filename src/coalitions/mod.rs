//! Coalitions and their members: roles, invitations, and which coalitions a
//! coordinator may act in.

mod db;
pub mod face;
pub mod routes;
pub mod setup;
mod views;

use chrono::Duration;
use chrono_tz::Tz;
use diesel::QueryResult;

use crate::accounts::{self, Coordinator, Email, NewAccount};
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::{Lang, Phrase};
use crate::mail::{self, MailContext, OutgoingMail, Priority};
use crate::tokens::{self, Purpose};

pub use crate::identity::{Coalition, Membership, Role};
pub use db::{Invitation, Member};
pub use face::{Face, FaceForm, Logo, Masthead, masthead};
pub use setup::add_user;

const INVITATION_VALIDITY: Duration = Duration::days(7);
const MAX_NAME_CHARS: usize = 120;

/// A coalition name as typed, normalized, with the slug made from it, and
/// the language and time zone it starts with.
#[derive(Debug, Clone)]
pub struct NewCoalition {
    pub name: String,
    pub slug: String,
    pub language: Lang,
    pub time_zone: Tz,
}

impl NewCoalition {
    /// A coalition working in English on UTC until its owner says otherwise.
    pub fn parse(name: &str) -> Result<Self, crate::text::TextError> {
        let name = crate::text::normalize_line(name, MAX_NAME_CHARS)?;
        let slug = crate::text::slugify(&name);
        Ok(Self {
            name,
            slug,
            language: Lang::En,
            time_zone: Tz::UTC,
        })
    }

    /// The same, in `language` and `time_zone`.
    pub fn with_locale(self, language: Lang, time_zone: Tz) -> Self {
        Self {
            language,
            time_zone,
            ..self
        }
    }
}

/// Sets the coalition's language and time zone.
pub fn set_locale(
    conn: &mut DbConn,
    coalition: &Coalition,
    actor: &Coordinator,
    language: Lang,
    time_zone: Tz,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::set_locale(conn, &coalition.id, language.code(), time_zone.name())?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(actor),
            "coalition.settings",
            "coalition",
            &coalition.id,
            &Phrase::new("audit-coalition-settings")
                .text("language", language.native_name())
                .text("zone", time_zone.name()),
        )
    })
}

#[derive(Debug, thiserror::Error)]
pub enum CoalitionError {
    #[error("a coalition with this name exists already")]
    NameTaken,
    #[error("a coalition needs at least one owner")]
    LastOwner,
    #[error("this person is already a member")]
    AlreadyMember,
    #[error("this invitation is not valid any more")]
    InvalidInvitation,
    #[error("this invitation is for another address")]
    OtherAddress,
    #[error(transparent)]
    Account(#[from] accounts::AccountError),
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
    #[error(transparent)]
    Template(#[from] mail::templates::TemplateError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Creates a coalition with `owner` as its first owner.
pub fn create(
    conn: &mut DbConn,
    new: &NewCoalition,
    owner: &Coordinator,
) -> Result<Coalition, CoalitionError> {
    crate::db::transaction(conn, |conn| {
        if db::find_by_slug(conn, &new.slug)?.is_some() {
            return Err(CoalitionError::NameTaken);
        }
        let coalition = db::insert_coalition(conn, new)?;
        db::insert_member(conn, &coalition.id, &owner.id, Role::Owner)?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(owner),
            "coalition.create",
            "coalition",
            &coalition.id,
            &Phrase::new("audit-coalition-create").text("name", &coalition.name),
        )?;
        Ok(coalition)
    })
}

/// Makes `coordinator` a member of the coalition named `name` (created when
/// missing) with `role`; for the command line.
pub fn ensure_member(
    conn: &mut DbConn,
    name: &str,
    coordinator: &Coordinator,
    role: Role,
) -> Result<Coalition, CoalitionError> {
    let new = NewCoalition::parse(name).map_err(|_| CoalitionError::NameTaken)?;
    let coalition = match db::find_by_slug(conn, &new.slug)? {
        Some(coalition) => coalition,
        None => {
            let coalition = db::insert_coalition(conn, &new)?;
            audit::record(
                conn,
                &coalition.id,
                &Actor::System,
                "coalition.create",
                "coalition",
                &coalition.id,
                &Phrase::new("audit-coalition-create-command-line").text("name", &coalition.name),
            )?;
            coalition
        }
    };
    match db::role_of(conn, &coalition.id, &coordinator.id)? {
        Some(_) => db::set_role(conn, &coalition.id, &coordinator.id, role)?,
        None => db::insert_member(conn, &coalition.id, &coordinator.id, role)?,
    };
    audit::record(
        conn,
        &coalition.id,
        &Actor::System,
        "member.add",
        "coordinator",
        &coordinator.id,
        &Phrase::new("audit-member-add-command-line")
            .text("email", &coordinator.email)
            .word("role", role.message_id()),
    )?;
    Ok(coalition)
}

/// The membership of `coordinator` in the coalition with `slug`, if any.
/// Who a session cookie belongs to and, given a coalition's slug, their
/// membership of it: the access guard's [`crate::web::access::Identify`].
pub fn identify(
    conn: &mut DbConn,
    raw_session: &str,
    slug: Option<&str>,
) -> QueryResult<crate::web::access::Found> {
    let Some((session_id, coordinator)) = accounts::session_coordinator(conn, raw_session)? else {
        return Ok(None);
    };
    let membership = match slug {
        Some(slug) => membership(conn, slug, &coordinator.id)?,
        None => None,
    };
    Ok(Some((session_id, coordinator, membership)))
}

pub fn membership(
    conn: &mut DbConn,
    slug: &str,
    coordinator_id: &str,
) -> QueryResult<Option<Membership>> {
    let Some(coalition) = db::find_by_slug(conn, slug)? else {
        return Ok(None);
    };
    let role = db::role_of(conn, &coalition.id, coordinator_id)?;
    Ok(role.map(|role| Membership { coalition, role }))
}

/// The role of `coordinator_id` in the coalition, if a member.
pub fn role_of(
    conn: &mut DbConn,
    coalition_id: &str,
    coordinator_id: &str,
) -> QueryResult<Option<Role>> {
    db::role_of(conn, coalition_id, coordinator_id)
}

/// Every coalition `coordinator_id` belongs to, with the role, by name.
pub fn memberships_of(conn: &mut DbConn, coordinator_id: &str) -> QueryResult<Vec<Membership>> {
    db::memberships_of(conn, coordinator_id)
}

pub fn members(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Member>> {
    db::members(conn, coalition_id)
}

pub fn pending_invitations(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Invitation>> {
    db::pending_invitations(conn, coalition_id)
}

/// Invites `email` into the coalition with `role`: stores the invitation
/// and queues the mail with its single-use link, in one transaction.
pub fn invite(
    conn: &mut DbConn,
    context: &MailContext,
    membership: &Membership,
    inviter: &Coordinator,
    email: &Email,
    role: Role,
    lang: crate::i18n::Lang,
) -> Result<Invitation, CoalitionError> {
    let coalition = &membership.coalition;
    crate::db::transaction(conn, |conn| {
        if let Some(existing) = accounts::find_by_email(conn, email)?
            && db::role_of(conn, &coalition.id, &existing.id)?.is_some()
        {
            return Err(CoalitionError::AlreadyMember);
        }
        let invitation =
            db::insert_invitation(conn, &coalition.id, email.as_str(), role, &inviter.id)?;
        let raw = tokens::issue(
            conn,
            Purpose::Invitation,
            Some(&invitation.id),
            INVITATION_VALIDITY,
        )?;
        let (role_name, role_description) = role.describe(lang);
        let content = mail::templates::render_localized(
            "coalition-invitation",
            lang.code(),
            &serde_json::json!({
                "inviter": inviter.name,
                "coalition": coalition.name,
                "role": role_name,
                "role_description": role_description,
                "link": format!("{}/invitations/{raw}", context.base_url),
                "days": INVITATION_VALIDITY.num_days(),
            }),
        )?;
        mail::enqueue(
            conn,
            context,
            &OutgoingMail {
                purpose: "coalition-invitation".into(),
                subject_id: invitation.id.clone(),
                to: email.as_str().to_owned(),
                to_name: None,
                content,
                headers: Vec::new(),
                priority: Priority::Transactional,
                sender: mail::Sender::default(),
            },
        )?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(inviter),
            "member.invite",
            "invitation",
            &invitation.id,
            &Phrase::new("audit-member-invite")
                .text("email", email.as_str())
                .word("role", role.message_id()),
        )?;
        Ok(invitation)
    })
}

/// An invitation that a link still opens, with its coalition.
pub fn open_invitation(
    conn: &mut DbConn,
    raw: &str,
) -> QueryResult<Option<(Invitation, Coalition)>> {
    let Some(token) = tokens::find_valid(conn, Purpose::Invitation, raw)? else {
        return Ok(None);
    };
    let Some(id) = token.subject_id else {
        return Ok(None);
    };
    db::invitation_with_coalition(conn, &id)
}

/// How an invitation is accepted: by an existing account, or a new one.
pub enum Acceptance<'a> {
    Existing(&'a Coordinator),
    NewAccount(&'a NewAccount),
}

/// Accepts an invitation: uses the token, creates the account when needed
/// and adds the membership, all or nothing.
pub fn accept_invitation(
    conn: &mut DbConn,
    raw: &str,
    acceptance: Acceptance<'_>,
) -> Result<(Coordinator, Coalition), CoalitionError> {
    crate::db::transaction(conn, |conn| {
        let token = tokens::consume(conn, Purpose::Invitation, raw)?
            .ok_or(CoalitionError::InvalidInvitation)?;
        let id = token.subject_id.ok_or(CoalitionError::InvalidInvitation)?;
        let (invitation, coalition) =
            db::invitation_with_coalition(conn, &id)?.ok_or(CoalitionError::InvalidInvitation)?;
        let role = invitation.role;
        let coordinator = match acceptance {
            Acceptance::Existing(coordinator)
                if !coordinator.email.eq_ignore_ascii_case(&invitation.email) =>
            {
                return Err(CoalitionError::OtherAddress);
            }
            Acceptance::Existing(coordinator) => coordinator.clone(),
            Acceptance::NewAccount(account) => accounts::create_account(conn, account)?,
        };
        match db::role_of(conn, &coalition.id, &coordinator.id)? {
            Some(current) if current >= role => {}
            Some(_) => {
                db::set_role(conn, &coalition.id, &coordinator.id, role)?;
            }
            None => {
                db::insert_member(conn, &coalition.id, &coordinator.id, role)?;
            }
        }
        db::mark_invitation_accepted(conn, &invitation.id)?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(&coordinator),
            "member.join",
            "coordinator",
            &coordinator.id,
            &Phrase::new("audit-member-join")
                .text("email", &coordinator.email)
                .word("role", role.message_id()),
        )?;
        Ok((coordinator, coalition))
    })
}

/// Withdraws a pending invitation; its link stops working.
pub fn revoke_invitation(
    conn: &mut DbConn,
    membership: &Membership,
    actor: &Coordinator,
    invitation_id: &str,
) -> Result<(), CoalitionError> {
    crate::db::transaction(conn, |conn| {
        let Some(invitation) = db::find_invitation(conn, &membership.coalition.id, invitation_id)?
        else {
            return Err(CoalitionError::InvalidInvitation);
        };
        tokens::revoke_unused(conn, Purpose::Invitation, Some(&invitation.id))?;
        db::delete_invitation(conn, &invitation.id)?;
        audit::record(
            conn,
            &membership.coalition.id,
            &Actor::Coordinator(actor),
            "member.uninvite",
            "invitation",
            &invitation.id,
            &Phrase::new("audit-member-uninvite").text("email", &invitation.email),
        )?;
        Ok(())
    })
}

/// Changes a member's role; the last owner cannot be demoted.
pub fn change_role(
    conn: &mut DbConn,
    membership: &Membership,
    actor: &Coordinator,
    member_id: &str,
    role: Role,
) -> Result<(), CoalitionError> {
    let coalition_id = &membership.coalition.id;
    crate::db::transaction(conn, |conn| {
        let current =
            db::role_of(conn, coalition_id, member_id)?.ok_or(diesel::result::Error::NotFound)?;
        if current == Role::Owner
            && role != Role::Owner
            && db::count_owners(conn, coalition_id)? <= 1
        {
            return Err(CoalitionError::LastOwner);
        }
        db::set_role(conn, coalition_id, member_id, role)?;
        let who = accounts::find(conn, member_id)?
            .map(|c| c.email)
            .unwrap_or_default();
        audit::record(
            conn,
            coalition_id,
            &Actor::Coordinator(actor),
            "member.role",
            "coordinator",
            member_id,
            &Phrase::new("audit-member-role")
                .text("email", &who)
                .word("from", current.message_id())
                .word("to", role.message_id()),
        )?;
        Ok(())
    })
}

/// Removes a member; the last owner cannot be removed. Their sessions stay
/// (they may belong to other coalitions), but this coalition is closed to them.
pub fn remove_member(
    conn: &mut DbConn,
    membership: &Membership,
    actor: &Coordinator,
    member_id: &str,
) -> Result<(), CoalitionError> {
    let coalition_id = &membership.coalition.id;
    crate::db::transaction(conn, |conn| {
        let current =
            db::role_of(conn, coalition_id, member_id)?.ok_or(diesel::result::Error::NotFound)?;
        if current == Role::Owner && db::count_owners(conn, coalition_id)? <= 1 {
            return Err(CoalitionError::LastOwner);
        }
        db::delete_member(conn, coalition_id, member_id)?;
        let who = accounts::find(conn, member_id)?
            .map(|c| c.email)
            .unwrap_or_default();
        audit::record(
            conn,
            coalition_id,
            &Actor::Coordinator(actor),
            "member.remove",
            "coordinator",
            member_id,
            &Phrase::new("audit-member-remove").text("email", &who),
        )?;
        Ok(())
    })
}

/// The address part of a coalition's pages.
/// The coalition with `slug`, for the command line.
pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Coalition>> {
    db::find_by_slug(conn, slug)
}

pub fn slug_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    db::slug_of(conn, coalition_id)
}

/// Every coalition of the server, by name.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Coalition>> {
    db::all(conn)
}

/// A coalition's name, for public pages.
pub fn name_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    db::name_of(conn, coalition_id)
}

/// The coalition's "About" boilerplate, reused by its press releases.
/// The coalition with this id.
pub fn find(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Coalition> {
    db::find(conn, coalition_id)
}

pub fn about_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    db::about_of(conn, coalition_id)
}

pub fn set_about(conn: &mut DbConn, coalition_id: &str, about: &str) -> QueryResult<usize> {
    db::set_about(conn, coalition_id, about)
}
