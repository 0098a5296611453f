//! A coalition's newsroom, `/newsroom/{coalition}`: its releases, each
//! once its web version is public, and its open or closed statements,
//! newest first, with an Atom feed of the same; `/press` leads to the
//! newsrooms of the server.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chrono::NaiveDateTime;
use diesel::QueryResult;
use maud::{Markup, html};

use super::{Release, Revision, db, render};
use crate::coalitions::{Coalition, Masthead};
use crate::db::DbConn;
use crate::i18n::{Lang, local_time, t, t_args};
use crate::statements::Status;
use crate::web::error::WebError;
use crate::web::layout::{Head, document, html_response, see_other};
use crate::web::pages::Made;
use crate::web::{AppState, blocking, caching};

const SUMMARY_CHARS: usize = 280;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(newsroom_index)
        .service(newsroom_page)
        .service(newsroom_feed);
}

/// What an entry of the newsroom is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Release,
    Statement { status: Status, listed: i32 },
}

/// One release or statement, as the newsroom and its feed show it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub title: String,
    pub summary: String,
    /// Its address on this server, from the root.
    pub path: String,
    pub published_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A coalition's newsroom as it stands at one moment.
pub struct Newsroom {
    pub coalition: Coalition,
    pub masthead: Masthead,
    pub entries: Vec<Entry>,
    /// The next moment at which it changes by itself: a release's embargo
    /// lifts, a statement goes public or closes.
    pub until: Option<NaiveDateTime>,
}

impl Newsroom {
    fn lang(&self) -> Lang {
        self.coalition.lang()
    }

    fn feed_path(&self) -> String {
        format!("/newsroom/{}/feed.atom", self.coalition.slug)
    }

    /// `body` as a page kept until the coalition's rows change.
    fn made(&self, body: String, content_type: &'static str) -> Made {
        Made {
            scopes: vec![self.coalition.id.clone()],
            until: self.until,
            content_type,
            headers: Vec::new(),
            body,
        }
    }
}

/// A release's entry, when its web version is public at `now`.
fn release_entry(release: Release, revision: Revision, now: NaiveDateTime) -> Option<Entry> {
    if !release.web_version_is_public(now) {
        return None;
    }
    let published_at = release
        .released_at?
        .max(release.embargo_at.unwrap_or_default());
    let summary = if revision.subheadline.is_empty() {
        crate::text::markdown_excerpt(&render::without_placeholders(&revision.body), SUMMARY_CHARS)
    } else {
        revision.subheadline
    };
    Some(Entry {
        kind: Kind::Release,
        title: revision.headline,
        summary,
        path: format!("/press/{}", release.slug),
        published_at,
        updated_at: published_at.max(revision.created_at),
    })
}

/// The newsroom of the coalition with `slug`, as it stands at `now`.
pub fn load(conn: &mut DbConn, slug: &str, now: NaiveDateTime) -> QueryResult<Option<Newsroom>> {
    let Some(coalition) = crate::coalitions::find_by_slug(conn, slug)? else {
        return Ok(None);
    };
    let released = db::released_of(conn, &coalition.id)?;
    let statements = crate::statements::newsworthy(conn, &coalition.id, now)?;
    let until = released
        .iter()
        .filter_map(|(release, _)| release.embargo_at)
        .filter(|at| *at > now)
        .chain(statements.next_change)
        .min();
    let mut entries: Vec<Entry> = released
        .into_iter()
        .filter_map(|(release, revision)| release_entry(release, revision, now))
        .collect();
    entries.extend(statements.published.into_iter().map(|s| Entry {
        kind: Kind::Statement {
            status: s.status,
            listed: s.listed,
        },
        title: s.title,
        summary: s.summary,
        path: format!("/s/{}", s.slug),
        published_at: s.published_at,
        updated_at: s.published_at,
    }));
    entries.sort_by_key(|e| std::cmp::Reverse(e.published_at));
    let masthead = crate::coalitions::masthead(conn, &coalition)?;
    Ok(Some(Newsroom {
        coalition,
        masthead,
        entries,
        until,
    }))
}

/// The newsroom of the coalition `slug` as `present` shows it, kept at
/// `key` (see `web::pages`); a 404 when there is no such coalition.
async fn serve(
    state: &AppState,
    key: String,
    slug: String,
    present: impl FnOnce(&Newsroom) -> Made + Send + 'static,
) -> Result<HttpResponse, WebError> {
    state
        .pages
        .serve(state, key, move |c| {
            let newsroom = load(c, &slug, crate::db::now())?.ok_or(WebError::NotFound)?;
            Ok(present(&newsroom))
        })
        .await
}

#[get("/newsroom/{coalition}")]
async fn newsroom_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let key = format!("newsroom\n{slug}");
    serve(&state, key, slug, |newsroom| {
        newsroom.made(view(newsroom).into_string(), "text/html; charset=utf-8")
    })
    .await
}

#[get("/newsroom/{coalition}/feed.atom")]
async fn newsroom_feed(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let key = format!("feed\n{slug}");
    let base_url = state.base_url.clone();
    serve(&state, key, slug, move |newsroom| {
        newsroom.made(
            atom(newsroom, &base_url),
            "application/atom+xml; charset=utf-8",
        )
    })
    .await
}

/// `/press`: the newsroom itself when the server holds one coalition,
/// else the list of the coalitions' newsrooms.
#[get("/press")]
async fn newsroom_index(state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let coalitions = blocking(&state, crate::coalitions::all).await?;
    if let [only] = coalitions.as_slice() {
        return Ok(see_other(&format!("/newsroom/{}", only.slug)));
    }
    let lang = coalitions.first().map_or(Lang::En, Coalition::lang);
    Ok(caching::public(html_response(
        StatusCode::OK,
        index_view(lang, &coalitions),
    )))
}

fn entry_view(lang: Lang, zone: chrono_tz::Tz, entry: &Entry) -> Markup {
    let kind = match &entry.kind {
        Kind::Release => t(lang, "newsroom-release"),
        Kind::Statement {
            status: Status::Open,
            ..
        } => t(lang, "newsroom-statement-open"),
        Kind::Statement { .. } => t(lang, "newsroom-statement-closed"),
    };
    html! {
        li.newsroom-entry {
            p.meta {
                span.kind { (kind) }
                " · "
                time datetime=(entry.published_at.and_utc().to_rfc3339()) {
                    (local_time::long_date(lang, zone, entry.published_at))
                }
                @if let Kind::Statement { listed, .. } = entry.kind {
                    @if listed > 0 {
                        " · " (t_args(lang, "newsroom-signed-by", &[("count", i64::from(listed).into())]))
                    }
                }
            }
            h3 { a href=(entry.path) { (entry.title) } }
            @if !entry.summary.is_empty() { p.summary { (entry.summary) } }
        }
    }
}

fn view(newsroom: &Newsroom) -> Markup {
    let lang = newsroom.lang();
    let zone = newsroom.coalition.zone();
    let name = newsroom.coalition.name.as_str();
    let feed = newsroom.feed_path();
    let title = t_args(lang, "newsroom-title", &[("coalition", name.into())]);
    let head = Head {
        lang: Some(lang.code().to_owned()),
        extra: Some(html! {
            link rel="alternate" type="application/atom+xml" title=(title) href=(feed);
        }),
        site: Some(name.to_owned()),
    };
    let body = html! {
        h1 { (title) }
        @if !newsroom.coalition.about.is_empty() {
            div.about { (crate::text::render_markdown(&newsroom.coalition.about)) }
        }
        @if newsroom.entries.is_empty() {
            p { (t(lang, "newsroom-empty")) }
        } @else {
            ol.newsroom { @for entry in &newsroom.entries { (entry_view(lang, zone, entry)) } }
        }
        p.links { a href=(feed) { (t(lang, "newsroom-feed")) } }
    };
    document(&title, head, maud::Render::render(&newsroom.masthead), body)
}

fn index_view(lang: Lang, coalitions: &[Coalition]) -> Markup {
    let title = t(lang, "newsrooms-title");
    let head = Head {
        lang: Some(lang.code().to_owned()),
        ..Head::default()
    };
    document(
        &title,
        head,
        html! {},
        html! {
            h1 { (title) }
            @if coalitions.is_empty() { p { (t(lang, "newsrooms-empty")) } }
            ul { @for c in coalitions { li { a href={ "/newsroom/" (c.slug) } { (c.name) } } } }
        },
    )
}

/// The newsroom as an Atom feed (RFC 4287), addresses absolute.
fn atom(newsroom: &Newsroom, base_url: &str) -> String {
    use atom_syndication::{Entry as AtomEntry, Feed, Link, Person, Text};
    let utc = |at: NaiveDateTime| at.and_utc().fixed_offset();
    let lang = newsroom.lang();
    let home = format!("{base_url}{}", newsroom.masthead.home);
    let link = |href: String, rel: &str, mime: Option<&str>| {
        let mut link = Link::default();
        link.set_href(href);
        link.set_rel(rel);
        link.set_mime_type(mime.map(str::to_owned));
        link
    };
    let entries: Vec<AtomEntry> = newsroom
        .entries
        .iter()
        .map(|e| {
            let url = format!("{base_url}{}", e.path);
            let mut entry = AtomEntry::default();
            entry.set_title(Text::plain(e.title.clone()));
            entry.set_id(url.clone());
            entry.set_links(vec![link(url, "alternate", Some("text/html"))]);
            entry.set_published(Some(utc(e.published_at)));
            entry.set_updated(utc(e.updated_at));
            entry.set_summary(Some(Text::plain(e.summary.clone())));
            entry
        })
        .collect();
    let updated = newsroom
        .entries
        .iter()
        .map(|e| e.updated_at)
        .max()
        .unwrap_or(newsroom.coalition.created_at);
    let mut author = Person::default();
    author.set_name(newsroom.coalition.name.clone());
    author.set_uri(Some(home.clone()));
    let mut feed = Feed::default();
    feed.set_title(Text::plain(t_args(
        lang,
        "newsroom-title",
        &[("coalition", newsroom.coalition.name.as_str().into())],
    )));
    feed.set_id(home.clone());
    feed.set_lang(Some(lang.code().to_owned()));
    feed.set_updated(utc(updated));
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(home, "alternate", Some("text/html")),
        link(
            format!("{base_url}{}", newsroom.feed_path()),
            "self",
            Some("application/atom+xml"),
        ),
    ]);
    if let Some(logo) = &newsroom.masthead.logo {
        feed.set_logo(Some(format!("{base_url}{logo}")));
    }
    feed.set_entries(entries);
    feed.to_string()
}
