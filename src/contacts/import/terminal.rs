//! `undersigned contacts import FILE --coalition SLUG [--dry-run]`: the
//! same plan as the web preview, printed, then applied with a progress bar.

use std::path::Path;

use anyhow::Context;

use super::{Mapping, Plan};
use crate::audit::Actor;
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args};
use crate::imports::terminal;

/// The preview summary: the columns, the counts and every rejected row.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let counts = t_args(
        lang,
        "contacts-import-summary",
        &[
            ("created", plan.created().into()),
            ("updated", plan.updated().into()),
            ("rejected", plan.rejected().into()),
        ],
    );
    terminal::summary(plan, lang, &counts)
}

/// Imports `file` into the coalition `slug`; with `dry_run` only prints
/// what would happen.
pub fn run(conn: &mut DbConn, file: &Path, slug: &str, dry_run: bool) -> anyhow::Result<()> {
    let lang = Lang::En;
    let coalition = crate::coalitions::find_by_slug(conn, slug)?
        .with_context(|| format!("no coalition has the slug {slug}"))?;
    let bytes =
        std::fs::read(file).with_context(|| format!("could not read {}", file.display()))?;
    let text = crate::imports::decode(bytes).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let (headers, records) =
        crate::imports::with_header(&text).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let mapping = Mapping::guess(&headers);
    let plan = super::plan(conn, &coalition.id, &headers, &records, &mapping)?;
    print!("{}", summary(&plan, lang));
    if let Some(problem) = mapping.problem() {
        anyhow::bail!(problem.message(lang));
    }
    if dry_run {
        println!("{}", t(lang, "import-dry-run"));
        return Ok(());
    }
    let fingerprint = plan.fingerprint();
    let report = terminal::with_progress_bar(|progress| {
        super::apply(
            conn,
            &coalition.id,
            &Actor::System,
            (&headers, &records),
            &mapping,
            Some(&fingerprint),
            progress,
        )
    })
    .map_err(|e| anyhow::anyhow!("{}: {e}", e.message(lang)))?;
    println!(
        "{}",
        t_args(
            lang,
            "contacts-import-done",
            &[
                ("created", report.created.into()),
                ("updated", report.updated.into()),
                ("rejected", report.rejected.into()),
            ],
        )
    );
    Ok(())
}
