//! The reader as a whole: values, positions, refusals and limits.

use super::*;

fn at(line: usize, column: usize) -> Option<Location> {
    Some(Location { line, column })
}

fn error(text: &str) -> SyntaxError {
    parse(text).expect_err("must be refused")
}

fn map(node: &Node) -> &[(Node, Node)] {
    match node {
        Node::Map(entries) => entries,
        other => panic!("not a mapping: {other:?}"),
    }
}

#[test]
fn parses_scalars_lists_and_mappings_in_order() {
    let node = parse("b: 1\na: [x, 2.5, true, ~, '3', \"null\"]\nc: |\n  two\n  lines\n").unwrap();
    let entries = map(&node);
    assert_eq!(entries[0], (Node::from("b"), Node::Number(1.0)));
    assert_eq!(
        entries[1].1,
        Node::Seq(
            vec![
                Node::from("x"),
                Node::Number(2.5),
                Node::Bool(true),
                Node::Null,
                Node::from("3"),
                Node::from("null"),
            ]
            .into()
        )
    );
    assert_eq!(entries[2].1, Node::from("two\nlines\n"));
}

#[test]
fn large_collections_keep_their_order() {
    // Past the size where a collection takes its children into its own vector, with
    // nested large collections and an odd count.
    let items: Vec<String> = (0..2501).map(|i| i.to_string()).collect();
    let pairs_text: Vec<String> = (0..2501).map(|i| format!("k{i}: {i}")).collect();
    let text = format!(
        "list: [{}]\nmap: {{{}}}\nnested: [[{}], {{{}}}]\n",
        items.join(", "),
        pairs_text.join(", "),
        items.join(", "),
        pairs_text.join(", ")
    );
    let node = parse(&text).unwrap();
    let entries = map(&node);
    let numbers: Vec<Node> = (0..2501).map(|i| Node::Number(f64::from(i))).collect();
    let pairs: Vec<(Node, Node)> = (0..2501)
        .map(|i| {
            (
                Node::from(format!("k{i}").as_str()),
                Node::Number(f64::from(i)),
            )
        })
        .collect();
    assert_eq!(entries[0].1, Node::Seq(numbers.clone().into()));
    assert_eq!(entries[1].1, Node::Map(pairs.clone().into()));
    assert_eq!(
        entries[2].1,
        Node::Seq(vec![Node::Seq(numbers.into()), Node::Map(pairs.into())].into())
    );
}

#[test]
fn keeps_duplicate_keys_for_the_reader() {
    assert_eq!(map(&parse("a: 1\na: 2\n").unwrap()).len(), 2);
}

#[test]
fn empty_files_and_document_markers_are_null() {
    for text in ["", "# only a comment\n", "---\n...\n", "\u{feff}"] {
        assert_eq!(parse(text).unwrap(), Node::Null, "{text:?}");
    }
}

#[test]
fn bom_and_crlf_are_accepted() {
    let plain = parse("a: 1\nb: [x, y]\n").unwrap();
    assert_eq!(parse("\u{feff}a: 1\nb: [x, y]\n").unwrap(), plain);
    assert_eq!(parse("a: 1\r\nb: [x, y]\r\n").unwrap(), plain);
    assert_eq!(parse("\u{feff}a: 1\r\nb: [x, y]\r\n").unwrap(), plain);
    // A block scalar keeps LF line ends whatever the file's.
    let text = parse("a: |\r\n  x\r\n  y\r\n").unwrap();
    assert_eq!(map(&text)[0].1, Node::from("x\ny\n"));
    // Columns of line 1 count the mark, as they always did.
    let document = parse_document("\u{feff}a: [1, 2]\n").unwrap();
    let positions = &document.positions;
    assert_eq!(
        positions.locate([Step::Key("a"), Step::Index(1)], Anchor::Value),
        at(1, 9)
    );
}

#[test]
fn tags_of_every_form_are_refused_at_their_place() {
    for (text, place) in [
        ("a: !evil 1\n", at(1, 4)),
        ("a: !!python/object:os.system rm\n", at(1, 4)),
        ("a: !!str 1\n", at(1, 4)),
        ("a:\n  b: !<tag:yaml.org,2002:str> x\n", at(2, 6)),
        ("a: !<!evil> x\n", at(1, 4)),
        (
            "%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n",
            at(3, 4),
        ),
        ("a: !e [1]\n", at(1, 4)),
        ("- ! x\n", at(1, 3)),
        ("!!map {a: 1}\n", at(1, 1)),
    ] {
        let error = error(text);
        assert_eq!(error.location, place, "{text:?}: {error}");
        assert!(error.message.contains("YAML tags"), "{text:?}: {error}");
    }
    // A `%TAG` directive alone tags nothing: the document is read.
    assert!(parse("%TAG !e! tag:example.com,2000:\n---\na: 1\n").is_ok());
}

#[test]
fn more_than_one_document_is_refused_at_the_second() {
    let error = error("a: 1\n---\nb: 2\n");
    assert_eq!(error.location, at(2, 1));
    assert!(error.message.contains("more than one YAML document"));
}

#[test]
fn control_characters_and_stray_marks_are_refused_where_they_are() {
    let control = error("a: 1\nb: x\u{1b}y\n");
    assert_eq!(control.location, at(2, 5));
    assert!(
        control
            .message
            .contains("control characters are not allowed (found U+001B)")
    );
    assert_eq!(error("é: \u{85}ok\u{9b}").location, at(1, 7));
    assert_eq!(error("a: \0").location, at(1, 4));
    let twice = error("\u{feff}\u{feff}a: 1\n");
    assert_eq!(twice.location, at(1, 2));
    assert!(twice.message.contains("byte-order mark"));
    assert_eq!(error("a: 1\n\u{feff}b: 2\n").location, at(2, 1));
    // Escapes in double quotes are text, for the reader to judge.
    assert!(parse("a: \"\\e[2J\"\n").is_ok());
}

#[test]
fn nesting_over_the_limit_is_refused_at_the_first_level_too_many() {
    // Block nesting: the 129th level.
    let mut block = String::new();
    for depth in 0..200 {
        block.push_str(&format!("{}- \n", "  ".repeat(depth)));
    }
    let deep = error(&block.replace("- \n", "-\n").replacen("-\n", "- ", 0));
    assert!(deep.message.contains("too deep"), "{deep}");
    // Flow nesting deeper than the scanner's own limit: still the 129th bracket.
    let flow = error(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)));
    assert_eq!(flow.location, at(1, 129));
    assert!(flow.message.contains("too deep"));
    // Under a block mapping, refused by the builder: the mapping is the first level,
    // the 128th bracket the 129th.
    let flow = error(&format!("a: {}1{}", "[".repeat(200), "]".repeat(200)));
    assert_eq!(flow.location, at(1, 4 + 127));
    // The same past the scanner's own limit.
    let flow = error(&format!("a: {}1{}", "[".repeat(300), "]".repeat(300)));
    assert_eq!(flow.location, at(1, 4 + 127));
    // Nested flow mappings, quadratic in some scanners: refused at once.
    let maps = format!("a: {}1{}", "{a: ".repeat(200_000), "}".repeat(200_000));
    let started = std::time::Instant::now();
    let error = error(&maps);
    assert!(error.message.contains("too deep"), "{error}");
    assert_eq!(error.location, at(1, 4 + 127 * 4));
    assert!(started.elapsed().as_secs() < 5);
    // 128 levels are fine.
    let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(parse(&ok).is_ok());
}

#[test]
fn huge_integers_are_numbers() {
    let node = parse("a: 99999999999999999999999999999999\n").unwrap();
    assert!(matches!(map(&node)[0].1, Node::Number(n) if n > 1e31));
}

#[test]
fn syntax_errors_have_their_place_and_a_hint() {
    // An unclosed flow list: the `:` of the next line, naming where the list opened.
    let unclosed = error("themes:\n  - id: moderation\n    label: [Moderation\nsources: []\n");
    assert_eq!(unclosed.location, at(4, 8));
    assert!(
        unclosed
            .message
            .contains("the `[` opened at 3:12 is not closed"),
        "{unclosed}"
    );
    // A value with `: ` in it.
    let colon = error("title: Job: posting\n");
    assert_eq!(colon.location, at(1, 11));
    assert!(
        colon
            .message
            .contains("check the indentation of this line or quote a value containing `: `"),
        "{colon}"
    );
    // A tab in indentation, at the tab.
    let tab = error("themes:\n  - id: moderation\n\tlabel: Moderation\n");
    assert_eq!(tab.location, at(3, 1));
    assert!(
        tab.message
            .starts_with("invalid YAML: found a tab character"),
        "{tab}"
    );
    // An unclosed quote: where it opened.
    let quote = error("a: 1\nb: \"never closed\n");
    assert_eq!(quote.location, at(2, 4));
    assert!(
        quote.message.contains("unexpected end of stream"),
        "{quote}"
    );
    // Bad indentation of a key.
    let indented = error("a:\n  b: 1\n   c: 2\n");
    assert!(indented.location.is_some_and(|l| l.line == 3), "{indented}");
    // The end of the file inside a flow mapping.
    let truncated = error("a:\n  b: {fr: x, en: ");
    assert_eq!(truncated.location, at(3, 1));
    assert!(
        truncated
            .message
            .contains("the file ends inside the `{` opened at 2:6"),
        "{truncated}"
    );
    // An undefined alias, named.
    let alias = error("a: &x 1\nb: *y\n");
    assert_eq!(alias.location, at(2, 4));
    assert!(
        alias.message.contains("`*y`") && alias.message.contains("unknown anchor"),
        "{alias}"
    );
    // A lone surrogate escape.
    let surrogate = error("a: \"\\ud800\"\n");
    assert!(surrogate.message.contains("invalid Unicode"), "{surrogate}");
    assert_eq!(surrogate.location.map(|l| l.line), Some(1));
    // No message repeats a place in its words.
    for e in [
        unclosed, colon, tab, quote, indented, truncated, alias, surrogate,
    ] {
        assert!(!e.message.contains("at line"), "{e}");
        assert!(e.message.starts_with("invalid YAML"), "{e}");
    }
}

#[test]
fn an_alias_inside_its_own_anchor_is_refused() {
    let error = error("a: &a [1, *a]\n");
    assert_eq!(error.location, at(1, 11));
    assert!(error.message.contains("contain itself"), "{error}");
}

/// The classic "billion laughs": nine levels of nine aliases each.
#[test]
fn alias_bombs_are_refused_at_the_alias_that_crosses_the_budget() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut previous = 'a';
    for name in 'b'..='i' {
        bomb.push_str(&format!(
            "{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"
        ));
        previous = name;
    }
    let started = std::time::Instant::now();
    let error = error(&bomb);
    assert!(error.message.contains("alias bomb"), "{error}");
    assert!(error.location.is_some_and(|l| l.line > 1), "{error}");
    assert!(started.elapsed().as_secs() < 1);
}

/// Issue 19.1: one large anchored string referenced many times.
#[test]
fn a_large_anchored_string_is_refused_at_its_second_alias() {
    let big = "x".repeat(1024 * 1024);
    let mut text = format!("big: &b {big}\nroles:\n");
    for i in 0..2000 {
        text.push_str(&format!("  - {{id: r{i}, summary: *b}}\n"));
    }
    let error = error(&text);
    // The anchor's copy and the first alias fit in twice the text; the second does not.
    assert_eq!(error.location, at(4, 23), "{error}");
    assert!(error.message.contains("alias bomb"));
    assert!(error.message.contains("2.1 MiB"), "{error}");
}

#[test]
fn small_shared_anchors_are_cheap_and_counted() {
    // A shared list of sources in a thousand roles: far under the budget.
    let mut text = String::from("defaults: &s [posting, survey]\nroles:\n");
    for i in 0..1000 {
        text.push_str(&format!("  - {{id: r{i}, sources: *s}}\n"));
    }
    let document = parse_document(&text).unwrap();
    // [posting, survey]: 8 + (7 + 8) + (6 + 8) = 37, once for the copy and per alias.
    assert_eq!(document.expanded, 37 * 1001);
    let roles = &map(&document.root)[1].1;
    let Node::Seq(roles) = roles else { panic!() };
    assert_eq!(map(&roles[999])[1].1, map(&document.root)[0].1);
    // A document without anchors adds nothing.
    assert_eq!(parse_document("a: [1, 2]\n").unwrap().expanded, 0);
}

#[test]
fn the_budget_follows_the_limits() {
    let text = "a: &a [1, 2, 3]\nb: *a\nc: *a\n";
    let tight = Limits {
        alias_floor: 0,
        alias_factor: 1,
        ..Limits::default()
    };
    // Size of the text: 29 bytes; [1, 2, 3] weighs 8 + 3 × 9 = 35: the copy is over.
    let error = parse_with(text, &tight).unwrap_err();
    assert_eq!(error.location, at(1, 4));
    let roomy = Limits {
        alias_factor: 4,
        ..tight
    };
    assert_eq!(parse_with(text, &roomy).unwrap().expanded, 35 * 3);
    let small = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    assert!(
        parse_with(text, &small)
            .unwrap_err()
            .message
            .contains("size limit")
    );
}

#[test]
fn top_level_list_items_can_be_streamed() {
    let text = "- &a {id: one, tags: [x]}\n- {id: two}\n- *a\n";
    let mut items = Vec::new();
    let document = parse_streaming(text, &Limits::default(), |key, index, item| {
        items.push((key.map(str::to_string), index, item))
    })
    .unwrap();
    // The tree keeps an empty list; the items came one by one, in order, aliases
    // resolved across them.
    assert_eq!(document.root, Node::Seq(Box::new([])));
    let Node::Seq(expected) = parse(text).unwrap() else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    for (i, (key, index, item)) in items.iter().enumerate() {
        assert_eq!((key, *index), (&None, i));
        assert_eq!(*item, expected[i]);
    }
    // Positions are those of the whole document.
    let two = [Step::Index(1), Step::Key("id")];
    assert_eq!(document.positions.locate(two, Anchor::Value), at(2, 8));
    // An error after some items: the error, with its place.
    let mut seen = 0;
    let error =
        parse_streaming("- a\n- b\n- [c\n", &Limits::default(), |_, _, _| seen += 1).unwrap_err();
    assert_eq!(seen, 2);
    assert!(error.location.is_some());
}

#[test]
fn lists_under_top_level_keys_are_streamed_once_per_key() {
    let text = "a: [1, [2]]\nb: {c: [3]}\nd: x\na: [4]\ne:\n  - 5\n";
    let mut items = Vec::new();
    let document = parse_streaming(text, &Limits::default(), |key, index, item| {
        items.push((key.unwrap_or("-").to_string(), index, item))
    })
    .unwrap();
    let streamed: Vec<(&str, usize, &Node)> =
        items.iter().map(|(k, i, n)| (k.as_str(), *i, n)).collect();
    assert_eq!(
        streamed,
        [
            ("a", 0, &Node::Number(1.0)),
            ("a", 1, &Node::Seq(Box::new([Node::Number(2.0)]))),
            ("e", 0, &Node::Number(5.0)),
        ]
    );
    // The first `a` is empty in the tree; the duplicate `a` and the nested list stay.
    let entries = map(&document.root);
    assert_eq!(entries[0].1, Node::Seq(Box::new([])));
    assert_eq!(
        map(&entries[1].1)[0].1,
        Node::Seq(Box::new([Node::Number(3.0)]))
    );
    assert_eq!(entries[3].1, Node::Seq(Box::new([Node::Number(4.0)])));
    assert_eq!(entries[4].1, Node::Seq(Box::new([])));
    let four = [Step::Key("e"), Step::Index(0)];
    assert_eq!(document.positions.locate(four, Anchor::Value), at(6, 5));
}

#[test]
fn positions_of_keys_and_values() {
    let text = "- id: one\n  label:\n    fr: Un\n- id: two\n  lable: x\n";
    let positions = parse_document(text).unwrap().positions;
    let second = [Step::Index(1), Step::Key("lable")];
    assert_eq!(positions.locate(second, Anchor::Key), at(5, 3));
    assert_eq!(positions.locate(second, Anchor::Value), at(5, 10));
    let fr = [Step::Index(0), Step::Key("label"), Step::Key("fr")];
    assert_eq!(positions.locate(fr, Anchor::Value), at(3, 9));
    assert_eq!(positions.locate(fr, Anchor::Key), at(3, 5));
    // A missing field points at its parent's key.
    let en = [Step::Index(0), Step::Key("label"), Step::Key("en")];
    assert_eq!(positions.locate(en, Anchor::Value), at(2, 3));
    // A missing field of a list item points at the item.
    let axis = [Step::Index(1), Step::Key("axis")];
    assert_eq!(positions.locate(axis, Anchor::Value), at(4, 3));
    // An index past the end: the list.
    assert_eq!(positions.locate([Step::Index(7)], Anchor::Value), at(1, 1));
    // The root, and a wrong kind of step.
    assert_eq!(positions.locate([], Anchor::Value), at(1, 1));
    assert_eq!(positions.locate([Step::Key("id")], Anchor::Value), at(1, 1));
    assert_eq!(positions.len(), 13);
}

#[test]
fn positions_in_flow_style_and_after_nested_collections() {
    let text = "themes: [a, {id: b, x: 1}]\nnext: {deep: [[1, 2], {k: v}], after: z}\n";
    let positions = parse_document(text).unwrap().positions;
    let x = [Step::Key("themes"), Step::Index(1), Step::Key("x")];
    assert_eq!(positions.locate(x, Anchor::Key), at(1, 21));
    assert_eq!(positions.locate(x, Anchor::Value), at(1, 24));
    // Entries after nested collections are found by skipping them whole.
    let after = [Step::Key("next"), Step::Key("after")];
    assert_eq!(positions.locate(after, Anchor::Value), at(2, 39));
    let k = [
        Step::Key("next"),
        Step::Key("deep"),
        Step::Index(1),
        Step::Key("k"),
    ];
    assert_eq!(positions.locate(k, Anchor::Value), at(2, 27));
    let two = [
        Step::Key("next"),
        Step::Key("deep"),
        Step::Index(0),
        Step::Index(1),
    ];
    assert_eq!(positions.locate(two, Anchor::Value), at(2, 19));
}

#[test]
fn positions_of_duplicates_aliases_and_complex_keys() {
    let text = "a: 1\n? [x, y]\n: 2\nb: &s {c: 3}\nd: *s\na: 4\n";
    let positions = parse_document(text).unwrap().positions;
    // A duplicate key: the last one, where the duplicate is reported.
    assert_eq!(positions.locate([Step::Key("a")], Anchor::Key), at(6, 1));
    // Inside an alias: the alias's key.
    let inside = [Step::Key("d"), Step::Key("c")];
    assert_eq!(positions.locate(inside, Anchor::Value), at(5, 1));
    assert_eq!(positions.locate([Step::Key("d")], Anchor::Value), at(5, 4));
    // Keys after a complex key are still found.
    let c = [Step::Key("b"), Step::Key("c")];
    assert_eq!(positions.locate(c, Anchor::Value), at(4, 11));
}

#[test]
fn positions_take_12_bytes_a_node_and_each_key_once() {
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&format!(
            "- {{id: task-{i}, label: {{fr: Un, en: One}}, axis: 0.5}}\n"
        ));
    }
    let positions = parse_document(&text).unwrap().positions;
    // The list, and per item: the mapping, 3 keys, 2 scalars, the label's mapping,
    // its 2 keys and 2 scalars.
    assert_eq!(positions.len(), 1 + 10_000 * 11);
    let bytes = positions.heap_bytes();
    assert!(bytes >= positions.len() * 12, "{bytes}");
    assert!(bytes < positions.len() * 12 + 1024, "{bytes}");
}

#[test]
fn an_empty_document_has_no_positions() {
    let document = parse_document("# nothing\n").unwrap();
    assert!(document.positions.is_empty());
    assert_eq!(document.positions.locate([], Anchor::Value), None);
}

proptest::proptest! {
    /// Arbitrary text: a tree or an error with a place inside the text, never a panic.
    #[test]
    fn any_text_gives_a_tree_or_a_placed_error(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "&x ", "*x", "\"", "'",
                "!t ", "#c", "|\n", "? ", "é", "\t", "---\n", "1", ".inf", "~",
            ]),
            0..40,
        ),
    ) {
        let text: String = pieces.concat();
        if let Err(error) = parse_document(&text) {
            let lines = text.lines().count() + 1;
            if let Some(at) = error.location {
                proptest::prop_assert!(at.line >= 1 && at.line <= lines.max(1) + 1, "{error} in {text:?}");
                proptest::prop_assert!(at.column >= 1);
            }
        }
    }
}
