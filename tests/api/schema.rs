use std::collections::BTreeMap;
use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use undersigned::db::DbConn;

use crate::support::database::require_postgres;

fn migration_names(backend: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("migrations folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn both_migration_sets_have_the_same_names() {
    let sqlite = migration_names("sqlite");

    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"));
}

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

/// Table → column → (portable type, nullable).
type Shape = BTreeMap<String, BTreeMap<String, (String, bool)>>;

fn portable_type(declared: &str) -> String {
    let declared = declared.to_lowercase();
    let kind = if declared.contains("int") {
        "integer"
    } else if declared.contains("timestamp") {
        "timestamp"
    } else if declared.contains("bool") {
        "boolean"
    } else if declared.contains("text") || declared.contains("char") {
        "text"
    } else {
        declared.as_str()
    };
    kind.to_owned()
}

fn shape(columns: Vec<Column>) -> Shape {
    let mut shape = Shape::new();
    for c in columns {
        if c.table_name.starts_with("__diesel") {
            continue;
        }
        let columns = shape.entry(c.table_name).or_default();
        let integer_width = if c.data_type.to_lowercase() == "bigint" {
            "big"
        } else {
            ""
        };
        let kind = format!("{}{integer_width}", portable_type(&c.data_type));
        columns.insert(c.column_name, (kind, c.nullable == 1));
    }
    shape
}

fn migrated_sqlite(dir: &tempfile::TempDir) -> DbConn {
    let mut conn = DbConn::Sqlite(
        SqliteConnection::establish(&dir.path().join("s.db").display().to_string())
            .expect("sqlite"),
    );
    undersigned::db::run_migrations(&mut conn).expect("sqlite migrations");
    conn
}

fn sqlite_shape() -> Shape {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = migrated_sqlite(&dir);
    let columns = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
         CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END AS nullable \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
         AND m.name NOT LIKE 'sqlite_%'",
    )
    .load::<Column>(&mut conn)
    .expect("sqlite columns");
    shape(columns)
}

/// Runs `work` on a fresh, migrated database of the PostgreSQL server at
/// `admin_url`, dropped afterwards.
fn on_fresh_postgres<T>(admin_url: &str, work: impl FnOnce(&mut DbConn) -> T) -> T {
    let name = format!("undersigned_schema_{}", uuid::Uuid::new_v4().simple());
    let mut admin = undersigned::db::connect_postgres(admin_url).expect("postgres");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create");
    let mut url = url::Url::parse(admin_url).expect("url");
    url.set_path(&format!("/{name}"));
    let outcome = {
        let mut conn =
            DbConn::Postgres(undersigned::db::connect_postgres(url.as_str()).expect("connect"));
        undersigned::db::run_migrations(&mut conn).expect("postgres migrations");
        work(&mut conn)
    };
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .expect("drop");
    outcome
}

fn postgres_shape(admin_url: &str) -> Shape {
    let columns = on_fresh_postgres(admin_url, |conn| {
        diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type, CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns WHERE table_schema = 'public'",
        )
        .load::<Column>(conn)
        .expect("postgres columns")
    });
    shape(columns)
}

#[test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
fn both_backends_create_the_same_tables_columns_types_and_nullability() {
    let admin_url = require_postgres();

    let sqlite = sqlite_shape();
    let postgres = postgres_shape(&admin_url);

    assert!(sqlite.contains_key("outbox"));
    assert_eq!(sqlite, postgres);
}

/// Each closed status and kind column, with the words its enum writes.
fn stored_word_columns() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    use undersigned::{identity, mail, press, signatures, statements, suppressions, tokens};
    fn words<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| as_str(*v)).collect()
    }
    vec![
        (
            "tokens",
            "purpose",
            words(tokens::Purpose::ALL, tokens::Purpose::as_str),
        ),
        (
            "outbox",
            "status",
            words(mail::Status::ALL, mail::Status::as_str),
        ),
        (
            "memberships",
            "role",
            words(&identity::Role::ALL, identity::Role::as_str),
        ),
        (
            "invitations",
            "role",
            words(&identity::Role::ALL, identity::Role::as_str),
        ),
        (
            "revisions",
            "change_kind",
            words(statements::ChangeKind::ALL, statements::ChangeKind::as_str),
        ),
        (
            "signatures",
            "kind",
            words(signatures::Kind::ALL, signatures::Kind::as_str),
        ),
        (
            "signatures",
            "status",
            words(signatures::Status::ALL, signatures::Status::as_str),
        ),
        (
            "signatures",
            "source",
            words(signatures::Source::ALL, signatures::Source::as_str),
        ),
        (
            "suppressions",
            "reason",
            words(suppressions::Reason::ALL, suppressions::Reason::as_str),
        ),
        (
            "sign_invitations",
            "status",
            words(
                signatures::invitations::State::ALL,
                signatures::invitations::State::as_str,
            ),
        ),
        (
            "digest_subscriptions",
            "frequency",
            words(
                signatures::digest::Frequency::ALL,
                signatures::digest::Frequency::as_str,
            ),
        ),
        (
            "mailings",
            "kind",
            words(
                press::mailings::MailingKind::ALL,
                press::mailings::MailingKind::as_str,
            ),
        ),
        (
            "mailings",
            "status",
            words(
                press::mailings::MailingStatus::ALL,
                press::mailings::MailingStatus::as_str,
            ),
        ),
        (
            "statements",
            "status",
            words(statements::Status::ALL, statements::Status::as_str),
        ),
        (
            "statements",
            "signers",
            words(statements::Signers::ALL, statements::Signers::as_str),
        ),
        (
            "statements",
            "list_order",
            words(statements::ListOrder::ALL, statements::ListOrder::as_str),
        ),
    ]
}

#[derive(QueryableByName)]
struct Definition {
    #[diesel(sql_type = Text)]
    definition: String,
}

/// The words a column's check constraint (`{table}_{column}_check`) allows,
/// sorted; empty when the constraint is missing.
fn allowed_words(conn: &mut DbConn, table: &str, column: &str) -> Vec<String> {
    let name = format!("{table}_{column}_check");
    let definition = match conn {
        DbConn::Sqlite(_) => {
            let table_sql = diesel::sql_query(
                "SELECT sql AS definition FROM sqlite_master WHERE type = 'table' AND name = ?",
            )
            .bind::<Text, _>(table)
            .get_result::<Definition>(conn)
            .expect("table definition")
            .definition;
            table_sql
                .split_once(&format!("CONSTRAINT {name} CHECK"))
                .and_then(|(_, rest)| rest.split_once(')'))
                .map(|(check, _)| check.to_owned())
                .unwrap_or_default()
        }
        DbConn::Postgres(_) => diesel::sql_query(
            "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1",
        )
        .bind::<Text, _>(&name)
        .get_result::<Definition>(conn)
        .optional()
        .expect("constraint definition")
        .map(|d| d.definition)
        .unwrap_or_default(),
    };
    let mut words: Vec<String> = definition
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

fn assert_columns_allow_exactly_their_words(conn: &mut DbConn) {
    for (table, column, words) in stored_word_columns() {
        let mut expected: Vec<String> = words.into_iter().map(str::to_owned).collect();
        expected.sort();
        assert_eq!(
            allowed_words(conn, table, column),
            expected,
            "{table}.{column} must take exactly the words its enum knows"
        );
    }
}

#[test]
fn each_status_and_kind_column_takes_only_the_words_its_enum_knows_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = migrated_sqlite(&dir);

    assert_columns_allow_exactly_their_words(&mut conn);
}

#[test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
fn each_status_and_kind_column_takes_only_the_words_its_enum_knows_on_postgres() {
    let admin_url = require_postgres();
    on_fresh_postgres(&admin_url, assert_columns_allow_exactly_their_words);
}

/// One row in each table the checks migration makes again, and in the
/// tables that point to them.
const ROWS_BEFORE_CHECKS: &str = "
INSERT INTO coordinators (id, email, name, created_at)
    VALUES ('k1', 'ana@example.org', 'Ana', '2026-12-01 10:00:00');
INSERT INTO coalitions (id, name, slug, about, created_at)
    VALUES ('c1', 'Red', 'red', '', '2026-12-01 10:00:00');
INSERT INTO memberships (coalition_id, coordinator_id, role, created_at)
    VALUES ('c1', 'k1', 'owner', '2026-12-01 10:00:00');
INSERT INTO invitations (id, coalition_id, email, role, invited_by, created_at)
    VALUES ('i1', 'c1', 'luis@example.org', 'editor', 'k1', '2026-12-01 10:00:00');
INSERT INTO tokens (id, purpose, token_hash, subject_id, created_at, expires_at)
    VALUES ('t1', 'invitation', 'hash', 'i1', '2026-12-01 10:00:00', '2026-12-08 10:00:00');
INSERT INTO statements (id, coalition_id, slug, language, status, signers, requires_approval,
        list_order, preview_version, listed_organizations, listed_individuals, created_at, updated_at)
    VALUES ('s1', 'c1', 'carta', 'es', 'open', 'both', FALSE, 'alphabetical', 1, 1, 0,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00');
INSERT INTO statement_versions (id, statement_id, language, title, current_revision, created_at)
    VALUES ('v1', 's1', 'es', 'Carta', 1, '2026-12-01 10:00:00');
INSERT INTO revisions (id, version_id, number, title, body, note, change_kind, content_hash,
        author_id, author_name, created_at)
    VALUES ('r1', 'v1', 1, 'Carta', 'Texto', '', 'draft', 'h', 'k1', 'Ana', '2026-12-01 10:00:00');
INSERT INTO comments (id, statement_id, revision_id, name, organization, body, created_at)
    VALUES ('m1', 's1', 'r1', 'Ana', 'Red', 'Bien', '2026-12-01 10:00:00');
INSERT INTO signatures (id, statement_id, kind, name, email, status, source, listed, list_key,
        revision_id, created_at)
    VALUES ('g1', 's1', 'organization', 'Sin Fronteras', 'a@sf.org', 'confirmed', 'form', TRUE,
        'sin fronteras', 'r1', '2026-12-01 10:00:00');
INSERT INTO signatures (id, statement_id, kind, name, email, status, source, listed, list_key,
        merged_into, created_at)
    VALUES ('g2', 's1', 'organization', 'Sin Fronteras AC', 'b@sf.org', 'merged', 'import', FALSE,
        'sin fronteras ac', 'g1', '2026-12-01 10:00:00');
INSERT INTO sign_invitations (id, statement_id, email, organization, status, created_at)
    VALUES ('n1', 's1', 'c@ong.org', 'ONG', 'opened', '2026-12-01 10:00:00');
INSERT INTO digest_subscriptions (coordinator_id, statement_id, frequency, last_sent_at)
    VALUES ('k1', 's1', 'daily', '2026-12-01 10:00:00');
INSERT INTO suppressions (coalition_id, email, reason, created_at)
    VALUES ('c1', 'no@diario.com', 'do-not-contact', '2026-12-01 10:00:00');
INSERT INTO mailings (id, coalition_id, kind, statement_id, subject, body, audience, status,
        created_at)
    VALUES ('l1', 'c1', 'update', 's1', 'Asunto', 'Cuerpo', 'all', 'sent', '2026-12-01 10:00:00');
INSERT INTO outbox (id, idempotency_key, purpose, recipient, subject, extra_headers, message_id,
        priority, status, attempts, next_attempt_at, created_at, mailing_id)
    VALUES ('o1', 'key', 'mailing', 'p@diario.com', 'Asunto', '[]', '<1@x>', 1, 'sent', 1,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00', 'l1');
INSERT INTO outbox_bodies (outbox_id, text_body, html_body) VALUES ('o1', 'Cuerpo', '<p>Cuerpo</p>');
";

/// The tables `ROWS_BEFORE_CHECKS` fills.
const FILLED_TABLES: [&str; 16] = [
    "coordinators",
    "coalitions",
    "memberships",
    "invitations",
    "tokens",
    "statements",
    "statement_versions",
    "revisions",
    "comments",
    "signatures",
    "sign_invitations",
    "digest_subscriptions",
    "suppressions",
    "mailings",
    "outbox",
    "outbox_bodies",
];

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(conn: &mut SqliteConnection, query: &str) -> i64 {
    diesel::sql_query(query)
        .get_result::<Count>(conn)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .n
}

fn row_counts(conn: &mut SqliteConnection) -> Vec<(&'static str, i64)> {
    FILLED_TABLES
        .iter()
        .map(|table| {
            (
                *table,
                count(conn, &format!("SELECT COUNT(*) AS n FROM {table}")),
            )
        })
        .collect()
}

fn sqlite_migrations() -> diesel_migrations::FileBasedMigrations {
    diesel_migrations::FileBasedMigrations::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite"),
    )
    .expect("sqlite migrations")
}

/// A SQLite database in `dir` with every migration before the checks.
fn sqlite_before_checks(dir: &tempfile::TempDir) -> SqliteConnection {
    use diesel_migrations::MigrationHarness;
    let mut conn = SqliteConnection::establish(&dir.path().join("s.db").display().to_string())
        .expect("sqlite");
    conn.batch_execute("PRAGMA foreign_keys = ON")
        .expect("foreign keys");
    for migration in conn
        .pending_migrations(sqlite_migrations())
        .expect("pending")
    {
        if migration
            .name()
            .to_string()
            .ends_with("_stored_word_checks")
        {
            break;
        }
        conn.run_migration(&migration).expect("earlier migration");
    }
    conn
}

#[test]
fn adding_the_checks_on_sqlite_keeps_every_row_link_index_and_trigger() {
    use diesel_migrations::MigrationHarness;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = sqlite_before_checks(&dir);
    conn.batch_execute(ROWS_BEFORE_CHECKS).expect("rows");
    let before = row_counts(&mut conn);
    let indexes = "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index'";
    let triggers = "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger'";
    let (index_count, trigger_count) = (count(&mut conn, indexes), count(&mut conn, triggers));

    conn.run_pending_migrations(sqlite_migrations())
        .expect("the checks");

    assert_eq!(row_counts(&mut conn), before);
    assert_eq!(count(&mut conn, indexes), index_count);
    assert_eq!(count(&mut conn, triggers), trigger_count);
    assert_eq!(
        count(
            &mut conn,
            "SELECT foreign_keys AS n FROM pragma_foreign_keys"
        ),
        1
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT COUNT(*) AS n FROM pragma_foreign_key_check"
        ),
        0
    );
    let refused = conn
        .batch_execute("UPDATE signatures SET status = 'withdrawm' WHERE id = 'g1'")
        .expect_err("an unknown status is refused");
    assert!(
        refused.to_string().contains("signatures_status_check"),
        "{refused}"
    );
    let version = "SELECT version AS n FROM page_versions WHERE scope = 's1'";
    let page_version = count(&mut conn, version);
    conn.batch_execute("UPDATE signatures SET name = 'Sin Fronteras A.C.' WHERE id = 'g1'")
        .expect("rename");
    assert_eq!(
        count(&mut conn, version),
        page_version + 1,
        "the list's page moves on"
    );
    conn.batch_execute("DELETE FROM outbox; DELETE FROM statements")
        .expect("delete");
    for table in [
        "outbox_bodies",
        "statement_versions",
        "revisions",
        "comments",
        "signatures",
    ] {
        let rows = count(&mut conn, &format!("SELECT COUNT(*) AS n FROM {table}"));
        assert_eq!(rows, 0, "{table} follows what it points to");
    }
}

#[test]
fn a_stored_word_no_enum_knows_stops_the_checks_and_leaves_the_sqlite_database_as_it_was() {
    use diesel_migrations::MigrationHarness;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = sqlite_before_checks(&dir);
    conn.batch_execute(ROWS_BEFORE_CHECKS).expect("rows");
    conn.batch_execute("UPDATE statements SET status = 'opened'")
        .expect("a word no enum knows");
    let before = row_counts(&mut conn);

    let failure = conn
        .run_pending_migrations(sqlite_migrations())
        .expect_err("the checks refuse the word")
        .to_string();
    drop(conn);

    assert!(failure.contains("statements_status_check"), "{failure}");
    let mut conn = sqlite_before_checks(&dir);
    assert_eq!(row_counts(&mut conn), before);
    let checks = "SELECT COUNT(*) AS n FROM sqlite_master WHERE sql LIKE '%_check CHECK%'";
    assert_eq!(count(&mut conn, checks), 0);
}
