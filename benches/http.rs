//! Request rates of the real application over loopback HTTP, next to the
//! bare `/healthz` rate measured in the same run: sign-on submissions (to
//! the statement with 100,000 names, each with a new address) and the
//! public page of statements with 1,000, 10,000, 100,000 and 1,000,000
//! listed names, each cold (made afresh by a second server on the same
//! database that keeps no pages) and cached, plain and in brotli, and the
//! largest as a 304 revalidation by its ETag. Beside the sign-on POST it
//! measures the same sign-ons stored without HTTP, straight through the
//! application's database writer: the ceiling that the POST's rate can
//! reach on this machine and database. Last it reports the memory the
//! kept pages take.
//!
//! Run: `cargo bench --bench http`. The load comes from this process: a
//! reqwest client with `HTTP_BENCH_CONNECTIONS` (default 16) tasks, each
//! sending one request after the other for `HTTP_BENCH_SECONDS` (default 5)
//! per measurement, after a short warm-up. SQLite always runs; PostgreSQL
//! also runs when `UNDERSIGNED_TEST_POSTGRES_URL` names a server where a
//! fresh database may be created (it is dropped at the end). All traffic
//! stays on 127.0.0.1; mail goes to files, no SMTP server is needed.
//! `HTTP_BENCH_MAX_LIST` (default 1000000) leaves out the larger lists.
//!
//! The client shares the CPUs with the server, so the ratios to `/healthz`
//! say more than the rates; the header shows the load average, since other
//! work on the machine moves every number.

mod signons;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use reqwest::StatusCode;
use undersigned::config::SecretKey;
use undersigned::config::Settings;
use undersigned::db::schema::signatures as sig;
use undersigned::db::{self as store, DbConn, GroupCommit, Pool};
use undersigned::i18n::CountryCode;
use undersigned::mail::MailContext;
use undersigned::signatures::signing::{self, SignOn};
use undersigned::signatures::{self, Kind, Placement};
use undersigned::startup::Application;

use signons::{env_number, open_statement, owner, sign_form, with_conn};
use undersigned::statements::{self, ListOrder, Revision, Statement};

/// Listed names of the statements whose public page is measured.
const LISTS: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];
/// Listed names of the statement sign-ons go to.
const SIGNON_LIST: usize = 100_000;
/// Rows per multi-row INSERT and per transaction while filling the lists.
const ROWS_PER_INSERT: usize = 500;
const ROWS_PER_TRANSACTION: usize = 5_000;
/// The cached public page's rate may differ this much between the
/// smallest and the largest list and still count as flat.
const CACHED_SPREAD_ALLOWED: f64 = 0.25;
/// The cached public page's least share of `/healthz`.
const CACHED_SHARE: f64 = 0.25;
/// The sign-on rate PostgreSQL should reach.
const POSTGRES_SIGNONS: f64 = 2_000.0;

/// How hard and how long each measurement pushes.
#[derive(Clone, Copy)]
struct Load {
    duration: Duration,
    connections: usize,
}

impl Load {
    fn from_env() -> Self {
        Self {
            duration: Duration::from_secs(env_number("HTTP_BENCH_SECONDS", 5)),
            connections: env_number("HTTP_BENCH_CONNECTIONS", 16) as usize,
        }
    }

    fn warm_up(self) -> Self {
        Self {
            duration: (self.duration / 5).clamp(Duration::from_millis(200), Duration::from_secs(1)),
            ..self
        }
    }
}

/// A fresh database for one run, dropped afterwards.
enum Backend {
    Sqlite { dir: tempfile::TempDir },
    Postgres { admin_url: String, name: String },
}

impl Backend {
    fn sqlite() -> anyhow::Result<Self> {
        Ok(Self::Sqlite {
            dir: tempfile::tempdir().context("temporary directory")?,
        })
    }

    fn postgres(admin_url: &str) -> anyhow::Result<Self> {
        let name = format!("undersigned_bench_{}", uuid::Uuid::new_v4().simple());
        let mut admin = store::connect_postgres(admin_url)
            .context("could not connect to UNDERSIGNED_TEST_POSTGRES_URL")?;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .context("could not create the bench database")?;
        Ok(Self::Postgres {
            admin_url: admin_url.to_owned(),
            name,
        })
    }

    fn label(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "SQLite",
            Self::Postgres { .. } => "PostgreSQL",
        }
    }

    fn url(&self) -> anyhow::Result<String> {
        match self {
            Self::Sqlite { dir } => Ok(format!(
                "sqlite://{}",
                dir.path().join("bench.db").display()
            )),
            Self::Postgres { admin_url, name } => {
                let mut url = url::Url::parse(admin_url).context("PostgreSQL URL")?;
                url.set_path(&format!("/{name}"));
                Ok(url.to_string())
            }
        }
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Self::Postgres { admin_url, name } = self
            && let Ok(mut admin) = store::connect_postgres(admin_url)
        {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// What one measurement saw.
struct Sample {
    name: String,
    elapsed: Duration,
    /// Latencies of the answers with the expected status, sorted.
    latencies: Vec<Duration>,
    errors: usize,
    /// CPU seconds this process (server and client) and the PostgreSQL
    /// server's processes used meanwhile.
    cpu: Cpu,
}

/// CPU seconds used so far, by this process and by PostgreSQL's.
#[derive(Clone, Copy, Default)]
struct Cpu {
    this: f64,
    postgres: f64,
}

impl Cpu {
    fn now() -> Self {
        // SAFETY: sysconf only reads a configuration value.
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        // utime and stime, after the command name in parentheses.
        let seconds = |stat: &str| -> Option<(String, f64)> {
            let (head, tail) = stat.rsplit_once(") ")?;
            let name = head.split_once(" (")?.1.to_owned();
            let fields: Vec<&str> = tail.split_whitespace().collect();
            let used =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some((name, used / ticks))
        };
        let this = std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| seconds(&s))
            .map_or(0.0, |(_, used)| used);
        let postgres = std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.path().join("stat")).ok())
            .filter_map(|stat| seconds(&stat))
            .filter(|(name, _)| name == "postgres")
            .map(|(_, used)| used)
            .sum();
        Self { this, postgres }
    }

    fn since(self, before: Self) -> Self {
        Self {
            this: self.this - before.this,
            postgres: self.postgres - before.postgres,
        }
    }
}

impl Sample {
    fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let rank =
            ((p * self.latencies.len() as f64).ceil() as usize).clamp(1, self.latencies.len());
        self.latencies[rank - 1].as_secs_f64() * 1000.0
    }
}

/// Builds request number `n` (unique across the run).
type MakeRequest = dyn Fn(&reqwest::Client, u64) -> reqwest::RequestBuilder + Send + Sync;

static REQUEST_NUMBER: AtomicU64 = AtomicU64::new(0);

/// One attempt, number `n` of the run: whether it got the expected answer.
type Attempt = dyn Fn(u64) -> Pin<Box<dyn Future<Output = bool> + Send>> + Send + Sync;

/// Makes attempts from `load.connections` tasks until the time is up.
async fn measure(load: Load, name: &str, attempt: Arc<Attempt>) -> Sample {
    let cpu = Cpu::now();
    let started = Instant::now();
    let deadline = started + load.duration;
    let tasks: Vec<_> = (0..load.connections)
        .map(|_| {
            let attempt = attempt.clone();
            tokio::spawn(async move {
                let (mut latencies, mut errors) = (Vec::new(), 0);
                while Instant::now() < deadline {
                    let n = REQUEST_NUMBER.fetch_add(1, Ordering::Relaxed);
                    let sent = Instant::now();
                    if attempt(n).await {
                        latencies.push(sent.elapsed());
                    } else {
                        errors += 1;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut sample = Sample {
        name: name.to_owned(),
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        errors: 0,
        cpu: Cpu::default(),
    };
    for task in tasks {
        let (latencies, errors) = task.await.unwrap_or_default();
        sample.latencies.extend(latencies);
        sample.errors += errors;
    }
    sample.elapsed = started.elapsed();
    sample.cpu = Cpu::now().since(cpu);
    sample.latencies.sort_unstable();
    sample
}

/// Warms up, then measures.
async fn run(load: Load, name: &str, attempt: Arc<Attempt>) -> Sample {
    measure(load.warm_up(), name, attempt.clone()).await;
    measure(load, name, attempt).await
}

/// Requests made by `make`, answered with `expected` and read to the end.
fn http(client: &reqwest::Client, expected: StatusCode, make: Arc<MakeRequest>) -> Arc<Attempt> {
    let client = client.clone();
    Arc::new(move |n| {
        let request = make(&client, n);
        Box::pin(async move {
            match request.send().await {
                Ok(response) => {
                    let status = response.status();
                    response.bytes().await.is_ok() && status == expected
                }
                Err(_) => false,
            }
        })
    })
}

/// What a sign-on stored without HTTP needs.
#[derive(Clone)]
struct Direct {
    writes: GroupCommit,
    mail: Arc<MailContext>,
    secret: Arc<SecretKey>,
    statement: Arc<Statement>,
    title: Arc<str>,
    revision: Arc<Revision>,
}

impl Direct {
    fn ctx(&self) -> signing::Ctx<'_> {
        signing::Ctx {
            mail: &self.mail,
            secret: &self.secret,
            confirm_days: 7,
            mails_per_day: i64::MAX,
        }
    }

    /// One sign-on as the form handler stores it: prepared on the calling
    /// task, written by the database writer.
    async fn sign(&self, n: u64) -> bool {
        let sign_on = SignOn {
            kind: Kind::Organization,
            name: format!("Bench Organization {n}"),
            country: CountryCode::parse("FR"),
            website: Some(format!("https://bench{n}.example.org")),
            affiliation: None,
            city: None,
            signer_name: Some("Ana Bench".into()),
            signer_title: Some("Director".into()),
            email: format!("direct{n}@bench{n}.example.org"),
            authorized: true,
            comment: None,
            language: "en".into(),
        };
        let Ok(prepared) = signing::Prepared::new(
            &self.ctx(),
            &self.statement,
            &self.title,
            &self.revision,
            sign_on,
        ) else {
            return false;
        };
        let this = self.clone();
        matches!(
            self.writes
                .run(move |c| {
                    signing::submit_prepared(c, &this.ctx(), &this.statement, &prepared)
                })
                .await,
            Ok(Ok(_))
        )
    }
}

/// The sign-on path below HTTP, on the statement `slug`.
async fn direct(
    pool: &Pool,
    writes: GroupCommit,
    settings: &Settings,
    base: &str,
    slug: &str,
) -> anyhow::Result<Direct> {
    let slug = slug.to_owned();
    let (statement, title, revision) = with_conn(pool, move |c| {
        let statement = statements::find_by_slug(c, &slug)?.context("statement")?;
        let version = statements::version(c, &statement.id, "en")?.context("version")?;
        let revision = statements::current_revision(c, &version)?;
        Ok((statement, version.title, revision))
    })
    .await?;
    Ok(Direct {
        writes,
        mail: Arc::new(MailContext::new(settings, base.to_owned())?),
        secret: Arc::new(settings.secret_key()?),
        statement: Arc::new(statement),
        title: title.into(),
        revision: Arc::new(revision),
    })
}

/// The statements the bench uses: listed names and slug, smallest first.
/// Sign-ons go to the one of [`SIGNON_LIST`] names: a lookup that reads
/// the whole list shows there.
struct Fixture {
    lists: Vec<(usize, String)>,
}

impl Fixture {
    /// The listed names and slug of the statement sign-ons go to.
    fn signed(&self) -> (usize, &str) {
        self.lists
            .iter()
            .find(|(names, _)| *names == SIGNON_LIST)
            .or(self.lists.last())
            .map_or((0, ""), |(names, slug)| (*names, slug.as_str()))
    }
}

fn prepare(conn: &mut DbConn, max_list: usize) -> anyhow::Result<Fixture> {
    let (author, membership) = owner(conn)?;
    let mut lists = Vec::new();
    for names in LISTS.into_iter().filter(|n| *n <= max_list) {
        let statement = open_statement(conn, &membership, &author, &format!("Bench list {names}"))?;
        fill(conn, &statement, names)?;
        lists.push((names, statement.slug));
    }
    if let DbConn::Postgres(pg) = conn {
        // What autovacuum does within a minute of such a bulk load.
        pg.batch_execute("ANALYZE")?;
    }
    Ok(Fixture { lists })
}

const COUNTRIES: &[&str] = &["AR", "BR", "DE", "FR", "GB", "KE", "MX", "SE", "US", "ZA"];
const WORDS: &[&str] = &[
    "Água",
    "Fundación",
    "Red",
    "Union",
    "Öko",
    "Collectif",
    "Instituto",
    "Zivot",
    "Ríos",
    "Lake",
    "Observatorio",
    "Wasser",
    "Comité",
    "Ubuntu",
    "Nile",
    "Éco",
];

/// Confirmed signatures in the state the form and confirmation leave them,
/// inserted many rows at a time (the list keys computed as the app does),
/// then the statement's counts refreshed once.
fn fill(conn: &mut DbConn, statement: &Statement, count: usize) -> anyhow::Result<()> {
    let version = statements::version(conn, &statement.id, "en")?.context("version")?;
    let revision = statements::current_revision(conn, &version)?;
    let now = store::now();
    for start in (0..count).step_by(ROWS_PER_TRANSACTION) {
        let end = (start + ROWS_PER_TRANSACTION).min(count);
        store::transaction(conn, |conn| -> anyhow::Result<()> {
            for chunk in (start..end).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
                insert_rows(conn, statement, &revision.id, now, chunk)?;
            }
            Ok(())
        })?;
    }
    signatures::refresh_counts(conn, &statement.id)?;
    Ok(())
}

fn insert_rows(
    conn: &mut DbConn,
    statement: &Statement,
    revision_id: &str,
    now: chrono::NaiveDateTime,
    numbers: &[usize],
) -> QueryResult<usize> {
    let rows: Vec<_> = numbers
        .iter()
        .map(|&i| {
            // Scrambled, so that list order differs from insertion order.
            let scrambled = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
            let name = format!("{} {scrambled:06x} {i}", WORDS[i % WORDS.len()]);
            let country = COUNTRIES[i % COUNTRIES.len()];
            let signed_at = now - chrono::Duration::seconds(i as i64);
            let key = signatures::list_key(
                ListOrder::Alphabetical,
                &statement.language,
                &Placement {
                    name: &name,
                    country: Some(country),
                    signed_at,
                    manual_position: None,
                },
            );
            let dedupe = signatures::normalize::dedupe_key(&name);
            (
                (
                    sig::id.eq(store::new_id()),
                    sig::statement_id.eq(statement.id.clone()),
                    sig::kind.eq(Kind::Organization.as_str()),
                    sig::name.eq(name),
                    sig::country.eq(country),
                    sig::website.eq(format!("https://org{i}.example.org")),
                    sig::signer_name.eq("Bench Signer"),
                    sig::signer_title.eq("Director"),
                    sig::email.eq(format!("contact{i}@org{i}.example.org")),
                    sig::status.eq(signatures::Status::Confirmed.as_str()),
                    sig::source.eq("form"),
                ),
                (
                    sig::listed.eq(true),
                    sig::list_key.eq(key),
                    sig::revision_id.eq(revision_id.to_owned()),
                    sig::created_at.eq(signed_at),
                    sig::confirmed_at.eq(signed_at),
                    sig::authorized.eq(true),
                    sig::dedupe_key.eq(dedupe),
                    sig::website_domain.eq(format!("org{i}.example.org")),
                    sig::domain_matches.eq(true),
                ),
            )
        })
        .collect();
    // A multi-row insert does not compile through the connection enum.
    match conn {
        DbConn::Sqlite(c) => diesel::insert_into(sig::table).values(rows).execute(c),
        DbConn::Postgres(c) => diesel::insert_into(sig::table).values(rows).execute(c),
    }
}

/// Waits (a minute at most) until the mail worker has written every
/// confirmation, so that the next measurement does not share the CPUs with it.
async fn settle_outbox(pool: &Pool, label: &str) -> anyhow::Result<()> {
    use undersigned::db::schema::outbox;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let queued: i64 = with_conn(pool, |c| {
            Ok(outbox::table
                .filter(outbox::status.eq(undersigned::mail::Status::Queued.as_str()))
                .count()
                .get_result(c)?)
        })
        .await?;
        if queued == 0 {
            eprintln!(
                "{label}: the mail worker caught up {:.1} s after the sign-ons",
                started.elapsed().as_secs_f64()
            );
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!("{label}: mail still queued a minute after the sign-ons");
    Ok(())
}

fn settings(backend: &Backend, data_dir: &std::path::Path) -> anyhow::Result<Settings> {
    Ok(Settings {
        listen: "127.0.0.1:0".into(),
        data_dir: data_dir.to_owned(),
        database_url: Some(backend.url()?.into()),
        // No SMTP: the mail worker writes each message to a file.
        smtp_url: None,
        log_level: "warn".into(),
        signon_per_ip_per_hour: u32::MAX,
        signon_per_address_per_hour: u32::MAX,
        mails_per_address_per_day: i64::MAX,
        ..Settings::default()
    })
}

/// What one backend's run measured.
struct Run {
    samples: Vec<Sample>,
    /// The bytes the kept pages took after every page was served.
    kept_bytes: u64,
}

/// Starts the app on `backend`, fills it and takes every measurement.
async fn bench(backend: &Backend, load: Load, max_list: usize) -> anyhow::Result<Run> {
    let data_dir = tempfile::tempdir().context("data directory")?;
    let settings = settings(backend, data_dir.path())?;
    let app = Application::build(settings.clone()).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let (pool, handle, writes, pages) = (app.pool(), app.handle(), app.writes(), app.pages());
    let server = tokio::spawn(app.run_until_stopped());

    let filling = Instant::now();
    let fixture = with_conn(&pool, move |c| prepare(c, max_list)).await?;
    eprintln!(
        "{}: filled {} signatures in {:.1} s",
        backend.label(),
        fixture.lists.iter().map(|(n, _)| n).sum::<usize>(),
        filling.elapsed().as_secs_f64()
    );
    // A second server on the same database that keeps no page: every
    // request to it is made afresh.
    let cold_dir = tempfile::tempdir().context("data directory")?;
    let cold_app = Application::build(Settings {
        page_cache_mib: 0,
        data_dir: cold_dir.path().to_owned(),
        ..settings.clone()
    })
    .await?;
    let cold_base = format!("http://127.0.0.1:{}", cold_app.port());
    let cold_handle = cold_app.handle();
    let cold_server = tokio::spawn(cold_app.run_until_stopped());

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(load.connections)
        .build()?;
    let get_with = |url: String, expected: StatusCode, headers: Vec<(&'static str, String)>| {
        http(
            &client,
            expected,
            Arc::new(move |c: &reqwest::Client, _| {
                headers.iter().fold(c.get(&url), |request, (name, value)| {
                    request.header(*name, value)
                })
            }),
        )
    };
    let get = |url: String| get_with(url, StatusCode::OK, Vec::new());
    let (signed_list, signed_slug) = fixture.signed();
    let sign_url = format!("{base}/s/{signed_slug}/sign");
    let post = http(
        &client,
        StatusCode::SEE_OTHER,
        Arc::new(move |c: &reqwest::Client, n| {
            c.post(&sign_url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(sign_form(n)).unwrap_or_default())
        }),
    );

    let mut samples = vec![run(load, "GET /healthz", get(format!("{base}/healthz"))).await];
    let sign = format!("POST /s/{{slug}}/sign, {signed_list} listed");
    samples.push(run(load, &sign, post).await);
    settle_outbox(&pool, backend.label()).await?;
    let direct = direct(&pool, writes, &settings, &base, signed_slug).await?;
    let stored: Arc<Attempt> = Arc::new(move |n| {
        let direct = direct.clone();
        Box::pin(async move { direct.sign(n).await })
    });
    let without = format!("same, without HTTP, {signed_list} listed");
    samples.push(run(load, &without, stored).await);
    settle_outbox(&pool, backend.label()).await?;

    let accept_br = || vec![("accept-encoding", "br".to_owned())];
    for (names, slug) in &fixture.lists {
        let (cold, cached) = (format!("{cold_base}/s/{slug}"), format!("{base}/s/{slug}"));
        let label = |how: &str| format!("GET /s/{{slug}}, {names} listed, {how}");
        samples.push(run(load, &label("cold"), get(cold.clone())).await);
        let cold_br = get_with(cold, StatusCode::OK, accept_br());
        samples.push(run(load, &label("cold, br"), cold_br).await);
        samples.push(run(load, &label("cached"), get(cached.clone())).await);
        let cached_br = get_with(cached, StatusCode::OK, accept_br());
        samples.push(run(load, &label("cached, br"), cached_br).await);
    }
    let (names, slug) = fixture.lists.last().context("a list")?;
    let largest = format!("{base}/s/{slug}");
    let etag = client
        .get(&largest)
        .send()
        .await?
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .context("the public page has an ETag")?
        .to_owned();
    let revalidate = format!("GET /s/{{slug}}, {names} listed, 304");
    let if_none_match = vec![("if-none-match", etag)];
    samples.push(
        run(
            load,
            &revalidate,
            get_with(largest, StatusCode::NOT_MODIFIED, if_none_match),
        )
        .await,
    );
    let kept_bytes = pages.weight();

    cold_handle.stop(true).await;
    cold_server.await.context("cold server task")??;
    handle.stop(true).await;
    server.await.context("server task")??;
    Ok(Run {
        samples,
        kept_bytes,
    })
}

fn print_table(backend: &str, load: Load, samples: &[Sample]) {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load_average = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into());
    println!(
        "\n{backend}: {} s per measurement, {} connections, {cpus} CPUs (load average {load_average}), client in the same process",
        load.duration.as_secs(),
        load.connections
    );
    println!(
        "{:<48} {:>10} {:>9} {:>9} {:>11} {:>7}",
        "request", "req/s", "p50 ms", "p99 ms", "/healthz", "errors"
    );
    let health = samples.first().map_or(f64::NAN, Sample::rate);
    for s in samples {
        println!(
            "{:<48} {:>10.0} {:>9.2} {:>9.2} {:>10.1}% {:>7}",
            s.name,
            s.rate(),
            s.percentile_ms(0.50),
            s.percentile_ms(0.99),
            100.0 * s.rate() / health,
            s.errors
        );
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

fn print_targets(backend: &Backend, run: &Run) {
    let [health, sign, direct, pages @ ..] = &run.samples[..] else {
        return;
    };
    let share = sign.rate() / health.rate();
    println!(
        "target  sign-on rate >= 25% of /healthz: {:.1}% -> {}",
        100.0 * share,
        verdict(share >= 0.25)
    );
    println!(
        "        sign-on rate over HTTP / without HTTP: {:.0}%",
        100.0 * sign.rate() / direct.rate()
    );
    if let Backend::Postgres { .. } = backend {
        println!(
            "target  sign-on rate >= {POSTGRES_SIGNONS:.0}/s: {:.0}/s -> {}",
            sign.rate(),
            verdict(sign.rate() >= POSTGRES_SIGNONS)
        );
    }
    let p99 = sign.percentile_ms(0.99);
    println!(
        "target  sign-on p99 < 25 ms: {p99:.2} ms -> {}",
        verdict(p99 < 25.0)
    );
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    for s in [sign, direct] {
        let done = s.latencies.len().max(1) as f64;
        let (this, postgres) = (s.cpu.this / done, s.cpu.postgres / done);
        println!(
            "        CPU per sign-on ({}): this process {:.2} ms, PostgreSQL {:.2} ms; {cpus:.0} CPUs allow at most {:.0}/s",
            if std::ptr::eq(s, sign) {
                "HTTP"
            } else {
                "without HTTP"
            },
            1000.0 * this,
            1000.0 * postgres,
            cpus / (this + postgres)
        );
    }
    let cached: Vec<&Sample> = pages
        .iter()
        .filter(|s| s.name.ends_with(", cached"))
        .collect();
    let least = cached
        .iter()
        .map(|s| s.rate())
        .fold(f64::INFINITY, f64::min);
    println!(
        "target  cached page >= {:.0}% of /healthz at every size: least {:.1}% -> {}",
        100.0 * CACHED_SHARE,
        100.0 * least / health.rate(),
        verdict(least / health.rate() >= CACHED_SHARE)
    );
    if let (Some(first), Some(last)) = (cached.first(), cached.last()) {
        let change = last.rate() / first.rate() - 1.0;
        println!(
            "target  cached page flat (±{:.0}%) from the smallest to the largest list: {:+.1}% -> {}",
            100.0 * CACHED_SPREAD_ALLOWED,
            100.0 * change,
            verdict(change.abs() <= CACHED_SPREAD_ALLOWED)
        );
    }
    println!(
        "        kept pages: {:.2} MiB",
        run.kept_bytes as f64 / (1024.0 * 1024.0)
    );
}

fn main() -> anyhow::Result<()> {
    let load = Load::from_env();
    undersigned::telemetry::init(&Settings {
        log_level: "warn".into(),
        ..Settings::default()
    });
    let runtime = tokio::runtime::Runtime::new()?;
    let mut backends = vec![Backend::sqlite()?];
    if let Ok(url) = std::env::var("UNDERSIGNED_TEST_POSTGRES_URL")
        && !url.is_empty()
    {
        backends.push(Backend::postgres(&url)?);
    } else {
        eprintln!("UNDERSIGNED_TEST_POSTGRES_URL is not set: SQLite only");
    }
    let max_list = env_number("HTTP_BENCH_MAX_LIST", 1_000_000) as usize;
    for backend in &backends {
        let run = runtime.block_on(bench(backend, load, max_list))?;
        print_table(backend.label(), load, &run.samples);
        print_targets(backend, &run);
    }
    Ok(())
}
