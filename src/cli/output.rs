//! Writing what a command produced, and its exit code: the output discipline of a tool
//! used in pipes and scripts. Nothing here panics on a closed or full stream.

use std::io::{self, Write};
use std::process::ExitCode;

use rolediff::lang::Lang;
use rolediff::messages::{label, translate};

use super::{EXIT_ERROR, Failure};

/// What a command produced: the text for standard output and the exit code it means
/// (0, or 1 for `compare --exit-code` when the roles differ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Printed on standard output.
    pub text: String,
    /// Exit code when the text was written.
    pub code: u8,
}

impl From<String> for Output {
    fn from(text: String) -> Self {
        Self { text, code: 0 }
    }
}

/// Writes `text` to standard error, ignoring failures: there is nowhere left to report
/// them (a closed stderr, as in `validate 2>&1 | head -2`, must not panic).
pub fn to_stderr(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Writes the output, or the failure, and gives the exit code.
pub fn finish(result: Result<Output, Failure>) -> ExitCode {
    match result {
        Ok(output) => match to_stdout(&output.text) {
            Ok(()) => ExitCode::from(output.code),
            Err(message) => {
                to_stderr(&format!("{}\n", in_lang(&format!("error: {message}"))));
                ExitCode::from(EXIT_ERROR)
            }
        },
        Err(failure) => {
            to_stderr(&format!("{}\n", in_lang(failure.message.trim_end())));
            ExitCode::from(failure.code)
        }
    }
}

/// Whether this run speaks French (set once the language is known; English before).
static FRENCH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language of this run's messages.
pub fn set_lang(lang: Lang) {
    FRENCH.store(lang == Lang::Fr, std::sync::atomic::Ordering::Relaxed);
}

/// The language of this run's messages.
pub fn lang() -> Lang {
    if FRENCH.load(std::sync::atomic::Ordering::Relaxed) {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// A message of the command line in this run's language: each line that starts with
/// `error: `, `warning: ` or `hint: ` goes through the message catalogue; the others
/// (diagnostics, already in the language, and lists of ids) stay as they are.
pub fn in_lang(message: &str) -> String {
    let lang = lang();
    if lang == Lang::En {
        return message.to_string();
    }
    message
        .lines()
        .map(|line| {
            ["error", "warning", "hint"]
                .iter()
                .find_map(|word| {
                    let rest = line.strip_prefix(word)?.strip_prefix(": ")?;
                    Some(format!("{}{}", label(word, lang), translate(rest, lang)))
                })
                .unwrap_or_else(|| line.to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether this run's output may go through a pager (set once, from the command and
/// `--no-pager`).
static PAGING: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Allows or forbids paging for this run.
pub fn set_paging(allowed: bool) {
    let _ = PAGING.set(allowed);
}

/// Writes `text` to standard output and flushes it, through the pager when it is long
/// and standard output is a terminal (as git and bat do). A reader that stopped early
/// (`rolediff list | head -1`, or quitting the pager) is not an error; a closed or
/// full output is.
fn to_stdout(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    if PAGING.get().copied().unwrap_or(false)
        && let Some(command) = super::pager::pager_for(text)
        && super::pager::page(&command, text).is_ok()
    {
        return Ok(());
    }
    // A standard output closed by the shell (`rolediff list >&-`) cannot be detected
    // here: the Rust runtime reopens closed standard descriptors on /dev/null before
    // `main`, so it reads exactly like `> /dev/null` (docs/reliability.md).
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the output: {error}")),
    }
}

/// Ends the program on what clap could not parse or was asked to print: `--help` and
/// `--version` are written like any output (a full disk exits 2, not 0); usage errors
/// exit 2, with a hint when the first word is a mistyped command.
pub fn clap_exit(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let rendered = error.render();
            let text = if colour_by_environment(&io::stdout()) {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            finish(Ok(Output::from(text)))
        }
        _ => {
            let mut text = match super::help_fr::help_lang() {
                Lang::Fr => super::help_fr::usage_error(error),
                Lang::En => None,
            }
            .unwrap_or_else(|| error.render().to_string());
            if let Some(hint) = super::suggest::mistyped_command(std::env::args().skip(1)) {
                text = format!("{}\n{hint}\n", text.trim_end());
            }
            to_stderr(&text);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `--color auto`: anstream's reading of the environment (a terminal, `NO_COLOR`,
/// `CLICOLOR`, `CLICOLOR_FORCE`), except that `TERM=dumb` is never coloured unless
/// `CLICOLOR_FORCE` asks. anstream also colours when `CI` is set, for CI logs that
/// understand colour whatever TERM says; a terminal that calls itself dumb is taken
/// at its word here, wherever it runs (the pty tests run under CI=true).
pub fn colour_by_environment(stdout: &io::Stdout) -> bool {
    let term_is_dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
    anstream::AutoStream::choice(stdout) != anstream::ColorChoice::Never
        && (!term_is_dumb || anstyle_query::clicolor_force())
}
