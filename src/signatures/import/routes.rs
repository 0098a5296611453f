//! The signature import pages: paste or upload, preview with the mode and
//! the column mapping, apply in the background, and its progress. A
//! finished import leads back to the signatures, which say how many were
//! imported.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::{Import, Mapping, Mode, Read, views};
use crate::imports::Running;
use crate::imports::run::{self, find, state_of};
use crate::imports::views::{SAMPLES, Shown};
use crate::imports::{State, Upload};
use crate::statements::Statement;
use crate::statements::routes::load;
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::{StatementPath, StatementUploadPath};
use crate::web::{AppState, blocking};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(start_page)
        .service(receive_upload)
        .service(preview_page)
        .service(apply)
        .service(progress_page)
        .service(progress_json);
}

fn here(access: &Access, statement: &Statement, upload: &str) -> String {
    format!("{}/{upload}", views::action(access, statement))
}

#[get("/statements/{statement}/signatures/import")]
async fn start_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    Ok(html_response(
        StatusCode::OK,
        views::start(&access, &statement, None),
    ))
}

#[post("/statements/{statement}/signatures/import")]
async fn receive_upload(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    // A list that cannot be read is said at once, not after a redirect.
    let upload = match run::receive(&state, &access, &req, payload).await? {
        Ok(id) => id,
        Err(problem) => return Ok(refused(&access, &statement, &problem.message(access.lang))),
    };
    Ok(see_other(&here(&access, &statement, &upload)))
}

fn refused(access: &Access, statement: &Statement, message: &str) -> HttpResponse {
    html_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::start(access, statement, Some(message)),
    )
}

/// The mapping of the list's columns: the guess, with the choices of
/// `pairs` applied.
fn mapping(read: &Read, pairs: &[(String, String)]) -> Mapping {
    Mapping::chosen(read.guess.clone(), pairs)
}

fn mode(pairs: &[(String, String)]) -> Mode {
    Mode::parse(
        pairs
            .iter()
            .find(|(k, _)| k == "mode")
            .map_or("", |(_, v)| v.as_str()),
    )
}

async fn find_both(
    state: &AppState,
    access: &Access,
    path: web::Path<StatementUploadPath>,
) -> Result<(Statement, Upload), WebError> {
    let StatementUploadPath { statement, upload } = path.into_inner();
    let statement = load(state, access, statement).await?;
    let upload = find(state, access, upload).await?;
    Ok((statement, upload))
}

#[get("/statements/{statement}/signatures/import/{upload}")]
async fn preview_page(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<StatementUploadPath>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (statement, upload) = find_both(&state, &access, path).await?;
    if state_of(&running, &upload).is_some() {
        let progress = format!("{}/progress", here(&access, &statement, &upload.id));
        return Ok(see_other(&progress));
    }
    let pairs = query.into_inner();
    let (mode, lang) = (mode(&pairs), access.lang);
    let (target, text, chosen) = (statement.clone(), upload.text.clone(), pairs.clone());
    // Reading and planning a list of up to 100,000 rows is kept off the
    // request threads.
    let planned = blocking(&state, move |c| {
        let read = match super::read(&text) {
            Ok(read) => read,
            Err(problem) => return Ok(Err(problem)),
        };
        let plan = super::plan(c, &target, &read, &mapping(&read, &chosen), mode, lang)?;
        Ok::<_, diesel::result::Error>(Ok((read, plan)))
    })
    .await?;
    let (read, plan) = match planned {
        Ok(planned) => planned,
        Err(problem) => return Ok(refused(&access, &statement, &problem.message(access.lang))),
    };
    let samples: Vec<Vec<String>> = read
        .records
        .iter()
        .take(SAMPLES)
        .map(|(_, r)| r.clone())
        .collect();
    let shape = views::Shape {
        layout: read.layout,
        samples: &samples,
        mode,
        shown: &Shown::from_query(&pairs),
    };
    Ok(html_response(
        StatusCode::OK,
        views::preview(&access, &statement, &upload.id, &plan, &shape),
    ))
}

/// Starts the apply in the background and shows its progress.
#[post("/statements/{statement}/signatures/import/{upload}")]
async fn apply(
    access: Editor,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<StatementUploadPath>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let (statement, upload) = find_both(&state, &access, path).await?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let expected = run::expected_plan(access.lang, &pairs)?;
    let progress_url = format!("{}/progress", here(&access, &statement, &upload.id));
    let mode = mode(&pairs);
    let (actor, lang, app) = (access.coordinator.clone(), access.lang, state.clone());
    let (text, target) = (upload.text.clone(), statement.clone());
    let job: run::Job = Box::new(move |conn, progress| {
        let read = super::read(&text).map_err(|problem| problem.message(lang))?;
        let chosen = mapping(&read, &pairs);
        let revision = crate::statements::version(conn, &target.id, &target.language)
            .and_then(|v| v.ok_or(diesel::result::Error::NotFound))
            .and_then(|version| crate::statements::current_revision(conn, &version))
            .map_err(|error| {
                tracing::error!(%error, "no revision to import signatures under");
                crate::i18n::t(lang, "import-failed")
            })?;
        let import = Import {
            statement: &target,
            revision: &revision,
            actor: &actor,
            read: &read,
            mapping: &chosen,
            mode,
            expected: Some(&expected),
        };
        let ctx = crate::signatures::public::ctx(&app);
        super::apply(conn, &ctx, &import, progress).map_err(|error| {
            tracing::warn!(%error, "signature import refused or failed");
            error.message(lang)
        })
    });
    run::start(&state, &running, &upload, access.lang, job).await?;
    Ok(see_other(&progress_url))
}

#[get("/statements/{statement}/signatures/import/{upload}/progress")]
async fn progress_page(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<StatementUploadPath>,
) -> Result<HttpResponse, WebError> {
    let (statement, upload) = find_both(&state, &access, path).await?;
    Ok(match state_of(&running, &upload) {
        None => see_other(&here(&access, &statement, &upload.id)),
        // A finished import leads back to the signatures it added.
        Some(State::Done(report)) => see_other(&format!(
            "/c/{}/statements/{}/signatures?sort=newest&done=imported&count={}",
            access.coalition_slug(),
            statement.id,
            report.created
        )),
        Some(now) => html_response(
            StatusCode::OK,
            views::progress(&access, &statement, &upload.id, &now),
        ),
    })
}

#[get("/statements/{statement}/signatures/import/{upload}/progress.json")]
async fn progress_json(
    access: Viewer,
    state: web::Data<AppState>,
    running: web::Data<Running>,
    path: web::Path<StatementUploadPath>,
) -> Result<HttpResponse, WebError> {
    let (_, upload) = find_both(&state, &access, path).await?;
    Ok(run::progress_json(state_of(&running, &upload)))
}
