//! The reading popups (details `Enter`, disputes `d`, the roles whole `i`): lines of
//! text in a centred frame, scrolled, with marks for what is above and below and the
//! reader's key hint. Each popup only says what its lines are and how wide it is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::keymap::Context;
use crate::ui::{ReaderGeometry, centered, popup_frame, popup_help::hint_line, scroll_marks};

/// How a reading popup is laid out.
pub struct TextPopup {
    /// Its width over the screen's area.
    pub width: fn(Rect) -> u16,
    /// Whether wrapped lines lose their leading spaces (off for text that indents its
    /// own continuation lines).
    pub trim: bool,
}

impl TextPopup {
    /// The columns of text inside the popup over `area` (its borders and margins off).
    pub fn text_width(&self, area: Rect) -> usize {
        usize::from((self.width)(area).saturating_sub(4).max(1))
    }

    /// The frame and the number of lines once wrapped (near enough: word wrapping may
    /// take a line more), for `area`.
    fn frame(&self, lines: &[Line], area: Rect) -> (Rect, usize) {
        let text_width = self.text_width(area);
        let wrapped: usize = lines
            .iter()
            .map(|l| l.width().div_ceil(text_width).max(1))
            .sum();
        let height = (wrapped as u16 + 3).min(area.height.saturating_sub(2));
        (centered(area, (self.width)(area), height), wrapped)
    }

    /// Lines shown at once and the largest scroll, for `lines` on the app's screen.
    pub fn geometry(&self, app: &App, lines: &[Line]) -> ReaderGeometry {
        let (outer, wrapped) = self.frame(lines, app.area);
        ReaderGeometry::new(wrapped, outer.height.saturating_sub(3))
    }

    /// Draws `lines` under `title` over `area`, scrolled by `scroll` lines.
    pub fn render(
        &self,
        app: &App,
        title: &str,
        lines: Vec<Line<'static>>,
        scroll: u16,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (outer, wrapped) = self.frame(&lines, area);
        let inner = popup_frame(app, outer, title, buf);
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
            .wrap(Wrap { trim: self.trim })
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
}
