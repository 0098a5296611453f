//! A press officer imports contacts, writes a release, test-sends it to
//! herself, sends it, and reads the delivery log.

use crate::harness::{Browser, EMAIL, Rig, set_up_the_first_account};

const CONTACTS_CSV: &str = "correo;nombre;medio;etiquetas\n\
    joe@news.example;Joe Reporter;Daily News;prensa\n\
    ana@radio.example;Ana Locutora;Radio Sur;prensa\n";
const HEADLINE: &str = "212 organizations call water a right";

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn a_press_officer_imports_contacts_and_sends_a_release_in_a_browser() {
    let rig = Rig::start().await;
    let (app, browser) = (&rig.app, &rig.browser);
    let setup_link = app.setup_link.clone().expect("a setup link on first start");
    set_up_the_first_account(browser, &setup_link).await;

    import_contacts(browser).await;
    write_a_release(browser).await;
    send_a_test_to_myself(browser).await;
    let mine = app.mails_to(EMAIL).await;
    assert_eq!(mine.len(), 1, "the test reached the coordinator only");
    assert!(mine[0].contains(HEADLINE), "{}", mine[0]);
    send_to_the_press_list(browser).await;
    read_the_delivery_log(browser).await;
    let joe = app.mails_to("joe@news.example").await;
    assert_eq!(joe.len(), 1);
    assert!(joe[0].contains("Dear Joe Reporter,"), "{}", joe[0]);
    rig.finish().await;
}

async fn import_contacts(browser: &Browser) {
    browser.click_link("Contacts").await;
    browser.expect_heading("Contacts").await;
    browser.click_link("Import").await;
    browser.expect_heading("Import contacts").await;
    browser.type_into("csv", CONTACTS_CSV).await;
    let paste = browser
        .expect(
            "//textarea[@id='csv']/ancestor::form//button[normalize-space(.)='Preview the list']",
        )
        .await;
    paste
        .click()
        .await
        .expect("the preview button takes the click");
    browser.expect_heading("Import preview").await;
    browser
        .expect(
            "//*[contains(., '2 contacts will be created, 0 updated and 0 rows are rejected.')]",
        )
        .await;
    browser.click_button("Import 2 contacts").await;
    browser
        .expect("//p[contains(., 'The import is complete: 2 contacts created, 0 updated, 0 rows rejected.')]")
        .await;
}

async fn write_a_release(browser: &Browser) {
    browser.click_link("Press").await;
    browser.expect_heading("Press releases").await;
    browser.click_link("New press release").await;
    browser.expect_heading("Press release").await;
    browser.type_into("headline", HEADLINE).await;
    browser.type_into("dateline", "Mexico City").await;
    browser.type_into("release_date", "24 November 2026").await;
    browser
        .type_into(
            "body",
            "Today **212 organizations** signed.\n\n> Water is life.",
        )
        .await;
    browser
        .type_into(
            "contacts",
            "Ana Núñez | +52 55 1234 5678 | ana@coalition.example",
        )
        .await;
    browser
        .type_into("about", "The coalition brings together 40 organizations.")
        .await;
    browser.click_button("Save").await;
    browser.expect_heading(HEADLINE).await;
    browser
        .expect("//blockquote[contains(., 'Water is life.')]")
        .await;
    browser
        .expect("//li[normalize-space(.)='Ana Núñez | +52 55 1234 5678 | ana@coalition.example']")
        .await;
}

async fn send_a_test_to_myself(browser: &Browser) {
    browser.click_button("Send a test to me").await;
    browser
        .expect("//p[@role='status'][contains(., 'A test was sent to your own address')]")
        .await;
}

async fn send_to_the_press_list(browser: &Browser) {
    browser.click_link("Send or schedule").await;
    browser.tick("tag-prensa").await;
    browser.click_button("Count recipients").await;
    browser
        .expect("//p[@class='reach'][contains(., '2 addresses will receive it.')][contains(., '0 skipped')]")
        .await;
    browser.click_button("Send").await;
    browser.expect_heading(HEADLINE).await;
}

async fn read_the_delivery_log(browser: &Browser) {
    for address in ["joe@news.example", "ana@radio.example"] {
        let row = format!("//table[contains(@class, 'log')]//tr[td[1][.='{address}']]");
        browser.expect(&row).await;
    }
    // The page's script brings each row's state up to date without a reload.
    for address in ["joe@news.example", "ana@radio.example"] {
        browser
            .expect(&format!(
                "//tr[@data-recipient='{address}']/td[@data-cell='state_label'][normalize-space(.)='Sent']"
            ))
            .await;
    }
    browser
        .expect("//strong[@data-field='status'][normalize-space(.)='Sent']")
        .await;
    browser
        .expect_none("//button[normalize-space(.)='Pause']")
        .await;
    browser.screenshot("delivery-log.png").await;
}
