//! Reading a small YAML settings file (the config, a palette) into checked values.
//!
//! It records problems and reads text values with the data loader's multi-error
//! [`Reader`], so a value is read the same way in data, config and palettes. Like the
//! data loader, it parses with [`rolediff_yaml`] (the tree and the place of
//! every key and value, in one pass), collects every problem with its YAML path, and
//! locates them at the end, so the messages read
//! `file:line:column: path: what is wrong (hint)`.

use std::path::{Path, PathBuf};

use rolediff_yaml::{Node, Positions};

use crate::diagnostics::{Anchor, Diagnostic, Diagnostics, Severity};
use crate::model::{KnownKeys, Problem, Reader};
use crate::yaml_path::YamlPath;

/// A settings document being read: where its values are and the problems found so far.
pub(crate) struct Document {
    file: PathBuf,
    positions: Positions,
    /// Problems as the shared [`Reader`] records them (the file is always 0).
    problems: Vec<Problem>,
}

impl Document {
    /// Parses `text`; a syntax error is returned at once, with its place.
    pub fn parse(file: &Path, text: &str) -> Result<(Self, Node), Diagnostics> {
        match rolediff_yaml::parse_document(text) {
            Ok(document) => Ok((
                Self {
                    file: file.to_path_buf(),
                    positions: document.positions,
                    problems: Vec::new(),
                },
                document.root,
            )),
            Err(syntax) => Err(Diagnostics(vec![Diagnostic {
                severity: Severity::Error,
                file: file.to_path_buf(),
                location: syntax.location,
                path: None,
                message: syntax.message,
                hint: None,
            }])),
        }
    }

    /// The shared multi-error reader, recording into this document's problems.
    fn reader(&mut self) -> Reader<'_> {
        Reader {
            file: 0,
            problems: &mut self.problems,
            broken: Vec::new(),
        }
    }

    /// Records a problem at `path`.
    pub fn problem(
        &mut self,
        path: &YamlPath,
        anchor: Anchor,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.reader().problem(path, anchor, message.into(), hint);
    }

    /// The entries of a mapping with text keys; unknown and duplicate keys are reported
    /// (with the closest known key) by the shared reader's key check, other values are
    /// reported as the wrong type.
    pub fn mapping<'n>(
        &mut self,
        node: &'n Node,
        path: &YamlPath,
        what: &str,
        known: Option<&[&str]>,
    ) -> Vec<(&'n str, &'n Node, YamlPath)> {
        let Node::Map(entries) = node else {
            self.problem(
                path,
                Anchor::Value,
                format!("expected {what} (a mapping), found {}", node.kind()),
                None,
            );
            return Vec::new();
        };
        let mut accepted: Vec<(usize, &'n str)> = Vec::with_capacity(entries.len());
        let known: Option<&dyn KnownKeys> = known.as_ref().map(|k| k as &dyn KnownKeys);
        self.reader()
            .check_keys(entries, path, what, "key", known, |index, key| {
                accepted.push((index, key))
            });
        accepted
            .into_iter()
            .map(|(index, key)| (key, &entries[index].1, path.key(key)))
            .collect()
    }

    /// A non-empty text, read as the data's texts are (see [`Reader::string`]: a whole
    /// number is taken as written, a decimal or true/false needs quotes).
    pub fn string(&mut self, node: &Node, path: &YamlPath, what: &str) -> Option<String> {
        // Settings values are a few bytes: the shared reader takes its own copy.
        self.reader().string(&mut node.clone(), path, what)
    }

    /// One string or a list of strings.
    pub fn strings(&mut self, node: &Node, path: &YamlPath, what: &str) -> Vec<(String, YamlPath)> {
        match node {
            Node::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let item_path = path.index(i);
                    self.string(item, &item_path, what).map(|s| (s, item_path))
                })
                .collect(),
            other => self
                .string(other, path, what)
                .map(|s| vec![(s, path.clone())])
                .unwrap_or_default(),
        }
    }

    /// True when nothing was reported.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Every problem as a diagnostic with line and column, in file order.
    pub fn into_diagnostics(self) -> Diagnostics {
        let mut diagnostics: Vec<Diagnostic> = self
            .problems
            .into_iter()
            .map(|problem| Diagnostic {
                severity: Severity::Error,
                file: self.file.clone(),
                location: self.positions.locate(problem.path.steps(), problem.anchor),
                path: Some(Box::new(problem.path)),
                message: problem.message,
                hint: problem.hint,
            })
            .collect();
        diagnostics.sort_by_key(|d| d.location);
        Diagnostics(diagnostics)
    }

    /// The value, or every problem found.
    pub fn finish<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_clean() {
            Ok(value)
        } else {
            Err(self.into_diagnostics())
        }
    }
}

/// Reads a settings file as UTF-8 text; the message says what went wrong.
pub(crate) fn read_file(path: &Path, what: &str) -> Result<String, Diagnostics> {
    /// Settings files are a few hundred bytes; anything this large is a mistake.
    const MAX_BYTES: u64 = 1024 * 1024;
    let fail = |message: String| Diagnostics(vec![Diagnostic::file(path, message)]);
    let metadata = std::fs::metadata(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => fail(format!("no such file (expected the {what})")),
        _ => fail(format!("cannot read the {what}: {error}")),
    })?;
    if !metadata.is_file() {
        return Err(fail(format!(
            "expected the {what}, found something that is not a file"
        )));
    }
    if metadata.len() > MAX_BYTES {
        return Err(fail(format!(
            "the {what} is over 1 MiB: is this the right file?"
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|error| fail(format!("cannot read the {what}: {error}")))?;
    String::from_utf8(bytes)
        .map_err(|_| fail("the file is not valid UTF-8 text: save it as UTF-8".into()))
}
