//! What caches may keep: public pages carry a validator, answer a matching
//! `If-None-Match` with 304, and come compressed when asked; no coordinator
//! page and no page reached with a token may be kept by anyone.

use std::io::Read;

use reqwest::header;

use crate::support::app::{TestApp, header_of, spawn_app};
use crate::support::coordinators::{COALITION_SLUG, browser};
use crate::support::signatures::organization;
use crate::support::statements::open_statement_in;

const TITLE: &str = "Water for all";
const PAGE: &str = "/s/water-for-all";

async fn fetch(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> reqwest::Response {
    let mut request = browser().get(app.url(path));
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.send().await.expect("sent")
}

#[tokio::test]
async fn a_public_page_is_revalidated_with_its_etag_and_changes_with_the_list() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, TITLE, "en", &[]).await;
    let first = fetch(&app, PAGE, &[]).await;
    assert_eq!(first.status(), 200);
    let etag = header_of(&first, header::ETAG);
    let cache_control = header_of(&first, header::CACHE_CONTROL);

    // Act
    let again = fetch(&app, PAGE, &[(header::IF_NONE_MATCH, &etag)]).await;
    let again_status = again.status();
    let again_etag = header_of(&again, header::ETAG);
    let again_body = again.bytes().await.expect("body");
    app.add_signatures(&id, vec![organization("Friends of the River", None)])
        .await;
    let after_signing = fetch(&app, PAGE, &[(header::IF_NONE_MATCH, &etag)]).await;
    let after_status = after_signing.status();
    let after_etag = header_of(&after_signing, header::ETAG);
    let after_page = after_signing.text().await.expect("body");

    // Assert
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "strong: {etag}"
    );
    assert_eq!(
        cache_control,
        "public, max-age=60, stale-while-revalidate=300"
    );
    assert_eq!(again_status, 304);
    assert_eq!(again_etag, etag);
    assert!(again_body.is_empty());
    assert_eq!(after_status, 200);
    assert_ne!(after_etag, etag);
    assert!(after_page.contains("Friends of the River"));
}

#[tokio::test]
async fn compressed_pages_decode_to_the_same_bytes() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, TITLE, "en", &[]).await;
    app.add_signatures(
        &id,
        (0..40)
            .map(|i| organization(&format!("Organization number {i}"), None))
            .collect(),
    )
    .await;

    for path in [PAGE, "/s/water-for-all/letter", "/s/water-for-all.json"] {
        // Act
        let plain = fetch(&app, path, &[]).await;
        let plain_etag = header_of(&plain, header::ETAG);
        let plain = plain.bytes().await.expect("body");
        let br = fetch(
            &app,
            path,
            &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
        )
        .await;
        let br_encoding = header_of(&br, header::CONTENT_ENCODING);
        let br_etag = header_of(&br, header::ETAG);
        let br_vary = header_of(&br, header::VARY);
        let br = br.bytes().await.expect("body");
        let gzip = fetch(&app, path, &[(header::ACCEPT_ENCODING, "gzip")]).await;
        let gzip_encoding = header_of(&gzip, header::CONTENT_ENCODING);
        let gzip = gzip.bytes().await.expect("body");
        let revalidated = fetch(
            &app,
            path,
            &[
                (header::ACCEPT_ENCODING, "br"),
                (header::IF_NONE_MATCH, &br_etag),
            ],
        )
        .await;

        // Assert
        assert_eq!(br_encoding, "br", "{path}");
        assert_eq!(gzip_encoding, "gzip", "{path}");
        assert!(br_vary.contains("accept-encoding"), "{path}");
        assert!(br.len() < plain.len(), "{path}");
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unbrotli)
            .expect("brotli");
        assert_eq!(unbrotli, plain, "{path}");
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut ungzip)
            .expect("gzip");
        assert_eq!(ungzip, plain, "{path}");
        assert_ne!(
            br_etag, plain_etag,
            "each encoding is its own representation"
        );
        assert_eq!(revalidated.status(), 304, "{path}");
    }
}

#[tokio::test]
async fn no_coordinator_page_and_no_page_with_a_token_may_be_kept() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(&app, TITLE, "en", &[]).await;
    let preview = app.preview_path(&owner, &id).await;
    let coordinator_pages = [
        format!("/c/{COALITION_SLUG}/statements/{id}/signatures"),
        format!("/c/{COALITION_SLUG}/audit"),
        format!("/c/{COALITION_SLUG}/contacts"),
        "/account".to_owned(),
    ];

    for path in &coordinator_pages {
        // Act
        let response = owner.get(path).await;

        // Assert
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL),
            "private, no-store",
            "{path}"
        );
    }
    for path in [
        preview.as_str(),
        "/confirm/not-a-real-token",
        "/m/x/not-a-real-token",
    ] {
        let response = fetch(&app, path, &[(header::ACCEPT_ENCODING, "br")]).await;
        let cache_control = header_of(&response, header::CACHE_CONTROL);
        assert!(!cache_control.contains("public"), "{path}: {cache_control}");
        assert!(
            cache_control.contains("no-store"),
            "{path}: {cache_control}"
        );
        assert!(response.headers().get(header::ETAG).is_none(), "{path}");
    }
}

#[tokio::test]
async fn coordinator_pages_are_compressed_too() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(&app, TITLE, "en", &[]).await;
    let path = format!("/c/{COALITION_SLUG}/statements/{id}/signatures");
    let plain = owner.get(&path).await.bytes().await.expect("body");

    // Act
    let response = owner
        .client
        .get(app.url(&path))
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("sent");

    // Assert
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "gzip");
    let body = response.bytes().await.expect("body");
    let mut page = Vec::new();
    flate2::read::GzDecoder::new(&body[..])
        .read_to_end(&mut page)
        .expect("gzip");
    assert_eq!(page, plain);
}
