//! `rolediff show ROLE`.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, RoleTask};
use crate::report::{round_axis, to_json};
use crate::text::sanitize;

/// A role's task in JSON: `{"id","label","themes","axis","sources","contested_by","note"}`.
#[derive(Debug, Serialize, PartialEq)]
pub struct TaskJson<'a> {
    /// Task id (inline tasks: `inline-…`).
    pub id: &'a str,
    /// Label in the chosen language.
    pub label: &'a str,
    /// Theme ids, primary first.
    pub themes: Vec<&'a str>,
    /// 0 = execution … 1 = strategy.
    pub axis: f64,
    /// Ids of the sources that give the task to the role.
    pub sources: Vec<&'a str>,
    /// Ids of the sources that say otherwise.
    pub contested_by: Vec<&'a str>,
    /// Nuance or reason for the contest, when given.
    pub note: Option<&'a str>,
}

/// The JSON form of one role's task.
pub fn task_json<'a>(data: &'a DataSet, role_task: &'a RoleTask, lang: Lang) -> TaskJson<'a> {
    let task = &data.tasks[role_task.task];
    TaskJson {
        id: &task.id,
        label: task.label.get(lang),
        themes: task
            .themes
            .iter()
            .map(|&t| data.themes[t].id.as_str())
            .collect(),
        axis: round_axis(task.axis),
        sources: role_task
            .sources
            .iter()
            .map(|&s| data.sources[s].id.as_str())
            .collect(),
        contested_by: role_task
            .contested_by
            .iter()
            .map(|&s| data.sources[s].id.as_str())
            .collect(),
        note: role_task.note.as_ref().map(|n| n.get(lang)),
    }
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    summary: Option<&'a str>,
    axis: f64,
    tasks: Vec<TaskJson<'a>>,
}

/// `{"id","name","aliases","summary","axis","tasks":[Task]}`, tasks in data order.
pub fn show_json(data: &DataSet, role: RoleIdx, lang: Lang) -> String {
    let r = &data.roles[role];
    to_json(&RoleJson {
        id: &r.id,
        name: r.name.get(lang),
        aliases: &r.aliases,
        summary: r.summary.as_ref().map(|s| s.get(lang)),
        axis: round_axis(data.role_axis(role)),
        tasks: r.tasks.iter().map(|t| task_json(data, t, lang)).collect(),
    })
}

/// The role's tasks grouped under their primary theme (themes in data order, tasks
/// from strategy to execution), each with its axis and sources.
pub fn show_text(data: &DataSet, role: RoleIdx, lang: Lang) -> String {
    let r = &data.roles[role];
    let (aliases_word, axis_word, contested_word, note_word) = match lang {
        Lang::En => ("Aliases", "Axis", "contested by", "note"),
        Lang::Fr => ("Alias", "Axe", "contesté par", "note"),
    };
    let mut out = format!("{} ({})\n", sanitize(r.name.get(lang)), sanitize(&r.id));
    if !r.aliases.is_empty() {
        let aliases: Vec<String> = r.aliases.iter().map(|a| sanitize(a).into_owned()).collect();
        out.push_str(&format!("{aliases_word}: {}\n", aliases.join(", ")));
    }
    if let Some(summary) = &r.summary {
        out.push_str(&format!("{}\n", sanitize(summary.get(lang))));
    }
    out.push_str(&format!(
        "{axis_word}: {:.2}  ({})\n",
        data.role_axis(role),
        crate::report::axis_words(lang)
    ));
    for (theme_idx, theme) in data.themes.iter().enumerate() {
        // Strategy first, as in the side-by-side view.
        let mut tasks: Vec<&RoleTask> = r
            .tasks
            .iter()
            .filter(|t| data.tasks[t.task].themes.first() == Some(&theme_idx))
            .collect();
        tasks.sort_by(|a, b| data.tasks[b.task].axis.total_cmp(&data.tasks[a.task].axis));
        if tasks.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", sanitize(theme.label.get(lang))));
        for role_task in tasks {
            let task = &data.tasks[role_task.task];
            let sources: Vec<&str> = role_task
                .sources
                .iter()
                .map(|&s| data.sources[s].id.as_str())
                .collect();
            out.push_str(&format!(
                "  {:.2}  {}  [{}]\n",
                task.axis,
                sanitize(task.label.get(lang)),
                sanitize(&sources.join(", "))
            ));
            if !role_task.contested_by.is_empty() {
                let contested: Vec<&str> = role_task
                    .contested_by
                    .iter()
                    .map(|&s| data.sources[s].id.as_str())
                    .collect();
                out.push_str(&format!(
                    "        ~ {contested_word}: {}\n",
                    sanitize(&contested.join(", "))
                ));
            }
            if let Some(note) = &role_task.note {
                out.push_str(&format!(
                    "        {note_word}: {}\n",
                    sanitize(note.get(lang))
                ));
            }
        }
    }
    out
}
