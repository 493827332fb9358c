//! Near pairs: different tasks whose labels say nearly the same thing.
//!
//! Each task label becomes a TF-IDF vector of stems, once per data set
//! ([`analyzer`], [`vectors`]); two tasks score the better of their French-to-French and
//! English-to-English cosines. A label given in one language only (the other falls
//! back to it) is analysed once and stands for both. Pairs scoring at least
//! [`NEAR_THRESHOLD`] are found through an inverted list within a bounded amount of
//! work per task ([`search`]) and taken greedily, best first, each task at most once
//! ([`select`]).

mod analyzer;
mod explain;
mod search;
mod select;
mod vectors;

use std::sync::{Mutex, OnceLock};

pub(crate) use analyzer::{Analyzer, Language};
pub use explain::WordMatch;
use search::{Indexed, Limits};
use select::{Candidate, select};
use vectors::Ragged;
use vectors::TaskVectors;
pub(crate) use vectors::normalise;

use crate::model::{DataSet, TaskIdx};

/// Pairs scoring at least this are near pairs.
///
/// 0.6 is the ratio at which `delta` pairs changed lines, and it fits TF-IDF cosines of
/// short labels: sharing only a common word ("la communauté") scores well below it,
/// while labels that share their distinctive words ("Modérer les commentaires" /
/// "Modération des commentaires") score near 1. A pair of two-word labels that shares
/// one of two equally rare stems scores 0.5, so one word in common is not enough.
pub const NEAR_THRESHOLD: f64 = 0.6;

/// Text index of every task of a data set.
#[derive(Debug)]
pub struct NearIndex {
    vectors: TaskVectors,
    /// Every task of the data set indexed by term, to find a task's neighbours in the
    /// whole data set; built on the first ranking (a comparison does not need it).
    everything: OnceLock<Indexed>,
    limits: Limits,
    /// Kept for the role wording ([`crate::compare::wording`]), which reads role names
    /// and aliases with the same term ids; only a ranking needs it.
    reading: Mutex<Reading>,
}

/// The analysis of a data set's labels, kept for the role wording.
#[derive(Debug)]
pub(crate) struct Reading {
    /// The analyzer, with its memory of every word read.
    pub analyzer: Analyzer,
    /// Every label's terms in text order, repeats kept; see [`NearIndex::label_slots`].
    pub ordered: Ragged<u32>,
    /// The language a text whose words do not tell is read in.
    pub usual: Language,
}

impl NearIndex {
    /// Builds the index of every task label of `data`.
    pub fn new(data: &DataSet) -> Self {
        let mut analyzer = Analyzer::with_synonyms(&data.synonyms);
        let (vectors, ordered, usual) = TaskVectors::new(data, &mut analyzer);
        Self {
            vectors,
            everything: OnceLock::new(),
            limits: Limits::DEFAULT,
            reading: Mutex::new(Reading {
                analyzer,
                ordered,
                usual,
            }),
        }
    }

    /// The analysis of the labels, for the role wording.
    pub(crate) fn reading(&self) -> std::sync::MutexGuard<'_, Reading> {
        // A panic while the lock was held left nothing half-written that matters here:
        // the analyzer only ever adds words.
        self.reading
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The words the labels of tasks `left` and `right` meet on, with the analyzer
    /// this index keeps (its synonyms read once); see [`WordMatch`].
    pub(crate) fn words_in_common(
        &self,
        data: &DataSet,
        left: TaskIdx,
        right: TaskIdx,
        lang: crate::lang::Lang,
    ) -> Vec<WordMatch> {
        explain::explain(&mut self.reading().analyzer, data, left, right, lang)
    }

    /// Which of [`Reading::ordered`] are `task`'s French and English labels: the same
    /// one for a label with one text.
    pub(crate) fn label_slots(&self, task: TaskIdx) -> [usize; 2] {
        self.vectors.slots(task)
    }

    /// The text similarity of two tasks, in `0..=1`.
    pub fn score(&self, a: TaskIdx, b: TaskIdx) -> f64 {
        search::score(&self.vectors, a, b)
    }

    /// Best one-to-one pairs `(index in left, index in right, score)`, best first.
    ///
    /// Only pairs of different tasks scoring at least [`NEAR_THRESHOLD`] count. Pairs
    /// are taken greedily from the best score down, skipping any pair whose left or
    /// right task is already taken; equal scores go in the order of the tasks' indices
    /// in the data set, so swapping `left` and `right` swaps the pairs. The search is
    /// bounded per task (see the `search` module): on very long roles written with few words,
    /// some pairs may be missed rather than the comparison taking minutes.
    pub fn pairs(&self, left: &[TaskIdx], right: &[TaskIdx]) -> Vec<(usize, usize, f64)> {
        if left.is_empty() || right.is_empty() {
            return Vec::new();
        }
        let indexed = Indexed::new(&self.vectors, right.to_vec());
        let candidates = search::candidates(&self.vectors, left, &indexed, self.limits);
        select(&candidates, left.len(), right.len())
    }

    /// For each task of `tasks`, the tasks of the whole data set it could pair with.
    /// Computed once for the role being ranked, it answers the near pairs of each of
    /// its comparisons without a search.
    pub(crate) fn neighbours(&self, tasks: &[TaskIdx]) -> Neighbours {
        let everything = self.everything.get_or_init(|| {
            Indexed::new(
                &self.vectors,
                (0..self.vectors.len()).map(TaskIdx).collect(),
            )
        });
        let limits = Limits {
            per_task: usize::MAX,
            ..self.limits
        };
        let candidates = search::candidates(&self.vectors, tasks, everything, limits);
        // Count each task's candidates, then place them at its next slot, in order.
        let task_of = |c: &Candidate| everything.tasks[c.right].0;
        let mut starts = vec![0u32; self.vectors.len() + 1];
        for c in &candidates {
            starts[task_of(c) + 1] += 1;
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut found = vec![(0, 0.0); candidates.len()];
        for c in &candidates {
            let at = &mut next[task_of(c)];
            found[*at as usize] = (c.left, c.score);
            *at += 1;
        }
        Neighbours {
            tasks: tasks.to_vec(),
            starts,
            found,
        }
    }

    /// [`NearIndex::pairs`] of `left` and `right`, where `left` is a part of the tasks
    /// `neighbours` was computed for: `position[p]` is the index in `left` of the
    /// task at `p` in that list, if it is in `left`.
    pub(crate) fn pairs_with_neighbours(
        &self,
        neighbours: &Neighbours,
        position: &[Option<usize>],
        left_len: usize,
        right: &[TaskIdx],
    ) -> Vec<(usize, usize, f64)> {
        let mut candidates = Vec::new();
        for (j, &task) in right.iter().enumerate() {
            for &(p, score) in neighbours.of(task) {
                if let Some(i) = position[p] {
                    candidates.push(Candidate::new(score, neighbours.tasks[p], task, i, j));
                }
            }
        }
        // The same bound per left task as `pairs` applies.
        candidates.sort_unstable_by_key(|c| (c.left, c.key()));
        let mut kept = 0;
        let mut previous = None;
        candidates.retain(|c| {
            kept = if previous == Some(c.left) {
                kept + 1
            } else {
                1
            };
            previous = Some(c.left);
            kept <= self.limits.per_task
        });
        select(&candidates, left_len, right.len())
    }
}

/// The near-pair candidates of a list of tasks in the whole data set.
#[derive(Debug)]
pub(crate) struct Neighbours {
    /// The tasks the candidates are of.
    tasks: Vec<TaskIdx>,
    /// For each task t of the data set, `(index in tasks, score)` of the tasks it could
    /// pair with are `found[starts[t]..starts[t + 1]]`: one small table to look each
    /// task of every role up in, rather than a list header per task of the data set.
    starts: Vec<u32>,
    found: Vec<(usize, f64)>,
}

impl Neighbours {
    /// `(index in tasks, score)` of the tasks `task` could pair with.
    fn of(&self, task: TaskIdx) -> &[(usize, f64)] {
        &self.found[self.starts[task.0] as usize..self.starts[task.0 + 1] as usize]
    }
}

/// A cosine computed in `f32`, as an `f64` in `0..=1` without the rounding noise
/// (identical labels score exactly 1, not 0.99999994).
fn clean(score: f32) -> f64 {
    ((f64::from(score) * 1e5).round() / 1e5).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests;
