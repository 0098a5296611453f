//! Turning an outbox row into a MIME message: `multipart/alternative` with a
//! text and an HTML part, Date, Message-ID, the configured sender, extra
//! headers, and a DKIM signature when configured.

use lettre::Message;
use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use maud::{DOCTYPE, PreEscaped, html};

use super::db::OutboxRow;
use crate::config::DkimAlgorithm;

/// The one HTML layout every mail shares. `body` is HTML rendered from a
/// template whose placeholders were escaped.
pub fn html_layout(subject: &str, body: &str) -> String {
    html! {
        (DOCTYPE)
        html {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (subject) }
            }
            body style="margin:0;padding:0;background:#f4f4f1;" {
                div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;overflow-wrap:break-word;word-wrap:break-word;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.55;color:#1d1d1f;" {
                    (PreEscaped(body))
                }
            }
        }
    }
    .into_string()
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the recipient address {0} is invalid")]
    Recipient(String),
    #[error("a stored header is invalid: {0}")]
    Header(String),
    #[error("the message could not be built: {0}")]
    Message(#[from] lettre::error::Error),
}

/// DKIM settings loaded once at start.
#[derive(Clone)]
pub struct Dkim(std::sync::Arc<DkimConfig>);

impl std::fmt::Debug for Dkim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Dkim([REDACTED])")
    }
}

impl Dkim {
    pub fn load(
        selector: &str,
        domain: &str,
        key_file: &std::path::Path,
        algorithm: DkimAlgorithm,
    ) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(key_file).map_err(|e| {
            anyhow::anyhow!("could not read the DKIM key {}: {e}", key_file.display())
        })?;
        let Some(read) = super::dkim_key::read(&text) else {
            anyhow::bail!(
                "the DKIM key {} is not usable. {}",
                key_file.display(),
                super::dkim_key::FORMATS
            );
        };
        let (signing, named) = match read.kind {
            super::dkim_key::KeyKind::Rsa => (DkimSigningAlgorithm::Rsa, DkimAlgorithm::Rsa),
            super::dkim_key::KeyKind::Ed25519 => {
                (DkimSigningAlgorithm::Ed25519, DkimAlgorithm::Ed25519)
            }
        };
        if named != algorithm {
            anyhow::bail!(
                "the DKIM key {} is an {} key but UNDERSIGNED_DKIM_ALGORITHM (dkim_algorithm) is not {}: \
                 set it to {}, the k= of the DNS record",
                key_file.display(),
                read.kind.as_str(),
                read.kind.as_str(),
                read.kind.as_str()
            );
        }
        let key = DkimSigningKey::new(&read.text, signing).map_err(|e| {
            anyhow::anyhow!("the DKIM key {} is not usable: {e}", key_file.display())
        })?;
        // Relaxed header canonicalization survives the folding of long
        // headers on the way; RFC 8058 wants the List-Unsubscribe pair signed.
        let headers = [
            "From",
            "Reply-To",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "List-Unsubscribe",
            "List-Unsubscribe-Post",
        ]
        .into_iter()
        .map(HeaderName::new_from_ascii_str)
        .collect();
        let canonicalization = DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        };
        Ok(Self(std::sync::Arc::new(DkimConfig::new(
            selector.to_owned(),
            domain.to_owned(),
            key,
            headers,
            canonicalization,
        ))))
    }
}

/// Builds the message for a row; the result is what goes on the wire.
pub fn build(row: &OutboxRow, from: &Mailbox, dkim: Option<&Dkim>) -> Result<Message, BuildError> {
    let address = row
        .recipient
        .parse()
        .map_err(|_| BuildError::Recipient(row.recipient.clone()))?;
    let from = Mailbox::new(
        row.from_name.clone().or_else(|| from.name.clone()),
        from.email.clone(),
    );
    let mut builder = Message::builder()
        .from(from)
        .to(Mailbox::new(row.recipient_name.clone(), address))
        .subject(row.subject.clone())
        .message_id(Some(row.message_id.clone()))
        .date_now();
    if let Some(reply_to) = &row.reply_to {
        let address = reply_to
            .parse()
            .map_err(|_| BuildError::Header(format!("Reply-To {reply_to}")))?;
        builder = builder.reply_to(Mailbox::new(None, address));
    }
    let headers: Vec<(String, String)> =
        serde_json::from_str(&row.extra_headers).map_err(|e| BuildError::Header(e.to_string()))?;
    for (name, value) in headers {
        let name =
            HeaderName::new_from_ascii(name).map_err(|e| BuildError::Header(e.to_string()))?;
        builder = builder.raw_header(HeaderValue::new(name, value));
    }
    let mut message = builder.multipart(MultiPart::alternative_plain_html(
        row.text_body.clone(),
        row.html_body.clone(),
    ))?;
    if let Some(dkim) = dkim {
        message.sign(&dkim.0);
    }
    Ok(message)
}
