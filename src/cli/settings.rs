//! What the command line, the environment and the config file decide together.
//!
//! Precedence, for every setting: flag > environment variable > config file > default.
//! - config file: `--config` > `ROLEDIFF_CONFIG` > the platform's config folder;
//! - data: `--data` > `ROLEDIFF_DATA` > `data:` > the bundled data;
//! - language: `--lang` > `ROLEDIFF_LANG` > `lang:` > the locale (`LC_ALL`, `LC_MESSAGES`,
//!   `LANG`) > English; the locale is the system's default, so an explicit `lang:` in
//!   the config wins over it;
//! - palette: `--palette` > `ROLEDIFF_PALETTE` > `palette:` > `default`; `NO_COLOR`
//!   turns colour off whatever the palette;
//! - roles of the interactive view: `LEFT RIGHT` > `left:`/`right:` > the defaults;
//! - keys: the config's `keys:` over the default table.

use std::path::PathBuf;

use rolediff::config::{CONFIG_ENV, Config, ConfigLocation, Palette};
use rolediff::diagnostics::Diagnostics;
use rolediff::lang::Lang;

use crate::cli::{Cli, Failure};
use rolediff_tui::keymap::{self, Keymap};

/// The settings in force for this run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file as read (empty when there is none).
    pub config: Config,
    /// Interface and data language.
    pub lang: Lang,
    /// Data set path; `None` for the bundled data.
    pub data: Option<PathBuf>,
    /// Roles named by the config for the interactive view.
    pub left: Option<String>,
    /// See `left`.
    pub right: Option<String>,
    /// The palette named by the flag, environment or config, read and checked up
    /// front; `None` for the default one, which [`Settings::palette`] reads when the
    /// interactive view needs it (commands that print text never do, and parsing it
    /// was a few percent of a whole `rolediff compare`).
    named_palette: Option<Palette>,
    /// The key table with the config's overrides.
    pub keymap: Keymap,
    /// Whether the interactive view takes the mouse.
    pub mouse: bool,
}

impl Settings {
    /// Reads the config and applies the precedence; any problem fails the whole run.
    pub fn resolve(cli: &Cli) -> Result<Self, Failure> {
        let location = ConfigLocation::find(cli.config.as_deref(), std::env::var_os(CONFIG_ENV));
        let config = location
            .load(&keymap::action_infos())
            .map_err(|d| config_failure(d, "config file"))?;
        let lang = cli
            .lang
            .map(Lang::from)
            .or(config.lang)
            .unwrap_or_else(Lang::from_env);
        let data = cli.data.clone().or_else(|| config.data.clone());
        let named_palette = match cli.palette.as_deref().or(config.palette.as_deref()) {
            Some(name) => Some(Palette::resolve(name).map_err(|d| config_failure(d, "palette"))?),
            None => None,
        };
        Ok(Self {
            lang,
            data,
            left: config.left.clone(),
            right: config.right.clone(),
            named_palette,
            keymap: Keymap::with_overrides(&config.keys),
            mouse: config.mouse.unwrap_or(true),
            config,
        })
    }
}

impl Settings {
    /// The palette chosen.
    pub fn palette(&self) -> Palette {
        self.named_palette
            .clone()
            .unwrap_or_else(Palette::default_palette)
    }

    /// Says where a role that fails to resolve came from, when the config named it.
    pub fn config_context(&self, query: &str, cli: &Cli, failure: Failure) -> Failure {
        let from_config = (cli.left.is_none() && self.left.as_deref() == Some(query))
            || (cli.right.is_none() && self.right.as_deref() == Some(query));
        match (&self.config.file, from_config) {
            (Some(file), true) => Failure {
                message: format!(
                    "{}\n(the role is set by `left`/`right` in {})",
                    failure.message,
                    file.display()
                ),
                ..failure
            },
            _ => failure,
        }
    }
}

/// Problems in the config or a palette file, printed like data problems (exit 2).
fn config_failure(diagnostics: Diagnostics, what: &str) -> Failure {
    let count = diagnostics.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    // The same lines as the data's problems: sanitised, in the run's language.
    let lines = crate::cli::validate::error_lines(diagnostics.iter(), false);
    Failure::input(format!("{lines}error: {count} {noun} in the {what}"))
}
