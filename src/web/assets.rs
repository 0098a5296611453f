//! Static files, embedded in the binary and served with long cache lifetimes.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpResponse, get};

/// `path` with a short hash of `body` as its version, so that a browser
/// holding yesterday's file for a day asks again as soon as it changes.
fn versioned(path: &str, body: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body.as_bytes());
    format!("{path}?v={}", hex::encode(&digest[..6]))
}

const STYLESHEET: &str = include_str!("static/style.css");
const OPENED_SCRIPT: &str = include_str!("static/opened.js");
const MAILING_SCRIPT: &str = include_str!("static/mailing.js");

/// Path of the script that keeps a mailing's progress current.
pub static MAILING_SCRIPT_PATH: LazyLock<String> =
    LazyLock::new(|| versioned("/static/mailing.js", MAILING_SCRIPT));
const PROGRESS_SCRIPT: &str = include_str!("static/progress.js");

/// Path of the script that shows the progress of a background task.
pub static PROGRESS_SCRIPT_PATH: LazyLock<String> =
    LazyLock::new(|| versioned("/static/progress.js", PROGRESS_SCRIPT));

/// Path of the script that reports an opened invitation form.
pub static OPENED_SCRIPT_PATH: LazyLock<String> =
    LazyLock::new(|| versioned("/static/opened.js", OPENED_SCRIPT));

const ZONE_SCRIPT: &str = include_str!("static/zone.js");

/// Path of the script that fills a new coalition's zone from the browser.
pub static ZONE_SCRIPT_PATH: LazyLock<String> =
    LazyLock::new(|| versioned("/static/zone.js", ZONE_SCRIPT));

/// Path of the stylesheet.
pub static STYLESHEET_PATH: LazyLock<String> =
    LazyLock::new(|| versioned("/static/style.css", STYLESHEET));

#[get("/static/style.css")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(STYLESHEET)
}

#[get("/static/opened.js")]
pub async fn opened_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(OPENED_SCRIPT)
}

#[get("/static/mailing.js")]
pub async fn mailing_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(MAILING_SCRIPT)
}

#[get("/static/progress.js")]
pub async fn progress_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(PROGRESS_SCRIPT)
}

#[get("/static/zone.js")]
pub async fn zone_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(ZONE_SCRIPT)
}
