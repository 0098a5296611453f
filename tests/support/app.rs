//! The real application on port 0 with a fresh database, as a test sees
//! it, and the one way tests wait for something to happen.

use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use diesel::prelude::*;
use tokio::task::JoinHandle;
use undersigned::config::Settings;
use undersigned::db::{DbConn, Pool};
use undersigned::startup::Application;

use super::database::TestDatabase;
use super::smtp::TestSmtp;

/// The running application, as a test sees it.
pub struct TestApp {
    pub address: String,
    pub pool: Pool,
    pub setup_link: Option<String>,
    pub client: reqwest::Client,
    pub db: Arc<TestDatabase>,
    pub data_dir: Arc<tempfile::TempDir>,
    pub smtp: Option<TestSmtp>,
    handle: ServerHandle,
    task: JoinHandle<anyhow::Result<()>>,
    stop_background: Box<dyn Fn() + Send + Sync>,
}

/// How a test wants the app configured.
pub struct Options {
    pub smtp: Option<TestSmtp>,
    pub db: Option<Arc<TestDatabase>>,
    pub data_dir: Option<Arc<tempfile::TempDir>>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options {
        smtp: None,
        db: None,
        data_dir: None,
    })
    .await
}

pub async fn spawn_app_with_smtp(smtp: TestSmtp) -> TestApp {
    spawn_app_with(Options {
        smtp: Some(smtp),
        db: None,
        data_dir: None,
    })
    .await
}

/// The app with settings changed by `change` (limits, link lifetimes…).
pub async fn spawn_app_with_settings(change: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_configured(
        Options {
            smtp: None,
            db: None,
            data_dir: None,
        },
        change,
    )
    .await
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    spawn_app_configured(options, |_| {}).await
}

/// The app with `options` and settings changed by `change`.
pub async fn spawn_app_configured(options: Options, change: impl FnOnce(&mut Settings)) -> TestApp {
    let db = options
        .db
        .unwrap_or_else(|| Arc::new(TestDatabase::create()));
    let data_dir = options
        .data_dir
        .unwrap_or_else(|| Arc::new(tempfile::tempdir().expect("data dir")));
    let mut settings = Settings {
        listen: "127.0.0.1:0".into(),
        data_dir: data_dir.path().to_owned(),
        database_url: Some(db.url().into()),
        database_pool_size: 4,
        smtp_url: options.smtp.as_ref().map(|s| s.url().into()),
        smtp_timeout_seconds: 5,
        mail_from: "statements@undersigned.test".into(),
        outbox_poll_ms: 25,
        outbox_retry_base_ms: 50,
        outbox_max_attempts: 5,
        ..Settings::default()
    };
    change(&mut settings);
    undersigned::telemetry::init(&Settings {
        log_level: "warn".into(),
        ..Settings::default()
    });
    let app = Application::build(settings).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool();
    let handle = app.handle();
    let setup_link = app.setup_link().map(str::to_owned);
    let stop_background = Box::new(app.background_stopper());
    let task = tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("http client");
    TestApp {
        address,
        pool,
        setup_link,
        client,
        db,
        data_dir,
        smtp: options.smtp,
        handle,
        task,
        stop_background,
    }
}

/// Waits until `condition` holds, checking every 25 ms, for at most
/// `timeout`; panics naming `what` otherwise.
pub async fn eventually<F, Fut>(what: &str, timeout: Duration, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    while !condition().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what}: not within {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

impl TestApp {
    /// The command line, run on this app's database and data directory,
    /// with no settings file.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_undersigned"));
        command
            .args(args)
            .env("UNDERSIGNED_DATABASE_URL", self.db.url())
            .env("UNDERSIGNED_DATA_DIR", self.data_dir.path())
            .env("UNDERSIGNED_CONFIG", self.data_dir.path().join("none.toml"));
        command
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent")
    }

    /// Runs `f` on a database connection of the app's pool.
    pub async fn with_conn<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConn) -> T + Send + 'static,
    ) -> T {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || f(&mut pool.get().expect("connection")))
            .await
            .expect("database task")
    }

    /// How many outbox rows are still queued.
    pub async fn queued_mail(&self) -> i64 {
        self.with_conn(|c| {
            undersigned::db::schema::outbox::table
                .filter(undersigned::db::schema::outbox::status.eq("queued"))
                .count()
                .get_result(c)
                .expect("count")
        })
        .await
    }

    /// Waits until no outbox row is queued and due within the retry window.
    pub async fn wait_for_outbox_to_settle(&self) {
        eventually("the outbox settles", Duration::from_secs(10), || async {
            self.queued_mail().await == 0
        })
        .await;
    }

    /// Stops the mail worker and the scheduled jobs; the server goes on.
    pub fn stop_background(&self) {
        (self.stop_background)();
    }

    /// Stops the server the way SIGTERM does and waits for it to finish.
    pub async fn stop(self) -> (Arc<TestDatabase>, Arc<tempfile::TempDir>, Option<TestSmtp>) {
        self.handle.stop(true).await;
        self.task
            .await
            .expect("server task")
            .expect("server stopped cleanly");
        (self.db, self.data_dir, self.smtp)
    }

    /// Stops the server and starts a new one on the same database and data.
    pub async fn restart(self) -> TestApp {
        let (db, data_dir, smtp) = self.stop().await;
        spawn_app_with(Options {
            smtp,
            db: Some(db),
            data_dir: Some(data_dir),
        })
        .await
    }
}

/// Runs a command to its end: whether it succeeded, and its output and
/// error output as text.
pub fn run(command: &mut std::process::Command) -> (bool, String, String) {
    let output = command.output().expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A response header as text, or empty when it is missing.
pub fn header_of(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}
