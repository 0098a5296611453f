use actix_web::{HttpResponse, get, web};

use super::views;
use crate::error::WebError;
use crate::web::AppState;

/// The one-time setup link. A GET only looks; it never uses the token.
#[get("/setup/{token}")]
pub async fn setup_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let pool = state.pool.clone();
    let valid = web::block(move || {
        let mut conn = pool.get()?;
        Ok::<_, WebError>(super::setup_token_is_valid(&mut conn, &token)?)
    })
    .await??;
    let page = if valid {
        views::setup_valid()
    } else {
        views::setup_invalid()
    };
    let status = if valid { 200 } else { 404 };
    Ok(HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status).map_err(WebError::unexpected)?,
    )
    .content_type("text/html; charset=utf-8")
    .body(page.into_string()))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(setup_page);
}
