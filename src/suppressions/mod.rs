//! The coalition-wide suppression list: addresses that unsubscribed, hard
//! bounced or were marked do-not-contact. Every mailing to people outside
//! the coalition (invitations to sign, press releases) skips them, forever.

mod db;
pub mod routes;
mod views;

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use diesel::QueryResult;

use crate::config::SecretKey;
use crate::db::{DbConn, text_enum};
use crate::tokens::signed::{self, Link};

text_enum!(
    /// Why an address is suppressed.
    #[derive(PartialOrd, Ord)]
    Reason {
        Unsubscribed => "unsubscribed",
        Bounced => "bounced",
        DoNotContact => "do-not-contact",
    }
);

fn normalized(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn is_suppressed(conn: &mut DbConn, coalition_id: &str, email: &str) -> QueryResult<bool> {
    db::exists(conn, coalition_id, &normalized(email))
}

/// Every suppressed address of a coalition (lowercase), to filter a
/// mailing's audience in one read.
pub fn all(
    conn: &mut DbConn,
    coalition_id: &str,
) -> QueryResult<std::collections::HashSet<String>> {
    Ok(db::all(conn, coalition_id)?.into_iter().collect())
}

/// Why and since when an address is suppressed.
#[derive(Debug, Clone)]
pub struct Suppression {
    pub reason: Reason,
    pub detail: Option<String>,
    pub since: chrono::NaiveDateTime,
}

/// The suppression of `email` in the coalition, if any.
pub fn find(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
) -> QueryResult<Option<Suppression>> {
    Ok(
        db::find(conn, coalition_id, &normalized(email))?.map(|(reason, detail, since)| {
            Suppression {
                reason,
                detail,
                since,
            }
        }),
    )
}

/// A coalition's mail to `email` was refused for good (`reply`, the
/// server's answer): the mail worker's [`crate::mail::Bounces`].
pub fn bounced(conn: &mut DbConn, coalition_id: &str, email: &str, reply: &str) -> QueryResult<()> {
    add(conn, coalition_id, email, Reason::Bounced, Some(reply))
}

/// Adds an address; an address already suppressed keeps its first reason.
/// Mailings under way stop at once for it: its unsent mails are cancelled.
pub fn add(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    reason: Reason,
    detail: Option<&str>,
) -> QueryResult<()> {
    let email = normalized(email);
    if db::exists(conn, coalition_id, &email)? {
        return Ok(());
    }
    db::insert(conn, coalition_id, &email, reason, detail)?;
    crate::mail::cancel_unsent_to(conn, coalition_id, &email)?;
    Ok(())
}

/// Takes an address off the list only when it is there because it was
/// marked do-not-contact: an unsubscribe or a bounce stays forever.
/// Returns whether the address was taken off.
pub fn remove_do_not_contact(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
) -> QueryResult<bool> {
    db::delete_with_reason(conn, coalition_id, &normalized(email), Reason::DoNotContact)
        .map(|deleted| deleted > 0)
}

/// Why each of `emails` is suppressed, for those that are.
pub fn reasons(
    conn: &mut DbConn,
    coalition_id: &str,
    emails: &[String],
) -> QueryResult<HashMap<String, Reason>> {
    let keys: Vec<String> = emails.iter().map(|e| normalized(e)).collect();
    Ok(db::reasons(conn, coalition_id, Some(&keys))?
        .into_iter()
        .collect())
}

/// Why each suppressed address of the coalition is suppressed.
pub fn all_reasons(conn: &mut DbConn, coalition_id: &str) -> QueryResult<HashMap<String, Reason>> {
    Ok(db::reasons(conn, coalition_id, None)?.into_iter().collect())
}

fn token(secret: &SecretKey, coalition_id: &str, email: &str) -> String {
    signed::sign(
        secret,
        Link::Unsubscribe,
        &[coalition_id, &normalized(email)],
    )
}

/// The one-click unsubscribe address for `email` in a coalition's mailings;
/// its pages speak `lang`, the language of the mail that carries it.
pub fn unsubscribe_url(
    base_url: &str,
    secret: &SecretKey,
    coalition_id: &str,
    email: &str,
    lang: crate::i18n::Lang,
) -> String {
    let encoded = URL_SAFE_NO_PAD.encode(normalized(email));
    format!(
        "{base_url}/u/{coalition_id}/{encoded}/{}?lang={}",
        token(secret, coalition_id, email),
        lang.code()
    )
}

/// The address an unsubscribe link is for, when the link is genuine.
pub fn verify(
    secret: &SecretKey,
    coalition_id: &str,
    encoded: &str,
    typed: &str,
) -> Option<String> {
    let email = String::from_utf8(URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()?;
    signed::verify(
        secret,
        Link::Unsubscribe,
        &[coalition_id, &normalized(email.as_str())],
        typed,
    )
    .then_some(email)
}

/// The headers of RFC 8058 one-click unsubscription.
pub fn list_unsubscribe_headers(url: &str) -> Vec<(String, String)> {
    vec![
        ("List-Unsubscribe".into(), format!("<{url}>")),
        (
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        ),
    ]
}
