//! Near pairs: different tasks whose labels say nearly the same thing.
//!
//! Each task label becomes a TF-IDF vector of stems, once per data set:
//! 1. words are split on anything not a letter or digit, lowercased and compared
//!    without accents ([`fold`]);
//! 2. a few paraphrases are replaced by one canonical word ([`PARAPHRASES`]), and stop
//!    words are dropped;
//! 3. each word is reduced to its Snowball stem, French for the French label and
//!    English for the English one (`modération`, `modérer` → `moder`);
//! 4. each stem weighs its inverse document frequency over all the tasks of the data
//!    set, so that words nearly every task uses ("communauté", "contenu") count little;
//! 5. the vector is L2-normalised, so a dot product is a cosine.
//!
//! Two tasks score the better of their French-to-French and English-to-English cosines.
//! A label given in one language only (the other falls back to it) is analysed once, in
//! the language its stop words and accents point to, and stands for both.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::compare::textnorm::{fold, words};
use crate::compare::words::{ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, PARAPHRASES};
use crate::model::{DataSet, TaskIdx};

/// Pairs scoring at least this are near pairs.
///
/// 0.6 is the ratio at which `delta` pairs changed lines, and it fits TF-IDF cosines of
/// short labels: sharing only a common word ("la communauté") scores well below it,
/// while labels that share their distinctive words ("Modérer les commentaires" /
/// "Modération des commentaires") score near 1. A pair of two-word labels that shares
/// one of two equally rare stems scores 0.5, so one word in common is not enough.
pub const NEAR_THRESHOLD: f64 = 0.6;

/// A sparse vector: `(term id, weight)` sorted by term id, L2 norm 1 (or empty).
type SparseVector = Vec<(u32, f32)>;

/// One task's vectors.
#[derive(Debug, Default, Clone)]
struct TaskVectors {
    /// From the French label.
    french: SparseVector,
    /// From the English label; `None` when the label has one text for both languages,
    /// in which case `french` stands for both.
    english: Option<SparseVector>,
}

impl TaskVectors {
    fn slots(&self) -> [&SparseVector; 2] {
        [&self.french, self.english.as_ref().unwrap_or(&self.french)]
    }
}

/// Text index of every task of a data set.
#[derive(Debug, Default)]
pub struct NearIndex {
    /// Indexed like [`DataSet::tasks`].
    tasks: Vec<TaskVectors>,
    /// Number of distinct terms.
    vocabulary: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    French,
    English,
    /// Not known from the data: guessed from the words.
    Unknown,
}

/// Turns a label into its terms (stems).
struct Analyzer {
    french: Stemmer,
    english: Stemmer,
    french_stop: HashSet<&'static str>,
    english_stop: HashSet<&'static str>,
}

impl Analyzer {
    fn new() -> Self {
        Self {
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            french_stop: FRENCH_STOP_WORDS.iter().copied().collect(),
            english_stop: ENGLISH_STOP_WORDS.iter().copied().collect(),
        }
    }

    /// The language a text of unknown language is most likely in: the one more of its
    /// words are stop words of, an accent counting for French. `Unknown` on a tie.
    fn guess(&self, text: &str, folded: &[String]) -> Language {
        let french = folded
            .iter()
            .filter(|w| self.french_stop.contains(w.as_str()))
            .count()
            + usize::from(fold(text) != text.to_lowercase());
        let english = folded
            .iter()
            .filter(|w| self.english_stop.contains(w.as_str()))
            .count();
        match french.cmp(&english) {
            std::cmp::Ordering::Greater => Language::French,
            std::cmp::Ordering::Less => Language::English,
            std::cmp::Ordering::Equal => Language::Unknown,
        }
    }

    fn is_stop(&self, folded: &str, language: Language) -> bool {
        match language {
            Language::French => self.french_stop.contains(folded),
            Language::English => self.english_stop.contains(folded),
            Language::Unknown => {
                self.french_stop.contains(folded) || self.english_stop.contains(folded)
            }
        }
    }

    /// Sorted, deduplicated stems of `text`, folded.
    fn terms(&self, text: &str, language: Language) -> Vec<String> {
        let original = words(text);
        let folded: Vec<String> = original.iter().map(|w| fold(w)).collect();
        let language = match language {
            Language::Unknown => self.guess(text, &folded),
            known => known,
        };
        let mut kept: Vec<&str> = Vec::with_capacity(original.len());
        let mut i = 0;
        while i < folded.len() {
            let rest = &folded[i..];
            let paraphrase = PARAPHRASES.iter().find(|(phrase, _)| {
                phrase.len() <= rest.len() && phrase.iter().zip(rest).all(|(p, w)| *p == w)
            });
            if let Some((phrase, canonical)) = paraphrase {
                kept.push(canonical);
                i += phrase.len();
                continue;
            }
            if !self.is_stop(&folded[i], language) {
                kept.push(&original[i]);
            }
            i += 1;
        }
        let mut terms = Vec::with_capacity(kept.len());
        for word in kept {
            // Stem with accents (the French algorithm relies on them), compare without.
            if language != Language::English {
                terms.push(fold(&self.french.stem(word)));
            }
            if language != Language::French {
                terms.push(fold(&self.english.stem(word)));
            }
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

/// Term ids of one task before weighting.
struct TaskTerms {
    french: Vec<u32>,
    english: Option<Vec<u32>>,
}

impl NearIndex {
    /// Builds the index: terms of every task label, weighted by their inverse document
    /// frequency over all tasks, `ln((1 + n) / (1 + df)) + 1` (the smoothed form, which
    /// never reaches 0, so a label made only of common words still has a direction).
    pub fn new(data: &DataSet) -> Self {
        let analyzer = Analyzer::new();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut ids = |terms: Vec<String>| -> Vec<u32> {
            let mut ids: Vec<u32> = terms
                .into_iter()
                .map(|term| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(term).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids
        };
        let terms: Vec<TaskTerms> = data
            .tasks
            .iter()
            .map(|task| {
                if task.label.fr == task.label.en {
                    TaskTerms {
                        french: ids(analyzer.terms(&task.label.fr, Language::Unknown)),
                        english: None,
                    }
                } else {
                    TaskTerms {
                        french: ids(analyzer.terms(&task.label.fr, Language::French)),
                        english: Some(ids(analyzer.terms(&task.label.en, Language::English))),
                    }
                }
            })
            .collect();
        let vocabulary = vocabulary.len();

        // Document frequency: a task counts once per term even when both labels have it.
        let mut df = vec![0u32; vocabulary];
        let mut last_seen = vec![usize::MAX; vocabulary];
        for (task, t) in terms.iter().enumerate() {
            for &id in t.french.iter().chain(t.english.iter().flatten()) {
                if last_seen[id as usize] != task {
                    last_seen[id as usize] = task;
                    df[id as usize] += 1;
                }
            }
        }
        let n = terms.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let weigh = |ids: &[u32]| -> SparseVector {
            let norm = ids
                .iter()
                .map(|&id| idf[id as usize].powi(2))
                .sum::<f32>()
                .sqrt();
            ids.iter()
                .map(|&id| (id, idf[id as usize] / norm))
                .collect()
        };
        let tasks = terms
            .iter()
            .map(|t| TaskVectors {
                french: weigh(&t.french),
                english: t.english.as_deref().map(weigh),
            })
            .collect();
        Self { tasks, vocabulary }
    }

    /// The text similarity of two tasks, in `0..=1`.
    pub fn score(&self, a: TaskIdx, b: TaskIdx) -> f64 {
        let [a_fr, a_en] = self.tasks[a].slots();
        let [b_fr, b_en] = self.tasks[b].slots();
        clean(dot(a_fr, b_fr).max(dot(a_en, b_en)))
    }

    /// Best one-to-one pairs `(index in left, index in right, score)`, best first.
    ///
    /// Only pairs of different tasks scoring at least [`NEAR_THRESHOLD`] count. Pairs
    /// are taken greedily from the best score down, skipping any pair whose left or
    /// right task is already taken; equal scores go in the order of the tasks' indices
    /// in the data set, so the result never depends on hashing or sorting stability and
    /// swapping `left` and `right` swaps the pairs.
    pub fn pairs(&self, left: &[TaskIdx], right: &[TaskIdx]) -> Vec<(usize, usize, f64)> {
        if left.is_empty() || right.is_empty() {
            return Vec::new();
        }
        // Scores through an inverted index of the right tasks: the work is proportional
        // to the terms the two sides have in common, not to |left| × |right|.
        let postings = [0, 1].map(|slot| {
            Postings::new(
                self.vocabulary,
                right.iter().map(|&t| self.tasks[t].slots()[slot]),
            )
        });
        let mut sums = [vec![0f32; right.len()], vec![0f32; right.len()]];
        let mut seen = vec![false; right.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut candidates: Vec<(f32, TaskIdx, TaskIdx, u32, u32)> = Vec::new();
        for (i, &task) in left.iter().enumerate() {
            for (slot, vector) in self.tasks[task].slots().into_iter().enumerate() {
                for &(term, weight) in vector {
                    for &(j, other) in postings[slot].of(term) {
                        sums[slot][j as usize] += weight * other;
                        if !seen[j as usize] {
                            seen[j as usize] = true;
                            touched.push(j);
                        }
                    }
                }
            }
            for j in touched.drain(..) {
                let at = j as usize;
                let score = sums[0][at].max(sums[1][at]);
                sums[0][at] = 0.0;
                sums[1][at] = 0.0;
                seen[at] = false;
                // Judged on the score as reported, so `score` and `pairs` agree at the edge.
                if clean(score) >= NEAR_THRESHOLD && right[at] != task {
                    let other = right[at];
                    candidates.push((score, task.min(other), task.max(other), i as u32, j));
                }
            }
        }
        // Ties are broken by the two task indices, smaller first, so that comparing B
        // with A pairs exactly like A with B; then by position, for a total order.
        candidates.sort_unstable_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
        });
        let mut left_taken = vec![false; left.len()];
        let mut right_taken = vec![false; right.len()];
        let mut pairs = Vec::new();
        for (score, _, _, i, j) in candidates {
            let (i, j) = (i as usize, j as usize);
            if left_taken[i] || right_taken[j] {
                continue;
            }
            left_taken[i] = true;
            right_taken[j] = true;
            pairs.push((i, j, clean(score)));
        }
        pairs
    }
}

/// A cosine computed in `f32`, as an `f64` in `0..=1` without the rounding noise
/// (identical labels score exactly 1, not 0.99999994).
fn clean(score: f32) -> f64 {
    ((f64::from(score) * 1e5).round() / 1e5).clamp(0.0, 1.0)
}

/// Dot product of two sparse vectors sorted by term id.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// For each term, the documents that have it and its weight there (compressed rows).
struct Postings {
    /// `entries[starts[t]..starts[t + 1]]` are the postings of term `t`.
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new<'a>(
        vocabulary: usize,
        documents: impl Iterator<Item = &'a SparseVector> + Clone,
    ) -> Self {
        let mut starts = vec![0u32; vocabulary + 1];
        for document in documents.clone() {
            for &(term, _) in document {
                starts[term as usize + 1] += 1;
            }
        }
        for t in 0..vocabulary {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u32, 0f32); starts[vocabulary] as usize];
        for (doc, document) in documents.enumerate() {
            for &(term, weight) in document {
                let at = &mut fill[term as usize];
                entries[*at as usize] = (doc as u32, weight);
                *at += 1;
            }
        }
        Self { starts, entries }
    }

    fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        &self.entries[self.starts[t] as usize..self.starts[t + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{bilingual, data, task};

    fn index(labels: &[&str]) -> (DataSet, NearIndex) {
        let tasks = labels
            .iter()
            .enumerate()
            .map(|(i, label)| task(&format!("k{i}"), label, &[0], 0.5))
            .collect();
        let data = data(1, tasks, Vec::new());
        let index = NearIndex::new(&data);
        (data, index)
    }

    const COMMUNITY: &[&str] = &[
        "Animer la communauté",
        "Faire vivre la communauté",
        "Modérer les commentaires",
        "Modération des commentaires",
        "Répondre à la communauté",
        "Créer du contenu pour la communauté",
        "Rédiger le contenu",
    ];

    #[test]
    fn terms_are_folded_stems_without_stop_words() {
        let analyzer = Analyzer::new();
        assert_eq!(
            analyzer.terms("Modérer les commentaires", Language::French),
            ["commentair", "moder"]
        );
        assert_eq!(
            analyzer.terms("Modération des commentaires", Language::Unknown),
            ["commentair", "moder"]
        );
        assert_eq!(
            analyzer.terms("Moderate the comments", Language::Unknown),
            ["comment", "moder"]
        );
        // The paraphrase is replaced before "faire" would go as a stop word.
        assert_eq!(
            analyzer.terms("Faire vivre la communauté", Language::Unknown),
            analyzer.terms("Animer la communauté", Language::Unknown)
        );
    }

    #[test]
    fn paraphrases_and_word_forms_pair_but_a_common_word_alone_does_not() {
        let (_, index) = index(COMMUNITY);
        assert!(index.score(0, 1) > 0.99, "animer ~ faire vivre");
        assert!(index.score(2, 3) > 0.99, "modérer ~ modération");
        assert!(
            index.score(0, 4) < NEAR_THRESHOLD,
            "only communauté in common"
        );
        assert!(index.score(5, 6) < NEAR_THRESHOLD, "only contenu in common");
        assert!(index.score(0, 2) == 0.0);

        let pairs = index.pairs(&[0, 2, 5], &[3, 1, 6, 4]);
        let found: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
        // Left 0 (Animer) with right 1 (Faire vivre), left 1 (Modérer) with right 0.
        assert_eq!(found, [(0, 1), (1, 0)]);
        assert!(pairs.iter().all(|p| p.2 >= NEAR_THRESHOLD && p.2 <= 1.0));
    }

    #[test]
    fn score_matches_the_tf_idf_cosine_worked_by_hand() {
        // Two tasks: {moder, commentair} and {moder, avis}. n = 2;
        // idf(moder) = ln(3/3) + 1 = 1, idf(commentair) = idf(avis) = ln(3/2) + 1.
        // cosine = 1·1 / (1 + idf²) because both vectors have norm √(1 + idf²).
        let (_, index) = index(&["Modérer les commentaires", "Modérer les avis"]);
        let rare = (1.5f64).ln() + 1.0;
        let expected = 1.0 / (1.0 + rare * rare);
        assert!((index.score(0, 1) - expected).abs() < 1e-5);
        assert!((expected - 0.336_097).abs() < 1e-5);
    }

    #[test]
    fn each_task_is_used_once_best_pair_first() {
        // Right 0 matches left 0 exactly and left 1 a little less: left 1 gets nothing.
        let (_, index) = index(&[
            "Modérer les commentaires clients",
            "Modérer les commentaires",
            "Modération des commentaires clients",
        ]);
        let pairs = index.pairs(&[1, 0], &[2]);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (1, 0));
        // The same task on both sides is never a near pair.
        assert!(index.pairs(&[0], &[0]).is_empty());
        assert!(index.pairs(&[], &[0]).is_empty());
    }

    #[test]
    fn equal_scores_break_ties_by_position() {
        let (_, index) = index(&[
            "Modérer les avis",
            "Modérer les avis clients",
            "Modérer les avis",
        ]);
        // Tasks 0 and 2 have the same label: both score 1 with each other.
        let pairs = index.pairs(&[0, 2], &[2, 0]);
        let found: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
        assert_eq!(found, [(0, 0), (1, 1)]);
    }

    #[test]
    fn a_one_language_label_meets_a_bilingual_one_in_its_language() {
        let tasks = vec![
            bilingual(
                "moderate",
                "Modérer les échanges",
                "Moderate conversations",
                &[0],
                0.2,
            ),
            task("inline-fr", "Modération des échanges", &[0], 0.2),
            task("inline-en", "Conversation moderation", &[0], 0.2),
        ];
        let data = data(1, tasks, Vec::new());
        let index = NearIndex::new(&data);
        assert!(index.score(0, 1) > 0.99);
        assert!(index.score(0, 2) > 0.99);
        assert!(
            index.score(1, 2) < NEAR_THRESHOLD,
            "no translation between languages"
        );
    }
}
