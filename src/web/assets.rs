//! Static files, embedded in the binary and served with long cache lifetimes.

use actix_web::http::header;
use actix_web::{HttpResponse, get};

const STYLESHEET: &str = include_str!("static/style.css");

/// Path of the stylesheet; its version changes whenever the file does.
pub const STYLESHEET_PATH: &str = concat!("/static/style.css?v=", env!("CARGO_PKG_VERSION"));

#[get("/static/style.css")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(STYLESHEET)
}
