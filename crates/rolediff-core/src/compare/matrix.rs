//! The landscape: every role compared with every role under one filter, and every
//! role's place on the axis. Computed here, beside the comparison it repeats; the
//! reports and the interactive view only present it.

use crate::compare::{Comparator, Filter};
use crate::model::RoleIdx;

/// Most roles a landscape is computed for: the cost grows with the square of the count.
pub const MAX_MATRIX_ROLES: usize = 400;

/// Every role compared with every role.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// The roles, in data order.
    pub roles: Vec<RoleIdx>,
    /// `similarity[i][j]`: the similarity of `compare(roles[i], roles[j])`, exactly as
    /// `rolediff compare` computes it (the same as `[j][i]`) (the diagonal is a role with itself); `None` when
    /// neither role keeps a task under the filter.
    pub similarity: Vec<Vec<Option<f64>>>,
    /// The same over the tasks no source of the view contests.
    pub similarity_agreed: Vec<Vec<Option<f64>>>,
    /// Each role's mean axis over its kept, uncontested tasks; `None` when none.
    pub axis: Vec<Option<f64>>,
    /// Each role's number of tasks that pass the filter.
    pub tasks: Vec<usize>,
}

impl Matrix {
    /// Compares every pair of roles under `filter`, each pair once: a comparison is
    /// symmetric (swapping the roles swaps the sides of its shared tasks and near
    /// pairs, not its similarity), so the cell below the diagonal repeats the one
    /// above, and the landscape costs half the comparisons.
    pub fn compute(comparator: &Comparator, filter: &Filter) -> Self {
        let count = comparator.data().roles.len();
        let roles: Vec<RoleIdx> = (0..count).collect();
        let mut similarity = vec![vec![None; count]; count];
        let mut similarity_agreed = vec![vec![None; count]; count];
        let mut axis = vec![None; count];
        let mut tasks = vec![0; count];
        for i in 0..count {
            for j in i..count {
                let comparison = comparator.compare(i, j, filter);
                similarity[i][j] = comparison.similarity;
                similarity[j][i] = comparison.similarity;
                similarity_agreed[i][j] = comparison.similarity_agreed;
                similarity_agreed[j][i] = comparison.similarity_agreed;
                if i == j {
                    axis[i] = comparison.left_axis;
                    tasks[i] = comparison.shared.len() + comparison.left_only.len();
                }
            }
        }
        Self {
            roles,
            similarity,
            similarity_agreed,
            axis,
            tasks,
        }
    }

    /// The most similar pair of different roles, if there are two roles.
    pub fn closest_pair(&self) -> Option<(usize, usize)> {
        let n = self.roles.len();
        (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .max_by(|a, b| {
                let value = |(i, j): (usize, usize)| self.similarity[i][j].unwrap_or(-1.0);
                value(*a).total_cmp(&value(*b)).then(b.cmp(a))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn cells_are_compare_similarities() {
        let data = load_bundled().unwrap();
        let comparator = Comparator::new(&data);
        let filter = Filter::default();
        let matrix = Matrix::compute(&comparator, &filter);
        for i in 0..data.roles.len() {
            for j in 0..data.roles.len() {
                assert_eq!(
                    matrix.similarity[i][j],
                    comparator.compare(i, j, &filter).similarity
                );
            }
            assert_eq!(matrix.similarity[i][i], Some(1.0));
        }
    }
}
