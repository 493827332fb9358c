//! Non-interactive output: the text, Markdown and JSON that commands print.
//!
//! Pure functions from the model to strings, so they are tested without a terminal.
//! Text meant for people goes through [`crate::text::sanitize`]; JSON escapes control
//! characters itself.

mod compare;
mod list;
mod matrix;
mod show;
mod similar;

pub use compare::{TextOptions, compare_json, compare_markdown, compare_text, percent};
pub use list::{list_json, list_text};
pub use matrix::{
    MAX_MATRIX_ROLES, Matrix, both_empty, matrix_csv, matrix_json, matrix_markdown, matrix_text,
    short_labels,
};
pub use show::{TaskJson, show_json, show_text, task_json};
pub use similar::{similar_json, similar_text};

use serde::Serialize;

use crate::lang::Lang;

/// Output format of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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

/// Pretty JSON with a final newline.
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
