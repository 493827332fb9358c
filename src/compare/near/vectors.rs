//! TF-IDF vectors of task labels, their dot product, and inverted lists of them.

use crate::compare::near::analyzer::{Analyzer, Language};
use crate::model::{DataSet, TaskIdx};

/// A sparse vector: `(term id, weight)` sorted by term id, L2 norm 1 (or empty).
pub(crate) type SparseVector = Vec<(u32, f32)>;

/// The French and English vectors of every task of a data set.
#[derive(Debug, Default)]
pub(crate) struct TaskVectors {
    vectors: Vec<SparseVector>,
    /// Task t's French vector is `vectors[slots[t][0]]`, its English one
    /// `vectors[slots[t][1]]`: the same one when the label has one text for both
    /// languages, which then stands for both.
    slots: Vec<[usize; 2]>,
}

impl TaskVectors {
    /// The labels of every task of `data` as TF-IDF vectors. Returns them with the
    /// number of distinct terms.
    ///
    /// Each term weighs its inverse document frequency over all tasks,
    /// `ln((1 + n) / (1 + df)) + 1` (the smoothed form, which never reaches 0, so a
    /// label made only of common words still has a direction), once however often the
    /// label says it; a task counts once in `df` even when both its labels have the
    /// term.
    pub(crate) fn new(data: &DataSet, analyzer: &mut Analyzer) -> (Self, usize) {
        let languages = label_languages(data, analyzer);
        let mut terms: Vec<Vec<u32>> = Vec::with_capacity(2 * data.tasks.len());
        let mut slots = Vec::with_capacity(data.tasks.len());
        for (task, language) in data.tasks.iter().zip(languages) {
            let mut label = |text: &str, language: Language| {
                let mut label_terms = analyzer.terms(text, language);
                label_terms.sort_unstable();
                label_terms.dedup();
                terms.push(label_terms);
                terms.len() - 1
            };
            slots.push(match language {
                Some(language) => {
                    let both = label(&task.label.fr, language);
                    [both, both]
                }
                None => [
                    label(&task.label.fr, Language::French),
                    label(&task.label.en, Language::English),
                ],
            });
        }
        let vocabulary = analyzer.vocabulary();
        let mut df = vec![0u32; vocabulary];
        for &[french, english] in &slots {
            for &term in &terms[french] {
                df[term as usize] += 1;
            }
            if english != french {
                for &term in &terms[english] {
                    if terms[french].binary_search(&term).is_err() {
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
        let vectors = terms
            .into_iter()
            .map(|label| {
                let mut vector: SparseVector =
                    label.into_iter().map(|t| (t, idf[t as usize])).collect();
                normalise(&mut vector);
                vector
            })
            .collect();
        (Self { vectors, slots }, vocabulary)
    }

    /// The French and English vectors of `task`.
    pub(crate) fn of(&self, task: TaskIdx) -> [&SparseVector; 2] {
        self.slots[task].map(|slot| &self.vectors[slot])
    }

    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }
}

/// For each task, the language its one text is read in (`None`: a label in each
/// language). A one-text label whose own words do not tell (no stop word, no accent:
/// "Weekly newsletter writing") is read in the language most of the data set's other
/// one-text labels are in; only when that is a tie too does it get both languages'
/// stems.
fn label_languages(data: &DataSet, analyzer: &mut Analyzer) -> Vec<Option<Language>> {
    let mut guessed: Vec<Option<Language>> = data
        .tasks
        .iter()
        .map(|task| (task.label.fr == task.label.en).then(|| analyzer.guess(&task.label.fr)))
        .collect();
    let count = |language| guessed.iter().filter(|&&g| g == Some(language)).count();
    let (french, english) = (count(Language::French), count(Language::English));
    let usual = match french.cmp(&english) {
        std::cmp::Ordering::Greater => Language::French,
        std::cmp::Ordering::Less => Language::English,
        std::cmp::Ordering::Equal => Language::Unknown,
    };
    for language in guessed.iter_mut().flatten() {
        if *language == Language::Unknown {
            *language = usual;
        }
    }
    guessed
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
    /// `(term, document, weight)` sorted by term, then document.
    entries: Vec<(u32, u32, f32)>,
}

impl Postings {
    /// The postings of `documents`, numbered in the order given.
    pub(crate) fn new<'a>(documents: impl Iterator<Item = &'a SparseVector>) -> Self {
        let mut entries: Vec<(u32, u32, f32)> = documents
            .enumerate()
            .flat_map(|(doc, vector)| vector.iter().map(move |&(t, w)| (t, doc as u32, w)))
            .collect();
        entries.sort_unstable_by_key(|&(term, doc, _)| (term, doc));
        Self { entries }
    }

    /// The documents that have `term`, in document order.
    pub(crate) fn of(&self, term: u32) -> &[(u32, u32, f32)] {
        let start = self.entries.partition_point(|e| e.0 < term);
        let end = start + self.entries[start..].partition_point(|e| e.0 == term);
        &self.entries[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_list_each_term_in_document_order() {
        let documents = [vec![(1, 0.6), (3, 0.8)], vec![(3, 1.0)], vec![]];
        let postings = Postings::new(documents.iter());
        assert_eq!(postings.of(3), [(3, 0, 0.8), (3, 1, 1.0)]);
        assert_eq!(postings.of(1), [(1, 0, 0.6)]);
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
