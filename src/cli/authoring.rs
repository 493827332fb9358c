//! Starting one's own data: `rolediff schema`, `rolediff init PATH` and
//! `rolediff import FILE… --out PATH`. Each writes atomically and never replaces a file
//! without `--force`.

use std::path::{Path, PathBuf};

use rolediff::diagnostics::{Diagnostic, Diagnostics};
use rolediff::import::Import;
use rolediff::model::{data_schema, load_text};
use rolediff::text::sanitize;

use rolediff::lang::Lang;
use rolediff::messages::{Message, Noun, count};

use super::export::write_atomically;
use super::output;
use super::validate::problems_total;
use super::{EXIT_ERROR, Failure};

/// The commented single-file template `init` writes, in English and in French.
pub const TEMPLATE: &str = include_str!("../../assets/init-template.yaml");
/// The French template (`--lang fr` or a French locale).
pub const TEMPLATE_FR: &str = include_str!("../../assets/init-template.fr.yaml");

/// The name of the schema file written beside the data, which the
/// `# yaml-language-server: $schema=…` line of the data files points to.
pub const SCHEMA_FILE: &str = "rolediff.schema.json";

/// The JSON Schema of the data format, pretty-printed.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&data_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// Refuses when `path` exists and `force` is off.
fn refuse_existing(path: &Path, force: bool) -> Result<(), Failure> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(Failure::input(format!(
            "error: refusing to overwrite {} (use --force to replace it)",
            shown(path)
        )));
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    write_atomically(path, text.as_bytes()).map_err(|error| Failure {
        message: format!("error: cannot write {}: {error}", shown(path)),
        code: EXIT_ERROR,
    })
}

/// Writes the schema file in `dir` unless one is there (a newer rolediff's `--force`
/// replaces it): the data files' `$schema` line points to it.
pub fn write_schema_beside(dir: &Path, force: bool) -> Result<Option<PathBuf>, Failure> {
    let path = dir.join(SCHEMA_FILE);
    if !force && path.symlink_metadata().is_ok() {
        return Ok(None);
    }
    write(&path, &schema_text())?;
    Ok(Some(path))
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The report of a written data file and its schema.
fn written(path: &Path, schema: Option<PathBuf>, what: &str) -> String {
    let lang = output::lang();
    let mut out = Message::Wrote.with(lang, &[what, &shown(path)]) + "\n";
    if let Some(schema) = schema {
        out.push_str(&Message::WroteSchema.with(lang, &[&shown(&schema)]));
        out.push('\n');
    }
    out.push_str(&Message::CheckWith.with(lang, &[&shown(path)]));
    out.push('\n');
    out
}

/// `rolediff init PATH`: the commented template, and the schema beside it.
pub fn init(path: &Path, force: bool) -> Result<String, Failure> {
    refuse_existing(path, force)?;
    let template = match output::lang() {
        Lang::En => TEMPLATE,
        Lang::Fr => TEMPLATE_FR,
    };
    write(path, template)?;
    let schema = write_schema_beside(folder_of(path), force)?;
    let what = match output::lang() {
        Lang::En => "a template with two roles",
        Lang::Fr => "un modèle de deux rôles",
    };
    Ok(written(path, schema, what))
}

/// `rolediff import FILE… --out PATH`: every file read, every problem reported, and
/// nothing written unless all read well and the result loads.
pub fn import(files: &[PathBuf], out: &Path, force: bool) -> Result<String, Failure> {
    refuse_existing(out, force)?;
    let mut import = Import::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for file in files {
        match std::fs::read(file) {
            Ok(bytes) => {
                let text = rolediff::import::decode(&bytes);
                if let Err(found) = import.add(file, &text) {
                    problems.extend(found);
                }
            }
            Err(error) => problems.push(Diagnostic::file(file, format!("cannot read: {error}"))),
        }
    }
    if !problems.is_empty() {
        let total = problems_total(problems.len(), Message::ProblemsInImport);
        return Err(Failure::from_lines(&Diagnostics(problems), &total));
    }
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .map_or_else(|| shown(f), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let yaml = import.to_yaml(Some(SCHEMA_FILE), &names);
    // What is written must load: a bug here must not hand the user a broken file.
    if let Err(diagnostics) = load_text(&out.display().to_string(), &yaml) {
        return Err(Failure::from_lines(
            &diagnostics,
            "error: the imported data does not load; nothing written (please report this)",
        ));
    }
    write(out, &yaml)?;
    let schema = write_schema_beside(folder_of(out), false)?;
    let roles = import.roles.len();
    Ok(written(
        out,
        schema,
        &count(roles, Noun::Role, output::lang()),
    ))
}
