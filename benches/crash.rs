//! The crash run: a press release mailed to 10,000 contacts by the release
//! binary, into a counting SMTP server on loopback, while the server
//! process is killed with SIGKILL at random moments and started again.
//! Afterwards every contact's copies are counted: lost (a contact who got
//! nothing) and doubled (copies beyond the first, and the most that one
//! kill caused, against the SMTP connections), with the time from each
//! restart to its first mail.
//!
//! Run: `cargo bench --bench crash` (`CRASH_BENCH_CONTACTS`, default 10000;
//! `CRASH_BENCH_KILLS`, default 20; `CRASH_BENCH_CONNECTIONS`, default 4;
//! `CRASH_BENCH_POSTGRES_URL`, a database on a PostgreSQL server, to run on
//! PostgreSQL too, in a database made for the run).

// Modules shared with other benchmarks and the tests, of which this one
// uses a part.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod mailing;
#[allow(dead_code)]
#[path = "../tests/support/smtp.rs"]
mod smtp;
#[allow(dead_code)]
mod support;

use std::collections::HashMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Process, env_number, free_port};
use rand::Rng;
use undersigned::config::Settings;

fn main() {
    let contacts = env_number("CRASH_BENCH_CONTACTS", 10_000);
    let kills = env_number("CRASH_BENCH_KILLS", 20);
    let connections = env_number("CRASH_BENCH_CONNECTIONS", 4);
    println!("contacts: {contacts}, kills wanted: {kills}, SMTP connections: {connections}");
    let dir = tempfile::tempdir().expect("tempdir");
    let sqlite = format!("sqlite://{}", dir.path().join("crash.db").display());
    crash_run("SQLite", &sqlite, contacts, kills, connections);
    match std::env::var("CRASH_BENCH_POSTGRES_URL") {
        Ok(admin_url) => {
            let database = support::TempPostgres::create(&admin_url);
            crash_run("PostgreSQL", &database.url, contacts, kills, connections);
        }
        Err(_) => println!("PostgreSQL: not measured (set CRASH_BENCH_POSTGRES_URL)"),
    }
}

fn crash_run(backend: &str, database_url: &str, contacts: usize, kills: usize, connections: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings {
        data_dir: dir.path().to_owned(),
        database_url: Some(database_url.to_owned().into()),
        log_level: "warn".into(),
        ..Settings::default()
    };
    let sink = smtp::TestSmtp::start();
    let sink_port = sink.port();
    let seeded = mailing::seed(&settings, contacts);
    let mailing_id = seeded.schedule(undersigned::db::now());
    let mut conn = mailing::connect(&settings);
    let start = || {
        let child = mailing::serve(
            dir.path(),
            database_url,
            free_port(),
            sink_port,
            connections,
        )
        .env("UNDERSIGNED_INSTANCE_NAME", "crash-run")
        .stderr(Stdio::null())
        .spawn()
        .expect("the release binary starts");
        (Instant::now(), Process(child))
    };

    // The first process writes the mailing's rows and is killed only once
    // it has sent a first mail; from then on each process is killed at a
    // random moment of its sending.
    let began = Instant::now();
    let mut restarts = Vec::new();
    let mut killed = 0;
    let mut rng = rand::rng();
    while killed < kills && !seeded.finished(&mut conn, &mailing_id) {
        let (at, mut server) = start();
        restarts.push(at);
        if killed == 0 {
            while sink.received_count() == 0 {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(50..450)));
        server.0.kill().expect("SIGKILL");
        killed += 1;
        server.0.wait().expect("reaped");
    }
    let (at, server) = start();
    restarts.push(at);
    let deadline = Instant::now() + Duration::from_secs(900);
    while !seeded.finished(&mut conn, &mailing_id) {
        assert!(Instant::now() < deadline, "the mailing did not finish");
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = began.elapsed();
    drop(server);

    // Each copy after the first is the doing of the process that sent the
    // copy it repeats, which was killed before it recorded that copy. A
    // copy belongs to the process that ran when it arrived: the one started
    // last before it (the sink may see a copy's end just after the kill,
    // never after the next start).
    let received = sink.received();
    let mut last_copy: HashMap<&str, Instant> = HashMap::new();
    let mut lost = 0;
    let mut doubled_by_kill = vec![0usize; restarts.len()];
    for message in &received {
        for recipient in &message.recipients {
            if let Some(previous) = last_copy.insert(recipient, message.at) {
                let process = restarts.partition_point(|start| *start <= previous);
                doubled_by_kill[process.saturating_sub(1)] += 1;
            }
        }
    }
    for i in 0..contacts {
        if !last_copy.contains_key(format!("reporter{i}@news.example").as_str()) {
            lost += 1;
        }
    }
    let doubled: usize = doubled_by_kill.iter().sum();
    let most_by_one_kill = doubled_by_kill.iter().max().copied().unwrap_or(0);
    let arrivals: Vec<Instant> = received.iter().map(|m| m.at).collect();
    // The first process also wrote the mailing's rows: its start is not a
    // restart. A restart killed before it sent anything counts as such.
    let first_sends: Vec<Option<f64>> = restarts
        .iter()
        .enumerate()
        .map(|(i, start)| {
            let end = restarts.get(i + 1);
            arrivals
                .iter()
                .filter(|at| *at >= start && end.is_none_or(|end| *at < end))
                .min()
                .map(|first| first.duration_since(*start).as_secs_f64() * 1000.0)
        })
        .collect();
    let show = |ms: &Option<f64>| ms.map_or("-".to_owned(), |ms| format!("{ms:.0}"));
    let each: Vec<String> = first_sends[1..].iter().map(show).collect();
    let mut sending: Vec<f64> = first_sends[1..].iter().flatten().copied().collect();
    sending.sort_by(f64::total_cmp);
    let median = sending.get(sending.len() / 2).copied();
    let slowest = sending.last().copied();
    println!(
        "{backend}: {killed} kills in {:.1} s; lost {lost}; doubled {doubled} \
         (at most {most_by_one_kill} by one kill, against {connections} SMTP connections)",
        took.as_secs_f64(),
    );
    println!(
        "  first start to first mail (the mailing's rows written): {} ms; \
         restart to first mail: median {:.0} ms, slowest {:.0} ms \
         ({} of {} restarts sent before their kill or the end)",
        show(&first_sends[0]),
        median.unwrap_or(f64::NAN),
        slowest.unwrap_or(f64::NAN),
        sending.len(),
        first_sends.len() - 1,
    );
    println!(
        "  restart to first mail, in order, ms (- for none): {}",
        each.join(" ")
    );
}
