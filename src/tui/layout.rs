//! Where each region goes: a pure function of the terminal size, used by rendering and
//! by the mouse routing alike, so a click lands on what was drawn there.

use ratatui::layout::{Position, Rect};

use crate::tui::action::Side;

/// Narrowest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// Shortest usable terminal.
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, the details of the selected task stay open in a side panel.
pub const SIDE_PANEL_WIDTH: u16 = 160;
/// Columns of the marker gutter between the panes.
pub const GUTTER: u16 = 3;

/// The regions of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScreenLayout {
    /// The whole screen.
    pub area: Rect,
    /// True below the minimum size: only the "too small" message is drawn.
    pub too_small: bool,
    /// Role names, similarity, filters.
    pub header: Rect,
    /// The left and right panes, borders included.
    pub panes: [Rect; 2],
    /// Aliases and summary inside each pane.
    pub info: [Rect; 2],
    /// The task rows inside each pane.
    pub rows: [Rect; 2],
    /// The marker column between the panes, on the rows' lines.
    pub gutter: Rect,
    /// The strategy ↔ execution axis.
    pub axis: Rect,
    /// Details of the selected task, on wide screens.
    pub side_panel: Option<Rect>,
    /// Key hints, or the text filter being typed.
    pub footer: Rect,
}

impl ScreenLayout {
    /// Lines of task rows each pane shows.
    pub fn rows_height(&self) -> usize {
        usize::from(self.rows[0].height)
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Side> {
        let position = Position::new(column, row);
        if self.panes[0].contains(position) {
            Some(Side::Left)
        } else if self.panes[1].contains(position) {
            Some(Side::Right)
        } else {
            None
        }
    }

    /// The line (0 = first shown) of the task rows under a screen position.
    pub fn row_at(&self, column: u16, row: u16) -> Option<usize> {
        let position = Position::new(column, row);
        [self.rows[0], self.rows[1], self.gutter]
            .iter()
            .find(|r| r.contains(position))
            .map(|r| usize::from(row - r.y))
    }
}

/// Lays out a screen of size `area`.
pub fn screen(area: Rect) -> ScreenLayout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return ScreenLayout {
            area,
            too_small: true,
            ..ScreenLayout::default()
        };
    }
    let tall = area.height >= 40;
    let header_height = 2;
    let footer_height = 1;
    let axis_height = if tall { 6 } else { 4 };
    let info_height = if tall { 3 } else { 1 };
    let panes_height = area.height - header_height - footer_height - axis_height;

    let (main_width, side_panel) = if area.width >= SIDE_PANEL_WIDTH {
        let width = (area.width / 4).clamp(40, 64);
        let main = area.width - width;
        (
            main,
            Some(Rect::new(
                area.x + main,
                area.y + header_height,
                width,
                panes_height + axis_height,
            )),
        )
    } else {
        (area.width, None)
    };

    let header = Rect::new(area.x, area.y, area.width, header_height);
    let panes_y = area.y + header_height;
    let left_width = (main_width - GUTTER) / 2;
    let right_width = main_width - GUTTER - left_width;
    let left = Rect::new(area.x, panes_y, left_width, panes_height);
    let right = Rect::new(
        area.x + left_width + GUTTER,
        panes_y,
        right_width,
        panes_height,
    );
    let inner = |pane: Rect| Rect::new(pane.x + 1, pane.y + 1, pane.width - 2, pane.height - 2);
    let info = |pane: Rect| {
        let i = inner(pane);
        Rect::new(i.x, i.y, i.width, info_height)
    };
    let rows = |pane: Rect| {
        let i = inner(pane);
        Rect::new(i.x, i.y + info_height, i.width, i.height - info_height)
    };
    let left_rows = rows(left);
    ScreenLayout {
        area,
        too_small: false,
        header,
        panes: [left, right],
        info: [info(left), info(right)],
        rows: [left_rows, rows(right)],
        gutter: Rect::new(area.x + left_width, left_rows.y, GUTTER, left_rows.height),
        axis: Rect::new(area.x, panes_y + panes_height, main_width, axis_height),
        side_panel,
        footer: Rect::new(area.x, area.y + area.height - 1, area.width, footer_height),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_fit_the_screen_and_rows_align() {
        for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60), (61, 17)] {
            let area = Rect::new(0, 0, w, h);
            let layout = screen(area);
            assert!(!layout.too_small);
            for r in [
                layout.header,
                layout.panes[0],
                layout.panes[1],
                layout.axis,
                layout.footer,
            ] {
                assert_eq!(r.intersection(area), r, "{w}x{h}: {r:?} outside");
            }
            assert_eq!(layout.rows[0].y, layout.rows[1].y);
            assert_eq!(layout.rows[0].height, layout.rows[1].height);
            assert!(layout.rows_height() >= 5, "{w}x{h}");
        }
    }

    #[test]
    fn small_screens_are_flagged_not_laid_out() {
        for (w, h) in [(0, 0), (1, 1), (59, 40), (200, 15)] {
            assert!(screen(Rect::new(0, 0, w, h)).too_small);
        }
    }
}
