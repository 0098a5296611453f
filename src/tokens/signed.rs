//! Links signed with the instance's secret key: manage, re-consent,
//! invitation, preview and unsubscribe links, and a session's CSRF token.
//!
//! A token is the HMAC-SHA256 of `purpose:part:part…` under the secret key,
//! cut to [`LENGTH`] bytes and written in URL-safe base64. Nothing is
//! stored: changing a part (a new link version, a withdrawal) retires every
//! link made from the old one, and a token of one purpose never opens
//! another.
//!
//! Links mailed before every kind used this length carried 18 bytes
//! (preview and unsubscribe links) or all 32 (CSRF tokens); a mailed link
//! lives for years, so [`verify`] still accepts those lengths, each compared
//! with the same prefix of the same HMAC.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::config::SecretKey;

/// Bytes of the HMAC a new token carries (192 bits, 32 characters).
pub const LENGTH: usize = 24;

/// Token lengths, in bytes, that [`verify`] accepts: [`LENGTH`] and the
/// lengths of tokens made before it was the only one.
const ACCEPTED: [usize; 3] = [18, LENGTH, 32];

/// What a signed link is for; a token of one kind never opens another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A signer's private link to see, correct or withdraw their signature.
    Manage,
    /// A signer's link to consent to a revised text.
    Reconsent,
    /// An invited organization's personal sign-on link.
    Invitation,
    /// A draft's private preview link for partners.
    Preview,
    /// One-click unsubscription from a coalition's mailings.
    Unsubscribe,
    /// The CSRF token of a coordinator's session.
    Csrf,
}

impl Link {
    fn label(self) -> &'static str {
        match self {
            Self::Manage => "manage",
            Self::Reconsent => "reconsent",
            Self::Invitation => "sign-invitation",
            Self::Preview => "preview",
            Self::Unsubscribe => "unsubscribe",
            Self::Csrf => "csrf",
        }
    }
}

fn mac(secret: &SecretKey, link: Link, parts: &[&str]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(link.label().as_bytes());
    for part in parts {
        mac.update(b":");
        mac.update(part.as_bytes());
    }
    mac.finalize().into_bytes().into()
}

/// The token of `link` for `parts`.
pub fn sign(secret: &SecretKey, link: Link, parts: &[&str]) -> String {
    URL_SAFE_NO_PAD.encode(&mac(secret, link, parts)[..LENGTH])
}

/// Whether `typed` is a token made by [`sign`] (or, for links mailed
/// earlier, a shorter or longer cut of the same HMAC) for these parts.
/// The comparison takes the same time whatever bytes differ.
pub fn verify(secret: &SecretKey, link: Link, parts: &[&str], typed: &str) -> bool {
    let Ok(given) = URL_SAFE_NO_PAD.decode(typed) else {
        return false;
    };
    if !ACCEPTED.contains(&given.len()) {
        return false;
    }
    let expected = mac(secret, link, parts);
    bool::from(expected[..given.len()].ct_eq(&given))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_text("a secret key of at least thirty-two bytes").expect("long enough")
    }

    #[test]
    fn a_token_opens_only_its_purpose_and_parts() {
        let token = sign(&key(), Link::Manage, &["sig-1", "3"]);
        assert_eq!(token.len(), 32);
        assert!(verify(&key(), Link::Manage, &["sig-1", "3"], &token));
        assert!(!verify(&key(), Link::Manage, &["sig-1", "4"], &token));
        assert!(!verify(&key(), Link::Reconsent, &["sig-1", "3"], &token));
        assert!(!verify(&key(), Link::Manage, &["sig-13"], &token));
        let other =
            SecretKey::from_text("another secret key, thirty-two bytes long").expect("long");
        assert!(!verify(&other, Link::Manage, &["sig-1", "3"], &token));
    }

    #[test]
    fn tokens_cut_at_the_lengths_of_earlier_links_still_open() {
        let full = mac(&key(), Link::Unsubscribe, &["c1", "a@example.org"]);
        for length in [18, 24, 32] {
            let token = URL_SAFE_NO_PAD.encode(&full[..length]);
            assert!(verify(
                &key(),
                Link::Unsubscribe,
                &["c1", "a@example.org"],
                &token
            ));
        }
        for length in [0, 8, 17, 23, 31] {
            let token = URL_SAFE_NO_PAD.encode(&full[..length]);
            assert!(!verify(
                &key(),
                Link::Unsubscribe,
                &["c1", "a@example.org"],
                &token
            ));
        }
        assert!(!verify(
            &key(),
            Link::Unsubscribe,
            &["c1", "a@example.org"],
            "not base64!"
        ));
    }

    /// The message is the one every earlier copy of this code signed, so a
    /// link it mailed is this module's token cut to its length.
    #[test]
    fn the_signed_message_is_purpose_and_parts_joined_by_colons() {
        let mut expected = <Hmac<Sha256> as Mac>::new_from_slice(key().bytes()).expect("key");
        expected.update(b"preview:st-1:2");
        let expected = expected.finalize().into_bytes();
        let earlier = URL_SAFE_NO_PAD.encode(&expected[..18]);
        assert!(verify(&key(), Link::Preview, &["st-1", "2"], &earlier));
    }
}
