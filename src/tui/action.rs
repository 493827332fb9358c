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
    /// Cursor one task up.
    CursorUp,
    /// Cursor one task down.
    CursorDown,
    /// Cursor one screen up.
    PageUp,
    /// Cursor one screen down.
    PageDown,
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
