//! `rolediff similar ROLE`: the other roles, most similar first.

use serde::Serialize;

use crate::compare::{Filter, Ranked, axis_position};
use crate::lang::Lang;
use crate::model::DataSet;
use crate::report::compare::percent;
use crate::report::{axis_text_in, round_axis, similarity_range, to_json};
use crate::text::{fit, sanitize, truncate, width};

#[derive(Serialize)]
struct SimilarJson<'a> {
    id: &'a str,
    name: &'a str,
    similarity: f64,
    tasks: Option<f64>,
    tasks_agreed: Option<f64>,
    wording: Option<f64>,
    shared: usize,
    near: usize,
    axis: Option<f64>,
    words_in_common: &'a [String],
}

/// Fewer columns than this left for the words in common, and they are left out: a
/// word or two cut to `…` says nothing (a name, fewer than half as many).
const MIN_WORDS_COLUMN: usize = 12;

/// How many words in common `similar` shows per role: enough to see what the wording
/// number is made of, few enough to read at a glance.
pub const WORDS_IN_COMMON: usize = 4;

/// `[{"id","name","similarity","tasks","tasks_agreed","wording","shared","near","axis",
/// "words_in_common"}]`,
/// one entry per role in the order given (the ranking of
/// [`crate::compare::Comparator::rank`]); each entry is the comparison's right role:
/// `similarity` is what the ranking sorts by, `tasks` and `tasks_agreed` the
/// similarities `compare` gives, `wording` the role-level text similarity, and `axis`
/// that role's place under the filter.
pub fn similar_json(data: &DataSet, ranked: &[Ranked], filter: &Filter, lang: Lang) -> String {
    let entries: Vec<SimilarJson> = ranked
        .iter()
        .map(|r| {
            let role = &data.roles[r.role];
            SimilarJson {
                id: &role.id,
                name: role.name.get(lang),
                similarity: round_axis(r.score),
                tasks: r.similarity.map(round_axis),
                tasks_agreed: r.similarity_agreed.map(round_axis),
                wording: r.wording.map(round_axis),
                shared: r.shared,
                near: r.near,
                axis: axis_position(data, r.role, filter).mean.map(round_axis),
                words_in_common: &r.words_in_common,
            }
        })
        .collect();
    to_json(&entries)
}

/// A title naming the role, then one aligned line per other role: similarity (what
/// the ranking sorts by), task similarity, wording similarity, shared tasks, near
/// pairs, axis, id, name, and the words in common that weigh most in the wording.
///
/// Within `width_limit` columns when given (a terminal's, `-W`): the numbers and the
/// id always show whole (an id is what one types next); then the name whole and the
/// words cut with `…`, else the words alone, else as much of the name as fits. Words
/// get at least `MIN_WORDS_COLUMN` columns or none. Without a width (a pipe) every
/// line is whole.
pub fn similar_text(
    data: &DataSet,
    role: usize,
    ranked: &[Ranked],
    filter: &Filter,
    lang: Lang,
    width_limit: Option<usize>,
) -> String {
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
                "WORDS IN COMMON",
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
                "MOTS EN COMMUN",
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
        .map(|r| width(&sanitize(&data.roles[r.role].id)))
        .chain([width(headers[6])])
        .max()
        .unwrap_or(2)
        .min(40);
    let name_width = ranked
        .iter()
        .map(|r| width(&sanitize(data.roles[r.role].name.get(lang))))
        .chain([width(headers[7])])
        .max()
        .unwrap_or(4)
        .min(40);
    let rows: Vec<([String; 6], String, String, String)> = ranked
        .iter()
        .map(|r| {
            let other = &data.roles[r.role];
            (
                [
                    format!("{}%", percent(r.score)),
                    similarity_range(r.similarity, r.similarity_agreed),
                    r.wording
                        .map_or("–".to_string(), |w| format!("{}%", percent(w))),
                    r.shared.to_string(),
                    r.near.to_string(),
                    axis_text_in(axis_position(data, r.role, filter).mean, lang),
                ],
                sanitize(&other.id).into_owned(),
                sanitize(other.name.get(lang)).into_owned(),
                sanitize(&r.words_in_common.join(", ")).into_owned(),
            )
        })
        .collect();
    // Each number column as wide as its header or its widest figure (`25–33%`).
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|(cells, ..)| width(&cells[i]))
                .chain([width(headers[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let words_width = rows
        .iter()
        .map(|(.., words)| width(words))
        .chain([width(headers[8])])
        .max()
        .unwrap_or(0);
    // Columns before the name: the numbers, the id and the spaces between them.
    let fixed: usize = widths.iter().map(|w| w + 2).sum::<usize>() + id_width + 2;
    // What fits beside them, most useful first once the id is there: the name whole
    // with the words (cut if need be), else the words alone (the id already names the
    // role), else as much of the name as fits.
    let (name_width, words_width) = match width_limit {
        Some(limit) => {
            let room = limit.saturating_sub(fixed);
            if room >= name_width + 2 + words_width {
                (Some(name_width), Some(words_width))
            } else if room >= name_width + 2 + MIN_WORDS_COLUMN {
                (Some(name_width), Some(room - name_width - 2))
            } else if room >= MIN_WORDS_COLUMN {
                (None, Some(room.min(words_width)))
            } else {
                // A name cut to two letters says nothing the id does not.
                ((room >= MIN_WORDS_COLUMN / 2).then_some(room), None)
            }
        }
        None => (Some(name_width), Some(words_width)),
    };
    let line = |cells: [&str; 6], id: &str, name: &str, words: &str| -> String {
        let numbers: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{}{cell}", " ".repeat(w.saturating_sub(width(cell)))))
            .collect();
        let mut text = format!("{}  {}", numbers.join("  "), fit(id, id_width));
        if let Some(w) = name_width {
            text.push_str(&format!("  {}", fit(name, w)));
        }
        if let Some(w) = words_width {
            text.push_str(&format!("  {}", truncate(words, w)));
        }
        format!("{}\n", text.trim_end())
    };
    out.push_str(&line(
        [
            headers[0], headers[1], headers[2], headers[3], headers[4], headers[5],
        ],
        headers[6],
        headers[7],
        headers[8],
    ));
    for (cells, id, name, words) in &rows {
        let cells: [&str; 6] = std::array::from_fn(|i| cells[i].as_str());
        out.push_str(&line(cells, id, name, words));
    }
    out
}
