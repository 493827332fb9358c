//! The place of every key and value of a document, recorded while it is parsed.

use crate::Location;

/// Which part of a mapping entry a place is wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The key itself (used for unknown or duplicate fields).
    Key,
    /// The value under the path (the usual case).
    Value,
}

/// One step of a path into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A key of a mapping.
    Key(&'a str),
    /// An index in a sequence (0-based).
    Index(usize),
}

/// What an [`Entry`] is, in its two top bits.
const KIND_SHIFT: u32 = 30;
const LEAF: u32 = 0;
const SEQ: u32 = 1;
const MAP: u32 = 2;
const KEY: u32 = 3;
/// The low bits of an entry's `info`.
const PAYLOAD: u32 = (1 << KIND_SHIFT) - 1;
/// Most entries (and distinct keys) a document may have: what the payload can count.
pub(crate) const MAX_ENTRIES: usize = PAYLOAD as usize;

/// One node's place, in document order (a node before its children, a key before its
/// value): 12 bytes.
#[derive(Debug, Clone, Copy)]
struct Entry {
    line: u32,
    column: u32,
    /// The kind in the top two bits, then for a collection the index of the first
    /// entry after it, for a key scalar the key's number in [`Positions::keys`].
    info: u32,
}

/// Positions of every key and value in a document, looked up by path.
///
/// One 12-byte entry per node in document order, and each distinct mapping key once:
/// a path is found by walking the entries, skipping a collection in one step. The
/// entries are self-contained (the tree may be consumed or dropped), so a reader can
/// keep the positions of a file with problems and drop everything else. An alias is one
/// entry: a place inside what it repeats is reported at the alias.
#[derive(Debug, Default)]
pub struct Positions {
    entries: Vec<Entry>,
    keys: foldhash::HashMap<Box<str>, u32>,
}

impl Positions {
    /// Number of nodes recorded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the document has no node (an empty file).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Heap bytes held, for measurements.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.keys.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
            + self.keys.keys().map(|k| k.len()).sum::<usize>()
    }

    /// The place of the key or value at `path`. A path that goes on past what the
    /// document holds (a missing field, a value inside an alias) gets the place of the
    /// deepest node found: its key when it has one, else the node itself.
    pub fn locate<'a>(
        &self,
        path: impl IntoIterator<Item = Step<'a>>,
        anchor: Anchor,
    ) -> Option<Location> {
        self.entries.first()?;
        let mut at = 0;
        let mut key_at = None;
        let mut exact = true;
        for step in path {
            let found = match (self.kind(at), step) {
                (MAP, Step::Key(key)) => self.keys.get(key).and_then(|&id| self.entry(at, id)),
                (SEQ, Step::Index(index)) => self.item(at, index).map(|item| (None, item)),
                _ => None,
            };
            match found {
                Some((key, value)) => {
                    key_at = key;
                    at = value;
                }
                None => {
                    exact = false;
                    break;
                }
            }
        }
        let chosen = match (anchor, exact, key_at) {
            (Anchor::Key, true, Some(key)) | (_, false, Some(key)) => key,
            _ => at,
        };
        let entry = self.entries[chosen];
        Some(Location {
            line: entry.line as usize,
            column: entry.column as usize,
        })
    }

    fn kind(&self, at: usize) -> u32 {
        self.entries[at].info >> KIND_SHIFT
    }

    /// The index of the entry after the node at `at` and its children.
    fn after(&self, at: usize) -> usize {
        match self.kind(at) {
            SEQ | MAP => (self.entries[at].info & PAYLOAD) as usize,
            _ => at + 1,
        }
    }

    /// The key and value entries of the last entry of mapping `map` whose key is key
    /// number `id` (the last, as a duplicate key is reported at its second place).
    fn entry(&self, map: usize, id: u32) -> Option<(Option<usize>, usize)> {
        let end = self.after(map);
        let mut key = map + 1;
        let mut found = None;
        while key < end {
            let value = self.after(key);
            if value >= end {
                break;
            }
            if self.entries[key].info == (KEY << KIND_SHIFT | id) {
                found = Some((Some(key), value));
            }
            key = self.after(value);
        }
        found
    }

    /// The entry of item `index` of sequence `seq`.
    fn item(&self, seq: usize, index: usize) -> Option<usize> {
        let end = self.after(seq);
        let mut item = seq + 1;
        for _ in 0..index {
            if item >= end {
                return None;
            }
            item = self.after(item);
        }
        (item < end).then_some(item)
    }

    /// Records a scalar that is not a mapping key, or an alias.
    pub(crate) fn leaf(&mut self, at: Location) {
        self.push(at, LEAF << KIND_SHIFT);
    }

    /// Records a scalar mapping key.
    pub(crate) fn key(&mut self, at: Location, key: &str) {
        let next = self.keys.len() as u32;
        let id = match self.keys.get(key) {
            Some(&id) => id,
            None => {
                self.keys.insert(key.into(), next);
                next
            }
        };
        self.push(at, KEY << KIND_SHIFT | (id & PAYLOAD));
    }

    /// Records the start of a collection; [`Positions::close`] completes it.
    pub(crate) fn open(&mut self, at: Location, mapping: bool) -> usize {
        let kind = if mapping { MAP } else { SEQ };
        self.push(at, kind << KIND_SHIFT);
        self.entries.len() - 1
    }

    /// Records the end of the collection opened at entry `opened`.
    pub(crate) fn close(&mut self, opened: usize) {
        let end = self.entries.len() as u32 & PAYLOAD;
        self.entries[opened].info |= end;
    }

    fn push(&mut self, at: Location, info: u32) {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.entries.push(Entry {
            line: clamp(at.line),
            column: clamp(at.column),
            info,
        });
    }

    /// True when one more entry or key could not be numbered.
    pub(crate) fn is_full(&self) -> bool {
        self.entries.len() >= MAX_ENTRIES || self.keys.len() >= MAX_ENTRIES
    }

    /// Gives back the spare room of the growing vector.
    pub(crate) fn shrink(&mut self) {
        self.entries.shrink_to_fit();
    }
}
