//! `undersigned signatures import FILE --statement SLUG --by EMAIL
//! [--confirm] [--dry-run]`: the same plan as the web preview, printed,
//! then applied with a progress bar, recorded as done by the coordinator
//! named with `--by`.

use std::path::Path;

use anyhow::Context;

use super::{Import, Mapping, Mode};
use crate::coalitions::Role;
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args};
use crate::imports::terminal;

/// What the command was asked to do.
pub struct Request<'a> {
    pub file: &'a Path,
    /// The statement's slug or id.
    pub statement: &'a str,
    /// The address of the coordinator the import is recorded as done by.
    pub by: &'a str,
    pub mode: Mode,
    pub dry_run: bool,
}

/// Imports the file into the statement; with `dry_run` only prints what
/// would happen.
pub fn run(
    conn: &mut DbConn,
    ctx: &crate::signatures::signing::Ctx<'_>,
    request: &Request<'_>,
) -> anyhow::Result<()> {
    let lang = Lang::En;
    let statement = match crate::statements::find_by_slug(conn, request.statement)? {
        Some(statement) => statement,
        None => crate::statements::find_any(conn, request.statement)?
            .with_context(|| format!("no statement has the slug or id {}", request.statement))?,
    };
    let email = crate::accounts::Email::parse(request.by)
        .with_context(|| format!("{} is not an email address", request.by))?;
    let actor = crate::accounts::find_by_email(conn, &email)?
        .with_context(|| format!("no coordinator has the address {}", request.by))?;
    let role = crate::coalitions::role_of(conn, &statement.coalition_id, &actor.id)?;
    if role.is_none_or(|role| role < Role::Editor) {
        anyhow::bail!(
            "{} is not an editor or owner of the statement's coalition",
            request.by
        );
    }
    let bytes = std::fs::read(request.file)
        .with_context(|| format!("could not read {}", request.file.display()))?;
    let text = crate::imports::decode(bytes).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let read = super::read(&text).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let mapping: Mapping = read.guess.clone();
    let plan = super::plan(conn, &statement, &read, &mapping, request.mode, lang)?;
    let counts = t_args(
        lang,
        "import-terminal-summary",
        &[
            ("good", plan.created().into()),
            ("bad", plan.rejected().into()),
        ],
    );
    print!("{}", terminal::summary(&plan, lang, &counts));
    if request.dry_run {
        println!("{}", t(lang, "import-dry-run"));
        return Ok(());
    }
    let version = crate::statements::version(conn, &statement.id, &statement.language)?
        .context("the statement has no text in its main language")?;
    let revision = crate::statements::current_revision(conn, &version)?;
    let fingerprint = plan.fingerprint();
    let import = Import {
        statement: &statement,
        revision: &revision,
        actor: &actor,
        read: &read,
        mapping: &mapping,
        mode: request.mode,
        expected: Some(&fingerprint),
    };
    let report = terminal::with_progress_bar(|progress| super::apply(conn, ctx, &import, progress))
        .map_err(|e| anyhow::anyhow!("{}: {e}", e.message(lang)))?;
    println!(
        "{}",
        t_args(
            lang,
            "signatures-done-imported",
            &[("count", report.created.into())]
        )
    );
    Ok(())
}
