//! `/u/…`: the unsubscribe link of every mailing. A GET shows a page with
//! a button and changes nothing; a POST (the button, or a mail client's
//! one-click request per RFC 8058) unsubscribes without login.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::{Reason, views};
use crate::web::error::WebError;
use crate::web::layout::html_response;
use crate::web::paths::UnsubscribePath;
use crate::web::{AppState, blocking_outcome, request_lang};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(page).service(unsubscribe);
}

#[derive(Debug, Default, serde::Deserialize)]
struct LangQuery {
    #[serde(default)]
    lang: String,
}

/// The language of the mail the link came from, else the browser's.
fn page_lang(req: &HttpRequest, query: &LangQuery) -> crate::i18n::Lang {
    crate::i18n::Lang::parse(&query.lang).unwrap_or_else(|| request_lang(req))
}

#[get("/u/{coalition}/{email}/{token}")]
async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<UnsubscribePath>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, WebError> {
    let UnsubscribePath {
        coalition,
        email: encoded,
        token,
    } = path.into_inner();
    let email =
        super::verify(&state.secret, &coalition, &encoded, &token).ok_or(WebError::NotFound)?;
    let lang = page_lang(&req, &query);
    let action = format!("/u/{coalition}/{encoded}/{token}?lang={}", lang.code());
    Ok(html_response(
        StatusCode::OK,
        views::confirm(lang, &email, &action),
    ))
}

#[post("/u/{coalition}/{email}/{token}")]
async fn unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<UnsubscribePath>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, WebError> {
    let UnsubscribePath {
        coalition,
        email: encoded,
        token,
    } = path.into_inner();
    let email =
        super::verify(&state.secret, &coalition, &encoded, &token).ok_or(WebError::NotFound)?;
    let (coalition_id, address) = (coalition.clone(), email.clone());
    blocking_outcome(&state, move |c| {
        crate::db::transaction(c, |c| {
            super::add(
                c,
                &coalition_id,
                &address,
                Reason::Unsubscribed,
                Some("unsubscribe link"),
            )?;
            crate::audit::record(
                c,
                &coalition_id,
                &crate::audit::Actor::System,
                "suppression.unsubscribe",
                "address",
                &address,
                &crate::i18n::Phrase::new("audit-unsubscribe").text("email", &address),
            )
        })
    })
    .await?
    .map_err(|e: diesel::result::Error| WebError::from(e))?;
    Ok(html_response(
        StatusCode::OK,
        views::done(page_lang(&req, &query), &email),
    ))
}
