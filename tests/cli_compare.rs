//! `rolediff compare` and `rolediff similar` through the built binary.

mod common;

use common::rolediff;

use std::collections::BTreeSet;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

const SMALL: &str = "tests/fixtures/small";

fn json_of(cmd: &mut Command) -> Value {
    let output = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).expect("valid JSON")
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect()
}

#[test]
fn compare_text_is_side_by_side_with_markers() {
    // Every claim: 1 shared of 2 + 3 − 1 = 4 tasks. Without the task alpha contests
    // (maker's "Write posts"): 1 of 2 + 2 − 1 = 3.
    let expected = "\
Lead (lead)  ⟷  Maker (maker)
Similarity: 25–33% (25% over every task its sources state, 33% over the tasks no source contests)
= 1 shared   < 1 lead only   > 2 maker only   ~ 0 near   ^ 0 split   ! 1 contested
Axis (0 = execution, 1 = strategy), without contested tasks: lead 0.80 (sources 0.70–0.80), maker 0.45 (sources 0.20–0.50)

Strategy  (< 1)
 Set the strategy · 0.9 [1]       <

Moderation  (> 1)
                                  >  Moderate conversations · 0.2 [1]

Content  (= 1  > 1)
 Plan content · 0.7 [1,2]         =  Plan content · 0.7 [2]
                                  > !Write posts · 0.3 [2]

Sources: [1] alpha  [2] beta
= both  < left only  > right only  ~ near: nearly the same task
^ split: one subject, one side decides, the other carries out
! a source contests the task (similarity and axis also given without it)
";
    rolediff()
        .args(["compare", "lead", "maker", "--data", SMALL])
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn compare_text_has_no_colour_in_a_pipe_even_without_no_color() {
    rolediff()
        .env_remove("NO_COLOR")
        .args(["compare", "boss", "mak", "--data", SMALL])
        .assert()
        .success()
        .stdout(predicate::str::contains('\u{1b}').not())
        .stdout(predicate::str::contains("=  Plan content · 0.7 [2]"));
}

#[test]
fn compare_markdown_is_a_table() {
    let expected = "\
# Lead ⟷ Maker

- Similarity: **25–33%** (25% over every task its sources state, 33% over the tasks no source contests)
- Axis (0 = execution, 1 = strategy), without contested tasks: Lead 0.80 (sources 0.70–0.80), Maker 0.45 (sources 0.20–0.50)
- `=` 1 shared, `<` 1 Lead only, `>` 2 Maker only, `~` 0 near, `^` 0 split, `!` 1 contested
- = both  \\< left only  \\> right only  \\~ near: nearly the same task
- \\^ split: one subject, one side decides, the other carries out
- \\! a source contests the task (similarity and axis also given without it)

| Theme | Lead | Axis | | Maker | Axis |
| --- | --- | --: | :-: | --- | --: |
| Strategy (\\< 1) | Set the strategy \\[1\\] | 0.9 | `<` |  |  |
| Moderation (\\> 1) |  |  | `>` | Moderate conversations \\[1\\] | 0.2 |
| Content (= 1  \\> 1) | Plan content \\[1,2\\] | 0.7 | `=` | Plan content \\[2\\] | 0.7 |
|  |  |  | `>` | **!** Write posts \\[2\\] | 0.3 |

Sources:

1. `alpha` Article alpha
2. `beta` Article beta
";
    rolediff()
        .args([
            "compare", "lead", "maker", "--data", SMALL, "--format", "markdown",
        ])
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn compare_json_values_worked_by_hand() {
    let json = json_of(rolediff().args([
        "compare", "lead", "maker", "--data", SMALL, "--format", "json",
    ]));
    assert_eq!(
        json["left"],
        json!({"id": "lead", "name": "Lead", "axis": 0.8, "axis_by_source": [
            {"source": "alpha", "axis": 0.8, "tasks": 2},
            {"source": "beta", "axis": 0.7, "tasks": 1},
        ]})
    );
    // Maker's axis leaves out "Write posts" (0.3), which alpha contests; beta, which
    // states it, places maker at (0.3 + 0.7) / 2.
    assert_eq!(
        json["right"],
        json!({"id": "maker", "name": "Maker", "axis": 0.45, "axis_by_source": [
            {"source": "alpha", "axis": 0.2, "tasks": 1},
            {"source": "beta", "axis": 0.5, "tasks": 2},
        ]})
    );
    // 1 shared out of 2 + 3 − 1 = 4 distinct tasks; 1 of 3 without the contested one.
    assert_eq!(json["similarity"], 0.25);
    assert_eq!(json["similarity_agreed"], 0.333);
    assert_eq!(json["right_only"][1]["contested"], true);
    assert_eq!(ids(&json["shared"]), ["plan-content"]);
    assert_eq!(
        json["shared"][0]["sources"],
        json!({"left": ["alpha", "beta"], "right": ["beta"]})
    );
    assert_eq!(
        json["shared"][0]["contested_by"],
        json!({"left": [], "right": []})
    );
    assert_eq!(
        json["shared"][0]["note"],
        json!({"left": null, "right": null})
    );
    assert_eq!(ids(&json["left_only"]), ["set-strategy"]);
    assert_eq!(ids(&json["right_only"]), ["moderate", "write-posts"]);
    assert_eq!(json["right_only"][1]["contested_by"], json!(["alpha"]));
    assert_eq!(
        json["right_only"][1]["note"],
        "Alpha says the lead does it."
    );
    assert_eq!(json["near"], json!([]));
    assert_eq!(
        json["themes"],
        json!([
            {"id": "strategy", "label": "Strategy", "left": 2, "right": 1, "shared": 1},
            {"id": "moderation", "label": "Moderation", "left": 0, "right": 1, "shared": 0},
            {"id": "content", "label": "Content", "left": 1, "right": 2, "shared": 1},
        ])
    );
}

#[test]
fn compare_filters_by_theme_source_and_query() {
    let run = |extra: &[&str]| {
        let mut cmd = rolediff();
        cmd.args([
            "compare", "lead", "maker", "--data", SMALL, "--format", "json",
        ])
        .args(extra);
        json_of(&mut cmd)
    };
    let moderation = run(&["--theme", "moderation"]);
    assert_eq!(moderation["left"]["axis"], Value::Null);
    assert_eq!(moderation["left"]["axis_by_source"], json!([]));
    assert_eq!(ids(&moderation["right_only"]), ["moderate"]);
    assert_eq!(moderation["similarity"], 0.0);
    assert_eq!(moderation["filter"]["themes"], json!(["moderation"]));

    let two_themes = run(&["--theme", "moderation", "--theme", "strategy"]);
    assert_eq!(ids(&two_themes["left_only"]), ["set-strategy"]);
    assert_eq!(ids(&two_themes["shared"]), ["plan-content"]);

    // Accents and case do not matter.
    let query = run(&["--query", "PLANIFIER"]);
    assert_eq!(ids(&query["shared"]), ["plan-content"]);
    assert_eq!(query["similarity"], 1.0);

    // A source's view: the tasks it states. Alpha contests maker's "Write posts" and
    // does not state it, so in alpha's view maker does not write posts.
    let alpha = run(&["--source", "alpha"]);
    assert_eq!(ids(&alpha["left_only"]), ["set-strategy", "plan-content"]);
    assert_eq!(ids(&alpha["right_only"]), ["moderate"]);
    assert_eq!(alpha["shared"], json!([]));
    // Beta states "Write posts"; with alpha and beta together it is kept and marked
    // contested, and leaves the agreed figure.
    let both = run(&["--source", "alpha", "--source", "beta"]);
    assert_eq!(ids(&both["right_only"]), ["moderate", "write-posts"]);
    assert_eq!(both["right_only"][1]["contested"], true);
    let beta = run(&["--source", "beta"]);
    assert_eq!(ids(&beta["right_only"]), ["write-posts"]);
    assert_eq!(beta["right_only"][0]["contested"], false);
    assert_eq!(beta["similarity"], beta["similarity_agreed"]);
    // Nothing compared: no similarity, not 100%.
    let nothing = run(&["--query", "no such task"]);
    assert_eq!(nothing["similarity"], Value::Null);
}

#[test]
fn unknown_filter_ids_exit_2_with_the_closest() {
    rolediff()
        .args([
            "compare", "lead", "maker", "--data", SMALL, "--theme", "strat",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown theme `strat`; closest ids: strategy",
        ));
    rolediff()
        .args([
            "compare", "lead", "maker", "--data", SMALL, "--source", "alpah",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown source `alpah`; closest ids: alpha",
        ));
    rolediff()
        .args([
            "compare", "lead", "maker", "--data", SMALL, "--source", "zzz",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("valid ids: alpha, beta"));
    rolediff()
        .args(["compare", "lead", "makr", "--data", SMALL])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("maker"));
}

#[test]
fn compare_in_french() {
    rolediff()
        .args(["compare", "maker", "mixed", "--data", SMALL, "--lang", "fr"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Exécutant (maker)  ⟷  Mixed (mixed)\nSimilarité : 25–33%",
        ))
        .stdout(predicate::str::contains(
            " Modérer les échanges · 0,2 [1]       =  Modérer les échanges · 0,2 [2]",
        ))
        // French figures take a decimal comma.
        .stdout(predicate::str::contains(
            "maker 0,45 (selon les sources 0,20–0,50), mixed 0,15",
        ));
}

/// Two job descriptions written by users that say the same things in other words.
const OWN_DATA: &str = "\
themes:
  - id: community
    label: {fr: Communauté, en: Community}
sources:
  - id: ad
    title: Job ad
    language: fr
tasks: []
roles:
  - id: ours
    name: Notre poste
    sources: [ad]
    tasks:
      - label: Animer la communauté
        themes: [community]
        axis: 0.4
      - label: Modérer les commentaires
        themes: [community]
        axis: 0.2
  - id: theirs
    name: Leur poste
    sources: [ad]
    tasks:
      - label: Faire vivre la communauté
        themes: [community]
        axis: 0.5
      - label: Modération des commentaires
        themes: [community]
        axis: 0.2
      - label: Rédiger la newsletter
        themes: [community]
        axis: 0.3
";

#[test]
fn near_pairs_make_free_text_descriptions_similar() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    std::fs::write(&file, OWN_DATA).unwrap();
    let data = file.to_str().unwrap();
    let json = json_of(rolediff().args([
        "compare", "ours", "theirs", "--data", data, "--format", "json",
    ]));
    assert_eq!(json["shared"], json!([]));
    let near: Vec<(&str, &str, f64)> = json["near"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["left"]["id"].as_str().unwrap(),
                p["right"]["id"].as_str().unwrap(),
                p["score"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        near,
        [
            (
                "inline-animer-la-communaute",
                "inline-faire-vivre-la-communaute",
                1.0
            ),
            (
                "inline-moderer-les-commentaires",
                "inline-moderation-des-commentaires",
                1.0
            ),
        ]
    );
    // Near pairs stay in the only-lists.
    assert_eq!(json["left_only"].as_array().unwrap().len(), 2);
    assert_eq!(json["right_only"].as_array().unwrap().len(), 3);
    // overlap 2 (two pairs scoring 1) out of 2 + 3 − 2 = 3.
    assert_eq!(json["similarity"], 0.667);

    rolediff()
        .args(["compare", "ours", "theirs", "--data", data])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            " Animer la communauté · 0.4 [1]               ~  Faire vivre la communauté · 0.5 [1] · 100%",
        ))
        .stdout(predicate::str::contains("~ 2 near"));
}

#[test]
fn similar_ranks_the_other_roles() {
    let json = json_of(rolediff().args(["similar", "lead", "--data", SMALL, "--format", "json"]));
    assert_eq!(
        json,
        json!([
            {"id": "maker", "name": "Maker", "similarity": 0.253, "tasks": 0.25,
             "tasks_agreed": 0.333, "wording": 0.255, "shared": 1, "near": 0, "axis": 0.45,
             "words_in_common": ["plan", "content"]},
            // Nothing in common but a few letter pieces ("ent" of "content" and of
            // "complaints"): not quite nothing, and no word to name.
            {"id": "mixed", "name": "Mixed", "similarity": 0.001, "tasks": 0.0,
             "tasks_agreed": 0.0, "wording": 0.003, "shared": 0, "near": 0, "axis": 0.15,
             "words_in_common": []},
        ])
    );
    let top = json_of(rolediff().args([
        "similar", "lead", "--data", SMALL, "--format", "json", "--top", "1",
    ]));
    assert_eq!(ids(&top), ["maker"]);
    rolediff()
        .args(["similar", "lead", "--data", SMALL])
        .assert()
        .success()
        .stdout(
            "\
Roles most similar to Lead (lead)

SIMILARITY   TASKS  WORDING  SHARED  NEAR  AXIS  ID     NAME   WORDS IN COMMON
       25%  25–33%      26%       1     0  0.45  maker  Maker  plan, content
        0%      0%       0%       0     0  0.15  mixed  Mixed
",
        );
    // Under a filter there is no wording, and no word to show.
    let filtered = json_of(rolediff().args([
        "similar", "lead", "--data", SMALL, "--format", "json", "--query", "plan",
    ]));
    assert_eq!(filtered[0]["wording"], Value::Null);
    assert_eq!(filtered[0]["words_in_common"], json!([]));
}

fn task_ids(json: &Value) -> BTreeSet<String> {
    json.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

/// On the bundled data, whatever it holds: the comparison agrees with `show`.
#[test]
fn bundled_compare_agrees_with_show() {
    let roles = json_of(rolediff().args(["list", "--format", "json"]));
    let roles = ids(&roles);
    assert!(roles.len() >= 2);
    let (a, b) = (roles[0], roles[1]);
    let show = |role: &str| {
        task_ids(&json_of(rolediff().args(["show", role, "--format", "json"]))["tasks"])
    };
    let (a_tasks, b_tasks) = (show(a), show(b));
    let json = json_of(rolediff().args(["compare", a, b, "--format", "json"]));
    let shared = task_ids(&json["shared"]);
    assert_eq!(shared, a_tasks.intersection(&b_tasks).cloned().collect());
    assert_eq!(
        task_ids(&json["left_only"]),
        a_tasks.difference(&b_tasks).cloned().collect()
    );
    assert_eq!(
        task_ids(&json["right_only"]),
        b_tasks.difference(&a_tasks).cloned().collect()
    );
    let similarity = json["similarity"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&similarity));

    for format in ["text", "markdown"] {
        rolediff()
            .args(["compare", a, b, "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::is_empty().not());
    }
    // A role with itself.
    let same = json_of(rolediff().args(["compare", a, a, "--format", "json"]));
    assert_eq!(same["similarity"], 1.0);
    assert_eq!(task_ids(&same["shared"]), a_tasks);

    let similar = json_of(rolediff().args(["similar", a, "--format", "json"]));
    assert_eq!(similar.as_array().unwrap().len(), roles.len() - 1);
    let b_entry = similar
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == b)
        .unwrap();
    // `tasks` is the similarity `compare` gives; `similarity` adds the wording.
    assert_eq!(b_entry["tasks"], json["similarity"]);
    let wording = b_entry["wording"].as_f64().unwrap();
    let tasks = json["similarity"].as_f64().unwrap();
    let similarity = b_entry["similarity"].as_f64().unwrap();
    assert!((similarity - (tasks + wording) / 2.0).abs() <= 0.001);
    assert_eq!(b_entry["shared"].as_u64().unwrap() as usize, shared.len());
}

#[test]
fn similar_names_the_words_in_common_in_the_language_asked() {
    let words = |lang: &str| -> Vec<String> {
        let json = json_of(rolediff().args([
            "--lang",
            lang,
            "similar",
            "community-manager",
            "--format",
            "json",
            "--top",
            "1",
        ]));
        json[0]["words_in_common"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    // The bundled labels say "social networks" and "réseaux sociaux": one stem, named
    // as each language writes it.
    let english = words("en");
    assert!(english.contains(&"social".to_string()), "{english:?}");
    assert!(!english.contains(&"sociaux".to_string()), "{english:?}");
    let french = words("fr");
    assert!(french.contains(&"sociaux".to_string()), "{french:?}");
    assert!(!french.contains(&"social".to_string()), "{french:?}");
}

#[test]
fn similar_fits_the_width_it_is_given_and_keeps_ids_whole() {
    let table = |width: Option<&str>| -> String {
        let mut cmd = rolediff();
        cmd.args(["similar", "community-manager"]);
        if let Some(width) = width {
            cmd.args(["-W", width]);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    // A pipe without a width: every column whole.
    let whole = table(None);
    assert!(whole.contains("NAME"), "{whole}");
    assert!(
        whole.contains("prospects, social, manage, leads"),
        "{whole}"
    );
    for (width, name, words) in [
        ("120", true, true),
        ("100", false, true),
        ("80", false, false),
    ] {
        let text = table(Some(width));
        let limit: usize = width.parse().unwrap();
        for line in text.lines() {
            assert!(
                rolediff::text::width(line) <= limit,
                "{width}: {line:?} is wider"
            );
        }
        assert_eq!(text.contains("  NAME"), name, "{width}:\n{text}");
        assert_eq!(text.contains("WORDS IN COMMON"), words, "{width}:\n{text}");
        // Ids are what one types next: never cut.
        assert!(
            text.contains("gestionnaire-de-communaute"),
            "{width}:\n{text}"
        );
    }
}
