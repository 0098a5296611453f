//! The saved-list pages under `/c/{coalition}/contacts/lists`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use super::views;
use super::{ListError, MemberChange};
use crate::audit::Actor;
use crate::contacts::search::Filter;
use crate::contacts::views::base;
use crate::i18n::t;
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::ListPath;
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(lists_page)
        .service(create)
        .service(add)
        .service(list_page)
        .service(remove)
        .service(delete);
}

/// The values of every field called `name` in a urlencoded body (the
/// checkboxes of a table).
fn all_named(body: &str, name: &str) -> Vec<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v)
        .collect()
}

fn one_named(body: &str, name: &str) -> String {
    all_named(body, name).pop().unwrap_or_default()
}

async fn render_lists(
    state: &AppState,
    access: &Access,
    typed: (&str, &str),
    errors: &FieldErrors,
) -> Result<HttpResponse, WebError> {
    let id = access.member()?.coalition.id.clone();
    let (summaries, saved, tags) = blocking(state, move |c| {
        Ok::<_, diesel::result::Error>((
            crate::contacts::lists(c, &id)?,
            crate::contacts::saved_lists(c, &id)?,
            crate::contacts::tags(c, &id)?,
        ))
    })
    .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html_response(
        status,
        views::lists(access, &summaries, &saved, &tags, typed, errors),
    ))
}

#[get("/contacts/lists")]
async fn lists_page(access: Viewer, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    render_lists(&state, &access, ("", ""), &FieldErrors::default()).await
}

#[post("/contacts/lists")]
async fn create(
    access: Editor,
    state: web::Data<AppState>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let (name, tags) = (one_named(&body, "name"), one_named(&body, "tags"));
    let (id, actor, typed) = (
        access.member()?.coalition.id.clone(),
        access.coordinator.clone(),
        (name.clone(), tags.clone()),
    );
    let created = blocking_outcome(&state, move |c| {
        super::create_list(c, &id, &Actor::Coordinator(&actor), &typed.0, &typed.1)
    })
    .await?;
    let mut errors = FieldErrors::default();
    match created {
        Ok(list) => return Ok(see_other(&format!("{}/lists/{list}", base(&access)))),
        Err(ListError::Name(problem)) => errors.add("name", problem.message(access.lang)),
        Err(ListError::Tags(problem)) => errors.add("tags", problem.message(access.lang)),
        Err(ListError::NameTaken) => errors.add("name", t(access.lang, "contacts-list-name-taken")),
        Err(error) => return Err(WebError::unexpected(error)),
    }
    render_lists(&state, &access, (&name, &tags), &errors).await
}

/// Adds the contacts ticked on the contacts page to a hand-picked list,
/// made on the spot when a new name is typed.
#[post("/contacts/lists/add")]
async fn add(
    access: Editor,
    state: web::Data<AppState>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let lang = access.lang;
    let picked = all_named(&body, "contact");
    if picked.is_empty() {
        return Err(WebError::BadRequest(t(lang, "contacts-none-selected")));
    }
    let (list, new_list) = (one_named(&body, "list"), one_named(&body, "new_list"));
    let (id, actor) = (
        access.member()?.coalition.id.clone(),
        access.coordinator.clone(),
    );
    let added = blocking_outcome(&state, move |c| {
        let actor = Actor::Coordinator(&actor);
        let list = match new_list.trim() {
            "" => list,
            name => super::create_list(c, &id, &actor, name, "")?,
        };
        super::change_members(c, &id, &actor, &list, &picked, MemberChange::Add).map(|_| list)
    })
    .await?;
    match added {
        Ok(list) => Ok(see_other(&format!("{}/lists/{list}", base(&access)))),
        Err(ListError::NotFound) => Err(WebError::BadRequest(t(lang, "contacts-choose-list"))),
        Err(ListError::NameTaken) => Err(WebError::BadRequest(t(lang, "contacts-list-name-taken"))),
        Err(ListError::Name(problem) | ListError::Tags(problem)) => {
            Err(WebError::BadRequest(problem.message(lang)))
        }
        Err(ListError::NotHandPicked) => {
            Err(WebError::BadRequest(t(lang, "contacts-list-by-tags")))
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}

async fn load(
    state: &AppState,
    access: &Access,
    list: String,
) -> Result<super::SavedList, WebError> {
    let id = access.member()?.coalition.id.clone();
    blocking(state, move |c| super::find_list(c, &id, &list))
        .await?
        .ok_or(WebError::NotFound)
}

#[get("/contacts/lists/{list}")]
async fn list_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ListPath>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, WebError> {
    let list = load(&state, &access, path.into_inner().list).await?;
    let (id, saved, filter) = (
        access.member()?.coalition.id.clone(),
        list.clone(),
        filter.into_inner(),
    );
    let query = filter.clone();
    let page = blocking(&state, move |c| super::members(c, &id, &saved, &query)).await?;
    Ok(html_response(
        StatusCode::OK,
        views::list(&access, &list, &filter, &page),
    ))
}

#[post("/contacts/lists/{list}/remove")]
async fn remove(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ListPath>,
    body: String,
) -> Result<HttpResponse, WebError> {
    let list = load(&state, &access, path.into_inner().list).await?;
    let picked = all_named(&body, "contact");
    let (id, actor, list_id) = (
        access.member()?.coalition.id.clone(),
        access.coordinator.clone(),
        list.id.clone(),
    );
    let removed = blocking_outcome(&state, move |c| {
        let actor = Actor::Coordinator(&actor);
        super::change_members(c, &id, &actor, &list_id, &picked, MemberChange::Remove)
    })
    .await?;
    match removed {
        Ok(_) => Ok(see_other(&format!("{}/lists/{}", base(&access), list.id))),
        Err(ListError::NotHandPicked) => Err(WebError::BadRequest(t(
            access.lang,
            "contacts-list-by-tags",
        ))),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[post("/contacts/lists/{list}/delete")]
async fn delete(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ListPath>,
) -> Result<HttpResponse, WebError> {
    let (id, actor, list) = (
        access.member()?.coalition.id.clone(),
        access.coordinator.clone(),
        path.into_inner().list,
    );
    let deleted = blocking_outcome(&state, move |c| {
        super::delete_list(c, &id, &Actor::Coordinator(&actor), &list)
    })
    .await?;
    match deleted {
        Ok(()) => Ok(see_other(&format!("{}/lists", base(&access)))),
        Err(ListError::NotFound) => Err(WebError::NotFound),
        Err(error) => Err(WebError::unexpected(error)),
    }
}
