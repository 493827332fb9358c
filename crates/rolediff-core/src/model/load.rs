//! Finding, reading and checking the files of a data set.

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rolediff_yaml::{Document, Limits, Location, Node, Positions};

use crate::diagnostics::{Anchor, Diagnostic, Diagnostics, Severity, WarningKind};
use crate::model::DataSet;
use crate::model::aliases::AliasWarnings;
use crate::model::bundled::{BUNDLED_FILES, BundledFile};
use crate::model::raw::{MAX_PROBLEMS, Problem, RawData};
use crate::model::reader::Reader;
use crate::model::validate::Resolver;
use crate::text::truncate;
use crate::yaml_path::YamlPath;

/// Where a data set came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataOrigin {
    /// The data compiled into the binary.
    Bundled,
    /// A folder with `themes.yaml`, `sources.yaml`, `tasks.yaml` and `roles/`.
    Folder(PathBuf),
    /// One YAML file with `themes`, `sources`, `tasks` and `roles` keys.
    File(PathBuf),
}

/// Which data set to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource<'a> {
    /// The data compiled into the binary.
    Bundled,
    /// A data folder or a single YAML file.
    Path(&'a Path),
    /// One YAML file already read (standard input, a named pipe), under a name for
    /// messages.
    Text {
        /// How messages name it (`<stdin>`, the pipe's path).
        name: &'a str,
        /// Its text.
        text: &'a str,
    },
}

/// A data set that loaded, and the warnings its files raised: problems that do not
/// stop loading (an alias shared by several roles), for `validate` to report.
#[derive(Debug)]
pub struct Loaded {
    /// The data set.
    pub data: DataSet,
    /// The warnings.
    pub warnings: Warnings,
}

/// The warnings of a data set that loaded. Their places are found only when asked
/// ([`Warnings::locate`]): that means reading and indexing the files again, about a
/// third of the load time again on ESCO's 3,007 roles, and only `validate` prints them.
#[derive(Debug, Default)]
pub struct Warnings {
    files: Vec<LoadedFile>,
    found: AliasWarnings,
}

impl Warnings {
    /// Number of warnings.
    pub fn len(&self) -> usize {
        self.found.counts.iter().sum()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of warnings of `kind`.
    pub fn count(&self, kind: WarningKind) -> usize {
        self.found.counts[kind as usize]
    }

    /// The first `first` warnings of each kind (those kept, at most 1,000 of each
    /// kind, when `None`) with their places, in file order.
    pub fn locate(&self, first: Option<usize>) -> Diagnostics {
        let mut taken = [0; WarningKind::ALL.len()];
        let (kinds, problems): (Vec<WarningKind>, Vec<Problem>) = self
            .found
            .kept
            .iter()
            .filter(|(kind, _)| {
                taken[*kind as usize] += 1;
                first.is_none_or(|first| taken[*kind as usize] <= first)
            })
            .cloned()
            .unzip();
        let mut warnings = locate(&self.files, problems, Vec::new());
        for (warning, kind) in warnings.iter_mut().zip(kinds) {
            warning.severity = Severity::Warning(kind);
        }
        warnings.sort_by(|a, b| in_file_order(&self.files, a, b));
        Diagnostics(warnings)
    }
}

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
enum FileKind {
    Themes,
    Sources,
    Tasks,
    Role,
    DataSet,
}

impl FileKind {
    fn expected(self) -> &'static str {
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
    text: FileText,
    kind: FileKind,
}

/// Where a file's text comes from. Files on disk are read one at a time and their text
/// dropped once parsed, so a large data set is never held in memory as text; a file
/// whose positions were not kept (a warning, or a problem found after its turn) is read
/// and parsed again to locate it.
#[derive(Debug)]
enum FileText {
    /// A file of the bundled data: compiled in, parsed at run time like any file.
    Bundled(&'static BundledFile),
    Memory(String),
    Disk(LoadLimits),
}

impl LoadedFile {
    fn text(&self) -> Result<Cow<'_, str>, Diagnostic> {
        match &self.text {
            FileText::Bundled(file) => Ok(Cow::Borrowed(file.contents)),
            FileText::Memory(text) => Ok(Cow::Borrowed(text)),
            FileText::Disk(limits) => read_text(&self.display, *limits).map(Cow::Owned),
        }
    }

    /// The YAML reader's limits for this file: the size limit of the load, the reader's
    /// own nesting and alias limits.
    fn yaml_limits(&self) -> Limits {
        let mut limits = Limits::default();
        if let FileText::Disk(load) = &self.text {
            limits.max_bytes = usize::try_from(load.max_file_bytes).unwrap_or(usize::MAX);
        }
        limits
    }

    /// The positions of every key and value of this file, read and parsed again; none
    /// when it cannot be (a file removed since, or broken: then only its name is shown).
    fn positions(&self) -> Positions {
        self.text()
            .ok()
            .and_then(|text| rolediff_yaml::parse_with(&text, &self.yaml_limits()).ok())
            .map(|document| document.positions)
            .unwrap_or_default()
    }
}

/// Loads `source` with the warnings it raises. On failure the diagnostics hold the
/// errors and the warnings, told apart by their [`Severity`].
///
/// [`Severity`]: crate::diagnostics::Severity
pub fn load(source: DataSource<'_>, limits: LoadLimits) -> Result<Loaded, Diagnostics> {
    match source {
        DataSource::Bundled => load_bundled_files(),
        DataSource::Path(path) => load_path_files(path, limits),
        DataSource::Text { name, text } => load_text_files(name, text),
    }
}

/// Loads the data set compiled into the binary (it raises no warning: a test checks).
pub fn load_bundled() -> Result<DataSet, Diagnostics> {
    load_bundled_files().map(|loaded| loaded.data)
}

fn load_bundled_files() -> Result<Loaded, Diagnostics> {
    let files = BUNDLED_FILES
        .iter()
        .filter_map(|file| {
            let kind = kind_in_folder(Path::new(file.path))?;
            Some(LoadedFile {
                display: Path::new("<bundled>").join(file.path),
                text: FileText::Bundled(file),
                kind,
            })
        })
        .collect();
    check(files, Vec::new(), Vec::new(), DataOrigin::Bundled)
}

/// Loads a single-file data set (the `themes`, `sources`, `tasks`, `roles` mapping)
/// from text already in memory; `name` is the file name diagnostics show. This is the
/// loader of [`load_path`] on a file, minus the file system: the fuzz target drives it.
pub fn load_text(name: &str, text: &str) -> Result<DataSet, Diagnostics> {
    load_text_files(name, text).map(|loaded| loaded.data)
}

fn load_text_files(name: &str, text: &str) -> Result<Loaded, Diagnostics> {
    let display = PathBuf::from(name);
    let files = vec![LoadedFile {
        display: display.clone(),
        text: FileText::Memory(text.to_string()),
        kind: FileKind::DataSet,
    }];
    check(files, Vec::new(), Vec::new(), DataOrigin::File(display))
}

/// Loads a data set folder or single file, with the default limits; its warnings are
/// dropped (see [`load`] to have them).
pub fn load_path(path: &Path) -> Result<DataSet, Diagnostics> {
    load_path_with(path, LoadLimits::default())
}

/// Loads a data set folder or single file; its warnings are dropped (see [`load`] to
/// have them).
pub fn load_path_with(path: &Path, limits: LoadLimits) -> Result<DataSet, Diagnostics> {
    load_path_files(path, limits).map(|loaded| loaded.data)
}

fn load_path_files(path: &Path, limits: LoadLimits) -> Result<Loaded, Diagnostics> {
    let metadata = fs::metadata(path).map_err(|error| {
        Diagnostics(vec![Diagnostic::file(
            path,
            io_message(&error, "data path"),
        )])
    })?;
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut failed_kinds = Vec::new();
    let origin;
    if metadata.is_dir() {
        origin = DataOrigin::Folder(path.to_path_buf());
        for (name, kind, required) in [
            ("themes", FileKind::Themes, true),
            ("sources", FileKind::Sources, true),
            ("tasks", FileKind::Tasks, false),
        ] {
            match find_yaml(path, name) {
                Some(file) => push_read(&mut files, &file, kind, limits),
                None if required => {
                    failed_kinds.push(kind);
                    errors.push(Diagnostic::file(
                        &path.join(format!("{name}.yaml")),
                        format!(
                            "missing file: a data folder needs {name}.yaml ({})",
                            kind.expected()
                        ),
                    ));
                }
                None => {}
            }
        }
        let roles_dir = path.join("roles");
        match list_role_files(&roles_dir, limits) {
            Ok(role_files) => {
                for file in role_files {
                    push_read(&mut files, &file, FileKind::Role, limits);
                }
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
    } else {
        origin = DataOrigin::File(path.to_path_buf());
        push_read(&mut files, path, FileKind::DataSet, limits);
    }
    check(files, errors, failed_kinds, origin)
}

/// `dir/name.yaml`, or `dir/name.yml` when only that exists.
fn find_yaml(dir: &Path, name: &str) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{name}.{ext}")))
        .find(|candidate| candidate.symlink_metadata().is_ok())
}

fn kind_in_folder(relative: &Path) -> Option<FileKind> {
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
fn list_role_files(dir: &Path, limits: LoadLimits) -> Result<Vec<PathBuf>, Diagnostic> {
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

fn io_message(error: &std::io::Error, what: &str) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => format!("no such file or folder (expected the {what})"),
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied: cannot read the {what}")
        }
        _ => format!("cannot read the {what}: {error}"),
    }
}

/// Queues `path` for reading: files are read one at a time while checking.
fn push_read(files: &mut Vec<LoadedFile>, path: &Path, kind: FileKind, limits: LoadLimits) {
    files.push(LoadedFile {
        display: path.to_path_buf(),
        text: FileText::Disk(limits),
        kind,
    });
}

/// Reads a file as UTF-8 text, refusing directories, oversized files and invalid bytes.
fn read_text(path: &Path, limits: LoadLimits) -> Result<String, Diagnostic> {
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
fn special_file_kind(metadata: &fs::Metadata) -> &'static str {
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

/// Parses and checks every file and resolves the data set; all problems together.
///
/// Catalogue files come first; each role is then resolved as soon as its file is read
/// and its parsed tree dropped, so memory holds one file's tree and raw entries at a
/// time, plus the resolved data. A file's positions (read in the same pass as its tree)
/// are kept only when it has a problem.
fn check(
    mut files: Vec<LoadedFile>,
    mut errors: Vec<Diagnostic>,
    mut failed_kinds: Vec<FileKind>,
    origin: DataOrigin,
) -> Result<Loaded, Diagnostics> {
    // Stable: the order within each group (and so of roles) is kept.
    files.sort_by_key(|file| file.kind == FileKind::Role);
    let mut problems: Vec<Problem> = Vec::new();
    let mut raw = RawData::default();
    let mut resolver: Option<Resolver> = None;
    let mut kept: Vec<Option<Positions>> = files.iter().map(|_| None).collect();
    // Where an unknown task reference should have been defined, named as the user
    // sees it: a single-file data set has no tasks.yaml.
    let tasks_defined_in = match &origin {
        DataOrigin::File(path) => format!(
            "the `tasks` of {}",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned()
            )
        ),
        _ => "tasks.yaml".to_string(),
    };
    for (file_id, file) in files.iter().enumerate() {
        let FileEntries {
            raw: mut entries,
            problems: file_problems,
            positions,
        } = match read_file(file_id, file) {
            Ok(read) => read,
            Err(diagnostic) => {
                errors.push(diagnostic);
                failed_kinds.push(file.kind);
                continue;
            }
        };
        let first_problem = problems.len();
        let room = MAX_PROBLEMS.saturating_sub(problems.len());
        problems.extend(file_problems.into_iter().take(room));
        let roles = std::mem::take(&mut entries.roles);
        raw.append(entries);
        if !roles.is_empty() {
            let resolver = resolver.get_or_insert_with(|| {
                raw.unreadable = unreadable_kinds(&failed_kinds);
                Resolver::new(&mut raw, &mut problems, tasks_defined_in.clone())
            });
            for role in roles {
                resolver.role(role, &mut problems);
            }
        }
        if problems[first_problem..].iter().any(|p| p.file == file_id) {
            kept[file_id] = Some(positions);
        }
    }
    let resolver = resolver.unwrap_or_else(|| {
        raw.unreadable = unreadable_kinds(&failed_kinds);
        Resolver::new(&mut raw, &mut problems, tasks_defined_in.clone())
    });
    let (data, warnings) = resolver.finish(origin);
    // The note names the file where the cap was reached, not whatever file sorts last.
    let capped_in = problems
        .last()
        .filter(|_| problems.len() >= MAX_PROBLEMS)
        .and_then(|last| files.get(last.file))
        .map(|file| file.display.clone());
    if errors.is_empty() && problems.is_empty() {
        return Ok(Loaded {
            data,
            warnings: Warnings {
                files,
                found: warnings,
            },
        });
    }
    drop(data);
    // Errors and warnings located together: each file is indexed once.
    let error_count = problems.len();
    let (kinds, warnings): (Vec<WarningKind>, Vec<Problem>) = warnings.kept.into_iter().unzip();
    problems.extend(warnings);
    let mut located = locate(&files, problems, kept);
    let mut warnings = located.split_off(error_count);
    for (warning, kind) in warnings.iter_mut().zip(kinds) {
        warning.severity = Severity::Warning(kind);
    }
    errors.extend(located);
    errors.sort_by(|a, b| in_file_order(&files, a, b));
    warnings.sort_by(|a, b| in_file_order(&files, a, b));
    if let Some(file) = capped_in {
        errors.push(Diagnostic::file(
            &file,
            format!("stopped after {MAX_PROBLEMS} problems; there may be more: fix these first"),
        ));
    }
    errors.extend(warnings);
    Err(Diagnostics(errors))
}

/// What one file gave: its entries and problems, kept apart from the data set until the
/// file has parsed (a file that does not parse gives only its syntax error), and the
/// positions of its keys and values.
struct FileEntries {
    raw: RawData,
    problems: Vec<Problem>,
    positions: Positions,
}

/// Reads, parses and reads the entries of one file. The items of the long lists
/// (a list file's, a data set's `themes`, `sources`, `tasks` and `roles`) are read one
/// at a time as the parser completes them, so that a large catalogue never exists as
/// one tree; the rest is read from the tree the parser returns.
fn read_file(file_id: usize, file: &LoadedFile) -> Result<FileEntries, Diagnostic> {
    let text = file.text()?;
    let mut raw = RawData::default();
    let mut problems = Vec::new();
    let mut reader = Reader {
        file: file_id,
        problems: &mut problems,
        broken: Vec::new(),
    };
    let root = YamlPath::root();
    let limits = file.yaml_limits();
    let parsed = match file.kind {
        FileKind::Role => rolediff_yaml::parse_with(&text, &limits),
        kind => rolediff_yaml::parse_streaming(&text, &limits, |key, index, mut item| {
            let (list, path) = match (kind, key) {
                (FileKind::DataSet, Some(key)) => (key, root.key(key).index(index)),
                (FileKind::DataSet, None) => return,
                (FileKind::Themes, _) => ("themes", root.index(index)),
                (FileKind::Sources, _) => ("sources", root.index(index)),
                _ => ("tasks", root.index(index)),
            };
            match list {
                "themes" => raw.themes.extend(reader.theme(&mut item, &path)),
                "sources" => raw.sources.extend(reader.source(&mut item, &path)),
                "tasks" => raw.tasks.extend(reader.task(&mut item, &path)),
                "roles" => raw.roles.extend(reader.role(&mut item, &path)),
                // Unknown keys are reported from the tree; their values are not read.
                _ => {}
            }
        }),
    };
    // The text is not needed once parsed: only the tree and positions stay.
    drop(text);
    let Document {
        root: mut node,
        positions,
        ..
    } = parsed.map_err(|syntax| Diagnostic {
        severity: Severity::Error,
        file: file.display.clone(),
        location: syntax.location,
        path: None,
        message: syntax.message,
        hint: None,
    })?;
    if matches!(node, Node::Null) {
        return Err(Diagnostic::file(
            &file.display,
            format!("the file is empty: expected {}", file.kind.expected()),
        ));
    }
    // A streamed list leaves an empty list in the tree; anything else is read (or
    // refused) now.
    match file.kind {
        FileKind::Themes => raw.themes.extend(reader.themes(&mut node, &root)),
        FileKind::Sources => raw.sources.extend(reader.sources(&mut node, &root)),
        FileKind::Tasks => raw.tasks.extend(reader.tasks(&mut node, &root)),
        FileKind::Role => raw.roles.extend(reader.role(&mut node, &root)),
        FileKind::DataSet => reader.dataset(&mut node, &mut raw),
    }
    raw.broken_ids.extend(reader.broken);
    Ok(FileEntries {
        raw,
        problems,
        positions,
    })
}

/// Orders diagnostics by file (in load order), then by place.
fn in_file_order(files: &[LoadedFile], a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    let order = |d: &Diagnostic| {
        files
            .iter()
            .position(|f| f.display == d.file)
            .unwrap_or(usize::MAX)
    };
    order(a).cmp(&order(b)).then(a.location.cmp(&b.location))
}

/// Kinds of reference ("theme", "source", "task") whose file could not be read at all.
fn unreadable_kinds(failed: &[FileKind]) -> Vec<&'static str> {
    failed
        .iter()
        .filter_map(|kind| match kind {
            FileKind::Themes => Some("theme"),
            FileKind::Sources => Some("source"),
            FileKind::Tasks => Some("task"),
            FileKind::Role | FileKind::DataSet => None,
        })
        .collect()
}

/// Turns problems into diagnostics with line and column. `kept` holds the positions
/// read with some files (missing or `None` for the others); a file without them is
/// parsed again, once, for its positions.
fn locate(
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
const QUOTE_COLUMNS: usize = 60;

/// `message` with every `` `quoted` `` value longer than [`QUOTE_COLUMNS`] cut with
/// `…`: a 1 MB id must not make a 2 MB error line.
fn shorten_quotes(message: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder whose `tasks.yaml` holds `count` tasks;
    /// `edit` may change the text of task `i`.
    fn large_catalogue(count: usize, edit: impl Fn(usize, String) -> String) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
        write("themes.yaml", "- {id: content, label: Content}\n");
        write(
            "sources.yaml",
            "- {id: alpha, title: Alpha, language: en}\n",
        );
        let mut tasks = String::from("# a large catalogue\n");
        for i in 0..count {
            let task = format!(
                "- id: task-{i}\n  label: {{fr: Tâche numéro {i}, en: Task number {i}}}\n  themes: [content]\n  axis: 0.5\n"
            );
            tasks.push_str(&edit(i, task));
        }
        write("tasks.yaml", &tasks);
        fs::create_dir(dir.path().join("roles")).unwrap();
        write(
            "roles/r.yaml",
            &format!(
                "id: r\nname: R\nsources: [alpha]\ntasks:\n  - task: task-0\n  - task: task-{}\n",
                count - 1
            ),
        );
        dir
    }

    #[test]
    fn a_large_catalogue_has_exact_places() {
        let count = 3000;
        let dir = large_catalogue(count, |_, task| task);
        let data = load_path(dir.path()).unwrap();
        assert_eq!(data.tasks.len(), count);
        assert_eq!(data.tasks[2500].label.en, "Task number 2500");
        assert_eq!(data.roles[0].tasks[1].task, count - 1);

        // A mistake far down is reported at its own line and path.
        let dir = large_catalogue(count, |i, task| {
            if i == 2500 {
                task.replace("axis: 0.5", "axis: 5")
            } else {
                task
            }
        });
        let diagnostics = load_path(dir.path()).unwrap_err();
        let axis = diagnostics
            .iter()
            .find(|d| d.message.contains("out of range"))
            .expect("axis problem");
        assert_eq!(axis.path.as_ref().unwrap().to_string(), "[2500].axis");
        assert_eq!(axis.location.unwrap().line, 1 + 2500 * 4 + 4);
    }

    #[test]
    fn aliases_and_syntax_errors_far_down_a_large_catalogue() {
        // An alias to an anchor far above it: the same data.
        let count = 3000;
        let dir = large_catalogue(count, |i, task| match i {
            0 => task.replace("label: {", "label: &first {"),
            2999 => task.replace(
                "label: {fr: Tâche numéro 2999, en: Task number 2999}",
                "label: *first",
            ),
            _ => task,
        });
        let data = load_path(dir.path()).unwrap();
        assert_eq!(data.tasks.len(), count);
        assert_eq!(data.tasks[2999].label, data.tasks[0].label);
        // A syntax error far down: reported once, with its real line.
        let dir = large_catalogue(count, |i, task| {
            if i == 2800 {
                task.replace("themes: [content]", "themes: [content")
            } else {
                task
            }
        });
        let diagnostics = load_path(dir.path()).unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics}");
        let syntax = diagnostics.iter().next().unwrap();
        assert!(syntax.message.starts_with("invalid YAML"), "{syntax}");
        assert!(syntax.location.unwrap().line > 1 + 2800 * 4, "{syntax}");
    }

    #[test]
    fn long_quoted_values_are_cut_in_messages() {
        let long = "a".repeat(10_000);
        let message = shorten_quotes(&format!("`{long}` is not a valid id"));
        assert!(message.len() < 100, "{message}");
        assert!(message.ends_with("…` is not a valid id"), "{message}");
        assert_eq!(shorten_quotes("`short` ok"), "`short` ok");
    }
}
