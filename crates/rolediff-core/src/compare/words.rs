//! Word lists for near-pair matching: stop words and paraphrases, French and English.
//!
//! Every entry is in folded form (lowercase, no accents, see [`crate::text::fold::fold`]),
//! because that is how words are looked up.

/// French words that carry no meaning of their own in a task label: articles,
/// prepositions, pronouns, auxiliaries, and the single letters left by elision
/// (`l'équipe` splits into `l` and `equipe`).
pub const FRENCH_STOP_WORDS: &[&str] = &[
    "a", "afin", "ai", "aie", "as", "au", "aupres", "aussi", "autre", "autres", "aux", "avec",
    "avoir", "c", "ca", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette",
    "ceux", "chaque", "chez", "d", "dans", "de", "des", "du", "elle", "elles", "en", "entre",
    "est", "et", "etre", "eux", "faire", "fait", "il", "ils", "j", "je", "l", "la", "le", "les",
    "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "mes", "moi", "mon", "n", "ne", "ni",
    "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour", "plus", "qu", "que", "quel",
    "quelle", "qui", "s", "sa", "sans", "se", "ses", "son", "sont", "sous", "sur", "t", "ta", "te",
    "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tu", "un", "une", "vers", "via",
    "vos", "votre", "vous", "y",
];

/// English words that carry no meaning of their own in a task label.
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "being", "between", "both", "but", "by", "can", "do", "does", "each", "every", "for",
    "from", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "make", "more", "most", "of", "on", "one", "or", "other", "our", "out", "over", "own", "s",
    "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "under", "up", "us", "via", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "why", "will", "with", "within", "you",
    "your",
];

/// Paraphrases job descriptions use for the same activity, each replaced by one
/// canonical word before stemming. Stemming and TF-IDF cannot see that "faire vivre la
/// communauté" means "animer la communauté": the words differ entirely. The list stays
/// short on purpose: only expressions that mean the same thing in any context.
pub const PARAPHRASES: &[(&[&str], &str)] = &[
    (&["faire", "vivre"], "animer"),
    (&["faire", "grandir"], "developper"),
    (&["prendre", "en", "charge"], "gerer"),
    (&["s", "occuper", "de"], "gerer"),
    (&["mettre", "en", "place"], "deployer"),
    (&["mettre", "en", "oeuvre"], "deployer"),
    (&["take", "care", "of"], "manage"),
    (&["look", "after"], "manage"),
    (&["keep", "alive"], "animate"),
    (&["roll", "out"], "deploy"),
    (&["set", "up"], "deploy"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    #[test]
    fn lists_are_folded_and_free_of_duplicates() {
        for list in [FRENCH_STOP_WORDS, ENGLISH_STOP_WORDS] {
            let mut seen = std::collections::HashSet::new();
            for word in list {
                assert_eq!(fold(word), *word, "{word} is not folded");
                assert!(seen.insert(word), "{word} twice");
            }
        }
        for (phrase, _) in PARAPHRASES {
            assert!(phrase.len() >= 2);
            assert!(phrase.iter().all(|w| fold(w) == *w));
        }
    }
}
