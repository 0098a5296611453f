//! Deleting signatures from the signatures page: the selected rows, or
//! every row of the filter on all pages. Deleting cannot be undone, so the
//! first press shows how many signatures it would delete and asks again;
//! the confirmation deletes them in one transaction.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{Markup, html};

use super::moderation::{self, ListFilter};
use crate::i18n::{t, t_args};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::error::WebError;
use crate::web::forms::csrf_field;
use crate::web::layout::{headed, html_response, see_other};
use crate::web::{AppState, blocking};

/// What the delete button was pressed for.
pub struct Request {
    pub ids: Vec<String>,
    /// Every signature of `filter`, on all pages, instead of `ids`.
    pub all: bool,
    pub filter: ListFilter,
    /// The coordinator confirmed on the question page.
    pub confirmed: bool,
    /// The form as sent, to send again from the question page.
    pub pairs: Vec<(String, String)>,
}

/// Asks before deleting, then deletes and says how many went.
pub async fn handle(
    state: &actix_web::web::Data<AppState>,
    access: &Access,
    statement: Statement,
    request: Request,
) -> Result<HttpResponse, WebError> {
    let (target, actor) = (statement.clone(), access.coordinator.clone());
    let (all, ids, filter, confirmed) =
        (request.all, request.ids, request.filter, request.confirmed);
    let outcome = blocking(state, move |c| {
        let ids = if all {
            moderation::selected_ids(c, &target.id, &filter, false)?
        } else {
            ids
        };
        if confirmed {
            moderation::delete(c, &target, &actor, &ids).map(Ok)
        } else {
            Ok(Err(ids.len()))
        }
    })
    .await?;
    let base = format!(
        "/c/{}/statements/{}/signatures",
        access.coalition_slug(),
        statement.id
    );
    Ok(match outcome {
        Ok(deleted) => see_other(&format!("{base}?done=deleted&count={deleted}")),
        Err(count) => html_response(
            StatusCode::OK,
            question(access, &base, count, &request.pairs),
        ),
    })
}

fn question(access: &Access, base: &str, count: usize, pairs: &[(String, String)]) -> Markup {
    let lang = access.lang;
    headed(
        access,
        &t(lang, "signatures-delete-title"),
        html! {
            p { (t_args(lang, "signatures-delete-question", &[("count", count.into())])) }
            form method="post" action={ (base) "/moderate" } {
                (csrf_field(&access.csrf))
                @for (name, value) in pairs.iter().filter(|(k, _)| !matches!(k.as_str(), "csrf" | "action" | "confirmed")) {
                    input type="hidden" name=(name) value=(value);
                }
                input type="hidden" name="confirmed" value="yes";
                button.danger type="submit" name="action" value="delete" disabled[count == 0] {
                    (t_args(lang, "signatures-delete-confirm", &[("count", count.into())]))
                }
                " "
                a href=(base) { (t(lang, "signatures-delete-cancel")) }
            }
        },
    )
}
