//! Write operations of many requests committed together: each is answered
//! with its own result, a failing one is undone alone, and nothing is
//! answered as stored that was not.

use std::sync::Arc;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use futures_util::FutureExt;
use futures_util::future::join_all;
use undersigned::config::Settings;
use undersigned::db::{DbConn, GroupCommit, GroupCommitError, Pool};

use crate::support::database::TestDatabase;

/// A pool on a fresh database with two scratch tables; the child's
/// reference is checked only at commit.
fn scratch_pool(db: &TestDatabase) -> Pool {
    let pool = undersigned::db::connect(&Settings {
        database_url: Some(db.url().into()),
        database_pool_size: 2,
        ..Settings::default()
    })
    .expect("pool");
    pool.get()
        .expect("connection")
        .batch_execute(
            "CREATE TABLE probe (n BIGINT PRIMARY KEY);
             CREATE TABLE parent (id BIGINT PRIMARY KEY);
             CREATE TABLE child (id BIGINT PRIMARY KEY,
                 parent_id BIGINT NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);",
        )
        .expect("scratch tables");
    pool
}

fn insert(conn: &mut DbConn, sql: &str, n: i64) -> QueryResult<usize> {
    diesel::sql_query(sql).bind::<BigInt, _>(n).execute(conn)
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn numbers(pool: &Pool, sql: &str) -> Vec<i64> {
    let mut found: Vec<i64> = diesel::sql_query(sql)
        .load::<Number>(&mut pool.get().expect("connection"))
        .expect("select")
        .into_iter()
        .map(|row| row.n)
        .collect();
    found.sort_unstable();
    found
}

#[derive(Debug, thiserror::Error)]
enum ProbeError {
    #[error("odd numbers are refused")]
    Odd,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

#[tokio::test]
async fn concurrent_operations_are_each_answered_with_their_own_result_and_stored() {
    // Arrange
    let db = TestDatabase::create();
    let pool = scratch_pool(&db);
    let writes = GroupCommit::start(pool.clone()).expect("writer");

    // Act
    let answers = join_all((0..200_i64).map(|n| {
        writes.run(move |c| -> QueryResult<i64> {
            insert(c, "INSERT INTO probe (n) VALUES ($1)", n)?;
            Ok(n * 10)
        })
    }))
    .await;

    // Assert
    for (n, answer) in answers.into_iter().enumerate() {
        assert_eq!(answer.expect("answered").expect("stored"), n as i64 * 10);
    }
    assert_eq!(
        numbers(&pool, "SELECT n FROM probe"),
        (0..200).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_failing_operation_undoes_only_its_own_writes() {
    // Arrange
    let db = TestDatabase::create();
    let pool = scratch_pool(&db);
    let writes = GroupCommit::start(pool.clone()).expect("writer");

    // Act: every operation writes, and the odd ones then fail.
    let answers = join_all((0..40_i64).map(|n| {
        writes.run(move |c| -> Result<i64, ProbeError> {
            insert(c, "INSERT INTO probe (n) VALUES ($1)", n)?;
            if n % 2 == 1 {
                return Err(ProbeError::Odd);
            }
            Ok(n)
        })
    }))
    .await;

    // Assert
    for (n, answer) in answers.into_iter().enumerate() {
        let answer = answer.expect("answered");
        if n % 2 == 1 {
            assert!(matches!(answer, Err(ProbeError::Odd)), "{n}: {answer:?}");
        } else {
            assert_eq!(answer.expect("stored"), n as i64);
        }
    }
    assert_eq!(
        numbers(&pool, "SELECT n FROM probe"),
        (0..40).step_by(2).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_panicking_operation_is_answered_with_an_error_and_the_writer_goes_on() {
    // Arrange
    let db = TestDatabase::create();
    let pool = scratch_pool(&db);
    let writes = GroupCommit::start(pool.clone()).expect("writer");

    // Act
    let panicked = writes
        .run(|c| -> QueryResult<()> {
            insert(c, "INSERT INTO probe (n) VALUES ($1)", 1)?;
            panic!("a bug in an operation");
        })
        .await;
    let later = writes
        .run(|c| insert(c, "INSERT INTO probe (n) VALUES ($1)", 2))
        .await;

    // Assert
    assert!(matches!(panicked, Err(GroupCommitError::Panicked)));
    assert_eq!(later.expect("answered").expect("stored"), 1);
    assert_eq!(numbers(&pool, "SELECT n FROM probe"), vec![2]);
}

#[tokio::test]
async fn when_the_group_cannot_commit_each_operation_runs_again_alone() {
    // Arrange: parent 1 exists; a child of parent 99 passes its own
    // statement and fails only at commit, taking the group with it.
    let db = TestDatabase::create();
    let pool = scratch_pool(&db);
    pool.get()
        .expect("connection")
        .batch_execute("INSERT INTO parent (id) VALUES (1)")
        .expect("parent");
    let writes = Arc::new(GroupCommit::start(pool.clone()).expect("writer"));
    let child = |id: i64, parent: i64| {
        let writes = writes.clone();
        async move {
            writes
                .run(move |c| {
                    diesel::sql_query("INSERT INTO child (id, parent_id) VALUES ($1, $2)")
                        .bind::<BigInt, _>(id)
                        .bind::<BigInt, _>(parent)
                        .execute(c)
                })
                .await
                .expect("answered")
        }
    };

    // Act: the children queue while the writer is busy, so they form
    // one group.
    let (busy_started, started) = tokio::sync::oneshot::channel();
    let (go_on, go) = std::sync::mpsc::channel::<()>();
    let mut busy_started = Some(busy_started);
    let busy = writes.run(move |_| -> QueryResult<()> {
        if let Some(busy_started) = busy_started.take() {
            let _ = busy_started.send(());
        }
        let _ = go.recv();
        Ok(())
    });
    let children = async {
        started.await.expect("the writer takes the busy operation");
        let mut children = std::pin::pin!(join_all([
            child(1, 1),
            child(2, 99),
            child(3, 1),
            child(4, 1)
        ]));
        // One poll queues every child's operation behind the busy one.
        assert!(children.as_mut().now_or_never().is_none());
        go_on.send(()).expect("the busy operation waits");
        children.await
    };
    let (_, answers) = tokio::join!(busy, children);

    // Assert
    assert!(answers[0].is_ok() && answers[2].is_ok() && answers[3].is_ok());
    assert!(answers[1].is_err(), "an orphan was answered as stored");
    assert_eq!(numbers(&pool, "SELECT id AS n FROM child"), vec![1, 3, 4]);
}
