//! Turns a label into terms: content words, reduced to their stems.
//!
//! 1. words are the runs of letters and digits, lowercased ([`word_spans`]);
//! 2. a few paraphrases are replaced by one canonical word ([`PARAPHRASES`]), then
//!    stop words are dropped (French or English ones, by the label's language);
//! 3. each word becomes its Snowball stem in the label's language, folded (no accents):
//!    `modération`, `modérer` → `moder`. A label whose language is not known gets the
//!    stems of both languages.
//!
//! Terms are named by ids, shared by every label the analyzer reads. What the analyzer
//! learns about a word (folded form, stop-word flags, stems) is kept, so a word costs
//! one hash lookup after its first sight: a catalogue has tens of thousands of labels
//! over a few thousand distinct words.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::compare::textnorm::{fold, word_spans};
use crate::compare::words::{ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, PARAPHRASES};

/// Words are looked up once per word of every label: foldhash is several times
/// faster than std's SipHash on short strings.
type Hasher = foldhash::fast::RandomState;

/// The language a label is analysed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    French,
    English,
    /// Not known: both languages' stop words are dropped and both stems kept.
    Unknown,
}

/// What the analyzer knows of one lowercase word.
#[derive(Debug)]
struct Word {
    /// The word as written, lowercase (the French stemmer needs its accents).
    lower: String,
    folded: String,
    french_stop: bool,
    english_stop: bool,
    /// Term ids of its French and English stems, found on first need.
    stems: [Option<u32>; 2],
}

/// Label → terms, with the memory of every word and term seen.
pub(crate) struct Analyzer {
    french: Stemmer,
    english: Stemmer,
    /// Lowercase word → index in `words`.
    word_ids: HashMap<String, u32, Hasher>,
    words: Vec<Word>,
    /// Folded stem → term id, and back.
    term_ids: HashMap<String, u32, Hasher>,
    term_names: Vec<String>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("words", &self.words.len())
            .field("terms", &self.term_names.len())
            .finish()
    }
}

impl Analyzer {
    pub(crate) fn new() -> Self {
        Self {
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            word_ids: HashMap::default(),
            words: Vec::new(),
            term_ids: HashMap::default(),
            term_names: Vec::new(),
        }
    }

    /// Number of distinct terms met so far; term ids are below it.
    pub(crate) fn vocabulary(&self) -> usize {
        self.term_names.len()
    }

    /// The folded stem a term id stands for.
    #[cfg(test)]
    pub(crate) fn term_name(&self, term: u32) -> &str {
        &self.term_names[term as usize]
    }

    /// The language `text` is most likely in: the one more of its words are stop words
    /// of, an accented letter counting for French; `Unknown` on a tie (often: no stop
    /// word at all, as in "Weekly newsletter writing").
    pub(crate) fn guess(&mut self, text: &str) -> Language {
        let (mut french, mut english) = (0, 0);
        for span in word_spans(text) {
            let id = self.word(span);
            let word = &self.words[id as usize];
            french += usize::from(word.french_stop);
            english += usize::from(word.english_stop);
        }
        if !text.is_ascii() && fold(text) != text.to_lowercase() {
            french += 1;
        }
        match french.cmp(&english) {
            std::cmp::Ordering::Greater => Language::French,
            std::cmp::Ordering::Less => Language::English,
            std::cmp::Ordering::Equal => Language::Unknown,
        }
    }

    /// The terms of `text` read in `language`, in text order, repeats kept (a role's
    /// wording counts them; a label's vector does not).
    pub(crate) fn terms(&mut self, text: &str, language: Language) -> Vec<u32> {
        let words: Vec<u32> = word_spans(text).map(|span| self.word(span)).collect();
        let mut kept = Vec::with_capacity(words.len());
        let mut at = 0;
        while at < words.len() {
            if let Some((length, canonical)) = self.paraphrase_at(&words[at..]) {
                kept.push(self.word(canonical));
                at += length;
                continue;
            }
            let word = &self.words[words[at] as usize];
            let stop = match language {
                Language::French => word.french_stop,
                Language::English => word.english_stop,
                Language::Unknown => word.french_stop || word.english_stop,
            };
            if !stop {
                kept.push(words[at]);
            }
            at += 1;
        }
        let mut terms = Vec::with_capacity(kept.len());
        for word in kept {
            match language {
                Language::French => terms.push(self.stem(word, 0)),
                Language::English => terms.push(self.stem(word, 1)),
                Language::Unknown => {
                    let (french, english) = (self.stem(word, 0), self.stem(word, 1));
                    terms.push(french);
                    // A word with one stem in both languages counts once.
                    if english != french {
                        terms.push(english);
                    }
                }
            }
        }
        terms
    }

    /// The paraphrase `words` start with, as its length in words and its canonical word.
    fn paraphrase_at(&self, words: &[u32]) -> Option<(usize, &'static str)> {
        PARAPHRASES.iter().find_map(|(phrase, canonical)| {
            let matches = phrase.len() <= words.len()
                && phrase
                    .iter()
                    .zip(words)
                    .all(|(p, &w)| *p == self.words[w as usize].folded);
            matches.then_some((phrase.len(), *canonical))
        })
    }

    /// The index of `span` (a run of letters and digits) in `words`, added on first sight.
    fn word(&mut self, span: &str) -> u32 {
        let lower: Cow<str> = if span.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            span.to_lowercase().into()
        } else {
            span.into()
        };
        if let Some(&id) = self.word_ids.get(lower.as_ref()) {
            return id;
        }
        let folded = fold(&lower);
        let id = self.words.len() as u32;
        self.words.push(Word {
            french_stop: FRENCH_STOP_WORDS.contains(&folded.as_str()),
            english_stop: ENGLISH_STOP_WORDS.contains(&folded.as_str()),
            lower: lower.to_string(),
            folded,
            stems: [None, None],
        });
        self.word_ids.insert(lower.into_owned(), id);
        id
    }

    /// The term id of the stem of word `word` in French (`slot` 0) or English (1).
    fn stem(&mut self, word: u32, slot: usize) -> u32 {
        let entry = &self.words[word as usize];
        if let Some(term) = entry.stems[slot] {
            return term;
        }
        // Stem with accents (the French algorithm relies on them), compare without.
        let stemmer = if slot == 0 {
            &self.french
        } else {
            &self.english
        };
        let name = fold(&stemmer.stem(&entry.lower));
        let term = match self.term_ids.get(name.as_str()) {
            Some(&term) => term,
            None => {
                let term = self.term_names.len() as u32;
                self.term_names.push(name.clone());
                self.term_ids.insert(name, term);
                term
            }
        };
        self.words[word as usize].stems[slot] = Some(term);
        term
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(analyzer: &mut Analyzer, text: &str, language: Language) -> Vec<String> {
        let terms = analyzer.terms(text, language);
        terms
            .iter()
            .map(|&t| analyzer.term_name(t).to_string())
            .collect()
    }

    #[test]
    fn terms_are_folded_stems_without_stop_words_in_text_order() {
        let mut analyzer = Analyzer::new();
        assert_eq!(
            names(&mut analyzer, "Modérer les commentaires", Language::French),
            ["moder", "commentair"]
        );
        assert_eq!(
            names(
                &mut analyzer,
                "Modération des commentaires",
                Language::French
            ),
            ["moder", "commentair"]
        );
        assert_eq!(
            names(&mut analyzer, "Moderate the comments", Language::English),
            ["moder", "comment"]
        );
        // Repeats are kept: a role's wording counts them.
        assert_eq!(
            names(&mut analyzer, "Plan plans", Language::English),
            ["plan", "plan"]
        );
    }

    #[test]
    fn paraphrases_are_replaced_before_stop_words_go() {
        let mut analyzer = Analyzer::new();
        // "faire" alone is a stop word; "faire vivre" means "animer".
        assert_eq!(
            names(&mut analyzer, "Faire vivre la communauté", Language::French),
            names(&mut analyzer, "Animer la communauté", Language::French)
        );
        assert_eq!(
            names(&mut analyzer, "Take care of the forum", Language::English),
            ["manag", "forum"]
        );
    }

    #[test]
    fn the_language_is_guessed_from_stop_words_and_accents() {
        let mut analyzer = Analyzer::new();
        assert_eq!(analyzer.guess("Animer la communauté"), Language::French);
        assert_eq!(analyzer.guess("Modérer"), Language::French);
        assert_eq!(analyzer.guess("Draft the newsletter"), Language::English);
        assert_eq!(
            analyzer.guess("Weekly newsletter writing"),
            Language::Unknown
        );
        // Unknown: both stems, a shared one once.
        assert_eq!(
            names(&mut analyzer, "Newsletter writing", Language::Unknown),
            ["newslet", "newslett", "writing", "write"]
        );
    }

    #[test]
    fn numbers_and_other_scripts_are_words() {
        let mut analyzer = Analyzer::new();
        assert_eq!(
            names(&mut analyzer, "Niveau 2 (2026)", Language::French),
            ["niveau", "2", "2026"]
        );
        assert_eq!(names(&mut analyzer, "ΣΟΦΟΣ", Language::English), ["σοφος"]);
    }
}
