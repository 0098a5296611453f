use maud::{Markup, html};

use super::{Layout, Preview};
use crate::i18n::{Lang, t, t_args, t_markup};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

fn action(access: &Access, statement: &Statement) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/statements/{}/signatures/import", statement.id)
}

fn mode_choice(lang: Lang, mode: &str) -> Markup {
    html! {
        fieldset {
            legend { (t(lang, "import-mode")) }
            div.field.radio {
                input type="radio" id="mode-list" name="mode" value="list" checked[mode != "confirm"];
                label for="mode-list" { (t(lang, "import-mode-list")) }
            }
            div.field.radio {
                input type="radio" id="mode-confirm" name="mode" value="confirm" checked[mode == "confirm"];
                label for="mode-confirm" { (t(lang, "import-mode-confirm")) }
            }
        }
    }
}

pub fn form(
    access: &Access,
    statement: &Statement,
    csv: &str,
    mode: &str,
    problem: Option<&str>,
) -> Markup {
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "import-title"),
        html! {
            h1 { (t(lang, "import-title")) }
            p { (t(lang, "import-intro")) }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            form method="post" action=(action(access, statement)) {
                (csrf_field(&access.csrf))
                input type="hidden" name="step" value="preview";
                div.field {
                    label for="csv" { (t(lang, "import-csv")) }
                    textarea id="csv" name="csv" rows="14" aria-invalid=[problem.map(|_| "true")] { (csv) }
                }
                (mode_choice(lang, mode))
                button type="submit" { (t(lang, "import-preview")) }
            }
        },
    )
}

/// A country as the page's language names it, or as written when it is
/// not one.
fn country_shown(lang: Lang, written: &str) -> String {
    match crate::i18n::country_from_code_or_name(written) {
        Some(code) => crate::i18n::country_name(&code, lang).to_owned(),
        None => written.to_owned(),
    }
}

pub fn preview(
    access: &Access,
    statement: &Statement,
    csv: &str,
    mode: &str,
    preview: &Preview,
) -> Markup {
    let good = preview.rows.iter().filter(|r| r.outcome.is_ok()).count();
    let bad = preview.rows.len() - good;
    let column = |i: Option<usize>| {
        i.and_then(|i| preview.headers.get(i))
            .cloned()
            .unwrap_or_else(|| "—".into())
    };
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "import-preview-title"),
        html! {
            h1 { (t(lang, "import-preview-heading")) }
            p { (t_markup(lang, "import-preview-summary", &[], &[("good", html! { strong { (good) } }), ("bad", html! { strong { (bad) } })])) }
            h2 { (t(lang, "import-columns")) }
            @match preview.layout {
                Layout::Lines => p { (t(lang, "import-layout-lines")) },
                Layout::Cells => p { (t(lang, "import-layout-cells")) },
                Layout::Header => {},
            }
            @if preview.layout == Layout::Header { dl.facts {
                dt { (t(lang, "import-column-organization")) } dd { (column(preview.mapping.name)) }
                dt { (t(lang, "import-column-country")) } dd { (column(preview.mapping.country)) }
                dt { (t(lang, "import-column-website")) } dd { (column(preview.mapping.website)) }
                dt { (t(lang, "import-column-email")) } dd { (column(preview.mapping.email)) }
                dt { (t(lang, "import-column-contact")) } dd { (column(preview.mapping.signer_name)) }
                dt { (t(lang, "import-column-title")) } dd { (column(preview.mapping.signer_title)) }
            } }
            form method="post" action=(action(access, statement)) {
                (csrf_field(&access.csrf))
                input type="hidden" name="step" value="apply";
                input type="hidden" name="csv" value=(csv);
                (mode_choice(lang, mode))
                button type="submit" disabled[good == 0] { (t_args(lang, "import-submit", &[("count", good.into())])) }
            }
            div.table-scroll {
                table {
                    thead { tr { th { (t(lang, "import-line")) } th { (t(lang, "import-column-organization")) } th { (t(lang, "import-column-country")) } th { (t(lang, "import-column-email")) } th { (t(lang, "import-verdict")) } } }
                    tbody {
                        @for r in &preview.rows {
                            tr {
                                td { (r.line) }
                                td { (r.name) }
                                td { (country_shown(lang, &r.country)) }
                                td { (r.email) }
                                td { @match &r.outcome { Ok(_) => { (t(lang, "import-will-be-imported")) }, Err(why) => { span.field-error { (why.message(lang)) } } } }
                            }
                        }
                    }
                }
            }
        },
    )
}
