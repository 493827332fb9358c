//! The message catalogue: the words and phrases the command line prints around its
//! reports, in English and French, in one place. Counts agree with their number
//! ("1 theme", "2 thèmes", "0 thème": French takes the singular for 0 and 1), and French
//! follows its typography: a space before `:` `;` `?` `!`, a decimal comma.

use crate::lang::Lang;

mod french;

/// A message rolediff composed in English, in `lang` (as it is when the catalogue has
/// no French for it).
pub fn translate(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Fr => french::translate(text).unwrap_or_else(|| text.to_string()),
    }
}

/// The things rolediff counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// A role of the data.
    Role,
    /// A task of the data.
    Task,
    /// A theme of the data.
    Theme,
    /// A source of the data.
    Source,
    /// An error found in the input.
    Problem,
    /// A warning about the input.
    Warning,
    /// A file written.
    File,
    /// A place in a file.
    Place,
    /// A group of words declared synonyms.
    SynonymGroup,
}

impl Noun {
    /// (English singular, English plural, French singular, French plural).
    fn forms(self) -> [&'static str; 4] {
        match self {
            Noun::Role => ["role", "roles", "rôle", "rôles"],
            Noun::Task => ["task", "tasks", "tâche", "tâches"],
            Noun::Theme => ["theme", "themes", "thème", "thèmes"],
            Noun::Source => ["source", "sources", "source", "sources"],
            Noun::Problem => ["problem", "problems", "problème", "problèmes"],
            Noun::Warning => ["warning", "warnings", "avertissement", "avertissements"],
            Noun::File => ["file", "files", "fichier", "fichiers"],
            Noun::Place => ["place", "places", "endroit", "endroits"],
            Noun::SynonymGroup => [
                "synonym group",
                "synonym groups",
                "groupe de synonymes",
                "groupes de synonymes",
            ],
        }
    }

    /// The noun for `n` of them.
    pub fn form(self, n: usize, lang: Lang) -> &'static str {
        let [en, ens, fr, frs] = self.forms();
        match lang {
            Lang::En if n == 1 => en,
            Lang::En => ens,
            // French: singular below two.
            Lang::Fr if n < 2 => fr,
            Lang::Fr => frs,
        }
    }
}

/// `n` and its noun: "1 theme", "3 tâches".
pub fn count(n: usize, noun: Noun, lang: Lang) -> String {
    format!("{n} {}", noun.form(n, lang))
}

/// A label before a colon: "error: " in English, "erreur : " in French.
pub fn label(word: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{word}: "),
        Lang::Fr => format!("{} : ", french_word(word)),
    }
}

/// The French of the few words used as labels.
fn french_word(word: &str) -> &str {
    match word {
        "error" => "erreur",
        "warning" => "avertissement",
        "hint" => "conseil",
        other => other,
    }
}

/// A decimal figure with `digits` decimals: `0.25`, `0,25` in French.
pub fn decimal(value: f64, digits: usize, lang: Lang) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// A sentence of the command line, in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// After the errors of a data set.
    ProblemsInData,
    /// After the errors of imported files.
    ProblemsInImport,
    /// A file exists and `--force` was not given.
    RefuseOverwrite,
    /// A file was written.
    Wrote,
    /// How to check what was written.
    CheckWith,
    /// The schema file was written.
    WroteSchema,
    /// Past the first few errors with the same message.
    SameAtMore,
    /// How to see them all.
    ListEvery,
}

impl Message {
    /// The text, with `{}` where the caller puts its values, in order.
    pub fn text(self, lang: Lang) -> &'static str {
        use Message::*;
        match (self, lang) {
            (ProblemsInData, Lang::En) => "in the data set",
            (ProblemsInData, Lang::Fr) => "dans les données",
            (ProblemsInImport, Lang::En) => "in the imported files; nothing written",
            (ProblemsInImport, Lang::Fr) => "dans les fichiers importés ; rien n'est écrit",
            (RefuseOverwrite, Lang::En) => "refusing to overwrite {} (use --force to replace it)",
            (RefuseOverwrite, Lang::Fr) => {
                "{} existe déjà : rien n'est écrit (--force le remplace)"
            }
            (Wrote, Lang::En) => "wrote {} to {}",
            (Wrote, Lang::Fr) => "écrit : {} dans {}",
            (CheckWith, Lang::En) => "check it with: rolediff validate --data {}",
            (CheckWith, Lang::Fr) => "pour le vérifier : rolediff validate --data {}",
            (WroteSchema, Lang::En) => "wrote the schema editors use to {}",
            (WroteSchema, Lang::Fr) => "schéma pour les éditeurs écrit dans {}",
            (SameAtMore, Lang::En) => "… and the same at {} more {}: {}",
            (SameAtMore, Lang::Fr) => "… et de même à {} autres {} : {}",
            (ListEvery, Lang::En) => "`rolediff validate --all` lists every one",
            (ListEvery, Lang::Fr) => "`rolediff validate --all` les liste tous",
        }
    }

    /// The text with `values` in place of its `{}`, in order.
    pub fn with(self, lang: Lang, values: &[&str]) -> String {
        let mut out = String::new();
        let mut values = values.iter();
        for (i, part) in self.text(lang).split("{}").enumerate() {
            if i > 0 {
                out.push_str(values.next().copied().unwrap_or(""));
            }
            out.push_str(part);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_both_languages() {
        assert_eq!(count(1, Noun::Theme, Lang::En), "1 theme");
        assert_eq!(count(0, Noun::Theme, Lang::En), "0 themes");
        assert_eq!(count(1, Noun::Theme, Lang::Fr), "1 thème");
        assert_eq!(count(0, Noun::Theme, Lang::Fr), "0 thème");
        assert_eq!(count(2, Noun::Problem, Lang::Fr), "2 problèmes");
    }

    #[test]
    fn french_typography() {
        assert_eq!(label("error", Lang::Fr), "erreur : ");
        assert_eq!(decimal(0.25, 2, Lang::Fr), "0,25");
        assert_eq!(
            Message::Wrote.with(Lang::Fr, &["2 rôles", "a.yaml"]),
            "écrit : 2 rôles dans a.yaml"
        );
    }
}
