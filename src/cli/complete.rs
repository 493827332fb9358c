//! Shell completion: role, theme and source ids completed from the data at the time
//! of completion.
//!
//! `rolediff completions SHELL` prints a small script that registers rolediff with the
//! shell; when the user presses Tab, the shell runs `COMPLETE=SHELL rolediff -- …`,
//! which [`clap_complete::CompleteEnv`] answers from the same argument definitions as
//! the parser (clap_complete's dynamic engine). So subcommands, flags and values never
//! go stale, and the ids come from the data set the user actually uses
//! (`--data` given on the line being completed, else `ROLEDIFF_DATA`, else the
//! config's `data:`, else the bundled data).
//!
//! Names come from data files, so they are untrusted twice over here: a candidate is
//! inserted into the user's command line, where a shell would run `;`, `$(…)` and the
//! like. Every candidate and description is sanitised (control and bidirectional
//! characters never reach the terminal) and every candidate is quoted for the shell
//! that asks ([`quote_for_shell`]); a name that holds control characters is not
//! offered at all.

use std::ffi::OsString;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use rolediff::config::{CONFIG_ENV, ConfigLocation};
use rolediff::model::{DataSet, load_bundled, load_path};
use rolediff::text::sanitize;

use crate::cli::Cli;
use crate::cli::args::Shell;

/// The environment variable the registration scripts set when they ask for candidates.
pub const COMPLETE_ENV: &str = "COMPLETE";

/// The shell that asked for candidates, read before clap_complete takes `COMPLETE` out
/// of the environment (so that the commands it runs do not complete in turn).
static ASKING_SHELL: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Answers a completion request (when `COMPLETE` is set) and exits; otherwise returns.
pub fn answer_if_asked() {
    ASKING_SHELL.get_or_init(|| std::env::var(COMPLETE_ENV).ok());
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

/// The `--data` path on the command line being completed, if it names one: the shell
/// runs `rolediff -- rolediff compare --data r.yaml …`, so the words are this
/// process's own arguments after `--`.
fn data_on_the_line() -> Option<OsString> {
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|w| w != "--")
        .skip(1)
        .collect();
    // The last word is the one being completed: a `--data` there has no value yet.
    let complete = &words[..words.len().saturating_sub(1)];
    complete.iter().enumerate().rev().find_map(|(i, word)| {
        let text = word.to_str()?;
        if let Some(value) = text.strip_prefix("--data=") {
            return Some(OsString::from(value));
        }
        (text == "--data")
            .then(|| complete.get(i + 1).cloned())
            .flatten()
    })
}

/// The data set completions are drawn from; `None` when it cannot be loaded (then
/// nothing is offered, rather than an error in the middle of a command line).
fn data() -> Option<DataSet> {
    if let Some(path) = data_on_the_line().filter(|p| !p.is_empty()) {
        return load_path(path.as_ref()).ok();
    }
    if let Some(path) = std::env::var_os("ROLEDIFF_DATA").filter(|p| !p.is_empty()) {
        return load_path(path.as_ref()).ok();
    }
    let location = ConfigLocation::find(None, std::env::var_os(CONFIG_ENV));
    let config = location
        .load(&rolediff_tui::keymap::action_infos())
        .ok()
        .unwrap_or_default();
    match config.data {
        Some(path) => load_path(&path).ok(),
        None => load_bundled().ok(),
    }
}

/// The shell asking for candidates (the value of `COMPLETE`).
fn asking_shell() -> Option<String> {
    ASKING_SHELL.get().cloned().flatten()
}

/// Characters every shell reads as part of a plain word. Letters and digits of any
/// script are fine too.
fn plain_in_shells(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | '@' | ',' | '%' | '/' | '=')
}

/// `value` as the shell `shell` must receive it to insert it as one word and run
/// nothing: bash inserts candidates verbatim, so every other character is
/// backslash-escaped; PowerShell gets a single-quoted string; zsh (`_describe`), fish
/// and elvish quote candidates themselves. `None` for a value with control characters:
/// a name nobody can type is not offered.
pub fn quote_for_shell(value: &str, shell: Option<&str>) -> Option<String> {
    if value.is_empty() || sanitize(value) != value {
        return None;
    }
    if value.chars().all(plain_in_shells) {
        return Some(value.to_string());
    }
    Some(match shell {
        Some("bash") => value
            .chars()
            .flat_map(|c| {
                let escape = (!plain_in_shells(c)).then_some('\\');
                escape.into_iter().chain([c])
            })
            .collect(),
        Some("powershell") => format!("'{}'", value.replace('\'', "''")),
        _ => value.to_string(),
    })
}

/// A candidate for `value`, described by `help`; `None` when it cannot be offered.
fn candidate(value: &str, help: &str, shell: Option<&str>) -> Option<CompletionCandidate> {
    let value = quote_for_shell(value, shell)?;
    // One line each: the shells split candidates and descriptions on line breaks.
    let help = sanitize(help).into_owned();
    Some(CompletionCandidate::new(OsString::from(value)).help(Some(help.into())))
}

/// Role ids and aliases, each with the role's name as help.
pub fn roles() -> Vec<CompletionCandidate> {
    let Some(data) = data() else {
        return Vec::new();
    };
    let shell = asking_shell();
    let shell = shell.as_deref();
    data.roles
        .iter()
        .flat_map(|role| {
            let help = role.name.en.clone();
            candidate(&role.id, &help, shell)
                .into_iter()
                .chain(role.aliases.iter().filter_map(move |alias| {
                    candidate(alias, &format!("{help} (alias)"), shell).map(|c| c.hide(true))
                }))
        })
        .collect()
}

/// Theme ids, with their English label as help.
pub fn themes() -> Vec<CompletionCandidate> {
    let shell = asking_shell();
    data().map_or_else(Vec::new, |data| {
        data.themes
            .iter()
            .filter_map(|t| candidate(&t.id, &t.label.en, shell.as_deref()))
            .collect()
    })
}

/// Source ids, with their title as help.
pub fn sources() -> Vec<CompletionCandidate> {
    let shell = asking_shell();
    data().map_or_else(Vec::new, |data| {
        data.sources
            .iter()
            .filter_map(|s| candidate(&s.id, &s.title, shell.as_deref()))
            .collect()
    })
}

/// The bundled palettes (a palette file's path is completed by the shell as a file).
pub fn palettes() -> Vec<CompletionCandidate> {
    rolediff::config::BUNDLED_PALETTES
        .iter()
        .map(|p| CompletionCandidate::new(p.name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_quoted_for_the_shell_that_inserts_them() {
        assert_eq!(quote_for_shell("cm", Some("bash")).as_deref(), Some("cm"));
        assert_eq!(
            quote_for_shell("animateur de communauté", Some("bash")).as_deref(),
            Some("animateur\\ de\\ communauté")
        );
        assert_eq!(
            quote_for_shell("moderator-x;touch FILE", Some("bash")).as_deref(),
            Some("moderator-x\\;touch\\ FILE")
        );
        assert_eq!(
            quote_for_shell("a'b $(x)", Some("powershell")).as_deref(),
            Some("'a''b $(x)'")
        );
        assert_eq!(
            quote_for_shell("a b", Some("zsh")).as_deref(),
            Some("a b"),
            "zsh's _describe quotes candidates itself"
        );
        assert_eq!(quote_for_shell("evil\u{1b}]0;x\u{7}", Some("bash")), None);
        assert_eq!(quote_for_shell("", Some("bash")), None);
    }
}
