//! Single-purpose, single-use tokens for links (setup, sign-on
//! confirmation, password reset). The raw token appears only in the link;
//! the database keeps its SHA-256, so a leaked database holds no usable
//! link. Links that are signed rather than stored are in [`signed`].

mod db;
pub mod signed;

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::db::{DbConn, text_enum};

text_enum!(
    /// What a token may be used for; a token of one purpose never opens another.
    Purpose {
        Setup => "setup",
        PasswordReset => "password-reset",
        Invitation => "invitation",
        ConfirmSignature => "confirm-signature",
        ConfirmEmailChange => "confirm-email-change",
    }
);

/// A stored token, without its raw value.
#[derive(Debug, Clone, diesel::Queryable, diesel::Selectable)]
#[diesel(table_name = crate::db::schema::tokens)]
pub struct Token {
    pub id: String,
    pub purpose: Purpose,
    pub token_hash: String,
    pub subject_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// 256 random bits, URL-safe.
pub fn generate_raw() -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// The SHA-256 of a raw token, as stored.
pub fn hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

/// Issues a new token and returns its raw value, the only time it exists.
pub fn issue(
    conn: &mut DbConn,
    purpose: Purpose,
    subject_id: Option<&str>,
    valid_for: Duration,
) -> QueryResult<String> {
    let fresh = Fresh::new();
    store(conn, purpose, &fresh, subject_id, valid_for)?;
    Ok(fresh.raw)
}

/// A token made before the transaction that stores it, so that the link
/// (and the mail that carries it) can be written outside that transaction.
#[derive(Debug, Clone)]
pub struct Fresh {
    pub raw: String,
    pub hash: String,
}

impl Fresh {
    pub fn new() -> Self {
        let raw = generate_raw();
        let hash = hash(&raw);
        Self { raw, hash }
    }
}

impl Default for Fresh {
    fn default() -> Self {
        Self::new()
    }
}

/// Stores the hash of a token made with [`Fresh::new`], valid from now.
pub fn store(
    conn: &mut DbConn,
    purpose: Purpose,
    fresh: &Fresh,
    subject_id: Option<&str>,
    valid_for: Duration,
) -> QueryResult<()> {
    let now = crate::db::now();
    db::insert(conn, purpose, &fresh.hash, subject_id, now, now + valid_for)?;
    Ok(())
}

/// Looks a token up without using it (what a GET may do).
pub fn find_valid(conn: &mut DbConn, purpose: Purpose, raw: &str) -> QueryResult<Option<Token>> {
    let wanted = hash(raw);
    let found = db::find_by_hash(conn, purpose, &wanted)?;
    Ok(found.filter(|token| {
        let same: bool = token.token_hash.as_bytes().ct_eq(wanted.as_bytes()).into();
        same && token.used_at.is_none() && token.expires_at > crate::db::now()
    }))
}

/// Looks a token up whatever its state (used, expired), so a page can say
/// which it is.
pub fn find_any(conn: &mut DbConn, purpose: Purpose, raw: &str) -> QueryResult<Option<Token>> {
    let wanted = hash(raw);
    let found = db::find_by_hash(conn, purpose, &wanted)?;
    Ok(found.filter(|token| bool::from(token.token_hash.as_bytes().ct_eq(wanted.as_bytes()))))
}

/// Uses a token: succeeds once, for the first caller only, even when two
/// requests race. Call inside the transaction of the action it authorizes.
pub fn consume(conn: &mut DbConn, purpose: Purpose, raw: &str) -> QueryResult<Option<Token>> {
    let Some(token) = find_valid(conn, purpose, raw)? else {
        return Ok(None);
    };
    let marked = db::mark_used(conn, &token.id, crate::db::now())?;
    Ok((marked == 1).then_some(token))
}

/// How many links of this purpose for `subject_id` are still usable.
pub fn count_valid(conn: &mut DbConn, purpose: Purpose, subject_id: &str) -> QueryResult<i64> {
    db::count_valid(conn, purpose, subject_id, crate::db::now())
}

/// Makes every unused token of this purpose (and subject) unusable.
pub fn revoke_unused(
    conn: &mut DbConn,
    purpose: Purpose,
    subject_id: Option<&str>,
) -> QueryResult<usize> {
    db::revoke_unused(conn, purpose, subject_id, crate::db::now())
}

/// Deletes the tokens that can no longer be used and ended before
/// `before`: expired, or used. A used link then reads as unknown rather
/// than "already used", which after the retention time is as good.
pub fn prune(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    db::prune(conn, before)
}
