//! A press mailing signed with DKIM verifies with an independent DKIM
//! verifier (mail-auth), given the public key the DNS would publish.

use std::borrow::Borrow;
use std::hash::Hash;
use std::sync::Arc;
use std::time::Instant;

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::{
    AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, ResolverCache, Txt,
};
use undersigned::config::DkimAlgorithm;

use crate::support::app::{Options, spawn_app_configured};
use crate::support::press::{Contact, create_release, send_to_tag};
use crate::support::smtp::TestSmtp;

/// A test key pair made with `openssl genrsa -traditional 2048`.
const RSA_PRIVATE_KEY: &str = "-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAwgmlfPWvBQfQ5Md3kpJgGHYIyzGyIuppXKqkUlaGfXlxLegK
jq9m9Oyqn1X3Azb21EvBPfhw0DNA+CdTfMq8z2k3GwPxgXyytAiPm2SWrFQ+A8os
MntFZOB9KBVG8JJxg7qWT68kiQQGIkCcuN0FecAtpx2+WkC+O3BHRVtEQxQHltvC
ws9LzbnBMjQZlZrqvxraXvh51nvLn8NR94LP5OVy7Llb/ngtDaCfmmvTnlPa+1rT
vP+JDZDhTY+F2V/dIFrtW/saFVCKMNFky7jSH/RGj2UWv4wDUV+QNvm69w0rc7LU
ztvEQ6X5WspKyxDWc9ZlEkMTo4n/hbx8MhX8twIDAQABAoIBAA0LhPqvscKO0fZv
ipRqDtfWJ6UxhB5g0BCQ0FdQxd3tqjRB42PQWwWgW6A2sVKgAVwoc6ds6ni02WtV
iYFcR/FRy4ifbT8dWQ5NfQofaxnO2BR9JReHvhSYGxH0zD4kOkl24+AbkEM96AOp
gF/VTCbxSqBvmXqL2743QDNjfWVc9zgUCqO6zl2pC8teytIQGFcA4b5wD6gotBf2
aNB1L7F0mkyyD5Qhh5iNRurXkuDwG+29GI7BvFGD4AAAXDhMTaanx4pBDnJ/SXxD
TUv17yHk3/aQi8vHxVq9MfuFq/yQVgGIyhzJB1hPftEB0fiobxFy4kCS6zPe0uak
L/aoHlECgYEA+JZeiZ5HnKD3UJShwsQExsalsv2rbAAzd8nBKcmS6mI+rCMMeU+y
tBVPzft5WYKvbh+t660H9+Q1rUKrbiwyzEhUi1JTmmcBBeXDTo5woYr+SdbM7lO5
JKIRLHNkfGBMaaVA70FZi3xf4mvCWV9PspqZYWCcgf8cwYnvZknPZkMCgYEAx9Ld
DP9+Jl/OyhG+IyyFnbCSZORkSiJ9/+WqubvwlcGeE0qkYvZKFBliKgvNijsTlU5t
NXas5p2qmX8xAehpB9cg3ctVaso3HVyOZyk5IsNxSgezVDYpfjRyBdQarTPX9wky
0VuXIZNlv4Sqks1X38JZRQhjTJIQlO+nDSSU2n0CgYEAsvoIjMrBwnp+Na0dng3l
ZnxFds5+ql6mr7s58O0pcslTWDpP09PW1SN29tX088ZMqlvyq3lEAG11XA5hQQxf
coctH7YhbUx2Bxn6+UdCvnxFQ0J8/6aV6VMqTDe0hHwM6A9L5jbF0tC0dF+jaRdf
WTdH8T1O0aWsvYejLqE7yuMCgYBWK+LTxiI6njpo/bnHJV4BoLGg/LUbG0DG5931
9sxLaJGotBmr65YKkN+6Thi3Mb7CNm32DlWFphx50VXrArS4gtdTjmopgUa/TLjE
WAyhpzLlv+hfunOuTyOUy+EtLBxIFhlqG1tTSWMpcia05ASvI/qnQHTCAoNQFwEt
M8dVaQKBgDmXdmYxYik/dQ7kbNDN7sbWTnZL7SmsxVahT5amIfIgOy1Sy4Z10hSf
hPQAeNHtN/CRaqiIF0yzRXxF4YPYaCdFxcYhi/m3PyeBXq8MzJe1hkGSc2VotiR4
zqvib44Y74IeCtTyP9h+73oIjGUBhbyzNeGBupPqoXqekuB3fi35
-----END RSA PRIVATE KEY-----";
const RSA_RECORD: &str = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwgmlfPWvBQfQ5Md3kpJgGHYIyzGyIuppXKqkUlaGfXlxLegKjq9m9Oyqn1X3Azb21EvBPfhw0DNA+CdTfMq8z2k3GwPxgXyytAiPm2SWrFQ+A8osMntFZOB9KBVG8JJxg7qWT68kiQQGIkCcuN0FecAtpx2+WkC+O3BHRVtEQxQHltvCws9LzbnBMjQZlZrqvxraXvh51nvLn8NR94LP5OVy7Llb/ngtDaCfmmvTnlPa+1rTvP+JDZDhTY+F2V/dIFrtW/saFVCKMNFky7jSH/RGj2UWv4wDUV+QNvm69w0rc7LUztvEQ6X5WspKyxDWc9ZlEkMTo4n/hbx8MhX8twIDAQAB";

/// The one TXT record the verifier may look up: the selector's public key,
/// as the DNS would publish it.
/// A test key pair made with `openssl genpkey -algorithm ed25519`.
const ED25519_PRIVATE_KEY: &str = "nB3VGD21q8Kwtq4A8mcQHIFtjb953wk85GdZ0SidcaU=";
const ED25519_RECORD: &str = "v=DKIM1; k=ed25519; p=SC78nkURLrun+dyiKvJIfzBIicAHjaw6ZU22WtzZwGw=";

struct KnownKey(String, Txt);

impl ResolverCache<String, Txt> for KnownKey {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        (Borrow::<Q>::borrow(&self.0) == name).then(|| self.1.clone())
    }

    fn remove<Q>(&self, _: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        None
    }

    fn insert(&self, _: String, _: Txt, _: Instant) {}
}

#[tokio::test]
async fn an_rsa_signed_release_verifies_with_a_dkim_verifier() {
    verify_a_signed_release(DkimAlgorithm::Rsa, RSA_PRIVATE_KEY, RSA_RECORD).await;
}

#[tokio::test]
async fn an_ed25519_signed_release_verifies_with_a_dkim_verifier() {
    verify_a_signed_release(DkimAlgorithm::Ed25519, ED25519_PRIVATE_KEY, ED25519_RECORD).await;
}

#[tokio::test]
async fn an_rsa_key_in_pkcs8_as_openssl_3_writes_it_signs_verifiably() {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let key = rsa::RsaPrivateKey::from_pkcs1_pem(RSA_PRIVATE_KEY).expect("the test key");
    let pkcs8 = key.to_pkcs8_pem(LineEnding::LF).expect("PKCS#8");
    assert!(pkcs8.starts_with("-----BEGIN PRIVATE KEY-----"));
    verify_a_signed_release(DkimAlgorithm::Rsa, &pkcs8, RSA_RECORD).await;
}

#[tokio::test]
async fn an_ed25519_key_in_pkcs8_pem_signs_verifiably() {
    use base64::Engine;
    use ed25519_dalek::pkcs8::EncodePrivateKey;
    let seed: [u8; 32] = base64::engine::general_purpose::STANDARD
        .decode(ED25519_PRIVATE_KEY)
        .expect("base64")
        .try_into()
        .expect("32 bytes");
    let pem = ed25519_dalek::SigningKey::from_bytes(&seed)
        .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
        .expect("PKCS#8");
    verify_a_signed_release(DkimAlgorithm::Ed25519, &pem, ED25519_RECORD).await;
}

async fn verify_a_signed_release(algorithm: DkimAlgorithm, private_key: &str, record: &str) {
    // Arrange
    let smtp = TestSmtp::start();
    let key_dir = tempfile::tempdir().expect("key dir");
    let key_file = key_dir.path().join("dkim.key");
    std::fs::write(&key_file, private_key).expect("key written");
    let app = spawn_app_configured(
        Options {
            smtp: Some(smtp.clone()),
            db: None,
            data_dir: None,
        },
        |s| {
            s.dkim_selector = Some("press".into());
            s.dkim_domain = Some("undersigned.test".into());
            s.dkim_key_file = Some(key_file.clone());
            s.dkim_algorithm = algorithm;
        },
    )
    .await;
    let owner = app.setup_first_account().await;
    app.add_contacts(&[Contact {
        email: "joe@news.example",
        name: "Joe Réporter",
        tags: &["press"],
    }])
    .await;
    let release = create_release(&owner, "Water is a right", "2099-01-01T09:00").await;

    // Act
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;

    // Assert
    let received = smtp.received();
    let raw = received
        .iter()
        .find(|m| m.recipients.iter().any(|r| r == "joe@news.example"))
        .expect("the release arrived");
    assert!(raw.data.contains("DKIM-Signature:"), "signed");
    let message = AuthenticatedMessage::parse(raw.data.as_bytes()).expect("a parsable message");
    let key = DomainKey::parse(record.as_bytes()).expect("a DKIM record");
    let cache = KnownKey(
        "press._domainkey.undersigned.test.".into(),
        Txt::DomainKey(Arc::new(key)),
    );
    let authenticator = MessageAuthenticator::new_cloudflare().expect("a resolver (never asked)");
    let results = authenticator
        .verify_dkim(Parameters::new(&message).with_txt_cache(&cache))
        .await;
    assert!(!results.is_empty());
    assert!(
        results.iter().all(|r| r.result() == &DkimResult::Pass),
        "{:?}",
        results.iter().map(|r| r.result()).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_key_in_another_format_stops_the_start_naming_the_formats_and_the_command() {
    // Arrange
    let dir = tempfile::tempdir().expect("tempdir");
    let key_file = dir.path().join("dkim.key");
    std::fs::write(
        &key_file,
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
    )
    .expect("key written");
    let settings = undersigned::config::Settings {
        data_dir: dir.path().to_owned(),
        listen: "127.0.0.1:0".into(),
        dkim_selector: Some("s1".into()),
        dkim_domain: Some("example.org".into()),
        dkim_key_file: Some(key_file),
        ..undersigned::config::Settings::default()
    };

    // Act
    let started = undersigned::startup::Application::build(settings).await;

    // Assert
    let message = format!("{:#}", started.err().expect("the start is refused"));
    assert!(message.contains("PKCS#8"), "{message}");
    assert!(message.contains("openssl genpkey"), "{message}");
}
