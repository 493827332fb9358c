//! The colours of the text reports, taken from the palette: the same meaning has the
//! same colour in the reports and in the view. Plain SGR parameters, so the library
//! holds no terminal code; whether to colour at all is the command line's choice
//! (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`, a terminal or a pipe).

use crate::compare::Marker;
use crate::config::{Palette, PaletteColor};

/// SGR parameters (`31`, `38;5;208`, `38;2;230;159;0`) of each thing a report colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportColors {
    /// Role names and theme headings (bold).
    pub title: String,
    /// The left role's own tasks (`<`).
    pub left: String,
    /// The right role's own tasks (`>`).
    pub right: String,
    /// Near pairs (`~`).
    pub near: String,
    /// Split pairs (`^`).
    pub split: String,
    /// The `!` of a contested task.
    pub contested: String,
}

impl ReportColors {
    /// The colours of `palette`.
    pub fn from_palette(palette: &Palette) -> Self {
        Self {
            title: "1".into(),
            left: sgr(palette.left),
            right: sgr(palette.right),
            near: sgr(palette.near),
            split: format!("{};1", sgr(palette.near)),
            contested: format!("{};1", sgr(palette.warning)),
        }
    }

    /// The colour of a row's mark and cells; `None` for shared rows, left plain.
    pub fn of_marker(&self, marker: Marker) -> Option<&str> {
        match marker {
            Marker::Shared => None,
            Marker::LeftOnly => Some(&self.left),
            Marker::RightOnly => Some(&self.right),
            Marker::Near => Some(&self.near),
            Marker::Split => Some(&self.split),
        }
    }
}

/// The SGR foreground parameters of a palette colour.
fn sgr(color: PaletteColor) -> String {
    match color {
        PaletteColor::Default => "39".into(),
        PaletteColor::Named(n) if n < 8 => format!("{}", 30 + u16::from(n)),
        PaletteColor::Named(n) => format!("{}", 90 + u16::from(n - 8)),
        PaletteColor::Indexed(n) => format!("38;5;{n}"),
        PaletteColor::Rgb(r, g, b) => format!("38;2;{r};{g};{b}"),
    }
}

/// `text` in the colour `sgr` (nothing when `sgr` is `None` or the text is empty).
pub fn paint(text: &str, sgr: Option<&str>) -> String {
    match sgr {
        Some(sgr) if !text.is_empty() => format!("\x1b[{sgr}m{text}\x1b[0m"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_colours_become_sgr_parameters() {
        assert_eq!(sgr(PaletteColor::Named(1)), "31");
        assert_eq!(sgr(PaletteColor::Named(12)), "94");
        assert_eq!(sgr(PaletteColor::Indexed(208)), "38;5;208");
        assert_eq!(sgr(PaletteColor::Rgb(1, 2, 3)), "38;2;1;2;3");
        assert_eq!(paint("x", Some("31")), "\u{1b}[31mx\u{1b}[0m");
        assert_eq!(paint("", Some("31")), "");
        assert_eq!(paint("x", None), "x");
    }
}
