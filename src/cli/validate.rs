//! `rolediff validate`: every error at its place, and the warnings apart, a few of
//! each kind and a count of the rest.

use rolediff::diagnostics::{Diagnostic, Diagnostics, WarningKind};
use rolediff::lang::Lang;
use rolediff::messages::{Message, Noun, count, label, translate};
use rolediff::model::{DataSet, Loaded};
use rolediff::text::sanitize;

use super::Failure;

/// Warnings of one kind listed before the rest are told as a count.
const WARNINGS_SHOWN: usize = 5;
/// Errors with the same message (one missing source named by 37 task entries) listed
/// before the rest are told as a count.
const SAME_ERRORS_SHOWN: usize = 3;

/// The last line of a list of errors: "error: 2 problems in the data set".
pub fn problems_total(errors: usize, place: Message) -> String {
    let lang = super::output::lang();
    format!(
        "{}{} {}",
        label("error", lang),
        count(errors, Noun::Problem, lang),
        place.text(lang)
    )
}

/// The errors, one a line; past the first few with the same message, one line with the
/// count of the others (every one with `all`).
pub fn error_lines<'a>(errors: impl Iterator<Item = &'a Diagnostic>, all: bool) -> String {
    let lang = super::output::lang();
    let errors: Vec<&Diagnostic> = errors.collect();
    let key = |d: &Diagnostic| (d.message.clone(), d.hint.clone());
    let mut out = String::new();
    let mut seen: Vec<((String, Option<String>), usize)> = Vec::new();
    for error in &errors {
        let k = key(error);
        let count = match seen.iter_mut().find(|(seen_key, _)| *seen_key == k) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                seen.push((k.clone(), 1));
                1
            }
        };
        if all || count <= SAME_ERRORS_SHOWN {
            out.push_str(&sanitize(&error.to_string_in(lang)));
            out.push('\n');
        } else if count == SAME_ERRORS_SHOWN + 1 {
            let rest = errors.iter().filter(|d| key(d) == k).count() - SAME_ERRORS_SHOWN;
            let more = Message::SameAtMore.with(
                lang,
                &[
                    &rest.to_string(),
                    Noun::Place.form(rest, lang),
                    &sanitize(&translate(&k.0, lang)),
                ],
            );
            out.push_str(&format!(
                "{}{more} ({})\n",
                label("error", lang),
                Message::ListEvery.text(lang)
            ));
        }
    }
    out
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Warnings count as errors (exit 2).
    pub strict: bool,
    /// Every warning is listed, not the first few of each kind.
    pub all: bool,
}

/// What `validate` prints: the summary for standard output, or the failure; the
/// warnings of a data set that loaded go to `warnings`, for standard error.
pub struct Report {
    /// The result: the summary line, or the failure with everything it lists.
    pub result: Result<String, Failure>,
    /// Warnings to print on standard error when the data set is accepted.
    pub warnings: String,
}

/// Reports on a loading attempt.
pub fn report(loaded: Result<Loaded, Diagnostics>, options: Options, lang: Lang) -> Report {
    let first = (!options.all).then_some(WARNINGS_SHOWN);
    match loaded {
        Ok(Loaded { data, warnings }) if warnings.is_empty() => Report {
            result: Ok(summary(&data, lang)),
            warnings: String::new(),
        },
        Ok(Loaded { data, warnings }) => {
            let counts = WarningKind::ALL.map(|kind| warnings.count(kind));
            let listed = list_warnings(&warnings.locate(first), &counts, options.all);
            let total = count_warnings(&counts);
            if options.strict {
                Report {
                    result: Err(Failure::input(format!(
                        "{listed}{}{total} ({})",
                        label("error", lang),
                        translate("`--strict` refuses warnings", lang)
                    ))),
                    warnings: String::new(),
                }
            } else {
                Report {
                    result: Ok(summary(&data, lang)),
                    warnings: format!(
                        "{listed}{}{total}\n",
                        label("warning", super::output::lang())
                    ),
                }
            }
        }
        Err(diagnostics) => {
            let counts = WarningKind::ALL.map(|kind| {
                diagnostics
                    .warnings()
                    .filter(|d| d.warning_kind() == Some(kind))
                    .count()
            });
            let shown: Vec<Diagnostic> = WarningKind::ALL
                .iter()
                .flat_map(|&kind| {
                    diagnostics
                        .warnings()
                        .filter(move |d| d.warning_kind() == Some(kind))
                        .take(first.unwrap_or(usize::MAX))
                })
                .cloned()
                .collect();
            let mut message = list_warnings(&Diagnostics(shown), &counts, options.all);
            let errors: Vec<&Diagnostic> = diagnostics.errors().collect();
            message.push_str(&error_lines(errors.iter().copied(), options.all));
            message.push_str(&problems_total(errors.len(), Message::ProblemsInData));
            let warnings: usize = counts.iter().sum();
            if warnings > 0 {
                let and = match lang {
                    Lang::En => "and",
                    Lang::Fr => "et",
                };
                message.push_str(&format!(", {and} {}", count(warnings, Noun::Warning, lang)));
            }
            Report {
                result: Err(Failure::input(message)),
                warnings: String::new(),
            }
        }
    }
}

/// The warnings `shown`, grouped by kind, each kind followed by one line with the
/// count of the rest when `counts` says there are more.
fn list_warnings(shown: &Diagnostics, counts: &[usize], all: bool) -> String {
    let mut out = String::new();
    for kind in WarningKind::ALL {
        let mut listed = 0;
        for warning in shown.warnings().filter(|d| d.warning_kind() == Some(kind)) {
            out.push_str(&sanitize(&warning.to_string_in(super::output::lang())));
            out.push('\n');
            listed += 1;
        }
        let rest = counts[kind as usize].saturating_sub(listed);
        if rest > 0 {
            let lang = super::output::lang();
            let why = match (all, lang) {
                (true, Lang::En) => {
                    format!("counted, not listed: rolediff keeps the first {listed} of each kind")
                }
                (true, Lang::Fr) => format!(
                    "comptés, non listés : rolediff garde les {listed} premiers de chaque sorte"
                ),
                (false, _) => Message::ListEvery.text(lang).to_string(),
            };
            let more = match lang {
                Lang::En => format!("… and {rest} more"),
                Lang::Fr => format!("… et {rest} de plus :"),
            };
            out.push_str(&format!(
                "{}{more} {} ({why})\n",
                label("warning", lang),
                translate(kind.noun(rest), lang)
            ));
        }
    }
    out
}

/// "615 warnings in the data set: 397 shared aliases, 218 aliases that are …".
fn count_warnings(counts: &[usize]) -> String {
    let lang = super::output::lang();
    let total: usize = counts.iter().sum();
    let kinds: Vec<String> = WarningKind::ALL
        .iter()
        .filter(|&&kind| counts[kind as usize] > 0)
        .map(|&kind| {
            let count = counts[kind as usize];
            format!("{count} {}", translate(kind.noun(count), lang))
        })
        .collect();
    format!(
        "{} {}{}",
        count(total, Noun::Warning, lang),
        Message::ProblemsInData.text(lang),
        match lang {
            Lang::En => format!(": {}", kinds.join(", ")),
            Lang::Fr => format!(" : {}", kinds.join(", ")),
        }
    )
}

/// "ok: 3 roles, 5 tasks, 3 themes, 2 sources", and the synonym groups when the data
/// declares some (so that whoever wrote them sees they were read).
fn summary(data: &DataSet, lang: Lang) -> String {
    let (roles, tasks, themes, sources) = (
        data.roles.len(),
        data.tasks.len(),
        data.themes.len(),
        data.sources.len(),
    );
    let counts = [
        (roles, Noun::Role),
        (tasks, Noun::Task),
        (themes, Noun::Theme),
        (sources, Noun::Source),
    ]
    .map(|(n, noun)| count(n, noun, lang));
    let synonyms = if data.synonyms.is_empty() {
        String::new()
    } else {
        format!(", {}", count(data.synonyms.len(), Noun::SynonymGroup, lang))
    };
    format!("{}{}{synonyms}\n", label("ok", lang), counts.join(", "))
}
