//! Where a role sits on the strategy ↔ execution axis, and how far its sources
//! disagree about it.

use crate::compare::Filter;
use crate::model::{DataSet, RoleIdx, SourceIdx};

/// One source's view of a role's place on the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceAxis {
    /// The source.
    pub source: SourceIdx,
    /// Mean axis of the placed tasks this source states for the role.
    pub mean: f64,
    /// How many placed tasks that is.
    pub tasks: usize,
}

/// A role's place on the axis under a filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AxisPosition {
    /// Mean axis of the role's kept, placed tasks that no source of the view contests:
    /// what the sources agree on. `None` when there is no such task.
    pub mean: Option<f64>,
    /// Each source of the view that states at least one kept, placed task of the role,
    /// with its own mean over the tasks it states (contested or not: that is its
    /// perspective), in data order.
    pub by_source: Vec<SourceAxis>,
}

impl AxisPosition {
    /// The lowest and highest source means, when at least two sources place the role.
    pub fn spread(&self) -> Option<(f64, f64)> {
        if self.by_source.len() < 2 {
            return None;
        }
        let low = self
            .by_source
            .iter()
            .map(|s| s.mean)
            .fold(f64::INFINITY, f64::min);
        let high = self
            .by_source
            .iter()
            .map(|s| s.mean)
            .fold(f64::NEG_INFINITY, f64::max);
        Some((low, high))
    }
}

/// Where `role` sits under `filter` (its themes and query select the tasks, its sources
/// the perspective).
pub fn axis_position(data: &DataSet, role: RoleIdx, filter: &Filter) -> AxisPosition {
    let mut agreed = (0.0, 0usize);
    let mut per_source = vec![(0.0, 0usize); data.sources.len()];
    for role_task in &data.roles[role].tasks {
        if !filter.accepts(data, role_task) {
            continue;
        }
        let Some(axis) = data.tasks[role_task.task].axis else {
            continue;
        };
        if !filter.contests(role_task) {
            agreed.0 += axis;
            agreed.1 += 1;
        }
        for source in filter.in_view(&role_task.sources) {
            per_source[source].0 += axis;
            per_source[source].1 += 1;
        }
    }
    AxisPosition {
        mean: (agreed.1 > 0).then(|| agreed.0 / agreed.1 as f64),
        by_source: per_source
            .into_iter()
            .enumerate()
            .filter(|(_, (_, count))| *count > 0)
            .map(|(source, (sum, tasks))| SourceAxis {
                source,
                mean: sum / tasks as f64,
                tasks,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{data, role, task};

    #[test]
    fn contested_tasks_leave_the_mean_but_count_for_their_source() {
        let tasks = vec![
            task("decide", "Decide", &[0], 0.9),
            task("do", "Do", &[0], 0.1),
            task("also-do", "Also do", &[0], 0.3),
        ];
        let mut r = role("r", &[0, 1, 2]);
        // Source 0 states everything; source 1 states "decide" and "do" but contests
        // nothing; "decide" is contested by source 2.
        r.tasks[0].sources = vec![0, 1].into();
        r.tasks[0].contested_by = vec![2];
        r.tasks[1].sources = vec![0, 1].into();
        let data = data(1, tasks, vec![r]);

        let pooled = axis_position(&data, 0, &Filter::default());
        assert!((pooled.mean.unwrap() - 0.2).abs() < 1e-12);
        let means: Vec<(SourceIdx, f64, usize)> = pooled
            .by_source
            .iter()
            .map(|s| (s.source, (s.mean * 1000.0).round() / 1000.0, s.tasks))
            .collect();
        assert_eq!(means, [(0, 0.433, 3), (1, 0.5, 2)]);
        let (low, high) = pooled.spread().unwrap();
        assert!((low - 1.3 / 3.0).abs() < 1e-12 && high == 0.5);

        // From source 1's point of view nobody contests "decide".
        let one = Filter {
            sources: vec![1],
            ..Filter::default()
        };
        let seen = axis_position(&data, 0, &one);
        assert!((seen.mean.unwrap() - 0.5).abs() < 1e-12);
        assert_eq!(seen.by_source.len(), 1);
        assert_eq!(seen.spread(), None);

        // A source that states nothing of the role: no position at all.
        let none = Filter {
            sources: vec![2],
            ..Filter::default()
        };
        assert_eq!(axis_position(&data, 0, &none), AxisPosition::default());
    }
}
