//! Drawing the state. Every function here reads the [`App`] and writes a buffer; none
//! changes state or loads data. All text from the data goes through
//! [`rolediff::text::sanitize`] before it reaches the screen.

mod axis;
mod details;
mod footer;
mod header;
pub(crate) mod landscape;
mod panes;
mod popup_about;
mod popup_choice;
mod popup_details;
mod popup_disputes;
mod popup_help;
mod popup_roles;
mod reader;
mod too_small;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use rolediff::model::{RoleIdx, TaskIdx};
use rolediff::text::{sanitize, truncate};

use crate::app::{App, Popup};
use crate::layout;
use crate::strings::{Strings, strings};

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let screen = layout::screen(area);
        if screen.too_small {
            too_small::render(self, area, buf);
            return;
        }
        if let Some(view) = &self.landscape {
            landscape::render(self, view, layout::landscape_area(area, &screen), buf);
        } else {
            header::render(self, screen.header, buf);
            panes::render(self, &screen, buf);
            axis::render(self, screen.axis, buf);
            // With the details popup open, the panel would say the same thing twice.
            if let Some(panel) = screen.side_panel
                && !matches!(self.popup, Some(Popup::Details(_)))
            {
                details::render_panel(self, panel, buf);
            }
        }
        footer::render(self, screen.footer, buf);
        match &self.popup {
            None => {}
            Some(Popup::Details(scroll)) => popup_details::render(self, *scroll, area, buf),
            Some(Popup::Choice(choice)) => popup_choice::render(self, choice, area, buf),
            Some(Popup::RolePicker(picker)) => popup_roles::render(self, picker, area, buf),
            Some(Popup::Help(scroll)) => popup_help::render(self, *scroll, area, buf),
            Some(Popup::Disputes(scroll)) => popup_disputes::render(self, *scroll, area, buf),
            Some(Popup::About(scroll)) => popup_about::render(self, *scroll, area, buf),
        }
    }
}

impl App<'_> {
    /// The interface's words in the current language.
    pub fn strings(&self) -> &'static Strings {
        strings(self.lang)
    }

    /// A role's name, safe to print.
    pub fn role_name(&self, role: RoleIdx) -> String {
        sanitize(self.data.roles[role].name.get(self.lang)).into_owned()
    }

    /// A task's label, safe to print.
    pub fn task_label(&self, task: TaskIdx) -> String {
        sanitize(self.data.tasks[task].label.get(self.lang)).into_owned()
    }

    /// A theme's label, safe to print.
    pub fn theme_label(&self, theme: usize) -> String {
        sanitize(self.data.themes[theme].label.get(self.lang)).into_owned()
    }
}

/// Writes `text` at (x, y), cut with `…` to `max` columns; returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    if max == 0 {
        return 0;
    }
    let cut = truncate(text, usize::from(max));
    let (end, _) = buf.set_stringn(x, y, &cut, usize::from(max), style);
    end.saturating_sub(x)
}

/// Two names cut with `…` so that together they take at most `room` columns; a name
/// shorter than half the room leaves what it does not use to the other.
pub fn fit_pair(a: &str, b: &str, room: usize) -> (String, String) {
    let half = room / 2;
    let (wa, wb) = (rolediff::text::width(a), rolediff::text::width(b));
    let (room_a, room_b) = if wa <= half {
        (wa, room - wa)
    } else if wb <= room - half {
        (room - wb, wb)
    } else {
        (half, room - half)
    };
    (
        truncate(a, room_a).into_owned(),
        truncate(b, room_b).into_owned(),
    )
}

/// A centred rectangle of at most `width` × `height`, inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Clears `area` and draws a popup frame titled `title`; returns the inside.
pub fn popup_frame(app: &App, area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.popup_border())
        .title(format!(" {title} "));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// How a popup scrolls: lines (or list items) shown at once, and the largest scroll of
/// a reading popup. `update` pages and jumps to the end with it, so that a scroll never
/// passes the last line.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReaderGeometry {
    /// Lines or items shown at once.
    pub page: usize,
    /// Largest scroll (reading popups).
    pub last: usize,
}

impl ReaderGeometry {
    /// `total` lines in a body `shown` lines high.
    pub fn new(total: usize, shown: u16) -> Self {
        Self {
            page: usize::from(shown),
            last: total.saturating_sub(usize::from(shown)),
        }
    }
}

/// The geometry of the open popup at the current size.
pub fn popup_geometry(app: &App) -> ReaderGeometry {
    match &app.popup {
        Some(Popup::Help(_)) => popup_help::geometry(app),
        Some(Popup::Details(_)) => popup_details::geometry(app),
        Some(Popup::Disputes(_)) => popup_disputes::geometry(app),
        Some(Popup::About(_)) => popup_about::geometry(app),
        Some(Popup::Choice(choice)) => popup_choice::geometry(app, choice),
        Some(Popup::RolePicker(_)) => popup_roles::geometry(app),
        None => ReaderGeometry::default(),
    }
}

/// Writes `↑ 3 more` on the top border and `↓ 5 more` on the bottom border of a popup
/// whose list hides lines above or below: a cut list says it is cut.
pub fn scroll_marks(app: &App, outer: Rect, above: usize, below: usize, buf: &mut Buffer) {
    if outer.height < 3 || outer.width < 16 {
        return;
    }
    let more = app.strings().more;
    let style = app.theme.popup_border();
    for (count, arrow, y) in [
        (above, '↑', outer.y),
        (below, '↓', outer.y + outer.height - 1),
    ] {
        if count == 0 {
            continue;
        }
        let text = format!(
            " {arrow} {} {more} ",
            crate::numbers::integer(app.lang, count)
        );
        let w = rolediff::text::width(&text) as u16;
        let x = outer.x + outer.width.saturating_sub(w + 2);
        put(buf, x, y, &text, w, style);
    }
}
