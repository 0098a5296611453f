//! Public routes of signing: the form, the confirmation link, the manage
//! link, the email-change link and the re-consent link. Every GET only
//! shows; every change is a POST of a button.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;

use super::form::SignForm;
use super::signing::{self, Ctx, LinkState, SigningError};
use super::{Kind, Signature, Status, public_views as views};
use crate::i18n::{Lang, t};
use crate::monitoring;
use crate::statements::{self, Revision, Statement, Version};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::LinkPath;
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(sign_page)
        .service(sign_submit)
        .service(sign_sent)
        .service(resend)
        .service(confirm_page)
        .service(confirm_submit)
        .service(manage_page)
        .service(manage_save)
        .service(withdraw)
        .service(email_page)
        .service(email_submit)
        .service(reconsent_page)
        .service(reconsent_answer);
}

pub fn ctx(state: &AppState) -> Ctx<'_> {
    Ctx {
        mail: &state.mail,
        secret: &state.secret,
        confirm_days: state.settings.confirm_link_days.max(1),
        mails_per_day: state.settings.mails_per_address_per_day.max(1),
    }
}

/// A statement open for signatures, in the language asked for.
pub struct Signable {
    pub statement: Statement,
    pub version: Version,
    pub revision: Revision,
}

impl Signable {
    pub fn lang(&self) -> Lang {
        Lang::for_content(&self.version.language)
    }

    pub fn default_kind(&self) -> Kind {
        if self.statement.signers().takes_organizations() {
            Kind::Organization
        } else {
            Kind::Individual
        }
    }

    pub fn allows(&self, kind: Kind) -> bool {
        match kind {
            Kind::Organization => self.statement.signers().takes_organizations(),
            Kind::Individual => self.statement.signers().takes_individuals(),
        }
    }
}

pub fn signable(
    conn: &mut crate::db::DbConn,
    statement: Statement,
    language: Option<&str>,
) -> Result<Signable, WebError> {
    let language = language
        .filter(|l| !l.is_empty())
        .unwrap_or(&statement.language)
        .to_owned();
    let version =
        statements::version_or_main(conn, &statement, &language)?.ok_or(WebError::NotFound)?;
    let revision = statements::current_revision(conn, &version)?;
    Ok(Signable {
        statement,
        version,
        revision,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
}

async fn load_public(
    state: &AppState,
    slug: String,
    lang: Option<String>,
) -> Result<Signable, WebError> {
    blocking(state, move |c| {
        let statement = statements::find_by_slug(c, &slug)?
            .filter(|s| s.is_public(crate::db::now()))
            .ok_or(WebError::NotFound)?;
        signable(c, statement, lang.as_deref())
    })
    .await
}

fn is_open(statement: &Statement) -> bool {
    statement.status_at(crate::db::now()) == statements::Status::Open
}

#[get("/s/{slug}/sign")]
async fn sign_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, WebError> {
    let query = query.into_inner();
    let target = load_public(&state, slug.into_inner(), query.lang).await?;
    if !is_open(&target.statement) {
        return Ok(html_response(StatusCode::GONE, views::closed(&target)));
    }
    let asked = SignForm {
        kind: query.kind.unwrap_or_default(),
        ..SignForm::default()
    }
    .kind(target.default_kind());
    let kind = if target.allows(asked) {
        asked
    } else {
        target.default_kind()
    };
    let form = SignForm {
        kind: kind.as_str().into(),
        ..SignForm::default()
    };
    Ok(html_response(
        StatusCode::OK,
        views::sign_form(&target, &form, &FieldErrors::default(), None),
    ))
}

#[post("/s/{slug}/sign")]
async fn sign_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<SignForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let target = load_public(&state, slug.into_inner(), Some(form.lang.clone())).await?;
    let lang = target.lang();
    let sent = format!(
        "/s/{}/sign/sent?lang={}",
        target.statement.slug, target.version.language
    );
    if !is_open(&target.statement) {
        return Ok(html_response(StatusCode::GONE, views::closed(&target)));
    }
    if !form.homepage.is_empty() {
        monitoring::sign_on(monitoring::SignOn::Spam);
        return Ok(see_other(&sent));
    }
    let kind = form.kind(target.default_kind());
    if !target.allows(kind) {
        return Err(WebError::BadRequest(
            "This statement does not take this kind of signature.".into(),
        ));
    }
    let sign_on = match form.parse(lang, kind, &target.version.language) {
        Ok(s) => s,
        Err(errors) => {
            monitoring::sign_on(monitoring::SignOn::Invalid);
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::sign_form(&target, &form, &errors, None),
            ));
        }
    };
    if !state
        .limits
        .allow_signon(&state.client_ip(&req), &sign_on.email)
        .await
        .map_err(WebError::unexpected)?
    {
        monitoring::sign_on(monitoring::SignOn::RateLimited);
        return Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            views::sign_form(
                &target,
                &form,
                &FieldErrors::default(),
                Some(t(lang, "error-rate-limited")),
            ),
        ));
    }
    let prepared = signing::Prepared::new(
        &ctx(&state),
        &target.statement,
        &target.version.title,
        &target.revision,
        sign_on,
    )
    .map_err(WebError::unexpected)?;
    let statement = target.statement.clone();
    let st = state.clone();
    let outcome = state
        .writes
        .run(move |c| signing::submit_prepared(c, &ctx(&st), &statement, &prepared))
        .await
        .map_err(WebError::unexpected)?;
    match outcome {
        Ok(submitted) => {
            monitoring::sign_on(match submitted {
                signing::Submitted::ConfirmationSent => monitoring::SignOn::ConfirmationSent,
                signing::Submitted::ManageLinkSent => monitoring::SignOn::ManageLinkSent,
                signing::Submitted::Listed(_) => monitoring::SignOn::Listed,
                signing::Submitted::Quietly => monitoring::SignOn::Quietly,
            });
            Ok(see_other(&sent))
        }
        Err(SigningError::MailCap) => {
            monitoring::sign_on(monitoring::SignOn::MailCap);
            Ok(html_response(
                StatusCode::TOO_MANY_REQUESTS,
                views::sign_form(
                    &target,
                    &form,
                    &FieldErrors::default(),
                    Some(t(lang, "error-mail-cap")),
                ),
            ))
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[get("/s/{slug}/sign/sent")]
async fn sign_sent(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, WebError> {
    let target = load_public(&state, slug.into_inner(), query.into_inner().lang).await?;
    Ok(html_response(StatusCode::OK, views::sent(&target)))
}

#[derive(Debug, Deserialize)]
pub struct ResendForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    lang: String,
}

#[post("/s/{slug}/resend")]
async fn resend(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<ResendForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let slug = slug.into_inner();
    let target = blocking(&state, move |c| {
        let statement = statements::find_by_slug(c, &slug)?.ok_or(WebError::NotFound)?;
        signable(c, statement, Some(&form.lang))
    })
    .await?;
    let lang = target.lang();
    if !state.allow_resend(&req).await? {
        return Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            views::message(
                &target,
                &t(lang, "confirm-fresh-intro"),
                &t(lang, "error-rate-limited"),
            ),
        ));
    }
    let statement = target.statement.clone();
    let email = form.email.clone();
    let st = state.clone();
    let outcome = blocking_outcome(&state, move |c| {
        signing::resend(c, &ctx(&st), &statement, &email)
    })
    .await?;
    match outcome {
        Ok(()) => Ok(html_response(
            StatusCode::OK,
            views::message(
                &target,
                &t(lang, "sign-sent-heading"),
                &t(lang, "resend-done"),
            ),
        )),
        Err(SigningError::MailCap) => Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            views::message(
                &target,
                &t(lang, "confirm-fresh-intro"),
                &t(lang, "error-mail-cap"),
            ),
        )),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

/// The statement a signature belongs to, ready to show in its language.
async fn target_of(state: &AppState, signature: &Signature) -> Result<Signable, WebError> {
    let (id, language) = (signature.statement_id.clone(), signature.language.clone());
    blocking(state, move |c| {
        let statement = statements::find_any(c, &id)?.ok_or(WebError::NotFound)?;
        signable(c, statement, Some(&language))
    })
    .await
}

async fn render_link_state(
    state: &AppState,
    token: &str,
    link: LinkState,
    after_post: bool,
) -> Result<HttpResponse, WebError> {
    match link {
        LinkState::Valid(signature) => {
            let target = target_of(state, &signature).await?;
            if after_post {
                let manage = signing::manage_url(&ctx(state), &signature);
                Ok(html_response(
                    StatusCode::OK,
                    views::confirmed(&target, &signature, &manage),
                ))
            } else {
                Ok(html_response(
                    StatusCode::OK,
                    views::confirm_form(&target, &signature, token),
                ))
            }
        }
        LinkState::AlreadyConfirmed(signature) => {
            let target = target_of(state, &signature).await?;
            let manage = signing::manage_url(&ctx(state), &signature);
            Ok(html_response(
                StatusCode::OK,
                views::already_confirmed(&target, &signature, &manage),
            ))
        }
        LinkState::Expired(signature) => {
            let target = target_of(state, &signature).await?;
            Ok(html_response(StatusCode::GONE, views::expired(&target)))
        }
        LinkState::Unknown => Ok(views::unknown_link_response()),
    }
}

#[get("/confirm/{token}")]
async fn confirm_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = token.into_inner();
    let raw = token.clone();
    let link = blocking(&state, move |c| signing::confirmation_state(c, &raw)).await?;
    render_link_state(&state, &token, link, false).await
}

#[post("/confirm/{token}")]
async fn confirm_submit(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = token.into_inner();
    let raw = token.clone();
    let st = state.clone();
    let link = blocking_outcome(&state, move |c| signing::confirm(c, &ctx(&st), &raw))
        .await?
        .map_err(WebError::unexpected)?;
    render_link_state(&state, &token, link, true).await
}

/// The signature behind a manage link, if the link is right.
async fn managed(state: &AppState, id: String, token: String) -> Result<Signature, WebError> {
    let secret = state.secret.clone();
    blocking(state, move |c| {
        super::find(c, &id)?
            .filter(|s| signing::manage_token_matches(&secret, s, &token))
            .filter(|s| s.status != Status::Withdrawn && s.status != Status::Merged)
            .ok_or(WebError::NotFound)
    })
    .await
}

/// Where the manage link of a signature merged into another leads: the
/// manage page of the signature it was merged into, when the merge moved
/// the signer's address there (the signer's own entry, kept under another
/// row).
async fn merged_home(
    state: &web::Data<AppState>,
    id: String,
    token: String,
) -> Result<Option<String>, WebError> {
    let st = state.clone();
    blocking(state, move |c| -> Result<_, WebError> {
        let Some(absorbed) = super::find(c, &id)?
            .filter(|s| s.status == Status::Merged)
            .filter(|s| signing::manage_token_matches(&st.secret, s, &token))
        else {
            return Ok(None);
        };
        let kept = match &absorbed.merged_into {
            Some(kept) => super::find(c, kept)?,
            None => None,
        };
        Ok(kept
            .filter(|k| !k.email.is_empty())
            .filter(|k| absorbed.email.is_empty() || k.email == absorbed.email)
            .filter(|k| k.status != Status::Withdrawn && k.status != Status::Merged)
            .map(|k| signing::manage_url(&ctx(&st), &k)))
    })
    .await
}

#[get("/m/{id}/{token}")]
async fn manage_page(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let signature = match managed(&state, id.clone(), token.clone()).await {
        Ok(s) => s,
        Err(WebError::NotFound) => {
            return Ok(match merged_home(&state, id, token).await? {
                Some(url) => see_other(&url),
                None => views::unknown_link_response(),
            });
        }
        Err(e) => return Err(e),
    };
    let target = target_of(&state, &signature).await?;
    let form = SignForm::from_signature(&signature);
    Ok(html_response(
        StatusCode::OK,
        views::manage(
            &target,
            &signature,
            &token,
            &form,
            &FieldErrors::default(),
            None,
        ),
    ))
}

#[post("/m/{id}/{token}")]
async fn manage_save(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
    form: web::Form<SignForm>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let signature = managed(&state, id, token.clone()).await?;
    let target = target_of(&state, &signature).await?;
    let lang = target.lang();
    let form = form.into_inner();
    let kind = if signature.kind == Kind::Individual {
        Kind::Individual
    } else {
        Kind::Organization
    };
    let sign_on = match form.parse(lang, kind, &signature.language) {
        Ok(s) => s,
        Err(errors) => {
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::manage(&target, &signature, &token, &form, &errors, None),
            ));
        }
    };
    let (statement, current) = (target.statement.clone(), signature.clone());
    let st = state.clone();
    let outcome = blocking_outcome(&state, move |c| {
        signing::correct(c, &ctx(&st), &statement, &current, &sign_on)
    })
    .await?;
    let notice = match outcome {
        Ok(true) => t(lang, "manage-email-pending"),
        Ok(false) => t(lang, "manage-saved"),
        Err(SigningError::EmailTaken) => {
            let mut errors = FieldErrors::default();
            errors.add("email", t(lang, "error-email-taken"));
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::manage(&target, &signature, &token, &form, &errors, None),
            ));
        }
        Err(SigningError::MailCap) => t(lang, "error-mail-cap"),
        Err(error) => return Err(WebError::unexpected(error)),
    };
    let signature = managed(&state, signature.id.clone(), token.clone()).await?;
    let form = SignForm::from_signature(&signature);
    Ok(html_response(
        StatusCode::OK,
        views::manage(
            &target,
            &signature,
            &token,
            &form,
            &FieldErrors::default(),
            Some(notice),
        ),
    ))
}

#[post("/m/{id}/{token}/withdraw")]
async fn withdraw(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let signature = managed(&state, id, token).await?;
    let target = target_of(&state, &signature).await?;
    let current = signature.clone();
    blocking(&state, move |c| signing::withdraw(c, &current)).await?;
    let lang = target.lang();
    Ok(html_response(
        StatusCode::OK,
        views::message(
            &target,
            &t(lang, "withdrawn-heading"),
            &t(lang, "withdrawn-body"),
        ),
    ))
}

#[get("/email/{token}")]
async fn email_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = token.into_inner();
    let raw = token.clone();
    let pending = blocking(&state, move |c| signing::email_change_pending(c, &raw)).await?;
    let Some(signature) = pending else {
        return Ok(views::unknown_link_response());
    };
    let target = target_of(&state, &signature).await?;
    Ok(html_response(
        StatusCode::OK,
        views::email_change(&target, &signature, &token),
    ))
}

#[post("/email/{token}")]
async fn email_submit(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let raw = token.into_inner();
    let outcome = blocking_outcome(&state, move |c| signing::confirm_email_change(c, &raw)).await?;
    match outcome {
        Ok(signature) => {
            let target = target_of(&state, &signature).await?;
            let manage = signing::manage_url(&ctx(&state), &signature);
            Ok(html_response(
                StatusCode::OK,
                views::already_confirmed_with(&target, &signature, &manage, "email-change-done"),
            ))
        }
        Err(SigningError::InvalidLink) => Ok(views::unknown_link_response()),
        Err(SigningError::EmailTaken) => Err(WebError::BadRequest(
            "Another signature of this statement uses this address.".into(),
        )),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

async fn reconsent_question(
    state: &AppState,
    id: String,
    token: String,
) -> Result<Option<(super::reconsent::Question, Signable)>, WebError> {
    let secret = state.secret.clone();
    blocking(state, move |c| -> Result<_, WebError> {
        let Some(question) = super::reconsent::question(c, &secret, &id, &token)? else {
            return Ok(None);
        };
        let statement =
            statements::find_any(c, &question.signature.statement_id)?.ok_or(WebError::NotFound)?;
        let language = question.signature.language.clone();
        Ok(Some((question, signable(c, statement, Some(&language))?)))
    })
    .await
}

#[get("/r/{id}/{token}")]
async fn reconsent_page(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((question, target)) = reconsent_question(&state, id, token.clone()).await? else {
        return Ok(views::unknown_link_response());
    };
    // The word diff may take up to its timeout: off the request threads.
    let page = web::block(move || views::reconsent(&target, &question, &token)).await?;
    Ok(html_response(StatusCode::OK, page))
}

#[derive(Debug, Deserialize)]
pub struct ReconsentForm {
    #[serde(default)]
    answer: String,
}

#[post("/r/{id}/{token}")]
async fn reconsent_answer(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
    form: web::Form<ReconsentForm>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((question, target)) = reconsent_question(&state, id, token).await? else {
        return Ok(views::unknown_link_response());
    };
    let lang = target.lang();
    let statement = target.statement.clone();
    match form.answer.as_str() {
        "confirm" => {
            blocking(&state, move |c| {
                super::reconsent::accept(c, &statement, &question)
            })
            .await?;
            Ok(html_response(
                StatusCode::OK,
                views::message(
                    &target,
                    &t(lang, "reconsent-heading"),
                    &t(lang, "reconsent-done"),
                ),
            ))
        }
        "withdraw" => {
            let signature = question.signature.clone();
            blocking(&state, move |c| signing::withdraw(c, &signature)).await?;
            Ok(html_response(
                StatusCode::OK,
                views::message(
                    &target,
                    &t(lang, "withdrawn-heading"),
                    &t(lang, "withdrawn-body"),
                ),
            ))
        }
        _ => Err(WebError::BadRequest(
            "Choose to confirm the new text or to withdraw.".into(),
        )),
    }
}
