//! Where each region goes: a pure function of the terminal size, used by rendering and
//! by the mouse routing alike, so a click lands on what was drawn there.

use ratatui::layout::{Position, Rect};

use crate::action::Side;
use crate::app::{App, Landscape, scroll_for};
use rolediff::report::short_labels;
use rolediff::text::width;

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

/// Columns kept for the axis value at the end of a task cell, on panes wide enough.
pub const AXIS_COLUMNS: u16 = 5;
/// Narrowest task cell that still shows the axis value.
pub const AXIS_MIN_CELL: u16 = 44;

/// Columns a task label gets in a cell `cell_width` wide: the cell but the contested
/// mark, a space and, when it fits, the axis value.
pub fn label_room(cell_width: u16) -> u16 {
    let axis = if cell_width >= AXIS_MIN_CELL {
        AXIS_COLUMNS
    } else {
        0
    };
    cell_width.saturating_sub(2 + axis)
}

/// One row of the panes as drawn: its index in the rows, its first line (0 = the
/// panes' first line) and how many lines it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedRow {
    /// Index in [`App::rows`].
    pub index: usize,
    /// First line.
    pub line: u16,
    /// Lines taken: 1, or more for a wrapped task label.
    pub height: u16,
    /// The theme heading pinned over the first line (a click there selects nothing).
    pub pinned: bool,
}

/// Lines the row at `index` takes: one, or with wrapping on, its longer label's lines.
pub fn row_height(app: &App, screen: &ScreenLayout, index: usize) -> u16 {
    let Some(rolediff::compare::Row::Task { left, right, .. }) = app.rows().get(index).copied()
    else {
        return 1;
    };
    if !app.wrap {
        return 1;
    }
    [(Side::Left, left), (Side::Right, right)]
        .into_iter()
        .enumerate()
        .filter_map(|(i, (side, cell))| {
            let task = app.data.roles[app.role(side)].tasks[cell?].task;
            let room = usize::from(label_room(screen.rows[i].width)).max(1);
            Some(rolediff::text::wrap(&app.task_label(task), room).len() as u16)
        })
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The rows drawn in the panes, top to bottom, the pinned heading first when there is
/// one. Rendering and the mouse both use it, so that a click selects the row drawn
/// under it. The scroll is the state's, moved down when wrapped rows would push the
/// cursor's row off the panes.
pub fn placed_rows(app: &App, screen: &ScreenLayout) -> Vec<PlacedRow> {
    let height = screen.rows_height();
    let total = app.rows().len();
    let mut scroll = scroll_for(app.scroll, app.cursor, height, total);
    let first_row = |scroll: usize| {
        let pinned = app.pinned_heading(scroll, height);
        (pinned, if pinned.is_some() { scroll + 1 } else { scroll })
    };
    if app.wrap {
        while scroll < app.cursor {
            let (pinned, first) = first_row(scroll);
            let lines: usize = usize::from(pinned.is_some())
                + (first..=app.cursor.min(total.saturating_sub(1)))
                    .map(|i| usize::from(row_height(app, screen, i)))
                    .sum::<usize>();
            if lines <= height {
                break;
            }
            scroll += 1;
        }
    }
    let (pinned, first) = first_row(scroll);
    let mut placed = Vec::new();
    let mut line = 0u16;
    if let Some(heading) = pinned {
        placed.push(PlacedRow {
            index: heading,
            line: 0,
            height: 1,
            pinned: true,
        });
        line = 1;
    }
    for index in first..total {
        if usize::from(line) >= height {
            break;
        }
        let rows = row_height(app, screen, index);
        placed.push(PlacedRow {
            index,
            line,
            height: rows,
            pinned: false,
        });
        line += rows;
    }
    placed
}

/// The row drawn on `line` of the panes, if a row (not the pinned heading) is there.
pub fn row_on_line(app: &App, screen: &ScreenLayout, line: usize) -> Option<usize> {
    placed_rows(app, screen)
        .into_iter()
        .find(|p| (usize::from(p.line)..usize::from(p.line + p.height)).contains(&line))
        .filter(|p| !p.pinned)
        .map(|p| p.index)
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

/// Columns of one landscape heatmap cell, its gap included: a shade and up to `100%`.
pub const CELL: u16 = 6;
/// Widest short label of a landscape column header.
pub const SHORT: usize = (CELL - 1) as usize;

/// The landscape view takes the screen but the footer.
pub fn landscape_area(area: Rect, screen: &ScreenLayout) -> Rect {
    Rect::new(area.x, area.y, area.width, screen.footer.y - area.y)
}

/// The landscape's heatmap cell (row, column) drawn at `x`, `y` of the terminal, for
/// the mouse.
pub fn landscape_cell_at(app: &App, x: u16, y: u16) -> Option<(usize, usize)> {
    let screen = screen(app.area);
    if screen.too_small {
        return None;
    }
    landscape_cell(app, landscape_area(app.area, &screen), x, y)
}

/// The part of the view's `area` the heatmap takes, for `count` roles: its column
/// headers, a line per role, and the selected pair in words. The axis strip under it
/// keeps at least its title, a line of labels and the scale.
pub fn matrix_area(area: Rect, count: usize) -> Rect {
    let axis_lines = 4u16;
    let body = Rect::new(
        area.x,
        area.y + 3,
        area.width,
        area.height.saturating_sub(3),
    );
    let height = (count as u16 + 2).min(body.height.saturating_sub(axis_lines + 2));
    Rect::new(body.x, body.y, body.width, height)
}

/// Where the heatmap's cells are: what the drawing and the mouse share, so that a
/// click lands on the cell drawn under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixGeometry {
    /// Columns of the row labels (short label, space, role name).
    pub label_width: u16,
    /// Columns of the widest short label.
    pub short_width: u16,
    /// Screen position of the first shown cell.
    pub x0: u16,
    /// Screen line of the first shown row.
    pub y0: u16,
    /// The shown rows and columns of the matrix.
    pub rows: std::ops::Range<usize>,
    /// The shown columns of the matrix.
    pub columns: std::ops::Range<usize>,
}

impl MatrixGeometry {
    /// For the matrix's roles' short labels and names, drawn over `area`.
    pub fn new(landscape: &Landscape, shorts: &[String], names: &[String], area: Rect) -> Self {
        let count = shorts.len();
        let short_width = shorts.iter().map(|s| width(s)).max().unwrap_or(1) as u16;
        let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0) as u16;
        // Row labels get what the cells leave, between the short label alone and 40
        // columns; when the cells scroll anyway (many roles), up to a third of the width,
        // so that the rows keep their names.
        let cells_width = (CELL as usize * count).min(usize::from(u16::MAX)) as u16;
        let room = if cells_width + short_width + 3 <= area.width {
            area.width - cells_width - 2
        } else {
            area.width / 3
        };
        let label_width = (short_width + 1 + name_width)
            .min(40)
            .min(room)
            .max(short_width + 1);
        let x0 = area.x + 1 + label_width + 1;
        let visible_columns = usize::from(area.width.saturating_sub(x0 - area.x) / CELL);
        let visible_rows = usize::from(area.height.saturating_sub(2));
        let first_column = offset(landscape.column, visible_columns, count);
        let first_row = offset(landscape.row, visible_rows, count);
        Self {
            label_width,
            short_width,
            x0,
            y0: area.y + 1,
            rows: first_row..count.min(first_row + visible_rows),
            columns: first_column..count.min(first_column + visible_columns),
        }
    }

    /// The cell (row, column) drawn at screen position `x`, `y`, if any.
    pub fn cell_at(&self, x: u16, y: u16) -> Option<(usize, usize)> {
        let line = usize::from(y.checked_sub(self.y0)?);
        let n = usize::from(x.checked_sub(self.x0)? / CELL);
        let row = self.rows.start + line;
        let column = self.columns.start + n;
        (self.rows.contains(&row) && self.columns.contains(&column)).then_some((row, column))
    }
}

/// The heatmap cell (row, column) under screen position `x`, `y` when the view is
/// drawn over `area` (the screen but the footer), for the mouse.
pub fn landscape_cell(app: &App, area: Rect, x: u16, y: u16) -> Option<(usize, usize)> {
    let landscape = app.landscape.as_ref()?;
    let matrix = &landscape.matrix;
    let count = matrix.roles.len();
    if count == 0 || area.height < 8 {
        return None;
    }
    let shorts = short_labels(app.data, &matrix.roles, SHORT);
    let names = crate::ui::landscape::role_names(app, matrix);
    MatrixGeometry::new(landscape, &shorts, &names, matrix_area(area, count)).cell_at(x, y)
}

/// The first index to show so that `cursor` is visible in `visible` places.
pub fn offset(cursor: usize, visible: usize, total: usize) -> usize {
    if visible == 0 || total <= visible {
        return 0;
    }
    cursor.saturating_sub(visible - 1).min(total - visible)
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
    #[test]
    fn offset_keeps_the_cursor_visible() {
        assert_eq!(offset(0, 5, 10), 0);
        assert_eq!(offset(4, 5, 10), 0);
        assert_eq!(offset(5, 5, 10), 1);
        assert_eq!(offset(9, 5, 10), 5);
        assert_eq!(offset(3, 5, 4), 0);
        assert_eq!(offset(3, 0, 4), 0);
    }
}
