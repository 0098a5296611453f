//! End to end in a real browser: headless Chromium, driven over WebDriver by
//! fantoccini, walks a coordinator through the app the way a person does,
//! with clicks and typing only. The test starts its own `chromedriver`; when
//! it is missing the test is skipped, except under CI, where it fails.

#[expect(
    dead_code,
    reason = "shared with tests/api; this crate only uses spawn_app"
)]
#[path = "api/helpers.rs"]
mod helpers;
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

use crate::helpers::spawn_app;

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
    let driver = match Chromedriver::start() {
        Ok(driver) => driver,
        Err(reason) if !under_ci() => {
            // Straight to stderr: the test harness would swallow eprintln!.
            let _ = writeln!(
                std::io::stderr(),
                "skipped: install chromium and chromium-driver ({reason})"
            );
            return;
        }
        Err(reason) => panic!("{reason}; CI installs chromium and chromium-driver"),
    };
    let app = spawn_app().await;
    let setup_link = app.setup_link.clone().expect("a setup link on first start");
    let profile = tempfile::tempdir().expect("a Chromium profile folder");
    let browser = Browser::open(&driver, profile.path()).await;

    let coalition = set_up_the_first_account(&browser, &setup_link).await;
    log_out_and_back_in(&browser, &app.address, &coalition).await;
    let dashboard = draft_a_statement(&browser, &coalition).await;
    revise_the_statement(&browser, &dashboard).await;
    let public_url = open_for_signatures(&browser, &app.address).await;
    read_the_public_page(&browser, &public_url).await;

    browser.client.close().await.expect("the browser closes");
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
