//! The task details popup (`Enter`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::keymap::Context;
use crate::ui::{
    ReaderGeometry, centered, details, popup_frame, popup_help::hint_line, scroll_marks,
};

/// The frame and the number of lines once wrapped (near enough: word wrapping may
/// take a line more), for `area`.
fn frame(lines: &[Line], area: Rect) -> (Rect, usize) {
    let width = (area.width * 4 / 5).clamp(20, 90);
    let text_width = usize::from(width.saturating_sub(4).max(1));
    let wrapped: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(text_width).max(1))
        .sum();
    let height = (wrapped as u16 + 3).min(area.height.saturating_sub(2));
    (centered(area, width, height), wrapped)
}

/// Lines shown at once and the largest scroll.
pub fn geometry(app: &App) -> ReaderGeometry {
    let lines = details::lines(app);
    let (outer, wrapped) = frame(&lines, app.area);
    ReaderGeometry::new(wrapped, outer.height.saturating_sub(3))
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = details::lines(app);
    let (outer, wrapped) = frame(&lines, area);
    let inner = popup_frame(app, outer, app.strings().details, buf);
    if inner.height < 2 {
        return;
    }
    let body = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height - 1,
    );
    let scroll = scroll.min((wrapped as u16).saturating_sub(body.height));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .scroll((scroll, 0))
        .render(body, buf);
    scroll_marks(
        app,
        outer,
        usize::from(scroll),
        wrapped.saturating_sub(usize::from(scroll + body.height)),
        buf,
    );
    hint_line(
        app,
        Context::Reader,
        Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
        buf,
    );
}
