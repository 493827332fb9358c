//! The two languages of the data and the interface.

use std::fmt;

/// Interface and data language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language a user's locale asks for: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (the POSIX precedence); `fr*` gives French, anything else
    /// English.
    pub fn from_env() -> Self {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any variable lookup (for tests).
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.to_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn locale_precedence_follows_posix() {
        assert_eq!(
            Lang::from_locale_vars(vars(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_locale_vars(vars(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(vars(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "fr_CA"),
                ("LANG", "C")
            ])),
            Lang::Fr
        );
        assert_eq!(Lang::from_locale_vars(vars(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(vars(&[("LANG", "C.UTF-8")])),
            Lang::En
        );
    }
}
