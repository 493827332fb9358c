//! The non-interactive commands and the dispatch from arguments to them.

mod args;
mod authoring;
mod complete;
mod export;
mod help_fr;
mod man;
mod output;
mod pager;
mod settings;
mod stream;
mod suggest;
mod tooling;
mod validate;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use rolediff::compare::{Comparator, Filter, Shown};
use rolediff::diagnostics::{self, Diagnostics};
use rolediff::lang::Lang;
use rolediff::messages::Message;
use rolediff::model::{
    Ambiguity, DataSet, DataSource, LoadLimits, Loaded, RoleIdx, RoleLookup, load,
};
use rolediff::report::{self, Format};
use rolediff::text::sanitize;

pub use args::{Cli, Command, FilterArgs, ListFormat};
pub use output::Output;

/// Exit code of every error: bad data, bad usage (clap's own code for it), an output
/// that could not be written. As `diff` and `grep` do, 1 is kept for an answer:
/// [`EXIT_DIFFERENT`].
pub const EXIT_ERROR: u8 = 2;
/// Exit code of `compare --exit-code` when the two roles differ, as `diff` gives 1.
pub const EXIT_DIFFERENT: u8 = 1;

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
            code: EXIT_ERROR,
        }
    }
}

impl Failure {
    /// Every error of `diagnostics` on its line, then `last`.
    pub fn from_lines(diagnostics: &Diagnostics, last: &str) -> Self {
        let lines = validate::error_lines(diagnostics.errors(), false);
        Failure::input(format!("{lines}{last}"))
    }
}

/// The errors of a data set that did not load; its warnings are for `validate`.
impl From<Diagnostics> for Failure {
    fn from(diagnostics: Diagnostics) -> Self {
        // Messages quote the user's data: sanitize them like any other output.
        let lines = validate::error_lines(diagnostics.errors(), false);
        let total = validate::problems_total(diagnostics.errors().count(), Message::ProblemsInData);
        Failure::input(format!("{lines}{total}"))
    }
}

/// Parses the arguments and runs the command; the whole program.
pub fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash rolediff -- …`) is answered here.
    complete::answer_if_asked();
    let command = help_fr::localized(Cli::command(), help_fr::help_lang());
    let cli = match command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => return output::clap_exit(&error),
    };
    // Reports are paged on a terminal; completion scripts, the man page and the config
    // are meant to be redirected, and are written as they are.
    output::set_paging(!cli.no_pager && cli.command.as_ref().is_some_and(Command::pages));
    // The language of messages before the config is read: the flag or the locale.
    output::set_lang(cli.lang.map(Lang::from).unwrap_or_else(Lang::from_env));
    // `config`, `completions` and `man` work even when the config file is broken.
    if let Some(result) = tooling::early(&cli) {
        return finish(result);
    }
    let settings = match settings::Settings::resolve(&cli) {
        Ok(settings) => settings,
        Err(failure) => return finish(Err(failure)),
    };
    let lang = settings.lang;
    output::set_lang(lang);
    let text = text_options(&cli, &settings, Shown::All);
    let result = match cli.command {
        Some(Command::Compare {
            left,
            right,
            filter,
            format,
            only,
            exit_code,
        }) => {
            let shown = match only {
                None => Shown::All,
                Some(args::OnlyRows::Shared) => Shown::Shared,
                Some(args::OnlyRows::Diff) => Shown::Differences,
            };
            let text = report::TextOptions { shown, ..text };
            compare(
                (&left, &right),
                &filter,
                (format, &text),
                exit_code,
                settings.data.as_deref(),
                lang,
            )
        }
        Some(command) => {
            run_command(command, settings.data.as_deref(), lang, text.width).map(Output::from)
        }
        // No subcommand: the interactive view. Roles are resolved first so that a typo
        // fails (exit 2) before the terminal is touched.
        None => (|| {
            let data = load_data(settings.data.as_deref())?;
            if data.roles.is_empty() {
                return Err(Failure::input("error: the data set has no roles"));
            }
            let (left, right) = rolediff::model::initial_roles(
                &data,
                cli.left.as_deref().or(settings.left.as_deref()),
                cli.right.as_deref().or(settings.right.as_deref()),
                |query| {
                    resolve_role(&data, query, lang)
                        .map_err(|failure| settings.config_context(query, &cli, failure))
                },
            )
            .map_err(|mut failure| {
                // `rolediff lsit` reads as a role named "lsit": say what was meant.
                if let Some(name) = cli.left.as_deref().and_then(suggest::command_typo) {
                    failure.message = format!(
                        "{}\nhint: did you mean the command `{name}`?",
                        failure.message.trim_end()
                    );
                }
                failure
            })?;
            if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err(Failure::input(
                    "error: the interactive view needs a terminal; \
                     for a report use `rolediff compare LEFT RIGHT`",
                ));
            }
            let tui = rolediff_tui::Appearance {
                lang,
                theme: rolediff_tui::theme::Theme::from_env(&settings.palette()),
                keymap: settings.keymap.clone(),
                mouse: settings.mouse,
            };
            rolediff_tui::run(&data, left, right, tui)
                .map(|()| Output::from(String::new()))
                .map_err(|error| Failure {
                    message: format!("rolediff: terminal error: {error}"),
                    code: EXIT_ERROR,
                })
        })(),
    };
    output::finish(result)
}

/// Prints the output or the failure, and gives the exit code.
fn finish(result: Result<String, Failure>) -> ExitCode {
    output::finish(result.map(Output::from))
}

/// Loads the data set named by `--data`/`ROLEDIFF_DATA`, or the bundled one, with its
/// warnings.
fn load_with_warnings(data: Option<&std::path::Path>) -> Result<Loaded, Diagnostics> {
    let limits = LoadLimits::default();
    match data {
        None => load(DataSource::Bundled, limits),
        Some(path) => match stream::read(path, limits.max_file_bytes)? {
            Some((name, text)) => load(
                DataSource::Text {
                    name: &name,
                    text: &text,
                },
                limits,
            ),
            None => load(DataSource::Path(path), limits),
        },
    }
}

/// Loads the data set named by `--data`/`ROLEDIFF_DATA`, or the bundled one.
///
/// Its warnings are not printed: only `validate` reports them. They are about names
/// several roles answer to, which real catalogues publish on purpose, and naming a
/// role by one of them says so when it happens; a line on every command would only
/// repeat it, and would write over the interactive view.
pub fn load_data(data: Option<&std::path::Path>) -> Result<DataSet, Failure> {
    Ok(load_with_warnings(data)?.data)
}

/// Most candidate roles an ambiguous role argument lists.
const CANDIDATES_SHOWN: usize = 10;

/// Resolves a role argument, or fails with the candidates (names in `lang`) or the
/// closest ids.
pub fn resolve_role(data: &DataSet, query: &str, lang: Lang) -> Result<RoleIdx, Failure> {
    match data.lookup_role(query) {
        RoleLookup::Found(role) => Ok(role),
        RoleLookup::Ambiguous { reason, roles } => {
            let why = match reason {
                Ambiguity::SharedName => "it is the name of",
                Ambiguity::SharedAlias => "it is an alias of",
                Ambiguity::Initials => "it is the initials of",
                Ambiguity::Prefix => "it starts an id, name or alias of",
            };
            let mut message = format!(
                "error: role `{}` is ambiguous: {why} {} roles; name one by its id:",
                sanitize(query),
                roles.len()
            );
            let shown = &roles[..roles.len().min(CANDIDATES_SHOWN)];
            let id_width = shown
                .iter()
                .map(|&r| rolediff::text::width(&data.roles[r].id))
                .max()
                .unwrap_or(0);
            for &role in shown {
                let role = &data.roles[role];
                let id = sanitize(&role.id);
                let name =
                    rolediff::text::truncate(&sanitize(role.name.get(lang)), 60).into_owned();
                message.push_str(&format!(
                    "\n  {}  {name}",
                    rolediff::text::fit(&id, id_width)
                ));
            }
            if roles.len() > shown.len() {
                message.push_str(&format!(
                    "\n  … and {} more (see `rolediff list`)",
                    roles.len() - shown.len()
                ));
            }
            Err(Failure::input(message))
        }
        RoleLookup::NotFound(closest) => {
            // A small data set is listed whole; a catalogue of thousands never is.
            let (label, ids) = match closest.as_slice() {
                [] if data.roles.len() <= CANDIDATES_SHOWN => (
                    "valid ids",
                    data.roles.iter().map(|r| r.id.clone()).collect(),
                ),
                _ => ("closest ids", closest),
            };
            let listed = if ids.is_empty() {
                String::new()
            } else {
                format!("; {label}: {}", sanitize(&ids.join(", ")))
            };
            Err(Failure::input(format!(
                "error: unknown role `{}`{listed} (see `rolediff list`)",
                sanitize(query),
            )))
        }
    }
}

fn run_command(
    command: Command,
    data_path: Option<&std::path::Path>,
    lang: Lang,
    width: Option<usize>,
) -> Result<String, Failure> {
    if let Command::ExportData { dir, force } = &command {
        // `--data` on this command line would read as "export my data": say what the
        // command does instead of silently writing the bundled set.
        let data_flag = std::env::args_os()
            .any(|a| a == "--data" || a.to_string_lossy().starts_with("--data="));
        if data_flag {
            return Err(Failure::input(
                "error: export-data writes the bundled data set as a starting point; it does \
                 not read `--data` (the files of your own data set are already yours to copy)",
            ));
        }
        return export::export_bundled(dir, *force);
    }
    match &command {
        Command::Schema => return Ok(authoring::schema_text()),
        Command::Init { path, force } => return authoring::init(path, *force),
        Command::Import { files, out, force } => return authoring::import(files, out, *force),
        _ => {}
    }
    if let Command::Validate { strict, all } = command {
        let report = validate::report(
            load_with_warnings(data_path),
            validate::Options { strict, all },
            lang,
        );
        output::to_stderr(&report.warnings);
        return report.result;
    }
    let data = load_data(data_path)?;
    match command {
        Command::List { filter, format } => {
            let filter = resolve_filter(&data, &filter)?;
            Ok(match format {
                ListFormat::Text => report::list_text(&data, &filter, lang),
                ListFormat::Json => report::list_json(&data, &filter, lang),
            })
        }
        Command::Show {
            role,
            filter,
            format,
        } => {
            let role = resolve_role(&data, &role, lang)?;
            let filter = resolve_filter(&data, &filter)?;
            Ok(match format {
                ListFormat::Text => report::show_text(&data, role, &filter, lang),
                ListFormat::Json => report::show_json(&data, role, &filter, lang),
            })
        }
        Command::Disputes {
            role,
            filter,
            format,
        } => {
            let role = role.map(|r| resolve_role(&data, &r, lang)).transpose()?;
            let filter = resolve_filter(&data, &filter)?;
            let found = report::disputes(&data, role, &filter);
            Ok(match Format::from(format) {
                Format::Text => report::disputes_text(&data, &found, &filter, lang),
                Format::Markdown => report::disputes_markdown(&data, &found, &filter, lang),
                Format::Json => report::disputes_json(&data, &found, lang),
            })
        }
        Command::Similar {
            role,
            top,
            filter,
            format,
        } => {
            let role = resolve_role(&data, &role, lang)?;
            let filter = resolve_filter(&data, &filter)?;
            let comparator = Comparator::new(&data);
            let mut ranked = comparator.rank(role, &filter);
            ranked.truncate(top.unwrap_or(usize::MAX));
            comparator.explain_wording(role, &mut ranked, report::WORDS_IN_COMMON, lang);
            Ok(match format {
                ListFormat::Text => {
                    report::similar_text(&data, role, &ranked, &filter, lang, width)
                }
                ListFormat::Json => report::similar_json(&data, &ranked, &filter, lang),
            })
        }
        Command::Matrix { filter, format } => {
            let filter = resolve_filter(&data, &filter)?;
            tooling::matrix(&data, &filter, format, lang)
        }
        Command::ExportData { .. }
        | Command::Validate { .. }
        | Command::Compare { .. }
        | Command::Schema
        | Command::Init { .. }
        | Command::Import { .. } => {
            unreachable!("handled above")
        }
        Command::Config { .. } | Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("handled before the config is read")
        }
    }
}

/// `rolediff compare`: the report, and with `--exit-code` the exit code `diff` would
/// give: 1 when the roles differ under the filter (a task one has and the other has
/// not), 0 when they do not.
fn compare(
    (left, right): (&str, &str),
    filter: &FilterArgs,
    (format, text_options): (args::ReportFormat, &report::TextOptions),
    exit_code: bool,
    data_path: Option<&std::path::Path>,
    lang: Lang,
) -> Result<Output, Failure> {
    let data = load_data(data_path)?;
    let left = resolve_role(&data, left, lang)?;
    let right = resolve_role(&data, right, lang)?;
    let filter = resolve_filter(&data, filter)?;
    let comparator = Comparator::new(&data);
    let comparison = comparator.compare(left, right, &filter);
    let text = match Format::from(format) {
        Format::Text => report::compare_text(&data, &comparison, &filter, lang, text_options),
        Format::Markdown => {
            report::compare_markdown(&data, &comparison, &filter, lang, text_options.shown)
        }
        Format::Json => report::compare_json(&comparator, &comparison, &filter, lang),
    };
    let differ = !comparison.left_only.is_empty() || !comparison.right_only.is_empty();
    Ok(Output {
        text,
        code: if exit_code && differ {
            EXIT_DIFFERENT
        } else {
            0
        },
    })
}

/// Resolves `--theme` and `--source` ids; unknown ids fail (exit 2) with the closest.
pub fn resolve_filter(data: &DataSet, args: &FilterArgs) -> Result<Filter, Failure> {
    let (themes, sources) = (&args.themes, &args.sources);
    let query = args.query.clone().unwrap_or_default();
    fn resolve(
        kind: &str,
        wanted: &[String],
        ids: Vec<&str>,
        find: impl Fn(&str) -> Option<usize>,
    ) -> Result<Vec<usize>, Failure> {
        let mut found = Vec::with_capacity(wanted.len());
        for id in wanted {
            match find(id) {
                Some(index) => found.push(index),
                None => {
                    let closest = diagnostics::closest(id, ids.iter().copied());
                    // The few closest ids, or the first few valid ones: a catalogue may
                    // have a hundred thousand, which no message should list.
                    const SHOWN: usize = 10;
                    let (label, shown) = if closest.is_empty() {
                        ("valid ids", ids.iter().take(SHOWN).copied().collect())
                    } else {
                        ("closest ids", closest)
                    };
                    let more = match ids.len().saturating_sub(shown.len()) {
                        0 => String::new(),
                        _ if label == "closest ids" => String::new(),
                        n => format!(" … and {n} more (see `rolediff show ROLE`)"),
                    };
                    return Err(Failure::input(format!(
                        "error: unknown {kind} `{}`; {label}: {}{more}",
                        sanitize(id),
                        sanitize(&shown.join(", "))
                    )));
                }
            }
        }
        Ok(found)
    }
    let theme_ids = data.themes.iter().map(|t| t.id.as_str()).collect();
    let source_ids = data.sources.iter().map(|s| s.id.as_str()).collect();
    Ok(Filter {
        themes: resolve("theme", themes, theme_ids, |id| data.theme_index(id))?,
        sources: resolve("source", sources, source_ids, |id| data.source_index(id))?,
        query,
    })
}

/// How text reports look, as the command line and the environment ask:
/// - colour: `--color always|never`, else anstream's reading of the environment (a
///   terminal, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb`), in the palette's colours;
/// - width: `-W`, else the terminal's, else `COLUMNS`, else none: a pipe gets every
///   label whole on one line (docs/cli.md says why).
fn text_options(cli: &Cli, settings: &settings::Settings, shown: Shown) -> report::TextOptions {
    let stdout = std::io::stdout();
    let colored = match cli.color {
        args::ColorWhen::Always => true,
        args::ColorWhen::Never => false,
        args::ColorWhen::Auto => output::colour_by_environment(&stdout),
    };
    let terminal_width = std::io::IsTerminal::is_terminal(&stdout)
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map(|(columns, _)| usize::from(columns));
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0)
    };
    report::TextOptions {
        width: cli.width.or(terminal_width).or_else(columns),
        colors: colored.then(|| report::ReportColors::from_palette(&settings.palette())),
        shown,
    }
}
