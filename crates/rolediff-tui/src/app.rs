//! The state of the interface. Only `update` changes it; rendering reads it.

use std::sync::Arc;

use ratatui::layout::Rect;
use rolediff::compare::{
    AxisPosition, Comparator, Comparison, Filter, Marker, Matrix, Row, RowCounts, Shown,
    axis_position, rows,
};
use rolediff::lang::Lang;
use rolediff::model::{DataSet, RoleIdx, TaskIdx};

use crate::action::Side;
use crate::keymap::{Context, Keymap};
pub use crate::picker::{MatchRank, RolePicker, match_rank};

mod background;
use crate::theme::Theme;
use crate::work::Request;

/// Which rows the panes show (the library's [`Shown`]).
pub type ViewMode = Shown;

/// What the choice popup filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceKind {
    /// Themes (`t`).
    Themes,
    /// Sources (`f`).
    Sources,
}

/// One line of a choice popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    /// Theme or source index.
    pub index: usize,
    /// Ticked.
    pub chosen: bool,
    /// Tasks of the left and right roles it covers (other filters applied).
    pub counts: (usize, usize),
}

/// The theme or source filter popup: choices are applied on `Enter` only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoicePopup {
    /// Themes or sources.
    pub kind: ChoiceKind,
    /// The lines.
    pub items: Vec<ChoiceItem>,
    /// Line under the cursor.
    pub cursor: usize,
}

/// The landscape view: every pair of roles under the current filter. The matrix fills
/// in row by row from a worker ([`crate::work`]): the cost grows with the square of
/// the roles, and the view keeps answering keys meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Landscape {
    /// The similarities and axes; a row not computed yet has only `None`s.
    pub matrix: Matrix,
    /// Which rows are computed.
    pub computed: Vec<bool>,
    /// How many are.
    pub done: usize,
    /// Which request the rows answer: rows of an older request are dropped.
    pub generation: u64,
    /// Row of the selected cell (the left role of the pair).
    pub row: usize,
    /// Column of the selected cell (the right role of the pair).
    pub column: usize,
}

/// A one-line message in the footer, until the next key (as vim's command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// `n` passed the last difference and went on from the first.
    WrappedToTop,
    /// `N` passed the first difference and went on from the last.
    WrappedToBottom,
    /// `n` or `N` found no difference at all.
    NoDifference,
    /// Esc with nothing to go back from: it never quits, so say what does.
    HowToQuit,
    /// `c` with no other role to compare with.
    NoOtherRole,
}

/// An open popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Details of the task under the cursor, scrolled by this many lines.
    Details(u16),
    /// Theme or source filter.
    Choice(ChoicePopup),
    /// Role picker.
    RolePicker(RolePicker),
    /// Both roles whole: names, aliases, summaries, scrolled by this many lines.
    About(u16),
    /// The key list, scrolled by this many lines.
    Help(u16),
    /// Where the sources disagree about the two roles, scrolled by this many lines.
    Disputes(u16),
}

/// The whole state.
#[derive(Debug)]
pub struct App<'d> {
    /// The data set.
    pub data: &'d DataSet,
    comparator: Arc<Comparator<'d>>,
    /// Work asked for and not started yet (the event loop starts it).
    work: Vec<Request>,
    /// The comparison under way in the background, and the row to select when it
    /// comes (see [`App::recompute`]).
    comparing: Option<(u64, Selection)>,
    /// Tasks of the two roles together from which they are compared in the background
    /// ([`BACKGROUND_TASKS`]; lower in tests).
    pub background_from: usize,
    /// The search for the closest role under way (`c`), and the side it is for.
    closest_pending: Option<(u64, Side)>,
    /// Numbers each landscape request, so that late rows of an old one are dropped.
    generation: u64,
    /// Language of the interface and the data.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// Left role.
    pub left: RoleIdx,
    /// Right role.
    pub right: RoleIdx,
    /// The pane keys act on.
    pub active: Side,
    /// Filters applied to both roles.
    pub filter: Filter,
    /// Rows shown.
    pub view: ViewMode,
    /// The comparison of the two roles under the filter. Cached: private, so that only
    /// [`App::recompute`] changes it, together with `rows`, `counts` and `positions`.
    comparison: Comparison,
    /// The rows shown, derived from the comparison and the view (cached).
    rows: Vec<Row>,
    /// What the header counts of `rows` (cached with them).
    counts: RowCounts,
    /// For each row, the left and right cells shown under it when it is a theme
    /// heading (up to the next heading): what the heading's `(n)` counts. Cached.
    section_counts: Vec<(usize, usize)>,
    /// Where each role sits on the axis under the filter, with its sources' spread
    /// (cached with the comparison).
    positions: (AxisPosition, AxisPosition),
    /// Index in `rows` of the selected task row (0 when there is none).
    pub cursor: usize,
    /// Index in `rows` of the first row shown.
    pub scroll: usize,
    /// The open popup.
    pub popup: Option<Popup>,
    /// The landscape view, when it is shown instead of the two panes.
    pub landscape: Option<Landscape>,
    /// The key table (defaults and the config's overrides).
    pub keymap: Keymap,
    /// True while a text filter is being typed.
    pub searching: bool,
    /// Task labels whole on several lines (`w`), instead of cut with `…`.
    pub wrap: bool,
    /// The terminal's size, for layout in `update` (mouse hits, paging).
    pub area: Rect,
    /// The footer's message, cleared by the next action.
    pub notice: Option<Notice>,
    /// Set by `Quit`.
    pub should_quit: bool,
    /// Set by `Suspend`; the event loop gives the terminal back and clears it.
    pub suspend_requested: bool,
}

impl<'d> App<'d> {
    /// A new state comparing `left` with `right` in a terminal of size `area`.
    pub fn new(
        data: &'d DataSet,
        left: RoleIdx,
        right: RoleIdx,
        lang: Lang,
        theme: Theme,
        area: Rect,
    ) -> Self {
        let comparator = Arc::new(Comparator::new(data));
        let filter = Filter::default();
        let comparison = comparator.compare(left, right, &filter);
        let mut app = Self {
            data,
            comparator,
            work: Vec::new(),
            comparing: None,
            background_from: BACKGROUND_TASKS,
            closest_pending: None,
            generation: 0,
            lang,
            theme,
            left,
            right,
            active: Side::Left,
            filter,
            view: ViewMode::All,
            comparison,
            rows: Vec::new(),
            counts: RowCounts::default(),
            section_counts: Vec::new(),
            positions: Default::default(),
            cursor: 0,
            scroll: 0,
            popup: None,
            landscape: None,
            keymap: Keymap::default(),
            searching: false,
            wrap: false,
            area,
            notice: None,
            should_quit: false,
            suspend_requested: false,
        };
        app.recompute();
        app
    }

    /// The comparison of the two roles under the filter, as last recomputed.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The rows shown: the comparison laid out, thinned by the view.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// What the header counts of [`App::rows`].
    pub fn counts(&self) -> &RowCounts {
        &self.counts
    }

    /// The left and right cells shown under the heading at `row` (up to the next
    /// heading): a heading counts what is listed under it, never a task shown under
    /// another theme.
    pub fn section_count(&self, row: usize) -> (usize, usize) {
        self.section_counts.get(row).copied().unwrap_or_default()
    }

    /// The cells shown on each side, in all rows.
    pub fn shown_cells(&self) -> (usize, usize) {
        self.section_counts
            .iter()
            .fold((0, 0), |(l, r), &(a, b)| (l + a, r + b))
    }

    /// Where the left and right roles sit on the axis under the filter.
    pub fn positions(&self) -> &(AxisPosition, AxisPosition) {
        &self.positions
    }

    /// False when `action` would do nothing now, so that the footer does not offer it:
    /// opening the pair of a landscape cell on the diagonal (a role with itself) or
    /// not computed yet, jumping between differences when every row is shared, changing
    /// roles when there is one.
    pub fn can(&self, action: crate::action::Action) -> bool {
        use crate::action::Action;
        match (action, &self.landscape) {
            (Action::OpenPair, Some(landscape)) => {
                landscape.row != landscape.column
                    && landscape.computed.get(landscape.row) == Some(&true)
            }
            (Action::NextDifference | Action::PreviousDifference, None) => self
                .rows
                .iter()
                .any(|row| matches!(row, Row::Task { marker, .. } if marker.is_difference())),
            (Action::PreviousRole | Action::NextRole | Action::ClosestRole, _) => {
                self.data.roles.len() > 1
            }
            _ => true,
        }
    }

    /// The comparator (for counts computed outside the cached comparison).
    pub fn comparator(&self) -> &Comparator<'d> {
        &self.comparator
    }

    /// The comparator, shared with a worker thread.
    pub fn comparator_handle(&self) -> Arc<Comparator<'d>> {
        Arc::clone(&self.comparator)
    }

    /// The role shown on `side`.
    pub fn role(&self, side: Side) -> RoleIdx {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// Which key bindings apply now.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Choice(_)) => Context::Choice,
            Some(Popup::RolePicker(_)) => Context::RolePicker,
            Some(Popup::Details(_) | Popup::Help(_) | Popup::Disputes(_) | Popup::About(_)) => {
                Context::Reader
            }
            None if self.landscape.is_some() => Context::Landscape,
            None if self.searching => Context::Search,
            None => Context::Main,
        }
    }

    /// Recomputes the comparison and the rows after the roles, filter or view changed,
    /// keeping the cursor on the same task when it is still shown.
    pub fn recompute(&mut self) {
        let previous = self.selected_cells();
        self.recompute_selecting(previous);
    }

    /// Swaps the two roles. The selected row stays selected (its sides mirrored) and
    /// the focus stays on the same role, now on the other side, so that the details
    /// and the axis keep describing the same task.
    pub fn swap_sides(&mut self) {
        let mirrored = self
            .selected_cells()
            .map(|(marker, left, right)| (marker.mirrored(), right, left));
        std::mem::swap(&mut self.left, &mut self.right);
        self.active = self.active.other();
        self.recompute_selecting(mirrored);
    }

    /// [`App::recompute`], putting the cursor on the row showing `selected` (marker and
    /// task indices, as [`App::selected_cells`] gives) when there is one.
    fn recompute_selecting(&mut self, previous: Selection) {
        // Two large roles take seconds: a worker compares them while the view answers.
        let tasks = |role: RoleIdx| self.data.roles[role].tasks.len();
        if tasks(self.left) + tasks(self.right) >= self.background_from {
            self.compare_in_background(previous);
            return;
        }
        self.comparing = None;
        self.comparison = self.comparator.compare(self.left, self.right, &self.filter);
        self.comparison_ready(previous);
    }

    /// Lays out the comparison: rows, counts, places on the axis, the cursor on the row
    /// showing `previous` when there is one.
    fn comparison_ready(&mut self, previous: Selection) {
        let all = rows(self.data, &self.comparison, &self.filter);
        self.rows = self.view.select(all);
        self.counts = RowCounts::of(self.data, &self.comparison, &self.filter, &self.rows);
        self.section_counts = section_counts(&self.rows);
        self.positions = (
            axis_position(self.data, self.left, &self.filter),
            axis_position(self.data, self.right, &self.filter),
        );
        let same = previous.and_then(|(marker, l, r)| {
            let tasks = |side: Side, cell: Option<usize>| {
                cell.map(|i| self.data.roles[self.role(side)].tasks[i].task)
            };
            let (lt, rt) = (l, r);
            self.rows.iter().position(|row| match *row {
                Row::Task {
                    marker: m,
                    left,
                    right,
                    ..
                } => {
                    m == marker && tasks(Side::Left, left) == lt && tasks(Side::Right, right) == rt
                }
                Row::Theme(_) => false,
            })
        });
        self.cursor = same.unwrap_or_else(|| self.nearest_task_row(self.cursor));
        self.keep_cursor_visible();
    }

    /// The selected row's meaning and task indices (not role-task indices), if any.
    fn selected_cells(&self) -> Selection {
        match self.rows.get(self.cursor)? {
            Row::Task {
                marker,
                left,
                right,
                ..
            } => {
                let task = |side: Side, cell: &Option<usize>| {
                    cell.and_then(|i| self.data.roles[self.role(side)].tasks.get(i))
                        .map(|t| t.task)
                };
                Some((*marker, task(Side::Left, left), task(Side::Right, right)))
            }
            Row::Theme(_) => None,
        }
    }

    /// True when `rows[index]` is a task row.
    pub fn is_task_row(&self, index: usize) -> bool {
        matches!(self.rows.get(index), Some(Row::Task { .. }))
    }

    /// The task row closest to `index`, looking down first; 0 when there is none.
    pub fn nearest_task_row(&self, index: usize) -> usize {
        let index = index.min(self.rows.len().saturating_sub(1));
        (index..self.rows.len())
            .find(|&i| self.is_task_row(i))
            .or_else(|| (0..index).rev().find(|&i| self.is_task_row(i)))
            .unwrap_or(0)
    }

    /// The theme heading drawn over the first line of the panes when the first row
    /// shown (`scroll`) is a task whose heading has scrolled off above: in a long role
    /// the reader keeps seeing which theme the tasks on screen belong to. Its row index,
    /// or `None`. Never drawn over the cursor, nor in panes under [`PIN_MIN_HEIGHT`].
    pub fn pinned_heading(&self, scroll: usize, height: usize) -> Option<usize> {
        if height < PIN_MIN_HEIGHT || scroll == self.cursor || !self.is_task_row(scroll) {
            return None;
        }
        (0..scroll).rev().find(|&i| !self.is_task_row(i))
    }

    /// How many rows the panes show at the current size.
    pub fn visible_rows(&self) -> usize {
        crate::layout::screen(self.area).rows_height()
    }

    /// Adjusts the scroll so that the cursor is shown, with its theme heading when it
    /// is the first task of its theme.
    pub fn keep_cursor_visible(&mut self) {
        self.scroll = scroll_for(
            self.scroll,
            self.cursor,
            self.visible_rows(),
            self.rows.len(),
        );
    }

    /// The cell the details and the axis describe: the active side's cell of the
    /// selected row, or the other side's when the active one is empty.
    pub fn selected_cell(&self) -> Option<(Side, usize)> {
        let Row::Task { left, right, .. } = self.selected_row()? else {
            return None;
        };
        let cell = |side: Side| match side {
            Side::Left => left,
            Side::Right => right,
        };
        let side = if cell(self.active).is_some() {
            self.active
        } else {
            self.active.other()
        };
        cell(side).map(|index| (side, index))
    }

    /// The row under the cursor, if it is a task row.
    pub fn selected_row(&self) -> Option<Row> {
        self.rows
            .get(self.cursor)
            .copied()
            .filter(|r| matches!(r, Row::Task { .. }))
    }
}

/// What each heading of `rows` counts: the cells under it on each side.
fn section_counts(rows: &[Row]) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); rows.len()];
    let mut heading = None;
    for (i, row) in rows.iter().enumerate() {
        match *row {
            Row::Theme(_) => heading = Some(i),
            Row::Task { left, right, .. } => {
                if let Some(h) = heading {
                    counts[h].0 += usize::from(left.is_some());
                    counts[h].1 += usize::from(right.is_some());
                }
            }
        }
    }
    counts
}

/// A selected row, as its meaning and task indices (not role-task indices): it can be
/// found again after the roles or the filter changed.
type Selection = Option<(Marker, Option<TaskIdx>, Option<TaskIdx>)>;

/// Tasks of the two roles together from which they are compared in the background
/// (a second or more in a release build; most roles have tens of tasks).
pub const BACKGROUND_TASKS: usize = 4_000;

/// Panes lower than this never pin a heading: it would hide too much of them.
pub const PIN_MIN_HEIGHT: usize = 3;

/// The scroll that shows `cursor` in a window of `height` rows, moving as little as
/// possible from `scroll`; the heading just above the cursor is shown too when it fits.
pub fn scroll_for(scroll: usize, cursor: usize, height: usize, total: usize) -> usize {
    if height == 0 {
        return cursor;
    }
    let max_scroll = total.saturating_sub(height);
    let mut scroll = scroll.min(max_scroll);
    // One row of context above the cursor, so a theme's heading stays with its first task.
    let top = cursor.saturating_sub(1);
    if top < scroll {
        scroll = if height > 1 { top } else { cursor };
    }
    if cursor >= scroll + height {
        scroll = cursor + 1 - height;
    }
    scroll
}
