//! Outbox throughput into a real SMTP server on loopback, next to that
//! server's raw accept rate measured by a plain client in the same run.
//!
//! Needs postfix's `smtp-sink` and `smtp-source` (Debian package `postfix`).
//! Run: `cargo bench --bench outbox` (`OUTBOX_BENCH_MESSAGES`, default 1000,
//! and `OUTBOX_BENCH_CONNECTIONS`, default 4, change the load).

mod common;

use std::time::Instant;

use common::{env_number, free_port, raw_rate, start_sink};

use undersigned::config::Settings;
use undersigned::mail::{
    self, MailContext, OutgoingMail, Priority, Transport, Worker, WorkerOptions,
};

fn sample_mail(i: usize) -> OutgoingMail {
    let content = mail::templates::render(
        "test-message",
        &serde_json::json!({ "base_url": "https://statements.example.org", "sent_at": "2026-11-22 09:30 UTC" }),
    )
    .expect("template renders");
    OutgoingMail {
        purpose: "bench".into(),
        subject_id: "1".into(),
        to: format!("reader{i}@example.org"),
        to_name: Some(format!("Reader {i}")),
        content,
        headers: Vec::new(),
        priority: Priority::Bulk,
        sender: undersigned::mail::Sender::default(),
    }
}

fn main() {
    let messages = env_number("OUTBOX_BENCH_MESSAGES", 1000);
    let connections = env_number("OUTBOX_BENCH_CONNECTIONS", 4);
    let port = free_port();
    let _sink = start_sink(port);
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings {
        data_dir: dir.path().to_owned(),
        smtp_url: Some(format!("smtp://127.0.0.1:{port}").into()),
        smtp_pool_size: connections,
        log_level: "warn".into(),
        ..Settings::default()
    };
    let context =
        MailContext::new(&settings, "https://statements.example.org".into()).expect("context");
    let pool = undersigned::db::connect(&settings).expect("database");
    let size = {
        let mut conn = pool.get().expect("connection");
        undersigned::db::run_migrations(&mut conn).expect("migrations");
        let size = sample_mail(0).content.html.len() + sample_mail(0).content.text.len();
        for i in 0..messages {
            mail::enqueue(&mut conn, &context, &sample_mail(i)).expect("enqueued");
        }
        size
    };

    let raw = raw_rate(port, messages, connections, size);

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let worker = Worker::new(
        pool.clone(),
        undersigned::db::GroupCommit::start(pool.clone()).expect("writer"),
        Transport::from_settings(&settings).expect("transport"),
        context.from.clone(),
        None,
        WorkerOptions::from_settings(&settings, "bench"),
        undersigned::suppressions::bounced,
    );
    let started = Instant::now();
    runtime.block_on(worker.drain()).expect("drained");
    let outbox = messages as f64 / started.elapsed().as_secs_f64();

    println!("messages: {messages}, connections: {connections}, message size: ~{size} bytes");
    println!("smtp-source raw rate:   {raw:>8.0} msg/s");
    println!("outbox worker rate:     {outbox:>8.0} msg/s");
    println!("ratio outbox/raw:       {:>8.2}", outbox / raw);
}
