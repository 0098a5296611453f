//! The public web version of a release, `/press/{slug}`: it exists only
//! once the release went out and its embargo has lifted; before that the
//! address answers 404, exactly like one that was never used.

use actix_web::{HttpResponse, get, web};

use super::render::Rendering;
use crate::web::error::WebError;
use maud::{Markup, html};

use crate::coalitions::Masthead;
use crate::i18n::t_args;
use crate::web::AppState;
use crate::web::layout::{Head, document};
use crate::web::pages::Made;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web_version);
}

#[get("/press/{slug}")]
async fn web_version(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let key = format!("release\n{slug}");
    let base_url = state.base_url.clone();
    state
        .pages
        .serve(&state, key, move |c| {
            let release = super::find_by_slug(c, &slug)?
                .filter(|release| release.web_version_is_public(crate::db::now()))
                .ok_or(WebError::NotFound)?;
            let revision = super::current(c, &release)?;
            let rendering = Rendering::load(c, &base_url, &release, &revision)?;
            let masthead = crate::coalitions::masthead(c, &rendering.coalition)?;
            // Its coalition, and the statement whose count it gives.
            let scopes = std::iter::once(release.coalition_id.clone())
                .chain(release.statement_id.clone())
                .collect();
            Ok(Made::html(scopes, None, page(&rendering, &masthead)))
        })
        .await
}

fn page(rendering: &Rendering, masthead: &Masthead) -> Markup {
    let lang = rendering.release.lang();
    let head = Head {
        lang: Some(lang.code().to_owned()),
        site: Some(masthead.name.clone()),
        ..Head::default()
    };
    let body = html! {
        (super::views::release_body(rendering))
        p.links {
            a href=(masthead.home) { (t_args(lang, "newsroom-more-from", &[("coalition", masthead.name.as_str().into())])) }
        }
    };
    document(
        &rendering.revision.headline,
        head,
        maud::Render::render(masthead),
        body,
    )
}
