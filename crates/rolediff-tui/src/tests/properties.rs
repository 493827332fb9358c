//! Property test: random data sets, random terminal sizes and random sequences of
//! actions, keys and mouse events, each followed by a render. Whatever happens, nothing
//! panics, the cursor and the scroll stay inside the list, popups close cleanly and the
//! cached comparison is the one the comparator gives for the current state.

use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use rolediff::compare::Row;
use rolediff::lang::Lang;
use rolediff::model::{DataOrigin, DataSet, Role, RoleTask, Source, Task, TaskIdx, Text, Theme};

use super::draw;
use crate::action::{Action, Side};
use crate::app::{App, Popup};
use crate::event::to_action;
use crate::theme::Theme as Styles;
use crate::update::update;
use rolediff::model::default_roles;

/// Labels that are hard to lay out or try to drive the terminal.
const LABELS: &[&str] = &[
    "Moderate",
    "Modérer les échanges",
    "Ge\u{301}rer",
    "社区经理负责回复评论",
    "🚀 Lancer 👩\u{200d}💻 ☺\u{fe0f}",
    "\u{1b}]0;PWNED\u{7}",
    "a\u{202e}b\u{200b}c\rd\ne\tf",
    "",
    "x",
];

/// The shape of a random data set: for each role, which catalogue tasks it has.
#[derive(Debug, Clone)]
struct Shape {
    themes: usize,
    sources: usize,
    tasks: Vec<(usize, usize, u8)>,
    roles: Vec<Vec<(usize, usize, bool)>>,
    long_label: bool,
}

fn shape() -> impl Strategy<Value = Shape> {
    (1usize..5, 1usize..4, 1usize..10).prop_flat_map(|(themes, sources, tasks)| {
        (
            Just(themes),
            Just(sources),
            prop::collection::vec((0..themes, 0..LABELS.len(), 0u8..=10), tasks),
            prop::collection::vec(
                prop::collection::vec((0..tasks, 0..sources, any::<bool>()), 1..8),
                1..6,
            ),
            any::<bool>(),
        )
            .prop_map(|(themes, sources, tasks, roles, long_label)| Shape {
                themes,
                sources,
                tasks,
                roles,
                long_label,
            })
    })
}

fn text(label: &str, i: usize) -> Text {
    Text {
        fr: format!("{label} {i}"),
        en: format!("{label} #{i}"),
    }
}

/// A resolved data set with the invariants loading guarantees (every task has a
/// theme, every role task a source, a task at most once per role).
fn build(shape: &Shape) -> DataSet {
    let themes = (0..shape.themes)
        .map(|i| Theme {
            id: format!("theme-{i}"),
            label: text(LABELS[i % LABELS.len()], i),
            description: None,
        })
        .collect();
    let sources = (0..shape.sources)
        .map(|i| Source {
            id: format!("source-{i}"),
            title: LABELS[(i + 3) % LABELS.len()].to_string(),
            language: "fr".into(),
            url: None,
            summary: None,
        })
        .collect();
    let tasks = shape
        .tasks
        .iter()
        .enumerate()
        .map(|(i, &(theme, label, axis))| Task {
            id: format!("task-{i}"),
            label: if shape.long_label && i == 0 {
                Text::same("é".repeat(1000))
            } else {
                text(LABELS[label], i)
            },
            themes: vec![theme],
            axis: Some(f64::from(axis) / 10.0),
            description: Some(Box::new(text(LABELS[(label + 1) % LABELS.len()], i))),
            inline: false,
        })
        .collect();
    let roles = shape
        .roles
        .iter()
        .enumerate()
        .map(|(r, entries)| {
            let mut held: Vec<RoleTask> = Vec::new();
            for &(task, source, contested) in entries {
                if held.iter().all(|t| t.task != TaskIdx(task)) {
                    held.push(RoleTask {
                        task: TaskIdx(task),
                        sources: vec![source].into(),
                        contested_by: if contested { vec![source] } else { vec![] },
                        note: contested.then(|| Box::new(text(LABELS[5], r))),
                    });
                }
            }
            Role {
                id: format!("role-{r}"),
                name: text(LABELS[(r + 2) % LABELS.len()], r),
                aliases: vec![LABELS[r % LABELS.len()].to_string()],
                summary: Some(text(LABELS[(r + 4) % LABELS.len()], r)),
                tasks: held,
            }
        })
        .collect();
    DataSet {
        themes,
        sources,
        tasks,
        roles,
        origin: DataOrigin::Bundled,
        language: None,
        synonyms: Vec::new(),
    }
}

/// One thing that happens to the interface.
#[derive(Debug, Clone)]
enum Step {
    Action(Action),
    Event(Event),
}

/// Sizes that have broken terminal programs before, and any size at all.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        prop::sample::select(vec![
            (1, 1),
            (0, 0),
            (2, 80),
            (80, 2),
            (200, 2),
            (59, 16),
            (60, 16),
            (80, 24),
            (120, 40),
            (160, 50),
        ]),
        (0u16..260, 0u16..90),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(vec![
        Action::Quit,
        Action::SwitchSide,
        Action::PreviousRole,
        Action::NextRole,
        Action::OpenRolePicker,
        Action::Swap,
        Action::CursorUp,
        Action::CursorDown,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::NextDifference,
        Action::PreviousDifference,
        Action::OpenDetails,
        Action::OpenThemeFilter,
        Action::OpenSourceFilter,
        Action::StartSearch,
        Action::CycleView,
        Action::OpenHelp,
        Action::ClosePopup,
        Action::PopupUp,
        Action::PopupDown,
        Action::PopupToggle,
        Action::PopupClear,
        Action::PopupConfirm,
        Action::SearchKeep,
        Action::SearchClear,
        Action::InputBackspace,
        Action::Activate(Side::Left),
        Action::Activate(Side::Right),
        Action::OpenLandscape,
        Action::CloseLandscape,
        Action::ColumnLeft,
        Action::ColumnRight,
        Action::OpenPair,
        Action::Back,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::PopupFirst,
        Action::PopupLast,
        Action::PopupPageUp,
        Action::PopupPageDown,
        Action::OpenAbout,
        Action::OpenDisputes,
        Action::ClosestRole,
        Action::ToggleWrap,
    ]);
    prop_oneof![
        6 => simple,
        1 => any::<char>().prop_map(Action::Input),
        1 => prop::sample::select(vec!['e', 'é', 'm', 'o', ' ', '社', '\u{1b}']).prop_map(Action::Input),
        1 => (any::<bool>(), 0usize..40).prop_map(|(left, row)| {
            Action::SelectRow(if left { Side::Left } else { Side::Right }, row)
        }),
        1 => any::<i16>().prop_map(Action::Scroll),
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        // Cells past the last role too: a stray one must change nothing.
        1 => (0usize..8, 0usize..8).prop_map(|(row, column)| Action::SelectCell(row, column)),
    ]
}

fn key_event() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        4 => prop::sample::select(vec![
            'q', 'j', 'k', 'h', 'l', 'g', 'G', 'n', 'N', 't', 'f', 'r', 's', 'v', '?', '/',
            ' ', 'a', 'c', 'e', 'é', '\u{1b}',
        ])
        .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::F(1),
            KeyCode::Delete,
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    let kind = prop::sample::select(vec![
        KeyEventKind::Press,
        KeyEventKind::Press,
        KeyEventKind::Press,
        KeyEventKind::Release,
        KeyEventKind::Repeat,
    ]);
    (code, modifiers, kind).prop_map(|(code, modifiers, kind)| {
        let mut key = KeyEvent::new(code, modifiers);
        key.kind = kind;
        Event::Key(key)
    })
}

fn mouse_event() -> impl Strategy<Value = Event> {
    let kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollDown,
        MouseEventKind::Moved,
    ]);
    (kind, 0u16..300, 0u16..100).prop_map(|(kind, column, row)| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => action().prop_map(Step::Action),
        3 => key_event().prop_map(Step::Event),
        1 => mouse_event().prop_map(Step::Event),
        1 => size().prop_map(|(w, h)| Step::Event(Event::Resize(w, h))),
    ]
}

/// Everything that must hold after any step.
fn check_invariants(app: &App, data: &DataSet, what: &str) {
    assert!(
        app.left < data.roles.len() && app.right < data.roles.len(),
        "{what}"
    );
    assert_eq!(
        app.comparison(),
        &app.comparator().compare(app.left, app.right, &app.filter),
        "{what}: the cached comparison is stale"
    );
    if app.rows().is_empty() {
        assert_eq!(app.cursor, 0, "{what}");
    } else {
        assert!(
            app.cursor < app.rows().len(),
            "{what}: cursor past the list"
        );
        if app.rows().iter().any(|r| matches!(r, Row::Task { .. })) {
            assert!(app.is_task_row(app.cursor), "{what}: cursor on a heading");
        }
        let height = app.visible_rows();
        if height > 0 {
            assert!(app.scroll <= app.cursor, "{what}: cursor above the view");
            assert!(
                app.cursor < app.scroll + height,
                "{what}: cursor below the view"
            );
            assert!(
                app.scroll <= app.rows().len().saturating_sub(1),
                "{what}: scroll past the list"
            );
        }
    }
    for row in app.rows() {
        if let Row::Task { left, right, .. } = *row {
            let fits = |side: Side, cell: Option<usize>| {
                cell.is_none_or(|i| i < data.roles[app.role(side)].tasks.len())
            };
            assert!(fits(Side::Left, left) && fits(Side::Right, right), "{what}");
        }
    }
    if let Some(landscape) = &app.landscape {
        let roles = data.roles.len();
        assert!(
            landscape.row < roles && landscape.column < roles,
            "{what}: landscape cell outside the matrix"
        );
    }
    match &app.popup {
        Some(Popup::Choice(choice)) => {
            assert!(choice.cursor < choice.items.len().max(1), "{what}");
        }
        Some(Popup::RolePicker(picker)) => {
            assert!(picker.cursor < picker.matches.len().max(1), "{what}");
            assert!(
                picker.matches.iter().all(|&r| r < data.roles.len()),
                "{what}"
            );
        }
        _ => {}
    }
}

proptest! {
    // PROPTEST_CASES raises the number of cases (docs/reliability.md).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn any_sequence_on_any_size_keeps_the_state_sound(
        shape in shape(),
        start in size(),
        lang in prop::sample::select(vec![Lang::En, Lang::Fr]),
        steps in prop::collection::vec(step(), 0..60),
    ) {
        let data = build(&shape);
        let (left, right) = default_roles(&data);
        let (width, height) = start;
        let mut app = App::new(
            &data, left, right, lang, Styles::new(true), Rect::new(0, 0, width, height),
        );
        check_invariants(&app, &data, "start");
        draw(&app, width, height);
        for (i, step) in steps.iter().enumerate() {
            let action = match step {
                Step::Action(action) => Some(*action),
                Step::Event(event) => to_action(&app, event),
            };
            let Some(action) = action else { continue };
            let closes = matches!(action, Action::ClosePopup)
                || (matches!(action, Action::PopupConfirm)
                    && !matches!(app.popup, Some(Popup::RolePicker(_))));
            update(&mut app, action);
            let what = format!("step {i}: {action:?}");
            if closes {
                prop_assert!(app.popup.is_none(), "{what}: the popup stayed open");
            }
            check_invariants(&app, &data, &what);
            // Render at the size the state believes in, as the event loop does.
            draw(&app, app.area.width, app.area.height);
        }
    }
}
