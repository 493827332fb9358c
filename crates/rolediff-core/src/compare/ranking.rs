//! `similar`: one role against every other, most alike first.
//!
//! A ranking reads of each comparison only what a ranked row shows (its similarities
//! and how many tasks are shared and nearly shared): the lists of a full
//! [`crate::compare::Comparison`] are for `compare`, and building 3,000 of them to
//! print a number from each was most of a ranking's allocation.

use crate::compare::near::Neighbours;
use crate::compare::{Comparator, Filter, NOT_THERE, Scratch};
use crate::model::{RoleIdx, TaskIdx};

/// One role of a ranking: how it compares with the role ranked, and how alike the two
/// roles' wording is.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The role ranked against the one asked about.
    pub role: RoleIdx,
    /// Their task similarity, as [`crate::compare::Comparison::similarity`] (under
    /// the ranking's filter).
    pub similarity: Option<f64>,
    /// The same over what the sources of the view agree on, as
    /// [`crate::compare::Comparison::similarity_agreed`].
    pub similarity_agreed: Option<f64>,
    /// How many tasks both roles have.
    pub shared: usize,
    /// How many near pairs (split pairs included) their only-tasks make.
    pub near: usize,
    /// The role-level text similarity of the two roles, in `0..=1`: the cosine of
    /// their whole texts (names, aliases, every task label) as TF-IDF vectors of stems,
    /// pairs of stems and pieces of stems (docs/compare.md). `None` under a filter.
    pub wording: Option<f64>,
    /// What the ranking sorts by: [`ranking_score`] of the task similarity and the
    /// wording.
    pub score: f64,
    /// The words that weigh most in `wording`, as the data writes them: empty until
    /// [`crate::compare::Comparator::explain_wording`] fills it for the rows a report
    /// shows (most of a ranking is never read).
    pub words_in_common: Vec<String>,
}

/// The score a ranking sorts by: the mean of the task similarity (what the roles
/// share and nearly share, [`crate::compare::similarity`]) and the wording similarity; the task
/// similarity alone when there is no wording. Shared tasks are statements that two
/// roles do the same thing, and wording is evidence that they are about the same
/// things: each counts for half. Nothing compared (no task kept) counts as nothing
/// shared.
pub fn ranking_score(tasks: Option<f64>, wording: Option<f64>) -> f64 {
    let tasks = tasks.unwrap_or(0.0);
    match wording {
        Some(wording) => (tasks + wording) / 2.0,
        None => tasks,
    }
}

/// What a ranking prepares once for its left role.
#[derive(Debug)]
pub(super) struct Ranking {
    /// The tasks the left role's kept tasks could pair with.
    pub(super) neighbours: Neighbours,
    /// Task → index in the left role's tasks, or [`NOT_THERE`].
    pub(super) left_index: Vec<u32>,
}

impl Comparator<'_> {
    /// `role` compared with every other role, most alike first: by [`Ranked::score`],
    /// then by the task similarity, then by more shared tasks, then in data order.
    ///
    /// Without a filter each role's wording counts (see [`Ranked`]); under a filter
    /// only the tasks that pass do, so the ranking is by the task similarity alone.
    pub fn rank(&self, role: RoleIdx, filter: &Filter) -> Vec<Ranked> {
        let query = crate::text::fold::fold(filter.query.trim());
        let left = self.left_side(role, filter, &query);
        // The left role is the same in every comparison: the tasks its tasks could pair
        // with are found once, in the whole data set.
        let tasks = &self.data.roles[role].tasks;
        let kept_tasks: Vec<TaskIdx> = left.kept.iter().map(|&i| tasks[i].task).collect();
        let mut left_index = vec![NOT_THERE; self.data.tasks.len()];
        for (i, &task) in self.role_tasks[role].iter().enumerate() {
            left_index[task as usize] = i as u32;
        }
        let ranking = Ranking {
            neighbours: self.near.neighbours(&kept_tasks),
            left_index,
        };
        let wording = filter.is_empty().then(|| self.wording().against_all(role));
        let mut scratch = Scratch::default();
        let mut ranked: Vec<Ranked> = (0..self.data.roles.len())
            .filter(|&other| other != role)
            .map(|other| {
                let pairs = self.find(&left, Some(&ranking), other, filter, &query, &mut scratch);
                let (similarity, similarity_agreed) =
                    self.similarities(&left, other, filter, &scratch, &pairs);
                let wording = wording.as_ref().map(|w| w[other]);
                Ranked {
                    role: other,
                    similarity,
                    similarity_agreed,
                    shared: scratch.shared.len(),
                    near: pairs.len(),
                    wording,
                    score: ranking_score(similarity, wording),
                    words_in_common: Vec::new(),
                }
            })
            .collect();
        // Roles are distinct: the order is total.
        ranked.sort_unstable_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then(
                    y.similarity
                        .unwrap_or(-1.0)
                        .total_cmp(&x.similarity.unwrap_or(-1.0)),
                )
                .then(y.shared.cmp(&x.shared))
                .then(x.role.cmp(&y.role))
        });
        ranked
    }
}
