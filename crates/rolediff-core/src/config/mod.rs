//! The optional config file: default language, roles, data path, palette, key bindings.
//!
//! It lives in the platform's config folder (`~/.config/rolediff/config.yaml` on Linux),
//! or wherever `--config` or `ROLEDIFF_CONFIG` says. It is read through the same YAML
//! boundary as data files and reports problems the same way (`file:line:column`), all
//! of them at once; a config with any problem is refused as a whole, so the program
//! never starts half-configured.

mod keys;
pub mod palette;
mod read;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use keys::{KeyName, KeySpec};
pub use palette::{BUNDLED_PALETTES, DEFAULT_PALETTE, HEAT_STEPS, HeatStep, Palette, PaletteColor};

use crate::diagnostics::{Anchor, Diagnostics, did_you_mean};
use crate::lang::Lang;
use crate::yaml_path::YamlPath;
use read::{Document, read_file};

/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "ROLEDIFF_CONFIG";

/// The keys of the config file.
pub const KEYS: &[&str] = &["lang", "left", "right", "data", "palette", "mouse", "keys"];

/// Settings read from the config file; `None` means "not set here".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    /// Language of the interface and the data.
    pub lang: Option<Lang>,
    /// Left role of the interactive view (id, alias or prefix).
    pub left: Option<String>,
    /// Right role of the interactive view.
    pub right: Option<String>,
    /// Data set to load; relative paths are taken from the config file's folder.
    pub data: Option<PathBuf>,
    /// Palette: a bundled name, or a file path (relative to the config file's folder).
    pub palette: Option<String>,
    /// Whether the interactive view takes the mouse (`mouse: false` leaves clicks and
    /// the wheel to the terminal, so text can be selected); `None`: yes.
    pub mouse: Option<bool>,
    /// Key bindings that replace the defaults of their action.
    pub keys: Vec<KeyOverride>,
}

/// The keys of one action, replacing its default keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action's name, as [`ActionInfo::name`].
    pub action: String,
    /// Its keys; empty unbinds the action.
    pub keys: Vec<KeySpec>,
}

/// An action that can be bound, as the interface describes it to the config reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInfo {
    /// Name in the config file, e.g. `next-difference`.
    pub name: &'static str,
    /// Bit set of the places (views, popups) where the action's keys apply: two actions
    /// that share a bit cannot share a key.
    pub contexts: u32,
}

/// Where the config file is looked for, and whether it must exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigLocation {
    /// The path, when one could be found.
    pub path: Option<PathBuf>,
    /// Named by `--config` or `ROLEDIFF_CONFIG`: a missing file is an error then.
    pub required: bool,
    /// Where the path came from, for `rolediff config --path`.
    pub origin: &'static str,
}

impl ConfigLocation {
    /// `--config`, else `ROLEDIFF_CONFIG` (when not empty), else the platform's folder.
    pub fn find(flag: Option<&Path>, env: Option<OsString>) -> Self {
        if let Some(path) = flag {
            return Self {
                path: Some(path.to_path_buf()),
                required: true,
                origin: "--config",
            };
        }
        if let Some(path) = env.filter(|v| !v.is_empty()) {
            return Self {
                path: Some(PathBuf::from(path)),
                required: true,
                origin: CONFIG_ENV,
            };
        }
        Self {
            path: default_path(),
            required: false,
            origin: "default",
        }
    }

    /// Reads the config: an absent optional file gives the empty config.
    pub fn load(&self, actions: &[ActionInfo]) -> Result<Config, Diagnostics> {
        let Some(path) = &self.path else {
            return Ok(Config::default());
        };
        if !self.required && path.symlink_metadata().is_err() {
            return Ok(Config::default());
        }
        let text = read_file(path, "config file")?;
        parse(path, &text, actions)
    }
}

/// `config.yaml` in the platform's config folder (`$XDG_CONFIG_HOME/rolediff` or
/// `~/.config/rolediff` on Linux), when a home folder is known.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "rolediff")
        .map(|dirs| dirs.config_dir().join("config.yaml"))
}

/// Reads config text; `file` is what messages show and where relative paths start.
pub fn parse(file: &Path, text: &str, actions: &[ActionInfo]) -> Result<Config, Diagnostics> {
    let (mut doc, node) = Document::parse(file, text)?;
    let mut config = Config {
        file: Some(file.to_path_buf()),
        ..Config::default()
    };
    // An empty file, or one with only comments, is a valid config that sets nothing.
    if matches!(node, rolediff_yaml::Node::Null) {
        return Ok(config);
    }
    let base = file.parent().unwrap_or(Path::new(""));
    let root = YamlPath::root();
    for (key, value, path) in doc.mapping(&node, &root, "the config", Some(KEYS)) {
        // `key: ~` (or nothing) keeps the default, like a commented-out line.
        if matches!(value, rolediff_yaml::Node::Null) {
            continue;
        }
        match key {
            "lang" => {
                if let Some(lang) = doc.string(value, &path, "lang") {
                    config.lang = match lang.to_lowercase().as_str() {
                        "en" => Some(Lang::En),
                        "fr" => Some(Lang::Fr),
                        _ => {
                            doc.problem(
                                &path,
                                Anchor::Value,
                                format!("unknown language `{lang}`; expected en or fr"),
                                None,
                            );
                            None
                        }
                    }
                }
            }
            "left" => config.left = doc.string(value, &path, "left role"),
            "right" => config.right = doc.string(value, &path, "right role"),
            "data" => {
                config.data = doc
                    .string(value, &path, "data path")
                    .map(|p| relative_to(base, &p))
            }
            "palette" => {
                if let Some(name) = doc.string(value, &path, "palette") {
                    config.palette = if palette::is_path(&name) {
                        Some(relative_to(base, &name).display().to_string())
                    } else if palette::bundled_names().any(|n| n == name) {
                        Some(name)
                    } else {
                        let (message, hint) = palette::unknown_name_message(&name);
                        doc.problem(&path, Anchor::Value, message, hint);
                        None
                    };
                }
            }
            "mouse" => match value {
                rolediff_yaml::Node::Bool(on) => config.mouse = Some(*on),
                other => doc.problem(
                    &path,
                    Anchor::Value,
                    format!("`mouse` must be true or false, found {}", other.kind()),
                    None,
                ),
            },
            "keys" => config.keys = read_keys(&mut doc, value, &path, actions),
            _ => {}
        }
    }
    doc.finish(config)
}

/// `keys:`: action name → key or list of keys. A key given to two actions that apply
/// in the same place is refused: which one would it run?
fn read_keys(
    doc: &mut Document,
    node: &rolediff_yaml::Node,
    path: &YamlPath,
    actions: &[ActionInfo],
) -> Vec<KeyOverride> {
    let names: Vec<&str> = actions.iter().map(|a| a.name).collect();
    let mut overrides = Vec::new();
    let mut taken: Vec<(KeySpec, &ActionInfo)> = Vec::new();
    for (name, value, action_path) in doc.mapping(node, path, "`keys`", None) {
        let Some(action) = actions.iter().find(|a| a.name == name) else {
            doc.problem(
                &action_path,
                Anchor::Key,
                format!(
                    "unknown action `{name}`; `rolediff config --print-default` lists them all"
                ),
                did_you_mean(name, names.iter().copied()),
            );
            continue;
        };
        let mut keys = Vec::new();
        if !matches!(value, rolediff_yaml::Node::Seq(items) if items.is_empty()) {
            for (text, key_path) in doc.strings(value, &action_path, "key") {
                match KeySpec::parse(&text) {
                    // Ctrl-C always quits, wherever the user is: no config can take
                    // the way out away (a `down: [ctrl-c]` would trap the user).
                    Ok(key) if key.is_ctrl_c() && name != "quit" => doc.problem(
                        &key_path,
                        Anchor::Value,
                        format!("`{key}` always quits rolediff; it cannot be bound to `{name}`"),
                        Some("choose another key".into()),
                    ),
                    Ok(key) => {
                        if let Some((_, other)) = taken
                            .iter()
                            .find(|(k, other)| *k == key && other.contexts & action.contexts != 0)
                        {
                            doc.problem(
                                &key_path,
                                Anchor::Value,
                                format!(
                                    "key `{key}` is also bound to `{}` in this file",
                                    other.name
                                ),
                                None,
                            );
                        } else if !keys.contains(&key) {
                            taken.push((key, action));
                            keys.push(key);
                        }
                    }
                    Err(message) => doc.problem(&key_path, Anchor::Value, message, None),
                }
            }
        }
        overrides.push(KeyOverride {
            action: name.to_string(),
            keys,
        });
    }
    overrides
}

/// `value` as a path: `~/` is the home folder, relative paths start at `base`.
fn relative_to(base: &Path, value: &str) -> PathBuf {
    if let Some(rest) = value.strip_prefix("~/")
        && let Some(dirs) = directories::BaseDirs::new()
    {
        return dirs.home_dir().join(rest);
    }
    let path = Path::new(value);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: &[ActionInfo] = &[
        ActionInfo {
            name: "quit",
            contexts: 1,
        },
        ActionInfo {
            name: "cursor-down",
            contexts: 1,
        },
        ActionInfo {
            name: "close",
            contexts: 2,
        },
    ];

    fn parse_text(text: &str) -> Result<Config, Diagnostics> {
        parse(
            Path::new("/home/u/.config/rolediff/config.yaml"),
            text,
            ACTIONS,
        )
    }

    #[test]
    fn reads_every_key() {
        let config = parse_text(
            "lang: fr\nleft: cm\nright: smm\ndata: roles\npalette: light\n\
             keys:\n  quit: [q, ctrl-c]\n  cursor-down: j\n  close: q\n",
        )
        .unwrap();
        assert_eq!(config.lang, Some(Lang::Fr));
        assert_eq!(config.left.as_deref(), Some("cm"));
        assert_eq!(config.right.as_deref(), Some("smm"));
        assert_eq!(
            config.data,
            Some(PathBuf::from("/home/u/.config/rolediff/roles"))
        );
        assert_eq!(config.palette.as_deref(), Some("light"));
        assert_eq!(config.keys.len(), 3);
        assert_eq!(config.keys[0].keys.len(), 2);
        assert!(config.keys[0].keys[1].ctrl);
    }

    #[test]
    fn empty_and_comment_only_files_set_nothing() {
        for text in ["", "# nothing here\n", "lang: ~\n"] {
            let config = parse_text(text).unwrap();
            assert_eq!(config.lang, None);
            assert!(config.keys.is_empty());
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let text = "lang: de\nleft: [a]\npalete: dark\npalette: drak\n\
                    keys:\n  qit: q\n  quit: [hyper-q, x]\n  cursor-down: x\n";
        let errors = parse_text(text).unwrap_err().to_string();
        let file = "/home/u/.config/rolediff/config.yaml";
        for expected in [
            format!("{file}:1:7: lang: unknown language `de`"),
            format!("{file}:2:7: left: expected left role as text, found a list"),
            format!("{file}:3:1: palete: unknown key `palete`"),
            "did you mean `palette`?".to_string(),
            format!("{file}:4:10: palette: unknown palette `drak`"),
            "did you mean `dark`?".to_string(),
            format!("{file}:6:3: keys.qit: unknown action `qit`"),
            "did you mean `quit`?".to_string(),
            format!("{file}:7:10: keys.quit[0]: unknown key `hyper-q`"),
            format!("{file}:8:16: keys.cursor-down: key `x` is also bound to `quit`"),
        ] {
            assert!(errors.contains(&expected), "{expected}\nnot in:\n{errors}");
        }
    }

    /// Config and data read a value the same way (one reader): a whole number is text
    /// as written, a decimal or true/false needs quotes.
    #[test]
    fn numbers_written_as_text_read_as_in_data() {
        let config = parse_text("left: 2024\n").unwrap();
        assert_eq!(config.left.as_deref(), Some("2024"));
        let errors = parse_text("left: 1.50\nright: true\n")
            .unwrap_err()
            .to_string();
        assert!(errors.contains("left: expected left role as text, found a number (put it in quotes to make it text)"), "{errors}");
        assert!(
            errors.contains("right: expected right role as text, found a boolean"),
            "{errors}"
        );
        let data =
            crate::model::load_text("roles.yaml", "roles:\n  - name: 2024\n    tasks: [1.50]\n")
                .unwrap_err()
                .to_string();
        assert!(!data.contains("roles[0].name"), "{data}");
        assert!(data.contains("roles[0].tasks[0]: expected task label as text, found a number (put it in quotes to make it text)"), "{data}");
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let errors = parse_text("lang: [en\n").unwrap_err();
        assert!(errors.0[0].location.is_some());
        assert!(errors.0[0].message.starts_with("invalid YAML"));
    }

    #[test]
    fn location_precedence_flag_then_env_then_default() {
        let flag = ConfigLocation::find(Some(Path::new("a.yaml")), Some("b.yaml".into()));
        assert_eq!(flag.path, Some(PathBuf::from("a.yaml")));
        assert!(flag.required);
        let env = ConfigLocation::find(None, Some("b.yaml".into()));
        assert_eq!(env.path, Some(PathBuf::from("b.yaml")));
        assert_eq!(env.origin, CONFIG_ENV);
        let default = ConfigLocation::find(None, Some("".into()));
        assert!(!default.required);
    }

    #[test]
    fn missing_files_are_fine_only_by_default() {
        let missing = Path::new("/nonexistent/rolediff/config.yaml");
        let optional = ConfigLocation {
            path: Some(missing.to_path_buf()),
            required: false,
            origin: "default",
        };
        assert_eq!(optional.load(ACTIONS).unwrap(), Config::default());
        let required = ConfigLocation {
            required: true,
            ..optional
        };
        let error = required.load(ACTIONS).unwrap_err().to_string();
        assert!(error.contains("no such file"), "{error}");
    }
}
