//! `rolediff compare A B`: the comparison as `diff -y` text, a Markdown table or JSON.

use serde::Serialize;

use crate::compare::{Comparison, Filter, Marker, Row, rows};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, RoleTask};
use crate::report::{TaskJson, axis_words, round_axis, task_json, to_json};
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
struct Words {
    similarity: &'static str,
    axis: &'static str,
    shared: &'static str,
    only: &'static str,
    near: &'static str,
    filter: &'static str,
    themes: &'static str,
    sources: &'static str,
    query: &'static str,
    theme: &'static str,
    nothing: &'static str,
    /// ": " in English, " : " in French typography.
    colon: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            similarity: "Similarity",
            axis: "Axis",
            shared: "shared",
            only: "only",
            near: "near",
            filter: "Filter",
            themes: "themes",
            sources: "sources",
            query: "query",
            theme: "Theme",
            nothing: "No task passes the filter.",
            colon: ": ",
        },
        Lang::Fr => Words {
            similarity: "Similarité",
            axis: "Axe",
            shared: "en commun",
            only: "seulement",
            near: "proches",
            filter: "Filtre",
            themes: "thèmes",
            sources: "sources",
            query: "texte",
            theme: "Thème",
            nothing: "Aucune tâche ne passe le filtre.",
            colon: " : ",
        },
    }
}

/// A similarity as a whole percentage that shows 100% only for identical task sets
/// (0.996 would otherwise round up to 100%).
pub fn percent(similarity: f64) -> u32 {
    let rounded = (similarity * 100.0).round() as u32;
    if similarity < 1.0 {
        rounded.min(99)
    } else {
        100
    }
}

fn axis_text(axis: Option<f64>) -> String {
    axis.map_or_else(|| "–".to_string(), |a| format!("{a:.2}"))
}

/// The filter in words, or `None` when it lets everything through.
fn filter_text(data: &DataSet, filter: &Filter, w: &Words) -> Option<String> {
    if filter.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !filter.themes.is_empty() {
        let ids: Vec<&str> = filter
            .themes
            .iter()
            .map(|&t| data.themes[t].id.as_str())
            .collect();
        parts.push(format!("{} {}", w.themes, ids.join(", ")));
    }
    if !filter.sources.is_empty() {
        let ids: Vec<&str> = filter
            .sources
            .iter()
            .map(|&s| data.sources[s].id.as_str())
            .collect();
        parts.push(format!("{} {}", w.sources, ids.join(", ")));
    }
    if !filter.query.trim().is_empty() {
        parts.push(format!("{} \"{}\"", w.query, filter.query.trim()));
    }
    Some(sanitize(&parts.join("; ")).into_owned())
}

fn label(data: &DataSet, role: RoleIdx, index: usize, lang: Lang) -> &str {
    data.tasks[data.roles[role].tasks[index].task]
        .label
        .get(lang)
}

/// ANSI colours of the text report. Meaning is in the markers; colour only helps.
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
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Like `diff -y`: a header (both roles, similarity, axes, counts, filter), then per
/// theme a heading and one row per task or near pair, `left │ marker │ right`.
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
    out.push_str(&format!(
        "{}{}{}%   = {} {}   < {} {left_id} {}   > {} {right_id} {}   ~ {} {}\n",
        w.similarity,
        w.colon,
        percent(comparison.similarity),
        comparison.shared.len(),
        w.shared,
        comparison.left_only.len(),
        w.only,
        comparison.right_only.len(),
        w.only,
        comparison.near.len(),
        w.near,
    ));
    out.push_str(&format!(
        "{} ({}){}{left_id} {}, {right_id} {}\n",
        w.axis,
        axis_words(lang),
        w.colon,
        axis_text(comparison.left_axis),
        axis_text(comparison.right_axis),
    ));
    if let Some(text) = filter_text(data, filter, &w) {
        out.push_str(&format!("{}{}{text}\n", w.filter, w.colon));
    }

    let layout = rows(data, comparison, filter);
    if layout.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }
    let total = options.width.max(40);
    let column = (total - 3) / 2;
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
                let right_cell = if marker == Marker::Near {
                    let suffix = format!("  {}%", (score * 100.0).round());
                    let room = column.saturating_sub(width(&suffix));
                    format!("{}{suffix}", truncate(&right_text, room))
                } else {
                    truncate(&right_text, column).into_owned()
                };
                let left_paint = matches!(marker, Marker::LeftOnly | Marker::Near);
                let right_paint = matches!(marker, Marker::RightOnly | Marker::Near);
                let line = format!(
                    "{} {} {}",
                    if left_paint {
                        paint(&fit(&left_cell, column), Some(marker), color)
                    } else {
                        fit(&left_cell, column)
                    },
                    paint(&marker.symbol().to_string(), Some(marker), color),
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
    out
}

/// Text safe inside a Markdown table cell: sanitized, with Markdown punctuation and
/// the cell separator escaped.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The same comparison as a Markdown document: a title, the figures as a list, then
/// one table whose first column names the theme on the first row of each group.
pub fn compare_markdown(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
) -> String {
    let w = words(lang);
    let (left, right) = (&data.roles[comparison.left], &data.roles[comparison.right]);
    let (left_name, right_name) = (
        markdown_cell(left.name.get(lang)),
        markdown_cell(right.name.get(lang)),
    );
    let mut out = format!("# {left_name} ⟷ {right_name}\n\n");
    out.push_str(&format!(
        "- {}{}**{}%**\n",
        w.similarity,
        w.colon,
        percent(comparison.similarity)
    ));
    out.push_str(&format!(
        "- {} ({}){}{left_name} {}, {right_name} {}\n",
        w.axis,
        axis_words(lang),
        w.colon,
        axis_text(comparison.left_axis),
        axis_text(comparison.right_axis),
    ));
    out.push_str(&format!(
        "- `=` {} {}, `<` {} {left_name} {}, `>` {} {right_name} {}, `~` {} {}\n",
        comparison.shared.len(),
        w.shared,
        comparison.left_only.len(),
        w.only,
        comparison.right_only.len(),
        w.only,
        comparison.near.len(),
        w.near,
    ));
    if let Some(text) = filter_text(data, filter, &w) {
        out.push_str(&format!(
            "- {}{}{}\n",
            w.filter,
            w.colon,
            markdown_cell(&text)
        ));
    }
    let layout = rows(data, comparison, filter);
    if layout.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }
    out.push_str(&format!(
        "\n| {} | {left_name} | | {right_name} |\n| --- | --- | :-: | --- |\n",
        w.theme
    ));
    let mut theme_cell = String::new();
    for row in layout {
        match row {
            Row::Theme(theme) => theme_cell = markdown_cell(data.themes[theme].label.get(lang)),
            Row::Task {
                marker,
                left: l,
                right: r,
                score,
            } => {
                let left_cell = l.map_or_else(String::new, |i| {
                    markdown_cell(label(data, comparison.left, i, lang))
                });
                let mut right_cell = r.map_or_else(String::new, |j| {
                    markdown_cell(label(data, comparison.right, j, lang))
                });
                if marker == Marker::Near {
                    right_cell.push_str(&format!(" ({}%)", (score * 100.0).round()));
                }
                out.push_str(&format!(
                    "| {} | {left_cell} | `{}` | {right_cell} |\n",
                    std::mem::take(&mut theme_cell),
                    marker.symbol()
                ));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct RoleRefJson<'a> {
    id: &'a str,
    name: &'a str,
    axis: Option<f64>,
}

/// A value for each side of the comparison.
#[derive(Serialize)]
struct Sides<T> {
    left: T,
    right: T,
}

/// A shared task: one label, and what each role's sources say.
#[derive(Serialize)]
struct SharedJson<'a> {
    id: &'a str,
    label: &'a str,
    themes: Vec<&'a str>,
    axis: f64,
    sources: Sides<Vec<&'a str>>,
    contested_by: Sides<Vec<&'a str>>,
    note: Sides<Option<&'a str>>,
}

#[derive(Serialize)]
struct NearJson<'a> {
    left: TaskJson<'a>,
    right: TaskJson<'a>,
    score: f64,
}

#[derive(Serialize)]
struct ThemeCountJson<'a> {
    id: &'a str,
    label: &'a str,
    left: usize,
    right: usize,
    shared: usize,
}

#[derive(Serialize)]
struct FilterJson<'a> {
    themes: Vec<&'a str>,
    sources: Vec<&'a str>,
    query: &'a str,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    left: RoleRefJson<'a>,
    right: RoleRefJson<'a>,
    similarity: f64,
    filter: FilterJson<'a>,
    shared: Vec<SharedJson<'a>>,
    left_only: Vec<TaskJson<'a>>,
    right_only: Vec<TaskJson<'a>>,
    near: Vec<NearJson<'a>>,
    themes: Vec<ThemeCountJson<'a>>,
}

/// The comparison as JSON (shape in docs/json.md). Numbers are rounded to three
/// decimals; a role's `axis` is over its filtered tasks, `null` when none pass.
pub fn compare_json(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
) -> String {
    let left_role = &data.roles[comparison.left];
    let right_role = &data.roles[comparison.right];
    let left_task = |i: usize| -> &RoleTask { &left_role.tasks[i] };
    let right_task = |j: usize| -> &RoleTask { &right_role.tasks[j] };
    let source_ids =
        |ids: &[usize]| -> Vec<&str> { ids.iter().map(|&s| data.sources[s].id.as_str()).collect() };
    let shared = comparison
        .shared
        .iter()
        .map(|s| {
            let task = &data.tasks[s.task];
            let (l, r) = (left_task(s.left), right_task(s.right));
            SharedJson {
                id: &task.id,
                label: task.label.get(lang),
                themes: task
                    .themes
                    .iter()
                    .map(|&t| data.themes[t].id.as_str())
                    .collect(),
                axis: round_axis(task.axis),
                sources: Sides {
                    left: source_ids(&l.sources),
                    right: source_ids(&r.sources),
                },
                contested_by: Sides {
                    left: source_ids(&l.contested_by),
                    right: source_ids(&r.contested_by),
                },
                note: Sides {
                    left: l.note.as_ref().map(|n| n.get(lang)),
                    right: r.note.as_ref().map(|n| n.get(lang)),
                },
            }
        })
        .collect();
    to_json(&CompareJson {
        left: RoleRefJson {
            id: &left_role.id,
            name: left_role.name.get(lang),
            axis: comparison.left_axis.map(round_axis),
        },
        right: RoleRefJson {
            id: &right_role.id,
            name: right_role.name.get(lang),
            axis: comparison.right_axis.map(round_axis),
        },
        similarity: round_axis(comparison.similarity),
        filter: FilterJson {
            themes: filter
                .themes
                .iter()
                .map(|&t| data.themes[t].id.as_str())
                .collect(),
            sources: source_ids(&filter.sources),
            query: filter.query.trim(),
        },
        shared,
        left_only: comparison
            .left_only
            .iter()
            .map(|&i| task_json(data, left_task(i), lang))
            .collect(),
        right_only: comparison
            .right_only
            .iter()
            .map(|&j| task_json(data, right_task(j), lang))
            .collect(),
        near: comparison
            .near
            .iter()
            .map(|p| NearJson {
                left: task_json(data, left_task(p.left), lang),
                right: task_json(data, right_task(p.right), lang),
                score: round_axis(p.score),
            })
            .collect(),
        themes: comparison
            .themes
            .iter()
            .map(|c| ThemeCountJson {
                id: &data.themes[c.theme].id,
                label: data.themes[c.theme].label.get(lang),
                left: c.left,
                right: c.right,
                shared: c.shared,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparator;
    use crate::compare::test_data::{data, role, task};

    fn example() -> DataSet {
        let tasks = vec![
            task("strategy", "Set the strategy", &[0], 0.9),
            task("moderate", "Moderate the comments", &[1], 0.2),
            task("moderation", "Comment moderation", &[1], 0.3),
            task("evil", "Post \u{1b}]0;pwned\u{7} | *now*", &[1], 0.1),
        ];
        data(2, tasks, vec![role("a", &[0, 1, 3]), role("b", &[0, 2])])
    }

    #[test]
    fn text_reads_like_diff_side_by_side() {
        let data = example();
        let c = Comparator::new(&data).compare(0, 1, &Filter::default());
        let text = compare_text(
            &data,
            &c,
            &Filter::default(),
            Lang::En,
            TextOptions {
                width: 41,
                color: false,
            },
        );
        // overlap = 1 + 1 (near) = 2; union = 3 + 2 − 2 = 3 → 67%.
        let expected = "\
A (a)  ⟷  B (b)
Similarity: 67%   = 1 shared   < 2 a only   > 1 b only   ~ 1 near
Axis (0 = execution, 1 = strategy): a 0.40, b 0.60

Theme 0
Set the strategy    = Set the strategy

Theme 1
Moderate the comme… ~ Comment mode…  100%
Post �]0;pwned� | … <
";
        assert_eq!(text, expected);
    }

    #[test]
    fn colour_is_optional_and_markers_stay() {
        let data = example();
        let c = Comparator::new(&data).compare(0, 1, &Filter::default());
        let options = |color| TextOptions { width: 60, color };
        let plain = compare_text(&data, &c, &Filter::default(), Lang::En, options(false));
        let colored = compare_text(&data, &c, &Filter::default(), Lang::En, options(true));
        assert!(!plain.contains('\u{1b}'));
        assert!(colored.contains("\u{1b}[33m~\u{1b}[0m"));
        let strip = |s: &str| {
            let mut out = String::new();
            let mut chars = s.chars();
            while let Some(c) = chars.next() {
                if c == '\u{1b}' {
                    for c in chars.by_ref() {
                        if c == 'm' {
                            break;
                        }
                    }
                } else {
                    out.push(c);
                }
            }
            out
        };
        assert_eq!(strip(&colored), plain);
    }

    #[test]
    fn markdown_is_one_escaped_table() {
        let data = example();
        let filter = Filter {
            themes: vec![1],
            ..Filter::default()
        };
        let c = Comparator::new(&data).compare(0, 1, &filter);
        let md = compare_markdown(&data, &c, &filter, Lang::En);
        assert!(md.starts_with("# A ⟷ B\n\n- Similarity: **"));
        assert!(md.contains("- Filter: themes t0\n") || md.contains("- Filter: themes t1\n"));
        assert!(md.contains("| Theme | A | | B |\n| --- | --- | :-: | --- |\n"));
        assert!(
            md.contains("| Theme 1 | Moderate the comments | `~` | Comment moderation (100%) |")
        );
        assert!(md.contains("|  | Post �\\]0;pwned� \\| \\*now\\* | `<` |  |"));
        assert!(!md.contains('\u{1b}'));
    }

    #[test]
    fn json_gives_sources_per_side_and_null_axis_when_nothing_passes() {
        let data = example();
        let filter = Filter {
            query: "no such words".into(),
            ..Filter::default()
        };
        let c = Comparator::new(&data).compare(0, 1, &filter);
        let json: serde_json::Value =
            serde_json::from_str(&compare_json(&data, &c, &filter, Lang::En)).unwrap();
        assert_eq!(json["left"]["axis"], serde_json::Value::Null);
        assert_eq!(json["similarity"], 1.0);
        assert_eq!(json["filter"]["query"], "no such words");

        let c = Comparator::new(&data).compare(0, 1, &Filter::default());
        let json: serde_json::Value =
            serde_json::from_str(&compare_json(&data, &c, &Filter::default(), Lang::En)).unwrap();
        assert_eq!(json["shared"][0]["sources"]["left"][0], "s0");
        assert_eq!(
            json["shared"][0]["contested_by"]["right"],
            serde_json::json!([])
        );
        assert_eq!(json["near"][0]["left"]["id"], "moderate");
        assert_eq!(json["near"][0]["right"]["id"], "moderation");
        assert_eq!(json["themes"][1]["id"], "t1");
        assert_eq!(json["themes"][1]["left"], 2);
        assert_eq!(json["themes"][1]["right"], 1);
        assert_eq!(json["similarity"], 0.667);
    }

    #[test]
    fn percent_shows_100_only_for_identical_sets() {
        assert_eq!(percent(0.999), 99);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(0.254), 25);
        assert_eq!(percent(0.0), 0);
    }
}
