//! What a comparison looks at: themes, a text query, and the sources whose point of
//! view it takes.

use crate::model::{DataSet, RoleTask, SourceIdx, ThemeIdx};
use crate::text::fold::fold;

/// A filter on a role's tasks. Empty parts let everything through.
///
/// The source part is a *perspective*, not a search: with sources S selected, a role
/// keeps the tasks that some source of S states, and a task that S only contests is not
/// a task of that role in that view. A kept task that some source of S contests is
/// contested in the view ([`Filter::contests`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A task passes if it has any of these themes.
    pub themes: Vec<ThemeIdx>,
    /// The sources whose view is taken; empty: every source (the pooled view).
    pub sources: Vec<SourceIdx>,
    /// Accent- and case-insensitive text searched in both labels.
    pub query: String,
}

impl Filter {
    /// True when the filter lets every task through.
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty() && self.sources.is_empty() && self.query.trim().is_empty()
    }

    /// Whether a role's task passes.
    pub fn accepts(&self, data: &DataSet, role_task: &RoleTask) -> bool {
        let task = &data.tasks[role_task.task];
        self.accepts_with(role_task, &task.themes, &fold(self.query.trim()), |query| {
            fold(&task.label.fr).contains(query) || fold(&task.label.en).contains(query)
        })
    }

    /// True when some source of the view states `role_task` (always, in the pooled
    /// view).
    pub fn states(&self, role_task: &RoleTask) -> bool {
        self.sources.is_empty() || role_task.sources.iter().any(|s| self.sources.contains(s))
    }

    /// True when some source of the view contests `role_task`: any source in the pooled
    /// view, one of the selected sources otherwise.
    pub fn contests(&self, role_task: &RoleTask) -> bool {
        if self.sources.is_empty() {
            !role_task.contested_by.is_empty()
        } else {
            role_task
                .contested_by
                .iter()
                .any(|s| self.sources.contains(s))
        }
    }

    /// The sources of the view among `sources` (all of them in the pooled view).
    pub fn in_view<'s>(&'s self, sources: &'s [SourceIdx]) -> impl Iterator<Item = SourceIdx> + 's {
        sources
            .iter()
            .copied()
            .filter(|s| self.sources.is_empty() || self.sources.contains(s))
    }

    /// [`Filter::accepts`] with the query already folded and the label test supplied,
    /// so that a comparison folds each label once per data set, not once per compare.
    pub(crate) fn accepts_with(
        &self,
        role_task: &RoleTask,
        themes: &[ThemeIdx],
        folded_query: &str,
        label_contains: impl FnOnce(&str) -> bool,
    ) -> bool {
        if !self.themes.is_empty() && !themes.iter().any(|t| self.themes.contains(t)) {
            return false;
        }
        if !self.states(role_task) {
            return false;
        }
        folded_query.is_empty() || label_contains(folded_query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn entry(sources: &[SourceIdx], contested_by: &[SourceIdx]) -> RoleTask {
        RoleTask {
            task: crate::model::TaskIdx(0),
            sources: Arc::from(sources),
            contested_by: contested_by.to_vec(),
            note: None,
        }
    }

    fn view(sources: &[SourceIdx]) -> Filter {
        Filter {
            sources: sources.to_vec(),
            ..Filter::default()
        }
    }

    #[test]
    fn a_source_view_keeps_what_it_states_not_what_it_denies() {
        let stated_by_0_denied_by_1 = entry(&[0], &[1]);
        assert!(view(&[]).states(&stated_by_0_denied_by_1));
        assert!(view(&[0]).states(&stated_by_0_denied_by_1));
        assert!(!view(&[1]).states(&stated_by_0_denied_by_1));
        assert!(view(&[1, 0]).states(&stated_by_0_denied_by_1));
    }

    #[test]
    fn contested_only_by_a_source_of_the_view() {
        let stated_by_0_denied_by_1 = entry(&[0, 2], &[1]);
        assert!(view(&[]).contests(&stated_by_0_denied_by_1));
        assert!(!view(&[0]).contests(&stated_by_0_denied_by_1));
        assert!(view(&[0, 1]).contests(&stated_by_0_denied_by_1));
        assert!(!view(&[]).contests(&entry(&[0], &[])));
        assert_eq!(view(&[2]).in_view(&[0, 2, 3]).collect::<Vec<_>>(), vec![2]);
        assert_eq!(view(&[]).in_view(&[0, 2]).collect::<Vec<_>>(), vec![0, 2]);
    }
}
