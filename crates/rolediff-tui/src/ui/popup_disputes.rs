//! The disputes popup (`d`): every task of the two roles shown that one source states
//! and another contests, with who says what.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use rolediff::model::SourceIdx;
use rolediff::report::{axis_text, disputes};
use rolediff::text::{sanitize, wrap};

use crate::app::App;
use crate::ui::ReaderGeometry;
use crate::ui::reader::TextPopup;

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
                let width = POPUP.text_width(app.area).saturating_sub(4);
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

/// Nine tenths of the screen, 20 to 100 columns; notes indent their own continuation
/// lines, so wrapped lines keep their leading spaces.
const POPUP: TextPopup = TextPopup {
    width: |area| (area.width * 9 / 10).clamp(20, 100),
    trim: false,
};

/// Lines shown at once and the largest scroll.
pub fn geometry(app: &App) -> ReaderGeometry {
    POPUP.geometry(app, &lines(app))
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    POPUP.render(app, app.strings().disputes, lines(app), scroll, area, buf);
}
