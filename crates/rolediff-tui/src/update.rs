//! The one place the state changes: `update(&mut App, Action)`.

use ratatui::layout::Rect;
use rolediff::compare::Row;

use crate::action::{Action, Side};
use crate::app::{
    App, ChoiceItem, ChoiceKind, ChoicePopup, Notice, PIN_MIN_HEIGHT, Popup, RolePicker,
};

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    // A notice answers the key that raised it; the next key clears it, a resize does not.
    if !matches!(action, Action::Resize(..)) {
        app.notice = None;
    }
    match action {
        Action::Quit => app.should_quit = true,
        // The loop owns the terminal: it suspends and resumes, then redraws.
        Action::Suspend => app.suspend_requested = true,
        Action::Resize(width, height) => {
            app.area = Rect::new(0, 0, width, height);
            app.keep_cursor_visible();
        }
        Action::SwitchSide => app.active = app.active.other(),
        Action::Activate(side) => app.active = side,
        Action::PreviousRole => step_role(app, -1),
        Action::NextRole => step_role(app, 1),
        Action::Swap => app.swap_sides(),
        // Ranking every role can take a moment on a large catalogue: a worker does it.
        Action::ClosestRole => app.find_closest(),
        Action::ToggleWrap => {
            app.wrap = !app.wrap;
            app.keep_cursor_visible();
        }
        Action::CursorUp if app.landscape.is_some() => move_cell(app, -1, 0),
        Action::CursorDown if app.landscape.is_some() => move_cell(app, 1, 0),
        Action::ColumnLeft => move_cell(app, 0, -1),
        Action::ColumnRight => move_cell(app, 0, 1),
        Action::CursorUp => move_cursor(app, -1),
        Action::CursorDown => move_cursor(app, 1),
        Action::OpenLandscape => app.refresh_landscape(),
        Action::CloseLandscape => app.landscape = None,
        Action::OpenPair => open_pair(app),
        Action::SelectCell(row, column) => {
            let roles = app.data.roles.len();
            if let Some(landscape) = &mut app.landscape
                && row < roles
                && column < roles
            {
                // A click on the selected cell opens it, like Enter: a terminal
                // reports no double click.
                if (landscape.row, landscape.column) == (row, column) {
                    open_pair(app);
                } else {
                    (landscape.row, landscape.column) = (row, column);
                }
            }
        }
        Action::PageUp => move_cursor(app, -(app.visible_rows().max(2) as isize - 1)),
        Action::PageDown => move_cursor(app, app.visible_rows().max(2) as isize - 1),
        Action::First => set_cursor(app, app.nearest_task_row(0)),
        Action::Last => {
            let last = (0..app.rows().len()).rev().find(|&i| app.is_task_row(i));
            set_cursor(app, last.unwrap_or(0));
        }
        Action::HalfPageUp => move_cursor(app, -((app.visible_rows() / 2).max(2) as isize)),
        Action::HalfPageDown => move_cursor(app, (app.visible_rows() / 2).max(2) as isize),
        Action::NextDifference => next_difference(app, true),
        Action::PreviousDifference => next_difference(app, false),
        Action::Back => {
            if app.stop_finding_closest() {
                // Back from the search for the closest role: nothing else changes.
            } else if app.filter.query.is_empty() {
                app.notice = Some(Notice::HowToQuit);
            } else {
                app.filter.query.clear();
                app.recompute();
            }
        }
        Action::PopupFirst => popup_jump(app, Jump::First),
        Action::PopupLast => popup_jump(app, Jump::Last),
        Action::PopupPageUp => popup_jump(app, Jump::PageUp),
        Action::PopupPageDown => popup_jump(app, Jump::PageDown),
        Action::SelectRow(side, row) => {
            app.active = side;
            if app.is_task_row(row) {
                set_cursor(app, row);
            }
        }
        Action::Scroll(lines) => scroll(app, lines),
        Action::CycleView => {
            app.view = app.view.next();
            app.recompute();
        }
        Action::OpenDetails => app.popup = Some(Popup::Details(0)),
        Action::OpenAbout => app.popup = Some(Popup::About(0)),
        Action::OpenHelp => app.popup = Some(Popup::Help(0)),
        Action::OpenDisputes => app.popup = Some(Popup::Disputes(0)),
        Action::OpenThemeFilter => {
            app.popup = Some(Popup::Choice(choice_popup(app, ChoiceKind::Themes)))
        }
        Action::OpenSourceFilter => {
            app.popup = Some(Popup::Choice(choice_popup(app, ChoiceKind::Sources)))
        }
        Action::OpenRolePicker => {
            let mut picker = RolePicker {
                side: app.active,
                query: String::new(),
                matches: Vec::new(),
                cursor: 0,
            };
            picker.refresh(app.data);
            picker.cursor = picker
                .matches
                .iter()
                .position(|&r| r == app.role(app.active))
                .unwrap_or(0);
            app.popup = Some(Popup::RolePicker(picker));
        }
        Action::StartSearch => app.searching = true,
        Action::SearchKeep => app.searching = false,
        Action::SearchClear => {
            app.searching = false;
            if !app.filter.query.is_empty() {
                app.filter.query.clear();
                app.recompute();
            }
        }
        Action::ClosePopup => app.popup = None,
        Action::PopupUp => popup_jump(app, Jump::By(-1)),
        Action::PopupDown => popup_jump(app, Jump::By(1)),
        Action::PopupToggle => {
            if let Some(Popup::Choice(choice)) = &mut app.popup
                && let Some(item) = choice.items.get_mut(choice.cursor)
            {
                item.chosen = !item.chosen;
            }
        }
        Action::PopupClear => {
            if let Some(Popup::Choice(choice)) = &mut app.popup {
                choice.items.iter_mut().for_each(|item| item.chosen = false);
            }
        }
        Action::PopupConfirm => confirm_popup(app),
        Action::Input(c) => type_text(app, c.encode_utf8(&mut [0; 4])),
        // A paste is typed at once: one refresh, not one per character.
        Action::Paste(pasted) => type_text(app, pasted.as_str()),
        Action::InputBackspace => match &mut app.popup {
            Some(Popup::RolePicker(picker)) => {
                picker.query.pop();
                picker.refresh(app.data);
            }
            None if app.searching => {
                app.filter.query.pop();
                app.recompute();
            }
            _ => {}
        },
    }
}

/// Leaves the landscape for the comparison of its selected pair (not a role with itself).
fn open_pair(app: &mut App) {
    if let Some(landscape) = &app.landscape
        && landscape.row != landscape.column
    {
        app.left = landscape.row;
        app.right = landscape.column;
        app.landscape = None;
        app.recompute();
    }
}

/// Moves the landscape's selected cell, staying inside the matrix.
fn move_cell(app: &mut App, rows: isize, columns: isize) {
    let last = app.data.roles.len().saturating_sub(1);
    if let Some(landscape) = &mut app.landscape {
        landscape.row = landscape.row.saturating_add_signed(rows).min(last);
        landscape.column = landscape.column.saturating_add_signed(columns).min(last);
    }
}

fn is_difference(row: &Row) -> bool {
    matches!(row, Row::Task { marker, .. } if marker.is_difference())
}

fn set_cursor(app: &mut App, row: usize) {
    app.cursor = row;
    app.keep_cursor_visible();
}

/// Moves over task rows only: `delta` task rows when small, about `delta` rows when
/// paging, landing on a task row either way.
fn move_cursor(app: &mut App, delta: isize) {
    if app.rows().is_empty() {
        return;
    }
    let last = app.rows().len() - 1;
    if delta.abs() == 1 {
        let next = if delta > 0 {
            (app.cursor + 1..=last).find(|&i| app.is_task_row(i))
        } else {
            (0..app.cursor).rev().find(|&i| app.is_task_row(i))
        };
        if let Some(row) = next {
            set_cursor(app, row);
        }
        return;
    }
    let target = app.cursor.saturating_add_signed(delta).min(last);
    let row = if delta > 0 {
        (target..=last)
            .find(|&i| app.is_task_row(i))
            .or_else(|| (0..target).rev().find(|&i| app.is_task_row(i)))
    } else {
        (0..=target)
            .rev()
            .find(|&i| app.is_task_row(i))
            .or_else(|| (target..=last).find(|&i| app.is_task_row(i)))
    };
    if let Some(row) = row {
        set_cursor(app, row);
    }
}

/// Scrolls the list (mouse wheel); the cursor follows when it would leave the screen.
fn scroll(app: &mut App, lines: i16) {
    let height = app.visible_rows();
    let max_scroll = app.rows().len().saturating_sub(height);
    app.scroll = app
        .scroll
        .saturating_add_signed(isize::from(lines))
        .min(max_scroll);
    if height == 0 {
        return;
    }
    let bottom = app.scroll + height - 1;
    if app.cursor < app.scroll {
        // The top line may get the pinned heading (`App::pinned_heading`): the cursor
        // goes under it, where it is seen.
        let top = if height >= PIN_MIN_HEIGHT {
            app.scroll + 1
        } else {
            app.scroll
        };
        if let Some(row) = (top..=bottom).find(|&i| app.is_task_row(i)) {
            app.cursor = row;
        }
    } else if app.cursor > bottom
        && let Some(row) = (app.scroll..=bottom).rev().find(|&i| app.is_task_row(i))
    {
        app.cursor = row;
    }
}

/// The next or previous role on the active side, skipping the role of the other side
/// (comparing a role with itself says nothing) unless there are only two roles.
fn step_role(app: &mut App, step: isize) {
    let count = app.data.roles.len();
    if count < 2 {
        return;
    }
    let other = app.role(app.active.other());
    let mut role = app.role(app.active);
    for _ in 0..count {
        role = (role as isize + step).rem_euclid(count as isize) as usize;
        if role != other || count == 2 {
            break;
        }
    }
    set_role(app, app.active, role);
}

fn set_role(app: &mut App, side: Side, role: usize) {
    match side {
        Side::Left => app.left = role,
        Side::Right => app.right = role,
    }
    app.recompute();
}

fn choice_popup(app: &App, kind: ChoiceKind) -> ChoicePopup {
    // Counts answer "what would I get": the other filters apply, this one does not.
    let mut without = app.filter.clone();
    let (count, chosen): (usize, &[usize]) = match kind {
        ChoiceKind::Themes => {
            without.themes.clear();
            (app.data.themes.len(), &app.filter.themes)
        }
        ChoiceKind::Sources => {
            without.sources.clear();
            (app.data.sources.len(), &app.filter.sources)
        }
    };
    let data = app.data;
    // One pass over each role's tasks (a role may have a thousand), each index counted
    // once per task.
    let covers = |side: Side| {
        let mut counts = vec![0; count];
        let mut last_task = vec![usize::MAX; count];
        for (at, rt) in data.roles[app.role(side)].tasks.iter().enumerate() {
            if !without.accepts(data, rt) {
                continue;
            }
            let mut count_once = |index: usize| {
                if last_task[index] != at {
                    last_task[index] = at;
                    counts[index] += 1;
                }
            };
            match kind {
                ChoiceKind::Themes => data.tasks[rt.task]
                    .themes
                    .iter()
                    .for_each(|&t| count_once(t)),
                // A source's view keeps the tasks it states, not those it contests.
                ChoiceKind::Sources => rt.sources.iter().for_each(|&s| count_once(s)),
            }
        }
        counts
    };
    let (left, right) = (covers(Side::Left), covers(Side::Right));
    ChoicePopup {
        kind,
        items: (0..count)
            .map(|index| ChoiceItem {
                index,
                chosen: chosen.contains(&index),
                counts: (left[index], right[index]),
            })
            .collect(),
        cursor: 0,
    }
}

/// Adds `text` to the query being typed (role picker or text filter), if any. A query
/// stays short: past [`MAX_QUERY`] characters, the rest is dropped.
fn type_text(app: &mut App, text: &str) {
    let room = |query: &String| MAX_QUERY.saturating_sub(query.chars().count());
    match &mut app.popup {
        Some(Popup::RolePicker(picker)) => {
            let room = room(&picker.query);
            picker.query.extend(text.chars().take(room));
            picker.cursor = 0;
            picker.refresh(app.data);
        }
        None if app.searching => {
            let room = room(&app.filter.query);
            app.filter.query.extend(text.chars().take(room));
            app.recompute();
        }
        _ => {}
    }
}

/// Longest query typed or pasted: longer than any label worth searching for.
pub const MAX_QUERY: usize = 200;

/// A move in a popup: lines, pages, or to an end.
#[derive(Debug, Clone, Copy)]
enum Jump {
    By(isize),
    PageUp,
    PageDown,
    First,
    Last,
}

/// Moves the cursor of a list popup, or scrolls a reading popup without passing its
/// last line (so that the way back up starts at once).
fn popup_jump(app: &mut App, jump: Jump) {
    let geometry = crate::ui::popup_geometry(app);
    let target = |at: usize, last: usize| -> usize {
        let page = geometry.page.max(1) as isize;
        let moved = match jump {
            Jump::By(delta) => at.saturating_add_signed(delta),
            Jump::PageUp => at.saturating_add_signed(-page),
            Jump::PageDown => at.saturating_add_signed(page),
            Jump::First => 0,
            Jump::Last => last,
        };
        moved.min(last)
    };
    match &mut app.popup {
        Some(Popup::Choice(choice)) => {
            choice.cursor = target(choice.cursor, choice.items.len().saturating_sub(1));
        }
        Some(Popup::RolePicker(picker)) => {
            picker.cursor = target(picker.cursor, picker.matches.len().saturating_sub(1));
        }
        Some(
            Popup::Details(scroll)
            | Popup::Help(scroll)
            | Popup::Disputes(scroll)
            | Popup::About(scroll),
        ) => {
            let at = usize::from(*scroll).min(geometry.last);
            *scroll = target(at, geometry.last) as u16;
        }
        None => {}
    }
}

/// Cursor on the next (or previous) difference; past the last one it goes on from the
/// first and says so, as vim's search does.
fn next_difference(app: &mut App, forward: bool) {
    let len = app.rows().len();
    if len == 0 {
        app.notice = Some(Notice::NoDifference);
        return;
    }
    let rows = app.rows();
    let found =
        |mut range: Box<dyn Iterator<Item = usize>>| range.find(|&i| is_difference(&rows[i]));
    let (ahead, wrapped) = if forward {
        (
            found(Box::new(app.cursor + 1..len)),
            found(Box::new(0..=app.cursor.min(len.saturating_sub(1)))),
        )
    } else {
        (
            found(Box::new((0..app.cursor).rev())),
            found(Box::new((app.cursor..len).rev())),
        )
    };
    match (ahead, wrapped) {
        (Some(row), _) => set_cursor(app, row),
        (None, Some(row)) => {
            app.notice = Some(if forward {
                Notice::WrappedToTop
            } else {
                Notice::WrappedToBottom
            });
            set_cursor(app, row);
        }
        (None, None) => app.notice = Some(Notice::NoDifference),
    }
}

fn confirm_popup(app: &mut App) {
    match app.popup.take() {
        Some(Popup::Choice(choice)) => {
            let chosen: Vec<usize> = choice
                .items
                .iter()
                .filter(|item| item.chosen)
                .map(|item| item.index)
                .collect();
            match choice.kind {
                ChoiceKind::Themes => app.filter.themes = chosen,
                ChoiceKind::Sources => app.filter.sources = chosen,
            }
            app.recompute();
            if app.landscape.is_some() {
                app.refresh_landscape();
            }
        }
        Some(Popup::RolePicker(picker)) => match picker.matches.get(picker.cursor) {
            Some(&role) => set_role(app, picker.side, role),
            // Nothing matches: keep the picker open so the query can be corrected.
            None => app.popup = Some(Popup::RolePicker(picker)),
        },
        // Reading popups have nothing to apply: taking them closed them.
        Some(Popup::Details(_) | Popup::Help(_) | Popup::Disputes(_) | Popup::About(_)) | None => {}
    }
}
