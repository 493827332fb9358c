//! `rolediff list`.

use serde::Serialize;

use crate::compare::{Filter, axis_position};
use crate::lang::Lang;
use crate::model::DataSet;
use crate::report::{
    SourceAxisJson, axis_text_in, decimal_sign, round_axis, source_axes_json, to_json,
};
use crate::text::{fit, sanitize, width};

#[derive(Serialize)]
struct RoleSummaryJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    tasks: usize,
    axis: Option<f64>,
    axis_by_source: Vec<SourceAxisJson<'a>>,
}

/// The number of tasks of `role` the filter keeps.
fn kept_tasks(data: &DataSet, role: usize, filter: &Filter) -> usize {
    data.roles[role]
        .tasks
        .iter()
        .filter(|t| filter.accepts(data, t))
        .count()
}

/// `[{"id","name","aliases","tasks","axis","axis_by_source"}]`, under `filter`.
pub fn list_json(data: &DataSet, filter: &Filter, lang: Lang) -> String {
    let roles: Vec<RoleSummaryJson> = data
        .roles
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let position = axis_position(data, i, filter);
            RoleSummaryJson {
                id: &role.id,
                name: role.name.get(lang),
                aliases: &role.aliases,
                tasks: kept_tasks(data, i, filter),
                axis: position.mean.map(round_axis),
                axis_by_source: source_axes_json(data, &position),
            }
        })
        .collect();
    to_json(&roles)
}

/// One line per role: id, name, task count, mean axis without contested tasks, the
/// range of its sources' means, aliases.
pub fn list_text(data: &DataSet, filter: &Filter, lang: Lang) -> String {
    let (h_id, h_name, h_tasks, h_axis, h_spread, h_aliases) = match lang {
        Lang::En => ("ID", "NAME", "TASKS", "AXIS", "BY SOURCE", "ALIASES"),
        Lang::Fr => ("ID", "NOM", "TÂCHES", "AXE", "SELON SOURCE", "ALIAS"),
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
    let spread_width = width(h_spread);
    let mut out = format!(
        "{}  {}  {:>6}  {:>4}  {}  {}\n",
        fit(h_id, id_width),
        fit(h_name, name_width),
        h_tasks,
        h_axis,
        fit(h_spread, spread_width),
        h_aliases
    );
    for (i, role) in data.roles.iter().enumerate() {
        let aliases: Vec<String> = role
            .aliases
            .iter()
            .map(|a| sanitize(a).into_owned())
            .collect();
        let position = axis_position(data, i, filter);
        let spread = position.spread().map_or_else(String::new, |(low, high)| {
            decimal_sign(
                format!("{:.2}–{:.2}", round_axis(low), round_axis(high)),
                lang,
            )
        });
        out.push_str(&format!(
            "{}  {}  {:>6}  {:>4}  {}  {}\n",
            fit(&sanitize(&role.id), id_width),
            fit(&sanitize(role.name.get(lang)), name_width),
            kept_tasks(data, i, filter),
            axis_text_in(position.mean, lang),
            fit(&spread, spread_width),
            aliases.join(", ")
        ));
    }
    out.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}
