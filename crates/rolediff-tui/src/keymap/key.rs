//! One key as the interface sees it, and how it is written in the footer, the help and
//! the config file.

use ratatui::crossterm::event::KeyCode;
use rolediff::config::{KeyName, KeySpec};
use rolediff::lang::Lang;

/// A key with the modifiers that matter (Shift is part of the character or of
/// `BackTab`, so it is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl From<KeySpec> for Key {
    fn from(spec: KeySpec) -> Self {
        let code = match spec.key {
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::BackTab => KeyCode::BackTab,
            KeyName::Backspace => KeyCode::Backspace,
            KeyName::Delete => KeyCode::Delete,
            KeyName::Insert => KeyCode::Insert,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::F(n) => KeyCode::F(n),
        };
        Key {
            code,
            ctrl: spec.ctrl,
        }
    }
}

impl Key {
    /// How the key is written in the config file (`ctrl-c`, `shift-tab`, `G`).
    pub fn config_name(self) -> String {
        let key = match self.code {
            KeyCode::Char(c) => KeyName::Char(c),
            KeyCode::Enter => KeyName::Enter,
            KeyCode::Esc => KeyName::Esc,
            KeyCode::Tab => KeyName::Tab,
            KeyCode::BackTab => KeyName::BackTab,
            KeyCode::Backspace => KeyName::Backspace,
            KeyCode::Delete => KeyName::Delete,
            KeyCode::Insert => KeyName::Insert,
            KeyCode::Up => KeyName::Up,
            KeyCode::Down => KeyName::Down,
            KeyCode::Left => KeyName::Left,
            KeyCode::Right => KeyName::Right,
            KeyCode::Home => KeyName::Home,
            KeyCode::End => KeyName::End,
            KeyCode::PageUp => KeyName::PageUp,
            KeyCode::PageDown => KeyName::PageDown,
            KeyCode::F(n) => KeyName::F(n),
            _ => return self.display(rolediff::lang::Lang::En),
        };
        KeySpec {
            key,
            ctrl: self.ctrl,
        }
        .to_string()
    }

    /// How the key is written in the footer and the help, with the names printed on
    /// keyboards of `lang` (`Entrée`, `Échap`, `Espace` in French).
    pub fn display(self, lang: Lang) -> String {
        let french = lang == Lang::Fr;
        let name = match self.code {
            KeyCode::Enter if french => "Entrée".to_string(),
            KeyCode::Esc if french => "Échap".to_string(),
            KeyCode::BackTab if french => "Maj-Tab".to_string(),
            KeyCode::PageUp if french => "PgPréc".to_string(),
            KeyCode::PageDown if french => "PgSuiv".to_string(),
            KeyCode::Home if french => "Début".to_string(),
            KeyCode::End if french => "Fin".to_string(),
            KeyCode::Backspace if french => "Retour arrière".to_string(),
            KeyCode::Char(' ') if french => "Espace".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}
