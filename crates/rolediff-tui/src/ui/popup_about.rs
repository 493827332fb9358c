//! The two roles whole (`i`): names, ids, aliases and summaries, which the panes cut
//! to the room they have.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use rolediff::text::sanitize;

use crate::app::App;
use crate::keymap::Context;
use crate::numbers::integer;
use crate::ui::{ReaderGeometry, centered, popup_frame, popup_help::hint_line, scroll_marks};

/// The lines of the popup: the left role, then the right one.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let s = app.strings();
    let theme = &app.theme;
    let mut out = Vec::new();
    for (role, style) in [
        (app.left, theme.left_role()),
        (app.right, theme.right_role()),
    ] {
        let data = &app.data.roles[role];
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(vec![
            Span::styled(
                app.role_name(role),
                style.add_modifier(Modifier::UNDERLINED),
            ),
            Span::styled(format!("  ({})", sanitize(&data.id)), theme.dim()),
        ]));
        if !data.aliases.is_empty() {
            let aliases: Vec<String> = data
                .aliases
                .iter()
                .map(|a| sanitize(a).into_owned())
                .collect();
            out.push(Line::from(vec![
                Span::styled(format!("{}{}", s.aka, s.colon), theme.field()),
                Span::raw(aliases.join(", ")),
            ]));
        }
        out.push(Line::from(vec![
            Span::styled(format!("{}{}", s.tasks_count, s.colon), theme.field()),
            Span::raw(integer(app.lang, data.tasks.len())),
        ]));
        if let Some(summary) = &data.summary {
            out.push(Line::raw(sanitize(summary.get(app.lang)).into_owned()));
        }
    }
    out
}

/// The frame and the number of lines once wrapped (near enough), for `area`.
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
    let lines = lines(app);
    let (outer, wrapped) = frame(&lines, app.area);
    ReaderGeometry::new(wrapped, outer.height.saturating_sub(3))
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let (outer, wrapped) = frame(&lines, area);
    let inner = popup_frame(app, outer, app.strings().about, buf);
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
