//! Slugs: the ids of the data format (`community-manager`).

/// True for a lowercase slug: `a-z`, `0-9`, single dashes between words.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The slug of a text: lowercase ASCII letters and digits, accents removed, anything
/// else turned into single dashes (`Gestionnaire de Communauté` →
/// `gestionnaire-de-communaute`).
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII has nothing to decompose: the common case (every inline task of an English
    // catalogue gets its id from its label) skips the decomposition.
    if text.is_ascii() {
        slug_of(text.chars(), text.len())
    } else {
        slug_of(text.nfd(), text.len())
    }
}

/// The slug of a decomposed text: see [`slugify`].
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut slug = String::with_capacity(capacity);
    for c in chars {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("community-manager"));
        assert!(is_slug("a1-b2"));
        assert!(!is_slug("Community-Manager"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("a_b"));
        assert_eq!(
            slugify("Gestionnaire de Communauté"),
            "gestionnaire-de-communaute"
        );
        assert_eq!(slugify("  Social Media Manager!! "), "social-media-manager");
    }

    proptest::proptest! {
        /// The ASCII shortcut gives what the decomposition gives.
        #[test]
        fn ascii_slugs_skip_the_decomposition_without_changing(text in "[ -~]{0,40}") {
            use unicode_normalization::UnicodeNormalization;
            proptest::prop_assert_eq!(slugify(&text), slug_of(text.nfd(), 0));
        }
    }
}
