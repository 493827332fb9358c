//! The theme filter (`t`) and source filter (`f`) popups.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rolediff::text::{sanitize, width};

use crate::app::{App, ChoiceKind, ChoicePopup};
use crate::keymap::Context;
use crate::ui::popup_help::hint_line;
use crate::ui::{ReaderGeometry, centered, popup_frame, put, scroll_marks};

/// Items shown at once.
pub fn geometry(app: &App, choice: &ChoicePopup) -> ReaderGeometry {
    let height = (choice.items.len() as u16 + 4).min(app.area.height);
    ReaderGeometry::new(choice.items.len(), height.saturating_sub(3))
}

/// Draws the popup over `area`.
pub fn render(app: &App, choice: &ChoicePopup, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let theme = &app.theme;
    let (title, names): (&str, Vec<String>) = match choice.kind {
        ChoiceKind::Themes => (
            s.theme_filter,
            choice
                .items
                .iter()
                .map(|i| app.theme_label(i.index))
                .collect(),
        ),
        ChoiceKind::Sources => (
            s.source_filter,
            choice
                .items
                .iter()
                .map(|i| {
                    let source = &app.data.sources[i.index];
                    format!("{} — {}", sanitize(&source.id), sanitize(&source.title))
                })
                .collect(),
        ),
    };
    let counts: Vec<String> = choice
        .items
        .iter()
        .map(|i| format!("L {:>2} · R {:>2}", i.counts.0, i.counts.1))
        .collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0).min(60);
    let count_width = counts.iter().map(|c| width(c)).max().unwrap_or(0);
    let content = (4 + name_width + 2 + count_width).max(50) as u16;
    let outer = centered(area, content + 4, choice.items.len() as u16 + 4);
    let inner = popup_frame(app, outer, title, buf);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let list_height = usize::from(inner.height - 1);
    // Keep the cursor in view without storing a scroll: start where it must.
    let first = choice.cursor.saturating_sub(list_height.saturating_sub(1));
    scroll_marks(
        app,
        outer,
        first,
        choice.items.len().saturating_sub(first + list_height),
        buf,
    );
    for (line, item) in choice
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(list_height)
    {
        let y = inner.y + (line - first) as u16;
        let style = if line == choice.cursor {
            theme.popup_cursor()
        } else {
            ratatui::style::Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let check = if item.chosen { "[x] " } else { "[ ] " };
        let check_style = if item.chosen {
            theme.filter().patch(style)
        } else {
            style
        };
        put(buf, inner.x + 1, y, check, 4, check_style);
        let count = &counts[line];
        let count_x = inner.x + inner.width.saturating_sub(width(count) as u16 + 1);
        put(
            buf,
            inner.x + 5,
            y,
            &names[line],
            count_x.saturating_sub(inner.x + 6),
            style,
        );
        put(
            buf,
            count_x,
            y,
            count,
            inner.width,
            theme.dim().patch(style),
        );
    }
    hint_line(
        app,
        Context::Choice,
        Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
        buf,
    );
}
