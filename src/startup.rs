//! Building the application from settings: database, migrations, mail
//! worker and HTTP server, bound to a port (0 in tests).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tokio::sync::{oneshot, watch};

use crate::config::Settings;
use crate::mail::{self, MailContext, Transport, Worker, WorkerOptions};
use crate::web::AppState;
use crate::{accounts, db};

/// How long a stopping server waits for the mail worker's message in flight.
const WORKER_GRACE: Duration = Duration::from_secs(30);

pub struct Application {
    port: u16,
    base_url: String,
    setup_link: Option<String>,
    server: Server,
    /// Answered when the mail worker and the jobs have stopped.
    background: oneshot::Receiver<()>,
    stop_worker: Arc<watch::Sender<bool>>,
    pool: db::Pool,
    writes: db::GroupCommit,
    pages: crate::web::pages::Pages,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!(
                "could not create the data directory {}",
                settings.data_dir.display()
            )
        })?;
        let secret = settings.secret_key()?;
        let pool = db::connect(&settings)?;
        let setup_pool = pool.clone();
        let listener = TcpListener::bind(&settings.listen)
            .with_context(|| format!("could not listen on {}", settings.listen))?;
        let bound = listener.local_addr().context("no local address")?;
        let port = bound.port();
        let base_url = settings.public_base_url(&bound.to_string());

        let setup_base = base_url.clone();
        let setup_link = tokio::task::spawn_blocking(move || -> anyhow::Result<Option<String>> {
            let mut conn = setup_pool.get().context("no database connection")?;
            for name in db::run_migrations(&mut conn)? {
                tracing::info!(migration = name, "migration applied");
            }
            let rendered = crate::statements::render_stored_revisions(&mut conn)
                .context("could not render the stored statement revisions")?;
            if rendered > 0 {
                tracing::info!(revisions = rendered, "stored statement revisions rendered");
            }
            fill_search_keys(&mut conn)?;
            Ok(accounts::setup_link_if_needed(&mut conn, &setup_base)?)
        })
        .await
        .context("start-up task failed")??;

        let mail = MailContext::new(&settings, base_url.clone())?;
        let dkim = mail::load_dkim(&settings)?;
        let transport = Transport::from_settings(&settings)?;
        let writes = db::GroupCommit::start(pool.clone())?;
        let worker = Arc::new(Worker::new(
            pool.clone(),
            writes.clone(),
            transport,
            mail.from.clone(),
            dkim,
            WorkerOptions::from_settings(&settings, &mail::instance_name(&bound.to_string())),
            crate::suppressions::bounced,
        ));
        let mail_worker = worker.heartbeat();
        let (stop_worker, stopped) = watch::channel(false);
        let stop_worker = Arc::new(stop_worker);
        let jobs = crate::jobs::run(
            pool.clone(),
            mail.clone(),
            secret.clone(),
            crate::retention::Retention::from_settings(&settings),
            std::time::Duration::from_millis(settings.jobs_tick_ms.max(50)),
            stopped.clone(),
        );
        let supervised = crate::background::supervise(
            "mail worker",
            mail_worker.clone(),
            stopped.clone(),
            move || worker.clone().run(stopped.clone()),
        );
        let background = crate::background::spawn("background", async move {
            tokio::join!(jobs, supervised);
        })
        .context("could not start the mail worker's thread")?;

        if settings.metrics_token.is_some() {
            crate::monitoring::install();
        }
        let https = base_url.starts_with("https://");
        let limits = crate::web::limits::Limits::from_settings(&settings, &pool)?;
        let proxies = crate::web::client::TrustedProxies::from_settings(&settings)?;
        let pages = crate::web::pages::Pages::new(settings.page_cache_mib);
        let state = web::Data::new(AppState {
            pool: pool.clone(),
            writes: writes.clone(),
            settings: Arc::new(settings),
            base_url: base_url.clone(),
            mail,
            secret,
            limits,
            proxies,
            mail_worker,
            pages: pages.clone(),
            identify: crate::coalitions::identify,
        });
        let imports = web::Data::new(crate::imports::Running::default());
        let sign_on_list = web::Data::new(crate::signatures::SIGN_ON_LIST);
        let server = HttpServer::new(move || {
            App::new()
                // Innermost first: a cross-site refusal gets an error page
                // in the person's language, and every answer the headers.
                .wrap(from_fn(crate::web::origin::same_origin_posts))
                .wrap(from_fn(crate::web::error_pages))
                .wrap(crate::web::security_headers(https))
                .wrap(from_fn(crate::web::caching::policy))
                .wrap(from_fn(crate::web::log_requests))
                .app_data(state.clone())
                .app_data(imports.clone())
                .app_data(sign_on_list.clone())
                .configure(crate::app::routes)
                .default_service(web::to(crate::web::not_found))
        })
        .listen(listener)
        .context("could not start the HTTP server")?
        .shutdown_timeout(10)
        .run();

        Ok(Self {
            port,
            base_url,
            setup_link,
            server,
            background,
            stop_worker,
            pool,
            writes,
            pages,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The one-time link printed at first start, while no coordinator exists.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    pub fn pool(&self) -> db::Pool {
        self.pool.clone()
    }

    /// The writer that requests' short write operations go through.
    pub fn writes(&self) -> db::GroupCommit {
        self.writes.clone()
    }

    /// The finished public pages this server keeps.
    pub fn pages(&self) -> crate::web::pages::Pages {
        self.pages.clone()
    }

    /// Stops the mail worker and the scheduled jobs while the server goes
    /// on answering, as happens when they die; for the readiness tests.
    pub fn background_stopper(&self) -> impl Fn() + Send + Sync + 'static {
        let stop = self.stop_worker.clone();
        move || {
            let _ = stop.send(true);
        }
    }

    /// A handle that stops the server as SIGTERM or Ctrl-C would.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGTERM, Ctrl-C or [`ServerHandle::stop`]; then lets the
    /// mail worker finish the message in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let served = self.server.await;
        let _ = self.stop_worker.send(true);
        if tokio::time::timeout(WORKER_GRACE, self.background)
            .await
            .is_err()
        {
            tracing::warn!("the mail worker did not stop in time");
        }
        served.context("the HTTP server failed")
    }
}

/// Gives search keys to the signatures and contacts stored before they
/// existed; a no-op once every row has one.
pub fn fill_search_keys(conn: &mut db::DbConn) -> anyhow::Result<()> {
    let signatures = crate::signatures::fill_search_keys(conn)
        .context("could not fill the search keys of signatures")?;
    let contacts = crate::contacts::fill_search_keys(conn)
        .context("could not fill the search keys of contacts")?;
    if signatures + contacts > 0 {
        tracing::info!(signatures, contacts, "search keys filled");
    }
    Ok(())
}
