//! Hostile and broken data sets, through the binary: each one exits with code 2 and a
//! message that names the file and, when there is one, the place in it. Time and
//! memory are bounded by design (64 MiB file limit, nesting limit of 128, a budget for
//! what anchors and aliases repeat, at most 1,000 problems), not by timing the tests;
//! the generous timeout only turns a hang into a failure.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/yaml");
const INVALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid");
const SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");

/// Runs `rolediff validate --data PATH`, expects exit 2, returns standard error.
fn refused(path: &Path) -> String {
    let output = Command::cargo_bin("rolediff")
        .unwrap()
        .args(["validate", "--data"])
        .arg(path)
        .env_remove("ROLEDIFF_DATA")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).expect("messages are UTF-8");
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {stderr}",
        path.display()
    );
    assert!(output.stdout.is_empty(), "{}", path.display());
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}') && !stderr.contains('\r'),
        "raw control characters in {stderr:?}"
    );
    assert!(
        stderr.lines().all(|l| l.len() < 2000),
        "a line is huge: {stderr}"
    );
    stderr
}

/// The first problem must be `FILE:PLACE: …` and contain `words`.
fn assert_first(path: &Path, place: Option<&str>, words: &str) {
    assert_first_in(path, path, place, words);
}

/// Loading `data`, the first problem is `path:PLACE: …` and contains `words`.
fn assert_first_in(data: &Path, path: &Path, place: Option<&str>, words: &str) {
    let stderr = refused(data);
    let first = stderr.lines().next().unwrap_or_default();
    let expected = match place {
        Some(place) => format!("{}:{place}: ", path.display()),
        None => format!("{}: ", path.display()),
    };
    assert!(
        first.starts_with(&expected),
        "{} should start with {expected:?}; stderr:\n{stderr}",
        path.display()
    );
    assert!(first.contains(words), "{first:?} lacks {words:?}");
}

/// Each committed hostile file, where the first problem is, and a word of it.
const CASES: &[(&str, Option<&str>, &str)] = &[
    ("alias-amplified-list.yaml", Some("13:263"), "alias bomb"),
    (
        "alias-amplified-summaries.yaml",
        Some("71:67"),
        "alias bomb",
    ),
    ("alias-bomb-in-data.yaml", Some("6:34"), "alias bomb"),
    ("alias-bomb-mappings.yaml", Some("5:25"), "alias bomb"),
    ("alias-self-reference.yaml", Some("1:16"), "contain itself"),
    ("alias-undefined.yaml", Some("16:14"), "unknown anchor"),
    (
        "axis-infinity.yaml",
        Some("12:11"),
        "axis -inf is out of range",
    ),
    ("axis-nan.yaml", Some("12:11"), "axis NaN is out of range"),
    ("bidi-in-id.yaml", Some("14:9"), "is not a valid id"),
    ("binary-junk.yaml", Some("1:1"), "not valid UTF-8"),
    ("bom-mid-file.yaml", Some("14:1"), "byte-order mark"),
    ("bom-twice.yaml", Some("1:2"), "byte-order mark"),
    ("complex-keys.yaml", Some("14:5"), "key that is a list"),
    (
        "control-chars-raw.yaml",
        Some("6:15"),
        "control characters are not allowed",
    ),
    (
        "cr-only-line-ends.yaml",
        Some("12:11"),
        "axis must be a number",
    ),
    (
        "crlf-with-error.yaml",
        Some("12:11"),
        "axis 2 is out of range",
    ),
    ("custom-tag.yaml", Some("12:11"), "YAML tags"),
    ("deep-nesting-block-200.yaml", Some("129:255"), "too deep"),
    ("deep-nesting-flow-10000.yaml", Some("1:129"), "too deep"),
    // The 129th level: the top-level mapping is the first.
    ("deep-nesting-maps-10000.yaml", Some("1:517"), "too deep"),
    (
        "duplicate-top-level-key.yaml",
        Some("24:1"),
        "duplicate field `themes`",
    ),
    ("escape-in-id.yaml", Some("14:9"), "is not a valid id"),
    ("huge-int-axis.yaml", Some("12:11"), "out of range"),
    ("lone-surrogate.yaml", Some("6:12"), "invalid Unicode"),
    ("long-id.yaml", Some("14:9"), "…` is not a valid id"),
    (
        "merge-key-unknown-field.yaml",
        Some("19:5"),
        "unknown field `<<`",
    ),
    ("non-string-keys.yaml", Some("19:5"), "key that is a number"),
    (
        "nul-bytes.yaml",
        Some("6:15"),
        "control characters are not allowed",
    ),
    ("only-comments.yaml", None, "the file is empty"),
    ("only-document-markers.yaml", None, "the file is empty"),
    ("tabs-indentation.yaml", Some("15:1"), "tab character"),
    ("tag-directive.yaml", Some("14:11"), "YAML tags"),
    ("tag-verbatim.yaml", Some("12:11"), "YAML tags"),
    ("top-level-list.yaml", Some("1:1"), "found a list"),
    ("top-level-scalar.yaml", Some("1:1"), "found a string"),
    (
        "truncated-in-flow.yaml",
        Some("4:1"),
        "the file ends inside the `{` opened at 3:12",
    ),
    // Where the quote opened.
    (
        "truncated-in-string.yaml",
        Some("6:12"),
        "unexpected end of stream",
    ),
    (
        "truncated-mid-entry.yaml",
        Some("14:5"),
        "missing field `name`",
    ),
    (
        "two-documents.yaml",
        Some("24:1"),
        "more than one YAML document",
    ),
    (
        "unclosed-quote-at-eof.yaml",
        Some("24:9"),
        "unexpected end of stream",
    ),
    // Every tag is refused, the standard `!!` ones included: a tag never changes what
    // a value means to rolediff, and `!!python/object` is a sign of a hostile file.
    ("yaml-tags.yaml", Some("6:12"), "YAML tags"),
];

#[test]
fn every_hostile_file_is_refused_with_its_place() {
    for &(name, place, words) in CASES {
        assert_first(&Path::new(HOSTILE).join(name), place, words);
    }
}

#[test]
fn every_committed_hostile_file_has_a_case() {
    let mut names: Vec<String> = std::fs::read_dir(HOSTILE)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut covered: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    covered.sort();
    assert_eq!(names, covered);
}

/// The rule fixtures of `tests/validation.rs` (exact messages there) also fail
/// through the binary, naming their file.
#[test]
fn every_rule_fixture_is_refused_through_the_binary() {
    let mut count = 0;
    for entry in std::fs::read_dir(INVALID).unwrap() {
        let path = entry.unwrap().path();
        let stderr = refused(&path);
        assert!(
            stderr.starts_with(&path.display().to_string()),
            "{stderr} should name {}",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 20, "{count} rule fixtures");
}

/// Issue 19.1 as reported: one 1 MB anchored string referenced 2,000 times, as a list
/// of aliases (1.05 MB) and as the summary of 2,000 roles (1.2 MB, valid YAML and valid
/// data otherwise). Before the alias budget they took 2 GB and 4 GB; now the second
/// alias is refused at its place, after copying the string at most twice.
#[test]
fn a_large_anchored_string_referenced_2000_times_is_refused_at_its_second_alias() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(1024 * 1024);
    let head = "themes:\n  - {id: m, label: M}\nsources:\n  - {id: p, title: P, language: en}\ntasks:\n  - {id: t, label: T, themes: [m], axis: 0.2}\nroles:\n";
    let list = dir.path().join("aliases.yaml");
    let aliases = vec!["*b"; 2000].join(", ");
    std::fs::write(
        &list,
        format!("{head}  - id: a\n    name: A\n    sources: [p]\n    tasks: [{{task: t}}]\n    summary: &b {big}\n    aliases: [{aliases}]\n"),
    )
    .unwrap();
    assert_first(&list, Some("13:19"), "alias bomb");
    let summaries = dir.path().join("summaries.yaml");
    let mut text = head.to_string();
    for i in 0..2000 {
        let summary = if i == 0 {
            format!("&b {big}")
        } else {
            "*b".into()
        };
        text.push_str(&format!(
            "  - {{id: r{i}, name: R, sources: [p], tasks: [{{task: t}}], summary: {summary}}}\n"
        ));
    }
    std::fs::write(&summaries, text).unwrap();
    assert_first(&summaries, Some("10:66"), "alias bomb");
}

/// The same attack through a config file (a 572 KB config took over 6 GB): refused
/// with its place, and the config is read before any command runs.
#[test]
fn an_amplified_config_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.yaml");
    let aliases = vec!["*b"; 2000].join(", ");
    let text = format!(
        "left: &b {}\nkeys:\n  quit: [{aliases}]\n",
        "x".repeat(256 * 1024)
    );
    std::fs::write(&config, text).unwrap();
    let output = Command::cargo_bin("rolediff")
        .unwrap()
        .args(["--config"])
        .arg(&config)
        .arg("list")
        .env_remove("ROLEDIFF_DATA")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("{}:3:", config.display())) && stderr.contains("alias bomb"),
        "{stderr:.300}"
    );
}

fn copy_small(to: &Path) {
    std::fs::create_dir_all(to.join("roles")).unwrap();
    for name in ["themes.yaml", "sources.yaml", "tasks.yaml"] {
        std::fs::copy(Path::new(SMALL).join(name), to.join(name)).unwrap();
    }
    for entry in std::fs::read_dir(Path::new(SMALL).join("roles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join("roles").join(path.file_name().unwrap())).unwrap();
    }
}

fn small_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_small(&data);
    (dir, data)
}

/// A 100 MB file, made here and never committed: refused from its size, unread.
#[test]
fn a_100_mb_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: 100 MB long without using the disk; the loader must not read it.
    file.set_len(100 * 1024 * 1024).unwrap();
    assert_first(&path, None, "over the size limit of 64 MiB");

    // The same in a folder, as a role file.
    let (_keep, data) = small_copy();
    let role = data.join("roles/huge.yaml");
    std::fs::File::create(&role)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    assert_first_in(&data, &role, None, "over the size limit");
}

/// Just under the limit, filled with real YAML that is all mistakes: the problems are
/// capped and memory stays bounded (the old loader kept every one of millions).
#[test]
fn a_file_of_a_million_mistakes_reports_the_first_thousand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mistakes.yaml");
    let mut text = String::from("themes:\n");
    text.push_str(&"  - x\n".repeat(200_000));
    text.push_str("sources: []\nroles: []\n");
    std::fs::write(&path, text).unwrap();
    let stderr = refused(&path);
    assert!(
        stderr.contains("stopped after 1000 problems"),
        "{stderr:.300}"
    );
    // The same message 1,000 times: the first 3, one line counting the others, the
    // note, the total.
    assert_eq!(stderr.lines().count(), 6, "{stderr:.600}");
    assert!(
        stderr.contains("and the same at 997 more places"),
        "{stderr:.600}"
    );
}

/// In a folder, the note names the file where the cap was reached, even when another
/// file's problem sorts after it.
#[test]
fn the_cap_note_names_the_file_that_reached_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    std::fs::write(data.join("themes.yaml"), "- x\n".repeat(1500)).unwrap();
    std::fs::write(data.join("sources.yaml"), "[]\n").unwrap();
    std::fs::write(data.join("tasks.yaml"), "[]\n").unwrap();
    std::fs::create_dir(data.join("roles")).unwrap();
    let stderr = refused(data);
    let lines: Vec<&str> = stderr.lines().collect();
    let note = lines
        .iter()
        .find(|l| l.contains("stopped after 1000 problems"))
        .unwrap_or_else(|| panic!("no note in {stderr:.300}"));
    let themes = data.join("themes.yaml");
    assert!(
        note.starts_with(&format!("{}:", themes.display())),
        "{note}"
    );
    // The roles folder's own problem is still reported.
    assert!(stderr.contains("no role files"), "{stderr:.300}");
}

#[cfg(unix)]
#[test]
fn folder_hazards_are_refused_by_name() {
    use std::os::unix::fs::symlink;

    // A symlink loop where themes.yaml should be.
    let (_a, data) = small_copy();
    let themes = data.join("themes.yaml");
    std::fs::remove_file(&themes).unwrap();
    symlink(data.join("loop.yaml"), &themes).unwrap();
    symlink(&themes, data.join("loop.yaml")).unwrap();
    assert_first_in(&data, &themes, None, "cannot read the YAML file");

    // A folder where a role file should be.
    let (_b, data) = small_copy();
    let role = data.join("roles/folder.yaml");
    std::fs::create_dir(&role).unwrap();
    assert_first_in(&data, &role, None, "found a folder");

    // `roles` is a file, not a folder.
    let (_c, data) = small_copy();
    std::fs::remove_dir_all(data.join("roles")).unwrap();
    std::fs::write(data.join("roles"), "not a folder\n").unwrap();
    assert_first_in(
        &data,
        &data.join("roles"),
        None,
        "cannot read the roles folder",
    );

    // A named pipe would block a naive reader forever.
    let (_d, data) = small_copy();
    let fifo = data.join("roles/pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        assert_first_in(&data, &fifo, None, "found a named pipe");
    } else {
        eprintln!("skipped the named pipe: mkfifo is not available");
    }

    // A device that never ends.
    let (_e, data) = small_copy();
    let device = data.join("roles/zero.yaml");
    symlink("/dev/zero", &device).unwrap();
    assert_first_in(&data, &device, None, "found a device");

    // An empty role file.
    let (_f, data) = small_copy();
    let empty = data.join("roles/empty.yaml");
    std::fs::write(&empty, "").unwrap();
    assert_first_in(&data, &empty, None, "the file is empty");

    // A symlink loop as the data path itself.
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    symlink(dir.path().join("b"), &a).unwrap();
    symlink(&a, dir.path().join("b")).unwrap();
    assert_first(&a, None, "cannot read the data path");
}

#[cfg(unix)]
#[test]
fn unreadable_file_or_a_note_when_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let (_keep, data) = small_copy();
    let themes = data.join("themes.yaml");
    std::fs::set_permissions(&themes, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&themes).is_ok() {
        // Root (as in CI containers) reads files whatever their mode: nothing to see.
        eprintln!("skipped: running as root, mode 000 does not stop reading");
        return;
    }
    assert_first_in(&data, &themes, None, "permission denied");
}

#[cfg(unix)]
#[test]
fn a_file_name_with_escapes_is_printed_safely() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\u{1b}]0;PWNED\u{7}.yaml");
    std::fs::write(&path, "themes: [\n").unwrap();
    let stderr = refused(&path);
    assert!(
        stderr.contains("evil\u{FFFD}]0;PWNED\u{FFFD}.yaml:"),
        "{stderr}"
    );
}

#[test]
fn valid_edge_cases_load() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(Path::new(HOSTILE).join("crlf-with-error.yaml"))
        .unwrap()
        .replace("axis: 2", "axis: 0.2");
    for (name, text) in [
        ("crlf.yaml", base.clone()),
        (
            "bom.yaml",
            format!("\u{feff}{}", base.replace("\r\n", "\n")),
        ),
        ("bom-crlf.yaml", format!("\u{feff}{base}")),
        (
            "comments.yaml",
            format!("# head\n{}# tail\n", base.replace("\r\n", "  # note\n")),
        ),
        (
            "anchors.yaml",
            base.replace("\r\n", "\n")
                .replace(
                    "    sources: [posting]\n    tasks:\n      - task: moderate\n  - id: beta",
                    "    sources: &s [posting]\n    tasks:\n      - task: moderate\n  - id: beta",
                )
                .replace(
                    "name: Beta\n    sources: [posting]",
                    "name: Beta\n    sources: *s",
                ),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        Command::cargo_bin("rolediff")
            .unwrap()
            .args(["validate", "--data"])
            .arg(&path)
            .timeout(Duration::from_secs(60))
            .assert()
            .success();
    }
}

#[test]
fn a_15_mb_name_is_refused_at_its_place_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-name.yaml");
    let name = "x".repeat(15 * 1024 * 1024);
    std::fs::write(
        &path,
        format!(
            "themes: [{{id: w, label: W}}]\nsources: [{{id: s, title: S, language: en}}]\n\
             roles:\n  - id: long\n    name: {name}\n    sources: [s]\n    tasks: [{{label: X, themes: [w], axis: 0.5}}]\n"
        ),
    )
    .unwrap();
    let start = std::time::Instant::now();
    let output = Command::cargo_bin("rolediff")
        .unwrap()
        .args(["validate", "--data"])
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "long-name.yaml:5:11: a value of 15728640 bytes: values are limited to 1048576 bytes"
        ),
        "{stderr}"
    );
    // Refused while parsing, not after building anything from it.
    assert!(start.elapsed() < Duration::from_secs(20));
}
