//! From problems found at YAML paths to diagnostics at `file:line:column`.

use rolediff_yaml::Positions;

use crate::diagnostics::{Anchor, Diagnostic, Severity};
use crate::model::files::LoadedFile;
use crate::model::raw::Problem;
use crate::text::truncate;

/// Orders diagnostics by file (in load order), then by place.
pub(crate) fn in_file_order(
    files: &[LoadedFile],
    a: &Diagnostic,
    b: &Diagnostic,
) -> std::cmp::Ordering {
    let order = |d: &Diagnostic| {
        files
            .iter()
            .position(|f| f.display == d.file)
            .unwrap_or(usize::MAX)
    };
    order(a).cmp(&order(b)).then(a.location.cmp(&b.location))
}

/// Turns problems into diagnostics with line and column. `kept` holds the positions
/// read with some files (missing or `None` for the others); a file without them is
/// parsed again, once, for its positions.
pub(crate) fn locate(
    files: &[LoadedFile],
    problems: Vec<Problem>,
    mut kept: Vec<Option<Positions>>,
) -> Vec<Diagnostic> {
    kept.resize_with(files.len(), || None);
    let mut positions = kept;
    problems
        .into_iter()
        .map(|problem| {
            let file = &files[problem.file];
            let index = positions[problem.file].get_or_insert_with(|| file.positions());
            let location = index.locate(problem.path.steps(), problem.anchor);
            let hint = match problem.related {
                Some((related, wording)) => {
                    let related_file = &files[related.file];
                    let related_index =
                        positions[related.file].get_or_insert_with(|| related_file.positions());
                    let place = match related_index.locate(related.path.steps(), Anchor::Value) {
                        Some(at) => format!(
                            "{}:{}:{}",
                            related_file.display.display(),
                            at.line,
                            at.column
                        ),
                        None => related_file.display.display().to_string(),
                    };
                    Some(format!("{wording} {place}"))
                }
                None => problem.hint,
            };
            Diagnostic {
                severity: Severity::Error,
                file: files[problem.file].display.clone(),
                location,
                path: Some(Box::new(problem.path)),
                message: shorten_quotes(&problem.message),
                hint: hint.map(|h| shorten_quotes(&h)),
            }
        })
        .collect()
}

/// Longest quoted value a message repeats, in columns.
pub(crate) const QUOTE_COLUMNS: usize = 60;

/// `message` with every `` `quoted` `` value longer than [`QUOTE_COLUMNS`] cut with
/// `…`: a 1 MB id must not make a 2 MB error line.
pub(crate) fn shorten_quotes(message: &str) -> String {
    if message.len() <= 2 * QUOTE_COLUMNS {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len().min(1024));
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are inside backquotes.
        if i % 2 == 1 {
            out.push_str(&truncate(part, QUOTE_COLUMNS));
        } else {
            out.push_str(part);
        }
    }
    out
}
