//! Static files, embedded in the binary and served with long cache lifetimes.

use actix_web::http::header;
use actix_web::{HttpResponse, get};

const STYLESHEET: &str = include_str!("static/style.css");
const OPENED_SCRIPT: &str = include_str!("static/opened.js");
const MAILING_SCRIPT: &str = include_str!("static/mailing.js");

/// Path of the script that keeps a mailing's progress current.
pub const MAILING_SCRIPT_PATH: &str = concat!("/static/mailing.js?v=", env!("CARGO_PKG_VERSION"));
const PROGRESS_SCRIPT: &str = include_str!("static/progress.js");

/// Path of the script that shows the progress of a background task.
pub const PROGRESS_SCRIPT_PATH: &str = concat!("/static/progress.js?v=", env!("CARGO_PKG_VERSION"));

/// Path of the script that reports an opened invitation form.
pub const OPENED_SCRIPT_PATH: &str = concat!("/static/opened.js?v=", env!("CARGO_PKG_VERSION"));

const ZONE_SCRIPT: &str = include_str!("static/zone.js");

/// Path of the script that fills a new coalition's zone from the browser.
pub const ZONE_SCRIPT_PATH: &str = concat!("/static/zone.js?v=", env!("CARGO_PKG_VERSION"));

/// Path of the stylesheet; its version changes whenever the file does.
pub const STYLESHEET_PATH: &str = concat!("/static/style.css?v=", env!("CARGO_PKG_VERSION"));

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
