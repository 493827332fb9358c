//! The help popup (`?`): every binding of the key table, by context, and the legend.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use rolediff::text::width;

use crate::app::App;
use crate::keymap::{self, Context};
use crate::ui::{centered, popup_frame};

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let key_width = app
        .keymap
        .all()
        .map(|b| width(&b.keys_display()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(app.lang), theme.field()));
        for binding in app.keymap.bindings(context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<key_width$}  ", binding.keys_display()),
                    theme.key(),
                ),
                Span::raw(binding.describe(app.lang)),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(app.strings().legend, theme.dim()));
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let outer = centered(area, content_width + 4, lines.len() as u16 + 3);
    let inner = popup_frame(app, outer, app.strings().help, buf);
    if inner.height < 2 {
        return;
    }
    // Never scroll past the last line.
    let body_height = inner.height - 1;
    let max_scroll = (lines.len() as u16).saturating_sub(body_height);
    Paragraph::new(lines)
        .scroll((scroll.min(max_scroll), 0))
        .render(
            Rect::new(
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(1),
                body_height,
            ),
            buf,
        );
    hint_line(
        app,
        Context::Reader,
        Rect::new(inner.x, inner.y + body_height, inner.width, 1),
        buf,
    );
}

/// A line of key hints for `context`, as many as fit in `area`.
pub fn hint_line(app: &App, context: Context, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for hint in keymap::hints(context) {
        let keys = hint.keys(&app.keymap, context);
        if keys.is_empty() {
            continue;
        }
        let word = hint.word(app.lang);
        let gap = if used > 1 { 2 } else { 0 };
        let needed = gap + width(&keys) + 1 + width(word);
        if used + needed > usize::from(area.width) {
            break;
        }
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {word}"), theme.dim()));
        used += needed;
    }
    Line::from(spans).render(area, buf);
}
