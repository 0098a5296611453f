//! Coordinator accounts: the first account from the setup link, passwords
//! (argon2id), login with throttling, revocable sessions and password reset.

mod db;
pub mod routes;
mod views;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Duration;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::mail::{self, MailContext, OutgoingMail, Priority};
use crate::tokens::{self, Purpose};

pub use crate::identity::{Coordinator, Email, SESSION_IDLE};

/// How long a printed setup link stays valid.
const SETUP_LINK_VALIDITY: Duration = Duration::days(7);
/// How long an emailed password link stays valid.
const PASSWORD_LINK_VALIDITY: Duration = Duration::hours(2);
/// Password links that may be pending at once for one account.
const MAX_PENDING_PASSWORD_LINKS: i64 = 3;
pub const MIN_PASSWORD_CHARS: usize = 10;
const MAX_PASSWORD_CHARS: usize = 1024;
/// Failed logins allowed for one account from one client address, and from
/// one client address for all accounts, within the window. A stranger who
/// guesses wrong locks only themselves out, never the account's owner.
const FAILURES_PER_ACCOUNT_AND_IP: i64 = 5;
const FAILURES_PER_IP: i64 = 20;
/// Failures on one account from every address after which each attempt on
/// it waits a second more, up to [`MAX_ACCOUNT_DELAY_SECONDS`]: guessing
/// from many addresses is slowed, the owner still gets in.
const ACCOUNT_SLOWDOWN_AFTER: i64 = 10;
const MAX_ACCOUNT_DELAY_SECONDS: i64 = 10;
const THROTTLE_WINDOW: Duration = Duration::minutes(15);

/// A password that meets the length rule. Never printed.
pub struct Password(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password is too long")]
    TooLong,
}

impl Password {
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        match input.chars().count() {
            n if n < MIN_PASSWORD_CHARS => Err(PasswordError::TooShort),
            n if n > MAX_PASSWORD_CHARS => Err(PasswordError::TooLong),
            _ => Ok(Self(input.to_owned())),
        }
    }

    /// The argon2id hash (PHC string) with a fresh salt.
    fn hash(&self) -> String {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(self.0.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password([REDACTED])")
    }
}

fn verify_password(stored: Option<&str>, typed: &str) -> bool {
    // Without a stored hash, still spend the time of a verification so that
    // the answer's timing does not tell whether the account exists.
    static DUMMY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| Password("not a real password".into()).hash());
    let parsed = PasswordHash::new(stored.unwrap_or(&DUMMY));
    let matches = parsed.is_ok_and(|hash| {
        Argon2::default()
            .verify_password(typed.as_bytes(), &hash)
            .is_ok()
    });
    matches && stored.is_some()
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("this link is not valid any more")]
    InvalidLink,
    #[error("an account with this email address exists already")]
    EmailTaken,
    #[error("a coalition with this name exists already")]
    CoalitionTaken,
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
    #[error(transparent)]
    Template(#[from] mail::templates::TemplateError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Whether at least one coordinator account exists.
pub fn any_coordinator(conn: &mut DbConn) -> QueryResult<bool> {
    db::coordinator_count(conn).map(|n| n > 0)
}

/// When no coordinator exists, issues a fresh setup link (older unused ones
/// stop working) and returns it; otherwise `None`.
pub fn setup_link_if_needed(conn: &mut DbConn, base_url: &str) -> QueryResult<Option<String>> {
    crate::db::transaction(conn, |conn| {
        if any_coordinator(conn)? {
            return Ok(None);
        }
        tokens::revoke_unused(conn, Purpose::Setup, None)?;
        let raw = tokens::issue(conn, Purpose::Setup, None, SETUP_LINK_VALIDITY)?;
        Ok(Some(format!("{base_url}/setup/{raw}")))
    })
}

/// Whether a setup token is still usable, without using it.
pub fn setup_token_is_valid(conn: &mut DbConn, raw: &str) -> QueryResult<bool> {
    Ok(tokens::find_valid(conn, Purpose::Setup, raw)?.is_some() && !any_coordinator(conn)?)
}

/// What the first-account form carries once parsed.
pub struct NewAccount {
    pub name: String,
    pub email: Email,
    pub password: Password,
}

/// Creates the first coordinator and uses the setup token, or says the
/// link is spent; the caller makes them owner of a first coalition in the
/// same transaction.
pub fn create_first(
    conn: &mut DbConn,
    raw_token: &str,
    account: &NewAccount,
) -> Result<Coordinator, AccountError> {
    if any_coordinator(conn)? || tokens::consume(conn, Purpose::Setup, raw_token)?.is_none() {
        return Err(AccountError::InvalidLink);
    }
    let hash = account.password.hash();
    Ok(db::insert_coordinator(
        conn,
        &account.name,
        account.email.as_str(),
        Some(&hash),
    )?)
}

/// Finds the account of `email` or creates it, setting its password when
/// one is given. Returns the account and whether it is new.
pub fn find_or_create(
    conn: &mut DbConn,
    name: &str,
    email: &Email,
    password: Option<&Password>,
) -> QueryResult<(Coordinator, bool)> {
    let hash = password.map(Password::hash);
    let (coordinator, created) = match db::find_by_email(conn, email.as_str())? {
        Some(existing) => (existing, false),
        None => (
            db::insert_coordinator(conn, name, email.as_str(), hash.as_deref())?,
            true,
        ),
    };
    if let Some(hash) = &hash
        && !created
    {
        db::set_password(conn, &coordinator.id, hash)?;
    }
    Ok((coordinator, created))
}

pub fn find_by_email(conn: &mut DbConn, email: &Email) -> QueryResult<Option<Coordinator>> {
    db::find_by_email(conn, email.as_str())
}

/// Sets the language of the coordinator's pages; `None` follows the browser.
pub fn set_language(
    conn: &mut DbConn,
    coordinator_id: &str,
    language: Option<crate::i18n::Lang>,
) -> QueryResult<usize> {
    db::set_language(conn, coordinator_id, language.map(crate::i18n::Lang::code))
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Coordinator>> {
    db::find(conn, id)
}

/// Creates an account from an accepted invitation.
pub fn create_account(
    conn: &mut DbConn,
    account: &NewAccount,
) -> Result<Coordinator, AccountError> {
    if db::find_by_email(conn, account.email.as_str())?.is_some() {
        return Err(AccountError::EmailTaken);
    }
    Ok(db::insert_coordinator(
        conn,
        &account.name,
        account.email.as_str(),
        Some(&account.password.hash()),
    )?)
}

/// Why a login did not succeed.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    WrongCredentials,
    /// Too many failures lately; try again after this many minutes.
    Throttled {
        minutes: i64,
    },
}

/// How long a login attempt on this account waits before it is checked:
/// nothing normally, longer the more failures the account has had lately.
pub fn login_delay(conn: &mut DbConn, email: &str) -> QueryResult<std::time::Duration> {
    let key = format!("account:{}", email.trim().to_lowercase());
    let (failures, _) = db::recent_failures(conn, &key, crate::db::now() - THROTTLE_WINDOW)?;
    let seconds = (failures - ACCOUNT_SLOWDOWN_AFTER + 1).clamp(0, MAX_ACCOUNT_DELAY_SECONDS);
    Ok(std::time::Duration::from_secs(seconds.unsigned_abs()))
}

/// Checks email and password, throttled per (account, client address) and
/// per client address.
pub fn login(
    conn: &mut DbConn,
    email: &str,
    password: &str,
    ip: &str,
) -> Result<Coordinator, LoginError> {
    let email = email.trim().to_lowercase();
    let pair = format!("account-ip:{email}|{ip}");
    let keys = [pair.clone(), format!("ip:{ip}")];
    let now = crate::db::now();
    let since = now - THROTTLE_WINDOW;
    for (key, limit) in keys
        .iter()
        .zip([FAILURES_PER_ACCOUNT_AND_IP, FAILURES_PER_IP])
    {
        let (count, oldest) =
            db::recent_failures(conn, key, since).map_err(|_| LoginError::WrongCredentials)?;
        if count >= limit {
            let free_at = oldest.unwrap_or(now) + THROTTLE_WINDOW;
            let minutes = ((free_at - now).num_seconds() + 59) / 60;
            return Err(LoginError::Throttled {
                minutes: minutes.max(1),
            });
        }
    }
    let found = db::find_by_email(conn, &email).ok().flatten();
    if verify_password(
        found.as_ref().and_then(|c| c.password_hash.as_deref()),
        password,
    ) {
        let _ = db::clear_failures(conn, &pair);
        return found.ok_or(LoginError::WrongCredentials);
    }
    for key in keys.iter().chain([&format!("account:{email}")]) {
        let _ = db::record_failure(conn, key, now);
    }
    Err(LoginError::WrongCredentials)
}

/// A new session for `coordinator`; returns the raw token for the cookie.
pub fn start_session(conn: &mut DbConn, coordinator_id: &str) -> QueryResult<String> {
    let raw = tokens::generate_raw();
    let now = crate::db::now();
    db::insert_session(
        conn,
        &tokens::hash(&raw),
        coordinator_id,
        now,
        now + SESSION_IDLE,
    )?;
    Ok(raw)
}

/// The coordinator behind a session cookie, if the session is live. Extends
/// the session when it is used.
pub fn session_coordinator(
    conn: &mut DbConn,
    raw: &str,
) -> QueryResult<Option<(String, Coordinator)>> {
    let id = tokens::hash(raw);
    let now = crate::db::now();
    let Some((session, coordinator)) = db::find_session(conn, &id)? else {
        return Ok(None);
    };
    if session.expires_at <= now {
        db::delete_session(conn, &id)?;
        return Ok(None);
    }
    if now - session.last_seen_at > Duration::minutes(5) {
        db::touch_session(conn, &id, now, now + SESSION_IDLE)?;
    }
    Ok(Some((id, coordinator)))
}

/// Ends one session (logout).
pub fn end_session(conn: &mut DbConn, session_id: &str) -> QueryResult<usize> {
    db::delete_session(conn, session_id)
}

#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    #[error("the current password is not right")]
    WrongCurrent,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Changes the password and ends every other session of the account.
pub fn change_password(
    conn: &mut DbConn,
    coordinator: &Coordinator,
    current: &str,
    new: &Password,
    keep_session: &str,
) -> Result<(), ChangePasswordError> {
    if !verify_password(coordinator.password_hash.as_deref(), current) {
        return Err(ChangePasswordError::WrongCurrent);
    }
    let hash = new.hash();
    crate::db::transaction(conn, |conn| {
        db::set_password(conn, &coordinator.id, &hash)?;
        db::delete_sessions_except(conn, &coordinator.id, keep_session)?;
        Ok(())
    })
}

/// Sends a password link if the address has an account; says nothing
/// either way, so the form cannot tell who has an account.
pub fn request_password_reset(
    conn: &mut DbConn,
    context: &MailContext,
    email: &str,
    lang: crate::i18n::Lang,
) -> Result<(), AccountError> {
    let Some(email) = Email::parse(email) else {
        return Ok(());
    };
    crate::db::transaction(conn, |conn| {
        let Some(coordinator) = db::find_by_email(conn, email.as_str())? else {
            return Ok(());
        };
        send_password_link(conn, context, &coordinator, "password-reset", lang)
    })
}

/// Queues a single-use link to set a password (reset, or first password),
/// in the language the coordinator chose, else `lang`.
pub fn send_password_link(
    conn: &mut DbConn,
    context: &MailContext,
    coordinator: &Coordinator,
    template: &str,
    lang: crate::i18n::Lang,
) -> Result<(), AccountError> {
    // A request by someone else must not cancel the link the owner is
    // about to use, so earlier links stay valid until one is used; a few at
    // most, so that the form cannot fill the owner's inbox.
    if tokens::count_valid(conn, Purpose::PasswordReset, &coordinator.id)?
        >= MAX_PENDING_PASSWORD_LINKS
    {
        return Ok(());
    }
    let raw = tokens::issue(
        conn,
        Purpose::PasswordReset,
        Some(&coordinator.id),
        PASSWORD_LINK_VALIDITY,
    )?;
    let link = format!("{}/password/reset/{raw}", context.base_url);
    let language = coordinator.language.as_deref().unwrap_or(lang.code());
    let content = mail::templates::render_localized(
        template,
        language,
        &serde_json::json!({ "name": coordinator.name, "link": link, "hours": PASSWORD_LINK_VALIDITY.num_hours() }),
    )?;
    let mail = OutgoingMail {
        purpose: template.to_owned(),
        subject_id: tokens::hash(&raw),
        to: coordinator.email.clone(),
        to_name: Some(coordinator.name.clone()),
        content,
        headers: Vec::new(),
        priority: Priority::Transactional,
        sender: mail::Sender::default(),
    };
    mail::enqueue(conn, context, &mail)?;
    Ok(())
}

/// Whether a password link is still usable (for the GET of the page).
pub fn password_link_is_valid(conn: &mut DbConn, raw: &str) -> QueryResult<bool> {
    Ok(tokens::find_valid(conn, Purpose::PasswordReset, raw)?.is_some())
}

/// Sets a new password through an emailed link; ends every session of the
/// account and returns it.
pub fn reset_password(
    conn: &mut DbConn,
    raw: &str,
    password: &Password,
) -> Result<Coordinator, AccountError> {
    let hash = password.hash();
    crate::db::transaction(conn, |conn| {
        let token =
            tokens::consume(conn, Purpose::PasswordReset, raw)?.ok_or(AccountError::InvalidLink)?;
        let id = token.subject_id.ok_or(AccountError::InvalidLink)?;
        tokens::revoke_unused(conn, Purpose::PasswordReset, Some(&id))?;
        db::set_password(conn, &id, &hash)?;
        db::delete_sessions_except(conn, &id, "")?;
        db::find(conn, &id)?.ok_or(AccountError::InvalidLink)
    })
}

/// Deletes ended sessions, and login failures older than `failures_before`
/// (the throttle only counts the last few minutes).
pub fn prune(conn: &mut DbConn, failures_before: chrono::NaiveDateTime) -> QueryResult<usize> {
    Ok(db::delete_ended_sessions(conn, crate::db::now())?
        + db::delete_failures_before(conn, failures_before)?)
}
