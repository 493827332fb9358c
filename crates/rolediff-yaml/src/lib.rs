//! rolediff's YAML reader: the value tree of a document and the place of every key and
//! value in it, from one pass over [saphyr-parser]'s events.
//!
//! - **Values**: plain scalars are resolved by the YAML 1.2 core schema (null, booleans,
//!   integers and floats including `.inf` and `.nan`); quoted and block scalars are
//!   strings. Mappings keep their entries in order, duplicate keys included, so that a
//!   reader can report them.
//! - **Positions**: [`Positions`] holds the line and column of every key and value,
//!   found by path ([`Step`]s) after the tree has been consumed.
//! - **Refused, with their place**: tags of every form (`!name`, `!!type`, verbatim
//!   `!<…>`, handles declared by `%TAG`), more than one document, control characters,
//!   a byte-order mark anywhere but at the start, nesting deeper than
//!   [`Limits::max_depth`], text longer than [`Limits::max_bytes`], and anchors and
//!   aliases that would repeat more than [`Limits::alias_budget`].
//!
//! Syntax errors come from the parser's own error and place (never from the text of a
//! message), reworded so that a user knows what to change.
//!
//! [saphyr-parser]: https://docs.rs/saphyr-parser

mod builder;
mod error;
mod location;
mod node;
mod positions;
mod scalar;
mod text;

pub use error::SyntaxError;
pub use location::Location;
pub use node::Node;
pub use positions::{Anchor, Positions, Step};

/// Limits that keep hostile text from exhausting time or memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest text accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of collections accepted.
    pub max_depth: usize,
    /// Longest single value (a scalar), in bytes: a name, a label or a note is a few
    /// hundred bytes, and a 15 MB name would make every frame of the view slow.
    pub max_value_bytes: usize,
    /// Anchors and aliases may repeat at most this many times the text's size…
    pub alias_factor: usize,
    /// …or this many bytes, whichever is more (a small file may share a long value).
    pub alias_floor: usize,
}

impl Default for Limits {
    /// 64 MiB of text, 128 levels, values of at most 1 MiB, aliases repeating at most
    /// twice the text or 1 MiB.
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 128,
            max_value_bytes: 1024 * 1024,
            alias_factor: 2,
            alias_floor: 1024 * 1024,
        }
    }
}

impl Limits {
    /// The weight anchors and aliases may add to a text of `len` bytes.
    ///
    /// Weight is what a node repeats: a scalar's bytes plus 8, a collection's children
    /// plus 8 (about what the parsed form costs per byte of text). An alias spends the
    /// weight of the node it names, expanded (aliases inside it included); an anchor
    /// spends its node's weight once, for the copy kept for its aliases. With the
    /// default limits, the nodes that aliases add can take at most about as much memory
    /// as twice the file's own tree: one 1 MB anchored string referenced 2,000 times is
    /// refused at its second alias instead of taking 4 GB.
    pub fn alias_budget(&self, len: usize) -> usize {
        len.saturating_mul(self.alias_factor).max(self.alias_floor)
    }
}

/// A parsed document: its value tree and the place of every key and value.
#[derive(Debug)]
pub struct Document {
    /// The value (`Node::Null` for a file without one).
    pub root: Node,
    /// Where each key and value is.
    pub positions: Positions,
    /// The weight anchors and aliases added (see [`Limits::alias_budget`]).
    pub expanded: usize,
}

/// Parses one YAML document into its value tree, with the default limits.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    parse_document(text).map(|document| document.root)
}

/// Parses one YAML document into its tree and positions, with the default limits.
pub fn parse_document(text: &str) -> Result<Document, SyntaxError> {
    parse_with(text, &Limits::default())
}

/// Parses one YAML document within `limits`. A leading byte-order mark is skipped;
/// line ends may be LF or CRLF.
pub fn parse_with(text: &str, limits: &Limits) -> Result<Document, SyntaxError> {
    parse_text(text, limits, None)
}

/// Parses one YAML document within `limits`, handing the items of its top-level lists
/// to `on_item` as soon as each is read, instead of keeping them in the tree: the items
/// of a document that is a list (`on_item(None, index, item)`), and of each list that is
/// the value of a key of a document that is a mapping (`on_item(Some(key), index,
/// item)`; only the first entry with a key: the tree keeps later duplicates whole).
/// The tree holds an empty list where the items were. Positions are recorded for every
/// node, streamed or not; aliases may name anchors of earlier items.
///
/// Why: a data set is a few long lists, and only one item need exist as a tree at a
/// time. The tree of a long list takes several times its text; its positions take
/// 12 bytes a node. When the text has a syntax error, the items before it have been
/// handed over: a caller that wants all or nothing keeps them apart until the end.
pub fn parse_streaming(
    text: &str,
    limits: &Limits,
    mut on_item: impl FnMut(Option<&str>, usize, Node),
) -> Result<Document, SyntaxError> {
    parse_text(text, limits, Some(&mut on_item))
}

fn parse_text(
    text: &str,
    limits: &Limits,
    on_item: Option<builder::OnItem<'_>>,
) -> Result<Document, SyntaxError> {
    if text.len() > limits.max_bytes {
        return Err(SyntaxError {
            location: None,
            message: format!(
                "the file is over the size limit of {} MiB",
                limits.max_bytes / (1024 * 1024)
            ),
        });
    }
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if let Some((offset, c)) = text::forbidden_character(text) {
        let mut at = Location::of_byte(text, offset);
        // Columns count the byte-order mark, as the parser's places do.
        at.column += usize::from(bom && at.line == 1);
        let message = if c == '\u{feff}' {
            "invalid YAML: a byte-order mark (U+FEFF) is allowed only at the very start of the file; remove this one".to_string()
        } else {
            format!(
                "invalid YAML: control characters are not allowed (found U+{:04X}); remove it, or write it as an escape inside double quotes",
                u32::from(c)
            )
        };
        return Err(SyntaxError {
            location: Some(at),
            message,
        });
    }
    builder::build(text, bom, limits, on_item)
}

#[cfg(test)]
mod tests;
