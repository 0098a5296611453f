use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;

use super::{
    AccountError, ChangePasswordError, Email, LoginError, NewAccount, Password, PasswordError,
    views,
};
use crate::i18n::{Lang, t, t_args};
use crate::web::access;
use crate::web::access::SignedIn;
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::origin::safe_next;
use crate::web::{AppState, blocking, blocking_outcome, request_lang};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login_page)
        .service(login_submit)
        .service(forgot_page)
        .service(forgot_submit)
        .service(reset_page)
        .service(reset_submit);
}

/// Routes under `/account`, behind the access guard.
pub fn configure_account(cfg: &mut web::ServiceConfig) {
    cfg.service(account_page)
        .service(change_password)
        .service(change_language)
        .service(logout);
}

pub fn password_message(lang: Lang, error: PasswordError) -> String {
    match error {
        PasswordError::TooShort => t_args(
            lang,
            "account-error-password-too-short",
            &[("min", super::MIN_PASSWORD_CHARS.into())],
        ),
        PasswordError::TooLong => t(lang, "account-error-password-too-long"),
    }
}

pub fn parse_account(
    lang: Lang,
    name: &str,
    email: &str,
    password: &str,
    errors: &mut FieldErrors,
) -> Option<NewAccount> {
    let name = crate::text::normalize_line(name, 120)
        .map_err(|_| errors.add("name", t(lang, "account-error-name")))
        .ok();
    let email = Email::parse(email);
    if email.is_none() {
        errors.add("email", t(lang, "account-error-email"));
    }
    let password = Password::parse(password)
        .map_err(|e| errors.add("password", password_message(lang, e)))
        .ok();
    Some(NewAccount {
        name: name?,
        email: email?,
        password: password?,
    })
}

/// Answers with a redirect to `location` that sets the session cookie.
pub fn signed_in(state: &AppState, session: &str, location: &str) -> HttpResponse {
    let mut response = see_other(location);
    let _ = response.add_cookie(&access::session_cookie(session, state.https()));
    response
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

#[get("/login")]
async fn login_page(req: HttpRequest, query: web::Query<NextQuery>) -> HttpResponse {
    let form = LoginForm {
        next: query.into_inner().next,
        ..LoginForm::default()
    };
    html_response(
        StatusCode::OK,
        views::login(request_lang(&req), &form, None),
    )
}

#[post("/login")]
async fn login_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    let form = form.into_inner();
    let ip = state.client_ip(&req);
    let (email, password) = (form.email.clone(), form.password.clone());
    let account = email.clone();
    let delay = blocking(&state, move |c| super::login_delay(c, &account)).await?;
    actix_web::rt::time::sleep(delay).await;
    let outcome = blocking_outcome(&state, move |c| {
        let coordinator = super::login(c, &email, &password, &ip)?;
        super::start_session(c, &coordinator.id).map_err(|_| LoginError::WrongCredentials)
    })
    .await?;
    match outcome {
        Ok(session) => Ok(signed_in(&state, &session, safe_next(&form.next))),
        Err(LoginError::WrongCredentials) => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::login(lang, &form, Some(t(lang, "login-wrong-credentials"))),
        )),
        Err(LoginError::Throttled { minutes }) => Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            views::login(
                lang,
                &form,
                Some(t_args(
                    lang,
                    "login-throttled",
                    &[("minutes", minutes.into())],
                )),
            ),
        )),
    }
}

#[post("/logout")]
async fn logout(access: SignedIn, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let session = access.session_id.clone();
    blocking(&state, move |c| super::end_session(c, &session)).await?;
    let mut response = see_other("/login");
    let _ = response.add_cookie(&access::expired_session_cookie(state.https()));
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
struct AccountQuery {
    #[serde(default)]
    language: String,
}

#[get("")]
async fn account_page(access: SignedIn, query: web::Query<AccountQuery>) -> HttpResponse {
    let mut page = views::account(&access, &FieldErrors::default(), false);
    if query.language == "saved" {
        page = views::account_language_saved(&access);
    }
    html_response(StatusCode::OK, page)
}

#[derive(Debug, Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
}

#[post("/password")]
async fn change_password(
    access: SignedIn,
    state: web::Data<AppState>,
    form: web::Form<ChangePasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let new = match Password::parse(&form.new) {
        Ok(p) => p,
        Err(e) => {
            errors.add("new", password_message(access.lang, e));
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::account(&access, &errors, false),
            ));
        }
    };
    let (coordinator, keep) = (access.coordinator.clone(), access.session_id.clone());
    let outcome = blocking_outcome(&state, move |c| {
        super::change_password(c, &coordinator, &form.current, &new, &keep)
    })
    .await?;
    match outcome {
        Ok(()) => Ok(html_response(
            StatusCode::OK,
            views::account(&access, &errors, true),
        )),
        Err(ChangePasswordError::WrongCurrent) => {
            errors.add("current", t(access.lang, "account-error-wrong-current"));
            Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::account(&access, &errors, false),
            ))
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// Stores the language of the coordinator's pages: English, Spanish, or
/// empty to follow the browser.
#[post("/language")]
async fn change_language(
    access: SignedIn,
    state: web::Data<AppState>,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, WebError> {
    let chosen = form.into_inner().language;
    let language = match chosen.as_str() {
        "" => None,
        code => Some(
            Lang::parse(code)
                .ok_or_else(|| WebError::BadRequest(t(access.lang, "account-error-language")))?,
        ),
    };
    let id = access.coordinator.id.clone();
    blocking(&state, move |c| super::set_language(c, &id, language)).await?;
    Ok(see_other("/account?language=saved"))
}

#[get("/password/forgot")]
async fn forgot_page(req: HttpRequest) -> HttpResponse {
    html_response(StatusCode::OK, views::forgot(request_lang(&req), false))
}

#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// When "forgot password" answers, counted from the request: far above the
/// few milliseconds either path takes, so both answer at this time.
const FORGOT_ANSWER_TIME: std::time::Duration = std::time::Duration::from_millis(300);

#[post("/password/forgot")]
async fn forgot_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ForgotForm>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    if !state.allow_resend(&req).await? {
        return Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            views::forgot_limited(lang),
        ));
    }
    // Known and unknown addresses take different work; the answer leaves at
    // the same moment either way, so its timing tells nothing.
    let answer_at = actix_web::rt::time::Instant::now() + FORGOT_ANSWER_TIME;
    let context = state.mail.clone();
    let email = form.into_inner().email;
    blocking_outcome(&state, move |c| {
        super::request_password_reset(c, &context, &email, lang)
    })
    .await?
    .map_err(WebError::unexpected)?;
    actix_web::rt::time::sleep_until(answer_at).await;
    Ok(html_response(StatusCode::OK, views::forgot(lang, true)))
}

#[get("/password/reset/{token}")]
async fn reset_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    let token = token.into_inner();
    let valid = {
        let token = token.clone();
        blocking(&state, move |c| super::password_link_is_valid(c, &token)).await?
    };
    if !valid {
        return Ok(html_response(
            StatusCode::NOT_FOUND,
            views::reset_invalid(lang),
        ));
    }
    Ok(html_response(
        StatusCode::OK,
        views::reset_form(lang, &token, &FieldErrors::default()),
    ))
}

#[derive(Debug, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
}

#[post("/password/reset/{token}")]
async fn reset_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ResetForm>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    let token = token.into_inner();
    let mut errors = FieldErrors::default();
    let password = match Password::parse(&form.password) {
        Ok(p) => p,
        Err(e) => {
            errors.add("password", password_message(lang, e));
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::reset_form(lang, &token, &errors),
            ));
        }
    };
    let outcome = blocking_outcome(&state, move |c| {
        let coordinator = super::reset_password(c, &token, &password)?;
        Ok::<_, AccountError>(super::start_session(c, &coordinator.id)?)
    })
    .await?;
    match outcome {
        Ok(session) => Ok(signed_in(&state, &session, "/c")),
        Err(AccountError::InvalidLink) => Ok(html_response(
            StatusCode::NOT_FOUND,
            views::reset_invalid(lang),
        )),
        Err(error) => Err(WebError::unexpected(error)),
    }
}
