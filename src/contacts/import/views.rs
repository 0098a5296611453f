//! The import pages: the upload form, the preview (mapping and per-row
//! report) and the progress of the apply.

use maud::{Markup, html};

use super::{Plan, State, Verdict};
use crate::contacts::fields::Field;
use crate::contacts::views::base;
use crate::i18n::{t, t_args};
use crate::web::access::Access;
use crate::web::assets::PROGRESS_SCRIPT_PATH;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

/// Report rows per page.
const ROWS_PER_PAGE: usize = 200;

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

    fn wants(&self, verdict: &Verdict) -> bool {
        match verdict {
            Verdict::Create(_) => self.only.is_empty() || self.only == "create",
            Verdict::Update(..) => self.only.is_empty() || self.only == "update",
            Verdict::Merged(_) => self.only.is_empty() || self.only == "merge",
            Verdict::Reject(_) => self.only.is_empty() || self.only == "reject",
        }
    }
}

pub fn start(access: &Access, problem: Option<&str>) -> Markup {
    let lang = access.lang;
    let action = format!("{}/import", base(access));
    coordinator(
        access,
        &t(lang, "contacts-import-title"),
        html! {
            p.breadcrumbs { a href=(base(access)) { (t(lang, "contacts-back")) } }
            h1 { (t(lang, "contacts-import-title")) }
            p { (t(lang, "contacts-import-intro")) }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            h2 { (t(lang, "contacts-import-file-heading")) }
            form method="post" enctype="multipart/form-data" action={ (action) "?csrf=" (access.csrf) } {
                div.field {
                    label for="file" { (t(lang, "contacts-import-file")) }
                    input id="file" name="file" type="file" accept=".csv,.txt,.tsv,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" required;
                }
                button type="submit" { (t(lang, "contacts-import-preview")) }
            }
            h2 { (t(lang, "contacts-import-paste-heading")) }
            form method="post" action=(action) {
                (csrf_field(&access.csrf))
                div.field {
                    label for="csv" { (t(lang, "contacts-import-paste")) }
                    textarea id="csv" name="csv" rows="10" {}
                }
                button type="submit" { (t(lang, "contacts-import-preview")) }
            }
        },
    )
}

fn mapping_form(access: &Access, here: &str, plan: &Plan, samples: &[Vec<String>]) -> Markup {
    let lang = access.lang;
    html! {
        form method="get" action=(here) {
            div.table-scroll {
                table {
                    thead { tr { th { (t(lang, "contacts-import-column")) } th { (t(lang, "contacts-import-examples")) } th { (t(lang, "contacts-import-field")) } } }
                    tbody {
                        @for (i, header) in plan.headers.iter().enumerate() {
                            tr {
                                td { (header) }
                                td { @for s in samples { @if let Some(cell) = s.get(i) { span.sample { (cell) } " " } } }
                                td {
                                    label.visually-hidden for={ "col" (i) } { (t_args(lang, "contacts-import-field-of", &[("column", header.as_str().into())])) }
                                    select id={ "col" (i) } name={ "col" (i) } {
                                        option value="ignore" { (t(lang, "contacts-import-ignore")) }
                                        @for field in Field::ALL {
                                            option value=(field.as_str()) selected[plan.mapping.0.get(i) == Some(&Some(field))] { (field.label(lang)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            button.secondary type="submit" { (t(lang, "contacts-import-remap")) }
        }
    }
}

fn report(access: &Access, here: &str, plan: &Plan, shown: &Shown) -> Markup {
    let lang = access.lang;
    let mapping_query = serde_urlencoded::to_string(plan.mapping.pairs()).unwrap_or_default();
    let link = |only: &str, page: usize| format!("{here}?{mapping_query}&show={only}&page={page}");
    let rows: Vec<_> = plan
        .rows
        .iter()
        .filter(|r| shown.wants(&r.verdict))
        .collect();
    let start = shown.page * ROWS_PER_PAGE;
    html! {
        nav.tabs aria-label=(t(lang, "contacts-import-report")) {
            a href=(link("", 0)) aria-current=[shown.only.is_empty().then_some("true")] { (t_args(lang, "contacts-import-all", &[("count", plan.rows.len().into())])) } " "
            a href=(link("create", 0)) aria-current=[(shown.only == "create").then_some("true")] { (t_args(lang, "contacts-import-created", &[("count", plan.created().into())])) } " "
            a href=(link("update", 0)) aria-current=[(shown.only == "update").then_some("true")] { (t_args(lang, "contacts-import-updated", &[("count", plan.updated().into())])) } " "
            @if plan.merged() > 0 {
                a href=(link("merge", 0)) aria-current=[(shown.only == "merge").then_some("true")] { (t_args(lang, "contacts-import-merged-count", &[("count", plan.merged().into())])) } " "
            }
            a href=(link("reject", 0)) aria-current=[(shown.only == "reject").then_some("true")] { (t_args(lang, "contacts-import-rejected-count", &[("count", plan.rejected().into())])) }
        }
        div.table-scroll {
            table.import-report {
                thead { tr { th { (t(lang, "contacts-import-line")) } th { (Field::Email.label(lang)) } th { (Field::Name.label(lang)) } th { (t(lang, "contacts-import-verdict")) } } }
                tbody {
                    @for r in rows.iter().skip(start).take(ROWS_PER_PAGE) {
                        tr {
                            td { (r.line) } td { (r.email) } td { (r.name) } td { (r.verdict.label(lang)) }
                        }
                    }
                }
            }
        }
        nav.pager aria-label=(t(lang, "contacts-pages")) {
            @if shown.page > 0 { a href=(link(&shown.only, shown.page - 1)) { (t(lang, "contacts-previous-page")) } " " }
            @if start + ROWS_PER_PAGE < rows.len() { a href=(link(&shown.only, shown.page + 1)) { (t(lang, "contacts-next-page")) } }
        }
    }
}

pub fn preview(
    access: &Access,
    upload: &str,
    plan: &Plan,
    samples: &[Vec<String>],
    shown: &Shown,
) -> Markup {
    let lang = access.lang;
    let here = format!("{}/import/{upload}", base(access));
    let problem = plan.mapping.problem();
    let writes = plan.created() + plan.updated();
    coordinator(
        access,
        &t(lang, "contacts-import-preview-title"),
        html! {
            p.breadcrumbs { a href={ (base(access)) "/import" } { (t(lang, "contacts-import-again")) } }
            h1 { (t(lang, "contacts-import-preview-title")) }
            p role="status" { (t_args(lang, "contacts-import-summary", &[("created", plan.created().into()), ("updated", plan.updated().into()), ("rejected", plan.rejected().into())])) }
            @if plan.merged() > 0 { p { (t_args(lang, "contacts-import-merged-summary", &[("count", plan.merged().into())])) } }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem.message(lang)) } } }
            h2 { (t(lang, "contacts-import-columns")) }
            (mapping_form(access, &here, plan, samples))
            form method="post" action=(here) {
                (csrf_field(&access.csrf))
                @for (name, value) in plan.mapping.pairs() { input type="hidden" name=(name) value=(value); }
                input type="hidden" name="plan" value=(plan.fingerprint());
                button type="submit" disabled[problem.is_some() || writes == 0] { (t_args(lang, "contacts-import-apply", &[("count", writes.into())])) }
            }
            h2 { (t(lang, "contacts-import-report")) }
            (report(access, &here, plan, shown))
        },
    )
}

pub fn progress(access: &Access, upload: &str, state: &State) -> Markup {
    let lang = access.lang;
    let here = format!("{}/import/{upload}/progress", base(access));
    coordinator(
        access,
        &t(lang, "contacts-import-progress-title"),
        html! {
            h1 { (t(lang, "contacts-import-progress-title")) }
            @match state {
                State::Running { done, total } => {
                    div data-progress=(format!("{here}.json")) {
                        label for="import-progress" { (t(lang, "contacts-import-running")) }
                        progress id="import-progress" max=((*total).max(1)) value=(done) { (done) " / " (total) }
                        p role="status" data-progress-text { (t_args(lang, "contacts-import-rows-done", &[("done", (*done).into()), ("total", (*total).into())])) }
                    }
                    p { a href=(here) { (t(lang, "contacts-import-refresh")) } }
                    script src=(PROGRESS_SCRIPT_PATH) defer {}
                }
                State::Done(report) => {
                    p.notice role="status" { (t_args(lang, "contacts-import-done", &[("created", report.created.into()), ("updated", report.updated.into()), ("rejected", report.rejected.into())])) }
                    p { a href=(base(access)) { (t(lang, "contacts-back")) } }
                }
                State::Failed(message) => {
                    div.error-summary role="alert" { p { (message) } }
                    p { a href={ (base(access)) "/import" } { (t(lang, "contacts-import-again")) } }
                }
            }
        },
    )
}
