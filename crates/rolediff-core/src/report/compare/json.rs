//! The comparison as JSON (shape in docs/json.md).

use serde::Serialize;

use crate::compare::{Comparator, Comparison, Filter, axis_position};
use crate::lang::Lang;
use crate::model::{RoleIdx, RoleTask};
use crate::report::{
    FilterJson, SourceAxisJson, TaskJson, round_axis, source_axes_json, source_ids, task_json,
    theme_ids, to_json,
};

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
    /// The words the two labels meet on, as each writes them.
    in_common: Vec<WordMatchJson>,
}

#[derive(Serialize)]
struct WordMatchJson {
    left: String,
    right: String,
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
/// `comparator` made `comparison`: its analysis names the near pairs' words in common.
pub fn compare_json(
    comparator: &Comparator,
    comparison: &Comparison,
    filter: &Filter,
    lang: Lang,
) -> String {
    let data = comparator.data();
    let left_role = &data.roles[comparison.left];
    let right_role = &data.roles[comparison.right];
    let left_task = |i: usize| -> &RoleTask { &left_role.tasks[i] };
    let right_task = |j: usize| -> &RoleTask { &right_role.tasks[j] };
    let source_ids = |ids: &[usize]| source_ids(data, ids);
    let shared = comparison
        .shared
        .iter()
        .map(|s| {
            let task = &data.tasks[s.task];
            let (l, r) = (left_task(s.left), right_task(s.right));
            SharedJson {
                id: &task.id,
                label: task.label.get(lang),
                themes: theme_ids(data, &task.themes),
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
        filter: FilterJson::of(data, filter),
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
                in_common: comparator
                    .words_in_common(left_task(p.left).task, right_task(p.right).task, lang)
                    .into_iter()
                    .map(|m| WordMatchJson {
                        left: m.left,
                        right: m.right,
                    })
                    .collect(),
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
