//! A press release to 10,000 contacts, sent by the real server (the release
//! binary) into postfix's `smtp-sink` on loopback, next to that sink's raw
//! accept rate measured by `smtp-source` in the same run, with the server
//! process's peak memory and its anonymous memory after each mailing.
//!
//! Needs postfix's `smtp-sink` and `smtp-source` (Debian package `postfix`).
//! Run: `cargo bench --bench press` (`PRESS_BENCH_CONTACTS`, default 10000;
//! `PRESS_BENCH_CONNECTIONS`, default 4; `PRESS_BENCH_MAILINGS`, default 1,
//! sends the release that many times, one mailing after the other, to
//! show whether memory stays flat; `PRESS_BENCH_DATABASE_URL` to run on an
//! empty PostgreSQL database instead of a fresh SQLite file).

mod common;
mod mailing;

use std::time::{Duration, Instant};

use common::{Process, env_number, free_port, raw_rate, start_sink, wait_for_port};
use diesel::prelude::*;
use undersigned::config::Settings;
use undersigned::db::schema::{mailings, outbox};

fn main() {
    let wanted = env_number("PRESS_BENCH_CONTACTS", 10_000);
    let connections = env_number("PRESS_BENCH_CONNECTIONS", 4);
    let rounds = env_number("PRESS_BENCH_MAILINGS", 1).max(1);
    let sink_port = free_port();
    let _sink = start_sink(sink_port);
    let dir = tempfile::tempdir().expect("tempdir");
    let database_url = std::env::var("PRESS_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let settings = Settings {
        data_dir: dir.path().to_owned(),
        database_url: Some(database_url.clone().into()),
        log_level: "warn".into(),
        ..Settings::default()
    };
    let seeded = mailing::seed(&settings, wanted);
    let size = seeded.mail_size;
    let mailing_id = seeded.schedule(undersigned::db::now() + chrono::Duration::seconds(3));

    let raw = raw_rate(sink_port, wanted, connections, size);

    let http_port = free_port();
    let server = mailing::serve(dir.path(), &database_url, http_port, sink_port, connections)
        .spawn()
        .expect("the release binary starts");
    let pid = server.id();
    let server = Process(server);
    wait_for_port(http_port);

    let mut conn = mailing::connect(&settings);
    // Anonymous memory is sampled while a mailing is sent (its peak), and
    // read once the server has been idle for a moment after it: the least
    // of a second's samples, the state it stays in until the next one,
    // without a poll or a tick that happens to run at the moment.
    let mut peak_anonymous = 0.0_f64;
    let mut wait_for = |conn: &mut undersigned::db::DbConn, mailing_id: &str| {
        let deadline = Instant::now() + Duration::from_secs(600);
        while !seeded.finished(conn, mailing_id) {
            assert!(
                Instant::now() < deadline,
                "the mailing did not finish in 10 minutes"
            );
            peak_anonymous = peak_anonymous.max(mailing::memory_mib(pid, "RssAnon"));
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let settled = || {
        std::thread::sleep(Duration::from_secs(1));
        (0..10)
            .map(|_| {
                std::thread::sleep(Duration::from_millis(100));
                mailing::memory_mib(pid, "RssAnon")
            })
            .fold(f64::INFINITY, f64::min)
    };
    wait_for(&mut conn, &mailing_id);
    let mut anonymous = vec![settled()];
    let peak = mailing::memory_mib(pid, "VmHWM");
    let mut threads = vec![mailing::threads(pid)];
    for _ in 1..rounds {
        let next = seeded.schedule(undersigned::db::now());
        wait_for(&mut conn, &next);
        anonymous.push(settled());
        threads.push(mailing::threads(pid));
    }
    let peak_all = mailing::memory_mib(pid, "VmHWM");
    drop(server);
    let (started, last): (Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>) = (
        mailings::table
            .find(&mailing_id)
            .select(mailings::started_at)
            .first(&mut conn)
            .expect("start"),
        outbox::table
            .filter(outbox::mailing_id.eq(&mailing_id))
            .select(diesel::dsl::max(outbox::sent_at))
            .first(&mut conn)
            .expect("last"),
    );
    let first: Option<chrono::NaiveDateTime> = outbox::table
        .filter(outbox::mailing_id.eq(&mailing_id))
        .select(diesel::dsl::min(outbox::sent_at))
        .first(&mut conn)
        .expect("first");
    let sent: i64 = outbox::table
        .filter(outbox::mailing_id.eq(&mailing_id))
        .count()
        .get_result(&mut conn)
        .expect("count");
    let span = |from: Option<chrono::NaiveDateTime>, to: Option<chrono::NaiveDateTime>| {
        (to.expect("a time") - from.expect("a time"))
            .num_microseconds()
            .unwrap_or(1) as f64
            / 1e6
    };
    let writing = span(started, first);
    let delivering = span(first, last);
    let seconds = (last.expect("sent") - started.expect("started"))
        .num_microseconds()
        .unwrap_or(1) as f64
        / 1e6;
    let rate = sent as f64 / seconds;

    println!(
        "contacts: {wanted}, mails sent: {sent}, connections: {connections}, message size: ~{size} bytes"
    );
    println!("smtp-source raw rate:            {raw:>8.0} msg/s");
    println!(
        "release mailing (start to last): {rate:>8.0} msg/s  ({seconds:.2} s, rendering and writing included)"
    );
    println!("ratio mailing/raw:               {:>8.2}", rate / raw);
    println!(
        "  of which: start to first mail {writing:.2} s (resolve, render, write {sent} rows); \
         first to last mail {delivering:.2} s ({:.0} msg/s, ratio {:.2})",
        sent as f64 / delivering,
        sent as f64 / delivering / raw
    );
    println!(
        "server peak memory (VmHWM):      {peak:>8.1} MiB (with the pages of a SQLite database it maps)"
    );
    println!(
        "peak anonymous memory (RssAnon): {peak_anonymous:>8.1} MiB (sampled every 20 ms while sending)"
    );
    if rounds > 1 {
        let first = anonymous[0];
        let line: Vec<String> = anonymous.iter().map(|m| format!("{m:.1}")).collect();
        println!(
            "anonymous memory (RssAnon) after each of {rounds} mailings, MiB: {}",
            line.join(" → ")
        );
        let line: Vec<String> = threads.iter().map(ToString::to_string).collect();
        println!("threads after each mailing: {}", line.join(" → "));
        println!(
            "last against first: {:+.1}%; peak memory over all mailings (VmHWM): {peak_all:.1} MiB",
            (anonymous[rounds - 1] / first - 1.0) * 100.0
        );
    }
}
