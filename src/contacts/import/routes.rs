//! The import pages: upload, preview with the column mapping, apply in the
//! background, and its progress (a page and a small JSON answer that the
//! page's script polls).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::{Mapping, Report, State, Upload, uploads, views};
use crate::audit::Actor;
use crate::error::WebError;
use crate::web::access::Access;
use crate::web::layout::{html_response, see_other};
use crate::web::{AppState, blocking};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(start_page)
        .service(receive_upload)
        .service(preview_page)
        .service(apply)
        .service(progress_page)
        .service(progress_json);
}

fn here(access: &Access, upload: &str) -> String {
    format!("{}/import/{upload}", crate::contacts::views::base(access))
}

#[get("/contacts/import")]
async fn start_page(access: Access) -> Result<HttpResponse, WebError> {
    Ok(html_response(StatusCode::OK, views::start(&access, None)))
}

#[post("/contacts/import")]
async fn receive_upload(
    state: web::Data<AppState>,
    access: Access,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, WebError> {
    match super::receive::text(&req, payload).await {
        Ok(text) => {
            let coalition_id = access.member()?.coalition.id.clone();
            let id = blocking(&state, move |c| uploads::add(c, &coalition_id, text)).await??;
            Ok(see_other(&here(&access, &id)))
        }
        Err(problem) => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::start(&access, Some(&problem.message(access.lang))),
        )),
    }
}

async fn find(state: &AppState, access: &Access, id: String) -> Result<Upload, WebError> {
    let coalition_id = access.member()?.coalition.id.clone();
    blocking(state, move |c| uploads::get(c, &coalition_id, &id))
        .await??
        .ok_or(WebError::NotFound)
}

#[get("/contacts/import/{upload}")]
async fn preview_page(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().1).await?;
    if state_of(&state, &upload).is_some() {
        return Ok(see_other(&format!(
            "{}/progress",
            here(&access, &upload.id)
        )));
    }
    let (pairs, coalition_id, text) = (
        query.into_inner(),
        upload.coalition_id.clone(),
        upload.text.clone(),
    );
    let chosen = pairs.clone();
    let planned = blocking(&state, move |c| {
        let (headers, records) = match super::read(&text) {
            Ok(read) => read,
            Err(problem) => return Ok(Err(problem)),
        };
        let mapping = Mapping::chosen(&headers, &chosen);
        let samples: Vec<Vec<String>> = records.iter().take(3).map(|(_, r)| r.clone()).collect();
        super::plan(c, &coalition_id, &headers, &records, &mapping).map(|plan| Ok((plan, samples)))
    })
    .await??;
    Ok(match planned {
        Ok((plan, samples)) => html_response(
            StatusCode::OK,
            views::preview(
                &access,
                &upload.id,
                &plan,
                &samples,
                &views::Shown::from_query(&pairs),
            ),
        ),
        Err(problem) => html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::start(&access, Some(&problem.message(access.lang))),
        ),
    })
}

/// Starts the apply in the background and shows its progress.
#[post("/contacts/import/{upload}")]
async fn apply(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().1).await?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let Some(expected) = pairs
        .iter()
        .find(|(k, _)| k == "plan")
        .map(|(_, v)| v.clone())
    else {
        return Err(WebError::BadRequest(crate::i18n::t(
            access.lang,
            "contacts-import-no-plan",
        )));
    };
    let progress_url = format!("{}/progress", here(&access, &upload.id));
    let id = upload.id.clone();
    if !blocking(&state, move |c| uploads::start(c, &id)).await?? {
        return Ok(see_other(&progress_url));
    }
    let progress = state.contact_imports.begin(&upload.id);
    let (pool, actor, lang) = (state.pool.clone(), access.coordinator.clone(), access.lang);
    let imports = state.into_inner();
    tokio::task::spawn_blocking(move || {
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(error) => {
                tracing::error!(error = %error, "no database connection for a contact import");
                progress.fail(crate::i18n::t(lang, "contacts-import-failed"));
                return;
            }
        };
        let headers = super::read(&upload.text)
            .map(|(h, _)| h)
            .unwrap_or_default();
        let mapping = Mapping::chosen(&headers, &pairs);
        let set = |done, total| progress.set(done, total);
        let actor = Actor::Coordinator(&actor);
        let outcome = super::apply(
            &mut conn,
            &upload.coalition_id,
            &actor,
            &upload.text,
            &mapping,
            Some(&expected),
            &set,
        )
        .map_err(|error| {
            tracing::warn!(error = %error, "contact import refused or failed; nothing changed");
            error.message(lang)
        });
        if let Err(error) = uploads::finish(&mut conn, &upload.id, outcome) {
            tracing::error!(error = %error, "the outcome of a contact import could not be stored");
        }
        imports.contact_imports.end(&upload.id);
    });
    Ok(see_other(&progress_url))
}

/// The state of the upload's apply; `None` before it started.
fn state_of(state: &AppState, upload: &Upload) -> Option<State> {
    upload.state(state.contact_imports.get(&upload.id).as_deref())
}

#[get("/contacts/import/{upload}/progress")]
async fn progress_page(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().1).await?;
    match state_of(&state, &upload) {
        None => Ok(see_other(&here(&access, &upload.id))),
        Some(now) => Ok(html_response(
            StatusCode::OK,
            views::progress(&access, &upload.id, &now),
        )),
    }
}

#[derive(serde::Serialize)]
struct ProgressJson {
    state: &'static str,
    done: usize,
    total: usize,
    report: Option<Report>,
    message: Option<String>,
}

#[get("/contacts/import/{upload}/progress.json")]
async fn progress_json(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().1).await?;
    let answer = match state_of(&state, &upload) {
        None => ProgressJson {
            state: "waiting",
            done: 0,
            total: 0,
            report: None,
            message: None,
        },
        Some(State::Running { done, total }) => ProgressJson {
            state: "running",
            done,
            total,
            report: None,
            message: None,
        },
        Some(State::Done(report)) => {
            let total = report.created + report.updated;
            ProgressJson {
                state: "done",
                done: total,
                total,
                report: Some(report),
                message: None,
            }
        }
        Some(State::Failed(message)) => ProgressJson {
            state: "failed",
            done: 0,
            total: 0,
            report: None,
            message: Some(message),
        },
    };
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(answer))
}
