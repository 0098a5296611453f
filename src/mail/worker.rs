//! The mail worker: claims due rows of the outbox, sends them through the
//! transport, several at once, and records each outcome.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use futures_util::StreamExt;
use lettre::message::Mailbox;
use tokio::sync::{mpsc, watch};

use super::Priority;
use super::db::{self, OutboxRow};
use super::message::{self, Dkim};
use super::transport::{Outcome, Transport};
use crate::config::Settings;
use crate::db::{DbConn, GroupCommit, Pool};
use crate::i18n::Phrase;
use crate::monitoring;

/// Longest wait between two attempts at one message.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(6 * 3600);

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub poll: Duration,
    pub retry_base: Duration,
    pub max_attempts: i32,
    pub lease: Duration,
    pub batch: i64,
    /// Most bulk messages per second, `None` for no limit.
    pub rate_per_second: Option<NonZeroU32>,
}

impl WorkerOptions {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            poll: Duration::from_millis(settings.outbox_poll_ms.max(10)),
            retry_base: Duration::from_millis(settings.outbox_retry_base_ms),
            max_attempts: settings.outbox_max_attempts.max(1),
            lease: Duration::from_secs(settings.outbox_lease_seconds.max(1).unsigned_abs()),
            batch: 300,
            rate_per_second: NonZeroU32::new(settings.mail_rate_per_second),
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
    /// Outcomes and claims are written with the requests' writes, so the
    /// worker never holds the write lock at its lower priority.
    writes: GroupCommit,
    transport: Arc<Transport>,
    from: Mailbox,
    dkim: Option<Dkim>,
    options: WorkerOptions,
    rate: Option<governor::DefaultDirectRateLimiter>,
    /// Beaten every round and every delivery, for the readiness check.
    heartbeat: crate::background::Heartbeat,
    outage: Outage,
}

impl Worker {
    pub fn new(
        pool: Pool,
        writes: GroupCommit,
        transport: Transport,
        from: Mailbox,
        dkim: Option<Dkim>,
        options: WorkerOptions,
    ) -> Self {
        let rate = options.rate_per_second.map(|rate| {
            // Evenly spaced: no burst after a pause or an idle spell.
            let quota = governor::Quota::per_second(rate).allow_burst(NonZeroU32::MIN);
            governor::RateLimiter::direct(quota)
        });
        Self {
            pool,
            writes,
            transport: Arc::new(transport),
            from,
            dkim,
            options,
            rate,
            heartbeat: crate::background::Heartbeat::default(),
            outage: Outage::default(),
        }
    }

    /// What the readiness check watches: beaten every round of the loop
    /// and every delivery.
    pub fn heartbeat(&self) -> crate::background::Heartbeat {
        self.heartbeat.clone()
    }

    /// Runs until `shutdown` turns true; a message already handed to the
    /// transport is finished and recorded before it returns.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(transport = self.transport.describe(), "mail worker started");
        if let Err(error) = self.release_stale_leases().await {
            tracing::error!(
                error = format!("{error:#}"),
                "could not release stale leases"
            );
        }
        // The next batch is claimed while the current one is being sent,
        // so the connections never wait for the database between batches.
        let mut next: Option<Claimed> = None;
        while !crate::background::stopping(&shutdown) {
            self.heartbeat.beat();
            let current = match next.take() {
                Some(claimed) => Ok(claimed),
                None => self.claim().await,
            };
            let idle = match current {
                Ok(claimed) if claimed.rows.is_empty() => true,
                Ok(claimed) => {
                    let prefetch = async {
                        match self.claim().await {
                            Ok(claimed) if !claimed.rows.is_empty() => Some(claimed),
                            _ => None,
                        }
                    };
                    let (sent, prefetched) = tokio::join!(self.send(claimed, &shutdown), prefetch);
                    next = prefetched;
                    if let Err(error) = sent {
                        tracing::error!(
                            error = format!("{error:#}"),
                            "mail worker could not record sends"
                        );
                    }
                    false
                }
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
        if let Some(unsent) = next {
            let ids: Vec<String> = unsent.rows.into_iter().map(|row| row.id).collect();
            let claim = unsent.claim;
            if let Err(error) = self
                .write(move |conn| db::release(conn, &ids, &claim))
                .await
            {
                tracing::error!(
                    error = format!("{error:#}"),
                    "could not give back claimed mail"
                );
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Sends what is due now until nothing is; for the command line.
    pub async fn drain(&self) -> anyhow::Result<()> {
        let (_keep, running) = watch::channel(false);
        loop {
            let claimed = self.claim().await?;
            if claimed.rows.is_empty() {
                return Ok(());
            }
            self.send(claimed, &running).await?;
        }
    }

    /// On SQLite one worker serves the database, so at its start any lease
    /// is a leftover of a process that died; on PostgreSQL leases expire.
    async fn release_stale_leases(&self) -> anyhow::Result<()> {
        self.write(|conn| match conn {
            DbConn::Sqlite(_) => db::release_all_leases(conn),
            DbConn::Postgres(_) => Ok(0),
        })
        .await?;
        Ok(())
    }

    /// Claims one batch of due rows.
    async fn claim(&self) -> anyhow::Result<Claimed> {
        let claim = crate::db::new_id();
        let now = crate::db::now();
        let lease_until =
            now + chrono::Duration::from_std(self.options.lease).unwrap_or(chrono::Duration::MAX);
        let batch = self.batch_size();
        let claimed = {
            let claim = claim.clone();
            self.write(move |conn| db::claim_due(conn, &claim, now, lease_until, batch))
                .await?
        };
        let rows = if claimed == 0 {
            Vec::new()
        } else {
            let claim = claim.clone();
            self.db(move |conn| db::claimed(conn, &claim)).await?
        };
        Ok(Claimed { claim, rows })
    }

    /// Sends a claimed batch. Outcomes are recorded while sending goes on,
    /// many to a transaction, so the database never waits on the network
    /// or the network on one commit per message.
    async fn send(&self, claimed: Claimed, shutdown: &watch::Receiver<bool>) -> anyhow::Result<()> {
        let Claimed { claim, rows } = claimed;
        let skipped = Mutex::new(Vec::new());
        let withdrawn = Withdrawn::default();
        let (outcomes, received) = mpsc::unbounded_channel();
        let sending = async {
            let outcomes = outcomes;
            futures_util::stream::iter(rows)
                .for_each_concurrent(self.transport.concurrency(), |row| {
                    let (outcomes, skipped, withdrawn, claim) =
                        (&outcomes, &skipped, &withdrawn, &claim);
                    async move {
                        let bulk = row.priority >= Priority::Bulk.rank();
                        let skip = async || {
                            crate::background::stopping(shutdown)
                                || (bulk && withdrawn.contains(self, claim, &row.id).await)
                        };
                        // Checked before and after the wait for the rate
                        // limit: a paused row neither spends a turn nor goes.
                        let mut skipping = skip().await;
                        if !skipping
                            && bulk
                            && let Some(limiter) = &self.rate
                        {
                            limiter.until_ready().await;
                            skipping = skip().await;
                        }
                        if skipping {
                            if let Ok(mut skipped) = skipped.lock() {
                                skipped.push(row.id);
                            }
                            return;
                        }
                        let outcome = self.deliver(&row).await;
                        let _ = outcomes.send((row, outcome));
                    }
                })
                .await;
        };
        let ((), recorded) = tokio::join!(sending, self.record_all(received, &claim));
        recorded?;
        let skipped = skipped.into_inner().unwrap_or_default();
        if !skipped.is_empty() {
            self.write(move |conn| db::release(conn, &skipped, &claim))
                .await?;
        }
        Ok(())
    }

    /// With a rate limit, claim no more than about half a minute of work,
    /// so a lease never runs out while rows wait for their turn.
    fn batch_size(&self) -> i64 {
        match self.options.rate_per_second {
            Some(rate) => i64::from(rate.get())
                .saturating_mul(30)
                .clamp(1, self.options.batch),
            None => self.options.batch,
        }
    }

    async fn deliver(&self, row: &OutboxRow) -> Outcome {
        match message::build(row, &self.from, self.dkim.as_ref()) {
            Ok(message) => self.transport.send(&message, &row.id).await,
            Err(error) => Outcome::Permanent(
                Phrase::new("mail-reply-unbuildable")
                    .text("error", error)
                    .to_json(),
            ),
        }
    }

    /// Records outcomes as they arrive, up to [`RECORD_BATCH`] per transaction.
    async fn record_all(
        &self,
        mut received: mpsc::UnboundedReceiver<(OutboxRow, Outcome)>,
        claim: &str,
    ) -> anyhow::Result<()> {
        let mut buffer = Vec::with_capacity(RECORD_BATCH);
        let mut failure = None;
        while received.recv_many(&mut buffer, RECORD_BATCH).await > 0 {
            let results: Vec<Recorded> = buffer
                .drain(..)
                .map(|(row, outcome)| self.judge(row, outcome))
                .collect();
            let claim = claim.to_owned();
            // Keep receiving after a failure, so sending is never blocked.
            if let Err(error) = self.write(move |conn| record(conn, &claim, &results)).await {
                tracing::error!(error = format!("{error:#}"), "could not record sends");
                failure = Some(error);
            }
        }
        failure.map_or(Ok(()), Err)
    }

    /// What an outcome means for the row, logged once here.
    fn judge(&self, row: OutboxRow, outcome: Outcome) -> Recorded {
        self.heartbeat.beat();
        let attempts = row.attempts + 1;
        let answered = !matches!(outcome, Outcome::Unreachable(_));
        let verdict = match outcome {
            Outcome::Accepted(reply) => {
                monitoring::delivery(monitoring::Delivery::Sent);
                tracing::info!(outbox_id = row.id, reply, "mail sent");
                Verdict::Sent(reply)
            }
            Outcome::Permanent(reply) => {
                monitoring::delivery(monitoring::Delivery::Refused);
                tracing::warn!(outbox_id = row.id, reply, "mail refused for good");
                Verdict::Failed(reply)
            }
            Outcome::Temporary(reply) if attempts >= self.options.max_attempts => {
                monitoring::delivery(monitoring::Delivery::GivenUp);
                tracing::warn!(outbox_id = row.id, reply, attempts, "mail given up");
                Verdict::Failed(
                    Phrase::new("mail-reply-gave-up")
                        .count("count", attempts)
                        .stored("reply", &reply)
                        .to_json(),
                )
            }
            // An unreachable server is never given up for: the outage is
            // ours, not the mail's, and is logged once as a whole.
            Outcome::Temporary(reply) | Outcome::Unreachable(reply) => {
                monitoring::delivery(monitoring::Delivery::Deferred);
                let delay = self.options.retry_delay(row.attempts);
                let retry_in_s = delay.as_secs_f64();
                if answered {
                    tracing::info!(outbox_id = row.id, reply, retry_in_s, "mail deferred");
                } else {
                    self.outage.unreachable(&reply);
                    tracing::debug!(
                        outbox_id = row.id,
                        reply,
                        retry_in_s,
                        "mail deferred: the server cannot be reached"
                    );
                }
                let retry_at = crate::db::now()
                    + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(6));
                Verdict::Deferred(reply, retry_at)
            }
        };
        if answered {
            self.outage.answered();
        }
        Recorded { row, verdict }
    }

    /// Runs a write on the database writer's thread, in one of its groups.
    async fn write<T: Send + 'static>(
        &self,
        work: impl FnMut(&mut DbConn) -> diesel::QueryResult<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        self.writes
            .run(work)
            .await
            .context("the database writer failed")?
            .context("outbox write failed")
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

/// A batch of rows claimed under one lease.
struct Claimed {
    claim: String,
    rows: Vec<OutboxRow>,
}

/// Most outcomes written in one transaction.
const RECORD_BATCH: usize = 64;

/// An outage of the mail server, told once when it starts and once when
/// it ends, with how many mails it held back, instead of once per mail.
#[derive(Debug, Default)]
struct Outage {
    /// Since when, and how many deliveries found the server unreachable.
    current: Mutex<Option<(std::time::Instant, u64)>>,
}

impl Outage {
    fn unreachable(&self, reason: &str) {
        let Ok(mut current) = self.current.lock() else {
            return;
        };
        match &mut *current {
            Some((_, deferred)) => *deferred += 1,
            None => {
                tracing::warn!(
                    reason,
                    "the mail server cannot be reached: mail waits until it answers again"
                );
                *current = Some((std::time::Instant::now(), 1));
            }
        }
    }

    fn answered(&self) {
        let ended = self
            .current
            .lock()
            .ok()
            .and_then(|mut current| current.take());
        if let Some((since, deferred)) = ended {
            tracing::warn!(
                deferred,
                lasted_s = since.elapsed().as_secs(),
                "the mail server answers again: the mail it held back goes out now"
            );
        }
    }
}

enum Verdict {
    Sent(String),
    Failed(String),
    Deferred(String, chrono::NaiveDateTime),
}

struct Recorded {
    row: OutboxRow,
    verdict: Verdict,
}

/// Writes outcomes. A hard bounce of a coalition's mailing puts the address
/// on that coalition's suppression list, which cancels what else is queued to it.
fn record(conn: &mut DbConn, claim: &str, results: &[Recorded]) -> diesel::QueryResult<()> {
    let now = crate::db::now();
    for Recorded { row, verdict } in results {
        match verdict {
            Verdict::Sent(reply) => {
                db::mark_sent(conn, &row.id, claim, reply, now)?;
            }
            Verdict::Failed(reply) => {
                db::mark_failed(conn, &row.id, claim, reply)?;
                if let Some(coalition) = &row.coalition_id
                    && super::mailing::is_permanent_reply(reply)
                {
                    crate::suppressions::add(
                        conn,
                        coalition,
                        &row.recipient,
                        crate::suppressions::Reason::Bounced,
                        Some(reply),
                    )?;
                }
            }
            Verdict::Deferred(reply, retry_at) => {
                db::mark_deferred(conn, &row.id, claim, reply, *retry_at)?;
            }
        }
    }
    Ok(())
}

/// The rows of a claim that a pause or cancel took back, read at most once
/// a second while a batch is being sent.
#[derive(Default)]
struct Withdrawn(tokio::sync::Mutex<Option<(std::time::Instant, HashSet<String>)>>);

impl Withdrawn {
    async fn contains(&self, worker: &Worker, claim: &str, id: &str) -> bool {
        let mut cache = self.0.lock().await;
        let stale = cache
            .as_ref()
            .is_none_or(|(read, _)| read.elapsed() >= Duration::from_secs(1));
        if stale {
            let claim = claim.to_owned();
            match worker
                .db(move |c| super::mailing_db::withdrawn_from_claim(c, &claim))
                .await
            {
                Ok(ids) => *cache = Some((std::time::Instant::now(), ids.into_iter().collect())),
                Err(error) => tracing::warn!(
                    error = format!("{error:#}"),
                    "could not check for paused mail"
                ),
            }
        }
        cache.as_ref().is_some_and(|(_, ids)| ids.contains(id))
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
            rate_per_second: None,
        };

        assert_eq!(options.retry_delay(0), Duration::from_secs(30));
        assert_eq!(options.retry_delay(1), Duration::from_secs(60));
        assert_eq!(options.retry_delay(3), Duration::from_secs(240));
        assert_eq!(options.retry_delay(30), MAX_RETRY_DELAY);
    }
}
