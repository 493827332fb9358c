//! What a comparison looks at: themes, sources and a text query.

use crate::compare::textnorm::fold;
use crate::model::{DataSet, RoleTask, SourceIdx, ThemeIdx};

/// A filter on a role's tasks. Empty parts let everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A task passes if it has any of these themes.
    pub themes: Vec<ThemeIdx>,
    /// A task passes if any of these sources gives it to the role (or contests it).
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
        if !self.sources.is_empty()
            && !role_task
                .sources
                .iter()
                .chain(&role_task.contested_by)
                .any(|s| self.sources.contains(s))
        {
            return false;
        }
        folded_query.is_empty() || label_contains(folded_query)
    }
}
