//! The coordinator's invitation pages.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;

use super::{Invitee, views};
use crate::i18n::{Lang, t, t_args};
use crate::statements::routes::load;
use crate::statements::{Revision, Statement};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::layout::html_response;
use crate::web::paths::StatementPath;
use crate::web::{AppState, blocking, blocking_outcome};

async fn render(
    state: &AppState,
    access: &Access,
    statement: &Statement,
    notice: Option<String>,
    problems: Vec<String>,
) -> Result<HttpResponse, WebError> {
    let target = statement.clone();
    let (invitations, earlier) = blocking(state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::list(c, &target.id)?,
            super::earlier_signatories(c, &target)?,
        ))
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::page(
            access,
            statement,
            &invitations,
            &earlier,
            notice.as_deref(),
            &problems,
        ),
    ))
}

fn main_revision(
    conn: &mut crate::db::DbConn,
    statement: &Statement,
) -> diesel::QueryResult<Revision> {
    let version = crate::statements::version(conn, &statement.id, &statement.language)?
        .ok_or(diesel::result::Error::NotFound)?;
    crate::statements::current_revision(conn, &version)
}

#[get("/statements/{statement}/invitations")]
pub async fn invitations_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    render(&state, &access, &statement, None, Vec::new()).await
}

async fn send(
    state: &web::Data<AppState>,
    access: &Access,
    statement: &Statement,
    invitees: Vec<Invitee>,
) -> Result<super::Report, WebError> {
    let (actor, target, st) = (access.coordinator.clone(), statement.clone(), state.clone());
    let coalition = access.member()?.coalition.clone();
    blocking_outcome(state, move |c| {
        let revision = main_revision(c, &target).map_err(super::SigningError::from)?;
        super::invite(
            c,
            &crate::signatures::public::ctx(&st),
            &target,
            &coalition,
            &revision,
            &actor,
            &invitees,
        )
    })
    .await?
    .map_err(WebError::unexpected)
}

fn report_text(lang: Lang, report: &super::Report) -> String {
    t_args(
        lang,
        "invitations-report",
        &[
            ("invited", report.invited.into()),
            ("suppressed", report.suppressed.into()),
            ("already", report.already.into()),
        ],
    )
}

#[derive(Debug, Deserialize)]
pub struct ListForm {
    #[serde(default)]
    list: String,
}

#[post("/statements/{statement}/invitations")]
pub async fn invite(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    form: web::Form<ListForm>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let (invitees, problems) = super::parse_list(&form.list);
    let mut problems: Vec<String> = problems.iter().map(|p| p.message(access.lang)).collect();
    if invitees.is_empty() {
        problems.insert(0, t(access.lang, "invitations-no-usable-line"));
        return render(&state, &access, &statement, None, problems)
            .await
            .map(|mut r| {
                *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                r
            });
    }
    let report = send(&state, &access, &statement, invitees).await?;
    render(
        &state,
        &access,
        &statement,
        Some(report_text(access.lang, &report)),
        problems,
    )
    .await
}

#[post("/statements/{statement}/invitations/earlier")]
pub async fn invite_earlier(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let chosen: Vec<String> = serde_urlencoded::from_str::<Vec<(String, String)>>(&body)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k == "email")
        .map(|(_, v)| v)
        .collect();
    let target = statement.clone();
    let earlier = blocking(&state, move |c| super::earlier_signatories(c, &target)).await?;
    let invitees: Vec<Invitee> = earlier
        .into_iter()
        .filter(|i| chosen.contains(&i.email))
        .collect();
    let report = send(&state, &access, &statement, invitees).await?;
    render(
        &state,
        &access,
        &statement,
        Some(report_text(access.lang, &report)),
        Vec::new(),
    )
    .await
}

#[post("/statements/{statement}/invitations/remind")]
pub async fn remind(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let (actor, target, st) = (access.coordinator.clone(), statement.clone(), state.clone());
    let coalition = access.member()?.coalition.clone();
    let sent = blocking_outcome(&state, move |c| {
        let revision = main_revision(c, &target).map_err(super::SigningError::from)?;
        super::remind(
            c,
            &crate::signatures::public::ctx(&st),
            &target,
            &coalition,
            &revision,
            &actor,
        )
    })
    .await?
    .map_err(WebError::unexpected)?;
    render(
        &state,
        &access,
        &statement,
        Some(t_args(
            access.lang,
            "invitations-reminders-sent",
            &[("count", sent.into())],
        )),
        Vec::new(),
    )
    .await
}
