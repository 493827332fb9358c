//! Sequences of actions and the state they lead to.

use rolediff::compare::{Marker, Row};
use rolediff::lang::Lang;
use rolediff::model::load_bundled;

use super::{app, apply, small};
use crate::action::{Action, Side};
use crate::app::{ChoiceKind, Popup, ViewMode};
use rolediff::model::initial_roles;

fn marker(app: &crate::app::App, row: usize) -> Option<Marker> {
    match app.rows()[row] {
        Row::Task { marker, .. } => Some(marker),
        Row::Theme(_) => None,
    }
}

#[test]
fn opens_on_the_first_two_roles_of_user_data() {
    let data = small();
    let app = app(&data, 80, 24);
    assert_eq!((app.left, app.right), (0, 1));
    assert_eq!(app.active, Side::Left);
    assert!(
        app.is_task_row(app.cursor),
        "cursor starts on a task, not a heading"
    );
    assert_eq!(app.cursor, 1);
}

#[test]
fn command_line_roles_fill_the_missing_side() {
    let data = small();
    let resolve = |q: &str| data.role_index(q).ok_or(q.to_string());
    assert_eq!(
        initial_roles(&data, Some("mixed"), None, resolve),
        Ok((2, 1))
    );
    assert_eq!(
        initial_roles(&data, Some("lead"), Some("mixed"), resolve),
        Ok((0, 2))
    );
    assert_eq!(
        initial_roles(&data, None, Some("lead"), resolve),
        Ok((1, 0))
    );
    assert_eq!(
        initial_roles(&data, Some("nope"), None, resolve),
        Err("nope".to_string())
    );
}

#[test]
fn cursor_moves_over_tasks_and_skips_headings() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let mut seen = vec![app.cursor];
    for _ in 0..10 {
        apply(&mut app, &[Action::CursorDown]);
        seen.push(app.cursor);
    }
    assert!(seen.iter().all(|&row| app.is_task_row(row)));
    let last = *seen.last().unwrap();
    assert_eq!(last, app.rows().len() - 1, "stops on the last task");
    apply(&mut app, &[Action::First]);
    assert_eq!(app.cursor, 1);
    apply(&mut app, &[Action::Last]);
    assert_eq!(app.cursor, last);
    apply(&mut app, &[Action::CursorUp]);
    assert!(app.is_task_row(app.cursor) && app.cursor < last);
    apply(&mut app, &[Action::PageUp]);
    assert_eq!(app.cursor, 1);
    apply(&mut app, &[Action::PageDown]);
    assert!(app.is_task_row(app.cursor));
}

#[test]
fn n_and_shift_n_land_on_differences() {
    let data = small();
    let mut app = app(&data, 80, 24);
    apply(&mut app, &[Action::First]);
    let mut differences = Vec::new();
    for _ in 0..6 {
        apply(&mut app, &[Action::NextDifference]);
        if app.notice.is_some() {
            // Past the last difference `n` goes on from the first and says so.
            break;
        }
        assert!(marker(&app, app.cursor).unwrap().is_difference());
        differences.push(app.cursor);
    }
    let expected: Vec<usize> = (0..app.rows().len())
        .filter(|&i| marker(&app, i).is_some_and(|m| m.is_difference()))
        .filter(|&i| i > 1)
        .collect();
    assert_eq!(differences, expected);
    assert_eq!(app.notice, Some(crate::app::Notice::WrappedToTop));
    app.cursor = expected[expected.len() - 1];
    apply(&mut app, &[Action::PreviousDifference]);
    assert_eq!(app.cursor, expected[expected.len() - 2]);
}

#[test]
fn tab_switches_side_and_arrows_change_the_active_role() {
    let data = small();
    let mut app = app(&data, 80, 24);
    apply(&mut app, &[Action::SwitchSide]);
    assert_eq!(app.active, Side::Right);
    apply(&mut app, &[Action::NextRole]);
    assert_eq!(app.right, 2, "maker → mixed");
    assert_eq!(app.comparison().right, 2, "the comparison follows");
    // Next wraps round and skips the left role (lead).
    apply(&mut app, &[Action::NextRole]);
    assert_eq!(app.right, 1);
    apply(&mut app, &[Action::PreviousRole]);
    assert_eq!(app.right, 2);
    apply(&mut app, &[Action::SwitchSide, Action::NextRole]);
    assert_eq!((app.active, app.left), (Side::Left, 1));
}

#[test]
fn swap_swaps_roles_and_the_only_sides() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let before = app.comparison().clone();
    apply(&mut app, &[Action::Swap]);
    assert_eq!((app.left, app.right), (before.right, before.left));
    assert_eq!(app.comparison().left_only.len(), before.right_only.len());
    assert_eq!(app.comparison().similarity, before.similarity);
}

#[test]
fn swap_keeps_the_selected_task_and_the_focus_on_its_role() {
    let data = small();
    let mut app = app(&data, 80, 24);
    // Every task row in turn, from either side: after a swap the same task is
    // selected, on the other side, with the mirrored marker.
    for active in [Side::Left, Side::Right] {
        for row in 0..app.rows().len() {
            if !app.is_task_row(row) {
                continue;
            }
            app.active = active;
            app.cursor = row;
            let (role, cell) = (app.role(app.active), app.selected_cell());
            let task = |app: &crate::app::App, (side, i): (Side, usize)| {
                data.roles[app.role(side)].tasks[i].task
            };
            let before_task = cell.map(|c| task(&app, c));
            let before_marker = marker(&app, row);
            apply(&mut app, &[Action::Swap]);
            assert_eq!(app.role(app.active), role, "the focus follows the role");
            assert_eq!(app.selected_cell().map(|c| task(&app, c)), before_task);
            let mirrored = before_marker.map(|m| match m {
                Marker::LeftOnly => Marker::RightOnly,
                Marker::RightOnly => Marker::LeftOnly,
                other => other,
            });
            assert_eq!(marker(&app, app.cursor), mirrored, "row {row}");
            apply(&mut app, &[Action::Swap]);
            assert_eq!((app.cursor, app.active), (row, active), "swapping back");
        }
    }
}

#[test]
fn theme_filter_applies_on_enter_and_recomputes() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let content = data.theme_index("content").unwrap();
    apply(&mut app, &[Action::OpenThemeFilter]);
    let Some(Popup::Choice(choice)) = &app.popup else {
        panic!("theme popup open");
    };
    assert_eq!(choice.kind, ChoiceKind::Themes);
    assert_eq!(choice.items.len(), data.themes.len());
    apply(
        &mut app,
        &[Action::PopupDown, Action::PopupDown, Action::PopupToggle],
    );
    assert!(app.filter.themes.is_empty(), "nothing applies before Enter");
    apply(&mut app, &[Action::PopupConfirm]);
    assert!(app.popup.is_none());
    assert_eq!(app.filter.themes, vec![content]);
    assert!(
        app.rows()
            .iter()
            .all(|r| !matches!(r, Row::Theme(t) if *t != content))
    );
    assert_eq!(app.comparison().shared.len(), 1);
    // `a` clears, Esc cancels without applying.
    apply(
        &mut app,
        &[
            Action::OpenThemeFilter,
            Action::PopupClear,
            Action::ClosePopup,
        ],
    );
    assert_eq!(app.filter.themes, vec![content]);
    apply(
        &mut app,
        &[
            Action::OpenThemeFilter,
            Action::PopupClear,
            Action::PopupConfirm,
        ],
    );
    assert!(app.filter.themes.is_empty());
}

#[test]
fn source_filter_keeps_tasks_a_source_speaks_of() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let beta = data.source_index("beta").unwrap();
    apply(
        &mut app,
        &[
            Action::OpenSourceFilter,
            Action::PopupDown,
            Action::PopupToggle,
            Action::PopupConfirm,
        ],
    );
    assert_eq!(app.filter.sources, vec![beta]);
    // lead: plan-content (alpha, beta); maker: write-posts, plan-content (beta).
    assert_eq!(app.comparison().shared.len(), 1);
    assert_eq!(app.comparison().left_only.len(), 0);
    assert_eq!(app.comparison().right_only.len(), 1);
}

#[test]
fn a_source_view_drops_what_the_source_only_contests() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let alpha = data.source_index("alpha").unwrap();
    // The popup counts, per source, the tasks it states: alpha states both of lead's
    // and one of maker's (it contests "Write posts", which beta states).
    apply(&mut app, &[Action::OpenSourceFilter]);
    let Some(Popup::Choice(choice)) = &app.popup else {
        panic!("the source popup is open");
    };
    assert_eq!(choice.items[alpha].counts, (2, 1));
    apply(&mut app, &[Action::PopupToggle, Action::PopupConfirm]);
    assert_eq!(app.filter.sources, vec![alpha]);
    let maker = &data.roles[app.right];
    let right_tasks: Vec<&str> = app
        .comparison()
        .right_only
        .iter()
        .map(|&j| data.tasks[maker.tasks[j].task].id.as_str())
        .collect();
    assert_eq!(right_tasks, ["moderate"]);
    assert_eq!(
        app.counts().contested,
        0,
        "nothing alpha states is contested by alpha"
    );
    // Without a source filter the contest shows, and the header counts it.
    apply(
        &mut app,
        &[
            Action::OpenSourceFilter,
            Action::PopupClear,
            Action::PopupConfirm,
        ],
    );
    assert_eq!(app.counts().contested, 1);
    assert_eq!((app.counts().right, app.counts().shared), (2, 1));
}

#[test]
fn d_lists_where_the_sources_disagree_and_esc_closes_it() {
    let data = small();
    let mut app = app(&data, 100, 30);
    apply(&mut app, &[Action::OpenDisputes]);
    assert_eq!(app.popup, Some(Popup::Disputes(0)));
    let screen = super::screen_text(&app, 100, 30);
    assert!(screen.contains("Where the sources disagree"), "{screen}");
    assert!(screen.contains("! Write posts"), "{screen}");
    assert!(screen.contains("  Stated by: beta"), "{screen}");
    assert!(screen.contains("  Contested by: alpha"), "{screen}");
    assert!(screen.contains("Alpha says the lead does it."), "{screen}");
    apply(&mut app, &[Action::ClosePopup]);
    assert_eq!(app.popup, None);
    // lead and mixed: nobody disagrees about them.
    apply(
        &mut app,
        &[Action::SwitchSide, Action::NextRole, Action::OpenDisputes],
    );
    let screen = super::screen_text(&app, 100, 30);
    assert!(
        screen.contains("The sources do not contradict each other"),
        "{screen}"
    );
}

#[test]
fn text_filter_is_live_kept_on_enter_and_cleared_on_esc() {
    let data = small();
    let mut app = app(&data, 80, 24);
    apply(
        &mut app,
        &[Action::StartSearch, Action::Input('p'), Action::Input('l')],
    );
    assert_eq!(app.filter.query, "pl");
    assert_eq!(app.comparison().shared.len(), 1);
    assert_eq!(
        app.comparison().left_only.len() + app.comparison().right_only.len(),
        0
    );
    apply(&mut app, &[Action::InputBackspace, Action::SearchKeep]);
    assert!(!app.searching);
    assert_eq!(app.filter.query, "p");
    apply(&mut app, &[Action::StartSearch, Action::SearchClear]);
    assert_eq!(app.filter.query, "");
    assert_eq!(app.comparison().right_only.len(), 2);
}

#[test]
fn view_cycles_all_shared_differences() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let all = app.rows().len();
    apply(&mut app, &[Action::CycleView]);
    assert_eq!(app.view, ViewMode::Shared);
    assert!((0..app.rows().len()).all(|i| marker(&app, i) != Some(Marker::LeftOnly)));
    assert!(app.rows().len() < all);
    apply(&mut app, &[Action::CycleView]);
    assert_eq!(app.view, ViewMode::Differences);
    assert!((0..app.rows().len()).all(|i| marker(&app, i) != Some(Marker::Shared)));
    assert!(app.is_task_row(app.cursor));
    apply(&mut app, &[Action::CycleView]);
    assert_eq!((app.view, app.rows().len()), (ViewMode::All, all));
}

#[test]
fn role_picker_filters_as_you_type_and_chooses_on_enter() {
    let data = small();
    let mut app = app(&data, 80, 24);
    apply(&mut app, &[Action::SwitchSide, Action::OpenRolePicker]);
    let Some(Popup::RolePicker(picker)) = &app.popup else {
        panic!("picker open");
    };
    assert_eq!(picker.matches.len(), 3);
    assert_eq!(picker.cursor, 1, "starts on the current role");
    apply(&mut app, &[Action::Input('m'), Action::Input('i')]);
    let Some(Popup::RolePicker(picker)) = &app.popup else {
        panic!("picker open");
    };
    assert_eq!(picker.matches, vec![2]);
    apply(&mut app, &[Action::PopupConfirm]);
    assert!(app.popup.is_none());
    assert_eq!(app.right, 2);
    // Esc cancels; a query matching nothing keeps the picker open on Enter.
    apply(
        &mut app,
        &[
            Action::OpenRolePicker,
            Action::Input('z'),
            Action::PopupConfirm,
        ],
    );
    assert!(matches!(app.popup, Some(Popup::RolePicker(_))));
    apply(&mut app, &[Action::ClosePopup]);
    assert!(app.popup.is_none());
    assert_eq!(app.right, 2);
}

#[test]
fn popups_close_on_esc_and_quit_only_without_popup() {
    let data = small();
    let mut app = app(&data, 80, 24);
    for open in [
        Action::OpenDetails,
        Action::OpenHelp,
        Action::OpenThemeFilter,
        Action::OpenSourceFilter,
        Action::OpenRolePicker,
    ] {
        apply(&mut app, &[open]);
        assert!(app.popup.is_some(), "{open:?}");
        apply(&mut app, &[Action::ClosePopup]);
        assert!(app.popup.is_none(), "{open:?}");
    }
    assert!(!app.should_quit);
    apply(&mut app, &[Action::Quit]);
    assert!(app.should_quit);
}

#[test]
fn mouse_selects_rows_and_panes_and_the_wheel_scrolls() {
    use crate::event::to_action;
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let data = small();
    let mut app = app(&data, 80, 24);
    let screen = crate::layout::screen(app.area);
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The fourth line of the right pane's rows: maker's "Moderate conversations".
    let event = click(screen.rows[1].x + 3, screen.rows[1].y + 3);
    let action = to_action(&app, &event).unwrap();
    assert_eq!(action, Action::SelectRow(Side::Right, 3));
    apply(&mut app, &[action]);
    assert_eq!((app.active, app.cursor), (Side::Right, 3));
    // A click on a heading activates the pane without moving the cursor there.
    let action = to_action(&app, &click(screen.rows[0].x + 2, screen.rows[0].y)).unwrap();
    apply(&mut app, &[action]);
    assert_eq!((app.active, app.cursor), (Side::Left, 3));
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(to_action(&app, &wheel), Some(Action::Scroll(3)));
}

#[test]
fn scrolling_keeps_the_cursor_visible_on_long_lists() {
    let data = small();
    // 16 rows high leaves a few task lines only; resize smaller to force scrolling.
    let mut app = app(&data, 60, 16);
    let height = app.visible_rows();
    assert!(
        height < app.rows().len(),
        "the fixture must overflow at 60×16"
    );
    apply(&mut app, &[Action::Last]);
    assert!(app.cursor >= app.scroll && app.cursor < app.scroll + height);
    apply(&mut app, &[Action::Scroll(-3)]);
    assert!(app.cursor >= app.scroll && app.cursor < app.scroll + height);
    apply(
        &mut app,
        &[
            Action::Resize(1, 1),
            Action::CursorUp,
            Action::Resize(80, 24),
        ],
    );
    assert!(app.is_task_row(app.cursor));
}

#[test]
fn bundled_data_opens_on_two_different_roles() {
    let data = load_bundled().expect("bundled data loads");
    let app = super::app(&data, 120, 40);
    assert_ne!(app.left, app.right);
    if let (Some(l), Some(r)) = (
        data.role_index("community-manager"),
        data.role_index("social-media-manager"),
    ) {
        assert_eq!((app.left, app.right), (l, r));
    }
    let text = super::screen_text(&app, 120, 40);
    assert!(text.contains(&app.role_name(app.left)));
    assert!(text.contains(&app.role_name(app.right)));
    assert!(text.contains("similarity"));
    let _ = Lang::Fr;
}

#[test]
fn a_huge_paste_is_one_short_query_and_one_refresh() {
    use crate::action::Pasted;
    let data = small();
    let mut app = app(&data, 80, 24);
    let paste = "plan".to_string() + &"x".repeat(20_000);
    apply(
        &mut app,
        &[Action::StartSearch, Action::Paste(Pasted::new(&paste))],
    );
    assert_eq!(app.filter.query.chars().count(), Pasted::MAX_BYTES);
    assert!(app.filter.query.starts_with("planxxx"));
    // Typing goes on to the query's cap, not past it.
    for _ in 0..200 {
        apply(&mut app, &[Action::Input('y')]);
    }
    assert_eq!(app.filter.query.chars().count(), crate::update::MAX_QUERY);
    // In the role picker too, and an escape sequence arrives as text, not as keys.
    apply(
        &mut app,
        &[
            Action::SearchClear,
            Action::OpenRolePicker,
            Action::Paste(Pasted::new("ma\u{1b}[200~ker")),
        ],
    );
    let Some(Popup::RolePicker(picker)) = &app.popup else {
        panic!("picker open");
    };
    assert_eq!(picker.query, "ma\u{FFFD}[200~ker");
}

#[test]
fn a_long_dispute_note_hangs_under_its_label_and_no_line_starts_with_punctuation() {
    let data = rolediff::model::load_bundled().expect("bundled data");
    let mut app = app(&data, 80, 24);
    app.lang = rolediff::lang::Lang::Fr;
    apply(&mut app, &[Action::OpenDisputes]);
    let screen = super::screen_text(&app, 80, 24);
    // The popup's text starts two columns inside its border `│`.
    let texts: Vec<&str> = screen
        .lines()
        .filter_map(|line| line.split_once('│').map(|(_, rest)| rest))
        .filter_map(|rest| rest.strip_prefix(' '))
        .collect();
    let note = texts
        .iter()
        .position(|text| text.starts_with("  Note : "))
        .unwrap_or_else(|| panic!("a note:\n{screen}"));
    assert!(
        texts[note + 1].starts_with("    ") && !texts[note + 1].starts_with("     "),
        "the note's second line hangs four columns in:\n{screen}"
    );
    for text in &texts {
        let start = text.trim_start();
        assert!(
            !start.starts_with([';', ':', '?', '!', '»']) || start.starts_with("! "),
            "a line starts with punctuation: {text:?}\n{screen}"
        );
    }
}
