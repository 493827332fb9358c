//! Small hand-made data sets for the unit tests of the comparison.

use crate::model::{DataOrigin, DataSet, Role, RoleTask, Source, Task, TaskIdx, Text, Theme};

/// A task with the same label in both languages, like an inline task of user data.
pub fn task(id: &str, label: &str, themes: &[usize], axis: f64) -> Task {
    bilingual(id, label, label, themes, axis)
}

/// A catalogue task with a label in each language.
pub fn bilingual(id: &str, fr: &str, en: &str, themes: &[usize], axis: f64) -> Task {
    Task {
        id: id.to_string(),
        label: Text {
            fr: fr.to_string(),
            en: en.to_string(),
        },
        themes: themes.to_vec(),
        axis: Some(axis),
        description: None,
        inline: false,
    }
}

/// A role holding `tasks`, each given by source 0 (or by `sources` when set).
pub fn role(id: &str, tasks: &[usize]) -> Role {
    Role {
        id: id.to_string(),
        name: Text::same(id.to_uppercase()),
        aliases: Vec::new(),
        summary: None,
        tasks: tasks
            .iter()
            .map(|&task| RoleTask {
                task: TaskIdx(task),
                sources: vec![0].into(),
                contested_by: Vec::new(),
                note: None,
            })
            .collect(),
    }
}

/// A data set with themes `t0`, `t1`, … and sources `s0`, `s1`, `s2`.
pub fn data(themes: usize, tasks: Vec<Task>, roles: Vec<Role>) -> DataSet {
    DataSet {
        themes: (0..themes)
            .map(|i| Theme {
                id: format!("t{i}"),
                label: Text::same(format!("Theme {i}")),
                description: None,
            })
            .collect(),
        sources: (0..3)
            .map(|i| Source {
                id: format!("s{i}"),
                title: format!("Source {i}"),
                language: "en".into(),
                url: None,
                summary: None,
            })
            .collect(),
        tasks,
        roles,
        origin: DataOrigin::Bundled,
        language: None,
        synonyms: Vec::new(),
    }
}
