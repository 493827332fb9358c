//! The non-interactive commands and the dispatch from arguments to them.

mod args;
mod export;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use rolediff::diagnostics::Diagnostics;
use rolediff::lang::Lang;
use rolediff::model::{DataSet, RoleIdx, RoleLookup, load_bundled, load_path};
use rolediff::report;
use rolediff::text::sanitize;

pub use args::{Cli, Command, ListFormat};

/// Exit code for bad data or bad usage (clap uses 2 for usage errors too).
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when an output could not be written.
pub const EXIT_OUTPUT: u8 = 1;

/// A failure that ends the command, with its exit code.
#[derive(Debug)]
pub struct Failure {
    /// Printed on standard error.
    pub message: String,
    /// Process exit code.
    pub code: u8,
}

impl Failure {
    /// Bad data or bad usage (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: EXIT_BAD_INPUT,
        }
    }
}

impl From<Diagnostics> for Failure {
    fn from(diagnostics: Diagnostics) -> Self {
        let count = diagnostics.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        // Messages quote the user's data: sanitize them like any other output.
        let lines: String = diagnostics
            .iter()
            .map(|d| format!("{}\n", sanitize(&d.to_string())))
            .collect();
        Failure::input(format!("{lines}error: {count} {noun} in the data set"))
    }
}

/// Parses the arguments and runs the command; the whole program.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let result = match cli.command {
        Some(command) => run_command(command, cli.data.as_deref(), lang),
        // No subcommand: the interactive view. Roles are resolved first so that a typo
        // fails (exit 2) before the terminal is touched.
        None => (|| {
            let data = load_data(cli.data.as_deref())?;
            if data.roles.is_empty() {
                return Err(Failure::input("error: the data set has no roles"));
            }
            let (left, right) = crate::tui::app::initial_roles(
                &data,
                cli.left.as_deref(),
                cli.right.as_deref(),
                |query| resolve_role(&data, query),
            )?;
            if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err(Failure::input(
                    "error: the interactive view needs a terminal; \
                     for a report use `rolediff compare LEFT RIGHT`",
                ));
            }
            crate::tui::run(&data, left, right, lang)
                .map(|()| String::new())
                .map_err(|error| Failure {
                    message: format!("rolediff: terminal error: {error}"),
                    code: EXIT_OUTPUT,
                })
        })(),
    };
    match result {
        Ok(output) => match std::io::stdout().lock().write_all(output.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            // A closed pipe (`rolediff list | head -1`) is not an error worth a message.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("rolediff: cannot write the output: {error}");
                ExitCode::from(EXIT_OUTPUT)
            }
        },
        Err(failure) => {
            eprintln!("{}", failure.message.trim_end());
            ExitCode::from(failure.code)
        }
    }
}

/// Loads the data set named by `--data`/`ROLEDIFF_DATA`, or the bundled one.
pub fn load_data(data: Option<&std::path::Path>) -> Result<DataSet, Failure> {
    Ok(match data {
        Some(path) => load_path(path)?,
        None => load_bundled()?,
    })
}

/// Resolves a role argument, or fails with the closest ids.
pub fn resolve_role(data: &DataSet, query: &str) -> Result<RoleIdx, Failure> {
    match data.lookup_role(query) {
        RoleLookup::Found(role) => Ok(role),
        RoleLookup::Ambiguous(roles) => {
            let ids: Vec<&str> = roles.iter().map(|&r| data.roles[r].id.as_str()).collect();
            Err(Failure::input(format!(
                "error: role `{}` is ambiguous: it could be {}",
                sanitize(query),
                ids.join(", ")
            )))
        }
        RoleLookup::NotFound(closest) => Err(Failure::input(format!(
            "error: unknown role `{}`; closest ids: {} (see `rolediff list`)",
            sanitize(query),
            closest.join(", ")
        ))),
    }
}

fn run_command(
    command: Command,
    data_path: Option<&std::path::Path>,
    lang: Lang,
) -> Result<String, Failure> {
    if let Command::ExportData { dir, force } = &command {
        return export::export_bundled(dir, *force);
    }
    let data = load_data(data_path)?;
    match command {
        Command::Validate => Ok(validate_summary(&data, lang)),
        Command::List { format } => Ok(match format {
            ListFormat::Text => report::list_text(&data, lang),
            ListFormat::Json => report::list_json(&data, lang),
        }),
        Command::Show { role, format } => {
            let role = resolve_role(&data, &role)?;
            Ok(match format {
                ListFormat::Text => report::show_text(&data, role, lang),
                ListFormat::Json => report::show_json(&data, role, lang),
            })
        }
        Command::ExportData { .. } => unreachable!("handled above"),
    }
}

fn validate_summary(data: &DataSet, lang: Lang) -> String {
    let (roles, tasks, themes, sources) = (
        data.roles.len(),
        data.tasks.len(),
        data.themes.len(),
        data.sources.len(),
    );
    match lang {
        Lang::En => {
            format!("ok: {roles} roles, {tasks} tasks, {themes} themes, {sources} sources\n")
        }
        Lang::Fr => {
            format!("ok : {roles} rôles, {tasks} tâches, {themes} thèmes, {sources} sources\n")
        }
    }
}
