//! Shell completion: role, theme and source ids completed from the data at the time
//! of completion.
//!
//! `rolediff completions SHELL` prints a small script that registers rolediff with the
//! shell; when the user presses Tab, the shell runs `COMPLETE=SHELL rolediff -- …`,
//! which [`clap_complete::CompleteEnv`] answers from the same argument definitions as
//! the parser (clap_complete's dynamic engine). So subcommands, flags and values never
//! go stale, and the ids come from the data set the user actually uses
//! (`ROLEDIFF_DATA`, else the config's `data:`, else the bundled data).

use std::ffi::OsString;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use rolediff::config::{CONFIG_ENV, ConfigLocation};
use rolediff::model::{DataSet, load_bundled, load_path};

use crate::cli::Cli;
use crate::cli::args::Shell;

/// The environment variable the registration scripts set when they ask for candidates.
pub const COMPLETE_ENV: &str = "COMPLETE";

/// Answers a completion request (when `COMPLETE` is set) and exits; otherwise returns.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_ENV)
        .complete();
}

/// The registration script for `shell`.
pub fn registration(shell: Shell) -> String {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Powershell => &Powershell,
        Shell::Elvish => &Elvish,
    };
    let mut script = Vec::new();
    // Writing into memory cannot fail.
    let _ = completer.write_registration(
        COMPLETE_ENV,
        "rolediff",
        "rolediff",
        "rolediff",
        &mut script,
    );
    String::from_utf8_lossy(&script).into_owned()
}

/// The data set completions are drawn from; `None` when it cannot be loaded (then
/// nothing is offered, rather than an error in the middle of a command line).
fn data() -> Option<DataSet> {
    if let Some(path) = std::env::var_os("ROLEDIFF_DATA").filter(|p| !p.is_empty()) {
        return load_path(path.as_ref()).ok();
    }
    let location = ConfigLocation::find(None, std::env::var_os(CONFIG_ENV));
    let config = location
        .load(&crate::tui::keymap::action_infos())
        .ok()
        .unwrap_or_default();
    match config.data {
        Some(path) => load_path(&path).ok(),
        None => load_bundled().ok(),
    }
}

/// Role ids and aliases, each with the role's name as help.
pub fn roles() -> Vec<CompletionCandidate> {
    let Some(data) = data() else {
        return Vec::new();
    };
    data.roles
        .iter()
        .flat_map(|role| {
            let help = role.name.en.clone();
            std::iter::once(
                CompletionCandidate::new(OsString::from(&role.id)).help(Some(help.clone().into())),
            )
            .chain(role.aliases.iter().map(move |alias| {
                CompletionCandidate::new(OsString::from(alias))
                    .help(Some(format!("{help} (alias)").into()))
                    .hide(true)
            }))
        })
        .collect()
}

/// Theme ids, with their English label as help.
pub fn themes() -> Vec<CompletionCandidate> {
    data().map_or_else(Vec::new, |data| {
        data.themes
            .iter()
            .map(|t| CompletionCandidate::new(&t.id).help(Some(t.label.en.clone().into())))
            .collect()
    })
}

/// Source ids, with their title as help.
pub fn sources() -> Vec<CompletionCandidate> {
    data().map_or_else(Vec::new, |data| {
        data.sources
            .iter()
            .map(|s| CompletionCandidate::new(&s.id).help(Some(s.title.clone().into())))
            .collect()
    })
}
