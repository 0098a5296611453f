//! Transports: SMTP through a small pool of connections with `TCP_NODELAY`
//! (without it each message waits ~44 ms for a delayed ACK), and files (one
//! `.eml` per message) when no SMTP server is configured.

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use secrecy::ExposeSecret;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use crate::config::Settings;
use crate::i18n::Phrase;

/// What happened to one message. Each holds the reply to keep in the
/// outbox: a server's own words, or the product's words as a stored
/// [`Phrase`] (JSON) around whatever the server or the system said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted; the server's reply (often with its queue id).
    Accepted(String),
    /// Worth trying again later: a 4xx reply.
    Temporary(String),
    /// The server could not be reached, or stopped answering mid-way (or
    /// the file could not be written): nothing was said about this mail,
    /// which waits, however long, until the server answers again.
    Unreachable(String),
    /// Refused for good: a 5xx reply.
    Permanent(String),
}

pub enum Transport {
    Smtp(SmtpPool),
    File(PathBuf),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Transport {
    /// SMTP when `smtp_url` is set, otherwise files under `data_dir/mail`.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match &settings.smtp_url {
            Some(url) => Ok(Self::Smtp(SmtpPool::new(
                SmtpServer::parse(url.expose_secret())?,
                Duration::from_secs(settings.smtp_timeout_seconds.max(1)),
                settings.smtp_pool_size.max(1),
            )?)),
            None => {
                let dir = settings.mail_dir();
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("could not create {}", dir.display()))?;
                Ok(Self::File(dir))
            }
        }
    }

    /// For logs: never includes credentials.
    pub fn describe(&self) -> String {
        match self {
            Self::Smtp(pool) => format!("SMTP via {}:{}", pool.server.host, pool.server.port),
            Self::File(dir) => format!("files in {}", dir.display()),
        }
    }

    /// How many messages this transport can usefully send at once.
    pub fn concurrency(&self) -> usize {
        match self {
            Self::Smtp(pool) => pool.size,
            Self::File(_) => 1,
        }
    }

    /// Sends one message. `file_name` names the `.eml` for the file
    /// transport, so sending the same row again rewrites one file.
    pub async fn send(&self, message: &Message, file_name: &str) -> Outcome {
        match self {
            Self::Smtp(pool) => pool.send(message).await,
            Self::File(dir) => write_file(dir, file_name, &message.formatted()).await,
        }
    }
}

async fn write_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Outcome {
    let final_path = dir.join(format!("{name}.eml"));
    let partial = dir.join(format!(".{name}.eml.part"));
    let written = async {
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &final_path).await
    };
    match written.await {
        Ok(()) => Outcome::Accepted(
            Phrase::new("mail-reply-written")
                .text("path", final_path.display())
                .to_json(),
        ),
        Err(error) => Outcome::Unreachable(
            Phrase::new("mail-reply-not-written")
                .text("path", final_path.display())
                .text("error", error)
                .to_json(),
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    Plain,
    Opportunistic,
    StartTls,
    Implicit,
}

/// An SMTP server named by a URL in lettre's form:
/// `smtp://[user:pass@]host[:port][?tls=required|opportunistic]` or `smtps://…`.
#[derive(Clone)]
pub struct SmtpServer {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
}

impl SmtpServer {
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        let parsed = url::Url::parse(url)
            .map_err(|_| anyhow::anyhow!("UNDERSIGNED_SMTP_URL is not a URL"))?;
        let host = parsed
            .host_str()
            .ok_or_else(|| anyhow::anyhow!("UNDERSIGNED_SMTP_URL names no host"))?
            .trim_matches(['[', ']'])
            .to_owned();
        let tls = parsed
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let (security, default_port) = match (parsed.scheme(), tls.as_deref()) {
            ("smtp", None) => (Security::Plain, 25),
            ("smtp", Some("required")) => (Security::StartTls, 587),
            ("smtp", Some("opportunistic")) => (Security::Opportunistic, 587),
            ("smtps", _) => (Security::Implicit, 465),
            (scheme, tls) => bail!("UNDERSIGNED_SMTP_URL: unknown scheme {scheme} or tls={tls:?}"),
        };
        let credentials = match parsed.password() {
            Some(password) => {
                let decode = |s: &str| {
                    percent_encoding::percent_decode_str(s)
                        .decode_utf8()
                        .map(|v| v.into_owned())
                        .map_err(|_| {
                            anyhow::anyhow!("UNDERSIGNED_SMTP_URL: credentials are not UTF-8")
                        })
                };
                Some(Credentials::new(
                    decode(parsed.username())?,
                    decode(password)?,
                ))
            }
            None => None,
        };
        let path = parsed.path().trim_matches('/');
        let hello = if path.is_empty() {
            ClientId::default()
        } else {
            ClientId::Domain(path.to_owned())
        };
        Ok(Self {
            port: parsed.port().unwrap_or(default_port),
            host,
            security,
            credentials,
            hello,
        })
    }
}

type Connection = AsyncSmtpConnection;

/// Up to `size` open connections, reused between messages.
pub struct SmtpPool {
    server: SmtpServer,
    timeout: Duration,
    size: usize,
    idle: Mutex<Vec<(Connection, Instant)>>,
    tls: Arc<rustls::ClientConfig>,
}

/// Connections idle longer than this are checked with NOOP before reuse.
const STALE_AFTER: Duration = Duration::from_secs(30);

impl SmtpPool {
    pub fn new(server: SmtpServer, timeout: Duration, size: usize) -> anyhow::Result<Self> {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .context("TLS is not available")?
        .with_root_certificates(roots)
        .with_no_client_auth();
        Ok(Self {
            server,
            timeout,
            size,
            idle: Mutex::new(Vec::new()),
            tls: Arc::new(tls),
        })
    }

    async fn send(&self, message: &Message) -> Outcome {
        let mut conn = match self.checkout().await {
            Ok(conn) => conn,
            Err(reason) => return Outcome::Unreachable(reason),
        };
        let envelope = message.envelope();
        let sent =
            tokio::time::timeout(self.timeout * 2, conn.send(envelope, &message.formatted())).await;
        match sent {
            Ok(Ok(response)) => {
                let reply = format!(
                    "{} {}",
                    response.code(),
                    response.message().collect::<Vec<_>>().join(" ")
                );
                self.checkin(conn);
                Outcome::Accepted(reply)
            }
            Ok(Err(error)) => {
                let reply = describe_error(&error);
                if !conn.has_broken() {
                    self.checkin(conn);
                }
                if error.is_permanent() {
                    Outcome::Permanent(reply)
                } else if error.status().is_some() {
                    Outcome::Temporary(reply)
                } else {
                    Outcome::Unreachable(reply)
                }
            }
            Err(_) => Outcome::Unreachable(
                Phrase::new("mail-reply-no-answer")
                    .text("server", &self.server.host)
                    .count("seconds", (self.timeout * 2).as_secs())
                    .to_json(),
            ),
        }
    }

    async fn checkout(&self) -> Result<Connection, String> {
        loop {
            let candidate = self.idle.lock().map(|mut idle| idle.pop()).unwrap_or(None);
            let Some((mut conn, since)) = candidate else {
                break;
            };
            if since.elapsed() < STALE_AFTER || conn.test_connected().await {
                return Ok(conn);
            }
        }
        tokio::time::timeout(self.timeout, self.connect())
            .await
            .map_err(|_| {
                Phrase::new("mail-reply-connect-timeout")
                    .text(
                        "server",
                        format!("{}:{}", self.server.host, self.server.port),
                    )
                    .count("seconds", self.timeout.as_secs())
                    .to_json()
            })?
    }

    fn checkin(&self, conn: Connection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < self.size
        {
            idle.push((conn, Instant::now()));
        }
    }

    async fn connect(&self) -> Result<Connection, String> {
        let server = &self.server;
        let unreachable = |e: &dyn std::fmt::Display| {
            Phrase::new("mail-reply-unreachable")
                .text("server", format!("{}:{}", server.host, server.port))
                .text("error", e)
                .to_json()
        };
        let tcp = TcpStream::connect((server.host.as_str(), server.port))
            .await
            .map_err(|e| unreachable(&e))?;
        tcp.set_nodelay(true).map_err(|e| unreachable(&e))?;
        let stream: Box<dyn AsyncTokioStream> = if server.security == Security::Implicit {
            let name = rustls::pki_types::ServerName::try_from(server.host.clone())
                .map_err(|e| unreachable(&e))?;
            let tls = tokio_rustls::TlsConnector::from(self.tls.clone())
                .connect(name, tcp)
                .await
                .map_err(|e| unreachable(&e))?;
            Box::new(TlsStream(tls))
        } else {
            Box::new(tcp)
        };
        let mut conn = AsyncSmtpConnection::connect_with_transport(stream, &server.hello)
            .await
            .map_err(|e| describe_error(&e))?;
        let wants_tls = match server.security {
            Security::StartTls => true,
            Security::Opportunistic => conn.can_starttls(),
            Security::Plain | Security::Implicit => false,
        };
        if wants_tls {
            let parameters =
                TlsParameters::new(server.host.clone()).map_err(|e| describe_error(&e))?;
            conn.starttls(parameters, &server.hello)
                .await
                .map_err(|e| describe_error(&e))?;
        }
        if let Some(credentials) = &server.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(|e| {
                    Phrase::new("mail-reply-credentials")
                        .text("reply", describe_error(&e))
                        .to_json()
                })?;
        }
        Ok(conn)
    }
}

fn describe_error(error: &lettre::transport::smtp::Error) -> String {
    use std::error::Error as _;
    match (error.status(), error.source()) {
        (Some(code), Some(text)) => format!("{code} {text}"),
        _ => error.to_string(),
    }
}

/// A TLS stream over a `TCP_NODELAY` socket, for implicit TLS (`smtps://`).
#[derive(Debug)]
struct TlsStream(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncRead for TlsStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for TlsStream {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_follow_lettres_form() {
        let plain = SmtpServer::parse("smtp://127.0.0.1:2525").expect("plain");
        let submission = SmtpServer::parse("smtp://user:p%40ss@mail.example.org?tls=required")
            .expect("starttls");
        let implicit = SmtpServer::parse("smtps://mail.example.org").expect("implicit");

        assert_eq!((plain.port, plain.security), (2525, Security::Plain));
        assert_eq!(
            (submission.port, submission.security),
            (587, Security::StartTls)
        );
        assert!(submission.credentials.is_some());
        assert_eq!(
            (implicit.port, implicit.security),
            (465, Security::Implicit)
        );
        assert!(SmtpServer::parse("http://mail.example.org").is_err());
    }
}
