//! The landscape view (`m`): the similarity of every pair of roles as a heatmap, and
//! every role placed on the strategy ↔ execution axis, under the current filters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use rolediff::compare::Matrix;
use rolediff::config::palette::{HEAT_THRESHOLDS, heat_step};
use rolediff::report::{percent, short_labels, similarity_range};
use rolediff::text::width;

use crate::app::{App, Landscape};
use crate::layout::{CELL, MatrixGeometry, SHORT, matrix_area};
use crate::ui::header::filter_spans;
use crate::ui::put;

/// Shades of the heat steps, so the map reads without colour too.
const SHADES: [char; 5] = [' ', '░', '▒', '▓', '█'];

/// Draws the view over `area` (the whole screen but the footer).
pub fn render(app: &App, landscape: &Landscape, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let theme = &app.theme;
    let title = Line::from(vec![
        Span::raw(" "),
        Span::styled(s.landscape, theme.title()),
    ]);
    title.render(Rect::new(area.x, area.y, area.width, 1), buf);
    Line::from(filter_spans(app)).render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
    let matrix = &landscape.matrix;
    let count = matrix.roles.len();
    // The worker's progress, while it works; Esc (back) stops it.
    if landscape.done < count {
        let back = app
            .keymap
            .bindings(crate::keymap::Context::Landscape)
            .find(|b| b.action == crate::action::Action::CloseLandscape)
            .map(|b| b.keys_display(app.lang))
            .unwrap_or_default();
        put(
            buf,
            area.x + 1,
            area.y + 2,
            &(s.computing)(
                &crate::numbers::integer(app.lang, landscape.done),
                &crate::numbers::integer(app.lang, count),
                &back,
            ),
            area.width.saturating_sub(2),
            theme.notice(),
        );
    }
    if count == 0 || area.height < 8 {
        return;
    }
    let shorts = short_labels(app.data, &matrix.roles, SHORT);
    let matrix_area = matrix_area(area, count);
    render_matrix(app, landscape, matrix, &shorts, matrix_area, buf);
    let below = matrix_area.y + matrix_area.height;
    render_legend(app, Rect::new(area.x, below, area.width, 1), buf);
    let axis_top = below + 2;
    let axis_height = (area.y + area.height).saturating_sub(axis_top);
    render_axis(
        app,
        landscape,
        matrix,
        &shorts,
        Rect::new(area.x, axis_top, area.width, axis_height),
        buf,
    );
}

/// The names of the matrix's roles, in its order.
pub fn role_names(app: &App, matrix: &Matrix) -> Vec<String> {
    matrix.roles.iter().map(|&r| app.role_name(r)).collect()
}

/// What the shades and signs mean; the samples are drawn in their heat colours.
fn render_legend(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = app.strings();
    let mut spans = vec![Span::raw(" ")];
    let bounds: Vec<String> = HEAT_THRESHOLDS
        .iter()
        .map(|t| format!("{}", (t * 100.0).round()))
        .collect();
    for step in 1..SHADES.len() {
        let range = match bounds.get(step) {
            Some(upper) => format!("{}–{upper}%", bounds[step - 1]),
            None => format!("≥{}%", bounds[step - 1]),
        };
        let range = crate::numbers::local(app.lang, &range);
        spans.push(Span::styled(
            format!("{} {range} ", SHADES[step]),
            theme.heat(step),
        ));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(
        format!(" · {}  – {}", s.same_role, s.no_tasks_either),
        theme.dim(),
    ));
    Line::from(spans).render(area, buf);
}

fn render_matrix(
    app: &App,
    landscape: &Landscape,
    matrix: &Matrix,
    shorts: &[String],
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let names = role_names(app, matrix);
    let MatrixGeometry {
        label_width,
        short_width,
        x0,
        y0,
        rows,
        columns,
    } = MatrixGeometry::new(landscape, shorts, &names, area);

    // Column headers, right-aligned over their cells.
    for (n, j) in columns.clone().enumerate() {
        let label = &shorts[j];
        let style = if j == landscape.column {
            theme.heat_header(false)
        } else {
            theme.dim()
        };
        let x = x0 + n as u16 * CELL + (CELL - 1).saturating_sub(width(label) as u16);
        put(buf, x, area.y, label, CELL - 1, style);
    }
    for (line, i) in rows.enumerate() {
        let y = y0 + line as u16;
        let label_style = if i == landscape.row {
            theme.heat_header(true)
        } else {
            theme.dim()
        };
        let used = put(buf, area.x + 1, y, &shorts[i], short_width, label_style);
        put(
            buf,
            area.x + 1 + used.max(short_width) + 1,
            y,
            &names[i],
            label_width.saturating_sub(short_width + 1),
            theme.dim(),
        );
        for (n, j) in columns.clone().enumerate() {
            let x = x0 + n as u16 * CELL;
            let selected = i == landscape.row && j == landscape.column;
            let (text, style) = match matrix.similarity[i][j] {
                _ if !landscape.computed[i] => ("    …".to_string(), theme.dim()),
                _ if i == j => ("    ·".to_string(), theme.dim()),
                None => ("    –".to_string(), theme.dim()),
                Some(similarity) => {
                    let step = heat_step(similarity);
                    (
                        format!("{}{:>4}", SHADES[step], cell_percent(app, similarity)),
                        theme.heat(step),
                    )
                }
            };
            let style = if selected { theme.heat_cursor() } else { style };
            buf.set_string(x, y, text, style);
        }
    }
    // The selected pair in words, under the map.
    let y = area.y + area.height.saturating_sub(1);
    if area.height >= 3 {
        let (i, j) = (landscape.row, landscape.column);
        let s = app.strings();
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(names[i].clone(), theme.left_role()),
            Span::styled("  ⟷  ", theme.dim()),
            Span::styled(names[j].clone(), theme.right_role()),
            Span::raw("  "),
        ];
        if !landscape.computed[i] {
            spans.push(Span::styled(s.pending, theme.dim()));
        } else if i == j {
            spans.push(Span::styled(s.same_role, theme.dim()));
        } else {
            spans.push(Span::styled(
                format!(
                    "{} {}",
                    crate::numbers::local(
                        app.lang,
                        &similarity_range(matrix.similarity[i][j], matrix.similarity_agreed[i][j])
                    ),
                    s.similarity
                ),
                theme.similarity(),
            ));
            let used: usize = spans.iter().map(|sp| width(&sp.content)).sum();
            let hint = format!("   {}", s.open_pair);
            if used + width(&hint) <= usize::from(area.width) {
                spans.push(Span::styled(hint, theme.dim()));
            }
        }
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Every role on one scale: short labels over their marks, stacked when they would
/// overlap; the selected pair's roles in the left and right colours.
fn render_axis(
    app: &App,
    landscape: &Landscape,
    matrix: &Matrix,
    shorts: &[String],
    area: Rect,
    buf: &mut Buffer,
) {
    let s = app.strings();
    let theme = &app.theme;
    if area.height < 3 || area.width < 30 {
        return;
    }
    let left_label = width(s.execution) as u16;
    let right_label = width(s.strategy) as u16;
    let x0 = area.x + 1 + left_label + 1;
    let scale_width = area.width.saturating_sub(left_label + right_label + 4);
    if scale_width < 10 {
        return;
    }
    let place =
        |value: f64| x0 + 1 + ((value.clamp(0.0, 1.0) * f64::from(scale_width - 3)).round() as u16);

    // Lines of labels above the scale, nearest first; each remembers where it is free.
    let max_lines = usize::from(area.height - 2);
    let mut free_from = vec![area.x; max_lines];
    let mut order: Vec<usize> = (0..matrix.roles.len())
        .filter(|&i| matrix.axis[i].is_some())
        .collect();
    order.sort_by(|&a, &b| {
        matrix.axis[a]
            .unwrap_or(0.0)
            .total_cmp(&matrix.axis[b].unwrap_or(0.0))
            .then(a.cmp(&b))
    });
    // The selected pair is drawn last, so its marks stay on top.
    order.sort_by_key(|&i| i == landscape.row || i == landscape.column);
    let mut by_x: Vec<(u16, usize)> = order
        .iter()
        .map(|&i| (place(matrix.axis[i].unwrap_or(0.0)), i))
        .collect();
    by_x.sort();
    // (role, first column, line counted up from the scale)
    let mut placed: Vec<(usize, u16, u16)> = Vec::new();
    for (x, i) in by_x {
        let label_width = width(&shorts[i]) as u16;
        let start = x
            .saturating_sub(label_width / 2)
            .clamp(area.x, (area.x + area.width).saturating_sub(label_width));
        if let Some(line) = (0..max_lines).find(|&l| free_from[l] <= start) {
            free_from[line] = start + label_width + 1;
            placed.push((i, start, line as u16 + 1));
        }
    }
    // Title, the lines of labels, then the scale, from the top of the area.
    let lines_used = placed.iter().map(|&(_, _, up)| up).max().unwrap_or(0);
    let scale_y = area.y + 1 + lines_used;
    put(
        buf,
        area.x + 1,
        area.y,
        &format!("{}  ({})", s.landscape_axis, s.axis_title),
        area.width.saturating_sub(2),
        theme.dim(),
    );
    put(
        buf,
        area.x + 1,
        scale_y,
        s.execution,
        left_label,
        theme.dim(),
    );
    put(
        buf,
        x0 + scale_width + 1,
        scale_y,
        s.strategy,
        right_label,
        theme.dim(),
    );
    let mut scale = String::from("├");
    scale.push_str(&"─".repeat(usize::from(scale_width - 2)));
    scale.push('┤');
    buf.set_string(x0, scale_y, scale, theme.dim());
    for &i in &order {
        let selected = i == landscape.row || i == landscape.column;
        let style = if i == landscape.row {
            theme.left_role()
        } else if i == landscape.column {
            theme.right_role()
        } else {
            theme.key()
        };
        let x = place(matrix.axis[i].unwrap_or(0.0));
        let mark = if selected { "●" } else { "┼" };
        buf.set_string(x, scale_y, mark, if selected { style } else { theme.dim() });
        if let Some(&(_, start, up)) = placed.iter().find(|(p, _, _)| *p == i) {
            buf.set_string(start, scale_y - up, &shorts[i], style);
        }
    }
}

/// A cell's percentage in its language, in the 4 columns a cell gives it (`100%` keeps
/// no space in French, where `23 %` does).
fn cell_percent(app: &App, similarity: f64) -> String {
    let plain = format!("{}%", percent(similarity));
    let local = crate::numbers::local(app.lang, &plain);
    if rolediff::text::width(&local) > 4 {
        plain
    } else {
        local
    }
}
