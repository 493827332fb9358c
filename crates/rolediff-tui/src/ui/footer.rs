//! The footer: the most useful keys, or the text filter being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use rolediff::text::{sanitize, width};

use crate::app::App;
use crate::keymap::Context;
use crate::ui::popup_help::hint_line;

/// Draws the footer line.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if !app.searching {
        hint_line(app, app.context(), area, buf);
        return;
    }
    let prompt = format!(" /{} ", app.strings().search);
    let query = sanitize(&app.filter.query).into_owned();
    let used = width(&prompt) + width(&query) + 2;
    Line::from(vec![
        Span::styled(prompt, app.theme.key()),
        Span::styled(query, app.theme.input()),
        Span::styled("▏", app.theme.input()),
    ])
    .render(area, buf);
    let rest = area.width.saturating_sub(used as u16 + 2);
    hint_line(
        app,
        Context::Search,
        Rect::new(area.x + area.width - rest, area.y, rest, 1),
        buf,
    );
}
