//! The commands that fit rolediff into a system: `config`, `completions`, `man`, and
//! `matrix` (the landscape as a report).

use rolediff::compare::{Comparator, Filter, MAX_MATRIX_ROLES, Matrix};
use rolediff::config::{BUNDLED_PALETTES, CONFIG_ENV, ConfigLocation, default_path};
use rolediff::lang::Lang;
use rolediff::model::DataSet;
use rolediff::report;

use crate::cli::args::MatrixFormat;
use crate::cli::{Cli, Command, Failure, complete};
use rolediff_tui::keymap::{ACTION_NAMES, DEFAULT_BINDINGS};

/// The commands that must work whatever the config file holds (they are how one finds
/// and fixes it): run them before the config is read.
pub fn early(cli: &Cli) -> Option<Result<String, Failure>> {
    match cli.command.as_ref()? {
        Command::Config { path: true, .. } => Some(config_path(cli)),
        Command::Config { .. } => Some(Ok(default_config())),
        Command::Completions { shell } => Some(Ok(complete::registration(*shell))),
        Command::Man { command } => Some(super::man::page(command.as_deref()).ok_or_else(|| {
            Failure::input(format!(
                "error: no man page for `{}`; pages: {}",
                rolediff::text::sanitize(command.as_deref().unwrap_or("")),
                super::man::commands().join(", ")
            ))
        })),
        _ => None,
    }
}

/// Where the config is read from: one path, for scripts
/// (`$EDITOR "$(rolediff config --path)"`).
fn config_path(cli: &Cli) -> Result<String, Failure> {
    let location = ConfigLocation::find(cli.config.as_deref(), std::env::var_os(CONFIG_ENV));
    match &location.path {
        Some(path) => Ok(format!("{}\n", path.display())),
        None => Err(Failure::input(format!(
            "error: no config folder is known (no home folder); use --config PATH or {CONFIG_ENV}"
        ))),
    }
}

/// A key as the config writes it, quoted when YAML would read it otherwise.
fn yaml_key(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A commented config file that sets nothing but documents every key; uncommenting a
/// line sets that value. Every action is listed with its default keys.
pub fn default_config() -> String {
    let path = default_path().map_or_else(
        || "(no home folder known)".to_string(),
        |p| p.display().to_string(),
    );
    let palettes: Vec<&str> = BUNDLED_PALETTES.iter().map(|p| p.name).collect();
    let mut out = format!(
        "\
# rolediff configuration. Looked for at {path}
# (or the file given by --config PATH or {CONFIG_ENV}). Every key is optional:
# command-line flags and environment variables win over this file, and this file
# wins over the defaults. A mistake here stops rolediff with file:line:column.

# Language of the interface and the data: en or fr. Without it: ROLEDIFF_LANG,
# then the locale (LC_ALL, LC_MESSAGES, LANG).
# lang: en

# Roles the interactive view opens on (id, name, alias or unique prefix).
# left: community-manager
# right: social-media-manager

# Data set to use instead of the bundled one: a folder or one YAML file. Relative
# paths start at this file's folder; ~/ is your home folder.
# data: ~/my-roles

# Colour palette: {palettes}, or the path of your own palette file
# (start from one in assets/palettes/). NO_COLOR turns colours off whatever this says.
palette: default

# Whether the interactive view takes the mouse (clicks, wheel). false leaves the
# mouse to the terminal, so that text can be selected and copied.
# mouse: true

# Key bindings: action: [keys]. An action listed here gets exactly these keys (an
# empty list unbinds it) and the keys are taken from any other action in the same
# place; the footer and the help (?) show the result. Keys: one character (q, G, ?),
# a name (enter, esc, tab, shift-tab, backspace, delete, insert, up, down, left,
# right, home, end, pageup, pagedown, space, f1-f12), or ctrl- and one of those.
# In the role picker and the text filter, plain characters are always typed.
# Ctrl-C always quits, from anywhere: it can be added to `quit`, never to another
# action.
# The lines below show the defaults.
keys:
",
        palettes = palettes.join(", ")
    );
    let width = ACTION_NAMES.iter().map(|(_, n)| n.len()).max().unwrap_or(0);
    for (action, name) in ACTION_NAMES {
        let Some(binding) = DEFAULT_BINDINGS.iter().find(|b| b.action == *action) else {
            continue;
        };
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|k| yaml_key(&k.config_name()))
            .collect();
        let value = format!("{name}: [{}]", keys.join(", "));
        out.push_str(&format!(
            "  # {value:<w$}  # {}\n",
            binding.en,
            w = width + 30
        ));
    }
    out
}

/// `rolediff matrix`: every pair of roles under the theme and source filters.
pub fn matrix(
    data: &DataSet,
    filter: &Filter,
    format: MatrixFormat,
    lang: Lang,
) -> Result<String, Failure> {
    if data.roles.len() > MAX_MATRIX_ROLES {
        return Err(Failure::input(format!(
            "error: the data set has {} roles; the matrix compares every pair and is limited \
             to {MAX_MATRIX_ROLES} roles (use `rolediff similar ROLE` instead)",
            data.roles.len()
        )));
    }
    let matrix = Matrix::compute(&Comparator::new(data), filter);
    Ok(match format {
        MatrixFormat::Text => report::matrix_text(data, &matrix, filter, lang),
        MatrixFormat::Markdown => report::matrix_markdown(data, &matrix, filter, lang),
        MatrixFormat::Json => report::matrix_json(data, &matrix, filter, lang),
        MatrixFormat::Csv => report::matrix_csv(data, &matrix),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_default_config_parses_commented_and_uncommented() {
        let actions = rolediff_tui::keymap::action_infos();
        let text = default_config();
        let config = rolediff::config::parse(Path::new("default.yaml"), &text, &actions)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.palette.as_deref(), Some("default"));
        assert!(config.keys.is_empty());
        // Every documented line, uncommented, is valid too.
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest)
                    if ["lang:", "left:", "right:"]
                        .iter()
                        .any(|k| rest.starts_with(k)) =>
                {
                    format!("{rest}\n")
                }
                _ => match line.strip_prefix("  # ") {
                    Some(rest) => format!("  {}\n", rest.split("  #").next().unwrap_or(rest)),
                    None => format!("{line}\n"),
                },
            })
            .collect();
        let config = rolediff::config::parse(Path::new("all.yaml"), &uncommented, &actions)
            .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(config.keys.len(), ACTION_NAMES.len());
        assert_eq!(config.lang, Some(Lang::En));
        // And it gives back the default table.
        assert_eq!(
            rolediff_tui::keymap::Keymap::with_overrides(&config.keys)
                .bindings(rolediff_tui::keymap::Context::Main)
                .cloned()
                .collect::<Vec<_>>(),
            rolediff_tui::keymap::Keymap::default()
                .bindings(rolediff_tui::keymap::Context::Main)
                .cloned()
                .collect::<Vec<_>>()
        );
    }
}
