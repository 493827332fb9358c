//! Any sequence of key, mouse and resize events on any terminal size, each followed by
//! a render: no panic, and the cursor stays inside the list.
//!
//! The interface is its own crate (`rolediff-tui`), imported like any library.
#![no_main]

use rolediff_tui as tui;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use rolediff::lang::Lang;
use rolediff::model::DataSet;

/// The bundled data, and the hostile text fixtures (escapes, wide text).
fn data_sets() -> &'static [DataSet] {
    static DATA: OnceLock<Vec<DataSet>> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut sets = vec![rolediff::model::load_bundled().expect("bundled data loads")];
        for (name, text) in [
            (
                "escapes.yaml",
                include_str!("../../tests/fixtures/hostile/text/escapes.yaml"),
            ),
            (
                "wide.yaml",
                include_str!("../../tests/fixtures/hostile/text/wide.yaml"),
            ),
        ] {
            sets.push(rolediff::model::load_text(name, text).expect("fixture loads"));
        }
        sets
    })
}

const KEYS: &[KeyCode] = &[
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
];

/// One event from two bytes.
fn event(kind: u8, value: u8) -> Event {
    let modifiers = match kind >> 5 {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::ALT,
        _ => KeyModifiers::NONE,
    };
    match kind % 8 {
        0..=2 => Event::Key(KeyEvent::new(KeyCode::Char(char::from(value)), modifiers)),
        3 | 4 => Event::Key(KeyEvent::new(
            KEYS[usize::from(value) % KEYS.len()],
            modifiers,
        )),
        5 => {
            let mut key = KeyEvent::new(KEYS[usize::from(value) % KEYS.len()], modifiers);
            key.kind = KeyEventKind::Release;
            Event::Key(key)
        }
        6 => Event::Mouse(MouseEvent {
            kind: match value % 4 {
                0 => MouseEventKind::ScrollUp,
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::Down(MouseButton::Left),
            },
            column: u16::from(value),
            row: u16::from(value / 3),
            modifiers: KeyModifiers::NONE,
        }),
        _ => Event::Resize(u16::from(value), u16::from(kind) / 2),
    }
}

fuzz_target!(|bytes: &[u8]| {
    let [which, width, height, rest @ ..] = bytes else {
        return;
    };
    let sets = data_sets();
    let data = &sets[usize::from(*which) % sets.len()];
    let (left, right) = rolediff::model::default_roles(data);
    let lang = if which & 0x80 == 0 {
        Lang::En
    } else {
        Lang::Fr
    };
    let area = Rect::new(0, 0, u16::from(*width), u16::from(*height) / 2);
    let mut app = tui::app::App::new(data, left, right, lang, tui::theme::Theme::new(true), area);
    for pair in rest.chunks_exact(2).take(200) {
        let Some(action) = tui::event::to_action(&app, &event(pair[0], pair[1])) else {
            continue;
        };
        tui::update::update(&mut app, action);
        if !app.rows.is_empty() {
            assert!(app.cursor < app.rows.len());
            let height = app.visible_rows();
            if height > 0 {
                assert!(app.scroll <= app.cursor && app.cursor < app.scroll + height);
            }
        }
        let mut terminal =
            Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .expect("draw");
    }
});
