//! The coordinator's searches at 100,000 rows: signatures of one statement
//! and contacts of one coalition, on a fresh SQLite file and, when
//! `SEARCH_BENCH_POSTGRES_URL` names a server (any database on it; a fresh
//! one is made and dropped), on PostgreSQL in the same run.
//!
//! Each figure is the median of several runs of the library call the page
//! makes, next to the same call without a search, which reads one page by
//! an index, as the yardstick.
//!
//! Run: `SEARCH_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
//! cargo bench --bench search` (`SEARCH_BENCH_ROWS`, default 100000).

mod support;

use std::time::Instant;

use diesel::prelude::*;
use undersigned::contacts::search::Filter;
use undersigned::db::DbConn;
use undersigned::db::schema::{coalitions, contacts, signatures, statements};
use undersigned::signatures::moderation::{self, ListFilter};
use undersigned::signatures::normalize;

const RUNS: usize = 15;
const BATCH: usize = 1000;

const KINDS: [&str; 6] = [
    "Asociación",
    "Fundación",
    "Colectivo",
    "Women’s Network",
    "Centro",
    "Comité",
];
const TOPICS: [&str; 8] = [
    "Migración",
    "Agua Limpia",
    "RUMIÑAHUI",
    "Derechos Humanos",
    "Tierra y Territorio",
    "Salud Comunitaria",
    "Educación Popular",
    "Mujeres del Sur",
];

fn organization(i: usize) -> String {
    format!(
        "{} {} {i}",
        KINDS[i % KINDS.len()],
        TOPICS[(i / KINDS.len()) % TOPICS.len()]
    )
}

#[derive(Insertable)]
#[diesel(table_name = signatures)]
struct SignatureRow {
    id: String,
    statement_id: String,
    kind: &'static str,
    name: String,
    signer_name: Option<String>,
    email: String,
    status: &'static str,
    source: &'static str,
    listed: bool,
    list_key: String,
    created_at: chrono::NaiveDateTime,
    dedupe_key: String,
    search_key: String,
}

#[derive(Insertable)]
#[diesel(table_name = contacts)]
struct ContactRow {
    id: String,
    coalition_id: String,
    email: String,
    email_key: String,
    name: String,
    outlet: Option<String>,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
    search_key: String,
}

/// The demo coalition and statement, and `rows` signatures and contacts.
fn seed(conn: &mut DbConn, rows: usize) -> (String, String) {
    undersigned::db::run_migrations(conn).expect("migrations");
    undersigned::demo::fill(conn).expect("demo");
    let statement: String = statements::table
        .select(statements::id)
        .first(conn)
        .expect("statement");
    let coalition: String = coalitions::table
        .select(coalitions::id)
        .first(conn)
        .expect("coalition");
    let now = undersigned::db::now();
    for start in (0..rows).step_by(BATCH) {
        let batch = start..(start + BATCH).min(rows);
        let signatures: Vec<SignatureRow> = batch
            .clone()
            .map(|i| {
                let name = organization(i);
                let email = format!("firma{i}@org{i}.example");
                let signer = format!("Persona Número {i}");
                SignatureRow {
                    id: undersigned::db::new_id(),
                    statement_id: statement.clone(),
                    kind: "organization",
                    search_key: normalize::search_key(&name, None, Some(&signer), &email),
                    dedupe_key: normalize::dedupe_key(&name),
                    list_key: normalize::organization_key(&name),
                    name,
                    signer_name: Some(signer),
                    email,
                    status: "confirmed",
                    source: "form",
                    listed: true,
                    created_at: now,
                }
            })
            .collect();
        let contacts: Vec<ContactRow> = batch
            .map(|i| {
                let name = format!("Periodista {} {i}", TOPICS[i % TOPICS.len()]);
                let email = format!("prensa{i}@medio{i}.example");
                let outlet = format!("{} Noticias", KINDS[i % KINDS.len()]);
                ContactRow {
                    id: undersigned::db::new_id(),
                    coalition_id: coalition.clone(),
                    email_key: email.clone(),
                    search_key: undersigned::contacts::search_key(&name, &email, Some(&outlet)),
                    name,
                    email,
                    outlet: Some(outlet),
                    created_at: now,
                    updated_at: now,
                }
            })
            .collect();
        match conn {
            DbConn::Sqlite(c) => c.transaction(|c| {
                diesel::insert_into(signatures::table)
                    .values(&signatures)
                    .execute(c)?;
                diesel::insert_into(contacts::table)
                    .values(&contacts)
                    .execute(c)
            }),
            DbConn::Postgres(c) => c.transaction(|c| {
                diesel::insert_into(signatures::table)
                    .values(&signatures)
                    .execute(c)?;
                diesel::insert_into(contacts::table)
                    .values(&contacts)
                    .execute(c)
            }),
        }
        .expect("seeded");
    }
    if let DbConn::Postgres(c) = conn {
        diesel::sql_query("ANALYZE").execute(c).expect("analyze");
    }
    (statement, coalition)
}

/// Median milliseconds of `RUNS` calls of `work`, after one to warm up;
/// and the number of rows the call found.
fn time(mut work: impl FnMut() -> usize) -> (f64, usize) {
    let found = work();
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[RUNS / 2], found)
}

fn measure(backend: &str, conn: &mut DbConn, rows: usize) {
    let started = Instant::now();
    let (statement, coalition) = seed(conn, rows);
    println!(
        "{backend}: {rows} signatures and {rows} contacts seeded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let signatures_query = |q: &str| ListFilter {
        q: q.into(),
        ..ListFilter::default()
    };
    let (base, _) = time(|| {
        moderation::list(conn, &statement, &signatures_query(""))
            .expect("list")
            .rows
            .len()
    });
    println!("  signatures, first page, no search: {base:>8.2} ms");
    for q in [
        "migracion",
        "rumiñahui",
        "women's network",
        "numero 99999",
        "absent",
    ] {
        let (ms, found) = time(|| {
            moderation::list(conn, &statement, &signatures_query(q))
                .expect("list")
                .rows
                .len()
        });
        println!(
            "  signatures, search {q:<17} {ms:>8.2} ms  ({:>5.1}x, {found} on the page)",
            ms / base
        );
    }
    let contacts_query = |q: &str| Filter {
        q: q.into(),
        ..Filter::default()
    };
    let (base, _) = time(|| {
        undersigned::contacts::search(conn, &coalition, &contacts_query(""))
            .expect("search")
            .total as usize
    });
    println!("  contacts, first page and count, no search: {base:>8.2} ms");
    for q in ["migracion", "RUMIÑAHUI", "prensa99999@", "absent"] {
        let (ms, found) = time(|| {
            undersigned::contacts::search(conn, &coalition, &contacts_query(q))
                .expect("search")
                .total as usize
        });
        println!(
            "  contacts, search {q:<17} {ms:>8.2} ms  ({:>5.1}x, {found} found)",
            ms / base
        );
    }
}

fn main() {
    let rows = std::env::var("SEARCH_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    support::on_both_databases("SEARCH_BENCH_POSTGRES_URL", |backend, conn| {
        measure(backend, conn, rows)
    });
}
