//! `rolediff export-data DIR`: the bundled files as a starting point for one's own data.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rolediff::model::BUNDLED_FILES;
use rolediff::text::sanitize;

use super::authoring::{SCHEMA_FILE, schema_text};
use super::{EXIT_ERROR, Failure};

/// Writes every bundled file under `dir`. Refuses, before writing anything, when a
/// target exists and `force` is off; each file is written to a temporary file in the
/// same folder and renamed, so an interruption never leaves a half-written file.
pub fn export_bundled(dir: &Path, force: bool) -> Result<String, Failure> {
    // Each file starts with the line that gives editors the schema, written beside.
    let mut targets: Vec<(PathBuf, String)> = BUNDLED_FILES
        .iter()
        .map(|f| {
            if !f.path.ends_with(".yaml") {
                return (dir.join(f.path), f.contents.to_string());
            }
            let up = "../".repeat(f.path.matches('/').count());
            let line = format!("# yaml-language-server: $schema={up}{SCHEMA_FILE}\n");
            (dir.join(f.path), line + f.contents)
        })
        .collect();
    targets.push((dir.join(SCHEMA_FILE), schema_text()));
    // Every folder the files go into must be a folder (or not exist yet), checked
    // before anything is written: a `roles` that is a file would otherwise stop the
    // export half-way, with some files written.
    let mut folders: Vec<PathBuf> = targets
        .iter()
        .filter_map(|(path, _)| path.parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        for ancestor in folder.ancestors().take_while(|a| a.starts_with(dir)) {
            if let Ok(meta) = ancestor.metadata()
                && !meta.is_dir()
            {
                return Err(Failure::input(format!(
                    "error: cannot export into {}: {} is a file, expected a folder",
                    shown(dir),
                    shown(ancestor)
                )));
            }
        }
    }
    if !force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|(path, _)| path.symlink_metadata().is_ok())
            .map(|(path, _)| shown(path))
            .collect();
        if !existing.is_empty() {
            return Err(Failure::input(format!(
                "error: refusing to overwrite existing files (use --force to replace them):\n  {}",
                existing.join("\n  ")
            )));
        }
    }
    for (path, contents) in &targets {
        write_atomically(path, contents.as_bytes()).map_err(|error| Failure {
            message: format!("error: cannot write {}: {error}", shown(path)),
            code: EXIT_ERROR,
        })?;
    }
    Ok(format!(
        "wrote {} files to {}\ncheck them with: rolediff validate --data {}\n",
        targets.len(),
        shown(dir),
        shown(dir)
    ))
}

/// A path as printed: the user typed it, but it may hold any byte, escape sequences
/// included.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// Writes `bytes` to a temporary sibling of `path`, flushes it to disk, then renames it
/// over `path`. The temporary file is removed if anything fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{file_name}.rolediff-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
