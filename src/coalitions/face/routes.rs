//! The owner's settings of how the coalition appears (sender, reply
//! address, footer, website, logo), and the logo as public pages load it.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::{self as public_face, Face, FaceForm, FaceProblem, Logo, LogoProblem, MAX_LOGO_BYTES};
use crate::accounts::Coordinator;
use crate::coalitions::Coalition;
use crate::coalitions::routes::{SettingsForm, settings_response};
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args};
use crate::web::access::Access;
use crate::web::access::Owner;
use crate::web::error::WebError;
use crate::web::forms::{FieldErrors, text_error};
use crate::web::layout::see_other;
use crate::web::upload::{UploadProblem, file_field};
use crate::web::{AppState, blocking};

/// Routes under `/c/{coalition}`.
pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(face_save)
        .service(logo_upload)
        .service(logo_remove);
}

/// Public routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(public_logo);
}

fn face_errors(lang: Lang, problems: &[FaceProblem]) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for problem in problems {
        match problem {
            FaceProblem::Text(field, e) => errors.add(field, text_error(lang, e)),
            FaceProblem::ReplyTo => errors.add("reply_to", t(lang, "face-reply-to-error")),
            FaceProblem::Website => errors.add("website", t(lang, "face-website-error")),
        }
    }
    errors
}

/// The settings page again with what was typed and what is wrong.
async fn settings_again(
    state: &AppState,
    access: &Access,
    face: &FaceForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, WebError> {
    let locale = SettingsForm::of(&access.member()?.coalition);
    settings_response(
        state,
        access,
        StatusCode::UNPROCESSABLE_ENTITY,
        (&locale, face),
        errors,
        None,
    )
    .await
}

/// Runs `change` on the coalition as the signed-in owner, then leads back
/// to the settings saying what was `saved`.
async fn save(
    state: &AppState,
    access: &Access,
    saved: &str,
    change: impl FnOnce(&mut DbConn, &Coalition, &Coordinator) -> diesel::QueryResult<()>
    + Send
    + 'static,
) -> Result<HttpResponse, WebError> {
    let coalition = access.member()?.coalition.clone();
    let actor = access.coordinator.clone();
    let slug = coalition.slug.clone();
    blocking(state, move |c| change(c, &coalition, &actor)).await?;
    Ok(see_other(&format!("/c/{slug}/settings?saved={saved}")))
}

#[post("/settings/face")]
async fn face_save(
    access: Owner,
    state: web::Data<AppState>,
    form: web::Form<FaceForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let face = match Face::try_from(&form) {
        Ok(face) => face,
        Err(problems) => {
            let errors = face_errors(access.lang, &problems);
            return settings_again(&state, &access, &form, &errors).await;
        }
    };
    save(&state, &access, "face", move |c, coalition, actor| {
        public_face::set_face(c, coalition, actor, &face)
    })
    .await
}

#[post("/settings/logo")]
async fn logo_upload(
    access: Owner,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, WebError> {
    let lang = access.lang;
    let bytes = file_field(&req, payload, "logo", MAX_LOGO_BYTES).await;
    let parsed = match bytes {
        Ok(bytes) => Logo::parse(bytes),
        Err(UploadProblem::TooLarge) => Err(LogoProblem::TooLarge),
        Err(UploadProblem::Unreadable) => Err(LogoProblem::NotAPicture),
    };
    let logo = match parsed {
        Ok(logo) => logo,
        Err(problem) => {
            let mut errors = FieldErrors::default();
            let message = t_args(
                lang,
                problem.message_id(),
                &[("kb", ((MAX_LOGO_BYTES / 1024) as i64).into())],
            );
            errors.add("logo", message);
            let face = FaceForm::of(&access.member()?.coalition);
            return settings_again(&state, &access, &face, &errors).await;
        }
    };
    save(&state, &access, "logo", move |c, coalition, actor| {
        public_face::set_logo(c, coalition, actor, &logo)
    })
    .await
}

#[post("/settings/logo/remove")]
async fn logo_remove(access: Owner, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    save(&state, &access, "logo-removed", public_face::remove_logo).await
}

/// The logo, served with its type pinned and nothing else allowed: the
/// address carries the picture's digest, so it is cached for good.
#[get("/newsroom/{coalition}/logo")]
async fn public_logo(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let logo = blocking(&state, move |c| public_face::logo_of(c, &slug))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(logo.content_type)
        .insert_header((header::ETAG, format!("\"{}\"", logo.digest)))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "default-src 'none'"))
        .insert_header(("Cross-Origin-Resource-Policy", "same-site"))
        .body(logo.bytes))
}
