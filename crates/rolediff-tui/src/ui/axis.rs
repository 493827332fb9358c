//! The strategy ↔ execution axis: a scale with both roles and the selected task placed
//! on it, and each role's tasks as a histogram along the same scale.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use rolediff::report::axis_text;
use rolediff::text::width;

use crate::action::Side;
use crate::app::App;
use crate::ui::{fit_pair, put};

/// Bins of the histograms (tenths of the axis).
const BINS: usize = 10;
/// Eighths of a cell, from empty to full.
const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws the axis panel.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let theme = &app.theme;
    let (left_position, right_position) = &app.positions();
    let selected = selected_axis(app);
    let mut title = vec![
        Span::raw(" "),
        Span::styled(
            s.axis_title,
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::raw("  "),
    ];
    let mut figure = |mark: &str, style: Style, name: String, value: String| {
        title.push(Span::styled(mark.to_string(), style));
        let name = if name.is_empty() {
            name
        } else {
            format!(" {name}")
        };
        title.push(Span::styled(format!("{name} {value}  "), theme.dim()));
    };
    // A role's value and, when its sources place it apart, their range ("0.25 ‹0.21–0.46›").
    let role_value = |position: &rolediff::compare::AxisPosition| {
        let mean = axis_text(position.mean);
        match position.spread() {
            Some((low, high)) => {
                format!(
                    "{mean} ‹{}–{}›",
                    axis_text(Some(low)),
                    axis_text(Some(high))
                )
            }
            None => mean,
        }
    };
    let (left_value, right_value) = (
        crate::numbers::local(app.lang, &role_value(left_position)),
        crate::numbers::local(app.lang, &role_value(right_position)),
    );
    let selected_value = selected.map(|v| crate::numbers::decimal(app.lang, v, 2));
    // The names share what the rest of the title leaves, so that R is never cut off.
    let fixed = 1
        + width(s.axis_title)
        + 2
        + 2 * 5
        + width(&left_value)
        + width(&right_value)
        + selected_value
            .as_ref()
            .map_or(0, |v| 5 + width(s.selected) + width(v));
    let (left_name, right_name) = fit_pair(
        &app.role_name(app.left),
        &app.role_name(app.right),
        usize::from(area.width).saturating_sub(fixed).max(2),
    );
    // A name cut down to a letter and "…" says nothing: then L and R (the panes'
    // letters) stand alone.
    let (left_name, right_name) = if width(&left_name).min(width(&right_name)) < 4 {
        (String::new(), String::new())
    } else {
        (left_name, right_name)
    };
    figure("L", theme.left_role(), left_name, left_value);
    figure("R", theme.right_role(), right_name, right_value);
    if let Some(value) = selected_value {
        figure(
            "◆",
            theme.axis_task(),
            app.strings().selected.to_string(),
            value,
        );
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.dim())
        .title(Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 || inner.width < 30 {
        return;
    }

    let label_width = [
        width(&(s.histogram_scale)("99")) + 2,
        width(s.histogram) + 2,
    ]
    .into_iter()
    .chain([width(s.execution)])
    .max()
    .unwrap_or(0)
    .min(usize::from(inner.width / 5)) as u16;
    let right_label = width(s.strategy) as u16;
    let x0 = inner.x + 1 + label_width + 1;
    let scale_width = inner
        .width
        .saturating_sub(1 + label_width + 1 + 1 + right_label + 1);
    if scale_width < 10 {
        return;
    }
    let y = inner.y;
    let label_style = theme.dim();
    put(
        buf,
        inner.x + 1,
        y,
        &format!("{:>w$}", s.execution, w = usize::from(label_width)),
        label_width,
        label_style,
    );
    put(
        buf,
        x0 + scale_width + 1,
        y,
        s.strategy,
        right_label,
        label_style,
    );
    let mut scale = String::from("├");
    scale.push_str(&"─".repeat(usize::from(scale_width - 2)));
    scale.push('┤');
    buf.set_string(x0, y, scale, theme.dim());
    let place =
        |value: f64| x0 + 1 + ((value.clamp(0.0, 1.0) * f64::from(scale_width - 3)).round() as u16);
    // Each role's sources' range first (‹ at the lowest source mean, › at the highest),
    // then the task, then the roles, so that what matters most is drawn last.
    for (position, style) in [
        (left_position, theme.left_role()),
        (right_position, theme.right_role()),
    ] {
        if let Some((low, high)) = position.spread() {
            buf.set_string(place(low), y, "‹", style);
            buf.set_string(place(high), y, "›", style);
        }
    }
    if let Some(value) = selected {
        buf.set_string(place(value), y, "◆", theme.axis_task());
    }
    let left_x = left_position.mean.map(place);
    let right_x = right_position.mean.map(place);
    if let Some(x) = left_x {
        buf.set_string(x, y, "L", theme.left_role());
    }
    if let Some(mut x) = right_x {
        if Some(x) == left_x {
            x += 1;
        }
        buf.set_string(x, y, "R", theme.right_role());
    }

    // Histograms share one height scale so the two roles compare at a glance.
    let hist_height = (inner.height - 1) / 2;
    let counts = [histogram(app, Side::Left), histogram(app, Side::Right)];
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    for (i, (side_counts, style)) in counts
        .iter()
        .zip([theme.left_role(), theme.right_role()])
        .enumerate()
    {
        let top = y + 1 + i as u16 * hist_height;
        let mark = if i == 0 { "L" } else { "R" };
        let base = top + hist_height - 1;
        buf.set_string(inner.x + 1, base, mark, style);
        // What the bars count, and the scale: a full cell is the tallest bar's count.
        let label = if i == 0 {
            (s.histogram_scale)(&crate::numbers::integer(app.lang, max))
        } else {
            s.histogram.to_string()
        };
        put(
            buf,
            inner.x + 3,
            base,
            &label,
            label_width.saturating_sub(2),
            theme.dim(),
        );
        for column in 0..scale_width - 2 {
            let bin_of =
                |c: u16| (usize::from(c) * BINS / usize::from(scale_width - 2)).min(BINS - 1);
            let bin = bin_of(column);
            // A blank column between bins keeps neighbouring bars apart.
            if column + 1 < scale_width - 2 && bin_of(column + 1) != bin {
                continue;
            }
            let eighths = side_counts[bin] * 8 * usize::from(hist_height) / max;
            for line in 0..hist_height {
                let from_bottom = usize::from(hist_height - 1 - line) * 8;
                let level = eighths.saturating_sub(from_bottom).min(8);
                if level > 0 {
                    buf.set_string(x0 + 1 + column, top + line, BARS[level].to_string(), style);
                }
            }
        }
    }
}

/// Tasks of one side (as filtered) per tenth of the axis.
fn histogram(app: &App, side: Side) -> [usize; BINS] {
    let c = &app.comparison();
    let tasks = &app.data.roles[app.role(side)].tasks;
    let kept: Vec<usize> = match side {
        Side::Left => c
            .shared
            .iter()
            .map(|s| s.left)
            .chain(c.left_only.iter().copied())
            .collect(),
        Side::Right => c
            .shared
            .iter()
            .map(|s| s.right)
            .chain(c.right_only.iter().copied())
            .collect(),
    };
    let mut bins = [0; BINS];
    for i in kept {
        // Entries off the axis (skills, hiring contexts) have no bin.
        if let Some(axis) = app.data.tasks[tasks[i].task].axis {
            bins[((axis.clamp(0.0, 1.0) * BINS as f64) as usize).min(BINS - 1)] += 1;
        }
    }
    bins
}

/// Axis of the selected task: the active side's cell, else the other one.
fn selected_axis(app: &App) -> Option<f64> {
    let (side, index) = app.selected_cell()?;
    let task = app.data.roles[app.role(side)].tasks[index].task;
    app.data.tasks[task].axis
}
