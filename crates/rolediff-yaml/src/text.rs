//! Checks on the raw text that the event parser does not make.

/// Bytes worth a closer look in [`forbidden_character`]: ASCII controls other than tab,
/// line feed and carriage return, DEL, and the lead bytes of the only two-byte and
/// three-byte sequences that can encode a forbidden character (`C2`: U+0080–U+00BF,
/// `EF`: U+F000–U+FFFF).
const SUSPICIOUS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xEF] = true;
    table
};

/// The byte offset and code point of the first character YAML does not allow in a
/// file, if any: C0 and C1 controls other than tab, line ends and NEL (U+0085), DEL,
/// U+FFFE, U+FFFF, and a byte-order mark anywhere but at the very start (the caller
/// strips that one).
///
/// Why: the parser accepts raw control characters inside plain scalars, and a value
/// holding ESC or BEL would reach messages and the terminal. YAML 1.2 forbids them
/// (`c-printable`); libyaml refused them, and so does rolediff.
pub(crate) fn forbidden_character(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&b| SUSPICIOUS[usize::from(b)])
    {
        let at = from + found;
        let forbidden = match bytes[at] {
            0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x84 | 0x86..=0x9F)),
            0xEF => matches!(
                (bytes.get(at + 1), bytes.get(at + 2)),
                (Some(0xBF), Some(0xBE | 0xBF)) | (Some(0xBB), Some(0xBF))
            ),
            _ => true,
        };
        if forbidden {
            // `at` starts a character: every byte found is ASCII or a lead byte.
            return text[at..].chars().next().map(|c| (at, c));
        }
        from = at + 1;
    }
    None
}

/// The bytes the nesting scan stops at outside quotes and comments.
const PLAIN_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut i = 0;
    let wanted = b"[{]}#'\"";
    while i < wanted.len() {
        stops[wanted[i] as usize] = true;
        i += 1;
    }
    stops
};

/// The byte offset where flow collections (`[`, `{`) first nest deeper than `limit`.
///
/// Used only after the parser's scanner gave up on flow nesting (it stops at 255 levels,
/// before the events of the 129th level reach the tree builder), to point at the level
/// that broke rolediff's own limit. It skips quoted scalars and comments; a bracket
/// inside a plain or block scalar is counted, which could only matter to a file that
/// the parser already refused for its nesting.
pub(crate) fn flow_deeper_than(text: &str, limit: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Single,
        Double,
        Comment,
    }
    // Bytes, not characters: every byte that matters here is ASCII, and the bytes of a
    // multi-byte character are never ASCII.
    let bytes = text.as_bytes();
    let next = |from: usize, wanted: fn(u8) -> bool| {
        bytes[from..]
            .iter()
            .position(|&b| wanted(b))
            .map(|p| from + p)
    };
    let mut state = State::Plain;
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let found = match state {
            State::Plain => next(i, |b| PLAIN_STOPS[usize::from(b)]),
            State::Single => next(i, |b| b == b'\''),
            State::Double => next(i, |b| b == b'"' || b == b'\\'),
            State::Comment => next(i, |b| b == b'\n'),
        };
        let Some(at) = found else { break };
        let c = bytes[at];
        let previous = if at == 0 { b'\n' } else { bytes[at - 1] };
        i = at + 1;
        match state {
            State::Plain => match c {
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Some(at);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'#' if previous.is_ascii_whitespace() => state = State::Comment,
                // A quote opens a quoted scalar only where a scalar can start.
                b'\'' | b'"' if previous.is_ascii_whitespace() || b"[{,:-?".contains(&previous) => {
                    state = if c == b'"' {
                        State::Double
                    } else {
                        State::Single
                    };
                }
                _ => {}
            },
            // An escape: the next byte is skipped, whatever it is.
            State::Double if c == b'\\' => i = at + 2,
            _ => state = State::Plain,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_found_where_they_are() {
        assert_eq!(forbidden_character("a: b\n\tc: 'é €'\r\n"), None);
        assert_eq!(forbidden_character("a: x\u{1b}y"), Some((4, '\u{1b}')));
        assert_eq!(forbidden_character("é\u{7f}"), Some((2, '\u{7f}')));
        // C1 controls but NEL; U+00A0 and the rest of Latin-1 are text.
        assert_eq!(forbidden_character("\u{85}\u{a0}«»"), None);
        assert_eq!(forbidden_character("«\u{9b}"), Some((2, '\u{9b}')));
        assert_eq!(
            forbidden_character("\u{fffd}\u{fffe}"),
            Some((3, '\u{fffe}'))
        );
        assert_eq!(forbidden_character("x\u{feff}"), Some((1, '\u{feff}')));
        assert_eq!(forbidden_character("\u{f000}\u{fb01}"), None);
        assert_eq!(forbidden_character("a\0"), Some((1, '\0')));
    }

    /// The nesting scan as first written: one byte at a time. The jumping scan must
    /// find the same place.
    fn flow_deeper_than_reference(text: &str, limit: usize) -> Option<usize> {
        #[derive(PartialEq)]
        enum State {
            Plain,
            Single,
            Double,
            Comment,
        }
        let mut state = State::Plain;
        let mut depth = 0usize;
        let mut previous = b'\n';
        let mut escaped = false;
        for (at, &c) in text.as_bytes().iter().enumerate() {
            match state {
                State::Plain => match c {
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > limit {
                            return Some(at);
                        }
                    }
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    b'#' if previous.is_ascii_whitespace() => state = State::Comment,
                    b'\'' | b'"'
                        if previous.is_ascii_whitespace() || b"[{,:-?".contains(&previous) =>
                    {
                        state = if c == b'"' {
                            State::Double
                        } else {
                            State::Single
                        };
                    }
                    _ => {}
                },
                State::Single if c == b'\'' => state = State::Plain,
                State::Double if escaped => escaped = false,
                State::Double if c == b'\\' => escaped = true,
                State::Double if c == b'"' => state = State::Plain,
                State::Comment if c == b'\n' => state = State::Plain,
                _ => {}
            }
            previous = c;
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn nesting_scan_finds_the_place_the_byte_scan_finds(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[", "{", "]", "}", "#", "'", "\"", "\\", "\n", " ", ",", ":", "-", "?",
                    "a", "é", "€x", "''",
                ]),
                0..80,
            ),
            limit in 0usize..6,
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(
                flow_deeper_than(&text, limit),
                flow_deeper_than_reference(&text, limit)
            );
        }

        /// The table scan agrees with a check of every character.
        #[test]
        fn forbidden_character_agrees_with_a_character_check(text in "\\PC{0,12}|[\\x00-\\x{a0}\\x{feff}\\x{fffe}\\x{ffff}a-z]{0,12}") {
            let expected = text.char_indices().find(|&(_, c)| {
                matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
            });
            proptest::prop_assert_eq!(forbidden_character(&text), expected);
        }
    }
}
