use std::time::Instant;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{Error, HttpMessage, HttpResponse};

use super::access::Access;
use super::layout;
use crate::i18n::Lang;
use crate::web::error::ErrorMessage;

/// Headers sent with every response. A page that must differ (an embeddable
/// widget, say) sets its own header and this default steps aside.
pub fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"));
    if https {
        headers.add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// Logs one line per request: method, the matched route pattern (never the
/// raw path, which may hold a token), the client's address (through a
/// trusted proxy), status and time taken.
pub async fn log_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "(no route)".to_owned());
    let client = req
        .app_data::<actix_web::web::Data<super::AppState>>()
        .map(|state| state.client_ip(req.request()))
        .unwrap_or_default();
    let response = next.call(req).await?;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    crate::monitoring::request(method.as_str(), &route, status, elapsed);
    tracing::info!(
        method = %method,
        route,
        client,
        status,
        elapsed_ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    Ok(response)
}

/// Marks an answer meant for a program (a probe, a scraper), whose status
/// and headers must reach it as they are: no error page replaces it.
#[derive(Debug, Clone, Copy)]
pub struct ForPrograms;

/// `response`, marked [`ForPrograms`].
pub fn for_programs(mut response: HttpResponse) -> HttpResponse {
    response.extensions_mut().insert(ForPrograms);
    response
}

/// Writes error pages in the language of the request: those of
/// [`crate::web::error::WebError`], marked with their [`ErrorMessage`], and the
/// plain-text answers of actix itself (a malformed form or query, a wrong
/// method), which get the page too.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, Error> {
    let response = next.call(req).await?;
    if response.response().extensions().contains::<ForPrograms>() {
        return Ok(response.map_into_left_body());
    }
    let status = response.status();
    let localized_page = response
        .response()
        .extensions()
        .get::<layout::InRequestLanguage>()
        .copied();
    if let Some(layout::InRequestLanguage(page)) = localized_page {
        let (request, _bare) = response.into_parts();
        let lang = response_lang(&request);
        let answer = layout::html_response(status, page(lang));
        return Ok(ServiceResponse::new(request, answer).map_into_right_body());
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let marked = response
        .response()
        .extensions()
        .get::<ErrorMessage>()
        .cloned();
    let message = match marked {
        Some(message) => message,
        None if (status.is_client_error() || status.is_server_error()) && !is_html => {
            ErrorMessage::ForStatus
        }
        None => return Ok(response.map_into_left_body()),
    };
    let (request, _bare) = response.into_parts();
    let lang = response_lang(&request);
    let page = html_error_response(lang, status, &message);
    Ok(ServiceResponse::new(request, page).map_into_right_body())
}

/// The language to answer `request` in: the coordinator's, when the
/// access guard let the request in, else the one the request asks for.
fn response_lang(request: &actix_web::HttpRequest) -> Lang {
    // The borrow of the extensions ends before request_lang reads cookies,
    // which are kept in the same extensions.
    let chosen = request
        .extensions()
        .get::<Access>()
        .map(|access| access.lang);
    chosen.unwrap_or_else(|| super::request_lang(request))
}

/// The error page for `status` in `lang`.
fn html_error_response(lang: Lang, status: StatusCode, message: &ErrorMessage) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ))
        .body(layout::error_page(lang, status, &message.text(lang, status)).into_string())
}
