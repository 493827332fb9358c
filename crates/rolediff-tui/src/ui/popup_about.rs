//! The two roles whole (`i`): names, ids, aliases and summaries, which the panes cut
//! to the room they have.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use rolediff::text::sanitize;

use crate::app::App;
use crate::numbers::integer;
use crate::ui::ReaderGeometry;
use crate::ui::reader::TextPopup;

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

/// Four fifths of the screen, 20 to 90 columns.
const POPUP: TextPopup = TextPopup {
    width: |area| (area.width * 4 / 5).clamp(20, 90),
    trim: true,
};

/// Lines shown at once and the largest scroll.
pub fn geometry(app: &App) -> ReaderGeometry {
    POPUP.geometry(app, &lines(app))
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    POPUP.render(app, app.strings().about, lines(app), scroll, area, buf);
}
