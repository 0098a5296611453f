//! URL slugs for statements.

/// The longest slug, short enough to read aloud and to fit in a shared link.
const MAX_SLUG_CHARS: usize = 60;

/// Used when a title has nothing that transliterates to a letter or digit.
const FALLBACK_SLUG: &str = "statement";

/// A URL slug from a title: transliterated to ASCII, lowercase, words joined
/// by single hyphens, at most 60 characters cut at a hyphen where there is
/// one, and never empty ("statement" when nothing is left). The result
/// always passes [`is_valid_slug`].
pub fn slugify(title: &str) -> String {
    let slug = slug::slugify(title);
    let cut = cut_at_hyphen(&slug);
    if cut.is_empty() {
        FALLBACK_SLUG.to_string()
    } else {
        cut.to_string()
    }
}

/// `base`, or else the first of `base-2`, `base-3`, … that `taken` says
/// is free.
pub fn first_free_slug<E>(
    base: &str,
    mut taken: impl FnMut(&str) -> Result<bool, E>,
) -> Result<String, E> {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken(&candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

/// Whether `slug` is a slug a coordinator may type: 1 to 60 of `a-z`, `0-9`
/// and `-`, with no hyphen at either end and no two hyphens in a row.
pub fn is_valid_slug(slug: &str) -> bool {
    (1..=MAX_SLUG_CHARS).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// `slug` is ASCII, so byte positions are character positions.
fn cut_at_hyphen(slug: &str) -> &str {
    if slug.len() <= MAX_SLUG_CHARS {
        return slug;
    }
    if slug.as_bytes()[MAX_SLUG_CHARS] == b'-' {
        return &slug[..MAX_SLUG_CHARS];
    }
    let head = &slug[..MAX_SLUG_CHARS];
    // A single word longer than the limit is cut inside the word.
    head.rfind('-').map_or(head, |hyphen| &head[..hyphen])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_slug_gets_the_first_free_number() {
        let taken = ["agua", "agua-2"];

        let slug = first_free_slug("agua", |candidate| -> Result<bool, ()> {
            Ok(taken.contains(&candidate))
        });

        assert_eq!(slug, Ok("agua-3".to_string()));
    }

    #[test]
    fn a_spanish_title_becomes_an_ascii_slug() {
        let slug = slugify("Declaración conjunta: ¡Agua para todos!");

        assert_eq!(slug, "declaracion-conjunta-agua-para-todos");
    }

    #[test]
    fn a_long_title_is_cut_at_a_hyphen() {
        let title =
            "An open letter to the council about the water supply of the northern districts";

        let slug = slugify(title);

        assert_eq!(
            slug,
            "an-open-letter-to-the-council-about-the-water-supply-of-the"
        );
        assert!(slug.len() <= 60);
    }

    #[test]
    fn a_single_endless_word_is_cut_at_the_limit() {
        let slug = slugify(&"a".repeat(100));

        assert_eq!(slug, "a".repeat(60));
    }

    #[test]
    fn a_title_without_letters_gets_a_fallback() {
        assert_eq!(slugify("!!!"), "statement");
        assert_eq!(slugify(""), "statement");
    }

    #[test]
    fn slug_validity_follows_the_rules() {
        for valid in ["a", "water-2025", "x1-y2-z3", &"a".repeat(60)] {
            assert!(is_valid_slug(valid), "{valid}");
        }
        for invalid in [
            "",
            "-a",
            "a-",
            "a--b",
            "Agua",
            "agua para",
            "ñu",
            "a_b",
            &"a".repeat(61),
        ] {
            assert!(!is_valid_slug(invalid), "{invalid}");
        }
    }

    #[test]
    fn every_generated_title_gives_a_valid_slug() {
        let pieces = [
            "Ägua", " ", "!", "-", "para", "todos", "東京", "🙂", "ß", "a1", "--", "   ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let title = [a, b, c, b, a].concat().repeat(4);

                    let slug = slugify(&title);

                    assert!(is_valid_slug(&slug), "{title:?} -> {slug:?}");
                }
            }
        }
    }
}
