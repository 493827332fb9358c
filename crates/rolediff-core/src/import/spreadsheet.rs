//! A spreadsheet saved as CSV: one row per task of a role. Columns are found by their
//! header, in English or French, whatever the case and accents; `,` and `;` (the
//! separator of spreadsheets set to French) are both read.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Location};
use crate::import::{ImportedRole, ImportedTask, clean_label};
use crate::text::fold;

/// The columns rolediff reads, each with the headers it answers to (folded: lowercase,
/// no accents).
const COLUMNS: [(&str, &[&str]); 5] = [
    (
        "role",
        &[
            "role",
            "roles",
            "poste",
            "job",
            "metier",
            "intitule",
            "job title",
            "fonction",
        ],
    ),
    (
        "task",
        &[
            "task", "tasks", "tache", "taches", "mission", "missions", "activite", "activity",
        ],
    ),
    (
        "theme",
        &[
            "theme",
            "themes",
            "category",
            "categorie",
            "domaine",
            "domain",
        ],
    ),
    ("axis", &["axis", "axe", "niveau", "strategy", "strategie"]),
    ("source", &["source", "sources", "reference", "origine"]),
];

fn error(path: &Path, line: usize, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        location: Some(Location { line, column }),
        ..Diagnostic::file(path, message)
    }
}

/// `,` unless the header line has more `;` (a spreadsheet set to French).
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// An axis cell: `0.7` or `0,7`, from 0 to 1; empty is no axis.
fn axis(cell: &str) -> Result<Option<f64>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.replace(',', ".").parse::<f64>() {
        Ok(n) if (0.0..=1.0).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "axis `{cell}` is not a number from 0 (pure execution) to 1 (pure strategy)"
        )),
    }
}

/// Reads the roles of a CSV file, in the order they first appear. Every bad row is
/// reported, with its line and column.
pub fn read_csv(path: &Path, text: &str) -> Result<Vec<ImportedRole>, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![error(
                path,
                1,
                1,
                format!("cannot read the header line: {e}"),
            )]
        })?
        .clone();
    let mut at = [None; 5];
    for (i, header) in headers.iter().enumerate() {
        let folded = fold(header.trim());
        if let Some(c) = COLUMNS
            .iter()
            .position(|(_, names)| names.contains(&folded.as_str()))
            && at[c].is_none()
        {
            at[c] = Some(i);
        }
    }
    let (Some(role_at), Some(task_at)) = (at[0], at[1]) else {
        return Err(vec![error(
            path,
            1,
            1,
            format!(
                "expected a header line with a `role` and a `task` column (also `rôle`, `poste`, `tâche`, `mission`…), and optional `theme`, `axis`, `source`; found: {}",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
        )]);
    };
    let mut roles: Vec<ImportedRole> = Vec::new();
    let mut problems = Vec::new();
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(error(path, line, 1, format!("cannot read this row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |column: Option<usize>| {
            column
                .and_then(|c| record.get(c))
                .map(clean_label)
                .filter(|s| !s.is_empty())
        };
        let (role, task) = (cell(Some(role_at)), cell(Some(task_at)));
        if role.is_none() && task.is_none() {
            continue;
        }
        let (Some(role), Some(label)) = (role, task) else {
            let (column, what) = if cell(Some(role_at)).is_none() {
                (role_at, "role")
            } else {
                (task_at, "task")
            };
            problems.push(error(
                path,
                line,
                column + 1,
                format!(
                    "this row has no {what}: expected a {what} in column {}",
                    column + 1
                ),
            ));
            continue;
        };
        let axis = match axis(at[3].and_then(|c| record.get(c)).unwrap_or("")) {
            Ok(axis) => axis,
            Err(message) => {
                problems.push(error(path, line, at[3].unwrap_or(0) + 1, message));
                continue;
            }
        };
        let task = ImportedTask {
            label,
            theme: cell(at[2]),
            axis,
            source: cell(at[4]),
        };
        let index = match roles.iter().position(|r| r.name == role) {
            Some(index) => index,
            None => {
                roles.push(ImportedRole {
                    name: role,
                    tasks: Vec::new(),
                    file: file.clone(),
                });
                roles.len() - 1
            }
        };
        let tasks = &mut roles[index].tasks;
        if !tasks.iter().any(|t| t.label == task.label) {
            tasks.push(task);
        }
    }
    if roles.is_empty() && problems.is_empty() {
        problems.push(error(path, 2, 1, "no row with a role and a task".into()));
    }
    if problems.is_empty() {
        Ok(roles)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_headers_semicolons_and_decimal_commas() {
        let roles = read_csv(
            Path::new("t.csv"),
            "Rôle;Tâche;Thème;Axe\nAnalyste;Suivre les KPI;Mesure;0,3\nAnalyste;Construire les tableaux de bord;;\n",
        )
        .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].tasks[0].axis, Some(0.3));
        assert_eq!(roles[0].tasks[0].theme.as_deref(), Some("Mesure"));
        assert_eq!(roles[0].tasks[1].theme, None);
    }

    #[test]
    fn bad_rows_are_reported_with_their_place() {
        let problems = read_csv(Path::new("t.csv"), "role,task,axis\nA,x,2\nA,,\n").unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].location, Some(Location { line: 2, column: 3 }));
        assert!(problems[1].message.contains("no task"));
    }
}
