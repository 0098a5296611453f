//! A release as journalists get it, seen in a browser: the coalition's
//! settings (sender, footer, website, logo), a release written like a real
//! one, its HTML mail part and its web version at desktop and phone widths
//! with no sideways scrolling, and the newsroom that lists it.

use crate::harness::{Browser, EMAIL, Rig, set_up_the_first_account};
use crate::support::mailbox::html_part;

const HEADLINE: &str = "Coalition urges Los Angeles to keep its sanctuary promise";
const SLUG: &str = "coalition-urges-los-angeles-to-keep-its-sanctuary-promise";
const BODY: &str = "On June 10, **212 organizations** from 14 countries delivered a joint statement \
to the City Council asking it to keep the promises of its sanctuary ordinance, including \
https://example.org/a-very-long-address-that-must-not-push-the-page-sideways-on-a-phone/2022/06/10.\n\n\
> \u{201c}Every family deserves to live without fear.\u{201d} \u{2014} Ana Núñez, coordinator\n\n\
The statement remains open for signatures.";
const CONTACTS: &str = "Ana Núñez | +1 213 555 0101 | ana@coalition.example\n\
Luis Pérez | +1 213 555 0102 | luis@coalition.example";
/// The widths journalists read at: a laptop and a phone.
const WIDTHS: [(u32, &str); 2] = [(1280, "1280"), (390, "390")];

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn a_release_reads_as_journalists_expect_in_its_mail_and_on_the_web_at_any_width() {
    let rig = Rig::start().await;
    let (app, browser) = (&rig.app, &rig.browser);
    let setup_link = app.setup_link.clone().expect("a setup link on first start");
    set_up_the_first_account(browser, &setup_link).await;

    present_the_coalition(browser).await;
    write_and_publish_the_release(browser).await;
    browser.click_button("Send a test to me").await;
    browser
        .expect("//p[@role='status'][contains(., 'A test was sent to your own address')]")
        .await;
    let mails = app.messages_to(EMAIL).await;
    assert_eq!(mails.len(), 1);
    let html = html_part(&mails[0]).expect("an HTML part");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshots folder");
    let file = dir.join("release-mail.html");
    std::fs::write(&file, html).expect("the HTML part is saved");

    for (width, name) in WIDTHS {
        browser.visit(&format!("file://{}", file.display())).await;
        read_the_release(browser, width).await;
        browser
            .screenshot(&format!("release-mail-{name}.png"))
            .await;

        browser
            .visit(&format!("{}/press/{SLUG}", app.address))
            .await;
        read_the_release(browser, width).await;
        browser.expect("//header//img[@class='logo']").await;
        browser.screenshot(&format!("release-web-{name}.png")).await;
    }

    browser
        .click_link("More from Coalition for Clean Water")
        .await;
    browser
        .expect_heading("Coalition for Clean Water newsroom")
        .await;
    browser
        .expect(&format!("//li//h3/a[normalize-space(.)='{HEADLINE}']"))
        .await;
    browser.screenshot("newsroom-390.png").await;
    rig.finish().await;
}

async fn present_the_coalition(browser: &Browser) {
    browser.click_link("Coalition settings").await;
    browser
        .type_into("sender_name", "Clean Water Press Office")
        .await;
    browser
        .type_into(
            "mail_footer",
            "Coalition for Clean Water\n1200 W 7th St, Los Angeles, CA",
        )
        .await;
    browser.type_into("website", "cleanwater.example").await;
    browser.click_button("Save").await;
    browser
        .expect("//p[@role='status'][contains(., 'Saved')]")
        .await;
    let logo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/logo.png");
    browser
        .expect("//input[@id='logo']")
        .await
        .send_keys(&logo.display().to_string())
        .await
        .expect("the file is chosen");
    browser.click_button("Upload logo").await;
    browser
        .expect("//p[@role='status'][contains(., 'The logo is saved')]")
        .await;
    browser.expect("//img[@class='logo-preview']").await;
}

async fn write_and_publish_the_release(browser: &Browser) {
    browser.click_link("Press").await;
    browser.click_link("New press release").await;
    browser.type_into("headline", HEADLINE).await;
    browser
        .type_into(
            "subheadline",
            "212 organizations delivered a joint statement to the City Council",
        )
        .await;
    browser.type_into("dateline", "Los Angeles").await;
    browser.type_into("release_date", "June 10, 2022").await;
    browser.type_into("body", BODY).await;
    browser.type_into("contacts", CONTACTS).await;
    browser
        .type_into(
            "about",
            "The Coalition for Clean Water brings together 40 organizations working for the right to water.",
        )
        .await;
    browser.click_button("Save").await;
    browser.expect_heading(HEADLINE).await;
    browser
        .click_button("Publish the web version without mailing")
        .await;
    // The overview links to the web version once it is public.
    browser
        .expect(&format!("//p[@class='status']//a[@href='/press/{SLUG}']"))
        .await;
}

/// Checks what a journalist reads, in order, at `width` pixels: the mark,
/// the media contacts one per line, the headline, the dateline run into the
/// first paragraph, About and the end mark, with nothing wider than the
/// screen.
async fn read_the_release(browser: &Browser, width: u32) {
    browser
        .client
        .set_window_size(width, 900)
        .await
        .expect("resize");
    let text = browser
        .client
        .execute("return document.body.innerText;", vec![])
        .await
        .expect("the page's text");
    let text = text.as_str().expect("text").to_owned();
    let at = |words: &str| {
        text.find(words)
            .unwrap_or_else(|| panic!("{words:?} in {text}"))
    };
    assert!(at("FOR IMMEDIATE RELEASE") < at("Media contacts"));
    assert!(at("Media contacts") < at("Ana Núñez | +1 213 555 0101"));
    assert!(at("Ana Núñez | +1 213 555 0101") < at("Luis Pérez | +1 213 555 0102"));
    assert!(
        text.contains("ana@coalition.example\nLuis Pérez"),
        "one contact per line: {text}"
    );
    assert!(at("Luis Pérez") < at(HEADLINE));
    assert!(
        text.contains("LOS ANGELES, June 10, 2022 — On June 10,"),
        "{text}"
    );
    assert!(at("About ") < at("###"));
    browser.expect("//a[@href='tel:+12135550101']").await;
    browser
        .expect("//a[@href='mailto:luis@coalition.example']")
        .await;
    let sizes = browser
        .client
        .execute(
            "return [window.innerWidth, document.documentElement.clientWidth, \
             document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .expect("the page's width");
    let [inner, client, scroll] = [0, 1, 2].map(|i| sizes[i].as_u64().unwrap_or(u64::MAX));
    assert!(
        inner <= u64::from(width),
        "the window is {width} px wide: {sizes:?}"
    );
    assert!(
        scroll <= client,
        "no horizontal scroll at {width} px: {sizes:?}"
    );
}
