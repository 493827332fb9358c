//! Every style of the interface, in one place.
//!
//! Colours come from a [`Palette`] (YAML files in `assets/palettes/`, or the user's
//! own); the default one uses the terminal's named colours, which each terminal theme
//! tunes for its background. Without colour (`NO_COLOR`, which wins over any palette),
//! the same meaning is carried by bold, reverse and underline next to the `= < > ~ !`
//! marks, and by the shading glyphs and percentages of the heatmap.

use ratatui::style::{Color, Modifier, Style};
use rolediff::compare::Marker;
use rolediff::config::{HEAT_STEPS, Palette, PaletteColor};

/// The palette's colours, as the terminal library takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Colors {
    accent: Color,
    filter: Color,
    shared: Color,
    left: Color,
    right: Color,
    near: Color,
    split: Color,
    contested: Color,
    warning: Color,
    heat: [(Color, Color); HEAT_STEPS],
}

fn color(color: PaletteColor) -> Color {
    match color {
        PaletteColor::Default => Color::Reset,
        PaletteColor::Named(index) => match index {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            _ => Color::White,
        },
        PaletteColor::Indexed(index) => Color::Indexed(index),
        PaletteColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

impl From<&Palette> for Colors {
    fn from(palette: &Palette) -> Self {
        Self {
            accent: color(palette.accent),
            filter: color(palette.filter),
            shared: color(palette.shared),
            left: color(palette.left),
            right: color(palette.right),
            near: color(palette.near),
            split: color(palette.split),
            contested: color(palette.contested),
            warning: color(palette.warning),
            heat: palette
                .heat
                .map(|step| (color(step.background), color(step.text))),
        }
    }
}

/// The styles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` asks for no colour at all.
    pub color: bool,
    colors: Colors,
}

impl Theme {
    /// Colours on or off, with the default palette.
    pub fn new(color: bool) -> Self {
        Self::with_palette(color, &Palette::default_palette())
    }

    /// Colours on or off, with `palette`.
    pub fn with_palette(color: bool, palette: &Palette) -> Self {
        Self {
            color,
            colors: Colors::from(palette),
        }
    }

    /// `palette`, unless `NO_COLOR` is set and non-empty: then no colour at all.
    pub fn from_env(palette: &Palette) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::with_palette(!no_color, palette)
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Headings of reading popups.
    pub fn title(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    /// A role's name, in its side's colour everywhere (header, panes, axis, landscape).
    pub fn role(&self, left: bool) -> Style {
        if left {
            self.left_role()
        } else {
            self.right_role()
        }
    }

    /// The similarity figure.
    pub fn similarity(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: labels of figures, aliases, hints.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The active filters in the header.
    pub fn filter(&self) -> Style {
        self.fg(self.colors.filter).add_modifier(Modifier::BOLD)
    }

    /// Border of a pane.
    pub fn border(&self, active: bool) -> Style {
        if active {
            self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    /// Role name on a pane's border, in its side's colour; the active one is reversed
    /// so it shows without colour.
    pub fn pane_title(&self, active: bool, left: bool) -> Style {
        let style = self.role(left);
        if active {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }

    /// A theme heading row.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The gutter mark of a task row.
    pub fn marker(&self, marker: Marker) -> Style {
        self.fg(self.marker_color(marker))
            .add_modifier(Modifier::BOLD)
    }

    /// A task cell of a row with this meaning.
    pub fn cell(&self, marker: Marker) -> Style {
        match marker {
            Marker::Shared => Style::new(),
            Marker::Near => Style::new().add_modifier(Modifier::ITALIC),
            other => self.fg(self.marker_color(other)),
        }
    }

    /// The `!` of a contested task.
    pub fn contested(&self) -> Style {
        self.fg(self.colors.contested).add_modifier(Modifier::BOLD)
    }

    /// The row under the cursor; the active side's cell is also bold.
    pub fn cursor(&self, active: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::REVERSED);
        if active {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// The left role's mark and bars on the axis.
    pub fn left_role(&self) -> Style {
        self.fg(self.colors.left).add_modifier(Modifier::BOLD)
    }

    /// The right role's mark and bars on the axis.
    pub fn right_role(&self) -> Style {
        self.fg(self.colors.right).add_modifier(Modifier::BOLD)
    }

    /// The selected task's mark on the axis.
    pub fn axis_task(&self) -> Style {
        self.fg(self.colors.warning).add_modifier(Modifier::BOLD)
    }

    /// A key name in the footer and the help.
    pub fn key(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    /// Border of a popup.
    pub fn popup_border(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    /// The line under a popup's cursor.
    pub fn popup_cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A field name in the details popup.
    pub fn field(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    /// Text being typed.
    pub fn input(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A notice in the footer (a search that wrapped, how to quit).
    pub fn notice(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// The "too small" message.
    pub fn warning(&self) -> Style {
        self.fg(self.colors.warning).add_modifier(Modifier::BOLD)
    }

    /// A heatmap cell of step `step` (0 = least similar); bold from the middle step on,
    /// so the strong cells stand out without colour too.
    pub fn heat(&self, step: usize) -> Style {
        let style = if step >= HEAT_STEPS / 2 {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        if !self.color {
            return style;
        }
        let (background, text) = self.colors.heat[step.min(HEAT_STEPS - 1)];
        style.bg(background).fg(text)
    }

    /// The selected heatmap cell.
    pub fn heat_cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The header of the selected cell's row (its left role) or column (its right
    /// role); underlined so it shows without colour.
    pub fn heat_header(&self, left: bool) -> Style {
        let style = if left {
            self.left_role()
        } else {
            self.right_role()
        };
        style.add_modifier(Modifier::UNDERLINED)
    }

    fn marker_color(&self, marker: Marker) -> Color {
        match marker {
            Marker::Shared => self.colors.shared,
            Marker::LeftOnly => self.colors.left,
            Marker::RightOnly => self.colors.right,
            Marker::Near => self.colors.near,
            Marker::Split => self.colors.split,
        }
    }
}
