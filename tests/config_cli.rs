//! The config file and palettes through the binary: precedence (flag > environment >
//! config > default), broken files with file:line:column and exit 2, palettes.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const SMALL: &str = "tests/fixtures/small";

/// The binary with a private home (so the user's own config is never read) and no
/// variable that would change the settings.
fn rolediff(home: &Path) -> Command {
    let mut cmd = common::rolediff();
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"));
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn small() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(SMALL)
        .display()
        .to_string()
}

#[test]
fn the_default_location_is_read_and_its_absence_is_fine() {
    let home = TempDir::new().unwrap();
    rolediff(home.path())
        .args(["validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 7 roles"));
    let expected = home.path().join(".config/rolediff/config.yaml");
    rolediff(home.path())
        .args(["config", "--path"])
        .assert()
        .success()
        .stdout(format!("{}\n", expected.display()));
    write(
        home.path(),
        ".config/rolediff/config.yaml",
        &format!("data: {}\nlang: fr\n", small()),
    );
    rolediff(home.path())
        .args(["validate"])
        .assert()
        .success()
        .stdout("ok : 3 rôles, 5 tâches, 3 thèmes, 2 sources\n");
}

#[test]
fn flag_beats_environment_beats_config_beats_default() {
    let home = TempDir::new().unwrap();
    let config = write(
        home.path(),
        "conf/config.yaml",
        &format!("data: {}\nlang: fr\n", small()),
    );
    let config = config.to_str().unwrap();
    // Config over the defaults (bundled data, English).
    rolediff(home.path())
        .args(["--config", config, "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok : 3 rôles"));
    // Environment over the config.
    rolediff(home.path())
        .env("ROLEDIFF_LANG", "en")
        .args(["--config", config, "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 3 roles"));
    // Flag over the environment.
    rolediff(home.path())
        .env("ROLEDIFF_LANG", "en")
        .args(["--config", config, "--lang", "fr", "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok : 3 rôles"));
    // The same for the config file itself: --config over ROLEDIFF_CONFIG.
    let other = write(home.path(), "other.yaml", "lang: en\n");
    rolediff(home.path())
        .env("ROLEDIFF_CONFIG", &other)
        .args(["validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 7 roles"));
    rolediff(home.path())
        .env("ROLEDIFF_CONFIG", &other)
        .args(["--config", config, "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok : 3 rôles"));
    // And for the data: --data over the config's data.
    rolediff(home.path())
        .args(["--config", config, "--data", "data", "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok : 7 rôles"));
}

#[test]
fn relative_data_paths_start_at_the_config_folder() {
    let home = TempDir::new().unwrap();
    let config = write(home.path(), "deep/config.yaml", "data: ../roles\n");
    let target = home.path().join("roles");
    std::fs::create_dir_all(&target).unwrap();
    Command::cargo_bin("rolediff")
        .unwrap()
        .args(["export-data", target.to_str().unwrap()])
        .assert()
        .success();
    rolediff(home.path())
        .args(["--config", config.to_str().unwrap(), "validate"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 7 roles"));
}

#[test]
fn a_broken_config_stops_everything_with_places() {
    let home = TempDir::new().unwrap();
    let config = write(
        home.path(),
        "config.yaml",
        "lang: de\npalete: dark\nkeys:\n  qit: [q]\n  quit: [hyper-x]\n",
    );
    let shown = config.display().to_string();
    rolediff(home.path())
        .args(["--config", config.to_str().unwrap(), "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{shown}:1:7: lang: unknown language `de`; expected en or fr"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:2:1: palete: unknown key `palete`"
        )))
        .stderr(predicate::str::contains("did you mean `palette`?"))
        .stderr(predicate::str::contains(format!(
            "{shown}:4:3: keys.qit: unknown action `qit`"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:5:10: keys.quit[0]: unknown key `hyper-x`"
        )))
        .stderr(predicate::str::contains(
            "error: 4 problems in the config file",
        ));
    // A syntax error has its place too.
    let broken = write(home.path(), "syntax.yaml", "lang: [en\n");
    rolediff(home.path())
        .args(["--config", broken.to_str().unwrap(), "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"syntax\.yaml:\d+:\d+: invalid YAML").unwrap());
}

#[test]
fn a_missing_named_config_is_an_error() {
    let home = TempDir::new().unwrap();
    rolediff(home.path())
        .args(["--config", "/nonexistent/rolediff.yaml", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/rolediff.yaml: no such file (expected the config file)",
        ));
    rolediff(home.path())
        .env("ROLEDIFF_CONFIG", "/nonexistent/env.yaml")
        .args(["list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/env.yaml: no such file",
        ));
}

#[test]
fn config_commands_work_even_with_a_broken_config() {
    let home = TempDir::new().unwrap();
    let broken = write(home.path(), "broken.yaml", "lang: [\n");
    rolediff(home.path())
        .args(["--config", broken.to_str().unwrap(), "config", "--path"])
        .assert()
        .success()
        .stdout(format!("{}\n", broken.display()));
    rolediff(home.path())
        .args([
            "--config",
            broken.to_str().unwrap(),
            "config",
            "--print-default",
        ])
        .assert()
        .success();
    rolediff(home.path())
        .args(["config"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--print-default"));
}

#[test]
fn the_printed_default_is_a_valid_config() {
    let home = TempDir::new().unwrap();
    let output = rolediff(home.path())
        .args(["config", "--print-default"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    for expected in [
        "# lang: en",
        "palette: default",
        "keys:",
        "quit: [q, ctrl-c]",
        "back: [esc]",
        "landscape: [m]",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let path = write(home.path(), ".config/rolediff/config.yaml", &text);
    rolediff(home.path())
        .args(["--config", path.to_str().unwrap(), "validate"])
        .assert()
        .success();
}

#[test]
fn palettes_by_name_by_path_and_bad_ones() {
    let home = TempDir::new().unwrap();
    for name in ["default", "dark", "light", "high-contrast", "colorblind"] {
        rolediff(home.path())
            .args(["--palette", name, "validate"])
            .assert()
            .success();
    }
    rolediff(home.path())
        .args(["--palette", "drak", "validate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown palette `drak`"))
        .stderr(predicate::str::contains("did you mean `dark`?"));
    // A user palette by path, relative to the config's folder when the config names it.
    let light = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/palettes/light.yaml"),
    )
    .unwrap();
    write(home.path(), "conf/mine.yaml", &light);
    let config = write(home.path(), "conf/config.yaml", "palette: ./mine.yaml\n");
    rolediff(home.path())
        .args(["--config", config.to_str().unwrap(), "validate"])
        .assert()
        .success();
    let broken = write(
        home.path(),
        "broken.yaml",
        &light.replace("accent: \"#303030\"", "accent: \"#05f87\""),
    );
    rolediff(home.path())
        .args(["--palette", broken.to_str().unwrap(), "validate"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::is_match(
                r"broken\.yaml:\d+:9: accent: `#05f87` is not a `#rrggbb` colour",
            )
            .unwrap(),
        )
        .stderr(predicate::str::contains("in the palette"));
    // The environment names a palette too, and the flag wins over it.
    rolediff(home.path())
        .env("ROLEDIFF_PALETTE", "nope")
        .args(["validate"])
        .assert()
        .code(2);
    rolediff(home.path())
        .env("ROLEDIFF_PALETTE", "nope")
        .args(["--palette", "dark", "validate"])
        .assert()
        .success();
}

#[test]
fn a_role_from_the_config_that_does_not_exist_is_named_with_its_file() {
    let home = TempDir::new().unwrap();
    let config = write(home.path(), "config.yaml", "left: nobody\n");
    rolediff(home.path())
        .args(["--config", config.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role `nobody`"))
        .stderr(predicate::str::contains("set by `left`/`right` in"));
}

#[test]
fn ctrl_c_cannot_be_bound_away_from_quit() {
    let home = TempDir::new().unwrap();
    let path = write(
        home.path(),
        "config.yaml",
        "keys:\n  down: [j, ctrl-c]\n  quit: [q, ctrl-c]\n",
    );
    let output = rolediff(home.path())
        .args(["--config", path.to_str().unwrap(), "validate"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    assert!(
        stderr.contains(
            ":2:13: keys.down[1]: `ctrl-c` always quits rolediff; it cannot be bound to `down`"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("keys.quit"), "{stderr}");
}

#[test]
fn config_problems_and_command_line_errors_speak_french() {
    let home = TempDir::new().unwrap();
    let path = write(
        home.path(),
        "config.yaml",
        "keys:\n  nope: [x]\npalette: drak\n",
    );
    let output = rolediff(home.path())
        .args(["--lang", "fr", "--config", path.to_str().unwrap(), "list"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    assert!(
        stderr.contains("keys.nope: action inconnue `nope` ;"),
        "{stderr}"
    );
    assert!(stderr.contains("palette inconnue `drak` ;"), "{stderr}");
    assert!(
        stderr.ends_with("erreur : 2 problèmes dans le fichier de configuration\n"),
        "{stderr}"
    );
    let output = rolediff(home.path())
        .args(["--lang", "fr", "matrix", "--theme", "strat"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    assert!(
        stderr
            .contains("erreur : thème inconnu `strat` ; identifiants les plus proches : strategy"),
        "{stderr}"
    );
}
