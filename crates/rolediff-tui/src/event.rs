//! Terminal events → actions. Keys go through the key table; mouse events are routed
//! by position with the same layout the screen was drawn with.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::Action;
use crate::app::App;
use crate::layout;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i16 = 3;

/// The action an event means in the current state, if any.
pub fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        // Ctrl-C quits from anywhere, whatever the config says (it refuses to bind
        // Ctrl-C elsewhere): the way out is never taken away.
        Event::Key(key)
            if key.kind == KeyEventKind::Press
                && key.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(key.code, KeyCode::Char('c' | 'C')) =>
        {
            Some(Action::Quit)
        }
        Event::Key(key) => app.keymap.action_for(app.context(), *key),
        Event::Mouse(mouse) => mouse_action(app, mouse),
        Event::Paste(text) => Some(Action::Paste(crate::action::Pasted::new(text))),
        Event::Resize(width, height) => {
            let area = crate::terminal::capped(*width, *height);
            Some(Action::Resize(area.width, area.height))
        }
        _ => None,
    }
}

fn mouse_action(app: &App, mouse: &MouseEvent) -> Option<Action> {
    let popup_open = app.popup.is_some();
    // In the landscape the wheel moves over its rows and a click picks a cell.
    let landscape = !popup_open && app.landscape.is_some();
    match mouse.kind {
        MouseEventKind::ScrollDown if landscape => Some(Action::CursorDown),
        MouseEventKind::ScrollUp if landscape => Some(Action::CursorUp),
        MouseEventKind::Down(MouseButton::Left) if landscape => {
            let (row, column) = crate::layout::landscape_cell_at(app, mouse.column, mouse.row)?;
            Some(Action::SelectCell(row, column))
        }
        MouseEventKind::ScrollDown if popup_open => Some(Action::PopupDown),
        MouseEventKind::ScrollUp if popup_open => Some(Action::PopupUp),
        MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
        MouseEventKind::Down(MouseButton::Left) if !popup_open => {
            let screen = layout::screen(app.area);
            if screen.too_small {
                return None;
            }
            let side = screen.pane_at(mouse.column, mouse.row);
            // The row drawn there (wrapped rows take several lines); the pinned heading
            // covers the first line, and a click there selects nothing.
            let row = screen
                .row_at(mouse.column, mouse.row)
                .and_then(|line| layout::row_on_line(app, &screen, line));
            match (side, row) {
                (Some(side), Some(row)) => Some(Action::SelectRow(side, row)),
                (Some(side), None) => Some(Action::Activate(side)),
                (None, Some(row)) => Some(Action::SelectRow(app.active, row)),
                (None, None) => None,
            }
        }
        _ => None,
    }
}
