//! `undersigned contacts import FILE --coalition SLUG [--dry-run]`: the
//! same plan as the web preview, printed, then applied with a progress bar.

use std::path::Path;

use anyhow::Context;

use super::{Mapping, Plan, Verdict};
use crate::audit::Actor;
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args};

/// The preview summary: the columns, the counts and every rejected row.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&t(lang, "contacts-import-columns"));
    out.push('\n');
    for (header, field) in plan.headers.iter().zip(&plan.mapping.0) {
        let target = field.map_or_else(|| t(lang, "contacts-import-ignore"), |f| f.label(lang));
        out.push_str(&format!("  {header} -> {target}\n"));
    }
    if let Some(problem) = plan.mapping.problem() {
        out.push_str(&problem.message(lang));
        out.push('\n');
    }
    for row in &plan.rows {
        if let Verdict::Reject(_) | Verdict::Merged(_) = row.verdict {
            let label = row.verdict.label(lang);
            out.push_str(&format!("  line {}: {} {}\n", row.line, row.email, label));
        }
    }
    out.push_str(&t_args(
        lang,
        "contacts-import-summary",
        &[
            ("created", plan.created().into()),
            ("updated", plan.updated().into()),
            ("rejected", plan.rejected().into()),
        ],
    ));
    out.push('\n');
    if plan.merged() > 0 {
        out.push_str(&t_args(
            lang,
            "contacts-import-merged-summary",
            &[("count", plan.merged().into())],
        ));
        out.push('\n');
    }
    out
}

/// Imports `file` into the coalition `slug`; with `dry_run` only prints
/// what would happen.
pub fn run(conn: &mut DbConn, file: &Path, slug: &str, dry_run: bool) -> anyhow::Result<()> {
    let lang = Lang::En;
    let coalition = crate::coalitions::find_by_slug(conn, slug)?
        .with_context(|| format!("no coalition has the slug {slug}"))?;
    let bytes =
        std::fs::read(file).with_context(|| format!("could not read {}", file.display()))?;
    let text = super::decode(bytes).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let (headers, records) = super::read(&text).map_err(|p| anyhow::anyhow!(p.message(lang)))?;
    let mapping = Mapping::guess(&headers);
    let plan = super::plan(conn, &coalition.id, &headers, &records, &mapping)?;
    print!("{}", summary(&plan, lang));
    if let Some(problem) = mapping.problem() {
        anyhow::bail!(problem.message(lang));
    }
    if dry_run {
        println!("{}", t(lang, "contacts-import-dry-run"));
        return Ok(());
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let fingerprint = plan.fingerprint();
    let report = super::apply(
        conn,
        &coalition.id,
        &Actor::System,
        &text,
        &mapping,
        Some(&fingerprint),
        &progress,
    )
    .map_err(|e| anyhow::anyhow!("{}: {e}", e.message(lang)))?;
    bar.finish_and_clear();
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
