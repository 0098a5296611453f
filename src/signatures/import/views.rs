use maud::{Markup, html};

use super::Preview;
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

fn action(access: &Access, statement: &Statement) -> String {
    let slug = access
        .membership
        .as_ref()
        .map(|m| m.coalition.slug.as_str())
        .unwrap_or_default();
    format!("/c/{slug}/statements/{}/signatures/import", statement.id)
}

fn mode_choice(mode: &str) -> Markup {
    html! {
        fieldset {
            legend { "How to take the rows in" }
            div.field.radio {
                input type="radio" id="mode-list" name="mode" value="list" checked[mode != "confirm"];
                label for="mode-list" { "List them at once, shown as \u{201c}added by coordinator\u{201d}" }
            }
            div.field.radio {
                input type="radio" id="mode-confirm" name="mode" value="confirm" checked[mode == "confirm"];
                label for="mode-confirm" { "Send each a confirmation mail; listed once confirmed" }
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
    coordinator(
        access,
        "Import signatures",
        html! {
            h1 { "Import signatures" }
            p { "Paste the list from the spreadsheet you used before, saved as CSV: a header line, then one organization per line. Columns are recognized by their names in English or Spanish: organization/organización, country/país (code or name), website/sitio web, email/correo, contact/contacto, title/cargo." }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            form method="post" action=(action(access, statement)) {
                (csrf_field(&access.csrf))
                input type="hidden" name="step" value="preview";
                div.field {
                    label for="csv" { "The list (CSV, comma, semicolon or tab separated)" }
                    textarea id="csv" name="csv" rows="14" aria-invalid=[problem.map(|_| "true")] { (csv) }
                }
                (mode_choice(mode))
                button type="submit" { "Preview" }
            }
        },
    )
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
    coordinator(
        access,
        "Import preview",
        html! {
            h1 { "Preview of the import" }
            p { strong { (good) } " rows will be imported; " strong { (bad) } " rows have a problem and will be left out. Nothing has changed yet." }
            h2 { "Columns" }
            dl.facts {
                dt { "Organization" } dd { (column(preview.mapping.name)) }
                dt { "Country" } dd { (column(preview.mapping.country)) }
                dt { "Website" } dd { (column(preview.mapping.website)) }
                dt { "Email" } dd { (column(preview.mapping.email)) }
                dt { "Contact" } dd { (column(preview.mapping.signer_name)) }
                dt { "Title" } dd { (column(preview.mapping.signer_title)) }
            }
            form method="post" action=(action(access, statement)) {
                (csrf_field(&access.csrf))
                input type="hidden" name="step" value="apply";
                input type="hidden" name="csv" value=(csv);
                (mode_choice(mode))
                button type="submit" disabled[good == 0] { "Import " (good) " rows" }
            }
            div.table-scroll {
                table {
                    thead { tr { th { "Line" } th { "Organization" } th { "Email" } th { "Verdict" } } }
                    tbody {
                        @for r in &preview.rows {
                            tr {
                                td { (r.line) }
                                td { (r.name) }
                                td { (r.email) }
                                td { @match &r.outcome { Ok(_) => { "will be imported" }, Err(why) => { span.field-error { (why) } } } }
                            }
                        }
                    }
                }
            }
        },
    )
}
