//! The web layer: shared state, the route table, security headers, request
//! logging and error pages. Areas add their routes in [`routes`].

pub mod assets;
pub mod health;
pub mod layout;
mod middleware;

use std::sync::Arc;

use actix_web::{HttpResponse, web};

use crate::config::Settings;
use crate::db::Pool;
use crate::mail::MailContext;

pub use middleware::{log_requests, security_headers};

/// What every handler can reach.
pub struct AppState {
    pub pool: Pool,
    pub settings: Arc<Settings>,
    pub base_url: String,
    pub mail: MailContext,
}

/// Every route of the application.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(assets::stylesheet)
        .service(web::resource("/").get(home));
    crate::accounts::routes::configure(cfg);
}

async fn home() -> HttpResponse {
    let page = layout::layout(
        "Joint statements",
        maud::html! {
            h1 { "Undersigned" }
            p { "Joint statements with verified sign-ons, a true list of signatories and clean press mailings." }
        },
    );
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// The 404 page for every path that no route matches.
pub async fn not_found() -> HttpResponse {
    let status = actix_web::http::StatusCode::NOT_FOUND;
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body(layout::error_page(status, layout::status_message(status)).into_string())
}
