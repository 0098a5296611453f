//! The contacts import pages: upload, preview with the column mapping,
//! apply in the background, and its progress (a page and a small JSON
//! answer that the page's script polls).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::{Mapping, views};
use crate::audit::Actor;
use crate::imports::Running;
use crate::imports::run::{self, find, state_of};
use crate::imports::views::{SAMPLES, Shown};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::UploadPath;
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
async fn start_page(access: Viewer) -> Result<HttpResponse, WebError> {
    Ok(html_response(StatusCode::OK, views::start(&access, None)))
}

#[post("/contacts/import")]
async fn receive_upload(
    access: Editor,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, WebError> {
    Ok(match run::receive(&state, &access, &req, payload).await? {
        Ok(id) => see_other(&here(&access, &id)),
        Err(problem) => html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::start(&access, Some(&problem.message(access.lang))),
        ),
    })
}

#[get("/contacts/import/{upload}")]
async fn preview_page(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<UploadPath>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().upload).await?;
    if state_of(&running, &upload).is_some() {
        return Ok(see_other(&format!(
            "{}/progress",
            here(&access, &upload.id)
        )));
    }
    let pairs = query.into_inner();
    let (coalition_id, text, choices) = (
        upload.coalition_id.clone(),
        upload.text.clone(),
        pairs.clone(),
    );
    // Reading and planning a file of up to 100,000 rows is kept off the
    // request threads.
    let planned = blocking(&state, move |c| {
        let (headers, records) = match crate::imports::with_header(&text) {
            Ok(read) => read,
            Err(problem) => return Ok(Err(problem)),
        };
        let chosen = Mapping::chosen(Mapping::guess(&headers), &choices);
        let samples: Vec<Vec<String>> = records
            .iter()
            .take(SAMPLES)
            .map(|(_, r)| r.clone())
            .collect();
        super::plan(c, &coalition_id, &headers, &records, &chosen).map(|plan| Ok((plan, samples)))
    })
    .await?;
    Ok(match planned {
        Ok((plan, samples)) => html_response(
            StatusCode::OK,
            views::preview(
                &access,
                &upload.id,
                &plan,
                &samples,
                &Shown::from_query(&pairs),
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
    access: Editor,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<UploadPath>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().upload).await?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let expected = run::expected_plan(access.lang, &pairs)?;
    let (actor, lang) = (access.coordinator.clone(), access.lang);
    let (coalition_id, text) = (upload.coalition_id.clone(), upload.text.clone());
    let job: run::Job = Box::new(move |conn, progress| {
        let (headers, records) =
            crate::imports::with_header(&text).map_err(|problem| problem.message(lang))?;
        let chosen = Mapping::chosen(Mapping::guess(&headers), &pairs);
        let actor = Actor::Coordinator(&actor);
        super::apply(
            conn,
            &coalition_id,
            &actor,
            (&headers, &records),
            &chosen,
            Some(&expected),
            progress,
        )
        .map_err(|error| error.message(lang))
    });
    run::start(&state, &running, &upload, access.lang, job).await?;
    Ok(see_other(&format!(
        "{}/progress",
        here(&access, &upload.id)
    )))
}

#[get("/contacts/import/{upload}/progress")]
async fn progress_page(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<UploadPath>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().upload).await?;
    match state_of(&running, &upload) {
        None => Ok(see_other(&here(&access, &upload.id))),
        Some(now) => Ok(html_response(
            StatusCode::OK,
            views::progress(&access, &upload.id, &now),
        )),
    }
}

#[get("/contacts/import/{upload}/progress.json")]
async fn progress_json(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<UploadPath>,
) -> Result<HttpResponse, WebError> {
    let upload = find(&state, &access, path.into_inner().upload).await?;
    Ok(run::progress_json(state_of(&running, &upload)))
}
