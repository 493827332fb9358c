//! The built binary: every command of the core and its exit codes.

mod common;

use common::rolediff;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SMALL: &str = "tests/fixtures/small";

fn stdout_json(cmd: &mut Command) -> Value {
    let output = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).expect("valid JSON")
}

#[test]
fn validate_ok_counts_everything() {
    rolediff()
        .args(["validate", "--data", SMALL])
        .assert()
        .success()
        .stdout("ok: 3 roles, 5 tasks, 3 themes, 2 sources\n");
}

#[test]
fn validate_in_french() {
    rolediff()
        .args(["validate", "--data", SMALL, "--lang", "fr"])
        .assert()
        .success()
        .stdout("ok : 3 rôles, 5 tâches, 3 thèmes, 2 sources\n");
}

#[test]
fn lang_defaults_to_the_locale() {
    rolediff()
        .env("LANG", "fr_FR.UTF-8")
        .args(["validate", "--data", SMALL])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok : 3 rôles"));
}

#[test]
fn data_path_from_environment() {
    rolediff()
        .env("ROLEDIFF_DATA", SMALL)
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 3 roles"));
}

#[test]
fn validate_bad_data_lists_every_problem_and_exits_2() {
    let assert = rolediff()
        .args(["validate", "--data", "tests/fixtures/invalid/axis.yaml"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(lines[0].starts_with(
        "tests/fixtures/invalid/axis.yaml:12:11: tasks[0].axis: axis 1.5 is out of range"
    ));
    assert_eq!(lines[3], "error: 3 problems in the data set");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
}

#[test]
fn missing_data_path_exits_2() {
    rolediff()
        .args(["list", "--data", "does/not/exist"])
        .assert()
        .code(2)
        .stderr("does/not/exist: no such file or folder (expected the data path)\nerror: 1 problem in the data set\n");
}

#[test]
fn list_text_aligns_columns() {
    rolediff()
        .args(["list", "--data", SMALL])
        .assert()
        .success()
        .stdout(
            "ID     NAME    TASKS  AXIS  BY SOURCE  ALIASES\n\
         lead   Lead        2  0.80  0.70–0.80  boss\n\
         maker  Maker       3  0.45  0.20–0.50\n\
         mixed  Mixed       2  0.15\n",
        );
}

#[test]
fn list_json_shape() {
    let json = stdout_json(rolediff().args(["list", "--data", SMALL, "--format", "json"]));
    assert_eq!(
        json[0],
        serde_json::json!({
            "id": "lead", "name": "Lead", "aliases": ["boss"], "tasks": 2, "axis": 0.8,
            "axis_by_source": [
                {"source": "alpha", "axis": 0.8, "tasks": 2},
                {"source": "beta", "axis": 0.7, "tasks": 1}
            ]
        })
    );
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(json[2]["axis"], 0.15);
}

#[test]
fn show_json_shape_and_inline_ids() {
    let json = stdout_json(rolediff().args([
        "show", "mixed", "--data", SMALL, "--format", "json", "--lang", "fr",
    ]));
    assert_eq!(json["id"], "mixed");
    assert_eq!(json["summary"], Value::Null);
    assert_eq!(json["tasks"][0]["label"], "Modérer les échanges");
    assert_eq!(
        json["tasks"][1],
        serde_json::json!({
            "id": "inline-answer-customer-complaints",
            "label": "Answer customer complaints",
            "themes": ["moderation"],
            "axis": 0.1,
            "sources": ["beta"],
            "contested_by": [],
            "contested": false,
            "note": null
        })
    );
}

#[test]
fn show_text_groups_by_theme_and_marks_contests() {
    rolediff()
        .args(["show", "maker", "--data", SMALL])
        .assert()
        .success()
        .stdout(
            "Maker (maker)\n\
         Axis (0 = execution, 1 = strategy): 0.45, without contested tasks\n\
         By source: alpha 0.20 (1 task), beta 0.50 (2 tasks)\n\
         ! a source contests the task (not counted in the axis)\n\
         \n\
         Moderation\n\
         \x20 0.20  Moderate conversations  [alpha]\n\
         \n\
         Content\n\
         \x20 0.70  Plan content  [beta]\n\
         ! 0.30  Write posts  [beta]\n\
         \x20       contested by: alpha\n\
         \x20       note: Alpha says the lead does it.\n",
        );
}

#[test]
fn role_argument_accepts_alias_and_prefix() {
    for query in ["lead", "boss", "BOSS", "le", "Bo"] {
        let json =
            stdout_json(rolediff().args(["show", query, "--data", SMALL, "--format", "json"]));
        assert_eq!(json["id"], "lead", "query {query}");
    }
}

#[test]
fn ambiguous_and_unknown_roles_exit_2() {
    rolediff()
        .args(["show", "m", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(
            "error: role `m` is ambiguous: it starts an id, name or alias of 2 roles; \
             name one by its id:\n  maker  Maker\n  mixed  Mixed\n",
        );
    rolediff()
        .args(["show", "makr", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: unknown role `makr`; closest ids: maker",
        ));
}

#[test]
fn usage_errors_exit_2() {
    rolediff()
        .args(["list", "--format", "yaml"])
        .assert()
        .code(2);
    rolediff().args(["show"]).assert().code(2);
    rolediff().args(["--lang", "de", "list"]).assert().code(2);
}

#[test]
fn no_subcommand_off_a_terminal_points_to_compare() {
    rolediff()
        .args(["--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rolediff compare"));
}

#[test]
fn export_data_writes_files_that_validate_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine");
    rolediff()
        .args(["export-data"])
        .arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("wrote "));
    let exported = rolediff::model::load_path(&target).expect("exported data loads");
    let bundled = rolediff::model::load_bundled().unwrap();
    assert_eq!(exported.roles.len(), bundled.roles.len());
    assert_eq!(exported.tasks.len(), bundled.tasks.len());
    assert!(target.join("README.md").exists());

    // A second export refuses and leaves the user's edits alone.
    let themes = target.join("themes.yaml");
    std::fs::write(&themes, "# my edits\n").unwrap();
    rolediff()
        .args(["export-data"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(&themes).unwrap(), "# my edits\n");

    rolediff()
        .args(["export-data", "--force"])
        .arg(&target)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&themes).unwrap(), "# my edits\n");
    let leftovers: Vec<_> = walk(&target)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn export_data_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.path().join("probe"), "").is_ok() {
        eprintln!("skipped: permissions are not enforced for this user");
        return;
    }
    rolediff()
        .args(["export-data"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: cannot write"));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn control_characters_in_data_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.yaml");
    std::fs::write(
        &path,
        "themes:\n  - id: t\n    label: \"Theme\\e]0;pwned\\a\"\nsources:\n  - id: s\n    title: S\n    language: en\nroles:\n  - id: evil\n    name: \"Evil\\e[2J\\u202Ename\"\n    sources: [s]\n    tasks:\n      - label: \"Task\\rhidden\"\n        themes: [t]\n        axis: 0.5\n",
    )
    .unwrap();
    for args in [vec!["list"], vec!["show", "evil"]] {
        let output = rolediff()
            .args(&args)
            .arg("--data")
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(output).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202E}'), "{text:?}");
        assert!(text.contains("Evil\u{FFFD}[2J\u{FFFD}name"), "{text:?}");
    }
    let json = rolediff()
        .args(["show", "evil", "--format", "json", "--data"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json = String::from_utf8(json).unwrap();
    assert!(json.contains("\\u001b[2J"), "JSON escapes ESC: {json}");
}

#[test]
fn exit_status_is_diff_like_and_writing_failures_are_errors() {
    // `compare --exit-code`: 1 when the roles differ, 0 when they do not.
    rolediff()
        .args(["compare", "lead", "maker", "--data", SMALL, "--exit-code"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Lead (lead)"));
    rolediff()
        .args(["compare", "lead", "lead", "--data", SMALL, "--exit-code"])
        .assert()
        .code(0);
    // Without the flag, a difference is not a failure.
    rolediff()
        .args(["compare", "lead", "maker", "--data", SMALL])
        .assert()
        .code(0);
    // Errors are 2, with or without the flag.
    rolediff()
        .args(["compare", "lead", "nobody", "--data", SMALL, "--exit-code"])
        .assert()
        .code(2);
    // Output that cannot be written: 2, with a message, for reports and for --help.
    if std::path::Path::new("/dev/full").exists() {
        for args in [
            &["list", "--data", SMALL][..],
            &["--help"][..],
            &["--version"][..],
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolediff"))
                .args(args)
                .env("NO_COLOR", "1")
                .env_remove("ROLEDIFF_DATA")
                .env_remove("ROLEDIFF_CONFIG")
                .stdout(full)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains("cannot write the output"),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn a_closed_stderr_is_no_panic() {
    // `validate 2>&1 | head -0`-like: stderr is a pipe nobody reads.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolediff"))
        .args([
            "validate",
            "--data",
            "tests/fixtures/invalid/missing-field.yaml",
        ])
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "a panic exits 101");
}

#[test]
fn mistyped_commands_get_a_hint() {
    rolediff()
        .args(["lsit", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean the command `list`?"));
    rolediff()
        .args(["compre", "lead", "maker", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean the command `compare`?",
        ));
    // A real role is no typo.
    rolediff()
        .args(["lead", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean").not());
}

#[test]
fn a_pipe_is_never_paged() {
    rolediff()
        .args(["show", "lead", "--data", SMALL])
        .env("ROLEDIFF_PAGER", "sed 's/^/PAGED /'")
        .assert()
        .success()
        .stdout(predicate::str::contains("PAGED").not());
}

#[test]
fn data_from_standard_input_and_from_a_named_pipe() {
    let text = std::fs::read_to_string("tests/fixtures/real/fiches-metiers.yaml").unwrap();
    rolediff()
        .args(["validate", "--data", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 6 roles"))
        .stderr(predicate::str::contains("<stdin>:"));
    // Not text: refused with a place, exit 2.
    rolediff()
        .args(["list", "--data", "-"])
        .write_stdin(vec![0xff, 0xfe, 0x00])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>: the data is not UTF-8 text",
        ));
    // A named pipe, as `--data <(…)` gives, is read like a file.
    if std::process::Command::new("mkfifo")
        .arg("--version")
        .output()
        .is_ok()
    {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("roles.fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(fifo, text).unwrap())
        };
        rolediff()
            .args(["list", "--data"])
            .arg(&fifo)
            .assert()
            .success()
            .stdout(predicate::str::contains("chargee-de-relations-presse"));
        writer.join().unwrap();
    }
}
