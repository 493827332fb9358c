//! Cross-checks and resolution: from raw entries to a [`DataSet`] of indices.
//!
//! Duplicate ids, unknown references, conflicting inline tasks and missing
//! attributions are reported here, each at the place of the offending value.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::{Anchor, did_you_mean};
use crate::model::aliases::{AliasWarnings, settle_aliases};
use crate::model::defaults::{DefinedIn, UNATTRIBUTED, themes_or_default};
use crate::model::ids::IdIndex;
use crate::model::raw::{
    InlineTask, Located, MAX_PROBLEMS, Origin, Problem, RawData, RawRole, RawTaskRef,
};
use crate::model::{DataOrigin, DataSet, Role, RoleTask, Source, Task, TaskIdx, Text, Theme};
use crate::text::slugify;

/// The problem list, and what is needed to avoid cascades of messages.
struct Problems<'p> {
    list: &'p mut Vec<Problem>,
    /// Ids of entries dropped for another problem (see `RawData::broken_ids`).
    broken: &'p [String],
    /// Kinds of references that cannot be checked because their file was unreadable.
    unreadable: &'p [&'static str],
}

impl Problems<'_> {
    fn push(&mut self, problem: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(problem);
        }
    }

    fn at(&mut self, origin: &Origin, message: String, hint: Option<String>) {
        self.push(Problem {
            file: origin.file,
            path: origin.path.clone(),
            anchor: Anchor::Value,
            message,
            hint,
            related: None,
        });
    }

    fn duplicate(&mut self, what: &str, id: &Located, first: &Origin) {
        self.push(Problem {
            file: id.origin.file,
            path: id.origin.path.clone(),
            anchor: Anchor::Value,
            message: format!("duplicate {what} id `{}`", id.value),
            hint: None,
            related: Some((first.clone(), "first defined at")),
        });
    }
}

/// Maps ids to indices, reporting duplicates.
fn index_ids<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a Located>,
    problems: &mut Problems,
) -> IdIndex {
    let ids: Vec<&Located> = ids.collect();
    let mut index = IdIndex::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        if let Err(first) = index.insert_new(&id.value, i) {
            problems.duplicate(what, id, &ids[first].origin);
        }
    }
    index
}

/// Looks up references, reporting unknown ones with the closest known ids.
fn lookup(
    what: &str,
    defined_in: &str,
    refs: &[Located],
    index: &IdIndex,
    problems: &mut Problems,
) -> Option<Vec<usize>> {
    let mut found = Vec::with_capacity(refs.len());
    let mut ok = true;
    for reference in refs {
        match lookup_one(what, defined_in, reference, index, problems) {
            Some(i) if !found.contains(&i) => found.push(i),
            Some(_) => {}
            None => ok = false,
        }
    }
    ok.then_some(found)
}

/// Looks up one reference, reporting it when unknown.
fn lookup_one(
    what: &str,
    defined_in: &str,
    reference: &Located,
    index: &IdIndex,
    problems: &mut Problems,
) -> Option<usize> {
    if let Some(i) = index.get(&reference.value) {
        return Some(i);
    }
    // Not reported again when already reported at its cause.
    if !(problems.unreadable.contains(&what) || problems.broken.contains(&reference.value)) {
        problems.at(
            &reference.origin,
            format!(
                "unknown {what} `{}`: it is not defined in {defined_in}",
                reference.value
            ),
            did_you_mean(&reference.value, index.ids()),
        );
    }
    None
}

/// The generated id of an inline task: `inline-` and a slug of its English label
/// (French when the English one has no letters, a hash of the label as a last resort),
/// so that two roles describing the same task with the same words share it.
pub(crate) fn inline_task_id(label: &Text) -> String {
    let slug = [&label.en, &label.fr]
        .iter()
        .map(|l| slugify(l))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| {
            // FNV-1a: stable across runs and platforms, unlike std's hasher.
            let hash = label.en.bytes().fold(0xcbf29ce484222325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
            });
            format!("task-{hash:016x}")
        });
    format!("inline-{slug}")
}

/// Resolves raw entries into a data set, one role at a time.
///
/// The catalogue (themes, sources, tasks) is resolved first; then each role is resolved
/// as soon as it is read, so that a large data set never holds the raw form of all its
/// roles at once (their YAML paths and unresolved ids would cost several times the
/// resolved roles). Every check runs as before: duplicate role ids against the roles
/// seen so far, aliases at the end against every role's id and names.
pub(crate) struct Resolver {
    broken: Vec<String>,
    unreadable: Vec<&'static str>,
    theme_index: IdIndex,
    source_index: IdIndex,
    task_index: IdIndex,
    /// Role id → where it was first defined.
    role_index: HashMap<String, Origin, foldhash::quality::RandomState>,
    /// For each task, the last role (numbered from 1) that listed it: finds a task listed
    /// twice in a role without a set per role.
    listed_in: Vec<u32>,
    themes: Vec<Theme>,
    sources: Vec<Source>,
    tasks: Vec<Task>,
    roles: Vec<Role>,
    /// Each role's aliases with their origins, checked once every role id is known.
    aliases: Vec<Vec<Located>>,
    /// Where each role's id is, for warnings about the role as a whole.
    id_origins: Vec<Origin>,
    /// Where references that are not found should have been defined.
    defined_in: DefinedIn,
    /// The sources of a task entry that names none and whose role names none.
    unattributed: Option<Arc<[usize]>>,
}

impl Resolver {
    /// Resolves the catalogue of `raw` (its themes, sources and tasks), taking them out
    /// of it; `raw`'s roles are left for [`Resolver::role`].
    pub(crate) fn new(
        raw: &mut RawData,
        problems: &mut Vec<Problem>,
        defined_in: DefinedIn,
    ) -> Self {
        let broken = std::mem::take(&mut raw.broken_ids);
        let unreadable = std::mem::take(&mut raw.unreadable);
        let mut problems = Problems {
            list: problems,
            broken: &broken,
            unreadable: &unreadable,
        };
        let mut theme_index = index_ids("theme", raw.themes.iter().map(|t| &t.id), &mut problems);
        let source_index = index_ids("source", raw.sources.iter().map(|s| &s.id), &mut problems);
        let task_index = index_ids("task", raw.tasks.iter().map(|t| &t.id), &mut problems);

        let mut themes: Vec<Theme> = std::mem::take(&mut raw.themes)
            .into_iter()
            .map(|t| Theme {
                id: t.id.value,
                label: t.label,
                description: t.description,
            })
            .collect();
        let sources: Vec<Source> = std::mem::take(&mut raw.sources)
            .into_iter()
            .map(|s| Source {
                id: s.id.value,
                title: s.title,
                language: s.language,
                url: s.url,
                summary: s.summary,
            })
            .collect();
        let mut tasks: Vec<Task> = Vec::with_capacity(raw.tasks.len());
        for task in std::mem::take(&mut raw.tasks) {
            let task_themes = lookup(
                "theme",
                &defined_in.themes,
                &task.themes,
                &theme_index,
                &mut problems,
            );
            let task_themes = themes_or_default(
                task_themes,
                !task.themes.is_empty(),
                &mut themes,
                &mut theme_index,
            );
            tasks.push(Task {
                id: task.id.value,
                label: task.label,
                themes: task_themes.unwrap_or_default(),
                axis: task.axis,
                description: task.description.map(Box::new),
                inline: false,
            });
        }
        Self {
            broken,
            unreadable,
            theme_index,
            source_index,
            task_index,
            role_index: HashMap::default(),
            listed_in: Vec::new(),
            themes,
            sources,
            tasks,
            roles: Vec::new(),
            aliases: Vec::new(),
            id_origins: Vec::new(),
            defined_in,
            unattributed: None,
        }
    }

    /// The sources of an entry that names none: the source `unattributed`, added the
    /// first time it is needed (or the data's own source of that id).
    fn unattributed(&mut self) -> Arc<[usize]> {
        if let Some(sources) = &self.unattributed {
            return Arc::clone(sources);
        }
        let at = match self.source_index.get(UNATTRIBUTED) {
            Some(found) => found,
            None => {
                let at = self.sources.len();
                self.sources.push(Source {
                    id: UNATTRIBUTED.into(),
                    title: "Unattributed: the data names no source for these tasks".into(),
                    language: String::new(),
                    url: None,
                    summary: Some(Text {
                        fr: "Tâches pour lesquelles les données ne citent aucune source".into(),
                        en: "Tasks for which the data names no source".into(),
                    }),
                });
                let _ = self.source_index.insert_new(UNATTRIBUTED, at);
                at
            }
        };
        let sources: Arc<[usize]> = Arc::from(vec![at]);
        self.unattributed = Some(Arc::clone(&sources));
        sources
    }

    /// Resolves one role (after the catalogue, and after the roles before it).
    pub(crate) fn role(&mut self, role: RawRole, problems: &mut Vec<Problem>) {
        let needs_unattributed = role.default_sources.is_none()
            && role.tasks.iter().any(|entry| entry.sources.is_none());
        let unattributed = needs_unattributed.then(|| self.unattributed());
        let mut problems = Problems {
            list: problems,
            broken: &self.broken,
            unreadable: &self.unreadable,
        };
        match self.role_index.get(&role.id.value) {
            Some(first) => problems.duplicate("role", &role.id, first),
            None => {
                self.role_index
                    .insert(role.id.value.clone(), role.id.origin.clone());
            }
        }
        let stamp = self.roles.len() as u32 + 1;
        let listed_in = &mut self.listed_in;
        let defined_in = &self.defined_in;
        let tasks = &mut self.tasks;
        let task_index = &mut self.task_index;
        let source_index = &self.source_index;
        // Default sources named but not found were reported where they are named (or
        // the source itself was invalid): the entries relying on them are not also
        // missing their `sources`.
        let defaults_named = role.default_sources.as_ref().is_some_and(|s| !s.is_empty());
        let default_sources = role
            .default_sources
            .as_ref()
            .and_then(|s| {
                lookup(
                    "source",
                    &defined_in.sources,
                    s,
                    source_index,
                    &mut problems,
                )
            })
            .map(Arc::<[usize]>::from);
        let mut role_tasks: Vec<RoleTask> = Vec::with_capacity(role.tasks.len());
        // Where each task of this role was listed, to point at the first of two listings.
        let mut listed_at: Vec<(usize, Origin)> = Vec::with_capacity(role.tasks.len());
        // The catalogue references are looked up first, in a tight loop: each lookup is
        // a cache miss (parsing this role's file pushed the index out of the cache), and
        // lookups independent of each other wait for their misses together. A reference
        // not found here is looked up again below, after the inline tasks before it,
        // and reported if still unknown; the index only grows, so what is found stays.
        let found: Vec<Option<usize>> = role
            .tasks
            .iter()
            .map(|entry| match &entry.task {
                RawTaskRef::Catalogue(reference) => task_index.get(&reference.value),
                RawTaskRef::Inline(_) => None,
            })
            .collect();
        for (entry, found) in role.tasks.into_iter().zip(found) {
            let task = match entry.task {
                RawTaskRef::Catalogue(reference) => match found.or_else(|| {
                    lookup_one(
                        "task",
                        &defined_in.tasks,
                        &reference,
                        task_index,
                        &mut problems,
                    )
                }) {
                    Some(found) => found,
                    None => continue,
                },
                RawTaskRef::Inline(inline) => {
                    let InlineTask {
                        origin,
                        label,
                        themes: theme_refs,
                        axis,
                        description,
                    } = *inline;
                    let found = lookup(
                        "theme",
                        &defined_in.themes,
                        &theme_refs,
                        &self.theme_index,
                        &mut problems,
                    );
                    let Some(task_themes) = themes_or_default(
                        found,
                        !theme_refs.is_empty(),
                        &mut self.themes,
                        &mut self.theme_index,
                    ) else {
                        continue;
                    };
                    let id = inline_task_id(&label);
                    match task_index.insert_new(&id, tasks.len()) {
                        Err(existing) => {
                            let existing_task = &tasks[existing];
                            if existing_task.axis != axis || existing_task.themes != task_themes {
                                problems.at(
                                    &origin,
                                    format!(
                                        "inline task `{}` is also defined in another role with other themes or axis",
                                        label.en
                                    ),
                                    Some("give both the same `themes` and `axis`, or define the task once in `tasks`".into()),
                                );
                                continue;
                            }
                            existing
                        }
                        Ok(()) => {
                            tasks.push(Task {
                                id,
                                label,
                                themes: task_themes,
                                axis,
                                description: description.map(Box::new),
                                inline: true,
                            });
                            tasks.len() - 1
                        }
                    }
                }
            };
            if listed_in.len() < tasks.len() {
                listed_in.resize(tasks.len(), 0);
            }
            if listed_in[task] == stamp {
                let first = listed_at
                    .iter()
                    .find(|(t, _)| *t == task)
                    .map_or_else(|| entry.origin.clone(), |(_, origin)| origin.clone());
                problems.push(Problem {
                    file: entry.origin.file,
                    path: entry.origin.path.clone(),
                    anchor: Anchor::Value,
                    message: format!(
                        "task `{}` is listed twice in role `{}`",
                        tasks[task].id, role.id.value
                    ),
                    hint: None,
                    related: Some((first, "first listed at")),
                });
                continue;
            }
            listed_in[task] = stamp;
            listed_at.push((task, entry.origin.clone()));
            let sources = match &entry.sources {
                Some(refs) if refs.is_empty() => {
                    problems.at(
                        &entry.origin.path_key("sources"),
                        "`sources` is empty: name at least one source that gives this task to the role".into(),
                        None,
                    );
                    None
                }
                Some(refs) => lookup(
                    "source",
                    &defined_in.sources,
                    refs,
                    source_index,
                    &mut problems,
                )
                .map(Arc::from),
                None => match &default_sources {
                    Some(defaults) if !defaults.is_empty() => Some(Arc::clone(defaults)),
                    // Named but unknown or invalid: reported where they are named.
                    _ if defaults_named => None,
                    _ => unattributed.clone(),
                },
            };
            let contested_by = lookup(
                "source",
                &defined_in.sources,
                &entry.contested_by,
                source_index,
                &mut problems,
            );
            let (Some(sources), Some(contested_by)) = (sources, contested_by) else {
                continue;
            };
            if let Some(both) = contested_by.iter().find(|c| sources.contains(c)) {
                problems.at(
                    &entry.origin.path_key("contested_by"),
                    format!(
                        "source `{}` cannot both state and contest the same task",
                        sources_id(&sources_ids(source_index), *both)
                    ),
                    None,
                );
                continue;
            }
            role_tasks.push(RoleTask {
                task: TaskIdx(task),
                sources,
                contested_by,
                note: entry.note,
            });
        }
        self.id_origins.push(role.id.origin);
        self.roles.push(Role {
            id: role.id.value,
            name: role.name,
            // Filled by `finish`, once every role's names are known.
            aliases: Vec::new(),
            summary: role.summary,
            tasks: role_tasks,
        });
        self.aliases.push(role.aliases);
    }

    /// Settles the aliases against every role's id and names (see
    /// [`settle_aliases`]), and gives the data set with its warnings. The caller uses
    /// the data set only when no problem was found.
    pub(crate) fn finish(
        mut self,
        origin: DataOrigin,
        language: Option<crate::lang::Lang>,
        synonyms: Vec<Vec<String>>,
    ) -> (DataSet, AliasWarnings) {
        let warnings = settle_aliases(&mut self.roles, self.aliases, &self.id_origins);
        let data = DataSet {
            themes: self.themes,
            sources: self.sources,
            tasks: self.tasks,
            roles: self.roles,
            origin,
            language,
            synonyms,
        };
        (data, warnings)
    }
}

fn sources_ids(index: &IdIndex) -> Vec<(usize, &str)> {
    index.iter().map(|(id, i)| (i, id)).collect()
}

fn sources_id(ids: &[(usize, &str)], wanted: usize) -> String {
    ids.iter()
        .find(|(i, _)| *i == wanted)
        .map(|(_, id)| id.to_string())
        .unwrap_or_default()
}

impl Origin {
    fn path_key(&self, key: &str) -> Origin {
        Origin {
            file: self.file,
            path: self.path.key(key),
        }
    }
}
