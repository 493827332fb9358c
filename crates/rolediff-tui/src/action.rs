//! Every user intent the interface understands. Keys and mouse events become an
//! [`Action`]; only `update` changes the state in answer to one.

/// Which pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The left pane.
    Left,
    /// The right pane.
    Right,
}

impl Side {
    /// The other pane.
    pub fn other(self) -> Self {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Give the terminal back to the shell until the user resumes (`fg`).
    Suspend,
    /// Make the other pane active.
    SwitchSide,
    /// Previous role on the active side.
    PreviousRole,
    /// Next role on the active side.
    NextRole,
    /// Open the role picker for the active side.
    OpenRolePicker,
    /// Swap the two roles.
    Swap,
    /// Set the other side to the role most similar to the active side's (the first
    /// answer of `rolediff similar`).
    ClosestRole,
    /// Show task labels whole, rows growing to several lines (as `less -S` toggles).
    ToggleWrap,
    /// Cursor one task up.
    CursorUp,
    /// Cursor one task down.
    CursorDown,
    /// Cursor one screen up.
    PageUp,
    /// Cursor one screen down.
    PageDown,
    /// Cursor half a screen up.
    HalfPageUp,
    /// Cursor half a screen down.
    HalfPageDown,
    /// Cursor on the first task.
    First,
    /// Cursor on the last task.
    Last,
    /// Cursor on the next row that is not shared.
    NextDifference,
    /// Cursor on the previous row that is not shared.
    PreviousDifference,
    /// Open the details of the task under the cursor.
    OpenDetails,
    /// Open the two roles' names, aliases and whole summaries.
    OpenAbout,
    /// Open the theme filter.
    OpenThemeFilter,
    /// Open the source filter.
    OpenSourceFilter,
    /// Start typing a text filter.
    StartSearch,
    /// All tasks → shared only → differences only → all.
    CycleView,
    /// Open the key list.
    OpenHelp,
    /// Open the list of the places where the sources contradict each other about the
    /// two roles shown.
    OpenDisputes,
    /// Open the landscape view: the similarity of every pair of roles.
    OpenLandscape,
    /// Back from the landscape view to the side-by-side view.
    CloseLandscape,
    /// Landscape: the cell to the left.
    ColumnLeft,
    /// Landscape: the cell to the right.
    ColumnRight,
    /// Landscape: open the selected pair in the side-by-side view.
    OpenPair,
    /// Close the popup without applying anything.
    ClosePopup,
    /// Go back one step in the main view: clear the text filter, else say how to quit.
    /// Never quits (as in gitui and lazygit, Esc means back).
    Back,
    /// First line of a popup.
    PopupFirst,
    /// Last line of a popup.
    PopupLast,
    /// One popup page up.
    PopupPageUp,
    /// One popup page down.
    PopupPageDown,
    /// Move up in a popup.
    PopupUp,
    /// Move down in a popup.
    PopupDown,
    /// Toggle the choice under the popup cursor.
    PopupToggle,
    /// Clear every choice of the popup.
    PopupClear,
    /// Apply the popup (filter choices, chosen role) and close it.
    PopupConfirm,
    /// Keep the typed text filter and stop typing.
    SearchKeep,
    /// Clear the text filter and stop typing.
    SearchClear,
    /// A character typed into the role picker or the text filter.
    Input(char),
    /// Text pasted into the role picker or the text filter (bracketed paste).
    Paste(Pasted),
    /// Delete the last typed character.
    InputBackspace,
    /// Make a pane active (mouse click).
    Activate(Side),
    /// Select the row shown at this index of the row list (mouse click).
    SelectRow(Side, usize),
    /// Select this landscape cell (row, column), or open its pair when it is already
    /// selected (mouse click).
    SelectCell(usize, usize),
    /// Scroll the task list by this many rows (mouse wheel).
    Scroll(i16),
    /// The terminal has a new size.
    Resize(u16, u16),
}

/// Pasted text, made one line and cut to [`Pasted::MAX_BYTES`]: a role name or a search
/// is short, and a 20,000-character paste must neither stall the view nor flood the
/// query. Held inline so that actions stay plain values.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Pasted {
    bytes: [u8; Pasted::MAX_BYTES],
    len: u16,
}

impl Pasted {
    /// Most bytes of a paste kept (whole characters only).
    pub const MAX_BYTES: usize = 128;

    /// The first line of `text`, sanitised, cut at a character boundary to fit.
    pub fn new(text: &str) -> Self {
        let line = text.lines().next().unwrap_or("");
        let clean = rolediff::text::sanitize(line);
        let mut end = clean.len().min(Self::MAX_BYTES);
        while !clean.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; Self::MAX_BYTES];
        bytes[..end].copy_from_slice(&clean.as_bytes()[..end]);
        Self {
            bytes,
            len: end as u16,
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Built from a `&str` cut at a character boundary: always UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Debug for Pasted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pasted").field(&self.as_str()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_one_short_clean_line() {
        assert_eq!(Pasted::new("moder\nation").as_str(), "moder");
        assert_eq!(Pasted::new("a\u{1b}[31mb").as_str(), "a\u{FFFD}[31mb");
        let long = "é".repeat(20_000);
        let cut = Pasted::new(&long);
        assert_eq!(cut.as_str().chars().count(), Pasted::MAX_BYTES / 2);
    }
}
