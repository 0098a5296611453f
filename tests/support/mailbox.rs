//! The mail the app wrote: without SMTP each message is a `.eml` file
//! under `<data_dir>/mail`; these read the text part of those written for
//! one recipient, as a person reads their inbox.

use super::app::TestApp;

impl TestApp {
    /// The text parts of every mail written for `recipient`, once the
    /// outbox has delivered everything due.
    pub async fn mails_to(&self, recipient: &str) -> Vec<String> {
        self.messages_to(recipient)
            .await
            .iter()
            .filter_map(|eml| text_part(eml))
            .collect()
    }

    /// Every whole message (headers and both parts) written for `recipient`,
    /// once the outbox has delivered everything due.
    pub async fn messages_to(&self, recipient: &str) -> Vec<String> {
        self.wait_for_outbox_to_settle().await;
        let dir = self.data_dir.path().join("mail");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let needle = format!("<{recipient}>");
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter(|eml| {
                let headers = eml.split("\r\n\r\n").next().unwrap_or_default();
                headers.lines().any(|l| {
                    l.starts_with("To:") && (l.contains(&needle) || l.ends_with(recipient))
                })
            })
            .collect()
    }

    /// The one link starting with `path_prefix` in the mails to `recipient`.
    pub async fn link_mailed_to(&self, recipient: &str, path_prefix: &str) -> String {
        let mails = self.mails_to(recipient).await;
        assert_eq!(mails.len(), 1, "one mail to {recipient}");
        let prefix = format!("{}{path_prefix}", self.address);
        let start = mails[0]
            .find(&prefix)
            .unwrap_or_else(|| panic!("a link {prefix}… in {}", mails[0]));
        let token: String = mails[0][start + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        format!("{path_prefix}{token}")
    }
}

/// The decoded `text/plain` part of a MIME message.
pub fn text_part(eml: &str) -> Option<String> {
    part(eml, "text/plain")
}

/// The decoded `text/html` part of a MIME message.
pub fn html_part(eml: &str) -> Option<String> {
    part(eml, "text/html")
}

fn part(eml: &str, content_type: &str) -> Option<String> {
    let start = eml.find(&format!("Content-Type: {content_type}"))?;
    let part = &eml[start..];
    let (headers, body) = part.split_once("\r\n\r\n")?;
    let boundary = eml
        .split("boundary=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|b| format!("\r\n--{b}"))
        .unwrap_or_else(|| "\r\n--".to_owned());
    let body = body.split(&boundary).next().unwrap_or_default();
    let encoding = headers
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding:"))
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match encoding.as_str() {
        "quoted-printable" => Some(decode_quoted_printable(body)),
        "base64" => {
            use base64::Engine;
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact)
                .ok()?;
            String::from_utf8(bytes).ok()
        }
        _ => Some(body.to_owned()),
    }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && let Some(hex) = joined.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn header<'a>(eml: &'a str, name: &str) -> Option<&'a str> {
    let headers = eml.split("\r\n\r\n").next()?;
    headers
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
}
