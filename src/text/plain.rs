//! Markdown made into the plain text of a mail's text part, as newsroom
//! mail systems show it: no Markdown syntax left, headings underlined,
//! links written `text <url>`, quotes kept with `> `, list items with their
//! marks, HTML tags dropped, and every paragraph wrapped for mail readers.
//! URLs are never broken across lines.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Columns of a wrapped line, within the 78 that RFC 5322 recommends.
pub const WRAP: usize = 76;

/// A block being written: its text so far and how its lines start.
struct Block {
    text: String,
    /// Links whose text is being written: their URLs.
    links: Vec<String>,
    /// The last block written was a list item: the next item joins it
    /// without a blank line.
    in_list: bool,
}

/// `markdown` as plain text, lines wrapped at `width` columns.
pub fn markdown_to_plain(markdown: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut block = Block {
        text: String::new(),
        links: Vec::new(),
        in_list: false,
    };
    // "> " for each quote level, then the list marks' indentation.
    let mut quotes = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut item_mark: Option<String> = None;
    let mut heading: Option<HeadingLevel> = None;
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    for event in parser {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(level),
            Event::End(TagEnd::Heading(_)) => {
                let title = std::mem::take(&mut block.text).trim().to_owned();
                let rule = match heading.take() {
                    Some(HeadingLevel::H1) => '=',
                    _ => '-',
                };
                let underline: String =
                    std::iter::repeat_n(rule, title.chars().count().min(width)).collect();
                out.push(format!("{}\n{underline}", wrap(&title, width, "", "")));
            }
            Event::Start(Tag::BlockQuote(_)) => quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => quotes = quotes.saturating_sub(1),
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                block.in_list = !lists.is_empty();
            }
            Event::Start(Tag::Item) => {
                let mark = match lists.last_mut() {
                    Some(Some(n)) => {
                        let mark = format!("{n}. ");
                        *n += 1;
                        mark
                    }
                    _ => "- ".to_owned(),
                };
                item_mark = Some(mark);
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut block, quotes, &lists, &mut item_mark, width);
            }
            Event::Start(Tag::Link { dest_url, .. }) => block.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = block.links.pop() {
                    let shown = block.text.trim_end();
                    // A phone number or an address shows what it links to.
                    let speaks_for_itself = url.starts_with("tel:") || url.starts_with("mailto:");
                    if !shown.ends_with(url.as_str()) && !speaks_for_itself {
                        block.text.push_str(&format!(" <{url}>"));
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => block.links.push(dest_url.to_string()),
            Event::End(TagEnd::Image) => {
                if let Some(url) = block.links.pop() {
                    block.text.push_str(&format!(" <{url}>"));
                }
            }
            Event::Text(text) | Event::Code(text) => block.text.push_str(&text),
            // Tags have no place in plain text; the words of an HTML block do.
            Event::Html(html) => block.text.push_str(&without_tags(&html)),
            Event::InlineHtml(_) => {}
            Event::SoftBreak => block.text.push(' '),
            Event::HardBreak => block.text.push('\n'),
            Event::Rule => out.push("-".repeat(20)),
            Event::End(TagEnd::CodeBlock) => {
                let code = std::mem::take(&mut block.text);
                out.push(code.trim_end().to_owned());
            }
            _ => {}
        }
    }
    flush(&mut out, &mut block, quotes, &lists, &mut item_mark, width);
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

/// Writes the block's text as a wrapped paragraph (or list item).
fn flush(
    out: &mut Vec<String>,
    block: &mut Block,
    quotes: usize,
    lists: &[Option<u64>],
    item_mark: &mut Option<String>,
    width: usize,
) {
    let text = std::mem::take(&mut block.text);
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let quote = "> ".repeat(quotes);
    let depth = lists.len().saturating_sub(1) * 2;
    let (first, rest) = match item_mark.take() {
        Some(mark) => (
            format!("{quote}{}{mark}", " ".repeat(depth)),
            format!("{quote}{}", " ".repeat(depth + mark.chars().count())),
        ),
        None if !lists.is_empty() => {
            let indent = format!("{quote}{}", " ".repeat(depth + 2));
            (indent.clone(), indent)
        }
        None => (quote.clone(), quote),
    };
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let start = if i == 0 {
                first.as_str()
            } else {
                rest.as_str()
            };
            wrap(line.trim(), width, start, &rest)
        })
        .collect();
    let written = lines.join("\n");
    match out.last_mut() {
        Some(last) if block.in_list && !lists.is_empty() => {
            last.push('\n');
            last.push_str(&written);
        }
        _ => out.push(written),
    }
    block.in_list = !lists.is_empty();
}

fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `text` wrapped at `width` columns, the first line starting with
/// `first`, the others with `rest`; words longer than a line (URLs) are
/// left whole.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::wrap(text, options).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(markdown: &str) -> String {
        markdown_to_plain(markdown, WRAP)
    }

    #[test]
    fn no_markdown_syntax_is_left_and_links_show_their_address() {
        let text = plain(
            "# Water is a right\n\n*Joint statement*\n\nToday **212 organizations** signed \
             [the statement](https://example.org/s/water).\n\n> Water is life. — Ana\n\n\
             - one\n- two\n\n1. first\n2. second\n\nSee https://example.org/x.",
        );

        assert_eq!(
            text,
            "Water is a right\n================\n\nJoint statement\n\nToday 212 organizations \
             signed the statement <https://example.org/s/water>.\n\n> Water is life. — Ana\n\n\
             - one\n- two\n\n1. first\n2. second\n\nSee https://example.org/x.\n"
        );
    }

    #[test]
    fn long_paragraphs_wrap_within_the_width_and_urls_stay_whole() {
        let long = "word ".repeat(60);
        let url = format!("https://example.org/{}-x_y", "a-b".repeat(30));
        let text = plain(&format!("{long}\n\n> {long}\n\n[here]({url})"));

        for line in text.lines() {
            assert!(
                line.chars().count() <= WRAP || line.contains(&url),
                "{line}"
            );
        }
        assert!(text.lines().any(|l| l.starts_with("> word")));
        assert!(text.contains(&url));
    }

    #[test]
    fn a_link_whose_text_is_its_address_is_written_once() {
        assert_eq!(
            plain("<https://example.org/u/1>"),
            "https://example.org/u/1\n"
        );
    }
}
