//! The first start: the setup link makes the first coordinator, owner of
//! a first coalition; and `undersigned user add`, which makes an account a
//! member of a coalition from the command line.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use maud::{Markup, html};
use serde::Deserialize;

use super::{CoalitionError, NewCoalition, Role};
use crate::accounts::{self, AccountError, Email, NewAccount, Password};
use crate::db::DbConn;
use crate::i18n::{Lang, local_time, t, t_markup};
use crate::identity::Coordinator;
use crate::web::AppState;
use crate::web::assets::ZONE_SCRIPT_PATH;
use crate::web::error::WebError;
use crate::web::forms::{self, FieldErrors, Input, error_summary};
use crate::web::layout::{headed_in, html_response};
use crate::web::{blocking, blocking_outcome, request_lang};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(setup_page).service(setup_submit);
}

/// Creates the first coordinator, owner of a first coalition, and uses the
/// setup token, all at once or not at all.
pub fn complete_setup(
    conn: &mut DbConn,
    raw_token: &str,
    account: &NewAccount,
    coalition: &NewCoalition,
) -> Result<Coordinator, AccountError> {
    crate::db::transaction(conn, |conn| {
        let coordinator = accounts::create_first(conn, raw_token, account)?;
        let coalition = super::create(conn, coalition, &coordinator).map_err(|e| match e {
            CoalitionError::Database(e) => AccountError::Database(e),
            _ => AccountError::CoalitionTaken,
        })?;
        tracing::info!(coalition = coalition.slug, "first coordinator created");
        Ok(coordinator)
    })
}

/// Creates an account (or finds it) and makes it a member of `coalition`.
/// Used by `undersigned user add`. Returns the account and whether it is new.
pub fn add_user(
    conn: &mut DbConn,
    name: &str,
    email: &Email,
    password: Option<&Password>,
    coalition_name: &str,
    role: Role,
) -> Result<(Coordinator, bool), AccountError> {
    crate::db::transaction(conn, |conn| {
        let (coordinator, created) = accounts::find_or_create(conn, name, email, password)?;
        super::ensure_member(conn, coalition_name, &coordinator, role).map_err(|e| match e {
            CoalitionError::Database(e) => AccountError::Database(e),
            _ => AccountError::CoalitionTaken,
        })?;
        Ok((coordinator, created))
    })
}

/// The setup link: a GET only looks; it never uses the token.
#[get("/setup/{token}")]
async fn setup_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    let token = token.into_inner();
    let valid = {
        let token = token.clone();
        blocking(&state, move |c| accounts::setup_token_is_valid(c, &token)).await?
    };
    if !valid {
        return Ok(html_response(StatusCode::NOT_FOUND, setup_invalid(lang)));
    }
    Ok(html_response(
        StatusCode::OK,
        setup_form(lang, &token, &SetupForm::default(), &FieldErrors::default()),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub coalition: String,
    #[serde(default)]
    pub time_zone: String,
}

#[post("/setup/{token}")]
async fn setup_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<SetupForm>,
) -> Result<HttpResponse, WebError> {
    let lang = request_lang(&req);
    let token = token.into_inner();
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let account =
        accounts::routes::parse_account(lang, &form.name, &form.email, &form.password, &mut errors);
    let coalition = NewCoalition::parse(&form.coalition)
        .map_err(|_| errors.add("coalition", t(lang, "setup-error-coalition")))
        .ok();
    let zone = local_time::zone_or(&form.time_zone, chrono_tz::Tz::UTC)
        .map_err(|e| errors.add("time_zone", t(lang, e.message_id())))
        .ok();
    let (Some(account), Some(coalition), Some(zone)) = (account, coalition, zone) else {
        return Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            setup_form(lang, &token, &form, &errors),
        ));
    };
    let coalition = coalition.with_locale(lang, zone);
    let outcome = blocking_outcome(&state, move |c| {
        let coordinator = complete_setup(c, &token, &account, &coalition)?;
        let session = accounts::start_session(c, &coordinator.id)?;
        Ok::<_, AccountError>((session, coalition.slug))
    })
    .await?;
    match outcome {
        Ok((session, slug)) => Ok(accounts::routes::signed_in(
            &state,
            &session,
            &format!("/c/{slug}"),
        )),
        Err(AccountError::InvalidLink) => {
            Ok(html_response(StatusCode::NOT_FOUND, setup_invalid(lang)))
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}

pub fn setup_form(lang: Lang, token: &str, form: &SetupForm, errors: &FieldErrors) -> Markup {
    headed_in(
        lang,
        &t(lang, "setup-title"),
        &t(lang, "setup-title"),
        html! {
            p { (t(lang, "setup-intro")) }
            (error_summary(lang, errors))
            form method="post" action={ "/setup/" (token) } {
                (forms::input("name", &t(lang, "account-your-name"), &form.name, errors, Input { autocomplete: Some("name"), ..Input::TEXT }))
                (forms::input("email", &t(lang, "account-your-email"), &form.email, errors, Input::EMAIL))
                (forms::input("password", &t(lang, "account-password"), "", errors, forms::new_password(&t(lang, "account-password-hint"))))
                (forms::input("coalition", &t(lang, "setup-coalition"), &form.coalition, errors,
                    Input { hint: Some(&t(lang, "setup-coalition-hint")), ..Input::TEXT }))
                (forms::zone_field("time_zone", &t(lang, "coalition-zone"), &form.time_zone, errors, &t(lang, "coalition-zone-new-hint"), true))
                button type="submit" { (t(lang, "setup-submit")) }
            }
            script src=(*ZONE_SCRIPT_PATH) defer {}
        },
    )
}

pub fn setup_invalid(lang: Lang) -> Markup {
    headed_in(
        lang,
        &t(lang, "setup-invalid-title"),
        &t(lang, "setup-invalid-heading"),
        html! {
            p { (t_markup(lang, "setup-invalid-body", &[], &[("log-in", html! { a href="/login" { (t(lang, "setup-invalid-log-in")) } })])) }
        },
    )
}
