//! One pass over the parser's events: the value tree and its positions together.

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span};

use crate::error::{self, OpenFlow};
use crate::positions::Positions;
use crate::scalar::resolve_plain;
use crate::{Document, Limits, Location, Node, SyntaxError};

/// What a node weighs in the alias budget beyond its text: about the bytes its parsed
/// form takes per byte of text, so that a thousand aliases of an empty list are not free.
pub(crate) const NODE_WEIGHT: usize = 8;

/// Children a collection holds in [`Builder::items`] before it takes them into its own
/// vector (see [`Own`]).
const OWN_AT: usize = 1024;

/// A collection being read.
struct Frame {
    mapping: bool,
    /// Where its children start in [`Builder::items`].
    first_item: usize,
    /// Its children, once it has many (then none are in `items`).
    own: Option<Own>,
    /// Its entry in the positions.
    entry: usize,
    /// Its anchor's number, 0 for none.
    anchor: usize,
    /// The weight of its children read so far.
    weight: usize,
    /// In a mapping: whether the next child is a key.
    expecting_key: bool,
    /// Its bracket and place when it is a flow collection (for error messages).
    flow: Option<OpenFlow>,
    start: Location,
    /// Set when its items go to the stream instead of into the tree.
    stream: Option<Stream>,
}

/// The children of a large collection, in a vector of its own.
///
/// Why: children wait in one shared stack, and a collection ending takes them out into
/// a slice of its exact size, which is one allocation for the many small collections of
/// a document. For a large one, that copy would hold the children twice at its end, and
/// the stack would keep its largest size: a list of 30 million items took 1.5 GB more.
/// A collection with many children keeps them in its own vector instead, which its end
/// shrinks in place.
enum Own {
    Seq(Vec<Node>),
    /// The entries, and a key waiting for its value.
    Map(Vec<(Node, Node)>, Option<Node>),
}

/// A list whose items are handed over as they are read (see [`build`]).
struct Stream {
    /// The top-level key whose value the list is; `None` for a top-level list.
    key: Option<Box<str>>,
    /// Items handed over so far.
    next: usize,
}

/// Takes the items of streamed lists: the list's top-level key (if any), the item's
/// index, the item.
pub(crate) type OnItem<'c> = &'c mut dyn FnMut(Option<&str>, usize, Node);

/// A node an anchor names, kept for its aliases, with its weight.
struct Anchored {
    node: Node,
    weight: usize,
}

struct Builder<'t, 'c> {
    text: &'t str,
    /// A byte-order mark was stripped before the text: columns of line 1 are one more.
    bom: bool,
    max_depth: usize,
    max_value_bytes: usize,
    /// Weight anchors and aliases may add to the document (see [`Limits`]).
    budget: usize,
    expanded: usize,
    /// Children of the open collections, in order; a collection takes its own when it
    /// ends, so each is allocated once at its final size.
    items: Vec<Node>,
    frames: Vec<Frame>,
    /// Anchored nodes by the parser's anchor number (`None` while still being read).
    anchors: Vec<Option<Anchored>>,
    positions: Positions,
    root: Option<Node>,
    documents: usize,
    /// Takes the items of top-level lists as they are read (see [`build`]).
    on_item: Option<OnItem<'c>>,
    /// Keys of the top-level mapping read so far: only the first entry with a key has
    /// its list streamed, as a reader reads the first and reports the others.
    top_keys: Vec<Box<str>>,
    /// The key just read at the top level, when it is the first with its text.
    new_top_key: Option<Box<str>>,
}

/// Reads `text` (without its byte-order mark, `bom` says whether it had one). With
/// `on_item`, the items of a top-level list, or of a list that is the value of a
/// top-level key, go to it as each is read instead of into the tree, which then holds
/// an empty list there.
pub(crate) fn build(
    text: &str,
    bom: bool,
    limits: &Limits,
    on_item: Option<OnItem<'_>>,
) -> Result<Document, SyntaxError> {
    let mut builder = Builder {
        text,
        bom,
        max_depth: limits.max_depth,
        max_value_bytes: limits.max_value_bytes,
        budget: limits.alias_budget(text.len()),
        expanded: 0,
        items: Vec::new(),
        frames: Vec::new(),
        anchors: Vec::new(),
        positions: Positions::default(),
        root: None,
        documents: 0,
        on_item,
        top_keys: Vec::new(),
        new_top_key: None,
    };
    let mut parser = Parser::new_from_str(text);
    loop {
        match parser.next_event() {
            None | Some(Ok((Event::StreamEnd, _))) => break,
            Some(Ok((event, span))) => builder.event(event, span)?,
            Some(Err(error)) => return Err(builder.scan_error(&error)),
        }
    }
    builder.positions.shrink();
    Ok(Document {
        root: builder.root.unwrap_or(Node::Null),
        positions: builder.positions,
        expanded: builder.expanded,
    })
}

impl Builder<'_, '_> {
    fn place(&self, marker: &Marker) -> Location {
        let shift = usize::from(self.bom && marker.line() == 1);
        Location {
            line: marker.line(),
            column: marker.col() + 1 + shift,
        }
    }

    fn fail(&self, at: Location, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            location: Some(at),
            message: message.into(),
        }
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), SyntaxError> {
        let at = self.place(&span.start);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.fail(
                        at,
                        "the file holds more than one YAML document (`---`); put everything in one",
                    ));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(self.tag_refused(at));
                }
                self.check_room(at)?;
                if value.len() > self.max_value_bytes {
                    return Err(self.fail(
                        at,
                        format!(
                            "a value of {} bytes: values are limited to {} bytes (a name, a \
                             label or a note takes a few hundred); shorten it",
                            value.len(),
                            self.max_value_bytes
                        ),
                    ));
                }
                if self.next_is_key() {
                    self.positions.key(at, &value);
                } else {
                    self.positions.leaf(at);
                }
                let weight = value.len() + NODE_WEIGHT;
                let node = match style {
                    ScalarStyle::Plain => resolve_plain(&value),
                    _ => Node::String(value.into()),
                };
                self.complete(node, weight, anchor, at)?;
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if tag.is_some() {
                    return Err(self.tag_refused(at));
                }
                if self.frames.len() >= self.max_depth {
                    return Err(self.fail(at, error::too_deep(self.max_depth)));
                }
                self.check_room(at)?;
                let mapping = matches!(event, Event::MappingStart(..));
                // A flow collection's span covers its bracket; a block one's is empty.
                let flow = (anchor == 0 && !span.is_empty()).then_some(OpenFlow {
                    bracket: if mapping { '{' } else { '[' },
                    at,
                });
                let entry = self.positions.open(at, mapping);
                let stream = self.stream_for(mapping);
                self.frames.push(Frame {
                    mapping,
                    first_item: self.items.len(),
                    own: None,
                    entry,
                    anchor,
                    weight: NODE_WEIGHT,
                    expecting_key: true,
                    flow,
                    start: at,
                    stream,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.frames.pop() else {
                    return Ok(());
                };
                self.positions.close(frame.entry);
                let node = match frame.own {
                    Some(Own::Seq(items)) => Node::Seq(items.into_boxed_slice()),
                    Some(Own::Map(entries, _)) => Node::Map(entries.into_boxed_slice()),
                    None if frame.mapping => Node::Map(pairs(self.items.drain(frame.first_item..))),
                    None => Node::Seq(self.items.drain(frame.first_item..).collect()),
                };
                self.complete(node, frame.weight, frame.anchor, frame.start)?;
            }
            Event::Alias(id) => {
                self.check_room(at)?;
                let Some(weight) = self
                    .anchors
                    .get(id)
                    .and_then(|a| a.as_ref().map(|a| a.weight))
                else {
                    return Err(self.fail(
                        at,
                        "invalid YAML: this alias is used inside the node its anchor names, which would make it contain itself",
                    ));
                };
                // Checked before the copy is made: a refused alias costs nothing.
                self.spend(weight, at)?;
                let node = match &self.anchors[id] {
                    Some(anchored) => anchored.node.clone(),
                    None => Node::Null,
                };
                // An alias is one entry, whether a key or a value: a place inside
                // what it repeats is reported at the alias.
                self.positions.leaf(at);
                self.complete(node, weight, 0, at)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// Whether a list starting now streams its items, and under which key.
    fn stream_for(&mut self, mapping: bool) -> Option<Stream> {
        let key = self.new_top_key.take();
        if mapping || self.on_item.is_none() {
            return None;
        }
        match self.frames.as_slice() {
            [] => Some(Stream { key: None, next: 0 }),
            [top] if top.mapping && !top.expecting_key => key.map(|key| Stream {
                key: Some(key),
                next: 0,
            }),
            _ => None,
        }
    }

    /// Whether the node starting now is a mapping key.
    fn next_is_key(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|frame| frame.mapping && frame.expecting_key)
    }

    /// A finished node goes to its parent (or is the document), and to its anchor.
    fn complete(
        &mut self,
        node: Node,
        weight: usize,
        anchor: usize,
        at: Location,
    ) -> Result<(), SyntaxError> {
        if anchor > 0 {
            // The copy kept for the aliases is memory too: a chain of nested anchors
            // around one large value would otherwise copy it at every level.
            self.spend(weight, at)?;
            if self.anchors.len() <= anchor {
                self.anchors.resize_with(anchor + 1, || None);
            }
            self.anchors[anchor] = Some(Anchored {
                node: node.clone(),
                weight,
            });
        }
        let depth = self.frames.len();
        match self.frames.last_mut() {
            Some(frame) => {
                frame.weight = frame.weight.saturating_add(weight);
                if depth == 1 && frame.mapping {
                    self.new_top_key = None;
                    if frame.expecting_key
                        && let Node::String(key) = &node
                        && !self.top_keys.contains(key)
                    {
                        self.top_keys.push(key.clone());
                        self.new_top_key = Some(key.clone());
                    }
                }
                if frame.mapping {
                    frame.expecting_key = !frame.expecting_key;
                }
                match (&mut frame.stream, self.on_item.as_mut()) {
                    (Some(stream), Some(on_item)) => {
                        on_item(stream.key.as_deref(), stream.next, node);
                        stream.next += 1;
                    }
                    _ => add_child(frame, &mut self.items, node),
                }
            }
            None => self.root = Some(node),
        }
        Ok(())
    }

    /// Counts `weight` more repeated through anchors and aliases, or refuses it.
    fn spend(&mut self, weight: usize, at: Location) -> Result<(), SyntaxError> {
        self.expanded = self.expanded.saturating_add(weight);
        if self.expanded <= self.budget {
            return Ok(());
        }
        Err(self.fail(
            at,
            format!(
                "anchors and aliases (`&name`, `*name`) repeat more than this file's budget of {}: this looks like an alias bomb; write repeated values out, or alias fewer or smaller ones",
                human_bytes(self.budget)
            ),
        ))
    }

    /// Refuses a node the positions could not number (only for a document far beyond
    /// any size limit).
    fn check_room(&self, at: Location) -> Result<(), SyntaxError> {
        if self.positions.is_full() {
            return Err(self.fail(at, "the document has too many values to index"));
        }
        Ok(())
    }

    fn tag_refused(&self, at: Location) -> SyntaxError {
        self.fail(
            at,
            "YAML tags (`!name`, `!!type`, `!<…>`, `%TAG` handles) are not supported here; remove the tag",
        )
    }

    fn scan_error(&self, error: &ScanError) -> SyntaxError {
        let at = self.place(error.marker());
        if error.info().contains("recursion limit") {
            // The scanner stops flow nesting at 255 levels before the events of the
            // deeper levels reach this builder: find the level that broke ours.
            // Levels already open that are not brackets count towards the limit too.
            let blocks = self.frames.iter().filter(|f| f.flow.is_none()).count();
            let limit = self.max_depth.saturating_sub(blocks);
            let place = crate::text::flow_deeper_than(self.text, limit).map_or(at, |offset| {
                self.shifted(Location::of_byte(self.text, offset))
            });
            return self.fail(place, error::too_deep(self.max_depth));
        }
        let open_flow = self.frames.iter().rev().find_map(|frame| frame.flow);
        let (place, message) = error::describe(error, self.text, at, open_flow);
        let place = if place == at {
            place
        } else {
            self.shifted(place)
        };
        self.fail(place, message)
    }

    /// A place computed from the text adjusted like the parser's (see [`Builder::place`]).
    fn shifted(&self, at: Location) -> Location {
        Location {
            column: at.column + usize::from(self.bom && at.line == 1),
            ..at
        }
    }
}

/// Adds a finished child to the collection `frame` is reading.
fn add_child(frame: &mut Frame, items: &mut Vec<Node>, node: Node) {
    match &mut frame.own {
        Some(Own::Seq(own)) => own.push(node),
        Some(Own::Map(entries, key)) => match key.take() {
            Some(key) => entries.push((key, node)),
            None => *key = Some(node),
        },
        None => {
            items.push(node);
            let count = items.len() - frame.first_item;
            // A mapping moves out after a value, so that its keys stay with their values.
            if count >= OWN_AT && !(frame.mapping && count % 2 == 1) {
                let children = items.drain(frame.first_item..);
                frame.own = Some(if frame.mapping {
                    Own::Map(pairs(children).into_vec(), None)
                } else {
                    Own::Seq(children.collect())
                });
            }
        }
    }
}

/// Children read in order (key, value, key, value…) as a mapping's entries.
fn pairs(mut children: impl ExactSizeIterator<Item = Node>) -> Box<[(Node, Node)]> {
    let mut entries = Vec::with_capacity(children.len() / 2);
    while let (Some(key), Some(value)) = (children.next(), children.next()) {
        entries.push((key, value));
    }
    entries.into_boxed_slice()
}

/// `bytes` in KiB or MiB, for messages.
fn human_bytes(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}
