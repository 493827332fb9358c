//! Choosing one-to-one pairs among candidates: best score first (greedy).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::collections::binary_heap::PeekMut;

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

    /// The order candidates are taken in: best score first; equal scores by the two
    /// tasks' indices in the data set (smaller first), so that comparing B with A pairs
    /// exactly like A with B; then by position, for a total order.
    pub(crate) fn order(a: &Self, b: &Self) -> Ordering {
        b.score
            .total_cmp(&a.score)
            .then(a.tasks.cmp(&b.tasks))
            .then((a.left, a.right).cmp(&(b.left, b.right)))
    }
}

/// The one-to-one pairs `(left, right, score)` among `candidates`, best first: each
/// candidate in [`Candidate::order`] is taken unless its left or right task is already
/// taken. `left` and `right` are the lengths of the two lists.
///
/// The same as sorting every candidate and walking the list (the tests' oracle), but
/// each left task's candidates are sorted on their own and merged lazily, best head
/// first: once a left task is taken the rest of its candidates are never looked at,
/// and most of them never are (docs/performance.md, `compare_1000_tasks`).
pub(crate) fn select(
    mut candidates: Vec<Candidate>,
    left: usize,
    right: usize,
) -> Vec<(usize, usize, f64)> {
    // The search gives them grouped by left task already.
    if !candidates.is_sorted_by_key(|c| c.left) {
        candidates.sort_by_key(|c| c.left);
    }
    let mut heads = BinaryHeap::with_capacity(left.min(candidates.len()));
    let mut start = 0;
    for group in candidates.chunk_by_mut(|a, b| a.left == b.left) {
        group.sort_unstable_by(Candidate::order);
        let end = start + group.len();
        heads.push(Head {
            best: group[0],
            next: start + 1,
            end,
        });
        start = end;
    }
    let mut right_taken = vec![false; right];
    let mut pairs = Vec::new();
    // A head's left task is always free: its group leaves when it is taken.
    while let Some(mut head) = heads.peek_mut() {
        let c = head.best;
        if right_taken[c.right] {
            if head.next < head.end {
                head.best = candidates[head.next];
                head.next += 1;
            } else {
                PeekMut::pop(head);
            }
        } else {
            right_taken[c.right] = true;
            pairs.push((c.left, c.right, c.score));
            PeekMut::pop(head);
        }
    }
    pairs
}

/// A left task's best candidate not looked at yet, and where the rest of its
/// candidates are (`candidates[next..end]`, in order).
struct Head {
    best: Candidate,
    next: usize,
    end: usize,
}

impl Ord for Head {
    // The heap gives its greatest first: the candidate first in order.
    fn cmp(&self, other: &Self) -> Ordering {
        Candidate::order(&other.best, &self.best)
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_pair_goes_first_and_each_task_once() {
        let candidates = vec![
            Candidate::new(0.7, 10, 20, 0, 0),
            Candidate::new(0.9, 11, 20, 1, 0),
            Candidate::new(0.7, 11, 21, 1, 1),
            Candidate::new(0.65, 10, 21, 0, 1),
        ];
        // 0.9 takes left 1 and right 0; left 0 then gets right 1.
        assert_eq!(select(candidates, 2, 2), [(1, 0, 0.9), (0, 1, 0.65)]);
    }

    #[test]
    fn equal_scores_go_by_task_index_whichever_side_they_are_on() {
        let a = Candidate::new(0.8, 7, 3, 0, 0);
        let b = Candidate::new(0.8, 4, 5, 1, 1);
        assert_eq!(Candidate::order(&a, &b), Ordering::Less);
        assert_eq!(a.tasks, (3, 7));
    }

    /// The oracle: every candidate sorted, then walked.
    fn select_by_full_sort(
        mut candidates: Vec<Candidate>,
        left: usize,
        right: usize,
    ) -> Vec<(usize, usize, f64)> {
        candidates.sort_by(Candidate::order);
        let (mut left_taken, mut right_taken) = (vec![false; left], vec![false; right]);
        let mut pairs = Vec::new();
        for c in candidates {
            if !left_taken[c.left] && !right_taken[c.right] {
                left_taken[c.left] = true;
                right_taken[c.right] = true;
                pairs.push((c.left, c.right, c.score));
            }
        }
        pairs
    }

    proptest::proptest! {
        /// The lazy merge takes exactly the pairs of the full sort, whatever order the
        /// candidates come in; scores are few so that ties are common.
        #[test]
        fn the_lazy_merge_takes_the_pairs_of_the_full_sort(
            found in proptest::collection::vec((0u8..4, 0usize..8, 0usize..8), 0..60),
            grouped in proptest::bool::ANY,
        ) {
            let mut candidates: Vec<Candidate> = found
                .iter()
                .map(|&(score, i, j)| {
                    Candidate::new(0.6 + f64::from(score) / 10.0, 100 + i, 200 + j, i, j)
                })
                .collect();
            candidates.sort_by_key(|c| (c.left, c.right));
            candidates.dedup_by_key(|c| (c.left, c.right));
            if !grouped {
                candidates.reverse();
                let third = candidates.len() / 3;
                candidates.rotate_left(third);
            }
            proptest::prop_assert_eq!(
                select(candidates.clone(), 8, 8),
                select_by_full_sort(candidates, 8, 8)
            );
        }
    }
}
