//! `rolediff show ROLE`.

use serde::Serialize;

use crate::compare::{Filter, axis_position};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, RoleTask};
use crate::report::{
    SourceAxisJson, axis_text_in, round_axis, source_axes_json, source_ids, task_field_line,
    theme_ids, to_json,
};
use crate::text::sanitize;

/// A role's task in JSON:
/// `{"id","label","themes","axis","sources","contested_by","contested","note"}`.
#[derive(Debug, Serialize, PartialEq)]
pub struct TaskJson<'a> {
    /// Task id (inline tasks: `inline-…`).
    pub id: &'a str,
    /// Label in the chosen language.
    pub label: &'a str,
    /// Theme ids, primary first.
    pub themes: Vec<&'a str>,
    /// 0 = execution … 1 = strategy; `null` for an entry off the axis.
    pub axis: Option<f64>,
    /// Ids of the sources that give the task to the role.
    pub sources: Vec<&'a str>,
    /// Ids of the sources that say otherwise (all of them, whatever the view).
    pub contested_by: Vec<&'a str>,
    /// True when a source of the view contests it (any source when no source filter).
    pub contested: bool,
    /// Nuance or reason for the contest, when given.
    pub note: Option<&'a str>,
}

/// The JSON form of one role's task, seen under `filter`.
pub fn task_json<'a>(
    data: &'a DataSet,
    role_task: &'a RoleTask,
    filter: &Filter,
    lang: Lang,
) -> TaskJson<'a> {
    let task = &data.tasks[role_task.task];
    TaskJson {
        id: &task.id,
        label: task.label.get(lang),
        themes: theme_ids(data, &task.themes),
        axis: task.axis.map(round_axis),
        sources: source_ids(data, &role_task.sources),
        contested_by: source_ids(data, &role_task.contested_by),
        contested: filter.contests(role_task),
        note: role_task.note.as_ref().map(|n| n.get(lang)),
    }
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    summary: Option<&'a str>,
    axis: Option<f64>,
    axis_by_source: Vec<SourceAxisJson<'a>>,
    tasks: Vec<TaskJson<'a>>,
}

/// `{"id","name","aliases","summary","axis","axis_by_source","tasks":[Task]}`, the
/// tasks the filter keeps in data order.
pub fn show_json(data: &DataSet, role: RoleIdx, filter: &Filter, lang: Lang) -> String {
    let r = &data.roles[role];
    let position = axis_position(data, role, filter);
    to_json(&RoleJson {
        id: &r.id,
        name: r.name.get(lang),
        aliases: &r.aliases,
        summary: r.summary.as_ref().map(|s| s.get(lang)),
        axis: position.mean.map(round_axis),
        axis_by_source: source_axes_json(data, &position),
        tasks: r
            .tasks
            .iter()
            .filter(|t| filter.accepts(data, t))
            .map(|t| task_json(data, t, filter, lang))
            .collect(),
    })
}

/// The role's tasks the filter keeps, grouped under their primary theme (themes in data
/// order, tasks from strategy to execution), each with its axis and sources; `!` marks
/// a task a source of the view contests, with who contests it.
pub fn show_text(data: &DataSet, role: RoleIdx, filter: &Filter, lang: Lang) -> String {
    let r = &data.roles[role];
    let w = match lang {
        Lang::En => Words {
            aliases: "Aliases",
            axis: "Axis",
            without: "without contested tasks",
            by_source: "By source",
            contested: "contested by",
            note: "note",
            colon: ": ",
            legend: "! a source contests the task (not counted in the axis)",
            nothing: "No task passes the filter.",
            tasks: |n| match n {
                1 => "1 task".into(),
                n => format!("{n} tasks"),
            },
        },
        Lang::Fr => Words {
            aliases: "Alias",
            axis: "Axe",
            without: "sans les tâches contestées",
            by_source: "Par source",
            contested: "contesté par",
            note: "note",
            colon: " : ",
            legend: "! une source conteste la tâche (hors du calcul de l'axe)",
            nothing: "Aucune tâche ne passe le filtre.",
            tasks: |n| match n {
                0 | 1 => format!("{n} tâche"),
                n => format!("{n} tâches"),
            },
        },
    };
    let mut out = format!("{} ({})\n", sanitize(r.name.get(lang)), sanitize(&r.id));
    if !r.aliases.is_empty() {
        let aliases: Vec<String> = r.aliases.iter().map(|a| sanitize(a).into_owned()).collect();
        out.push_str(&format!("{}{}{}\n", w.aliases, w.colon, aliases.join(", ")));
    }
    if let Some(summary) = &r.summary {
        out.push_str(&format!("{}\n", sanitize(summary.get(lang))));
    }
    let position = axis_position(data, role, filter);
    out.push_str(&format!(
        "{} ({}){}{}, {}\n",
        w.axis,
        crate::report::axis_words(lang),
        w.colon,
        axis_text_in(position.mean, lang),
        w.without,
    ));
    if position.by_source.len() > 1 {
        let parts: Vec<String> = position
            .by_source
            .iter()
            .map(|s| {
                format!(
                    "{} {} ({})",
                    sanitize(&data.sources[s.source].id),
                    axis_text_in(Some(s.mean), lang),
                    (w.tasks)(s.tasks)
                )
            })
            .collect();
        out.push_str(&format!("{}{}{}\n", w.by_source, w.colon, parts.join(", ")));
    }
    if let Some(text) = crate::report::compare::filter_words(data, filter, lang) {
        out.push_str(&text);
        out.push('\n');
    }
    let kept: Vec<&RoleTask> = r.tasks.iter().filter(|t| filter.accepts(data, t)).collect();
    if kept.is_empty() {
        out.push_str(&format!("\n{}\n", w.nothing));
        return out;
    }
    if kept.iter().any(|t| filter.contests(t)) {
        out.push_str(w.legend);
        out.push('\n');
    }
    for (theme_idx, theme) in data.themes.iter().enumerate() {
        // Strategy first, as in the side-by-side view; tasks off the axis last.
        let mut tasks: Vec<&RoleTask> = kept
            .iter()
            .copied()
            .filter(|t| data.tasks[t.task].themes.first() == Some(&theme_idx))
            .collect();
        tasks.sort_by(|a, b| {
            let key = |t: &RoleTask| data.tasks[t.task].axis.map_or(f64::INFINITY, |a| -a);
            key(a).total_cmp(&key(b))
        });
        if tasks.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", sanitize(theme.label.get(lang))));
        for role_task in tasks {
            let task = &data.tasks[role_task.task];
            let mark = if filter.contests(role_task) { '!' } else { ' ' };
            out.push_str(&format!(
                "{mark} {:>4}  {}  [{}]\n",
                axis_text_in(task.axis, lang),
                sanitize(task.label.get(lang)),
                sanitize(&source_ids(data, &role_task.sources).join(", "))
            ));
            // Only the contests of the view's sources: the view is their perspective.
            let contesting: Vec<usize> = filter.in_view(&role_task.contested_by).collect();
            if !contesting.is_empty() {
                out.push_str(&task_field_line(
                    w.contested,
                    w.colon,
                    &sanitize(&source_ids(data, &contesting).join(", ")),
                ));
            }
            if let Some(note) = &role_task.note {
                out.push_str(&task_field_line(w.note, w.colon, &sanitize(note.get(lang))));
            }
        }
    }
    out
}

struct Words {
    aliases: &'static str,
    axis: &'static str,
    without: &'static str,
    by_source: &'static str,
    contested: &'static str,
    note: &'static str,
    colon: &'static str,
    legend: &'static str,
    nothing: &'static str,
    tasks: fn(usize) -> String,
}
