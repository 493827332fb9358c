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

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostics::{Anchor, Location, PathSegment, YamlPath};

/// A parsed YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string (quoted or plain).
    String(String),
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
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
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
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Node, A::Error> {
        Err(de::Error::custom(
            "YAML tags (`!name`) are not supported here; remove the tag",
        ))
    }
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
    serde_yaml::from_str::<Node>(text).map_err(|error| {
        let location = error.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        });
        SyntaxError {
            location,
            message: describe_syntax_error(&error.to_string()),
        }
    })
}

/// Turns the parser's wording into ours: positions are stripped (they are reported
/// separately) and the limits get an explanation a user can act on.
fn describe_syntax_error(raw: &str) -> String {
    let message = strip_positions(raw);
    if message.contains("recursion limit exceeded") {
        "nesting is too deep (over 128 levels); rolediff data needs only a few levels".into()
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
                    if let Some((p, key_at)) = value_path {
                        by_path.insert(p, (key_at, here));
                    }
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingStart(..) => {
                    let path = value_path
                        .as_ref()
                        .map(|(p, _)| p.clone())
                        .unwrap_or_default();
                    if let Some((p, key_at)) = value_path {
                        by_path.insert(p, (key_at, here));
                    }
                    stack.push(Frame::Map {
                        path,
                        key: None,
                        expecting_key: true,
                    });
                }
                Event::Scalar(..) | Event::Alias(_) => {
                    if let Some((p, key_at)) = value_path {
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
        let mut segments: Vec<PathSegment> = path.0.clone();
        let mut exact = true;
        loop {
            if let Some((key_at, value_at)) = self.by_path.get(&YamlPath(segments.clone())) {
                return Some(match (anchor, exact, key_at) {
                    (Anchor::Key, true, Some(key_at)) => *key_at,
                    // A parent of a missing field: point at the parent's key when it has one.
                    (_, false, Some(key_at)) => *key_at,
                    _ => *value_at,
                });
            }
            segments.pop()?;
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
