//! The comparison laid out like `diff -y`: theme headings, then one row per task or
//! per pair, ready for the text report and the TUI alike.

use crate::compare::{Comparison, Filter, PairKind};
use crate::model::{DataSet, TaskIdx, ThemeIdx};

/// What a task row means. Each has a symbol so that meaning never rests on colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marker {
    /// Both roles have the task: `=`.
    Shared,
    /// Only the left role: `<`.
    LeftOnly,
    /// Only the right role: `>`.
    RightOnly,
    /// Two different tasks that say nearly the same thing: `~`.
    Near,
    /// One subject at two levels, one side deciding what the other carries out: `^`
    /// (see [`PairKind::Split`]).
    Split,
}

impl Marker {
    /// The gutter symbol.
    pub fn symbol(self) -> char {
        match self {
            Marker::Shared => '=',
            Marker::LeftOnly => '<',
            Marker::RightOnly => '>',
            Marker::Near => '~',
            Marker::Split => '^',
        }
    }

    /// The marker of the same row with the two roles swapped.
    pub fn mirrored(self) -> Self {
        match self {
            Marker::LeftOnly => Marker::RightOnly,
            Marker::RightOnly => Marker::LeftOnly,
            both => both,
        }
    }

    /// True for rows that are a difference (`n`/`N` jump between them).
    pub fn is_difference(self) -> bool {
        self != Marker::Shared
    }
}

/// One line of the side-by-side layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    /// A theme heading.
    Theme(ThemeIdx),
    /// A task row. `left`/`right` index into each role's tasks; `None` is an empty cell.
    Task {
        /// Meaning of the row.
        marker: Marker,
        /// Left cell.
        left: Option<usize>,
        /// Right cell.
        right: Option<usize>,
        /// Similarity of a near pair (1.0 otherwise).
        score: f64,
    },
}

/// The theme a task is listed under: its first theme among the filter's themes when
/// themes are filtered, its primary (first) theme otherwise. A task is listed once.
fn group_theme(data: &DataSet, task: TaskIdx, filter: &Filter) -> ThemeIdx {
    let themes = &data.tasks[task].themes;
    themes
        .iter()
        .copied()
        .find(|t| filter.themes.contains(t))
        .or_else(|| themes.first().copied())
        .unwrap_or(0)
}

/// Lays out a comparison: themes in data order; inside a theme, shared rows, then near
/// pairs, then left-only, then right-only, each from strategy to execution (axis
/// descending) and then by task id, so the order is stable.
pub fn rows(data: &DataSet, comparison: &Comparison, filter: &Filter) -> Vec<Row> {
    let left_tasks = &data.roles[comparison.left].tasks;
    let right_tasks = &data.roles[comparison.right].tasks;
    // (theme, kind order, -axis, task id, row)
    let mut keyed: Vec<(ThemeIdx, u8, f64, &str, Row)> = Vec::new();
    let mut push = |task: TaskIdx, kind: u8, row: Row| {
        let t = &data.tasks[task];
        keyed.push((
            group_theme(data, task, filter),
            kind,
            // Strategy first; tasks off the axis last.
            t.axis.map_or(f64::INFINITY, |a| -a),
            t.id.as_str(),
            row,
        ));
    };
    for s in &comparison.shared {
        push(
            s.task,
            0,
            Row::Task {
                marker: Marker::Shared,
                left: Some(s.left),
                right: Some(s.right),
                score: 1.0,
            },
        );
    }
    let mut left_paired = vec![false; left_tasks.len()];
    let mut right_paired = vec![false; right_tasks.len()];
    for p in &comparison.near {
        left_paired[p.left] = true;
        right_paired[p.right] = true;
        push(
            left_tasks[p.left].task,
            1,
            Row::Task {
                marker: match p.kind {
                    PairKind::Near => Marker::Near,
                    PairKind::Split => Marker::Split,
                },
                left: Some(p.left),
                right: Some(p.right),
                score: p.score,
            },
        );
    }
    for &i in comparison.left_only.iter().filter(|&&i| !left_paired[i]) {
        push(
            left_tasks[i].task,
            2,
            Row::Task {
                marker: Marker::LeftOnly,
                left: Some(i),
                right: None,
                score: 1.0,
            },
        );
    }
    for &j in comparison.right_only.iter().filter(|&&j| !right_paired[j]) {
        push(
            right_tasks[j].task,
            3,
            Row::Task {
                marker: Marker::RightOnly,
                left: None,
                right: Some(j),
                score: 1.0,
            },
        );
    }
    // Task ids are unique and a task has one row per kind: the order is total, so the
    // unstable sort gives the same rows, without the stable sort's buffer.
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.total_cmp(&b.2))
            .then(a.3.cmp(b.3))
    });
    let mut out = Vec::with_capacity(keyed.len() + data.themes.len());
    let mut current = None;
    for (theme, _, _, _, row) in keyed {
        if current != Some(theme) {
            out.push(Row::Theme(theme));
            current = Some(theme);
        }
        out.push(row);
    }
    out
}

/// What a header counts: rows by mark, as the rows show them (a near pair is one `~`
/// row, not a left-only and a right-only task), and the cells marked contested (`!`).
/// Counting the rows drawn keeps every figure equal to what the reader can count.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RowCounts {
    /// `=` rows.
    pub shared: usize,
    /// `<` rows.
    pub left: usize,
    /// `>` rows.
    pub right: usize,
    /// `~` rows.
    pub near: usize,
    /// `^` rows.
    pub split: usize,
    /// Cells a source of the view contests.
    pub contested: usize,
}

impl RowCounts {
    /// Counts `rows` (laid out from `comparison`, possibly thinned by a view).
    pub fn of(data: &DataSet, comparison: &Comparison, filter: &Filter, rows: &[Row]) -> Self {
        let mut counts = Self::default();
        let contested = |role: usize, cell: Option<usize>| {
            cell.is_some_and(|i| filter.contests(&data.roles[role].tasks[i]))
        };
        for row in rows {
            if let Row::Task {
                marker,
                left,
                right,
                ..
            } = *row
            {
                match marker {
                    Marker::Shared => counts.shared += 1,
                    Marker::LeftOnly => counts.left += 1,
                    Marker::RightOnly => counts.right += 1,
                    Marker::Near => counts.near += 1,
                    Marker::Split => counts.split += 1,
                }
                counts.contested += usize::from(contested(comparison.left, left))
                    + usize::from(contested(comparison.right, right));
            }
        }
        counts
    }
}

/// Which rows a view shows: every row, the shared ones, or the differences (`v` in the
/// view, `--only` on the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    /// Every row.
    #[default]
    All,
    /// Shared tasks only (`=`).
    Shared,
    /// Rows that are not shared (`< > ~ ^`).
    Differences,
}

impl Shown {
    /// The next one of the `v` cycle.
    pub fn next(self) -> Self {
        match self {
            Shown::All => Shown::Shared,
            Shown::Shared => Shown::Differences,
            Shown::Differences => Shown::All,
        }
    }

    /// True when a row with `marker` is shown.
    pub fn keeps(self, marker: Marker) -> bool {
        match self {
            Shown::All => true,
            Shown::Shared => !marker.is_difference(),
            Shown::Differences => marker.is_difference(),
        }
    }

    /// The rows of `all` this view shows, without headings left empty.
    pub fn select(self, all: Vec<Row>) -> Vec<Row> {
        let kept: Vec<Row> = all
            .into_iter()
            .filter(|row| match row {
                Row::Task { marker, .. } => self.keeps(*marker),
                Row::Theme(_) => true,
            })
            .collect();
        let mut out = Vec::with_capacity(kept.len());
        for (i, row) in kept.iter().enumerate() {
            let empty_heading =
                matches!(row, Row::Theme(_)) && !matches!(kept.get(i + 1), Some(Row::Task { .. }));
            if !empty_heading {
                out.push(*row);
            }
        }
        out
    }
}
