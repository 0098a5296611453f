//! What the benchmarks of a whole release mailing share: contacts and a
//! release written straight into the database, its mailing scheduled, the
//! release binary started on that database, and its memory read from /proc.

use std::path::Path;
use std::process::{Command, Stdio};

use diesel::prelude::*;
use undersigned::accounts::{Coordinator, Email};
use undersigned::coalitions::Role;
use undersigned::config::Settings;
use undersigned::db::schema::{contact_tags, contacts, mailings, outbox};
use undersigned::db::{DbConn, PooledConn};
use undersigned::mail::MailContext;
use undersigned::press::{
    self, DraftForm, Release, Revision,
    mailings::{Audience, Ctx, When},
};

/// A field of `/proc/{pid}/status` given in kB (`VmHWM`, `RssAnon`), in MiB.
pub fn memory_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// The threads the process runs, from `/proc/{pid}/status`.
pub fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// A coalition with its contacts (all tagged `press`) and one release.
pub struct Seeded {
    pub settings: Settings,
    owner: Coordinator,
    release: Release,
    revision: Revision,
    /// About how large one mail of the release is, in bytes.
    pub mail_size: usize,
}

/// Writes `contacts_wanted` contacts and a release into the database of
/// `settings`, migrating it first.
pub fn seed(settings: &Settings, contacts_wanted: usize) -> Seeded {
    let mut conn = connect(settings);
    undersigned::db::run_migrations(&mut conn).expect("migrations");
    let email = Email::parse("olivia@example.org").expect("address");
    let (owner, _) = undersigned::coalitions::add_user(
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
    let context = mail_context(settings);
    let mail_size = {
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
    Seeded {
        settings: settings.clone(),
        owner,
        release,
        revision,
        mail_size,
    }
}

impl Seeded {
    /// Schedules the release's mailing to every contact for `at`; returns
    /// the mailing's id.
    pub fn schedule(&self, at: chrono::NaiveDateTime) -> String {
        let mut conn = connect(&self.settings);
        let context = mail_context(&self.settings);
        let secret = self.settings.secret_key().expect("secret");
        let audience = Audience {
            tags: vec!["press".into()],
            ..Audience::default()
        };
        let ctx = Ctx {
            mail: &context,
            secret: &secret,
        };
        press::mailings::send_release(
            &mut conn,
            ctx,
            &self.release,
            &self.revision,
            &audience,
            When::At(at),
            &self.owner,
        )
        .expect("mailing scheduled")
        .id
    }

    /// Whether the mailing has started and every mail of it is sent.
    pub fn finished(&self, conn: &mut DbConn, mailing_id: &str) -> bool {
        let unsent: i64 = outbox::table
            .filter(outbox::mailing_id.eq(mailing_id))
            .filter(outbox::status.ne("sent"))
            .count()
            .get_result(conn)
            .expect("count");
        let started: Option<chrono::NaiveDateTime> = mailings::table
            .find(mailing_id)
            .select(mailings::started_at)
            .first(conn)
            .expect("mailing");
        started.is_some() && unsent == 0
    }
}

pub fn connect(settings: &Settings) -> PooledConn {
    undersigned::db::connect(settings)
        .expect("database")
        .get()
        .expect("connection")
}

fn mail_context(settings: &Settings) -> MailContext {
    MailContext::new(settings, "https://statements.example.org".into()).expect("context")
}

/// The release binary serving `data_dir` and `database_url` on `http_port`,
/// sending through the SMTP server on `smtp_port` with `connections`.
pub fn serve(
    data_dir: &Path,
    database_url: &str,
    http_port: u16,
    smtp_port: u16,
    connections: usize,
) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_undersigned"));
    command
        .env("UNDERSIGNED_LISTEN", format!("127.0.0.1:{http_port}"))
        .env("UNDERSIGNED_DATA_DIR", data_dir)
        .env("UNDERSIGNED_CONFIG", data_dir.join("none.toml"))
        .env("UNDERSIGNED_DATABASE_URL", database_url)
        .env(
            "UNDERSIGNED_SMTP_URL",
            format!("smtp://127.0.0.1:{smtp_port}"),
        )
        .env("UNDERSIGNED_SMTP_POOL_SIZE", connections.to_string())
        .env("UNDERSIGNED_JOBS_TICK_MS", "100")
        .env("UNDERSIGNED_OUTBOX_POLL_MS", "50")
        .env("UNDERSIGNED_LOG_LEVEL", "warn")
        .stdout(Stdio::null());
    command
}
