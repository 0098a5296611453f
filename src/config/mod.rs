//! Layered settings: built-in defaults < `undersigned.toml` < `UNDERSIGNED_*`
//! environment variables. Every setting is listed in the README.

mod keys;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Human,
    Json,
}

/// The key type of `dkim_key_file`, the `k=` of the DNS record: an RSA key
/// (PKCS#1 or PKCS#8 PEM), or an Ed25519 key (PKCS#8 PEM, or the base64 of
/// its 32 raw bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    Rsa,
    Ed25519,
}

/// All settings. Secrets are `SecretString`, so `Debug` prints `[REDACTED]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address and port the HTTP server binds to.
    pub listen: String,
    /// Reverse proxies (addresses and CIDR ranges) whose `Forwarded` and
    /// `X-Forwarded-For` headers name the client; a list, or one string
    /// with the entries separated by commas.
    #[serde(deserialize_with = "one_or_many")]
    pub trusted_proxies: Vec<String>,
    /// Public base URL used in every link in a mail; derived from `listen` when unset.
    pub base_url: Option<String>,
    /// Directory for the SQLite file, the secret key and file mail.
    pub data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://…`; SQLite in `data_dir` when unset.
    pub database_url: Option<SecretString>,
    pub database_pool_size: u32,
    /// `smtp://…` or `smtps://…` in lettre's URL form; file mail when unset.
    pub smtp_url: Option<SecretString>,
    /// Open SMTP connections the mail worker sends through at once.
    pub smtp_pool_size: usize,
    pub smtp_timeout_seconds: u64,
    pub mail_from: String,
    pub mail_from_name: String,
    pub dkim_selector: Option<String>,
    pub dkim_domain: Option<String>,
    pub dkim_key_file: Option<PathBuf>,
    pub dkim_algorithm: DkimAlgorithm,
    /// Key for signing cookies and links; generated into `data_dir` when unset.
    pub secret_key: Option<SecretString>,
    pub log_format: LogFormat,
    pub log_level: String,
    /// How often the mail worker looks for due mail when idle.
    pub outbox_poll_ms: u64,
    /// Most mailing (bulk) messages per second; 0 sends as fast as the server takes them.
    pub mail_rate_per_second: u32,
    /// How often scheduled work runs: mailings due, deadlines, digests.
    pub jobs_tick_ms: u64,
    /// First retry delay after a temporary failure; doubles with each attempt.
    pub outbox_retry_base_ms: u64,
    pub outbox_max_attempts: i32,
    /// How long a worker's claim on mail lasts unless renewed; the worker
    /// renews it every third of this while it runs, so another instance
    /// takes the mail of one that died after this long.
    pub outbox_lease_seconds: i64,
    /// The name of this instance among those sharing a database; unset,
    /// the host's name and the address the server listens on. A restarted
    /// instance takes back the mail its predecessor of the same name held.
    pub instance_name: Option<String>,
    /// How long a sign-on confirmation link works.
    pub confirm_link_days: i64,
    /// Sign-on form submissions allowed per IP address per hour.
    pub signon_per_ip_per_hour: u32,
    /// How long browsers, proxies and CDNs may keep a public page
    /// (`Cache-Control: max-age`).
    pub public_cache_seconds: u32,
    /// How much longer they may show it while they ask for a fresh one
    /// (`stale-while-revalidate`).
    pub public_stale_seconds: u32,
    /// Memory for the finished public pages kept to be served again, in
    /// MiB (0 keeps none).
    pub page_cache_mib: u32,
    /// Sign-on form submissions allowed per email address per hour.
    pub signon_per_address_per_hour: u32,
    /// "Send me a fresh link" requests allowed per IP address per hour.
    pub resend_per_ip_per_hour: u32,
    /// Sign-on mails (confirmations, reminders of a manage link) sent to one
    /// address per day, whatever asks for them.
    pub mails_per_address_per_day: i64,
    /// Days a sent mail keeps its body (and the links in it); afterwards only
    /// its delivery record stays. The file transport's `.eml` files likewise.
    pub mail_body_retention_days: i64,
    /// Days an expired or used link token is kept before it is deleted.
    pub spent_token_retention_days: i64,
    /// Hours a failed login is kept (the throttle counts the last 15 minutes).
    pub login_failure_retention_hours: i64,
    /// The bearer token a Prometheus scraper sends to `/metrics`; metrics
    /// are off while it is unset.
    pub metrics_token: Option<SecretString>,
}

/// A list given as a TOML array or as one comma-separated string (the
/// form an environment variable takes).
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let entries = match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(text) => text.split(',').map(str::to_owned).collect(),
        OneOrMany::Many(list) => list,
    };
    Ok(entries
        .into_iter()
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty())
        .collect())
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            trusted_proxies: Vec::new(),
            base_url: None,
            data_dir: PathBuf::from("data"),
            database_url: None,
            database_pool_size: 8,
            smtp_url: None,
            smtp_pool_size: 4,
            smtp_timeout_seconds: 30,
            mail_from: "undersigned@localhost".into(),
            mail_from_name: "Undersigned".into(),
            dkim_selector: None,
            dkim_domain: None,
            dkim_key_file: None,
            dkim_algorithm: DkimAlgorithm::Rsa,
            secret_key: None,
            log_format: LogFormat::Human,
            log_level: "info".into(),
            outbox_poll_ms: 1000,
            mail_rate_per_second: 0,
            jobs_tick_ms: 5000,
            outbox_retry_base_ms: 30_000,
            outbox_max_attempts: 10,
            outbox_lease_seconds: 10,
            instance_name: None,
            confirm_link_days: 7,
            signon_per_ip_per_hour: 30,
            public_cache_seconds: 60,
            public_stale_seconds: 300,
            page_cache_mib: 32,
            signon_per_address_per_hour: 5,
            resend_per_ip_per_hour: 10,
            mails_per_address_per_day: 5,
            mail_body_retention_days: 30,
            spent_token_retention_days: 7,
            login_failure_retention_hours: 24,
            metrics_token: None,
        }
    }
}

impl Settings {
    /// Reads defaults, then the TOML file if it exists, then `UNDERSIGNED_*`;
    /// a name that is no setting, an address that does not parse or a
    /// `base_url` that is not http(s) stops here, with what to write.
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        keys::check_file(file)?;
        let names = std::env::vars_os().filter_map(|(name, _)| name.into_string().ok());
        keys::check_env(names)?;
        let settings: Self = Figment::new()
            .merge(Toml::file(file))
            .merge(Env::prefixed(keys::ENV_PREFIX).filter(|key| {
                keys::KEYS
                    .iter()
                    .any(|known| key.as_str().eq_ignore_ascii_case(known))
            }))
            .extract()
            .context("invalid settings")?;
        settings.check()?;
        Ok(settings)
    }

    /// The checks of values that parse as their type but cannot work.
    fn check(&self) -> anyhow::Result<()> {
        use std::net::ToSocketAddrs;
        if self.listen.to_socket_addrs().is_err() {
            anyhow::bail!(
                "listen (UNDERSIGNED_LISTEN) = {:?} is not an address and port such as 127.0.0.1:8080 or [::]:8080",
                self.listen
            );
        }
        if let Some(base_url) = &self.base_url {
            let parsed = url::Url::parse(base_url).ok();
            let usable = parsed.as_ref().is_some_and(|url| {
                matches!(url.scheme(), "http" | "https")
                    && url.host_str().is_some()
                    && url.query().is_none()
                    && url.fragment().is_none()
            });
            if !usable {
                anyhow::bail!(
                    "base_url (UNDERSIGNED_BASE_URL) = {base_url:?} is not a web address such as https://statements.example.org"
                );
            }
        }
        if let Some(name) = &self.instance_name
            && (name.trim().is_empty()
                || name.chars().count() > 100
                || name.contains('/')
                || name.chars().any(char::is_control))
        {
            anyhow::bail!(
                "instance_name (UNDERSIGNED_INSTANCE_NAME) = {name:?} must be 1 to 100 characters, without '/'"
            );
        }
        if let Some(token) = &self.metrics_token
            && token.expose_secret().trim().chars().count() < 16
        {
            anyhow::bail!(
                "metrics_token (UNDERSIGNED_METRICS_TOKEN) is shorter than 16 characters; \
                 make one with `openssl rand -hex 32`"
            );
        }
        Ok(())
    }

    /// The database URL to connect to, defaulting to SQLite in `data_dir`.
    pub fn database_url(&self) -> SecretString {
        match &self.database_url {
            Some(url) => url.clone(),
            None => {
                let path = self.data_dir.join("undersigned.db");
                SecretString::from(format!("sqlite://{}", path.display()))
            }
        }
    }

    /// The public base URL, without a trailing slash. `bound` is the address
    /// the server actually listens on (it differs from `listen` on port 0).
    pub fn public_base_url(&self, bound: &str) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// The configured secret key, or the one kept in `data_dir/secret_key`,
    /// generated with mode 0600 on first use.
    pub fn secret_key(&self) -> anyhow::Result<SecretKey> {
        if let Some(key) = &self.secret_key {
            return SecretKey::from_text(key.expose_secret())
                .context("UNDERSIGNED_SECRET_KEY must be at least 32 characters");
        }
        let path = self.data_dir.join("secret_key");
        match std::fs::read_to_string(&path) {
            Ok(text) => SecretKey::from_text(text.trim())
                .with_context(|| format!("{} is not a valid key", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let key = SecretKey::generate();
                write_private_file(&path, key.to_text().as_bytes())?;
                Ok(key)
            }
            Err(error) => Err(error).with_context(|| format!("could not read {}", path.display())),
        }
    }
}

fn write_private_file(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("could not create {}", path.display()))?;
    file.write_all(contents)
        .with_context(|| format!("could not write {}", path.display()))
}

/// The application's secret key. Never printed.
#[derive(Clone)]
pub struct SecretKey(String);

impl SecretKey {
    fn generate() -> Self {
        Self(URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>()))
    }

    pub fn from_text(text: &str) -> Option<Self> {
        (text.len() >= 32).then(|| Self(text.to_owned()))
    }

    pub(crate) fn to_text(&self) -> &str {
        &self.0
    }

    pub fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_secrets() {
        let settings = Settings {
            database_url: Some("postgres://u:hunter2@db/x".to_owned().into()),
            smtp_url: Some("smtp://u:hunter3@mail".to_owned().into()),
            secret_key: Some("k".repeat(40).into()),
            ..Settings::default()
        };

        let printed = format!("{settings:?}");

        assert!(!printed.contains("hunter2"));
        assert!(!printed.contains("hunter3"));
        assert!(!printed.contains("kkkk"));
    }

    #[test]
    #[expect(
        clippy::result_large_err,
        reason = "figment's Jail fixes the closure's error type"
    )]
    fn environment_overrides_the_file_which_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "u.toml",
                "listen = \"0.0.0.0:9000\"\nmail_from = \"a@b.org\"",
            )?;
            jail.set_env("UNDERSIGNED_MAIL_FROM", "env@b.org");

            let settings = Settings::load(Path::new("u.toml")).expect("settings load");

            assert_eq!(settings.listen, "0.0.0.0:9000");
            assert_eq!(settings.mail_from, "env@b.org");
            assert_eq!(settings.smtp_pool_size, 4);
            Ok(())
        });
    }

    #[test]
    fn a_generated_secret_key_is_kept_private_and_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = Settings {
            data_dir: dir.path().to_owned(),
            ..Settings::default()
        };

        let first = settings.secret_key().expect("generated");
        let second = settings.secret_key().expect("reread");

        assert_eq!(first.to_text(), second.to_text());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("secret_key"))
                .expect("file")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
