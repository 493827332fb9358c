//! The French of the messages rolediff composes in English, gettext-style: each entry
//! pairs an English message, with `{}` where a value goes, and its French. The values
//! are translated in turn when they are phrases of the catalogue ("a task" → "une
//! tâche"), and kept as they are otherwise (ids, names, paths).

/// Whole messages: English template → French template, values in the same order.
const TEMPLATES: &[(&str, &str)] = &[
    // The command line's own messages.
    (
        "unknown theme `{}`; valid ids: {}",
        "thème inconnu `{}` ; identifiants valides : {}",
    ),
    (
        "unknown theme `{}`; closest ids: {}",
        "thème inconnu `{}` ; identifiants les plus proches : {}",
    ),
    (
        "unknown source `{}`; valid ids: {}",
        "source inconnue `{}` ; identifiants valides : {}",
    ),
    (
        "unknown source `{}`; closest ids: {}",
        "source inconnue `{}` ; identifiants les plus proches : {}",
    ),
    (
        "did you mean the command `{}`?",
        "vouliez-vous dire la commande `{}` ?",
    ),
    (
        "cannot write the output: {}",
        "impossible d'écrire la sortie : {}",
    ),
    (
        "unknown action `{}`; `rolediff config --print-default` lists them all",
        "action inconnue `{}` ; `rolediff config --print-default` les liste toutes",
    ),
    (
        "unknown palette `{}`; bundled palettes: {} (or give a file path)",
        "palette inconnue `{}` ; palettes fournies : {} (ou donnez le chemin d'un fichier)",
    ),
    (
        "{} problems in the config file",
        "{} problèmes dans le fichier de configuration",
    ),
    (
        "{} problem in the config file",
        "{} problème dans le fichier de configuration",
    ),
    (
        "`{}` always quits rolediff; it cannot be bound to `{}`",
        "`{}` quitte toujours rolediff ; impossible de l'associer à `{}`",
    ),
    ("choose another key", "choisissez une autre touche"),
    (
        "the interactive view needs a terminal; for a report use `rolediff compare LEFT RIGHT`",
        "la vue interactive a besoin d'un terminal ; pour un rapport, utilisez `rolediff compare GAUCHE DROITE`",
    ),
    (
        "no man page for `{}`; pages: {}",
        "pas de page de manuel pour `{}` ; pages : {}",
    ),
    (
        "the data is not UTF-8 text (invalid byte at offset {}): expected a YAML file",
        "les données ne sont pas du texte UTF-8 (octet invalide à la position {}) : attendu un fichier YAML",
    ),
    (
        "the data is larger than {} MiB: expected a smaller YAML file",
        "les données dépassent {} Mio : attendu un fichier YAML plus petit",
    ),
    ("cannot read it: {}", "impossible de le lire : {}"),
    (
        "a value of {} bytes: values are limited to {} bytes (a name, a label or a note takes a few hundred); shorten it",
        "une valeur de {} octets : les valeurs sont limitées à {} octets (un nom, un libellé ou une note en font quelques centaines) ; raccourcissez-la",
    ),
    (
        "cannot export into {}: {} is a file, expected a folder",
        "impossible d'exporter dans {} : {} est un fichier, attendu un dossier",
    ),
    (
        "export-data writes the bundled data set as a starting point; it does not read `--data` (the files of your own data set are already yours to copy)",
        "export-data écrit les données fournies comme point de départ ; il ne lit pas `--data` (les fichiers de vos propres données sont déjà à vous)",
    ),
    // Reading the data.
    (
        "unknown field `{}` in {}; expected one of: {}",
        "champ inconnu `{}` dans {} ; champs possibles : {}",
    ),
    ("duplicate field `{}` in {}", "champ `{}` en double dans {}"),
    (
        "missing field `{}` in {}: expected {}",
        "champ `{}` manquant dans {} : attendu {}",
    ),
    (
        "expected {} (a mapping with {}), found {}",
        "attendu {} (un dictionnaire avec {}), trouvé {}",
    ),
    (
        "expected {} as text, found {}",
        "attendu {} sous forme de texte, trouvé {}",
    ),
    ("{} has neither `fr` nor `en`", "{} n'a ni `fr` ni `en`"),
    (
        "{} has a key that is {}, expected a field name",
        "{} a une clé qui est {} ; attendu un nom de champ",
    ),
    ("{} is empty", "{} est vide"),
    (
        "`{}` is not a valid id: use lowercase letters, digits and single dashes",
        "`{}` n'est pas un identifiant valide : utilisez des minuscules, des chiffres et des tirets simples",
    ),
    ("did you mean `{}`?", "vouliez-vous dire `{}` ?"),
    (
        "put it in quotes to make it text",
        "mettez-le entre guillemets pour en faire du texte",
    ),
    ("write a list: `[id]`", "écrivez une liste : `[id]`"),
    (
        "expected a list of {}, found nothing",
        "attendu une liste de {}, rien trouvé",
    ),
    (
        "expected a list of {}, found {}",
        "attendu une liste de {}, trouvé {}",
    ),
    (
        "axis {} is out of range: expected {}",
        "l'axe {} est hors limites : attendu {}",
    ),
    ("axis must be {}, found {}", "l'axe doit être {}, trouvé {}"),
    (
        "expected a synonym group, a list of two words or more, such as `[track, monitor]`; found {}",
        "attendu un groupe de synonymes, une liste de deux mots ou plus comme `[suivre, surveiller]` ; trouvé {}",
    ),
    (
        "a synonym group needs two words or more, found {}",
        "un groupe de synonymes demande deux mots ou plus, trouvé {}",
    ),
    (
        "`{}` is not one word: a synonym is a single word of letters and digits",
        "`{}` n'est pas un mot : un synonyme est un seul mot de lettres et de chiffres",
    ),
    (
        "synonyms match word by word: list the words that differ, such as `[media, networks]`",
        "les synonymes se comparent mot à mot : donnez les mots qui diffèrent, comme `[médias, réseaux]`",
    ),
    (
        "unknown theme `{}`: it is not defined in {}",
        "thème inconnu `{}` : il n'est pas défini dans {}",
    ),
    (
        "unknown source `{}`: it is not defined in {}",
        "source inconnue `{}` : elle n'est pas définie dans {}",
    ),
    (
        "unknown task `{}`: it is not defined in {}",
        "tâche inconnue `{}` : elle n'est pas définie dans {}",
    ),
    (
        "duplicate theme id `{}`",
        "identifiant de thème `{}` en double",
    ),
    (
        "duplicate source id `{}`",
        "identifiant de source `{}` en double",
    ),
    (
        "duplicate task id `{}`",
        "identifiant de tâche `{}` en double",
    ),
    (
        "duplicate role id `{}`",
        "identifiant de rôle `{}` en double",
    ),
    ("the `themes` of {}", "les `themes` de {}"),
    ("the `sources` of {}", "les `sources` de {}"),
    ("the `tasks` of {}", "les `tasks` de {}"),
    ("first defined at {}", "défini une première fois en {}"),
    ("first listed at {}", "cité une première fois en {}"),
    (
        "task `{}` is listed twice in role `{}`",
        "la tâche `{}` figure deux fois dans le rôle `{}`",
    ),
    (
        "`sources` is empty: name at least one source that gives this task to the role",
        "`sources` est vide : citez au moins une source qui donne cette tâche au rôle",
    ),
    (
        "source `{}` cannot both state and contest the same task",
        "la source `{}` ne peut pas à la fois affirmer et contester la même tâche",
    ),
    (
        "inline task `{}` is also defined in another role with other themes or axis",
        "la tâche `{}` est aussi décrite dans un autre rôle avec d'autres thèmes ou un autre axe",
    ),
    (
        "give both the same `themes` and `axis`, or define the task once in `tasks`",
        "donnez-leur les mêmes `themes` et `axis`, ou définissez la tâche une fois dans `tasks`",
    ),
    (
        "`{}` belongs to an inline task, but this entry references the catalogue with `task`",
        "`{}` appartient à une tâche décrite sur place, mais cette entrée renvoie au catalogue avec `task`",
    ),
    (
        "either keep `task: <id>` or describe the task inline, not both",
        "gardez `task: <id>` ou décrivez la tâche sur place, pas les deux",
    ),
    (
        "a role needs at least one task",
        "un rôle a besoin d'au moins une tâche",
    ),
    (
        "a task entry needs either `task: <id>` (a task of the catalogue) or an inline `label`",
        "une entrée de tâche demande soit `task: <id>` (une tâche du catalogue), soit un `label`",
    ),
    (
        "a task can also be written as its label alone: `- Moderate the forum`",
        "une tâche peut aussi s'écrire par son seul libellé : `- Modérer le forum`",
    ),
    (
        "task ids starting with `inline-` are reserved for inline tasks",
        "les identifiants qui commencent par `inline-` sont réservés aux tâches décrites sur place",
    ),
    (
        "unknown language `{}`: expected `fr` or `en`",
        "langue inconnue `{}` : attendu `fr` ou `en`",
    ),
    (
        "the role has no `id`, and its name has no letter or digit to make one from",
        "le rôle n'a pas d'`id`, et son nom n'a ni lettre ni chiffre pour en faire un",
    ),
    (
        "add an `id`: a lowercase slug such as `data-engineer`",
        "ajoutez un `id` : des minuscules et des tirets, comme `data-engineer`",
    ),
    (
        "the file is empty: expected {}",
        "le fichier est vide : attendu {}",
    ),
    (
        // The file name is one value, so that it is never translated ("themes.yaml").
        "missing file: a data folder needs {} ({})",
        "fichier manquant : un dossier de données doit contenir {} ({})",
    ),
    (
        "no such file or folder (expected the {})",
        "fichier ou dossier introuvable (attendu : {})",
    ),
    (
        "no role files: expected at least one `*.yaml` file here",
        "aucun fichier de rôle : attendu au moins un fichier `*.yaml` ici",
    ),
    (
        "stopped after {} problems; there may be more: fix these first",
        "arrêt après {} problèmes ; il peut y en avoir d'autres : corrigez d'abord ceux-ci",
    ),
    // The YAML syntax.
    (
        "invalid YAML: mapping values are not allowed here — check the indentation of this line or quote a value containing `: `",
        "YAML invalide : une valeur `clé: valeur` n'est pas permise ici — vérifiez l'indentation de cette ligne, ou mettez entre guillemets une valeur qui contient `: `",
    ),
    (
        "invalid YAML: expected a `key: value` line here — check the indentation of this line",
        "YAML invalide : une ligne `clé: valeur` est attendue ici — vérifiez l'indentation de cette ligne",
    ),
    (
        "invalid YAML: expected a `- ` list item here — check the indentation of this line",
        "YAML invalide : un élément de liste `- ` est attendu ici — vérifiez l'indentation de cette ligne",
    ),
    (
        "invalid YAML: found a tab character where YAML expects spaces; indent with spaces",
        "YAML invalide : une tabulation là où YAML attend des espaces ; indentez avec des espaces",
    ),
    (
        "invalid YAML: expected a value here",
        "YAML invalide : une valeur est attendue ici",
    ),
    (
        "invalid YAML: the file ends in the middle of a value (unexpected end of stream)",
        "YAML invalide : le fichier s'arrête au milieu d'une valeur",
    ),
    // Names several roles answer to.
    (
        "alias `{}` is shared by {} roles: {}; naming a role by it lists them instead of choosing one",
        "l'alias `{}` est partagé par {} rôles : {} ; nommer un rôle ainsi les liste au lieu d'en choisir un",
    ),
    (
        "role name `{}` is shared by {} roles: {}; naming a role by it lists them instead of choosing one",
        "le nom de rôle `{}` est partagé par {} rôles : {} ; nommer un rôle ainsi les liste au lieu d'en choisir un",
    ),
    (
        "alias `{}` is the id of role `{}`: naming a role by it gives role `{}`, never this one",
        "l'alias `{}` est l'identifiant du rôle `{}` : nommer un rôle ainsi donne le rôle `{}`, jamais celui-ci",
    ),
    (
        "alias `{}` is the name of role `{}`: naming a role by it gives role `{}`, never this one",
        "l'alias `{}` est le nom du rôle `{}` : nommer un rôle ainsi donne le rôle `{}`, jamais celui-ci",
    ),
    // The command line.
    (
        "unknown role `{}`; valid ids: {} (see `rolediff list`)",
        "rôle inconnu `{}` ; identifiants valides : {} (voir `rolediff list`)",
    ),
    (
        "role `{}` is ambiguous: it is an alias of {} roles; name one by its id:",
        "le rôle `{}` est ambigu : c'est un alias de {} rôles ; nommez-en un par son identifiant :",
    ),
    (
        "refusing to overwrite {} (use --force to replace it)",
        "{} existe déjà : rien n'est écrit (--force le remplace)",
    ),
    (
        "refusing to overwrite existing files (use --force to replace them):",
        "des fichiers existent déjà : rien n'est écrit (--force les remplace) :",
    ),
    ("the data set has no roles", "les données n'ont aucun rôle"),
    ("cannot read: {}", "lecture impossible : {}"),
    ("cannot write {}: {}", "écriture impossible de {} : {}"),
    (
        "the imported data does not load; nothing written (please report this)",
        "les données importées ne se chargent pas ; rien n'est écrit (merci de le signaler)",
    ),
    (
        "no title: expected the role's name on the first line (or as a `# heading`)",
        "pas de titre : le nom du rôle est attendu sur la première ligne (ou en `# titre`)",
    ),
    (
        "no task found: expected the role's tasks as a list, one `- item` (or `1. item`) per line",
        "aucune tâche : les tâches du rôle sont attendues en liste, une par ligne (`- tâche` ou `1. tâche`)",
    ),
    (
        "this row has no role: expected a role in column {}",
        "cette ligne n'a pas de rôle : un rôle est attendu en colonne {}",
    ),
    (
        "this row has no task: expected a task in column {}",
        "cette ligne n'a pas de tâche : une tâche est attendue en colonne {}",
    ),
    (
        "axis `{}` is not a number from 0 (pure execution) to 1 (pure strategy)",
        "l'axe `{}` n'est pas un nombre de 0 (pure exécution) à 1 (pure stratégie)",
    ),
    (
        "`--strict` refuses warnings",
        "`--strict` refuse les avertissements",
    ),
];

/// Phrases that stand as a value of a template: "a task", "a number".
const PHRASES: &[(&str, &str)] = &[
    ("a task", "une tâche"),
    ("a theme", "un thème"),
    ("a source", "une source"),
    ("a role", "un rôle"),
    ("a role's task entry", "une entrée de tâche d'un rôle"),
    ("a data set", "un jeu de données"),
    (
        "a text in French and/or English",
        "un texte en français et/ou en anglais",
    ),
    ("themes", "thèmes"),
    ("sources", "sources"),
    ("tasks", "tâches"),
    ("roles", "rôles"),
    ("task entries", "entrées de tâches"),
    ("theme ids", "identifiants de thèmes"),
    ("source ids", "identifiants de sources"),
    ("aliases", "alias"),
    ("synonym groups", "groupes de synonymes"),
    ("a synonym", "un synonyme"),
    ("nothing (null)", "rien (null)"),
    ("a boolean", "un booléen"),
    ("a number", "un nombre"),
    ("a string", "du texte"),
    ("a list", "une liste"),
    ("a mapping", "un dictionnaire"),
    (
        "a number from 0 (pure execution) to 1 (pure strategy)",
        "un nombre de 0 (pure exécution) à 1 (pure stratégie)",
    ),
    (
        "a lowercase slug such as `my-id`",
        "des minuscules et des tirets, comme `mon-id`",
    ),
    ("the source's title", "le titre de la source"),
    (
        "a language code such as `fr`",
        "un code de langue comme `fr`",
    ),
    (
        "a list of the role's tasks: plain labels, or entries",
        "la liste des tâches du rôle : des libellés, ou des entrées",
    ),
    ("role name", "le nom du rôle"),
    ("task label", "le libellé de la tâche"),
    ("theme label", "le libellé du thème"),
    ("a list of roles", "une liste de rôles"),
    ("a list of themes", "une liste de thèmes"),
    ("a list of sources", "une liste de sources"),
    ("a list of tasks", "une liste de tâches"),
    ("data path", "chemin des données"),
    ("shared alias", "alias partagé"),
    ("shared aliases", "alias partagés"),
    (
        "alias that is another role's id or name",
        "alias qui est l'identifiant ou le nom d'un autre rôle",
    ),
    (
        "aliases that are another role's id or name",
        "alias qui sont l'identifiant ou le nom d'un autre rôle",
    ),
    ("shared role name", "nom de rôle partagé"),
    ("shared role names", "noms de rôle partagés"),
];

/// `text` matched against `template`: the values in place of its `{}`, or `None`.
fn captures<'t>(template: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut rest = text.strip_prefix(parts[0])?;
    let mut values = Vec::with_capacity(parts.len() - 1);
    for (i, part) in parts.iter().enumerate().skip(1) {
        let last = i == parts.len() - 1;
        let at = if last {
            if !rest.ends_with(part) {
                return None;
            }
            rest.len() - part.len()
        } else if part.is_empty() {
            return None;
        } else {
            rest.find(part)?
        };
        values.push(&rest[..at]);
        rest = &rest[at + part.len()..];
    }
    (parts.len() > 1 || rest.is_empty()).then_some(values)
}

/// The French of an English message (or phrase) of the catalogue; `None` when it has
/// none.
pub fn translate(text: &str) -> Option<String> {
    if let Some((_, fr)) = PHRASES.iter().find(|(en, _)| *en == text) {
        return Some((*fr).to_string());
    }
    TEMPLATES.iter().find_map(|(en, fr)| {
        let values = captures(en, text)?;
        let mut values = values.into_iter();
        let mut out = String::new();
        for (i, part) in fr.split("{}").enumerate() {
            if i > 0 {
                let value = values.next().unwrap_or_default();
                out.push_str(&translate(value).unwrap_or_else(|| value.to_string()));
            }
            out.push_str(part);
        }
        Some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_not_translated() {
        assert_eq!(
            translate("missing file: a data folder needs themes.yaml (a list of themes)")
                .as_deref(),
            Some(
                "fichier manquant : un dossier de données doit contenir themes.yaml (une liste de thèmes)"
            )
        );
    }

    #[test]
    fn templates_and_their_values_are_translated() {
        assert_eq!(
            translate("missing field `name` in a role: expected role name").as_deref(),
            Some("champ `name` manquant dans un rôle : attendu le nom du rôle")
        );
        assert_eq!(
            translate("did you mean `label`?").as_deref(),
            Some("vouliez-vous dire `label` ?")
        );
        assert_eq!(translate("something else"), None);
    }

    #[test]
    fn every_french_template_has_the_values_of_its_english_one() {
        for (en, fr) in TEMPLATES {
            assert_eq!(en.matches("{}").count(), fr.matches("{}").count(), "{en}");
        }
    }
}
