//! A press release to 10,000 contacts, sent by the real server (the release
//! binary) into postfix's `smtp-sink` on loopback, next to that sink's raw
//! accept rate measured by `smtp-source` in the same run, with the server
//! process's peak memory.
//!
//! Needs postfix's `smtp-sink` and `smtp-source` (Debian package `postfix`).
//! Run: `cargo bench --bench press` (`PRESS_BENCH_CONTACTS`, default 10000;
//! `PRESS_BENCH_CONNECTIONS`, default 4; `PRESS_BENCH_DATABASE_URL` to run
//! on an empty PostgreSQL database instead of a fresh SQLite file).

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Process, env_number, free_port, raw_rate, start_sink, wait_for_port};
use diesel::prelude::*;
use undersigned::accounts::{self, Email};
use undersigned::coalitions::Role;
use undersigned::config::Settings;
use undersigned::db::schema::{contact_tags, contacts, mailings, outbox};
use undersigned::mail::MailContext;
use undersigned::press::{
    self, DraftForm,
    mailings::{Audience, Ctx, When},
};

/// Peak resident memory of a process, from /proc, in MiB.
fn peak_rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Writes the contacts and a release, and schedules its mailing for `at`.
fn seed(settings: &Settings, contacts_wanted: usize, at: chrono::NaiveDateTime) -> (String, usize) {
    let pool = undersigned::db::connect(settings).expect("database");
    let mut conn = pool.get().expect("connection");
    undersigned::db::run_migrations(&mut conn).expect("migrations");
    let email = Email::parse("olivia@example.org").expect("address");
    let (owner, _) = accounts::add_user(
        &mut conn,
        "Olivia Owner",
        &email,
        None,
        "Clean Water Coalition",
        Role::Owner,
    )
    .expect("coordinator");
    let coalition: String = undersigned::db::schema::coalitions::table
        .select(undersigned::db::schema::coalitions::id)
        .first(&mut conn)
        .expect("coalition");
    let now = undersigned::db::now();
    conn.transaction(|c| {
        for i in 0..contacts_wanted {
            let id = undersigned::db::new_id();
            diesel::insert_into(contacts::table)
                .values((
                    contacts::id.eq(&id),
                    contacts::coalition_id.eq(&coalition),
                    contacts::email.eq(format!("reporter{i}@news.example")),
                    contacts::email_key.eq(format!("reporter{i}@news.example")),
                    contacts::name.eq(format!("Reporter Number {i}")),
                    contacts::do_not_contact.eq(false),
                    contacts::created_at.eq(now),
                    contacts::updated_at.eq(now),
                ))
                .execute(c)?;
            diesel::insert_into(contact_tags::table)
                .values((
                    contact_tags::contact_id.eq(&id),
                    contact_tags::coalition_id.eq(&coalition),
                    contact_tags::tag.eq("press"),
                ))
                .execute(c)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .expect("contacts");
    let form = DraftForm {
        headline: "212 organizations call water a right, not a commodity".into(),
        subheadline: "Joint statement delivered to the environment ministers".into(),
        dateline: "Mexico City".into(),
        release_date: "24 November 2026".into(),
        contacts: "Ana Núñez | +52 55 1234 5678 | ana@example.org".into(),
        body: "Today **212 organizations** from 31 countries published a joint statement calling on governments to recognize water as a human right.\n\n> Water is life, not a commodity. — Ana Núñez\n\nThe statement asks for three things: public control of water utilities, an end to new extraction permits in stressed basins, and a seat for communities at the table.".into(),
        about: "The Clean Water Coalition brings together 40 organizations working for the right to water in Latin America.".into(),
        embargo_zone: "UTC".into(),
        ..DraftForm::default()
    };
    let draft = form.parse(&[]).expect("a valid draft");
    let release = press::create(&mut conn, &coalition, &owner, &draft, false).expect("release");
    let revision = press::current(&mut conn, &release).expect("revision");
    let context =
        MailContext::new(settings, "https://statements.example.org".into()).expect("context");
    let secret = settings.secret_key().expect("secret");
    let size = {
        let rendering = press::Rendering::load(&mut conn, &context.base_url, &release, &revision)
            .expect("rendering");
        let mail = rendering
            .mail(
                Some("Reporter Number 1"),
                Some("https://statements.example.org/u/x/y/z"),
                now,
                false,
            )
            .expect("mail");
        mail.text.len() + mail.html.len() + 600
    };
    let audience = Audience {
        tags: vec!["press".into()],
        ..Audience::default()
    };
    let ctx = Ctx {
        mail: &context,
        secret: &secret,
    };
    let mailing = press::mailings::send_release(
        &mut conn,
        ctx,
        &release,
        &revision,
        &audience,
        When::At(at),
        &owner,
    )
    .expect("mailing scheduled");
    (mailing.id, size)
}

fn main() {
    let wanted = env_number("PRESS_BENCH_CONTACTS", 10_000);
    let connections = env_number("PRESS_BENCH_CONNECTIONS", 4);
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
    let at = undersigned::db::now() + chrono::Duration::seconds(3);
    let (mailing_id, size) = seed(&settings, wanted, at);

    let raw = raw_rate(sink_port, wanted, connections, size);

    let http_port = free_port();
    let server = Command::new(env!("CARGO_BIN_EXE_undersigned"))
        .env("UNDERSIGNED_LISTEN", format!("127.0.0.1:{http_port}"))
        .env("UNDERSIGNED_DATA_DIR", dir.path())
        .env("UNDERSIGNED_DATABASE_URL", &database_url)
        .env(
            "UNDERSIGNED_SMTP_URL",
            format!("smtp://127.0.0.1:{sink_port}"),
        )
        .env("UNDERSIGNED_SMTP_POOL_SIZE", connections.to_string())
        .env("UNDERSIGNED_JOBS_TICK_MS", "100")
        .env("UNDERSIGNED_OUTBOX_POLL_MS", "50")
        .env("UNDERSIGNED_LOG_LEVEL", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("the release binary starts");
    let pid = server.id();
    let server = Process(server);
    wait_for_port(http_port);

    let pool = undersigned::db::connect(&settings).expect("database");
    let mut conn = pool.get().expect("connection");
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let unsent: i64 = outbox::table
            .filter(outbox::mailing_id.eq(&mailing_id))
            .filter(outbox::status.ne("sent"))
            .count()
            .get_result(&mut conn)
            .expect("count");
        let started: Option<chrono::NaiveDateTime> = mailings::table
            .find(&mailing_id)
            .select(mailings::started_at)
            .first(&mut conn)
            .expect("mailing");
        if started.is_some() && unsent == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the mailing did not finish in 10 minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let peak = peak_rss_mib(pid);
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
    println!("server peak memory (VmHWM):      {peak:>8.1} MiB");
}
