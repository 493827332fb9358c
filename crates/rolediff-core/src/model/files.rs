//! The files of a data set: finding them (a folder's `themes.yaml`, `sources.yaml`,
//! `tasks.yaml` and `roles/`, or one file), and reading each as UTF-8 text within the
//! limits.

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rolediff_yaml::{Limits, Location, Positions};

use crate::diagnostics::Diagnostic;
use crate::model::bundled::BundledFile;

/// Limits that keep a hostile data set from exhausting time or memory.
#[derive(Debug, Clone, Copy)]
pub struct LoadLimits {
    /// Largest accepted file, in bytes.
    pub max_file_bytes: u64,
    /// Most role files accepted in `roles/`.
    pub max_role_files: usize,
}

impl Default for LoadLimits {
    /// 64 MiB per file (a 30,000-role catalogue in one file stays well under it) and
    /// 100,000 role files.
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_role_files: 100_000,
        }
    }
}

/// What a file holds, which decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Themes,
    Sources,
    Tasks,
    Role,
    DataSet,
}

impl FileKind {
    pub(crate) fn expected(self) -> &'static str {
        match self {
            FileKind::Themes => "a list of themes",
            FileKind::Sources => "a list of sources",
            FileKind::Tasks => "a list of tasks",
            FileKind::Role => "one role (a mapping with id, name, tasks, …)",
            FileKind::DataSet => "a data set (a mapping with themes, sources, tasks, roles)",
        }
    }
}

/// A file of the data set, read when its turn comes.
#[derive(Debug)]
pub(crate) struct LoadedFile {
    pub display: PathBuf,
    pub text: FileText,
    pub kind: FileKind,
}

/// Where a file's text comes from. Files on disk are read one at a time and their text
/// dropped once parsed, so a large data set is never held in memory as text; a file
/// whose positions were not kept (a warning, or a problem found after its turn) is read
/// and parsed again to locate it.
#[derive(Debug)]
pub(crate) enum FileText {
    /// A file of the bundled data: compiled in, parsed at run time like any file.
    Bundled(&'static BundledFile),
    Memory(String),
    Disk(LoadLimits),
}

impl LoadedFile {
    pub(crate) fn text(&self) -> Result<Cow<'_, str>, Diagnostic> {
        match &self.text {
            FileText::Bundled(file) => Ok(Cow::Borrowed(file.contents)),
            FileText::Memory(text) => Ok(Cow::Borrowed(text)),
            FileText::Disk(limits) => read_text(&self.display, *limits).map(Cow::Owned),
        }
    }

    /// The YAML reader's limits for this file: the size limit of the load, the reader's
    /// own nesting and alias limits.
    pub(crate) fn yaml_limits(&self) -> Limits {
        let mut limits = Limits::default();
        if let FileText::Disk(load) = &self.text {
            limits.max_bytes = usize::try_from(load.max_file_bytes).unwrap_or(usize::MAX);
        }
        limits
    }

    /// The positions of every key and value of this file, read and parsed again; none
    /// when it cannot be (a file removed since, or broken: then only its name is shown).
    pub(crate) fn positions(&self) -> Positions {
        self.text()
            .ok()
            .and_then(|text| rolediff_yaml::parse_with(&text, &self.yaml_limits()).ok())
            .map(|document| document.positions)
            .unwrap_or_default()
    }
}

/// `dir/name.yaml`, or `dir/name.yml` when only that exists.
pub(crate) fn find_yaml(dir: &Path, name: &str) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{name}.{ext}")))
        .find(|candidate| candidate.symlink_metadata().is_ok())
}

pub(crate) fn kind_in_folder(relative: &Path) -> Option<FileKind> {
    let is_yaml = matches!(
        relative.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    if !is_yaml {
        return None;
    }
    if relative.parent().is_some_and(|p| p.ends_with("roles")) {
        return Some(FileKind::Role);
    }
    match relative.file_stem().and_then(|s| s.to_str()) {
        Some("themes") => Some(FileKind::Themes),
        Some("sources") => Some(FileKind::Sources),
        Some("tasks") => Some(FileKind::Tasks),
        _ => None,
    }
}

/// The `*.yaml` / `*.yml` files of `roles/`, sorted by name so that the order of roles
/// does not depend on the file system.
pub(crate) fn list_role_files(dir: &Path, limits: LoadLimits) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|error| {
        Diagnostic::file(
            dir,
            io_message(&error, "roles folder (one YAML file per role)"),
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Diagnostic::file(
            dir,
            "no role files: expected at least one `*.yaml` file here",
        ));
    }
    if files.len() > limits.max_role_files {
        return Err(Diagnostic::file(
            dir,
            format!(
                "{} role files is over the limit of {}",
                files.len(),
                limits.max_role_files
            ),
        ));
    }
    Ok(files)
}

pub(crate) fn io_message(error: &std::io::Error, what: &str) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => format!("no such file or folder (expected the {what})"),
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied: cannot read the {what}")
        }
        _ => format!("cannot read the {what}: {error}"),
    }
}

/// Queues `path` for reading: files are read one at a time while checking.
pub(crate) fn push_read(
    files: &mut Vec<LoadedFile>,
    path: &Path,
    kind: FileKind,
    limits: LoadLimits,
) {
    files.push(LoadedFile {
        display: path.to_path_buf(),
        text: FileText::Disk(limits),
        kind,
    });
}

/// Reads a file as UTF-8 text, refusing directories, oversized files and invalid bytes.
pub(crate) fn read_text(path: &Path, limits: LoadLimits) -> Result<String, Diagnostic> {
    let what = "YAML file";
    let metadata = fs::metadata(path).map_err(|e| Diagnostic::file(path, io_message(&e, what)))?;
    if metadata.is_dir() {
        return Err(Diagnostic::file(
            path,
            "expected a YAML file, found a folder",
        ));
    }
    if !metadata.is_file() {
        // A named pipe would block the read forever and a device never ends: only
        // regular files are data.
        return Err(Diagnostic::file(
            path,
            format!(
                "expected a YAML file, found {}",
                special_file_kind(&metadata)
            ),
        ));
    }
    let too_big = || {
        Diagnostic::file(
            path,
            format!(
                "file is over the size limit of {} MiB; split the data into smaller files",
                limits.max_file_bytes / (1024 * 1024)
            ),
        )
    };
    if metadata.len() > limits.max_file_bytes {
        return Err(too_big());
    }
    let file = fs::File::open(path).map_err(|e| Diagnostic::file(path, io_message(&e, what)))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // `take` guards against a file that grows between the size check and the read.
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::file(path, io_message(&e, what)))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let mut diagnostic = Diagnostic::file(
            path,
            "the file is not valid UTF-8 text: save it as UTF-8".to_string(),
        );
        diagnostic.location = Some(Location::after(valid));
        diagnostic
    })
}

/// What a file that is neither a regular file nor a folder is, in words.
pub(crate) fn special_file_kind(metadata: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = metadata;
    "something that is not a regular file"
}
