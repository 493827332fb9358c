//! rolediff: compare job roles side by side.
//!
//! The library owns the domain — the data model and its loading ([`model`]), the
//! problems found in user input ([`diagnostics`]) — and has no terminal code; the
//! binary's interfaces live in their own modules.

pub mod compare;
pub mod config;
pub mod diagnostics;
pub mod import;
pub mod lang;
pub mod messages;
pub mod model;
pub mod report;
pub mod text;
pub mod yaml_path;
