//! What a reference or a missing field means: where each kind of entry is defined
//! (for messages), and the defaults of the minimal format — the theme `general` of
//! tasks that name none, the source `unattributed` of entries that name none.

use crate::model::ids::IdIndex;
use crate::model::{Text, Theme};

/// Where each kind of entry is defined, as the user sees it: `themes.yaml` in a folder,
/// the `themes` of the file in a single-file data set.
#[derive(Debug, Clone)]
pub(crate) struct DefinedIn {
    pub themes: String,
    pub sources: String,
    pub tasks: String,
}

impl DefinedIn {
    /// The files of a folder.
    pub fn folder() -> Self {
        Self {
            themes: "themes.yaml".into(),
            sources: "sources.yaml".into(),
            tasks: "tasks.yaml".into(),
        }
    }

    /// The keys of a single file called `name`.
    pub fn file(name: &str) -> Self {
        let key = |key: &str| format!("the `{key}` of {name}");
        Self {
            themes: key("themes"),
            sources: key("sources"),
            tasks: key("tasks"),
        }
    }
}

/// The id of the theme of tasks that name none.
pub(crate) const DEFAULT_THEME: &str = "general";
/// The id of the source of task entries that name none.
pub(crate) const UNATTRIBUTED: &str = "unattributed";

/// The theme of tasks given none, unless the data defines `general` itself; added to
/// the themes the first time a task needs it.
pub(crate) fn default_theme(themes: &mut Vec<Theme>, index: &mut IdIndex) -> usize {
    if let Some(found) = index.get(DEFAULT_THEME) {
        return found;
    }
    let at = themes.len();
    themes.push(Theme {
        id: DEFAULT_THEME.into(),
        label: Text {
            fr: "Général".into(),
            en: "General".into(),
        },
        description: Some(Text {
            fr: "Les tâches auxquelles les données ne donnent aucun thème".into(),
            en: "The tasks the data gives no theme".into(),
        }),
    });
    // Not found above, so new.
    let _ = index.insert_new(DEFAULT_THEME, at);
    at
}

/// The themes of a task: those it names, else the default theme.
pub(crate) fn themes_or_default(
    found: Option<Vec<usize>>,
    named: bool,
    themes: &mut Vec<Theme>,
    index: &mut IdIndex,
) -> Option<Vec<usize>> {
    if named {
        found
    } else {
        Some(vec![default_theme(themes, index)])
    }
}
