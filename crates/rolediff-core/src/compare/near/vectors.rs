//! TF-IDF vectors of task labels, their dot product, and inverted lists of them.

use crate::compare::near::analyzer::{Analyzer, Language};
use crate::model::{DataSet, TaskIdx};

/// A sparse vector: `(term id, weight)` sorted by term id, L2 norm 1 (or empty).
pub(crate) type SparseVector = [(u32, f32)];

/// A list of lists kept in one vector: a catalogue has tens of thousands of labels,
/// and a small vector of their own each made allocation a quarter of the analysis.
#[derive(Debug)]
pub(crate) struct Ragged<T> {
    items: Vec<T>,
    /// List `i` is `items[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<usize>,
}

impl<T> Default for Ragged<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T> Ragged<T> {
    /// Closes the list made of the items pushed since the last one; returns its index.
    fn close(&mut self) -> usize {
        self.ends.push(self.items.len());
        self.ends.len() - 1
    }

    fn range(&self, list: usize) -> std::ops::Range<usize> {
        let start = if list == 0 { 0 } else { self.ends[list - 1] };
        start..self.ends[list]
    }

    /// List `list`.
    pub(crate) fn get(&self, list: usize) -> &[T] {
        &self.items[self.range(list)]
    }

    fn get_mut(&mut self, list: usize) -> &mut [T] {
        let range = self.range(list);
        &mut self.items[range]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The French and English vectors of every task of a data set.
#[derive(Debug, Default)]
pub(crate) struct TaskVectors {
    vectors: Ragged<(u32, f32)>,
    /// Task t's French vector is `vectors.get(slots[t][0])`, its English one
    /// `vectors.get(slots[t][1])`: the same one when the label has one text for both
    /// languages, which then stands for both.
    slots: Vec<[usize; 2]>,
}

impl TaskVectors {
    /// The labels of every task of `data` as TF-IDF vectors. Returns them with every
    /// label's terms in text order, repeats kept (list `s` holds those of vector `s`,
    /// for the role wording), and the language of the data set's one-text labels.
    ///
    /// Each term weighs its inverse document frequency over all tasks,
    /// `ln((1 + n) / (1 + df)) + 1` (the smoothed form, which never reaches 0, so a
    /// label made only of common words still has a direction), once however often the
    /// label says it; a task counts once in `df` even when both its labels have the
    /// term.
    pub(crate) fn new(data: &DataSet, analyzer: &mut Analyzer) -> (Self, Ragged<u32>, Language) {
        // A label with one text for both languages is read in the language its words
        // point to; its words are kept from that first reading.
        let mut one_text_words = Ragged::default();
        let mut one_text: Vec<Option<(usize, Language)>> = data
            .tasks
            .iter()
            .map(|task| {
                (task.label.fr == task.label.en).then(|| {
                    let text = &task.label.fr;
                    analyzer.words(text, &mut one_text_words.items);
                    let list = one_text_words.close();
                    (list, analyzer.guess_words(text, one_text_words.get(list)))
                })
            })
            .collect();
        // A language the file declares beats a guess from the words.
        let usual = match data.language {
            Some(declared) => {
                let declared = match declared {
                    crate::lang::Lang::Fr => Language::French,
                    crate::lang::Lang::En => Language::English,
                };
                for (_, language) in one_text.iter_mut().flatten() {
                    *language = declared;
                }
                declared
            }
            None => settle_unknown_languages(&mut one_text),
        };
        let mut ordered = Ragged::default();
        let mut slots = Vec::with_capacity(data.tasks.len());
        let mut words = Vec::new();
        for (task, one_text) in data.tasks.iter().zip(one_text) {
            match one_text {
                Some((list, language)) => {
                    let words = one_text_words.get(list);
                    analyzer.terms_of_words(words, language, &mut ordered.items);
                    slots.push([ordered.close(); 2]);
                }
                None => {
                    let mut label = |text: &str, language| {
                        words.clear();
                        analyzer.words(text, &mut words);
                        analyzer.terms_of_words(&words, language, &mut ordered.items);
                        ordered.close()
                    };
                    let french = label(&task.label.fr, Language::French);
                    slots.push([french, label(&task.label.en, Language::English)]);
                }
            }
        }
        // Each label's distinct terms, sorted: its vector's terms.
        let mut vectors = Ragged::default();
        let mut distinct = Vec::new();
        for list in 0..ordered.len() {
            distinct.clear();
            distinct.extend_from_slice(ordered.get(list));
            distinct.sort_unstable();
            distinct.dedup();
            vectors
                .items
                .extend(distinct.iter().map(|&term| (term, 0f32)));
            vectors.close();
        }
        let mut df = vec![0u32; analyzer.vocabulary()];
        for &[french, english] in &slots {
            let french_terms = vectors.get(french);
            for &(term, _) in french_terms {
                df[term as usize] += 1;
            }
            if english != french {
                for &(term, _) in vectors.get(english) {
                    if french_terms
                        .binary_search_by_key(&term, |&(t, _)| t)
                        .is_err()
                    {
                        df[term as usize] += 1;
                    }
                }
            }
        }
        let n = slots.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        for list in 0..vectors.len() {
            let vector = vectors.get_mut(list);
            for (term, weight) in vector.iter_mut() {
                *weight = idf[*term as usize];
            }
            normalise(vector);
        }
        (Self { vectors, slots }, ordered, usual)
    }

    /// The French and English vectors of `task`.
    pub(crate) fn of(&self, task: TaskIdx) -> [&SparseVector; 2] {
        self.slots[task.0].map(|slot| self.vectors.get(slot))
    }

    /// Which vectors (and ordered terms) are `task`'s French and English ones: the
    /// same one for a label with one text.
    pub(crate) fn slots(&self, task: TaskIdx) -> [usize; 2] {
        self.slots[task.0]
    }

    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }
}

/// A one-text label whose own words do not tell its language (no stop word, no
/// accent: "Weekly newsletter writing") is read in the language most of the data
/// set's other one-text labels are in; only when that is a tie too does it keep both
/// languages' stems. Returns that usual language.
fn settle_unknown_languages(one_text: &mut [Option<(usize, Language)>]) -> Language {
    let count = |language| {
        one_text
            .iter()
            .flatten()
            .filter(|(_, l)| *l == language)
            .count()
    };
    let usual = match count(Language::French).cmp(&count(Language::English)) {
        std::cmp::Ordering::Greater => Language::French,
        std::cmp::Ordering::Less => Language::English,
        std::cmp::Ordering::Equal => Language::Unknown,
    };
    for (_, language) in one_text.iter_mut().flatten() {
        if *language == Language::Unknown {
            *language = usual;
        }
    }
    usual
}

/// Scales `vector` to L2 norm 1 (an empty vector stays empty).
pub(crate) fn normalise(vector: &mut [(u32, f32)]) {
    let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, weight) in vector {
            *weight /= norm;
        }
    }
}

/// Dot product of two sparse vectors sorted by term id.
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
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

/// An inverted list: for each term, the documents that have it and its weight there.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    /// `(document, weight)` grouped by term, in document order within a term.
    entries: Vec<(u32, f32)>,
    /// The postings of term `t` are `entries[starts[t]..starts[t + 1]]`; terms past
    /// the end have none.
    starts: Vec<u32>,
}

impl Postings {
    /// The postings of `documents`, numbered in the order given.
    pub(crate) fn new<'a>(documents: impl Iterator<Item = &'a SparseVector> + Clone) -> Self {
        // Count each term's postings, then place each posting at its term's next slot.
        let mut starts: Vec<u32> = Vec::new();
        for document in documents.clone() {
            for &(term, _) in document {
                let at = term as usize + 1;
                if at >= starts.len() {
                    starts.resize(at + 1, 0);
                }
                starts[at] += 1;
            }
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0, 0.0); starts.last().map_or(0, |&n| n as usize)];
        for (doc, document) in documents.enumerate() {
            for &(term, weight) in document {
                let at = &mut next[term as usize];
                entries[*at as usize] = (doc as u32, weight);
                *at += 1;
            }
        }
        Self { entries, starts }
    }

    /// The documents that have `term`, in document order.
    pub(crate) fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&start), Some(&end)) => &self.entries[start as usize..end as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_list_each_term_in_document_order() {
        let documents = [vec![(1, 0.6), (3, 0.8)], vec![(3, 1.0)], vec![]];
        let postings = Postings::new(documents.iter().map(Vec::as_slice));
        assert_eq!(postings.of(3), [(0, 0.8), (1, 1.0)]);
        assert_eq!(postings.of(1), [(0, 0.6)]);
        assert!(postings.of(2).is_empty() && postings.of(9).is_empty());
    }

    #[test]
    fn dot_adds_the_products_of_common_terms() {
        assert_eq!(dot(&[(1, 0.5), (2, 0.5)], &[(2, 0.5), (7, 1.0)]), 0.25);
        assert_eq!(dot(&[], &[(2, 0.5)]), 0.0);
        let mut v = vec![(0, 3.0), (4, 4.0)];
        normalise(&mut v);
        assert_eq!(v, [(0, 0.6), (4, 0.8)]);
    }
}
