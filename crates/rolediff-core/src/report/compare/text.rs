//! The comparison as `diff -y` text: both roles' cells side by side with the mark
//! between them, each cell with its axis and its sources, labels wrapped, never cut.

use crate::compare::{Comparison, Filter, Marker, Row, RowCounts, Shown, rows};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx};
use crate::report::colors::{ReportColors, paint};
use crate::report::compare::{
    SourceRefs, Words, axis_line, count_items, filter_words, heading_counts, label, percent, words,
};
use crate::report::{decimal_sign, similarity_range};
use crate::text::{sanitize, width, wrap};

/// How the text report is drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextOptions {
    /// Total width in columns (at least 40 is used), labels wrapping inside it; `None`
    /// for as wide as the longest cell needs, so that nothing wraps (for a pipe, where
    /// no width is known: a script gets every label whole on one line).
    pub width: Option<usize>,
    /// Colours, or `None` for none; the marks carry the meaning either way.
    pub colors: Option<ReportColors>,
    /// Which rows are shown (`--only`).
    pub shown: Shown,
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

/// One side of a row: the label, then its axis and its sources.
fn cell_text(
    data: &DataSet,
    role: RoleIdx,
    cell: Option<usize>,
    refs: &SourceRefs,
    lang: Lang,
) -> String {
    let Some(i) = cell else {
        return String::new();
    };
    let entry = &data.roles[role].tasks[i];
    let axis = data.tasks[entry.task].axis.map_or_else(
        || "–".to_string(),
        |a| decimal_sign(format!("{a:.1}"), lang),
    );
    // No-break spaces keep the axis and the sources with the label's last word when
    // the cell wraps.
    format!(
        "{}\u{a0}·\u{a0}{axis}\u{a0}{}",
        sanitize(label(data, role, i, lang)),
        refs.cell(&entry.sources)
    )
}

/// Like `diff -y`: a header (both roles, similarity, axes, counts, filter), then per
/// theme a heading with its counts and one row per task or pair,
/// `!left-cell  mark  !right-cell`, `!` marking a contested task; each cell ends with
/// the task's axis and its sources (`· 0.9 [1,2]`), listed under the rows with the
/// meaning of the marks.
pub fn compare_text(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
    options: &TextOptions,
) -> String {
    let w = words(lang);
    let colors = options.colors.as_ref();
    let title = |text: &str| paint(text, colors.map(|c| c.title.as_str()));
    let (left, right) = (&data.roles[comparison.left], &data.roles[comparison.right]);
    let (left_id, right_id) = (sanitize(&left.id), sanitize(&right.id));
    let layout = options.shown.select(rows(data, comparison, filter));
    let counts = RowCounts::of(data, comparison, filter, &layout);
    let mut out = format!(
        "{}  ⟷  {}\n",
        title(&format!("{} ({left_id})", sanitize(left.name.get(lang)))),
        title(&format!("{} ({right_id})", sanitize(right.name.get(lang)))),
    );
    out.push_str(&similarity_line(comparison, &w));
    out.push('\n');
    let items = count_items(&counts, &w, (&left_id, &right_id));
    let items: Vec<String> = items
        .iter()
        .map(|(mark, count, what)| format!("{mark} {count} {what}"))
        .collect();
    out.push_str(&items.join("   "));
    out.push('\n');
    out.push_str(&axis_line(
        data,
        comparison,
        filter,
        lang,
        (&left_id, &right_id),
    ));
    out.push('\n');
    if let Some(text) = filter_words(data, filter, lang) {
        out.push_str(&text);
        out.push('\n');
    }
    if layout.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }

    let refs = SourceRefs::new(data, comparison, &layout);
    // Cells as text, once: the widest decides the column when no width is given.
    let cells: Vec<Option<(String, String)>> = layout
        .iter()
        .map(|row| match *row {
            Row::Task {
                marker,
                left: l,
                right: r,
                score,
            } => {
                let left_cell = cell_text(data, comparison.left, l, &refs, lang);
                let mut right_cell = cell_text(data, comparison.right, r, &refs, lang);
                if matches!(marker, Marker::Near | Marker::Split) {
                    right_cell.push_str(&format!("\u{a0}·\u{a0}{}%", (score * 100.0).round()));
                }
                Some((left_cell, right_cell))
            }
            Row::Theme(_) => None,
        })
        .collect();
    // Each side: a one-column contest mark, then the cell; ` m ` between the sides.
    let column = match options.width {
        Some(total) => (total.max(40) - 3) / 2 - 1,
        None => cells
            .iter()
            .flatten()
            .map(|(l, r)| width(l).max(width(r)))
            .max()
            .unwrap_or(1),
    };
    let contest_mark = |role: RoleIdx, cell: Option<usize>| {
        if cell.is_some_and(|i| filter.contests(&data.roles[role].tasks[i])) {
            paint("!", colors.map(|c| c.contested.as_str()))
        } else {
            " ".to_string()
        }
    };
    for (index, row) in layout.iter().enumerate() {
        match *row {
            Row::Theme(theme) => {
                out.push('\n');
                let heading = sanitize(data.themes[theme].label.get(lang));
                let under = heading_counts(&layout[index + 1..]);
                out.push_str(&title(&heading));
                out.push_str(&format!("  ({under})\n"));
            }
            Row::Task {
                marker,
                left: l,
                right: r,
                ..
            } => {
                let Some((left_cell, right_cell)) = &cells[index] else {
                    continue;
                };
                let color = colors.and_then(|c| c.of_marker(marker));
                let left_lines = wrap(left_cell, column);
                let right_lines = wrap(right_cell, column);
                let height = left_lines.len().max(right_lines.len());
                for line in 0..height {
                    // The no-break spaces did their work: print plain spaces.
                    let plain = |lines: &[String]| {
                        lines
                            .get(line)
                            .map_or(String::new(), |l| l.replace('\u{a0}', " "))
                    };
                    let (left_text, right_text) = (plain(&left_lines), plain(&right_lines));
                    let (left_text, right_text) = (left_text.as_str(), right_text.as_str());
                    let pad = " ".repeat(column.saturating_sub(width(left_text)));
                    let (left_mark, gutter, right_mark) = if line == 0 {
                        (
                            contest_mark(comparison.left, l),
                            paint(&marker.symbol().to_string(), color),
                            contest_mark(comparison.right, r),
                        )
                    } else {
                        (" ".into(), " ".into(), " ".into())
                    };
                    let left_color = color.filter(|_| l.is_some() && marker != Marker::RightOnly);
                    let right_color = color.filter(|_| r.is_some() && marker != Marker::LeftOnly);
                    let text = format!(
                        "{left_mark}{}{pad} {gutter} {right_mark}{}",
                        paint(left_text, left_color),
                        paint(right_text, right_color),
                    );
                    out.push_str(text.trim_end());
                    out.push('\n');
                }
            }
        }
    }
    // What the numbers and the marks mean, once, after the rows they explain.
    out.push_str(&format!(
        "\n{}{}{}\n",
        w.sources,
        w.colon,
        refs.legend(data)
    ));
    out.push_str(w.legend);
    out.push('\n');
    out
}
