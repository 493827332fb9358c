//! Problems found in user input, as values that carry their place.
//!
//! Loading never stops at the first mistake: every check pushes a [`Diagnostic`] and the
//! caller prints them all (`file:line:column: message`) and exits with code 2. A
//! [`Severity::Warning`] is a problem that does not stop loading (an alias shared by
//! several roles): it is reported by `validate` and refused only by `validate --strict`.

use std::fmt;
use std::path::{Path, PathBuf};

pub use rolediff_yaml::{Anchor, Location};

use crate::yaml_path::YamlPath;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The input cannot be used as it is.
    #[default]
    Error,
    /// The input is used, but something in it probably does not do what its author
    /// meant. Warnings come in kinds, so that many of one kind can be told as a count.
    Warning(WarningKind),
}

/// The kinds of [`Severity::Warning`], in the order `validate` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// An alias of several roles (and no role's id or name): naming a role by it
    /// answers with the candidates instead of one role.
    SharedAlias,
    /// An alias that is another role's id or name: that role wins, so the alias never
    /// names its own.
    AliasOfOtherRole,
    /// A role name that several roles have: naming a role by it answers with the
    /// candidates.
    SharedName,
}

impl WarningKind {
    /// Every kind, in report order.
    pub const ALL: [WarningKind; 3] = [
        WarningKind::SharedAlias,
        WarningKind::AliasOfOtherRole,
        WarningKind::SharedName,
    ];

    /// What warnings of this kind are called, in the number of `count`
    /// ("shared alias", "shared aliases").
    pub fn noun(self, count: usize) -> &'static str {
        let (one, many) = match self {
            WarningKind::SharedAlias => ("shared alias", "shared aliases"),
            WarningKind::AliasOfOtherRole => (
                "alias that is another role's id or name",
                "aliases that are another role's id or name",
            ),
            WarningKind::SharedName => ("shared role name", "shared role names"),
        };
        if count == 1 { one } else { many }
    }
}

/// A problem with user input.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error, or a warning of some kind.
    pub severity: Severity,
    /// The file the problem is in, as given by the user (or `<bundled>/…`).
    pub file: PathBuf,
    /// Line and column, when known.
    pub location: Option<Location>,
    /// The YAML path of the offending value, when it helps. Boxed, to keep results
    /// that carry a diagnostic small.
    pub path: Option<Box<YamlPath>>,
    /// What is wrong and what was expected.
    pub message: String,
    /// A suggestion such as "did you mean `community-manager`?".
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about a whole file (no position inside it).
    pub fn file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
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

    /// The kind of warning this is, or `None` for an error.
    pub fn warning_kind(&self) -> Option<WarningKind> {
        match self.severity {
            Severity::Error => None,
            Severity::Warning(kind) => Some(kind),
        }
    }

    /// True for an error, false for a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The diagnostic as one line in `lang`: its place, then its message and hint
    /// through the message catalogue (see [`crate::messages`]).
    pub fn to_string_in(&self, lang: crate::lang::Lang) -> String {
        use crate::messages::{label, translate};
        let mut out = self.file.display().to_string();
        if let Some(location) = self.location {
            out.push_str(&format!(":{}:{}", location.line, location.column));
        }
        out.push_str(": ");
        if !self.is_error() {
            out.push_str(&label("warning", lang));
        }
        if let Some(path) = self.path.as_ref().filter(|p| !p.is_root()) {
            out.push_str(&format!("{path}: "));
        }
        out.push_str(&translate(&self.message, lang));
        if let Some(hint) = &self.hint {
            out.push_str(&format!(" ({})", translate(hint, lang)));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(location) = self.location {
            write!(f, ":{}:{}", location.line, location.column)?;
        }
        write!(f, ": ")?;
        // After the place, like compilers, so editors still jump to `file:line:column`.
        if !self.is_error() {
            write!(f, "warning: ")?;
        }
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

    /// The errors, without the warnings.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// The warnings, without the errors.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
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
    fn diagnostic_display_has_file_line_column_path_and_hint() {
        let mut diagnostic = Diagnostic {
            severity: Severity::Error,
            file: PathBuf::from("data/tasks.yaml"),
            location: Some(Location { line: 4, column: 3 }),
            path: Some(Box::new(YamlPath::root().index(1).key("lable"))),
            message: "unknown field `lable`".into(),
            hint: Some("did you mean `label`?".into()),
        };
        assert_eq!(
            diagnostic.to_string(),
            "data/tasks.yaml:4:3: [1].lable: unknown field `lable` (did you mean `label`?)"
        );
        diagnostic.severity = Severity::Warning(WarningKind::SharedAlias);
        assert_eq!(
            diagnostic.to_string(),
            "data/tasks.yaml:4:3: warning: [1].lable: unknown field `lable` (did you mean `label`?)"
        );
    }

    #[test]
    fn warning_counts_agree_in_number() {
        assert_eq!(WarningKind::SharedAlias.noun(1), "shared alias");
        assert_eq!(WarningKind::SharedAlias.noun(397), "shared aliases");
        assert_eq!(WarningKind::SharedName.noun(0), "shared role names");
        assert_eq!(
            WarningKind::AliasOfOtherRole.noun(2),
            "aliases that are another role's id or name"
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
