//! `rolediff disputes [ROLE]`: every place where the sources contradict each other.

use serde::Serialize;

use crate::compare::Filter;
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx, RoleTask};
use crate::report::compare::{filter_words, markdown_cell};
use crate::report::{axis_text_in, round_axis, source_ids, task_field_line, to_json};
use crate::text::sanitize;

/// A role's task that one source states and another contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dispute {
    /// The role.
    pub role: RoleIdx,
    /// Index in the role's tasks.
    pub index: usize,
}

impl Dispute {
    /// The disputed entry.
    pub fn entry<'d>(&self, data: &'d DataSet) -> &'d RoleTask {
        &data.roles[self.role].tasks[self.index]
    }
}

/// The disputes of `role` (of every role when `None`), in data order. The filter's
/// themes and query select tasks as everywhere; its sources keep the disputes that one
/// of them takes part in, stating or contesting.
pub fn disputes(data: &DataSet, role: Option<RoleIdx>, filter: &Filter) -> Vec<Dispute> {
    // Themes and query only: a dispute is between sources, so it is kept when a source
    // of the view is on either side of it.
    let topic = Filter {
        sources: Vec::new(),
        ..filter.clone()
    };
    let roles: Vec<RoleIdx> = match role {
        Some(role) => vec![role],
        None => (0..data.roles.len()).collect(),
    };
    let mut out = Vec::new();
    for role in roles {
        for (index, entry) in data.roles[role].tasks.iter().enumerate() {
            if entry.contested_by.is_empty() || !topic.accepts(data, entry) {
                continue;
            }
            let involved = filter.sources.is_empty()
                || entry
                    .sources
                    .iter()
                    .chain(&entry.contested_by)
                    .any(|s| filter.sources.contains(s));
            if involved {
                out.push(Dispute { role, index });
            }
        }
    }
    out
}

struct Words {
    title: fn(usize) -> String,
    states: &'static str,
    contests: &'static str,
    note: &'static str,
    none: &'static str,
    role: &'static str,
    task: &'static str,
    axis: &'static str,
    colon: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: |n| match n {
                1 => "1 place where the sources contradict each other".into(),
                n => format!("{n} places where the sources contradict each other"),
            },
            states: "stated by",
            contests: "contested by",
            note: "what they say",
            none: "The sources do not contradict each other here.",
            role: "Role",
            task: "Task",
            axis: "Axis",
            colon: ": ",
        },
        Lang::Fr => Words {
            title: |n| match n {
                1 => "1 point où les sources se contredisent".into(),
                n => format!("{n} points où les sources se contredisent"),
            },
            states: "affirmé par",
            contests: "contesté par",
            note: "ce qu'elles disent",
            none: "Les sources ne se contredisent pas ici.",
            role: "Rôle",
            task: "Tâche",
            axis: "Axe",
            colon: " : ",
        },
    }
}

fn ids(data: &DataSet, sources: &[usize]) -> String {
    sanitize(&source_ids(data, sources).join(", ")).into_owned()
}

/// Per role a heading, then each disputed task with its axis, who states it, who
/// contests it and the note that says what each side says.
pub fn disputes_text(data: &DataSet, found: &[Dispute], filter: &Filter, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{}\n", (w.title)(found.len()));
    if let Some(text) = filter_words(data, filter, lang) {
        out.push_str(&text);
        out.push('\n');
    }
    if found.is_empty() {
        out.push_str(&format!("\n{}\n", w.none));
        return out;
    }
    let mut current = None;
    for dispute in found {
        let role = &data.roles[dispute.role];
        if current != Some(dispute.role) {
            out.push_str(&format!(
                "\n{} ({})\n",
                sanitize(role.name.get(lang)),
                sanitize(&role.id)
            ));
            current = Some(dispute.role);
        }
        let entry = dispute.entry(data);
        let task = &data.tasks[entry.task];
        out.push_str(&format!(
            "! {:>4}  {}\n",
            axis_text_in(task.axis, lang),
            sanitize(task.label.get(lang))
        ));
        out.push_str(&task_field_line(
            w.states,
            w.colon,
            &ids(data, &entry.sources),
        ));
        out.push_str(&task_field_line(
            w.contests,
            w.colon,
            &ids(data, &entry.contested_by),
        ));
        if let Some(note) = &entry.note {
            out.push_str(&task_field_line(w.note, w.colon, &sanitize(note.get(lang))));
        }
    }
    out
}

/// One Markdown table: role, task, axis, who states it, who contests it, the note.
pub fn disputes_markdown(data: &DataSet, found: &[Dispute], filter: &Filter, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("# {}\n\n", (w.title)(found.len()));
    if let Some(text) = filter_words(data, filter, lang) {
        out.push_str(&format!("{}\n\n", markdown_cell(&text)));
    }
    if found.is_empty() {
        out.push_str(&format!("{}\n", w.none));
        return out;
    }
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} | {} |\n| --- | --- | --: | --- | --- | --- |\n",
        w.role, w.task, w.axis, w.states, w.contests, w.note
    ));
    for dispute in found {
        let entry = dispute.entry(data);
        let task = &data.tasks[entry.task];
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            markdown_cell(data.roles[dispute.role].name.get(lang)),
            markdown_cell(task.label.get(lang)),
            axis_text_in(task.axis, lang),
            markdown_cell(&ids(data, &entry.sources)),
            markdown_cell(&ids(data, &entry.contested_by)),
            entry
                .note
                .as_ref()
                .map_or_else(String::new, |n| markdown_cell(n.get(lang))),
        ));
    }
    out
}

#[derive(Serialize)]
struct DisputeJson<'a> {
    role: &'a str,
    role_name: &'a str,
    task: &'a str,
    label: &'a str,
    axis: Option<f64>,
    stated_by: Vec<&'a str>,
    contested_by: Vec<&'a str>,
    note: Option<&'a str>,
}

/// `[{"role","role_name","task","label","axis","stated_by","contested_by","note"}]`.
pub fn disputes_json(data: &DataSet, found: &[Dispute], lang: Lang) -> String {
    let source_ids = |ids: &[usize]| source_ids(data, ids);
    let entries: Vec<DisputeJson> = found
        .iter()
        .map(|d| {
            let entry = d.entry(data);
            let task = &data.tasks[entry.task];
            let role = &data.roles[d.role];
            DisputeJson {
                role: &role.id,
                role_name: role.name.get(lang),
                task: &task.id,
                label: task.label.get(lang),
                axis: task.axis.map(round_axis),
                stated_by: source_ids(&entry.sources),
                contested_by: source_ids(&entry.contested_by),
                note: entry.note.as_ref().map(|n| n.get(lang)),
            }
        })
        .collect();
    to_json(&entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{data, role, task};

    fn example() -> DataSet {
        let tasks = vec![
            task("decide", "Decide", &[0], 0.9),
            task("do", "Do", &[1], 0.1),
        ];
        let mut a = role("a", &[0, 1]);
        a.tasks[0].contested_by = vec![1];
        let mut b = role("b", &[0]);
        b.tasks[0].sources = vec![2].into();
        b.tasks[0].contested_by = vec![0];
        data(2, tasks, vec![a, b])
    }

    #[test]
    fn a_dispute_is_kept_when_a_source_of_the_view_takes_part() {
        let data = example();
        let all = disputes(&data, None, &Filter::default());
        assert_eq!(
            all,
            [Dispute { role: 0, index: 0 }, Dispute { role: 1, index: 0 }]
        );
        assert_eq!(disputes(&data, Some(1), &Filter::default()).len(), 1);
        let seen_by = |s: usize| Filter {
            sources: vec![s],
            ..Filter::default()
        };
        // Source 1 only contests a's "decide"; source 2 only states b's.
        assert_eq!(
            disputes(&data, None, &seen_by(1)),
            [Dispute { role: 0, index: 0 }]
        );
        assert_eq!(
            disputes(&data, None, &seen_by(2)),
            [Dispute { role: 1, index: 0 }]
        );
        let other_theme = Filter {
            themes: vec![1],
            ..Filter::default()
        };
        assert!(disputes(&data, None, &other_theme).is_empty());
    }

    #[test]
    fn reports_name_both_sides() {
        let data = example();
        let found = disputes(&data, None, &Filter::default());
        let text = disputes_text(&data, &found, &Filter::default(), Lang::En);
        assert!(text.starts_with("2 places where the sources contradict each other\n"));
        assert!(text.contains(
            "\nA (a)\n! 0.90  Decide\n        stated by: s0\n        contested by: s1\n"
        ));
        let json: serde_json::Value =
            serde_json::from_str(&disputes_json(&data, &found, Lang::En)).unwrap();
        assert_eq!(json[1]["role"], "b");
        assert_eq!(json[1]["stated_by"], serde_json::json!(["s2"]));
        assert_eq!(json[1]["contested_by"], serde_json::json!(["s0"]));
        let md = disputes_markdown(&data, &found, &Filter::default(), Lang::En);
        assert!(md.contains("| A | Decide | 0.90 | s0 | s1 |  |\n"));
    }
}
