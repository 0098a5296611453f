//! Email templates from `emails/`, embedded in the binary. Each file is TOML
//! front matter between `+++` lines (the `subject`, and `sample` data for the
//! tests) and a Markdown body with `{{ placeholders }}`. The text part is the
//! Markdown with values as typed; the HTML part renders the same Markdown with
//! every value escaped for Markdown and HTML, inside one shared layout.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use minijinja::{Environment, UndefinedBehavior};
use serde::Deserialize;

static EMAILS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/emails");

/// A rendered mail: subject, plain-text part and HTML part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The text part before it became plain text: the Markdown that a
    /// mailing's stencil fills for each recipient.
    pub text_markdown: String,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("there is no email template named {0}")]
    Unknown(String),
    #[error("email template {name} is malformed: {detail}")]
    Malformed { name: String, detail: String },
    #[error("email template {name} could not be rendered: {source}")]
    Render {
        name: String,
        source: minijinja::Error,
    },
}

#[derive(Debug, Deserialize)]
struct FrontMatter {
    subject: String,
    #[serde(default)]
    sample: toml::Table,
}

struct Template {
    sample: toml::Table,
}

struct Registry {
    env: Environment<'static>,
    templates: BTreeMap<String, Template>,
}

static REGISTRY: LazyLock<Result<Registry, TemplateError>> = LazyLock::new(load);

fn load() -> Result<Registry, TemplateError> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_formatter(|out, state, value| {
        // Both parts are Markdown until rendered: the text part becomes
        // plain text, the HTML part HTML. A value is text, never Markdown.
        let markdown = state.name().ends_with(".html") || state.name().ends_with(".txt");
        if markdown && !value.is_safe() {
            let text = value.to_string();
            out.write_str(&escape_markdown_and_html(&text))?;
            Ok(())
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_filter("markdown", markdown_filter);
    let mut templates = BTreeMap::new();
    for file in EMAILS.files() {
        let path = file.path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let malformed = |detail: String| TemplateError::Malformed {
            name: name.clone(),
            detail,
        };
        let source = file
            .contents_utf8()
            .ok_or_else(|| malformed("not UTF-8".into()))?;
        let (front, body) =
            split_front_matter(source).ok_or_else(|| malformed("no +++ front matter".into()))?;
        let front: FrontMatter = toml::from_str(front).map_err(|e| malformed(e.to_string()))?;
        for (suffix, text) in [
            ("subject", front.subject.as_str()),
            ("txt", body),
            ("html", body),
        ] {
            env.add_template_owned(format!("{name}.{suffix}"), text.to_owned())
                .map_err(|e| malformed(e.to_string()))?;
        }
        templates.insert(
            name,
            Template {
                sample: front.sample,
            },
        );
    }
    Ok(Registry { env, templates })
}

fn split_front_matter(source: &str) -> Option<(&str, &str)> {
    let rest = source.strip_prefix("+++\n")?;
    let end = rest.find("\n+++\n")?;
    Some((&rest[..end], rest[end + 5..].trim_start_matches('\n')))
}

fn registry() -> Result<&'static Registry, TemplateError> {
    REGISTRY.as_ref().map_err(|e| TemplateError::Malformed {
        name: "emails/".into(),
        detail: e.to_string(),
    })
}

/// Renders template `name` with `context` (any serializable value).
pub fn render(name: &str, context: &impl serde::Serialize) -> Result<Rendered, TemplateError> {
    let registry = registry()?;
    if !registry.templates.contains_key(name) {
        return Err(TemplateError::Unknown(name.to_owned()));
    }
    let context = minijinja::Value::from_serialize(context);
    let part = |suffix: &str| {
        registry
            .env
            .get_template(&format!("{name}.{suffix}"))
            .and_then(|t| t.render(&context))
            .map_err(|source| TemplateError::Render {
                name: name.to_owned(),
                source,
            })
    };
    let subject = part("subject")?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text_markdown = part("txt")?;
    let text = crate::text::markdown_to_plain(&text_markdown, crate::text::WRAP);
    let html_body = crate::text::sanitize_mail_html(&markdown_to_html(&part("html")?));
    let html = super::message::html_layout(&subject, &html_body);
    Ok(Rendered {
        subject,
        text,
        html,
        text_markdown,
    })
}

/// Renders the `language` variant of template `name` (`emails/NAME.LANG.md`)
/// when there is one, else the default.
pub fn render_localized(
    name: &str,
    language: &str,
    context: &impl serde::Serialize,
) -> Result<Rendered, TemplateError> {
    let lang = crate::i18n::Lang::for_content(language).code();
    let localized = format!("{name}.{lang}");
    let exists = registry()?.templates.contains_key(&localized);
    render(if exists { &localized } else { name }, context)
}

/// Names of all embedded templates.
pub fn names() -> Vec<String> {
    registry()
        .map(|r| r.templates.keys().cloned().collect())
        .unwrap_or_default()
}

/// A template's sample data, from its front matter.
pub fn sample(name: &str) -> Option<toml::Table> {
    registry()
        .ok()?
        .templates
        .get(name)
        .map(|t| t.sample.clone())
}

/// `{{ body | markdown }}`: Markdown a coordinator wrote, made plain text
/// with the rest of the text part and, in the HTML part, rendered and sanitized like every
/// user Markdown, then joined into one line inside a `<div>` so that the
/// template's own Markdown pass keeps it as one HTML block and never reads
/// text the sanitizer left as Markdown a second time.
fn markdown_filter(state: &minijinja::State<'_, '_>, value: String) -> minijinja::Value {
    if !state.name().ends_with(".html") {
        return minijinja::Value::from_safe_string(value);
    }
    // A mailing renders the same body for every recipient: keep the last
    // few results instead of sanitizing the same Markdown thousands of times.
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let html = RECENT.with_borrow_mut(|recent| {
        if let Some((_, html)) = recent.iter().find(|(markdown, _)| *markdown == value) {
            return html.clone();
        }
        let html = format!(
            "<div>{}</div>",
            crate::text::render_markdown(&value)
                .into_string()
                .trim()
                .replace('\n', "&#10;")
        );
        if recent.len() >= 4 {
            recent.remove(0);
        }
        recent.push((value, html.clone()));
        html
    });
    minijinja::Value::from_safe_string(html)
}

fn markdown_to_html(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// Makes a value inert inside Markdown that becomes HTML: HTML's special
/// characters become entities and Markdown's punctuation is backslash-escaped.
/// A value as the templates write it into their Markdown: shown as the
/// text it is in both parts.
pub fn escape_value(value: &str) -> String {
    escape_markdown_and_html(value)
}

fn escape_markdown_and_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markdown_properties::{hostile_markdown, scheme, urls};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn no_release_or_update_mail_links_outside_the_allow_list(
            body in hostile_markdown(),
            about in hostile_markdown(),
            name in "\\PC{0,40}",
            contact in "\\PC{0,60}",
        ) {
            for template in ["press-release", "statement-update"] {
                let mut context = sample(template).expect("sample");
                context.insert("body".into(), body.clone().into());
                context.insert("about".into(), about.clone().into());
                context.insert("name".into(), name.clone().into());
                let mut person = toml::Table::new();
                for field in ["name", "phone", "tel", "email"] {
                    person.insert(field.into(), contact.clone().into());
                }
                context.insert("contacts".into(), toml::Value::Array(vec![person.into()]));

                let html = render(template, &context).expect("renders").html;

                for url in urls(&html) {
                    prop_assert!(
                        url.starts_with('#')
                            || scheme(&url).is_some_and(|s| ["http", "https", "mailto", "tel"].contains(&s.as_str())),
                        "{template}: {body:?} -> {url}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_template_renders_with_its_sample_data() {
        let names = names();
        assert!(!names.is_empty(), "no templates were embedded");

        for name in names {
            let sample = sample(&name).expect("sample");
            let rendered = render(&name, &sample).unwrap_or_else(|e| panic!("{name}: {e}"));

            assert!(!rendered.subject.is_empty(), "{name} has an empty subject");
            assert!(
                !rendered.text.contains("{{"),
                "{name} left a placeholder in the text"
            );
            assert!(
                rendered.html.contains("<html"),
                "{name} is not in the layout"
            );
        }
    }

    #[test]
    fn placeholders_are_escaped_in_html_but_kept_in_text() {
        let context = serde_json::json!({
            "base_url": "<script>alert(1)</script>[x](javascript:alert(1))",
            "sent_at": "now",
        });

        let rendered = render("test-message", &context).expect("renders");

        assert!(!rendered.html.contains("<script>"));
        assert!(!rendered.html.contains("href=\"javascript:"));
        assert!(rendered.html.contains("&lt;script&gt;"));
        assert!(rendered.text.contains("<script>alert(1)</script>"));
    }

    #[test]
    fn a_link_built_from_a_placeholder_keeps_its_address() {
        let context =
            serde_json::json!({ "base_url": "https://example.org/a_b?c=1&d=2", "sent_at": "now" });

        let rendered = render("test-message", &context).expect("renders");

        assert!(
            rendered
                .html
                .contains("href=\"https://example.org/a_b?c=1&amp;d=2\""),
            "{}",
            rendered.html
        );
    }

    #[test]
    fn a_body_never_puts_a_url_outside_the_allow_list_into_a_mail() {
        let bodies = [
            "<span>\n[Click](javascript:alert(document.domain)) ![i](javascript:alert(2))\n</span>",
            "<span>\n[a](data:text/html;base64,PHNjcmlwdD4=) ![b](data:image/png;base64,AA==)\n</span>",
            "<span>\n[c](vbscript:msgbox(1)) [d](VbScRiPt:msgbox(1))\n</span>",
            "<span>\n[e](&#106;avascript:alert(1)) [f](&#x6A;avascript:alert(1))\n</span>",
            "<span>\n[g](JaVaScRiPt:alert(1)) [h]( javascript:alert(1))\n</span>",
            "<span>\n<a href=\"java&#x09;script:alert(1)\">i</a> <a href=\"java\nscript:x\">j</a>\n</span>",
            "<div>\n[k](javascript:alert(1))\n</div>",
            "[l](//evil.example/x) [m](ftp://evil.example) [n](relative/path)",
        ];
        for body in bodies {
            let mut context = sample("statement-update").expect("sample");
            context.insert("body".into(), body.into());

            let html = render("statement-update", &context).expect("renders").html;

            for (at, _) in html
                .match_indices("href=\"")
                .chain(html.match_indices("src=\""))
            {
                let value = html[at..].split('"').nth(1).unwrap_or_default();
                assert!(
                    ["https://", "http://", "mailto:", "tel:", "#"]
                        .iter()
                        .any(|scheme| value.starts_with(scheme)),
                    "{body:?} -> {value}"
                );
            }
        }
    }

    #[test]
    fn a_missing_placeholder_is_an_error_not_an_empty_string() {
        let result = render("test-message", &serde_json::json!({ "sent_at": "now" }));

        assert!(matches!(result, Err(TemplateError::Render { .. })));
    }
}
