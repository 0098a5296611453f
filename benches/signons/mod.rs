//! What the benchmarks that sign on through the running server share: a
//! coordinator with open statements, a sign-on form with an address no
//! other request uses, and database work off the async threads.

use anyhow::Context;
use undersigned::accounts::{Coordinator, Email};
use undersigned::audit::Actor;
use undersigned::coalitions::{self, Membership, Role};
use undersigned::db::{DbConn, Pool};
use undersigned::statements::{self, Draft, Statement, Status};

/// The number in the environment variable `name`, or `default` when it is
/// unset, not a number or zero.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// The first coordinator, owner of a new coalition.
pub fn owner(conn: &mut DbConn) -> anyhow::Result<(Coordinator, Membership)> {
    let email = Email::parse("bench@example.org").context("address")?;
    let (author, _) =
        undersigned::coalitions::add_user(conn, "Bench", &email, None, "Bench", Role::Owner)?;
    let membership = coalitions::memberships_of(conn, &author.id)?
        .into_iter()
        .next()
        .context("membership")?;
    Ok((author, membership))
}

/// An open statement titled `title`, made the way the coordinator pages make it.
pub fn open_statement(
    conn: &mut DbConn,
    membership: &Membership,
    author: &Coordinator,
    title: &str,
) -> anyhow::Result<Statement> {
    let body = "We, the undersigned, ask for clean water for every household.\n\n\
                Water utilities must remain public, with tariffs every family can pay.";
    let draft = Draft::parse(title, body, "bench").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let statement = statements::create(conn, membership, author, "en", &draft)?;
    statements::set_status(conn, &statement, Actor::Coordinator(author), Status::Open)?;
    statements::find_any(conn, &statement.id)?.context("the statement just created")
}

/// A filled-in sign-on form with an address no other request uses.
pub fn sign_form(n: u64) -> Vec<(&'static str, String)> {
    vec![
        ("kind", "organization".into()),
        ("organization", format!("Bench Organization {n}")),
        ("country", "FR".into()),
        ("website", format!("https://bench{n}.example.org")),
        ("signer_name", "Ana Bench".into()),
        ("signer_title", "Director".into()),
        ("email", format!("signer{n}@bench{n}.example.org")),
        ("authorized", "on".into()),
        ("lang", "en".into()),
    ]
}

/// Runs `work` on a connection of `pool`, on a blocking thread.
pub async fn with_conn<T: Send + 'static>(
    pool: &Pool,
    work: impl FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || work(&mut *pool.get().context("no connection")?))
        .await
        .context("database task")?
}
