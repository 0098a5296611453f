//! The public web version of a release, `/press/{slug}`: it exists only
//! once the release went out and its embargo has lifted; before that the
//! address answers 404, exactly like one that was never used.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};

use super::render::Rendering;
use crate::error::WebError;
use maud::html;

use crate::i18n::t_args;
use crate::web::layout::{Head, document, html_response};
use crate::web::{AppState, blocking, caching};

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
    let found = blocking(&state, move |c| -> diesel::QueryResult<Option<_>> {
        let Some(release) = super::find_by_slug(c, &slug)? else {
            return Ok(None);
        };
        if !release.web_version_is_public(crate::db::now()) {
            return Ok(None);
        }
        let revision = super::current(c, &release)?;
        let rendering = Rendering::load(c, &base_url, &release, &revision)?;
        let masthead = crate::coalitions::masthead(c, &rendering.coalition)?;
        Ok(Some((rendering, masthead)))
    })
    .await??;
    let (rendering, masthead) = found.ok_or(WebError::NotFound)?;
    let lang = rendering.release.lang();
    let head = Head {
        lang: Some(lang.code().to_owned()),
        site: Some(masthead.name.clone()),
        ..Head::default()
    };
    let body = html! {
        (super::views::release_body(&rendering))
        p.links {
            a href=(masthead.home) { (t_args(lang, "newsroom-more-from", &[("coalition", masthead.name.as_str().into())])) }
        }
    };
    Ok(caching::public(html_response(
        StatusCode::OK,
        document(
            &rendering.revision.headline,
            head,
            maud::Render::render(&masthead),
            body,
        ),
    )))
}
