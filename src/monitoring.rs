//! Metrics for Prometheus at `/metrics`, when `metrics_token` is set: the
//! requests served (by route pattern and status, with their latency), the
//! sign-ons by outcome, the deliveries by result, counted as they happen;
//! and, read when scraped, the outbox by state and priority, the progress
//! of each mailing under way, the database pool and SQLite's write-ahead
//! log.
//!
//! Every series is named here, so the names an operator's dashboards
//! depend on live in one file; the page that serves them is
//! [`crate::app::metrics`].

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Request latency buckets, in seconds: from a cached page to a slow export.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

const REQUEST_SECONDS: &str = "undersigned_http_request_duration_seconds";

/// The process's recorder, made the first time an application with metrics
/// on starts. `None` when another recorder was installed before it.
static RECORDER: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the recorder, once per process; until then every count below
/// is a no-op that costs nothing.
pub fn install() -> Option<PrometheusHandle> {
    RECORDER
        .get_or_init(|| {
            let built = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.into()), LATENCY_BUCKETS)
                .and_then(PrometheusBuilder::install_recorder);
            match built {
                Ok(handle) => Some(handle),
                Err(error) => {
                    tracing::error!(error = %error, "could not install the metrics recorder");
                    None
                }
            }
        })
        .clone()
}

/// The installed recorder's handle, if metrics are recorded.
fn recording() -> Option<&'static PrometheusHandle> {
    RECORDER.get().and_then(Option::as_ref)
}

/// Folds the latency samples into their buckets; the jobs call it every
/// tick, so memory stays flat between scrapes.
pub fn upkeep() {
    if let Some(handle) = recording() {
        handle.run_upkeep();
    }
}

/// One request served: `route` is the matched pattern, never the path.
/// Nothing is built for the labels while metrics are off.
pub fn request(method: &str, route: &str, status: u16, elapsed: Duration) {
    if recording().is_none() {
        return;
    }
    let (method, route) = (method.to_owned(), route.to_owned());
    metrics::counter!(
        "undersigned_http_requests_total",
        "method" => method.clone(),
        "route" => route.clone(),
        "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!(REQUEST_SECONDS, "method" => method, "route" => route)
        .record(elapsed.as_secs_f64());
}

/// How a submitted sign-on form ended.
#[derive(Debug, Clone, Copy)]
pub enum SignOn {
    /// A confirmation link was mailed.
    ConfirmationSent,
    /// The address had signed: its manage link was mailed instead.
    ManageLinkSent,
    /// Listed at once (an invited signer).
    Listed,
    /// Accepted without a word (a withdrawn signer, a hidden duplicate).
    Quietly,
    /// The form had errors.
    Invalid,
    /// Over the per-IP or per-address limit.
    RateLimited,
    /// Over the day's mails to the address.
    MailCap,
    /// The honeypot field was filled.
    Spam,
}

impl SignOn {
    fn label(self) -> &'static str {
        match self {
            Self::ConfirmationSent => "confirmation_sent",
            Self::ManageLinkSent => "manage_link_sent",
            Self::Listed => "listed",
            Self::Quietly => "quietly",
            Self::Invalid => "invalid",
            Self::RateLimited => "rate_limited",
            Self::MailCap => "mail_cap",
            Self::Spam => "spam",
        }
    }
}

pub fn sign_on(outcome: SignOn) {
    metrics::counter!("undersigned_signons_total", "outcome" => outcome.label()).increment(1);
}

/// What the SMTP server (or the file transport) made of one delivery.
#[derive(Debug, Clone, Copy)]
pub enum Delivery {
    Sent,
    /// Refused for good (a 5xx reply, or a message that could not be built).
    Refused,
    /// Refused for now; tried again later.
    Deferred,
    /// Refused for now once too often: given up.
    GivenUp,
}

pub fn delivery(result: Delivery) {
    let result = match result {
        Delivery::Sent => "sent",
        Delivery::Refused => "refused",
        Delivery::Deferred => "deferred",
        Delivery::GivenUp => "given_up",
    };
    metrics::counter!("undersigned_mail_deliveries_total", "result" => result).increment(1);
}

/// A reading of the outbox: how many messages are in `state` at a
/// priority (`bulk` or `transactional`).
pub fn outbox(state: &str, bulk: bool, count: i64) {
    let priority = if bulk { "bulk" } else { "transactional" };
    metrics::gauge!(
        "undersigned_outbox_messages",
        "state" => state.to_owned(),
        "priority" => priority
    )
    .set(count as f64);
}

/// A reading of a mailing under way: how many of its messages are in
/// `state` (queued, deferred, sent, bounced, failed, paused, cancelled).
pub fn mailing(mailing: &str, state: &'static str, count: i64) {
    metrics::gauge!(
        "undersigned_mailing_messages",
        "mailing" => mailing.to_owned(),
        "state" => state
    )
    .set(count as f64);
}

/// A reading of the database pool.
pub fn pool(open: u32, idle: u32, max: u32) {
    let (idle, open) = (f64::from(idle), f64::from(open));
    metrics::gauge!("undersigned_db_pool_connections", "state" => "in_use").set(open - idle);
    metrics::gauge!("undersigned_db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("undersigned_db_pool_max_connections").set(f64::from(max));
}

/// A reading of the size of SQLite's write-ahead log.
pub fn sqlite_wal(bytes: u64) {
    metrics::gauge!("undersigned_sqlite_wal_bytes").set(bytes as f64);
}
