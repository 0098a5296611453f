//! The database pool never hands out a connection that a panic left in the
//! middle of a transaction.

use diesel::RunQueryDsl;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use undersigned::db::DbConn;

use crate::support::app::spawn_app_with_settings;
use crate::support::signers::{SignOnForm, open_statement, sign};

fn transaction_depth(conn: &mut DbConn) -> Option<u32> {
    let status = match conn {
        DbConn::Sqlite(inner) => AnsiTransactionManager::transaction_manager_status_mut(inner),
        DbConn::Postgres(inner) => AnsiTransactionManager::transaction_manager_status_mut(inner),
    };
    status
        .transaction_depth()
        .expect("the transaction manager is usable")
        .map(|depth| depth.get())
}

#[tokio::test]
async fn a_connection_a_panic_left_inside_a_transaction_is_not_handed_out_again() {
    // Arrange: few connections, so the next request would likely get that one.
    let app = spawn_app_with_settings(|s| s.database_pool_size = 2).await;
    open_statement(&app, &[]).await;
    let pool = app.pool.clone();
    let panicked = tokio::task::spawn_blocking(move || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut conn = pool.get().expect("a connection");
            undersigned::db::transaction(&mut conn, |c| -> diesel::QueryResult<()> {
                diesel::sql_query("UPDATE coalitions SET name = name").execute(c)?;
                panic!("a bug in the middle of a transaction");
            })
        }))
        .is_err()
    })
    .await
    .expect("the blocking task ends");

    // Act
    let depth = app.with_conn(transaction_depth).await;
    let signed = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;

    // Assert
    assert!(panicked);
    assert_eq!(
        depth, None,
        "the next connection is outside any transaction"
    );
    assert_eq!(signed.status(), 303, "writes go on: no lock is left held");
}
