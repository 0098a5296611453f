//! Readers for the HTML the app answers with: form tokens, field errors,
//! lists and links, as a person would find them on the page.

/// The CSRF token of the first form on a page.
pub fn csrf_in(page: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')?;
    Some(page[start..start + end].to_owned())
}

/// The message shown next to the field `name`, if any.
pub fn field_error(page: &str, name: &str) -> Option<String> {
    let marker = format!("id=\"{name}-error\">");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..].find('<')?;
    Some(unescape(&page[start..start + end]))
}

/// The text of each `<li>` of every `<{tag} class="{class}">` on a page,
/// one list per element.
pub fn lists(page: &str, tag: &str, class: &str) -> Vec<Vec<String>> {
    let open = format!("<{tag} class=\"{class}\">");
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let end = after.find(&close).expect("a closed list");
        found.push(
            after[..end]
                .split("<li>")
                .skip(1)
                .map(|item| unescape(item.split("</li>").next().unwrap_or_default()))
                .collect(),
        );
        rest = &after[end..];
    }
    found
}

/// The names on the public page's "Signed by" lists, one list per section.
pub fn signed_by(page: &str) -> Vec<Vec<String>> {
    lists(page, "ul", "signatories")
}

/// The `href` of the `rel="next"` link, if any.
pub fn next_link(page: &str) -> Option<String> {
    let marker = "rel=\"next\" href=\"";
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')?;
    Some(unescape(&page[start..start + end]))
}

/// Undoes the escaping maud applies to text and attributes.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The value of the hidden field `name` on a page.
pub fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!("type=\"hidden\" name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..].find('"')?;
    Some(unescape(&page[start..start + end]))
}

/// The rows of the import report: line | the cells shown | verdict.
pub fn report_rows(page: &str) -> Vec<String> {
    page.split("import-report\">")
        .nth(1)
        .map(table_rows)
        .unwrap_or_default()
}

/// The text inside every `<tag>…</tag>` on a page.
pub fn tagged(page: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    page.split(&open)
        .skip(1)
        .map(|part| unescape(part.split(&close).next().unwrap_or_default()))
        .collect()
}

/// The raw HTML of each cell of each row of the first table body on a page.
pub fn table_cells(page: &str) -> Vec<Vec<&str>> {
    let Some(body) = page.split("<tbody>").nth(1) else {
        return Vec::new();
    };
    let body = body.split("</tbody>").next().unwrap_or_default();
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td>")
                .skip(1)
                .map(|cell| cell.split("</td>").next().unwrap_or_default())
                .collect()
        })
        .collect()
}

/// The rows of the first table body on a page, each as its cells' text
/// joined by " | ".
pub fn table_rows(page: &str) -> Vec<String> {
    table_cells(page)
        .into_iter()
        .map(|cells| {
            cells
                .into_iter()
                .map(text_of)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// The text of some HTML: tags dropped, entities undone, spaces collapsed.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a mail's text, one space between each: what a reader
/// reads, whatever the line wrapping.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
