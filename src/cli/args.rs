//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use rolediff::lang::Lang;
use rolediff::report::Format;

const EXAMPLES: &str = "\
Examples:
  rolediff                                     open the side-by-side view
  rolediff cm smm                              open it on two roles (ids, aliases or prefixes)
  rolediff compare community-manager community-builder --format markdown
  rolediff list --format json
  rolediff validate --data ./my-roles          check your own data set
  rolediff export-data ./my-roles              start your own data from the bundled one

Exit codes: 0 success, 1 an output could not be written, 2 bad data or bad usage.";

/// Compare job roles side by side: shared tasks, differences, strategy vs execution.
#[derive(Debug, Parser)]
#[command(name = "rolediff", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Data set to load instead of the bundled one: a folder or a single YAML file.
    #[arg(long, global = true, env = "ROLEDIFF_DATA", value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Language of labels and messages [default: from LC_ALL / LC_MESSAGES / LANG].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Left role for the interactive view.
    #[arg(value_name = "LEFT")]
    pub left: Option<String>,

    /// Right role for the interactive view.
    #[arg(value_name = "RIGHT")]
    pub right: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data set and report every problem with file:line:column.
    Validate,
    /// List the roles: id, name, number of tasks, mean axis, aliases.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Show one role's tasks grouped by theme, with axis and sources.
    Show {
        /// Role id, alias, or unique prefix of either.
        role: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Compare two roles like `diff -y`: shared tasks (=), left only (<), right only
    /// (>), near pairs (~), grouped by theme, with the similarity and each role's axis.
    Compare {
        /// Left role: id, alias, or unique prefix of either.
        left: String,
        /// Right role.
        right: String,
        /// Keep tasks with any of these themes (repeatable; ids from `rolediff show`).
        #[arg(long = "theme", value_name = "THEME")]
        themes: Vec<String>,
        /// Keep tasks that any of these sources gives or contests (repeatable).
        #[arg(long = "source", value_name = "SOURCE")]
        sources: Vec<String>,
        /// Keep tasks whose label contains this text (ignoring case and accents).
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Rank the other roles by similarity to ROLE, most similar first.
    Similar {
        /// Role id, alias, or unique prefix of either.
        role: String,
        /// Show only the N most similar roles.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Write the bundled data files into DIR, as a starting point for your own data.
    ExportData {
        /// Folder to write into (created if missing).
        dir: PathBuf,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
    },
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
