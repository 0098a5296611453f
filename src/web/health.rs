use actix_web::{HttpResponse, get, web};

use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::AppState;
use crate::background::Pulse;

/// The process is alive. No I/O, so it measures the HTTP stack alone.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The longest the mail worker may go without a round or a delivery
/// before the instance is reported not ready: far above a round's time
/// (a poll, or one message at the slowest rate), short enough that a
/// dead worker is noticed within a couple of minutes.
const WORKER_SILENCE: Duration = Duration::from_secs(120);

/// The database answers and the mail worker is running.
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let unavailable = |why: &'static str| {
        super::for_programs(
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body(why),
        )
    };
    match state.mail_worker.pulse(WORKER_SILENCE) {
        Pulse::Alive => {}
        Pulse::Stalled(silent) => {
            tracing::warn!(silent_s = silent.as_secs(), "the mail worker is stalled");
            return unavailable("mail worker stalled");
        }
        Pulse::Ended => {
            tracing::warn!("the mail worker is not running");
            return unavailable("mail worker not running");
        }
    }
    let pool = state.pool.clone();
    let ready = web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        conn.batch_execute("SELECT 1")?;
        Ok(())
    })
    .await;
    match ready {
        Ok(Ok(())) => HttpResponse::Ok().content_type("text/plain").body("ready"),
        Ok(Err(error)) => {
            tracing::warn!(error = format!("{error:#}"), "database not reachable");
            unavailable("database unavailable")
        }
        Err(_) => unavailable("busy"),
    }
}
