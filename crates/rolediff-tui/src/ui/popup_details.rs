//! The task details popup (`Enter`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::ui::reader::TextPopup;
use crate::ui::{ReaderGeometry, details};

/// Four fifths of the screen, 20 to 90 columns.
const POPUP: TextPopup = TextPopup {
    width: |area| (area.width * 4 / 5).clamp(20, 90),
    trim: true,
};

/// Lines shown at once and the largest scroll.
pub fn geometry(app: &App) -> ReaderGeometry {
    POPUP.geometry(app, &details::lines(app))
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    POPUP.render(
        app,
        app.strings().details,
        details::lines(app),
        scroll,
        area,
        buf,
    );
}
