//! Catalogues as real publishers write them: aliases that repeat the role's own name,
//! aliases shared by several roles, accents in any Unicode form. The built binary on
//! files written into a temporary folder, on a French fixture, and on ESCO.

mod common;

use common::rolediff;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// A one-file data set with these roles, each `(id, name, aliases)` on lines of its
/// own: role `i` starts at line `6 + 4 * i`, its aliases on the line after.
fn catalogue(roles: &[(&str, &str, &[&str])]) -> String {
    let mut yaml = String::from(
        "themes:\n  - {id: work, label: Work}\nsources:\n  - {id: sheets, title: Sheets, language: en}\nroles:\n",
    );
    for (i, (id, name, aliases)) in roles.iter().enumerate() {
        let aliases: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
        yaml.push_str(&format!(
            "  - id: {id}\n    aliases: [{}]\n    name: {name:?}\n    tasks: [{{label: Task {i}, themes: [work], axis: 0.5, sources: [sheets]}}]\n",
            aliases.join(", ")
        ));
    }
    yaml
}

/// Writes `yaml` as `roles.yaml` in a new temporary folder.
fn write(yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roles.yaml");
    std::fs::write(&path, yaml).unwrap();
    (dir, path)
}

fn stderr_of(cmd: &mut Command, code: i32) -> String {
    let output = cmd.assert().code(code).get_output().clone();
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn aliases_that_repeat_the_role_are_dropped_without_a_word() {
    let (_dir, path) = write(&catalogue(&[
        (
            "greffiere",
            "Greffière",
            // The id, the name in capitals, the name decomposed (NFD), a repeat.
            &[
                "greffiere",
                "GREFFIÈRE",
                "Greffie\u{300}re",
                " Tipstaff ",
                "tipstaff",
                "Greffier",
            ],
        ),
        ("clerk", "Clerk", &[]),
    ]));
    rolediff()
        .args(["validate", "--data"])
        .arg(&path)
        .assert()
        .success()
        .stdout("ok: 2 roles, 2 tasks, 1 theme, 1 source\n")
        .stderr("");
    let output = rolediff()
        .args(["list", "--format", "json", "--data"])
        .arg(&path)
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        list[0]["aliases"],
        serde_json::json!(["Tipstaff", "Greffier"])
    );
    assert_eq!(list[1]["aliases"], serde_json::json!([]));
    // The name still names the role, in any of those forms.
    for query in ["GREFFIE\u{300}RE", "greffière", "greffier"] {
        rolediff()
            .args(["show", query, "--data"])
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::starts_with("Greffière (greffiere)"));
    }
}

#[test]
fn a_shared_alias_is_a_warning_at_its_place_and_validate_exits_0() {
    let (_dir, path) = write(&catalogue(&[
        ("usher", "Usher", &["door keeper"]),
        ("bouncer", "Bouncer", &["Door Keeper"]),
    ]));
    let stderr = stderr_of(rolediff().args(["validate", "--data"]).arg(&path), 0);
    assert_eq!(
        stderr,
        format!(
            "{}:11:15: warning: roles[1].aliases[0]: alias `Door Keeper` is shared by 2 roles: \
             `usher`, `bouncer`; naming a role by it lists them instead of choosing one\n\
             warning: 1 warning in the data set: 1 shared alias\n",
            path.display()
        )
    );
    // Other commands run, and say nothing of it.
    rolediff()
        .args(["show", "usher", "--data"])
        .arg(&path)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn strict_makes_warnings_errors() {
    let (_dir, path) = write(&catalogue(&[
        ("usher", "Usher", &["door keeper"]),
        ("bouncer", "Bouncer", &["door keeper", "usher"]),
    ]));
    let stderr = stderr_of(
        rolediff()
            .args(["validate", "--strict", "--data"])
            .arg(&path),
        2,
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains(":11:15: warning: roles[1].aliases[0]: alias `door keeper` is shared")
    );
    assert!(lines[1].contains(
        ":11:30: warning: roles[1].aliases[1]: alias `usher` is the id of role `usher`: \
         naming a role by it gives role `usher`, never this one"
    ));
    assert_eq!(
        lines[2],
        "error: 2 warnings in the data set: 1 shared alias, 1 alias that is another role's id \
         or name (`--strict` refuses warnings)"
    );
    // Without warnings, --strict changes nothing.
    let (_dir, clean) = write(&catalogue(&[("usher", "Usher", &["tipstaff"])]));
    rolediff()
        .args(["validate", "--strict", "--data"])
        .arg(&clean)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn errors_are_listed_with_the_warnings_and_exit_2() {
    let yaml = catalogue(&[
        ("usher", "Usher", &["door keeper"]),
        ("bouncer", "Bouncer", &["door keeper"]),
    ])
    .replace(
        "axis: 0.5, sources: [sheets]}]\n  - id: bouncer",
        "axis: 5, sources: [sheets]}]\n  - id: bouncer",
    );
    let (_dir, path) = write(&yaml);
    let stderr = stderr_of(rolediff().args(["validate", "--data"]).arg(&path), 2);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains(": warning: roles[1].aliases[0]"),
        "{stderr}"
    );
    assert!(
        lines[1].contains(":9:51: roles[0].tasks[0].axis: axis 5 is out of range"),
        "{stderr}"
    );
    assert_eq!(lines[2], "error: 1 problem in the data set, and 1 warning");
    // Other commands list the errors only.
    let stderr = stderr_of(rolediff().args(["list", "--data"]).arg(&path), 2);
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(
        stderr.ends_with("error: 1 problem in the data set\n"),
        "{stderr}"
    );
}

#[test]
fn many_warnings_of_a_kind_are_told_as_a_count() {
    // Eight pairs of roles sharing an alias, and one alias that is another role's id.
    let names: Vec<(String, String, Vec<String>)> = (0..16)
        .map(|i| {
            let mut aliases = vec![format!("shared {}", i / 2)];
            if i == 15 {
                aliases.push("role-0".into());
            }
            (format!("role-{i}"), format!("Role {i}"), aliases)
        })
        .collect();
    let roles: Vec<(&str, &str, Vec<&str>)> = names
        .iter()
        .map(|(id, name, aliases)| {
            (
                id.as_str(),
                name.as_str(),
                aliases.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let roles: Vec<(&str, &str, &[&str])> = roles
        .iter()
        .map(|(id, name, aliases)| (*id, *name, aliases.as_slice()))
        .collect();
    let (_dir, path) = write(&catalogue(&roles));
    let file = path.display().to_string();
    let stderr = stderr_of(rolediff().args(["validate", "--data"]).arg(&path), 0);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 8, "{stderr}");
    for (line, role) in lines[..5].iter().zip([1, 3, 5, 7, 9]) {
        let place = format!(
            "{file}:{}:15: warning: roles[{role}].aliases[0]",
            7 + 4 * role
        );
        assert!(line.starts_with(&place), "{line} should start with {place}");
    }
    assert_eq!(
        lines[5],
        "warning: … and 3 more shared aliases (`rolediff validate --all` lists every one)"
    );
    assert!(
        lines[6].contains("alias `role-0` is the id of role `role-0`"),
        "{stderr}"
    );
    assert_eq!(
        lines[7],
        "warning: 9 warnings in the data set: 8 shared aliases, 1 alias that is another \
         role's id or name"
    );

    let stderr = stderr_of(
        rolediff().args(["validate", "--all", "--data"]).arg(&path),
        0,
    );
    assert_eq!(stderr.lines().count(), 10, "{stderr}");
    assert_eq!(stderr.matches("is shared by 2 roles").count(), 8);
    assert!(!stderr.contains("more shared aliases"), "{stderr}");
}

#[test]
fn a_shared_alias_names_no_role_but_lists_the_candidates() {
    let (_dir, path) = write(&catalogue(&[
        ("usher", "Usher", &["door keeper"]),
        ("clerk", "Clerk", &[]),
        ("bouncer", "Bouncer", &["Door keeper"]),
    ]));
    let candidates = "error: role `door keeper` is ambiguous: it is an alias of 2 roles; \
                      name one by its id:\n  usher    Usher\n  bouncer  Bouncer\n";
    for args in [
        vec!["show", "door keeper"],
        vec!["compare", "door keeper", "clerk"],
        vec!["compare", "clerk", "door keeper"],
        vec!["similar", "door keeper"],
        // The interactive view resolves its roles before it needs a terminal.
        vec!["door keeper", "clerk"],
    ] {
        rolediff()
            .args(&args)
            .arg("--data")
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(candidates);
    }
    // The ids still name the roles.
    rolediff()
        .args(["compare", "usher", "bouncer", "--data"])
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn a_long_list_of_candidates_is_cut() {
    let names: Vec<(String, String)> = (0..30)
        .map(|i| (format!("manager-{i:02}"), format!("Manager {i:02}")))
        .collect();
    let roles: Vec<(&str, &str, &[&str])> = names
        .iter()
        .map(|(id, name)| (id.as_str(), name.as_str(), &[][..]))
        .collect();
    let (_dir, path) = write(&catalogue(&roles));
    let stderr = stderr_of(rolediff().args(["show", "manager", "--data"]).arg(&path), 2);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 12, "{stderr}");
    assert_eq!(
        lines[0],
        "error: role `manager` is ambiguous: it starts an id, name or alias of 30 roles; \
         name one by its id:"
    );
    assert_eq!(lines[1], "  manager-00  Manager 00");
    assert_eq!(lines[11], "  … and 20 more (see `rolediff list`)");
}

fn french() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/fiches-metiers.yaml")
}

#[test]
fn a_french_catalogue_loads_with_its_shared_aliases() {
    let stderr = stderr_of(
        rolediff()
            .args(["validate", "--lang", "fr", "--data"])
            .arg(french()),
        0,
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    // In French, as asked.
    assert!(lines[0].contains(
        ":24:15: avertissement : roles[1].aliases[0]: l'alias `Chargé de com` est partagé par 3 rôles : \
         `charge-de-communication`, `chargee-de-relations-presse`, `responsable-communication`"
    ));
    assert!(lines[1].contains(
        ":44:15: avertissement : roles[4].aliases[0]: l'alias `Animateur de communauté` est partagé par 2 rôles"
    ));
    assert!(lines[2].contains(
        ":24:32: avertissement : roles[1].aliases[1]: l'alias `Attache\u{301} de presse` est le nom du rôle `attache-de-presse`"
    ));
    assert!(lines[3].contains(":37:48: avertissement : roles[3].aliases[2]: l'alias `gestionnaire de communauté` est le nom du rôle `gestionnaire-de-communaute`"));
    assert_eq!(
        lines[4],
        "avertissement : 4 avertissements dans les données : 2 alias partagés, 2 alias qui sont \
         l'identifiant ou le nom d'un autre rôle"
    );
}

#[test]
fn french_names_are_found_in_any_case_and_normal_form() {
    let show = |query: &str| {
        let output = rolediff()
            .args(["show", query, "--format", "json", "--data"])
            .arg(french())
            .output()
            .unwrap();
        assert!(output.status.success(), "{query}: {output:?}");
        let role: Value = serde_json::from_slice(&output.stdout).unwrap();
        role["id"].as_str().unwrap().to_string()
    };
    // Composed and decomposed accents, capitals, surrounding spaces.
    assert_eq!(show("Chargé de communication"), "charge-de-communication");
    assert_eq!(
        show("CHARGE\u{301} DE COMMUNICATION"),
        "charge-de-communication"
    );
    assert_eq!(
        show(" gestionnaire de communauté "),
        "gestionnaire-de-communaute"
    );
    // An alias that is another role's name gives that role.
    assert_eq!(show("attaché de presse"), "attache-de-presse");
    // A shared alias lists its roles, named in the language asked for.
    rolediff()
        .args(["compare", "chargé de com", "cm", "--lang", "fr", "--data"])
        .arg(french())
        .assert()
        .code(2)
        .stderr(
            "erreur : le rôle `chargé de com` est ambigu : c'est un alias de 3 rôles ; nommez-en un par son identifiant :\n\
             \x20 charge-de-communication      Chargé de communication\n\
             \x20 chargee-de-relations-presse  Chargée de relations presse\n\
             \x20 responsable-communication    Responsable de la communication\n",
        );
}

/// ESCO v1.1.1's occupations beside the repository (see ../shared/data/esco); a clone
/// elsewhere does not have them, so the test says so and passes.
const ESCO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/esco/occupations.yaml"
);

#[test]
fn esco_loads_with_warnings_only() {
    if !Path::new(ESCO).is_file() {
        eprintln!("skipped: {ESCO} is not here");
        return;
    }
    let assert = rolediff()
        .args(["validate", "--data", ESCO])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 3007 roles, "));
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("more shared aliases (`rolediff validate --all` lists every one)"),
        "{stderr}"
    );
    assert!(stderr.lines().count() < 20, "{stderr}");
    let output = rolediff()
        .args(["list", "--format", "json", "--data", ESCO])
        .output()
        .unwrap();
    assert!(output.status.success());
    let roles: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(roles.as_array().map(Vec::len), Some(3007));
    rolediff()
        .args(["show", "court usher", "--data", ESCO])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\n  usher "));
}

#[test]
fn past_a_thousand_of_a_kind_warnings_are_counted() {
    let aliases: Vec<String> = (0..1010).map(|i| format!("shared {i}")).collect();
    let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
    let (_dir, path) = write(&catalogue(&[
        ("usher", "Usher", &aliases),
        ("bouncer", "Bouncer", &aliases),
    ]));
    let stderr = stderr_of(
        rolediff().args(["validate", "--all", "--data"]).arg(&path),
        0,
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1002, "{}", lines.len());
    assert_eq!(
        lines[1000],
        "warning: … and 10 more shared aliases (counted, not listed: rolediff keeps the first \
         1000 of each kind)"
    );
    assert_eq!(
        lines[1001],
        "warning: 1010 warnings in the data set: 1010 shared aliases"
    );
}

#[test]
fn names_from_the_data_are_printed_safe() {
    // YAML escapes: `\e` is ESC, `\a` BEL, `\u202E` the right-to-left override.
    let yaml = catalogue(&[
        ("usher", "NAME1", &["door\\e[2Jkeeper"]),
        ("bouncer", "NAME2", &["door\\e[2Jkeeper"]),
    ])
    .replace("\"NAME1\"", "\"Ush\\e]0;pwned\\aer\"")
    .replace("\"NAME2\"", "\"Bouncer\\u202E\"");
    let (_dir, path) = write(&yaml);
    let stderr = stderr_of(rolediff().args(["validate", "--data"]).arg(&path), 0);
    assert!(
        stderr.contains("alias `door\u{FFFD}[2Jkeeper` is shared"),
        "{stderr}"
    );
    let stderr = stderr_of(
        rolediff()
            .args(["show", "door\u{1b}[2Jkeeper", "--data"])
            .arg(&path),
        2,
    );
    assert!(
        stderr.contains("  usher    Ush\u{FFFD}]0;pwned\u{FFFD}er\n  bouncer  Bouncer\u{FFFD}\n"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'));
}
