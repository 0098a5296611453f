//! The contact pages under `/c/{coalition}/contacts`: thin handlers that
//! parse, call the area's operations and render.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use super::fields::Problem;
use super::search::Filter;
use super::{ContactError, ContactForm, Draft, views};
use crate::audit::Actor;
use crate::i18n::{Lang, t};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::download::{self, SheetFormat};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::ContactPath;
use crate::web::{AppState, blocking, blocking_outcome};

/// The contact routes; the fixed paths come before `/contacts/{contact}`.
pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(list_page)
        .service(new_page)
        .service(create)
        .service(export_csv)
        .service(export_xlsx)
        .configure(super::import::routes::configure)
        .configure(super::lists::routes::configure)
        .service(edit_page)
        .service(save)
        .service(delete);
}

fn coalition_id(access: &Access) -> Result<String, WebError> {
    Ok(access.member()?.coalition.id.clone())
}

/// Each problem beside its field.
pub fn field_errors(lang: Lang, problems: &[Problem]) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for problem in problems {
        errors.add(problem.field().as_str(), problem.message(lang));
    }
    errors
}

#[get("/contacts")]
async fn list_page(
    access: Viewer,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, WebError> {
    let filter = filter.into_inner();
    let (id, query) = (coalition_id(&access)?, filter.clone());
    let (page, tags, lists) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::search(c, &id, &query)?,
            super::tags(c, &id)?,
            super::saved_lists(c, &id)?,
        ))
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::list(&access, &filter, &page, &tags, &lists, None),
    ))
}

#[get("/contacts/new")]
async fn new_page(access: Viewer) -> Result<HttpResponse, WebError> {
    let form = ContactForm::default();
    Ok(html_response(
        StatusCode::OK,
        views::form(&access, None, &form, &FieldErrors::default(), None, None),
    ))
}

fn invalid(
    access: &Access,
    listed: Option<&super::Listed>,
    form: &ContactForm,
    errors: &FieldErrors,
) -> HttpResponse {
    html_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::form(access, listed, form, errors, None, None),
    )
}

fn taken(lang: Lang) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("email", t(lang, "contacts-error-email-taken"));
    errors
}

#[post("/contacts/new")]
async fn create(
    access: Editor,
    state: web::Data<AppState>,
    form: web::Form<ContactForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let draft = match Draft::try_from(&form) {
        Ok(draft) => draft,
        Err(problems) => {
            return Ok(invalid(
                &access,
                None,
                &form,
                &field_errors(access.lang, &problems),
            ));
        }
    };
    let (id, actor) = (coalition_id(&access)?, access.coordinator.clone());
    let created = blocking_outcome(&state, move |c| {
        super::create(c, &id, &Actor::Coordinator(&actor), &draft)
    })
    .await?;
    match created {
        Ok(contact) => Ok(see_other(&format!(
            "{}/{contact}?saved=1",
            views::base(&access)
        ))),
        Err(ContactError::EmailTaken) => Ok(invalid(&access, None, &form, &taken(access.lang))),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[derive(Debug, serde::Deserialize)]
struct Saved {
    #[serde(default)]
    saved: Option<String>,
}

async fn load(
    state: &AppState,
    access: &Access,
    contact: String,
) -> Result<super::Listed, WebError> {
    let id = coalition_id(access)?;
    blocking(state, move |c| super::find(c, &id, &contact))
        .await?
        .ok_or(WebError::NotFound)
}

#[get("/contacts/{contact}")]
async fn edit_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ContactPath>,
    query: web::Query<Saved>,
) -> Result<HttpResponse, WebError> {
    let listed = load(&state, &access, path.into_inner().contact).await?;
    let (coalition, email) = (coalition_id(&access)?, listed.contact.email.clone());
    let history = blocking(&state, move |c| super::history(c, &coalition, &email)).await?;
    let notice = query
        .saved
        .as_ref()
        .map(|_| t(access.lang, "contacts-saved"));
    Ok(html_response(
        StatusCode::OK,
        views::form(
            &access,
            Some(&listed),
            &ContactForm::from_listed(&listed),
            &FieldErrors::default(),
            notice.as_deref(),
            Some(&history),
        ),
    ))
}

#[post("/contacts/{contact}")]
async fn save(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ContactPath>,
    form: web::Form<ContactForm>,
) -> Result<HttpResponse, WebError> {
    let listed = load(&state, &access, path.into_inner().contact).await?;
    let form = form.into_inner();
    let draft = match Draft::try_from(&form) {
        Ok(draft) => draft,
        Err(problems) => {
            return Ok(invalid(
                &access,
                Some(&listed),
                &form,
                &field_errors(access.lang, &problems),
            ));
        }
    };
    let (id, actor, contact) = (
        coalition_id(&access)?,
        access.coordinator.clone(),
        listed.contact.id.clone(),
    );
    let saved = blocking_outcome(&state, move |c| {
        super::update(c, &id, &Actor::Coordinator(&actor), &contact, &draft)
    })
    .await?;
    match saved {
        Ok(()) => Ok(see_other(&format!(
            "{}/{}?saved=1",
            views::base(&access),
            listed.contact.id
        ))),
        Err(ContactError::EmailTaken) => {
            Ok(invalid(&access, Some(&listed), &form, &taken(access.lang)))
        }
        Err(ContactError::NotFound) => Err(WebError::NotFound),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[post("/contacts/{contact}/delete")]
async fn delete(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ContactPath>,
) -> Result<HttpResponse, WebError> {
    let (id, actor, contact) = (
        coalition_id(&access)?,
        access.coordinator.clone(),
        path.into_inner().contact,
    );
    let deleted = blocking_outcome(&state, move |c| {
        super::delete(c, &id, &Actor::Coordinator(&actor), &contact)
    })
    .await?;
    match deleted {
        Ok(()) => Ok(see_other(&views::base(&access))),
        Err(ContactError::NotFound) => Err(WebError::NotFound),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[get("/contacts/export.csv")]
async fn export_csv(
    access: Viewer,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, WebError> {
    export_sheet(&state, &access, filter.into_inner(), SheetFormat::Csv).await
}

#[get("/contacts/export.xlsx")]
async fn export_xlsx(
    access: Viewer,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, WebError> {
    export_sheet(&state, &access, filter.into_inner(), SheetFormat::Xlsx).await
}

async fn export_sheet(
    state: &AppState,
    access: &Access,
    filter: Filter,
    format: SheetFormat,
) -> Result<HttpResponse, WebError> {
    let id = coalition_id(access)?;
    let sheet = blocking(state, move |c| super::export::sheet(c, &id, &filter)).await?;
    download::sheet(sheet, format, "contacts").await
}
