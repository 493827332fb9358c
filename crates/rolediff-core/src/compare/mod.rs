//! Comparing two roles: shared tasks, tasks only one side has, near pairs, similarity,
//! axis positions and per-theme counts. Pure functions over the model.
//!
//! A [`Comparator`] is prepared once per data set (it holds the text index used to find
//! near pairs) and then compares any two roles under any [`Filter`].

mod explain;
mod facts;
mod filter;
mod matrix;
mod near;
mod position;
mod ranking;
mod rows;
#[cfg(test)]
pub(crate) mod test_data;
mod wording;
mod words;

use facts::TaskFacts;
pub use filter::Filter;
pub use matrix::{MAX_MATRIX_ROLES, Matrix};
pub use near::{NEAR_THRESHOLD, NearIndex, WordMatch};
pub use position::{AxisPosition, SourceAxis, axis_position};
use ranking::Ranking;
pub use ranking::{Ranked, ranking_score};
pub use rows::{Marker, Row, RowCounts, Shown, rows};
use wording::Wording;

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
    /// The same thing at one level, or one subject at two levels.
    pub kind: PairKind,
}

/// Axis gap from which a near pair is the same subject at two levels ([`PairKind::Split`]):
/// half the scale, the distance between "decides" and "carries out".
pub const SPLIT_GAP: f64 = 0.5;

/// What a near pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairKind {
    /// Two wordings of nearly the same task.
    Near,
    /// One subject at two levels: the tasks' axis positions differ by [`SPLIT_GAP`] or
    /// more, so one side decides what the other carries out ("Define the KPIs" / "Track
    /// the KPIs"). The articles' central distinction, never to be read as "the same".
    Split,
}

impl PairKind {
    /// The kind of a pair of tasks placed at `left` and `right` on the axis.
    pub fn of(left: Option<f64>, right: Option<f64>) -> Self {
        match (left, right) {
            (Some(l), Some(r)) if (l - r).abs() >= SPLIT_GAP - 1e-9 => PairKind::Split,
            _ => PairKind::Near,
        }
    }

    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            PairKind::Near => "near",
            PairKind::Split => "split",
        }
    }
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
    /// 0..=1 over every task the view's sources state; exactly 1 when both roles have
    /// the same (filtered) tasks; `None` when neither keeps a task (nothing compared).
    pub similarity: Option<f64>,
    /// The same over the tasks no source of the view contests: what the sources agree
    /// on. `None` when neither role keeps an uncontested task.
    pub similarity_agreed: Option<f64>,
    /// Mean axis of the left role's kept, placed, uncontested tasks; `None` when there
    /// is none.
    pub left_axis: Option<f64>,
    /// The same for the right role.
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
    /// Computed on the first text query: most comparisons have none.
    folded_labels: std::sync::OnceLock<Vec<[String; 2]>>,
    /// Per role, `(task, index in the role's tasks)` sorted by task: shared tasks are
    /// found by merging two of these, without hashing.
    by_task: Vec<Vec<(u32, u32)>>,
    /// Per role, its tasks' indices in role order.
    role_tasks: Vec<Vec<u32>>,
    facts: TaskFacts,
    /// The wording of every role, read on the first ranking.
    wording: std::sync::OnceLock<Wording>,
}

impl<'d> Comparator<'d> {
    /// Prepares the text index of every task (done once per data set).
    pub fn new(data: &'d DataSet) -> Self {
        Self {
            data,
            near: NearIndex::new(data),
            facts: TaskFacts::new(data),
            role_tasks: data
                .roles
                .iter()
                .map(|role| role.tasks.iter().map(|t| t.task.0 as u32).collect())
                .collect(),
            folded_labels: std::sync::OnceLock::new(),
            wording: std::sync::OnceLock::new(),
            by_task: data
                .roles
                .iter()
                .map(|role| {
                    let mut sorted: Vec<(u32, u32)> = role
                        .tasks
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (t.task.0 as u32, i as u32))
                        .collect();
                    sorted.sort_unstable();
                    sorted
                })
                .collect(),
        }
    }

    /// Both labels of each task, folded.
    fn folded_labels(&self) -> &[[String; 2]] {
        self.folded_labels.get_or_init(|| {
            self.data
                .tasks
                .iter()
                .map(|t| {
                    [
                        crate::text::fold::fold(&t.label.fr),
                        crate::text::fold::fold(&t.label.en),
                    ]
                })
                .collect()
        })
    }

    /// The data set compared.
    pub fn data(&self) -> &'d DataSet {
        self.data
    }

    /// The wording of every role, read on first need. It locks the near-pair
    /// analysis while it reads: never call it with that lock held.
    fn wording(&self) -> &Wording {
        self.wording
            .get_or_init(|| Wording::new(self.data, &self.near))
    }

    /// Compares `left` with `right`; the filter applies before everything.
    ///
    /// A comparison is found in two steps that a ranking shares (`find`, then
    /// `similarities`); only `compare` then writes out the lists.
    pub fn compare(&self, left: RoleIdx, right: RoleIdx, filter: &Filter) -> Comparison {
        let query = crate::text::fold::fold(filter.query.trim());
        let left_side = self.left_side(left, filter, &query);
        let mut scratch = Scratch::default();
        let pairs = self.find(&left_side, None, right, filter, &query, &mut scratch);
        let (similarity, similarity_agreed) =
            self.similarities(&left_side, right, filter, &scratch, &pairs);
        let (left_tasks, right_tasks) = (&self.role_tasks[left], &self.role_tasks[right]);
        let shared: Vec<SharedTask> = scratch
            .shared
            .iter()
            .map(|&(i, j)| SharedTask {
                task: TaskIdx(left_tasks[i] as usize),
                left: i,
                right: j,
            })
            .collect();
        let facts = &self.facts;
        let near: Vec<NearPair> = pairs
            .into_iter()
            .map(|(a, b, score)| {
                let (left, right) = (scratch.left_only[a], scratch.right_only[b]);
                NearPair {
                    left,
                    right,
                    score,
                    kind: PairKind::of(
                        facts.axis(TaskIdx(left_tasks[left] as usize)),
                        facts.axis(TaskIdx(right_tasks[right] as usize)),
                    ),
                }
            })
            .collect();
        let right_entries = &self.data.roles[right].tasks;
        // The working memory was this comparison's alone: its lists are the result.
        let Scratch {
            left_only,
            right_only,
            right_kept,
            ..
        } = scratch;
        Comparison {
            left,
            right,
            themes: facts.theme_counts(&left_side.themes, (right_tasks, &right_kept), &shared),
            shared,
            left_only,
            right_only,
            near,
            similarity,
            similarity_agreed,
            left_axis: left_side.axis,
            right_axis: facts.mean_axis(right_tasks, &right_kept, |j| {
                !filter.contests(&right_entries[j])
            }),
        }
    }

    /// What the comparisons of `role` on the left read of it under `filter`.
    fn left_side(&self, role: RoleIdx, filter: &Filter, query: &str) -> LeftSide {
        let kept = self.kept(role, filter, query);
        let tasks = &self.role_tasks[role];
        let entries = &self.data.roles[role].tasks;
        let agreed = |i: usize| !filter.contests(&entries[i]);
        LeftSide {
            role,
            themes: self.facts.theme_tally(self.data.themes.len(), tasks, &kept),
            axis: self.facts.mean_axis(tasks, &kept, agreed),
            kept_agreed: kept.iter().filter(|&&i| agreed(i)).count(),
            kept,
        }
    }

    /// Indices of the tasks of `role` that pass the filter (`query` already folded).
    fn kept(&self, role: RoleIdx, filter: &Filter, query: &str) -> Vec<usize> {
        let mut kept = Vec::new();
        self.kept_into(role, filter, query, &mut kept);
        kept
    }

    /// [`Comparator::kept`] into `kept`, keeping its allocation.
    fn kept_into(&self, role: RoleIdx, filter: &Filter, query: &str, kept: &mut Vec<usize>) {
        let data = self.data;
        let tasks = &data.roles[role].tasks;
        kept.clear();
        if filter.themes.is_empty() && filter.sources.is_empty() && query.is_empty() {
            kept.extend(0..tasks.len());
            return;
        }
        kept.extend((0..tasks.len()).filter(|&i| {
            let role_task = &tasks[i];
            let task = role_task.task;
            filter.accepts_with(role_task, &data.tasks[task].themes, query, |query| {
                self.folded_labels()[task.0]
                    .iter()
                    .any(|label| label.contains(query))
            })
        }));
    }

    /// What two roles have and nearly have in common, before it is written out: the
    /// shared tasks, the only-tasks and the right role's kept tasks in `scratch`, and
    /// the near pairs returned, as `(index in left_only, index in right_only, score)`,
    /// best first. A ranking reads no more than this of each role.
    fn find(
        &self,
        left_side: &LeftSide,
        ranking: Option<&Ranking>,
        right: RoleIdx,
        filter: &Filter,
        query: &str,
        scratch: &mut Scratch,
    ) -> Vec<(usize, usize, f64)> {
        let (left, left_kept) = (left_side.role, &left_side.kept[..]);
        // Task indices in role order: the `RoleTask` structs are large, and a ranking
        // reads the tasks of every role.
        let left_tasks = &self.role_tasks[left];
        let right_tasks = &self.role_tasks[right];
        let Scratch {
            left_in,
            right_in,
            partner,
            right_matched,
            position,
            right_kept,
            right_only_tasks,
            shared,
            left_only,
            right_only,
        } = scratch;
        self.kept_into(right, filter, query, right_kept);
        let right_kept: &[usize] = right_kept;

        // Shared tasks, kept ones only.
        refill(left_in, left_tasks.len(), false);
        for &i in left_kept {
            left_in[i] = true;
        }
        refill(right_in, right_tasks.len(), false);
        for &j in right_kept {
            right_in[j] = true;
        }
        refill(partner, left_tasks.len(), NOT_THERE);
        refill(right_matched, right_tasks.len(), false);
        let mut pair_up = |i: usize, j: usize| {
            if left_in[i] && right_in[j] {
                partner[i] = j as u32;
                right_matched[j] = true;
            }
        };
        match ranking {
            // The left role is fixed: look each right task up.
            Some(ranking) => {
                for (j, &task) in right_tasks.iter().enumerate() {
                    let i = ranking.left_index[task as usize];
                    if i != NOT_THERE {
                        pair_up(i as usize, j);
                    }
                }
            }
            // Merge the two roles' task lists sorted by task.
            None => {
                let (a, b) = (&self.by_task[left], &self.by_task[right]);
                let (mut x, mut y) = (0, 0);
                while x < a.len() && y < b.len() {
                    match a[x].0.cmp(&b[y].0) {
                        std::cmp::Ordering::Less => x += 1,
                        std::cmp::Ordering::Greater => y += 1,
                        std::cmp::Ordering::Equal => {
                            pair_up(a[x].1 as usize, b[y].1 as usize);
                            x += 1;
                            y += 1;
                        }
                    }
                }
            }
        }
        shared.clear();
        left_only.clear();
        for &i in left_kept {
            match partner[i] {
                NOT_THERE => left_only.push(i),
                j => shared.push((i, j as usize)),
            }
        }
        right_only.clear();
        right_only.extend(right_kept.iter().copied().filter(|&j| !right_matched[j]));

        right_only_tasks.clear();
        right_only_tasks.extend(right_only.iter().map(|&j| TaskIdx(right_tasks[j] as usize)));
        match ranking {
            Some(Ranking { neighbours, .. }) => {
                // Position in `left_kept` → index in `left_only`.
                position.clear();
                let mut next = 0;
                position.extend(left_kept.iter().map(|&i| {
                    (partner[i] == NOT_THERE).then(|| {
                        next += 1;
                        next - 1
                    })
                }));
                self.near.pairs_with_neighbours(
                    neighbours,
                    position,
                    left_only.len(),
                    right_only_tasks,
                )
            }
            None => {
                let left_only_tasks: Vec<TaskIdx> = left_only
                    .iter()
                    .map(|&i| TaskIdx(left_tasks[i] as usize))
                    .collect();
                self.near.pairs(&left_only_tasks, right_only_tasks)
            }
        }
    }

    /// The similarity of what [`Comparator::find`] found (left in `scratch`, near
    /// `pairs`), and the same over what the sources of the view agree on: the figure
    /// without the tasks one of them contests, on either side.
    fn similarities(
        &self,
        left_side: &LeftSide,
        right: RoleIdx,
        filter: &Filter,
        scratch: &Scratch,
        pairs: &[(usize, usize, f64)],
    ) -> (Option<f64>, Option<f64>) {
        let right_kept = &scratch.right_kept;
        let similarity = similarity_of_scores(
            scratch.shared.len(),
            pairs.iter().map(|&(.., score)| score),
            left_side.kept.len(),
            right_kept.len(),
        );
        let (left_entries, right_entries) = (
            &self.data.roles[left_side.role].tasks,
            &self.data.roles[right].tasks,
        );
        let left_agreed = |i: usize| !filter.contests(&left_entries[i]);
        let right_agreed = |j: usize| !filter.contests(&right_entries[j]);
        let agreed_shared = scratch
            .shared
            .iter()
            .filter(|&&(i, j)| left_agreed(i) && right_agreed(j))
            .count();
        let agreed_near = pairs
            .iter()
            .filter(|&&(a, b, _)| {
                left_agreed(scratch.left_only[a]) && right_agreed(scratch.right_only[b])
            })
            .map(|&(.., score)| score);
        let right_kept_agreed = right_kept.iter().filter(|&&j| right_agreed(j)).count();
        let similarity_agreed = similarity_of_scores(
            agreed_shared,
            agreed_near,
            left_side.kept_agreed,
            right_kept_agreed,
        );
        (similarity, similarity_agreed)
    }
}

/// What a comparison reads of its left role under a filter: the same in every
/// comparison of a ranking, so worked out once for all of them.
#[derive(Debug)]
struct LeftSide {
    role: RoleIdx,
    /// Indices of its tasks that pass the filter.
    kept: Vec<usize>,
    /// Per theme, how many of those have it.
    themes: Vec<usize>,
    /// Mean axis of those placed that no source of the view contests.
    axis: Option<f64>,
    /// How many of those no source of the view contests.
    kept_agreed: usize,
}

/// Working memory of a comparison, reused across the comparisons of a ranking.
#[derive(Debug, Default)]
struct Scratch {
    /// Left tasks that pass the filter.
    left_in: Vec<bool>,
    /// Right tasks that pass the filter.
    right_in: Vec<bool>,
    /// For each left task, the index of the same task in the right role, if shared.
    partner: Vec<u32>,
    /// Right tasks the left role shares.
    right_matched: Vec<bool>,
    /// Position in the left role's kept tasks → index in its only-tasks, if only-left.
    position: Vec<Option<usize>>,
    /// The right role's tasks that pass the filter.
    right_kept: Vec<usize>,
    /// The right role's only-tasks, as tasks.
    right_only_tasks: Vec<TaskIdx>,
    /// Tasks both roles have, as `(index in left, index in right)`, in left order.
    shared: Vec<(usize, usize)>,
    /// The left role's kept tasks the right lacks.
    left_only: Vec<usize>,
    /// The right role's kept tasks the left lacks.
    right_only: Vec<usize>,
}

/// In a map from task to position, a task that is not in the list.
const NOT_THERE: u32 = u32::MAX;

/// `len` copies of `value` in `vec`, keeping its allocation.
fn refill<T: Copy>(vec: &mut Vec<T>, len: usize, value: T) {
    vec.clear();
    vec.resize(len, value);
}

/// Soft Jaccard: `overlap / (|A| + |B| − overlap)`, where a shared task counts 1 and a
/// near pair counts its score. Nothing to compare (two empty sides) gives `None`, never
/// a similarity. Only identical task sets reach exactly 1: with any only-task left, the
/// result stays below 1 even when near pairs score 1.
pub fn similarity(shared: usize, near: &[NearPair], left: usize, right: usize) -> Option<f64> {
    similarity_of_scores(shared, near.iter().map(|p| p.score), left, right)
}

/// [`similarity`] given the near pairs' scores alone, without a list of the pairs.
fn similarity_of_scores(
    shared: usize,
    near: impl Iterator<Item = f64>,
    left: usize,
    right: usize,
) -> Option<f64> {
    if left == 0 && right == 0 {
        return None;
    }
    let overlap = shared as f64 + near.sum::<f64>();
    let union = (left + right) as f64 - overlap;
    let value = if union <= 0.0 {
        1.0
    } else {
        (overlap / union).clamp(0.0, 1.0)
    };
    let identical = shared == left && shared == right;
    Some(if identical { 1.0 } else { value.min(0.999) })
}

#[cfg(test)]
mod tests;
