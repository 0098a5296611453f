//! A coordinator pastes the "Signed by" block of a Word document, checks the
//! preview, imports it, and finds the names on the public page.

use crate::harness::*;

const TITLE: &str = "Protection for people on the move";
const SIGNED_BY: &str = "Signed by:\n\
    Sin Fronteras, I.A.P.\n\
    Asociación Pop No\u{2019}j, Guatemala\n\
    Centro de Derechos Humanos Fray Matías (CDH Fray Matías), México\n\
    Kino Border Initiative, Estados Unidos\n";

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn a_coordinator_pastes_a_signed_by_block_and_sees_it_on_the_public_page() {
    let rig = Rig::start().await;
    let (app, browser) = (&rig.app, &rig.browser);
    let setup_link = app.setup_link.clone().expect("a setup link on first start");
    set_up_the_first_account(browser, &setup_link).await;

    browser.click_link("New statement").await;
    browser.type_into("title", TITLE).await;
    browser.type_into("language", "en").await;
    browser.type_into("body", "We call for protection.\n").await;
    browser.click_button("Save draft").await;
    browser.expect_heading(TITLE).await;
    browser.click_button("Open for signatures").await;
    browser.expect("//h1/span[normalize-space(.)='open']").await;
    let public = browser
        .expect("//dt[.='Public link']/following-sibling::dd[1]/a")
        .await
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_default();

    browser.click_link("All signatures").await;
    browser.click_link("Import a list").await;
    browser.expect_heading("Import signatures").await;
    browser.type_into("csv", SIGNED_BY).await;
    browser.click_button("Preview the list").await;
    browser.expect_heading("Preview of the import").await;
    for (name, country) in [
        ("Sin Fronteras, I.A.P.", ""),
        ("Asociación Pop No\u{2019}j", "Guatemala"),
        (
            "Centro de Derechos Humanos Fray Matías (CDH Fray Matías)",
            "Mexico",
        ),
        ("Kino Border Initiative", "United States"),
    ] {
        browser
            .expect(&format!(
                "//tbody/tr[td[2][normalize-space(.)=\"{name}\"]][td[3][normalize-space(.)='{country}']]"
            ))
            .await;
    }
    browser.screenshot("import-preview.png").await;
    browser.click_button("Import 4 rows").await;
    browser
        .expect("//p[@role='status'][normalize-space(.)='4 signatures imported.']")
        .await;

    browser.visit(&public).await;
    for name in [
        "Asociación Pop No\u{2019}j, Guatemala",
        "Centro de Derechos Humanos Fray Matías (CDH Fray Matías), Mexico",
        "Kino Border Initiative, United States",
        "Sin Fronteras, I.A.P.",
    ] {
        browser
            .expect(&format!("//section//li[normalize-space(.)=\"{name}\"]"))
            .await;
    }
    browser.screenshot("import-public-page.png").await;
    rig.finish().await;
}
