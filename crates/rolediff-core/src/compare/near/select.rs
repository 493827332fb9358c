//! Choosing one-to-one pairs among candidates: best first, each task at most once
//! (the greedy).

use crate::model::TaskIdx;

/// Two different tasks that score at least the threshold, and where they are in the
/// two lists compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub score: f64,
    /// The two tasks, smaller index first.
    pub tasks: (TaskIdx, TaskIdx),
    /// Index in the left list, in the right list.
    pub left: usize,
    pub right: usize,
}

impl Candidate {
    pub(crate) fn new(score: f64, a: TaskIdx, b: TaskIdx, left: usize, right: usize) -> Self {
        Self {
            score,
            tasks: (a.min(b), a.max(b)),
            left,
            right,
        }
    }

    /// The order candidates are taken in, smallest first: best score first; equal
    /// scores by the two tasks' indices in the data set (smaller first), so that
    /// comparing B with A pairs exactly like A with B; then by position, for a total
    /// order.
    ///
    /// As integers, because comparing them does not branch: a chain of comparisons
    /// (`total_cmp`, then the tasks, then the positions) made sorting the candidates a
    /// third of a comparison of two 1,000-task roles. Scores are positive, and positive
    /// floats order like their bits, so the best has the smallest inverted bits. Tasks
    /// and positions take 32 bits each, like the documents of the inverted lists.
    pub(crate) fn key(&self) -> (u128, u64) {
        let score = u128::from(!self.score.to_bits()) << 64;
        let tasks = u128::from(self.tasks.0.0 as u32) << 32 | u128::from(self.tasks.1.0 as u32);
        let positions = (self.left as u64) << 32 | self.right as u64;
        (score | tasks, positions)
    }
}

/// The one-to-one pairs `(left, right, score)` among `candidates`, best first: those
/// of the greedy that goes through all candidates in [`Candidate::key`] order and takes
/// each one whose left and right tasks are both free. `candidates` holds each left
/// task's candidates together, best first; `left` and `right` are the lengths of the
/// two lists.
///
/// Sorting every candidate for the greedy (8,800 of them in the hardest bench) is most
/// of the work, so the same pairs are found another way (deferred acceptance): each
/// left task proposes to its candidates best first; a right task keeps the best
/// proposal it has had and sends the one it drops back to its next candidate. A pair
/// the greedy takes is the best candidate of both its tasks among those not beaten
/// by a better taken pair, so it is proposed and never dropped; a pair the greedy
/// skips loses to the better pair taken on its left or right task. The property test
/// in `near/tests.rs` checks this against the greedy over every pair.
pub(crate) fn select(
    candidates: &[Candidate],
    left: usize,
    right: usize,
) -> Vec<(usize, usize, f64)> {
    // Most comparisons of a ranking have no candidate at all.
    if candidates.is_empty() {
        return Vec::new();
    }
    // Each left task's candidates not proposed yet, and the left tasks to propose.
    let mut untried = vec![0..0; left];
    let mut proposing = Vec::new();
    let mut start = 0;
    for run in candidates.chunk_by(|a, b| a.left == b.left) {
        debug_assert!(
            untried[run[0].left].is_empty(),
            "a left task's candidates together"
        );
        untried[run[0].left] = start..start + run.len();
        proposing.push(run[0].left);
        start += run.len();
    }
    // Per right task, the candidate it keeps.
    let mut kept: Vec<Option<usize>> = vec![None; right];
    while let Some(l) = proposing.pop() {
        for c in untried[l].by_ref() {
            let candidate = &candidates[c];
            let keeps = &mut kept[candidate.right];
            match *keeps {
                Some(k) if candidates[k].key() < candidate.key() => continue,
                dropped => {
                    *keeps = Some(c);
                    proposing.extend(dropped.map(|d| candidates[d].left));
                    break;
                }
            }
        }
    }
    let mut pairs: Vec<&Candidate> = kept.iter().flatten().map(|&c| &candidates[c]).collect();
    pairs.sort_unstable_by_key(|c| c.key());
    pairs.iter().map(|c| (c.left, c.right, c.score)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_pair_goes_first_and_each_task_once() {
        let candidates = [
            Candidate::new(0.7, TaskIdx(10), TaskIdx(20), 0, 0),
            Candidate::new(0.65, TaskIdx(10), TaskIdx(21), 0, 1),
            Candidate::new(0.9, TaskIdx(11), TaskIdx(20), 1, 0),
            Candidate::new(0.7, TaskIdx(11), TaskIdx(21), 1, 1),
        ];
        // 0.9 takes left 1 and right 0; left 0 then gets right 1.
        assert_eq!(select(&candidates, 2, 2), [(1, 0, 0.9), (0, 1, 0.65)]);
    }

    #[test]
    fn equal_scores_go_by_task_index_whichever_side_they_are_on() {
        let a = Candidate::new(0.8, TaskIdx(7), TaskIdx(3), 0, 0);
        let b = Candidate::new(0.8, TaskIdx(4), TaskIdx(5), 1, 1);
        assert!(a.key() < b.key());
        assert_eq!(a.tasks, (TaskIdx(3), TaskIdx(7)));
        let better = Candidate::new(0.81, TaskIdx(8), TaskIdx(9), 2, 2);
        assert!(better.key() < a.key());
    }
}
