//! Reading parsed YAML into raw entries, checking shapes and field types.
//!
//! Every problem is recorded as a [`Problem`] with its YAML path and reading goes on,
//! so that one run reports all mistakes. Cross-references (unknown ids, duplicates
//! across files) are checked later, in `validate`.

use rolediff_yaml::Node;

use crate::diagnostics::{Anchor, did_you_mean};
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
        } = other;
        self.themes.extend(themes);
        self.sources.extend(sources);
        self.tasks.extend(tasks);
        self.roles.extend(roles);
        self.broken_ids.extend(broken_ids);
        self.unreadable.extend(unreadable);
    }
}

/// Collects problems for one file.
pub(crate) struct Reader<'p> {
    pub file: FileId,
    pub problems: &'p mut Vec<Problem>,
    /// Ids of entries dropped because of another problem (see [`RawData::broken_ids`]).
    pub broken: Vec<String>,
}

/// The fields each kind of entry accepts (unknown fields are errors).
pub(crate) const THEME_FIELDS: &[&str] = &["id", "label", "description"];
pub(crate) const SOURCE_FIELDS: &[&str] = &["id", "title", "language", "url", "summary"];
pub(crate) const TASK_FIELDS: &[&str] = &["id", "label", "themes", "axis", "description"];
pub(crate) const ROLE_FIELDS: &[&str] = &["id", "name", "aliases", "summary", "sources", "tasks"];
pub(crate) const ROLE_TASK_FIELDS: &[&str] = &[
    "task",
    "label",
    "themes",
    "axis",
    "description",
    "sources",
    "contested_by",
    "note",
];
pub(crate) const DATASET_FIELDS: &[&str] = &["themes", "sources", "tasks", "roles"];
const TEXT_FIELDS: &[&str] = &["fr", "en"];

/// True for a lowercase slug: `a-z`, `0-9`, single dashes between words.
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The slug a user probably meant: lowercase ASCII letters and digits, accents removed,
/// anything else turned into single dashes.
pub(crate) fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII has nothing to decompose: the common case (every inline task of an English
    // catalogue gets its id from its label) skips the decomposition.
    if text.is_ascii() {
        slug_of(text.chars(), text.len())
    } else {
        slug_of(text.nfd(), text.len())
    }
}

/// The slug of a decomposed text: see [`slugify`].
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut slug = String::with_capacity(capacity);
    for c in chars {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The fields of one mapping, tracking which were read.
struct Fields<'n> {
    entries: &'n mut [(Node, Node)],
    path: YamlPath,
    what: &'static str,
    /// Known fields that an unknown key probably misspells: not reported as missing too.
    misspelt: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    /// The value of `key`, to read (its strings may be moved out: read it once).
    fn get(&mut self, key: &str) -> Option<(&mut Node, YamlPath)> {
        let path = &self.path;
        self.entries
            .iter_mut()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| (v, path.key(key)))
    }

    /// True when the mapping has `key`.
    fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.as_str() == Some(key))
    }
}

impl Reader<'_> {
    /// Builds an entry from its valid id; when the entry is dropped for another problem,
    /// remembers the id so that references to it do not cascade into more messages.
    fn keep<T>(
        &mut self,
        id: Option<Located>,
        build: impl FnOnce(Located) -> Option<T>,
    ) -> Option<T> {
        let id = id?;
        let value = id.value.clone();
        let item = build(id);
        if item.is_none() {
            self.broken.push(value);
        }
        item
    }

    fn problem(&mut self, path: &YamlPath, anchor: Anchor, message: String, hint: Option<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            return;
        }
        self.problems.push(Problem {
            file: self.file,
            path: path.clone(),
            anchor,
            message,
            hint,
            related: None,
        });
    }

    fn origin(&self, path: &YamlPath) -> Origin {
        Origin {
            file: self.file,
            path: path.clone(),
        }
    }

    /// Opens a mapping, reporting unknown, duplicate and non-text keys at once.
    fn fields<'n>(
        &mut self,
        node: &'n mut Node,
        path: &YamlPath,
        what: &'static str,
        known: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        let Node::Map(entries) = node else {
            self.problem(
                path,
                Anchor::Value,
                format!(
                    "expected {what} (a mapping with {}), found {}",
                    known.join(", "),
                    node.kind()
                ),
                None,
            );
            return None;
        };
        // Known fields seen, as bits (a mapping is read per entry of a large catalogue,
        // so no set is allocated); unknown keys seen, in the rare mapping that has any.
        let mut seen_known = 0u64;
        let mut seen_unknown: Vec<&str> = Vec::new();
        let mut misspelt = Vec::new();
        for (key, _) in entries.iter() {
            let Node::String(key) = key else {
                self.problem(
                    path,
                    Anchor::Value,
                    format!(
                        "{what} has a key that is {}, expected a field name",
                        key.kind()
                    ),
                    None,
                );
                continue;
            };
            let known_at = known.iter().position(|k| *k == key.as_ref());
            let seen_before = match known_at {
                Some(at) if at < 64 => {
                    let before = seen_known & (1 << at) != 0;
                    seen_known |= 1 << at;
                    before
                }
                _ => {
                    let before = seen_unknown.contains(&key.as_ref());
                    seen_unknown.push(key);
                    before
                }
            };
            if seen_before {
                self.problem(
                    &path.key(key),
                    Anchor::Key,
                    format!("duplicate field `{key}` in {what}"),
                    None,
                );
            } else if known_at.is_none() {
                misspelt.extend(
                    crate::diagnostics::closest(key, known.iter().copied())
                        .first()
                        .copied(),
                );
                self.problem(
                    &path.key(key),
                    Anchor::Key,
                    format!(
                        "unknown field `{key}` in {what}; expected one of: {}",
                        known.join(", ")
                    ),
                    did_you_mean(key, known.iter().copied()),
                );
            }
        }
        Some(Fields {
            entries,
            path: path.clone(),
            what,
            misspelt,
        })
    }

    fn missing(&mut self, fields: &Fields, key: &str, expected: &str) {
        if fields.misspelt.contains(&key) {
            return;
        }
        self.problem(
            &fields.path.key(key),
            Anchor::Value,
            format!(
                "missing field `{key}` in {}: expected {expected}",
                fields.what
            ),
            None,
        );
    }

    /// A text value, trimmed. The string is moved out of the tree (read it once).
    fn string(
        &mut self,
        node: &mut Node,
        path: &YamlPath,
        what: impl std::fmt::Display,
    ) -> Option<String> {
        match node {
            Node::String(s) if s.trim().is_empty() => {
                self.problem(path, Anchor::Value, format!("{what} is empty"), None);
                None
            }
            Node::String(s) if s.trim().len() == s.len() => Some(std::mem::take(s).into_string()),
            Node::String(s) => Some(s.trim().to_string()),
            other => {
                let hint = matches!(other, Node::Number(_) | Node::Bool(_))
                    .then(|| "put it in quotes to make it text".to_string());
                self.problem(
                    path,
                    Anchor::Value,
                    format!("expected {what} as text, found {}", other.kind()),
                    hint,
                );
                None
            }
        }
    }

    fn required_string(&mut self, fields: &mut Fields, key: &str, what: &str) -> Option<String> {
        match fields.get(key) {
            Some((node, path)) => self.string(node, &path, what),
            None => {
                self.missing(fields, key, what);
                None
            }
        }
    }

    fn optional_string(&mut self, fields: &mut Fields, key: &str, what: &str) -> Option<String> {
        let (node, path) = fields.get(key)?;
        self.string(node, &path, what)
    }

    fn id(&mut self, node: &mut Node, path: &YamlPath, what: &str) -> Option<Located> {
        let value = self.string(node, path, what)?;
        if !is_slug(&value) {
            let suggestion = slugify(&value);
            let hint = (!suggestion.is_empty()).then(|| format!("did you mean `{suggestion}`?"));
            self.problem(
                path,
                Anchor::Value,
                format!(
                    "`{value}` is not a valid id: use lowercase letters, digits and single dashes"
                ),
                hint,
            );
            return None;
        }
        Some(Located {
            value,
            origin: self.origin(path),
        })
    }

    fn required_id(&mut self, fields: &mut Fields, what: &str) -> Option<Located> {
        match fields.get("id") {
            Some((node, path)) => self.id(node, &path, what),
            None => {
                self.missing(fields, "id", "a lowercase slug such as `my-id`");
                None
            }
        }
    }

    /// `fr`/`en` text: a mapping with either or both, or one plain string for both.
    fn text(&mut self, node: &mut Node, path: &YamlPath, what: &str) -> Option<Text> {
        if let Node::String(_) = node {
            return self.string(node, path, what).map(Text::same);
        }
        let mut fields = self.fields(node, path, "a text in French and/or English", TEXT_FIELDS)?;
        let fr = fields
            .get("fr")
            .and_then(|(node, path)| self.string(node, &path, format_args!("{what} (fr)")));
        let en = fields
            .get("en")
            .and_then(|(node, path)| self.string(node, &path, format_args!("{what} (en)")));
        match (fr, en) {
            (Some(fr), Some(en)) => Some(Text { fr, en }),
            (Some(one), None) | (None, Some(one)) => Some(Text::same(one)),
            (None, None) => {
                if !fields.has("fr") && !fields.has("en") {
                    self.problem(
                        path,
                        Anchor::Value,
                        format!("{what} has neither `fr` nor `en`"),
                        None,
                    );
                }
                None
            }
        }
    }

    fn required_text(&mut self, fields: &mut Fields, key: &str, what: &str) -> Option<Text> {
        match fields.get(key) {
            Some((node, path)) => self.text(node, &path, what),
            None => {
                self.missing(
                    fields,
                    key,
                    &format!("{what} ({{fr: …, en: …}} or plain text)"),
                );
                None
            }
        }
    }

    fn optional_text(&mut self, fields: &mut Fields, key: &str, what: &str) -> Option<Text> {
        let (node, path) = fields.get(key)?;
        self.text(node, &path, what)
    }

    /// A list of ids (`[a, b]`). Reports each bad item and keeps the good ones.
    fn id_list(&mut self, node: &mut Node, path: &YamlPath, what: &str) -> Option<Vec<Located>> {
        match node {
            Node::Seq(items) => Some(
                items
                    .iter_mut()
                    .enumerate()
                    .filter_map(|(i, item)| self.id(item, &path.index(i), what))
                    .collect(),
            ),
            Node::Null => Some(Vec::new()),
            other => {
                let hint =
                    matches!(other, Node::String(_)).then(|| "write a list: `[id]`".to_string());
                self.problem(
                    path,
                    Anchor::Value,
                    format!("expected a list of {what}s, found {}", other.kind()),
                    hint,
                );
                None
            }
        }
    }

    fn optional_id_list(
        &mut self,
        fields: &mut Fields,
        key: &str,
        what: &str,
    ) -> Option<Vec<Located>> {
        let (node, path) = fields.get(key)?;
        self.id_list(node, &path, what)
    }

    /// The optional `axis`: `Some(None)` when absent (the task is not placed on the
    /// axis), `None` after a problem.
    fn axis(&mut self, fields: &mut Fields) -> Option<Option<f64>> {
        const EXPECTED: &str = "a number from 0 (pure execution) to 1 (pure strategy)";
        let Some((node, path)) = fields.get("axis") else {
            return Some(None);
        };
        match node {
            Node::Number(n) if (0.0..=1.0).contains(n) => Some(Some(*n)),
            Node::Number(n) => {
                self.problem(
                    &path,
                    Anchor::Value,
                    format!("axis {n} is out of range: expected {EXPECTED}"),
                    None,
                );
                None
            }
            other => {
                self.problem(
                    &path,
                    Anchor::Value,
                    format!("axis must be {EXPECTED}, found {}", other.kind()),
                    None,
                );
                None
            }
        }
    }

    /// A list whose items are read by `read_item`.
    fn list<T>(
        &mut self,
        node: &mut Node,
        path: &YamlPath,
        what: &str,
        mut read_item: impl FnMut(&mut Self, &mut Node, &YamlPath) -> Option<T>,
    ) -> Vec<T> {
        match node {
            Node::Seq(items) => items
                .iter_mut()
                .enumerate()
                .filter_map(|(i, item)| read_item(self, item, &path.index(i)))
                .collect(),
            Node::Null => {
                self.problem(
                    path,
                    Anchor::Value,
                    format!("expected a list of {what}, found nothing"),
                    None,
                );
                Vec::new()
            }
            other => {
                self.problem(
                    path,
                    Anchor::Value,
                    format!("expected a list of {what}, found {}", other.kind()),
                    None,
                );
                Vec::new()
            }
        }
    }

    pub fn themes(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawTheme> {
        self.list(node, path, "themes", Self::theme)
    }

    pub fn theme(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawTheme> {
        let mut fields = self.fields(item, path, "a theme", THEME_FIELDS)?;
        let id = self.required_id(&mut fields, "theme id");
        let label = self.required_text(&mut fields, "label", "theme label");
        let description = self.optional_text(&mut fields, "description", "theme description");
        self.keep(id, |id| {
            Some(RawTheme {
                id,
                label: label?,
                description,
            })
        })
    }

    pub fn sources(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawSource> {
        self.list(node, path, "sources", Self::source)
    }

    pub fn source(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawSource> {
        let mut fields = self.fields(item, path, "a source", SOURCE_FIELDS)?;
        let id = self.required_id(&mut fields, "source id");
        let title = self.required_string(&mut fields, "title", "the source's title");
        let language =
            self.required_string(&mut fields, "language", "a language code such as `fr`");
        let url = self.optional_string(&mut fields, "url", "the source's address");
        let summary = self.optional_text(&mut fields, "summary", "source summary");
        self.keep(id, |id| {
            Some(RawSource {
                id,
                title: title?,
                language: language?,
                url,
                summary,
            })
        })
    }

    fn themes_field(&mut self, fields: &mut Fields) -> Option<Vec<Located>> {
        let Some((node, path)) = fields.get("themes") else {
            self.missing(
                fields,
                "themes",
                "a list of theme ids such as `[moderation]`",
            );
            return None;
        };
        let themes = self.id_list(node, &path, "theme id")?;
        // Invalid ids were reported one by one; only a list written empty is its own problem.
        if themes.is_empty() {
            if matches!(node, Node::Seq(items) if items.is_empty()) || matches!(node, Node::Null) {
                self.problem(
                    &path,
                    Anchor::Value,
                    "a task needs at least one theme".into(),
                    None,
                );
            }
            return None;
        }
        Some(themes)
    }

    pub fn tasks(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawTask> {
        self.list(node, path, "tasks", Self::task)
    }

    pub fn task(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawTask> {
        let mut fields = self.fields(item, path, "a task", TASK_FIELDS)?;
        let id = self.required_id(&mut fields, "task id");
        let label = self.required_text(&mut fields, "label", "task label");
        let themes = self.themes_field(&mut fields);
        let axis = self.axis(&mut fields);
        let description = self.optional_text(&mut fields, "description", "task description");
        if let Some(id) = &id
            && id.value.starts_with("inline-")
        {
            self.problem(
                &id.origin.path,
                Anchor::Value,
                "task ids starting with `inline-` are reserved for inline tasks".into(),
                None,
            );
            return None;
        }
        self.keep(id, |id| {
            Some(RawTask {
                id,
                label: label?,
                themes: themes?,
                axis: axis?,
                description,
            })
        })
    }

    fn role_task(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawRoleTask> {
        let mut fields = self.fields(item, path, "a role's task entry", ROLE_TASK_FIELDS)?;
        let sources = self.optional_id_list(&mut fields, "sources", "source id");
        let contested_by = self
            .optional_id_list(&mut fields, "contested_by", "source id")
            .unwrap_or_default();
        let note = self
            .optional_text(&mut fields, "note", "note")
            .map(Box::new);
        let inline_fields: Vec<&str> = ["label", "themes", "axis", "description"]
            .into_iter()
            .filter(|key| fields.has(key))
            .collect();
        let has_label = fields.has("label");
        let task = match fields.get("task") {
            Some((node, task_path)) => {
                for inline_only in inline_fields {
                    {
                        self.problem(
                            &path.key(inline_only),
                            Anchor::Key,
                            format!("`{inline_only}` belongs to an inline task, but this entry references the catalogue with `task`"),
                            Some("either keep `task: <id>` or describe the task inline, not both".into()),
                        );
                    }
                }
                RawTaskRef::Catalogue(self.id(node, &task_path, "task id")?)
            }
            None if has_label => {
                let label = self.required_text(&mut fields, "label", "task label");
                let themes = self.themes_field(&mut fields);
                let axis = self.axis(&mut fields);
                let description =
                    self.optional_text(&mut fields, "description", "task description");
                RawTaskRef::Inline(Box::new(InlineTask {
                    origin: self.origin(path),
                    label: label?,
                    themes: themes?,
                    axis: axis?,
                    description,
                }))
            }
            None => {
                self.problem(
                    path,
                    Anchor::Value,
                    "a task entry needs either `task: <id>` (from tasks.yaml) or an inline `label` and `themes`".into(),
                    None,
                );
                return None;
            }
        };
        Some(RawRoleTask {
            task,
            origin: self.origin(path),
            sources,
            contested_by,
            note,
        })
    }

    pub fn role(&mut self, node: &mut Node, path: &YamlPath) -> Option<RawRole> {
        let mut fields = self.fields(node, path, "a role", ROLE_FIELDS)?;
        let id = self.required_id(&mut fields, "role id");
        let name = self.required_text(&mut fields, "name", "role name");
        let aliases = match fields.get("aliases") {
            Some((Node::Seq(items), aliases_path)) => items
                .iter_mut()
                .enumerate()
                .filter_map(|(i, item)| {
                    let item_path = aliases_path.index(i);
                    self.string(item, &item_path, "alias").map(|value| Located {
                        value,
                        origin: self.origin(&item_path),
                    })
                })
                .collect(),
            Some((Node::Null, _)) | None => Vec::new(),
            Some((other, aliases_path)) => {
                self.problem(
                    &aliases_path,
                    Anchor::Value,
                    format!("expected a list of aliases, found {}", other.kind()),
                    None,
                );
                Vec::new()
            }
        };
        let summary = self.optional_text(&mut fields, "summary", "role summary");
        let default_sources = self.optional_id_list(&mut fields, "sources", "source id");
        let tasks = match fields.get("tasks") {
            Some((node, tasks_path)) => {
                let tasks = self.list(node, &tasks_path, "task entries", |r, item, path| {
                    r.role_task(item, path)
                });
                if matches!(node, Node::Seq(items) if items.is_empty()) {
                    self.problem(
                        &tasks_path,
                        Anchor::Value,
                        "a role needs at least one task".into(),
                        None,
                    );
                }
                tasks
            }
            None => {
                self.missing(&fields, "tasks", "a list of the role's tasks");
                Vec::new()
            }
        };
        // A role's id is never referenced, so a broken role needs no `keep`.
        Some(RawRole {
            id: id?,
            name: name?,
            aliases,
            summary,
            default_sources,
            tasks,
        })
    }

    /// A whole data set in one mapping (`themes`, `sources`, `tasks`, `roles`).
    pub fn dataset(&mut self, node: &mut Node, raw: &mut RawData) {
        let root = YamlPath::root();
        let Some(mut fields) = self.fields(node, &root, "a data set", DATASET_FIELDS) else {
            return;
        };
        for key in ["themes", "sources", "roles"] {
            if !fields.has(key) {
                self.missing(&fields, key, &format!("a list of {key}"));
            }
        }
        if let Some((node, path)) = fields.get("themes") {
            raw.themes.extend(self.themes(node, &path));
        }
        if let Some((node, path)) = fields.get("sources") {
            raw.sources.extend(self.sources(node, &path));
        }
        if let Some((node, path)) = fields.get("tasks")
            && !matches!(node, Node::Null)
        {
            raw.tasks.extend(self.tasks(node, &path));
        }
        if let Some((node, path)) = fields.get("roles") {
            let roles = self.list(node, &path, "roles", |r, item, path| r.role(item, path));
            raw.roles.extend(roles);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rolediff_yaml::parse;

    fn read_tasks(text: &str) -> (Vec<RawTask>, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut node = parse(text).unwrap();
        let tasks = Reader {
            broken: Vec::new(),
            file: 0,
            problems: &mut problems,
        }
        .tasks(&mut node, &YamlPath::root());
        (tasks, problems)
    }

    #[test]
    fn slugs() {
        assert!(is_slug("community-manager"));
        assert!(is_slug("a1-b2"));
        assert!(!is_slug("Community-Manager"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("a_b"));
        assert_eq!(
            slugify("Gestionnaire de Communauté"),
            "gestionnaire-de-communaute"
        );
        assert_eq!(slugify("  Social Media Manager!! "), "social-media-manager");
    }

    proptest::proptest! {
        /// The ASCII shortcut gives what the decomposition gives.
        #[test]
        fn ascii_slugs_skip_the_decomposition_without_changing(text in "[ -~]{0,40}") {
            use unicode_normalization::UnicodeNormalization;
            proptest::prop_assert_eq!(slugify(&text), slug_of(text.nfd(), 0));
        }
    }

    #[test]
    fn reads_a_valid_task_with_one_language() {
        let (tasks, problems) = read_tasks(
            "- id: moderate\n  label: {fr: Modérer}\n  themes: [moderation]\n  axis: 0.2\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(tasks[0].label, Text::same("Modérer"));
        assert_eq!(tasks[0].axis, Some(0.2));
    }

    #[test]
    fn reports_every_problem_of_an_entry() {
        let (tasks, problems) =
            read_tasks("- id: Bad Id\n  lable: x\n  themes: moderation\n  axis: high\n");
        assert!(tasks.is_empty());
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        // `lable` is reported as misspelt, and not also as a missing `label`.
        assert_eq!(problems.len(), 4, "{messages:#?}");
        assert!(messages[0].starts_with("unknown field `lable`"));
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `label`?"));
        assert!(messages[1].contains("not a valid id"));
        assert_eq!(problems[1].hint.as_deref(), Some("did you mean `bad-id`?"));
        assert!(messages[2].starts_with("expected a list of theme ids"));
        assert!(messages[3].starts_with("axis must be a number"));
    }

    #[test]
    fn axis_out_of_range() {
        let (_, problems) = read_tasks("- id: a\n  label: A\n  themes: [x]\n  axis: 1.5\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("1.5 is out of range"));
        assert_eq!(problems[0].path.to_string(), "[0].axis");
    }
}
