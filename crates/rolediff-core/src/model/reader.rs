//! The multi-error reader: walks parsed YAML, checks shapes and field types, and
//! records every problem with its YAML path instead of stopping at the first, so that
//! one run reports all mistakes. The data loader reads its entries with it
//! ([`super::entries`]); cross-references are checked later, in `validate`.

use rolediff_yaml::Node;

use crate::diagnostics::{Anchor, did_you_mean};
use crate::model::Text;
use crate::model::format::{Entry, TEXT};
use crate::model::raw::{FileId, Located, MAX_PROBLEMS, Origin, Problem};
use crate::text::{is_slug, slugify};
use crate::yaml_path::YamlPath;

/// Collects problems for one file.
///
/// The one multi-error reader: the data loader reads its entries with it, and the
/// config and palette readers ([`crate::config`]) record their problems and read their
/// text values through it too, so both read a value the same way.
pub(crate) struct Reader<'p> {
    pub file: FileId,
    pub problems: &'p mut Vec<Problem>,
    /// Ids of entries dropped because of another problem (see [`RawData::broken_ids`]).
    pub broken: Vec<String>,
}

/// The names a mapping accepts, for [`Reader::check_keys`].
pub(crate) trait KnownKeys {
    /// The position of `key` among the names, if it is one.
    fn position(&self, key: &str) -> Option<usize>;
    /// Every name, in order (only asked for when a key is unknown).
    fn names(&self) -> Vec<&str>;
}

impl KnownKeys for Entry {
    fn position(&self, key: &str) -> Option<usize> {
        Entry::position(self, key)
    }

    fn names(&self) -> Vec<&str> {
        Entry::names(self).collect()
    }
}

impl KnownKeys for &[&str] {
    fn position(&self, key: &str) -> Option<usize> {
        self.iter().position(|k| *k == key)
    }

    fn names(&self) -> Vec<&str> {
        self.to_vec()
    }
}

/// The fields of one mapping, tracking which were read.
pub(crate) struct Fields<'n> {
    entries: &'n mut [(Node, Node)],
    pub path: YamlPath,
    entry: &'static Entry,
    /// Known fields that an unknown key probably misspells: not reported as missing too.
    misspelt: Vec<String>,
}

impl<'n> Fields<'n> {
    /// The value of `key`, to read (its strings may be moved out: read it once).
    pub fn get(&mut self, key: &str) -> Option<(&mut Node, YamlPath)> {
        let path = &self.path;
        self.entries
            .iter_mut()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| (v, path.key(key)))
    }

    /// True when the mapping has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.as_str() == Some(key))
    }
}

impl Reader<'_> {
    pub fn problem(
        &mut self,
        path: &YamlPath,
        anchor: Anchor,
        message: String,
        hint: Option<String>,
    ) {
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

    pub fn origin(&self, path: &YamlPath) -> Origin {
        Origin {
            file: self.file,
            path: path.clone(),
        }
    }

    /// Opens a mapping, reporting unknown, duplicate and non-text keys at once.
    /// Required fields that are missing are reported here too, from the entry's
    /// definition, unless an unknown key probably misspells them.
    pub fn fields<'n>(
        &mut self,
        node: &'n mut Node,
        path: &YamlPath,
        entry: &'static Entry,
    ) -> Option<Fields<'n>> {
        let what = entry.what;
        let Node::Map(entries) = node else {
            self.problem(
                path,
                Anchor::Value,
                format!(
                    "expected {what} (a mapping with {}), found {}",
                    entry.list(),
                    node.kind()
                ),
                None,
            );
            return None;
        };
        let misspelt = self.check_keys(entries, path, what, "field", Some(entry), |_, _| {});
        let fields = Fields {
            entries,
            path: path.clone(),
            entry,
            misspelt,
        };
        for field in entry.fields.iter().filter(|f| f.required) {
            if !fields.has(field.name) {
                self.missing(&fields, field.name, field.expected);
            }
        }
        Some(fields)
    }

    /// Checks the keys of a mapping: a key that is not text, a key given twice and (when
    /// `known` is given) a key it does not know, with the closest known one, are
    /// reported; `accept` gets every other entry, by index and key. Returns the known
    /// names that an unknown key probably misspells. Used by the data's entries (whose
    /// keys are "fields") and by the config and palettes ("keys").
    pub fn check_keys<'e>(
        &mut self,
        entries: &'e [(Node, Node)],
        path: &YamlPath,
        what: &str,
        noun: &str,
        known: Option<&dyn KnownKeys>,
        mut accept: impl FnMut(usize, &'e str),
    ) -> Vec<String> {
        // Known keys seen, as bits (a mapping is read per entry of a large catalogue,
        // so no set is allocated); other keys seen, in the rare mapping that has any.
        let mut seen_known = 0u64;
        let mut seen_other: Vec<&str> = Vec::new();
        let mut misspelt = Vec::new();
        for (index, (key, _)) in entries.iter().enumerate() {
            let Node::String(key) = key else {
                self.problem(
                    path,
                    Anchor::Value,
                    format!(
                        "{what} has a key that is {}, expected a {noun} name",
                        key.kind()
                    ),
                    None,
                );
                continue;
            };
            let known_at = known.and_then(|k| k.position(key));
            let seen_before = match known_at {
                Some(at) if at < 64 => {
                    let before = seen_known & (1 << at) != 0;
                    seen_known |= 1 << at;
                    before
                }
                _ => {
                    let before = seen_other.contains(&key.as_ref());
                    seen_other.push(key);
                    before
                }
            };
            if seen_before {
                self.problem(
                    &path.key(key),
                    Anchor::Key,
                    format!("duplicate {noun} `{key}` in {what}"),
                    None,
                );
            } else if let Some(known) = known.filter(|_| known_at.is_none()) {
                let names = known.names();
                misspelt.extend(
                    crate::diagnostics::closest(key, names.iter().copied())
                        .first()
                        .map(|name| name.to_string()),
                );
                self.problem(
                    &path.key(key),
                    Anchor::Key,
                    format!(
                        "unknown {noun} `{key}` in {what}; expected one of: {}",
                        names.join(", ")
                    ),
                    did_you_mean(key, names.iter().copied()),
                );
            } else {
                accept(index, key);
            }
        }
        misspelt
    }

    /// Reports a missing field (not when an unknown key probably misspells it).
    pub fn missing(&mut self, fields: &Fields, key: &str, expected: &str) {
        if fields.misspelt.iter().any(|m| m == key) {
            return;
        }
        self.problem(
            &fields.path.key(key),
            Anchor::Value,
            format!(
                "missing field `{key}` in {}: expected {expected}",
                fields.entry.what
            ),
            None,
        );
    }

    /// A text value, trimmed. The string is moved out of the tree (read it once).
    pub fn string(
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
            // A whole number reads back as written (`208`, `2024`, a key `1`); a
            // decimal or true/false would not (`1.50` is 1.5): those need quotes.
            Node::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{n}")),
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

    /// A text field; a missing one was reported when the mapping was opened, if the
    /// definition requires it.
    pub fn optional_string(
        &mut self,
        fields: &mut Fields,
        key: &str,
        what: &str,
    ) -> Option<String> {
        let (node, path) = fields.get(key)?;
        self.string(node, &path, what)
    }

    pub fn id(&mut self, node: &mut Node, path: &YamlPath, what: &str) -> Option<Located> {
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

    /// The `id` field (a missing one is reported when the definition requires it).
    pub fn optional_id(&mut self, fields: &mut Fields, what: &str) -> Option<Located> {
        let (node, path) = fields.get("id")?;
        self.id(node, &path, what)
    }

    /// `fr`/`en` text: a mapping with either or both, or one plain string for both.
    pub fn text(&mut self, node: &mut Node, path: &YamlPath, what: &str) -> Option<Text> {
        // A scalar is one text for both languages (or a value that needs quotes).
        if let Node::String(_) | Node::Number(_) | Node::Bool(_) = node {
            return self.string(node, path, what).map(Text::same);
        }
        let mut fields = self.fields(node, path, &TEXT)?;
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

    /// A text field (a missing one is reported when the definition requires it).
    pub fn optional_text(&mut self, fields: &mut Fields, key: &str, what: &str) -> Option<Text> {
        let (node, path) = fields.get(key)?;
        self.text(node, &path, what)
    }

    /// A list of ids (`[a, b]`). Reports each bad item and keeps the good ones.
    pub fn id_list(
        &mut self,
        node: &mut Node,
        path: &YamlPath,
        what: &str,
    ) -> Option<Vec<Located>> {
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

    pub fn optional_id_list(
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
    pub fn axis(&mut self, fields: &mut Fields) -> Option<Option<f64>> {
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
    pub fn list<T>(
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
}
