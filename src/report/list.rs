//! `rolediff list`.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::DataSet;
use crate::report::{round_axis, to_json};
use crate::text::{fit, sanitize, width};

#[derive(Serialize)]
struct RoleSummaryJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    tasks: usize,
    axis: f64,
}

/// `[{"id","name","aliases","tasks","axis"}]`.
pub fn list_json(data: &DataSet, lang: Lang) -> String {
    let roles: Vec<RoleSummaryJson> = data
        .roles
        .iter()
        .enumerate()
        .map(|(i, role)| RoleSummaryJson {
            id: &role.id,
            name: role.name.get(lang),
            aliases: &role.aliases,
            tasks: role.tasks.len(),
            axis: round_axis(data.role_axis(i)),
        })
        .collect();
    to_json(&roles)
}

/// One line per role: id, name, task count, mean axis, aliases.
pub fn list_text(data: &DataSet, lang: Lang) -> String {
    let (h_id, h_name, h_tasks, h_axis, h_aliases) = match lang {
        Lang::En => ("ID", "NAME", "TASKS", "AXIS", "ALIASES"),
        Lang::Fr => ("ID", "NOM", "TÂCHES", "AXE", "ALIAS"),
    };
    let id_width = data
        .roles
        .iter()
        .map(|r| width(&sanitize(&r.id)))
        .chain([width(h_id)])
        .max()
        .unwrap_or(2)
        .min(40);
    let name_width = data
        .roles
        .iter()
        .map(|r| width(&sanitize(r.name.get(lang))))
        .chain([width(h_name)])
        .max()
        .unwrap_or(4)
        .min(40);
    let mut out = format!(
        "{}  {}  {:>6}  {:>4}  {}\n",
        fit(h_id, id_width),
        fit(h_name, name_width),
        h_tasks,
        h_axis,
        h_aliases
    );
    for (i, role) in data.roles.iter().enumerate() {
        let aliases: Vec<String> = role
            .aliases
            .iter()
            .map(|a| sanitize(a).into_owned())
            .collect();
        out.push_str(&format!(
            "{}  {}  {:>6}  {:>4.2}  {}\n",
            fit(&sanitize(&role.id), id_width),
            fit(&sanitize(role.name.get(lang)), name_width),
            role.tasks.len(),
            data.role_axis(i),
            aliases.join(", ")
        ));
    }
    out.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}
