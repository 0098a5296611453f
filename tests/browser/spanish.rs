//! The whole journey once in Spanish, with Chromium set to `es-MX`: set-up,
//! a statement written and opened, a sign-on confirmed by mail, a release
//! written in Spanish and a test of it sent to the coordinator. Every page a
//! coordinator sees says `lang="es"`; screenshots are saved on the way.

use crate::harness::*;
use crate::signing::{
    confirm_by_the_mailed_link, read_the_confirmation_mail, sign_on_the_public_page,
};

const TITLE: &str = "Agua limpia en cada barrio";
const BODY: &str = "Pedimos al ayuntamiento que publique cada semana los análisis del agua.\n";
const HEADLINE: &str = "212 organizaciones exigen agua limpia";

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn the_whole_journey_in_spanish_in_a_browser() {
    let rig = Rig::start_in(Some("es-MX,es")).await;
    let (app, browser) = (&rig.app, &rig.browser);
    let setup_link = app.setup_link.clone().expect("a setup link on first start");

    set_up_in_spanish(browser, &setup_link).await;
    choose_the_coalitions_zone(browser).await;
    let slug = write_and_open_a_statement(browser).await;
    let public_url = format!("{}/s/{slug}", app.address);
    sign_on_the_public_page(browser, &public_url, &slug).await;
    let confirm_link = read_the_confirmation_mail(app).await;
    confirm_by_the_mailed_link(browser, &app.address, &confirm_link).await;
    browser.screenshot("es-4-confirmed.png").await;
    browser
        .visit(&format!(
            "{}/c/coalition-for-clean-water/press",
            app.address
        ))
        .await;
    write_a_release_and_test_it(browser).await;
    let mine = app.mails_to(EMAIL).await;
    assert_eq!(mine.len(), 1, "the test reached the coordinator only");
    assert!(
        mine[0].lines().next() == Some("PARA DIFUSIÓN INMEDIATA"),
        "{}",
        mine[0]
    );
    assert!(mine[0].contains(&format!("Hola, {NAME}:")), "{}", mine[0]);
    assert!(mine[0].contains("Contactos de prensa"), "{}", mine[0]);
    assert!(
        mine[0].contains("Red por el Agua Limpia\r\nCalle Reforma 1, Ciudad de México"),
        "the coalition's footer: {}",
        mine[0]
    );
    let message = &app.messages_to(EMAIL).await[0];
    assert!(
        message.contains("From: \"Red por el Agua Limpia\" <")
            || message.contains("From: Red por el Agua Limpia <"),
        "{message}"
    );
    assert!(
        message.contains("Reply-To: prensa@agua.example"),
        "{message}"
    );
    rig.finish().await;
}

async fn expect_spanish_page(browser: &Browser) {
    browser.expect("//html[@lang='es']").await;
}

async fn set_up_in_spanish(browser: &Browser, setup_link: &str) {
    browser.visit(setup_link).await;
    browser.expect_heading("Configurar Undersigned").await;
    expect_spanish_page(browser).await;
    browser.type_into("name", NAME).await;
    browser.type_into("email", EMAIL).await;
    browser.type_into("password", PASSWORD).await;
    browser.type_into("coalition", COALITION).await;
    browser.screenshot("es-1-setup.png").await;
    browser.click_button("Crear cuenta y coalición").await;
    browser.expect_heading("Declaraciones").await;
    expect_spanish_page(browser).await;
    browser
        .expect("//header//button[normalize-space(.)='Cerrar sesión']")
        .await;
}

/// Writes the statement in Spanish and opens it; its slug.
async fn write_and_open_a_statement(browser: &Browser) -> String {
    browser.click_link("Nueva declaración").await;
    browser.expect_heading("Nueva declaración").await;
    browser.type_into("title", TITLE).await;
    browser.type_into("language", "es").await;
    browser.type_into("body", BODY).await;
    browser.click_button("Guardar borrador").await;
    browser.expect_heading(TITLE).await;
    expect_spanish_page(browser).await;
    browser
        .expect("//ul[@class='revisions']/li[contains(., 'Versión 1 ')][contains(., 'primer borrador')]")
        .await;
    set_a_deadline_in_local_time(browser).await;
    browser.click_button("Abrir a firmas").await;
    browser.expect_heading(TITLE).await;
    browser.screenshot("es-2-statement-open.png").await;
    let link = browser
        .expect("//a[starts-with(@href, 'http')][contains(@href, '/s/')]")
        .await;
    let href = link.attr("href").await.expect("href").unwrap_or_default();
    href.rsplit("/s/").next().unwrap_or_default().to_owned()
}

async fn write_a_release_and_test_it(browser: &Browser) {
    browser.expect_heading("Comunicados de prensa").await;
    expect_spanish_page(browser).await;
    browser.click_link("Nuevo comunicado de prensa").await;
    browser.expect_heading("Comunicado de prensa").await;
    browser.choose("language", "Español").await;
    browser.type_into("headline", HEADLINE).await;
    browser.type_into("dateline", "Ciudad de México").await;
    browser
        .type_into("release_date", "24 de noviembre de 2026")
        .await;
    browser
        .type_into(
            "body",
            "Hoy **212 organizaciones** firmaron.\n\n> El agua es vida.",
        )
        .await;
    browser
        .type_into(
            "contacts",
            "Ana Núñez | +52 55 1234 5678 | ana@coalicion.example",
        )
        .await;
    browser
        .type_into("about", "La coalición reúne a 40 organizaciones.")
        .await;
    browser.screenshot("es-5-release-form.png").await;
    browser.click_button("Guardar").await;
    browser.expect_heading(HEADLINE).await;
    browser
        .expect("//h2[normalize-space(.)='Contactos de prensa']")
        .await;
    browser.click_button("Enviarme una prueba").await;
    browser
        .expect("//p[@role='status'][contains(., 'Se envió una prueba a tu propia dirección')]")
        .await;
    expect_spanish_page(browser).await;
    browser.screenshot("es-6-release-tested.png").await;
}

/// The coalition's settings: Spanish, and Mexico City's time.
async fn choose_the_coalitions_zone(browser: &Browser) {
    browser.click_link("Configuración de la coalición").await;
    browser
        .expect_heading(&format!("Configuración de {COALITION}"))
        .await;
    expect_spanish_page(browser).await;
    browser.choose("language", "Español").await;
    browser.type_into("time_zone", "America/Mexico_City").await;
    browser.click_button("Guardar configuración").await;
    browser
        .expect("//p[@role='status'][normalize-space(.)='Se guardó la configuración.']")
        .await;
    browser
        .type_into("sender_name", "Red por el Agua Limpia")
        .await;
    browser.type_into("reply_to", "prensa@agua.example").await;
    browser
        .type_into(
            "mail_footer",
            "Red por el Agua Limpia\nCalle Reforma 1, Ciudad de México",
        )
        .await;
    browser.type_into("website", "agua.example").await;
    browser.click_button("Guardar").await;
    browser
        .expect("//p[@role='status'][starts-with(normalize-space(.), 'Guardado: tu correo y tus páginas públicas')]")
        .await;
    expect_spanish_page(browser).await;
    browser.screenshot("es-1b-coalition-settings.png").await;
    browser.click_link(COALITION).await;
    browser
        .expect("//p[contains(., 'Las horas se muestran en America/Mexico_City.')]")
        .await;
}

/// A deadline typed at 9:00 in Mexico City is shown back as 9:00 CST.
async fn set_a_deadline_in_local_time(browser: &Browser) {
    browser.click_link("Configuración").await;
    expect_spanish_page(browser).await;
    browser
        .expect("//input[@id='time_zone'][@value='America/Mexico_City']")
        .await;
    browser
        .set_date_time("deadline_at", "2099-12-10T09:00")
        .await;
    browser.click_button("Guardar configuración").await;
    browser.expect_heading(TITLE).await;
    browser
        .expect("//dd[normalize-space(.)='10 dic 2099, 09:00 CST']")
        .await;
}
