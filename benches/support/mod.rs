//! What the benchmarks over both databases share: a fresh SQLite file, and
//! a fresh PostgreSQL database on the server named by an environment
//! variable, made for the run and dropped after it.

use diesel::RunQueryDsl;
use undersigned::config::Settings;
use undersigned::db::DbConn;

/// `measure` on a fresh SQLite database, then on a fresh PostgreSQL one
/// when `postgres_variable` names a server (any database on it).
pub fn on_both_databases(postgres_variable: &str, mut measure: impl FnMut(&str, &mut DbConn)) {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings {
        data_dir: dir.path().to_owned(),
        log_level: "warn".into(),
        ..Settings::default()
    };
    let pool = undersigned::db::connect(&settings).expect("sqlite");
    let mut conn = pool.get().expect("connection");
    measure("SQLite", &mut conn);

    let Ok(admin_url) = std::env::var(postgres_variable) else {
        println!("PostgreSQL: not measured (set {postgres_variable})");
        return;
    };
    let database = TempPostgres::create(&admin_url);
    let mut conn =
        DbConn::Postgres(undersigned::db::connect_postgres(&database.url).expect("connect"));
    measure("PostgreSQL", &mut conn);
}

/// A PostgreSQL database made for one run on the server of `admin_url`,
/// dropped with this value.
pub struct TempPostgres {
    admin_url: String,
    name: String,
    /// Where the database is.
    pub url: String,
}

impl TempPostgres {
    pub fn create(admin_url: &str) -> Self {
        let name = format!("undersigned_bench_{}", uuid::Uuid::new_v4().simple());
        let mut admin = undersigned::db::connect_postgres(admin_url).expect("postgres");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .expect("create");
        let mut url = url::Url::parse(admin_url).expect("url");
        url.set_path(&format!("/{name}"));
        Self {
            admin_url: admin_url.to_owned(),
            name,
            url: url.into(),
        }
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        if let Ok(mut admin) = undersigned::db::connect_postgres(&self.admin_url) {
            let _ = diesel::sql_query(format!("DROP DATABASE {} WITH (FORCE)", self.name))
                .execute(&mut admin);
        }
    }
}
