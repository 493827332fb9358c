//! The role picker (`r`): type to filter, `Enter` to choose.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use rolediff::text::sanitize;

use crate::action::Side;
use crate::app::{App, RolePicker};
use crate::keymap::Context;
use crate::ui::popup_help::hint_line;
use crate::ui::{ReaderGeometry, centered, popup_frame, put, scroll_marks};

/// Roles shown at once.
pub fn geometry(app: &App) -> ReaderGeometry {
    let height = (app.data.roles.len().min(20) as u16 + 5).min(app.area.height);
    ReaderGeometry::new(app.data.roles.len(), height.saturating_sub(4))
}

/// Draws the popup over `area`.
pub fn render(app: &App, picker: &RolePicker, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let theme = &app.theme;
    let title = match picker.side {
        Side::Left => s.pick_left,
        Side::Right => s.pick_right,
    };
    let height = app.data.roles.len().min(20) as u16 + 5;
    let outer = centered(area, 70, height);
    let inner = popup_frame(app, outer, title, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let query = sanitize(&picker.query);
    let used = put(buf, inner.x + 1, inner.y, "› ", 2, theme.key());
    let typed = put(
        buf,
        inner.x + 1 + used,
        inner.y,
        &query,
        inner.width.saturating_sub(4),
        theme.input(),
    );
    put(
        buf,
        inner.x + 1 + used + typed,
        inner.y,
        "▏",
        1,
        theme.input(),
    );

    let list_top = inner.y + 1;
    let list_height = usize::from(inner.height - 2);
    if picker.matches.is_empty() {
        put(
            buf,
            inner.x + 1,
            list_top,
            s.no_match,
            inner.width - 1,
            theme.dim(),
        );
    }
    let first = picker.cursor.saturating_sub(list_height.saturating_sub(1));
    scroll_marks(
        app,
        outer,
        first,
        picker.matches.len().saturating_sub(first + list_height),
        buf,
    );
    for (line, &role) in picker
        .matches
        .iter()
        .enumerate()
        .skip(first)
        .take(list_height)
    {
        let y = list_top + (line - first) as u16;
        let style = if line == picker.cursor {
            theme.popup_cursor()
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let data_role = &app.data.roles[role];
        // Where the role already is, so the choice is made knowingly.
        let place = if role == app.left {
            format!("  ({})", s.left)
        } else if role == app.right {
            format!("  ({})", s.right)
        } else {
            String::new()
        };
        let aliases: Vec<String> = data_role
            .aliases
            .iter()
            .map(|a| sanitize(a).into_owned())
            .collect();
        let aka = if aliases.is_empty() {
            String::new()
        } else {
            format!(" — {}", aliases.join(", "))
        };
        let name = app.role_name(role);
        let used = put(
            buf,
            inner.x + 1,
            y,
            &name,
            inner.width - 1,
            style.patch(Style::new().add_modifier(ratatui::style::Modifier::BOLD)),
        );
        let rest = format!("  {}{aka}{place}", sanitize(&data_role.id));
        put(
            buf,
            inner.x + 1 + used,
            y,
            &rest,
            inner.width.saturating_sub(1 + used),
            theme.dim().patch(style),
        );
    }
    hint_line(
        app,
        Context::RolePicker,
        Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
        buf,
    );
}
