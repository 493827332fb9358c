//! Shell integration and the landscape report: completions, the man page, `matrix`.

mod common;

use common::rolediff;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

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
    // The filter in the words of compare and disputes: sources are a perspective.
    let filtered =
        stdout(rolediff().args(["matrix", "--source", "cb-vs-cm", "--theme", "strategy"]));
    assert_eq!(
        filtered.lines().nth(1),
        Some("Filter: themes strategy; as seen by the sources cb-vs-cm"),
        "{filtered}"
    );
    let french = stdout(rolediff().args(["--lang", "fr", "matrix"]));
    assert_eq!(french.lines().nth(1), Some("Filtre : aucun"), "{french}");
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

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let compare = || {
        let mut cmd = rolediff();
        cmd.env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .args(["compare", "community-manager", "social-media-manager"]);
        cmd
    };
    let escapes = |cmd: &mut Command| stdout(cmd).matches('\u{1b}').count();
    // A pipe: no colour by default, colour when forced by CLICOLOR_FORCE or --color.
    assert_eq!(escapes(&mut compare()), 0);
    assert!(escapes(compare().env("CLICOLOR_FORCE", "1")) > 10);
    assert!(escapes(compare().arg("--color=always")) > 10);
    // NO_COLOR wins over CLICOLOR_FORCE; --color never wins over everything.
    assert_eq!(
        escapes(compare().env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1")),
        0
    );
    assert_eq!(
        escapes(compare().env("CLICOLOR_FORCE", "1").arg("--color=never")),
        0
    );
    // The palette's colours: the colourblind palette's left role is vermillion (RGB).
    let colorblind = stdout(compare().args(["--color=always", "--palette", "colorblind"]));
    let default = stdout(compare().arg("--color=always"));
    assert_ne!(colorblind, default);
    assert!(
        colorblind.contains("\u{1b}[38;2;"),
        "true colours of the palette"
    );
}

#[test]
fn width_comes_from_the_flag_then_columns_and_labels_are_never_cut() {
    let lines = |extra: &[&str], columns: Option<&str>| {
        let mut cmd = rolediff();
        cmd.args(["compare", "community-manager", "social-media-manager"])
            .args(extra);
        if let Some(columns) = columns {
            cmd.env("COLUMNS", columns);
        }
        stdout(&mut cmd)
    };
    // A pipe without a width: every cell whole on one line, nothing cut.
    let wide = lines(&[], None);
    assert!(!wide.contains('…'), "a label was cut:\n{wide}");
    let rows_wide = wide.lines().count();
    // COLUMNS and -W narrow it: cells wrap onto more lines, still nothing cut.
    for narrow in [lines(&[], Some("70")), lines(&["-W", "70"], None)] {
        assert!(!narrow.contains('…'), "a label was cut:\n{narrow}");
        assert!(narrow.lines().count() > rows_wide);
        // The rows: after the header, up to the sources' list and the legend.
        let body = narrow
            .lines()
            .skip_while(|l| !l.is_empty())
            .take_while(|l| !l.starts_with("Sources"));
        for line in body {
            assert!(rolediff_width(line) <= 70, "{line:?} is wider than 70");
        }
    }
    // --width beats COLUMNS.
    assert_eq!(
        lines(&["-W", "70"], Some("200")),
        lines(&["-W", "70"], None)
    );
}

/// Display width, for the width test (no dependency on the library's own function).
fn rolediff_width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn export_data_completes_folders_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a-folder")).unwrap();
    std::fs::write(dir.path().join("a-file.txt"), "").unwrap();
    let offered = stdout(
        rolediff()
            .current_dir(dir.path())
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", "2")
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n")
            .args(["--", "rolediff", "export-data", "a-"]),
    );
    assert!(offered.contains("a-folder"), "{offered}");
    assert!(!offered.contains("a-file.txt"), "{offered}");
}
