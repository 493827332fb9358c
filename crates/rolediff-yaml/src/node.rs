//! The value tree a document is read into.

/// A parsed YAML value.
///
/// Strings and collections are boxed slices rather than `String`s and `Vec`s: a node is
/// then 24 bytes instead of 32, and a collection is allocated once at its exact size.
/// A large catalogue is mostly small nodes, so this is a quarter of the tree's memory.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number, integers included (a 128-bit integer is a number too, a large one).
    Number(f64),
    /// A string: a quoted scalar, or a plain one that is no other kind of value.
    String(Box<str>),
    /// A sequence.
    Seq(Box<[Node]>),
    /// A mapping, in document order; duplicate keys are kept so that a reader can
    /// report them.
    Map(Box<[(Node, Node)]>),
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

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Self {
        Node::String(text.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_is_three_words() {
        assert_eq!(std::mem::size_of::<Node>(), 24);
    }
}
