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
    /// Within the budget, from how many postings walked per task of the other side
    /// every partial sum is read instead of the tasks reached (see [`read_all`]).
    pub read_all_from: ReadAll,
}

/// When a search reads every partial sum of the other side rather than the tasks
/// reached: a choice of speed only, the candidates are the same.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ReadAll {
    /// When the task walks at least one posting for every `n` tasks of the other
    /// side (then it reaches about one in `n`).
    PostingsPerTask(usize),
    /// Never, for tests.
    #[cfg(test)]
    Never,
}

impl ReadAll {
    fn applies(self, postings: usize, tasks: usize) -> bool {
        match self {
            ReadAll::PostingsPerTask(n) => postings.saturating_mul(n) >= tasks,
            #[cfg(test)]
            ReadAll::Never => false,
        }
    }
}

impl Limits {
    /// The limits rolediff uses. 4,096 postings per language covers two roles of
    /// several thousand tasks written with few words (docs/performance.md: the hardest
    /// bench shape walks about 640 per task), the hundred-odd tasks scored in full past
    /// it are those most likely to pair, and a task seldom has more than a few dozen
    /// labels worth pairing with.
    ///
    /// Reading every sum pays once a task walks a posting for every four tasks of
    /// the other side (docs/performance.md, the `targets` round).
    pub(crate) const DEFAULT: Self = Self {
        budget: 4096,
        per_task: 64,
        scored: 128,
        read_all_from: ReadAll::PostingsPerTask(4),
    };

    /// No limit: the exact search, for tests.
    #[cfg(test)]
    pub(crate) const NONE: Self = Self {
        budget: usize::MAX,
        per_task: usize::MAX,
        scored: usize::MAX,
        read_all_from: ReadAll::PostingsPerTask(4),
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
    for (left, &task) in probes.iter().enumerate() {
        let start = found.len();
        let task_vectors = vectors.of(task);
        let postings: [usize; 2] = [0, 1].map(|slot| {
            let of = |&(term, _): &(u32, f32)| indexed.postings[slot].of(term).len();
            task_vectors[slot].iter().map(of).sum()
        });
        let within_budget = postings.iter().all(|&n| n <= limits.budget);
        if within_budget
            && limits
                .read_all_from
                .applies(postings[0] + postings[1], sums.len())
        {
            // The walk reaches a good part of the other side: every sum is read
            // afterwards, instead of noting each task at its first reach (a branch per
            // posting that the processor cannot predict).
            for (slot, vector) in task_vectors.into_iter().enumerate() {
                add_all(vector, &indexed.postings[slot], slot, &mut sums);
            }
            let probe = Probe {
                task,
                left,
                bounds: [0.0; 2],
            };
            read_all(&mut sums, |doc, sum| {
                found.extend(probe.judge(vectors, indexed, doc, sum));
            });
        } else {
            let mut bounds = [0f32; 2];
            for (slot, vector) in task_vectors.into_iter().enumerate() {
                bounds[slot] = walk(
                    vector,
                    &indexed.postings[slot],
                    slot,
                    limits.budget,
                    &mut sums,
                    &mut reached,
                );
            }
            let probe = Probe { task, left, bounds };
            // Past the budget, only the tasks with the best partial sums are scored in
            // full.
            if !probe.exact() && reached.len() > limits.scored {
                let partial = |doc: &u32| {
                    let [french, english] = sums[*doc as usize];
                    french.max(english)
                };
                reached.select_nth_unstable_by(limits.scored, |a, b| {
                    partial(b).total_cmp(&partial(a))
                });
                for &doc in &reached[limits.scored..] {
                    sums[doc as usize] = [0.0; 2];
                }
                reached.truncate(limits.scored);
            }
            for &doc in &reached {
                let sum = std::mem::take(&mut sums[doc as usize]);
                found.extend(probe.judge(vectors, indexed, doc as usize, sum));
            }
            reached.clear();
        }
        // Best first, as `select` takes them; then only the best few.
        found[start..].sort_unstable_by_key(Candidate::key);
        found.truncate(start.saturating_add(limits.per_task));
    }
    found
}

/// A task searched from: its index in the list searched from, and what the skipped
/// terms of its French and English vectors can add to a cosine, at most.
struct Probe {
    task: TaskIdx,
    left: usize,
    bounds: [f32; 2],
}

impl Probe {
    /// Whether nothing of the task's vectors was skipped.
    fn exact(&self) -> bool {
        self.bounds == [0.0; 2]
    }

    /// The candidate the task makes with document `doc`, given their partial sums, if
    /// they are different tasks that score at least the threshold.
    fn judge(
        &self,
        vectors: &TaskVectors,
        indexed: &Indexed,
        doc: usize,
        [french, english]: [f32; 2],
    ) -> Option<Candidate> {
        let could = (french + self.bounds[0]).max(english + self.bounds[1]);
        let other = indexed.tasks[doc];
        if !could_pair(could) || other == self.task {
            return None;
        }
        // Within the budget each sum added the same products in the same order (term
        // order) as the dot product does: it is the score, bit for bit.
        let score = if self.exact() {
            clean(french.max(english))
        } else {
            score(vectors, self.task, other)
        };
        (score >= NEAR_THRESHOLD).then(|| Candidate::new(score, self.task, other, self.left, doc))
    }
}

/// Whether a partial sum plus what the skipped terms can add may reach the threshold.
/// Some margin under it: the partial sums add in another order than the exact score,
/// which alone decides.
fn could_pair(could: f32) -> bool {
    could >= COULD_PAIR_FROM
}

/// The smallest `f32` that is at least `NEAR_THRESHOLD - 1e-3`: comparing sums with
/// it in `f32` is comparing them in `f64` with the margin, without widening each.
const COULD_PAIR_FROM: f32 = {
    let margin = NEAR_THRESHOLD - 1e-3;
    let nearest = margin as f32;
    if (nearest as f64) < margin {
        nearest.next_up()
    } else {
        nearest
    }
};

/// Adds `vector`'s products with the postings of all its terms to `sums[..][slot]`,
/// in term order, as [`walk`] does within its budget.
fn add_all(vector: &SparseVector, postings: &Postings, slot: usize, sums: &mut [[f32; 2]]) {
    for &(term, weight) in vector {
        for &(doc, other) in postings.of(term) {
            sums[doc as usize][slot] += weight * other;
        }
    }
}

/// Calls `judge` with each document whose sums could pair and clears every sum. The
/// sums are read in blocks of 16, which the compiler turns into vector compares: most
/// blocks hold no such sum and cost one test.
fn read_all(sums: &mut [[f32; 2]], mut judge: impl FnMut(usize, [f32; 2])) {
    const BLOCK: usize = 16;
    for (b, block) in sums.chunks_mut(BLOCK).enumerate() {
        // Either language's sum may pair: every number of the block is compared.
        let any = block
            .as_flattened()
            .iter()
            .fold(false, |any, &sum| any | could_pair(sum));
        if any {
            for (k, &[french, english]) in block.iter().enumerate() {
                if could_pair(french) || could_pair(english) {
                    judge(b * BLOCK + k, [french, english]);
                }
            }
        }
        block.fill([0.0; 2]);
    }
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
