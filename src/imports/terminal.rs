//! The command-line side of an import: the preview printed, and a progress
//! bar while the apply runs.

use super::columns::{Column, column_label, ignored};
use super::plan::{Plan, Reason, Verdict};
use crate::i18n::{Lang, t, t_args};

/// The columns and their fields, every merged or rejected row, then
/// `counts` (the area's summary line).
pub fn summary<F: Column, V, R: Reason>(plan: &Plan<F, V, R>, lang: Lang, counts: &str) -> String {
    let mut out = String::new();
    out.push_str(&t(lang, "import-columns"));
    out.push('\n');
    for (i, field) in plan.mapping.0.iter().enumerate() {
        let target = field.map_or_else(|| ignored(lang), |f| f.label(lang));
        let column = column_label(lang, &plan.headers, i);
        out.push_str(&format!("  {column} -> {target}\n"));
    }
    if let Some(problem) = plan.mapping.problem() {
        out.push_str(&problem.message(lang));
        out.push('\n');
    }
    for row in &plan.rows {
        if let Verdict::Reject(_) | Verdict::Merged(_) = row.verdict {
            let line = t_args(lang, "import-terminal-line", &[("line", row.line.into())]);
            let cells = row.cells.join(" ");
            out.push_str(&format!("  {line}: {cells} {}\n", row.verdict.label(lang)));
        }
    }
    out.push_str(counts);
    out.push('\n');
    if plan.merged() > 0 {
        out.push_str(&t_args(
            lang,
            "import-merged-summary",
            &[("count", plan.merged().into())],
        ));
        out.push('\n');
    }
    out
}

/// Runs an apply with a progress bar on the terminal, which `apply`
/// reports to; the bar is cleared once the apply has succeeded.
pub fn with_progress_bar<T, E>(
    apply: impl FnOnce(&(dyn Fn(usize, usize) + Sync)) -> Result<T, E>,
) -> Result<T, E> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let shown = bar.clone();
    let report = move |done: usize, total: usize| {
        shown.set_length(total as u64);
        shown.set_position(done as u64);
    };
    let done = apply(&report)?;
    bar.finish_and_clear();
    Ok(done)
}
