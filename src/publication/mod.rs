//! The published statement as the public reads it: the page per language
//! with its "Signed by" list, the printable letter, the JSON, the
//! embeddable counter, and the private preview where partners comment on a
//! draft. It sits above `statements` and `signatures` and reads both
//! through their public operations.

mod views;

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;

use crate::db::DbConn;
use crate::i18n::Lang;
use crate::i18n::local_time;
use crate::signatures::{self, Cursor, Kind, Listed};
use crate::statements::{self, NewComment, Revision, Statement, Version};
use crate::web::error::WebError;
use crate::web::layout::{html_response, see_other};
use crate::web::pages::Made;
use crate::web::paths::{LinkPath, PageLanguagePath};
use crate::web::{AppState, blocking};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(json)
        .service(letter)
        .service(embed)
        .service(statement_page)
        .service(page_in_language)
        .service(preview)
        .service(comment);
}

/// Everything a public page of one language version shows.
pub struct PageData {
    pub statement: Statement,
    pub version: Version,
    pub revision: Revision,
    pub languages: Vec<String>,
    pub organizations: Vec<Listed>,
    pub individuals: Vec<Listed>,
    pub next_organizations: Option<Cursor>,
    pub next_individuals: Option<Cursor>,
    pub list_visible: bool,
    /// Revision numbers by revision id, to say which text each name signed.
    pub revision_numbers: std::collections::HashMap<String, i32>,
    /// Who stands behind the statement.
    pub masthead: crate::coalitions::Masthead,
    /// The coalition's zone, in which the page gives its times.
    pub zone: chrono_tz::Tz,
}

impl PageData {
    pub fn lang(&self) -> Lang {
        Lang::for_content(&self.version.language)
    }

    /// The revision a listed name signed.
    pub fn signed_revision(&self, listed: &Listed) -> Option<i32> {
        listed
            .revision_id
            .as_ref()
            .and_then(|id| self.revision_numbers.get(id))
            .copied()
    }

    /// The revision to mark beside a name still asked to confirm a newer text.
    pub fn mark(&self, listed: &Listed) -> Option<i32> {
        listed
            .reconsent_revision_id
            .as_ref()
            .and_then(|_| self.signed_revision(listed))
    }
}

/// Where each list starts on this page.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct PageQuery {
    #[serde(default)]
    pub organizations_after: Option<String>,
    #[serde(default)]
    pub individuals_after: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub commented: Option<String>,
}

impl PageQuery {
    /// Where the list of `kind` starts on this page.
    fn after(&self, kind: Kind) -> Option<&str> {
        match kind {
            Kind::Organization => self.organizations_after.as_deref(),
            Kind::Individual => self.individuals_after.as_deref(),
        }
    }
}

/// One page of the list of `kind`; empty while the list is hidden or when
/// the statement does not take that kind of signer.
fn page_of(
    conn: &mut DbConn,
    statement: &Statement,
    list_visible: bool,
    kind: Kind,
    query: &PageQuery,
    limit: i64,
) -> diesel::QueryResult<(Vec<Listed>, Option<Cursor>)> {
    let takes = match kind {
        Kind::Organization => statement.signers().takes_organizations(),
        Kind::Individual => statement.signers().takes_individuals(),
    };
    if !(list_visible && takes) {
        return Ok((Vec::new(), None));
    }
    let cursor = query.after(kind).and_then(Cursor::parse);
    let mut rows = signatures::page(conn, &statement.id, kind, cursor.as_ref(), limit + 1)?;
    let next = (rows.len() as i64 > limit).then(|| {
        rows.truncate(limit as usize);
        rows.last().map(Cursor::after)
    });
    Ok((rows, next.flatten()))
}

/// Loads a version and, when visible, one page of each list.
pub fn load_page(
    conn: &mut DbConn,
    statement: Statement,
    language: &str,
    query: &PageQuery,
    limit: i64,
) -> Result<PageData, WebError> {
    let version = statements::version(conn, &statement.id, language)?.ok_or(WebError::NotFound)?;
    let revision = statements::current_revision(conn, &version)?;
    let languages = statements::versions(conn, &statement.id)?
        .into_iter()
        .map(|v| v.language)
        .collect();
    let list_visible = statement.list_is_visible(crate::db::now());
    let (organizations, next_organizations) = page_of(
        conn,
        &statement,
        list_visible,
        Kind::Organization,
        query,
        limit,
    )?;
    let (individuals, next_individuals) = page_of(
        conn,
        &statement,
        list_visible,
        Kind::Individual,
        query,
        limit,
    )?;
    let revision_numbers = statements::revision_numbers(conn, &statement.id)?;
    let coalition = crate::coalitions::find(conn, &statement.coalition_id)?;
    Ok(PageData {
        revision_numbers,
        zone: coalition.zone(),
        masthead: crate::coalitions::masthead(conn, &coalition)?,
        statement,
        version,
        revision,
        languages,
        organizations,
        individuals,
        next_organizations,
        next_individuals,
        list_visible,
    })
}

/// A statement the public may read, or not found.
fn public_statement(conn: &mut DbConn, slug: &str) -> Result<Statement, WebError> {
    statements::find_by_slug(conn, slug)?
        .filter(|s| s.is_public(crate::db::now()))
        .ok_or(WebError::NotFound)
}

/// What a public page of `statement` depends on, and until when it holds.
fn made_of(statement: &Statement, body: maud::Markup) -> Made {
    let until = statement.next_change(crate::db::now());
    Made::html(scopes(statement), until, body)
}

/// The statement's scope and its coalition's (see `web::pages`).
fn scopes(statement: &Statement) -> Vec<String> {
    vec![statement.id.clone(), statement.coalition_id.clone()]
}

async fn render(
    state: &AppState,
    slug: String,
    language: Option<String>,
    query: PageQuery,
) -> Result<HttpResponse, WebError> {
    let key = format!(
        "page\n{slug}\n{}\n{}\n{}",
        language.as_deref().unwrap_or_default(),
        query.organizations_after.as_deref().unwrap_or_default(),
        query.individuals_after.as_deref().unwrap_or_default(),
    );
    let base_url = state.base_url.clone();
    state
        .pages
        .serve(state, key, move |c| {
            let statement = public_statement(c, &slug)?;
            let language = language.unwrap_or_else(|| statement.language.clone());
            let data = load_page(c, statement, &language, &query, signatures::PAGE_SIZE)?;
            Ok(made_of(
                &data.statement,
                views::page(&data, &base_url, None),
            ))
        })
        .await
}

#[get("/s/{slug}")]
async fn statement_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    render(&state, slug.into_inner(), None, query.into_inner()).await
}

#[get("/s/{slug}/{lang}")]
async fn page_in_language(
    state: web::Data<AppState>,
    path: web::Path<PageLanguagePath>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let PageLanguagePath { slug, lang } = path.into_inner();
    render(&state, slug, Some(lang), query.into_inner()).await
}

#[get("/s/{slug}/letter")]
async fn letter(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let asked = query.into_inner().lang;
    let key = format!("letter\n{slug}\n{}", asked.as_deref().unwrap_or_default());
    state
        .pages
        .serve(&state, key, move |c| {
            let statement = public_statement(c, &slug)?;
            let language = asked.unwrap_or_else(|| statement.language.clone());
            let data = load_page(c, statement, &language, &PageQuery::default(), i64::MAX - 1)?;
            // The letter is dated today, in the coalition's zone.
            let tomorrow = local_time::next_midnight(data.zone, crate::db::now());
            let mut made = made_of(&data.statement, views::letter(&data));
            made.until = Some(made.until.map_or(tomorrow, |until| until.min(tomorrow)));
            Ok(made)
        })
        .await
}

#[get("/s/{slug}.json")]
async fn json(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let key = format!("json\n{slug}");
    let base_url = state.base_url.clone();
    state
        .pages
        .serve(&state, key, move |c| {
            let statement = public_statement(c, &slug)?;
            let language = statement.language.clone();
            let data = load_page(c, statement, &language, &PageQuery::default(), i64::MAX - 1)?;
            let body = serde_json::to_string(&views::json(&data, &base_url))
                .map_err(WebError::unexpected)?;
            Ok(Made {
                content_type: "application/json",
                headers: vec![(
                    header::ACCESS_CONTROL_ALLOW_ORIGIN,
                    header::HeaderValue::from_static("*"),
                )],
                body,
                ..made_of(&data.statement, maud::html! {})
            })
        })
        .await
}

/// `?lang=es` shows the Spanish version, where there is one: a site in
/// Spanish frames the statement in Spanish.
#[get("/s/{slug}/embed")]
async fn embed(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let asked = query.into_inner().lang;
    let key = format!("embed\n{slug}\n{}", asked.as_deref().unwrap_or_default());
    let base_url = state.base_url.clone();
    state
        .pages
        .serve(&state, key, move |c| {
            let statement = public_statement(c, &slug)?;
            let language = match asked {
                Some(asked) if statements::version(c, &statement.id, &asked)?.is_some() => asked,
                _ => statement.language.clone(),
            };
            let data = load_page(c, statement, &language, &PageQuery::default(), 0)?;
            // The one page that other sites may frame.
            Ok(Made {
                headers: vec![
                    (
                        header::CONTENT_SECURITY_POLICY,
                        header::HeaderValue::from_static(
                            "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors *",
                        ),
                    ),
                    (
                        header::X_FRAME_OPTIONS,
                        header::HeaderValue::from_static("ALLOWALL"),
                    ),
                ],
                ..made_of(&data.statement, views::embed(&data, &base_url))
            })
        })
        .await
}

async fn preview_data(
    state: &AppState,
    id: String,
    token: String,
    query: PageQuery,
) -> Result<PageData, WebError> {
    let secret = state.secret.clone();
    blocking(state, move |c| {
        let statement = statements::find_any(c, &id)?
            .filter(|s| statements::preview_token_matches(&secret, s, &token))
            .ok_or(WebError::NotFound)?;
        let language = query
            .lang
            .clone()
            .unwrap_or_else(|| statement.language.clone());
        load_page(c, statement, &language, &query, signatures::PAGE_SIZE)
    })
    .await
}

#[get("/preview/{id}/{token}")]
async fn preview(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let query = query.into_inner();
    let thanked = query.commented.is_some();
    let data = preview_data(&state, id, token.clone(), query).await?;
    let page = views::page(
        &data,
        &state.base_url,
        Some(views::Preview {
            token: &token,
            form: None,
            thanked,
        }),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("x-robots-tag", "noindex, nofollow"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(page.into_string()))
}

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub lang: String,
    /// A field people never see; bots fill it.
    #[serde(default)]
    pub website: String,
}

#[post("/preview/{id}/{token}/comments")]
async fn comment(
    state: web::Data<AppState>,
    path: web::Path<LinkPath>,
    form: web::Form<CommentForm>,
) -> Result<HttpResponse, WebError> {
    let LinkPath { id, token } = path.into_inner();
    let form = form.into_inner();
    let query = PageQuery {
        lang: Some(form.lang.clone()).filter(|l| !l.is_empty()),
        ..PageQuery::default()
    };
    let data = preview_data(&state, id.clone(), token.clone(), query).await?;
    let back = format!(
        "/preview/{id}/{token}?lang={}&commented=1#comment",
        data.version.language
    );
    if !form.website.is_empty() {
        return Ok(see_other(&back));
    }
    let lang = data.lang();
    let mut errors = crate::web::forms::FieldErrors::default();
    let mut check = |field: &'static str, text: &str, max: usize, multiline: bool| {
        let result = if multiline {
            crate::text::normalize_text(text, max)
        } else {
            crate::text::normalize_line(text, max)
        };
        result
            .map_err(|e| errors.add(field, crate::web::forms::text_error(lang, &e)))
            .ok()
    };
    let name = check("name", &form.name, 120, false);
    let organization = check("organization", &form.organization, 200, false);
    let body = check("comment", &form.comment, 5000, true);
    let (Some(name), Some(organization), Some(body)) = (name, organization, body) else {
        let page = views::page(
            &data,
            &state.base_url,
            Some(views::Preview {
                token: &token,
                form: Some((&form, &errors)),
                thanked: false,
            }),
        );
        return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, page));
    };
    let comment = NewComment {
        name,
        organization,
        body,
    };
    let (statement, revision) = (data.statement.clone(), data.revision.clone());
    blocking(&state, move |c| {
        statements::add_comment(c, &statement, &revision, &comment)
    })
    .await?;
    Ok(see_other(&back))
}
