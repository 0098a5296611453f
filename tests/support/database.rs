//! A fresh database for each test: SQLite in a temporary folder, or a new
//! database on the PostgreSQL server that `UNDERSIGNED_TEST_POSTGRES_URL`
//! names.

use diesel::connection::SimpleConnection;

const POSTGRES_URL: &str = "UNDERSIGNED_TEST_POSTGRES_URL";

/// The PostgreSQL server the tests run on, when `UNDERSIGNED_TEST_POSTGRES_URL`
/// names one; they run on SQLite otherwise.
pub fn postgres_url() -> Option<String> {
    std::env::var(POSTGRES_URL)
        .ok()
        .filter(|url| !url.is_empty())
}

/// The PostgreSQL server of a test that needs one (and is ignored by default
/// for that): fails the test when `UNDERSIGNED_TEST_POSTGRES_URL` is not set.
pub fn require_postgres() -> String {
    postgres_url().unwrap_or_else(|| {
        panic!(
            "this test needs PostgreSQL: set {POSTGRES_URL} to a server where it may create \
             databases, such as postgres://postgres@127.0.0.1:5432/postgres"
        )
    })
}

/// A fresh database for one test, dropped with it.
pub enum TestDatabase {
    Sqlite { dir: tempfile::TempDir },
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub fn create() -> Self {
        match postgres_url() {
            Some(admin_url) => {
                let name = format!("undersigned_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = undersigned::db::connect_postgres(&admin_url)
                    .expect("connect to the test PostgreSQL server");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                Self::Postgres { admin_url, name }
            }
            _ => Self::Sqlite {
                dir: tempfile::tempdir().expect("temporary directory"),
            },
        }
    }

    pub fn url(&self) -> String {
        match self {
            Self::Sqlite { dir } => format!("sqlite://{}", dir.path().join("test.db").display()),
            Self::Postgres { admin_url, name } => {
                let mut url = url::Url::parse(admin_url).expect("valid PostgreSQL URL");
                url.set_path(&format!("/{name}"));
                url.to_string()
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres { .. })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Self::Postgres { admin_url, name } = self
            && let Ok(mut admin) = undersigned::db::connect_postgres(admin_url)
        {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}
