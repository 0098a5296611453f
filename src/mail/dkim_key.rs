//! Reading a DKIM private key in the forms operators make them: RSA as
//! PKCS#1 PEM (`openssl genrsa` before OpenSSL 3, `BEGIN RSA PRIVATE KEY`)
//! or PKCS#8 PEM (`openssl genrsa` and `genpkey` since OpenSSL 3, `BEGIN
//! PRIVATE KEY`), Ed25519 as PKCS#8 PEM (`openssl genpkey -algorithm
//! ED25519`) or as the base64 of its 32-byte key. The key is handed on in
//! the one form the signer takes for each: PKCS#1 PEM, or base64.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rsa::RsaPrivateKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::DecodePrivateKey;

/// The kind of a DKIM key; it must match the `k=` of the DNS record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Rsa,
    Ed25519,
}

impl KeyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rsa => "rsa",
            Self::Ed25519 => "ed25519",
        }
    }
}

/// A key read, in the form the signer takes.
pub struct ReadKey {
    pub kind: KeyKind,
    pub text: String,
}

/// What is said when a key cannot be used.
pub const FORMATS: &str = "Undersigned reads RSA keys in PKCS#1 PEM (BEGIN RSA PRIVATE KEY) \
     or PKCS#8 PEM (BEGIN PRIVATE KEY), and Ed25519 keys in PKCS#8 PEM or as the base64 \
     of the 32-byte key, unencrypted. Make one with \
     `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem` \
     or `openssl genpkey -algorithm ED25519 -out dkim.pem`";

/// Reads `text` as a DKIM private key; `None` for anything else (an
/// encrypted key, an OpenSSH key, a public key, garbage).
pub fn read(text: &str) -> Option<ReadKey> {
    let text = text.trim();
    if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
        RsaPrivateKey::from_pkcs1_pem(text).ok()?;
        return Some(ReadKey {
            kind: KeyKind::Rsa,
            text: text.to_owned(),
        });
    }
    if text.contains("-----BEGIN PRIVATE KEY-----") {
        if let Ok(key) = RsaPrivateKey::from_pkcs8_pem(text) {
            let pkcs1 = key.to_pkcs1_pem(LineEnding::LF).ok()?;
            return Some(ReadKey {
                kind: KeyKind::Rsa,
                text: pkcs1.to_string(),
            });
        }
        let key = ed25519_dalek::SigningKey::from_pkcs8_pem(text).ok()?;
        return Some(ed25519(&key.to_bytes()));
    }
    if text.contains("-----") {
        return None;
    }
    let compact: String = text.split_whitespace().collect();
    let bytes = STANDARD.decode(compact).ok()?;
    let seed: [u8; 32] = bytes.try_into().ok()?;
    Some(ed25519(&seed))
}

fn ed25519(seed: &[u8; 32]) -> ReadKey {
    ReadKey {
        kind: KeyKind::Ed25519,
        text: STANDARD.encode(seed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::EncodePrivateKey;

    fn rsa_key() -> RsaPrivateKey {
        let mut rng = rsa::rand_core::OsRng;
        RsaPrivateKey::new(&mut rng, 1024).expect("a key")
    }

    #[test]
    fn an_rsa_key_reads_from_pkcs1_and_from_pkcs8_alike() {
        let key = rsa_key();
        let pkcs1 = key.to_pkcs1_pem(LineEnding::LF).expect("pem").to_string();
        let pkcs8 = key.to_pkcs8_pem(LineEnding::LF).expect("pem").to_string();

        let from_pkcs1 = read(&pkcs1).expect("read");
        let from_pkcs8 = read(&pkcs8).expect("read");

        assert_eq!(from_pkcs1.kind, KeyKind::Rsa);
        assert_eq!(from_pkcs8.kind, KeyKind::Rsa);
        assert_eq!(from_pkcs8.text.trim(), pkcs1.trim());
    }

    #[test]
    fn an_ed25519_key_reads_from_pkcs8_and_from_base64_alike() {
        let seed = [7u8; 32];
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        let pem = ed25519_dalek::pkcs8::EncodePrivateKey::to_pkcs8_pem(&key, LineEnding::LF)
            .expect("pem")
            .to_string();

        let from_pem = read(&pem).expect("read");
        let from_base64 = read(&STANDARD.encode(seed)).expect("read");

        assert_eq!(from_pem.kind, KeyKind::Ed25519);
        assert_eq!(from_pem.text, from_base64.text);
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "not a key",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
            &STANDARD.encode([1u8; 31]),
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
