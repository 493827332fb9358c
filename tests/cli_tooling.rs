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
fn the_man_pages_are_generated_and_kept_in_assets() {
    let page = stdout(rolediff().arg("man"));
    for expected in [
        ".TH rolediff 1",
        "\\-\\-palette",
        "\\-\\-config",
        "matrix",
        "completions",
        ".SH EXAMPLES",
        ".SH KEYS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        "ROLEDIFF_PAGER",
        "rolediff\\-compare(1)",
    ] {
        assert!(page.contains(expected), "{expected} not in the man page");
    }
    // One page per command, each kept in assets/man/ (refresh them with
    // `ROLEDIFF_UPDATE_ASSETS=1 cargo test --test cli_tooling`).
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/man");
    let mut names = vec![("rolediff".to_string(), page)];
    for command in [
        "validate", "list", "show", "compare", "similar", "matrix", "disputes",
    ] {
        let sub = stdout(rolediff().args(["man", command]));
        assert!(
            sub.contains(&format!(".TH rolediff-{command} 1")),
            "{command}"
        );
        assert!(sub.contains(".SH \"EXIT STATUS\""), "{command}");
        names.push((format!("rolediff-{command}"), sub));
    }
    for (name, text) in names {
        let path = folder.join(format!("{name}.1"));
        if std::env::var_os("ROLEDIFF_UPDATE_ASSETS").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == text,
            "{} is out of date: run `ROLEDIFF_UPDATE_ASSETS=1 cargo test --test cli_tooling`",
            path.display()
        );
    }
    rolediff().args(["man", "nope"]).assert().code(2);
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

/// A data set whose aliases are hostile to a shell: spaces, a command after `;`, a
/// command substitution, and escape sequences.
const SHELL_HOSTILE: &str = "\
themes:
  - {id: work, label: Work}
sources:
  - {id: ads, title: \"Ads \\e]0;PWNED\\a\", language: en}
roles:
  - id: moderator
    name: Moderator
    aliases: [\"moderator-x;touch INJECTED\", \"mod $(touch INJECTED2)\", \"mod \\e[31mred\", animateur de communauté]
    sources: [ads]
    tasks:
      - {label: Moderate, themes: [work], axis: 0.2}
  - id: lead
    name: Lead
    sources: [ads]
    tasks:
      - {label: Decide, themes: [work], axis: 0.8}
";

/// Runs bash's own completion for `line` (the registration script sourced, the
/// function called as bash calls it on Tab) and returns `COMPREPLY`, one per line.
fn bash_completes(dir: &Path, data: &Path, line: &[&str]) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("rolediff");
    let bin_dir = bin.parent().unwrap();
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <(rolediff completions bash)\n\
         COMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_TYPE=9\n\
         _clap_complete_rolediff rolediff '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = words.join(" "),
        cword = line.len() - 1,
        current = line[line.len() - 1],
        previous = line[line.len() - 2],
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("ROLEDIFF_DATA", data)
        .env("XDG_CONFIG_HOME", "/nonexistent-rolediff-test")
        .env_remove("ROLEDIFF_CONFIG")
        .output()
        .expect("bash runs");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn completed_names_are_one_word_and_run_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("roles.yaml");
    std::fs::write(&data, SHELL_HOSTILE).unwrap();
    // An alias with spaces becomes one escaped word, as bash needs it.
    let reply = bash_completes(dir.path(), &data, &["rolediff", "show", "anim"]);
    assert_eq!(reply, ["animateur\\ de\\ communauté"]);
    // Inserting the candidates into a command line and running it runs nothing else.
    for prefix in ["moderator-", "mod"] {
        let reply = bash_completes(dir.path(), &data, &["rolediff", "show", prefix]);
        assert!(!reply.is_empty(), "{prefix}: nothing offered");
        for candidate in &reply {
            assert!(
                !candidate.contains('\u{1b}'),
                "escape offered: {candidate:?}"
            );
            let status = std::process::Command::new("bash")
                .arg("-c")
                .arg(format!("set -- {candidate}; [ $# -eq 1 ]"))
                .current_dir(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "{candidate:?} is not one word");
        }
    }
    assert!(
        !dir.path().join("INJECTED").exists(),
        "a completion ran `touch`"
    );
    assert!(
        !dir.path().join("INJECTED2").exists(),
        "a completion ran `touch`"
    );
    // Descriptions carry no escape sequence either (fish shows them).
    let fish = stdout(
        rolediff()
            .env("ROLEDIFF_DATA", &data)
            .env("COMPLETE", "fish")
            .args(["--", "rolediff", "compare", "--source", ""]),
    );
    assert!(fish.starts_with("ads\t"), "{fish:?}");
    assert!(
        !fish.contains('\u{1b}') && !fish.contains('\u{7}'),
        "{fish:?}"
    );
}

#[test]
fn completion_follows_the_data_on_the_line_and_offers_palettes() {
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let small = small.to_str().unwrap();
    let roles = candidates(&["rolediff", "--data", small, "compare", ""]);
    for id in ["lead", "maker", "mixed"] {
        assert!(roles.lines().any(|l| l == id), "{id} not in {roles}");
    }
    assert!(!roles.contains("community-manager"), "{roles}");
    let palettes = candidates(&["rolediff", "--palette", ""]);
    for name in ["default", "dark", "light", "high-contrast", "colorblind"] {
        assert!(
            palettes.lines().any(|l| l == name),
            "{name} not in {palettes}"
        );
    }
}

#[test]
fn export_data_says_it_does_not_read_data() {
    let dir = tempfile::tempdir().unwrap();
    rolediff()
        .args(["--data", "tests/fixtures/small", "export-data"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not read `--data`"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn matrix_markdown_escapes_names() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("roles.yaml");
    std::fs::write(
        &data,
        "themes: [{id: w, label: W}]\nsources: [{id: s, title: S, language: en}]\nroles:\n  \
         - {id: a, name: \"<b>Bold</b> *star* | pipe\", sources: [s], tasks: [{label: X, themes: [w], axis: 0.1}]}\n  \
         - {id: b, name: B, sources: [s], tasks: [{label: Y, themes: [w], axis: 0.9}]}\n",
    )
    .unwrap();
    let md = stdout(
        rolediff()
            .args(["matrix", "--format", "markdown", "--data"])
            .arg(&data),
    );
    assert!(
        md.contains("\\<b\\>Bold\\</b\\> \\*star\\* \\| pipe"),
        "{md}"
    );
    assert!(!md.contains("<b>"), "{md}");
}
