//! The language switcher of the pages seen before signing in (log-in,
//! set-up, password reset, invitation acceptance, error pages): a link per
//! language that stores the choice in a cookie and goes back to the page.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use maud::{Markup, html};

use super::{AppState, LANGUAGE_COOKIE};
use crate::i18n::{Lang, t};

/// One link per other language, each named in its own language.
pub fn switcher(lang: Lang) -> Markup {
    html! {
        nav.languages aria-label=(t(lang, "language-switcher")) {
            @for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
                a href={ "/language/" (other.code()) } lang=(other.code()) hreflang=(other.code()) {
                    (other.native_name())
                }
            }
        }
    }
}

/// Remembers the language for a year and returns to the page the link was
/// on, if it is one of ours; an unknown language changes nothing.
#[get("/language/{code}")]
pub async fn choose(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> HttpResponse {
    let referer = req
        .headers()
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok());
    // With a Referer and no Origin, same_origin judges the Referer.
    let back = match referer {
        Some(page) if super::origin::same_origin(&req, &state.base_url) => match page.query() {
            Some(query) => format!("{}?{query}", page.path()),
            None => page.path().to_owned(),
        },
        _ => "/login".to_owned(),
    };
    let back = match back.as_str() {
        "/" => back,
        path => super::origin::safe_next(path).to_owned(),
    };
    let mut response = HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .finish();
    if let Some(lang) = Lang::parse(&code) {
        let cookie = Cookie::build(LANGUAGE_COOKIE, lang.code())
            .path("/")
            .max_age(actix_web::cookie::time::Duration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(state.https())
            .finish();
        let _ = response.add_cookie(&cookie);
    }
    response
}
