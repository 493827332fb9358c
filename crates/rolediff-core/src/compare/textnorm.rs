//! Text normalisation now lives in [`crate::text::fold`]; kept under this name so that
//! the comparison's code and its users compile unchanged.

pub use crate::text::fold::*;
