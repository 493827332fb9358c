//! The man pages: `rolediff(1)` and one page per command (`rolediff-compare(1)`, …),
//! generated from the same argument definitions as `--help` (clap_mangen), with the
//! sections a man page reader looks for: EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES,
//! the interactive view's KEYS (from the key table in force by default), SEE ALSO.

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use rolediff_tui::keymap::{Context, DEFAULT_BINDINGS, Key};

use crate::cli::Cli;

/// The commands that have a page of their own, in the order of `--help`.
pub fn commands() -> Vec<String> {
    let mut cli = Cli::command();
    cli.build();
    cli.get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The page of `command` (`None`: rolediff(1)), in roff; `None` for an unknown command.
pub fn page(command: Option<&str>) -> Option<String> {
    let mut cli = Cli::command();
    cli.build();
    let cmd = match command {
        None => cli.clone(),
        Some(name) => cli
            .find_subcommand(name)?
            .clone()
            .display_name(format!("rolediff-{name}")),
    };
    let man = Man::new(cmd.clone())
        .date("")
        .source("rolediff")
        .manual("rolediff");
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        let _ = man.render_options_section(&mut out);
    }
    let mut roff = Roff::default();
    match command {
        None => {
            let _ = man.render_subcommands_section(&mut out);
            examples(&mut roff);
            keys(&mut roff);
        }
        Some(name) => command_notes(&mut roff, name),
    }
    exit_status(&mut roff);
    environment(&mut roff);
    files(&mut roff);
    see_also(&mut roff, command);
    let _ = roff.to_writer(&mut out);
    // Subcommands carry no version of their own (clap_mangen would panic on it).
    if cmd.get_version().is_some() {
        let _ = man.render_version_section(&mut out);
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn section(roff: &mut Roff, title: &str) {
    roff.control("SH", [title]);
}

/// A tagged paragraph: `term` in bold, then `text`.
fn item(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(term)]);
    roff.text([roman(text)]);
}

fn examples(roff: &mut Roff) {
    section(roff, "EXAMPLES");
    for (command, what) in [
        ("rolediff", "open the side-by-side view on the bundled data"),
        (
            "rolediff cm smm",
            "open it on two roles (id, name, alias, initials or prefix)",
        ),
        (
            "rolediff compare cm smm --source smm-vs-cm",
            "the two roles as one article sees them",
        ),
        (
            "rolediff compare cm smm --only diff --format markdown",
            "the differences, as Markdown",
        ),
        (
            "rolediff compare a b --exit-code --data roles.yaml",
            "exit 1 when two roles differ, as diff does",
        ),
        (
            "rolediff disputes community-manager",
            "where the sources contradict each other",
        ),
        ("rolediff similar cm --top 5", "the five roles most alike"),
        (
            "rolediff matrix --theme moderation",
            "every pair of roles, on moderation only",
        ),
        (
            "rolediff validate --data ./my-roles",
            "check your own data, every problem at once",
        ),
        (
            "curl -s URL | rolediff list --data -",
            "read a data file from standard input",
        ),
    ] {
        item(roff, command, what);
    }
}

fn keys(roff: &mut Roff) {
    section(roff, "KEYS");
    roff.text([roman(
        "The interactive view's default keys; the config file's keys: section changes them. \
         Ctrl-C always quits.",
    )]);
    for context in Context::ALL {
        roff.control("SS", [context.title(rolediff::lang::Lang::En)]);
        for binding in DEFAULT_BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k: &Key| k.display(rolediff::lang::Lang::En))
                .collect();
            item(roff, &keys.join(" "), binding.en);
        }
    }
}

fn command_notes(roff: &mut Roff, name: &str) {
    let note = match name {
        "compare" => Some(
            "Marks: = both roles, < left only, > right only, ~ near pair (nearly the same task), \
             ^ split pair (one subject, one role decides, the other carries out), ! a source of \
             the view contests the task. The similarity is given over every claim and over the \
             tasks no source contests. With --source, the roles are seen as those sources see \
             them: the tasks they state, their contests marked.",
        ),
        "validate" => Some(
            "Every problem of the data set is reported at once, as file:line:column, errors and \
             warnings apart. Only warnings: exit 0 (2 with --strict).",
        ),
        "disputes" => Some(
            "Each task one source gives a role and another contests: who states it, who contests \
             it, and what they say.",
        ),
        _ => None,
    };
    if let Some(note) = note {
        section(roff, "NOTES");
        roff.text([roman(note)]);
    }
}

fn exit_status(roff: &mut Roff) {
    section(roff, "EXIT STATUS");
    item(roff, "0", "Success; validate with warnings only.");
    item(
        roff,
        "1",
        "compare --exit-code only: the two roles differ, as diff answers.",
    );
    item(
        roff,
        "2",
        "Every error: bad data or bad usage (with its file:line:column), an unknown or \
         ambiguous role, a broken config or palette file, an output that could not be written.",
    );
}

fn environment(roff: &mut Roff) {
    section(roff, "ENVIRONMENT");
    for (name, what) in [
        (
            "ROLEDIFF_DATA",
            "a data folder or YAML file to use instead of the bundled data (as --data).",
        ),
        ("ROLEDIFF_LANG", "en or fr (as --lang)."),
        ("ROLEDIFF_CONFIG", "the config file to read (as --config)."),
        (
            "ROLEDIFF_PALETTE",
            "a bundled palette or a palette file (as --palette).",
        ),
        (
            "ROLEDIFF_PAGER, PAGER",
            "the pager for long reports on a terminal; default less -FRX; empty or cat: none.",
        ),
        ("NO_COLOR", "set and not empty: no colour anywhere."),
        (
            "CLICOLOR_FORCE",
            "set and not 0: colour reports even in a pipe.",
        ),
        (
            "COLUMNS",
            "the width of text reports when standard output is not a terminal.",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "the language when neither --lang nor the config says (fr* is French).",
        ),
        ("XDG_CONFIG_HOME", "where the config folder is looked for."),
    ] {
        item(roff, name, what);
    }
}

fn files(roff: &mut Roff) {
    section(roff, "FILES");
    item(
        roff,
        "~/.config/rolediff/config.yaml",
        "the config file (rolediff config --path prints where it is looked for; rolediff \
         config --print-default prints a commented one).",
    );
    roff.control("TP", []);
    roff.text([
        italic("DIR"),
        bold("/themes.yaml, sources.yaml, tasks.yaml, roles/*.yaml"),
    ]);
    roff.text([roman(
        "a data folder; or one YAML file with the keys themes, sources, tasks and roles \
         (the format: data/README.md).",
    )]);
}

fn see_also(roff: &mut Roff, command: Option<&str>) {
    section(roff, "SEE ALSO");
    let pages: Vec<String> = match command {
        None => commands()
            .iter()
            .map(|c| format!("rolediff-{c}(1)"))
            .collect(),
        Some(_) => vec!["rolediff(1)".to_string()],
    };
    roff.text([roman(pages.join(", "))]);
}
