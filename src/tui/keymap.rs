//! The one table from keys to actions. The footer and the help popup are generated
//! from it, so they always say what the keys really do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Action;
use rolediff::lang::Lang;

/// Where a binding applies: the main view, or the popup or prompt that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The two panes, no popup open.
    Main,
    /// Typing a text filter after `/`.
    Search,
    /// The theme or source filter popup.
    Choice,
    /// The role picker.
    RolePicker,
    /// Task details or help: read-only popups.
    Reader,
}

impl Context {
    /// Every context, in the order the help popup lists them.
    pub const ALL: [Context; 5] = [
        Context::Main,
        Context::Choice,
        Context::RolePicker,
        Context::Search,
        Context::Reader,
    ];

    /// Section title in the help popup.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Context::Main, Lang::En) => "Main view",
            (Context::Main, Lang::Fr) => "Vue principale",
            (Context::Search, Lang::En) => "Text filter (/)",
            (Context::Search, Lang::Fr) => "Filtre texte (/)",
            (Context::Choice, Lang::En) => "Theme and source filters (t, f)",
            (Context::Choice, Lang::Fr) => "Filtres thèmes et sources (t, f)",
            (Context::RolePicker, Lang::En) => "Role picker (r): type to filter",
            (Context::RolePicker, Lang::Fr) => "Choix du rôle (r) : tapez pour filtrer",
            (Context::Reader, Lang::En) => "Details and help",
            (Context::Reader, Lang::Fr) => "Détails et aide",
        }
    }
}

/// A key with the modifiers that matter (Shift is part of the character or of
/// `BackTab`, so it is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    /// How the key is written in the footer and the help.
    pub fn display(self) -> String {
        let name = match self.code {
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

/// One line of the table: keys, what they do, and how they are described.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, the first being the one the footer shows.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Description in English.
    pub en: &'static str,
    /// Description in French.
    pub fr: &'static str,
}

impl Binding {
    /// The description in `lang`.
    pub fn describe(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// All keys, written for people: `↑ k`.
    pub fn keys_display(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.display())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use Context::{Choice, Main, Reader, RolePicker, Search};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// The key table: every key the interface answers to.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: Main, keys: &[key(Tab), key(BackTab)], action: Action::SwitchSide, en: "switch the active side", fr: "changer de côté actif" },
    Binding { context: Main, keys: &[key(Left), ch('h')], action: Action::PreviousRole, en: "previous role on the active side", fr: "rôle précédent du côté actif" },
    Binding { context: Main, keys: &[key(Right), ch('l')], action: Action::NextRole, en: "next role on the active side", fr: "rôle suivant du côté actif" },
    Binding { context: Main, keys: &[ch('r')], action: Action::OpenRolePicker, en: "pick the role of the active side", fr: "choisir le rôle du côté actif" },
    Binding { context: Main, keys: &[ch('s')], action: Action::Swap, en: "swap the two sides", fr: "échanger les deux côtés" },
    Binding { context: Main, keys: &[key(Up), ch('k')], action: Action::CursorUp, en: "previous task", fr: "tâche précédente" },
    Binding { context: Main, keys: &[key(Down), ch('j')], action: Action::CursorDown, en: "next task", fr: "tâche suivante" },
    Binding { context: Main, keys: &[key(PageUp)], action: Action::PageUp, en: "one screen up", fr: "un écran plus haut" },
    Binding { context: Main, keys: &[key(PageDown)], action: Action::PageDown, en: "one screen down", fr: "un écran plus bas" },
    Binding { context: Main, keys: &[key(Home), ch('g')], action: Action::First, en: "first task", fr: "première tâche" },
    Binding { context: Main, keys: &[key(End), ch('G')], action: Action::Last, en: "last task", fr: "dernière tâche" },
    Binding { context: Main, keys: &[ch('n')], action: Action::NextDifference, en: "next difference", fr: "différence suivante" },
    Binding { context: Main, keys: &[ch('N')], action: Action::PreviousDifference, en: "previous difference", fr: "différence précédente" },
    Binding { context: Main, keys: &[key(Enter)], action: Action::OpenDetails, en: "details of the task", fr: "détails de la tâche" },
    Binding { context: Main, keys: &[ch('t')], action: Action::OpenThemeFilter, en: "filter by theme", fr: "filtrer par thème" },
    Binding { context: Main, keys: &[ch('f')], action: Action::OpenSourceFilter, en: "filter by source", fr: "filtrer par source" },
    Binding { context: Main, keys: &[ch('/')], action: Action::StartSearch, en: "filter by text", fr: "filtrer par texte" },
    Binding { context: Main, keys: &[ch('v')], action: Action::CycleView, en: "view: all / shared / differences", fr: "vue : tout / communes / différences" },
    Binding { context: Main, keys: &[ch('?')], action: Action::OpenHelp, en: "all keys", fr: "toutes les touches" },
    Binding { context: Main, keys: &[ch('q'), key(Esc), ctrl('c')], action: Action::Quit, en: "quit", fr: "quitter" },
    Binding { context: Choice, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "move up", fr: "monter" },
    Binding { context: Choice, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "move down", fr: "descendre" },
    Binding { context: Choice, keys: &[ch(' ')], action: Action::PopupToggle, en: "select or unselect", fr: "cocher ou décocher" },
    Binding { context: Choice, keys: &[ch('a')], action: Action::PopupClear, en: "clear the selection (all tasks)", fr: "tout décocher (toutes les tâches)" },
    Binding { context: Choice, keys: &[key(Enter)], action: Action::PopupConfirm, en: "apply and close", fr: "appliquer et fermer" },
    Binding { context: Choice, keys: &[key(Esc), ch('q'), ctrl('c')], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    Binding { context: RolePicker, keys: &[key(Up)], action: Action::PopupUp, en: "move up", fr: "monter" },
    Binding { context: RolePicker, keys: &[key(Down)], action: Action::PopupDown, en: "move down", fr: "descendre" },
    Binding { context: RolePicker, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    Binding { context: RolePicker, keys: &[key(Enter)], action: Action::PopupConfirm, en: "choose", fr: "choisir" },
    Binding { context: RolePicker, keys: &[key(Esc), ctrl('c')], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    Binding { context: Search, keys: &[key(Enter)], action: Action::SearchKeep, en: "keep the filter", fr: "garder le filtre" },
    Binding { context: Search, keys: &[key(Esc), ctrl('c')], action: Action::SearchClear, en: "clear the filter", fr: "effacer le filtre" },
    Binding { context: Search, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    Binding { context: Reader, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "scroll up", fr: "défiler vers le haut" },
    Binding { context: Reader, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "scroll down", fr: "défiler vers le bas" },
    Binding { context: Reader, keys: &[key(Esc), ch('q'), key(Enter), ch('?'), ctrl('c')], action: Action::ClosePopup, en: "close", fr: "fermer" },
];

/// A hint of the footer or of a popup's last line: the keys of `actions` (looked up in
/// [`BINDINGS`]) and a word.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    /// Actions whose first keys are shown, joined by `/`.
    pub actions: &'static [Action],
    /// Word in English.
    pub en: &'static str,
    /// Word in French.
    pub fr: &'static str,
}

const fn hint(actions: &'static [Action], en: &'static str, fr: &'static str) -> Hint {
    Hint { actions, en, fr }
}

impl Hint {
    /// The word in `lang`.
    pub fn word(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// The keys, from the table: `←/→`.
    pub fn keys(&self, context: Context) -> String {
        self.actions
            .iter()
            .filter_map(|action| {
                bindings(context)
                    .find(|b| b.action == *action)
                    .and_then(|b| b.keys.first())
                    .map(|k| k.display())
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

const MAIN_HINTS: &[Hint] = &[
    hint(&[Action::SwitchSide], "side", "côté"),
    hint(&[Action::PreviousRole, Action::NextRole], "role", "rôle"),
    hint(&[Action::CursorUp, Action::CursorDown], "task", "tâche"),
    hint(
        &[Action::NextDifference, Action::PreviousDifference],
        "diff",
        "diff",
    ),
    hint(&[Action::OpenDetails], "details", "détails"),
    hint(&[Action::OpenThemeFilter], "themes", "thèmes"),
    hint(&[Action::OpenHelp], "help", "aide"),
    hint(&[Action::Quit], "quit", "quitter"),
    hint(&[Action::StartSearch], "search", "chercher"),
    hint(&[Action::OpenRolePicker], "pick role", "choisir un rôle"),
    hint(&[Action::CycleView], "view", "vue"),
    hint(&[Action::Swap], "swap", "échanger"),
    hint(&[Action::OpenSourceFilter], "sources", "sources"),
];

const CHOICE_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "move", "bouger"),
    hint(&[Action::PopupToggle], "toggle", "cocher"),
    hint(&[Action::PopupClear], "clear", "effacer"),
    hint(&[Action::PopupConfirm], "apply", "appliquer"),
    hint(&[Action::ClosePopup], "cancel", "annuler"),
];

const ROLE_PICKER_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "move", "bouger"),
    hint(&[Action::PopupConfirm], "choose", "choisir"),
    hint(&[Action::ClosePopup], "cancel", "annuler"),
];

const SEARCH_HINTS: &[Hint] = &[
    hint(&[Action::SearchKeep], "keep", "garder"),
    hint(&[Action::SearchClear], "clear", "effacer"),
];

const READER_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "scroll", "défiler"),
    hint(&[Action::ClosePopup], "close", "fermer"),
];

/// The hints of a context, most useful first; the footer shows as many as fit.
pub fn hints(context: Context) -> &'static [Hint] {
    match context {
        Main => MAIN_HINTS,
        Choice => CHOICE_HINTS,
        RolePicker => ROLE_PICKER_HINTS,
        Search => SEARCH_HINTS,
        Reader => READER_HINTS,
    }
}

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The action a key press means in `context`. Releases and repeats of releases are
/// ignored (Windows reports them); in the text contexts an unbound character is typed.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let pressed = Key {
        code: event.code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    };
    if let Some(binding) = bindings(context).find(|b| b.keys.contains(&pressed)) {
        return Some(binding.action);
    }
    match (context, event.code) {
        (Context::Search | Context::RolePicker, KeyCode::Char(c))
            if !pressed.ctrl && !event.modifiers.contains(KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for context in Context::ALL {
            let keys: Vec<Key> = bindings(context)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice in {context:?}");
            }
        }
    }

    #[test]
    fn arrows_and_vim_keys_agree_and_releases_are_ignored() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(Main, press(Down, none)),
            Some(Action::CursorDown)
        );
        assert_eq!(
            action_for(Main, press(KeyCode::Char('j'), none)),
            Some(Action::CursorDown)
        );
        assert_eq!(
            action_for(Main, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            action_for(Main, press(BackTab, KeyModifiers::SHIFT)),
            Some(Action::SwitchSide)
        );
        assert_eq!(
            action_for(Main, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        let mut release = press(Down, none);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Main, release), None);
    }

    #[test]
    fn every_hint_names_bound_actions() {
        for context in Context::ALL {
            for h in hints(context) {
                for action in h.actions {
                    assert!(bindings(context).any(|b| b.action == *action), "{}", h.en);
                }
            }
        }
    }

    #[test]
    fn text_contexts_type_letters_that_are_keys_elsewhere() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(RolePicker, press(KeyCode::Char('j'), none)),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(Search, press(KeyCode::Char('q'), none)),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(Search, press(Esc, none)),
            Some(Action::SearchClear)
        );
    }
}
