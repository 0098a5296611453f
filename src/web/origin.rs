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
