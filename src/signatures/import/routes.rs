use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;

use super::{ImportError, Mode, views};
use crate::error::WebError;
use crate::statements::routes::load;
use crate::web::access::Access;
use crate::web::layout::{html_response, see_other};
use crate::web::{AppState, blocking};

#[get("/statements/{statement}/signatures/import")]
pub async fn import_page(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().1).await?;
    Ok(html_response(
        StatusCode::OK,
        views::form(&access, &statement, "", "list", None),
    ))
}

#[derive(Debug, Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csv: String,
    #[serde(default)]
    mode: String,
    /// "preview" shows what would happen; "apply" does it.
    #[serde(default)]
    step: String,
}

#[post("/statements/{statement}/signatures/import")]
pub async fn import_submit(
    state: web::Data<AppState>,
    access: Access,
    path: web::Path<(String, String)>,
    form: web::Form<ImportForm>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().1).await?;
    let form = form.into_inner();
    let mode = if form.mode == "confirm" {
        Mode::Confirm
    } else {
        Mode::List
    };
    let target = statement.clone();
    if form.step != "apply" {
        let text = form.csv.clone();
        let preview = blocking(&state, move |c| super::preview(c, &target, &text, mode)).await?;
        return Ok(match preview {
            Ok(preview) => html_response(
                StatusCode::OK,
                views::preview(&access, &statement, &form.csv, &form.mode, &preview),
            ),
            Err(problem) => html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::form(
                    &access,
                    &statement,
                    &form.csv,
                    &form.mode,
                    Some(&problem.message(access.lang)),
                ),
            ),
        });
    }
    let (actor, text, st) = (access.coordinator.clone(), form.csv.clone(), state.clone());
    let outcome = blocking(&state, move |c| {
        let version = crate::statements::version(c, &target.id, &target.language)?
            .ok_or(diesel::result::Error::NotFound)?;
        let revision = crate::statements::current_revision(c, &version)?;
        super::apply(
            c,
            &crate::signatures::public::ctx(&st),
            &target,
            &revision,
            &actor,
            &text,
            mode,
        )
    })
    .await?;
    match outcome {
        Ok(count) => {
            let slug = access.member()?.coalition.slug.clone();
            Ok(see_other(&format!(
                "/c/{slug}/statements/{}/signatures?sort=newest&done=imported&count={count}",
                statement.id
            )))
        }
        Err(ImportError::Unreadable(problem)) => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::form(
                &access,
                &statement,
                &form.csv,
                &form.mode,
                Some(&problem.message(access.lang)),
            ),
        )),
        Err(error) => Err(WebError::unexpected(error)),
    }
}
