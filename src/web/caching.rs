//! How long answers may be kept, and by whom.
//!
//! A public page (a statement, its letter, JSON and embed, a release, a
//! newsroom) is the same for everyone who asks for its address, so
//! browsers, proxies and CDNs may keep it for a short while
//! (`public_cache_seconds`, then `public_stale_seconds` more while they
//! ask again). It carries a strong `ETag` made from its bytes, so asking
//! again costs a `304 Not Modified` when nothing changed, and it is sent
//! compressed (brotli, else gzip) when the client accepts it. Every other
//! answer (coordinator pages, pages reached with a token, forms) says
//! `private, no-store` unless its handler chose otherwise.

use std::io::Write;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap, HeaderValue, HttpDate, TryIntoHeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse};
use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::config::Settings;

/// Marks an answer as the same for everyone who asks for its address.
#[derive(Debug, Clone, Copy)]
struct Public;

/// `response`, to be kept by anyone for a short while.
pub fn public(mut response: HttpResponse) -> HttpResponse {
    response.extensions_mut().insert(Public);
    response
}

/// What everything else says.
const PRIVATE: &str = "private, no-store";

/// How long public answers may be kept, as a `Cache-Control` value.
fn public_cache_control(settings: &Settings) -> String {
    format!(
        "public, max-age={}, stale-while-revalidate={}",
        settings.public_cache_seconds, settings.public_stale_seconds
    )
}

/// The encodings a public answer is offered in, most preferred first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The one the client accepts and likes best (`q=0` refuses one).
    fn negotiate(headers: &HeaderMap) -> Option<Self> {
        let accepted: Vec<(String, f32)> = headers
            .get_all(header::ACCEPT_ENCODING)
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .filter_map(|item| {
                let mut parts = item.split(';');
                let token = parts.next()?.trim().to_ascii_lowercase();
                let quality = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((token, quality))
            })
            .collect();
        let quality = |token: &str| {
            accepted
                .iter()
                .find(|(t, _)| t == token)
                .or_else(|| accepted.iter().find(|(t, _)| t == "*"))
                .map_or(0.0, |(_, q)| *q)
        };
        [Encoding::Brotli, Encoding::Gzip]
            .into_iter()
            .map(|encoding| (encoding, quality(encoding.token())))
            .filter(|(_, q)| *q > 0.0)
            .fold(
                None,
                |best: Option<(Encoding, f32)>, (encoding, q)| match best {
                    Some((_, best_q)) if best_q >= q => best,
                    _ => Some((encoding, q)),
                },
            )
            .map(|(encoding, _)| encoding)
    }

    fn compress(self, body: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                let mut out = Vec::with_capacity(body.len() / 4);
                {
                    // Quality 3 of 11 and a 256 KiB window (pages are
                    // smaller): most of brotli's gain at a fraction of
                    // its slowest settings' cost, paid per request. With
                    // quality 5 and a 4 MiB window, a page in brotli was
                    // served at 71% of the plain page's rate; with these,
                    // at 77–80% (`cargo bench --bench http`).
                    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 3, 18);
                    writer.write_all(body)?;
                }
                Ok(out)
            }
            Encoding::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(
                    Vec::with_capacity(body.len() / 3),
                    flate2::Compression::default(),
                );
                encoder.write_all(body)?;
                encoder.finish()
            }
        }
    }
}

/// The strong validator of a body: part of its SHA-256, with the encoding
/// of the representation sent, since each encoding is other bytes.
fn entity_tag(digest: &str, encoding: Option<Encoding>) -> String {
    match encoding {
        Some(encoding) => format!("\"{digest}-{}\"", encoding.token()),
        None => format!("\"{digest}\""),
    }
}

/// Whether `If-None-Match` names this body, in any of its encodings (the
/// weak comparison the header is judged by).
fn matches(if_none_match: &str, digest: &str) -> bool {
    if_none_match.split(',').any(|tag| {
        let tag = tag.trim();
        if tag == "*" {
            return true;
        }
        let opaque = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
        let bare = opaque
            .strip_suffix("-br")
            .or_else(|| opaque.strip_suffix("-gzip"))
            .unwrap_or(opaque);
        bare == digest
    })
}

/// Bodies smaller than this are sent as they are: compressing them saves
/// less than the headers it adds.
const SMALLEST_COMPRESSED: usize = 1024;

/// Whether a body of this type gains from compression (text, JSON, feeds,
/// scripts; not images or spreadsheets, which are compressed already).
fn compressible(headers: &HeaderMap) -> bool {
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let kind = kind.split(';').next().unwrap_or_default().trim();
    kind.starts_with("text/")
        || matches!(
            kind,
            "application/json" | "application/atom+xml" | "application/javascript"
        )
}

/// `body` in `encoding`, when that makes it smaller.
fn compressed(encoding: Encoding, body: &[u8]) -> Option<Bytes> {
    if body.len() < SMALLEST_COMPRESSED {
        return None;
    }
    encoding
        .compress(body)
        .ok()
        .filter(|compressed| compressed.len() < body.len())
        .map(Bytes::from)
}

/// The body to send: the `encoded` copy when there is one, named in
/// `Content-Encoding`, else `plain`.
fn chosen(headers: &mut HeaderMap, encoded: Option<(Encoding, Bytes)>, plain: Bytes) -> Bytes {
    match encoded {
        Some((encoding, bytes)) => {
            headers.insert(
                header::CONTENT_ENCODING,
                HeaderValue::from_static(encoding.token()),
            );
            bytes
        }
        None => plain,
    }
}

/// A public answer's body with what is worked out from it once: its
/// digest (the tag) and, when first asked for, its compressed copies. A
/// page kept by [`super::pages`] carries one from request to request;
/// other public answers get one for their own request.
pub struct Finished {
    body: Bytes,
    digest: String,
    /// When what the page shows last changed, where that is known.
    changed_at: Option<NaiveDateTime>,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

impl Finished {
    pub fn new(body: Bytes, changed_at: Option<NaiveDateTime>) -> Self {
        Self {
            digest: hex::encode(&Sha256::digest(&body)[..16]),
            body,
            changed_at,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The body in `encoding`, when that is smaller; compressed once.
    fn encoded(&self, encoding: Encoding) -> Option<Bytes> {
        let copy = match encoding {
            Encoding::Brotli => &self.brotli,
            Encoding::Gzip => &self.gzip,
        };
        copy.get_or_init(|| compressed(encoding, &self.body))
            .clone()
    }

    /// `Last-Modified`, for a change at least [`SETTLED`] old. A tag
    /// tells every version apart; a date in whole seconds cannot tell
    /// apart two changes within one second, so it is only given once no
    /// change can still be on its way with an earlier or equal second: a
    /// change is stamped inside its transaction and seen once committed,
    /// so this holds for transactions shorter than a second.
    fn last_modified(&self, now: NaiveDateTime) -> Option<SystemTime> {
        let changed_at = self.changed_at?;
        if now - changed_at < SETTLED {
            return None;
        }
        let seconds = u64::try_from(changed_at.and_utc().timestamp()).ok()?;
        Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(seconds))
    }
}

/// How old a change must be before pages give its date (see
/// [`Finished::last_modified`]).
const SETTLED: chrono::Duration = chrono::Duration::seconds(2);

/// What a request says it holds already.
struct Conditions {
    if_none_match: Option<String>,
    if_modified_since: Option<SystemTime>,
}

impl Conditions {
    fn of(headers: &HeaderMap) -> Self {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            if_modified_since: text(header::IF_MODIFIED_SINCE)
                .and_then(|date| date.parse::<HttpDate>().ok())
                .map(SystemTime::from),
            if_none_match: text(header::IF_NONE_MATCH),
        }
    }

    /// Whether the client's copy is `finished` as it stands. A tag, when
    /// sent, decides alone (RFC 9110, 13.2.2).
    fn fresh(&self, finished: &Finished, last_modified: Option<SystemTime>) -> bool {
        match (&self.if_none_match, self.if_modified_since, last_modified) {
            (Some(tags), _, _) => matches(tags, &finished.digest),
            (None, Some(since), Some(modified)) => modified <= since,
            _ => false,
        }
    }
}

/// Gives every answer its caching policy and compression; see the
/// module's text.
pub async fn policy(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let conditions = Conditions::of(req.headers());
    let encoding = Encoding::negotiate(req.headers());
    let response = next.call(req).await?;
    let public = response.response().extensions().get::<Public>().is_some()
        && response.status() == StatusCode::OK;
    let kept = response
        .response()
        .extensions()
        .get::<Arc<Finished>>()
        .cloned();
    let compress = encoding.is_some()
        && compressible(response.headers())
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let headers = head.headers_mut();
    if !public {
        if !headers.contains_key(header::CACHE_CONTROL) {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE));
        }
        let body = match body.try_into_bytes() {
            Ok(bytes) if compress => {
                headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
                let smaller = encoding.and_then(|e| Some((e, compressed(e, &bytes)?)));
                BoxBody::new(chosen(headers, smaller, bytes))
            }
            Ok(bytes) => BoxBody::new(bytes),
            Err(body) => BoxBody::new(body),
        };
        return Ok(ServiceResponse::new(request, head.set_body(body)));
    }

    let finished = match kept {
        Some(finished) => finished,
        None => {
            let body = actix_web::body::to_bytes(body).await.map_err(|_| {
                actix_web::error::ErrorInternalServerError("the page could not be read")
            })?;
            Arc::new(Finished::new(body, None))
        }
    };
    let headers = head.headers_mut();
    let cache_control = request
        .app_data::<actix_web::web::Data<super::AppState>>()
        .map(|state| public_cache_control(&state.settings))
        .unwrap_or_else(|| PRIVATE.to_owned());
    if let Ok(value) = HeaderValue::from_str(&cache_control) {
        headers.insert(header::CACHE_CONTROL, value);
    }
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let last_modified = finished.last_modified(crate::db::now());
    if let Some(modified) = last_modified {
        headers.insert(
            header::LAST_MODIFIED,
            HttpDate::from(modified).try_into_value()?,
        );
    }
    // The representation a 200 would carry, which a 304 names too.
    let encoded = encoding
        .filter(|_| compress)
        .and_then(|encoding| Some((encoding, finished.encoded(encoding)?)));
    let tag = entity_tag(&finished.digest, encoded.as_ref().map(|(e, _)| *e));
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    if conditions.fresh(&finished, last_modified) {
        *head.status_mut() = StatusCode::NOT_MODIFIED;
        return Ok(ServiceResponse::new(
            request,
            head.set_body(BoxBody::new(())),
        ));
    }
    let body = chosen(head.headers_mut(), encoded, finished.body.clone());
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(body)),
    ))
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{self, HeaderMap, HeaderValue, HttpDate, TryIntoHeaderValue};

    use std::time::{Duration, SystemTime};

    use actix_web::web::Bytes;

    use super::{Conditions, Encoding, Finished, matches};

    fn accepting(value: &str) -> Option<Encoding> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Encoding::negotiate(&headers)
    }

    #[test]
    fn brotli_is_preferred_unless_the_client_says_otherwise() {
        assert_eq!(accepting("gzip, deflate, br"), Some(Encoding::Brotli));
        assert_eq!(accepting("gzip"), Some(Encoding::Gzip));
        assert_eq!(accepting("br;q=0.5, gzip"), Some(Encoding::Gzip));
        assert_eq!(accepting("br;q=0, gzip;q=0"), None);
        assert_eq!(accepting("identity"), None);
        assert_eq!(accepting("*"), Some(Encoding::Brotli));
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), None);
    }

    #[test]
    fn a_tag_matches_in_any_encoding_and_weakly() {
        assert!(matches("\"abc\"", "abc"));
        assert!(matches("\"abc-br\"", "abc"));
        assert!(matches("W/\"abc-gzip\"", "abc"));
        assert!(matches("\"x\", \"abc\"", "abc"));
        assert!(matches("*", "abc"));
        assert!(!matches("\"abd\"", "abc"));
        assert!(!matches("\"abc-zstd\"", "abc"));
    }

    fn asking(name: header::HeaderName, value: &str) -> Conditions {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_str(value).unwrap());
        Conditions::of(&headers)
    }

    #[test]
    fn a_date_is_given_only_once_its_change_has_settled() {
        let changed = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_milli_opt(10, 0, 0, 400)
            .unwrap();
        let finished = Finished::new(Bytes::from_static(b"page"), Some(changed));

        let at_once = finished.last_modified(changed + chrono::Duration::milliseconds(900));
        let later = finished.last_modified(changed + chrono::Duration::seconds(3));

        assert_eq!(at_once, None);
        let expected = SystemTime::UNIX_EPOCH
            + Duration::from_secs(u64::try_from(changed.and_utc().timestamp()).unwrap());
        assert_eq!(later, Some(expected));
    }

    #[test]
    fn a_tag_decides_alone_and_a_date_only_when_no_tag_is_sent() {
        let finished = Finished::new(Bytes::from_static(b"page"), None);
        let modified = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let date = |at: SystemTime| HttpDate::from(at).try_into_value().unwrap();
        let since_then = date(modified);
        let before = date(modified - Duration::from_secs(1));

        let by_date = asking(header::IF_MODIFIED_SINCE, since_then.to_str().unwrap());
        let by_old_date = asking(header::IF_MODIFIED_SINCE, before.to_str().unwrap());
        let by_other_tag = {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
            headers.insert(header::IF_MODIFIED_SINCE, since_then.clone());
            Conditions::of(&headers)
        };
        let by_tag = asking(header::IF_NONE_MATCH, &format!("\"{}\"", finished.digest));

        assert!(by_date.fresh(&finished, Some(modified)));
        assert!(!by_date.fresh(&finished, None), "no date, no 304 by date");
        assert!(!by_old_date.fresh(&finished, Some(modified)));
        assert!(!by_other_tag.fresh(&finished, Some(modified)));
        assert!(by_tag.fresh(&finished, None));
    }
}
