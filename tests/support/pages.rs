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
