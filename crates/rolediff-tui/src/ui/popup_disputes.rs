//! The disputes popup (`d`): every task of the two roles shown that one source states
//! and another contests, with who says what.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use rolediff::model::SourceIdx;
use rolediff::report::{axis_text, disputes};
use rolediff::text::{sanitize, wrap};

use crate::app::App;
use crate::keymap::Context;
use crate::ui::{ReaderGeometry, centered, popup_frame, popup_help::hint_line, scroll_marks};

/// The lines of the popup: per role (left, then right) its disputed tasks.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let s = app.strings();
    let theme = &app.theme;
    let data = app.data;
    let ids = |list: &[SourceIdx]| {
        list.iter()
            .map(|&i| sanitize(&data.sources[i].id).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    let roles = if app.left == app.right {
        vec![app.left]
    } else {
        vec![app.left, app.right]
    };
    for role in roles {
        let found = disputes(data, Some(role), &app.filter);
        if found.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(
            app.role_name(role),
            theme
                .role(role == app.left)
                .add_modifier(Modifier::UNDERLINED),
        ));
        for dispute in found {
            let entry = dispute.entry(data);
            let task = &data.tasks[entry.task];
            out.push(Line::from(vec![
                Span::styled("! ", theme.contested()),
                Span::styled(
                    app.task_label(entry.task),
                    theme.title().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!(
                        "  {}",
                        crate::numbers::local(app.lang, &axis_text(task.axis))
                    ),
                    theme.dim(),
                ),
            ]));
            out.push(Line::from(vec![
                Span::styled(format!("  {}{}", s.stated_by, s.colon), theme.field()),
                Span::raw(ids(&entry.sources)),
            ]));
            out.push(Line::from(vec![
                Span::styled(format!("  {}{}", s.contested_by, s.colon), theme.field()),
                Span::raw(ids(&entry.contested_by)),
            ]));
            if let Some(note) = &entry.note {
                // Wrapped here, not by the paragraph, so that the note hangs under its
                // label and the popup knows its exact height.
                let label = format!("{}{}", s.note, s.colon);
                let text = format!("{label}{}", sanitize(note.get(app.lang)));
                let width = text_width(app.area).saturating_sub(4);
                for (i, line) in wrap(&text, width).into_iter().enumerate() {
                    let label_part = label.trim_end();
                    out.push(match line.strip_prefix(label_part) {
                        Some(rest) if i == 0 => Line::from(vec![
                            Span::raw("  "),
                            Span::styled(label_part.to_owned(), theme.field()),
                            Span::raw(rest.to_owned()),
                        ]),
                        _ => Line::raw(format!("    {line}")),
                    });
                }
            }
        }
    }
    if out.is_empty() {
        out.push(Line::styled(s.no_disputes, theme.dim()));
    }
    out
}

/// The popup's width over `area`.
fn popup_width(area: Rect) -> u16 {
    (area.width * 9 / 10).clamp(20, 100)
}

/// The columns of text inside the popup (its borders and margins taken off).
fn text_width(area: Rect) -> usize {
    usize::from(popup_width(area).saturating_sub(4).max(1))
}

/// The frame and the number of lines once wrapped (near enough: word wrapping may
/// take a line more), for `area`.
fn frame(lines: &[Line], area: Rect) -> (Rect, usize) {
    let width = popup_width(area);
    let text_width = text_width(area);
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
    let inner = popup_frame(app, outer, app.strings().disputes, buf);
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
        .wrap(Wrap { trim: false })
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
