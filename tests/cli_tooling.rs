//! Shell integration and the landscape report: completions, the man page, `matrix`.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn rolediff() -> Command {
    let mut cmd = Command::cargo_bin("rolediff").unwrap();
    for name in [
        "ROLEDIFF_DATA",
        "ROLEDIFF_CONFIG",
        "ROLEDIFF_LANG",
        "ROLEDIFF_PALETTE",
        "LC_ALL",
        "LC_MESSAGES",
        "COMPLETE",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent-rolediff-test");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn completion_scripts_for_every_shell() {
    for (shell, expected) in [
        ("bash", "complete"),
        ("zsh", "compdef"),
        ("fish", "complete"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion"),
    ] {
        let script = stdout(rolediff().args(["completions", shell]));
        assert!(script.contains(expected), "{shell}:\n{script}");
        assert!(script.contains("rolediff"), "{shell}:\n{script}");
        assert!(script.contains("COMPLETE"), "{shell}:\n{script}");
    }
    rolediff().args(["completions", "tcsh"]).assert().code(2);
}

/// What the shell gets when it asks for candidates, as bash asks.
fn candidates(words: &[&str]) -> String {
    let index = (words.len() - 1).to_string();
    stdout(
        rolediff()
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", index)
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n")
            .arg("--")
            .args(words),
    )
}

#[test]
fn role_theme_and_source_ids_are_completed_from_the_data() {
    let roles = candidates(&["rolediff", "compare", "community-m"]);
    assert!(roles.contains("community-manager"), "{roles}");
    assert!(roles.contains("community-manager-agency"), "{roles}");
    assert!(!roles.contains("social-media-manager"), "{roles}");
    let commands = candidates(&["rolediff", "mat"]);
    assert!(commands.contains("matrix"), "{commands}");
    let themes = candidates(&["rolediff", "matrix", "--theme", "mod"]);
    assert!(themes.contains("moderation"), "{themes}");
    // From the data the user uses.
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let roles = stdout(
        rolediff()
            .env("ROLEDIFF_DATA", &small)
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", "2")
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n")
            .args(["--", "rolediff", "show", ""]),
    );
    for id in ["lead", "maker", "mixed"] {
        assert!(roles.lines().any(|l| l == id), "{id} not in {roles}");
    }
}

#[test]
fn the_man_page_is_generated_and_kept_in_assets() {
    let page = stdout(rolediff().arg("man"));
    for expected in [
        ".TH rolediff 1",
        "\\-\\-palette",
        "\\-\\-config",
        "matrix",
        "completions",
        "Exit codes",
    ] {
        assert!(page.contains(expected), "{expected} not in the man page");
    }
    let kept =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rolediff.1"))
            .unwrap();
    assert!(
        kept == page,
        "assets/rolediff.1 is out of date: run `cargo run -- man > assets/rolediff.1`"
    );
}

#[test]
fn version_and_help_with_examples() {
    rolediff()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("rolediff "));
    rolediff()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("rolediff matrix"))
        .stdout(predicate::str::contains("completions bash"));
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(rolediff().args(args))).expect("valid JSON")
}

#[test]
fn matrix_numbers_are_compare_numbers() {
    for filter in [
        &[][..],
        &["--theme", "moderation"][..],
        &["--source", "smm-vs-cm"][..],
    ] {
        let mut args = vec!["matrix", "--format", "json"];
        args.extend_from_slice(filter);
        let matrix = json(&args);
        let roles: Vec<&str> = matrix["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(roles.len(), 7);
        for (i, left) in roles.iter().enumerate() {
            for (j, right) in roles.iter().enumerate() {
                let mut args = vec!["compare", left, right, "--format", "json"];
                args.extend_from_slice(filter);
                let compare = json(&args);
                assert_eq!(
                    matrix["similarity"][i][j], compare["similarity"],
                    "{left} × {right} with {filter:?}"
                );
            }
        }
    }
}

#[test]
fn matrix_in_every_format() {
    let text = stdout(rolediff().args(["matrix"]));
    assert!(text.contains("Similarity of every pair of roles"), "{text}");
    assert!(text.contains("CM  "), "{text}");
    let markdown = stdout(rolediff().args(["matrix", "--format", "markdown"]));
    assert!(markdown.contains("|---|"), "{markdown}");
    let csv = stdout(rolediff().args(["matrix", "--format", "csv"]));
    assert!(csv.starts_with("role,community-builder,"), "{csv}");
    assert_eq!(csv.lines().count(), 8);
    rolediff()
        .args(["matrix", "--theme", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown theme `nope`"));
}
