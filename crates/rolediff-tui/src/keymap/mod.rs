//! The one table from keys to actions. The footer and the help popup are generated
//! from it, so they always say what the keys really do; the config file's `keys:`
//! replaces the keys of named actions at startup, and the footer and help follow.

mod hints;
mod key;
mod table;

pub use hints::hints;
pub use key::Key;
pub use table::{ACTION_NAMES, Binding, DEFAULT_BINDINGS, action_infos};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use rolediff::config::KeyOverride;
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

#[cfg(test)]
mod tests {
    use super::*;
    use Context::{Main, Reader, RolePicker, Search};
    use KeyCode::{BackTab, Down, Esc};
    use rolediff::config::KeySpec;

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
        assert_eq!(quit.keys_display(Lang::En), "x j");
        let swap = keymap
            .bindings(Main)
            .find(|b| b.action == Action::Swap)
            .unwrap();
        assert_eq!(swap.keys_display(Lang::En), "–");
    }
}
