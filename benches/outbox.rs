//! Outbox throughput into a real SMTP server on loopback, next to that
//! server's raw accept rate measured by a plain client in the same run.
//!
//! Needs postfix's `smtp-sink` and `smtp-source` (Debian package `postfix`).
//! Run: `cargo bench --bench outbox` (`OUTBOX_BENCH_MESSAGES`, default 1000,
//! and `OUTBOX_BENCH_CONNECTIONS`, default 4, change the load).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use undersigned::config::Settings;
use undersigned::mail::{
    self, MailContext, OutgoingMail, Priority, Transport, Worker, WorkerOptions,
};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

struct Sink(Child);

impl Sink {
    fn start(port: u16) -> Self {
        let mut child = Command::new("smtp-sink")
            .args(["-u", "nobody", &format!("127.0.0.1:{port}"), "256"])
            .stdout(Stdio::null())
            .spawn()
            .expect("smtp-sink runs (apt-get install postfix, answering 'No configuration')");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self(child);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("smtp-sink did not start");
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn raw_rate(port: u16, messages: usize, connections: usize, size: usize) -> f64 {
    let started = Instant::now();
    let status = Command::new("smtp-source")
        .args([
            "-s",
            &connections.to_string(),
            "-m",
            &messages.to_string(),
            "-l",
            &size.to_string(),
        ])
        .args([
            "-f",
            "bench@undersigned.test",
            "-t",
            "sink@example.org",
            &format!("127.0.0.1:{port}"),
        ])
        .status()
        .expect("smtp-source runs");
    assert!(status.success(), "smtp-source failed");
    messages as f64 / started.elapsed().as_secs_f64()
}

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
    }
}

fn main() {
    let messages = env_number("OUTBOX_BENCH_MESSAGES", 1000);
    let connections = env_number("OUTBOX_BENCH_CONNECTIONS", 4);
    let port = free_port();
    let _sink = Sink::start(port);
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
        Transport::from_settings(&settings).expect("transport"),
        context.from.clone(),
        None,
        WorkerOptions::from_settings(&settings),
    );
    let started = Instant::now();
    runtime.block_on(worker.drain()).expect("drained");
    let outbox = messages as f64 / started.elapsed().as_secs_f64();

    println!("messages: {messages}, connections: {connections}, message size: ~{size} bytes");
    println!("smtp-source raw rate:   {raw:>8.0} msg/s");
    println!("outbox worker rate:     {outbox:>8.0} msg/s");
    println!("ratio outbox/raw:       {:>8.2}", outbox / raw);
}
