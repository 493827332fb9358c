//! Problems found in user input, as values that carry their place.
//!
//! Loading never stops at the first mistake: every check pushes a [`Diagnostic`] and the
//! caller prints them all (`file:line:column: message`) and exits with code 2. A
//! [`Severity::Warning`] is a problem that does not stop loading (an alias shared by
//! several roles): it is reported by `validate` and refused only by `validate --strict`.

use std::borrow::Cow;
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
    Key(Cow<'static, str>),
    /// An index in a sequence (0-based).
    Index(usize),
}

/// Defines [`KNOWN_KEYS`] and [`known_key_position`] from one list, so the two cannot
/// drift apart.
macro_rules! known_keys {
    ($($key:literal),* $(,)?) => {
        /// Field names of the data and config formats. A path made of these keys and of
        /// indices is stored packed, without allocating (see [`YamlPath`]).
        pub(crate) const KNOWN_KEYS: &[&str] = &[$($key),*];

        /// The position of `key` in [`KNOWN_KEYS`], if it is one.
        ///
        /// Called for every mapping key of every file: each compare against a literal
        /// compiles to a length and word compare, where a search of the list calls
        /// `memcmp` per entry.
        #[allow(unused_assignments)]
        pub(crate) fn known_key_position(key: &str) -> Option<usize> {
            let mut position = 0;
            $(
                if key == $key {
                    return Some(position);
                }
                position += 1;
            )*
            None
        }
    };
}

known_keys![
    "id",
    "label",
    "description",
    "title",
    "language",
    "url",
    "summary",
    "themes",
    "axis",
    "task",
    "sources",
    "contested_by",
    "note",
    "name",
    "aliases",
    "tasks",
    "roles",
    "fr",
    "en",
];

/// Deepest path kept packed. The data format's deepest path with an origin is
/// `roles[i].tasks[j].sources[k]` (six steps); a text adds one (`.fr`).
const PACKED_DEPTH: usize = 7;

/// A packed step: an index below `KEY_BIT`, or `KEY_BIT | position in KNOWN_KEYS`.
const KEY_BIT: u32 = 1 << 31;

/// Where a value sits inside a YAML document, e.g. `tasks[3].label.fr`.
///
/// Loading records the path of every id and reference it reads (hundreds of thousands
/// in a large catalogue), so the common path — known field names, indices, at most
/// `PACKED_DEPTH` steps — is a small `Copy`-sized value that is extended without
/// allocating. Other paths (unknown keys in a user's typo, very deep nesting) fall back
/// to a vector. Each path has exactly one representation, so equality and hashing
/// can compare representations.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct YamlPath(Repr);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Packed { len: u8, steps: [u32; PACKED_DEPTH] },
    Spilled(Vec<PathSegment>),
}

impl Default for YamlPath {
    fn default() -> Self {
        Self::root()
    }
}

impl YamlPath {
    /// The document root.
    pub fn root() -> Self {
        Self(Repr::Packed {
            len: 0,
            steps: [0; PACKED_DEPTH],
        })
    }

    /// The path through `segments`, in order.
    pub fn from_segments(segments: impl IntoIterator<Item = PathSegment>) -> Self {
        segments
            .into_iter()
            .fold(Self::root(), |path, segment| path.push(segment))
    }

    /// The steps of this path, from the root.
    pub fn segments(&self) -> Vec<PathSegment> {
        match &self.0 {
            Repr::Packed { len, steps } => steps[..*len as usize]
                .iter()
                .map(|&step| unpack(step))
                .collect(),
            Repr::Spilled(segments) => segments.clone(),
        }
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Packed { len, .. } => *len as usize,
            Repr::Spilled(segments) => segments.len(),
        }
    }

    /// True for the document root.
    pub fn is_root(&self) -> bool {
        self.is_empty()
    }

    /// True for the document root (no steps).
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Repr::Packed { len, .. } => *len == 0,
            Repr::Spilled(segments) => segments.is_empty(),
        }
    }

    /// The first `len` steps of this path (the whole path when it is shorter).
    pub fn prefix(&self, len: usize) -> Self {
        match &self.0 {
            Repr::Packed { len: own, steps } => {
                let mut steps = *steps;
                let len = len.min(*own as usize);
                steps[len..].fill(0);
                Self(Repr::Packed {
                    len: len as u8,
                    steps,
                })
            }
            Repr::Spilled(segments) => {
                Self::from_segments(segments[..len.min(segments.len())].iter().cloned())
            }
        }
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        match known_key_position(key) {
            Some(known) => self.push_packed(KEY_BIT | known as u32, || {
                PathSegment::Key(Cow::Borrowed(KNOWN_KEYS[known]))
            }),
            None => self
                .clone()
                .push(PathSegment::Key(Cow::Owned(key.to_string()))),
        }
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        match u32::try_from(index) {
            Ok(small) if small < KEY_BIT => self.push_packed(small, || PathSegment::Index(index)),
            _ => self.clone().push(PathSegment::Index(index)),
        }
    }

    fn push_packed(&self, step: u32, segment: impl FnOnce() -> PathSegment) -> Self {
        match &self.0 {
            Repr::Packed { len, steps } if (*len as usize) < PACKED_DEPTH => {
                let mut steps = *steps;
                steps[*len as usize] = step;
                Self(Repr::Packed {
                    len: len + 1,
                    steps,
                })
            }
            _ => self.clone().push(segment()),
        }
    }

    fn push(self, segment: PathSegment) -> Self {
        let packed = match &segment {
            PathSegment::Key(key) => known_key_position(key).map(|known| KEY_BIT | known as u32),
            PathSegment::Index(index) => u32::try_from(*index).ok().filter(|i| *i < KEY_BIT),
        };
        match (self.0, packed) {
            (Repr::Packed { len, mut steps }, Some(step)) if (len as usize) < PACKED_DEPTH => {
                steps[len as usize] = step;
                Self(Repr::Packed {
                    len: len + 1,
                    steps,
                })
            }
            (Repr::Packed { len, steps }, _) => {
                let mut segments: Vec<PathSegment> =
                    steps[..len as usize].iter().map(|&s| unpack(s)).collect();
                segments.push(segment);
                Self(Repr::Spilled(segments))
            }
            (Repr::Spilled(mut segments), _) => {
                segments.push(segment);
                Self(Repr::Spilled(segments))
            }
        }
    }
}

fn unpack(step: u32) -> PathSegment {
    if step & KEY_BIT != 0 {
        PathSegment::Key(Cow::Borrowed(KNOWN_KEYS[(step & !KEY_BIT) as usize]))
    } else {
        PathSegment::Index(step as usize)
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments().iter().enumerate() {
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
    fn known_key_position_agrees_with_the_list() {
        for (i, key) in KNOWN_KEYS.iter().enumerate() {
            assert_eq!(known_key_position(key), Some(i), "{key}");
        }
        for other in [
            "",
            "i",
            "ids",
            "Id",
            "labels",
            "en ",
            "contested-by",
            "tâche",
        ] {
            assert_eq!(known_key_position(other), None, "{other}");
        }
    }

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
    fn packed_and_spilled_paths_compare_by_their_steps() {
        use std::collections::HashSet;
        let deep = (0..10).fold(YamlPath::root().key("roles"), |p, i| p.index(i));
        assert_eq!(deep.len(), 11);
        assert_eq!(deep.to_string(), "roles[0][1][2][3][4][5][6][7][8][9]");
        // A prefix short enough to pack again equals the same path built directly.
        let short = YamlPath::root().key("roles").index(0).index(1);
        assert_eq!(deep.prefix(3), short);
        let set: HashSet<YamlPath> = [deep.prefix(3)].into();
        assert!(set.contains(&short));
        // Unknown keys spill, and stay equal to the same steps built another way.
        let typo = YamlPath::root().index(2).key("lable");
        assert_eq!(typo.to_string(), "[2].lable");
        assert_eq!(YamlPath::from_segments(typo.segments()), typo);
        assert_eq!(typo.prefix(1), YamlPath::root().index(2));
        assert_ne!(typo, YamlPath::root().index(2).key("label"));
        // Indices too large to pack still work.
        let huge = YamlPath::root().index(usize::MAX);
        assert_eq!(huge.to_string(), format!("[{}]", usize::MAX));
        assert!(YamlPath::root().is_root() && YamlPath::default().is_root());
    }

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
