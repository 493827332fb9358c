//! The landscape: the similarity of every pair of roles, and every role's place on the
//! strategy ↔ execution axis, under one filter (`rolediff matrix`, and the TUI's `m`).

use serde::Serialize;

use crate::compare::{Filter, Matrix};
use crate::lang::Lang;
use crate::model::{DataSet, RoleIdx};
use crate::report::compare::filter_words;
use crate::report::{FilterJson, axis_words, percent_text, round_axis, to_json};
use crate::text::{sanitize, truncate, width};

/// Short labels for column headers, at most `max` columns each and unique (ignoring
/// case): a role's first alias that is one short word (`CM`, `SMM`), else the initials
/// of its id (`community-manager-agency` → `CMA`), else its id cut with `…`, else
/// its number (`#3`).
pub fn short_labels(data: &DataSet, roles: &[RoleIdx], max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut taken: Vec<String> = Vec::with_capacity(roles.len());
    let mut labels = Vec::with_capacity(roles.len());
    for (n, &r) in roles.iter().enumerate() {
        let role = &data.roles[r];
        let initials: String = role
            .id
            .split(['-', '_', '.'])
            .filter_map(|part| part.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        let candidates = role
            .aliases
            .iter()
            .map(|a| sanitize(a).into_owned())
            .filter(|a| !a.is_empty() && !a.contains(char::is_whitespace) && width(a) <= max)
            .chain([initials].into_iter().filter(|i| width(i) <= max))
            .chain([truncate(&sanitize(&role.id), max).into_owned()]);
        let label = candidates
            .into_iter()
            .find(|c| !taken.contains(&c.to_lowercase()))
            .unwrap_or_else(|| truncate(&format!("#{}", n + 1), max).into_owned());
        taken.push(label.to_lowercase());
        labels.push(label);
    }
    labels
}

struct Words {
    title: &'static str,
    filter: &'static str,
    no_filter: &'static str,
    /// `: ` in English, ` : ` in French.
    colon: &'static str,
    axis: &'static str,
    role: &'static str,
    tasks: &'static str,
    execution: &'static str,
    strategy: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "Similarity of every pair of roles",
            filter: "Filter",
            no_filter: "none",
            colon: ": ",
            axis: "Strategy ↔ execution axis",
            role: "Role",
            tasks: "tasks",
            execution: "execution",
            strategy: "strategy",
        },
        Lang::Fr => Words {
            title: "Similarité de chaque paire de rôles",
            filter: "Filtre",
            no_filter: "aucun",
            colon: " : ",
            axis: "Axe stratégie ↔ exécution",
            role: "Rôle",
            tasks: "tâches",
            execution: "exécution",
            strategy: "stratégie",
        },
    }
}

/// The filter line: the words `compare` and `disputes` use, or "Filter: none".
fn filter_line(data: &DataSet, filter: &Filter, lang: Lang, w: &Words) -> String {
    filter_words(data, filter, lang)
        .unwrap_or_else(|| format!("{}{}{}", w.filter, w.colon, w.no_filter))
}

/// Width of a column of the text table.
const COLUMN: usize = 6;

/// An aligned table (rows: short label and name; columns: short labels), then every
/// role on the axis, from execution to strategy.
pub fn matrix_text(data: &DataSet, matrix: &Matrix, filter: &Filter, lang: Lang) -> String {
    let w = words(lang);
    let shorts = short_labels(data, &matrix.roles, COLUMN - 1);
    let names: Vec<String> = matrix
        .roles
        .iter()
        .map(|&r| truncate(&sanitize(data.roles[r].name.get(lang)), 28).into_owned())
        .collect();
    let short_width = shorts.iter().map(|s| width(s)).max().unwrap_or(0);
    let name_width = names.iter().map(|s| width(s)).max().unwrap_or(0);
    let label_width = short_width + 2 + name_width;
    let pad =
        |text: &str, to: usize| format!("{text}{}", " ".repeat(to.saturating_sub(width(text))));
    let mut out = format!("{}\n{}\n\n", w.title, filter_line(data, filter, lang, &w));
    out.push_str(&pad("", label_width));
    for short in &shorts {
        out.push_str(&format!("{:>COLUMN$}", pad(short, 0)));
    }
    out.push('\n');
    for (i, short) in shorts.iter().enumerate() {
        out.push_str(&pad(
            &format!("{}  {}", pad(short, short_width), names[i]),
            label_width,
        ));
        for j in 0..matrix.roles.len() {
            let cell = if i == j {
                "·".to_string()
            } else {
                percent_text(matrix.similarity[i][j])
            };
            out.push_str(&format!("{cell:>COLUMN$}"));
        }
        out.push('\n');
    }
    out.push_str(&format!("\n{} ({})\n", w.axis, axis_words(lang)));
    const SCALE: usize = 31;
    let mut order: Vec<usize> = (0..matrix.roles.len()).collect();
    order.sort_by(|&a, &b| {
        matrix.axis[a]
            .unwrap_or(f64::INFINITY)
            .total_cmp(&matrix.axis[b].unwrap_or(f64::INFINITY))
            .then(a.cmp(&b))
    });
    for i in order {
        let (value, scale) = match matrix.axis[i] {
            Some(axis) => {
                let at = (axis.clamp(0.0, 1.0) * (SCALE - 1) as f64).round() as usize;
                let line: String = (0..SCALE)
                    .map(|x| if x == at { '●' } else { '─' })
                    .collect();
                (format!("{:.2}", round_axis(axis)), line)
            }
            None => ("–".to_string(), " ".repeat(SCALE)),
        };
        out.push_str(&format!(
            "  {}  {value:>4}  {} ├{scale}┤ {}   {}  ({}: {})\n",
            pad(&shorts[i], short_width),
            w.execution,
            w.strategy,
            names[i],
            w.tasks,
            matrix.tasks[i]
        ));
    }
    out
}

/// A Markdown table and the axis as a list.
pub fn matrix_markdown(data: &DataSet, matrix: &Matrix, filter: &Filter, lang: Lang) -> String {
    let w = words(lang);
    let shorts = short_labels(data, &matrix.roles, 12);
    // Names are data: escaped like every Markdown cell (pipes, emphasis, HTML).
    let cell = |text: &str| crate::report::compare::markdown_cell(text);
    let mut out = format!(
        "# {}\n\n{}\n\n| {} |",
        w.title,
        cell(&filter_line(data, filter, lang, &w)),
        w.role
    );
    for short in &shorts {
        out.push_str(&format!(" {} |", cell(short)));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(shorts.len()));
    out.push('\n');
    for (i, &role) in matrix.roles.iter().enumerate() {
        out.push_str(&format!(
            "| **{}** {} |",
            cell(&shorts[i]),
            cell(data.roles[role].name.get(lang))
        ));
        for j in 0..matrix.roles.len() {
            if i == j {
                out.push_str(" · |");
            } else {
                out.push_str(&format!(" {} |", percent_text(matrix.similarity[i][j])));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("\n## {} ({})\n\n", w.axis, axis_words(lang)));
    for (i, &role) in matrix.roles.iter().enumerate() {
        let axis = matrix.axis[i].map_or("–".to_string(), |a| format!("{:.2}", round_axis(a)));
        out.push_str(&format!(
            "- **{}** {}: {axis} ({}: {})\n",
            cell(&shorts[i]),
            cell(data.roles[role].name.get(lang)),
            w.tasks,
            matrix.tasks[i]
        ));
    }
    out
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    filter: FilterJson<'a>,
    roles: Vec<RoleJson<'a>>,
    /// `similarity[i][j]`, in the order of `roles`; `null` when nothing was compared.
    similarity: Vec<Vec<Option<f64>>>,
    /// The same over the tasks no source of the view contests.
    similarity_agreed: Vec<Vec<Option<f64>>>,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    tasks: usize,
    axis: Option<f64>,
}

/// JSON: the roles (id, name, tasks kept, axis) and the similarity rows, rounded to
/// three decimals like `rolediff compare --format json`.
pub fn matrix_json(data: &DataSet, matrix: &Matrix, filter: &Filter, lang: Lang) -> String {
    to_json(&MatrixJson {
        filter: FilterJson::of(data, filter),
        roles: matrix
            .roles
            .iter()
            .enumerate()
            .map(|(i, &r)| RoleJson {
                id: &data.roles[r].id,
                name: data.roles[r].name.get(lang),
                tasks: matrix.tasks[i],
                axis: matrix.axis[i].map(round_axis),
            })
            .collect(),
        similarity: rounded(&matrix.similarity),
        similarity_agreed: rounded(&matrix.similarity_agreed),
    })
}

fn rounded(rows: &[Vec<Option<f64>>]) -> Vec<Vec<Option<f64>>> {
    rows.iter()
        .map(|row| row.iter().map(|s| s.map(round_axis)).collect())
        .collect()
}

/// CSV (RFC 4180): a header `role,<id>,…,axis` and one row per role with the
/// similarities as decimals (three places) and the role's axis.
pub fn matrix_csv(data: &DataSet, matrix: &Matrix) -> String {
    fn field(text: &str) -> String {
        // A leading `=`, `+`, `-` or `@` would be a formula in a spreadsheet.
        let text = if text.starts_with(['=', '+', '-', '@']) {
            format!("'{text}")
        } else {
            text.to_string()
        };
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    }
    let ids: Vec<String> = matrix
        .roles
        .iter()
        .map(|&r| field(&sanitize(&data.roles[r].id)))
        .collect();
    let mut out = format!("role,{},axis\r\n", ids.join(","));
    for (i, id) in ids.iter().enumerate() {
        out.push_str(id);
        // An empty field where nothing was compared.
        for value in &matrix.similarity[i] {
            match value {
                Some(value) => out.push_str(&format!(",{:.3}", round_axis(*value))),
                None => out.push(','),
            }
        }
        match matrix.axis[i] {
            Some(axis) => out.push_str(&format!(",{:.3}\r\n", round_axis(axis))),
            None => out.push_str(",\r\n"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparator;
    use crate::model::load_bundled;

    #[test]
    fn every_short_label_can_be_typed_back() {
        let data = load_bundled().unwrap();
        let roles: Vec<usize> = (0..data.roles.len()).collect();
        for max in [5, 12] {
            for (role, label) in roles.iter().zip(short_labels(&data, &roles, max)) {
                assert_eq!(
                    data.lookup_role(&label),
                    crate::model::RoleLookup::Found(*role),
                    "{label}"
                );
            }
        }
    }

    #[test]
    fn short_labels_fit_and_are_unique() {
        let data = load_bundled().unwrap();
        let roles: Vec<usize> = (0..data.roles.len()).collect();
        let labels = short_labels(&data, &roles, 5);
        for (i, label) in labels.iter().enumerate() {
            assert!(width(label) <= 5, "{label}");
            assert!(!labels[i + 1..].contains(label), "{label} twice");
        }
    }

    #[test]
    fn csv_is_square_and_guards_formulas() {
        let data = load_bundled().unwrap();
        let matrix = Matrix::compute(&Comparator::new(&data), &Filter::default());
        let csv = matrix_csv(&data, &matrix);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), data.roles.len() + 1);
        for line in &lines {
            assert_eq!(line.split(',').count(), data.roles.len() + 2, "{line}");
        }
    }
}
