//! The YAML boundary: the only module that knows which YAML crates rolediff uses.
//!
//! Parsing goes through `serde_yaml` (the `yaml_serde` crate) into our own [`Node`]
//! tree, so the rest of the loader never sees a parser type and the parser could be
//! swapped here alone. `serde_yaml` already guards against alias bombs (a repetition
//! limit) and absurd nesting (a recursion limit), and reports syntax errors with a
//! line and column.
//!
//! Node trees carry no positions, which keeps the common path (valid data) as cheap as
//! parsing itself. Positions are needed only to report problems, so [`Positions`] is
//! built on demand, from a second, span-aware pass (saphyr-parser's event stream), only
//! for files that have something to report.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostics::{Anchor, Location, YamlPath};

/// A parsed YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string (quoted or plain). Mapping keys that are field names of the formats
    /// are borrowed: a catalogue repeats the same few keys hundreds of thousands of times.
    String(Cow<'static, str>),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order; duplicate keys are kept so that validation can
    /// report them.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// What kind of value this is, for messages ("expected a list, found a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing (null)",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }
    // Integers too big for 64 bits are still numbers (validation then says out of
    // range), not a type error in the parser's words.
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(key) = map.next_key_seed(KeySeed)? {
            entries.push((key, map.next_value()?));
        }
        Ok(Node::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Node, A::Error> {
        Err(de::Error::custom(
            "YAML tags (`!name`) are not supported here; remove the tag",
        ))
    }
}

/// Reads a mapping key: a field name of the formats is borrowed, anything else is read
/// as any other value.
struct KeySeed;

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(match known_key(v) {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(v.to_owned()),
        }))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(match known_key(&v) {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(v),
        }))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        NodeVisitor.visit_unit()
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        NodeVisitor.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        NodeVisitor.visit_some(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        NodeVisitor.visit_bool(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        NodeVisitor.visit_i64(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        NodeVisitor.visit_u64(v)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        NodeVisitor.visit_i128(v)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        NodeVisitor.visit_u128(v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        NodeVisitor.visit_f64(v)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Node, A::Error> {
        NodeVisitor.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Node, A::Error> {
        NodeVisitor.visit_map(map)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        NodeVisitor.visit_enum(data)
    }
}

/// The static name of a field of the data or config formats, if `key` is one.
fn known_key(key: &str) -> Option<&'static str> {
    crate::diagnostics::known_key_position(key).map(|i| crate::diagnostics::KNOWN_KEYS[i])
}

/// A YAML syntax error (or a limit hit while parsing).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where, when the parser knows.
    pub location: Option<Location>,
    /// What went wrong, without the position.
    pub message: String,
}

/// Parses one YAML document. A leading byte-order mark is ignored.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(location) = too_deep_flow(text) {
        return Err(SyntaxError {
            location: Some(location),
            message: TOO_DEEP.into(),
        });
    }
    parse_document(text)
}

fn parse_document(text: &str) -> Result<Node, SyntaxError> {
    serde_yaml::from_str::<Node>(text).map_err(|error| {
        let raw = error.to_string();
        // Reader errors (control characters, bad encoding) give a byte offset,
        // "at position N", and no useful line: turn the offset into a place.
        let location = match byte_position(&raw) {
            Some(offset) => Some(location_of_byte(text, offset)),
            None => error.location().map(|l| Location {
                line: l.line(),
                column: l.column(),
            }),
        };
        SyntaxError {
            location,
            message: describe_syntax_error(&raw),
        }
    })
}

/// Text per batch of [`read_list_in_batches`].
const BATCH_BYTES: usize = 64 * 1024;

/// Hands the items of a large top-level block list (a task catalogue) to `read` a
/// batch at a time, with the index of the batch's first item. Returns `false` when the
/// text is not such a list or a batch does not parse cleanly on its own: the caller
/// then undoes what `read` did and uses [`parse`], which reports any error.
///
/// Why: the parser records a whole document's events before building any value, about
/// 17 bytes of memory per byte of text, and the tree built from them costs about five
/// more, so a 3 MB `tasks.yaml` read whole peaked at 50 MB. Items of a block list start
/// with `- ` at column 0, and nothing inside an item can start a line there (block
/// scalars and flow continuations are indented), so the text splits into runs of whole
/// items. Each run must parse to exactly as many items as it has `- ` lines: an alias
/// to an anchor of another run, a quoted scalar cut in two or anything unusual fails
/// that test, and the whole text is then parsed at once.
pub fn read_list_in_batches(text: &str, read: impl FnMut(usize, Vec<Node>)) -> bool {
    read_list_in_batches_of(text, BATCH_BYTES, read)
}

/// [`read_list_in_batches`] with runs of about `batch_bytes` (tests use small ones).
fn read_list_in_batches_of(
    text: &str,
    batch_bytes: usize,
    mut read: impl FnMut(usize, Vec<Node>),
) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() <= batch_bytes || too_deep_flow(text).is_some() {
        return false;
    }
    let Some(starts) = item_starts(text).filter(|starts| !starts.is_empty()) else {
        return false;
    };
    let mut first = 0;
    while first < starts.len() {
        let begin = if first == 0 { 0 } else { starts[first] };
        let mut last = first + 1;
        while last < starts.len() && starts[last] - begin < batch_bytes {
            last += 1;
        }
        let end = starts.get(last).copied().unwrap_or(text.len());
        match serde_yaml::from_str::<Node>(&text[begin..end]) {
            Ok(Node::Seq(batch)) if batch.len() == last - first => read(first, batch),
            _ => return false,
        }
        first = last;
    }
    true
}

/// Byte offsets of the lines that start an item of a top-level block list, or `None`
/// when something other than comments and blank lines comes before the first item.
fn item_starts(text: &str) -> Option<Vec<usize>> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if body == "-" || body.starts_with("- ") {
            starts.push(offset);
        } else if body.starts_with("---") || body.starts_with("...") || body.starts_with('%') {
            // Document markers and directives: two runs could each be a valid document
            // where the whole text is not one.
            return None;
        } else if starts.is_empty() && !(body.trim().is_empty() || body.starts_with('#')) {
            return None;
        }
        offset += line.len();
    }
    Some(starts)
}

/// A large top-level list parsed in batches into one tree, or `None`: what the loader
/// reads through [`read_list_in_batches`], for tests to compare with [`parse`].
#[cfg(test)]
fn parse_list_in_batches(text: &str) -> Option<Node> {
    let mut items = Vec::new();
    read_list_in_batches(text, |_, batch| items.extend(batch)).then_some(Node::Seq(items))
}

/// Tags of the compact form of a [`Node`] ([`encode`], [`decode`]).
mod tag {
    pub const NULL: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const NUMBER: u8 = 3;
    pub const STRING: u8 = 4;
    pub const SEQ: u8 = 5;
    pub const MAP: u8 = 6;
}

/// Appends a compact binary form of `node` to `out`: a tag byte, then a number's eight
/// bytes, a string's length and UTF-8 bytes, or a list's or mapping's length and items
/// (lengths as four little-endian bytes).
///
/// Why: the bundled data is parsed when rolediff is built (`build.rs` runs [`parse`]
/// and stores this form), so that a command on the bundled data decodes trees, ten
/// times faster than parsing the YAML again, and then checks them like any data set.
pub fn encode(node: &Node, out: &mut Vec<u8>) {
    let length = |out: &mut Vec<u8>, n: usize| {
        out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes())
    };
    match node {
        Node::Null => out.push(tag::NULL),
        Node::Bool(false) => out.push(tag::FALSE),
        Node::Bool(true) => out.push(tag::TRUE),
        Node::Number(n) => {
            out.push(tag::NUMBER);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Node::String(s) => {
            out.push(tag::STRING);
            length(out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
        Node::Seq(items) => {
            out.push(tag::SEQ);
            length(out, items.len());
            for item in items {
                encode(item, out);
            }
        }
        Node::Map(entries) => {
            out.push(tag::MAP);
            length(out, entries.len());
            for (key, value) in entries {
                encode(key, out);
                encode(value, out);
            }
        }
    }
}

/// The tree [`encode`] wrote, or `None` when `bytes` are not exactly one encoded tree
/// (the loader then parses the text instead).
pub fn decode(bytes: &[u8]) -> Option<Node> {
    let mut rest = bytes;
    let node = decode_node(&mut rest, false, 0)?;
    rest.is_empty().then_some(node)
}

fn decode_node(rest: &mut &[u8], is_key: bool, depth: usize) -> Option<Node> {
    fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        if rest.len() < n {
            return None;
        }
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        Some(head)
    }
    fn length(rest: &mut &[u8]) -> Option<usize> {
        let bytes: [u8; 4] = take(rest, 4)?.try_into().ok()?;
        Some(u32::from_le_bytes(bytes) as usize)
    }
    if depth > MAX_DEPTH {
        return None;
    }
    let tag = *take(rest, 1)?.first()?;
    Some(match tag {
        tag::NULL => Node::Null,
        tag::FALSE => Node::Bool(false),
        tag::TRUE => Node::Bool(true),
        tag::NUMBER => Node::Number(f64::from_le_bytes(take(rest, 8)?.try_into().ok()?)),
        tag::STRING => {
            let len = length(rest)?;
            let text = std::str::from_utf8(take(rest, len)?).ok()?;
            Node::String(match known_key(text).filter(|_| is_key) {
                Some(known) => Cow::Borrowed(known),
                None => Cow::Owned(text.to_owned()),
            })
        }
        tag::SEQ => {
            let len = length(rest)?;
            // Each item takes at least one byte: a bad length cannot reserve much.
            let mut items = Vec::with_capacity(len.min(rest.len()));
            for _ in 0..len {
                items.push(decode_node(rest, false, depth + 1)?);
            }
            Node::Seq(items)
        }
        tag::MAP => {
            let len = length(rest)?;
            let mut entries = Vec::with_capacity(len.min(rest.len() / 2));
            for _ in 0..len {
                let key = decode_node(rest, true, depth + 1)?;
                entries.push((key, decode_node(rest, false, depth + 1)?));
            }
            Node::Map(entries)
        }
        _ => return None,
    })
}

/// The N of an "at position N" in a parser message.
fn byte_position(raw: &str) -> Option<usize> {
    let start = raw.find(" at position ")? + " at position ".len();
    let digits: String = raw[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Line and column (in characters) of a byte offset; clamped to the text.
fn location_of_byte(text: &str, offset: usize) -> Location {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, column }
}

/// Deepest nesting accepted, the parser's own recursion limit.
const MAX_DEPTH: usize = 128;

const TOO_DEEP: &str =
    "nesting is too deep (over 128 levels); rolediff data needs only a few levels";

/// Where flow collections (`[`, `{`) first nest deeper than [`MAX_DEPTH`], if they do.
///
/// The parser refuses such nesting too, but only after scanning it, and its scanner
/// is quadratic in the depth of nested flow mappings (`{a: {a: …`): 160,000 levels,
/// 640 KB, took four minutes. This linear pre-scan refuses them first. It skips
/// quoted scalars and comments; a bracket inside a plain or block scalar is counted,
/// which could only matter to a file with over 128 unclosed brackets in its text.
fn too_deep_flow(text: &str) -> Option<Location> {
    // Nesting deeper than the limit needs more opening brackets than the limit: most
    // files have a handful, and a count is far cheaper than the scan below.
    let opening = text.bytes().filter(|&b| b == b'[' || b == b'{').count();
    if opening <= MAX_DEPTH {
        return None;
    }
    flow_deeper_than(text, MAX_DEPTH)
}

/// The bytes the nesting scan stops at outside quotes and comments (a table: tested
/// once per byte of a catalogue).
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

/// Where flow collections first nest deeper than `limit`: the scan of [`too_deep_flow`].
fn flow_deeper_than(text: &str, limit: usize) -> Option<Location> {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Single,
        Double,
        Comment,
    }
    // Bytes, not characters: every byte that matters here is ASCII, and the bytes of a
    // multi-byte character are never ASCII. The scan jumps from one byte that matters
    // to the next; the line and column are worked out only for an error.
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
                        return Some(location_of_byte(text, at));
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

/// Turns the parser's wording into ours: positions are stripped (they are reported
/// separately) and the limits get an explanation a user can act on.
fn describe_syntax_error(raw: &str) -> String {
    let message = strip_positions(raw);
    if message.contains("recursion limit exceeded") {
        TOO_DEEP.into()
    } else if message.contains("repetition limit exceeded") {
        "too many alias expansions (`*name`): this looks like an alias bomb; use anchors sparingly"
            .into()
    } else if message.contains("more than one document") {
        "the file holds more than one YAML document (`---`); put everything in one".into()
    } else {
        format!("invalid YAML: {message}")
    }
}

/// Removes every " at line N column M" (and the libyaml form "at position N") piece.
fn strip_positions(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find(" at line ") {
        out.push_str(&rest[..start]);
        let after = &rest[start + " at line ".len()..];
        // Skip "N column M" (digits, spaces, the word column).
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    if let Some(start) = out.find(" at position ") {
        let after = &out[start + " at position ".len()..];
        let end = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        out = format!("{}{}", &out[..start], &after[end..]);
    }
    out.trim().to_string()
}

/// Positions of every key and value in a document, by YAML path.
#[derive(Debug, Default)]
pub struct Positions {
    by_path: HashMap<YamlPath, (Option<Location>, Location)>,
}

impl Positions {
    /// Indexes `text`. Never fails: a document the span-aware pass cannot read yields
    /// fewer positions, and [`Positions::locate`] falls back to the nearest parent.
    pub fn build(text: &str) -> Self {
        Self::index(text, |_| true)
    }

    /// Indexes `text` at the paths in `wanted` only.
    pub fn build_for(text: &str, wanted: &HashSet<YamlPath>) -> Self {
        Self::index(text, |path| wanted.contains(path))
    }

    fn index(text: &str, wanted: impl Fn(&YamlPath) -> bool) -> Self {
        use saphyr_parser::{Event, Parser};

        enum Frame {
            Seq {
                path: YamlPath,
                next: usize,
            },
            Map {
                path: YamlPath,
                key: Option<(String, Location)>,
                expecting_key: bool,
            },
        }

        // Markers count characters; a BOM would shift every column of line 1.
        let (text, bom) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, 1),
            None => (text, 0),
        };
        let mut by_path = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let here = Location {
                line: span.start.line(),
                column: span.start.col() + 1 + if span.start.line() == 1 { bom } else { 0 },
            };
            let is_value_start = matches!(
                event,
                Event::Scalar(..)
                    | Event::SequenceStart(..)
                    | Event::MappingStart(..)
                    | Event::Alias(_)
            );
            let mut value_path = None;
            if is_value_start {
                match stack.last_mut() {
                    None => value_path = Some((YamlPath::root(), None)),
                    Some(Frame::Seq { path, next }) => {
                        value_path = Some((path.index(*next), None));
                        *next += 1;
                    }
                    Some(Frame::Map {
                        path,
                        key,
                        expecting_key,
                    }) => {
                        if *expecting_key {
                            *expecting_key = false;
                            *key = match &event {
                                Event::Scalar(text, ..) => Some((text.to_string(), here)),
                                _ => None,
                            };
                            if !matches!(event, Event::Scalar(..) | Event::Alias(_)) {
                                // A complex key: index nothing under it.
                                stack.push(match event {
                                    Event::SequenceStart(..) => Frame::Seq {
                                        path: YamlPath::root().key("?"),
                                        next: 0,
                                    },
                                    _ => Frame::Map {
                                        path: YamlPath::root().key("?"),
                                        key: None,
                                        expecting_key: true,
                                    },
                                });
                            }
                            continue;
                        }
                        *expecting_key = true;
                        value_path = key.take().map(|(k, at)| (path.key(&k), Some(at)));
                    }
                }
            }
            match event {
                Event::SequenceStart(..) => {
                    let path = value_path
                        .as_ref()
                        .map(|(p, _)| p.clone())
                        .unwrap_or_default();
                    if let Some((p, key_at)) = value_path.filter(|(p, _)| wanted(p)) {
                        by_path.insert(p, (key_at, here));
                    }
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingStart(..) => {
                    let path = value_path
                        .as_ref()
                        .map(|(p, _)| p.clone())
                        .unwrap_or_default();
                    if let Some((p, key_at)) = value_path.filter(|(p, _)| wanted(p)) {
                        by_path.insert(p, (key_at, here));
                    }
                    stack.push(Frame::Map {
                        path,
                        key: None,
                        expecting_key: true,
                    });
                }
                Event::Scalar(..) | Event::Alias(_) => {
                    if let Some((p, key_at)) = value_path.filter(|(p, _)| wanted(p)) {
                        by_path.insert(p, (key_at, here));
                    }
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Self { by_path }
    }

    /// The position of the key or value at `path`, or of its nearest indexed parent.
    pub fn locate(&self, path: &YamlPath, anchor: Anchor) -> Option<Location> {
        let mut len = path.len();
        let mut exact = true;
        loop {
            if let Some((key_at, value_at)) = self.by_path.get(&path.prefix(len)) {
                return Some(match (anchor, exact, key_at) {
                    (Anchor::Key, true, Some(key_at)) => *key_at,
                    // A parent of a missing field: point at the parent's key when it has one.
                    (_, false, Some(key_at)) => *key_at,
                    _ => *value_at,
                });
            }
            len = len.checked_sub(1)?;
            exact = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_scalars_lists_and_mappings_in_order() {
        let node = parse("b: 1\na: [x, 2.5, true, ~]\n").unwrap();
        let Node::Map(entries) = node else {
            panic!("not a map")
        };
        assert_eq!(entries[0], (Node::String("b".into()), Node::Number(1.0)));
        assert_eq!(
            entries[1].1,
            Node::Seq(vec![
                Node::String("x".into()),
                Node::Number(2.5),
                Node::Bool(true),
                Node::Null
            ])
        );
    }

    #[test]
    fn keeps_duplicate_keys_for_validation() {
        let Node::Map(entries) = parse("a: 1\na: 2\n").unwrap() else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn syntax_error_has_location_and_no_position_in_message() {
        let error = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(error.location.is_some());
        assert!(
            error.message.starts_with("invalid YAML"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("at line"), "{}", error.message);
    }

    #[test]
    fn alias_bomb_fails_fast_with_an_explanation() {
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut previous = 'a';
        for name in 'b'..='i' {
            bomb.push_str(&format!("{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"));
            previous = name;
        }
        let error = parse(&bomb).unwrap_err();
        assert!(error.message.contains("alias bomb"), "{}", error.message);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let error = parse(&deep).unwrap_err();
        assert!(error.message.contains("too deep"), "{}", error.message);
    }

    #[test]
    fn control_characters_are_located_from_the_byte_offset() {
        let error = parse("a: 1\nb: x\u{1b}y\n").unwrap_err();
        assert_eq!(error.location, Some(Location { line: 2, column: 5 }));
        assert!(!error.message.contains("position"), "{}", error.message);
    }

    #[test]
    fn huge_integers_are_numbers() {
        let node = parse("a: 99999999999999999999999999999999\n").unwrap();
        let Node::Map(entries) = node else { panic!() };
        assert!(matches!(entries[0].1, Node::Number(n) if n > 1e31));
    }

    #[test]
    fn deep_flow_mappings_are_refused_before_the_parser_sees_them() {
        // Quadratic in the parser: this must be refused by the linear pre-scan.
        let deep = format!("a: {}1{}", "{a: ".repeat(200_000), "}".repeat(200_000));
        let error = parse(&deep).unwrap_err();
        assert!(error.message.contains("too deep"), "{}", error.message);
        assert_eq!(
            error.location,
            Some(Location {
                line: 1,
                column: 4 + 128 * 4
            })
        );
        // Brackets in quotes and comments do not count; apostrophes in plain text
        // do not open a quote.
        let quoted = format!(
            "a: \"{}\"\nb: '{}'\n# {}\nc: l'{}\n",
            "{".repeat(500),
            "[".repeat(500),
            "{".repeat(500),
            "x"
        );
        assert!(parse(&quoted).is_ok());
        // Columns count characters, not bytes.
        let accented = format!("é: {}", "[".repeat(200));
        assert_eq!(
            parse(&accented).unwrap_err().location,
            Some(Location {
                line: 1,
                column: 3 + 129
            })
        );
        let sneaky = format!("c: l'a {}", "{a: ".repeat(300));
        assert!(parse(&sneaky).unwrap_err().message.contains("too deep"));
    }

    #[test]
    fn large_lists_parse_in_batches_to_the_same_tree() {
        // Over three batches, with comments, anchors inside an item, a block scalar
        // whose lines look like list items, CRLF line ends and a nested list.
        let mut text = String::from("# catalogue\n\n");
        for i in 0..3000 {
            text.push_str(&format!(
                "- id: task-{i}\n  label: &l{i} {{fr: \"Tâche {i}\", en: 'Task {i}'}}\n  again: *l{i}\n  # note\n  body: |\n    - not an item\n    line two\n  nested:\n  - a\n  - [b, c]\r\n"
            ));
        }
        assert!(text.len() > 3 * BATCH_BYTES);
        let batched = parse_list_in_batches(&text).expect("batched");
        assert_eq!(batched, parse_document(&text).unwrap());
        let Node::Seq(items) = &batched else { panic!() };
        assert_eq!(items.len(), 3000);
        assert_eq!(parse(&text).unwrap(), batched);
    }

    #[test]
    fn batches_fall_back_to_the_whole_document() {
        let mut text = String::from("- &shared {id: a}\n");
        for i in 0..5000 {
            text.push_str(&format!("- {{id: t{i}, label: some label text here}}\n"));
        }
        // An alias to an anchor of the first batch: only the whole document resolves it.
        text.push_str("- *shared\n");
        assert!(parse_list_in_batches(&text).is_none());
        let Node::Seq(items) = parse(&text).unwrap() else {
            panic!()
        };
        assert_eq!(items.len(), 5002);
        assert_eq!(items[0], items[5001]);
        // A syntax error far down keeps its real line.
        let broken = format!("{}- {{id: x\n", &text[..text.len() - "- *shared\n".len()]);
        let error = parse(&broken).unwrap_err();
        assert_eq!(error.location.map(|l| l.line), Some(5003));
        // Two documents, whatever the batches: parsed whole, and refused.
        let half = text.len() / 2;
        let at = half + text[half..].find("\n- ").unwrap() + 1;
        let documents = format!("{}...\n{}", &text[..at], &text[at..]);
        assert!(parse_list_in_batches(&documents).is_none());
        assert!(parse(&documents).is_err());
        // Not a list at the top: parsed whole.
        let mapping = format!("tasks:\n{}", text.replace("\n- ", "\n  - "));
        assert!(parse_list_in_batches(&mapping).is_none());
    }

    #[test]
    fn trees_survive_their_compact_form() {
        let text = "a: [1, -2.5, true, false, ~, \"é\"]\nlabel: {fr: Un, en: ''}\n9: {}\n";
        let node = parse(text).unwrap();
        let mut bytes = Vec::new();
        encode(&node, &mut bytes);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded, node);
        // Field-name keys come back borrowed, values owned.
        let Node::Map(entries) = &decoded else {
            panic!()
        };
        assert!(matches!(
            &entries[1].0,
            Node::String(Cow::Borrowed("label"))
        ));
        // Truncated, padded or unknown bytes are refused, never a panic.
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(decode(&padded), None);
        assert_eq!(decode(&[9]), None);
        assert_eq!(decode(&[tag::SEQ, 255, 255, 255, 255]), None);
    }

    proptest::proptest! {
        /// Lists cut into runs of a few items parse to the tree of the whole text, or
        /// are refused (and then parsed whole): never a different tree, never a tree
        /// where the whole text is an error.
        #[test]
        fn batches_never_change_the_tree(
            items in proptest::collection::vec(
                proptest::sample::select(vec![
                    "- a\n",
                    "- {id: x, label: 'y'}\n",
                    "- &k [1, 2]\n",
                    "- *k\n",
                    "- \"quoted\n- still quoted\"\n",
                    "- 'single\n- too'\n",
                    "- |\n  - block\n  text\n",
                    "- key: v\n  other: w\n",
                    "# comment\n",
                    "...\n",
                    "---\n",
                    "-\n",
                    "- [open\n",
                    "- close]\n",
                    "- x: {a: 1,\n- b: 2}\n",
                    "\n",
                    "- - nested\n  - list\n",
                    "- \"é\"\r\n",
                    "%TAG ! x\n",
                ]),
                1..40,
            ),
            batch in 1usize..64,
        ) {
            let text: String = items.concat();
            let mut batched = Vec::new();
            let whole = parse_document(&text);
            if read_list_in_batches_of(&text, batch, |_, items| batched.extend(items)) {
                proptest::prop_assert_eq!(whole, Ok(Node::Seq(batched)));
            }
        }
    }

    /// The nesting scan as first written: one byte at a time, counting lines and
    /// columns as it goes. The jumping scan must find the same place.
    fn flow_deeper_than_reference(text: &str, limit: usize) -> Option<Location> {
        #[derive(PartialEq)]
        enum State {
            Plain,
            Single,
            Double,
            Comment,
        }
        let mut state = State::Plain;
        let mut depth = 0usize;
        let (mut line, mut column) = (1, 0);
        let mut previous = b'\n';
        let mut escaped = false;
        for &c in text.as_bytes() {
            if c & 0xC0 != 0x80 {
                column += 1;
            }
            match state {
                State::Plain => match c {
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > limit {
                            return Some(Location { line, column });
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
            if c == b'\n' {
                line += 1;
                column = 0;
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
    }

    #[test]
    fn bom_is_ignored() {
        assert_eq!(parse("\u{feff}a: 1\n").unwrap(), parse("a: 1\n").unwrap());
    }

    #[test]
    fn positions_of_keys_and_values() {
        let text = "- id: one\n  label:\n    fr: Un\n- id: two\n  lable: x\n";
        let positions = Positions::build(text);
        let second = YamlPath::root().index(1);
        assert_eq!(
            positions.locate(&second.key("lable"), Anchor::Key),
            Some(Location { line: 5, column: 3 })
        );
        assert_eq!(
            positions.locate(&second.key("lable"), Anchor::Value),
            Some(Location {
                line: 5,
                column: 10
            })
        );
        assert_eq!(
            positions.locate(
                &YamlPath::root().index(0).key("label").key("fr"),
                Anchor::Value
            ),
            Some(Location { line: 3, column: 9 })
        );
        // A missing field points at its parent's key.
        assert_eq!(
            positions.locate(
                &YamlPath::root().index(0).key("label").key("en"),
                Anchor::Value
            ),
            Some(Location { line: 2, column: 3 })
        );
        // A missing field of a list item points at the item.
        assert_eq!(
            positions.locate(&second.key("axis"), Anchor::Value),
            Some(Location { line: 4, column: 3 })
        );
    }

    #[test]
    fn positions_in_flow_style() {
        let positions = Positions::build("themes: [a, {id: b, x: 1}]\n");
        assert_eq!(
            positions.locate(
                &YamlPath::root().key("themes").index(1).key("x"),
                Anchor::Key
            ),
            Some(Location {
                line: 1,
                column: 21
            })
        );
    }
}
