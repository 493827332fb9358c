//! Choosing one-to-one pairs among candidates: best score first (greedy).

use std::cmp::Ordering;

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
pub(crate) fn select(
    mut candidates: Vec<Candidate>,
    left: usize,
    right: usize,
) -> Vec<(usize, usize, f64)> {
    candidates.sort_unstable_by(Candidate::order);
    let mut left_taken = vec![false; left];
    let mut right_taken = vec![false; right];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_pair_goes_first_and_each_task_once() {
        let candidates = vec![
            Candidate::new(0.7, TaskIdx(10), TaskIdx(20), 0, 0),
            Candidate::new(0.9, TaskIdx(11), TaskIdx(20), 1, 0),
            Candidate::new(0.7, TaskIdx(11), TaskIdx(21), 1, 1),
            Candidate::new(0.65, TaskIdx(10), TaskIdx(21), 0, 1),
        ];
        // 0.9 takes left 1 and right 0; left 0 then gets right 1.
        assert_eq!(select(candidates, 2, 2), [(1, 0, 0.9), (0, 1, 0.65)]);
    }

    #[test]
    fn equal_scores_go_by_task_index_whichever_side_they_are_on() {
        let a = Candidate::new(0.8, TaskIdx(7), TaskIdx(3), 0, 0);
        let b = Candidate::new(0.8, TaskIdx(4), TaskIdx(5), 1, 1);
        assert_eq!(Candidate::order(&a, &b), Ordering::Less);
        assert_eq!(a.tasks, (TaskIdx(3), TaskIdx(7)));
    }
}
