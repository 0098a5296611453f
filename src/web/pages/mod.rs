//! Finished public pages, kept in memory and served again until what they
//! show changes.
//!
//! A page (a statement in one language, a page of its list, its letter,
//! JSON or embed, a release, a newsroom) is made from rows of a few
//! *scopes*: its statement and its coalition. Triggers in the database
//! move a scope's version whenever one of its rows changes (see the
//! `page_versions` migration), whoever writes it, this instance or
//! another on the same PostgreSQL database. A kept page remembers the
//! versions it was made from; each request reads the current ones (one
//! small query by primary key) and gets the kept page only if none moved.
//! A page that changes by itself at a known moment (an embargo lifting, a
//! deadline, the date on a letter) is kept only until then.
//!
//! The memory is bounded (`page_cache_mib`), counted as each page's bytes
//! and room for its compressed copies; the least used pages go first.

mod db;

use std::sync::Arc;

use actix_web::HttpResponse;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::web::Bytes;
use chrono::NaiveDateTime;
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use super::caching::{self, Finished};
use super::{AppState, blocking};
use crate::db::DbConn;
use crate::web::error::WebError;

/// A page as a handler made it.
pub struct Made {
    /// The scopes (statement and coalition ids) whose rows it shows.
    pub scopes: Vec<String>,
    /// The next moment at which it would change by itself, if any.
    pub until: Option<NaiveDateTime>,
    pub content_type: &'static str,
    /// Headers of its own (a frame policy, CORS).
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: String,
}

impl Made {
    /// An HTML page of `scopes`.
    pub fn html(scopes: Vec<String>, until: Option<NaiveDateTime>, body: maud::Markup) -> Self {
        Self {
            scopes,
            until,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: body.into_string(),
        }
    }
}

/// The versions of a page's scopes, by scope.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Versions(Vec<(String, i64)>);

impl Versions {
    /// The current versions of `scopes` (0 for one never changed), and
    /// when the last of them changed.
    fn read(
        conn: &mut DbConn,
        scopes: &[String],
    ) -> diesel::QueryResult<(Self, Option<NaiveDateTime>)> {
        let rows = db::versions(conn, scopes)?;
        let changed_at = rows.iter().map(|(_, _, at)| *at).max();
        let mut versions: Vec<(String, i64)> = scopes
            .iter()
            .map(|scope| {
                let version = rows
                    .iter()
                    .find(|(s, _, _)| s == scope)
                    .map_or(0, |(_, v, _)| *v);
                (scope.clone(), version)
            })
            .collect();
        versions.sort();
        Ok((Self(versions), changed_at))
    }

    fn scopes(&self) -> Vec<String> {
        self.0.iter().map(|(scope, _)| scope.clone()).collect()
    }
}

/// A page ready to be sent again.
struct Kept {
    versions: Versions,
    until: Option<NaiveDateTime>,
    content_type: &'static str,
    headers: Vec<(HeaderName, HeaderValue)>,
    finished: Arc<Finished>,
}

impl Kept {
    fn respond(&self) -> HttpResponse {
        let mut response = HttpResponse::Ok();
        response.content_type(self.content_type);
        for (name, value) in &self.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        let mut response = response.body(self.finished.body().clone());
        response.extensions_mut().insert(self.finished.clone());
        caching::public(response)
    }
}

/// A kept page's share of the memory: its bytes, and as much again at
/// most for its brotli and gzip copies (each a fraction of the page).
#[derive(Clone)]
struct ByBytes;

impl Weighter<String, Arc<Kept>> for ByBytes {
    fn weight(&self, key: &String, kept: &Arc<Kept>) -> u64 {
        let body = kept.finished.body().len();
        (key.len() + 2 * body + 512) as u64
    }
}

/// The kept pages of this process; clones share them.
#[derive(Clone)]
pub struct Pages {
    cache: Option<Arc<Cache<String, Arc<Kept>, ByBytes>>>,
}

impl Pages {
    /// Room for `mib` MiB of pages; none when `mib` is 0.
    pub fn new(mib: u32) -> Self {
        let bytes = u64::from(mib) * 1024 * 1024;
        let cache = (bytes > 0).then(|| {
            // About 50 KiB a page, for the cache's first estimate of its size.
            let pages = usize::try_from(bytes / 50_000)
                .unwrap_or(usize::MAX)
                .max(16);
            Arc::new(Cache::with_weighter(pages, bytes, ByBytes))
        });
        Self { cache }
    }

    /// The bytes the kept pages take, as counted against `page_cache_mib`.
    pub fn weight(&self) -> u64 {
        self.cache.as_ref().map_or(0, |cache| cache.weight())
    }

    /// The page at `key`: the kept one while its scopes are unchanged,
    /// else made afresh by `make` (in one snapshot of the database with
    /// the versions it is kept under) and kept.
    pub async fn serve<F>(
        &self,
        state: &AppState,
        key: String,
        make: F,
    ) -> Result<HttpResponse, WebError>
    where
        F: FnOnce(&mut DbConn) -> Result<Made, WebError> + Send + 'static,
    {
        let now = crate::db::now();
        let kept = self
            .cache
            .as_ref()
            .and_then(|cache| cache.get(&key))
            .filter(|kept| kept.until.is_none_or(|until| until > now));
        if let Some(kept) = kept {
            let scopes = kept.versions.scopes();
            let (current, _) = blocking(state, move |c| Versions::read(c, &scopes)).await?;
            if current == kept.versions {
                return Ok(kept.respond());
            }
        }
        let (made, versions, changed_at) = blocking(state, move |c| {
            db::in_snapshot(c, |c| -> Result<_, WebError> {
                let made = make(c)?;
                let (versions, changed_at) = Versions::read(c, &made.scopes)?;
                Ok((made, versions, changed_at))
            })
        })
        .await?;
        let kept = Arc::new(Kept {
            versions,
            until: made.until,
            content_type: made.content_type,
            headers: made.headers,
            finished: Arc::new(Finished::new(Bytes::from(made.body), changed_at)),
        });
        if let Some(cache) = &self.cache {
            cache.insert(key, kept.clone());
        }
        Ok(kept.respond())
    }
}
