//! Making untrusted text safe to print, and measuring it.
//!
//! Strings from data files may hold escape sequences that would drive the terminal
//! (change the title, write the clipboard, move the cursor) or characters that hide or
//! reorder text. Everything printed for a person goes through [`sanitize`].

use std::borrow::Cow;

/// True for characters that must never reach a terminal as they are.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Bidirectional overrides and isolates (the "Trojan Source" characters).
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            // Zero-width characters that can hide text, and the BOM.
            | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            // Line and paragraph separators, which some terminals treat as newlines.
            | '\u{2028}' | '\u{2029}'
        )
}

/// The text with every control, escape, bidi-override and zero-width character
/// replaced: tabs and newlines become a space, ESC and other C0/C1 controls become
/// `�` (U+FFFD, visible), the invisible formatting characters are removed.
/// Borrowed when nothing needed changing, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => clean.push(' '),
            c if c.is_control() => clean.push('\u{FFFD}'),
            c if is_unsafe(c) => {}
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending with `…` when cut; never splits a
/// character.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `text` cut or padded with spaces to exactly `columns` columns.
pub fn fit(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_neutralises_escapes_and_hidden_characters() {
        assert!(matches!(sanitize("Modérer les échanges"), Cow::Borrowed(_)));
        assert_eq!(
            sanitize("a\u{1b}]0;pwned\u{7}b"),
            "a\u{FFFD}]0;pwned\u{FFFD}b"
        );
        assert_eq!(sanitize("x\u{202E}y\u{200B}z"), "xyz");
        assert_eq!(sanitize("line\nbreak\ttab"), "line break tab");
        assert_eq!(sanitize("c1\u{9b}31m"), "c1\u{FFFD}31m");
    }

    #[test]
    fn truncate_counts_display_width() {
        assert_eq!(truncate("community", 5), "comm…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(width(&truncate("日本語テキスト", 5)), 5);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(fit("é", 3), "é  ");
        assert_eq!(truncate("abc", 0), "");
    }
}
