//! Turns a label into terms: content words, reduced to their stems.
//!
//! 1. words are the runs of letters and digits, lowercased ([`word_spans`]);
//! 2. a few paraphrases are replaced by one canonical word ([`PARAPHRASES`]), then
//!    stop words are dropped (French or English ones, by the label's language);
//! 3. each word becomes its Snowball stem in the label's language, folded (no accents):
//!    `modération`, `modérer` → `moder`. A label whose language is not known gets the
//!    stems of both languages;
//! 4. a stem of a word the data set declares a synonym of others (`synonyms:`) becomes
//!    the stem of its group's first word, so that `monitoring` (stem `monitor`) and
//!    `track` are one term once `[track, monitor]` is declared.
//!
//! Terms are named by ids, shared by every label the analyzer reads. What the analyzer
//! learns about a word (folded form, stop-word flags, stems) is kept, so a word costs
//! one hash lookup after its first sight: a catalogue has tens of thousands of labels
//! over a few thousand distinct words.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::compare::words::{ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, PARAPHRASES};
use crate::text::fold::{fold, word_spans};

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
    /// Whether a paraphrase starts with this word: only then are they compared.
    opens_paraphrase: bool,
    /// Term ids of its French and English stems, found on first need.
    stems: [Option<u32>; 2],
}

/// Label → terms, with the memory of every word and term seen.
pub(crate) struct Analyzer {
    french: Stemmer,
    english: Stemmer,
    french_stop: HashSet<&'static str, Hasher>,
    english_stop: HashSet<&'static str, Hasher>,
    /// Lowercase word → index in `words`.
    word_ids: HashMap<String, u32, Hasher>,
    words: Vec<Word>,
    /// Per language (French, English): folded stem of a declared synonym → folded stem
    /// of its group's first word. Empty unless the data declares `synonyms`.
    synonyms: [HashMap<String, String, Hasher>; 2],
    /// Folded stem → term id, and back.
    term_ids: HashMap<String, u32, Hasher>,
    term_names: Vec<String>,
    /// Scratch space to lowercase a word in.
    lowercase: String,
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
            french_stop: FRENCH_STOP_WORDS.iter().copied().collect(),
            english_stop: ENGLISH_STOP_WORDS.iter().copied().collect(),
            word_ids: HashMap::default(),
            words: Vec::new(),
            synonyms: [HashMap::default(), HashMap::default()],
            term_ids: HashMap::default(),
            term_names: Vec::new(),
            lowercase: String::new(),
        }
    }

    /// An analyzer that reads each group of `synonyms` (words, as a data set declares
    /// them) as one word, in both languages.
    ///
    /// Groups that share a stem are one group: synonymy is taken as transitive, so a
    /// word never stands for two different words.
    pub(crate) fn with_synonyms(synonyms: &[Vec<String>]) -> Self {
        let mut analyzer = Self::new();
        for slot in 0..2 {
            let stemmer = if slot == 0 {
                &analyzer.french
            } else {
                &analyzer.english
            };
            let stems = synonyms.iter().map(|group| {
                group
                    .iter()
                    .map(|word| fold(&stemmer.stem(&word.to_lowercase())))
                    .collect::<Vec<_>>()
            });
            analyzer.synonyms[slot] = union_of_groups(stems);
        }
        analyzer
    }

    /// Number of distinct terms met so far; term ids are below it.
    pub(crate) fn vocabulary(&self) -> usize {
        self.term_names.len()
    }

    /// A word read so far whose stem is `term`, lowercase, as written (the first one
    /// met): how a person reads a term. The stem itself for a term no word of the
    /// texts read gives (a paraphrase's canonical word).
    pub(crate) fn written_form(&self, term: u32) -> &str {
        self.words
            .iter()
            .find(|word| word.stems.contains(&Some(term)))
            .map_or_else(|| self.term_name(term), |word| word.lower.as_str())
    }

    /// Adds to `forms` each term of `text`'s words (in French and in English) with
    /// the word that gives it, lowercase, unless the term has a form already: the
    /// words a person wrote, for naming terms in the language they read.
    pub(crate) fn written_forms(&mut self, text: &str, forms: &mut HashMap<u32, String>) {
        let mut word = Vec::new();
        let mut terms = Vec::new();
        for span in word_spans(text) {
            word.clear();
            terms.clear();
            self.words(span, &mut word);
            self.terms_of_words(&word, Language::Unknown, &mut terms);
            for &term in &terms {
                forms
                    .entry(term)
                    .or_insert_with(|| self.words[word[0] as usize].lower.clone());
            }
        }
    }

    /// The folded stem a term id stands for.
    pub(crate) fn term_name(&self, term: u32) -> &str {
        &self.term_names[term as usize]
    }

    /// The language `text` is most likely in: the one more of its words are stop words
    /// of, an accented letter counting for French; `Unknown` on a tie (often: no stop
    /// word at all, as in "Weekly newsletter writing").
    #[cfg(test)]
    pub(crate) fn guess(&mut self, text: &str) -> Language {
        let mut words = Vec::new();
        self.words(text, &mut words);
        self.guess_words(text, &words)
    }

    /// [`Analyzer::guess`] of `text` whose words (from [`Analyzer::words`]) are `words`.
    pub(crate) fn guess_words(&self, text: &str, words: &[u32]) -> Language {
        let (mut french, mut english) = (0, 0);
        for &id in words {
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

    /// Appends the words of `text` to `out`, as word ids (each distinct lowercase word
    /// one id).
    pub(crate) fn words(&mut self, text: &str, out: &mut Vec<u32>) {
        out.extend(word_spans(text).map(|span| self.word(span)));
    }

    /// The terms of `text` read in `language`, in text order, repeats kept (a role's
    /// wording counts them; a label's vector does not).
    #[cfg(test)]
    pub(crate) fn terms(&mut self, text: &str, language: Language) -> Vec<u32> {
        let mut terms = Vec::new();
        self.terms_into(text, language, &mut terms);
        terms
    }

    /// Appends the terms of `text` read in `language` to `out`, in text order.
    #[cfg(test)]
    pub(crate) fn terms_into(&mut self, text: &str, language: Language, out: &mut Vec<u32>) {
        let mut words = Vec::new();
        self.words(text, &mut words);
        self.terms_of_words(&words, language, out);
    }

    /// Appends to `out` the terms of the words `words` (from [`Analyzer::words`]) read
    /// in `language`, in order, repeats kept.
    pub(crate) fn terms_of_words(&mut self, words: &[u32], language: Language, out: &mut Vec<u32>) {
        let mut at = 0;
        while at < words.len() {
            let (word, length) = match self.paraphrase_at(&words[at..]) {
                Some((length, canonical)) => (self.word(canonical), length),
                None => (words[at], 1),
            };
            at += length;
            let entry = &self.words[word as usize];
            let stop = match language {
                Language::French => entry.french_stop,
                Language::English => entry.english_stop,
                Language::Unknown => entry.french_stop || entry.english_stop,
            };
            // A paraphrase's canonical word is never a stop word.
            if stop && length == 1 {
                continue;
            }
            match language {
                Language::French => out.push(self.stem(word, 0)),
                Language::English => out.push(self.stem(word, 1)),
                Language::Unknown => {
                    let (french, english) = (self.stem(word, 0), self.stem(word, 1));
                    out.push(french);
                    // A word with one stem in both languages counts once.
                    if english != french {
                        out.push(english);
                    }
                }
            }
        }
    }

    /// The paraphrase `words` start with, as its length in words and its canonical word.
    fn paraphrase_at(&self, words: &[u32]) -> Option<(usize, &'static str)> {
        if !self.words[words[0] as usize].opens_paraphrase {
            return None;
        }
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
        let lower: &str = if span.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            // Most words are lowercase ASCII; the others are lowercased into a buffer
            // kept from one word to the next.
            self.lowercase.clear();
            self.lowercase
                .extend(span.chars().flat_map(char::to_lowercase));
            if span.contains('Σ') {
                // A final capital sigma lowercases to ς: only `str` knows.
                self.lowercase = span.to_lowercase();
            }
            &self.lowercase
        } else {
            span
        };
        if let Some(&id) = self.word_ids.get(lower) {
            return id;
        }
        let lower = lower.to_string();
        let folded = fold(&lower);
        let id = self.words.len() as u32;
        self.words.push(Word {
            french_stop: self.french_stop.contains(folded.as_str()),
            english_stop: self.english_stop.contains(folded.as_str()),
            opens_paraphrase: PARAPHRASES.iter().any(|(phrase, _)| phrase[0] == folded),
            lower: lower.clone(),
            folded,
            stems: [None, None],
        });
        self.word_ids.insert(lower, id);
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
        let mut name = fold(&stemmer.stem(&entry.lower));
        if let Some(first) = self.synonyms[slot].get(&name) {
            name.clone_from(first);
        }
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

/// Groups of stems → each stem that is not its group's representative, mapped to
/// it. Groups sharing a stem merge; the representative is the first stem of the first
/// group that reached it.
fn union_of_groups(groups: impl Iterator<Item = Vec<String>>) -> HashMap<String, String, Hasher> {
    // Union-find over stems numbered in the order first met: a group's representative
    // is its smallest number, and paths are compressed, so that a file of many
    // chained groups costs about linear time, not quadratic.
    let mut numbers: HashMap<String, usize, Hasher> = HashMap::default();
    let mut names: Vec<String> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    for group in groups {
        let roots: Vec<usize> = group
            .into_iter()
            .map(|stem| {
                let number = *numbers.entry(stem.clone()).or_insert_with(|| {
                    names.push(stem);
                    parent.push(parent.len());
                    parent.len() - 1
                });
                root(&mut parent, number)
            })
            .collect();
        let Some(&representative) = roots.iter().min() else {
            continue;
        };
        for other in roots {
            parent[other] = representative;
        }
    }
    (0..names.len())
        .filter_map(|stem| {
            let representative = root(&mut parent, stem);
            (representative != stem).then(|| (names[stem].clone(), names[representative].clone()))
        })
        .collect()
}

/// The representative of `at` in the union-find `parent`, with the path to it
/// compressed.
fn root(parent: &mut [usize], mut at: usize) -> usize {
    let mut top = at;
    while parent[top] != top {
        top = parent[top];
    }
    while parent[at] != top {
        let next = parent[at];
        parent[at] = top;
        at = next;
    }
    top
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
    fn declared_synonyms_and_their_derived_words_are_one_term() {
        let groups = vec![
            vec!["track".to_string(), "monitor".to_string()],
            vec!["metrics".to_string(), "statistics".to_string()],
            vec!["publication".to_string(), "post".to_string()],
        ];
        let mut analyzer = Analyzer::with_synonyms(&groups);
        assert_eq!(
            names(&mut analyzer, "Track engagement metrics", Language::English),
            names(
                &mut analyzer,
                "Monitoring of engagement statistics",
                Language::English
            )
        );
        assert_eq!(
            names(&mut analyzer, "les publications", Language::French),
            names(&mut analyzer, "les posts", Language::French)
        );
        // Words outside the groups keep their own stems.
        assert_eq!(
            names(&mut analyzer, "Moderate statistics", Language::English),
            ["moder", "metric"]
        );
        // Without the declaration, the words stay apart.
        let mut plain = Analyzer::new();
        assert_eq!(
            names(&mut plain, "Monitoring statistics", Language::English),
            ["monitor", "statist"]
        );
    }

    #[test]
    fn groups_that_share_a_word_are_one_group() {
        let table = union_of_groups(
            [
                vec!["a", "b"],
                vec!["c", "d"],
                vec!["d", "b"],
                vec!["e", "a"],
            ]
            .into_iter()
            .map(|g| g.into_iter().map(String::from).collect()),
        );
        for stem in ["b", "c", "d", "e"] {
            assert_eq!(table.get(stem).map(String::as_str), Some("a"), "{stem}");
        }
        assert!(!table.contains_key("a"), "a representative maps to nothing");
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
