//! Reading each kind of entry of the data format (themes, sources, tasks, roles, a
//! whole data set) with the [`Reader`], from the definitions of [`super::format`].
//!
//! Once an entry's id is valid, the entry is kept even when another of its fields is
//! wrong (with an empty label, no axis, …): the load fails anyway, and keeping it lets
//! its references be checked in the same run, and spares the references to it a second
//! message.

use rolediff_yaml::Node;

use crate::diagnostics::Anchor;
use crate::model::Text;
use crate::model::format::{DATASET, ROLE, ROLE_TASK, SOURCE, TASK, THEME};
use crate::model::raw::{
    InlineTask, Located, RawData, RawRole, RawRoleTask, RawSource, RawTask, RawTaskRef, RawTheme,
};
use crate::model::reader::{Fields, Reader};
use crate::text::slugify;
use crate::yaml_path::YamlPath;

impl Reader<'_> {
    pub fn themes(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawTheme> {
        self.list(node, path, "themes", Self::theme)
    }

    pub fn theme(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawTheme> {
        let mut fields = self.fields(item, path, &THEME)?;
        let id = self.optional_id(&mut fields, "theme id")?;
        let label = self.optional_text(&mut fields, "label", "theme label");
        let description = self.optional_text(&mut fields, "description", "theme description");
        Some(RawTheme {
            id,
            label: label.unwrap_or_default(),
            description,
        })
    }

    pub fn sources(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawSource> {
        self.list(node, path, "sources", Self::source)
    }

    pub fn source(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawSource> {
        let mut fields = self.fields(item, path, &SOURCE)?;
        let id = self.optional_id(&mut fields, "source id")?;
        let title = self.optional_string(&mut fields, "title", "the source's title");
        let language =
            self.optional_string(&mut fields, "language", "a language code such as `fr`");
        let url = self.optional_string(&mut fields, "url", "the source's address");
        let summary = self.optional_text(&mut fields, "summary", "source summary");
        Some(RawSource {
            id,
            title: title.unwrap_or_default(),
            language: language.unwrap_or_default(),
            url,
            summary,
        })
    }

    /// The optional `themes` of a task: empty when absent or written empty (the task
    /// is then in the default theme); `None` when every id written is invalid (each
    /// was reported).
    fn themes_field(&mut self, fields: &mut Fields) -> Option<Vec<Located>> {
        let Some((node, path)) = fields.get("themes") else {
            return Some(Vec::new());
        };
        let written = match node {
            Node::Seq(items) => items.len(),
            _ => 0,
        };
        let themes = self.id_list(node, &path, "theme id")?;
        (themes.len() == written || !themes.is_empty()).then_some(themes)
    }

    pub fn tasks(&mut self, node: &mut Node, path: &YamlPath) -> Vec<RawTask> {
        self.list(node, path, "tasks", Self::task)
    }

    pub fn task(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawTask> {
        let mut fields = self.fields(item, path, &TASK)?;
        let id = self.optional_id(&mut fields, "task id");
        let label = self.optional_text(&mut fields, "label", "task label");
        let themes = self.themes_field(&mut fields);
        let axis = self.axis(&mut fields);
        let description = self.optional_text(&mut fields, "description", "task description");
        let id = id?;
        if id.value.starts_with("inline-") {
            self.problem(
                &id.origin.path,
                Anchor::Value,
                "task ids starting with `inline-` are reserved for inline tasks".into(),
                None,
            );
            self.broken.push(id.value);
            return None;
        }
        Some(RawTask {
            id,
            label: label.unwrap_or_default(),
            // Bad themes were reported where they are: the task is kept, with no theme
            // to check.
            themes: themes.unwrap_or_default(),
            axis: axis.flatten(),
            description,
        })
    }

    /// A task written as its label alone: an inline task, off the axis, in the default
    /// theme, attributed as its role's are.
    fn plain_task(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawRoleTask> {
        let label = self.string(item, path, "task label").map(Text::same)?;
        Some(RawRoleTask {
            task: RawTaskRef::Inline(Box::new(InlineTask {
                origin: self.origin(path),
                label,
                themes: Vec::new(),
                axis: None,
                description: None,
            })),
            origin: self.origin(path),
            sources: None,
            contested_by: Vec::new(),
            note: None,
        })
    }

    fn role_task(&mut self, item: &mut Node, path: &YamlPath) -> Option<RawRoleTask> {
        if matches!(item, Node::String(_) | Node::Number(_) | Node::Bool(_)) {
            return self.plain_task(item, path);
        }
        let mut fields = self.fields(item, path, &ROLE_TASK)?;
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
                    self.problem(
                        &path.key(inline_only),
                        Anchor::Key,
                        format!("`{inline_only}` belongs to an inline task, but this entry references the catalogue with `task`"),
                        Some("either keep `task: <id>` or describe the task inline, not both".into()),
                    );
                }
                RawTaskRef::Catalogue(self.id(node, &task_path, "task id")?)
            }
            None if has_label => {
                let label = self.optional_text(&mut fields, "label", "task label");
                let themes = self.themes_field(&mut fields);
                let axis = self.axis(&mut fields);
                let description =
                    self.optional_text(&mut fields, "description", "task description");
                RawTaskRef::Inline(Box::new(InlineTask {
                    origin: self.origin(path),
                    label: label?,
                    themes: themes.unwrap_or_default(),
                    axis: axis.flatten(),
                    description,
                }))
            }
            None => {
                self.problem(
                    path,
                    Anchor::Value,
                    "a task entry needs either `task: <id>` (a task of the catalogue) or an inline `label`".into(),
                    Some("a task can also be written as its label alone: `- Moderate the forum`".into()),
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

    fn aliases(&mut self, fields: &mut Fields) -> Vec<Located> {
        match fields.get("aliases") {
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
        }
    }

    /// A role without `id` gets the slug of its name (English, else French).
    fn role_id(&mut self, fields: &mut Fields, name: Option<&Text>) -> Option<Located> {
        if fields.has("id") {
            return self.optional_id(fields, "role id");
        }
        let name = name?;
        let name_path = fields.path.key("name");
        let slug = [&name.en, &name.fr]
            .into_iter()
            .map(|n| slugify(n))
            .find(|s| !s.is_empty());
        match slug {
            Some(value) => Some(Located {
                value,
                origin: self.origin(&name_path),
            }),
            None => {
                self.problem(
                    &name_path,
                    Anchor::Value,
                    "the role has no `id`, and its name has no letter or digit to make one from"
                        .into(),
                    Some("add an `id`: a lowercase slug such as `data-engineer`".into()),
                );
                None
            }
        }
    }

    pub fn role(&mut self, node: &mut Node, path: &YamlPath) -> Option<RawRole> {
        let mut fields = self.fields(node, path, &ROLE)?;
        let name = self.optional_text(&mut fields, "name", "role name");
        let id = self.role_id(&mut fields, name.as_ref());
        let aliases = self.aliases(&mut fields);
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
            // Reported when the mapping was opened.
            None => Vec::new(),
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

    /// The optional `language` of a data set: `fr` or `en`.
    fn language(&mut self, fields: &mut Fields) -> Option<crate::lang::Lang> {
        let (node, path) = fields.get("language")?;
        match self
            .string(node, &path, "the language of the file")?
            .as_str()
        {
            "fr" => Some(crate::lang::Lang::Fr),
            "en" => Some(crate::lang::Lang::En),
            code => {
                self.problem(
                    &path,
                    Anchor::Value,
                    format!("unknown language `{code}`: expected `fr` or `en`"),
                    None,
                );
                None
            }
        }
    }

    /// One group of `synonyms`: two words or more, each a single word (letters and
    /// digits), since they are matched word by word after stemming.
    pub fn synonym_group(&mut self, node: &mut Node, path: &YamlPath) -> Option<Vec<String>> {
        let expected = "a list of two words or more, such as `[track, monitor]`";
        let Node::Seq(items) = node else {
            let found = node.kind();
            self.problem(
                path,
                Anchor::Value,
                format!("expected a synonym group, {expected}; found {found}"),
                None,
            );
            return None;
        };
        let count = items.len();
        let mut words = Vec::new();
        for (i, item) in items.iter_mut().enumerate() {
            let item_path = path.index(i);
            let Some(word) = self.string(item, &item_path, "a synonym") else {
                continue;
            };
            if crate::text::fold::word_spans(&word).ne([word.as_str()]) {
                self.problem(
                    &item_path,
                    Anchor::Value,
                    format!("`{word}` is not one word: a synonym is a single word of letters and digits"),
                    Some(
                        "synonyms match word by word: list the words that differ, such as `[media, networks]`"
                            .into(),
                    ),
                );
                continue;
            }
            words.push(word);
        }
        if count < 2 {
            self.problem(
                path,
                Anchor::Value,
                format!("a synonym group needs two words or more, found {count}"),
                None,
            );
            return None;
        }
        (words.len() == count).then_some(words)
    }

    /// A whole data set in one mapping (`roles`, and optionally `language`,
    /// `synonyms`, `themes`, `sources`, `tasks`).
    pub fn dataset(&mut self, node: &mut Node, raw: &mut RawData) {
        let root = YamlPath::root();
        let Some(mut fields) = self.fields(node, &root, &DATASET) else {
            return;
        };
        raw.language = self.language(&mut fields);
        if let Some((node, path)) = fields.get("synonyms")
            && !matches!(node, Node::Null)
        {
            // Read here only when the parser did not stream its groups (they are then
            // in `raw` already and the list left in the tree is empty).
            let groups = self.list(node, &path, "synonym groups", Self::synonym_group);
            raw.synonyms.extend(groups);
        }
        if let Some((node, path)) = fields.get("themes")
            && !matches!(node, Node::Null)
        {
            raw.themes.extend(self.themes(node, &path));
        }
        if let Some((node, path)) = fields.get("sources")
            && !matches!(node, Node::Null)
        {
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
    use crate::model::raw::Problem;
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
