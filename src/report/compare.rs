//! `rolediff compare A B`: the comparison as `diff -y` text, a Markdown table or JSON.

use serde::Serialize;

use crate::compare::{Comparison, Filter, Marker, Row, RowCounts, axis_position, rows};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, RoleTask};
use crate::report::{
    SourceAxisJson, TaskJson, axis_words, position_text, round_axis, similarity_range,
    source_axes_json, task_json, to_json,
};
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
    /// Explains the two ends of a similarity range.
    range: fn(u32, u32) -> String,
    axis: &'static str,
    without_contested: &'static str,
    shared: &'static str,
    only: &'static str,
    near: &'static str,
    split: &'static str,
    contested: &'static str,
    theme: &'static str,
    nothing: &'static str,
    legend: &'static str,
    /// ": " in English, " : " in French typography.
    colon: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            similarity: "Similarity",
            range: |claimed, agreed| {
                format!(
                    "{claimed}% over every task its sources state, {agreed}% over the tasks no source contests"
                )
            },
            axis: "Axis",
            without_contested: "without contested tasks",
            shared: "shared",
            only: "only",
            near: "near",
            split: "split",
            contested: "contested",
            theme: "Theme",
            nothing: "No task passes the filter.",
            legend: "= both  < left only  > right only  ~ near: nearly the same task\n\
                     ^ split: one subject, one side decides, the other carries out\n\
                     ! a source contests the task (similarity and axis also given without it)",
            colon: ": ",
        },
        Lang::Fr => Words {
            similarity: "Similarité",
            range: |claimed, agreed| {
                format!(
                    "{claimed} % sur toutes les tâches affirmées par les sources, {agreed} % sur celles qu'aucune source ne conteste"
                )
            },
            axis: "Axe",
            without_contested: "sans les tâches contestées",
            shared: "en commun",
            only: "seulement",
            near: "proches",
            split: "scindées",
            contested: "contestées",
            theme: "Thème",
            nothing: "Aucune tâche ne passe le filtre.",
            legend: "= les deux  < gauche seulement  > droite seulement  ~ proches : presque la même tâche\n\
                     ^ scindée : un même sujet, l'un décide, l'autre exécute\n\
                     ! une source conteste la tâche (similarité et axe aussi donnés sans elle)",
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

/// The filter in words (`Filter: themes …; view of sources …; query "…"`), or `None`
/// when it lets everything through.
pub(crate) fn filter_words(data: &DataSet, filter: &Filter, lang: Lang) -> Option<String> {
    if filter.is_empty() {
        return None;
    }
    let (title, themes, sources, query, colon) = match lang {
        Lang::En => ("Filter", "themes", "as seen by the sources", "query", ": "),
        Lang::Fr => ("Filtre", "thèmes", "selon les sources", "texte", " : "),
    };
    let mut parts = Vec::new();
    if !filter.themes.is_empty() {
        let ids: Vec<&str> = filter
            .themes
            .iter()
            .map(|&t| data.themes[t].id.as_str())
            .collect();
        parts.push(format!("{themes} {}", ids.join(", ")));
    }
    if !filter.sources.is_empty() {
        let ids: Vec<&str> = filter
            .sources
            .iter()
            .map(|&s| data.sources[s].id.as_str())
            .collect();
        parts.push(format!("{sources} {}", ids.join(", ")));
    }
    if !filter.query.trim().is_empty() {
        parts.push(format!("{query} \"{}\"", filter.query.trim()));
    }
    Some(format!("{title}{colon}{}", sanitize(&parts.join("; "))))
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
    let layout = rows(data, comparison, filter);
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
    let positions = (
        axis_position(data, comparison.left, filter),
        axis_position(data, comparison.right, filter),
    );
    out.push_str(&format!(
        "- {} ({}), {}{}{left_name} {}, {right_name} {}\n",
        w.axis,
        axis_words(lang),
        w.without_contested,
        w.colon,
        position_text(&positions.0, lang),
        position_text(&positions.1, lang),
    ));
    out.push_str(&format!(
        "- `=` {} {}, `<` {} {left_name} {}, `>` {} {right_name} {}, `~` {} {}, `^` {} {}, `!` {} {}\n",
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
    out.push_str(&format!(
        "\n| {} | {left_name} | | {right_name} |\n| --- | --- | :-: | --- |\n",
        w.theme
    ));
    let cell = |role: RoleIdx, index: Option<usize>| {
        index.map_or_else(String::new, |i| {
            let text = markdown_cell(label(data, role, i, lang));
            if filter.contests(&data.roles[role].tasks[i]) {
                format!("**!** {text}")
            } else {
                text
            }
        })
    };
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
                let left_cell = cell(comparison.left, l);
                let mut right_cell = cell(comparison.right, r);
                if matches!(marker, Marker::Near | Marker::Split) {
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
    axis_by_source: Vec<SourceAxisJson<'a>>,
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
    axis: Option<f64>,
    sources: Sides<Vec<&'a str>>,
    contested_by: Sides<Vec<&'a str>>,
    contested: Sides<bool>,
    note: Sides<Option<&'a str>>,
}

#[derive(Serialize)]
struct NearJson<'a> {
    kind: &'static str,
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
    similarity: Option<f64>,
    similarity_agreed: Option<f64>,
    filter: FilterJson<'a>,
    shared: Vec<SharedJson<'a>>,
    left_only: Vec<TaskJson<'a>>,
    right_only: Vec<TaskJson<'a>>,
    near: Vec<NearJson<'a>>,
    themes: Vec<ThemeCountJson<'a>>,
}

/// The comparison as JSON (shape in docs/json.md). Numbers are rounded to three
/// decimals; `similarity` and `similarity_agreed` are `null` when nothing was
/// compared; a role's `axis` is over its kept, uncontested tasks, `null` when none.
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
                axis: task.axis.map(round_axis),
                sources: Sides {
                    left: source_ids(&l.sources),
                    right: source_ids(&r.sources),
                },
                contested_by: Sides {
                    left: source_ids(&l.contested_by),
                    right: source_ids(&r.contested_by),
                },
                contested: Sides {
                    left: filter.contests(l),
                    right: filter.contests(r),
                },
                note: Sides {
                    left: l.note.as_ref().map(|n| n.get(lang)),
                    right: r.note.as_ref().map(|n| n.get(lang)),
                },
            }
        })
        .collect();
    let role_json = |role: RoleIdx| {
        let position = axis_position(data, role, filter);
        RoleRefJson {
            id: &data.roles[role].id,
            name: data.roles[role].name.get(lang),
            axis: position.mean.map(round_axis),
            axis_by_source: source_axes_json(data, &position),
        }
    };
    to_json(&CompareJson {
        left: role_json(comparison.left),
        right: role_json(comparison.right),
        similarity: comparison.similarity.map(round_axis),
        similarity_agreed: comparison.similarity_agreed.map(round_axis),
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
            .map(|&i| task_json(data, left_task(i), filter, lang))
            .collect(),
        right_only: comparison
            .right_only
            .iter()
            .map(|&j| task_json(data, right_task(j), filter, lang))
            .collect(),
        near: comparison
            .near
            .iter()
            .map(|p| NearJson {
                kind: p.kind.name(),
                left: task_json(data, left_task(p.left), filter, lang),
                right: task_json(data, right_task(p.right), filter, lang),
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
        let mut a = role("a", &[0, 1, 3]);
        a.tasks[2].contested_by = vec![1];
        data(2, tasks, vec![a, role("b", &[0, 2])])
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
        // Every claim: overlap = 1 + 1 (near) = 2; union = 3 + 2 − 2 = 3 → 67%.
        // Without a's contested task: union = 2 + 2 − 2 = 2 → 100%, shown as 99%
        // since the sets differ. The counts are rows: the near pair is one `~` row.
        let expected = "\
A (a)  ⟷  B (b)
Similarity: 67–99% (67% over every task its sources state, 99% over the tasks no source contests)
= 1 shared   < 1 a only   > 0 b only   ~ 1 near   ^ 0 split   ! 1 contested
Axis (0 = execution, 1 = strategy), without contested tasks: a 0.55, b 0.60

Theme 0
 Set the strategy   =  Set the strategy

Theme 1
 Moderate the comm… ~  Comment mod…  100%
!Post �]0;pwned� |… <

= both  < left only  > right only  ~ near: nearly the same task
^ split: one subject, one side decides, the other carries out
! a source contests the task (similarity and axis also given without it)
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
        assert!(plain.contains("\n!Post"));
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
        assert!(md.contains("|  | **!** Post �\\]0;pwned� \\| \\*now\\* | `<` |  |"));
        assert!(md.contains("`!` 1 contested"));
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
        assert_eq!(json["similarity"], serde_json::Value::Null);
        assert_eq!(json["similarity_agreed"], serde_json::Value::Null);
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
        assert_eq!(json["similarity_agreed"], 0.999);
        assert_eq!(json["left_only"][1]["contested"], true);
        assert_eq!(
            json["left_only"][1]["contested_by"],
            serde_json::json!(["s1"])
        );
        assert_eq!(json["near"][0]["kind"], "near");
    }

    #[test]
    fn percent_shows_100_only_for_identical_sets() {
        assert_eq!(percent(0.999), 99);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(0.254), 25);
        assert_eq!(percent(0.0), 0);
    }
}
