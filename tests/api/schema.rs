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

fn sqlite_shape() -> Shape {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = DbConn::Sqlite(
        SqliteConnection::establish(&dir.path().join("s.db").display().to_string())
            .expect("sqlite"),
    );
    undersigned::db::run_migrations(&mut conn).expect("sqlite migrations");
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

fn postgres_shape(admin_url: &str) -> Shape {
    let name = format!("undersigned_shape_{}", uuid::Uuid::new_v4().simple());
    let mut admin = undersigned::db::connect_postgres(admin_url).expect("postgres");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create");
    let mut url = url::Url::parse(admin_url).expect("url");
    url.set_path(&format!("/{name}"));
    let columns = {
        let mut conn =
            DbConn::Postgres(undersigned::db::connect_postgres(url.as_str()).expect("connect"));
        undersigned::db::run_migrations(&mut conn).expect("postgres migrations");
        diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type, CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns WHERE table_schema = 'public'",
        )
        .load::<Column>(&mut conn)
        .expect("postgres columns")
    };
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .expect("drop");
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
