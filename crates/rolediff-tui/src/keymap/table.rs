//! The default key table: every key the interface answers to, what it does, and the
//! name of each action in the config file.

use ratatui::crossterm::event::KeyCode;
use rolediff::config::ActionInfo;
use rolediff::lang::Lang;

use super::Context;
use super::key::{Key, ch, ctrl, key};
use crate::action::Action;

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

    /// All keys, written for people of `lang`: `↑ k`; `–` when none is left.
    pub fn keys_display(&self, lang: Lang) -> String {
        if self.keys.is_empty() {
            return "–".to_string();
        }
        self.keys
            .iter()
            .map(|k| k.display(lang))
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
    DefaultBinding { context: Main, keys: &[ch('c')], action: Action::ClosestRole, en: "other side: the role closest to the active one", fr: "autre côté : le rôle le plus proche du rôle actif" },
    DefaultBinding { context: Main, keys: &[ch('w')], action: Action::ToggleWrap, en: "wrap long labels on several lines, or cut them", fr: "couper les libellés longs, ou les replier sur plusieurs lignes" },
    DefaultBinding { context: Main, keys: &[key(Up), ch('k')], action: Action::CursorUp, en: "previous task", fr: "tâche précédente" },
    DefaultBinding { context: Main, keys: &[key(Down), ch('j')], action: Action::CursorDown, en: "next task", fr: "tâche suivante" },
    DefaultBinding { context: Main, keys: &[key(PageUp), ctrl('b')], action: Action::PageUp, en: "one screen up", fr: "un écran plus haut" },
    DefaultBinding { context: Main, keys: &[key(PageDown), ch(' '), ctrl('f')], action: Action::PageDown, en: "one screen down", fr: "un écran plus bas" },
    DefaultBinding { context: Main, keys: &[ctrl('u')], action: Action::HalfPageUp, en: "half a screen up", fr: "un demi-écran plus haut" },
    DefaultBinding { context: Main, keys: &[ctrl('d')], action: Action::HalfPageDown, en: "half a screen down", fr: "un demi-écran plus bas" },
    DefaultBinding { context: Main, keys: &[key(Home), ch('g')], action: Action::First, en: "first task", fr: "première tâche" },
    DefaultBinding { context: Main, keys: &[key(End), ch('G')], action: Action::Last, en: "last task", fr: "dernière tâche" },
    DefaultBinding { context: Main, keys: &[ch('n')], action: Action::NextDifference, en: "next difference", fr: "différence suivante" },
    DefaultBinding { context: Main, keys: &[ch('N')], action: Action::PreviousDifference, en: "previous difference", fr: "différence précédente" },
    DefaultBinding { context: Main, keys: &[key(Enter)], action: Action::OpenDetails, en: "details of the task", fr: "détails de la tâche" },
    DefaultBinding { context: Main, keys: &[ch('i')], action: Action::OpenAbout, en: "the two roles whole: names, aliases, summaries", fr: "les deux rôles en entier : noms, alias, résumés" },
    DefaultBinding { context: Main, keys: &[ch('t')], action: Action::OpenThemeFilter, en: "filter by theme", fr: "filtrer par thème" },
    DefaultBinding { context: Main, keys: &[ch('f')], action: Action::OpenSourceFilter, en: "see the roles as some sources do", fr: "voir les rôles selon certaines sources" },
    DefaultBinding { context: Main, keys: &[ch('/')], action: Action::StartSearch, en: "filter by text", fr: "filtrer par texte" },
    DefaultBinding { context: Main, keys: &[ch('v')], action: Action::CycleView, en: "view: all / shared / differences", fr: "vue : tout / communes / différences" },
    DefaultBinding { context: Main, keys: &[ch('d')], action: Action::OpenDisputes, en: "where the sources disagree", fr: "là où les sources divergent" },
    DefaultBinding { context: Main, keys: &[ch('m')], action: Action::OpenLandscape, en: "landscape: every pair of roles", fr: "paysage : chaque paire de rôles" },
    DefaultBinding { context: Main, keys: &[ch('?')], action: Action::OpenHelp, en: "all keys", fr: "toutes les touches" },
    DefaultBinding { context: Main, keys: &[ch('q'), ctrl('c')], action: Action::Quit, en: "quit (Ctrl-C from anywhere)", fr: "quitter (Ctrl-C partout)" },
    DefaultBinding { context: Main, keys: &[key(Esc)], action: Action::Back, en: "back: stop a search, clear the text filter (never quits)", fr: "retour : arrêter une recherche, effacer le filtre texte (ne quitte jamais)" },
    DefaultBinding { context: Main, keys: &[ctrl('z')], action: Action::Suspend, en: "suspend (back with `fg`)", fr: "suspendre (retour avec `fg`)" },
    DefaultBinding { context: Landscape, keys: &[key(Up), ch('k')], action: Action::CursorUp, en: "row up", fr: "ligne au-dessus" },
    DefaultBinding { context: Landscape, keys: &[key(Down), ch('j')], action: Action::CursorDown, en: "row down", fr: "ligne en dessous" },
    DefaultBinding { context: Landscape, keys: &[key(Left), ch('h')], action: Action::ColumnLeft, en: "column to the left", fr: "colonne à gauche" },
    DefaultBinding { context: Landscape, keys: &[key(Right), ch('l')], action: Action::ColumnRight, en: "column to the right", fr: "colonne à droite" },
    DefaultBinding { context: Landscape, keys: &[key(Enter)], action: Action::OpenPair, en: "open the pair side by side", fr: "ouvrir la paire côte à côte" },
    DefaultBinding { context: Landscape, keys: &[ch('t')], action: Action::OpenThemeFilter, en: "filter by theme", fr: "filtrer par thème" },
    DefaultBinding { context: Landscape, keys: &[ch('f')], action: Action::OpenSourceFilter, en: "see the roles as some sources do", fr: "voir les rôles selon certaines sources" },
    DefaultBinding { context: Landscape, keys: &[ch('?')], action: Action::OpenHelp, en: "all keys", fr: "toutes les touches" },
    DefaultBinding { context: Landscape, keys: &[ch('m'), key(Esc), ch('q')], action: Action::CloseLandscape, en: "back to the side-by-side view", fr: "retour à la vue côte à côte" },
    DefaultBinding { context: Choice, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "move up", fr: "monter" },
    DefaultBinding { context: Choice, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "move down", fr: "descendre" },
    DefaultBinding { context: Choice, keys: &[key(PageUp), ctrl('b'), ctrl('u')], action: Action::PopupPageUp, en: "one page up", fr: "une page plus haut" },
    DefaultBinding { context: Choice, keys: &[key(PageDown), ctrl('f'), ctrl('d')], action: Action::PopupPageDown, en: "one page down", fr: "une page plus bas" },
    DefaultBinding { context: Choice, keys: &[key(Home), ch('g')], action: Action::PopupFirst, en: "first line", fr: "première ligne" },
    DefaultBinding { context: Choice, keys: &[key(End), ch('G')], action: Action::PopupLast, en: "last line", fr: "dernière ligne" },
    DefaultBinding { context: Choice, keys: &[ch(' ')], action: Action::PopupToggle, en: "select or unselect", fr: "cocher ou décocher" },
    DefaultBinding { context: Choice, keys: &[ch('a')], action: Action::PopupClear, en: "clear the selection (all tasks)", fr: "tout décocher (toutes les tâches)" },
    DefaultBinding { context: Choice, keys: &[key(Enter)], action: Action::PopupConfirm, en: "apply and close", fr: "appliquer et fermer" },
    DefaultBinding { context: Choice, keys: &[key(Esc), ch('q')], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    DefaultBinding { context: RolePicker, keys: &[key(Up)], action: Action::PopupUp, en: "move up", fr: "monter" },
    DefaultBinding { context: RolePicker, keys: &[key(Down)], action: Action::PopupDown, en: "move down", fr: "descendre" },
    DefaultBinding { context: RolePicker, keys: &[key(PageUp)], action: Action::PopupPageUp, en: "one page up", fr: "une page plus haut" },
    DefaultBinding { context: RolePicker, keys: &[key(PageDown)], action: Action::PopupPageDown, en: "one page down", fr: "une page plus bas" },
    DefaultBinding { context: RolePicker, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    DefaultBinding { context: RolePicker, keys: &[key(Enter)], action: Action::PopupConfirm, en: "choose", fr: "choisir" },
    DefaultBinding { context: RolePicker, keys: &[key(Esc)], action: Action::ClosePopup, en: "cancel", fr: "annuler" },
    DefaultBinding { context: Search, keys: &[key(Enter)], action: Action::SearchKeep, en: "keep the filter", fr: "garder le filtre" },
    DefaultBinding { context: Search, keys: &[key(Esc)], action: Action::SearchClear, en: "clear the filter", fr: "effacer le filtre" },
    DefaultBinding { context: Search, keys: &[key(Backspace)], action: Action::InputBackspace, en: "erase a character", fr: "effacer un caractère" },
    DefaultBinding { context: Reader, keys: &[key(Up), ch('k')], action: Action::PopupUp, en: "scroll up", fr: "défiler vers le haut" },
    DefaultBinding { context: Reader, keys: &[key(Down), ch('j')], action: Action::PopupDown, en: "scroll down", fr: "défiler vers le bas" },
    DefaultBinding { context: Reader, keys: &[key(PageUp), ctrl('b'), ctrl('u')], action: Action::PopupPageUp, en: "one page up", fr: "une page plus haut" },
    DefaultBinding { context: Reader, keys: &[key(PageDown), ch(' '), ctrl('f'), ctrl('d')], action: Action::PopupPageDown, en: "one page down", fr: "une page plus bas" },
    DefaultBinding { context: Reader, keys: &[key(Home), ch('g')], action: Action::PopupFirst, en: "top", fr: "début" },
    DefaultBinding { context: Reader, keys: &[key(End), ch('G')], action: Action::PopupLast, en: "bottom", fr: "fin" },
    DefaultBinding { context: Reader, keys: &[key(Esc), ch('q'), key(Enter), ch('?')], action: Action::ClosePopup, en: "close", fr: "fermer" },
];

/// The name of each bindable action in the config file's `keys:`. An action bound in
/// several places (`close` in every popup) takes the same keys everywhere.
#[rustfmt::skip]
pub const ACTION_NAMES: &[(Action, &str)] = &[
    (Action::Quit, "quit"),
    (Action::Suspend, "suspend"),
    (Action::SwitchSide, "switch-side"),
    (Action::PreviousRole, "previous-role"),
    (Action::NextRole, "next-role"),
    (Action::OpenRolePicker, "pick-role"),
    (Action::Swap, "swap"),
    (Action::ClosestRole, "closest-role"),
    (Action::ToggleWrap, "wrap"),
    (Action::CursorUp, "up"),
    (Action::CursorDown, "down"),
    (Action::PageUp, "page-up"),
    (Action::PageDown, "page-down"),
    (Action::HalfPageUp, "half-page-up"),
    (Action::HalfPageDown, "half-page-down"),
    (Action::Back, "back"),
    (Action::PopupFirst, "popup-first"),
    (Action::PopupLast, "popup-last"),
    (Action::PopupPageUp, "popup-page-up"),
    (Action::PopupPageDown, "popup-page-down"),
    (Action::First, "first"),
    (Action::Last, "last"),
    (Action::NextDifference, "next-difference"),
    (Action::PreviousDifference, "previous-difference"),
    (Action::OpenDetails, "details"),
    (Action::OpenAbout, "about"),
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
