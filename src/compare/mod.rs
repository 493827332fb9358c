//! Comparing two roles: shared tasks, tasks only one side has, near pairs, similarity,
//! axis positions and per-theme counts. Pure functions over the model.
//!
//! A [`Comparator`] is prepared once per data set (it holds the text index used to find
//! near pairs) and then compares any two roles under any [`Filter`].

mod filter;
mod near;
mod rows;
#[cfg(test)]
pub(crate) mod test_data;
pub mod textnorm;
mod words;

pub use filter::Filter;
pub use near::{NEAR_THRESHOLD, NearIndex};
pub use rows::{Marker, Row, rows};

use crate::model::{DataSet, RoleIdx, TaskIdx, ThemeIdx};

/// A task both roles have. Indices point into each role's `tasks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedTask {
    /// The task.
    pub task: TaskIdx,
    /// Index in the left role's tasks.
    pub left: usize,
    /// Index in the right role's tasks.
    pub right: usize,
}

/// Two different tasks, one only-left and one only-right, whose labels say nearly the
/// same thing. Both also stay in their only-lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearPair {
    /// Index in the left role's tasks.
    pub left: usize,
    /// Index in the right role's tasks.
    pub right: usize,
    /// Text similarity, in `NEAR_THRESHOLD..=1`.
    pub score: f64,
}

/// How many tasks of one theme each role has, and how many they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeCount {
    /// The theme.
    pub theme: ThemeIdx,
    /// Left role's tasks with this theme.
    pub left: usize,
    /// Right role's tasks with this theme.
    pub right: usize,
    /// Shared tasks with this theme.
    pub shared: usize,
}

/// The comparison of two roles under a filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Left role.
    pub left: RoleIdx,
    /// Right role.
    pub right: RoleIdx,
    /// Tasks both have, in the left role's order.
    pub shared: Vec<SharedTask>,
    /// Left tasks (indices into the left role's tasks) the right role lacks, in order.
    pub left_only: Vec<usize>,
    /// Right tasks the left role lacks, in order.
    pub right_only: Vec<usize>,
    /// Near pairs among the only-tasks, best first.
    pub near: Vec<NearPair>,
    /// 0..=1; exactly 1 when both roles have the same (filtered) tasks.
    pub similarity: f64,
    /// Mean axis of the left role's filtered tasks; `None` when none pass the filter.
    pub left_axis: Option<f64>,
    /// Mean axis of the right role's filtered tasks.
    pub right_axis: Option<f64>,
    /// Per theme (data order), only themes at least one side has a task in.
    pub themes: Vec<ThemeCount>,
}

/// Compares roles of one data set.
#[derive(Debug)]
pub struct Comparator<'d> {
    data: &'d DataSet,
    near: NearIndex,
    /// Both labels of each task, folded, for the query filter.
    folded_labels: Vec<[String; 2]>,
}

impl<'d> Comparator<'d> {
    /// Prepares the text index of every task (done once per data set).
    pub fn new(data: &'d DataSet) -> Self {
        Self {
            data,
            near: NearIndex::new(data),
            folded_labels: data
                .tasks
                .iter()
                .map(|t| [textnorm::fold(&t.label.fr), textnorm::fold(&t.label.en)])
                .collect(),
        }
    }

    /// The data set compared.
    pub fn data(&self) -> &'d DataSet {
        self.data
    }

    /// Compares `left` with `right`; the filter applies before everything.
    pub fn compare(&self, left: RoleIdx, right: RoleIdx, filter: &Filter) -> Comparison {
        let data = self.data;
        let left_tasks = &data.roles[left].tasks;
        let right_tasks = &data.roles[right].tasks;
        let query = textnorm::fold(filter.query.trim());
        let accepts = |role_task: &crate::model::RoleTask| {
            let task = role_task.task;
            filter.accepts_with(role_task, &data.tasks[task].themes, &query, |query| {
                self.folded_labels[task]
                    .iter()
                    .any(|label| label.contains(query))
            })
        };
        let left_kept: Vec<usize> = (0..left_tasks.len())
            .filter(|&i| accepts(&left_tasks[i]))
            .collect();
        let right_kept: Vec<usize> = (0..right_tasks.len())
            .filter(|&i| accepts(&right_tasks[i]))
            .collect();

        // Task index → position in the right role, for the filtered right tasks.
        let mut right_position: std::collections::HashMap<TaskIdx, usize> =
            std::collections::HashMap::with_capacity(right_kept.len());
        for &i in &right_kept {
            right_position.insert(right_tasks[i].task, i);
        }
        let mut shared = Vec::new();
        let mut left_only = Vec::new();
        let mut right_matched = vec![false; right_tasks.len()];
        for &i in &left_kept {
            let task = left_tasks[i].task;
            match right_position.get(&task) {
                Some(&j) => {
                    shared.push(SharedTask {
                        task,
                        left: i,
                        right: j,
                    });
                    right_matched[j] = true;
                }
                None => left_only.push(i),
            }
        }
        let right_only: Vec<usize> = right_kept
            .iter()
            .copied()
            .filter(|&j| !right_matched[j])
            .collect();

        let left_only_tasks: Vec<TaskIdx> = left_only.iter().map(|&i| left_tasks[i].task).collect();
        let right_only_tasks: Vec<TaskIdx> =
            right_only.iter().map(|&j| right_tasks[j].task).collect();
        let near: Vec<NearPair> = self
            .near
            .pairs(&left_only_tasks, &right_only_tasks)
            .into_iter()
            .map(|(a, b, score)| NearPair {
                left: left_only[a],
                right: right_only[b],
                score,
            })
            .collect();

        let similarity = similarity(shared.len(), &near, left_kept.len(), right_kept.len());
        let mean_axis = |tasks: &[crate::model::RoleTask], kept: &[usize]| {
            (!kept.is_empty()).then(|| {
                kept.iter()
                    .map(|&i| data.tasks[tasks[i].task].axis)
                    .sum::<f64>()
                    / kept.len() as f64
            })
        };
        let themes = theme_counts(
            data,
            left_tasks,
            &left_kept,
            right_tasks,
            &right_kept,
            &shared,
        );
        Comparison {
            left,
            right,
            shared,
            left_only,
            right_only,
            near,
            similarity,
            left_axis: mean_axis(left_tasks, &left_kept),
            right_axis: mean_axis(right_tasks, &right_kept),
            themes,
        }
    }

    /// `role` compared with every other role, most similar first (then more shared
    /// tasks first, then data order, so the ranking is stable).
    pub fn rank(&self, role: RoleIdx, filter: &Filter) -> Vec<Comparison> {
        let mut ranked: Vec<Comparison> = (0..self.data.roles.len())
            .filter(|&other| other != role)
            .map(|other| self.compare(role, other, filter))
            .collect();
        ranked.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(b.shared.len().cmp(&a.shared.len()))
                .then(a.right.cmp(&b.right))
        });
        ranked
    }
}

/// Soft Jaccard: `overlap / (|A| + |B| − overlap)`, where a shared task counts 1 and a
/// near pair counts its score. Two empty sides count as identical (1). Only identical
/// task sets reach exactly 1: with any only-task left, the result stays below 1 even
/// when near pairs score 1.
pub fn similarity(shared: usize, near: &[NearPair], left: usize, right: usize) -> f64 {
    if left == 0 && right == 0 {
        return 1.0;
    }
    let overlap = shared as f64 + near.iter().map(|p| p.score).sum::<f64>();
    let union = (left + right) as f64 - overlap;
    let value = if union <= 0.0 {
        1.0
    } else {
        (overlap / union).clamp(0.0, 1.0)
    };
    let identical = shared == left && shared == right;
    if identical { 1.0 } else { value.min(0.999) }
}

fn theme_counts(
    data: &DataSet,
    left_tasks: &[crate::model::RoleTask],
    left_kept: &[usize],
    right_tasks: &[crate::model::RoleTask],
    right_kept: &[usize],
    shared: &[SharedTask],
) -> Vec<ThemeCount> {
    let mut counts: Vec<ThemeCount> = (0..data.themes.len())
        .map(|theme| ThemeCount {
            theme,
            left: 0,
            right: 0,
            shared: 0,
        })
        .collect();
    for &i in left_kept {
        for &t in &data.tasks[left_tasks[i].task].themes {
            counts[t].left += 1;
        }
    }
    for &j in right_kept {
        for &t in &data.tasks[right_tasks[j].task].themes {
            counts[t].right += 1;
        }
    }
    for s in shared {
        for &t in &data.tasks[s.task].themes {
            counts[t].shared += 1;
        }
    }
    counts.retain(|c| c.left > 0 || c.right > 0);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{data, role, task};

    /// Tasks: 0 strategy (t0), 1 and 2 say the same thing in other words (t1),
    /// 3 writing (t2 then t0), 4 events (t2). A = [0, 1, 3], B = [0, 2, 4, 3].
    fn example() -> DataSet {
        let tasks = vec![
            task("strategy", "Définir la stratégie", &[0], 0.9),
            task("moderate", "Modérer les commentaires", &[1], 0.2),
            task("moderation", "Modération des commentaires", &[1], 0.3),
            task("write", "Rédiger les publications", &[2, 0], 0.4),
            task("events", "Organiser des événements", &[2], 0.5),
        ];
        let mut b = role("b", &[0, 2, 4, 3]);
        b.tasks[2].sources = vec![1];
        data(3, tasks, vec![role("a", &[0, 1, 3]), b])
    }

    #[test]
    fn comparison_worked_by_hand() {
        let data = example();
        let c = Comparator::new(&data).compare(0, 1, &Filter::default());
        let shared: Vec<(TaskIdx, usize, usize)> =
            c.shared.iter().map(|s| (s.task, s.left, s.right)).collect();
        assert_eq!(shared, [(0, 0, 0), (3, 2, 3)]);
        assert_eq!(c.left_only, [1]);
        assert_eq!(c.right_only, [1, 2]);
        assert_eq!(c.near.len(), 1);
        assert_eq!((c.near[0].left, c.near[0].right), (1, 1));
        assert!(c.near[0].score > 0.999);
        // overlap = 2 shared + 1 near ≈ 3; union = 3 + 4 − 3 = 4.
        assert!((c.similarity - 0.75).abs() < 1e-6, "{}", c.similarity);
        assert!((c.left_axis.unwrap() - 0.5).abs() < 1e-12);
        assert!((c.right_axis.unwrap() - 0.525).abs() < 1e-12);
        let counts: Vec<(ThemeIdx, usize, usize, usize)> = c
            .themes
            .iter()
            .map(|t| (t.theme, t.left, t.right, t.shared))
            .collect();
        // Task 3 counts in t2 and t0: every theme of a task counts.
        assert_eq!(counts, [(0, 2, 2, 2), (1, 1, 1, 0), (2, 1, 2, 1)]);
    }

    #[test]
    fn filters_apply_before_everything() {
        let data = example();
        let comparator = Comparator::new(&data);
        let by_theme = Filter {
            themes: vec![1],
            ..Filter::default()
        };
        let c = comparator.compare(0, 1, &by_theme);
        assert!(c.shared.is_empty());
        assert_eq!(
            (c.left_only.as_slice(), c.right_only.as_slice()),
            (&[1][..], &[1][..])
        );
        // One near pair scoring 1 out of one task each: high, but not identical.
        assert_eq!(c.similarity, 0.999);
        assert_eq!(c.themes.len(), 1);

        let by_query = Filter {
            query: "  STRATEGIE ".into(),
            ..Filter::default()
        };
        let c = comparator.compare(0, 1, &by_query);
        assert_eq!(c.shared.len(), 1);
        assert_eq!(c.similarity, 1.0);
        assert_eq!(c.left_axis, Some(0.9));

        let by_source = Filter {
            sources: vec![1],
            ..Filter::default()
        };
        let c = comparator.compare(0, 1, &by_source);
        assert!(c.shared.is_empty() && c.left_only.is_empty());
        assert_eq!(c.right_only, [2]);
        assert_eq!(c.similarity, 0.0);
        assert_eq!(c.left_axis, None);
    }

    #[test]
    fn similarity_is_a_soft_jaccard() {
        let near = |score| NearPair {
            left: 0,
            right: 0,
            score,
        };
        // overlap = 1 + 0.8 = 1.8; union = 3 + 2 − 1.8 = 3.2.
        assert!((similarity(1, &[near(0.8)], 3, 2) - 0.5625).abs() < 1e-12);
        assert_eq!(similarity(2, &[], 2, 2), 1.0);
        assert_eq!(similarity(0, &[], 0, 0), 1.0);
        assert_eq!(similarity(0, &[], 0, 3), 0.0);
        assert_eq!(similarity(1, &[], 2, 2), 1.0 / 3.0);
    }

    #[test]
    fn rows_group_by_theme_with_pairs_on_one_row() {
        let data = example();
        let c = Comparator::new(&data).compare(0, 1, &Filter::default());
        let layout = rows(&data, &c, &Filter::default());
        let cells: Vec<String> = layout
            .iter()
            .map(|row| match row {
                Row::Theme(t) => format!("#{t}"),
                Row::Task {
                    marker,
                    left,
                    right,
                    ..
                } => format!("{}{:?}{:?}", marker.symbol(), left, right),
            })
            .collect();
        assert_eq!(
            cells,
            [
                "#0",
                "=Some(0)Some(0)",
                "#1",
                "~Some(1)Some(1)",
                "#2",
                "=Some(2)Some(3)",
                ">NoneSome(2)",
            ]
        );
    }
}
