//! The data compiled into the binary: complete, attributed, bilingual.

use std::collections::BTreeSet;
use std::path::Path;

use rolediff::model::{BUNDLED_FILES, DataSource, LoadLimits, load, load_bundled};
use rolediff_yaml::{Node, parse};

const ROLE_IDS: [&str; 7] = [
    "community-manager",
    "community-builder",
    "social-media-manager",
    "community-strategist",
    "gestionnaire-de-communaute",
    "community-manager-agency",
    "community-manager-in-house",
];

#[test]
fn bundled_data_loads_with_the_seven_roles() {
    let data = load_bundled().unwrap_or_else(|d| panic!("bundled data must load:\n{d}"));
    let ids: BTreeSet<&str> = data.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ROLE_IDS.into_iter().collect());
    assert_eq!(data.sources.len(), 5);
    for role in &data.roles {
        assert!(
            role.tasks.len() >= 5,
            "{} has only {} tasks",
            role.id,
            role.tasks.len()
        );
        assert!(role.summary.is_some(), "{} has no summary", role.id);
    }
}

#[test]
fn bundled_data_raises_no_warning() {
    let loaded = load(DataSource::Bundled, LoadLimits::default()).unwrap();
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        loaded.warnings.locate(None)
    );
    // No alias only repeats its role: the loader would have dropped it.
    let raw: usize = BUNDLED_FILES
        .iter()
        .filter(|f| f.path.starts_with("roles/"))
        .map(|f| match parse(f.contents).unwrap() {
            Node::Map(fields) => fields
                .iter()
                .find(|(k, _)| k.as_str() == Some("aliases"))
                .map_or(0, |(_, v)| match v {
                    Node::Seq(items) => items.len(),
                    _ => 0,
                }),
            _ => 0,
        })
        .sum();
    let kept: usize = loaded.data.roles.iter().map(|r| r.aliases.len()).sum();
    assert!(kept > 0);
    assert_eq!(kept, raw);
}

#[test]
fn every_source_theme_and_task_is_used() {
    let data = load_bundled().unwrap();
    let role_tasks = || data.roles.iter().flat_map(|r| &r.tasks);
    for (i, source) in data.sources.iter().enumerate() {
        assert!(
            role_tasks().any(|t| t.sources.contains(&i)),
            "source {} is never cited",
            source.id
        );
    }
    for (i, task) in data.tasks.iter().enumerate() {
        assert!(
            role_tasks().any(|t| t.task.get() == i),
            "task {} is used by no role",
            task.id
        );
        assert!(
            !task.inline,
            "bundled tasks come from the catalogue: {}",
            task.id
        );
    }
    for (i, theme) in data.themes.iter().enumerate() {
        assert!(
            data.tasks.iter().any(|t| t.themes.contains(&i)),
            "theme {} has no task",
            theme.id
        );
    }
}

#[test]
fn contested_claims_are_recorded() {
    let data = load_bundled().unwrap();
    let contested = data
        .roles
        .iter()
        .flat_map(|r| &r.tasks)
        .filter(|t| !t.contested_by.is_empty())
        .count();
    assert!(
        contested >= 5,
        "the articles disagree in many places; only {contested} contested entries"
    );
}

/// Every text in the bundled files gives both `fr` and `en`, non-empty.
#[test]
fn both_languages_everywhere() {
    const TEXT_KEYS: [&str; 6] = ["label", "name", "summary", "description", "note", "title"];
    fn check(node: &Node, file: &str, path: &str, missing: &mut Vec<String>) {
        match node {
            Node::Map(entries) => {
                for (key, value) in entries {
                    let Node::String(key) = key else { continue };
                    let here = format!("{path}.{key}");
                    // Titles are the original, untranslated titles.
                    if TEXT_KEYS.contains(&key.as_ref()) && key.as_ref() != "title" {
                        let ok = matches!(value, Node::Map(text)
                            if ["fr", "en"].iter().all(|lang| text.iter().any(|(k, v)|
                                k.as_str() == Some(*lang)
                                    && matches!(v, Node::String(s) if !s.trim().is_empty()))));
                        if !ok {
                            missing.push(format!("{file}: {here}"));
                        }
                    }
                    check(value, file, &here, missing);
                }
            }
            Node::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    check(item, file, &format!("{path}[{i}]"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for file in BUNDLED_FILES.iter().filter(|f| f.path.ends_with(".yaml")) {
        check(&parse(file.contents).unwrap(), file.path, "", &mut missing);
    }
    assert!(
        missing.is_empty(),
        "texts without both languages:\n{}",
        missing.join("\n")
    );
}

/// The list compiled into the binary is exactly the files of `data/`.
#[test]
fn bundled_file_list_matches_the_data_folder() {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.insert(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut on_disk = BTreeSet::new();
    walk(&root, &root, &mut on_disk);
    let compiled: BTreeSet<String> = BUNDLED_FILES.iter().map(|f| f.path.to_string()).collect();
    assert_eq!(compiled, on_disk);
    for file in BUNDLED_FILES {
        assert_eq!(
            std::fs::read_to_string(root.join(file.path)).unwrap(),
            file.contents
        );
    }
}

#[test]
fn untitled_articles_carry_a_marked_description_in_their_own_language() {
    // Two of the five texts have no title: the title shown is ours, says so, and is in
    // French like the real titles beside it, so a French screen shows no English in it.
    let data = load_bundled().unwrap();
    let untitled: Vec<&str> = data
        .sources
        .iter()
        .filter(|s| s.title.starts_with('['))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(untitled, ["cm-vs-smm-b2b", "strategist-agency-inhouse"]);
    for source in data.sources.iter().filter(|s| s.title.starts_with('[')) {
        assert!(
            source.title.starts_with("[sans titre] "),
            "{}",
            source.title
        );
        assert!(
            source.title.ends_with(" (titre descriptif, de notre main)"),
            "{}",
            source.title
        );
        assert_eq!(source.language, "fr");
    }
}
