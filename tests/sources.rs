//! Each of the five bundled articles, taken as a perspective (`--source ID`), shows the
//! distinction it draws; and docs/sources.md shows the binary's current output.

mod common;

use common::rolediff;

use std::collections::BTreeSet;

use serde_json::Value;

/// `rolediff compare LEFT RIGHT --source SOURCE --format json` on the bundled data.
fn compare(left: &str, right: &str, source: &str) -> Value {
    let output = rolediff()
        .args([
            "compare", left, right, "--source", source, "--format", "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&output).expect("valid JSON")
}

/// The task ids of one list of the comparison (`shared`, `left_only`, `right_only`).
fn ids<'a>(json: &'a Value, list: &str) -> BTreeSet<&'a str> {
    json[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect()
}

/// Every task id the left (or right) role keeps in the view: shared or its own.
fn side<'a>(json: &'a Value, only: &str) -> BTreeSet<&'a str> {
    &ids(json, "shared") | &ids(json, only)
}

/// The near pairs as `(kind, left id, right id)`.
fn pairs(json: &Value) -> BTreeSet<(String, String, String)> {
    json["near"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_string(),
                p["left"]["id"].as_str().unwrap().to_string(),
                p["right"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn split(left: &str, right: &str) -> (String, String, String) {
    ("split".into(), left.into(), right.into())
}

fn axis(json: &Value, side: &str) -> f64 {
    json[side]["axis"].as_f64().unwrap()
}

#[track_caller]
fn assert_has(set: &BTreeSet<&str>, expected: &[&str]) {
    let missing: Vec<&&str> = expected.iter().filter(|id| !set.contains(*id)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in {set:?}");
}

#[track_caller]
fn assert_lacks(set: &BTreeSet<&str>, unexpected: &[&str]) {
    let found: Vec<&&str> = unexpected.iter().filter(|id| set.contains(*id)).collect();
    assert!(found.is_empty(), "unexpected {found:?} in {set:?}");
}

/// Every task kept in a source's view is one that source states for that role: a view
/// never shows what its source contests, or does not speak of, as a claim.
#[track_caller]
fn assert_all_stated_by(json: &Value, source: &str) {
    let stated = |task: &Value, sources: &Value| {
        assert!(
            sources.as_array().unwrap().iter().any(|s| s == source),
            "{} is not stated by {source}: {sources}",
            task["id"]
        );
    };
    for task in json["shared"].as_array().unwrap() {
        stated(task, &task["sources"]["left"]);
        stated(task, &task["sources"]["right"]);
    }
    for list in ["left_only", "right_only"] {
        for task in json[list].as_array().unwrap() {
            stated(task, &task["sources"]);
        }
    }
}

/// cb-vs-cm: the community builder decides, the community manager carries out.
#[test]
fn cb_vs_cm_the_builder_decides_and_the_manager_carries_out() {
    let json = compare("community-builder", "community-manager", "cb-vs-cm");
    assert_all_stated_by(&json, "cb-vs-cm");
    assert!(ids(&json, "shared").is_empty(), "{}", json["shared"]);
    // The digital strategy is the builder's alone; the manager applies it.
    assert_has(
        &ids(&json, "left_only"),
        &[
            "define-digital-strategy",
            "segment-target-audience",
            "identify-influencers",
            "recruit-key-members",
            "analyse-activity-reports",
            "adjust-actions-to-goals",
        ],
    );
    let manager = ids(&json, "right_only");
    assert_has(
        &manager,
        &[
            "apply-digital-strategy",
            "execute-editorial-plan",
            "animate-community",
            "moderate-community",
            "produce-activity-reports",
        ],
    );
    assert_lacks(&manager, &["define-digital-strategy"]);
    // The same subjects, one side deciding and the other carrying out.
    let found = pairs(&json);
    for pair in [
        split("define-digital-strategy", "apply-digital-strategy"),
        split("plan-editorial-calendar", "execute-editorial-plan"),
        split("analyse-activity-reports", "produce-activity-reports"),
    ] {
        assert!(found.contains(&pair), "{pair:?} not in {found:?}");
    }
    assert!(axis(&json, "left") >= 0.6 && axis(&json, "right") <= 0.3);
}

/// smm-vs-cm: the social media manager defines and creates upstream, with no contact
/// with the community; the community manager publishes, engages and converts.
#[test]
fn smm_vs_cm_the_smm_defines_and_creates_the_cm_publishes_and_converts() {
    let json = compare("social-media-manager", "community-manager", "smm-vs-cm");
    // None of smm-vs-cm's denials appear as claims.
    assert_all_stated_by(&json, "smm-vs-cm");
    let smm = side(&json, "left_only");
    let cm = side(&json, "right_only");
    assert_has(
        &ids(&json, "left_only"),
        &[
            "define-digital-strategy",
            "define-action-plan",
            "set-editorial-line",
            "create-content",
            "manage-ad-budget",
        ],
    );
    assert_has(
        &ids(&json, "right_only"),
        &[
            "apply-digital-strategy",
            "publish-content",
            "spark-reactions",
            "be-community-contact",
            "convert-prospects",
            "handle-customer-complaints",
        ],
    );
    // What smm-vs-cm denies: the SMM publishing or standing in for the CM (no contact
    // with the community), the CM creating content or deciding the strategy.
    assert_lacks(
        &smm,
        &[
            "publish-content",
            "may-hold-both-jobs",
            "be-community-contact",
        ],
    );
    assert_lacks(&cm, &["create-content", "define-digital-strategy"]);
    assert!(pairs(&json).contains(&split("define-digital-strategy", "apply-digital-strategy")));
    assert!(axis(&json, "left") > axis(&json, "right") + 0.3);
    // Nothing in this view is contested by the view's own source.
    assert_eq!(json["similarity"], json["similarity_agreed"]);
}

/// gdc-vs-cm: the gestionnaire de communauté looks after one community day to day; the
/// community manager manages the community too, with a wider scope (brand, leads,
/// marketing strategy, online reputation) across several networks.
#[test]
fn gdc_vs_cm_the_manager_scope_is_wider_than_the_gestionnaire() {
    let json = compare(
        "gestionnaire-de-communaute",
        "community-manager",
        "gdc-vs-cm",
    );
    assert_all_stated_by(&json, "gdc-vs-cm");
    assert_has(
        &ids(&json, "left_only"),
        &[
            "manage-single-community",
            "answer-member-questions",
            "moderate-community",
            "mediate-disputes",
            "skill-communication",
            "quality-empathy",
        ],
    );
    assert_has(
        &ids(&json, "right_only"),
        &[
            "manage-community-across-networks",
            "define-digital-strategy",
            "apply-digital-strategy",
            "promote-brand",
            "generate-leads",
            "manage-online-reputation",
            "ensure-brand-presence",
            "skill-broad-marketing",
        ],
    );
    // Whole areas of the manager's work where the gestionnaire has no task listed.
    let primary = |list: &str| -> BTreeSet<String> {
        let mut themes: BTreeSet<String> = json[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["themes"][0].as_str().unwrap().to_string())
            .collect();
        themes.extend(
            json["shared"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["themes"][0].as_str().unwrap().to_string()),
        );
        themes
    };
    let (gestionnaire, manager) = (primary("left_only"), primary("right_only"));
    for area in ["strategy", "acquisition"] {
        assert!(
            manager.contains(area) && !gestionnaire.contains(area),
            "{area}: {gestionnaire:?} / {manager:?}"
        );
    }
    // The gestionnaire sits nearer execution.
    assert!(axis(&json, "right") > axis(&json, "left") + 0.1);
}

/// cm-vs-smm-b2b: the community manager also serves offline communities and is hired
/// more by B2B firms; the social media manager runs the accounts, publishes, measures
/// and plans campaigns and is hired more by B2C brands; the two roles often overlap.
#[test]
fn cm_vs_smm_b2b_offline_and_b2b_against_accounts_kpis_and_b2c() {
    let json = compare("community-manager", "social-media-manager", "cm-vs-smm-b2b");
    assert_all_stated_by(&json, "cm-vs-smm-b2b");
    assert_eq!(
        ids(&json, "shared"),
        BTreeSet::from(["may-hold-both-jobs"]),
        "the overlap is the one thing both roles share here"
    );
    let cm = ids(&json, "left_only");
    assert_has(
        &cm,
        &[
            "serve-offline-communities",
            "organise-community-events",
            "speak-at-events",
            "produce-editorial-web-content",
            "handle-customer-complaints",
            "relay-feedback-to-teams",
            "hired-by-b2b",
            "know-b2b-stakeholders",
        ],
    );
    // What the article gives the SMM, it contests for the CM: not the CM's in this view.
    assert_lacks(
        &cm,
        &[
            "publish-content",
            "manage-social-accounts",
            "produce-activity-reports",
        ],
    );
    assert_has(
        &ids(&json, "right_only"),
        &[
            "publish-content",
            "manage-social-accounts",
            "track-kpis",
            "plan-campaigns-promotions",
            "hired-by-b2c",
        ],
    );
    // Hiring and skills are off the axis, and the hiring rows are not near pairs.
    for list in ["left_only", "right_only"] {
        for task in json[list].as_array().unwrap() {
            if task["themes"][0] == "profile" {
                assert!(task["axis"].is_null(), "{task}");
            }
        }
    }
    assert!(
        json["near"].as_array().unwrap().is_empty(),
        "{}",
        json["near"]
    );
}

/// strategist-agency-inhouse: in an agency the strategist decides and the community
/// manager carries out; in-house the two jobs are seldom apart, so the in-house manager
/// does the agency manager's work and the strategy, tools, vendors and projects too.
#[test]
fn strategist_agency_inhouse_split_in_agency_merged_in_house() {
    let agency = compare(
        "community-strategist",
        "community-manager-agency",
        "strategist-agency-inhouse",
    );
    assert_all_stated_by(&agency, "strategist-agency-inhouse");
    assert!(ids(&agency, "shared").is_empty());
    let found = pairs(&agency);
    for pair in [
        split("define-digital-strategy", "apply-digital-strategy"),
        split("define-launch-strategy", "roll-out-launch-strategy"),
        split("define-kpis", "track-kpis"),
    ] {
        assert!(found.contains(&pair), "{pair:?} not in {found:?}");
    }
    assert!(axis(&agency, "left") > axis(&agency, "right") + 0.3);

    let json = compare(
        "community-manager-agency",
        "community-manager-in-house",
        "strategist-agency-inhouse",
    );
    assert_all_stated_by(&json, "strategist-agency-inhouse");
    // The agency manager's work is the in-house manager's too, but for the agency's
    // several clients, the strategy decided by someone else and the literary profile.
    assert_eq!(
        ids(&json, "left_only"),
        BTreeSet::from([
            "serve-several-client-brands",
            "apply-digital-strategy",
            "background-literary",
        ])
    );
    assert_has(
        &ids(&json, "shared"),
        &[
            "animate-community",
            "create-community-spaces",
            "grow-community",
            "track-kpis",
            "hired-for-sector-knowledge",
        ],
    );
    assert_has(
        &ids(&json, "right_only"),
        &[
            "manage-single-community",
            "define-digital-strategy",
            "define-content-strategy",
            "create-new-tools",
            "manage-vendors",
            "manage-projects",
            "background-marketing",
        ],
    );
    assert!(axis(&json, "right") > axis(&json, "left"));
}

/// The disagreements between articles are recorded, among them who owns the figures.
#[test]
fn disputes_record_who_owns_the_figures_and_the_overlap() {
    let output = rolediff()
        .args(["disputes", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let disputes: Value = serde_json::from_slice(&output).unwrap();
    let find = |role: &str, task: &str| {
        disputes
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["role"] == role && d["task"] == task)
            .unwrap_or_else(|| panic!("no dispute over {task} for {role}"))
            .clone()
    };
    let figures = find("community-manager", "produce-activity-reports");
    assert_eq!(figures["stated_by"], serde_json::json!(["cb-vs-cm"]));
    assert_eq!(
        figures["contested_by"],
        serde_json::json!(["cm-vs-smm-b2b"])
    );
    let overlap = find("social-media-manager", "may-hold-both-jobs");
    assert_eq!(overlap["stated_by"], serde_json::json!(["cm-vs-smm-b2b"]));
    assert_eq!(overlap["contested_by"], serde_json::json!(["smm-vs-cm"]));
    let strategy = find("community-manager", "define-digital-strategy");
    assert_eq!(
        strategy["contested_by"],
        serde_json::json!(["cb-vs-cm", "smm-vs-cm"])
    );
}

/// docs/sources.md pastes the output of the commands it names: each block opening with
/// `$ rolediff …` must match what the binary prints now. A line `…` in a block stands
/// for lines left out; every other run of lines must appear in the output, in order.
#[test]
fn docs_sources_md_shows_current_outputs() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sources.md")).unwrap();
    let mut checked = 0;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if line != "```text" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let Some(command) = block.first().and_then(|l| l.strip_prefix("$ rolediff ")) else {
            continue;
        };
        let output = rolediff()
            .args(command.split_whitespace())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let output = String::from_utf8(output).unwrap();
        let output: Vec<&str> = output.lines().collect();
        let mut at = 0;
        for chunk in block[1..].split(|l| *l == "…") {
            if chunk.is_empty() {
                continue;
            }
            let found = output[at..]
                .windows(chunk.len())
                .position(|w| w == chunk)
                .unwrap_or_else(|| {
                    panic!(
                        "docs/sources.md is out of date for `rolediff {command}`:\n{}\n\nnot found in the output (from line {at}):\n{}",
                        chunk.join("\n"),
                        output.join("\n")
                    )
                });
            at += found + chunk.len();
        }
        checked += 1;
    }
    assert!(
        checked >= 6,
        "only {checked} commands found in docs/sources.md"
    );
}
