//! Markdown typed by coordinators, shown to everyone: rendered, then
//! sanitized, since Markdown lets raw HTML through by design.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::Builder;
use maud::PreEscaped;
use pulldown_cmark::{Event, Options, Parser, TagEnd};

use super::collapse_whitespace;

/// Every tag the sanitizer lets through; everything else is unwrapped to
/// its text, or dropped with its content for [`DROPPED_WITH_CONTENT`].
#[rustfmt::skip]
const TAGS: [&str; 28] = [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
    "em", "strong", "del", "code", "pre", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
    "div", "sup", // footnotes
];

/// Tags whose content is code or another document, not text to show.
const DROPPED_WITH_CONTENT: [&str; 5] = ["script", "style", "iframe", "noscript", "textarea"];

/// Prefixed to every `id` and in-page link, so that user content (footnotes)
/// cannot take over ids the page itself relies on.
const ID_PREFIX: &str = "user-content-";

/// The URL schemes a link in a mail may use; anything else loses its `href`.
const MAIL_LINK_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(sanitizer);
static MAIL_SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(mail_sanitizer);

/// How deeply the HTML of accepted Markdown may nest elements. Real texts
/// stay far below (a list five levels deep inside a quote is about 14);
/// the sanitizer's HTML parser takes time that grows with the square of
/// the depth, so 50,000 nested quotes cost seconds per rendering and this
/// bound keeps the worst 100,000-character text near 0.1 s.
pub const MAX_MARKDOWN_DEPTH: usize = 32;

/// Markdown typed by a user as safe HTML.
///
/// Rendered with tables, strikethrough and footnotes (no smart punctuation,
/// so quotes stay as typed), then sanitized: only structural and inline
/// formatting tags survive, no attribute can carry script, links may only use
/// http, https, mailto or a relative URL and get
/// `rel="nofollow noopener noreferrer"`, and images only load from http(s).
/// This is the only place user input becomes [`PreEscaped`].
///
/// Markdown nested deeper than [`MAX_MARKDOWN_DEPTH`] (which forms refuse,
/// but older rows may hold) is shown as its escaped text instead, so no
/// input costs more than a bounded time.
pub fn render_markdown(markdown: &str) -> PreEscaped<String> {
    let html = unsanitized_html(markdown);
    if html_depth_exceeds(&html, MAX_MARKDOWN_DEPTH) {
        return PreEscaped(as_escaped_paragraphs(markdown));
    }
    PreEscaped(SANITIZER.clean(&html).to_string())
}

/// Whether `markdown` nests deeper than [`MAX_MARKDOWN_DEPTH`] once
/// rendered, counting raw HTML tags too.
pub fn markdown_too_deep(markdown: &str) -> bool {
    html_depth_exceeds(&unsanitized_html(markdown), MAX_MARKDOWN_DEPTH)
}

fn unsanitized_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    tame(&html)
}

/// The HTML with what the sanitizer would drop anyway taken out before any
/// parser sees it: comments and bogus comments, script, style and the
/// other raw-text elements with their content, and the `svg` and `math`
/// tags (their content stays, as HTML). What is left has no raw text and
/// no foreign content, so [`html_depth_exceeds`] reads it as the parser
/// will.
fn tame(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut copied, mut at) = (0, 0);
    while let Some(offset) = bytes[at..].iter().position(|b| *b == b'<') {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let skip = if rest.starts_with(b"!--") {
            Some(1 + 3 + comment_length(&rest[3..]))
        } else if matches!(rest.first(), Some(b'!' | b'?'))
            || (rest.first() == Some(&b'/') && !rest.get(1).is_some_and(u8::is_ascii_alphabetic))
        {
            Some(
                1 + rest
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(rest.len(), |p| p + 1),
            )
        } else {
            dropped_element_length(rest).map(|length| 1 + length)
        };
        match skip {
            Some(length) => {
                out.push_str(&html[copied..start]);
                at = (start + length).min(html.len());
                copied = at;
            }
            None => at = start + 1,
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// After a `<`: how many bytes to drop for a raw-text element (the tag,
/// its content and its end tag), an `svg` or `math` tag, or a stray end
/// tag of either; `None` to keep what follows.
fn dropped_element_length(rest: &[u8]) -> Option<usize> {
    let closing = rest.first() == Some(&b'/');
    let name_start = usize::from(closing);
    if !rest.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_length = rest[name_start..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_length];
    let is = |tag: &str| tag.as_bytes().eq_ignore_ascii_case(name);
    let raw_text = is("script") || RAW_TEXT.iter().any(|tag| is(tag));
    if !(raw_text || is("svg") || is("math") || is("plaintext")) {
        return None;
    }
    let tag = name_start + name_length + tag_rest_length(&rest[name_start + name_length..]);
    if closing || is("svg") || is("math") {
        return Some(tag);
    }
    if is("plaintext") {
        return Some(rest.len());
    }
    let content = &rest[tag..];
    let text = if is("script") {
        script_length(content)
    } else {
        raw_text_length(content, name)
    };
    let end = &content[text..];
    let end_tag = if end.is_empty() {
        0
    } else {
        2 + name.len() + tag_rest_length(&end[2 + name.len()..])
    };
    Some(tag + text + end_tag)
}

/// Elements with no end tag, which never nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements that a new one of the same name closes (`<li>a<li>b`).
const SELF_CLOSING_SIBLINGS: [&str; 8] = ["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// Whether elements in `html` may nest deeper than `max` once an HTML
/// parser builds them: never less deep than a parser would. Tags are read
/// as the HTML tokenizer reads them (comments, bogus comments and quoted
/// attribute values hide what looks like a tag), and an end tag only
/// counts when it closes the innermost open element. One pass; it stops at
/// the first element past `max`.
fn html_depth_exceeds(html: &str, max: usize) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|b| *b == b'<') {
        at += offset + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at += comment_length(&rest[3..]) + 3;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        if !rest.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `<!…>`, `<?…>` and `</` without a letter are bogus comments
            // up to the next `>`; any other `<` is text.
            if closing || matches!(rest.first(), Some(b'!' | b'?')) {
                at += rest
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(rest.len(), |p| p + 1);
            }
            continue;
        }
        let name_length = rest[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(rest.len() - name_start);
        let name = &rest[name_start..name_start + name_length];
        at += name_start + name_length + tag_rest_length(&rest[name_start + name_length..]);
        let same = |other: &&[u8]| other.eq_ignore_ascii_case(name);
        if closing {
            // A parser may keep elements opened inside another one open
            // past its end tag (misnested formatting), so only the end tag
            // of the innermost element counts as closing anything.
            if open.last().is_some_and(same) {
                open.pop();
            }
        } else if !VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name)) {
            if SELF_CLOSING_SIBLINGS
                .iter()
                .any(|s| s.as_bytes().eq_ignore_ascii_case(name))
                && open.last().is_some_and(same)
            {
                open.pop();
            }
            open.push(name);
            if open.len() > max {
                return true;
            }
            // The content of these elements is text, not markup.
            let is = |tag: &[u8]| tag.eq_ignore_ascii_case(name);
            if is(b"script") {
                at += script_length(&bytes[at..]);
            } else if RAW_TEXT.iter().any(|tag| is(tag.as_bytes())) {
                at += raw_text_length(&bytes[at..], name);
            } else if is(b"plaintext") {
                return false;
            }
        }
    }
    false
}

/// Elements whose content is text up to their own end tag.
const RAW_TEXT: [&str; 8] = [
    "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// Whether `rest` starts with the end tag `</name` followed by whitespace,
/// `/` or `>`, as the tokenizer requires to leave raw text.
fn is_end_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 2
        && rest.starts_with(b"</")
        && rest[2..2 + name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[2 + name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

/// Bytes of raw text up to (not including) the end tag of `name`.
fn raw_text_length(rest: &[u8], name: &[u8]) -> usize {
    (0..rest.len())
        .find(|&i| is_end_tag(&rest[i..], name))
        .unwrap_or(rest.len())
}

/// Bytes of a script's content up to its end tag, with the tokenizer's
/// escaped states: after `<!--` a `<script` makes the next `</script` part
/// of the text, until `-->`.
fn script_length(rest: &[u8]) -> usize {
    let (mut escaped, mut double) = (false, false);
    let mut i = 0;
    while i < rest.len() {
        let tail = &rest[i..];
        if !escaped && tail.starts_with(b"<!--") {
            escaped = true;
            i += 4;
            continue;
        }
        if escaped && tail.starts_with(b"-->") {
            (escaped, double) = (false, false);
            i += 3;
            continue;
        }
        if is_end_tag(tail, b"script") {
            if !double {
                return i;
            }
            double = false;
        } else if escaped && !double && tail.len() > 7 && tail[0] == b'<' {
            let opens = tail[1..7].eq_ignore_ascii_case(b"script")
                && matches!(
                    tail[7],
                    b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
                );
            double = opens;
        }
        i += 1;
    }
    rest.len()
}

/// Bytes from just after `<!--` to just after the comment's end: `>` or
/// `->` at once, else the first `-->` or `--!>`, else the rest.
fn comment_length(rest: &[u8]) -> usize {
    if rest.starts_with(b">") {
        return 1;
    }
    if rest.starts_with(b"->") {
        return 2;
    }
    (0..rest.len())
        .find_map(|i| {
            let tail = &rest[i..];
            if tail.starts_with(b"-->") {
                Some(i + 3)
            } else if tail.starts_with(b"--!>") {
                Some(i + 4)
            } else {
                None
            }
        })
        .unwrap_or(rest.len())
}

/// Bytes from after a tag's name to just after its `>`: attribute values
/// in quotes may hold a `>`.
fn tag_rest_length(rest: &[u8]) -> usize {
    let mut i = 0;
    let mut after_equals = false;
    while i < rest.len() {
        match rest[i] {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                let value = &rest[i + 1..];
                i += value
                    .iter()
                    .position(|b| *b == quote)
                    .map_or(value.len(), |p| p + 1);
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    rest.len()
}

/// Text shown as typed, one paragraph per blank-line-separated block.
fn as_escaped_paragraphs(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 64);
    for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
        html.push_str("<p>");
        for c in block.chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                '\n' => html.push_str("<br>"),
                c => html.push(c),
            }
        }
        html.push_str("</p>\n");
    }
    html
}

/// The last pass over the HTML part of every mail, after every template and
/// Markdown pass: the tags of [`render_markdown`], links only to `https`,
/// `http`, `mailto`, `tel` or a fragment of the mail itself, images only from
/// `http(s)`. Whatever an earlier pass let through, nothing else leaves the
/// server in a mail.
pub fn sanitize_mail_html(html: &str) -> String {
    MAIL_SANITIZER.clean(html).to_string()
}

/// The same Markdown as plain text, for previews and Open Graph
/// descriptions: only the words are kept (raw HTML is left out), whitespace
/// is collapsed, and text longer than `max_chars` is cut at a word boundary
/// so that, with the "…" appended, it is at most `max_chars` characters.
pub fn markdown_excerpt(markdown: &str, max_chars: usize) -> String {
    cut_at_word(&plain_text(markdown), max_chars)
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The tags and attributes both sanitizers keep; each adds its own URL
/// rules.
fn common_sanitizer() -> Builder<'static> {
    let tag_attributes = HashMap::from([
        ("a", HashSet::from(["href"])),
        ("img", HashSet::from(["src", "alt"])),
        ("ol", HashSet::from(["start"])),
        ("div", HashSet::from(["id"])),
    ]);
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.into())
        .clean_content_tags(DROPPED_WITH_CONTENT.into())
        .generic_attributes(HashSet::from(["title"]))
        .tag_attributes(tag_attributes);
    builder
}

fn sanitizer() -> Builder<'static> {
    let footnote_classes = HashMap::from([
        ("div", HashSet::from(["footnote-definition"])),
        (
            "sup",
            HashSet::from(["footnote-reference", "footnote-definition-label"]),
        ),
    ]);
    let mut builder = common_sanitizer();
    builder
        .allowed_classes(footnote_classes)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("nofollow noopener noreferrer"))
        .attribute_filter(filter_attribute);
    builder
}

fn mail_sanitizer() -> Builder<'static> {
    let mut builder = common_sanitizer();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(filter_mail_attribute);
    builder
}

/// Relative URLs mean nothing in a mail, and a scheme-less value is where a
/// browser and a sanitizer may disagree, so only the allow-list passes.
fn filter_mail_attribute<'u>(
    element: &str,
    attribute: &str,
    value: &'u str,
) -> Option<Cow<'u, str>> {
    let allowed = match (element, attribute) {
        ("img", "src") => is_web_url(value),
        (_, "href") => {
            value.starts_with('#')
                || MAIL_LINK_SCHEMES.iter().any(|scheme| {
                    value
                        .get(..scheme.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
                })
        }
        _ => true,
    };
    allowed.then_some(Cow::Borrowed(value))
}

/// Runs after the sanitizer's own checks, on attributes it already allowed.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        // An image loads without a click, so relative and mailto URLs, which
        // links may use, are not enough of a promise here.
        ("img", "src") => is_web_url(value).then_some(Cow::Borrowed(value)),
        (_, "id") => Some(Cow::Owned(format!("{ID_PREFIX}{value}"))),
        ("a", "href") => match value.strip_prefix('#') {
            Some(fragment) => Some(Cow::Owned(format!("#{ID_PREFIX}{fragment}"))),
            None => Some(Cow::Borrowed(value)),
        },
        _ => Some(Cow::Borrowed(value)),
    }
}

fn is_web_url(url: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    })
}

fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            ref other if ends_words(other) => text.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&text)
}

/// Whether the event separates words, so that adjacent blocks do not run
/// together while `**bold**ly` stays one word.
fn ends_words(event: &Event) -> bool {
    match event {
        Event::SoftBreak | Event::HardBreak => true,
        Event::End(tag) => !matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    // One character is kept for the ellipsis.
    let Some(keep) = max_chars.checked_sub(1) else {
        return String::new();
    };
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut head = &text[..end];
    if !text[end..].starts_with(' ') {
        head = head.rfind(' ').map_or(head, |space| &head[..space]);
    }
    let head = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—')
    });
    format!("{head}…")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Markdown built from pieces that have broken sanitizers and renderers
    /// before, or any text at all.
    pub(crate) fn hostile_markdown() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<"),
            Just(">"),
            Just("> "),
            Just("- "),
            Just("1. "),
            Just("  "),
            Just("\n"),
            Just("\n\n"),
            Just("\""),
            Just("'"),
            Just("`"),
            Just("```\n"),
            Just("["),
            Just("]"),
            Just("("),
            Just(")"),
            Just("![x]("),
            Just("[x]("),
            Just("javascript:"),
            Just("JaVaScRiPt:alert(1)"),
            Just("&#106;avascript:"),
            Just("&#x6A;avascript:"),
            Just("java\tscript:"),
            Just("java\nscript:"),
            Just(" javascript:"),
            Just("vbscript:"),
            Just("data:text/html,"),
            Just("//evil.example"),
            Just(" onerror="),
            Just("<a href="),
            Just("<img src="),
            Just("<script>"),
            Just("</script>"),
            Just("<svg onload=alert(1)>"),
            Just("<span>"),
            Just("</span>"),
            Just("<div>"),
            Just("</div>"),
            Just("<b>"),
            Just("<!--"),
            Just("-->"),
            Just("\\"),
            Just("*"),
            Just("_"),
            Just("|"),
            Just("[^1]"),
            Just("[^1]: "),
            Just("<https://e.org>"),
            Just("<mailto:a@e.org>"),
            Just("x"),
        ];
        prop_oneof![
            proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat()),
            "\\PC{0,300}",
            (
                1usize..200,
                prop_oneof![Just("> "), Just("- "), Just("<div>"), Just("> - ")]
            )
                .prop_map(|(n, open)| format!("{}x", open.repeat(n))),
        ]
    }

    /// Texts up to the 100,000 characters a statement may have: a few
    /// hostile pieces repeated, the shape that makes parsers slow.
    fn large_hostile_markdown() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(hostile_markdown(), 1..4),
            1usize..20_000,
        )
            .prop_map(|(pieces, times)| {
                let unit = pieces.concat();
                let times = times.min(100_000 / unit.len().max(1));
                unit.repeat(times)
            })
    }

    /// Every `href` and `src` value of the HTML a sanitizer wrote (double
    /// quotes, entities for `&` and `"`).
    pub(crate) fn urls(html: &str) -> Vec<String> {
        tags(html)
            .iter()
            .flat_map(|tag| {
                ["href=\"", "src=\""]
                    .into_iter()
                    .filter_map(move |attribute| {
                        let start = tag.find(attribute)? + attribute.len();
                        let value = &tag[start..];
                        Some(value[..value.find('"').unwrap_or(value.len())].replace("&amp;", "&"))
                    })
            })
            .collect()
    }

    /// A URL's scheme, lower case, as a browser reads it: tabs and line
    /// breaks removed, leading spaces and controls trimmed, then a letter
    /// followed by letters, digits, `+`, `-` or `.` up to a `:`.
    pub(crate) fn scheme(url: &str) -> Option<String> {
        let url: String = url
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let url = url.trim_start_matches(|c: char| c <= ' ');
        let end = url.find(':')?;
        let candidate = &url[..end];
        let mut chars = candidate.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        valid.then(|| candidate.to_ascii_lowercase())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn page_markdown_links_only_to_allowed_schemes_and_nests_within_the_bound(
            markdown in hostile_markdown(),
        ) {
            let output = html(&markdown);

            for url in urls(&output) {
                let scheme = scheme(&url);
                prop_assert!(
                    scheme.as_deref().is_none_or(|s| ["http", "https", "mailto"].contains(&s)),
                    "{markdown:?} -> {url}"
                );
            }
            // The bound that keeps every rendering fast: nothing accepted
            // nests deeper, and what would is shown as text.
            prop_assert!(!html_depth_exceeds(&output, MAX_MARKDOWN_DEPTH), "{markdown:?}");
        }

        #[test]
        fn mail_html_links_only_to_the_mail_allow_list(markdown in hostile_markdown()) {
            let output = sanitize_mail_html(&unsanitized_html(&markdown));

            for url in urls(&output) {
                prop_assert!(
                    url.starts_with('#')
                        || scheme(&url).is_some_and(|s| ["http", "https", "mailto", "tel"].contains(&s.as_str())),
                    "{markdown:?} -> {url}"
                );
            }
        }
    }

    fn html(markdown: &str) -> String {
        render_markdown(markdown).into_string()
    }

    #[test]
    fn a_script_tag_is_removed_with_its_content() {
        let output = html("Hi <script>alert(1)</script> there");

        assert!(!output.contains("script"), "{output}");
        assert!(!output.contains("alert"), "{output}");
    }

    #[test]
    fn an_image_loses_its_event_handler_and_a_non_web_source() {
        let output = html("<img src=x onerror=alert(1)>");

        assert!(!output.contains("onerror"), "{output}");
        assert!(!output.contains("src="), "{output}");
    }

    #[test]
    fn an_image_from_the_web_keeps_its_source_and_alt_text() {
        let output = html("![A river](https://example.org/river.png)");

        assert_eq!(
            output,
            "<p><img src=\"https://example.org/river.png\" alt=\"A river\"></p>\n"
        );
    }

    #[test]
    fn a_javascript_link_loses_its_href_but_keeps_its_text() {
        let output =
            html("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,x)");

        assert!(!output.to_lowercase().contains("javascript:"), "{output}");
        assert!(!output.contains("data:"), "{output}");
        assert!(
            output.contains(">x</a>") && output.contains(">z</a>"),
            "{output}"
        );
    }

    #[test]
    fn a_raw_link_loses_onclick_and_gains_rel() {
        let output = html(r#"<a href="https://e.org" onclick="x">e</a>"#);

        assert!(!output.contains("onclick"), "{output}");
        assert!(output.contains(r#"href="https://e.org""#), "{output}");
        assert!(
            output.contains(r#"rel="nofollow noopener noreferrer""#),
            "{output}"
        );
    }

    #[test]
    fn a_markdown_link_keeps_its_href_and_gets_rel() {
        let output = html("[site](https://example.org)");

        assert_eq!(
            output,
            "<p><a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">site</a></p>\n"
        );
    }

    #[test]
    fn emphasis_quotes_and_tables_render() {
        let output = html("**bold** ~~old~~\n\n> quoted\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n");

        assert!(output.contains("<strong>bold</strong>"), "{output}");
        assert!(output.contains("<del>old</del>"), "{output}");
        assert!(
            output.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"),
            "{output}"
        );
        assert!(output.contains("<table><thead><tr><th>a</th>"), "{output}");
        assert!(output.contains("<td>2</td>"), "{output}");
    }

    #[test]
    fn footnote_links_and_ids_share_a_prefix() {
        let output = html("Claim.[^1]\n\n[^1]: Source.\n");

        assert!(output.contains(r##"href="#user-content-1""##), "{output}");
        assert!(output.contains(r#"id="user-content-1""#), "{output}");
    }

    /// The same properties over many more inputs, reporting the slowest
    /// rendering: `cargo test --release --lib -- --ignored long_fuzzing`
    /// (`MARKDOWN_FUZZ_CASES`, default 200,000).
    #[test]
    #[ignore = "a long fuzzing run, for a person to start"]
    fn long_fuzzing_of_the_page_and_mail_renderers() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;

        let cases: usize = std::env::var("MARKDOWN_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200_000);
        let mut runner = TestRunner::deterministic();
        let strategy = prop_oneof![9 => hostile_markdown(), 1 => large_hostile_markdown()];
        let mut slowest: [(std::time::Duration, String); 2] = Default::default();
        let mut total = 0;
        let started = std::time::Instant::now();
        for _ in 0..cases {
            let markdown = strategy.new_tree(&mut runner).expect("an input").current();
            // As the product renders: the page from the Markdown, and a
            // mail's final pass over HTML that was rendered as a page first.
            let one = std::time::Instant::now();
            let page = html(&markdown);
            let page_took = one.elapsed();
            let one = std::time::Instant::now();
            let mail = sanitize_mail_html(&page);
            let mail_took = one.elapsed();
            for (slot, took) in slowest.iter_mut().zip([page_took, mail_took]) {
                if took > slot.0 {
                    *slot = (took, markdown.chars().take(120).collect());
                }
            }
            total += markdown.len();
            assert!(
                !html_depth_exceeds(&page, MAX_MARKDOWN_DEPTH),
                "{markdown:?}"
            );
            for url in urls(&page) {
                let scheme = scheme(&url);
                assert!(
                    scheme
                        .as_deref()
                        .is_none_or(|s| ["http", "https", "mailto"].contains(&s)),
                    "{url}"
                );
            }
            for url in urls(&mail) {
                assert!(
                    url.starts_with('#')
                        || scheme(&url).is_some_and(
                            |s| ["http", "https", "mailto", "tel"].contains(&s.as_str())
                        ),
                    "{url}"
                );
            }
        }
        println!(
            "{cases} inputs ({total} bytes) in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        for (what, (took, input)) in ["page", "mail"].iter().zip(&slowest) {
            println!(
                "slowest {what} rendering {:.3} ms, for {input:?}…",
                took.as_secs_f64() * 1000.0
            );
        }
    }

    #[test]
    fn nesting_is_measured_as_a_parser_would_build_it() {
        let nested = |open: &str, n: usize| open.repeat(n);

        assert!(!html_depth_exceeds(&nested("<div>", 32), 32));
        assert!(html_depth_exceeds(&nested("<div>", 33), 32));
        assert!(
            html_depth_exceeds(&nested("<div></x>", 33), 32),
            "stray end tags close nothing"
        );
        assert!(!html_depth_exceeds(&nested("<div></div>", 1000), 32));
        assert!(
            !html_depth_exceeds(&nested("<li>a", 1000), 32),
            "a new item closes the last"
        );
        assert!(!html_depth_exceeds(
            &nested("<br><img src=x><hr>", 1000),
            32
        ));
        assert!(!html_depth_exceeds(&nested("<!-- x --> a < b", 1000), 32));
    }

    #[test]
    fn markdown_nested_past_the_limit_is_shown_as_escaped_text() {
        let deep = format!("{}x", "> ".repeat(49_999));

        assert!(markdown_too_deep(&deep));
        let output = html(&deep);
        assert!(output.starts_with("<p>&gt; &gt; "), "{}", &output[..40]);
        assert!(!output.contains("<blockquote>"));
        for deep in [
            format!("{}x", "- ".repeat(40)),
            format!("{}x", "<div>".repeat(40)),
            format!("{}x", "> - ".repeat(20)),
        ] {
            assert!(markdown_too_deep(&deep), "{deep}");
        }
        let real = "> quoted\n>\n> - a\n>   - b\n>     - c\n>       - d\n>         - **e**\n";
        assert!(!markdown_too_deep(real));
    }

    #[test]
    fn quotes_are_not_made_smart() {
        assert_eq!(html("\"a\" -- b"), "<p>\"a\" -- b</p>\n");
    }

    #[test]
    fn generated_hostile_input_never_yields_script() {
        for input in hostile_inputs(300) {
            let output = html(&input);

            assert!(
                !output.to_lowercase().contains("<script"),
                "{input:?} -> {output}"
            );
            for tag in tags(&output) {
                let tag = tag.to_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!tag.contains(scheme), "{input:?} -> {output}");
                }
                assert!(!has_event_handler(&tag), "{input:?} -> {output}");
            }
        }
    }

    #[test]
    fn an_excerpt_is_plain_text_with_collapsed_whitespace() {
        let markdown =
            "# Title\n\nSome **bold**ly [linked](https://e.org) `code`.\n\n- one\n- two <b>x</b>";

        let excerpt = markdown_excerpt(markdown, 200);

        assert_eq!(excerpt, "Title Some boldly linked code. one two x");
    }

    #[test]
    fn a_long_excerpt_is_cut_at_a_word_with_an_ellipsis() {
        let markdown = "We demand clean, safe water for everyone.";

        assert_eq!(markdown_excerpt(markdown, 22), "We demand clean, safe…");
        assert_eq!(markdown_excerpt(markdown, 17), "We demand clean…");
        assert_eq!(markdown_excerpt("Supercalifragilistic", 6), "Super…");
        assert_eq!(markdown_excerpt(markdown, 0), "");
    }

    #[test]
    fn an_excerpt_never_exceeds_its_limit() {
        let markdown = "Ñandú años, ¡sí! Straße naïve café — and so on and so forth.";
        for max in 0..70 {
            let excerpt = markdown_excerpt(markdown, max);

            assert!(excerpt.chars().count() <= max, "{max}: {excerpt}");
        }
    }

    /// Deterministic pseudo-random concatenations of pieces that have broken
    /// sanitizers before.
    fn hostile_inputs(count: usize) -> Vec<String> {
        let pieces = [
            "<",
            ">",
            "\"",
            "'",
            "`",
            "```\n",
            "[",
            "]",
            "(",
            ")",
            "![x](",
            "[x](",
            "javascript:",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:",
            "vbscript:",
            "data:text/html,",
            " onerror=",
            " onclick=\"alert(1)\"",
            " OnLoad=",
            "<a href=",
            "<img src=",
            "<script>",
            "</script>",
            "<svg onload=alert(1)>",
            "<iframe src=",
            "<style>",
            "<div ",
            "\n\n",
            " ",
            "alert(1)",
            "<!--",
            "-->",
            "\\",
            "*",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0)
        };
        (0..count)
            .map(|_| {
                let length = 2 + next() % 8;
                (0..length).map(|_| pieces[next() % pieces.len()]).collect()
            })
            .collect()
    }

    /// The inside of every tag. Text never holds a raw `<` (it is escaped),
    /// and a `>` inside a double-quoted attribute value does not end the tag.
    fn tags(html: &str) -> Vec<String> {
        let mut tags = Vec::new();
        let mut current: Option<String> = None;
        let mut quoted = false;
        for c in html.chars() {
            match current.as_mut() {
                None if c == '<' => current = Some(String::new()),
                None => {}
                Some(_) if c == '>' && !quoted => tags.extend(current.take()),
                Some(tag) => {
                    quoted ^= c == '"';
                    tag.push(c);
                }
            }
        }
        tags
    }

    /// An ` on…=` attribute outside the double-quoted values, which the
    /// serializer always uses and in which a `"` is always escaped.
    fn has_event_handler(tag: &str) -> bool {
        let unquoted: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
        unquoted.match_indices(" on").any(|(at, _)| {
            let rest = &unquoted[at + 3..];
            let name = rest.chars().take_while(char::is_ascii_alphabetic).count();
            name > 0 && rest[name..].trim_start().starts_with('=')
        })
    }
}
