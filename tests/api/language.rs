//! The language of the coordinator pages: the account's choice, else the
//! browser's, and the switcher of the pages seen before signing in.

use crate::support::app::{header_of, spawn_app};
use crate::support::coordinators::{OWNER_EMAIL, PASSWORD, Session, browser, location};
use crate::support::pages::words;
use crate::support::press::JOE;

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
    let from_home = browser()
        .get(app.url("/language/es"))
        .header("Referer", app.url("/"))
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
    assert_eq!(location(&from_home), "/", "back to the home page");
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
            crate::support::coordinators::COALITION_SLUG,
            "Agua",
            "es",
            "Texto.",
        )
        .await;
    let in_spanish = |request: reqwest::RequestBuilder| async move {
        let response = request.send().await.expect("sent");
        let status = response.status().as_u16();
        let content_type = header_of(&response, reqwest::header::CONTENT_TYPE);
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
        crate::support::coordinators::COALITION_SLUG
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

/// English words the product used to add around a release.
const ENGLISH_AROUND_A_RELEASE: [&str; 10] = [
    "EMBARGOED",
    "FOR IMMEDIATE",
    "Dear ",
    "Media contacts",
    "About ",
    "The web version",
    "Read this release",
    "You receive this",
    "Unsubscribe",
    "[TEST]",
];

fn assert_no_english(what: &str, text: &str) {
    for word in ENGLISH_AROUND_A_RELEASE {
        assert!(!text.contains(word), "{what} says {word:?}: {text}");
    }
}

#[tokio::test]
async fn a_spanish_release_goes_out_and_is_shown_in_spanish_with_its_unsubscribe_pages() {
    // Arrange
    let smtp = crate::support::smtp::TestSmtp::start();
    let (app, owner) = crate::support::press::press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let spanish = |headline: &'static str, embargo: &'static str| {
        let mut form = crate::support::press::release_form(headline, embargo);
        form.push(("language", "es"));
        form
    };
    let embargoed = owner
        .post(
            "/c/clean-water-coalition/press/new",
            &spanish("El agua es un derecho", "2099-01-01T09:00"),
        )
        .await;
    let immediate = owner
        .post(
            "/c/clean-water-coalition/press/new",
            &spanish("Agua para todas", ""),
        )
        .await;
    assert_eq!(
        (embargoed.status().as_u16(), immediate.status().as_u16()),
        (303, 303)
    );
    let (embargoed, immediate) = (location(&embargoed), location(&immediate));

    // Act
    crate::support::press::send_to_tag(&owner, &embargoed, "press").await;
    crate::support::press::send_to_tag(&owner, &immediate, "press").await;
    app.wait_for_mailings().await;
    let mails = crate::support::smtp::mails_for(&smtp, "joe@news.example");
    let slug = immediate.rsplit('/').next().expect("an id");
    let (_, release_page) = owner.page(&immediate).await;
    let web_path = release_page
        .split("href=\"/press/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|slug| format!("/press/{slug}"))
        .expect("the web version's address");
    let web = browser()
        .get(app.url(&web_path))
        .send()
        .await
        .expect("sent");
    let web = web.text().await.expect("body");
    let unsubscribe = crate::support::mailbox::header(&mails[0], "List-Unsubscribe")
        .expect("List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_owned();
    let page = reqwest::get(&unsubscribe)
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let done = reqwest::Client::new()
        .post(&unsubscribe)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .expect("POST")
        .text()
        .await
        .expect("body");

    // Assert
    assert_eq!(mails.len(), 2, "{slug}");
    let embargoed_mail = mails
        .iter()
        .find(|m| m.contains("EMBARGADO"))
        .expect("the embargoed release");
    let subject = crate::support::mailbox::header(embargoed_mail, "Subject").expect("a subject");
    let text = crate::support::mailbox::text_part(embargoed_mail).expect("a text part");
    let html = crate::support::mailbox::html_part(embargoed_mail).expect("an HTML part");
    assert!(
        text.starts_with("EMBARGADO HASTA el 1 de enero de 2099, 09:00"),
        "{text}"
    );
    for part in [&text, &html] {
        assert!(part.contains("Hola, Joe Reporter:"), "{part}");
        assert!(part.contains("Contactos de prensa"), "{part}");
        assert!(part.contains("Acerca de Clean Water Coalition"), "{part}");
        assert!(part.contains("La versión web estará en"), "{part}");
        assert!(part.contains("Date de baja"), "{part}");
        assert_no_english("a mail", part);
    }
    assert!(!subject.contains("EMBARGOED"), "{subject}");
    let immediate_mail = mails
        .iter()
        .find(|m| !m.contains("EMBARGADO"))
        .expect("the other");
    let immediate_text = crate::support::mailbox::text_part(immediate_mail).expect("a text part");
    assert!(
        immediate_text.starts_with("PARA DIFUSIÓN INMEDIATA\r\n"),
        "{immediate_text}"
    );
    assert_no_english("a mail", &immediate_text);
    assert_eq!(html_lang(&web), Some("es"));
    assert!(
        web.contains("Contactos de prensa") && web.contains("Acerca de"),
        "{web}"
    );
    assert_no_english("the web version", &web);
    assert!(unsubscribe.ends_with("?lang=es"), "{unsubscribe}");
    assert_eq!(html_lang(&page), Some("es"));
    assert!(page.contains("Darme de baja"), "{page}");
    assert_eq!(html_lang(&done), Some("es"));
    assert!(done.contains("Te diste de baja"), "{done}");
}

#[tokio::test]
async fn an_update_speaks_to_each_signatory_in_the_language_they_signed_in() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = crate::support::signers::open_statement(&app, &[]).await;
    let translated = owner
        .post(
            &format!(
                "/c/{}/statements/{statement}/translations",
                crate::support::coordinators::COALITION_SLUG
            ),
            &[
                ("language", "es"),
                ("title", "Agua para todas"),
                ("body", "Exigimos agua."),
            ],
        )
        .await;
    assert_eq!(translated.status(), 303);
    let spanish =
        crate::support::signers::SignOnForm::organization("Agua Viva", "ana@agua.example")
            .with("lang", "es");
    let english =
        crate::support::signers::SignOnForm::organization("River Watch", "ben@river.example");
    crate::support::signers::sign_and_confirm(&app, &spanish).await;
    crate::support::signers::sign_and_confirm(&app, &english).await;

    // Act
    let sent = owner
        .post(
            &format!(
                "/c/{}/statements/{statement}/update",
                crate::support::coordinators::COALITION_SLUG
            ),
            &[
                ("subject", "Published"),
                ("body", "Thank you."),
                ("signatories", statement.as_str()),
                ("when", "now"),
                ("action", "send"),
            ],
        )
        .await;
    app.wait_for_mailings().await;

    // Assert
    assert_eq!(sent.status(), 303);
    let to_ana = app.mails_to("ana@agua.example").await;
    let update = to_ana
        .iter()
        .find(|m| m.contains("Thank you."))
        .expect("the update");
    assert!(update.starts_with("Hola, Ana Núñez:"), "{update}");
    assert!(
        update.contains("Recibes este correo porque Agua Viva firmó"),
        "{update}"
    );
    assert!(update.contains("Date de baja"), "{update}");
    assert_no_english("a Spanish signatory's update", update);
    let to_ben = app.mails_to("ben@river.example").await;
    let update = to_ben
        .iter()
        .find(|m| m.contains("Thank you."))
        .expect("the update");
    assert!(update.starts_with("Dear Ana Núñez,"), "{update}");
    assert!(update.contains("Unsubscribe"), "{update}");
}

#[tokio::test]
async fn a_password_reset_asked_for_in_spanish_is_mailed_in_spanish() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;

    // Act
    let asked = browser()
        .post(app.url("/password/forgot"))
        .header("Accept-Language", "es-MX")
        .form(&[("email", OWNER_EMAIL)])
        .send()
        .await
        .expect("sent");
    let page = asked.text().await.expect("body");
    let mails = app.mails_to(OWNER_EMAIL).await;

    // Assert
    assert_eq!(html_lang(&page), Some("es"));
    assert_eq!(mails.len(), 1);
    assert!(mails[0].starts_with("Hola, Olivia Owner:"), "{}", mails[0]);
    assert!(
        mails[0].contains("Elegir una contraseña nueva"),
        "{}",
        mails[0]
    );
}

#[tokio::test]
async fn an_invitation_from_a_spanish_speaking_owner_is_mailed_in_spanish() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    owner.post("/account/language", &[("language", "es")]).await;

    // Act
    let invited = owner
        .post(
            &format!(
                "/c/{}/members/invite",
                crate::support::coordinators::COALITION_SLUG
            ),
            &[("email", "lucia@red.example"), ("role", "editor")],
        )
        .await;
    let mails = app.mails_to("lucia@red.example").await;

    // Assert
    assert_eq!(invited.status(), 303);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("te invita a sumarte"), "{}", mails[0]);
    assert!(
        words(&mails[0]).contains("con el rol de edición"),
        "{}",
        mails[0]
    );
    assert!(mails[0].contains("Aceptar la invitación"), "{}", mails[0]);
}
