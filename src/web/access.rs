//! Access to coordinator pages: the session cookie, CSRF, and the role each
//! route needs. One middleware guards every coordinator route; a route that
//! is missing from [`COALITION_ROUTES`] or [`ACCOUNT_ROUTES`] is refused, so
//! a new route cannot go unchecked.

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

/// A coordinator route and the role it needs.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub method: &'static str,
    pub pattern: &'static str,
    pub role: Role,
}

const fn get(pattern: &'static str) -> Rule {
    Rule {
        method: "GET",
        pattern,
        role: Role::Viewer,
    }
}

const fn get_as(pattern: &'static str, role: Role) -> Rule {
    Rule {
        method: "GET",
        pattern,
        role,
    }
}

const fn post(pattern: &'static str, role: Role) -> Rule {
    Rule {
        method: "POST",
        pattern,
        role,
    }
}

/// Every route under `/c/{coalition}`. Reading needs membership (viewer);
/// each write names its role.
pub const COALITION_ROUTES: &[Rule] = &[
    get("/c/{coalition}"),
    get("/c/{coalition}/members"),
    post("/c/{coalition}/members/invite", Role::Owner),
    post("/c/{coalition}/members/{member}/role", Role::Owner),
    post("/c/{coalition}/members/{member}/remove", Role::Owner),
    post(
        "/c/{coalition}/invitations/{invitation}/revoke",
        Role::Owner,
    ),
    get_as("/c/{coalition}/audit", Role::Owner),
    get_as("/c/{coalition}/settings", Role::Owner),
    post("/c/{coalition}/settings", Role::Owner),
    post("/c/{coalition}/settings/face", Role::Owner),
    post("/c/{coalition}/settings/logo", Role::Owner),
    post("/c/{coalition}/settings/logo/remove", Role::Owner),
    get("/c/{coalition}/statements/new"),
    post("/c/{coalition}/statements/new", Role::Editor),
    get("/c/{coalition}/statements/{statement}"),
    get("/c/{coalition}/statements/{statement}/settings"),
    post(
        "/c/{coalition}/statements/{statement}/settings",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/edit/{lang}"),
    post(
        "/c/{coalition}/statements/{statement}/edit/{lang}",
        Role::Editor,
    ),
    post(
        "/c/{coalition}/statements/{statement}/translations",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/revisions/{lang}"),
    get("/c/{coalition}/statements/{statement}/diff/{lang}"),
    post("/c/{coalition}/statements/{statement}/status", Role::Editor),
    post(
        "/c/{coalition}/statements/{statement}/preview-link",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/comments"),
    post(
        "/c/{coalition}/statements/{statement}/comments/{comment}/resolve",
        Role::Editor,
    ),
    // A personal setting, not a change to the coalition's data: every
    // member may choose how often to be mailed.
    post("/c/{coalition}/statements/{statement}/digest", Role::Viewer),
    get("/c/{coalition}/statements/{statement}/signatures"),
    get("/c/{coalition}/statements/{statement}/signatures.csv"),
    get("/c/{coalition}/statements/{statement}/signatures.xlsx"),
    get("/c/{coalition}/statements/{statement}/signatures.json"),
    post(
        "/c/{coalition}/statements/{statement}/signatures/moderate",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/signatures/import"),
    post(
        "/c/{coalition}/statements/{statement}/signatures/import",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/signatures/import/{upload}"),
    post(
        "/c/{coalition}/statements/{statement}/signatures/import/{upload}",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/signatures/import/{upload}/progress"),
    get("/c/{coalition}/statements/{statement}/signatures/import/{upload}/progress.json"),
    get("/c/{coalition}/statements/{statement}/signatures/{signature}"),
    post(
        "/c/{coalition}/statements/{statement}/signatures/{signature}/display-name",
        Role::Editor,
    ),
    post(
        "/c/{coalition}/statements/{statement}/signatures/{signature}/position",
        Role::Editor,
    ),
    post(
        "/c/{coalition}/statements/{statement}/signatures/{signature}/merge",
        Role::Editor,
    ),
    get("/c/{coalition}/statements/{statement}/invitations"),
    post(
        "/c/{coalition}/statements/{statement}/invitations",
        Role::Editor,
    ),
    post(
        "/c/{coalition}/statements/{statement}/invitations/earlier",
        Role::Editor,
    ),
    post(
        "/c/{coalition}/statements/{statement}/invitations/remind",
        Role::Editor,
    ),
    get("/c/{coalition}/press"),
    get("/c/{coalition}/press/new"),
    post("/c/{coalition}/press/new", Role::Editor),
    get("/c/{coalition}/press/{release}"),
    get("/c/{coalition}/press/{release}/edit"),
    post("/c/{coalition}/press/{release}/edit", Role::Editor),
    get("/c/{coalition}/press/{release}/revisions/{number}"),
    get("/c/{coalition}/press/{release}/mail"),
    get("/c/{coalition}/press/{release}/mail.html"),
    post("/c/{coalition}/press/{release}/test", Role::Editor),
    post("/c/{coalition}/press/{release}/publish", Role::Editor),
    get("/c/{coalition}/press/{release}/send"),
    post("/c/{coalition}/press/{release}/send", Role::Editor),
    get("/c/{coalition}/mailings/{mailing}"),
    get("/c/{coalition}/mailings/{mailing}/progress"),
    get("/c/{coalition}/mailings/{mailing}/log.csv"),
    get("/c/{coalition}/mailings/{mailing}/log.xlsx"),
    post("/c/{coalition}/mailings/{mailing}/pause", Role::Editor),
    post("/c/{coalition}/mailings/{mailing}/retry", Role::Editor),
    post("/c/{coalition}/mailings/{mailing}/resume", Role::Editor),
    post("/c/{coalition}/mailings/{mailing}/cancel", Role::Editor),
    get("/c/{coalition}/statements/{statement}/update"),
    post("/c/{coalition}/statements/{statement}/update", Role::Editor),
    get("/c/{coalition}/contacts"),
    get("/c/{coalition}/contacts/new"),
    post("/c/{coalition}/contacts/new", Role::Editor),
    get("/c/{coalition}/contacts/export.csv"),
    get("/c/{coalition}/contacts/export.xlsx"),
    get("/c/{coalition}/contacts/import"),
    post("/c/{coalition}/contacts/import", Role::Editor),
    get("/c/{coalition}/contacts/import/{upload}"),
    post("/c/{coalition}/contacts/import/{upload}", Role::Editor),
    get("/c/{coalition}/contacts/import/{upload}/progress"),
    get("/c/{coalition}/contacts/import/{upload}/progress.json"),
    get("/c/{coalition}/contacts/lists"),
    post("/c/{coalition}/contacts/lists", Role::Editor),
    post("/c/{coalition}/contacts/lists/add", Role::Editor),
    get("/c/{coalition}/contacts/lists/{list}"),
    post("/c/{coalition}/contacts/lists/{list}/remove", Role::Editor),
    post("/c/{coalition}/contacts/lists/{list}/delete", Role::Editor),
    get("/c/{coalition}/contacts/{contact}"),
    post("/c/{coalition}/contacts/{contact}", Role::Editor),
    post("/c/{coalition}/contacts/{contact}/delete", Role::Editor),
];

/// Routes that need a signed-in coordinator but no particular coalition.
pub const ACCOUNT_ROUTES: &[Rule] = &[
    get("/c"),
    post("/c", Role::Viewer),
    get("/account"),
    post("/account/password", Role::Viewer),
    post("/account/language", Role::Viewer),
    post("/account/logout", Role::Viewer),
];

/// Which rule `method` on `pattern` falls under, if any.
pub fn rule_for<'a>(rules: &'a [Rule], method: &Method, pattern: &str) -> Option<&'a Rule> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    rules
        .iter()
        .find(|r| r.method == method && r.pattern == pattern)
}

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

impl FromRequest for Access {
    type Error = WebError;
    type Future = std::future::Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            req.extensions()
                .get::<Access>()
                .cloned()
                .ok_or(WebError::NotFound),
        )
    }
}

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
    let rules = if in_coalition {
        COALITION_ROUTES
    } else {
        ACCOUNT_ROUTES
    };
    let pattern = req.match_pattern().unwrap_or_default();
    let Some(rule) = rule_for(rules, req.method(), &pattern).copied() else {
        let (http, _) = req.into_parts();
        return Err((http, WebError::NotFound.error_response()));
    };
    let writing = rule.method == "POST";
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
    if in_coalition && membership.as_ref().is_none_or(|m| m.role < rule.role) {
        return Err((http, WebError::Forbidden.error_response()));
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
