//! The message shown instead of a broken layout when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};

/// "terminal too small — need W×H (now w×h)", wrapped to whatever room there is.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let lines = vec![
        Line::styled(
            format!("{} {MIN_WIDTH}×{MIN_HEIGHT}", s.too_small),
            app.theme.warning(),
        ),
        Line::styled(format!("({}×{})", area.width, area.height), app.theme.dim()),
    ];
    let height = (lines.len() as u16).min(area.height);
    let y = area.y + (area.height - height) / 2;
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(
            Rect::new(area.x, y, area.width, area.height - (y - area.y)),
            buf,
        );
}
