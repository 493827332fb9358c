//! Syntax errors in words a user can act on, at the place the parser gives.

use std::fmt;

use saphyr_parser::ScanError;

use crate::Location;

/// A YAML syntax error, or a limit hit while parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where, when there is a place (a file over the size limit has none).
    pub location: Option<Location>,
    /// What went wrong, without the position.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.location {
            write!(f, "{}:{}: ", at.line, at.column)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// The message for nesting over the depth limit.
pub(crate) fn too_deep(limit: usize) -> String {
    format!("nesting is too deep (over {limit} levels); rolediff data needs only a few levels")
}

/// A flow collection still open where the parser stopped: its bracket and place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OpenFlow {
    pub bracket: char,
    pub at: Location,
}

/// What the scanner's error means, said so that the user knows what to change, and the
/// place to show: the parser's own, or a nearer one when the message names a character
/// that the parser reports from further back (a tab).
pub(crate) fn describe(
    error: &ScanError,
    text: &str,
    at: Location,
    open_flow: Option<OpenFlow>,
) -> (Location, String) {
    let info = error.info();
    let closer = |open: OpenFlow| if open.bracket == '[' { ']' } else { '}' };
    let at_end = text[byte_of_char(text, error.marker().index())..]
        .trim()
        .is_empty();
    let message = if let (true, Some(open)) = (at_end, open_flow) {
        format!(
            "invalid YAML: the file ends inside the `{}` opened at {}:{}; close it with `{}`",
            open.bracket,
            open.at.line,
            open.at.column,
            closer(open)
        )
    } else if info.contains("mapping values are not allowed")
        || info.contains("illegal placement of ':'")
    {
        match open_flow {
            Some(open) => format!(
                "invalid YAML: `:` is not allowed here: the `{}` opened at {}:{} is not closed (add `{}` where it ends, or quote a value containing `: `)",
                open.bracket, open.at.line, open.at.column, closer(open)
            ),
            None => "invalid YAML: mapping values are not allowed here — check the indentation of this line or quote a value containing `: `".into(),
        }
    } else if info.contains("expected ',' or ']'") || info.contains("expected ',' or '}'") {
        match open_flow {
            Some(open) => format!(
                "invalid YAML: expected `,` or `{}` in the `{}` opened at {}:{}",
                closer(open),
                open.bracket,
                open.at.line,
                open.at.column
            ),
            None => format!("invalid YAML: {info}"),
        }
    } else if info.contains("tab") {
        let tab = first_tab_from_line_of(text, error.marker().index());
        return (
            tab.unwrap_or(at),
            "invalid YAML: found a tab character where YAML expects spaces; indent with spaces"
                .into(),
        );
    } else if info.contains("quoted scalar, found unexpected end of stream") {
        "invalid YAML: this quoted value is never closed: the file ends inside it (unexpected end of stream)".into()
    } else if info.contains("quoted scalar, found unexpected document indicator") {
        "invalid YAML: this quoted value is not closed before a `---` or `...` line".into()
    } else if info.contains("invalid Unicode character escape") {
        "invalid YAML: invalid Unicode escape in this quoted value: `\\u` and `\\U` must name a character (a surrogate such as `\\ud800` is not one)".into()
    } else if info.contains("unknown escape character") {
        "invalid YAML: unknown escape in this double-quoted value; write `\\\\` for a backslash, or use single quotes".into()
    } else if info.contains("unknown anchor") {
        let name = alias_name(text, error.marker().index());
        format!(
            "invalid YAML: alias `{name}` names no anchor defined before it (unknown anchor); define `&{}` first",
            name.trim_start_matches('*')
        )
    } else if info.contains("did not find expected node content") {
        "invalid YAML: expected a value here".into()
    } else if info.contains("did not find expected key") {
        "invalid YAML: expected a `key: value` line here — check the indentation of this line"
            .into()
    } else if info.contains("did not find expected '-' indicator") {
        "invalid YAML: expected a `- ` list item here — check the indentation of this line".into()
    } else if info.contains("unexpected eof") || info.contains("unexpected end") {
        "invalid YAML: the file ends in the middle of a value (unexpected end of stream)".into()
    } else {
        format!("invalid YAML: {info}")
    };
    (at, message)
}

/// The byte offset of the character at `char_index`, clamped to the text.
pub(crate) fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(at, _)| at)
}

/// The place of the first tab at or after the start of the line holding character
/// `char_index`: the scanner reports a tab in indentation from the scalar it was
/// reading, often on the line before.
fn first_tab_from_line_of(text: &str, char_index: usize) -> Option<Location> {
    let offset = byte_of_char(text, char_index);
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let tab = text[line_start..].find('\t')? + line_start;
    Some(Location::of_byte(text, tab))
}

/// The alias written at character `char_index` (`*name`), cut to 60 characters.
fn alias_name(text: &str, char_index: usize) -> String {
    let rest = &text[byte_of_char(text, char_index)..];
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
        .take(60)
        .collect()
}
