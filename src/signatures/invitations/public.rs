//! `/i/{id}/{token}`: the personal sign-on link of an invitation. The GET
//! shows the pre-filled form; signing, declining and reporting that the
//! form was opened are POSTs.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use super::Invitation;
use crate::i18n::t;
use crate::signatures::Kind;
use crate::signatures::form::SignForm;
use crate::signatures::public::{Signable, ctx, signable};
use crate::signatures::public_views as views;
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::html_response;
use crate::web::paths::LinkPath;
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(page)
        .service(sign)
        .service(decline)
        .service(opened);
}

async fn load(
    state: &AppState,
    id: String,
    token: String,
) -> Result<Option<(Invitation, Signable)>, WebError> {
    let secret = state.secret.clone();
    blocking(state, move |c| -> Result<_, WebError> {
        let Some(invitation) = super::find_by_link(c, &secret, &id, &token)? else {
            return Ok(None);
        };
        let statement =
            crate::statements::find_any(c, &invitation.statement_id)?.ok_or(WebError::NotFound)?;
        Ok(Some((invitation, signable(c, statement, None)?)))
    })
    .await
}

fn prefilled(invitation: &Invitation, target: &Signable) -> SignForm {
    SignForm {
        kind: Kind::Organization.as_str().into(),
        organization: invitation.organization.clone(),
        country: invitation.country.clone().unwrap_or_default(),
        signer_name: invitation.contact_name.clone().unwrap_or_default(),
        email: invitation.email.clone(),
        lang: target.version.language.clone(),
        ..SignForm::default()
    }
}

fn action(invitation: &Invitation, token: &str) -> String {
    format!("/i/{}/{token}", invitation.id)
}

#[get("/i/{id}/{token}")]
async fn page(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((invitation, target)) = load(&state, id, token.clone()).await? else {
        return Ok(views::unknown_link_response());
    };
    let lang = target.lang();
    if invitation.status == super::State::Signed {
        return Ok(html_response(
            StatusCode::OK,
            views::message(&target, &target.version.title, &t(lang, "invited-signed")),
        ));
    }
    let form = prefilled(&invitation, &target);
    Ok(html_response(
        StatusCode::OK,
        views::invited_form(
            &target,
            &action(&invitation, &token),
            &form,
            &FieldErrors::default(),
        ),
    ))
}

#[post("/i/{id}/{token}")]
async fn sign(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
    form: web::Form<SignForm>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((invitation, target)) = load(&state, id, token.clone()).await? else {
        return Ok(views::unknown_link_response());
    };
    let lang = target.lang();
    let form = form.into_inner();
    if target.statement.status_at(crate::db::now()) != crate::statements::Status::Open {
        return Ok(html_response(StatusCode::GONE, views::closed(&target)));
    }
    let sign_on = match form.parse(lang, Kind::Organization, &target.version.language) {
        Ok(s) => s,
        Err(errors) => {
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::invited_form(&target, &action(&invitation, &token), &form, &errors),
            ));
        }
    };
    let (statement, revision, st) = (
        target.statement.clone(),
        target.revision.clone(),
        state.clone(),
    );
    let listed = blocking_outcome(&state, move |c| {
        super::sign(c, &ctx(&st), &statement, &revision, &invitation, &sign_on)
    })
    .await?
    .map_err(WebError::unexpected)?;
    let body = if listed {
        t(lang, "invited-signed")
    } else {
        t(lang, "sign-sent-body")
    };
    Ok(html_response(
        StatusCode::OK,
        views::message(&target, &target.version.title, &body),
    ))
}

#[post("/i/{id}/{token}/decline")]
async fn decline(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((invitation, target)) = load(&state, id, token).await? else {
        return Ok(views::unknown_link_response());
    };
    blocking(&state, move |c| super::decline(c, &invitation)).await?;
    let lang = target.lang();
    Ok(html_response(
        StatusCode::OK,
        views::message(&target, &target.version.title, &t(lang, "invited-declined")),
    ))
}

#[post("/i/{id}/{token}/opened")]
async fn opened(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let Some((invitation, _)) = load(&state, id, token).await? else {
        return Err(WebError::NotFound);
    };
    blocking(&state, move |c| super::mark_opened(c, &invitation)).await?;
    Ok(HttpResponse::NoContent().finish())
}
