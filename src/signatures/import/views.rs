//! The signature import pages: the list pasted or uploaded, the preview
//! (how the rows are taken in, the column mapping, the row-by-row report)
//! and the progress of the apply.

use maud::{Markup, html};

use super::{Layout, Mode, Plan};
use crate::i18n::{Lang, t, t_args, t_markup};
use crate::imports::views::{self as shared, Shown};
use crate::imports::{Column, State};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::layout::{coordinator, headed};

pub fn action(access: &Access, statement: &Statement) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/statements/{}/signatures/import", statement.id)
}

fn back(access: &Access, statement: &Statement) -> Markup {
    let slug = access.coalition_slug();
    html! {
        p.breadcrumbs { a href={ "/c/" (slug) "/statements/" (statement.id) "/signatures" } { (t(access.lang, "import-back")) } }
    }
}

fn mode_choice(lang: Lang, mode: Mode) -> Markup {
    html! {
        fieldset {
            legend { (t(lang, "import-mode")) }
            div.field.radio {
                input type="radio" id="mode-list" name="mode" value="list" checked[mode == Mode::List];
                label for="mode-list" { (t(lang, "import-mode-list")) }
            }
            div.field.radio {
                input type="radio" id="mode-confirm" name="mode" value="confirm" checked[mode == Mode::Confirm];
                label for="mode-confirm" { (t(lang, "import-mode-confirm")) }
            }
        }
    }
}

pub fn start(access: &Access, statement: &Statement, problem: Option<&str>) -> Markup {
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "import-title"),
        html! {
            (back(access, statement))
            h1 { (t(lang, "import-title")) }
            p { (t(lang, "import-intro")) }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            (shared::upload_forms(access, &action(access, statement), &t(lang, "import-csv"), ""))
        },
    )
}

/// What the preview shows besides the plan.
pub struct Shape<'a> {
    pub layout: Layout,
    pub samples: &'a [Vec<String>],
    pub mode: Mode,
    pub shown: &'a Shown,
}

pub fn preview(
    access: &Access,
    statement: &Statement,
    upload: &str,
    plan: &Plan,
    shape: &Shape<'_>,
) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{upload}", action(access, statement));
    let problem = plan.mapping.problem();
    let (good, bad) = (plan.created(), plan.rejected());
    let mut keep = plan.mapping.pairs();
    keep.push(("mode".into(), shape.mode.as_str().into()));
    let columns: Vec<String> = super::plan::shown_fields(&plan.mapping)
        .map(|f| f.label(lang))
        .collect();
    coordinator(
        access,
        &t(lang, "import-preview-title"),
        html! {
            p.breadcrumbs { a href=(action(access, statement)) { (t(lang, "import-again")) } }
            h1 { (t(lang, "import-preview-heading")) }
            p role="status" { (t_markup(lang, "import-preview-summary", &[], &[("good", html! { strong { (good) } }), ("bad", html! { strong { (bad) } })])) }
            @if plan.merged() > 0 { p { (t_args(lang, "import-merged-summary", &[("count", plan.merged().into())])) } }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem.message(lang)) } } }
            h2 { (t(lang, "import-columns")) }
            @match shape.layout {
                Layout::Lines => p { (t(lang, "import-layout-lines")) },
                Layout::Cells => p { (t(lang, "import-layout-cells")) },
                Layout::Header => {},
            }
            (shared::mapping_form(access, &here, &plan.headers, &plan.mapping, shape.samples, mode_choice(lang, shape.mode)))
            (shared::apply_form(access, &here, plan, &keep, problem.is_none() && good > 0, &t_args(lang, "import-submit", &[("count", good.into())])))
            h2 { (t(lang, "import-report")) }
            (shared::report(access, &here, plan, &columns, &keep, shape.shown))
        },
    )
}

pub fn progress(access: &Access, statement: &Statement, upload: &str, state: &State) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{upload}/progress", action(access, statement));
    let done = |report: &crate::imports::Report| {
        html! {
            p.notice role="status" { (t_args(lang, "signatures-done-imported", &[("count", report.created.into())])) }
            (back(access, statement))
        }
    };
    headed(
        access,
        &t(lang, "import-progress-title"),
        html! {
            (shared::progress(access, &here, state, done, &action(access, statement)))
        },
    )
}
