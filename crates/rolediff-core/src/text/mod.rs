//! Text helpers: making untrusted text safe to print and measuring it (here),
//! folding case and accents ([`fold`](mod@fold)), and slugs ([`slug`]).
//!
//! Strings from data files may hold escape sequences that would drive the terminal
//! (change the title, write the clipboard, move the cursor) or characters that hide or
//! reorder text. Everything printed for a person goes through [`sanitize`].

use std::borrow::Cow;

pub mod fold;
pub mod slug;

pub use fold::fold;
pub use slug::{is_slug, slugify};

/// What [`sanitize`] does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Treatment {
    /// Printed as it is.
    Keep,
    /// Shown as a space (line breaks and tabs: a label is one line).
    Space,
    /// Shown as `�` (U+FFFD), so that the reader sees something was there.
    Visible,
    /// Dropped: invisible characters that can only hide or disguise text.
    Drop,
}

fn treatment(c: char) -> Treatment {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Treatment::Space
        }
        // C0 and C1 controls (ESC, BEL, backspace, CSI 0x9B, OSC 0x9D, …) and DEL.
        c if c.is_control() => Treatment::Visible,
        // Bidirectional controls (the "Trojan Source" characters): they reorder what
        // is shown, so their place is made visible.
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Treatment::Visible,
        // Zero-width and invisible characters that can hide text: zero-width space,
        // joiners, word joiner and invisible operators, the BOM, the soft hyphen,
        // the Mongolian vowel separator, Hangul fillers (blank "letters"),
        // interlinear annotations and the tag characters (invisible ASCII copies).
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
        // Variation selectors: they change how the character before them is drawn
        // (an emoji two columns wide instead of one) without a width of their own, so
        // a terminal and the layout would disagree on where the line ends.
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0100}'..='\u{E01EF}' => Treatment::Drop,
        _ => Treatment::Keep,
    }
}

/// The text made safe for a terminal: tabs and line breaks become a space, ESC and
/// every other C0/C1 control and the bidirectional controls become `�` (U+FFFD,
/// visible), zero-width and other invisible characters are removed. What is left
/// cannot move the cursor, change colours, set the title or reorder the line.
/// Borrowed when nothing needed changing, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| treatment(c) == Treatment::Keep) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        match treatment(c) {
            Treatment::Keep => clean.push(c),
            Treatment::Space => clean.push(' '),
            Treatment::Visible => clean.push('\u{FFFD}'),
            Treatment::Drop => {}
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
    // Where the last character kept starts: a character's width can depend on the one
    // before it (U+FE0F turns ☺ into a 2-column emoji), so each step measures the pair.
    let mut last = 0;
    for c in text.chars() {
        let mut pair = String::from(&out[last..]);
        let before = width(&pair);
        pair.push(c);
        let w = width(&pair).saturating_sub(before);
        if used + w > max - 1 {
            break;
        }
        last = out.len();
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

/// `text` in lines of at most `columns` columns, broken between words; a word wider
/// than a line is broken inside, between characters. Nothing is lost: the lines hold
/// every character of `text` but the spaces they were broken at. One empty line for
/// an empty text. French typography puts a space before `;` `:` `!` `?` `»` and after
/// `«`: those spaces never break, so no line starts with a lone `;`.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in unbreakable_words(text) {
        let word = word.as_str();
        let needed = if line.is_empty() { 0 } else { 1 } + width(word);
        if width(&line) + needed <= columns {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone on new lines, cut between characters when it is too wide.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if width(&longer) > columns && !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                if c == ' ' {
                    continue;
                }
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
}

/// `text` with the spaces French typography puts before `;` `:` `!` `?` `»` and after
/// `«` made no-break spaces (U+00A0), for widgets that wrap text themselves (ratatui
/// never breaks a line at a no-break space).
pub fn no_break_before_punctuation(text: &str) -> Cow<'_, str> {
    if !text.contains([';', ':', '!', '?', '»', '«']) {
        return Cow::Borrowed(text);
    }
    let words = unbreakable_words(text);
    let joined = words
        .iter()
        .map(|word| word.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join(" ");
    Cow::Owned(joined)
}

/// The words of `text` split at spaces, a French punctuation mark kept with the word
/// it belongs to (`dit ;` and `« mot »` are one word each for wrapping).
fn unbreakable_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let glue_previous = word.starts_with([';', ':', '!', '?', '»']);
        match words.last_mut() {
            Some(last) if glue_previous || glue_next => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        glue_next = word == "«";
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_punctuation_gets_no_break_spaces() {
        assert_eq!(
            no_break_before_punctuation("dit ; « oui » ici"),
            "dit\u{a0}; «\u{a0}oui\u{a0}» ici"
        );
        assert!(matches!(
            no_break_before_punctuation("plain words"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn wrap_never_starts_a_line_with_french_punctuation() {
        assert_eq!(
            wrap("son périmètre ; smm-vs-cm dit « le poste » ici", 16),
            ["son périmètre ;", "smm-vs-cm dit", "« le poste » ici"]
        );
        assert_eq!(wrap("Quoi ? Oui !", 6), ["Quoi ?", "Oui !"]);
        // Narrower than the glued word: cut inside it, never leaving a space at an edge.
        assert_eq!(wrap("Quoi ?", 4), ["Quoi", "?"]);
    }

    #[test]
    fn wrap_breaks_between_words_and_loses_nothing() {
        assert_eq!(
            wrap("Define the digital strategy", 12),
            ["Define the", "digital", "strategy"]
        );
        assert_eq!(wrap("short", 12), ["short"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("日本語テキスト", 5), ["日本", "語テ", "キス", "ト"]);
        for line in wrap("a bb ccc dddd eeeee ffffff", 5) {
            assert!(width(&line) <= 5, "{line}");
        }
    }

    #[test]
    fn sanitize_neutralises_escapes_and_hidden_characters() {
        assert!(matches!(sanitize("Modérer les échanges"), Cow::Borrowed(_)));
        assert_eq!(
            sanitize("a\u{1b}]0;pwned\u{7}b"),
            "a\u{FFFD}]0;pwned\u{FFFD}b"
        );
        assert_eq!(sanitize("x\u{202E}y\u{200B}z"), "x\u{FFFD}yz");
        assert_eq!(sanitize("tag\u{E0041}\u{E0042}s\u{AD}"), "tags");
        assert_eq!(sanitize("del\u{7f}bs\u{8}"), "del\u{FFFD}bs\u{FFFD}");
        assert_eq!(sanitize("cr\r\nlf"), "cr  lf");
        assert_eq!(sanitize("line\nbreak\ttab"), "line break tab");
        assert_eq!(sanitize("c1\u{9b}31m"), "c1\u{FFFD}31m");
        assert_eq!(sanitize("\u{263A}\u{FE0F} ok\u{E0100}"), "\u{263A} ok");
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

    #[test]
    fn truncate_never_overflows_on_emoji_sequences_and_combining_marks() {
        for text in [
            "\u{263A}\u{FE0F}\u{263A}\u{FE0F}\u{263A}\u{FE0F}",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
            "👍🏽👍🏽👍🏽",
            "🇫🇷🇫🇷🇫🇷",
            "日本語テキスト",
        ] {
            for max in 0..10 {
                let cut = truncate(text, max);
                assert!(width(&cut) <= max, "{text:?} at {max}: {cut:?}");
                assert!(text.starts_with(cut.trim_end_matches('…')));
            }
        }
        // A combining mark stays with its letter.
        assert_eq!(truncate("ée\u{301}xyz", 3), "ée\u{301}…");
    }
}
