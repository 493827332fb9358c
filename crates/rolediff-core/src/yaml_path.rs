//! Where a value sits inside a YAML document (`tasks[3].label.fr`), as the readers of
//! data and settings record it for their messages.
//!
//! Paths are made of rolediff's field names most of the time, and loading records
//! hundreds of thousands of them, so those are stored packed (see [`YamlPath`]); the
//! places they name are found by [`rolediff_yaml::Positions::locate`] through
//! [`YamlPath::steps`].

use std::borrow::Cow;
use std::fmt;

use rolediff_yaml::Step;

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

    /// The steps of this path, from the root, as the YAML reader's positions take them.
    pub fn steps(&self) -> impl Iterator<Item = Step<'_>> {
        let (packed, spilled): (&[u32], &[PathSegment]) = match &self.0 {
            Repr::Packed { len, steps } => (&steps[..*len as usize], &[]),
            Repr::Spilled(segments) => (&[], segments),
        };
        let packed = packed.iter().map(|&step| {
            if step & KEY_BIT != 0 {
                Step::Key(KNOWN_KEYS[(step & !KEY_BIT) as usize])
            } else {
                Step::Index(step as usize)
            }
        });
        let spilled = spilled.iter().map(|segment| match segment {
            PathSegment::Key(key) => Step::Key(key),
            PathSegment::Index(index) => Step::Index(*index),
        });
        packed.chain(spilled)
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
    fn steps_follow_the_segments() {
        let path = YamlPath::root().key("roles").index(3).key("lable");
        let steps: Vec<Step> = path.steps().collect();
        assert_eq!(
            steps,
            [Step::Key("roles"), Step::Index(3), Step::Key("lable")]
        );
        let packed = YamlPath::root().key("tasks").index(0).key("label");
        assert_eq!(packed.steps().count(), 3);
        assert_eq!(YamlPath::root().steps().count(), 0);
    }
}
