//! One fixture per validation rule: each asserts the message and its line and column.

use std::path::{Path, PathBuf};

use rolediff::model::{LoadLimits, load_path};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

/// The problems of a fixture as `line:column: path: message (hint)`, file name checked.
fn problems(name: &str) -> Vec<String> {
    let path = fixture(name);
    let diagnostics = load_path(&path).expect_err("the fixture must not load");
    diagnostics
        .iter()
        .map(|d| {
            let shown = d.to_string();
            let file = d.file.display().to_string();
            assert!(
                shown.starts_with(&file),
                "{shown} should start with its file"
            );
            shown[file.len()..].trim_start_matches(':').to_string()
        })
        .collect()
}

/// The problems of a folder fixture, with file paths relative to the fixture.
fn full_problems(name: &str) -> Vec<String> {
    let root = fixture(name);
    let diagnostics = load_path(&root).expect_err("the fixture must not load");
    let prefix = format!("{}/", root.display());
    diagnostics
        .iter()
        .map(|d| d.to_string().replacen(&prefix, "", 1))
        .collect()
}

#[test]
fn yaml_syntax_error() {
    assert_eq!(
        problems("syntax.yaml"),
        [
            "4:8: invalid YAML: `:` is not allowed here: the `[` opened at 3:12 is not closed (add `]` where it ends, or quote a value containing `: `)"
        ]
    );
}

#[test]
fn tabs_for_indentation() {
    let found = problems("tabs.yaml");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("3:1: invalid YAML: found a tab character"),
        "{found:?}"
    );
}

#[test]
fn unknown_field_suggests_the_right_one_and_is_not_also_reported_missing() {
    assert_eq!(
        problems("unknown-field.yaml"),
        [
            "3:5: themes[0].lable: unknown field `lable` in a theme; expected one of: id, label, description (did you mean `label`?)"
        ]
    );
}

#[test]
fn missing_required_fields() {
    assert_eq!(
        problems("missing-field.yaml"),
        [
            // A task entry without `themes` is in the default theme: no longer a problem.
            "5:5: sources[0].title: missing field `title` in a source: expected the source's title",
        ]
    );
}

#[test]
fn an_invalid_default_source_is_reported_once_not_as_missing_sources() {
    // The role's `sources: [posting]` names a source that is itself invalid (no title):
    // its task entries are not also reported as missing their `sources`.
    assert_eq!(
        problems("invalid-default-source.yaml"),
        ["5:5: sources[0].title: missing field `title` in a source: expected the source's title"]
    );
}

#[test]
fn wrong_types() {
    assert_eq!(
        problems("wrong-type.yaml"),
        [
            "10:11: roles[0].name: expected a text in French and/or English (a mapping with fr, en), found a list",
            "11:14: roles[0].aliases: expected a list of aliases, found a string",
            "15:17: roles[0].tasks[0].themes: expected a list of theme ids, found a string (write a list: `[id]`)",
        ]
    );
}

#[test]
fn duplicate_ids_point_at_the_first_definition() {
    let found = problems("duplicate-ids.yaml");
    let file = fixture("duplicate-ids.yaml").display().to_string();
    assert_eq!(
        found,
        [
            format!(
                "4:9: themes[1].id: duplicate theme id `moderation` (first defined at {file}:2:9)"
            ),
            format!(
                "10:9: sources[1].id: duplicate source id `posting` (first defined at {file}:7:9)"
            ),
            format!(
                "18:9: tasks[1].id: duplicate task id `moderate` (first defined at {file}:14:9)"
            ),
            format!("28:9: roles[1].id: duplicate role id `alpha` (first defined at {file}:23:9)"),
        ]
    );
}

#[test]
fn unknown_references_suggest_close_ids() {
    assert_eq!(
        problems("unknown-references.yaml"),
        [
            "11:14: tasks[0].themes[0]: unknown theme `moderaton`: it is not defined in the `themes` of unknown-references.yaml (did you mean `moderation`?)",
            "17:15: roles[0].tasks[0].task: unknown task `moderte`: it is not defined in the `tasks` of unknown-references.yaml (did you mean `moderate`?)",
            "20:19: roles[0].tasks[1].sources[0]: unknown source `postng`: it is not defined in the `sources` of unknown-references.yaml (did you mean `posting`?)",
            "21:24: roles[0].tasks[1].contested_by[0]: unknown source `elsewhere`: it is not defined in the `sources` of unknown-references.yaml",
        ]
    );
}

#[test]
fn axis_out_of_range_or_not_a_number() {
    assert_eq!(
        problems("axis.yaml"),
        [
            "12:11: tasks[0].axis: axis 1.5 is out of range: expected a number from 0 (pure execution) to 1 (pure strategy)",
            "16:11: tasks[1].axis: axis must be a number from 0 (pure execution) to 1 (pure strategy), found a string",
            "20:11: tasks[2].axis: axis -0.1 is out of range: expected a number from 0 (pure execution) to 1 (pure strategy)",
        ]
    );
}

#[test]
fn empty_labels() {
    assert_eq!(
        problems("empty-label.yaml"),
        [
            "3:17: themes[0].label.fr: theme label (fr) is empty",
            "3:25: themes[0].label.en: theme label (en) is empty",
            "10:11: roles[0].name: role name is empty",
        ]
    );
}

#[test]
fn ids_that_are_not_slugs() {
    let found = problems("bad-ids.yaml");
    assert_eq!(found.len(), 5, "{found:#?}");
    assert_eq!(
        found[0],
        "2:9: themes[0].id: `Moderation` is not a valid id: use lowercase letters, digits and single dashes (did you mean `moderation`?)"
    );
    assert!(found[2].starts_with("9:9: roles[0].id: `Community Manager` is not a valid id"));
    assert!(found[2].ends_with("(did you mean `community-manager`?)"));
}

#[test]
fn role_without_tasks() {
    assert_eq!(
        problems("role-without-tasks.yaml"),
        [
            "11:12: roles[0].tasks: a role needs at least one task",
            "12:5: roles[1].tasks: missing field `tasks` in a role: expected a list of the role's tasks: plain labels, or entries",
        ]
    );
}

#[test]
fn role_entries_duplicates_aliases_contests_and_inline_conflicts() {
    let file = fixture("role-entry-problems.yaml").display().to_string();
    // Aliases that other roles answer to are warnings, listed after the errors.
    assert_eq!(
        problems("role-entry-problems.yaml"),
        [
            format!("23:9: roles[0].tasks[1]: task `moderate` is listed twice in role `alpha` (first listed at {file}:21:9)"),
            "29:23: roles[0].tasks[2].contested_by: source `posting` cannot both state and contest the same task".into(),
            "30:9: roles[0].tasks[3]: a task entry needs either `task: <id>` (a task of the catalogue) or an inline `label` (a task can also be written as its label alone: `- Moderate the forum`)".into(),
            "39:9: roles[1].tasks[0]: inline task `Answer questions` is also defined in another role with other themes or axis (give both the same `themes` and `axis`, or define the task once in `tasks`)".into(),
            "19:22: warning: roles[0].aliases[1]: alias `beta` is the id of role `beta`: naming a role by it gives role `beta`, never this one".into(),
            "37:15: warning: roles[1].aliases[0]: alias `First` is shared by 2 roles: `alpha`, `beta`; naming a role by it lists them instead of choosing one".into(),
        ]
    );
}

#[test]
fn empty_file() {
    assert_eq!(
        problems("empty.yaml"),
        [" the file is empty: expected a data set (a mapping with themes, sources, tasks, roles)"]
    );
}

#[test]
fn not_utf8_points_at_the_first_bad_byte() {
    assert_eq!(
        problems("not-utf8.yaml"),
        ["2:12: the file is not valid UTF-8 text: save it as UTF-8"]
    );
}

#[test]
fn duplicate_keys() {
    assert_eq!(
        problems("duplicate-keys.yaml"),
        ["4:5: themes[0].label: duplicate field `label` in a theme"]
    );
}

#[test]
fn alias_bomb_fails_fast() {
    let found = problems("alias-bomb.yaml");
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("alias bomb"), "{found:?}");
}

#[test]
fn absurd_nesting_fails_fast() {
    let found = problems("deep-nesting.yaml");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("1:"), "{found:?}");
    assert!(found[0].contains("nesting is too deep"), "{found:?}");
}

#[test]
fn folder_without_themes_file_reports_it_once() {
    assert_eq!(
        full_problems("missing-themes"),
        ["themes.yaml: missing file: a data folder needs themes.yaml (a list of themes)"]
    );
}

#[test]
fn folder_where_a_file_should_be() {
    assert_eq!(
        full_problems("dir-as-file"),
        ["themes.yaml: expected a YAML file, found a folder"]
    );
}

#[test]
fn roles_folder_without_role_files() {
    assert_eq!(
        full_problems("empty-roles"),
        ["roles: no role files: expected at least one `*.yaml` file here"]
    );
}

#[test]
fn missing_path() {
    let diagnostics = load_path(Path::new("tests/fixtures/no-such-thing")).unwrap_err();
    assert_eq!(
        diagnostics.to_string(),
        "tests/fixtures/no-such-thing: no such file or folder (expected the data path)\n"
    );
}

#[test]
fn file_over_the_size_limit() {
    let limits = LoadLimits {
        max_file_bytes: 100,
        ..LoadLimits::default()
    };
    let path = fixture("role-entry-problems.yaml");
    let diagnostics = rolediff::model::load_path_with(&path, limits).unwrap_err();
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics.to_string().contains("over the size limit"),
        "{diagnostics}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.yaml");
    std::fs::write(&path, "themes: []\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, nothing to check here.
        eprintln!("skipped: permissions are not enforced for this user");
        return;
    }
    let diagnostics = load_path(&path).unwrap_err();
    assert!(
        diagnostics.to_string().contains("permission denied"),
        "{diagnostics}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let diagnostics = load_path(&a).unwrap_err();
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics
            .to_string()
            .starts_with(&format!("{}: cannot read the data path", a.display())),
        "{diagnostics}"
    );
}

#[test]
fn valid_edge_cases_load_bom_crlf_comments_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.yaml");
    let text = "\u{feff}# my roles\r\nthemes:\r\n  - &mod {id: moderation, label: Moderation}\r\nsources:\r\n  - id: posting\r\n    title: Job posting  # the ad\r\n    language: en\r\nroles:\r\n  - id: alpha\r\n    name: Alpha\r\n    sources: [posting]\r\n    tasks:\r\n      - label: {fr: Modérer les commentaires}\r\n        themes: [moderation]\r\n        axis: 0.2\r\n";
    std::fs::write(&path, text).unwrap();
    let data = load_path(&path).unwrap();
    assert_eq!(data.roles[0].id, "alpha");
    assert_eq!(
        data.tasks[0].label.en, "Modérer les commentaires",
        "one language falls back to the other"
    );
    assert_eq!(data.tasks[0].id, "inline-moderer-les-commentaires");
}
