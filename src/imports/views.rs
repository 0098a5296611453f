//! The parts of the import pages both areas share: the upload forms, the
//! column mapping, the row-by-row report and the progress of the apply.

use maud::{Markup, html};

use super::columns::{Column, Mapping, column_label, ignored};
use super::plan::{Plan, Reason, Verdict};
use super::{Report, State};
use crate::i18n::{t, t_args};
use crate::web::access::Access;
use crate::web::assets::PROGRESS_SCRIPT_PATH;
use crate::web::forms::csrf_field;

/// Report rows per page.
const ROWS_PER_PAGE: usize = 200;
/// Rows whose cells the mapping shows as examples.
pub const SAMPLES: usize = 3;

/// Which rows of the report are shown.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// "create", "update", "merge", "reject" or "" for all.
    pub only: String,
    pub page: usize,
}

impl Shown {
    pub fn from_query(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        Self {
            only: get("show")
                .filter(|s| ["create", "update", "merge", "reject"].contains(s))
                .unwrap_or_default()
                .to_owned(),
            page: get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        }
    }

    fn wants<V, R: Reason>(&self, verdict: &Verdict<V, R>) -> bool {
        self.only.is_empty() || self.only == verdict.code()
    }
}

/// A file upload, then a paste box, both sent to `action`.
pub fn upload_forms(access: &Access, action: &str, paste_label: &str, pasted: &str) -> Markup {
    let lang = access.lang;
    html! {
        h2 { (t(lang, "import-file-heading")) }
        form method="post" enctype="multipart/form-data" action={ (action) "?csrf=" (access.csrf) } {
            div.field {
                label for="file" { (t(lang, "import-file")) }
                input id="file" name="file" type="file" accept=".csv,.txt,.tsv,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" required;
            }
            button type="submit" { (t(lang, "import-preview-file")) }
        }
        h2 { (t(lang, "import-paste-heading")) }
        form method="post" action=(action) {
            (csrf_field(&access.csrf))
            div.field {
                label for="csv" { (paste_label) }
                textarea id="csv" name="csv" rows="12" { (pasted) }
            }
            button type="submit" { (t(lang, "import-preview-paste")) }
        }
    }
}

/// The mapping of each column, with its first values, as a form that shows
/// the preview again; `before` are the area's other choices, in the form.
pub fn mapping_form<F: Column>(
    access: &Access,
    here: &str,
    headers: &[String],
    mapping: &Mapping<F>,
    samples: &[Vec<String>],
    before: Markup,
) -> Markup {
    let lang = access.lang;
    html! {
        form method="get" action=(here) {
            (before)
            div.table-scroll {
                table.mapping {
                    thead { tr { th { (t(lang, "import-column")) } th { (t(lang, "import-examples")) } th { (t(lang, "import-field")) } } }
                    tbody {
                        @for i in 0..mapping.0.len() {
                            @let label = column_label(lang, headers, i);
                            tr {
                                td { (label) }
                                td { ul.samples { @for s in samples { @if let Some(cell) = s.get(i).filter(|c| !c.trim().is_empty()) { li { (cell) } } } } }
                                td {
                                    label.visually-hidden for={ "col" (i) } { (t_args(lang, "import-field-of", &[("column", label.as_str().into())])) }
                                    select id={ "col" (i) } name={ "col" (i) } {
                                        option value="ignore" { (ignored(lang)) }
                                        @for field in F::ALL {
                                            option value=(field.as_str()) selected[mapping.0.get(i) == Some(&Some(*field))] { (field.label(lang)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            button.secondary type="submit" { (t(lang, "import-remap")) }
        }
    }
}

/// The form that applies the plan as previewed: `keep` carries the mapping
/// and other choices, and the plan's fingerprint stops the apply if the
/// rows have changed since. Without `can_apply` the button is disabled.
pub fn apply_form<F: Column, V, R: Reason>(
    access: &Access,
    here: &str,
    plan: &Plan<F, V, R>,
    keep: &[(String, String)],
    can_apply: bool,
    label: &str,
) -> Markup {
    html! {
        form method="post" action=(here) {
            (csrf_field(&access.csrf))
            @for (name, value) in keep { input type="hidden" name=(name) value=(value); }
            input type="hidden" name="plan" value=(plan.fingerprint());
            button type="submit" disabled[!can_apply] { (label) }
        }
    }
}

/// The verdict of every row, by kind and page; `columns` head the cells
/// the area chose to show, `keep` carries the mapping and other choices.
pub fn report<F: Column, V, R: Reason>(
    access: &Access,
    here: &str,
    plan: &Plan<F, V, R>,
    columns: &[String],
    keep: &[(String, String)],
    shown: &Shown,
) -> Markup {
    let lang = access.lang;
    let query = serde_urlencoded::to_string(keep).unwrap_or_default();
    let link = |only: &str, page: usize| format!("{here}?{query}&show={only}&page={page}");
    let rows: Vec<_> = plan
        .rows
        .iter()
        .filter(|r| shown.wants(&r.verdict))
        .collect();
    let start = shown.page * ROWS_PER_PAGE;
    let tab = |only: &str, id: &str, count: usize| {
        html! {
            a href=(link(only, 0)) aria-current=[(shown.only == only).then_some("true")] { (t_args(lang, id, &[("count", count.into())])) } " "
        }
    };
    html! {
        nav.tabs aria-label=(t(lang, "import-report")) {
            (tab("", "import-all", plan.rows.len()))
            (tab("create", "import-created", plan.created()))
            @if plan.updated() > 0 { (tab("update", "import-updated", plan.updated())) }
            @if plan.merged() > 0 { (tab("merge", "import-merged", plan.merged())) }
            (tab("reject", "import-rejected", plan.rejected()))
        }
        div.table-scroll {
            table.import-report {
                thead { tr { th { (t(lang, "import-line")) } @for c in columns { th { (c) } } th { (t(lang, "import-verdict")) } } }
                tbody {
                    @for r in rows.iter().skip(start).take(ROWS_PER_PAGE) {
                        tr {
                            td { (r.line) }
                            @for cell in &r.cells { td { (cell) } }
                            td {
                                @if let Verdict::Reject(_) = r.verdict { span.field-error { (r.verdict.label(lang)) } }
                                @else { (r.verdict.label(lang)) }
                            }
                        }
                    }
                }
            }
        }
        nav.pager aria-label=(t(lang, "import-pages")) {
            @if shown.page > 0 { a href=(link(&shown.only, shown.page - 1)) { (t(lang, "import-previous-page")) } " " }
            @if start + ROWS_PER_PAGE < rows.len() { a href=(link(&shown.only, shown.page + 1)) { (t(lang, "import-next-page")) } }
        }
    }
}

/// The apply as it runs, then how it ended: `done` says what a finished
/// import did, `again` is where to start another.
pub fn progress(
    access: &Access,
    here: &str,
    state: &State,
    done: impl FnOnce(&Report) -> Markup,
    again: &str,
) -> Markup {
    let lang = access.lang;
    html! {
        @match state {
            State::Running { done, total } => {
                div data-progress=(format!("{here}.json")) {
                    label for="import-progress" { (t(lang, "import-running")) }
                    progress id="import-progress" max=((*total).max(1)) value=(done) { (done) " / " (total) }
                    p role="status" data-progress-text { (t_args(lang, "import-rows-done", &[("done", (*done).into()), ("total", (*total).into())])) }
                }
                p { a href=(here) { (t(lang, "import-refresh")) } }
                script src=(*PROGRESS_SCRIPT_PATH) defer {}
            }
            State::Done(report) => { (done(report)) }
            State::Failed(message) => {
                div.error-summary role="alert" { p { (message) } }
                p { a href=(again) { (t(lang, "import-again")) } }
            }
        }
    }
}
