//! The rig: a chromedriver, a fresh app and a browser session with the
//! steps a person takes.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::support::app::{TestApp, eventually, spawn_app};

pub const CHROMIUM: &str = "/usr/bin/chromium";
/// How long a page may take to show what a step expects.
pub const WAIT: Duration = Duration::from_secs(10);

pub const NAME: &str = "Ana Coordinator";
pub const EMAIL: &str = "ana@example.org";
pub const PASSWORD: &str = "correct horse battery staple";
pub const COALITION: &str = "Coalition for Clean Water";

/// A `chromedriver` child process in its own process group. Dropping it,
/// also while a failed assertion unwinds, ends the group: the driver and
/// the Chromium it started.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts the driver and waits until it listens, or says why the test
    /// cannot run.
    async fn start() -> Result<Self, String> {
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
        eventually("chromedriver listens", WAIT, || {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("chromedriver exited at start: {status}");
            }
            let listening = TcpStream::connect(("127.0.0.1", port)).is_ok();
            async move { listening }
        })
        .await;
        Ok(driver)
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

/// What every browser test runs on: a fresh app, `chromedriver` and one
/// Chromium session with its own profile. Fields drop in order, so the
/// driver (and Chromium with it) ends before its profile folder goes.
pub struct Rig {
    pub browser: Browser,
    pub app: TestApp,
    _driver: Chromedriver,
    _profile: tempfile::TempDir,
}

impl Rig {
    /// Starts everything; fails the test when chromedriver or Chromium is
    /// missing.
    pub async fn start() -> Self {
        Self::start_in(None).await
    }

    /// The same with Chromium set to prefer `languages` (such as
    /// `es-MX,es`), as a person's browser would be.
    pub async fn start_in(languages: Option<&str>) -> Self {
        let driver = Chromedriver::start().await.unwrap_or_else(|reason| {
            panic!("this test needs chromium and chromium-driver: {reason}")
        });
        let app = spawn_app().await;
        let profile = tempfile::tempdir().expect("a Chromium profile folder");
        let browser = Browser::open(&driver, profile.path(), languages).await;
        Self {
            browser,
            app,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Ends the browser session the polite way; a failing test skips this
    /// and the driver's drop ends Chromium instead.
    pub async fn finish(self) {
        self.browser
            .client
            .close()
            .await
            .expect("the browser closes");
    }
}

/// A browser session with the steps a person takes, each failing with the
/// address and heading of the page it was on.
pub struct Browser {
    pub client: Client,
}

impl Browser {
    async fn open(driver: &Chromedriver, profile: &Path, languages: Option<&str>) -> Self {
        let languages = languages.unwrap_or("en-US,en");
        let first = languages.split(',').next().unwrap_or("en-US");
        let options = json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                format!("--user-data-dir={}", profile.display()),
                "--window-size=1200,1600",
                format!("--lang={first}"),
            ],
            "prefs": { "intl.accept_languages": languages },
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

    pub async fn visit(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
    }

    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("URL")
            .path()
            .to_owned()
    }

    /// Where the browser is, for failure messages.
    pub async fn whereabouts(&self) -> String {
        let url = self.client.current_url().await.map(|u| u.to_string());
        let heading = match self.client.find(Locator::Css("h1")).await {
            Ok(h1) => h1.text().await.unwrap_or_default(),
            Err(_) => "(no h1)".into(),
        };
        format!("{} with heading {heading:?}", url.unwrap_or_default())
    }

    /// Waits until an element matching `xpath` shows, or fails the test.
    pub async fn expect(&self, xpath: &str) -> Element {
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

    pub async fn expect_heading(&self, text: &str) -> Element {
        self.expect(&format!("//h1[contains(normalize-space(.), '{text}')]"))
            .await
    }

    pub async fn type_into(&self, id: &str, text: &str) {
        let field = self.expect(&format!("//*[@id='{id}']")).await;
        field.clear().await.expect("the field clears");
        field.send_keys(text).await.expect("typing");
    }

    /// Sets a date-time field as its picker would: typing into one is
    /// read differently in every browser language.
    pub async fn set_date_time(&self, id: &str, value: &str) {
        self.expect(&format!("//input[@type='datetime-local'][@id='{id}']"))
            .await;
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await
            .expect("the field takes the value");
    }

    pub async fn click_button(&self, label: &str) {
        let button = self
            .expect(&format!("//button[normalize-space(.)='{label}']"))
            .await;
        button.click().await.expect("the button takes the click");
    }

    pub async fn click_link(&self, text: &str) {
        let link = self
            .expect(&format!("//a[normalize-space(.)='{text}']"))
            .await;
        link.click().await.expect("the link takes the click");
    }

    /// Picks the option a person reads as `label` in the select `id`.
    pub async fn choose(&self, id: &str, label: &str) {
        let select = self.expect(&format!("//select[@id='{id}']")).await;
        select
            .select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("no option {label:?} in #{id}: {e}"));
    }

    /// Ticks the checkbox `id` by clicking it, as a person does.
    pub async fn tick(&self, id: &str) {
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
    pub async fn value_of(&self, id: &str) -> String {
        self.expect(&format!("//*[@id='{id}']"))
            .await
            .prop("value")
            .await
            .expect("the field's value")
            .unwrap_or_default()
    }

    /// The `href` of the link whose text is `text`.
    pub async fn link_target(&self, text: &str) -> String {
        self.expect(&format!("//a[normalize-space(.)='{text}']"))
            .await
            .attr("href")
            .await
            .expect("href")
            .unwrap_or_default()
    }

    /// Fails when an element matching `xpath` is on the loaded page.
    pub async fn expect_none(&self, xpath: &str) {
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
    pub async fn screenshot(&self, name: &str) -> PathBuf {
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

/// Creates the first account and its coalition through the setup link;
/// returns the coalition's path.
pub async fn set_up_the_first_account(browser: &Browser, setup_link: &str) -> String {
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
