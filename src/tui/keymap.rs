//! The one table from keys to actions. The footer and the help popup are generated
//! from it, so they always say what the keys really do; the config file's `keys:`
//! replaces the keys of named actions at startup, and the footer and help follow.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Action;
use rolediff::config::{ActionInfo, KeyName, KeyOverride, KeySpec};
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
    /// The landscape view (`m`): the similarity heatmap.
    Landscape,
}

impl Context {
    /// Every context, in the order the help popup lists them.
    pub const ALL: [Context; 6] = [
        Context::Main,
        Context::Landscape,
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
            (Context::Landscape, Lang::En) => "Landscape (m): every pair of roles",
            (Context::Landscape, Lang::Fr) => "Paysage (m) : chaque paire de rôles",
        }
    }

    /// The contexts where typing a character enters text: plain characters cannot be
    /// rebound there.
    fn is_text(self) -> bool {
        matches!(self, Context::Search | Context::RolePicker)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
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
            _ => return self.display(),
        };
        KeySpec {
            key,
            ctrl: self.ctrl,
        }
        .to_string()
    }

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

/// One line of the default table: keys, what they do, and how they are described.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBinding {
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

/// One line of the table in use: the default line, with its keys possibly replaced by
/// the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, the first being the one the footer shows; empty when unbound.
    pub keys: Vec<Key>,
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

    /// All keys, written for people: `↑ k`; `–` when none is left.
    pub fn keys_display(&self) -> String {
        if self.keys.is_empty() {
            return "–".to_string();
        }
        self.keys
            .iter()
            .map(|k| k.display())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use Context::{Choice, Landscape, Main, Reader, RolePicker, Search};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// The default key table: every key the interface answers to.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[DefaultBinding] = &[
    DefaultBinding { context: Main, keys: &[key(Tab), key(BackTab)], action: Action::SwitchSide, en: "switch the active side", fr: "changer de côté actif" },
    DefaultBinding { context: Main, keys: &[key(Left), ch('h')], action: Action::PreviousRole, en: "previous role on the active side", fr: "rôle précédent du côté actif" },
    DefaultBinding { context: Main, keys: &[key(Right), ch('l')], action: Action::NextRole, en: "next role on the active side", fr: "rôle suivant du côté actif" },
    DefaultBinding { context: Main, keys: &[ch('r')], action: Action::OpenRolePicker, en: "pick the role of the active side", fr: "choisir le rôle du côté actif" },
    DefaultBinding { context: Main, keys: &[ch('s')], action: Action::Swap, en: "swap the two sides", fr: "échanger les deux côtés" },
    DefaultBinding { context: Main, keys: &[key(Up), ch('k')], action: Action::CursorUp, en: "previous task", fr: "tâche précédente" },
    DefaultBinding { context: Main, keys: &[key(Down), ch('j')], action: Action::CursorDown, en: "next task", fr: "tâche suivante" },
    DefaultBinding { context: Main, keys: &[key(PageUp)], action: Action::PageUp, en: "one screen up", fr: "un écran plus haut" },
    DefaultBinding { context: Main, keys: &[key(PageDown)], action: Action::PageDown, en: "one screen down", fr: "un écran plus bas" },
    DefaultBinding { context: Main, keys: &[key(Home), ch('g')], action: Action::First, en: "first task", fr: "première tâche" },
    DefaultBinding { context: Main, keys: &[key(End), ch('G')], action: Action::Last, en: "last task", fr: "dernière tâche" },
    DefaultBinding { context: Main, keys: &[ch('n')], action: Action::NextDifference, en: "next difference", fr: "différence suivante" },
    DefaultBinding { context: Main, keys: &[ch('N')], action: Action::PreviousDifference, en: "previous difference", fr: "différence précédente" },
    DefaultBinding { context: Main, keys: &[key(Enter)], action: Action::OpenDetails, en: "details of the task", fr: "détails de la tâche" },
    DefaultBinding { context: Main, keys: &[ch('t')], action: Action::OpenThemeFilter, en: "filter by theme", fr: "filtrer par thème" },
    DefaultBinding { context: Main, keys: &[ch('f')], action: Action::OpenSourceFilter, en: "see the roles as some sources do", fr: "voir les rôles selon certaines sources" },
    DefaultBinding { context: Main, keys: &[ch('/')], action: Action::StartSearch, en: "filter by text", fr: "filtrer par texte" },
    DefaultBinding { context: Main, keys: &[ch('v')], action: Action::CycleView, en: "view: all / shared / differences", fr: "vue : tout / communes / différences" },
    DefaultBinding { context: Main, keys: &[ch('d')], action: Action::OpenDisputes, en: "where the sources disagree", fr: "là où les sources divergent" },
    DefaultBinding { context: Main, keys: &[ch('m')], action: Action::OpenLandscape, en: "landscape: every pair of roles", fr: "paysage : chaque paire de rôles" },
    DefaultBinding { context: Main, keys: &[ch('?')], action: Action::OpenHelp, en: "all keys", fr: "toutes les touches" },
    DefaultBinding { context: Main, keys: &[ch('q'), key(Esc), ctrl('c')], action: Action::Quit, en: "quit", fr: "quitter" },
    DefaultBinding { context: Landscape, keys: &[key(Up), ch('k')], action: Action::CursorUp, en: "row up", fr: "ligne au-dessus" },
    DefaultBinding { context: Landscape, keys: &[key(Down), ch('j')], action: Action::CursorDown, en: "row down", fr: "ligne en dessous" },
    DefaultBinding { context: Landscape, keys: &[key(Left), ch('h')], action: Action::ColumnLeft, en: "column to the left", fr: "colonne à gauche" },
    DefaultBinding { context: Landscape, keys: &[key(Right), ch('l')], action: Action::ColumnRight, en: "column to the right", fr: "colonne à droite" },
    DefaultBinding { context: Landscape, keys: &[key(Enter)], action: Action::OpenPair, en: "open the pair side by side", fr: "ouvrir la paire côte à côte" },
    DefaultBinding { context: Landscape, keys: &[ch('t')], action: Action::OpenThemeFilter, en: "filter by theme", fr: "filtrer par thème" },
    DefaultBinding { context: Landscape, keys: &[ch('f')], action: Action::OpenSourceFilter, en: "see the roles as some sources do", fr: "voir les rôles selon certaines sources" },
    DefaultBinding { context: Landscape, keys: &[ch('?')], action: Action::OpenHelp, en: "all keys", fr: "toutes les touches" },
    DefaultBinding { context: Landscape, keys: &[ch('m'), key(Esc), ch('q'), ctrl('c')], action: Action::CloseLandscape, en: "back to the side-by-side view", fr: "retour à la vue côte à côte" },
    DefaultBinding { context: Choice, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "move up", fr: "monter" },
    DefaultBinding { context: Choice, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "move down", fr: "descendre" },
    DefaultBinding { context: Choice, keys: &[ch(' ')], action: Action::PopupToggle, en: "select or unselect", fr: "cocher ou décocher" },
    DefaultBinding { context: Choice, keys: &[ch('a')], action: Action::PopupClear, en: "clear the selection (all tasks)", fr: "tout décocher (toutes les tâches)" },
    DefaultBinding { context: Choice, keys: &[key(Enter)], action: Action::PopupConfirm, en: "apply and close", fr: "appliquer et fermer" },
    DefaultBinding { context: Choice, keys: &[key(Esc), ch('q'), ctrl('c')], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    DefaultBinding { context: RolePicker, keys: &[key(Up)], action: Action::PopupUp, en: "move up", fr: "monter" },
    DefaultBinding { context: RolePicker, keys: &[key(Down)], action: Action::PopupDown, en: "move down", fr: "descendre" },
    DefaultBinding { context: RolePicker, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    DefaultBinding { context: RolePicker, keys: &[key(Enter)], action: Action::PopupConfirm, en: "choose", fr: "choisir" },
    DefaultBinding { context: RolePicker, keys: &[key(Esc), ctrl('c')], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    DefaultBinding { context: Search, keys: &[key(Enter)], action: Action::SearchKeep, en: "keep the filter", fr: "garder le filtre" },
    DefaultBinding { context: Search, keys: &[key(Esc), ctrl('c')], action: Action::SearchClear, en: "clear the filter", fr: "effacer le filtre" },
    DefaultBinding { context: Search, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    DefaultBinding { context: Reader, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "scroll up", fr: "défiler vers le haut" },
    DefaultBinding { context: Reader, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "scroll down", fr: "défiler vers le bas" },
    DefaultBinding { context: Reader, keys: &[key(Esc), ch('q'), key(Enter), ch('?'), ctrl('c')], action: Action::ClosePopup, en: "close", fr: "fermer" },
];

/// The name of each bindable action in the config file's `keys:`. An action bound in
/// several places (`close` in every popup) takes the same keys everywhere.
#[rustfmt::skip]
pub const ACTION_NAMES: &[(Action, &str)] = &[
    (Action::Quit, "quit"),
    (Action::SwitchSide, "switch-side"),
    (Action::PreviousRole, "previous-role"),
    (Action::NextRole, "next-role"),
    (Action::OpenRolePicker, "pick-role"),
    (Action::Swap, "swap"),
    (Action::CursorUp, "up"),
    (Action::CursorDown, "down"),
    (Action::PageUp, "page-up"),
    (Action::PageDown, "page-down"),
    (Action::First, "first"),
    (Action::Last, "last"),
    (Action::NextDifference, "next-difference"),
    (Action::PreviousDifference, "previous-difference"),
    (Action::OpenDetails, "details"),
    (Action::OpenThemeFilter, "theme-filter"),
    (Action::OpenSourceFilter, "source-filter"),
    (Action::StartSearch, "search"),
    (Action::CycleView, "cycle-view"),
    (Action::OpenLandscape, "landscape"),
    (Action::OpenHelp, "help"),
    (Action::OpenDisputes, "disputes"),
    (Action::ColumnLeft, "column-left"),
    (Action::ColumnRight, "column-right"),
    (Action::OpenPair, "open-pair"),
    (Action::CloseLandscape, "close-landscape"),
    (Action::PopupUp, "popup-up"),
    (Action::PopupDown, "popup-down"),
    (Action::PopupToggle, "toggle"),
    (Action::PopupClear, "clear"),
    (Action::PopupConfirm, "confirm"),
    (Action::ClosePopup, "close"),
    (Action::SearchKeep, "keep-search"),
    (Action::SearchClear, "clear-search"),
    (Action::InputBackspace, "backspace"),
];

/// What the config reader needs to know of the actions: names and where each applies.
pub fn action_infos() -> Vec<ActionInfo> {
    ACTION_NAMES
        .iter()
        .map(|&(action, name)| ActionInfo {
            name,
            contexts: DEFAULT_BINDINGS
                .iter()
                .filter(|b| b.action == action)
                .fold(0, |bits, b| bits | b.context.bit()),
        })
        .collect()
}

/// The key table in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: DEFAULT_BINDINGS
                .iter()
                .map(|b| Binding {
                    context: b.context,
                    keys: b.keys.to_vec(),
                    action: b.action,
                    en: b.en,
                    fr: b.fr,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The default table with the config's overrides: each named action gets exactly
    /// the keys given, and a key taken by an override is removed from the other
    /// actions of the same place. Where typing enters text (role picker, text filter)
    /// plain characters stay typeable: only named and Ctrl keys are bound there.
    /// Unknown names were refused when the config was read; they are ignored here.
    pub fn with_overrides(overrides: &[KeyOverride]) -> Self {
        let mut keymap = Self::default();
        let overridden: Vec<(Action, Vec<Key>)> = overrides
            .iter()
            .filter_map(|o| {
                let action = ACTION_NAMES.iter().find(|(_, n)| *n == o.action)?.0;
                Some((action, o.keys.iter().map(|&k| Key::from(k)).collect()))
            })
            .collect();
        for (action, keys) in &overridden {
            for binding in keymap.bindings.iter_mut().filter(|b| b.action == *action) {
                let context = binding.context;
                binding.keys = keys
                    .iter()
                    .copied()
                    .filter(|k| {
                        !(context.is_text() && !k.ctrl && matches!(k.code, KeyCode::Char(_)))
                    })
                    .collect();
            }
        }
        for (action, _) in &overridden {
            let taken: Vec<(Context, Key)> = keymap
                .bindings
                .iter()
                .filter(|b| b.action == *action)
                .flat_map(|b| b.keys.iter().map(move |k| (b.context, *k)))
                .collect();
            for binding in keymap
                .bindings
                .iter_mut()
                .filter(|b| b.action != *action && !overridden.iter().any(|(a, _)| *a == b.action))
            {
                binding
                    .keys
                    .retain(|k| !taken.contains(&(binding.context, *k)));
            }
        }
        keymap
    }

    /// Every binding, in table order.
    pub fn all(&self) -> impl Iterator<Item = &Binding> {
        self.bindings.iter()
    }

    /// The bindings of one context, in table order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The action a key press means in `context`. Releases and repeats of releases are
    /// ignored (Windows reports them); in the text contexts an unbound character is typed.
    pub fn action_for(&self, context: Context, event: KeyEvent) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        let pressed = Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        };
        if let Some(binding) = self.bindings(context).find(|b| b.keys.contains(&pressed)) {
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
}

/// A hint of the footer or of a popup's last line: the keys of `actions` (looked up in
/// the key table) and a word.
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

    /// The keys, from the table: `←/→`; empty when every action is unbound.
    pub fn keys(&self, keymap: &Keymap, context: Context) -> String {
        self.actions
            .iter()
            .filter_map(|action| {
                keymap
                    .bindings(context)
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
    hint(&[Action::OpenLandscape], "landscape", "paysage"),
    hint(&[Action::StartSearch], "search", "chercher"),
    hint(&[Action::OpenRolePicker], "pick role", "choisir un rôle"),
    hint(&[Action::CycleView], "view", "vue"),
    hint(&[Action::Swap], "swap", "échanger"),
    hint(&[Action::OpenSourceFilter], "sources", "sources"),
];

const LANDSCAPE_HINTS: &[Hint] = &[
    hint(
        &[
            Action::CursorUp,
            Action::CursorDown,
            Action::ColumnLeft,
            Action::ColumnRight,
        ],
        "cell",
        "case",
    ),
    hint(&[Action::OpenPair], "open pair", "ouvrir"),
    hint(&[Action::CloseLandscape], "back", "retour"),
    hint(&[Action::OpenThemeFilter], "themes", "thèmes"),
    hint(&[Action::OpenSourceFilter], "sources", "sources"),
    hint(&[Action::OpenHelp], "help", "aide"),
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
        Landscape => LANDSCAPE_HINTS,
        Choice => CHOICE_HINTS,
        RolePicker => ROLE_PICKER_HINTS,
        Search => SEARCH_HINTS,
        Reader => READER_HINTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
        Keymap::default().action_for(context, event)
    }

    fn spec(text: &str) -> KeySpec {
        KeySpec::parse(text).unwrap()
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for context in Context::ALL {
            let keymap = Keymap::default();
            let keys: Vec<Key> = keymap
                .bindings(context)
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
                    assert!(
                        Keymap::default()
                            .bindings(context)
                            .any(|b| b.action == *action),
                        "{}",
                        h.en
                    );
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

    #[test]
    fn every_bound_action_has_a_config_name_and_back() {
        for binding in DEFAULT_BINDINGS {
            assert!(
                ACTION_NAMES.iter().any(|(a, _)| *a == binding.action),
                "{:?} has no name",
                binding.action
            );
        }
        for (action, _) in ACTION_NAMES {
            assert!(
                DEFAULT_BINDINGS.iter().any(|b| b.action == *action),
                "{action:?} named but not bound"
            );
        }
        for key in DEFAULT_BINDINGS.iter().flat_map(|b| b.keys) {
            let name = key.config_name();
            assert_eq!(Key::from(spec(&name)), *key, "{name}");
        }
    }

    #[test]
    fn overrides_replace_keys_and_take_them_from_other_actions() {
        let keymap = Keymap::with_overrides(&[
            KeyOverride {
                action: "quit".into(),
                keys: vec![spec("x"), spec("j")],
            },
            KeyOverride {
                action: "close".into(),
                keys: vec![spec("x"), spec("esc")],
            },
            KeyOverride {
                action: "swap".into(),
                keys: vec![],
            },
        ]);
        let none = KeyModifiers::NONE;
        let char_key = |c| press(KeyCode::Char(c), none);
        assert_eq!(keymap.action_for(Main, char_key('x')), Some(Action::Quit));
        assert_eq!(keymap.action_for(Main, char_key('j')), Some(Action::Quit));
        // `q` is no longer quit, `j` no longer moves down, but ↓ still does.
        assert_eq!(keymap.action_for(Main, char_key('q')), None);
        assert_eq!(
            keymap.action_for(Main, press(Down, none)),
            Some(Action::CursorDown)
        );
        assert_eq!(keymap.action_for(Main, char_key('s')), None);
        // The role picker still types `x`; Esc still closes it.
        assert_eq!(
            keymap.action_for(RolePicker, char_key('x')),
            Some(Action::Input('x'))
        );
        assert_eq!(
            keymap.action_for(RolePicker, press(Esc, none)),
            Some(Action::ClosePopup)
        );
        assert_eq!(
            keymap.action_for(Reader, char_key('x')),
            Some(Action::ClosePopup)
        );
        // The footer and help follow.
        let quit = keymap
            .bindings(Main)
            .find(|b| b.action == Action::Quit)
            .unwrap();
        assert_eq!(quit.keys_display(), "x j");
        let swap = keymap
            .bindings(Main)
            .find(|b| b.action == Action::Swap)
            .unwrap();
        assert_eq!(swap.keys_display(), "–");
    }
}
