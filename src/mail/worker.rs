//! The mail worker: claims due rows of the outbox, sends them through the
//! transport, several at once, and records each outcome.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use futures_util::StreamExt;
use lettre::message::Mailbox;
use tokio::sync::{mpsc, oneshot, watch};

use super::Priority;
use super::db::{self, Attempt, OutboxRow};
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
    /// How long a claim lasts unless renewed; renewed every third of it.
    pub lease: Duration,
    /// This instance's name: the first part of every claim it makes.
    pub instance: String,
    pub batch: i64,
    /// Most bulk messages per second, `None` for no limit.
    pub rate_per_second: Option<NonZeroU32>,
}

impl WorkerOptions {
    /// `instance` names this worker when the settings give no
    /// `instance_name`: see [`instance_name`].
    pub fn from_settings(settings: &Settings, instance: &str) -> Self {
        Self {
            poll: Duration::from_millis(settings.outbox_poll_ms.max(10)),
            retry_base: Duration::from_millis(settings.outbox_retry_base_ms),
            max_attempts: settings.outbox_max_attempts.max(1),
            lease: Duration::from_secs(settings.outbox_lease_seconds.max(3).unsigned_abs()),
            instance: settings
                .instance_name
                .clone()
                .unwrap_or_else(|| instance.to_owned()),
            batch: 300,
            rate_per_second: NonZeroU32::new(settings.mail_rate_per_second),
        }
    }

    /// How long after a renewal began the worker still sends under it:
    /// four fifths of the lease, leaving the rest for clocks and the
    /// database's answer.
    fn sends_for(&self) -> Duration {
        self.lease.mul_f64(0.8)
    }

    /// The delay before attempt `attempts + 1`, doubling from `retry_base`.
    fn retry_delay(&self, attempts: i32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.clamp(0, 20).unsigned_abs());
        self.retry_base.saturating_mul(factor).min(MAX_RETRY_DELAY)
    }
}

/// What the worker does with a permanent refusal of a coalition's mail:
/// given the coalition, the address and the server's reply, the area that
/// keeps suppression lists records it (see `suppressions::bounced`), in the
/// transaction that records the delivery.
pub type Bounces = fn(&mut DbConn, &str, &str, &str) -> diesel::QueryResult<()>;

pub struct Worker {
    pool: Pool,
    bounces: Bounces,
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
    leases: Leases,
}

/// A server's default instance name: its host's name and the address it
/// listens on, which stay the same when the server restarts and differ
/// between two servers on one host.
pub fn instance_name(listening: &str) -> String {
    let host = gethostname::gethostname();
    format!("{}@{listening}", host.to_string_lossy()).replace('/', "_")
}

impl Worker {
    pub fn new(
        pool: Pool,
        writes: GroupCommit,
        transport: Transport,
        from: Mailbox,
        dkim: Option<Dkim>,
        options: WorkerOptions,
        bounces: Bounces,
    ) -> Self {
        let rate = options.rate_per_second.map(|rate| {
            // Evenly spaced: no burst after a pause or an idle spell.
            let quota = governor::Quota::per_second(rate).allow_burst(NonZeroU32::MIN);
            governor::RateLimiter::direct(quota)
        });
        Self {
            pool,
            bounces,
            writes,
            transport: Arc::new(transport),
            from,
            dkim,
            options,
            rate,
            heartbeat: crate::background::Heartbeat::default(),
            outage: Outage::default(),
            leases: Leases::default(),
        }
    }

    /// What the readiness check watches: beaten every round of the loop
    /// and every delivery.
    pub fn heartbeat(&self) -> crate::background::Heartbeat {
        self.heartbeat.clone()
    }

    /// Runs until `shutdown` turns true; a message already handed to the
    /// transport is finished and recorded before it returns.
    pub async fn run(self: Arc<Self>, shutdown: watch::Receiver<bool>) {
        tracing::info!(
            transport = self.transport.describe(),
            instance = self.options.instance,
            "mail worker started"
        );
        // After a panic the supervisor runs the worker again: the claims
        // of the run that panicked are released below with the rest.
        self.leases.forget_all();
        if let Err(error) = self.release_stale_leases().await {
            tracing::error!(
                error = format!("{error:#}"),
                "could not release stale leases"
            );
        }
        self.renewing(self.serve(shutdown)).await;
        tracing::info!("mail worker stopped");
    }

    async fn serve(&self, mut shutdown: watch::Receiver<bool>) {
        // The next batch is claimed while the current one is being sent,
        // so the connections never wait for the database between batches.
        let mut next: Option<Claimed> = None;
        let mut busy = false;
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
            if idle && std::mem::take(&mut busy) {
                crate::memory::give_back();
            }
            busy |= !idle;
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
            self.leases.end(&claim);
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
    }

    /// Sends what is due now until nothing is; for the command line.
    pub async fn drain(&self) -> anyhow::Result<()> {
        let (_keep, running) = watch::channel(false);
        self.renewing(async {
            loop {
                let claimed = self.claim().await?;
                if claimed.rows.is_empty() {
                    return Ok(());
                }
                self.send(claimed, &running).await?;
            }
        })
        .await
    }

    /// Runs `work` while renewing the leases of the claims it holds, every
    /// third of a lease, so a live worker keeps its mail however long it
    /// takes to send and a dead one loses it within one lease.
    async fn renewing<T>(&self, work: impl Future<Output = T>) -> T {
        let renew = async {
            let mut every = tokio::time::interval(self.options.lease / 3);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            every.tick().await;
            loop {
                every.tick().await;
                self.renew().await;
            }
        };
        let (work, renew) = (std::pin::pin!(work), std::pin::pin!(renew));
        match futures_util::future::select(work, renew).await {
            futures_util::future::Either::Left((done, _)) => done,
            futures_util::future::Either::Right(((), work)) => work.await,
        }
    }

    async fn renew(&self) {
        let claims = self.leases.held();
        if claims.is_empty() {
            return;
        }
        let began = Instant::now();
        let until = self.lease_end();
        let renewing = claims.clone();
        match self
            .write(move |conn| db::renew(conn, &renewing, until))
            .await
        {
            Ok(_) => self
                .leases
                .renewed(&claims, began + self.options.sends_for()),
            Err(error) => tracing::warn!(
                error = format!("{error:#}"),
                "could not renew the claim on mail being sent: it is sent only until the claim runs out"
            ),
        }
    }

    /// The end of a lease taken or renewed now, by the database's clock.
    fn lease_end(&self) -> chrono::NaiveDateTime {
        crate::db::now()
            + chrono::Duration::from_std(self.options.lease).unwrap_or(chrono::Duration::MAX)
    }

    /// Frees the claims this instance held when it last stopped or died,
    /// so it sends their mail at once instead of after the lease. On
    /// SQLite one worker serves a database, so every lease is stale then.
    async fn release_stale_leases(&self) -> anyhow::Result<()> {
        let instance = self.options.instance.clone();
        let released = self
            .write(move |conn| match conn {
                DbConn::Sqlite(_) => db::release_all_leases(conn),
                DbConn::Postgres(_) => db::release_leases_of(conn, &instance),
            })
            .await?;
        if released > 0 {
            tracing::info!(
                mails = released,
                "took back the mail this instance held when it last stopped"
            );
        }
        Ok(())
    }

    /// Claims one batch of due rows, under a claim named after this
    /// instance.
    async fn claim(&self) -> anyhow::Result<Claimed> {
        let claim = format!("{}/{}", self.options.instance, crate::db::new_id());
        let now = crate::db::now();
        let lease_until = self.lease_end();
        let batch = self.batch_size();
        let began = Instant::now();
        let claimed = {
            let claim = claim.clone();
            self.write(move |conn| db::claim_due(conn, &claim, now, lease_until, batch))
                .await?
        };
        let rows = if claimed == 0 {
            Vec::new()
        } else {
            self.leases.hold(&claim, began + self.options.sends_for());
            let claim = claim.clone();
            self.db(move |conn| db::claimed(conn, &claim)).await?
        };
        Ok(Claimed { claim, rows })
    }

    /// Sends a claimed batch, as many at once as the transport has
    /// connections. Each connection records its message's outcome before it
    /// takes the next message (outcomes that arrive together share one
    /// transaction), so a crash at any moment leaves at most one message
    /// per connection sent but not recorded. Nothing is sent once the
    /// claim has run out without renewal.
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
                                || !self.leases.valid(claim)
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
                        let (done, recorded) = oneshot::channel();
                        if outcomes.send((row, outcome, done)).is_ok() {
                            let _ = recorded.await;
                        }
                    }
                })
                .await;
        };
        let ((), recorded) = tokio::join!(sending, self.record_all(received, &claim, shutdown));
        let ran_out = !self.leases.valid(&claim);
        self.leases.end(&claim);
        recorded?;
        let skipped = skipped.into_inner().unwrap_or_default();
        if !skipped.is_empty() {
            if ran_out && !crate::background::stopping(shutdown) {
                tracing::warn!(
                    mails = skipped.len(),
                    "the claim on mail ran out before it was sent (its renewal failed); \
                     the mail goes out under a new claim"
                );
            }
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

    /// Records outcomes as they arrive, those waiting together in one
    /// transaction, and then lets their connections go on. A write that
    /// fails (the database is away) is tried again every second until it
    /// is stored or the worker stops: the connections wait meanwhile, so
    /// what was sent is never forgotten while more is sent.
    async fn record_all(
        &self,
        mut received: mpsc::UnboundedReceiver<(OutboxRow, Outcome, oneshot::Sender<()>)>,
        claim: &str,
        shutdown: &watch::Receiver<bool>,
    ) -> anyhow::Result<()> {
        let mut buffer = Vec::with_capacity(RECORD_BATCH);
        let mut failure = None;
        while received.recv_many(&mut buffer, RECORD_BATCH).await > 0 {
            let (results, done): (Vec<Recorded>, Vec<_>) = buffer
                .drain(..)
                .map(|(row, outcome, done)| (self.judge(row, outcome), done))
                .unzip();
            let results = Arc::new(results);
            let mut failing = false;
            loop {
                let (claim, results) = (claim.to_owned(), results.clone());
                let bounces = self.bounces;
                match self
                    .write(move |conn| record(conn, &claim, &results, bounces))
                    .await
                {
                    Ok(()) => {
                        if failing {
                            tracing::warn!("sends are recorded again");
                        }
                        break;
                    }
                    Err(error) if crate::background::stopping(shutdown) => {
                        tracing::error!(error = format!("{error:#}"), "could not record sends");
                        failure = Some(error);
                        break;
                    }
                    Err(error) => {
                        if !failing {
                            tracing::warn!(
                                error = format!("{error:#}"),
                                "could not record sends: sending waits until they are recorded"
                            );
                        }
                        failing = true;
                        tokio::time::sleep(RECORD_RETRY).await;
                    }
                }
            }
            for done in done {
                let _ = done.send(());
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

/// How long the worker waits before writing outcomes again after the
/// database failed to store them.
const RECORD_RETRY: Duration = Duration::from_secs(1);

/// The claims a worker holds, each with the moment until which it may
/// still send under it (its last renewal plus [`WorkerOptions::sends_for`]).
#[derive(Debug, Default)]
struct Leases(Mutex<HashMap<String, Instant>>);

impl Leases {
    fn hold(&self, claim: &str, until: Instant) {
        if let Ok(mut held) = self.0.lock() {
            held.insert(claim.to_owned(), until);
        }
    }

    fn held(&self) -> Vec<String> {
        self.0
            .lock()
            .map(|held| held.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn renewed(&self, claims: &[String], until: Instant) {
        if let Ok(mut held) = self.0.lock() {
            for claim in claims {
                if let Some(valid) = held.get_mut(claim) {
                    *valid = until;
                }
            }
        }
    }

    fn valid(&self, claim: &str) -> bool {
        self.0
            .lock()
            .ok()
            .and_then(|held| held.get(claim).copied())
            .is_some_and(|until| Instant::now() < until)
    }

    fn forget_all(&self) {
        if let Ok(mut held) = self.0.lock() {
            held.clear();
        }
    }

    fn end(&self, claim: &str) {
        if let Ok(mut held) = self.0.lock() {
            held.remove(claim);
        }
    }
}

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

/// Writes outcomes. A hard bounce of a coalition's mail goes to `bounces`,
/// which puts the address on that coalition's suppression list and cancels
/// what else is queued to it.
fn record(
    conn: &mut DbConn,
    claim: &str,
    results: &[Recorded],
    bounces: Bounces,
) -> diesel::QueryResult<()> {
    let now = crate::db::now();
    for Recorded { row, verdict } in results {
        match verdict {
            Verdict::Sent(reply) => {
                db::record_attempt(conn, &row.id, claim, reply, Attempt::Sent(now))?;
            }
            Verdict::Failed(reply) => {
                db::record_attempt(conn, &row.id, claim, reply, Attempt::Failed)?;
                if let Some(coalition) = &row.coalition_id
                    && super::mailing::is_permanent_reply(reply)
                {
                    bounces(conn, coalition, &row.recipient, reply)?;
                }
            }
            Verdict::Deferred(reply, retry_at) => {
                db::record_attempt(conn, &row.id, claim, reply, Attempt::Deferred(*retry_at))?;
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
            instance: "test".into(),
            batch: 10,
            rate_per_second: None,
        };

        assert_eq!(options.retry_delay(0), Duration::from_secs(30));
        assert_eq!(options.retry_delay(1), Duration::from_secs(60));
        assert_eq!(options.retry_delay(3), Duration::from_secs(240));
        assert_eq!(options.retry_delay(30), MAX_RETRY_DELAY);
    }
}
