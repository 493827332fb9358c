//! The two panes: role name, aliases and summary, then the task rows aligned like
//! `diff -y`, with the marker gutter between them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget, Wrap,
};
use rolediff::compare::{Marker, Row};
use rolediff::text::{sanitize, truncate, width};

use crate::action::Side;
use crate::app::{App, scroll_for};
use crate::layout::ScreenLayout;
use crate::ui::put;

/// Columns kept for the axis value at the end of a cell, on panes wide enough.
const AXIS_COLUMNS: u16 = 5;
/// Narrowest cell that still shows the axis value.
const AXIS_MIN_CELL: u16 = 44;

/// Draws both panes and the gutter.
pub fn render(app: &App, screen: &ScreenLayout, buf: &mut Buffer) {
    for (i, side) in [Side::Left, Side::Right].into_iter().enumerate() {
        frame(app, side, screen.panes[i], buf);
        info(app, side, screen.info[i], buf);
    }
    let height = screen.rows_height();
    // The state's scroll was computed for the terminal's size; recomputing here keeps
    // the cursor visible in any area the screen is drawn into.
    let scroll = scroll_for(app.scroll, app.cursor, height, app.rows().len());
    if app.rows().is_empty() {
        let message = Paragraph::new(app.strings().no_rows)
            .style(app.theme.dim())
            .wrap(Wrap { trim: true });
        message.render(screen.rows[0], buf);
        return;
    }
    let pinned = app.pinned_heading(scroll, height);
    for line in 0..height {
        let index = match pinned {
            Some(heading) if line == 0 => heading,
            _ => scroll + line,
        };
        let Some(row) = app.rows().get(index) else {
            break;
        };
        let y = screen.rows[0].y + line as u16;
        let selected = index == app.cursor;
        match *row {
            Row::Theme(theme) => heading(app, theme, screen, y, buf),
            Row::Task {
                marker,
                left,
                right,
                ..
            } => {
                let cells = [(Side::Left, left), (Side::Right, right)];
                for (i, (side, cell)) in cells.into_iter().enumerate() {
                    let area = Rect::new(screen.rows[i].x, y, screen.rows[i].width, 1);
                    task_cell(app, side, cell, marker, selected, area, buf);
                }
                let gutter = Rect::new(screen.gutter.x, y, screen.gutter.width, 1);
                let mut style = app.theme.marker(marker);
                if selected {
                    style = style.patch(app.theme.cursor(false));
                }
                buf.set_style(gutter, style);
                buf.set_string(gutter.x + 1, y, marker.symbol().to_string(), style);
            }
        }
    }
    if app.rows().len() > height {
        let mut state = ScrollbarState::new(app.rows().len().saturating_sub(height))
            .position(scroll)
            .viewport_content_length(height);
        let area = screen.panes[1].inner(Margin::new(0, 1));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area, buf, &mut state);
    }
}

fn frame(app: &App, side: Side, area: Rect, buf: &mut Buffer) {
    let active = app.active == side;
    let role = app.role(side);
    let s = app.strings();
    let side_word = match side {
        Side::Left => s.left,
        Side::Right => s.right,
    };
    // The active pane says so in words and with a mark, not only with colour.
    let mark = if active { "▶ " } else { "" };
    let count = app.data.roles[role].tasks.len();
    let counts = format!(" {side_word} · {count} {} ", s.tasks);
    // The name is cut so that it never runs under the counts on the right.
    let room = usize::from(area.width)
        .saturating_sub(2 + 2 + width(mark) + width(&counts) + 1)
        .max(1);
    let name = truncate(&app.role_name(role), room).into_owned();
    let block = Block::bordered()
        .border_type(if active {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(app.theme.border(active))
        .title(Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("{mark}{name}"), app.theme.pane_title(active)),
            Span::raw(" "),
        ]))
        .title(Line::from(Span::styled(counts, app.theme.dim())).right_aligned());
    block.render(area, buf);
}

fn info(app: &App, side: Side, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let role = &app.data.roles[app.role(side)];
    let aliases: Vec<String> = role
        .aliases
        .iter()
        .map(|a| sanitize(a).into_owned())
        .collect();
    let summary = role
        .summary
        .as_ref()
        .map(|t| sanitize(t.get(app.lang)).into_owned());
    let dim = app.theme.dim();
    let aka =
        (!aliases.is_empty()).then(|| format!("{} {}", app.strings().aka, aliases.join(", ")));
    if area.height == 1 {
        let text = [aka, summary]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        put(
            buf,
            area.x + 1,
            area.y,
            &text,
            area.width.saturating_sub(2),
            dim,
        );
        return;
    }
    let mut lines = Vec::new();
    if let Some(aka) = aka {
        lines.push(Line::styled(
            aka,
            dim.add_modifier(ratatui::style::Modifier::ITALIC),
        ));
    }
    if let Some(summary) = summary {
        lines.push(Line::styled(summary, dim));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area.inner(Margin::new(1, 0)), buf);
}

fn heading(app: &App, theme: usize, screen: &ScreenLayout, y: u16, buf: &mut Buffer) {
    let counts = app.comparison().themes.iter().find(|c| c.theme == theme);
    let label = app.theme_label(theme);
    for (i, count) in [counts.map(|c| c.left), counts.map(|c| c.right)]
        .into_iter()
        .enumerate()
    {
        let area = screen.rows[i];
        let used = put(
            buf,
            area.x + 1,
            y,
            &label,
            area.width.saturating_sub(2),
            app.theme.heading(),
        );
        let tail = format!(" ({})", count.unwrap_or(0));
        let room = area.width.saturating_sub(1 + used);
        if usize::from(room) >= width(&tail) {
            put(buf, area.x + 1 + used, y, &tail, room, app.theme.dim());
        }
    }
}

fn task_cell(
    app: &App,
    side: Side,
    cell: Option<usize>,
    marker: Marker,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let active = app.active == side;
    let base = if selected {
        app.theme.cursor(active)
    } else {
        Style::new()
    };
    buf.set_style(area, base);
    let Some(index) = cell else {
        return;
    };
    let role_task = &app.data.roles[app.role(side)].tasks[index];
    let task = &app.data.tasks[role_task.task];
    let contested = app.filter.contests(role_task);
    let style = app.theme.cell(marker).patch(base);
    if contested {
        buf.set_string(area.x, area.y, "!", app.theme.contested().patch(base));
    }
    let show_axis = area.width >= AXIS_MIN_CELL;
    let label_room = area
        .width
        .saturating_sub(2 + if show_axis { AXIS_COLUMNS } else { 0 });
    put(
        buf,
        area.x + 1,
        area.y,
        &app.task_label(role_task.task),
        label_room,
        style,
    );
    if show_axis {
        let value = task.axis.map_or_else(
            || "–".to_string(),
            |a| crate::numbers::decimal(app.lang, a, 1),
        );
        let x = area.x + area.width - 1 - width(&value) as u16;
        buf.set_string(x, area.y, value, app.theme.dim().patch(base));
    }
}
