//! The coordinator's pages of a statement's signatures.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;

use super::moderation::{self, Decision, ListFilter, ModerationError};
use super::{export, views};
use crate::i18n::t;
use crate::statements::routes::load;
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::download::{self, SheetFormat};
use crate::web::error::WebError;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::{StatementPath, StatementSignaturePath};
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(export_csv)
        .service(export_xlsx)
        .service(export_json)
        .service(list_page)
        .service(moderate)
        .configure(super::import::routes::configure)
        .service(super::invitations::routes::invitations_page)
        .service(super::invitations::routes::invite)
        .service(super::invitations::routes::invite_earlier)
        .service(super::invitations::routes::remind)
        .service(super::digest::subscribe)
        .service(detail_page)
        .service(set_display_name)
        .service(set_position)
        .service(merge);
}

fn base(access: &Access, statement_id: &str) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/statements/{statement_id}/signatures")
}

#[get("/statements/{statement}/signatures")]
async fn list_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    filter: web::Query<ListFilter>,
    done: web::Query<views::Done>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let filter = filter.into_inner();
    let (id, query) = (statement.id.clone(), filter.clone());
    let page = blocking(&state, move |c| moderation::list(c, &id, &query)).await?;
    Ok(html_response(
        StatusCode::OK,
        views::list(&access, &statement, &filter, &page, &done),
    ))
}

#[get("/statements/{statement}/signatures.csv")]
async fn export_csv(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    export_sheet(
        &state,
        &access,
        path.into_inner().statement,
        SheetFormat::Csv,
    )
    .await
}

#[get("/statements/{statement}/signatures.xlsx")]
async fn export_xlsx(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    export_sheet(
        &state,
        &access,
        path.into_inner().statement,
        SheetFormat::Xlsx,
    )
    .await
}

async fn export_sheet(
    state: &AppState,
    access: &Access,
    statement: String,
    format: SheetFormat,
) -> Result<HttpResponse, WebError> {
    let statement = load(state, access, statement).await?;
    let id = statement.id.clone();
    let rows = blocking(state, move |c| export::rows(c, &id)).await?;
    let stem = format!("{}-signatures", statement.slug);
    download::sheet(export::sheet(&rows), format, &stem).await
}

#[get("/statements/{statement}/signatures.json")]
async fn export_json(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let id = statement.id.clone();
    let rows = blocking(&state, move |c| export::rows(c, &id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}-signatures.json\"",
                statement.slug
            ),
        ))
        .json(serde_json::json!({ "statement": statement.slug, "signatures": rows })))
}

/// The bulk form: the chosen ids, the decision, and whether to mail.
#[derive(Debug, Default)]
pub struct ModerateForm {
    ids: Vec<String>,
    action: String,
    notify: bool,
    /// Every signature of `filter`, on all pages, instead of `ids`.
    all: bool,
    filter: ListFilter,
    /// A deletion was confirmed on its question page.
    confirmed: bool,
}

fn parse_moderation(body: &str) -> ModerateForm {
    let mut form = ModerateForm::default();
    for (key, value) in
        serde_urlencoded::from_str::<Vec<(String, String)>>(body).unwrap_or_default()
    {
        match key.as_str() {
            "id" => form.ids.push(value),
            "action" => form.action = value,
            "notify" => form.notify = true,
            "all" => form.all = true,
            "status" => form.filter.status = value,
            "flag" => form.filter.flag = value,
            "q" => form.filter.q = value,
            "confirmed" => form.confirmed = value == "yes",
            _ => {}
        }
    }
    form
}

#[post("/statements/{statement}/signatures/moderate")]
async fn moderate(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let form = parse_moderation(&body);
    if form.ids.is_empty() && !form.all {
        return Err(WebError::BadRequest(t(
            access.lang,
            "signatures-error-none-selected",
        )));
    }
    let decision = match form.action.as_str() {
        "approve" => Decision::Approve,
        "reject" => Decision::Reject,
        "delete" => {
            let request = super::deletion::Request {
                ids: form.ids,
                all: form.all,
                filter: form.filter,
                confirmed: form.confirmed,
                pairs: serde_urlencoded::from_str(&body).unwrap_or_default(),
            };
            return super::deletion::handle(&state, &access, statement, request).await;
        }
        _ => {
            return Err(WebError::BadRequest(t(
                access.lang,
                "signatures-error-decision",
            )));
        }
    };
    let (actor, target, st) = (access.coordinator.clone(), statement.clone(), state.clone());
    let outcome = blocking_outcome(&state, move |c| {
        let ids = if form.all {
            moderation::selected_ids(c, &target.id, &form.filter, true)?
        } else {
            form.ids
        };
        moderation::decide(
            c,
            &crate::signatures::public::ctx(&st),
            &target,
            &actor,
            &ids,
            decision,
            form.notify,
        )
    })
    .await?;
    let done = match decision {
        Decision::Approve => "approved",
        Decision::Reject => "rejected",
    };
    match outcome {
        Ok(count) => Ok(see_other(&format!(
            "{}?done={done}&count={count}",
            base(&access, &statement.id)
        ))),
        Err(ModerationError::NotConfirmed) => Err(WebError::BadRequest(t(
            access.lang,
            "signatures-error-not-confirmed",
        ))),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

async fn signature(
    state: &AppState,
    access: &Access,
    statement_id: String,
    id: String,
) -> Result<(crate::statements::Statement, super::Signature), WebError> {
    let statement = load(state, access, statement_id).await?;
    let target = statement.clone();
    let signature = blocking(state, move |c| moderation::find_in(c, &target, &id))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((statement, signature))
}

#[get("/statements/{statement}/signatures/{signature}")]
async fn detail_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementSignaturePath>,
) -> Result<HttpResponse, WebError> {
    let StatementSignaturePath {
        statement: statement_id,
        signature: id,
    } = path.into_inner();
    let (statement, signature) = signature(&state, &access, statement_id, id).await?;
    let (current, sid) = (signature.clone(), statement.id.clone());
    let (duplicates, kept, revisions) = blocking(&state, move |c| {
        let kept = match &current.merged_into {
            Some(id) => super::find(c, id)?,
            None => None,
        };
        Ok::<_, diesel::result::Error>((
            moderation::duplicates_of(c, &current)?,
            kept,
            crate::statements::revision_numbers(c, &sid)?,
        ))
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::detail(
            &access,
            &statement,
            &signature,
            &duplicates,
            kept.as_ref(),
            &revisions,
        ),
    ))
}

#[derive(Debug, Deserialize)]
pub struct DisplayNameForm {
    #[serde(default)]
    display_name: String,
}

#[post("/statements/{statement}/signatures/{signature}/display-name")]
async fn set_display_name(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementSignaturePath>,
    form: web::Form<DisplayNameForm>,
) -> Result<HttpResponse, WebError> {
    let StatementSignaturePath {
        statement: statement_id,
        signature: id,
    } = path.into_inner();
    let (statement, signature) = signature(&state, &access, statement_id, id).await?;
    let display = crate::text::normalize_optional_line(&form.display_name, 200)
        .map_err(|_| WebError::BadRequest(t(access.lang, "signature-error-display-name")))?
        .filter(|d| *d != signature.name);
    let (actor, target, current) = (
        access.coordinator.clone(),
        statement.clone(),
        signature.clone(),
    );
    blocking(&state, move |c| {
        moderation::set_display_name(c, &target, &actor, &current, display.as_deref())
    })
    .await?;
    Ok(see_other(&format!(
        "{}/{}",
        base(&access, &statement.id),
        signature.id
    )))
}

#[derive(Debug, Deserialize)]
pub struct PositionForm {
    #[serde(default)]
    position: String,
}

#[post("/statements/{statement}/signatures/{signature}/position")]
async fn set_position(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementSignaturePath>,
    form: web::Form<PositionForm>,
) -> Result<HttpResponse, WebError> {
    let StatementSignaturePath {
        statement: statement_id,
        signature: id,
    } = path.into_inner();
    let (statement, signature) = signature(&state, &access, statement_id, id).await?;
    let position = match form.position.trim() {
        "" => None,
        text => Some(
            text.parse::<i32>()
                .ok()
                .filter(|p| *p >= 0)
                .ok_or_else(|| WebError::BadRequest(t(access.lang, "signature-error-position")))?,
        ),
    };
    let (actor, target, current) = (
        access.coordinator.clone(),
        statement.clone(),
        signature.clone(),
    );
    blocking(&state, move |c| {
        moderation::set_position(c, &target, &actor, &current, position)
    })
    .await?;
    Ok(see_other(&format!(
        "{}/{}",
        base(&access, &statement.id),
        signature.id
    )))
}

#[derive(Debug, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    other: String,
}

#[post("/statements/{statement}/signatures/{signature}/merge")]
async fn merge(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementSignaturePath>,
    form: web::Form<MergeForm>,
) -> Result<HttpResponse, WebError> {
    let StatementSignaturePath {
        statement: statement_id,
        signature: id,
    } = path.into_inner();
    let (statement, signature) = signature(&state, &access, statement_id, id).await?;
    let (actor, target, other) = (
        access.coordinator.clone(),
        statement.clone(),
        form.into_inner().other,
    );
    let outcome = blocking_outcome(&state, move |c| {
        moderation::merge(c, &target, &actor, &signature.id, &other)
    })
    .await?;
    match outcome {
        Ok(kept) => Ok(see_other(&format!(
            "{}/{kept}",
            base(&access, &statement.id)
        ))),
        Err(ModerationError::BadMerge) => Err(WebError::BadRequest(t(
            access.lang,
            "signature-error-merge",
        ))),
        Err(error) => Err(WebError::unexpected(error)),
    }
}
