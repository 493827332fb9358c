//! Key names as written in the config file: `q`, `G`, `ctrl-c`, `enter`, `shift-tab`, `f5`.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A character, as typed (`G` is Shift+g).
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift+Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1 to F12.
    F(u8),
}

/// A key and whether Control is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub key: KeyName,
    /// Control held.
    pub ctrl: bool,
}

/// The named keys and how they are written (lower case; matching ignores case).
const NAMES: &[(&str, KeyName)] = &[
    ("enter", KeyName::Enter),
    ("return", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("escape", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("shift-tab", KeyName::BackTab),
    ("backtab", KeyName::BackTab),
    ("backspace", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("del", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("pageup", KeyName::PageUp),
    ("pgup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
    ("pgdn", KeyName::PageDown),
    ("space", KeyName::Char(' ')),
];

impl KeySpec {
    /// True for Ctrl-C, the key that always quits.
    pub fn is_ctrl_c(self) -> bool {
        self.ctrl && matches!(self.key, KeyName::Char('c' | 'C'))
    }

    /// Reads a key as written in the config; the error says what is accepted.
    pub fn parse(text: &str) -> Result<Self, String> {
        let trimmed = text.trim();
        let lower = trimmed.to_lowercase();
        let (ctrl, rest, rest_lower) = match lower.strip_prefix("ctrl-") {
            // Keep the original case of the character after `ctrl-`.
            Some(rest) if !rest.is_empty() => (true, &trimmed[5..], rest.to_string()),
            _ => (false, trimmed, lower.clone()),
        };
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // Control letters arrive in lower case.
                KeyName::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => {
                if let Some((_, key)) = NAMES.iter().find(|(name, _)| *name == rest_lower) {
                    *key
                } else if let Some(n) = rest_lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyName::F(n)
                } else {
                    return Err(format!(
                        "unknown key `{text}`: write one character (`q`, `G`, `?`), \
                         a name ({}, f1 … f12), or `ctrl-` and one of those",
                        NAMES
                            .iter()
                            .map(|(n, _)| *n)
                            .filter(|n| !matches!(
                                *n,
                                "return" | "escape" | "backtab" | "del" | "pgup" | "pgdn"
                            ))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        };
        Ok(Self { key, ctrl })
    }
}

impl fmt::Display for KeySpec {
    /// Written back the way the config accepts it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMES
                    .iter()
                    .find(|(_, key)| *key == other)
                    .map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_names_and_control() {
        let parse = |s| KeySpec::parse(s).unwrap();
        assert_eq!(parse("q").key, KeyName::Char('q'));
        assert_eq!(parse("G").key, KeyName::Char('G'));
        assert_eq!(parse("Enter").key, KeyName::Enter);
        assert_eq!(parse("shift-tab").key, KeyName::BackTab);
        assert_eq!(parse("F5").key, KeyName::F(5));
        assert_eq!(parse("space").key, KeyName::Char(' '));
        let ctrl_c = parse("ctrl-C");
        assert!(ctrl_c.ctrl);
        assert_eq!(ctrl_c.key, KeyName::Char('c'));
        assert_eq!(parse("-").key, KeyName::Char('-'));
        assert!(KeySpec::parse("ctrl-").is_err());
        assert!(KeySpec::parse("hyper-x").is_err());
        assert!(KeySpec::parse("f13").is_err());
        assert!(KeySpec::parse("").is_err());
    }

    #[test]
    fn display_reads_back() {
        for text in [
            "q",
            "ctrl-c",
            "enter",
            "shift-tab",
            "f12",
            "space",
            "pageup",
        ] {
            assert_eq!(KeySpec::parse(text).unwrap().to_string(), text);
        }
    }
}
