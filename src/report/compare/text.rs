//! The comparison as `diff -y` text.

use crate::compare::{Comparison, Filter, Marker, Row, RowCounts, axis_position, rows};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx};
use crate::report::compare::{Words, filter_words, label, percent, words};
use crate::report::{axis_words, position_text, similarity_range};
use crate::text::{fit, sanitize, truncate, width};

/// How the text report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns (at least 40 is used).
    pub width: usize,
    /// ANSI colours; markers are there either way.
    pub color: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        Self {
            width: 100,
            color: false,
        }
    }
}

/// Words of the reports, per language.
fn paint(text: &str, marker: Option<Marker>, color: bool) -> String {
    if !color || text.is_empty() {
        return text.to_string();
    }
    let code = match marker {
        None => "1",
        Some(Marker::Shared) => return text.to_string(),
        Some(Marker::LeftOnly) => "31",
        Some(Marker::RightOnly) => "32",
        Some(Marker::Near) => "33",
        Some(Marker::Split) => "35",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// The similarity line: the range, and what its two ends are when they differ.
fn similarity_line(comparison: &Comparison, w: &Words) -> String {
    let range = similarity_range(comparison.similarity, comparison.similarity_agreed);
    match (comparison.similarity, comparison.similarity_agreed) {
        (Some(claimed), Some(agreed)) if percent(claimed) != percent(agreed) => format!(
            "{}{}{range} ({})",
            w.similarity,
            w.colon,
            (w.range)(percent(claimed), percent(agreed))
        ),
        _ => format!("{}{}{range}", w.similarity, w.colon),
    }
}

/// Like `diff -y`: a header (both roles, similarity, axes, counts, filter, the marks),
/// then per theme a heading and one row per task or pair,
/// `!left-cell marker !right-cell`, `!` marking a contested task.
pub fn compare_text(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
    options: TextOptions,
) -> String {
    let w = words(lang);
    let color = options.color;
    let (left, right) = (&data.roles[comparison.left], &data.roles[comparison.right]);
    let (left_id, right_id) = (sanitize(&left.id), sanitize(&right.id));
    let layout = rows(data, comparison, filter);
    let counts = RowCounts::of(data, comparison, filter, &layout);
    let mut out = format!(
        "{}  ⟷  {}\n",
        paint(
            &format!("{} ({left_id})", sanitize(left.name.get(lang))),
            None,
            color
        ),
        paint(
            &format!("{} ({right_id})", sanitize(right.name.get(lang))),
            None,
            color
        ),
    );
    out.push_str(&similarity_line(comparison, &w));
    out.push('\n');
    out.push_str(&format!(
        "= {} {}   < {} {left_id} {}   > {} {right_id} {}   ~ {} {}   ^ {} {}   ! {} {}\n",
        counts.shared,
        w.shared,
        counts.left,
        w.only,
        counts.right,
        w.only,
        counts.near,
        w.near,
        counts.split,
        w.split,
        counts.contested,
        w.contested,
    ));
    let positions = (
        axis_position(data, comparison.left, filter),
        axis_position(data, comparison.right, filter),
    );
    out.push_str(&format!(
        "{} ({}), {}{}{left_id} {}, {right_id} {}\n",
        w.axis,
        axis_words(lang),
        w.without_contested,
        w.colon,
        position_text(&positions.0, lang),
        position_text(&positions.1, lang),
    ));
    if let Some(text) = filter_words(data, filter, lang) {
        out.push_str(&text);
        out.push('\n');
    }
    if layout.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }
    let total = options.width.max(40);
    // Each side: a one-column contest mark, then the label.
    let column = (total - 3) / 2 - 1;
    let mark = |role: RoleIdx, cell: Option<usize>| {
        if cell.is_some_and(|i| filter.contests(&data.roles[role].tasks[i])) {
            "!"
        } else {
            " "
        }
    };
    for row in layout {
        match row {
            Row::Theme(theme) => {
                out.push('\n');
                let heading = sanitize(data.themes[theme].label.get(lang));
                out.push_str(&paint(&truncate(&heading, total), None, color));
                out.push('\n');
            }
            Row::Task {
                marker,
                left: l,
                right: r,
                score,
            } => {
                let left_cell = l.map_or_else(String::new, |i| {
                    sanitize(label(data, comparison.left, i, lang)).into_owned()
                });
                let right_text = r.map_or_else(String::new, |j| {
                    sanitize(label(data, comparison.right, j, lang)).into_owned()
                });
                let right_cell = if matches!(marker, Marker::Near | Marker::Split) {
                    let suffix = format!("  {}%", (score * 100.0).round());
                    let room = column.saturating_sub(width(&suffix));
                    format!("{}{suffix}", truncate(&right_text, room))
                } else {
                    truncate(&right_text, column).into_owned()
                };
                let left_paint = matches!(marker, Marker::LeftOnly | Marker::Near | Marker::Split);
                let right_paint =
                    matches!(marker, Marker::RightOnly | Marker::Near | Marker::Split);
                let line = format!(
                    "{}{} {} {}{}",
                    mark(comparison.left, l),
                    if left_paint {
                        paint(&fit(&left_cell, column), Some(marker), color)
                    } else {
                        fit(&left_cell, column)
                    },
                    paint(&marker.symbol().to_string(), Some(marker), color),
                    mark(comparison.right, r),
                    if right_paint {
                        paint(&right_cell, Some(marker), color)
                    } else {
                        right_cell
                    },
                );
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    // What the marks mean, once, after the rows they explain.
    out.push('\n');
    out.push_str(w.legend);
    out.push('\n');
    out
}
