//! The web side of an import that both areas share: taking an upload in,
//! finding it again for its coalition, running the apply in the background
//! and answering where it stands. The imports this process is applying
//! ([`Running`]) are the app's data of their own, which handlers take as
//! `web::Data<Running>`.

use actix_web::{HttpRequest, HttpResponse, web};

use super::{FileProblem, Report, Running, State, Upload, uploads};
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::web::access::Access;
use crate::web::error::WebError;
use crate::web::{AppState, blocking};

/// Keeps the file or the pasted text of the request for the coalition;
/// the new upload's id, or why nothing could be read.
pub async fn receive(
    state: &AppState,
    access: &Access,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<String, FileProblem>, WebError> {
    let text = match super::receive::text(req, payload).await {
        Ok(text) => text,
        Err(problem) => return Ok(Err(problem)),
    };
    let coalition_id = access.member()?.coalition.id.clone();
    let id = blocking(state, move |c| uploads::add(c, &coalition_id, text)).await?;
    Ok(Ok(id))
}

/// The coalition's upload `id`: 404 for another coalition's or an expired
/// one.
pub async fn find(state: &AppState, access: &Access, id: String) -> Result<Upload, WebError> {
    let coalition_id = access.member()?.coalition.id.clone();
    blocking(state, move |c| uploads::get(c, &coalition_id, &id))
        .await?
        .ok_or(WebError::NotFound)
}

/// Where the upload's apply stands; `None` before it started.
pub fn state_of(running: &Running, upload: &Upload) -> Option<State> {
    upload.state(running.get(&upload.id).as_deref())
}

/// The apply itself: given a connection and a way to report (rows done,
/// rows to write), it imports or says, in the coordinator's words, why
/// nothing was changed.
pub type Job =
    Box<dyn FnOnce(&mut DbConn, &(dyn Fn(usize, usize) + Sync)) -> Result<Report, String> + Send>;

/// Starts `job` in the background unless the upload's apply started
/// before (a second click, a form sent twice, another instance). Either
/// way the caller shows the progress.
pub async fn start(
    state: &web::Data<AppState>,
    running: &web::Data<Running>,
    upload: &Upload,
    lang: Lang,
    job: Job,
) -> Result<(), WebError> {
    let id = upload.id.clone();
    if !blocking(state, move |c| uploads::start(c, &id)).await? {
        return Ok(());
    }
    let progress = running.begin(&upload.id);
    let (app, running, id) = (
        state.clone().into_inner(),
        running.clone(),
        upload.id.clone(),
    );
    tokio::task::spawn_blocking(move || {
        let mut conn = match app.pool.get() {
            Ok(conn) => conn,
            Err(error) => {
                tracing::error!(error = %error, "no database connection for an import");
                progress.fail(crate::i18n::t(lang, "import-failed"));
                return;
            }
        };
        let set = |done, total| progress.set(done, total);
        let outcome = job(&mut conn, &set);
        if let Err(message) = &outcome {
            tracing::warn!(%message, "an import was refused or failed; nothing changed");
        }
        if let Err(error) = uploads::finish(&mut conn, &id, outcome) {
            tracing::error!(error = %error, "the outcome of an import could not be stored");
        }
        running.end(&id);
    });
    Ok(())
}

#[derive(serde::Serialize)]
struct ProgressJson {
    state: &'static str,
    done: usize,
    total: usize,
    report: Option<Report>,
    message: Option<String>,
}

/// Where the apply stands, as the progress page's script reads it.
pub fn progress_json(state: Option<State>) -> HttpResponse {
    let answer = match state {
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
    HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(answer)
}

/// The plan fingerprint the preview form carries, or the answer to a form
/// without one.
pub fn expected_plan(lang: Lang, pairs: &[(String, String)]) -> Result<String, WebError> {
    pairs
        .iter()
        .find(|(k, _)| k == "plan")
        .map(|(_, v)| v.clone())
        .ok_or_else(|| WebError::BadRequest(crate::i18n::t(lang, "import-no-plan")))
}
