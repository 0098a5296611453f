//! Storage under a sign-on surge, on SQLite: the size of the database file
//! and of its write-ahead log after `STORAGE_BENCH_SIGNONS` (default
//! 100,000) sign-ons through the real HTTP server, each with a new address
//! and its confirmation mail delivered, while retention runs as it does in
//! production but with every retention period at zero (so the run shows
//! the state a server reaches once its periods have passed: bodies of sent
//! mail blanked, their `.eml` copies deleted). It prints the bytes per
//! sign-on at that steady state, the largest the log grew during the
//! surge, and, beside them, the bound the log is held to.
//!
//! Run: `cargo bench --bench storage`. The load comes from this process:
//! `STORAGE_BENCH_CONNECTIONS` (default 16) tasks, each posting one form
//! after the other. Mail goes to files; no SMTP server is needed.

mod signons;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::prelude::*;
use undersigned::config::Settings;
use undersigned::db::schema::{outbox, outbox_bodies};
use undersigned::db::{DbConn, Pool};
use undersigned::startup::Application;

use signons::{env_number, open_statement, owner, sign_form, with_conn};

const TARGET_BYTES_PER_SIGNON: f64 = 4096.0;

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Outbox rows still to send, and sent rows that still have a body.
async fn unsettled(pool: &Pool) -> anyhow::Result<(i64, i64)> {
    with_conn(pool, |c| {
        let queued = outbox::table
            .filter(outbox::status.eq("queued"))
            .count()
            .get_result(c)?;
        let bodies = outbox::table
            .inner_join(outbox_bodies::table)
            .filter(outbox::status.eq("sent"))
            .count()
            .get_result(c)?;
        Ok((queued, bodies))
    })
    .await
}

#[derive(QueryableByName)]
struct Pages {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pages: i64,
}

/// Bytes of the database's pages that hold data (free pages left out).
async fn live_bytes(pool: &Pool) -> anyhow::Result<i64> {
    with_conn(pool, |c| {
        let read = |c: &mut DbConn, pragma: &str| -> anyhow::Result<i64> {
            Ok(
                diesel::sql_query(format!("SELECT {pragma} AS pages FROM pragma_{pragma}"))
                    .get_result::<Pages>(c)?
                    .pages,
            )
        };
        let pages = read(c, "page_count")?;
        let free = read(c, "freelist_count")?;
        let size = read(c, "page_size")?;
        Ok((pages - free) * size)
    })
    .await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let total = env_number("STORAGE_BENCH_SIGNONS", 100_000);
    let connections = env_number("STORAGE_BENCH_CONNECTIONS", 16);
    let temporary = tempfile::tempdir().context("data directory")?;
    let data_dir = temporary.path().to_owned();
    let database = data_dir.join("undersigned.db");
    let wal = data_dir.join("undersigned.db-wal");
    let settings = Settings {
        listen: "127.0.0.1:0".into(),
        data_dir: data_dir.clone(),
        log_level: "warn".into(),
        signon_per_ip_per_hour: u32::MAX,
        signon_per_address_per_hour: u32::MAX,
        mails_per_address_per_day: i64::MAX,
        mail_body_retention_days: 0,
        spent_token_retention_days: 0,
        // Retention runs every 120 ticks: every 6 s here.
        jobs_tick_ms: 50,
        outbox_poll_ms: 50,
        ..Settings::default()
    };
    undersigned::telemetry::init(&settings);
    let app = Application::build(settings).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let (pool, handle) = (app.pool(), app.handle());
    let server = tokio::spawn(app.run_until_stopped());
    let slug = with_conn(&pool, |c| {
        let (author, membership) = owner(c)?;
        Ok(open_statement(c, &membership, &author, "Storage bench")?.slug)
    })
    .await?;
    let empty = file_size(&database) + file_size(&wal);

    let largest_wal = Arc::new(AtomicU64::new(0));
    let watching = {
        let (largest_wal, wal) = (largest_wal.clone(), wal.clone());
        tokio::spawn(async move {
            loop {
                largest_wal.fetch_max(file_size(&wal), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (client, next, url) = (
            client.clone(),
            next.clone(),
            format!("{base}/s/{slug}/sign"),
        );
        tasks.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    return Ok::<(), anyhow::Error>(());
                }
                let response = client
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(serde_urlencoded::to_string(sign_form(n)).unwrap_or_default())
                    .send()
                    .await?;
                anyhow::ensure!(
                    response.status() == 303,
                    "sign-on {n}: {}",
                    response.status()
                );
            }
        }));
    }
    for task in tasks {
        task.await??;
    }
    let surge = started.elapsed();
    let after_surge = file_size(&database) + file_size(&wal);
    eprintln!(
        "{total} sign-ons in {:.1} s ({:.0}/s); database + log {:.1} MiB",
        surge.as_secs_f64(),
        total as f64 / surge.as_secs_f64(),
        after_surge as f64 / 1048576.0
    );

    // Steady state: every confirmation delivered and its body blanked.
    let settling = Instant::now();
    loop {
        let (queued, bodies) = unsettled(&pool).await?;
        if queued == 0 && bodies == 0 {
            break;
        }
        anyhow::ensure!(
            settling.elapsed() < Duration::from_secs(600),
            "not settled after 10 minutes: {queued} queued, {bodies} bodies"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // A last round of checkpoints after the delivery's writes.
    tokio::time::sleep(Duration::from_secs(2)).await;
    watching.abort();
    let (db_bytes, wal_bytes) = (file_size(&database), file_size(&wal));
    let live = live_bytes(&pool).await?;
    let mail_files = std::fs::read_dir(data_dir.join("mail")).map_or(0, |d| d.count());
    handle.stop(true).await;
    server.await.context("server task")??;

    // STORAGE_BENCH_KEEP=1 leaves the data directory behind, to look into.
    if std::env::var_os("STORAGE_BENCH_KEEP").is_some() {
        println!("data directory kept:  {}", temporary.keep().display());
    }
    let steady = (db_bytes + wal_bytes).saturating_sub(empty) as f64 / total as f64;
    let live_per = live as f64 / total as f64;
    let largest = largest_wal.load(Ordering::Relaxed);
    println!("sign-ons:                          {total:>12}");
    println!(
        "settled after the surge in:        {:>10.1} s",
        settling.elapsed().as_secs_f64()
    );
    println!(
        "database file:                     {:>10.1} MiB",
        db_bytes as f64 / 1048576.0
    );
    println!(
        "write-ahead log at the end:        {:>10.1} MiB",
        wal_bytes as f64 / 1048576.0
    );
    println!(
        "largest log during the run:        {:>10.1} MiB",
        largest as f64 / 1048576.0
    );
    println!(
        "log bound (checkpoint TRUNCATE):   {:>10.1} MiB",
        undersigned::db::WAL_LIMIT as f64 / 1048576.0
    );
    println!("mail files left:                   {mail_files:>12}");
    println!("bytes per sign-on (file + log):    {steady:>12.0}");
    println!("bytes per sign-on (pages in use):  {live_per:>12.0}");
    println!(
        "target ≤ {TARGET_BYTES_PER_SIGNON:.0} bytes per sign-on: {}",
        if steady <= TARGET_BYTES_PER_SIGNON {
            "met"
        } else {
            "NOT met"
        }
    );
    Ok(())
}
