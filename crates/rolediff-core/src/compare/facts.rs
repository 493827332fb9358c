//! What a comparison reads of each task, in packed arrays.

use crate::compare::{SharedTask, ThemeCount};
use crate::model::{DataSet, TaskIdx};

/// What a comparison reads of each task, packed: the [`crate::model::Task`] structs
/// are large and spread over the heap, and a ranking visits thousands of them.
#[derive(Debug)]
pub(crate) struct TaskFacts {
    axis: Vec<Option<f64>>,
    /// `themes[theme_starts[t]..theme_starts[t + 1]]` are the themes of task t.
    theme_starts: Vec<u32>,
    themes: Vec<u32>,
}

impl TaskFacts {
    pub(crate) fn new(data: &DataSet) -> Self {
        let mut theme_starts = Vec::with_capacity(data.tasks.len() + 1);
        let mut themes = Vec::new();
        theme_starts.push(0);
        for task in &data.tasks {
            themes.extend(task.themes.iter().map(|&t| t as u32));
            theme_starts.push(themes.len() as u32);
        }
        Self {
            axis: data.tasks.iter().map(|t| t.axis).collect(),
            theme_starts,
            themes,
        }
    }

    fn themes(&self, task: TaskIdx) -> &[u32] {
        &self.themes[self.theme_starts[task.0] as usize..self.theme_starts[task.0 + 1] as usize]
    }

    /// The axis of `task`, when the data places it.
    pub(crate) fn axis(&self, task: TaskIdx) -> Option<f64> {
        self.axis[task.0]
    }

    /// Mean axis of the kept tasks that `counts` accepts and the data places; `None`
    /// when there is none.
    pub(crate) fn mean_axis(
        &self,
        tasks: &[u32],
        kept: &[usize],
        counts: impl Fn(usize) -> bool,
    ) -> Option<f64> {
        let (sum, count) = kept
            .iter()
            .filter(|&&i| counts(i))
            .filter_map(|&i| self.axis[tasks[i] as usize])
            .fold((0.0, 0usize), |(sum, count), axis| (sum + axis, count + 1));
        (count > 0).then(|| sum / count as f64)
    }

    /// Per theme, how many of the `kept` tasks (indices into `tasks`) have it.
    pub(crate) fn theme_tally(
        &self,
        theme_count: usize,
        tasks: &[u32],
        kept: &[usize],
    ) -> Vec<usize> {
        let mut tally = vec![0; theme_count];
        for &i in kept {
            for &t in self.themes(TaskIdx(tasks[i] as usize)) {
                tally[t as usize] += 1;
            }
        }
        tally
    }

    /// The per-theme counts of a comparison, given the left role's [`Self::theme_tally`].
    pub(crate) fn theme_counts(
        &self,
        left: &[usize],
        right: (&[u32], &[usize]),
        shared: &[SharedTask],
    ) -> Vec<ThemeCount> {
        let mut counts: Vec<ThemeCount> = left
            .iter()
            .enumerate()
            .map(|(theme, &left)| ThemeCount {
                theme,
                left,
                right: 0,
                shared: 0,
            })
            .collect();
        for &j in right.1 {
            for &t in self.themes(TaskIdx(right.0[j] as usize)) {
                counts[t as usize].right += 1;
            }
        }
        for s in shared {
            for &t in self.themes(s.task) {
                counts[t as usize].shared += 1;
            }
        }
        counts.retain(|c| c.left > 0 || c.right > 0);
        counts
    }
}
