//! The one-line hints of the footer and the popups: a few actions each, with the keys
//! in force.

use super::Context::{Choice, Landscape, Main, Reader, RolePicker, Search};
use super::{Context, Keymap};
use crate::action::Action;
use rolediff::lang::Lang;

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
    /// Shown at any width (help and the way out), the others as room allows.
    pub keep: bool,
}

const fn hint(actions: &'static [Action], en: &'static str, fr: &'static str) -> Hint {
    Hint {
        actions,
        en,
        fr,
        keep: false,
    }
}

/// A hint the footer never drops: how to get help, and the way out.
const fn kept(actions: &'static [Action], en: &'static str, fr: &'static str) -> Hint {
    Hint {
        actions,
        en,
        fr,
        keep: true,
    }
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
    pub fn keys(&self, keymap: &Keymap, context: Context, lang: Lang) -> String {
        self.actions
            .iter()
            .filter_map(|action| {
                keymap
                    .bindings(context)
                    .find(|b| b.action == *action)
                    .and_then(|b| b.keys.first())
                    .map(|k| k.display(lang))
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
    kept(&[Action::OpenHelp], "help", "aide"),
    kept(&[Action::Quit], "quit", "quitter"),
    hint(&[Action::OpenLandscape], "landscape", "paysage"),
    hint(&[Action::StartSearch], "search", "chercher"),
    hint(&[Action::OpenRolePicker], "pick role", "choisir un rôle"),
    hint(&[Action::CycleView], "view", "vue"),
    hint(&[Action::Swap], "swap", "échanger"),
    hint(&[Action::ClosestRole], "closest", "le plus proche"),
    hint(&[Action::ToggleWrap], "wrap", "replier"),
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
    kept(&[Action::CloseLandscape], "back", "retour"),
    hint(&[Action::OpenThemeFilter], "themes", "thèmes"),
    hint(&[Action::OpenSourceFilter], "sources", "sources"),
    kept(&[Action::OpenHelp], "help", "aide"),
];

const CHOICE_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "move", "bouger"),
    hint(&[Action::PopupToggle], "toggle", "cocher"),
    hint(&[Action::PopupClear], "clear", "effacer"),
    kept(&[Action::PopupConfirm], "apply", "appliquer"),
    kept(&[Action::ClosePopup], "cancel", "annuler"),
];

const ROLE_PICKER_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "move", "bouger"),
    hint(&[Action::PopupConfirm], "choose", "choisir"),
    kept(&[Action::ClosePopup], "cancel", "annuler"),
];

const SEARCH_HINTS: &[Hint] = &[
    hint(&[Action::SearchKeep], "keep", "garder"),
    kept(&[Action::SearchClear], "clear", "effacer"),
];

const READER_HINTS: &[Hint] = &[
    hint(&[Action::PopupUp, Action::PopupDown], "scroll", "défiler"),
    kept(&[Action::ClosePopup], "close", "fermer"),
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
