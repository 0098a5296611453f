use std::time::Duration;

use crate::support::app::{eventually, spawn_app};

#[tokio::test]
async fn healthz_answers_without_touching_the_database() {
    let app = spawn_app().await;

    let response = app.get("/healthz").await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), "ok");
}

#[tokio::test]
async fn readyz_answers_when_the_database_is_reachable() {
    let app = spawn_app().await;

    let response = app.get("/readyz").await;

    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn readyz_fails_once_the_mail_worker_is_not_running() {
    // Arrange
    let app = spawn_app().await;
    assert_eq!(app.get("/readyz").await.status(), 200);

    // Act
    app.stop_background();

    // Assert
    eventually(
        "readyz reports the stopped worker",
        Duration::from_secs(10),
        || async { app.get("/readyz").await.status() == 503 },
    )
    .await;
    let response = app.get("/readyz").await;
    assert_eq!(
        response.text().await.expect("body"),
        "mail worker not running"
    );
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn an_unknown_path_gets_the_404_page_in_the_layout() {
    let app = spawn_app().await;

    let response = app.get("/no/such/page").await;

    assert_eq!(response.status(), 404);
    let body = response.text().await.expect("body");
    assert!(
        body.contains("<title>Not Found · Undersigned</title>"),
        "{body}"
    );
    assert!(body.contains("There is nothing at this address"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;

    for path in ["/", "/healthz", "/no/such/page"] {
        let response = app.get(path).await;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .unwrap_or_else(|| panic!("{path} lacks {name}"))
                .to_str()
                .expect("ascii")
                .to_owned()
        };

        let csp = header("content-security-policy");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "strict-origin-when-cross-origin");
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none(),
            "no HSTS over plain http"
        );
    }
}

#[tokio::test]
async fn the_stylesheet_is_served_from_the_binary() {
    let app = spawn_app().await;

    let response = app.get("/static/style.css").await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/css")
    );
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains(":focus-visible")
    );
}
