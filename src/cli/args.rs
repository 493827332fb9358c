//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;
use rolediff::lang::Lang;
use rolediff::report::Format;

const EXAMPLES: &str = "\
Examples:
  rolediff                                     open the side-by-side view
  rolediff cm smm                              open it on two roles (ids, names, aliases, prefixes)
  rolediff compare community-manager community-builder --format markdown
  rolediff list --format json
  rolediff validate --data ./my-roles          check your own data set
  rolediff validate --strict --all             warnings fail too, every one listed
  rolediff export-data ./my-roles              start your own data from the bundled one
  rolediff matrix --theme moderation           every pair of roles, on moderation only
  rolediff --palette light                     colours for a light terminal
  rolediff config --path                       where the config file is read from
  rolediff config --print-default              a commented config to start from
  source <(rolediff completions bash)          completion of commands and role ids

Exit codes: 0 success (validate: also with warnings only); 1 with `compare
--exit-code` when the roles differ, as diff does; 2 for every error: bad data or bad
usage (an unknown or ambiguous role, an error in the data, a warning under validate
--strict) or an output that could not be written.";

/// Compare job roles side by side: shared tasks, differences, strategy vs execution.
#[derive(Debug, Parser)]
#[command(name = "rolediff", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Data set to load instead of the bundled one: a folder or a single YAML file.
    #[arg(long, global = true, env = "ROLEDIFF_DATA", value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Language of labels and messages [default: the config's `lang`, else from
    /// LC_ALL / LC_MESSAGES / LANG].
    #[arg(long, global = true, value_enum, env = "ROLEDIFF_LANG")]
    pub lang: Option<LangArg>,

    /// Config file to read instead of the default one (see `rolediff config --path`);
    /// also ROLEDIFF_CONFIG.
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,

    /// Colour palette: default, dark, light, high-contrast, colorblind, or a palette
    /// file's path. NO_COLOR turns colours off whatever the palette.
    #[arg(long, global = true, env = "ROLEDIFF_PALETTE", value_name = "NAME", add = ArgValueCandidates::new(super::complete::palettes))]
    pub palette: Option<String>,

    /// When to colour reports: auto (a terminal, unless NO_COLOR is set or TERM=dumb;
    /// CLICOLOR_FORCE forces it), always, never. Also turns the view's colours off.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Width of text reports in columns [default: the terminal's, else COLUMNS, else
    /// as wide as the longest label so that a pipe gets every label whole].
    #[arg(short = 'W', long, global = true, value_name = "N")]
    pub width: Option<usize>,

    /// Never page: write long reports straight to the terminal [default: pages long
    /// output on a terminal with ROLEDIFF_PAGER, else PAGER, else `less -FRX`].
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Left role for the interactive view.
    #[arg(value_name = "LEFT", add = ArgValueCandidates::new(super::complete::roles))]
    pub left: Option<String>,

    /// Right role for the interactive view.
    #[arg(value_name = "RIGHT", add = ArgValueCandidates::new(super::complete::roles))]
    pub right: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data set and report every problem with file:line:column. Exits 0 when
    /// there are only warnings (names several roles share), 2 on any error.
    Validate {
        /// Count warnings as errors: exit 2 when there is any.
        #[arg(long)]
        strict: bool,
        /// List every warning, not the first few of each kind and a count.
        #[arg(long)]
        all: bool,
    },
    /// List the roles: id, name, number of tasks, axis (and its range across sources),
    /// aliases.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Show one role's tasks grouped by theme, with axis and sources; `!` marks a task a
    /// source contests.
    Show {
        /// Role: id, name, alias, or unique prefix of any of them.
        #[arg(add = ArgValueCandidates::new(super::complete::roles))]
        role: String,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Compare two roles like `diff -y`: shared tasks (=), left only (<), right only
    /// (>), near pairs (~), split pairs (^: one decides, the other carries out), grouped
    /// by theme; `!` marks a contested task.
    Compare {
        /// Left role: id, name, alias, or unique prefix of any of them.
        #[arg(add = ArgValueCandidates::new(super::complete::roles))]
        left: String,
        /// Right role.
        #[arg(add = ArgValueCandidates::new(super::complete::roles))]
        right: String,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
        /// Show only the shared rows, or only the differences (`< > ~ ^`).
        #[arg(long, value_enum, value_name = "ROWS")]
        only: Option<OnlyRows>,
        /// Exit with 1 when the roles differ (a task one has and the other has not),
        /// 0 when they do not, as `diff` does; errors exit 2 either way.
        #[arg(long)]
        exit_code: bool,
    },
    /// Rank the other roles by similarity to ROLE, most similar first.
    Similar {
        /// Role: id, name, alias, or unique prefix of any of them.
        #[arg(add = ArgValueCandidates::new(super::complete::roles))]
        role: String,
        /// Show only the N most similar roles.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// The landscape: the similarity of every pair of roles, and every role on the
    /// strategy ↔ execution axis (the same numbers as `compare`).
    Matrix {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: MatrixFormat,
    },
    /// Where the sources contradict each other: each task one source gives a role and
    /// another contests, with who says what (of ROLE only, when given).
    Disputes {
        /// Role id, alias, or unique prefix of either.
        #[arg(add = ArgValueCandidates::new(super::complete::roles))]
        role: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    /// Show where the config file is looked for, or print a commented default one.
    #[command(group = clap::ArgGroup::new("what").required(true))]
    Config {
        /// Print the commented default config (save it where `--path` says).
        #[arg(long, group = "what")]
        print_default: bool,
        /// Print the path the config file is read from.
        #[arg(long, group = "what")]
        path: bool,
    },
    /// Print a shell completion script (commands, options, role/theme/source ids).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print a man page (roff): rolediff(1), or with COMMAND the page of that command
    /// (rolediff-compare(1), …).
    Man {
        /// The command whose page to print.
        command: Option<String>,
    },
    /// Print the JSON Schema of the data format (what editors use to complete and check
    /// data files).
    Schema,
    /// Write a small commented data file to start from: two roles, a few tasks, every
    /// optional field shown once (and the schema editors use, beside it).
    Init {
        /// The file to write, e.g. roles.yaml.
        #[arg(value_hint = clap::ValueHint::FilePath)]
        path: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Make one data file from what you have: job descriptions in plain text or
    /// Markdown (one role per file: the title is its name, list items its tasks,
    /// headings their themes) and spreadsheets saved as CSV (columns role, task, and
    /// optionally theme, axis, source; French headers too).
    Import {
        /// The files to read: *.csv, else plain text or Markdown.
        #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
        files: Vec<PathBuf>,
        /// The data file to write.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        out: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the bundled data files into DIR, as a starting point for your own data.
    ExportData {
        /// Folder to write into (created if missing).
        #[arg(value_hint = clap::ValueHint::DirPath)]
        dir: PathBuf,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
    },
}

impl Command {
    /// True for the reports a person reads, which go through the pager when long.
    pub fn pages(&self) -> bool {
        matches!(
            self,
            Command::List { .. }
                | Command::Show { .. }
                | Command::Compare { .. }
                | Command::Similar { .. }
                | Command::Matrix { .. }
                | Command::Disputes { .. }
                | Command::Validate { .. }
        )
    }
}

/// `--lang`: the library's [`Lang`], as the command line spells it. The library stays
/// free of clap; the command line maps its values onto the library's types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// French.
    Fr,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it.
    #[default]
    Auto,
    /// Always, even in a pipe.
    Always,
    /// Never.
    Never,
}

/// `compare --only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnlyRows {
    /// The tasks both roles have.
    Shared,
    /// The rows that are not shared.
    Diff,
}

/// Formats of `compare` and `disputes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for people.
    #[default]
    Text,
    /// A Markdown document.
    Markdown,
    /// JSON for scripts (shapes in docs/json.md).
    Json,
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Json => Format::Json,
        }
    }
}

/// What a report looks at: themes, a text query, and the sources whose view it takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Keep tasks with any of these themes (repeatable; ids from `rolediff show`).
    #[arg(long = "theme", value_name = "THEME", add = ArgValueCandidates::new(super::complete::themes))]
    pub themes: Vec<String>,
    /// Take the view of these sources (repeatable): keep the tasks they state, and mark
    /// `!` the ones they contest; a task they only contest is left out.
    #[arg(long = "source", value_name = "SOURCE", add = ArgValueCandidates::new(super::complete::sources))]
    pub sources: Vec<String>,
    /// Keep tasks whose label contains this text (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

/// Formats of `list` and `show` (no Markdown there: their text output is already
/// plain and readable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned text for people.
    #[default]
    Text,
    /// JSON for scripts (shapes in docs/json.md).
    Json,
}

impl From<ListFormat> for Format {
    fn from(format: ListFormat) -> Self {
        match format {
            ListFormat::Text => Format::Text,
            ListFormat::Json => Format::Json,
        }
    }
}

/// Formats of `matrix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MatrixFormat {
    /// Aligned text for people.
    #[default]
    Text,
    /// A Markdown table.
    Markdown,
    /// JSON for scripts.
    Json,
    /// CSV for spreadsheets (similarities as decimals).
    Csv,
}

/// Shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}
