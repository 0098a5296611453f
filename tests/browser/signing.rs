//! A signer signs on the Spanish page, confirms by mail and withdraws.

use undersigned::accounts::Email;
use undersigned::audit::Actor;
use undersigned::coalitions::{self, Role};
use undersigned::statements::{self, Draft, Status};

use crate::harness::*;
use crate::support::app::TestApp;

const TITLE_ES: &str = "Agua limpia en cada barrio";
const BODY_ES: &str = "Pedimos al ayuntamiento que publique cada semana los análisis del agua.\n";
const ORGANIZATION: &str = "Asociación Ñandutí";
const COUNTRY: &str = "Paraguay";
const WEBSITE: &str = "https://nanduti.example.org";
const SIGNER: &str = "María José Benítez";
const SIGNER_TITLE: &str = "Coordinadora";
const SIGNER_EMAIL: &str = "maria@nanduti.example.org";
/// How the signature reads on the Spanish list: the name, then the country.
const LISTED: &str = "Asociación Ñandutí, Paraguay";

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn a_signer_signs_confirms_by_mail_and_appears_on_the_list() {
    let rig = Rig::start().await;
    let (app, browser) = (&rig.app, &rig.browser);
    let slug = an_open_statement_in_spanish(app).await;
    let public_url = format!("{}/s/{slug}", app.address);

    sign_on_the_public_page(browser, &public_url, &slug).await;
    let confirm_link = read_the_confirmation_mail(app).await;
    let manage_link = confirm_by_the_mailed_link(browser, &app.address, &confirm_link).await;
    find_the_signature_on_the_list(browser, &slug).await;
    withdraw_through_the_manage_link(browser, &manage_link, &public_url).await;
    rig.finish().await;
}

/// A coalition and its open statement in Spanish, arranged through the
/// library as `undersigned user add` and the dashboard would; its slug.
async fn an_open_statement_in_spanish(app: &TestApp) -> String {
    app.with_conn(|c| {
        let email = Email::parse(EMAIL).expect("a valid address");
        let (coordinator, _) =
            undersigned::coalitions::add_user(c, NAME, &email, None, COALITION, Role::Owner)
                .expect("a coordinator of a new coalition");
        let membership = coalitions::memberships_of(c, &coordinator.id)
            .expect("the memberships")
            .pop()
            .expect("a membership of the coalition");
        let draft = Draft::parse(TITLE_ES, BODY_ES, "").expect("a valid draft");
        let statement = statements::create(c, &membership, &coordinator, "es", &draft)
            .expect("the statement is created");
        statements::set_status(
            c,
            &statement,
            Actor::Coordinator(&coordinator),
            Status::Open,
        )
        .expect("the statement opens");
        statement.slug
    })
    .await
}

pub(crate) async fn sign_on_the_public_page(browser: &Browser, public_url: &str, slug: &str) {
    browser.visit(public_url).await;
    browser.expect_heading(TITLE_ES).await;
    browser
        .expect("//div[@class='statement-text'][contains(., 'análisis del agua')]")
        .await;
    browser
        .expect("//h2[@id='signed-by'][normalize-space(.)='Firmado por']")
        .await;
    browser
        .expect("//p[normalize-space(.)='Todavía no hay firmas.']")
        .await;
    browser.click_link("Firmar esta declaración").await;

    browser.expect_heading(&format!("Firmar: {TITLE_ES}")).await;
    assert_eq!(browser.path().await, format!("/s/{slug}/sign"));
    browser.type_into("organization", ORGANIZATION).await;
    browser.choose("country", COUNTRY).await;
    browser.type_into("website", WEBSITE).await;
    browser.type_into("signer_name", SIGNER).await;
    browser.type_into("signer_title", SIGNER_TITLE).await;
    browser.type_into("email", SIGNER_EMAIL).await;
    browser.tick("authorized").await;
    // What reaches the server is what the fields hold, accents included.
    assert_eq!(browser.value_of("organization").await, ORGANIZATION);
    assert_eq!(browser.value_of("signer_name").await, SIGNER);
    assert_eq!(browser.value_of("country").await, "PY");
    browser.screenshot("sign-form.png").await;
    browser.click_button("Firmar").await;

    browser.expect_heading("Revisa tu correo").await;
    assert_eq!(browser.path().await, format!("/s/{slug}/sign/sent"));
    browser
        .expect("//p[contains(., 'Abre el enlace para confirmar tu firma.')]")
        .await;
}

/// The confirmation link from the one mail in the signer's inbox.
pub(crate) async fn read_the_confirmation_mail(app: &TestApp) -> String {
    let mails = app.mails_to(SIGNER_EMAIL).await;
    assert_eq!(mails.len(), 1, "one mail to the signer: {mails:?}");
    // What a reader reads, whatever the line wrapping of the text part.
    let mail = mails[0].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(mail.contains(&format!("Hola, {SIGNER}:")), "{mail}");
    assert!(mail.contains(&format!("añadir {ORGANIZATION} a")), "{mail}");
    assert!(!mail.contains("**"), "{mail}");
    assert!(mail.contains(&format!("«{TITLE_ES}»")), "{mail}");
    let path = app.link_mailed_to(SIGNER_EMAIL, "/confirm/").await;
    assert!(path.len() > "/confirm/".len() + 16, "a token in {path}");
    format!("{}{path}", app.address)
}

/// Opens the mailed link, checks the line shown, confirms; the manage link.
pub(crate) async fn confirm_by_the_mailed_link(
    browser: &Browser,
    address: &str,
    link: &str,
) -> String {
    browser.visit(link).await;
    browser.expect_heading("Confirma tu firma").await;
    browser
        .expect("//p[normalize-space(.)='Así aparecerá tu firma en la lista:']")
        .await;
    browser
        .expect(&format!(
            "//p[@class='preview-line']/strong[normalize-space(.)='{LISTED}']"
        ))
        .await;
    browser.screenshot("confirm-signature.png").await;
    browser.click_button("Confirmar").await;

    browser
        .expect_heading("Gracias: tu firma está confirmada")
        .await;
    browser
        .expect(&format!(
            "//p[@class='preview-line']/strong[normalize-space(.)='{LISTED}']"
        ))
        .await;
    browser
        .expect("//p[normalize-space(.)='Tu nombre ya aparece en la lista.']")
        .await;
    let manage = browser.link_target("Gestionar tu firma").await;
    assert!(
        manage.starts_with(&format!("{address}/m/")),
        "a manage link on this server: {manage}"
    );
    manage
}

async fn find_the_signature_on_the_list(browser: &Browser, slug: &str) {
    // The page's header links back to the statement.
    browser
        .expect(&format!("//header//a[normalize-space(.)='{TITLE_ES}']"))
        .await
        .click()
        .await
        .expect("the title link takes the click");
    browser
        .expect(&format!(
            "//section[@aria-labelledby='signed-by']//ul[@class='signatories']\
             /li[normalize-space(.)='{LISTED}']"
        ))
        .await;
    assert_eq!(browser.path().await, format!("/s/{slug}/es"));
    browser
        .expect("//p[@class='count'][normalize-space(.)='1 firmante']")
        .await;
    browser
        .expect_none("//p[normalize-space(.)='Todavía no hay firmas.']")
        .await;
    browser.screenshot("signed-list.png").await;
}

async fn withdraw_through_the_manage_link(browser: &Browser, manage: &str, public_url: &str) {
    browser.visit(manage).await;
    browser.expect_heading("Tu firma").await;
    browser
        .expect(&format!(
            "//p[@class='preview-line']/strong[normalize-space(.)='{LISTED}']"
        ))
        .await;
    assert_eq!(browser.value_of("organization").await, ORGANIZATION);
    assert_eq!(browser.value_of("country").await, "PY");
    assert_eq!(browser.value_of("email").await, SIGNER_EMAIL);
    browser
        .expect("//section[@class='danger']/h2[normalize-space(.)='Retirar tu firma']")
        .await;
    browser.screenshot("manage-signature.png").await;
    browser.click_button("Retirar mi firma").await;

    browser.expect_heading("Tu firma está retirada").await;
    browser
        .expect("//p[normalize-space(.)='Ya no aparece en la lista.']")
        .await;

    browser.visit(public_url).await;
    browser.expect_heading(TITLE_ES).await;
    browser
        .expect("//p[normalize-space(.)='Todavía no hay firmas.']")
        .await;
    browser
        .expect_none(&format!("//li[contains(., '{ORGANIZATION}')]"))
        .await;

    // The withdrawal retires the manage link.
    browser.visit(manage).await;
    browser.expect_heading("This link is not valid").await;
}
