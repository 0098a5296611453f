//! The language of the coordinator pages: the account's choice, else the
//! browser's, and the switcher of the pages seen before signing in.

use crate::coordinators::{OWNER_EMAIL, PASSWORD, Session, browser, location};
use crate::helpers::spawn_app;

/// The `<html lang>` of a page.
fn html_lang(page: &str) -> Option<&str> {
    let start = page.find("<html lang=\"")? + "<html lang=\"".len();
    page[start..].split('"').next()
}

async fn account_page(owner: &Session, accept_language: Option<&str>) -> String {
    let mut request = owner.client.get(format!("{}/account", owner.address));
    if let Some(languages) = accept_language {
        request = request.header("Accept-Language", languages);
    }
    let response = request.send().await.expect("request sent");
    assert_eq!(response.status(), 200);
    response.text().await.expect("body")
}

#[tokio::test]
async fn a_coordinator_who_chooses_spanish_gets_spanish_pages_whatever_the_browser_says() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let chosen = owner.post("/account/language", &[("language", "es")]).await;
    let spanish = account_page(&owner, Some("en-US")).await;
    let browser_again = owner.post("/account/language", &[("language", "")]).await;
    let english = account_page(&owner, Some("en-US")).await;
    let refused = owner.post("/account/language", &[("language", "xx")]).await;

    // Assert
    assert_eq!(chosen.status(), 303);
    assert_eq!(html_lang(&spanish), Some("es"));
    assert!(spanish.contains("Cerrar sesión"), "{spanish}");
    assert!(!spanish.contains("Log out"));
    assert_eq!(browser_again.status(), 303);
    assert_eq!(html_lang(&english), Some("en"));
    assert!(english.contains("Log out"));
    assert_eq!(refused.status(), 400);
}

#[tokio::test]
async fn without_a_choice_the_pages_follow_the_browsers_language() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let page = account_page(&owner, Some("es-MX,es;q=0.9,en;q=0.5")).await;

    // Assert
    assert_eq!(html_lang(&page), Some("es"));
    assert!(page.contains("Cerrar sesión"));
}

#[tokio::test]
async fn the_login_pages_switcher_remembers_the_language_and_returns_to_the_page() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let client = browser();
    let login_url = app.url("/login?next=/account");
    let english = client.get(&login_url).send().await.expect("sent");
    let english = english.text().await.expect("body");

    // Act
    let switched = client
        .get(app.url("/language/es"))
        .header("Referer", &login_url)
        .send()
        .await
        .expect("sent");
    let spanish = client.get(&login_url).send().await.expect("sent");
    let spanish = spanish.text().await.expect("body");
    let elsewhere = browser()
        .get(app.url("/language/es"))
        .header("Referer", "https://evil.example/x")
        .send()
        .await
        .expect("sent");
    let logged_in = client
        .post(app.url("/login"))
        .form(&[("email", OWNER_EMAIL), ("password", PASSWORD), ("next", "")])
        .send()
        .await
        .expect("sent");

    // Assert
    assert_eq!(html_lang(&english), Some("en"));
    assert!(english.contains("href=\"/language/es\""), "a switcher");
    assert_eq!(switched.status(), 303);
    assert_eq!(location(&switched), "/login?next=/account");
    assert_eq!(html_lang(&spanish), Some("es"));
    assert!(spanish.contains("href=\"/language/en\""));
    assert_eq!(location(&elsewhere), "/login", "never back to another site");
    assert_eq!(logged_in.status(), 303);
}

#[tokio::test]
async fn error_pages_and_malformed_requests_answer_in_the_persons_language() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    owner.post("/account/language", &[("language", "es")]).await;
    let statement = app
        .create_statement(
            &owner,
            crate::coordinators::COALITION_SLUG,
            "Agua",
            "es",
            "Texto.",
        )
        .await;
    let in_spanish = |request: reqwest::RequestBuilder| async move {
        let response = request.send().await.expect("sent");
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, content_type, response.text().await.expect("body"))
    };

    // Act
    let missing = in_spanish(
        browser()
            .get(app.url("/no-such-page"))
            .header("Accept-Language", "es-MX"),
    )
    .await;
    let malformed_query = in_spanish(owner.client.get(app.url(&format!(
        "/c/{}/statements/{statement}/diff/es?from=one&to=two",
        crate::coordinators::COALITION_SLUG
    ))))
    .await;
    let malformed_form = in_spanish(
        browser()
            .post(app.url("/login"))
            .header("Accept-Language", "es")
            .header("Content-Type", "application/json")
            .body("{}"),
    )
    .await;

    // Assert
    assert_eq!(missing.0, 404);
    assert_eq!(html_lang(&missing.2), Some("es"));
    assert!(missing.2.contains("Página no encontrada"), "{}", missing.2);
    for ((status, content_type, page), expected, heading) in [
        (malformed_query, 400, "Solicitud incorrecta"),
        (malformed_form, 415, "Tipo de contenido no admitido"),
    ] {
        assert_eq!(status, expected, "{page}");
        assert!(content_type.starts_with("text/html"), "{content_type}");
        assert_eq!(html_lang(&page), Some("es"), "{page}");
        assert!(page.contains(heading), "{page}");
        assert!(page.contains("No se pudo entender la solicitud"), "{page}");
    }
}

#[tokio::test]
async fn the_home_page_and_an_invalid_mailed_link_answer_in_the_browsers_language() {
    // Arrange
    let app = spawn_app().await;
    let spanish = |path: &str| {
        browser()
            .get(app.url(path))
            .header("Accept-Language", "es-MX,es;q=0.9")
            .send()
    };

    // Act
    let home = spanish("/").await.expect("sent");
    let home_status = home.status();
    let home = home.text().await.expect("body");
    let link = spanish("/confirm/not-a-token").await.expect("sent");
    let link_status = link.status();
    let link = link.text().await.expect("body");

    // Assert
    assert_eq!(home_status, 200);
    assert_eq!(html_lang(&home), Some("es"));
    assert!(home.contains("Declaraciones conjuntas"), "{home}");
    assert_eq!(link_status, 404);
    assert_eq!(html_lang(&link), Some("es"));
    assert!(link.contains("Este enlace no es válido"), "{link}");
}
