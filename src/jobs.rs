//! Work that happens at a time rather than on a request: closing statements
//! whose deadline has passed, and the digests of new signatures.

use std::time::Duration;

use tokio::sync::watch;

use crate::db::Pool;
use crate::mail::MailContext;

const TICK: Duration = Duration::from_secs(30);

/// Runs the periodic jobs until `shutdown` turns true.
pub async fn run(pool: Pool, mail: MailContext, mut shutdown: watch::Receiver<bool>) {
    while !*shutdown.borrow() {
        let (pool, mail) = (pool.clone(), mail.clone());
        let done = tokio::task::spawn_blocking(move || -> anyhow::Result<(usize, usize)> {
            let mut conn = pool.get()?;
            let closed = crate::statements::close_overdue(&mut conn)?;
            let digests = crate::signatures::digest::send_due(&mut conn, &mail)?;
            Ok((closed, digests))
        })
        .await;
        match done {
            Ok(Ok((0, 0))) => {}
            Ok(Ok((closed, digests))) => tracing::info!(closed, digests, "scheduled jobs ran"),
            Ok(Err(error)) => {
                tracing::error!(error = format!("{error:#}"), "a scheduled job failed")
            }
            Err(error) => tracing::error!(error = %error, "the jobs task failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(TICK) => {}
            _ = shutdown.changed() => {}
        }
    }
}
