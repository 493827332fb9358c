//! `rolediff similar ROLE`: the other roles, most similar first.

use serde::Serialize;

use crate::compare::{Comparison, Filter, axis_position};
use crate::lang::Lang;
use crate::model::DataSet;
use crate::report::{axis_text, percent_text, round_axis, to_json};
use crate::text::{fit, sanitize, width};

#[derive(Serialize)]
struct SimilarJson<'a> {
    id: &'a str,
    name: &'a str,
    similarity: Option<f64>,
    similarity_agreed: Option<f64>,
    shared: usize,
    near: usize,
    axis: Option<f64>,
}

/// `[{"id","name","similarity","similarity_agreed","shared","near","axis"}]`, one entry
/// per comparison in the order given (the ranking of
/// [`crate::compare::Comparator::rank`]); each entry is the comparison's right role,
/// `axis` being that role's place under the filter.
pub fn similar_json(data: &DataSet, ranked: &[Comparison], filter: &Filter, lang: Lang) -> String {
    let entries: Vec<SimilarJson> = ranked
        .iter()
        .map(|c| {
            let role = &data.roles[c.right];
            SimilarJson {
                id: &role.id,
                name: role.name.get(lang),
                similarity: c.similarity.map(round_axis),
                similarity_agreed: c.similarity_agreed.map(round_axis),
                shared: c.shared.len(),
                near: c.near.len(),
                axis: axis_position(data, c.right, filter).mean.map(round_axis),
            }
        })
        .collect();
    to_json(&entries)
}

/// A title naming the role, then one aligned line per other role: similarity, shared
/// tasks, near pairs, axis, id and name.
pub fn similar_text(
    data: &DataSet,
    role: usize,
    ranked: &[Comparison],
    filter: &Filter,
    lang: Lang,
) -> String {
    let (title, headers) = match lang {
        Lang::En => (
            "Roles most similar to",
            ["SIMILARITY", "SHARED", "NEAR", "AXIS", "ID", "NAME"],
        ),
        Lang::Fr => (
            "Rôles les plus proches de",
            ["SIMILARITÉ", "COMMUN", "PROCHES", "AXE", "ID", "NOM"],
        ),
    };
    let r = &data.roles[role];
    let mut out = format!(
        "{title} {} ({})\n\n",
        sanitize(r.name.get(lang)),
        sanitize(&r.id)
    );
    let id_width = ranked
        .iter()
        .map(|c| width(&sanitize(&data.roles[c.right].id)))
        .chain([width(headers[4])])
        .max()
        .unwrap_or(2)
        .min(40);
    let numbers = |cells: [&str; 4]| -> String {
        cells
            .iter()
            .zip(&headers)
            .map(|(cell, header)| {
                let w = width(header);
                format!("{}{cell}", " ".repeat(w.saturating_sub(width(cell))))
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let line = |cells: [&str; 4], id: &str, name: &str| -> String {
        let text = format!("{}  {}  {name}", numbers(cells), fit(id, id_width));
        format!("{}\n", text.trim_end())
    };
    out.push_str(&line(
        [headers[0], headers[1], headers[2], headers[3]],
        headers[4],
        headers[5],
    ));
    for c in ranked {
        let other = &data.roles[c.right];
        out.push_str(&line(
            [
                &percent_text(c.similarity),
                &c.shared.len().to_string(),
                &c.near.len().to_string(),
                &axis_text(axis_position(data, c.right, filter).mean),
            ],
            &sanitize(&other.id),
            &sanitize(other.name.get(lang)),
        ));
    }
    out
}
