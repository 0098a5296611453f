//! The mail worker: claims due rows of the outbox, sends them through the
//! transport, several at once, and records each outcome.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use futures_util::StreamExt;
use lettre::message::Mailbox;
use tokio::sync::watch;

use super::db::{self, OutboxRow};
use super::message::{self, Dkim};
use super::transport::{Outcome, Transport};
use crate::config::Settings;
use crate::db::{DbConn, Pool};

/// Longest wait between two attempts at one message.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(6 * 3600);

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub poll: Duration,
    pub retry_base: Duration,
    pub max_attempts: i32,
    pub lease: Duration,
    pub batch: i64,
}

impl WorkerOptions {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            poll: Duration::from_millis(settings.outbox_poll_ms.max(10)),
            retry_base: Duration::from_millis(settings.outbox_retry_base_ms),
            max_attempts: settings.outbox_max_attempts.max(1),
            lease: Duration::from_secs(settings.outbox_lease_seconds.max(1).unsigned_abs()),
            batch: 200,
        }
    }

    /// The delay before attempt `attempts + 1`, doubling from `retry_base`.
    fn retry_delay(&self, attempts: i32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.clamp(0, 20).unsigned_abs());
        self.retry_base.saturating_mul(factor).min(MAX_RETRY_DELAY)
    }
}

pub struct Worker {
    pool: Pool,
    transport: Arc<Transport>,
    from: Mailbox,
    dkim: Option<Dkim>,
    options: WorkerOptions,
}

impl Worker {
    pub fn new(
        pool: Pool,
        transport: Transport,
        from: Mailbox,
        dkim: Option<Dkim>,
        options: WorkerOptions,
    ) -> Self {
        Self {
            pool,
            transport: Arc::new(transport),
            from,
            dkim,
            options,
        }
    }

    /// Runs until `shutdown` turns true; a message already handed to the
    /// transport is finished and recorded before it returns.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(transport = self.transport.describe(), "mail worker started");
        if let Err(error) = self.release_stale_leases().await {
            tracing::error!(
                error = format!("{error:#}"),
                "could not release stale leases"
            );
        }
        while !*shutdown.borrow() {
            let idle = match self.send_due(&shutdown).await {
                Ok(attempted) => attempted == 0,
                Err(error) => {
                    tracing::error!(
                        error = format!("{error:#}"),
                        "mail worker could not read the outbox"
                    );
                    true
                }
            };
            if idle {
                tokio::select! {
                    () = tokio::time::sleep(self.options.poll) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Sends what is due now until nothing is; for the command line.
    pub async fn drain(&self) -> anyhow::Result<()> {
        let (_keep, running) = watch::channel(false);
        while self.send_due(&running).await? > 0 {}
        Ok(())
    }

    /// On SQLite one worker serves the database, so at its start any lease
    /// is a leftover of a process that died; on PostgreSQL leases expire.
    async fn release_stale_leases(&self) -> anyhow::Result<()> {
        self.db(|conn| match conn {
            DbConn::Sqlite(_) => db::release_all_leases(conn),
            DbConn::Postgres(_) => Ok(0),
        })
        .await?;
        Ok(())
    }

    /// Claims one batch of due rows and sends them; returns how many it claimed.
    async fn send_due(&self, shutdown: &watch::Receiver<bool>) -> anyhow::Result<usize> {
        let claim = crate::db::new_id();
        let now = crate::db::now();
        let lease_until =
            now + chrono::Duration::from_std(self.options.lease).unwrap_or(chrono::Duration::MAX);
        let batch = self.options.batch;
        let rows = {
            let claim = claim.clone();
            self.db(move |conn| db::claim_due(conn, &claim, now, lease_until, batch))
                .await?
        };
        let claimed = rows.len();
        let skipped = Mutex::new(Vec::new());
        futures_util::stream::iter(rows)
            .for_each_concurrent(self.transport.concurrency(), |row| async {
                if *shutdown.borrow() {
                    if let Ok(mut skipped) = skipped.lock() {
                        skipped.push(row.id);
                    }
                    return;
                }
                let outcome = self.deliver(&row).await;
                if let Err(error) = self.record(&row, &claim, outcome).await {
                    tracing::error!(
                        outbox_id = row.id,
                        error = format!("{error:#}"),
                        "could not record a send"
                    );
                }
            })
            .await;
        let skipped = skipped.into_inner().unwrap_or_default();
        if !skipped.is_empty() {
            self.db(move |conn| db::release(conn, &skipped, &claim))
                .await?;
        }
        Ok(claimed)
    }

    async fn deliver(&self, row: &OutboxRow) -> Outcome {
        match message::build(row, &self.from, self.dkim.as_ref()) {
            Ok(message) => self.transport.send(&message, &row.id).await,
            Err(error) => Outcome::Permanent(error.to_string()),
        }
    }

    async fn record(&self, row: &OutboxRow, claim: &str, outcome: Outcome) -> anyhow::Result<()> {
        let (id, claim) = (row.id.clone(), claim.to_owned());
        let attempts = row.attempts + 1;
        match outcome {
            Outcome::Accepted(reply) => {
                tracing::info!(outbox_id = id, reply, "mail sent");
                self.db(move |c| db::mark_sent(c, &id, &claim, &reply, crate::db::now()))
                    .await?;
            }
            Outcome::Permanent(reply) => {
                tracing::warn!(outbox_id = id, reply, "mail refused for good");
                self.db(move |c| db::mark_failed(c, &id, &claim, &reply))
                    .await?;
            }
            Outcome::Temporary(reply) if attempts >= self.options.max_attempts => {
                tracing::warn!(outbox_id = id, reply, attempts, "mail given up");
                let reply = format!("gave up after {attempts} attempts; last reply: {reply}");
                self.db(move |c| db::mark_failed(c, &id, &claim, &reply))
                    .await?;
            }
            Outcome::Temporary(reply) => {
                let delay = self.options.retry_delay(row.attempts);
                tracing::info!(
                    outbox_id = id,
                    reply,
                    retry_in_s = delay.as_secs_f64(),
                    "mail deferred"
                );
                let retry_at = crate::db::now()
                    + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(6));
                self.db(move |c| db::mark_deferred(c, &id, &claim, &reply, retry_at))
                    .await?;
            }
        }
        Ok(())
    }

    async fn db<T: Send + 'static>(
        &self,
        query: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool
                .get()
                .context("no database connection for the mail worker")?;
            query(&mut conn).context("outbox query failed")
        })
        .await
        .context("the outbox query task failed")?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delays_double_and_are_capped() {
        let options = WorkerOptions {
            poll: Duration::from_secs(1),
            retry_base: Duration::from_secs(30),
            max_attempts: 10,
            lease: Duration::from_secs(300),
            batch: 10,
        };

        assert_eq!(options.retry_delay(0), Duration::from_secs(30));
        assert_eq!(options.retry_delay(1), Duration::from_secs(60));
        assert_eq!(options.retry_delay(3), Duration::from_secs(240));
        assert_eq!(options.retry_delay(30), MAX_RETRY_DELAY);
    }
}
