//! Text normalisation shared by the query filter, near-pair matching and header matching.

use unicode_normalization::UnicodeNormalization;

/// Lowercase, without accents (NFD, combining marks dropped): `Modérer` → `moderer`.
pub fn fold(text: &str) -> String {
    // ASCII has no accents to drop: the common case skips the decomposition.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text`, lowercase but with their accents (the French stemmer needs
/// them): runs of letters and digits, everything else (spaces, punctuation,
/// apostrophes, hyphens) separates words.
pub fn words(text: &str) -> Vec<String> {
    word_spans(text).map(str::to_lowercase).collect()
}

/// The runs of letters and digits of `text`, as they are written.
///
/// The same pieces as `text.split(|c: char| !c.is_alphanumeric())` without the empty
/// ones, but ASCII is read a byte at a time: near-pair analysis splits every label of
/// a catalogue, and the generic splitter decoded and classified each character through
/// several layers (a third of the analysis).
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, at: 0 }
}

/// The iterator of [`word_spans`].
pub struct WordSpans<'a> {
    text: &'a str,
    /// Where reading resumes: always on a character boundary.
    at: usize,
}

/// Which ASCII bytes are letters or digits: a lookup is measurably cheaper than
/// `u8::is_ascii_alphanumeric`'s range tests in the splitter's loop.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// Whether the non-ASCII character at byte `at` of `text` is a letter or digit, and
/// its length in bytes.
fn wide_char_class(text: &str, at: usize) -> (bool, usize) {
    match text[at..].chars().next() {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

impl WordSpans<'_> {
    /// Moves past the characters that are (`in_word`) or are not letters or digits.
    // Inlined into each call with `in_word` a constant: the loop is the splitter's work.
    #[inline(always)]
    fn skip(&mut self, in_word: bool) {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(self.at) {
            let (word, width) = match ASCII_WORD.get(usize::from(byte)) {
                Some(&word) => (word, 1),
                None => wide_char_class(self.text, self.at),
            };
            if word != in_word {
                break;
            }
            self.at += width;
        }
    }
}

impl<'a> Iterator for WordSpans<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.skip(false);
        let start = self.at;
        self.skip(true);
        (start < self.at).then(|| &self.text[start..self.at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Modérer LA Communauté"), "moderer la communaute");
        assert_eq!(fold("ÉVÉNEMENTS"), "evenements");
    }

    #[test]
    fn words_split_on_punctuation_and_keep_accents() {
        assert_eq!(
            words("Animer l'équipe, co-construire (B2B)!"),
            ["animer", "l", "équipe", "co", "construire", "b2b"]
        );
        assert!(words(" -- ").is_empty());
    }

    proptest::proptest! {
        /// The byte-wise splitter cuts exactly where the generic one does, on any text.
        #[test]
        fn word_spans_are_the_pieces_of_the_generic_split(
            text in "([a-zA-Z0-9 ,'\\-]|[éÉœ²½٣ΣΟ\u{300}\u{1F600}]|\\PC){0,40}"
        ) {
            let generic: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), generic);
        }
    }
}
