//! The comparison as a Markdown document.

use crate::compare::{Comparison, Filter, Marker, Row, RowCounts, Shown, rows};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx};
use crate::report::compare::{
    SourceRefs, axis_line, count_items, filter_words, heading_counts, label, percent, words,
};
use crate::report::{decimal_sign, similarity_range};
use crate::text::sanitize;

/// Text safe inside a Markdown table cell: sanitized, with Markdown punctuation and
/// the cell separator escaped.
pub(crate) fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '~' | '!' | '^'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The same comparison as a Markdown document: a title, the figures as a list, then
/// one table whose first column names the theme (with its rows' counts) on the first
/// row of each group; each task with its axis and its sources, numbered and listed
/// under the table with their titles.
pub fn compare_markdown(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
    shown: Shown,
) -> String {
    let w = words(lang);
    let (left, right) = (&data.roles[comparison.left], &data.roles[comparison.right]);
    let (left_name, right_name) = (
        markdown_cell(left.name.get(lang)),
        markdown_cell(right.name.get(lang)),
    );
    let layout = shown.select(rows(data, comparison, filter));
    let counts = RowCounts::of(data, comparison, filter, &layout);
    let mut out = format!("# {left_name} ⟷ {right_name}\n\n");
    let range = similarity_range(comparison.similarity, comparison.similarity_agreed);
    out.push_str(&format!("- {}{}**{range}**", w.similarity, w.colon));
    if let (Some(claimed), Some(agreed)) = (comparison.similarity, comparison.similarity_agreed)
        && percent(claimed) != percent(agreed)
    {
        out.push_str(&format!(
            " ({})",
            (w.range)(percent(claimed), percent(agreed))
        ));
    }
    out.push('\n');
    let axis = axis_line(data, comparison, filter, lang, (&left_name, &right_name));
    out.push_str(&format!("- {axis}\n"));
    let items = count_items(&counts, &w, (&left_name, &right_name));
    let items: Vec<String> = items
        .iter()
        .map(|(mark, count, what)| format!("`{mark}` {count} {what}"))
        .collect();
    out.push_str(&format!("- {}\n", items.join(", ")));
    if let Some(text) = filter_words(data, filter, lang) {
        out.push_str(&format!("- {}\n", markdown_cell(&text)));
    }
    for line in w.legend.lines() {
        out.push_str(&format!("- {}\n", markdown_cell(line)));
    }
    if layout.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }
    let refs = SourceRefs::new(data, comparison, &layout);
    out.push_str(&format!(
        "\n| {} | {left_name} | {axis} | | {right_name} | {axis} |\n\
         | --- | --- | --: | :-: | --- | --: |\n",
        w.theme,
        axis = w.axis,
    ));
    // A cell: the label (`!` when contested) and its sources' numbers; then its axis.
    let cell = |role: RoleIdx, index: Option<usize>| -> (String, String) {
        index.map_or_else(Default::default, |i| {
            let entry = &data.roles[role].tasks[i];
            let mut text = markdown_cell(label(data, role, i, lang));
            if filter.contests(entry) {
                text = format!("**!** {text}");
            }
            text.push_str(&format!(" {}", markdown_cell(&refs.cell(&entry.sources))));
            let axis = data.tasks[entry.task].axis.map_or_else(
                || "–".to_string(),
                |a| decimal_sign(format!("{a:.1}"), lang),
            );
            (text, axis)
        })
    };
    let mut theme_cell = String::new();
    for (index, row) in layout.iter().enumerate() {
        match *row {
            Row::Theme(theme) => {
                theme_cell = format!(
                    "{} ({})",
                    markdown_cell(data.themes[theme].label.get(lang)),
                    markdown_cell(&heading_counts(&layout[index + 1..]))
                )
            }
            Row::Task {
                marker,
                left: l,
                right: r,
                score,
            } => {
                let (left_cell, left_axis) = cell(comparison.left, l);
                let (mut right_cell, right_axis) = cell(comparison.right, r);
                if matches!(marker, Marker::Near | Marker::Split) {
                    right_cell.push_str(&format!(" ({}%)", (score * 100.0).round()));
                }
                out.push_str(&format!(
                    "| {} | {left_cell} | {left_axis} | `{}` | {right_cell} | {right_axis} |\n",
                    std::mem::take(&mut theme_cell),
                    marker.symbol()
                ));
            }
        }
    }
    out.push_str(&format!("\n{}{}\n\n", w.sources, w.colon.trim_end()));
    for (number, source) in refs.numbered() {
        let source = &data.sources[source];
        out.push_str(&format!(
            "{number}. `{}` {}\n",
            markdown_cell(&source.id),
            markdown_cell(&source.title)
        ));
    }
    out
}
