//! The contacts import pages: the upload form, the preview (mapping and
//! per-row report) and the progress of the apply.

use maud::{Markup, html};

use super::{Plan, State};
use crate::contacts::fields::Field;
use crate::contacts::views::base;
use crate::i18n::{t, t_args};
use crate::imports::views::{self as shared, Shown};
use crate::web::access::Access;
use crate::web::layout::{coordinator, headed};

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
            (shared::upload_forms(access, &action, &t(lang, "contacts-import-paste"), ""))
        },
    )
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
    let pairs = plan.mapping.pairs();
    let columns = [Field::Email.label(lang), Field::Name.label(lang)];
    coordinator(
        access,
        &t(lang, "contacts-import-preview-title"),
        html! {
            p.breadcrumbs { a href={ (base(access)) "/import" } { (t(lang, "import-again")) } }
            h1 { (t(lang, "contacts-import-preview-title")) }
            p role="status" { (t_args(lang, "contacts-import-summary", &[("created", plan.created().into()), ("updated", plan.updated().into()), ("rejected", plan.rejected().into())])) }
            @if plan.merged() > 0 { p { (t_args(lang, "import-merged-summary", &[("count", plan.merged().into())])) } }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem.message(lang)) } } }
            h2 { (t(lang, "import-columns")) }
            (shared::mapping_form(access, &here, &plan.headers, &plan.mapping, samples, html! {}))
            (shared::apply_form(access, &here, plan, &pairs, problem.is_none() && writes > 0, &t_args(lang, "contacts-import-apply", &[("count", writes.into())])))
            h2 { (t(lang, "import-report")) }
            (shared::report(access, &here, plan, &columns, &pairs, shown))
        },
    )
}

pub fn progress(access: &Access, upload: &str, state: &State) -> Markup {
    let lang = access.lang;
    let here = format!("{}/import/{upload}/progress", base(access));
    let done = |report: &crate::imports::Report| {
        html! {
            p.notice role="status" { (t_args(lang, "contacts-import-done", &[("created", report.created.into()), ("updated", report.updated.into()), ("rejected", report.rejected.into())])) }
            p { a href=(base(access)) { (t(lang, "contacts-back")) } }
        }
    };
    headed(
        access,
        &t(lang, "contacts-import-progress-title"),
        html! {
            (shared::progress(access, &here, state, done, &format!("{}/import", base(access))))
        },
    )
}
