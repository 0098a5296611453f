//! A coordinator drafts, revises and opens a statement.

use crate::harness::*;

const TITLE: &str = "Clean water for every neighbourhood";
const FIRST_DRAFT: &str = "## Why we sign\n\
    \n\
    We, the undersigned, call on the city council to:\n\
    \n\
    - publish the water quality reports every month\n\
    - replace the last lead pipes by 2030\n\
    \n\
    Read the [full report](https://example.org/water-report).\n";
const NOTE: &str = "Weekly reports, as partners asked";

#[tokio::test]
#[ignore = "needs chromium and chromium-driver"]
async fn a_coordinator_drafts_revises_and_opens_a_statement_in_a_browser() {
    let rig = Rig::start().await;
    let (app, browser) = (&rig.app, &rig.browser);
    let setup_link = app.setup_link.clone().expect("a setup link on first start");

    let coalition = set_up_the_first_account(browser, &setup_link).await;
    log_out_and_back_in(browser, &app.address, &coalition).await;
    let dashboard = draft_a_statement(browser, &coalition).await;
    revise_the_statement(browser, &dashboard).await;
    let public_url = open_for_signatures(browser, &app.address).await;
    read_the_public_page(browser, &public_url).await;
    rig.finish().await;
}

async fn log_out_and_back_in(browser: &Browser, address: &str, coalition: &str) {
    browser.click_button("Log out").await;
    browser.expect_heading("Log in").await;
    assert_eq!(browser.path().await, "/login");

    browser.visit(&format!("{address}{coalition}")).await;
    browser.expect_heading("Log in").await;
    assert_eq!(browser.path().await, "/login", "logged out for real");

    browser.type_into("email", EMAIL).await;
    browser.type_into("password", PASSWORD).await;
    browser.click_button("Log in").await;
    browser.expect_heading("Statements").await;
    assert_eq!(browser.path().await, coalition);
    browser
        .expect("//p[normalize-space(.)='No statements yet.']")
        .await;
}

async fn draft_a_statement(browser: &Browser, coalition: &str) -> String {
    browser.click_link("New statement").await;
    browser.expect_heading("New statement").await;
    assert_eq!(browser.path().await, format!("{coalition}/statements/new"));
    browser.type_into("title", TITLE).await;
    browser.type_into("language", "en").await;
    browser.type_into("body", FIRST_DRAFT).await;
    browser.click_button("Save draft").await;

    browser.expect_heading(TITLE).await;
    browser
        .expect("//h1/span[normalize-space(.)='draft']")
        .await;
    browser
        .expect(
            "//ul[@class='revisions']/li[contains(., 'Revision 1 ')][contains(., 'first draft')]",
        )
        .await;
    let path = browser.path().await;
    assert!(
        path.starts_with(&format!("{coalition}/statements/")) && !path.ends_with("/new"),
        "on the statement's dashboard, not {path}"
    );
    path
}

async fn revise_the_statement(browser: &Browser, dashboard: &str) {
    browser.click_link("Edit").await;
    browser.expect_heading("Edit the en version").await;
    browser
        .expect("//p[contains(., 'Saving creates revision 2.')]")
        .await;
    assert_eq!(browser.path().await, format!("{dashboard}/edit/en"));
    let body = browser.expect("//textarea[@id='body']").await;
    let shown = body
        .prop("value")
        .await
        .expect("the draft")
        .unwrap_or_default();
    assert!(
        shown.contains("every month"),
        "the draft to edit: {shown:?}"
    );
    browser
        .type_into("body", &FIRST_DRAFT.replace("every month", "every week"))
        .await;
    browser.type_into("note", NOTE).await;
    browser.click_button("Save revision").await;

    browser.expect_heading("Revisions of the en version").await;
    assert_eq!(browser.path().await, format!("{dashboard}/revisions/en"));
    browser
        .expect(&format!(
            "//ul[@class='revisions']/li[contains(., 'Revision 2 ')][contains(., '{NOTE}')]"
        ))
        .await;
    let diff = browser
        .expect("//ul[@class='revisions']/li[contains(., 'Revision 2 ')]/a[normalize-space(.)='changes']")
        .await;
    let href = diff.attr("href").await.expect("href").unwrap_or_default();
    assert_eq!(href, format!("{dashboard}/diff/en?from=1&to=2"));

    diff.click().await.expect("the diff link takes the click");
    browser.expect_heading("Revision 1 → 2").await;
    browser.expect("//ins[contains(., 'week')]").await;
    browser.expect("//del[contains(., 'month')]").await;
}

async fn open_for_signatures(browser: &Browser, address: &str) -> String {
    browser.click_link("All revisions").await;
    browser.click_link("Back to the statement").await;
    browser.expect_heading(TITLE).await;
    browser
        .expect(&format!(
            "//ul[@class='revisions']/li[contains(., 'Revision 2 ')][contains(., '{NOTE}')]"
        ))
        .await;
    browser.click_button("Open for signatures").await;

    browser.expect("//button[normalize-space(.)='Close']").await;
    browser.expect("//h1/span[normalize-space(.)='open']").await;
    browser
        .expect("//dt[.='Public page']/following-sibling::dd[1][normalize-space(.)='public']")
        .await;
    browser.screenshot("dashboard.png").await;

    let link = browser
        .expect("//dt[.='Public link']/following-sibling::dd[1]/a")
        .await;
    let href = link.attr("href").await.expect("href").unwrap_or_default();
    assert_eq!(
        href,
        format!("{address}/s/clean-water-for-every-neighbourhood")
    );
    link.click().await.expect("the public link takes the click");
    href
}

async fn read_the_public_page(browser: &Browser, public_url: &str) {
    browser
        .expect("//h2[@id='signed-by'][normalize-space(.)='Signed by']")
        .await;
    let url = browser.client.current_url().await.expect("URL");
    assert_eq!(url.as_str(), public_url);
    let title = browser.expect("//article//h1").await;
    assert_eq!(title.text().await.expect("title"), TITLE);

    let text = "//div[@class='statement-text']";
    browser
        .expect(&format!("{text}/h2[normalize-space(.)='Why we sign']"))
        .await;
    browser
        .expect(&format!(
            "{text}//li[normalize-space(.)='publish the water quality reports every week']"
        ))
        .await;
    browser
        .expect(&format!(
            "{text}//a[@href='https://example.org/water-report'][.='full report']"
        ))
        .await;
    browser
        .expect("//a[normalize-space(.)='Sign this statement']")
        .await;
    browser
        .expect("//p[normalize-space(.)='No one has signed yet.']")
        .await;
    browser.screenshot("public-statement.png").await;
}
