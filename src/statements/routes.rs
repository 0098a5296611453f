//! Coordinator pages of a statement, under `/c/{coalition}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDateTime;
use chrono_tz::Tz;
use serde::Deserialize;

use super::{
    ChangeKind, Draft, Edit, ListOrder, Saved, SignOnList, Signers, Statement, StatementError,
    Status, Version, views,
};
use crate::audit::Actor;
use crate::db::DbConn;
use crate::i18n::{Lang, local_time, t, t_args};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::{StatementCommentPath, StatementLangPath, StatementPath};
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(statement_list)
        .service(new_page)
        .service(create)
        .service(dashboard)
        .service(settings_page)
        .service(settings_save)
        .service(edit_page)
        .service(edit_save)
        .service(add_translation)
        .service(revisions_page)
        .service(diff_page)
        .service(set_status)
        .service(rotate_preview)
        .service(comments_page)
        .service(resolve_comment);
}

/// The statement named in the path, if it belongs to the member's coalition.
pub(crate) async fn load(
    state: &AppState,
    access: &Access,
    id: String,
) -> Result<Statement, WebError> {
    let membership = access.member()?.clone();
    blocking(state, move |c| super::find_for(c, &membership, &id))
        .await?
        .ok_or(WebError::NotFound)
}

/// The statement named in the path and its version in the path's
/// language, with what `more` reads of that version.
async fn load_version<T: Send + 'static>(
    state: &AppState,
    access: &Access,
    path: StatementLangPath,
    more: impl FnOnce(&mut DbConn, &Version) -> Result<T, WebError> + Send + 'static,
) -> Result<(Statement, Version, T), WebError> {
    let StatementLangPath {
        statement: id,
        lang,
    } = path;
    let statement = load(state, access, id).await?;
    let statement_id = statement.id.clone();
    let (version, more) = blocking(state, move |c| -> Result<_, WebError> {
        let version = super::version(c, &statement_id, &lang)?.ok_or(WebError::NotFound)?;
        let more = more(c, &version)?;
        Ok((version, more))
    })
    .await?;
    Ok((statement, version, more))
}

fn statement_url(access: &Access, statement: &Statement) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/statements/{}", statement.id)
}

/// Field errors for a draft, with sentences that say what to do.
fn draft_errors(lang: Lang, errors: &[super::DraftError]) -> FieldErrors {
    let mut fields = FieldErrors::default();
    for e in errors {
        let message = match (e.field, &e.error) {
            ("title", crate::text::TextError::Empty) => t(lang, "statement-error-title"),
            ("body", crate::text::TextError::Empty) => t(lang, "statement-error-body"),
            (_, crate::text::TextError::TooLong { max }) => {
                t_args(lang, "statement-error-too-long", &[("max", (*max).into())])
            }
            (_, crate::text::TextError::ControlCharacters) => {
                t(lang, "statement-error-control-characters")
            }
            (_, error @ crate::text::TextError::TooDeep { .. }) => super::text_error(lang, error),
            _ => t(lang, "statement-error-field"),
        };
        fields.add(e.field, message);
    }
    fields
}

#[get("")]
async fn statement_list(
    access: Viewer,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let coalition_id = access.member()?.coalition.id.clone();
    let statements = blocking(&state, move |c| super::list_for(c, &coalition_id)).await?;
    Ok(html_response(
        StatusCode::OK,
        views::statement_list(&access, &statements),
    ))
}

/// A text in a language as typed: a new statement's first text, or a
/// translation's.
#[derive(Debug, Default, Deserialize)]
pub struct TextForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub body: String,
}

impl TextForm {
    /// The draft of the text's first revision and the text's language,
    /// each `None` when it is wrong, with the draft's errors. The note is
    /// left empty: a first revision is named in the reader's language
    /// when shown.
    fn parse(&self, lang: Lang) -> (Option<Draft>, Option<String>, FieldErrors) {
        let draft = Draft::parse(&self.title, &self.body, "");
        let errors = match &draft {
            Ok(_) => FieldErrors::default(),
            Err(e) => draft_errors(lang, e),
        };
        (draft.ok(), super::parse_language(&self.language), errors)
    }
}

#[get("/statements/new")]
async fn new_page(access: Viewer) -> HttpResponse {
    let form = TextForm {
        language: "en".into(),
        ..TextForm::default()
    };
    html_response(
        StatusCode::OK,
        views::new_statement(&access, &form, &FieldErrors::default()),
    )
}

#[post("/statements/new")]
async fn create(
    access: Editor,
    state: web::Data<AppState>,
    form: web::Form<TextForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (draft, language, mut errors) = form.parse(access.lang);
    if language.is_none() {
        errors.add("language", t(access.lang, "statement-error-language"));
    }
    let (Some(draft), Some(language)) = (draft, language) else {
        return Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::new_statement(&access, &form, &errors),
        ));
    };
    let (membership, author) = (access.member()?.clone(), access.coordinator.clone());
    let statement = blocking_outcome(&state, move |c| {
        super::create(c, &membership, &author, &language, &draft)
    })
    .await?
    .map_err(WebError::unexpected)?;
    Ok(see_other(&statement_url(&access, &statement)))
}

/// What the dashboard shows of the statement and of its list.
async fn dashboard_data(
    state: &AppState,
    list: &SignOnList,
    access: &Access,
    statement: &Statement,
) -> Result<views::DashboardData, WebError> {
    let (id, me, lang, summary) = (
        statement.id.clone(),
        access.coordinator.id.clone(),
        access.lang,
        list.summary,
    );
    blocking(state, move |c| {
        views::DashboardData::load(c, &id, |c, since| summary(c, &id, &me, lang, since))
    })
    .await
}

#[get("/statements/{statement}")]
async fn dashboard(
    access: Viewer,
    state: web::Data<AppState>,
    list: web::Data<SignOnList>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let data = dashboard_data(&state, &list, &access, &statement).await?;
    let preview = super::preview_token(&state.secret, &statement);
    Ok(html_response(
        StatusCode::OK,
        views::dashboard(
            &access,
            &state.base_url,
            &statement,
            &data,
            &preview,
            &FieldErrors::default(),
        ),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub signers: String,
    #[serde(default)]
    pub requires_approval: Option<String>,
    #[serde(default)]
    pub list_order: String,
    #[serde(default)]
    pub deadline_at: String,
    #[serde(default)]
    pub publish_at: String,
    #[serde(default)]
    pub list_public_at: String,
    /// The zone the three times above are typed in.
    #[serde(default)]
    pub time_zone: String,
}

impl SettingsForm {
    /// The form showing `s`'s times in `zone`.
    pub fn from_statement(s: &Statement, zone: Tz) -> Self {
        let stamp = |t: Option<NaiveDateTime>| {
            t.map(|t| local_time::input_value(t, zone))
                .unwrap_or_default()
        };
        Self {
            slug: s.slug.clone(),
            language: s.language.clone(),
            signers: s.signers.as_str().to_owned(),
            requires_approval: s.requires_approval.then(|| "on".into()),
            list_order: s.list_order.as_str().to_owned(),
            deadline_at: stamp(s.deadline_at),
            publish_at: stamp(s.publish_at),
            list_public_at: stamp(s.list_public_at),
            time_zone: zone.name().to_owned(),
        }
    }

    /// The settings; times are read in the zone of the form, else in
    /// `default_zone` (the coalition's).
    fn parse(
        &self,
        lang: Lang,
        default_zone: Tz,
        errors: &mut FieldErrors,
    ) -> Option<super::Settings> {
        let slug = self.slug.trim().to_lowercase();
        if !crate::text::is_valid_slug(&slug) {
            errors.add("slug", t(lang, "settings-error-slug"));
        }
        let language = super::parse_language(&self.language);
        if language.is_none() {
            errors.add("language", t(lang, "statement-error-language"));
        }
        let zone = local_time::zone_or(&self.time_zone, default_zone)
            .map_err(|e| errors.add("time_zone", t(lang, e.message_id())))
            .ok();
        let mut time = |field: &'static str, text: &str| -> Option<Option<NaiveDateTime>> {
            // Without a zone the times cannot be read; the zone's field
            // says why.
            let zone = zone?;
            local_time::optional_to_utc(text, zone)
                .map_err(|e| errors.add(field, t(lang, e.message_id())))
                .ok()
        };
        let deadline_at = time("deadline_at", &self.deadline_at);
        let publish_at = time("publish_at", &self.publish_at);
        let list_public_at = time("list_public_at", &self.list_public_at);
        let signers = Signers::parse(&self.signers);
        let list_order = ListOrder::parse(&self.list_order);
        if signers.is_none() {
            errors.add("signers", t(lang, "settings-error-signers"));
        }
        if list_order.is_none() {
            errors.add("list_order", t(lang, "settings-error-list-order"));
        }
        Some(super::Settings {
            slug,
            language: language?,
            signers: signers?,
            requires_approval: self.requires_approval.is_some(),
            list_order: list_order?,
            deadline_at: deadline_at?,
            publish_at: publish_at?,
            list_public_at: list_public_at?,
        })
        .filter(|_| errors.is_empty())
    }
}

#[get("/statements/{statement}/settings")]
async fn settings_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let form = SettingsForm::from_statement(&statement, access.zone());
    Ok(html_response(
        StatusCode::OK,
        views::settings(&access, &statement, &form, &FieldErrors::default()),
    ))
}

#[post("/statements/{statement}/settings")]
async fn settings_save(
    access: Editor,
    state: web::Data<AppState>,
    list: web::Data<SignOnList>,
    path: web::Path<StatementPath>,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let Some(settings) = form.parse(access.lang, access.zone(), &mut errors) else {
        return Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::settings(&access, &statement, &form, &errors),
        ));
    };
    let (actor, target, rekey) = (access.coordinator.clone(), statement.clone(), list.rekey);
    let outcome = blocking_outcome(&state, move |c| {
        super::update_settings(c, &target, &actor, &settings, rekey)
    })
    .await?;
    match outcome {
        Ok(()) => return Ok(see_other(&statement_url(&access, &statement))),
        Err(StatementError::SlugTaken) => {
            errors.add("slug", t(access.lang, "settings-error-slug-taken"))
        }
        Err(StatementError::SlugLocked) => {
            errors.add("slug", t(access.lang, "settings-error-slug-locked"))
        }
        Err(StatementError::LanguageLocked) => {
            errors.add("language", t(access.lang, "settings-error-language-locked"))
        }
        Err(error) => return Err(WebError::unexpected(error)),
    }
    Ok(html_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::settings(&access, &statement, &form, &errors),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct EditForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub kind: String,
    /// For a material change: "stay" listed or "hide" until re-confirmed.
    #[serde(default)]
    pub pending: String,
    /// The revision the edit started from.
    #[serde(default)]
    pub base: Option<i32>,
}

#[get("/statements/{statement}/edit/{lang}")]
async fn edit_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementLangPath>,
) -> Result<HttpResponse, WebError> {
    let (statement, version, revision) =
        load_version(&state, &access, path.into_inner(), |c, v| {
            Ok(super::current_revision(c, v)?)
        })
        .await?;
    let form = EditForm {
        title: revision.title.clone(),
        body: revision.body.clone(),
        note: String::new(),
        kind: String::new(),
        pending: "stay".into(),
        base: Some(revision.number),
    };
    Ok(html_response(
        StatusCode::OK,
        views::edit(
            &access,
            &statement,
            &version,
            revision.number,
            &form,
            &FieldErrors::default(),
        ),
    ))
}

#[post("/statements/{statement}/edit/{lang}")]
async fn edit_save(
    access: Editor,
    state: web::Data<AppState>,
    list: web::Data<SignOnList>,
    path: web::Path<StatementLangPath>,
    form: web::Form<EditForm>,
) -> Result<HttpResponse, WebError> {
    let (statement, version, ()) =
        load_version(&state, &access, path.into_inner(), |_, _| Ok(())).await?;
    let form = form.into_inner();
    let draft = Draft::parse(&form.title, &form.body, &form.note);
    let kind = ChangeKind::parse(&form.kind).filter(|k| *k != ChangeKind::Draft);
    let mut errors = match &draft {
        Ok(_) => FieldErrors::default(),
        Err(e) => draft_errors(access.lang, e),
    };
    if statement.stored_status() != Status::Draft && kind.is_none() {
        errors.add("kind", t(access.lang, "edit-error-kind"));
    }
    let Ok(draft) = draft
        .map_err(|_| ())
        .and_then(|d| if errors.is_empty() { Ok(d) } else { Err(()) })
    else {
        return Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::edit(
                &access,
                &statement,
                &version,
                version.current_revision,
                &form,
                &errors,
            ),
        ));
    };
    let edit = Edit {
        statement: statement.clone(),
        version: version.clone(),
        author: access.coordinator.clone(),
        draft,
        kind,
        pending: form.pending.clone(),
        base: form.base.unwrap_or(version.current_revision),
    };
    let (st, revise) = (state.clone(), list.revise);
    let outcome = blocking_outcome(&state, move |c| revise(c, &st, edit)).await?;
    let saved = match outcome {
        Ok(saved) => saved,
        Err(StatementError::Conflict { current }) => {
            errors.add(
                "body",
                t_args(
                    access.lang,
                    "edit-error-conflict",
                    &[("current", current.into())],
                ),
            );
            let form = EditForm {
                base: Some(current),
                ..form
            };
            return Ok(html_response(
                StatusCode::CONFLICT,
                views::edit(&access, &statement, &version, current, &form, &errors),
            ));
        }
        Err(error) => return Err(WebError::unexpected(error)),
    };
    let url = statement_url(&access, &statement);
    Ok(match saved {
        Saved::NewRevision(_) => see_other(&format!("{url}/revisions/{}", version.language)),
        Saved::Unchanged => see_other(&url),
    })
}

#[post("/statements/{statement}/translations")]
async fn add_translation(
    access: Editor,
    state: web::Data<AppState>,
    list: web::Data<SignOnList>,
    path: web::Path<StatementPath>,
    form: web::Form<TextForm>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let form = form.into_inner();
    let (draft, language, mut errors) = form.parse(access.lang);
    if language.is_none() {
        errors.add("language", t(access.lang, "translation-error-language"));
    }
    if let (Some(draft), Some(language)) = (draft, language) {
        let (author, target) = (access.coordinator.clone(), statement.clone());
        let outcome = blocking_outcome(&state, move |c| {
            super::add_translation(c, &target, &author, &language, &draft)
        })
        .await?;
        match outcome {
            Ok(_) => return Ok(see_other(&statement_url(&access, &statement))),
            Err(StatementError::TranslationExists) => {
                errors.add("language", t(access.lang, "translation-error-exists"))
            }
            Err(error) => return Err(WebError::unexpected(error)),
        }
    }
    let data = dashboard_data(&state, &list, &access, &statement).await?;
    let preview = super::preview_token(&state.secret, &statement);
    let page = views::dashboard_with_translation(
        &access,
        &state.base_url,
        &statement,
        &data,
        &preview,
        &form,
        &errors,
    );
    Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, page))
}

#[get("/statements/{statement}/revisions/{lang}")]
async fn revisions_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementLangPath>,
) -> Result<HttpResponse, WebError> {
    let (statement, version, revisions) =
        load_version(&state, &access, path.into_inner(), |c, v| {
            Ok(super::revisions(c, &v.id)?)
        })
        .await?;
    Ok(html_response(
        StatusCode::OK,
        views::revisions(&access, &statement, &version, &revisions),
    ))
}

#[derive(Debug, Deserialize)]
pub struct DiffQuery {
    from: i32,
    to: i32,
}

#[get("/statements/{statement}/diff/{lang}")]
async fn diff_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementLangPath>,
    query: web::Query<DiffQuery>,
) -> Result<HttpResponse, WebError> {
    let DiffQuery { from, to } = query.into_inner();
    let (statement, version, (old, new)) =
        load_version(&state, &access, path.into_inner(), move |c, v| {
            let old = super::revision(c, &v.id, from)?.ok_or(WebError::NotFound)?;
            let new = super::revision(c, &v.id, to)?.ok_or(WebError::NotFound)?;
            Ok((old, new))
        })
        .await?;
    // A word diff of two long texts may take up to its timeout: off the
    // request threads.
    let page = web::block(move || views::diff(&access, &statement, &version, &old, &new)).await?;
    Ok(html_response(StatusCode::OK, page))
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    to: String,
}

#[post("/statements/{statement}/status")]
async fn set_status(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let lang = access.lang;
    let to = Status::parse(&form.to)
        .ok_or_else(|| WebError::BadRequest(t(lang, "statement-error-unknown-status")))?;
    let (actor, target) = (access.coordinator.clone(), statement.clone());
    let outcome = blocking_outcome(&state, move |c| {
        super::set_status(c, &target, Actor::Coordinator(&actor), to)
    })
    .await?;
    match outcome {
        Ok(()) => Ok(see_other(&statement_url(&access, &statement))),
        Err(StatementError::BadTransition { from, to }) => {
            let word = |status| views::word(lang, "statement-status", status);
            Err(WebError::BadRequest(t_args(
                lang,
                "statement-error-transition",
                &[("from", word(from).into()), ("to", word(to).into())],
            )))
        }
        Err(e) => Err(WebError::unexpected(e)),
    }
}

#[post("/statements/{statement}/preview-link")]
async fn rotate_preview(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let (actor, target) = (access.coordinator.clone(), statement.clone());
    blocking(&state, move |c| {
        super::rotate_preview_link(c, &target, &actor)
    })
    .await?;
    Ok(see_other(&statement_url(&access, &statement)))
}

#[get("/statements/{statement}/comments")]
async fn comments_page(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
) -> Result<HttpResponse, WebError> {
    let statement = load(&state, &access, path.into_inner().statement).await?;
    let id = statement.id.clone();
    let comments = blocking(&state, move |c| super::comments(c, &id)).await?;
    Ok(html_response(
        StatusCode::OK,
        views::comments(&access, &statement, &comments),
    ))
}

#[post("/statements/{statement}/comments/{comment}/resolve")]
async fn resolve_comment(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<StatementCommentPath>,
) -> Result<HttpResponse, WebError> {
    let StatementCommentPath {
        statement: id,
        comment,
    } = path.into_inner();
    let statement = load(&state, &access, id).await?;
    let (actor, target) = (access.coordinator.clone(), statement.clone());
    let resolved = blocking(&state, move |c| {
        super::resolve_comment(c, &target, &actor, &comment)
    })
    .await?;
    if !resolved {
        return Err(WebError::NotFound);
    }
    Ok(see_other(&format!(
        "{}/comments",
        statement_url(&access, &statement)
    )))
}
