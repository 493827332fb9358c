//! `--help` in French, as far as clap allows: the headings (through help templates),
//! the description of every command and of the options shared by all. clap's own
//! usage errors are rebuilt in French from their parts (the argument, the value, the
//! valid values, the usage line) for the kinds people meet; rarer kinds stay in English.

use clap::Command;
use rolediff::lang::Lang;

/// The French of each command's one-line description.
const COMMANDS: &[(&str, &str)] = &[
    (
        "validate",
        "Vérifier des données et signaler chaque problème avec fichier:ligne:colonne. Sort avec 0 s'il n'y a que des avertissements, 2 à la moindre erreur.",
    ),
    (
        "list",
        "Lister les rôles : identifiant, nom, nombre de tâches, axe (et son écart selon les sources), alias.",
    ),
    (
        "show",
        "Montrer les tâches d'un rôle par thème, avec axe et sources ; `!` marque une tâche qu'une source conteste.",
    ),
    (
        "compare",
        "Comparer deux rôles comme `diff -y` : tâches communes (=), seulement à gauche (<), seulement à droite (>), proches (~), scindées (^), par thème ; `!` marque une tâche contestée.",
    ),
    (
        "similar",
        "Classer les autres rôles par ressemblance avec ROLE, du plus proche au moins proche.",
    ),
    (
        "matrix",
        "Le paysage : la ressemblance de chaque paire de rôles, et chaque rôle sur l'axe stratégie ↔ exécution.",
    ),
    (
        "disputes",
        "Là où les sources se contredisent : chaque tâche qu'une source donne à un rôle et qu'une autre conteste.",
    ),
    (
        "config",
        "Montrer où le fichier de configuration est cherché, ou afficher une configuration commentée.",
    ),
    (
        "completions",
        "Afficher un script de complétion pour le shell (commandes, options, identifiants).",
    ),
    (
        "man",
        "Afficher une page de manuel (roff) : rolediff(1), ou celle d'une commande.",
    ),
    (
        "schema",
        "Afficher le schéma JSON du format des données (ce qu'utilisent les éditeurs pour compléter et vérifier).",
    ),
    (
        "init",
        "Écrire un petit fichier de données commenté pour commencer : deux rôles, quelques tâches, chaque champ facultatif une fois.",
    ),
    (
        "import",
        "Faire un fichier de données de ce que vous avez : offres d'emploi en texte ou Markdown (un rôle par fichier) et tableaux CSV (colonnes rôle, tâche, et thème, axe, source si besoin).",
    ),
    (
        "export-data",
        "Écrire les données fournies dans DIR, pour partir d'elles.",
    ),
];

/// The French of the options every command takes.
const GLOBAL_OPTIONS: &[(&str, &str)] = &[
    (
        "data",
        "Charger un dossier ou un fichier YAML de données au lieu des données fournies (`-` lit l'entrée standard)",
    ),
    ("lang", "Langue des libellés et des messages"),
    (
        "config",
        "Lire ce fichier de configuration au lieu de celui par défaut",
    ),
    (
        "palette",
        "Palette de couleurs de la vue interactive : un nom fourni ou le chemin d'un fichier",
    ),
    ("color", "Couleur des rapports"),
    ("width", "Largeur des rapports texte"),
    (
        "no_pager",
        "Ne jamais paginer : écrire les longs rapports directement dans le terminal",
    ),
];

/// The French of the arguments of one command (`*` for every command that has it).
const ARGUMENTS: &[(&str, &str, &str)] = &[
    (
        "*",
        "left",
        "Rôle de gauche : identifiant, nom, alias, ou préfixe unique de l'un d'eux",
    ),
    ("*", "right", "Rôle de droite"),
    (
        "*",
        "role",
        "Rôle : identifiant, nom, alias, ou préfixe unique de l'un d'eux",
    ),
    ("*", "format", "Format de sortie"),
    ("*", "force", "Remplacer les fichiers qui existent déjà"),
    (
        "*",
        "themes",
        "Garder les tâches de l'un de ces thèmes (répétable)",
    ),
    (
        "*",
        "sources",
        "Prendre le point de vue de ces sources (répétable)",
    ),
    (
        "*",
        "query",
        "Garder les tâches dont le libellé contient ce texte (sans tenir compte de la casse ni des accents)",
    ),
    (
        "validate",
        "strict",
        "Compter les avertissements comme des erreurs : sortir avec 2 s'il y en a",
    ),
    (
        "validate",
        "all",
        "Lister chaque problème et chaque avertissement, pas seulement les premiers de chaque sorte",
    ),
    (
        "compare",
        "only",
        "Ne montrer que les lignes communes, ou que les différences",
    ),
    (
        "compare",
        "exit_code",
        "Sortir avec 1 quand les rôles diffèrent, 0 sinon, comme diff",
    ),
    (
        "similar",
        "top",
        "Ne montrer que les N rôles les plus proches",
    ),
    (
        "init",
        "path",
        "Le fichier à écrire, par exemple roles.yaml",
    ),
    (
        "import",
        "files",
        "Les fichiers à lire : *.csv, sinon du texte ou du Markdown",
    ),
    ("import", "out", "Le fichier de données à écrire"),
    (
        "export-data",
        "dir",
        "Le dossier où écrire (créé s'il manque)",
    ),
    (
        "config",
        "print_default",
        "Afficher la configuration commentée par défaut",
    ),
    (
        "config",
        "path",
        "Afficher le chemin d'où la configuration est lue",
    ),
    ("completions", "shell", "Le shell"),
    ("man", "command", "La commande dont afficher la page"),
];

const EXAMPLES: &str = "\
Exemples :
  rolediff                                     ouvrir la vue côte à côte
  rolediff cm smm                              l'ouvrir sur deux rôles (identifiants, noms, alias, préfixes)
  rolediff compare community-manager community-builder --format markdown
  rolediff validate --data ./mes-roles         vérifier vos propres données
  rolediff init roles.yaml                     un fichier commenté pour commencer
  rolediff import offre-1.md offre-2.md --out roles.yaml
                                               deux offres d'emploi en un fichier de données

Codes de sortie : 0 succès (validate : aussi avec seulement des avertissements) ; 1 avec
`compare --exit-code` quand les rôles diffèrent, comme diff ; 2 pour toute erreur.";

/// A help template with French headings; sections a command does not have are left
/// out, so that no heading stands over nothing.
fn template(command: &Command) -> String {
    let mut out = String::from("{about-with-newline}\nUtilisation : {usage}\n");
    if command.has_subcommands() {
        out.push_str("\nCommandes :\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        out.push_str("\nArguments :\n{positionals}\n");
    }
    out.push_str("\nOptions :\n{options}\n{after-help}");
    out
}

/// Translates what can be translated of `command`'s help into French.
fn french(mut command: Command) -> Command {
    for (_, id, help) in ARGUMENTS.iter().filter(|(c, _, _)| *c == "*") {
        if command.get_arguments().any(|a| a.get_id() == *id) {
            command = command.mut_arg(*id, |arg| arg.help(*help));
        }
    }
    for (id, help) in GLOBAL_OPTIONS {
        if command.get_arguments().any(|a| a.get_id() == *id) {
            command = command.mut_arg(*id, |arg| arg.help(*help));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let about = COMMANDS.iter().find(|(n, _)| *n == name).map(|(_, fr)| *fr);
            let mut sub = match about {
                Some(about) => sub.about(about),
                None => sub,
            };
            for (command, id, help) in ARGUMENTS {
                if (*command == "*" || *command == name)
                    && sub.get_arguments().any(|a| a.get_id() == *id)
                {
                    sub = sub.mut_arg(*id, |arg| arg.help(*help));
                }
            }
            let template = template(&sub);
            french(sub).help_template(template)
        });
    }
    command
}

/// `command` with its help in `lang`.
pub fn localized(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Fr => {
            let command = french(command)
                .about("Comparer des métiers côte à côte : tâches communes, différences, stratégie ou exécution.")
                .after_help(EXAMPLES);
            let template = template(&command);
            command.help_template(template)
        }
    }
}

/// The language of `--help`, known before the arguments are parsed: `--lang`, else
/// `ROLEDIFF_LANG`, else the locale (the config's `lang:` is read only after parsing).
pub fn help_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (arg == "--lang").then(|| args.get(i + 1).cloned().unwrap_or_default()))
    });
    match flag
        .or_else(|| std::env::var("ROLEDIFF_LANG").ok())
        .as_deref()
    {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => Lang::from_env(),
    }
}

/// A usage error in French, built from the parts clap keeps about it; `None` for the
/// kinds rolediff never produces or that clap words best (they are printed in English).
pub fn usage_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        Some(ContextValue::Number(value)) => Some(value.to_string()),
        _ => None,
    };
    let quoted = |values: String| {
        values
            .split(", ")
            .map(|value| format!("`{value}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let argument = text(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<&str> = argument.split(", ").collect();
            let noun = if missing.len() > 1 {
                "arguments obligatoires manquants"
            } else {
                "argument obligatoire manquant"
            };
            format!("erreur : {noun} : {}", quoted(argument.clone()))
        }
        ErrorKind::UnknownArgument => format!("erreur : argument inattendu `{argument}`"),
        ErrorKind::InvalidSubcommand => {
            let word = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("erreur : commande inconnue `{word}`")
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let mut line = if value.is_empty() {
                format!("erreur : `{argument}` attend une valeur")
            } else {
                format!("erreur : valeur `{value}` invalide pour `{argument}`")
            };
            if let Some(valid) = text(ContextKind::ValidValue) {
                line.push_str(&format!(" ; valeurs possibles : {}", quoted(valid)));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            format!("erreur : valeur `{value}` invalide pour `{argument}`")
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            format!("erreur : `{argument}` ne peut pas être utilisé avec `{prior}`")
        }
        ErrorKind::TooManyValues => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            format!("erreur : valeur en trop `{value}` pour `{argument}`")
        }
        _ => return None,
    };
    message.push('\n');
    for suggestion in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(suggested) = text(suggestion) {
            message.push_str(&format!(
                "\n  conseil : vouliez-vous dire `{suggested}` ?\n"
            ));
        }
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        message.push_str(&format!("\nUtilisation : {usage}\n"));
    }
    message.push_str("\nPour en savoir plus, essayez `--help`.\n");
    Some(message)
}
