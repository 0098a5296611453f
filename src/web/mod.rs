//! The web layer: shared state, access control, security headers, request
//! logging, layout and error pages. It knows no area: each area mounts its
//! own routes, and [`crate::app`] puts them together.

pub mod access;
pub mod assets;
pub mod caching;
pub mod client;
pub mod download;
pub mod error;
pub mod forms;
pub mod health;
pub mod language;
pub mod layout;
pub mod limits;
mod middleware;
pub mod origin;
pub mod pages;
pub mod paths;
pub mod upload;

use std::sync::Arc;

use actix_web::{HttpResponse, web};

use crate::config::{SecretKey, Settings};
use crate::db::{DbConn, GroupCommit, Pool};
use crate::i18n::{Lang, negotiate};
use crate::mail::MailContext;
use crate::web::error::WebError;

pub use middleware::{error_pages, for_programs, log_requests, security_headers};

/// What every handler can reach.
pub struct AppState {
    pub pool: Pool,
    /// Runs short write operations of many requests in one transaction.
    pub writes: GroupCommit,
    pub settings: Arc<Settings>,
    pub base_url: String,
    pub mail: MailContext,
    pub secret: SecretKey,
    pub limits: limits::Limits,
    /// The reverse proxies whose forwarding headers name the client.
    pub proxies: client::TrustedProxies,
    /// The mail worker's heartbeat, for the readiness check.
    pub mail_worker: crate::background::Heartbeat,
    /// Finished public pages, served again until what they show changes.
    pub pages: pages::Pages,
    /// Who a session cookie belongs to, for the access guard.
    pub identify: access::Identify,
}

impl AppState {
    /// The address a request came from, for rate limits and the login
    /// throttle: the client's, also behind a trusted proxy.
    pub fn client_ip(&self, req: &actix_web::HttpRequest) -> String {
        client::client_ip(req, &self.proxies)
    }

    /// Counts one request for a fresh link from the request's client;
    /// false when it is over the limit.
    pub async fn allow_resend(&self, req: &actix_web::HttpRequest) -> Result<bool, WebError> {
        self.limits
            .allow_resend(&self.client_ip(req))
            .await
            .map_err(WebError::unexpected)
    }

    /// Whether the public address is https (secure cookies, HSTS).
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// The cookie the language switcher of the signed-out pages sets.
pub const LANGUAGE_COOKIE: &str = "undersigned_lang";

/// The UI language a request asks for: the language switcher's cookie,
/// else the Accept-Language header. Coordinator pages get it through
/// [`access::Access::lang`], where the account's own choice comes first;
/// pages outside the access guard (log-in, set-up, invitations) call this.
pub fn request_lang(req: &actix_web::HttpRequest) -> Lang {
    req.cookie(LANGUAGE_COOKIE)
        .and_then(|cookie| Lang::parse(cookie.value()))
        .unwrap_or_else(|| {
            negotiate(
                req.headers()
                    .get(actix_web::http::header::ACCEPT_LANGUAGE)
                    .and_then(|value| value.to_str().ok()),
            )
        })
}

/// Runs fallible database work off the async threads with a pooled
/// connection; its error and a pool or thread failure come back as one.
pub async fn blocking<T, E>(
    state: &AppState,
    work: impl FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
) -> Result<T, WebError>
where
    T: Send + 'static,
    E: Send + 'static,
    WebError: From<E>,
{
    blocking_outcome(state, work).await?.map_err(WebError::from)
}

/// Runs database work off the async threads with a pooled connection and
/// hands back what it returned, for handlers that branch on a domain
/// outcome (a taken slug, a wrong state) rather than pass its error on.
pub async fn blocking_outcome<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut DbConn) -> T + Send + 'static,
) -> Result<T, WebError> {
    let pool = state.pool.clone();
    web::block(move || -> Result<T, WebError> {
        let mut conn = pool.get()?;
        Ok(work(&mut conn))
    })
    .await?
}

pub async fn home(req: actix_web::HttpRequest) -> HttpResponse {
    let lang = request_lang(&req);
    let page = layout::headed_in(
        lang,
        &crate::i18n::t(lang, "home-title"),
        "Undersigned",
        maud::html! {
            p { (crate::i18n::t(lang, "home-lead")) }
            p { a href="/login" { (crate::i18n::t(lang, "home-log-in")) } }
        },
    );
    layout::html_response(actix_web::http::StatusCode::OK, page)
}

/// The 404 page for every path that no route matches.
pub async fn not_found() -> HttpResponse {
    actix_web::ResponseError::error_response(&WebError::NotFound)
}
