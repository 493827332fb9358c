//! `rolediff similar ROLE`: the other roles, most similar first.

use serde::Serialize;

use crate::compare::Ranked;
use crate::lang::Lang;
use crate::model::DataSet;
use crate::report::compare::percent;
use crate::report::{round_axis, to_json};
use crate::text::{fit, sanitize, width};

#[derive(Serialize)]
struct SimilarJson<'a> {
    id: &'a str,
    name: &'a str,
    similarity: f64,
    tasks: f64,
    wording: Option<f64>,
    shared: usize,
    near: usize,
    axis: f64,
}

/// `[{"id","name","similarity","tasks","wording","shared","near","axis"}]`, one entry
/// per role in the order given (the ranking of [`crate::compare::Comparator::rank`]);
/// each entry is the comparison's right role: `similarity` is what the ranking sorts
/// by, `tasks` the similarity `compare` gives, `wording` the role-level text
/// similarity, and `axis` that role's mean axis over all its tasks.
pub fn similar_json(data: &DataSet, ranked: &[Ranked], lang: Lang) -> String {
    let entries: Vec<SimilarJson> = ranked
        .iter()
        .map(|r| {
            let c = &r.comparison;
            let role = &data.roles[c.right];
            SimilarJson {
                id: &role.id,
                name: role.name.get(lang),
                similarity: round_axis(r.score),
                tasks: round_axis(c.similarity),
                wording: r.wording.map(round_axis),
                shared: c.shared.len(),
                near: c.near.len(),
                axis: round_axis(data.role_axis(c.right)),
            }
        })
        .collect();
    to_json(&entries)
}

/// A title naming the role, then one aligned line per other role: similarity (what
/// the ranking sorts by), task similarity, wording similarity, shared tasks, near
/// pairs, axis, id and name.
pub fn similar_text(data: &DataSet, role: usize, ranked: &[Ranked], lang: Lang) -> String {
    let (title, headers) = match lang {
        Lang::En => (
            "Roles most similar to",
            [
                "SIMILARITY",
                "TASKS",
                "WORDING",
                "SHARED",
                "NEAR",
                "AXIS",
                "ID",
                "NAME",
            ],
        ),
        Lang::Fr => (
            "Rôles les plus proches de",
            [
                "SIMILARITÉ",
                "TÂCHES",
                "MOTS",
                "COMMUN",
                "PROCHES",
                "AXE",
                "ID",
                "NOM",
            ],
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
        .map(|r| width(&sanitize(&data.roles[r.comparison.right].id)))
        .chain([width(headers[6])])
        .max()
        .unwrap_or(2)
        .min(40);
    let numbers = |cells: [&str; 6]| -> String {
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
    let line = |cells: [&str; 6], id: &str, name: &str| -> String {
        let text = format!("{}  {}  {name}", numbers(cells), fit(id, id_width));
        format!("{}\n", text.trim_end())
    };
    out.push_str(&line(
        [
            headers[0], headers[1], headers[2], headers[3], headers[4], headers[5],
        ],
        headers[6],
        headers[7],
    ));
    for r in ranked {
        let c = &r.comparison;
        let other = &data.roles[c.right];
        out.push_str(&line(
            [
                &format!("{}%", percent(r.score)),
                &format!("{}%", percent(c.similarity)),
                &r.wording
                    .map_or("–".to_string(), |w| format!("{}%", percent(w))),
                &c.shared.len().to_string(),
                &c.near.len().to_string(),
                &format!("{:.2}", data.role_axis(c.right)),
            ],
            &sanitize(&other.id),
            &sanitize(other.name.get(lang)),
        ));
    }
    out
}
