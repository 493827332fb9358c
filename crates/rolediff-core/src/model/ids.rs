//! Ids mapped to their indices, for resolving references while loading (and, for the
//! same reasons, the words of labels while indexing them for near pairs).
//!
//! Every reference of a data set is looked up here: over a hundred thousand in a large
//! catalogue, one role file at a time, with the parsing of the next file in between.
//! By the time a role's references are looked up, parsing has pushed the table out of
//! the cache, so each lookup costs its cache misses, not its hashing. A map from
//! `String` costs two: the slot, then the key's bytes elsewhere on the heap. Here an id
//! of up to [`INLINE`] bytes (every id we have seen) is stored in the slot itself, so
//! a lookup reads one place; longer ids fall back to a box.
//!
//! Hashing is foldhash: several times faster than std's SipHash on short ids, and
//! still seeded per process, so that ids written to collide cannot make loading
//! quadratic.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Longest id stored in its slot. With the tag and the length, a key is 24 bytes, as
/// big as a `String`.
const INLINE: usize = 22;

enum Key {
    Inline { len: u8, bytes: [u8; INLINE] },
    Boxed(Box<str>),
}

impl Key {
    fn new(id: &str) -> Self {
        match u8::try_from(id.len()) {
            Ok(len) if id.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                Key::Inline { len, bytes }
            }
            _ => Key::Boxed(id.into()),
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Key::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Key::Boxed(id) => id.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // The bytes were copied whole from a `&str`, so they are valid UTF-8.
            Key::Inline { .. } => std::str::from_utf8(self.bytes()).unwrap_or_default(),
            Key::Boxed(id) => id,
        }
    }
}

struct Slot {
    key: Key,
    index: usize,
}

/// Ids mapped to indices; see the module documentation for why it is not a `HashMap`.
pub(crate) struct IdIndex {
    table: HashTable<Slot>,
    hasher: foldhash::quality::RandomState,
}

impl IdIndex {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            table: HashTable::with_capacity(capacity),
            hasher: Default::default(),
        }
    }

    /// The index of `id`, if it is known.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |slot| slot.key.bytes() == id.as_bytes())
            .map(|slot| slot.index)
    }

    /// Maps `id` to `index`, unless `id` is already known: returns the index it has.
    pub(crate) fn insert_new(&mut self, id: &str, index: usize) -> Result<(), usize> {
        let hash = self.hasher.hash_one(id);
        let hasher = &self.hasher;
        match self.table.entry(
            hash,
            |slot| slot.key.bytes() == id.as_bytes(),
            |slot| hasher.hash_one(slot.key.as_str()),
        ) {
            hashbrown::hash_table::Entry::Occupied(slot) => Err(slot.get().index),
            hashbrown::hash_table::Entry::Vacant(vacant) => {
                vacant.insert(Slot {
                    key: Key::new(id),
                    index,
                });
                Ok(())
            }
        }
    }

    /// Every id with its index, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.table
            .iter()
            .map(|slot| (slot.key.as_str(), slot.index))
    }

    /// Every id, in no particular order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_unicode_ids_are_found_and_told_apart() {
        let ids = [
            "",
            "a",
            "task-13280",
            "exactly-twenty-two-b22",
            "twenty-three-bytes-b-23",
            "a-much-longer-identifier-than-any-slot-holds",
            "stratégie-de-marque",
            "ééééééééééé",  // 22 bytes
            "éééééééééééx", // 23 bytes
        ];
        let mut index = IdIndex::with_capacity(2);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.insert_new(id, i), Ok(()), "{id}");
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(i), "{id}");
            assert_eq!(index.insert_new(id, 99), Err(i), "{id}");
        }
        // Prefixes, extensions and the padding byte are other ids.
        for other in [
            "task-1328",
            "task-132800",
            "a\0",
            "exactly-twenty-two-b2",
            "É",
        ] {
            assert_eq!(index.get(other), None, "{other}");
        }
        let mut listed: Vec<(&str, usize)> = index.iter().collect();
        listed.sort_by_key(|(_, i)| *i);
        assert_eq!(listed.iter().map(|(id, _)| *id).collect::<Vec<_>>(), ids);
    }
}
