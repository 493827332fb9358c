//! Writes imported roles as one data set of the minimal format: a task with nothing
//! but its label is written as its label alone, themes and sources only when given.

use std::fmt::Write;

use crate::import::{Import, ImportedRole};
use crate::lang::Lang;
use crate::text::slugify;

/// A YAML scalar: plain when it reads back as the same text, else double-quoted (a
/// JSON string is a valid YAML double-quoted scalar).
fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text
            .chars()
            .any(|c| c.is_control() || "{}[],&*!|>\"%@`#".contains(c))
        && !matches!(
            text.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n" | "~"
        );
    if plain {
        text.to_string()
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

/// A unique id from `text`: its slug, else `fallback`, with `-2`, `-3`… when taken.
fn unique_id(text: &str, fallback: &str, taken: &mut Vec<String>) -> String {
    let slug = slugify(text);
    let base = if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.push(id.clone());
    id
}

/// The id of a source: the slug of its text, without the extension of a file name.
fn source_base(source: &str) -> &str {
    source
        .rsplit_once('.')
        .filter(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "md" | "markdown" | "txt" | "text"
            )
        })
        .map_or(source, |(base, _)| base)
}

/// Values seen once each, in order, with their ids.
#[derive(Default)]
struct Ids {
    values: Vec<(String, String)>,
    taken: Vec<String>,
}

impl Ids {
    fn id(&mut self, value: &str, id_of: impl Fn(&str) -> &str, fallback: &str) -> String {
        if let Some((_, id)) = self.values.iter().find(|(v, _)| v == value) {
            return id.clone();
        }
        let id = unique_id(id_of(value), fallback, &mut self.taken);
        self.values.push((value.to_string(), id.clone()));
        id
    }
}

pub fn write(import: &Import, schema: Option<&str>, origin: &[String]) -> String {
    let mut themes = Ids::default();
    let mut sources = Ids::default();
    let mut role_ids = Vec::new();
    // A label has one theme and one axis in the whole data set: the first given.
    let mut first: Vec<(&str, Option<String>, Option<f64>)> = Vec::new();
    let mut roles_yaml = String::new();
    let names: Vec<&str> = import.roles.iter().map(|r| r.name.as_str()).collect();
    for role in &import.roles {
        let shared_name = names.iter().filter(|n| **n == role.name).count() > 1;
        let name = if shared_name {
            format!("{} ({})", role.name, source_base(&role.file))
        } else {
            role.name.clone()
        };
        let id = unique_id(&name, "role", &mut role_ids);
        let _ = writeln!(roles_yaml, "  - name: {}", scalar(&name));
        if slugify(&name) != id {
            let _ = writeln!(roles_yaml, "    id: {id}");
        }
        let role_source = common_source(role);
        if let Some(source) = &role_source {
            let source_id = sources.id(source, source_base, "source");
            let _ = writeln!(roles_yaml, "    sources: [{source_id}]");
        }
        let _ = writeln!(roles_yaml, "    tasks:");
        for task in &role.tasks {
            let (theme, axis) = match first.iter().find(|(l, _, _)| *l == task.label) {
                Some((_, theme, axis)) => (theme.clone(), *axis),
                None => {
                    first.push((&task.label, task.theme.clone(), task.axis));
                    (task.theme.clone(), task.axis)
                }
            };
            let source = task.source.as_ref().filter(|_| role_source.is_none());
            if theme.is_none() && axis.is_none() && source.is_none() {
                let _ = writeln!(roles_yaml, "      - {}", scalar(&task.label));
                continue;
            }
            let _ = writeln!(roles_yaml, "      - label: {}", scalar(&task.label));
            if let Some(theme) = &theme {
                let _ = writeln!(
                    roles_yaml,
                    "        themes: [{}]",
                    themes.id(theme, |t| t, "theme")
                );
            }
            if let Some(axis) = axis {
                let _ = writeln!(roles_yaml, "        axis: {axis}");
            }
            if let Some(source) = source {
                let _ = writeln!(
                    roles_yaml,
                    "        sources: [{}]",
                    sources.id(source, source_base, "source")
                );
            }
        }
    }
    let language = import.language();
    let mut out = String::new();
    if let Some(schema) = schema {
        let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    }
    let _ = writeln!(
        out,
        "# Imported by `rolediff import` from: {}",
        origin.join(", ")
    );
    let _ = writeln!(
        out,
        "# Check it with `rolediff validate --data FILE`; every field is explained by `rolediff init`."
    );
    if let Some(language) = language {
        let _ = writeln!(out, "language: {}", code(language));
    }
    if !themes.values.is_empty() {
        let _ = writeln!(out, "themes:");
        for (label, id) in &themes.values {
            let _ = writeln!(out, "  - id: {id}\n    label: {}", scalar(label));
        }
    }
    if !sources.values.is_empty() {
        let _ = writeln!(out, "sources:");
        for (title, id) in &sources.values {
            let _ = writeln!(
                out,
                "  - id: {id}\n    title: {}\n    language: {}",
                scalar(title),
                code(language.unwrap_or(Lang::En))
            );
        }
    }
    let _ = writeln!(out, "roles:");
    out.push_str(&roles_yaml);
    out
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// The source every task of `role` names, when they all name the same one.
fn common_source(role: &ImportedRole) -> Option<String> {
    let first = role.tasks.first()?.source.clone()?;
    role.tasks
        .iter()
        .all(|t| t.source.as_deref() == Some(first.as_str()))
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        assert_eq!(scalar("Build data pipelines"), "Build data pipelines");
        assert_eq!(scalar("Note: this"), "\"Note: this\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("100% remote"), "\"100% remote\"");
        assert_eq!(scalar("[x]"), "\"[x]\"");
    }
}
