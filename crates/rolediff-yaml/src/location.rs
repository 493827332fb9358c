//! Places in a text: 1-based lines and columns counted in characters.

/// A 1-based line and column in a file (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number, starting at 1.
    pub column: usize,
}

impl Location {
    /// The place just after `prefix`: where the next character of a text that starts
    /// with `prefix` is.
    pub fn after(prefix: &str) -> Self {
        let line = prefix.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Self { line, column }
    }

    /// The place of the byte at `offset` in `text` (clamped to the text, and moved back
    /// to the start of a character cut in the middle).
    pub fn of_byte(text: &str, offset: usize) -> Self {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Self::after(&text[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        assert_eq!(Location::after(""), Location { line: 1, column: 1 });
        assert_eq!(Location::after("ab\ncdé"), Location { line: 2, column: 4 });
        assert_eq!(
            Location::of_byte("é\nab", 0),
            Location { line: 1, column: 1 }
        );
        // Inside `é` (two bytes): the character's own place.
        assert_eq!(Location::of_byte("aé", 2), Location { line: 1, column: 2 });
        assert_eq!(
            Location::of_byte("a\nb", 99),
            Location { line: 2, column: 2 }
        );
    }
}
