//! Text normalisation shared by the query filter and near-pair matching.

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
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
}
