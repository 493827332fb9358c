//! Synonyms a data set declares (`synonyms:`): near pairs and `similar` read each
//! group as one word; a bad group is reported at its place.

mod common;

use common::rolediff;

use std::path::PathBuf;

use serde_json::Value;

/// Two roles that say the same two things in other words, with `synonyms` (a YAML
/// value, or nothing) on the line after `language`.
fn roles(synonyms: Option<&str>) -> String {
    let synonyms = synonyms.map_or(String::new(), |s| format!("synonyms: {s}\n"));
    format!(
        "language: en\n{synonyms}roles:\n  - name: Shift lead\n    tasks:\n      - Track campaign results\n      - Oversee the night crew\n  - name: Night manager\n    tasks:\n      - Monitoring of campaign outcomes\n      - Supervision of the night crew\n  - name: Payroll clerk\n    tasks:\n      - Run the monthly payroll\n"
    )
}

fn write(yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roles.yaml");
    std::fs::write(&path, yaml).unwrap();
    (dir, path)
}

fn json(args: &[&str]) -> Value {
    let output = rolediff().args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The near pairs of `compare shift-lead night-manager`, as `(left, right)` labels.
fn near_pairs(path: &std::path::Path) -> Vec<(String, String)> {
    let compared = json(&[
        "--data",
        path.to_str().unwrap(),
        "compare",
        "shift-lead",
        "night-manager",
        "--format",
        "json",
    ]);
    compared["near"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair["left"]["label"].as_str().unwrap().to_string(),
                pair["right"]["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn declared_synonyms_make_near_pairs_of_tasks_said_in_other_words() {
    let (_dir, plain) = write(&roles(None));
    assert_eq!(
        near_pairs(&plain),
        [],
        "without synonyms, one or two shared words of three are not enough"
    );
    // `monitor` also covers `monitoring`, `supervise` covers `supervision`.
    let (_dir, declared) = write(&roles(Some(
        "[[track, monitor], [results, outcomes], [oversee, supervise]]",
    )));
    let validated = rolediff()
        .args(["--data", declared.to_str().unwrap(), "validate"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(validated.stdout).unwrap(),
        "ok: 3 roles, 5 tasks, 1 theme, 1 source, 3 synonym groups\n"
    );
    let pairs = near_pairs(&declared);
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert!(pairs.contains(&(
        "Track campaign results".to_string(),
        "Monitoring of campaign outcomes".to_string()
    )));
    // Each pair says which words meet, as each label writes them.
    let compared = json(&[
        "--data",
        declared.to_str().unwrap(),
        "compare",
        "shift-lead",
        "night-manager",
        "--format",
        "json",
    ]);
    let track = compared["near"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["left"]["label"] == "Track campaign results")
        .unwrap();
    assert_eq!(
        track["in_common"],
        serde_json::json!([
            {"left": "Track", "right": "Monitoring"},
            {"left": "campaign", "right": "campaign"},
            {"left": "results", "right": "outcomes"},
        ])
    );
    // The payroll clerk shares no word with either role, synonyms or not.
    let ranked = json(&[
        "--data",
        declared.to_str().unwrap(),
        "similar",
        "shift-lead",
        "--format",
        "json",
    ]);
    assert_eq!(ranked[0]["id"], "night-manager");
    assert_eq!(ranked[0]["near"], 2);
    assert_eq!(ranked[1]["id"], "payroll-clerk");
    assert_eq!(ranked[1]["similarity"], 0.0);
}

/// The messages of `validate` on `roles(synonyms)`, which must fail (exit 2), in
/// `lang`.
fn refused(synonyms: &str, lang: &str) -> String {
    let (_dir, path) = write(&roles(Some(synonyms)));
    let output = rolediff()
        .args(["--lang", lang, "--data", path.to_str().unwrap(), "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_bad_synonym_group_is_reported_at_its_place() {
    let stderr = refused("[[track], [social media, networks], {a: b}]", "en");
    for expected in [
        "roles.yaml:2:12: synonyms[0]: a synonym group needs two words or more, found 1",
        "roles.yaml:2:22: synonyms[1][0]: `social media` is not one word",
        "list the words that differ, such as `[media, networks]`",
        "roles.yaml:2:47: synonyms[2]: expected a synonym group",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    let stderr = refused("track", "en");
    assert!(
        stderr.contains("roles.yaml:2:11: synonyms: expected a list of synonym groups, found"),
        "{stderr}"
    );
}

#[test]
fn synonym_messages_are_french_under_lang_fr() {
    let stderr = refused("[[track], [social media, networks]]", "fr");
    for expected in [
        "un groupe de synonymes demande deux mots ou plus, trouvé 1",
        "`social media` n'est pas un mot",
        "les synonymes se comparent mot à mot",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
}
