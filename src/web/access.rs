//! Access to coordinator pages: the session cookie, CSRF, and the role each
//! route needs. A middleware guards the coordinator scopes (`/c/{coalition}`,
//! `/c`, `/account`): it finds the signed-in coordinator and their
//! membership, refuses a write without the session's CSRF token or from
//! another site, and leaves the checked identity in the request. A handler
//! reaches that identity only through a role extractor in its arguments,
//! [`Viewer`], [`Editor`] or [`Owner`] under a coalition and [`SignedIn`] on
//! the account pages, so the role a route needs is written next to the
//! handler and a route cannot be mounted without one (`tests/routes.rs`
//! checks every mounted route).

use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};

use super::{AppState, request_lang};
use crate::config::SecretKey;
use crate::db::DbConn;
use crate::i18n::{Lang, local_time, t};
use crate::identity::{Coordinator, Membership, Role, SESSION_IDLE};
use crate::tokens::signed::{self, Link};
use crate::web::error::WebError;

pub const SESSION_COOKIE: &str = "undersigned_session";
/// Largest form body the CSRF check reads; bigger uploads use multipart.
const FORM_LIMIT: usize = 2 * 1024 * 1024;

/// The checked identity of a coordinator request, put in the request's
/// extensions by the middleware. Handlers take it as an argument.
#[derive(Debug, Clone)]
pub struct Access {
    pub coordinator: Coordinator,
    pub session_id: String,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
    /// Present under `/c/{coalition}`.
    pub membership: Option<Membership>,
    /// The language of the coordinator's pages, from the browser's
    /// Accept-Language; strings missing in it come in English.
    pub lang: Lang,
}

impl Access {
    /// The membership, which every `/c/{coalition}` route has.
    pub fn member(&self) -> Result<&Membership, WebError> {
        self.membership.as_ref().ok_or(WebError::NotFound)
    }

    /// The address part of the coalition the request is under ("" outside one).
    pub fn coalition_slug(&self) -> &str {
        self.membership
            .as_ref()
            .map(|m| m.coalition.slug.as_str())
            .unwrap_or_default()
    }

    pub fn can(&self, role: Role) -> bool {
        self.membership.as_ref().is_some_and(|m| m.role >= role)
    }

    /// The coalition's time zone, in which times are typed and shown (UTC
    /// outside a coalition).
    pub fn zone(&self) -> chrono_tz::Tz {
        self.membership
            .as_ref()
            .map_or(chrono_tz::Tz::UTC, |m| m.coalition.zone())
    }

    /// A moment as this coordinator reads it: "2 dic 2026, 09:00 CST".
    pub fn time(&self, at: chrono::NaiveDateTime) -> String {
        local_time::date_time(self.lang, self.zone(), at)
    }

    /// The day of a moment as this coordinator reads it: "2 dic 2026".
    pub fn day(&self, at: chrono::NaiveDateTime) -> String {
        local_time::date(self.lang, self.zone(), at)
    }
}

/// The identity the guard checked, when the caller holds `role` (any
/// signed-in coordinator for `None`): 403 for a member with a lesser role.
fn checked(req: &HttpRequest, role: Option<Role>) -> Result<Access, WebError> {
    let access = req
        .extensions()
        .get::<Access>()
        .cloned()
        .ok_or(WebError::NotFound)?;
    match role {
        Some(role) if !access.can(role) => Err(WebError::Forbidden),
        _ => Ok(access),
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(Access);

        impl $name {
            /// The role this extractor requires (`None`: signed in).
            pub const ROLE: Option<Role> = $role;
        }

        impl std::ops::Deref for $name {
            type Target = Access;

            fn deref(&self) -> &Access {
                &self.0
            }
        }

        impl FromRequest for $name {
            type Error = WebError;
            type Future = std::future::Ready<Result<Self, WebError>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                std::future::ready(checked(req, Self::ROLE).map(Self))
            }
        }
    };
}

role_extractor!(
    /// Any member of the request's coalition: reading its pages, and the
    /// few writes that are a member's own (the digest setting).
    Viewer,
    Some(Role::Viewer)
);
role_extractor!(
    /// A member who may change the coalition's statements, lists and
    /// releases.
    Editor,
    Some(Role::Editor)
);
role_extractor!(
    /// A member who may change the coalition itself: members, settings, the
    /// audit log.
    Owner,
    Some(Role::Owner)
);
role_extractor!(
    /// A signed-in coordinator, on the pages outside any coalition
    /// (`/c`, `/account`).
    SignedIn,
    None
);

/// The CSRF token of a session: signed over its id, so nothing is stored.
pub fn csrf_token(secret: &SecretKey, session_id: &str) -> String {
    signed::sign(secret, Link::Csrf, &[session_id])
}

/// The session cookie: HttpOnly, SameSite=Lax, Secure under https.
pub fn session_cookie(raw: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, raw.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(actix_web::cookie::time::Duration::days(
            SESSION_IDLE.num_days(),
        ))
        .finish()
}

/// A cookie that removes the session cookie.
pub fn expired_session_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = session_cookie("", secure);
    cookie.make_removal();
    cookie
}

/// Guards `/c/{coalition}/…`.
pub async fn coalition_guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    guard(req, next, true).await
}

/// Guards the account routes (`/c`, `/account/…`).
pub async fn account_guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    guard(req, next, false).await
}

async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    in_coalition: bool,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    match check(req, in_coalition).await {
        Ok(req) => Ok(next.call(req).await?.map_into_left_body()),
        Err((req, response)) => Ok(ServiceResponse::new(req, response).map_into_right_body()),
    }
}

type Refusal = (HttpRequest, HttpResponse);

async fn check(req: ServiceRequest, in_coalition: bool) -> Result<ServiceRequest, Refusal> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        let (http, _) = req.into_parts();
        return Err((http, WebError::NotFound.error_response()));
    };
    // Deny by default: a path no handler serves, or a method no
    // coordinator route takes, is not found for everyone, signed in or not.
    let method = req.method().clone();
    if req.match_pattern().is_none() || ![Method::GET, Method::HEAD, Method::POST].contains(&method)
    {
        let (http, _) = req.into_parts();
        return Err((http, WebError::NotFound.error_response()));
    }
    let writing = method == Method::POST;
    let cookie = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
    let coalition_slug = req.match_info().get("coalition").map(str::to_owned);
    let found = lookup(&state, cookie, coalition_slug).await;
    let (http, mut payload) = req.into_parts();
    let (session_id, coordinator, membership) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return Err((http.clone(), redirect_to_login(&http))),
        Err(error) => return Err((http, error.error_response())),
    };
    if in_coalition && membership.is_none() {
        return Err((http, WebError::NotFound.error_response()));
    }
    let csrf = csrf_token(&state.secret, &session_id);
    let lang = coordinator
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(|| request_lang(&http));
    if writing {
        if !super::origin::same_origin(&http, &state.base_url) {
            return Err((http, WebError::Forbidden.error_response()));
        }
        let body = match read_form_csrf(&http, &mut payload, &state.secret, &session_id).await {
            Ok(body) => body,
            Err(response) => return Err((http, response)),
        };
        payload = body;
    }
    http.extensions_mut().insert(Access {
        coordinator,
        session_id,
        csrf,
        membership,
        lang,
    });
    Ok(ServiceRequest::from_parts(http, payload))
}

/// A signed-in request's session id, coordinator and, under
/// `/c/{coalition}`, membership of that coalition.
pub type Found = Option<(String, Coordinator, Option<Membership>)>;

/// Finds who a session cookie belongs to and their membership of the
/// coalition named by its slug: the accounts and coalitions areas, which
/// hold sessions and memberships, provide it at start-up.
pub type Identify = fn(&mut DbConn, &str, Option<&str>) -> diesel::QueryResult<Found>;

async fn lookup(
    state: &AppState,
    cookie: Option<String>,
    slug: Option<String>,
) -> Result<Found, WebError> {
    let Some(raw) = cookie else { return Ok(None) };
    let identify = state.identify;
    super::blocking(state, move |c| identify(c, &raw, slug.as_deref())).await
}

fn redirect_to_login(req: &HttpRequest) -> HttpResponse {
    let next = if req.method() == Method::GET {
        req.uri().path().to_owned()
    } else {
        String::new()
    };
    let location = if next.is_empty() {
        "/login".to_owned()
    } else {
        format!(
            "/login?next={}",
            percent_encoding::utf8_percent_encode(&next, percent_encoding::NON_ALPHANUMERIC)
        )
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// Finds the CSRF token in the `X-CSRF-Token` header, the query string
/// (multipart uploads) or the urlencoded body, and gives the body back.
async fn read_form_csrf(
    req: &HttpRequest,
    payload: &mut Payload,
    secret: &SecretKey,
    session_id: &str,
) -> Result<Payload, HttpResponse> {
    let from_header = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let from_query = web::Query::<CsrfField>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.csrf.clone());
    let is_form = req.content_type() == "application/x-www-form-urlencoded";
    let (typed, body) = if is_form && from_header.is_none() {
        let body = web::Bytes::from_request(req, payload).await.map_err(|_| {
            WebError::BadRequest(t(request_lang(req), "error-form-too-large")).error_response()
        })?;
        let typed = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|fields| {
                fields
                    .into_iter()
                    .find(|(k, _)| k == "csrf")
                    .map(|(_, v)| v)
            });
        (typed, Payload::from(body))
    } else {
        (
            from_header.or(from_query),
            std::mem::replace(payload, Payload::None),
        )
    };
    let valid = typed.is_some_and(|t| signed::verify(secret, Link::Csrf, &[session_id], &t));
    if valid {
        Ok(body)
    } else {
        Err(WebError::CsrfFailed.error_response())
    }
}

#[derive(serde::Deserialize)]
struct CsrfField {
    csrf: Option<String>,
}

/// Body limits for forms, raised from actix's defaults for pasted lists.
pub fn form_limits() -> (web::FormConfig, web::PayloadConfig) {
    (
        web::FormConfig::default().limit(FORM_LIMIT),
        web::PayloadConfig::new(FORM_LIMIT),
    )
}
