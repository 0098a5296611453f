//! Public pages of a statement, in the language of the version shown.

use maud::{Markup, html};
use serde_json::json;

use super::{CommentForm, PageData};
use crate::i18n::{CountryCode, Lang, country_name, local_time, t, t_args};
use crate::signatures::{Cursor, Listed};
use crate::statements::Status;
use crate::text::markdown_excerpt;
use crate::web::forms::{self, FieldErrors, Input};
use crate::web::layout::{Head, document};

/// What the preview adds: its token, and the comment form's state.
pub struct Preview<'a> {
    pub token: &'a str,
    pub form: Option<(&'a CommentForm, &'a FieldErrors)>,
    pub thanked: bool,
}

fn count_text(lang: Lang, count: i32) -> String {
    t_args(
        lang,
        "signatures-count",
        &[("count", i64::from(count).into())],
    )
}

/// One line of the list, as in a printed letter: `Name, Country`, with no
/// trailing comma when the country is unknown.
/// A line of the list, marked with the revision signed when the signer has
/// not yet confirmed a newer text.
pub fn list_line_marked(listed: &Listed, lang: Lang, mark: Option<i32>) -> String {
    let line = list_line_plain(listed, lang);
    match mark {
        Some(number) => format!(
            "{line} ({})",
            t_args(
                lang,
                "signed-revision",
                &[("number", i64::from(number).into())]
            )
        ),
        None => line,
    }
}

fn list_line_plain(listed: &Listed, lang: Lang) -> String {
    let extra: Vec<String> = [listed.affiliation.clone(), listed.city.clone()]
        .into_iter()
        .flatten()
        .chain(
            listed
                .country
                .as_deref()
                .and_then(CountryCode::parse)
                .map(|c| country_name(&c, lang).to_owned()),
        )
        .collect();
    if extra.is_empty() {
        listed.shown_name().to_owned()
    } else {
        format!("{}, {}", listed.shown_name(), extra.join(", "))
    }
}

fn og_tags(data: &PageData, base_url: &str) -> Markup {
    let url = format!("{base_url}/s/{}", data.statement.slug);
    let description = markdown_excerpt(&data.revision.body, 200);
    html! {
        meta name="description" content=(description);
        meta property="og:type" content="article";
        meta property="og:title" content=(data.revision.title);
        meta property="og:description" content=(description);
        meta property="og:url" content=(url);
        meta property="og:locale" content=(data.version.language);
        meta name="twitter:card" content="summary";
        meta name="twitter:title" content=(data.revision.title);
        meta name="twitter:description" content=(description);
        link rel="canonical" href=(url);
        link rel="alternate" type="application/json" href={ (url) ".json" };
    }
}

fn language_switcher(data: &PageData, href: impl Fn(&str) -> String) -> Markup {
    let lang = data.lang();
    html! {
        @if data.languages.len() > 1 {
            nav.languages aria-label=(t(lang, "other-languages")) {
                (t(lang, "other-languages")) ": "
                @for l in &data.languages {
                    @if *l == data.version.language {
                        span aria-current="page" lang=(l) { (language_label(l)) }
                    } @else {
                        a href=(href(l)) lang=(l) hreflang=(l) { (language_label(l)) }
                    }
                    " "
                }
            }
        }
    }
}

fn language_label(tag: &str) -> String {
    match Lang::parse(tag) {
        Some(l) if l.code() == tag => l.native_name().to_owned(),
        _ => tag.to_owned(),
    }
}

fn list_section(
    data: &PageData,
    heading: &str,
    names: &[Listed],
    next: Option<(&str, &Cursor)>,
    more_href: &dyn Fn(&str, &Cursor) -> String,
) -> Markup {
    let lang = data.lang();
    html! {
        section.signed-by {
            @if !heading.is_empty() { h3 { (heading) } }
            @if names.is_empty() {
                p.muted { (t(lang, "no-signatures-yet")) }
            } @else {
                ul.signatories {
                    @for n in names { li { (list_line_marked(n, lang, data.mark(n))) } }
                }
            }
            @if let Some((param, cursor)) = next {
                p { a rel="next" href=(more_href(param, cursor)) { (t(lang, "next-page")) } }
            }
        }
    }
}

pub fn page(data: &PageData, base_url: &str, preview: Option<Preview<'_>>) -> Markup {
    let lang = data.lang();
    let statement = &data.statement;
    let now = crate::db::now();
    let status = statement.status_at(now);
    let page_path = match &preview {
        Some(p) => format!(
            "/preview/{}/{}?lang={}",
            statement.id, p.token, data.version.language
        ),
        None => format!("/s/{}/{}?", statement.slug, data.version.language),
    };
    let more = |param: &str, cursor: &Cursor| {
        let sep = if page_path.ends_with('?') { "" } else { "&" };
        format!("{page_path}{sep}{param}={}", cursor.to_param())
    };
    let switch = |l: &str| match &preview {
        Some(p) => format!("/preview/{}/{}?lang={l}", statement.id, p.token),
        None => format!("/s/{}/{l}", statement.slug),
    };
    let both = statement.signers().takes_organizations() && statement.signers().takes_individuals();
    let (organizations_heading, individuals_heading) = if both {
        (t(lang, "organizations"), t(lang, "individuals"))
    } else {
        (String::new(), String::new())
    };
    let head = Head {
        lang: Some(data.version.language.clone()),
        extra: Some(og_tags(data, base_url)),
        site: Some(data.masthead.name.clone()),
    };
    let body = html! {
        @if let Some(p) = &preview {
            p.notice.draft role="note" { (t(lang, "draft-preview-notice")) }
            @if p.thanked { p.notice role="status" id="comment" { (t(lang, "comment-thanks")) } }
        }
        (language_switcher(data, switch))
        article.statement lang=(data.version.language) {
            h1 { (data.revision.title) }
            @if status == Status::Closed {
                p.notice { (t(lang, "statement-closed")) }
            } @else if let Some(deadline) = statement.deadline_at.filter(|_| status == Status::Open) {
                p.notice { (t_args(lang, "statement-deadline", &[("date", local_time::long_date_time(lang, data.zone, deadline).into())])) }
            }
            div.statement-text { (data.revision.html()) }
        }
        @if status == Status::Open {
            p.sign { a.button.primary href={ "/s/" (statement.slug) "/sign?lang=" (data.version.language) } { (t(lang, "sign-this-statement")) } }
        }
        section aria-labelledby="signed-by" {
            h2 id="signed-by" { (t(lang, "signed-by")) }
            @if data.list_visible {
                @if statement.listed_total() > 0 { p.count { (count_text(lang, statement.listed_total())) } }
                @if statement.signers().takes_organizations() {
                    (list_section(data, &organizations_heading, &data.organizations,
                        data.next_organizations.as_ref().map(|c| ("organizations_after", c)), &more))
                }
                @if statement.signers().takes_individuals() {
                    (list_section(data, &individuals_heading, &data.individuals,
                        data.next_individuals.as_ref().map(|c| ("individuals_after", c)), &more))
                }
            } @else if let Some(at) = statement.list_public_at {
                p { (t_args(lang, "list-hidden-until-publication", &[("date", local_time::long_date_time(lang, data.zone, at).into())])) }
            }
        }
        @if preview.is_none() {
            p.links {
                a href={ "/s/" (statement.slug) "/letter?lang=" (data.version.language) } { (t(lang, "printable-letter")) }
                " · "
                a href={ "/s/" (statement.slug) ".json" } { (t(lang, "download-json")) }
            }
        }
        @if let Some(p) = &preview { (comment_form(data, p)) }
    };
    let header = maud::Render::render(&data.masthead);
    document(&data.revision.title, head, header, body)
}

fn comment_form(data: &PageData, preview: &Preview<'_>) -> Markup {
    let lang = data.lang();
    let empty = (CommentForm::default(), FieldErrors::default());
    let (form, errors) = preview.form.unwrap_or((&empty.0, &empty.1));
    html! {
        section.comment-form aria-labelledby="comment-heading" {
            h2 id="comment-heading" { (t(lang, "comment-heading")) }
            p.muted { (t(lang, "comment-private")) }
            form method="post" action={ "/preview/" (data.statement.id) "/" (preview.token) "/comments" } {
                input type="hidden" name="lang" value=(data.version.language);
                div.honeypot aria-hidden="true" {
                    label for="website" { "Website" }
                    input id="website" name="website" type="text" tabindex="-1" autocomplete="off";
                }
                (forms::input("name", &t(lang, "comment-name"), &form.name, errors, Input { autocomplete: Some("name"), ..Input::TEXT }))
                (forms::input("organization", &t(lang, "comment-organization"), &form.organization, errors, Input { autocomplete: Some("organization"), ..Input::TEXT }))
                (forms::textarea("comment", &t(lang, "comment-body"), &form.comment, errors, 6, None))
                button type="submit" { (t(lang, "comment-submit")) }
            }
        }
    }
}

/// A page of one language version with no header or navigation, for
/// printing or for a frame on another site.
fn bare_page(data: &PageData, body: Markup) -> Markup {
    let head = Head {
        lang: Some(data.version.language.clone()),
        ..Head::default()
    };
    document(&data.revision.title, head, html! {}, body)
}

/// The statement and its full list, for printing and delivery to officials.
pub fn letter(data: &PageData) -> Markup {
    let lang = data.lang();
    let statement = &data.statement;
    let date = local_time::long_date(lang, data.zone, crate::db::now());
    let both = statement.signers().takes_organizations() && statement.signers().takes_individuals();
    bare_page(
        data,
        html! {
            article.letter lang=(data.version.language) {
                h1 { (data.revision.title) }
                p.letter-meta { (t_args(lang, "letter-date-and-count", &[("date", date.into()), ("count", i64::from(statement.listed_total()).into())])) }
                div.statement-text { (data.revision.html()) }
                @if data.list_visible {
                    h2 { (t(lang, "signed-by")) }
                    @if both { h3 { (t(lang, "organizations")) } }
                    ol.letter-list { @for n in &data.organizations { li { (list_line_marked(n, lang, data.mark(n))) } } }
                    @if both { h3 { (t(lang, "individuals")) } }
                    ol.letter-list { @for n in &data.individuals { li { (list_line_marked(n, lang, data.mark(n))) } } }
                }
            }
        },
    )
}

fn json_entry(data: &PageData, n: &Listed, lang: Lang) -> serde_json::Value {
    let country = n.country.as_deref().and_then(CountryCode::parse);
    json!({
        "name": n.shown_name(),
        "country": country.as_ref().map(CountryCode::as_str),
        "country_name": country.as_ref().map(|c| country_name(c, lang)),
        "affiliation": n.affiliation,
        "city": n.city,
        "confirmed_at": n.confirmed_at.map(|t| t.and_utc().to_rfc3339()),
        "revision": data.signed_revision(n),
        "awaiting_consent_to_revision": n.reconsent_revision_id.as_ref().and_then(|id| data.revision_numbers.get(id)),
    })
}

pub fn json(data: &PageData, base_url: &str) -> serde_json::Value {
    let lang = data.lang();
    let statement = &data.statement;
    json!({
        "title": data.revision.title,
        "url": format!("{base_url}/s/{}", statement.slug),
        "language": data.version.language,
        "languages": data.languages,
        "status": statement.status_at(crate::db::now()).as_str(),
        "revision": data.revision.number,
        "revision_hash": data.revision.content_hash,
        "count": statement.listed_total(),
        "list_visible": data.list_visible,
        "organizations": data.organizations.iter().map(|n| json_entry(data, n, lang)).collect::<Vec<_>>(),
        "individuals": data.individuals.iter().map(|n| json_entry(data, n, lang)).collect::<Vec<_>>(),
    })
}

/// The framed counter with a link to sign.
pub fn embed(data: &PageData, base_url: &str) -> Markup {
    let lang = data.lang();
    let statement = &data.statement;
    let language = &data.version.language;
    let main = *language == statement.language;
    bare_page(
        data,
        html! {
            div.embed {
                p.embed-title { a href={ (base_url) "/s/" (statement.slug) @if !main { "/" (language) } } target="_blank" rel="noopener" { (data.revision.title) } }
                p.embed-count { (count_text(lang, statement.listed_total())) }
                @if statement.status_at(crate::db::now()) == Status::Open {
                    p { a.button.primary href={ (base_url) "/s/" (statement.slug) "/sign?lang=" (language) } target="_blank" rel="noopener" { (t(lang, "sign-this-statement")) } }
                }
            }
        },
    )
}
