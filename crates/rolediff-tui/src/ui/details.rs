//! What is known about the selected task, for the details popup and the side panel of
//! wide screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use rolediff::compare::{Marker, Row};
use rolediff::model::SourceIdx;
use rolediff::text::{no_break_before_punctuation, sanitize};

use crate::action::Side;
use crate::app::App;

/// The lines describing the selected task.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let s = app.strings();
    let theme = &app.theme;
    let Some((side, index)) = app.selected_cell() else {
        return vec![Line::styled(s.no_task, theme.dim())];
    };
    let data = app.data;
    let task_index = data.roles[app.role(side)].tasks[index].task;
    let task = &data.tasks[task_index];
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name}{}", s.colon), theme.field()),
            // The paragraph wraps this text: French punctuation keeps its space.
            Span::raw(no_break_before_punctuation(&value).into_owned()),
        ])
    };
    let mut out = vec![
        Line::styled(
            app.task_label(task_index),
            theme.title().add_modifier(Modifier::BOLD),
        ),
        Line::default(),
        field(s.english, sanitize(&task.label.en).into_owned()),
        field(s.french, sanitize(&task.label.fr).into_owned()),
        field(
            s.themes_field,
            task.themes
                .iter()
                .map(|&t| app.theme_label(t))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        field(
            s.axis,
            match task.axis {
                Some(axis) => crate::numbers::local(
                    app.lang,
                    &format!("{axis:.2}  ({} 0 … 1 {})", s.execution, s.strategy),
                ),
                None => s.off_axis.to_string(),
            },
        ),
    ];
    if let Some(description) = &task.description {
        out.push(field(
            s.description,
            sanitize(description.get(app.lang)).into_owned(),
        ));
    }
    // Who says so, for each role of this row that has the task.
    let Some(Row::Task {
        marker,
        left,
        right,
        score,
    }) = app.selected_row()
    else {
        return out;
    };
    for (row_side, cell) in [(Side::Left, left), (Side::Right, right)] {
        let Some(cell) = cell else { continue };
        let role_task = &data.roles[app.role(row_side)].tasks[cell];
        if role_task.task != task_index {
            continue;
        }
        out.push(Line::default());
        out.push(Line::styled(
            app.role_name(app.role(row_side)),
            theme
                .role(row_side == Side::Left)
                .add_modifier(Modifier::UNDERLINED),
        ));
        out.push(field(s.said_by, sources(app, &role_task.sources)));
        // Only the contests of the view's sources: under a source filter, the view is
        // theirs.
        let contesting: Vec<SourceIdx> = app.filter.in_view(&role_task.contested_by).collect();
        if !contesting.is_empty() {
            out.push(Line::from(vec![
                Span::styled("! ", theme.contested()),
                Span::styled(format!("{}{}", s.contested_by, s.colon), theme.field()),
                Span::raw(sources(app, &contesting)),
            ]));
        }
        if let Some(note) = &role_task.note {
            out.push(field(s.note, sanitize(note.get(app.lang)).into_owned()));
        }
    }
    // A near pair: the other side's task says nearly the same thing.
    let other = match side {
        Side::Left => right.map(|i| (Side::Right, i)),
        Side::Right => left.map(|i| (Side::Left, i)),
    };
    if let Some((other_side, other_index)) = other {
        let other_task = data.roles[app.role(other_side)].tasks[other_index].task;
        if other_task != task_index {
            out.push(Line::default());
            out.push(field(
                s.near_to,
                format!(
                    "{} ({}, {})",
                    app.task_label(other_task),
                    app.role_name(app.role(other_side)),
                    crate::numbers::local(app.lang, &format!("{:.0}%", score * 100.0))
                ),
            ));
            // Why: the words the two labels meet on, this task's first, `a = b` where
            // they are written differently (a derivation, declared synonyms).
            let words: Vec<String> = app
                .comparator()
                .words_in_common(task_index, other_task, app.lang)
                .into_iter()
                .map(|m| {
                    let (left, right) = (sanitize(&m.left), sanitize(&m.right));
                    if left.to_lowercase() == right.to_lowercase() {
                        left.into_owned()
                    } else {
                        format!("{left} = {right}")
                    }
                })
                .collect();
            if !words.is_empty() {
                out.push(field(s.in_common, words.join(", ")));
            }
            // A split pair: say which side decides and which carries out.
            if marker == Marker::Split {
                let (l, r) = (app.role(Side::Left), app.role(Side::Right));
                let axis = |side: Side, cell: Option<usize>| {
                    cell.and_then(|i| data.tasks[data.roles[app.role(side)].tasks[i].task].axis)
                };
                let (decides, carries_out) = if axis(Side::Left, left) >= axis(Side::Right, right) {
                    (l, r)
                } else {
                    (r, l)
                };
                out.push(Line::from(vec![
                    Span::styled("^ ", theme.field()),
                    Span::raw((s.split_roles)(
                        &app.role_name(decides),
                        &app.role_name(carries_out),
                    )),
                ]));
            }
        }
    }
    let others: Vec<String> = data
        .roles
        .iter()
        .enumerate()
        .filter(|(r, role)| {
            *r != app.left && *r != app.right && role.tasks.iter().any(|t| t.task == task_index)
        })
        .map(|(r, _)| app.role_name(r))
        .collect();
    out.push(Line::default());
    out.push(field(
        s.also_in,
        if others.is_empty() {
            s.none.to_string()
        } else {
            others.join(", ")
        },
    ));
    out
}

fn sources(app: &App, list: &[SourceIdx]) -> String {
    list.iter()
        .map(|&i| {
            let source = &app.data.sources[i];
            format!("{} (“{}”)", sanitize(&source.id), sanitize(&source.title))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The details as a side panel (wide screens).
pub fn render_panel(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(app.theme.dim())
        .title(Line::styled(
            format!(" {} ", app.strings().details),
            app.theme.field(),
        ));
    Paragraph::new(lines(app))
        .wrap(Wrap { trim: true })
        .block(block.padding(ratatui::widgets::Padding::horizontal(1)))
        .render(area, buf);
}
