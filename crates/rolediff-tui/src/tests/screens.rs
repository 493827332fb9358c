//! Whole screens at 80×24 and 120×40, compared with reviewed snapshots.

use insta::assert_snapshot;
use ratatui::style::Color;
use rolediff::lang::Lang;

use super::{app, apply, draw, screen_text, small};
use crate::action::Action;
use crate::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the screen after `actions` at both sizes.
fn snapshot(name: &str, actions: &[Action]) {
    let data = small();
    for (width, height) in SIZES {
        let mut app = app(&data, width, height);
        apply(&mut app, actions);
        let terminal = draw(&app, width, height);
        assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn start_screen() {
    snapshot("start", &[]);
}

#[test]
fn after_changing_the_right_role() {
    snapshot(
        "right_role_changed",
        &[Action::SwitchSide, Action::NextRole],
    );
}

#[test]
fn with_a_theme_filter() {
    snapshot(
        "theme_filter_applied",
        &[
            Action::OpenThemeFilter,
            Action::PopupDown,
            Action::PopupDown,
            Action::PopupToggle,
            Action::PopupConfirm,
        ],
    );
}

#[test]
fn differences_view_with_a_text_filter_being_typed() {
    snapshot(
        "differences_searching",
        &[
            Action::CycleView,
            Action::CycleView,
            Action::StartSearch,
            Action::Input('e'),
        ],
    );
}

#[test]
fn details_popup() {
    // Down to maker's contested "Write posts", on the right side.
    snapshot(
        "popup_details",
        &[Action::SwitchSide, Action::Last, Action::OpenDetails],
    );
}

#[test]
fn theme_popup() {
    snapshot(
        "popup_themes",
        &[
            Action::OpenThemeFilter,
            Action::PopupDown,
            Action::PopupToggle,
        ],
    );
}

#[test]
fn source_popup() {
    snapshot(
        "popup_sources",
        &[
            Action::OpenSourceFilter,
            Action::PopupToggle,
            Action::PopupDown,
        ],
    );
}

#[test]
fn role_picker_popup() {
    snapshot("popup_roles", &[Action::OpenRolePicker, Action::Input('m')]);
}

#[test]
fn help_popup() {
    snapshot("popup_help", &[Action::OpenHelp]);
}

#[test]
fn too_small() {
    let data = small();
    let app = app(&data, 40, 10);
    assert_snapshot!("too_small_40x10", draw(&app, 40, 10).backend());
    // Never a panic, whatever the size, popups included.
    for (width, height) in [
        (1, 1),
        (0, 0),
        (2, 5),
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (300, 100),
    ] {
        let mut app = super::app(&data, width, height);
        for action in [
            Action::OpenHelp,
            Action::OpenDetails,
            Action::OpenThemeFilter,
            Action::OpenRolePicker,
        ] {
            apply(&mut app, &[action]);
            draw(&app, width, height);
            apply(&mut app, &[Action::ClosePopup]);
        }
        draw(&app, width, height);
    }
}

#[test]
fn french() {
    let data = small();
    let mut app = app(&data, 80, 24);
    app.lang = Lang::Fr;
    assert_snapshot!("start_fr_80x24", draw(&app, 80, 24).backend());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Responsable") && text.contains("similarité"));
}

#[test]
fn no_color_has_no_colours_but_keeps_marks() {
    let data = small();
    for (width, height) in SIZES {
        let mut app = app(&data, width, height);
        app.theme = Theme::new(false);
        for actions in [
            &[][..],
            &[Action::OpenDetails],
            &[Action::OpenThemeFilter],
            &[Action::OpenHelp],
        ] {
            app.popup = None;
            apply(&mut app, actions);
            let terminal = draw(&app, width, height);
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.fg, Color::Reset, "{actions:?}: {cell:?}");
                assert_eq!(cell.bg, Color::Reset, "{actions:?}: {cell:?}");
            }
        }
        app.popup = None;
        let text = screen_text(&app, width, height);
        for mark in ["=", "<", ">", "!", "▶"] {
            assert!(text.contains(mark), "{mark} shown without colour");
        }
    }
    let mut app = app(&data, 80, 24);
    app.theme = Theme::new(false);
    assert_snapshot!("no_color_80x24", draw(&app, 80, 24).backend());
}

#[test]
fn colours_are_used_when_allowed() {
    let data = small();
    let app = app(&data, 80, 24);
    let terminal = draw(&app, 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.fg != Color::Reset)
    );
}

#[test]
fn a_scrolled_theme_keeps_its_heading_pinned_on_the_first_line() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use rolediff::compare::Row;

    let data = rolediff::model::load_bundled().expect("the bundled data loads");
    let mut app = app(&data, 80, 24);
    let height = app.visible_rows();
    apply(&mut app, &[Action::Last]);
    let heading = app
        .pinned_heading(app.scroll, height)
        .expect("at the end, the last theme's heading has scrolled off");
    let Row::Theme(theme) = app.rows()[heading] else {
        panic!("a pinned row is a heading");
    };
    // It is the heading of the tasks at the top of the panes.
    assert!(
        app.rows()[heading + 1..=app.scroll]
            .iter()
            .all(|row| matches!(row, Row::Task { .. }))
    );
    let screen = crate::layout::screen(app.area);
    let first_line = usize::from(screen.rows[0].y);
    let text = screen_text(&app, 80, 24);
    let line = text
        .lines()
        .nth(first_line)
        .expect("the first line of the rows");
    assert!(line.contains(&app.theme_label(theme)), "{line}\n{text}");

    // A click on the pinned line selects no task hidden under it.
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: screen.rows[0].x + 2,
        row: screen.rows[0].y,
        modifiers: KeyModifiers::NONE,
    });
    let action = crate::event::to_action(&app, &click);
    assert_eq!(action, Some(Action::Activate(crate::action::Side::Left)));

    // Going up to the top, and back down with the wheel, the pin never hides the cursor.
    for action in std::iter::repeat_n(Action::CursorUp, app.rows().len())
        .chain(std::iter::repeat_n(Action::Scroll(1), app.rows().len()))
    {
        apply(&mut app, &[action]);
        if app.pinned_heading(app.scroll, height).is_some() {
            assert!(
                app.cursor > app.scroll,
                "{action:?}: the cursor is under the pin"
            );
        }
    }
    assert!(
        app.pinned_heading(app.scroll, height).is_some(),
        "the wheel at the end pins the heading too"
    );
}
