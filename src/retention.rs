//! Keeping storage bounded: what is no longer needed is deleted or blanked
//! on a schedule. Sent mail keeps its delivery record but loses its body
//! (and with it every link it carried); spent tokens, ended sessions and
//! old login failures go. The audit log is the record and stays.

use chrono::Duration;

use crate::config::Settings;
use crate::db::DbConn;

/// How long each kind of record is kept, from the settings.
#[derive(Debug, Clone)]
pub struct Retention {
    pub mail_body: Duration,
    pub spent_tokens: Duration,
    pub login_failures: Duration,
    pub mail_dir: std::path::PathBuf,
}

impl Retention {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            mail_body: Duration::days(settings.mail_body_retention_days.max(0)),
            spent_tokens: Duration::days(settings.spent_token_retention_days.max(0)),
            login_failures: Duration::hours(settings.login_failure_retention_hours.max(1)),
            mail_dir: settings.mail_dir(),
        }
    }
}

/// What one run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub mail_bodies: usize,
    pub mail_files: usize,
    pub tokens: usize,
    pub sessions_and_failures: usize,
}

impl Pruned {
    pub fn total(&self) -> usize {
        self.mail_bodies + self.mail_files + self.tokens + self.sessions_and_failures
    }
}

/// Applies every retention rule once.
pub fn run(conn: &mut DbConn, retention: &Retention) -> anyhow::Result<Pruned> {
    let now = crate::db::now();
    let mail_bodies = crate::mail::blank_bodies_before(conn, now - retention.mail_body)?;
    let age = retention.mail_body.to_std().unwrap_or_default();
    let cutoff = std::time::SystemTime::now()
        .checked_sub(age)
        .unwrap_or(std::time::UNIX_EPOCH);
    let mail_files = crate::mail::prune_mail_files(&retention.mail_dir, cutoff)?;
    let tokens = crate::tokens::prune(conn, now - retention.spent_tokens)?;
    let sessions_and_failures = crate::accounts::prune(conn, now - retention.login_failures)?;
    Ok(Pruned {
        mail_bodies,
        mail_files,
        tokens,
        sessions_and_failures,
    })
}
