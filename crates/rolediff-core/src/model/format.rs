//! The data format's definitions: every kind of entry, its fields, which are required,
//! what each expects. The reader takes its field lists and required fields from here,
//! and [`data_schema`] writes the JSON Schema from the same tables, so the two cannot
//! drift apart.

use serde_json::{Map, Value, json};

/// What a field's value is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    /// A lowercase slug (`community-manager`).
    Id,
    /// Text in French and/or English: a plain string, or `{fr: …, en: …}`.
    Text,
    /// A plain string.
    String,
    /// A number from 0 to 1.
    Axis,
    /// `fr` or `en`.
    Language,
    /// A list of ids.
    IdList,
    /// A list of strings.
    StringList,
    /// A list of entries of one kind.
    List(&'static Entry),
    /// A role's tasks: each a plain label or a task entry.
    RoleTasks,
    /// Groups of words that mean the same thing: a list of lists of words.
    WordGroups,
}

/// One field of an entry.
#[derive(Debug)]
pub(crate) struct Field {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
    /// What the value should be, for messages and the schema's descriptions.
    pub expected: &'static str,
}

/// A kind of entry: a mapping with known fields.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Name of its definition in the schema.
    pub name: &'static str,
    /// How messages name it ("a task").
    pub what: &'static str,
    pub fields: &'static [Field],
}

impl Entry {
    /// The names of its fields, in order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        self.fields.iter().map(|f| f.name)
    }

    /// The names of its fields joined for a message: `id, label, …`.
    pub fn list(&self) -> String {
        self.names().collect::<Vec<_>>().join(", ")
    }

    /// The position of `name` among its fields.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

const fn field(name: &'static str, shape: Shape, expected: &'static str) -> Field {
    Field {
        name,
        shape,
        required: false,
        expected,
    }
}

const fn required(name: &'static str, shape: Shape, expected: &'static str) -> Field {
    Field {
        name,
        shape,
        required: true,
        expected,
    }
}

const ID: &str = "a lowercase slug such as `my-id`";
const AXIS: &str = "a number from 0 (pure execution) to 1 (pure strategy); leave it out for an entry that is not an activity (a skill, a hiring context): it is then not placed on the axis";
const THEMES: &str = "a list of theme ids such as `[moderation]`, the first being the primary theme; without it, the task is in the default theme `general`";
const SOURCES: &str = "a list of source ids: who says the role does this; without it (and without `sources` on the role), the task is `unattributed`";

/// Text in French and/or English.
pub(crate) static TEXT: Entry = Entry {
    name: "text",
    what: "a text in French and/or English",
    fields: &[
        field("fr", Shape::String, "the text in French"),
        field("en", Shape::String, "the text in English"),
    ],
};

/// A theme of `themes.yaml` or of a data set's `themes`.
pub(crate) static THEME: Entry = Entry {
    name: "theme",
    what: "a theme",
    fields: &[
        required("id", Shape::Id, ID),
        required(
            "label",
            Shape::Text,
            "theme label ({fr: …, en: …} or plain text)",
        ),
        field("description", Shape::Text, "theme description"),
    ],
};

/// A source of `sources.yaml` or of a data set's `sources`.
pub(crate) static SOURCE: Entry = Entry {
    name: "source",
    what: "a source",
    fields: &[
        required("id", Shape::Id, ID),
        required("title", Shape::String, "the source's title"),
        required("language", Shape::String, "a language code such as `fr`"),
        field("url", Shape::String, "the source's address"),
        field("summary", Shape::Text, "source summary"),
    ],
};

/// A task of `tasks.yaml` or of a data set's `tasks`.
pub(crate) static TASK: Entry = Entry {
    name: "task",
    what: "a task",
    fields: &[
        required("id", Shape::Id, ID),
        required(
            "label",
            Shape::Text,
            "task label ({fr: …, en: …} or plain text)",
        ),
        field("themes", Shape::IdList, THEMES),
        field("axis", Shape::Axis, AXIS),
        field("description", Shape::Text, "task description"),
    ],
};

/// A task entry of a role: a reference to a catalogue task, or an inline task.
pub(crate) static ROLE_TASK: Entry = Entry {
    name: "roleTask",
    what: "a role's task entry",
    fields: &[
        field(
            "task",
            Shape::Id,
            "the id of a task of the catalogue (`tasks`)",
        ),
        field(
            "label",
            Shape::Text,
            "an inline task's label ({fr: …, en: …} or plain text)",
        ),
        field("themes", Shape::IdList, THEMES),
        field("axis", Shape::Axis, AXIS),
        field("description", Shape::Text, "task description"),
        field("sources", Shape::IdList, SOURCES),
        field(
            "contested_by",
            Shape::IdList,
            "a list of source ids that say this role does not do this",
        ),
        field("note", Shape::Text, "the nuance or the disagreement"),
    ],
};

/// A role: a file of `roles/` or an item of a data set's `roles`.
pub(crate) static ROLE: Entry = Entry {
    name: "role",
    what: "a role",
    fields: &[
        field(
            "id",
            Shape::Id,
            "a lowercase slug such as `my-id`; without it, the slug of the name",
        ),
        required(
            "name",
            Shape::Text,
            "role name ({fr: …, en: …} or plain text)",
        ),
        field(
            "aliases",
            Shape::StringList,
            "other names people use for the role",
        ),
        field("summary", Shape::Text, "role summary"),
        field(
            "sources",
            Shape::IdList,
            "a list of source ids: the default sources of every task entry",
        ),
        required(
            "tasks",
            Shape::RoleTasks,
            "a list of the role's tasks: plain labels, or entries",
        ),
    ],
};

/// A whole data set in one file.
pub(crate) static DATASET: Entry = Entry {
    name: "dataset",
    what: "a data set",
    fields: &[
        field(
            "language",
            Shape::Language,
            "the language of the file's plain texts, `fr` or `en`; without it, each text's language is detected",
        ),
        field(
            "synonyms",
            Shape::WordGroups,
            "groups of words that mean the same thing in this data set, such as `[[track, monitor], [metrics, statistics]]`: near pairs and `similar` read the words of a group, and the words derived from them, as one",
        ),
        field(
            "themes",
            Shape::List(&THEME),
            "a list of themes; without it, every task is in the default theme `general`",
        ),
        field(
            "sources",
            Shape::List(&SOURCE),
            "a list of sources; without it, every task is `unattributed`",
        ),
        field(
            "tasks",
            Shape::List(&TASK),
            "a list of tasks that roles refer to by id",
        ),
        required("roles", Shape::List(&ROLE), "a list of roles"),
    ],
};

/// The pattern every id matches (see [`crate::text::is_slug`]).
const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The JSON Schema (draft 2020-12) of rolediff's data files, generated from the
/// definitions the loader reads with. One schema serves every file: a single-file data
/// set, a role file of a folder's `roles/`, and a folder's `themes.yaml`,
/// `sources.yaml` and `tasks.yaml` lists.
pub fn data_schema() -> Value {
    let mut defs = Map::new();
    for entry in [&TEXT, &THEME, &SOURCE, &TASK, &ROLE_TASK, &ROLE, &DATASET] {
        defs.insert(entry.name.into(), object(entry));
    }
    defs.insert(
        "id".into(),
        json!({"type": "string", "pattern": SLUG_PATTERN}),
    );
    let list = |entry: &Entry| json!({"type": "array", "items": reference(entry)});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rolediff data",
        "description": "Job roles and their tasks, compared by rolediff. A single-file data set needs only `roles`, each with a `name` and `tasks`.",
        "anyOf": [
            reference(&DATASET),
            reference(&ROLE),
            list(&THEME),
            list(&SOURCE),
            list(&TASK),
        ],
        "$defs": defs,
    })
}

/// The schema of one kind of entry: an object with exactly its fields.
fn object(entry: &Entry) -> Value {
    let properties: Map<String, Value> = entry
        .fields
        .iter()
        .map(|f| {
            let mut shape = shape(f.shape);
            if let Some(object) = shape.as_object_mut() {
                object.insert("description".into(), f.expected.into());
            }
            (f.name.to_string(), shape)
        })
        .collect();
    let required: Vec<&str> = entry
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut object = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        object["required"] = json!(required);
    }
    if entry.name == "text" {
        object["minProperties"] = json!(1);
    }
    object
}

fn reference(entry: &Entry) -> Value {
    json!({"$ref": format!("#/$defs/{}", entry.name)})
}

/// The schema of a value of `shape`.
fn shape(shape: Shape) -> Value {
    let id = json!({"$ref": "#/$defs/id"});
    match shape {
        Shape::Id => json!({"allOf": [id]}),
        Shape::Text => json!({"anyOf": [{"type": "string", "minLength": 1}, reference(&TEXT)]}),
        Shape::String => json!({"type": "string", "minLength": 1}),
        Shape::Axis => json!({"type": "number", "minimum": 0, "maximum": 1}),
        Shape::Language => json!({"enum": ["fr", "en"]}),
        Shape::IdList => json!({"type": ["array", "null"], "items": id}),
        Shape::StringList => json!({"type": ["array", "null"], "items": {"type": "string"}}),
        Shape::List(entry) => json!({"type": ["array", "null"], "items": reference(entry)}),
        Shape::WordGroups => json!({
            "type": ["array", "null"],
            "items": {
                "type": "array",
                "minItems": 2,
                "items": {"type": "string", "minLength": 1},
            },
        }),
        Shape::RoleTasks => json!({
            "type": "array",
            "minItems": 1,
            "items": {"anyOf": [{"type": "string", "minLength": 1}, reference(&ROLE_TASK)]},
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_defined_and_only_roles_are_required_at_the_top() {
        let schema = data_schema();
        assert_eq!(schema["$defs"]["dataset"]["required"], json!(["roles"]));
        for name in ["text", "theme", "source", "task", "roleTask", "role", "id"] {
            assert!(schema["$defs"][name].is_object(), "{name}");
        }
        assert_eq!(
            schema["$defs"]["role"]["required"],
            json!(["name", "tasks"])
        );
    }

    #[test]
    fn synonyms_are_groups_of_two_words_or_more() {
        let synonyms = &data_schema()["$defs"]["dataset"]["properties"]["synonyms"];
        assert_eq!(synonyms["items"]["type"], "array");
        assert_eq!(synonyms["items"]["minItems"], 2);
        assert_eq!(synonyms["items"]["items"]["type"], "string");
    }
}
