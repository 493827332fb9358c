//! Finding the pairs of tasks that score at least the threshold, through an inverted
//! list, with a bounded amount of work per task.
//!
//! Scoring every pair of two roles of n tasks is n² dot products. An inverted list of
//! one side reaches, from each task of the other, only the tasks it shares a term with.
//! That alone is not enough for long roles written with a small vocabulary, where
//! every label shares a common word with a quarter of the other side: the work grows
//! like n². So each task walks its terms rarest first and stops adding whole lists
//! after [`Limits::budget`] postings. A skipped term can still add to a score, but by
//! Cauchy–Schwarz at most the norm of the skipped part of the task's vector: every
//! task reached whose partial sum plus that bound can reach the threshold is scored in
//! full. Only a task that shares *nothing but* skipped terms can be missed, and only
//! when the skipped part alone weighs enough to reach the threshold. Then each task
//! keeps its [`Limits::per_task`] best candidates. With both limits the work is linear
//! in the number of tasks; within them (all real data sets seen so far, and every
//! test's) the result is exact.

use crate::compare::near::select::Candidate;
use crate::compare::near::vectors::{Postings, SparseVector, TaskVectors};
use crate::compare::near::{NEAR_THRESHOLD, clean};
use crate::model::TaskIdx;

/// Bounds on the work of a search, per task searched from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Postings walked per task and language, at most.
    pub budget: usize,
    /// Candidates kept per task, at most (its best ones).
    pub per_task: usize,
    /// Past the budget, tasks scored in full per task searched from, at most (those
    /// with the best partial sums).
    pub scored: usize,
}

impl Limits {
    /// The limits rolediff uses. 4,096 postings per language covers two roles of
    /// several thousand tasks written with few words (docs/performance.md: the hardest
    /// bench shape walks about 640 per task), the hundred-odd tasks scored in full past
    /// it are those most likely to pair, and a task seldom has more than a few dozen
    /// labels worth pairing with.
    pub(crate) const DEFAULT: Self = Self {
        budget: 4096,
        per_task: 64,
        scored: 128,
    };

    /// No limit: the exact search, for tests.
    #[cfg(test)]
    pub(crate) const NONE: Self = Self {
        budget: usize::MAX,
        per_task: usize::MAX,
        scored: usize::MAX,
    };
}

/// One side of a search, indexed by term: document `d` is task `tasks[d]`.
#[derive(Debug, Default)]
pub(crate) struct Indexed {
    pub tasks: Vec<TaskIdx>,
    /// French and English postings.
    pub postings: [Postings; 2],
}

impl Indexed {
    pub(crate) fn new(vectors: &TaskVectors, tasks: Vec<TaskIdx>) -> Self {
        let postings = [0, 1].map(|slot| Postings::new(tasks.iter().map(|&t| vectors.of(t)[slot])));
        Self { tasks, postings }
    }
}

/// Every pair of a task of `probes` (index `left`) and a task of `indexed` (index
/// `right`) that are different tasks scoring at least the threshold, within `limits`.
pub(crate) fn candidates(
    vectors: &TaskVectors,
    probes: &[TaskIdx],
    indexed: &Indexed,
    limits: Limits,
) -> Vec<Candidate> {
    let mut found = Vec::new();
    // Partial sums per indexed task and language, and the tasks reached.
    let mut sums = vec![[0f32; 2]; indexed.tasks.len()];
    let mut reached: Vec<u32> = Vec::new();
    for (left, &probe) in probes.iter().enumerate() {
        let mut bounds = [0f32; 2];
        for (slot, vector) in vectors.of(probe).into_iter().enumerate() {
            bounds[slot] = walk(
                vector,
                &indexed.postings[slot],
                slot,
                limits.budget,
                &mut sums,
                &mut reached,
            );
        }
        let start = found.len();
        // Within the budget (nothing skipped) the partial sums are the scores. Past it,
        // only the tasks with the best partial sums are scored in full.
        let exact = bounds == [0.0; 2];
        if !exact && reached.len() > limits.scored {
            let partial = |doc: &u32| {
                let [french, english] = sums[*doc as usize];
                french.max(english)
            };
            reached.select_nth_unstable_by(limits.scored, |a, b| partial(b).total_cmp(&partial(a)));
            for &doc in &reached[limits.scored..] {
                sums[doc as usize] = [0.0; 2];
            }
            reached.truncate(limits.scored);
        }
        for &doc in &reached {
            let [french, english] = sums[doc as usize];
            sums[doc as usize] = [0.0; 2];
            // Some margin under the threshold: the partial sums add in another order
            // than the exact score, which alone decides.
            let could = (french + bounds[0]).max(english + bounds[1]);
            let other = indexed.tasks[doc as usize];
            if f64::from(could) < NEAR_THRESHOLD - 1e-3 || other == probe {
                continue;
            }
            // Within the budget each sum added the same products in the same order
            // (term order) as the dot product does: it is the score, bit for bit.
            let score = if exact {
                clean(french.max(english))
            } else {
                score(vectors, probe, other)
            };
            if score >= NEAR_THRESHOLD {
                found.push(Candidate::new(score, probe, other, left, doc as usize));
            }
        }
        reached.clear();
        // Best first, as `select` takes them; then only the best few.
        found[start..].sort_unstable_by_key(Candidate::key);
        found.truncate(start.saturating_add(limits.per_task));
    }
    found
}

/// Adds `vector`'s products with the postings of its terms to `sums[..][slot]`, rarest
/// term first, within `budget` postings; records the documents reached in `reached`.
/// Returns the norm of the part of `vector` not walked in full: what the skipped terms
/// can add to any cosine, at most.
fn walk(
    vector: &SparseVector,
    postings: &Postings,
    slot: usize,
    budget: usize,
    sums: &mut [[f32; 2]],
    reached: &mut Vec<u32>,
) -> f32 {
    let mut lists: Vec<(f32, &[(u32, f32)])> = vector
        .iter()
        .map(|&(term, weight)| (weight, postings.of(term)))
        .collect();
    // Rarest first, when the budget may bind: the rare terms say the most.
    let total: usize = lists.iter().map(|(_, list)| list.len()).sum();
    if total > budget {
        lists.sort_by_key(|(_, list)| list.len());
    }
    let (mut left, mut skipped) = (budget, 0f32);
    for (weight, list) in lists {
        let walked = list.len().min(left);
        if walked < list.len() {
            skipped += weight * weight;
        }
        for &(doc, other) in &list[..walked] {
            let sum = &mut sums[doc as usize];
            if *sum == [0.0; 2] {
                reached.push(doc);
            }
            sum[slot] += weight * other;
        }
        left -= walked;
    }
    skipped.sqrt()
}

/// The score of two tasks: the better of their French and English cosines.
pub(crate) fn score(vectors: &TaskVectors, a: TaskIdx, b: TaskIdx) -> f64 {
    let [a_fr, a_en] = vectors.of(a);
    let [b_fr, b_en] = vectors.of(b);
    use crate::compare::near::vectors::dot;
    clean(dot(a_fr, b_fr).max(dot(a_en, b_en)))
}
