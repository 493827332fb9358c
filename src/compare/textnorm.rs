//! Text normalisation shared by the query filter and near-pair matching.

use unicode_normalization::UnicodeNormalization;

/// Lowercase, without accents (NFD, combining marks dropped): `Modérer` → `moderer`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
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
}
