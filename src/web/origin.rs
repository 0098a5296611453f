//! Same-origin check on every POST: a page on another site must not make a
//! visitor's browser submit our forms (a sign-on with the attacker's words,
//! to any address, from the visitor's IP). Coordinator forms also carry a
//! CSRF token; public forms have only this.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, ResponseError, web};

use super::AppState;
use crate::web::error::WebError;

/// The one POST that must work cross-site: RFC 8058 one-click unsubscribe,
/// which the recipient's mail provider sends, not a page of ours.
const CROSS_SITE_ALLOWED: &str = "/u/{coalition}/{email}/{token}";

/// Refuses with 403 a POST whose `Origin` (or, without one, `Referer`) is
/// another site, on every route but [`CROSS_SITE_ALLOWED`].
pub async fn same_origin_posts(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let checked =
        req.method() == Method::POST && req.match_pattern().as_deref() != Some(CROSS_SITE_ALLOWED);
    let base_url = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.base_url.clone())
        .unwrap_or_default();
    if checked && !same_origin(req.request(), &base_url) {
        let (http, _) = req.into_parts();
        let response = WebError::Forbidden.error_response();
        return Ok(ServiceResponse::new(http, response).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// Whether the request comes from one of our own pages. Browsers send
/// `Origin` with every POST (`null` from a sandbox or a privacy setting,
/// which is refused); a client that sends neither header is no browser a
/// page could drive, and the CSRF token, where there is one, still decides.
pub fn same_origin(req: &HttpRequest, base_url: &str) -> bool {
    let header_value = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let origin = match (header_value(header::ORIGIN), header_value(header::REFERER)) {
        (Some(origin), _) => origin.to_owned(),
        (None, Some(referer)) => match url::Url::parse(referer) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => return false,
        },
        (None, None) => return true,
    };
    let own = url::Url::parse(base_url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default();
    let info = req.connection_info();
    let host_origin = format!("{}://{}", info.scheme(), info.host());
    origin == own || origin == host_origin
}

/// Only local paths are followed after login, never another site: a single
/// `/` followed by a character that is neither `/` nor `\` (both would make
/// the browser read a host), and nothing but visible ASCII, since browsers
/// drop tabs and line breaks from a URL and a header cannot carry them.
/// Anything else goes to the coalitions page.
pub fn safe_next(next: &str) -> &str {
    let mut chars = next.chars();
    let local = chars.next() == Some('/')
        && chars.next().is_some_and(|c| c != '/' && c != '\\')
        && next.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if local { next } else { "/c" }
}

#[cfg(test)]
mod tests {
    use super::safe_next;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn a_followed_next_always_stays_on_this_site(
            next in prop_oneof![
                "\\PC{0,40}",
                "[/\\\\\t\r\n%a-z.:@?#]{0,20}",
                "/[\t\r\n /\\\\]{0,3}[a-z.]{0,12}(/[a-z]{0,4})?",
            ],
        ) {
            let followed = safe_next(&next);
            let base = url::Url::parse("https://statements.example.org/login").expect("base");
            let target = base.join(followed).expect("a path joins");

            prop_assert_eq!(target.host_str(), Some("statements.example.org"), "{:?}", next);
            prop_assert!(followed.parse::<actix_web::http::header::HeaderValue>().is_ok());
        }
    }

    #[test]
    fn only_a_local_path_is_followed_after_login() {
        for local in ["/c", "/c/clean-water/statements?page=2", "/a%20b"] {
            assert_eq!(safe_next(local), local);
        }
        for other in [
            "",
            "/",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example/x",
            "/c\r\nX: 1",
            "https://evil.example",
            "c",
            "/ñ",
            "/a b",
            "/a\\..",
        ] {
            assert_eq!(safe_next(other), "/c", "{other:?}");
        }
    }
}
