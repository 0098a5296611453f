//! The public web version of a release, `/press/{slug}`: it exists only
//! once the release went out and its embargo has lifted; before that the
//! address answers 404, exactly like one that was never used.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};

use super::render::Rendering;
use crate::error::WebError;
use crate::web::layout::{html_response, layout_in};
use crate::web::{AppState, blocking};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web_version);
}

#[get("/press/{slug}")]
async fn web_version(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let base_url = state.base_url.clone();
    let rendering = blocking(&state, move |c| -> diesel::QueryResult<Option<Rendering>> {
        let Some(release) = super::find_by_slug(c, &slug)? else {
            return Ok(None);
        };
        if !release.web_version_is_public(crate::db::now()) {
            return Ok(None);
        }
        let revision = super::current(c, &release)?;
        Rendering::load(c, &base_url, &release, &revision).map(Some)
    })
    .await??
    .ok_or(WebError::NotFound)?;
    Ok(html_response(
        StatusCode::OK,
        layout_in(
            rendering.release.lang(),
            &rendering.revision.headline,
            super::views::release_body(&rendering),
        ),
    ))
}
