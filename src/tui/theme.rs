//! Every style of the interface, in one place.
//!
//! Colours are the terminal's own named colours, which each terminal palette tunes for
//! its background, so they read on dark and light themes alike; yellow and white are
//! avoided because they vanish on light backgrounds, dark blue because it vanishes on
//! dark ones. Without colour (`NO_COLOR`), the
//! same meaning is carried by bold, reverse and underline next to the `= < > ~ !` marks.

use ratatui::style::{Color, Modifier, Style};
use rolediff::compare::Marker;

/// The styles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` asks for no colour at all.
    pub color: bool,
}

impl Theme {
    /// Colours on or off.
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    /// From the environment: `NO_COLOR` set and non-empty turns colours off.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::new(!no_color)
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Role names in the header.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
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
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// Border of a pane.
    pub fn border(&self, active: bool) -> Style {
        if active {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    /// Role name on a pane's border; the active one is reversed so it shows without colour.
    pub fn pane_title(&self, active: bool) -> Style {
        if active {
            self.fg(Color::Cyan)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A theme heading row.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The gutter mark of a task row.
    pub fn marker(&self, marker: Marker) -> Style {
        self.fg(marker_color(marker)).add_modifier(Modifier::BOLD)
    }

    /// A task cell of a row with this meaning.
    pub fn cell(&self, marker: Marker) -> Style {
        match marker {
            Marker::Shared => Style::new(),
            Marker::Near => Style::new().add_modifier(Modifier::ITALIC),
            other => self.fg(marker_color(other)),
        }
    }

    /// The `!` of a contested task.
    pub fn contested(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
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
        self.fg(marker_color(Marker::LeftOnly))
            .add_modifier(Modifier::BOLD)
    }

    /// The right role's mark and bars on the axis.
    pub fn right_role(&self) -> Style {
        self.fg(marker_color(Marker::RightOnly))
            .add_modifier(Modifier::BOLD)
    }

    /// The selected task's mark on the axis.
    pub fn axis_task(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A key name in the footer and the help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Border of a popup.
    pub fn popup_border(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The line under a popup's cursor.
    pub fn popup_cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A field name in the details popup.
    pub fn field(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Text being typed.
    pub fn input(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The "too small" message.
    pub fn warning(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
}

/// Dark blue is left out: it is hard to read on dark backgrounds.
fn marker_color(marker: Marker) -> Color {
    match marker {
        Marker::Shared => Color::Green,
        Marker::LeftOnly => Color::Magenta,
        Marker::RightOnly => Color::Cyan,
        Marker::Near => Color::Red,
    }
}
