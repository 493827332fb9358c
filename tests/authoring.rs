//! Starting one's own data (issue 17): the minimal format, the schema, `init` and
//! `import`, each tried by running the binary on files the test writes.

mod common;

use common::rolediff;

use std::path::Path;

use rolediff_yaml::Node;
use serde_json::Value;

/// Runs rolediff; (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = rolediff().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import")
}

/// A YAML file as JSON, through the one YAML reader.
fn yaml_to_json(text: &str) -> Value {
    fn convert(node: &Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
            Node::String(s) => Value::String(s.to_string()),
            Node::Seq(items) => Value::Array(items.iter().map(convert).collect()),
            Node::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.as_str().unwrap_or_default().to_string(), convert(v)))
                    .collect(),
            ),
        }
    }
    convert(&rolediff_yaml::parse(text).unwrap())
}

fn schema_validator() -> jsonschema::Validator {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let schema: Value = serde_json::from_str(&out).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, name: &str, text: &str) {
    let instance = yaml_to_json(text);
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn a_file_of_names_and_task_labels_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    std::fs::write(
        &file,
        "roles:\n  - name: Data engineer\n    tasks:\n      - Build data pipelines\n      - Maintain the data warehouse\n  - name: Data analyst\n    tasks:\n      - Build dashboards\n      - Maintain the data warehouse\n",
    )
    .unwrap();
    let data = file.to_str().unwrap();
    let (code, out, err) = run(&["--data", data, "validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 roles, 3 tasks, 1 theme, 1 source"), "{out}");
    let (code, out, err) = run(&[
        "--data",
        data,
        "compare",
        "data engineer",
        "data analyst",
        "-W",
        "100",
    ]);
    assert_eq!(code, 0, "{err}");
    // The default theme, the axis left out (`–`), and who says so: nobody.
    assert!(out.contains("General"), "{out}");
    assert!(out.contains("Maintain the data warehouse · –"), "{out}");
    assert!(out.contains("[1] unattributed"), "{out}");
    let (code, out, _) = run(&["--data", data, "show", "data-engineer"]);
    assert_eq!(code, 0);
    assert!(out.contains("[unattributed]"), "{out}");
}

#[test]
fn the_bundled_data_keeps_every_field() {
    // No task of the bundled data falls back to the default theme or to `unattributed`.
    let (code, out, _) = run(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(!out.contains("unattributed"));
    let (_, themes, _) = run(&["show", "cm", "--theme", "general"]);
    assert!(!themes.contains("General"), "{themes}");
    let (code, out, _) = run(&["validate"]);
    assert_eq!(code, 0);
    assert!(out.contains("15 themes, 5 sources"), "{out}");
}

#[test]
fn init_writes_a_template_that_validates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    let path = file.to_str().unwrap();
    let (code, out, err) = run(&["init", path]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=rolediff.schema.json\n"));
    assert!(dir.path().join("rolediff.schema.json").is_file());
    let (code, out, err) = run(&["--data", path, "validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 roles"), "{out}");
    // Every optional field of the format is shown once.
    for field in [
        "language:",
        "synonyms:",
        "themes:",
        "description:",
        "sources:",
        "url:",
        "summary:",
        "tasks:",
        "axis:",
        "id:",
        "aliases:",
        "note:",
        "contested_by:",
        "task:",
        "label:",
    ] {
        assert!(text.contains(field), "{field}");
    }
    std::fs::write(&file, "mine").unwrap();
    let (code, _, err) = run(&["init", path]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let (code, _, _) = run(&["init", path, "--force"]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // In French, a French template, as complete and as valid.
    let (code, out, err) = run(&["--lang", "fr", "init", path, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("écrit"), "{out}");
    let french = std::fs::read_to_string(&file).unwrap();
    assert!(french.contains("Ingénieur data"));
    for field in [
        "language:",
        "synonyms:",
        "url:",
        "axis:",
        "aliases:",
        "note:",
        "contested_by:",
        "description:",
    ] {
        assert!(french.contains(field), "{field}");
    }
    let (code, out, err) = run(&["--lang", "fr", "--data", path, "validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 rôles"), "{out}");
    let (code, _, err) = run(&["--data", path, "compare", "ingenieur-data", "analyste-data"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn two_imported_job_ads_compare_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ads.yaml");
    let fr = examples().join("offre-charge-de-communication.md");
    let en = examples().join("ad-social-media-manager.md");
    let (code, stdout, err) = run(&[
        "import",
        fr.to_str().unwrap(),
        en.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("wrote 2 roles"), "{stdout}");
    let text = std::fs::read_to_string(&out).unwrap();
    // Titles without their gender mark, headings as themes, the ad as the source.
    assert!(
        text.contains("- name: Chargé(e) de communication digitale\n"),
        "{text}"
    );
    assert!(text.contains("label: Stratégie et planification"), "{text}");
    assert!(
        text.contains("sources: [ad-social-media-manager]"),
        "{text}"
    );
    let data = out.to_str().unwrap();
    let (code, report, err) = run(&[
        "--data",
        data,
        "compare",
        "chargé",
        "social media manager",
        "-W",
        "120",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        report.contains("Publier les contenus sur les réseaux sociaux"),
        "{report}"
    );
    assert!(
        report.contains("Publish content on social networks"),
        "{report}"
    );
    // Never over an existing file without --force.
    let (code, _, err) = run(&["import", fr.to_str().unwrap(), "--out", data]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
}

#[test]
fn a_french_spreadsheet_imports_with_its_headers_and_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.yaml");
    let csv = examples().join("taches-equipe-marketing.csv");
    let (code, _, err) = run(&[
        "import",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let data = out.to_str().unwrap();
    let (code, report, err) = run(&[
        "--data",
        data,
        "compare",
        "responsable",
        "chargé",
        "-W",
        "110",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(report.contains("Valider les campagnes · 0.7"), "{report}");
    assert!(report.contains("= 1 shared"), "{report}");
}

#[test]
fn a_bad_spreadsheet_says_where_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tasks.csv");
    std::fs::write(
        &csv,
        "ROLE,Tache,Axis\nAnalyst,Build dashboards,high\nAnalyst,,\n",
    )
    .unwrap();
    let out = dir.path().join("out.yaml");
    let (code, _, err) = run(&[
        "import",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("tasks.csv:2:3: axis `high` is not a number"),
        "{err}"
    );
    assert!(err.contains("tasks.csv:3:2: this row has no task"), "{err}");
    assert!(!out.exists());
}

#[test]
fn the_schema_accepts_the_bundled_data_the_template_and_imports() {
    let validator = schema_validator();
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export");
    let (code, _, err) = run(&["export-data", export.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut files = vec![
        export.join("themes.yaml"),
        export.join("sources.yaml"),
        export.join("tasks.yaml"),
    ];
    for entry in std::fs::read_dir(export.join("roles")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema="),
            "{file:?}"
        );
        assert_valid(&validator, &file.display().to_string(), &text);
    }
    let template = dir.path().join("roles.yaml");
    run(&["init", template.to_str().unwrap()]);
    assert_valid(
        &validator,
        "template",
        &std::fs::read_to_string(&template).unwrap(),
    );
    let imported = dir.path().join("imported.yaml");
    let mut args = vec!["import".to_string()];
    for entry in std::fs::read_dir(examples()).unwrap() {
        args.push(entry.unwrap().path().display().to_string());
    }
    args.extend(["--out".into(), imported.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert_valid(
        &validator,
        "import",
        &std::fs::read_to_string(&imported).unwrap(),
    );
    // And it refuses what the loader refuses.
    let bad = yaml_to_json("roles:\n  - name: A\n    tasks: []\n    colour: red\n");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn validation_reports_everything_once_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    // A bad axis and an unknown theme on one task, an unknown task, and a typo in the
    // role's default sources: four mistakes, four messages, none a consequence of another.
    std::fs::write(
        &file,
        "sources:\n  - {id: team-wiki, title: Wiki, language: en}\nroles:\n  - name: Data engineer\n    sources: [teamwiki]\n    tasks:\n      - label: Build pipelines\n        axis: high\n        themes: [dta]\n      - task: moderte\n      - Run the warehouse\n",
    )
    .unwrap();
    let (code, _, err) = run(&["--data", file.to_str().unwrap(), "validate"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[0].contains(":5:15: roles[0].sources[0]: unknown source `teamwiki`"),
        "{err}"
    );
    assert!(lines[0].contains("(did you mean `team-wiki`?)"), "{err}");
    assert!(lines[1].contains("axis must be"), "{err}");
    assert!(lines[2].contains("unknown theme `dta`"), "{err}");
    // The single file is named: there is no tasks.yaml.
    assert!(
        lines[3].contains("unknown task `moderte`: it is not defined in the `tasks` of roles.yaml"),
        "{err}"
    );
    assert_eq!(lines[4], "error: 4 problems in the data set");
}

#[test]
fn indentation_errors_get_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    std::fs::write(
        &file,
        "roles:\n  - name: A\n    tasks:\n      - x\n     name: B\n",
    )
    .unwrap();
    let (code, _, err) = run(&["--data", file.to_str().unwrap(), "validate"]);
    assert_eq!(code, 2);
    assert!(err.contains("roles.yaml:5:"), "{err}");
    assert!(err.contains("check the indentation of this line"), "{err}");
}

#[test]
fn one_missing_source_is_one_message_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("mine");
    run(&["export-data", export.to_str().unwrap()]);
    let sources = export.join("sources.yaml");
    let text = std::fs::read_to_string(&sources).unwrap();
    let start = text.find("- id: cb-vs-cm").unwrap();
    let end = start + 5 + text[start + 5..].find("- id:").unwrap();
    std::fs::write(&sources, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let (code, _, err) = run(&["--data", export.to_str().unwrap(), "validate"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[3].starts_with("error: … and the same at 17 more places: unknown source `cb-vs-cm`"),
        "{err}"
    );
    let (_, _, all) = run(&["--data", export.to_str().unwrap(), "validate", "--all"]);
    assert_eq!(all.lines().count(), 21, "{all}");
}

#[test]
fn messages_are_french_under_lang_fr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.yaml");
    std::fs::write(
        &file,
        "roles:\n  - name: Analyste\n    tasks:\n      - task: moderte\n      - label: Suivre\n        axis: 2\n",
    )
    .unwrap();
    let data = file.to_str().unwrap();
    let (code, _, err) = run(&["--lang", "fr", "--data", data, "validate"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "tâche inconnue `moderte` : elle n'est pas définie dans les `tasks` de roles.yaml"
        ),
        "{err}"
    );
    assert!(err.contains("l'axe 2 est hors limites : attendu un nombre de 0 (pure exécution) à 1 (pure stratégie)"), "{err}");
    assert!(
        err.ends_with("erreur : 2 problèmes dans les données\n"),
        "{err}"
    );
    let (code, _, err) = run(&["--lang", "fr", "show", "personne"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("erreur : rôle inconnu `personne` ; identifiants valides :"),
        "{err}"
    );
    std::fs::write(
        &file,
        "roles:\n  - name: Analyste\n    tasks: [Suivre les KPI]\n",
    )
    .unwrap();
    let (code, out, _) = run(&["--lang", "fr", "--data", data, "validate"]);
    assert_eq!(code, 0);
    assert_eq!(out, "ok : 1 rôle, 1 tâche, 1 thème, 1 source\n");
}

#[test]
fn help_is_french_under_lang_fr() {
    let (code, out, _) = run(&["--lang", "fr", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Utilisation : rolediff"), "{out}");
    assert!(out.contains("Commandes :"), "{out}");
    assert!(
        out.contains("Écrire un petit fichier de données commenté"),
        "{out}"
    );
    let (_, out, _) = run(&["--lang", "fr", "import", "--help"]);
    assert!(out.contains("Le fichier de données à écrire"), "{out}");
    // English stays the default.
    let (_, out, _) = run(&["--help"]);
    assert!(out.contains("Usage: rolediff"), "{out}");
}

#[test]
fn usage_errors_are_french_under_lang_fr() {
    let (code, _, err) = run(&["--lang", "fr", "compare", "cm"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("erreur : argument obligatoire manquant : `<RIGHT>`\n"),
        "{err}"
    );
    assert!(
        err.contains("Utilisation : rolediff compare <LEFT> <RIGHT>"),
        "{err}"
    );
    assert!(
        err.contains("Pour en savoir plus, essayez `--help`."),
        "{err}"
    );

    let (code, _, err) = run(&["--lang", "fr", "compare", "cm", "smm", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "erreur : valeur `xml` invalide pour `--format <FORMAT>` ; valeurs possibles : `text`, `markdown`, `json`"
        ),
        "{err}"
    );

    let (code, _, err) = run(&["--lang", "fr", "--colr", "never", "list"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("erreur : argument inattendu `--colr`"),
        "{err}"
    );
    assert!(
        err.contains("conseil : vouliez-vous dire `--color` ?"),
        "{err}"
    );

    // English stays the default, in clap's own words.
    let (_, _, err) = run(&["compare", "cm"]);
    assert!(
        err.starts_with("error: the following required arguments were not provided"),
        "{err}"
    );
}
