//! `rolediff compare A B`: the comparison as `diff -y` text (`text.rs`), a Markdown
//! table (`markdown.rs`) or JSON (`json.rs`). This module holds what they share: the
//! words of each language and the filter in words.

mod json;
mod markdown;
mod text;

pub use json::compare_json;
pub use markdown::compare_markdown;
pub(crate) use markdown::markdown_cell;
pub use text::{TextOptions, compare_text};

use crate::compare::{Comparison, Filter, Marker, Row, RowCounts, axis_position};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, SourceIdx};
use crate::report::{axis_words, position_text};
use crate::text::sanitize;

pub(super) struct Words {
    pub(super) similarity: &'static str,
    /// Explains the two ends of a similarity range.
    pub(super) range: fn(u32, u32) -> String,
    pub(super) axis: &'static str,
    pub(super) without_contested: &'static str,
    pub(super) shared: &'static str,
    pub(super) only: &'static str,
    pub(super) near: &'static str,
    pub(super) split: &'static str,
    pub(super) contested: &'static str,
    pub(super) theme: &'static str,
    pub(super) nothing: &'static str,
    pub(super) legend: &'static str,
    pub(super) sources: &'static str,
    /// ": " in English, " : " in French typography.
    pub(super) colon: &'static str,
}

pub(super) fn words(lang: Lang) -> Words {
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
            sources: "Sources",
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
            sources: "Sources",
            legend: "= les deux  < gauche seulement  > droite seulement  ~ proches : presque la même tâche\n\
                     ^ scindée : un même sujet, l'un décide, l'autre exécute\n\
                     ! une source conteste la tâche (similarité et axe aussi donnés sans elle)",
            colon: " : ",
        },
    }
}

/// The axis line of a comparison: each role's mean position without the contested
/// tasks, and the spread of its sources; the roles named `left` and `right`.
pub(super) fn axis_line(
    data: &DataSet,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
    (left, right): (&str, &str),
) -> String {
    let w = words(lang);
    format!(
        "{} ({}), {}{}{left} {}, {right} {}",
        w.axis,
        axis_words(lang),
        w.without_contested,
        w.colon,
        position_text(&axis_position(data, comparison.left, filter), lang),
        position_text(&axis_position(data, comparison.right, filter), lang),
    )
}

/// The row counts of a report, each with its mark and what it counts (the roles named
/// `left` and `right`), for the text and Markdown summaries to lay out.
pub(super) fn count_items(
    counts: &RowCounts,
    w: &Words,
    (left, right): (&str, &str),
) -> [(char, usize, String); 6] {
    [
        ('=', counts.shared, w.shared.to_string()),
        ('<', counts.left, format!("{left} {}", w.only)),
        ('>', counts.right, format!("{right} {}", w.only)),
        ('~', counts.near, w.near.to_string()),
        ('^', counts.split, w.split.to_string()),
        ('!', counts.contested, w.contested.to_string()),
    ]
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
        let ids = crate::report::theme_ids(data, &filter.themes);
        parts.push(format!("{themes} {}", ids.join(", ")));
    }
    if !filter.sources.is_empty() {
        let ids = crate::report::source_ids(data, &filter.sources);
        parts.push(format!("{sources} {}", ids.join(", ")));
    }
    if !filter.query.trim().is_empty() {
        parts.push(format!("{query} \"{}\"", filter.query.trim()));
    }
    Some(format!("{title}{colon}{}", sanitize(&parts.join("; "))))
}

pub(super) fn label(data: &DataSet, role: RoleIdx, index: usize, lang: Lang) -> &str {
    data.tasks[data.roles[role].tasks[index].task]
        .label
        .get(lang)
}

/// ANSI colours of the text report. Meaning is in the markers; colour only helps.
/// The sources the rows cite, numbered in data order: `[1, 3]` in a cell points to
/// the list printed under the rows.
pub(super) struct SourceRefs {
    /// Source → its number (1-based), or 0 when no shown row cites it.
    numbers: Vec<usize>,
}

impl SourceRefs {
    pub(super) fn new(data: &DataSet, comparison: &Comparison, layout: &[Row]) -> Self {
        let mut cited = vec![false; data.sources.len()];
        for row in layout {
            if let Row::Task { left, right, .. } = *row {
                for (role, cell) in [(comparison.left, left), (comparison.right, right)] {
                    if let Some(i) = cell {
                        for &s in data.roles[role].tasks[i].sources.iter() {
                            cited[s] = true;
                        }
                    }
                }
            }
        }
        let mut next = 0;
        let numbers = cited
            .into_iter()
            .map(|c| {
                if c {
                    next += 1;
                    next
                } else {
                    0
                }
            })
            .collect();
        Self { numbers }
    }

    /// `[1, 3]` for a cell stated by the first and third cited sources.
    pub(super) fn cell(&self, sources: &[SourceIdx]) -> String {
        let mut numbers: Vec<usize> = sources.iter().map(|&s| self.numbers[s]).collect();
        numbers.sort_unstable();
        let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
        format!("[{}]", list.join(","))
    }

    /// The cited sources with their numbers, in order.
    pub(super) fn numbered(&self) -> Vec<(usize, SourceIdx)> {
        let mut cited: Vec<(usize, SourceIdx)> = self
            .numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| (*n, s))
            .collect();
        cited.sort_unstable();
        cited
    }

    /// `[1] cb-vs-cm  [2] smm-vs-cm`.
    pub(super) fn legend(&self, data: &DataSet) -> String {
        self.numbered()
            .iter()
            .map(|(n, s)| format!("[{n}] {}", sanitize(&data.sources[*s].id)))
            .collect::<Vec<_>>()
            .join("  ")
    }
}

/// What a heading's rows hold: `= 1  < 2  > 5`, counting the rows under it (up to the
/// next heading), so the figure is what the reader sees.
pub(super) fn heading_counts(rest: &[Row]) -> String {
    let mut counts = [0usize; 5];
    for row in rest {
        match row {
            Row::Theme(_) => break,
            Row::Task { marker, .. } => {
                counts[match marker {
                    Marker::Shared => 0,
                    Marker::LeftOnly => 1,
                    Marker::RightOnly => 2,
                    Marker::Near => 3,
                    Marker::Split => 4,
                }] += 1
            }
        }
    }
    ['=', '<', '>', '~', '^']
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(mark, n)| format!("{mark} {n}"))
        .collect::<Vec<_>>()
        .join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{data, role, task};
    use crate::compare::{Comparator, Shown};
    use crate::report::ReportColors;

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
            &TextOptions {
                width: Some(41),
                ..TextOptions::default()
            },
        );
        // Every claim: overlap = 1 + 1 (near) = 2; union = 3 + 2 − 2 = 3 → 67%.
        // Without a's contested task: union = 2 + 2 − 2 = 2 → 100%, shown as 99%
        // since the sets differ. The counts are rows: the near pair is one `~` row.
        // At 41 columns the cells wrap between words and nothing is cut; each cell ends
        // with its axis and its sources' numbers, listed under the rows.
        let expected = "\
A (a)  ⟷  B (b)
Similarity: 67–99% (67% over every task its sources state, 99% over the tasks no source contests)
= 1 shared   < 1 a only   > 0 b only   ~ 1 near   ^ 0 split   ! 1 contested
Axis (0 = execution, 1 = strategy), without contested tasks: a 0.55, b 0.60

Theme 0  (= 1)
 Set the            =  Set the
 strategy · 0.9 [1]    strategy · 0.9 [1]

Theme 1  (< 1  ~ 1)
 Moderate the       ~  Comment
 comments · 0.2 [1]    moderation · 0.3 [
                       1] · 100%
!Post �]0;pwned� |  <
 *now* · 0.1 [1]

Sources: [1] s0
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
        let colors = ReportColors::from_palette(&crate::config::Palette::default_palette());
        let options = |colors: Option<ReportColors>| TextOptions {
            width: Some(60),
            colors,
            shown: Shown::All,
        };
        let plain = compare_text(&data, &c, &Filter::default(), Lang::En, &options(None));
        let colored = compare_text(
            &data,
            &c,
            &Filter::default(),
            Lang::En,
            &options(Some(colors.clone())),
        );
        assert!(!plain.contains('\u{1b}'));
        // The near mark in the palette's near colour, the contested `!` in its warning.
        assert!(colored.contains(&format!("\u{1b}[{}m~\u{1b}[0m", colors.near)));
        assert!(colored.contains(&format!("\u{1b}[{}m!\u{1b}[0m", colors.contested)));
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
        let md = compare_markdown(&data, &c, &filter, Lang::En, Shown::All);
        assert!(md.starts_with("# A ⟷ B\n\n- Similarity: **"));
        assert!(md.contains("- Filter: themes t0\n") || md.contains("- Filter: themes t1\n"));
        assert!(md.contains(
            "| Theme | A | Axis | | B | Axis |\n| --- | --- | --: | :-: | --- | --: |\n"
        ));
        assert!(md.contains(
            "| Theme 1 (\\< 1  \\~ 1) | Moderate the comments \\[1\\] | 0.2 | `~` | Comment moderation \\[1\\] (100%) | 0.3 |"
        ));
        assert!(
            md.contains("|  | **!** Post �\\]0;pwned� \\| \\*now\\* \\[1\\] | 0.1 | `<` |  |  |")
        );
        assert!(md.contains("\nSources:\n\n1. `s0` Source 0\n"));
        let only_shared = compare_markdown(&data, &c, &filter, Lang::En, Shown::Shared);
        assert!(!only_shared.contains("| `~` |") && !only_shared.contains("| `<` |"));
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
        let comparator = Comparator::new(&data);
        let c = comparator.compare(0, 1, &filter);
        let json: serde_json::Value =
            serde_json::from_str(&compare_json(&comparator, &c, &filter, Lang::En)).unwrap();
        assert_eq!(json["left"]["axis"], serde_json::Value::Null);
        assert_eq!(json["similarity"], serde_json::Value::Null);
        assert_eq!(json["similarity_agreed"], serde_json::Value::Null);
        assert_eq!(json["filter"]["query"], "no such words");

        let c = comparator.compare(0, 1, &Filter::default());
        let json: serde_json::Value =
            serde_json::from_str(&compare_json(&comparator, &c, &Filter::default(), Lang::En))
                .unwrap();
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
