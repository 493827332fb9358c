//! Which of French and English a set of short texts is written in, by their most
//! common small words.

use crate::lang::Lang;
use crate::text::fold;

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "un", "une", "pour", "avec", "en", "au", "aux",
    "vos", "nos", "sur", "dans", "par", "d", "l",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "for", "with", "a", "an", "in", "on", "our", "your", "by", "you",
    "we", "across",
];

/// French or English, by counting their small words; `None` when neither shows.
pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Lang> {
    let (mut fr, mut en) = (0usize, 0usize);
    for text in texts {
        let folded = fold(text);
        for word in folded.split(|c: char| !c.is_alphanumeric()) {
            fr += usize::from(FRENCH.contains(&word));
            en += usize::from(ENGLISH.contains(&word));
        }
        // Accented letters are a French sign too.
        fr += text
            .chars()
            .filter(|c| "éèêàùçôî".contains(*c))
            .count()
            .min(1);
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Fr),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        assert_eq!(
            detect(["Concevoir les pipelines de données"].into_iter()),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect(["Build the data pipelines for our teams"].into_iter()),
            Some(Lang::En)
        );
        assert_eq!(detect(["SQL"].into_iter()), None);
    }
}
