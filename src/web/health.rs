use actix_web::{HttpResponse, get, web};

use super::AppState;
use diesel::connection::SimpleConnection;

/// The process is alive. No I/O, so it measures the HTTP stack alone.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database answers.
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
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
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable")
        }
        Err(_) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("busy"),
    }
}
