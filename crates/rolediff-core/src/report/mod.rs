//! Non-interactive output: the text, Markdown and JSON that commands print.
//!
//! Pure functions from the model to strings, so they are tested without a terminal.
//! Text meant for people goes through [`crate::text::sanitize`]; JSON escapes control
//! characters itself.

mod colors;
mod compare;
mod disputes;
mod list;
mod matrix;
mod show;
mod similar;

pub use colors::{ReportColors, paint};
pub use compare::{TextOptions, compare_json, compare_markdown, compare_text, percent};
pub use disputes::{Dispute, disputes, disputes_json, disputes_markdown, disputes_text};
pub use list::{list_json, list_text};
pub use matrix::{matrix_csv, matrix_json, matrix_markdown, matrix_text, short_labels};
pub use show::{TaskJson, show_json, show_text, task_json};
pub use similar::{WORDS_IN_COMMON, similar_json, similar_text};

use serde::Serialize;

use crate::compare::Filter;
use crate::lang::Lang;
use crate::model::{DataSet, SourceIdx, ThemeIdx};

/// The ids of `sources`, in order: how JSON and text reports name sources.
pub(crate) fn source_ids<'a>(data: &'a DataSet, sources: &[SourceIdx]) -> Vec<&'a str> {
    sources
        .iter()
        .map(|&s| data.sources[s].id.as_str())
        .collect()
}

/// The ids of `themes`, in order.
pub(crate) fn theme_ids<'a>(data: &'a DataSet, themes: &[ThemeIdx]) -> Vec<&'a str> {
    themes.iter().map(|&t| data.themes[t].id.as_str()).collect()
}

/// A filter as the JSON reports echo it: ids, and `[]` / `""` for what was not given.
#[derive(Serialize)]
pub(crate) struct FilterJson<'a> {
    themes: Vec<&'a str>,
    sources: Vec<&'a str>,
    query: &'a str,
}

impl<'a> FilterJson<'a> {
    pub(crate) fn of(data: &'a DataSet, filter: &'a Filter) -> Self {
        Self {
            themes: theme_ids(data, &filter.themes),
            sources: source_ids(data, &filter.sources),
            query: filter.query.trim(),
        }
    }
}

/// Output format of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Text,
    /// A Markdown document.
    Markdown,
    /// JSON for scripts (shapes in docs/json.md).
    Json,
}

/// Rounds an axis value for display and JSON (three decimals are plenty for a 0..1 scale
/// and keep `0.30000000000000004` out of reports).
pub fn round_axis(axis: f64) -> f64 {
    (axis * 1000.0).round() / 1000.0
}

/// A similarity for people: `23%`, or `–` when nothing was compared.
pub fn percent_text(similarity: Option<f64>) -> String {
    similarity.map_or_else(|| "–".to_string(), |s| format!("{}%", percent(s)))
}

/// What every source of the view claims and what none of them contests, as one range
/// (`15–23%`, lower first), or one figure when they round alike; `–` when nothing was
/// compared. The reports say which end is which.
pub fn similarity_range(claimed: Option<f64>, agreed: Option<f64>) -> String {
    match (claimed, agreed) {
        (None, _) => "–".to_string(),
        (Some(c), None) => format!("{}%", percent(c)),
        (Some(c), Some(a)) => {
            let (c, a) = (percent(c), percent(a));
            if c == a {
                format!("{c}%")
            } else {
                format!("{}–{}%", c.min(a), c.max(a))
            }
        }
    }
}

/// An axis value for people: `0.29`, or `–` off the axis.
pub fn axis_text(axis: Option<f64>) -> String {
    axis.map_or_else(|| "–".to_string(), |a| format!("{:.2}", round_axis(a)))
}

/// [`axis_text`] with the decimal sign of `lang`: `0.25`, `0,25` in French.
pub fn axis_text_in(axis: Option<f64>, lang: Lang) -> String {
    decimal_sign(axis_text(axis), lang)
}

/// A figure written with a decimal point, with the decimal sign of `lang` (a comma in
/// French). Reports for scripts (JSON, CSV) keep the point.
pub fn decimal_sign(figure: String, lang: Lang) -> String {
    match lang {
        Lang::En => figure,
        Lang::Fr => figure.replace('.', ","),
    }
}

/// A role's place on the axis in words: `0.29` and, when its sources place it
/// differently, their range: `0.29 (sources 0.21–0.46)`.
pub fn position_text(position: &crate::compare::AxisPosition, lang: Lang) -> String {
    decimal_sign(position_text_en(position, lang), lang)
}

/// [`position_text`] with a decimal point.
fn position_text_en(position: &crate::compare::AxisPosition, lang: Lang) -> String {
    let mean = axis_text(position.mean);
    match position.spread() {
        Some((low, high)) => {
            let word = match lang {
                Lang::En => "sources",
                Lang::Fr => "selon les sources",
            };
            format!(
                "{mean} ({word} {:.2}–{:.2})",
                round_axis(low),
                round_axis(high)
            )
        }
        None => mean,
    }
}

/// JSON of one source's place for a role.
#[derive(Debug, Serialize, PartialEq)]
pub struct SourceAxisJson<'a> {
    /// Source id.
    pub source: &'a str,
    /// Mean axis of the placed tasks it states.
    pub axis: f64,
    /// How many tasks that is.
    pub tasks: usize,
}

/// `axis_by_source` of the JSON reports.
pub fn source_axes_json<'a>(
    data: &'a crate::model::DataSet,
    position: &crate::compare::AxisPosition,
) -> Vec<SourceAxisJson<'a>> {
    position
        .by_source
        .iter()
        .map(|s| SourceAxisJson {
            source: &data.sources[s.source].id,
            axis: round_axis(s.mean),
            tasks: s.tasks,
        })
        .collect()
}

/// Pretty JSON with a final newline.
/// A line of a task's particulars in a text report, under the task's own line:
/// `        Note: …`. `value` is already safe to print.
pub(crate) fn task_field_line(name: &str, colon: &str, value: &str) -> String {
    format!("        {name}{colon}{value}\n")
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let mut json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.push('\n');
    json
}

/// How the axis reads, for headers: "0 = execution, 1 = strategy".
pub fn axis_words(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "0 = execution, 1 = strategy",
        Lang::Fr => "0 = exécution, 1 = stratégie",
    }
}
