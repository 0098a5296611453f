//! The `/metrics` page: what [`crate::monitoring`] counted as it happened,
//! with the readings taken at each scrape from the areas that hold them
//! (the outbox, the mailings under way, the pool, SQLite's log).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use secrecy::ExposeSecret;

use crate::db::DbConn;
use crate::monitoring;
use crate::web::AppState;

/// The readings that cost a query or a file's size, taken at each scrape.
fn read_gauges(conn: &mut DbConn, state: &AppState) -> anyhow::Result<()> {
    for depth in crate::mail::outbox_depth(conn)? {
        let bulk = depth.priority >= crate::mail::Priority::Bulk.rank();
        monitoring::outbox(&depth.status, bulk, depth.count);
    }
    for (mailing, progress) in crate::press::mailings_under_way(conn)? {
        for (label, count) in [
            ("queued", progress.queued),
            ("deferred", progress.deferred),
            ("sent", progress.sent),
            ("bounced", progress.bounced),
            ("failed", progress.failed),
            ("paused", progress.paused),
            ("cancelled", progress.cancelled),
        ] {
            monitoring::mailing(&mailing, label, count);
        }
    }
    let pool = state.pool.state();
    monitoring::pool(
        pool.connections,
        pool.idle_connections,
        state.pool.max_size(),
    );
    if let Some(wal) = crate::db::sqlite_log_bytes(conn)? {
        monitoring::sqlite_wal(wal);
    }
    Ok(())
}

/// Whether `req` carries the configured token as a bearer token.
fn authorized(req: &HttpRequest, token: &str) -> bool {
    use subtle::ConstantTimeEq;
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.trim().as_bytes().ct_eq(token.as_bytes())))
}

/// The metrics in Prometheus' text format, for a scraper that sends the
/// token; nothing at all (404) while metrics are off.
#[get("/metrics")]
pub async fn scrape(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let Some(token) = state.settings.metrics_token.as_ref() else {
        return HttpResponse::NotFound().finish();
    };
    let token = token.expose_secret().trim().to_owned();
    crate::web::for_programs(scrape_answer(req, state, &token).await)
}

async fn scrape_answer(req: HttpRequest, state: web::Data<AppState>, token: &str) -> HttpResponse {
    if !authorized(&req, token) {
        return HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
            .content_type("text/plain")
            .body("a bearer token is required");
    }
    let Some(handle) = monitoring::install() else {
        return HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("metrics are not recorded in this process");
    };
    let st = state.clone();
    let read =
        web::block(move || -> anyhow::Result<()> { read_gauges(&mut *st.pool.get()?, &st) }).await;
    if let Ok(Err(error)) | Err(error) = read.map_err(anyhow::Error::from) {
        tracing::warn!(
            error = format!("{error:#}"),
            "metrics read without the database gauges"
        );
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(handle.render())
}
