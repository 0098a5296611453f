//! Handlers for mailings: progress, log, pause/resume/cancel, and updates
//! to a statement's signatories.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;

use super::views::{self as mailing_views, UpdateForm};
use super::{self as mailings, Audience, When};
use crate::i18n::t;
use crate::press::Control;
use crate::press::routes::{ctx, statements};
use crate::press::send_routes::{Schedule, audience_from, choices, started_by, to_mailing};
use crate::press::views::AudienceChoice;
use crate::press::{Mailing, PressError};
use crate::statements::routes::load as load_statement;
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::download::{self, SheetFormat};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::html_response;
use crate::web::paths::{MailingPath, StatementPath};
use crate::web::{AppState, blocking, blocking_outcome};

/// Lines of the delivery log on one page.
const LOG_PAGE: i64 = 200;

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(mailing_page)
        .service(progress_json)
        .service(log_csv)
        .service(log_xlsx)
        .service(pause)
        .service(retry)
        .service(resume)
        .service(cancel)
        .service(update_form)
        .service(update);
}

async fn load(state: &AppState, access: &Access, id: String) -> Result<Mailing, WebError> {
    let coalition = access.member()?.coalition.id.clone();
    blocking(state, move |c| mailings::find_in(c, &coalition, &id))
        .await?
        .ok_or(WebError::NotFound)
}

/// Which page of the delivery log: the lines after this address.
#[derive(Debug, Deserialize)]
struct Page {
    after: Option<String>,
}

/// An address made safe for the `after` of a query string.
fn query_value(address: &str) -> String {
    percent_encoding::utf8_percent_encode(address, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[get("/mailings/{mailing}")]
async fn mailing_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
    query: web::Query<Page>,
) -> Result<HttpResponse, WebError> {
    let mailing = load(&state, &access, path.into_inner().mailing).await?;
    let (id, after) = (mailing.id.clone(), query.into_inner().after);
    let this_page = after.as_deref().map(query_value);
    let (progress, log) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            crate::mail::progress(c, &id)?,
            crate::mail::deliveries(c, &id, after.as_deref(), Some(LOG_PAGE + 1))?,
        ))
    })
    .await?;
    let more = log.len() > LOG_PAGE as usize;
    let lines = &log[..log.len().min(LOG_PAGE as usize)];
    let next = more
        .then(|| lines.last().map(|d| query_value(&d.recipient)))
        .flatten();
    let log = mailing_views::LogPage {
        lines,
        after: this_page.as_deref(),
        next: next.as_deref(),
    };
    Ok(html_response(
        StatusCode::OK,
        mailing_views::page(&access, &mailing, &progress, &log),
    ))
}

/// The counts, the status and the lines of one page of the log (the
/// page's `after`), as the mailing page shows them, for its script.
#[get("/mailings/{mailing}/progress")]
async fn progress_json(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
    query: web::Query<Page>,
) -> Result<HttpResponse, WebError> {
    let mailing = load(&state, &access, path.into_inner().mailing).await?;
    let (id, after) = (mailing.id.clone(), query.into_inner().after);
    let (progress, log) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            crate::mail::progress(c, &id)?,
            crate::mail::deliveries(c, &id, after.as_deref(), Some(LOG_PAGE))?,
        ))
    })
    .await?;
    let status = mailing.status_with(&progress);
    let rows: Vec<mailing_views::LogLine> = log
        .iter()
        .map(|d| mailing_views::LogLine::of(&access, d))
        .collect();
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({
            "status": status.as_str(),
            "status_label": mailing_views::status_label(access.lang, status),
            "active": matches!(status, mailings::MailingStatus::Scheduled | mailings::MailingStatus::Sending),
            "open": mailing.is_open(&progress),
            "total": progress.total(),
            "done": progress.total() - progress.remaining(),
            "progress": progress,
            "rows": rows,
        })))
}

#[get("/mailings/{mailing}/log.csv")]
async fn log_csv(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    log_sheet(&state, &access, path.into_inner().mailing, SheetFormat::Csv).await
}

#[get("/mailings/{mailing}/log.xlsx")]
async fn log_xlsx(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    log_sheet(
        &state,
        &access,
        path.into_inner().mailing,
        SheetFormat::Xlsx,
    )
    .await
}

async fn log_sheet(
    state: &AppState,
    access: &Access,
    mailing: String,
    format: SheetFormat,
) -> Result<HttpResponse, WebError> {
    let mailing = load(state, access, mailing).await?;
    let id = mailing.id.clone();
    let log = blocking(state, move |c| crate::mail::deliveries(c, &id, None, None)).await?;
    let sheet = mailings::log_sheet(&log, access.lang);
    download::sheet(sheet, format, &format!("delivery-log-{}", mailing.id)).await
}

async fn control(
    state: web::Data<AppState>,
    access: Editor,
    id: String,
    control: Control,
) -> Result<HttpResponse, WebError> {
    let mailing = load(&state, &access, id).await?;
    let (actor, target) = (access.coordinator.clone(), mailing.clone());
    match blocking_outcome(&state, move |c| {
        crate::press::control(c, &target, control, &actor)
    })
    .await?
    {
        Ok(()) | Err(PressError::WrongState) => {}
        Err(error) => return Err(WebError::unexpected(error)),
    }
    Ok(to_mailing(&access, &mailing.id))
}

#[post("/mailings/{mailing}/pause")]
async fn pause(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    control(state, access, path.into_inner().mailing, Control::Pause).await
}

#[post("/mailings/{mailing}/resume")]
async fn resume(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    control(state, access, path.into_inner().mailing, Control::Resume).await
}

#[post("/mailings/{mailing}/retry")]
async fn retry(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    control(state, access, path.into_inner().mailing, Control::Retry).await
}

#[post("/mailings/{mailing}/cancel")]
async fn cancel(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<MailingPath>,
) -> Result<HttpResponse, WebError> {
    control(state, access, path.into_inner().mailing, Control::Cancel).await
}

struct UpdatePage<'a> {
    statement: &'a crate::statements::Statement,
    subject: &'a str,
    body: &'a str,
    audience: Audience,
    schedule: Schedule,
    errors: FieldErrors,
    notice: Option<String>,
    status: StatusCode,
}

async fn render_update(
    state: &AppState,
    access: &Access,
    page: UpdatePage<'_>,
) -> Result<HttpResponse, WebError> {
    let statements = statements(state, access).await?;
    let (lists, tags, resolved) = choices(state, access, page.audience.clone()).await?;
    let title = statements
        .iter()
        .find(|(id, _)| *id == page.statement.id)
        .map(|(_, title)| title.clone())
        .unwrap_or_default();
    let choice = AudienceChoice {
        lists: &lists,
        tags: &tags,
        statements: &statements,
        chosen: &page.audience,
        resolved: resolved.as_ref(),
        schedule: &page.schedule,
        // An update is a new message each time; it cannot be repeated.
        repeated: 0,
    };
    Ok(html_response(
        page.status,
        mailing_views::update_page(
            access,
            &page.statement.id,
            &title,
            &UpdateForm {
                subject: page.subject,
                body: page.body,
            },
            &choice,
            &page.errors,
            page.notice.as_deref(),
        ),
    ))
}

#[get("/statements/{statement}/update")]
async fn update_form(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load_statement(&state, &access, path.into_inner().statement).await?;
    let audience = Audience {
        signatories_of: Some(statement.id.clone()),
        ..Audience::default()
    };
    let page = UpdatePage {
        statement: &statement,
        subject: "",
        body: "",
        audience,
        schedule: Schedule::fresh(access.zone()),
        errors: FieldErrors::default(),
        notice: None,
        status: StatusCode::OK,
    };
    render_update(&state, &access, page).await
}

#[post("/statements/{statement}/update")]
async fn update(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let statement = load_statement(&state, &access, path.into_inner().statement).await?;
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (subject_raw, body_raw, action) = (field("subject"), field("body"), field("action"));
    let audience = audience_from(&form, &statements(&state, &access).await?);
    let lang = access.lang;
    let mut errors = FieldErrors::default();
    let subject = crate::text::normalize_line(&subject_raw, 200)
        .map_err(|e| errors.add("subject", crate::statements::text_error(lang, &e)))
        .ok()
        .filter(|s| !s.is_empty());
    let body = crate::text::normalize_markdown(&body_raw, 50_000)
        .map_err(|e| errors.add("body", crate::statements::text_error(lang, &e)))
        .ok()
        .filter(|b| !b.trim().is_empty());
    if action != "count" {
        if subject.is_none() {
            errors.add("subject", t(lang, "press-required"));
        }
        if body.is_none() {
            errors.add("body", t(lang, "press-required"));
        }
    }
    let schedule = Schedule::from_pairs(&form);
    if action != "count"
        && action != "test"
        && let Some(started) = started_by(&state, &access, &schedule).await?
    {
        return Ok(started);
    }
    let when = match schedule.when(access.lang, access.zone()) {
        Ok(When::AtEmbargo) | Ok(When::Now) => When::Now,
        Ok(when) => when,
        Err((field, message)) => {
            errors.add(field, message);
            When::Now
        }
    };
    let page = |errors, notice, status| UpdatePage {
        statement: &statement,
        subject: &subject_raw,
        body: &body_raw,
        audience: audience.clone(),
        schedule: schedule.clone(),
        errors,
        notice,
        status,
    };
    if action == "count" || !errors.is_empty() {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return render_update(&state, &access, page(errors, None, status)).await;
    }
    let (subject, body) = (subject.unwrap_or_default(), body.unwrap_or_default());
    let (actor, st, target, chosen) = (
        access.coordinator.clone(),
        state.clone(),
        statement.clone(),
        audience.clone(),
    );
    if action == "test" {
        blocking_outcome(&state, move |c| {
            crate::press::test_update(c, ctx(&st), &target, &subject, &body, &actor)
        })
        .await?
        .map_err(WebError::unexpected)?;
        let notice = Some(t(lang, "press-test-sent"));
        return render_update(
            &state,
            &access,
            page(FieldErrors::default(), notice, StatusCode::OK),
        )
        .await;
    }
    let form_state = schedule.clone();
    let sent = blocking_outcome(&state, move |c| {
        let start = form_state.start(when);
        mailings::send_update(
            c,
            ctx(&st),
            &target,
            &subject,
            &body,
            &chosen,
            start,
            &actor,
        )
    })
    .await?;
    match sent {
        Ok(mailing) => Ok(to_mailing(&access, &mailing.id)),
        Err(PressError::NoAudience) => {
            let mut errors = FieldErrors::default();
            errors.add("list", t(lang, "mailing-no-audience"));
            render_update(
                &state,
                &access,
                page(errors, None, StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}
