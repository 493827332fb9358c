//! The documents that show real output, kept true: each example of docs/json.md is the
//! output of the command written above it (`<!-- generated: rolediff ARGS [| /pointer] -->`),
//! cut short the same way every time.

use std::path::Path;

use serde_json::Value;

/// The command's JSON, at the JSON pointer when one is given.
fn output_of(command: &str) -> Value {
    let (args, pointer) = match command.split_once(" | ") {
        Some((args, pointer)) => (args, Some(pointer)),
        None => (command, None),
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolediff"))
        .args(args.split_whitespace())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("XDG_CONFIG_HOME", "/nonexistent-rolediff-docs")
        .env_remove("ROLEDIFF_DATA")
        .env_remove("ROLEDIFF_CONFIG")
        .env_remove("ROLEDIFF_LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("rolediff runs");
    assert!(output.status.success(), "rolediff {args} failed");
    let value: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    match pointer {
        Some(pointer) => value.pointer(pointer).cloned().expect("the pointer exists"),
        None => value,
    }
}

/// An example's worth: lists cut to their first two items (one when they hold
/// objects), texts to 60 characters.
fn shorten(value: Value) -> Value {
    match value {
        Value::Array(items) => {
            let keep = if items.iter().any(Value::is_object) {
                1
            } else {
                2
            };
            Value::Array(items.into_iter().take(keep).map(shorten).collect())
        }
        Value::Object(fields) => {
            Value::Object(fields.into_iter().map(|(k, v)| (k, shorten(v))).collect())
        }
        Value::String(text) if text.chars().count() > 60 => {
            Value::String(text.chars().take(59).collect::<String>() + "…")
        }
        other => other,
    }
}

#[test]
fn json_examples_are_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut fresh = String::new();
    let mut rest = doc.as_str();
    let mut examples = 0;
    while let Some(at) = rest.find("<!-- generated: rolediff ") {
        let (before, marked) = rest.split_at(at);
        fresh.push_str(before);
        let end = marked
            .find(" -->\n```json\n")
            .expect("a json block after the marker");
        let command = &marked["<!-- generated: rolediff ".len()..end];
        let block_start = end + " -->\n```json\n".len();
        let block_end = block_start + marked[block_start..].find("```\n").expect("closed");
        let json = serde_json::to_string_pretty(&shorten(output_of(command))).unwrap();
        fresh.push_str(&marked[..block_start]);
        fresh.push_str(&json);
        fresh.push('\n');
        rest = &marked[block_end..];
        examples += 1;
    }
    fresh.push_str(rest);
    assert!(
        examples >= 7,
        "only {examples} generated examples in docs/json.md"
    );
    if std::env::var_os("ROLEDIFF_UPDATE_ASSETS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    assert!(
        doc == fresh,
        "docs/json.md shows outdated output: run `ROLEDIFF_UPDATE_ASSETS=1 cargo test --test docs`"
    );
}
