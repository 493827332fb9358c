//! Finding, reading and checking the files of a data set.

use std::fs;
use std::path::{Path, PathBuf};

use rolediff_yaml::{Document, Node, Positions};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity, WarningKind};
use crate::model::DataSet;
use crate::model::aliases::AliasWarnings;
use crate::model::bundled::BUNDLED_FILES;
use crate::model::defaults::DefinedIn;
pub use crate::model::files::LoadLimits;
use crate::model::files::{
    FileKind, FileText, LoadedFile, find_yaml, io_message, kind_in_folder, list_role_files,
    push_read,
};
use crate::model::locate::{in_file_order, locate};
use crate::model::raw::{MAX_PROBLEMS, Problem, RawData};
use crate::model::reader::Reader;
use crate::model::validate::Resolver;
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
    let defined_in = match &origin {
        DataOrigin::File(path) => DefinedIn::file(&path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )),
        _ => DefinedIn::folder(),
    };
    let mut language = None;
    let mut synonyms = Vec::new();
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
        language = language.or(entries.language);
        synonyms.append(&mut entries.synonyms);
        raw.append(entries);
        if !roles.is_empty() {
            let resolver = resolver.get_or_insert_with(|| {
                raw.unreadable = unreadable_kinds(&failed_kinds);
                Resolver::new(&mut raw, &mut problems, defined_in.clone())
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
        Resolver::new(&mut raw, &mut problems, defined_in.clone())
    });
    let (data, warnings) = resolver.finish(origin, language, synonyms);
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
                "synonyms" => raw.synonyms.extend(reader.synonym_group(&mut item, &path)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::locate::shorten_quotes;

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
        assert_eq!(
            data.roles[0].tasks[1].task,
            crate::model::TaskIdx(count - 1)
        );

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
