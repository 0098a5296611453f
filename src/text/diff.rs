//! Word-level differences between two revisions of a text, for the
//! "what changed" page and the emails that announce a new revision.

use std::mem;
use std::time::Duration;

use maud::{Markup, html};
use similar::{ChangeTag, TextDiff};

/// One stretch of a word diff. Concatenating the `Same` and `Removed` parts
/// gives the old text back; the `Same` and `Added` parts give the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffPart {
    Same(String),
    Added(String),
    Removed(String),
}

/// Past this the diff settles for a coarser answer, so that a pathological
/// pair of long texts cannot hold a worker.
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// The word diff of two texts, on Unicode word boundaries.
///
/// Changes separated only by whitespace are grouped into one removed and
/// one added stretch, so replacing "quick brown" by "slow red" reads as
/// `[-quick brown-]{+slow red+}` rather than word by word. Parts are never
/// empty and never followed by a part of the same kind.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_unicode_words(old, new);
    let mut grouper = Grouper::default();
    for change in diff.iter_all_changes() {
        grouper.push(change.tag(), change.value());
    }
    grouper.finish()
}

/// Words added and words removed, for summaries ("12 words added, 3
/// removed"). Stretches of punctuation or whitespace alone are not words.
pub fn diff_stats(parts: &[DiffPart]) -> (usize, usize) {
    let words = |text: &str| {
        text.split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .count()
    };
    parts
        .iter()
        .fold((0, 0), |(added, removed), part| match part {
            DiffPart::Added(text) => (added + words(text), removed),
            DiffPart::Removed(text) => (added, removed + words(text)),
            DiffPart::Same(_) => (added, removed),
        })
}

/// The diff as HTML: `<del>` for removed text, `<ins>` for added text,
/// inside a `<div class="diff">`. Whitespace and line breaks are kept as
/// typed rather than turned into `<br>`: the stylesheet gives `.diff`
/// `white-space: pre-wrap`.
pub fn render_diff(parts: &[DiffPart]) -> Markup {
    html! {
        div.diff {
            @for part in parts {
                @match part {
                    DiffPart::Same(text) => (text),
                    DiffPart::Added(text) => ins { (text) },
                    DiffPart::Removed(text) => del { (text) },
                }
            }
        }
    }
}

/// The diff as plain text for emails, in the style of `git diff
/// --word-diff`: removed text as `[-…-]`, added text as `{+…+}`.
pub fn diff_as_text(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .map(|part| match part {
            DiffPart::Same(text) => text.clone(),
            DiffPart::Added(text) => format!("{{+{text}+}}"),
            DiffPart::Removed(text) => format!("[-{text}-]"),
        })
        .collect()
}

/// Collects changes into parts, holding a run of changes open across
/// whitespace until an unchanged word shows where it ends.
#[derive(Default)]
struct Grouper {
    parts: Vec<DiffPart>,
    removed: String,
    added: String,
    /// Unchanged whitespace met inside a run of changes.
    gap: String,
}

impl Grouper {
    fn push(&mut self, tag: ChangeTag, value: &str) {
        let in_run = !self.removed.is_empty() || !self.added.is_empty();
        match tag {
            ChangeTag::Equal if in_run && value.trim().is_empty() => self.gap.push_str(value),
            ChangeTag::Equal => {
                self.close_run();
                self.emit(DiffPart::Same(value.to_string()));
            }
            ChangeTag::Delete | ChangeTag::Insert => {
                // The gap is then part of the changed phrase on both sides.
                let gap = mem::take(&mut self.gap);
                self.removed.push_str(&gap);
                self.added.push_str(&gap);
                let side = match tag {
                    ChangeTag::Delete => &mut self.removed,
                    _ => &mut self.added,
                };
                side.push_str(value);
            }
        }
    }

    fn finish(mut self) -> Vec<DiffPart> {
        self.close_run();
        self.parts
    }

    /// Emits the run, moving whitespace both sides begin or end with out of
    /// it, since that whitespace did not change.
    fn close_run(&mut self) {
        let removed = mem::take(&mut self.removed);
        let added = mem::take(&mut self.added);
        let lead = common_whitespace(removed.chars(), added.chars());
        let trail = common_whitespace(removed[lead..].chars().rev(), added[lead..].chars().rev());
        self.emit(DiffPart::Same(removed[..lead].to_string()));
        self.emit(DiffPart::Removed(
            removed[lead..removed.len() - trail].to_string(),
        ));
        self.emit(DiffPart::Added(
            added[lead..added.len() - trail].to_string(),
        ));
        self.emit(DiffPart::Same(removed[removed.len() - trail..].to_string()));
        let gap = mem::take(&mut self.gap);
        self.emit(DiffPart::Same(gap));
    }

    /// Appends a part, skipping empty ones and merging with a previous part
    /// of the same kind.
    fn emit(&mut self, part: DiffPart) {
        if text_of(&part).is_empty() {
            return;
        }
        match (self.parts.last_mut(), part) {
            (Some(DiffPart::Same(last)), DiffPart::Same(text))
            | (Some(DiffPart::Added(last)), DiffPart::Added(text))
            | (Some(DiffPart::Removed(last)), DiffPart::Removed(text)) => last.push_str(&text),
            (_, part) => self.parts.push(part),
        }
    }
}

fn text_of(part: &DiffPart) -> &str {
    match part {
        DiffPart::Same(text) | DiffPart::Added(text) | DiffPart::Removed(text) => text,
    }
}

/// Length in bytes of the whitespace both sequences start with.
fn common_whitespace(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_word_is_removed_then_added() {
        let parts = word_diff("The quick brown fox", "The slow brown fox");

        assert_eq!(
            parts,
            [
                DiffPart::Same("The ".into()),
                DiffPart::Removed("quick".into()),
                DiffPart::Added("slow".into()),
                DiffPart::Same(" brown fox".into()),
            ]
        );
        assert_eq!(diff_as_text(&parts), "The [-quick-]{+slow+} brown fox");
    }

    #[test]
    fn neighbouring_replaced_words_read_as_one_phrase() {
        let parts = word_diff("We want quick brown foxes.", "We want slow red foxes.");

        assert_eq!(
            diff_as_text(&parts),
            "We want [-quick brown-]{+slow red+} foxes."
        );
    }

    #[test]
    fn inserted_and_deleted_words_show_alone() {
        let inserted = word_diff("clean water", "clean and safe water");
        let deleted = word_diff("clean and safe water", "clean water");

        assert_eq!(diff_as_text(&inserted), "clean {+and safe +}water");
        assert_eq!(diff_as_text(&deleted), "clean [-and safe -]water");
    }

    #[test]
    fn stats_count_words_not_punctuation() {
        let parts = word_diff("Water, now.", "Clean water for all, now!");

        let (added, removed) = diff_stats(&parts);

        assert_eq!((added, removed), (4, 1));
    }

    #[test]
    fn rendered_diff_escapes_markup_and_marks_changes() {
        let parts = word_diff("a <b> c", "a <i> c");

        let html = render_diff(&parts).into_string();

        assert_eq!(
            html,
            "<div class=\"diff\">a &lt;[-b-]&gt; c</div>"
                .replace("[-b-]", "<del>b</del><ins>i</ins>")
        );
    }

    #[test]
    fn identical_texts_are_one_unchanged_part() {
        assert_eq!(
            word_diff("same\ntext", "same\ntext"),
            [DiffPart::Same("same\ntext".into())]
        );
        assert_eq!(word_diff("", ""), []);
    }

    #[test]
    fn generated_diffs_rebuild_both_texts_and_never_repeat_a_kind() {
        let words = ["a", "b", "c", " ", "  ", "\n", ".", "ñu", "x y"];
        let texts: Vec<String> = words
            .iter()
            .flat_map(|first| {
                words
                    .iter()
                    .map(move |second| format!("{first}{second}a b"))
            })
            .collect();
        for old in &texts {
            for new in &texts {
                let parts = word_diff(old, new);

                assert_eq!(&rebuild(&parts, false), old);
                assert_eq!(&rebuild(&parts, true), new);
                assert!(parts.iter().all(|part| !text_of(part).is_empty()));
                let kinds: Vec<_> = parts.iter().map(mem::discriminant).collect();
                assert!(kinds.windows(2).all(|pair| pair[0] != pair[1]), "{parts:?}");
            }
        }
    }

    fn rebuild(parts: &[DiffPart], new: bool) -> String {
        parts
            .iter()
            .filter_map(|part| match part {
                DiffPart::Same(text) => Some(text.as_str()),
                DiffPart::Added(text) if new => Some(text.as_str()),
                DiffPart::Removed(text) if !new => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}
