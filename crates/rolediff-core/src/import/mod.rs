//! Importing what people already have — a spreadsheet saved as CSV, job descriptions
//! in plain text or Markdown — into one data file of the minimal format.
//!
//! Each reader gives [`ImportedRole`]s; [`Import::to_yaml`] writes them as one YAML
//! data set, which the caller checks by loading it before writing it anywhere.

mod language;
mod prose;
mod spreadsheet;
mod yaml_out;

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::lang::Lang;

pub use prose::read_prose;
pub use spreadsheet::read_csv;

/// One task read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedTask {
    /// The task as written.
    pub label: String,
    /// Its theme (a heading, a spreadsheet's theme column), as written.
    pub theme: Option<String>,
    /// Its place between execution (0) and strategy (1), when given.
    pub axis: Option<f64>,
    /// Who says so: a spreadsheet's source column, or the job ad's file.
    pub source: Option<String>,
}

/// One role read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRole {
    /// The role's name (a job ad's title, a spreadsheet's role column).
    pub name: String,
    /// Its tasks, in the order of the file, each label once.
    pub tasks: Vec<ImportedTask>,
    /// The file it was read from, for messages and to tell apart two roles of one name.
    pub file: String,
}

/// Everything imported, to be written as one data set.
#[derive(Debug, Default)]
pub struct Import {
    /// The roles, in the order of the files.
    pub roles: Vec<ImportedRole>,
}

impl Import {
    /// Reads `text` from `path`: CSV when its name ends with `.csv`, else a job
    /// description in plain text or Markdown.
    pub fn add(&mut self, path: &Path, text: &str) -> Result<(), Vec<Diagnostic>> {
        let is_csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let roles = if is_csv {
            read_csv(path, text)?
        } else {
            vec![read_prose(path, text).map_err(|d| vec![d])?]
        };
        self.roles.extend(roles);
        Ok(())
    }

    /// The language most of the imported text is written in.
    pub fn language(&self) -> Option<Lang> {
        let texts = self.roles.iter().flat_map(|r| {
            std::iter::once(r.name.as_str()).chain(r.tasks.iter().map(|t| t.label.as_str()))
        });
        language::detect(texts)
    }

    /// The data set as YAML, with the line that gives editors the schema.
    pub fn to_yaml(&self, schema: Option<&str>, origin: &[String]) -> String {
        yaml_out::write(self, schema, origin)
    }
}

/// The text of an imported file: UTF-8, else Windows-1252, which spreadsheets and
/// word processors set to French save in (`é` as one byte).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One byte of Windows-1252: Latin-1, with printable characters in 0x80–0x9F.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Trims a label as people write them in lists: surrounding spaces, a final `;`, `,`
/// or `.`, and Markdown's `**`, `__` and backquotes.
fn clean_label(text: &str) -> String {
    let text = text.replace("**", "").replace("__", "").replace('`', "");
    text.trim()
        .trim_end_matches([';', ',', '.', ':'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_read_when_the_file_is_not_utf8() {
        assert_eq!(decode(b"T\xe2che \x96 r\xf4le"), "Tâche – rôle");
        assert_eq!(decode("Tâche".as_bytes()), "Tâche");
    }
}
