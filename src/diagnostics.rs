//! Problems found in user input, as values that carry their place.
//!
//! Loading never stops at the first mistake: every check pushes a [`Diagnostic`] and the
//! caller prints them all (`file:line:column: message`) and exits with code 2.

use std::fmt;
use std::path::{Path, PathBuf};

/// A 1-based line and column in a file (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number, starting at 1.
    pub column: usize,
}

/// One step of a path inside a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A key of a mapping.
    Key(String),
    /// An index in a sequence (0-based).
    Index(usize),
}

/// Where a value sits inside a YAML document, e.g. `tasks[3].label.fr`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct YamlPath(pub Vec<PathSegment>);

impl YamlPath {
    /// The document root.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Key(key.to_string()));
        Self(segments)
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Index(index));
        Self(segments)
    }

    /// True for the document root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if i == 0 => write!(f, "{key}")?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Which part of a mapping entry a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The key itself (used for unknown or duplicate fields).
    Key,
    /// The value under the path (the usual case).
    Value,
}

/// A problem with user input.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file the problem is in, as given by the user (or `<bundled>/…`).
    pub file: PathBuf,
    /// Line and column, when known.
    pub location: Option<Location>,
    /// The YAML path of the offending value, when it helps.
    pub path: Option<YamlPath>,
    /// What is wrong and what was expected.
    pub message: String,
    /// A suggestion such as "did you mean `community-manager`?".
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about a whole file (no position inside it).
    pub fn file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            location: None,
            path: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(location) = self.location {
            write!(f, ":{}:{}", location.line, location.column)?;
        }
        write!(f, ": ")?;
        if let Some(path) = self.path.as_ref().filter(|p| !p.is_root()) {
            write!(f, "{path}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// All the problems found in one run, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterates the problems.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest candidates to a misspelt `word`, best first (at most three).
///
/// Uses Jaro–Winkler similarity plus prefix matching, which catches both typos
/// (`comunity-manager`) and truncations (`community`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word_lower = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let candidate_lower = candidate.to_lowercase();
            let mut score = strsim::jaro_winkler(&word_lower, &candidate_lower);
            if !word_lower.is_empty()
                && (candidate_lower.starts_with(&word_lower)
                    || word_lower.starts_with(&candidate_lower))
            {
                score = score.max(0.9);
            }
            (score >= 0.8).then_some((score, candidate))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    // A clear winner is suggested alone; near-ties are all worth showing.
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(score, _)| *score >= best - 0.05)
        .take(3)
        .map(|(_, c)| c)
        .collect()
}

/// "did you mean `x`?" (or "… `x` or `y`?") for the closest candidates, if any.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let best = closest(word, candidates);
    match best.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        many => {
            let quoted: Vec<String> = many.iter().map(|c| format!("`{c}`")).collect();
            Some(format!("did you mean {}?", quoted.join(" or ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_display_mixes_keys_and_indices() {
        let path = YamlPath::root()
            .key("tasks")
            .index(3)
            .key("label")
            .key("fr");
        assert_eq!(path.to_string(), "tasks[3].label.fr");
        assert_eq!(YamlPath::root().index(0).key("id").to_string(), "[0].id");
    }

    #[test]
    fn diagnostic_display_has_file_line_column_path_and_hint() {
        let diagnostic = Diagnostic {
            file: PathBuf::from("data/tasks.yaml"),
            location: Some(Location { line: 4, column: 3 }),
            path: Some(YamlPath::root().index(1).key("lable")),
            message: "unknown field `lable`".into(),
            hint: Some("did you mean `label`?".into()),
        };
        assert_eq!(
            diagnostic.to_string(),
            "data/tasks.yaml:4:3: [1].lable: unknown field `lable` (did you mean `label`?)"
        );
    }

    #[test]
    fn did_you_mean_finds_typos_and_prefixes() {
        let ids = [
            "community-manager",
            "community-builder",
            "social-media-manager",
        ];
        assert_eq!(
            did_you_mean("comunity-manager", ids).as_deref(),
            Some("did you mean `community-manager`?")
        );
        let prefix = closest("community", ids);
        assert!(prefix.contains(&"community-manager") && prefix.contains(&"community-builder"));
        assert_eq!(did_you_mean("zzz", ids), None);
    }
}
