//! A table of the stems of the words of the bundled data, made when rolediff is built.
//!
//! Analysing labels for near pairs stems every distinct word in French and in English.
//! For the bundled data that was a sixth of a whole `rolediff compare` run, to find the
//! same stems every time. So `build.rs` finds every word of the text of `data/`, stems
//! it with the same stemmers and folds the stems as [`super::near`] does, and writes
//! them into a hash table compiled into the binary ([`StemTable`]); at run time a word
//! of the table costs one lookup, and any other word (a user's data) is stemmed as
//! before. A unit test checks every entry against the stemmers, so the table can never
//! give a different stem.
//!
//! This file is compiled into `build.rs` too: the hash, the layout and the way the
//! table is laid out are written once, here.

/// FNV-1a, 64 bits: tiny, and the same at build time and at run time.
pub fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One slot of the table: the word, its folded French stem and its folded English
/// stem, stored one after the other in the table's text from `start`, and their byte
/// lengths. An empty slot has `start == EMPTY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: u32,
    pub word: u8,
    pub french: u8,
    pub english: u8,
}

/// `start` of an empty slot.
pub const EMPTY: u32 = u32::MAX;

/// An open-addressing hash table (linear probing) of words and their stems, with a
/// power-of-two number of slots, at most half full.
#[derive(Debug)]
pub struct StemTable<'a> {
    pub slots: &'a [Slot],
    pub text: &'a str,
}

impl<'a> StemTable<'a> {
    /// The folded French and English stems of `word` (lowercase, with its accents).
    pub fn get(&self, word: &str) -> Option<(&'a str, &'a str)> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash(word) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.start == EMPTY {
                return None;
            }
            let start = slot.start as usize;
            let french = start + usize::from(slot.word);
            let english = french + usize::from(slot.french);
            let end = english + usize::from(slot.english);
            if &self.text[start..french] == word {
                return Some((&self.text[french..english], &self.text[english..end]));
            }
            at = (at + 1) & mask;
        }
    }
}

/// The slots and text of a table of `entries` (word, folded French stem, folded
/// English stem), for `build.rs`. Entries with a part longer than 255 bytes are left
/// out (such a word is stemmed at run time); duplicate words are kept once.
// Used by build.rs and the tests, not by the library.
#[cfg_attr(not(test), allow(dead_code))]
pub fn lay_out(entries: &[(String, String, String)]) -> (Vec<Slot>, String) {
    let fits =
        |e: &&(String, String, String)| [&e.0, &e.1, &e.2].iter().all(|part| part.len() <= 255);
    let entries: Vec<&(String, String, String)> = entries.iter().filter(fits).collect();
    let capacity = (2 * entries.len()).next_power_of_two().max(1);
    let empty = Slot {
        start: EMPTY,
        word: 0,
        french: 0,
        english: 0,
    };
    let mut slots = vec![empty; capacity];
    let mut text = String::new();
    for (word, french, english) in entries {
        let table = StemTable {
            slots: &slots,
            text: &text,
        };
        if table.get(word).is_some() {
            continue;
        }
        let mut at = hash(word) as usize & (capacity - 1);
        while slots[at].start != EMPTY {
            at = (at + 1) & (capacity - 1);
        }
        slots[at] = Slot {
            start: text.len() as u32,
            word: word.len() as u8,
            french: french.len() as u8,
            english: english.len() as u8,
        };
        text.push_str(word);
        text.push_str(french);
        text.push_str(english);
    }
    (slots, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(word: &str, french: &str, english: &str) -> (String, String, String) {
        (word.into(), french.into(), english.into())
    }

    #[test]
    fn a_laid_out_table_finds_its_words_and_only_them() {
        let entries = [
            entry("modérer", "moder", "modérer"),
            entry("comments", "comment", "comment"),
            entry("modérer", "other", "other"),
            entry(&"x".repeat(256), "x", "x"),
        ];
        let (slots, text) = lay_out(&entries);
        let table = StemTable {
            slots: &slots,
            text: &text,
        };
        assert_eq!(
            table.get("modérer"),
            Some(("moder", "modérer")),
            "first kept"
        );
        assert_eq!(table.get("comments"), Some(("comment", "comment")));
        assert_eq!(table.get("comment"), None);
        assert_eq!(table.get(&"x".repeat(256)), None, "too long: left out");
        let filled = slots.iter().filter(|s| s.start != EMPTY).count();
        assert_eq!(filled, 2);
        assert!(slots.len().is_power_of_two() && 2 * filled <= slots.len());
        let empty = StemTable {
            slots: &[],
            text: "",
        };
        assert_eq!(empty.get("modérer"), None);
    }
}
