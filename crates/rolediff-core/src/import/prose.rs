//! A job description in plain text or Markdown: one role. The title is the role's
//! name, bullet and numbered items are its tasks, and the headings above them their
//! themes; paragraphs are left out.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::import::{ImportedRole, ImportedTask, clean_label};

/// What a line of a job description is.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    /// A Markdown heading (`#` … `######`) and its level.
    Heading(usize, &'a str),
    /// A line that stands as a heading in plain text: short, ending with `:`, or all
    /// bold (`**Missions**`).
    Label(&'a str),
    /// A bullet (`-`, `*`, `+`, `•`, `–`) or numbered (`1.`, `1)`) item.
    Item(&'a str),
    /// A setext underline (`===`, `---`) or an empty line.
    Rule,
    /// Anything else: a paragraph's line.
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let line = line.trim();
    if line.is_empty() || (line.len() >= 3 && line.chars().all(|c| c == '=' || c == '-')) {
        return Line::Rule;
    }
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        return Line::Heading(hashes, line[hashes..].trim().trim_end_matches('#').trim());
    }
    for bullet in ["- ", "* ", "+ ", "• ", "– ", "— ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Line::Item(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = line[digits..]
            .strip_prefix(". ")
            .or_else(|| line[digits..].strip_prefix(") "))
    {
        return Line::Item(rest);
    }
    let bold = line.len() > 4
        && line.starts_with("**")
        && line.trim_end_matches(':').trim_end().ends_with("**");
    if bold || (line.ends_with(':') && line.chars().count() <= 60) {
        return Line::Label(line);
    }
    Line::Text(line)
}

/// Removes the gender marks of French job titles: `(H/F)`, `F/H`, `(M/F)`, `(m/w/d)`.
fn role_name(title: &str) -> String {
    let mut name = clean_label(title);
    for mark in [
        "(H/F)", "(F/H)", "(M/F)", "(F/M)", "(m/w/d)", "(h/f)", "(f/h)", "H/F", "F/H",
    ] {
        name = name.replace(mark, "");
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads one job description. Its title is the first level-1 heading, else the first
/// line of text; a description with no item gives no task, which is an error.
pub fn read_prose(path: &Path, text: &str) -> Result<ImportedRole, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<Line> = text.lines().map(classify).collect();
    let title_at = lines
        .iter()
        .position(|l| matches!(l, Line::Heading(1, _)))
        .or_else(|| lines.iter().position(|l| !matches!(l, Line::Rule)));
    let title = match title_at.map(|i| &lines[i]) {
        Some(Line::Heading(_, t) | Line::Label(t) | Line::Text(t) | Line::Item(t)) => role_name(t),
        _ => String::new(),
    };
    if title.is_empty() {
        return Err(Diagnostic::file(
            path,
            "no title: expected the role's name on the first line (or as a `# heading`)",
        ));
    }
    let mut theme: Option<String> = None;
    let mut tasks: Vec<ImportedTask> = Vec::new();
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        match line {
            Line::Heading(_, heading) | Line::Label(heading) => {
                let heading = clean_label(heading);
                theme = (!heading.is_empty()).then_some(heading);
            }
            Line::Item(item) => {
                let label = clean_label(item);
                if !label.is_empty() && !tasks.iter().any(|t| t.label == label) {
                    tasks.push(ImportedTask {
                        label,
                        theme: theme.clone(),
                        axis: None,
                        source: Some(file.clone()),
                    });
                }
            }
            Line::Rule | Line::Text(_) => {}
        }
    }
    if tasks.is_empty() {
        return Err(Diagnostic::file(
            path,
            "no task found: expected the role's tasks as a list, one `- item` (or `1. item`) per line",
        ));
    }
    Ok(ImportedRole {
        name: title,
        tasks,
        file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_items_and_headings() {
        let role = read_prose(
            Path::new("ad.md"),
            "# Data engineer (H/F)\n\nWe are hiring.\n\n## Missions\n- Build **pipelines**;\n1. Run the warehouse.\n\nProfil :\n* SQL\n",
        )
        .unwrap();
        assert_eq!(role.name, "Data engineer");
        let tasks: Vec<(&str, Option<&str>)> = role
            .tasks
            .iter()
            .map(|t| (t.label.as_str(), t.theme.as_deref()))
            .collect();
        assert_eq!(
            tasks,
            [
                ("Build pipelines", Some("Missions")),
                ("Run the warehouse", Some("Missions")),
                ("SQL", Some("Profil")),
            ]
        );
    }

    #[test]
    fn plain_text_with_a_first_line_title() {
        let role = read_prose(Path::new("a.txt"), "Analyste\n\n• Suivre les KPI\n").unwrap();
        assert_eq!(role.name, "Analyste");
        assert_eq!(role.tasks[0].label, "Suivre les KPI");
        assert!(read_prose(Path::new("a.txt"), "Analyste\nNo list.\n").is_err());
    }
}
