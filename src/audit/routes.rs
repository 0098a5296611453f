use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};

use super::{Filter, views};
use crate::web::access::Owner;
use crate::web::error::WebError;
use crate::web::layout::html_response;
use crate::web::{AppState, blocking};

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(audit_page);
}

#[get("/audit")]
async fn audit_page(
    access: Owner,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, WebError> {
    let filter = filter.into_inner();
    let coalition_id = access.member()?.coalition.id.clone();
    let query = filter.clone();
    let (entries, actions) = blocking(&state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::search(c, &coalition_id, &query)?,
            super::actions(c, &coalition_id)?,
        ))
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::audit(&access, &filter, &entries, &actions),
    ))
}
