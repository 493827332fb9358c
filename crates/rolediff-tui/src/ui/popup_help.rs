//! The help popup (`?`): every binding of the key table, by context, and the legend.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use rolediff::text::width;

use crate::app::App;
use crate::keymap::{self, Context};
use crate::ui::{ReaderGeometry, centered, popup_frame, scroll_marks};

/// The lines of the popup: every binding by context, then the legend.
fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let key_width = app
        .keymap
        .all()
        .map(|b| width(&b.keys_display(app.lang)))
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
                    format!("  {:<key_width$}  ", binding.keys_display(app.lang)),
                    theme.key(),
                ),
                Span::raw(binding.describe(app.lang)),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(app.strings().legend, theme.dim()));
    for note in app.strings().help_notes {
        lines.push(Line::styled(*note, theme.dim()));
    }
    lines
}

/// The popup's frame for `lines` in `area`.
fn outer(lines: &[Line], area: Rect) -> Rect {
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    centered(area, content_width + 4, lines.len() as u16 + 3)
}

/// Lines shown at once and the largest scroll.
pub fn geometry(app: &App) -> ReaderGeometry {
    let lines = lines(app);
    let body = outer(&lines, app.area).height.saturating_sub(3);
    ReaderGeometry::new(lines.len(), body)
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let total = lines.len();
    let outer = outer(&lines, area);
    let inner = popup_frame(app, outer, app.strings().help, buf);
    if inner.height < 2 {
        return;
    }
    // Never scroll past the last line; a line too long for a narrow terminal ends in
    // `…` rather than mid-word.
    let body_height = inner.height - 1;
    let scroll = scroll.min((total as u16).saturating_sub(body_height));
    let room = usize::from(inner.width.saturating_sub(1));
    let lines: Vec<Line> = lines.into_iter().map(|l| cut_line(l, room)).collect();
    Paragraph::new(lines).scroll((scroll, 0)).render(
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(1),
            body_height,
        ),
        buf,
    );
    scroll_marks(
        app,
        outer,
        usize::from(scroll),
        total.saturating_sub(usize::from(scroll + body_height)),
        buf,
    );
    hint_line(
        app,
        Context::Reader,
        Rect::new(inner.x, inner.y + body_height, inner.width, 1),
        buf,
    );
}

/// `line` cut with `…` to `room` columns, its spans' styles kept.
fn cut_line(line: Line<'static>, room: usize) -> Line<'static> {
    if line.width() <= room {
        return line;
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let left = room.saturating_sub(used);
        if left == 0 {
            break;
        }
        let w = width(&span.content);
        if w < left {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = rolediff::text::truncate(&span.content, left).into_owned();
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(line.style)
}

/// A line of key hints for `context`: the kept ones (help, the way out) always, the
/// others in the table's order as room allows.
pub fn hint_line(app: &App, context: Context, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let hints: Vec<(String, &str, bool)> = keymap::hints(context)
        .iter()
        .filter(|hint| hint.actions.iter().any(|&a| app.can(a)))
        .map(|hint| {
            (
                hint.keys(&app.keymap, context, app.lang),
                hint.word(app.lang),
                hint.keep,
            )
        })
        .filter(|(keys, _, _)| !keys.is_empty())
        .collect();
    // Each hint takes its keys, a space, its word, and two spaces before it but the first.
    let needed = |keys: &str, word: &str| width(keys) + 1 + width(word);
    let mut reserved: usize = hints
        .iter()
        .filter(|h| h.2)
        .map(|(k, w, _)| 2 + needed(k, w))
        .sum();
    let room = usize::from(area.width).saturating_sub(1) + 2;
    let mut used = 0;
    let mut full = false;
    let mut spans = vec![Span::raw(" ")];
    for (keys, word, keep) in hints {
        let cost = 2 + needed(&keys, word);
        if keep {
            reserved -= cost;
        } else if full || used + cost + reserved > room {
            // The rest are less useful than the one that did not fit: the line stays in
            // the table's order of usefulness.
            full = true;
            continue;
        }
        if used + cost > room {
            break;
        }
        if used > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {word}"), theme.dim()));
        used += cost;
    }
    Line::from(spans).render(area, buf);
}
