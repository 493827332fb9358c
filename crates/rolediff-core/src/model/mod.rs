//! The domain: themes, sources, tasks and roles, and how they are loaded.
//!
//! A [`DataSet`] is fully resolved: every reference is an index into its vectors, every
//! text has both languages (one falls back to the other), so the comparison and the
//! interfaces never deal with missing data or unknown ids.

mod aliases;
mod bundled;
mod defaults;
mod entries;
mod files;
mod format;
mod ids;
mod load;
mod locate;
mod names;
mod raw;
mod reader;
mod starting_pair;
mod validate;

pub use bundled::{BUNDLED_FILES, BundledFile};
pub use format::data_schema;
pub use load::{
    DataOrigin, DataSource, LoadLimits, Loaded, Warnings, load, load_bundled, load_path,
    load_path_with, load_text,
};
pub use names::{Ambiguity, RoleLookup, initials, name_key};
pub(crate) use raw::Problem;
pub(crate) use reader::{KnownKeys, Reader};
pub use starting_pair::{DEFAULT_ROLES, default_roles, initial_roles, partner_for};

use std::sync::Arc;

use crate::lang::Lang;

/// Text in French and English. Both are always present after loading: when the data
/// gives one language only, the other falls back to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// French text.
    pub fr: String,
    /// English text.
    pub en: String,
}

impl Text {
    /// The same text in both languages.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            fr: text.clone(),
            en: text,
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Index of a theme in [`DataSet::themes`].
pub type ThemeIdx = usize;
/// Index of a source in [`DataSet::sources`].
pub type SourceIdx = usize;
/// Index of a task in [`DataSet::tasks`]: its own type, because a task's index in the
/// data set and its position in a role's `tasks` meet everywhere in the comparison, and
/// mixing them up compiles silently when both are `usize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TaskIdx(pub usize);

impl TaskIdx {
    /// The index as a `usize`, for tables indexed by task.
    pub fn get(self) -> usize {
        self.0
    }
}

impl std::ops::Index<TaskIdx> for [Task] {
    type Output = Task;
    fn index(&self, index: TaskIdx) -> &Task {
        &self[index.0]
    }
}

impl std::ops::Index<TaskIdx> for Vec<Task> {
    type Output = Task;
    fn index(&self, index: TaskIdx) -> &Task {
        &self[index.0]
    }
}
/// Index of a role in [`DataSet::roles`].
pub type RoleIdx = usize;

/// A group of tasks a practitioner would filter by (strategy, moderation, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Slug id, e.g. `moderation`.
    pub id: String,
    /// Short name.
    pub label: Text,
    /// What the theme covers.
    pub description: Option<Text>,
}

/// An article (or any document) that the facts are attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Slug id, e.g. `cb-vs-cm`.
    pub id: String,
    /// Original title, untranslated.
    pub title: String,
    /// Language of the original, e.g. `fr`.
    pub language: String,
    /// Address, when known.
    pub url: Option<String>,
    /// What the source argues, in our own words.
    pub summary: Option<Text>,
}

/// A task: something a role does.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Slug id. Inline tasks get a generated id `inline-<slug of the label>`.
    pub id: String,
    /// Short label.
    pub label: Text,
    /// Themes, the first one being the primary theme. Never empty.
    pub themes: Vec<ThemeIdx>,
    /// 0.0 = pure execution … 1.0 = pure strategy; `None` for an entry the data does not
    /// place on the axis (a skill, a hiring context), which axis means leave out.
    pub axis: Option<f64>,
    /// Longer explanation. Boxed: a catalogue holds many tasks and few explain them.
    pub description: Option<Box<Text>>,
    /// True when the task was defined inline in a role rather than in the catalogue.
    pub inline: bool,
}

/// A task as one role holds it, with who says so.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleTask {
    /// The task.
    pub task: TaskIdx,
    /// Sources that give this task to this role. Never empty. Shared: the tasks of a
    /// role that gives its sources once (`sources` on the role) all hold the same list.
    pub sources: Arc<[SourceIdx]>,
    /// Sources that say otherwise (give the task to another role, or deny it).
    pub contested_by: Vec<SourceIdx>,
    /// Why it is contested, or any nuance. Boxed: few entries have one, and a large
    /// catalogue holds over a hundred thousand role tasks.
    pub note: Option<Box<Text>>,
}

/// A job role.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Slug id, e.g. `community-manager`.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Other names people use for it, as written. Never one that only repeats the
    /// role's id, a name or another alias (dropped at load); may be shared with other
    /// roles (see [`DataSet::lookup_role`]).
    pub aliases: Vec<String>,
    /// One or two sentences.
    pub summary: Option<Text>,
    /// Its tasks, in the order the data gives them; each task at most once.
    pub tasks: Vec<RoleTask>,
}

/// A loaded and validated data set.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// Themes, in file order.
    pub themes: Vec<Theme>,
    /// Sources, in file order.
    pub sources: Vec<Source>,
    /// Catalogue tasks in file order, then inline tasks in the order they first appear.
    pub tasks: Vec<Task>,
    /// Roles, in the order of their files (sorted by file name) or of the `roles` list.
    pub roles: Vec<Role>,
    /// Where the data came from.
    pub origin: DataOrigin,
    /// The language a single-file data set declares (`language: fr`): labels written
    /// once, as plain text, are read in it (near pairs stem them in it).
    pub language: Option<Lang>,
    /// Groups of words the data set declares to mean the same thing (`synonyms:`):
    /// near pairs and the wording of `similar` read each group as one word.
    pub synonyms: Vec<Vec<String>>,
}

impl DataSet {
    /// Finds a theme by id.
    pub fn theme_index(&self, id: &str) -> Option<ThemeIdx> {
        self.themes.iter().position(|t| t.id == id)
    }

    /// Finds a source by id.
    pub fn source_index(&self, id: &str) -> Option<SourceIdx> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// Finds a task by id.
    pub fn task_index(&self, id: &str) -> Option<TaskIdx> {
        self.tasks.iter().position(|t| t.id == id).map(TaskIdx)
    }

    /// Finds a role by exact id.
    pub fn role_index(&self, id: &str) -> Option<RoleIdx> {
        self.roles.iter().position(|r| r.id == id)
    }
}
