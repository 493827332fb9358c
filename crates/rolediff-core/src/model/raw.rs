//! The raw entries read from a data set's files, before their references are resolved,
//! and the problems found while reading them.

use crate::diagnostics::Anchor;
use crate::model::Text;
use crate::yaml_path::YamlPath;

/// Index of a file in the loader's file list.
pub(crate) type FileId = usize;

/// Most problems reported for one data set. A hostile file can hold millions of
/// mistakes; past this many, nobody reads them and collecting them would cost
/// gigabytes, so further problems are dropped and one last line says so.
pub(crate) const MAX_PROBLEMS: usize = 1000;

/// A problem found while reading, located later.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub file: FileId,
    pub path: YamlPath,
    pub anchor: Anchor,
    pub message: String,
    pub hint: Option<String>,
    /// Another place the message refers to, and how to introduce it ("first defined at").
    pub related: Option<(Origin, &'static str)>,
}

/// Where a raw item or value came from.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub file: FileId,
    pub path: YamlPath,
}

/// A string value with its origin (ids and references).
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub value: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct RawTheme {
    pub id: Located,
    pub label: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawSource {
    pub id: Located,
    pub title: String,
    pub language: String,
    pub url: Option<String>,
    pub summary: Option<Text>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawTask {
    pub id: Located,
    pub label: Text,
    pub themes: Vec<Located>,
    /// `None` when the data leaves the task off the axis.
    pub axis: Option<f64>,
    pub description: Option<Text>,
}

/// A role's task entry: a catalogue reference or an inline definition. Inline tasks
/// are the rarer and far larger kind, so they are boxed: a role holds many entries.
#[derive(Debug, Clone)]
pub(crate) enum RawTaskRef {
    Catalogue(Located),
    Inline(Box<InlineTask>),
}

/// A task described inside a role entry.
#[derive(Debug, Clone)]
pub(crate) struct InlineTask {
    pub origin: Origin,
    pub label: Text,
    pub themes: Vec<Located>,
    /// `None` when the data leaves the task off the axis.
    pub axis: Option<f64>,
    pub description: Option<Text>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawRoleTask {
    pub task: RawTaskRef,
    pub origin: Origin,
    /// `None` when the entry has no `sources` key (the role's default then applies).
    pub sources: Option<Vec<Located>>,
    pub contested_by: Vec<Located>,
    /// Boxed: few entries have one.
    pub note: Option<Box<Text>>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawRole {
    pub id: Located,
    pub name: Text,
    pub aliases: Vec<Located>,
    pub summary: Option<Text>,
    pub default_sources: Option<Vec<Located>>,
    pub tasks: Vec<RawRoleTask>,
}

/// Everything read from a data set's files.
#[derive(Debug, Default)]
pub(crate) struct RawData {
    pub themes: Vec<RawTheme>,
    pub sources: Vec<RawSource>,
    pub tasks: Vec<RawTask>,
    pub roles: Vec<RawRole>,
    /// Ids of entries dropped for another problem. References to them are not reported
    /// again, so that one mistake gives one message, not a cascade.
    pub broken_ids: Vec<String>,
    /// Kinds ("theme", "source", "task") whose file could not be read at all:
    /// references of that kind cannot be checked and are not reported as unknown.
    pub unreadable: Vec<&'static str>,
    /// The language a single-file data set declares (`language: fr`).
    pub language: Option<crate::lang::Lang>,
    /// The synonym groups a single-file data set declares.
    pub synonyms: Vec<Vec<String>>,
}

impl RawData {
    /// Moves the entries of `other` (one file's) after these.
    pub fn append(&mut self, other: RawData) {
        // Taken apart field by field, so that a new field cannot be forgotten here.
        let RawData {
            themes,
            sources,
            tasks,
            roles,
            broken_ids,
            unreadable,
            language,
            synonyms,
        } = other;
        self.language = self.language.or(language);
        self.synonyms.extend(synonyms);
        self.themes.extend(themes);
        self.sources.extend(sources);
        self.tasks.extend(tasks);
        self.roles.extend(roles);
        self.broken_ids.extend(broken_ids);
        self.unreadable.extend(unreadable);
    }
}
