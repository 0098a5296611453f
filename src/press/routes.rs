//! The coordinator's press handlers: releases (this file) and mailings
//! ([`super::mailings::routes`]).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use super::mailings::{self, Ctx};
use super::render::Rendering;
use super::{DraftError, DraftForm, DraftProblem, Release, views};
use crate::i18n::{Lang, t, t_args};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::{ReleaseNumberPath, ReleasePath};
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(index)
        .service(new_form)
        .service(create)
        .service(overview)
        .service(edit_form)
        .service(edit)
        .service(revision_page)
        .service(mail_preview)
        .service(mail_html)
        .service(test_send)
        .service(publish);
    super::send_routes::configure_coalition(cfg);
    super::mailings::routes::configure_coalition(cfg);
}

pub(super) fn ctx(state: &AppState) -> Ctx<'_> {
    Ctx {
        mail: &state.mail,
        secret: &state.secret,
    }
}

/// The release of this coalition named in the path.
pub(super) async fn load(
    state: &AppState,
    access: &Access,
    id: String,
) -> Result<Release, WebError> {
    let coalition = access.member()?.coalition.id.clone();
    blocking(state, move |c| super::find_in(c, &coalition, &id))
        .await?
        .ok_or(WebError::NotFound)
}

pub(super) async fn rendering(
    state: &AppState,
    release: Release,
    number: Option<i32>,
) -> Result<Rendering, WebError> {
    let base_url = state.base_url.clone();
    blocking(state, move |c| {
        let revision = match number {
            Some(n) => super::revision(c, &release, n)?,
            None => super::current(c, &release)?,
        };
        Rendering::load(c, &base_url, &release, &revision)
    })
    .await
}

/// The coalition's statements as (id, title), for the form's choices.
pub(super) async fn statements(
    state: &AppState,
    access: &Access,
) -> Result<Vec<(String, String)>, WebError> {
    let coalition = access.member()?.coalition.id.clone();
    blocking(state, move |c| {
        crate::statements::list_for(c, &coalition)
            .map(|list| list.into_iter().map(|(s, title)| (s.id, title)).collect())
    })
    .await
}

pub(super) fn draft_errors(lang: Lang, errors: &[DraftError]) -> FieldErrors {
    let mut fields = FieldErrors::default();
    for error in errors {
        let message = match &error.problem {
            DraftProblem::Text(e) => crate::statements::text_error(lang, e),
            DraftProblem::Required => t(lang, "press-required"),
            DraftProblem::ContactLine(line) => {
                t_args(lang, "press-contacts-bad-line", &[("line", (*line).into())])
            }
            DraftProblem::Embargo(e) => t(lang, e.message_id()),
            DraftProblem::UnknownStatement => t(lang, "press-unknown-statement"),
            DraftProblem::UnknownLanguage => t(lang, "press-unknown-language"),
            DraftProblem::ReplyTo => t(lang, "face-reply-to-error"),
        };
        fields.add(error.field, message);
    }
    fields
}

/// The release form, empty, filled or with its errors.
async fn show_form(
    state: &AppState,
    access: &Access,
    action: &str,
    form: &DraftForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let statements = statements(state, access).await?;
    Ok(html_response(
        status,
        views::form(access, action, form, &statements, errors),
    ))
}

/// The draft in a posted form, or the form shown again with each error
/// beside its field.
async fn draft_or_form(
    state: &AppState,
    access: &Access,
    action: &str,
    form: &DraftForm,
) -> Result<Result<super::Draft, HttpResponse>, WebError> {
    let ids: Vec<String> = statements(state, access)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    match form.parse(&ids) {
        Ok(draft) => Ok(Ok(draft)),
        Err(errors) => {
            let errors = draft_errors(access.lang, &errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(Err(
                show_form(state, access, action, form, &errors, status).await?
            ))
        }
    }
}

#[get("/press")]
async fn index(access: Viewer, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let coalition = access.member()?.coalition.id.clone();
    let (releases, mailings, names) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::list(c, &coalition)?,
            mailings::of_coalition(c, &coalition)?,
            mailings::audience_names(c, &coalition)?,
        ))
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::index(&access, &releases, &mailings, &names),
    ))
}

#[get("/press/new")]
async fn new_form(access: Viewer, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let coalition = access.member()?.coalition.clone();
    let (coalition_zone, release_language) = (coalition.zone(), coalition.lang());
    let about = blocking(&state, move |c| {
        crate::coalitions::about_of(c, &coalition.id)
    })
    .await?;
    let form = DraftForm {
        about,
        embargo_zone: coalition_zone.name().to_owned(),
        language: release_language.code().to_owned(),
        ..DraftForm::default()
    };
    let action = format!("{}/new", views::base(&access));
    let errors = FieldErrors::default();
    show_form(&state, &access, &action, &form, &errors, StatusCode::OK).await
}

#[post("/press/new")]
async fn create(
    access: Editor,
    state: web::Data<AppState>,
    form: web::Form<DraftForm>,
) -> Result<HttpResponse, WebError> {
    let action = format!("{}/new", views::base(&access));
    let draft = match draft_or_form(&state, &access, &action, &form).await? {
        Ok(draft) => draft,
        Err(page) => return Ok(page),
    };
    let (coalition, actor, save) = (
        access.member()?.coalition.id.clone(),
        access.coordinator.clone(),
        form.save_about.is_some(),
    );
    let release = blocking(&state, move |c| {
        super::create(c, &coalition, &actor, &draft, save)
    })
    .await?;
    Ok(see_other(&format!(
        "{}/{}",
        views::base(&access),
        release.id
    )))
}

#[derive(Debug, serde::Deserialize)]
struct Notice {
    #[serde(default)]
    notice: Option<String>,
}

fn notice_text(lang: Lang, key: Option<&str>) -> Option<String> {
    match key? {
        "tested" => Some(t(lang, "press-test-sent")),
        "saved" => Some(t(lang, "press-saved")),
        "published" => Some(t(lang, "press-published")),
        _ => None,
    }
}

#[get("/press/{release}")]
async fn overview(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
    query: web::Query<Notice>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let target = release.clone();
    let (revisions, mailings, names) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::revisions(c, &target)?,
            mailings::of_release(c, &target)?,
            mailings::audience_names(c, &target.coalition_id)?,
        ))
    })
    .await?;
    let rendering = rendering(&state, release, None).await?;
    let notice = notice_text(access.lang, query.notice.as_deref());
    Ok(html_response(
        StatusCode::OK,
        views::overview(
            &access,
            &rendering,
            &revisions,
            &mailings,
            &names,
            notice.as_deref(),
        ),
    ))
}

#[get("/press/{release}/edit")]
async fn edit_form(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let rendering = rendering(&state, release, None).await?;
    let form = DraftForm::from_stored(&rendering.release, &rendering.revision, access.zone());
    let action = format!("{}/{}/edit", views::base(&access), rendering.release.id);
    let errors = FieldErrors::default();
    show_form(&state, &access, &action, &form, &errors, StatusCode::OK).await
}

#[post("/press/{release}/edit")]
async fn edit(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
    form: web::Form<DraftForm>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let action = format!("{}/{}/edit", views::base(&access), release.id);
    let draft = match draft_or_form(&state, &access, &action, &form).await? {
        Ok(draft) => draft,
        Err(page) => return Ok(page),
    };
    let (actor, save, id) = (
        access.coordinator.clone(),
        form.save_about.is_some(),
        release.id.clone(),
    );
    blocking(&state, move |c| {
        super::revise(c, &release, &actor, &draft, save)
    })
    .await?;
    Ok(see_other(&format!(
        "{}/{id}?notice=saved",
        views::base(&access)
    )))
}

#[get("/press/{release}/revisions/{number}")]
async fn revision_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleaseNumberPath>,
) -> Result<HttpResponse, WebError> {
    let ReleaseNumberPath {
        release: id,
        number,
    } = path.into_inner();
    let release = load(&state, &access, id).await?;
    let earlier = release.clone();
    let previous = blocking(&state, move |c| match number {
        n if n > 1 => super::revision(c, &earlier, n - 1).map(Some),
        _ => Ok(None),
    })
    .await?;
    let rendering = rendering(&state, release, Some(number)).await?;
    // The word diff may take up to its timeout: off the request threads.
    let page = web::block(move || views::revision(&access, &rendering, previous.as_ref())).await?;
    Ok(html_response(StatusCode::OK, page))
}

async fn preview_mail(
    state: &AppState,
    access: &Access,
    id: String,
) -> Result<(Release, crate::mail::Rendered), WebError> {
    let release = load(state, access, id).await?;
    let rendering = rendering(state, release.clone(), None).await?;
    let name = access.coordinator.name.clone();
    let mail = rendering
        .mail(
            Some(&name),
            Some(&format!("{}/u/…", state.base_url)),
            crate::db::now(),
            false,
        )
        .map_err(WebError::unexpected)?;
    Ok((release, mail))
}

#[get("/press/{release}/mail")]
async fn mail_preview(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
) -> Result<HttpResponse, WebError> {
    let (release, mail) = preview_mail(&state, &access, path.into_inner().release).await?;
    Ok(html_response(
        StatusCode::OK,
        views::mail_preview(&access, &release, &mail),
    ))
}

/// The HTML part alone, shown in a sandboxed frame: no script, no form, no
/// same-origin access, whatever the mail contains.
#[get("/press/{release}/mail.html")]
async fn mail_html(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
) -> Result<HttpResponse, WebError> {
    let (_, mail) = preview_mail(&state, &access, path.into_inner().release).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Security-Policy", "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'"))
        .insert_header(("X-Frame-Options", "SAMEORIGIN"))
        .body(views::mail_html(&mail).into_string()))
}

#[post("/press/{release}/test")]
async fn test_send(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let (actor, st, id) = (
        access.coordinator.clone(),
        state.clone(),
        release.id.clone(),
    );
    blocking_outcome(&state, move |c| {
        let revision = super::current(c, &release)?;
        super::test_release(c, ctx(&st), &release, &revision, &actor)
    })
    .await?
    .map_err(WebError::unexpected)?;
    Ok(see_other(&format!(
        "{}/{id}?notice=tested",
        views::base(&access)
    )))
}

#[post("/press/{release}/publish")]
async fn publish(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let (actor, id) = (access.coordinator.clone(), release.id.clone());
    blocking(&state, move |c| super::publish(c, &release, &actor)).await?;
    Ok(see_other(&format!(
        "{}/{id}?notice=published",
        views::base(&access)
    )))
}
