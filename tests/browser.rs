//! End to end in a real browser: headless Chromium, driven over WebDriver by
//! fantoccini, walks a coordinator and a signer through the app the way a
//! person does, with clicks and typing only. Each test starts its own
//! `chromedriver`; when it is missing the test is skipped, except under CI,
//! where it fails.

#[expect(
    dead_code,
    reason = "shared with tests/api; this crate uses only part of it"
)]
#[path = "api/helpers.rs"]
mod helpers;
#[path = "api/mailbox.rs"]
#[expect(dead_code, reason = "the browser tests read only text parts")]
mod mailbox;
#[expect(dead_code, reason = "shared with tests/api; helpers.rs names TestSmtp")]
#[path = "api/smtp.rs"]
mod smtp;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use undersigned::accounts::{self, Email};
use undersigned::audit::Actor;
use undersigned::coalitions::{self, Role};
use undersigned::statements::{self, Draft, Status};

use crate::helpers::{TestApp, spawn_app};

const CHROMIUM: &str = "/usr/bin/chromium";
/// How long a page may take to show what a step expects.
const WAIT: Duration = Duration::from_secs(10);

const NAME: &str = "Ana Coordinator";
const EMAIL: &str = "ana@example.org";
const PASSWORD: &str = "correct horse battery staple";
const COALITION: &str = "Coalition for Clean Water";
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

/// A `chromedriver` child process in its own process group. Dropping it,
/// also while a failed assertion unwinds, ends the group: the driver and
/// the Chromium it started.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts the driver, or says why the test cannot run.
    fn start() -> Result<Self, String> {
        let Some(program) = on_path("chromedriver") else {
            return Err("chromedriver is not on PATH".into());
        };
        if !Path::new(CHROMIUM).is_file() {
            return Err(format!("{CHROMIUM} is missing"));
        }
        let port = free_port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("chromedriver did not start: {e}"))?;
        let mut driver = Self { child, port };
        driver.wait_until_listening()?;
        Ok(driver)
    }

    fn wait_until_listening(&mut self) -> Result<(), String> {
        let started = Instant::now();
        while started.elapsed() < WAIT {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("chromedriver exited at start: {status}"));
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("chromedriver did not listen on port {}", self.port))
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // The group's id is the driver's pid (process_group(0) above).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// What every browser test runs on: a fresh app, `chromedriver` and one
/// Chromium session with its own profile. Fields drop in order, so the
/// driver (and Chromium with it) ends before its profile folder goes.
struct Rig {
    browser: Browser,
    app: TestApp,
    _driver: Chromedriver,
    _profile: tempfile::TempDir,
}

impl Rig {
    /// Starts everything, or returns `None` when the test is to be skipped:
    /// without chromedriver outside CI. Under CI a missing driver fails.
    async fn start() -> Option<Self> {
        let driver = match Chromedriver::start() {
            Ok(driver) => driver,
            Err(reason) if !under_ci() => {
                // Straight to stderr: the test harness would swallow eprintln!.
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped: install chromium and chromium-driver ({reason})"
                );
                return None;
            }
            Err(reason) => panic!("{reason}; CI installs chromium and chromium-driver"),
        };
        let app = spawn_app().await;
        let profile = tempfile::tempdir().expect("a Chromium profile folder");
        let browser = Browser::open(&driver, profile.path()).await;
        Some(Self {
            browser,
            app,
            _driver: driver,
            _profile: profile,
        })
    }

    /// Ends the browser session the polite way; a failing test skips this
    /// and the driver's drop ends Chromium instead.
    async fn finish(self) {
        self.browser
            .client
            .close()
            .await
            .expect("the browser closes");
    }
}

/// A browser session with the steps a person takes, each failing with the
/// address and heading of the page it was on.
struct Browser {
    client: Client,
}

impl Browser {
    async fn open(driver: &Chromedriver, profile: &Path) -> Self {
        let options = json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                format!("--user-data-dir={}", profile.display()),
                "--window-size=1200,1600",
            ],
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        // Both rustls back ends are in the build, so one must be chosen; the
        // app's own TLS uses ring. Err means a provider is in place already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = ClientBuilder::rustls()
            .expect("TLS set-up of the WebDriver client")
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .expect("a Chromium session from chromedriver");
        Self { client }
    }

    async fn visit(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
    }

    async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("URL")
            .path()
            .to_owned()
    }

    /// Where the browser is, for failure messages.
    async fn whereabouts(&self) -> String {
        let url = self.client.current_url().await.map(|u| u.to_string());
        let heading = match self.client.find(Locator::Css("h1")).await {
            Ok(h1) => h1.text().await.unwrap_or_default(),
            Err(_) => "(no h1)".into(),
        };
        format!("{} with heading {heading:?}", url.unwrap_or_default())
    }

    /// Waits until an element matching `xpath` shows, or fails the test.
    async fn expect(&self, xpath: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(xpath))
            .await;
        match found {
            Ok(element) => element,
            Err(error) => panic!("expected {xpath} on {}: {error}", self.whereabouts().await),
        }
    }

    async fn expect_heading(&self, text: &str) -> Element {
        self.expect(&format!("//h1[contains(normalize-space(.), '{text}')]"))
            .await
    }

    async fn type_into(&self, id: &str, text: &str) {
        let field = self.expect(&format!("//*[@id='{id}']")).await;
        field.clear().await.expect("the field clears");
        field.send_keys(text).await.expect("typing");
    }

    async fn click_button(&self, label: &str) {
        let button = self
            .expect(&format!("//button[normalize-space(.)='{label}']"))
            .await;
        button.click().await.expect("the button takes the click");
    }

    async fn click_link(&self, text: &str) {
        let link = self
            .expect(&format!("//a[normalize-space(.)='{text}']"))
            .await;
        link.click().await.expect("the link takes the click");
    }

    /// Picks the option a person reads as `label` in the select `id`.
    async fn choose(&self, id: &str, label: &str) {
        let select = self.expect(&format!("//select[@id='{id}']")).await;
        select
            .select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("no option {label:?} in #{id}: {e}"));
    }

    /// Ticks the checkbox `id` by clicking it, as a person does.
    async fn tick(&self, id: &str) {
        let checkbox = self
            .expect(&format!("//input[@type='checkbox'][@id='{id}']"))
            .await;
        checkbox
            .click()
            .await
            .expect("the checkbox takes the click");
        assert!(
            checkbox.is_selected().await.expect("its state"),
            "#{id} is ticked"
        );
    }

    /// What the field `id` holds now (typed, chosen or filled by the page).
    async fn value_of(&self, id: &str) -> String {
        self.expect(&format!("//*[@id='{id}']"))
            .await
            .prop("value")
            .await
            .expect("the field's value")
            .unwrap_or_default()
    }

    /// The `href` of the link whose text is `text`.
    async fn link_target(&self, text: &str) -> String {
        self.expect(&format!("//a[normalize-space(.)='{text}']"))
            .await
            .attr("href")
            .await
            .expect("href")
            .unwrap_or_default()
    }

    /// Fails when an element matching `xpath` is on the loaded page.
    async fn expect_none(&self, xpath: &str) {
        let found = self
            .client
            .find_all(Locator::XPath(xpath))
            .await
            .expect("the search runs");
        assert!(
            found.is_empty(),
            "expected no {xpath} on {}",
            self.whereabouts().await
        );
    }

    /// Saves the whole page to `target/screenshots/<name>`: WebDriver only
    /// captures the viewport, so the window grows to the page for the shot.
    async fn screenshot(&self, name: &str) -> PathBuf {
        let (width, height) = self.client.get_window_size().await.expect("window size");
        let sizes = self
            .client
            .execute(
                "return [document.documentElement.scrollHeight, \
                 window.outerHeight - window.innerHeight];",
                vec![],
            )
            .await
            .expect("the page's height");
        let page = sizes[0].as_u64().unwrap_or(height) + sizes[1].as_u64().unwrap_or(0);
        let full = u32::try_from(page.max(height)).expect("a sane page height");
        let width = u32::try_from(width).expect("a sane window width");
        self.client
            .set_window_size(width, full)
            .await
            .expect("resize");
        let png = self.client.screenshot().await.expect("a screenshot");
        let height = u32::try_from(height).expect("a sane window height");
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize back");
        assert!(png.starts_with(b"\x89PNG"), "a PNG image");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("the screenshots folder");
        let path = dir.join(name);
        std::fs::write(&path, png).expect("the screenshot is saved");
        path
    }
}

#[tokio::test]
async fn a_coordinator_drafts_revises_and_opens_a_statement_in_a_browser() {
    let Some(rig) = Rig::start().await else {
        return;
    };
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

async fn set_up_the_first_account(browser: &Browser, setup_link: &str) -> String {
    browser.visit(setup_link).await;
    browser.expect_heading("Set up Undersigned").await;
    browser.type_into("name", NAME).await;
    browser.type_into("email", EMAIL).await;
    browser.type_into("password", PASSWORD).await;
    browser.type_into("coalition", COALITION).await;
    browser.click_button("Create account and coalition").await;

    browser.expect_heading("Statements").await;
    browser
        .expect(&format!("//header//a[normalize-space(.)='{NAME}']"))
        .await;
    let path = browser.path().await;
    assert_eq!(path, "/c/coalition-for-clean-water");
    path
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

#[tokio::test]
async fn a_signer_signs_confirms_by_mail_and_appears_on_the_list() {
    let Some(rig) = Rig::start().await else {
        return;
    };
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
        let (coordinator, _) = accounts::add_user(c, NAME, &email, None, COALITION, Role::Owner)
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

async fn sign_on_the_public_page(browser: &Browser, public_url: &str, slug: &str) {
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
async fn read_the_confirmation_mail(app: &TestApp) -> String {
    let mails = app.mails_to(SIGNER_EMAIL).await;
    assert_eq!(mails.len(), 1, "one mail to the signer: {mails:?}");
    let mail = &mails[0];
    assert!(mail.contains(&format!("Hola, {SIGNER}:")), "{mail}");
    assert!(mail.contains(&format!("**{ORGANIZATION}**")), "{mail}");
    assert!(mail.contains(&format!("«{TITLE_ES}»")), "{mail}");
    let path = app.link_mailed_to(SIGNER_EMAIL, "/confirm/").await;
    assert!(path.len() > "/confirm/".len() + 16, "a token in {path}");
    format!("{}{path}", app.address)
}

/// Opens the mailed link, checks the line shown, confirms; the manage link.
async fn confirm_by_the_mailed_link(browser: &Browser, address: &str, link: &str) -> String {
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
