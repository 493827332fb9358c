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
use rolediff::text::{sanitize, truncate, width, wrap};

use crate::action::Side;
use crate::app::App;
use crate::layout::{AXIS_MIN_CELL, PlacedRow, ScreenLayout, label_room, placed_rows};
use crate::ui::put;

/// Draws both panes and the gutter.
pub fn render(app: &App, screen: &ScreenLayout, buf: &mut Buffer) {
    for (i, side) in [Side::Left, Side::Right].into_iter().enumerate() {
        frame(app, side, screen.panes[i], buf);
        info(app, side, screen.info[i], buf);
    }
    let height = screen.rows_height();
    if app.rows().is_empty() {
        // Large roles are compared in the background: say so rather than "no task".
        let text = if app.is_comparing() {
            app.strings().comparing
        } else {
            app.strings().no_rows
        };
        let message = Paragraph::new(text)
            .style(app.theme.dim())
            .wrap(Wrap { trim: true });
        message.render(screen.rows[0], buf);
        return;
    }
    // Where each row goes, computed for the area drawn into: the cursor stays visible
    // at any size, and wrapped rows take their lines.
    let placed = placed_rows(app, screen);
    let scroll = placed
        .iter()
        .find(|p| !p.pinned)
        .map_or(0, |p| p.index.saturating_sub(usize::from(placed[0].pinned)));
    let bottom = screen.rows[0].y + screen.rows[0].height;
    for PlacedRow {
        index,
        line,
        height,
        ..
    } in placed
    {
        let Some(row) = app.rows().get(index) else {
            break;
        };
        let y = screen.rows[0].y + line;
        let lines = height.min(bottom.saturating_sub(y));
        let selected = index == app.cursor;
        match *row {
            Row::Theme(theme) => heading(app, theme, app.section_count(index), screen, y, buf),
            Row::Task {
                marker,
                left,
                right,
                ..
            } => {
                let cells = [(Side::Left, left), (Side::Right, right)];
                for (i, (side, cell)) in cells.into_iter().enumerate() {
                    let area = Rect::new(screen.rows[i].x, y, screen.rows[i].width, lines);
                    task_cell(app, side, cell, marker, selected, area, buf);
                }
                let gutter = Rect::new(screen.gutter.x, y, screen.gutter.width, lines);
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
    // What the pane lists, and of how many when filters or the view hide some.
    let total = app.data.roles[role].tasks.len();
    let (left, right) = app.shown_cells();
    let shown = match side {
        Side::Left => left,
        Side::Right => right,
    };
    let count = if shown == total {
        (s.tasks)(total)
    } else {
        (s.shown_of)(shown, total)
    };
    let mut counts = format!(" {side_word} · {count} ");
    // The name is cut so that it never runs under the counts on the right; in a narrow
    // pane the side word goes first (the ▶ and the pane's place already say it).
    // Decided for both panes at once (as if both had the mark, for the longer name), so
    // that both titles have the same shape.
    let room_for = |counts: &str, mark: usize| {
        usize::from(area.width).saturating_sub(2 + 2 + mark + width(counts) + 1)
    };
    let longest_name = width(&app.role_name(app.left)).max(width(&app.role_name(app.right)));
    let room_with_side = room_for(&counts, width("▶ "));
    // Below about 16 columns a cut name ("Community man…") stops being recognisable.
    if longest_name > room_with_side && room_with_side < 16 {
        counts = format!(" {count} ");
    }
    let room = room_for(&counts, width(mark)).max(1);
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
            Span::styled(
                format!("{mark}{name}"),
                app.theme.pane_title(active, side == Side::Left),
            ),
            Span::raw(" "),
        ]))
        .title(Line::from(Span::styled(counts, app.theme.dim())).right_aligned());
    // The figure at the end of each task row, named under its column.
    let block = if area.width.saturating_sub(2) >= AXIS_MIN_CELL {
        block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ↑ ", s.axis_column),
                app.theme.dim(),
            ))
            .right_aligned(),
        )
    } else {
        block
    };
    block.render(area, buf);
}

/// Aliases and summary under the role name, wrapped to the room there is; when they do
/// not fit, the last line ends with `… (i)`: cut, and where to read it whole.
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
    let columns = usize::from(area.width.saturating_sub(2)).max(1);
    // (text, italic): the aliases in italics, then the summary.
    let mut lines: Vec<(String, bool)> = Vec::new();
    if area.height == 1 {
        let text = [aka, summary]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        lines.extend(wrap(&text, columns).into_iter().map(|l| (l, false)));
    } else {
        if let Some(aka) = aka {
            lines.extend(wrap(&aka, columns).into_iter().map(|l| (l, true)));
        }
        if let Some(summary) = summary {
            lines.extend(wrap(&summary, columns).into_iter().map(|l| (l, false)));
        }
    }
    let height = usize::from(area.height);
    let cut = lines.len() > height;
    lines.truncate(height);
    if cut && let Some((last, _)) = lines.last_mut() {
        let key = app
            .keymap
            .bindings(crate::keymap::Context::Main)
            .find(|b| b.action == crate::action::Action::OpenAbout)
            .and_then(|b| b.keys.first())
            .map(|k| format!(" ({})", k.display(app.lang)))
            .unwrap_or_default();
        let tail = format!("…{key}");
        let room = columns.saturating_sub(width(&tail) + 1);
        // Whole words when it can: drop them from the end until the tail fits.
        let mut kept = last.trim_end().to_string();
        while width(&kept) > room {
            match kept.rfind(' ') {
                Some(space) => kept.truncate(space),
                None => {
                    kept = truncate(&kept, room + 1).trim_end_matches('…').to_string();
                    break;
                }
            }
        }
        *last = format!("{} {tail}", kept.trim_end());
    }
    for (i, (line, italic)) in lines.iter().enumerate() {
        let style = if *italic {
            dim.add_modifier(ratatui::style::Modifier::ITALIC)
        } else {
            dim
        };
        put(
            buf,
            area.x + 1,
            area.y + i as u16,
            line,
            area.width.saturating_sub(2),
            style,
        );
    }
}

/// A theme heading with, on each side, the number of tasks listed under it.
fn heading(
    app: &App,
    theme: usize,
    counts: (usize, usize),
    screen: &ScreenLayout,
    y: u16,
    buf: &mut Buffer,
) {
    let label = app.theme_label(theme);
    for (i, count) in [counts.0, counts.1].into_iter().enumerate() {
        let area = screen.rows[i];
        let used = put(
            buf,
            area.x + 1,
            y,
            &label,
            area.width.saturating_sub(2),
            app.theme.heading(),
        );
        let tail = format!(" ({count})");
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
    let room = label_room(area.width);
    let label = app.task_label(role_task.task);
    if app.wrap {
        // Whole, over the row's lines; the other side's cell has as many.
        for (i, line) in wrap(&label, usize::from(room).max(1))
            .iter()
            .take(usize::from(area.height))
            .enumerate()
        {
            put(buf, area.x + 1, area.y + i as u16, line, room, style);
        }
    } else {
        put(buf, area.x + 1, area.y, &label, room, style);
    }
    if show_axis {
        let value = task.axis.map_or_else(
            || "–".to_string(),
            |a| crate::numbers::decimal(app.lang, a, 1),
        );
        let x = area.x + area.width - 1 - width(&value) as u16;
        buf.set_string(x, area.y, value, app.theme.dim().patch(base));
    }
}
