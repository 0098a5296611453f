//! Importing 100,000 rows through the import pipeline: media contacts and
//! signatories, each as a CSV file and as an XLSX workbook, read
//! (`imports::sheet`) and then planned and applied in one transaction
//! (`contacts::import::apply`, `signatures::import::apply`, the signatures
//! listed at once), on a fresh SQLite file and, when
//! `IMPORT_BENCH_POSTGRES_URL` names a server (a fresh database is made and
//! dropped), on PostgreSQL in the same run.
//!
//! Run: `IMPORT_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
//! cargo bench --bench import` (`IMPORT_BENCH_ROWS`, default 100000).

mod support;

use std::time::Instant;

use diesel::prelude::*;
use undersigned::audit::Actor;
use undersigned::contacts::import::{self, Mapping};
use undersigned::db::DbConn;
use undersigned::db::schema::coalitions;

const HEADER: [&str; 5] = ["correo", "nombre", "medio", "país", "etiquetas"];

fn row(i: usize) -> [String; 5] {
    [
        format!("periodista{i}@medio{}.example", i % 500),
        format!("Periodista Núñez {i}"),
        format!("Diario Rumiñahui {}", i % 300),
        ["MX", "Guatemala", "Honduras", "El Salvador"][i % 4].to_owned(),
        ["migración", "prensa, radio", "derechos humanos"][i % 3].to_owned(),
    ]
}

fn csv_file(rows: usize) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).expect("header");
    for i in 0..rows {
        writer.write_record(row(i)).expect("row");
    }
    writer.into_inner().expect("a CSV file")
}

fn xlsx_file(rows: usize) -> Vec<u8> {
    xlsx_of(std::iter::once(HEADER.map(String::from)).chain((0..rows).map(row)))
}

fn xlsx_of<const N: usize>(cells: impl Iterator<Item = [String; N]>) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in cells.enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            sheet.write_string(r, c, cell).expect("a cell");
        }
    }
    book.save_to_buffer().expect("an XLSX file")
}

fn fresh_coalition(conn: &mut DbConn, name: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(coalitions::table)
        .values((
            coalitions::id.eq(&id),
            coalitions::name.eq(name),
            coalitions::slug.eq(name),
            coalitions::about.eq(""),
            coalitions::created_at.eq(undersigned::db::now()),
        ))
        .execute(conn)
        .expect("a coalition");
    id
}

fn measure(backend: &str, conn: &mut DbConn, rows: usize) {
    undersigned::db::run_migrations(conn).expect("migrations");
    for (kind, file) in [("CSV", csv_file(rows)), ("XLSX", xlsx_file(rows))] {
        let coalition = fresh_coalition(conn, &format!("bench-{}", kind.to_lowercase()));
        let started = Instant::now();
        let text = undersigned::imports::decode(file).expect("readable");
        let read = started.elapsed().as_secs_f64();
        let (headers, records) = undersigned::imports::with_header(&text).expect("a table");
        let mapping = Mapping::guess(&headers);
        let report = import::apply(
            conn,
            &coalition,
            &Actor::System,
            (&headers, &records),
            &mapping,
            None,
            &|_, _| {},
        )
        .expect("imported");
        let total = started.elapsed().as_secs_f64();
        println!(
            "{backend}: {rows} contacts from {kind}: read {read:.2} s, read and imported {total:.2} s \
             ({:.0} rows/s; {} created, {} rejected)",
            rows as f64 / total,
            report.created,
            report.rejected,
        );
    }
}

const SIGNATORY_HEADER: [&str; 3] = ["organización", "país", "correo"];

fn signatory(kind: &str, i: usize) -> [String; 3] {
    [
        format!("Colectivo Rumiñahui {kind} {i}, A.C."),
        ["MX", "Guatemala", "Honduras", "El Salvador"][i % 4].to_owned(),
        format!("firma{i}@{}.example", kind.to_lowercase()),
    ]
}

fn signatories(kind: &str, rows: usize) -> Vec<u8> {
    let cells = std::iter::once(SIGNATORY_HEADER.map(String::from))
        .chain((0..rows).map(|i| signatory(kind, i)));
    if kind == "XLSX" {
        return xlsx_of(cells);
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in cells {
        writer.write_record(row).expect("row");
    }
    writer.into_inner().expect("a CSV file")
}

fn measure_signatures(backend: &str, conn: &mut DbConn, rows: usize) {
    use undersigned::signatures::import::{Import, Mode};
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = undersigned::config::Settings {
        data_dir: dir.path().to_owned(),
        ..undersigned::config::Settings::default()
    };
    let mail = undersigned::mail::MailContext::new(&settings, "http://localhost".into())
        .expect("mail context");
    let secret = settings.secret_key().expect("secret key");
    let ctx = undersigned::signatures::signing::Ctx {
        mail: &mail,
        secret: &secret,
        confirm_days: 7,
        mails_per_day: 5,
    };
    undersigned::demo::fill(conn).expect("the demo coalition");
    let statement = undersigned::statements::find_by_slug(conn, "water-is-a-right-not-a-commodity")
        .expect("query")
        .expect("the demo statement");
    let email = undersigned::accounts::Email::parse("ana@example.org").expect("address");
    let actor = undersigned::accounts::find_by_email(conn, &email)
        .expect("query")
        .expect("the demo owner");
    let version = undersigned::statements::version(conn, &statement.id, &statement.language)
        .expect("query")
        .expect("a version");
    let revision = undersigned::statements::current_revision(conn, &version).expect("revision");
    for kind in ["CSV", "XLSX"] {
        let file = signatories(kind, rows);
        let started = Instant::now();
        let text = undersigned::imports::decode(file).expect("readable");
        let read = started.elapsed().as_secs_f64();
        let list = undersigned::signatures::import::read(&text).expect("a list");
        let mapping = list.guess.clone();
        let import = Import {
            statement: &statement,
            revision: &revision,
            actor: &actor,
            read: &list,
            mapping: &mapping,
            mode: Mode::List,
            expected: None,
        };
        let report = undersigned::signatures::import::apply(conn, &ctx, &import, &|_, _| {})
            .expect("imported");
        let total = started.elapsed().as_secs_f64();
        println!(
            "{backend}: {rows} signatories from {kind}: read {read:.2} s, read and imported {total:.2} s \
             ({:.0} rows/s; {} listed, {} rejected)",
            rows as f64 / total,
            report.created,
            report.rejected,
        );
    }
}

fn main() {
    let rows = std::env::var("IMPORT_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    support::on_both_databases("IMPORT_BENCH_POSTGRES_URL", |backend, conn| {
        measure(backend, conn, rows);
        measure_signatures(backend, conn, rows);
    });
}
