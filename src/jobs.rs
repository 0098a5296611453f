//! Work that happens at a time rather than on a request: starting mailings
//! that are due (scheduled, or waiting for an embargo), marking finished
//! ones, closing statements whose deadline has passed, and the digests of
//! new signatures.

use std::time::Duration;

use tokio::sync::watch;

use crate::config::SecretKey;
use crate::db::Pool;
use crate::mail::MailContext;

/// Retention runs once every this many ticks (10 minutes at the default
/// 5 s tick): what it removes is days old, and a pass costs a scan.
const RETENTION_EVERY_TICKS: u32 = 120;

/// Runs the periodic jobs every `tick` until `shutdown` turns true.
pub async fn run(
    pool: Pool,
    mail: MailContext,
    secret: SecretKey,
    retention: crate::retention::Retention,
    tick: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut ticks: u32 = 0;
    while !crate::background::stopping(&shutdown) {
        if ticks.is_multiple_of(RETENTION_EVERY_TICKS) {
            let (pool, retention) = (pool.clone(), retention.clone());
            let pruned = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                crate::retention::run(&mut *pool.get()?, &retention)
            })
            .await;
            match pruned {
                Ok(Ok(pruned)) if pruned.total() == 0 => {}
                Ok(Ok(pruned)) => tracing::info!(
                    mail_bodies = pruned.mail_bodies,
                    mail_files = pruned.mail_files,
                    tokens = pruned.tokens,
                    sessions_and_failures = pruned.sessions_and_failures,
                    "retention ran"
                ),
                Ok(Err(error)) => {
                    tracing::error!(error = format!("{error:#}"), "retention failed")
                }
                Err(error) => tracing::error!(error = %error, "retention panicked"),
            }
        }
        ticks = ticks.wrapping_add(1);
        crate::monitoring::upkeep();
        let (pool, mail, secret) = (pool.clone(), mail.clone(), secret.clone());
        let done = tokio::task::spawn_blocking(move || -> anyhow::Result<[usize; 4]> {
            let mut conn = pool.get()?;
            // Each job runs whatever the others did: one failing (a bad row,
            // a template error) must not hold back the rest on every tick.
            let run = |name: &str, result: anyhow::Result<usize>| {
                result.unwrap_or_else(|error| {
                    tracing::error!(
                        job = name,
                        error = format!("{error:#}"),
                        "a scheduled job failed"
                    );
                    0
                })
            };
            let started = run(
                "start due mailings",
                crate::press::start_due(&mut conn, &mail, &secret),
            );
            let finished = run(
                "finish mailings",
                crate::press::finish_done(&mut conn).map_err(Into::into),
            );
            let closed = run(
                "close statements",
                crate::statements::close_overdue(&mut conn).map_err(Into::into),
            );
            let digests = run(
                "signature digests",
                crate::signatures::digest::send_due(&mut conn, &mail).map_err(Into::into),
            );
            Ok([started, finished, closed, digests])
        })
        .await;
        match done {
            Ok(Ok([0, 0, 0, 0])) => {}
            Ok(Ok([started, finished, closed, digests])) => {
                tracing::info!(started, finished, closed, digests, "scheduled jobs ran");
                // Starting a mailing renders all of its mails.
                if started + finished > 0 {
                    crate::memory::give_back();
                }
            }
            Ok(Err(error)) => {
                tracing::error!(
                    error = format!("{error:#}"),
                    "the scheduled jobs found no database connection"
                )
            }
            // A panic in a job: logged, and the loop goes on at the next tick.
            Err(error) => tracing::error!(error = %error, "the jobs task panicked"),
        }
        tokio::select! {
            () = tokio::time::sleep(tick) => {}
            _ = shutdown.changed() => {}
        }
    }
}
