//! "Did you mean …?" for the words people mistype on the command line.

use clap::CommandFactory;

use super::Cli;

/// The subcommand a word is a typo of (`lsit` → `list`, `compre` → `compare`), when
/// it is close to exactly one. A word that is a command is no typo.
pub fn command_typo(word: &str) -> Option<String> {
    let command = Cli::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    if names.iter().any(|n| n == word) || word.starts_with('-') {
        return None;
    }
    // The closest commands, when close enough: `lsit` is one step from `list` and two
    // from `init`, so it means `list`.
    let close: Vec<(usize, &String)> = names
        .iter()
        .map(|name| (strsim::damerau_levenshtein(word, name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len() / 2 + 1)
        .collect();
    let best = close.iter().map(|(distance, _)| *distance).min()?;
    match close
        .iter()
        .filter(|(d, _)| *d == best)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [(_, one)] => Some((*one).clone()),
        _ => None,
    }
}

/// The hint for a command line whose first plain word looks like a mistyped command.
pub fn mistyped_command(args: impl Iterator<Item = String>) -> Option<String> {
    let mut args = args.peekable();
    // Skip global options and their values to the first plain word.
    let mut first = None;
    while let Some(arg) = args.next() {
        if let Some(flag) = arg.strip_prefix("--") {
            if !flag.contains('=') && ["data", "lang", "config", "palette"].contains(&flag) {
                args.next();
            }
            continue;
        }
        first = Some(arg);
        break;
    }
    let word = first?;
    command_typo(&word).map(|name| format!("hint: did you mean the command `{name}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_of_commands_are_recognised_and_role_names_are_not() {
        assert_eq!(command_typo("lsit").as_deref(), Some("list"));
        assert_eq!(command_typo("compre").as_deref(), Some("compare"));
        assert_eq!(command_typo("vaildate").as_deref(), Some("validate"));
        assert_eq!(command_typo("list"), None);
        assert_eq!(command_typo("cm"), None);
        assert_eq!(command_typo("community-manager"), None);
        assert_eq!(
            mistyped_command(
                ["--data", "x.yaml", "compre", "cm"]
                    .map(String::from)
                    .into_iter()
            )
            .as_deref(),
            Some("hint: did you mean the command `compare`?")
        );
    }
}
