//! Work that happens at a time rather than on a request: closing statements
//! whose deadline has passed.

use std::time::Duration;

use tokio::sync::watch;

use crate::db::Pool;

const TICK: Duration = Duration::from_secs(30);

/// Runs the periodic jobs until `shutdown` turns true.
pub async fn run(pool: Pool, mut shutdown: watch::Receiver<bool>) {
    while !*shutdown.borrow() {
        let pool = pool.clone();
        let closed = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            crate::statements::close_overdue(&mut conn).map_err(|e| e.to_string())
        })
        .await;
        match closed {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(statements = n, "closed statements at their deadline"),
            Ok(Err(error)) => tracing::error!(error, "could not close overdue statements"),
            Err(error) => tracing::error!(error = %error, "the jobs task failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(TICK) => {}
            _ = shutdown.changed() => {}
        }
    }
}
